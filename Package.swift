// swift-tools-version:6.0
// The Swift package of socialcart: `.package(url: "<this repository>", ...)` or
// `.package(path: "<this repository>")`, product "SocialCart", `import SocialCart`.
// The sources live in bindings/swift (see bindings/swift/README.md).
import Foundation
import PackageDescription

let packageDirectory = Context.packageDirectory
let swiftDirectory = "bindings/swift"

// The C library. Two ways to get it:
//
// * An XCFramework (Apple platforms): bindings/swift/build-xcframework.sh writes
//   bindings/swift/CSocialCart.xcframework on a Mac; when it is there, the C module comes
//   from it. A release would point a `.binaryTarget(url:checksum:)` at the zipped
//   XCFramework instead. (Not built or tested on Linux: there is no Apple toolchain.)
//
// * libsocialcart.so/.dylib built by CMake (Linux, or a Mac without the XCFramework): the
//   module map links "socialcart"; the directory comes from SOCIALCART_LIB_DIR, else the
//   repository's build/ when the library is there, and is passed as -L and an rpath.
//   Without either, the library must be where the linker and loader look already
//   (e.g. /usr/local/lib after `cmake --install`). SwiftPM refuses the -L/rpath flags
//   (unsafeFlags) in a package fetched by URL, so those set SOCIALCART_LIB_DIR only for
//   root and path dependencies, or install the library.
let xcframework = swiftDirectory + "/CSocialCart.xcframework"
let useXCFramework: Bool = {
    #if os(macOS)
    return FileManager.default.fileExists(atPath: packageDirectory + "/" + xcframework)
    #else
    return false
    #endif
}()

let libDir: String? = {
    if let dir = Context.environment["SOCIALCART_LIB_DIR"], !dir.isEmpty {
        return dir.hasPrefix("/") ? dir : packageDirectory + "/" + dir
    }
    let build = packageDirectory + "/build"
    for name in ["libsocialcart.so", "libsocialcart.dylib"]
    where FileManager.default.fileExists(atPath: build + "/" + name) {
        return build
    }
    return nil
}()

let linkFlags: [LinkerSetting] = useXCFramework ? [] : libDir.map { dir in
    [.unsafeFlags(["-L", dir, "-Xlinker", "-rpath", "-Xlinker", dir])]
} ?? []

let cModule: Target = useXCFramework
    ? .binaryTarget(name: "CSocialCart", path: xcframework)
    // A module map over include/socialcart/socialcart.h, the umbrella header (not a copy).
    : .systemLibrary(name: "CSocialCart", path: swiftDirectory + "/Sources/CSocialCart")

let package = Package(
    name: "SocialCart",
    // async/await (and AsyncStream) need iOS 13 / macOS 10.15 / tvOS 13 / watchOS 6.
    platforms: [.iOS(.v13), .macOS(.v10_15), .tvOS(.v13), .watchOS(.v6)],
    products: [
        .library(name: "SocialCart", targets: ["SocialCart"]),
    ],
    targets: [
        cModule,
        .target(
            name: "SocialCart",
            dependencies: ["CSocialCart"],
            path: swiftDirectory + "/Sources/SocialCart",
            linkerSettings: (useXCFramework ? [] : [.linkedLibrary("socialcart")]) + linkFlags),
        .testTarget(
            name: "SocialCartTests",
            dependencies: ["SocialCart", "CSocialCart"],
            path: swiftDirectory + "/Tests/SocialCartTests",
            linkerSettings: linkFlags),
    ]
)

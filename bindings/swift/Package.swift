// swift-tools-version:6.0
import PackageDescription

// Where libsocialcart.so lives. SOCIALCART_LIB_DIR overrides the default, which is
// the repository's CMake build directory (../../build relative to this package).
let libDir: String = {
    if let dir = Context.environment["SOCIALCART_LIB_DIR"], !dir.isEmpty {
        return dir.hasPrefix("/") ? dir : Context.packageDirectory + "/" + dir
    }
    return Context.packageDirectory + "/../../build"
}()

let package = Package(
    name: "SocialCart",
    products: [
        .library(name: "SocialCart", targets: ["SocialCart"]),
    ],
    targets: [
        // A module map over include/socialcart/socialcart.h (one header, not a copy).
        .systemLibrary(name: "CSocialCart", path: "Sources/CSocialCart"),
        .target(
            name: "SocialCart",
            dependencies: ["CSocialCart"],
            linkerSettings: [
                .linkedLibrary("socialcart"),
                .unsafeFlags(["-L", libDir, "-Xlinker", "-rpath", "-Xlinker", libDir]),
            ]
        ),
        .testTarget(
            name: "SocialCartTests",
            dependencies: ["SocialCart", "CSocialCart"],
            linkerSettings: [
                .unsafeFlags(["-L", libDir, "-Xlinker", "-rpath", "-Xlinker", libDir]),
            ]
        ),
    ]
)

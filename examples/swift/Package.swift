// swift-tools-version:6.0
import Foundation
import PackageDescription

// The same library directory as the binding (SOCIALCART_LIB_DIR, default: the repo's
// build/ directory), so the executable finds libsocialcart.so at run time.
let libDir: String = {
    if let dir = Context.environment["SOCIALCART_LIB_DIR"], !dir.isEmpty {
        return dir.hasPrefix("/") ? dir : Context.packageDirectory + "/" + dir
    }
    return Context.packageDirectory + "/../../build"
}()
let linkFlags: [LinkerSetting] = [
    .unsafeFlags(["-L", libDir, "-Xlinker", "-rpath", "-Xlinker", libDir]),
]

// SwiftPM names a package depended on by path after its directory (lowercased): the
// repository's directory, "socialcart" in a plain clone.
let socialCartIdentity = URL(fileURLWithPath: Context.packageDirectory + "/../..")
    .standardizedFileURL.lastPathComponent.lowercased()

let package = Package(
    name: "SocialCartExample",
    products: [
        .executable(name: "socialcart-walkthrough", targets: ["SocialCartWalkthrough"]),
    ],
    dependencies: [
        // The repository root holds the SocialCart package (Package.swift).
        .package(path: "../.."),
    ],
    targets: [
        // The story, as a library so that a test runs it.
        .target(
            name: "Walkthrough",
            dependencies: [.product(name: "SocialCart", package: socialCartIdentity)]),
        .executableTarget(
            name: "SocialCartWalkthrough",
            dependencies: ["Walkthrough"],
            linkerSettings: linkFlags),
        .testTarget(
            name: "WalkthroughTests",
            dependencies: ["Walkthrough"],
            linkerSettings: linkFlags),
    ]
)

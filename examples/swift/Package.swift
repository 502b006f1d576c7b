// swift-tools-version:6.0
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

let package = Package(
    name: "SocialCartExample",
    products: [
        .executable(name: "socialcart-walkthrough", targets: ["SocialCartWalkthrough"]),
    ],
    dependencies: [
        // Packages/SocialCart is a symlink to ../../bindings/swift. Depending on that
        // path directly does not work: SwiftPM names a local package after its
        // directory, and this package's directory is also called "swift", so the two
        // identities collide ("product 'SocialCart' ... not found in package 'swift'").
        .package(path: "Packages/SocialCart"),
    ],
    targets: [
        // The story, as a library so that a test runs it.
        .target(
            name: "Walkthrough",
            dependencies: [.product(name: "SocialCart", package: "SocialCart")]),
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

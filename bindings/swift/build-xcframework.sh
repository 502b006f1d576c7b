#!/usr/bin/env bash
# Builds CSocialCart.xcframework for the root Package.swift: the C library (libsocialcart,
# built by CMake) as a dynamic framework per Apple slice, with the one public header and a
# module map, combined with `xcodebuild -create-xcframework`:
#
#   ios-arm64                    iphoneos          arm64
#   ios-arm64_x86_64-simulator   iphonesimulator   arm64 + x86_64
#   macos-arm64_x86_64           macosx            arm64 + x86_64
#
#   bindings/swift/build-xcframework.sh            # writes bindings/swift/CSocialCart.xcframework
#
# When that directory exists, the root Package.swift uses it (`.binaryTarget`) instead of the
# Linux system-library target; zip it (`ditto -c -k --keepParent`) and compute
# `swift package compute-checksum` to publish it for `.binaryTarget(url:checksum:)`.
#
# NOT RUN: this repository is developed on Linux without Xcode or an Apple SDK, so this
# script has never been executed. Expect to adjust it on the first run on a Mac.
#
# Needs macOS with Xcode (xcodebuild, xcrun, lipo, install_name_tool), cmake and ninja,
# and the library's dependencies (SQLiteCpp + SQLite, nlohmann_json, OpenSSL libcrypto)
# built for each slice. Point CMake at them per slice with
#   SOCIALCART_DEPS_IOS, SOCIALCART_DEPS_SIMULATOR, SOCIALCART_DEPS_MACOS
# (each a CMAKE_PREFIX_PATH; the simulator and macOS prefixes must hold arm64+x86_64 builds).
# Deployment targets: IOS_DEPLOYMENT_TARGET (default 13.0), MACOS_DEPLOYMENT_TARGET (10.15),
# the package's minimum; raise them if the C++20 standard library in use needs newer ones.
set -euo pipefail

if [[ "$(uname -s)" != Darwin ]]; then
    echo "error: build-xcframework.sh needs macOS with Xcode (this is $(uname -s))" >&2
    exit 1
fi
for tool in cmake ninja xcodebuild xcrun install_name_tool; do
    command -v "$tool" >/dev/null || { echo "error: $tool not found" >&2; exit 1; }
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${SOCIALCART_XCFRAMEWORK_WORK:-$repo/build-apple}"
output="$here/CSocialCart.xcframework"
ios_min="${IOS_DEPLOYMENT_TARGET:-13.0}"
macos_min="${MACOS_DEPLOYMENT_TARGET:-10.15}"
jobs="${JOBS:-$(sysctl -n hw.ncpu)}"
name=CSocialCart   # the framework, its binary and the Clang module the Swift code imports

# build_slice SLICE SYSTEM SYSROOT ARCHS MIN DEPS
build_slice() {
    local slice=$1 system=$2 sysroot=$3 archs=$4 min=$5 deps=$6
    local dir="$work/$slice"
    local args=(-S "$repo" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release
                -DCMAKE_SYSTEM_NAME="$system" -DCMAKE_OSX_SYSROOT="$sysroot"
                -DCMAKE_OSX_ARCHITECTURES="$archs" -DCMAKE_OSX_DEPLOYMENT_TARGET="$min"
                -DSOCIALCART_BENCH=OFF -DSOCIALCART_WERROR=OFF -DBUILD_TESTING=OFF)
    if [[ -n "$deps" ]]; then
        args+=(-DCMAKE_PREFIX_PATH="$deps" -DCMAKE_FIND_ROOT_PATH="$deps")
    fi
    echo "==> $slice: cmake ($sysroot, $archs, min $min)"
    cmake "${args[@]}"
    cmake --build "$dir" -j "$jobs" --target socialcart
}

# make_framework SLICE PLATFORM(ios|macos): wraps the slice's libsocialcart.dylib
make_framework() {
    local slice=$1 platform=$2
    local dylib
    dylib="$(find "$work/$slice" -maxdepth 1 -name 'libsocialcart*.dylib' -type f | head -n 1)"
    [[ -n "$dylib" ]] || { echo "error: no libsocialcart dylib in $work/$slice" >&2; exit 1; }
    local fw="$work/frameworks/$slice/$name.framework"
    rm -rf "$fw"
    local root="$fw" resources="$fw"
    if [[ $platform == macos ]]; then
        # macOS frameworks are versioned bundles.
        root="$fw/Versions/A"
        resources="$root/Resources"
    fi
    mkdir -p "$root/Headers/socialcart" "$root/Modules" "$resources"
    cp "$dylib" "$root/$name"
    install_name_tool -id "@rpath/$name.framework/$name" "$root/$name"
    cp "$repo/include/socialcart/socialcart.h" "$root/Headers/socialcart/socialcart.h"
    cat >"$root/Modules/module.modulemap" <<MAP
framework module $name {
    header "socialcart/socialcart.h"
    export *
}
MAP
    local min_key=MinimumOSVersion min=$ios_min
    [[ $platform == macos ]] && { min_key=LSMinimumSystemVersion; min=$macos_min; }
    cat >"$resources/Info.plist" <<PLIST
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
    <key>CFBundleExecutable</key><string>$name</string>
    <key>CFBundleIdentifier</key><string>org.socialcart.$name</string>
    <key>CFBundleName</key><string>$name</string>
    <key>CFBundlePackageType</key><string>FMWK</string>
    <key>CFBundleShortVersionString</key><string>$(sed -nE 's/^#define SOCIALCART_VERSION_STRING "([^"]*)".*/\1/p' "$repo/include/socialcart/socialcart.h")</string>
    <key>CFBundleVersion</key><string>1</string>
    <key>$min_key</key><string>$min</string>
</dict>
</plist>
PLIST
    if [[ $platform == macos ]]; then
        ln -s A "$fw/Versions/Current"
        for entry in "$name" Headers Modules Resources; do
            ln -s "Versions/Current/$entry" "$fw/$entry"
        done
    fi
}

build_slice ios-arm64 iOS iphoneos arm64 "$ios_min" "${SOCIALCART_DEPS_IOS:-}"
build_slice ios-arm64_x86_64-simulator iOS iphonesimulator "arm64;x86_64" "$ios_min" "${SOCIALCART_DEPS_SIMULATOR:-}"
build_slice macos-arm64_x86_64 Darwin macosx "arm64;x86_64" "$macos_min" "${SOCIALCART_DEPS_MACOS:-}"

make_framework ios-arm64 ios
make_framework ios-arm64_x86_64-simulator ios
make_framework macos-arm64_x86_64 macos

rm -rf "$output"
xcodebuild -create-xcframework \
    -framework "$work/frameworks/ios-arm64/$name.framework" \
    -framework "$work/frameworks/ios-arm64_x86_64-simulator/$name.framework" \
    -framework "$work/frameworks/macos-arm64_x86_64/$name.framework" \
    -output "$output"
echo "==> $output"
echo "    The root Package.swift now uses it on Apple platforms (.binaryTarget(name: \"$name\", path: ...))."

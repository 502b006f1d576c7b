#!/usr/bin/env bash
# Builds and tests the Swift package (Package.swift at the repository root, sources in
# bindings/swift), builds, tests and runs the Swift example (and, when the C walkthrough
# was built, checks that both tell the same story), then builds and runs a throwaway
# package outside the repository that depends on the repository root by path.
#
#   SOCIALCART_LIB_DIR=/path/to/dir/with/libsocialcart.so  bindings/swift/run-tests.sh
#
# SOCIALCART_LIB_DIR defaults to the repository's build/ directory (what
# `cmake -S . -B build && cmake --build build` produces). Exits non-zero on any failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
example="$repo/examples/swift"
lib_dir="${SOCIALCART_LIB_DIR:-$repo/build}"
lib_dir="$(cd "$lib_dir" && pwd)"   # absolute, so both packages agree
export SOCIALCART_LIB_DIR="$lib_dir"
jobs="${SWIFT_JOBS:-1}"

step() { printf '\n==> %s\n' "$*"; }

if [[ ! -e "$lib_dir/libsocialcart.so" ]]; then
    echo "error: $lib_dir/libsocialcart.so not found; build the library first or set SOCIALCART_LIB_DIR" >&2
    exit 1
fi

step "coverage: every SC_API function of the header is called in bindings/swift/Sources"
# Comments are stripped first: a function named only in a comment does not count. The
# functions tests/abi/binding_allowlist.txt lets the Swift binding leave unwrapped are skipped.
code="$(cat "$here"/Sources/SocialCart/*.swift | perl -0777 -pe 's{/\*.*?\*/}{}gs; s{//[^\n]*}{}g')"
allowlist="$repo/tests/abi/binding_allowlist.txt"
missing=0
allowed=0
while read -r fn; do
    if grep -qE "^swift ${fn}( |$)" "$allowlist"; then
        allowed=$((allowed + 1))
        continue
    fi
    if ! grep -qE "(^|[^a-z0-9_])${fn}\\(" <<<"$code"; then
        echo "  not called: $fn" >&2
        missing=1
    fi
done < <(cat "$repo"/include/socialcart/*.h | grep -E '^SC_API ' | sed -E 's/\(.*//; s/.*[ *]//')
if [[ $missing -ne 0 ]]; then
    echo "error: the binding does not call every SC_API function" >&2
    exit 1
fi
echo "  ok ($(cat "$repo"/include/socialcart/*.h | grep -cE '^SC_API ') functions, $allowed left unwrapped by tests/abi/binding_allowlist.txt)"

failed=()
# Runs a check; a failing check is recorded and the remaining ones still run.
check() {
    local name="$1"; shift
    step "$name"
    if ! "$@"; then
        echo "FAILED: $name" >&2
        failed+=("$name")
    fi
}

step "binding: swift build at the repository root (library: $lib_dir)"
(cd "$repo" && swift build -j "$jobs")   # nothing else can run without it

check "binding: swift test" bash -c 'cd "$1" && swift test -j "$2"' _ "$repo" "$jobs"

step "example: swift build"
(cd "$example" && swift build -j "$jobs")

check "example: swift test" bash -c 'cd "$1" && swift test -j "$2"' _ "$example" "$jobs"

# Ids (orders', refunds', holds', coupons', opens', groups' and bargains'), coupon codes and share
# links' short codes are random; the program path may be spelled differently. A short code
# is ten symbols of Crockford's base32 in upper case, printed as K7QD-M2XR4P (chapter 27)
# or K7QDM2XR4P (the event log's subject and "code"); the token is printed only up to its
# first 20 characters, which do not change. Everything else must match the C walkthrough,
# the promotions path included: the C one is given $repo/examples/walkthrough/promotions.json,
# the Swift one must find it next to program.json.
normalize() {
    sed -E 's/(ord|rfd|hold|cpn|opn|grp|brg)_[a-z0-9]{26}/\1_X/g; s/\(\/[^)]*\)/(PATH)/;
        s/\b[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{6}\b/CODE/g'
}

run_example() {
    local bin_dir output c_walkthrough
    bin_dir="$(cd "$example" && swift build -j "$jobs" --show-bin-path)"
    output="$("$bin_dir/socialcart-walkthrough" "$repo/examples/walkthrough/program.json")" || return 1
    printf '%s\n' "$output"
    if ! grep -q ": paid, total" <<<"$output" || ! grep -q "The end: every handle freed." <<<"$output"; then
        echo "error: the walkthrough did not reach 'paid' and the end" >&2
        return 1
    fi
    # The sale (chapters 11-15) ran, with the promotions.json next to program.json, the
    # points (chapters 16-20), with the points.json next to it, and the member tiers
    # (chapters 21-26), with the tiers.json next to it, the share links (chapter 27) and
    # share-to-earn (chapter 28), group-buy (chapter 29), the flash sale (chapter 30) and the
    # bargain (chapter 31); the event log is chapter 32.
    if ! grep -q "same as the quote: yes" <<<"$output" || ! grep -q "^32\. The event log" <<<"$output"; then
        echo "error: the walkthrough did not tell the Mid-Autumn sale" >&2
        return 1
    fi
    if ! grep -q "^20\. The operator's points report:" <<<"$output"; then
        echo "error: the walkthrough did not tell the points chapters" >&2
        return 1
    fi
    if ! grep -q "^26\. The operator's tier report" <<<"$output" \
        || ! grep -q "^    event tier\.upgraded " <<<"$output"; then
        echo "error: the walkthrough did not tell the tier chapters" >&2
        return 1
    fi
    if ! grep -q "^27\. Lin shares the oolong tea" <<<"$output" \
        || ! grep -q "^    refused: the share link has expired (SC_ERR_EXPIRED)" <<<"$output"; then
        echo "error: the walkthrough did not tell the share-link chapter" >&2
        return 1
    fi
    if ! grep -q "^28\. Share-to-earn" <<<"$output" \
        || ! grep -q "^    refused for lin: self_referral (user lin)" <<<"$output"; then
        echo "error: the walkthrough did not tell the share-to-earn chapter" >&2
        return 1
    fi
    if ! grep -q "^29\. Group-buy" <<<"$output" \
        || ! grep -q "^    refused: the group is already filled (SC_ERR_GROUP_FULL)" <<<"$output" \
        || ! grep -q "^    The campaign's figures: groups opened 2, filled 1, failed 1, success rate 50\.00%," <<<"$output"; then
        echo "error: the walkthrough did not tell the group-buy chapter" >&2
        return 1
    fi
    if ! grep -q "^30\. Flash sale" <<<"$output" \
        || ! grep -q "^    The slot's figures: 3 of 3 sold," <<<"$output"; then
        echo "error: the walkthrough did not tell the flash-sale chapter" >&2
        return 1
    fi
    if ! grep -q "^31\. Bargain" <<<"$output" \
        || ! grep -q "^    Mei's bargain is bought after 3 helps" <<<"$output"; then
        echo "error: the walkthrough did not tell the bargain chapter" >&2
        return 1
    fi
    # When the C walkthrough was built too, the Swift one must tell the same story.
    c_walkthrough="$lib_dir/walkthrough"
    if [[ -x "$c_walkthrough" ]]; then
        local tmp
        tmp="$(mktemp -d)"
        "$c_walkthrough" "$repo/examples/walkthrough/program.json" "$tmp/walkthrough.db" \
            "$repo/examples/walkthrough/promotions.json" >"$tmp/c.out" || { rm -rf "$tmp"; return 1; }
        if ! diff <(normalize <"$tmp/c.out") <(normalize <<<"$output"); then
            echo "error: the Swift walkthrough differs from $c_walkthrough" >&2
            rm -rf "$tmp"
            return 1
        fi
        rm -rf "$tmp"
        echo "  (same story as $c_walkthrough)"
    fi
}
check "example: run socialcart-walkthrough" run_example

# A package of its own in a temporary directory, as an app developer would write it:
# `.package(path:)` to the repository root, `import SocialCart`, the async calls.
outside_package() {
    local tmp identity status=0
    tmp="$(mktemp -d)"
    mkdir -p "$tmp/Outside/Sources/Outside"
    # SwiftPM names a path dependency after its directory (lowercased).
    identity="$(basename "$repo" | tr '[:upper:]' '[:lower:]')"
    cat >"$tmp/Outside/Package.swift" <<EOF
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Outside",
    platforms: [.macOS(.v10_15)],
    dependencies: [.package(path: "$repo")],
    targets: [
        .executableTarget(
            name: "Outside",
            dependencies: [.product(name: "SocialCart", package: "$identity")],
            linkerSettings: [.unsafeFlags(["-Xlinker", "-rpath", "-Xlinker", "$lib_dir"])]),
    ]
)
EOF
    cat >"$tmp/Outside/Sources/Outside/main.swift" <<'EOF'
import Foundation
import SocialCart

// App types named like the library's old ones: no clash any more.
struct Order { var note = "the app's own Order" }
struct Engine {}

let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("outside-\(UUID().uuidString).db").path
defer {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

let engine = try await SCEngine(path: path)
try await engine.putSku(SCSku(
    id: "tea", merchantId: "m1", title: "Tea",
    listPrice: SCMoney(minorUnits: 6800, currency: "CNY"), stock: 10))
try await engine.addToCart(user: "u1", sku: "tea", quantity: 2)
let order: SocialCart.SCOrder = try await engine.checkout(user: "u1", idempotencyKey: "checkout-1")
let paid = try await engine.pay(
    order: order.id, paymentRef: "ref-1", amount: order.total, idempotencyKey: "pay-1")
print("outside package: order \(paid.state), total \(paid.total) (\(paid.totalMinor) minor units), \(Order().note) still compiles")
engine.close()
do {
    _ = try await engine.cart(user: "u1")
    print("outside package: error: a call after close() succeeded")
    exit(1)
} catch let error as SCError where error.code == .engineClosed {
    print("outside package: after close(): \(error.code.name)")
}
EOF
    (cd "$tmp/Outside" && swift build -j "$jobs" && "$(swift build -j "$jobs" --show-bin-path)/Outside") || status=1
    rm -rf "$tmp"
    return $status
}
check "outside package: .package(path: repository root)" outside_package

if [[ ${#failed[@]} -ne 0 ]]; then
    printf '\n==> FAILED:\n' >&2
    printf '  %s\n' "${failed[@]}" >&2
    exit 1
fi
step "all Swift checks passed"

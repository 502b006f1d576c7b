#!/usr/bin/env bash
# Builds and tests the Swift binding, then builds, tests and runs the Swift example
# (and, when the C walkthrough was built, checks that both tell the same story).
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
# Comments are stripped first: a function named only in a comment does not count.
code="$(cat "$here"/Sources/SocialCart/*.swift | perl -0777 -pe 's{/\*.*?\*/}{}gs; s{//[^\n]*}{}g')"
missing=0
while read -r fn; do
    if ! grep -qE "(^|[^a-z0-9_])${fn}\\(" <<<"$code"; then
        echo "  not called: $fn" >&2
        missing=1
    fi
done < <(grep -E '^SC_API ' "$repo/include/socialcart/socialcart.h" | sed -E 's/\(.*//; s/.*[ *]//')
if [[ $missing -ne 0 ]]; then
    echo "error: the binding does not call every SC_API function" >&2
    exit 1
fi
echo "  ok ($(grep -cE '^SC_API ' "$repo/include/socialcart/socialcart.h") functions)"

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

step "binding: swift build (library: $lib_dir)"
(cd "$here" && swift build -j "$jobs")   # nothing else can run without it

check "binding: swift test" bash -c 'cd "$1" && swift test -j "$2"' _ "$here" "$jobs"

step "example: swift build"
(cd "$example" && swift build -j "$jobs")

check "example: swift test" bash -c 'cd "$1" && swift test -j "$2"' _ "$example" "$jobs"

# Ids are random; paths differ. Everything else must match the C walkthrough.
normalize() { sed -E 's/(ord|rfd|hold)_[a-z0-9]{26}/\1_X/g; s/\(\/[^)]*\)/(PATH)/'; }

run_example() {
    local bin_dir output c_walkthrough
    bin_dir="$(cd "$example" && swift build -j "$jobs" --show-bin-path)"
    output="$("$bin_dir/socialcart-walkthrough" "$repo/examples/walkthrough/program.json")" || return 1
    printf '%s\n' "$output"
    if ! grep -q ": paid, total" <<<"$output" || ! grep -q "The end: every handle freed." <<<"$output"; then
        echo "error: the walkthrough did not reach 'paid' and the end" >&2
        return 1
    fi
    # When the C walkthrough was built too, the Swift one must tell the same story.
    c_walkthrough="$lib_dir/walkthrough"
    if [[ -x "$c_walkthrough" ]]; then
        local tmp
        tmp="$(mktemp -d)"
        "$c_walkthrough" "$repo/examples/walkthrough/program.json" "$tmp/walkthrough.db" >"$tmp/c.out" || { rm -rf "$tmp"; return 1; }
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

if [[ ${#failed[@]} -ne 0 ]]; then
    printf '\n==> FAILED:\n' >&2
    printf '  %s\n' "${failed[@]}" >&2
    exit 1
fi
step "all Swift checks passed"

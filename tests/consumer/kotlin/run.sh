#!/usr/bin/env bash
# Builds tests/consumer/kotlin/Consumer.kt as an app outside the project would: copied to a
# temporary directory, compiled with kotlinc against ONLY the shipped socialcart.jar (plus the
# Kotlin standard library, kotlin-reflect excluded, and kotlinx-coroutines), run with
# java.library.path at the shipped libsocialcart_jni.so. The program must print the paid
# total and the jar's manifest version must be the header's SOCIALCART_VERSION_STRING.
# bindings/kotlin/run-tests.sh runs it (so `./dev test` does).
#
# usage: run.sh ARTIFACTS_DIR    (the directory of socialcart.jar and libsocialcart_jni.so)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
artifacts="$(cd "$1" && pwd)"
# shellcheck source=bindings/kotlin/classpath.sh
source "$root/bindings/kotlin/classpath.sh"
ATOMICFU="$(first_existing /usr/share/java/atomicfu.jar /usr/share/java/atomicfu-0.11.12.jar)"

for f in socialcart.jar libsocialcart_jni.so; do
    [[ -f "$artifacts/$f" ]] || { echo "consumer (kotlin): $artifacts/$f is missing" >&2; exit 1; }
done
version="$(sed -n 's/^#define SOCIALCART_VERSION_STRING "\(.*\)"$/\1/p' "$root"/include/socialcart/*.h | head -n 1)"

work="$(mktemp -d "${TMPDIR:-/tmp}/socialcart-kotlin-consumer.XXXXXX")"
trap 'rm -rf "$work"' EXIT
case "$work/" in "$root"/*) echo "consumer (kotlin): $work is inside the repository" >&2; exit 1 ;; esac
cp "$here/Consumer.kt" "$work/"
cd "$work"

kotlinc_quiet -jvm-target 1.8 -no-reflect -cp "$artifacts/socialcart.jar:$COROUTINES:$COROUTINES_COMMON" \
    -d classes Consumer.kt
out="$(java -Djava.library.path="$artifacts" \
    -cp "classes:$artifacts/socialcart.jar:$KOTLIN_STDLIB:$COROUTINES:$COROUTINES_COMMON:$ATOMICFU" \
    ConsumerKt "$work/shop.db")"
echo "  $out"
expected="socialcart jar $version, library $version (ABI "
[[ $out == "$expected"* ]] || { echo "consumer (kotlin): expected \"$expected…\"" >&2; exit 1; }
[[ $out == *"paid order total CNY 136.00" ]] || { echo "consumer (kotlin): expected the total CNY 136.00" >&2; exit 1; }

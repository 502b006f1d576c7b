#!/usr/bin/env bash
# Every SC_API function of the header must be called by the Swift binding and by the
# Kotlin binding (its JNI layer), unless tests/abi/binding_allowlist.txt says otherwise.
# Comments are stripped first, so a function named only in a comment does not count.
set -euo pipefail
root=$1
headers=("$root"/include/socialcart/*.h)
allow=$root/tests/abi/binding_allowlist.txt
functions=$(cat "${headers[@]}" | grep -oE '^SC_API [^(]*\(' | sed -E 's/.*[ *](sc_[a-z0-9_]+)\($/\1/' | sort -u)

code_of() {  # the binding's source with // and /* */ comments removed
    find "$@" -type f \( -name '*.swift' -o -name '*.c' -o -name '*.h' \) -print0 | xargs -0 cat |
        perl -0777 -pe 's{/\*.*?\*/}{}gs; s{//[^\n]*}{}g'
}

status=0
for binding in swift kotlin; do
    case $binding in
        swift) dirs=("$root/bindings/swift/Sources") ;;
        kotlin) dirs=("$root/bindings/kotlin/jni") ;;
    esac
    for d in "${dirs[@]}"; do [ -d "$d" ] || { echo "$binding: $d is missing"; status=1; continue 2; }; done
    code=$(code_of "${dirs[@]}")
    missing=0
    for fn in $functions; do
        grep -qE "^$binding $fn( |$)" "$allow" && continue
        if ! grep -qE "(^|[^a-z0-9_])$fn([^a-z0-9_]|$)" <<<"$code"; then
            echo "$binding does not call $fn"
            missing=$((missing + 1))
        fi
    done
    echo "$binding: $(( $(wc -w <<<"$functions") - missing )) of $(wc -w <<<"$functions") C functions called"
    [ $missing -eq 0 ] || status=1
done
exit $status

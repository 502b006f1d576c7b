#!/usr/bin/env bash
# The three lists of the ABI must agree: the header's SC_API functions, the linker
# version script, and the symbols the built library actually exports.
set -euo pipefail
header_dir=$1 map=$2 lib=$3  # header_dir: include/socialcart, whose *.h make up the API
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$header_dir"/*.h | grep -oE '^SC_API [^(]*\(' | sed -E 's/.*[ *](sc_[a-z0-9_]+)\($/\1/' | sort -u > "$tmp/header"
sed -n '/global:/,/local:/p' "$map" | grep -oE 'sc_[a-z0-9_]+' | sort -u > "$tmp/map"
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | sed 's/@.*//' | grep -v '^SOCIALCART_' | sort -u > "$tmp/lib"
status=0
if ! diff -u "$tmp/header" "$tmp/map" > "$tmp/d1"; then
    echo "header and version script disagree (- header, + map):"; cat "$tmp/d1"; status=1
fi
if ! diff -u "$tmp/map" "$tmp/lib" > "$tmp/d2"; then
    echo "version script and library exports disagree (- map, + library):"; cat "$tmp/d2"; status=1
fi
grep -v '^sc_' "$tmp/lib" && { echo "exported symbols without the sc_ prefix (above)"; status=1; }
[ $status -eq 0 ] && echo "exports: $(wc -l < "$tmp/lib") symbols, header = version script = library"
exit $status

#!/usr/bin/env bash
# Builds tests/consumer/consumer.c as a host would, against socialcart:
#   1. find_package(socialcart) from an install of the main build (cmake --install),
#      and find_package(socialcart COMPONENTS static) when libsocialcart.a was built;
#   2. pkg-config against the same install, with the compiler alone (and --static);
#   3. add_subdirectory of the source tree (a library-only Release build, kept in
#      BUILD/consumer/subdir so that later runs only rebuild what changed).
# Each program buys and pays an order and must print its total.
#
# usage: run.sh SOURCE_DIR BUILD_DIR C_COMPILER
set -euo pipefail
src=$1 build=$2 cc=$3
work=$build/consumer
prefix=$work/prefix
rm -rf "$prefix" "$work/find_package" "$work/find_package_static" "$work/pkg-config" "$work"/*.db*
mkdir -p "$work/pkg-config"

expect_total() {  # expect_total NAME PROGRAM
    local out
    out=$("$2" "$work/$1.db")
    echo "$1: $out"
    [[ $out == *"paid order total CNY 136.00"* ]] || { echo "$1: unexpected output" >&2; exit 1; }
}

cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(dirname "$(find "$prefix" -name 'socialcart.pc' -path '*/pkgconfig/*')")
libdir=${libdir%/pkgconfig}

variants=(find_package)
[ -f "$libdir/libsocialcart.a" ] && variants+=(find_package_static)
for variant in "${variants[@]}"; do
    cmake -S "$src/tests/consumer" -B "$work/$variant" -G Ninja -DCMAKE_C_COMPILER="$cc" \
        -DSOCIALCART_CONSUME="$variant" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
    cmake --build "$work/$variant" >/dev/null
    expect_total "$variant" "$work/$variant/consumer"
done
if [ -f "$libdir/libsocialcart.a" ]; then
    # The static library exports the same functions as the shared one. GCC's "unique"
    # symbols (u: function-local statics of header templates of libstdc++ and nlohmann_json,
    # identical wherever they are compiled) cannot be made local by objcopy; none may be
    # socialcart's own (namespace sc: _ZN2sc, _ZZN2sc).
    globals=$(nm -g --defined-only "$libdir/libsocialcart.a" | awk 'NF == 3 {print $2, $3}')
    extra=$(echo "$globals" | awk '$2 !~ /^sc_/ && ($1 != "u" || $2 ~ /^_Z+N2sc/)')
    [ -z "$extra" ] || { echo "libsocialcart.a exports internals:"; echo "$extra" | head; exit 1; }
    echo "libsocialcart.a: $(echo "$globals" | grep -c ' sc_') sc_ functions global," \
         "$(echo "$globals" | grep -c '^u ') unique template statics, nothing else"
    if nm "$work/find_package_static/consumer" | grep -q ' U sc_'; then
        echo "the static consumer imports sc_ functions from a shared library"; exit 1
    fi
fi

export PKG_CONFIG_PATH=$libdir/pkgconfig
# shellcheck disable=SC2046  # pkg-config output is meant to split into arguments
"$cc" -std=c99 -Wall -Wextra -pedantic -Werror "$src/tests/consumer/consumer.c" -o "$work/pkg-config/consumer" \
    $(pkg-config --cflags --libs socialcart) -Wl,-rpath,"$(pkg-config --variable=libdir socialcart)"
expect_total pkg-config "$work/pkg-config/consumer"
if [ -f "$libdir/libsocialcart.a" ]; then
    # --static adds Requires.private and Libs.private; -Bstatic picks the archive over the .so.
    # shellcheck disable=SC2046
    "$cc" -std=c99 -Wall -Wextra -pedantic -Werror "$src/tests/consumer/consumer.c" -o "$work/pkg-config/consumer-static" \
        $(pkg-config --cflags socialcart) -L"$libdir" -Wl,-Bstatic -lsocialcart -Wl,-Bdynamic \
        $(pkg-config --static --libs socialcart | sed 's/-lsocialcart//')
    if nm "$work/pkg-config/consumer-static" | grep -q ' U sc_'; then
        echo "the pkg-config static consumer imports sc_ functions"; exit 1
    fi
    expect_total pkg-config-static "$work/pkg-config/consumer-static"
fi

cmake -S "$src/tests/consumer" -B "$work/subdir" -G Ninja -DCMAKE_C_COMPILER="$cc" \
    -DCMAKE_BUILD_TYPE=Release -DSOCIALCART_CONSUME=add_subdirectory -DSOCIALCART_SOURCE_DIR="$src" >/dev/null
cmake --build "$work/subdir" -j 2 >/dev/null
[ ! -e "$work/subdir/socialcart/tests" ] || { echo "add_subdirectory built socialcart's tests"; exit 1; }
expect_total add_subdirectory "$work/subdir/consumer"

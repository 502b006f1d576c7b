#!/usr/bin/env bash
# Builds what the Kotlin binding ships, for the desktop JVM (Linux), into OUT (default
# <repo>/build-kotlin):
#
#   OUT/socialcart.jar         the classes of bindings/kotlin/src/main/kotlin (package
#                              `socialcart`), compiled once with kotlinc; META-INF/MANIFEST.MF
#                              names the version of the header's SOCIALCART_VERSION_STRING;
#                              META-INF/proguard/socialcart.pro holds proguard-rules.pro,
#                              where R8 and ProGuard pick up a library jar's consumer rules.
#   OUT/libsocialcart_jni.so   the JNI layer with libsocialcart.a linked in statically:
#                              one self-contained library that
#                              System.loadLibrary("socialcart_jni") loads (jni/CMakeLists.txt
#                              says why; Android builds the same file per ABI).
#
# `./dev kotlin` runs it after building the C library; run-tests.sh runs it and then tests
# exactly these two files. Work files stay in OUT/jni and OUT/classes; a second run rebuilds
# only what changed.
#
#   SOCIALCART_LIB_DIR=<build dir with libsocialcart.a> bindings/kotlin/build-artifacts.sh [OUT]
#
# Environment:
#   SOCIALCART_LIB_DIR      a socialcart build made with -DSOCIALCART_STATIC=ON (default: <repo>/build)
#   SOCIALCART_INCLUDE_DIR  directory with socialcart/*.h (default: <repo>/include)
#   KOTLINC                 the Kotlin compiler (default: kotlinc on PATH)
#   JAVA_HOME               JDK for jni.h and `jar` (default: the JDK of javac on PATH)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="${1:-$ROOT/build-kotlin}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
SOCIALCART_LIB_DIR="$(cd "${SOCIALCART_LIB_DIR:-$ROOT/build}" && pwd)"
SOCIALCART_INCLUDE_DIR="$(cd "${SOCIALCART_INCLUDE_DIR:-$ROOT/include}" && pwd)"
KOTLINC="${KOTLINC:-kotlinc}"
# shellcheck source=bindings/kotlin/classpath.sh
source "$HERE/classpath.sh"

if [[ -z "${JAVA_HOME:-}" ]] && command -v javac > /dev/null 2>&1; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi
export JAVA_HOME
JAR="${JAVA_HOME:+$JAVA_HOME/bin/}jar"

# The version: the header states it (it may be split into several headers: look in all).
VERSION="$(sed -n 's/^#define SOCIALCART_VERSION_STRING "\(.*\)"$/\1/p' "$SOCIALCART_INCLUDE_DIR"/socialcart/*.h | head -n 1)"
ABI="$(sed -n 's/^#define SOCIALCART_ABI_VERSION \([0-9][0-9]*\).*$/\1/p' "$SOCIALCART_INCLUDE_DIR"/socialcart/*.h | head -n 1)"
[[ -n "$VERSION" && -n "$ABI" ]] || {
  echo "build-artifacts.sh: no SOCIALCART_VERSION_STRING / SOCIALCART_ABI_VERSION in $SOCIALCART_INCLUDE_DIR/socialcart/*.h" >&2
  exit 1
}

echo "== libsocialcart_jni.so (cmake; libsocialcart.a of $SOCIALCART_LIB_DIR linked in)"
[[ -f "$SOCIALCART_LIB_DIR/libsocialcart.a" ]] || {
  echo "no libsocialcart.a in $SOCIALCART_LIB_DIR: build socialcart with -DSOCIALCART_STATIC=ON first" >&2
  echo "  (./dev kotlin does; or: cmake -S $ROOT -B $ROOT/build -G Ninja -DSOCIALCART_STATIC=ON && cmake --build $ROOT/build)" >&2
  exit 1
}
generator=()
if command -v ninja > /dev/null 2>&1 && [[ ! -f "$OUT/jni/CMakeCache.txt" ]]; then generator=(-G Ninja); fi
cmake -S "$HERE/jni" -B "$OUT/jni" "${generator[@]}" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSOCIALCART_INCLUDE_DIR="$SOCIALCART_INCLUDE_DIR" \
  -DSOCIALCART_LIB_DIR="$SOCIALCART_LIB_DIR" \
  -DSOCIALCART_JNI_WERROR=ON > "$OUT/jni-configure.log" 2>&1 || { cat "$OUT/jni-configure.log" >&2; exit 1; }
cmake --build "$OUT/jni"
cp -p "$OUT/jni/libsocialcart_jni.so" "$OUT/libsocialcart_jni.so"

# What ships must stand alone: no libsocialcart.so to find, and only JNI entry points exported.
if readelf -d "$OUT/libsocialcart_jni.so" | grep -q 'NEEDED.*\[libsocialcart\.'; then
  echo "libsocialcart_jni.so needs libsocialcart.so; it must have the C library linked in" >&2
  exit 1
fi
extra_exports="$(nm -D --defined-only "$OUT/libsocialcart_jni.so" | awk 'NF == 3 {print $3}' |
  grep -vE '^(Java_socialcart_|JNI_OnLoad$)' || true)"
if [[ -n "$extra_exports" ]]; then
  echo "libsocialcart_jni.so exports more than its JNI functions:" >&2
  echo "$extra_exports" | head >&2
  exit 1
fi
echo "  $OUT/libsocialcart_jni.so: needs $(readelf -d "$OUT/libsocialcart_jni.so" | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p' | tr '\n' ' ')"

echo "== socialcart.jar (kotlinc; version $VERSION, ABI $ABI)"
CLASSES="$OUT/classes"
STAMP="$OUT/classes.stamp"
if [[ -f "$STAMP" ]] && [[ -z "$(find "$HERE/src/main/kotlin" -name '*.kt' -newer "$STAMP" -print -quit)" ]]; then
  echo "  classes up to date"
else
  rm -rf "$CLASSES"
  mkdir -p "$CLASSES"
  # -module-name: the tests are compiled against the jar as a friend module (run-tests.sh).
  kotlinc_quiet -jvm-target 1.8 -nowarn -module-name socialcart \
    -cp "$COROUTINES:$COROUTINES_COMMON" -d "$CLASSES" "$HERE/src/main/kotlin"
  touch "$STAMP"
fi
manifest="$OUT/MANIFEST.MF"
cat > "$manifest.new" <<EOF
Implementation-Title: socialcart Kotlin binding
Implementation-Version: $VERSION
Implementation-Vendor: socialcart
Specification-Title: socialcart C ABI
Specification-Version: $ABI
Automatic-Module-Name: socialcart
EOF
if cmp -s "$manifest.new" "$manifest"; then rm "$manifest.new"; else mv "$manifest.new" "$manifest"; fi
# Rebuilt only when an input changed, so that what was compiled against it stays current.
if [[ -f "$OUT/socialcart.jar" && "$OUT/socialcart.jar" -nt "$STAMP" && "$OUT/socialcart.jar" -nt "$manifest" &&
      "$OUT/socialcart.jar" -nt "$HERE/proguard-rules.pro" ]]; then
  echo "  jar up to date"
else
  rm -rf "$OUT/jar-extra"
  mkdir -p "$OUT/jar-extra/META-INF/proguard"
  cp "$HERE/proguard-rules.pro" "$OUT/jar-extra/META-INF/proguard/socialcart.pro"
  rm -f "$OUT/socialcart.jar"
  "$JAR" --create --file "$OUT/socialcart.jar" --manifest "$manifest" -C "$CLASSES" . -C "$OUT/jar-extra" .
fi
echo "  $OUT/socialcart.jar: $("$JAR" --list --file "$OUT/socialcart.jar" | wc -l) entries"

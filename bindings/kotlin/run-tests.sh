#!/usr/bin/env bash
# Builds and tests the Kotlin/JNI binding on the desktop JVM:
#   1. checks that the JNI layer calls every SC_API function of the header,
#   2. builds libsocialcart_jni.so with CMake (against SOCIALCART_LIB_DIR),
#   3. compiles the Kotlin sources, the tests and examples/kotlin with one kotlinc run,
#   4. runs the JUnit 4 tests,
#   5. runs examples/kotlin/Walkthrough.kt on examples/walkthrough/program.json.
#
# Needs (Debian packages): kotlin, libkotlinx-coroutines-java, libkotlinx-atomicfu-java,
# junit4, a JDK (javac, jni.h), cmake and a C compiler.
#
# Environment:
#   SOCIALCART_LIB_DIR      directory with libsocialcart.so (default: <repo>/build)
#   SOCIALCART_INCLUDE_DIR  directory with socialcart/socialcart.h (default: <repo>/include)
#   KOTLINC, JAVA           compilers/launchers (default: kotlinc, java on PATH)
#   JAVA_HOME               JDK whose jni.h to use (default: the JDK of javac on PATH)
#   TESTS                   space-separated test classes to run (default: all)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SOCIALCART_LIB_DIR="$(cd "${SOCIALCART_LIB_DIR:-$ROOT/build}" && pwd)"
SOCIALCART_INCLUDE_DIR="$(cd "${SOCIALCART_INCLUDE_DIR:-$ROOT/include}" && pwd)"
KOTLINC="${KOTLINC:-kotlinc}"
JAVA="${JAVA:-java}"
BUILD="$HERE/build"
HEADER="$SOCIALCART_INCLUDE_DIR/socialcart/socialcart.h"

first_existing() {
  for f in "$@"; do
    if [[ -f "$f" ]]; then echo "$f"; return 0; fi
  done
  echo "run-tests.sh: none of these exist: $*" >&2
  return 1
}
COROUTINES="$(first_existing /usr/share/java/kotlinx-coroutines-core-1.0.1.jar /usr/share/java/kotlinx-coroutines-core.jar)"
COROUTINES_COMMON="$(first_existing /usr/share/java/kotlinx-coroutines-core-common-1.0.1.jar /usr/share/java/kotlinx-coroutines-core-common.jar)"
KOTLIN_STDLIB="$(first_existing /usr/share/java/kotlin-stdlib.jar)"
# Debian's coroutines 1.0.1 jar was not run through the atomicfu transformer, so
# it needs the atomicfu runtime (package libkotlinx-atomicfu-java) at run time.
if [[ ! -f /usr/share/java/atomicfu.jar ]] && [[ "$(id -u)" -eq 0 ]] && command -v apt-get > /dev/null 2>&1; then
  echo "run-tests.sh: installing libkotlinx-atomicfu-java (the coroutines jar needs it at run time)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libkotlinx-atomicfu-java > /dev/null
fi
ATOMICFU="$(first_existing /usr/share/java/atomicfu.jar /usr/share/java/atomicfu-0.11.12.jar)" || {
  echo "install it with: apt-get install libkotlinx-atomicfu-java" >&2; exit 1; }
JUNIT="$(first_existing /usr/share/java/junit4.jar)"
HAMCREST="$(first_existing /usr/share/java/hamcrest-core.jar /usr/share/java/hamcrest.jar)"

echo "== 1/5 coverage: every SC_API function is called from bindings/kotlin/jni"
[[ -f "$HEADER" ]] || { echo "missing $HEADER" >&2; exit 1; }
api="$(cat "$SOCIALCART_INCLUDE_DIR"/socialcart/*.h | tr '\n' ' ' | grep -oE 'SC_API [^;(]*\(' | sed -E 's/.*[ *]([a-z_0-9]+)\($/\1/' | grep '^sc_' | sort -u)"
missing=0
count=0
for fn in $api; do
  count=$((count + 1))
  # A call: the name followed by "(" or passed to an accessor macro ", name,".
  if ! cat "$HERE"/jni/*.c | grep -qE "(\\b$fn[[:space:]]*\\(|,[[:space:]]*$fn[[:space:]]*,)"; then
    echo "  not called from the JNI layer: $fn" >&2
    missing=$((missing + 1))
  fi
done
if [[ $missing -ne 0 ]]; then
  echo "coverage: $missing of $count SC_API functions are not called" >&2
  exit 1
fi
echo "  all $count SC_API functions are called"

echo "== 2/5 JNI library (cmake)"
[[ -e "$SOCIALCART_LIB_DIR/libsocialcart.so" ]] || {
  echo "no libsocialcart.so in $SOCIALCART_LIB_DIR: build the library first" >&2
  echo "  (cmake -S $ROOT -B $ROOT/build -G Ninja && cmake --build $ROOT/build)" >&2
  exit 1
}
# FindJNI needs a JDK: default to the one that provides javac.
if [[ -z "${JAVA_HOME:-}" ]] && command -v javac > /dev/null 2>&1; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
  export JAVA_HOME
fi
mkdir -p "$BUILD"
generator=()
if command -v ninja > /dev/null 2>&1 && [[ ! -f "$BUILD/jni/CMakeCache.txt" ]]; then generator=(-G Ninja); fi
cmake -S "$HERE/jni" -B "$BUILD/jni" "${generator[@]}" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSOCIALCART_INCLUDE_DIR="$SOCIALCART_INCLUDE_DIR" \
  -DSOCIALCART_LIB_DIR="$SOCIALCART_LIB_DIR" \
  -DSOCIALCART_JNI_WERROR=ON > "$BUILD/cmake-configure.log" 2>&1 || { cat "$BUILD/cmake-configure.log" >&2; exit 1; }
cmake --build "$BUILD/jni" -j1

echo "== 3/5 Kotlin (one kotlinc run: sources, tests, example)"
CLASSES="$BUILD/classes"
STAMP="$BUILD/classes.stamp"
SOURCES=("$HERE/src/main/kotlin" "$HERE/src/test/kotlin" "$ROOT/examples/kotlin/Walkthrough.kt")
if [[ -f "$STAMP" ]] && [[ -z "$(find "${SOURCES[@]}" -name '*.kt' -newer "$STAMP" -print -quit)" ]]; then
  echo "  up to date"
else
  rm -rf "$CLASSES"
  mkdir -p "$CLASSES"
  # kotlinc 1.3 on JDK 13+ prints a warning about -Xverify:none; drop that line only.
  "$KOTLINC" -jvm-target 1.8 -nowarn \
    -cp "$COROUTINES:$COROUTINES_COMMON:$JUNIT:$HAMCREST" \
    -d "$CLASSES" "${SOURCES[@]}" 2>&1 | { grep -v 'Options -Xverify:none and -noverify were deprecated' || true; }
  [[ ${PIPESTATUS[0]} -eq 0 ]] || { echo "kotlinc failed" >&2; exit 1; }
  touch "$STAMP"
fi

CP="$CLASSES:$KOTLIN_STDLIB:$COROUTINES:$COROUTINES_COMMON:$ATOMICFU:$JUNIT:$HAMCREST"
JVM_FLAGS=(-Djava.library.path="$BUILD/jni" -Xcheck:jni)

echo "== 4/5 JUnit"
if [[ -n "${TESTS:-}" ]]; then
  read -r -a test_classes <<< "$TESTS"
else
  mapfile -t test_classes < <(cd "$CLASSES" && find socialcart -name '*Test.class' ! -name '*$*' | sed -e 's/\.class$//' -e 's#/#.#g' | sort)
fi
echo "  ${#test_classes[@]} test classes: ${test_classes[*]}"
junit_rc=0
"$JAVA" "${JVM_FLAGS[@]}" -cp "$CP" org.junit.runner.JUnitCore "${test_classes[@]}" 2>&1 | tee "$BUILD/junit.log" || junit_rc=$?
if ok_line="$(grep -E '^OK \([0-9]+ tests?\)' "$BUILD/junit.log")"; then
  run="$(echo "$ok_line" | grep -oE '[0-9]+')"; failed=0
else
  run="$(grep -oE 'Tests run: [0-9]+' "$BUILD/junit.log" | grep -oE '[0-9]+' || echo 0)"
  failed="$(grep -oE 'Failures: [0-9]+' "$BUILD/junit.log" | grep -oE '[0-9]+' || echo 1)"
fi
echo "kotlin: $((run - failed)) passed, $failed failed"
if [[ $junit_rc -ne 0 || $failed -ne 0 ]]; then
  echo "run-tests.sh: JUnit failed" >&2
  exit 1
fi

echo "== 5/5 example: examples/kotlin/Walkthrough.kt"
"$JAVA" "${JVM_FLAGS[@]}" -cp "$CP" WalkthroughKt "$ROOT/examples/walkthrough/program.json"
echo "== Kotlin binding: all passed"

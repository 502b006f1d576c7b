# Sourced by build-artifacts.sh and run-tests.sh: the Debian jars the binding compiles and
# runs with, and kotlinc without its JDK 13+ noise. Debian packages: kotlin (kotlinc 1.3.31,
# kotlin-stdlib), libkotlinx-coroutines-java (1.0.1).

first_existing() {
  for f in "$@"; do
    if [[ -f "$f" ]]; then echo "$f"; return 0; fi
  done
  echo "none of these exist: $*" >&2
  return 1
}

COROUTINES="$(first_existing /usr/share/java/kotlinx-coroutines-core-1.0.1.jar /usr/share/java/kotlinx-coroutines-core.jar)"
COROUTINES_COMMON="$(first_existing /usr/share/java/kotlinx-coroutines-core-common-1.0.1.jar /usr/share/java/kotlinx-coroutines-core-common.jar)"
KOTLIN_STDLIB="$(first_existing /usr/share/java/kotlin-stdlib.jar)"

# kotlinc 1.3 on JDK 13+ prints a warning about -Xverify:none; drop that line only.
kotlinc_quiet() {
  local rc
  set +e
  "${KOTLINC:-kotlinc}" "$@" 2>&1 | { grep -v 'Options -Xverify:none and -noverify were deprecated' || true; }
  rc=${PIPESTATUS[0]}
  set -e
  [[ $rc -eq 0 ]] || { echo "kotlinc failed" >&2; return 1; }
}

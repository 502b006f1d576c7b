#!/usr/bin/env bash
# docs/binding-names.md maps every C function to its Swift and Kotlin names. This fails when
#   - an SC_API function of include/socialcart/*.h (every header: socialcart.h may become an
#     umbrella over one header per capability) has no row, or more than one;
#   - a row names a function that no header declares (renamed or removed);
#   - a Swift or Kotlin name in backticks is declared nowhere in the binding's sources: for
#     `Type.member`, `Type.member(...)` or `member(...)` a func/fun/var/val/let/case `member`,
#     for `Type(...)` or `Outer.Type` a class/struct/enum/object `Type`. Other spans
#     (`Set<LineProblem>`, a bare word) and plain text are not checked.
# Comments are stripped from headers and sources first.
#
# usage: check_name_table.sh SOURCE_DIR
set -euo pipefail
root=$1
table=$root/docs/binding-names.md
swift_dir=$root/bindings/swift/Sources
kotlin_dir=$root/bindings/kotlin/src/main/kotlin

strip_comments() { perl -0777 -pe 's{/\*.*?\*/}{}gs; s{//[^\n]*}{}g'; }

headers=("$root"/include/socialcart/*.h)
[ -f "${headers[0]}" ] || { echo "no headers in $root/include/socialcart"; exit 1; }
[ -f "$table" ] || { echo "missing $table"; exit 1; }
functions=$(cat "${headers[@]}" | strip_comments | tr '\n' ' ' | grep -oE 'SC_API [^;(]*\(' |
    sed -E 's/.*[ *](sc_[a-z0-9_]+)\($/\1/' | grep '^sc_' | sort -u)
[ -n "$functions" ] || { echo "no SC_API functions found in ${headers[*]}"; exit 1; }

# The table's rows: "| `sc_name` | swift | kotlin |".
rows=$(grep -E '^\| `sc_[a-z0-9_]+` \|' "$table" || true)
named=$(sed -E 's/^\| `(sc_[a-z0-9_]+)`.*/\1/' <<<"$rows" | sort)

status=0
for fn in $functions; do
    n=$(grep -cx "$fn" <<<"$named" || true)
    if [ "$n" -eq 0 ]; then
        echo "docs/binding-names.md has no row for $fn"; status=1
    elif [ "$n" -gt 1 ]; then
        echo "docs/binding-names.md has $n rows for $fn"; status=1
    fi
done
for fn in $(sort -u <<<"$named"); do
    grep -qx "$fn" <<<"$functions" || { echo "docs/binding-names.md names $fn, which no header declares"; status=1; }
done

# What each binding declares, once: member names (func/fun/var/val/let/case, extension
# receivers dropped) and type names (class/struct/enum/object/...), as "<lang> <kind> <name>".
declare -A declared_names=()
collect() {  # collect LANG CODE
    local name
    while read -r name; do declared_names["$1 member $name"]=1; done < <(
        grep -oE '(^|[^A-Za-z0-9_])(func|fun|var|val|let|case)[[:space:]]+([A-Za-z0-9_<>, ]+\.)?`?[A-Za-z_][A-Za-z0-9_]*' <<<"$2" |
            sed -E 's/.*[[:space:].`]//' | sort -u)
    while read -r name; do declared_names["$1 type $name"]=1; done < <(
        grep -oE '(^|[^A-Za-z0-9_])(class|struct|enum|object|protocol|interface|typealias|actor)[[:space:]]+[A-Za-z_][A-Za-z0-9_]*' <<<"$2" |
            sed -E 's/.*[[:space:]]//' | sort -u)
}
collect swift "$(find "$swift_dir" -name '*.swift' -print0 | xargs -0 cat | strip_comments)"
collect kotlin "$(find "$kotlin_dir" -name '*.kt' -print0 | xargs -0 cat | strip_comments)"
declared() { [ -n "${declared_names["$1 $2 $3"]:-}" ]; }

checked=0
while IFS= read -r row; do
    fn=$(sed -E 's/^\| `(sc_[a-z0-9_]+)`.*/\1/' <<<"$row")
    IFS='|' read -r _ _ swift kotlin _ <<<"$row"
    for lang in swift kotlin; do
        cell=${!lang}
        while IFS= read -r span; do
            [ -n "$span" ] || continue
            [[ $span =~ ^[A-Za-z_][A-Za-z0-9_.]*(\(.*\))?$ ]] || continue   # not a name
            base=${span%%(*}
            last=${base##*.}
            [[ $span == *"("* || $base == *.* ]] || continue  # a bare word: a type, a keyword
            if [[ $last =~ ^[A-Z] ]]; then
                kind=type                                   # Type(...), Outer.Inner
            else
                kind=member                                 # Type.member, member(...)
            fi
            checked=$((checked + 1))
            declared "$lang" "$kind" "$last" ||
                { echo "$fn: $lang name \`$span\` is not declared in the $lang binding"; status=1; }
        done < <(grep -oE '`[^`]+`' <<<"$cell" | tr -d '`')
    done
done <<<"$rows"

echo "name table: $(wc -w <<<"$functions") C functions of ${#headers[@]} header(s), $(grep -c . <<<"$rows") rows, $checked binding names checked"
exit $status

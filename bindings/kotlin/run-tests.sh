#!/usr/bin/env bash
# Builds the Kotlin/JNI binding's artifacts once and tests exactly those, on the desktop JVM:
#   1. checks that the JNI layer calls every SC_API function of include/socialcart/*.h, but
#      those tests/abi/binding_allowlist.txt lets the Kotlin binding leave unwrapped,
#   2. checks that the Kotlin sources use no kotlinx-coroutines API that current releases
#      removed or made an error (the list, with reasons: removed-coroutines-api.txt),
#   3. builds build-kotlin/socialcart.jar and build-kotlin/libsocialcart_jni.so
#      (build-artifacts.sh, the same as `./dev kotlin`),
#   4. compiles the JUnit tests against socialcart.jar and runs them,
#   5. compiles the walkthrough (examples/kotlin/*.kt) against socialcart.jar, runs it and
#      checks its figures (and, when the C walkthrough was built, that it tells the same story),
#   6. builds and runs tests/consumer/kotlin outside the repository against the same two files.
#
# Needs (Debian packages): kotlin, libkotlinx-coroutines-java, libkotlinx-atomicfu-java,
# junit4, a JDK (javac, jar, jni.h), cmake and a C/C++ compiler; and a socialcart build made
# with -DSOCIALCART_STATIC=ON (libsocialcart.a).
#
# Environment:
#   SOCIALCART_LIB_DIR      socialcart build directory with libsocialcart.a (default: <repo>/build)
#   SOCIALCART_INCLUDE_DIR  directory with socialcart/*.h (default: <repo>/include)
#   SOCIALCART_KOTLIN_OUT   where the artifacts go (default: <repo>/build-kotlin)
#   KOTLINC, JAVA           compilers/launchers (default: kotlinc, java on PATH)
#   JAVA_HOME               JDK whose jni.h and jar to use (default: the JDK of javac on PATH)
#   TESTS                   space-separated test classes to run (default: all)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SOCIALCART_INCLUDE_DIR="$(cd "${SOCIALCART_INCLUDE_DIR:-$ROOT/include}" && pwd)"
export SOCIALCART_INCLUDE_DIR
OUT="${SOCIALCART_KOTLIN_OUT:-$ROOT/build-kotlin}"
JAVA="${JAVA:-java}"
# shellcheck source=bindings/kotlin/classpath.sh
source "$HERE/classpath.sh"

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

# Source with comments removed (newlines kept): a name in a comment is neither a call nor a use.
strip_comments() { perl -0777 -pe 's{/\*.*?\*/}{ (my $c = $&) =~ tr/\n//cd; $c }gse; s{//[^\n]*}{}g'; }

echo "== 1/6 coverage: every SC_API function of include/socialcart/*.h is called from bindings/kotlin/jni"
headers=("$SOCIALCART_INCLUDE_DIR"/socialcart/*.h)
[[ -f "${headers[0]}" ]] || { echo "no headers in $SOCIALCART_INCLUDE_DIR/socialcart" >&2; exit 1; }
api="$(cat "${headers[@]}" | strip_comments | tr '\n' ' ' | grep -oE 'SC_API [^;(]*\(' |
  sed -E 's/.*[ *]([a-z_0-9]+)\($/\1/' | grep '^sc_' | sort -u)"
jni_code="$(cat "$HERE"/jni/*.c | strip_comments)"
# "kotlin <function>  # why" lines: functions the binding may leave unwrapped (the same list
# tests/abi/check_binding_coverage.sh reads). Absent outside the repository: none.
ALLOWLIST="$ROOT/tests/abi/binding_allowlist.txt"
allowed="$( [[ -f "$ALLOWLIST" ]] && sed -n -E 's/^kotlin[[:space:]]+(sc_[a-z0-9_]+).*/\1/p' "$ALLOWLIST" || true)"
missing=0
count=0
unwrapped=0
for fn in $api; do
  if grep -qx "$fn" <<< "$allowed"; then
    unwrapped=$((unwrapped + 1))
    continue
  fi
  count=$((count + 1))
  # A call: the name followed by "(" or passed to an accessor macro ", name,".
  if ! grep -qE "(\\b$fn[[:space:]]*\\(|,[[:space:]]*$fn[[:space:]]*,)" <<< "$jni_code"; then
    echo "  not called from the JNI layer: $fn" >&2
    missing=$((missing + 1))
  fi
done
if [[ $missing -ne 0 || $count -eq 0 ]]; then
  echo "coverage: $missing of $count SC_API functions are not called" >&2
  exit 1
fi
echo "  all $count SC_API functions of ${#headers[@]} header(s) are called ($unwrapped more left unwrapped by tests/abi/binding_allowlist.txt)"

echo "== 2/6 coroutines: no API that current kotlinx-coroutines removed or made an error"
BANNED="$HERE/removed-coroutines-api.txt"
# pattern_lines FILE: the patterns of the list, one per line.
pattern_lines() { grep -vE '^[[:space:]]*(#|$)' "$1" | sed -E 's/  #.*$//'; }
# banned_uses: reads Kotlin on stdin (comments stripped), prints each use with its reason.
banned_uses() {
  local code pattern reason
  code="$(cat)"
  while IFS= read -r line; do
    pattern="${line%%  #*}"
    reason="${line#*  # }"
    if grep -nE -- "$pattern" <<< "$code" | head -n 3 | sed "s|^|  $reason: line |"; then :; fi
  done < <(grep -vE '^[[:space:]]*(#|$)' "$BANNED")
}
# The check must be able to fail: each pattern has to catch at least one of these uses.
examples='ch.offer(e)
ch.poll()
ch.receiveOrNull()
ch.sendBlocking(e)
BroadcastChannel<Int>(1)
ConflatedBroadcastChannel<Int>()
scope.broadcast(capacity = 1) { }
b.openSubscription()
import kotlinx.coroutines.experimental.launch'
while IFS= read -r pattern; do
  grep -qE -- "$pattern" <<< "$examples" || {
    echo "removed-coroutines-api.txt: the pattern '$pattern' catches none of run-tests.sh's examples" >&2
    exit 1
  }
done < <(pattern_lines "$BANNED")
uses=""
while IFS= read -r -d '' f; do
  found="$(strip_comments < "$f" | banned_uses)"
  [[ -z "$found" ]] || uses+="${f#"$ROOT"/}:"$'\n'"$found"$'\n'
done < <(find "$HERE/src" "$ROOT/examples/kotlin" "$ROOT/tests/consumer/kotlin" -name '*.kt' -print0 | sort -z)
if [[ -n "$uses" ]]; then
  printf '%s' "$uses" >&2
  echo "the Kotlin sources use kotlinx-coroutines API that current releases removed or made an error" >&2
  exit 1
fi
echo "  none of the $(pattern_lines "$BANNED" | grep -c .) patterns of removed-coroutines-api.txt is used"

echo "== 3/6 artifacts (build-artifacts.sh)"
"$HERE/build-artifacts.sh" "$OUT"
OUT="$(cd "$OUT" && pwd)"
JAR_FILE="$OUT/socialcart.jar"

echo "== 4/6 JUnit, compiled against socialcart.jar"
TEST_OUT="$OUT/test"
CLASSES="$TEST_OUT/classes"
STAMP="$TEST_OUT/classes.stamp"
mkdir -p "$TEST_OUT"
if [[ -f "$STAMP" && "$STAMP" -nt "$JAR_FILE" ]] &&
   [[ -z "$(find "$HERE/src/test/kotlin" -name '*.kt' -newer "$STAMP" -print -quit)" ]]; then
  echo "  up to date"
else
  rm -rf "$CLASSES"
  mkdir -p "$CLASSES"
  # The tests reach the binding's internals (Native, handles): they are a friend module
  # of the jar, as Gradle compiles a module's tests. The friend path must be absolute.
  kotlinc_quiet -jvm-target 1.8 -nowarn -module-name socialcart_test -Xfriend-paths="$JAR_FILE" \
    -cp "$JAR_FILE:$COROUTINES:$COROUTINES_COMMON:$JUNIT:$HAMCREST" \
    -d "$CLASSES" "$HERE/src/test/kotlin"
  touch "$STAMP"
fi
RUNTIME_CP="$JAR_FILE:$KOTLIN_STDLIB:$COROUTINES:$COROUTINES_COMMON:$ATOMICFU"
JVM_FLAGS=(-Djava.library.path="$OUT" -Xcheck:jni)
if [[ -n "${TESTS:-}" ]]; then
  read -r -a test_classes <<< "$TESTS"
else
  mapfile -t test_classes < <(cd "$CLASSES" && find socialcart -name '*Test.class' ! -name '*$*' | sed -e 's/\.class$//' -e 's#/#.#g' | sort)
fi
echo "  ${#test_classes[@]} test classes: ${test_classes[*]}"
junit_rc=0
"$JAVA" "${JVM_FLAGS[@]}" -cp "$CLASSES:$RUNTIME_CP:$JUNIT:$HAMCREST" org.junit.runner.JUnitCore "${test_classes[@]}" 2>&1 |
  tee "$TEST_OUT/junit.log" || junit_rc=$?
if ok_line="$(grep -E '^OK \([0-9]+ tests?\)' "$TEST_OUT/junit.log")"; then
  run="$(echo "$ok_line" | grep -oE '[0-9]+')"; failed=0
else
  run="$(grep -oE 'Tests run: [0-9]+' "$TEST_OUT/junit.log" | grep -oE '[0-9]+' || echo 0)"
  failed="$(grep -oE 'Failures: [0-9]+' "$TEST_OUT/junit.log" | grep -oE '[0-9]+' || echo 1)"
fi
echo "kotlin: $((run - failed)) passed, $failed failed"
if [[ $junit_rc -ne 0 || $failed -ne 0 ]]; then
  echo "run-tests.sh: JUnit failed" >&2
  exit 1
fi

echo "== 5/6 example: examples/kotlin/*.kt (the walkthrough), compiled against socialcart.jar"
EXAMPLE="$TEST_OUT/example"
if [[ -f "$EXAMPLE.stamp" && "$EXAMPLE.stamp" -nt "$JAR_FILE" ]] &&
   [[ -z "$(find "$ROOT/examples/kotlin" -name '*.kt' -newer "$EXAMPLE.stamp" -print -quit)" ]]; then
  echo "  up to date"
else
  rm -rf "$EXAMPLE"
  kotlinc_quiet -jvm-target 1.8 -nowarn -cp "$JAR_FILE:$COROUTINES:$COROUTINES_COMMON" \
    -d "$EXAMPLE" "$ROOT"/examples/kotlin/*.kt
  touch "$EXAMPLE.stamp"
fi
# promotions.json is found next to program.json.
WALKTHROUGH_OUT="$TEST_OUT/walkthrough.out"
"$JAVA" "${JVM_FLAGS[@]}" -cp "$EXAMPLE:$RUNTIME_CP" WalkthroughKt "$ROOT/examples/walkthrough/program.json" \
  > "$WALKTHROUGH_OUT" || { cat "$WALKTHROUGH_OUT"; echo "run-tests.sh: the walkthrough failed" >&2; exit 1; }
cat "$WALKTHROUGH_OUT"
# Ids are random: each becomes its kind and the order it first appears in (ord_1, cpn_2, opn_3,
# grp_1, brg_1, ...), so that "the same order", "the coupon she claimed", "the open that bound the
# buyer", "the group the invite leads to" or "the bargain friends helped" still has to be the
# same id. Share links' short
# codes are random too: a code printed for people (XXXX-XXXXXX, on the poster) or in canonical
# form (XXXXXXXXXX, the event log's subject and "code") becomes code_1, code_2, ... by first
# appearance, both forms of one code the same number. Their alphabet is Crockford's base32 in
# upper case (no I, L, O, U), which nothing else the story prints matches.
number_ids() {
  perl -pe 's{\b(ord|rfd|hold|cpn|opn|grp|brg)_[a-z0-9]{26}\b}{$id{$&} //= "$1_" . ++$n{$1}}ge;
            s{\b([0-9A-HJKMNP-TV-Z]{4})-?([0-9A-HJKMNP-TV-Z]{6})\b}{$c{"$1$2"} //= "code_" . ++$m}ge'
}
# The story's figures, each a whole line, in this order: the shopper's story (unchanged
# since before the sale), then the sale's (chapters 11-15), then the points' (chapters 16-20),
# then the tiers' (chapters 21-26), then the share links' (chapter 27: only what does not
# change between runs, the short code numbered), then share-to-earn's (chapter 28), then
# group-buy's (chapter 29), then the flash sale's (chapter 30), then the bargain's (chapter 31),
# then the event log's (chapter 32).
expected_lines=(
  "    tea-oolong-250g  Tieguanyin oolong tea, 250 g          CNY 68.00  12 left"
  "    refused: SKU kettle-iron is not for sale (SC_ERR_SKU_INACTIVE)"
  "      [x] 2 x Celadon tea cup                       CNY 42.00  price changed (was CNY 39.50)"
  "    total payable CNY 288.00"
  "    cups available: 3 before checkout, 1 now (held for the order)"
  "    The app retries the checkout on a flaky network: same order ord_1 (no duplicate)"
  "    refused: amount 28799 differs from the order total 28800 (SC_ERR_AMOUNT_MISMATCH)"
  "    order ord_1: paid, total CNY 288.00"
  "    order ord_1: partially_refunded, total CNY 288.00, refunded CNY 42.00"
  "    refused: only 1 unit(s) of line 1 are left to refund (SC_ERR_REFUND_EXCEEDS_PAID)"
  "    16 minutes later the sweep settled 1 order(s); Wei's order is cancelled (payment window lapsed), cups available: 1"
  "    refused: the payment window of order ord_2 has lapsed (SC_ERR_EXPIRED)"
  # 11: two claims, and the retried claim returns the same coupon; the new-user code.
  "    lin claims teahouse-10: coupon cpn_1, valid for 7 days"
  "    lin claims platform-50: coupon cpn_2, valid for 7 days"
  "    lin claims platform-50: coupon cpn_2, valid for 7 days"
  "    Wei has coupon cpn_3 (moonfest)"
  "    refused: this coupon is for new users, and the user has a paid order (SC_ERR_INVALID_STATE)"
  # 12: platform-50 misses 10400 minor units.
  "      not applied: platform-50: below_min_spend (spend CNY 104.00 more)"
  # 13: the best choice is platform-50 alone, payable 26400; pickup 25400.
  "      payable CNY 264.00, saved CNY 70.00"
  "      not applied: teahouse-10: not_better"
  "    Collected from the shops instead: payable CNY 254.00"
  # 14: the order charges the quote and holds Lin's platform-50 coupon, used once paid.
  "    order ord_3: created, total CNY 264.00"
  "    same as the quote: yes"
  "    coupon cpn_2 (platform-50) takes CNY 50.00"
  "      platform-50  held"
  "      platform-50  used"
  # 15: the goods refunded (total minus shipping), the coupon available again, the report.
  "    order ord_3: refunded, total CNY 264.00, refunded CNY 254.00"
  "      platform-50  available"
  "      template      offered claimed used returned held discount given"
  "      platform-50       500       1    1        1    0       CNY 0.00"
  # 16: the streak (5, 5, 10; a second sign-in earns nothing), three shares, the fourth over the cap.
  "    2026-11-28: day 3 of the streak, already signed in today, 10 points"
  "    refused: the daily cap of 3 for share is reached (SC_ERR_LIMIT_EXCEEDED)"
  "    lin's points: 50 available, 0 pending, 0 held"
  # 17: 236.00 paid for the goods earns 236, pending.
  "    lin's points: 50 available, 236 pending, 0 held"
  # 18: vested; 30% of 68.00 caps at 2000 points, 286 available, whole hundreds: 200.
  "    lin's points: 286 available, 0 pending, 0 held"
  "    goods CNY 68.00, points 200 of at most 200 pay CNY 2.00, shipping CNY 10.00: payable CNY 76.00, earns 66"
  "    lin's points: 86 available, 0 pending, 200 held"
  "    lin's points: 86 available, 66 pending, 0 held"
  # 19: the return gives back the 200 spent and takes back the 66 earned.
  "    lin's points: 286 available, 0 pending, 0 held"
  # 20: the report.
  "      members 1; available 286, pending 0, held 0: a liability of 286 points, CNY 2.86"
  "      since the programme started: earned 352, spent 200, reversed 66, returned 200, expired 0"
  # 21: what Lin paid before the programme counts: 482.00, 18.00 short of Silver.
  "    lin's page: Normal since 2026-12-07; spend in the last 365 days CNY 482.00, CNY 18.00 more to silver"
  # 22: the payment that crosses 500.00 upgrades her at once.
  '    event tier.upgraded {"at":1796643180000,"at_period_end":false,"from":"normal","to":"silver","user_id":"lin"}'
  "    lin's page: Silver since 2026-12-07; spend in the last 365 days CNY 550.00, CNY 1450.00 more to gold"
  # 23: the same cart as Silver: 5% off, free shipping from 50.00, points x1.5.
  "    as Silver  1 x tea-oolong-250g  CNY 68.00  -CNY 3.40 item_price silver  = CNY 64.60"
  "               shipping CNY 0.00, payable CNY 64.60, points to earn 96"
  # 24: the return leaves her Silver until the review; 18.00 paid now would keep it.
  "      review on 2027-01-01: spend CNY 482.00 gives normal; CNY 18.00 paid now keeps silver"
  # 25: New Year's review: Normal, the sweep records the downgrade, the list price again.
  "    lin's page: Normal since 2027-01-01; spend in the last 365 days CNY 482.00, CNY 18.00 more to silver"
  '    event tier.downgraded {"at":1798761600000,"at_period_end":true,"from":"silver","to":"normal","user_id":"lin"}'
  "    as Normal  1 x tea-oolong-250g  CNY 68.00  = CNY 68.00"
  "               shipping CNY 10.00, payable CNY 78.00, points to earn 68"
  # 26: the report.
  "      normal         1        0          1"
  "      silver         0        1          0"
  # 27: the token's start (version, key id; then the sharer id's length), the code on the
  # poster, the claims of the link opened by the typed code, the forged copy refused, the
  # link signed by the new key, the old key's link refused once it is retired, then expired.
  "    link: https://shop.example/s/AQxzaG9wLTIwMjYtMTID... (a token of 179 characters)"
  "    on the poster, a short code: code_1"
  "    lin's link to sku tea-oolong-250g via wechat, signed by shop-2026-12, valid until 2027-01-09 09:00"
  "    refused: the share link does not match its signature: it was altered or forged (SC_ERR_LINK_TAMPERED)"
  "    lin's link to sku tea-oolong-250g via qr, signed by shop-2027-01, valid until 2027-01-09 09:00"
  '    refused: the share link is signed under key id "shop-2026-12", which is not in force here (SC_ERR_LINK_UNKNOWN_KEY)'
  "    refused: the share link has expired (SC_ERR_EXPIRED)"
  # 28: Lin bound to Wei; Bo's phone bound to Lin, carried over at sign-up; the order of two
  # boxes (236.00 of goods) credited to Lin: 10% to her, 3% to Wei, pending for a week; Lin's
  # own open refused with its reason; vested; half of each clawed back by the return; the figures.
  "28. Share-to-earn. A referred order pays its sharer 10% of what its goods paid, and"
  "    lin opens wei's link: bound until 2027-01-16 10:10"
  "    bo-phone opens lin's link: bound until 2027-01-16 10:10"
  "    bo is bound to lin until 2027-01-16 10:10"
  "    credited to lin (opened via wechat), goods paid CNY 236.00; rewards:"
  "      lin, level 1: CNY 23.60, pending until 2027-01-16 10:30"
  "      wei, level 2: CNY 7.08, pending until 2027-01-16 10:30"
  "    lin opens lin's link: self_referral"
  "    refused for lin: self_referral (user lin)"
  "      lin, level 1: CNY 23.60, vested"
  "      lin, level 1: CNY 23.60, vested, CNY 11.80 clawed back"
  "      wei, level 2: CNY 7.08, vested, CNY 3.54 clawed back"
  "    The mooncake box's share-to-earn figures: shares 2 (sharers 2) -> opens 3"
  "    (bound 2) -> orders 1 -> paid 1, goods paid CNY 236.00; commission pending CNY 0.00,"
  "    vested CNY 15.34, clawed back CNY 15.34; refused 1; viral coefficient 0.50"
  # 29: each of the five pays 98.00 (88.00 and 10.00 shipping); Kai's and Jun's seats in Mei's
  # group through its invite, the third payment confirming the group; Ana refused, the group
  # being full; Ren's group failed at its deadline, the two members' boxes refunded; the figures.
  "29. Group-buy. Mooncake boxes at CNY 88.00 instead of 128.00 for groups of three; a group"
  "    mei pays CNY 98.00: awaiting_group"
  "    the group led by mei is open: 1 of 3 paid, 2 more needed by 2027-01-17 11:30"
  "    the invite leads to Mei's group, and kai is bound"
  "    kai pays CNY 98.00: awaiting_group"
  "    the group led by mei is open: 2 of 3 paid, 1 more needed by 2027-01-17 11:30"
  "    Kai's order is credited to mei, who earns CNY 8.80 pending"
  "    jun pays CNY 98.00: group_confirmed"
  "    the group led by mei is filled: 3 of 3 paid"
  "    Mei's order is now group_confirmed too: the bakery ships all three"
  "    refused: the group is already filled (SC_ERR_GROUP_FULL)"
  "    ren pays CNY 98.00: awaiting_group"
  "    ada pays CNY 98.00: awaiting_group"
  "    the group led by ren is open: 2 of 3 paid, 1 more needed by 2027-01-17 13:30"
  "    the group led by ren is failed: 2 of 3 paid"
  "    ren's order: group_failed, CNY 88.00 due for the boxes -> refunded"
  "    ada's order: group_failed, CNY 88.00 due for the boxes -> refunded"
  "    The campaign's figures: groups opened 2, filled 1, failed 1, success rate 50.00%,"
  "    average time to fill 120 min, boxes sold 3"
  # 30: the next slot listed before it starts (10:00 Beijing time is 02:00 UTC); three tins held
  # at 29.90 and 10.00 shipping, the fourth buyer refused; Ana's unpaid tin back after her window
  # and sold again, selling the slot out; the figures.
  "30. Flash sale. Tieguanyin at CNY 29.90 instead of 68.00, 10:00 and 20:00 Beijing time,"
  "    the 2027-01-18 02:00 UTC slot: 0 sold, 0 held, 3 left (0% taken), starts in 645 min"
  "    kai takes a tin: CNY 39.90 with shipping, to pay by 2027-01-18 02:15"
  "    the 2027-01-18 02:00 UTC slot: 0 sold, 3 held, 0 left (100% taken)"
  "    refused: the flash-sale slot has not that many units left (SC_ERR_OUT_OF_STOCK)"
  "    refused: the shopper has an unpaid flash-sale order (SC_ERR_INVALID_STATE)"
  "    the 2027-01-18 02:00 UTC slot: 2 sold, 0 held, 1 left (66% taken)"
  "    The slot's figures: 3 of 3 sold, sold out after 16 min, 3 order(s) paid, 1 lapsed"
  # 31: the cuts drawn from the story's seeded SplitMix64 (the same in C and Kotlin): Mei's own
  # help and Kai's second refused, the third help landing on the floor, Mei buying at 68.00 and
  # 10.00 shipping; Ren's bargain expiring after one help; the figures.
  "31. Bargain. The mooncake box from CNY 128.00 down to 68.00 with three friends' help"
  "    mei opens a bargain at CNY 128.00, down to CNY 68.00 with 3 friends' help by 2027-01-19 03:16"
  "    Mei shares the invite; it leads Kai to Mei's bargain"
  "    refused: the opener cannot help their own bargain (SC_ERR_INVALID_STATE)"
  "    kai helps: CNY 37.98 off, now CNY 90.02 (open)"
  "    refused: one help per friend per bargain (SC_ERR_INVALID_STATE)"
  "    jun helps: CNY 7.41 off, now CNY 82.61 (open)"
  "    ana helps: CNY 14.61 off, now CNY 68.00 (floor_reached)"
  "    Mei buys the box at the bargained price: CNY 78.00 with shipping, paid"
  "    Mei's bargain is bought after 3 helps"
  "    ada helps: CNY 16.40 off, now CNY 111.60 (open)"
  "    a day later Ren's bargain is expired at CNY 111.60"
  "    The program's figures: opened 2, completed 1, bought 1, expired 1, helps 4,"
  "    helpers per completion 4.00, conversion to paid 50.00%"
  "32. The event log, read from the start:"
  # 32: the first link's event names the poster's code in canonical form; Bo's order is
  # credited through the open of his phone (the second open, opn_2); Mei's group (the first,
  # grp_1) fills with the three orders after Bo's, two hours after it opened; Ren's (grp_2)
  # fails, and Ren's order is due the 88.00 of the goods, the shipping beside it.
  '    #92  T+57540min share_link.created code_1                     {"channel":"wechat","code":"code_1","expires_at":1799485200000,"key_id":"shop-2026-12","sharer_id":"lin","target_id":"tea-oolong-250g","target_kind":"sku"}'
  '    #109 T+67710min referral.attributed ord_7 {"buyer_id":"bo","currency":"CNY","open_id":"opn_2","order_id":"ord_7","paid":23600,"sharer_id":"lin"}'
  '    #151 T+77970min group.filled       grp_1 {"campaign_id":"mooncake-trio","fill_ms":7200000,"group_id":"grp_1","orders":["ord_8","ord_9","ord_10"],"paid_members":3,"virtual_members":0}'
  '    #173 T+79455min group.refund_due   ord_11 {"amount":8800,"currency":"CNY","group_id":"grp_2","order_id":"ord_11","shipping":1000,"user_id":"ren"}'
  # Mei's bargain (the first, brg_1) cut by Kai's help, then bought by her order; Ren's (brg_2)
  # settled as expired by the sweep a day later.
  '    #221 T+80236min bargain.helped     brg_1 {"amount":3798,"bargain_id":"brg_1","helpers_left":2,"helps":1,"price":9002,"user_id":"kai"}'
  '    #228 T+80301min bargain.bought     brg_1 {"bargain_id":"brg_1","helps":3,"order_id":"ord_17","price":6800,"program_id":"mooncake-chop","user_id":"mei"}'
  '    #233 T+81741min bargain.expired    brg_2 {"bargain_id":"brg_2","helps":1,"price":11160,"program_id":"mooncake-chop","user_id":"ren"}'
  "The end: every handle freed."
)
missing_line="$(number_ids < "$WALKTHROUGH_OUT" | perl -e '
  my @want = @ARGV; @ARGV = ();
  my $i = 0;
  while (my $line = <STDIN>) { chomp $line; $i++ if $i < @want && $line eq $want[$i]; }
  print $want[$i] if $i < @want;' "${expected_lines[@]}")"
if [[ -n "$missing_line" ]]; then
  echo "run-tests.sh: the walkthrough lacks this line (or it came out of order):" >&2
  echo "  '$missing_line'" >&2
  exit 1
fi
echo "  the walkthrough printed its ${#expected_lines[@]} checked figures in order"
# When the C walkthrough was built next to the library, the Kotlin one must tell the same story.
C_WALKTHROUGH="${SOCIALCART_LIB_DIR:-$ROOT/build}/walkthrough"
if [[ -x "$C_WALKTHROUGH" ]]; then
  c_tmp="$(mktemp -d)"
  "$C_WALKTHROUGH" "$ROOT/examples/walkthrough/program.json" "$c_tmp/walkthrough.db" \
    "$ROOT/examples/walkthrough/promotions.json" > "$TEST_OUT/walkthrough-c.out" ||
    { rm -rf "$c_tmp"; echo "run-tests.sh: $C_WALKTHROUGH failed" >&2; exit 1; }
  rm -rf "$c_tmp"
  if ! diff <(number_ids < "$TEST_OUT/walkthrough-c.out") \
            <(number_ids < "$WALKTHROUGH_OUT" | sed '1s/ walkthrough (Kotlin)$/ walkthrough/'); then
    echo "run-tests.sh: the Kotlin walkthrough differs from $C_WALKTHROUGH (< C, > Kotlin)" >&2
    exit 1
  fi
  echo "  the same story as $C_WALKTHROUGH"
else
  echo "  (no C walkthrough at $C_WALKTHROUGH: not compared)"
fi

echo "== 6/6 consumer: tests/consumer/kotlin built outside the repository against the artifacts"
"$ROOT/tests/consumer/kotlin/run.sh" "$OUT"
echo "== Kotlin binding: all passed"

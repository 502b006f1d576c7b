#include "program/program_document.hpp"
#include "program/strict_json.hpp"
#include "support.hpp"

using namespace sc;

namespace {

std::string doc_with_sku(const std::string& sku_json) {
    return R"({"format":"socialcart.program/1","currency":"CNY","skus":[)" + sku_json + "]}";
}

void check_invalid(const std::string& json, const std::string& field) {
    try {
        parse_program(json);
        FAIL_CHECK("accepted: " << json);
    } catch (const Error& e) {
        CHECK(e.code() == SC_ERR_VALIDATION);
        CHECK_MESSAGE(e.field() == field, e.what());
        CHECK(std::string(e.what()).rfind(field.empty() ? "document" : field, 0) == 0);
    }
}

}  // namespace

TEST_CASE("a program document parses with defaults for optional fields") {
    const auto doc = parse_program(doc_with_sku(
        R"({"id":"tea","merchant_id":"m1","title":"Tea","list_price":6800,"categories":["tea","gifts"],"stock":12,"max_per_order":5},
           {"id":"cake","merchant_id":"m2","title":"Cake","list_price":0})"));
    REQUIRE(doc.skus.size() == 2);
    CHECK(doc.currency == "CNY");
    CHECK(doc.skus[0].stock_on_hand == 12);
    CHECK(doc.skus[0].max_per_order == 5);
    CHECK(doc.skus[0].categories == std::vector<std::string>{"tea", "gifts"});
    CHECK(doc.skus[1].active);
    CHECK_FALSE(doc.skus[1].stock_on_hand.has_value());
    CHECK(doc.skus[1].currency == "CNY");
}

TEST_CASE("validation names the exact field at fault") {
    const std::string ok = R"({"id":"tea","merchant_id":"m1","title":"Tea","list_price":6800})";
    check_invalid("{", "");
    check_invalid("[]", "");
    check_invalid(R"({"format":"socialcart.program/2","currency":"CNY"})", "format");
    check_invalid(R"({"currency":"CNY"})", "format");
    check_invalid(R"({"format":"socialcart.program/1","currency":"yuan","skus":[]})", "currency");
    check_invalid(R"({"format":"socialcart.program/1","currency":"CNY","skus":{}})", "skus");
    check_invalid(R"({"format":"socialcart.program/1","currency":"CNY","campaings":[]})", "campaings");
    check_invalid(doc_with_sku(ok + "," + R"({"id":"x","merchant_id":"m1","title":"X","list_price":68.5})"),
                  "skus[1].list_price");
    check_invalid(doc_with_sku(R"({"id":"tea","merchant_id":"m1","title":"Tea","list_price":-1})"),
                  "skus[0].list_price");
    check_invalid(doc_with_sku(R"({"id":"tea","merchant_id":"m1","title":"Tea","list_price":"68"})"),
                  "skus[0].list_price");
    check_invalid(doc_with_sku(R"({"id":"tea","merchant_id":"m1","list_price":1})"), "skus[0].title");
    check_invalid(doc_with_sku(R"({"id":"","merchant_id":"m1","title":"T","list_price":1})"), "skus[0].id");
    check_invalid(doc_with_sku(R"({"id":"t","merchant_id":"m1","title":"T","list_price":1,"stock":-2})"),
                  "skus[0].stock");
    check_invalid(doc_with_sku(R"({"id":"t","merchant_id":"m1","title":"T","list_price":1,"max_per_order":0})"),
                  "skus[0].max_per_order");
    check_invalid(doc_with_sku(R"({"id":"t","merchant_id":"m1","title":"T","list_price":1,"categories":["a",3]})"),
                  "skus[0].categories[1]");
    check_invalid(doc_with_sku(R"({"id":"t","merchant_id":"m1","title":"T","list_price":1,"active":"yes"})"),
                  "skus[0].active");
    check_invalid(doc_with_sku(R"({"id":"t","merchant_id":"m1","title":"T","list_price":1,"prise":1})"),
                  "skus[0].prise");
    check_invalid(doc_with_sku(ok + "," + ok), "skus[1].id");
    check_invalid(doc_with_sku(R"({"id":"t","merchant_id":"m1","title":"T","list_price":18446744073709551615})"),
                  "skus[0].list_price");
    check_invalid("{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"x\":\"\xff\"}", "");
}

TEST_CASE("serialize then parse gives the same document") {
    const auto doc = parse_program(doc_with_sku(
        R"({"id":"tea","merchant_id":"m1","title":"铁观音 Tea","list_price":6800,"categories":["tea"],"stock":0,"active":false})"));
    const std::string text = serialize_program(doc);
    const auto again = parse_program(text);
    CHECK(again.currency == doc.currency);
    CHECK(again.skus == doc.skus);
    CHECK(serialize_program(again) == text);
}

TEST_CASE("an empty catalog exports without a currency and imports again") {
    const std::string text = serialize_program(ProgramDocument{});
    CHECK(text.find("currency") == std::string::npos);
    CHECK(parse_program(text).skus.empty());
}

namespace {

// The error a document gets, checked for what every importer message must be: the
// field first, valid UTF-8, printable ASCII English (so no document text slips in).
Error refusal(const std::string& json) {
    try {
        parse_program(json);
    } catch (const Error& e) {
        const std::string message = e.what();
        CHECK(e.code() == SC_ERR_VALIDATION);
        CHECK(message.rfind(e.field().empty() ? "document" : e.field(), 0) == 0);
        for (char c : message + e.field()) CHECK_MESSAGE((c >= 0x20 && c < 0x7F), message);
        return e;
    }
    FAIL("accepted: " << json);
    throw;  // not reached: FAIL ends the test
}

const std::string kOk = R"({"id":"tea","merchant_id":"m1","title":"Tea","list_price":6800})";

}  // namespace

TEST_CASE("numbers too large to represent are refused with their field") {
    CHECK(refusal(doc_with_sku(R"({"id":"t","merchant_id":"m1","title":"T","list_price":1e400})")).field() ==
          "skus[0].list_price");
    CHECK(refusal(doc_with_sku(R"({"id":"t","merchant_id":"m1","title":"T","list_price":1,"extra":-1e400})")).field() ==
          "skus[0].extra");
    CHECK(refusal(R"({"format":"socialcart.program/1","x":[1,[2,1e999]]})").field() == "x[1][1]");
    CHECK(refusal("1e400").field().empty());
    // Merely long integers are not an overflow of the parser; they fail as money.
    CHECK(refusal(doc_with_sku(R"({"id":"t","merchant_id":"m1","title":"T","list_price":123456789012345678901234})"))
              .field() == "skus[0].list_price");
}

TEST_CASE("a key that appears twice in one object is refused") {
    CHECK(refusal(R"({"format":"socialcart.program/1","format":"socialcart.program/1"})").field() == "format");
    CHECK(refusal(doc_with_sku(R"({"id":"t","merchant_id":"m1","title":"T","title":"U","list_price":1})")).field() ==
          "skus[0].title");
    CHECK(refusal(R"({"format":"socialcart.program/1","currency":"CNY","skus":[],"skus":[]})").field() == "skus");
    // The same key in different objects is fine.
    CHECK(parse_program(doc_with_sku(kOk + R"(,{"id":"cup","merchant_id":"m1","title":"Cup","list_price":1})")).skus.size() ==
          2);
}

TEST_CASE("controls and bidi characters are refused in ids and text, with the rule named") {
    const auto title = refusal(doc_with_sku(R"({"id":"cup","merchant_id":"m1","title":"\u0000Celadon","list_price":1})"));
    CHECK(title.field() == "skus[0].title");
    CHECK(std::string(title.what()) == "skus[0].title: must not contain control characters");
    CHECK(refusal(doc_with_sku(R"({"id":"cup","merchant_id":"m1","title":"Cup\u0085","list_price":1})")).field() ==
          "skus[0].title");
    CHECK(refusal(doc_with_sku(R"({"id":"cup","merchant_id":"m1","title":"Cup\u202e","list_price":1})")).field() ==
          "skus[0].title");
    CHECK(refusal(doc_with_sku(R"({"id":"c\u200bup","merchant_id":"m1","title":"Cup","list_price":1})")).field() ==
          "skus[0].id");
    CHECK(refusal(doc_with_sku(R"({"id":"cup","merchant_id":"m\u2066","title":"Cup","list_price":1})")).field() ==
          "skus[0].merchant_id");
    CHECK(refusal(doc_with_sku(R"({"id":"cup","merchant_id":"m1","title":"Cup","list_price":1,"categories":["a\u200e"]})"))
              .field() == "skus[0].categories[0]");
    // Ordinary Unicode, including marks and joiners in titles, is accepted.
    const auto doc = parse_program(doc_with_sku(R"({"id":"茶","merchant_id":"m1","title":"\u200fشاي 龙井 🍵","list_price":1})"));
    CHECK(doc.skus[0].title == "\u200f" "شاي 龙井 🍵");
}

TEST_CASE("messages never repeat document text") {
    // An unknown key that is not a plain name is shown as "*".
    CHECK(refusal(doc_with_sku(R"({"id":"t","merchant_id":"m1","title":"T","list_price":1,"sécret\u0001":1})")).field() ==
          "skus[0].*");
    CHECK(refusal(R"({"format":"socialcart.program/1","a b":1})").field() == "*");
    CHECK(refusal(R"({"format":"socialcart.program/1","currency":"CNY","skus":[],"secret_field":1})").field() ==
          "secret_field");
    // Syntax errors name a position, not the text around it (which may end mid-character).
    const auto syntax = refusal("{\"format\":\"socialcart.program/1\",\"x\":\"秘密\" secret}");
    CHECK(std::string(syntax.what()).find("secret") == std::string::npos);
    CHECK(std::string(syntax.what()).find("byte") != std::string::npos);
    CHECK(refusal(R"({"format":"socialcart.program/1","currency":"Z\u0000Z"})").field() == "currency");
}

TEST_CASE("nesting is limited") {
    std::string deep = R"({"format":"socialcart.program/1","x":)";
    for (size_t i = 0; i < 100000; ++i) deep += '[';
    CHECK(refusal(deep).field().rfind("x[0][0]", 0) == 0);
    std::string ok = R"({"format":"socialcart.program/1","x":)";
    for (size_t i = 0; i < kMaxJsonDepth - 1; ++i) ok = ok + "[";
    for (size_t i = 0; i < kMaxJsonDepth - 1; ++i) ok = ok + "]";
    // 32 levels parse as JSON; the field is then refused as unknown, not as too deep.
    CHECK(std::string(refusal(ok + "}").what()) == "x: unknown field");
}

TEST_CASE("currencies come from the ISO 4217 list") {
    for (const char* code : {"CNY", "JPY", "KRW", "BHD", "KWD", "CLF", "USD", "EUR", "UYI", "XCG", "ZWG"}) {
        CAPTURE(code);
        CHECK(parse_program(std::string(R"({"format":"socialcart.program/1","currency":")") + code + R"("})").currency ==
              code);
    }
    for (const char* code : {"ZZZ", "XAU", "XDR", "XTS", "XXX", "HRK", "cny", "CN"}) {
        CAPTURE(code);
        CHECK(refusal(std::string(R"({"format":"socialcart.program/1","currency":")") + code + R"("})").field() ==
              "currency");
    }
}

#include "program/program_document.hpp"
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

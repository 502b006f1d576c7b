#include "core/ids.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"
#include "support.hpp"

#include <set>

using namespace sc;

TEST_CASE("UTF-8 validation is strict") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain"));
    CHECK(is_valid_utf8("拼团 分享赚"));
    CHECK(is_valid_utf8("\xF0\x9F\x8D\xB5"));        // U+1F375 teacup
    CHECK_FALSE(is_valid_utf8("\xff\xfe"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xE6\x8B"));          // truncated
}

TEST_CASE("ids and texts are checked with the field at fault") {
    CHECK_NOTHROW(require_id("sku-1", "sku_id"));
    CHECK_SC_ERROR_FIELD(require_id("", "sku_id"), SC_ERR_INVALID_ARGUMENT, "sku_id");
    CHECK_SC_ERROR_FIELD(require_id("\xff", "user_id"), SC_ERR_INVALID_UTF8, "user_id");
    CHECK_SC_ERROR_FIELD(require_id("a\nb", "user_id"), SC_ERR_INVALID_ARGUMENT, "user_id");
    CHECK_SC_ERROR_FIELD(require_id(std::string(129, 'x'), "user_id"), SC_ERR_INVALID_ARGUMENT, "user_id");
    CHECK_NOTHROW(require_text("Oolong\ttea", "title"));
}

TEST_CASE("generated ids are prefixed, 128-bit and distinct") {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = new_id("ord");
        CHECK(id.rfind("ord_", 0) == 0);
        CHECK(id.size() == 4 + 26);
        CHECK(id.find_first_not_of("0123456789abcdefghjkmnpqrstvwxyz", 4) == std::string::npos);
        seen.insert(id);
    }
    CHECK(seen.size() == 1000);
}

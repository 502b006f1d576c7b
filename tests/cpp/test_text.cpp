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
}

TEST_CASE("ids refuse controls, bidi characters and zero-width characters") {
    // Each of these makes an id look like another or hides part of it.
    const char* const refused[] = {
        "a\x01" "b", "a\tb", "a\x7F" "b",
        "a\xC2\x80" "b", "a\xC2\x85" "b", "a\xC2\x9F" "b",                      // C1: U+0080, U+0085, U+009F
        "a\xD8\x9C" "b", "a\xE2\x80\x8E" "b", "a\xE2\x80\x8F" "b",           // U+061C, U+200E, U+200F
        "a\xE2\x80\xAA" "b", "a\xE2\x80\xAE" "b",                             // U+202A, U+202E
        "a\xE2\x81\xA6" "b", "a\xE2\x81\xA9" "b",                             // U+2066, U+2069
        "a\xE2\x80\x8B" "b", "a\xE2\x80\x8D" "b", "a\xE2\x81\xA0" "b",      // U+200B, U+200D, U+2060
        "\xEF\xBB\xBF" "ab",                                                   // U+FEFF
    };
    for (const char* id : refused) {
        CAPTURE(id);
        CHECK_SC_ERROR_FIELD(require_id(id, "sku_id"), SC_ERR_INVALID_ARGUMENT, "sku_id");
    }
    CHECK_SC_ERROR_FIELD(require_id(std::string("a\0b", 3), "sku_id"), SC_ERR_INVALID_ARGUMENT, "sku_id");
    // Ordinary Unicode is fine, and characters next to the refused ranges are too.
    CHECK_NOTHROW(require_id("茶-\xC2\xA0-\xE2\x80\x90-\xE2\x80\xAF-\xE2\x81\xAA", "sku_id"));  // U+00A0, U+2010, U+202F, U+206A
    CHECK_NOTHROW(require_id(std::string(128, 'x'), "sku_id"));
}

TEST_CASE("text refuses controls and bidi overrides but keeps ordinary Unicode") {
    CHECK_NOTHROW(require_text("Longjing 龙井 \xF0\x9F\x8D\xB5 \xD8\xB4\xD8\xA7\xDB\x8C", "title"));
    CHECK_NOTHROW(require_text("\xE2\x80\x8F" "mark and joiner \xE2\x80\x8D", "title"));  // U+200F, U+200D
    CHECK_NOTHROW(require_text(std::string(4096, 'x'), "title"));
    const char* const refused[] = {"Oolong\ttea", "line\nbreak", "a\x7F", "a\xC2\x85", "a\xE2\x80\xAE" "b",
                                   "a\xE2\x81\xA7" "b"};
    for (const char* text : refused) {
        CAPTURE(text);
        CHECK_SC_ERROR_FIELD(require_text(text, "title"), SC_ERR_INVALID_ARGUMENT, "title");
    }
    CHECK_SC_ERROR_FIELD(require_text(std::string("\0Celadon", 8), "title"), SC_ERR_INVALID_ARGUMENT, "title");
    CHECK_SC_ERROR_FIELD(require_text(std::string(4097, 'x'), "title"), SC_ERR_INVALID_ARGUMENT, "title");
    CHECK_SC_ERROR_FIELD(require_text("", "title"), SC_ERR_INVALID_ARGUMENT, "title");
}

TEST_CASE("messages about text never repeat it") {
    const std::string bad[] = {std::string("secret\x01"), "secret\xE2\x80\xAE", "secret\xff", std::string(200, 's')};
    for (const auto& value : bad) {
        try {
            require_id(value, "sku_id");
            FAIL_CHECK("accepted");
        } catch (const Error& e) {
            const std::string message = e.what();
            CHECK(message.find("secret") == std::string::npos);
            CHECK(message.find("sss") == std::string::npos);
            CHECK(is_valid_utf8(message));
        }
    }
}

TEST_CASE("code points decode from valid UTF-8") {
    const std::string text = "a\xC2\x85\xE2\x80\xAE\xF0\x9F\x8D\xB5";
    size_t pos = 0;
    CHECK(next_code_point(text, pos) == U'a');
    CHECK(next_code_point(text, pos) == 0x85);
    CHECK(next_code_point(text, pos) == 0x202E);
    CHECK(next_code_point(text, pos) == 0x1F375);
    CHECK(pos == text.size());
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

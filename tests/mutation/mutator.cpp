#include "mutator.hpp"

namespace sc::mutation {

namespace {

// Positions just inside string values and keys: after a '"' that opens a string.
std::vector<size_t> string_starts(const std::string& doc) {
    std::vector<size_t> out;
    bool in_string = false;
    for (size_t i = 0; i < doc.size(); ++i) {
        if (in_string && doc[i] == '\\') {
            ++i;
        } else if (doc[i] == '"') {
            if (!in_string) out.push_back(i + 1);
            in_string = !in_string;
        }
    }
    return out;
}

// [start, end) of every number token outside strings.
std::vector<std::pair<size_t, size_t>> numbers(const std::string& doc) {
    std::vector<std::pair<size_t, size_t>> out;
    bool in_string = false;
    for (size_t i = 0; i < doc.size(); ++i) {
        const char c = doc[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            size_t j = i;
            while (j < doc.size() && std::string("+-.eE0123456789").find(doc[j]) != std::string::npos) ++j;
            out.emplace_back(i, j);
            i = j - 1;
        }
    }
    return out;
}

// Positions of `"key":` patterns: where a key starts (at its opening quote) and ends.
std::vector<std::pair<size_t, size_t>> keys(const std::string& doc) {
    std::vector<std::pair<size_t, size_t>> out;
    for (size_t start : string_starts(doc)) {
        const size_t close = doc.find('"', start);
        if (close != std::string::npos && close + 1 < doc.size() && doc[close + 1] == ':')
            out.emplace_back(start - 1, close + 2);
    }
    return out;
}

template <class T>
const T& pick(const std::vector<T>& items, Rng& rng) { return items[rng.below(items.size())]; }

const std::vector<std::string> kHugeNumbers = {
    "1e400", "-1e400", "1e308", "1E+999", "18446744073709551616", "9223372036854775808", "-9223372036854775809",
    "99999999999999999999999999", "1.5", "-0", "0e0", "4.9e-324", "-1", "0", "1e-400"};

// Escaped and raw forms of characters the importer must refuse somewhere (controls, C1,
// bidi, zero-width), plus some it must accept.
const std::vector<std::string> kSpecialCharacters = {
    "\\u0000", "\\u0001", "\\u001f", "\\t", "\\n", "\\u007f", "\\u0085", "\\u009f", "\x01", "\x7f",
    "\xc2\x85", "\\u202e", "\xe2\x80\xae", "\\u202a", "\\u2066", "\\u2069", "\\u200e", "\\u200f",
    "\\u061c", "\\u200b", "\xe2\x80\x8b", "\\u200d", "\\u2060", "\\ufeff", "\xef\xbb\xbf", "\\ud800",
    "\\udc00", "\\ud83c\\udf75", "\xc0\xaf", "\xff", "\xe9\xbe", "\xe9\xbe\x99", "\\\\", "\\\"", "\\u00a0"};

const std::vector<char> kInterestingBytes = {'\0', '\x01', '\x7f', '\x80', '\xff', '"', '{', '}', '[', ']',
                                             ',', ':', '\\', ' ', '0', '-', 'e'};

std::string nested(Rng& rng) {
    const size_t depth = 1 + rng.below(200);
    const bool arrays = rng.below(2) == 0;
    std::string open, close;
    for (size_t i = 0; i < depth; ++i) {
        open += arrays ? "[" : "{\"a\":";
        close += arrays ? "]" : "}";
    }
    return open + "1" + close;
}

}  // namespace

const char* mutate(std::string& doc, const std::string& donor, Rng& rng) {
    switch (rng.below(12)) {
        case 0: {  // flip one bit
            if (doc.empty()) return "bit flip (empty)";
            doc[rng.below(doc.size())] ^= static_cast<char>(1u << rng.below(8));
            return "bit flip";
        }
        case 1: {  // overwrite a byte with one that matters to JSON or UTF-8
            if (doc.empty()) return "byte set (empty)";
            doc[rng.below(doc.size())] = pick(kInterestingBytes, rng);
            return "byte set";
        }
        case 2:  // truncate
            doc.resize(rng.below(doc.size() + 1));
            return "truncation";
        case 3: {  // delete a range
            const size_t at = rng.below(doc.size() + 1);
            doc.erase(at, rng.below(16) + 1);
            return "deletion";
        }
        case 4: {  // a key again, before its first occurrence, with another value
            const auto found = keys(doc);
            if (found.empty()) return "duplicate key (none)";
            const auto [start, end] = pick(found, rng);
            const std::string values[] = {"1", "\"x\"", "null", "[]", "{}", "true", doc.substr(end, 8)};
            doc.insert(start, doc.substr(start, end - start) + values[rng.below(7)] + ",");
            return "duplicate key";
        }
        case 5: {  // a number replaced by one at or past the limits
            const auto found = numbers(doc);
            if (found.empty()) return "huge number (none)";
            const auto [start, end] = pick(found, rng);
            doc.replace(start, end - start, pick(kHugeNumbers, rng));
            return "huge number";
        }
        case 6:
        case 7: {  // a control, bidi, zero-width or broken character inside a string or key
            const auto found = string_starts(doc);
            if (found.empty()) return "special character (none)";
            doc.insert(pick(found, rng), pick(kSpecialCharacters, rng));
            return "special character";
        }
        case 8: {  // deep nesting where a value was
            const auto found = numbers(doc);
            if (found.empty()) return "nesting (none)";
            const auto [start, end] = pick(found, rng);
            doc.replace(start, end - start, nested(rng));
            return "nesting";
        }
        case 9: {  // an unknown field, with a plain or a strange name
            const size_t brace = doc.find('{', rng.below(doc.size() + 1));
            if (brace == std::string::npos) return "unknown field (none)";
            const std::string names[] = {"\"prise\":1,", "\"qz\\u0001\":1,", "\"\":1,", "\"a b\":[1e400],",
                                         "\"\xe9\xbe\x99\":{},"};
            doc.insert(brace + 1, names[rng.below(5)]);
            return "unknown field";
        }
        case 10: {  // splice: the head of this document and the tail of another
            const size_t cut = rng.below(doc.size() + 1);
            doc = doc.substr(0, cut) + donor.substr(rng.below(donor.size() + 1));
            return "splice";
        }
        default: {  // duplicate a slice in place (repeats SKUs, keys, brackets)
            if (doc.empty()) return "repeat (empty)";
            const size_t at = rng.below(doc.size());
            const size_t len = 1 + rng.below(std::min<size_t>(64, doc.size() - at));
            doc.insert(at, doc.substr(at, len));
            return "repeat";
        }
    }
}

}  // namespace sc::mutation

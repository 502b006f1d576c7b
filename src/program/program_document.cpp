#include "program/program_document.hpp"

#include "core/error.hpp"
#include "core/money.hpp"
#include "core/utf8.hpp"
#include "program/strict_json.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace sc {

using nlohmann::json;

namespace {

// Messages name the field and the rule only: document text never appears in them.
[[noreturn]] void invalid(const std::string& field, const std::string& why) {
    fail(SC_ERR_VALIDATION, (field.empty() ? "document" : field) + ": " + why, field);
}

void only_known_keys(const json& obj, const std::set<std::string>& known, const std::string& prefix) {
    for (const auto& [key, value] : obj.items())
        if (!known.count(key)) invalid(field_path(prefix, key), "unknown field");
}

const json& required(const json& obj, const char* key, const std::string& prefix) {
    auto it = obj.find(key);
    if (it == obj.end()) invalid(prefix + key, "is required");
    return *it;
}

std::string string_field(const json& value, const std::string& field) {
    if (!value.is_string()) invalid(field, "must be a string");
    return value.get<std::string>();
}

int64_t integer_field(const json& value, const std::string& field) {
    // Money is never a JSON fraction: 68.5 is rejected rather than rounded.
    if (value.is_number_unsigned()) {
        const auto u = value.get<uint64_t>();
        if (u > static_cast<uint64_t>(INT64_MAX)) invalid(field, "is larger than 64 bits allow");
        return static_cast<int64_t>(u);
    }
    if (!value.is_number_integer()) invalid(field, "must be an integer (money is a count of minor units)");
    return value.get<int64_t>();
}

Sku parse_sku(const json& obj, const std::string& currency, const std::string& p) {
    if (!obj.is_object()) invalid(p.substr(0, p.size() - 1), "must be an object");
    only_known_keys(obj, {"id", "merchant_id", "title", "list_price", "categories", "stock",
                          "max_per_order", "active"}, p);
    Sku sku;
    sku.currency = currency;
    sku.id = string_field(required(obj, "id", p), p + "id");
    sku.merchant_id = string_field(required(obj, "merchant_id", p), p + "merchant_id");
    sku.title = string_field(required(obj, "title", p), p + "title");
    sku.list_price = integer_field(required(obj, "list_price", p), p + "list_price");
    if (auto it = obj.find("categories"); it != obj.end()) {
        if (!it->is_array()) invalid(p + "categories", "must be an array of strings");
        for (size_t i = 0; i < it->size(); ++i)
            sku.categories.push_back(string_field((*it)[i], p + "categories[" + std::to_string(i) + "]"));
    }
    if (auto it = obj.find("stock"); it != obj.end()) sku.stock_on_hand = integer_field(*it, p + "stock");
    if (auto it = obj.find("max_per_order"); it != obj.end())
        sku.max_per_order = integer_field(*it, p + "max_per_order");
    if (auto it = obj.find("active"); it != obj.end()) {
        if (!it->is_boolean()) invalid(p + "active", "must be true or false");
        sku.active = it->get<bool>();
    }
    try {
        validate_sku(sku, p);
    } catch (const Error& e) {
        // Same checks as the API, reported as a document problem at the same field.
        invalid(e.field(), e.what());
    }
    return sku;
}

}  // namespace

ProgramDocument parse_program(std::string_view text) {
    if (!is_valid_utf8(text)) invalid("", "is not valid UTF-8");
    const json root = parse_strict_json(text);
    if (!root.is_object()) invalid("", "must be a JSON object");
    only_known_keys(root, {"format", "currency", "skus"}, "");
    if (string_field(required(root, "format", ""), "format") != kProgramFormat)
        invalid("format", std::string("must be \"") + kProgramFormat + "\"");
    ProgramDocument doc;
    // A document with no SKUs may leave the currency out (an empty catalog has none).
    const auto skus = root.find("skus");
    const bool has_skus = skus != root.end() && skus->is_array() && !skus->empty();
    if (has_skus || root.contains("currency")) {
        doc.currency = string_field(required(root, "currency", ""), "currency");
        if (!is_currency_code(doc.currency))
            invalid("currency", "must be an active ISO 4217 code with a minor unit, such as CNY");
    }
    if (skus != root.end()) {
        if (!skus->is_array()) invalid("skus", "must be an array");
        std::map<std::string, size_t> seen;
        for (size_t i = 0; i < skus->size(); ++i) {
            const std::string prefix = "skus[" + std::to_string(i) + "].";
            Sku sku = parse_sku((*skus)[i], doc.currency, prefix);
            auto [pos, fresh] = seen.emplace(sku.id, i);
            if (!fresh) invalid(prefix + "id", "duplicates skus[" + std::to_string(pos->second) + "].id");
            doc.skus.push_back(std::move(sku));
        }
    }
    return doc;
}

std::string serialize_program(const ProgramDocument& doc) {
    // ordered_json keeps keys in insertion order, so exports read like the docs.
    nlohmann::ordered_json root;
    root["format"] = kProgramFormat;
    if (!doc.currency.empty()) root["currency"] = doc.currency;
    root["skus"] = nlohmann::ordered_json::array();
    for (const auto& sku : doc.skus) {
        nlohmann::ordered_json s;
        s["id"] = sku.id;
        s["merchant_id"] = sku.merchant_id;
        s["title"] = sku.title;
        s["list_price"] = sku.list_price;
        s["categories"] = sku.categories;
        if (sku.stock_on_hand) s["stock"] = *sku.stock_on_hand;
        if (sku.max_per_order) s["max_per_order"] = *sku.max_per_order;
        s["active"] = sku.active;
        root["skus"].push_back(std::move(s));
    }
    return root.dump(2) + "\n";
}

}  // namespace sc

#include "pricing/scope.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace sc {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

void validate_ids(const std::vector<std::string>& ids, const std::string& field) {
    for (size_t i = 0; i < ids.size(); ++i) require_id(ids[i], field + "[" + std::to_string(i) + "]");
}

void validate_list(const ScopeList& list, const std::string& p) {
    validate_ids(list.merchants, p + "merchants");
    validate_ids(list.categories, p + "categories");
    validate_ids(list.skus, p + "skus");
}

}  // namespace

bool ScopeList::matches(const Sku& sku) const {
    if (contains(merchants, sku.merchant_id) || contains(skus, sku.id)) return true;
    return std::any_of(sku.categories.begin(), sku.categories.end(),
                       [&](const std::string& c) { return contains(categories, c); });
}

bool in_scope(const Scope& scope, const Sku& sku) {
    if (!scope.include.empty() && !scope.include.matches(sku)) return false;
    return !scope.exclude.matches(sku);
}

void validate_scope(const Scope& scope, const std::string& p) {
    validate_list(scope.include, p + "include.");
    validate_list(scope.exclude, p + "exclude.");
}

}  // namespace sc

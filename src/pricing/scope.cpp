#include "pricing/scope.hpp"

#include "pricing/lazy_field.hpp"

#include <algorithm>

namespace sc {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// Names like "<p>include.skus[2]", built only for an id that fails.
void validate_ids(const std::vector<std::string>& ids, const std::string& p, const char* which, const char* list) {
    for (size_t i = 0; i < ids.size(); ++i)
        require_id_named(ids[i], [&] { return p + which + list + "[" + std::to_string(i) + "]"; });
}

void validate_list(const ScopeList& list, const std::string& p, const char* which) {
    validate_ids(list.merchants, p, which, "merchants");
    validate_ids(list.categories, p, which, "categories");
    validate_ids(list.skus, p, which, "skus");
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
    validate_list(scope.include, p, "include.");
    validate_list(scope.exclude, p, "exclude.");
}

}  // namespace sc

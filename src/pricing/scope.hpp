#pragma once
// Which cart lines a promotion or coupon applies to (FEATURES §3: "a rule has a scope").
//
// A line is in scope when
//   (every include list is empty, OR the line matches ANY include entry: its merchant is
//    in include.merchants, or one of its categories is in include.categories, or its
//    SKU is in include.skus)
//   AND it matches no exclude entry (same three tests on the exclude lists).
// So include lists widen each other ("merchant m1 or category tea"), and an exclude
// always wins ("everything but SKU x"). Empty include lists mean "all lines".
#include "catalog/sku.hpp"

#include <string>
#include <vector>

namespace sc {

struct ScopeList {
    std::vector<std::string> merchants;
    std::vector<std::string> categories;
    std::vector<std::string> skus;

    bool empty() const { return merchants.empty() && categories.empty() && skus.empty(); }
    // True when the SKU matches any entry of any of the three lists.
    bool matches(const Sku& sku) const;

    bool operator==(const ScopeList&) const = default;
};

struct Scope {
    ScopeList include;
    ScopeList exclude;

    bool operator==(const Scope&) const = default;
};

bool in_scope(const Scope& scope, const Sku& sku);

// Every entry must be a valid id; errors name `<field_prefix>include.merchants[0]` etc.
void validate_scope(const Scope& scope, const std::string& field_prefix);

}  // namespace sc

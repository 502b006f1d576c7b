#pragma once
// Internal to pricing: which lines a scope covers, worked out with bitsets of the cart's
// lines per merchant and per category instead of testing every line against every list
// entry (price() covers every promotion and coupon of every request). The result is
// exactly in_scope() (pricing/scope.hpp) applied line by line; a test compares the two on
// random scopes.
#include "pricing/scope.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace sc::pricing_detail {

class ScopeIndex {
public:
    // skus[i] is line i's SKU, line_merchants[i] its merchant's index into merchant_ids.
    // skus and merchant_ids must outlive the index.
    ScopeIndex(const std::vector<const Sku*>& skus, const std::vector<size_t>& line_merchants,
               const std::vector<std::string>& merchant_ids);

    // The lines in scope in ascending order, only those of only_merchant when given.
    std::vector<size_t> lines_in(const Scope& scope, std::optional<size_t> only_merchant) const;

private:
    using Bits = std::vector<uint64_t>;  // bit i: line i

    void set(Bits& bits, size_t line) const { bits[line / 64] |= uint64_t{1} << (line % 64); }
    // ORs into bits every line that matches an entry of the list.
    void add_matches(const ScopeList& list, Bits& bits) const;

    const std::vector<const Sku*>& skus_;
    const std::vector<std::string>& merchant_ids_;
    size_t words_ = 0;
    Bits all_;
    std::vector<Bits> merchant_bits_;
    std::vector<std::string_view> categories_;  // the cart's distinct categories (a handful)
    std::vector<Bits> category_bits_;
    mutable Bits included_;  // reused per call
    mutable Bits excluded_;
};

}  // namespace sc::pricing_detail

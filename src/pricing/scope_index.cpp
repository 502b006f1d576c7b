#include "pricing/scope_index.hpp"

#include <algorithm>
#include <bit>

namespace sc::pricing_detail {

ScopeIndex::ScopeIndex(const std::vector<const Sku*>& skus, const std::vector<size_t>& line_merchants,
                       const std::vector<std::string>& merchant_ids)
    : skus_(skus), merchant_ids_(merchant_ids), words_((skus.size() + 63) / 64) {
    all_.assign(words_, 0);
    merchant_bits_.assign(merchant_ids.size(), Bits(words_, 0));
    for (size_t line = 0; line < skus.size(); ++line) {
        set(all_, line);
        set(merchant_bits_[line_merchants[line]], line);
        for (const std::string& category : skus[line]->categories) {
            const auto it = std::find(categories_.begin(), categories_.end(), category);
            const auto c = static_cast<size_t>(it - categories_.begin());
            if (it == categories_.end()) {
                categories_.push_back(category);
                category_bits_.emplace_back(words_, 0);
            }
            set(category_bits_[c], line);
        }
    }
}

void ScopeIndex::add_matches(const ScopeList& list, Bits& bits) const {
    auto merge = [&](const Bits& other) {
        for (size_t w = 0; w < words_; ++w) bits[w] |= other[w];
    };
    for (const std::string& merchant : list.merchants) {
        const auto it = std::find(merchant_ids_.begin(), merchant_ids_.end(), merchant);
        if (it != merchant_ids_.end()) merge(merchant_bits_[static_cast<size_t>(it - merchant_ids_.begin())]);
    }
    for (const std::string& category : list.categories) {
        const auto it = std::find(categories_.begin(), categories_.end(), category);
        if (it != categories_.end()) merge(category_bits_[static_cast<size_t>(it - categories_.begin())]);
    }
    // SKU lists are short and rare: a scan of the lines is cheaper than an index.
    for (const std::string& sku : list.skus)
        for (size_t line = 0; line < skus_.size(); ++line)
            if (skus_[line]->id == sku) set(bits, line);
}

std::vector<size_t> ScopeIndex::lines_in(const Scope& scope, std::optional<size_t> only_merchant) const {
    // Included: every line when the include lists are empty, else any line matching one
    // of their entries; then an exclude match takes the line out.
    if (scope.include.empty()) {
        included_ = all_;
    } else {
        included_.assign(words_, 0);
        add_matches(scope.include, included_);
    }
    if (!scope.exclude.empty()) {
        excluded_.assign(words_, 0);
        add_matches(scope.exclude, excluded_);
        for (size_t w = 0; w < words_; ++w) included_[w] &= ~excluded_[w];
    }
    if (only_merchant) {
        // A merchant absent from the cart (index past the list) covers nothing.
        if (*only_merchant >= merchant_bits_.size()) return {};
        for (size_t w = 0; w < words_; ++w) included_[w] &= merchant_bits_[*only_merchant][w];
    }
    std::vector<size_t> lines;
    size_t count = 0;
    for (uint64_t word : included_) count += static_cast<size_t>(std::popcount(word));
    lines.reserve(count);
    for (size_t w = 0; w < words_; ++w)
        for (uint64_t word = included_[w]; word != 0; word &= word - 1)
            lines.push_back(w * 64 + static_cast<size_t>(std::countr_zero(word)));
    return lines;
}

}  // namespace sc::pricing_detail

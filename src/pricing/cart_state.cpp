#include "pricing/pricing_context.hpp"

#include "core/allocation.hpp"
#include "core/error.hpp"

namespace sc::pricing_detail {

int64_t covered_amount(const CartState& state, const Coverage& coverage) {
    int64_t sum = 0;  // nets only shrink from bases whose sum was checked, so this fits
    for (size_t line : coverage.lines) sum += state.nets[line];
    return sum;
}

void merchant_goods(const PricingContext& context, const CartState& state, std::vector<int64_t>& goods) {
    goods.assign(context.merchant_ids.size(), 0);
    for (size_t i = 0; i < context.lines.size(); ++i) goods[context.lines[i].merchant] += state.nets[i];
}

void take_off(const PricingContext& context, CartState& state, const Coverage& coverage, int64_t amount, AdjustmentLog* log, AdjustmentKind kind,
              const std::string& source_id) {
    if (amount <= 0) return;
    std::vector<int64_t>& weights = context.weights_scratch;
    std::vector<int64_t>& parts = context.parts_scratch;
    weights.clear();
    for (size_t line : coverage.lines) weights.push_back(state.nets[line]);
    parts.resize(weights.size());
    allocate_largest_remainder(amount, weights, parts, context.allocation_scratch);
    for (size_t k = 0; k < parts.size(); ++k) {
        if (parts[k] == 0) continue;
        const size_t line = coverage.lines[k];
        // A part never exceeds its weight when amount <= Σ weights; a larger amount is a bug.
        if (parts[k] > state.nets[line]) fail(SC_ERR_INTERNAL, "a discount part exceeds its line's net");
        state.nets[line] -= parts[k];
        if (log) log->push_back(LoggedAdjustment{line, kind, &source_id, parts[k]});
    }
}

}  // namespace sc::pricing_detail

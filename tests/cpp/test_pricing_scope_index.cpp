// The scope index pricing uses to find each rule's lines must agree exactly with
// in_scope(), the documented definition, line by line (pricing/scope_index.hpp).
#include "pricing/pricing_context.hpp"
#include "pricing_builders.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace sc;
using namespace sc::pricing_test;

TEST_CASE("scope index: coverage equals in_scope on 2000 random carts and scopes") {
    std::mt19937 rng(7);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const char* categories[] = {"tea", "cup", "snack", "gift"};
    for (int round = 0; round < 2000; ++round) {
        // Up to 130 lines: more than one 64-bit word of lines.
        const int lines = round % 10 == 0 ? pick(60, 130) : pick(1, 12);
        PricingRequest r = request({});
        for (int i = 0; i < lines; ++i) {
            std::vector<std::string> cats;
            for (const char* c : categories)
                if (pick(0, 2) == 0) cats.push_back(c);
            // SKU ids repeat now and then: two lines of one SKU.
            r.lines.push_back(line("s" + std::to_string(pick(0, lines)), "m" + std::to_string(pick(0, 3)), 100, 1, cats));
        }
        for (int k = 0; k < 6; ++k) {
            HeldCoupon h = held("c" + std::to_string(k), CouponKind::fixed_amount, 100, 0,
                                pick(0, 2) == 0 ? "m" + std::to_string(pick(0, 4)) : "");
            for (ScopeList* list : {&h.terms.scope.include, &h.terms.scope.exclude}) {
                for (int e = pick(0, 2); e > 0; --e) list->merchants.push_back("m" + std::to_string(pick(0, 4)));
                for (int e = pick(0, 2); e > 0; --e) list->categories.push_back(categories[pick(0, 3)]);
                for (int e = pick(0, 2); e > 0; --e) list->skus.push_back("s" + std::to_string(pick(0, lines)));
            }
            r.coupons.push_back(h);
        }
        const pricing_detail::PricingContext c = pricing_detail::build_context(r);
        for (size_t k = 0; k < r.coupons.size(); ++k) {
            const CouponTemplate& t = r.coupons[k].terms;
            std::vector<size_t> expected;
            for (size_t i = 0; i < r.lines.size(); ++i) {
                const Sku& sku = r.lines[i].sku;
                if (in_scope(t.scope, sku) && (t.is_platform() || sku.merchant_id == t.issuer_merchant_id))
                    expected.push_back(i);
            }
            REQUIRE(c.coupons[k].coverage.lines == expected);
        }
    }
}

#pragma once
// Shipping per merchant (FEATURES §3 step 6): a flat fee, free when the merchant's goods
// after every discount reach free_over, or waived by a free-shipping promotion or coupon.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

// How the goods reach the shopper: delivered (each merchant's shipping rule charges) or
// collected by the shopper (自提: no merchant charges shipping). Values are stored.
enum class ShippingMethod { delivery = 0, pickup = 1 };

struct ShippingRule {
    std::string merchant_id;  // "": the default for every merchant without a rule of its own
    int64_t flat_fee = 0;
    std::optional<int64_t> free_over;  // goods net >= free_over ships free

    bool operator==(const ShippingRule&) const = default;
};

// Fees and thresholds must not be negative. Errors name `<field_prefix><name>`.
void validate_shipping_rule(const ShippingRule& rule, const std::string& field_prefix);

// Each rule as above; at most one rule per merchant (and one
// default). Errors name `<field_prefix>[i].<name>`, e.g. "shipping_rules[1].merchant_id".
void validate_shipping_rules(const std::vector<ShippingRule>& rules, const std::string& field_prefix);

// The merchant's own rule, else the default, else nullptr (ships free).
const ShippingRule* shipping_rule_for(const std::vector<ShippingRule>& rules, const std::string& merchant_id);

// The fee before any waiver for a merchant whose goods come to goods_net.
int64_t shipping_fee(const ShippingRule* rule, int64_t goods_net);

}  // namespace sc

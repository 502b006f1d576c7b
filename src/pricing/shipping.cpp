#include "pricing/shipping.hpp"

#include "core/error.hpp"
#include "pricing/lazy_field.hpp"

namespace sc {

void validate_shipping_rule(const ShippingRule& rule, const std::string& prefix) {
    if (!rule.merchant_id.empty()) require_id_named(rule.merchant_id, [&] { return prefix + "merchant_id"; });
    if (rule.flat_fee < 0) fail(SC_ERR_INVALID_ARGUMENT, "must not be negative", prefix + "flat_fee");
    if (rule.free_over && *rule.free_over < 0) fail(SC_ERR_INVALID_ARGUMENT, "must not be negative", prefix + "free_over");
}

void validate_shipping_rules(const std::vector<ShippingRule>& rules, const std::string& prefix) {
    for (size_t i = 0; i < rules.size(); ++i) {
        const std::string f = prefix + "[" + std::to_string(i) + "].";
        const ShippingRule& rule = rules[i];
        validate_shipping_rule(rule, f);
        for (size_t j = 0; j < i; ++j)
            if (rules[j].merchant_id == rule.merchant_id)
                fail(SC_ERR_INVALID_ARGUMENT,
                     "duplicates " + prefix + "[" + std::to_string(j) + "]" +
                         (rule.merchant_id.empty() ? " (a second default rule)" : ""),
                     f + "merchant_id");
    }
}

const ShippingRule* shipping_rule_for(const std::vector<ShippingRule>& rules, const std::string& merchant_id) {
    const ShippingRule* fallback = nullptr;
    for (const auto& rule : rules) {
        if (rule.merchant_id == merchant_id) return &rule;
        if (rule.merchant_id.empty()) fallback = &rule;
    }
    return fallback;
}

int64_t shipping_fee(const ShippingRule* rule, int64_t goods_net) {
    if (!rule) return 0;
    if (rule->free_over && goods_net >= *rule->free_over) return 0;
    return rule->flat_fee;
}

}  // namespace sc

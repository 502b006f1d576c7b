internal import CSocialCart

// Pricing rules one at a time (socialcart/rules.h), for an operator console that edits
// them without importing a whole program document. Each call takes one JSON object of the
// matching section of the program document (docs/program-document.md), read as strictly
// as the document. The rule is created, or replaced when one with the same id (a shipping
// rule: the same merchant_id) exists; a put is idempotent by nature, so it takes no key.
// `exportProgram()` reads the rules back.
extension SCEngine.Blocking {
    /// Creates or replaces an automatic promotion (an object of "promotions"), e.g.
    /// `{"id":"spend100","title":"10 off 100","kind":"threshold","tiers":[{"min_spend":10000,"off":1000}]}`.
    /// - Throws: `.validation` with the field at fault (e.g. "tiers[1].min_spend"; no
    ///   field when the text is not a JSON object), `.invalidUTF8` (field "json").
    public func putPromotion(json: String) throws {
        try requireCString(json, field: "json")
        try withHandle { handle in try check { sc_engine_promotion_put(handle, json, $0) } }
    }

    /// Creates or replaces a coupon template (an object of "coupon_templates"). Copies
    /// already issued keep the validity they were issued with.
    /// - Throws: as `putPromotion(json:)`, and `.validation` when another template has the
    ///   promo code (field "promo_code") or the total quantity is below the copies already
    ///   taken (field "total_quantity").
    public func putCouponTemplate(json: String) throws {
        try requireCString(json, field: "json")
        try withHandle { handle in try check { sc_engine_coupon_template_put(handle, json, $0) } }
    }

    /// Creates or replaces a merchant's shipping rule, or the default rule (no
    /// merchant_id) (an object of "shipping_rules"), e.g.
    /// `{"merchant_id":"m1","flat_fee":800,"free_over":9900}`.
    /// - Throws: as `putPromotion(json:)`.
    public func putShippingRule(json: String) throws {
        try requireCString(json, field: "json")
        try withHandle { handle in try check { sc_engine_shipping_rule_put(handle, json, $0) } }
    }
}

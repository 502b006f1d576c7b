// Promotions, coupon templates and shipping rules one at a time, as program document
// entries.
#include "capi/handles.hpp"

#include "core/utf8.hpp"
#include "program/program_document.hpp"

using namespace sc::capi;

namespace {

// The entry's text, checked like every string argument: bad bytes are the argument's
// fault (SC_ERR_INVALID_UTF8, field "json"), not the document's.
std::string entry_text(const char* json) {
    std::string text = text_arg(json, "json");
    if (!sc::is_valid_utf8(text)) sc::fail(SC_ERR_INVALID_UTF8, "json is not valid UTF-8", "json");
    return text;
}

// The engine's own checks on a definition (a promo code another template has, a total
// below the copies taken) are problems of the entry, reported as the document reports them.
template <class F>
void as_entry_error(F&& put) {
    try {
        put();
    } catch (const sc::Error& e) {
        if (e.code() != SC_ERR_INVALID_ARGUMENT) throw;
        sc::fail(SC_ERR_VALIDATION, e.what(), e.field());
    }
}

}  // namespace

extern "C" {

sc_status_t sc_engine_promotion_put(sc_engine* engine, const char* json, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const sc::Promotion promotion = sc::parse_promotion_entry(entry_text(json));
        as_entry_error([&] { engine->engine->put_promotion(promotion); });
    });
}

sc_status_t sc_engine_coupon_template_put(sc_engine* engine, const char* json, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const sc::CouponTemplate t = sc::parse_coupon_template_entry(entry_text(json));
        as_entry_error([&] { engine->engine->put_coupon_template(t); });
    });
}

sc_status_t sc_engine_shipping_rule_put(sc_engine* engine, const char* json, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const sc::ShippingRule rule = sc::parse_shipping_rule_entry(entry_text(json));
        as_entry_error([&] { engine->engine->put_shipping_rule(rule); });
    });
}

sc_status_t sc_engine_points_program_put(sc_engine* engine, const char* json, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const sc::PointsProgram program = sc::parse_points_program_entry(entry_text(json));
        engine->engine->put_points_program(program);
    });
}

sc_status_t sc_engine_tier_program_put(sc_engine* engine, const char* json, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const sc::TierProgram program = sc::parse_tier_program_entry(entry_text(json));
        engine->engine->put_tier_program(program);
    });
}

sc_status_t sc_engine_referral_program_put(sc_engine* engine, const char* json, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const sc::ReferralProgram program = sc::parse_referral_program_entry(entry_text(json));
        engine->engine->put_referral_program(program);
    });
}

}  // extern "C"

// Coupons: issuing, revoking and listing a shopper's coupons, and the report per template.
#include "capi/handles.hpp"

using namespace sc::capi;

namespace {

// Hands the coupon to the host when it asked for it (out may be NULL where allowed).
void give_coupon(sc::CouponInstance coupon, sc_coupon** out) {
    if (out == nullptr) return;
    auto* handle = new OwnedCoupon;
    handle->coupon = std::move(coupon);
    *out = handle;
}

const sc::CouponInstance* of(const sc_coupon* coupon) noexcept { return coupon ? &coupon->coupon : nullptr; }

const sc::CouponReportRow* row(const sc_coupon_report* report, size_t index) noexcept {
    return element(report ? &report->rows : nullptr, index);
}

// By reference: a C caller may pass any int, and loading it as the enum would be undefined.
std::optional<sc::CouponState> state_filter(const sc_coupon_state_t& state) {
    switch (enum_bits(state)) {
        case 0: return std::nullopt;
        case SC_COUPON_AVAILABLE: return sc::CouponState::available;
        case SC_COUPON_HELD: return sc::CouponState::held;
        case SC_COUPON_USED: return sc::CouponState::used;
        case SC_COUPON_EXPIRED: return sc::CouponState::expired;
        case SC_COUPON_REVOKED: return sc::CouponState::revoked;
        default: sc::fail(SC_ERR_INVALID_ARGUMENT, "state must be an sc_coupon_state_t or SC_COUPON_STATE_ANY", "state");
    }
}

sc_coupon_state_t c_state(sc::CouponState state) noexcept {
    switch (state) {
        case sc::CouponState::available: return SC_COUPON_AVAILABLE;
        case sc::CouponState::held: return SC_COUPON_HELD;
        case sc::CouponState::used: return SC_COUPON_USED;
        case sc::CouponState::expired: return SC_COUPON_EXPIRED;
        case sc::CouponState::revoked: return SC_COUPON_REVOKED;
    }
    return SC_COUPON_STATE_ANY;
}

using Issue = sc::CouponInstance (sc::Engine::*)(const std::string&, const std::string&, const std::string&);

// Claim, grant and promo code differ only in the engine call and the name of what is issued.
sc_status_t issue(sc_engine* engine, const char* user_id, const char* what, const char* what_field,
                  const char* idempotency_key, Issue call, sc_coupon** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string user = text_arg(user_id, "user_id");
        const std::string source = text_arg(what, what_field);
        const std::string key = text_arg(idempotency_key, "idempotency_key");
        require_arg(out, "out");
        give_coupon(((*engine->engine).*call)(user, source, key), out);
    });
}

}  // namespace

extern "C" {

const char* sc_coupon_state_name(sc_coupon_state_t state) {
    switch (enum_bits(state)) {
        case SC_COUPON_AVAILABLE: return "available";
        case SC_COUPON_HELD: return "held";
        case SC_COUPON_USED: return "used";
        case SC_COUPON_EXPIRED: return "expired";
        case SC_COUPON_REVOKED: return "revoked";
        default: return "unknown";
    }
}

sc_status_t sc_engine_coupon_claim(sc_engine* engine, const char* user_id, const char* template_id,
                                 const char* idempotency_key, sc_coupon** out, sc_error** err) {
    return issue(engine, user_id, template_id, "template_id", idempotency_key, &sc::Engine::claim_coupon, out, err);
}

sc_status_t sc_engine_coupon_grant(sc_engine* engine, const char* user_id, const char* template_id,
                                 const char* idempotency_key, sc_coupon** out, sc_error** err) {
    return issue(engine, user_id, template_id, "template_id", idempotency_key, &sc::Engine::grant_coupon, out, err);
}

sc_status_t sc_engine_coupon_redeem_code(sc_engine* engine, const char* user_id, const char* promo_code,
                                       const char* idempotency_key, sc_coupon** out, sc_error** err) {
    return issue(engine, user_id, promo_code, "promo_code", idempotency_key, &sc::Engine::redeem_promo_code, out,
                 err);
}

sc_status_t sc_engine_coupon_exchange_points(sc_engine* engine, const char* user_id, const char* template_id,
                                           const char* idempotency_key, sc_coupon** out, sc_error** err) {
    return issue(engine, user_id, template_id, "template_id", idempotency_key,
                 &sc::Engine::exchange_points_for_coupon, out, err);
}

sc_status_t sc_engine_coupon_revoke(sc_engine* engine, const char* code, sc_coupon** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        give_coupon(engine->engine->revoke_coupon(text_arg(code, "code")), out);
    });
}

sc_status_t sc_engine_coupon_list_by_user(sc_engine* engine, const char* user_id, sc_coupon_state_t state,
                                        sc_coupons** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string user = text_arg(user_id, "user_id");
        const auto filter = state_filter(state);
        require_arg(out, "out");
        auto list = std::make_unique<sc_coupons>();
        for (auto& c : engine->engine->coupons_of_user(user, filter)) list->items.push_back(sc_coupon{std::move(c)});
        *out = list.release();
    });
}

const char* sc_coupon_code(const sc_coupon* coupon) { return text(of(coupon), &sc::CouponInstance::code); }
const char* sc_coupon_template_id(const sc_coupon* coupon) {
    return text(of(coupon), &sc::CouponInstance::template_id);
}
const char* sc_coupon_owner_id(const sc_coupon* coupon) {
    return text(of(coupon), &sc::CouponInstance::owner_user_id);
}
sc_coupon_state_t sc_coupon_state(const sc_coupon* coupon) {
    return coupon ? c_state(coupon->coupon.state) : SC_COUPON_STATE_ANY;
}
int64_t sc_coupon_valid_from_ms(const sc_coupon* coupon) { return number(of(coupon), &sc::CouponInstance::valid_from); }
int64_t sc_coupon_valid_until_ms(const sc_coupon* coupon) {
    return number(of(coupon), &sc::CouponInstance::valid_until);
}
int64_t sc_coupon_claimed_at_ms(const sc_coupon* coupon) { return number(of(coupon), &sc::CouponInstance::claimed_at); }
const char* sc_coupon_order_id(const sc_coupon* coupon) {
    if (coupon == nullptr) return nullptr;
    const auto& order = coupon->coupon.hold_order_id;
    return order && coupon->coupon.state == sc::CouponState::held ? order->c_str() : "";
}
void sc_coupon_free(sc_coupon* coupon) { delete coupon; }

size_t sc_coupons_count(const sc_coupons* coupons) { return coupons ? coupons->items.size() : 0; }
const sc_coupon* sc_coupons_at(const sc_coupons* coupons, size_t index) {
    return element(coupons ? &coupons->items : nullptr, index);
}
void sc_coupons_free(sc_coupons* coupons) { delete coupons; }

sc_status_t sc_engine_coupon_report(sc_engine* engine, sc_coupon_report** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        require_arg(out, "out");
        auto report = std::make_unique<sc_coupon_report>();
        report->rows = engine->engine->coupon_report();
        *out = report.release();
    });
}

size_t sc_coupon_report_count(const sc_coupon_report* report) { return report ? report->rows.size() : 0; }
const char* sc_coupon_report_currency(const sc_coupon_report* report) {
    if (report == nullptr) return nullptr;
    return report->rows.empty() ? "" : report->rows.front().currency.c_str();
}
const char* sc_coupon_report_template_id(const sc_coupon_report* report, size_t index) {
    return text(row(report, index), &sc::CouponReportRow::template_id);
}
int64_t sc_coupon_report_total_quantity(const sc_coupon_report* report, size_t index) {
    const auto* r = row(report, index);
    return r ? r->total_quantity.value_or(-1) : 0;
}
int64_t sc_coupon_report_claimed(const sc_coupon_report* report, size_t index) {
    return number(row(report, index), &sc::CouponReportRow::claimed);
}
int64_t sc_coupon_report_used(const sc_coupon_report* report, size_t index) {
    return number(row(report, index), &sc::CouponReportRow::used);
}
int64_t sc_coupon_report_returned(const sc_coupon_report* report, size_t index) {
    return number(row(report, index), &sc::CouponReportRow::returned);
}
int64_t sc_coupon_report_held(const sc_coupon_report* report, size_t index) {
    return number(row(report, index), &sc::CouponReportRow::held);
}
int64_t sc_coupon_report_discount_given(const sc_coupon_report* report, size_t index) {
    return number(row(report, index), &sc::CouponReportRow::discount_given);
}
void sc_coupon_report_free(sc_coupon_report* report) { delete report; }

}  // extern "C"

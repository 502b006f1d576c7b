// Coupons (FEATURES §4): templates, issuing instances (claim, operator grant, promo
// code), the shopper's coupons as of now, and the report. Their life at checkout, pay,
// cancel and refund runs through the holds (steps.cpp, order_use_cases.cpp).
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "engine/engine.hpp"
#include "engine/points_steps.hpp"
#include "engine/rule_steps.hpp"
#include "engine/steps.hpp"
#include "engine/tier_steps.hpp"
#include "store/coupon_store.hpp"
#include "store/idempotency_store.hpp"
#include "tiers/tier_benefits.hpp"

namespace sc {

namespace steps {

void save_coupon_template(Tx& tx, const CouponTemplate& t, sc_status_t code, const std::string& p) {
    const auto existing = store::find_coupon_template(tx.db, t.id);
    if (existing && existing->terms == t) return;  // nothing changes, nothing logged
    require_audience_tier(tx.db, t, code, p);
    if (existing && t.total_quantity && *t.total_quantity < existing->counters.claimed)
        fail(code,
             p + "total_quantity: must not be lower than the " + std::to_string(existing->counters.claimed) +
                 " copies already issued",
             p + "total_quantity");
    if (!t.promo_code.empty()) {
        const auto other = store::find_template_by_promo_code(tx.db, t.promo_code);
        if (other && other->terms.id != t.id)
            fail(code, p + "promo_code: is already the code of another template", p + "promo_code");
    }
    store::upsert_coupon_template(tx.db, t);
    nlohmann::json payload{{"template_id", t.id}, {"kind", coupon_kind_name(t.kind)}, {"value", t.value},
                           {"issue_mode", coupon_issue_mode_name(t.issue_mode)}};
    payload["total_quantity"] = t.total_quantity ? nlohmann::json(*t.total_quantity) : nlohmann::json(nullptr);
    tx.emit(NewEvent{"coupon_template.put", t.id, std::move(payload)});
}

CouponInstance issue_coupon_copy(Tx& tx, const CouponTemplate& t, const std::string& user_id, const char* via,
                                 const std::string& exchange_key, const std::string& field,
                                 std::optional<int64_t> starts_at) {
    switch (t.audience.kind) {
        case CouponAudience::Kind::everyone: break;
        case CouponAudience::Kind::new_users:
            if (store::has_paid_order(tx.db, user_id))
                fail(SC_ERR_INVALID_STATE, "this coupon is for new users, and the user has a paid order", "user_id");
            break;
        case CouponAudience::Kind::min_tier: {
            const std::optional<Tier> tier = steps::current_tier(tx, user_id);
            if (!tier || !tier_may_claim(steps::require_tier_program(tx.db), tier->id, t.audience))
                fail(SC_ERR_INVALID_STATE,
                     "coupon template " + t.id + " is for members of tier rank " +
                         std::to_string(t.audience.min_tier) + " and above",
                     "user_id");
            break;
        }
    }
    const int64_t start = starts_at ? std::max(*starts_at, tx.now) : tx.now;
    ValidityWindow window = instance_validity(t, start);
    if (starts_at) window.valid_from = std::max(window.valid_from, start);
    if (std::max(tx.now, window.valid_from) >= window.valid_until)
        fail(SC_ERR_EXPIRED, "the coupon's validity has ended", field);
    const int64_t issued = store::instances_issued_to(tx.db, t.id, user_id);
    if (issued >= t.per_user_limit)
        fail(SC_ERR_LIMIT_EXCEEDED,
             "the user already has the " + std::to_string(t.per_user_limit) + " copies a user may have", "user_id");
    if (!store::take_template_copy(tx.db, t.id))
        fail(SC_ERR_LIMIT_EXCEEDED, "every copy of coupon template " + t.id + " is issued", field);
    CouponInstance c;
    c.code = new_id("cpn");
    c.template_id = t.id;
    c.owner_user_id = user_id;
    c.state = CouponState::available;
    c.valid_from = window.valid_from;
    c.valid_until = window.valid_until;
    c.claimed_at = tx.now;
    store::insert_coupon(tx.db, c, via, issued + 1);
    if (t.issue_mode == CouponIssueMode::points) {
        // The coupon's price: a refusal (too few available points, or a debt) rolls the
        // issue back with it. The ledger key follows the host's, so a retry that the
        // caller's idempotency record did not answer cannot spend twice either.
        steps::points_write(tx, user_id, [&](PointsAccount& a) {
            return a.spend(exchange_key, "coupon:" + c.code, t.points_cost, tx.now);
        });
    }
    tx.emit(NewEvent{"coupon.issued", c.code,
                     {{"code", c.code}, {"template_id", t.id}, {"user_id", user_id}, {"via", via},
                      {"valid_from", c.valid_from}, {"valid_until", c.valid_until}}});
    return c;
}

}  // namespace steps

namespace {

// The coupon as a read at `now` sees it: held by an order whose window has passed is
// available; available past its validity is expired.
CouponInstance as_of(const store::StoredCoupon& stored, int64_t now) {
    CouponInstance c = stored.coupon;
    if (c.state == CouponState::held && stored.hold_expires_at <= now) {
        c.state = CouponState::available;
        c.hold_order_id.reset();
    }
    c.state = state_as_of(c, now);
    return c;
}

CouponIssueMode mode_of(const std::string& via) {
    if (via == "claim") return CouponIssueMode::claim;
    if (via == "grant") return CouponIssueMode::grant;
    if (via == "points") return CouponIssueMode::points;
    return CouponIssueMode::promo_code;
}

}  // namespace

void Engine::put_coupon_template(const CouponTemplate& coupon_template) {
    validate_coupon_template(coupon_template);
    write([&](Tx& tx) { steps::save_coupon_template(tx, coupon_template, SC_ERR_INVALID_ARGUMENT, ""); });
}

std::vector<CouponTemplate> Engine::coupon_templates() {
    std::vector<CouponTemplate> out;
    read([&](Connection& db, int64_t) {
        for (auto& t : store::all_coupon_templates(db)) out.push_back(std::move(t.terms));
    });
    return out;
}

CouponInstance Engine::claim_coupon(const std::string& user_id, const std::string& template_id,
                                    const std::string& idempotency_key) {
    require_id(template_id, "template_id");
    return issue_coupon(user_id, template_id, "", "claim", idempotency_key);
}

CouponInstance Engine::grant_coupon(const std::string& user_id, const std::string& template_id,
                                    const std::string& idempotency_key) {
    require_id(template_id, "template_id");
    return issue_coupon(user_id, template_id, "", "grant", idempotency_key);
}

CouponInstance Engine::redeem_promo_code(const std::string& user_id, const std::string& promo_code,
                                         const std::string& idempotency_key) {
    require_id(promo_code, "promo_code");
    return issue_coupon(user_id, "", promo_code, "promo_code", idempotency_key);
}

CouponInstance Engine::exchange_points_for_coupon(const std::string& user_id, const std::string& template_id,
                                                  const std::string& idempotency_key) {
    require_id(template_id, "template_id");
    return issue_coupon(user_id, template_id, "", "points", idempotency_key);
}

CouponInstance Engine::issue_coupon(const std::string& user_id, const std::string& template_id,
                                    const std::string& promo_code, const char* via,
                                    const std::string& idempotency_key) {
    require_id(user_id, "user_id");
    require_id(idempotency_key, "idempotency_key");
    CouponInstance result;
    write([&](Tx& tx) {
        const std::string request = std::string("via=") + via + ";user=" + user_id +
                                    (promo_code.empty() ? ";template=" + template_id : ";code=" + promo_code);
        if (auto first = steps::replayed(tx, "coupon_issue", idempotency_key, request)) {
            auto stored = store::find_coupon(tx.db, *first);
            if (!stored) fail(SC_ERR_INTERNAL, "an idempotency record names no coupon");
            result = as_of(*stored, tx.now);
            return;
        }
        const auto found = promo_code.empty() ? store::find_coupon_template(tx.db, template_id)
                                              : store::find_template_by_promo_code(tx.db, promo_code);
        const std::string field = promo_code.empty() ? "template_id" : "promo_code";
        if (!found) fail(SC_ERR_NOT_FOUND, promo_code.empty() ? "no coupon template " + template_id : "no such promo code", field);
        const CouponTemplate& t = found->terms;
        if (t.issue_mode != mode_of(via))
            fail(SC_ERR_INVALID_STATE,
                 "coupon template " + t.id + " is issued by " + coupon_issue_mode_name(t.issue_mode) + ", not by " + via,
                 field);
        CouponInstance c = steps::issue_coupon_copy(tx, t, user_id, via, "exchange:" + idempotency_key, field);
        store::save_idempotency(tx.db, "coupon_issue", idempotency_key, {request, c.code}, tx.now);
        result = std::move(c);
    });
    return result;
}

std::vector<CouponInstance> Engine::coupons_of_user(const std::string& user_id, std::optional<CouponState> state) {
    require_id(user_id, "user_id");
    std::vector<CouponInstance> out;
    read([&](Connection& db, int64_t now) {
        for (const auto& stored : store::coupons_of_user(db, user_id)) {
            CouponInstance c = as_of(stored, now);
            if (!state || c.state == *state) out.push_back(std::move(c));
        }
    });
    return out;
}

CouponInstance Engine::revoke_coupon(const std::string& code) {
    require_id(code, "code");
    CouponInstance result;
    write([&](Tx& tx) {
        auto stored = store::find_coupon(tx.db, code);
        if (!stored) fail(SC_ERR_NOT_FOUND, "no coupon with this code", "code");
        // A hold whose payment window has passed is released before the coupon is judged.
        steps::settle_lapsed_coupon_holders(tx, stored->coupon.owner_user_id);
        stored = store::find_coupon(tx.db, code);
        const CouponInstance now_seen = as_of(*stored, tx.now);
        if (now_seen.state == CouponState::revoked) {
            result = now_seen;
            return;
        }
        transition(now_seen.state, CouponEvent::revoke);  // throws for held, used, expired
        if (!store::mark_coupon_revoked(tx.db, code))
            fail(SC_ERR_INVALID_STATE, "the coupon is no longer available", "code");
        tx.emit(NewEvent{"coupon.revoked", code,
                         {{"code", code}, {"template_id", now_seen.template_id}, {"user_id", now_seen.owner_user_id}}});
        result = now_seen;
        result.state = CouponState::revoked;
    });
    return result;
}

std::vector<CouponReportRow> Engine::coupon_report() {
    std::vector<CouponReportRow> out;
    read([&](Connection& db, int64_t now) {
        const std::string currency = steps::catalog_currency(db);
        for (const auto& t : store::all_coupon_templates(db))
            out.push_back(CouponReportRow{t.terms.id, t.terms.total_quantity, t.counters.claimed, t.counters.used,
                                          t.counters.returned, store::held_coupons(db, t.terms.id, now),
                                          t.counters.discount_given, currency});
    });
    return out;
}

}  // namespace sc

#include "engine/attribution_steps.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"
#include "engine/points_steps.hpp"
#include "engine/referral_steps.hpp"
#include "engine/rule_steps.hpp"
#include "points/civil_date.hpp"
#include "referral/referral_reward.hpp"
#include "store/attribution_store.hpp"
#include "store/coupon_store.hpp"

namespace sc::steps {

namespace {

// Bindings never form a cycle (each new one is checked), so a chain ends; the bound is a
// guard against a damaged file, not a limit a real program meets.
constexpr int kMaxChain = 64;

bool sharer_bound_to(Connection& db, const std::string& sharer_id, const std::string& user_id, int64_t now) {
    std::string at = sharer_id;
    for (int i = 0; i < kMaxChain; ++i) {
        const auto b = store::live_binding(db, store::user_subject(at), now);
        if (!b) return false;
        if (b->sharer_id == user_id) return true;
        at = b->sharer_id;
    }
    return true;
}

nlohmann::json subject_json(const std::string& user_id, const std::string& device_id) {
    nlohmann::json j = nlohmann::json::object();
    if (!user_id.empty()) j["user_id"] = user_id;
    if (!device_id.empty()) j["device_id"] = device_id;
    return j;
}

void record_refusal(Tx& tx, ReferralRefusalRecord r) {
    r.at = tx.now;
    store::insert_refusal(tx.db, r);
    nlohmann::json payload = subject_json(r.user_id, r.device_id);
    payload["reason"] = referral_refusal_name(r.reason);
    payload["sharer_id"] = r.sharer_id;
    payload["open_id"] = r.open_id;
    if (!r.order_id.empty()) payload["order_id"] = r.order_id;
    tx.emit(NewEvent{"referral.refused", r.sharer_id, std::move(payload)});
}

void save_and_log_binding(Tx& tx, const std::string& subject, const ReferralBinding& b,
                          const std::optional<ReferralBinding>& replaced, const char* how) {
    store::save_binding(tx.db, subject, b);
    nlohmann::json payload = subject_json(b.user_id, b.device_id);
    payload["sharer_id"] = b.sharer_id;
    payload["open_id"] = b.open_id;
    payload["expires_at"] = b.expires_at;
    payload["how"] = how;
    if (replaced && replaced->sharer_id != b.sharer_id) payload["replaced_sharer_id"] = replaced->sharer_id;
    tx.emit(NewEvent{"referral.bound", b.sharer_id, std::move(payload)});
}

// A new user's first binding earns the invitee coupon, once per user. A template that can
// no longer be issued (sold out, ended) leaves the binding standing: the event says why.
void grant_invitee_coupon(Tx& tx, const ReferralProgram& program, const std::string& user_id,
                          const std::string& sharer_id) {
    if (!program.rewards || program.rewards->invitee_coupon_template_id.empty()) return;
    if (store::invitee_rewarded(tx.db, user_id) || store::has_paid_order(tx.db, user_id)) return;
    const std::string& template_id = program.rewards->invitee_coupon_template_id;
    const auto found = store::find_coupon_template(tx.db, template_id);
    try {
        if (!found || found->terms.issue_mode != CouponIssueMode::grant)
            fail(SC_ERR_INVALID_STATE, "the invitee coupon template is missing or not issued by grant");
        const CouponInstance c =
            issue_coupon_copy(tx, found->terms, user_id, "grant", "invitee:" + user_id, "invitee_coupon_template_id");
        store::insert_invitee(tx.db, user_id, sharer_id, c.code, tx.now);
    } catch (const Error& e) {
        tx.emit(NewEvent{"referral.invitee_coupon_skipped", user_id,
                         {{"user_id", user_id}, {"template_id", template_id}, {"reason", e.what()}}});
    }
}

int64_t cooling_off_ms(Connection& db, const ReferralRewards& rewards) {
    const int64_t days = rewards.cooling_off_days ? *rewards.cooling_off_days : points_program(db).return_window_days;
    return checked_mul(days, kDay, "cooling-off period");
}

void create_reward(Tx& tx, const ReferralRewards& rules, const Order& order, int level, const std::string& sharer_id,
                   const std::vector<RewardLine>& lines) {
    ReferralReward r;
    r.order_id = order.id;
    r.sharer_id = sharer_id;
    r.buyer_id = order.user_id;
    r.level = level;
    r.kind = rules.kind;
    r.created_at = tx.now;
    r.vests_at = checked_add(tx.now, cooling_off_ms(tx.db, rules), "reward vesting");
    if (r.kind == RewardKind::coupon) {
        // One copy, usable once it vests. A template that can no longer be issued (sold
        // out, ended) leaves the order credited without this reward: the event says why.
        const std::string& template_id = rules.coupon_template_ids.at(static_cast<size_t>(level - 1));
        try {
            const auto found = store::find_coupon_template(tx.db, template_id);
            if (!found || found->terms.issue_mode != CouponIssueMode::grant)
                fail(SC_ERR_INVALID_STATE, "the reward's coupon template is missing or not issued by grant");
            r.coupon_code = issue_coupon_copy(tx, found->terms, sharer_id, "grant",
                                              "referral:" + order.id + ":" + std::to_string(level), "coupon_template_ids",
                                              r.vests_at)
                                .code;
        } catch (const Error& e) {
            tx.emit(NewEvent{"referral.reward_skipped", sharer_id,
                             {{"order_id", order.id}, {"sharer_id", sharer_id}, {"level", level},
                              {"template_id", template_id}, {"reason", e.what()}}});
            return;
        }
        r.amount = 1;
    } else {
        r.shares = reward_per_line(rules, level, lines);
        for (int64_t s : r.shares) r.amount = checked_add(r.amount, s, "reward");
        if (r.amount == 0) return;
    }
    if (r.kind == RewardKind::points) {
        const std::string ref = "referral:" + order.id;
        const PointsProgram points = points_program(tx.db);
        const PointsReceipt receipt = points_write(tx, sharer_id, [&](PointsAccount& a) {
            return a.earn(ref + ":" + std::to_string(level), ref, r.amount, tx.now, points.expiry, r.vests_at);
        });
        r.points_lot = receipt.entry;
    }
    store::insert_reward(tx.db, r);
    nlohmann::json payload{{"order_id", order.id}, {"sharer_id", sharer_id},          {"buyer_id", order.user_id},
                           {"level", level},       {"kind", reward_kind_name(r.kind)}, {"amount", r.amount},
                           {"vests_at", r.vests_at}};
    if (r.kind == RewardKind::commission) payload["currency"] = order.currency;
    if (r.kind == RewardKind::coupon) payload["coupon_code"] = r.coupon_code;
    tx.emit(NewEvent{"referral.reward_created", sharer_id, std::move(payload)});
}

// Takes a rewarded coupon back if the sharer has not used it (nor holds it on an unpaid
// order): true when it was revoked. A used coupon cannot be taken back; the reward still
// counts as clawed back, and the event says the coupon stayed.
bool revoke_reward_coupon(Tx& tx, const std::string& code) {
    const auto stored = store::find_coupon(tx.db, code);
    if (!stored || stored->coupon.state != CouponState::available) return false;
    if (!store::mark_coupon_revoked(tx.db, code)) return false;
    tx.emit(NewEvent{"coupon.revoked", code,
                     {{"code", code}, {"template_id", stored->coupon.template_id},
                      {"user_id", stored->coupon.owner_user_id}}});
    return true;
}

int64_t month_start_ms(int64_t now) {
    CivilDate d = civil_from_ms(now);
    d.day = 1;
    return days_from_civil(d) * kDay;
}

}  // namespace

void bind_opener(Tx& tx, const ReferralProgram& program, ShareOpen& open) {
    const std::string subject =
        open.user_id.empty() ? store::device_subject(open.device_id) : store::user_subject(open.user_id);
    BindingFacts facts;
    facts.opener_user_id = open.user_id;
    facts.sharer_id = open.sharer_id;
    facts.device_belongs_to_sharer =
        !open.device_id.empty() && store::user_has_device(tx.db, open.sharer_id, open.device_id);
    facts.current = store::live_binding(tx.db, subject, tx.now);
    facts.sharer_bound_to_opener = !open.user_id.empty() && sharer_bound_to(tx.db, open.sharer_id, open.user_id, tx.now);
    const BindingDecision decision = decide_binding(facts, program.attribution_model);
    switch (decision.step) {
        case BindingStep::bind: {
            ReferralBinding b{open.user_id, open.user_id.empty() ? open.device_id : "", open.sharer_id, open.open_id,
                              tx.now, checked_add(tx.now, checked_mul(program.attribution_window_days, kDay), "window")};
            open.outcome = "bound";
            open.bound_until = b.expires_at;
            save_and_log_binding(tx, subject, b, facts.current, "open");
            if (!open.user_id.empty()) grant_invitee_coupon(tx, program, open.user_id, open.sharer_id);
            return;
        }
        case BindingStep::keep:
            open.outcome = "kept";
            open.bound_until = facts.current->expires_at;
            return;
        case BindingStep::refuse:
            open.outcome = referral_refusal_name(*decision.refusal);
            record_refusal(tx, ReferralRefusalRecord{0, 0, *decision.refusal, open.sharer_id, open.user_id,
                                                     open.device_id, open.open_id, ""});
            return;
    }
}

void carry_over_device(Tx& tx, const ReferralProgram& program, const std::string& user_id,
                       const std::string& device_id) {
    if (store::save_user_device(tx.db, device_id, user_id, tx.now))
        tx.emit(NewEvent{"referral.device_signed_in", user_id, {{"user_id", user_id}, {"device_id", device_id}}});
    const std::string device = store::device_subject(device_id);
    const auto carried = store::live_binding(tx.db, device, tx.now);
    if (!carried) return;
    store::delete_binding(tx.db, device);  // the device's binding is the user's now, or refused
    const std::string subject = store::user_subject(user_id);
    BindingFacts facts;
    facts.opener_user_id = user_id;
    facts.sharer_id = carried->sharer_id;
    facts.device_belongs_to_sharer = user_id != carried->sharer_id &&
                                     store::user_has_device(tx.db, carried->sharer_id, device_id);
    facts.current = store::live_binding(tx.db, subject, tx.now);
    facts.sharer_bound_to_opener = sharer_bound_to(tx.db, carried->sharer_id, user_id, tx.now);
    // Last touch: the user's own binding from a later open wins over the device's.
    if (program.attribution_model == AttributionModel::last_touch && facts.current &&
        facts.current->bound_at >= carried->bound_at)
        return;
    const BindingDecision decision = decide_binding(facts, program.attribution_model);
    if (decision.step == BindingStep::refuse) {
        record_refusal(tx, ReferralRefusalRecord{0, 0, *decision.refusal, carried->sharer_id, user_id, device_id,
                                                 carried->open_id, ""});
        return;
    }
    if (decision.step == BindingStep::keep) return;
    ReferralBinding b = *carried;
    b.user_id = user_id;
    b.device_id.clear();
    save_and_log_binding(tx, subject, b, facts.current, "sign_in");
    grant_invitee_coupon(tx, program, user_id, b.sharer_id);
}

void note_referral_checkout(Tx& tx, const Order& order) {
    if (!referral_program(tx.db)) return;
    const auto b = store::live_binding(tx.db, store::user_subject(order.user_id), tx.now);
    if (b) store::insert_referral_checkout(tx.db, order.id, b->open_id, b->sharer_id);
}

void attribute_paid_order(Tx& tx, const Order& order) {
    const auto program = referral_program(tx.db);
    if (!program) return;
    const auto b = store::live_binding(tx.db, store::user_subject(order.user_id), tx.now);
    if (!b) return;
    AttributionFacts facts;
    facts.buyer_paid_before = program->first_orders_only && store::paid_another_order(tx.db, order.user_id, order.id);
    if (program->per_sharer_per_day > 0)
        facts.sharer_orders_today = store::attributions_since(tx.db, b->sharer_id, day_of_ms(tx.now) * kDay);
    if (program->per_sharer_per_month > 0)
        facts.sharer_orders_this_month = store::attributions_since(tx.db, b->sharer_id, month_start_ms(tx.now));
    if (const auto refusal = attribution_refusal(*program, facts)) {
        record_refusal(tx, ReferralRefusalRecord{0, 0, *refusal, b->sharer_id, order.user_id, "", b->open_id, order.id});
        return;
    }
    store::insert_attribution(tx.db, store::AttributionRow{order.id, b->open_id, b->sharer_id, order.user_id,
                                                           order.goods_total(), tx.now});
    tx.emit(NewEvent{"referral.attributed", order.id,
                     {{"order_id", order.id}, {"sharer_id", b->sharer_id}, {"buyer_id", order.user_id},
                      {"open_id", b->open_id}, {"paid", order.goods_total()}, {"currency", order.currency}}});
    if (!program->rewards) return;
    std::vector<RewardLine> lines;
    for (const OrderLine& line : order.lines) lines.push_back(RewardLine{line.sku_id, line.quantity, line.net});
    create_reward(tx, *program->rewards, order, 1, b->sharer_id, lines);
    if (program->rewards->levels() < 2) return;
    // Level 2 is the sharer's own referrer, if the sharer is bound to one now.
    const auto up = store::live_binding(tx.db, store::user_subject(b->sharer_id), tx.now);
    if (up && up->sharer_id != order.user_id) create_reward(tx, *program->rewards, order, 2, up->sharer_id, lines);
}

void claw_back_rewards(Tx& tx, const Order& before, const Order& after, const std::string& refund_id) {
    for (ReferralReward r : store::rewards_of_order(tx.db, after.id)) {
        // A coupon does not split: it goes back when the whole order is refunded.
        const int64_t take =
            r.kind == RewardKind::coupon
                ? (after.state == SC_ORDER_REFUNDED ? r.remaining() : 0)
                : std::min(refunded_portion(after, r.shares) - refunded_portion(before, r.shares), r.remaining());
        if (take <= 0) continue;
        bool coupon_revoked = false;
        if (r.kind == RewardKind::coupon) coupon_revoked = revoke_reward_coupon(tx, r.coupon_code);
        if (r.kind == RewardKind::points) {
            const std::string ref = "refund:" + refund_id;
            points_write(tx, r.sharer_id, [&](PointsAccount& a) {
                return a.reverse_earn(ref + ":referral:" + std::to_string(r.level), ref, r.points_lot, take, tx.now);
            });
        }
        r.clawed_back += take;
        store::save_reward_clawed_back(tx.db, r.order_id, r.level, r.clawed_back);
        nlohmann::json payload{{"order_id", r.order_id}, {"sharer_id", r.sharer_id},   {"level", r.level},
                               {"kind", reward_kind_name(r.kind)}, {"amount", take}, {"clawed_back", r.clawed_back},
                               {"refund_id", refund_id}};
        if (r.kind == RewardKind::coupon) {
            payload["coupon_code"] = r.coupon_code;
            payload["coupon_revoked"] = coupon_revoked;
        }
        tx.emit(NewEvent{"referral.reward_clawed_back", r.sharer_id, std::move(payload)});
    }
}

}  // namespace sc::steps

// Share-to-earn (FEATURES §9, docs/referral.md): opening a link, carrying a device's
// binding over at sign-in, and reading attributions, rewards, refusals and statistics.
// Attribution itself runs inside payment and clawback inside refunds (attribution_steps).
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "engine/attribution_steps.hpp"
#include "engine/engine.hpp"
#include "engine/referral_steps.hpp"
#include "engine/steps.hpp"
#include "store/attribution_store.hpp"
#include "store/idempotency_store.hpp"

namespace sc {

namespace {

// Exactly one of user_id and device_id names the subject of a binding read.
std::string subject_of(const std::string& user_id, const std::string& device_id) {
    if (user_id.empty() == device_id.empty())
        fail(SC_ERR_INVALID_ARGUMENT, "give exactly one of user_id and device_id", user_id.empty() ? "user_id" : "device_id");
    if (!user_id.empty()) {
        require_id(user_id, "user_id");
        return store::user_subject(user_id);
    }
    require_id(device_id, "device_id");
    return store::device_subject(device_id);
}

ShareOpen require_open(Connection& db, const std::string& open_id) {
    auto open = store::find_share_open(db, open_id);
    if (!open) fail(SC_ERR_INTERNAL, "a record names an open that is not stored");
    return std::move(*open);
}

std::vector<ReferralReward> with_states(std::vector<ReferralReward> rewards, int64_t now) {
    for (ReferralReward& r : rewards) r.state = r.state_as_of(now);
    return rewards;
}

}  // namespace

ShareOpen Engine::open_share_link(const std::string& token_or_code, const std::string& user_id,
                                  const std::string& device_id, const std::string& idempotency_key) {
    if (user_id.empty() && device_id.empty())
        fail(SC_ERR_INVALID_ARGUMENT, "give the opener's user_id, device_id or both", "user_id");
    if (!user_id.empty()) require_id(user_id, "user_id");
    if (!device_id.empty()) require_id(device_id, "device_id");
    require_id(idempotency_key, "idempotency_key");
    ShareOpen out;
    write([&](Tx& tx) {
        const std::string request = "link=" + token_or_code + ";user=" + user_id + ";device=" + device_id;
        if (auto first = steps::replayed(tx, "share_open", idempotency_key, request)) {
            out = require_open(tx.db, *first);
            return;
        }
        const ReferralProgram program = steps::require_referral_program(tx.db);
        const ShareLink link = steps::verify_link(tx.db, program, token_or_code, tx.now);
        ShareOpen open;
        open.open_id = new_id("opn");
        open.code = link.code;
        open.sharer_id = link.claims.sharer_id;
        open.target_kind = link.claims.target_kind;
        open.target_id = link.claims.target_id;
        open.channel = link.claims.channel;
        open.user_id = user_id;
        open.device_id = device_id;
        open.opened_at = tx.now;
        // A signed-in opener's device is theirs: their own links opened on it later are
        // self-referrals by device.
        if (!user_id.empty() && !device_id.empty() && user_id != open.sharer_id &&
            store::save_user_device(tx.db, device_id, user_id, tx.now))
            tx.emit(NewEvent{"referral.device_signed_in", user_id, {{"user_id", user_id}, {"device_id", device_id}}});
        // The open is stored before its binding, which names it.
        open.outcome = "pending";
        store::insert_share_open(tx.db, open);
        steps::bind_opener(tx, program, open);
        store::save_share_open_outcome(tx.db, open);
        nlohmann::json payload{{"open_id", open.open_id}, {"sharer_id", open.sharer_id},
                               {"target_kind", share_target_kind_name(open.target_kind)},
                               {"target_id", open.target_id}, {"channel", open.channel}, {"outcome", open.outcome}};
        if (!user_id.empty()) payload["user_id"] = user_id;
        if (!device_id.empty()) payload["device_id"] = device_id;
        tx.emit(NewEvent{"share_link.opened", open.open_id, std::move(payload)});
        store::save_idempotency(tx.db, "share_open", idempotency_key, {request, open.open_id}, tx.now);
        out = std::move(open);
    });
    return out;
}

std::optional<ReferralBinding> Engine::referral_sign_in(const std::string& user_id, const std::string& device_id) {
    require_id(user_id, "user_id");
    require_id(device_id, "device_id");
    std::optional<ReferralBinding> out;
    write([&](Tx& tx) {
        const ReferralProgram program = steps::require_referral_program(tx.db);
        steps::carry_over_device(tx, program, user_id, device_id);
        out = store::live_binding(tx.db, store::user_subject(user_id), tx.now);
    });
    return out;
}

std::optional<ReferralBinding> Engine::referral_binding(const std::string& user_id, const std::string& device_id) {
    const std::string subject = subject_of(user_id, device_id);
    std::optional<ReferralBinding> out;
    read([&](Connection& db, int64_t now) { out = store::live_binding(db, subject, now); });
    return out;
}

std::optional<OrderAttribution> Engine::order_attribution(const std::string& order_id) {
    require_id(order_id, "order_id");
    std::optional<OrderAttribution> out;
    read([&](Connection& db, int64_t now) {
        const Order order = steps::require_order(db, order_id);
        const auto row = store::find_attribution(db, order_id);
        if (!row) return;
        out = OrderAttribution{row->order_id, row->buyer_id,     row->sharer_id,
                               order.currency, row->paid,        row->attributed_at,
                               require_open(db, row->open_id), with_states(store::rewards_of_order(db, order_id), now)};
    });
    return out;
}

std::vector<ReferralReward> Engine::referral_rewards(const std::string& sharer_id) {
    require_id(sharer_id, "sharer_id");
    std::vector<ReferralReward> out;
    read([&](Connection& db, int64_t now) { out = with_states(store::rewards_of_sharer(db, sharer_id), now); });
    return out;
}

std::vector<ReferralRefusalRecord> Engine::referral_refusals(const std::string& sharer_id) {
    require_id(sharer_id, "sharer_id");
    std::vector<ReferralRefusalRecord> out;
    read([&](Connection& db, int64_t) { out = store::refusals_of_sharer(db, sharer_id); });
    return out;
}

ReferralStats Engine::referral_stats(const ReferralScope& scope) {
    if (!scope.sharer_id.empty()) require_id(scope.sharer_id, "sharer_id");
    if (scope.target_kind) require_id(scope.target_id, "target_id");
    if (!scope.sharer_id.empty() && scope.target_kind)
        fail(SC_ERR_INVALID_ARGUMENT, "give a sharer or a target, not both", "target_id");
    if (!scope.target_kind && !scope.target_id.empty())
        fail(SC_ERR_INVALID_ARGUMENT, "a target id needs its target kind", "target_id");
    ReferralStats out;
    read([&](Connection& db, int64_t now) {
        out = summarize_referrals(store::referral_counts(db, scope), store::rewards_in_scope(db, scope), now);
    });
    return out;
}

}  // namespace sc

// Share-to-earn past the link: opens, sign-in carry-over, bindings, attributions, rewards,
// refusals and statistics (socialcart/attribution.h).
#include "capi/handles.hpp"

// An attribution lends its open (sc_order_attribution_open) without handing it out, so
// only opens the host owns are counted as live objects.
struct sc_share_open {
    sc_share_open() = default;
    explicit sc_share_open(sc::ShareOpen o) : open(std::move(o)) {}
    sc_share_open(const sc_share_open&) = default;
    sc_share_open& operator=(const sc_share_open&) = default;
    virtual ~sc_share_open() = default;
    sc::ShareOpen open;
};

namespace sc::capi {
struct OwnedShareOpen final : sc_share_open, Counted {
    explicit OwnedShareOpen(sc::ShareOpen o) : sc_share_open(std::move(o)) {}
};
}  // namespace sc::capi

struct sc_referral_binding : sc::capi::Counted {
    sc::ReferralBinding binding;
};

// Borrowed from a list or an attribution, never handed out alone.
struct sc_referral_reward {
    sc::ReferralReward reward;
};

struct sc_order_attribution : sc::capi::Counted {
    sc::OrderAttribution attribution;
    sc_share_open open;
    std::vector<sc_referral_reward> rewards;
};

struct sc_referral_rewards : sc::capi::Counted {
    std::vector<sc_referral_reward> items;
};

struct sc_referral_refusals : sc::capi::Counted {
    std::vector<sc::ReferralRefusalRecord> items;
};

struct sc_referral_stats : sc::capi::Counted {
    sc::ReferralStats stats;
};

using namespace sc::capi;

namespace {

// NULL for "not given"; "" is refused as every other empty id is.
std::string optional_text_arg(const char* s, const char* field) {
    if (s == nullptr) return {};
    if (*s == '\0') sc::fail(SC_ERR_INVALID_ARGUMENT, "must not be empty (pass NULL for none)", field);
    return std::string(s);
}

std::vector<sc_referral_reward> reward_handles(const std::vector<sc::ReferralReward>& rewards) {
    std::vector<sc_referral_reward> out;
    for (const auto& r : rewards) out.push_back(sc_referral_reward{r});
    return out;
}

void give_binding(const std::optional<sc::ReferralBinding>& binding, sc_referral_binding** out) {
    if (out == nullptr) return;
    if (!binding) {
        *out = nullptr;
        return;
    }
    auto handle = std::make_unique<sc_referral_binding>();
    handle->binding = *binding;
    *out = handle.release();
}

const sc::ShareOpen* of(const sc_share_open* o) noexcept { return o ? &o->open : nullptr; }
const sc::ReferralBinding* of(const sc_referral_binding* b) noexcept { return b ? &b->binding : nullptr; }
const sc::OrderAttribution* of(const sc_order_attribution* a) noexcept { return a ? &a->attribution : nullptr; }
const sc::ReferralReward* of(const sc_referral_reward* r) noexcept { return r ? &r->reward : nullptr; }
const sc::ReferralRefusalRecord* refusal(const sc_referral_refusals* list, size_t index) noexcept {
    return element(list ? &list->items : nullptr, index);
}

// By reference: a C caller may pass any int, and loading it as the enum would be undefined.
std::optional<sc::ShareTargetKind> optional_target_arg(const sc_share_target_t& target) {
    const auto bits = static_cast<int64_t>(enum_bits(target));
    if (bits == 0) return std::nullopt;
    const auto kind = bits >= 1 && bits <= 0xff ? sc::share_target_kind_from_byte(static_cast<uint8_t>(bits))
                                                : std::nullopt;
    if (!kind) sc::fail(SC_ERR_INVALID_ARGUMENT, "is not an sc_share_target_t", "target");
    return kind;
}

int64_t figure(const sc::ReferralStats& s, int64_t which) noexcept {
    switch (which) {
        case SC_REFERRAL_SHARES: return s.counts.shares;
        case SC_REFERRAL_SHARERS: return s.counts.sharers;
        case SC_REFERRAL_OPENS: return s.counts.opens;
        case SC_REFERRAL_BOUND_OPENS: return s.counts.bound_opens;
        case SC_REFERRAL_ORDERS: return s.counts.orders;
        case SC_REFERRAL_PAID_ORDERS: return s.counts.paid_orders;
        case SC_REFERRAL_PAID_AMOUNT: return s.counts.paid_amount;
        case SC_REFERRAL_CONVERTED_BUYERS: return s.counts.converted_buyers;
        case SC_REFERRAL_REFUSALS: return s.counts.refusals;
        case SC_REFERRAL_POINTS_PENDING: return s.points.pending;
        case SC_REFERRAL_POINTS_VESTED: return s.points.vested;
        case SC_REFERRAL_POINTS_CLAWED_BACK: return s.points.clawed_back;
        case SC_REFERRAL_COMMISSION_PENDING: return s.commission.pending;
        case SC_REFERRAL_COMMISSION_VESTED: return s.commission.vested;
        case SC_REFERRAL_COMMISSION_CLAWED_BACK: return s.commission.clawed_back;
        case SC_REFERRAL_VIRAL_COEFFICIENT_BPS: return s.viral_coefficient_bps;
        case SC_REFERRAL_COUPONS_PENDING: return s.coupons.pending;
        case SC_REFERRAL_COUPONS_VESTED: return s.coupons.vested;
        case SC_REFERRAL_COUPONS_CLAWED_BACK: return s.coupons.clawed_back;
        default: return 0;
    }
}

}  // namespace

extern "C" {

sc_status_t sc_engine_share_link_open(sc_engine* engine, const char* token_or_code, const char* user_id,
                                    const char* device_id, const char* idempotency_key, sc_share_open** out,
                                    sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string link = text_arg(token_or_code, "token");
        const std::string user = optional_text_arg(user_id, "user_id");
        const std::string device = optional_text_arg(device_id, "device_id");
        const std::string key = text_arg(idempotency_key, "idempotency_key");
        require_arg(out, "out");
        *out = new OwnedShareOpen(engine->engine->open_share_link(link, user, device, key));
    });
}

const char* sc_share_open_id(const sc_share_open* o) { return text(of(o), &sc::ShareOpen::open_id); }
const char* sc_share_open_code(const sc_share_open* o) { return text(of(o), &sc::ShareOpen::code); }
const char* sc_share_open_sharer_id(const sc_share_open* o) { return text(of(o), &sc::ShareOpen::sharer_id); }
sc_share_target_t sc_share_open_target(const sc_share_open* o) {
    return o ? static_cast<sc_share_target_t>(o->open.target_kind) : static_cast<sc_share_target_t>(0);
}
const char* sc_share_open_target_id(const sc_share_open* o) { return text(of(o), &sc::ShareOpen::target_id); }
const char* sc_share_open_channel(const sc_share_open* o) { return text(of(o), &sc::ShareOpen::channel); }
const char* sc_share_open_user_id(const sc_share_open* o) { return text(of(o), &sc::ShareOpen::user_id); }
const char* sc_share_open_device_id(const sc_share_open* o) { return text(of(o), &sc::ShareOpen::device_id); }
int64_t sc_share_open_opened_at_ms(const sc_share_open* o) { return number(of(o), &sc::ShareOpen::opened_at); }
const char* sc_share_open_outcome(const sc_share_open* o) { return text(of(o), &sc::ShareOpen::outcome); }
bool sc_share_open_is_bound(const sc_share_open* o) { return o && o->open.bound(); }
int64_t sc_share_open_bound_until_ms(const sc_share_open* o) {
    return o && o->open.bound_until ? *o->open.bound_until : 0;
}
void sc_share_open_free(sc_share_open* o) { delete o; }

sc_status_t sc_engine_referral_sign_in(sc_engine* engine, const char* user_id, const char* device_id,
                                     sc_referral_binding** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string user = text_arg(user_id, "user_id");
        const std::string device = text_arg(device_id, "device_id");
        give_binding(engine->engine->referral_sign_in(user, device), out);
    });
}

sc_status_t sc_engine_referral_binding(sc_engine* engine, const char* user_id, const char* device_id,
                                     sc_referral_binding** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string user = optional_text_arg(user_id, "user_id");
        const std::string device = optional_text_arg(device_id, "device_id");
        require_arg(out, "out");
        give_binding(engine->engine->referral_binding(user, device), out);
    });
}

const char* sc_referral_binding_user_id(const sc_referral_binding* b) {
    return text(of(b), &sc::ReferralBinding::user_id);
}
const char* sc_referral_binding_device_id(const sc_referral_binding* b) {
    return text(of(b), &sc::ReferralBinding::device_id);
}
const char* sc_referral_binding_sharer_id(const sc_referral_binding* b) {
    return text(of(b), &sc::ReferralBinding::sharer_id);
}
const char* sc_referral_binding_open_id(const sc_referral_binding* b) {
    return text(of(b), &sc::ReferralBinding::open_id);
}
int64_t sc_referral_binding_bound_at_ms(const sc_referral_binding* b) {
    return number(of(b), &sc::ReferralBinding::bound_at);
}
int64_t sc_referral_binding_expires_at_ms(const sc_referral_binding* b) {
    return number(of(b), &sc::ReferralBinding::expires_at);
}
void sc_referral_binding_free(sc_referral_binding* b) { delete b; }

sc_status_t sc_engine_order_attribution(sc_engine* engine, const char* order_id, sc_order_attribution** out,
                                      sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(order_id, "order_id");
        require_arg(out, "out");
        auto found = engine->engine->order_attribution(id);
        if (!found) {
            *out = nullptr;
            return;
        }
        auto handle = std::make_unique<sc_order_attribution>();
        handle->open = sc_share_open(found->open);
        handle->rewards = reward_handles(found->rewards);
        handle->attribution = std::move(*found);
        *out = handle.release();
    });
}

const char* sc_order_attribution_order_id(const sc_order_attribution* a) {
    return text(of(a), &sc::OrderAttribution::order_id);
}
const char* sc_order_attribution_buyer_id(const sc_order_attribution* a) {
    return text(of(a), &sc::OrderAttribution::buyer_id);
}
const char* sc_order_attribution_sharer_id(const sc_order_attribution* a) {
    return text(of(a), &sc::OrderAttribution::sharer_id);
}
const char* sc_order_attribution_currency(const sc_order_attribution* a) {
    return text(of(a), &sc::OrderAttribution::currency);
}
int64_t sc_order_attribution_paid(const sc_order_attribution* a) { return number(of(a), &sc::OrderAttribution::paid); }
int64_t sc_order_attribution_attributed_at_ms(const sc_order_attribution* a) {
    return number(of(a), &sc::OrderAttribution::attributed_at);
}
const sc_share_open* sc_order_attribution_open(const sc_order_attribution* a) { return a ? &a->open : nullptr; }
size_t sc_order_attribution_reward_count(const sc_order_attribution* a) { return a ? a->rewards.size() : 0; }
const sc_referral_reward* sc_order_attribution_reward_at(const sc_order_attribution* a, size_t index) {
    return element(a ? &a->rewards : nullptr, index);
}
void sc_order_attribution_free(sc_order_attribution* a) { delete a; }

sc_status_t sc_engine_referral_rewards(sc_engine* engine, const char* sharer_id, sc_referral_rewards** out,
                                     sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string sharer = text_arg(sharer_id, "sharer_id");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_referral_rewards>();
        handle->items = reward_handles(engine->engine->referral_rewards(sharer));
        *out = handle.release();
    });
}

size_t sc_referral_rewards_count(const sc_referral_rewards* list) { return list ? list->items.size() : 0; }
const sc_referral_reward* sc_referral_rewards_at(const sc_referral_rewards* list, size_t index) {
    return element(list ? &list->items : nullptr, index);
}
void sc_referral_rewards_free(sc_referral_rewards* list) { delete list; }

const char* sc_referral_reward_order_id(const sc_referral_reward* r) {
    return text(of(r), &sc::ReferralReward::order_id);
}
const char* sc_referral_reward_sharer_id(const sc_referral_reward* r) {
    return text(of(r), &sc::ReferralReward::sharer_id);
}
const char* sc_referral_reward_buyer_id(const sc_referral_reward* r) {
    return text(of(r), &sc::ReferralReward::buyer_id);
}
int sc_referral_reward_level(const sc_referral_reward* r) { return r ? r->reward.level : 0; }
sc_reward_kind_t sc_referral_reward_kind(const sc_referral_reward* r) {
    return r ? static_cast<sc_reward_kind_t>(r->reward.kind) : static_cast<sc_reward_kind_t>(0);
}
int64_t sc_referral_reward_amount(const sc_referral_reward* r) { return number(of(r), &sc::ReferralReward::amount); }
const char* sc_referral_reward_coupon_code(const sc_referral_reward* r) {
    return text(of(r), &sc::ReferralReward::coupon_code);
}
int64_t sc_referral_reward_clawed_back(const sc_referral_reward* r) {
    return number(of(r), &sc::ReferralReward::clawed_back);
}
sc_reward_state_t sc_referral_reward_state(const sc_referral_reward* r) {
    return r ? static_cast<sc_reward_state_t>(r->reward.state) : static_cast<sc_reward_state_t>(0);
}
int64_t sc_referral_reward_created_at_ms(const sc_referral_reward* r) {
    return number(of(r), &sc::ReferralReward::created_at);
}
int64_t sc_referral_reward_vests_at_ms(const sc_referral_reward* r) {
    return number(of(r), &sc::ReferralReward::vests_at);
}

sc_status_t sc_engine_referral_refusals(sc_engine* engine, const char* sharer_id, sc_referral_refusals** out,
                                      sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string sharer = text_arg(sharer_id, "sharer_id");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_referral_refusals>();
        handle->items = engine->engine->referral_refusals(sharer);
        *out = handle.release();
    });
}

size_t sc_referral_refusals_count(const sc_referral_refusals* list) { return list ? list->items.size() : 0; }
const char* sc_referral_refusals_reason(const sc_referral_refusals* list, size_t index) {
    const auto* r = refusal(list, index);
    return r ? sc::referral_refusal_name(r->reason) : nullptr;
}
const char* sc_referral_refusals_user_id(const sc_referral_refusals* list, size_t index) {
    return text(refusal(list, index), &sc::ReferralRefusalRecord::user_id);
}
const char* sc_referral_refusals_device_id(const sc_referral_refusals* list, size_t index) {
    return text(refusal(list, index), &sc::ReferralRefusalRecord::device_id);
}
const char* sc_referral_refusals_open_id(const sc_referral_refusals* list, size_t index) {
    return text(refusal(list, index), &sc::ReferralRefusalRecord::open_id);
}
const char* sc_referral_refusals_order_id(const sc_referral_refusals* list, size_t index) {
    return text(refusal(list, index), &sc::ReferralRefusalRecord::order_id);
}
int64_t sc_referral_refusals_at_ms(const sc_referral_refusals* list, size_t index) {
    return number(refusal(list, index), &sc::ReferralRefusalRecord::at);
}
void sc_referral_refusals_free(sc_referral_refusals* list) { delete list; }

sc_status_t sc_engine_referral_stats(sc_engine* engine, const char* sharer_id, sc_share_target_t target,
                                   const char* target_id, sc_referral_stats** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        sc::ReferralScope scope;
        scope.sharer_id = optional_text_arg(sharer_id, "sharer_id");
        scope.target_kind = optional_target_arg(target);
        scope.target_id = optional_text_arg(target_id, "target_id");
        if (scope.target_kind && !scope.sharer_id.empty())
            sc::fail(SC_ERR_INVALID_ARGUMENT, "give a sharer or a target, not both", "target");
        if (scope.target_kind && scope.target_id.empty())
            sc::fail(SC_ERR_INVALID_ARGUMENT, "a target needs its target_id", "target_id");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_referral_stats>();
        handle->stats = engine->engine->referral_stats(scope);
        *out = handle.release();
    });
}

int64_t sc_referral_stats_get(const sc_referral_stats* stats, sc_referral_figure_t which) {
    return stats ? figure(stats->stats, static_cast<int64_t>(enum_bits(which))) : 0;
}
void sc_referral_stats_free(sc_referral_stats* stats) { delete stats; }

}  // extern "C"

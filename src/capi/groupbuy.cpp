// Group-buy: the checkout request's group choice, campaigns, groups and the campaign
// report (socialcart/groupbuy.h).
#include "capi/handles.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"
#include "program/program_document.hpp"

struct sc_groupbuy_campaign : sc::capi::Counted {
    sc::GroupCampaign campaign;
};

// A list lends its groups (sc_groups_at) without handing them out, so only groups the
// host owns are counted as live objects.
struct sc_group {
    sc_group() = default;
    explicit sc_group(sc::Group g) : group(std::move(g)) {}
    sc_group(const sc_group&) = default;
    sc_group& operator=(const sc_group&) = default;
    virtual ~sc_group() = default;
    sc::Group group;
};

namespace sc::capi {
struct OwnedGroup final : sc_group, Counted {
    explicit OwnedGroup(sc::Group g) : sc_group(std::move(g)) {}
};
}  // namespace sc::capi

struct sc_groups : sc::capi::Counted {
    std::vector<sc_group> items;
};

struct sc_group_report : sc::capi::Counted {
    sc::GroupCampaignReport report;
};

using namespace sc::capi;

namespace {

const sc::GroupCampaign* of(const sc_groupbuy_campaign* c) noexcept { return c ? &c->campaign : nullptr; }
const sc::Group* of(const sc_group* g) noexcept { return g ? &g->group : nullptr; }
const sc::GroupSeat* seat(const sc_group* g, size_t index) noexcept {
    return element(g ? &g->group.seats : nullptr, index);
}

size_t limit_arg(size_t limit) {
    if (limit < 1 || limit > 100) sc::fail(SC_ERR_INVALID_ARGUMENT, "limit must be between 1 and 100", "limit");
    return limit;
}

void give_groups(std::vector<sc::Group> groups, sc_groups** out) {
    auto handle = std::make_unique<sc_groups>();
    for (auto& g : groups) handle->items.emplace_back(std::move(g));
    *out = handle.release();
}

int64_t figure(const sc::GroupCampaignReport& r, int64_t which) noexcept {
    switch (which) {
        case SC_GROUP_REPORT_OPENED: return r.groups_opened;
        case SC_GROUP_REPORT_OPEN_NOW: return r.open_now;
        case SC_GROUP_REPORT_FILLED: return r.filled;
        case SC_GROUP_REPORT_VIRTUALLY_FILLED: return r.virtually_filled;
        case SC_GROUP_REPORT_FAILED: return r.failed;
        case SC_GROUP_REPORT_SUCCESS_RATE_BPS: return r.success_rate_bps;
        case SC_GROUP_REPORT_AVERAGE_FILL_MS: return r.average_fill_ms;
        case SC_GROUP_REPORT_UNITS_SOLD: return r.units_sold;
        default: return 0;
    }
}

}  // namespace

extern "C" {

sc_status_t sc_checkout_request_set_group(sc_checkout_request* request, sc_group_mode_t mode, const char* id,
                                        int64_t quantity, sc_error** err) {
    return guard(err, [&] {
        require_arg(request, "request");
        sc::GroupChoice next;
        switch (enum_bits(mode)) {
            case SC_GROUP_MODE_NONE: break;
            case SC_GROUP_MODE_OPEN:
            case SC_GROUP_MODE_JOIN: {
                std::string target = text_arg(id, "id");
                if (!sc::is_valid_utf8(target)) sc::fail(SC_ERR_INVALID_UTF8, "id is not valid UTF-8", "id");
                sc::require_id(target, "id");
                if (quantity < 1) sc::fail(SC_ERR_INVALID_ARGUMENT, "quantity must be at least 1", "quantity");
                next.quantity = quantity;
                if (enum_bits(mode) == SC_GROUP_MODE_OPEN) {
                    next.mode = sc::GroupChoice::Mode::open;
                    next.campaign_id = std::move(target);
                } else {
                    next.mode = sc::GroupChoice::Mode::join;
                    next.group_id = std::move(target);
                }
                break;
            }
            default:
                sc::fail(SC_ERR_INVALID_ARGUMENT,
                         "mode must be SC_GROUP_MODE_NONE, SC_GROUP_MODE_OPEN or SC_GROUP_MODE_JOIN", "mode");
        }
        request->request.group = std::move(next);
    });
}

sc_group_mode_t sc_checkout_request_group_mode(const sc_checkout_request* request) {
    if (!request) return SC_GROUP_MODE_NONE;
    switch (request->request.group.mode) {
        case sc::GroupChoice::Mode::open: return SC_GROUP_MODE_OPEN;
        case sc::GroupChoice::Mode::join: return SC_GROUP_MODE_JOIN;
        case sc::GroupChoice::Mode::none: break;
    }
    return SC_GROUP_MODE_NONE;
}

const char* sc_checkout_request_group_target(const sc_checkout_request* request) {
    if (!request) return "";
    const sc::GroupChoice& g = request->request.group;
    return g.mode == sc::GroupChoice::Mode::open ? g.campaign_id.c_str() : g.group_id.c_str();
}

int64_t sc_checkout_request_group_quantity(const sc_checkout_request* request) {
    return request && request->request.group.mode != sc::GroupChoice::Mode::none ? request->request.group.quantity
                                                                                  : 0;
}

sc_status_t sc_engine_groupbuy_campaign_put(sc_engine* engine, const char* json, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        std::string text = text_arg(json, "json");
        if (!sc::is_valid_utf8(text)) sc::fail(SC_ERR_INVALID_UTF8, "json is not valid UTF-8", "json");
        engine->engine->put_group_campaign(sc::parse_group_campaign_entry(text));
    });
}

sc_status_t sc_engine_groupbuy_campaign_get(sc_engine* engine, const char* campaign_id, sc_groupbuy_campaign** out,
                                          sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(campaign_id, "campaign_id");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_groupbuy_campaign>();
        handle->campaign = engine->engine->group_campaign(id);
        *out = handle.release();
    });
}

const char* sc_groupbuy_campaign_id(const sc_groupbuy_campaign* c) { return text(of(c), &sc::GroupCampaign::id); }
const char* sc_groupbuy_campaign_sku_id(const sc_groupbuy_campaign* c) {
    return text(of(c), &sc::GroupCampaign::sku_id);
}
int64_t sc_groupbuy_campaign_group_price(const sc_groupbuy_campaign* c) {
    return number(of(c), &sc::GroupCampaign::group_price);
}
int64_t sc_groupbuy_campaign_group_size(const sc_groupbuy_campaign* c) {
    return number(of(c), &sc::GroupCampaign::group_size);
}
int64_t sc_groupbuy_campaign_lifetime_minutes(const sc_groupbuy_campaign* c) {
    return number(of(c), &sc::GroupCampaign::lifetime_minutes);
}
int64_t sc_groupbuy_campaign_starts_at_ms(const sc_groupbuy_campaign* c) {
    return number(of(c), &sc::GroupCampaign::starts_at);
}
int64_t sc_groupbuy_campaign_ends_at_ms(const sc_groupbuy_campaign* c) {
    return number(of(c), &sc::GroupCampaign::ends_at);
}
sc_leader_pricing_t sc_groupbuy_campaign_leader_pricing(const sc_groupbuy_campaign* c) {
    return c ? static_cast<sc_leader_pricing_t>(c->campaign.leader_pricing) : SC_LEADER_GROUP_PRICE;
}
int64_t sc_groupbuy_campaign_leader_price(const sc_groupbuy_campaign* c) {
    return number(of(c), &sc::GroupCampaign::leader_price);
}
int64_t sc_groupbuy_campaign_max_units_per_order(const sc_groupbuy_campaign* c) {
    return number(of(c), &sc::GroupCampaign::max_units_per_order);
}
int64_t sc_groupbuy_campaign_max_units_per_user(const sc_groupbuy_campaign* c) {
    return c && c->campaign.max_units_per_user ? *c->campaign.max_units_per_user : 0;
}
int64_t sc_groupbuy_campaign_stock(const sc_groupbuy_campaign* c) {
    if (!c) return 0;
    return c->campaign.stock ? *c->campaign.stock : -1;
}
bool sc_groupbuy_campaign_new_users_only(const sc_groupbuy_campaign* c) { return c && c->campaign.new_users_only; }
int64_t sc_groupbuy_campaign_virtual_fill_min_members(const sc_groupbuy_campaign* c) {
    return c && c->campaign.virtual_fill_min_members ? *c->campaign.virtual_fill_min_members : 0;
}
void sc_groupbuy_campaign_free(sc_groupbuy_campaign* c) { delete c; }

sc_status_t sc_engine_group_get(sc_engine* engine, const char* group_id, sc_group** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(group_id, "group_id");
        require_arg(out, "out");
        *out = new OwnedGroup(engine->engine->group(id));
    });
}

sc_status_t sc_engine_order_group(sc_engine* engine, const char* order_id, sc_group** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(order_id, "order_id");
        require_arg(out, "out");
        auto found = engine->engine->group_of_order(id);
        *out = found ? new OwnedGroup(std::move(*found)) : nullptr;
    });
}

sc_status_t sc_engine_groups_open(sc_engine* engine, const char* campaign_id, size_t limit, sc_groups** out,
                                sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(campaign_id, "campaign_id");
        const auto n = static_cast<int64_t>(limit_arg(limit));
        require_arg(out, "out");
        give_groups(engine->engine->open_groups(id, n), out);
    });
}

sc_status_t sc_engine_groups_of_user(sc_engine* engine, const char* user_id, size_t limit, sc_groups** out,
                                   sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(user_id, "user_id");
        const auto n = static_cast<int64_t>(limit_arg(limit));
        require_arg(out, "out");
        give_groups(engine->engine->groups_of_user(id, n), out);
    });
}

size_t sc_groups_count(const sc_groups* groups) { return groups ? groups->items.size() : 0; }
const sc_group* sc_groups_at(const sc_groups* groups, size_t index) {
    return element(groups ? &groups->items : nullptr, index);
}
void sc_groups_free(sc_groups* groups) { delete groups; }

const char* sc_group_id(const sc_group* g) { return text(of(g), &sc::Group::id); }
const char* sc_group_campaign_id(const sc_group* g) { return text(of(g), &sc::Group::campaign_id); }
const char* sc_group_leader_user_id(const sc_group* g) { return text(of(g), &sc::Group::leader_user_id); }
sc_group_state_t sc_group_state(const sc_group* g) {
    return g ? static_cast<sc_group_state_t>(g->group.state) : static_cast<sc_group_state_t>(0);
}
int64_t sc_group_size(const sc_group* g) { return number(of(g), &sc::Group::size); }
int64_t sc_group_paid_members(const sc_group* g) { return g ? g->group.paid_members() : 0; }
int64_t sc_group_seats_left(const sc_group* g) {
    // An ended group has no seat to offer, whatever its seats say.
    if (!g || g->group.ended()) return 0;
    return g->group.seats_left();
}
int64_t sc_group_virtual_members(const sc_group* g) { return number(of(g), &sc::Group::virtual_members); }
int64_t sc_group_created_at_ms(const sc_group* g) { return number(of(g), &sc::Group::created_at); }
int64_t sc_group_opened_at_ms(const sc_group* g) { return number(of(g), &sc::Group::opened_at); }
int64_t sc_group_deadline_ms(const sc_group* g) { return number(of(g), &sc::Group::deadline); }
int64_t sc_group_ended_at_ms(const sc_group* g) { return number(of(g), &sc::Group::ended_at); }
size_t sc_group_seat_count(const sc_group* g) { return g ? g->group.seats.size() : 0; }
const char* sc_group_seat_order_id(const sc_group* g, size_t index) {
    const sc::GroupSeat* s = seat(g, index);
    return s ? s->order_id.c_str() : nullptr;
}
const char* sc_group_seat_user_id(const sc_group* g, size_t index) {
    const sc::GroupSeat* s = seat(g, index);
    return s ? s->user_id.c_str() : nullptr;
}
int64_t sc_group_seat_position(const sc_group* g, size_t index) {
    const sc::GroupSeat* s = seat(g, index);
    return s ? s->position : 0;
}
int64_t sc_group_seat_quantity(const sc_group* g, size_t index) {
    const sc::GroupSeat* s = seat(g, index);
    return s ? s->quantity : 0;
}
sc_seat_state_t sc_group_seat_state(const sc_group* g, size_t index) {
    const sc::GroupSeat* s = seat(g, index);
    return s ? static_cast<sc_seat_state_t>(s->state) : static_cast<sc_seat_state_t>(0);
}
int64_t sc_group_seat_paid_at_ms(const sc_group* g, size_t index) {
    const sc::GroupSeat* s = seat(g, index);
    return s ? s->paid_at : 0;
}
void sc_group_free(sc_group* g) { delete g; }

const char* sc_group_state_name(sc_group_state_t state) {
    const auto bits = static_cast<int64_t>(enum_bits(state));
    if (bits < SC_GROUP_PENDING || bits > SC_GROUP_CANCELLED) return "unknown";
    return sc::group_state_name(static_cast<sc::GroupState>(bits));
}

sc_status_t sc_engine_groupbuy_report(sc_engine* engine, const char* campaign_id, sc_group_report** out,
                                    sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(campaign_id, "campaign_id");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_group_report>();
        handle->report = engine->engine->group_campaign_report(id);
        *out = handle.release();
    });
}

int64_t sc_group_report_get(const sc_group_report* report, sc_group_figure_t which) {
    return report ? figure(report->report, static_cast<int64_t>(enum_bits(which))) : 0;
}
void sc_group_report_free(sc_group_report* report) { delete report; }

}  // extern "C"

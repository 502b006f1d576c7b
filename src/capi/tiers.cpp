// Member tiers: a member's tier and page, and the tier report. The program is put with
// the other program entries (rules.cpp).
#include "capi/handles.hpp"

struct sc_tier_status : sc::capi::Counted {
    sc::TierStatusView view;
    std::string next_tier_id;  // "" at the top
};

struct sc_tier_report : sc::capi::Counted {
    std::vector<sc::TierReportRow> rows;
};

using namespace sc::capi;

namespace {

const sc::TierReportRow* row(const sc_tier_report* r, size_t index) noexcept {
    return element(r ? &r->rows : nullptr, index);
}

}  // namespace

extern "C" {

sc_status_t sc_engine_tier_status(sc_engine* engine, const char* user_id, sc_tier_status** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string user = text_arg(user_id, "user_id");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_tier_status>();
        handle->view = engine->engine->tier_status(user);
        handle->next_tier_id = handle->view.progress.next_tier_id.value_or("");
        *out = handle.release();
    });
}

const char* sc_tier_status_tier_id(const sc_tier_status* s) { return s ? s->view.tier.id.c_str() : nullptr; }
const char* sc_tier_status_tier_name(const sc_tier_status* s) { return s ? s->view.tier.name.c_str() : nullptr; }
int64_t sc_tier_status_rank(const sc_tier_status* s) { return s ? static_cast<int64_t>(s->view.rank) : 0; }
int64_t sc_tier_status_since_ms(const sc_tier_status* s) { return s ? s->view.progress.record.since : 0; }
int64_t sc_tier_status_period_end_ms(const sc_tier_status* s) { return s ? s->view.progress.record.period_end : 0; }
int64_t sc_tier_status_figure(const sc_tier_status* s) { return s ? s->view.progress.figure : 0; }
const char* sc_tier_status_next_tier_id(const sc_tier_status* s) { return s ? s->next_tier_id.c_str() : nullptr; }
int64_t sc_tier_status_to_next(const sc_tier_status* s) { return s ? s->view.progress.to_next : 0; }
int64_t sc_tier_status_figure_at_period_end(const sc_tier_status* s) {
    return s ? s->view.progress.figure_at_period_end : 0;
}
const char* sc_tier_status_tier_at_period_end(const sc_tier_status* s) {
    return s ? s->view.progress.tier_at_period_end.c_str() : nullptr;
}
bool sc_tier_status_can_keep(const sc_tier_status* s) { return s && s->view.progress.to_keep.has_value(); }
int64_t sc_tier_status_to_keep(const sc_tier_status* s) { return s ? s->view.progress.to_keep.value_or(0) : 0; }
int64_t sc_tier_status_member_price_bps(const sc_tier_status* s) {
    return s ? s->view.tier.benefits.member_price_bps : 0;
}
int64_t sc_tier_status_points_multiplier_bps(const sc_tier_status* s) {
    return s ? s->view.tier.benefits.points_multiplier_bps : 0;
}
bool sc_tier_status_has_free_shipping_over(const sc_tier_status* s) {
    return s && s->view.tier.benefits.free_shipping_over.has_value();
}
int64_t sc_tier_status_free_shipping_over(const sc_tier_status* s) {
    return s ? s->view.tier.benefits.free_shipping_over.value_or(0) : 0;
}
void sc_tier_status_free(sc_tier_status* status) { delete status; }

sc_status_t sc_engine_tier_report(sc_engine* engine, int64_t from_ms, int64_t to_ms, sc_tier_report** out,
                                  sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_tier_report>();
        handle->rows = engine->engine->tier_report(from_ms, to_ms);
        *out = handle.release();
    });
}

size_t sc_tier_report_count(const sc_tier_report* r) { return r ? r->rows.size() : 0; }
const char* sc_tier_report_tier_id(const sc_tier_report* r, size_t i) { return text(row(r, i), &sc::TierReportRow::tier_id); }
int64_t sc_tier_report_members(const sc_tier_report* r, size_t i) { return number(row(r, i), &sc::TierReportRow::members); }
int64_t sc_tier_report_upgrades(const sc_tier_report* r, size_t i) { return number(row(r, i), &sc::TierReportRow::upgrades); }
int64_t sc_tier_report_downgrades(const sc_tier_report* r, size_t i) {
    return number(row(r, i), &sc::TierReportRow::downgrades);
}
void sc_tier_report_free(sc_tier_report* report) { delete report; }

}  // extern "C"

// Points: a member's balance, lots and history, adjustments, sign-in, activities and the
// report. The program is put with the other program entries (rules.cpp).
#include "capi/handles.hpp"
#include "core/text.hpp"

// An entry lent by a page (sc_points_page_at) is not counted; one handed to the host is.
struct sc_points_entry {
    sc_points_entry() = default;
    explicit sc_points_entry(sc::PointsEntry e) : entry(std::move(e)) {}
    sc_points_entry(const sc_points_entry&) = default;
    sc_points_entry& operator=(const sc_points_entry&) = default;
    virtual ~sc_points_entry() = default;
    sc::PointsEntry entry;
};

namespace {
struct OwnedPointsEntry final : sc_points_entry, sc::capi::Counted {};
}  // namespace

struct sc_points_balance : sc::capi::Counted {
    sc::PointsBalances balance;
};

struct sc_points_lots : sc::capi::Counted {
    std::vector<sc::PointsLotView> lots;
};

struct sc_points_page : sc::capi::Counted {
    std::vector<sc_points_entry> items;
    std::string next_cursor;
};

static_assert(SC_POINTS_BATCH_MAX == sc::kMaxPointsBatch, "the header's batch limit is the engine's");

struct sc_points_batch : sc::capi::Counted {
    std::vector<sc::PointsAdjustment> items;
};

struct sc_sign_in : sc::capi::Counted {
    sc::SignInResult result;
};

struct sc_points_report : sc::capi::Counted {
    sc::PointsReport report;
};

using namespace sc::capi;

namespace {

void give_entry(sc::PointsEntry entry, sc_points_entry** out) {
    if (out == nullptr) return;
    auto* handle = new OwnedPointsEntry;
    handle->entry = std::move(entry);
    *out = handle;
}

const sc::PointsEntry* of(const sc_points_entry* e) noexcept { return e ? &e->entry : nullptr; }
const sc::PointsBalances* of(const sc_points_balance* b) noexcept { return b ? &b->balance : nullptr; }
const sc::SignInResult* of(const sc_sign_in* s) noexcept { return s ? &s->result : nullptr; }
const sc::PointsReport* of(const sc_points_report* r) noexcept { return r ? &r->report : nullptr; }
const sc::PointsLotView* lot(const sc_points_lots* lots, size_t index) noexcept {
    return element(lots ? &lots->lots : nullptr, index);
}

sc_points_entry_kind_t c_kind(sc::PointsEntryKind kind) noexcept {
    switch (kind) {
        case sc::PointsEntryKind::earn: return SC_POINTS_EARN;
        case sc::PointsEntryKind::spend: return SC_POINTS_SPEND;
        case sc::PointsEntryKind::hold: return SC_POINTS_HOLD;
        case sc::PointsEntryKind::release: return SC_POINTS_RELEASE;
        case sc::PointsEntryKind::commit: return SC_POINTS_COMMIT;
        case sc::PointsEntryKind::expire: return SC_POINTS_EXPIRE;
        case sc::PointsEntryKind::reverse: return SC_POINTS_REVERSE;
        case sc::PointsEntryKind::return_: return SC_POINTS_RETURN;
        case sc::PointsEntryKind::adjust: return SC_POINTS_ADJUST;
    }
    return static_cast<sc_points_entry_kind_t>(0);
}

}  // namespace

extern "C" {

const char* sc_points_entry_kind_name(sc_points_entry_kind_t kind) {
    switch (enum_bits(kind)) {
        case SC_POINTS_EARN: return "earn";
        case SC_POINTS_SPEND: return "spend";
        case SC_POINTS_HOLD: return "hold";
        case SC_POINTS_RELEASE: return "release";
        case SC_POINTS_COMMIT: return "commit";
        case SC_POINTS_EXPIRE: return "expire";
        case SC_POINTS_REVERSE: return "reverse";
        case SC_POINTS_RETURN: return "return";
        case SC_POINTS_ADJUST: return "adjust";
        default: return "unknown";
    }
}

sc_status_t sc_engine_points_balance(sc_engine* engine, const char* user_id, sc_points_balance** out,
                                   sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string user = text_arg(user_id, "user_id");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_points_balance>();
        handle->balance = engine->engine->points_balance(user);
        *out = handle.release();
    });
}

int64_t sc_points_balance_available(const sc_points_balance* b) { return number(of(b), &sc::PointsBalances::available); }
int64_t sc_points_balance_pending(const sc_points_balance* b) { return number(of(b), &sc::PointsBalances::pending); }
int64_t sc_points_balance_held(const sc_points_balance* b) { return number(of(b), &sc::PointsBalances::held); }
int64_t sc_points_balance_debt(const sc_points_balance* b) { return number(of(b), &sc::PointsBalances::debt); }
int64_t sc_points_balance_total(const sc_points_balance* b) { return b ? b->balance.total() : 0; }
void sc_points_balance_free(sc_points_balance* balance) { delete balance; }

sc_status_t sc_engine_points_lots(sc_engine* engine, const char* user_id, sc_points_lots** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string user = text_arg(user_id, "user_id");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_points_lots>();
        handle->lots = engine->engine->points_lots(user);
        *out = handle.release();
    });
}

size_t sc_points_lots_count(const sc_points_lots* lots) { return lots ? lots->lots.size() : 0; }
int64_t sc_points_lot_id(const sc_points_lots* lots, size_t index) {
    const sc::PointsLotView* l = lot(lots, index);
    return l ? static_cast<int64_t>(l->id) : 0;
}
int64_t sc_points_lot_earned(const sc_points_lots* lots, size_t index) {
    return number(lot(lots, index), &sc::PointsLotView::earned);
}
int64_t sc_points_lot_free(const sc_points_lots* lots, size_t index) {
    return number(lot(lots, index), &sc::PointsLotView::free);
}
int64_t sc_points_lot_held(const sc_points_lots* lots, size_t index) {
    return number(lot(lots, index), &sc::PointsLotView::held);
}
int64_t sc_points_lot_earned_at_ms(const sc_points_lots* lots, size_t index) {
    return number(lot(lots, index), &sc::PointsLotView::earned_at);
}
int64_t sc_points_lot_vests_at_ms(const sc_points_lots* lots, size_t index) {
    return number(lot(lots, index), &sc::PointsLotView::vests_at);
}
bool sc_points_lot_expires(const sc_points_lots* lots, size_t index) {
    const sc::PointsLotView* l = lot(lots, index);
    return l && l->expires_at.has_value();
}
int64_t sc_points_lot_expires_at_ms(const sc_points_lots* lots, size_t index) {
    const sc::PointsLotView* l = lot(lots, index);
    return l && l->expires_at ? *l->expires_at : 0;
}
void sc_points_lots_free(sc_points_lots* lots) { delete lots; }

sc_status_t sc_engine_points_history(sc_engine* engine, const char* user_id, const char* cursor, int64_t limit,
                                   sc_points_page** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string user = text_arg(user_id, "user_id");
        const std::string after = cursor ? std::string(cursor) : std::string();
        require_arg(out, "out");
        sc::Page<sc::PointsEntry> page = engine->engine->points_history(user, after, limit);
        auto handle = std::make_unique<sc_points_page>();
        handle->items.reserve(page.items.size());
        for (auto& e : page.items) handle->items.emplace_back(std::move(e));
        handle->next_cursor = std::move(page.next_cursor);
        *out = handle.release();
    });
}

size_t sc_points_page_count(const sc_points_page* page) { return page ? page->items.size() : 0; }
const sc_points_entry* sc_points_page_at(const sc_points_page* page, size_t index) {
    return element(page ? &page->items : nullptr, index);
}
const char* sc_points_page_next_cursor(const sc_points_page* page) {
    return page ? page->next_cursor.c_str() : nullptr;
}
void sc_points_page_free(sc_points_page* page) { delete page; }

int64_t sc_points_entry_seq(const sc_points_entry* e) { return e ? static_cast<int64_t>(e->entry.seq) : 0; }
sc_points_entry_kind_t sc_points_entry_kind(const sc_points_entry* e) {
    return e ? c_kind(e->entry.kind) : static_cast<sc_points_entry_kind_t>(0);
}
int64_t sc_points_entry_points(const sc_points_entry* e) { return number(of(e), &sc::PointsEntry::points); }
int64_t sc_points_entry_effect(const sc_points_entry* e) { return e ? sc::balance_effect(e->entry) : 0; }
const char* sc_points_entry_reference(const sc_points_entry* e) { return text(of(e), &sc::PointsEntry::reference); }
int64_t sc_points_entry_at_ms(const sc_points_entry* e) { return number(of(e), &sc::PointsEntry::at); }
int64_t sc_points_entry_vests_at_ms(const sc_points_entry* e) {
    return e && e->entry.kind == sc::PointsEntryKind::earn ? e->entry.vests_at : 0;
}
const char* sc_points_entry_reason(const sc_points_entry* e) { return text(of(e), &sc::PointsEntry::reason); }
void sc_points_entry_free(sc_points_entry* entry) { delete entry; }

sc_status_t sc_engine_points_adjust(sc_engine* engine, const char* user_id, int64_t points, const char* reason,
                                  const char* idempotency_key, sc_points_entry** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string user = text_arg(user_id, "user_id");
        const std::string why = text_arg(reason, "reason");
        const std::string key = text_arg(idempotency_key, "idempotency_key");
        give_entry(engine->engine->points_adjust(user, points, why, key), out);
    });
}

sc_status_t sc_points_batch_new(sc_points_batch** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(out, "out");
        *out = new sc_points_batch;
    });
}

sc_status_t sc_points_batch_add(sc_points_batch* batch, const char* user_id, int64_t points, const char* reason,
                                const char* idempotency_key, sc_error** err) {
    return guard(err, [&] {
        require_arg(batch, "batch");
        sc::PointsAdjustment item{text_arg(user_id, "user_id"), points, text_arg(reason, "reason"),
                                  text_arg(idempotency_key, "idempotency_key")};
        sc::require_id(item.user_id, "user_id");
        sc::require_text(item.reason, "reason");
        sc::require_id(item.idempotency_key, "idempotency_key");
        if (points == 0) sc::fail(SC_ERR_INVALID_ARGUMENT, "an adjustment of 0 points changes nothing", "points");
        if (batch->items.size() >= SC_POINTS_BATCH_MAX)
            sc::fail(SC_ERR_LIMIT_EXCEEDED,
                     "a batch holds at most " + std::to_string(SC_POINTS_BATCH_MAX) + " items", "batch");
        batch->items.push_back(std::move(item));
    });
}

size_t sc_points_batch_count(const sc_points_batch* batch) { return batch ? batch->items.size() : 0; }

void sc_points_batch_free(sc_points_batch* batch) { delete batch; }

sc_status_t sc_engine_points_adjust_batch(sc_engine* engine, const sc_points_batch* batch, int64_t* appended,
                                        sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        require_arg(batch, "batch");
        const int64_t n = engine->engine->points_adjust_batch(batch->items);
        if (appended) *appended = n;
    });
}

sc_status_t sc_engine_points_sign_in(sc_engine* engine, const char* user_id, sc_sign_in** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string user = text_arg(user_id, "user_id");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_sign_in>();
        handle->result = engine->engine->sign_in(user);
        *out = handle.release();
    });
}

const char* sc_sign_in_date(const sc_sign_in* s) { return text(of(s), &sc::SignInResult::date); }
int64_t sc_sign_in_streak(const sc_sign_in* s) { return number(of(s), &sc::SignInResult::streak); }
int64_t sc_sign_in_points(const sc_sign_in* s) { return number(of(s), &sc::SignInResult::points); }
bool sc_sign_in_first(const sc_sign_in* s) { return s && s->result.first; }
void sc_sign_in_free(sc_sign_in* sign_in) { delete sign_in; }

sc_status_t sc_engine_points_activity(sc_engine* engine, const char* user_id, const char* activity,
                                    const char* reference, const char* idempotency_key, sc_points_entry** out,
                                    sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string user = text_arg(user_id, "user_id");
        const std::string name = text_arg(activity, "activity");
        const std::string ref = text_arg(reference, "reference");
        const std::string key = text_arg(idempotency_key, "idempotency_key");
        give_entry(engine->engine->points_activity(user, name, ref, key), out);
    });
}

sc_status_t sc_engine_points_report(sc_engine* engine, int64_t from_ms, int64_t to_ms, sc_points_report** out,
                                  sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_points_report>();
        handle->report = engine->engine->points_report(from_ms, to_ms);
        *out = handle.release();
    });
}

int64_t sc_points_report_members(const sc_points_report* r) { return number(of(r), &sc::PointsReport::members); }
int64_t sc_points_report_available(const sc_points_report* r) { return number(of(r), &sc::PointsReport::available); }
int64_t sc_points_report_pending(const sc_points_report* r) { return number(of(r), &sc::PointsReport::pending); }
int64_t sc_points_report_held(const sc_points_report* r) { return number(of(r), &sc::PointsReport::held); }
int64_t sc_points_report_debt(const sc_points_report* r) { return number(of(r), &sc::PointsReport::debt); }
int64_t sc_points_report_liability_points(const sc_points_report* r) {
    return number(of(r), &sc::PointsReport::liability_points);
}
int64_t sc_points_report_liability_amount(const sc_points_report* r) {
    return number(of(r), &sc::PointsReport::liability_amount);
}
const char* sc_points_report_currency(const sc_points_report* r) { return text(of(r), &sc::PointsReport::currency); }
int64_t sc_points_report_earned(const sc_points_report* r) { return number(of(r), &sc::PointsReport::earned); }
int64_t sc_points_report_spent(const sc_points_report* r) { return number(of(r), &sc::PointsReport::spent); }
int64_t sc_points_report_expired(const sc_points_report* r) { return number(of(r), &sc::PointsReport::expired); }
int64_t sc_points_report_reversed(const sc_points_report* r) { return number(of(r), &sc::PointsReport::reversed); }
int64_t sc_points_report_returned(const sc_points_report* r) { return number(of(r), &sc::PointsReport::returned); }
int64_t sc_points_report_adjusted(const sc_points_report* r) { return number(of(r), &sc::PointsReport::adjusted); }
void sc_points_report_free(sc_points_report* report) { delete report; }

}  // extern "C"

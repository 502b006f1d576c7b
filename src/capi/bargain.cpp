// Bargains: the checkout request's bargain, programs, bargains and the program report
// (socialcart/bargain.h).
#include "capi/handles.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"
#include "program/program_document.hpp"

struct sc_bargain_program : sc::capi::Counted {
    sc::BargainProgram program;
};

// A list lends its bargains (sc_bargains_at) without handing them out, so only bargains
// the host owns are counted as live objects.
struct sc_bargain {
    sc_bargain() = default;
    explicit sc_bargain(sc::Bargain b) : bargain(std::move(b)) {}
    sc_bargain(const sc_bargain&) = default;
    sc_bargain& operator=(const sc_bargain&) = default;
    virtual ~sc_bargain() = default;
    sc::Bargain bargain;
};

namespace sc::capi {
struct OwnedBargain final : sc_bargain, Counted {
    explicit OwnedBargain(sc::Bargain b) : sc_bargain(std::move(b)) {}
};
}  // namespace sc::capi

struct sc_bargains : sc::capi::Counted {
    std::vector<sc_bargain> items;
};

struct sc_bargain_report : sc::capi::Counted {
    sc::BargainReport report;
};

using namespace sc::capi;

namespace {

const sc::BargainProgram* of(const sc_bargain_program* p) noexcept { return p ? &p->program : nullptr; }
const sc::Bargain* of(const sc_bargain* b) noexcept { return b ? &b->bargain : nullptr; }
const sc::BargainHelp* help(const sc_bargain* b, size_t index) noexcept {
    return element(b ? &b->bargain.helps : nullptr, index);
}

// A text argument that must be valid UTF-8 before the engine reads it.
std::string utf8_arg(const char* s, const char* field) {
    std::string value = text_arg(s, field);
    if (!sc::is_valid_utf8(value)) sc::fail(SC_ERR_INVALID_UTF8, std::string(field) + " is not valid UTF-8", field);
    return value;
}

int64_t figure(const sc::BargainReport& r, int64_t which) noexcept {
    switch (which) {
        case SC_BARGAIN_FIGURE_OPENED: return r.opened;
        case SC_BARGAIN_FIGURE_COMPLETED: return r.completed;
        case SC_BARGAIN_FIGURE_EXPIRED: return r.expired;
        case SC_BARGAIN_FIGURE_BOUGHT: return r.bought;
        case SC_BARGAIN_FIGURE_HELPS: return r.helps;
        case SC_BARGAIN_FIGURE_HELPERS_PER_COMPLETION: return r.helpers_per_completion;
        case SC_BARGAIN_FIGURE_CONVERSION_BPS: return r.conversion_bps;
        default: return 0;
    }
}

}  // namespace

extern "C" {

sc_status_t sc_checkout_request_set_bargain(sc_checkout_request* request, const char* bargain_id, sc_error** err) {
    return guard(err, [&] {
        require_arg(request, "request");
        sc::BargainChoice next;
        if (bargain_id) {
            next.bargain_id = utf8_arg(bargain_id, "bargain_id");
            sc::require_id(next.bargain_id, "bargain_id");
        }
        request->request.bargain = std::move(next);
    });
}

const char* sc_checkout_request_bargain_id(const sc_checkout_request* request) {
    return request ? request->request.bargain.bargain_id.c_str() : "";
}

sc_status_t sc_engine_bargain_program_put(sc_engine* engine, const char* json, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string text = utf8_arg(json, "json");
        engine->engine->put_bargain_program(sc::parse_bargain_program_entry(text));
    });
}

sc_status_t sc_engine_bargain_program_get(sc_engine* engine, const char* program_id, sc_bargain_program** out,
                                        sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(program_id, "program_id");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_bargain_program>();
        handle->program = engine->engine->bargain_program(id);
        *out = handle.release();
    });
}

const char* sc_bargain_program_id(const sc_bargain_program* p) { return text(of(p), &sc::BargainProgram::id); }
const char* sc_bargain_program_sku_id(const sc_bargain_program* p) {
    return text(of(p), &sc::BargainProgram::sku_id);
}
int64_t sc_bargain_program_floor_price(const sc_bargain_program* p) {
    return number(of(p), &sc::BargainProgram::floor_price);
}
int64_t sc_bargain_program_helpers(const sc_bargain_program* p) { return number(of(p), &sc::BargainProgram::helpers); }
int64_t sc_bargain_program_lifetime_minutes(const sc_bargain_program* p) {
    return number(of(p), &sc::BargainProgram::lifetime_minutes);
}
int64_t sc_bargain_program_starts_at_ms(const sc_bargain_program* p) {
    return number(of(p), &sc::BargainProgram::starts_at);
}
int64_t sc_bargain_program_ends_at_ms(const sc_bargain_program* p) {
    return number(of(p), &sc::BargainProgram::ends_at);
}
void sc_bargain_program_free(sc_bargain_program* p) { delete p; }

sc_status_t sc_engine_bargain_open(sc_engine* engine, const char* program_id, const char* user_id,
                                 const char* idempotency_key, sc_bargain** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string program = text_arg(program_id, "program_id");
        const std::string user = text_arg(user_id, "user_id");
        const std::string key = text_arg(idempotency_key, "idempotency_key");
        require_arg(out, "out");
        *out = new OwnedBargain(engine->engine->open_bargain(program, user, key));
    });
}

sc_status_t sc_engine_bargain_help(sc_engine* engine, const char* bargain_id, const char* helper_user_id,
                                 const char* idempotency_key, int64_t* amount_out, sc_bargain** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string bargain = text_arg(bargain_id, "bargain_id");
        const std::string helper = text_arg(helper_user_id, "helper_user_id");
        const std::string key = text_arg(idempotency_key, "idempotency_key");
        sc::BargainHelpResult result = engine->engine->help_bargain(bargain, helper, key);
        // Made before anything is handed out, so a failure leaves the outputs untouched.
        std::unique_ptr<OwnedBargain> handle;
        if (out) handle = std::make_unique<OwnedBargain>(std::move(result.bargain));
        if (amount_out) *amount_out = result.amount;
        if (out) *out = handle.release();
    });
}

sc_status_t sc_engine_bargain_get(sc_engine* engine, const char* bargain_id, sc_bargain** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(bargain_id, "bargain_id");
        require_arg(out, "out");
        *out = new OwnedBargain(engine->engine->bargain(id));
    });
}

sc_status_t sc_engine_bargains_of_user(sc_engine* engine, const char* user_id, size_t limit, sc_bargains** out,
                                     sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(user_id, "user_id");
        if (limit < 1 || limit > 100) sc::fail(SC_ERR_INVALID_ARGUMENT, "limit must be between 1 and 100", "limit");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_bargains>();
        for (auto& b : engine->engine->bargains_of_user(id, static_cast<int64_t>(limit)))
            handle->items.emplace_back(std::move(b));
        *out = handle.release();
    });
}

size_t sc_bargains_count(const sc_bargains* bargains) { return bargains ? bargains->items.size() : 0; }
const sc_bargain* sc_bargains_at(const sc_bargains* bargains, size_t index) {
    return element(bargains ? &bargains->items : nullptr, index);
}
void sc_bargains_free(sc_bargains* bargains) { delete bargains; }

const char* sc_bargain_id(const sc_bargain* b) { return text(of(b), &sc::Bargain::id); }
const char* sc_bargain_program_id_of(const sc_bargain* b) { return text(of(b), &sc::Bargain::program_id); }
const char* sc_bargain_user_id(const sc_bargain* b) { return text(of(b), &sc::Bargain::user_id); }
const char* sc_bargain_sku_id(const sc_bargain* b) { return text(of(b), &sc::Bargain::sku_id); }
sc_bargain_state_t sc_bargain_state(const sc_bargain* b) {
    return b ? static_cast<sc_bargain_state_t>(b->bargain.state) : static_cast<sc_bargain_state_t>(0);
}
int64_t sc_bargain_start_price(const sc_bargain* b) { return number(of(b), &sc::Bargain::start_price); }
int64_t sc_bargain_floor_price(const sc_bargain* b) { return number(of(b), &sc::Bargain::floor_price); }
int64_t sc_bargain_price(const sc_bargain* b) { return number(of(b), &sc::Bargain::price); }
int64_t sc_bargain_helpers_needed(const sc_bargain* b) { return number(of(b), &sc::Bargain::helpers_needed); }
int64_t sc_bargain_opened_at_ms(const sc_bargain* b) { return number(of(b), &sc::Bargain::opened_at); }
int64_t sc_bargain_deadline_ms(const sc_bargain* b) { return number(of(b), &sc::Bargain::deadline); }
int64_t sc_bargain_ended_at_ms(const sc_bargain* b) { return number(of(b), &sc::Bargain::ended_at); }
const char* sc_bargain_order_id(const sc_bargain* b) { return text(of(b), &sc::Bargain::order_id); }
size_t sc_bargain_help_count(const sc_bargain* b) { return b ? b->bargain.helps.size() : 0; }
const char* sc_bargain_help_user_id(const sc_bargain* b, size_t index) {
    const sc::BargainHelp* h = help(b, index);
    return h ? h->user_id.c_str() : nullptr;
}
int64_t sc_bargain_help_amount(const sc_bargain* b, size_t index) {
    const sc::BargainHelp* h = help(b, index);
    return h ? h->amount : 0;
}
int64_t sc_bargain_help_price_after(const sc_bargain* b, size_t index) {
    const sc::BargainHelp* h = help(b, index);
    return h ? h->price_after : 0;
}
int64_t sc_bargain_help_at_ms(const sc_bargain* b, size_t index) {
    const sc::BargainHelp* h = help(b, index);
    return h ? h->at : 0;
}
void sc_bargain_free(sc_bargain* b) { delete b; }

const char* sc_bargain_state_name(sc_bargain_state_t state) {
    const auto bits = static_cast<int64_t>(enum_bits(state));
    if (bits < SC_BARGAIN_OPEN || bits > SC_BARGAIN_EXPIRED) return "unknown";
    return sc::bargain_state_name(static_cast<sc::BargainState>(bits));
}

sc_status_t sc_engine_bargain_report(sc_engine* engine, const char* program_id, sc_bargain_report** out,
                                   sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(program_id, "program_id");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_bargain_report>();
        handle->report = engine->engine->bargain_report(id);
        *out = handle.release();
    });
}

int64_t sc_bargain_report_get(const sc_bargain_report* report, sc_bargain_figure_t which) {
    return report ? figure(report->report, static_cast<int64_t>(enum_bits(which))) : 0;
}
void sc_bargain_report_free(sc_bargain_report* report) { delete report; }

}  // extern "C"

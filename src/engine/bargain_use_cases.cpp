// Bargain use cases (FEATURES §8, docs/bargain.md): programs, opening and helping
// bargains, and the read side. Buying one is a checkout (order_use_cases.cpp with a
// BargainChoice); payment and deadlines move bargains through bargain_steps.cpp.
#include "core/checked.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "engine/bargain_steps.hpp"
#include "engine/engine.hpp"
#include "engine/steps.hpp"
#include "store/bargain_store.hpp"
#include "store/definition_store.hpp"
#include "store/idempotency_store.hpp"

namespace sc {

namespace {

constexpr int64_t kMaxBargainsListed = 100;

// Ids length-prefixed, so no id can imitate a separator.
std::string field_text(const char* name, const std::string& value) {
    return std::string(";") + name + "=" + std::to_string(value.size()) + "=" + value;
}

void require_window(const BargainProgram& program, int64_t now) {
    if (now < program.starts_at)
        fail(SC_ERR_INVALID_STATE, "bargain program " + program.id + " has not started", "program_id");
    if (now >= program.ends_at) fail(SC_ERR_EXPIRED, "bargain program " + program.id + " has ended", "program_id");
}

nlohmann::json help_payload(const Bargain& b, const BargainHelp& help) {
    return {{"bargain_id", b.id},           {"user_id", help.user_id},
            {"amount", help.amount},        {"price", b.price},
            {"helps", b.helps.size()},      {"helpers_left", b.helpers_left()}};
}

}  // namespace

void Engine::put_bargain_program(const BargainProgram& program) {
    validate_bargain_program(program, "");
    write([&](Tx& tx) { steps::save_bargain_program(tx, program, ""); });
}

BargainProgram Engine::bargain_program(const std::string& program_id) {
    require_id(program_id, "program_id");
    BargainProgram out;
    read([&](Connection& db, int64_t) { out = steps::require_bargain_program(db, program_id, "program_id"); });
    return out;
}

std::vector<BargainProgram> Engine::bargain_programs() {
    std::vector<BargainProgram> out;
    read([&](Connection& db, int64_t) {
        out.clear();
        for (const auto& id : store::definition_ids(db, store::DefinitionTable::bargain_programs))
            out.push_back(steps::require_bargain_program(db, id, "program_id"));
    });
    return out;
}

Bargain Engine::open_bargain(const std::string& program_id, const std::string& user_id,
                             const std::string& idempotency_key) {
    require_id(program_id, "program_id");
    require_id(user_id, "user_id");
    require_id(idempotency_key, "idempotency_key");
    Bargain result;
    write([&](Tx& tx) {
        const std::string request = field_text("program", program_id) + field_text("user", user_id);
        if (auto first = steps::replayed(tx, "bargain_open", idempotency_key, request)) {
            result = bargain_as_of(steps::require_bargain(tx.db, *first), tx.now);
            return;
        }
        const BargainProgram program = steps::require_bargain_program(tx.db, program_id, "program_id");
        require_window(program, tx.now);
        // A bargain past its deadline does not count: it reads expired, whatever is stored.
        if (store::live_bargain_of(tx.db, user_id, program.id, tx.now))
            fail(SC_ERR_INVALID_STATE, "the shopper already has a live bargain of this program", "program_id");
        const Sku sku = steps::require_sku(tx.db, program.sku_id);
        if (!bargain_has_room(program, sku.list_price))
            fail(SC_ERR_INVALID_STATE, "the SKU's list price leaves less than one minor unit per helper above the floor",
                 "program_id");
        Bargain b;
        b.id = new_id("brg");
        b.program_id = program.id;
        b.user_id = user_id;
        b.sku_id = sku.id;
        b.start_price = sku.list_price;
        b.floor_price = program.floor_price;
        b.price = sku.list_price;
        b.helpers_needed = program.helpers;
        b.state = BargainState::open;
        b.opened_at = tx.now;
        b.deadline = bargain_deadline(program, tx.now);
        store::insert_bargain(tx.db, b);
        tx.emit(NewEvent{"bargain.opened", b.id,
                         {{"bargain_id", b.id}, {"program_id", b.program_id}, {"user_id", user_id},
                          {"sku_id", b.sku_id}, {"start_price", b.start_price}, {"floor_price", b.floor_price},
                          {"helpers_needed", b.helpers_needed}, {"deadline", b.deadline}}});
        store::save_idempotency(tx.db, "bargain_open", idempotency_key, {request, b.id}, tx.now);
        result = std::move(b);
    });
    return result;
}

BargainHelpResult Engine::help_bargain(const std::string& bargain_id, const std::string& helper_user_id,
                                       const std::string& idempotency_key) {
    require_id(bargain_id, "bargain_id");
    require_id(helper_user_id, "helper_user_id");
    require_id(idempotency_key, "idempotency_key");
    // Drawn before the transaction: the source may be a call into the host, which must never
    // run with the file locked. A replay (or a refusal) wastes the draw, which costs nothing.
    const uint64_t draw = config_.random();
    BargainHelpResult result;
    write([&](Tx& tx) {
        const std::string request = field_text("bargain", bargain_id) + field_text("helper", helper_user_id);
        if (auto first = steps::replayed(tx, "bargain_help", idempotency_key, request)) {
            result.bargain = bargain_as_of(steps::require_bargain(tx.db, *first), tx.now);
            const BargainHelp* help = result.bargain.help_of(helper_user_id);
            if (!help) fail(SC_ERR_INTERNAL, "a recorded help is not stored");
            result.amount = help->amount;
            return;
        }
        Bargain b = steps::current_bargain(tx, bargain_id);
        require_helpable(b, helper_user_id, tx.now);
        const int64_t amount = apply_help(b, helper_user_id, draw, tx.now);
        store::insert_bargain_help(tx.db, b.id, b.helps.back());
        store::save_bargain(tx.db, b);
        tx.emit(NewEvent{"bargain.helped", b.id, help_payload(b, b.helps.back())});
        if (b.state == BargainState::floor_reached)
            tx.emit(NewEvent{"bargain.floor_reached", b.id,
                             {{"bargain_id", b.id}, {"program_id", b.program_id}, {"user_id", b.user_id},
                              {"price", b.price}, {"helps", b.helps.size()}}});
        store::save_idempotency(tx.db, "bargain_help", idempotency_key, {request, b.id}, tx.now);
        result.bargain = std::move(b);
        result.amount = amount;
    });
    return result;
}

Bargain Engine::bargain(const std::string& bargain_id) {
    require_id(bargain_id, "bargain_id");
    Bargain out;
    read([&](Connection& db, int64_t now) { out = bargain_as_of(steps::require_bargain(db, bargain_id), now); });
    return out;
}

std::vector<Bargain> Engine::bargains_of_user(const std::string& user_id, int64_t limit) {
    require_id(user_id, "user_id");
    if (limit < 1 || limit > kMaxBargainsListed)
        fail(SC_ERR_INVALID_ARGUMENT, "limit must be between 1 and " + std::to_string(kMaxBargainsListed), "limit");
    std::vector<Bargain> out;
    read([&](Connection& db, int64_t now) {
        out.clear();
        for (const auto& id : store::bargain_ids_of_user(db, user_id, limit))
            out.push_back(bargain_as_of(steps::require_bargain(db, id), now));
    });
    return out;
}

BargainReport Engine::bargain_report(const std::string& program_id) {
    require_id(program_id, "program_id");
    BargainReport r;
    read([&](Connection& db, int64_t now) {
        steps::require_bargain_program(db, program_id, "program_id");
        r = BargainReport{};
        r.program_id = program_id;
        for (Bargain& stored : store::bargains_of_program(db, program_id)) {
            const Bargain b = bargain_as_of(std::move(stored), now);
            ++r.opened;
            if (b.reached_floor()) ++r.completed;
            if (b.state == BargainState::expired) ++r.expired;
            if (b.state == BargainState::bought) ++r.bought;
            r.helps = checked_add(r.helps, static_cast<int64_t>(b.helps.size()), "helps");
        }
        // Both at most 100 helps per bargain times the bargains: far from overflowing.
        if (r.completed > 0) r.helpers_per_completion = checked_mul(r.helps, 100, "helps") / r.completed;
        if (r.opened > 0) r.conversion_bps = r.bought * 10000 / r.opened;
    });
    return r;
}

}  // namespace sc

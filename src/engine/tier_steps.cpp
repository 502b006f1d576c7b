#include "engine/tier_steps.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"
#include "program/program_document.hpp"
#include "program/tiers_json.hpp"
#include "store/coupon_store.hpp"
#include "store/parsed_by_text.hpp"
#include "store/tier_store.hpp"
#include "tiers/tier_benefits.hpp"
#include "tiers/tier_period.hpp"

namespace sc::steps {

namespace {

// Every payment, refund and quote reads the program: parsed once per text.
store::ParsedByText<TierProgram>& parsed_programs() {
    static store::ParsedByText<TierProgram> cache;
    return cache;
}

int64_t window_ms(const TierProgram& program) { return checked_mul(program.window_days, kDay, "tier window"); }

// What evaluating from `as_of` needs (docs/tiers.md, "What the history must hold").
QualifyingHistory history_from(Connection& db, const TierProgram& program, const std::string& user_id,
                               int64_t as_of) {
    if (program.basis == TierBasis::growth_points) return store::growth_points_history(db, user_id, as_of);
    return store::tier_spend_after(db, user_id, as_of - window_ms(program));
}

// Where evaluating the member to `now` starts: the stored record from its as_of, or, for a
// member without one (or whose tier the program no longer has), the placement. A member is
// placed as if evaluated from the start of the millisecond `now`: by the figure before it,
// then each entry of that instant with the figure it makes, with no event. Every later
// evaluation replays that instant too (it starts at the record's as_of), so placing by the
// figure after the instant alone would let a later read or write raise the member by a
// figure between two of its entries (before a refund of the same millisecond) that placing
// had skipped.
struct Evaluation {
    std::optional<TierRecord> stored;  // the record as the file has it
    bool placing = false;
    TierRecord start;
    QualifyingHistory history;
    int64_t at = 0;
};

Evaluation starting_point(Connection& db, const TierProgram& program, const std::string& user_id, int64_t now) {
    Evaluation e;
    e.stored = store::find_tier_record(db, user_id);
    e.placing = !e.stored || !program.find(e.stored->tier_id);
    if (e.placing) {
        e.history = history_from(db, program, user_id, now);
        e.start = first_record(program, std::max<int64_t>(0, qualifying_sum_before(program, e.history, now)), now);
        e.at = now;
    } else {
        e.start = *e.stored;
        e.history = history_from(db, program, user_id, e.stored->as_of);
        e.at = std::max(now, e.stored->as_of);
    }
    return e;
}

// The member's record evaluated to the starting point's `at`, and its changes (none when placing).
TierUpdate evaluated(const TierProgram& program, const Evaluation& e) {
    TierUpdate update = evaluate(program, e.start, e.history, e.at);
    if (e.placing) update.changes.clear();
    return update;
}

nlohmann::json change_payload(const std::string& user_id, const TierChange& change) {
    return {{"user_id", user_id}, {"from", change.from}, {"to", change.to}, {"at", change.at},
            {"at_period_end", change.at_period_end}};
}

}  // namespace

std::optional<TierProgram> tier_program(Connection& db) {
    const auto text = store::tier_program_text(db);
    if (!text) return std::nullopt;
    return parsed_programs().get(*text, [](const std::string& t) { return parse_tier_program_entry(t); });
}

TierProgram require_tier_program(Connection& db) {
    auto program = tier_program(db);
    if (!program) fail(SC_ERR_INVALID_STATE, "no tier program is set", "tiers");
    return std::move(*program);
}

void save_tier_program(Tx& tx, const TierProgram& program) {
    if (tier_program(tx.db) == program) return;
    for (const auto& stored : store::all_coupon_templates(tx.db)) {
        const CouponAudience& audience = stored.terms.audience;
        if (audience.kind == CouponAudience::Kind::min_tier && static_cast<size_t>(audience.min_tier) >= program.tiers.size())
            fail(SC_ERR_VALIDATION,
                 "tiers: coupon template " + stored.terms.id + " is for tier rank " + std::to_string(audience.min_tier) +
                     ", which this program does not have",
                 "tiers");
    }
    const nlohmann::ordered_json json = tier_program_json(program);
    store::save_tier_program_text(tx.db, json.dump());
    std::vector<std::string> ids;
    for (const Tier& t : program.tiers) ids.push_back(t.id);
    store::drop_tier_records_not_in(tx.db, ids);
    tx.emit(NewEvent{"tier_program.put", "tiers", nlohmann::json::parse(json.dump())});
}

void require_audience_tier(Connection& db, const CouponTemplate& t, sc_status_t code, const std::string& p) {
    if (t.audience.kind != CouponAudience::Kind::min_tier) return;
    const auto program = tier_program(db);
    if (!program) fail(code, p + "audience.min_tier: needs a tier program, and none is set", p + "audience.min_tier");
    try {
        validate_audience_tier(*program, t.audience, p + "audience.min_tier");
    } catch (const Error& e) {
        fail(code, e.what(), e.field());
    }
}

TierProgress member_progress(Connection& db, const TierProgram& program, const std::string& user_id, int64_t now) {
    // tier_progress evaluates from the starting point itself: one read of the history.
    const Evaluation e = starting_point(db, program, user_id, now);
    return tier_progress(program, e.start, e.history, e.at);
}

std::optional<Tier> member_tier(Connection& db, const std::string& user_id, int64_t now) {
    const auto program = tier_program(db);
    if (!program) return std::nullopt;
    const TierUpdate update = evaluated(*program, starting_point(db, *program, user_id, now));
    return *program->find(update.record.tier_id);
}

Tier evaluate_member(Tx& tx, const TierProgram& program, const std::string& user_id) {
    const Evaluation e = starting_point(tx.db, program, user_id, tx.now);
    const TierUpdate update = evaluated(program, e);
    if (e.stored != update.record) store::save_tier_record(tx.db, user_id, update.record);
    for (const TierChange& change : update.changes) {
        store::append_tier_change(tx.db, user_id, change);
        tx.emit(NewEvent{tier_change_event(change.kind), user_id, change_payload(user_id, change)});
    }
    return *program.find(update.record.tier_id);
}

std::optional<Tier> current_tier(Tx& tx, const std::string& user_id) {
    const auto program = tier_program(tx.db);
    if (!program) return std::nullopt;
    return evaluate_member(tx, *program, user_id);
}

void tier_payment(Tx& tx, const Order& order) {
    const auto program = tier_program(tx.db);
    if (order.goods_total() > 0)
        store::append_tier_spend(tx.db, order.user_id, tx.now, order.goods_total(), "order:" + order.id);
    if (program) evaluate_member(tx, *program, order.user_id);
}

void tier_refund(Tx& tx, const Order& order, int64_t amount, const std::string& refund_id) {
    const auto program = tier_program(tx.db);
    if (amount > 0) store::append_tier_spend(tx.db, order.user_id, tx.now, -amount, "refund:" + refund_id);
    if (program) evaluate_member(tx, *program, order.user_id);
}

void tier_growth(Tx& tx, const std::string& user_id) {
    const auto program = tier_program(tx.db);
    if (program && program->basis == TierBasis::growth_points) evaluate_member(tx, *program, user_id);
}

int64_t review_due_tiers(Tx& tx, int64_t limit) {
    const auto program = tier_program(tx.db);
    if (!program) return 0;
    const std::vector<std::string> due = store::members_due_for_review(tx.db, tx.now, limit);
    for (const std::string& user_id : due) evaluate_member(tx, *program, user_id);
    return static_cast<int64_t>(due.size());
}

bool tier_reviews_due(Connection& db, int64_t now) {
    return tier_program(db) && !store::members_due_for_review(db, now, 1).empty();
}

}  // namespace sc::steps

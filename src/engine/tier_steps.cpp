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

// The member's record evaluated to `now`, and its changes. A member without a record (or
// whose tier the program no longer has) is placed as if evaluated from the start of the
// millisecond `now`: by the figure before it, then each entry of that instant with the
// figure it makes, with no event. Every later evaluation replays that instant too (it
// starts at the record's as_of), so placing by the figure after the instant alone would
// let a later read or write raise the member by a figure between two of its entries
// (before a refund of the same millisecond) that placing had skipped.
TierUpdate evaluated(Connection& db, const TierProgram& program, const std::string& user_id, int64_t now) {
    const std::optional<TierRecord> record = store::find_tier_record(db, user_id);
    if (!record || !program.find(record->tier_id)) {
        const QualifyingHistory history = history_from(db, program, user_id, now);
        const int64_t before = std::max<int64_t>(0, qualifying_sum_before(program, history, now));
        TierUpdate placed = evaluate(program, first_record(program, before, now), history, now);
        placed.changes.clear();
        return placed;
    }
    const int64_t at = std::max(now, record->as_of);
    return evaluate(program, *record, history_from(db, program, user_id, record->as_of), at);
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
    const TierUpdate update = evaluated(db, program, user_id, now);
    const int64_t at = std::max(now, update.record.as_of);
    return tier_progress(program, update.record, history_from(db, program, user_id, update.record.as_of), at);
}

std::optional<Tier> member_tier(Connection& db, const std::string& user_id, int64_t now) {
    const auto program = tier_program(db);
    if (!program) return std::nullopt;
    const TierUpdate update = evaluated(db, *program, user_id, now);
    return *program->find(update.record.tier_id);
}

Tier evaluate_member(Tx& tx, const TierProgram& program, const std::string& user_id) {
    const TierUpdate update = evaluated(tx.db, program, user_id, tx.now);
    if (store::find_tier_record(tx.db, user_id) != update.record) store::save_tier_record(tx.db, user_id, update.record);
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

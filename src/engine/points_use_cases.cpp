// Points (FEATURES §5): the program's settings, a member's balance, lots and history,
// operator adjustments, daily sign-in, activities under a daily cap, and the liability
// report. The ledger's part in checkout, payment, cancellation and refunds is in
// points_steps.cpp, called by the order use cases.
#include "core/cursor.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/wide.hpp"
#include "engine/points_steps.hpp"
#include "engine/tier_steps.hpp"
#include "engine/steps.hpp"
#include "points/civil_date.hpp"
#include "store/meta_store.hpp"
#include "store/points_store.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace sc {

namespace {

// Keys the host passes are kept under a prefix of their use, so that no host key can
// take one the engine gives its own entries ("order:ord_1:earn", "signin:20423").
std::string host_key(const char* use, const std::string& key) { return std::string(use) + ":" + key; }

void require_key(const std::string& key) {
    require_id(key, "idempotency_key");
}

int64_t day_of(int64_t ms) { return ms >= 0 ? ms / kDay : -((-ms + kDay - 1) / kDay); }

std::string day_text(int64_t day) {
    const CivilDate d = civil_from_days(day);
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(d.year), static_cast<int>(d.month),
                  static_cast<int>(d.day));
    return text;
}

// The entry a key already made for this member, when the request matches it; a
// different request under the key is a conflict.
std::optional<PointsEntry> replayed_entry(Connection& db, const std::string& user_id, const std::string& key,
                                          const std::function<bool(const PointsEntry&)>& same_request) {
    auto first = store::find_points_entry_by_key(db, user_id, key);
    if (first && !same_request(*first))
        fail(SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency key already used for a different points request",
             "idempotency_key");
    return first;
}

// A batch item's error, its field naming the item ("items[3].points"); the ledger's own
// field for a key is the API's idempotency_key.
[[noreturn]] void fail_for_item(size_t i, const Error& e) {
    const std::string field = e.field() == "key" ? "idempotency_key" : e.field();
    throw Error(e.code(), "item " + std::to_string(i) + ": " + e.what(), "items[" + std::to_string(i) + "]." + field);
}

PointsEntry entry_at(Connection& db, const std::string& user_id, uint64_t seq) {
    for (PointsEntry& e : store::points_history(db, user_id, seq + 1, 1))
        if (e.seq == seq) return std::move(e);
    fail(SC_ERR_INTERNAL, "a points entry just written is not there");
}

}  // namespace

void Engine::put_points_program(const PointsProgram& program) {
    validate_points_program(program, "");
    write([&](Tx& tx) { steps::save_points_program(tx, program); });
}

PointsProgram Engine::points_program() {
    PointsProgram out;
    read([&](Connection& db, int64_t) { out = steps::points_program(db); });
    return out;
}

PointsBalances Engine::points_balance(const std::string& user_id) {
    require_id(user_id, "user_id");
    PointsBalances out;
    read([&](Connection& db, int64_t now) { out = steps::points_account_as_of(db, user_id, now).balances(now); });
    return out;
}

std::vector<PointsLotView> Engine::points_lots(const std::string& user_id) {
    require_id(user_id, "user_id");
    std::vector<PointsLotView> out;
    read([&](Connection& db, int64_t now) {
        const PointsAccount account = steps::points_account_as_of(db, user_id, now);
        for (const PointsLot& lot : account.state().lots) {
            const int64_t free = lot.expired_by(now) ? 0 : lot.free;
            if (free == 0 && lot.held == 0) continue;
            out.push_back(PointsLotView{lot.id, lot.earned, free, lot.held, lot.earned_at, lot.vests_at, lot.expires_at});
        }
    });
    // Soonest expiry first, never-expiring last, ties by lot: the order spending takes.
    std::stable_sort(out.begin(), out.end(), [](const PointsLotView& a, const PointsLotView& b) {
        if (a.expires_at.has_value() != b.expires_at.has_value()) return a.expires_at.has_value();
        return a.expires_at && *a.expires_at != *b.expires_at ? *a.expires_at < *b.expires_at : a.id < b.id;
    });
    return out;
}

Page<PointsEntry> Engine::points_history(const std::string& user_id, const std::string& cursor, int64_t limit) {
    require_id(user_id, "user_id");
    if (limit < 1 || limit > kMaxPageItems)
        fail(SC_ERR_INVALID_ARGUMENT, "limit must be between 1 and " + std::to_string(kMaxPageItems), "limit");
    Page<PointsEntry> page;
    read([&](Connection& db, int64_t) {
        const std::string key = store::cursor_key(db);
        const std::string query = "points\n" + user_id;
        uint64_t before = UINT64_MAX >> 1;
        if (!cursor.empty()) {
            const std::string field = open_cursor(key, query, cursor, 1)[0];
            const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), before);
            if (ec != std::errc() || end != field.data() + field.size())
                fail(SC_ERR_INVALID_ARGUMENT, "the cursor is not one this query returned", "cursor");
        }
        page.items = store::points_history(db, user_id, before, limit + 1);
        if (static_cast<int64_t>(page.items.size()) > limit) {
            page.items.pop_back();
            page.next_cursor = seal_cursor(key, query, {std::to_string(page.items.back().seq)});
        }
    });
    return page;
}

PointsEntry Engine::points_adjust(const std::string& user_id, int64_t points, const std::string& reason,
                                  const std::string& idempotency_key) {
    require_id(user_id, "user_id");
    require_key(idempotency_key);
    require_text(reason, "reason");
    if (points == 0) fail(SC_ERR_INVALID_ARGUMENT, "an adjustment of 0 points changes nothing", "points");
    const std::string key = host_key("adjust", idempotency_key);
    PointsEntry out;
    write([&](Tx& tx) {
        if (auto first = replayed_entry(tx.db, user_id, key, [&](const PointsEntry& e) {
                return e.kind == PointsEntryKind::adjust && e.points == points && e.reason == reason;
            })) {
            out = std::move(*first);
            return;
        }
        const PointsReceipt r = steps::points_write(tx, user_id, [&](PointsAccount& a) {
            return a.adjust(key, "operator", points, reason, tx.now, steps::points_program(tx.db).expiry);
        });
        out = entry_at(tx.db, user_id, r.entry);
    });
    return out;
}

int64_t Engine::points_adjust_batch(const std::vector<PointsAdjustment>& items) {
    if (items.empty()) fail(SC_ERR_INVALID_ARGUMENT, "the batch has no items", "items");
    if (items.size() > kMaxPointsBatch)
        fail(SC_ERR_LIMIT_EXCEEDED, "a batch takes at most " + std::to_string(kMaxPointsBatch) + " items", "items");
    // Every item's arguments are checked before the transaction starts.
    for (size_t i = 0; i < items.size(); ++i) {
        try {
            require_id(items[i].user_id, "user_id");
            require_key(items[i].idempotency_key);
            require_text(items[i].reason, "reason");
            if (items[i].points == 0) fail(SC_ERR_INVALID_ARGUMENT, "an adjustment of 0 points changes nothing", "points");
        } catch (const Error& e) {
            fail_for_item(i, e);
        }
    }
    int64_t appended = 0;
    write([&](Tx& tx) {
        appended = 0;
        const ExpiryPolicy expiry = steps::points_program(tx.db).expiry;
        for (size_t i = 0; i < items.size(); ++i) {
            const PointsAdjustment& item = items[i];
            try {
                const std::string key = host_key("adjust", item.idempotency_key);
                if (replayed_entry(tx.db, item.user_id, key, [&](const PointsEntry& e) {
                        return e.kind == PointsEntryKind::adjust && e.points == item.points && e.reason == item.reason;
                    }))
                    continue;
                steps::points_write(tx, item.user_id, [&](PointsAccount& a) {
                    return a.adjust(key, "operator", item.points, item.reason, tx.now, expiry);
                });
                ++appended;
            } catch (const Error& e) {
                fail_for_item(i, e);
            }
        }
    });
    return appended;
}

SignInResult Engine::sign_in(const std::string& user_id) {
    require_id(user_id, "user_id");
    SignInResult out;
    write([&](Tx& tx) {
        const int64_t day = day_of(tx.now);
        if (auto today = store::find_sign_in(tx.db, user_id, day)) {
            out = SignInResult{today->day, day_text(day), today->streak, today->points, false};
            return;
        }
        const PointsProgram program = steps::points_program(tx.db);
        if (program.sign_in.empty())
            fail(SC_ERR_INVALID_STATE, "the points program has no sign-in table", "sign_in");
        const auto yesterday = store::find_sign_in(tx.db, user_id, day - 1);
        const int64_t streak =
            next_sign_in_day(yesterday ? std::optional<int64_t>(yesterday->streak) : std::nullopt, program.sign_in.size());
        const int64_t points = program.sign_in[static_cast<size_t>(streak - 1)];
        store::insert_sign_in(tx.db, user_id, store::SignIn{day, streak, points});
        if (points > 0) {
            const std::string key = "signin:" + std::to_string(day);
            steps::current_tier(tx, user_id);
            steps::points_write(tx, user_id, [&](PointsAccount& a) {
                return a.earn(key, "signin:" + day_text(day), points, tx.now, program.expiry);
            });
            steps::tier_growth(tx, user_id);
        }
        tx.emit(NewEvent{"points.signed_in", user_id,
                         {{"user_id", user_id}, {"day", day_text(day)}, {"streak", streak}, {"points", points}}});
        out = SignInResult{day, day_text(day), streak, points, true};
    });
    return out;
}

PointsEntry Engine::points_activity(const std::string& user_id, const std::string& activity,
                                    const std::string& reference, const std::string& idempotency_key) {
    require_id(user_id, "user_id");
    require_id(activity, "activity");
    require_id(reference, "reference");
    require_key(idempotency_key);
    const std::string key = host_key("activity", idempotency_key);
    const std::string ref = "activity:" + activity + ":" + reference;
    PointsEntry out;
    write([&](Tx& tx) {
        if (auto first = replayed_entry(tx.db, user_id, key, [&](const PointsEntry& e) {
                return e.kind == PointsEntryKind::earn && e.reference == ref;
            })) {
            out = std::move(*first);
            return;
        }
        const PointsProgram program = steps::points_program(tx.db);
        const PointsActivity* rule = program.activity(activity);
        if (!rule) fail(SC_ERR_NOT_FOUND, "the points program has no activity " + activity, "activity");
        const int64_t day = day_of(tx.now);
        const int64_t done =
            store::count_earns_with_prefix(tx.db, user_id, "activity:" + activity + ":", day * kDay, (day + 1) * kDay);
        if (done >= rule->daily_cap)
            fail(SC_ERR_LIMIT_EXCEEDED,
                 "the daily cap of " + std::to_string(rule->daily_cap) + " for " + activity + " is reached", "activity");
        steps::current_tier(tx, user_id);
        const PointsReceipt r = steps::points_write(tx, user_id, [&](PointsAccount& a) {
            return a.earn(key, ref, rule->points, tx.now, program.expiry);
        });
        steps::tier_growth(tx, user_id);
        out = entry_at(tx.db, user_id, r.entry);
    });
    return out;
}

PointsReport Engine::points_report(int64_t from_ms, int64_t to_ms) {
    if (to_ms < from_ms) fail(SC_ERR_INVALID_ARGUMENT, "to_ms must not be before from_ms", "to_ms");
    PointsReport out;
    read([&](Connection& db, int64_t now) {
        const PointsProgram program = steps::points_program(db);
        out.currency = steps::catalog_currency(db);
        store::for_each_points_account(db, [&](const std::string&, std::vector<PointsEntry> entries) {
            const PointsAccount account = PointsAccount::restore(std::move(entries));
            const PointsBalances b = account.balances(now);
            ++out.members;
            out.available += b.available;
            out.pending += b.pending;
            out.held += b.held;
            out.debt += b.debt;
        });
        out.liability_points = out.available + out.pending + out.held;
        out.liability_amount = mul_div(out.liability_points, program.redeem.amount, program.redeem.points,
                                       "points liability").quotient;
        const auto totals = store::points_totals(db, from_ms, to_ms);
        const auto total = [&](const char* kind) {
            const auto it = totals.find(kind);
            return it == totals.end() ? int64_t{0} : it->second;
        };
        out.earned = total("earn");
        out.spent = total("spend") + total("commit");
        out.expired = total("expire");
        out.reversed = total("reverse");
        out.returned = total("return");
        out.adjusted = total("adjust");
    });
    return out;
}

}  // namespace sc

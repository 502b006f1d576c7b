#pragma once
// The SQL a group-buy join cannot do without, run bare (no engine code) on the engine's own
// schema: what bench_groupbuy's engine figure is measured against besides raw inserts.
//
// A join is the shopper's checkout into a group and its payment. The checkout looks up its
// idempotency key and the group, reserves the seat with the same guarded UPDATE the engine
// uses, numbers the seat, and writes the order with its line, adjustment and merchant, the
// seat's hold, the seat, three events and the idempotency record. The payment looks up its
// key and the order, commits the hold, moves the group's counts, marks the seat and the order
// paid, records the tier spend, three events and its key; the payment that fills a group also
// marks the group filled, confirms the members' orders and appends `group.filled`. Ids are
// random like the engine's, so rows land in the b-trees as scattered as its rows do. A
// JoinShape leaves parts of that out, to show what each costs.
//
// Every condition is as favourable as it can be: nothing is read that a lean engine could
// keep elsewhere, no checkout is ever refused, the writes run in the largest batches 16
// threads can give the engine's group commit (16 writes to a transaction, each in its own
// savepoint), and the WAL is checkpointed after the timed fill, not during it (the engine
// checkpoints on a thread of its own, which shares the machine's two cores with the
// writer). Otherwise the file has the engine's SQLite settings.
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/VariadicBind.h>

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace bench {

// What a join writes besides the order, the seat, the group's counts and the keys: each can be
// left out, to show what the floor would be without it (bench_groupbuy's second table).
struct JoinShape {
    const char* name;
    bool seat_events;   // hold.placed, group.seat_reserved, hold.committed, group.seat_paid
    bool hold_rows;     // the seat's hold in the holds table, placed then committed
    bool order_detail;  // the order's adjustment and merchant rows, the tier spend
};

inline constexpr JoinShape kJoin{"a join as the engine writes it", true, true, true};
inline constexpr JoinShape kJoinShapes[] = {
    kJoin,
    {"without the four seat and hold events", false, true, true},
    {"without hold rows", true, false, true},
    {"without adjustment, merchant, tier rows", true, true, false},
    {"without all three", false, false, false},
};

class JoinFloor {
public:
    static constexpr int64_t kBatch = 16;  // writes per transaction: one per thread

    // path: a new file; the engine makes its schema, then the SKU and campaign that groups
    // refer to (campaign_json, with the SKU sku_id at list_price) are put through the C ABI.
    JoinFloor(const std::string& path, const char* campaign_json, const char* campaign_id, const char* sku_id,
              int64_t list_price, int64_t group_price, int64_t group_size, const JoinShape& shape = kJoin)
        : shape_(shape),
          campaign_(campaign_id),
          sku_(sku_id),
          list_price_(list_price),
          group_price_(group_price),
          size_(group_size),
          db_(prepared_file(path, campaign_json, sku_id, list_price), SQLite::OPEN_READWRITE) {
        db_.exec("PRAGMA synchronous=NORMAL");  // the engine's settings (store/database.cpp)
        db_.exec("PRAGMA foreign_keys=ON");
        db_.exec("PRAGMA cache_size=-8192");
        db_.exec("PRAGMA temp_store=MEMORY");
        db_.exec("PRAGMA wal_autocheckpoint=0");
    }

    // Opens `groups` groups with their leaders paid (not timed) and returns their ids.
    std::vector<std::string> open_groups(int64_t groups) {
        std::vector<std::string> ids;
        db_.exec("BEGIN IMMEDIATE");
        for (int64_t g = 0; g < groups; ++g) {
            ids.push_back(random_id("grp", rng_));
            SQLite::Statement& open = sql(
                "INSERT INTO groups(id, campaign_id, leader_user_id, size, state, created_at, opened_at, deadline, "
                "seats_open) VALUES (?1, ?2, ?3, ?4, 'open', ?5, ?5, ?6, ?7)");
            SQLite::bind(open, ids.back(), campaign_, id("floor-leader-", next_user_++), size_, now_,
                         now_ + int64_t{30} * 86'400'000, size_ - 1);
            open.exec();
        }
        db_.exec("COMMIT");
        return ids;
    }

    // Fills the groups (each with size - 1 joins: checkouts then payments, kBatch writes to a
    // transaction) and returns the seconds it took.
    double fill(const std::vector<std::string>& groups) {
        // Every joiner is made before any write refers to it: the writes keep pointers.
        std::vector<std::vector<Joiner>> joiners(groups.size());
        for (auto& members : joiners)
            for (int64_t j = 1; j < size_; ++j) members.push_back(Joiner{id("floor-joiner-", next_user_++), "", ""});
        std::vector<std::function<void()>> writes;
        for (size_t g = 0; g < groups.size(); ++g) {
            const std::string* group = &groups[g];
            for (Joiner& joiner : joiners[g]) writes.emplace_back([this, group, &joiner] { checkout(*group, joiner); });
            for (Joiner& joiner : joiners[g])
                writes.emplace_back([this, group, &joiner, fills = &joiner == &joiners[g].back()] {
                    pay(*group, joiner, fills);
                });
        }
        const auto start = Clock::now();
        for (size_t done = 0; done < writes.size();) {
            db_.exec("BEGIN IMMEDIATE");
            for (int64_t i = 0; i < kBatch && done < writes.size(); ++i, ++done) {
                sql("SAVEPOINT floor").exec();
                writes[done]();
                sql("RELEASE floor").exec();
            }
            db_.exec("COMMIT");
        }
        const double seconds = seconds_since(start);
        for (auto& [text, statement] : statements_) statement->reset();  // no read left open
        db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        return seconds;
    }

private:
    struct Joiner {
        std::string user;
        std::string order;
        std::string hold;
    };

    static const std::string& prepared_file(const std::string& path, const char* campaign_json, const char* sku_id,
                                            int64_t list_price) {
        sc_engine* engine = open_engine(path, EngineSettings{});
        put_sku(engine, sku_id, "Floor box", "m1", list_price, -1);
        must(sc_engine_groupbuy_campaign_put(engine, campaign_json, err()), "sc_engine_groupbuy_campaign_put");
        sc_engine_close(engine);
        return path;
    }

    SQLite::Statement& sql(const char* text) {
        std::unique_ptr<SQLite::Statement>& statement = statements_[text];
        if (!statement) statement = std::make_unique<SQLite::Statement>(db_, text);
        statement->reset();
        statement->clearBindings();
        return *statement;
    }

    void no_key(const char* scope, const std::string& key) {
        SQLite::Statement& find = sql("SELECT request, result_id FROM idempotency WHERE scope = ? AND key = ?");
        SQLite::bind(find, scope, key);
        if (find.executeStep()) std::exit(1);  // every key is new
    }

    void save_key(const char* scope, const std::string& key, const std::string& request, const std::string& result) {
        SQLite::Statement& save =
            sql("INSERT INTO idempotency(scope, key, request, result_id, created_at) VALUES (?, ?, ?, ?, ?)");
        SQLite::bind(save, scope, key, request, result, now_);
        save.exec();
    }

    void seat_event(const char* type, const std::string& subject, const std::string& payload) {
        if (shape_.seat_events) event(type, subject, payload);
    }

    void event(const char* type, const std::string& subject, const std::string& payload) {
        SQLite::Statement& append = sql("INSERT INTO events(type, subject_id, time_ms, payload) VALUES (?, ?, ?, ?)");
        SQLite::bind(append, type, subject, now_, payload);
        append.exec();
    }

    // Runs an UPDATE that must change exactly one row.
    static void one_row(SQLite::Statement& update) {
        if (update.exec() != 1) std::exit(1);
    }

    void checkout(const std::string& group, Joiner& joiner) {
        no_key("checkout", joiner.user);
        SQLite::Statement& read = sql("SELECT state, deadline, seats_open, reserved FROM groups WHERE id = ?");
        read.bind(1, group);
        if (!read.executeStep()) std::exit(1);
        SQLite::Statement& reserve =
            sql("UPDATE groups SET reserved = reserved + 1 WHERE id = ? AND seats_open - reserved >= 1");
        reserve.bind(1, group);
        one_row(reserve);
        SQLite::Statement& position = sql("SELECT COALESCE(MAX(position), 0) + 1 FROM group_seats WHERE group_id = ?");
        position.bind(1, group);
        position.executeStep();
        const int64_t seat = position.getColumn(0).getInt64();

        joiner.order = random_id("ord", rng_);
        joiner.hold = random_id("hold", rng_);
        const int64_t deadline = now_ + 900'000;
        SQLite::Statement& order = sql(
            "INSERT INTO orders(id, user_id, state, cancel_reason, currency, subtotal, total, created_at, pay_deadline, "
            "discount, shipping, shipping_method, points_used, points_amount) "
            "VALUES (?1, ?2, 1, 0, 'CNY', ?3, ?4, ?5, ?6, ?7, 0, 0, 0, 0)");
        SQLite::bind(order, joiner.order, joiner.user, list_price_, group_price_, now_, deadline,
                     list_price_ - group_price_);
        order.exec();
        SQLite::Statement& line = sql(
            "INSERT INTO order_lines(order_id, line_index, sku_id, title, merchant_id, quantity, unit_price, base, net) "
            "VALUES (?1, 0, ?2, 'Floor box', 'm1', 1, ?3, ?3, ?4)");
        SQLite::bind(line, joiner.order, sku_, list_price_, group_price_);
        line.exec();
        SQLite::Statement& adjustment = sql(
            "INSERT INTO order_adjustments(order_id, line_index, position, kind, source_id, amount) "
            "VALUES (?1, 0, 0, 'item_price', ?2, ?3)");
        SQLite::bind(adjustment, joiner.order, campaign_, list_price_ - group_price_);
        if (shape_.order_detail) adjustment.exec();
        SQLite::Statement& merchant = sql(
            "INSERT INTO order_merchants(order_id, position, merchant_id, subtotal, discount, goods_net, shipping_fee, "
            "shipping_waived, shipping_waived_by, shipping, total, points_amount) "
            "VALUES (?1, 0, 'm1', ?2, ?3, ?4, 0, 0, '', 0, ?4, 0)");
        SQLite::bind(merchant, joiner.order, list_price_, list_price_ - group_price_, group_price_);
        if (shape_.order_detail) merchant.exec();
        event("order.created", joiner.order,
              "{\"currency\":\"CNY\",\"lines\":1,\"pay_deadline\":" + std::to_string(deadline) +
                  ",\"total\":" + std::to_string(group_price_) + ",\"user_id\":\"" + joiner.user + "\"}");
        SQLite::Statement& hold = sql(
            "INSERT INTO holds(id, order_id, kind, resource, quantity, state, expires_at) "
            "VALUES (?, ?, 'group_seat', ?, 1, 'held', ?)");
        SQLite::bind(hold, joiner.hold, joiner.order, group, deadline);
        if (shape_.hold_rows) hold.exec();
        seat_event("hold.placed", joiner.order,
              "{\"expires_at\":" + std::to_string(deadline) + ",\"hold_id\":\"" + joiner.hold +
                  "\",\"kind\":\"group_seat\",\"quantity\":1,\"resource\":\"" + group + "\"}");
        SQLite::Statement& place = sql(
            "INSERT INTO group_seats(order_id, group_id, campaign_id, user_id, position, quantity, state, reserved_at) "
            "VALUES (?, ?, ?, ?, ?, 1, 'reserved', ?)");
        SQLite::bind(place, joiner.order, group, campaign_, joiner.user, seat, now_);
        place.exec();
        seat_event("group.seat_reserved", group,
              "{\"expires_at\":" + std::to_string(deadline) + ",\"group_id\":\"" + group + "\",\"order_id\":\"" +
                  joiner.order + "\",\"position\":" + std::to_string(seat) + ",\"quantity\":1,\"user_id\":\"" +
                  joiner.user + "\"}");
        save_key("checkout", joiner.user, "user=" + joiner.user + ";group=join:" + group + ":1", joiner.order);
    }

    void pay(const std::string& group, const Joiner& joiner, bool fills) {
        no_key("pay", joiner.user);
        SQLite::Statement& read = sql("SELECT user_id, state, total, pay_deadline FROM orders WHERE id = ?");
        read.bind(1, joiner.order);
        if (!read.executeStep()) std::exit(1);
        SQLite::Statement& commit = sql("UPDATE holds SET state = 'committed' WHERE id = ? AND state = 'held'");
        commit.bind(1, joiner.hold);
        if (shape_.hold_rows) one_row(commit);
        SQLite::Statement& counts = sql(
            "UPDATE groups SET reserved = reserved - 1, seats_open = seats_open - 1 WHERE id = ? AND reserved >= 1");
        counts.bind(1, group);
        one_row(counts);
        seat_event("hold.committed", joiner.order,
              "{\"hold_id\":\"" + joiner.hold + "\",\"kind\":\"group_seat\",\"quantity\":1,\"resource\":\"" + group +
                  "\"}");
        SQLite::Statement& seat = sql("UPDATE group_seats SET state = 'paid', paid_at = ? WHERE order_id = ?");
        SQLite::bind(seat, now_, joiner.order);
        one_row(seat);
        seat_event("group.seat_paid", group,
              "{\"group_id\":\"" + group + "\",\"order_id\":\"" + joiner.order + "\",\"user_id\":\"" + joiner.user +
                  "\"}");
        if (fills) {
            SQLite::Statement& filled = sql("UPDATE groups SET state = 'filled', ended_at = ? WHERE id = ?");
            SQLite::bind(filled, now_, group);
            one_row(filled);
            SQLite::Statement& confirm = sql(
                "UPDATE orders SET state = 7 WHERE state = 6 AND id IN "
                "(SELECT order_id FROM group_seats WHERE group_id = ? AND state = 'paid')");
            confirm.bind(1, group);
            confirm.exec();
            event("group.filled", group, "{\"campaign_id\":\"" + campaign_ + "\",\"group_id\":\"" + group + "\"}");
        }
        SQLite::Statement& paid =
            sql("UPDATE orders SET state = ?, paid_at = ?, payment_ref = 'psp' WHERE id = ? AND state = 1");
        SQLite::bind(paid, fills ? 7 : 6, now_, joiner.order);
        one_row(paid);
        SQLite::Statement& spend = sql("INSERT INTO tier_spend(user_id, at, amount, reference) VALUES (?, ?, ?, ?)");
        SQLite::bind(spend, joiner.user, now_, group_price_, "order:" + joiner.order);
        if (shape_.order_detail) spend.exec();
        save_key("pay", joiner.user, "order=" + joiner.order + ";ref=psp;amount=" + std::to_string(group_price_),
                 joiner.order);
        event("order.paid", joiner.order,
              "{\"amount\":" + std::to_string(group_price_) + ",\"currency\":\"CNY\",\"payment_ref\":\"psp\","
              "\"user_id\":\"" + joiner.user + "\"}");
    }

    JoinShape shape_;
    std::string campaign_;
    std::string sku_;
    int64_t list_price_;
    int64_t group_price_;
    int64_t size_;
    int64_t now_ = ManualClock::kStart;
    int64_t next_user_ = 0;
    std::mt19937_64 rng_{20261203};
    SQLite::Database db_;
    std::map<const char*, std::unique_ptr<SQLite::Statement>> statements_;
};

}  // namespace bench

#include "store/groupbuy_store.hpp"

#include "core/error.hpp"

#include <SQLiteCpp/Statement.h>

namespace sc::store {

namespace {

constexpr const char* kGroupColumns =
    "id, campaign_id, leader_user_id, size, state, created_at, opened_at, deadline, ended_at, virtual_members";

CampaignRow campaign_from_row(SQLite::Statement& q) {
    CampaignRow r;
    r.id = q.getColumn(0).getString();
    r.definition = q.getColumn(1).getString();
    if (!q.getColumn(2).isNull()) r.stock_left = q.getColumn(2).getInt64();
    r.reserved = q.getColumn(3).getInt64();
    return r;
}

Group group_from_row(SQLite::Statement& q) {
    Group g;
    g.id = q.getColumn(0).getString();
    g.campaign_id = q.getColumn(1).getString();
    g.leader_user_id = q.getColumn(2).getString();
    g.size = q.getColumn(3).getInt64();
    const auto state = group_state_from_name(q.getColumn(4).getString());
    if (!state) fail(SC_ERR_INTERNAL, "a stored group has an unknown state");
    g.state = *state;
    g.created_at = q.getColumn(5).getInt64();
    g.opened_at = q.getColumn(6).getInt64();
    g.deadline = q.getColumn(7).getInt64();
    g.ended_at = q.getColumn(8).getInt64();
    g.virtual_members = q.getColumn(9).getInt64();
    return g;
}

std::vector<GroupSeat> seats_of_group(Connection& db, const std::string& group_id) {
    SQLite::Statement& q = db.statement("SELECT order_id, user_id, position, quantity, state, reserved_at, paid_at "
                                        "FROM group_seats WHERE group_id = ? ORDER BY position");
    q.bind(1, group_id);
    std::vector<GroupSeat> out;
    while (q.executeStep()) {
        GroupSeat s;
        s.order_id = q.getColumn(0).getString();
        s.user_id = q.getColumn(1).getString();
        s.position = q.getColumn(2).getInt64();
        s.quantity = q.getColumn(3).getInt64();
        const auto state = seat_state_from_name(q.getColumn(4).getString());
        if (!state) fail(SC_ERR_INTERNAL, "a stored seat has an unknown state");
        s.state = *state;
        s.reserved_at = q.getColumn(5).getInt64();
        s.paid_at = q.getColumn(6).getInt64();
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<Group> groups_with_seats(Connection& db, SQLite::Statement& q) {
    std::vector<Group> out;
    while (q.executeStep()) out.push_back(group_from_row(q));
    q.reset();
    for (Group& g : out) g.seats = seats_of_group(db, g.id);
    return out;
}

std::vector<std::string> ids(SQLite::Statement& q) {
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

}  // namespace

std::optional<CampaignRow> find_group_campaign(Connection& db, const std::string& id) {
    SQLite::Statement& q =
        db.statement("SELECT id, definition, stock_left, reserved FROM group_campaigns WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return campaign_from_row(q);
}

std::vector<CampaignRow> group_campaigns(Connection& db) {
    SQLite::Statement& q = db.statement("SELECT id, definition, stock_left, reserved FROM group_campaigns ORDER BY id");
    std::vector<CampaignRow> out;
    while (q.executeStep()) out.push_back(campaign_from_row(q));
    return out;
}

void save_group_campaign(Connection& db, const std::string& id, const std::string& sku_id,
                         const std::string& definition, std::optional<int64_t> stock_left) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO group_campaigns(id, sku_id, definition, stock_left) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(id) DO UPDATE SET sku_id = ?2, definition = ?3, stock_left = ?4");
    q.bind(1, id);
    q.bind(2, sku_id);
    q.bind(3, definition);
    if (stock_left) q.bind(4, *stock_left); else q.bind(4);
    q.exec();
}

void return_campaign_stock(Connection& db, const std::string& campaign_id, int64_t units) {
    SQLite::Statement& q = db.statement(
        "UPDATE group_campaigns SET stock_left = stock_left + ? WHERE id = ? AND stock_left IS NOT NULL");
    q.bind(1, units);
    q.bind(2, campaign_id);
    q.exec();
}

void insert_group(Connection& db, const Group& g) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO groups(id, campaign_id, leader_user_id, size, state, created_at, opened_at, deadline, ended_at, "
        "virtual_members, seats_open, reserved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
    q.bind(1, g.id);
    q.bind(2, g.campaign_id);
    q.bind(3, g.leader_user_id);
    q.bind(4, g.size);
    q.bind(5, group_state_name(g.state));
    q.bind(6, g.created_at);
    q.bind(7, g.opened_at);
    q.bind(8, g.deadline);
    q.bind(9, g.ended_at);
    q.bind(10, g.virtual_members);
    q.bind(11, g.size);
    q.exec();
}

std::optional<Group> find_group(Connection& db, const std::string& group_id) {
    SQLite::Statement& q = db.statement(std::string("SELECT ") + kGroupColumns + " FROM groups WHERE id = ?");
    q.bind(1, group_id);
    if (!q.executeStep()) return std::nullopt;
    Group g = group_from_row(q);
    q.reset();
    g.seats = seats_of_group(db, g.id);
    return g;
}

void save_group(Connection& db, const Group& g) {
    SQLite::Statement& q = db.statement("UPDATE groups SET leader_user_id = ?, state = ?, opened_at = ?, deadline = ?, "
                                        "ended_at = ?, virtual_members = ? WHERE id = ?");
    q.bind(1, g.leader_user_id);
    q.bind(2, group_state_name(g.state));
    q.bind(3, g.opened_at);
    q.bind(4, g.deadline);
    q.bind(5, g.ended_at);
    q.bind(6, g.virtual_members);
    q.bind(7, g.id);
    if (q.exec() != 1) fail(SC_ERR_INTERNAL, "a group to save is not stored");
}

void free_group_seat(Connection& db, const std::string& group_id) {
    SQLite::Statement& q =
        db.statement("UPDATE groups SET seats_open = seats_open + 1 WHERE id = ? AND seats_open < size");
    q.bind(1, group_id);
    if (q.exec() != 1) fail(SC_ERR_INTERNAL, "a group has no paid seat to free");
}

void insert_seat(Connection& db, const std::string& group_id, const std::string& campaign_id, const GroupSeat& s) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO group_seats(order_id, group_id, campaign_id, user_id, position, quantity, state, reserved_at, "
        "paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, s.order_id);
    q.bind(2, group_id);
    q.bind(3, campaign_id);
    q.bind(4, s.user_id);
    q.bind(5, s.position);
    q.bind(6, s.quantity);
    q.bind(7, seat_state_name(s.state));
    q.bind(8, s.reserved_at);
    q.bind(9, s.paid_at);
    q.exec();
}

void save_seat(Connection& db, const GroupSeat& s) {
    SQLite::Statement& q = db.statement("UPDATE group_seats SET state = ?, paid_at = ? WHERE order_id = ?");
    q.bind(1, seat_state_name(s.state));
    q.bind(2, s.paid_at);
    q.bind(3, s.order_id);
    if (q.exec() != 1) fail(SC_ERR_INTERNAL, "a seat to save is not stored");
}

std::optional<std::string> campaign_of_group(Connection& db, const std::string& group_id) {
    SQLite::Statement& q = db.statement("SELECT campaign_id FROM groups WHERE id = ?");
    q.bind(1, group_id);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

std::optional<std::string> group_of_order(Connection& db, const std::string& order_id) {
    SQLite::Statement& q = db.statement("SELECT group_id FROM group_seats WHERE order_id = ?");
    q.bind(1, order_id);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

int64_t next_seat_position(Connection& db, const std::string& group_id) {
    SQLite::Statement& q = db.statement("SELECT COALESCE(MAX(position), 0) + 1 FROM group_seats WHERE group_id = ?");
    q.bind(1, group_id);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

std::vector<Group> open_groups_of_campaign(Connection& db, const std::string& campaign_id, int64_t now) {
    SQLite::Statement& q = db.statement(std::string("SELECT ") + kGroupColumns +
                                        " FROM groups WHERE campaign_id = ? AND state = 'open' AND deadline > ? "
                                        "ORDER BY deadline, id");
    q.bind(1, campaign_id);
    q.bind(2, now);
    return groups_with_seats(db, q);
}

std::vector<std::string> due_group_ids(Connection& db, int64_t now, int64_t limit) {
    SQLite::Statement& q =
        db.statement("SELECT id FROM groups WHERE state = 'open' AND deadline <= ? ORDER BY deadline, id LIMIT ?");
    q.bind(1, now);
    q.bind(2, limit);
    return ids(q);
}

std::vector<std::string> group_ids_of_user(Connection& db, const std::string& user_id, int64_t limit) {
    SQLite::Statement& q = db.statement("SELECT group_id FROM group_seats WHERE user_id = ? "
                                        "GROUP BY group_id ORDER BY MAX(reserved_at) DESC, group_id LIMIT ?");
    q.bind(1, user_id);
    q.bind(2, limit);
    return ids(q);
}

std::vector<Group> groups_of_campaign(Connection& db, const std::string& campaign_id) {
    SQLite::Statement& q = db.statement(std::string("SELECT ") + kGroupColumns +
                                        " FROM groups WHERE campaign_id = ? ORDER BY created_at, id");
    q.bind(1, campaign_id);
    return groups_with_seats(db, q);
}

int64_t campaign_units_sold(Connection& db, const std::string& campaign_id) {
    SQLite::Statement& q = db.statement(
        "SELECT COALESCE(SUM(s.quantity), 0) FROM group_seats s JOIN groups g ON g.id = s.group_id "
        "WHERE s.campaign_id = ? AND s.state = 'paid' AND g.state <> 'failed'");
    q.bind(1, campaign_id);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

int64_t user_campaign_units(Connection& db, const std::string& user_id, const std::string& campaign_id) {
    SQLite::Statement& q = db.statement("SELECT COALESCE(SUM(quantity), 0) FROM group_seats WHERE user_id = ? AND "
                                        "campaign_id = ? AND (state = 'reserved' OR state = 'paid')");
    q.bind(1, user_id);
    q.bind(2, campaign_id);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

std::vector<std::string> lapsed_seat_orders_of_user(Connection& db, const std::string& user_id, int64_t now) {
    SQLite::Statement& q = db.statement(
        "SELECT s.order_id FROM group_seats s JOIN orders o ON o.id = s.order_id WHERE s.user_id = ? AND "
        "s.state = 'reserved' AND o.state = 1 AND o.pay_deadline <= ? ORDER BY o.pay_deadline, o.id");
    q.bind(1, user_id);
    q.bind(2, now);
    return ids(q);
}

std::optional<std::string> live_group_led_by(Connection& db, const std::string& user_id,
                                             const std::string& campaign_id) {
    SQLite::Statement& q = db.statement("SELECT id FROM groups WHERE leader_user_id = ? AND campaign_id = ? AND "
                                        "(state = 'pending' OR state = 'open') LIMIT 1");
    q.bind(1, user_id);
    q.bind(2, campaign_id);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

}  // namespace sc::store

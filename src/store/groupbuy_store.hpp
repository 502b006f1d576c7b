#pragma once
// Group-buy campaigns, groups and their seats (migration 12). A campaign is stored as its
// JSON definition beside its stock counter; a group's seat counter is its own row's
// `seats_open`/`reserved` pair, moved only through store/hold_store.hpp and free_group_seat.
#include "groupbuy/group.hpp"
#include "store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc::store {

struct CampaignRow {
    std::string id;
    std::string definition;             // the campaign's JSON (program/group_buy_json.hpp)
    std::optional<int64_t> stock_left;  // units not yet sold; absent: no stock of its own
    int64_t reserved = 0;               // units held by unpaid orders
};

std::optional<CampaignRow> find_group_campaign(Connection& db, const std::string& id);
std::vector<CampaignRow> group_campaigns(Connection& db);  // by id
void save_group_campaign(Connection& db, const std::string& id, const std::string& sku_id,
                         const std::string& definition, std::optional<int64_t> stock_left);
// Units go back to the campaign's stock (a failed group, a member who left): no-op
// without stock of its own.
void return_campaign_stock(Connection& db, const std::string& campaign_id, int64_t units);

void insert_group(Connection& db, const Group& group);
// The group with its seats by position.
std::optional<Group> find_group(Connection& db, const std::string& group_id);
// State, leader, times and virtual members (the seat counter is not touched).
void save_group(Connection& db, const Group& group);
// A paid seat was freed while the group was open: one more seat to take.
void free_group_seat(Connection& db, const std::string& group_id);

void insert_seat(Connection& db, const std::string& group_id, const std::string& campaign_id, const GroupSeat& seat);
void save_seat(Connection& db, const GroupSeat& seat);
// The group an order holds a seat in, if any.
// The campaign a group belongs to, without reading its seats.
std::optional<std::string> campaign_of_group(Connection& db, const std::string& group_id);
std::optional<std::string> group_of_order(Connection& db, const std::string& order_id);
int64_t next_seat_position(Connection& db, const std::string& group_id);

// Open groups of the campaign whose deadline is after `now`, with their seats.
std::vector<Group> open_groups_of_campaign(Connection& db, const std::string& campaign_id, int64_t now);
// Open groups whose deadline has come at `now`, earliest first.
std::vector<std::string> due_group_ids(Connection& db, int64_t now, int64_t limit);
// Every group the user has or had a seat in, newest seat first.
std::vector<std::string> group_ids_of_user(Connection& db, const std::string& user_id, int64_t limit);
// Groups of the campaign, any state.
std::vector<Group> groups_of_campaign(Connection& db, const std::string& campaign_id);

// Units the campaign has sold and not taken back: paid seats of groups that did not fail.
int64_t campaign_units_sold(Connection& db, const std::string& campaign_id);

// Units of the campaign the user holds in reserved or paid seats.
int64_t user_campaign_units(Connection& db, const std::string& user_id, const std::string& campaign_id);
// Unpaid orders of the user holding a seat whose payment window has passed.
std::vector<std::string> lapsed_seat_orders_of_user(Connection& db, const std::string& user_id, int64_t now);
// A pending or open group of the campaign the user leads.
std::optional<std::string> live_group_led_by(Connection& db, const std::string& user_id,
                                             const std::string& campaign_id);

}  // namespace sc::store

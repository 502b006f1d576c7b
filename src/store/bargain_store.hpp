#pragma once
// Bargain programs, bargains and their helps (migration 14). A program is stored as its
// JSON definition; a bargain's purchase counter is its own row's `buys_left`/`reserved`
// pair, moved only through store/hold_store.hpp.
#include "bargain/bargain.hpp"
#include "store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc::store {

// A new bargain (its helps are inserted one by one with insert_bargain_help).
void insert_bargain(Connection& db, const Bargain& bargain);
// The bargain with its helps in the order they landed.
std::optional<Bargain> find_bargain(Connection& db, const std::string& bargain_id);
// Price, state, end and order (the purchase counter is not touched).
void save_bargain(Connection& db, const Bargain& bargain);
void insert_bargain_help(Connection& db, const std::string& bargain_id, const BargainHelp& help);

// A bargain of the program opened by the user that is open or floor-reached with its
// deadline after `now`.
std::optional<std::string> live_bargain_of(Connection& db, const std::string& user_id,
                                           const std::string& program_id, int64_t now);
// The user's bargains, newest first.
std::vector<std::string> bargain_ids_of_user(Connection& db, const std::string& user_id, int64_t limit);
// Open or floor-reached bargains whose deadline has come at `now`, earliest first.
std::vector<std::string> due_bargain_ids(Connection& db, int64_t now, int64_t limit);
// Every bargain of the program, with its helps, oldest first.
std::vector<Bargain> bargains_of_program(Connection& db, const std::string& program_id);
// The bargain an order holds, if any (through its "bargain" hold).
std::optional<std::string> bargain_of_order(Connection& db, const std::string& order_id);

}  // namespace sc::store

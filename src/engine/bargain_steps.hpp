#pragma once
// Bargain steps shared by the bargain use cases, checkout, payment and the sweep
// (docs/bargain.md). Each runs inside its caller's transaction, or reads only.
#include "bargain/bargain.hpp"
#include "engine/engine.hpp"

#include <string>

namespace sc::steps {

// Saves a program (unchanged: no write, no event). Its SKU must exist and its list price
// leave at least one minor unit per helper above the floor; errors name `<prefix>field`.
void save_bargain_program(Tx& tx, const BargainProgram& program, const std::string& prefix);

BargainProgram require_bargain_program(Connection& db, const std::string& program_id, const std::string& field);

// Loads a bargain with its helps or fails with SC_ERR_NOT_FOUND (field: bargain_id).
Bargain require_bargain(Connection& db, const std::string& bargain_id);

// For a write: the bargain, expired first (event bargain.expired) if its deadline came.
Bargain current_bargain(Tx& tx, const std::string& bargain_id);

// A bargain checkout's line (one unit of the program's SKU) and its bargain price offer,
// for a quote or a checkout. Reads only.
void add_bargain_line(Connection& db, PricingRequest& request, const BargainChoice& choice, bool check_stock);

struct BargainCheckout {
    Bargain bargain;
    int64_t pay_deadline_cap = 0;  // the order's payment window ends by the bargain's deadline
};

// Before the order is stored: only the opener buys, before the deadline, a bargain that is
// not bought nor held by another unpaid order (lapsed holders are settled first).
BargainCheckout prepare_bargain_checkout(Tx& tx, const std::string& user_id, const BargainChoice& choice);

// After the order is stored: the "bargain" hold on the bargain and its event.
void hold_bargain_order(Tx& tx, const BargainCheckout& checkout, const Order& order);

// At payment, after the holds were committed: the order's bargain, if any, is bought.
void pay_bargain(Tx& tx, const Order& order);

// Expires up to `limit` live bargains whose deadline has come; returns how many.
int64_t expire_due_bargains(Tx& tx, int64_t limit);
bool bargains_due(Connection& db, int64_t now);

}  // namespace sc::steps

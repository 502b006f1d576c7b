#include "engine/bargain_steps.hpp"

#include "cart/cart.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "engine/steps.hpp"
#include "program/bargain_json.hpp"
#include "program/strict_json.hpp"
#include "store/bargain_store.hpp"
#include "store/definition_store.hpp"
#include "store/catalog_store.hpp"
#include "store/hold_store.hpp"
#include "store/parsed_by_text.hpp"

namespace sc::steps {

namespace {

void expire(Tx& tx, Bargain& b) {
    b.state = BargainState::expired;
    b.ended_at = b.deadline;
    store::save_bargain(tx.db, b);
    tx.emit(NewEvent{"bargain.expired", b.id,
                     {{"bargain_id", b.id}, {"program_id", b.program_id}, {"user_id", b.user_id},
                      {"price", b.price}, {"helps", b.helps.size()}}});
}

}  // namespace

void save_bargain_program(Tx& tx, const BargainProgram& program, const std::string& prefix) {
    const auto sku = store::find_sku(tx.db, program.sku_id);
    if (!sku) fail(SC_ERR_VALIDATION, prefix + "sku_id: names no SKU", prefix + "sku_id");
    if (!bargain_has_room(program, sku->list_price))
        fail(SC_ERR_VALIDATION,
             prefix + "floor_price: the SKU's list price " + std::to_string(sku->list_price) +
                 " leaves less than one minor unit per helper above the floor",
             prefix + "floor_price");
    const std::string definition = bargain_program_json(program).dump();
    if (store::find_definition(tx.db, store::DefinitionTable::bargain_programs, program.id) == definition) return;
    store::save_definition(tx.db, store::DefinitionTable::bargain_programs, program.id, program.sku_id, definition);
    tx.emit(NewEvent{"bargain_program.put", program.id, nlohmann::json::parse(definition)});
}

BargainProgram require_bargain_program(Connection& db, const std::string& program_id, const std::string& field) {
    const auto definition = store::find_definition(db, store::DefinitionTable::bargain_programs, program_id);
    if (!definition) fail(SC_ERR_NOT_FOUND, "no bargain program " + program_id, field);
    // Read by every open and bargain checkout: parsed once per text, as campaigns are.
    static store::ParsedByText<BargainProgram> parsed;
    return parsed.get(*definition, [](const std::string& text) {
        return parse_bargain_program_json(parse_strict_json(text), "");
    });
}

Bargain require_bargain(Connection& db, const std::string& bargain_id) {
    auto b = store::find_bargain(db, bargain_id);
    if (!b) fail(SC_ERR_NOT_FOUND, "no bargain " + bargain_id, "bargain_id");
    return std::move(*b);
}

Bargain current_bargain(Tx& tx, const std::string& bargain_id) {
    Bargain b = require_bargain(tx.db, bargain_id);
    if (b.live() && tx.now >= b.deadline) expire(tx, b);
    return b;
}

void add_bargain_line(Connection& db, PricingRequest& request, const BargainChoice& choice, bool check_stock) {
    require_id(choice.bargain_id, "bargain_id");
    const Bargain b = require_bargain(db, choice.bargain_id);
    Sku sku = require_sku(db, b.sku_id);
    if (check_stock) check_line_quantity(sku, 1, available_stock(db, sku, request.now));
    // The price when the order is made: later helps do not reprice it (docs/bargain.md).
    request.item_offers.push_back(ItemPriceOffer{sku.id, b.price, ItemPriceKind::bargain, b.id});
    request.lines.push_back(PricingInput{std::move(sku), 1});
}

BargainCheckout prepare_bargain_checkout(Tx& tx, const std::string& user_id, const BargainChoice& choice) {
    require_id(choice.bargain_id, "bargain_id");
    BargainCheckout out;
    out.bargain = current_bargain(tx, choice.bargain_id);
    const Bargain& b = out.bargain;
    if (b.user_id != user_id)
        fail(SC_ERR_INVALID_STATE, "only the shopper who opened bargain " + b.id + " may buy it", "bargain_id");
    if (b.state == BargainState::expired) fail(SC_ERR_EXPIRED, "bargain " + b.id + " has expired", "bargain_id");
    if (b.state == BargainState::bought) fail(SC_ERR_INVALID_STATE, "bargain " + b.id + " is bought", "bargain_id");
    // An unpaid order whose window lapsed lets go of it first; one still in its window keeps it.
    settle_lapsed_holders(tx, "bargain", b.id, 0);
    if (store::reserved_quantity(tx.db, "bargain", b.id) > 0)
        fail(SC_ERR_INVALID_STATE, "an unpaid order already holds bargain " + b.id, "bargain_id");
    out.pay_deadline_cap = b.deadline;
    return out;
}

void hold_bargain_order(Tx& tx, const BargainCheckout& checkout, const Order& order) {
    const Hold hold{new_id("hold"), order.id, "bargain", checkout.bargain.id, 1, HoldState::held, order.pay_deadline};
    place_hold(tx, hold, SC_ERR_INVALID_STATE);
    nlohmann::json payload = hold_payload(hold);
    payload["expires_at"] = hold.expires_at;
    tx.emit(NewEvent{"hold.placed", order.id, std::move(payload)});
}

void pay_bargain(Tx& tx, const Order& order) {
    const auto bargain_id = store::bargain_of_order(tx.db, order.id);
    if (!bargain_id) return;
    Bargain b = current_bargain(tx, *bargain_id);
    // The order's window ends by the deadline, so a payable order finds its bargain live.
    if (!b.live()) fail(SC_ERR_INVALID_STATE, std::string("the order's bargain is ") + bargain_state_name(b.state),
                        "order_id");
    b.state = BargainState::bought;
    b.ended_at = tx.now;
    b.order_id = order.id;
    store::save_bargain(tx.db, b);
    tx.emit(NewEvent{"bargain.bought", b.id,
                     {{"bargain_id", b.id}, {"program_id", b.program_id}, {"user_id", b.user_id},
                      {"order_id", order.id}, {"price", b.price}, {"helps", b.helps.size()}}});
}

int64_t expire_due_bargains(Tx& tx, int64_t limit) {
    if (limit <= 0) return 0;
    const auto ids = store::due_bargain_ids(tx.db, tx.now, limit);
    for (const auto& id : ids) current_bargain(tx, id);
    return static_cast<int64_t>(ids.size());
}

bool bargains_due(Connection& db, int64_t now) { return !store::due_bargain_ids(db, now, 1).empty(); }

}  // namespace sc::steps

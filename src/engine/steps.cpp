#include "engine/steps.hpp"

#include "engine/flashsale_steps.hpp"
#include "engine/bargain_steps.hpp"
#include "engine/groupbuy_steps.hpp"

#include "core/error.hpp"
#include "engine/points_steps.hpp"
#include "engine/tier_steps.hpp"
#include "store/cart_store.hpp"
#include "store/catalog_store.hpp"
#include "store/coupon_store.hpp"
#include "store/promotion_store.hpp"
#include "store/hold_store.hpp"
#include "store/idempotency_store.hpp"
#include "store/order_store.hpp"
#include "tiers/tier_benefits.hpp"

#include <map>

namespace sc::steps {

namespace {

// Lapsed orders settled per round when clearing one resource.
constexpr int64_t kHolderPage = 16;

}  // namespace

namespace {

nlohmann::json coupon_payload(const store::StoredCoupon& c, const std::string& order_id) {
    return {{"code", c.coupon.code}, {"template_id", c.coupon.template_id}, {"user_id", c.coupon.owner_user_id},
            {"order_id", order_id}};
}

store::StoredCoupon require_coupon(Connection& db, const std::string& code) {
    auto c = store::find_coupon(db, code);
    if (!c) fail(SC_ERR_INTERNAL, "a coupon hold names no coupon");
    return std::move(*c);
}

}  // namespace

nlohmann::json hold_payload(const Hold& hold) {
    return {{"hold_id", hold.id}, {"kind", hold.kind}, {"resource", hold.resource}, {"quantity", hold.quantity}};
}

void cancel_order(Tx& tx, Order& order, sc_cancel_reason_t reason) {
    for (const Hold& hold : store::holds_of_order(tx.db, order.id)) {
        if (hold.state != HoldState::held) continue;
        if (!store::resolve_hold(tx.db, hold, HoldState::released)) continue;
        tx.emit(NewEvent{"hold.released", order.id, hold_payload(hold)});
        if (hold.kind == "coupon") {
            const store::StoredCoupon c = require_coupon(tx.db, hold.resource);
            if (!store::mark_coupon_released(tx.db, hold.resource))
                fail(SC_ERR_INTERNAL, "a released coupon hold found its coupon not held");
            tx.emit(NewEvent{"coupon.released", hold.resource, coupon_payload(c, order.id)});
        }
        if (hold.kind == "points") release_order_points(tx, order);
        if (hold.kind == "group_seat") release_group_seat(tx, order);
    }
    order.state = SC_ORDER_CANCELLED;
    order.cancel_reason = reason;
    store::save_order_state(tx.db, order);
    if (reason == SC_CANCEL_PAYMENT_LAPSED) ++tx.settled;
    tx.emit(NewEvent{"order.cancelled", order.id,
                     {{"user_id", order.user_id},
                      {"reason", reason == SC_CANCEL_PAYMENT_LAPSED ? "payment_lapsed" : "requested"}}});
}

void commit_order_holds(Tx& tx, const Order& order) {
    for (const Hold& hold : store::holds_of_order(tx.db, order.id)) {
        require_unresolved(hold);
        // Committing takes the units out of the resource's capacity: for stock, they
        // leave the warehouse now; they were reserved, so they are there.
        store::resolve_hold(tx.db, hold, HoldState::committed);
        tx.emit(NewEvent{"hold.committed", order.id, hold_payload(hold)});
        if (hold.kind == "coupon") {
            // Usage is counted when the order is paid (FEATURES §4), not at checkout.
            const store::StoredCoupon c = require_coupon(tx.db, hold.resource);
            if (!store::mark_coupon_used(tx.db, hold.resource))
                fail(SC_ERR_INTERNAL, "a committed coupon hold found its coupon not held");
            store::count_template_use(tx.db, c.coupon.template_id, c.discount);
            nlohmann::json payload = coupon_payload(c, order.id);
            payload["amount"] = c.discount;
            tx.emit(NewEvent{"coupon.used", hold.resource, std::move(payload)});
        }
    }
}

void place_hold(Tx& tx, const Hold& hold, sc_status_t code, const std::string& refusal) {
    while (!store::place_hold(tx.db, hold)) {
        // Each order settled here frees at least one unit, so this settles at most
        // as many orders as the hold wants units.
        const auto holders = store::orders_with_lapsed_holds(tx.db, hold.kind, hold.resource, tx.now, 1);
        if (holders.empty())
            fail(code, refusal.empty() ? "not enough left of " + hold.resource : refusal, "quantity");
        Order lapsed = require_order(tx.db, holders.front());
        cancel_order(tx, lapsed, SC_CANCEL_PAYMENT_LAPSED);
    }
}

int64_t settle_lapsed_holders(Tx& tx, const std::string& kind, const std::string& resource, int64_t limit) {
    int64_t settled = 0;
    while (store::reserved_quantity(tx.db, kind, resource) > limit) {
        const auto holders = store::orders_with_lapsed_holds(tx.db, kind, resource, tx.now, kHolderPage);
        if (holders.empty()) break;
        for (const auto& id : holders) {
            Order lapsed = require_order(tx.db, id);
            cancel_order(tx, lapsed, SC_CANCEL_PAYMENT_LAPSED);
            ++settled;
        }
    }
    return settled;
}

int64_t settle_lapsed_orders(Tx& tx, int64_t limit) {
    if (limit <= 0) return 0;
    const auto ids = store::lapsed_order_ids(tx.db, tx.now, limit);
    for (const auto& id : ids) {
        Order order = require_order(tx.db, id);
        cancel_order(tx, order, SC_CANCEL_PAYMENT_LAPSED);
    }
    return static_cast<int64_t>(ids.size());
}

std::optional<std::string> replayed(Tx& tx, const char* scope, const std::string& key, const std::string& request) {
    auto seen = store::find_idempotency(tx.db, scope, key);
    if (!seen) return std::nullopt;
    if (seen->request != request)
        fail(SC_ERR_IDEMPOTENCY_CONFLICT,
             std::string("idempotency key already used for a different ") + scope + " request", "idempotency_key");
    return seen->result_id;
}

Order require_order(Connection& db, const std::string& order_id) {
    auto order = store::find_order(db, order_id);
    if (!order) fail(SC_ERR_NOT_FOUND, "no order " + order_id, "order_id");
    return std::move(*order);
}

Order require_current_order(Tx& tx, const std::string& order_id) {
    Order order = require_order(tx.db, order_id);
    if (payment_lapsed(order, tx.now)) cancel_order(tx, order, SC_CANCEL_PAYMENT_LAPSED);
    return order;
}

Sku require_sku(Connection& db, const std::string& sku_id) {
    auto sku = store::find_sku(db, sku_id);
    if (!sku) fail(SC_ERR_NOT_FOUND, "no SKU " + sku_id, "sku_id");
    return std::move(*sku);
}

int64_t available_stock(Connection& db, const Sku& sku, int64_t now) {
    if (!sku.stock_on_hand) return 0;
    const int64_t reserved = store::reserved_quantity(db, "stock", sku.id);
    const int64_t lapsed = reserved > 0 ? store::lapsed_held_quantity(db, "stock", sku.id, now) : 0;
    return stock_available(sku, reserved - lapsed);
}

std::string catalog_currency(Connection& db) { return store::catalog_currency(db).value_or(""); }

void require_one_context(const CheckoutRequest& request) {
    const int contexts = (request.group.mode != GroupChoice::Mode::none ? 1 : 0) +
                         (request.flash.sale_id.empty() ? 0 : 1) + (request.bargain.bargain_id.empty() ? 0 : 1);
    if (contexts > 1)
        fail(SC_ERR_INVALID_ARGUMENT, "a checkout buys the cart, a group, a flash sale or a bargain: one at a time",
             "request");
}

PricingRequest pricing_request(Connection& db, const std::string& user_id, int64_t now, const CheckoutRequest& checkout,
                               bool check_stock) {
    const CouponChoice& choice = checkout.coupons;
    PricingRequest request;
    request.points = points_terms(db, user_id, now, checkout.points);
    const ShippingMethod shipping = checkout.shipping;
    request.shipping = shipping;
    request.currency = catalog_currency(db);
    request.now = now;
    request.choice = choice;
    require_one_context(checkout);
    if (checkout.group.mode != GroupChoice::Mode::none) {
        // A group checkout buys the campaign's SKU at the group price; the cart stays as it is.
        add_group_line(db, request, checkout.group, check_stock);
    } else if (!checkout.flash.sale_id.empty()) {
        // So does a flash-sale checkout, at the sale price.
        add_flash_line(db, request, checkout.flash, check_stock);
    } else if (!checkout.bargain.bargain_id.empty()) {
        // So does a bargain checkout, one unit at the bargain's price.
        add_bargain_line(db, request, checkout.bargain, check_stock);
    } else {
        auto skus = store::skus_in_cart(db, user_id);
        for (const auto& line : store::cart_lines(db, user_id)) {
            if (!line.selected) continue;
            auto found = skus.find(line.sku_id);
            if (found == skus.end()) fail(SC_ERR_NOT_FOUND, "no SKU " + line.sku_id, "sku_id");
            Sku sku = std::move(found->second);
            if (check_stock) check_line_quantity(sku, line.quantity, available_stock(db, sku, now));
            request.lines.push_back(PricingInput{std::move(sku), line.quantity});
        }
    }
    request.promotions = store::unexpired_promotions(db, now);
    request.shipping_rules = store::all_shipping_rules(db);
    if (const std::optional<Tier> tier = member_tier(db, user_id, now)) {
        // The member's benefits (docs/tiers.md): an offer at step 2, the multiplier on the
        // points the order earns, and the lower of the merchant's and the tier's threshold.
        for (const PricingInput& line : request.lines)
            if (auto offer = member_price_offer(*tier, line.sku)) request.item_offers.push_back(std::move(*offer));
        request.points.multiplier_bps = tier->benefits.points_multiplier_bps;
        for (ShippingRule& rule : request.shipping_rules)
            rule.free_over = member_free_shipping_over(rule.free_over, tier->benefits);
    }
    std::map<std::string, CouponTemplate> terms;
    for (auto& stored : store::usable_coupons_of_user(db, user_id, now)) {
        CouponInstance coupon = std::move(stored.coupon);
        if (coupon.state == CouponState::held && stored.hold_expires_at <= now) {
            coupon.state = CouponState::available;  // its order's window has passed
            coupon.hold_order_id.reset();
        }
        auto it = terms.find(coupon.template_id);
        if (it == terms.end()) {
            auto t = store::find_coupon_template(db, coupon.template_id);
            if (!t) fail(SC_ERR_INTERNAL, "a coupon has no template");
            it = terms.emplace(coupon.template_id, std::move(t->terms)).first;
        }
        request.coupons.push_back(HeldCoupon{std::move(coupon), it->second});
    }
    return request;
}

void settle_lapsed_coupon_holders(Tx& tx, const std::string& user_id) {
    for (const auto& id : store::lapsed_coupon_holders(tx.db, user_id, tx.now)) {
        Order order = require_order(tx.db, id);
        if (order.state == SC_ORDER_CREATED) cancel_order(tx, order, SC_CANCEL_PAYMENT_LAPSED);
    }
}

std::string checkout_request_text(const CheckoutRequest& request) {
    const CouponChoice& choice = request.coupons;
    // Delivery and no points add nothing, so keys recorded before they existed still match.
    std::string method =
        (request.shipping == ShippingMethod::pickup ? ";shipping=pickup" : "") + points_use_text(request.points);
    // Ids length-prefixed, as codes are below.
    const GroupChoice& group = request.group;
    if (group.mode == GroupChoice::Mode::open)
        method += ";group=open:" + std::to_string(group.campaign_id.size()) + "=" + group.campaign_id + ":" +
                  std::to_string(group.quantity);
    if (group.mode == GroupChoice::Mode::join)
        method += ";group=join:" + std::to_string(group.group_id.size()) + "=" + group.group_id + ":" +
                  std::to_string(group.quantity);
    const FlashChoice& flash = request.flash;
    if (!flash.sale_id.empty())
        method += ";flash=" + std::to_string(flash.sale_id.size()) + "=" + flash.sale_id + ":" +
                  std::to_string(flash.slot_starts_at) + ":" + std::to_string(flash.quantity);
    // Only when set, so keys recorded before bargains existed still match.
    const std::string& bargain = request.bargain.bargain_id;
    if (!bargain.empty()) method += ";bargain=" + std::to_string(bargain.size()) + "=" + bargain;
    switch (choice.mode) {
        case CouponChoice::Mode::none: return method;
        case CouponChoice::Mode::best: return ";coupons=best" + method;
        case CouponChoice::Mode::explicit_codes: {
            // Length-prefixed, so no code can imitate a separator.
            std::string text = ";coupons=codes";
            for (const auto& code : choice.codes) text += ":" + std::to_string(code.size()) + "=" + code;
            return text + method;
        }
    }
    return "";
}

void return_order_coupons(Tx& tx, const Order& order) {
    for (const auto& applied : order.coupons) {
        auto c = store::find_coupon(tx.db, applied.code);
        if (!c || c->coupon.state != CouponState::used || c->order_id != order.id) continue;
        if (tx.now >= c->coupon.valid_until) continue;  // past its validity: stays used
        if (!store::mark_coupon_returned(tx.db, applied.code)) continue;
        store::count_template_return(tx.db, c->coupon.template_id, c->discount);
        nlohmann::json payload = coupon_payload(*c, order.id);
        payload["amount"] = c->discount;
        tx.emit(NewEvent{"coupon.returned", applied.code, std::move(payload)});
    }
}

}  // namespace sc::steps

// Order use cases (FEATURES §10): checkout with holds, pay, cancel, refunds.
#include "core/checked.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "engine/attribution_steps.hpp"
#include "engine/flashsale_steps.hpp"
#include "engine/bargain_steps.hpp"
#include "engine/groupbuy_steps.hpp"
#include "engine/engine.hpp"
#include "engine/points_steps.hpp"
#include "engine/tier_steps.hpp"
#include "engine/steps.hpp"
#include "store/cart_store.hpp"
#include "store/coupon_store.hpp"
#include "store/idempotency_store.hpp"
#include "store/order_store.hpp"

namespace sc {

namespace {

using steps::replayed;

Order order_from_quote(const Quote& quote, const CheckoutRequest& request, const std::string& user_id, int64_t now,
                       int64_t window) {
    Order order;
    order.shipping_method = request.shipping;
    order.id = new_id("ord");
    order.user_id = user_id;
    order.currency = quote.currency;
    order.subtotal = quote.subtotal;
    order.discount = quote.discount;
    order.shipping = quote.shipping;
    order.total = quote.payable;
    order.created_at = now;
    order.pay_deadline = checked_add(now, window, "payment deadline");
    for (const auto& q : quote.lines)
        order.lines.push_back(
            OrderLine{q.sku_id, q.title, q.merchant_id, q.quantity, q.unit_price, q.base, q.net, 0, 0, q.adjustments});
    order.merchants = quote.merchants;
    order.promotions = quote.promotions;
    order.coupons = quote.coupons;
    order.points_used = quote.points_used;
    order.points_amount = quote.points_amount;
    return order;
}

}  // namespace

Order Engine::checkout(const std::string& user_id, const std::string& idempotency_key) {
    return checkout(user_id, CheckoutRequest{}, idempotency_key);
}

Order Engine::checkout(const std::string& user_id, const CheckoutRequest& checkout_request,
                       const std::string& idempotency_key) {
    require_id(user_id, "user_id");
    require_id(idempotency_key, "idempotency_key");
    steps::require_one_context(checkout_request);
    Order result;
    write([&](Tx& tx) {
        // The request is part of the key's record: other coupons under the same key conflict.
        const std::string request = "user=" + user_id + steps::checkout_request_text(checkout_request);
        if (auto first = replayed(tx, "checkout", idempotency_key, request)) {
            result = as_of(steps::require_order(tx.db, *first), tx.now);
            return;
        }
        // Coupons held by this shopper's lapsed orders are theirs to use again.
        steps::settle_lapsed_coupon_holders(tx, user_id);
        // So are points held by them.
        steps::settle_lapsed_holders(tx, "points", user_id, 0);
        const bool grouped = checkout_request.group.mode != GroupChoice::Mode::none;
        std::optional<steps::GroupCheckout> group;
        if (grouped) group = steps::prepare_group_checkout(tx, user_id, checkout_request.group);
        if (tx.refusal) return;
        std::optional<steps::FlashCheckout> flash;
        if (!checkout_request.flash.sale_id.empty())
            flash = steps::prepare_flash_checkout(tx, user_id, checkout_request.flash);
        const bool bargained = !checkout_request.bargain.bargain_id.empty();
        std::optional<steps::BargainCheckout> bargain;
        if (bargained) bargain = steps::prepare_bargain_checkout(tx, user_id, checkout_request.bargain);
        const PricingRequest pricing = steps::pricing_request(tx.db, user_id, tx.now, checkout_request, true);
        const std::vector<PricingInput>& inputs = pricing.lines;
        if (inputs.empty()) fail(SC_ERR_CART_EMPTY, "the cart has no selected line", "user_id");

        // Re-price now: the quote the shopper saw may be stale.
        Order order = order_from_quote(price(pricing), checkout_request, user_id, tx.now, config_.payment_window_ms);
        // A seat is paid for before its group (or a group's first seat before its campaign) ends.
        if (group) order.pay_deadline = std::min(order.pay_deadline, group->pay_deadline_cap);
        // A bargain is bought before it expires; the order keeps the price it was made at.
        if (bargain) order.pay_deadline = std::min(order.pay_deadline, bargain->pay_deadline_cap);
        store::insert_order(tx.db, order);
        steps::hold_order_points(tx, order);
        steps::note_referral_checkout(tx, order);
        tx.emit(NewEvent{"order.created", order.id,
                         {{"user_id", user_id}, {"total", order.total}, {"currency", order.currency},
                          {"lines", order.lines.size()}, {"pay_deadline", order.pay_deadline}}});
        for (const auto& in : inputs) {
            if (!in.sku.stock_on_hand) continue;
            Hold hold{new_id("hold"), order.id, "stock", in.sku.id, in.quantity, HoldState::held, order.pay_deadline};
            steps::place_hold(tx, hold, SC_ERR_OUT_OF_STOCK);
            nlohmann::json payload = steps::hold_payload(hold);
            payload["expires_at"] = hold.expires_at;
            tx.emit(NewEvent{"hold.placed", order.id, std::move(payload)});
        }
        for (const auto& applied : order.coupons) {
            // Each coupon applied is held by this order, through the same holds as stock.
            Hold hold{new_id("hold"), order.id, "coupon", applied.code, 1, HoldState::held, order.pay_deadline};
            steps::place_hold(tx, hold, SC_ERR_INVALID_STATE);
            if (!store::mark_coupon_held(tx.db, applied.code, order.id, order.pay_deadline, applied.amount))
                fail(SC_ERR_INVALID_STATE, "coupon " + applied.code + " is no longer available", "coupons");
            nlohmann::json payload = steps::hold_payload(hold);
            payload["expires_at"] = hold.expires_at;
            tx.emit(NewEvent{"hold.placed", order.id, std::move(payload)});
            tx.emit(NewEvent{"coupon.held", applied.code,
                             {{"code", applied.code}, {"template_id", applied.template_id}, {"user_id", user_id},
                              {"order_id", order.id}, {"amount", applied.amount}}});
        }
        if (group) steps::seat_group_order(tx, *group, order, checkout_request.group.quantity);
        if (flash) steps::hold_flash_stock(tx, *flash, order, checkout_request.flash.quantity);
        if (bargain) steps::hold_bargain_order(tx, *bargain, order);
        if (!grouped && !flash && !bargained)
            for (const auto& in : inputs) store::delete_cart_line(tx.db, user_id, in.sku.id);
        store::save_idempotency(tx.db, "checkout", idempotency_key, {request, order.id}, tx.now);
        result = std::move(order);
    });
    return result;
}

Order Engine::order(const std::string& order_id) {
    require_id(order_id, "order_id");
    Order result;
    read([&](Connection& db, int64_t now) {
        result = steps::group_order_as_of(db, as_of(steps::require_order(db, order_id), now), now);
    });
    return result;
}

Order Engine::pay(const std::string& order_id, const std::string& payment_ref, int64_t amount,
                  const std::string& idempotency_key) {
    require_id(order_id, "order_id");
    require_id(payment_ref, "payment_ref");
    require_id(idempotency_key, "idempotency_key");
    Order result;
    write([&](Tx& tx) {
        const std::string request =
            "order=" + order_id + ";ref=" + payment_ref + ";amount=" + std::to_string(amount);
        if (auto first = replayed(tx, "pay", idempotency_key, request)) {
            result = as_of(steps::require_order(tx.db, *first), tx.now);
            return;
        }
        Order order = steps::require_current_order(tx, order_id);
        require_payable(order, amount, tx.now);
        steps::commit_order_holds(tx, order);
        order.state = SC_ORDER_PAID;
        order.paid_at = tx.now;
        order.payment_ref = payment_ref;
        steps::pay_group_seat(tx, order);
        steps::pay_flash_order(tx, order);
        steps::pay_bargain(tx, order);
        store::save_order_state(tx.db, order);
        const std::optional<Tier> tier = steps::current_tier(tx, order.user_id);
        steps::settle_order_points(tx, order, tier ? tier->benefits.points_multiplier_bps : 10000);
        steps::tier_payment(tx, order);
        steps::attribute_paid_order(tx, order);
        store::save_idempotency(tx.db, "pay", idempotency_key, {request, order.id}, tx.now);
        tx.emit(NewEvent{"order.paid", order.id,
                         {{"user_id", order.user_id}, {"amount", amount}, {"currency", order.currency},
                          {"payment_ref", payment_ref}}});
        for (const auto& p : order.promotions)
            tx.emit(NewEvent{"promotion.applied", p.id,
                             {{"promotion_id", p.id}, {"order_id", order.id}, {"user_id", order.user_id},
                              {"amount", p.amount}}});
        result = std::move(order);
    });
    return result;
}

Order Engine::cancel(const std::string& order_id) {
    require_id(order_id, "order_id");
    Order result;
    write([&](Tx& tx) {
        Order order = steps::require_current_order(tx, order_id);
        require_cancellable(order);
        if (order.state != SC_ORDER_CANCELLED) steps::cancel_order(tx, order, SC_CANCEL_REQUESTED);
        result = std::move(order);
    });
    return result;
}

Order Engine::refund_line(const std::string& order_id, size_t line_index, int64_t quantity,
                          const std::string& idempotency_key) {
    const std::string request =
        "line;order=" + order_id + ";line=" + std::to_string(line_index) + ";quantity=" + std::to_string(quantity);
    return refund(order_id, idempotency_key, request,
                  [&](const Order& order) { return plan_line_refund(order, line_index, quantity); });
}

Order Engine::refund_amount(const std::string& order_id, int64_t amount, const std::string& idempotency_key) {
    const std::string request = "amount;order=" + order_id + ";amount=" + std::to_string(amount);
    return refund(order_id, idempotency_key, request,
                  [&](const Order& order) { return plan_amount_refund(order, amount); });
}

Order Engine::refund(const std::string& order_id, const std::string& idempotency_key, const std::string& request,
                     const std::function<RefundPlan(const Order&)>& plan_for) {
    require_id(order_id, "order_id");
    require_id(idempotency_key, "idempotency_key");
    Order result;
    write([&](Tx& tx) {
        if (replayed(tx, "refund", idempotency_key, request)) {
            result = as_of(steps::require_order(tx.db, order_id), tx.now);
            return;
        }
        steps::settle_group_of_order(tx, order_id);  // a failed group's order is refunded as failed
        Order order = steps::require_current_order(tx, order_id);
        const RefundPlan plan = plan_for(order);
        const Refund refund{new_id("rfd"), tx.now, plan.amount, plan.parts};
        store::insert_refund(tx.db, order.id, refund, plan);
        const Order before = order;
        apply_refund(order, plan, refund.id, tx.now);
        store::save_order_state(tx.db, order);
        steps::current_tier(tx, order.user_id);
        steps::refund_order_points(tx, before, order, refund.id);
        steps::tier_refund(tx, order, refund.amount, refund.id);
        steps::claw_back_rewards(tx, before, order, refund.id);
        steps::refund_group_seat(tx, order);
        store::save_idempotency(tx.db, "refund", idempotency_key, {request, refund.id}, tx.now);
        nlohmann::json lines = nlohmann::json::array();
        for (const auto& part : plan.parts)
            lines.push_back({{"line_index", part.line_index}, {"quantity", part.quantity}, {"amount", part.amount}});
        tx.emit(NewEvent{"order.refunded", order.id,
                         {{"refund_id", refund.id}, {"amount", refund.amount}, {"refunded_total", order.refunded()},
                          {"state", order_state_name(order.state)}, {"lines", std::move(lines)}}});
        if (order.state == SC_ORDER_REFUNDED && config_.return_coupons_on_full_refund)
            steps::return_order_coupons(tx, order);
        result = std::move(order);
    });
    return result;
}

}  // namespace sc

#pragma once
// Orders (FEATURES §10): the snapshot taken at checkout, the state machine, and the
// refund arithmetic. Plain values, no storage.
#include <socialcart/socialcart.h>

#include "pricing/quote.hpp"
#include "pricing/shipping.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

struct OrderLine {
    std::string sku_id;
    std::string title;
    std::string merchant_id;
    int64_t quantity = 0;
    int64_t unit_price = 0;
    int64_t base = 0;
    int64_t net = 0;  // what the line paid: the bound of its refunds
    int64_t refunded_quantity = 0;
    int64_t refunded_amount = 0;
    // The reductions the line got at checkout (item prices, promotions, coupons), in the
    // order applied: base - Σ amount == net.
    std::vector<Adjustment> adjustments = {};
};

// What one refund takes from each line.
struct RefundPart {
    size_t line_index = 0;
    int64_t quantity = 0;
    int64_t amount = 0;
};

struct Refund {
    std::string id;
    int64_t created_at = 0;
    int64_t amount = 0;
    std::vector<RefundPart> parts = {};  // its split over the lines, by line index
};

struct Order {
    std::string id;
    std::string user_id;
    sc_order_state_t state = SC_ORDER_CREATED;
    sc_cancel_reason_t cancel_reason = SC_CANCEL_NONE;
    std::string currency;
    int64_t subtotal = 0;
    int64_t total = 0;
    int64_t created_at = 0;
    int64_t pay_deadline = 0;
    int64_t paid_at = 0;
    std::optional<std::string> payment_ref;
    std::vector<OrderLine> lines;
    std::vector<Refund> refunds;
    // The pricing snapshot taken at checkout (docs/pricing.md): total = subtotal -
    // discount + shipping. Refunds are bounded by the lines' nets; shipping is not refunded.
    int64_t discount = 0;
    int64_t shipping = 0;
    ShippingMethod shipping_method = ShippingMethod::delivery;
    std::vector<QuoteMerchant> merchants;
    std::vector<AppliedPromotion> promotions;
    std::vector<AppliedCoupon> coupons;
    // Points (docs/points.md): the points that paid `points_amount` of the goods, their
    // hold in the member's ledger at checkout and the commit that spent them at payment;
    // the points the payment earned and their lot. Ledger ids are entry seqs, 0 for none.
    int64_t points_used = 0;
    int64_t points_amount = 0;
    uint64_t points_hold = 0;
    uint64_t points_spend = 0;
    int64_t points_earned = 0;
    uint64_t points_lot = 0;

    int64_t refunded() const;
    // What the goods came to: the total less shipping, the bound of every refund.
    int64_t goods_total() const { return total - shipping; }
};

// Of amounts shared out over the order's lines (points earned or spent, referral rewards;
// one share per line), the part the order's refunds so far have taken: each line's share
// in proportion to its refunded amount, or to its refunded quantity for a line money did
// not pay for (points paid it all); every share once the order is fully refunded. Rounds
// down, so successive refunds never take more than the whole.
int64_t refunded_portion(const Order& order, const std::vector<int64_t>& shares);

// Stable names ("partially_refunded"); "unknown" outside the enum.
const char* order_state_name(sc_order_state_t state) noexcept;

// Paid at some point: paid, a group-buy state after payment, or (partially) refunded.
bool order_paid(sc_order_state_t state) noexcept;

// An unpaid order whose payment window has passed at `now`.
bool payment_lapsed(const Order& order, int64_t now);

// The order as a read at `now` sees it: an unpaid order whose payment window has passed
// is cancelled (payment lapsed) whether or not a write has settled it yet.
Order as_of(Order order, int64_t now);

// Throws unless the order can be paid with `amount` at `now`.
void require_payable(const Order& order, int64_t amount, int64_t now);

// Throws for a paid order; a cancelled one may be "cancelled" again (a no-op).
void require_cancellable(const Order& order);


struct RefundPlan {
    std::vector<RefundPart> parts;
    int64_t amount = 0;
};

// Refund `quantity` units of a line: the amount is the units' share of the line's net,
// computed cumulatively (floor(net × units_refunded / quantity)) so that refunding
// every unit, in any steps, returns exactly the net.
RefundPlan plan_line_refund(const Order& order, size_t line_index, int64_t quantity);

// Refund an amount, spread over the lines in proportion to what each has left
// (largest remainder).
RefundPlan plan_amount_refund(const Order& order, int64_t amount);

// Applies a plan and moves the order to partially refunded or refunded.
void apply_refund(Order& order, const RefundPlan& plan, const std::string& refund_id, int64_t now);

}  // namespace sc

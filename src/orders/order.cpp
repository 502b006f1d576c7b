#include "orders/order.hpp"

#include "core/allocation.hpp"
#include "core/checked.hpp"
#include "core/wide.hpp"
#include "core/error.hpp"

namespace sc {

int64_t Order::refunded() const {
    int64_t sum = 0;
    for (const auto& r : refunds) sum = checked_add(sum, r.amount);
    return sum;
}

namespace {

int64_t refunded_share(int64_t share, int64_t refunded, int64_t whole) {
    if (share == 0 || whole == 0) return 0;
    return mul_div(share, refunded, whole, "refunded share").quotient;
}

}  // namespace

int64_t refunded_portion(const Order& order, const std::vector<int64_t>& shares) {
    if (shares.size() != order.lines.size()) fail(SC_ERR_INTERNAL, "shares do not match the order's lines");
    int64_t total = 0;
    for (size_t i = 0; i < order.lines.size(); ++i) {
        const OrderLine& line = order.lines[i];
        const int64_t part =
            order.state == SC_ORDER_REFUNDED ? shares[i]
            : line.net > 0 ? refunded_share(shares[i], line.refunded_amount, line.net)
                           : refunded_share(shares[i], line.refunded_quantity, line.quantity);
        total = checked_add(total, part, "refunded share");
    }
    return total;
}

const char* order_state_name(sc_order_state_t state) noexcept {
    switch (state) {
        case SC_ORDER_CREATED: return "created";
        case SC_ORDER_PAID: return "paid";
        case SC_ORDER_PARTIALLY_REFUNDED: return "partially_refunded";
        case SC_ORDER_AWAITING_GROUP: return "awaiting_group";
        case SC_ORDER_GROUP_CONFIRMED: return "group_confirmed";
        case SC_ORDER_GROUP_FAILED: return "group_failed";
        case SC_ORDER_REFUNDED: return "refunded";
        case SC_ORDER_CANCELLED: return "cancelled";
    }
    return "unknown";
}

bool order_paid(sc_order_state_t state) noexcept {
    return state != SC_ORDER_CREATED && state != SC_ORDER_CANCELLED && state >= SC_ORDER_CREATED &&
           state <= SC_ORDER_GROUP_FAILED;
}

bool payment_lapsed(const Order& order, int64_t now) {
    return order.state == SC_ORDER_CREATED && now >= order.pay_deadline;
}

Order as_of(Order order, int64_t now) {
    if (payment_lapsed(order, now)) {
        order.state = SC_ORDER_CANCELLED;
        order.cancel_reason = SC_CANCEL_PAYMENT_LAPSED;
    }
    return order;
}

void require_payable(const Order& order, int64_t amount, int64_t now) {
    if (order.state == SC_ORDER_CANCELLED && order.cancel_reason == SC_CANCEL_PAYMENT_LAPSED)
        fail(SC_ERR_EXPIRED, "the payment window of order " + order.id + " has lapsed");
    if (order.state != SC_ORDER_CREATED)
        fail(SC_ERR_INVALID_STATE, std::string("order ") + order.id + " is " +
                                       order_state_name(order.state) + ", not awaiting payment");
    if (payment_lapsed(order, now))
        fail(SC_ERR_EXPIRED, "the payment window of order " + order.id + " has lapsed");
    if (amount != order.total)
        fail(SC_ERR_AMOUNT_MISMATCH,
             "amount " + std::to_string(amount) + " differs from the order total " + std::to_string(order.total),
             "amount_minor");
}

void require_cancellable(const Order& order) {
    if (order.state != SC_ORDER_CREATED && order.state != SC_ORDER_CANCELLED)
        fail(SC_ERR_INVALID_STATE, std::string("order ") + order.id + " is " +
                                       order_state_name(order.state) + " and cannot be cancelled");
}

static void require_refundable(const Order& order) {
    if (order.state == SC_ORDER_REFUNDED)
        fail(SC_ERR_REFUND_EXCEEDS_PAID, "order " + order.id + " is already fully refunded");
    if (!order_paid(order.state) || order.state == SC_ORDER_REFUNDED)
        fail(SC_ERR_INVALID_STATE, std::string("order ") + order.id + " is " +
                                       order_state_name(order.state) + "; only paid orders are refunded");
}

static int64_t units_share(int64_t net, int64_t quantity, int64_t units) {
    return mul_div(net, units, quantity, "refund share").quotient;
}

RefundPlan plan_line_refund(const Order& order, size_t line_index, int64_t quantity) {
    require_refundable(order);
    if (line_index >= order.lines.size())
        fail(SC_ERR_INVALID_ARGUMENT, "order " + order.id + " has no line " + std::to_string(line_index),
             "line_index");
    if (quantity < 1) fail(SC_ERR_INVALID_ARGUMENT, "quantity must be at least 1", "quantity");
    const OrderLine& line = order.lines[line_index];
    const int64_t units_left = line.quantity - line.refunded_quantity;
    if (quantity > units_left)
        fail(SC_ERR_REFUND_EXCEEDS_PAID,
             "only " + std::to_string(units_left) + " unit(s) of line " + std::to_string(line_index) + " are left to refund",
             "quantity");
    // A refund of nothing would still move the order to partially refunded.
    if (line.net == 0)
        fail(SC_ERR_REFUND_EXCEEDS_PAID, "line " + std::to_string(line_index) + " paid nothing; there is nothing to refund",
             "line_index");
    const int64_t amount_left = line.net - line.refunded_amount;
    if (amount_left == 0)
        fail(SC_ERR_REFUND_EXCEEDS_PAID, "the amount of line " + std::to_string(line_index) + " is already refunded",
             "line_index");
    int64_t amount = units_share(line.net, line.quantity, line.refunded_quantity + quantity) -
                     units_share(line.net, line.quantity, line.refunded_quantity);
    // Earlier refunds by amount may have taken part of these units' share already.
    if (quantity == units_left || amount > amount_left) amount = amount_left;
    return RefundPlan{{RefundPart{line_index, quantity, amount}}, amount};
}

RefundPlan plan_amount_refund(const Order& order, int64_t amount) {
    require_refundable(order);
    if (amount < 1) fail(SC_ERR_INVALID_ARGUMENT, "amount must be at least 1", "amount_minor");
    const int64_t left = order.goods_total() - order.refunded();
    if (amount > left)
        fail(SC_ERR_REFUND_EXCEEDS_PAID, "only " + std::to_string(left) + " is left to refund", "amount_minor");
    std::vector<int64_t> weights;
    for (const auto& line : order.lines) weights.push_back(line.net - line.refunded_amount);
    const std::vector<int64_t> shares = allocate_largest_remainder(amount, weights);
    RefundPlan plan;
    plan.amount = amount;
    for (size_t i = 0; i < shares.size(); ++i)
        if (shares[i] > 0) plan.parts.push_back(RefundPart{i, 0, shares[i]});
    return plan;
}

void apply_refund(Order& order, const RefundPlan& plan, const std::string& refund_id, int64_t now) {
    for (const auto& part : plan.parts) {
        OrderLine& line = order.lines.at(part.line_index);
        line.refunded_quantity += part.quantity;
        line.refunded_amount += part.amount;
    }
    order.refunds.push_back(Refund{refund_id, now, plan.amount, plan.parts});
    bool all_units = true;
    for (const auto& line : order.lines) all_units = all_units && line.refunded_quantity == line.quantity;
    const bool fully = order.goods_total() > 0 ? order.refunded() == order.goods_total() : all_units;
    order.state = fully ? SC_ORDER_REFUNDED : SC_ORDER_PARTIALLY_REFUNDED;
}

}  // namespace sc

#include "orders/order.hpp"
#include "support.hpp"

#include <numeric>
#include <random>

using namespace sc;

namespace {

Order paid_order(std::vector<std::pair<int64_t, int64_t>> qty_net) {
    Order o;
    o.id = "ord_1";
    o.user_id = "lin";
    o.currency = "CNY";
    o.state = SC_ORDER_PAID;
    for (auto [q, net] : qty_net) {
        o.lines.push_back(OrderLine{"sku", "t", "m", q, net / q, net, net, 0, 0});
        o.total += net;
    }
    o.subtotal = o.total;
    return o;
}

void refund(Order& o, const RefundPlan& plan) { apply_refund(o, plan, "rfd_" + std::to_string(o.refunds.size()), 0); }

}  // namespace

TEST_CASE("pay requires the exact total, inside the window, once") {
    Order o = paid_order({{1, 1000}});
    o.state = SC_ORDER_CREATED;
    o.pay_deadline = 100;
    CHECK_NOTHROW(require_payable(o, 1000, 99));
    CHECK_SC_ERROR_FIELD(require_payable(o, 999, 99), SC_ERR_AMOUNT_MISMATCH, "amount_minor");
    CHECK_SC_ERROR(require_payable(o, 1000, 100), SC_ERR_EXPIRED);
    o.state = SC_ORDER_PAID;
    CHECK_SC_ERROR(require_payable(o, 1000, 50), SC_ERR_INVALID_STATE);
    o.state = SC_ORDER_CANCELLED;
    o.cancel_reason = SC_CANCEL_PAYMENT_LAPSED;
    CHECK_SC_ERROR(require_payable(o, 1000, 50), SC_ERR_EXPIRED);
}

TEST_CASE("only unpaid orders cancel; cancelling twice is harmless") {
    Order o = paid_order({{1, 1000}});
    CHECK_SC_ERROR(require_cancellable(o), SC_ERR_INVALID_STATE);
    o.state = SC_ORDER_CREATED;
    CHECK_NOTHROW(require_cancellable(o));
    o.state = SC_ORDER_CANCELLED;
    CHECK_NOTHROW(require_cancellable(o));
}

TEST_CASE("refunding every unit of a line, in any steps, returns exactly its net") {
    // 3 units that paid 1000 together: 333.33 each. Unit by unit: 333, 333, 334.
    Order o = paid_order({{3, 1000}});
    RefundPlan first = plan_line_refund(o, 0, 1);
    CHECK(first.amount == 333);
    refund(o, first);
    CHECK(o.state == SC_ORDER_PARTIALLY_REFUNDED);
    CHECK(plan_line_refund(o, 0, 1).amount == 333);  // cumulative: floor(2000/3) - 333
    CHECK(plan_line_refund(o, 0, 2).amount == 667);  // the rest of the line
    refund(o, plan_line_refund(o, 0, 1));
    CHECK(plan_line_refund(o, 0, 1).amount == 334);
    refund(o, plan_line_refund(o, 0, 1));
    CHECK(o.refunded() == 1000);
    CHECK(o.state == SC_ORDER_REFUNDED);
    CHECK_SC_ERROR(plan_line_refund(o, 0, 1), SC_ERR_REFUND_EXCEEDS_PAID);
}

TEST_CASE("line refunds are bounded by units and by the line's amount") {
    Order o = paid_order({{2, 500}, {1, 700}});
    CHECK_SC_ERROR_FIELD(plan_line_refund(o, 0, 3), SC_ERR_REFUND_EXCEEDS_PAID, "quantity");
    CHECK_SC_ERROR_FIELD(plan_line_refund(o, 2, 1), SC_ERR_INVALID_ARGUMENT, "line_index");
    CHECK_SC_ERROR_FIELD(plan_line_refund(o, 0, 0), SC_ERR_INVALID_ARGUMENT, "quantity");
    // An amount refund takes 400 from line 0 and 560 from line 1 (weights 500:700).
    refund(o, plan_amount_refund(o, 960));
    CHECK(o.lines[0].refunded_amount == 400);
    CHECK(o.lines[1].refunded_amount == 560);
    // A unit of line 0 is worth 250, but only 100 of the line is left.
    CHECK(plan_line_refund(o, 0, 1).amount == 100);
    refund(o, plan_line_refund(o, 0, 1));
    CHECK_SC_ERROR(plan_line_refund(o, 0, 1), SC_ERR_REFUND_EXCEEDS_PAID);
    CHECK_SC_ERROR_FIELD(plan_amount_refund(o, 141), SC_ERR_REFUND_EXCEEDS_PAID, "amount_minor");
    refund(o, plan_amount_refund(o, 140));
    CHECK(o.state == SC_ORDER_REFUNDED);
}

TEST_CASE("unpaid and cancelled orders are not refunded") {
    Order o = paid_order({{1, 100}});
    o.state = SC_ORDER_CREATED;
    CHECK_SC_ERROR(plan_amount_refund(o, 1), SC_ERR_INVALID_STATE);
    o.state = SC_ORDER_CANCELLED;
    CHECK_SC_ERROR(plan_line_refund(o, 0, 1), SC_ERR_INVALID_STATE);
}

TEST_CASE("random refund sequences never exceed what each line paid and end exact") {
    std::mt19937_64 rng(7);
    for (int round = 0; round < 300; ++round) {
        std::vector<std::pair<int64_t, int64_t>> lines;
        const size_t n = 1 + rng() % 4;
        for (size_t i = 0; i < n; ++i) {
            const int64_t q = 1 + static_cast<int64_t>(rng() % 5);
            lines.emplace_back(q, q * (1 + static_cast<int64_t>(rng() % 5000)) + static_cast<int64_t>(rng() % 3));
        }
        Order o = paid_order(lines);
        for (int step = 0; step < 40 && o.state != SC_ORDER_REFUNDED; ++step) {
            try {
                if (rng() % 2) {
                    const size_t li = static_cast<size_t>(rng() % n);
                    refund(o, plan_line_refund(o, li, 1 + static_cast<int64_t>(rng() % 2)));
                } else {
                    refund(o, plan_amount_refund(o, 1 + static_cast<int64_t>(rng() % 3000)));
                }
            } catch (const Error& e) {
                REQUIRE(e.code() == SC_ERR_REFUND_EXCEEDS_PAID);
            }
            int64_t sum_lines = 0;
            for (const auto& l : o.lines) {
                REQUIRE(l.refunded_amount <= l.net);
                REQUIRE(l.refunded_quantity <= l.quantity);
                sum_lines += l.refunded_amount;
            }
            REQUIRE(sum_lines == o.refunded());
        }
        // Whatever is left can always be refunded by amount, to the minor unit.
        if (o.state != SC_ORDER_REFUNDED) refund(o, plan_amount_refund(o, o.total - o.refunded()));
        CHECK(o.refunded() == o.total);
        CHECK(o.state == SC_ORDER_REFUNDED);
    }
}

#include "store/order_store.hpp"

#include "core/error.hpp"

#include <SQLiteCpp/Statement.h>

namespace sc::store {

namespace {

// The inverse of adjustment_kind_name (pricing/quote.hpp); a name it does not know
// means the file was written by something else.
AdjustmentKind parse_adjustment_kind(const std::string& s) {
    for (auto kind : {AdjustmentKind::item_price, AdjustmentKind::promotion, AdjustmentKind::coupon,
                      AdjustmentKind::points})
        if (s == adjustment_kind_name(kind)) return kind;
    fail(SC_ERR_INTERNAL, "unknown adjustment kind in the order snapshot");
}

// The pricing snapshot: each line's adjustments, each merchant's shipping, and the
// promotions and coupons applied with their amounts.
void insert_snapshot(Connection& db, const Order& o) {
    SQLite::Statement& adj = db.statement("INSERT INTO order_adjustments(order_id, line_index, position, kind, "
                                          "source_id, amount) VALUES (?, ?, ?, ?, ?, ?)");
    for (size_t i = 0; i < o.lines.size(); ++i) {
        for (size_t k = 0; k < o.lines[i].adjustments.size(); ++k) {
            const Adjustment& a = o.lines[i].adjustments[k];
            adj.bind(1, o.id);
            adj.bind(2, static_cast<int64_t>(i));
            adj.bind(3, static_cast<int64_t>(k));
            adj.bind(4, adjustment_kind_name(a.kind));
            adj.bind(5, a.source_id);
            adj.bind(6, a.amount);
            adj.exec();
            adj.reset();
        }
    }
    SQLite::Statement& m = db.statement(
        "INSERT INTO order_merchants(order_id, position, merchant_id, subtotal, discount, goods_net, shipping_fee, "
        "shipping_waived, shipping_waived_by, shipping, total, points_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (size_t i = 0; i < o.merchants.size(); ++i) {
        const QuoteMerchant& x = o.merchants[i];
        m.bind(1, o.id);
        m.bind(2, static_cast<int64_t>(i));
        m.bind(3, x.merchant_id);
        m.bind(4, x.subtotal);
        m.bind(5, x.discount);
        m.bind(6, x.goods_net);
        m.bind(7, x.shipping_fee);
        m.bind(8, x.shipping_waived);
        m.bind(9, x.shipping_waived_by);
        m.bind(10, x.shipping);
        m.bind(11, x.total);
        m.bind(12, x.points_amount);
        m.exec();
        m.reset();
    }
    SQLite::Statement& ap = db.statement("INSERT INTO order_applied(order_id, position, kind, source_id, template_id, "
                                         "amount) VALUES (?, ?, ?, ?, ?, ?)");
    int64_t position = 0;
    for (const auto& p : o.promotions) {
        ap.bind(1, o.id);
        ap.bind(2, position++);
        ap.bind(3, "promotion");
        ap.bind(4, p.id);
        ap.bind(5, "");
        ap.bind(6, p.amount);
        ap.exec();
        ap.reset();
    }
    for (const auto& c : o.coupons) {
        ap.bind(1, o.id);
        ap.bind(2, position++);
        ap.bind(3, "coupon");
        ap.bind(4, c.code);
        ap.bind(5, c.template_id);
        ap.bind(6, c.amount);
        ap.exec();
        ap.reset();
    }
}

void load_snapshot(Connection& db, Order& o) {
    SQLite::Statement& adj = db.statement("SELECT line_index, kind, source_id, amount FROM order_adjustments "
                                          "WHERE order_id = ? ORDER BY line_index, position");
    adj.bind(1, o.id);
    while (adj.executeStep()) {
        const auto i = static_cast<size_t>(adj.getColumn(0).getInt64());
        if (i < o.lines.size())
            o.lines[i].adjustments.push_back(Adjustment{parse_adjustment_kind(adj.getColumn(1).getString()),
                                                        adj.getColumn(2).getString(), adj.getColumn(3).getInt64()});
    }
    adj.reset();
    SQLite::Statement& m = db.statement(
        "SELECT merchant_id, subtotal, discount, goods_net, shipping_fee, shipping_waived, shipping_waived_by, "
        "shipping, total, points_amount FROM order_merchants WHERE order_id = ? ORDER BY position");
    m.bind(1, o.id);
    while (m.executeStep())
        o.merchants.push_back(QuoteMerchant{m.getColumn(0).getString(), m.getColumn(1).getInt64(),
                                            m.getColumn(2).getInt64(), m.getColumn(3).getInt64(),
                                            m.getColumn(4).getInt64(), m.getColumn(5).getInt64(),
                                            m.getColumn(6).getString(), m.getColumn(7).getInt64(),
                                            m.getColumn(8).getInt64(), m.getColumn(9).getInt64()});
    m.reset();
    SQLite::Statement& ap = db.statement(
        "SELECT kind, source_id, template_id, amount FROM order_applied WHERE order_id = ? ORDER BY position");
    ap.bind(1, o.id);
    while (ap.executeStep()) {
        if (ap.getColumn(0).getString() == "promotion")
            o.promotions.push_back(AppliedPromotion{ap.getColumn(1).getString(), ap.getColumn(3).getInt64()});
        else
            o.coupons.push_back(AppliedCoupon{ap.getColumn(1).getString(), ap.getColumn(2).getString(),
                                              ap.getColumn(3).getInt64()});
    }
    ap.reset();
}

}  // namespace

void insert_order(Connection& db, const Order& o) {
    SQLite::Statement& q = db.statement("INSERT INTO orders(id, user_id, state, cancel_reason, currency, subtotal, total, "
                            "created_at, pay_deadline, discount, shipping, shipping_method, points_used, points_amount) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, o.id);
    q.bind(2, o.user_id);
    q.bind(3, static_cast<int>(o.state));
    q.bind(4, static_cast<int>(o.cancel_reason));
    q.bind(5, o.currency);
    q.bind(6, o.subtotal);
    q.bind(7, o.total);
    q.bind(8, o.created_at);
    q.bind(9, o.pay_deadline);
    q.bind(10, o.discount);
    q.bind(11, o.shipping);
    q.bind(12, static_cast<int>(o.shipping_method));
    q.bind(13, o.points_used);
    q.bind(14, o.points_amount);
    q.exec();
    SQLite::Statement& line = db.statement("INSERT INTO order_lines(order_id, line_index, sku_id, title, merchant_id, quantity, "
                               "unit_price, base, net) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (size_t i = 0; i < o.lines.size(); ++i) {
        const OrderLine& l = o.lines[i];
        line.bind(1, o.id);
        line.bind(2, static_cast<int64_t>(i));
        line.bind(3, l.sku_id);
        line.bind(4, l.title);
        line.bind(5, l.merchant_id);
        line.bind(6, l.quantity);
        line.bind(7, l.unit_price);
        line.bind(8, l.base);
        line.bind(9, l.net);
        line.exec();
        line.reset();
    }
    insert_snapshot(db, o);
}

namespace {

// Each refund's split over the lines, read in one pass over the order's refund lines
// (the index on order and line) rather than one query per refund.
void load_refund_parts(Connection& db, Order& o) {
    SQLite::Statement& q = db.statement("SELECT refund_id, line_index, quantity, amount FROM refund_lines "
                                        "WHERE order_id = ? ORDER BY line_index");
    q.bind(1, o.id);
    while (q.executeStep()) {
        const std::string refund_id = q.getColumn(0).getString();
        for (auto& r : o.refunds) {
            if (r.id != refund_id) continue;
            r.parts.push_back(RefundPart{static_cast<size_t>(q.getColumn(1).getInt64()), q.getColumn(2).getInt64(),
                                         q.getColumn(3).getInt64()});
            break;
        }
    }
}

}  // namespace

std::optional<Order> find_order(Connection& db, const std::string& id) {
    SQLite::Statement& q = db.statement("SELECT id, user_id, state, cancel_reason, currency, subtotal, total, created_at, "
                            "pay_deadline, paid_at, payment_ref, discount, shipping, shipping_method, points_used, points_amount, "
                            "points_hold, points_spend, points_earned, points_lot FROM orders WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    Order o;
    o.id = q.getColumn(0).getString();
    o.user_id = q.getColumn(1).getString();
    o.state = static_cast<sc_order_state_t>(q.getColumn(2).getInt());
    o.cancel_reason = static_cast<sc_cancel_reason_t>(q.getColumn(3).getInt());
    o.currency = q.getColumn(4).getString();
    o.subtotal = q.getColumn(5).getInt64();
    o.total = q.getColumn(6).getInt64();
    o.created_at = q.getColumn(7).getInt64();
    o.pay_deadline = q.getColumn(8).getInt64();
    o.paid_at = q.getColumn(9).getInt64();
    if (!q.getColumn(10).isNull()) o.payment_ref = q.getColumn(10).getString();
    o.discount = q.getColumn(11).getInt64();
    o.shipping = q.getColumn(12).getInt64();
    o.shipping_method = q.getColumn(13).getInt() == 1 ? ShippingMethod::pickup : ShippingMethod::delivery;
    o.points_used = q.getColumn(14).getInt64();
    o.points_amount = q.getColumn(15).getInt64();
    o.points_hold = static_cast<uint64_t>(q.getColumn(16).getInt64());
    o.points_spend = static_cast<uint64_t>(q.getColumn(17).getInt64());
    o.points_earned = q.getColumn(18).getInt64();
    o.points_lot = static_cast<uint64_t>(q.getColumn(19).getInt64());

    SQLite::Statement& lines = db.statement("SELECT l.sku_id, l.title, l.merchant_id, l.quantity, l.unit_price, l.base, l.net, "
        "COALESCE(SUM(r.quantity), 0), COALESCE(SUM(r.amount), 0) FROM order_lines l "
        "LEFT JOIN refund_lines r ON r.order_id = l.order_id AND r.line_index = l.line_index "
        "WHERE l.order_id = ? GROUP BY l.line_index ORDER BY l.line_index");
    lines.bind(1, id);
    while (lines.executeStep()) {
        OrderLine l;
        l.sku_id = lines.getColumn(0).getString();
        l.title = lines.getColumn(1).getString();
        l.merchant_id = lines.getColumn(2).getString();
        l.quantity = lines.getColumn(3).getInt64();
        l.unit_price = lines.getColumn(4).getInt64();
        l.base = lines.getColumn(5).getInt64();
        l.net = lines.getColumn(6).getInt64();
        l.refunded_quantity = lines.getColumn(7).getInt64();
        l.refunded_amount = lines.getColumn(8).getInt64();
        o.lines.push_back(std::move(l));
    }
    SQLite::Statement& refunds = db.statement("SELECT id, created_at, amount FROM refunds WHERE order_id = ? "
                                  "ORDER BY created_at, rowid");
    refunds.bind(1, id);
    while (refunds.executeStep())
        o.refunds.push_back(Refund{refunds.getColumn(0).getString(), refunds.getColumn(1).getInt64(),
                                   refunds.getColumn(2).getInt64(), {}});
    refunds.reset();
    if (!o.refunds.empty()) load_refund_parts(db, o);
    load_snapshot(db, o);
    return o;
}

void save_order_state(Connection& db, const Order& o) {
    SQLite::Statement& q = db.statement("UPDATE orders SET state = ?, cancel_reason = ?, paid_at = ?, payment_ref = ? WHERE id = ?");
    q.bind(1, static_cast<int>(o.state));
    q.bind(2, static_cast<int>(o.cancel_reason));
    q.bind(3, o.paid_at);
    if (o.payment_ref) q.bind(4, *o.payment_ref); else q.bind(4);
    q.bind(5, o.id);
    q.exec();
}

bool move_order_state(Connection& db, const std::string& order_id, sc_order_state_t from, sc_order_state_t to) {
    SQLite::Statement& q = db.statement("UPDATE orders SET state = ? WHERE id = ? AND state = ?");
    q.bind(1, static_cast<int>(to));
    q.bind(2, order_id);
    q.bind(3, static_cast<int>(from));
    return q.exec() > 0;
}

void save_order_points(Connection& db, const Order& o) {
    SQLite::Statement& q =
        db.statement("UPDATE orders SET points_hold = ?, points_spend = ?, points_earned = ?, points_lot = ? WHERE id = ?");
    q.bind(1, static_cast<int64_t>(o.points_hold));
    q.bind(2, static_cast<int64_t>(o.points_spend));
    q.bind(3, o.points_earned);
    q.bind(4, static_cast<int64_t>(o.points_lot));
    q.bind(5, o.id);
    q.exec();
}

void insert_refund(Connection& db, const std::string& order_id, const Refund& refund, const RefundPlan& plan) {
    SQLite::Statement& q = db.statement("INSERT INTO refunds(id, order_id, created_at, amount) VALUES (?, ?, ?, ?)");
    q.bind(1, refund.id);
    q.bind(2, order_id);
    q.bind(3, refund.created_at);
    q.bind(4, refund.amount);
    q.exec();
    SQLite::Statement& part = db.statement("INSERT INTO refund_lines(refund_id, order_id, line_index, quantity, amount) "
                               "VALUES (?, ?, ?, ?, ?)");
    for (const auto& p : plan.parts) {
        part.bind(1, refund.id);
        part.bind(2, order_id);
        part.bind(3, static_cast<int64_t>(p.line_index));
        part.bind(4, p.quantity);
        part.bind(5, p.amount);
        part.exec();
        part.reset();
    }
}

bool order_payment_lapsed(Connection& db, const std::string& order_id, int64_t now) {
    // payment_lapsed (orders/order.hpp) without loading the order: created, window over.
    SQLite::Statement& q = db.statement("SELECT 1 FROM orders WHERE id = ? AND state = ? AND pay_deadline <= ?");
    q.bind(1, order_id);
    q.bind(2, static_cast<int>(SC_ORDER_CREATED));
    q.bind(3, now);
    return q.executeStep();
}

std::vector<std::string> lapsed_order_ids(Connection& db, int64_t now, int64_t limit) {
    SQLite::Statement& q = db.statement("SELECT id FROM orders WHERE state = 1 AND pay_deadline <= ? "
                                        "ORDER BY pay_deadline LIMIT ?");
    q.bind(1, now);
    q.bind(2, limit);
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

std::vector<OrderKey> orders_of_user(Connection& db, const OrderFilter& filter, const OrderKey& before, int64_t now,
                                     int64_t limit) {
    // Newest first by (created_at, id), strictly before the keyset position, so rows
    // inserted while a host pages never shift a page. A lapsed unpaid order is stored as
    // created but reads as cancelled: the state test says so.
    SQLite::Statement& q = db.statement(
        "SELECT created_at, id FROM orders WHERE user_id = ? AND created_at >= ? AND created_at <= ? "
        "AND (created_at < ? OR id < ?) "
        "AND (? = 0 OR (CASE WHEN state = 1 AND pay_deadline <= ? THEN 5 ELSE state END) = ?) "
        "ORDER BY created_at DESC, id DESC LIMIT ?");
    q.bind(1, filter.user_id);
    q.bind(2, filter.from_ms);
    q.bind(3, before.created_at);
    q.bind(4, before.created_at);
    q.bind(5, before.id);
    q.bind(6, static_cast<int>(filter.state));
    q.bind(7, now);
    q.bind(8, static_cast<int>(filter.state));
    q.bind(9, limit);
    std::vector<OrderKey> out;
    while (q.executeStep()) out.push_back(OrderKey{q.getColumn(0).getInt64(), q.getColumn(1).getString()});
    return out;
}

}  // namespace sc::store

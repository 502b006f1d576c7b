#include "store/schema.hpp"

namespace sc {

const std::vector<std::string>& migrations() {
    static const std::vector<std::string> steps = {
        // 1: catalog, carts, orders with their lines and refunds, holds, idempotency, events.
        R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE skus (
    id            TEXT PRIMARY KEY,
    merchant_id   TEXT NOT NULL,
    title         TEXT NOT NULL,
    currency      TEXT NOT NULL,
    list_price    INTEGER NOT NULL CHECK (list_price >= 0),
    stock_on_hand INTEGER CHECK (stock_on_hand IS NULL OR stock_on_hand >= 0),
    max_per_order INTEGER CHECK (max_per_order IS NULL OR max_per_order >= 1),
    active        INTEGER NOT NULL CHECK (active IN (0, 1))
);
CREATE TABLE sku_categories (
    sku_id      TEXT NOT NULL REFERENCES skus(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    category_id TEXT NOT NULL,
    PRIMARY KEY (sku_id, position)
);
CREATE TABLE cart_lines (
    user_id     TEXT NOT NULL,
    sku_id      TEXT NOT NULL REFERENCES skus(id),
    quantity    INTEGER NOT NULL CHECK (quantity >= 1),
    selected    INTEGER NOT NULL CHECK (selected IN (0, 1)),
    added_price INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (user_id, sku_id)
);
CREATE TABLE orders (
    id            TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL,
    state         INTEGER NOT NULL,
    cancel_reason INTEGER NOT NULL DEFAULT 0,
    currency      TEXT NOT NULL,
    subtotal      INTEGER NOT NULL,
    total         INTEGER NOT NULL CHECK (total >= 0),
    created_at    INTEGER NOT NULL,
    pay_deadline  INTEGER NOT NULL,
    paid_at       INTEGER NOT NULL DEFAULT 0,
    payment_ref   TEXT
);
CREATE INDEX orders_awaiting_payment ON orders(pay_deadline) WHERE state = 1;
CREATE TABLE order_lines (
    order_id    TEXT NOT NULL REFERENCES orders(id),
    line_index  INTEGER NOT NULL,
    sku_id      TEXT NOT NULL,
    title       TEXT NOT NULL,
    merchant_id TEXT NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity >= 1),
    unit_price  INTEGER NOT NULL,
    base        INTEGER NOT NULL,
    net         INTEGER NOT NULL CHECK (net >= 0),
    PRIMARY KEY (order_id, line_index)
);
CREATE TABLE refunds (
    id         TEXT PRIMARY KEY,
    order_id   TEXT NOT NULL REFERENCES orders(id),
    created_at INTEGER NOT NULL,
    amount     INTEGER NOT NULL CHECK (amount >= 0)
);
CREATE INDEX refunds_by_order ON refunds(order_id, created_at);
CREATE TABLE refund_lines (
    refund_id  TEXT NOT NULL REFERENCES refunds(id),
    order_id   TEXT NOT NULL,
    line_index INTEGER NOT NULL,
    quantity   INTEGER NOT NULL CHECK (quantity >= 0),
    amount     INTEGER NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (refund_id, line_index),
    FOREIGN KEY (order_id, line_index) REFERENCES order_lines(order_id, line_index)
);
CREATE TABLE holds (
    id         TEXT PRIMARY KEY,
    order_id   TEXT NOT NULL REFERENCES orders(id),
    kind       TEXT NOT NULL,
    resource   TEXT NOT NULL,
    quantity   INTEGER NOT NULL CHECK (quantity >= 1),
    state      TEXT NOT NULL CHECK (state IN ('held', 'committed', 'released')),
    expires_at INTEGER NOT NULL
);
CREATE INDEX holds_by_order ON holds(order_id);
CREATE INDEX holds_active_by_resource ON holds(kind, resource) WHERE state = 'held';
CREATE TABLE idempotency (
    scope     TEXT NOT NULL,
    key       TEXT NOT NULL,
    request   TEXT NOT NULL,
    result_id TEXT NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE TABLE events (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    type       TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    time_ms    INTEGER NOT NULL,
    payload    TEXT NOT NULL
);
)sql",
    };
    return steps;
}

}  // namespace sc

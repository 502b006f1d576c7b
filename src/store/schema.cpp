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
        // 2: flat cost as the file grows.
        // - Order reads join refund lines by (order_id, line_index): give them an index.
        // - Every reservable resource keeps a `reserved` counter on its own row, changed in
        //   the same transaction as its holds (the holds stay the ledger; the counter is
        //   their checked sum). Capacity is taken with a conditional UPDATE of that row.
        // - Held holds are found by resource and deadline, so the lapsed ones of one SKU
        //   are summed without visiting the ones still in force.
        // - Idempotency records remember when they were made, so old ones can be pruned.
        R"sql(
CREATE INDEX refund_lines_by_order_line ON refund_lines(order_id, line_index);
ALTER TABLE skus ADD COLUMN reserved INTEGER NOT NULL DEFAULT 0
    CHECK (reserved >= 0 AND (stock_on_hand IS NULL OR reserved <= stock_on_hand));
UPDATE skus SET reserved = (SELECT COALESCE(SUM(quantity), 0) FROM holds
                            WHERE kind = 'stock' AND resource = skus.id AND state = 'held');
DROP INDEX holds_active_by_resource;
CREATE INDEX holds_held_by_resource ON holds(kind, resource, expires_at, quantity) WHERE state = 'held';
ALTER TABLE idempotency ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX idempotency_by_age ON idempotency(created_at);
)sql",
        // 3: the read side a host app needs, paged by keyset.
        // - A shopper's orders newest first, by (created_at, id).
        // - The catalog by merchant or by category, by SKU id.
        // - Events of one type, by sequence number.
        // - A per-database key that signs paging cursors, so a cursor that was altered or
        //   made for another query or another file is refused, not misread.
        R"sql(
CREATE INDEX orders_by_user ON orders(user_id, created_at, id);
CREATE INDEX skus_by_merchant ON skus(merchant_id, id);
CREATE INDEX sku_categories_by_category ON sku_categories(category_id, sku_id);
CREATE INDEX events_by_type ON events(type, seq);
INSERT INTO meta(key, value) VALUES ('cursor_key', lower(hex(randomblob(32))));
)sql",
        // 4: pricing rules, coupons, and the pricing snapshot of each order.
        // - Promotions and coupon templates are kept as their canonical JSON definition
        //   (program/rules_json.hpp), with the columns queries need beside it. A promotion's
        //   end (INT64_MAX when open-ended) is indexed so checkout reads only the live ones.
        // - A coupon template keeps its counters: `claimed` (copies issued by any path,
        //   bounded by total_quantity with a conditional UPDATE), `used`, `returned`, and
        //   `discount_given` (Σ discount of its instances now used).
        // - A coupon instance is a reservable resource of capacity 1 (0 once used): its
        //   holds (kind 'coupon') reserve from its own `reserved` counter like stock does.
        //   (template_id, owner_user_id, ordinal) is unique, so the per-user limit holds
        //   without relying on one writer.
        // - Orders keep their discount and shipping, each line's adjustments, each
        //   merchant's shipping and the promotions and coupons applied with their amounts.
        R"sql(
CREATE TABLE promotions (
    id         TEXT PRIMARY KEY,
    ends_at    INTEGER NOT NULL,
    definition TEXT NOT NULL
);
CREATE INDEX promotions_by_end ON promotions(ends_at);
CREATE TABLE shipping_rules (
    merchant_id TEXT PRIMARY KEY,
    flat_fee    INTEGER NOT NULL CHECK (flat_fee >= 0),
    free_over   INTEGER CHECK (free_over IS NULL OR free_over >= 0)
);
CREATE TABLE coupon_templates (
    id             TEXT PRIMARY KEY,
    promo_code     TEXT,
    total_quantity INTEGER CHECK (total_quantity IS NULL OR total_quantity >= 0),
    claimed        INTEGER NOT NULL DEFAULT 0 CHECK (claimed >= 0),
    used           INTEGER NOT NULL DEFAULT 0 CHECK (used >= 0),
    returned       INTEGER NOT NULL DEFAULT 0 CHECK (returned >= 0),
    discount_given INTEGER NOT NULL DEFAULT 0 CHECK (discount_given >= 0),
    definition     TEXT NOT NULL,
    CHECK (total_quantity IS NULL OR claimed <= total_quantity)
);
CREATE UNIQUE INDEX coupon_templates_by_code ON coupon_templates(promo_code) WHERE promo_code IS NOT NULL;
CREATE TABLE coupon_instances (
    id              TEXT PRIMARY KEY,
    template_id     TEXT NOT NULL REFERENCES coupon_templates(id),
    owner_user_id   TEXT NOT NULL,
    ordinal         INTEGER NOT NULL CHECK (ordinal >= 1),
    via             TEXT NOT NULL CHECK (via IN ('claim', 'grant', 'promo_code')),
    state           TEXT NOT NULL CHECK (state IN ('available', 'held', 'used', 'expired', 'revoked')),
    valid_from      INTEGER NOT NULL,
    valid_until     INTEGER NOT NULL,
    claimed_at      INTEGER NOT NULL,
    order_id        TEXT,
    hold_expires_at INTEGER,
    discount        INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
    capacity        INTEGER NOT NULL DEFAULT 1 CHECK (capacity IN (0, 1)),
    reserved        INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= capacity),
    UNIQUE (template_id, owner_user_id, ordinal)
);
CREATE INDEX coupon_instances_by_owner ON coupon_instances(owner_user_id, state, valid_until);
CREATE INDEX coupon_instances_held ON coupon_instances(template_id, state, hold_expires_at);
ALTER TABLE orders ADD COLUMN discount INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN shipping INTEGER NOT NULL DEFAULT 0 CHECK (shipping >= 0);
CREATE TABLE order_adjustments (
    order_id   TEXT NOT NULL,
    line_index INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('item_price', 'promotion', 'coupon')),
    source_id  TEXT NOT NULL,
    amount     INTEGER NOT NULL CHECK (amount > 0),
    PRIMARY KEY (order_id, line_index, position),
    FOREIGN KEY (order_id, line_index) REFERENCES order_lines(order_id, line_index)
);
CREATE TABLE order_merchants (
    order_id           TEXT NOT NULL REFERENCES orders(id),
    position           INTEGER NOT NULL,
    merchant_id        TEXT NOT NULL,
    subtotal           INTEGER NOT NULL,
    discount           INTEGER NOT NULL,
    goods_net          INTEGER NOT NULL,
    shipping_fee       INTEGER NOT NULL CHECK (shipping_fee >= 0),
    shipping_waived    INTEGER NOT NULL CHECK (shipping_waived >= 0),
    shipping_waived_by TEXT NOT NULL,
    shipping           INTEGER NOT NULL CHECK (shipping >= 0),
    total              INTEGER NOT NULL,
    PRIMARY KEY (order_id, position)
);
CREATE TABLE order_applied (
    order_id    TEXT NOT NULL REFERENCES orders(id),
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('promotion', 'coupon')),
    source_id   TEXT NOT NULL,
    template_id TEXT NOT NULL,
    amount      INTEGER NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (order_id, position)
);
)sql",
        // 5: the shipping method the checkout request chose (0 delivery, 1 pickup).
        R"sql(
ALTER TABLE orders ADD COLUMN shipping_method INTEGER NOT NULL DEFAULT 0 CHECK (shipping_method IN (0, 1));
)sql",
        // 6: the points ledger (append-only; `effect` is each entry's balance effect, so a
        // member's balance is a SUM), daily sign-ins, and points paid and earned by orders.
        // order_adjustments is rebuilt because its CHECK gains the kind 'points'.
        R"sql(
CREATE TABLE points_entries (
    user_id    TEXT NOT NULL,
    seq        INTEGER NOT NULL CHECK (seq > 0),
    kind       TEXT NOT NULL CHECK (kind IN ('earn', 'spend', 'hold', 'release', 'commit', 'expire', 'reverse',
                                             'return', 'adjust')),
    key        TEXT NOT NULL,
    reference  TEXT NOT NULL,
    points     INTEGER NOT NULL,
    effect     INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    target     INTEGER NOT NULL DEFAULT 0,
    shares     TEXT NOT NULL DEFAULT '',
    repaid     TEXT NOT NULL DEFAULT '',
    absorbed   INTEGER NOT NULL DEFAULT 0,
    charged    INTEGER NOT NULL DEFAULT 0,
    vests_at   INTEGER NOT NULL DEFAULT 0,
    expires_at INTEGER,
    reason     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (user_id, seq),
    UNIQUE (user_id, key)
) WITHOUT ROWID;
CREATE INDEX points_entries_by_time ON points_entries(at, kind);
CREATE TABLE points_sign_ins (
    user_id TEXT NOT NULL,
    day     INTEGER NOT NULL,
    streak  INTEGER NOT NULL CHECK (streak > 0),
    points  INTEGER NOT NULL CHECK (points >= 0),
    PRIMARY KEY (user_id, day)
) WITHOUT ROWID;
ALTER TABLE orders ADD COLUMN points_used INTEGER NOT NULL DEFAULT 0 CHECK (points_used >= 0);
ALTER TABLE orders ADD COLUMN points_amount INTEGER NOT NULL DEFAULT 0 CHECK (points_amount >= 0);
ALTER TABLE orders ADD COLUMN points_hold INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN points_spend INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN points_earned INTEGER NOT NULL DEFAULT 0 CHECK (points_earned >= 0);
ALTER TABLE orders ADD COLUMN points_lot INTEGER NOT NULL DEFAULT 0;
ALTER TABLE order_merchants ADD COLUMN points_amount INTEGER NOT NULL DEFAULT 0 CHECK (points_amount >= 0);
CREATE TABLE order_adjustments_v6 (
    order_id   TEXT NOT NULL,
    line_index INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('item_price', 'promotion', 'coupon', 'points')),
    source_id  TEXT NOT NULL,
    amount     INTEGER NOT NULL CHECK (amount > 0),
    PRIMARY KEY (order_id, line_index, position),
    FOREIGN KEY (order_id, line_index) REFERENCES order_lines(order_id, line_index)
);
INSERT INTO order_adjustments_v6 SELECT order_id, line_index, position, kind, source_id, amount FROM order_adjustments;
DROP TABLE order_adjustments;
ALTER TABLE order_adjustments_v6 RENAME TO order_adjustments;
)sql",
        // 7: coupons bought with points (issue mode "points"): coupon_instances is rebuilt
        // because its CHECK on `via` gains 'points'.
        R"sql(
CREATE TABLE coupon_instances_v7 (
    id              TEXT PRIMARY KEY,
    template_id     TEXT NOT NULL REFERENCES coupon_templates(id),
    owner_user_id   TEXT NOT NULL,
    ordinal         INTEGER NOT NULL CHECK (ordinal >= 1),
    via             TEXT NOT NULL CHECK (via IN ('claim', 'grant', 'promo_code', 'points')),
    state           TEXT NOT NULL CHECK (state IN ('available', 'held', 'used', 'expired', 'revoked')),
    valid_from      INTEGER NOT NULL,
    valid_until     INTEGER NOT NULL,
    claimed_at      INTEGER NOT NULL,
    order_id        TEXT,
    hold_expires_at INTEGER,
    discount        INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
    capacity        INTEGER NOT NULL DEFAULT 1 CHECK (capacity IN (0, 1)),
    reserved        INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= capacity),
    UNIQUE (template_id, owner_user_id, ordinal)
);
INSERT INTO coupon_instances_v7 SELECT * FROM coupon_instances;
DROP TABLE coupon_instances;
ALTER TABLE coupon_instances_v7 RENAME TO coupon_instances;
CREATE INDEX coupon_instances_by_owner ON coupon_instances(owner_user_id, state, valid_until);
CREATE INDEX coupon_instances_held ON coupon_instances(template_id, state, hold_expires_at);
)sql",
        // 8: member tiers. tier_spend is each member's dated paid spend (a payment's goods
        // total, a refund's amount negated), kept whether or not a tier program is set, so a
        // program put later sees the spend before it; the backfill copies what the orders
        // and refunds already hold. tier_records is each placed member's tier,
        // tier_changes every upgrade and downgrade (the report's source).
        R"sql(
CREATE TABLE tier_spend (
    user_id   TEXT NOT NULL,
    at        INTEGER NOT NULL,
    amount    INTEGER NOT NULL,
    reference TEXT NOT NULL
);
CREATE INDEX tier_spend_by_user ON tier_spend(user_id, at);
INSERT INTO tier_spend(user_id, at, amount, reference)
    SELECT user_id, paid_at, total - shipping, 'order:' || id FROM orders WHERE paid_at > 0 ORDER BY paid_at, id;
INSERT INTO tier_spend(user_id, at, amount, reference)
    SELECT o.user_id, r.created_at, -r.amount, 'refund:' || r.id
    FROM refunds r JOIN orders o ON o.id = r.order_id ORDER BY r.created_at, r.id;
CREATE TABLE tier_records (
    user_id    TEXT PRIMARY KEY,
    tier_id    TEXT NOT NULL,
    since      INTEGER NOT NULL,
    period_end INTEGER NOT NULL,
    as_of      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX tier_records_by_period_end ON tier_records(period_end);
CREATE TABLE tier_changes (
    user_id       TEXT NOT NULL,
    at            INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('upgraded', 'downgraded')),
    from_tier     TEXT NOT NULL,
    to_tier       TEXT NOT NULL,
    at_period_end INTEGER NOT NULL CHECK (at_period_end IN (0, 1))
);
CREATE INDEX tier_changes_by_time ON tier_changes(at);
)sql",
        // 9: share links (docs/referral.md). share_keys holds every key that signs or
        // verifies links: the public key always, the private key (its 32-byte seed) only for
        // keys this side signs with; a retired key verifies no more. share_links keeps each
        // link made here under its short code. Lists of values in a CHECK are spelled with
        // OR: SQLite builds a temporary b-tree for an IN list of three or more on every row.
        R"sql(
CREATE TABLE share_keys (
    key_id     TEXT PRIMARY KEY,
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    seed       BLOB CHECK (seed IS NULL OR length(seed) = 32),
    added_at   INTEGER NOT NULL,
    retired_at INTEGER
) WITHOUT ROWID;
CREATE TABLE share_links (
    code            TEXT PRIMARY KEY,
    token           TEXT NOT NULL,
    sharer_id       TEXT NOT NULL,
    target_kind     TEXT NOT NULL CHECK (target_kind = 'sku' OR target_kind = 'group' OR target_kind = 'campaign'
                                         OR target_kind = 'store'),
    target_id       TEXT NOT NULL,
    channel         TEXT NOT NULL,
    key_id          TEXT NOT NULL REFERENCES share_keys(key_id),
    issued_at       INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    nonce           BLOB NOT NULL CHECK (length(nonce) = 12),
    idempotency_key TEXT NOT NULL,
    UNIQUE (sharer_id, idempotency_key)
) WITHOUT ROWID;
)sql",
        // 10: opens, attribution and rewards (docs/referral.md). A binding's subject is
        // "user:<id>" or "device:<id>": one live binding per subject, so one referrer at a
        // time. Every refused open or attribution is a row of referral_refusals with its
        // reason. Rewards are keyed by order and level, so an order pays each level once.
        R"sql(
CREATE TABLE share_opens (
    open_id         TEXT PRIMARY KEY,
    code            TEXT NOT NULL,
    sharer_id       TEXT NOT NULL,
    target_kind     TEXT NOT NULL,
    target_id       TEXT NOT NULL,
    channel         TEXT NOT NULL,
    user_id         TEXT,
    device_id       TEXT,
    opened_at       INTEGER NOT NULL,
    outcome         TEXT NOT NULL,
    bound_until     INTEGER,
    CHECK (user_id IS NOT NULL OR device_id IS NOT NULL)
) WITHOUT ROWID;
CREATE INDEX share_opens_by_sharer ON share_opens(sharer_id);
CREATE INDEX share_opens_by_target ON share_opens(target_kind, target_id);
CREATE TABLE referral_bindings (
    subject    TEXT PRIMARY KEY,
    sharer_id  TEXT NOT NULL,
    open_id    TEXT NOT NULL REFERENCES share_opens(open_id),
    bound_at   INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE user_devices (
    device_id    TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    first_seen_at INTEGER NOT NULL,
    PRIMARY KEY (device_id, user_id)
) WITHOUT ROWID;
CREATE TABLE referral_checkouts (
    order_id  TEXT PRIMARY KEY,
    open_id   TEXT NOT NULL REFERENCES share_opens(open_id),
    sharer_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE referral_attributions (
    order_id      TEXT PRIMARY KEY,
    open_id       TEXT NOT NULL REFERENCES share_opens(open_id),
    sharer_id     TEXT NOT NULL,
    buyer_id      TEXT NOT NULL,
    paid          INTEGER NOT NULL CHECK (paid >= 0),
    attributed_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX referral_attributions_by_sharer ON referral_attributions(sharer_id, attributed_at);
CREATE TABLE referral_rewards (
    order_id    TEXT NOT NULL,
    level       INTEGER NOT NULL CHECK (level = 1 OR level = 2),
    sharer_id   TEXT NOT NULL,
    buyer_id    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind = 'points' OR kind = 'commission' OR kind = 'coupon'),
    amount      INTEGER NOT NULL CHECK (amount >= 0),
    clawed_back INTEGER NOT NULL CHECK (clawed_back >= 0 AND clawed_back <= amount),
    shares      TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    vests_at    INTEGER NOT NULL,
    points_lot  INTEGER NOT NULL,
    coupon_code TEXT,
    PRIMARY KEY (order_id, level)
) WITHOUT ROWID;
CREATE INDEX referral_rewards_by_sharer ON referral_rewards(sharer_id, created_at);
CREATE TABLE referral_refusals (
    seq       INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    reason    TEXT NOT NULL,
    sharer_id TEXT NOT NULL,
    user_id   TEXT,
    device_id TEXT,
    open_id   TEXT,
    order_id  TEXT
);
CREATE INDEX referral_refusals_by_sharer ON referral_refusals(sharer_id, seq);
CREATE TABLE referral_invitees (
    user_id     TEXT PRIMARY KEY,
    sharer_id   TEXT NOT NULL,
    coupon_code TEXT NOT NULL,
    granted_at  INTEGER NOT NULL
) WITHOUT ROWID;
)sql",
        // 11: the tables written on every checkout, payment and points write are rebuilt so
        // that their CHECKs on a list of names are spelled with OR: SQLite 3.40 evaluates
        // `x IN ('a', 'b', 'c')` (three values or more) by filling a temporary b-tree on
        // every row it checks, which cost each insert about 4 µs (docs/benchmarks.md,
        // "Points"). Columns, keys and indexes are as before.
        R"sql(
CREATE TABLE points_entries_v11 (
    user_id    TEXT NOT NULL,
    seq        INTEGER NOT NULL CHECK (seq > 0),
    kind       TEXT NOT NULL CHECK (kind = 'earn' OR kind = 'spend' OR kind = 'hold' OR kind = 'release'
                                    OR kind = 'commit' OR kind = 'expire' OR kind = 'reverse' OR kind = 'return'
                                    OR kind = 'adjust'),
    key        TEXT NOT NULL,
    reference  TEXT NOT NULL,
    points     INTEGER NOT NULL,
    effect     INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    target     INTEGER NOT NULL DEFAULT 0,
    shares     TEXT NOT NULL DEFAULT '',
    repaid     TEXT NOT NULL DEFAULT '',
    absorbed   INTEGER NOT NULL DEFAULT 0,
    charged    INTEGER NOT NULL DEFAULT 0,
    vests_at   INTEGER NOT NULL DEFAULT 0,
    expires_at INTEGER,
    reason     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (user_id, seq),
    UNIQUE (user_id, key)
) WITHOUT ROWID;
INSERT INTO points_entries_v11 SELECT user_id, seq, kind, key, reference, points, effect, at, target, shares, repaid,
    absorbed, charged, vests_at, expires_at, reason FROM points_entries;
DROP TABLE points_entries;
ALTER TABLE points_entries_v11 RENAME TO points_entries;
CREATE INDEX points_entries_by_time ON points_entries(at, kind);
CREATE TABLE holds_v11 (
    id         TEXT PRIMARY KEY,
    order_id   TEXT NOT NULL REFERENCES orders(id),
    kind       TEXT NOT NULL,
    resource   TEXT NOT NULL,
    quantity   INTEGER NOT NULL CHECK (quantity >= 1),
    state      TEXT NOT NULL CHECK (state = 'held' OR state = 'committed' OR state = 'released'),
    expires_at INTEGER NOT NULL
);
INSERT INTO holds_v11 SELECT id, order_id, kind, resource, quantity, state, expires_at FROM holds;
DROP TABLE holds;
ALTER TABLE holds_v11 RENAME TO holds;
CREATE INDEX holds_by_order ON holds(order_id);
CREATE INDEX holds_held_by_resource ON holds(kind, resource, expires_at, quantity) WHERE state = 'held';
CREATE TABLE order_adjustments_v11 (
    order_id   TEXT NOT NULL,
    line_index INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind = 'item_price' OR kind = 'promotion' OR kind = 'coupon' OR kind = 'points'),
    source_id  TEXT NOT NULL,
    amount     INTEGER NOT NULL CHECK (amount > 0),
    PRIMARY KEY (order_id, line_index, position),
    FOREIGN KEY (order_id, line_index) REFERENCES order_lines(order_id, line_index)
);
INSERT INTO order_adjustments_v11 SELECT order_id, line_index, position, kind, source_id, amount FROM order_adjustments;
DROP TABLE order_adjustments;
ALTER TABLE order_adjustments_v11 RENAME TO order_adjustments;
CREATE TABLE coupon_instances_v11 (
    id              TEXT PRIMARY KEY,
    template_id     TEXT NOT NULL REFERENCES coupon_templates(id),
    owner_user_id   TEXT NOT NULL,
    ordinal         INTEGER NOT NULL CHECK (ordinal >= 1),
    via             TEXT NOT NULL CHECK (via = 'claim' OR via = 'grant' OR via = 'promo_code' OR via = 'points'),
    state           TEXT NOT NULL CHECK (state = 'available' OR state = 'held' OR state = 'used' OR state = 'expired'
                                         OR state = 'revoked'),
    valid_from      INTEGER NOT NULL,
    valid_until     INTEGER NOT NULL,
    claimed_at      INTEGER NOT NULL,
    order_id        TEXT,
    hold_expires_at INTEGER,
    discount        INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
    capacity        INTEGER NOT NULL DEFAULT 1 CHECK (capacity IN (0, 1)),
    reserved        INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= capacity),
    UNIQUE (template_id, owner_user_id, ordinal)
);
INSERT INTO coupon_instances_v11 SELECT id, template_id, owner_user_id, ordinal, via, state, valid_from, valid_until,
    claimed_at, order_id, hold_expires_at, discount, capacity, reserved FROM coupon_instances;
DROP TABLE coupon_instances;
ALTER TABLE coupon_instances_v11 RENAME TO coupon_instances;
CREATE INDEX coupon_instances_by_owner ON coupon_instances(owner_user_id, state, valid_until);
CREATE INDEX coupon_instances_held ON coupon_instances(template_id, state, hold_expires_at);
)sql",
        // 12: group-buy (docs/group-buy.md). A campaign's `stock_left` is the capacity its
        // "group_stock" holds reserve from (NULL: the campaign has no stock of its own); a
        // group's `seats_open` is the capacity its "group_seat" holds reserve from: N less
        // the paid seats, so `seats_open - reserved` is what a joiner may take and the
        // conditional update of store/hold_store.cpp never lets a group take N + 1.
        R"sql(
CREATE TABLE group_campaigns (
    id         TEXT PRIMARY KEY,
    sku_id     TEXT NOT NULL,
    definition TEXT NOT NULL,
    stock_left INTEGER CHECK (stock_left IS NULL OR stock_left >= 0),
    reserved   INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND (stock_left IS NULL OR reserved <= stock_left))
) WITHOUT ROWID;
CREATE TABLE groups (
    id              TEXT PRIMARY KEY,
    campaign_id     TEXT NOT NULL REFERENCES group_campaigns(id),
    leader_user_id  TEXT NOT NULL,
    size            INTEGER NOT NULL CHECK (size >= 2 AND size <= 100),
    state           TEXT NOT NULL CHECK (state = 'pending' OR state = 'open' OR state = 'filled' OR state = 'failed'
                                         OR state = 'cancelled'),
    created_at      INTEGER NOT NULL,
    opened_at       INTEGER NOT NULL DEFAULT 0,
    deadline        INTEGER NOT NULL DEFAULT 0,
    ended_at        INTEGER NOT NULL DEFAULT 0,
    virtual_members INTEGER NOT NULL DEFAULT 0 CHECK (virtual_members >= 0),
    seats_open      INTEGER NOT NULL CHECK (seats_open >= 0 AND seats_open <= size),
    reserved        INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= seats_open)
);
CREATE INDEX groups_open_by_campaign ON groups(campaign_id, deadline) WHERE state = 'open';
CREATE INDEX groups_open_by_deadline ON groups(deadline) WHERE state = 'open';
CREATE INDEX groups_by_campaign ON groups(campaign_id, state);
CREATE TABLE group_seats (
    order_id    TEXT PRIMARY KEY REFERENCES orders(id),
    group_id    TEXT NOT NULL REFERENCES groups(id),
    campaign_id TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    position    INTEGER NOT NULL CHECK (position >= 1),
    quantity    INTEGER NOT NULL CHECK (quantity >= 1),
    state       TEXT NOT NULL CHECK (state = 'reserved' OR state = 'paid' OR state = 'released' OR state = 'left'),
    reserved_at INTEGER NOT NULL,
    paid_at     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (group_id, position)
) WITHOUT ROWID;
CREATE INDEX group_seats_by_user ON group_seats(user_id, campaign_id, state);
)sql",
        // 13: flash sales. A slot's row is made by its first checkout, with the sale's
        // stock per slot; `stock_left`/`reserved` is the counter of its flash_stock holds.
        R"sql(
CREATE TABLE flash_sales (
    id         TEXT PRIMARY KEY,
    sku_id     TEXT NOT NULL,
    definition TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE flash_slots (
    id          TEXT PRIMARY KEY,
    sale_id     TEXT NOT NULL REFERENCES flash_sales(id),
    starts_at   INTEGER NOT NULL,
    stock       INTEGER NOT NULL CHECK (stock >= 1),
    stock_left  INTEGER NOT NULL CHECK (stock_left >= 0 AND stock_left <= stock),
    reserved    INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= stock_left),
    sold_out_at INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE flash_orders (
    order_id   TEXT PRIMARY KEY REFERENCES orders(id),
    sale_id    TEXT NOT NULL,
    slot_id    TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    day        INTEGER NOT NULL,
    quantity   INTEGER NOT NULL CHECK (quantity >= 1),
    created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX flash_orders_by_user ON flash_orders(user_id, sale_id, day);
CREATE INDEX flash_orders_by_slot ON flash_orders(slot_id);
)sql",
        // 14: bargains (docs/bargain.md). A bargain's `buys_left` is the capacity its
        // "bargain" hold reserves from: 1 until an order buying it is paid, so at most one
        // unpaid order holds it (the conditional update of store/hold_store.cpp). Helps are
        // keyed by (bargain, friend): one help per friend per bargain, whatever races.
        // share_links is rebuilt because its CHECK gains the target kind 'bargain' (the
        // bargain's invite).
        R"sql(
CREATE TABLE share_links_v14 (
    code            TEXT PRIMARY KEY,
    token           TEXT NOT NULL,
    sharer_id       TEXT NOT NULL,
    target_kind     TEXT NOT NULL CHECK (target_kind = 'sku' OR target_kind = 'group' OR target_kind = 'campaign'
                                         OR target_kind = 'store' OR target_kind = 'bargain'),
    target_id       TEXT NOT NULL,
    channel         TEXT NOT NULL,
    key_id          TEXT NOT NULL REFERENCES share_keys(key_id),
    issued_at       INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    nonce           BLOB NOT NULL CHECK (length(nonce) = 12),
    idempotency_key TEXT NOT NULL,
    UNIQUE (sharer_id, idempotency_key)
) WITHOUT ROWID;
INSERT INTO share_links_v14 SELECT code, token, sharer_id, target_kind, target_id, channel, key_id, issued_at,
    expires_at, nonce, idempotency_key FROM share_links;
DROP TABLE share_links;
ALTER TABLE share_links_v14 RENAME TO share_links;
CREATE TABLE bargain_programs (
    id         TEXT PRIMARY KEY,
    sku_id     TEXT NOT NULL,
    definition TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE bargains (
    id             TEXT PRIMARY KEY,
    program_id     TEXT NOT NULL REFERENCES bargain_programs(id),
    user_id        TEXT NOT NULL,
    sku_id         TEXT NOT NULL,
    start_price    INTEGER NOT NULL CHECK (start_price >= 0),
    floor_price    INTEGER NOT NULL CHECK (floor_price >= 0 AND floor_price <= start_price),
    price          INTEGER NOT NULL CHECK (price >= floor_price AND price <= start_price),
    helpers_needed INTEGER NOT NULL CHECK (helpers_needed >= 1 AND helpers_needed <= 100),
    state          TEXT NOT NULL CHECK (state = 'open' OR state = 'floor_reached' OR state = 'bought'
                                        OR state = 'expired'),
    opened_at      INTEGER NOT NULL,
    deadline       INTEGER NOT NULL,
    ended_at       INTEGER NOT NULL DEFAULT 0,
    order_id       TEXT,
    buys_left      INTEGER NOT NULL DEFAULT 1 CHECK (buys_left = 0 OR buys_left = 1),
    reserved       INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= buys_left)
);
CREATE INDEX bargains_live_by_deadline ON bargains(deadline) WHERE state = 'open' OR state = 'floor_reached';
CREATE INDEX bargains_by_user ON bargains(user_id, opened_at);
CREATE INDEX bargains_by_program ON bargains(program_id, opened_at);
CREATE TABLE bargain_helps (
    bargain_id  TEXT NOT NULL REFERENCES bargains(id),
    user_id     TEXT NOT NULL,
    amount      INTEGER NOT NULL CHECK (amount >= 1),
    price_after INTEGER NOT NULL CHECK (price_after >= 0),
    at          INTEGER NOT NULL,
    PRIMARY KEY (bargain_id, user_id)
) WITHOUT ROWID;
)sql",
        // 15: every write asks for groups and bargains past their deadline, in (deadline, id)
        // order. Their indexes held the deadline alone, so SQLite sorted the id part in a
        // temporary b-tree on each call, empty or not: a tenth of a group-buy join's
        // instructions (docs/benchmarks.md, "Group-buy"). With the id in the index the order
        // is the index's own.
        R"sql(
DROP INDEX groups_open_by_deadline;
CREATE INDEX groups_open_by_deadline ON groups(deadline, id) WHERE state = 'open';
DROP INDEX bargains_live_by_deadline;
CREATE INDEX bargains_live_by_deadline ON bargains(deadline, id) WHERE state = 'open' OR state = 'floor_reached';
)sql",
        // 16: the event log without AUTOINCREMENT, whose counter row in sqlite_sequence was
        // read and rewritten by every event insert: one more page in every write's commit
        // (docs/benchmarks.md, "Events without AUTOINCREMENT"). Sequence numbers still never
        // go back, because compaction keeps the newest event (store/event_store.cpp) and
        // SQLite gives a new row the largest seq + 1. A log that compaction had emptied up to
        // its newest event gets a marker at the number the counter had reached, so that a
        // host's cursor stays valid. Also: the live groups a shopper leads in a campaign, found
        // through an index of their own instead of among every live group of the campaign.
        R"sql(
CREATE TABLE events_v16 (
    seq        INTEGER PRIMARY KEY,
    type       TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    time_ms    INTEGER NOT NULL,
    payload    TEXT NOT NULL
);
INSERT INTO events_v16(seq, type, subject_id, time_ms, payload)
    SELECT seq, type, subject_id, time_ms, payload FROM events;
INSERT INTO events_v16(seq, type, subject_id, time_ms, payload)
    SELECT seq, 'events.compacted', 'events', COALESCE((SELECT MAX(time_ms) FROM events), 0), '{}'
    FROM sqlite_sequence WHERE name = 'events' AND seq > (SELECT COALESCE(MAX(seq), 0) FROM events);
DROP TABLE events;
ALTER TABLE events_v16 RENAME TO events;
CREATE INDEX events_by_type ON events(type, seq);
CREATE INDEX groups_live_by_leader ON groups(leader_user_id, campaign_id) WHERE state = 'pending' OR state = 'open';
)sql",
        // 17: the rows an order writes beside itself, and the idempotency records, keyed by their
        // primary key alone (WITHOUT ROWID). As rowid tables each kept its rows in one b-tree and
        // its primary key in another, so every checkout and payment wrote both (measured: 3.8%
        // fewer WAL frames per group-buy join; docs/benchmarks.md, "Group-buy"). Columns,
        // checks, keys and the index by age are as before; none of these tables is read by rowid.
        R"sql(
CREATE TABLE order_adjustments_v17 (
    order_id   TEXT NOT NULL,
    line_index INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind = 'item_price' OR kind = 'promotion' OR kind = 'coupon' OR kind = 'points'),
    source_id  TEXT NOT NULL,
    amount     INTEGER NOT NULL CHECK (amount > 0),
    PRIMARY KEY (order_id, line_index, position),
    FOREIGN KEY (order_id, line_index) REFERENCES order_lines(order_id, line_index)
) WITHOUT ROWID;
INSERT INTO order_adjustments_v17 SELECT order_id, line_index, position, kind, source_id, amount FROM order_adjustments;
DROP TABLE order_adjustments;
ALTER TABLE order_adjustments_v17 RENAME TO order_adjustments;
CREATE TABLE order_merchants_v17 (
    order_id           TEXT NOT NULL REFERENCES orders(id),
    position           INTEGER NOT NULL,
    merchant_id        TEXT NOT NULL,
    subtotal           INTEGER NOT NULL,
    discount           INTEGER NOT NULL,
    goods_net          INTEGER NOT NULL,
    shipping_fee       INTEGER NOT NULL CHECK (shipping_fee >= 0),
    shipping_waived    INTEGER NOT NULL CHECK (shipping_waived >= 0),
    shipping_waived_by TEXT NOT NULL,
    shipping           INTEGER NOT NULL CHECK (shipping >= 0),
    total              INTEGER NOT NULL,
    points_amount      INTEGER NOT NULL DEFAULT 0 CHECK (points_amount >= 0),
    PRIMARY KEY (order_id, position)
) WITHOUT ROWID;
INSERT INTO order_merchants_v17 SELECT order_id, position, merchant_id, subtotal, discount, goods_net, shipping_fee,
    shipping_waived, shipping_waived_by, shipping, total, points_amount FROM order_merchants;
DROP TABLE order_merchants;
ALTER TABLE order_merchants_v17 RENAME TO order_merchants;
CREATE TABLE order_applied_v17 (
    order_id    TEXT NOT NULL REFERENCES orders(id),
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('promotion', 'coupon')),
    source_id   TEXT NOT NULL,
    template_id TEXT NOT NULL,
    amount      INTEGER NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (order_id, position)
) WITHOUT ROWID;
INSERT INTO order_applied_v17 SELECT order_id, position, kind, source_id, template_id, amount FROM order_applied;
DROP TABLE order_applied;
ALTER TABLE order_applied_v17 RENAME TO order_applied;
CREATE TABLE idempotency_v17 (
    scope      TEXT NOT NULL,
    key        TEXT NOT NULL,
    request    TEXT NOT NULL,
    result_id  TEXT NOT NULL,
    created_at INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (scope, key)
) WITHOUT ROWID;
INSERT INTO idempotency_v17 SELECT scope, key, request, result_id, created_at FROM idempotency;
DROP TABLE idempotency;
ALTER TABLE idempotency_v17 RENAME TO idempotency;
CREATE INDEX idempotency_by_age ON idempotency(created_at);
)sql",
    };
    return steps;
}

}  // namespace sc

// Quote and checkout with promotions, shipping rules and coupons; the order's pricing
// snapshot; the coupon's life at checkout, pay, cancel, lapse and refund.
#include "coupon_support.hpp"

using namespace sc;
using namespace sc::test;

namespace {

CheckoutRequest best() { return CheckoutRequest::with(CouponChoice::best_combination()); }
CheckoutRequest these(std::vector<std::string> codes) { return CheckoutRequest::with(CouponChoice::these(std::move(codes))); }

CouponState state_of(Engine& engine, const std::string& user, const std::string& code) {
    for (const auto& c : engine.coupons_of_user(user))
        if (c.code == code) return c.state;
    FAIL("no such coupon");
    return CouponState::revoked;
}

// Base less adjustments is each line's net; nets plus shipping are the total.
void check_snapshot(const Order& order) {
    int64_t nets = 0;
    int64_t discount = 0;
    for (const auto& line : order.lines) {
        int64_t adj = 0;
        for (const auto& a : line.adjustments) adj += a.amount;
        CHECK(line.base - adj == line.net);
        nets += line.net;
        discount += adj;
    }
    CHECK(discount == order.discount);
    CHECK(order.subtotal - order.discount + order.shipping == order.total);
    CHECK(nets + order.shipping == order.total);
    int64_t shipping = 0;
    for (const auto& m : order.merchants) shipping += m.shipping;
    CHECK(shipping == order.shipping);
}

}  // namespace

TEST_CASE("quote equals checkout for the same request; the order keeps the pricing snapshot") {
    CouponShop shop;
    shop.engine.put_promotion(threshold_promotion("spend100", 10000, 1000));
    shop.engine.put_shipping_rule(ShippingRule{"", 800, 30000});
    shop.engine.put_coupon_template(fixed_coupon("c5", 500));
    const CouponInstance coupon = shop.engine.claim_coupon("lin", "c5", "cl");
    shop.engine.cart_add("lin", "tea", 1);
    shop.engine.cart_add("lin", "cup", 1);
    const Quote plain = shop.engine.quote("lin");
    CHECK(plain.payable == 6800 + 3950 - 1000 + 800);
    const Quote quoted = shop.engine.quote("lin", best());
    CHECK(quoted.payable == 6800 + 3950 - 1000 - 500 + 800);
    REQUIRE(quoted.coupons.size() == 1);
    CHECK(quoted.coupons[0].code == coupon.code);
    const Order order = shop.engine.checkout("lin", best(), "k");
    CHECK(order.total == quoted.payable);
    CHECK(order.shipping == 800);
    CHECK(order.discount == 1500);
    check_snapshot(order);
    const Order read = shop.engine.order(order.id);
    CHECK(read.lines[0].adjustments == order.lines[0].adjustments);
    CHECK(read.merchants == order.merchants);
    CHECK(read.promotions == order.promotions);
    CHECK(read.coupons == order.coupons);
    check_snapshot(read);
    // Another request under the same key conflicts.
    CHECK_SC_ERROR_FIELD(shop.engine.checkout("lin", "k"), SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key");
    CHECK(shop.engine.checkout("lin", best(), "k").id == order.id);
    CHECK(no_drift(shop.file.path));
}

TEST_CASE("a coupon is held at checkout, used at pay, and counted in the report") {
    CouponShop shop;
    shop.engine.put_promotion(threshold_promotion("spend50", 5000, 300));
    shop.engine.put_coupon_template(fixed_coupon("c5", 500));
    const CouponInstance c = shop.engine.claim_coupon("lin", "c5", "cl");
    shop.engine.cart_add("lin", "tea", 1);
    const Order order = shop.engine.checkout("lin", these({c.code}), "k");
    CHECK(order.total == 6800 - 300 - 500);
    CHECK(state_of(shop.engine, "lin", c.code) == CouponState::held);
    CHECK(count_type(shop.engine, "coupon.held") == 1);
    CHECK(shop.engine.coupon_report()[0].held == 1);
    CHECK(no_drift(shop.file.path));
    // The held coupon cannot price a second order.
    shop.engine.cart_add("lin", "cup", 1);
    const Quote second = shop.engine.quote("lin", these({c.code}));
    CHECK(second.coupons.empty());
    REQUIRE(second.explanations.size() == 1);
    CHECK(second.explanations[0].reason == CouponReason::not_available);

    shop.engine.pay(order.id, "ref", order.total, "p");
    CHECK(state_of(shop.engine, "lin", c.code) == CouponState::used);
    CHECK(count_type(shop.engine, "coupon.used") == 1);
    CHECK(count_type(shop.engine, "promotion.applied") == 1);
    const auto promo = shop.engine.events_of_type("promotion.applied", 0, 10);
    CHECK(nlohmann::json::parse(promo.at(0).payload)["amount"] == 300);
    const CouponReportRow row = shop.engine.coupon_report()[0];
    CHECK(row.claimed == 1);
    CHECK(row.used == 1);
    CHECK(row.held == 0);
    CHECK(row.discount_given == 500);
    CHECK(no_drift(shop.file.path));
}

TEST_CASE("cancel releases the coupon") {
    CouponShop shop;
    shop.engine.put_coupon_template(fixed_coupon("c5", 500));
    const CouponInstance c = shop.engine.claim_coupon("lin", "c5", "cl");
    shop.engine.cart_add("lin", "tea", 1);
    const Order order = shop.engine.checkout("lin", best(), "k");
    CHECK(order.coupons.size() == 1);
    shop.engine.cancel(order.id);
    CHECK(state_of(shop.engine, "lin", c.code) == CouponState::available);
    CHECK(count_type(shop.engine, "coupon.released") == 1);
    CHECK(shop.engine.coupon_report()[0].used == 0);
    CHECK(no_drift(shop.file.path));
    shop.engine.cart_add("lin", "tea", 1);
    CHECK(shop.engine.checkout("lin", these({c.code}), "k2").total == 6300);
    CHECK(no_drift(shop.file.path));
}

TEST_CASE("a lapsed payment window releases the coupon: read at once, settled by a later write or by sweep") {
    CouponShop shop;
    shop.engine.put_coupon_template(fixed_coupon("c5", 500, std::nullopt, 2));
    const CouponInstance c1 = shop.engine.claim_coupon("lin", "c5", "cl1");
    const CouponInstance c2 = shop.engine.claim_coupon("wei", "c5", "cl2");
    shop.engine.cart_add("lin", "tea", 1);
    shop.engine.cart_add("wei", "tea", 1);
    shop.engine.checkout("lin", best(), "k1");
    shop.engine.checkout("wei", best(), "k2");
    shop.clock.advance_ms(kDefaultPaymentWindowMs);
    // Reads see the lapse and write nothing.
    const int64_t released = count_type(shop.engine, "coupon.released");
    CHECK(state_of(shop.engine, "lin", c1.code) == CouponState::available);
    CHECK(shop.engine.coupon_report()[0].held == 0);
    CHECK(count_type(shop.engine, "coupon.released") == released);
    // lin's next checkout settles the lapsed order and uses the coupon again.
    shop.engine.cart_add("lin", "cup", 1);
    CHECK(shop.engine.quote("lin", best()).coupons.size() == 1);
    const Order again = shop.engine.checkout("lin", best(), "k3");
    REQUIRE(again.coupons.size() == 1);
    CHECK(again.coupons[0].code == c1.code);
    CHECK(no_drift(shop.file.path));
    // wei's is settled by sweep (or by the batch a write settles on its way in).
    shop.engine.sweep(100);
    CHECK(count_type(shop.engine, "coupon.released") == 2);
    CHECK(state_of(shop.engine, "wei", c2.code) == CouponState::available);
    CHECK(no_drift(shop.file.path));
}

TEST_CASE("a full refund returns a valid coupon; a partial refund does not; an expired one stays used") {
    CouponShop shop;
    shop.engine.put_coupon_template(fixed_coupon("c5", 500, std::nullopt, 3));
    const CouponInstance c = shop.engine.claim_coupon("lin", "c5", "cl");
    shop.engine.cart_add("lin", "tea", 2);
    const Order order = shop.engine.checkout("lin", best(), "k");
    shop.engine.pay(order.id, "ref", order.total, "p");
    shop.engine.refund_line(order.id, 0, 1, "r1");  // partial
    CHECK(state_of(shop.engine, "lin", c.code) == CouponState::used);
    CHECK(count_type(shop.engine, "coupon.returned") == 0);
    const Order refunded = shop.engine.refund_line(order.id, 0, 1, "r2");  // the rest
    CHECK(refunded.state == SC_ORDER_REFUNDED);
    CHECK(state_of(shop.engine, "lin", c.code) == CouponState::available);
    CHECK(count_type(shop.engine, "coupon.returned") == 1);
    CouponReportRow row = shop.engine.coupon_report()[0];
    CHECK(row.used == 1);
    CHECK(row.returned == 1);
    CHECK(row.discount_given == 0);
    CHECK(no_drift(shop.file.path));

    // Used again, then refunded after its validity ended: it stays used.
    shop.engine.cart_add("lin", "tea", 1);
    const Order second = shop.engine.checkout("lin", these({c.code}), "k2");
    REQUIRE(second.coupons.size() == 1);
    shop.engine.pay(second.id, "ref2", second.total, "p2");
    shop.clock.advance_ms(8 * kDay);
    shop.engine.refund_amount(second.id, second.total, "r3");
    CHECK(shop.engine.order(second.id).state == SC_ORDER_REFUNDED);
    CHECK(count_type(shop.engine, "coupon.returned") == 1);
    row = shop.engine.coupon_report()[0];
    CHECK(row.used == 2);
    CHECK(row.discount_given == 500);
    CHECK(no_drift(shop.file.path));
}

TEST_CASE("the full-refund return can be switched off") {
    TempDb file;
    ManualClock clock;
    EngineConfig config = config_for(file, clock);
    config.return_coupons_on_full_refund = false;
    Engine engine(config);
    engine.put_sku(make_sku("tea", 6800, 10));
    engine.put_coupon_template(fixed_coupon("c5", 500));
    const CouponInstance c = engine.claim_coupon("lin", "c5", "cl");
    engine.cart_add("lin", "tea", 1);
    const Order order = engine.checkout("lin", best(), "k");
    engine.pay(order.id, "ref", order.total, "p");
    engine.refund_amount(order.id, order.total, "r");
    CHECK(state_of(engine, "lin", c.code) == CouponState::used);
}

TEST_CASE("shipping is paid with the order and is not refunded; refunds are bounded by the lines' nets") {
    CouponShop shop;
    shop.engine.put_shipping_rule(ShippingRule{"", 800, std::nullopt});
    shop.engine.cart_add("lin", "tea", 1);
    const Order order = shop.engine.checkout("lin", "k");
    CHECK(order.total == 7600);
    shop.engine.pay(order.id, "ref", order.total, "p");
    CHECK_SC_ERROR(shop.engine.refund_amount(order.id, 7600, "r0"), SC_ERR_REFUND_EXCEEDS_PAID);
    CHECK(shop.engine.refund_amount(order.id, 6800, "r1").state == SC_ORDER_REFUNDED);
}

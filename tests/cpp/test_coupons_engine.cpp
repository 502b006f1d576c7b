// Coupon templates and instances through the engine: claim, grant, promo codes, limits
// under concurrency, audience, the program document sections, the report.
#include "coupon_support.hpp"

#include <atomic>
#include <thread>

using namespace sc;
using namespace sc::test;

TEST_CASE("coupon claim: total quantity and per-user limit are exact") {
    CouponShop shop;
    shop.engine.put_coupon_template(fixed_coupon("c10", 1000, 3, 2));
    CHECK(shop.engine.claim_coupon("lin", "c10", "k1").template_id == "c10");
    CHECK(shop.engine.claim_coupon("lin", "c10", "k2").owner_user_id == "lin");
    CHECK_SC_ERROR_FIELD(shop.engine.claim_coupon("lin", "c10", "k3"), SC_ERR_LIMIT_EXCEEDED, "user_id");
    shop.engine.claim_coupon("wei", "c10", "k4");
    CHECK_SC_ERROR_FIELD(shop.engine.claim_coupon("ann", "c10", "k5"), SC_ERR_LIMIT_EXCEEDED, "template_id");
    CHECK(shop.engine.coupons_of_user("lin").size() == 2);
    CHECK(shop.engine.coupons_of_user("ann").empty());
    const auto report = shop.engine.coupon_report();
    REQUIRE(report.size() == 1);
    CHECK(report[0].claimed == 3);
    CHECK(count_type(shop.engine, "coupon.issued") == 3);
    // The total cannot go below what is issued.
    CHECK_SC_ERROR_FIELD(shop.engine.put_coupon_template(fixed_coupon("c10", 1000, 2, 2)), SC_ERR_INVALID_ARGUMENT,
                         "total_quantity");
    CHECK_SC_ERROR(shop.engine.claim_coupon("lin", "nope", "k6"), SC_ERR_NOT_FOUND);
}

TEST_CASE("coupon claim is idempotent per key; other arguments under the key conflict") {
    CouponShop shop;
    shop.engine.put_coupon_template(fixed_coupon("c10", 1000, 5, 3));
    shop.engine.put_coupon_template(fixed_coupon("c20", 2000, 5, 3));
    const CouponInstance first = shop.engine.claim_coupon("lin", "c10", "k");
    const int64_t events = count_type(shop.engine, "coupon.issued");
    CHECK(shop.engine.claim_coupon("lin", "c10", "k") == first);
    CHECK(count_type(shop.engine, "coupon.issued") == events);
    CHECK(shop.engine.coupons_of_user("lin").size() == 1);
    CHECK_SC_ERROR_FIELD(shop.engine.claim_coupon("lin", "c20", "k"), SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key");
    CHECK_SC_ERROR_FIELD(shop.engine.claim_coupon("wei", "c10", "k"), SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key");
    CHECK_SC_ERROR(shop.engine.grant_coupon("lin", "c10", "k"), SC_ERR_IDEMPOTENCY_CONFLICT);
    CHECK(first.code.rfind("cpn_", 0) == 0);
    CHECK(first.code.size() == 4 + 26);
    CHECK(first.valid_until - first.valid_from == 7 * kDay);
}

TEST_CASE("issue modes: a claim template is claimed, a grant template granted, a promo code redeemed") {
    CouponShop shop;
    CouponTemplate grant = fixed_coupon("g", 500);
    grant.issue_mode = CouponIssueMode::grant;
    CouponTemplate code = fixed_coupon("spring", 2000, 2);
    code.issue_mode = CouponIssueMode::promo_code;
    code.promo_code = "SPRING20";
    shop.engine.put_coupon_template(grant);
    shop.engine.put_coupon_template(code);
    CHECK_SC_ERROR(shop.engine.claim_coupon("lin", "g", "k1"), SC_ERR_INVALID_STATE);
    CHECK(shop.engine.grant_coupon("lin", "g", "k2").template_id == "g");
    const CouponInstance c = shop.engine.redeem_promo_code("lin", "SPRING20", "k3");
    CHECK(c.template_id == "spring");
    CHECK(shop.engine.redeem_promo_code("lin", "SPRING20", "k3") == c);
    CHECK_SC_ERROR(shop.engine.redeem_promo_code("lin", "SPRING20", "k4"), SC_ERR_LIMIT_EXCEEDED);  // per user
    shop.engine.redeem_promo_code("wei", "SPRING20", "k5");
    CHECK_SC_ERROR_FIELD(shop.engine.redeem_promo_code("ann", "SPRING20", "k6"), SC_ERR_LIMIT_EXCEEDED, "promo_code");
    CHECK_SC_ERROR_FIELD(shop.engine.redeem_promo_code("ann", "WINTER", "k7"), SC_ERR_NOT_FOUND, "promo_code");
    int vias = 0;
    for (const auto& e : shop.engine.events_of_type("coupon.issued", 0, 100))
        vias += nlohmann::json::parse(e.payload)["via"] == "promo_code";
    CHECK(vias == 2);
    // Another template cannot take the same code.
    CouponTemplate same = code;
    same.id = "spring2";
    CHECK_SC_ERROR_FIELD(shop.engine.put_coupon_template(same), SC_ERR_INVALID_ARGUMENT, "promo_code");
}

TEST_CASE("the new_users audience: no paid order yet; a tier audience needs a tier program") {
    CouponShop shop;
    CouponTemplate fresh = fixed_coupon("welcome", 500);
    fresh.audience.kind = CouponAudience::Kind::new_users;
    shop.engine.put_coupon_template(fresh);
    shop.engine.cart_add("old", "tea", 1);
    const Order order = shop.engine.checkout("old", "o1");
    CHECK(shop.engine.claim_coupon("old", "welcome", "c0").template_id == "welcome");  // unpaid: still new
    shop.engine.pay(order.id, "ref", order.total, "p1");
    CHECK_SC_ERROR_FIELD(shop.engine.grant_coupon("old", "welcome", "c1"), SC_ERR_INVALID_STATE, "template_id");
    CHECK(shop.engine.claim_coupon("old2", "welcome", "c2").template_id == "welcome");
    CouponTemplate tier = fixed_coupon("gold", 500);
    tier.audience = CouponAudience{CouponAudience::Kind::min_tier, 2};
    CHECK_SC_ERROR_FIELD(shop.engine.put_coupon_template(tier), SC_ERR_INVALID_ARGUMENT, "audience.min_tier");
}

TEST_CASE("definitions: a put that changes nothing appends no event; listings return them") {
    CouponShop shop;
    shop.engine.put_coupon_template(fixed_coupon("c10", 1000));
    shop.engine.put_coupon_template(fixed_coupon("c10", 1000));
    shop.engine.put_promotion(threshold_promotion("p", 10000, 1000));
    shop.engine.put_promotion(threshold_promotion("p", 10000, 1000));
    shop.engine.put_shipping_rule(ShippingRule{"", 800, 9900});
    shop.engine.put_shipping_rule(ShippingRule{"", 800, 9900});
    CHECK(count_type(shop.engine, "coupon_template.put") == 1);
    CHECK(count_type(shop.engine, "promotion.put") == 1);
    CHECK(count_type(shop.engine, "shipping_rule.put") == 1);
    shop.engine.put_promotion(threshold_promotion("p", 10000, 1500));
    CHECK(count_type(shop.engine, "promotion.put") == 2);
    CHECK(shop.engine.promotions().at(0).tiers.at(0).off == 1500);
    CHECK(shop.engine.coupon_templates() == std::vector<CouponTemplate>{fixed_coupon("c10", 1000)});
    CHECK(shop.engine.shipping_rules() == std::vector<ShippingRule>{ShippingRule{"", 800, 9900}});
    CHECK_SC_ERROR_FIELD(shop.engine.put_shipping_rule(ShippingRule{"m1", -1, std::nullopt}), SC_ERR_INVALID_ARGUMENT,
                         "flat_fee");
    CHECK_SC_ERROR(shop.engine.put_promotion(threshold_promotion("bad", 100, 0)), SC_ERR_INVALID_ARGUMENT);
}

TEST_CASE("program document: promotions, coupon templates and shipping rules round-trip; errors name the field") {
    CouponShop shop;
    CouponTemplate code = fixed_coupon("spring", 2000, 100);
    code.issue_mode = CouponIssueMode::promo_code;
    code.promo_code = "SPRING20";
    shop.engine.put_coupon_template(code);
    shop.engine.put_promotion(threshold_promotion("p", 10000, 1000));
    shop.engine.put_shipping_rule(ShippingRule{"m1", 800, 9900});
    const std::string exported = shop.engine.export_program();
    CHECK(exported.find("\"coupon_templates\"") != std::string::npos);

    TempDb other_file;
    Engine other(config_for(other_file, shop.clock));
    other.import_program(exported);
    CHECK(other.coupon_templates() == shop.engine.coupon_templates());
    CHECK(other.promotions() == shop.engine.promotions());
    CHECK(other.shipping_rules() == shop.engine.shipping_rules());
    CHECK(other.export_program() == exported);
    const int64_t puts = count_type(other, "coupon_template.put");
    other.import_program(exported);  // the same again: no rule event
    CHECK(count_type(other, "coupon_template.put") == puts);

    const std::string head = R"({"format":"socialcart.program/1",)";
    CHECK_SC_ERROR_FIELD(other.import_program(head + R"("coupon_templates":[{"id":"a","title":"A","kind":"fixed_amount","value":1,"validity":{"kind":"days_from_claim","days":3}},{"id":"b","title":"B","kind":"fixed_amount","value":-5,"validity":{"kind":"days_from_claim","days":3}}]})"),
                         SC_ERR_VALIDATION, "coupon_templates[1].value");
    CHECK_SC_ERROR_FIELD(other.import_program(head + R"("coupon_templates":[{"id":"a","title":"A","kind":"fixed_amount","value":1,"colour":"red","validity":{"kind":"days_from_claim","days":3}}]})"),
                         SC_ERR_VALIDATION, "coupon_templates[0].colour");
    CHECK_SC_ERROR_FIELD(other.import_program(head + R"("promotions":[{"id":"p","title":"P","kind":"threshold","tiers":[{"min_spend":"100","off":1}]}]})"),
                         SC_ERR_VALIDATION, "promotions[0].tiers[0].min_spend");
    CHECK_SC_ERROR_FIELD(other.import_program(head + R"("promotions":[{"id":"p","title":"P","kind":"percent_off","bps":99999999999999999999}]})"),
                         SC_ERR_VALIDATION, "promotions[0].bps");
    CHECK_SC_ERROR_FIELD(other.import_program(head + R"("shipping_rules":[{"merchant_id":"m","flat_fee":1},{"merchant_id":"m","flat_fee":2}]})"),
                         SC_ERR_VALIDATION, "shipping_rules[1].merchant_id");
    CHECK_SC_ERROR_FIELD(other.import_program(head + R"("coupon_templates":[{"id":"t","title":"T","kind":"fixed_amount","value":1,"audience":{"kind":"min_tier","min_tier":2},"validity":{"kind":"days_from_claim","days":3}}]})"),
                         SC_ERR_VALIDATION, "coupon_templates[0].audience.min_tier");
}

TEST_CASE("64 threads claiming a template with 1 copy left: exactly one succeeds, 20 rounds") {
    CouponShop shop;
    for (int round = 0; round < 20; ++round) {
        const std::string id = "t" + std::to_string(round);
        shop.engine.put_coupon_template(fixed_coupon(id, 100, 2, 1));
        shop.engine.claim_coupon("first", id, "first-" + id);  // one copy left
        std::atomic<int> wins{0};
        std::atomic<int> sold_out{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 64; ++t)
            threads.emplace_back([&, t] {
                try {
                    shop.engine.claim_coupon("u" + std::to_string(t), id, "k-" + id + "-" + std::to_string(t));
                    ++wins;
                } catch (const Error& e) {
                    if (e.code() == SC_ERR_LIMIT_EXCEEDED) ++sold_out;
                }
            });
        for (auto& t : threads) t.join();
        CHECK(wins == 1);
        CHECK(sold_out == 63);
    }
    const auto report = shop.engine.coupon_report();
    REQUIRE(report.size() == 20);
    for (const auto& row : report) CHECK(row.claimed == 2);
    CHECK(no_drift(shop.file.path));
}

TEST_CASE("64 threads redeeming a promo code with 1 copy left: exactly one succeeds, 10 rounds") {
    CouponShop shop;
    for (int round = 0; round < 10; ++round) {
        const std::string id = "code" + std::to_string(round);
        CouponTemplate t = fixed_coupon(id, 100, 2, 1);
        t.issue_mode = CouponIssueMode::promo_code;
        t.promo_code = "RACE" + std::to_string(round);
        shop.engine.put_coupon_template(t);
        shop.engine.redeem_promo_code("first", t.promo_code, "first-" + id);  // one copy left
        std::atomic<int> wins{0};
        std::atomic<int> sold_out{0};
        std::vector<std::thread> threads;
        for (int n = 0; n < 64; ++n)
            threads.emplace_back([&, n] {
                try {
                    shop.engine.redeem_promo_code("u" + std::to_string(n), t.promo_code,
                                                  "k-" + id + "-" + std::to_string(n));
                    ++wins;
                } catch (const Error& e) {
                    if (e.code() == SC_ERR_LIMIT_EXCEEDED) ++sold_out;
                }
            });
        for (auto& th : threads) th.join();
        CHECK(wins == 1);
        CHECK(sold_out == 63);
    }
    for (const auto& row : shop.engine.coupon_report()) CHECK(row.claimed == 2);
    CHECK(no_drift(shop.file.path));
}

TEST_CASE("16 checkouts of one shopper racing to use the same coupon: exactly one order gets it") {
    CouponShop shop;
    shop.engine.put_coupon_template(fixed_coupon("once", 500));
    const std::string code = shop.engine.claim_coupon("lin", "once", "k-once").code;
    std::atomic<int> with_coupon{0};
    std::atomic<int> orders{0};
    std::vector<std::thread> threads;
    for (int n = 0; n < 16; ++n)
        threads.emplace_back([&, n] {
            try {
                shop.engine.cart_add("lin", "cake", 1);
                const Order o = shop.engine.checkout("lin", CheckoutRequest::with(CouponChoice::these({code})),
                                                     "k-order-" + std::to_string(n));
                ++orders;
                for (const auto& c : o.coupons) with_coupon += c.code == code;
            } catch (const Error& e) {
                CHECK(e.code() == SC_ERR_CART_EMPTY);  // another thread's checkout took the line
            }
        });
    for (auto& th : threads) th.join();
    CHECK(orders >= 1);
    CHECK(with_coupon == 1);
    CHECK(count_type(shop.engine, "coupon.held") == 1);
    CHECK(no_drift(shop.file.path));
}

TEST_CASE("two engines on one file (as two processes would be), 8 threads each, claim the last copy: one wins") {
    TempDb file;
    ManualClock clock;
    Engine a(config_for(file, clock));
    Engine b(config_for(file, clock));
    for (int round = 0; round < 20; ++round) {
        const std::string id = "t" + std::to_string(round);
        a.put_coupon_template(fixed_coupon(id, 100, 1, 1));
        std::atomic<int> wins{0};
        std::atomic<int> other{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 16; ++t)
            threads.emplace_back([&, t] {
                Engine& engine = t % 2 ? a : b;
                try {
                    engine.claim_coupon("u" + std::to_string(t), id, "k-" + id + "-" + std::to_string(t));
                    ++wins;
                } catch (const Error& e) {
                    if (e.code() != SC_ERR_LIMIT_EXCEEDED) ++other;
                }
            });
        for (auto& t : threads) t.join();
        CHECK(wins == 1);
        CHECK(other == 0);
    }
    for (const auto& row : b.coupon_report()) CHECK(row.claimed == 1);
}

// Catalog use cases: SKUs and the program document.
#include "core/error.hpp"
#include "core/text.hpp"
#include "engine/engine.hpp"
#include "engine/flashsale_steps.hpp"
#include "engine/groupbuy_steps.hpp"
#include "store/definition_store.hpp"
#include "store/flashsale_store.hpp"
#include "engine/bargain_steps.hpp"
#include "engine/groupbuy_steps.hpp"
#include "store/bargain_store.hpp"
#include "store/groupbuy_store.hpp"
#include "engine/referral_steps.hpp"
#include "engine/rule_steps.hpp"
#include "engine/points_steps.hpp"
#include "engine/tier_steps.hpp"
#include "engine/steps.hpp"
#include "store/points_store.hpp"
#include "program/program_document.hpp"
#include "store/catalog_store.hpp"
#include "store/coupon_store.hpp"
#include "store/hold_store.hpp"
#include "store/promotion_store.hpp"

namespace sc {

namespace {

// The catalog has one currency, fixed by its first SKU: carts and orders never mix.
void require_catalog_currency(Tx& tx, const std::string& currency, const std::string& field) {
    const std::string current = steps::catalog_currency(tx.db);
    if (current.empty()) {
        store::set_catalog_currency(tx.db, currency);
    } else if (current != currency) {
        // The message names the catalog's currency (a listed code) but not the one given:
        // messages never repeat what the caller or a document supplied.
        fail(SC_ERR_CURRENCY_MISMATCH, field + ": the catalog is priced in " + current + " and keeps one currency",
             field);
    }
}

// Stock already promised to unpaid orders cannot be taken back by a stock update;
// promises whose payment window has lapsed are settled first, to make room.
void require_stock_covers_holds(Tx& tx, const Sku& sku, sc_status_t code, const std::string& field) {
    if (!sku.stock_on_hand) return;
    steps::settle_lapsed_holders(tx, "stock", sku.id, *sku.stock_on_hand);
    const int64_t held = store::reserved_quantity(tx.db, "stock", sku.id);
    if (*sku.stock_on_hand < held)
        fail(code, field + ": must not be lower than the " + std::to_string(held) + " unit(s) held by unpaid orders",
             field);
}

void save_sku(Tx& tx, const Sku& sku) {
    if (store::find_sku(tx.db, sku.id) == sku) return;  // nothing changes, nothing is logged
    store::upsert_sku(tx.db, sku);
    nlohmann::json payload{{"sku_id", sku.id}, {"list_price", sku.list_price}, {"currency", sku.currency},
                           {"active", sku.active}};
    payload["stock"] = sku.stock_on_hand ? nlohmann::json(*sku.stock_on_hand) : nlohmann::json(nullptr);
    tx.emit(NewEvent{"sku.put", sku.id, std::move(payload)});
}

}  // namespace

void Engine::put_sku(const Sku& sku) {
    validate_sku(sku);
    write([&](Tx& tx) {
        require_catalog_currency(tx, sku.currency, "currency");
        require_stock_covers_holds(tx, sku, SC_ERR_INVALID_ARGUMENT, "stock");
        save_sku(tx, sku);
    });
}

SkuView Engine::get_sku(const std::string& id) {
    require_id(id, "sku_id");
    SkuView view;
    read([&](Connection& db, int64_t now) {
        view.sku = steps::require_sku(db, id);
        view.available = steps::available_stock(db, view.sku, now);
    });
    return view;
}

std::vector<SkuView> Engine::catalog() {
    std::vector<SkuView> out;
    read([&](Connection& db, int64_t now) {
        for (auto& sku : store::all_skus(db)) {
            const int64_t available = steps::available_stock(db, sku, now);
            out.push_back(SkuView{std::move(sku), available});
        }
    });
    return out;
}

void Engine::import_program(std::string_view json) {
    const ProgramDocument doc = parse_program(json);
    write([&](Tx& tx) {
        if (!doc.skus.empty()) require_catalog_currency(tx, doc.currency, "currency");
        for (size_t i = 0; i < doc.skus.size(); ++i) {
            require_stock_covers_holds(tx, doc.skus[i], SC_ERR_VALIDATION, "skus[" + std::to_string(i) + "].stock");
            save_sku(tx, doc.skus[i]);
        }
        for (const auto& p : doc.promotions) steps::save_promotion(tx, p);
        // Before the templates, whose min_tier audiences it checks.
        if (doc.tiers) steps::save_tier_program(tx, *doc.tiers);
        for (size_t i = 0; i < doc.coupon_templates.size(); ++i)
            steps::save_coupon_template(tx, doc.coupon_templates[i], SC_ERR_VALIDATION,
                                        "coupon_templates[" + std::to_string(i) + "].");
        for (const auto& r : doc.shipping_rules) steps::save_shipping_rule(tx, r);
        if (doc.points) steps::save_points_program(tx, *doc.points);
        if (doc.referral) steps::save_referral_program(tx, *doc.referral, "referral.");
        // After the SKUs, which the campaigns name.
        for (size_t i = 0; i < doc.group_campaigns.size(); ++i)
            steps::save_group_campaign(tx, doc.group_campaigns[i], "group_buy.campaigns[" + std::to_string(i) + "].");
        for (size_t i = 0; i < doc.flash_sales.size(); ++i)
            steps::save_flash_sale(tx, doc.flash_sales[i], "flash_sales[" + std::to_string(i) + "].");
        for (size_t i = 0; i < doc.bargain_programs.size(); ++i)
            steps::save_bargain_program(tx, doc.bargain_programs[i], "bargains.programs[" + std::to_string(i) + "].");
        tx.emit(NewEvent{"program.imported", "program",
                         {{"skus", doc.skus.size()}, {"promotions", doc.promotions.size()},
                          {"coupon_templates", doc.coupon_templates.size()},
                          {"shipping_rules", doc.shipping_rules.size()}}});
    });
}

std::string Engine::export_program() {
    ProgramDocument doc;
    read([&](Connection& db, int64_t) {
        doc.currency = steps::catalog_currency(db);
        doc.skus = store::all_skus(db);
        doc.promotions = store::all_promotions(db);
        for (auto& t : store::all_coupon_templates(db)) doc.coupon_templates.push_back(std::move(t.terms));
        doc.shipping_rules = store::all_shipping_rules(db);
        if (store::points_program_text(db)) doc.points = steps::points_program(db);
        doc.tiers = steps::tier_program(db);
        doc.referral = steps::referral_program(db);
        for (const auto& row : store::group_campaigns(db))
            doc.group_campaigns.push_back(steps::require_group_campaign(db, row.id, "campaign_id"));
        for (const auto& id : store::definition_ids(db, store::DefinitionTable::flash_sales)) doc.flash_sales.push_back(steps::require_flash_sale(db, id));
        for (const auto& id : store::definition_ids(db, store::DefinitionTable::bargain_programs))
            doc.bargain_programs.push_back(steps::require_bargain_program(db, id, "program_id"));
    });
    return serialize_program(doc);
}

}  // namespace sc

#include "pricing/item_offer.hpp"

#include "core/error.hpp"
#include "pricing/lazy_field.hpp"

#include <algorithm>

namespace sc {

void validate_item_offer(const ItemPriceOffer& offer, const std::string& f) {
    require_id_named(offer.sku_id, [&] { return f + "sku_id"; });
    require_id_named(offer.source_id, [&] { return f + "source_id"; });
    if (offer.unit_price < 0) fail(SC_ERR_INVALID_ARGUMENT, "must not be negative", f + "unit_price");
}

namespace {

// Lower price, then the earlier kind, then the smaller source id.
bool beats(const ItemPriceOffer& a, const ItemPriceOffer& b) {
    if (a.unit_price != b.unit_price) return a.unit_price < b.unit_price;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.source_id < b.source_id;
}

// Considers offer for sku against the best so far.
void consider(const ItemPriceOffer& offer, const Sku& sku, const ItemPriceOffer*& best) {
    if (offer.unit_price >= sku.list_price) return;
    if (!best || beats(offer, *best)) best = &offer;
}

}  // namespace

const ItemPriceOffer* winning_offer(const std::vector<ItemPriceOffer>& offers, const Sku& sku) {
    const ItemPriceOffer* best = nullptr;
    for (const auto& offer : offers)
        if (offer.sku_id == sku.id) consider(offer, sku, best);
    return best;
}

std::vector<const ItemPriceOffer*> winning_offers(const std::vector<ItemPriceOffer>& offers,
                                                  const std::vector<const Sku*>& skus) {
    std::vector<const ItemPriceOffer*> winners(skus.size(), nullptr);
    if (offers.empty()) return winners;
    std::vector<const ItemPriceOffer*> by_sku;
    by_sku.reserve(offers.size());
    for (const auto& offer : offers) by_sku.push_back(&offer);
    std::sort(by_sku.begin(), by_sku.end(), [](const auto* a, const auto* b) { return a->sku_id < b->sku_id; });
    for (size_t i = 0; i < skus.size(); ++i) {
        const std::string& id = skus[i]->id;
        auto it = std::lower_bound(by_sku.begin(), by_sku.end(), id,
                                   [](const ItemPriceOffer* o, const std::string& k) { return o->sku_id < k; });
        for (; it != by_sku.end() && (*it)->sku_id == id; ++it) consider(**it, *skus[i], winners[i]);
    }
    return winners;
}

}  // namespace sc

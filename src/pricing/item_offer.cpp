#include "pricing/item_offer.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

namespace sc {

void validate_item_offer(const ItemPriceOffer& offer, const std::string& f) {
    require_id(offer.sku_id, f + "sku_id");
    require_id(offer.source_id, f + "source_id");
    if (offer.unit_price < 0) fail(SC_ERR_INVALID_ARGUMENT, "must not be negative", f + "unit_price");
}

const ItemPriceOffer* winning_offer(const std::vector<ItemPriceOffer>& offers, const Sku& sku) {
    const ItemPriceOffer* best = nullptr;
    for (const auto& offer : offers) {
        if (offer.sku_id != sku.id || offer.unit_price >= sku.list_price) continue;
        const bool better = !best || offer.unit_price < best->unit_price ||
                            (offer.unit_price == best->unit_price &&
                             (offer.kind < best->kind || (offer.kind == best->kind && offer.source_id < best->source_id)));
        if (better) best = &offer;
    }
    return best;
}

}  // namespace sc

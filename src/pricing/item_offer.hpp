#pragma once
// Item price rules (FEATURES §3 step 2): flash-sale, member, group-buy and bargain prices are
// offers for a SKU's unit price, produced by their own features and handed to pricing.
// Per line the lowest offer below the list price wins. New offer kinds are appended.
#include "catalog/sku.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sc {

// Declared in tie-break order: at equal prices flash_sale wins over member over group over
// bargain. Appended last: a bargain checkout only ever has its own offer and the member's.
enum class ItemPriceKind { flash_sale, member, group, bargain };

struct ItemPriceOffer {
    std::string sku_id;
    int64_t unit_price = 0;
    ItemPriceKind kind = ItemPriceKind::member;
    std::string source_id;  // the flash sale, tier, group campaign or bargain that offers the price

    bool operator==(const ItemPriceOffer&) const = default;
};

// unit_price >= 0 and ids valid; errors name `<field_prefix><name>`. price() checks only
// the price (ids are text it compares, checked where offers are made).
void validate_item_offer(const ItemPriceOffer& offer, const std::string& field_prefix);

// The winning offer for the SKU: the lowest unit price below its list price; ties go to
// the earlier kind (flash_sale, member, group, bargain), then the smaller source id. nullptr when
// no offer beats the list price.
const ItemPriceOffer* winning_offer(const std::vector<ItemPriceOffer>& offers, const Sku& sku);

// winning_offer for each SKU, with the offers indexed once by SKU id.
std::vector<const ItemPriceOffer*> winning_offers(const std::vector<ItemPriceOffer>& offers,
                                                  const std::vector<const Sku*>& skus);

}  // namespace sc

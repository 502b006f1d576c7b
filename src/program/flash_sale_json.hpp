#pragma once
// The JSON form of a flash sale (an entry of the program document's "flash_sales", and the
// text sc_engine_flash_sale_put takes). Strict like every section (docs/flash-sales.md).
#include "flashsale/flash_sale.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace sc {

// `prefix` ends with '.' (or is empty): "flash_sales[0]." Checks the JSON's shape;
// validate_flash_sale checks the values.
FlashSale parse_flash_sale_json(const nlohmann::json& obj, const std::string& prefix);

// Every field, in a fixed order.
nlohmann::ordered_json flash_sale_json(const FlashSale& sale);

}  // namespace sc

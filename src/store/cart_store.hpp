#pragma once
// Cart lines, one cart per user id.
#include "cart/cart.hpp"

#include "store/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sc::store {

std::vector<CartLine> cart_lines(Connection& db, const std::string& user_id);  // by position
std::optional<CartLine> find_cart_line(Connection& db, const std::string& user_id, const std::string& sku_id);
void save_cart_line(Connection& db, const std::string& user_id, const CartLine& line);
bool delete_cart_line(Connection& db, const std::string& user_id, const std::string& sku_id);
int64_t delete_cart(Connection& db, const std::string& user_id);  // returns lines removed
int64_t next_cart_position(Connection& db, const std::string& user_id);

}  // namespace sc::store

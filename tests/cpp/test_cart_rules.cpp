#include "cart/cart.hpp"
#include "support.hpp"

using namespace sc;
using sc::test::make_sku;

TEST_CASE("cart line problems are reported per line, as flags") {
    Sku tea = make_sku("tea", 6800, 10);
    tea.max_per_order = 5;
    CartLine line{"tea", 2, true, 6800, 0};
    CHECK(line_problems(line, tea, 10) == SC_LINE_OK);

    tea.list_price = 7200;
    CHECK(line_problems(line, tea, 10) == SC_LINE_PRICE_CHANGED);
    tea.list_price = 6800;

    CHECK(line_problems(line, tea, 1) == SC_LINE_OUT_OF_STOCK);
    line.quantity = 6;
    CHECK(line_problems(line, tea, 10) == SC_LINE_OVER_MAX);
    tea.active = false;
    CHECK(line_problems(line, tea, 3) == (SC_LINE_INACTIVE | SC_LINE_OVER_MAX | SC_LINE_OUT_OF_STOCK));

    Sku untracked = make_sku("mooncake", 12800);
    CHECK(line_problems(CartLine{"mooncake", 1000, true, 12800, 0}, untracked, 0) == SC_LINE_OK);
}

TEST_CASE("a line's quantity is checked against activity, the per-order maximum and stock") {
    Sku tea = make_sku("tea", 6800, 4);
    tea.max_per_order = 5;
    CHECK_NOTHROW(check_line_quantity(tea, 4, 4));
    CHECK_SC_ERROR_FIELD(check_line_quantity(tea, 0, 4), SC_ERR_INVALID_ARGUMENT, "quantity");
    CHECK_SC_ERROR(check_line_quantity(tea, 5, 4), SC_ERR_OUT_OF_STOCK);
    CHECK_SC_ERROR(check_line_quantity(tea, 6, 10), SC_ERR_LIMIT_EXCEEDED);
    tea.active = false;
    CHECK_SC_ERROR(check_line_quantity(tea, 1, 4), SC_ERR_SKU_INACTIVE);
}

TEST_CASE("guest merge adds quantities, capped by maximum and stock, never below one") {
    Sku tea = make_sku("tea", 6800, 10);
    tea.max_per_order = 5;
    CHECK(merged_quantity(2, 2, tea, 10) == 4);
    CHECK(merged_quantity(3, 4, tea, 10) == 5);  // per-order maximum
    CHECK(merged_quantity(1, 3, tea, 2) == 2);   // stock
    CHECK(merged_quantity(1, 3, tea, 0) == 1);   // nothing left: stays, flagged out of stock
    CHECK(merged_quantity(7, 9, make_sku("free", 0), 0) == 16);
}

/* A host program outside the project: it sees only the installed header and library.
   It opens an engine on a new file, puts a SKU, buys two units and pays, and prints
   the order total, which tests/consumer/run.sh checks. */
#include <socialcart/socialcart.h>

#include <stdio.h>
#include <stdlib.h>

static int fail(const char* step, sc_error* err) {
    fprintf(stderr, "consumer: %s failed: %s\n", step, err ? sc_error_message(err) : "?");
    sc_error_free(err);
    return 1;
}

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: consumer DATABASE\n");
        return 2;
    }
    sc_error* err = NULL;
    sc_engine* engine = NULL;
    sc_sku* sku = NULL;
    sc_order* order = NULL;
    char* total = NULL;
    if (sc_engine_open(argv[1], NULL, &engine, &err) != SC_OK) return fail("open", err);
    if (sc_sku_new("tea", "m1", "Celadon tea", "CNY", 6800, &sku, &err) != SC_OK) return fail("sku", err);
    if (sc_sku_set_stock(sku, 10, &err) != SC_OK) return fail("stock", err);
    if (sc_engine_sku_put(engine, sku, &err) != SC_OK) return fail("put", err);
    sc_sku_free(sku);
    if (sc_engine_cart_add(engine, "u1", "tea", 2, &err) != SC_OK) return fail("add", err);
    if (sc_engine_checkout(engine, "u1", NULL, "checkout-1", &order, &err) != SC_OK) return fail("checkout", err);
    const int64_t amount = sc_order_total(order);
    if (sc_engine_order_pay(engine, sc_order_id(order), "pay-1", amount, "pay-1", NULL, &err) != SC_OK)
        return fail("pay", err);
    if (sc_money_format(amount, "CNY", &total, &err) != SC_OK) return fail("format", err);
    printf("socialcart %s (ABI %d): paid order total %s\n", sc_version(), (int)sc_abi_version(), total);
    sc_string_free(total);
    sc_order_free(order);
    sc_engine_close(engine);
    return sc_live_object_count() == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

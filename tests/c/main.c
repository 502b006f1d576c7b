/* The test registry: every test function, in the order they run. */
#include <stddef.h>

#include "harness.h"

/* test_concurrency.c (process; must run before any thread exists) */
void test_second_process(void);
void test_busy_other_process(void);
/* test_library.c */
void test_library_version(void);
void test_status_names(void);
void test_order_state_names(void);
void test_money_format(void);
void test_error_accessors(void);
void test_err_untouched_on_success(void);
/* test_options_engine.c */
void test_options_setters(void);
void test_clock_ownership(void);
void test_engine_open_bad(void);
void test_engine_open_file_persists(void);
void test_engine_schema_too_new(void);
void test_engine_sweep_args(void);
void test_payment_window_option(void);
/* test_catalog.c */
void test_sku_accessors_null(void);
void test_sku_builder(void);
void test_sku_new_bad(void);
void test_put_get_sku(void);
void test_catalog_listing(void);
/* test_program.c */
void test_import_export_roundtrip(void);
void test_import_example_file(void);
void test_import_validation(void);
void test_import_limits(void);
/* test_cart.c */
void test_cart_accessors_null(void);
void test_cart_basic(void);
void test_cart_bad_input(void);
void test_cart_problems(void);
void test_cart_merge(void);
void test_quote(void);
void test_quote_overflow(void);
/* test_orders.c */
void test_order_accessors_null(void);
void test_checkout(void);
void test_pay(void);
void test_cancel(void);
void test_payment_lapse(void);
void test_sweep(void);
void test_refund_lines(void);
void test_refund_amounts(void);
void test_refund_mixed(void);
/* test_events.c */
void test_events_accessors_null(void);
void test_events_read(void);
void test_subscribe(void);
void test_event_types(void);
/* test_concurrency.c (threads) */
void test_race_shared_engine(void);
void test_race_engine_per_thread(void);

static const h_test_case tests[] = {
    {"second_process", test_second_process},
    {"busy_other_process", test_busy_other_process},
    {"library_version", test_library_version},
    {"status_names", test_status_names},
    {"order_state_names", test_order_state_names},
    {"money_format", test_money_format},
    {"error_accessors", test_error_accessors},
    {"err_untouched_on_success", test_err_untouched_on_success},
    {"options_setters", test_options_setters},
    {"clock_ownership", test_clock_ownership},
    {"engine_open_bad", test_engine_open_bad},
    {"engine_open_file_persists", test_engine_open_file_persists},
    {"engine_schema_too_new", test_engine_schema_too_new},
    {"engine_sweep_args", test_engine_sweep_args},
    {"payment_window_option", test_payment_window_option},
    {"sku_accessors_null", test_sku_accessors_null},
    {"sku_builder", test_sku_builder},
    {"sku_new_bad", test_sku_new_bad},
    {"put_get_sku", test_put_get_sku},
    {"catalog_listing", test_catalog_listing},
    {"import_export_roundtrip", test_import_export_roundtrip},
    {"import_example_file", test_import_example_file},
    {"import_validation", test_import_validation},
    {"import_limits", test_import_limits},
    {"cart_accessors_null", test_cart_accessors_null},
    {"cart_basic", test_cart_basic},
    {"cart_bad_input", test_cart_bad_input},
    {"cart_problems", test_cart_problems},
    {"cart_merge", test_cart_merge},
    {"quote", test_quote},
    {"quote_overflow", test_quote_overflow},
    {"order_accessors_null", test_order_accessors_null},
    {"checkout", test_checkout},
    {"pay", test_pay},
    {"cancel", test_cancel},
    {"payment_lapse", test_payment_lapse},
    {"sweep", test_sweep},
    {"refund_lines", test_refund_lines},
    {"refund_amounts", test_refund_amounts},
    {"refund_mixed", test_refund_mixed},
    {"events_accessors_null", test_events_accessors_null},
    {"events_read", test_events_read},
    {"subscribe", test_subscribe},
    {"event_types", test_event_types},
    {"race_shared_engine", test_race_shared_engine},
    {"race_engine_per_thread", test_race_engine_per_thread},
};

int main(int argc, char** argv) {
    return h_run(tests, sizeof tests / sizeof tests[0], argc, argv);
}

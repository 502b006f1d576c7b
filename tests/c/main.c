/* The test registry: every test function, in the order they run. */
#include <stddef.h>

#include "harness.h"

/* test_concurrency.c (process; must run before any thread exists) */
void test_second_process(void);
void test_busy_other_process(void);
/* test_coupon_processes.c (process) */
void test_second_process_coupons(void);
void test_second_process_groups(void);
/* test_flashsale.c (the process storm forks) */
void test_flashsale_process_storm(void);
/* test_library.c */
void test_library_version(void);
void test_status_names(void);
void test_order_state_names(void);
void test_money_format(void);
void test_currency_minor_units(void);
void test_error_accessors(void);
void test_err_untouched_on_success(void);
/* test_options_engine.c */
void test_options_setters(void);
void test_clock_ownership(void);
void test_engine_open_bad(void);
void test_engine_open_file_persists(void);
void test_engine_schema_too_new(void);
void test_engine_sweep_args(void);
void test_engine_compact_args(void);
void test_engine_sizing_options(void);
void test_sweep_pages(void);
void test_compact_retention(void);
void test_compact_keeps_newest_event(void);
void test_cart_add_once(void);
void test_bool_arguments_from_foreign_callers(void);
void test_foreign_database_refused(void);
void test_zero_refund_refused(void);
void test_unchanged_put_is_silent(void);
void test_time_never_goes_back(void);
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
void test_import_strictness(void);
/* test_text_rules.c */
void test_id_rules(void);
void test_text_rules(void);
/* test_cart.c */
void test_cart_accessors_null(void);
void test_cart_basic(void);
void test_cart_bad_input(void);
void test_cart_problems(void);
void test_cart_merge(void);
void test_quote(void);
void test_quote_overflow(void);
void test_quote_with_rules(void);
/* test_pricing_rules.c */
void test_promotion_repeating_threshold(void);
void test_promotion_percent_scope(void);
void test_promotion_free_shipping(void);
void test_promotion_gift(void);
void test_promotion_exclusive(void);
void test_coupon_kinds(void);
/* test_coupons.c */
void test_checkout_request_builder(void);
void test_checkout_request_bad_calls(void);
void test_rules_put(void);
void test_coupon_issue(void);
void test_coupon_accessors_null(void);
void test_coupon_checkout_lifecycle(void);
void test_coupon_chosen_and_pickup(void);
void test_coupon_revoke(void);
/* test_points.c */
void test_points_accessors_null(void);
void test_points_request_builder(void);
void test_points_program_and_adjust(void);
void test_points_pay_at_checkout(void);
void test_points_cancel_and_lapse(void);
void test_points_debt(void);
void test_points_sign_in(void);
void test_points_activities(void);
void test_points_history_and_report(void);
void test_points_exchange_for_coupon(void);
void test_points_adjust_batch(void);
/* test_referral.c */
void test_referral_accessors_null(void);
void test_referral_program_and_keys_bad_input(void);
void test_referral_links_made_and_resolved(void);
void test_referral_rotation_and_partner(void);
/* test_attribution.c */
void test_attribution_accessors_null(void);
void test_attribution_device_sign_in_two_levels_and_clawback(void);
void test_attribution_fraud_refusals(void);
void test_attribution_points_rewards(void);
void test_attribution_bad_input(void);
void test_attribution_coupon_rewards(void);

/* test_flashsale.c */
void test_flashsale_accessors_null(void);
void test_flashsale_buy_lapse_sell_out(void);
void test_flashsale_bad_input(void);
/* test_groupbuy.c */
void test_groupbuy_accessors_null(void);
void test_groupbuy_open_join_fill(void);
void test_groupbuy_deadline_failure_and_refunds(void);
void test_groupbuy_bad_input(void);
/* test_bargain.c */
void test_bargain_accessors_null(void);
void test_bargain_open_help_buy(void);
void test_bargain_expiry_and_report(void);
void test_bargain_bad_input(void);
/* test_tiers.c */
void test_tiers_accessors_null(void);
void test_tiers_program_bad_input(void);
void test_tiers_upgrade_prices_and_downgrade(void);
void test_tiers_only_coupons(void);
void test_tiers_growth_points(void);
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
/* test_reads.c */
void test_reads_accessors_null(void);
void test_orders_of_user(void);
void test_catalog_pages(void);
void test_order_by_checkout_key(void);
void test_events_by_type_and_latest(void);
void test_refund_records(void);
/* test_log.c */
void test_log_options(void);
void test_log_settled_deadlines(void);
void test_log_level_filter(void);
void test_log_storage_error(void);
/* test_concurrency.c (threads) */
void test_race_shared_engine(void);
void test_race_engine_per_thread(void);

static const h_test_case tests[] = {
    {"second_process", test_second_process},
    {"busy_other_process", test_busy_other_process},
    {"second_process_coupons", test_second_process_coupons},
    {"second_process_groups", test_second_process_groups},
    {"flashsale_process_storm", test_flashsale_process_storm},
    {"library_version", test_library_version},
    {"status_names", test_status_names},
    {"order_state_names", test_order_state_names},
    {"money_format", test_money_format},
    {"currency_minor_units", test_currency_minor_units},
    {"error_accessors", test_error_accessors},
    {"err_untouched_on_success", test_err_untouched_on_success},
    {"options_setters", test_options_setters},
    {"clock_ownership", test_clock_ownership},
    {"engine_open_bad", test_engine_open_bad},
    {"engine_open_file_persists", test_engine_open_file_persists},
    {"engine_schema_too_new", test_engine_schema_too_new},
    {"engine_sweep_args", test_engine_sweep_args},
    {"engine_compact_args", test_engine_compact_args},
    {"engine_sizing_options", test_engine_sizing_options},
    {"sweep_pages", test_sweep_pages},
    {"compact_retention", test_compact_retention},
    {"compact_keeps_newest_event", test_compact_keeps_newest_event},
    {"cart_add_once", test_cart_add_once},
    {"bool_arguments_from_foreign_callers", test_bool_arguments_from_foreign_callers},
    {"foreign_database_refused", test_foreign_database_refused},
    {"zero_refund_refused", test_zero_refund_refused},
    {"unchanged_put_is_silent", test_unchanged_put_is_silent},
    {"time_never_goes_back", test_time_never_goes_back},
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
    {"import_strictness", test_import_strictness},
    {"id_rules", test_id_rules},
    {"text_rules", test_text_rules},
    {"cart_accessors_null", test_cart_accessors_null},
    {"cart_basic", test_cart_basic},
    {"cart_bad_input", test_cart_bad_input},
    {"cart_problems", test_cart_problems},
    {"cart_merge", test_cart_merge},
    {"quote", test_quote},
    {"quote_overflow", test_quote_overflow},
    {"quote_with_rules", test_quote_with_rules},
    {"promotion_repeating_threshold", test_promotion_repeating_threshold},
    {"promotion_percent_scope", test_promotion_percent_scope},
    {"promotion_free_shipping", test_promotion_free_shipping},
    {"promotion_gift", test_promotion_gift},
    {"promotion_exclusive", test_promotion_exclusive},
    {"coupon_kinds", test_coupon_kinds},
    {"checkout_request_builder", test_checkout_request_builder},
    {"checkout_request_bad_calls", test_checkout_request_bad_calls},
    {"rules_put", test_rules_put},
    {"coupon_issue", test_coupon_issue},
    {"coupon_accessors_null", test_coupon_accessors_null},
    {"coupon_checkout_lifecycle", test_coupon_checkout_lifecycle},
    {"coupon_chosen_and_pickup", test_coupon_chosen_and_pickup},
    {"coupon_revoke", test_coupon_revoke},
    {"points_accessors_null", test_points_accessors_null},
    {"points_request_builder", test_points_request_builder},
    {"points_program_and_adjust", test_points_program_and_adjust},
    {"points_pay_at_checkout", test_points_pay_at_checkout},
    {"points_cancel_and_lapse", test_points_cancel_and_lapse},
    {"points_debt", test_points_debt},
    {"points_sign_in", test_points_sign_in},
    {"points_activities", test_points_activities},
    {"points_history_and_report", test_points_history_and_report},
    {"points_exchange_for_coupon", test_points_exchange_for_coupon},
    {"points_adjust_batch", test_points_adjust_batch},
    {"referral_accessors_null", test_referral_accessors_null},
    {"referral_program_and_keys_bad_input", test_referral_program_and_keys_bad_input},
    {"referral_links_made_and_resolved", test_referral_links_made_and_resolved},
    {"referral_rotation_and_partner", test_referral_rotation_and_partner},
    {"attribution_accessors_null", test_attribution_accessors_null},
    {"attribution_device_sign_in_two_levels_and_clawback", test_attribution_device_sign_in_two_levels_and_clawback},
    {"attribution_fraud_refusals", test_attribution_fraud_refusals},
    {"attribution_points_rewards", test_attribution_points_rewards},
    {"attribution_bad_input", test_attribution_bad_input},
    {"attribution_coupon_rewards", test_attribution_coupon_rewards},
    {"flashsale_accessors_null", test_flashsale_accessors_null},
    {"flashsale_buy_lapse_sell_out", test_flashsale_buy_lapse_sell_out},
    {"flashsale_bad_input", test_flashsale_bad_input},
    {"groupbuy_accessors_null", test_groupbuy_accessors_null},
    {"groupbuy_open_join_fill", test_groupbuy_open_join_fill},
    {"groupbuy_deadline_failure_and_refunds", test_groupbuy_deadline_failure_and_refunds},
    {"groupbuy_bad_input", test_groupbuy_bad_input},
    {"bargain_accessors_null", test_bargain_accessors_null},
    {"bargain_open_help_buy", test_bargain_open_help_buy},
    {"bargain_expiry_and_report", test_bargain_expiry_and_report},
    {"bargain_bad_input", test_bargain_bad_input},
    {"tiers_accessors_null", test_tiers_accessors_null},
    {"tiers_program_bad_input", test_tiers_program_bad_input},
    {"tiers_upgrade_prices_and_downgrade", test_tiers_upgrade_prices_and_downgrade},
    {"tiers_only_coupons", test_tiers_only_coupons},
    {"tiers_growth_points", test_tiers_growth_points},
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
    {"reads_accessors_null", test_reads_accessors_null},
    {"orders_of_user", test_orders_of_user},
    {"catalog_pages", test_catalog_pages},
    {"order_by_checkout_key", test_order_by_checkout_key},
    {"events_by_type_and_latest", test_events_by_type_and_latest},
    {"refund_records", test_refund_records},
    {"log_options", test_log_options},
    {"log_settled_deadlines", test_log_settled_deadlines},
    {"log_level_filter", test_log_level_filter},
    {"log_storage_error", test_log_storage_error},
    {"race_shared_engine", test_race_shared_engine},
    {"race_engine_per_thread", test_race_engine_per_thread},
};

int main(int argc, char** argv) {
    return h_run(tests, sizeof tests / sizeof tests[0], argc, argv);
}

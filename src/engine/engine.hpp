#pragma once
// The facade: one entry point per use case, each in one SQLite transaction. Domain
// modules decide, the store persists, and events are delivered after the commit.
#include "cart/cart.hpp"
#include "catalog/sku.hpp"
#include "core/clock.hpp"
#include "core/random_source.hpp"
#include "core/error.hpp"
#include "engine/log.hpp"
#include "events/event_hub.hpp"
#include "orders/order.hpp"
#include "coupons/coupon.hpp"
#include "coupons/coupon_template.hpp"
#include "pricing/pricing.hpp"
#include "pricing/promotion.hpp"
#include "pricing/quote.hpp"
#include "pricing/shipping.hpp"
#include "points/ledger_entry.hpp"
#include "points/points_account.hpp"
#include "points/points_program.hpp"
#include "tiers/tier_program.hpp"
#include "tiers/tier_status.hpp"
#include "engine/points_cache.hpp"
#include "engine/referral_views.hpp"
#include "flashsale/flash_sale.hpp"
#include "bargain/bargain.hpp"
#include "groupbuy/group.hpp"
#include "referral/referral_program.hpp"
#include "referral/referral_stats.hpp"
#include "store/database.hpp"


#include <atomic>
#include <map>
#include <cstdint>
#include <memory>
#include <optional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace sc {

constexpr int64_t kDefaultPaymentWindowMs = 15 * 60 * 1000;
constexpr int64_t kDay = 24 * 3600 * 1000;
constexpr int64_t kDefaultRetentionMs = 30 * kDay;
// Lapsed orders each write settles on its way in, beside those it touches itself: a
// backlog drains with use, and no call pays for more than this many.
constexpr int64_t kSettleBatch = 8;

struct EngineConfig {
    StoreSettings store;
    int64_t payment_window_ms = kDefaultPaymentWindowMs;
    int64_t event_retention_ms = kDefaultRetentionMs;        // events older are compacted away
    int64_t idempotency_retention_ms = kDefaultRetentionMs;  // keys older are forgotten
    Clock clock = system_now_ms;
    // The bargain cut's 64-bit draws (docs/bargain.md). Called once per help, before the
    // write transaction opens, never inside it; must be thread-safe. Unset: OpenSSL's RAND
    // (core/random_source.hpp).
    RandomSource random;
    LogFn log;                                 // none: the engine logs nothing
    sc_log_level_t log_level = SC_LOG_INFO;      // messages below it are not made
    // A full refund gives each coupon the order used back to its owner while it is still
    // within its validity (FEATURES §4); a partial refund never does.
    bool return_coupons_on_full_refund = true;
};

// What a quote or checkout is asked for beyond the selected cart lines: a checkout buys
// the cart, a group-buy, flash-sale or bargain context, one at a time; shipping follows the
// merchants' rules.
// A group-buy checkout (docs/group-buy.md): the order is the campaign's SKU at the group
// price, not the cart. "open" starts a group of the campaign, led by the shopper, which
// opens when this order is paid; "join" takes a seat in an open group.
struct GroupChoice {
    enum class Mode { none, open, join };
    Mode mode = Mode::none;
    std::string campaign_id;  // open
    std::string group_id;     // join
    int64_t quantity = 1;

    bool operator==(const GroupChoice&) const = default;
};

// A flash-sale checkout (docs/flash-sales.md): `quantity` units of the sale's SKU at the
// sale price, in the slot that starts at `slot_starts_at`; the cart stays as it is.
struct FlashChoice {
    std::string sale_id;  // empty: not a flash-sale checkout
    int64_t slot_starts_at = 0;
    int64_t quantity = 1;

    bool operator==(const FlashChoice&) const = default;
};

// A bargain checkout (docs/bargain.md): the opener buys one unit of the program's SKU at
// the bargain's current price, not the cart.
struct BargainChoice {
    std::string bargain_id;  // "": not a bargain checkout

    bool operator==(const BargainChoice&) const = default;
};

struct CheckoutRequest {
    CouponChoice coupons;  // none, best, or these codes
    ShippingMethod shipping = ShippingMethod::delivery;
    PointsUse points;      // none, exactly n, or the most the cart allows
    GroupChoice group;     // none: the selected cart lines
    FlashChoice flash;       // none: the selected cart lines
    BargainChoice bargain;   // none: the selected cart lines

    static CheckoutRequest with(CouponChoice coupons) {
        CheckoutRequest request;
        request.coupons = std::move(coupons);
        return request;
    }
};

// A flash-sale slot as a shopper sees it (docs/flash-sales.md): "starts in 12 min",
// "83% sold". Units held by unpaid orders whose window has passed count as left.
struct FlashSlotView {
    std::string sale_id;
    std::string sku_id;
    int64_t sale_price = 0;
    int64_t starts_at = 0;
    int64_t ends_at = 0;
    int64_t stock = 0;        // units the slot may sell
    int64_t sold = 0;         // paid for
    int64_t held = 0;         // held by unpaid orders inside their window
    int64_t left = 0;         // stock - sold - held: what a checkout may still take
    int64_t sold_out_at = 0;  // when the last unit was paid for; 0 until then
};

// A slot's figures for the operator (docs/flash-sales.md, "Report").
struct FlashSlotReport {
    FlashSlotView slot;
    int64_t orders = 0;            // flash-sale orders placed in the slot
    int64_t orders_paid = 0;
    int64_t orders_lapsed = 0;     // unpaid when their window ended: their units went back
    int64_t orders_cancelled = 0;  // cancelled before payment by the shopper or the host
    std::optional<int64_t> sell_out_ms;  // from the slot's start to its last unit paid
};

// One coupon template's figures (docs/pricing.md, "Coupon report").
struct CouponReportRow {
    std::string template_id;
    std::optional<int64_t> total_quantity;  // copies the template offers; absent: unlimited
    int64_t claimed = 0;   // copies taken: claimed + granted + redeemed from a code
    int64_t used = 0;      // times an order using one was paid
    int64_t returned = 0;  // times a full refund gave one back
    int64_t held = 0;      // now held by unpaid orders whose window has not passed
    int64_t discount_given = 0;  // Σ amount of the coupons now in state used
    std::string currency;        // of discount_given: the catalog's
};

// A lot of a member's points that still has points in it (docs/points.md).
struct PointsLotView {
    uint64_t id = 0;  // the seq of the earn or adjust entry that made it
    int64_t earned = 0;
    int64_t free = 0;   // pending until vests_at, then available until expires_at
    int64_t held = 0;   // reserved by unpaid orders
    int64_t earned_at = 0;
    int64_t vests_at = 0;
    std::optional<int64_t> expires_at;
};

// One item of Engine::points_adjust_batch.
struct PointsAdjustment {
    std::string user_id;
    int64_t points = 0;
    std::string reason;
    std::string idempotency_key;
};

// The most items one batch takes: the batch holds the writer's lock while it runs.
constexpr size_t kMaxPointsBatch = 10'000;

// One day's sign-in: the day of the streak it is and the points it earned.
struct SignInResult {
    int64_t day = 0;     // days since 1970-01-01, UTC
    std::string date;    // the same day, "YYYY-MM-DD"
    int64_t streak = 0;  // 1-based; back to 1 after a missed day or a finished cycle
    int64_t points = 0;
    bool first = true;   // false: the member had already signed in that day
};

// The operator's figures (docs/points.md, "Report"): the liability now, over every member,
// and what moved in [from, to).
struct PointsReport {
    int64_t members = 0;    // members with a ledger
    int64_t available = 0;  // spendable now
    int64_t pending = 0;    // earned, not yet vested
    int64_t held = 0;       // reserved by unpaid orders
    int64_t debt = 0;       // owed after reversals of points already spent
    int64_t liability_points = 0;  // available + pending + held: what members may still spend
    int64_t liability_amount = 0;  // their value at the redeem rate, rounded down
    std::string currency;          // of liability_amount: the catalog's
    int64_t earned = 0;    // in the period: Σ earn
    int64_t spent = 0;     // Σ spend + commit
    int64_t expired = 0;   // Σ expire
    int64_t reversed = 0;  // Σ reverse
    int64_t returned = 0;  // Σ return
    int64_t adjusted = 0;  // Σ adjust, signed
};

// A member's tier with the member page's figures (docs/tiers.md, "The member page").
struct TierStatusView {
    Tier tier;      // the member's tier and its benefits
    size_t rank = 0;
    TierProgress progress;
};

// One tier's row of the tier report: members placed in it now, changes into it in [from, to).
struct TierReportRow {
    std::string tier_id;
    int64_t members = 0;
    int64_t upgrades = 0;
    int64_t downgrades = 0;
};

// Page sizes of the paged reads.
constexpr int64_t kMaxPageItems = 1000;

// One page of a paged read: its items and the cursor of the next page ("" when this
// is the last).
template <class T>
struct Page {
    std::vector<T> items;
    std::string next_cursor;
};

// Which of a shopper's orders to list: created in [from_ms, to_ms), in one state (as a
// read sees it now) or any.
struct OrderQuery {
    std::string user_id;
    sc_order_state_t state{};  // 0: any state
    int64_t from_ms = 0;
    int64_t to_ms = INT64_MAX;
};

// A campaign's figures (docs/group-buy.md, "Report"), as of the read.
struct GroupCampaignReport {
    std::string campaign_id;
    int64_t groups_opened = 0;     // groups whose leader paid
    int64_t open_now = 0;          // still filling
    int64_t filled = 0;            // virtually filled included
    int64_t virtually_filled = 0;
    int64_t failed = 0;
    int64_t success_rate_bps = 0;  // filled × 10000 / (filled + failed); 0 before any ended
    int64_t average_fill_ms = 0;   // from the leader's payment to the fill, over filled groups
    int64_t units_sold = 0;        // units in paid seats of filled groups
};

// A bargain program's figures (docs/bargain.md, "Report"), as of the read.
struct BargainReport {
    std::string program_id;
    int64_t opened = 0;
    int64_t completed = 0;  // reached the floor, bought afterwards or not
    int64_t expired = 0;
    int64_t bought = 0;     // paid
    int64_t helps = 0;      // over all the program's bargains
    int64_t helpers_per_completion = 0;  // hundredths: helps × 100 / completed; 0 when none
    int64_t conversion_bps = 0;          // bought × 10000 / opened; 0 when none
};

// One help's outcome: the bargain after it and what it cut.
struct BargainHelpResult {
    Bargain bargain;
    int64_t amount = 0;
};

// One page of housekeeping and whether another page has work.
struct SweepResult {
    int64_t settled = 0;  // lapsed orders cancelled and their holds released
    int64_t tiers_reviewed = 0;  // members whose period end was reviewed
    int64_t groups_settled = 0;  // groups whose deadline came: failed or virtually filled
    int64_t bargains_expired = 0;  // live bargains whose deadline came
    bool more = false;
};

struct CompactResult {
    int64_t events_removed = 0;
    int64_t idempotency_removed = 0;
    bool more = false;
};

struct SkuView {
    Sku sku;
    int64_t available = 0;  // on hand less held; 0 when untracked
};

struct CartView {
    std::string user_id;
    std::string currency;
    std::vector<CartLineView> lines;
};

// What one write use case sees: its transaction, the time it started, and the events
// it appends (delivered to subscribers once it commits).
struct Tx {
    Connection& db;
    int64_t now;
    std::vector<Event>& events;
    int64_t settled = 0;  // lapsed orders settled during this transaction
    // Points accounts this transaction works on (engine/points_steps.hpp); the engine's
    // cache receives them once it commits.
    std::map<std::string, PointsAccount>* points_accounts = nullptr;
    PointsCache* points_cache = nullptr;
    // Set by refuse: the write is rolled back and its caller gets this error, as if the use
    // case had thrown it, without the unwinding (Database::write_or_refusal).
    std::optional<Error> refusal = std::nullopt;

    void emit(NewEvent event);
    // Refuses the write; the use case returns right after.
    void refuse(Error error) { refusal = std::move(error); }
};

class Engine {
public:
    explicit Engine(EngineConfig config);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Catalog and program document.
    void put_sku(const Sku& sku);
    SkuView get_sku(const std::string& id);
    std::vector<SkuView> catalog();
    void import_program(std::string_view json);
    std::string export_program();

    // Cart.
    // With a key, adds once: a retry under the same key adds nothing more.
    void cart_add(const std::string& user_id, const std::string& sku_id, int64_t quantity,
                  const std::optional<std::string>& idempotency_key = std::nullopt);
    void cart_set_quantity(const std::string& user_id, const std::string& sku_id, int64_t quantity);
    void cart_remove(const std::string& user_id, const std::string& sku_id);
    void cart_select(const std::string& user_id, const std::string& sku_id, bool selected);
    void cart_clear(const std::string& user_id);
    // Moves the guest cart into the user's cart; the cart's owner comes first, as in every cart call.
    void cart_merge_guest(const std::string& user_id, const std::string& guest_id);
    CartView cart(const std::string& user_id);
    // The quote of the selected lines with no coupons: quote(user_id, CheckoutRequest{}).
    Quote quote(const std::string& user_id);
    // Exactly what checkout with this request would charge now: the same pricing inputs
    // (active promotions, shipping rules, the shopper's coupons as of now).
    Quote quote(const std::string& user_id, const CheckoutRequest& request);

    // Pricing rules (promotion_use_cases.cpp). A put that changes nothing appends no event.
    void put_promotion(const Promotion& promotion);
    std::vector<Promotion> promotions();
    void put_shipping_rule(const ShippingRule& rule);
    std::vector<ShippingRule> shipping_rules();

    // Coupons (coupon_use_cases.cpp).
    void put_coupon_template(const CouponTemplate& coupon_template);
    std::vector<CouponTemplate> coupon_templates();
    // Issue one instance to the user: a claim (issue mode claim), an operator grant (issue
    // mode grant), or a public promo code (issue mode promo_code). Each is idempotent
    // per key; the same key with other arguments is SC_ERR_IDEMPOTENCY_CONFLICT.
    CouponInstance claim_coupon(const std::string& user_id, const std::string& template_id,
                                const std::string& idempotency_key);
    CouponInstance grant_coupon(const std::string& user_id, const std::string& template_id,
                                const std::string& idempotency_key);
    CouponInstance redeem_promo_code(const std::string& user_id, const std::string& promo_code,
                                     const std::string& idempotency_key);
    // The member buys a copy of a template whose issue mode is points: its points_cost is
    // spent from the member's available points in the same transaction that issues it.
    CouponInstance exchange_points_for_coupon(const std::string& user_id, const std::string& template_id,
                                              const std::string& idempotency_key);
    // The user's coupons as of now, oldest first, optionally only those in one state: a
    // coupon held by an order whose payment window has passed reads as available, an
    // available one past its validity as expired.
    std::vector<CouponInstance> coupons_of_user(const std::string& user_id,
                                                std::optional<CouponState> state = std::nullopt);
    std::vector<CouponReportRow> coupon_report();
    // The operator withdraws an available coupon (e.g. issued by mistake). Revoking a
    // revoked coupon returns it unchanged, so retries are safe; a held, used or expired
    // one is SC_ERR_INVALID_STATE (cancel the holding order first).
    CouponInstance revoke_coupon(const std::string& code);

    // Points (points_use_cases.cpp). Writes are idempotent per member and key.
    void put_points_program(const PointsProgram& program);
    PointsProgram points_program();
    PointsBalances points_balance(const std::string& user_id);
    // Lots with points free or held, soonest to expire first (the order spending takes).
    std::vector<PointsLotView> points_lots(const std::string& user_id);
    // The member's entries, newest first.
    Page<PointsEntry> points_history(const std::string& user_id, const std::string& cursor, int64_t limit);
    // An operator's correction, ±points with a reason. Returns its entry.
    PointsEntry points_adjust(const std::string& user_id, int64_t points, const std::string& reason,
                              const std::string& idempotency_key);
    // Many corrections in one transaction, all or none (a campaign bonus to a list of
    // members). Each item is idempotent under its key as points_adjust is, and shares its
    // keys, so a retried batch appends nothing more. Returns the entries it appended (items
    // already applied under their keys append none). A refused item refuses the batch with
    // its error, the field naming the item ("items[3].points").
    int64_t points_adjust_batch(const std::vector<PointsAdjustment>& items);
    // Today's sign-in (UTC day): once per day, so a retry returns the same result.
    SignInResult sign_in(const std::string& user_id);
    // An activity of the points program (a share, a review) under its daily cap.
    PointsEntry points_activity(const std::string& user_id, const std::string& activity,
                                const std::string& reference, const std::string& idempotency_key);
    PointsReport points_report(int64_t from_ms, int64_t to_ms);

    // Member tiers (tier_use_cases.cpp, docs/tiers.md). Members are placed and evaluated by
    // the writes that move their figure (payments, refunds, points earned) and the sweep.
    void put_tier_program(const TierProgram& program);
    // SC_ERR_INVALID_STATE (field "tiers") before a program is set.
    TierProgram tier_program();
    TierStatusView tier_status(const std::string& user_id);
    std::vector<TierReportRow> tier_report(int64_t from_ms, int64_t to_ms);

    // Share links (referral_use_cases.cpp, docs/referral.md): the program's URL and times,
    // the keys that sign and verify, and links made and verified.
    void put_referral_program(const ReferralProgram& program);
    // SC_ERR_INVALID_STATE (field "referral") before a program is set.
    ReferralProgram referral_program();
    // A new signing key under key_id, made the key new links are signed with. A repeat
    // for a key id that already signs returns it unchanged.
    ShareKeyView generate_share_key(const std::string& key_id);
    // The host's own private key (PKCS#8 PEM), made the signing key.
    ShareKeyView install_share_key(const std::string& key_id, const std::string& private_pem);
    // Another side's public key (PEM), trusted to verify its links.
    ShareKeyView trust_share_key(const std::string& key_id, const std::string& public_pem);
    // The key verifies no more (its links read as unknown-key); a signing key stops signing.
    ShareKeyView retire_share_key(const std::string& key_id);
    std::vector<ShareKeyView> share_keys();
    ShareLink create_share_link(const ShareLinkRequest& request, const std::string& idempotency_key);
    // A token or a short code, verified as of now; reading changes nothing.
    ShareLink resolve_share_link(const std::string& token_or_code);

    // Opens, attribution and rewards (attribution_use_cases.cpp, docs/referral.md).
    // Verifies the link (as resolve does), records the open and binds the opener (a user,
    // or a device before sign-in) to the sharer unless a fraud control refuses it; the
    // outcome says which. Idempotent under the key.
    ShareOpen open_share_link(const std::string& token_or_code, const std::string& user_id,
                              const std::string& device_id, const std::string& idempotency_key);
    // The user signed in on the device: the device's binding carries over to the user.
    // Repeating it changes nothing more. Returns the user's binding after it, if any.
    std::optional<ReferralBinding> referral_sign_in(const std::string& user_id, const std::string& device_id);
    // The live binding of a user (device_id "") or of a device (user_id "").
    std::optional<ReferralBinding> referral_binding(const std::string& user_id, const std::string& device_id);
    std::optional<OrderAttribution> order_attribution(const std::string& order_id);
    // The rewards the sharer earned at either level, oldest first.
    std::vector<ReferralReward> referral_rewards(const std::string& sharer_id);
    // The opens and orders refused for the sharer, with their reasons, oldest first.
    std::vector<ReferralRefusalRecord> referral_refusals(const std::string& sharer_id);
    ReferralStats referral_stats(const ReferralScope& scope);

    // Group-buy (groupbuy_use_cases.cpp, docs/group-buy.md). Groups are opened and joined
    // through the checkout request (GroupChoice); these define campaigns and read groups.
    // Replaces the campaign with this id (program/program_document.hpp parses the JSON).
    void put_group_campaign(const GroupCampaign& campaign);
    GroupCampaign group_campaign(const std::string& campaign_id);
    std::vector<GroupCampaign> group_campaigns();
    // A group as of now: past its deadline it reads failed or filled even before a write
    // settles it.
    Group group(const std::string& group_id);
    // Open groups of the campaign a shopper may join, fewest seats left first, then the
    // earliest deadline.
    std::vector<Group> open_groups(const std::string& campaign_id, int64_t limit);
    // Groups the user has or had a seat in, newest first.
    std::vector<Group> groups_of_user(const std::string& user_id, int64_t limit);
    // The group the order holds a seat in, as of now; nothing for an order of the cart.
    std::optional<Group> group_of_order(const std::string& order_id);
    GroupCampaignReport group_campaign_report(const std::string& campaign_id);

    // Flash sales (flashsale_use_cases.cpp, docs/flash-sales.md). Units are bought through
    // the checkout request (FlashChoice); these define sales and read their slots.
    void put_flash_sale(const FlashSale& sale);
    FlashSale flash_sale(const std::string& sale_id);
    std::vector<FlashSale> flash_sales();  // by id
    // Slots running or to come, earliest first: the sale's, or every sale's when
    // `sale_id` is empty. `limit` 1 to 100.
    std::vector<FlashSlotView> flash_slots(const std::string& sale_id, int64_t limit);
    FlashSlotReport flash_slot_report(const std::string& sale_id, int64_t slot_starts_at);

    // Bargains (bargain_use_cases.cpp, docs/bargain.md). A bargain is bought through the
    // checkout request (BargainChoice); these define programs, open and help bargains, and
    // read them.
    // Replaces the program with this id (program/program_document.hpp parses the JSON).
    void put_bargain_program(const BargainProgram& program);
    BargainProgram bargain_program(const std::string& program_id);
    std::vector<BargainProgram> bargain_programs();
    Bargain open_bargain(const std::string& program_id, const std::string& user_id,
                         const std::string& idempotency_key);
    // Draws once from config.random before the transaction (a replay wastes the draw).
    BargainHelpResult help_bargain(const std::string& bargain_id, const std::string& helper_user_id,
                                   const std::string& idempotency_key);
    // A bargain as of now: past its deadline a live one reads expired before a write settles it.
    Bargain bargain(const std::string& bargain_id);
    // The bargains the user opened, newest first.
    std::vector<Bargain> bargains_of_user(const std::string& user_id, int64_t limit);
    BargainReport bargain_report(const std::string& program_id);

    // Orders.
    Order checkout(const std::string& user_id, const std::string& idempotency_key);
    Order checkout(const std::string& user_id, const CheckoutRequest& request, const std::string& idempotency_key);
    Order order(const std::string& order_id);
    Order pay(const std::string& order_id, const std::string& payment_ref, int64_t amount,
              const std::string& idempotency_key);
    Order cancel(const std::string& order_id);
    Order refund_line(const std::string& order_id, size_t line_index, int64_t quantity,
                      const std::string& idempotency_key);
    Order refund_amount(const std::string& order_id, int64_t amount, const std::string& idempotency_key);
    // Settles up to `limit` lapsed orders and reviews up to `limit` members whose tier
    // period has ended.
    SweepResult sweep(int64_t limit);
    // Removes up to `limit` events and up to `limit` idempotency records older than
    // their retention.
    CompactResult compact(int64_t limit);

    // The read side a host app needs (read_use_cases.cpp): pages behind opaque cursors
    // ("" for the first page).
    Page<Order> orders_of_user(const OrderQuery& query, const std::string& cursor, int64_t limit);
    Page<SkuView> catalog_by_merchant(const std::string& merchant_id, const std::string& cursor, int64_t limit);
    Page<SkuView> catalog_by_category(const std::string& category_id, const std::string& cursor, int64_t limit);
    // The order a checkout with this key made for this user, as of now.
    Order order_by_checkout_key(const std::string& user_id, const std::string& idempotency_key);
    std::vector<Event> events_of_type(const std::string& type, int64_t after_seq, int64_t limit);
    int64_t latest_event_seq();

    // Events.
    std::vector<Event> events(int64_t after_seq, int64_t limit);
    std::shared_ptr<EventHub> hub() const { return hub_; }

    // The SQL of every statement the engine has prepared (the query-plan test).
    std::vector<std::string> prepared_sql() { return db_.prepared_sql(); }

private:
    // Runs fn in a write transaction after settling up to `settle_first` lapsed orders;
    // the events reach subscribers once committed, outside the write lock.
    void write(const std::function<void(Tx&)>& fn, int64_t settle_first = kSettleBatch);
    // Runs fn in a read transaction on a reader connection: reads never settle (they
    // see lapsed orders as settled) and never wait for a write.
    void read(const std::function<void(Connection&, int64_t now)>& fn);
    int64_t now();
    // The store's settings, with its log messages deferred to this engine's log.
    StoreSettings store_settings();
    // Runs a database step, then hands the host what the store deferred to the log, and
    // logs a failure before it propagates.
    void logged(const std::function<void()>& step);
    // Tells the host about a failure that is the database's, not the caller's.
    void log_failure(const Error& error);

    CouponInstance issue_coupon(const std::string& user_id, const std::string& template_id,
                                const std::string& promo_code, const char* via, const std::string& idempotency_key);
    Order refund(const std::string& order_id, const std::string& idempotency_key, const std::string& request,
                 const std::function<RefundPlan(const Order&)>& plan);

    EngineConfig config_;
    std::atomic<int64_t> latest_now_{INT64_MIN};
    Log log_;
    Database db_;
    std::shared_ptr<EventHub> hub_;
    PointsCache points_cache_;
};

}  // namespace sc

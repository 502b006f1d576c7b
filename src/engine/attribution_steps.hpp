#pragma once
// Share-to-earn inside the engine's transactions (internal to src/engine, docs/referral.md):
// binding an opener to a sharer, and the referral program's part in checkout, payment and
// refunds.
#include "engine/engine.hpp"
#include "referral/attribution.hpp"
#include "referral/referral_program.hpp"

#include <optional>
#include <string>

namespace sc::steps {

// Binds the subject of an open (its user, else its device) to the open's sharer as the
// program's model and fraud controls decide; records a refusal with its reason; grants the
// invitee coupon to a new user's first binding. Fills open.outcome and open.bound_until.
void bind_opener(Tx& tx, const ReferralProgram& program, ShareOpen& open);

// Sign-in on a device: remembers the device as the user's (so the user's own links opened
// on it are self-referrals) and carries the device's live binding over to the user.
void carry_over_device(Tx& tx, const ReferralProgram& program, const std::string& user_id,
                       const std::string& device_id);

// Checkout: notes that the order was placed by a shopper bound to a sharer (the funnel's
// "order" step). Nothing without a referral program or a live binding.
void note_referral_checkout(Tx& tx, const Order& order);

// Payment: credits the order to the buyer's sharer (once: the order is the key) and creates
// each level's reward, pending for the cooling-off period; or records why it is refused.
void attribute_paid_order(Tx& tx, const Order& order);

// Refund: claws back each reward of the order in proportion to what the refund took from
// its lines, pending or vested; a points reward is reversed in the ledger.
void claw_back_rewards(Tx& tx, const Order& before, const Order& after, const std::string& refund_id);

}  // namespace sc::steps

#pragma once
// The referral program's steps shared by its own use cases and the program document's
// import and export.
#include "engine/engine.hpp"
#include "referral/referral_program.hpp"

#include <optional>

namespace sc::steps {

std::optional<ReferralProgram> referral_program(Connection& db);
// Saves the program and appends referral_program.put, unless it equals the stored one.
void save_referral_program(Tx& tx, const ReferralProgram& program);

}  // namespace sc::steps

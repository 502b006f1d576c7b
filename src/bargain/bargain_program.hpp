#pragma once
// A bargain (砍价) program (FEATURES §8, docs/bargain.md): a SKU whose price a shopper's
// friends cut, one help each, from its list price down to a floor. Plain values, no storage.
#include <cstdint>
#include <string>

namespace sc {

struct BargainProgram {
    std::string id;
    std::string sku_id;
    int64_t floor_price = 0;       // minor units: where the H-th help lands, 0 or more
    int64_t helpers = 1;           // H: 1 to 100 helps take the price to the floor
    int64_t lifetime_minutes = 0;  // a bargain's life from its opening: 1 to 43,200 (30 days)
    int64_t starts_at = 0;         // the window (UTC ms) in which bargains open;
    int64_t ends_at = 0;           // none outlives its end

    bool operator==(const BargainProgram&) const = default;
};

// Throws SC_ERR_VALIDATION naming `<prefix><field>` for a setting out of range.
void validate_bargain_program(const BargainProgram& program, const std::string& prefix);

// When a bargain opened at `opened_at` ends: the earlier of opened-time + lifetime and the
// program's end.
int64_t bargain_deadline(const BargainProgram& program, int64_t opened_at);

// Whether a SKU listed at `list_price` leaves room for H cuts of at least one minor unit.
bool bargain_has_room(const BargainProgram& program, int64_t list_price);

}  // namespace sc

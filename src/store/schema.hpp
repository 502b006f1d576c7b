#pragma once
#include <string>
#include <vector>

namespace sc {

// Numbered migrations: migrations()[i] takes the schema from version i to i + 1.
// Append only; never edit a migration that has shipped.
const std::vector<std::string>& migrations();

}  // namespace sc

#pragma once
// The one error type of the C++ core. Its codes are the public sc_status_t values, so
// the list of codes lives in exactly one place: include/socialcart/socialcart.h.
#include <socialcart/socialcart.h>

#include <stdexcept>
#include <string>

namespace sc {

class Error : public std::runtime_error {
public:
    Error(sc_status_t code, std::string message, std::string field = {}, bool retryable = false)
        : std::runtime_error(std::move(message)), code_(code), field_(std::move(field)),
          retryable_(retryable) {}

    sc_status_t code() const noexcept { return code_; }
    const std::string& field() const noexcept { return field_; }
    bool retryable() const noexcept { return retryable_; }

private:
    sc_status_t code_;
    std::string field_;
    bool retryable_;
};

[[noreturn]] inline void fail(sc_status_t code, std::string message, std::string field = {}) {
    throw Error(code, std::move(message), std::move(field));
}

// Stable names for status codes ("SC_ERR_NOT_FOUND"). The switch has no default, so
// -Wswitch -Werror turns a code added to the header without a name into a build error.
const char* status_name(sc_status_t status) noexcept;

}  // namespace sc

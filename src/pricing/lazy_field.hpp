#pragma once
// Field names for validation errors, built only when a check fails. price() validates
// every rule of every request, and building each name ("coupons[3].terms.scope...")
// up front cost more than the checks themselves.
#include "core/error.hpp"
#include "core/text.hpp"

#include <string>
#include <string_view>

namespace sc {

// Runs check(); an Error it throws is thrown again with prefix() in front of its field.
template <class Check, class Prefix>
void prefix_errors(Check&& check, Prefix&& prefix) {
    try {
        check();
    } catch (const Error& e) {
        throw Error(e.code(), e.what(), prefix() + e.field(), e.retryable());
    }
}

// require_id / require_text (core/text.hpp) whose field is name(), built on failure only.
template <class Name>
void require_id_named(std::string_view value, Name&& name) {
    prefix_errors([&] { require_id(value, std::string()); }, name);
}

template <class Name>
void require_text_named(std::string_view value, Name&& name) {
    prefix_errors([&] { require_text(value, std::string()); }, name);
}

}  // namespace sc

#pragma once
// Checks on sc::Error for the C++ tests; apart from support.hpp so that the arithmetic
// tests need nothing but the core (the 32-bit build compiles them alone).
#include "core/error.hpp"

#include <doctest/doctest.h>

#include <string>

// Checks that `expr` throws sc::Error with the given code (and field, when given).
#define CHECK_SC_ERROR(expr, expected_code)                                  \
    do {                                                                      \
        try {                                                                 \
            (void)(expr);                                                     \
            FAIL_CHECK("expected " #expected_code " from " #expr);            \
        } catch (const sc::Error& e_) {                                       \
            CHECK_MESSAGE(e_.code() == (expected_code), e_.what());           \
        }                                                                     \
    } while (0)

#define CHECK_SC_ERROR_FIELD(expr, expected_code, expected_field)            \
    do {                                                                      \
        try {                                                                 \
            (void)(expr);                                                     \
            FAIL_CHECK("expected " #expected_code " from " #expr);            \
        } catch (const sc::Error& e_) {                                       \
            CHECK_MESSAGE(e_.code() == (expected_code), e_.what());           \
            CHECK(e_.field() == std::string(expected_field));                \
        }                                                                     \
    } while (0)

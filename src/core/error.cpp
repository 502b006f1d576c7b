#include "core/error.hpp"

namespace sc {

const char* status_name(sc_status_t status) noexcept {
    switch (status) {
        case SC_OK: return "SC_OK";
        case SC_ERR_INVALID_ARGUMENT: return "SC_ERR_INVALID_ARGUMENT";
        case SC_ERR_INVALID_UTF8: return "SC_ERR_INVALID_UTF8";
        case SC_ERR_NOT_FOUND: return "SC_ERR_NOT_FOUND";
        case SC_ERR_INVALID_STATE: return "SC_ERR_INVALID_STATE";
        case SC_ERR_OVERFLOW: return "SC_ERR_OVERFLOW";
        case SC_ERR_CURRENCY_MISMATCH: return "SC_ERR_CURRENCY_MISMATCH";
        case SC_ERR_OUT_OF_STOCK: return "SC_ERR_OUT_OF_STOCK";
        case SC_ERR_LIMIT_EXCEEDED: return "SC_ERR_LIMIT_EXCEEDED";
        case SC_ERR_SKU_INACTIVE: return "SC_ERR_SKU_INACTIVE";
        case SC_ERR_CART_EMPTY: return "SC_ERR_CART_EMPTY";
        case SC_ERR_AMOUNT_MISMATCH: return "SC_ERR_AMOUNT_MISMATCH";
        case SC_ERR_REFUND_EXCEEDS_PAID: return "SC_ERR_REFUND_EXCEEDS_PAID";
        case SC_ERR_EXPIRED: return "SC_ERR_EXPIRED";
        case SC_ERR_IDEMPOTENCY_CONFLICT: return "SC_ERR_IDEMPOTENCY_CONFLICT";
        case SC_ERR_VALIDATION: return "SC_ERR_VALIDATION";
        case SC_ERR_BUSY: return "SC_ERR_BUSY";
        case SC_ERR_STORAGE: return "SC_ERR_STORAGE";
        case SC_ERR_SCHEMA_TOO_NEW: return "SC_ERR_SCHEMA_TOO_NEW";
        case SC_ERR_OUT_OF_MEMORY: return "SC_ERR_OUT_OF_MEMORY";
        case SC_ERR_INTERNAL: return "SC_ERR_INTERNAL";
        case SC_ERR_LINK_MALFORMED: return "SC_ERR_LINK_MALFORMED";
        case SC_ERR_LINK_UNKNOWN_KEY: return "SC_ERR_LINK_UNKNOWN_KEY";
        case SC_ERR_LINK_TAMPERED: return "SC_ERR_LINK_TAMPERED";
        case SC_ERR_GROUP_FULL: return "SC_ERR_GROUP_FULL";
    }
    return "SC_UNKNOWN_STATUS";
}

}  // namespace sc

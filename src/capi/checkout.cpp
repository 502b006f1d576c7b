// sc_checkout_request: the builder a quote and a checkout read their choices from.
#include "capi/handles.hpp"

#include "core/text.hpp"

#include <algorithm>

using namespace sc::capi;
using Mode = sc::CouponChoice::Mode;

namespace sc::capi {

// Not inline: an inline function's static would be a unique global symbol, visible
// from the static library.
const sc::CheckoutRequest& request_or_default(const sc_checkout_request* request) {
    static const sc::CheckoutRequest defaults{};
    return request ? request->request : defaults;
}

}  // namespace sc::capi

extern "C" {

sc_status_t sc_checkout_request_new(sc_checkout_request** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(out, "out");
        *out = new sc_checkout_request;
    });
}

void sc_checkout_request_free(sc_checkout_request* request) { delete request; }

sc_status_t sc_checkout_request_set_coupon_choice(sc_checkout_request* request, sc_coupon_choice_t choice,
                                                sc_error** err) {
    return guard(err, [&] {
        require_arg(request, "request");
        sc::CouponChoice& coupons = request->request.coupons;
        switch (enum_bits(choice)) {
            case SC_COUPONS_NONE: coupons = sc::CouponChoice::no_coupons(); break;
            case SC_COUPONS_BEST: coupons = sc::CouponChoice::best_combination(); break;
            case SC_COUPONS_CHOSEN: coupons.mode = Mode::explicit_codes; break;
            default:
                sc::fail(SC_ERR_INVALID_ARGUMENT,
                         "choice must be SC_COUPONS_NONE, SC_COUPONS_BEST or SC_COUPONS_CHOSEN", "choice");
        }
    });
}

sc_status_t sc_checkout_request_add_coupon(sc_checkout_request* request, const char* code, sc_error** err) {
    return guard(err, [&] {
        require_arg(request, "request");
        const std::string c = text_arg(code, "code");
        sc::require_id(c, "code");
        sc::CouponChoice& coupons = request->request.coupons;
        if (std::find(coupons.codes.begin(), coupons.codes.end(), c) != coupons.codes.end())
            sc::fail(SC_ERR_INVALID_ARGUMENT, "the request already names this coupon", "code");
        if (coupons.codes.size() >= SC_CHECKOUT_MAX_COUPONS)
            sc::fail(SC_ERR_LIMIT_EXCEEDED,
                     "a request names at most " + std::to_string(SC_CHECKOUT_MAX_COUPONS) + " coupons", "code");
        coupons.codes.push_back(c);
        coupons.mode = Mode::explicit_codes;
    });
}

sc_status_t sc_checkout_request_set_shipping(sc_checkout_request* request, sc_shipping_method_t shipping,
                                           sc_error** err) {
    return guard(err, [&] {
        require_arg(request, "request");
        switch (enum_bits(shipping)) {
            case SC_SHIPPING_DELIVERY: request->request.shipping = sc::ShippingMethod::delivery; break;
            case SC_SHIPPING_PICKUP: request->request.shipping = sc::ShippingMethod::pickup; break;
            default:
                sc::fail(SC_ERR_INVALID_ARGUMENT, "shipping must be SC_SHIPPING_DELIVERY or SC_SHIPPING_PICKUP",
                         "shipping");
        }
    });
}

sc_status_t sc_checkout_request_set_points(sc_checkout_request* request, sc_points_use_t use, int64_t points,
                                         sc_error** err) {
    return guard(err, [&] {
        require_arg(request, "request");
        sc::PointsUse next;
        switch (enum_bits(use)) {
            case SC_POINTS_NONE: break;
            case SC_POINTS_MOST: next.mode = sc::PointsUse::Mode::most; break;
            case SC_POINTS_EXACTLY:
                if (points < 0) sc::fail(SC_ERR_INVALID_ARGUMENT, "points must not be negative", "points");
                next = sc::PointsUse{sc::PointsUse::Mode::exactly, points};
                break;
            default:
                sc::fail(SC_ERR_INVALID_ARGUMENT, "use must be SC_POINTS_NONE, SC_POINTS_EXACTLY or SC_POINTS_MOST",
                         "use");
        }
        request->request.points = next;
    });
}

sc_coupon_choice_t sc_checkout_request_coupon_choice(const sc_checkout_request* request) {
    if (request == nullptr) return SC_COUPONS_NONE;
    switch (request->request.coupons.mode) {
        case Mode::best: return SC_COUPONS_BEST;
        case Mode::explicit_codes: return SC_COUPONS_CHOSEN;
        case Mode::none: break;
    }
    return SC_COUPONS_NONE;
}

size_t sc_checkout_request_coupon_count(const sc_checkout_request* request) {
    return request ? request->request.coupons.codes.size() : 0;
}

const char* sc_checkout_request_coupon_code(const sc_checkout_request* request, size_t index) {
    const std::string* code = element(request ? &request->request.coupons.codes : nullptr, index);
    return code ? code->c_str() : nullptr;
}

sc_shipping_method_t sc_checkout_request_shipping(const sc_checkout_request* request) {
    return request && request->request.shipping == sc::ShippingMethod::pickup ? SC_SHIPPING_PICKUP
                                                                             : SC_SHIPPING_DELIVERY;
}

sc_points_use_t sc_checkout_request_points_use(const sc_checkout_request* request) {
    if (request == nullptr) return SC_POINTS_NONE;
    switch (request->request.points.mode) {
        case sc::PointsUse::Mode::exactly: return SC_POINTS_EXACTLY;
        case sc::PointsUse::Mode::most: return SC_POINTS_MOST;
        case sc::PointsUse::Mode::none: break;
    }
    return SC_POINTS_NONE;
}

int64_t sc_checkout_request_points(const sc_checkout_request* request) {
    return request && request->request.points.mode == sc::PointsUse::Mode::exactly ? request->request.points.points
                                                                                   : 0;
}

}  // extern "C"

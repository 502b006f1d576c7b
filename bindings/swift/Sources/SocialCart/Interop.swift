internal import CSocialCart

/// A raw C handle that may cross a concurrency boundary. The C library documents which
/// of its objects are thread-safe; the binding only moves engines, subscriptions and
/// user_data boxes this way.
struct UncheckedHandle: @unchecked Sendable {
    let raw: OpaquePointer
}

/// Copies a borrowed C string; NULL becomes "".
@inline(__always)
func copyString(_ p: UnsafePointer<CChar>?) -> String {
    guard let p else { return "" }
    return String(cString: p)
}

/// Copies a borrowed C string; NULL stays nil.
@inline(__always)
func copyOptionalString(_ p: UnsafePointer<CChar>?) -> String? {
    guard let p else { return nil }
    return String(cString: p)
}

/// Swift strings may hold U+0000, which a C string cannot: passing one would silently
/// truncate the argument. The binding rejects such strings before calling C.
@inline(__always)
func requireCString(_ s: String, field: String) throws {
    if s.utf8.contains(0) {
        throw SCError(
            code: .invalidArgument,
            message: "\(field) contains a NUL character",
            field: field,
            isRetryable: false)
    }
}

/// Runs one fallible C call with an `sc_error**`, converting a failure into
/// `SCError` and freeing the C error object.
@inline(__always)
func check(_ body: (UnsafeMutablePointer<OpaquePointer?>) -> sc_status_t) throws {
    var err: OpaquePointer? = nil
    let status = body(&err)
    if status == SC_OK {
        // The header says *err is untouched on success; free defensively anyway.
        sc_error_free(err)
        return
    }
    throw SCError(taking: err, status: status)
}

/// Runs a C call that returns an object through an out-parameter and hands back the
/// (non-NULL) object.
@inline(__always)
func checkOut(
    _ function: StaticString,
    _ body: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<OpaquePointer?>) -> sc_status_t
) throws -> OpaquePointer {
    var out: OpaquePointer? = nil
    try check { err in body(&out, err) }
    guard let out else {
        throw SCError(
            code: .internal, message: "\(function) reported success but returned NULL",
            field: nil, isRetryable: false)
    }
    return out
}

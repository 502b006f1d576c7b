internal import CSocialCart

/// The one error type of the binding (was `SocialCartError`). Every failing C call becomes one of these; the
/// C error object is copied and freed at once.
public struct SCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Mirrors `sc_status_t` (without `SC_OK`), plus the binding's own `.abiMismatch` and
    /// `.engineClosed`. Codes a newer library appends arrive as
    /// `.unknown(raw)`.
    public enum Code: Sendable, Hashable, CustomStringConvertible {
        case invalidArgument
        case invalidUTF8
        case notFound
        case invalidState
        case overflow
        case currencyMismatch
        case outOfStock
        case limitExceeded
        case skuInactive
        case cartEmpty
        case amountMismatch
        case refundExceedsPaid
        case expired
        case idempotencyConflict
        case validation
        case busy
        case storage
        case schemaTooNew
        case outOfMemory
        case `internal`
        /// A share link token or short code is not one this library makes.
        case linkMalformed
        /// A share link is signed under a key id the engine does not hold.
        case linkUnknownKey
        /// A share link's signature does not match its contents.
        case linkTampered
        /// Every seat of the group-buy group is taken, or it has filled.
        case groupFull
        /// Not an `sc_status_t`: raised by the binding when `sc_abi_version()` differs
        /// from the header's `SOCIALCART_ABI_VERSION`. Raw value -1.
        case abiMismatch
        /// Not an `sc_status_t`: raised by the binding for a call on an engine after
        /// `SCEngine.close()`. Raw value -2.
        case engineClosed
        /// A status this binding does not know.
        case unknown(Int32)

        public init(rawValue: Int32) {
            switch rawValue {
            case 1: self = .invalidArgument
            case 2: self = .invalidUTF8
            case 3: self = .notFound
            case 4: self = .invalidState
            case 5: self = .overflow
            case 6: self = .currencyMismatch
            case 7: self = .outOfStock
            case 8: self = .limitExceeded
            case 9: self = .skuInactive
            case 10: self = .cartEmpty
            case 11: self = .amountMismatch
            case 12: self = .refundExceedsPaid
            case 13: self = .expired
            case 14: self = .idempotencyConflict
            case 15: self = .validation
            case 16: self = .busy
            case 17: self = .storage
            case 18: self = .schemaTooNew
            case 19: self = .outOfMemory
            case 20: self = .internal
            case 21: self = .linkMalformed
            case 22: self = .linkUnknownKey
            case 23: self = .linkTampered
            case 24: self = .groupFull
            case -1: self = .abiMismatch
            case -2: self = .engineClosed
            default: self = .unknown(rawValue)
            }
        }

        /// The `sc_status_t` value (-1 for `.abiMismatch`).
        public var rawValue: Int32 {
            switch self {
            case .invalidArgument: return 1
            case .invalidUTF8: return 2
            case .notFound: return 3
            case .invalidState: return 4
            case .overflow: return 5
            case .currencyMismatch: return 6
            case .outOfStock: return 7
            case .limitExceeded: return 8
            case .skuInactive: return 9
            case .cartEmpty: return 10
            case .amountMismatch: return 11
            case .refundExceedsPaid: return 12
            case .expired: return 13
            case .idempotencyConflict: return 14
            case .validation: return 15
            case .busy: return 16
            case .storage: return 17
            case .schemaTooNew: return 18
            case .outOfMemory: return 19
            case .internal: return 20
            case .linkMalformed: return 21
            case .linkUnknownKey: return 22
            case .linkTampered: return 23
            case .groupFull: return 24
            case .abiMismatch: return -1
            case .engineClosed: return -2
            case .unknown(let raw): return raw
            }
        }

        /// The library's stable name, e.g. "SC_ERR_NOT_FOUND" (`sc_status_name`).
        public var name: String {
            if case .abiMismatch = self { return "SC_ABI_MISMATCH" }
            if case .engineClosed = self { return "SC_ENGINE_CLOSED" }
            return SCLibrary.statusName(rawValue: rawValue)
        }

        public var description: String { name }
    }

    public let code: Code
    /// A message for developers (English).
    public let message: String
    /// The argument or document field at fault, e.g. "quantity" or "skus[2].list_price".
    public let field: String?
    /// Whether the same call may succeed if retried unchanged.
    public let isRetryable: Bool

    public init(code: Code, message: String, field: String? = nil, isRetryable: Bool = false) {
        self.code = code
        self.message = message
        self.field = field
        self.isRetryable = isRetryable
    }

    /// Copies and frees a C error. A NULL error (which the library should never give
    /// for a failure) is described from the status alone.
    init(taking error: OpaquePointer?, status: sc_status_t) {
        defer { sc_error_free(error) }
        if let error {
            let raw = Int32(truncatingIfNeeded: sc_error_code(error).rawValue)
            self.init(
                code: Code(rawValue: raw == 0 ? Int32(truncatingIfNeeded: status.rawValue) : raw),
                message: copyString(sc_error_message(error)),
                field: copyOptionalString(sc_error_field(error)),
                isRetryable: sc_error_retryable(error))
        } else {
            let raw = Int32(truncatingIfNeeded: status.rawValue)
            self.init(code: Code(rawValue: raw), message: SCLibrary.statusName(rawValue: raw))
        }
    }

    public var description: String {
        var s = "\(code.name): \(message)"
        if let field { s += " (field: \(field))" }
        return s
    }
}

internal import CSocialCart

/// What a commit waits for before it returns (`sc_durability`).
public enum Durability: Sendable, Hashable {
    /// Each commit reaches the disk before the call returns (the default).
    case full
    /// Commits return once written to the OS; a power cut may lose the last few.
    case normal

    var rawValue: UInt32 {
        switch self {
        case .full: return SC_DURABILITY_FULL.rawValue
        case .normal: return SC_DURABILITY_NORMAL.rawValue
        }
    }
}

/// Settings for opening an engine. `nil` leaves the library's default in place.
public struct EngineOptions: Sendable {
    /// Default `.full`.
    public var durability: Durability
    /// How long an unpaid order holds its stock, 1 000 ms ... 7 days (default 15 min).
    public var paymentWindowMs: Int64?
    /// How long a write waits for another process's lock, 0 ... 600 000 ms
    /// (default 5 000 ms).
    public var busyTimeoutMs: Int64?
    /// Replaces the system clock: UTC milliseconds since the epoch. Called on the thread
    /// that made the engine call (for `async` calls, a background thread); it must not
    /// call back into the engine.
    public var clock: (@Sendable () -> Int64)?

    public init(
        durability: Durability = .full,
        paymentWindowMs: Int64? = nil,
        busyTimeoutMs: Int64? = nil,
        clock: (@Sendable () -> Int64)? = nil
    ) {
        self.durability = durability
        self.paymentWindowMs = paymentWindowMs
        self.busyTimeoutMs = busyTimeoutMs
        self.clock = clock
    }
}

/// The clock closure, kept alive by the C options/engine through user_data.
final class ClockBox {
    let now: @Sendable () -> Int64
    init(_ now: @escaping @Sendable () -> Int64) { self.now = now }
}

/// An `sc_options` builder: one thread, freed on deinit.
final class OptionsHandle {
    let raw: OpaquePointer

    init() throws {
        raw = try checkOut("sc_options_new") { out, err in sc_options_new(out, err) }
    }

    convenience init(_ options: EngineOptions) throws {
        try self.init()
        try setDurability(rawValue: options.durability.rawValue)
        if let ms = options.paymentWindowMs { try setPaymentWindow(ms: ms) }
        if let ms = options.busyTimeoutMs { try setBusyTimeout(ms: ms) }
        if let clock = options.clock { try setClock(clock) }
    }

    deinit { sc_options_free(raw) }

    func setDurability(rawValue: UInt32) throws {
        try check { sc_options_set_durability(raw, sc_durability(rawValue: rawValue), $0) }
    }

    func setPaymentWindow(ms: Int64) throws {
        try check { sc_options_set_payment_window_ms(raw, ms, $0) }
    }

    func setBusyTimeout(ms: Int64) throws {
        try check { sc_options_set_busy_timeout_ms(raw, ms, $0) }
    }

    func setClock(_ now: @escaping @Sendable () -> Int64) throws {
        let box = Unmanaged.passRetained(ClockBox(now)).toOpaque()
        try setClock(
            function: { userData in
                Unmanaged<ClockBox>.fromOpaque(userData!).takeUnretainedValue().now()
            },
            userData: box,
            userDataFree: { userData in
                Unmanaged<ClockBox>.fromOpaque(userData!).release()
            })
    }

    /// The raw call. When it fails the options did not take user_data (the library
    /// owns it only once the call succeeds), so it is released here.
    func setClock(
        function: sc_clock_fn?,
        userData: UnsafeMutableRawPointer?,
        userDataFree: (@convention(c) (UnsafeMutableRawPointer?) -> Void)?
    ) throws {
        do {
            try check { sc_options_set_clock(raw, function, userData, userDataFree, $0) }
        } catch {
            if let userData, let userDataFree { userDataFree(userData) }
            throw error
        }
    }
}

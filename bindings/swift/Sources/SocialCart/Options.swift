internal import CSocialCart

/// What a commit waits for before it returns (`sc_durability_t`).
public enum SCDurability: Sendable, Hashable {
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

/// How much a log message matters (`sc_log_level_t`).
public enum SCLogLevel: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// Detail for tracing the engine's work.
    case debug
    /// Normal events worth a line (e.g. "settled 8 lapsed orders").
    case info
    /// Trouble the engine handled itself (e.g. a busy database it retried).
    case warning
    /// A storage failure (I/O, corruption) reported to the caller.
    case error

    init(raw: UInt32) {
        switch raw {
        case SC_LOG_DEBUG.rawValue: self = .debug
        case SC_LOG_INFO.rawValue: self = .info
        case SC_LOG_WARNING.rawValue: self = .warning
        default: self = .error
        }
    }

    var rawLevel: UInt32 {
        switch self {
        case .debug: return SC_LOG_DEBUG.rawValue
        case .info: return SC_LOG_INFO.rawValue
        case .warning: return SC_LOG_WARNING.rawValue
        case .error: return SC_LOG_ERROR.rawValue
        }
    }

    public static func < (a: SCLogLevel, b: SCLogLevel) -> Bool { a.rawValue < b.rawValue }
}

/// Settings for opening an engine. `nil` leaves the library's default in place.
public struct SCEngineOptions: Sendable {
    /// Default `.full`.
    public var durability: SCDurability
    /// How long an unpaid order holds its stock, 1 000 ms ... 7 days (default 15 min).
    public var paymentWindowMs: Int64?
    /// How long a write waits for another process's lock, 0 ... 600 000 ms
    /// (default 5 000 ms).
    public var busyTimeoutMs: Int64?
    /// The page cache of each of the engine's database connections, 256 ... 1 048 576 KiB
    /// (default 8 192 KiB). Memory is taken only as pages are used.
    public var cacheSizeKib: Int64?
    /// How many reader connections the engine may open, 0 ... 64 (default 4). Reads use
    /// them beside the writer; 0 makes reads share the writer's connection (and wait for
    /// writes), for the smallest memory footprint. ":memory:" always reads through the
    /// writer.
    public var readConnections: Int?
    /// How long events are kept before `SCEngine.compact(maxRows:)` removes them,
    /// 3 600 000 ms (1 hour) ... 3 153 600 000 000 ms (100 years) (default 30 days).
    public var eventRetentionMs: Int64?
    /// How long idempotency keys are remembered before `SCEngine.compact(maxRows:)` forgets
    /// them (after that, the key is new again), 3 600 000 ms (1 hour) ...
    /// 3 153 600 000 000 ms (100 years) (default 30 days).
    public var idempotencyRetentionMs: Int64?
    /// Replaces the system clock: UTC milliseconds since the epoch. Called on the thread
    /// that made the engine call (for `async` calls, a background thread), possibly on
    /// several threads at once, so it must be thread-safe; it must not call back into the
    /// engine.
    public var clock: (@Sendable () -> Int64)?
    /// Replaces the engine's random source (by default the system's cryptographic one): a
    /// 64-bit draw per call, used for the bargain cut (`SCEngine.helpBargain`), so tests and
    /// demos script the draws. Called on the thread that made the engine call (for `async`
    /// calls, a background thread), possibly on several threads at once, so it must be
    /// thread-safe; it must not call back into the engine.
    public var random: (@Sendable () -> UInt64)?
    /// Receives the engine's log messages (English, for developers, never personal data).
    /// Called on the thread of the engine call that made the message (for `async` calls,
    /// a background thread), after the call left the database, possibly on several
    /// threads at once: it must be thread-safe and must not call back into the engine.
    public var log: (@Sendable (SCLogLevel, String) -> Void)?
    /// The least level that reaches `log` (default `.info`).
    public var logLevel: SCLogLevel?

    public init(
        durability: SCDurability = .full,
        paymentWindowMs: Int64? = nil,
        busyTimeoutMs: Int64? = nil,
        cacheSizeKib: Int64? = nil,
        readConnections: Int? = nil,
        eventRetentionMs: Int64? = nil,
        idempotencyRetentionMs: Int64? = nil,
        clock: (@Sendable () -> Int64)? = nil,
        random: (@Sendable () -> UInt64)? = nil,
        log: (@Sendable (SCLogLevel, String) -> Void)? = nil,
        logLevel: SCLogLevel? = nil
    ) {
        self.durability = durability
        self.paymentWindowMs = paymentWindowMs
        self.busyTimeoutMs = busyTimeoutMs
        self.cacheSizeKib = cacheSizeKib
        self.readConnections = readConnections
        self.eventRetentionMs = eventRetentionMs
        self.idempotencyRetentionMs = idempotencyRetentionMs
        self.clock = clock
        self.random = random
        self.log = log
        self.logLevel = logLevel
    }
}

/// The clock closure, kept alive by the C options/engine through user_data.
final class ClockBox {
    let now: @Sendable () -> Int64
    init(_ now: @escaping @Sendable () -> Int64) { self.now = now }
}

/// The random source, kept alive by the C options/engine through user_data.
final class RandomBox {
    let draw: @Sendable () -> UInt64
    init(_ draw: @escaping @Sendable () -> UInt64) { self.draw = draw }
}

/// The log closure, kept alive by the C options/engine through user_data.
final class LogBox {
    let log: @Sendable (SCLogLevel, String) -> Void
    init(_ log: @escaping @Sendable (SCLogLevel, String) -> Void) { self.log = log }
}

/// An `sc_options` builder: one thread, freed on deinit.
final class OptionsHandle {
    let raw: OpaquePointer

    init() throws {
        raw = try checkOut("sc_options_new") { out, err in sc_options_new(out, err) }
    }

    convenience init(_ options: SCEngineOptions) throws {
        try self.init()
        try setDurability(rawValue: options.durability.rawValue)
        if let ms = options.paymentWindowMs { try setPaymentWindow(ms: ms) }
        if let ms = options.busyTimeoutMs { try setBusyTimeout(ms: ms) }
        if let kib = options.cacheSizeKib { try setCacheSize(kib: kib) }
        if let count = options.readConnections { try setReadConnections(count) }
        if let ms = options.eventRetentionMs { try setEventRetention(ms: ms) }
        if let ms = options.idempotencyRetentionMs { try setIdempotencyRetention(ms: ms) }
        if let clock = options.clock { try setClock(clock) }
        if let random = options.random { try setRandom(random) }
        if let log = options.log { try setLog(log) }
        if let level = options.logLevel { try setLogLevel(level) }
    }

    deinit { sc_options_free(raw) }

    func setDurability(rawValue: UInt32) throws {
        try check { sc_options_set_durability(raw, sc_durability_t(rawValue: rawValue), $0) }
    }

    func setPaymentWindow(ms: Int64) throws {
        try check { sc_options_set_payment_window_ms(raw, ms, $0) }
    }

    func setBusyTimeout(ms: Int64) throws {
        try check { sc_options_set_busy_timeout_ms(raw, ms, $0) }
    }

    func setCacheSize(kib: Int64) throws {
        try check { sc_options_set_cache_size_kib(raw, kib, $0) }
    }

    func setReadConnections(_ count: Int) throws {
        try check { sc_options_set_read_connections(raw, Int64(count), $0) }
    }

    func setEventRetention(ms: Int64) throws {
        try check { sc_options_set_event_retention_ms(raw, ms, $0) }
    }

    func setIdempotencyRetention(ms: Int64) throws {
        try check { sc_options_set_idempotency_retention_ms(raw, ms, $0) }
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

    func setRandom(_ draw: @escaping @Sendable () -> UInt64) throws {
        let box = Unmanaged.passRetained(RandomBox(draw)).toOpaque()
        do {
            try check {
                sc_options_set_random(
                    raw,
                    { userData in Unmanaged<RandomBox>.fromOpaque(userData!).takeUnretainedValue().draw() },
                    box,
                    { userData in Unmanaged<RandomBox>.fromOpaque(userData!).release() },
                    $0)
            }
        } catch {
            // The options own user_data only once the call succeeds.
            Unmanaged<RandomBox>.fromOpaque(box).release()
            throw error
        }
    }

    func setLogLevel(_ level: SCLogLevel) throws {
        try check { sc_options_set_log_level(raw, sc_log_level_t(rawValue: level.rawLevel), $0) }
    }

    func setLog(_ log: @escaping @Sendable (SCLogLevel, String) -> Void) throws {
        let box = Unmanaged.passRetained(LogBox(log)).toOpaque()
        do {
            try check {
                sc_options_set_log(
                    raw,
                    { userData, level, message in
                        let box = Unmanaged<LogBox>.fromOpaque(userData!).takeUnretainedValue()
                        box.log(SCLogLevel(raw: level.rawValue), copyString(message))
                    },
                    box,
                    { userData in Unmanaged<LogBox>.fromOpaque(userData!).release() },
                    $0)
            }
        } catch {
            // The options own user_data only once the call succeeds.
            Unmanaged<LogBox>.fromOpaque(box).release()
            throw error
        }
    }
}

/// The windows and retentions as `Duration` (whole milliseconds; a finer part is
/// dropped). Setting `nil` leaves the library's default.
@available(macOS 13, iOS 16, tvOS 16, watchOS 9, *)
extension SCEngineOptions {
    /// `paymentWindowMs` as a `Duration`.
    public var paymentWindow: Duration? {
        get { paymentWindowMs.map { .milliseconds($0) } }
        set { paymentWindowMs = newValue.map(wholeMilliseconds) }
    }

    /// `busyTimeoutMs` as a `Duration`.
    public var busyTimeout: Duration? {
        get { busyTimeoutMs.map { .milliseconds($0) } }
        set { busyTimeoutMs = newValue.map(wholeMilliseconds) }
    }

    /// `eventRetentionMs` as a `Duration`.
    public var eventRetention: Duration? {
        get { eventRetentionMs.map { .milliseconds($0) } }
        set { eventRetentionMs = newValue.map(wholeMilliseconds) }
    }

    /// `idempotencyRetentionMs` as a `Duration`.
    public var idempotencyRetention: Duration? {
        get { idempotencyRetentionMs.map { .milliseconds($0) } }
        set { idempotencyRetentionMs = newValue.map(wholeMilliseconds) }
    }
}

@available(macOS 13, iOS 16, tvOS 16, watchOS 9, *)
private func wholeMilliseconds(_ duration: Duration) -> Int64 {
    let (seconds, attoseconds) = duration.components
    return seconds * 1000 + attoseconds / 1_000_000_000_000_000
}

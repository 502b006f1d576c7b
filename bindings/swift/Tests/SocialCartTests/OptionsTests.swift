import XCTest
@testable import SocialCart
import CSocialCart

final class OptionsTests: SocialCartTestCase {
    // sc_options_new, sc_options_set_* (success), sc_options_free
    func testOptionsAreApplied() throws {
        let engine = try Engine(
            path: databasePath(),
            options: EngineOptions(
                durability: .normal, paymentWindowMs: 90_000, busyTimeoutMs: 250,
                clock: { [clock] in clock!.now }))
        try engine.importProgram(sampleProgram)
        try engine.addToCart(user: "u1", sku: "tea", quantity: 1)
        let order = try engine.checkout(user: "u1", idempotencyKey: "k1")
        XCTAssertEqual(order.createdAtMs, clock.now)
        XCTAssertEqual(order.payDeadlineMs, clock.now + 90_000)
        XCTAssertGreaterThan(clock.reads, 0)
    }

    func testDefaultsOpen() throws {
        let engine = try Engine(path: databasePath())
        XCTAssertEqual(try engine.catalog(), [])
        let full = try Engine(path: databasePath(), options: EngineOptions(durability: .full))
        XCTAssertEqual(try full.sweep(), 0)
    }

    func testPaymentWindowOutOfRange() {
        assertThrows(.invalidArgument, try Engine(path: databasePath(), options: EngineOptions(paymentWindowMs: 999)))
        assertThrows(
            .invalidArgument,
            try Engine(path: databasePath(), options: EngineOptions(paymentWindowMs: 604_800_001)))
        XCTAssertNoThrow(try Engine(path: databasePath(), options: EngineOptions(paymentWindowMs: 1000)))
    }

    func testBusyTimeoutOutOfRange() {
        assertThrows(.invalidArgument, try Engine(path: databasePath(), options: EngineOptions(busyTimeoutMs: -1)))
        assertThrows(
            .invalidArgument, try Engine(path: databasePath(), options: EngineOptions(busyTimeoutMs: 600_001)))
    }

    func testUnknownDurability() throws {
        let options = try OptionsHandle()
        XCTAssertNoThrow(try options.setDurability(rawValue: Durability.normal.rawValue))
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
            let engine = try Engine(path: databasePath(), options: EngineOptions(clock: { local.now }))
            try engine.importProgram(sampleProgram)
            try engine.addToCart(user: "u", sku: "cake")
            XCTAssertEqual(try engine.checkout(user: "u", idempotencyKey: "k").createdAtMs, 42_000)
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

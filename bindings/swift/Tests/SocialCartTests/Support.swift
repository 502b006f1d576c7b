import Foundation
import XCTest
@testable import SocialCart

/// An injected clock: tests advance it, nothing ever sleeps.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var ms: Int64
    private(set) var reads = 0

    init(_ start: Int64 = 1_767_225_600_000) { ms = start }  // 2026-01-01T00:00:00Z

    var now: Int64 {
        lock.lock()
        defer { lock.unlock() }
        reads += 1
        return ms
    }

    func advance(ms delta: Int64) {
        lock.lock()
        ms += delta
        lock.unlock()
    }
}

let sampleProgram = """
{"format":"socialcart.program/1","currency":"CNY","skus":[
 {"id":"tea","merchant_id":"m1","title":"Tea","list_price":6800,"categories":["tea","gifts"],"stock":12,"max_per_order":5},
 {"id":"cup","merchant_id":"m1","title":"Cup","list_price":3950,"categories":["teaware"],"stock":3},
 {"id":"cake","merchant_id":"m2","title":"Cake","list_price":12800,"categories":["food"]},
 {"id":"kettle","merchant_id":"m1","title":"Kettle","list_price":45900,"stock":0,"active":false}
]}
"""

/// Every test: temporary database files, an injected clock, and a leak check at the end
/// (`sc_live_object_count()` back to its value at the start).
class SocialCartTestCase: XCTestCase {
    var clock: TestClock!
    var directory: URL!
    private var liveAtStart: Int64 = 0
    private var fileCounter = 0

    override func setUpWithError() throws {
        try super.setUpWithError()
        liveAtStart = SCLibrary.liveObjectCount
        clock = TestClock()
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("socialcart-swift-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        // Engines and snapshots made by the test are local to it and gone by now.
        XCTAssertEqual(
            SCLibrary.liveObjectCount, liveAtStart,
            "sc_live_object_count() is not back to its value at the start: a leak")
        if let directory { try? FileManager.default.removeItem(at: directory) }
        try super.tearDownWithError()
    }

    func databasePath(_ name: String? = nil) -> String {
        fileCounter += 1
        return directory.appendingPathComponent(name ?? "db\(fileCounter).sqlite").path
    }

    func options(paymentWindowMs: Int64? = 60_000) -> SCEngineOptions {
        let clock = self.clock!
        return SCEngineOptions(
            durability: .normal, paymentWindowMs: paymentWindowMs, busyTimeoutMs: 0,
            clock: { clock.now })
    }

    /// An engine on a fresh temporary file with the test clock.
    func makeEngine(path: String? = nil, paymentWindowMs: Int64? = 60_000, program: String? = sampleProgram)
        throws -> SCEngine
    {
        let engine = try SCEngine.Blocking.open(path: path ?? databasePath(), options: options(paymentWindowMs: paymentWindowMs))
        if let program { try engine.blocking.importProgram(program) }
        return engine
    }
}

/// Asserts that `body` throws a SCError with `code` (and `field`, when given),
/// with a non-empty message.
func assertThrows<T>(
    _ code: SCError.Code,
    field: String? = nil,
    _ body: @autoclosure () throws -> T,
    file: StaticString = #filePath, line: UInt = #line
) {
    do {
        _ = try body()
        XCTFail("expected \(code), got success", file: file, line: line)
    } catch let error as SCError {
        XCTAssertEqual(error.code, code, "\(error)", file: file, line: line)
        if let field { XCTAssertEqual(error.field, field, "\(error)", file: file, line: line) }
        XCTAssertFalse(error.message.isEmpty, "empty message", file: file, line: line)
    } catch {
        XCTFail("expected SCError, got \(error)", file: file, line: line)
    }
}

func assertThrowsAsync<T>(
    _ code: SCError.Code,
    field: String? = nil,
    _ body: () async throws -> T,
    file: StaticString = #filePath, line: UInt = #line
) async {
    do {
        _ = try await body()
        XCTFail("expected \(code), got success", file: file, line: line)
    } catch let error as SCError {
        XCTAssertEqual(error.code, code, "\(error)", file: file, line: line)
        if let field { XCTAssertEqual(error.field, field, "\(error)", file: file, line: line) }
    } catch {
        XCTFail("expected SCError, got \(error)", file: file, line: line)
    }
}

/// Holds a POSIX lock on a database from another process (python3), so that the
/// engine's next transaction meets SC_ERR_BUSY. Released on `release()`.
final class ForeignLock {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    let how: String

    /// Tries an exclusive lock on the whole database file, then on the WAL write lock
    /// byte of the -shm file. nil when neither can be taken (or python3 is missing).
    init?(databasePath: String) {
        let script = """
        import fcntl, os, sys
        db = sys.argv[1]
        def try_lock(path, start, length):
            try:
                f = open(path, 'r+b')
                fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB, length, start)
                return f
            except OSError:
                return None
        held = try_lock(db, 0, 0)
        how = 'db'
        if held is None and os.path.exists(db + '-shm'):
            held = try_lock(db + '-shm', 120, 1)
            how = 'shm-write'
        print(how if held is not None else 'none', flush=True)
        sys.stdin.read()
        """
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, databasePath]
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch { return nil }
        let line = String(decoding: output.fileHandleForReading.availableLine(), as: UTF8.self)
        how = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if how != "db" && how != "shm-write" {
            release()
            return nil
        }
    }

    func release() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

extension FileHandle {
    /// Reads up to and including the first newline (blocking).
    func availableLine() -> Data {
        var data = Data()
        while true {
            let chunk = (try? read(upToCount: 1)) ?? nil
            guard let chunk, !chunk.isEmpty else { break }
            if chunk[chunk.startIndex] == UInt8(ascii: "\n") { break }
            data.append(chunk)
        }
        return data
    }
}

/// Pricing rules with figures simple enough to work out by hand (PricingTests and
/// CouponTests assert the sums they give), put one at a time as an operator console would.
///
/// - Shipping: m1 charges 800, free from 300.00 of goods (after discounts); m2 charges 1200.
/// - Promotion "spend200": 20.00 off when m1's goods reach 200.00.
/// - Coupon "welcome" (claim, 7 days, 100 copies, 1 per user): 15.00 off tea from 100.00.
/// - Coupon "sorry" (grant by merchant m2, 30 days, unlimited, 2 per user): 5.00 off m2's goods.
/// - Coupon "spring" (promo code "SPRING20", 7 days, 1000 copies, 1 per user): 20.00 off the
///   cake from 100.00.
///
/// "welcome" and "spring" are platform coupons, so at most one of them applies; "sorry" is
/// m2's and stacks with either.
enum PricingRules {
    static let shippingM1 = #"{"merchant_id":"m1","flat_fee":800,"free_over":30000}"#
    static let shippingM2 = #"{"merchant_id":"m2","flat_fee":1200}"#
    static let spend200 = """
        {"id":"spend200","title":"20 off 200","kind":"threshold",
         "tiers":[{"min_spend":20000,"off":2000}],"scope":{"include":{"merchants":["m1"]}}}
        """
    static let welcome = """
        {"id":"welcome","title":"Welcome 15","kind":"fixed_amount","value":1500,"min_spend":10000,
         "scope":{"include":{"categories":["tea"]}},"validity":{"kind":"days_from_claim","days":7},
         "total_quantity":100,"per_user_limit":1,"issue_mode":"claim"}
        """
    static let sorry = """
        {"id":"sorry","title":"Sorry 5","kind":"fixed_amount","value":500,"issuer_merchant_id":"m2",
         "validity":{"kind":"days_from_claim","days":30},"per_user_limit":2,"issue_mode":"grant"}
        """
    static let spring = """
        {"id":"spring","title":"Spring 20","kind":"threshold","value":2000,"min_spend":10000,
         "scope":{"include":{"skus":["cake"]}},"validity":{"kind":"days_from_claim","days":7},
         "total_quantity":1000,"per_user_limit":1,"issue_mode":"promo_code","promo_code":"SPRING20"}
        """

    static func put(_ engine: SCEngine) throws {
        try engine.blocking.putShippingRule(json: shippingM1)
        try engine.blocking.putShippingRule(json: shippingM2)
        try engine.blocking.putPromotion(json: spend200)
        try engine.blocking.putCouponTemplate(json: welcome)
        try engine.blocking.putCouponTemplate(json: sorry)
        try engine.blocking.putCouponTemplate(json: spring)
    }
}

/// The coupons a shopper holds after `PricingRules.issue`.
struct HeldCoupons {
    var welcome: SCCoupon
    var sorry: SCCoupon
    var spring: SCCoupon
}

extension PricingRules {
    /// Gives the user one coupon of each template, each by its own path.
    static func issue(_ engine: SCEngine, user: String) throws -> HeldCoupons {
        HeldCoupons(
            welcome: try engine.blocking.claimCoupon(user: user, template: "welcome", idempotencyKey: "\(user)-welcome"),
            sorry: try engine.blocking.grantCoupon(user: user, template: "sorry", idempotencyKey: "\(user)-sorry"),
            spring: try engine.blocking.redeemPromoCode(user: user, code: "SPRING20", idempotencyKey: "\(user)-spring"))
    }

    /// 3 teas (m1, 204.00) and a cake (m2, 128.00): subtotal 332.00.
    static func fillCart(_ engine: SCEngine, user: String) throws {
        try engine.blocking.addToCart(user: user, sku: "tea", quantity: 3)
        try engine.blocking.addToCart(user: user, sku: "cake", quantity: 1)
    }
}

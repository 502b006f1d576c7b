import Dispatch
import Foundation

/// Blocking engine calls run here so that `async` callers never block their executor
/// (or the cooperative thread pool) on SQLite I/O or lock waits.
private let blockingQueue = DispatchQueue(
    label: "socialcart.engine.blocking", qos: .userInitiated, attributes: .concurrent)

/// Runs a blocking call on `blockingQueue` and resumes the caller with its result.
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    let call = BlockingCall(body)
    return try await withCheckedThrowingContinuation { continuation in
        blockingQueue.async {
            let result = call.run()
            continuation.resume(with: result)
        }
    }
}

/// Holds the body of one blocking call and lets go of it (and of what it captured,
/// such as the engine) before the caller resumes. Otherwise the queue's block could
/// drop the last reference to an engine after the caller has moved on, closing the
/// database at an unpredictable time.
private final class BlockingCall<T: Sendable>: @unchecked Sendable {
    private var body: (@Sendable () throws -> T)?

    init(_ body: @escaping @Sendable () throws -> T) { self.body = body }

    func run() -> Result<T, any Error> {
        guard let body else {
            preconditionFailure("a blocking call ran twice")
        }
        self.body = nil
        return Result { try body() }
    }
}

// The `async` form of every engine call that can block on the database: the main
// form. Each runs its `engine.blocking` twin on `blockingQueue`.
extension SCEngine {
    @discardableResult
    public func sweep(maxOrders: Int = 1000) async throws -> SCSweepResult {
        try await runBlocking { try self.blocking.sweep(maxOrders: maxOrders) }
    }

    @discardableResult
    public func compact(maxRows: Int = 1000) async throws -> SCCompactResult {
        try await runBlocking { try self.blocking.compact(maxRows: maxRows) }
    }

    public func putSku(_ sku: SCSku) async throws {
        try await runBlocking { try self.blocking.putSku(sku) }
    }

    public func sku(_ id: String) async throws -> SCSku {
        try await runBlocking { try self.blocking.sku(id) }
    }

    public func catalog() async throws -> [SCSku] {
        try await runBlocking { try self.blocking.catalog() }
    }

    public func importProgram(_ json: String) async throws {
        try await runBlocking { try self.blocking.importProgram(json) }
    }

    public func importProgram(contentsOf url: URL) async throws {
        try await runBlocking { try self.blocking.importProgram(contentsOf: url) }
    }

    public func exportProgram() async throws -> String {
        try await runBlocking { try self.blocking.exportProgram() }
    }

    public func addToCart(user: String, sku: String, quantity: Int64 = 1) async throws {
        try await runBlocking { try self.blocking.addToCart(user: user, sku: sku, quantity: quantity) }
    }

    public func addToCart(user: String, sku: String, quantity: Int64 = 1, idempotencyKey: String) async throws {
        try await runBlocking {
            try self.blocking.addToCart(user: user, sku: sku, quantity: quantity, idempotencyKey: idempotencyKey)
        }
    }

    public func setCartQuantity(user: String, sku: String, quantity: Int64) async throws {
        try await runBlocking { try self.blocking.setCartQuantity(user: user, sku: sku, quantity: quantity) }
    }

    public func removeFromCart(user: String, sku: String) async throws {
        try await runBlocking { try self.blocking.removeFromCart(user: user, sku: sku) }
    }

    public func selectCartLine(user: String, sku: String, selected: Bool = true) async throws {
        try await runBlocking { try self.blocking.selectCartLine(user: user, sku: sku, selected: selected) }
    }

    public func clearCart(user: String) async throws {
        try await runBlocking { try self.blocking.clearCart(user: user) }
    }

    public func mergeCart(guest: String, into user: String) async throws {
        try await runBlocking { try self.blocking.mergeCart(guest: guest, into: user) }
    }

    public func cart(user: String) async throws -> SCCart {
        try await runBlocking { try self.blocking.cart(user: user) }
    }

    public func quote(user: String, request: SCCheckoutRequest = SCCheckoutRequest()) async throws -> SCQuote {
        try await runBlocking { try self.blocking.quote(user: user, request: request) }
    }

    public func checkout(
        user: String, request: SCCheckoutRequest = SCCheckoutRequest(), idempotencyKey: String
    ) async throws -> SCOrder {
        try await runBlocking {
            try self.blocking.checkout(user: user, request: request, idempotencyKey: idempotencyKey)
        }
    }

    public func order(_ id: String) async throws -> SCOrder {
        try await runBlocking { try self.blocking.order(id) }
    }

    @discardableResult
    public func pay(
        order id: String, paymentRef: String, amount: SCMoney, idempotencyKey: String
    ) async throws -> SCOrder {
        try await runBlocking {
            try self.blocking.pay(order: id, paymentRef: paymentRef, amount: amount, idempotencyKey: idempotencyKey)
        }
    }
    @discardableResult
    public func pay(
        order id: String, paymentRef: String, amountMinor amount: Int64, idempotencyKey: String
    ) async throws -> SCOrder {
        try await runBlocking {
            try self.blocking.pay(order: id, paymentRef: paymentRef, amountMinor: amount, idempotencyKey: idempotencyKey)
        }
    }

    @discardableResult
    public func cancel(order id: String) async throws -> SCOrder {
        try await runBlocking { try self.blocking.cancel(order: id) }
    }

    @discardableResult
    public func refundLine(
        order id: String, lineIndex: Int, quantity: Int64, idempotencyKey: String
    ) async throws -> SCOrder {
        try await runBlocking {
            try self.blocking.refundLine(
                order: id, lineIndex: lineIndex, quantity: quantity, idempotencyKey: idempotencyKey)
        }
    }

    @discardableResult
    public func refundAmount(
        order id: String, amount: SCMoney, idempotencyKey: String
    ) async throws -> SCOrder {
        try await runBlocking {
            try self.blocking.refundAmount(order: id, amount: amount, idempotencyKey: idempotencyKey)
        }
    }
    @discardableResult
    public func refundAmount(
        order id: String, amountMinor amount: Int64, idempotencyKey: String
    ) async throws -> SCOrder {
        try await runBlocking {
            try self.blocking.refundAmount(order: id, amountMinor: amount, idempotencyKey: idempotencyKey)
        }
    }

    public func readEvents(after: Int64 = 0, limit: Int = 1000) async throws -> [SCEvent] {
        try await runBlocking { try self.blocking.readEvents(after: after, limit: limit) }
    }

    public func readEvents(type: String, after: Int64 = 0, limit: Int = 1000) async throws -> [SCEvent] {
        try await runBlocking { try self.blocking.readEvents(type: type, after: after, limit: limit) }
    }

    public func latestEventSeq() async throws -> Int64 {
        try await runBlocking { try self.blocking.latestEventSeq() }
    }

    public func order(checkoutKey key: String, user: String) async throws -> SCOrder {
        try await runBlocking { try self.blocking.order(checkoutKey: key, user: user) }
    }

    public func orders(
        user: String, state: SCOrderState? = nil, createdFromMs: Int64 = 0, createdBeforeMs: Int64 = .max,
        cursor: String? = nil, limit: Int = 50
    ) async throws -> SCPage<SCOrder> {
        try await runBlocking {
            try self.blocking.orders(
                user: user, state: state, createdFromMs: createdFromMs, createdBeforeMs: createdBeforeMs,
                cursor: cursor, limit: limit)
        }
    }

    public func catalog(merchant: String, cursor: String? = nil, limit: Int = 50) async throws -> SCPage<SCSku> {
        try await runBlocking { try self.blocking.catalog(merchant: merchant, cursor: cursor, limit: limit) }
    }

    public func catalog(category: String, cursor: String? = nil, limit: Int = 50) async throws -> SCPage<SCSku> {
        try await runBlocking { try self.blocking.catalog(category: category, cursor: cursor, limit: limit) }
    }

    public func putPromotion(json: String) async throws {
        try await runBlocking { try self.blocking.putPromotion(json: json) }
    }

    public func putCouponTemplate(json: String) async throws {
        try await runBlocking { try self.blocking.putCouponTemplate(json: json) }
    }

    public func putShippingRule(json: String) async throws {
        try await runBlocking { try self.blocking.putShippingRule(json: json) }
    }

    public func claimCoupon(user: String, template: String, idempotencyKey: String) async throws -> SCCoupon {
        try await runBlocking {
            try self.blocking.claimCoupon(user: user, template: template, idempotencyKey: idempotencyKey)
        }
    }

    public func grantCoupon(user: String, template: String, idempotencyKey: String) async throws -> SCCoupon {
        try await runBlocking {
            try self.blocking.grantCoupon(user: user, template: template, idempotencyKey: idempotencyKey)
        }
    }

    public func exchangePoints(user: String, template: String, idempotencyKey: String) async throws -> SCCoupon {
        try await runBlocking {
            try self.blocking.exchangePoints(user: user, template: template, idempotencyKey: idempotencyKey)
        }
    }

    public func redeemPromoCode(user: String, code: String, idempotencyKey: String) async throws -> SCCoupon {
        try await runBlocking {
            try self.blocking.redeemPromoCode(user: user, code: code, idempotencyKey: idempotencyKey)
        }
    }

    @discardableResult
    public func revokeCoupon(code: String) async throws -> SCCoupon {
        try await runBlocking { try self.blocking.revokeCoupon(code: code) }
    }

    public func coupons(user: String, state: SCCouponState? = nil) async throws -> [SCCoupon] {
        try await runBlocking { try self.blocking.coupons(user: user, state: state) }
    }

    public func couponReport() async throws -> [SCCouponReportRow] {
        try await runBlocking { try self.blocking.couponReport() }
    }
}

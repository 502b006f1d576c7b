import Dispatch

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

// The `async` overloads of every engine call that can block on the database.
extension Engine {
    @discardableResult
    public func sweep() async throws -> Int64 {
        try await runBlocking { try self.sweep() }
    }

    public func putSku(_ sku: Sku) async throws {
        try await runBlocking { try self.putSku(sku) }
    }

    public func sku(_ id: String) async throws -> Sku {
        try await runBlocking { try self.sku(id) }
    }

    public func catalog() async throws -> [Sku] {
        try await runBlocking { try self.catalog() }
    }

    public func importProgram(_ json: String) async throws {
        try await runBlocking { try self.importProgram(json) }
    }

    public func exportProgram() async throws -> String {
        try await runBlocking { try self.exportProgram() }
    }

    public func addToCart(user: String, sku: String, quantity: Int64 = 1) async throws {
        try await runBlocking { try self.addToCart(user: user, sku: sku, quantity: quantity) }
    }

    public func setCartQuantity(user: String, sku: String, quantity: Int64) async throws {
        try await runBlocking { try self.setCartQuantity(user: user, sku: sku, quantity: quantity) }
    }

    public func removeFromCart(user: String, sku: String) async throws {
        try await runBlocking { try self.removeFromCart(user: user, sku: sku) }
    }

    public func selectCartLine(user: String, sku: String, selected: Bool = true) async throws {
        try await runBlocking { try self.selectCartLine(user: user, sku: sku, selected: selected) }
    }

    public func clearCart(user: String) async throws {
        try await runBlocking { try self.clearCart(user: user) }
    }

    public func mergeCart(guest: String, into user: String) async throws {
        try await runBlocking { try self.mergeCart(guest: guest, into: user) }
    }

    public func cart(user: String) async throws -> Cart {
        try await runBlocking { try self.cart(user: user) }
    }

    public func quote(user: String) async throws -> Quote {
        try await runBlocking { try self.quote(user: user) }
    }

    public func checkout(user: String, idempotencyKey: String) async throws -> Order {
        try await runBlocking { try self.checkout(user: user, idempotencyKey: idempotencyKey) }
    }

    public func order(_ id: String) async throws -> Order {
        try await runBlocking { try self.order(id) }
    }

    @discardableResult
    public func pay(
        order id: String, paymentRef: String, amount: Int64, idempotencyKey: String
    ) async throws -> Order {
        try await runBlocking {
            try self.pay(order: id, paymentRef: paymentRef, amount: amount, idempotencyKey: idempotencyKey)
        }
    }

    @discardableResult
    public func cancel(order id: String) async throws -> Order {
        try await runBlocking { try self.cancel(order: id) }
    }

    @discardableResult
    public func refundLine(
        order id: String, lineIndex: Int, quantity: Int64, idempotencyKey: String
    ) async throws -> Order {
        try await runBlocking {
            try self.refundLine(
                order: id, lineIndex: lineIndex, quantity: quantity, idempotencyKey: idempotencyKey)
        }
    }

    @discardableResult
    public func refundAmount(
        order id: String, amount: Int64, idempotencyKey: String
    ) async throws -> Order {
        try await runBlocking {
            try self.refundAmount(order: id, amount: amount, idempotencyKey: idempotencyKey)
        }
    }

    public func readEvents(after: Int64 = 0, limit: Int = 1000) async throws -> [Event] {
        try await runBlocking { try self.readEvents(after: after, limit: limit) }
    }
}

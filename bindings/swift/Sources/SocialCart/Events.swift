internal import CSocialCart
import Foundation

/// One entry of the engine's event log.
public struct SCEvent: Sendable, Hashable, Identifiable {
    /// Sequence number: increasing, gap-free within one database.
    public var seq: Int64
    /// The event type, e.g. "order.paid".
    public var type: String
    /// The id of the object the event is about (an order, SKU or user id).
    public var subjectId: String
    /// When it happened, by the engine's clock (UTC ms since the epoch).
    public var timeMs: Int64
    /// When it happened, by the engine's clock.
    public var time: Date { date(ms: timeMs) }
    /// The event's details as a JSON object.
    public var payload: String

    public var id: Int64 { seq }

    public init(seq: Int64, type: String, subjectId: String, timeMs: Int64, payload: String) {
        self.seq = seq
        self.type = type
        self.subjectId = subjectId
        self.timeMs = timeMs
        self.payload = payload
    }

    static func copyBatch(_ events: OpaquePointer?) -> [SCEvent] {
        (0..<sc_events_count(events)).map { i in
            SCEvent(
                seq: sc_events_seq(events, i),
                type: copyString(sc_events_type(events, i)),
                subjectId: copyString(sc_events_subject_id(events, i)),
                timeMs: sc_events_time_ms(events, i),
                payload: copyString(sc_events_payload(events, i)))
        }
    }
}

/// The user_data of one subscription: the stream's continuation.
final class SubscriptionBox {
    let continuation: AsyncStream<SCEvent>.Continuation
    init(_ continuation: AsyncStream<SCEvent>.Continuation) { self.continuation = continuation }
}

/// The engine's live event streams, finished when the engine closes.
final class StreamRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var open: [Int: AsyncStream<SCEvent>.Continuation] = [:]
    private var closed = false

    /// Registers a stream; false once the engine is closing.
    func add(_ continuation: AsyncStream<SCEvent>.Continuation) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if closed { return nil }
        next += 1
        open[next] = continuation
        return next
    }

    func remove(_ id: Int) {
        lock.lock()
        open[id] = nil
        lock.unlock()
    }

    func finishAll() {
        lock.lock()
        closed = true
        let all = open.values
        open = [:]
        lock.unlock()
        // Outside the lock: finishing runs onTermination, which calls remove().
        for continuation in all { continuation.finish() }
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return open.count
    }
}

extension SCEngine.Blocking {
    /// Reads up to `limit` events with a sequence number greater than `after`, in
    /// order. Start with 0 and continue from the last `seq` read.
    /// - Throws: `.invalidArgument` for `after` < 0 or `limit` outside 1...10 000.
    public func readEvents(after: Int64 = 0, limit: Int = 1000) throws -> [SCEvent] {
        guard limit >= 0 else {
            throw SCError(code: .invalidArgument, message: "limit is negative", field: "limit")
        }
        let raw = try withHandle { handle in try checkOut("sc_engine_events_read") { out, err in
            sc_engine_events_read(handle, after, limit, out, err)
        } }
        defer { sc_events_free(raw) }
        return SCEvent.copyBatch(raw)
    }

    /// Reads up to `limit` events of one type (e.g. "order.paid") with a sequence number
    /// greater than `after`, in order. An unknown type has no events.
    /// - Throws: `.invalidArgument` for an empty type, `after` < 0 or `limit` outside
    ///   1...10 000.
    public func readEvents(type: String, after: Int64 = 0, limit: Int = 1000) throws -> [SCEvent] {
        try requireCString(type, field: "type")
        guard limit >= 0 else {
            throw SCError(code: .invalidArgument, message: "limit is negative", field: "limit")
        }
        let raw = try withHandle { handle in try checkOut("sc_engine_events_read_type") { out, err in
            sc_engine_events_read_type(handle, type, after, limit, out, err)
        } }
        defer { sc_events_free(raw) }
        return SCEvent.copyBatch(raw)
    }

    /// The sequence number of the latest event in the log; 0 when it is empty.
    public func latestEventSeq() throws -> Int64 {
        var seq: Int64 = 0
        try withHandle { handle in try check { sc_engine_events_latest_seq(handle, &seq, $0) } }
        return seq
    }

}

extension SCEngine {
    /// The events of this engine's calls from now on, in sequence order
    /// (`sc_engine_events_subscribe`). Changes made by another process or engine are not
    /// delivered: read those with `readEvents(after:limit:)`.
    ///
    /// The library hands each call's events to the stream after its transaction
    /// committed and outside the engine's lock, on the thread of an engine call that
    /// wrote: the calling thread when one thread writes at a time (a background thread
    /// for `async` calls). When several threads write at once, another writer's thread
    /// may pass them on, so an event can reach the stream after the call that made it
    /// has returned.
    ///
    /// The subscription ends when the stream terminates: when the consuming task is
    /// cancelled, when the stream and its iterators are released, or when the engine
    /// closes (the stream then finishes after its buffered events).
    public func events() -> AsyncStream<SCEvent> {
        let (stream, continuation) = AsyncStream<SCEvent>.makeStream()
        do {
            let subscription = try subscribe(continuation)
            guard let id = streams.add(continuation) else {
                sc_subscription_free(subscription.raw)
                continuation.finish()
                return stream
            }
            let registry = streams
            continuation.onTermination = { _ in
                sc_subscription_free(subscription.raw)
                registry.remove(id)
            }
        } catch {
            // sc_engine_events_subscribe only fails for NULL arguments, which the binding
            // never passes; the stream then simply ends.
            continuation.finish()
        }
        return stream
    }

    /// The raw subscription behind `events()`.
    func subscribe(_ continuation: AsyncStream<SCEvent>.Continuation) throws -> UncheckedHandle {
        let box = Unmanaged.passRetained(SubscriptionBox(continuation)).toOpaque()
        do {
            let raw = try withHandle { handle in try checkOut("sc_engine_events_subscribe") { out, err in
                sc_engine_events_subscribe(
                    handle,
                    { userData, events in
                        let box = Unmanaged<SubscriptionBox>.fromOpaque(userData!).takeUnretainedValue()
                        for event in SCEvent.copyBatch(events) { box.continuation.yield(event) }
                    },
                    box,
                    { userData in Unmanaged<SubscriptionBox>.fromOpaque(userData!).release() },
                    out, err)
            } }
            return UncheckedHandle(raw: raw)
        } catch {
            // The library owns user_data only once the call succeeds (docs/c-api.md,
            // "Callbacks"); the header itself does not say so for sc_engine_events_subscribe.
            Unmanaged<SubscriptionBox>.fromOpaque(box).release()
            throw error
        }
    }
}

internal import CSocialCart
import Foundation

// Share links (socialcart/referral.h, docs/referral.md): the referral program, the Ed25519
// keys that sign and verify share links, making a link and verifying a token or short code.
// A link's token is signed by the side that makes it and checked offline by any side that
// trusts the public key; several keys verify at once, so a signing key can be rotated while
// the links already shared still open. A refused link throws one code per reason:
// `.linkMalformed`, `.linkUnknownKey`, `.linkTampered`, `.expired` (past expiry beyond the
// clock-skew tolerance) and `.invalidState` (issued later than now beyond the tolerance).
// Private keys stay in the database file: nothing here returns one.

/// What a share link points at (`sc_share_target_t`). The values are stable: they travel in
/// tokens.
public enum SCShareTarget: Sendable, Hashable, CustomStringConvertible {
    /// A SKU (1).
    case sku
    /// A group buy (2).
    case group
    /// A campaign (3).
    case campaign
    /// A store (4).
    case store
    /// A bargain (5): the invite to help cut its price.
    case bargain
    /// A kind this binding does not know.
    case unknown(UInt32)

    init(rawValue: UInt32) {
        switch rawValue {
        case SC_SHARE_TARGET_SKU.rawValue: self = .sku
        case SC_SHARE_TARGET_GROUP.rawValue: self = .group
        case SC_SHARE_TARGET_CAMPAIGN.rawValue: self = .campaign
        case SC_SHARE_TARGET_STORE.rawValue: self = .store
        case SC_SHARE_TARGET_BARGAIN.rawValue: self = .bargain
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: UInt32 {
        switch self {
        case .sku: return SC_SHARE_TARGET_SKU.rawValue
        case .group: return SC_SHARE_TARGET_GROUP.rawValue
        case .campaign: return SC_SHARE_TARGET_CAMPAIGN.rawValue
        case .store: return SC_SHARE_TARGET_STORE.rawValue
        case .bargain: return SC_SHARE_TARGET_BARGAIN.rawValue
        case .unknown(let raw): return raw
        }
    }

    /// The library's stable name: "sku", "group", "campaign", "store" or "bargain"; "unknown" for
    /// `.unknown` (`sc_share_target_name`).
    public var name: String { copyString(sc_share_target_name(sc_share_target_t(rawValue: rawValue))) }

    public var description: String { name }
}

/// A key that signs or verifies share links, as of the read. It never holds the private key.
public struct SCShareKey: Sendable, Hashable, Identifiable {
    /// The key's id (1-32 characters of A-Z a-z 0-9 _ - .); it travels in tokens.
    public var id: String
    /// The public key as SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----..."), for
    /// another side to trust with `trustShareKey(id:publicPEM:)`.
    public var publicPEM: String
    /// Whether this side holds the private key (generated or installed here).
    public var canSign: Bool
    /// Whether new links are signed with it.
    public var isSigning: Bool
    /// When it was added (UTC ms since the epoch).
    public var addedAtMs: Int64
    /// When it was retired (UTC ms since the epoch); nil while it is in force.
    public var retiredAtMs: Int64?

    /// When it was added.
    public var addedAt: Date { date(ms: addedAtMs) }
    /// When it was retired; nil while it is in force.
    public var retiredAt: Date? { retiredAtMs.map { date(ms: $0) } }

    init(copying key: OpaquePointer) {
        id = copyString(sc_share_key_id(key))
        publicPEM = copyString(sc_share_key_public_pem(key))
        canSign = sc_share_key_can_sign(key)
        isSigning = sc_share_key_is_signing(key)
        addedAtMs = sc_share_key_added_at_ms(key)
        retiredAtMs = sc_share_key_is_retired(key) ? sc_share_key_retired_at_ms(key) : nil
    }
}

/// A share link: the sharer's link to a target through a channel, with its signed token and
/// the program's URL for it.
public struct SCShareLink: Sendable, Hashable, Identifiable {
    /// The signed token (base64url, about 160 characters).
    public var token: String
    /// The short code in canonical form ("K7QDM2XR4P"); nil when it is not known here (a
    /// link resolved from its token).
    public var code: String?
    /// The short code as printed for people ("K7QD-M2XR4P"); nil when it is not known here.
    public var displayCode: String?
    /// The program's URL with the token.
    public var url: String
    /// The id of the key that signed it.
    public var keyId: String
    /// Who shared it.
    public var sharerId: String
    /// What it points at.
    public var target: SCShareTarget
    /// The target's id.
    public var targetId: String
    /// The channel it was shared through ("wechat", "copy_link", "qr", ...).
    public var channel: String
    /// When it was made (UTC ms since the epoch).
    public var issuedAtMs: Int64
    /// When it expires (UTC ms since the epoch), before the clock-skew tolerance.
    public var expiresAtMs: Int64

    /// The token.
    public var id: String { token }
    /// When it was made.
    public var issuedAt: Date { date(ms: issuedAtMs) }
    /// When it expires, before the clock-skew tolerance.
    public var expiresAt: Date { date(ms: expiresAtMs) }

    init(copying link: OpaquePointer) {
        token = copyString(sc_share_link_token(link))
        let canonical = copyString(sc_share_link_code(link))
        code = canonical.isEmpty ? nil : canonical
        let display = copyString(sc_share_link_display_code(link))
        displayCode = display.isEmpty ? nil : display
        url = copyString(sc_share_link_url(link))
        keyId = copyString(sc_share_link_key_id(link))
        sharerId = copyString(sc_share_link_sharer_id(link))
        target = SCShareTarget(rawValue: sc_share_link_target(link).rawValue)
        targetId = copyString(sc_share_link_target_id(link))
        channel = copyString(sc_share_link_channel(link))
        issuedAtMs = sc_share_link_issued_at_ms(link)
        expiresAtMs = sc_share_link_expires_at_ms(link)
    }
}

extension SCEngine.Blocking {
    /// Sets the referral program: the "referral" object of the program document, read as
    /// strictly as the document, e.g. `{"url_template":"https://shop.example/s/{token}",
    /// "link_lifetime_days":30,"clock_skew_seconds":300}` (url_template with "{token}" once,
    /// link_lifetime_days 1-365, clock_skew_seconds 0-3600). A program equal to the stored
    /// one changes nothing and logs no event.
    /// - Throws: `.validation` naming the field at fault (e.g. "url_template"),
    ///   `.invalidArgument` (field "json"), `.invalidUTF8`.
    public func putReferralProgram(json: String) throws {
        try requireCString(json, field: "json")
        try withHandle { handle in try check { sc_engine_referral_program_put(handle, json, $0) } }
    }

    /// Generates a signing key under `id` from OpenSSL's random source and makes it the key
    /// new links are signed with; the keys in force before still verify. A repeat for an id
    /// that already names a signing key returns that key unchanged, so a retry is safe.
    /// - Parameter id: 1-32 characters of A-Z a-z 0-9 _ - . (it travels in tokens).
    /// - Throws: `.invalidArgument` (field "key_id"), `.invalidState` (field "key_id": the id
    ///   names a key trusted for verification only, or a retired key).
    @discardableResult
    public func generateShareKey(id: String) throws -> SCShareKey {
        try requireCString(id, field: "key_id")
        return try withHandle { handle in try takeShareKey("sc_engine_share_key_generate") { out, err in
            sc_engine_share_key_generate(handle, id, out, err)
        } }
    }

    /// Installs the host's own Ed25519 private key (PKCS#8 PEM, as `openssl genpkey
    /// -algorithm ed25519` writes it) under `id` and makes it the signing key. The same key
    /// again is a safe retry; an id trusted for verification with this key's public half
    /// gains the private half.
    /// - Throws: `.invalidArgument` (field "key_id", or "private_pem": not an Ed25519 private
    ///   key), `.invalidState` (field "key_id": the id names another key, or a retired one).
    @discardableResult
    public func installShareKey(id: String, privatePEM: String) throws -> SCShareKey {
        try requireCString(id, field: "key_id")
        try requireCString(privatePEM, field: "private_pem")
        return try withHandle { handle in try takeShareKey("sc_engine_share_key_install") { out, err in
            sc_engine_share_key_install(handle, id, privatePEM, out, err)
        } }
    }

    /// Trusts another side's Ed25519 public key (SubjectPublicKeyInfo PEM, what
    /// `SCShareKey.publicPEM` gives) under `id`, to verify that side's links. The same key
    /// again is a safe retry.
    /// - Throws: `.invalidArgument` (field "key_id", or "public_pem": not an Ed25519 public
    ///   key), `.invalidState` (field "key_id": the id names another key).
    @discardableResult
    public func trustShareKey(id: String, publicPEM: String) throws -> SCShareKey {
        try requireCString(id, field: "key_id")
        try requireCString(publicPEM, field: "public_pem")
        return try withHandle { handle in try takeShareKey("sc_engine_share_key_trust") { out, err in
            sc_engine_share_key_trust(handle, id, publicPEM, out, err)
        } }
    }

    /// Retires a key: it verifies no more, so its links are refused with `.linkUnknownKey`; a
    /// retired signing key leaves the engine without one until another is generated or
    /// installed. Retiring a retired key returns it unchanged. A key id is never reused.
    /// - Throws: `.notFound` (field "key_id"), `.invalidArgument` (field "key_id").
    @discardableResult
    public func retireShareKey(id: String) throws -> SCShareKey {
        try requireCString(id, field: "key_id")
        return try withHandle { handle in try takeShareKey("sc_engine_share_key_retire") { out, err in
            sc_engine_share_key_retire(handle, id, out, err)
        } }
    }

    /// Lists every key, retired ones included, by key id.
    public func shareKeys() throws -> [SCShareKey] {
        let raw = try withHandle { handle in
            try checkOut("sc_engine_share_keys") { out, err in sc_engine_share_keys(handle, out, err) }
        }
        defer { sc_share_keys_free(raw) }
        return (0..<sc_share_keys_count(raw)).map { SCShareKey(copying: sc_share_keys_at(raw, $0)!) }
    }

    /// Makes a share link: the sharer's link to a target through a channel, signed with the
    /// signing key, valid for the program's link lifetime, kept under a short code. Event
    /// share_link.created.
    /// - Parameters:
    ///   - channel: 1-32 characters of a-z 0-9 _ - ("wechat", "copy_link", "qr").
    ///   - idempotencyKey: a retry by the same sharer with the same key returns the first
    ///     link; the same key for another target or channel throws `.idempotencyConflict`.
    /// - Throws: `.invalidState` (field "referral": no program is set; field "key_id": no
    ///   signing key), `.invalidArgument` (field "sharer_id", "target" for `.unknown`,
    ///   "target_id", "channel" or "idempotency_key"), `.invalidUTF8`,
    ///   `.idempotencyConflict`.
    public func createShareLink(
        sharer: String, target: SCShareTarget, targetId: String, channel: String, idempotencyKey: String
    ) throws -> SCShareLink {
        try requireCString(sharer, field: "sharer_id")
        try requireCString(targetId, field: "target_id")
        try requireCString(channel, field: "channel")
        try requireCString(idempotencyKey, field: "idempotency_key")
        return try withHandle { handle in try takeShareLink("sc_engine_share_link_create") { out, err in
            sc_engine_share_link_create(
                handle, sharer, sc_share_target_t(rawValue: target.rawValue), targetId, channel, idempotencyKey,
                out, err)
        } }
    }

    /// Verifies a token, or a short code as people type it (case, hyphens and spaces
    /// ignored, I and L read as 1, O as 0), as of now. A text shorter than the shortest token
    /// (136 characters) is read as a code. Reading changes nothing. A link resolved from its
    /// token has no `code`.
    /// - Throws: `.linkMalformed`, `.linkUnknownKey`, `.linkTampered`, `.expired`,
    ///   `.invalidState` (issued beyond the tolerance after now; or field "referral": no
    ///   program is set), each with field "token" or "code"; `.notFound` (field "code": no
    ///   link here has the code); `.invalidArgument` (field "token").
    public func resolveShareLink(_ tokenOrCode: String) throws -> SCShareLink {
        try requireCString(tokenOrCode, field: "token")
        return try withHandle { handle in try takeShareLink("sc_engine_share_link_resolve") { out, err in
            sc_engine_share_link_resolve(handle, tokenOrCode, out, err)
        } }
    }

    private func takeShareKey(
        _ function: StaticString,
        _ body: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<OpaquePointer?>) -> sc_status_t
    ) throws -> SCShareKey {
        let raw = try checkOut(function, body)
        defer { sc_share_key_free(raw) }
        return SCShareKey(copying: raw)
    }

    private func takeShareLink(
        _ function: StaticString,
        _ body: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<OpaquePointer?>) -> sc_status_t
    ) throws -> SCShareLink {
        let raw = try checkOut(function, body)
        defer { sc_share_link_free(raw) }
        return SCShareLink(copying: raw)
    }
}

// The `async` forms (see Async.swift): each runs its `engine.blocking` twin off the
// caller's executor.
extension SCEngine {
    /// Sets the referral program. The `async` form of
    /// `SCEngine.Blocking.putReferralProgram(json:)`.
    public func putReferralProgram(json: String) async throws {
        try await runBlocking { try self.blocking.putReferralProgram(json: json) }
    }

    /// Generates a signing key. The `async` form of `SCEngine.Blocking.generateShareKey(id:)`.
    @discardableResult
    public func generateShareKey(id: String) async throws -> SCShareKey {
        try await runBlocking { try self.blocking.generateShareKey(id: id) }
    }

    /// Installs the host's own private key as the signing key. The `async` form of
    /// `SCEngine.Blocking.installShareKey(id:privatePEM:)`.
    @discardableResult
    public func installShareKey(id: String, privatePEM: String) async throws -> SCShareKey {
        try await runBlocking { try self.blocking.installShareKey(id: id, privatePEM: privatePEM) }
    }

    /// Trusts another side's public key. The `async` form of
    /// `SCEngine.Blocking.trustShareKey(id:publicPEM:)`.
    @discardableResult
    public func trustShareKey(id: String, publicPEM: String) async throws -> SCShareKey {
        try await runBlocking { try self.blocking.trustShareKey(id: id, publicPEM: publicPEM) }
    }

    /// Retires a key. The `async` form of `SCEngine.Blocking.retireShareKey(id:)`.
    @discardableResult
    public func retireShareKey(id: String) async throws -> SCShareKey {
        try await runBlocking { try self.blocking.retireShareKey(id: id) }
    }

    /// Lists every key. The `async` form of `SCEngine.Blocking.shareKeys()`.
    public func shareKeys() async throws -> [SCShareKey] {
        try await runBlocking { try self.blocking.shareKeys() }
    }

    /// Makes a share link. The `async` form of
    /// `SCEngine.Blocking.createShareLink(sharer:target:targetId:channel:idempotencyKey:)`.
    public func createShareLink(
        sharer: String, target: SCShareTarget, targetId: String, channel: String, idempotencyKey: String
    ) async throws -> SCShareLink {
        try await runBlocking {
            try self.blocking.createShareLink(
                sharer: sharer, target: target, targetId: targetId, channel: channel, idempotencyKey: idempotencyKey)
        }
    }

    /// Verifies a token or a short code. The `async` form of
    /// `SCEngine.Blocking.resolveShareLink(_:)`.
    public func resolveShareLink(_ tokenOrCode: String) async throws -> SCShareLink {
        try await runBlocking { try self.blocking.resolveShareLink(tokenOrCode) }
    }
}

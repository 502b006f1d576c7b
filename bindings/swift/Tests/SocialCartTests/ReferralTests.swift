import XCTest
@testable import SocialCart

/// Share links through the binding (socialcart/referral.h, docs/referral.md): the referral
/// program, keys generated, installed, trusted and retired (sc_engine_share_key_*,
/// sc_share_key_*, sc_share_keys_*), links made and resolved by token or short code
/// (sc_engine_share_link_*, sc_share_link_*), and one error per way a link is refused. The
/// figures follow from the program below and docs/referral.md:
///
/// - a link expires link_lifetime_days (7) x 86 400 000 ms after it is made;
/// - it is refused as expired only once now > expires at + clock_skew_seconds (60 s);
/// - the short code is 10 symbols, printed as 4 + "-" + 6;
/// - the token is base64url of the claims and a 64-byte signature, so its last 86 characters
///   are the signature's.
final class ReferralTests: SocialCartTestCase {
    private let day: Int64 = 86_400_000
    private static let program =
        #"{"url_template":"https://shop.example/s/{token}","link_lifetime_days":7,"clock_skew_seconds":60}"#

    /// The RFC 8032 section 7.1 TEST 1 key: its secret seed 9d61b1...7f60 as PKCS#8 PEM (the
    /// DER prefix 302e020100300506032b657004220420 and the seed), and its public key
    /// d75a98...511a as SubjectPublicKeyInfo PEM (302a300506032b6570032100 and the key), as
    /// `openssl pkey -pubout` prints it.
    private static let rfcPrivatePEM = """
        -----BEGIN PRIVATE KEY-----
        MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g
        -----END PRIVATE KEY-----

        """
    private static let rfcPublicPEM = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=
        -----END PUBLIC KEY-----

        """

    private func referralEngine(path: String? = nil) throws -> SCEngine {
        let engine = try makeEngine(path: path, program: nil)
        try engine.blocking.putReferralProgram(json: Self.program)
        return engine
    }

    /// The token with the character at `offset` (from the start; negative from the end)
    /// replaced by another base64url character.
    private func altered(_ token: String, at offset: Int) -> String {
        var chars = Array(token)
        let i = offset >= 0 ? offset : chars.count + offset
        chars[i] = chars[i] == "A" ? "B" : "A"
        return String(chars)
    }

    /// Asserts a link refusal: one of the three link codes.
    private func assertLinkRefused(
        _ body: @autoclosure () throws -> SCShareLink, file: StaticString = #filePath, line: UInt = #line
    ) {
        do {
            _ = try body()
            XCTFail("expected a link error, got success", file: file, line: line)
        } catch let error as SCError {
            XCTAssertTrue(
                [.linkMalformed, .linkUnknownKey, .linkTampered].contains(error.code), "\(error)", file: file,
                line: line)
            XCTAssertEqual(error.field, "token", "\(error)", file: file, line: line)
        } catch {
            XCTFail("expected SCError, got \(error)", file: file, line: line)
        }
    }

    // sc_share_target_name and the stable values that travel in tokens.
    func testShareTargetNames() {
        XCTAssertEqual(SCShareTarget.sku.name, "sku")
        XCTAssertEqual(SCShareTarget.group.name, "group")
        XCTAssertEqual(SCShareTarget.campaign.name, "campaign")
        XCTAssertEqual(SCShareTarget.store.name, "store")
        XCTAssertEqual(SCShareTarget.bargain.name, "bargain")
        XCTAssertEqual(SCShareTarget.unknown(9).name, "unknown")
        XCTAssertEqual("\(SCShareTarget.campaign)", "campaign")
        XCTAssertEqual([SCShareTarget.sku, .group, .campaign, .store, .bargain].map(\.rawValue), [1, 2, 3, 4, 5])
        XCTAssertEqual(
            (0...6).map { SCShareTarget(rawValue: $0) }, [.unknown(0), .sku, .group, .campaign, .store, .bargain, .unknown(6)])
    }

    // sc_engine_referral_program_put; the two things a link needs before it can be made.
    func testProgramAndSigningKeyComeFirst() throws {
        let engine = try makeEngine(program: nil)
        // No program yet.
        assertThrows(.invalidState, field: "referral",
                     try engine.blocking.createShareLink(sharer: "alice", target: .sku, targetId: "tea-128", channel: "wechat", idempotencyKey: "s1"))
        assertThrows(.invalidState, field: "referral", try engine.blocking.resolveShareLink("K7QD-M2XR4P"))
        // Programs refused, each naming its field.
        assertThrows(.validation, field: "url_template",
                     try engine.blocking.putReferralProgram(json: #"{"url_template":"https://shop.example/s/"}"#))
        assertThrows(.validation, field: "url_template",
                     try engine.blocking.putReferralProgram(json: #"{"url_template":"https://x/{token}/{token}"}"#))
        assertThrows(.validation, field: "link_lifetime_days",
                     try engine.blocking.putReferralProgram(json: #"{"url_template":"https://x/{token}","link_lifetime_days":366}"#))
        assertThrows(.validation, field: "clock_skew_seconds",
                     try engine.blocking.putReferralProgram(json: #"{"url_template":"https://x/{token}","clock_skew_seconds":3601}"#))
        assertThrows(.invalidArgument, field: "json", try engine.blocking.putReferralProgram(json: "{\u{0}}"))

        try engine.blocking.putReferralProgram(json: Self.program)
        XCTAssertEqual(try engine.blocking.readEvents(type: "referral_program.put").count, 1)
        // The same program again changes nothing and logs no event.
        try engine.blocking.putReferralProgram(json: Self.program)
        XCTAssertEqual(try engine.blocking.readEvents(type: "referral_program.put").count, 1)

        // A program, but no signing key.
        assertThrows(.invalidState, field: "key_id",
                     try engine.blocking.createShareLink(sharer: "alice", target: .sku, targetId: "tea-128", channel: "wechat", idempotencyKey: "s1"))
        XCTAssertEqual(try engine.blocking.shareKeys(), [])
    }

    // sc_engine_share_key_generate and every sc_share_key_* accessor; a retried generate.
    func testGenerateShareKey() async throws {
        let engine = try referralEngine()
        let now = clock.now
        let k1 = try await engine.generateShareKey(id: "k1")
        XCTAssertEqual(k1.id, "k1")
        XCTAssertTrue(k1.canSign)
        XCTAssertTrue(k1.isSigning)
        XCTAssertTrue(k1.publicPEM.hasPrefix("-----BEGIN PUBLIC KEY-----"), k1.publicPEM)
        XCTAssertTrue(k1.publicPEM.hasSuffix("-----END PUBLIC KEY-----\n"), k1.publicPEM)
        XCTAssertFalse(k1.publicPEM.contains("PRIVATE"))
        XCTAssertEqual(k1.addedAtMs, now)
        XCTAssertEqual(k1.addedAt, Date(timeIntervalSince1970: Double(now) / 1000))
        XCTAssertNil(k1.retiredAtMs)
        XCTAssertNil(k1.retiredAt)
        // A retry returns the key it made: no second key, the same public half.
        clock.advance(ms: 1_000)
        let retried = try await engine.generateShareKey(id: "k1")
        XCTAssertEqual(retried, k1)
        let keys = try await engine.shareKeys()
        XCTAssertEqual(keys, [k1])
        XCTAssertEqual(try engine.blocking.readEvents(type: "share_key.added").count, 1)
    }

    // sc_engine_share_link_create and _resolve, every sc_share_link_* accessor, idempotency,
    // short codes as people type them and the expiry with its clock-skew tolerance.
    func testCreateAndResolve() async throws {
        let engine = try referralEngine()
        try engine.blocking.generateShareKey(id: "k1")
        clock.advance(ms: 5_000)
        let issued = clock.now

        let link = try await engine.createShareLink(
            sharer: "alice", target: .sku, targetId: "tea-128", channel: "wechat", idempotencyKey: "s1")
        XCTAssertEqual(link.url, "https://shop.example/s/" + link.token)
        XCTAssertEqual(link.id, link.token)
        XCTAssertGreaterThan(link.token.count, 100)
        XCTAssertTrue(link.token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }, link.token)
        let code = try XCTUnwrap(link.code)
        let display = try XCTUnwrap(link.displayCode)
        XCTAssertEqual(code.count, 10)
        XCTAssertEqual(display.count, 11)
        XCTAssertEqual(Array(display)[4], "-")
        XCTAssertEqual(display.replacingOccurrences(of: "-", with: ""), code)
        XCTAssertEqual(link.keyId, "k1")
        XCTAssertEqual(link.sharerId, "alice")
        XCTAssertEqual(link.target, .sku)
        XCTAssertEqual(link.targetId, "tea-128")
        XCTAssertEqual(link.channel, "wechat")
        XCTAssertEqual(link.issuedAtMs, issued)
        XCTAssertEqual(link.expiresAtMs, link.issuedAtMs + 7 * 86_400_000)
        XCTAssertEqual(link.expiresAt.timeIntervalSince(link.issuedAt), 7 * 86_400)

        // The retry after a lost response: the same link, nothing more made.
        clock.advance(ms: 1_000)
        let retried = try engine.blocking.createShareLink(
            sharer: "alice", target: .sku, targetId: "tea-128", channel: "wechat", idempotencyKey: "s1")
        XCTAssertEqual(retried.token, link.token)
        XCTAssertEqual(retried, link)
        XCTAssertEqual(try engine.blocking.readEvents(type: "share_link.created").count, 1)
        // The key belongs to that link: another channel (or target) is a conflict.
        assertThrows(.idempotencyConflict,
                     try engine.blocking.createShareLink(sharer: "alice", target: .sku, targetId: "tea-128", channel: "weibo", idempotencyKey: "s1"))
        await assertThrowsAsync(.idempotencyConflict) {
            try await engine.createShareLink(sharer: "alice", target: .campaign, targetId: "tea-128", channel: "wechat", idempotencyKey: "s1")
        }
        // A new key makes a new link with its own token and code.
        let other = try engine.blocking.createShareLink(
            sharer: "alice", target: .campaign, targetId: "mid-autumn", channel: "copy_link", idempotencyKey: "s2")
        XCTAssertNotEqual(other.token, link.token)
        XCTAssertNotEqual(other.code, link.code)
        XCTAssertEqual(other.target, .campaign)

        // By token: the same claims, no code (a token given as a token).
        let byToken = try await engine.resolveShareLink(link.token)
        XCTAssertEqual(byToken.token, link.token)
        XCTAssertNil(byToken.code)
        XCTAssertNil(byToken.displayCode)
        XCTAssertEqual(byToken.url, link.url)
        XCTAssertEqual(byToken.keyId, "k1")
        XCTAssertEqual(byToken.sharerId, "alice")
        XCTAssertEqual(byToken.target, .sku)
        XCTAssertEqual(byToken.targetId, "tea-128")
        XCTAssertEqual(byToken.channel, "wechat")
        XCTAssertEqual(byToken.issuedAtMs, link.issuedAtMs)
        XCTAssertEqual(byToken.expiresAtMs, link.expiresAtMs)
        // By code as people type it: lower case with the hyphen, spaces, or canonical. The
        // code is known here, so the link carries it.
        XCTAssertEqual(try engine.blocking.resolveShareLink(display.lowercased()), link)
        let spaced = String(code.prefix(5)) + " " + String(code.suffix(5))
        XCTAssertEqual(try engine.blocking.resolveShareLink(spaced).token, link.token)
        XCTAssertEqual(try engine.blocking.resolveShareLink(code), link)
        XCTAssertEqual(try engine.blocking.resolveShareLink(other.displayCode!).target, .campaign)
        // A code no link has. (Resolving does not take the nearest code: 0000000000 is not
        // likely to be one, 1 in 2^50.)
        assertThrows(.notFound, field: "code", try engine.blocking.resolveShareLink("0000-000000"))
        assertThrows(.invalidArgument, field: "token", try engine.blocking.resolveShareLink(""))
        // Reading changed nothing: still two links made.
        XCTAssertEqual(try engine.blocking.readEvents(type: "share_link.created").count, 2)

        // Expiry: valid up to expires at + 60 s (the tolerance) inclusive, refused 1 ms later,
        // by token and by code alike.
        clock.advance(ms: link.expiresAtMs + 60_000 - clock.now)
        XCTAssertEqual(try engine.blocking.resolveShareLink(link.token).token, link.token)
        clock.advance(ms: 1)
        assertThrows(.expired, field: "token", try engine.blocking.resolveShareLink(link.token))
        assertThrows(.expired, field: "code", try engine.blocking.resolveShareLink(code))
        await assertThrowsAsync(.expired, field: "token") { try await engine.resolveShareLink(link.token) }
    }

    // Bad input to create: each argument named by its field.
    func testCreateRefusesBadArguments() throws {
        let engine = try referralEngine()
        try engine.blocking.generateShareKey(id: "k1")
        assertThrows(.invalidArgument, field: "sharer_id",
                     try engine.blocking.createShareLink(sharer: "", target: .sku, targetId: "tea-128", channel: "wechat", idempotencyKey: "s1"))
        assertThrows(.invalidArgument, field: "target",
                     try engine.blocking.createShareLink(sharer: "alice", target: .unknown(9), targetId: "tea-128", channel: "wechat", idempotencyKey: "s1"))
        assertThrows(.invalidArgument, field: "target_id",
                     try engine.blocking.createShareLink(sharer: "alice", target: .sku, targetId: "", channel: "wechat", idempotencyKey: "s1"))
        // Channels are 1-32 of a-z 0-9 _ -.
        assertThrows(.invalidArgument, field: "channel",
                     try engine.blocking.createShareLink(sharer: "alice", target: .sku, targetId: "tea-128", channel: "WeChat", idempotencyKey: "s1"))
        assertThrows(.invalidArgument, field: "channel",
                     try engine.blocking.createShareLink(sharer: "alice", target: .sku, targetId: "tea-128", channel: String(repeating: "a", count: 33), idempotencyKey: "s1"))
        assertThrows(.invalidArgument, field: "idempotency_key",
                     try engine.blocking.createShareLink(sharer: "alice", target: .sku, targetId: "tea-128", channel: "wechat", idempotencyKey: ""))
        // A NUL never reaches C.
        assertThrows(.invalidArgument, field: "sharer_id",
                     try engine.blocking.createShareLink(sharer: "al\u{0}ice", target: .sku, targetId: "tea-128", channel: "wechat", idempotencyKey: "s1"))
        XCTAssertEqual(try engine.blocking.readEvents(type: "share_link.created").count, 0)
    }

    // One refusal per way a token is bad.
    func testTamperedAndMalformedTokens() throws {
        let engine = try referralEngine()
        try engine.blocking.generateShareKey(id: "k1")
        let link = try engine.blocking.createShareLink(
            sharer: "alice", target: .group, targetId: "g-42", channel: "qr", idempotencyKey: "s1")
        let token = link.token

        // A character in the signature (the last 86 characters) replaced: tampered.
        assertThrows(.linkTampered, field: "token", try engine.blocking.resolveShareLink(altered(token, at: -10)))
        // One in the middle: whatever it hits, a link error.
        assertLinkRefused(try engine.blocking.resolveShareLink(altered(token, at: token.count / 2)))
        // Not base64url, cut short, or with bytes after the signature. A text shorter than the
        // shortest token (136 characters) is read as a short code, so the token here (148
        // characters) is cut by 8, and 40 "!" are refused as a code.
        assertThrows(.linkMalformed, field: "token", try engine.blocking.resolveShareLink(String(repeating: "!", count: 140)))
        assertThrows(.linkMalformed, field: "code", try engine.blocking.resolveShareLink(String(repeating: "!", count: 40)))
        XCTAssertEqual(token.count, 148)
        assertThrows(.linkMalformed, field: "token", try engine.blocking.resolveShareLink(String(token.prefix(token.count - 8))))
        assertThrows(.linkMalformed, field: "token", try engine.blocking.resolveShareLink(token + "AAAA"))
        assertThrows(.linkMalformed, field: "token", try engine.blocking.resolveShareLink(String(repeating: "A", count: 1025)))
        // The token itself still opens.
        XCTAssertEqual(try engine.blocking.resolveShareLink(token).targetId, "g-42")
    }

    // sc_engine_share_key_retire and sc_engine_share_keys: rotating the signing key.
    func testRotation() async throws {
        let engine = try referralEngine()
        let added = clock.now
        try await engine.generateShareKey(id: "k1")
        let old = try await engine.createShareLink(
            sharer: "alice", target: .sku, targetId: "tea-128", channel: "wechat", idempotencyKey: "s1")

        // k2 signs from now on; k1 still verifies the links already shared.
        clock.advance(ms: day)
        let k2 = try await engine.generateShareKey(id: "k2")
        XCTAssertTrue(k2.isSigning)
        let new = try await engine.createShareLink(
            sharer: "bob", target: .store, targetId: "m1", channel: "weibo", idempotencyKey: "s1")
        XCTAssertEqual(new.keyId, "k2")
        XCTAssertEqual(try engine.blocking.resolveShareLink(old.token).keyId, "k1")
        // k1 is no longer the signing key, and a retried generate does not make it one.
        XCTAssertFalse(try engine.blocking.generateShareKey(id: "k1").isSigning)

        // Retire k1: its links are unknown-key, by token and by code.
        clock.advance(ms: day)
        let retiredAt = clock.now
        let retired = try await engine.retireShareKey(id: "k1")
        XCTAssertEqual(retired.id, "k1")
        XCTAssertEqual(retired.retiredAtMs, retiredAt)
        XCTAssertEqual(retired.retiredAt, Date(timeIntervalSince1970: Double(retiredAt) / 1000))
        XCTAssertFalse(retired.isSigning)
        assertThrows(.linkUnknownKey, field: "token", try engine.blocking.resolveShareLink(old.token))
        assertThrows(.linkUnknownKey, field: "code", try engine.blocking.resolveShareLink(old.code!))
        XCTAssertEqual(try engine.blocking.resolveShareLink(new.token).sharerId, "bob")

        let keys = try await engine.shareKeys()
        XCTAssertEqual(keys.map(\.id), ["k1", "k2"])
        XCTAssertEqual(keys.map(\.retiredAtMs), [retiredAt, nil])
        XCTAssertEqual(keys.map(\.isSigning), [false, true])
        XCTAssertEqual(keys.map(\.canSign), [true, true])
        XCTAssertEqual(keys.map(\.addedAtMs), [added, added + day])
        XCTAssertEqual(keys[1].publicPEM, k2.publicPEM)
        XCTAssertNotEqual(keys[0].publicPEM, keys[1].publicPEM)

        // Retiring again returns it unchanged; a retired id is never reused.
        clock.advance(ms: 1_000)
        XCTAssertEqual(try engine.blocking.retireShareKey(id: "k1"), retired)
        XCTAssertEqual(try engine.blocking.readEvents(type: "share_key.retired").count, 1)
        assertThrows(.invalidState, field: "key_id", try engine.blocking.generateShareKey(id: "k1"))

        // Retiring the signing key leaves the engine without one.
        try engine.blocking.retireShareKey(id: "k2")
        assertThrows(.invalidState, field: "key_id",
                     try engine.blocking.createShareLink(sharer: "bob", target: .sku, targetId: "tea-128", channel: "wechat", idempotencyKey: "s9"))
        XCTAssertEqual(try engine.blocking.shareKeys().map(\.isSigning), [false, false])
    }

    // sc_engine_share_key_trust: a partner verifies offline with the public key alone.
    func testAnotherEngineVerifiesWithThePublicKey() async throws {
        let app = try referralEngine()
        try app.blocking.generateShareKey(id: "k1")
        let k2 = try app.blocking.generateShareKey(id: "k2")
        let link = try app.blocking.createShareLink(
            sharer: "alice", target: .campaign, targetId: "mid-autumn", channel: "wechat", idempotencyKey: "s1")
        XCTAssertEqual(link.keyId, "k2")

        let partner = try referralEngine()
        let trusted = try await partner.trustShareKey(id: "k2", publicPEM: k2.publicPEM)
        XCTAssertEqual(trusted.id, "k2")
        XCTAssertEqual(trusted.publicPEM, k2.publicPEM)
        XCTAssertFalse(trusted.canSign)
        XCTAssertFalse(trusted.isSigning)
        XCTAssertNil(trusted.retiredAtMs)
        // The same key again is a safe retry; another key under the id is refused.
        XCTAssertEqual(try partner.blocking.trustShareKey(id: "k2", publicPEM: k2.publicPEM), trusted)
        let k1 = try app.blocking.shareKeys()[0]
        assertThrows(.invalidState, field: "key_id", try partner.blocking.trustShareKey(id: "k2", publicPEM: k1.publicPEM))

        // The partner verifies k2's link: the same claims, its own URL, no code (its own
        // database has no such link).
        let seen = try await partner.resolveShareLink(link.token)
        XCTAssertEqual(seen.token, link.token)
        XCTAssertEqual(seen.url, link.url)
        XCTAssertNil(seen.code)
        XCTAssertEqual(seen.keyId, "k2")
        XCTAssertEqual(seen.sharerId, "alice")
        XCTAssertEqual(seen.target, .campaign)
        XCTAssertEqual(seen.targetId, "mid-autumn")
        XCTAssertEqual(seen.channel, "wechat")
        XCTAssertEqual(seen.issuedAtMs, link.issuedAtMs)
        XCTAssertEqual(seen.expiresAtMs, link.expiresAtMs)
        // The code is the app's: the partner does not know it.
        assertThrows(.notFound, field: "code", try partner.blocking.resolveShareLink(link.code!))
        // It cannot make links, nor sign with a trusted key.
        assertThrows(.invalidState, field: "key_id",
                     try partner.blocking.createShareLink(sharer: "carol", target: .sku, targetId: "tea-128", channel: "qr", idempotencyKey: "p1"))
        assertThrows(.invalidState, field: "key_id", try partner.blocking.generateShareKey(id: "k2"))
        // A link under a key the partner was never given is unknown to it.
        try app.blocking.retireShareKey(id: "k2")
        try app.blocking.installShareKey(id: "k3", privatePEM: Self.rfcPrivatePEM)
        let k3Link = try app.blocking.createShareLink(
            sharer: "alice", target: .sku, targetId: "tea-128", channel: "qr", idempotencyKey: "s2")
        assertThrows(.linkUnknownKey, field: "token", try partner.blocking.resolveShareLink(k3Link.token))
        // The app retired k2, the partner did not: it still opens there.
        XCTAssertEqual(try partner.blocking.resolveShareLink(link.token).token, link.token)
    }

    // A verifier whose clock runs behind the signer's: issued more than the tolerance (60 s)
    // after its now is refused with .invalidState; exactly 60 s is accepted.
    func testIssuedAheadOfTheVerifiersClock() throws {
        let app = try referralEngine()
        let k1 = try app.blocking.generateShareKey(id: "k1")
        let link = try app.blocking.createShareLink(
            sharer: "alice", target: .sku, targetId: "tea-128", channel: "wechat", idempotencyKey: "s1")
        let behind = TestClock(link.issuedAtMs - 60_001)
        let partner = try SCEngine.Blocking.open(
            path: databasePath(),
            options: SCEngineOptions(durability: .normal, busyTimeoutMs: 0, clock: { behind.now }))
        try partner.blocking.putReferralProgram(json: Self.program)
        try partner.blocking.trustShareKey(id: "k1", publicPEM: k1.publicPEM)
        assertThrows(.invalidState, field: "token", try partner.blocking.resolveShareLink(link.token))
        behind.advance(ms: 1)
        XCTAssertEqual(try partner.blocking.resolveShareLink(link.token).issuedAtMs, link.issuedAtMs)
    }

    // sc_engine_share_key_install with the RFC 8032 key, and the key errors.
    func testInstallAndKeyErrors() throws {
        let engine = try referralEngine()
        let installed = try engine.blocking.installShareKey(id: "host-2026.1", privatePEM: Self.rfcPrivatePEM)
        XCTAssertEqual(installed.id, "host-2026.1")
        XCTAssertEqual(installed.publicPEM, Self.rfcPublicPEM)  // the RFC's public key
        XCTAssertTrue(installed.canSign)
        XCTAssertTrue(installed.isSigning)
        XCTAssertNil(installed.retiredAtMs)
        // The same key again: a safe retry.
        XCTAssertEqual(try engine.blocking.installShareKey(id: "host-2026.1", privatePEM: Self.rfcPrivatePEM), installed)
        XCTAssertEqual(
            try engine.blocking.createShareLink(sharer: "alice", target: .sku, targetId: "tea-128", channel: "qr", idempotencyKey: "s1").keyId,
            "host-2026.1")

        // Not an Ed25519 key.
        assertThrows(.invalidArgument, field: "private_pem",
                     try engine.blocking.installShareKey(id: "k9", privatePEM: "not a key"))
        assertThrows(.invalidArgument, field: "private_pem",
                     try engine.blocking.installShareKey(id: "k9", privatePEM: Self.rfcPublicPEM))
        assertThrows(.invalidArgument, field: "public_pem",
                     try engine.blocking.trustShareKey(id: "k9", publicPEM: "-----BEGIN PUBLIC KEY-----\ngarbage\n-----END PUBLIC KEY-----\n"))
        // Key ids: 1-32 of A-Z a-z 0-9 _ - .
        assertThrows(.invalidArgument, field: "key_id", try engine.blocking.generateShareKey(id: ""))
        assertThrows(.invalidArgument, field: "key_id", try engine.blocking.generateShareKey(id: "k 1"))
        assertThrows(.invalidArgument, field: "key_id", try engine.blocking.generateShareKey(id: String(repeating: "k", count: 33)))
        assertThrows(.invalidArgument, field: "key_id", try engine.blocking.generateShareKey(id: "k\u{0}1"))
        // Another key under a used id.
        let generated = try engine.blocking.generateShareKey(id: "k1")
        XCTAssertNotEqual(generated.publicPEM, Self.rfcPublicPEM)
        assertThrows(.invalidState, field: "key_id",
                     try engine.blocking.installShareKey(id: "k1", privatePEM: Self.rfcPrivatePEM))
        assertThrows(.invalidState, field: "key_id",
                     try engine.blocking.trustShareKey(id: "host-2026.1", publicPEM: generated.publicPEM))
        // Retiring a key no one added.
        assertThrows(.notFound, field: "key_id", try engine.blocking.retireShareKey(id: "nope"))
        assertThrows(.invalidArgument, field: "key_id", try engine.blocking.retireShareKey(id: ""))
        XCTAssertEqual(try engine.blocking.shareKeys().map(\.id), ["host-2026.1", "k1"])
    }

    // A key trusted for verification gains its private half by install.
    func testInstallGivesATrustedKeyItsPrivateHalf() async throws {
        let engine = try referralEngine()
        let trusted = try await engine.trustShareKey(id: "host", publicPEM: Self.rfcPublicPEM)
        XCTAssertFalse(trusted.canSign)
        // Trusted only: generate under its id is refused.
        await assertThrowsAsync(.invalidState, field: "key_id") { try await engine.generateShareKey(id: "host") }
        clock.advance(ms: 1_000)
        let installed = try await engine.installShareKey(id: "host", privatePEM: Self.rfcPrivatePEM)
        XCTAssertTrue(installed.canSign)
        XCTAssertTrue(installed.isSigning)
        XCTAssertEqual(installed.addedAtMs, trusted.addedAtMs)  // the same key, not a new one
        XCTAssertEqual(installed.publicPEM, Self.rfcPublicPEM)
        let keys = try await engine.shareKeys()
        XCTAssertEqual(keys, [installed])
    }
}

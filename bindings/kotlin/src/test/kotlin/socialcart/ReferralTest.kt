package socialcart

import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test

/** Links lead to the shop's page, live 7 days, and tolerate 60 s of clock difference. */
private const val REFERRAL =
    """{"url_template":"https://shop.example/s/{token}","link_lifetime_days":7,"clock_skew_seconds":60}"""

/** A partner site's program: its own URL, the same lifetime and tolerance. */
private const val PARTNER_REFERRAL =
    """{"url_template":"https://partner.example/open?t={token}","link_lifetime_days":7,"clock_skew_seconds":60}"""

/** The seven days of a link's life and the 60 s tolerance, in ms. */
private const val LIFETIME_MS = 7 * 86_400_000L
private const val SKEW_MS = 60_000L

/** Crockford's base32, the short code's alphabet (docs/referral.md). */
private const val CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/**
 * The private key of RFC 8032's test 1 (seed 9d61b19d…7f60) as PKCS#8 PEM, and its public key
 * (d75a9801…511a) as SubjectPublicKeyInfo PEM: the DER prefixes 302e020100300506032b657004220420
 * and 302a300506032b6570032100 before the 32 bytes, in base64 (what `openssl pkey -pubout`
 * prints for the first).
 */
private const val RFC8032_PRIVATE_PEM =
    "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n-----END PRIVATE KEY-----\n"
private const val RFC8032_PUBLIC_PEM =
    "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n"

/**
 * Share links through the binding (docs/referral.md; include/socialcart/referral.h): the
 * program, keys generated, installed, trusted and retired, links made idempotently and
 * verified by token and by short code, with one error code per way a link is refused.
 */
class ReferralTest : EngineTestBase() {
    private fun referralShop(name: String = "cart.db", program: String = REFERRAL): Engine {
        val e = open(name)
        e.putReferralProgram(program)
        return e
    }

    private fun count(e: Engine, type: String): Int = e.readEvents(type, 0, 10_000).size

    /** The token with its 10th character from the end replaced by another base64url character. */
    private fun tampered(token: String): String {
        val i = token.length - 10
        val replacement = if (token[i] == 'A') 'B' else 'A'
        return token.substring(0, i) + replacement + token.substring(i + 1)
    }

    @Test
    fun makeAndResolveALink() {
        val e = referralShop()
        // A program but no key: nothing signs.
        expectError(ErrorCode.INVALID_STATE, "key_id") {
            e.createShareLink("alice", ShareTarget.SKU, "tea-128", "wechat", "s1")
        }
        assertEquals(0, count(e, "share_link.created"))

        val k1 = e.generateShareKey("k1")
        assertEquals("k1", k1.id)
        assertTrue(k1.canSign)
        assertTrue(k1.isSigning)
        assertTrue(k1.publicPem, k1.publicPem.startsWith("-----BEGIN PUBLIC KEY-----"))
        assertEquals(T0, k1.addedAtMs)
        assertNull(k1.retiredAtMs)
        // A retried generate returns the key it made, a minute later too.
        clock.advance(60_000)
        assertEquals(k1, e.generateShareKey("k1"))
        assertEquals(1, count(e, "share_key.added"))

        val issued = clock.now
        val link = e.createShareLink("alice", ShareTarget.SKU, "tea-128", "wechat", "s1")
        assertEquals("https://shop.example/s/" + link.token, link.url)
        // About 160 characters of unpadded base64url.
        assertTrue(link.token, link.token.length in 120..200)
        assertTrue(link.token, link.token.all { it in 'A'..'Z' || it in 'a'..'z' || it in '0'..'9' || it == '-' || it == '_' })
        val code = link.code!!
        val display = link.displayCode!!
        assertEquals(10, code.length)
        assertTrue(code, code.all { it in CROCKFORD })
        assertEquals('-', display[4])
        assertEquals(11, display.length)
        assertEquals(code, display.replace("-", ""))
        assertEquals(listOf<Any>("k1", "alice", ShareTarget.SKU, "tea-128", "wechat"),
            listOf(link.keyId, link.sharerId, link.target, link.targetId, link.channel))
        assertEquals(issued, link.issuedAtMs)
        assertEquals(link.issuedAtMs + 7 * 86_400_000L, link.expiresAtMs)

        // A retry with the same key returns the first link; the key for another channel conflicts.
        clock.advance(1_000)
        assertEquals(link, e.createShareLink("alice", ShareTarget.SKU, "tea-128", "wechat", "s1"))
        expectError(ErrorCode.IDEMPOTENCY_CONFLICT, "idempotency_key") {
            e.createShareLink("alice", ShareTarget.SKU, "tea-128", "weibo", "s1")
        }
        expectError(ErrorCode.IDEMPOTENCY_CONFLICT, "idempotency_key") {
            e.createShareLink("alice", ShareTarget.GROUP, "tea-128", "wechat", "s1")
        }
        assertEquals(1, count(e, "share_link.created"))
        val created = e.readEvents("share_link.created", 0, 10).single()
        assertEquals(code, created.subjectId)
        assertTrue(created.payload, created.payload.contains("\"target_kind\":\"sku\""))
        assertTrue(created.payload, created.payload.contains("\"expires_at\":${link.expiresAtMs}"))
        // Another sharer's key s1 is its own: a second link, another token and code.
        val bob = e.createShareLink("bob", ShareTarget.STORE, "m-tea", "copy_link", "s1")
        assertNotEquals(link.token, bob.token)
        assertNotEquals(code, bob.code)
        assertEquals(ShareTarget.STORE, bob.target)

        // The token verifies with the same claims; given as a token, the code is not known.
        assertEquals(link.copy(code = null, displayCode = null), e.resolveShareLink(link.token))
        // The code as people type it: lower case, a space for the hyphen, l for 1, o for 0.
        assertEquals(link, e.resolveShareLink(display.toLowerCase()))
        assertEquals(link, e.resolveShareLink(code))
        val typed = display.toLowerCase().replace('-', ' ').replace('1', 'l').replace('0', 'o')
        assertEquals(link, e.resolveShareLink(typed))
        assertEquals(link.token, e.resolveShareLink(typed).token)
        // Resolving changes nothing.
        assertEquals(2, count(e, "share_link.created"))

        // Refusals, one code each, with the field naming what was given.
        expectError(ErrorCode.LINK_TAMPERED, "token") { e.resolveShareLink(tampered(link.token)) }
        expectError(ErrorCode.LINK_MALFORMED, "token") { e.resolveShareLink(link.token + "AAAA") }
        expectError(ErrorCode.LINK_MALFORMED, "token") { e.resolveShareLink("x".repeat(140)) }
        expectError(ErrorCode.LINK_MALFORMED, "code") { e.resolveShareLink("K7QD-M2XR4") }       // 9 symbols
        expectError(ErrorCode.LINK_MALFORMED, "code") { e.resolveShareLink("K7QD-M2XR4U") }      // U is not a symbol
        val unknownCode = if (code == "0000000000") "1111111111" else "0000000000"
        expectError(ErrorCode.NOT_FOUND, "code") { e.resolveShareLink(unknownCode) }
        expectError(ErrorCode.INVALID_ARGUMENT, "token") { e.resolveShareLink("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "token") { e.resolveShareLink("abc\u0000def") }

        // Valid through expiry + 60 s; one millisecond later the link has expired, by token
        // and by code alike.
        clock.now = link.expiresAtMs + SKEW_MS
        assertEquals(link, e.resolveShareLink(code))
        clock.now = link.expiresAtMs + SKEW_MS + 1
        expectError(ErrorCode.EXPIRED, "token") { e.resolveShareLink(link.token) }
        expectError(ErrorCode.EXPIRED, "code") { e.resolveShareLink(display) }
        // The signature is checked before the times: an expired, altered token reads as tampered.
        expectError(ErrorCode.LINK_TAMPERED, "token") { e.resolveShareLink(tampered(link.token)) }
    }

    @Test
    fun rotateAndRetireKeys() {
        val e = referralShop()
        e.generateShareKey("k1")
        val old = e.createShareLink("alice", ShareTarget.CAMPAIGN, "moonfest", "qr", "r1")
        assertEquals("k1", old.keyId)

        // k2 signs from now on; k1 still verifies the links already shared.
        clock.advance(DAY_MS)
        val k2 = e.generateShareKey("k2")
        assertTrue(k2.isSigning)
        assertEquals(T0 + DAY_MS, k2.addedAtMs)
        assertEquals(old, e.resolveShareLink(old.code!!))
        val fresh = e.createShareLink("alice", ShareTarget.CAMPAIGN, "moonfest", "qr", "r2")
        assertEquals("k2", fresh.keyId)
        // A retried generate of k1 returns k1 as it is: it does not sign again.
        val k1Again = e.generateShareKey("k1")
        assertTrue(k1Again.canSign)
        assertFalse(k1Again.isSigning)

        // Retired, k1 verifies no more: its link is an unknown key's, by token and by code.
        clock.advance(DAY_MS)
        val retiredAt = clock.now
        val k1 = e.retireShareKey("k1")
        assertEquals(retiredAt, k1.retiredAtMs)
        assertFalse(k1.isSigning)
        expectError(ErrorCode.LINK_UNKNOWN_KEY, "token") { e.resolveShareLink(old.token) }
        expectError(ErrorCode.LINK_UNKNOWN_KEY, "code") { e.resolveShareLink(old.displayCode!!) }
        assertEquals(fresh.copy(code = null, displayCode = null), e.resolveShareLink(fresh.token))
        // Retiring again returns it unchanged, a day later too; the id is never reused.
        clock.advance(DAY_MS)
        assertEquals(k1, e.retireShareKey("k1"))
        assertEquals(1, count(e, "share_key.retired"))
        expectError(ErrorCode.INVALID_STATE, "key_id") { e.generateShareKey("k1") }

        val keys = e.shareKeys()
        assertEquals(2, keys.size)
        assertEquals(listOf("k1", "k2"), keys.map { it.id })
        assertEquals(k1, keys[0])
        assertEquals(retiredAt, keys[0].retiredAtMs)
        assertEquals(k2, keys[1])
        assertNull(keys[1].retiredAtMs)
        assertNotEquals(keys[0].publicPem, keys[1].publicPem)

        // Retiring the signing key leaves none until another is made.
        e.retireShareKey("k2")
        expectError(ErrorCode.INVALID_STATE, "key_id") {
            e.createShareLink("alice", ShareTarget.SKU, "tea", "qr", "r3")
        }
        assertTrue(e.shareKeys().none { it.isSigning })
        assertTrue(e.generateShareKey("k3").isSigning)
        assertEquals("k3", e.createShareLink("alice", ShareTarget.SKU, "tea", "qr", "r3").keyId)

        // Bad key ids and unknown keys.
        expectError(ErrorCode.NOT_FOUND, "key_id") { e.retireShareKey("nope") }
        expectError(ErrorCode.INVALID_ARGUMENT, "key_id") { e.retireShareKey("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "key_id") { e.generateShareKey("") }
        expectError(ErrorCode.INVALID_ARGUMENT, "key_id") { e.generateShareKey("k 4") }
        expectError(ErrorCode.INVALID_ARGUMENT, "key_id") { e.generateShareKey("k".repeat(33)) }
        assertEquals("k".repeat(32), e.generateShareKey("k".repeat(32)).id)
        // No call returns a private key, and no event holds one.
        assertTrue(e.readEvents(0, 10_000).none { it.payload.contains("PRIVATE") })
        assertTrue(e.shareKeys().none { it.publicPem.contains("PRIVATE") })
    }

    @Test
    fun aPartnerVerifiesWithThePublicKey() {
        val app = referralShop()
        val k1 = app.generateShareKey("k1")
        val k1Link = app.createShareLink("alice", ShareTarget.SKU, "tea-128", "wechat", "p0")
        val k2 = app.generateShareKey("k2")
        val link = app.createShareLink("alice", ShareTarget.SKU, "tea-128", "wechat", "p1")
        assertEquals(listOf("k1", "k2"), listOf(k1Link.keyId, link.keyId))

        // The partner trusts k2's public key on its own file: it verifies k2's links, with its
        // own program's URL, and cannot make links.
        val partner = referralShop("partner.db", PARTNER_REFERRAL)
        val trusted = partner.trustShareKey("k2", k2.publicPem)
        assertEquals(ShareKey("k2", k2.publicPem, canSign = false, isSigning = false, addedAtMs = T0, retiredAtMs = null), trusted)
        assertEquals(trusted, partner.trustShareKey("k2", k2.publicPem))   // a safe retry
        val seen = partner.resolveShareLink(link.token)
        assertEquals(link.copy(code = null, displayCode = null, url = "https://partner.example/open?t=" + link.token), seen)
        expectError(ErrorCode.INVALID_STATE, "key_id") {
            partner.createShareLink("bob", ShareTarget.SKU, "tea-128", "wechat", "p1")
        }
        // Codes are the issuing engine's: the partner has none.
        expectError(ErrorCode.NOT_FOUND, "code") { partner.resolveShareLink(link.code!!) }
        // A k1 link is an unknown key's there; k1's public key under k2's id is another key.
        expectError(ErrorCode.LINK_UNKNOWN_KEY, "token") { partner.resolveShareLink(k1Link.token) }
        expectError(ErrorCode.INVALID_STATE, "key_id") { partner.trustShareKey("k2", k1.publicPem) }
        // A key trusted for verification only cannot be generated under its id.
        expectError(ErrorCode.INVALID_STATE, "key_id") { partner.generateShareKey("k2") }

        // Garbage PEM is refused with the argument's field.
        expectError(ErrorCode.INVALID_ARGUMENT, "private_pem") { partner.installShareKey("host", "garbage") }
        expectError(ErrorCode.INVALID_ARGUMENT, "private_pem") { partner.installShareKey("host", RFC8032_PUBLIC_PEM) }
        expectError(ErrorCode.INVALID_ARGUMENT, "public_pem") { partner.trustShareKey("host", "garbage") }
        expectError(ErrorCode.INVALID_ARGUMENT, "public_pem") { partner.trustShareKey("host", RFC8032_PRIVATE_PEM) }
        expectError(ErrorCode.INVALID_ARGUMENT, "key_id") { partner.trustShareKey("bad id", k2.publicPem) }

        // The host's own key: RFC 8032's test key, whose public half is known. Trusted first,
        // installing its private half under the same id makes it sign.
        assertEquals(RFC8032_PUBLIC_PEM, partner.trustShareKey("host", RFC8032_PUBLIC_PEM).publicPem)
        val host = partner.installShareKey("host", RFC8032_PRIVATE_PEM)
        assertEquals(ShareKey("host", RFC8032_PUBLIC_PEM, canSign = true, isSigning = true, addedAtMs = T0, retiredAtMs = null), host)
        assertEquals(host, partner.installShareKey("host", RFC8032_PRIVATE_PEM))   // a safe retry
        val hostLink = partner.createShareLink("bob", ShareTarget.GROUP, "g-7", "qr", "p1")
        assertEquals("host", hostLink.keyId)
        assertEquals("https://partner.example/open?t=" + hostLink.token, hostLink.url)
        // The app, trusting that public key, verifies it; the partner's key under another
        // id is refused as another key.
        app.trustShareKey("host", RFC8032_PUBLIC_PEM)
        assertEquals(hostLink.copy(code = null, displayCode = null, url = "https://shop.example/s/" + hostLink.token),
            app.resolveShareLink(hostLink.token))
        expectError(ErrorCode.INVALID_STATE, "key_id") { app.installShareKey("k1", RFC8032_PRIVATE_PEM) }

        // A signer whose clock runs 61 s ahead of the verifier's issues a link the verifier
        // reads as issued beyond the tolerance; 60 s ahead is within it.
        val behind = open("behind.db", options().copy(clock = { clock.now - 61_000 }))
        behind.putReferralProgram(REFERRAL)
        behind.trustShareKey("k2", k2.publicPem)
        val ahead = app.createShareLink("carol", ShareTarget.SKU, "tea-128", "wechat", "p2")
        expectError(ErrorCode.INVALID_STATE, "token") { behind.resolveShareLink(ahead.token) }
        clock.advance(1_000)
        assertEquals("carol", behind.resolveShareLink(ahead.token).sharerId)
    }

    @Test
    fun programTargetsAndBadCalls() {
        assertEquals("campaign", SocialCart.shareTargetName(ShareTarget.CAMPAIGN))
        assertEquals(listOf("sku", "group", "campaign", "store", "bargain", "unknown"), ShareTarget.values().map { SocialCart.shareTargetName(it) })
        assertEquals(listOf(1, 2, 3, 4), listOf(ShareTarget.SKU, ShareTarget.GROUP, ShareTarget.CAMPAIGN, ShareTarget.STORE).map { it.value })
        assertEquals(ShareTarget.STORE, ShareTarget.of(4))
        assertEquals(ShareTarget.BARGAIN, ShareTarget.of(5))
        assertEquals(ShareTarget.UNKNOWN, ShareTarget.of(6))
        assertEquals(ShareTarget.UNKNOWN, ShareTarget.of(0))

        val e = open()
        // No program: neither making nor verifying.
        e.generateShareKey("k1")
        expectError(ErrorCode.INVALID_STATE, "referral") { e.createShareLink("alice", ShareTarget.SKU, "tea", "qr", "b1") }
        expectError(ErrorCode.INVALID_STATE, "referral") { e.resolveShareLink("x".repeat(140)) }
        // The program is read strictly.
        expectError(ErrorCode.VALIDATION, "url_template") {
            e.putReferralProgram("""{"url_template":"https://shop.example/s/","link_lifetime_days":7}""")
        }
        expectError(ErrorCode.VALIDATION, "url_template") {
            e.putReferralProgram("""{"url_template":"https://shop.example/{token}/{token}"}""")
        }
        expectError(ErrorCode.VALIDATION, "link_lifetime_days") {
            e.putReferralProgram("""{"url_template":"https://shop.example/s/{token}","link_lifetime_days":366}""")
        }
        expectError(ErrorCode.VALIDATION, "clock_skew_seconds") {
            e.putReferralProgram("""{"url_template":"https://shop.example/s/{token}","clock_skew_seconds":3601}""")
        }
        expectError(ErrorCode.VALIDATION) { e.putReferralProgram("""{"url_template":"https://shop.example/s/{token}","extra":1}""") }
        expectError(ErrorCode.VALIDATION) { e.putReferralProgram("not json") }
        assertEquals(0, count(e, "referral_program.put"))
        // The defaults: 30 days.
        e.putReferralProgram("""{"url_template":"pages/share/index?t={token}"}""")
        val link = e.createShareLink("alice", ShareTarget.SKU, "tea", "qr", "b1")
        assertEquals(link.issuedAtMs + 30 * DAY_MS, link.expiresAtMs)
        assertEquals("pages/share/index?t=" + link.token, link.url)
        // The same program again changes nothing; another is one more event, and the program
        // document holds it (and no key).
        e.putReferralProgram(REFERRAL)
        e.putReferralProgram(REFERRAL)
        assertEquals(2, count(e, "referral_program.put"))
        val document = e.exportProgram()
        assertTrue(document, document.contains("https://shop.example/s/{token}"))
        assertFalse(document, document.contains("PUBLIC KEY") || document.contains("PRIVATE"))
        // The program's URL is the one of now: the link made under the first program reads
        // with the new URL, the new lifetime does not change its expiry.
        assertEquals(link.copy(url = "https://shop.example/s/" + link.token), e.resolveShareLink(link.code!!))

        // Bad link arguments, each naming its field; nothing is made.
        expectError(ErrorCode.INVALID_ARGUMENT, "target") { e.createShareLink("alice", ShareTarget.UNKNOWN, "tea", "qr", "b2") }
        expectError(ErrorCode.INVALID_ARGUMENT, "sharer_id") { e.createShareLink("", ShareTarget.SKU, "tea", "qr", "b2") }
        expectError(ErrorCode.INVALID_ARGUMENT, "target_id") { e.createShareLink("alice", ShareTarget.SKU, "", "qr", "b2") }
        expectError(ErrorCode.INVALID_ARGUMENT, "channel") { e.createShareLink("alice", ShareTarget.SKU, "tea", "WeChat", "b2") }
        expectError(ErrorCode.INVALID_ARGUMENT, "channel") { e.createShareLink("alice", ShareTarget.SKU, "tea", "", "b2") }
        expectError(ErrorCode.INVALID_ARGUMENT, "channel") { e.createShareLink("alice", ShareTarget.SKU, "tea", "c".repeat(33), "b2") }
        expectError(ErrorCode.INVALID_ARGUMENT, "idempotency_key") { e.createShareLink("alice", ShareTarget.SKU, "tea", "qr", "") }
        expectError(ErrorCode.INVALID_ARGUMENT, "target_id") { e.createShareLink("alice", ShareTarget.SKU, "te\u0000a", "qr", "b2") }
        expectError(ErrorCode.INVALID_UTF8) {
            Native.engineShareLinkCreate(e.handleForTests, utf8("alice"), 1, byteArrayOf(0xC3.toByte()), utf8("qr"), utf8("b2"))
        }
        expectError(ErrorCode.INVALID_ARGUMENT, "target") {
            Native.engineShareLinkCreate(e.handleForTests, utf8("alice"), 0, utf8("tea"), utf8("qr"), utf8("b2"))
        }
        assertEquals(1, count(e, "share_link.created"))

        // The key calls with a NULL out (the header allows it) return no handle.
        assertEquals(0L, Native.engineShareKeyGenerate(e.handleForTests, utf8("k1"), false))
        assertEquals(0L, Native.engineShareKeyTrust(e.handleForTests, utf8("host"), utf8(RFC8032_PUBLIC_PEM), false))
        assertEquals(0L, Native.engineShareKeyInstall(e.handleForTests, utf8("host"), utf8(RFC8032_PRIVATE_PEM), false))
        assertEquals(0L, Native.engineShareKeyRetire(e.handleForTests, utf8("host"), false))
        assertEquals(listOf(T0, null), e.shareKeys().map { it.retiredAtMs })   // host, k1
        expectError(ErrorCode.NOT_FOUND, "key_id") { Native.engineShareKeyRetire(e.handleForTests, utf8("nope"), false) }
        // Out of range in a list reads as NULL, and NULL reads as nothing.
        val list = Native.engineShareKeys(e.handleForTests)
        try {
            assertEquals(2L, Native.shareKeysCount(list))
            assertEquals(0L, Native.shareKeysAt(list, 2))
            assertEquals(0L, Native.shareKeysAt(list, -1))
        } finally {
            Native.shareKeysFree(list)
        }
        assertNull(Native.shareKeyId(0))
        assertFalse(Native.shareKeyIsRetired(0))
        assertEquals(0L, Native.shareLinkTarget(0))
        assertNull(Native.shareLinkToken(0))
        Native.shareKeyFree(0)
        Native.shareKeysFree(0)
        Native.shareLinkFree(0)
    }

    @Test
    fun suspendingTwinsAndAClosedEngine(): Unit = runBlocking<Unit> {
        val e = open()
        val s = e.suspending
        s.putReferralProgram(REFERRAL)
        val k1 = s.generateShareKey("k1")
        assertTrue(k1.isSigning)
        val link = s.createShareLink("alice", ShareTarget.GROUP, "g-1", "wechat", "t1")
        assertEquals(link, s.createShareLink("alice", ShareTarget.GROUP, "g-1", "wechat", "t1"))
        assertEquals(link.copy(code = null, displayCode = null), s.resolveShareLink(link.token))
        assertEquals(link, s.resolveShareLink(link.displayCode!!))
        assertEquals(link.issuedAtMs + LIFETIME_MS, link.expiresAtMs)
        expectError(ErrorCode.IDEMPOTENCY_CONFLICT) { s.createShareLink("alice", ShareTarget.GROUP, "g-2", "wechat", "t1") }
        expectError(ErrorCode.LINK_TAMPERED, "token") { s.resolveShareLink(tampered(link.token)) }
        assertEquals("host", s.installShareKey("host", RFC8032_PRIVATE_PEM).id)
        assertEquals(RFC8032_PUBLIC_PEM, s.trustShareKey("host", RFC8032_PUBLIC_PEM).publicPem)
        assertEquals(T0, s.retireShareKey("k1").retiredAtMs)
        assertEquals(listOf("host", "k1"), s.shareKeys().map { it.id })
        expectError(ErrorCode.LINK_UNKNOWN_KEY, "token") { s.resolveShareLink(link.token) }
        expectError(ErrorCode.NOT_FOUND, "key_id") { s.retireShareKey("k9") }
        e.close()
        expectError(ErrorCode.INVALID_STATE) { e.shareKeys() }
        expectError(ErrorCode.INVALID_STATE) { s.resolveShareLink(link.token) }
        expectError(ErrorCode.INVALID_STATE) { e.putReferralProgram(REFERRAL) }
        expectError(ErrorCode.INVALID_STATE) { s.generateShareKey("k2") }
    }
}

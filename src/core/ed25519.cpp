#include "core/ed25519.hpp"

#include "core/error.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <climits>

namespace sc {

namespace {

struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX* ctx) const noexcept { EVP_PKEY_CTX_free(ctx); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};
struct BioFree {
    void operator()(BIO* bio) const noexcept { BIO_free_all(bio); }
};
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using BioPtr = std::unique_ptr<BIO, BioFree>;

// Empties this thread's OpenSSL error queue, so that a failure here is not reported
// again by a later, unrelated OpenSSL call; tells whether memory ran out.
bool drain_errors_out_of_memory() {
    bool out_of_memory = false;
    while (const unsigned long error = ERR_get_error())
        if (ERR_GET_REASON(error) == ERR_R_MALLOC_FAILURE) out_of_memory = true;
    return out_of_memory;
}

[[noreturn]] void openssl_failed(const std::string& what) {
    std::string message = "OpenSSL failed " + what;
    if (const unsigned long error = ERR_peek_last_error()) {
        char reason[256];
        ERR_error_string_n(error, reason, sizeof reason);
        message += ": ";
        message += reason;
    }
    fail(drain_errors_out_of_memory() ? SC_ERR_OUT_OF_MEMORY : SC_ERR_INTERNAL, std::move(message));
}

std::shared_ptr<EVP_PKEY> own(EVP_PKEY* key, const std::string& what) {
    if (key == nullptr) openssl_failed(what);
    // Should allocating the control block throw, shared_ptr frees the key itself.
    return std::shared_ptr<EVP_PKEY>(key, [](EVP_PKEY* k) noexcept { EVP_PKEY_free(k); });
}

// OpenSSL is not promised a non-null pointer for an empty message, which string_view
// may well carry.
const unsigned char* bytes_of(std::string_view text) {
    static constexpr unsigned char kNothing[1] = {0};
    return text.empty() ? kNothing : reinterpret_cast<const unsigned char*>(text.data());
}

// An encrypted key is refused, not asked for: without a callback, OpenSSL would prompt
// for a passphrase on the terminal.
int refuse_passphrase(char*, int, int, void*) { return -1; }

enum class KeyPart { private_key, public_key };

std::shared_ptr<EVP_PKEY> read_pem(std::string_view pem, const std::string& field, KeyPart part) {
    const std::string refusal = part == KeyPart::private_key
                                    ? "expected an unencrypted PKCS#8 PEM Ed25519 private key"
                                    : "expected a PEM Ed25519 public key (SubjectPublicKeyInfo)";
    if (pem.empty() || pem.size() > static_cast<size_t>(INT_MAX)) fail(SC_ERR_INVALID_ARGUMENT, refusal, field);
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!bio) openssl_failed("reading a PEM key");
    EVP_PKEY* raw = part == KeyPart::private_key
                        ? PEM_read_bio_PrivateKey(bio.get(), nullptr, refuse_passphrase, nullptr)
                        : PEM_read_bio_PUBKEY(bio.get(), nullptr, refuse_passphrase, nullptr);
    // The decoders leave the reasons of every format they tried, matched or not.
    const bool out_of_memory = drain_errors_out_of_memory();
    if (raw == nullptr) {
        if (out_of_memory) fail(SC_ERR_OUT_OF_MEMORY, "out of memory reading a PEM key", field);
        fail(SC_ERR_INVALID_ARGUMENT, refusal, field);
    }
    auto key = own(raw, "reading a PEM key");
    // X25519 keys are 32 bytes too; only the type tells them apart.
    if (EVP_PKEY_is_a(key.get(), "ED25519") != 1) fail(SC_ERR_INVALID_ARGUMENT, refusal, field);
    return key;
}

Ed25519PublicKey raw_public_key(EVP_PKEY* key) {
    Ed25519PublicKey out{};
    size_t size = out.size();
    if (EVP_PKEY_get_raw_public_key(key, out.data(), &size) != 1 || size != out.size())
        openssl_failed("reading an Ed25519 public key");
    return out;
}

template <typename Write>
std::string write_pem(Write write, const std::string& what) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1) openssl_failed(what);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    if (size <= 0 || data == nullptr) openssl_failed(what);
    return std::string(data, static_cast<size_t>(size));
}

std::string public_pem_of(EVP_PKEY* key) {
    return write_pem([key](BIO* bio) { return PEM_write_bio_PUBKEY(bio, key); }, "writing a PEM public key");
}

}  // namespace

Ed25519Signer Ed25519Signer::generate() {
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1) openssl_failed("preparing to generate an Ed25519 key");
    EVP_PKEY* raw = nullptr;
    if (EVP_PKEY_keygen(ctx.get(), &raw) != 1) openssl_failed("generating an Ed25519 key");
    return Ed25519Signer(own(raw, "generating an Ed25519 key"));
}

Ed25519Signer Ed25519Signer::from_seed(const Ed25519Seed& seed) {
    // Every 32 bytes are a valid seed, so a failure here is OpenSSL's own.
    return Ed25519Signer(own(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()),
                             "loading an Ed25519 seed"));
}

Ed25519Signer Ed25519Signer::from_pem(std::string_view pem, const std::string& field) {
    return Ed25519Signer(read_pem(pem, field, KeyPart::private_key));
}

Ed25519Seed Ed25519Signer::seed() const {
    Ed25519Seed out{};
    size_t size = out.size();
    if (EVP_PKEY_get_raw_private_key(key_.get(), out.data(), &size) != 1 || size != out.size())
        openssl_failed("reading an Ed25519 seed");
    return out;
}

Ed25519PublicKey Ed25519Signer::public_key() const { return raw_public_key(key_.get()); }

std::string Ed25519Signer::private_pem() const {
    EVP_PKEY* key = key_.get();
    return write_pem(
        [key](BIO* bio) { return PEM_write_bio_PKCS8PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr); },
        "writing a PEM private key");
}

std::string Ed25519Signer::public_pem() const { return public_pem_of(key_.get()); }

Ed25519Signature Ed25519Signer::sign(std::string_view message) const {
    MdCtxPtr ctx(EVP_MD_CTX_new());
    // Ed25519 hashes internally (SHA-512 twice over the message), so no digest is named.
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1)
        openssl_failed("preparing to sign");
    Ed25519Signature signature{};
    size_t size = signature.size();
    if (EVP_DigestSign(ctx.get(), signature.data(), &size, bytes_of(message), message.size()) != 1 ||
        size != signature.size())
        openssl_failed("signing");
    return signature;
}

Ed25519Verifier Ed25519Verifier::from_public_key(const Ed25519PublicKey& key) {
    // OpenSSL takes any 32 bytes; one that is no curve point just verifies nothing.
    return Ed25519Verifier(own(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, key.data(), key.size()),
                               "loading an Ed25519 public key"));
}

Ed25519Verifier Ed25519Verifier::from_pem(std::string_view pem, const std::string& field) {
    return Ed25519Verifier(read_pem(pem, field, KeyPart::public_key));
}

Ed25519PublicKey Ed25519Verifier::public_key() const { return raw_public_key(key_.get()); }

std::string Ed25519Verifier::public_pem() const { return public_pem_of(key_.get()); }

bool Ed25519Verifier::verify(std::string_view message, const uint8_t* signature, size_t signature_size) const {
    // Settled before any allocation: no other length can be an Ed25519 signature.
    if (signature == nullptr || signature_size != std::tuple_size<Ed25519Signature>::value) return false;
    // A context per call, never shared: that is what makes verify safe from many threads.
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1)
        openssl_failed("preparing to verify");
    if (EVP_DigestVerify(ctx.get(), signature, signature_size, bytes_of(message), message.size()) == 1) return true;
    // A refusal is an answer, not an error: should some OpenSSL version queue a reason
    // for it, that reason must not surface in a later, unrelated call.
    ERR_clear_error();
    return false;
}

}  // namespace sc

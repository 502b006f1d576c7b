#pragma once
// Ed25519 signatures (RFC 8032, pure Ed25519: no context, no prehash) through OpenSSL.
// OpenSSL stays out of this header so that its includers need none of its headers.
//
// Both classes hold an immutable OpenSSL key by shared ownership: a copy is cheap and
// shares the key, and since nothing ever modifies the key, copies and one object alike
// may be used from several threads at once. A moved-from object may only be assigned
// to or destroyed.
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct evp_pkey_st;  // OpenSSL's EVP_PKEY

namespace sc {

using Ed25519PublicKey = std::array<uint8_t, 32>;
using Ed25519Seed = std::array<uint8_t, 32>;  // the raw private key (RFC 8032's secret key)
using Ed25519Signature = std::array<uint8_t, 64>;

class Ed25519Signer {
public:
    // A new key from OpenSSL's CSPRNG.
    static Ed25519Signer generate();
    static Ed25519Signer from_seed(const Ed25519Seed& seed);
    // PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), unencrypted. Anything else (not PEM,
    // an encrypted key, another key type such as RSA, EC or X25519, a public key) throws
    // Error(SC_ERR_INVALID_ARGUMENT, ..., field). Text around the PEM block is ignored,
    // as OpenSSL ignores it.
    static Ed25519Signer from_pem(std::string_view pem, const std::string& field = "pem");

    Ed25519Seed seed() const;
    Ed25519PublicKey public_key() const;
    std::string private_pem() const;  // PKCS#8 PEM, unencrypted
    std::string public_pem() const;   // SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----")
    Ed25519Signature sign(std::string_view message) const;

private:
    explicit Ed25519Signer(std::shared_ptr<evp_pkey_st> key) : key_(std::move(key)) {}
    std::shared_ptr<evp_pkey_st> key_;
};

class Ed25519Verifier {
public:
    static Ed25519Verifier from_public_key(const Ed25519PublicKey& key);
    // SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----"); anything else (a private
    // key, another key type) throws Error(SC_ERR_INVALID_ARGUMENT, ..., field).
    static Ed25519Verifier from_pem(std::string_view pem, const std::string& field = "pem");

    Ed25519PublicKey public_key() const;
    std::string public_pem() const;
    // False for a wrong signature of any length; never throws for a bad signature (only
    // when OpenSSL itself fails, e.g. out of memory).
    bool verify(std::string_view message, const uint8_t* signature, size_t signature_size) const;

private:
    explicit Ed25519Verifier(std::shared_ptr<evp_pkey_st> key) : key_(std::move(key)) {}
    std::shared_ptr<evp_pkey_st> key_;
};

}  // namespace sc

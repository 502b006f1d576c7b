#include "check_error.hpp"
#include "core/base64url.hpp"
#include "core/ed25519.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <atomic>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace sc;

namespace {

// RFC 8032 §7.1, as the RFC prints them: 16 bytes a line.
struct Vector {
    const char* name;
    const char* secret_key;
    const char* public_key;
    size_t message_size;  // the length the RFC states, a check on the typing
    const char* message;
    const char* signature;
};

const Vector kVectors[] = {
    {"TEST 1",
     "9d61b19deffd5a60ba844af492ec2cc4"
     "4449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a"
     "0ee172f3daa62325af021a68f707511a",
     0, "",
     "e5564300c360ac729086e2cc806e828a"
     "84877f1eb8e5d974d873e06522490155"
     "5fb8821590a33bacc61e39701cf9b46b"
     "d25bf5f0595bbe24655141438e7a100b"},
    {"TEST 2",
     "4ccd089b28ff96da9db6c346ec114e0f"
     "5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc"
     "9c982ccf2ec4968cc0cd55f12af4660c",
     1, "72",
     "92a009a9f0d4cab8720e820b5f642540"
     "a2b27b5416503f8fb3762223ebdb69da"
     "085ac1e43e15996e458f3613d0f11d8c"
     "387b2eaeb4302aeeb00d291612bb0c00"},
    {"TEST 3",
     "c5aa8df43f9f837bedb7442f31dcb7b1"
     "66d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f058"
     "0816ed13ba3303ac5deb911548908025",
     2, "af82",
     "6291d657deec24024827e69c3abe01a3"
     "0ce548a284743a445e3680d7db5ac3ac"
     "18ff9b538d16f290ae67f760984dc659"
     "4a7c15e9716ed28dc027beceea1ec40a"},
    {"TEST 1024",
     "f5e5767cf153319517630f226876b86c"
     "8160cc583bc013744c6bf255f5cc0ee5",
     "278117fc144c72340f67d0f2316e8386"
     "ceffbf2b2428c9c51fef7c597f1d426e",
     1023,
     "08b8b2b733424243760fe426a4b54908"
     "632110a66c2f6591eabd3345e3e4eb98"
     "fa6e264bf09efe12ee50f8f54e9f77b1"
     "e355f6c50544e23fb1433ddf73be84d8"
     "79de7c0046dc4996d9e773f4bc9efe57"
     "38829adb26c81b37c93a1b270b20329d"
     "658675fc6ea534e0810a4432826bf58c"
     "941efb65d57a338bbd2e26640f89ffbc"
     "1a858efcb8550ee3a5e1998bd177e93a"
     "7363c344fe6b199ee5d02e82d522c4fe"
     "ba15452f80288a821a579116ec6dad2b"
     "3b310da903401aa62100ab5d1a36553e"
     "06203b33890cc9b832f79ef80560ccb9"
     "a39ce767967ed628c6ad573cb116dbef"
     "efd75499da96bd68a8a97b928a8bbc10"
     "3b6621fcde2beca1231d206be6cd9ec7"
     "aff6f6c94fcd7204ed3455c68c83f4a4"
     "1da4af2b74ef5c53f1d8ac70bdcb7ed1"
     "85ce81bd84359d44254d95629e9855a9"
     "4a7c1958d1f8ada5d0532ed8a5aa3fb2"
     "d17ba70eb6248e594e1a2297acbbb39d"
     "502f1a8c6eb6f1ce22b3de1a1f40cc24"
     "554119a831a9aad6079cad88425de6bd"
     "e1a9187ebb6092cf67bf2b13fd65f270"
     "88d78b7e883c8759d2c4f5c65adb7553"
     "878ad575f9fad878e80a0c9ba63bcbcc"
     "2732e69485bbc9c90bfbd62481d9089b"
     "eccf80cfe2df16a2cf65bd92dd597b07"
     "07e0917af48bbb75fed413d238f5555a"
     "7a569d80c3414a8d0859dc65a46128ba"
     "b27af87a71314f318c782b23ebfe808b"
     "82b0ce26401d2e22f04d83d1255dc51a"
     "ddd3b75a2b1ae0784504df543af8969b"
     "e3ea7082ff7fc9888c144da2af58429e"
     "c96031dbcad3dad9af0dcbaaaf268cb8"
     "fcffead94f3c7ca495e056a9b47acdb7"
     "51fb73e666c6c655ade8297297d07ad1"
     "ba5e43f1bca32301651339e22904cc8c"
     "42f58c30c04aafdb038dda0847dd988d"
     "cda6f3bfd15c4b4c4525004aa06eeff8"
     "ca61783aacec57fb3d1f92b0fe2fd1a8"
     "5f6724517b65e614ad6808d6f6ee34df"
     "f7310fdc82aebfd904b01e1dc54b2927"
     "094b2db68d6f903b68401adebf5a7e08"
     "d78ff4ef5d63653a65040cf9bfd4aca7"
     "984a74d37145986780fc0b16ac451649"
     "de6188a7dbdf191f64b5fc5e2ab47b57"
     "f7f7276cd419c17a3ca8e1b939ae49e4"
     "88acba6b965610b5480109c8b17b80e1"
     "b7b750dfc7598d5d5011fd2dcc5600a3"
     "2ef5b52a1ecc820e308aa342721aac09"
     "43bf6686b64b2579376504ccc493d97e"
     "6aed3fb0f9cd71a43dd497f01f17c0e2"
     "cb3797aa2a2f256656168e6c496afc5f"
     "b93246f6b1116398a346f1a641f3b041"
     "e989f7914f90cc2c7fff357876e506b5"
     "0d334ba77c225bc307ba537152f3f161"
     "0e4eafe595f6d9d90d11faa933a15ef1"
     "369546868a7f3a45a96768d40fd9d034"
     "12c091c6315cf4fde7cb68606937380d"
     "b2eaaa707b4c4185c32eddcdd306705e"
     "4dc1ffc872eeee475a64dfac86aba41c"
     "0618983f8741c5ef68d3a101e8a3b8ca"
     "c60c905c15fc910840b94c00a0b9d0",
     "0aab4c900501b3e24d7cdf4663326a3a"
     "87df5e4843b2cbdb67cbf6e460fec350"
     "aa5371b1508f9f4528ecea23c436d94b"
     "5e8fcd4f681e30a6ac00a9704a188a03"},
    {"TEST SHA(abc)",
     "833fe62409237b9d62ec77587520911e"
     "9a759cec1d19755b7da901b96dca3d42",
     "ec172b93ad5e563bf4932c70e1245034"
     "c35467ef2efd4d64ebf819683467e2bf",
     64,
     "ddaf35a193617abacc417349ae204131"
     "12e6fa4e89a97ea20a9eeee64b55d39a"
     "2192992a274fc1a836ba3c23a3feebbd"
     "454d4423643ce80e2a9ac94fa54ca49f",
     "dc2a4459e7369633a52b1bf277839a00"
     "201009a3efbf3ecb69bea2186c26b589"
     "09351fc9ac90b3ecfdfbc7c66431e030"
     "3dca179c138ac17ad9bef1177331a704"},
};

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    FAIL("not a lowercase hex digit: " << c);
    return 0;
}

std::string from_hex(std::string_view hex) {
    REQUIRE(hex.size() % 2 == 0);
    std::string out;
    for (size_t i = 0; i < hex.size(); i += 2)
        out += static_cast<char>((hex_digit(hex[i]) << 4) | hex_digit(hex[i + 1]));
    return out;
}

template <size_t N>
std::array<uint8_t, N> array_from_hex(std::string_view hex) {
    const std::string bytes = from_hex(hex);
    REQUIRE(bytes.size() == N);
    std::array<uint8_t, N> out{};
    for (size_t i = 0; i < N; ++i) out[i] = static_cast<uint8_t>(bytes[i]);
    return out;
}

template <size_t N>
std::string to_hex(const std::array<uint8_t, N>& bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (const uint8_t b : bytes) {
        out += kDigits[b >> 4];
        out += kDigits[b & 15];
    }
    return out;
}

bool verifies(const Ed25519Verifier& verifier, std::string_view message, const Ed25519Signature& signature) {
    return verifier.verify(message, signature.data(), signature.size());
}

// Keys of other types, made by OpenSSL directly, for the refusals.
struct PkeyFree {
    void operator()(EVP_PKEY* key) const noexcept { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

struct BioFree {
    void operator()(BIO* bio) const noexcept { BIO_free_all(bio); }
};

template <typename Write>
std::string pem_text(Write write) {
    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    REQUIRE(bio);
    REQUIRE(write(bio.get()) == 1);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    REQUIRE(size > 0);
    return std::string(data, static_cast<size_t>(size));
}

std::string private_pem_of(EVP_PKEY* key) {
    return pem_text(
        [key](BIO* bio) { return PEM_write_bio_PKCS8PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr); });
}

std::string public_pem_of(EVP_PKEY* key) {
    return pem_text([key](BIO* bio) { return PEM_write_bio_PUBKEY(bio, key); });
}

bool starts_with(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

TEST_CASE("RFC 8032 vectors: the secret key gives the listed public key and signature, which verifies") {
    for (const Vector& v : kVectors) {
        CAPTURE(v.name);
        const std::string message = from_hex(v.message);
        REQUIRE(message.size() == v.message_size);
        const auto signer = Ed25519Signer::from_seed(array_from_hex<32>(v.secret_key));
        CHECK(to_hex(signer.seed()) == v.secret_key);
        CHECK(to_hex(signer.public_key()) == v.public_key);
        const Ed25519Signature signature = signer.sign(message);
        CHECK(to_hex(signature) == v.signature);
        const auto verifier = Ed25519Verifier::from_public_key(array_from_hex<32>(v.public_key));
        CHECK(to_hex(verifier.public_key()) == v.public_key);
        CHECK(verifies(verifier, message, array_from_hex<64>(v.signature)));
    }
}

TEST_CASE("RFC 8032 vectors: one flipped bit, or another vector's key, is refused") {
    const size_t count = std::size(kVectors);
    for (size_t i = 0; i < count; ++i) {
        const Vector& v = kVectors[i];
        CAPTURE(v.name);
        std::string message = from_hex(v.message);
        Ed25519Signature signature = array_from_hex<64>(v.signature);
        const auto verifier = Ed25519Verifier::from_public_key(array_from_hex<32>(v.public_key));
        REQUIRE(verifies(verifier, message, signature));

        // Counted rather than checked one by one: TEST 1024 alone has 8184 message bits.
        size_t accepted = 0;
        for (size_t bit = 0; bit < message.size() * 8; ++bit) {
            const auto mask = static_cast<char>(1 << (bit % 8));
            message[bit / 8] = static_cast<char>(message[bit / 8] ^ mask);
            if (verifies(verifier, message, signature)) ++accepted;
            message[bit / 8] = static_cast<char>(message[bit / 8] ^ mask);
        }
        for (size_t bit = 0; bit < signature.size() * 8; ++bit) {
            const auto mask = static_cast<uint8_t>(1u << (bit % 8));
            signature[bit / 8] = static_cast<uint8_t>(signature[bit / 8] ^ mask);
            if (verifies(verifier, message, signature)) ++accepted;
            signature[bit / 8] = static_cast<uint8_t>(signature[bit / 8] ^ mask);
        }
        CHECK(accepted == 0);
        CHECK(verifies(verifier, message, signature));

        CHECK_FALSE(verifies(verifier, message + '\0', signature));
        if (!message.empty()) CHECK_FALSE(verifies(verifier, message.substr(0, message.size() - 1), signature));
        const auto other = Ed25519Verifier::from_public_key(array_from_hex<32>(kVectors[(i + 1) % count].public_key));
        CHECK_FALSE(verifies(other, message, signature));
        // Refusals are answers: nothing is left in OpenSSL's error queue for a later call.
        CHECK(ERR_peek_error() == 0);
    }
}

TEST_CASE("a signature of any length but 64 bytes is refused, not thrown") {
    const auto signer = Ed25519Signer::from_seed(array_from_hex<32>(kVectors[1].secret_key));
    const auto verifier = Ed25519Verifier::from_public_key(signer.public_key());
    const std::string message = "cart crt_1 checked out";
    std::vector<uint8_t> bytes(65, 0);
    const Ed25519Signature signature = signer.sign(message);
    std::copy(signature.begin(), signature.end(), bytes.begin());
    CHECK(verifier.verify(message, bytes.data(), 64));
    CHECK_FALSE(verifier.verify(message, bytes.data(), 0));
    CHECK_FALSE(verifier.verify(message, bytes.data(), 63));
    CHECK_FALSE(verifier.verify(message, bytes.data(), 65));
    CHECK_FALSE(verifier.verify(message, nullptr, 0));
    CHECK_FALSE(verifier.verify(message, nullptr, 64));
    const Ed25519Signature zeros{};
    CHECK_FALSE(verifies(verifier, message, zeros));
    Ed25519Signature ones{};
    ones.fill(0xff);
    CHECK_FALSE(verifies(verifier, message, ones));
}

TEST_CASE("generated keys differ, and their PEM texts give the same keys back") {
    const auto a = Ed25519Signer::generate();
    const auto b = Ed25519Signer::generate();
    CHECK(a.seed() != b.seed());
    CHECK(a.public_key() != b.public_key());

    const std::string private_pem = a.private_pem();
    CHECK(starts_with(private_pem, "-----BEGIN PRIVATE KEY-----\n"));
    const auto a_again = Ed25519Signer::from_pem(private_pem);
    CHECK(a_again.seed() == a.seed());
    CHECK(a_again.public_key() == a.public_key());

    const std::string public_pem = a.public_pem();
    CHECK(starts_with(public_pem, "-----BEGIN PUBLIC KEY-----\n"));
    const auto verifier = Ed25519Verifier::from_pem(public_pem, "public_key");
    CHECK(verifier.public_key() == a.public_key());
    CHECK(verifier.public_pem() == public_pem);
    CHECK(Ed25519Verifier::from_public_key(a.public_key()).public_pem() == public_pem);

    const std::string message = "refund rfd_1 of CNY 68.00";
    const auto signature = a.sign(message);
    CHECK(verifies(verifier, message, signature));
    CHECK_FALSE(verifies(Ed25519Verifier::from_public_key(b.public_key()), message, signature));

    // Copies share the key.
    const Ed25519Signer copy = a_again;
    CHECK(copy.sign(message) == signature);
}

TEST_CASE("a PEM written by OpenSSL from an RFC 8032 secret key reads back as that key") {
    const Vector& v = kVectors[0];
    const auto seed = array_from_hex<32>(v.secret_key);
    Pkey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()));
    REQUIRE(key);
    const auto signer = Ed25519Signer::from_pem(private_pem_of(key.get()));
    CHECK(to_hex(signer.seed()) == v.secret_key);
    CHECK(signer.private_pem() == private_pem_of(key.get()));
    const auto verifier = Ed25519Verifier::from_pem(public_pem_of(key.get()));
    CHECK(to_hex(verifier.public_key()) == v.public_key);
}

TEST_CASE("from_pem refuses anything but the expected Ed25519 key, naming the field") {
    const auto signer = Ed25519Signer::generate();
    const std::string private_pem = signer.private_pem();
    const std::string public_pem = signer.public_pem();

    CHECK_SC_ERROR_FIELD(Ed25519Signer::from_pem(""), SC_ERR_INVALID_ARGUMENT, "pem");
    CHECK_SC_ERROR_FIELD(Ed25519Verifier::from_pem(""), SC_ERR_INVALID_ARGUMENT, "pem");
    CHECK_SC_ERROR_FIELD(Ed25519Signer::from_pem("", "signing_key"), SC_ERR_INVALID_ARGUMENT, "signing_key");
    CHECK_SC_ERROR_FIELD(Ed25519Verifier::from_pem("", "public_key"), SC_ERR_INVALID_ARGUMENT, "public_key");

    const std::string not_keys[] = {
        "not a key at all",
        "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----\n",
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
        private_pem.substr(0, private_pem.size() / 2),
        public_pem.substr(0, public_pem.size() / 2),
        std::string(1, '\0'),
    };
    for (const std::string& text : not_keys) {
        CAPTURE(text);
        CHECK_SC_ERROR_FIELD(Ed25519Signer::from_pem(text, "signing_key"), SC_ERR_INVALID_ARGUMENT, "signing_key");
        CHECK_SC_ERROR_FIELD(Ed25519Verifier::from_pem(text, "public_key"), SC_ERR_INVALID_ARGUMENT, "public_key");
    }

    // The wrong half of the right key.
    CHECK_SC_ERROR_FIELD(Ed25519Signer::from_pem(public_pem, "signing_key"), SC_ERR_INVALID_ARGUMENT, "signing_key");
    CHECK_SC_ERROR_FIELD(Ed25519Verifier::from_pem(private_pem, "public_key"), SC_ERR_INVALID_ARGUMENT, "public_key");

    // Other key types, X25519 and Ed448 included: close kin with the same PEM labels.
    Pkey rsa(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048)));
    Pkey ec(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "prime256v1"));
    Pkey x25519(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"));
    Pkey ed448(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED448"));
    for (EVP_PKEY* other : {rsa.get(), ec.get(), x25519.get(), ed448.get()}) {
        REQUIRE(other != nullptr);
        const std::string type = EVP_PKEY_get0_type_name(other);
        CAPTURE(type);
        CHECK_SC_ERROR_FIELD(Ed25519Signer::from_pem(private_pem_of(other), "signing_key"), SC_ERR_INVALID_ARGUMENT,
                             "signing_key");
        CHECK_SC_ERROR_FIELD(Ed25519Verifier::from_pem(public_pem_of(other), "public_key"), SC_ERR_INVALID_ARGUMENT,
                             "public_key");
        CHECK_SC_ERROR_FIELD(Ed25519Verifier::from_pem(private_pem_of(other), "public_key"), SC_ERR_INVALID_ARGUMENT,
                             "public_key");
    }

    // An encrypted key is refused without asking for its passphrase.
    Pkey ed25519(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    REQUIRE(ed25519);
    const std::string encrypted = pem_text([&ed25519](BIO* bio) {
        return PEM_write_bio_PKCS8PrivateKey(bio, ed25519.get(), EVP_aes_256_cbc(), "passphrase", 10, nullptr,
                                             nullptr);
    });
    REQUIRE(starts_with(encrypted, "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
    CHECK_SC_ERROR_FIELD(Ed25519Signer::from_pem(encrypted, "signing_key"), SC_ERR_INVALID_ARGUMENT, "signing_key");

    // The refusals leave nothing behind in OpenSSL's error queue, and the key still works.
    CHECK(ERR_peek_error() == 0);
    CHECK(Ed25519Signer::from_pem(private_pem).seed() == signer.seed());
}

TEST_CASE("one verifier and one signer serve several threads at once") {
    const auto signer = Ed25519Signer::generate();
    const auto verifier = Ed25519Verifier::from_public_key(signer.public_key());
    const std::string message = "order ord_1 paid CNY 68.00";
    const Ed25519Signature signature = signer.sign(message);
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                if (!verifies(verifier, message, signature)) ++wrong;
                Ed25519Signature altered = signature;
                altered[static_cast<size_t>(i % 64)] = static_cast<uint8_t>(altered[static_cast<size_t>(i % 64)] ^ 1u);
                if (verifies(verifier, message, altered)) ++wrong;
                if (i % 25 == t && signer.sign(message) != signature) ++wrong;
            }
        });
    for (auto& thread : threads) thread.join();
    CHECK(wrong.load() == 0);
}

TEST_CASE("base64url encodes the RFC 4648 vectors, without padding") {
    const std::pair<const char*, const char*> vectors[] = {
        {"", ""},         {"f", "Zg"},         {"fo", "Zm8"},         {"foo", "Zm9v"},
        {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"},
    };
    for (const auto& vector : vectors) {
        const std::string bytes = vector.first;
        const std::string text = vector.second;
        CAPTURE(text);
        CHECK(base64url_encode(bytes) == text);
        CHECK(base64url_decode(text) == bytes);
    }
    // The two characters where base64url differs from base64 ('+' and '/').
    CHECK(base64url_encode("\xfb\xff") == "-_8");
    CHECK(base64url_decode("-_8") == std::string("\xfb\xff"));
    CHECK(base64url_encode(std::string_view("\0\0\0", 3)) == "AAAA");
}

TEST_CASE("base64url round-trips random bytes of every length up to 300, as OpenSSL's base64 spells them") {
    std::mt19937 random(20260805);
    for (size_t length = 0; length <= 300; ++length) {
        CAPTURE(length);
        std::string bytes(length, '\0');
        for (char& c : bytes) c = static_cast<char>(random() & 0xffu);
        const std::string text = base64url_encode(bytes);
        CHECK(text.size() == (length * 4 + 2) / 3);

        std::vector<unsigned char> standard(4 * ((length + 2) / 3) + 1);
        const int written = EVP_EncodeBlock(standard.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                                            static_cast<int>(length));
        std::string expected(reinterpret_cast<const char*>(standard.data()), static_cast<size_t>(written));
        while (!expected.empty() && expected.back() == '=') expected.pop_back();
        for (char& c : expected) c = c == '+' ? '-' : c == '/' ? '_' : c;
        CHECK(text == expected);

        CHECK(base64url_decode(text) == bytes);
    }
}

TEST_CASE("base64url decoding is strict: every byte string has exactly one text") {
    for (const char* text : {"Zg==", "Zg=", "Zm9v=", "+_8", "-/8", "Zm9v+A", " Zg", "Zg ", "Zm 9v", "Zm9v\n", "Z",
                             "Zm9vY", "Zm9vYmFyZ", "A", "Zm9vA", "Zh", "Zm9", "Zm9vYmF", "\xc3\xa9"}) {
        CAPTURE(text);
        CHECK_FALSE(base64url_decode(text).has_value());
    }
    CHECK(base64url_decode("Zg") == std::string("f"));
    CHECK(base64url_decode("Zm8") == std::string("fo"));
    CHECK_FALSE(base64url_decode(std::string_view("Zg\0\0", 4)).has_value());

    // Every 2- and 3-character text: exactly the encodings of the 1- and 2-byte strings
    // decode, and each to the bytes it encodes.
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    size_t two = 0;
    size_t three = 0;
    size_t mismatched = 0;
    for (size_t a = 0; a < 64; ++a)
        for (size_t b = 0; b < 64; ++b) {
            const std::string pair{kAlphabet[a], kAlphabet[b]};
            if (const auto bytes = base64url_decode(pair)) {
                ++two;
                if (bytes->size() != 1 || base64url_encode(*bytes) != pair) ++mismatched;
            }
            for (size_t c = 0; c < 64; ++c) {
                const std::string triple{kAlphabet[a], kAlphabet[b], kAlphabet[c]};
                if (const auto bytes = base64url_decode(triple)) {
                    ++three;
                    if (bytes->size() != 2 || base64url_encode(*bytes) != triple) ++mismatched;
                }
            }
        }
    CHECK(two == 256);
    CHECK(three == 65536);
    CHECK(mismatched == 0);
}

// Benchmark `share_links`: share links made and verified per second through the C ABI,
// beside raw Ed25519 signing and verifying with OpenSSL's EVP API on the same machine in
// the same run, in alternating rounds (the machine is shared and noisy: only ratios from
// one run compare).
//
//   create : sc_engine_share_link_create: claims signed, the link stored under a short
//            code and its event appended, one write transaction (durability normal);
//            beside EVP_DigestSign of as many messages of the token's size
//   verify : sc_engine_share_link_resolve of a token: a read transaction that reads the
//            program and the key, decodes the token and checks the signature; beside
//            EVP_DigestVerify of as many signatures with a key made once (target: 90%)
//
//   bench_share_links [links=2000] [verifies=20000] [rounds=10]
#include "support.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

using namespace bench;

namespace {

struct PkeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct CtxFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using Ctx = std::unique_ptr<EVP_MD_CTX, CtxFree>;

[[noreturn]] void openssl_failed(const char* what) {
    std::fprintf(stderr, "bench_share_links: OpenSSL %s failed\n", what);
    std::exit(1);
}

// The raw floor: one EVP_MD_CTX per operation, as the engine's verifier does.
class RawEd25519 {
public:
    RawEd25519() {
        EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
        if (key == nullptr) openssl_failed("keygen");
        key_.reset(key);
        message_.assign(115, 'm');  // the signed bytes of a typical token
        signature_.resize(64);
        sign_once(signature_.data());
    }

    double sign(int64_t n) {
        std::vector<unsigned char> out(64);
        const auto start = Clock::now();
        for (int64_t i = 0; i < n; ++i) {
            message_[0] = static_cast<char>(i);
            sign_once(out.data());
        }
        message_[0] = 'm';
        return seconds_since(start);
    }

    double verify(int64_t n) {
        const auto start = Clock::now();
        for (int64_t i = 0; i < n; ++i) {
            Ctx ctx(EVP_MD_CTX_new());
            if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1 ||
                EVP_DigestVerify(ctx.get(), signature_.data(), signature_.size(),
                                 reinterpret_cast<const unsigned char*>(message_.data()), message_.size()) != 1)
                openssl_failed("verify");
        }
        return seconds_since(start);
    }

private:
    void sign_once(unsigned char* out) {
        Ctx ctx(EVP_MD_CTX_new());
        size_t size = 64;
        if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1 ||
            EVP_DigestSign(ctx.get(), out, &size, reinterpret_cast<const unsigned char*>(message_.data()),
                           message_.size()) != 1)
            openssl_failed("sign");
    }

    Pkey key_;
    std::string message_;
    std::vector<unsigned char> signature_;
};

class Links {
public:
    explicit Links(const std::string& path) {
        EngineSettings settings;
        settings.clock = &clock_;
        engine_ = open_engine(path, settings);
        must(sc_engine_referral_program_put(engine_,
                                            "{\"url_template\":\"https://shop.example/s/{token}\","
                                            "\"link_lifetime_days\":30,\"clock_skew_seconds\":300}",
                                            err()),
             "sc_engine_referral_program_put");
        must(sc_engine_share_key_generate(engine_, "bench-key", nullptr, err()), "sc_engine_share_key_generate");
    }
    ~Links() { sc_engine_close(engine_); }
    Links(const Links&) = delete;
    Links& operator=(const Links&) = delete;

    double create(int64_t n) {
        const auto start = Clock::now();
        for (int64_t i = 0; i < n; ++i, ++next_) {
            const std::string sharer = id("sharer-", next_ % 500);
            const std::string key = id("share-", next_);
            sc_share_link* link = nullptr;
            must(sc_engine_share_link_create(engine_, sharer.c_str(), SC_SHARE_TARGET_SKU, "tea-oolong-250g", "wechat",
                                             key.c_str(), &link, err()),
                 "sc_engine_share_link_create");
            if (tokens_.size() < 1000) tokens_.emplace_back(sc_share_link_token(link));
            sc_share_link_free(link);
        }
        return seconds_since(start);
    }

    double verify(int64_t n) {
        const auto start = Clock::now();
        for (int64_t i = 0; i < n; ++i) {
            const std::string& token = tokens_[static_cast<size_t>(i) % tokens_.size()];
            sc_share_link* link = nullptr;
            must(sc_engine_share_link_resolve(engine_, token.c_str(), &link, err()), "sc_engine_share_link_resolve");
            sc_share_link_free(link);
        }
        return seconds_since(start);
    }

private:
    ManualClock clock_;
    sc_engine* engine_ = nullptr;
    int64_t next_ = 0;
    std::vector<std::string> tokens_;
};

}  // namespace

int main(int argc, char** argv) {
    const int64_t rounds = arg(argc, argv, 3, 10);
    const int64_t links = std::max<int64_t>(1, arg(argc, argv, 1, 2000) / rounds);
    const int64_t verifies = std::max<int64_t>(1, arg(argc, argv, 2, 20000) / rounds);
    std::printf("socialcart %s · share links: %lld made, %lld verified, durability normal,\n"
                "in %lld alternating rounds beside raw OpenSSL Ed25519 sign and verify\n\n",
                sc_version(), static_cast<long long>(links * rounds), static_cast<long long>(verifies * rounds),
                static_cast<long long>(rounds));
    const TempDb db("sc-bench-share-links.db");
    Links engine(db.path());
    RawEd25519 raw;
    engine.create(100);  // warm up both, and tokens to verify
    raw.sign(100);
    raw.verify(100);

    Report report("share_links");
    std::printf("%-30s %12s %12s %15s %8s %8s %8s\n", "operation", "engine op/s", "raw op/s", "ratio (median)", "min",
                "max", "target");
    const Alternated create = alternate_rounds(links, rounds, [&](int64_t n) { return engine.create(n); },
                                      [&](int64_t n) { return raw.sign(n); });
    const Alternated verify = alternate_rounds(verifies, rounds, [&](int64_t n) { return engine.verify(n); },
                                      [&](int64_t n) { return raw.verify(n); });
    const struct {
        const char* name;
        const char* label;
        const Alternated& m;
        const char* raw_name;
    } rows[] = {{"create", "link made (signed, stored)", create, "sign"},
                {"verify", "link verified (token)", verify, "verify"}};
    for (const auto& row : rows) {
        const double ratio = median(row.m.ratios);
        const bool is_verify = std::string(row.name) == "verify";
        std::printf("%-30s %12.0f %12.0f %14.1f%% %7.1f%% %7.1f%% %8s\n", row.label, row.m.engine_per_s,
                    row.m.raw_per_s, 100 * ratio, 100 * min_of(row.m.ratios), 100 * max_of(row.m.ratios),
                    is_verify ? ">= 90%" : "-");
        Figure& f = report.add(std::string("share_links.") + row.name + ".ops_per_s", row.m.engine_per_s, "op/s")
                        .with_baseline(row.m.raw_per_s)
                        .with_ratio(ratio)
                        .with("ratio_min", min_of(row.m.ratios))
                        .with("ratio_max", max_of(row.m.ratios))
                        .with_text("ratio_is", std::string("median over rounds of (engine op/s) / (raw Ed25519 ") +
                                                   row.raw_name + " op/s)");
        if (is_verify) f.with_target(0.9, ratio >= 0.9);
        report.add(std::string("share_links.raw_") + row.raw_name + ".ops_per_s", row.m.raw_per_s, "op/s");
    }
    std::printf("\nratio = engine op/s / raw op/s per round; the median and the spread over rounds.\n"
                "Target: a verified link >= 90%% of the raw verify rate.\n");
    report.write();
    return 0;
}

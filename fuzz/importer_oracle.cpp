#include "importer_oracle.hpp"

#include <socialcart/socialcart.h>

#include <cctype>
#include <cstring>
#include <set>

namespace sc::fuzz {

namespace {

// The catalog the second engine starts with: same currency as most seeds, so documents
// both replace SKUs and meet a currency they must match.
constexpr const char* kBaseCatalog =
    R"({"format":"socialcart.program/1","currency":"CNY","skus":[)"
    R"({"id":"base-tea","merchant_id":"m1","title":"Tea","list_price":6800,"stock":5},)"
    R"({"id":"base-cup","merchant_id":"m1","title":"Cup","list_price":3950}]})";

int64_t fixed_clock(void*) { return 1767225600000; }  // 2026-01-01T00:00:00Z

// The importer's rules, as they read after "<field>: ", with digits written N. A message
// outside this list is either a new rule (add it) or text that came from the document.
const std::set<std::string>& known_rules() {
    static const std::set<std::string> rules = {
        "unknown field",
        "is required",
        "must be a string",
        "must be an object",
        "must be an array",
        "must be an array of strings",
        "must be true or false",
        "must be a JSON object",
        "must be JSON text",
        "must be \"socialcart.program/N\"",
        "must be an integer (money is a count of minor units)",
        "is larger than N bits allow",
        "must be an active ISO N code with a minor unit, such as CNY",
        "duplicates skus[N].id",
        "is not valid UTF-N",
        "must not be empty",
        "is longer than N bytes",
        "must not contain control characters",
        "must not contain bidirectional override or isolate characters",
        "must not contain bidirectional marks",
        "must not contain zero-width characters",
        "must not be negative",
        "must be at least N",
        "appears more than once in the same object",
        "is a number too large to represent",
        "is not valid JSON",
        "is not valid JSON (syntax error near byte N)",
        "is nested deeper than N levels",
        "the catalog is priced in CNY and keeps one currency",
        "must not be lower than the N unit(s) held by unpaid orders",
    };
    return rules;
}

std::string digits_as_n(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] >= '0' && text[i] <= '9') {
            out += 'N';
            while (i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

bool printable_ascii(const char* s) {
    for (; *s != '\0'; ++s)
        if (static_cast<unsigned char>(*s) < 0x20 || static_cast<unsigned char>(*s) >= 0x7F) return false;
    return true;
}

// name ( "." name | "[" digits "]" )*, where a name is [A-Za-z0-9_-]{1,64} or "*".
bool plain_path(const std::string& path) {
    size_t i = 0;
    bool expect_name = true;
    while (i < path.size()) {
        if (expect_name) {
            size_t n = 0;
            if (path[i] == '*') {
                n = 1;
            } else {
                while (i + n < path.size() && (std::isalnum(static_cast<unsigned char>(path[i + n])) ||
                                               path[i + n] == '_' || path[i + n] == '-'))
                    ++n;
            }
            if (n == 0 || n > 64) return false;
            i += n;
            expect_name = false;
        } else if (path[i] == '.') {
            ++i;
            expect_name = true;
        } else if (path[i] == '[') {
            size_t n = 0;
            while (i + 1 + n < path.size() && std::isdigit(static_cast<unsigned char>(path[i + 1 + n]))) ++n;
            if (n == 0 || i + 1 + n >= path.size() || path[i + 1 + n] != ']') return false;
            i += n + 2;
        } else {
            return false;
        }
    }
    return !expect_name;
}

// Everything a failed import may have changed: the catalog (as an export) and the log.
std::string fingerprint(sc_engine* engine, std::string& problem) {
    char* exported = nullptr;
    sc_events* events = nullptr;
    std::string out;
    if (sc_engine_program_export(engine, &exported, nullptr) != SC_OK) problem = "export failed";
    if (exported != nullptr) out = exported;
    sc_string_free(exported);
    if (sc_engine_events_read(engine, 0, 10000, &events, nullptr) != SC_OK) problem = "events_read failed";
    const size_t count = sc_events_count(events);
    out += "\nevents " + std::to_string(count);
    if (count > 0) out += " last " + std::to_string(sc_events_seq(events, count - 1));
    sc_events_free(events);
    return out;
}

sc_engine* open_engine(std::string& problem) {
    sc_options* options = nullptr;
    sc_engine* engine = nullptr;
    if (sc_options_new(&options, nullptr) != SC_OK ||
        sc_options_set_clock(options, fixed_clock, nullptr, nullptr, nullptr) != SC_OK ||
        sc_engine_open(":memory:", options, &engine, nullptr) != SC_OK)
        problem = "could not open an in-memory engine";
    sc_options_free(options);
    return engine;
}

std::string export_of(sc_engine* engine) {
    char* text = nullptr;
    if (sc_engine_program_export(engine, &text, nullptr) != SC_OK) return "<export failed>";
    std::string out = text;
    sc_string_free(text);
    return out;
}

// The checks on one refusal; returns what broke, or "".
std::string check_refusal(sc_status_t status, const sc_error* err) {
    if (status != SC_ERR_VALIDATION && status != SC_ERR_INVALID_UTF8 && status != SC_ERR_CURRENCY_MISMATCH)
        return std::string("undocumented status ") + sc_status_name(status) + ": " +
               (err ? sc_error_message(err) : "(no error object)");
    if (err == nullptr) return "no error object";
    if (sc_error_code(err) != status) return "error code differs from the status";
    if (sc_error_retryable(err)) return "a refused document is reported as retryable";
    const std::string message = sc_error_message(err);
    const char* field_c = sc_error_field(err);
    const std::string field = field_c ? field_c : "";
    if (!printable_ascii(message.c_str())) return "message is not printable ASCII: " + message;
    if (!printable_ascii(field.c_str())) return "field is not printable ASCII";
    if (status == SC_ERR_INVALID_UTF8)
        return field == "json" && message == "json is not valid UTF-8" ? "" : "unexpected UTF-8 error: " + message;
    if (field_c != nullptr && !plain_path(field)) return "field is not a path of plain names: " + field;
    const std::string prefix = (field.empty() ? "document" : field) + ": ";
    if (message.compare(0, prefix.size(), prefix) != 0) return "message does not start with its field: " + message;
    if (!known_rules().count(digits_as_n(message.substr(prefix.size()))))
        return "message is not one of the importer's rules: " + message;
    return "";
}

// Imports into `engine` and checks the outcome.
std::string check_on(sc_engine* engine, const char* document, bool* accepted) {
    std::string problem;
    const std::string before = fingerprint(engine, problem);
    sc_error* err = nullptr;
    const sc_status_t status = sc_engine_program_import(engine, document, &err);
    if (accepted != nullptr) *accepted = status == SC_OK;
    if (status != SC_OK) {
        problem = check_refusal(status, err);
        sc_error_free(err);
        if (!problem.empty()) return problem;
        if (fingerprint(engine, problem) != before) return "a refused import changed the engine";
        if (sc_engine_program_import(engine, document, nullptr) != status) return "status differs with err == NULL";
        return problem;
    }
    if (err != nullptr) return "err was set on success";
    // Round trip: the export imports into a fresh engine and exports the same.
    const std::string exported = export_of(engine);
    sc_engine* other = open_engine(problem);
    if (other == nullptr) return problem;
    sc_error* err2 = nullptr;
    if (sc_engine_program_import(other, exported.c_str(), &err2) != SC_OK) {
        problem = std::string("the export does not import again: ") + sc_error_message(err2);
    } else if (export_of(other) != exported) {
        problem = "export, import, export differs";
    }
    sc_error_free(err2);
    sc_engine_close(other);
    if (!problem.empty()) return problem;
    // And into the same engine, changing nothing.
    if (sc_engine_program_import(engine, exported.c_str(), nullptr) != SC_OK) return "the export does not re-import";
    if (export_of(engine) != exported) return "re-importing the export changed the catalog";
    return "";
}

// The two engines documents are imported into. A refused import leaves its engine as it
// was (the check proves it by fingerprint), so the engine serves the next document too;
// one that took a document is closed and the next check opens it afresh. Opening engines
// was most of the cost of a check.
struct Engines {
    sc_engine* empty = nullptr;
    sc_engine* loaded = nullptr;

    std::string open_missing() {
        std::string problem;
        if (empty == nullptr) empty = open_engine(problem);
        if (loaded == nullptr && problem.empty()) {
            loaded = open_engine(problem);
            if (problem.empty() && sc_engine_program_import(loaded, kBaseCatalog, nullptr) != SC_OK)
                problem = "the base catalog does not import";
        }
        return problem;
    }
    static void close(sc_engine*& engine) {
        sc_engine_close(engine);
        engine = nullptr;
    }
};

}  // namespace

std::string check_import(std::string_view bytes, bool* accepted) {
    static Engines engines;
    std::string problem = engines.open_missing();
    if (!problem.empty()) return problem;
    const int64_t live_before = sc_live_object_count();
    const std::string document(bytes);  // c_str() is cut at the first NUL, as a host's would be
    bool empty_took = false;
    bool loaded_took = false;
    problem = check_on(engines.empty, document.c_str(), &empty_took);
    if (!problem.empty()) problem = "(empty engine) " + problem;
    if (problem.empty()) {
        problem = check_on(engines.loaded, document.c_str(), &loaded_took);
        if (!problem.empty()) problem = "(engine with a CNY catalog) " + problem;
    }
    if (problem.empty() && sc_live_object_count() != live_before) problem = "handles leaked";
    // After a failed check the engines' state is unknown: start afresh either way.
    if (empty_took || !problem.empty()) Engines::close(engines.empty);
    if (loaded_took || !problem.empty()) Engines::close(engines.loaded);
    if (accepted != nullptr) *accepted = empty_took;
    return problem;
}

}  // namespace sc::fuzz

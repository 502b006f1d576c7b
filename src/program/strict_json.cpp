#include "program/strict_json.hpp"

#include "core/error.hpp"

#include <optional>
#include <vector>

namespace sc {

using nlohmann::json;

std::string field_path(const std::string& prefix, const std::string& key) {
    bool plain = !key.empty() && key.size() <= 64;
    for (char c : key)
        plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                          c == '-');
    return prefix + (plain ? key : "*");
}

namespace {

Error validation_error(const std::string& field, const std::string& why) {
    return Error(SC_ERR_VALIDATION, (field.empty() ? "document" : field) + ": " + why, field);
}

// Builds the DOM like nlohmann's own SAX DOM builder, and knows at every step the path
// of the value being read, so errors can name it.
class StrictBuilder {
public:
    bool null() { return add(json(nullptr)); }
    bool boolean(bool v) { return add(json(v)); }
    bool number_integer(json::number_integer_t v) { return add(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return add(json(v)); }
    bool number_float(json::number_float_t v, const json::string_t&) { return add(json(v)); }
    bool string(json::string_t& v) { return add(json(std::move(v))); }
    bool binary(json::binary_t&) { return stop(std::string(), "must be JSON text"); }  // JSON text has none

    bool start_object(std::size_t) { return open(json::value_t::object); }
    bool start_array(std::size_t) { return open(json::value_t::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(json::string_t& k) {
        Frame& frame = frames_.back();
        frame.key = k;
        if (frame.value->contains(k)) return stop(pending_path(), "appears more than once in the same object");
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        // 406: a number that does not fit a double (1e400). Everything else is syntax.
        if (ex.id == 406) return stop(pending_path(), "is a number too large to represent");
        return stop(std::string(), "is not valid JSON (syntax error near byte " + std::to_string(position) + ")");
    }

    json take() {
        if (error_) throw *error_;
        return std::move(root_);
    }

private:
    struct Frame {
        json* value;
        std::string path;  // of this container
        std::string key;   // objects: the key whose value comes next
    };

    // The path of the value about to be read.
    std::string pending_path() const {
        if (frames_.empty()) return {};
        const Frame& f = frames_.back();
        if (f.value->is_array()) return f.path + "[" + std::to_string(f.value->size()) + "]";
        return field_path(f.path.empty() ? f.path : f.path + ".", f.key);
    }

    bool stop(const std::string& field, const std::string& why) {
        if (!error_) error_ = validation_error(field, why);
        return false;  // ends the parse
    }

    json* place(json&& value) {
        if (frames_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        Frame& f = frames_.back();
        if (f.value->is_array()) {
            f.value->push_back(std::move(value));
            return &f.value->back();
        }
        json& slot = (*f.value)[f.key];
        slot = std::move(value);
        return &slot;
    }

    bool add(json&& value) {
        place(std::move(value));
        return true;
    }

    bool open(json::value_t type) {
        std::string path = pending_path();
        if (frames_.size() >= kMaxJsonDepth)
            return stop(path, "is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        json* container = place(json(type));
        frames_.push_back(Frame{container, std::move(path), {}});
        return true;
    }

    bool close() {
        frames_.pop_back();
        return true;
    }

    json root_;
    std::vector<Frame> frames_;
    std::optional<Error> error_;
};

}  // namespace

json parse_strict_json(std::string_view text) {
    StrictBuilder builder;
    const bool parsed = json::sax_parse(text.begin(), text.end(), &builder);
    json doc = builder.take();  // throws the error the builder recorded
    if (!parsed) throw validation_error(std::string(), "is not valid JSON");
    return doc;
}

void invalid_field(const std::string& field, const std::string& why) {
    fail(SC_ERR_VALIDATION, (field.empty() ? "document" : field) + ": " + why, field);
}

void only_known_keys(const nlohmann::json& obj, const std::set<std::string>& known, const std::string& prefix) {
    for (const auto& [key, value] : obj.items())
        if (!known.count(key)) invalid_field(field_path(prefix, key), "unknown field");
}

const nlohmann::json& required_field(const nlohmann::json& obj, const char* key, const std::string& prefix) {
    auto it = obj.find(key);
    if (it == obj.end()) invalid_field(prefix + key, "is required");
    return *it;
}

std::string string_field(const nlohmann::json& value, const std::string& field) {
    if (!value.is_string()) invalid_field(field, "must be a string");
    return value.get<std::string>();
}

int64_t integer_field(const nlohmann::json& value, const std::string& field) {
    if (value.is_number_unsigned()) {
        const auto u = value.get<uint64_t>();
        if (u > static_cast<uint64_t>(INT64_MAX)) invalid_field(field, "is larger than 64 bits allow");
        return static_cast<int64_t>(u);
    }
    if (!value.is_number_integer()) invalid_field(field, "must be an integer (money is a count of minor units)");
    return value.get<int64_t>();
}

bool bool_field(const nlohmann::json& value, const std::string& field) {
    if (!value.is_boolean()) invalid_field(field, "must be true or false");
    return value.get<bool>();
}

}  // namespace sc

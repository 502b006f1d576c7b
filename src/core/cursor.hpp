#pragma once
// Opaque paging cursors. A cursor is a keyset position (the sort key of the last item
// of a page) that the host passes back unchanged. It is signed with a key of the
// database (HMAC-SHA-256) over the query it belongs to, so a cursor that was altered,
// truncated, or made for another query or another database file is refused with
// SC_ERR_INVALID_ARGUMENT (field "cursor") instead of being misread.
#include <string>
#include <vector>

namespace sc {

// The token for `fields` (text without control characters) under `query`, which names
// the query and its arguments.
std::string seal_cursor(const std::string& key, const std::string& query, const std::vector<std::string>& fields);

// The fields of a token made by seal_cursor with the same key and query; throws
// SC_ERR_INVALID_ARGUMENT (field "cursor") for anything else, or for a count other than
// `count`.
std::vector<std::string> open_cursor(const std::string& key, const std::string& query, const std::string& token,
                                     size_t count);

}  // namespace sc

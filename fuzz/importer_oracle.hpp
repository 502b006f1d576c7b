#pragma once
// What must hold whenever bytes reach sc_engine_program_import, shared by the libFuzzer
// target (fuzz/importer_fuzz.cpp) and the seeded mutation test in the normal suite
// (tests/mutation). It calls only the C ABI, as a host would.
#include <string>
#include <string_view>

namespace sc::fuzz {

// Imports `document` (cut at its first NUL, as a C string is) into a fresh in-memory
// engine and into one that already holds a CNY catalog, and checks:
//  - the status is SC_OK or one the header documents for the call;
//  - a refusal comes with an error object whose code matches, whose message is ASCII
//    English made of the field and one of the importer's rules (so it is valid UTF-8 and
//    repeats no document text), whose field is a path of plain names, and the same status
//    comes back when err is NULL;
//  - a refused import changes nothing (export and event log compared before and after);
//  - an accepted import exports a document that imports into a fresh engine and exports
//    the same again, and that re-imports into the same engine without changing it;
//  - no handle leaks.
// Returns an empty string when all hold, else a description of what broke. *accepted
// (when given) says whether the empty engine took the document.
std::string check_import(std::string_view document, bool* accepted = nullptr);

}  // namespace sc::fuzz

/**
 * @file socialcart/program.h
 * The program document (JSON): importing and exporting an operator's program.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_PROGRAM_H
#define SOCIALCART_PROGRAM_H

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Validates a program document and applies it in one transaction: all of it or
 * nothing. SKUs in it are created or replaced; SKUs not in it are kept. The
 * document is read strictly (docs/program-document.md): unknown fields,
 * duplicate keys, numbers too large to represent, nesting deeper than 32
 * levels and ids or text that break the rules of "Text and limits" above are
 * refused. Error messages name the field and the rule and never repeat text
 * from the document.
 * @param json the document, NUL-terminated UTF-8.
 * @return SC_ERR_INVALID_ARGUMENT for a NULL engine or json,
 *         SC_ERR_VALIDATION with the field at fault (e.g.
 *         "skus[2].list_price"; no field when the text is not a JSON object),
 *         SC_ERR_INVALID_UTF8 (field "json") for bytes that are not UTF-8,
 *         SC_ERR_CURRENCY_MISMATCH when the catalog already uses another
 *         currency. Thread-safe.
 */
SC_API sc_status_t sc_engine_program_import(sc_engine* engine, const char* json, sc_error** err);

/**
 * Exports the catalog as a program document that sc_engine_program_import()
 * accepts.
 * @param json_out receives the document; free with sc_string_free().
 * Thread-safe.
 */
SC_API sc_status_t sc_engine_program_export(sc_engine* engine, char** json_out, sc_error** err);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_PROGRAM_H */

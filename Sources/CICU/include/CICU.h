#ifndef CONCORD_CICU_H
#define CONCORD_CICU_H
/* A narrow C shim over the system ICU. The public header uses <stdint.h>
 * types only: Foundation on Linux carries its own ICU, and a Swift module that
 * sees both sets of ICU headers does not compile. Text is UTF-16 throughout,
 * as ICU wants it; offsets are UTF-16 code-unit offsets. Every function that
 * can fail takes an `int32_t *status` holding an ICU UErrorCode (0 = success,
 * negative = warning, positive = failure); cicu_error_name() names it. */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The symbolic name of an ICU error code, e.g. "U_REGEX_RULE_SYNTAX". */
const char *cicu_error_name(int32_t status);

/* ---- Character sets ------------------------------------------------------------ */

/** Converts `length` bytes in `charset` (an ICU converter name: "windows-1251", "KOI8-R", "GB18030",
 * "Big5", "UTF-16LE" …) to UTF-16 in `buffer`; stops at the first byte sequence that is not valid in
 * the charset. Returns the UTF-16 length; on an invalid sequence sets *status to a failure and
 * *error_offset to its byte offset; an unknown charset gives U_FILE_ACCESS_ERROR. */
int32_t cicu_convert_to_utf16(const char *charset, const uint8_t *bytes, int32_t length,
                              uint16_t *buffer, int32_t capacity, int32_t *error_offset, int32_t *status);

/* ---- Languages -------------------------------------------------------------- */

/** The ISO 639 language codes ICU knows (two letters, and three where there is no two-letter code), NULL after the last. */
const char *cicu_iso_language(int32_t index);
/** The three-letter ISO 639-2 code of `code` ("en" -> "eng"), "" when ICU has none. */
const char *cicu_iso3_language(const char *code);
/** The name of language `code` in `display` (e.g. "en"), as UTF-16 into `buffer`; returns the length. */
int32_t cicu_language_name(const char *code, const char *display, uint16_t *buffer, int32_t capacity, int32_t *status);

/* ---- Break iteration ------------------------------------------------------ */

typedef struct CICUBreakIterator CICUBreakIterator;

enum {
    CICU_BREAK_CHARACTER = 0,
    CICU_BREAK_WORD = 1,
    CICU_BREAK_LINE = 2,
    CICU_BREAK_SENTENCE = 3
};

/** Opens a break iterator of `kind` for `locale` (ICU locale id, e.g. "en@ss=standard"). */
CICUBreakIterator *cicu_break_open(int32_t kind, const char *locale, int32_t *status);
/** Points the iterator at `text`, which the caller keeps alive until the next call or close. */
void cicu_break_set_text(CICUBreakIterator *it, const uint16_t *text, int32_t length, int32_t *status);
/** The first boundary (always 0). */
int32_t cicu_break_first(CICUBreakIterator *it);
/** The next boundary, or -1 when there is none. */
int32_t cicu_break_next(CICUBreakIterator *it);
/** The rule status of the boundary last returned (word breaks: 0 none, 100 number, 200 letter, 300 kana, 400 ideographic). */
int32_t cicu_break_rule_status(CICUBreakIterator *it);
void cicu_break_close(CICUBreakIterator *it);

/* ---- Regular expressions ---------------------------------------------------- */

typedef struct CICURegex CICURegex;

enum {
    CICU_REGEX_CASE_INSENSITIVE = 2,
    CICU_REGEX_COMMENTS = 4,
    CICU_REGEX_DOTALL = 32,
    CICU_REGEX_MULTILINE = 8,
    CICU_REGEX_UWORD = 256
};

/** Compiles `pattern`. On a syntax error `status` is set and `error_line`/`error_offset` locate it. */
CICURegex *cicu_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags,
                           int32_t *error_line, int32_t *error_offset, int32_t *status);
/** An independent copy sharing the compiled pattern (for use on another thread). */
CICURegex *cicu_regex_clone(const CICURegex *re, int32_t *status);
/* Bounds one match operation (ICU's steps, roughly milliseconds); 0 means none. */
void cicu_regex_set_time_limit(CICURegex *re, int32_t limit, int32_t *status);
/* The status a match ends with when it runs past the time limit (U_REGEX_TIME_OUT). */
int32_t cicu_regex_time_out_status(void);
/** Sets the subject text; the caller keeps it alive while matching. */
void cicu_regex_set_text(CICURegex *re, const uint16_t *text, int32_t length, int32_t *status);
/** Limits matching to [start, end). With transparent bounds, look-around and \b see outside the
 *  region; with anchoring bounds, ^ and $ match at the region's ends. */
void cicu_regex_set_region(CICURegex *re, int32_t start, int32_t end, int32_t transparent, int32_t anchoring, int32_t *status);
/** 1 when the pattern matches starting exactly at `index` (need not reach the end). */
int32_t cicu_regex_looking_at(CICURegex *re, int32_t index, int32_t *status);
/** 1 when the pattern matches the whole region. */
int32_t cicu_regex_matches(CICURegex *re, int32_t *status);
/** 1 when a match is found at or after `start` (-1: continue after the previous match). */
int32_t cicu_regex_find(CICURegex *re, int32_t start, int32_t *status);
/** Start and end of capture `group` (0 = whole match) of the last match; -1 if the group did not take part. */
int32_t cicu_regex_start(CICURegex *re, int32_t group, int32_t *status);
int32_t cicu_regex_end(CICURegex *re, int32_t group, int32_t *status);
void cicu_regex_close(CICURegex *re);

/* ---- Normalisation ---------------------------------------------------------- */

enum {
    CICU_NORM_NFC = 0,
    CICU_NORM_NFD = 1,
    CICU_NORM_NFKC = 2,
    CICU_NORM_NFKD = 3,
    CICU_NORM_NFKC_CASEFOLD = 4
};

/** Normalises `src` into `dest`; returns the full length needed (call again with more room if larger than `capacity`). */
int32_t cicu_normalize(int32_t form, const uint16_t *src, int32_t length,
                       uint16_t *dest, int32_t capacity, int32_t *status);
/** 1 when `codepoint` starts a new normalisation unit: text may be cut before it and normalised piecewise. */
int32_t cicu_normalize_has_boundary_before(int32_t form, uint32_t codepoint);
/** 1 when `codepoint` is unchanged by `form` and never interacts with its neighbours. */
int32_t cicu_normalize_is_inert(int32_t form, uint32_t codepoint);

/* ---- Transliteration -------------------------------------------------------- */

typedef struct CICUTransliterator CICUTransliterator;

/** Opens a transform by id, e.g. "Traditional-Simplified" or "Russian-Latin/BGN". */
CICUTransliterator *cicu_translit_open(const uint16_t *id, int32_t length, int32_t *status);
/** Transliterates `text` in place; returns the new length (may exceed `capacity`: retry with more room). */
int32_t cicu_translit(CICUTransliterator *t, uint16_t *text, int32_t length, int32_t capacity, int32_t *status);
void cicu_translit_close(CICUTransliterator *t);

/* ---- Character properties ---------------------------------------------------- */

/** ICU's UScriptCode for `codepoint` (0 common, 1 inherited, 8 Cyrillic, 17 Han, 25 Latin, ...). */
int32_t cicu_script(uint32_t codepoint);
/** The general category (UCharCategory) of `codepoint`. */
int32_t cicu_char_type(uint32_t codepoint);

#ifdef __cplusplus
}
#endif
#endif

#include "CICU.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/uregex.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/uscript.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

const char *cicu_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}

/* ---- Break iteration ---- */

CICUBreakIterator *cicu_break_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, &err);
    *status = err;
    return (CICUBreakIterator *)it;
}

void cicu_break_set_text(CICUBreakIterator *it, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)it, (const UChar *)text, length, &err);
    *status = err;
}

int32_t cicu_break_first(CICUBreakIterator *it) { return ubrk_first((UBreakIterator *)it); }

int32_t cicu_break_next(CICUBreakIterator *it) {
    int32_t next = ubrk_next((UBreakIterator *)it);
    return next == UBRK_DONE ? -1 : next;
}

int32_t cicu_break_rule_status(CICUBreakIterator *it) { return ubrk_getRuleStatus((UBreakIterator *)it); }

void cicu_break_close(CICUBreakIterator *it) {
    if (it) ubrk_close((UBreakIterator *)it);
}

/* ---- Regular expressions ---- */

CICURegex *cicu_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags,
                           int32_t *error_line, int32_t *error_offset, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UParseError pe;
    memset(&pe, 0, sizeof pe);
    URegularExpression *re = uregex_open((const UChar *)pattern, length, flags, &pe, &err);
    *status = err;
    if (error_line) *error_line = pe.line;
    if (error_offset) *error_offset = pe.offset;
    return (CICURegex *)re;
}

CICURegex *cicu_regex_clone(const CICURegex *re, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    URegularExpression *copy = uregex_clone((const URegularExpression *)re, &err);
    *status = err;
    return (CICURegex *)copy;
}

void cicu_regex_set_time_limit(CICURegex *re, int32_t limit, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    uregex_setTimeLimit((URegularExpression *)re, limit, &err);
    *status = err;
}

int32_t cicu_regex_time_out_status(void) { return U_REGEX_TIME_OUT; }

void cicu_regex_set_text(CICURegex *re, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    uregex_setText((URegularExpression *)re, (const UChar *)text, length, &err);
    *status = err;
}

void cicu_regex_set_region(CICURegex *re, int32_t start, int32_t end, int32_t transparent, int32_t anchoring, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    uregex_setRegion((URegularExpression *)re, start, end, &err);
    if (U_SUCCESS(err)) uregex_useTransparentBounds((URegularExpression *)re, transparent ? 1 : 0, &err);
    if (U_SUCCESS(err)) uregex_useAnchoringBounds((URegularExpression *)re, anchoring ? 1 : 0, &err);
    *status = err;
}

int32_t cicu_regex_looking_at(CICURegex *re, int32_t index, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBool found = uregex_lookingAt((URegularExpression *)re, index, &err);
    *status = err;
    return found ? 1 : 0;
}

int32_t cicu_regex_matches(CICURegex *re, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBool found = uregex_matches((URegularExpression *)re, -1, &err);
    *status = err;
    return found ? 1 : 0;
}

int32_t cicu_regex_find(CICURegex *re, int32_t start, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBool found = start < 0 ? uregex_findNext((URegularExpression *)re, &err)
                            : uregex_find((URegularExpression *)re, start, &err);
    *status = err;
    return found ? 1 : 0;
}

int32_t cicu_regex_start(CICURegex *re, int32_t group, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t v = uregex_start((URegularExpression *)re, group, &err);
    *status = err;
    return v;
}

int32_t cicu_regex_end(CICURegex *re, int32_t group, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t v = uregex_end((URegularExpression *)re, group, &err);
    *status = err;
    return v;
}

void cicu_regex_close(CICURegex *re) {
    if (re) uregex_close((URegularExpression *)re);
}

/* ---- Normalisation ---- */

static const UNormalizer2 *normalizer(int32_t form, UErrorCode *err) {
    switch (form) {
    case CICU_NORM_NFC: return unorm2_getNFCInstance(err);
    case CICU_NORM_NFD: return unorm2_getNFDInstance(err);
    case CICU_NORM_NFKC: return unorm2_getNFKCInstance(err);
    case CICU_NORM_NFKD: return unorm2_getNFKDInstance(err);
    case CICU_NORM_NFKC_CASEFOLD: return unorm2_getNFKCCasefoldInstance(err);
    default: *err = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
}

int32_t cicu_normalize(int32_t form, const uint16_t *src, int32_t length,
                       uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form, &err);
    int32_t result = 0;
    if (U_SUCCESS(err)) {
        result = unorm2_normalize(n, (const UChar *)src, length, (UChar *)dest, capacity, &err);
    }
    if (err == U_BUFFER_OVERFLOW_ERROR) err = U_ZERO_ERROR; /* the caller retries from the length */
    *status = err;
    return result;
}

int32_t cicu_normalize_has_boundary_before(int32_t form, uint32_t codepoint) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form, &err);
    return U_SUCCESS(err) && unorm2_hasBoundaryBefore(n, (UChar32)codepoint) ? 1 : 0;
}

int32_t cicu_normalize_is_inert(int32_t form, uint32_t codepoint) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form, &err);
    return U_SUCCESS(err) && unorm2_isInert(n, (UChar32)codepoint) ? 1 : 0;
}

/* ---- Transliteration ---- */

CICUTransliterator *cicu_translit_open(const uint16_t *id, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU((const UChar *)id, length, UTRANS_FORWARD, NULL, 0, NULL, &err);
    *status = err;
    return (CICUTransliterator *)t;
}

int32_t cicu_translit(CICUTransliterator *t, uint16_t *text, int32_t length, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars((const UTransliterator *)t, (UChar *)text, &textLength, capacity, 0, &limit, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) err = U_ZERO_ERROR; /* textLength says how much room is needed */
    *status = err;
    return textLength;
}

void cicu_translit_close(CICUTransliterator *t) {
    if (t) utrans_close((UTransliterator *)t);
}

/* ---- Character properties ---- */

int32_t cicu_script(uint32_t codepoint) {
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)codepoint, &err);
    return U_SUCCESS(err) ? (int32_t)code : -1;
}

int32_t cicu_char_type(uint32_t codepoint) { return (int32_t)u_charType((UChar32)codepoint); }

/* ---- Languages ---- */

const char *cicu_iso_language(int32_t index) {
    const char *const *codes = uloc_getISOLanguages();
    for (int32_t i = 0; i < index; i++) {
        if (codes[i] == NULL) return NULL;
    }
    return codes[index];
}

const char *cicu_iso3_language(const char *code) {
    return uloc_getISO3Language(code);
}

int32_t cicu_language_name(const char *code, const char *display, uint16_t *buffer, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t length = uloc_getDisplayLanguage(code, display, (UChar *)buffer, capacity, &err);
    *status = err;
    return length;
}

/* ---- Character sets ---- */

int32_t cicu_convert_to_utf16(const char *charset, const uint8_t *bytes, int32_t length,
                              uint16_t *buffer, int32_t capacity, int32_t *error_offset, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    *error_offset = -1;
    UConverter *converter = ucnv_open(charset, &err);
    if (U_FAILURE(err)) { *status = err; return 0; }
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    const char *source = (const char *)bytes;
    const char *sourceLimit = source + length;
    UChar *target = (UChar *)buffer;
    UChar *targetLimit = target + capacity;
    ucnv_toUnicode(converter, &target, targetLimit, &source, sourceLimit, NULL, 1, &err);
    if (U_FAILURE(err) && err != U_BUFFER_OVERFLOW_ERROR) {
        /* The invalid bytes were consumed: the fault starts that many bytes before `source`. */
        char invalid[32];
        int8_t invalidLength = sizeof invalid;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter, invalid, &invalidLength, &ignored);
        *error_offset = (int32_t)(source - (const char *)bytes) - invalidLength;
    }
    ucnv_close(converter);
    *status = err;
    return (int32_t)(target - (UChar *)buffer);
}

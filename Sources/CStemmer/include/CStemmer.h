#ifndef CONCORD_CSTEMMER_H
#define CONCORD_CSTEMMER_H
/* Snowball's C API (libstemmer). Debian ships the runtime (libstemmer0d) on a
 * fresh machine but the header only in libstemmer-dev, so the four functions
 * are declared here, as in Snowball's own libstemmer.h. */

#ifdef __cplusplus
extern "C" {
#endif

struct sb_stemmer;
typedef unsigned char sb_symbol;

/** Names of the available algorithms, NULL-terminated. */
const char **sb_stemmer_list(void);
/** A stemmer for `algorithm` ("english", "russian", ...) and `charenc` (NULL or "UTF_8"); NULL if unknown. */
struct sb_stemmer *sb_stemmer_new(const char *algorithm, const char *charenc);
void sb_stemmer_delete(struct sb_stemmer *stemmer);
/** Stems `word` (UTF-8, `size` bytes); the result lives until the next call on this stemmer. */
const sb_symbol *sb_stemmer_stem(struct sb_stemmer *stemmer, const sb_symbol *word, int size);
/** Length in bytes of the last result. */
int sb_stemmer_length(struct sb_stemmer *stemmer);

/** 1 when `algorithm` is among sb_stemmer_list(). */
int cstemmer_has_algorithm(const char *algorithm);

#ifdef __cplusplus
}
#endif
#endif

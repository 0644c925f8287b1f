#include "CStemmer.h"
#include <string.h>

int cstemmer_has_algorithm(const char *algorithm) {
    const char **names = sb_stemmer_list();
    for (; names && *names; names++) {
        if (strcmp(*names, algorithm) == 0) return 1;
    }
    return 0;
}

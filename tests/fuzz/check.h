/*
 * check.h — the check every ingest fuzz target makes on text it got
 * back: valid UTF-8 and no control character other than newline (abort()
 * otherwise, so libFuzzer reports the input).
 */
#ifndef DOSSIER_FUZZ_CHECK_H
#define DOSSIER_FUZZ_CHECK_H

#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"

/* Abort unless s (NULL is fine) is clean text. */
static void
check_clean(const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    if (!utf8_valid(s, n))
        abort();
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\n') || c == 0x7F)
            abort();
    }
}

#endif

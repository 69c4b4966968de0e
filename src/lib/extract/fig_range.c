/*
 * extract/fig_range.c — ranges the older readers split: a lower end that
 * repeats the upper end's scale ("1.8 billion to 2.1 billion crowns"), and
 * a noun's range in a sentence with a direction ("cut its forecast to
 * earnings of $4.10 to $4.30, down from its forecast of $4.60 to $4.80").
 */
#include "config.h"

#include <string.h>

#include "lib.h"

/* See lib.h. */
size_t
fig_range_scaled(const char *s, size_t n, size_t lo, size_t e, size_t ne)
{
    static const char *const scales[] = {"trillion", "billion", "million", "bln", "mln",
                                         "bn", "mn", "thousand", NULL};
    size_t wa = e;
    while (wa > lo && ex_is_lower((unsigned char)s[wa - 1]))
        wa--;
    if (wa == e || wa < lo + 2 || s[wa - 1] != ' ' || !ex_is_digit((unsigned char)s[wa - 2]))
        return e;
    size_t len = e - wa;
    if (ne + 1 + len > n || s[ne] != ' ' || memcmp(s + ne + 1, s + wa, len) != 0 ||
        (ne + 1 + len < n && ex_is_alpha((unsigned char)s[ne + 1 + len])))
        return e; /* the upper end must have the same scale */
    for (size_t i = 0; scales[i]; i++)
        if (strlen(scales[i]) == len && memcmp(scales[i], s + wa, len) == 0)
            return wa - 1;
    return e;
}

/* See lib.h. */
bool
fig_range_of(const char *s, const struct span *sent, const struct figure *p)
{
    struct fig_word w[2];
    size_t k = fig_words_before(s, sent->start, p->span.start, w, 2);
    /* "growth of 1%", not "a rise of 2% to 141p" (its units differ) nor
     * "a rise of 2% to 3%" (a change's noun before "of") */
    static const char *const moves[] = {"rise", "fall", "drop", "increase", "decrease",
                                        "gain", "loss", "decline", "jump", "cut", "climb", NULL};
    return k == 2 && fig_wis(s, &w[0], "of") && !fig_word_in(s, &w[1], moves);
}

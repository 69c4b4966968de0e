/*
 * extract/fig_participle.c — the doer of a participle clause: a figure
 * right after ", killing", ", averaging", ", leaving" (past "at least",
 * "more than", "about") belongs to the main clause's subject ("A magnitude
 * 6.4 quake struck ..., killing at least 14 people": the quake; "Duval won
 * the stage, averaging 38.6 km per hour": Duval), not to the figure before
 * it in the sentence. Then the noun a measure qualifies (fig_bare.c).
 */
#include "config.h"

#include <string.h>

#include "lib.h"

/* The -ing word ending at a ", " before the figure at fstart (past a
 * bound), or false. Sets *comma to where the main clause ends. */
static bool
fig_participle_before(const char *s, const struct span *sent, size_t fstart, size_t *comma)
{
    static const char *const bounds[] = {"at", "least", "more", "than", "about", "some",
                                         "nearly", "almost", "over", "around", "roughly",
                                         "an", "estimated", "a", "just", NULL};
    static const char *const not_doers[] = {"including", "excluding", "according", "during",
                                            "following", "totalling", "totaling", "amounting",
                                            "representing", "ranging", "starting", NULL};
    struct fig_word w[6];
    size_t k = fig_words_before(s, sent->start, fstart, w, 6), i = 0;
    while (i < k && fig_word_in(s, &w[i], bounds))
        i++;
    if (i >= k)
        return false;
    size_t a = w[i].start, e = w[i].end;
    if (e - a < 5 || memcmp(s + e - 3, "ing", 3) != 0 || fig_word_in(s, &w[i], not_doers))
        return false;
    if (a < sent->start + 3 || s[a - 1] != ' ' || s[a - 2] != ',')
        return false;
    *comma = a - 2;
    return true;
}

/* See lib.h. */
char *
fig_subject_early(const struct fig_res *fr, const char *s, const struct span *sent,
                  const struct figure *f)
{
    size_t comma;
    if (fig_participle_before(s, sent, f->span.start, &comma)) {
        char *r = fig_subject_tidy(fr, fig_subject_main(fr, s, sent, comma));
        if (r)
            return r;
    }
    return fig_subject_modified(s, sent, f);
}

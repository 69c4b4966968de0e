/*
 * ingest/clean_shapes.c — furniture shapes found on pages nobody here wrote
 * (issue 12's held-out set heldout_meta): a photo viewer's "Name, AGENCY"
 * credit, a caption ending in ". Photograph: X", a video's text ending in a
 * credit in capitals ("... USA TODAY"), promos in capitals, a wire desk's
 * sign-off ("burs-jh/sst"), "Image source," / "Image caption," lines, and
 * the caption toggles ("Show Caption"). clean.c's caption_reason asks
 * ing_caption_shape; doc.c uses the toggles.
 */
#include "config.h"

#include <string.h>

#include "dossier/util.h"
#include "lib.h"

/* See lib.h. Words of a picture credit ("Getty Images", "AP Photo/Evan Vucci",
 * "Reuters", "Photo: X"). */
bool
ing_has_credit_word(const char *s, size_t n)
{
    static const char *const words[] = {"getty",   "photo",     "image",    "picture",
                                        "reuters", "ap",        "afp",      "epa",
                                        "pool",    "credit",    "courtesy", "shutterstock",
                                        "bloomberg", "via",     "file",     "handout"};
    for (size_t i = 0; i < n;) {
        while (i < n && !((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
            i++;
        size_t j = i;
        while (j < n && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))
            j++;
        for (size_t k = 0; k < DS_ARRAY_LEN(words) && j > i; k++)
            if (ing_ieq(s + i, j - i, words[k]) ||
                (j - i == strlen(words[k]) + 1 && (s[j - 1] == 's' || s[j - 1] == 'S') &&
                 ing_istarts(s + i, j - i, words[k])))
                return true;
        i = j;
    }
    return false;
}

/* Does a line hold no lower-case ASCII letter and at least two capitals? */
static bool
all_caps(const char *s, size_t n)
{
    int caps = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            return false;
        caps += s[i] >= 'A' && s[i] <= 'Z';
    }
    return caps >= 2;
}

/* "Rosa Lind, AP", "Jane Roe, USA TODAY": a photographer's name and the
 * agency, alone on a line under a caption (2 to 4 capitalised words, a
 * comma, a credit word or up to three words in capitals). */
static bool
name_credit_line(const char *s, size_t n)
{
    const char *comma = memchr(s, ',', n);
    if (!comma || n > 60 || s[n - 1] == '.' || memchr(comma + 1, ',', (size_t)(s + n - comma - 1)))
        return false;
    size_t nl = (size_t)(comma - s), rl = n - nl - 1;
    int w = ing_count_words_max(s, nl, 5), rw = ing_count_words_max(comma + 1, rl, 4);
    if (w < 2 || w > 4 || rw < 1 || rw > 3 || all_caps(s, nl))
        return false; /* a wire headline in capitals ("X RAISES PAYOUT, SPLITS STOCK") */
    for (size_t i = 0; i < nl; i++)
        if ((i == 0 || s[i - 1] == ' ') && !((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80))
            return false;
    return ing_has_credit_word(comma + 1, rl) || (all_caps(comma + 1, rl) && rw >= 2);
}

/* "... cut flights. USA TODAY": a line whose last sentence is a credit in
 * capitals (a video player's or a photo's), at most four words after a full
 * stop and no full stop of its own: two words or more, or a credit word. */
static bool
caps_credit_tail(const char *s, size_t n)
{
    if (n > 240 || s[n - 1] == '.' || ing_count_words_max(s, n, 31) > 30)
        return false;
    size_t i = n;
    while (i > 1 && !(s[i - 1] == ' ' && s[i - 2] == '.'))
        i--;
    if (i <= 2 || n - i > 40)
        return false;
    for (size_t k = i; k < n; k++) /* letters only: "[MP3 SP]", "ISBN 978..." are no credit */
        if (!((s[k] >= 'A' && s[k] <= 'Z') || s[k] == ' ' || s[k] == ',' || s[k] == '&' ||
              s[k] == '-' || s[k] == '\''))
            return false;
    int w = ing_count_words_max(s + i, n - i, 5);
    bool lower_before = false; /* a headline in capitals ("U.S. TRADE GAP WIDENS") is none */
    for (size_t k = 0; k + 2 < i && !lower_before; k++)
        lower_before = s[k] >= 'a' && s[k] <= 'z';
    return lower_before && w >= 1 && w <= 4 && all_caps(s + i, n - i) &&
           (w >= 2 || ing_has_credit_word(s + i, n - i));
}

/* "GET FOX BUSINESS ON THE GO BY CLICKING HERE": an app or link promo in
 * capitals (4 to 15 words, no full stop). */
static bool
caps_promo(const char *s, size_t n)
{
    if (n > 120 || s[n - 1] == '.' || !all_caps(s, n))
        return false;
    int w = ing_count_words_max(s, n, 16);
    return w >= 4 && w <= 15 &&
           (ing_ifind(s, n, "CLICK") || ing_ifind(s, n, "TAP HERE") || ing_ifind(s, n, "SWIPE"));
}

/* "burs-jh/sst", "jh/dw": a wire desk's sign-off, one token of lower-case
 * letters, '-' and '/', with a slash. */
static bool
desk_signoff(const char *s, size_t n)
{
    if (n < 4 || n > 24 || !memchr(s, '/', n) || s[0] == '/' || s[n - 1] == '/')
        return false;
    int letters = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            letters++;
        else if (s[i] != '-' && s[i] != '/')
            return false;
    }
    return letters >= 3 && !ing_ieq(s, n, "and/or");
}

/* See ingest/lib.h. */
bool
ing_is_caption_toggle(const char *s, size_t n)
{
    return ing_ieq(s, n, "show caption") || ing_ieq(s, n, "hide caption") ||
           ing_ieq(s, n, "toggle caption");
}

/* See lib.h. */
const char *
ing_caption_shape(const char *s, size_t n)
{
    if ((ing_istarts(s, n, "image source, ") || ing_istarts(s, n, "image caption, ") ||
         ing_istarts(s, n, "media caption, ") || ing_istarts(s, n, "video caption, ") ||
         ing_istarts(s, n, "image copyright, ")) &&
        ing_count_words_max(s, n, 31) <= 30)
        return "caption"; /* "Image source, Getty Images", "Image caption, Crews ..." */
    if (desk_signoff(s, n))
        return "signoff";
    if (caps_promo(s, n))
        return "promo";
    if (name_credit_line(s, n))
        return "caption";
    if (caps_credit_tail(s, n))
        return "video";
    static const char *const tails[] = {". Photograph: ", ". Photo: ", ". Picture: ", ". Image: ",
                                        ". Photograph by ", ". Illustration: "};
    for (size_t k = 0; k < DS_ARRAY_LEN(tails); k++) {
        const char *t = ing_ifind(s, n, tails[k]);
        size_t tl = strlen(tails[k]);
        if (t && ing_count_words_max(t + tl, (size_t)(s + n - t) - tl, 9) <= 8 &&
            s[n - 1] != '.' && ing_count_words_max(s, n, 41) <= 40)
            return "caption"; /* "Jeremy Hunt on Monday. Photograph: Jane Roe/PA" */
    }
    return NULL;
}

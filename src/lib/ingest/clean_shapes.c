/*
 * ingest/clean_shapes.c — furniture shapes found on pages nobody here wrote
 * (issue 12's held-out set heldout_meta): a photo viewer's "Name, AGENCY"
 * credit, a caption ending in ". Photograph: X", a video's text ending in a
 * credit in capitals ("... USA TODAY"), promos in capitals, a wire desk's
 * sign-off ("burs-jh/sst", "==Kyodo"), "Image source," / "Image caption,"
 * lines, the caption toggles ("Show Caption"); and (heldout_meta3) credits
 * split by a bar or in capitals ("ST PHOTO: X"), a player's running time,
 * calls for tips or for support, republishing notes, a postal footer.
 * clean.c's caption_reason asks ing_caption_shape; doc.c uses the toggles
 * and ing_is_photo_credit_line.
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

/* "Kevin Dietsch | Getty Images", "Jane Roe | AFP via Getty Images": a
 * photographer's name and a picture credit split by a bar (2 to 4
 * capitalised words, at most five words after the bar). */
static bool
pipe_credit_line(const char *s, size_t n)
{
    const char *bar = ing_ifind(s, n, " | ");
    if (!bar || n > 80 || s[n - 1] == '.' || ing_ifind(bar + 3, (size_t)(s + n - bar - 3), "|"))
        return false;
    size_t nl = (size_t)(bar - s), rl = (size_t)(s + n - bar - 3);
    int w = ing_count_words_max(s, nl, 5), rw = ing_count_words_max(bar + 3, rl, 6);
    if (w < 2 || w > 4 || rw < 1 || rw > 5)
        return false;
    for (size_t i = 0; i < nl; i++)
        if ((i == 0 || s[i - 1] == ' ') && !((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80))
            return false;
    return ing_has_credit_word(bar + 3, rl);
}

/* "ST PHOTO: KELVIN CHNG", "PHOTOS: JANE ROE": a picture credit in capitals
 * alone on a line (at most eight words, a "PHOTO"/"PICTURE" label). */
static bool
caps_photo_credit(const char *s, size_t n)
{
    if (n > 80 || !all_caps(s, n) || ing_count_words_max(s, n, 9) > 8)
        return false;
    return ing_ifind(s, n, "PHOTO: ") || ing_ifind(s, n, "PHOTOS: ") ||
           ing_ifind(s, n, "PICTURE: ") || ing_ifind(s, n, "PHOTO BY ") ||
           ing_ifind(s, n, "PHOTOS BY ");
}

/* See lib.h. */
bool
ing_is_photo_credit_line(const char *s, size_t n)
{
    if (pipe_credit_line(s, n) || caps_photo_credit(s, n))
        return true;
    /* "Jane Roe, Getty Images": the comma form with a picture word (an
     * agency alone, "Jane Roe, Reuters", may be a reporter's sign-off) */
    const char *comma = memchr(s, ',', n);
    return comma && name_credit_line(s, n) &&
           (ing_ifind(comma, (size_t)(s + n - comma), "getty") ||
            ing_ifind(comma, (size_t)(s + n - comma), "photo") ||
            ing_ifind(comma, (size_t)(s + n - comma), "image") ||
            ing_ifind(comma, (size_t)(s + n - comma), "shutterstock"));
}

/* "02:14 - Source: CNN", "VIDEO 3:12": a video player's running time with
 * its label or source. */
static bool
clip_duration(const char *s, size_t n)
{
    size_t i = 0;
    if (ing_istarts(s, n, "video "))
        i = 6;
    size_t d = i;
    while (i < n && i - d < 2 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == d || i + 3 > n || s[i] != ':' || !(s[i + 1] >= '0' && s[i + 1] <= '5') ||
        !(s[i + 2] >= '0' && s[i + 2] <= '9'))
        return false;
    i += 3;
    if (i + 3 <= n && s[i] == ':' && s[i + 1] >= '0' && s[i + 1] <= '5')
        i += 3; /* h:mm:ss */
    if (i == n)
        return d > 0; /* a bare "8:09" may be a time in the text */
    return ing_istarts(s + i, n - i, " - source: ") && ing_count_words_max(s + i, n - i, 6) <= 5;
}

/* "Have a story tip? Email reporter X at x@paper.com.", "Got a news tip?
 * Send it to ...": a call to readers for tips (at most 40 words). */
static bool
tip_prompt(const char *s, size_t n)
{
    if (ing_count_words_max(s, n, 41) > 40)
        return false;
    bool asks = ing_istarts(s, n, "have a ") || ing_istarts(s, n, "got a ") ||
                ing_istarts(s, n, "do you have a ") || ing_istarts(s, n, "know something");
    const char *q = memchr(s, '?', n);
    bool tip = q && ing_ifind(s, (size_t)(q - s), "tip");
    const char *at = memchr(s, '@', n);
    return asks && (tip || (q && at && at > q));
}

/* "Civil Beat is a nonprofit newsroom. Support independent reporting by
 * becoming a member today.", "Join X's project and help us report": a
 * sentence opening with a call to support or join, on a short line about
 * membership, donations or helping the newsroom. */
static bool
support_appeal(const char *s, size_t n)
{
    static const char *const calls[] = {"Support ", "Donate ", "Donate.", "Become a ", "Join "};
    if (n > 300 || ing_count_words_max(s, n, 41) > 40)
        return false;
    bool call = false;
    for (size_t i = 0; i < n && !call; i++) {
        if (i > 0 && !(i >= 2 && s[i - 1] == ' ' && (s[i - 2] == '.' || s[i - 2] == '!')))
            continue;
        for (size_t k = 0; k < DS_ARRAY_LEN(calls) && !call; k++)
            call = n - i >= strlen(calls[k]) && memcmp(s + i, calls[k], strlen(calls[k])) == 0;
    }
    return call && (ing_ifind(s, n, "member") || ing_ifind(s, n, "donat") ||
                    ing_ifind(s, n, "help us ") || ing_ifind(s, n, "support us") ||
                    ing_ifind(s, n, "independent reporting") ||
                    ing_ifind(s, n, "independent journalism"));
}

/* "Republish this article for free under a Creative Commons license.",
 * "(This story has not been edited by staff and is auto-generated from a
 * syndicated feed.)": a note on how the story may be or was republished. */
static bool
syndication_note(const char *s, size_t n)
{
    if (n > 300 || ing_count_words_max(s, n, 41) > 40)
        return false;
    if (ing_ifind(s, n, "creative commons") && ing_ifind(s, n, "republish"))
        return true;
    return s[0] == '(' && s[n - 1] == ')' &&
           (ing_istarts(s + 1, n - 1, "this story ") || ing_istarts(s + 1, n - 1, "this article ")) &&
           (ing_ifind(s, n, "syndicated") || ing_ifind(s, n, "edited by"));
}

/* "2345 Maxon Road Ext., Schenectady, NY 12308": a street address (a
 * number, words, a comma) ending in a US state and ZIP code. */
static bool
postal_address(const char *s, size_t n)
{
    if (n > 120 || !(s[0] >= '0' && s[0] <= '9') || !memchr(s, ',', n) ||
        ing_count_words_max(s, n, 16) > 15)
        return false;
    size_t i = n;
    while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
        i--;
    size_t zip = n - i;
    if (i > 0 && s[i - 1] == '-') { /* ZIP+4 */
        i--;
        while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
            i--;
    }
    return zip >= 4 && zip <= 5 && i >= 4 && s[i - 1] == ' ' && s[i - 2] >= 'A' && s[i - 2] <= 'Z' &&
           s[i - 3] >= 'A' && s[i - 3] <= 'Z' && s[i - 4] == ' ';
}

/* "Phone: 518-555-4141 | Contact Us | Advertise", "Tel. 020 7946 0000": a
 * contact line of a paper's footer (a phone label opening a short line). */
static bool
contact_line(const char *s, size_t n)
{
    if (n > 120 || ing_count_words_max(s, n, 16) > 15)
        return false;
    if (!(ing_istarts(s, n, "phone:") || ing_istarts(s, n, "tel:") || ing_istarts(s, n, "tel. ") ||
          ing_istarts(s, n, "telephone:") || ing_istarts(s, n, "call us:")))
        return false;
    int digits = 0;
    for (size_t i = 0; i < n; i++)
        digits += s[i] >= '0' && s[i] <= '9';
    return digits >= 7;
}

/* "==Kyodo", "--Tidewater": a wire's sign-off, its name after two marks. */
static bool
marked_signoff(const char *s, size_t n)
{
    if (n < 4 || n > 40 || !((s[0] == '=' && s[1] == '=') || (s[0] == '-' && s[1] == '-')))
        return false;
    size_t i = 2;
    while (i < n && s[i] == s[0])
        i++;
    return i < n && s[i] >= 'A' && s[i] <= 'Z' && ing_count_words_max(s + i, n - i, 4) <= 3 &&
           !memchr(s + i, '.', n - i) && !memchr(s + i, ',', n - i);
}

/* See lib.h. */
bool
ing_marked_signoff(const char *s, size_t n, const char **name, size_t *nl)
{
    if (!marked_signoff(s, n))
        return false;
    size_t i = 2;
    while (i < n && s[i] == s[0])
        i++;
    *name = s + i;
    *nl = n - i;
    return true;
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
    if (desk_signoff(s, n) || marked_signoff(s, n))
        return "signoff";
    if (clip_duration(s, n))
        return "video";
    if (pipe_credit_line(s, n) || caps_photo_credit(s, n))
        return "caption";
    if (tip_prompt(s, n))
        return "tip";
    if (support_appeal(s, n))
        return "promo";
    if (syndication_note(s, n))
        return "credit";
    if (postal_address(s, n) || contact_line(s, n))
        return "contact";
    if (caps_promo(s, n))
        return "promo";
    if (name_credit_line(s, n))
        return "caption";
    if (caps_credit_tail(s, n))
        return "video";
    static const char *const tails[] = {". Photograph: ", ". Photo: ", ". Picture: ", ". Image: ",
                                        ". Photograph by ", ". Illustration: ",
                                        ". Photo by ", ". Photos by ", ". Image by "};
    for (size_t k = 0; k < DS_ARRAY_LEN(tails); k++) {
        const char *t = ing_ifind(s, n, tails[k]);
        size_t tl = strlen(tails[k]);
        if (t && ing_count_words_max(t + tl, (size_t)(s + n - t) - tl, 9) <= 8 &&
            s[n - 1] != '.' && ing_count_words_max(s, n, 41) <= 40)
            return "caption"; /* "Jeremy Hunt on Monday. Photograph: Jane Roe/PA" */
    }
    return NULL;
}

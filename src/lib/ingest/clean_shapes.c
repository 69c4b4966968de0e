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


/* ---- notes of e-mail newsletters, wire desks, galleries and updates ------------- */

/* Does the line speak to the reader ("you", "your") outside a quotation? */
static bool
to_reader(const char *s, size_t n)
{
    if (memchr(s, '"', n) || ing_ifind(s, n, "\xe2\x80\x9c"))
        return false; /* someone quoted, not the page speaking */
    for (size_t i = 0; i + 3 <= n; i++)
        if ((i == 0 || s[i - 1] == ' ') && ing_istarts(s + i, n - i, "you") &&
            (i + 3 == n || s[i + 3] == ' ' || s[i + 3] == 'r' || s[i + 3] == '\''))
            return true;
    return false;
}

/* "Having trouble viewing this email? View it online.", "Forwarded this
 * email? Sign up here.", "You are receiving this email because you signed
 * up for X.", "You're currently a free subscriber to X. For the full
 * experience, upgrade your subscription.": a short line about the e-mail
 * itself or the reader's subscription. */
static bool
mail_notice(const char *s, size_t n)
{
    static const char *const things[] = {"email", "e-mail", "newsletter", "message"};
    if (n > 300)
        return false;
    bool about_mail = false;
    for (const char *t = s; !about_mail && (t = ing_ifind(t, (size_t)(s + n - t), "this ")); t += 5)
        for (size_t k = 0; k < DS_ARRAY_LEN(things) && !about_mail; k++)
            about_mail = ing_istarts(t + 5, (size_t)(s + n - t) - 5, things[k]);
    bool subscription = !about_mail && ing_ifind(s, n, "subscriber") &&
                        (ing_ifind(s, n, "upgrade") || ing_ifind(s, n, "paid"));
    if (!(about_mail || subscription) || ing_count_words_max(s, n, 41) > 40)
        return false;
    return to_reader(s, n) || (about_mail && memchr(s, '?', n)) ||
           ing_istarts(s, n, "forwarded this") || ing_istarts(s, n, "share this") ||
           ing_istarts(s, n, "view this");
}

/* "This story has been updated to include ...", "Editor's note: This
 * article was updated on ...": a note on the story's versions, metadata
 * rather than text. */
static bool
update_note(const char *s, size_t n)
{
    if (n > 300)
        return false;
    static const char *const leads[] = {"editor's note: ", "editor\xe2\x80\x99s note: ",
                                        "update: ", "updated: ", "correction: "};
    for (size_t k = 0; k < DS_ARRAY_LEN(leads); k++)
        if (ing_istarts(s, n, leads[k])) {
            s += strlen(leads[k]);
            n -= strlen(leads[k]);
            break;
        }
    if (!ing_istarts(s, n, "this ") || ing_count_words_max(s, n, 41) > 40)
        return false;
    const char *v = ing_ifind(s, n, " has been updated");
    if (!v)
        v = ing_ifind(s, n, " was updated");
    if (!v)
        v = ing_ifind(s, n, " has been corrected");
    return v && ing_count_words_max(s, (size_t)(v - s), 4) <= 2; /* "This story", "This article" */
}

/* "(Adds analyst comment in paragraphs 5-6)", "Eds: UPDATES with union
 * statement.", "((jane.roe@agency.com; +56 2 2370 4259))": a wire desk's
 * note to editors or its contact line. */
static bool
desk_note(const char *s, size_t n)
{
    static const char *const verbs[] = {"adds ", "updates ", "recasts ", "corrects ", "changes ",
                                        "rewrites ", "inserts ", "removes ", "fixes ", "refiles ",
                                        "repeats ", "deletes ", "updating ", "adding "};
    if (n > 300 || !(s[0] == '(' || s[0] == 'E' || s[0] == 'e'))
        return false;
    if (ing_istarts(s, n, "eds: ") || ing_istarts(s, n, "editors: ") ||
        ing_istarts(s, n, "eds note: "))
        return ing_count_words_max(s, n, 41) <= 40;
    if (n > 4 && s[0] == '(' && s[1] == '(' && s[n - 1] == ')' && s[n - 2] == ')')
        return memchr(s, '@', n) != NULL;
    if (s[0] != '(' || s[n - 1] != ')')
        return false;
    for (size_t k = 0; k < DS_ARRAY_LEN(verbs); k++)
        if (ing_istarts(s + 1, n - 1, verbs[k]))
            return ing_count_words_max(s, n, 41) <= 40;
    return false;
}

/* "To contact the reporter on this story:", "Jane Roe in Tokyo at
 * jroe@agency.net": a story's contact block (a name, "at" and an address
 * closing a short line). */
static bool
story_contact(const char *s, size_t n)
{
    if (ing_istarts(s, n, "to contact the ") && ing_ifind(s, n, "this story"))
        return true;
    if (n > 120 || !(s[0] >= 'A' && s[0] <= 'Z') || s[n - 1] == '.')
        return false;
    size_t i = n;
    while (i > 0 && s[i - 1] != ' ')
        i--;
    const char *at = memchr(s + i, '@', n - i);
    return i > 4 && at && memchr(at, '.', (size_t)(s + n - at)) &&
           memcmp(s + i - 4, " at ", 4) == 0 && ing_count_words_max(s, n, 11) <= 10;
}

/* "1 of 5", "Photo 1 of 4", "Photo 3/10", "Image 1 of 3: A rider waits ...": a gallery's
 * slide counter, alone or before the slide's caption. Returns the reason
 * ("gallery" alone, "caption" with a caption) or NULL. */
static const char *
gallery_counter(const char *s, size_t n)
{
    static const char *const words[] = {"photo ", "image ", "picture ", "slide ", "photos ",
                                        "images ", "pictures ", "slides ", "gallery "};
    size_t i = 0;
    for (size_t k = 0; k < DS_ARRAY_LEN(words); k++)
        if (ing_istarts(s, n, words[k])) {
            i = strlen(words[k]);
            break;
        }
    size_t d = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == d || i - d > 3)
        return NULL;
    if (ing_istarts(s + i, n - i, " of "))
        i += 4;
    else if (d > 0 && i < n && s[i] == '/')
        i++; /* "Photo 3/10": a slash after the picture word */
    else
        return NULL;
    d = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == d || i - d > 3)
        return NULL;
    if (i == n)
        return "gallery";
    if (s[i] == ':' && ing_count_words_max(s, n, 61) <= 60)
        return "caption";
    return NULL;
}

/* "5–6 minutes", "7-9 min read": a reader view's reading time. */
static bool
reading_range(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0 || i > 2)
        return false;
    if (i < n && s[i] == '-')
        i++;
    else if (n - i >= 3 && memcmp(s + i, "\xe2\x80\x93", 3) == 0) /* en dash */
        i += 3;
    else
        return false;
    size_t d = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == d)
        return false;
    return ing_ieq(s + i, n - i, " minutes") || ing_ieq(s + i, n - i, " min") ||
           ing_ieq(s + i, n - i, " mins") || ing_ieq(s + i, n - i, " min read") ||
           ing_ieq(s + i, n - i, " minutes read");
}

/* "Listen to this article · 4:12 min", "May 2, 2024 Listen to this story":
 * an audio player's label on a short line. */
static bool
audio_player(const char *s, size_t n)
{
    if (n > 200)
        return false;
    const char *l = ing_ifind(s, n, "listen to this ");
    return l &&
           (ing_istarts(l + 15, (size_t)(s + n - l) - 15, "article") ||
            ing_istarts(l + 15, (size_t)(s + n - l) - 15, "story")) &&
           ing_count_words_max(s, n, 16) <= 15;
}

/* "About the author Jane Roe is a transport reporter at X.": an author
 * box, its label run into the biography. */
static bool
author_box(const char *s, size_t n)
{
    return (ing_istarts(s, n, "about the author ") || ing_istarts(s, n, "about the writer ")) &&
           ing_count_words_max(s, n, 81) <= 80;
}

/* The reason a line is one of the notes above, or NULL. */
static const char *
note_reason(const char *s, size_t n)
{
    const char *g = gallery_counter(s, n);
    if (g)
        return g;
    if (mail_notice(s, n))
        return "newsletter";
    if (update_note(s, n))
        return "update";
    if (desk_note(s, n))
        return "note";
    if (story_contact(s, n))
        return "contact";
    if (reading_range(s, n))
        return "label";
    if (audio_player(s, n))
        return "audio";
    if (author_box(s, n))
        return "bio";
    return NULL;
}

/* "Tea pickers at an estate. PHOTO | FILE | NMG", "Commuters queue on
 * Feb 11. ST PHOTO: JANE ROE": a caption whose last sentence is a picture
 * credit in capitals (at most eight words). */
static bool
caps_photo_tail(const char *s, size_t n)
{
    size_t i = n;
    while (i > 1 && !(s[i - 1] == ' ' && s[i - 2] == '.'))
        i--;
    if (i <= 1 || n - i > 80 || ing_count_words_max(s + i, n - i, 9) > 8 || !all_caps(s + i, n - i))
        return false;
    return ing_ifind(s + i, n - i, "PHOTO") || ing_ifind(s + i, n - i, "PICTURE");
}

/* Does s end in a Canadian ("M5W 1E6") or British ("WC2N 6HT") postcode? */
static bool
ends_in_postcode(const char *s, size_t n)
{
#define UP(c) ((c) >= 'A' && (c) <= 'Z')
#define DG(c) ((c) >= '0' && (c) <= '9')
    if (n >= 8 && s[n - 8] == ' ' && UP(s[n - 7]) && DG(s[n - 6]) && UP(s[n - 5]) &&
        s[n - 4] == ' ' && DG(s[n - 3]) && UP(s[n - 2]) && DG(s[n - 1]))
        return true; /* Canada */
    if (n < 7 || !DG(s[n - 3]) || !UP(s[n - 2]) || !UP(s[n - 1]) || s[n - 4] != ' ')
        return false;
    size_t i = n - 4, k = i; /* the outward code: A9, A99, AA9, AA99, A9A, AA9A */
    while (k > 0 && s[k - 1] != ' ')
        k--;
    size_t len = i - k;
    return k > 0 && len >= 2 && len <= 4 && UP(s[k]) && (DG(s[k + 1]) || DG(s[k + 2]));
#undef UP
#undef DG
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
    const char *note = note_reason(s, n);
    if (note)
        return note;
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
    if (postal_address(s, n) || contact_line(s, n) ||
        (n <= 160 && ends_in_postcode(s, n) && memchr(s, ',', n) &&
         ing_count_words_max(s, n, 21) <= 20))
        return "contact";
    if (caps_promo(s, n))
        return "promo";
    if (name_credit_line(s, n))
        return "caption";
    if (caps_credit_tail(s, n))
        return "video";
    if (caps_photo_tail(s, n))
        return "caption";
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

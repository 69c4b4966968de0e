/*
 * ingest/clean_notices.c — furniture shapes of one line that a page's
 * template or a database export prints around any article: image file
 * names left as text ("IMG_2041.jpg"), consent banners and their buttons,
 * affiliate disclosures, reading and listening times, a comment section's
 * residue ("Comments (7)", "Log in to comment", "Sort by: Best"), share
 * counters ("1.4K shares", "Share: 86 · Tweet"), breadcrumbs ("Home >
 * News > World"), a press release's end marks ("###", "-30-") and a news
 * database's record fields ("Load-Date: ...", "Length: 412 words",
 * "End of Document", "Document NBDAIL00..."). No rule fires on a line that
 * reports speech (a quotation mark, "said", "told"), so a sentence of the
 * story that mentions cookies or commissions stays.
 */
#include "config.h"

#include <string.h>

#include "dossier/util.h"
#include "lib.h"

/* ing_ifind_first without the length. */
static bool
has_any(const char *s, size_t n, const char *const *words, size_t nw)
{
    size_t len;
    return ing_ifind_first(s, n, words, nw, &len) != NULL;
}

static bool
reports_speech(const char *s, size_t n)
{
    return memchr(s, '"', n) || ing_ifind(s, n, "\xe2\x80\x9c") || ing_has_speech_verb(s, n);
}

static bool
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Does s[0, n) speak as the site ("we", "our", "us", "this site") or to
 * the reader ("you", "by clicking")? */
static bool
site_voice(const char *s, size_t n)
{
    static const char *const starts[] = {"we ", "we'", "our ", "by clicking", "by continuing",
                                         "by using", "this site", "this website", "this post",
                                         "this article", "this page", "some of the links"};
    static const char *const inside[] = {" we ", " we'", " our ", " us ", " us.", " us,", "you"};
    for (size_t k = 0; k < DS_ARRAY_LEN(starts); k++)
        if (ing_istarts(s, n, starts[k]))
            return true;
    return has_any(s, n, inside, DS_ARRAY_LEN(inside));
}

/* Whole lines a consent banner's buttons, a paid post's label or a
 * comment list's sorting print (compared without case). */
static const char *const notice_labels[] = {
    "advertisements",
    "accept all",
    "reject all",
    "accept all cookies",
    "reject all cookies",
    "i accept",
    "manage options",
    "manage preferences",
    "cookies settings",
    "show purposes",
    "we care about your privacy",
    "we value your privacy",
    "your privacy choices",
    "paid content",
    "paid post",
    "sponsored content",
    "partner content",
    "promoted",
    "promoted content",
    "tweet",
    "pin it",
    "newest",
    "oldest",
    "for immediate release",
};

/* ---- image file names ----------------------------------------------------------- */

/* "IMG_2041.jpg", "Caption: dsc_0093-1200x800.jpeg": an image's file name
 * that a figure, its caption or its alt text left in the text. */
static bool
image_file_name(const char *s, size_t n)
{
    static const char *const leads[] = {"caption: ", "image: ", "photo: ", "picture: "};
    static const char *const exts[] = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".tif",
                                       ".tiff", ".bmp", ".avif"};
    for (size_t k = 0; k < DS_ARRAY_LEN(leads); k++)
        if (ing_istarts(s, n, leads[k])) {
            s += strlen(leads[k]);
            n -= strlen(leads[k]);
            break;
        }
    if (n < 5 || n > 120 || memchr(s, ' ', n))
        return false;
    for (size_t k = 0; k < DS_ARRAY_LEN(exts); k++) {
        size_t el = strlen(exts[k]);
        if (n > el && ing_ieq(s + n - el, el, exts[k]))
            return true;
    }
    return false;
}

/* ---- consent banners and affiliate disclosures ---------------------------------- */

/* "We value your privacy. We and our partners use cookies ...", "By
 * clicking "Accept All Cookies", you agree to ...": a consent banner. Its
 * buttons are labels (clean.c). The quotation marks around a button's
 * name are no sign of speech here, so only the verbs are. */
static bool
consent_banner(const char *s, size_t n)
{
    static const char *const signs[] = {"accept", "consent", "agree", "partners",
                                        "privacy", "personalis", "personaliz", "your device",
                                        "on a device", "settings", "preferences", "use of cookies"};
    if (!ing_ifind(s, n, "cookie") || ing_count_words_max(s, n, 81) > 80 ||
        ing_has_speech_verb(s, n) || !site_voice(s, n))
        return false;
    for (size_t k = 0; k < DS_ARRAY_LEN(signs); k++)
        if (ing_ifind(s, n, signs[k]))
            return true;
    return false;
}

/* "We may earn a commission when you buy through links on our site.",
 * "This post contains affiliate links.": the site's note on how it is
 * paid for what it recommends. */
static bool
affiliate_disclosure(const char *s, size_t n)
{
    bool affiliate = ing_ifind(s, n, "affiliate link") != NULL;
    bool commission = !affiliate && ing_ifind(s, n, "commission") != NULL &&
                      (ing_ifind(s, n, "earn") || ing_ifind(s, n, "receive")) &&
                      (ing_ifind(s, n, "link") || ing_ifind(s, n, "buy") ||
                       ing_ifind(s, n, "purchase") || ing_ifind(s, n, "book"));
    return (affiliate || commission) && ing_count_words_max(s, n, 61) <= 60 &&
           !reports_speech(s, n) && site_voice(s, n);
}

/* ---- reading and listening times -------------------------------------------------- */

/* The length of a clip's or article's duration closing s ("4:18", "3:42",
 * "5 min", "4 minutes", "4:12 min") with the separators before it, or 0. */
static size_t
duration_tail(const char *s, size_t n)
{
    size_t i = n;
    static const char *const units[] = {" minutes", " minute", " mins", " min"};
    for (size_t k = 0; k < DS_ARRAY_LEN(units); k++) {
        size_t ul = strlen(units[k]);
        if (n > ul && ing_ieq(s + n - ul, ul, units[k])) {
            i = n - ul;
            break;
        }
    }
    size_t end = i;
    while (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == ':'))
        i--;
    if (i == end || !is_digit(s[i]) || (end == n && !memchr(s + i, ':', end - i)))
        return 0; /* a bare number is not a duration; "3:42" or "5 min" is */
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '-' || s[i - 1] == '|' ||
                     (i >= 2 && memcmp(s + i - 2, "\xc2\xb7", 2) == 0)))
        i -= (i >= 2 && memcmp(s + i - 2, "\xc2\xb7", 2) == 0) ? 2 : 1;
    return n - i;
}

/* "Listen · 4:18", "Listen3:42", "Reading time 4 minutes", "Watch: 2:05":
 * a player's or a template's label with a duration. */
static bool
timed_label(const char *s, size_t n)
{
    if (n > 60)
        return false;
    size_t t = duration_tail(s, n);
    if (!t)
        return false;
    size_t m = n - t;
    while (m && (s[m - 1] == ':' || s[m - 1] == ' '))
        m--;
    static const char *const labels[] = {"listen", "listen now", "listen to this article",
                                         "listen to this story", "reading time", "read time",
                                         "watch", "play", "audio", "duration", "estimated reading time"};
    return ing_ieq_any(s, m, labels, DS_ARRAY_LEN(labels));
}

/* "Oct. 9, 2024, 8:12 p.m. ETBreaking", "March 3, 2024 Key event": a live
 * post's date stamp with its badge, glued or not. */
static bool
stamped_badge(const char *s, size_t n)
{
    static const char *const badges[] = {"breaking", "breaking news", "key event", "pinned",
                                         "just in", "live", "new", "update"};
    if (n > 60)
        return false;
    for (size_t k = 0; k < DS_ARRAY_LEN(badges); k++) {
        size_t bl = strlen(badges[k]), m = n - bl;
        if (n <= bl + 6 || !ing_ieq(s + m, bl, badges[k]))
            continue;
        while (m && s[m - 1] == ' ')
            m--;
        struct ing_date dt;
        size_t at;
        if (ing_find_date(s, m, &dt, &at) && at == 0 && ing_count_words_max(s, m, 9) <= 8 &&
            !ing_is_prose(s, m, 4))
            return true;
    }
    return false;
}

/* ---- comments and share counters -------------------------------------------------- */

/* "1.4K", "1,024", "54", "2.3k": a counter's number, its whole length or 0. */
static size_t
count_len(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (is_digit(s[i]) || ((s[i] == ',' || s[i] == '.') && i > 0 && i + 1 < n &&
                                        is_digit(s[i + 1]))))
        i++;
    if (i == 0)
        return 0;
    if (i < n && (s[i] == 'K' || s[i] == 'k' || s[i] == 'M'))
        i++;
    return i;
}

static const char *const share_words[] = {
    "share", "shares", "shared", "tweet", "facebook", "twitter", "x", "linkedin", "pinterest",
    "pin it", "whatsapp", "email", "reddit", "print", "likes", "like", "comments", "comment",
    "views", "flipboard", "copy link", "share it", "share this"};

/* "Facebook Twitter LinkedIn 1,024 shares", "Share1.4K shares": buttons
 * and counts side by side, each word a share word or a count, or a share
 * word glued to its count. */
static bool
share_words_run(const char *s, size_t n)
{
    for (size_t a = 0; a < n;) {
        size_t e = a;
        while (e < n && s[e] != ' ')
            e++;
        size_t w = e - a, c = count_len(s + a, w);
        size_t g = a; /* a share word glued to its count */
        while (g < e && ((s[g] >= 'a' && s[g] <= 'z') || (s[g] >= 'A' && s[g] <= 'Z')))
            g++;
        bool ok = c == w || ing_ieq_any(s + a, w, share_words, DS_ARRAY_LEN(share_words)) ||
                  (g > a && g < e && count_len(s + g, e - g) == e - g &&
                   ing_ieq_any(s + a, g - a, share_words, DS_ARRAY_LEN(share_words)));
        if (!ok)
            return false;
        a = e;
        while (a < n && s[a] == ' ')
            a++;
    }
    return true;
}

/* One piece of a share row: "1.4K shares", "Share: 86", "Facebook 212",
 * "Tweet", "312". */
static bool
share_piece(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == ':'))
        n--;
    while (n && s[0] == ' ')
        s++, n--;
    if (!n)
        return false;
    size_t c = count_len(s, n);
    if (c == n)
        return true;
    if (c && s[c] == ' ')
        return ing_ieq_any(s + c + 1, n - c - 1, share_words, DS_ARRAY_LEN(share_words));
    if (ing_ieq_any(s, n, share_words, DS_ARRAY_LEN(share_words)))
        return true;
    size_t k = n; /* "Share 54", "Share: 86", "Facebook 212" */
    while (k > 0 && (is_digit(s[k - 1]) || s[k - 1] == ',' || s[k - 1] == '.' ||
                     s[k - 1] == 'K' || s[k - 1] == 'k'))
        k--;
    if (k == n || k == 0 || !is_digit(s[k]))
        return share_words_run(s, n);
    size_t w = k;
    while (w && (s[w - 1] == ' ' || s[w - 1] == ':'))
        w--;
    if (w < k && ing_ieq_any(s, w, share_words, DS_ARRAY_LEN(share_words)))
        return true;
    return share_words_run(s, n);
}

/* Share words that no sentence is made of alone ("Tweet", "Pin it"). */
static const char *const share_only[] = {"tweet", "pin it", "share", "shares", "share it",
                                         "share this", "whatsapp", "linkedin", "pinterest",
                                         "flipboard", "reddit", "copy link"};

/* "1.4K shares", "Share 54", "Share: 86 · Tweet · Pin it", "Facebook 212",
 * "Tweet": a row of share buttons (split at "|" or "·") with at least one
 * count or a word only share buttons use; a number alone is no row. */
static bool
share_row(const char *s, size_t n)
{
    if (n > 80 || ing_count_words_max(s, n, 11) > 10 || count_len(s, n) == n)
        return false;
    bool counted = false, worded = false, only = false;
    for (size_t a = 0;;) {
        size_t e = a;
        while (e < n && s[e] != '|' && !(e + 1 < n && memcmp(s + e, "\xc2\xb7", 2) == 0))
            e++;
        const char *p = s + a;
        size_t pl = e - a;
        while (pl && p[0] == ' ')
            p++, pl--;
        while (pl && (p[pl - 1] == ' ' || p[pl - 1] == ':'))
            pl--;
        if (!share_piece(p, pl))
            return false;
        bool digits = false;
        for (size_t i = 0; i < pl && !digits; i++)
            digits = is_digit(p[i]);
        counted = counted || digits;
        worded = worded || count_len(p, pl) != pl;
        only = only || ing_ieq_any(p, pl, share_only, DS_ARRAY_LEN(share_only)) ||
               (pl > 6 && ing_ifind(p, pl, "share"));
        if (e >= n)
            break;
        a = e + (s[e] == '|' ? 1 : 2);
    }
    /* "Facebook 212" (a count and a button), "Tweet" (a word only buttons
     * use); not "2019 | 1,200 | 1,350" (a table's row) nor "Facebook" */
    return (counted && worded) || only;
}

/* "Like this story? Share it", "Enjoyed this? Pass it on": a short call
 * to share the page. */
static bool
share_call(const char *s, size_t n)
{
    static const char *const tails[] = {"share it", "share it!", "share it.", "share this",
                                        "share this!", "pass it on", "pass it on!",
                                        "pass it on."};
    if (n > 60 || ing_count_words_max(s, n, 9) > 8 || !memchr(s, '?', n))
        return false;
    for (size_t k = 0; k < DS_ARRAY_LEN(tails); k++) {
        size_t tl = strlen(tails[k]);
        if (n > tl && ing_ieq(s + n - tl, tl, tails[k]))
            return true;
    }
    return false;
}

/* "Reporting like this depends on readers. If you value it, chip in
 * today.": a call to give, on a line about the readers or the reporting. */
static bool
giving_appeal(const char *s, size_t n)
{
    static const char *const gives[] = {"chip in", "pitch in", "donate", "make a gift",
                                        "give today", "give now", "contribute today",
                                        "contribute now", "make a contribution"};
    static const char *const about[] = {"reader", "journalism", "reporting", "newsroom",
                                        "our work", "this work"};
    return n <= 300 && ing_ifind(s, n, "you") && /* not "We asked readers to donate" */
           has_any(s, n, gives, DS_ARRAY_LEN(gives)) && has_any(s, n, about, DS_ARRAY_LEN(about)) &&
           ing_count_words_max(s, n, 41) <= 40 && !reports_speech(s, n);
}

/* The comment section under a story: "Comments (7)", "Show comments
 * (118)", "Log in to comment", "Comments are closed for this article.",
 * "Sort by: Best", "Posted in Travel | 12 Comments". */
static bool
comment_residue(const char *s, size_t n)
{
    static const char *const with_comment[] = {
        "log in to comment", "sign in to comment", "login to comment", "comments are closed",
        "be the first to comment", "post a comment", "view all comments",
        "comments have been closed", "commenting is closed", "show comments", "view comments",
        "load comments", "read comments"};
    static const char *const others[] = {
        "leave a reply", "inline feedbacks", "your email address will not be published",
        "required fields are marked", "join the conversation", "join the discussion"};
    if (n > 160 || ing_count_words_max(s, n, 21) > 20)
        return false;
    if (ing_istarts(s, n, "sort by") && ing_count_words_max(s, n, 9) <= 8 && s[n - 1] != '.')
        return true;
    /* "Join the conversation", "Log in or create an account to join the
     * discussion.": the words opening the line, or a call to log in */
    for (size_t k = 0; k < DS_ARRAY_LEN(others); k++)
        if (ing_istarts(s, n, others[k]))
            return true;
    if ((ing_istarts(s, n, "log in") || ing_istarts(s, n, "sign in") ||
         ing_istarts(s, n, "register")) &&
        (ing_ifind(s, n, "join the discussion") || ing_ifind(s, n, "join the conversation")))
        return true;
    if (!ing_ifind(s, n, "comment") || reports_speech(s, n))
        return false;
    if (s[n - 1] == ')' && ing_count_words_max(s, n, 5) <= 4)
        return true; /* "Comments (7)" */
    const char *bar = memchr(s, '|', n); /* "Posted in Travel | 12 Comments" */
    if (bar && ing_istarts(s, n, "posted in "))
        return true;
    /* opening the line, or in the site's voice ("You must be logged in to
     * post a comment."): "The app will show comments first." is text */
    for (size_t k = 0; k < DS_ARRAY_LEN(with_comment); k++)
        if (ing_istarts(s, n, with_comment[k]))
            return true;
    return has_any(s, n, with_comment, DS_ARRAY_LEN(with_comment)) && site_voice(s, n) &&
           ing_count_words_max(s, n, 13) <= 12;
}

/* ---- breadcrumbs ------------------------------------------------------------------ */

/* See lib.h. "Home > News > World", "You are here: Home › Business", "Business /
 * Technology", "Markets / Economy / Central banks": a trail of section
 * names, each one to four words opening with a capital. */
bool
ing_is_breadcrumb(const char *s, size_t n)
{
    static const char *const seps[] = {" > ", " \xc2\xbb ", " \xe2\x80\xba ", " / "};
    if (n > 100 || ing_ends_with_any(s, n, ".,;!?\"") ||
        !(memchr(s, '>', n) || memchr(s, '/', n) || memchr(s, '\xc2', n) || memchr(s, '\xe2', n)))
        return false;
    if (ing_istarts(s, n, "you are here: ")) {
        s += 14;
        n -= 14;
    }
    for (size_t k = 0; k < DS_ARRAY_LEN(seps); k++) {
        size_t sl = strlen(seps[k]), parts = 0, a = 0;
        bool ok = true;
        for (size_t i = 0; i <= n && ok; i++) {
            bool at = i == n || (i + sl <= n && memcmp(s + i, seps[k], sl) == 0);
            if (!at)
                continue;
            size_t pl = i - a;
            ok = pl > 0 && ((s[a] >= 'A' && s[a] <= 'Z') || (unsigned char)s[a] >= 0x80) &&
                 ing_count_words_max(s + a, pl, 5) <= 4 && !memchr(s + a, ':', pl);
            parts++;
            a = i + sl;
            i = a - 1;
        }
        if (!ok || parts < 2)
            continue;
        /* two parts only with "/" and single words ("Business / Technology"), or
         * from "Home" on: "Jones / Smith" in a text is a pair of names */
        bool home = ing_istarts(s, n, "home ");
        if (parts >= 3 || home || (k != 3) || ing_count_words_max(s, n, 3) <= 2)
            return true;
    }
    return false;
}

/* ---- press releases and database records ---------------------------------------- */

/* "###", "# # #", "-30-", "- 30 -": the mark that ends a press release. */
static bool
release_end_mark(const char *s, size_t n)
{
    return ing_ieq(s, n, "###") || ing_ieq(s, n, "# # #") || ing_ieq(s, n, "-30-") ||
           ing_ieq(s, n, "- 30 -") || ing_ieq(s, n, "-###-") || ing_ieq(s, n, "ends");
}

/* "Document NBDAIL0020240116ek1g0000x": an archive's accession number. */
static bool
accession_number(const char *s, size_t n)
{
    if (!ing_istarts(s, n, "document ") || n < 19 || n > 60)
        return false;
    size_t digits = 0, letters = 0;
    for (size_t i = 9; i < n; i++) {
        char c = s[i];
        if (is_digit(c))
            digits++;
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            letters++;
        else
            return false;
    }
    return digits >= 4 && letters >= 2;
}

/* "Load-Date: April 4, 2024", "Length: 412 words", "512 words", "End of
 * Document", "ProQuest document ID: 2874410923": a database record's own
 * fields, which no article prints. */
static bool
record_field(const char *s, size_t n)
{
    if (n > 120)
        return false;
    const char *colon = memchr(s, ':', n);
    if ((colon && ing_is_record_key(s, (size_t)(colon - s), ING_RK_ALONE)) ||
        ing_ieq(s, n, "end of document") || ing_ieq(s, n, "end of story"))
        return true;
    size_t i = ing_istarts(s, n, "length: ") ? 8 : 0;
    size_t c = count_len(s + i, n - i);
    if (c && (ing_ieq(s + i + c, n - i - c, " words") || ing_ieq(s + i + c, n - i - c, " word")))
        return true; /* "Length: 412 words", "512 words" */
    const char *id = ing_ifind(s, n, "document id:");
    return (id && ing_count_words_max(s, (size_t)(id - s), 3) <= 2) || accession_number(s, n);
}

/* See lib.h. */
const char *
ing_notice_shape(const char *s, size_t n)
{
    if (n > 600)
        return NULL;
    if (n <= 40 && ing_ieq_any(s, n, notice_labels, DS_ARRAY_LEN(notice_labels)))
        return "label";
    if (image_file_name(s, n))
        return "image";
    if (consent_banner(s, n))
        return "consent";
    if (affiliate_disclosure(s, n))
        return "affiliate";
    if (timed_label(s, n))
        return "audio";
    if (stamped_badge(s, n))
        return "time";
    if (comment_residue(s, n))
        return "comments";
    if (share_row(s, n) || share_call(s, n))
        return "share";
    if (giving_appeal(s, n))
        return "promo";
    if (release_end_mark(s, n))
        return "release";
    if (record_field(s, n))
        return "record";
    return NULL;
}

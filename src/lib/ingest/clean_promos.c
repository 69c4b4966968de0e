/*
 * ingest/clean_promos.c — more furniture shapes of one line: a live blog's
 * time stamps, an embedded post's signature ("— Name (@handle) date", "A
 * post shared by Name (@handle)"), topic and tag lists, calls to contact
 * the writer, app and podcast promos, appeals for donations, a "Read more
 * about ... in our ..." pointer and a trailing "Supplied" credit. Each rule
 * reads the line's shape and a few words a page template prints; none
 * fires on reported speech ("said", quotation marks), so a sentence of the
 * story that mentions a podcast or a donation stays.
 */
#include "config.h"

#include <string.h>

#include "dossier/util.h"
#include "lib.h"

/* Skip a leading emoji or pictograph and the spaces after it ("🎧 Listen:
 * ...", "📱 Get our app ..."): four-byte UTF-8 sequences, a variation
 * selector. */
static size_t
skip_pictographs(const char *s, size_t n)
{
    size_t i = 0;
    for (;;) {
        if (i < n && (unsigned char)s[i] >= 0xf0 && i + 4 <= n)
            i += 4;
        else if (n - i >= 3 && memcmp(s + i, "\xef\xb8\x8f", 3) == 0)
            i += 3;
        else if (i < n && s[i] == ' ' && i > 0)
            i++;
        else
            return i;
    }
}

/* See lib.h. */
bool
ing_has_speech_verb(const char *s, size_t n)
{
    return ing_ifind(s, n, " said") || ing_ifind(s, n, " says") || ing_ifind(s, n, " told ") ||
           ing_ifind(s, n, "according to");
}

/* Does the line report speech (a quotation mark, "said", "says", "told")?
 * Such a line is the story's, whatever else it mentions. */
static bool
reports_speech(const char *s, size_t n)
{
    return memchr(s, '"', n) || ing_ifind(s, n, "\xe2\x80\x9c") || ing_has_speech_verb(s, n);
}

/* See lib.h. */
size_t
ing_time_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 2 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0 || i + 3 > n || (s[i] != ':' && s[i] != '.') ||
        !(s[i + 1] >= '0' && s[i + 1] <= '5') || !(s[i + 2] >= '0' && s[i + 2] <= '9'))
        return 0;
    i += 3;
    if (i < n && s[i] >= '0' && s[i] <= '9')
        return 0;
    if (n - i >= 2 && (ing_istarts(s + i, n - i, "am") || ing_istarts(s + i, n - i, "pm")))
        i += 2;
    while (i < n && s[i] == ' ')
        i++;
    return i;
}

/* "Video: Reuters", "Video courtesy of AP": a player's source, alone. */
static bool
video_source(const char *s, size_t n)
{
    return (ing_istarts(s, n, "video: ") || ing_istarts(s, n, "video courtesy of ") ||
            ing_istarts(s, n, "video credit: ")) &&
           ing_count_words_max(s, n, 7) <= 6 && s[n - 1] != '.';
}

/* "12:41", "23:52 CET", "10.15am", "3h ago", "45m ago": a live blog's time
 * stamp alone on its line (a digit, and a ':' or '.', or am/pm). */
static bool
live_time(const char *s, size_t n)
{
    static const char *const heads[] = {"updated at ", "updated ", "posted at ", "last updated "};
    for (size_t k = 0; k < DS_ARRAY_LEN(heads); k++)
        if (ing_istarts(s, n, heads[k]) && n > strlen(heads[k])) {
            s += strlen(heads[k]); /* "Updated at 12.41pm" */
            n -= strlen(heads[k]);
            break;
        }
    if (n > 24 || !(s[0] >= '0' && s[0] <= '9'))
        return false;
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i <= 3 && i + 1 < n && (s[i] == 'h' || s[i] == 'm' || s[i] == 'd') &&
        ing_ieq(s + i + 1, n - i - 1, " ago"))
        return true;
    size_t tp = ing_time_prefix(s, n);
    if (!tp)
        return false;
    for (size_t k = tp; k < n; k++)
        if (s[k] >= '0' && s[k] <= '9')
            return false; /* "3.08220700" is a number, "12:41 CET" a time */
    return ing_only_time(s + tp, n - tp);
}

/* The "(@handle)" of an embedded post: its position, or NULL. */
static const char *
handle_in_parens(const char *s, size_t n)
{
    const char *p = ing_ifind(s, n, "(@");
    if (!p)
        return NULL;
    const char *e = memchr(p, ')', (size_t)(s + n - p));
    if (!e || e - p < 3 || e - p > 40 || memchr(p, ' ', (size_t)(e - p)))
        return NULL;
    return p;
}

/* "— Jane Roe (@janeroe) March 4, 2024", "A post shared by Jane Roe
 * (@janeroe)": the signature an embedded social post prints under its
 * text. A name of at most six words, the handle, then a date or nothing. */
static bool
post_signature(const char *s, size_t n)
{
    if (n > 160 || !memchr(s, '@', n))
        return false;
    const char *h = handle_in_parens(s, n);
    if (!h)
        return false;
    size_t i = 0;
    if (ing_istarts(s, n, "a post shared by "))
        i = 17;
    else if (n >= 3 && memcmp(s, "\xe2\x80\x94", 3) == 0) /* — */
        i = 3;
    else if (n >= 3 && memcmp(s, "\xe2\x80\x93", 3) == 0) /* – */
        i = 3;
    else if (s[0] == '-')
        i = 1;
    while (i < n && s[i] == ' ')
        i++;
    if (i >= n || (s + i) >= h || ing_count_words_max(s + i, (size_t)(h - s) - i, 7) > 6)
        return false;
    const char *e = (const char *)memchr(h, ')', (size_t)(s + n - h)) + 1;
    size_t rest = (size_t)(s + n - e);
    struct ing_date dt;
    return rest == 0 || ing_parse_date_whole(e, rest, &dt);
}

/* "The ferry is back. pic.twitter.com/Ab12Cd", "... https://t.co/Ab12Cd":
 * a post's text as an embed prints it, ending in the platform's short
 * link (at most 60 words). */
static bool
post_text_link(const char *s, size_t n)
{
    if (n > 500 || !memchr(s, '/', n))
        return false;
    size_t i = n;
    while (i > 0 && s[i - 1] != ' ')
        i--;
    return (ing_istarts(s + i, n - i, "pic.twitter.com/") ||
            ing_istarts(s + i, n - i, "https://t.co/")) &&
           ing_count_words_max(s, n, 61) <= 60;
}

/* "Topics: Climate, Phoenix, Public health", "Tags: housing | city
 * council": a label, then a list of short items (no sentence). */
static bool
tag_list(const char *s, size_t n)
{
    static const char *const heads[] = {"topics:",     "tags:",           "tagged:", "filed under:",
                                        "categories:", "related topics:", "more on:"};
    size_t i = 0;
    for (size_t k = 0; k < DS_ARRAY_LEN(heads) && !i; k++)
        if (ing_istarts(s, n, heads[k]))
            i = strlen(heads[k]);
    if (!i || i >= n || s[n - 1] == '.' || n > 240)
        return false;
    size_t item = 0;
    for (size_t k = i; k <= n; k++) {
        if (k == n || s[k] == ',' || s[k] == '|' || s[k] == ';') {
            if (ing_count_words_max(s + k - item, item, 6) > 5)
                return false;
            item = 0;
        } else {
            item++;
        }
    }
    return true;
}

/* "Contact the writer at jroe@paper.com", "Contact the reporter:
 * ...", "Write to Jane Roe at jroe@paper.com": a call to write to the
 * story's author, with an address or a handle. */
static bool
writer_contact(const char *s, size_t n)
{
    static const char *const heads[] = {
        "contact the writer",     "contact the reporter", "contact the author",
        "contact the journalist", "contact the editor",   "email the writer",
        "email the author",       "email the reporter",   "write to ",
        "reach the writer",       "reach the reporter"};
    if (n > 240 || !memchr(s, '@', n) || ing_count_words_max(s, n, 31) > 30)
        return false;
    for (size_t k = 0; k < DS_ARRAY_LEN(heads); k++)
        if (ing_istarts(s, n, heads[k]))
            return true;
    return false;
}

/* Does a word of the line address the reader ("you", "your", "our", "us",
 * "we", "please")? */
static bool
addresses_reader(const char *s, size_t n)
{
    static const char *const words[] = {"you", "your", "our", "us", "we", "please"};
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && s[i - 1] != ' ')
            continue;
        size_t j = i;
        while (j < n && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))
            j++;
        if (j > i && ing_ieq_any(s + i, j - i, words, DS_ARRAY_LEN(words)))
            return true;
    }
    return false;
}

/* Does the word "app" or "apps" stand in the line ("our app", "the app,")? */
static bool
has_app_word(const char *s, size_t n)
{
    for (const char *p = s; (p = ing_ifind(p, (size_t)(s + n - p), "app")) != NULL; p += 3) {
        size_t after = (size_t)(s + n - p) - 3;
        bool start = p == s || p[-1] == ' ';
        bool end =
            after == 0 || !((p[3] >= 'a' && p[3] <= 'z') || (p[3] >= 'A' && p[3] <= 'Z')) ||
            ((p[3] == 's' || p[3] == 'S') &&
             (after == 1 || !((p[4] >= 'a' && p[4] <= 'z') || (p[4] >= 'A' && p[4] <= 'Z'))));
        if (start && end)
            return true;
    }
    return false;
}

/* "Listen to our daily podcast on Apple Podcasts or Spotify", "Get
 * breaking news alerts: download our free app for iPhone and Android":
 * a short line opening with a call to the reader (or "Our ... podcast")
 * that names a podcast or an app and where to get it or when it comes
 * out. */
static bool
app_promo(const char *s, size_t n)
{
    static const char *const where[] = {
        "apple podcasts", "spotify",     "wherever you get your podcasts",
        "app store",      "google play", "android",
        "iphone",         " ios",        "download",
        "episodes",       "new episode", " our app",
        "the app",        "free app",    "podcast app",
    };
    static const char *const calls[] = {"listen",    "download", "get ", "install ",
                                        "subscribe", "follow ",  "try ", "stream "};
    bool call = false;
    for (size_t k = 0; k < DS_ARRAY_LEN(calls) && !call; k++)
        call = ing_istarts(s, n, calls[k]);
    /* a call to the reader, or "Our podcast, X, is out every Thursday"
     * (the opening first: it rules out almost every line cheaply) */
    if (n > 300 || !(call || ing_istarts(s, n, "our ")))
        return false;
    bool podcast = ing_ifind(s, n, "podcast") != NULL;
    if ((!call && !podcast) || (!podcast && !has_app_word(s, n)) ||
        ing_count_words_max(s, n, 41) > 40 || reports_speech(s, n))
        return false;
    for (size_t k = 0; k < DS_ARRAY_LEN(where); k++)
        if (ing_ifind(s, n, where[k]))
            return true;
    return false;
}

/* "Independent journalism needs your support. Every contribution ...",
 * "If you value this reporting, please make a donation.": a short appeal
 * that addresses the reader with two or more of a donation box's words. */
static bool
donation_appeal(const char *s, size_t n)
{
    static const char *const signs[] = {
        "donat",
        "contribution",
        "one-time gift",
        "a gift",
        "chip in",
        "give from",
        "give today",
        "free to read",
        "readers like you",
        "nonprofit newsroom",
        "depend on readers",
        "rely on readers",
        "our journalism",
        "our reporting",
        "independent journalism",
        "independent reporting",
        "become a member",
        "support us",
        "supporting",
        "support independent",
        "your support",
    };
    if (n > 400 || memchr(s, '"', n) || !addresses_reader(s, n) ||
        ing_count_words_max(s, n, 46) > 45 || reports_speech(s, n))
        return false;
    int hits = 0;
    for (size_t k = 0; k < DS_ARRAY_LEN(signs) && hits < 2; k++)
        hits += ing_ifind(s, n, signs[k]) != NULL;
    return hits >= 2;
}

/* "Read more about the court fight in our earlier coverage.", "Read more
 * on this here.": a one-sentence pointer to the outlet's other stories. */
static bool
read_more_pointer(const char *s, size_t n)
{
    if (!(ing_istarts(s, n, "read more ") || ing_istarts(s, n, "see more ") ||
          ing_istarts(s, n, "find more ")) ||
        ing_count_words_max(s, n, 21) > 20 || reports_speech(s, n))
        return false;
    return ing_ifind(s, n, " our ") || ing_ifind(s, n, " here") || ing_ifind(s, n, "coverage");
}

/* "Have feedback? Email us at desk@paper.com.", "Questions? Write to us":
 * a short question to the reader, then where to write. */
static bool
feedback_prompt(const char *s, size_t n)
{
    const char *q = memchr(s, '?', n < 40 ? n : 40);
    if (!q || !(s[0] >= 'A' && s[0] <= 'Z') || q + 2 >= s + n || q[1] != ' ' ||
        !(q[2] >= 'A' && q[2] <= 'Z') || memchr(s, '/', (size_t)(q - s)) ||
        ing_count_words_max(s, (size_t)(q - s), 6) > 5 || ing_count_words_max(s, n, 31) > 30)
        return false;
    const char *r = q + 1;
    size_t rn = (size_t)(s + n - r);
    return memchr(r, '@', rn) || ing_ifind(r, rn, "email us") || ing_ifind(r, rn, "write to us") ||
           ing_ifind(r, rn, "contact us") || ing_ifind(r, rn, "let us know");
}

/* Is s[0, n) a count ("34", "1.2K", "2.1M")? *scaled when it ends in K
 * or M. */
static bool
count_token(const char *s, size_t n, bool *scaled)
{
    *scaled = n >= 2 && (s[n - 1] == 'K' || s[n - 1] == 'M' || s[n - 1] == 'k');
    size_t e = *scaled ? n - 1 : n;
    if (e == 0 || e > 5 || !(s[0] >= '0' && s[0] <= '9'))
        return false;
    for (size_t i = 0; i < e; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] == '.' && i > 0 && i + 1 < e)))
            return false;
    return true;
}

/* "1.2K", "1.2K 34", "2.1M views": a row of counters of claps, likes or
 * views, one of them scaled by K or M (a bare "34" may be text). */
static bool
bare_count(const char *s, size_t n)
{
    if (n < 2 || n > 24)
        return false;
    bool any = false;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        bool scaled;
        if (!count_token(s + i, j - i, &scaled))
            return false;
        any |= scaled;
        i = j + 1;
    }
    return any;
}

/* See lib.h. ("See also" lists of a reference page are not such a
 * heading: they are the page's own.) */
bool
ing_is_recirculation_heading(const char *s, size_t n)
{
    static const char *const heads[] = {"trending",    "most read",    "most popular",
                                        "most viewed", "most shared",  "most watched",
                                        "more from",   "more stories", "top stories",
                                        "you may also", "you might also"};
    /* "Related" and "Recommended" head such a list only before a word
     * for stories ("Related Searches", "Recommended for you"), not in a
     * heading of the text ("Related party transactions") */
    static const char *const opens[] = {"related ", "recommended "};
    static const char *const nouns[] = {"stories",  "articles", "content", "news",
                                        "searches", "topics",   "coverage", "reading",
                                        "links",    "posts",    "videos",  "for you"};
    for (size_t i = 0; i < DS_ARRAY_LEN(heads); i++)
        if (ing_istarts(s, n, heads[i]))
            return true;
    for (size_t i = 0; i < DS_ARRAY_LEN(opens); i++) {
        size_t o = strlen(opens[i]);
        if (!ing_istarts(s, n, opens[i]))
            continue;
        for (size_t k = 0; k < DS_ARRAY_LEN(nouns); k++)
            if (ing_istarts(s + o, n - o, nouns[k]))
                return true;
    }
    return false;
}

/* Does the verb "subscribe" stand in the line ("subscribe to", "or
 * subscribe,"), not "subscribers"? */
static bool
subscribe_verb(const char *s, size_t n)
{
    const char *p = ing_ifind(s, n, "subscribe");
    if (!p)
        return false;
    size_t after = (size_t)(s + n - p) - 9;
    return after == 0 || !((p[9] >= 'a' && p[9] <= 'z') || (p[9] >= 'A' && p[9] <= 'Z'));
}

/* "Enjoyed this piece? Share it with a friend, or subscribe to get our
 * stories.": a short line that asks the reader to subscribe anywhere in
 * it (not reported speech). */
static bool
subscribe_call(const char *s, size_t n)
{
    return n <= 240 && memchr(s, 'b', n) && subscribe_verb(s, n) &&
           ing_count_words_max(s, n, 31) <= 30 && addresses_reader(s, n) &&
           !ing_has_speech_verb(s, n) && !ing_writer_question(s, n);
}

/* "Bleached coral near Lizard Island. Supplied: AIMS", "... in March.
 * Supplied": a caption ending in a "Supplied" credit. */
static bool
supplied_tail(const char *s, size_t n)
{
    /* it ends "Supplied" or "Supplied: Name", never with a full stop */
    if (n > 300 || s[n - 1] == '.' || !memchr(s, '.', n))
        return false;
    const char *t = ing_ifind(s, n, ". supplied");
    if (!t || ing_count_words_max(s, n, 41) > 40)
        return false;
    t += 10;
    size_t rest = (size_t)(s + n - t);
    return rest == 0 || (t[0] == ':' && ing_count_words_max(t, rest, 6) <= 5 && s[n - 1] != '.');
}

/* "1 / 8", "3/12": a gallery's counter written with a slash. */
static bool
slash_counter(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0 || i > 3)
        return false;
    while (i < n && s[i] == ' ')
        i++;
    if (i >= n || s[i] != '/')
        return false;
    i++;
    while (i < n && s[i] == ' ')
        i++;
    size_t d = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i == n && i > d && i - d <= 3;
}

/* See lib.h. */
const char *
ing_promo_shape(const char *s, size_t n)
{
    if (n > 400)
        return NULL;
    if (live_time(s, n))
        return "time";
    if (slash_counter(s, n))
        return "gallery";
    if (post_signature(s, n) || post_text_link(s, n))
        return "embed";
    if (tag_list(s, n))
        return "label";
    if (writer_contact(s, n))
        return "contact";
    if (read_more_pointer(s, n))
        return "related";
    if (supplied_tail(s, n))
        return "caption";
    if (video_source(s, n))
        return "video";
    if (feedback_prompt(s, n))
        return "tip";
    if (subscribe_call(s, n))
        return "newsletter";
    if (bare_count(s, n))
        return "label";
    size_t p = skip_pictographs(s, n);
    if (p < n && (app_promo(s + p, n - p) || donation_appeal(s + p, n - p)))
        return "promo";
    return NULL;
}

/*
 * ingest/clean.c — telling page furniture from article text, one line at a
 * time. Every rule is generic (no site is named): unrendered templates,
 * runs of UI icon names, sponsored-content notes, subscription prompts,
 * share/print/menu labels, and lines the indexer found in many documents.
 * Rules that look at words only fire on short lines that are not sentences
 * of prose, so a real sentence that mentions "subscribers" always stays.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/ingest.h"
#include "dossier/util.h"
#include "lib.h"

/* ---- UI icon names --------------------------------------------------------------- */

/* Words that name interface pieces in icon sprites and SVG titles. */
static const char *const icon_words[] = {
    "arrow",     "artboard",  "sketch",   "chevron",    "icon",      "icons",    "facebook",
    "linkedin",  "twitter",   "mail",     "email",      "menu",      "burger",   "hamburger",
    "path",      "layer",     "print",    "search",     "close",     "caret",    "logo",
    "whatsapp",  "instagram", "youtube",  "pinterest",  "reddit",    "telegram", "share",
    "bookmark",  "comment",   "comments", "title",      "site",      "contact",  "eye",
    "positive",  "negative",  "created",  "with",       "group",     "shape",    "rectangle",
    "oval",      "copy",      "link",     "play",       "pause",     "expand",   "collapse",
    "left",      "right",     "up",       "down",       "plus",      "minus",    "user",
    "account",   "profile",   "home",     "star",       "heart",     "x",        "svg",
    "combined",  "fill",      "stroke",   "line",       "circle",    "clock",    "calendar",
    "download",  "upload",    "external", "open",       "new",       "window",   "tab",
    "dropdown",  "toggle",    "nav",      "navigation", "mask",      "vector",   "frame",
    "flipboard", "weibo",     "wechat",   "line",       "messenger", "sms",      "feed",
    "rss",       "podcast",   "audio",    "video",      "camera",    "image",    "gallery",
};

static bool
is_icon_word(const char *s, size_t n)
{
    return ing_ieq_any(s, n, icon_words, DS_ARRAY_LEN(icon_words));
}

/* A line made of UI icon names: split at spaces, dots and lower→Upper case
 * joins ("IconFacebookIcon"); drop when most pieces are icon words and the
 * line either has case joins or is nothing but icon words. */
static bool
is_icon_run(const char *s, size_t n)
{
    if (n > 600)
        return false;
    for (size_t k = 0; k < n; k++) {
        char c = s[k];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '.' ||
              c == '-' || c == '_' || c == '|' || c == '/'))
            return false; /* digits, punctuation, non-ASCII: text, not icons */
        if (c == '.' && k + 1 < n && s[k + 1] == ' ')
            return false; /* a full stop between sentences */
    }
    /* cheap count of pieces and case joins before any word lookups */
    int pieces = 0, icons = 0, joins = 0;
    for (size_t k = 0; k < n; k++) {
        bool up = s[k] >= 'A' && s[k] <= 'Z';
        bool lo_prev = k > 0 && s[k - 1] >= 'a' && s[k - 1] <= 'z';
        bool letter_prev =
            k > 0 && ((s[k - 1] >= 'a' && s[k - 1] <= 'z') || (s[k - 1] >= 'A' && s[k - 1] <= 'Z'));
        bool letter = up || (s[k] >= 'a' && s[k] <= 'z');
        if (up && lo_prev)
            joins++;
        if (letter && (!letter_prev || (up && lo_prev)))
            pieces++;
    }
    if (pieces == 0 || (joins == 0 && pieces > 3))
        return false;
    pieces = 0;
    joins = 0;
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && s[j] >= 'a' && s[j] <= 'z')
            j++;
        pieces++;
        if (is_icon_word(s + i, j - i))
            icons++;
        else if (pieces - icons > 3 && (pieces - icons) * 10 > pieces * 4)
            return false; /* too many ordinary words already */
        if (j < n && s[j] >= 'A' && s[j] <= 'Z' && s[j - 1] >= 'a' && s[j - 1] <= 'z')
            joins++;
        i = j;
    }
    if (pieces == 0)
        return false;
    if (icons * 10 < pieces * 6)
        return false;
    return joins >= 1 || (icons == pieces && pieces <= 3);
}

/* ---- labels ----------------------------------------------------------------------- */

/* Whole-line labels (compared without case and trailing ':', '»', '>'). */
static const char *const labels[] = {
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share via email",
    "share article",
    "print",
    "print this page",
    "print article",
    "email",
    "email this",
    "menu",
    "main menu",
    "advertisement",
    "advertising",
    "ad",
    "sponsored",
    "read more",
    "read more here",
    "related",
    "related articles",
    "related stories",
    "related content",
    "related news",
    "related topics",
    "related coverage",
    "related reading",
    "related links",
    "keep reading",
    "more coverage",
    "read next",
    "more on this",
    "also on",
    "more on this story",
    "more stories",
    "more from",
    "skip to content",
    "skip to main content",
    "back to top",
    "comments",
    "view comments",
    "close",
    "search",
    "home",
    "listen",
    "listen to this article",
    "save",
    "save article",
    "follow",
    "follow us",
    "copy link",
    "link copied",
    "scroll to continue",
    "continue reading",
    "story continues below",
    "story continues below advertisement",
    "article continues below",
    "recommended",
    "most read",
    "most popular",
    "trending",
    "trending now",
    "you may also like",
    "you might also like",
    "toggle navigation",
    "open menu",
    "close menu",
    "sign in",
    "log in",
    "login",
    "register",
    "subscribe",
    "subscribe now",
    "newsletter",
    "top stories",
    "latest news",
    "editor's picks",
    "editor’s picks",
    "watch",
    "video",
    "photos",
    "gallery",
    "next article",
    "previous article",
    "next",
    "previous",
    "tags",
    "topics",
    "font size",
    "text size",
    "a a a",
    "aa",
    "reuse this content",
    "in this article",
    "skip advertisement",
    "now playing",
    "up next",
    "watch now",
    "video ad feedback",
    "loading...",
    "show caption",
    "hide caption",
    "toggle caption",
    "enlarge this image",
    "supported by",
    "trending stories",
    "media playback is unsupported on your device",
    "media playback is not supported on this device",
    "explore more on these topics",
    "more on this topic",
    "view in browser",
    "view online",
    "view in your browser",
    "view this email in your browser",
    "read in app",
    "read in the app",
    "about the author",
    "add new comment",
    "leave a comment",
    "enditem",
    "share on whatsapp",
    "share this post",
    "pinned",
    "pinned post",
    "key event",
    "key events",
    "key moments",
    "live",
    "live updates",
    "read also",
    "also read",
    "recommended for you",
    "more news",
    "contents",
    "table of contents",
    "on this page",
    "in this story",
    "view this post on instagram",
    "view this post on tiktok",
    "donate",
    "donate now",
    "donate today",
    "give today",
    "support us",
    "download now",
    "in this guide",
    "advertiser disclosure",
    "was this article helpful?",
    "was this helpful?",
    "breaking",
    "breaking news",
    "see more",
    "see more updates",
    "load more",
    "show more",
    "more updates",
    "view more",
    "most viewed",
    "most shared",
    "most watched",
    "share via",
    "print this article",
    "email this article",
    "\xe5\x88\x86\xe4\xba\xab\xe5\x88\xb0",             /* 分享到 */
    "\xe8\xbf\x94\xe5\x9b\x9e\xe9\xa1\xb6\xe9\x83\xa8", /* 返回顶部 */
    "\xe6\x89\x93\xe5\x8d\xb0",                         /* 打印 */
};

/* Prefixes of short label lines ("Related: ...", "Read more: ..."). */
static const char *const label_prefixes[] = {
    "related:",
    "related story:",
    "related article:",
    "read more:",
    "read also:",
    "also read:",
    "read also |",
    "also read |",
    "read more |",
    "explore more on these topics",
    "more information:",
    "advertise with ",
    "see also:",
    "more:",
    "watch:",
    "listen:",
    "like this: like",
    "click here to",
    "click here for",
    "tap here to",
    "follow us on",
    "click to share",
    "click to email",
    "click to print",
    "share this with",
    "follow us:",
    "share this article",
    "share this:",
    "share this newsletter",
    "share on",
    "saved from ",
    "download our app",
    "download the app",
    "get the app",
    "\xe8\xb4\xa3\xe4\xbb\xbb\xe7\xbc\x96\xe8\xbe\x91", /* 责任编辑 (editor in charge) */
    "\xe7\xbc\x96\xe8\xbe\x91\xef\xbc\x9a",             /* 编辑： */
    "\xe5\x88\x86\xe4\xba\xab\xe5\x88\xb0",             /* 分享到 */
};

/* "4 min read", "12 comments", "3 hours ago", "Updated 5 minutes ago":
 * counters and relative times that page templates print. */
static bool
is_counter(const char *s, size_t n)
{
    static const char *const tails[] = {
        " min read",  " mins read", " minute read", " minutes read", " min listen",
        " comments",  " comment",   " shares",      " views",        " likes",
    };
    static const char *const units[] = {"second", "seconds", "minute", "minutes", "min",
                                        "mins",   "hour",    "hours",  "hr",      "hrs",
                                        "day",    "days",    "week",   "weeks",   "month",
                                        "months", "year",    "years"};
    if (n > 40)
        return false;
    size_t i = 0;
    if (ing_istarts(s, n, "updated "))
        i = 8;
    else if (ing_istarts(s, n, "reading time: "))
        i = 14;
    size_t d = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == d)
        return false;
    for (size_t k = 0; k < DS_ARRAY_LEN(tails); k++)
        if (ing_ieq(s + i, n - i, tails[k]))
            return true;
    /* "<n> <unit> ago" */
    if (n - i < 6 || s[i] != ' ' || !ing_ieq(s + n - 4, 4, " ago"))
        return false;
    for (size_t k = 0; k < DS_ARRAY_LEN(units); k++)
        if (ing_ieq(s + i + 1, n - i - 5, units[k]))
            return true;
    return false;
}

static bool
is_label(const char *s, size_t n)
{
    if (is_counter(s, n))
        return true;
    size_t arrow = ing_arrow_len(s, n); /* "↑ Back to top" */
    s += arrow;
    n -= arrow;
    while (n && (s[n - 1] == ':' || s[n - 1] == '>' || s[n - 1] == ' ' || s[n - 1] == '|'))
        n--;
    if (n >= 2 && memcmp(s + n - 2, "\xc2\xbb", 2) == 0) /* » */
        n -= 2;
    while (n && s[n - 1] == ' ')
        n--;
    if (n == 0 || n > 60)
        goto prefixes;
    for (size_t i = 0; i < DS_ARRAY_LEN(labels); i++)
        if (ing_ieq(s, n, labels[i]))
            return true;
prefixes:
    if (n > 160 || ing_is_prose(s, n, 12))
        return false;
    /* "Trending Tickers", "Most Read Today": a list heading's words and
     * at most two more, no punctuation */
    if (ing_is_recirculation_heading(s, n) && ing_count_words_max(s, n, 5) <= 4 &&
        !ing_ends_with_any(s, n, ".,;:!?\""))
        return true;
    /* "More from Politics", "Jump to navigation": a heading of links */
    if ((ing_istarts(s, n, "more from ") || ing_istarts(s, n, "jump to ") ||
         ing_istarts(s, n, "skip to ")) &&
        ing_count_words_max(s, n, 7) <= 6 && !ing_ends_with_any(s, n, ".,;"))
        return true;
    for (size_t i = 0; i < DS_ARRAY_LEN(label_prefixes); i++)
        if (ing_istarts(s, n, label_prefixes[i]))
            return true;
    /* "Advertisement - Scroll to continue", "ADVERTISEMENT Story continues
     * below": the label run into the next one; "Advertisement revenue fell
     * 8%." goes on in lower case and is a sentence of the text */
    return ing_istarts(s, n, "advertisement") && n > 13 &&
           !(s[13] >= 'a' && s[13] <= 'z') && !(s[13] == ' ' && n > 14 && s[14] >= 'a' && s[14] <= 'z');
}

/* ---- run-ins and credits ----------------------------------------------------------- */

/* Prefixes of a related-story run-in: the prefix, then a headline. */
static const char *const runin_prefixes[] = {
    "related:", "related story:", "related article:", "related content:", "read more:",
    "read also:", "also read:", "read also |", "also read |", "read more |", "see also:",
    "read next:", "more:", "more on this:",
    "recommended:", "read:", "watch:", "listen:", "most read:", "most popular:", "trending:",
};

/* The same prefixes a page runs without a colon before the linked headline
 * ("Related article Hurricane season has been quiet"). */
static const char *const runin_bare_prefixes[] = {
    "related article ", "related story ", "related video ", "related link ", "related content ",
};

/* "READ MORE: Housebuilders cut prices in the north", "Related: Bank holds
 * rates steady as inflation cools": a run-in prefix and a headline (at most
 * 30 words, no sentence-ending full stop), whatever its length. (See
 * ingest/lib.h.) */
bool
ing_is_related_runin(const char *s, size_t n)
{
    for (size_t i = 0; i < DS_ARRAY_LEN(runin_prefixes); i++) {
        size_t pl = strlen(runin_prefixes[i]);
        if (n <= pl || !ing_istarts(s, n, runin_prefixes[i]))
            continue;
        size_t words = ing_count_words_max(s + pl, n - pl, 31);
        return words >= 1 && words <= 30 && s[n - 1] != '.';
    }
    for (size_t i = 0; i < DS_ARRAY_LEN(runin_bare_prefixes); i++) {
        size_t pl = strlen(runin_bare_prefixes[i]);
        if (n <= pl || !ing_istarts(s, n, runin_bare_prefixes[i]) ||
            !((s[pl] >= 'A' && s[pl] <= 'Z') || (s[pl] >= '0' && s[pl] <= '9') || s[pl] == '"'))
            continue;
        size_t words = ing_count_words_max(s + pl, n - pl, 31);
        return words >= 2 && words <= 30 && s[n - 1] != '.';
    }
    return false;
}

/* See ingest/lib.h. */
bool
ing_is_related_heading(const char *s, size_t n)
{
    static const char *const heads[] = {"related", "read more", "read next", "read also",
                                        "more on this", "more from", "more stories",
                                        "more coverage", "see also", "also on", "you may also",
                                        "you might also", "recommended", "most read",
                                        "most popular", "top stories", "editor",
                                        "trending", "explore more", "now playing", "up next",
                                        "watch now", "video ad feedback",
                                        "keep reading", "more news", "most viewed",
                                        "most shared", "most watched"};
    for (size_t i = 0; i < DS_ARRAY_LEN(heads); i++)
        if (ing_istarts(s, n, heads[i]))
            return true;
    return ing_foreign_related_heading(s, n);
}

/* Openings of a credit line: who reported, wrote, edited. */
static const char *const credit_prefixes[] = {
    "reporting by ",          "additional reporting by ", "additional reporting from ",
    "with additional reporting by ", "with reporting by ", "writing by ",
    "editing by ",            "edited by ",
    "compiled by ",           "reporting and writing by ", "contributing: ",
    "contributing reporting by ", "graphics by ",        "research by ",
    "with assistance from ",  "with assistance by ",
};
/* Endings of a credit sentence: "Jane Doe contributed to this report." */
static const char *const credit_tails[] = {
    "contributed to this report.", "contributed to this report",
    "contributed reporting.",      "contributed reporting",
    "contributed to this story.",  "contributed to this article.",
};

/* "Associated Press writer Jane Doe contributed from Austin.": one short
 * sentence whose verb is "contributed from" and a place or two (capitalised
 * words, "and", commas) up to its full stop. */
static bool
contributed_from(const char *s, size_t n)
{
    const char *p = ing_ifind(s, n, " contributed from ");
    if (!p || s[n - 1] != '.' || ing_count_words_max(s, n, 21) > 20 ||
        ing_ifind(s, n - 1, ". "))
        return false;
    const char *r = p + strlen(" contributed from ");
    size_t rl = (size_t)(s + n - 1 - r);
    for (size_t i = 0; i < rl; i++) {
        bool word_start = i == 0 || r[i - 1] == ' ';
        if (word_start && r[i] >= 'a' && r[i] <= 'z' && !ing_istarts(r + i, rl - i, "and "))
            return false; /* "contributed from her savings to the fund" is prose */
    }
    return rl > 0;
}

/* "(Reporting by Jane Doe; Editing by John Smith)", "Additional reporting
 * by AP", "Jane Doe contributed to this report.": the people (or another
 * agency) credited for the work, never the article's own outlet. At most
 * 40 words, in parentheses or not. (See ingest/lib.h.) */
bool
ing_is_credit(const char *s, size_t n)
{
    if (n > 400)
        return false;
    if (n >= 2 && s[0] == '(' && s[n - 1] == ')') {
        s++;
        n -= 2;
    } else if (n >= 2 && (s[0] == '-' || s[0] == '(')) {
        s++; /* "- Additional reporting by ...", "--With assistance from ..." */
        n--;
        if (n && s[0] == '-') {
            s++;
            n--;
        }
    }
    while (n && s[0] == ' ') {
        s++;
        n--;
    }
    if (!n || ing_count_words_max(s, n, 41) > 40)
        return false;
    for (size_t i = 0; i < DS_ARRAY_LEN(credit_prefixes); i++) {
        size_t pl = strlen(credit_prefixes[i]);
        if (ing_istarts(s, n, credit_prefixes[i]) && n > pl)
            return (s[pl] >= 'A' && s[pl] <= 'Z') || (unsigned char)s[pl] >= 0x80 ||
                   s[pl - 1] == ':'; /* a name: "Compiled by the office, ..." is prose */
    }
    for (size_t i = 0; i < DS_ARRAY_LEN(credit_tails); i++) {
        size_t tl = strlen(credit_tails[i]);
        if (n > tl && ing_ieq(s + n - tl, tl, credit_tails[i]) &&
            ing_count_words_max(s, n - tl, 13) <= 12 && !ing_ifind(s, n - tl, ". "))
            return true; /* one sentence: a line's last one is cut alone (runins.c) */
    }
    return contributed_from(s, n);
}

/* ---- subscription prompts --------------------------------------------------------- */

/* Phrases that only page furniture uses: dropped on any short line. */
static const char *const paywall_strong[] = {
    "free article",
    "free articles",
    "articles left",
    "article left",
    "trial period has expired",
    "your trial",
    "see all offers",
    "already a subscriber",
    "already have an account",
    "sign up for our newsletter",
    "sign up to our newsletter",
    "subscribe to our newsletter",
    "subscribe now",
    "subscribe today",
    "subscribe to continue",
    "subscribe to read",
    "subscribers only",
    "subscriber-only",
    "for subscribers",
    "you need a subscription",
    "offer ends",
    "unlimited access",
    "unlock this article",
    "unlock full access",
    "to continue reading",
    "create a free account",
    "create an account",
    "log in to continue",
    "sign in to continue",
    "register to continue",
    "support our journalism",
    "support independent journalism",
    "this content was commissioned",
    "we use cookies",
    "accept cookies",
    "cookie policy",
    "cookie settings",
    "manage cookies",
    "get unlimited",
    "digital subscription",
    "has expired",
    "remove ads",
    "ad-free",
    "paywall",
};

/* Words that mark a prompt only on a short line that speaks to the reader
 * ("you", "your", or an imperative first word). */
static const char *const paywall_weak[] = {
    "subscribe", "subscription", "subscriber", "newsletter", "sign up",  "sign in",
    "log in",    "register",     "membership", "premium",    "offer",    "access",
    "trial",     "per month",    "a month",    "/month",     "per week", "cancel anytime",
};

static const char *const imperative_starts[] = {
    "subscribe", "sign",   "log",     "get",        "try",      "see",     "register", "join",
    "start",     "create", "already", "unlock",     "continue", "read",    "become",   "upgrade",
    "claim",     "save",   "enjoy",   "don't miss", "stay",     "support",
};

/* "Try 3 months for $9", "1 month for €1" */
static bool
is_price_offer(const char *s, size_t n)
{
    const char *p = ing_ifind(s, n, " for ");
    if (!p)
        return false;
    bool period = ing_ifind(s, (size_t)(p - s), "month") || ing_ifind(s, (size_t)(p - s), "week") ||
                  ing_ifind(s, (size_t)(p - s), "year");
    size_t rest = n - (size_t)(p - s) - 5;
    const char *r = p + 5;
    bool price = rest > 0 &&
                 (r[0] == '$' || r[0] == '\xe2' || r[0] == '\xc2' || (r[0] >= '0' && r[0] <= '9') ||
                  ing_istarts(r, rest, "free") || ing_istarts(r, rest, "us$") ||
                  ing_istarts(r, rest, "hk$") || ing_istarts(r, rest, "s$"));
    return period && price;
}

static bool
speaks_to_reader(const char *s, size_t n)
{
    for (size_t i = 0; i < DS_ARRAY_LEN(imperative_starts); i++) {
        size_t m = strlen(imperative_starts[i]);
        if (ing_istarts(s, n, imperative_starts[i]) &&
            (m == n || s[m] == ' ' || s[m] == ':' || s[m] == '!' || s[m] == ','))
            return true;
    }
    for (size_t i = 0; i + 3 <= n; i++) {
        if ((i == 0 || s[i - 1] == ' ') && ing_istarts(s + i, n - i, "you") &&
            (i + 3 == n || s[i + 3] == ' ' || s[i + 3] == 'r' || s[i + 3] == '\''))
            return true;
    }
    return false;
}

/* Does a later sentence of the line open with a sign-up imperative
 * ("Thanks for reading The Ledger Line! Subscribe for free to receive new
 * posts.")? Capitalised after ". ", "! " or "? ", as a call to the reader is
 * written; prose that mentions subscribers does not start a sentence so. */
static bool
later_sentence_signs_up(const char *s, size_t n)
{
    static const char *const calls[] = {"Subscribe ", "Sign up "};
    for (size_t i = 2; i < n; i++) {
        if (s[i - 1] != ' ' || (s[i - 2] != '.' && s[i - 2] != '!' && s[i - 2] != '?'))
            continue;
        for (size_t k = 0; k < DS_ARRAY_LEN(calls); k++) {
            size_t m = strlen(calls[k]);
            if (n - i > m && memcmp(s + i, calls[k], m) == 0)
                return true;
        }
    }
    return false;
}

/* Does a later sentence of the line speak to the reader ("Money
 * questions, answered. Get our newsletter every Sunday.")? */
static bool
later_sentence_speaks(const char *s, size_t n)
{
    for (size_t i = 2; i < n; i++)
        if (s[i - 1] == ' ' && (s[i - 2] == '.' || s[i - 2] == '!' || s[i - 2] == '?') &&
            s[i] >= 'A' && s[i] <= 'Z' && speaks_to_reader(s + i, n - i))
            return true;
    return false;
}

/* A newsletter prompt, even of two sentences: a line that speaks to the
 * reader ("Sign up for ...", "Get ...") and names a newsletter or an inbox
 * ("Get the Morning Manifest in your inbox. Sign up for our newsletter."),
 * or a short line whose later sentence asks the reader to subscribe (a
 * blog platform's "Thanks for reading X! Subscribe for free ..."). */
static bool
is_newsletter_prompt(const char *s, size_t n)
{
    if (n > 200 || ing_count_words_max(s, n, 31) > 30)
        return false;
    if (later_sentence_signs_up(s, n))
        return true;
    /* "If you enjoyed this post, subscribe to get new essays by email." */
    if ((ing_istarts(s, n, "if you enjoyed") || ing_istarts(s, n, "if you liked")) &&
        ing_ifind(s, n, "subscribe"))
        return true;
    if (!speaks_to_reader(s, n) && !later_sentence_speaks(s, n))
        return false;
    if (ing_ifind(s, n, "newsletter") || ing_ifind(s, n, "your inbox"))
        return true;
    /* "Join our WhatsApp channel and get the latest news" */
    if (ing_istarts(s, n, "join") && ing_ifind(s, n, " channel") &&
        (ing_ifind(s, n, "whatsapp") || ing_ifind(s, n, "telegram") ||
         ing_ifind(s, n, "get the latest")))
        return true;
    /* "Sign up to our free Morning Headlines email for the latest news" */
    return ing_istarts(s, n, "sign up") &&
           (ing_ifind(s, n, " email") || ing_ifind(s, n, " alerts") || ing_ifind(s, n, " bulletin"));
}

static bool
is_paywall(const char *s, size_t n)
{
    if (n > 200)
        return false;
    int words = ing_count_words_max(s, n, 25);
    bool prose = ing_is_prose(s, n, 12);
    if (prose || words > 25)
        return false;
    char low[201];
    for (size_t i = 0; i < n; i++)
        low[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
    low[n] = '\0';
    for (size_t i = 0; i < DS_ARRAY_LEN(paywall_strong); i++)
        if (strstr(low, paywall_strong[i]))
            return true;
    if (n <= 120 && words <= 15 && is_price_offer(s, n) && speaks_to_reader(s, n))
        return true;
    if (n > 120 || words >= 12)
        return false;
    if (!speaks_to_reader(s, n))
        return false;
    for (size_t i = 0; i < DS_ARRAY_LEN(paywall_weak); i++)
        if (strstr(low, paywall_weak[i]))
            return true;
    return false;
}

/* ---- sponsored content ------------------------------------------------------------ */

static bool
is_sponsored(const char *s, size_t n)
{
    static const char *const starts[] = {
        "sponsored content",
        "sponsored by",
        "about sponsored content",
        "paid content",
        "paid post",
        "paid partnership",
        "promoted content",
        "partner content",
        "in partnership with",
        "this content is sponsored",
        "content from our partners",
        "advertiser content",
        "brand content",
        "sponsored:",
    };
    if (n > 400)
        return false;
    for (size_t i = 0; i < DS_ARRAY_LEN(starts); i++)
        if (ing_istarts(s, n, starts[i])) {
            /* "Sponsored by" inside a long sentence of prose is reporting */
            if (i == 1 && ing_is_prose(s, n, 12))
                return false;
            return true;
        }
    return false;
}

/* ---- templates -------------------------------------------------------------------- */

static bool
is_template(const char *s, size_t n)
{
    if (!memchr(s, '{', n))
        return false;
    const char *a = ing_ifind(s, n, "{{");
    if (a && ing_ifind(a, n - (size_t)(a - s), "}}"))
        return true;
    a = ing_ifind(s, n, "{%");
    if (a && ing_ifind(a, n - (size_t)(a - s), "%}"))
        return true;
    a = ing_ifind(s, n, "${");
    if (a) {
        const char *b = memchr(a, '}', n - (size_t)(a - s));
        /* ${name} with an identifier inside, not a price like "${}" */
        if (b && b - a > 2) {
            for (const char *p = a + 2; p < b; p++)
                if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' ||
                      *p == '.' || (*p >= '0' && *p <= '9')))
                    return false;
            return true;
        }
    }
    return false;
}

/* ---- frequent lines ---------------------------------------------------------------- */

/* See ingest/lib.h. */
bool
ing_is_frequent(const struct ingest_ctx *ctx, const char *s, size_t n)
{
    uint64_t h;
    if (!ctx || !ctx->nfrequent_lines || !ing_line_hash(s, n, &h))
        return false;
    size_t lo = 0, hi = ctx->nfrequent_lines;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ctx->frequent_lines[mid] == h)
            return true;
        if (ctx->frequent_lines[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* ---- photo captions and credits, video players ---------------------------------- */

/* Does the line end in a video player's credit ("... Video provided by
 * Newsy", "... Video by Jane Roe")? Only a short line: prose does not end
 * so. */
static bool
video_credit(const char *s, size_t n)
{
    if (n > 240)
        return false;
    const char *v = ing_ifind(s, n, "video provided by ");
    size_t skip = 18;
    if (!v) {
        v = ing_ifind(s, n, "video by ");
        skip = 9;
    }
    if (!v || (v > s && v[-1] != ' ') || s[n - 1] == '.')
        return false;
    return ing_count_words_max(v + skip, (size_t)(s + n - v) - skip, 5) <= 4;
}

/* See ingest/lib.h. */
bool
ing_is_video_credit_repeat(const char *video, size_t vn, const char *s, size_t n)
{
    if (n == 0 || n > 60 || n >= vn || s[n - 1] == '.' || ing_count_words_max(s, n, 5) > 4)
        return false;
    if (video[vn - n - 1] != ' ' || memcmp(video + vn - n, s, n) != 0)
        return false;
    return ing_ifind(video, vn, "video provided by ") || ing_ifind(video, vn, "video by ");
}

/* A photo caption or credit, by its shape: a short line ending in a credit
 * in parentheses ("... exchange. (Getty Images)"), a glued "CreditX/Agency",
 * "Photo: X", "Photo by X", "Image caption:", "Pictured:", a trailing "AP
 * Photo/X" or "Name/Agency"; a video player's text ("CLOSE Video: ... AP,
 * AP", "... Video provided by Newsy"). */
static const char *
caption_reason(const char *s, size_t n)
{
    if (n > 300 || ing_ifind(s, n, "://"))
        return NULL; /* a web address is no caption */
    if (n > 6 && memcmp(s, "CLOSE ", 6) == 0)
        return "video";
    if (ing_istarts(s, n, "photo:") || ing_istarts(s, n, "image:") ||
        ing_istarts(s, n, "photograph:") || ing_istarts(s, n, "picture:") ||
        ing_istarts(s, n, "photo credit:") || ing_istarts(s, n, "image caption:") ||
        ing_istarts(s, n, "media caption:") || ing_istarts(s, n, "pictured:"))
        return "caption";
    const char *shape = ing_caption_shape(s, n);
    if (shape)
        return shape;
    if ((ing_istarts(s, n, "photo by ") || ing_istarts(s, n, "photograph by ") ||
         ing_istarts(s, n, "photographs by ") || ing_istarts(s, n, "photos by ") ||
         ing_istarts(s, n, "image by ")) &&
        ing_count_words_max(s, n, 13) <= 12 && s[n - 1] != '.')
        return "caption"; /* "Photo by Jane Roe on Unsplash" */
    if (video_credit(s, n))
        return "video";
    if (s[n - 1] == ')') {
        const char *open = NULL;
        for (size_t i = n - 1; i-- > 0;)
            if (s[i] == '(') {
                open = s + i;
                break;
            }
        size_t pl = open ? (size_t)(s + n - open) : 0;
        if (open && pl <= 60 && (open == s || open[-1] == ' ') && ing_has_credit_word(open, pl) &&
            (open - s < 2 || open[-2] == '.' || ing_ifind(open, pl, "photo") ||
             ing_ifind(open, pl, "getty") || ing_ifind(open, pl, "image")))
            return "caption";
    }
    const char *cr = ing_ifind(s, n, "Credit");
    if (cr && cr > s && (cr[-1] == '.' || cr[-1] == ' ') && (size_t)(s + n - cr) <= 70 &&
        cr + 6 < s + n && ((cr[6] >= 'A' && cr[6] <= 'Z') || cr[6] == ':') &&
        memchr(cr, '/', (size_t)(s + n - cr)))
        return "caption";
    /* "... in Washington. AP Photo/Evan Vucci", "... Capitol. Jane Roe/Reuters" */
    const char *slash = NULL;
    for (size_t i = n; i-- > 0 && n - i <= 60;)
        if (s[i] == '/') {
            slash = s + i;
            break;
        }
    if (slash) {
        size_t i = (size_t)(slash - s);
        while (i > 0 && s[i - 1] != '.' && i + 60 > (size_t)(slash - s))
            i--;
        if (i > 0 && s[i - 1] == '.' && ing_has_credit_word(s + i, n - i) &&
            !memchr(s + i, ',', n - i) && ing_count_words(s + i, n - i) <= 6)
            return "caption";
    }
    return NULL;
}

/* "INTC -1.2%", "AAPL +0.8% MSFT -0.3%": a finance page's quote chips, each
 * a ticker of one to five capitals (a class after '.' or '-': "BRK.B") and
 * its move in percent, alone on the line. */
static bool
is_quote_chips(const char *s, size_t n)
{
    size_t i = 0, chips = 0;
    while (i < n) {
        size_t t = i;
        while (i < n && s[i] >= 'A' && s[i] <= 'Z')
            i++;
        if (i - t < 1 || i - t > 5)
            return false;
        if (i + 1 < n && (s[i] == '.' || s[i] == '-') && s[i + 1] >= 'A' && s[i + 1] <= 'Z')
            for (i++; i < n && s[i] >= 'A' && s[i] <= 'Z'; i++)
                ;
        if (i >= n || s[i++] != ' ')
            return false;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        else if (n - i >= 3 && memcmp(s + i, "\xe2\x88\x92", 3) == 0) /* U+2212 minus */
            i += 3;
        size_t d = i;
        while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
            i++;
        if (i == d || i >= n || s[i++] != '%')
            return false;
        chips++;
        while (i < n && s[i] == ' ')
            i++;
    }
    return chips > 0;
}

/* "___", "_____": a line of underscores that a wire story puts before its
 * contributor credits. */
static bool
is_underscore_rule(const char *s, size_t n)
{
    if (n < 3)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '_')
            return false;
    return true;
}

/* See ingest/lib.h. s is a trimmed, non-empty line. */
const char *
ing_furniture_reason(const struct ingest_ctx *ctx, const char *s, size_t n)
{
    (void)ctx; /* rules are per line; corpus counts are ing_is_frequent's */
    if (is_template(s, n))
        return "template";
    if (n > 600)
        return NULL; /* a paragraph: no other rule applies to lines this long */
    if (is_sponsored(s, n))
        return "sponsored";
    if (is_icon_run(s, n))
        return "icons";
    if (ing_is_credit(s, n))
        return "credit";
    if (n <= 300 && ing_is_related_runin(s, n))
        return "related";
    if (n <= 200 && is_label(s, n))
        return "label";
    size_t tp = n <= 60 ? ing_time_prefix(s, n) : 0;
    if (tp && tp < n && is_label(s + tp, n - tp))
        return "time"; /* a live blog's "12:41 Key event", glued or not */
    const char *notice = ing_notice_shape(s, n);
    if (notice)
        return notice;
    const char *player = ing_player_shape(s, n);
    if (player)
        return player;
    const char *app = ing_app_shape(s, n); /* also other languages' furniture */
    if (app)
        return app;
    if (n <= 80 && is_quote_chips(s, n))
        return "ticker";
    if (is_underscore_rule(s, n))
        return "rule";
    if (n <= 200 && is_paywall(s, n))
        return "paywall";
    if (is_newsletter_prompt(s, n) && !ing_writer_question(s, n))
        return "newsletter";
    const char *promo = ing_promo_shape(s, n);
    if (promo)
        return promo;
    const char *caption = caption_reason(s, n);
    if (caption)
        return caption;
    /* "Key event14:52 GMT": a live badge before its stamp (last: a
     * player's "VIDEO 3:12" is read above as a clip) */
    size_t ts = n <= 60 ? ing_time_suffix(s, n) : 0;
    return ts && is_label(s, ts) ? "time" : NULL;
}

/*
 * ingest/clean_threads.c — what blogs, forums, comment threads and
 * podcast pages print around a post: a thread's depth ("level 2"), a
 * poster's profile fields ("Posts: 312", "Joined: Tue Mar 14, 2017"), a
 * board's pager and chrome ("5 posts • Page 1 of 1", "Who is online",
 * "Users browsing this forum: ..."), a post's footer ("No comments:
 * Labels: ...", "Filed under: ..."), a reply
 * form's lines, a poster's handle ("u/name"), a bare relative time
 * ("7h"), a transcript's bare time codes ("00:01:02", "[00:00:09]") and
 * its machine-transcript note, a podcast player's controls ("Play
 * episode", "Rate and review on ..."), a desk's initials closing a story
 * ("(rdi/ang)"); and, after the metadata passes, the poster's line with
 * its date ("Post by X » Mon Dec 07, 2026", "Posted by X at 10:42 AM")
 * and a commenter's "X says:" over the comment's date.
 * Shapes, not sites: a speaker's words in a transcript ("HOST: Why
 * not?") and a sentence that opens with "Posted by" stay.
 */
#include "config.h"

#include <string.h>

#include "dossier/util.h"
#include "lib.h"

static bool
th_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool
th_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

/* Whole-line labels of boards, comment sections and podcast players
 * (compared without case, ':' at the end). */
static const char *const thread_labels[] = {
    "post reply",         "reply",              "quote",              "reply with quote",
    "top",                "who is online",      "jump to",            "continue this thread",
    "more posts you may like", "sort by",       "permalink",          "award",
    "op",                 "view profile",       "private message",    "load more comments",
    "view more comments", "view all comments",  "show more comments", "post a comment",
    "post comment",       "leave a reply",      "comments are closed", "comments are closed.",
    "newer post",         "older post",         "no comments",        "play episode",
    "read more episodes", "more episodes",      "all episodes",       "download episode",
    "listen to episode",  "share episode",      "board index",        "new topic",
    "mark topics read",   "search this topic",
};

/* Prefixes of a board's or a blog's own lines. */
static const char *const thread_prefixes[] = {
    "users browsing this forum:",
    "display posts from previous:",
    "archived post.",
    "this thread is archived",
    "this thread has been locked",
    "new comments cannot be posted",
    "sort by:",
    "labels:",
    "no comments:",
    "previous post:",
    "next post:",
    "your email address will not be published",
    "save my name, email, and website",
    "required fields are marked",
    "rate and review",
    "copy link to this moment",
    "subscribe wherever you get your podcasts",
    "listen wherever you get your podcasts",
};

/* "Posts: 312", "Joined: Tue Mar 14, 2017 6:40 pm", "Karma: 1.2k": a
 * poster's profile field, its value a count or a date with a year. */
static bool
profile_field(const char *s, size_t n)
{
    static const char *const keys[] = {"posts:", "joined:", "karma:", "reputation:",
                                       "reaction score:", "member since:", "likes received:"};
    size_t k = 0;
    for (size_t i = 0; i < DS_ARRAY_LEN(keys) && !k; i++)
        if (ing_istarts(s, n, keys[i]))
            k = strlen(keys[i]);
    if (!k || n > 60)
        return false;
    size_t digits = 0;
    for (size_t i = k; i < n; i++)
        digits += th_digit(s[i]);
    return digits >= 1 && ing_count_words_max(s, n, 11) <= 10;
}

/* "level 2": a thread's depth over a reply. */
static bool
thread_level(const char *s, size_t n)
{
    return n >= 7 && n <= 8 && ing_istarts(s, n, "level ") && th_digit(s[6]) &&
           (n == 7 || th_digit(s[7]));
}

/* "5 posts • Page 1 of 1", "12 replies · Page 2 of 3": a board's pager. */
static bool
board_pager(const char *s, size_t n)
{
    if (n > 50 || !th_digit(s[0]))
        return false;
    const char *p = ing_ifind(s, n, "page ");
    const char *of = p ? ing_ifind(p, n - (size_t)(p - s), " of ") : NULL;
    return p && of && (ing_ifind(s, (size_t)(p - s), " posts") ||
                       ing_ifind(s, (size_t)(p - s), " replies") ||
                       ing_ifind(s, (size_t)(p - s), " topics"));
}

/* "Roger Pim says:" over "December 3, 2026 at 9:14 pm": a commenter's
 * name and the comment's time (a story's "The minister says:" before a
 * quotation has no date under it). */
static bool
commenter(const struct ing_doc *d, size_t i)
{
    const struct ing_doc_line *l = &d->lines[i];
    if (l->tl <= 6 || l->tl > 60 || !ing_ieq(l->t + l->tl - 6, 6, " says:") ||
        ing_count_words_max(l->t, l->tl, 6) > 5)
        return false;
    const struct ing_doc_line *next = ing_doc_next(d, i);
    struct ing_date dt;
    size_t at;
    return next && next->tl <= 60 && ing_count_words_max(next->t, next->tl, 11) <= 10 &&
           ing_find_date(next->t, next->tl, &dt, &at);
}

/* "3 thoughts on “Title”", "4 Responses to “Title”", "12 comments on
 * “Title”", "One thought on ...": a comment section's heading. */
static bool
comments_heading(const char *s, size_t n)
{
    static const char *const mids[] = {" thoughts on ", " thought on ", " responses to ",
                                       " response to ", " comments on ", " comment on ",
                                       " replies to ", " reply to "};
    if (n > 200)
        return false;
    size_t i = 0;
    while (i < n && th_digit(s[i]))
        i++;
    if (!i && !ing_istarts(s, n, "one "))
        return false;
    if (!i)
        i = 3;
    for (size_t k = 0; k < DS_ARRAY_LEN(mids); k++)
        if (ing_istarts(s + i, n - i, mids[k]))
            return true;
    return false;
}

/* "00:01:02", "[00:00:09]", "(12:41)": a transcript's time code alone
 * (two colons, or brackets around one). */
static bool
time_code(const char *s, size_t n)
{
    bool bracket = n >= 2 && ((s[0] == '[' && s[n - 1] == ']') || (s[0] == '(' && s[n - 1] == ')'));
    if (bracket) {
        s++;
        n -= 2;
    }
    if (n < 4 || n > 12)
        return false;
    size_t colons = 0, digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ':') {
            if (!i || !th_digit(s[i - 1]))
                return false;
            colons++;
        } else if (th_digit(s[i])) {
            digits++;
        } else if (!(s[i] == '.' && colons == 2)) {
            return false;
        }
    }
    return th_digit(s[n - 1]) && digits >= 3 && (colons == 2 || (bracket && colons == 1));
}

/* "This transcript was generated automatically and may contain errors.":
 * the same note on every episode. */
static bool
transcript_note(const char *s, size_t n)
{
    if (n > 300 || !ing_ifind(s, n, "transcript"))
        return false;
    static const char *const signs[] = {"automatically", "machine", "may contain errors",
                                        "speech recognition", "rush transcript",
                                        "may not be in its final form", "computer-generated",
                                        "ai-generated"};
    size_t len;
    return ing_ifind_first(s, n, signs, DS_ARRAY_LEN(signs), &len) &&
           ing_count_words_max(s, n, 41) <= 40 && !ing_has_speech_verb(s, n);
}

/* "u/ledger_of_lanes", "Posted by u/ledger_of_lanes": a poster's handle. */
static bool
handle_line(const char *s, size_t n)
{
    size_t i = ing_istarts(s, n, "posted by ") ? 10 : 0;
    if (n - i < 3 || n - i > 40 || s[i] != 'u' || s[i + 1] != '/')
        return false;
    for (size_t k = i + 2; k < n; k++)
        if (!(th_lower(s[k]) || th_digit(s[k]) || s[k] == '_' || s[k] == '-' ||
              (s[k] >= 'A' && s[k] <= 'Z')))
            return false;
    return true;
}

/* "7h", "5d", "2w", "3mo", "· 6h": a relative time alone. */
static bool
bare_age(const char *s, size_t n)
{
    if (n > 4 && (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xb7 && s[2] == ' ') {
        s += 3;
        n -= 3;
    }
    size_t i = 0;
    while (i < n && i < 3 && th_digit(s[i]))
        i++;
    if (!i || i == n)
        return false;
    return ing_ieq(s + i, n - i, "h") || ing_ieq(s + i, n - i, "d") || ing_ieq(s + i, n - i, "w") ||
           ing_ieq(s + i, n - i, "mo") || ing_ieq(s + i, n - i, "y") ||
           ing_ieq(s + i, n - i, "hr") || ing_ieq(s + i, n - i, "min");
}

/* "·", "•", "|": a separator left alone on its line. */
static bool
lone_separator(const char *s, size_t n)
{
    return (n == 1 && (s[0] == '|' || s[0] == '/')) ||
           (n == 2 && (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xb7) ||
           (n == 3 && memcmp(s, "\xe2\x80\xa2", 3) == 0);
}

/* "(rdi/ang)", "(kid/kid)": a desk's initials, the writer's and the
 * editor's, closing a story. */
static bool
desk_initials(const char *s, size_t n)
{
    if (n < 7 || n > 24 || s[0] != '(' || s[n - 1] != ')')
        return false;
    size_t groups = 0, run = 0;
    for (size_t i = 1; i < n - 1; i++) {
        if (th_lower(s[i])) {
            run++;
            continue;
        }
        if ((s[i] != '/' && s[i] != ',') || run < 2 || run > 5)
            return false;
        groups++;
        run = 0;
    }
    return run >= 2 && run <= 5 && groups >= 1 && groups <= 3;
}

/* See lib.h. */
const char *
ing_thread_shape(const char *s, size_t n)
{
    if (n > 300)
        return NULL;
    size_t m = n;
    while (m && (s[m - 1] == ':' || s[m - 1] == ' '))
        m--;
    if (m && m <= 30 && ing_ieq_any(s, m, thread_labels, DS_ARRAY_LEN(thread_labels)))
        return "label";
    for (size_t k = 0; k < DS_ARRAY_LEN(thread_prefixes); k++)
        if (ing_istarts(s, n, thread_prefixes[k]))
            return ing_count_words_max(s, n, 41) <= 40 ? "comments" : NULL;
    if (profile_field(s, n) || thread_level(s, n) || board_pager(s, n) || handle_line(s, n))
        return "thread";
    if (comments_heading(s, n))
        return "comments";
    if (time_code(s, n))
        return "time";
    if (bare_age(s, n))
        return "counter";
    if (lone_separator(s, n))
        return "rule";
    if (transcript_note(s, n))
        return "note";
    if (desk_initials(s, n))
        return "signoff";
    return NULL;
}

/* "Post by millrace » Mon Dec 07, 2026 9:14 am", "by oldgrey » Mon ...":
 * a board's poster and time over the post. */
static bool
board_poster(const char *s, size_t n)
{
    if (n > 100 || !(ing_istarts(s, n, "post by ") || ing_istarts(s, n, "by ") ||
                     ing_istarts(s, n, "posted by ")))
        return false;
    const char *g = ing_ifind(s, n, " \xc2\xbb ");
    return g && ing_count_words_max(s, (size_t)(g - s), 6) <= 5;
}

/* "Posted by Gwen Harrowby on December 3, 2026", "Posted by Ewan Tillard
 * at 10:42 AM": a blog's poster line, left in the text once the metadata
 * passes have read it (a sentence that opens so goes on, in more words,
 * to a full stop). */
static bool
poster_line(const char *s, size_t n)
{
    return n <= 100 && ing_istarts(s, n, "posted by ") && !ing_ends_with_any(s, n, ".!?\"") &&
           ing_count_words_max(s, n, 11) <= 10 && !ing_ifind(s, n, ", the ");
}

/* See lib.h. */
void
ing_drop_thread_lines(struct ing_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (!ing_is_content(l))
            continue;
        if (board_poster(l->t, l->tl) || poster_line(l->t, l->tl))
            l->why = "byline";
        else if (commenter(d, i))
            l->why = "comments";
    }
}

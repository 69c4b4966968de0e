/*
 * ingest/clean_widgets.c — widgets a site sets inside or around a story
 * and the controls of its pages, by their shapes: a product box's price
 * links ("£49 at Argos", "Check price", "Our pick"), a recipe card's
 * controls and time rows ("Jump to recipe", "Prep time: 15 mins"), a
 * poll's and a quiz's question and buttons ("Poll: ...?", "Question 1 of
 * 10"), a file's download link ("Download the full report (PDF, 2.4
 * MB)"), text-size buttons ("A- A+"), an embed's "Follow @handle", a
 * charity's or company's registration line, a printed report's
 * "Continued overleaf" and its contents lines with dot leaders ("Water
 * quality ........ 8"), a public inquiries line with its number, a
 * giving appeal priced in a gift ("Your gift of £10 could help ..."), and
 * the tool rows of newsrooms, government and news pages ("Back to all
 * news", "Was this page useful?", "Gift this article"). A sentence about
 * a product, a price or a report stays: these shapes hold no sentence.
 */
#include "config.h"

#include <string.h>

#include "dossier/util.h"
#include "lib.h"

static bool
wg_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool
wg_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Whole-line controls (compared without case, ':' at the end). */
static const char *const widget_labels[] = {
    "our pick", "best overall", "best budget", "best value", "editor's choice",
    "editor’s choice", "pros", "cons", "pros and cons", "check price", "check prices",
    "see price", "see prices", "view deal", "view deals", "see deal", "get deal", "buy now",
    "shop now", "compare prices", "see all prices", "check availability",
    "jump to recipe", "print recipe", "pin recipe", "save recipe", "rate this recipe",
    "start quiz", "take the quiz", "see results", "view results",
    "share this page", "share this release", "download pdf", "print friendly pdf",
    "print-friendly pdf", "back to all news", "back to news", "back to newsroom",
    "back to press releases", "related media", "press contacts", "media inquiries",
    "media enquiries", "was this page useful?", "is this page useful?", "was this page helpful?",
    "report a problem with this page", "here's how you know", "here’s how you know",
    "gift this article", "gift article", "add to myft", "have your say", "report an error",
    "report a correction", "save for later", "save story", "listen to article",
    "copy link to this moment", "sign up to our emails", "donate now",
};

/* Prefixes of controls' lines, at most eight words in all. */
static const char *const widget_prefixes[] = {
    "see at ", "view at ", "buy at ", "shop at ", "see it at ", "check price at ",
    "prep time:", "cook time:", "total time:", "servings:", "serves:",
    "did you make this", "an official website of ", "follow @", "print this ", "download the ", "download our ",
};

/* The length of a price opening s ("£49", "$1,299.99", "€39"), or 0. */
static size_t
price_len(const char *s, size_t n)
{
    size_t i;
    if (n >= 1 && s[0] == '$')
        i = 1;
    else if (n >= 2 && (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa3)
        i = 2; /* £ */
    else if (n >= 3 && memcmp(s, "\xe2\x82\xac", 3) == 0)
        i = 3; /* € */
    else
        return 0;
    size_t d = i;
    while (i < n && (wg_digit(s[i]) || s[i] == ',' || (s[i] == '.' && i + 1 < n && wg_digit(s[i + 1]))))
        i++;
    return i > d ? i : 0;
}

/* "£49 at Argos", "$129.99 at Best Buy", "£52 at Amazon.co.uk": a price
 * link to a shop, capitalised names after "at" and nothing else. */
static bool
price_at_shop(const char *s, size_t n)
{
    size_t p = price_len(s, n);
    if (!p || n > 60 || !ing_istarts(s + p, n - p, " at ") || p + 4 >= n || !wg_upper(s[p + 4]))
        return false;
    return ing_count_words_max(s + p + 4, n - p - 4, 5) <= 4 && !ing_ends_with_any(s, n, ".!?,;");
}

/* "Download the full report (PDF, 2.4 MB)", "Annual accounts [PDF]",
 * "Summary (DOCX 310KB)": a file's link with its type in brackets at the
 * end and no sentence before it. */
static bool
file_link(const char *s, size_t n)
{
    static const char *const types[] = {"pdf", "docx", "doc", "xlsx", "xls", "csv", "odt", "pptx",
                                        "zip", "epub", "mp3", "rtf"};
    if (n < 6 || n > 160 || (s[n - 1] != ')' && s[n - 1] != ']'))
        return false;
    char open = s[n - 1] == ')' ? '(' : '[';
    size_t o = n - 1;
    while (o && s[o - 1] != open)
        o--;
    if (!o || n - o > 24)
        return false;
    const char *in = s + o;
    size_t inl = n - 1 - o, tl = 0;
    while (tl < inl && in[tl] != ',' && in[tl] != ' ')
        tl++;
    if (!ing_ieq_any(in, tl, types, DS_ARRAY_LEN(types)))
        return false;
    return ing_count_words_max(s, o, 13) <= 12 && !memchr(s, '.', o ? o - 1 : 0);
}

/* "A- A+", "A A A", "Aa": text-size buttons. */
static bool
text_size(const char *s, size_t n)
{
    if (n > 16)
        return false;
    size_t i = 0, buttons = 0;
    while (i < n) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        if (s[i] != 'A')
            return false;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == 'a'))
            i++;
        else if (i + 2 < n + 0 && memcmp(s + i, "\xe2\x88\x92", 3) == 0)
            i += 3; /* A− */
        if (i < n && s[i] != ' ')
            return false;
        buttons++;
    }
    return buttons >= 1 && buttons <= 4;
}

/* "Registered charity number 1123456", "Registered in England No.
 * 09912345": a registration line. */
static bool
registration(const char *s, size_t n)
{
    if (n > 200 || !(ing_istarts(s, n, "registered charity") ||
                     ing_istarts(s, n, "registered in england") ||
                     ing_istarts(s, n, "registered in scotland") ||
                     ing_istarts(s, n, "company registration number") ||
                     ing_istarts(s, n, "charity registration number")))
        return false;
    size_t run = 0, best = 0;
    for (size_t i = 0; i < n; i++) {
        run = wg_digit(s[i]) ? run + 1 : 0;
        best = run > best ? run : best;
    }
    return best >= 5 && ing_count_words_max(s, n, 31) <= 30;
}

/* "Continued overleaf", "(Continued on next page)": a printed report's
 * turn of the page. */
static bool
continued(const char *s, size_t n)
{
    if (n > 40)
        return false;
    if (s[0] == '(' && s[n - 1] == ')') {
        s++;
        n -= 2;
    }
    return ing_ieq(s, n, "continued overleaf") || ing_ieq(s, n, "continued on next page") ||
           ing_ieq(s, n, "continued on the next page") || ing_ieq(s, n, "continues overleaf") ||
           ing_ieq(s, n, "please turn over") || ing_ieq(s, n, "pto");
}

/* "Water quality ........ 8", "Foreword … 3": a contents line, its dot
 * leaders and its page number. */
static bool
dot_leader(const char *s, size_t n)
{
    if (n > 200)
        return false;
    size_t e = n;
    while (e && wg_digit(s[e - 1]))
        e--;
    if (e == n || n - e > 4)
        return false;
    while (e && s[e - 1] == ' ')
        e--;
    size_t dots = 0;
    while (e && (s[e - 1] == '.' || s[e - 1] == ' ' ||
                 (e >= 3 && memcmp(s + e - 3, "\xe2\x80\xa6", 3) == 0))) {
        if (s[e - 1] == '.') {
            dots++;
            e--;
        } else if (s[e - 1] == ' ') {
            e--;
        } else {
            dots += 3;
            e -= 3;
        }
    }
    return dots >= 4 && e > 0 && ing_count_words_max(s, e, 13) <= 12;
}

/* "General public inquiries: Europe Direct by phone 00 800 ... or by
 * email": a line of inquiries with a number to call. */
static bool
inquiries_line(const char *s, size_t n)
{
    const char *c = memchr(s, ':', n);
    if (!c || n > 240 || c - s > 40)
        return false;
    size_t kl = (size_t)(c - s);
    if (!(kl >= 9 && (ing_ieq(c - 9, 9, "inquiries") || ing_ieq(c - 9, 9, "enquiries"))) ||
        ing_count_words_max(s, kl, 5) > 4)
        return false;
    size_t digits = 0;
    for (size_t i = kl; i < n; i++)
        digits += wg_digit(s[i]);
    return (digits >= 7 || memchr(c, '@', n - kl)) && !ing_has_speech_verb(s, n);
}

/* "Your gift of £10 could help a family ...", "A donation of $25 can
 * ...": a giving appeal priced in a gift. */
static bool
gift_appeal(const char *s, size_t n)
{
    static const char *const heads[] = {"your gift of ", "a gift of ", "your donation of ",
                                        "a donation of ", "just "};
    size_t h = 0;
    for (size_t k = 0; k < DS_ARRAY_LEN(heads) && !h; k++)
        if (ing_istarts(s, n, heads[k]))
            h = strlen(heads[k]);
    if (!h || n > 240 || !price_len(s + h, n - h))
        return false;
    return (ing_ifind(s, n, " could ") || ing_ifind(s, n, " can ") || ing_ifind(s, n, " will ")) &&
           ing_ifind(s, n, "help") && ing_count_words_max(s, n, 41) <= 40;
}

/* "Question 1 of 10": a quiz's counter (a gallery's "Photo 3 of 9" is
 * clean_promos.c's, which takes the caption under it too). */
static bool
widget_counter(const char *s, size_t n)
{
    size_t h = 9;
    if (n > 30 || !ing_istarts(s, n, "question "))
        return false;
    size_t i = h;
    while (i < n && wg_digit(s[i]))
        i++;
    if (i == h || !ing_istarts(s + i, n - i, " of "))
        return false;
    size_t j = i + 4;
    if (j >= n)
        return false;
    while (j < n && wg_digit(s[j]))
        j++;
    return j == n;
}

/* See lib.h. */
const char *
ing_widget_shape(const char *s, size_t n)
{
    if (n > 300)
        return NULL;
    size_t m = n;
    while (m && (s[m - 1] == ':' || s[m - 1] == ' '))
        m--;
    if (m && m <= 40 && ing_ieq_any(s, m, widget_labels, DS_ARRAY_LEN(widget_labels)))
        return "label";
    for (size_t k = 0; k < DS_ARRAY_LEN(widget_prefixes); k++)
        if (ing_istarts(s, n, widget_prefixes[k])) {
            if (ing_count_words_max(s, n, 13) <= 12 && !ing_ends_with_any(s, n, ".!"))
                return "widget";
            break;
        }
    if ((ing_istarts(s, n, "poll:") || ing_istarts(s, n, "quiz:")) && s[n - 1] == '?' &&
        ing_count_words_max(s, n, 21) <= 20)
        return "widget"; /* the reader asked, not a finding: "Poll: Labour leads" stays */
    if (price_at_shop(s, n))
        return "shopping";
    if (file_link(s, n))
        return "download";
    if (text_size(s, n))
        return "label";
    if (widget_counter(s, n))
        return "counter";
    if (dot_leader(s, n))
        return "contents";
    if (continued(s, n))
        return "jump";
    if (registration(s, n))
        return "legal";
    if (inquiries_line(s, n))
        return "contact";
    if (gift_appeal(s, n))
        return "promo";
    return NULL;
}

/*
 * extract/figures.c — amounts, percentages, rates and quantities.
 *
 * One JIT-compiled pattern finds every number with what is written around
 * it (currency, scale word, unit); C code then decides whether it is a
 * figure at all (dates, times, ordinals, versions, section numbers, phone
 * numbers and bare counts are not), normalises it (value, ISO currency,
 * scale) and reads its context: kind, direction, approximation, period and
 * a short subject from the sentence. Each figure looks only at its own
 * sentence, so the cost is linear in the text.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/sentences.h"
#include "lib.h"

#define FIG_MONTHS                                                                         \
    "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"      \
    "Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
#define FIG_NUM "(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)"
/* Wire fractions ("9-7/8") and quote pairs ("1.8135/45"). */
#define FIG_FRAC "\\d{1,4}-[1-9]\\d?/(?:2|4|8|16|32|64)(?![\\d/])"
#define FIG_QUOTE "\\d+\\.\\d{2,}/\\d{1,4}(?![\\d/])"
/* Numbers in words, read only before a scale or a unit. */
#define FIG_WORDS                                                                          \
    "(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"                       \
    "(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|"  \
    "seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"      \
    "eighteen|nineteen)(?![\\w-])"
/* ISO 4217 codes written after a number ("500 CHF"). */
#define FIG_ISO                                                                            \
    "USD|EUR|GBP|JPY|CNY|CHF|CAD|AUD|NZD|HKD|SGD|TWD|INR|KRW|ZAR|BRL|MXN|RUB|SEK|NOK|DKK|" \
    "PLN|CZK|HUF|TRY|ILS|SAR|AED|QAR|KWD|EGP|NGN|KES|IDR|MYR|THB|PHP|VND|PKR|BDT|ARS|CLP|" \
    "COP|PEN|UAH|RON"

static const char fig_pattern[] =
    "(?<![\\w.,:/])(?<![A-Za-z]-)"
    "(?:(?<cur>(?:US|HK|NT|NZ|AU|A|C|S|R)\\$|\\$|€|£|¥|₹|"
    "(?:RMB|" FIG_ISO "|Rs\\.?)(?=\\h?\\d)|R(?=\\d))\\h?)?"
    "(?<num>" FIG_FRAC "|" FIG_QUOTE "|" FIG_NUM "|" FIG_WORDS ")"
    "(?:\\h?[-–]\\h?(?<num2>" FIG_NUM "))?"
    "(?:\\h?(?<scale>(?i:trillion|billion|million|thousand|bn|bln|mln|mn|tn|trn)|crore|lakh"
    "|万亿|亿|万)"
    "|(?<scale1>[mk])|(?<pence>p))?(?![A-Za-z])"
    "(?:\\h?(?<unit>%|美元|元|吨|(?-i:" FIG_ISO ")"
    "|(?i:per\\h?cent|percentage\\h+points?|percent|pct|basis\\h+points?|bps|pp|points?"
    "|(?:u\\.?s\\.?\\h+)?dlrs?|(?:u\\.?s\\.?|hong\\h+kong|hk|singapore|australian|canadian"
    "|new\\h+zealand|taiwan)\\h+dollars?|dollars?|yuan|renminbi|rmb|euros?|pounds?\\h+sterling"
    "|pounds?|stg|sterling|yen|won|rupees?|ringgits?|baht|rupiah|(?:swiss|french|belgian)"
    "\\h+francs?|francs?|d-?marks|deutsche\\h?marks?|marks|guilders?|lire|lira|pesetas?"
    "|escudos?|drachmas?|kronor|kronur|kroner|krona|krone|rand|pesos?|reais|rubles?|roubles?"
    "|dinars?|riyals?|rials?|dirhams?|shekels?|naira|shillings?|zlotys?|forint|hryvnias?"
    "|cts|cents?|pence|sen|fen"
    "|metric\\h+tons|tonnes?|tons?|barrels?|bpd|bushels?|teus?|cubic\\h+met(?:re|er)s"
    "|square\\h+met(?:re|er)s|hectares?|acres?|kilowatt[-\\h]hours?|kwh|megawatts?|gigawatts?"
    "|kilomet(?:re|er)s|km|kilograms|kg|ounces|units|vehicles|cars)(?![A-Za-z]))"
    "|\\h(?:(?<mod>U\\.S\\.|[A-Z]{2,5}|[a-z]{3,})\\h)?(?<noun>people|[a-z]{3,}s(?<!ss|us|is))"
    "(?![\\w-]))?";

static const char fig_period_pattern[] =
    "\\b(?:"
    "from\\h+(?-i:" FIG_MONTHS ")\\.?\\h+(?:to|through|until|till|and)\\h+(?-i:" FIG_MONTHS
    ")\\.?(?:,?\\h+(?:in\\h+|of\\h+)?(?:19|20)\\d\\d|\\h+(?:this|last)\\h+year)?"
    "|(?:in|during|for|over)\\h+the\\h+(?:first|second|third|fourth|last|past|previous|latest"
    "|final)\\h+(?:half|quarter|(?:\\w+\\h+)?(?:months|quarters|weeks|days|years))"
    "(?:\\h+of\\h+(?:(?:19|20)\\d\\d|this\\h+year|last\\h+year|the\\h+year))?"
    "|(?:first|second|third|fourth)\\h+quarter(?:\\h+of\\h+(?:19|20)\\d\\d)?"
    "|(?-i:Q[1-4](?:\\h+(?:19|20)\\d\\d)?|H[12]\\h+(?:19|20)\\d\\d|(?:fiscal\\h+|FY\\h?)(?:19|20)"
    "\\d\\d)"
    "|(?:last|this|next)\\h+(?:year|month|quarter|week|decade)"
    "|(?:the\\h+)?(?:previous|past)\\h+(?:year|month|quarter|week|decade)"
    "|(?:year|month|quarter)-on-(?:year|month|quarter)|year\\h+on\\h+year"
    "|(?:in|since|by|during|for)\\h+(?-i:" FIG_MONTHS ")(?:\\h+(?:19|20)\\d\\d)?"
    "|(?:in|since|by|during|for|of)\\h+(?:19|20)\\d\\d(?:[-–/](?:19|20)?\\d\\d)?"
    "|between\\h+(?:19|20)\\d\\d\\h+and\\h+(?:19|20)\\d\\d"
    "|a\\h+year\\h+(?:earlier|ago|before)"
    "|(?:per|a)\\h+(?:year|annum)|annually"
    ")\\b(?!-)";


int
fig_compile(struct fig_res *fr, struct ds_error *err)
{
    memset(fr, 0, sizeof *fr);
    for (int l = 0; l < FW_COUNT; l++)
        wordset_init(&fr->lists[l], fig_lists[l]);
    fr->fig = ds_regex_new(fig_pattern, 0, err);
    if (!fr->fig)
        return -1;
    fr->period = ds_regex_new(fig_period_pattern, DS_RE_CASELESS, err);
    if (!fr->period) {
        ds_regex_free(&fr->fig);
        return -1;
    }
    fr->g_cur = ds_regex_group_number(fr->fig, "cur");
    fr->g_num = ds_regex_group_number(fr->fig, "num");
    fr->g_num2 = ds_regex_group_number(fr->fig, "num2");
    fr->g_scale = ds_regex_group_number(fr->fig, "scale");
    fr->g_scale1 = ds_regex_group_number(fr->fig, "scale1");
    fr->g_unit = ds_regex_group_number(fr->fig, "unit");
    fr->g_noun = ds_regex_group_number(fr->fig, "noun");
    fr->g_mod = ds_regex_group_number(fr->fig, "mod");
    fr->g_pence = ds_regex_group_number(fr->fig, "pence");
    return 0;
}

void
fig_free(struct fig_res *fr)
{
    ds_regex_free(&fr->fig);
    ds_regex_free(&fr->period);
    for (int l = 0; l < FW_COUNT; l++)
        wordset_free(&fr->lists[l]);
}

/* ---- small text helpers ---------------------------------------------------- */

/* Words (ASCII letters, digits, '-' and apostrophes inside) around a point. */
struct fig_word {
    size_t start, end;
};

/* Up to max words ending before pos, stopping at lo; nearest first. */
static size_t
fig_words_before(const char *s, size_t lo, size_t pos, struct fig_word *w, size_t max)
{
    size_t k = 0, i = pos;
    while (k < max && i > lo) {
        while (i > lo && !ex_is_alpha((unsigned char)s[i - 1]) &&
               !ex_is_digit((unsigned char)s[i - 1])) {
            char c = s[i - 1];
            if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')')
                return k; /* stay in the clause */
            i--;
        }
        size_t e = i;
        while (i > lo &&
               (ex_is_alpha((unsigned char)s[i - 1]) || ex_is_digit((unsigned char)s[i - 1]) ||
                s[i - 1] == '-' || s[i - 1] == '\''))
            i--;
        if (e == i)
            break;
        w[k].start = i;
        w[k].end = e;
        k++;
    }
    return k;
}

static size_t
fig_words_after(const char *s, size_t pos, size_t hi, struct fig_word *w, size_t max)
{
    size_t k = 0, i = pos;
    while (k < max && i < hi) {
        while (i < hi && !ex_is_alpha((unsigned char)s[i]) && !ex_is_digit((unsigned char)s[i])) {
            char c = s[i];
            if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '.')
                return k;
            i++;
        }
        size_t b = i;
        while (i < hi && (ex_is_alpha((unsigned char)s[i]) || ex_is_digit((unsigned char)s[i]) ||
                          s[i] == '-' || s[i] == '\''))
            i++;
        if (b == i)
            break;
        w[k].start = b;
        w[k].end = i;
        k++;
    }
    return k;
}

static bool
fig_wis(const char *s, const struct fig_word *w, const char *word)
{
    size_t n = w->end - w->start;
    if (strlen(word) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (ex_lower((unsigned char)s[w->start + i]) != (unsigned char)word[i])
            return false;
    return true;
}

static bool
fig_has(const struct fig_res *fr, enum fig_list l, const char *w, size_t n, bool lower)
{
    return wordset_has(&fr->lists[l], w, n, lower);
}

/* Is the word (lower-cased) in list l? */
static bool
fig_win(const struct fig_res *fr, const char *s, const struct fig_word *w, enum fig_list l)
{
    return wordset_has(&fr->lists[l], s + w->start, w->end - w->start, true);
}

/* ---- one figure ------------------------------------------------------------------ */
static size_t
fig_sentence_of(const struct span *sents, size_t nsents, size_t pos)
{
    size_t lo = 0, hi = nsents;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (sents[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo; /* may be nsents when pos is past the last sentence */
}

/* The paragraph (between blank lines) last split into sentences. Splitting a
 * paragraph alone gives the same sentences as splitting the whole text,
 * since a blank line always ends a sentence. */
struct fig_para {
    size_t start, end;
    struct span *sents;
    size_t nsents;
};

/* Is there a blank line ending at i (s[i] == '\n' and the line before it
 * holds only white space)? */
static bool
fig_blank_before(const char *s, size_t i)
{
    size_t j = i;
    while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t' || s[j - 1] == '\r'))
        j--;
    return j > 0 && s[j - 1] == '\n';
}

static struct span
fig_sentence(struct fig_para *pp, const char *s, size_t n, size_t pos)
{
    if (!pp->sents || pos < pp->start || pos >= pp->end) {
        size_t a = pos, b = pos;
        while (a > 0 && !(s[a - 1] == '\n' && fig_blank_before(s, a - 1)))
            a--;
        while (b < n && !(s[b] == '\n' && fig_blank_before(s, b)))
            b++;
        free(pp->sents);
        pp->start = a;
        pp->end = b;
        pp->nsents = sentences_split(s + a, b - a, &pp->sents);
        for (size_t i = 0; i < pp->nsents; i++) {
            pp->sents[i].start += (uint32_t)a;
            pp->sents[i].end += (uint32_t)a;
        }
    }
    size_t si = fig_sentence_of(pp->sents, pp->nsents, pos);
    if (si < pp->nsents && pp->sents[si].start <= pos)
        return pp->sents[si];
    struct span whole = {(uint32_t)pp->start, (uint32_t)pp->end};
    return whole;
}

char *
fig_clean_copy(const char *s, size_t a, size_t b)
{
    /* Collapse white space (incl. NBSP) to one space; drop control bytes. */
    struct buf out = BUF_INIT;
    bool sp = false;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC2 && i + 1 < b && ((unsigned char)s[i + 1] == 0xA0 ||
                                       (unsigned char)s[i + 1] < 0xA0)) {
            /* NBSP is a space; U+0080..U+009F are C1 controls: never kept */
            sp = sp || (unsigned char)s[i + 1] == 0xA0;
            i++;
            continue;
        }
        if (c <= ' ' || c == 0x7F) {
            sp = true;
            continue;
        }
        if (sp && out.len)
            buf_putc(&out, ' ');
        sp = false;
        buf_putc(&out, (char)c);
    }
    return buf_steal(&out);
}

/* The subject: the noun phrase the figure measures, guessed from the clause
 * before it ("The total trade value between China and the US hit $682.32
 * billion" -> "total trade value between China and the US"). */
/* Does the figure sit inside a noun phrase ("a 25% tariff", "Japan's US$69
 * billion surplus", "its $5bn loan")? */
static bool
fig_in_noun_phrase(const struct fig_res *fr, const char *s, const struct span *sent, size_t fstart)
{
    size_t i = fstart;
    while (i > sent->start && s[i - 1] == ' ')
        i--;
    if (i >= sent->start + 2 && (s[i - 1] == 's' || s[i - 1] == 'S') &&
        (s[i - 2] == '\'' || (i >= sent->start + 4 && memcmp(s + i - 4, "\xe2\x80\x99", 3) == 0)))
        return true;
    struct fig_word w[1];
    if (fig_words_before(s, sent->start, fstart, w, 1) != 1)
        return false;
    static const char *const dets[] = {"a", "an", "the", "its", "their", "his", "her", "our",
                                       "this", "that", "these", "those", "whose", NULL};
    (void)fr;
    for (const char *const *d = dets; *d; d++)
        if (fig_wis(s, &w[0], *d))
            return true;
    return false;
}

static char *
fig_subject(const struct fig_res *fr, const char *s, const struct span *sent, size_t fstart,
            size_t fend, const char *prev_subject, enum figure_kind kind)
{
    /* Quantities and counts: "1.426 million tonnes of fresh durian". */
    if (kind == FIGURE_QUANTITY || kind == FIGURE_COUNT || kind == FIGURE_AMOUNT) {
        struct fig_word w[7];
        size_t k = fig_words_after(s, fend, sent->end, w, 7);
        size_t first = 0;
        if (k > 0 && fig_wis(s, &w[0], "worth"))
            first = 1;
        if (k > first + 1 && fig_wis(s, &w[first], "of")) {
            size_t last = first + 1, stop = k;
            for (size_t i = first + 1; i < k; i++) {
                if (fig_win(fr, s, &w[i], FW_SUBJ_STOPS) ||
                    ex_is_digit((unsigned char)s[w[i].start])) {
                    stop = i;
                    break;
                }
            }
            if (stop > first + 1) {
                last = stop - 1;
                if (w[last].end - w[first + 1].start <= 60)
                    return fig_clean_copy(s, w[first + 1].start, w[last].end);
            }
        }
    }
    /* A figure followed by what it is: "US$69 billion trade surplus", "a
     * 25% tariff". */
    if (kind != FIGURE_QUANTITY && kind != FIGURE_COUNT &&
        fig_in_noun_phrase(fr, s, sent, fstart)) {
        struct fig_word w[4];
        size_t k = fig_words_after(s, fend, sent->end, w, 4);
        size_t m = 0;
        while (m < k && m < 3 && ex_is_lower((unsigned char)s[w[m].start]) &&
               !fig_win(fr, s, &w[m], FW_AFTER_STOP) && !fig_win(fr, s, &w[m], FW_STRONG) &&
               (m == 0 || w[m].start == w[m - 1].end + 1))
            m++;
        if (m > 0 && w[0].start == fend + 1)
            return fig_clean_copy(s, w[0].start, w[m - 1].end);
    }
    /* The clause before the figure. */
    size_t lo = sent->start;
    if (fstart > lo + 400)
        lo = fstart - 400; /* a clause longer than that has no useful subject */
    for (size_t i = fstart; i > lo; i--) {
        char c = s[i - 1];
        if (c == ',' || c == ';' || c == ':' || c == '(' || c == '"') {
            lo = i;
            break;
        }
        if (c == '-' && i >= 3 && s[i - 2] == ' ' && i < fstart && s[i] == ' ' &&
            (ex_is_digit((unsigned char)s[i - 3]) || ex_is_upper((unsigned char)s[i - 3]))) {
            lo = i; /* a dateline's dash: "LONDON, March 24 - OPEC output fell" */
            break;
        }
    }
    struct fig_word w[24];
    size_t k = fig_words_before(s, lo, fstart, w, 24);
    /* w[0] is nearest. Skip the verb group right before the figure. */
    size_t i = 0;
    while (i < k && (fig_win(fr, s, &w[i], FW_VERBS) || ex_is_digit((unsigned char)s[w[i].start]) ||
                     (w[i].end - w[i].start > 4 && s[w[i].end - 1] == 'd' &&
                      s[w[i].end - 2] == 'e' && ex_is_lower((unsigned char)s[w[i].start]))))
        i++;
    if (i == 0 && k > 0) {
        /* No verb right before the figure: look for one further back. */
        size_t j = 0;
        while (j < k && !fig_win(fr, s, &w[j], FW_VERBS))
            j++;
        if (j < k) {
            i = j;
            while (i < k && fig_win(fr, s, &w[i], FW_VERBS))
                i++;
        } else {
            i = k; /* no verb: no subject from this clause */
        }
    }
    size_t last = i;   /* nearest kept word */
    size_t firstw = k; /* one past the farthest kept word */
    /* A strong verb inside: "X is cutting Y by" keeps Y; "X has grown at a
     * rate of" keeps X. */
    size_t sv = SIZE_MAX, fv = SIZE_MAX;
    for (size_t j = i; j < k; j++) {
        if (fig_win(fr, s, &w[j], FW_STRONG)) {
            if (sv == SIZE_MAX)
                sv = j;
            fv = j;
        }
    }
    if (sv != SIZE_MAX) {
        size_t top = sv; /* "cut its duties on US goods": skip the determiner */
        if (top > i && fig_win(fr, s, &w[top - 1], FW_LEAD))
            top--;
        if (top > i && !fig_win(fr, s, &w[top - 1], FW_PREPS)) {
            firstw = top;
        } else {
            last = fv + 1;
        }
    }
    while (firstw > last && fig_win(fr, s, &w[firstw - 1], FW_LEAD))
        firstw--;
    /* A verb phrase in front: "lower its tariffs on imports" keeps what
     * follows the determiner, when the words before it are lower case. */
    for (size_t j = firstw, seen = 0; j > last && seen < 3; j--, seen++) {
        if (!ex_is_lower((unsigned char)s[w[j - 1].start]))
            break;
        static const char *const dets[] = {"its", "their", "his", "her", "our", "the", "a",
                                           "an", "this", "these", NULL};
        bool det = false;
        for (const char *const *d = dets; *d; d++)
            if (strlen(*d) == w[j - 1].end - w[j - 1].start &&
                strncmp(*d, s + w[j - 1].start, strlen(*d)) == 0)
                det = true;
        if (det && j - 1 > last) {
            firstw = j - 1;
            break;
        }
    }
    if (last >= firstw) {
        return prev_subject ? xstrdup(prev_subject) : NULL;
    }
    size_t a = w[firstw - 1].start, b = w[last].end;
    if (ex_is_digit((unsigned char)s[a]) ||
        (firstw - last == 1 && fig_win(fr, s, &w[last], FW_WEAK)))
        return prev_subject ? xstrdup(prev_subject) : NULL;
    /* Another figure inside is not a subject ("more than 3 pct and ..."). */
    for (size_t j = last; j < firstw; j++)
        if (ex_is_digit((unsigned char)s[w[j].start]) && !(w[j].end - w[j].start == 4) &&
            !memchr(s + w[j].start, '-', w[j].end - w[j].start)) /* "10-year" is a word */
            return prev_subject ? xstrdup(prev_subject) : NULL;
    if (firstw - last == 1 && ex_is_lower((unsigned char)s[a]) &&
        (fig_win(fr, s, &w[last], FW_VERBS) || fig_win(fr, s, &w[last], FW_STRONG) ||
         (b - a > 4 && (strncmp(s + b - 3, "ing", 3) == 0 || strncmp(s + b - 2, "ed", 2) == 0))))
        return prev_subject ? xstrdup(prev_subject) : NULL;
    /* Strip a possessive-free trailing change noun phrase. */
    if (fig_has(fr, FW_CHANGE_NOUNS, s + a, b - a, true) ||
        (firstw - last <= 2 && fig_win(fr, s, &w[last], FW_CHANGE_NOUNS)))
        return prev_subject ? xstrdup(prev_subject) : NULL;
    if (b - a > 60) {
        /* Keep the head: cut at the last word boundary before 60 bytes. */
        size_t cut = a + 60;
        while (cut > a && s[cut] != ' ')
            cut--;
        if (cut == a)
            return NULL;
        b = cut;
    }
    return fig_clean_copy(s, a, b);
}

static void
fig_context(const struct fig_res *fr, const char *s, const struct span *sent, struct figure *f,
            size_t num_start)
{
    struct fig_word before[6], after[3];
    size_t nb = fig_words_before(s, sent->start, f->span.start, before, 6);
    size_t na = fig_words_after(s, f->span.end, sent->end, after, 3);
    (void)num_start;

    /* Direction: the nearest up/down word (before, then just after). */
    for (size_t i = 0; i < nb && !f->direction; i++) {
        if (fig_win(fr, s, &before[i], FW_UP))
            f->direction = xstrdup("up");
        else if (fig_win(fr, s, &before[i], FW_DOWN))
            f->direction = xstrdup("down");
    }
    for (size_t i = 0; i < na && i < 2 && !f->direction; i++) {
        if (fig_wis(s, &after[i], "higher") || fig_wis(s, &after[i], "up"))
            f->direction = xstrdup("up");
        else if (fig_wis(s, &after[i], "lower") || fig_wis(s, &after[i], "down"))
            f->direction = xstrdup("down");
    }
    /* Approximation. */
    if (nb >= 1) {
        if (fig_win(fr, s, &before[0], FW_APPROX))
            f->approx = fig_clean_copy(s, before[0].start, before[0].end);
        else if (nb >= 2 && (fig_wis(s, &before[0], "than") || fig_wis(s, &before[0], "least") ||
                             fig_wis(s, &before[0], "to")) &&
                 (fig_wis(s, &before[1], "more") || fig_wis(s, &before[1], "less") ||
                  fig_wis(s, &before[1], "fewer") || fig_wis(s, &before[1], "at") ||
                  fig_wis(s, &before[1], "close") || fig_wis(s, &before[1], "up")))
            f->approx = fig_clean_copy(s, before[1].start, before[0].end);
        if (f->approx)
            for (char *p = f->approx; *p; p++)
                *p = (char)ex_lower((unsigned char)*p);
    }
    if (f->approx && strcmp(f->approx, "up to") == 0 && f->direction &&
        strcmp(f->direction, "up") == 0 && nb >= 2 && fig_wis(s, &before[1], "up")) {
        /* "up to 50%" is a ceiling, not a rise, unless another word says so. */
        free(f->direction);
        f->direction = NULL;
        for (size_t i = 2; i < nb && !f->direction; i++) {
            if (fig_win(fr, s, &before[i], FW_UP))
                f->direction = xstrdup("up");
            else if (fig_win(fr, s, &before[i], FW_DOWN))
                f->direction = xstrdup("down");
        }
    }

    /* Kind for percentages. */
    if (f->unit && strcmp(f->unit, "%") == 0) {
        bool rate = false, share = false;
        for (size_t i = 0; i < nb && i < 4; i++)
            if (fig_win(fr, s, &before[i], FW_RATE))
                rate = true;
        for (size_t i = 0; i < na && i < 2; i++)
            if (fig_win(fr, s, &after[i], FW_RATE))
                rate = true;
        for (size_t i = 0; i < nb && i < 4; i++)
            if (fig_win(fr, s, &before[i], FW_SHARE))
                share = true;
        if (na >= 2 && fig_wis(s, &after[0], "of") &&
            !ex_is_digit((unsigned char)s[after[1].start]))
            share = true;
        if (rate)
            f->kind = FIGURE_RATE;
        else if (share)
            f->kind = FIGURE_SHARE;
        else if (f->direction)
            f->kind = FIGURE_CHANGE;
        else {
            bool yoy = false;
            for (size_t i = 0; i < na; i++)
                if (fig_wis(s, &after[i], "year-on-year") || fig_wis(s, &after[i], "yoy"))
                    yoy = true;
            for (size_t i = 0; i < nb; i++)
                if (fig_wis(s, &before[i], "year-on-year"))
                    yoy = true;
            f->kind = yoy ? FIGURE_CHANGE : FIGURE_RATE;
        }
    }
}

static void
fig_push(struct extraction *out, struct figure *f, size_t *cap)
{
    if (out->nfigures == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        out->figures = xrealloc(out->figures, *cap * sizeof *out->figures);
    }
    out->figures[out->nfigures++] = *f;
}

/* See lib.h. */
void
fig_drop(struct figure *f)
{
    free(f->text);
    free(f->unit);
    free(f->scale);
    free(f->direction);
    free(f->period);
    free(f->subject);
    free(f->approx);
    free(f->also);
    memset(f, 0, sizeof *f);
}

void
fig_run(struct fig_res *fr, const char *s, size_t n, struct extraction *out)
{
    struct fig_para para = {0, 0, NULL, 0};
    struct fig_periods periods;
    memset(&periods, 0, sizeof periods);
    size_t pos = 0, cap = out->nfigures;
    size_t base = out->nfigures;
    struct ds_regex *re = fr->fig;
    while (ds_regex_next(re, s, n, &pos)) {
        size_t ms, me, ns, ne, cs = 0, ce = 0, ss = 0, se = 0, us = 0, ue = 0, n2s = 0, n2e = 0;
        ds_regex_group(re, 0, &ms, &me);
        ds_regex_group(re, (unsigned)fr->g_num, &ns, &ne);
        bool cur = ds_regex_group(re, (unsigned)fr->g_cur, &cs, &ce);
        bool scale = ds_regex_group(re, (unsigned)fr->g_scale, &ss, &se);
        bool scale1 = !scale && ds_regex_group(re, (unsigned)fr->g_scale1, &ss, &se);
        bool unit = ds_regex_group(re, (unsigned)fr->g_unit, &us, &ue);
        if (!unit && !scale && !scale1)
            unit = ds_regex_group(re, (unsigned)fr->g_pence, &us, &ue); /* "23p" */
        bool noun = !unit && ds_regex_group(re, (unsigned)fr->g_noun, &us, &ue);
        size_t mods, mode;
        if (noun && ds_regex_group(re, (unsigned)fr->g_mod, &mods, &mode)) {
            /* "5,207 U.S. products", "190,000 new jobs"; but not "80,600
             * while sales", and a currency needs no noun ("£13.8m deal") */
            struct fig_word mw = {mods, mode};
            if (cur || fig_win(fr, s, &mw, FW_AFTER_STOP) || fig_win(fr, s, &mw, FW_LEAD) ||
                fig_win(fr, s, &mw, FW_STRONG) || fig_win(fr, s, &mw, FW_VERBS)) {
                noun = false;
                me = mods;
                while (me > ns && s[me - 1] == ' ')
                    me--;
            }
        }
        bool range = ds_regex_group(re, (unsigned)fr->g_num2, &n2s, &n2e);

        /* What follows the bare number: ordinals, 5G, times, 5-year. */
        size_t after_num = range ? n2e : ne;
        if (!scale && !scale1 && !unit && !noun && after_num < n) {
            unsigned char c = (unsigned char)s[after_num];
            if (ex_is_alpha(c))
                continue;
            if ((c == ':' || c == '-') && after_num + 1 < n &&
                (ex_is_digit((unsigned char)s[after_num + 1]) ||
                 ex_is_alpha((unsigned char)s[after_num + 1])))
                continue;
        }
        if (s[ns] == '0' && ne - ns > 1 && s[ns + 1] != '.')
            continue; /* 007, 0143: codes and phone numbers */

        const struct fig_unitmap *um = unit ? fig_unit_lookup(s, us, ue) : NULL;
        if (unit && !um)
            continue;
        bool words = !ex_is_digit((unsigned char)s[ns]);
        if (words && (noun || (!um && !scale)))
            continue; /* "two companies", "one of them" */
        const char *carried = NULL;
        enum figure_kind ckind = FIGURE_AMOUNT;
        if (!cur && !um && !noun) {
            /* a bare number (dates, years, scores, versions) unless it
             * takes a unit from around it: only near a figure or in a
             * results table, so most bare numbers cost no sentence split */
            const struct figure *prev =
                out->nfigures > base ? &out->figures[out->nfigures - 1] : NULL;
            if (scale1 || range ||
                (!(prev && prev->span.end <= ns && ns - prev->span.end <= 80) &&
                 !fig_line_compares(s, n, ns)))
                continue;
        }
        struct span sent = fig_sentence(&para, s, n, ns);
        if (!cur && !um && !noun) {
            const struct figure *prev =
                out->nfigures > base ? &out->figures[out->nfigures - 1] : NULL;
            bool quote = memchr(s + ns, '/', ne - ns) != NULL; /* a value, like a scaled one */
            if (!fig_carry(s, n, &sent, ns, scale || quote, prev, out, base, &carried, &ckind))
                continue;
        }
        if (um && um->cls == 5 && !memchr(s + ns, '.', ne - ns) && !fig_market_sentence(s, &sent))
            continue; /* points of a game, not of an index */

        /* A label before the number: Section 301, Version 3.0, No. 2. */
        size_t st = cur ? cs : ns;
        {
            size_t i = st;
            while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '.'))
                i--;
            size_t e = i;
            while (i > 0 && ex_is_alpha((unsigned char)s[i - 1]))
                i--;
            if (e > i && fig_has(fr, FW_LABELS, s + i, e - i, false) && !cur)
                continue;
            /* A day after a month name ("May 17"), unless it has a unit. */
            if (e > i && fig_has(fr, FW_MONTHS, s + i, e - i, false) && !cur && !um)
                continue;
        }

        if (ne - ns > 30)
            continue; /* not a quantity anyone writes: an ID or garbage */
        double v = fig_parse_num(s, ns, ne);
        double v2 = v;
        if (range)
            v2 = fig_parse_num(s, n2s, n2e);
        else
            v = fig_parse_num2(s, ns, ne, &v2); /* "1.8135/45": a quote pair */
        if (v < 0)
            continue; /* a word that is no number */
        if (noun) {
            /* Counts: only with a scale or a value of 100 or more, never
             * durations, years or sports points. */
            if (fig_has(fr, FW_TIME_NOUNS, s + us, ue - us, true) ||
                fig_count_in_name(s, &sent, st))
                continue;
            if (!scale && !scale1 && v < 100)
                continue;
            if (!scale && !scale1 && ne - ns == 4 && v >= 1900 && v <= 2100 && !range)
                continue;
        }
        if (range && v2 < v && !(cur || (um && um->cls == 2))) {
            /* "2017-18" or "3-2": not a range of values. */
            continue;
        }

        struct figure f;
        memset(&f, 0, sizeof f);
        f.span.start = (uint32_t)st;
        f.span.end = (uint32_t)me;
        /* Trailing space captured before an absent unit never stays. */
        while (f.span.end > f.span.start && s[f.span.end - 1] == ' ')
            f.span.end--;
        const char *scale_name = NULL;
        double mult = (scale || scale1) ? fig_scale_mult(s, ss, se, &scale_name) : 1;
        f.value = v * mult;
        f.value_hi = v2 * mult;
        f.scale = scale_name ? xstrdup(scale_name) : NULL;
        if (cur) {
            const char *code = fig_currency_code(s, cs, ce);
            if (code) {
                f.unit = xstrdup(code);
            } else {
                size_t e = ce;
                while (e > cs && (s[e - 1] == ' ' || s[e - 1] == '.'))
                    e--;
                f.unit = xstrndup(s + cs, e - cs);
            }
            f.kind = FIGURE_AMOUNT;
        } else if (um && um->cls == 4) {
            /* cents, pence, sen, fen: hundredths of their currency */
            f.value *= 0.01;
            f.value_hi *= 0.01;
            f.unit = xstrdup(fig_cents_currency(out, base, st, um->unit));
            f.kind = FIGURE_AMOUNT;
        } else if (um && um->unit[0] == 'G' && ex_lower((unsigned char)s[us]) == 'p' &&
                   fig_weight_sentence(s, &sent)) {
            f.unit = xstrdup("pounds"); /* "weighed 215 pounds": a weight */
            f.kind = FIGURE_QUANTITY;
        } else if (um) {
            f.unit = xstrdup(um->unit);
            f.kind = um->cls == 0   ? FIGURE_RATE
                     : um->cls == 1 ? FIGURE_CHANGE
                     : um->cls == 2 ? FIGURE_AMOUNT
                     : um->cls == 5 ? FIGURE_CHANGE
                                    : FIGURE_QUANTITY;
        } else if (carried) {
            f.unit = xstrdup(carried);
            f.kind = ckind;
        } else {
            f.unit = fig_clean_copy(s, us, ue);
            for (char *p = f.unit; *p; p++)
                *p = (char)ex_lower((unsigned char)*p);
            f.kind = FIGURE_COUNT;
        }
        f.text = fig_clean_copy(s, f.span.start, f.span.end);

        f.sentence = sent;
        fig_context(fr, s, &sent, &f, ns);
        f.period = fig_period(&periods, fr->period, s, &sent, &f);
        const char *prev = NULL;
        if (out->nfigures > base) {
            const struct figure *p = &out->figures[out->nfigures - 1];
            if (p->sentence.start == sent.start)
                prev = p->subject;
        }
        f.subject = fig_subject(fr, s, &sent, f.span.start, f.span.end, prev, f.kind);
        if (!f.subject)
            f.subject = fig_row_label(s, n, st); /* "Revs 10.1 mln vs 9.2 mln" */
        if (!f.subject)
            f.subject = fig_subject_fallback(
                fr, s, &f, out->nfigures > base ? &out->figures[out->nfigures - 1] : NULL);

        /* "$30 billion to $50 billion", "30 to 50 billion yuan": one range. */
        if (out->nfigures > base) {
            struct figure *p = &out->figures[out->nfigures - 1];
            size_t gap_a = p->span.end, gap_b = f.span.start;
            size_t gap = gap_b > gap_a ? gap_b - gap_a : 0;
            bool to = gap == 4 && memcmp(s + gap_a, " to ", 4) == 0;
            bool and = gap == 5 && memcmp(s + gap_a, " and ", 5) == 0;
            bool dash = (gap == 1 && s[gap_a] == '-') ||
                        (gap == 3 && memcmp(s + gap_a, "\xe2\x80\x93", 3) == 0);
            bool from = false, between = false;
            struct fig_word w[1];
            if (fig_words_before(s, sent.start, p->span.start, w, 1) == 1) {
                from = fig_wis(s, &w[0], "from");
                between = fig_wis(s, &w[0], "between");
            }
            /* "X to Y" and "X-Y" are ranges, "between X and Y" too; "from X
             * to Y" is a change, two figures. */
            /* ... but "rose 2p to 141.2p" is a change and where it ended. */
            bool is_range = (to && !from && !between && !p->direction && !carried) || dash ||
                            (and && between);
            if (is_range && p->unit && f.unit && strcmp(p->unit, f.unit) == 0 &&
                p->value_hi == p->value && f.value >= p->value) {
                p->span.end = f.span.end;
                free(p->text);
                p->text = fig_clean_copy(s, p->span.start, p->span.end);
                p->value_hi = f.value;
                if (!p->scale && f.scale) {
                    const char *sn = NULL;
                    double m = fig_scale_mult(f.scale, 0, strlen(f.scale), &sn);
                    p->value *= m;
                    p->scale = xstrdup(f.scale);
                }
                fig_drop(&f);
                continue;
            }
        }
        fig_push(out, &f, &cap);
    }
    free(para.sents);
    free(periods.v[0]);
    free(periods.v[1]);
}

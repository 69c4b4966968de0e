/*
 * extract/figures.c — amounts, percentages, rates and quantities.
 *
 * One JIT-compiled pattern finds every number with what is written around
 * it (currency, scale word, unit); C code then decides whether it is a
 * figure at all (dates, times, ordinals, versions, section numbers, phone
 * numbers and bare counts are not), normalises it (value, ISO currency,
 * scale) and reads its context (fig_context.c): kind, direction,
 * approximation, period and a short subject from the sentence. Each figure
 * looks only at its own sentence, so the cost is linear in the text.
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
/* Wire fractions ("9-7/8", a grain price "10.34-1/2") and quote pairs
 * ("1.8135/45"). */
#define FIG_FRAC "\\d{1,4}(?:\\.\\d{1,2})?-[1-9]\\d?/(?:2|4|8|16|32|64)(?![\\d/])"
/* A bare fraction ("up 3/4"), kept only as a wire price change. */
#define FIG_PFRAC "[1-9]\\d?/(?:2|4|8|16|32|64)(?![\\d/])"
#define FIG_QUOTE "\\d+\\.\\d{2,}/\\d{1,4}(?![\\d/])"
/* Numbers in words, read only before a scale or a unit; "a (full)
 * percentage point" is one (not "a quarter of a", "half a": fractions of
 * one; "a quarter of a US cent" too, whose dollar is named). */
#define FIG_WORDS                                                                          \
    "(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"                       \
    "(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|"  \
    "seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"      \
    "eighteen|nineteen|(?<!of\\h)(?<!half\\h)a(?:\\h+(?:full|whole))?(?=\\h+percentage\\h+point\\b)"     \
    "|(?:a\\h+quarter(?:\\h+of\\h+a)?|half\\h+a|three[\\h-]quarters\\h+of\\h+a)"             \
    "(?=\\h+percentage\\h+point\\b)"                                                         \
    "|(?:a|three)[\\h-]quarters?\\h+of\\h+a(?=\\h+(?:US\\h+|U\\.S\\.\\h+)?cent\\b))(?![\\w-])"
/* Fractions in words of a group ("a fifth of", "two-thirds of", "half of"), a change by
 * one ("fall by a fifth", "up from a quarter a decade ago"; never "a quarter earlier")
 * and ratios ("one in ten patients", "two in every five pounds", "nine out of 10"). */
#define FIG_FRACW                                                                          \
    "(?i:(?:a|one|two|three|four|five|six|seven|eight|nine)[\\h-](?:half|third|quarter|"     \
    "fifth|sixth|seventh|eighth|ninth|tenth)s?|half)(?=\\h+of\\h)(?!\\h+of\\h+a\\h+(?:percentage|(?:US\\h+|U\\.S\\.\\h+)?cent\\b))"                          \
    "|(?<=\\bby\\h|\\bto\\h|\\bfrom\\h|\\bup\\h|\\bdown\\h|\\babout\\h|\\bnearly\\h|\\balmost\\h|\\broughly\\h)" \
    "(?i:(?:a|one|two|three|four)[\\h-](?:third|" \
    "quarter|fifth|tenth)s?|half)(?=\\h*[,.;)]|\\h+(?:from|in|on|since|over|after|last|this|a\\h+(?:decade|year)\\h+ago)\\b)" \
    "|(?i:(?:one|two|three|four|five|six|seven|eight|nine|\\d{1,2})\\h+(?:in(?:\\h+every)?|out\\h+of)\\h+(?:two|three|" \
    "four|five|six|seven|eight|nine|ten|twenty|\\d{1,3}))(?=\\h+[A-Za-z])"
#include "fig_pattern.h"

static const char fig_pattern[] =
    "(?<![\\w.,:/])(?<![A-Za-z]-)"
    "(?:(?<cur>(?:US|HK|NT|NZ|AU|A|C|S|R)\\$|\\$(?:US|NZ|A)(?=\\h?\\d)|\\$|€|£|¥|₹|"
    "(?:RMB|" FIG_ISO "|Rs\\.?)(?=\\h?\\d)|R(?=\\d))\\h?)?"
    "(?<num>(?<fw>" FIG_FRACW ")|" FIG_FRAC "|" FIG_QUOTE "|" FIG_PFRAC "|" FIG_NUM "|" FIG_WORDS ")"
    "(?:\\h?[-–]\\h?(?<num2>" FIG_NUM "))?"
    "(?:(?:\\h?|-(?=(?i:trillion|billion|million)\\b))(?<scale>(?i:trillion|billion|million|thousand|bn|bln|mln|mn|tn|trn)|lakh\\h+crore|crore|lakh"
    "|万亿|亿|万)"
    "|(?<scale1>[mk])|(?<pence>p|(?-i:c)))?(?:(?![A-Za-z])|(?=" FIG_ATTACHED "))"
    "(?:(?:\\h?|(?<=[a-z])-(?=(?i:barrels?|tonnes?|ounces)\\b)|(?<=\\d)-(?=(?i:(?:mega|giga|kilo)watts?|square-(?:foot|feet|met(?:re|er)))\\b))(?<unit>%|美元|元|吨|(?-i:" FIG_ISO ")|°\\h?[CF]|(?<=\\d)(?-i:[CF])"
    "|(?i:per\\h?cent|percentage\\h+points?|percent|pct|basis\\h+points?|bps|pp|points?"
    "|(?:u\\.?s\\.?\\h+)?dlrs?|(?:u\\.?s\\.?|hong\\h+kong|hk|singapore|australian|canadian"
    "|new\\h+zealand|taiwan)\\h+dollars?|dollars?|yuan|renminbi|rmb|euros?|pounds?\\h+sterling"
    "|pounds?|stg|sterling|yen|won|rupees?|ringgits?|baht|rupiah|(?:swiss|french|belgian)"
    "\\h+francs?|francs?|d-?marks|deutsche\\h?marks?|marks|guilders?|lire|lira|pesetas?"
    "|(?:danish|swedish|norwegian|czech)\\h+crowns?|danish\\h+kroner"
    "|escudos?|drachmas?|kronor|kronur|kroner|krona|krone|rand|pesos?|reais|rubles?|roubles?"
    "|dinars?|riyals?|rials?|dirhams?|shekels?|naira|shillings?|zlotys?|forint|hryvnias?"
    "|cts|(?:u\\.?s\\.?\\h+)?cents?|¢|pence|paise|sen|fen"
    "|grams?\\h+(?:per|a)\\h+tonne|g/t|dwt|metric\\h+tons|(?:tonnes?|quintals?)\\h+(?:per|an?)\\h+(?:hectare|acre)|t/ha|t/acre|tonnes?|tons?|barrels?\\h+(?:per|a)\\h+day|barrels?|bpd|bushels?\\h+(?:per|an?)\\h+acre|bushels?|teus?"
    "|twenty-foot\\h+equivalent\\h+units?|quintals?|(?:giga|mega)tonnes?|gigatons?"
    "|cubic\\h+met(?:re|er)s|cubic\\h+feet"
    "|square\\h+met(?:re|er)s|square\\h+(?:feet|foot)|sq\\.?\\h?ft\\b\\.?|square\\h+kilomet(?:re|er)s"
    "|square\\h+miles|sq\\.?\\h?km|hectares?|acres?|(?:kilo|mega|giga)watt[-\\h]hours?|kwh"
    "|megawatts?|gigawatts?|kilowatts?|parts\\h+per\\h+million|ppm|" FIG_TECH
    "|" FIG_MEASURES
    "|kilomet(?:re|er)s\\h+(?:per|an?)\\h+hour|kilomet(?:re|er)s|km/h|km|kilograms|kg|mph|kph|ounces"
    "|units|vehicles|cars|millimet(?:re|er)s|centimet(?:re|er)s|mm|cm"
    "|degrees(?:\\h+(?:celsius|fahrenheit|[cf]))?"
    "|per\\h(?:1,000,000|100,000|10,000|1,000|thousand|million))(?![A-Za-z]))"
    "|\\h(?:(?<mod>(?:U\\.S\\.|[A-Z]{2,5}|[A-Z][a-z]{2,}\\h[A-Z][a-z]{2,}|[a-z]{3,}|[a-z\\d]+(?:-[a-z]+)+)"
    "(?:\\h(?:[a-z]{3,}|[a-z\\d]+(?:-[a-z]+)+)){0,2})\\h)?"
    "(?<noun>people|children|men|women|dead|wounded|injured|missing|homeless|[a-z]{3,}s(?<!ss|us|is)|[A-Z][a-z]{2,}s(?<!ss|us|is))"
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
    fr->g_fw = ds_regex_group_number(fr->fig, "fw");
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

/* ---- one figure ------------------------------------------------------------------ */
static size_t
fig_sentence_of(const struct span *sents, size_t nsents, size_t pos)
{
    /* nsents when pos is past the last sentence */
    return span_first_after(sents, nsents, (uint32_t)pos);
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

/* One run over a body: the text, where its figures go, and the caches the
 * steps share (the paragraph last split into sentences, the periods of the
 * sentence last read). */
struct fig_state {
    struct fig_res *fr;
    const char *s;
    size_t n;
    struct extraction *out;
    size_t base, cap; /* this run's figures are out->figures[base..] */
    struct fig_para para;
    struct fig_periods periods;
    size_t main_at; /* where the last figure given its main clause's subject starts */
    char noun[32];  /* a counted noun carried from the subject (fig_subject_count) */
    const char *home; /* the dollar a bare "$" means, when not the US one */
};

/* One match of the figure pattern: the groups it filled. */
struct fig_match {
    size_t ms, me, ns, ne, cs, ce, ss, se, us, ue, n2s, n2e;
    bool cur, scale, scale1, unit, noun, range, words;
    bool more; /* a bare number then "more": "two more were due" */
    bool game; /* points of a game ("scored 41 points"): a count */
    bool fw; /* a fraction in words ("a fifth of") */
    const struct fig_unitmap *um;
    size_t st; /* where the figure starts: its currency or its number */
};

/* The figure of this run written last before the current one, or NULL. */
static struct figure *
fig_last(const struct fig_state *fs)
{
    return fs->out->nfigures > fs->base ? &fs->out->figures[fs->out->nfigures - 1] : NULL;
}

/* Is s[a, b) a lower-case plural noun as the pattern reads one ("homes",
 * "people"; not "-ss", "-us", "-is")? */
static bool
fig_plural_noun(const char *s, size_t a, size_t b)
{
    size_t n = b - a;
    for (size_t i = a; i < b; i++)
        if (!ex_is_lower((unsigned char)s[i]))
            return false;
    if ((n == 6 && memcmp(s + a, "people", 6) == 0) || (n == 8 && memcmp(s + a, "children", 8) == 0) ||
        (n == 3 && memcmp(s + a, "men", 3) == 0) || (n == 5 && memcmp(s + a, "women", 5) == 0))
        return true;
    return n >= 4 && s[b - 1] == 's' && !(s[b - 2] == 's' || s[b - 2] == 'u' || s[b - 2] == 'i');
}

/* Is a word of the modifiers s[a, b) before a counted noun no modifier: a
 * stop word, a verb ("80,600 while sales", "200 more than others"), any
 * word after a plural ("10.9 billion shares changed hands")? A
 * single "more" is one ("5,000 more children"). */
static bool
fig_mod_rejected(const struct fig_res *fr, const char *s, size_t a, size_t b)
{
    struct fig_word w = {a, a};
    if (b - a == 4 && fig_wis(s, &(struct fig_word){a, b}, "more"))
        return false;
    bool plural = false;
    while (w.start < b) {
        w.end = w.start;
        while (w.end < b && s[w.end] != ' ' && s[w.end] != '\t')
            w.end++;
        /* a participle right before the noun qualifies it ("212 million
         * paid subscribers", "1,200 trained nurses") */
        bool participle = w.end == b && (fig_wis(s, &w, "paid") || fig_wis(s, &w, "likely") ||
                                         fig_past_participle(s, &w));
        if (fig_win(fr, s, &w, FW_AFTER_STOP) || fig_win(fr, s, &w, FW_LEAD) ||
            (!participle && (fig_win(fr, s, &w, FW_STRONG) || fig_win(fr, s, &w, FW_VERBS))))
            return true;
        if (plural)
            return true; /* "8 million people across three states" */
        plural = fig_plural_noun(s, w.start, w.end);
        w.start = w.end;
        while (w.start < b && (s[w.start] == ' ' || s[w.start] == '\t'))
            w.start++;
    }
    return false;
}

/* Read the groups of the pattern's current match into m. A modifier before
 * a counted noun that is no modifier ("80,600 while sales", a currency's
 * "£13.8m deal") ends the match before it, with no noun. */
/* "41.6 cases per 100,000 residents": a count's noun then the base of a
 * rate makes the figure the rate, in "per 100,000" (the base is no count
 * of its own). */
static void
fig_rate_after_noun(const char *s, struct fig_match *m)
{
    static const char *const bases[] = {"1,000,000", "100,000", "10,000", "1,000",
                                        "thousand", "million"};
    if (strncmp(s + m->ue, " per ", 5) != 0)
        return;
    size_t b = m->ue + 5;
    for (size_t i = 0; i < DS_ARRAY_LEN(bases); i++) {
        size_t k = strlen(bases[i]);
        if (strncmp(s + b, bases[i], k) == 0 && !ex_is_alpha((unsigned char)s[b + k]) && !ex_is_digit((unsigned char)s[b + k]) &&
            !(s[b + k] == ',' && ex_is_digit((unsigned char)s[b + k + 1]))) {
            m->noun = false;
            m->unit = true;
            m->us = m->ue + 1;
            m->ue = m->me = b + k;
            return;
        }
    }
}

static void
fig_read_match(const struct fig_res *fr, const char *s, struct fig_match *m)
{
    struct ds_regex *re = fr->fig;
    memset(m, 0, sizeof *m);
    ds_regex_group(re, 0, &m->ms, &m->me);
    ds_regex_group(re, (unsigned)fr->g_num, &m->ns, &m->ne);
    m->cur = ds_regex_group(re, (unsigned)fr->g_cur, &m->cs, &m->ce);
    m->scale = ds_regex_group(re, (unsigned)fr->g_scale, &m->ss, &m->se);
    m->scale1 = !m->scale && ds_regex_group(re, (unsigned)fr->g_scale1, &m->ss, &m->se);
    m->unit = ds_regex_group(re, (unsigned)fr->g_unit, &m->us, &m->ue);
    if (!m->unit && !m->scale && !m->scale1)
        m->unit = ds_regex_group(re, (unsigned)fr->g_pence, &m->us, &m->ue); /* "23p" */
    m->noun = !m->unit && ds_regex_group(re, (unsigned)fr->g_noun, &m->us, &m->ue);
    size_t mods, mode;
    if (m->noun && ds_regex_group(re, (unsigned)fr->g_mod, &mods, &mode)) {
        /* "5,207 U.S. products", "190,000 new jobs", "1,500 new asylum
         * officers"; but not "80,600 while sales", and a currency needs no
         * noun ("£13.8m deal") */
        if (m->cur || fig_mod_rejected(fr, s, mods, mode) ||
            (!m->scale && fig_measure_mod(s, mods, mode)) ||
            (ex_is_upper((unsigned char)s[m->us]) && ex_is_lower((unsigned char)s[mods]))) {
            /* a capitalised word after lower-case modifiers starts a name
             * ("300m blog entries Bloglines holds") */
            m->noun = false;
            m->me = mods;
            while (m->me > m->ns && s[m->me - 1] == ' ')
                m->me--;
            /* "6,000 homes for survivors", "98 new shops and plans": the
             * first plural after words that may modify it is the noun */
            bool name = ex_is_upper((unsigned char)s[m->us]);
            for (size_t a = mods, e = mods; !m->cur && a < mode && !(name && a > mods);
                 a = e + 1) {
                e = a;
                while (e < mode && s[e] != ' ')
                    e++;
                if (fig_plural_noun(s, a, e) && !fig_mod_rejected(fr, s, a, e) &&
                    (a == mods || !fig_mod_rejected(fr, s, mods, a - 1))) {
                    m->noun = true;
                    m->us = a;
                    m->ue = m->me = e;
                    break;
                }
            }
        }
    }
    bool expected = m->scale || (m->ns >= 4 && memcmp(s + m->ns - 4, "the ", 4) == 0);
    if (m->noun && expected && fig_expectation_after(s, m->ue)) {
        /* "beating the 20.9 billion analysts had expected", "the 160,000
         * economists had expected": the number takes the unit before it */
        m->noun = false;
        m->me = m->scale ? m->se : m->range ? m->n2e : m->ne;
    }
    if (m->noun)
        fig_rate_after_noun(s, m);
    size_t fa, fb;
    if (ds_regex_group(re, (unsigned)fr->g_fw, &fa, &fb)) {
        memset(m, 0, sizeof *m);
        m->fw = true;
        m->ms = m->ns = m->st = fa;
        m->ne = m->me = fb;
        return;
    }
    m->range = ds_regex_group(re, (unsigned)fr->g_num2, &m->n2s, &m->n2e);
    if (!m->cur && !m->scale && !m->scale1 && !m->unit && !m->noun && !m->range &&
        strncmp(s + m->ne, " more", 5) == 0 && !ex_is_alpha((unsigned char)s[m->ne + 5])) {
        m->more = true;
        m->me = m->ne + 5;
    }
}

/* Does the text around a bare number name what it is: "Of those," after a
 * count ("78,430 adults ... Of those, 866 developed"), or an exchange
 * rate's quote ("the rand traded at 17.38 per dollar")? Sets *sent,
 * *carried and *ckind when it does. */
static bool
fig_bare_named(struct fig_state *fs, const struct fig_match *m, struct span *sent,
               const char **carried, enum figure_kind *ckind)
{
    const char *s = fs->s;
    const struct figure *pc = fig_last(fs);
    if (pc && pc->kind == FIGURE_COUNT && pc->unit && pc->span.end <= m->ns &&
        m->ns - pc->span.end < 300 && fig_of_those(s, m->ns)) {
        *sent = fig_sentence(&fs->para, s, fs->n, m->ns);
        *carried = pc->unit;
        *ckind = FIGURE_COUNT;
        return true;
    }
    if (m->scale) {
        struct span qs = fig_sentence(&fs->para, s, fs->n, m->ns);
        bool of = fig_of_plural(s, fs->n, m->me, fs->noun, sizeof fs->noun);
        if (!of && !fig_count_again(s, &qs, pc, m->ns))
            return false;
        *sent = qs; /* "57 million people ... to reach 153 million" */
        *carried = of ? fs->noun : pc->unit;
        *ckind = FIGURE_COUNT;
        return true;
    }
    const char *majority = fig_lead_count(s, fs->n, m->ns, m->ne, pc != NULL);
    if (majority) {
        *sent = fig_sentence(&fs->para, s, fs->n, m->ns);
        *carried = majority; /* "won with a majority of 3,716" */
        *ckind = FIGURE_COUNT;
        return true;
    }
    const struct figure *counted = fig_bare_counted(fs->s, fs->n, fs->out, fs->base, m->ns, m->ne);
    if (counted) {
        *sent = fig_sentence(&fs->para, s, fs->n, m->ns);
        *carried = counted->unit;
        *ckind = FIGURE_COUNT;
        return true;
    }
    const char *more =
        fig_bare_more(s, fs->n, fs->out, fs->base, m->ns, m->ne, ckind, fs->noun, sizeof fs->noun);
    if (more) {
        *sent = fig_sentence(&fs->para, s, fs->n, m->ns);
        *carried = more;
        return true;
    }
    struct span qs = fig_sentence(&fs->para, s, fs->n, m->ns);
    const char *code = fig_quote_currency(s, &qs, m->ns, m->ne);
    if (!code)
        return false;
    *sent = qs;
    *carried = code;
    *ckind = FIGURE_AMOUNT;
    return true;
}

/* Is the match no figure by its own shape: a bare number followed by a
 * letter, a time or a compound ("5G", "10:30", "5-year"), a number with a
 * leading zero (codes, phone numbers), an unknown unit, a number in words
 * without a unit? Fills m->um and m->words. */
static bool
fig_shape_rejected(const char *s, size_t n, struct fig_match *m)
{
    size_t after_num = m->range ? m->n2e : m->ne;
    if (!m->scale && !m->scale1 && !m->unit && !m->noun && !m->more && after_num < n) {
        unsigned char c = (unsigned char)s[after_num];
        if (ex_is_alpha(c))
            return true;
        if ((c == ':' || c == '-') && after_num + 1 < n &&
            (ex_is_digit((unsigned char)s[after_num + 1]) ||
             ex_is_alpha((unsigned char)s[after_num + 1])))
            return true;
    }
    if (s[m->ns] == '0' && m->ne - m->ns > 1 && s[m->ns + 1] != '.')
        return true; /* 007, 0143: codes and phone numbers */
    m->um = m->unit ? fig_unit_lookup(s, m->us, m->ue) : NULL;
    if (m->unit && !m->um)
        return true;
    m->words = !ex_is_digit((unsigned char)s[m->ns]);
    /* "one of them", "two said"; but "seven votes to four" compares two
     * counts (fig_carry reads it) */
    bool tally = m->ns > 6 && memcmp(s + m->ns - 4, " to ", 4) == 0 && s[m->ns - 5] == 's' &&
                 ex_is_lower((unsigned char)s[m->ns - 6]);
    /* "nine of the 15 seats" counts seats (fig_bare_rejected reads it) */
    return m->words && !m->noun && !m->um && !m->scale && !m->more && !tally &&
           (fig_parse_num(s, m->ns, m->ne) == 1 || !fig_part_of_whole(s, n, m->ne));
}

/* Is the match a bare number (dates, years, scores, versions) that takes
 * no unit from around it? Only a number near the figure before it or on a
 * line comparing with "vs" is looked at further (so most bare numbers cost
 * no sentence split); then *sent is its sentence and *carried, *ckind the
 * unit it takes. A bare fraction is a figure only as a wire stock price
 * or its change ("at 24-1/4, up 3/4"); "N more" only after a count in
 * its sentence, whose noun it takes. Other matches get their sentence too. */
static bool
fig_bare_rejected(struct fig_state *fs, const struct fig_match *m, struct span *sent,
                  const char **carried, enum figure_kind *ckind)
{
    const char *s = fs->s;
    bool bare = !m->cur && !m->um && !m->noun;
    bool slash = memchr(s + m->ns, '/', m->ne - m->ns) != NULL;
    if (bare && slash && !memchr(s + m->ns, '.', m->ne - m->ns) && !m->scale && !m->scale1) {
        /* "closed at 24-1/4, up 3/4": a wire price in fractions or its
         * change, else no figure */
        *sent = fig_sentence(&fs->para, s, fs->n, m->ns);
        if (fig_fraction_price(s, sent, m->ns, carried, ckind) ||
            fig_bond_price(s, sent, m->ns, m->ne, carried, ckind))
            return false;
        if (!memchr(s + m->ns, '-', m->ne - m->ns))
            return true;
    }
    if (bare && m->more) {
        /* "Three ships were loading, and two more were due": the count
         * before it in the sentence names what it counts */
        *sent = fig_sentence(&fs->para, s, fs->n, m->ns);
        const struct figure *prev = fig_last(fs);
        if (!prev || prev->kind != FIGURE_COUNT || !prev->unit ||
            prev->sentence.start != sent->start || prev->span.end > m->ns)
            return true;
        *carried = prev->unit;
        *ckind = FIGURE_COUNT;
        return false;
    }
    bool near = false, cue = false;
    if (bare) {
        const struct figure *prev = fig_last(fs);
        near = (prev && prev->span.end <= m->ns && m->ns - prev->span.end <= 80) ||
               fig_line_compares(s, fs->n, m->ns);
        cue = !m->scale && !slash && fig_index_cue(s, fs->n, m->ns > 40 ? m->ns - 40 : 0, m->ns);
        if (!m->scale && !m->scale1 && !m->range && !slash &&
            fig_vote_tally(s, fs->n, m->ns > 40 ? m->ns - 40 : 0, m->ns, m->ne)) {
            *sent = fig_sentence(&fs->para, s, fs->n, m->ns);
            *carried = "votes"; /* "voted 23 to 11" */
            *ckind = FIGURE_COUNT;
            return false;
        }
        if (!m->scale && !m->scale1 && !m->range && !slash &&
            fig_of_count(s, fs->n, m->ne, fs->noun, sizeof fs->noun)) {
            *sent = fig_sentence(&fs->para, s, fs->n, m->ns);
            *carried = fs->noun; /* "made 15 of 22 shots" */
            *ckind = FIGURE_COUNT;
            return false;
        }
        if (!m->scale1 && !m->range && !slash && fig_bare_named(fs, m, sent, carried, ckind))
            return false;
        /* "has grown to 146", "fell by 240": its subject may name what it counts */
        bool to = m->ns >= 4 && (memcmp(s + m->ns - 4, " to ", 4) == 0 ||
                                 memcmp(s + m->ns - 4, " by ", 4) == 0);
        if (m->scale1 || m->range || (!near && !cue && !m->scale && !to))
            return true;
    }
    *sent = fig_sentence(&fs->para, s, fs->n, m->ns);
    const struct figure *last = fig_last(fs);
    /* (a change in per cent before it in the sentence leaves it bare:
     * "fell by 17 per cent to 4,150") */
    bool last_here = last && last->sentence.start == sent->start &&
                     !(last->unit && strcmp(last->unit, "%") == 0);
    /* (a figure inside the subject does not: "The death toll from the
     * magnitude 7.1 quake rose to 1,284") */
    if (bare && !slash && (m->scale || fig_parse_num(s, m->ns, m->ne) >= 100) &&
        fig_subject_count(s, sent, m->ns, last_here ? last->span.end : 0, fs->noun,
                          sizeof fs->noun)) {
        *carried = fs->noun; /* "Mortgage approvals dropped to 43,700" */
        *ckind = FIGURE_COUNT;
        return false;
    }
    if (bare && ((cue && fig_index_sentence(s, sent)) || fig_index_reading(s, sent, m->ns, m->ne))) {
        /* "the FTSE 100 closed at 7,512.3": an index level */
        *carried = "points";
        *ckind = FIGURE_QUANTITY;
        return false;
    }
    if (bare) {
        /* a quote pair is a value, like a scaled one */
        if (!near || !fig_carry(s, fs->n, sent, m->ns, m->scale || slash, fig_last(fs), fs->out,
                                fs->base, carried, ckind))
            return true;
    }
    return false;
}

/* Is the number a label's ("Section 301", "Version 3.0", "No. 2") or a
 * day after a month name ("May 17") and has no unit? Sets m->st. */
static bool
fig_label_rejected(const struct fig_res *fr, const char *s, struct fig_match *m)
{
    m->st = m->cur ? m->cs : m->ns;
    size_t i = m->st;
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '.'))
        i--;
    size_t e = i;
    while (i > 0 && ex_is_alpha((unsigned char)s[i - 1]))
        i--;
    if (e > i && fig_has(fr, FW_LABELS, s + i, e - i, false) && !m->cur)
        return true;
    return e > i && fig_has(fr, FW_MONTHS, s + i, e - i, false) && !m->cur && !m->um;
}

/* The value (and upper end) of the match into *v, *v2; false when it is no
 * quantity: too long, words it cannot read, a count fig_count_kept does
 * not keep (a duration, a year, a name, a determiner), a range running
 * backwards ("2017-18", "3-2"). */
static bool
fig_values(const struct fig_res *fr, const char *s, const struct fig_match *m,
           const struct span *sent, double *v, double *v2)
{
    if (m->ne - m->ns > 30)
        return false; /* not a quantity anyone writes: an ID or garbage */
    *v = fig_parse_num(s, m->ns, m->ne);
    *v2 = *v;
    if (m->range)
        *v2 = fig_parse_num(s, m->n2s, m->n2e);
    else
        *v = fig_parse_num2(s, m->ns, m->ne, v2); /* "1.8135/45": a quote pair */
    if (*v < 0)
        return false; /* a word that is no number */
    if (m->noun) {
        /* Counts, in digits or words, unless a duration, a year, part of a
         * name or a determiner (fig_count.c). */
        struct fig_count c = {m->st, m->ns, m->ne, m->us, m->ue, *v, m->scale || m->scale1};
        if (!fig_count_kept(fr, s, sent, &c))
            return false;
    }
    return !(m->range && *v2 < *v && !(m->cur || (m->um && m->um->cls == 2)));
}

/* The unit and kind of figure f from the match: a currency, hundredths of
 * one (cents, pence), a weight in pounds, a unit word, the unit carried
 * from around it, or the noun it counts. */
static void
fig_set_unit(struct fig_state *fs, const struct fig_match *m, const struct span *sent,
             const char *carried, enum figure_kind ckind, struct figure *f)
{
    const char *s = fs->s;
    const struct fig_unitmap *um = m->um;
    if (m->cur) {
        const char *code = fig_currency_code(s, m->cs, m->ce);
        if (code && fs->home && s[m->cs] == '$' && m->ce - m->cs <= 2 &&
            (m->ce == m->cs + 1 || s[m->cs + 1] == ' '))
            code = fs->home; /* "$412 million" on a Perth page */
        if (code) {
            f->unit = xstrdup(code);
        } else {
            size_t e = m->ce;
            while (e > m->cs && (s[e - 1] == ' ' || s[e - 1] == '.'))
                e--;
            f->unit = xstrndup(s + m->cs, e - m->cs);
        }
        f->kind = FIGURE_AMOUNT;
    } else if (um && um->cls == 4) {
        /* cents, pence, sen, fen: hundredths of their currency */
        f->value *= 0.01;
        f->value_hi *= 0.01;
        /* "65.42 U.S. cents" names its dollar; bare cents take the one
         * before them */
        bool named = ex_lower((unsigned char)s[m->us]) == 'u';
        const char *def = fs->home && strcmp(um->unit, "USD") == 0 ? fs->home : um->unit;
        f->unit = xstrdup(named ? um->unit : fig_cents_currency(fs->out, fs->base, m->st, def));
        f->kind = FIGURE_AMOUNT;
    } else if (um && um->unit[0] == 'G' && ex_lower((unsigned char)s[m->us]) == 'p' &&
               fig_weight_sentence(s, sent)) {
        f->unit = xstrdup("pounds"); /* "weighed 215 pounds": a weight */
        f->kind = FIGURE_QUANTITY;
    } else if (um) {
        /* "2.35 billion dlrs" on an Ottawa dateline: the text's dollar, unless named "U.S." */
        bool home = um->cls == 2 && fs->home && strcmp(um->unit, "USD") == 0 &&
                    ex_lower((unsigned char)s[m->us]) != 'u';
        f->unit = xstrdup(home ? fs->home
                               : fig_unit_per(s, fs->n, m->ns, m->us, m->ue, um, fig_last(fs), sent));
        f->kind = um->cls == 0   ? FIGURE_RATE
                  : um->cls == 1 ? FIGURE_CHANGE
                  : um->cls == 2 ? FIGURE_AMOUNT
                  : um->cls == 5 ? (m->game ? FIGURE_COUNT : FIGURE_CHANGE)
                                 : FIGURE_QUANTITY;
        if (um->cls == 5 && !m->game && fig_share_points(s, sent, m->st)) {
            free(f->unit);
            f->unit = xstrdup("pp"); /* "her share fell by 19.6 points" */
        }
    } else if (carried) {
        f->unit = xstrdup(carried);
        f->kind = ckind;
    } else {
        /* lower case, but a proper noun keeps its capital ("Republicans") */
        f->unit = fig_clean_copy(s, m->us, m->ue);
        bool proper = ex_is_upper((unsigned char)f->unit[0]) &&
                      !ex_is_upper((unsigned char)f->unit[1]);
        for (char *p = f->unit + proper; *p; p++)
            *p = (char)ex_lower((unsigned char)*p);
        char *toll = fig_noun_unit(f->unit, s, m->scale ? m->se : m->ne, m->us, m->ue);
        if (toll) {
            free(f->unit); /* "712 dead": people; "two field goals" */
            f->unit = toll;
        }
        f->kind = FIGURE_COUNT;
    }
}

/* Fill f from the match: span, text, value with its scale, unit and kind,
 * then what its sentence says (direction, approximation, period, subject). */
static void
fig_build(struct fig_state *fs, const struct fig_match *m, const struct span *sent, double v,
          double v2, const char *carried, enum figure_kind ckind, struct figure *f)
{
    const char *s = fs->s;
    memset(f, 0, sizeof *f);
    f->span.start = (uint32_t)m->st;
    f->span.end = (uint32_t)m->me;
    /* Trailing space captured before an absent unit never stays. */
    while (f->span.end > f->span.start && s[f->span.end - 1] == ' ')
        f->span.end--;
    const char *scale_name = NULL;
    double mult = (m->scale || m->scale1) ? fig_scale_mult(s, m->ss, m->se, &scale_name) : 1;
    if (!m->scale && !m->scale1 && (m->cur || (m->um && m->um->cls == 2)))
        mult = fig_table_scale(s, fs->n, m->st, &scale_name); /* a table "in millions" */
    f->value = v * mult;
    f->value_hi = v2 * mult;
    f->scale = scale_name ? xstrdup(scale_name) : NULL;
    fig_set_unit(fs, m, sent, carried, ckind, f);
    const struct figure *from = fig_last(fs);
    if (carried && from && carried == from->unit && from->span.end <= m->st &&
        m->st - from->span.end < 40 && !memchr(s + from->span.end, '\n', m->st - from->span.end) &&
        fig_in_hundredths(from->text)) {
        f->value *= 0.01; /* "65.42 U.S. cents, against 65.80" */
        f->value_hi *= 0.01;
    }
    fig_sign(s, fs->n, f); /* "minus 31 degrees" */
    f->text = fig_clean_copy(s, f->span.start, f->span.end);

    f->sentence = *sent;
    fig_context(fs->fr, s, sent, f, m->ns);
    f->period = fig_period(&fs->periods, fs->fr->period, s, sent, f);
    const struct figure *last = fig_last(fs);
    /* A main clause's subject is not handed on: the next figure's own
     * words ("cut 900 jobs") say more; nor is a count's own noun ("in 12
     * counties was worth $310m"). */
    const char *prev = last && last->sentence.start == sent->start &&
                               last->span.start != fs->main_at ? last->subject : NULL;
    if (prev && last->kind == FIGURE_COUNT && last->unit && ds_strcasecmp_ascii(prev, last->unit) == 0)
        prev = NULL;
    f->subject = fig_restated_subject(s, last, f); /* "5.6 bln shillings, or 4.1 pct of GDP" */
    if (!f->subject)
        f->subject = fig_subject_early(fs->fr, s, sent, f); /* ", killing 14"; "its 100 kWh battery" */
    if (!f->subject)
        f->subject = fig_count_own_subject(fs->fr, s, sent, f);
    if (!f->subject && f->kind != FIGURE_COUNT) /* a count's noun says what it counts */
        f->subject = fig_subject_tidy(fs->fr, fig_subject_named(fs->fr, s, sent, f->span.start));
    if (!f->subject)
        f->subject = fig_subject_tidy(
            fs->fr, fig_subject(fs->fr, s, sent, f->span.start, f->span.end, prev, f->kind));
    if (!f->subject)
        f->subject = fig_subject_tidy(fs->fr, fig_subject_referent(s, sent, f->span.start));
    if (!f->subject)
        f->subject = fig_row_label(s, fs->n, m->st); /* "Revs 10.1 mln vs 9.2 mln" */
    if (!f->subject)
        f->subject = fig_subject_tidy(fs->fr, fig_subject_fallback(fs->fr, s, f, last));
    if (!f->subject) {
        f->subject = fig_subject_tidy(fs->fr, fig_subject_main(fs->fr, s, sent, f->span.start));
        fs->main_at = f->span.start;
    }
    if (f->subject && last && last->sentence.start == sent->start && last->text &&
        last->kind == FIGURE_CHANGE && ds_strcasecmp_ascii(f->subject, last->text) == 0) {
        /* "fell nine points to 1,012": the level is the mover's, not the move's */
        free(f->subject);
        f->subject = last->subject ? xstrdup(last->subject) : NULL;
    }
}

/* "$30 billion to $50 billion", "30 to 50 billion yuan": when f ends a
 * range begun by the figure before it (same unit, rising), that figure
 * grows to hold it and true is returned (f is freed). "from X to Y" is a
 * change, two figures; so are "rose 2p to 141.2p" and "by X to Y". */
static bool
fig_merge_range(struct fig_state *fs, const struct span *sent, const char *carried,
                struct figure *f)
{
    const char *s = fs->s;
    struct figure *p = fig_last(fs);
    if (!p)
        return false;
    size_t gap_a = p->span.end, gap_b = f->span.start;
    size_t gap = gap_b > gap_a ? gap_b - gap_a : 0;
    bool to = gap == 4 && memcmp(s + gap_a, " to ", 4) == 0;
    bool and = gap == 5 && memcmp(s + gap_a, " and ", 5) == 0;
    bool dash = (gap == 1 && s[gap_a] == '-') ||
                (gap == 3 && memcmp(s + gap_a, "\xe2\x80\x93", 3) == 0);
    /* verbs after which "from X to Y" spans a range, not a change
     * ("accounts pay from 4% to 4.6%", "fares ranging from $2 to $5") */
    static const char *const spread[] = {"pay", "pays", "paid", "cost", "costs", "charge",
                                         "charges", "range", "ranges", "ranged", "ranging",
                                         "vary", "varies", "varied", "anywhere", "offer",
                                         "offers", "yield", "yields", "earn", "earns", NULL};
    bool from = false, between = false, spans = false;
    struct fig_word w[2];
    size_t k = fig_words_before(s, sent->start, p->span.start, w, 2);
    if (k >= 1) {
        /* "cut the bill by £122 to £1,568" is a change and a level */
        from = fig_wis(s, &w[0], "from") || fig_wis(s, &w[0], "by");
        between = fig_wis(s, &w[0], "between");
        spans = k == 2 && fig_wis(s, &w[0], "from") && fig_word_in(s, &w[1], spread);
    }
    bool is_range = (to && (!from || spans) && !between && (!p->direction || fig_range_of(s, sent, p)) && !carried) ||
                    dash || (and && between);
    if (!(is_range && p->unit && f->unit && strcmp(p->unit, f->unit) == 0 &&
          p->value_hi == p->value && f->value >= p->value))
        return false;
    p->span.end = f->span.end;
    free(p->text);
    p->text = fig_clean_copy(s, p->span.start, p->span.end);
    p->value_hi = f->value;
    if (!p->scale && f->scale) {
        const char *sn = NULL;
        double m = fig_scale_mult(f->scale, 0, strlen(f->scale), &sn);
        p->value *= m;
        p->scale = xstrdup(f->scale);
    }
    fig_drop(f);
    return true;
}

/* A fraction in words ("a fifth of households", "one in ten patients")
 * appended as a share in per cent, unless it says when or how long
 * ("the first half of", "a quarter of a century", "half of 2024"). */
static void
fig_fraction(struct fig_state *fs, struct fig_match *m)
{
    static const char *const before_no[] = {"first", "second", "other", "last", "next",
                                            "each", "the", "third", "fourth", NULL};
    static const char *const time_no[] = {"century", "centuries", "decade", "year", "years",
                                          "season", "month", "day", "week", "hour", "minute",
                                          "mile", "game", "match", "time", "way", "term",
                                          "period", "quarter", NULL};
    const char *s = fs->s;
    struct span sent = fig_sentence(&fs->para, s, fs->n, m->ns);
    struct fig_word w[3];
    if (fig_words_before(s, sent.start, m->ns, w, 1) == 1 && fig_word_in(s, &w[0], before_no))
        return;
    size_t k = fig_words_after(s, m->ne, sent.end, w, 3), i = 1;
    if (k >= 2 && fig_wis(s, &w[0], "of") && (fig_wis(s, &w[1], "the") || fig_wis(s, &w[1], "a") || fig_wis(s, &w[1], "an") || fig_wis(s, &w[1], "its")))
        i = 2;
    if (k > i && fig_wis(s, &w[0], "of") &&
        (fig_word_in(s, &w[i], time_no) || ex_is_digit((unsigned char)s[w[i].start])))
        return;
    double v = fig_fraction_words(s, m->ns, m->ne);
    if (v <= 0)
        return;
    struct figure f;
    fig_build(fs, m, &sent, v, v, "%", FIGURE_SHARE, &f);
    f.kind = FIGURE_SHARE;
    fig_push(fs->out, &f, &fs->cap);
}

/* A number with a unit or scale after a bare one and "to" ("14 to 23
 * dlrs") is read as the range from it, unless the figure before holds it. */
static void
fig_range_open(const struct fig_state *fs, const struct span *sent, struct fig_match *m)
{
    size_t a, b;
    const struct figure *last = fig_last(fs);
    size_t lo = last && last->span.end > sent->start ? last->span.end : sent->start;
    if (m->range || m->cur || !(m->um || m->scale) ||
        !fig_range_lower(fs->s, fs->n, lo, m->ns, m->ne, &a, &b))
        return;
    m->range = true;
    m->n2s = m->ns;
    m->n2e = m->ne;
    m->ns = a;
    m->ne = b;
    m->st = a;
}

/* A figure whose unit is a shape of the words around the match, appended
 * to fs->out: "one seat" after "41 seats", a conversion in parentheses
 * ("18 kilometers (11 miles)", the same subject), a magnitude, a multiple
 * ("subscribed 38.5 times"). True when one was; m->me is then where it
 * ends. */
static bool
fig_shaped(struct fig_state *fs, struct fig_match *m)
{
    const char *carried = NULL, *s = fs->s;
    enum figure_kind kind = FIGURE_QUANTITY;
    double v = fig_parse_num(s, m->ns, m->ne);
    size_t st = m->ns, me = m->me;
    bool plain = !m->cur && !m->unit && !m->scale && !m->scale1 && !m->range;
    const struct figure *last = fig_last(fs);
    bool conversion = false;
    if (plain && !m->noun &&
        (carried = fig_one_counted(fs->out, fs->base, s, fs->n, m->ns, m->ne, &me))) {
        v = 1; /* "41 seats ... one seat" */
        kind = FIGURE_COUNT;
    } else if ((m->noun || m->unit) && !m->scale && !m->cur &&
               (carried = fig_conversion_unit(s, m->ns, m->us, m->ue, last))) {
        m->noun = false; /* "18 kilometers (11 miles)": the same depth */
        conversion = true;
    } else if (plain && fig_magnitude(s, fs->n, m->ns, m->ne, &st, &me)) {
        carried = "magnitude";
    } else if (plain && fig_multiple(s, fs->n, m->ns, m->ne, &me)) {
        carried = "times"; /* "subscribed 38.5 times" */
    } else {
        return false;
    }
    m->st = st;
    m->me = me;
    struct span sent = fig_sentence(&fs->para, s, fs->n, m->ns);
    struct figure f;
    fig_build(fs, m, &sent, v, v, carried, kind, &f);
    if (conversion && last) {
        free(f.subject);
        f.subject = xstrdup(last->subject);
    }
    fig_push(fs->out, &f, &fs->cap);
    return true;
}

/* The figure of the pattern's current match appended to fs->out, unless
 * one of the steps finds it is none (or it ends a range). Returns where
 * the match ends once read (before words it gave back: "8 million people
 * across three states" ends after "people"). */
static size_t
fig_one(struct fig_state *fs)
{
    struct fig_match m;
    struct span sent;
    const char *carried = NULL;
    enum figure_kind ckind = FIGURE_AMOUNT;
    double v, v2;
    fig_read_match(fs->fr, fs->s, &m);
    if (m.fw) {
        fig_fraction(fs, &m);
        return m.me;
    }
    if (fig_shaped(fs, &m))
        return m.me;
    if (fig_shape_rejected(fs->s, fs->n, &m) || fig_bare_rejected(fs, &m, &sent, &carried, &ckind))
        return m.me;
    if ((m.um && strcmp(m.um->unit, "%") == 0 && fig_confidence_level(fs->s, fs->n, m.me)) ||
        (m.um && m.um->cls == 3 && fig_sprint_spec(fs->s, fs->n, m.ns, m.me)))
        return m.me; /* "95% confidence interval": a level; "0 to 60 mph in 3.4 seconds" */
    if ((m.unit && !fs->home && fig_cents_orphan(fs->s, fs->n, m.us, m.ue, fs->out, fs->base, m.ns)) ||
        (m.scale && !m.cur && fs->s[m.ss - 1] == '-'))
        return m.me; /* "series 3c", "the 17-million population" */
    /* whole points outside a market sentence are a game's or a table's,
     * counted ("scored 41 points"); "fell 3/8 point" stays a price move */
    m.game = m.um && m.um->cls == 5 && !memchr(fs->s + m.ns, '.', m.ne - m.ns) &&
             !memchr(fs->s + m.ns, '/', m.ne - m.ns) && !fig_market_sentence(fs->s, &sent) &&
             !fig_poll_points(fs->s, &sent, m.ns); /* "approval ... down three points": pp */
    if (fig_label_rejected(fs->fr, fs->s, &m))
        return m.me;
    fig_range_open(fs, &sent, &m);
    if (!fig_values(fs->fr, fs->s, &m, &sent, &v, &v2))
        return m.me;
    if ((m.noun || (m.um && (m.um->cls == 3 || m.game))) &&
        fig_count_threshold(fs->s, &sent, m.st, m.ue))
        return m.me; /* "buildings with five units or more": a class's line */
    if (m.um && m.um->cls == 3 && fig_variant_label(fs->s, &sent, m.st))
        return m.me; /* "a version with 512GB of storage": which version */
    if (m.cur && fig_class_threshold(fs->s, &sent, m.st))
        return m.me; /* "customers with revenue above $100,000" */
    if (m.cur && ((m.st >= 4 && memcmp(fs->s + m.st - 4, "per ", 4) == 0) ||
                  fig_rate_base(fs->s, fs->n, m.st, m.me)))
        return m.me; /* "71.2 cents per $100 of assessed value": a rate's base */
    struct figure f;
    fig_build(fs, &m, &sent, v, v2, carried, ckind, &f);
    const char *rate = fig_rate_again(fs->s, fig_last(fs), &f);
    if (rate) {
        free(f.unit);
        f.unit = xstrdup(rate);
    } else if (m.um && m.um->cls == 3 && !strstr(f.unit, " per ") &&
               fig_per_day_after(fs->s, fs->n, m.me)) {
        char *u = xasprintf("%s per day", f.unit); /* "barrels of oil a day" */
        free(f.unit);
        f.unit = u;
    }
    if (!fig_merge_range(fs, &sent, carried, &f))
        fig_push(fs->out, &f, &fs->cap);
    return m.me;
}

/* See lib.h. */
void
fig_run(struct fig_res *fr, const char *s, size_t n, struct extraction *out)
{
    struct fig_state fs = {.fr = fr, .s = s, .n = n, .out = out, .base = out->nfigures,
                           .cap = out->nfigures, .main_at = SIZE_MAX, .home = fig_home_dollar(s, n)};
    size_t pos = 0;
    while (ds_regex_next(fr->fig, s, n, &pos)) {
        size_t end = fig_one(&fs);
        if ((end < pos && end + 200 > pos) || end > pos)
            pos = end; /* read again what the match gave back, or skip
                        * what it read past the match ("per 100,000") */
    }
    free(fs.para.sents);
    free(fs.periods.v[0]);
    free(fs.periods.v[1]);
}

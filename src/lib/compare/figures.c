/*
 * compare/figures.c — the figures of two articles paired: the same figure
 * on both sides (equal, or the same at the precision either side wrote:
 * "$43,885,310" is "$43 million", "roughly $141 million" is "$139
 * million"), and figures that disagree, which must describe the same
 * quantity: the same unit and kind, values within a factor of 3, not told
 * apart by the words next to them (figure_roles.c: a change and a level,
 * "a day" and "a week", "killed" and "injured"), and the same subject head
 * ("taxes" is not "income") or, without subjects (a subject that only
 * names who acts, "Mr. Trump", repeats the unit, "homes" for "150 homes",
 * or stands away from the figure, counts as none), the only such figure
 * left in each sentence, in two aligned sentences with a word of context
 * in common (two words when the sentences are only a weak pair), or with
 * two words of their own clauses in common (one, and a name both
 * sentences give). See compare.h.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dossier/compare.h"
#include "dossier/utf8.h"
#include "lib.h"

/* An approximate figure ("about", "roughly") agrees within this share. */
#define FIG_APPROX_SHARE 0.05
/* Values further apart than this factor measure different things. */
#define FIG_MAX_FACTOR 3.0
/* Words of their own clauses two figures must share to be one quantity
 * when neither their subjects nor their sentences' alignment says so (one
 * is enough when their sentences share a name as well). */
#define FIG_NEAR_SHARED 2

/* The step of the last digit f was written with, in its value's units:
 * "$43 million" 1e6, "$4.2 million" 1e5, "$43,885,310" 1, "40,000" 1e4. */
static double
figure_step(const struct figure *f)
{
    const char *t = f->text;
    if (!t)
        return 0;
    while (*t && !(*t >= '0' && *t <= '9'))
        t++;
    double mant = 0, scale = 1;
    int decimals = -1, zeros = 0;
    for (; *t && ((*t >= '0' && *t <= '9') || *t == ',' || *t == '.'); t++) {
        if (*t == ',')
            continue;
        if (*t == '.') {
            if (decimals >= 0)
                break;
            decimals = 0;
            continue;
        }
        mant = mant * 10 + (*t - '0');
        if (decimals >= 0) {
            decimals++;
            scale /= 10;
        }
        zeros = *t == '0' && decimals < 0 ? zeros + 1 : 0;
    }
    mant *= scale;
    if (mant <= 0)
        return 0;
    double factor = fabs(f->value) / mant;
    double step = decimals > 0 ? pow(10, -decimals) : pow(10, zeros);
    return step * factor;
}

/* The same figure written two ways. */
static bool
figures_agree(const struct figure *a, const struct figure *b)
{
    if (!cmp_str_eq(a->unit, b->unit))
        return false;
    double d = fabs(a->value - b->value), m = DS_MAX(fabs(a->value), fabs(b->value));
    if (d <= 0.005 * m)
        return true;
    if ((a->approx || b->approx) && d <= FIG_APPROX_SHARE * m)
        return true;
    return d < DS_MAX(figure_step(a), figure_step(b));
}

/* The words of a subject, lower-cased, a plural 's' dropped, into w
 * (at most max); *head gets the index of its head: the last word before a
 * preposition ("output" in "rice output in Asia"). Returns the count. */
static size_t
subject_words(const char *subject, char w[][32], size_t max, size_t *head)
{
    static const char *const preps[] = {"in", "of", "for", "from", "to", "at", "on", "by",
                                        "with", "over", "under", "since", "during"};
    size_t n = 0;
    bool cut = false;
    *head = SIZE_MAX;
    for (const char *p = subject; p && *p && n < max;) {
        while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
            p++;
        size_t l = 0;
        while (((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) && l + 1 < 32) {
            w[n][l++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
            p++;
        }
        while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
            p++;
        if (l == 0)
            break;
        if (l > 3 && w[n][l - 1] == 's')
            l--;
        w[n][l] = '\0';
        bool is_prep = false;
        for (size_t k = 0; k < DS_ARRAY_LEN(preps); k++)
            is_prep = is_prep || strcmp(w[n], preps[k]) == 0;
        if (is_prep && n > 0)
            cut = true;
        else if (!cut)
            *head = n;
        n++;
    }
    return n;
}

/* The Han/kana characters of bytes [s, s+n), at most max, into cp; their
 * count. Chinese and Japanese subjects and contexts have no Latin words to
 * compare, so two of them are compared by the character pairs they share. */
static size_t
cjk_chars(const char *s, size_t n, uint32_t *cp, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; s && i < n && k < max;) {
        uint32_t c;
        int len = utf8_decode(s + i, n - i, &c);
        if (len <= 0) {
            i++;
            continue;
        }
        cp[k] = utf8_is_cjk(c) ? c : 0; /* 0 breaks a run: no pair across it */
        k += cp[k] != 0 || (k > 0 && cp[k - 1] != 0);
        i += (size_t)len;
    }
    return k;
}

/* Do two texts share a pair of adjacent CJK characters? */
static bool
cjk_pairs_shared(const char *a, size_t na, const char *b, size_t nb)
{
    uint32_t ca[96], cb[96];
    size_t ka = cjk_chars(a, na, ca, 96), kb = cjk_chars(b, nb, cb, 96);
    for (size_t i = 0; i + 1 < ka; i++) {
        if (!ca[i] || !ca[i + 1])
            continue;
        for (size_t j = 0; j + 1 < kb; j++)
            if (ca[i] == cb[j] && ca[i + 1] == cb[j + 1])
                return true;
    }
    return false;
}

/* Do two subjects share a head: the head of one is a word of the other
 * ("farm goods" and "farm goods purchases"; not "income" and "taxes")? */
static bool
heads_agree(const char *x, const char *y)
{
    char wx[12][32], wy[12][32];
    size_t hx, hy, nx = subject_words(x, wx, 12, &hx), ny = subject_words(y, wy, 12, &hy);
    if (nx == 0 || ny == 0) /* a subject with no Latin word: Chinese, Japanese */
        return cjk_pairs_shared(x, strlen(x), y, strlen(y));
    for (size_t i = 0; i < ny && hx < nx; i++)
        if (strcmp(wx[hx], wy[i]) == 0)
            return true;
    for (size_t i = 0; i < nx && hy < ny; i++)
        if (strcmp(wy[hy], wx[i]) == 0)
            return true;
    return false;
}

/* Does the sentence of f in text name the head of subject (a whole word,
 * any case, a plural 's' allowed)? */
static bool
head_in_sentence(const char *subject, const char *text, const struct figure *f)
{
    char w[12][32];
    size_t head, n = subject_words(subject, w, 12, &head);
    if (!text || n == 0 || head >= n || f->sentence.end <= f->sentence.start)
        return false;
    size_t hl = strlen(w[head]);
    for (uint32_t i = f->sentence.start; i + hl <= f->sentence.end; i++) {
        if (i > f->sentence.start && ((text[i - 1] >= 'a' && text[i - 1] <= 'z') ||
                                      (text[i - 1] >= 'A' && text[i - 1] <= 'Z')))
            continue;
        if (strncasecmp(text + i, w[head], hl) != 0)
            continue;
        uint32_t e = i + (uint32_t)hl;
        if (e < f->sentence.end && (text[e] == 's' || text[e] == 'S'))
            e++;
        if (e >= f->sentence.end ||
            !((text[e] >= 'a' && text[e] <= 'z') || (text[e] >= 'A' && text[e] <= 'Z')))
            return true;
    }
    return false;
}

/* Does a subject name who acts rather than what is measured: every Latin
 * word capitalised ("Trump", "Mr. Trump", "House Democrats") or an adverb
 * in -ly ("Mr. Trump publicly"), one at least capitalised? A name says
 * whose figure it is, not which quantity ("$5 billion" asked for and
 * "$2.5 billion" refused both have Trump as subject). Words in capitals
 * only ("GDP") are measures, not names. */
static bool
subject_is_actor(const char *subject)
{
    size_t names = 0;
    for (const char *p = subject; p && *p;) {
        while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
            p++;
        const char *w = p;
        bool lower = false;
        while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
            lower = lower || (*p >= 'a' && *p <= 'z'), p++;
        size_t l = (size_t)(p - w);
        if (l == 0)
            break;
        if (w[0] >= 'A' && w[0] <= 'Z' && lower)
            names++;
        else if (!(l > 4 && w[l - 2] == 'l' && w[l - 1] == 'y'))
            return false;
    }
    return names > 0;
}

/* Does f's subject say which quantity f measures: it names no actor
 * (subject_is_actor) and its head is not just f's unit ("150 homes" with
 * the subject "homes" says no more than its unit)? */
static bool
subject_informative(const struct figure *f)
{
    if (!f->subject || subject_is_actor(f->subject))
        return false;
    if (!f->unit)
        return true;
    char w[12][32], u[2][32];
    size_t head, uhead, n = subject_words(f->subject, w, 12, &head);
    size_t nu = subject_words(f->unit, u, 2, &uhead);
    return !(n > 0 && head < n && nu == 1 && strcmp(w[head], u[0]) == 0);
}

/* Is the head of f's subject a word of f's own clause, near it ("revenue
 * of $4.1 billion", "$32 billion of farm goods")? An extractor's subject
 * taken from elsewhere in the sentence ("Supreme Court appears ready" for
 * "on behalf of up to 1.6 million women") says less about the quantity. */
static bool
subject_near(const char *text, const struct figure *f)
{
    char w[12][32];
    size_t head, n = subject_words(f->subject, w, 12, &head);
    if (n == 0 || !text || f->sentence.end <= f->sentence.start)
        return true; /* no Latin word (Chinese, Japanese), or no text: as it is */
    return head < n && cmp_figure_near_word(text, f, w[head]);
}

/* The bytes around a figure that count as its context: up to 40 before and
 * 50 after, within its sentence (empty when it has no sentence). */
static void
context_window(const struct figure *f, uint32_t *lo, uint32_t *hi)
{
    if (f->sentence.end <= f->sentence.start) {
        *lo = *hi = f->span.start;
        return;
    }
    *lo = f->span.start > f->sentence.start + 40 ? f->span.start - 40 : f->sentence.start;
    *hi = f->span.end + 50 < f->sentence.end ? f->span.end + 50 : f->sentence.end;
}

/* Content words (4+ letters, lower-cased, a plural 's' dropped) within a
 * few words of the figure in its sentence, the figure's own text left out,
 * into c. */
static void
context_words(const char *text, const struct figure *f, struct cmp_counts *c)
{
    if (!text || f->sentence.end <= f->sentence.start)
        return;
    uint32_t lo, hi;
    context_window(f, &lo, &hi);
    char w[32];
    size_t n = 0;
    for (uint32_t i = lo; i <= hi; i++) {
        /* the figure's own words ("billion") are no context */
        char ch = i < hi && (i < f->span.start || i >= f->span.end) ? text[i] : ' ';
        bool letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
        if (letter && n + 1 < sizeof w) {
            w[n++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
            continue;
        }
        if (n >= 4 && !text_is_stopword(w, n)) {
            if (w[n - 1] == 's')
                n--;
            w[n] = '\0';
            cmp_counts_add(c, w, NULL, 1);
        }
        n = 0;
    }
}

/* How many content words near them do the figures' sentences share? (a
 * CJK pair shared counts as one; SIZE_MAX when there are no texts) */
static size_t
context_shared(const struct cmp_result *r, const struct figure *a, const struct figure *b)
{
    if (!r->text_a || !r->text_b)
        return SIZE_MAX;
    struct cmp_counts *ca = cmp_counts_new(), *cb = cmp_counts_new();
    context_words(r->text_a, a, ca);
    context_words(r->text_b, b, cb);
    size_t shared = 0;
    for (size_t i = 0; i < ca->len; i++)
        shared += cmp_counts_lookup(cb, ca->e[i].term) >= 0;
    if (!shared && (ca->len == 0 || cb->len == 0)) {
        /* no Latin words near one of them: the CJK text around each */
        uint32_t la, ha, lb, hb;
        context_window(a, &la, &ha);
        context_window(b, &lb, &hb);
        shared = cjk_pairs_shared(r->text_a + la, ha - la, r->text_b + lb, hb - lb);
    }
    cmp_counts_free(&ca);
    cmp_counts_free(&cb);
    return shared;
}

/* The years (1900-2099) a figure's sentence names, as a bit set over
 * 200 years in 4 words; false when there is no text or no year. */
static bool
sentence_years(const char *text, const struct figure *f, uint64_t set[4])
{
    memset(set, 0, 4 * sizeof *set);
    if (!text)
        return false;
    bool any = false;
    for (uint32_t i = f->sentence.start; i + 4 <= f->sentence.end; i++) {
        const char *p = text + i;
        bool digits = p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' &&
                      p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9';
        bool alone = (i == f->sentence.start || !(p[-1] >= '0' && p[-1] <= '9') ) &&
                     (i + 4 == f->sentence.end || !(p[4] >= '0' && p[4] <= '9')) &&
                     (i == f->sentence.start || (p[-1] != '$' && p[-1] != ',' && p[-1] != '.'));
        int y = digits ? (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + p[3] - '0'
                       : 0;
        if (digits && alone && y >= 1900 && y < 2100 && (i + 4 == f->sentence.end || p[4] != ',')) {
            set[(y - 1900) / 64] |= 1ull << ((y - 1900) % 64);
            any = true;
        }
    }
    return any;
}

/* Do the sentences of fa and fb speak of different years (each names some,
 * none in common)? */
static bool
different_years(const struct cmp_result *r, const struct figure *fa, const struct figure *fb)
{
    uint64_t ya[4], yb[4];
    if (!sentence_years(r->text_a, fa, ya) || !sentence_years(r->text_b, fb, yb))
        return false;
    for (int k = 0; k < 4; k++)
        if (ya[k] & yb[k])
            return false;
    return true;
}

/* Index of the sentence holding byte pos, or -1. */
static int32_t
sentence_at(const struct span *s, size_t n, uint32_t pos)
{
    size_t lo = span_first_after(s, n, pos);
    return lo < n && s[lo].start <= pos ? (int32_t)lo : -1;
}

/* Figures of x in f's sentence with f's unit and kind, but for those the
 * other side agrees with (agreed, by index): "with 219 votes, above the 181
 * votes needed" holds one such figure left when both sides give the 181. */
static size_t
same_measure_left(const struct extraction *x, const struct figure *f, const bool *agreed)
{
    size_t n = 0;
    for (size_t i = 0; i < x->nfigures; i++) {
        const struct figure *g = &x->figures[i];
        n += !agreed[i] && g->kind == f->kind && cmp_str_eq(g->unit, f->unit) &&
             g->sentence.start == f->sentence.start;
    }
    return n;
}

/* The score of the pair row holding A's sentence sa (side_a) or B's
 * sentence sb, or 0. */
static double
pair_score(const struct cmp_result *r, int32_t s, bool side_a)
{
    for (size_t k = 0; k < r->nrows; k++) {
        const struct cmp_row *w = &r->rows[k];
        if (w->a >= 0 && w->b >= 0 && (side_a ? w->a : w->b) == s)
            return w->score;
    }
    return 0;
}

/* How firmly are A's sentence sa and B's sb counterparts: 2 for a pair
 * scoring at least the strong threshold or a split part of one, 1 for a
 * weaker pair (or part), 0 for none. A weak pair (two sentences sharing a
 * name and a word or two) may be two statements about the same people, so
 * its figures need more context in common to be one quantity. */
static int
sentences_aligned(const struct cmp_result *r, int32_t sa, int32_t sb)
{
    if (sa < 0 || sb < 0)
        return 0;
    for (size_t k = 0; k < r->nrows; k++) {
        const struct cmp_row *w = &r->rows[k];
        double score = -1;
        if (w->a == sa && w->b == sb)
            score = w->score;
        else if (w->mark != CMP_PART)
            continue; /* a weak match names its nearest sentence, no counterpart */
        else if (w->a == sa && w->with == sb)
            score = pair_score(r, sb, false);
        else if (w->b == sb && w->with == sa)
            score = pair_score(r, sa, true);
        if (score >= 0)
            return score >= CMP_ALIGN_THRESHOLD ? 2 : 1;
    }
    return 0;
}

/* Does a capitalised word of the sentence of f in text (three letters or
 * more, not the sentence's first) stand in the sentence of g in other, as
 * written: a name both sentences give ("Dorva", "Walmart")? */
static bool
name_shared(const char *text, const struct figure *f, const char *other, const struct figure *g)
{
    for (uint32_t i = f->sentence.start + 1; i < f->sentence.end; i++) {
        char p = text[i - 1];
        if (text[i] < 'A' || text[i] > 'Z' || (p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z'))
            continue;
        uint32_t e = i;
        while (e < f->sentence.end && ((text[e] >= 'a' && text[e] <= 'z') ||
                                       (text[e] >= 'A' && text[e] <= 'Z')))
            e++;
        bool initial = true;
        for (uint32_t k = f->sentence.start; k < i && initial; k++)
            initial = !((text[k] >= 'a' && text[k] <= 'z') || (text[k] >= 'A' && text[k] <= 'Z'));
        if (e - i >= 3 && !initial) {
            for (uint32_t k = g->sentence.start; k + (e - i) <= g->sentence.end; k++) {
                char b = k > g->sentence.start ? other[k - 1] : ' ';
                char a = k + (e - i) < g->sentence.end ? other[k + (e - i)] : ' ';
                bool whole = !((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) &&
                             !((a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z'));
                if (whole && memcmp(other + k, text + i, e - i) == 0)
                    return true;
            }
        }
        i = e;
    }
    return false;
}

/* Do the words around fa (in A) and fb (in B) say they measure different
 * things: a change and a level ("fell $4", "closed at $11"), per different
 * things ("a day", "a week"), or roles of one group ("killed", "injured")?
 * (figure_roles.c) */
static bool
told_apart(const struct cmp_result *r, const struct figure *fa, const struct figure *fb)
{
    if (cmp_figure_is_change(r->text_a, fa) != cmp_figure_is_change(r->text_b, fb))
        return true;
    char pa[24], pb[24];
    if (cmp_figure_per(r->text_a, fa, pa, sizeof pa) &&
        cmp_figure_per(r->text_b, fb, pb, sizeof pb) && strcmp(pa, pb) != 0)
        return true;
    return cmp_figure_roles_differ(r->text_a, fa, r->text_b, fb);
}

/* Do fa of A and fb of B describe the same quantity? agreed_a and agreed_b
 * mark the figures each side shares with the other. */
static bool
same_quantity(const struct cmp_result *r, const struct extraction *xa,
              const struct extraction *xb, const struct figure *fa, const struct figure *fb,
              const bool *agreed_a, const bool *agreed_b)
{
    if (!cmp_str_eq(fa->unit, fb->unit) || fa->kind != fb->kind || fa->value == 0 || fb->value == 0 ||
        (fa->value < 0) != (fb->value < 0))
        return false;
    double x = fabs(fa->value), y = fabs(fb->value);
    if (DS_MAX(x, y) > FIG_MAX_FACTOR * DS_MIN(x, y))
        return false;
    if (r && different_years(r, fa, fb))
        return false;
    if (fa->period && fb->period && strcmp(fa->period, fb->period) != 0)
        return false;
    if (r && told_apart(r, fa, fb))
        return false;
    bool informative = subject_informative(fa) && subject_informative(fb) &&
                       (!r || (subject_near(r->text_a, fa) && subject_near(r->text_b, fb)));
    if (informative && heads_agree(fa->subject, fb->subject))
        return !r || context_shared(r, fa, fb) > 0;
    if (!r)
        return false;
    /* Subjects that disagree are different quantities ("taxes", "income"),
     * unless the head of one is named in the other figure's sentence: an
     * extractor's subject is often another word of the same telling ("a
     * wildfire ... burned 12,000 hectares of forest": "forest"; "the
     * wildfire, which burned 18,000 hectares": "wildfire"). */
    if (informative && !head_in_sentence(fa->subject, r->text_b, fb) &&
        !head_in_sentence(fb->subject, r->text_a, fa))
        return false;
    /* Subjects that say nothing, or a head found on the other side: the
     * only such figure left in each sentence, in aligned sentences with
     * context in common, or with a word of its own clause in common. */
    if (same_measure_left(xa, fa, agreed_a) != 1 || same_measure_left(xb, fb, agreed_b) != 1)
        return false;
    int32_t sa = sentence_at(r->sent_a, r->nsent_a, fa->span.start);
    int32_t sb = sentence_at(r->sent_b, r->nsent_b, fb->span.start);
    int firm = sentences_aligned(r, sa, sb);
    if (firm > 0 && context_shared(r, fa, fb) >= (firm == 2 ? 1u : 2u))
        return true;
    size_t near = cmp_figure_near_shared(r->text_a, fa, r->text_b, fb);
    return near >= FIG_NEAR_SHARED ||
           (near > 0 && (name_shared(r->text_a, fa, r->text_b, fb) ||
                         name_shared(r->text_b, fb, r->text_a, fa)));
}

size_t
cmp_pair_figures(const struct cmp_result *r, const struct extraction *xa,
                 const struct extraction *xb, struct cmp_figure_row *out, size_t *nconflicts)
{
    size_t nfa = xa->nfigures, nfb = xb->nfigures, n = 0;
    bool *ua = xcalloc(nfa + 1, sizeof *ua), *ub = xcalloc(nfb + 1, sizeof *ub);
    *nconflicts = 0;
    for (size_t i = 0; i < nfa; i++)
        for (size_t j = 0; j < nfb && !ua[i]; j++)
            if (!ub[j] && figures_agree(&xa->figures[i], &xb->figures[j])) {
                ua[i] = ub[j] = true;
                out[n++] = (struct cmp_figure_row){CMP_SIDE_BOTH, &xa->figures[i],
                                                   &xb->figures[j]};
            }
    bool *agreed_a = xmalloc((nfa + 1) * sizeof *agreed_a);
    bool *agreed_b = xmalloc((nfb + 1) * sizeof *agreed_b);
    memcpy(agreed_a, ua, (nfa + 1) * sizeof *ua);
    memcpy(agreed_b, ub, (nfb + 1) * sizeof *ub);
    for (size_t i = 0; i < nfa; i++)
        for (size_t j = 0; j < nfb && !ua[i]; j++)
            if (!ub[j] && same_quantity(r, xa, xb, &xa->figures[i], &xb->figures[j], agreed_a,
                                        agreed_b)) {
                ua[i] = ub[j] = true;
                out[n++] = (struct cmp_figure_row){CMP_SIDE_CONFLICT, &xa->figures[i],
                                                   &xb->figures[j]};
                (*nconflicts)++;
            }
    for (size_t i = 0; i < nfa; i++)
        if (!ua[i])
            out[n++] = (struct cmp_figure_row){CMP_SIDE_A, &xa->figures[i], NULL};
    for (size_t j = 0; j < nfb; j++)
        if (!ub[j])
            out[n++] = (struct cmp_figure_row){CMP_SIDE_B, NULL, &xb->figures[j]};
    free(agreed_a);
    free(agreed_b);
    free(ua);
    free(ub);
    return n;
}

/*
 * extract/terms.c — the 'terms' of topic rules: words and phrases matched
 * after light English suffix folding ("tariff", "tariffs", "tariffed" are
 * one stem), and Chinese terms matched inside runs of Han characters.
 *
 * A term is a pattern with no regex (tp_pattern.term). Latin terms are
 * filed in a hash under the stem of their first word; a text is cut into
 * tokens once, each token is stemmed once, and only the terms filed under
 * that stem are compared. CJK terms are kept folded to Simplified
 * (util/hanfold.c), filed under their first character and compared, folded
 * character by character, at every character of a CJK run: a term written
 * once matches both scripts (关税 and 關稅). Cost per document: one stem
 * and one hash probe per word, one fold and one probe per CJK character,
 * whatever the number of terms.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "dossier/zh.h"
#include "lib.h"

#define TP_NONE UINT32_MAX

static bool
tp_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Porter's measure of p[0..m): how many vowel-consonant sequences. */
static int
tp_measure(const char *p, size_t m)
{
    int n = 0;
    for (size_t i = 1; i < m; i++)
        n += tp_vowel(p[i - 1]) && !tp_vowel(p[i]);
    return n;
}

/* Does p[0..m) end consonant-vowel-consonant, the last not w, x or y
 * ("hop", "trad", "win")? Such short stems keep a final e. */
static bool
tp_cvc(const char *p, size_t m)
{
    return m >= 3 && !tp_vowel(p[m - 3]) && tp_vowel(p[m - 2]) && !tp_vowel(p[m - 1]) &&
           !strchr("wxy", p[m - 1]) && ex_is_lower((unsigned char)p[m - 1]);
}

/* Fold a word to its stem in out (at most TP_STEM_MAX - 2 bytes, NUL
 * added); lower-case ASCII first when fold. Returns the stem's length, or
 * 0 when the word is too long to be a term. Plurals, -ed and -ing go, and
 * a final e goes where Porter's stemmer drops it, so "trade", "traded",
 * "trading" and "trades" agree while "wine" and "win" stay apart. The
 * rules only look at lower-case suffixes: an all-capitals word ("NHS") is
 * kept whole. */
size_t
tp_stem(const char *w, size_t n, char *out, bool fold)
{
    if (n == 0 || n >= TP_STEM_MAX - 1)
        return 0; /* the last byte is left free (tp_terms_scan keeps the length there) */
    for (size_t i = 0; i < n; i++)
        out[i] = fold ? (char)ex_lower((unsigned char)w[i]) : w[i];
    char *p = out;
    size_t m = n;
#define TP_ENDS(s) (m >= sizeof(s) - 1 && memcmp(p + m - (sizeof(s) - 1), s, sizeof(s) - 1) == 0)
    if (m > 4 && TP_ENDS("ies")) {
        m -= 3;
        p[m++] = 'y'; /* companies -> company */
    } else if (m > 3 && TP_ENDS("sses")) {
        m -= 2;
    } else if (m > 3 && p[m - 1] == 's' && p[m - 2] != 's' && p[m - 2] != 'u' &&
               p[m - 2] != 'i') {
        m--; /* tariffs -> tariff; not business, virus, crisis */
    }
    size_t cut = 0, m0 = m;
    if (m > 4 && TP_ENDS("ed") && p[m - 3] != 'e')
        cut = 2;
    else if (m > 5 && TP_ENDS("ing"))
        cut = 3;
    for (size_t i = 0; cut && i < m - cut; i++)
        if (tp_vowel(p[i])) {
            m -= cut; /* only when a vowel is left: not "bring" */
            break;
        }
    bool stripped = m < m0;
    if (stripped) {
        if (TP_ENDS("at") || TP_ENDS("bl") || TP_ENDS("iz")) {
            p[m++] = 'e'; /* rated -> rate */
        } else if (m > 3 && p[m - 1] == p[m - 2] && !tp_vowel(p[m - 1]) &&
                   ex_is_lower((unsigned char)p[m - 1]) && !strchr("lsfz", p[m - 1])) {
            m--; /* shipped -> ship; not tariffed, passed, called */
        } else if (tp_measure(p, m) == 1 && tp_cvc(p, m)) {
            p[m++] = 'e'; /* traded -> trade, hoping -> hope */
        }
    }
    if (m > 1 && p[m - 1] == 'e') {
        int mm = tp_measure(p, m - 1);
        if (mm > 1 || (mm == 1 && !tp_cvc(p, m - 1)))
            m--; /* produce, produced -> produc; taxes -> tax; not trade, wine */
    }
#undef TP_ENDS
    out[m] = '\0';
    return m;
}

static uint32_t
tp_fnv(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

void
tp_term_free(struct tp_term *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->ntok; i++) {
        free(t->low[i]);
        free(t->exact[i]);
    }
    free(t);
}

/* The length in bytes of the first character of s. */
static size_t
tp_first_char(const char *s)
{
    uint32_t cp;
    return (size_t)utf8_decode(s, strlen(s), &cp);
}

static bool
tp_is_cjk_at(const char *s, size_t n)
{
    uint32_t cp;
    utf8_decode(s, n, &cp);
    return cp >= 0x80 && utf8_is_cjk(cp);
}

/* Does a token separator keep two words in one phrase? */
static bool
tp_joins(char sep)
{
    return sep == ' ' || sep == '-' || sep == '\'';
}

/* Parse one term ("trade war", "Oscars", "关税") into a new tp_term, or
 * NULL with a message in *why. */
static struct tp_term *
tp_term_parse(const char *s, const char **why)
{
    size_t n = strlen(s);
    struct tp_term *t = xcalloc(1, sizeof *t);
    t->next = TP_NONE;
    if (tp_is_cjk_at(s, n)) {
        for (size_t i = 0; i < n;) {
            uint32_t cp;
            int l = utf8_decode(s + i, n - i, &cp);
            if (cp < 0x80 || !utf8_is_cjk(cp)) {
                *why = "a Chinese term has only Chinese characters";
                tp_term_free(t);
                return NULL;
            }
            i += (size_t)l;
        }
        t->cjk = true;
        t->ntok = 1;
        t->low[0] = zh_fold_copy(s, n); /* matched folded: both scripts */
        t->first = (uint8_t)tp_first_char(t->low[0]);
        n = strlen(t->low[0]);
        t->len[0] = (uint8_t)(n < 255 ? n : 255);
        if (n >= 255) {
            *why = "term too long";
            tp_term_free(t);
            return NULL;
        }
        return t;
    }
    struct toks tk = {NULL, 0, 0};
    ex_tokenize(s, n, &tk);
    *why = NULL;
    if (tk.n == 0)
        *why = "empty term";
    else if (tk.n > TP_TERM_WORDS)
        *why = "a term has at most 8 words";
    for (size_t i = 0; !*why && i < tk.n; i++) {
        const struct tok *k = &tk.v[i];
        char low[TP_STEM_MAX], ex[TP_STEM_MAX];
        size_t wl = k->end - k->start;
        if (k->flags & TK_CJK)
            *why = "a term mixes Chinese and other words";
        else if (i && !tp_joins(k->sep))
            *why = "a term's words are separated by spaces, hyphens or apostrophes only";
        else if (!tp_stem(s + k->start, wl, low, true))
            *why = "a word of the term is too long";
        if (*why)
            break;
        t->low[i] = xstrdup(low);
        t->len[i] = (uint8_t)strlen(low);
        bool upper = false;
        for (size_t j = k->start; j < k->end; j++)
            upper |= ex_is_upper((unsigned char)s[j]);
        if (upper) {
            tp_stem(s + k->start, wl, ex, false);
            t->exact[i] = xstrdup(ex);
        }
        t->ntok = (uint8_t)(i + 1);
    }
    free(tk.v);
    if (*why) {
        tp_term_free(t);
        return NULL;
    }
    return t;
}

int
tp_add_terms(struct tp_rules *r, uint32_t topic, double weight, const char *list,
             const char *path, int lineno, struct ds_error *err)
{
    char *copy = xstrdup(list);
    char *save = NULL;
    int rc = 0, added = 0;
    for (char *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
        char *term = ds_str_trim(item);
        if (!*term)
            continue;
        const char *why = NULL;
        struct tp_term *t = tp_term_parse(term, &why);
        if (!t) {
            ds_error_set(err, -1, "%s:%d: bad term '%s': %s", path, lineno, term, why);
            rc = -1;
            break;
        }
        r->pats = xrealloc(r->pats, (r->npats + 1) * sizeof *r->pats);
        struct tp_pattern *p = &r->pats[r->npats++];
        memset(p, 0, sizeof *p);
        p->term = t;
        p->topic = topic;
        p->role = TP_WEIGHT;
        p->weight = weight;
        p->src = xstrdup(term);
        added++;
    }
    if (rc == 0 && !added) {
        ds_error_set(err, -1, "%s:%d: 'terms' has a weight but no terms", path, lineno);
        rc = -1;
    }
    free(copy);
    return rc;
}

/* The hash slot of key[0..n) in a table of mask + 1 slots (open addressing:
 * the slot holding the key, or the empty slot where it would go). Most
 * tokens are no term's first stem, and each slot probed on the way to the
 * empty one would cost three dependent reads (pattern, term, stem) for
 * the key's compare: its hash, in hashes beside the table, is compared
 * first. */
static size_t
tp_slot(const struct tp_rules *r, const uint32_t *table, const uint32_t *hashes, size_t mask,
        const char *key, size_t n, bool cjk)
{
    uint32_t h = tp_fnv(key, n);
    size_t i = h & mask;
    for (;;) {
        uint32_t pi = table[i];
        if (pi == TP_NONE)
            return i;
        if (hashes[i] == h) {
            const struct tp_term *t = r->pats[pi].term;
            if (cjk ? (t->first == n && memcmp(t->low[0], key, n) == 0)
                    : (t->len[0] == n && memcmp(t->low[0], key, n) == 0))
                return i;
        }
        i = (i + 1) & mask;
    }
}

/* Are a and b the same term? */
static bool
tp_term_same(const struct tp_term *a, const struct tp_term *b)
{
    if (a->cjk != b->cjk || a->ntok != b->ntok)
        return false;
    for (size_t j = 0; j < a->ntok; j++) {
        if (strcmp(a->low[j], b->low[j]) != 0)
            return false;
        if (!a->exact[j] != !b->exact[j] || (a->exact[j] && strcmp(a->exact[j], b->exact[j])))
            return false;
    }
    return true;
}

/* Is one of the topics a and b the other or above it? */
static bool
tp_line(const struct tp_rules *r, uint32_t a, uint32_t b)
{
    for (int32_t x = (int32_t)a; x >= 0; x = r->topics[x].parent)
        if ((uint32_t)x == b)
            return true;
    for (int32_t x = (int32_t)b; x >= 0; x = r->topics[x].parent)
        if ((uint32_t)x == a)
            return true;
    return false;
}

void
tp_terms_finish(struct tp_rules *r)
{
    free(r->words);
    free(r->chars);
    free(r->words_hash);
    free(r->chars_hash);
    size_t nterms = 0;
    for (size_t i = 0; i < r->npats; i++)
        nterms += r->pats[i].term != NULL;
    size_t cap = 16;
    while (cap < 2 * nterms)
        cap *= 2;
    r->words = xmalloc(cap * sizeof *r->words);
    r->chars = xmalloc(cap * sizeof *r->chars);
    memset(r->words, 0xff, cap * sizeof *r->words);
    memset(r->chars, 0xff, cap * sizeof *r->chars);
    r->words_hash = xcalloc(cap, sizeof *r->words_hash);
    r->chars_hash = xcalloc(cap, sizeof *r->chars_hash);
    r->term_mask = cap - 1;
    if (!r->fold)
        r->fold = zh_fold_table();
    free(r->cjk_first);
    r->cjk_first = xcalloc(ZH_FOLD_N / 8, 1);
    /* file each term under its first stem (or character); later terms go
     * to the end of the chain, so matches come in file order (needs the
     * topics' parents: after tp_tree_finish) */
    for (size_t i = 0; i < r->npats; i++) {
        struct tp_term *t = r->pats[i].term;
        if (!t)
            continue;
        t->next = TP_NONE;
        uint32_t cp;
        if (t->cjk && utf8_decode(t->low[0], t->first, &cp) > 0 && cp - ZH_FOLD_LO < ZH_FOLD_N)
            r->cjk_first[(cp - ZH_FOLD_LO) >> 3] |= (uint8_t)(1u << ((cp - ZH_FOLD_LO) & 7));
        uint32_t *table = t->cjk ? r->chars : r->words;
        uint32_t *hashes = t->cjk ? r->chars_hash : r->words_hash;
        size_t kn = t->cjk ? t->first : t->len[0];
        size_t s = tp_slot(r, table, hashes, r->term_mask, t->low[0], kn, t->cjk);
        if (table[s] == TP_NONE) {
            table[s] = (uint32_t)i;
            hashes[s] = tp_fnv(t->low[0], kn);
            continue;
        }
        /* the same term twice on one line of descent counts once, for the
         * lower topic (the upper one gets it through its subtree) */
        uint32_t *link = &table[s];
        bool drop = false;
        while (*link != TP_NONE) {
            struct tp_pattern *o = &r->pats[*link];
            if (tp_term_same(o->term, t) && tp_line(r, o->topic, r->pats[i].topic)) {
                if (r->topics[o->topic].depth >= r->topics[r->pats[i].topic].depth) {
                    drop = true;
                    break;
                }
                *link = o->term->next; /* unlink the upper copy */
                o->term->next = TP_NONE;
                continue;
            }
            link = &o->term->next;
        }
        if (!drop)
            *link = (uint32_t)i;
    }
}

/* Record a match of pattern pi over [a, b). */
static void
tp_term_hit(uint32_t pi, size_t a, size_t b, uint32_t *counts,
            struct tp_hits *hits)
{
    counts[pi]++;
    if (hits)
        tp_hit_add(hits, pi, a, b);
}

/* cp folded to Simplified: one read of the direct table in the CJK
 * blocks, a search of util's pairs beyond them. */
static uint32_t
tp_fold(const uint32_t *fold, uint32_t cp)
{
    if (cp - ZH_FOLD_LO < ZH_FOLD_N)
        return fold[cp - ZH_FOLD_LO] ? fold[cp - ZH_FOLD_LO] : cp;
    return cp < ZH_FOLD_LO ? cp : zh_fold(cp);
}

/* The end of CJK term t (folded) in s[p..end), each character of the text
 * folded as it is compared, or 0 when it does not match there. */
static size_t
tp_cjk_match(const uint32_t *fold, const struct tp_term *t, const char *s, size_t p,
             size_t end)
{
    const char *w = t->low[0];
    size_t i = 0, n = t->len[0];
    while (i < n) {
        uint32_t a, b;
        if (p >= end)
            return 0;
        int la = utf8_decode(s + p, end - p, &a), lb = utf8_decode(w + i, n - i, &b);
        if (la <= 0 || lb <= 0 || tp_fold(fold, a) != b)
            return 0;
        p += (size_t)la;
        i += (size_t)lb;
    }
    return p;
}

/* Does term t match the tokens from k on? stems[] holds each token's folded
 * stem ('\0'-terminated, "" for CJK and overlong tokens). */
static bool
tp_term_at(const struct tp_term *t, const char *s, const struct toks *toks, size_t k,
           char (*stems)[TP_STEM_MAX])
{
    if (k + t->ntok > toks->n)
        return false;
    for (size_t j = 0; j < t->ntok; j++) {
        const struct tok *tk = &toks->v[k + j];
        if (j && !tp_joins(tk->sep))
            return false;
        if (j && strcmp(stems[k + j], t->low[j]) != 0)
            return false;
        if (t->exact[j]) {
            char ex[TP_STEM_MAX];
            if (!tp_stem(s + tk->start, tk->end - tk->start, ex, false) ||
                strcmp(ex, t->exact[j]) != 0)
                return false;
        }
    }
    return true;
}

void
tp_terms_scan(struct tp_rules *r, const char *s, size_t n, const struct toks *toks,
              uint32_t *counts, struct tp_hits *hits)
{
    if (!r->words || !toks->n)
        return;
    if (toks->n > r->nstems) {
        free(r->stems);
        r->nstems = toks->n + 256;
        r->stems = xmalloc(r->nstems * sizeof *r->stems);
    }
    char(*stems)[TP_STEM_MAX] = r->stems;
    for (size_t k = 0; k < toks->n; k++) {
        const struct tok *tk = &toks->v[k];
        size_t sl = 0;
        if (!(tk->flags & TK_CJK))
            sl = tp_stem(s + tk->start, tk->end - tk->start, stems[k], true);
        stems[k][0] = sl ? stems[k][0] : '\0';
        stems[k][TP_STEM_MAX - 1] = (char)sl; /* its length, past the NUL */
    }
    for (size_t k = 0; k < toks->n; k++) {
        const struct tok *tk = &toks->v[k];
        if (tk->flags & TK_CJK) {
            for (size_t p = tk->start; p < tk->end;) {
                uint32_t cp = 0xFFFD;
                int l = utf8_decode(s + p, tk->end - p, &cp);
                size_t cl = l > 0 ? (size_t)l : 1;
                uint32_t f = tp_fold(r->fold, cp);
                if (f - ZH_FOLD_LO < ZH_FOLD_N &&
                    !(r->cjk_first[(f - ZH_FOLD_LO) >> 3] & (1u << ((f - ZH_FOLD_LO) & 7)))) {
                    p += cl; /* no term starts with this character */
                    continue;
                }
                char key[4];
                size_t kl = (size_t)utf8_encode(f, key);
                uint32_t pi =
                    r->chars[tp_slot(r, r->chars, r->chars_hash, r->term_mask, key, kl, true)];
                for (; pi != TP_NONE; pi = r->pats[pi].term->next) {
                    size_t e = tp_cjk_match(r->fold, r->pats[pi].term, s, p, tk->end);
                    if (e)
                        tp_term_hit(pi, p, e, counts, hits);
                }
                p += cl;
            }
            continue;
        }
        size_t sl = (unsigned char)stems[k][TP_STEM_MAX - 1];
        if (!sl)
            continue;
        uint32_t pi = r->words[tp_slot(r, r->words, r->words_hash, r->term_mask, stems[k],
                                        sl, false)];
        for (; pi != TP_NONE; pi = r->pats[pi].term->next) {
            const struct tp_term *t = r->pats[pi].term;
            if (tp_term_at(t, s, toks, k, stems))
                tp_term_hit(pi, tk->start, toks->v[k + t->ntok - 1].end, counts, hits);
        }
    }
    (void)n;
}

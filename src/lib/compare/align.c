/*
 * compare/align.c — aligning two articles sentence by sentence and the word
 * diffs inside aligned pairs (compare_texts). Pure algorithms: no store, no
 * terminal. See compare.h for the contracts.
 *
 * Chinese and Japanese are compared word by word when the caller's tokenizer
 * cuts them into words (store_text_tokenizer_compare): a CJK word equals
 * another when their folded forms do (關稅 = 关税), so a Traditional and a
 * Simplified version of a sentence are the same; words of one character
 * (的, 了) take part in the diff but not in the alignment's sets or the
 * keyness, as English stop words do not.
 *
 * Cost: tokenizing dominates. Alignment walks an inverted index of B's
 * sentence terms, so it costs the number of (A sentence, B sentence) pairs
 * that share a term, not |A| x |B| string comparisons.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/compare.h"
#include "dossier/sentences.h"
#include "dossier/text.h"
#include "dossier/utf8.h"
#include "dossier/zh.h"
#include "lib.h"

/* ---- tokens of one text -------------------------------------------------------------- */

struct tok {
    uint32_t start, end;
    int32_t term; /* id in the shared intern table */
    bool content; /* not a stop word */
    bool cjk;     /* a Chinese, Japanese or Korean word: compared as folded */
    int32_t alt;  /* another term the word stands for (side_alt_terms), or -1 */
};

struct side {
    const char *text;
    size_t len;
    struct tok *toks;
    size_t ntoks, cap;
    struct span *sents;
    size_t nsents;
    size_t *sent_tok;   /* first token of each sentence; sent_tok[nsents] = ntoks */
    int32_t *set;       /* sorted unique content terms of each sentence, concatenated */
    size_t *set_off;    /* set_off[s] .. set_off[s+1] */
    int32_t *seq;       /* each sentence's content terms in order, concatenated */
    size_t *seq_off;    /* seq_off[s] .. seq_off[s+1] */
    int32_t *quote;     /* each sentence's quoted words' terms (see cmp_sentset) */
    size_t *quote_off;  /* quote_off[s] .. quote_off[s+1] */
    struct cmp_counts *counts;
};

struct tok_ctx {
    struct side *sd;
    struct cmp_counts *intern;
};

/* Is token (as tokenized) CJK, and is it a content word: two characters
 * or more and no function word (的, 我们)? */
static bool
cjk_token(const char *token, size_t tl, bool *content)
{
    uint32_t cp;
    if (!tl || (unsigned char)token[0] < 0xE3 || utf8_decode(token, tl, &cp) < 3 ||
        !utf8_is_cjk(cp))
        return false;
    size_t chars = 0;
    for (size_t i = 0; i < tl && chars < 2; chars++)
        i += (size_t)utf8_decode(token + i, tl - i, &cp);
    *content = chars >= 2 && !zh_is_stopword(token, tl);
    return true;
}

static void
side_token_cb(const char *token, size_t start, size_t end, void *ud)
{
    struct tok_ctx *x = ud;
    struct side *sd = x->sd;
    if (end <= start || end > sd->len)
        return;
    if (sd->ntoks == sd->cap) {
        sd->cap = sd->cap ? sd->cap * 2 : 256;
        sd->toks = xrealloc(sd->toks, sd->cap * sizeof *sd->toks);
    }
    size_t tl = strlen(token);
    struct tok *t = &sd->toks[sd->ntoks++];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->term = (int32_t)cmp_counts_find(x->intern, token, tl, true);
    t->content = !text_is_stopword(sd->text + start, end - start);
    t->cjk = cjk_token(token, tl, &t->content);
    t->alt = -1;
    if (t->content && !cmp_is_number(token, tl) && !cmp_is_letter_fragment(token, tl)) {
        long i = cmp_counts_find(sd->counts, token, tl, true);
        if (!sd->counts->e[i].word)
            sd->counts->e[i].word = cmp_surface_dup(sd->text, start, end);
        sd->counts->e[i].n++;
        sd->counts->total++;
    }
}

static int
tok_start_cmp(const void *p, const void *q)
{
    const struct tok *x = p, *y = q;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

static bool
is_capital(const struct side *sd, size_t k)
{
    unsigned char c = (unsigned char)sd->text[sd->toks[k].start];
    return c >= 'A' && c <= 'Z';
}

/* Does the sentence whose first token is k start with "he" or "she"? Then
 * it speaks of a person named in the sentence before, whose capitalised
 * words count as its own for alignment ("Bakely opposed it. He said"). */
static bool
starts_with_pronoun(const struct side *sd, size_t k)
{
    static const char *const pronouns[] = {"He", "She", "His", "Her"};
    const char *w = sd->text + sd->toks[k].start;
    size_t n = sd->toks[k].end - sd->toks[k].start;
    for (size_t i = 0; i < DS_ARRAY_LEN(pronouns); i++)
        if (strlen(pronouns[i]) == n && memcmp(w, pronouns[i], n) == 0)
            return true;
    return false;
}

/* Tokens of sentence s: [sent_tok[s], end) where end is the first token at or
 * after the sentence's end. */
static size_t
sent_tok_end(const struct side *sd, size_t s)
{
    size_t t = sd->sent_tok[s];
    while (t < sd->ntoks && sd->toks[t].start < sd->sents[s].end)
        t++;
    return t;
}

/* Is the byte c a space, or is i at an end of text[0, n)? */
static bool
blank_at(const char *text, size_t n, size_t i)
{
    return i >= n || text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r';
}

/* The quotation mark at text[i] (of text[0, n)), if any: 1 when it opens a
 * quotation, -1 when it closes one, 0 for no mark; *len gets its length.
 * Curly and angle quotes say which they are; a straight one opens after a
 * space or a bracket and before a word, and closes otherwise. */
static int
quote_mark(const char *text, size_t n, size_t i, size_t *len)
{
    unsigned char c = (unsigned char)text[i];
    *len = 1;
    if (c == '"') {
        bool after_space = i == 0 || blank_at(text, n, i - 1) || text[i - 1] == '(' ||
                           text[i - 1] == '[';
        return after_space && !blank_at(text, n, i + 1) ? 1 : -1;
    }
    if (c == 0xE2 && i + 2 < n && (unsigned char)text[i + 1] == 0x80 &&
        ((unsigned char)text[i + 2] == 0x9C || (unsigned char)text[i + 2] == 0x9D)) {
        *len = 3;
        return (unsigned char)text[i + 2] == 0x9C ? 1 : -1; /* “ opens, ” closes */
    }
    if (c == 0xC2 && i + 1 < n &&
        ((unsigned char)text[i + 1] == 0xAB || (unsigned char)text[i + 1] == 0xBB)) {
        *len = 2;
        return (unsigned char)text[i + 1] == 0xAB ? 1 : -1; /* « opens, » closes */
    }
    return 0;
}

/* Whether text[from, to) leaves a quotation open, given open before it. */
static bool
quote_open_after(const char *text, size_t n, size_t from, size_t to, bool open)
{
    for (size_t i = from, len; i < to; i += len) {
        int mark = quote_mark(text, n, i, &len);
        if (mark)
            open = mark > 0;
    }
    return open;
}

/* Does sentence s start inside a quotation that opened before it (its
 * first quotation mark closes one: "big government," he declared)? */
static bool
starts_quoted(const struct side *sd, size_t s)
{
    for (size_t i = sd->sents[s].start, len; i < sd->sents[s].end; i += len) {
        int mark = quote_mark(sd->text, sd->len, i, &len);
        if (mark)
            return mark < 0;
    }
    return false;
}

/* The quoted words of sentence s (tokens [t, end)), every word with its
 * term, into sd->quote from *nq, each quotation closed by CMP_QUOTE_END
 * and the whole led by CMP_QUOTE_LEAD when the sentence opens with one. A
 * quotation still open when the sentence ends is cut there. */
static void
side_quotes(struct side *sd, size_t s, size_t t, size_t end, size_t *nq)
{
    bool open = starts_quoted(sd, s);
    size_t pos = sd->sents[s].start;
    if (t < end && quote_open_after(sd->text, sd->len, pos, sd->toks[t].start, open))
        sd->quote[(*nq)++] = CMP_QUOTE_LEAD;
    for (; t < end; t++) {
        open = quote_open_after(sd->text, sd->len, pos, sd->toks[t].start, open);
        pos = sd->toks[t].end;
        if (open)
            sd->quote[(*nq)++] = sd->toks[t].term;
        else if (*nq > sd->quote_off[s] && sd->quote[*nq - 1] != CMP_QUOTE_END)
            sd->quote[(*nq)++] = CMP_QUOTE_END;
    }
    if (*nq > sd->quote_off[s] && sd->quote[*nq - 1] != CMP_QUOTE_END)
        sd->quote[(*nq)++] = CMP_QUOTE_END;
}

/* The term of tokens p and t joined when a lone hyphen stands between them
 * ("re" "-" "elect" -> "reelect"), looked up in intern; -1 for none. */
static int32_t
hyphen_joined(const struct side *sd, const struct tok *p, const struct tok *t,
              struct cmp_counts *intern)
{
    if (p->cjk || t->cjk || p->term < 0 || t->term < 0 || p->end + 1 != t->start ||
        sd->text[p->end] != '-')
        return -1;
    const char *first = intern->e[p->term].term, *second = intern->e[t->term].term;
    size_t fl = strlen(first), sl = strlen(second);
    char joined[64];
    if (fl + sl >= sizeof joined)
        return -1;
    memcpy(joined, first, fl);
    memcpy(joined + fl, second, sl);
    return (int32_t)cmp_counts_find(intern, joined, fl + sl, false);
}

struct first_token {
    char term[32];
    bool found;
};

static void
first_token_cb(const char *token, size_t start, size_t end, void *ud)
{
    struct first_token *f = ud;
    size_t n = strlen(token);
    (void)start;
    (void)end;
    if (f->found || n >= sizeof f->term)
        return;
    memcpy(f->term, token, n + 1);
    f->found = true;
}

/* The term of word w (a base form or joined letters) as the tokenizer
 * makes it, when either text holds it; -1 otherwise. */
static int32_t
existing_term(const char *w, const struct text_tokenizer *tok, struct cmp_counts *intern)
{
    struct first_token f = {{0}, false};
    if (cmp_run_tokenizer(tok, w, strlen(w), first_token_cb, &f) != 0 || !f.found)
        return -1;
    return (int32_t)cmp_counts_find(intern, f.term, strlen(f.term), false);
}

/* The other form of token k (see side_alt_terms), or -1. */
static int32_t
alt_term(const struct side *sd, size_t k, const struct text_tokenizer *tok,
         struct cmp_counts *intern)
{
    const struct tok *t = &sd->toks[k];
    const char *w = sd->text + t->start;
    size_t n = t->end - t->start;
    const char *fig = cmp_number_word_figure(intern->e[t->term].term);
    if (fig)
        return (int32_t)cmp_counts_find(intern, fig, strlen(fig), false);
    const char *base = cmp_irregular_base(w, n);
    if (base)
        return existing_term(base, tok, intern);
    char letters[16];
    if (n == 1 && cmp_dotted_acronym(sd->text, sd->len, t->start, letters, sizeof letters))
        return existing_term(letters, tok, intern);
    return k > 0 ? hyphen_joined(sd, &sd->toks[k - 1], t, intern) : -1;
}

/* Another term for words that one outlet writes one way and another
 * another, when either text writes the other form (its term is interned;
 * nothing is added that neither text holds): a compound joined by a
 * hyphen gets the word written whole ("re-election" / "reelection",
 * "e-mails" / "emails": the stems joined are the stem of the whole word);
 * a number word gets its figure ("Fifteen of the 19" / "15 of the 19");
 * an irregular verb form its base ("overridden" / "override", "fled" /
 * "flees"); a dotted acronym's first letter the letters joined ("F.B.I."
 * / "FBI"). A compound neither text writes whole ("state-run", "D-Calif.")
 * gets nothing: its parts already match. Needs both texts' tokens, in
 * order. */
static void
side_alt_terms(struct side *sd, const struct text_tokenizer *tok, struct cmp_counts *intern)
{
    for (size_t k = 0; k < sd->ntoks; k++) {
        struct tok *t = &sd->toks[k];
        if (t->term >= 0 && !t->cjk)
            t->alt = alt_term(sd, k, tok, intern);
    }
}

/* The tokens of one text (side_sentences does the rest). */
static int
side_tokens(struct side *sd, const char *text, size_t len, const struct text_tokenizer *tok,
            struct cmp_counts *intern, struct ds_error *err)
{
    memset(sd, 0, sizeof *sd);
    sd->text = text;
    sd->len = len;
    sd->counts = cmp_counts_new();
    if (len > UINT32_MAX) {
        ds_error_set(err, -1, "text too long to compare");
        return -1;
    }
    struct tok_ctx x = {sd, intern};
    if (cmp_run_tokenizer(tok, text, len, side_token_cb, &x) != 0) {
        ds_error_set(err, -1, "could not tokenize the text to compare");
        return -1;
    }
    /* Tokenizers emit in order, but do not rely on it. */
    if (sd->ntoks > 1)
        qsort(sd->toks, sd->ntoks, sizeof *sd->toks, tok_start_cmp);
    return 0;
}

/* Sentences of a tokenized side and their term sets, sequences and
 * quotations. */
static void
side_sentences(struct side *sd)
{
    sd->nsents = sentences_split(sd->text, sd->len, &sd->sents);
    sd->sent_tok = xmalloc((sd->nsents + 1) * sizeof *sd->sent_tok);
    sd->set_off = xmalloc((sd->nsents + 1) * sizeof *sd->set_off);
    sd->set = xmalloc((3 * sd->ntoks + 1) * sizeof *sd->set);
    sd->seq_off = xmalloc((sd->nsents + 1) * sizeof *sd->seq_off);
    sd->seq = xmalloc((sd->ntoks + 1) * sizeof *sd->seq);
    sd->quote_off = xmalloc((sd->nsents + 1) * sizeof *sd->quote_off);
    sd->quote = xmalloc((2 * sd->ntoks + 2 * sd->nsents + 1) * sizeof *sd->quote);
    size_t t = 0, nset = 0, nseq = 0, nq = 0;
    for (size_t s = 0; s < sd->nsents; s++) {
        while (t < sd->ntoks && sd->toks[t].start < sd->sents[s].start)
            t++;
        sd->sent_tok[s] = t;
        sd->set_off[s] = nset;
        sd->seq_off[s] = nseq;
        sd->quote_off[s] = nq;
        size_t first = nset;
        side_quotes(sd, s, t, sent_tok_end(sd, s), &nq);
        if (s > 0 && t < sd->ntoks && starts_with_pronoun(sd, t))
            for (size_t k = sd->sent_tok[s - 1]; k < t; k++)
                if (sd->toks[k].content && is_capital(sd, k))
                    sd->set[nset++] = sd->toks[k].term;
        while (t < sd->ntoks && sd->toks[t].start < sd->sents[s].end) {
            if (sd->toks[t].content)
                sd->set[nset++] = sd->seq[nseq++] = sd->toks[t].term;
            if (sd->toks[t].alt >= 0)
                sd->set[nset++] = sd->toks[t].alt;
            t++;
        }
        qsort(sd->set + first, nset - first, sizeof *sd->set, cmp_int32);
        size_t w = first;
        for (size_t i = first; i < nset; i++)
            if (i == first || sd->set[i] != sd->set[w - 1])
                sd->set[w++] = sd->set[i];
        nset = w;
    }
    sd->sent_tok[sd->nsents] = t;
    sd->set_off[sd->nsents] = nset;
    sd->seq_off[sd->nsents] = nseq;
    sd->quote_off[sd->nsents] = nq;
}

static void
side_free(struct side *sd)
{
    free(sd->toks);
    free(sd->sents);
    free(sd->sent_tok);
    free(sd->set);
    free(sd->set_off);
    free(sd->seq);
    free(sd->seq_off);
    free(sd->quote);
    free(sd->quote_off);
    cmp_counts_free(&sd->counts);
}

/* ---- alignment ---------------------------------------------------------------------- */

/* How much of its weight a word both articles use keeps for being held by
 * share of the collection's documents (CMP_RARE_SHARE): 1 for a rare word,
 * down to CMP_RARE_FLOOR for one in most documents. */
static double
collection_scale(double share, double docs)
{
    double from = DS_MAX(CMP_RARE_SHARE, CMP_RARE_DOCS / docs);
    if (share <= from || from >= 1)
        return 1;
    double g = log(share) / log(from);
    return g < CMP_RARE_FLOOR ? CMP_RARE_FLOOR : g;
}

/* Mark common each term that both sides' sentences hold and that more than
 * CMP_COMMON_SHARE of the collection's documents hold (rarity given), and
 * set its scale (collection_scale) when the collection's size is known. */
static void
mark_common(const struct side *A, const struct side *B, const struct cmp_counts *intern,
            const struct cmp_rarity *rarity, uint8_t *flags, double *scale)
{
    size_t nterms = intern->len;
    uint8_t *seen = xcalloc(nterms + 1, 1);
    const struct side *sides[2] = {A, B};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < sides[k]->set_off[sides[k]->nsents]; i++)
            seen[sides[k]->set[i]] |= (uint8_t)(1u << k);
    for (size_t t = 0; t < nterms; t++) {
        if (seen[t] != 3)
            continue;
        const char *term = intern->e[t].term;
        double share = rarity->share(rarity->ctx, term, term);
        if (share > CMP_COMMON_SHARE)
            flags[t] |= CMP_TERM_COMMON;
        if (share > 0 && rarity->docs > 0)
            scale[t] = collection_scale(share, rarity->docs);
    }
    free(seen);
}

/* Is the word [w, w+n) a month or a day of the week ("March", "Tuesday")? */
static bool
is_date_word(const char *w, size_t n)
{
    static const char *const dates[] = {
        "January", "February", "March",   "April",    "May",     "June",   "July",
        "August",  "September", "October", "November", "December", "Monday", "Tuesday",
        "Wednesday", "Thursday", "Friday",  "Saturday", "Sunday"};
    for (size_t i = 0; i < DS_ARRAY_LEN(dates); i++)
        if (strlen(dates[i]) == n && memcmp(dates[i], w, n) == 0)
            return true;
    return false;
}

/* Flags of each term id: a figure when a token of it holds a digit; a date
 * when it is a month or a weekday; a name when it is capitalised where a
 * sentence does not start, and proper when that is so in most of such
 * places (a word of a title written in title case, "Senate Passes Budget
 * Deal", is no proper name when the text writes it in lower case
 * elsewhere); common when rarity (may be NULL) says so (mark_common). */
static uint8_t *
term_flags(const struct side *A, const struct side *B, const struct cmp_counts *intern,
           const struct cmp_rarity *rarity, double *scale)
{
    size_t nterms = intern->len;
    uint8_t *flags = xcalloc(nterms + 1, 1);
    int32_t *caps = xcalloc(nterms + 1, sizeof *caps); /* capitalised minus lower-case places */
    const struct side *sides[2] = {A, B};
    for (int k = 0; k < 2; k++) {
        const struct side *sd = sides[k];
        for (size_t s = 0; s < sd->nsents; s++)
            for (size_t t = sd->sent_tok[s]; t < sd->ntoks && sd->toks[t].start < sd->sents[s].end;
                 t++) {
                const struct tok *tk = &sd->toks[t];
                unsigned char c = (unsigned char)sd->text[tk->start];
                if (!tk->content || tk->term < 0 || (size_t)tk->term >= nterms)
                    continue;
                if (c >= '0' && c <= '9') {
                    flags[tk->term] |= CMP_TERM_FIGURE;
                    continue;
                }
                if (is_date_word(sd->text + tk->start, tk->end - tk->start))
                    flags[tk->term] |= CMP_TERM_DATE;
                if (t > sd->sent_tok[s] && c >= 'A' && c <= 'Z') {
                    flags[tk->term] |= CMP_TERM_NAME;
                    caps[tk->term]++;
                } else if (t > sd->sent_tok[s] && c >= 'a' && c <= 'z') {
                    caps[tk->term]--;
                }
            }
    }
    for (size_t t = 0; t < nterms; t++)
        if (caps[t] > 0)
            flags[t] |= CMP_TERM_PROPER;
    free(caps);
    if (rarity && rarity->share)
        mark_common(A, B, intern, rarity, flags, scale);
    return flags;
}

static void
side_sentset(const struct side *sd, struct cmp_sentset *out)
{
    out->set = sd->set;
    out->set_off = sd->set_off;
    out->nsents = sd->nsents;
    out->seq = sd->seq;
    out->seq_off = sd->seq_off;
    out->quote = sd->quote;
    out->quote_off = sd->quote_off;
}

/* ---- word diff inside a pair -------------------------------------------------------- */

struct spanvec {
    struct span *v;
    size_t n, cap;
};

static void
spanvec_push(struct spanvec *sv, uint32_t start, uint32_t end)
{
    if (end <= start)
        return;
    /* Merge with the previous span when it precedes this one and touches it
     * (spans of one sentence come in order; sentences of B may not). */
    if (sv->n && sv->v[sv->n - 1].start <= start && sv->v[sv->n - 1].end >= start) {
        if (end > sv->v[sv->n - 1].end)
            sv->v[sv->n - 1].end = end;
        return;
    }
    if (sv->n == sv->cap) {
        sv->cap = sv->cap ? sv->cap * 2 : 32;
        sv->v = xrealloc(sv->v, sv->cap * sizeof *sv->v);
    }
    sv->v[sv->n++] = (struct span){start, end};
}

/* Are two tokens the same word: as written, or for CJK words as folded
 * (their term ids, from one intern table)? */
static bool
tok_eq(const struct side *A, const struct tok *x, const struct side *B, const struct tok *y)
{
    if (x->cjk && y->cjk)
        return x->term == y->term;
    size_t lx = x->end - x->start, ly = y->end - y->start;
    return lx == ly && memcmp(A->text + x->start, B->text + y->start, lx) == 0;
}

/* Mark tokens of x[0..nx) not kept as changed: runs of changed tokens become
 * one span, which never starts inside a kept token (CJK bigrams overlap). */
static void
mark_changed(const struct side *sd, const struct tok *x, size_t nx, const bool *kept,
             struct spanvec *out)
{
    uint32_t prev_kept_end = 0;
    size_t k = 0;
    while (k < nx) {
        if (kept[k]) {
            prev_kept_end = x[k].end;
            k++;
            continue;
        }
        size_t e = k;
        while (e + 1 < nx && !kept[e + 1])
            e++;
        uint32_t start = DS_MAX(x[k].start, prev_kept_end);
        uint32_t end = x[e].end;
        if (e + 1 < nx && x[e + 1].start < end)
            end = x[e + 1].start; /* do not swallow the next kept token */
        spanvec_push(out, start, end);
        k = e + 1;
    }
    (void)sd;
}

#define DIFF_MAX_CELLS (400u * 400u)

/* The tokens of sentences first..last of sd: [*from, return). */
static size_t
sents_toks(const struct side *sd, size_t first, size_t last, size_t *from)
{
    *from = sd->sent_tok[first];
    return sent_tok_end(sd, last);
}

/* Word diff of A's sentences ia0..ia1 against B's ib0..ib1 (one sentence
 * each, or a sentence and its split parts); returns true when their words
 * are identical. */
static bool
word_diff(const struct side *A, size_t ia0, size_t ia1, const struct side *B, size_t ib0,
          size_t ib1, struct spanvec *del, struct spanvec *ins)
{
    size_t fx, fy;
    size_t ex = sents_toks(A, ia0, ia1, &fx), ey = sents_toks(B, ib0, ib1, &fy);
    const struct tok *x = A->toks + fx;
    const struct tok *y = B->toks + fy;
    size_t nx = ex - fx;
    size_t ny = ey - fy;
    bool *kx = xcalloc(nx + 1, sizeof *kx);
    bool *ky = xcalloc(ny + 1, sizeof *ky);
    size_t pre = 0, suf = 0;
    while (pre < nx && pre < ny && tok_eq(A, &x[pre], B, &y[pre])) {
        kx[pre] = ky[pre] = true;
        pre++;
    }
    while (suf < nx - pre && suf < ny - pre &&
           tok_eq(A, &x[nx - 1 - suf], B, &y[ny - 1 - suf])) {
        kx[nx - 1 - suf] = ky[ny - 1 - suf] = true;
        suf++;
    }
    size_t m = nx - pre - suf, n = ny - pre - suf;
    if (m && n && (size_t)m * n <= DIFF_MAX_CELLS) {
        /* LCS table over the middle, filled from the end. */
        uint16_t *L = xcalloc((m + 1) * (n + 1), sizeof *L);
        for (size_t i = m; i-- > 0;)
            for (size_t j = n; j-- > 0;) {
                uint16_t *cell = &L[i * (n + 1) + j];
                if (tok_eq(A, &x[pre + i], B, &y[pre + j]))
                    *cell = (uint16_t)(L[(i + 1) * (n + 1) + j + 1] + 1);
                else
                    *cell = DS_MAX(L[(i + 1) * (n + 1) + j], L[i * (n + 1) + j + 1]);
            }
        size_t i = 0, j = 0;
        while (i < m && j < n) {
            if (tok_eq(A, &x[pre + i], B, &y[pre + j])) {
                kx[pre + i] = ky[pre + j] = true;
                i++;
                j++;
            } else if (L[(i + 1) * (n + 1) + j] >= L[i * (n + 1) + j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        free(L);
    }
    bool same = m == 0 && n == 0;
    if (!same) {
        mark_changed(A, x, nx, kx, del);
        mark_changed(B, y, ny, ky, ins);
    }
    free(kx);
    free(ky);
    return same;
}

/* ---- compare_texts ---------------------------------------------------------------- */

char
compare_mark_char(enum cmp_mark m)
{
    switch (m) {
    case CMP_SAME:
        return '=';
    case CMP_SIMILAR:
        return '~';
    case CMP_ONLY_A:
        return '<';
    case CMP_ONLY_B:
        return '>';
    case CMP_PART:
        return '+';
    case CMP_WEAK:
        return '?';
    }
    return '?';
}

static void
push_row(struct cmp_result *r, size_t *cap, enum cmp_mark mark, int32_t a, int32_t b, double score)
{
    if (r->nrows == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        r->rows = xrealloc(r->rows, *cap * sizeof *r->rows);
    }
    r->rows[r->nrows++] = (struct cmp_row){mark, a, b, score, -1};
}

static void
push_part(struct cmp_result *r, size_t *cap, int32_t a, int32_t b, int32_t with)
{
    push_row(r, cap, CMP_PART, a, b, 0);
    r->rows[r->nrows - 1].with = with;
}

static double
doc_cosine(const struct cmp_counts *a, const struct cmp_counts *b)
{
    double dot = 0, na = 0, nb = 0;
    for (size_t i = 0; i < a->len; i++) {
        double wa = 1 + log((double)a->e[i].n);
        na += wa * wa;
        long j = cmp_counts_lookup(b, a->e[i].term);
        if (j >= 0)
            dot += wa * (1 + log((double)b->e[j].n));
    }
    for (size_t j = 0; j < b->len; j++) {
        double wb = 1 + log((double)b->e[j].n);
        nb += wb * wb;
    }
    if (na == 0 || nb == 0)
        return 0;
    double c = dot / sqrt(na * nb);
    return c > 1 ? 1 : c;
}

static bool
row_continues(const struct cmp_row *p, const struct cmp_row *r)
{
    bool pp = p->a >= 0 && p->b >= 0, rp = r->a >= 0 && r->b >= 0;
    if (r->mark == CMP_PART || p->mark == CMP_PART)
        return true; /* a split part stays with the pair it belongs to */
    if (pp && rp)
        return r->a == p->a + 1 && r->b == p->b + 1;
    if (p->mark != r->mark)
        return false;
    if (p->mark == CMP_WEAK)
        return p->a >= 0 ? r->a == p->a + 1 : r->b == p->b + 1;
    if (p->mark == CMP_ONLY_A && r->mark == CMP_ONLY_A)
        return r->a == p->a + 1;
    if (p->mark == CMP_ONLY_B && r->mark == CMP_ONLY_B)
        return r->b == p->b + 1;
    return false;
}

/* The bytes a passage covers on each side: from its first sentence there
 * to its last ({0,0} when it has none). */
static void
passage_spans(const struct cmp_result *r, struct cmp_passage *p)
{
    int32_t fa = -1, la = -1, fb = -1, lb = -1;
    for (size_t k = p->row; k < p->row + p->nrows; k++) {
        const struct cmp_row *w = &r->rows[k];
        if (w->a >= 0) {
            fa = fa < 0 || w->a < fa ? w->a : fa;
            la = w->a > la ? w->a : la;
        }
        if (w->b >= 0) {
            fb = fb < 0 || w->b < fb ? w->b : fb;
            lb = w->b > lb ? w->b : lb;
        }
    }
    if (fa >= 0)
        p->a = (struct span){r->sent_a[fa].start, r->sent_a[la].end};
    if (fb >= 0)
        p->b = (struct span){r->sent_b[fb].start, r->sent_b[lb].end};
}

static void
build_passages(struct cmp_result *r)
{
    r->passages = xmalloc((r->nrows + 1) * sizeof *r->passages);
    r->npassages = 0;
    size_t i = 0;
    while (i < r->nrows) {
        size_t e = i + 1;
        while (e < r->nrows && row_continues(&r->rows[e - 1], &r->rows[e]))
            e++;
        struct cmp_passage *p = &r->passages[r->npassages++];
        memset(p, 0, sizeof *p);
        p->row = i;
        p->nrows = e - i;
        p->mark = r->rows[i].mark;
        for (size_t k = i; k < e; k++)
            if (r->rows[k].mark == CMP_SIMILAR || r->rows[k].mark == CMP_PART)
                p->mark = CMP_SIMILAR;
        passage_spans(r, p);
        i = e;
    }
}

/* A row of a sentence without a pair: a weak match when it has a near
 * counterpart (near >= 0, named in with), else only in its side. */
static void
push_unpaired(struct cmp_result *r, size_t *cap, int32_t a, int32_t b, int32_t near, double score)
{
    if (near < 0) {
        push_row(r, cap, a >= 0 ? CMP_ONLY_A : CMP_ONLY_B, a, b, 0);
        return;
    }
    push_row(r, cap, CMP_WEAK, a, b, score);
    r->rows[r->nrows - 1].with = near;
}

/* B's sentences from j on that are neither paired nor split parts, as
 * rows only in B (or weak matches). */
static void
push_only_b(struct cmp_result *r, size_t *cap, const struct side *B, const struct cmp_matching *m,
            size_t j)
{
    for (; j < B->nsents && m->pb[j] < 0 && m->part_b[j] < 0; j++)
        push_unpaired(r, cap, -1, (int32_t)j, m->near_b[j], m->near_score_b[j]);
}

/* The rows of pair (i, j) with its split parts on either side, and the
 * word diff of the whole; done_a marks an A part emitted here. Returns
 * the last B sentence used. */
static size_t
push_pair(struct cmp_result *r, size_t *cap, const struct side *A, const struct side *B,
          const struct cmp_matching *m, size_t i, bool *done_a, struct spanvec *del,
          struct spanvec *ins)
{
    size_t j = (size_t)m->pa[i];
    size_t i0 = i, i1 = i, j0 = j, j1 = j;
    if (i > 0 && m->part_a[i - 1] == (int32_t)j)
        i0 = i - 1; /* already emitted, just before this row */
    if (i + 1 < A->nsents && m->part_a[i + 1] == (int32_t)j)
        i1 = i + 1;
    if (j > 0 && m->part_b[j - 1] == (int32_t)i)
        j0 = j - 1;
    if (j + 1 < B->nsents && m->part_b[j + 1] == (int32_t)i)
        j1 = j + 1;
    bool same = word_diff(A, i0, i1, B, j0, j1, del, ins);
    if (j0 < j)
        push_part(r, cap, -1, (int32_t)j0, (int32_t)i);
    push_row(r, cap, same ? CMP_SAME : CMP_SIMILAR, (int32_t)i, (int32_t)j, m->score_a[i]);
    if (j1 > j)
        push_part(r, cap, -1, (int32_t)j1, (int32_t)i);
    if (i1 > i) {
        push_part(r, cap, (int32_t)i1, -1, (int32_t)j);
        done_a[i1] = true;
    }
    return j1;
}

/* Rows in A's order; B-only sentences follow their predecessor in B, split
 * parts their pair. Returns the number of pairs. */
static size_t
build_rows(struct cmp_result *r, const struct side *A, const struct side *B,
           const struct cmp_matching *m, struct spanvec *del, struct spanvec *ins)
{
    size_t cap = 0, paired = 0;
    bool *done_a = xcalloc(A->nsents + 1, sizeof *done_a);
    push_only_b(r, &cap, B, m, 0);
    for (size_t i = 0; i < A->nsents; i++) {
        if (done_a[i])
            continue;
        if (m->part_a[i] >= 0) {
            push_part(r, &cap, (int32_t)i, -1, m->part_a[i]);
        } else if (m->pa[i] < 0) {
            push_unpaired(r, &cap, (int32_t)i, -1, m->near_a[i], m->near_score_a[i]);
        } else {
            paired++;
            size_t last = push_pair(r, &cap, A, B, m, i, done_a, del, ins);
            push_only_b(r, &cap, B, m, last + 1);
        }
    }
    free(done_a);
    return paired;
}

int
compare_texts(const char *a, size_t na, const char *b, size_t nb, const struct cmp_options *opt,
              struct cmp_result *out, struct ds_error *err)
{
    memset(out, 0, sizeof *out);
    double threshold = opt && opt->threshold > 0 ? opt->threshold : CMP_ALIGN_THRESHOLD;
    const struct text_tokenizer *tok = opt ? opt->tok : NULL;
    struct cmp_counts *intern = cmp_counts_new();
    struct side A, B;
    int rc = -1;
    memset(&B, 0, sizeof B);
    if (side_tokens(&A, a, na, tok, intern, err) != 0 ||
        side_tokens(&B, b, nb, tok, intern, err) != 0)
        goto done;
    side_alt_terms(&A, tok, intern);
    side_alt_terms(&B, tok, intern);
    side_sentences(&A);
    side_sentences(&B);

    struct cmp_sentset sa, sb;
    side_sentset(&A, &sa);
    side_sentset(&B, &sb);
    double *scale = xmalloc((intern->len + 1) * sizeof *scale);
    for (size_t t = 0; t <= intern->len; t++)
        scale[t] = 1;
    uint8_t *flags = term_flags(&A, &B, intern, opt ? opt->rarity : NULL, scale);
    struct cmp_matching m;
    cmp_match(&sa, &sb, flags, scale, intern->len, threshold, &m);
    free(flags);
    free(scale);
    struct spanvec del = {0}, ins = {0};
    size_t paired = build_rows(out, &A, &B, &m, &del, &ins);
    /* B's sentences were visited in A's order: sort by position. */
    if (ins.n > 1)
        qsort(ins.v, ins.n, sizeof *ins.v, span_cmp);
    out->deleted = del.v;
    out->ndeleted = del.n;
    out->inserted = ins.v;
    out->ninserted = ins.n;
    size_t parts_a = 0, parts_b = 0;
    for (size_t i = 0; i < A.nsents; i++)
        parts_a += m.part_a[i] >= 0;
    for (size_t j = 0; j < B.nsents; j++)
        parts_b += m.part_b[j] >= 0;
    out->aligned_a = A.nsents ? (double)(paired + parts_a) / (double)A.nsents : 0;
    out->aligned_b = B.nsents ? (double)(paired + parts_b) / (double)B.nsents : 0;
    out->similarity = doc_cosine(A.counts, B.counts);
    out->text_a = a;
    out->len_a = na;
    out->text_b = b;
    out->len_b = nb;
    out->sent_a = A.sents;
    out->nsent_a = A.nsents;
    out->sent_b = B.sents;
    out->nsent_b = B.nsents;
    A.sents = B.sents = NULL;
    out->counts_a = A.counts;
    out->counts_b = B.counts;
    A.counts = B.counts = NULL;
    build_passages(out);
    cmp_matching_clear(&m);
    rc = 0;
done:
    side_free(&A);
    side_free(&B);
    cmp_counts_free(&intern);
    if (rc != 0)
        cmp_result_clear(out);
    return rc;
}

void
cmp_result_clear(struct cmp_result *r)
{
    free(r->sent_a);
    free(r->sent_b);
    free(r->rows);
    free(r->passages);
    free(r->deleted);
    free(r->inserted);
    cmp_counts_free(&r->counts_a);
    cmp_counts_free(&r->counts_b);
    memset(r, 0, sizeof *r);
}

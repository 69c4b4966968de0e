/*
 * extract/tokens.c — the text cut once into tokens for the entity and topic
 * passes: words with their case, the separator before them, a possessive
 * 's consumed, CJK runs; and the lowercase keys the gazetteer hashes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "lib.h"

/* ---- tokens ----------------------------------------------------------------- */

static bool
tk_cp_letter(uint32_t cp)
{
    if (cp < 0x80)
        return ex_is_alpha((unsigned char)cp) || ex_is_digit((unsigned char)cp);
    if (cp == 0xD7 || cp == 0xF7 || cp < 0xC0)
        return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) /* punctuation, symbols, arrows */
        return false;
    if (cp >= 0x3000 && cp <= 0x303F) /* CJK punctuation */
        return false;
    if (cp >= 0xFF00 && cp <= 0xFF20)
        return false;
    if (cp >= 0xFE00 && cp <= 0xFE6F)
        return false;
    return true;
}

static void
tk_push(struct toks *t, size_t a, size_t b, uint16_t flags, char sep)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        t->v = xrealloc(t->v, t->cap * sizeof *t->v);
    }
    t->v[t->n].start = (uint32_t)a;
    t->v[t->n].end = (uint32_t)b;
    t->v[t->n].flags = flags;
    t->v[t->n].wl = 0;
    t->v[t->n].sep = sep;
    t->n++;
}

/* ASCII word bytes: 1 lower-case letter, 2 upper-case letter, 4 digit. */
static const uint8_t tk_ascii[256] = {
    ['0'] = 4, ['1'] = 4, ['2'] = 4, ['3'] = 4, ['4'] = 4, ['5'] = 4, ['6'] = 4, ['7'] = 4,
    ['8'] = 4, ['9'] = 4, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
    ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1,
    ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1, ['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2,
    ['E'] = 2, ['F'] = 2, ['G'] = 2, ['H'] = 2, ['I'] = 2, ['J'] = 2, ['K'] = 2, ['L'] = 2,
    ['M'] = 2, ['N'] = 2, ['O'] = 2, ['P'] = 2, ['Q'] = 2, ['R'] = 2, ['S'] = 2, ['T'] = 2,
    ['U'] = 2, ['V'] = 2, ['W'] = 2, ['X'] = 2, ['Y'] = 2, ['Z'] = 2,
};

/* The tokenizer's position: the byte it is at, the separator seen since
 * the last token, and whether the next token starts a sentence. */
struct tk_state {
    const char *s;
    size_t n, i;
    struct toks *t;
    char sep;
    bool sent;
};

/* A word being read: where it and its current dotted segment start, what
 * its letters are. */
struct tk_word {
    size_t a, seg;
    bool dotted, has_lower, has_upper;
    int letters;
    uint16_t flags;
};

/* What reading one more piece of a word found. */
enum tk_step { TK_MORE, TK_END, TK_POSSESSIVE };

/* An ASCII byte that is no word byte: a space, a hyphen or dash, or
 * punctuation (which may start a sentence). */
static void
tk_separator(struct tk_state *st, unsigned char c)
{
    const char *s = st->s;
    size_t i = st->i;
    bool amp = c == '&' && i > 0 && s[i - 1] == ' ' && i + 1 < st->n && s[i + 1] == ' ';
    if (c == ' ' || c == '\t' || c == '[' || c == ']' || amp) {
        if (st->sep == 0 && st->t->n)
            st->sep = ' ';
    } else if (c == '-') {
        if (st->sep == 0 || st->sep == ' ')
            st->sep = (st->sep == ' ') ? ',' : '-'; /* " - " is a dash, "a-b" a hyphen */
        else
            st->sep = ',';
    } else {
        st->sep = (c == '\n' || c == '\r') ? '\n' : (char)c;
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' || c == ';' ||
            c == '(' || c == '*')
            st->sent = true;
    }
    st->i++;
}

/* A run of Han, kana or hangul: one token. */
static void
tk_cjk_run(struct tk_state *st)
{
    size_t a = st->i;
    while (st->i < st->n) {
        uint32_t q;
        int l = utf8_decode(st->s + st->i, st->n - st->i, &q);
        if (q < 0x80 || !utf8_is_cjk(q))
            break;
        st->i += (size_t)l;
    }
    tk_push(st->t, a, st->i, TK_CJK, st->t->n ? (st->sep ? st->sep : ' ') : 0);
    st->sep = 0;
    st->sent = false;
}

/* Unicode punctuation cp (len bytes): dashes join like hyphens when tight,
 * quotes and bullets start a sentence-like context. */
static void
tk_unicode_punct(struct tk_state *st, uint32_t cp, int len)
{
    if (cp == 0x2013 || cp == 0x2014) {
        st->sep = (st->sep == 0) ? '-' : ',';
    } else if (cp == 0xA0) {
        if (st->sep == 0 && st->t->n)
            st->sep = ' ';
    } else if (cp == 0xB7) {
        /* a middle dot parts the items of a menu or a byline ("News · Sport",
         * "By X · May 3"), like '|': not the comma of a list in a sentence */
        st->sep = '|';
        st->sent = true;
    } else {
        st->sep = ',';
        if (cp == 0x201C || cp == 0x2018 || cp == 0x2022 || cp == 0x3002 || cp == 0x2026)
            st->sent = true;
    }
    st->i += (size_t)len;
}

/* Is the token before the word being read an initial kept with its dot
 * ("C." of "C. S. Venkatakrishnan")? */
static bool
tk_initial_before(const struct tk_state *st)
{
    const struct tok *p = &st->t->v[st->t->n - 1];
    return p->end - p->start == 2 && ex_is_upper((unsigned char)st->s[p->start]) &&
           st->s[p->start + 1] == '.';
}

/* A full stop inside or after a word: the dots of "U.S." stay in it, and
 * so does a middle initial's ("George W. Bush" is one run); otherwise the
 * word ends. */
static enum tk_step
tk_word_dot(struct tk_state *st, struct tk_word *w)
{
    const char *s = st->s;
    size_t i = st->i, n = st->n;
    bool single = (i - w->seg) == 1 && ex_is_alpha((unsigned char)s[w->seg]);
    if (single && i + 1 < n && ex_is_alpha((unsigned char)s[i + 1]) &&
        (i + 2 >= n || !ex_is_alpha((unsigned char)s[i + 2]) || s[i + 2] == '.')) {
        w->dotted = true;
        st->i++;
        w->seg = st->i;
        return TK_MORE;
    }
    if (single && w->dotted) {
        st->i++; /* the final dot of U.S. */
    } else if (single && ex_is_upper((unsigned char)s[w->seg]) && i + 2 < n && s[i + 1] == ' ' &&
               ex_is_upper((unsigned char)s[i + 2]) &&
               ((st->t->n > 0 && st->sep == ' ' &&
                 ((st->t->v[st->t->n - 1].flags & (TK_NAMEY | TK_CAP)) != TK_CAP ||
                  tk_initial_before(st))) ||
                ((st->t->n == 0 || st->sep != ' ') && i + 4 < n &&
                 (ex_is_lower((unsigned char)s[i + 3]) ||
                  (s[i + 3] == '.' && s[i + 4] == ' '))))) {
        /* a middle initial: "George W. Bush" is one run; or an initial after
         * a lower-case word ("chairman N. Chandrasekaran"), or opening a
         * sentence or a clause before a name ("N. Chandrasekaran, the
         * chairman", "president, K. Annamalai"): a sentence does not end
         * with one capital letter there */
        st->i++;
    }
    return TK_END;
}

/* An apostrophe (ASCII or U+2019) inside a word: a possessive 's ends the
 * word, which is pushed here (TK_POSSESSIVE); "O'Neil" goes on; anything
 * else ends the word. */
static enum tk_step
tk_word_apos(struct tk_state *st, struct tk_word *w)
{
    const char *s = st->s;
    size_t i = st->i, n = st->n;
    unsigned char d = (unsigned char)s[i];
    bool apos = d == '\'';
    size_t al = 1;
    if (d == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99) {
        apos = true;
        al = 3;
    }
    if (!(apos && i > w->a && i + al < n && ex_is_alpha((unsigned char)s[i + al])))
        return TK_END;
    unsigned char nx = (unsigned char)s[i + al];
    bool poss = (nx == 's' || nx == 'S') &&
                (i + al + 1 >= n || !ex_is_alpha((unsigned char)s[i + al + 1]));
    if (poss) {
        w->flags |= TK_POSS;
        tk_push(st->t, w->a, i, 0, 0);
        st->i += al + 1;
        return TK_POSSESSIVE;
    }
    st->i += al;
    return TK_MORE;
}

/* Read one more piece of the word at st->i: a run of ASCII letters and
 * digits, one other letter, a dot, an ampersand between capitals ("AT&T")
 * or an apostrophe. */
static enum tk_step
tk_word_step(struct tk_state *st, struct tk_word *w)
{
    const char *s = st->s;
    size_t n = st->n;
    unsigned char d = (unsigned char)s[st->i];
    if (tk_ascii[d]) { /* fast path: a run of ASCII letters and digits */
        size_t r0 = st->i;
        uint8_t acc = 0;
        while (st->i < n && tk_ascii[(unsigned char)s[st->i]]) {
            acc |= tk_ascii[(unsigned char)s[st->i]];
            st->i++;
        }
        if (acc & 1)
            w->has_lower = true;
        if (acc & 2)
            w->has_upper = true;
        if (acc & 3)
            w->letters += (int)(st->i - r0); /* an upper bound is enough: >= 2 */
        return TK_MORE;
    }
    uint32_t q = d;
    int l = 1;
    if (d >= 0x80)
        l = utf8_decode(s + st->i, n - st->i, &q);
    if (q >= 0x80 && tk_cp_letter(q) && !utf8_is_cjk(q)) {
        if (utf8_tolower(q) != q || q == 0x130)
            w->has_upper = true;
        else
            w->has_lower = true;
        w->letters++;
        st->i += (size_t)l;
        return TK_MORE;
    }
    if (d == '.' && st->i + 1 <= n)
        return tk_word_dot(st, w);
    if (d == '&' && st->i + 1 < n && ex_is_upper((unsigned char)s[st->i + 1]) && st->i > w->a &&
        ex_is_upper((unsigned char)s[st->i - 1])) {
        st->i++;
        return TK_MORE;
    }
    return tk_word_apos(st, w);
}

/* A word starting with code point cp: read and push it with its flags
 * (capitalised, all capitals, name-like, sentence start, possessive) and
 * the separator before it. */
static void
tk_word(struct tk_state *st, uint32_t cp)
{
    struct tk_word w = {st->i, st->i, false, false, false, 0, 0};
    if (cp < 0x80) {
        if (ex_is_upper((unsigned char)cp))
            w.flags |= TK_CAP;
        else if (ex_is_digit((unsigned char)cp))
            w.flags |= TK_NUM;
    } else if (utf8_tolower(cp) != cp || cp == 0x130) {
        w.flags |= TK_CAP; /* U+0130, Turkish dotted capital I ("İmamoğlu"), folds to itself */
    }
    enum tk_step r = TK_MORE;
    while (st->i < st->n && (r = tk_word_step(st, &w)) == TK_MORE)
        ;
    struct toks *t = st->t;
    if (r != TK_POSSESSIVE)
        tk_push(t, w.a, st->i, 0, 0);
    if (w.has_upper && !w.has_lower && w.letters >= 2)
        w.flags |= TK_ALLCAPS;
    if ((w.flags & TK_CAP) && w.has_lower)
        w.flags |= TK_NAMEY;
    if (st->sent)
        w.flags |= TK_SENT;
    t->v[t->n - 1].flags |= w.flags;
    t->v[t->n - 1].sep = t->n > 1 ? (st->sep ? st->sep : ',') : 0;
    if (t->n > 1 && st->sep == 0)
        t->v[t->n - 1].sep = ','; /* glued to punctuation we skipped */
    st->sep = 0;
    st->sent = false;
}

/* See lib.h. */
void
ex_tokenize(const char *s, size_t n, struct toks *t)
{
    struct tk_state st = {s, n, 0, t, 0, true};
    t->n = 0;
    while (st.i < n) {
        unsigned char c = (unsigned char)s[st.i];
        if (c == ' ') { /* the commonest byte: a plain space */
            if (st.sep == 0 && t->n)
                st.sep = ' ';
            st.i++;
            continue;
        }
        uint32_t cp = c;
        int len = 1;
        if (c >= 0x80)
            len = utf8_decode(s + st.i, n - st.i, &cp);
        if (cp < 0x80 && !tk_ascii[c])
            tk_separator(&st, c);
        else if (cp >= 0x80 && utf8_is_cjk(cp))
            tk_cjk_run(&st);
        else if (cp >= 0x80 && !tk_cp_letter(cp))
            tk_unicode_punct(&st, cp, len);
        else
            tk_word(&st, cp);
    }
}

/* Lowercase key of tokens [i, j] joined by one space into key (cap bytes);
 * returns its length or 0 if it does not fit. */
size_t
tk_key(const char *s, const struct tok *v, size_t i, size_t j, char *key, size_t cap)
{
    size_t k = 0;
    for (size_t t = i; t <= j; t++) {
        if (t > i) {
            if (k + 1 >= cap)
                return 0;
            key[k++] = ' ';
        }
        for (uint32_t p = v[t].start; p < v[t].end; p++) {
            if (k + 1 >= cap)
                return 0;
            key[k++] = (char)ex_lower((unsigned char)s[p]);
        }
        if ((v[t].flags & TK_POSS) && t < j) {
            if (k + 3 >= cap)
                return 0;
            key[k++] = '\'';
            key[k++] = 's';
        }
    }
    key[k] = '\0';
    return k;
}

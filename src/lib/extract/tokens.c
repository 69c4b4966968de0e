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

void
ex_tokenize(const char *s, size_t n, struct toks *t)
{
    size_t i = 0;
    char sep = 0;
    bool sent = true;
    t->n = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ') { /* the commonest byte: a plain space */
            if (sep == 0 && t->n)
                sep = ' ';
            i++;
            continue;
        }
        uint32_t cp = c;
        int len = 1;
        if (c >= 0x80)
            len = utf8_decode(s + i, n - i, &cp);
        if (cp < 0x80 && !tk_ascii[c]) {
            /* separator */
            bool amp = c == '&' && i > 0 && s[i - 1] == ' ' && i + 1 < n && s[i + 1] == ' ';
            if (c == ' ' || c == '\t' || c == '[' || c == ']' || amp) {
                if (sep == 0 && t->n)
                    sep = ' ';
            } else if (c == '-') {
                if (sep == 0 || sep == ' ')
                    sep = (sep == ' ') ? ',' : '-'; /* " - " is a dash, "a-b" a hyphen */
                else
                    sep = ',';
            } else {
                sep = (c == '\n' || c == '\r') ? '\n' : (char)c;
                if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' ||
                    c == ';' || c == '(' || c == '*')
                    sent = true;
            }
            i++;
            continue;
        }
        if (cp >= 0x80 && utf8_is_cjk(cp)) {
            size_t a = i;
            while (i < n) {
                uint32_t q;
                int l = utf8_decode(s + i, n - i, &q);
                if (q < 0x80 || !utf8_is_cjk(q))
                    break;
                i += (size_t)l;
            }
            tk_push(t, a, i, TK_CJK, t->n ? (sep ? sep : ' ') : 0);
            sep = 0;
            sent = false;
            continue;
        }
        if (cp >= 0x80 && !tk_cp_letter(cp)) {
            /* Unicode punctuation: dashes join like hyphens when tight,
             * quotes and bullets start a sentence-like context. */
            if (cp == 0x2013 || cp == 0x2014) {
                sep = (sep == 0) ? '-' : ',';
            } else if (cp == 0xA0) {
                if (sep == 0 && t->n)
                    sep = ' ';
            } else {
                sep = ',';
                if (cp == 0x201C || cp == 0x2018 || cp == 0x2022 || cp == 0x3002 ||
                    cp == 0x2026)
                    sent = true;
            }
            i += (size_t)len;
            continue;
        }
        /* a word */
        size_t a = i, seg = i;
        bool dotted = false, has_lower = false, has_upper = false;
        int letters = 0;
        uint16_t flags = 0;
        {
            uint32_t first = cp;
            if (first < 0x80) {
                if (ex_is_upper((unsigned char)first))
                    flags |= TK_CAP;
                else if (ex_is_digit((unsigned char)first))
                    flags |= TK_NUM;
            } else if (utf8_tolower(first) != first) {
                flags |= TK_CAP;
            }
        }
        while (i < n) {
            unsigned char d = (unsigned char)s[i];
            /* fast path: a run of ASCII letters and digits */
            if (tk_ascii[d]) {
                size_t r0 = i;
                uint8_t acc = 0;
                while (i < n && tk_ascii[(unsigned char)s[i]]) {
                    acc |= tk_ascii[(unsigned char)s[i]];
                    i++;
                }
                if (acc & 1)
                    has_lower = true;
                if (acc & 2)
                    has_upper = true;
                if (acc & 3)
                    letters += (int)(i - r0); /* an upper bound is enough: >= 2 */
                continue;
            }
            uint32_t q = d;
            int l = 1;
            if (d >= 0x80)
                l = utf8_decode(s + i, n - i, &q);
            if (q >= 0x80 ? (tk_cp_letter(q) && !utf8_is_cjk(q))
                          : (ex_is_alpha(d) || ex_is_digit(d))) {
                if (q < 0x80) {
                    if (ex_is_lower(d))
                        has_lower = true;
                    else if (ex_is_upper(d))
                        has_upper = true;
                    if (ex_is_alpha(d))
                        letters++;
                } else {
                    if (utf8_tolower(q) != q)
                        has_upper = true;
                    else
                        has_lower = true;
                    letters++;
                }
                i += (size_t)l;
                continue;
            }
            if (d == '.' && i + 1 <= n) {
                bool single = (i - seg) == 1 && ex_is_alpha((unsigned char)s[seg]);
                if (single && i + 1 < n && ex_is_alpha((unsigned char)s[i + 1]) &&
                    (i + 2 >= n || !ex_is_alpha((unsigned char)s[i + 2]) || s[i + 2] == '.')) {
                    dotted = true;
                    i++;
                    seg = i;
                    continue;
                }
                if (single && dotted) {
                    i++; /* the final dot of U.S. */
                } else if (single && ex_is_upper((unsigned char)s[seg]) && i + 2 < n &&
                           s[i + 1] == ' ' && ex_is_upper((unsigned char)s[i + 2]) &&
                           t->n > 0 && sep == ' ' && (t->v[t->n - 1].flags & TK_NAMEY)) {
                    i++; /* a middle initial: "George W. Bush" is one run */
                }
                break;
            }
            if (d == '&' && i + 1 < n && ex_is_upper((unsigned char)s[i + 1]) && i > a &&
                ex_is_upper((unsigned char)s[i - 1])) {
                i++;
                continue;
            }
            bool apos = d == '\'';
            size_t al = 1;
            if (d == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                (unsigned char)s[i + 2] == 0x99) {
                apos = true;
                al = 3;
            }
            if (apos && i > a && i + al < n && ex_is_alpha((unsigned char)s[i + al])) {
                unsigned char nx = (unsigned char)s[i + al];
                bool poss = (nx == 's' || nx == 'S') &&
                            (i + al + 1 >= n || !ex_is_alpha((unsigned char)s[i + al + 1]));
                if (poss) {
                    flags |= TK_POSS;
                    tk_push(t, a, i, 0, 0);
                    i += al + 1;
                    goto pushed;
                }
                i += al;
                continue;
            }
            break;
        }
        tk_push(t, a, i, 0, 0);
    pushed:
        if (has_upper && !has_lower && letters >= 2)
            flags |= TK_ALLCAPS;
        if ((flags & TK_CAP) && has_lower)
            flags |= TK_NAMEY;
        if (sent)
            flags |= TK_SENT;
        t->v[t->n - 1].flags |= flags;
        t->v[t->n - 1].sep = t->n > 1 ? (sep ? sep : ',') : 0;
        if (t->n > 1 && sep == 0)
            t->v[t->n - 1].sep = ','; /* glued to punctuation we skipped */
        sep = 0;
        sent = false;
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

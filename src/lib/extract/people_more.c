/*
 * extract/people_more.c — more of the people pass (extract/people.c):
 * nicknames in quotes inside a name (Jamal "Biggie" Hollins).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"
#include "people.h"

/* The byte length of the quote opening at p ('"' or U+201C), else 0. */
static size_t
pm_open_quote(const char *s, size_t n, size_t p)
{
    if (p < n && s[p] == '"')
        return 1;
    if (p + 3 <= n && memcmp(s + p, "\xe2\x80\x9c", 3) == 0)
        return 3;
    return 0;
}

/* The byte length of the quote closing at p ('"' or U+201D), else 0. */
static size_t
pm_close_quote(const char *s, size_t n, size_t p)
{
    if (p < n && s[p] == '"')
        return 1;
    if (p + 3 <= n && memcmp(s + p, "\xe2\x80\x9d", 3) == 0)
        return 3;
    return 0;
}

/* Is token k a one-word nickname in quotes between two parts of a name
 * (Ferdinand "Bongbong" Marcos): a name-like token, a space and a quote
 * before it, the closing quote and a space after it, then a capitalised
 * token? */
static bool
pm_nickname(const struct ent_run *r, size_t k)
{
    const struct tok *v = r->t.v;
    if (k == 0 || k + 1 >= r->t.n || !(v[k].flags & TK_NAMEY) || !(v[k - 1].flags & TK_NAMEY) ||
        !(v[k + 1].flags & TK_CAP) || (v[k - 1].flags & TK_POSS) || (v[k].flags & TK_POSS))
        return false;
    size_t q = v[k - 1].end;
    if (q >= r->n || r->s[q] != ' ')
        return false;
    size_t ql = pm_open_quote(r->s, r->n, q + 1);
    if (!ql || q + 1 + ql != v[k].start)
        return false;
    size_t cl = pm_close_quote(r->s, r->n, v[k].end);
    return cl && v[k].end + cl + 1 == v[k + 1].start && r->s[v[k].end + cl] == ' ';
}

/* See people.h. */
void
er_mark_nicknames(struct ent_run *r)
{
    struct tok *v = r->t.v;
    for (size_t k = 1; k + 1 < r->t.n; k++) {
        if (!pm_nickname(r, k))
            continue;
        v[k].flags |= TK_NICK;
        v[k].flags &= (uint16_t)~TK_SENT;
        v[k + 1].flags &= (uint16_t)~TK_SENT;
        v[k].sep = ' ';
        v[k + 1].sep = ' ';
    }
}

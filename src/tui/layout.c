/*
 * layout.c — the TUI's text layout: turns article text into a line model
 * (struct tlines) wrapped by display width, with spans of style roles mapped
 * from byte offsets in the source. No curses here, so the wrapper and the
 * highlighter are unit-tested without a terminal (tests/unit/test_layout.c).
 *
 * Widths follow utf8.h (CJK 2 columns, combining marks 0) except that a
 * control character counts one column: draw.c shows it as a placeholder.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "tui.h"

void
tlines_init(struct tlines *ls)
{
    ls->v = NULL;
    ls->n = ls->cap = 0;
}

void
tlines_clear(struct tlines *ls)
{
    for (size_t i = 0; i < ls->n; i++) {
        free(ls->v[i].text);
        free(ls->v[i].spans);
    }
    free(ls->v);
    tlines_init(ls);
}

struct tline *
tlines_add(struct tlines *ls, const char *text, size_t len, int role)
{
    if (ls->n == ls->cap) {
        ls->cap = ls->cap ? ls->cap * 2 : 64;
        ls->v = xrealloc(ls->v, ls->cap * sizeof(*ls->v));
    }
    struct tline *l = &ls->v[ls->n++];
    memset(l, 0, sizeof(*l));
    l->text = xstrndup(text ? text : "", text ? len : 0);
    l->len = text ? len : 0;
    l->src = -1;
    l->base_role = role;
    return l;
}

void
tline_add_span(struct tline *l, uint32_t start, uint32_t end, int role)
{
    if (end > l->len)
        end = (uint32_t)l->len;
    if (start >= end)
        return;
    if (l->nspans == l->capspans) {
        l->capspans = l->capspans ? l->capspans * 2 : 4;
        l->spans = xrealloc(l->spans, l->capspans * sizeof(*l->spans));
    }
    l->spans[l->nspans++] = (struct tspan){start, end, role};
}

int
layout_cp_width(uint32_t cp)
{
    int w = utf8_cp_width(cp);
    return w < 0 ? 1 : w;
}

size_t
layout_width(const char *s, size_t n)
{
    size_t cols = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        cols += (size_t)layout_cp_width(cp);
    }
    return cols;
}

/* Length in bytes of a bullet marker at t[i..e) ("- ", "1. ", "(a) "), 0 if none. */
static size_t
bullet_len(const char *t, size_t i, size_t e)
{
    static const char *const marks[] = {"- ",
                                        "* ",
                                        "+ ",
                                        "\xe2\x80\xa2 ",
                                        "\xc2\xb7 ",
                                        "\xe2\x80\x93 ",
                                        "\xe2\x80\x94 ",
                                        "\xe2\x96\xaa ",
                                        "\xe2\x97\x8f ",
                                        "> "};
    for (size_t m = 0; m < DS_ARRAY_LEN(marks); m++) {
        size_t n = strlen(marks[m]);
        if (e - i >= n && memcmp(t + i, marks[m], n) == 0)
            return n;
    }
    size_t j = i;
    if (j < e && t[j] == '(') {
        size_t k = j + 1;
        while (k < e && k - j <= 3 &&
               ((t[k] >= 'a' && t[k] <= 'z') || (t[k] >= '0' && t[k] <= '9')))
            k++;
        if (k > j + 1 && k + 1 < e && t[k] == ')' && t[k + 1] == ' ')
            return k + 2 - i;
        return 0;
    }
    while (j < e && j - i < 3 && t[j] >= '0' && t[j] <= '9')
        j++;
    if (j > i && j + 1 < e && (t[j] == '.' || t[j] == ')') && t[j + 1] == ' ')
        return j + 2 - i;
    return 0;
}

static void
emit(struct tlines *out, const char *t, size_t s, size_t e, int indent, int64_t base, int role)
{
    while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r'))
        e--;
    struct tline *l = tlines_add(out, t + s, e - s, role);
    l->indent = indent;
    l->src = base + (int64_t)s;
}

/* Wrap one logical line t[s..e) (no '\n' inside). */
static void
wrap_line(const char *t, size_t s, size_t e, int width, int64_t base, int role, struct tlines *out)
{
    size_t lead = s;
    while (lead < e && (t[lead] == ' ' || t[lead] == '\t'))
        lead++;
    int hang = (int)layout_width(t + s, lead - s);
    hang += (int)layout_width(t + lead, bullet_len(t, lead, e));
    if (hang > width / 2)
        hang = 0;

    size_t i = s;
    int indent = 0;
    while (i < e) {
        int avail = width - indent;
        if (avail < 1)
            avail = 1;
        size_t j = i, brk = i, brk_next = i;
        int col = 0;
        bool overflow = false;
        while (j < e) {
            uint32_t cp;
            int k = utf8_decode(t + j, e - j, &cp);
            int w = layout_cp_width(cp);
            bool cjk = utf8_is_cjk(cp);
            if (cp == ' ' || cp == '\t') {
                brk = j;
                brk_next = j + (size_t)k;
            } else if (cjk && j > i) {
                brk = j;
                brk_next = j;
            }
            if (col + w > avail) {
                overflow = true;
                break;
            }
            col += w;
            j += (size_t)k;
            if (cjk) {
                brk = j;
                brk_next = j;
            }
        }
        if (!overflow) {
            emit(out, t, i, e, indent, base, role);
            return;
        }
        size_t end, next;
        if (t[j] == ' ' || t[j] == '\t') {
            end = j;
            next = j + 1;
        } else if (brk > i) {
            end = brk;
            next = brk_next;
        } else if (j == i) {
            uint32_t cp;
            end = j + (size_t)utf8_decode(t + j, e - j, &cp); /* nothing fits: force one */
            next = end;
        } else {
            end = j;
            next = j;
        }
        emit(out, t, i, end, indent, base, role);
        i = next;
        while (i < e && (t[i] == ' ' || t[i] == '\t'))
            i++;
        indent = hang;
    }
}

void
layout_wrap(const char *text, size_t len, int width, int64_t src_base, int role, struct tlines *out)
{
    if (width < 1)
        width = 1;
    bool last_blank = true; /* no blank line at the top */
    size_t s = 0;
    while (s <= len && len > 0) {
        const char *nl = memchr(text + s, '\n', len - s);
        size_t e = nl ? (size_t)(nl - text) : len;
        size_t k = s;
        while (k < e && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r'))
            k++;
        if (k == e) {
            if (!last_blank)
                tlines_add(out, "", 0, role)->src = src_base + (int64_t)s;
            last_blank = true;
        } else {
            wrap_line(text, s, e, width, src_base, role, out);
            last_blank = false;
        }
        if (!nl)
            break;
        s = e + 1;
    }
    /* no trailing blank line */
    if (out->n > 0 && last_blank && out->v[out->n - 1].len == 0 && out->v[out->n - 1].src >= 0) {
        out->n--;
        free(out->v[out->n].text);
        free(out->v[out->n].spans);
    }
}

void
layout_mark(struct tlines *ls, uint32_t start, uint32_t end, int role)
{
    if (start >= end)
        return;
    long first = layout_line_of(ls, start);
    if (first < 0)
        return;
    for (size_t i = (size_t)first; i < ls->n; i++) {
        struct tline *l = &ls->v[i];
        if (l->src < 0)
            continue;
        int64_t ls0 = l->src, ls1 = l->src + (int64_t)l->len;
        if (ls0 >= (int64_t)end)
            break;
        int64_t a = DS_MAX(ls0, (int64_t)start), b = DS_MIN(ls1, (int64_t)end);
        if (a < b)
            tline_add_span(l, (uint32_t)(a - ls0), (uint32_t)(b - ls0), role);
    }
}

long
layout_line_of(const struct tlines *ls, uint32_t off)
{
    /* lines with a source are in source order: binary search the last line
     * starting at or before off */
    size_t lo = 0;
    while (lo < ls->n && ls->v[lo].src < 0)
        lo++;
    if (lo == ls->n)
        return -1;
    size_t hi = ls->n; /* answer in [lo, hi) */
    size_t first = lo;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (ls->v[mid].src >= 0 && ls->v[mid].src <= (int64_t)off)
            lo = mid;
        else
            hi = mid;
    }
    if (ls->v[lo].src > (int64_t)off)
        return (long)first;
    return (long)lo;
}

bool
layout_find_ci(const char *hay, size_t n, const char *needle, size_t from, uint32_t *start,
               uint32_t *end)
{
    size_t nlen = strlen(needle);
    if (nlen == 0)
        return false;
    for (size_t i = from; i < n;) {
        size_t bi = i, ni = 0;
        while (ni < nlen && bi < n) {
            uint32_t a, b;
            int ka = utf8_decode(hay + bi, n - bi, &a);
            int kb = utf8_decode(needle + ni, nlen - ni, &b);
            if (utf8_tolower(a) != utf8_tolower(b))
                break;
            bi += (size_t)ka;
            ni += (size_t)kb;
        }
        if (ni == nlen) {
            *start = (uint32_t)i;
            *end = (uint32_t)bi;
            return true;
        }
        uint32_t cp;
        i += (size_t)utf8_decode(hay + i, n - i, &cp);
    }
    return false;
}

void
layout_thousands(int64_t n, char *out, size_t size)
{
    char digits[32];
    int neg = n < 0;
    unsigned long long u = neg ? (unsigned long long)(-(n + 1)) + 1 : (unsigned long long)n;
    int nd = snprintf(digits, sizeof digits, "%llu", u);
    char tmp[48];
    size_t o = 0;
    if (neg)
        tmp[o++] = '-';
    for (int i = 0; i < nd; i++) {
        if (i > 0 && (nd - i) % 3 == 0)
            tmp[o++] = ',';
        tmp[o++] = digits[i];
    }
    tmp[o] = '\0';
    snprintf(out, size, "%s", tmp);
}

void
layout_topic_label(const char *topics, char *out, size_t size)
{
    if (size == 0)
        return;
    out[0] = '\0';
    if (!topics || !*topics)
        return;
    size_t rootlen = strcspn(topics, ",/"); /* the best slug's top level */
    const char *best = NULL;
    size_t bestlen = 0;
    int bestdepth = -1;
    for (const char *p = topics; *p;) {
        size_t n = strcspn(p, ",");
        if (n >= rootlen && strncmp(p, topics, rootlen) == 0 &&
            (n == rootlen || p[rootlen] == '/')) {
            int depth = 0;
            for (size_t k = 0; k < n; k++)
                depth += p[k] == '/';
            if (depth > bestdepth) {
                best = p;
                bestlen = n;
                bestdepth = depth;
            }
        }
        p += n + (p[n] == ',');
    }
    const char *name = best;
    for (size_t k = 0; k < bestlen; k++)
        if (best[k] == '/')
            name = best + k + 1;
    size_t n = bestlen - (size_t)(name - best);
    if (n >= size)
        n = size - 1;
    memcpy(out, name, n);
    out[n] = '\0';
}

/*
 * compare/render.c — the side-by-side text of a comparison: wrapping by
 * display width (utf8.h: CJK is two columns) and two columns around a
 * gutter that shows each row's mark. Used by `dossier compare`; the TUI's
 * compare view reads the same rows and passages but draws them itself.
 *
 * Article text never reaches the output with control characters: every
 * C0/C1 control, DEL and escape byte becomes a space before wrapping.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/compare.h"
#include "dossier/utf8.h"

/* Bidirectional formatting characters: they reorder what the terminal
 * shows, so article text never passes them on. */
static bool
is_bidi_control(uint32_t cp)
{
    return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* Copy text[0..n) with control characters (and invalid bytes) replaced by
 * spaces, bidi controls dropped, and runs of white space collapsed to one. */
static void
clean_text(const char *text, size_t n, struct buf *out)
{
    size_t i = 0;
    bool space = false;
    while (i < n) {
        uint32_t cp;
        int k = utf8_decode(text + i, n - i, &cp);
        if (is_bidi_control(cp)) {
            i += (size_t)k;
            continue;
        }
        bool ctl = utf8_cp_width(cp) < 0 || cp == UTF8_REPLACEMENT || cp == ' ' || cp == 0xA0 ||
                   cp == 0x2028 || cp == 0x2029;
        if (ctl) {
            space = true;
        } else {
            if (space && out->len > 0)
                buf_putc(out, ' ');
            space = false;
            buf_append(out, text + i, (size_t)k);
        }
        i += (size_t)k;
    }
}

/* Punctuation that must not start a line (CJK line-breaking rules). */
static bool
no_line_start(uint32_t cp)
{
    switch (cp) {
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF1A: case 0xFF1B:
    case 0xFF1F: case 0xFF01: case 0xFF09: case 0x300D: case 0x300F: case 0x3011:
    case 0x3015: case 0x3009: case 0x300B: case 0x201D: case 0x2019: case 0x30FC:
    case ',': case '.': case ';': case ':': case '!': case '?': case ')': case ']':
        return true;
    default:
        return false;
    }
}

/* True when a line may break just before the character at text[j]. */
static bool
may_break_before(const char *text, size_t n, size_t j)
{
    if (j >= n)
        return true;
    uint32_t cp;
    utf8_decode(text + j, n - j, &cp);
    return !no_line_start(cp);
}

size_t
compare_wrap(const char *text, size_t n, size_t cols, struct span **lines)
{
    size_t nl = 0, cap = 8;
    struct span *v = xmalloc(cap * sizeof *v);
    if (cols == 0)
        cols = 1;
    size_t i = 0;
    while (i < n) {
        /* Skip leading spaces of a line. */
        while (i < n && (text[i] == ' ' || (unsigned char)text[i] < 0x20))
            i++;
        if (i >= n)
            break;
        size_t start = i, w = 0;
        size_t last_break = 0; /* end of the line if broken at the last space / CJK boundary */
        size_t j = i;
        while (j < n) {
            uint32_t cp;
            int k = utf8_decode(text + j, n - j, &cp);
            int cw = utf8_cp_width(cp);
            if (cw < 0)
                cw = 1; /* a control character: drawn as a space by the caller */
            if (cp == ' ' || (unsigned char)text[j] < 0x20)
                last_break = j;
            else if (utf8_is_cjk(cp) && j > start && !no_line_start(cp))
                last_break = j; /* CJK may break before any character */
            if (w + (size_t)cw > cols)
                break;
            w += (size_t)cw;
            j += (size_t)k;
            if (utf8_is_cjk(cp) && may_break_before(text, n, j))
                last_break = j;
        }
        size_t end;
        if (j >= n) {
            end = n;
        } else if (last_break > start) {
            end = last_break;
        } else {
            end = j > start ? j : start + 1; /* a word longer than the line: cut it */
            if (end == start + 1 && j == start) {
                /* A character wider than the column: take it whole. */
                uint32_t cp;
                end = start + (size_t)utf8_decode(text + start, n - start, &cp);
            }
        }
        size_t e = end;
        while (e > start && (text[e - 1] == ' ' || (unsigned char)text[e - 1] < 0x20))
            e--;
        if (nl == cap)
            v = xrealloc(v, (cap *= 2) * sizeof *v);
        v[nl++] = (struct span){(uint32_t)start, (uint32_t)e};
        i = end;
    }
    if (nl == 0) {
        free(v);
        v = NULL;
    }
    *lines = v;
    return nl;
}

/* The text of sentence s with change markers around the spans in ch that
 * fall inside it, cleaned of control characters. */
static void
sentence_text(const char *text, struct span s, const struct span *ch, size_t nch,
              const char *open, const char *close, struct buf *out)
{
    buf_reset(out);
    /* First change span ending after the sentence start. */
    size_t lo = span_first_after(ch, nch, s.start);
    uint32_t pos = s.start;
    for (size_t k = lo; k < nch && ch[k].start < s.end; k++) {
        uint32_t cs = DS_MAX(ch[k].start, s.start), ce = DS_MIN(ch[k].end, s.end);
        if (cs > pos)
            clean_text(text + pos, cs - pos, out);
        if (out->len && cs > s.start && (unsigned char)text[cs - 1] <= ' ')
            buf_putc(out, ' ');
        buf_puts(out, open);
        clean_text(text + cs, ce - cs, out);
        buf_puts(out, close);
        pos = ce;
    }
    if (pos < s.end)
        clean_text(text + pos, s.end - pos, out);
}

/* Append line l of text padded to cols columns. */
static void
put_cell(struct buf *out, const char *text, const struct span *l, size_t cols)
{
    size_t w = 0;
    if (l) {
        buf_append(out, text + l->start, l->end - l->start);
        w = utf8_width(text + l->start, l->end - l->start);
    }
    for (; w < cols; w++)
        buf_putc(out, ' ');
}

/* One row of the side-by-side: sentence ia of A (or none, -1) and ib of B,
 * wrapped into their columns around the gutter mark. */
static void
render_row(const struct cmp_result *r, const char *a, const char *b, int32_t ia, int32_t ib,
           char mark, size_t colw, size_t colr, bool marks, struct buf *ta, struct buf *tb,
           struct buf *out)
{
    buf_reset(ta);
    buf_reset(tb);
    if (ia >= 0)
        sentence_text(a, r->sent_a[ia], marks ? r->deleted : NULL, marks ? r->ndeleted : 0, "[-",
                      "-]", ta);
    if (ib >= 0)
        sentence_text(b, r->sent_b[ib], marks ? r->inserted : NULL, marks ? r->ninserted : 0,
                      "{+", "+}", tb);
    struct span *la = NULL, *lb = NULL;
    size_t nla = compare_wrap(buf_str(ta), ta->len, colw, &la);
    size_t nlb = compare_wrap(buf_str(tb), tb->len, colr, &lb);
    size_t lines = DS_MAX(DS_MAX(nla, nlb), 1);
    for (size_t l = 0; l < lines; l++) {
        put_cell(out, buf_str(ta), l < nla ? &la[l] : NULL, colw);
        buf_putc(out, ' ');
        buf_putc(out, l == 0 ? mark : ' ');
        buf_putc(out, ' ');
        if (l < nlb)
            put_cell(out, buf_str(tb), &lb[l], 0);
        /* No trailing spaces. */
        while (out->len && out->data[out->len - 1] == ' ')
            out->len--;
        buf_putc(out, '\n');
    }
    free(la);
    free(lb);
}

static bool
one_sided_pair(const struct cmp_passage *p, const struct cmp_passage *q)
{
    return (p->mark == CMP_ONLY_A && q->mark == CMP_ONLY_B) ||
           (p->mark == CMP_ONLY_B && q->mark == CMP_ONLY_A);
}

void
compare_render(const struct cmp_result *r, const char *a, const char *b, size_t width, bool marks,
               struct buf *out)
{
    if (width < 20)
        width = 20;
    size_t colw = (width - 3) / 2;
    size_t colr = width - 3 - colw;
    struct buf ta = BUF_INIT, tb = BUF_INIT;
    for (size_t p = 0; p < r->npassages; p++) {
        const struct cmp_passage *ps = &r->passages[p];
        if (p > 0)
            buf_putc(out, '\n');
        if (p + 1 < r->npassages && one_sided_pair(ps, &r->passages[p + 1])) {
            /* Text only in A next to text only in B (a rewritten stretch):
             * side by side, marked '|' where both columns hold a sentence. */
            const struct cmp_passage *pa = ps->mark == CMP_ONLY_A ? ps : &r->passages[p + 1];
            const struct cmp_passage *pb = ps->mark == CMP_ONLY_B ? ps : &r->passages[p + 1];
            size_t n = DS_MAX(pa->nrows, pb->nrows);
            for (size_t k = 0; k < n; k++) {
                int32_t ia = k < pa->nrows ? r->rows[pa->row + k].a : -1;
                int32_t ib = k < pb->nrows ? r->rows[pb->row + k].b : -1;
                char mark = ia >= 0 && ib >= 0 ? '|' : (ia >= 0 ? '<' : '>');
                render_row(r, a, b, ia, ib, mark, colw, colr, marks, &ta, &tb, out);
            }
            p++;
            continue;
        }
        for (size_t k = ps->row; k < ps->row + ps->nrows; k++) {
            const struct cmp_row *row = &r->rows[k];
            render_row(r, a, b, row->a, row->b, compare_mark_char(row->mark), colw, colr, marks,
                       &ta, &tb, out);
        }
    }
    buf_free(&ta);
    buf_free(&tb);
}

/*
 * ingest_readers.c — readers: a format's decoded text to plain article text.
 * Plain text passes through; markdown keeps what a reader would see rendered
 * (heading text, emphasised words, link text, code) and loses the syntax.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "dossier/ingest.h"
#include "dossier/util.h"
#include "ingest_private.h"

/* Plain text: the decoded text is already the article text. Never fails. */
int
ingest_read_text(const char *text, size_t n, struct buf *out, struct ds_error *err)
{
    (void)err;
    buf_append(out, text, n);
    return 0;
}

static bool
is_alnum_byte(unsigned char c)
{
    return isalnum(c) || c >= 0x80;
}

/* Index of the ']' matching the '[' at s[i], or n. */
static size_t
match_bracket(const char *s, size_t n, size_t i, char open, char close)
{
    int depth = 0;
    for (size_t j = i; j < n; j++) {
        if (s[j] == '\\') {
            j++;
            continue;
        }
        if (s[j] == open)
            depth++;
        else if (s[j] == close && --depth == 0)
            return j;
    }
    return n;
}

static void md_inline(const char *s, size_t n, struct buf *out, int depth);

/* A link or image at s[i] ('[' or "!["): writes its text (links) or nothing
 * (images) and returns the index after it, or i when it is not one. */
static size_t
md_link(const char *s, size_t n, size_t i, struct buf *out, int depth)
{
    bool image = s[i] == '!';
    size_t lb = image ? i + 1 : i;
    size_t rb = match_bracket(s, n, lb, '[', ']');
    if (rb >= n)
        return i;
    size_t end;
    if (rb + 1 < n && s[rb + 1] == '(') {
        end = match_bracket(s, n, rb + 1, '(', ')');
        if (end >= n)
            return i;
    } else if (rb + 1 < n && s[rb + 1] == '[') {
        end = match_bracket(s, n, rb + 1, '[', ']');
        if (end >= n)
            return i;
    } else {
        return i;
    }
    if (!image)
        md_inline(s + lb + 1, rb - lb - 1, out, depth + 1);
    return end + 1;
}

static void
md_inline(const char *s, size_t n, struct buf *out, int depth)
{
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '\\' && i + 1 < n && ispunct((unsigned char)s[i + 1])) {
            buf_putc(out, s[i + 1]);
            i += 2;
            continue;
        }
        if (c == '`') {
            size_t run = 0;
            while (i + run < n && s[i + run] == '`')
                run++;
            /* find the closing run of the same length */
            for (size_t j = i + run; j + run <= n; j++) {
                size_t r = 0;
                while (j + r < n && s[j + r] == '`')
                    r++;
                if (r == run) {
                    buf_append(out, s + i + run, j - i - run);
                    i = j + run;
                    goto next;
                }
                if (r)
                    j += r - 1;
            }
            buf_append(out, s + i, run);
            i += run;
            continue;
        }
        if (depth < 8 && (c == '[' || (c == '!' && i + 1 < n && s[i + 1] == '['))) {
            size_t after = md_link(s, n, i, out, depth);
            if (after != i) {
                i = after;
                continue;
            }
        }
        if (c == '<' && i + 1 < n && (ing_istarts(s + i + 1, n - i - 1, "http://") ||
                                      ing_istarts(s + i + 1, n - i - 1, "https://"))) {
            const char *gt = memchr(s + i, '>', n - i);
            if (gt) {
                buf_append(out, s + i + 1, (size_t)(gt - s) - i - 1);
                i = (size_t)(gt - s) + 1;
                continue;
            }
        }
        if ((c == '*' || c == '_' || c == '~') && i + 1 < n && s[i + 1] == c) {
            i += 2; /* strong emphasis / strikethrough markers */
            continue;
        }
        if (c == '*' || c == '_') {
            unsigned char prev = i ? (unsigned char)s[i - 1] : ' ';
            unsigned char nx = i + 1 < n ? (unsigned char)s[i + 1] : ' ';
            bool opening = !is_alnum_byte(prev) && nx != ' ';
            bool closing = prev != ' ' && !is_alnum_byte(nx);
            if (opening || closing) {
                i++;
                continue;
            }
        }
        buf_putc(out, c);
        i++;
    next:;
    }
}

static bool
only_chars(const char *s, size_t n, char a, size_t min)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == a)
            k++;
        else if (s[i] != ' ')
            return false;
    }
    return k >= min;
}

/* Markdown to plain text, line by line (see ingest_private.h). Never fails. */
int
ingest_read_markdown(const char *text, size_t n, struct buf *out, struct ds_error *err)
{
    (void)err;
    bool fence = false;
    size_t i = 0;
    buf_reserve(out, n + 1);
    while (i < n) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        const char *s = text + i;
        size_t len = e - i;
        size_t ind = 0;
        while (ind < len && s[ind] == ' ')
            ind++;
        const char *t = s + ind;
        size_t tl = len - ind;
        i = e + 1;

        if (ing_istarts(t, tl, "```") || ing_istarts(t, tl, "~~~")) {
            fence = !fence; /* the fence line goes, the code stays as text */
            continue;
        }
        if (fence) {
            buf_append(out, s, len);
            buf_putc(out, '\n');
            continue;
        }
        if (ind < 4 && (only_chars(t, tl, '=', 3) || only_chars(t, tl, '-', 3) ||
                        only_chars(t, tl, '*', 3) || only_chars(t, tl, '_', 3))) {
            buf_putc(out, '\n'); /* rule or setext underline */
            continue;
        }
        /* reference definition: [id]: url */
        if (ind < 4 && tl > 3 && t[0] == '[') {
            size_t rb = match_bracket(t, tl, 0, '[', ']');
            if (rb + 1 < tl && t[rb + 1] == ':')
                continue;
        }
        while (tl && t[0] == '>') { /* block quote */
            t++;
            tl--;
            if (tl && t[0] == ' ') {
                t++;
                tl--;
            }
        }
        if (ind < 4 && tl && t[0] == '#') {
            size_t h = 0;
            while (h < tl && t[h] == '#')
                h++;
            if (h <= 6 && (h == tl || t[h] == ' ')) {
                t += h;
                tl -= h;
                while (tl && t[0] == ' ') {
                    t++;
                    tl--;
                }
                while (tl && (t[tl - 1] == '#' || t[tl - 1] == ' '))
                    tl--;
                ind = 0;
            }
        }
        /* keep list indentation; other leading space is not meaningful */
        if (tl && (t[0] == '-' || t[0] == '*' || t[0] == '+' ||
                   (unsigned char)t[0] >= 0x80) && ind)
            buf_append(out, s, ind);
        md_inline(t, tl, out, 0);
        buf_putc(out, '\n');
    }
    return 0;
}

/*
 * query/lexer.c — the query language's hand-written lexer: query text to
 * tokens (words, "phrases", field:value, parentheses, AND/OR/NOT, a leading
 * '-' and a trailing '*' as flags), and the error messages that point at a
 * token by byte offset and column.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"

const char *const query_field_names[QF_COUNT_] = {
    [QF_SOURCE] = "source", [QF_TITLE] = "title",   [QF_AFTER] = "after",
    [QF_BEFORE] = "before", [QF_YEAR] = "year",     [QF_ID] = "id",
    [QF_TOPIC] = "topic",   [QF_ENTITY] = "entity", [QF_PERSON] = "person",
    [QF_ORG] = "org",       [QF_COUNTRY] = "country", [QF_TAG] = "tag",
    [QF_HAS] = "has",       [QF_FIGURE] = "figure",   [QF_THEME] = "theme",
    [QF_STORY] = "story",
};

/* ---- messages ------------------------------------------------------------------------- */

/* 1-based column of byte offset pos, counting characters. */
static int
query_column(const char *src, int pos)
{
    int col = 1;
    for (int i = 0; i < pos && src[i]; i++)
        if (((unsigned char)src[i] & 0xC0) != 0x80)
            col++;
    return col;
}

/* Copy at most 40 bytes of a token for a message, never splitting a
 * character and never passing control characters through. */
static char *
query_excerpt(const char *s, int len)
{
    struct buf b = BUF_INIT;
    int n = len;
    if (n > 40) {
        n = 40;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    for (int i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        buf_putc(&b, c < 0x20 || c == 0x7f ? '?' : (char)c);
    }
    if (n < len)
        buf_puts(&b, "…");
    return buf_steal(&b);
}

void
parser_errorf(struct parser *p, int pos, const char *fmt, ...)
{
    if (p->failed)
        return;
    p->failed = true;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ds_error_set(p->err, pos, "%s at column %d", msg, query_column(p->src, pos));
}

const char *
tok_ex(struct parser *p, int pos, int len)
{
    free(p->ex);
    p->ex = query_excerpt(p->src + pos, len);
    return p->ex;
}

void
parser_clear(struct parser *p)
{
    for (size_t i = 0; i < p->ntoks; i++)
        free(p->toks[i].text);
    free(p->toks);
    free(p->ex);
    p->toks = NULL;
    p->ntoks = 0;
    p->ex = NULL;
}

/* ---- tokens ---------------------------------------------------------------------------- */

static bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool
ends_word(char c)
{
    return c == '\0' || is_space(c) || c == '(' || c == ')' || c == '"';
}

static void
parser_push(struct parser *p, struct token t)
{
    p->toks = xrealloc(p->toks, (p->ntoks + 1) * sizeof *p->toks);
    p->toks[p->ntoks++] = t;
}

/* A quoted string starting at s[i] == '"'; returns the index after the
 * closing quote, or -1 (error set) when it is not closed. */
static int
lex_quoted(struct parser *p, int i, char **out)
{
    const char *s = p->src;
    int start = i + 1, j = start;
    while (s[j] && s[j] != '"')
        j++;
    if (!s[j]) {
        parser_errorf(p, i, "unclosed quote '\"'");
        return -1;
    }
    *out = xstrndup(s + start, (size_t)(j - start));
    return j + 1;
}

/* The length of a field name at s[i] (letters and '_' followed by ':'),
 * or 0 when there is none. */
static int
lex_field_name(const char *s, int i)
{
    int j = i;
    while (isalpha((unsigned char)s[j]) || s[j] == '_')
        j++;
    return (j > i && s[j] == ':') ? j - i : 0;
}

/* The field:value whose name (nlen bytes) starts at s[i] into t; returns
 * the index after it, or -1 with the error set. */
static int
lex_field(struct parser *p, int i, int nlen, struct token *t)
{
    const char *s = p->src;
    char name[32];
    size_t k;
    int n = nlen < (int)sizeof name - 1 ? nlen : (int)sizeof name - 1;
    for (int c = 0; c < n; c++)
        name[c] = (char)tolower((unsigned char)s[i + c]);
    name[n] = '\0';
    for (k = 0; k < QF_COUNT_; k++)
        if (nlen == n && strcmp(name, query_field_names[k]) == 0)
            break;
    if (k == QF_COUNT_) {
        p->failed = true;
        ds_error_set(p->err, i,
                     "unknown field '%s' at column %d (fields: source, title, after, "
                     "before, year, id, topic, entity, person, org, country, tag, "
                     "has, figure, theme, story)",
                     tok_ex(p, i, nlen + 1), query_column(s, i));
        return -1;
    }
    t->type = T_FIELD;
    t->field = (enum qfield)k;
    int v = i + nlen + 1;
    if (s[v] == '"') {
        int after = lex_quoted(p, v, &t->text);
        if (after < 0)
            return -1;
        t->quoted = true;
        v = after;
        while (s[v] == '*') {
            t->prefix = true;
            v++;
        }
    } else {
        int e = v;
        while (!ends_word(s[e]))
            e++;
        t->text = xstrndup(s + v, (size_t)(e - v));
        v = e;
    }
    if (!t->quoted && t->text[0] == '\0') {
        ds_freep(&t->text);
        parser_errorf(p, i, "'%s' needs a value", tok_ex(p, i, nlen + 1));
        return -1;
    }
    return v;
}

/* A word or an operator at s[i] into t; returns the index after it, or -1
 * with the error set. */
static int
lex_word(struct parser *p, int i, struct token *t)
{
    const char *s = p->src;
    int e = i;
    while (!ends_word(s[e]))
        e++;
    int wlen = e - i;
    if (!t->neg && wlen == 3 && memcmp(s + i, "AND", 3) == 0) {
        t->type = T_AND;
    } else if (!t->neg && wlen == 2 && memcmp(s + i, "OR", 2) == 0) {
        t->type = T_OR;
    } else if (!t->neg && wlen == 3 && memcmp(s + i, "NOT", 3) == 0) {
        t->type = T_NOT;
    } else {
        t->type = T_WORD;
        int w = wlen;
        while (w > 0 && s[i + w - 1] == '*') {
            t->prefix = true;
            w--;
        }
        if (w == 0) {
            parser_errorf(p, t->pos, "'*' needs a word before it");
            return -1;
        }
        t->text = xstrndup(s + i, (size_t)w);
    }
    return e;
}

/* One token starting at s[i] (not a space) into t; returns the index after
 * it, or -1 with the error set. */
static int
lex_token(struct parser *p, int i, struct token *t)
{
    const char *s = p->src;
    if (s[i] == '-') {
        if (ends_word(s[i + 1]) && s[i + 1] != '(' && s[i + 1] != '"') {
            parser_errorf(p, i, "'-' has nothing after it");
            return -1;
        }
        t->neg = true;
        i++;
    }
    if (s[i] == '(' || s[i] == ')') {
        if (s[i] == ')' && t->neg) {
            parser_errorf(p, t->pos, "'-' has nothing after it");
            return -1;
        }
        t->type = s[i] == '(' ? T_LP : T_RP;
        return i + 1;
    }
    if (s[i] == '"') {
        t->type = T_PHRASE;
        i = lex_quoted(p, i, &t->text);
        if (i < 0)
            return -1;
        while (s[i] == '*') {
            t->prefix = true;
            i++;
        }
        return i;
    }
    int nlen = lex_field_name(s, i);
    return nlen > 0 ? lex_field(p, i, nlen, t) : lex_word(p, i, t);
}

void
query_lex(struct parser *p)
{
    const char *s = p->src;
    int i = 0;

    while (!p->failed) {
        while (is_space(s[i]))
            i++;
        struct token t = {0};
        t.pos = i;
        if (!s[i]) {
            t.type = T_END;
            parser_push(p, t);
            return;
        }
        i = lex_token(p, i, &t);
        if (i < 0) {
            free(t.text);
            return;
        }
        t.len = i - t.pos;
        parser_push(p, t);
    }
}

/*
 * query/query.c — the query language: a hand-written lexer and recursive-descent
 * parser to a small tree, compiled to one SQL statement with numbered
 * parameters for store to bind. User text never becomes SQL text, and never
 * becomes FTS5 syntax either: every word is double-quoted inside the FTS5
 * MATCH expression we build, so no input can produce an FTS5 syntax error.
 *
 * Grammar (operators are upper case; lower-case and/or/not are words):
 *   query   := [or]
 *   or      := and ("OR" and)*
 *   and     := unary (["AND"] unary)*          adjacency is AND
 *   unary   := "NOT" unary | primary
 *   primary := ["-"] (WORD ["*"] | "PHRASE" ["*"] | FIELD:VALUE | "(" or ")")
 *
 * Compilation: the text-only part of the top-level AND (words, phrases,
 * title: filters, with NOTs inside it) becomes one FTS5 MATCH joined to
 * documents, ranked by dossier_rank() (bm25, store/rank.c). Everything else becomes SQL
 * conditions; a text subtree nested under a field OR, or a negation with no
 * positive words beside it, becomes "d.id [NOT] IN (SELECT rowid FROM
 * docs_fts WHERE docs_fts MATCH ?)". The SQL never has ORDER BY and names
 * the documents table "d", so store can append its own ordering. It calls
 * ds_fold(), a case-folding SQL function that store registers.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dossier/query.h"
#include "dossier/utf8.h"

/* ---- fields --------------------------------------------------------------------- */

enum qfield {
    QF_SOURCE,
    QF_TITLE,
    QF_AFTER,
    QF_BEFORE,
    QF_YEAR,
    QF_ID,
    QF_TOPIC,
    QF_ENTITY,
    QF_PERSON,
    QF_ORG,
    QF_COUNTRY,
    QF_TAG,
    QF_HAS,
    QF_FIGURE,
};

static const char *const field_names[] = {
    [QF_SOURCE] = "source", [QF_TITLE] = "title",   [QF_AFTER] = "after",
    [QF_BEFORE] = "before", [QF_YEAR] = "year",     [QF_ID] = "id",
    [QF_TOPIC] = "topic",   [QF_ENTITY] = "entity", [QF_PERSON] = "person",
    [QF_ORG] = "org",       [QF_COUNTRY] = "country", [QF_TAG] = "tag",
    [QF_HAS] = "has",       [QF_FIGURE] = "figure",
};

/* ---- the tree --------------------------------------------------------------------- */

enum qkind { QN_TEXT, QN_FIELD, QN_AND, QN_OR, QN_NOT };

struct qnode {
    enum qkind kind;
    /* QN_TEXT: a word or phrase; column is "title" or NULL (both columns) */
    char *text;
    bool prefix;
    const char *column;
    /* QN_FIELD */
    enum qfield field;
    char *value;     /* normalised value (date, slug, ...) */
    char *value2;    /* year: the next year */
    int64_t ival;    /* id */
    double rval;     /* figure value */
    char op[3];      /* figure comparison: ">", ">=", "<", "<=", "=" */
    bool percent;    /* figure: restrict to unit "%" */
    /* QN_AND / QN_OR: kids; QN_NOT: kids[0] */
    struct qnode **kids;
    size_t nkids;
};

struct query {
    char *text;
    struct qnode *root;
    char *fts;               /* main MATCH expression, or NULL */
    char *sql;               /* ranked form */
    char *sql_unranked;      /* names documents "d"; for date order and sets */
    char *sql_ids;           /* ids only, the cheapest way (no documents row when text only) */
    struct query_param *params;
    size_t nparams;
    char **strings;          /* owned parameter texts */
    size_t nstrings;
    char **terms;            /* positive terms as typed */
    size_t nterms;
};

static struct qnode *
qnode_new(enum qkind kind)
{
    struct qnode *n = xcalloc(1, sizeof *n);
    n->kind = kind;
    return n;
}

static void
qnode_free(struct qnode *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->nkids; i++)
        qnode_free(n->kids[i]);
    free(n->kids);
    free(n->text);
    free(n->value);
    free(n->value2);
    free(n);
}

static void
qnode_add(struct qnode *parent, struct qnode *kid)
{
    parent->kids = xrealloc(parent->kids, (parent->nkids + 1) * sizeof *parent->kids);
    parent->kids[parent->nkids++] = kid;
}

/* Is kid a word or phrase that n already holds (same text, column, '*')?
 * "a* a* a* ..." would make FTS5 expand the same prefix once per copy. */
static bool
qnode_has_text(const struct qnode *n, const struct qnode *kid)
{
    if (kid->kind != QN_TEXT)
        return false;
    for (size_t i = 0; i < n->nkids; i++) {
        const struct qnode *k = n->kids[i];
        if (k->kind == QN_TEXT && k->prefix == kid->prefix && k->column == kid->column &&
            strcmp(k->text, kid->text) == 0)
            return true;
    }
    return false;
}

/* Add kid to n, or free it when n holds the same word already (AND and OR
 * of a word with itself are the word). */
static void
qnode_add_once(struct qnode *n, struct qnode *kid)
{
    if (qnode_has_text(n, kid))
        qnode_free(kid);
    else
        qnode_add(n, kid);
}

/* a AND/OR b, flattening same-kind nodes and merging repeated words; either
 * may be NULL (dropped term). */
static struct qnode *
qnode_join(enum qkind kind, struct qnode *a, struct qnode *b)
{
    if (!a)
        return b;
    if (!b)
        return a;
    struct qnode *n;
    if (a->kind == kind) {
        n = a;
    } else {
        n = qnode_new(kind);
        qnode_add(n, a);
    }
    if (b->kind == kind) {
        for (size_t i = 0; i < b->nkids; i++)
            qnode_add_once(n, b->kids[i]);
        b->nkids = 0;
        qnode_free(b);
    } else {
        qnode_add_once(n, b);
    }
    if (n->nkids == 1 && n != a) {
        struct qnode *only = n->kids[0];
        n->nkids = 0;
        qnode_free(n);
        return only;
    }
    return n;
}

static struct qnode *
qnode_not(struct qnode *a)
{
    if (!a)
        return NULL;
    if (a->kind == QN_NOT) { /* NOT NOT x = x */
        struct qnode *k = a->kids[0];
        a->nkids = 0;
        qnode_free(a);
        return k;
    }
    struct qnode *n = qnode_new(QN_NOT);
    qnode_add(n, a);
    return n;
}

/* ---- lexer ---------------------------------------------------------------------------- */

enum ttype { T_END, T_WORD, T_PHRASE, T_FIELD, T_LP, T_RP, T_AND, T_OR, T_NOT };

struct token {
    enum ttype type;
    int pos;            /* byte offset of the token (of its '-' when negated) */
    int len;            /* bytes of the token as written */
    bool neg;           /* written with a leading '-' */
    bool prefix;        /* trailing '*' */
    enum qfield field;
    char *text;         /* word, phrase or field value (unquoted) */
    bool quoted;        /* field value was quoted */
};

struct parser {
    const char *src;
    struct token *toks;
    size_t ntoks, at;
    struct ds_error *err;
    bool failed;
    char *ex;           /* last excerpt for a message */
    int depth;          /* open parentheses */
    int leaves;         /* words, phrases and fields so far */
};

/* Limits that keep every query inside SQLite's expression depth and
 * parameter limits (and the parser's recursion shallow). */
#define QUERY_MAX_DEPTH 32
#define QUERY_MAX_TERMS 200

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

static void parser_errorf(struct parser *p, int pos, const char *fmt, ...) DS_PRINTF(3, 4);

/* Fail with "<message> at column N" (the first error wins). */
static void
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

/* The source text [pos, pos+len) fit for a message (borrowed until the
 * next call). */
static const char *
tok_ex(struct parser *p, int pos, int len)
{
    free(p->ex);
    p->ex = query_excerpt(p->src + pos, len);
    return p->ex;
}

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

static int
lex_field_name(const char *s, int i)
{
    int j = i;
    while (isalpha((unsigned char)s[j]) || s[j] == '_')
        j++;
    return (j > i && s[j] == ':') ? j - i : 0;
}

static void
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
        if (s[i] == '-') {
            if (ends_word(s[i + 1]) && s[i + 1] != '(' && s[i + 1] != '"') {
                parser_errorf(p, i, "'-' has nothing after it");
                return;
            }
            t.neg = true;
            i++;
        }
        if (s[i] == '(' || s[i] == ')') {
            if (s[i] == ')' && t.neg) {
                parser_errorf(p, t.pos, "'-' has nothing after it");
                return;
            }
            t.type = s[i] == '(' ? T_LP : T_RP;
            i++;
        } else if (s[i] == '"') {
            t.type = T_PHRASE;
            i = lex_quoted(p, i, &t.text);
            if (i < 0)
                return;
            while (s[i] == '*') {
                t.prefix = true;
                i++;
            }
        } else {
            int nlen = lex_field_name(s, i);
            if (nlen > 0) {
                char name[32];
                size_t k;
                int n = nlen < (int)sizeof name - 1 ? nlen : (int)sizeof name - 1;
                for (int c = 0; c < n; c++)
                    name[c] = (char)tolower((unsigned char)s[i + c]);
                name[n] = '\0';
                for (k = 0; k < DS_ARRAY_LEN(field_names); k++)
                    if (nlen == n && strcmp(name, field_names[k]) == 0)
                        break;
                if (k == DS_ARRAY_LEN(field_names)) {
                    p->failed = true;
                    ds_error_set(p->err, i,
                                 "unknown field '%s' at column %d (fields: source, title, after, "
                                 "before, year, id, topic, entity, person, org, country, tag, "
                                 "has, figure)",
                                 tok_ex(p, i, nlen + 1), query_column(s, i));
                    return;
                }
                t.type = T_FIELD;
                t.field = (enum qfield)k;
                int v = i + nlen + 1;
                if (s[v] == '"') {
                    int after = lex_quoted(p, v, &t.text);
                    if (after < 0)
                        return;
                    t.quoted = true;
                    v = after;
                    while (s[v] == '*') {
                        t.prefix = true;
                        v++;
                    }
                } else {
                    int e = v;
                    while (!ends_word(s[e]))
                        e++;
                    t.text = xstrndup(s + v, (size_t)(e - v));
                    v = e;
                }
                if (!t.quoted && t.text[0] == '\0') {
                    free(t.text);
                    parser_errorf(p, i, "'%s' needs a value",
                          tok_ex(p, i, nlen + 1));
                    return;
                }
                i = v;
            } else {
                int e = i;
                while (!ends_word(s[e]))
                    e++;
                int wlen = e - i;
                if (!t.neg && wlen == 3 && memcmp(s + i, "AND", 3) == 0)
                    t.type = T_AND;
                else if (!t.neg && wlen == 2 && memcmp(s + i, "OR", 2) == 0)
                    t.type = T_OR;
                else if (!t.neg && wlen == 3 && memcmp(s + i, "NOT", 3) == 0)
                    t.type = T_NOT;
                else {
                    t.type = T_WORD;
                    int w = wlen;
                    while (w > 0 && s[i + w - 1] == '*') {
                        t.prefix = true;
                        w--;
                    }
                    if (w == 0) {
                        parser_errorf(p, t.pos, "'*' needs a word before it");
                        return;
                    }
                    t.text = xstrndup(s + i, (size_t)w);
                }
                i = e;
            }
        }
        t.len = i - t.pos;
        parser_push(p, t);
    }
}

/* ---- parser ----------------------------------------------------------------------------- */

static struct token *
peek(struct parser *p)
{
    return &p->toks[p->at];
}

static bool
starts_term(const struct token *t)
{
    return t->type == T_WORD || t->type == T_PHRASE || t->type == T_FIELD || t->type == T_LP ||
           t->type == T_NOT;
}

static const char *
token_name(const struct token *t)
{
    switch (t->type) {
    case T_AND: return "AND";
    case T_OR: return "OR";
    case T_NOT: return "NOT";
    case T_RP: return ")";
    case T_LP: return "(";
    default: return "?";
    }
}

/* True when text has something the tokenizer will keep (a letter, digit or
 * any non-ASCII character); pure punctuation would be an empty phrase. */
static bool
has_token_chars(const char *text)
{
    for (const unsigned char *c = (const unsigned char *)text; *c; c++)
        if (isalnum(*c) || *c >= 0x80)
            return true;
    return false;
}

static bool
valid_date(const char *v, char *norm)
{
    size_t n = strlen(v);
    int y, m = 0, d = 0;
    if (n != 4 && n != 7 && n != 10)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (i == 4 || i == 7) {
            if (v[i] != '-')
                return false;
        } else if (!isdigit((unsigned char)v[i])) {
            return false;
        }
    }
    y = atoi(v);
    if (n >= 7)
        m = atoi(v + 5);
    if (n == 10)
        d = atoi(v + 8);
    if (y < 1000 || (n >= 7 && (m < 1 || m > 12)) || (n == 10 && (d < 1 || d > 31)))
        return false;
    memcpy(norm, v, n + 1);
    return true;
}

/* figure:[op]NUMBER[scale][%] */
static bool
parse_figure(const char *v, struct qnode *n)
{
    const char *p = v;
    if ((p[0] == '>' || p[0] == '<') && p[1] == '=') {
        n->op[0] = p[0];
        n->op[1] = '=';
        p += 2;
    } else if (p[0] == '>' || p[0] == '<' || p[0] == '=') {
        n->op[0] = p[0];
        p++;
    } else {
        n->op[0] = '=';
    }
    if (!isdigit((unsigned char)*p) && !(*p == '.' && isdigit((unsigned char)p[1])))
        return false;
    char num[64];
    size_t k = 0;
    while ((isdigit((unsigned char)*p) || *p == ',' || *p == '.') && k < sizeof num - 1) {
        if (*p != ',')
            num[k++] = *p;
        p++;
    }
    num[k] = '\0';
    char *end;
    double val = strtod(num, &end);
    if (*end != '\0')
        return false;
    static const struct {
        const char *s;
        double mult;
    } scales[] = {
        {"trillion", 1e12}, {"billion", 1e9}, {"million", 1e6}, {"thousand", 1e3},
        {"mln", 1e6},       {"bln", 1e9},     {"tn", 1e12},     {"bn", 1e9},
        {"mn", 1e6},        {"k", 1e3},       {"m", 1e6},       {"b", 1e9},
        {"t", 1e12},
    };
    for (size_t i = 0; i < DS_ARRAY_LEN(scales); i++) {
        size_t sl = strlen(scales[i].s);
        if (strncasecmp(p, scales[i].s, sl) == 0) {
            val *= scales[i].mult;
            p += sl;
            break;
        }
    }
    if (*p == '%') {
        n->percent = true;
        p++;
    }
    if (*p != '\0' || !isfinite(val))
        return false;
    n->rval = val;
    return true;
}

static struct qnode *
make_field(struct parser *p, const struct token *t)
{
    struct qnode *n = qnode_new(QN_FIELD);
    const char *v = t->text;
    char date[16];
    n->field = t->field;

    switch (t->field) {
    case QF_TITLE:
        n->kind = QN_TEXT;
        n->column = "title";
        n->text = xstrdup(v);
        n->prefix = t->prefix;
        if (!has_token_chars(v)) {
            qnode_free(n);
            return NULL;
        }
        return n;
    case QF_AFTER:
    case QF_BEFORE:
        if (!valid_date(v, date)) {
            parser_errorf(p, t->pos, "bad date '%s' (use YYYY, YYYY-MM or YYYY-MM-DD)",
                          tok_ex(p, t->pos, t->len));
            break;
        }
        n->value = xstrdup(date);
        return n;
    case QF_YEAR:
        if (strlen(v) != 4 || strspn(v, "0123456789") != 4 || atoi(v) < 1000) {
            parser_errorf(p, t->pos, "bad year '%s' (use four digits: year:2021)",
                          tok_ex(p, t->pos, t->len));
            break;
        }
        n->value = xstrdup(v);
        n->value2 = xasprintf("%04d", atoi(v) + 1);
        return n;
    case QF_ID: {
        size_t len = strlen(v);
        if (len == 0 || len > 18 || strspn(v, "0123456789") != len) {
            parser_errorf(p, t->pos, "bad id '%s' (use a number: id:42)",
                          tok_ex(p, t->pos, t->len));
            break;
        }
        n->ival = strtoll(v, NULL, 10);
        return n;
    }
    case QF_HAS:
        if (ds_strcasecmp_ascii(v, "figures") != 0 && ds_strcasecmp_ascii(v, "title") != 0 &&
            ds_strcasecmp_ascii(v, "date") != 0) {
            parser_errorf(p, t->pos, "unknown '%s' (use has:figures, has:title or "
                                                "has:date)",
                          tok_ex(p, t->pos, t->len));
            break;
        }
        n->value = xstrdup(v);
        for (char *c = n->value; *c; c++)
            *c = (char)tolower((unsigned char)*c);
        return n;
    case QF_FIGURE:
        if (!parse_figure(v, n)) {
            parser_errorf(p, t->pos, "bad figure '%s' (e.g. figure:>100bn, figure:<5%%)",
                          tok_ex(p, t->pos, t->len));
            break;
        }
        return n;
    case QF_TOPIC:
        n->value = xstrdup(v);
        for (char *c = n->value; *c; c++)
            *c = (char)tolower((unsigned char)*c);
        n->prefix = t->prefix;
        for (size_t len = strlen(n->value); len > 0 && n->value[len - 1] == '*'; len--) {
            n->value[len - 1] = '\0';
            n->prefix = true;
        }
        if (!*n->value) {
            parser_errorf(p, t->pos, "'%s' needs a value",
                          tok_ex(p, t->pos, t->len));
            break;
        }
        return n;
    default:
        n->value = xstrdup(v);
        /* name* (or "two words"*) matches names that start with it */
        n->prefix = t->prefix;
        for (size_t len = strlen(n->value); len > 0 && n->value[len - 1] == '*'; len--) {
            n->value[len - 1] = '\0';
            n->prefix = true;
        }
        if (!*n->value) {
            parser_errorf(p, t->pos, "'%s' needs a value", tok_ex(p, t->pos, t->len));
            break;
        }
        return n;
    }
    qnode_free(n);
    return NULL;
}

static struct qnode *parse_or(struct parser *p);

static struct qnode *
parse_primary(struct parser *p)
{
    struct token *t = peek(p);
    struct qnode *n = NULL;

    if ((t->type == T_WORD || t->type == T_PHRASE || t->type == T_FIELD) &&
        ++p->leaves > QUERY_MAX_TERMS) {
        parser_errorf(p, t->pos, "too many terms (at most %d)", QUERY_MAX_TERMS);
        return NULL;
    }
    switch (t->type) {
    case T_WORD:
    case T_PHRASE:
        p->at++;
        if (has_token_chars(t->text)) {
            n = qnode_new(QN_TEXT);
            n->text = xstrdup(t->text);
            n->prefix = t->prefix;
        }
        break;
    case T_FIELD:
        p->at++;
        n = make_field(p, t);
        break;
    case T_LP: {
        if (++p->depth > QUERY_MAX_DEPTH) {
            parser_errorf(p, t->pos, "parentheses nested too deeply (at most %d)",
                          QUERY_MAX_DEPTH);
            return NULL;
        }
        p->at++;
        if (peek(p)->type == T_RP) {
            parser_errorf(p, t->pos, "empty parentheses");
            return NULL;
        }
        if (peek(p)->type == T_END) {
            parser_errorf(p, t->pos, "unclosed '('");
            return NULL;
        }
        n = parse_or(p);
        if (p->failed)
            break;
        if (peek(p)->type != T_RP) {
            qnode_free(n);
            parser_errorf(p, t->pos, "unclosed '('");
            return NULL;
        }
        p->at++;
        p->depth--;
        break;
    }
    case T_RP:
        parser_errorf(p, t->pos, "unmatched ')'");
        return NULL;
    case T_AND:
    case T_OR:
        parser_errorf(p, t->pos, "'%s' has nothing before it",
                          tok_ex(p, t->pos, t->len));
        return NULL;
    default:
        parser_errorf(p, t->pos, "expected a word");
        return NULL;
    }
    if (p->failed) {
        qnode_free(n);
        return NULL;
    }
    return t->neg ? qnode_not(n) : n;
}

static struct qnode *
parse_unary(struct parser *p)
{
    struct token *t = peek(p);
    if (t->type == T_NOT) {
        p->at++;
        if (!starts_term(peek(p))) {
            parser_errorf(p, t->pos, "'NOT' has nothing after it");
            return NULL;
        }
        struct qnode *k = parse_unary(p);
        return p->failed ? k : qnode_not(k);
    }
    return parse_primary(p);
}

static struct qnode *
parse_and(struct parser *p)
{
    struct qnode *left = parse_unary(p);
    while (!p->failed) {
        struct token *t = peek(p);
        if (t->type == T_AND) {
            p->at++;
            if (!starts_term(peek(p))) {
                parser_errorf(p, t->pos, "'AND' has nothing after it");
                break;
            }
        } else if (!starts_term(t)) {
            break;
        }
        struct qnode *right = parse_unary(p);
        left = qnode_join(QN_AND, left, right);
    }
    return left;
}

static struct qnode *
parse_or(struct parser *p)
{
    struct qnode *left = parse_and(p);
    while (!p->failed && peek(p)->type == T_OR) {
        struct token *t = peek(p);
        p->at++;
        if (!starts_term(peek(p))) {
            parser_errorf(p, t->pos, "'OR' has nothing after it");
            break;
        }
        struct qnode *right = parse_and(p);
        left = qnode_join(QN_OR, left, right);
    }
    return left;
}

/* ---- compilation ----------------------------------------------------------------------- */

struct compiler {
    struct query *q;
    struct buf sql;
};

static int
add_param_text(struct query *q, char *owned)
{
    q->strings = xrealloc(q->strings, (q->nstrings + 1) * sizeof *q->strings);
    q->strings[q->nstrings++] = owned;
    q->params = xrealloc(q->params, (q->nparams + 1) * sizeof *q->params);
    q->params[q->nparams] = (struct query_param){QPARAM_TEXT, owned, 0, 0};
    return (int)++q->nparams;
}

static int
add_param_int(struct query *q, int64_t v)
{
    q->params = xrealloc(q->params, (q->nparams + 1) * sizeof *q->params);
    q->params[q->nparams] = (struct query_param){QPARAM_INT, NULL, v, 0};
    return (int)++q->nparams;
}

static int
add_param_real(struct query *q, double v)
{
    q->params = xrealloc(q->params, (q->nparams + 1) * sizeof *q->params);
    q->params[q->nparams] = (struct query_param){QPARAM_REAL, NULL, 0, v};
    return (int)++q->nparams;
}

/* True when n can be written as (part of) an FTS5 expression. */
static bool
fts_ok(const struct qnode *n)
{
    size_t pos = 0;
    switch (n->kind) {
    case QN_TEXT:
        return true;
    case QN_AND:
        for (size_t i = 0; i < n->nkids; i++) {
            const struct qnode *k = n->kids[i];
            if (k->kind == QN_NOT) {
                if (!fts_ok(k->kids[0]))
                    return false;
            } else if (fts_ok(k)) {
                pos++;
            } else {
                return false;
            }
        }
        return pos > 0;
    case QN_OR:
        for (size_t i = 0; i < n->nkids; i++)
            if (n->kids[i]->kind == QN_NOT || !fts_ok(n->kids[i]))
                return false;
        return true;
    default:
        return false;
    }
}

static bool
is_single_cjk(const char *s)
{
    uint32_t cp;
    size_t n = strlen(s);
    if (n == 0)
        return false;
    int len = utf8_decode(s, n, &cp);
    return (size_t)len == n && utf8_is_cjk(cp);
}

static void
fts_write(struct buf *b, const struct qnode *n)
{
    switch (n->kind) {
    case QN_TEXT:
        if (n->column)
            buf_printf(b, "%s : ", n->column);
        buf_putc(b, '"');
        for (const char *c = n->text; *c; c++) {
            if (*c == '"')
                buf_putc(b, '"');
            buf_putc(b, *c);
        }
        buf_putc(b, '"');
        /* The index holds CJK bigrams: one character matches as a prefix. */
        if (n->prefix || is_single_cjk(n->text))
            buf_putc(b, '*');
        return;
    case QN_OR:
        buf_putc(b, '(');
        for (size_t i = 0; i < n->nkids; i++) {
            if (i)
                buf_puts(b, " OR ");
            fts_write(b, n->kids[i]);
        }
        buf_putc(b, ')');
        return;
    case QN_AND: {
        struct buf pos = BUF_INIT;
        size_t np = 0;
        for (size_t i = 0; i < n->nkids; i++) {
            if (n->kids[i]->kind == QN_NOT)
                continue;
            if (np++)
                buf_puts(&pos, " AND ");
            fts_write(&pos, n->kids[i]);
        }
        for (size_t i = 0; i < n->nkids; i++) {
            if (n->kids[i]->kind != QN_NOT)
                continue;
            struct buf next = BUF_INIT;
            buf_puts(&next, "(");
            buf_puts(&next, buf_str(&pos));
            buf_puts(&next, ") NOT ");
            fts_write(&next, n->kids[i]->kids[0]);
            buf_free(&pos);
            pos = next;
        }
        buf_putc(b, '(');
        buf_puts(b, buf_str(&pos));
        buf_putc(b, ')');
        buf_free(&pos);
        return;
    }
    default:
        return;
    }
}

static char *
fts_string(const struct qnode *n)
{
    struct buf b = BUF_INIT;
    fts_write(&b, n);
    return buf_steal(&b);
}

static char *
like_pattern(const char *v, bool anywhere)
{
    struct buf b = BUF_INIT;
    if (anywhere)
        buf_putc(&b, '%');
    for (const char *c = v; *c; c++) {
        if (*c == '%' || *c == '_' || *c == '\\')
            buf_putc(&b, '\\');
        buf_putc(&b, *c);
    }
    buf_putc(&b, '%');
    return buf_steal(&b);
}

static void
sql_field(struct compiler *c, const struct qnode *n)
{
    struct buf *b = &c->sql;
    struct query *q = c->q;
    const char *kind = NULL;

    switch (n->field) {
    case QF_SOURCE:
        /* through the small (source, id) index, not a scan of the big rows */
        buf_printf(b,
                   "d.id IN (SELECT id FROM documents"
                   " WHERE ds_fold(source) LIKE ds_fold(?%d) ESCAPE '\\')",
                   add_param_text(q, like_pattern(n->value, true)));
        return;
    case QF_AFTER:
        buf_printf(b, "d.published >= ?%d", add_param_text(q, xstrdup(n->value)));
        return;
    case QF_BEFORE:
        buf_printf(b, "d.published < ?%d", add_param_text(q, xstrdup(n->value)));
        return;
    case QF_YEAR: {
        int a = add_param_text(q, xstrdup(n->value));
        int z = add_param_text(q, xstrdup(n->value2));
        buf_printf(b, "(d.published >= ?%d AND d.published < ?%d)", a, z);
        return;
    }
    case QF_ID:
        buf_printf(b, "d.id = ?%d", add_param_int(q, n->ival));
        return;
    case QF_TOPIC:
        if (n->prefix)
            buf_printf(b, "d.id IN (SELECT doc_id FROM doc_topics WHERE slug LIKE ?%d ESCAPE '\\')",
                       add_param_text(q, like_pattern(n->value, false)));
        else
            buf_printf(b, "d.id IN (SELECT doc_id FROM doc_topics WHERE slug = ?%d)",
                       add_param_text(q, xstrdup(n->value)));
        return;
    case QF_TAG:
        if (n->prefix)
            buf_printf(b, "d.id IN (SELECT doc_id FROM tags WHERE tag LIKE ?%d ESCAPE '\\')",
                       add_param_text(q, like_pattern(n->value, false)));
        else
            buf_printf(b, "d.id IN (SELECT doc_id FROM tags WHERE tag = ?%d)",
                       add_param_text(q, xstrdup(n->value)));
        return;
    case QF_PERSON:
        kind = "person";
        break;
    case QF_ORG:
        kind = "org";
        break;
    case QF_COUNTRY:
        kind = "country";
        break;
    case QF_ENTITY:
        break;
    case QF_HAS:
        if (strcmp(n->value, "figures") == 0)
            buf_puts(b, "EXISTS (SELECT 1 FROM figures f WHERE f.doc_id = d.id)");
        else if (strcmp(n->value, "title") == 0)
            buf_puts(b, "d.title IS NOT NULL");
        else
            buf_puts(b, "d.published IS NOT NULL");
        return;
    case QF_FIGURE: {
        const char *unit = n->percent ? " AND unit = '%'" : "";
        if (n->op[0] == '=') {
            double lo = n->rval * 0.995, hi = n->rval * 1.005;
            int a = add_param_real(q, lo < hi ? lo : hi);
            int z = add_param_real(q, lo < hi ? hi : lo);
            buf_printf(b, "d.id IN (SELECT doc_id FROM figures WHERE value BETWEEN ?%d AND ?%d%s)",
                       a, z, unit);
        } else {
            buf_printf(b, "d.id IN (SELECT doc_id FROM figures WHERE value %s ?%d%s)", n->op,
                       add_param_real(q, n->rval), unit);
        }
        return;
    }
    case QF_TITLE:
        return; /* compiled as text */
    }
    /* entity, person, org, country */
    if (n->prefix) {
        int k = add_param_text(q, like_pattern(n->value, false));
        buf_printf(b,
                   "d.id IN (SELECT m.doc_id FROM mentions m JOIN entities e ON e.id = m.entity_id"
                   " WHERE (ds_fold(e.name) LIKE ds_fold(?%d) ESCAPE '\\'"
                   " OR ds_fold(e.alt) LIKE ds_fold(?%d) ESCAPE '\\')",
                   k, k);
    } else {
        int k = add_param_text(q, xstrdup(n->value));
        buf_printf(b,
                   "d.id IN (SELECT m.doc_id FROM mentions m JOIN entities e ON e.id = m.entity_id"
                   " WHERE (ds_fold(e.name) = ds_fold(?%d) OR ds_fold(e.alt) = ds_fold(?%d))",
                   k, k);
    }
    if (kind)
        buf_printf(b, " AND e.kind = '%s'", kind);
    buf_putc(b, ')');
}

static void
sql_cond(struct compiler *c, const struct qnode *n)
{
    struct buf *b = &c->sql;
    if (n->kind != QN_FIELD && n->kind != QN_NOT && fts_ok(n)) {
        buf_printf(b, "d.id IN (SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?%d)",
                   add_param_text(c->q, fts_string(n)));
        return;
    }
    switch (n->kind) {
    case QN_FIELD:
        sql_field(c, n);
        return;
    case QN_NOT:
        /* NULL (no source, no date) counts as "does not match" */
        buf_puts(b, "NOT coalesce(");
        sql_cond(c, n->kids[0]);
        buf_puts(b, ", 0)");
        return;
    case QN_AND:
    case QN_OR:
        buf_putc(b, '(');
        for (size_t i = 0; i < n->nkids; i++) {
            if (i)
                buf_puts(b, n->kind == QN_AND ? " AND " : " OR ");
            sql_cond(c, n->kids[i]);
        }
        buf_putc(b, ')');
        return;
    default:
        return;
    }
}

/* Collect positive text terms (not under a NOT) for highlighting. */
static void
collect_terms(struct query *q, const struct qnode *n)
{
    if (n->kind == QN_TEXT) {
        q->terms = xrealloc(q->terms, (q->nterms + 1) * sizeof *q->terms);
        q->terms[q->nterms++] = n->prefix ? xasprintf("%s*", n->text) : xstrdup(n->text);
        return;
    }
    if (n->kind == QN_AND || n->kind == QN_OR)
        for (size_t i = 0; i < n->nkids; i++)
            collect_terms(q, n->kids[i]);
}

static void
query_compile(struct query *q)
{
    struct compiler c = {q, BUF_INIT};
    struct qnode *root = q->root;
    struct qnode *main_fts = NULL;   /* the part that becomes the ranked MATCH */
    struct qnode **rest = NULL;      /* the rest: SQL conditions */
    size_t nrest = 0;

    if (root && root->kind == QN_AND) {
        main_fts = qnode_new(QN_AND);
        rest = xmalloc(root->nkids * sizeof *rest);
        for (size_t i = 0; i < root->nkids; i++) {
            struct qnode *k = root->kids[i];
            bool text = k->kind == QN_NOT ? fts_ok(k->kids[0]) : fts_ok(k);
            if (text)
                qnode_add(main_fts, k);
            else
                rest[nrest++] = k;
        }
        if (!fts_ok(main_fts)) { /* only negations: they become SQL conditions */
            for (size_t i = 0; i < main_fts->nkids; i++)
                rest[nrest++] = main_fts->kids[i];
            main_fts->nkids = 0;
        }
    } else if (root && root->kind != QN_NOT && root->kind != QN_FIELD && fts_ok(root)) {
        main_fts = qnode_new(QN_AND);
        qnode_add(main_fts, root);
    } else if (root) {
        rest = xmalloc(sizeof *rest);
        rest[nrest++] = root;
    }

    /* The MATCH parameter is ?1; the conditions follow, shared by both forms. */
    int k = 0;
    if (main_fts && main_fts->nkids > 0) {
        q->fts = main_fts->nkids == 1 ? fts_string(main_fts->kids[0]) : fts_string(main_fts);
        k = add_param_text(q, xstrdup(q->fts));
        collect_terms(q, main_fts);
    }
    for (size_t i = 0; i < nrest; i++) {
        if (i)
            buf_puts(&c.sql, " AND ");
        sql_cond(&c, rest[i]);
        collect_terms(q, rest[i]);
    }
    const char *conds = buf_str(&c.sql);
    if (q->fts && nrest == 0) {
        /* text only: no join, so FTS5 alone produces ids and ranks */
        /* (the MATCH text again: dossier_rank caches its phrase counts by it) */
        q->sql = xasprintf("SELECT docs_fts.rowid AS id,"
                           " dossier_rank(docs_fts, 10.0, 1.0, ?%d) AS rank"
                           " FROM docs_fts WHERE docs_fts MATCH ?%d",
                           k, k);
        q->sql_unranked =
            xasprintf("SELECT d.id AS id FROM documents d"
                      " WHERE d.id IN (SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?%d)",
                      k);
        q->sql_ids = xasprintf("SELECT rowid AS id FROM docs_fts WHERE docs_fts MATCH ?%d", k);
    } else if (q->fts) {
        q->sql = xasprintf("SELECT d.id AS id, dossier_rank(docs_fts, 10.0, 1.0, ?%d) AS rank"
                           " FROM docs_fts"
                           " JOIN documents d ON d.id = docs_fts.rowid"
                           " WHERE docs_fts MATCH ?%d AND %s",
                           k, k, conds);
        q->sql_unranked =
            xasprintf("SELECT d.id AS id FROM documents d"
                      " WHERE d.id IN (SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?%d)"
                      " AND %s",
                      k, conds);
    } else if (nrest > 0) {
        q->sql = xasprintf("SELECT d.id AS id FROM documents d WHERE %s", conds);
    } else {
        q->sql = xstrdup("SELECT d.id AS id FROM documents d");
    }
    if (!q->sql_unranked)
        q->sql_unranked = xstrdup(q->sql);
    if (!q->sql_ids)
        q->sql_ids = xstrdup(q->sql_unranked);
    buf_free(&c.sql);
    if (main_fts) {
        main_fts->nkids = 0; /* borrowed kids */
        qnode_free(main_fts);
    }
    free(rest);
}

/* ---- public ------------------------------------------------------------------------------- */

/* Different words ending in '*' a query may hold. FTS5 reads the posting
 * list of every word each one starts, once per prefix: on 5,000 articles
 * 100 copies of "a*" took 48 s, and 12 one-letter prefixes take ~2 s (copies
 * are merged, so only distinct prefixes count). */
#define QUERY_MAX_PREFIXES 12

/* Refuse a query with more distinct prefixes than QUERY_MAX_PREFIXES,
 * pointing at the first one too many. */
static void
check_prefixes(struct parser *p)
{
    size_t distinct = 0;
    for (size_t i = 0; i < p->ntoks && !p->failed; i++) {
        const struct token *t = &p->toks[i];
        if (!t->prefix || (t->type != T_WORD && t->type != T_PHRASE))
            continue;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = p->toks[k].prefix && p->toks[k].type == t->type &&
                   strcmp(p->toks[k].text, t->text) == 0;
        if (!seen && ++distinct > QUERY_MAX_PREFIXES)
            parser_errorf(p, t->pos,
                          "more than %d different words ending in '*' (each is expanded "
                          "to every word it begins)",
                          QUERY_MAX_PREFIXES);
    }
}

int
query_parse(const char *text, struct query **out, struct ds_error *err)
{
    struct parser p = {0};
    *out = NULL;
    if (!text)
        text = "";
    p.src = text;
    p.err = err;
    query_lex(&p);
    if (!p.failed)
        check_prefixes(&p);
    struct qnode *root = NULL;
    if (!p.failed && peek(&p)->type != T_END) {
        root = parse_or(&p);
        if (!p.failed && peek(&p)->type != T_END) {
            struct token *t = peek(&p);
            if (t->type == T_RP)
                parser_errorf(&p, t->pos, "unmatched ')'");
            else
                parser_errorf(&p, t->pos, "unexpected '%s'", token_name(t));
        }
    }
    for (size_t i = 0; i < p.ntoks; i++)
        free(p.toks[i].text);
    free(p.toks);
    free(p.ex);
    if (p.failed) {
        qnode_free(root);
        return -1;
    }
    struct query *q = xcalloc(1, sizeof *q);
    q->text = xstrdup(text);
    q->root = root;
    query_compile(q);
    *out = q;
    return 0;
}

void
query_free(struct query **qp)
{
    struct query *q = *qp;
    if (!q)
        return;
    qnode_free(q->root);
    free(q->text);
    free(q->fts);
    free(q->sql);
    free(q->sql_unranked);
    free(q->sql_ids);
    free(q->params);
    for (size_t i = 0; i < q->nstrings; i++)
        free(q->strings[i]);
    free(q->strings);
    for (size_t i = 0; i < q->nterms; i++)
        free(q->terms[i]);
    free(q->terms);
    free(q);
    *qp = NULL;
}

const char *
query_text(const struct query *q)
{
    return q->text;
}

bool
query_has_text(const struct query *q)
{
    return q->fts != NULL;
}

const char *
query_fts_expr(const struct query *q)
{
    return q->fts;
}

size_t
query_term_count(const struct query *q)
{
    return q->nterms;
}

const char *
query_term_at(const struct query *q, size_t i)
{
    return i < q->nterms ? q->terms[i] : NULL;
}

int
query_and(const struct query *q, const char *extra, struct query **out, struct ds_error *err)
{
    struct query *check = NULL;
    *out = NULL;
    if (query_parse(extra, &check, err) != 0)
        return -1;
    query_free(&check);
    if (!extra || !*extra || !q->root)
        return query_parse(q->root ? q->text : extra, out, err);
    char *both = xasprintf("(%s) (%s)", q->text, extra);
    int rc = query_parse(both, out, err);
    free(both);
    return rc;
}

const char *
query_sql(const struct query *q)
{
    return q->sql;
}

const char *
query_sql_unranked(const struct query *q)
{
    return q->sql_unranked;
}

bool
query_is_empty(const struct query *q)
{
    return !q || !q->root;
}

const char *
query_sql_ids(const struct query *q)
{
    return q->sql_ids;
}

size_t
query_param_count(const struct query *q)
{
    return q->nparams;
}

const struct query_param *
query_param_at(const struct query *q, size_t i)
{
    return i < q->nparams ? &q->params[i] : NULL;
}

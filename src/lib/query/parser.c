/*
 * query/parser.c — the query language's recursive-descent parser: tokens
 * (lexer.c) to a tree (qtree.h), each field's value checked and
 * normalised on the way (dates, years, ids, figures, slugs, names), so the
 * store can compile any tree it is given. Errors point at the token.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib.h"

/* ---- the tree --------------------------------------------------------------------- */

/* A new empty node of kind (never fails). */
static struct qnode *
qnode_new(enum qkind kind)
{
    struct qnode *n = xcalloc(1, sizeof *n);
    n->kind = kind;
    return n;
}

/* Free n and everything under it (NULL is fine). */
void
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

/* Append kid to parent's kids (parent owns it). */
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

/* NOT a (takes a; NULL stays NULL, NOT NOT x is x). */
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

/* ---- parser ----------------------------------------------------------------------------- */

/* The current token (the list always ends with T_END). */
static struct token *
peek(struct parser *p)
{
    return &p->toks[p->at];
}

/* True when t can begin a term of an AND. */
static bool
starts_term(const struct token *t)
{
    return t->type == T_WORD || t->type == T_PHRASE || t->type == T_FIELD || t->type == T_LP ||
           t->type == T_NOT;
}

/* An operator or parenthesis token as written, for messages. */
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

/* True when v is YYYY, YYYY-MM or YYYY-MM-DD with a plausible year, month
 * and day; then norm (16 bytes) holds a copy of it. */
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

/* A name value (topic, tag, entity, source...) into n: lower-cased when
 * lower; a trailing '*' (name*, or "two words"*) matches names that start
 * with it. False (error set) when nothing is left. */
static bool
field_name(struct parser *p, const struct token *t, struct qnode *n, bool lower)
{
    n->value = xstrdup(t->text);
    if (lower)
        for (char *c = n->value; *c; c++)
            *c = (char)tolower((unsigned char)*c);
    n->prefix = t->prefix;
    for (size_t len = strlen(n->value); len > 0 && n->value[len - 1] == '*'; len--) {
        n->value[len - 1] = '\0';
        n->prefix = true;
    }
    if (!*n->value) {
        parser_errorf(p, t->pos, "'%s' needs a value", tok_ex(p, t->pos, t->len));
        return false;
    }
    return true;
}

/* The node for field token t, its value checked and normalised; NULL when
 * it selects nothing to search for (title: of pure punctuation) or on
 * error (p->failed set). */
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
        if (!has_token_chars(v))
            break;
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
    case QF_ID:
    case QF_THEME:
    case QF_STORY: {
        size_t len = strlen(v);
        if (len == 0 || len > 18 || strspn(v, "0123456789") != len) {
            if (t->field == QF_ID)
                parser_errorf(p, t->pos, "bad id '%s' (use a number: id:42)",
                              tok_ex(p, t->pos, t->len));
            else if (t->field == QF_STORY)
                parser_errorf(p, t->pos, "bad story '%s' (use an article's number: story:42)",
                              tok_ex(p, t->pos, t->len));
            else
                parser_errorf(p, t->pos, "bad theme '%s' (use its number: theme:3, see "
                              "dossier themes)", tok_ex(p, t->pos, t->len));
            break;
        }
        n->ival = strtoll(v, NULL, 10);
        return n;
    }
    case QF_HAS:
        if (ds_strcasecmp_ascii(v, "figures") != 0 && ds_strcasecmp_ascii(v, "title") != 0 &&
            ds_strcasecmp_ascii(v, "date") != 0) {
            parser_errorf(p, t->pos, "unknown '%s' (use has:figures, has:title or has:date)",
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
    default:
        if (!field_name(p, t, n, t->field == QF_TOPIC))
            break;
        return n;
    }
    qnode_free(n);
    return NULL;
}

static struct qnode *parse_or(struct parser *p);

/* primary := ["-"] (WORD | PHRASE | FIELD:VALUE | "(" or ")"); NULL when
 * the term is dropped (pure punctuation) or on error. */
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

/* unary := "NOT" unary | primary */
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

/* and := unary (["AND"] unary)* */
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

/* or := and ("OR" and)* */
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

struct qnode *
query_parse_tokens(struct parser *p)
{
    struct qnode *root = NULL;
    if (p->failed || peek(p)->type == T_END)
        return NULL;
    root = parse_or(p);
    if (!p->failed && peek(p)->type != T_END) {
        struct token *t = peek(p);
        if (t->type == T_RP)
            parser_errorf(p, t->pos, "unmatched ')'");
        else
            parser_errorf(p, t->pos, "unexpected '%s'", token_name(t));
    }
    if (p->failed) {
        qnode_free(root);
        return NULL;
    }
    return root;
}

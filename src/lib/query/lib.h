/*
 * query/lib.h — private to the query part (src/lib/query/): the tokens the
 * lexer (lexer.c) hands the parser (parser.c), the parser's state, and the
 * tree helpers both use. Nothing outside this folder includes it.
 *
 * Grammar (operators are upper case; lower-case and/or/not are words):
 *   query   := [or]
 *   or      := and ("OR" and)*
 *   and     := unary (["AND"] unary)*          adjacency is AND
 *   unary   := "NOT" unary | primary
 *   primary := ["-"] (WORD ["*"] | "PHRASE" ["*"] | FIELD:VALUE | "(" or ")")
 */
#ifndef DOSSIER_LIB_QUERY_H
#define DOSSIER_LIB_QUERY_H

#include <stdbool.h>
#include <stddef.h>

#include "dossier/qtree.h"
#include "dossier/util.h"

/* Limits that keep every query inside SQLite's expression depth and
 * parameter limits (and the parser's recursion shallow). */
#define QUERY_MAX_DEPTH 32
#define QUERY_MAX_TERMS 200

/* The name of each field as written before the ':' (lexer.c). */
extern const char *const query_field_names[QF_COUNT_];

/* ---- tokens (lexer.c) ------------------------------------------------------------------ */

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

/* Read p->src into p->toks, ending with T_END; on a lexical error sets
 * p->failed and p->err (the tokens so far stay in p->toks to be freed). */
void query_lex(struct parser *p);
/* Fail with "<message> at column N" pointing at byte pos (the first error
 * wins). */
void parser_errorf(struct parser *p, int pos, const char *fmt, ...) DS_PRINTF(3, 4);
/* The source text [pos, pos+len) fit for a message: at most 40 bytes,
 * whole characters, no control characters (borrowed until the next call). */
const char *tok_ex(struct parser *p, int pos, int len);
/* The tokens' texts, the token array and the excerpt freed. */
void parser_clear(struct parser *p);

/* ---- the tree (parser.c) --------------------------------------------------------------- */

/* Parse the tokens into a tree (NULL when nothing is left once words of
 * pure punctuation are dropped); on failure NULL with p->failed set. */
struct qnode *query_parse_tokens(struct parser *p);
void qnode_free(struct qnode *n);

#endif

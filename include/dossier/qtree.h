/*
 * qtree.h — a parsed query as a tree: the contract between the query part,
 * which reads query text into this tree (query.h), and the store, which
 * walks it and writes the SQL and the bound parameters (store/qsql.c).
 * SQLite splits its parser from its code generator the same way: the
 * parser knows the grammar and nothing of the tables; the store knows the
 * tables and nothing of the grammar.
 *
 * Ownership: the query part builds a struct query (query_parse) and frees
 * it (query_free); the store only reads it. The tree holds values already
 * checked and normalised by the parser (dates, slugs, numbers), so the
 * store never rejects a tree and never sees query syntax.
 *
 * This header belongs to the store part (tests/layering/check.py): any part
 * at or above the store may include it.
 */
#ifndef DOSSIER_QTREE_H
#define DOSSIER_QTREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The field filters of the query language (field:value). */
enum qfield {
    QF_SOURCE,  /* substring of the outlet, any case */
    QF_TITLE,   /* words in titles (compiled as free text on the title column) */
    QF_AFTER,   /* published on or after a date */
    QF_BEFORE,  /* published strictly before a date */
    QF_YEAR,    /* published in a year */
    QF_ID,      /* one document */
    QF_TOPIC,   /* a topic slug (or a prefix of one) */
    QF_ENTITY,  /* an entity of any kind, by name or other-script form */
    QF_PERSON,
    QF_ORG,
    QF_COUNTRY,
    QF_TAG,     /* one of the reader's tags */
    QF_HAS,     /* has:figures, has:title, has:date */
    QF_FIGURE,  /* a figure's value compared with a number */
    QF_THEME,   /* a theme found in the collection (`dossier themes`), by number */
    QF_STORY,   /* the articles of the story an article is in (by its id) */
};
#define QF_COUNT_ (QF_STORY + 1)

enum qkind { QN_TEXT, QN_FIELD, QN_AND, QN_OR, QN_NOT };

/* One node. AND and OR nodes have two or more kids and never a kid of their
 * own kind (the parser flattens them); a NOT node has one kid. */
struct qnode {
    enum qkind kind;
    /* QN_TEXT: a word or phrase as typed (not yet quoted for FTS5); column
     * is "title" or NULL (both columns); prefix when typed with '*' */
    char *text;
    bool prefix;
    const char *column;
    /* QN_FIELD (prefix above: entity, topic and tag names ending in '*') */
    enum qfield field;
    char *value;     /* normalised value: date, slug, lower-case has: word, name */
    char *value2;    /* year: the next year */
    int64_t ival;    /* id, theme */
    double rval;     /* figure value */
    char op[3];      /* figure comparison: ">", ">=", "<", "<=", "=" */
    bool percent;    /* figure: restrict to unit "%" */
    /* QN_AND / QN_OR: kids; QN_NOT: kids[0] */
    struct qnode **kids;
    size_t nkids;
};

/* A parsed query: its text, its tree and the store's compiled form of the
 * tree, made once when the query is parsed. */
struct query {
    char *text;          /* as parsed */
    struct qnode *root;  /* NULL: every document */
    struct qsql *sql;    /* qsql_compile(root) */
};

/* ---- the compiled form (store/qsql.c) ---------------------------------------------- */

enum qparam_type { QPARAM_TEXT, QPARAM_INT, QPARAM_REAL };
struct qparam {
    enum qparam_type type;
    const char *text;
    int64_t i;
    double r;
};

/* The SQL a tree becomes: one statement selecting document ids, with
 * numbered parameters ?1..?n (all three forms take the same parameters;
 * none has ORDER BY). Every FTS5 term is double-quoted; user text is only
 * ever a parameter. */
struct qsql;

/* Compile root (NULL: every document). Never fails; free with qsql_free. */
struct qsql *qsql_compile(const struct qnode *root);
void qsql_free(struct qsql **sql);

/* Column 1 "id", plus column 2 "rank" (bm25, lower is better) when the
 * query has text; order it by column position ("ORDER BY 2, 1"). */
const char *qsql_ranked(const struct qsql *sql);
/* Column "id" only, with the documents table named "d" (so "ORDER BY
 * d.published DESC" works); for date order, facets and counts. */
const char *qsql_unranked(const struct qsql *sql);
/* Column "id" only, in no particular order: the cheapest form (a query of
 * words alone never reads the documents table). */
const char *qsql_ids(const struct qsql *sql);
size_t qsql_param_count(const struct qsql *sql);
/* Parameter ?i+1 (borrowed, lives as long as sql), NULL past the end. */
const struct qparam *qsql_param_at(const struct qsql *sql, size_t i);

/* The FTS5 MATCH expression of the ranked free-text part (borrowed), or
 * NULL when the query has none (then it cannot be ranked or snippeted). */
const char *qsql_fts(const struct qsql *sql);
/* The positive free-text terms as typed, prefix terms ending in '*' (for
 * highlighting); borrowed, NULL past the end. */
size_t qsql_term_count(const struct qsql *sql);
const char *qsql_term_at(const struct qsql *sql, size_t i);

#endif

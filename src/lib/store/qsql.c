/*
 * store/qsql.c — the store's half of the query language: walk a parsed
 * query (qtree.h) and write the one SQL statement that selects its
 * documents, with numbered parameters for every value. The query part
 * (src/lib/query/) reads text into the tree and knows nothing of the
 * tables; this file knows the tables and nothing of the syntax.
 *
 * Compilation: the text-only part of the top-level AND (words, phrases,
 * title: filters, with NOTs inside it) becomes one FTS5 MATCH joined to
 * documents, ranked by dossier_rank() (bm25, store/rank.c). Everything else
 * becomes SQL conditions; a text subtree nested under a field OR, or a
 * negation with no positive words beside it, becomes "d.id [NOT] IN (SELECT
 * rowid FROM docs_fts WHERE docs_fts MATCH ?)". The SQL never has ORDER BY
 * and names the documents table "d", so callers can append their own
 * ordering. It calls ds_fold(), the case-folding SQL function store.c
 * registers.
 *
 * User text never becomes SQL text, and never FTS5 syntax either: every
 * word is double-quoted inside the MATCH expression built here, so no input
 * can produce an FTS5 syntax error.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/qtree.h"
#include "dossier/utf8.h"
#include "dossier/util.h"
#include "lib.h"

struct qsql {
    char *fts;               /* main MATCH expression, or NULL */
    char *ranked;            /* ids and ranks */
    char *unranked;          /* names documents "d"; for date order and sets */
    char *ids;               /* ids only, the cheapest way (no documents row when text only) */
    struct qparam *params;
    size_t nparams;
    char **strings;          /* owned parameter texts */
    size_t nstrings;
    char **terms;            /* positive terms as typed */
    size_t nterms;
};

/* ---- the statements -------------------------------------------------------------------- */

/* Every piece of SQL a query can become. In a template each '?' is the next
 * bound parameter (its number filled in when written) and '@' is where the
 * caller's text goes: the conditions of a query, or a fixed suffix. */
enum qsql_stmt {
    QS_TEXT_RANKED,   /* text alone: FTS5 alone produces ids and ranks */
    QS_TEXT_UNRANKED,
    QS_TEXT_IDS,
    QS_JOIN_RANKED,   /* text and conditions */
    QS_JOIN_UNRANKED,
    QS_WHERE,         /* conditions alone */
    QS_ALL,           /* the empty query */
    QS_MATCH_IN,      /* a text subtree as a condition */
    QS_SOURCE,
    QS_AFTER,
    QS_BEFORE,
    QS_YEAR,
    QS_ID,
    QS_THEME,
    QS_STORY,
    QS_TOPIC,
    QS_TOPIC_PREFIX,
    QS_TAG,
    QS_TAG_PREFIX,
    QS_HAS_FIGURES,
    QS_HAS_TITLE,
    QS_HAS_DATE,
    QS_FIGURE_NEAR,   /* within 0.5%; '@' is the unit suffix */
    QS_FIGURE_GT,
    QS_FIGURE_GE,
    QS_FIGURE_LT,
    QS_FIGURE_LE,
    QS_UNIT_PERCENT,
    QS_ENTITY,        /* name, other-script form or gazetteer alias; '@' is the kind suffix */
    QS_ENTITY_PREFIX,
    QS_KIND_PERSON,
    QS_KIND_ORG,
    QS_KIND_COUNTRY,
    QS__COUNT
};

static const char *const qsql_text[QS__COUNT] = {
    /* the MATCH text twice: dossier_rank caches its phrase counts by it */
    [QS_TEXT_RANKED] = "SELECT docs_fts.rowid AS id, dossier_rank(docs_fts, 10.0, 1.0, ?) AS rank"
                       " FROM docs_fts WHERE docs_fts MATCH ?",
    [QS_TEXT_UNRANKED] = "SELECT d.id AS id FROM documents d"
                         " WHERE d.id IN (SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?)",
    [QS_TEXT_IDS] = "SELECT rowid AS id FROM docs_fts WHERE docs_fts MATCH ?",
    [QS_JOIN_RANKED] = "SELECT d.id AS id, dossier_rank(docs_fts, 10.0, 1.0, ?) AS rank"
                       " FROM docs_fts JOIN documents d ON d.id = docs_fts.rowid"
                       " WHERE docs_fts MATCH ? AND @",
    [QS_JOIN_UNRANKED] = "SELECT d.id AS id FROM documents d"
                         " WHERE d.id IN (SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?)"
                         " AND @",
    [QS_WHERE] = "SELECT d.id AS id FROM documents d WHERE @",
    [QS_ALL] = "SELECT d.id AS id FROM documents d",
    [QS_MATCH_IN] = "d.id IN (SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?)",
    /* through the small (source, id) index, not a scan of the big rows */
    [QS_SOURCE] = "d.id IN (SELECT id FROM documents"
                  " WHERE ds_fold(source) LIKE ds_fold(?) ESCAPE '\\')",
    [QS_AFTER] = "d.published >= ?",
    [QS_BEFORE] = "d.published < ?",
    [QS_YEAR] = "(d.published >= ? AND d.published < ?)",
    [QS_ID] = "d.id = ?",
    [QS_THEME] = "d.id IN (SELECT doc_id FROM doc_themes WHERE theme = ?)",
    /* stories (compare/story.c): a story's id is its first article's */
    [QS_STORY] = "d.id IN (SELECT doc_id FROM story_docs WHERE story ="
                 " (SELECT story FROM story_docs WHERE doc_id = ?))",
    [QS_TOPIC] = "d.id IN (SELECT doc_id FROM doc_topics WHERE slug = ?)",
    /* the few topic numbers first, then their rows by index (a slug
     * pattern over the rows' view would scan every row) */
    [QS_TOPIC_PREFIX] = "d.id IN (SELECT doc_id FROM doc_topic_rows WHERE topic IN"
                        " (SELECT id FROM topic_ids WHERE slug LIKE ? ESCAPE '\\'))",
    [QS_TAG] = "d.id IN (SELECT doc_id FROM tags WHERE tag = ?)",
    [QS_TAG_PREFIX] = "d.id IN (SELECT doc_id FROM tags WHERE tag LIKE ? ESCAPE '\\')",
    /* figure_rows, not the view: its doc index covers the lookup */
    [QS_HAS_FIGURES] = "EXISTS (SELECT 1 FROM figure_rows f WHERE f.doc_id = d.id)",
    [QS_HAS_TITLE] = "d.title IS NOT NULL",
    [QS_HAS_DATE] = "d.published IS NOT NULL",
    [QS_FIGURE_NEAR] = "d.id IN (SELECT doc_id FROM figures WHERE value BETWEEN ? AND ?@)",
    [QS_FIGURE_GT] = "d.id IN (SELECT doc_id FROM figures WHERE value > ?@)",
    [QS_FIGURE_GE] = "d.id IN (SELECT doc_id FROM figures WHERE value >= ?@)",
    [QS_FIGURE_LT] = "d.id IN (SELECT doc_id FROM figures WHERE value < ?@)",
    [QS_FIGURE_LE] = "d.id IN (SELECT doc_id FROM figures WHERE value <= ?@)",
    [QS_UNIT_PERCENT] = " AND unit = '%'",
    [QS_ENTITY] = "d.id IN (SELECT m.doc_id FROM mentions m JOIN entities e ON e.id = m.entity_id"
                  " WHERE (ds_fold(e.name) = ds_fold(?) OR ds_fold(e.alt) = ds_fold(?)"
                  " OR instr(ds_alias(?), char(10) || e.name || char(10)) > 0)@)",
    [QS_ENTITY_PREFIX] = "d.id IN (SELECT m.doc_id FROM mentions m"
                         " JOIN entities e ON e.id = m.entity_id"
                         " WHERE (ds_fold(e.name) LIKE ds_fold(?) ESCAPE '\\'"
                         " OR ds_fold(e.alt) LIKE ds_fold(?) ESCAPE '\\'"
                         " OR instr(ds_alias_prefix(?), char(10) || e.name || char(10)) > 0)@)",
    /* the kind's stored number (schema 28): entities_h(kind, h) reads
     * the entities of the kind */
    [QS_KIND_PERSON] = " AND e.kind = " STORE_ENT_PERSON,
    [QS_KIND_ORG] = " AND e.kind = " STORE_ENT_ORG,
    [QS_KIND_COUNTRY] = " AND e.kind = " STORE_ENT_COUNTRY,
};

/* Append statement id to b: its i-th '?' becomes "?<nums[i]>" (the last
 * number repeats), '@' becomes insert (NULL: nothing). */
static void
qsql_emit(struct buf *b, enum qsql_stmt id, const int *nums, size_t nnums, const char *insert)
{
    size_t k = 0;
    for (const char *c = qsql_text[id]; *c; c++) {
        if (*c == '?') {
            buf_printf(b, "?%d", nnums ? nums[k < nnums ? k : nnums - 1] : 0);
            k++;
        } else if (*c == '@') {
            buf_puts(b, insert ? insert : "");
        } else {
            buf_putc(b, *c);
        }
    }
}

/* Statement id as a new string (for the three whole statements). */
static char *
qsql_stmt_dup(enum qsql_stmt id, int param, const char *insert)
{
    struct buf b = BUF_INIT;
    qsql_emit(&b, id, &param, 1, insert);
    return buf_steal(&b);
}

/* ---- parameters ------------------------------------------------------------------------ */

/* Add a text parameter (owned: freed with sql); returns its number. */
static int
add_param_text(struct qsql *q, char *owned)
{
    q->strings = xrealloc(q->strings, (q->nstrings + 1) * sizeof *q->strings);
    q->strings[q->nstrings++] = owned;
    q->params = xrealloc(q->params, (q->nparams + 1) * sizeof *q->params);
    q->params[q->nparams] = (struct qparam){QPARAM_TEXT, owned, 0, 0};
    return (int)++q->nparams;
}

static int
add_param_int(struct qsql *q, int64_t v)
{
    q->params = xrealloc(q->params, (q->nparams + 1) * sizeof *q->params);
    q->params[q->nparams] = (struct qparam){QPARAM_INT, NULL, v, 0};
    return (int)++q->nparams;
}

static int
add_param_real(struct qsql *q, double v)
{
    q->params = xrealloc(q->params, (q->nparams + 1) * sizeof *q->params);
    q->params[q->nparams] = (struct qparam){QPARAM_REAL, NULL, 0, v};
    return (int)++q->nparams;
}

/* ---- FTS5 expressions ------------------------------------------------------------------ */

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

/* One word or phrase, always double-quoted (quotes inside doubled). */
static void
fts_write_text(struct buf *b, const struct qnode *n)
{
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
}

static void fts_write(struct buf *b, const struct qnode *n);

/* An AND: the positive kids joined, then each negated kid as "(...) NOT x". */
static void
fts_write_and(struct buf *b, const struct qnode *n)
{
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
}

/* Append the FTS5 expression of n (fts_ok(n) holds). */
static void
fts_write(struct buf *b, const struct qnode *n)
{
    switch (n->kind) {
    case QN_TEXT:
        fts_write_text(b, n);
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
    case QN_AND:
        fts_write_and(b, n);
        return;
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

/* ---- SQL conditions -------------------------------------------------------------------- */

/* v as a LIKE pattern with '\' escapes: "%v%" anywhere, else "v%". */
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

/* An exact or prefix (LIKE) match on a name: the parameter for it. */
static int
add_param_name(struct qsql *q, const struct qnode *n)
{
    return add_param_text(q, n->prefix ? like_pattern(n->value, false) : xstrdup(n->value));
}

static void
sql_figure(struct qsql *q, struct buf *b, const struct qnode *n)
{
    const char *unit = n->percent ? qsql_text[QS_UNIT_PERCENT] : "";
    if (n->op[0] == '=') {
        double lo = n->rval * 0.995, hi = n->rval * 1.005;
        int k[2];
        k[0] = add_param_real(q, lo < hi ? lo : hi);
        k[1] = add_param_real(q, lo < hi ? hi : lo);
        qsql_emit(b, QS_FIGURE_NEAR, k, 2, unit);
        return;
    }
    enum qsql_stmt id = n->op[0] == '>' ? (n->op[1] ? QS_FIGURE_GE : QS_FIGURE_GT)
                                        : (n->op[1] ? QS_FIGURE_LE : QS_FIGURE_LT);
    int k = add_param_real(q, n->rval);
    qsql_emit(b, id, &k, 1, unit);
}

static void
sql_field(struct qsql *q, struct buf *b, const struct qnode *n)
{
    int k[2];
    switch (n->field) {
    case QF_SOURCE:
        k[0] = add_param_text(q, like_pattern(n->value, true));
        qsql_emit(b, QS_SOURCE, k, 1, NULL);
        return;
    case QF_AFTER:
    case QF_BEFORE:
        k[0] = add_param_text(q, xstrdup(n->value));
        qsql_emit(b, n->field == QF_AFTER ? QS_AFTER : QS_BEFORE, k, 1, NULL);
        return;
    case QF_YEAR:
        k[0] = add_param_text(q, xstrdup(n->value));
        k[1] = add_param_text(q, xstrdup(n->value2));
        qsql_emit(b, QS_YEAR, k, 2, NULL);
        return;
    case QF_ID:
    case QF_THEME:
    case QF_STORY:
        k[0] = add_param_int(q, n->ival);
        qsql_emit(b, n->field == QF_ID ? QS_ID : n->field == QF_THEME ? QS_THEME : QS_STORY, k, 1,
                  NULL);
        return;
    case QF_TOPIC:
    case QF_TAG:
        k[0] = add_param_name(q, n);
        qsql_emit(b, n->field == QF_TOPIC ? (n->prefix ? QS_TOPIC_PREFIX : QS_TOPIC)
                                          : (n->prefix ? QS_TAG_PREFIX : QS_TAG),
                  k, 1, NULL);
        return;
    case QF_HAS:
        qsql_emit(b, strcmp(n->value, "figures") == 0 ? QS_HAS_FIGURES
                     : strcmp(n->value, "title") == 0 ? QS_HAS_TITLE
                                                       : QS_HAS_DATE,
                  NULL, 0, NULL);
        return;
    case QF_FIGURE:
        sql_figure(q, b, n);
        return;
    case QF_ENTITY:
    case QF_PERSON:
    case QF_ORG:
    case QF_COUNTRY: {
        const char *kind = n->field == QF_PERSON    ? qsql_text[QS_KIND_PERSON]
                           : n->field == QF_ORG     ? qsql_text[QS_KIND_ORG]
                           : n->field == QF_COUNTRY ? qsql_text[QS_KIND_COUNTRY]
                                                    : NULL;
        k[0] = add_param_name(q, n);
        if (n->prefix) { /* the LIKE pattern twice, then the prefix as written */
            int kp[3] = {k[0], k[0], add_param_text(q, xstrdup(n->value))};
            qsql_emit(b, QS_ENTITY_PREFIX, kp, 3, kind);
            return;
        }
        qsql_emit(b, QS_ENTITY, k, 1, kind);
        return;
    }
    case QF_TITLE:
        return; /* compiled as text */
    }
}

/* Append n as an SQL condition on documents "d". */
static void
sql_cond(struct qsql *q, struct buf *b, const struct qnode *n)
{
    if (n->kind != QN_FIELD && n->kind != QN_NOT && fts_ok(n)) {
        int k = add_param_text(q, fts_string(n));
        qsql_emit(b, QS_MATCH_IN, &k, 1, NULL);
        return;
    }
    switch (n->kind) {
    case QN_FIELD:
        sql_field(q, b, n);
        return;
    case QN_NOT:
        /* NULL (no source, no date) counts as "does not match" */
        buf_puts(b, "NOT coalesce(");
        sql_cond(q, b, n->kids[0]);
        buf_puts(b, ", 0)");
        return;
    case QN_AND:
    case QN_OR:
        buf_putc(b, '(');
        for (size_t i = 0; i < n->nkids; i++) {
            if (i)
                buf_puts(b, n->kind == QN_AND ? " AND " : " OR ");
            sql_cond(q, b, n->kids[i]);
        }
        buf_putc(b, ')');
        return;
    default:
        return;
    }
}

/* Collect positive text terms (not under a NOT) for highlighting. */
static void
collect_terms(struct qsql *q, const struct qnode *n)
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

/* ---- compiling a tree ------------------------------------------------------------------ */

/* Split root into the kids that become the ranked MATCH (*fts, an array of
 * borrowed nodes) and those that become SQL conditions (*rest). */
static void
qsql_split(const struct qnode *root, const struct qnode ***fts, size_t *nfts,
           const struct qnode ***rest, size_t *nrest)
{
    *fts = *rest = NULL;
    *nfts = *nrest = 0;
    if (!root)
        return;
    if (root->kind != QN_AND) {
        if (root->kind != QN_NOT && root->kind != QN_FIELD && fts_ok(root)) {
            *fts = xmalloc(sizeof **fts);
            (*fts)[(*nfts)++] = root;
        } else {
            *rest = xmalloc(sizeof **rest);
            (*rest)[(*nrest)++] = root;
        }
        return;
    }
    *fts = xmalloc(root->nkids * sizeof **fts);
    *rest = xmalloc(root->nkids * sizeof **rest);
    size_t npos = 0;
    for (size_t i = 0; i < root->nkids; i++) {
        const struct qnode *k = root->kids[i];
        bool text = k->kind == QN_NOT ? fts_ok(k->kids[0]) : fts_ok(k);
        if (text) {
            (*fts)[(*nfts)++] = k;
            npos += k->kind != QN_NOT;
        } else {
            (*rest)[(*nrest)++] = k;
        }
    }
    if (npos == 0) { /* only negations: they become SQL conditions */
        for (size_t i = 0; i < *nfts; i++)
            (*rest)[(*nrest)++] = (*fts)[i];
        *nfts = 0;
    }
}

/* The MATCH expression of the kids in fts[0..n), as one AND. */
static char *
qsql_fts_of(const struct qnode *const *fts, size_t n)
{
    if (n == 1)
        return fts_string(fts[0]);
    struct qnode and = {.kind = QN_AND, .kids = (struct qnode **)(uintptr_t)fts, .nkids = n};
    return fts_string(&and);
}

struct qsql *
qsql_compile(const struct qnode *root)
{
    struct qsql *q = xcalloc(1, sizeof *q);
    const struct qnode **fts, **rest;
    size_t nfts, nrest;
    qsql_split(root, &fts, &nfts, &rest, &nrest);

    /* The MATCH parameter is ?1; the conditions follow, shared by all forms. */
    int k = 0;
    if (nfts > 0) {
        q->fts = qsql_fts_of(fts, nfts);
        k = add_param_text(q, xstrdup(q->fts));
        for (size_t i = 0; i < nfts; i++)
            collect_terms(q, fts[i]);
    }
    struct buf conds = BUF_INIT;
    for (size_t i = 0; i < nrest; i++) {
        if (i)
            buf_puts(&conds, " AND ");
        sql_cond(q, &conds, rest[i]);
        collect_terms(q, rest[i]);
    }
    if (q->fts && nrest == 0) {
        /* text only: no join, so FTS5 alone produces ids and ranks */
        q->ranked = qsql_stmt_dup(QS_TEXT_RANKED, k, NULL);
        q->unranked = qsql_stmt_dup(QS_TEXT_UNRANKED, k, NULL);
        q->ids = qsql_stmt_dup(QS_TEXT_IDS, k, NULL);
    } else if (q->fts) {
        q->ranked = qsql_stmt_dup(QS_JOIN_RANKED, k, buf_str(&conds));
        q->unranked = qsql_stmt_dup(QS_JOIN_UNRANKED, k, buf_str(&conds));
    } else {
        q->ranked = qsql_stmt_dup(nrest > 0 ? QS_WHERE : QS_ALL, 0, buf_str(&conds));
    }
    if (!q->unranked)
        q->unranked = xstrdup(q->ranked);
    if (!q->ids)
        q->ids = xstrdup(q->unranked);
    buf_free(&conds);
    free(fts);
    free(rest);
    return q;
}

void
qsql_free(struct qsql **qp)
{
    struct qsql *q = *qp;
    if (!q)
        return;
    free(q->fts);
    free(q->ranked);
    free(q->unranked);
    free(q->ids);
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

/* ---- reading the compiled form --------------------------------------------------------- */

const char *
qsql_ranked(const struct qsql *q)
{
    return q->ranked;
}

const char *
qsql_unranked(const struct qsql *q)
{
    return q->unranked;
}

const char *
qsql_ids(const struct qsql *q)
{
    return q->ids;
}

size_t
qsql_param_count(const struct qsql *q)
{
    return q->nparams;
}

const struct qparam *
qsql_param_at(const struct qsql *q, size_t i)
{
    return i < q->nparams ? &q->params[i] : NULL;
}

const char *
qsql_fts(const struct qsql *q)
{
    return q->fts;
}

size_t
qsql_term_count(const struct qsql *q)
{
    return q->nterms;
}

const char *
qsql_term_at(const struct qsql *q, size_t i)
{
    return i < q->nterms ? q->terms[i] : NULL;
}

/*
 * corpus/figures.c — the figures table of a selection (corpus.h): rows
 * from the store, subject keys computed once per distinct subject, the
 * table's orders (corpus_figures_sort), and for a limited table grouped by
 * subject, the groups that make up its rows found first from ids and
 * subjects alone, so only those rows are read in full.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"

char *
corpus_fig_key(const char *subject, void *ud)
{
    (void)ud;
    char *clean = subject ? corpus_clean_line(subject, strlen(subject)) : NULL;
    char *key = corpus_subject_key(clean);
    free(clean);
    return key;
}

static int
corpus_cmp_fig_ptr_subject(const void *a, const void *b)
{
    const struct corpus_figure *x = *(const struct corpus_figure *const *)a;
    const struct corpus_figure *y = *(const struct corpus_figure *const *)b;
    if (!x->subject || !y->subject)
        return (x->subject != NULL) - (y->subject != NULL);
    return strcmp(x->subject, y->subject);
}

/* Subject keys, computed once per distinct subject (wire copy repeats the
 * same subjects across thousands of articles). */
static void
corpus_figures_keys(struct corpus_figure *v, size_t n)
{
    struct corpus_figure **p = xmalloc((n ? n : 1) * sizeof *p);
    for (size_t i = 0; i < n; i++)
        p[i] = &v[i];
    if (n > 1)
        qsort(p, n, sizeof *p, corpus_cmp_fig_ptr_subject);
    char *key = NULL;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || corpus_cmp_fig_ptr_subject(&p[i], &p[i - 1]) != 0) {
            free(key);
            key = corpus_subject_key(p[i]->subject);
        }
        p[i]->subject_key = xstrdup(key);
    }
    free(key);
    free(p);
}

/* ---- ordering -------------------------------------------------------------------------------- */

/* Figures (of a table, or of a pick) grouped by subject key. */
struct corpus_fs_group {
    size_t first, n;
    const char *key;
};

static int
corpus_cmp_fs_group(const void *a, const void *b)
{
    const struct corpus_fs_group *x = a, *y = b;
    bool xe = !*x->key, ye = !*y->key; /* figures without a subject go last */
    if (xe != ye)
        return xe ? 1 : -1;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return strcmp(x->key, y->key);
}

static int
corpus_cmp_opt(const char *a, const char *b)
{
    /* NULL (undated, no subject) sorts last */
    if (!a || !*a)
        return (b && *b) ? 1 : 0;
    if (!b || !*b)
        return -1;
    return strcmp(a, b);
}

static int
corpus_cmp_fig_common(const struct corpus_figure *x, const struct corpus_figure *y)
{
    if (x->doc_id != y->doc_id)
        return x->doc_id < y->doc_id ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

static int
corpus_cmp_fig_subject(const void *a, const void *b)
{
    const struct corpus_figure *x = a, *y = b;
    int c = corpus_cmp_opt(x->subject_key, y->subject_key);
    if (!c)
        c = corpus_cmp_opt(x->date, y->date);
    return c ? c : corpus_cmp_fig_common(x, y);
}

static int
corpus_cmp_fig_date(const void *a, const void *b)
{
    const struct corpus_figure *x = a, *y = b;
    int c = corpus_cmp_opt(x->date, y->date);
    return c ? c : corpus_cmp_fig_common(x, y);
}

static int
corpus_cmp_fig_value(const void *a, const void *b)
{
    const struct corpus_figure *x = a, *y = b;
    if (x->value != y->value)
        return x->value > y->value ? -1 : 1;
    return corpus_cmp_fig_date(a, b);
}

/* Subject groups in order of size (the subjects reported most often, where
 * a number's evolution shows, first), each group oldest first. */
static void
corpus_figures_group(struct corpus_figure *f, size_t n)
{
    qsort(f, n, sizeof *f, corpus_cmp_fig_subject);
    struct corpus_fs_group *g = xmalloc(n * sizeof *g);
    size_t ng = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || corpus_cmp_opt(f[i].subject_key, f[i - 1].subject_key) != 0)
            g[ng++] = (struct corpus_fs_group){i, 0, f[i].subject_key ? f[i].subject_key : ""};
        g[ng - 1].n++;
    }
    qsort(g, ng, sizeof *g, corpus_cmp_fs_group);
    struct corpus_figure *tmp = xmalloc(n * sizeof *tmp);
    size_t k = 0;
    for (size_t i = 0; i < ng; i++)
        for (size_t j = 0; j < g[i].n; j++)
            tmp[k++] = f[g[i].first + j];
    memcpy(f, tmp, n * sizeof *f);
    free(tmp);
    free(g);
}

void
corpus_figures_sort(struct corpus_figure *f, size_t n, enum corpus_fig_sort sort)
{
    if (n < 2)
        return;
    if (sort == CORPUS_FIG_BY_SUBJECT)
        corpus_figures_group(f, n);
    else
        qsort(f, n, sizeof *f,
              sort == CORPUS_FIG_BY_DATE ? corpus_cmp_fig_date : corpus_cmp_fig_value);
}

/* ---- picking the rows of a limited table by subject ------------------------------------------ */

struct corpus_fig_subj {
    int64_t id;
    char *subject; /* or NULL */
    char *key;     /* borrowed from the pick's keys */
};

/* The figures of a pick, their distinct keys (owned) and groups. */
struct corpus_pick {
    struct corpus_fig_subj *v;
    size_t n, cap;
    char **keys;
    size_t nkeys;
};

static int
corpus_cmp_fs_subject(const void *a, const void *b)
{
    const struct corpus_fig_subj *x = a, *y = b;
    if (!x->subject || !y->subject)
        return (x->subject != NULL) - (y->subject != NULL);
    return strcmp(x->subject, y->subject);
}

static int
corpus_cmp_fs_key(const void *a, const void *b)
{
    const struct corpus_fig_subj *x = a, *y = b;
    return strcmp(x->key, y->key);
}

/* A new figure of the pick (id only); the pointer lives until the next push. */
static struct corpus_fig_subj *
corpus_pick_push(struct corpus_pick *p, int64_t id)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 1024;
        p->v = xrealloc(p->v, p->cap * sizeof *p->v);
    }
    struct corpus_fig_subj *f = &p->v[p->n++];
    f->id = id;
    f->subject = NULL;
    f->key = NULL;
    return f;
}

/* A stored key (rows come by key: one copy per run). */
static void
corpus_pick_key_row(int64_t id, const char *k, void *ud)
{
    struct corpus_pick *p = ud;
    struct corpus_fig_subj *f = corpus_pick_push(p, id);
    if (!p->nkeys || strcmp(p->keys[p->nkeys - 1], k ? k : "") != 0) {
        if (p->nkeys % 1024 == 0)
            p->keys = xrealloc(p->keys, (p->nkeys + 1024) * sizeof *p->keys);
        p->keys[p->nkeys++] = xstrdup(k ? k : "");
    }
    f->key = p->keys[p->nkeys - 1];
}

/* A figure and its subject (cleaned) for the pick. */
static void
corpus_pick_subject_row(int64_t id, const char *t, void *ud)
{
    struct corpus_fig_subj *f = corpus_pick_push(ud, id);
    f->subject = t ? corpus_clean_line(t, strlen(t)) : NULL;
}

/* One key per distinct subject. */
static void
corpus_pick_keys(struct corpus_pick *p)
{
    if (p->n > 1)
        qsort(p->v, p->n, sizeof *p->v, corpus_cmp_fs_subject);
    p->keys = xmalloc((p->n ? p->n : 1) * sizeof *p->keys);
    for (size_t i = 0; i < p->n; i++) {
        if (i == 0 || corpus_cmp_fs_subject(&p->v[i], &p->v[i - 1]) != 0)
            p->keys[p->nkeys++] = corpus_subject_key(p->v[i].subject);
        p->v[i].key = p->keys[p->nkeys - 1];
    }
}

/* The ids of the biggest groups by key (the table's order) until max rows
 * are taken, into the store's picked set. */
static int
corpus_pick_groups(struct store *s, struct corpus_pick *p, size_t max, struct ds_error *err)
{
    struct corpus_fig_subj *v = p->v;
    size_t n = p->n, ng = 0;
    if (n > 1)
        qsort(v, n, sizeof *v, corpus_cmp_fs_key);
    struct corpus_fs_group *g = xmalloc((n ? n : 1) * sizeof *g);
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || strcmp(v[i].key, v[i - 1].key) != 0)
            g[ng++] = (struct corpus_fs_group){i, 0, v[i].key};
        g[ng - 1].n++;
    }
    if (ng > 1)
        qsort(g, ng, sizeof *g, corpus_cmp_fs_group);
    int64_t *ids = xmalloc((n ? n : 1) * sizeof *ids);
    size_t taken = 0;
    for (size_t k = 0; k < ng && taken < max; k++)
        for (size_t j = 0; j < g[k].n; j++)
            ids[taken++] = v[g[k].first + j].id;
    int rc = stats_figsel_add(s, ids, taken, err);
    free(ids);
    free(g);
    return rc;
}

/* For a table of the first max figures grouped by subject: put the ids of
 * the groups that make up those rows in the store's picked set (the order
 * is corpus_figures_sort's: biggest group first). */
static int
corpus_figures_pick(struct store *s, const struct corpus_sel *sel, size_t max,
                    struct ds_error *err)
{
    struct corpus_pick p = {0};
    if (stats_figsel_clear(s, err) != 0)
        return -1;
    int fresh = stats_tables_current(s, err);
    if (fresh < 0)
        return -1;
    if (fresh && sel->all)
        return stats_figsel_take_groups(s, max, err);
    int rc;
    if (fresh) {
        /* the keys were made at index time: group the selection's figures */
        rc = stats_fig_keys(s, sel->num, corpus_pick_key_row, &p, err);
    } else {
        rc = stats_fig_subjects(s, sel->num, corpus_pick_subject_row, &p, err);
        if (rc == 0)
            corpus_pick_keys(&p);
    }
    if (rc == 0)
        rc = corpus_pick_groups(s, &p, max, err);
    for (size_t i = 0; i < p.n; i++)
        free(p.v[i].subject);
    for (size_t i = 0; i < p.nkeys; i++)
        free(p.keys[i]);
    free(p.keys);
    free(p.v);
    return rc;
}

/* ---- the table ------------------------------------------------------------------------------- */

struct corpus_figs {
    struct corpus_figure *v;
    size_t n, cap;
};

/* corpus_clean_line of t, or NULL for NULL. */
static char *
corpus_clean_opt(const char *t)
{
    return t ? corpus_clean_line(t, strlen(t)) : NULL;
}

/* One row of stats_figures_each as a corpus_figure (text cleaned). */
static void
corpus_fig_row(const struct stats_fig *r, void *ud)
{
    struct corpus_figs *a = ud;
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 256;
        a->v = xrealloc(a->v, a->cap * sizeof *a->v);
    }
    struct corpus_figure *f = &a->v[a->n++];
    memset(f, 0, sizeof *f);
    f->doc_id = r->doc_id;
    f->date = r->date ? xstrdup(r->date) : NULL;
    f->source = corpus_clean_opt(r->source);
    f->text = corpus_clean_opt(r->text);
    f->value = r->value;
    f->unit = corpus_clean_opt(r->unit);
    f->kind = corpus_clean_opt(r->kind);
    f->period = corpus_clean_opt(r->period);
    f->subject = corpus_clean_opt(r->subject);
    f->start = r->start;
    f->end = r->end;
}

int
corpus_figures(struct store *s, const struct corpus_sel *sel, enum corpus_fig_sort sort,
               size_t max, struct corpus_figure **out, size_t *n_out, struct ds_error *err)
{
    *out = NULL;
    *n_out = 0;
    int cached = stats_tables_current(s, err);
    if (cached < 0)
        return -1;
    /* a limited table by subject reads only the rows it will show */
    bool picked = max && sort == CORPUS_FIG_BY_SUBJECT;
    if (picked && corpus_figures_pick(s, sel, max, err) != 0)
        return -1;
    struct corpus_figs a = {0};
    if (stats_figures_each(s, sel->num, picked, cached, corpus_fig_row, &a, err) != 0) {
        corpus_figures_free(a.v, a.n);
        return -1;
    }
    corpus_figures_keys(a.v, a.n);
    corpus_figures_sort(a.v, a.n, sort);
    if (max && a.n > max) {
        for (size_t i = max; i < a.n; i++)
            corpus_figure_clear(&a.v[i]);
        a.n = max;
    }
    *out = a.v;
    *n_out = a.n;
    return 0;
}

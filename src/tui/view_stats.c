/*
 * view_stats.c — the statistics view (S): for the articles the current query
 * (and topic filter) selects, coverage over time with a sparkline per top
 * topic, topics, outlets, entities, the entities named together most,
 * distinctive terms (keyness against the whole corpus) and the figures
 * grouped by subject (or by date or value: toggle-sort cycles), and the
 * themes `dossier themes` saved (their articles in the selection). Full
 * screen, like compare.
 *
 * The numbers come from corpus.h and are computed once per query (the view
 * keeps them, keyed by the query text and topic, until the query changes);
 * corpus_render_*() turns them into lines no wider than the pane, and the
 * lines are re-rendered (not recomputed) when the width changes. Each line
 * has an item saying what Enter does on it: a bar, topic, outlet, entity or
 * pair adds a filter to the query (after:/before:, topic:, source:,
 * person:/org:/country:/entity:); a distinctive term opens keyword in
 * context; a figure opens its article in the reader at that figure.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/corpus.h"
#include "dossier/query.h"
#include "dossier/utf8.h"
#include "stats_state.h"
#include "tui.h"
#include "view_stats.h"

/* Figures listed under the tables (the biggest subject groups first). */
#define STATS_MAX_FIGURES 400
#define STATS_MAX_ROWS 10
#define STATS_MAX_TERMS 12
#define STATS_MAX_WIDTH 120
/* Distinctive terms tokenize the selection's text (sampled to ~4 MB): this
 * many articles per step between keys (a few ms each). */
#define STATS_KEYNESS_STEP 48

/* The entity kinds listed on their own, after the mixed top entities. */
const enum entity_kind stats_kinds[STATS_NKINDS] = {ENTITY_PERSON, ENTITY_ORG, ENTITY_COUNTRY,
                                                    ENTITY_PLACE};
const char *const stats_kind_titles[STATS_NKINDS] = {"people", "organisations", "countries",
                                                     "places"};

/* One statistics view per process, like the one app. */
static struct stats_state stats;

static void
stats_lines_clear(void)
{
    for (size_t i = 0; i < stats.nlines; i++)
        free(stats.items[i].arg);
    free(stats.items);
    corpus_lines_free(stats.lines, stats.nlines);
    stats.items = NULL;
    stats.lines = NULL;
    stats.nlines = 0;
    stats.width = 0;
}

static void
stats_close(struct app *app)
{
    (void)app;
    stats_lines_clear();
    corpus_sel_free(&stats.sel);
    corpus_overview_clear(&stats.ov);
    corpus_figures_free(stats.figs, stats.nfigs);
    for (size_t i = 0; stats.kn_forms && i < stats.kn.nterms; i++)
        free(stats.kn_forms[i]);
    free(stats.kn_forms);
    corpus_keyness_clear(&stats.kn);
    corpus_keyness_end(&stats.kscan);
    for (int k = 0; k < STATS_NKINDS; k++)
        corpus_counts_free(stats.kinds[k], stats.nkinds[k]);
    corpus_counts_free(stats.themes, stats.nthemes);
    free(stats.error);
    free(stats.key);
    memset(&stats, 0, sizeof stats);
}

/* The cache key: what the list shows. */
static char *
stats_key(const struct app *app)
{
    return xasprintf("%s\n%s", app->query_text ? app->query_text : "",
                     app->topic ? app->topic : "");
}

static bool
stats_current(const struct app *app)
{
    char *k = stats_key(app);
    bool same = stats.key && strcmp(stats.key, k) == 0;
    free(k);
    return same;
}

static int
stats_open(struct app *app)
{
    if (stats_current(app))
        return stats.ready ? 0 : -1;
    struct ds_error err;
    ds_error_clear(&err);
    stats_close(app);
    stats.key = stats_key(app);
    double t0 = ds_now();
    const struct query *q = app_query(app);
    if (corpus_select(app->store, q, &stats.sel, &err) != 0 ||
        corpus_overview(app->store, stats.sel, STATS_MAX_ROWS, &stats.ov, &err) != 0) {
        stats.error = xstrdup(err.msg[0] ? err.msg : "statistics failed");
        corpus_sel_free(&stats.sel);
        stats.stage = STAGE_DONE;
        return -1;
    }
    stats.fig_sort = CORPUS_FIG_BY_SUBJECT;
    stats.stage = STAGE_KINDS;
    stats.ms = (ds_now() - t0) * 1000.0;
    stats.ready = true;
    return 0;
}

static bool
stats_pending(void)
{
    return stats.ready && stats.stage != STAGE_DONE;
}

/* The index's terms are stems ("agricultur"): show each as it is written
 * at its first occurrence ("agricultural"; one KWIC lookup, about 1 ms). */
static void
stats_term_forms(struct app *app)
{
    stats.has_keyness = true;
    stats.kn_forms = xcalloc(stats.kn.nterms + 1, sizeof *stats.kn_forms);
    for (size_t i = 0; i < stats.kn.nterms; i++) {
        struct corpus_kwic *kw = NULL;
        size_t n = 0;
        struct ds_error err;
        ds_error_clear(&err);
        if (corpus_kwic_find(app->store, stats.sel, stats.kn.terms[i].term, 1, 1, &kw, &n, NULL,
                             &err) == 0 &&
            n && kw[0].kw && *kw[0].kw)
            stats.kn_forms[i] = xstrdup(kw[0].kw);
        corpus_kwic_free(kw, n);
    }
}

static bool
stats_step(struct app *app)
{
    if (!stats_pending())
        return false;
    struct ds_error err;
    ds_error_clear(&err);
    double t0 = ds_now();
    if (stats.stage == STAGE_KINDS) {
        stats.has_kinds = true;
        for (int k = 0; k < STATS_NKINDS; k++)
            if (corpus_entities(app->store, stats.sel, (int)stats_kinds[k], STATS_MAX_PER_KIND,
                                &stats.kinds[k], &stats.nkinds[k], &err) != 0) {
                stats.kinds[k] = NULL;
                stats.nkinds[k] = 0;
                stats.has_kinds = false;
            }
        if (corpus_theme_counts(app->store, stats.sel, &stats.themes, &stats.nthemes, &err) != 0) {
            stats.themes = NULL;
            stats.nthemes = 0;
        }
        stats.stage = STAGE_FIGURES;
    } else if (stats.stage == STAGE_FIGURES) {
        if (corpus_figures(app->store, stats.sel, CORPUS_FIG_BY_SUBJECT, STATS_MAX_FIGURES,
                           &stats.figs, &stats.nfigs, &err) != 0) {
            app_message(app, ROLE_ERROR, "figures: %s", err.msg);
            stats.figs = NULL;
            stats.nfigs = 0;
        }
        stats.stage = STAGE_KEYNESS;
    } else {
        /* against the whole corpus (nothing is distinctive of everything),
         * a few articles per step */
        bool done = true;
        if (!corpus_sel_is_all(stats.sel) && corpus_sel_count(stats.sel) > 0 &&
            (stats.kscan || corpus_keyness_begin(app->store, stats.sel, STATS_MAX_TERMS, 0,
                                                 &stats.kscan, &err) == 0)) {
            int more = corpus_keyness_more(stats.kscan, STATS_KEYNESS_STEP, &err);
            if (more > 0)
                done = false;
            else if (more == 0 && corpus_keyness_finish(stats.kscan, &stats.kn, &err) == 0)
                stats_term_forms(app);
            else
                corpus_keyness_clear(&stats.kn);
        }
        if (done) {
            corpus_keyness_end(&stats.kscan);
            stats.stage = STAGE_DONE;
            corpus_sel_free(&stats.sel);
        }
    }
    stats.ms += (ds_now() - t0) * 1000.0;
    stats.width = 0; /* re-render with the new part */
    return stats.stage != STAGE_DONE;
}

/* ---- lines and what Enter does on each ------------------------------------------------ */

static char *
stats_kind_filter(enum entity_kind k, const char *name)
{
    return view_stats_entity_filter(entity_kind_name(k), name);
}

struct stats_builder {
    char **lines;
    struct stats_item *items;
    size_t n, cap;
    int sec; /* the section lines pushed now belong to */
};

static void
stats_push(struct stats_builder *sb, char *line, enum stats_item_kind kind, char *arg, size_t fig)
{
    if (sb->n == sb->cap) {
        sb->cap = sb->cap ? sb->cap * 2 : 128;
        sb->lines = xrealloc(sb->lines, sb->cap * sizeof *sb->lines);
        sb->items = xrealloc(sb->items, sb->cap * sizeof *sb->items);
    }
    sb->lines[sb->n] = line;
    sb->items[sb->n] = (struct stats_item){kind, arg, fig, sb->sec};
    sb->n++;
}

/* Lines of the overview with their items: the walk follows the layout
 * corpus_render_overview documents (title, bars, series; then each table
 * as blank, title, rows or "(none)"). When the counts disagree the lines
 * are kept without items. */
static void
stats_overview_lines(struct stats_builder *sb, size_t w)
{
    char **a;
    size_t na;
    const struct corpus_overview *o = &stats.ov;
    const struct corpus_timeline *t = &o->timeline;
    corpus_render_overview(o, w, &a, &na);
    struct stats_item *it = xcalloc(na + 1, sizeof *it);
    size_t secstart[SEC_TERMS] = {0};
    size_t i = 1; /* the summary line */
    for (size_t k = 0; k < t->nbuckets && i < na; k++, i++)
        it[i] = (struct stats_item){
            SI_FILTER, view_stats_period_filter(t->buckets[k].key, (int)t->unit), 0, 0};
    secstart[SEC_SERIES] = i;
    if (t->nbuckets && t->nseries) {
        i += 2;
        for (size_t k = 0; k < t->nseries && i < na; k++, i++)
            it[i] = (struct stats_item){SI_FILTER, query_field_text(QF_TOPIC, t->series[k].key),
                                        0, 0};
    }
    const struct corpus_count *tabs[3] = {o->topics, o->sources, o->entities};
    size_t ns[3] = {o->ntopics, o->nsources, o->nentities};
    for (int tab = 0; tab < 3; tab++) {
        secstart[SEC_TOPICS + tab] = i;
        i += 2;
        if (!ns[tab])
            i++;
        for (size_t k = 0; k < ns[tab] && i < na; k++, i++) {
            const struct corpus_count *c = &tabs[tab][k];
            char *f;
            if (tab == 0) {
                f = query_field_text(QF_TOPIC, c->key);
            } else if (tab == 1) {
                f = query_field_text(QF_SOURCE, c->key);
                if (strcmp(c->key, "(unknown)") == 0)
                    ds_freep(&f);
            } else {
                f = view_stats_entity_filter(c->label, c->key);
            }
            it[i] = (struct stats_item){f ? SI_FILTER : SI_NONE, f, 0, 0};
        }
    }
    secstart[SEC_PAIRS] = i;
    i += 2;
    if (!o->npairs)
        i++;
    for (size_t k = 0; k < o->npairs && i < na; k++, i++) {
        char *fa = stats_kind_filter(o->pairs[k].kind_a, o->pairs[k].a);
        char *fb = stats_kind_filter(o->pairs[k].kind_b, o->pairs[k].b);
        it[i] = (struct stats_item){SI_FILTER, xasprintf("%s %s", fa, fb), 0, 0};
        free(fa);
        free(fb);
    }
    bool match = i == na;
    for (size_t k = 0; k < na; k++) {
        if (!match) {
            free(it[k].arg);
            it[k] = (struct stats_item){SI_NONE, NULL, 0, 0};
        }
        sb->sec = SEC_TIMELINE;
        for (int sec = SEC_SERIES; match && sec < SEC_TERMS; sec++)
            if (k >= secstart[sec] && secstart[sec])
                sb->sec = sec;
        stats_push(sb, a[k], it[k].kind, it[k].arg, 0);
    }
    free(it);
    free(a);
}

/* Append s cut (with an ellipsis) or padded to exactly cols columns. */
static void
stats_cell(struct buf *b, const char *s, size_t cols)
{
    size_t n = strlen(s), w = layout_width(s, n);
    if (w > cols && cols > 0) {
        size_t used;
        size_t k = utf8_prefix_for_width(s, n, cols - 1, &used);
        buf_append(b, s, k);
        buf_puts(b, "…");
        w = used + 1;
    } else {
        buf_puts(b, s);
    }
    for (; w < cols; w++)
        buf_putc(b, ' ');
}

/* The top entities of each kind: name, articles, share; Enter filters. */
static void
stats_kind_lines(struct stats_builder *sb, size_t w)
{
    if (!stats.has_kinds)
        return;
    size_t name = w > 24 ? w - 18 : 6;
    for (int k = 0; k < STATS_NKINDS; k++) {
        sb->sec = SEC_KIND0 + k;
        stats_push(sb, xstrdup(""), SI_NONE, NULL, 0);
        stats_push(sb,
                   xasprintf("%s%s", stats_kind_titles[k],
                             stats.ov.estimated ? " (estimated from a sample)" : ""),
                   SI_NONE, NULL, 0);
        if (!stats.nkinds[k])
            stats_push(sb, xstrdup("  (none)"), SI_NONE, NULL, 0);
        for (size_t i = 0; i < stats.nkinds[k]; i++) {
            const struct corpus_count *c = &stats.kinds[k][i];
            char num[32];
            struct buf b = BUF_INIT;
            buf_puts(&b, "  ");
            stats_cell(&b, c->key, name);
            layout_thousands(c->count, num, sizeof num);
            buf_printf(&b, "%9s %5.1f%%", num, c->share * 100.0);
            stats_push(sb, buf_steal(&b), SI_FILTER, stats_kind_filter(stats_kinds[k], c->key), 0);
        }
    }
}

static void
stats_keyness_lines(struct stats_builder *sb, size_t w)
{
    if (!stats.has_keyness)
        return;
    sb->sec = SEC_TERMS;
    stats_push(sb, xstrdup(""), SI_NONE, NULL, 0);
    stats_push(sb,
               xasprintf("distinctive terms (against the whole corpus%s)",
                         stats.kn.sampled ? ", sampled" : ""),
               SI_NONE, NULL, 0);
    size_t name = w > 40 ? w - 36 : 4;
    if (name > 30)
        name = 30;
    if (!stats.kn.nterms) {
        stats_push(sb, xstrdup("  (none)"), SI_NONE, NULL, 0);
    } else {
        struct buf h = BUF_INIT;
        buf_puts(&h, "  term (Enter: in context)");
        for (size_t c = 26; c < name + 2; c++)
            buf_putc(&h, ' ');
        buf_puts(&h, "     here elsewhere");
        stats_push(sb, buf_steal(&h), SI_NONE, NULL, 0);
    }
    for (size_t k = 0; k < stats.kn.nterms; k++) {
        const struct corpus_term *t = &stats.kn.terms[k];
        char a[32], b[32];
        layout_thousands(t->a, a, sizeof a);
        layout_thousands(t->b, b, sizeof b);
        const char *form = stats.kn_forms && stats.kn_forms[k] ? stats.kn_forms[k] : t->term;
        char *clean = corpus_clean_line(form, strlen(form));
        struct buf line = BUF_INIT;
        buf_puts(&line, "  ");
        buf_puts(&line, clean);
        for (size_t c = layout_width(clean, strlen(clean)); c < name; c++)
            buf_putc(&line, ' ');
        buf_printf(&line, " %8s %9s  G2 %.1f", a, b, t->g2);
        stats_push(sb, buf_steal(&line), SI_TERM, clean, 0);
    }
}

static void
stats_figure_lines(struct stats_builder *sb, size_t w)
{
    if (!stats.nfigs)
        return;
    bool grouped = stats.fig_sort == CORPUS_FIG_BY_SUBJECT;
    static const char *const by[] = {"by subject", "by date", "by value"};
    sb->sec = SEC_FIGURES;
    stats_push(sb, xstrdup(""), SI_NONE, NULL, 0);
    stats_push(sb,
               xasprintf("figures %s%s (toggle-sort cycles)", by[stats.fig_sort % 3],
                         stats.nfigs == STATS_MAX_FIGURES ? ", first 400" : ""),
               SI_NONE, NULL, 0);
    char **b;
    size_t nb;
    corpus_render_figures(stats.figs, stats.nfigs, grouped, w < 40 ? 40 : w, &b, &nb);
    /* grouped: a blank line (but first) and a header open each subject */
    size_t li = 0;
    for (size_t k = 0; k < stats.nfigs && li < nb; k++) {
        if (grouped &&
            (k == 0 || strcmp(stats.figs[k].subject_key, stats.figs[k - 1].subject_key) != 0)) {
            if (k > 0 && li < nb)
                stats_push(sb, b[li++], SI_NONE, NULL, 0);
            if (li < nb)
                stats_push(sb, b[li++], SI_NONE, NULL, 0);
        }
        if (li < nb)
            stats_push(sb, b[li++], SI_FIGURE, NULL, k);
    }
    for (; li < nb; li++)
        stats_push(sb, b[li], SI_NONE, NULL, 0);
    free(b);
}

/* Render for width w when it changed. */
/* The saved themes (`dossier themes`) with their articles in the
 * selection: label, articles, share; Enter adds theme:N. Nothing when the
 * index has no themes. */
static void
stats_theme_lines(struct stats_builder *sb, size_t w)
{
    if (!stats.nthemes)
        return;
    size_t name = w > 24 ? w - 18 : 6;
    sb->sec = SEC_THEMES;
    stats_push(sb, xstrdup(""), SI_NONE, NULL, 0);
    stats_push(sb, xstrdup("themes"), SI_NONE, NULL, 0);
    for (size_t i = 0; i < stats.nthemes; i++) {
        const struct corpus_count *c = &stats.themes[i];
        char num[32];
        struct buf b = BUF_INIT;
        buf_puts(&b, "  ");
        stats_cell(&b, c->label ? c->label : c->key, name);
        layout_thousands(c->count, num, sizeof num);
        buf_printf(&b, "%9s %5.1f%%", num, c->share * 100.0);
        stats_push(sb, buf_steal(&b), SI_FILTER, xasprintf("theme:%s", c->key), 0);
    }
}

static void
stats_layout(int w)
{
    if (stats.width == w && stats.lines)
        return;
    stats_lines_clear();
    stats.width = w;
    if (!stats.ready || w < 30)
        return;
    struct stats_builder sb = {0};
    /* tables wider than this put the counts too far from the names */
    stats_overview_lines(&sb, (size_t)(w > STATS_MAX_WIDTH ? STATS_MAX_WIDTH : w));
    stats_kind_lines(&sb, (size_t)(w > STATS_MAX_WIDTH ? STATS_MAX_WIDTH : w));
    stats_theme_lines(&sb, (size_t)(w > STATS_MAX_WIDTH ? STATS_MAX_WIDTH : w));
    stats_keyness_lines(&sb, (size_t)w);
    stats_figure_lines(&sb, (size_t)w);
    if (stats.stage != STAGE_DONE) {
        stats_push(&sb, xstrdup(""), SI_NONE, NULL, 0);
        stats_push(&sb,
                   xstrdup(stats.stage == STAGE_KINDS     ? "computing entities by kind…"
                           : stats.stage == STAGE_FIGURES ? "computing the figures…"
                                                          : "computing distinctive terms…"),
                   SI_NONE, NULL, 0);
    }
    stats.lines = sb.lines;
    stats.items = sb.items;
    stats.nlines = sb.n;
}

static size_t
stats_count(struct app *app, struct pane *p)
{
    (void)app;
    if (!stats.ready)
        return 1;
    stats_layout(p->w);
    return stats.nlines;
}

static void
stats_title(struct app *app, struct pane *p, struct buf *out)
{
    if (!stats.ready)
        return;
    char n[32];
    layout_thousands(stats.ov.documents, n, sizeof n);
    buf_printf(out, "%s article%s, %.0f ms%s", n, stats.ov.documents == 1 ? "" : "s",
               app->script ? 0.0 : stats.ms, stats.ov.estimated ? ", entities estimated" : "");
    if (stats.stage != STAGE_DONE) {
        buf_printf(out, "  computing %s…",
                   stats.stage == STAGE_KINDS     ? "entities by kind"
                   : stats.stage == STAGE_FIGURES ? "the figures"
                                                  : "distinctive terms");
        if (stats.kscan) {
            size_t done, total;
            corpus_keyness_progress(stats.kscan, &done, &total);
            char a[32], b[32];
            layout_thousands((int64_t)done, a, sizeof a);
            layout_thousands((int64_t)total, b, sizeof b);
            buf_printf(out, " (%s of %s articles read)", a, b);
        }
    }
    else if (stats.nlines && p->sel < stats.nlines && stats.items[p->sel].kind == SI_FILTER)
        buf_printf(out, "  Enter: %s", stats.items[p->sel].arg);
    else if (stats.nlines && p->sel < stats.nlines && stats.items[p->sel].kind == SI_TERM)
        buf_printf(out, "  Enter: %s in context", stats.items[p->sel].arg);
    else if (stats.nlines && p->sel < stats.nlines && stats.items[p->sel].kind == SI_FIGURE)
        buf_puts(out, "  Enter: read the article at this figure");
}

/* Section titles are the unindented lines that are not timeline rows. */
static int
stats_role(size_t i)
{
    const char *line = stats.lines[i];
    if (!*line || *line == ' ' || stats.items[i].kind != SI_NONE)
        return ROLE_NORMAL;
    return ROLE_TITLE;
}

static void
stats_draw_line(struct app *app, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
    (void)app;
    if (!stats.ready) {
        draw_text(y, x, w, stats.error ? stats.error : "computing…",
                  stats.error ? ROLE_ERROR : ROLE_DIM, true);
        return;
    }
    stats_layout(p->w);
    if (i >= stats.nlines) {
        draw_text(y, x, w, "", ROLE_NORMAL, true);
        return;
    }
    draw_text(y, x, w, stats.lines[i], sel ? ROLE_SELECTION : stats_role(i), true);
}

static bool
stats_action(struct app *app, struct pane *p, int action)
{
    if (!stats.ready)
        return false;
    if (action == ACT_SORT) {
        stats.fig_sort = (stats.fig_sort + 1) % 3;
        corpus_figures_sort(stats.figs, stats.nfigs, (enum corpus_fig_sort)stats.fig_sort);
        stats.width = 0;
        stats_layout(p->w);
        /* keep the selection in the figures: on the first figure row */
        for (size_t i = 0; i < stats.nlines; i++)
            if (stats.items[i].kind == SI_FIGURE) {
                p->sel = i;
                p->top = i > 2 ? i - 2 : 0;
                break;
            }
        static const char *const by[] = {"subject", "date", "value"};
        app_message(app, ROLE_STATUS, "figures sorted by %s", by[stats.fig_sort]);
        return true;
    }
    if (action != ACT_ENTER)
        return false;
    stats_layout(p->w);
    if (p->sel >= stats.nlines)
        return true;
    const struct stats_item *it = &stats.items[p->sel];
    switch (it->kind) {
    case SI_FILTER: {
        char *f = xstrdup(it->arg);
        app_view_pop(app);
        app_add_filter(app, f);
        if (app->shown[PANE_LIST])
            app->focus = PANE_LIST; /* the filtered list */
        free(f);
        break;
    }
    case SI_FIGURE: {
        const struct corpus_figure *fg = &stats.figs[it->fig];
        main_open_at(app, fg->doc_id, fg->start, fg->end);
        break;
    }
    case SI_TERM: {
        char *term = xstrdup(it->arg);
        view_kwic_show(app, term);
        free(term);
        break;
    }
    default:
        app_message(app, ROLE_STATUS, "nothing to select on this line");
        break;
    }
    return true;
}

static long
stats_export(struct app *app, FILE *f, int fmt, const char **what)
{
    *what = "row";
    if (!stats.ready)
        return 0;
    struct pane *p = &app_view(app, VIEW_STATS)->pane;
    stats_layout(p->w > 0 ? p->w : app->cols);
    int sec = p->sel < stats.nlines ? stats.items[p->sel].sec : SEC_TIMELINE;
    return stats_export_table(&stats, sec, f, fmt, what);
}

static const struct pane_ops stats_pane_ops = {
    .title = "Statistics",
    .selectable = true,
    .count = stats_count,
    .title_extra = stats_title,
    .draw_line = stats_draw_line,
    .action = stats_action,
};

/* ---- the view ------------------------------------------------------------------------------ */

void
view_stats_show(struct app *app)
{
    app_view_close(app, VIEW_KWIC);
    app_view_push(app, VIEW_STATS);
    if (stats_current(app))
        return;
    stats_close(app);
    struct pane *p = &app_view(app, VIEW_STATS)->pane;
    p->ops = &stats_pane_ops;
    p->top = p->sel = 0;
    app_draw(app);
    if (stats_open(app) == 0)
        p->sel = 1; /* the first bar */
    /* scripts compute every part at once; a terminal shows each as it comes
     * (app_idle computes the rest between keys) */
    while (app->script && stats_step(app))
        ;
}

static bool
stats_on_key(struct app *app, struct view *v, int key, int action)
{
    return pane_full_key(app, v, key, action, ACT_STATS);
}

static bool
stats_busy(struct app *app, struct view *v)
{
    (void)app;
    (void)v;
    return stats_pending();
}

static bool
stats_idle(struct app *app, struct view *v)
{
    (void)v;
    stats_step(app);
    return true;
}

static long
stats_on_export(struct app *app, struct view *v, FILE *f, int fmt, const char **what,
                struct ds_error *err)
{
    (void)err;
    (void)v;
    return stats_export(app, f, fmt, what);
}

static void
stats_free(struct app *app, struct view *v)
{
    (void)v;
    stats_close(app);
}

/* Closed: its tables can be tens of megabytes; opening it again computes
 * them again (issue 16: the browser gives memory back). */
static void
stats_done(struct app *app, struct view *v)
{
    stats_free(app, v);
    app_release_memory(app);
}

const struct view_ops stats_view_ops = {
    .name = "statistics",
    .layout = pane_full_layout,
    .draw = pane_full_draw,
    .hint = "Enter filter/open  O figures order  e export  w word  q close",
    .key = stats_on_key,
    .busy = stats_busy,
    .idle = stats_idle,
    .export = stats_on_export,
    .done = stats_done,
    .free = stats_free,
};

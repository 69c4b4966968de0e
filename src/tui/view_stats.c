/*
 * view_stats.c — the statistics view: for the articles the current query
 * (and topic filter) selects, coverage over time with a sparkline per top
 * topic, topics, outlets, entities, the entities named together most, and
 * the figures grouped by subject. Full screen, like compare.
 *
 * The numbers come from corpus.h; corpus_render_*() turns them into lines
 * no wider than the pane, and the lines are re-rendered (not recomputed)
 * when the width changes. The first opening warms the per-connection
 * tables (corpus_warm: about 1 s at 100k documents, once); after that a
 * query change costs tens of milliseconds (see the corpus module's report).
 *
 * Wiring (app.c, tui.h, tui.am — the TUI's files): see view_stats.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/corpus.h"
#include "dossier/query.h"
#include "tui.h"
#include "view_stats.h"

/* Figures listed under the tables (the biggest subject groups first). */
#define STATS_MAX_FIGURES 400

struct stats_state {
    bool ready;
    char *error;                /* why there is nothing to show, or NULL */
    struct corpus_overview ov;
    struct corpus_figure *figs;
    size_t nfigs;
    char **lines;               /* rendered for width */
    size_t nlines;
    int width;
    double ms;
};

/* One statistics view per process, like the one app. */
static struct stats_state stats;

static void
stats_lines_clear(void)
{
    corpus_lines_free(stats.lines, stats.nlines);
    stats.lines = NULL;
    stats.nlines = 0;
    stats.width = 0;
}

void
view_stats_close(struct app *app)
{
    (void)app;
    stats_lines_clear();
    corpus_overview_clear(&stats.ov);
    corpus_figures_free(stats.figs, stats.nfigs);
    free(stats.error);
    memset(&stats, 0, sizeof stats);
}

int
view_stats_open(struct app *app)
{
    struct ds_error err;
    struct corpus_sel *sel = NULL;
    ds_error_clear(&err);
    view_stats_close(app);
    double t0 = ds_now();
    const struct query *q = app->effective ? app->effective : app->query;
    if (corpus_warm(app->store, &err) != 0 || corpus_select(app->store, q, &sel, &err) != 0 ||
        corpus_overview(app->store, sel, 10, &stats.ov, &err) != 0 ||
        corpus_figures(app->store, sel, CORPUS_FIG_BY_SUBJECT, STATS_MAX_FIGURES, &stats.figs,
                       &stats.nfigs, &err) != 0) {
        stats.error = xstrdup(err.msg[0] ? err.msg : "statistics failed");
        corpus_sel_free(&sel);
        return -1;
    }
    corpus_sel_free(&sel);
    stats.ms = (ds_now() - t0) * 1000.0;
    stats.ready = true;
    return 0;
}

/* Render for width w when it changed. */
static void
stats_layout(int w)
{
    if (stats.width == w && stats.lines)
        return;
    stats_lines_clear();
    stats.width = w;
    if (!stats.ready || w < 30)
        return;
    char **a, **b;
    size_t na, nb;
    corpus_render_overview(&stats.ov, (size_t)w, &a, &na);
    corpus_render_figures(stats.figs, stats.nfigs, true, (size_t)(w < 40 ? 40 : w), &b, &nb);
    stats.lines = xmalloc((na + nb + 2) * sizeof *stats.lines);
    memcpy(stats.lines, a, na * sizeof *a);
    stats.nlines = na;
    if (nb) {
        stats.lines[stats.nlines++] = xstrdup("");
        stats.lines[stats.nlines++] = xasprintf("figures by subject%s",
                                                stats.nfigs == STATS_MAX_FIGURES ? " (first 400)"
                                                                                 : "");
        memcpy(stats.lines + stats.nlines, b, nb * sizeof *b);
        stats.nlines += nb;
    }
    free(a);
    free(b);
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
    (void)app;
    (void)p;
    if (!stats.ready)
        return;
    char n[32];
    layout_thousands(stats.ov.documents, n, sizeof n);
    buf_printf(out, "%s article%s, %.0f ms%s", n, stats.ov.documents == 1 ? "" : "s", stats.ms,
               stats.ov.estimated ? ", entities estimated" : "");
}

/* Section titles are the unindented lines that are not timeline rows. */
static int
stats_role(const char *line)
{
    if (!*line || *line == ' ')
        return ROLE_NORMAL;
    if (*line >= '0' && *line <= '9' && strstr(line, "article") == NULL)
        return ROLE_NORMAL; /* a timeline bucket: "2021-03  12 ███" */
    return ROLE_TITLE;
}

static void
stats_draw_line(struct app *app, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
    (void)app;
    (void)sel;
    if (!stats.ready) {
        draw_text(y, x, w, stats.error ? stats.error : "no statistics", ROLE_ERROR, true);
        return;
    }
    stats_layout(p->w);
    if (i >= stats.nlines) {
        draw_text(y, x, w, "", ROLE_NORMAL, true);
        return;
    }
    draw_text(y, x, w, stats.lines[i], stats_role(stats.lines[i]), true);
}

const struct view_ops view_stats_ops = {
    .title = "Statistics",
    .selectable = false,
    .count = stats_count,
    .title_extra = stats_title,
    .draw_line = stats_draw_line,
};

/*
 * view_compare.c — two articles side by side (compare.h), full screen.
 *
 * Opening: `m` marks the article in the reader as A (the list shows it),
 * `c` on another article compares the two (`c` with nothing marked marks),
 * `C` compares the article with the best version of its story from another
 * outlet (story_best_other: its story's other-outlet article that
 * similar_find ranks highest, else the best other-outlet result that is
 * probably the same story).
 *
 * The screen: a summary strip on top, a ruler naming the columns, then the
 * aligned rows around a gutter with each row's mark (the lines are laid
 * out in compare_grid.c).
 *
 * Moving: both sides scroll together; `u` unlocks them, and Tab then picks
 * the side that scrolls (locked, it picks the side Enter/o opens in the
 * reader); n/N jump between differences; `x` swaps A and B; q closes.
 *
 * The view keeps its own scroll offsets (count() is the pane's height, so
 * app.c's generic top stays 0) because the strip does not scroll and the
 * two sides may scroll apart. A resize re-wraps and keeps the aligned row
 * at the top of each side.
 *
 * Two sets of articles (`=`, "QUERY vs QUERY"): the same screen shows the
 * terms, entities and topics distinctive of each side (compare_two_sets, as
 * `dossier compare --left --right` counts them) in the two columns.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/store_similar.h"
#include "dossier/story.h"
#include "view_compare.h"

static void
state_free(struct cmp_state **sp)
{
    struct cmp_state *s = *sp;
    if (!s)
        return;
    cmp_summary_clear(&s->sum);
    cmp_result_clear(&s->r);
    extraction_clear(&s->xa);
    extraction_clear(&s->xb);
    doc_record_clear(&s->da);
    doc_record_clear(&s->db);
    grid_clear(&s->hdr);
    grid_clear(&s->body);
    cmp_sets_clear(&s->cs);
    free(s->query_a);
    free(s->query_b);
    free(s);
    *sp = NULL;
}

static const struct pane_ops compare_pane_ops;

/* The comparison shown (the compare view's state), or NULL. */
static struct cmp_state *
cmp_of(struct app *app)
{
    return app_view(app, VIEW_COMPARE)->state;
}

/* Show s (replacing the comparison shown, if any) over the whole screen,
 * as app_layout will give it, so that keys typed ahead (handled before the
 * next draw) already scroll the right pane. */
static void
cmp_show(struct app *app, struct cmp_state *s)
{
    struct view *v = app_view(app, VIEW_COMPARE);
    struct cmp_state *old = v->state;
    state_free(&old);
    v->state = s;
    v->pane = (struct pane){.ops = &compare_pane_ops, .h = app->rows - 1, .w = app->cols};
    app_view_push(app, VIEW_COMPARE);
}

/* Open the comparison of a and b; a message and false on failure. */
static bool
compare_open(struct app *app, int64_t a, int64_t b)
{
    struct cmp_state *s = xcalloc(1, sizeof(*s));
    struct ds_error err;
    ds_error_clear(&err);
    s->id_a = a;
    s->id_b = b;
    grid_init(&s->hdr);
    grid_init(&s->body);
    if (store_doc_get(app->store, a, &s->da, &err) != 0 ||
        store_doc_get(app->store, b, &s->db, &err) != 0) {
        app_message(app, ROLE_ERROR, "compare: %s", err.msg[0] ? err.msg : "article not found");
        state_free(&s);
        return false;
    }
    if (store_get_extraction(app->store, a, &s->xa, &err) < 0)
        memset(&s->xa, 0, sizeof s->xa);
    if (store_get_extraction(app->store, b, &s->xb, &err) < 0)
        memset(&s->xb, 0, sizeof s->xb);
    const char *ta = s->da.a.body ? s->da.a.body : "";
    const char *tb = s->db.a.body ? s->db.a.body : "";
    struct text_tokenizer tok;
    store_text_tokenizer_compare(app->store, &tok);
    /* Without the index's word counts every word counts as rare. */
    struct cmp_store_rarity rare;
    bool have_rare = cmp_rarity_open(app->store, &rare, &err) == 0;
    struct cmp_options opt = {0, &tok, have_rare ? &rare.r : NULL};
    double t0 = (ds_now() * 1000.0);
    int rc = compare_texts(ta, strlen(ta), tb, strlen(tb), &opt, &s->r, &err);
    if (have_rare)
        cmp_rarity_free(&rare);
    if (rc < 0) {
        app_message(app, ROLE_ERROR, "compare: %s", err.msg);
        state_free(&s);
        return false;
    }
    compare_summarize(&s->r, &s->xa, &s->xb, &s->sum);
    s->ms = (ds_now() * 1000.0) - t0;
    cmp_show(app, s);
    return true;
}

void
cmpview_mark(struct app *app)
{
    if (!app->doc_id) {
        app_message(app, ROLE_ERROR, "compare: no article selected");
        return;
    }
    if (app->cmp_mark == app->doc_id) {
        app->cmp_mark = 0;
        app_message(app, ROLE_STATUS, "compare: mark removed");
        return;
    }
    app->cmp_mark = app->doc_id;
    app_message(app, ROLE_STATUS, "compare: #%lld is A; select another article and press c",
                (long long)app->doc_id);
}

void
cmpview_key(struct app *app)
{
    if (!app->doc_id) {
        app_message(app, ROLE_ERROR, "compare: no article selected");
        return;
    }
    if (!app->cmp_mark || app->cmp_mark == app->doc_id) {
        cmpview_mark(app);
        if (!app->cmp_mark) /* c on the marked article keeps it marked */
            app->cmp_mark = app->doc_id;
        return;
    }
    if (compare_open(app, app->cmp_mark, app->doc_id))
        app->cmp_mark = 0;
}

void
cmpview_similar(struct app *app)
{
    if (!app->doc_id) {
        app_message(app, ROLE_ERROR, "compare: no article selected");
        return;
    }
    int64_t best = 0;
    struct ds_error err;
    ds_error_clear(&err);
    int got = story_best_other(app->store, app->doc_id, &best, &err);
    if (got < 0) {
        app_message(app, ROLE_ERROR, "compare: %s", err.msg);
        return;
    }
    if (got > 0) {
        app_message(app, ROLE_STATUS, "compare: no other outlet's version of this story");
        return;
    }
    compare_open(app, app->doc_id, best);
}

/* The comparison of two sets of articles; a message and false on failure. */
static bool
sets_open(struct app *app, const char *qa, const char *qb)
{
    struct ds_error err;
    ds_error_clear(&err);
    struct query *a = NULL, *b = NULL;
    if (query_parse(qa, &a, &err) != 0 || query_parse(qb, &b, &err) != 0) {
        app_message(app, ROLE_ERROR, "compare sets: bad query: %s", err.msg);
        query_free(&a);
        return false;
    }
    struct cmp_state *s = xcalloc(1, sizeof(*s));
    grid_init(&s->hdr);
    grid_init(&s->body);
    s->sets = true;
    s->query_a = xstrdup(qa);
    s->query_b = xstrdup(qb);
    double t0 = ds_now();
    int rc = compare_two_sets(app->store, a, b, 2000, &s->cs, &err);
    s->ms = (ds_now() - t0) * 1000.0;
    query_free(&a);
    query_free(&b);
    if (rc != 0) {
        app_message(app, ROLE_ERROR, "compare sets: %s", err.msg);
        state_free(&s);
        return false;
    }
    cmp_show(app, s);
    return true;
}

static bool
blank(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return *s == '\0';
}

void
cmpview_sets(struct app *app, const char *text)
{
    /* "QUERY vs QUERY" (or "versus") */
    const char *sep = NULL;
    size_t seplen = 0;
    for (const char *p = text; *p && !sep; p++) {
        if (*p != ' ')
            continue;
        if (strncmp(p, " vs ", 4) == 0 || strncmp(p, " VS ", 4) == 0)
            sep = p, seplen = 4;
        else if (strncmp(p, " versus ", 8) == 0)
            sep = p, seplen = 8;
    }
    if (!sep) {
        app_message(app, ROLE_ERROR, "compare sets: type two queries as 'A vs B'");
        return;
    }
    char *qa = xstrndup(text, (size_t)(sep - text));
    const char *qb = sep + seplen;
    if (blank(qa) || blank(qb))
        app_message(app, ROLE_ERROR, "compare sets: type two queries as 'A vs B'");
    else
        sets_open(app, qa, qb);
    free(qa);
}

/* ---- the pane ------------------------------------------------------------------------ */

static void
ensure_layout(struct app *app, struct pane *p)
{
    if (cmp_of(app) && p->w > 0 && cmp_of(app)->width != p->w)
        grid_layout(cmp_of(app), p->w);
}

/* Rows of the strip shown in a pane of h rows (title included). */
static size_t
header_rows(const struct cmp_state *s, int h)
{
    size_t max = (size_t)DS_MAX(2, (h - 1) / 3);
    return DS_MIN(s->hdr.n, max);
}

/* Rows left for the aligned text (after the strip and the ruler). */
static size_t
body_rows(const struct cmp_state *s, int h)
{
    long n = (long)h - 1 - (long)header_rows(s, h) - 1;
    return n > 1 ? (size_t)n : 1;
}

static size_t
compare_count(struct app *app, struct pane *p)
{
    if (!cmp_of(app))
        return 0;
    ensure_layout(app, p);
    p->top = 0;
    return p->h > 1 ? (size_t)(p->h - 1) : 0;
}

static void
compare_title(struct app *app, struct pane *p, struct buf *out)
{
    const struct cmp_state *s = cmp_of(app);
    if (!s)
        return;
    size_t bh = body_rows(s, p->h), n = s->body.n;
    size_t top = s->side && s->unlocked ? s->top_b : s->top_a;
    if (s->sets)
        buf_printf(out, "two sets  lines %zu-%zu/%zu", n ? top + 1 : 0, DS_MIN(top + bh, n), n);
    else
        buf_printf(out, "#%lld vs #%lld  lines %zu-%zu/%zu%s", (long long)s->id_a,
                   (long long)s->id_b, n ? top + 1 : 0, DS_MIN(top + bh, n), n,
                   s->unlocked ? "  unlocked" : "");
    if (!app->script) /* script mode keeps screens deterministic */
        buf_printf(out, "  %.0f ms", s->ms);
}

/* Draw one column cell of body line k (or blank) in [x, x+w). */
static void
draw_side(const struct grid *g, size_t k, int side, int y, int x, int w)
{
    if (k < g->n) {
        const struct cmp_line *l = &g->lines[k];
        long idx = side ? l->b : l->a;
        if (l->full >= 0) {
            draw_tline(y, x, w, &g->lfull.v[l->full], -1);
            return;
        }
        if (idx >= 0) {
            draw_tline(y, x, w, side ? &g->lb.v[idx] : &g->la.v[idx], -1);
            return;
        }
    }
    draw_text(y, x, w, "", ROLE_NORMAL, true);
}

/* A two-column line with a gutter (mark 0: a blank gutter). */
static void
draw_pair(const struct grid *g, size_t ka, size_t kb, char mark, int y, int x, int w)
{
    int colw = (w - GUTTER) / 2;
    draw_side(g, ka, 0, y, x, colw);
    char gutter[4] = {' ', mark ? mark : ' ', ' ', '\0'};
    draw_text(y, x + colw, GUTTER, gutter, mark && mark != ' ' ? ROLE_MARK : ROLE_NORMAL, true);
    draw_side(g, kb, 1, y, x + colw + GUTTER, w - colw - GUTTER);
}

static void
draw_ruler(const struct cmp_state *s, int y, int x, int w)
{
    int colw = (w - GUTTER) / 2;
    char t[96];
    if (s->sets) {
        draw_text(y, x, w, "", ROLE_PANE_TITLE, true);
        return;
    }
    snprintf(t, sizeof t, " A #%lld%s", (long long)s->id_a, s->side == 0 ? " <" : "");
    draw_text(y, x, colw, t, s->side == 0 ? ROLE_PANE_FOCUS : ROLE_PANE_TITLE, true);
    draw_text(y, x + colw, GUTTER, s->unlocked ? " : " : " = ", ROLE_PANE_TITLE, true);
    snprintf(t, sizeof t, " B #%lld%s", (long long)s->id_b, s->side == 1 ? " <" : "");
    draw_text(y, x + colw + GUTTER, w - colw - GUTTER, t,
              s->side == 1 ? ROLE_PANE_FOCUS : ROLE_PANE_TITLE, true);
}

static void
compare_draw_line(struct app *app, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
    (void)sel;
    const struct cmp_state *s = cmp_of(app);
    size_t nh = header_rows(s, p->h);
    if (i < nh) {
        const struct cmp_line *l = &s->hdr.lines[i];
        if (l->full >= 0)
            draw_tline(y, x, w, &s->hdr.lfull.v[l->full], -1);
        else
            draw_pair(&s->hdr, i, i, 0, y, x, w);
        return;
    }
    if (i == nh) {
        draw_ruler(s, y, x, w);
        return;
    }
    size_t r = i - nh - 1;
    size_t ka = s->top_a + r, kb = (s->unlocked ? s->top_b : s->top_a) + r;
    if (ka == kb && ka < s->body.n && s->body.lines[ka].full >= 0) {
        draw_tline(y, x, w, &s->body.lfull.v[s->body.lines[ka].full], -1);
        return;
    }
    char mark = 0;
    if (ka == kb && ka < s->body.n)
        mark = s->body.lines[ka].mark;
    draw_pair(&s->body, ka, kb, mark, y, x, w);
}

/* Move the scrolled side(s) to line k (clamped). */
static void
scroll_to(struct cmp_state *s, int h, long k)
{
    size_t bh = body_rows(s, h);
    long max = s->body.n > bh ? (long)(s->body.n - bh) : 0;
    size_t t = k < 0 ? 0 : k > max ? (size_t)max : (size_t)k;
    if (!s->unlocked) {
        s->top_a = s->top_b = t;
    } else if (s->side) {
        s->top_b = t;
    } else {
        s->top_a = t;
    }
}

/* n / N: the next or previous difference after/before the scrolled side's top. */
static void
diff_step(struct app *app, struct cmp_state *s, int h, int dir)
{
    size_t top = s->unlocked && s->side ? s->top_b : s->top_a;
    size_t total = 0, idx = 0, target = SIZE_MAX;
    for (size_t k = 0; k < s->body.n; k++) {
        if (!s->body.lines[k].diff)
            continue;
        total++;
        if (dir > 0 && k > top && target == SIZE_MAX) {
            target = k;
            idx = total;
        }
        if (dir < 0 && k < top) {
            target = k;
            idx = total;
        }
    }
    if (target == SIZE_MAX) {
        app_message(app, ROLE_STATUS, total ? "compare: no more differences %s"
                                            : "compare: no differences%s",
                    total ? (dir > 0 ? "below" : "above") : "");
        return;
    }
    scroll_to(s, h, (long)target);
    app_message(app, ROLE_STATUS, "difference %zu of %zu", idx, total);
}

/* Open side A (0) or B (1) in the reader at the first sentence of that side
 * shown at the top (highlighted as the current passage). */
static void
open_side(struct app *app, int side)
{
    const struct cmp_state *s = cmp_of(app);
    int64_t id = side ? s->id_b : s->id_a;
    struct span at = {0, 0};
    for (size_t k = side && s->unlocked ? s->top_b : s->top_a; k < s->body.n; k++) {
        long row = s->body.lines[k].row;
        int32_t sent = row < 0 ? -1 : side ? s->r.rows[row].b : s->r.rows[row].a;
        if (sent >= 0) {
            at = side ? s->r.sent_b[sent] : s->r.sent_a[sent];
            break;
        }
    }
    app_view_close(app, VIEW_COMPARE);
    reader_load(app, id);
    app->focus = PANE_READER;
    app->zoom = false;
    if (at.end > at.start)
        reader_jump(app, (uint32_t)at.start, (uint32_t)at.end);
}

/* The movement actions scroll the side(s); false for any other. */
static bool
scroll_key(struct cmp_state *s, int h, int action)
{
    long bh = (long)body_rows(s, h);
    long top = (long)(s->unlocked && s->side ? s->top_b : s->top_a);
    long page = DS_MAX(bh - 1, 1), half = DS_MAX(bh / 2, 1);
    switch (action) {
    case ACT_DOWN:
        scroll_to(s, h, top + 1);
        return true;
    case ACT_UP:
        scroll_to(s, h, top - 1);
        return true;
    case ACT_PAGE_DOWN:
        scroll_to(s, h, top + page);
        return true;
    case ACT_PAGE_UP:
        scroll_to(s, h, top - page);
        return true;
    case ACT_HALF_DOWN:
        scroll_to(s, h, top + half);
        return true;
    case ACT_HALF_UP:
        scroll_to(s, h, top - half);
        return true;
    case ACT_FIRST:
        scroll_to(s, h, 0);
        return true;
    case ACT_LAST:
        scroll_to(s, h, (long)s->body.n);
        return true;
    default:
        return false;
    }
}

/* x: A becomes B (the sets' queries trade places). */
static void
swap_sides(struct app *app, struct cmp_state *s)
{
    if (s->sets) {
        char *qa = xstrdup(s->query_a), *qb = xstrdup(s->query_b);
        sets_open(app, qb, qa);
        free(qa);
        free(qb);
        return;
    }
    int64_t a = s->id_a, b = s->id_b;
    bool unlocked = s->unlocked;
    int side = s->side;
    if (compare_open(app, b, a)) { /* rows follow A's order: start at the top */
        cmp_of(app)->unlocked = unlocked;
        cmp_of(app)->side = side;
        app_message(app, ROLE_STATUS, "compare: swapped, A is #%lld", (long long)b);
    }
}

static bool
compare_action(struct app *app, struct pane *p, int action)
{
    struct cmp_state *s = cmp_of(app);
    if (!s)
        return false;
    ensure_layout(app, p);
    if (scroll_key(s, p->h, action))
        return true;
    switch (action) {
    case ACT_FIND_NEXT:
    case ACT_FIND_PREV:
        diff_step(app, s, p->h, action == ACT_FIND_NEXT ? 1 : -1);
        return true;
    case ACT_CMP_UNLOCK:
        s->unlocked = !s->unlocked;
        if (!s->unlocked) { /* lock at the scrolled side's place */
            if (s->side)
                s->top_a = s->top_b;
            else
                s->top_b = s->top_a;
        }
        app_message(app, ROLE_STATUS, "%s", s->unlocked
                                                ? "compare: sides unlocked (Tab: scroll the other)"
                                                : "compare: sides scroll together");
        return true;
    case ACT_FOCUS_NEXT:
    case ACT_FOCUS_PREV:
        s->side = !s->side;
        return true;
    case ACT_CMP_SWAP:
        swap_sides(app, s);
        return true;
    case ACT_ENTER:
    case ACT_OPEN:
        if (!s->sets)
            open_side(app, s->side);
        return true;
    default:
        return false;
    }
}

static const struct pane_ops compare_pane_ops = {
    .title = "Compare",
    .selectable = false,
    .count = compare_count,
    .title_extra = compare_title,
    .draw_line = compare_draw_line,
    .action = compare_action,
};

/* ---- the view ------------------------------------------------------------------------------ */

/* q, c and Esc close the comparison; every key stays here. */
static bool
compare_key(struct app *app, struct view *v, int key, int action)
{
    if (action == ACT_QUIT || action == ACT_COMPARE || key == 27)
        app_view_pop(app);
    else if (action == ACT_QUIT_NOW)
        app->quit = true;
    else if (action == ACT_HELP)
        help_show(app, false);
    else if (!compare_action(app, &v->pane, action))
        pane_move(app, &v->pane, action);
    return true;
}

/* Closed: the comparison is freed (c opens a new one). */
static void
compare_done(struct app *app, struct view *v)
{
    (void)app;
    struct cmp_state *s = v->state;
    state_free(&s);
    v->state = NULL;
}

const struct view_ops compare_view_ops = {
    .name = "compare",
    .layout = pane_full_layout,
    .draw = pane_full_draw,
    .hint = "j/k scroll  n/N differences  u unlock  x swap  Enter read  q close",
    .key = compare_key,
    .done = compare_done,
};

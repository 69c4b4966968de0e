/*
 * view_main.c — the main view, at the bottom of the view stack: the topics,
 * list, reader and facts panes side by side (which of them show follows
 * the screen's size and the user's toggles), the keys that work on them,
 * and the idle work their drawing asked for (the facts pane's keywords,
 * the sidebar's topic counts). The panes' contents are view_sidebar.c,
 * view_list.c, view_reader.c and view_facts.c.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tui.h"
#include "view_stats.h"

/* ---- actions ---------------------------------------------------------------------------- */

static void
focus_step(struct app *app, int dir)
{
    for (int k = 1; k <= PANE_COUNT_; k++) {
        int id = ((app->focus + dir * k) % PANE_COUNT_ + PANE_COUNT_) % PANE_COUNT_;
        if (app->shown[id] && app->panes[id].h > 0) {
            app->focus = id;
            return;
        }
    }
}

/* A pane's key: show and focus it; hide it when it already has the focus. */
static void
toggle_pane(struct app *app, int id)
{
    app->zoom = false;
    if (app->shown[id] && app->focus != id) {
        app->focus = id;
        return;
    }
    app->shown[id] = !app->shown[id];
    app->user_set[id] = true;
    if (app->shown[id])
        app->focus = id;
}

static void
resize_focused(struct app *app, int dir)
{
    struct pane *lp = &app->panes[PANE_LIST];
    switch (app->focus) {
    case PANE_SIDEBAR:
        app->sidebar_w = app->panes[PANE_SIDEBAR].w + 4 * dir;
        break;
    case PANE_FACTS:
        app->facts_w = app->panes[PANE_FACTS].w + 4 * dir;
        break;
    case PANE_LIST:
        app->list_h = lp->h + 2 * dir;
        break;
    case PANE_READER:
        app->list_h = lp->h - 2 * dir;
        break;
    default:
        break;
    }
    if (app->list_h < 3 && app->list_h != 0)
        app->list_h = 3;
}

/* Split cmd on spaces and tabs into argv (at most 14 words, no shell) with
 * arg appended; the words point into cmd. Returns argc. */
static int
split_command(char *cmd, char *arg, char *argv[16])
{
    int argc = 0;
    char *save = NULL;
    for (char *t = strtok_r(cmd, " \t", &save); t && argc < 14; t = strtok_r(NULL, " \t", &save))
        argv[argc++] = t;
    argv[argc++] = arg;
    argv[argc] = NULL;
    return argc;
}

/* Leave curses, run argv[0] with fork/execvp (no shell) and wait for it,
 * then draw again. Ctrl-C meanwhile is the program's. False when it could
 * not be run or exited with 127. */
static bool
run_outside(char *const argv[])
{
    def_prog_mode();
    endwin();
    struct sigaction ign, old_int;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGINT, &ign, &old_int);
    pid_t pid = fork();
    if (pid == 0) {
        for (size_t i = 0; i < TUI_END_SIGNALS; i++)
            signal(tui_end_signals[i], SIG_DFL);
        execvp(argv[0], argv);
        fprintf(stderr, "dossier: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status = 0;
    if (pid > 0)
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    sigaction(SIGINT, &old_int, NULL);
    reset_prog_mode();
    refresh();
    return pid >= 0 && WIFEXITED(status) && WEXITSTATUS(status) != 127;
}

static void
open_in_pager(struct app *app)
{
    if (!app->doc_id || !app->doc.path) {
        app_message(app, ROLE_ERROR, "no article to open");
        return;
    }
    if (app->script) {
        app_message(app, ROLE_STATUS, "open: %s", app->doc.path);
        return;
    }
    const char *pager = getenv("PAGER");
    if (!pager || !*pager)
        pager = "less";
    char *copy = xstrdup(pager);
    char *argv[16];
    split_command(copy, app->doc.path, argv);
    if (!run_outside(argv))
        app_message(app, ROLE_ERROR, "could not run the pager '%s'", pager);
    free(copy);
}

/* Is url an http(s) address without control characters, spaces or
 * non-ASCII bytes (what a browser is handed must be one plain word)? */
static bool
url_plain(const char *url)
{
    if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
        return false;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= 0x20 || *p >= 0x7f)
            return false;
    return true;
}

/* `B`: the article's web address in $BROWSER (its first entry when it
 * lists several with ':'), run with execvp, never a shell. */
static void
open_url(struct app *app)
{
    const char *url = reader_url(app);
    if (!app->doc_id) {
        app_message(app, ROLE_ERROR, "no article to open");
        return;
    }
    if (!url) {
        app_message(app, ROLE_ERROR, "this article has no web address");
        return;
    }
    if (!url_plain(url)) {
        app_message(app, ROLE_ERROR, "the web address is not a plain http(s) address");
        return;
    }
    const char *browser = getenv("BROWSER");
    if (!browser || !*browser) {
        app_message(app, ROLE_ERROR, "$BROWSER is not set: %s", url);
        return;
    }
    char *copy = xstrdup(browser);
    char *colon = strchr(copy, ':');
    if (colon)
        *colon = '\0';
    if (app->script) {
        app_message(app, ROLE_STATUS, "open-url: %s", url);
    } else {
        char *argv[16], *arg = xstrdup(url);
        split_command(copy, arg, argv);
        bool ran = run_outside(argv);
        free(arg);
        if (!ran)
            app_message(app, ROLE_ERROR, "could not run the browser '%s'", copy);
        else
            app_message(app, ROLE_STATUS, "opened %s", url);
    }
    free(copy);
}

static void
toggle_bookmark(struct app *app)
{
    if (!app->doc_id)
        return;
    if (app->readonly) {
        app_message(app, ROLE_ERROR, "%s", TUI_READONLY_MSG);
        return;
    }
    /* written now, or kept until another program's index run is done */
    if (app_bookmark_set(app, app->doc_id, !app->bookmarked) < 0)
        return;
    app->bookmarked = !app->bookmarked;
    app->rwidth = 0;
    app_rows_forget(app); /* the list shows the mark */
}

void
main_open_at(struct app *app, int64_t id, uint32_t start, uint32_t end)
{
    app_view_close(app, VIEW_STATS);
    app_view_close(app, VIEW_KWIC);
    app->zoom = false;
    app_layout(app);
    reader_load(app, id);
    reader_jump(app, start, end);
    app->focus = PANE_READER;
    /* the list's selection follows (without reloading: the jump stays) */
    long pos = app->rs ? result_set_find(app->rs, id) : -1;
    if (pos >= 0)
        app->panes[PANE_LIST].sel = (size_t)pos;
}

/* ---- geometry and drawing ---------------------------------------------------------------- */

/* The panes shown, side by side: topics on the left, the list over the
 * reader, facts on the right; zoomed, the focused one alone. */
static void
main_layout(struct app *app, struct view *v, int R, int C)
{
    (void)v;
    bool wide = C >= 120 && R >= 20;
    if (!app->shown[app->focus])
        app->focus = app->shown[PANE_LIST] ? PANE_LIST : PANE_READER;
    if (app->zoom) {
        struct pane *p = &app->panes[app->focus];
        p->y = p->x = 0;
        p->h = R;
        p->w = C;
        return;
    }
    int x0 = 0;
    if (app->shown[PANE_SIDEBAR]) {
        int sw = DS_MAX(12, DS_MIN(app->sidebar_w, C / 3));
        app->panes[PANE_SIDEBAR].y = 0;
        app->panes[PANE_SIDEBAR].x = 0;
        app->panes[PANE_SIDEBAR].h = R;
        app->panes[PANE_SIDEBAR].w = sw;
        x0 = sw + 1;
    }
    int rw = C - x0, y0 = 0;
    if (app->shown[PANE_LIST]) {
        int lh = app->list_h > 0 ? app->list_h : (wide ? R * 2 / 5 : R / 3 + 1);
        lh = DS_MAX(3, DS_MIN(lh, R - 4));
        app->panes[PANE_LIST].y = 0;
        app->panes[PANE_LIST].x = x0;
        app->panes[PANE_LIST].h = lh;
        app->panes[PANE_LIST].w = rw;
        y0 = lh;
    }
    int fw = 0;
    /* the reader keeps at least 24 columns: the facts pane yields first */
    if (app->shown[PANE_FACTS] && rw - DS_MAX(16, DS_MIN(app->facts_w, rw / 2)) - 1 >= 24) {
        fw = DS_MAX(16, DS_MIN(app->facts_w, rw / 2));
        app->panes[PANE_FACTS].y = y0;
        app->panes[PANE_FACTS].x = C - fw;
        app->panes[PANE_FACTS].h = R - y0;
        app->panes[PANE_FACTS].w = fw;
    }
    app->panes[PANE_READER].y = y0;
    app->panes[PANE_READER].x = x0;
    app->panes[PANE_READER].h = R - y0;
    app->panes[PANE_READER].w = fw ? rw - fw - 1 : rw;
    if (app->panes[app->focus].h <= 0) /* a pane with no room gives up the focus */
        app->focus = app->shown[PANE_LIST] ? PANE_LIST : PANE_READER;
}

static void
main_draw(struct app *app, struct view *v)
{
    (void)v;
    for (int i = 0; i < PANE_COUNT_; i++) {
        struct pane *p = &app->panes[i];
        if (p->h <= 0 || p->w <= 0)
            continue;
        if (i == PANE_READER && app->rwidth != p->w)
            reader_layout(app, p->w);
        pane_draw(app, p, i == app->focus);
    }
    if (!app->zoom) {
        struct pane *sb = &app->panes[PANE_SIDEBAR], *fp = &app->panes[PANE_FACTS];
        if (sb->h > 0)
            draw_vline(0, sb->w, app->rows - 1);
        if (fp->h > 0)
            draw_vline(fp->y, fp->x - 1, fp->h);
    }
}

/* The query and topic on the status line, or the main keys. */
static void
main_status(struct app *app, struct view *v, struct buf *left)
{
    (void)v;
    const char *q = app->query_text && *app->query_text ? app->query_text : NULL;
    if (q || app->topic) {
        if (q)
            buf_printf(left, "query: %s", q);
        if (app->topic)
            buf_printf(left, "%stopic:%s", q ? "  " : "", app->topic);
        buf_printf(left, "  sort: %s", app->sort == SORT_DATE ? "date" : "relevance");
    } else {
        buf_puts(left, "s search  t topics  f facts  / find  c compare  ? help  q quit");
    }
}

/* ---- keys ------------------------------------------------------------------------------- */

/* The keys that arrange the screen: quit, help, focus, toggles, zoom,
 * sizes, the next article. False for any other action. */
static bool
main_screen_key(struct app *app, int action)
{
    switch (action) {
    case ACT_QUIT:
        if (app->zoom)
            app->zoom = false;
        else if (app->focus != PANE_LIST && app->shown[PANE_LIST])
            app->focus = PANE_LIST;
        else
            app->quit = true;
        return true;
    case ACT_QUIT_NOW:
        app->quit = true;
        return true;
    case ACT_HELP:
        help_show(app, true);
        return true;
    case ACT_FOCUS_NEXT:
    case ACT_FOCUS_PREV:
        app->zoom = false;
        focus_step(app, action == ACT_FOCUS_NEXT ? 1 : -1);
        return true;
    case ACT_TOGGLE_SIDEBAR:
        toggle_pane(app, PANE_SIDEBAR);
        return true;
    case ACT_TOGGLE_FACTS:
        toggle_pane(app, PANE_FACTS);
        return true;
    case ACT_TOGGLE_LIST:
        toggle_pane(app, PANE_LIST);
        return true;
    case ACT_ZOOM:
        app->zoom = !app->zoom;
        return true;
    case ACT_GROW:
    case ACT_SHRINK:
        resize_focused(app, action == ACT_GROW ? 1 : -1);
        return true;
    case ACT_NEXT_DOC:
    case ACT_PREV_DOC:
        pane_move(app, &app->panes[PANE_LIST], action == ACT_NEXT_DOC ? ACT_DOWN : ACT_UP);
        return true;
    default:
        return false;
    }
}

/* The commands: the prompts, finding, highlights, sorting, bookmarks, the
 * pager, comparisons, statistics. False for any other action. */
static bool
main_command(struct app *app, int action)
{
    static const char *const hl_names[] = {"all", "search hits only", "entities and figures",
                                           "none"};
    switch (action) {
    case ACT_SEARCH:
        ask_open(app, ASK_SEARCH);
        return true;
    case ACT_FIND:
        ask_open(app, ASK_FIND);
        return true;
    case ACT_FIND_NEXT:
    case ACT_FIND_PREV:
        reader_find_step(app, action == ACT_FIND_NEXT ? 1 : -1);
        return true;
    case ACT_HIGHLIGHT:
        app->hl = (app->hl + 1) % HL_COUNT_;
        app->rwidth = 0;
        app_message(app, ROLE_STATUS, "highlights: %s", hl_names[app->hl]);
        return true;
    case ACT_REDRAW:
        clearok(curscr, TRUE);
        return true;
    case ACT_CLEAR_FILTER:
        free(app->topic);
        app->topic = NULL;
        app_set_query(app, "");
        return true;
    case ACT_SORT:
        app->sort = app->sort == SORT_DATE ? SORT_RANK : SORT_DATE;
        app_rerun(app);
        app_message(app, ROLE_STATUS, "sorted by %s",
                    app->sort == SORT_DATE ? "date" : "relevance");
        return true;
    case ACT_REFRESH:
        list_near_dups_forget(app); /* near-duplicate counts may have changed */
        app_update_total(app);
        app->all_count = 0; /* the corpus may have changed */
        app_rerun(app);
        app_message(app, ROLE_STATUS, "refreshed");
        return true;
    case ACT_UPDATE:
        upd_start(app);
        return true;
    case ACT_BOOKMARK:
        toggle_bookmark(app);
        return true;
    case ACT_OPEN:
        open_in_pager(app);
        return true;
    case ACT_OPEN_URL:
        open_url(app);
        return true;
    case ACT_COMPARE:
        cmpview_key(app);
        return true;
    case ACT_MARK:
        cmpview_mark(app);
        return true;
    case ACT_COMPARE_SIMILAR:
        cmpview_similar(app);
        return true;
    case ACT_COMPARE_SETS:
        ask_open(app, ASK_COMPARE_SETS);
        return true;
    case ACT_STATS:
        view_stats_show(app);
        return true;
    case ACT_KWIC:
        ask_open(app, ASK_KWIC);
        return true;
    case ACT_EXPORT:
        ask_open(app, ASK_EXPORT);
        return true;
    default:
        return false;
    }
}

/* The bottom of the stack takes every key: the screen's, the commands,
 * then the focused pane's own actions and movement. */
static bool
main_key(struct app *app, struct view *v, int key, int action)
{
    (void)v;
    (void)key;
    if (main_screen_key(app, action) || main_command(app, action))
        return true;
    struct pane *p = &app->panes[app->focus];
    if (p->ops->action && p->ops->action(app, p, action))
        return true;
    pane_move(app, p, action);
    return true;
}

/* ---- idle work ------------------------------------------------------------------------- */

static bool
keywords_pending(const struct app *app)
{
    return app->kw_wanted && !app->kw_valid;
}

static bool
main_busy(struct app *app, struct view *v)
{
    (void)v;
    return keywords_pending(app) || (app->topics_wanted && !app->topics_valid);
}

/* First the facts pane's keywords for a new article, then the sidebar's
 * topic counts for a new query (110 ms at 1M documents), each after the
 * screen that asked for them is shown; a key stops either (the store's
 * interrupt), and they run again when the keys stop coming. */
static bool
main_idle(struct app *app, struct view *v)
{
    (void)v;
    if (keywords_pending(app)) {
        store_set_interrupt(app->store, app->key_waiting, NULL);
        bool done = facts_keywords_ensure(app);
        store_set_interrupt(app->store, NULL, NULL);
        if (!done)
            return false;
        app->kw_wanted = false;
        return true;
    }
    store_set_interrupt(app->store, app->key_waiting, NULL);
    app_topics_ensure(app);
    store_set_interrupt(app->store, NULL, NULL);
    if (!app->topics_valid)
        return false;
    app->topics_wanted = false;
    return true;
}

const struct view_ops main_view_ops = {
    .name = "main",
    .layout = main_layout,
    .draw = main_draw,
    .status = main_status,
    .key = main_key,
    .busy = main_busy,
    .idle = main_idle,
    .export = export_list,
};

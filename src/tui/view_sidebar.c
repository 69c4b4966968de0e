/*
 * view_sidebar.c — the topics pane: "all" first, then each topic with the
 * number of documents the current query selects in it (store_facets with
 * FACET_TOPIC). Enter filters the list by the topic (query AND topic:slug);
 * Enter on "all" clears it. The active filter is marked with '>'. In a
 * terminal the counts for a new query are computed after the screen is drawn.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

static size_t
sidebar_count(struct app *app, struct pane *p)
{
    (void)p;
    /* in a terminal the counts are idle work after the screen is drawn (the
     * old ones show as "…" meanwhile); a script gets them before each draw */
    if (app->script)
        app_topics_ensure(app);
    else if (!app->topics_valid && app->rs)
        app->topics_wanted = true;
    return app->ntopics + 1;
}

static void
sidebar_draw_line(struct app *app, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
    (void)p;
    bool focused = app->focus == PANE_SIDEBAR;
    int role = sel ? (focused ? ROLE_SELECTION : ROLE_SELECTION_DIM) : ROLE_NORMAL;
    const char *name;
    int64_t count;
    bool active;
    if (i == 0) {
        name = "all";
        count = app->base_count;
        active = app->topic == NULL;
    } else {
        const struct facet *f = &app->topics[i - 1];
        name = f->key;
        count = f->count;
        active = app->topic && strcmp(app->topic, f->key) == 0;
    }
    char num[32];
    if (app->topics_valid)
        layout_thousands(count, num, sizeof num);
    else
        snprintf(num, sizeof num, "%s", "\xe2\x80\xa6"); /* … */
    int nw = (int)strlen(num) + 1;
    char lead[4] = {active ? '>' : ' ', ' ', '\0'};
    int used = draw_text(y, x, w, lead, role, false);
    int namew = w - used - nw;
    if (namew < 1) {
        draw_text(y, x + used, w - used, name, role, true);
        return;
    }
    draw_text(y, x + used, namew, name, role, true);
    char right[40];
    snprintf(right, sizeof right, "%*s", nw, num);
    draw_text(y, x + used + namew, nw, right, sel ? role : ROLE_META, true);
}

static bool
sidebar_action(struct app *app, struct pane *p, int action)
{
    if (action != ACT_ENTER && action != ACT_FILTER)
        return false;
    if (p->sel == 0) {
        app_set_topic(app, NULL);
        return true;
    }
    if (p->sel - 1 < app->ntopics) {
        char *slug = xstrdup(app->topics[p->sel - 1].key);
        app_set_topic(app, slug);
        free(slug);
        /* the facets are recomputed: keep the selection on the chosen topic */
        app_topics_ensure(app);
        for (size_t k = 0; k < app->ntopics; k++)
            if (app->topic && strcmp(app->topics[k].key, app->topic) == 0)
                p->sel = k + 1;
    }
    return true;
}

const struct pane_ops sidebar_pane_ops = {
    .title = "Topics",
    .selectable = true,
    .count = sidebar_count,
    .draw_line = sidebar_draw_line,
    .action = sidebar_action,
};

/*
 * view_stats.h — the statistics view (view_stats.c), full screen like
 * compare. Until the TUI wires it, nothing calls these; the wiring is:
 *
 *   tui.am:  dossier_SOURCES += src/tui/view_stats.c src/tui/view_stats.h
 *   tui.h:   PANE_STATS after PANE_COMPARE in enum pane_id;
 *            X(STATS, "stats", "%", "Statistics of the articles the query selects")
 *            in TUI_ACTION_INFO; bool stats in struct app (next to comparing)
 *   app.c:   #include "view_stats.h"; &view_stats_ops at the end of pane_ops;
 *            app_geometry: if (app->stats) the PANE_STATS pane takes the screen
 *            (as PANE_COMPARE does); app_draw: else if (app->stats)
 *            draw_pane(app, PANE_STATS); key handling before `comparing`:
 *              if (app->stats) { q/%/Esc: view_stats_close(app), app->stats = false;
 *                                Q: quit; ?: help; else pane_move(PANE_STATS) }
 *            and in the action switch: case ACT_STATS: view_stats_open(app);
 *              app->stats = true; app->panes[PANE_STATS].top = 0; return;
 *            at exit: view_stats_close(app).
 */
#ifndef DOSSIER_VIEW_STATS_H
#define DOSSIER_VIEW_STATS_H

struct app;
struct view_ops;

/* Compute the statistics of the articles app's query selects (the view
 * shows the error in place when this fails: returns -1). */
int view_stats_open(struct app *app);
/* Free them (safe when nothing is open). */
void view_stats_close(struct app *app);

extern const struct view_ops view_stats_ops;

#endif

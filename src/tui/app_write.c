/*
 * app_write.c — the browser's own writes (bookmarks) beside another program
 * that writes the index (an index run, `dossier update`, a second browser).
 *
 * SQLite lets one connection write at a time, and an index run holds the
 * lock for seconds. The browser never waits for it on a key: it says at
 * start that another program writes, tries a bookmark without waiting, and
 * when the lock is taken keeps the change (shown at once in the reader and
 * the list) to write between keys once the lock is free. At exit, what
 * still waits is written after waiting for the lock, saying so on stderr:
 * nothing the user did is lost.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "tui.h"

/* The waiting change for doc, or NULL. */
static struct app_pending *
pending_find(const struct app *app, int64_t doc)
{
    for (size_t i = 0; i < app->npending; i++)
        if (app->pending[i].doc == doc)
            return &app->pending[i];
    return NULL;
}

/* Write one bookmark change; 0, or -1 with err (store_failed_busy() says
 * whether the lock was the cause). */
static int
bookmark_write(struct app *app, int64_t doc, bool on, int wait_ms, struct ds_error *err)
{
    store_set_busy_wait(app->store, wait_ms);
    int rc = on ? store_tag_add(app->store, doc, "bookmark", err)
                : store_tag_remove(app->store, doc, "bookmark", err);
    store_set_busy_wait(app->store, TUI_BUSY_WAIT_MS);
    return rc;
}

/* See tui.h. */
int
app_bookmark_set(struct app *app, int64_t doc, bool on)
{
    struct app_pending *p = pending_find(app, doc);
    if (p) { /* a change already waits: this one replaces it */
        p->on = on;
        app_message(app, ROLE_MARK, "%s; %s", on ? "bookmarked" : "bookmark removed",
                    TUI_BUSY_KEPT_MSG);
        return 0;
    }
    struct ds_error err;
    ds_error_clear(&err);
    if (bookmark_write(app, doc, on, 0, &err) == 0) {
        app_message(app, ROLE_STATUS, on ? "bookmarked (tag:bookmark)" : "bookmark removed");
        return 1;
    }
    if (!store_failed_busy(app->store)) {
        app_message(app, ROLE_ERROR, "%s", err.msg);
        return -1;
    }
    if (app->npending == app->pending_cap) {
        app->pending_cap = app->pending_cap ? app->pending_cap * 2 : 4;
        app->pending = xrealloc(app->pending, app->pending_cap * sizeof *app->pending);
    }
    app->pending[app->npending++] = (struct app_pending){.doc = doc, .on = on};
    app_message(app, ROLE_MARK, "%s; %s", on ? "bookmarked" : "bookmark removed",
                TUI_BUSY_KEPT_MSG);
    return 0;
}

/* See tui.h. */
bool
app_bookmark_pending(const struct app *app, int64_t doc, bool *on)
{
    const struct app_pending *p = pending_find(app, doc);
    if (p)
        *on = p->on;
    return p != NULL;
}

/* Write the waiting changes in order until one fails; how many were
 * written (they leave the list). A failure other than the lock is said
 * on the status line (or in err_out) and that change is dropped. */
static size_t
pending_write(struct app *app, int wait_ms, struct ds_error *err_out)
{
    size_t done = 0;
    while (done < app->npending) {
        struct ds_error err;
        ds_error_clear(&err);
        struct app_pending *p = &app->pending[done];
        if (bookmark_write(app, p->doc, p->on, wait_ms, &err) < 0) {
            if (store_failed_busy(app->store))
                break;
            if (err_out)
                *err_out = err;
            else
                app_message(app, ROLE_ERROR, "%s", err.msg);
        }
        done++;
    }
    for (size_t i = done; i < app->npending; i++)
        app->pending[i - done] = app->pending[i];
    app->npending -= done;
    return done;
}

/* See tui.h. */
bool
app_writes_flush(struct app *app)
{
    if (!app->npending)
        return false;
    size_t n = pending_write(app, 0, NULL);
    if (!n)
        return false;
    app_rows_forget(app);
    if (!app->npending)
        app_message(app, ROLE_STATUS, "the other program is done: %zu bookmark change%s saved", n,
                    n == 1 ? "" : "s");
    return true;
}

/* See tui.h. */
void
app_writes_finish(struct app *app)
{
    if (!app->npending || !app->store)
        return;
    fprintf(stderr,
            "dossier: another program is writing the index; waiting to save %zu bookmark "
            "change%s (Ctrl-C gives up)\n",
            app->npending, app->npending == 1 ? "" : "s");
    struct ds_error err;
    ds_error_clear(&err);
    while (app->npending) {
        size_t before = app->npending;
        pending_write(app, STORE_BUSY_WAIT_MS, &err);
        if (err.msg[0]) {
            fprintf(stderr, "dossier: %s\n", err.msg);
            ds_error_clear(&err);
        }
        if (app->npending && app->npending == before && !store_failed_busy(app->store))
            break;
    }
    if (!app->npending)
        fprintf(stderr, "dossier: saved\n");
    free(app->pending);
    app->pending = NULL;
    app->npending = app->pending_cap = 0;
}

/* See tui.h. */
bool
app_writer_note(struct app *app, const char *cfgmsg)
{
    if (!store_writer_active(app->store))
        return false;
    app_message(app, ROLE_MARK, "%s%s%s", TUI_BUSY_MSG, *cfgmsg ? "; " : "", cfgmsg);
    return true;
}

/*
 * app_write.c — the browser's own writes (bookmarks, a saved search marked
 * seen) beside another program that writes the index (an index run,
 * `dossier update`, a second browser).
 *
 * SQLite lets one connection write at a time, and an index run holds the
 * lock for seconds. The browser never waits for it on a key: it says at
 * start that another program writes, tries a write without waiting, and
 * when the lock is taken keeps the change (shown at once in the reader,
 * the list and the sidebar) to write between keys once the lock is free.
 * At exit, what still waits is written after waiting for the lock, saying
 * so on stderr: nothing the user did is lost. A saved search's seen mark
 * is kept as the highest document id when it was opened, not when it is
 * written, so what is indexed in between stays new to it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

/* The waiting bookmark change for doc, or NULL. */
static struct app_pending *
pending_find(const struct app *app, int64_t doc)
{
    for (size_t i = 0; i < app->npending; i++)
        if (app->pending[i].kind == PENDING_BOOKMARK && app->pending[i].doc == doc)
            return &app->pending[i];
    return NULL;
}

/* The waiting seen mark of the saved search name, or NULL. */
static struct app_pending *
seen_find(const struct app *app, const char *name)
{
    for (size_t i = 0; i < app->npending; i++)
        if (app->pending[i].kind == PENDING_SEEN && strcmp(app->pending[i].name, name) == 0)
            return &app->pending[i];
    return NULL;
}

/* A new waiting change at the end of the list, zeroed, of kind. */
static struct app_pending *
pending_push(struct app *app, int kind)
{
    if (app->npending == app->pending_cap) {
        app->pending_cap = app->pending_cap ? app->pending_cap * 2 : 4;
        app->pending = xrealloc(app->pending, app->pending_cap * sizeof *app->pending);
    }
    struct app_pending *p = &app->pending[app->npending++];
    *p = (struct app_pending){.kind = kind};
    return p;
}

/* Write one change, waiting at most wait_ms for the lock; 0, or -1 with
 * err (store_failed_busy() says whether the lock was the cause). */
static int
change_write(struct app *app, const struct app_pending *p, int wait_ms, struct ds_error *err)
{
    store_set_busy_wait(app->store, wait_ms);
    int rc;
    if (p->kind == PENDING_SEEN)
        rc = store_saved_seen_at(app->store, p->name, p->doc, err) < 0 ? -1 : 0;
    else if (p->on)
        rc = store_tag_add(app->store, p->doc, "bookmark", err);
    else
        rc = store_tag_remove(app->store, p->doc, "bookmark", err);
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
    struct app_pending now = {.kind = PENDING_BOOKMARK, .doc = doc, .on = on};
    if (change_write(app, &now, 0, &err) == 0) {
        app_message(app, ROLE_STATUS, on ? "bookmarked (tag:bookmark)" : "bookmark removed");
        return 1;
    }
    if (!store_failed_busy(app->store)) {
        app_message(app, ROLE_ERROR, "%s", err.msg);
        return -1;
    }
    *pending_push(app, PENDING_BOOKMARK) = now;
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

/* See tui.h. */
int
app_saved_seen_set(struct app *app, const char *name, int64_t seen_id, struct ds_error *err)
{
    struct app_pending *p = seen_find(app, name);
    if (p) { /* a mark already waits: the later one replaces it */
        p->doc = DS_MAX(p->doc, seen_id);
        return 0;
    }
    struct app_pending now = {.kind = PENDING_SEEN, .doc = seen_id, .name = xstrdup(name)};
    int rc = change_write(app, &now, 0, err);
    if (rc == 0 || !store_failed_busy(app->store)) {
        free(now.name);
        return rc == 0 ? 1 : -1;
    }
    *pending_push(app, PENDING_SEEN) = now;
    return 0;
}

/* See tui.h. */
bool
app_saved_seen_pending(const struct app *app, const char *name, int64_t *seen_id)
{
    const struct app_pending *p = seen_find(app, name);
    if (p)
        *seen_id = p->doc;
    return p != NULL;
}

/* What was written (done: "N bookmark change(s) saved; N saved search(es)
 * marked seen") or waits ("N bookmark change(s) and the seen mark of N
 * saved search(es)"), appended to out. */
static void
changes_describe(struct buf *out, size_t marks, size_t seen, bool done)
{
    if (marks)
        buf_printf(out, "%zu bookmark change%s%s", marks, marks == 1 ? "" : "s",
                   done ? " saved" : "");
    if (marks && seen)
        buf_puts(out, done ? "; " : " and ");
    if (seen && done)
        buf_printf(out, "%zu saved search%s marked seen", seen, seen == 1 ? "" : "es");
    else if (seen)
        buf_printf(out, "the seen mark of %zu saved search%s", seen, seen == 1 ? "" : "es");
}

/* Count the waiting changes of each kind. */
static void
pending_count(const struct app *app, size_t *marks, size_t *seen)
{
    *marks = *seen = 0;
    for (size_t i = 0; i < app->npending; i++)
        ++*(app->pending[i].kind == PENDING_SEEN ? seen : marks);
}

/* Drop the first n waiting changes. */
static void
pending_drop(struct app *app, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(app->pending[i].name);
    for (size_t i = n; i < app->npending; i++)
        app->pending[i - n] = app->pending[i];
    app->npending -= n;
}

/* Write the waiting changes in order until one fails; how many were
 * written (they leave the list), counted by kind in *marks and *seen. A
 * failure other than the lock is said on the status line (or in err_out)
 * and that change is dropped. */
static size_t
pending_write(struct app *app, int wait_ms, struct ds_error *err_out, size_t *marks, size_t *seen)
{
    size_t done = 0;
    *marks = *seen = 0;
    while (done < app->npending) {
        struct ds_error err;
        ds_error_clear(&err);
        struct app_pending *p = &app->pending[done];
        if (change_write(app, p, wait_ms, &err) < 0) {
            if (store_failed_busy(app->store))
                break;
            if (err_out)
                *err_out = err;
            else
                app_message(app, ROLE_ERROR, "%s", err.msg);
        } else {
            ++*(p->kind == PENDING_SEEN ? seen : marks);
        }
        done++;
    }
    pending_drop(app, done);
    return done;
}

/* See tui.h. */
bool
app_writes_flush(struct app *app)
{
    if (!app->npending)
        return false;
    size_t marks, seen;
    size_t n = pending_write(app, 0, NULL, &marks, &seen);
    if (!n)
        return false;
    app_rows_forget(app);
    app->saved_valid = false;
    if (!app->npending && (marks || seen)) {
        struct buf what = BUF_INIT;
        changes_describe(&what, marks, seen, true);
        app_message(app, ROLE_STATUS, "the other program is done: %s", buf_str(&what));
        buf_free(&what);
    }
    return true;
}

/* See tui.h. */
void
app_writes_finish(struct app *app)
{
    if (!app->npending || !app->store) {
        app_writes_free(app);
        return;
    }
    size_t marks, seen;
    pending_count(app, &marks, &seen);
    struct buf what = BUF_INIT;
    changes_describe(&what, marks, seen, false);
    fprintf(stderr,
            "dossier: another program is writing the index; waiting to save %s (Ctrl-C gives up)\n",
            buf_str(&what));
    buf_free(&what);
    struct ds_error err;
    ds_error_clear(&err);
    while (app->npending) {
        size_t before = app->npending;
        pending_write(app, STORE_BUSY_WAIT_MS, &err, &marks, &seen);
        if (err.msg[0]) {
            fprintf(stderr, "dossier: %s\n", err.msg);
            ds_error_clear(&err);
        }
        if (app->npending && app->npending == before && !store_failed_busy(app->store))
            break;
    }
    if (!app->npending)
        fprintf(stderr, "dossier: saved\n");
    app_writes_free(app);
}

/* See tui.h. */
void
app_writes_free(struct app *app)
{
    pending_drop(app, app->npending);
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

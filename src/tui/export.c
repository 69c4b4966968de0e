/*
 * export.c — e: write what the screen shows to a file the user names (the
 * article list as a Markdown brief, CSV or JSON through corpus_export; in
 * the statistics view its figures table; in keyword in context its lines).
 * The format follows the file's extension: .csv, .json, anything else
 * Markdown. The outcome, or why it failed, goes to the status line.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dossier/corpus.h"
#include "tui.h"

/* The format for path's extension. */
static int
export_format(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return CORPUS_FMT_MARKDOWN;
    if (strcasecmp(dot, ".csv") == 0)
        return CORPUS_FMT_CSV;
    if (strcasecmp(dot, ".json") == 0)
        return CORPUS_FMT_JSON;
    return CORPUS_FMT_MARKDOWN;
}

long
export_list(struct app *app, struct view *v, FILE *f, int fmt, const char **what,
            struct ds_error *err)
{
    (void)v;
    struct corpus_sel *sel = NULL;
    long n = -1;
    *what = "article";
    if (corpus_select(app->store, app_query(app), &sel, err) == 0) {
        struct buf title = BUF_INIT;
        if (app->query_text && *app->query_text)
            buf_puts(&title, app->query_text);
        if (app->topic)
            buf_printf(&title, "%stopic:%s", title.len ? " " : "", app->topic);
        n = corpus_export(app->store, sel, (enum corpus_format)fmt, title.len ? title.data : NULL,
                          f, err);
        buf_free(&title);
    }
    corpus_sel_free(&sel);
    return n;
}

int
export_to(struct app *app, const char *path_in)
{
    char *path;
    const char *home = getenv("HOME");
    while (*path_in == ' ')
        path_in++;
    if (!*path_in) {
        app_message(app, ROLE_ERROR, "export: no file name");
        return -1;
    }
    if (path_in[0] == '~' && (path_in[1] == '/' || !path_in[1]) && home && *home)
        path = xasprintf("%s%s", home, path_in + 1);
    else
        path = xstrdup(path_in);
    int fmt = export_format(path);
    FILE *f = fopen(path, "w");
    if (!f) {
        app_message(app, ROLE_ERROR, "cannot write %s: %s", path, strerror(errno));
        free(path);
        return -1;
    }
    /* what the screen shows: the statistics' table, the KWIC lines, or the list */
    struct view *v = app_view(app, app_view_top(app));
    const char *what = "row";
    struct ds_error err;
    ds_error_clear(&err);
    long n = v->ops->export(app, v, f, fmt, &what, &err);
    bool wrote = ferror(f) == 0;
    if (fclose(f) != 0)
        wrote = false;
    if (n < 0 || !wrote) {
        app_message(app, ROLE_ERROR, "export to %s failed: %s", path,
                    err.msg[0] ? err.msg : "cannot write the file");
        free(path);
        return -1;
    }
    static const char *const names[] = {"CSV", "JSON", "Markdown"};
    app_message(app, ROLE_STATUS, "exported %ld %s%s to %s (%s)", n, what, n == 1 ? "" : "s",
                path, names[fmt]);
    free(path);
    return 0;
}

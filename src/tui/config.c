/*
 * config.c — the browser's config file, $XDG_CONFIG_HOME/dossier/config:
 *   bind KEY ACTION             e.g. bind <C-n> move-down   (names from the action table)
 *   color ROLE FG BG [ATTRS]    e.g. color hit black yellow bold
 *   # comment
 * A bad line is reported with its line number and skipped; the rest applies.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

/* Split line into at most max whitespace-separated words (in place). */
static int
split_words(char *line, char **w, int max)
{
    int n = 0;
    char *save = NULL;
    for (char *t = strtok_r(line, " \t", &save); t && n < max; t = strtok_r(NULL, " \t", &save))
        w[n++] = t;
    return n;
}

static int
config_line(char *line, struct ds_error *err)
{
    char *w[8];
    int n = split_words(line, w, 8);
    if (n == 0 || w[0][0] == '#')
        return 0;
    if (strcmp(w[0], "bind") == 0) {
        if (n != 3) {
            ds_error_set(err, -1, "usage: bind KEY ACTION");
            return -1;
        }
        const char *p = w[1];
        int key = keymap_parse_key(&p);
        if (key < 0 || *p) {
            ds_error_set(err, -1, "unknown key '%s'", w[1]);
            return -1;
        }
        int action = keymap_action_by_name(w[2]);
        if (action < 0) {
            ds_error_set(err, -1, "unknown action '%s'", w[2]);
            return -1;
        }
        keymap_bind(key, action);
        return 0;
    }
    if (strcmp(w[0], "color") == 0 || strcmp(w[0], "colour") == 0) {
        if (n < 4 || n > 5) {
            ds_error_set(err, -1, "usage: color ROLE FG BG [ATTRS]");
            return -1;
        }
        return theme_set(w[1], w[2], w[3], n == 5 ? w[4] : NULL, err);
    }
    ds_error_set(err, -1, "unknown command '%s' (bind or color)", w[0]);
    return -1;
}

int
config_load(const char *path, struct buf *msg)
{
    struct ds_error oerr;
    FILE *f = ds_fopen_regular(path, &oerr);
    if (!f) {
        /* no config is fine; one that cannot be read is said once */
        if (errno != ENOENT && errno != ENOTDIR)
            buf_printf(msg, "config not read: %s", oerr.msg);
        return 0;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int lineno = 0, bad = 0;
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        struct ds_error err;
        ds_error_clear(&err);
        if (config_line(line, &err) < 0) {
            if (bad++ == 0)
                buf_printf(msg, "config:%d: %s", lineno, err.msg);
        }
    }
    if (bad > 1)
        buf_printf(msg, " (and %d more bad lines)", bad - 1);
    free(line);
    fclose(f);
    return bad;
}

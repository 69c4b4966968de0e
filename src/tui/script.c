/*
 * script.c — `dossier browse --script FILE`: keys and commands read from a
 * file instead of the keyboard, for deterministic screen tests (the model is
 * tig's TIG_SCRIPT). One item per line:
 *   j  <Down>  <C-d>  <Tab>     keys (several on one line are sent in order)
 *   <Resize 100x30>              a terminal resize
 *   :type TEXT                   type TEXT (each character is a key)
 *   :dump PATH                   write the screen as text
 *   :dump-roles PATH             write the screen's style roles, one letter a cell
 *   :dump-attrs PATH             write the terminal attributes used, one letter a cell
 *   :idle                        what a terminal does between keys: notice
 *                                articles another program indexed, read a
 *                                running update's output, write bookmarks
 *                                kept while another program wrote
 *   :wait PATH                   wait (up to 30 s) until PATH exists: a test
 *                                says its other process is done
 *   :memory PATH                 write the heap in use and the resident size
 *                                (kB): whether a closed view gave memory back
 *   :quit                        stop (the end of the file stops too)
 *   # comment, blank lines       ignored
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "dossier/utf8.h"
#include "tui.h"

struct script {
    FILE *f;
    int lineno;
    char *line; /* current line being consumed */
    size_t linecap;
    const char *pos; /* next unread key in line, or NULL */
    bool typing;     /* pos points into :type text: every char is literal */
    char *dump_path;
};

int
script_open(const char *path, struct script **out, struct ds_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        ds_error_set(err, -1, "cannot open script %s", path);
        return -1;
    }
    struct script *sc = xcalloc(1, sizeof(*sc));
    sc->f = f;
    *out = sc;
    return 0;
}

void
script_free(struct script **scp)
{
    struct script *sc = *scp;
    if (!sc)
        return;
    fclose(sc->f);
    free(sc->line);
    free(sc->dump_path);
    free(sc);
    *scp = NULL;
}

/* The next key of the current line: typed text, a <Resize WxH> or a key
 * name. 0, or -1 with err. */
static int
script_key(struct script *sc, struct script_event *ev, struct ds_error *err)
{
    if (sc->typing) {
        uint32_t cp;
        sc->pos += utf8_decode(sc->pos, strlen(sc->pos), &cp);
        ev->kind = SCRIPT_KEY;
        ev->key = (int)cp;
        ev->more = *sc->pos != '\0';
        return 0;
    }
    int w, h;
    if (strncmp(sc->pos, "<Resize ", 8) == 0 && sscanf(sc->pos + 8, "%dx%d", &w, &h) == 2) {
        const char *e = strchr(sc->pos, '>');
        sc->pos = e ? e + 1 : sc->pos + strlen(sc->pos);
        ev->kind = SCRIPT_KEY;
        ev->key = TK_RESIZE_SCRIPT;
        ev->w = w;
        ev->h = h;
        return 0;
    }
    const char *before = sc->pos;
    int key = keymap_parse_key(&sc->pos);
    if (key < 0) {
        ds_error_set(err, -1, "script:%d: unknown key at '%s'", sc->lineno, before);
        sc->pos = NULL;
        return -1;
    }
    ev->kind = SCRIPT_KEY;
    ev->key = key;
    return 0;
}

/* A ":command" line other than :type, as an event. 0, or -1 with err. */
static int
script_command(struct script *sc, char *l, struct script_event *ev, struct ds_error *err)
{
    if (strncmp(l, ":dump ", 6) == 0 || strncmp(l, ":dump-roles ", 12) == 0 ||
        strncmp(l, ":dump-attrs ", 12) == 0) {
        bool plain = l[5] == ' ';
        free(sc->dump_path);
        sc->dump_path = xstrdup(ds_str_trim(l + (plain ? 6 : 12)));
        ev->kind = plain ? SCRIPT_DUMP : l[6] == 'r' ? SCRIPT_DUMP_ROLES : SCRIPT_DUMP_ATTRS;
        ev->path = sc->dump_path;
        return 0;
    }
    if (strncmp(l, ":wait ", 6) == 0) {
        free(sc->dump_path);
        sc->dump_path = xstrdup(ds_str_trim(l + 6));
        ev->kind = SCRIPT_WAIT;
        ev->path = sc->dump_path;
        return 0;
    }
    if (strncmp(l, ":memory ", 8) == 0) {
        free(sc->dump_path);
        sc->dump_path = xstrdup(ds_str_trim(l + 8));
        ev->kind = SCRIPT_MEMORY;
        ev->path = sc->dump_path;
        return 0;
    }
    if (strcmp(l, ":quit") == 0) {
        ev->kind = SCRIPT_QUIT;
        return 0;
    }
    if (strcmp(l, ":idle") == 0) {
        ev->kind = SCRIPT_IDLE;
        return 0;
    }
    ds_error_set(err, -1, "script:%d: unknown command '%s'", sc->lineno, l);
    return -1;
}

int
script_next(struct script *sc, struct script_event *ev, struct ds_error *err)
{
    memset(ev, 0, sizeof(*ev));
    for (;;) {
        if (sc->pos && *sc->pos)
            return script_key(sc, ev, err);
        sc->pos = NULL;
        sc->typing = false;
        ssize_t n = getline(&sc->line, &sc->linecap, sc->f);
        if (n < 0) {
            ev->kind = SCRIPT_END;
            return 0;
        }
        sc->lineno++;
        while (n > 0 && (sc->line[n - 1] == '\n' || sc->line[n - 1] == '\r'))
            sc->line[--n] = '\0';
        char *l = sc->line;
        if (*l == '\0' || *l == '#')
            continue;
        if (*l != ':') {
            sc->pos = l;
            continue;
        }
        if (strncmp(l, ":type ", 6) == 0) {
            sc->pos = l + 6;
            sc->typing = true;
            continue;
        }
        return script_command(sc, l, ev, err);
    }
}

/* See tui.h. */
int
script_memory_dump(const char *path, struct ds_error *err)
{
    long heap = 0, rss = 0;
#ifdef __GLIBC__
    struct mallinfo2 mi = mallinfo2();
    heap = (long)((mi.uordblks + mi.hblkhd) / 1024);
#endif
    FILE *f = fopen("/proc/self/statm", "r");
    long size, pages;
    if (f && fscanf(f, "%ld %ld", &size, &pages) == 2)
        rss = pages * (sysconf(_SC_PAGESIZE) / 1024);
    if (f)
        fclose(f);
    f = fopen(path, "w");
    if (!f) {
        ds_error_set(err, -1, "cannot write %s", path);
        return -1;
    }
    fprintf(f, "heap_kb %ld\nsqlite_kb %ld\nrss_kb %ld\n", heap, (long)(store_memory_used() / 1024),
            rss);
    if (fclose(f) != 0) {
        ds_error_set(err, -1, "cannot write %s", path);
        return -1;
    }
    return 0;
}

/*
 * browse.h — the one door from the command line into the browser, and the
 * only TUI header src/cli/ may include (tests/layering checks it): the
 * options `dossier browse` was given, already parsed (src/cli/cmd_browse.c),
 * and the call that runs the browser with them.
 */
#ifndef DOSSIER_TUI_BROWSE_H
#define DOSSIER_TUI_BROWSE_H

struct tui_options {
    const char *db;     /* the index as given (--db), or NULL: $DOSSIER_DB, else the data dir */
    const char *script; /* --script FILE: keys from FILE, headless; NULL: the terminal */
    int width, height;  /* the screen in script mode (80x24 unless --size) */
    const char *query;  /* the query to open on ("" for every article) */
};

/* Open the index, run the browser until it quits and restore the terminal.
 * Problems before the screen opens (no index, not a terminal, a missing
 * script) are printed to stderr. Returns the exit status: 0, 2 on an error,
 * 128 + the signal when SIGINT or SIGTERM ended it. */
int tui_browse(const struct tui_options *opt);

#endif

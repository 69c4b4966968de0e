/*
 * cmd_browse.c — `dossier browse [--db PATH] [--script FILE] [--size WxH]
 * [QUERY]` (and `dossier` alone): the options are read here, the browser
 * (src/tui/, through its one header browse.h) gets them ready to use.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "../tui/browse.h"
#include "cli.h"
#include "commands.h"

/* "WxH" with both from 1 to 1000 into *w, *h; -1 when it is not that. */
static int
parse_size(const char *s, int *w, int *h)
{
    char x;
    return sscanf(s, "%d%c%d", w, &x, h) == 3 && (x == 'x' || x == 'X') && *w > 0 && *h > 0 &&
                   *w <= 1000 && *h <= 1000
               ? 0
               : -1;
}

static void
usage(FILE *f)
{
    fputs("usage: dossier browse [--db PATH] [--script FILE] [--size WxH] [QUERY]\n"
          "  --db PATH      the index (default: $DOSSIER_DB or the data dir)\n"
          "  --script FILE  read keys and commands from FILE (headless; see tests/tui)\n"
          "  --size WxH     screen size in script mode (default 80x24)\n",
          f);
}

/* Read argv into *opt (the query words joined into qtext); returns -1 when
 * the browser should run, else the exit status (--help, a bad option). */
static int
parse_args(int argc, char **argv, struct tui_options *opt, struct buf *qtext)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--db") == 0 && i + 1 < argc) {
            opt->db = argv[++i];
        } else if (strncmp(a, "--db=", 5) == 0) {
            opt->db = a + 5;
        } else if (strcmp(a, "--script") == 0 && i + 1 < argc) {
            opt->script = argv[++i];
        } else if (strcmp(a, "--size") == 0 && i + 1 < argc) {
            if (parse_size(argv[++i], &opt->width, &opt->height) < 0) {
                fprintf(stderr, "dossier: bad --size '%s' (want WxH, e.g. 80x24)\n", argv[i]);
                return EXIT_ERROR;
            }
        } else if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++)
                buf_printf(qtext, "%s%s", qtext->len ? " " : "", argv[i]);
        } else if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "dossier: browse: unknown option '%s'\n", a);
            usage(stderr);
            return EXIT_ERROR;
        } else {
            buf_printf(qtext, "%s%s", qtext->len ? " " : "", a);
        }
    }
    return -1;
}

int
cmd_browse(int argc, char **argv)
{
    struct tui_options opt = {.width = 80, .height = 24};
    struct buf qtext = BUF_INIT;
    int status = parse_args(argc, argv, &opt, &qtext);
    if (status < 0) {
        if (!opt.db)
            opt.db = cli_global_db; /* `dossier --db PATH` before the command */
        opt.query = buf_str(&qtext);
        status = tui_browse(&opt);
    }
    buf_free(&qtext);
    return status;
}

/*
 * cmd_browse.c — `dossier browse [--db PATH] [--script FILE] [--size WxH]
 * [QUERY]` (and `dossier` alone): the options are read here, as every
 * command's are (cli_parse, the help from the command table), and the
 * browser (src/tui/, through its one header browse.h) gets them ready to use.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

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

/* `dossier browse`: the exit status of the browser, or 0 after --help, 2
 * after a bad option. */
int
cmd_browse(int argc, char **argv)
{
    struct tui_options opt = {.width = 80, .height = 24};
    const char *size = NULL;
    const struct cli_option opts[] = {
        {"script", 1, &opt.script, NULL},
        {"size", 1, &size, NULL},
        {NULL, 0, NULL, NULL},
    };
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("browse"), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    if (size && parse_size(size, &opt.width, &opt.height) < 0)
        return cli_fail(words, "browse", "bad --size '%s' (want WxH, e.g. 80x24)", size);
    char *query = cli_join(words, nwords);
    free(words);
    opt.db = cli_global_db; /* --db, before the command or after it */
    opt.query = query;
    int status = tui_browse(&opt);
    free(query);
    return status;
}

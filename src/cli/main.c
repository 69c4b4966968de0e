/*
 * main.c — `dossier [--db PATH] COMMAND [ARGS]`: the command table and the
 * dispatch. With no command, dossier opens the browser.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

const struct cli_command cli_commands[] = {
    {"browse", cmd_browse, "[QUERY]", "Open the interface on the index (the default command).",
     "  --script FILE    read keys from FILE instead of the keyboard (tests)\n"
     "  --size WxH       screen size in script mode (default 80x24)\n"},
    {"index", cmd_index, "[PATH...]",
     "Index files and folders (.txt, .md); only what changed is read again.\n"
     "Unchanged files are skipped, changed ones re-indexed, deleted ones removed.\n"
     "With no PATH, the paths indexed before are refreshed. Files under a folder\n"
     "that cannot be read (missing, unmounted, no permission) are kept, marked\n"
     "missing; a folder given that cannot be read makes the exit status 2.",
     "  --max-size MIB   skip files larger than this (default 8)\n"
     "  --prune          remove what cannot be read instead of keeping it\n"
     "  --quiet          no summary\n"
     "  --watch          then keep running: index the folders that change (inotify, else\n"
     "                   a poll every second), until Ctrl-C (SIGINT) or SIGTERM\n"},
    {"forget", cmd_forget, "PATH...",
     "Remove the files and folders given (they need not exist) from the index,\n"
     "with their documents; a folder is no longer refreshed by 'dossier index'.\n"
     "Tags stay with the text: the same article indexed again gets them back.",
     ""},
    {"search", cmd_search, "QUERY", "Print the articles matching QUERY, best first.",
     "  --limit N        at most N results (default 20)\n"
     "  --sort date|rank order (default rank; date when the query has no words)\n"
     "  --json           one JSON object per line\n"},
    {"show", cmd_show, "ID|PATH", "Print an article's metadata and cleaned text.",
     "  --raw            the text as read, before cleaning (piped: the file byte for byte)\n"
     "  --removed        the lines cleaning dropped, with the reason\n"
     "  --json           metadata and text as one JSON object\n"},
    {"stats", cmd_stats, "", "Print corpus totals: documents, words, outlets, dates, undated, skipped files.",
     "  --json           as JSON\n"},
    {"facts", cmd_facts, "ID|PATH",
     "Print what an article states: figures, entities by kind, topics, keywords.",
     "  --json           as JSON\n"},
    {"figures", cmd_figures, "[QUERY]", "Print every figure in the matching articles.",
     "  --csv            as CSV\n"
     "  --json           one JSON object per line\n"
     "  --limit N        at most N articles (default all)\n"},
    {"topics", cmd_topics, "[QUERY]", "Print topics with the number of matching articles.",
     "  --tree           as a tree: each topic followed by the topics below it\n"
     "                   (economy/trade under economy), most articles first\n"
     "  --limit N        at most N topics (default 1000)\n"
     "  --json           as JSON (with --tree: nested, each topic with its children)\n"},
    {"themes", cmd_themes, "",
     "Print the themes found in the whole index by content, biggest first.\n"
     "Each index run fits them on a sample of the articles (once there are 100),\n"
     "assigns every new article to its nearest theme, and fits them again once the\n"
     "collection has grown by a quarter; theme:N finds a theme's articles. Without\n"
     "stored themes, or when asked for others, they are fitted and stored now.\n"
     "The same collection and seed give the same themes.",
     "  --k N            how many themes (default 8, or the stored fit's)\n"
     "  --seed N         the seed of the grouping (default 1, or the stored fit's)\n"
     "  --sample N       fit on at most N articles (default 5000)\n"
     "  --refit          fit again now, even when themes are stored\n"
     "  --json           as JSON, with each theme's article ids\n"},
    {"entities", cmd_entities, "[QUERY]",
     "Print the entities named most in the matching articles, by kind.",
     "  --limit N        at most N per kind (default 10)\n"
     "  --json           as JSON\n"},
    {"check", cmd_check, "",
     "Check the index: database integrity, references, and the full-text index.\n"
     "Exit 0 when whole, 1 when problems were found (each is listed).",
     "  --repair         first rebuild the full-text index and the derived tables\n"
     "                   from the stored documents\n"},
    {"compare", cmd_compare, "A B | --left QUERY --right QUERY",
     "Two articles side by side, or two sets of articles: what differs.",
     "  Articles A and B (ids or paths) are aligned by similar sentences, even\n"
     "  reordered; then figures (conflicts flagged), entities, distinctive terms\n"
     "  and topics of each. With --left/--right: the terms, entities and topics\n"
     "  distinctive of each set (log-likelihood G2).\n"
     "  --width N        total width (default: the terminal's, else 80)\n"
     "  --no-marks       do not mark changed words with [-..-] and {+..+}\n"
     "  --left QUERY     the first set of articles\n"
     "  --right QUERY    the second set\n"
     "  --limit N        at most N articles per set (default 2000)\n"
     "  --json           as one JSON object\n"},
    {"similar", cmd_similar, "[ID|PATH]",
     "Print the articles most similar to one, best first, each with why; near-duplicates marked.",
     "  --limit N        at most N articles (default 10)\n"
     "  --groups         instead, list every group of near-duplicates in the index\n"
     "  --json           one JSON object per line\n"},
    {"stories", cmd_stories, "[QUERY]",
     "Print the stories told by several articles (of the matching ones), most outlets first.",
     "  --limit N        at most N stories (default 20)\n"
     "  --min N          stories of at least N articles (default 2)\n"
     "  --json           one JSON object per line\n"},
    {"timeline", cmd_timeline, "[QUERY]",
     "Print matching articles per week, month or year, with topic sparklines.",
     "  --unit week|month|year  bucket size (default: chosen from the date range)\n"
     "  --series N       sparklines for the top N topics (default 6, 0 for none)\n"
     "  --width N        columns for the bars (default $COLUMNS or 80)\n"
     "  --csv            as CSV\n"
     "  --json           as JSON\n"},
    {"kwic", cmd_kwic, "TERM [QUERY]",
     "Print every occurrence of TERM in its context (keyword in context).\n"
     "TERM is a word or \"a phrase\"; QUERY selects the articles.",
     "  --width N        columns of context on each side (default 35)\n"
     "  --sort doc|left|right  order of the lines (default doc)\n"
     "  --limit N        at most N lines (default 1000)\n"
     "  --csv            as CSV\n"
     "  --json           one JSON object per line\n"},
    {"keyness", cmd_keyness, "QUERY",
     "Print the terms most distinctive of the matching articles (keyness).\n"
     "Log-likelihood (G2) against the rest of the corpus, or against --against.",
     "  --against QUERY  compare with the articles QUERY matches instead\n"
     "  --limit N        at most N terms (default 30)\n"
     "  --min N          ignore terms seen fewer than N times (default 3)\n"
     "  --csv            as CSV\n"
     "  --json           as JSON\n"},
    {"overview", cmd_overview, "[QUERY]",
     "Print the statistics view: coverage, topics, outlets, entities, pairs.\n"
     "Coverage over time, topic and outlet shares, entities and the entities named\n"
     "together most, with the time it took.",
     "  --limit N        rows per table (default 10)\n"
     "  --figures subject|date|value  also the figures table, in that order\n"
     "  --width N        columns for the text tables (default $COLUMNS or 80)\n"
     "  --json           as JSON\n"},
    {"export", cmd_export, "[QUERY]",
     "Write the matching articles with metadata, topics and figures.",
     "  --format csv|json|markdown  (default csv; markdown is a brief with links)\n"},
    {"add", cmd_add, "URL...",
     "Fetch web pages, save them under $XDG_DATA_HOME/dossier/web/HOST/ and index them.",
     "Only http and https, also through redirects (at most 5). Each request has a\n"
     "timeout and a size cap ($DOSSIER_FETCH_TIMEOUT seconds, default 30;\n"
     "$DOSSIER_FETCH_MAX_BYTES, default 8 MiB).\n"},
    {"feeds", cmd_feeds, "[add URL | remove NAME]",
     "List, add or remove the feeds that 'dossier update' fetches.",
     "  --name NAME      with add: the feed's name (default: from the URL)\n"
     "  --articles       with add: 'update' also fetches the page behind each new item\n"
     "  --json           list as JSON\n"},
    {"update", cmd_update, "[--articles]",
     "Fetch every feed (conditional requests), save what changed and index it.",
     "Feeds are saved as web/HOST/feeds/NAME.xml; a failed feed is reported and the\n"
     "others still update. Requests to one host are $DOSSIER_FETCH_DELAY_MS apart\n"
     "(default 500).\n"
     "  --articles       also fetch and index the page behind each new item of every\n"
     "                   feed (feeds added with --articles always do); the page then\n"
     "                   stands for the item in lists and searches\n"},
    {"saved", cmd_searches, "[add NAME QUERY | show NAME | remove NAME]",
     "Saved searches with their totals and the articles new since each was last shown.",
     "'saved show NAME' prints the results, newest first, new ones marked with '*'\n"
     "after the id, and marks the search seen. 'searches' is another name for 'saved'.\n"
     "  --limit N        with show: at most N articles (default all)\n"
     "  --json           as JSON (a list; with show, one object per line)\n"},
    {NULL, NULL, NULL, NULL, NULL},
};

static void
usage(FILE *f)
{
    fprintf(f, "usage: dossier [--db PATH] [COMMAND] [ARGS]\n\n"
               "A terminal browser for folders of news articles.\n\ncommands:\n");
    for (const struct cli_command *c = cli_commands; c->name; c++)
        fprintf(f, "  %-9s %.*s\n", c->name, (int)strcspn(c->summary, "\n"), c->summary);
    fprintf(f, "\n'dossier COMMAND --help' describes a command; 'man dossier' the query "
               "language.\n");
}

int
main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    int i = 1;
    if (argc == 2 && strcmp(argv[1], "-h") == 0) { /* the short form people type */
        usage(stdout);
        return 0;
    }
    /* Options before the command. */
    while (i < argc && argv[i][0] == '-' && argv[i][1] == '-') {
        if (strcmp(argv[i], "--version") == 0) {
            printf("%s\n", PACKAGE_STRING);
            return 0;
        }
        if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            cli_global_db = argv[i + 1];
            i += 2;
            continue;
        }
        if (strncmp(argv[i], "--db=", 5) == 0) {
            cli_global_db = argv[i] + 5;
            i++;
            continue;
        }
        break; /* the browser's own options */
    }
    if (i < argc && strcmp(argv[i], "help") == 0) {
        const struct cli_command *c = i + 1 < argc ? cli_find(argv[i + 1]) : NULL;
        if (c)
            cli_usage(c, stdout);
        else
            usage(stdout);
        return 0;
    }
    const struct cli_command *cmd = i < argc ? cli_find(argv[i]) : NULL;
    if (i < argc && !cmd && argv[i][0] != '-') {
        fprintf(stderr, "dossier: unknown command '%s' (see dossier --help)\n", argv[i]);
        return EXIT_ERROR;
    }
    if (!cmd) {
        /* `dossier` or `dossier --script F`: the browser. */
        static char browse_name[] = "browse";
        cmd = cli_find("browse");
        argv[i - 1] = browse_name;
        return cmd->run(argc - i + 1, argv + i - 1);
    }
    return cmd->run(argc - i, argv + i);
}

/* commands.h — one entry point per subcommand; argv[0] is the command name. */
#ifndef DOSSIER_COMMANDS_H
#define DOSSIER_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

int cmd_browse(int argc, char **argv); /* cmd_browse.c, runs src/tui (browse.h) */
int cmd_index(int argc, char **argv);
int cmd_forget(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_facts(int argc, char **argv);
int cmd_figures(int argc, char **argv);
int cmd_topics(int argc, char **argv);
int cmd_themes(int argc, char **argv);
int cmd_entities(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_compare(int argc, char **argv);  /* cmd_compare.c */
int cmd_similar(int argc, char **argv);
int cmd_stories(int argc, char **argv);  /* cmd_stories.c */
int cmd_timeline(int argc, char **argv); /* cmd_corpus.c */
int cmd_kwic(int argc, char **argv);
int cmd_keyness(int argc, char **argv);
int cmd_overview(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_add(int argc, char **argv);    /* cmd_fetch.c */
int cmd_feeds(int argc, char **argv);
int cmd_update(int argc, char **argv);
int cmd_searches(int argc, char **argv); /* cmd_searches.c */

/* cmd_search.c: print the first want rows of rs as `dossier search` does
 * (text or JSON lines); when new_above >= 0, rows with a higher id are
 * marked new. 0, or -1 with err. */
struct store;
struct query;
struct result_set;
struct ds_error;
int search_print_rows(struct store *s, const struct query *q, struct result_set *rs, size_t want,
                      bool json, int64_t new_above, struct ds_error *err);

#endif

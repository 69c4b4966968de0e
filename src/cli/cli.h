/*
 * cli.h — what the subcommands of the command-line front end share: option
 * parsing that leaves query words alone ("-word" is a query, not an option),
 * opening the store, and printing article text safely.
 *
 * Exit status of every command: 0 success (results found), 1 nothing found,
 * 2 error (message on stderr).
 */
#ifndef DOSSIER_CLI_H
#define DOSSIER_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "dossier/store.h"
#include "dossier/util.h"

enum { EXIT_FOUND = 0, EXIT_NONE = 1, EXIT_ERROR = 2 };

struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *args;    /* "QUERY", "ID|PATH" */
    const char *summary; /* one line */
    const char *help;    /* options, one per line */
};

/* The command table (main.c); `dossier help` and the man page follow it. */
extern const struct cli_command cli_commands[];

/* --db given before the command (NULL when absent). */
extern const char *cli_global_db;

/* A long option a command accepts. value: 0 flag, 1 takes an argument. */
struct cli_option {
    const char *name; /* without the leading "--" */
    int value;
    const char **out_value; /* for value options */
    bool *out_flag;         /* for flags */
};

/* Parse argv[1..]: known --options (also "--opt=value") are consumed, "--"
 * ends options, everything else is collected into *rest (NULL-terminated,
 * borrowed pointers into argv). "--help" prints the command's help and makes
 * the function return 1; an unknown option prints an error and returns -1. */
int cli_parse(const struct cli_command *cmd, int argc, char **argv,
              const struct cli_option *opts, char ***rest, int *nrest);

/* The remaining words joined with spaces (newly allocated). */
char *cli_join(char **words, int n);

/* Open the store named by --db / $DOSSIER_DB / the default. Prints the
 * error and returns -1 on failure. */
int cli_open_store(const char *db_opt, int flags, struct store **out);

/* Print text with control characters removed (newlines and, if keep_tabs,
 * tabs kept): article text never reaches the terminal raw. */
void cli_put_text(FILE *f, const char *s);

/* Print a name (a file path) on one line: control characters and bytes
 * that are not UTF-8 shown as escapes (\n, \t, \xHH), so a name cannot
 * break a line or reach the terminal raw. */
void cli_put_name(FILE *f, const char *s);

/* Print a query's parse error for `dossier cmd`: the message, the query
 * (each control character shown as '?', so an ESC or BEL typed into it is
 * never echoed) and a caret under the display column err->pos points at. */
void cli_query_error(const char *cmd, const char *text, const struct ds_error *err);

/* Print text truncated or padded to exactly cols display columns. */
void cli_put_cell(FILE *f, const char *s, size_t cols);

/* Format n with thousands separators ("5,120") into a static buffer. */
const char *cli_thousands(long long n);

/* Resolve the single ID|PATH argument of command cmd. Prints errors. Returns
 * EXIT_FOUND with *id set, or the exit status to return. */
int cli_resolve_doc(struct store *s, const char *cmd, char **words, int nwords, int64_t *id);

/* The commands on one article: open the store read-only and resolve the
 * single ID|PATH word; words (from cli_parse) is freed. EXIT_FOUND with *s
 * open and *id set, or the exit status to return (errors printed, nothing
 * left open). */
int cli_open_doc(const char *cmd, char **words, int nwords, struct store **s, int64_t *id);

/* What a command returns when cli_parse() did not return 0: 0 after
 * --help (1), 2 after a bad option (-1). */
int cli_parse_status(int prc);

/* What a command returns when what cli_parse() gave it will not do (an
 * option's value, a missing word, an index that does not open): prints
 * "dossier CMD: MESSAGE" on stderr unless fmt is NULL (the failure said
 * so already), frees words (cli_parse()'s *rest) and returns EXIT_ERROR. */
int cli_fail(char **words, const char *cmd, const char *fmt, ...) DS_PRINTF(3, 4);

/* The number an option's value starts with (strtol, base 10), or dflt when
 * the option was not given. */
long cli_long(const char *value, long dflt);

/* The whole number an option gives, checked: dflt when the option is
 * absent, else value if it is all digits from min (>= 0) to max; -1 after
 * "dossier CMD: --OPT wants a number, not 'VALUE'" (with max CLI_NO_MAX) or
 * "... wants a whole number from MIN to MAX, not 'VALUE'" when it is not. */
#define CLI_NO_MAX (-1LL)
long long cli_number(const char *cmd, const char *opt, const char *value, long long dflt,
                     long long min, long long max);

/* Append ',"name":value' to a JSON object: a string, or null. */
void cli_json_field(struct buf *b, const char *name, const char *value);

void cli_usage(const struct cli_command *cmd, FILE *f);
/* The command called name, or one of its other names ("searches" is
 * "saved"); NULL when there is none. */
const struct cli_command *cli_find(const char *name);

#endif

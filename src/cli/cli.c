/* cli.c — helpers shared by the subcommands (see cli.h). */
#include "config.h"

#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"

const char *cli_global_db;

/* Other names a command answers to: the name it had before. */
static const struct {
    const char *alias, *name;
} cli_aliases[] = {
    {"searches", "saved"},
};

const struct cli_command *
cli_find(const char *name)
{
    for (size_t i = 0; i < DS_ARRAY_LEN(cli_aliases); i++)
        if (strcmp(name, cli_aliases[i].alias) == 0)
            name = cli_aliases[i].name;
    for (const struct cli_command *c = cli_commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

void
cli_usage(const struct cli_command *cmd, FILE *f)
{
    fprintf(f, "usage: dossier %s%s%s\n\n%s\n", cmd->name, cmd->args[0] ? " " : "", cmd->args,
            cmd->summary);
    if (cmd->help && cmd->help[0])
        fprintf(f, "\noptions:\n%s", cmd->help);
    fprintf(f, "  --db PATH        the index (default $DOSSIER_DB, else "
               "$XDG_DATA_HOME/dossier/index.db)\n"
               "  --help           this help\n");
}

int
cli_parse(const struct cli_command *cmd, int argc, char **argv, const struct cli_option *opts,
          char ***rest, int *nrest)
{
    const char *db_value = NULL;
    char **words = xcalloc((size_t)argc + 1, sizeof *words);
    int n = 0;
    bool options_done = false;

    if (argc == 2 && strcmp(argv[1], "-h") == 0) {
        /* a lone -h is help, as people type it: as a query word it would
         * ask for nothing but a negation */
        cli_usage(cmd, stdout);
        free(words);
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options_done || strncmp(a, "--", 2) != 0) {
            words[n++] = argv[i];
            continue;
        }
        if (strcmp(a, "--") == 0) {
            options_done = true;
            continue;
        }
        if (strcmp(a, "--help") == 0) {
            cli_usage(cmd, stdout);
            free(words);
            return 1;
        }
        const char *name = a + 2;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const struct cli_option *o = NULL;
        for (const struct cli_option *p = opts; p && p->name; p++)
            if (strlen(p->name) == len && strncmp(p->name, name, len) == 0)
                o = p;
        bool is_db = len == 2 && strncmp(name, "db", 2) == 0;
        if (!o && !is_db) {
            fprintf(stderr, "dossier %s: unknown option '%s' (see dossier %s --help)\n",
                    cmd->name, a, cmd->name);
            free(words);
            return -1;
        }
        if (is_db || o->value) {
            const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v) {
                fprintf(stderr, "dossier %s: option '--%.*s' needs a value\n", cmd->name,
                        (int)len, name);
                free(words);
                return -1;
            }
            if (is_db)
                db_value = v;
            else
                *o->out_value = v;
        } else {
            *o->out_flag = true;
        }
    }
    if (db_value)
        cli_global_db = db_value;
    words[n] = NULL;
    *rest = words;
    *nrest = n;
    return 0;
}

int
cli_fail(char **words, const char *cmd, const char *fmt, ...)
{
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        fprintf(stderr, "dossier %s: ", cmd);
        vfprintf(stderr, fmt, ap);
        fputc('\n', stderr);
        va_end(ap);
    }
    free(words);
    return EXIT_ERROR;
}

long
cli_long(const char *value, long dflt)
{
    return value ? strtol(value, NULL, 10) : dflt;
}

long long
cli_number(const char *cmd, const char *opt, const char *value, long long dflt, long long min,
           long long max)
{
    if (!value)
        return dflt;
    char *end;
    long long v = strtoll(value, &end, 10);
    if (*value && !*end && v >= min && (max == CLI_NO_MAX || v <= max))
        return v;
    if (max == CLI_NO_MAX)
        fprintf(stderr, "dossier %s: --%s wants a number, not '%s'\n", cmd, opt, value);
    else
        fprintf(stderr, "dossier %s: --%s wants a whole number from %lld to %lld, not '%s'\n", cmd,
                opt, min, max, value);
    return -1;
}

char *
cli_join(char **words, int n)
{
    struct buf b = BUF_INIT;
    for (int i = 0; i < n; i++) {
        if (i)
            buf_putc(&b, ' ');
        buf_puts(&b, words[i]);
    }
    return buf_steal(&b);
}

int
cli_open_store(const char *db_opt, int flags, struct store **out)
{
    struct ds_error err;
    char *path = ds_db_path(db_opt ? db_opt : cli_global_db);
    ds_error_clear(&err);
    int rc = store_open(path, flags, out, &err);
    if (rc != 0)
        fprintf(stderr, "dossier: %s\n", err.msg[0] ? err.msg : "cannot open the index");
    free(path);
    return rc;
}

void
cli_put_text(FILE *f, const char *s)
{
    size_t n = s ? strlen(s) : 0, i = 0, run = 0;
    while (i < n) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        /* C0/C1 controls, DEL and bidi overrides/isolates (which can reorder
         * what a terminal shows) are dropped. */
        if ((cp < 0x20 && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
            (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            fwrite(s + run, 1, i - run, f);
            if (cp == '\t')
                fputc(' ', f);
            run = i + (size_t)k;
        }
        i += (size_t)k;
    }
    fwrite(s + run, 1, n - run, f);
}

void
cli_put_name(FILE *f, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        bool invalid = cp == 0xFFFD && k == 1;
        if (cp == '\n')
            fputs("\\n", f);
        else if (cp == '\t')
            fputs("\\t", f);
        else if (invalid || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
                 (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
            for (int j = 0; j < k; j++)
                fprintf(f, "\\x%02x", (unsigned char)s[i + (size_t)j]);
        else
            fwrite(s + i, 1, (size_t)k, f);
        i += (size_t)k;
    }
}

void
cli_query_error(const char *cmd, const char *text, const struct ds_error *err)
{
    fprintf(stderr, "dossier %s: %s\n", cmd, err->msg);
    size_t n = text ? strlen(text) : 0;
    if (!text || err->pos < 0 || (size_t)err->pos > n)
        return;
    struct buf line = BUF_INIT;
    int col = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(text + i, n - i, &cp);
        int w = utf8_cp_width(cp);
        bool control = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
                       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
        if (control || w < 0) {
            buf_putc(&line, '?');
            w = 1;
        } else {
            buf_append(&line, text + i, (size_t)k);
        }
        if (i < (size_t)err->pos)
            col += w;
        i += (size_t)k;
    }
    fprintf(stderr, "  %s\n  %*s^\n", buf_str(&line), col, "");
    buf_free(&line);
}

void
cli_put_cell(FILE *f, const char *s, size_t cols)
{
    struct buf clean = BUF_INIT;
    size_t n = s ? strlen(s) : 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (utf8_cp_width(cp) >= 0)
            buf_append(&clean, s + i, (size_t)k);
        else
            buf_putc(&clean, ' ');
        i += (size_t)k;
    }
    size_t width = utf8_width(buf_str(&clean), clean.len);
    if (width <= cols) {
        fputs(buf_str(&clean), f);
        for (size_t i = width; i < cols; i++)
            fputc(' ', f);
    } else {
        size_t used;
        size_t bytes = utf8_prefix_for_width(buf_str(&clean), clean.len, cols ? cols - 1 : 0, &used);
        fwrite(buf_str(&clean), 1, bytes, f);
        if (cols)
            fputs("…", f), used++;
        for (; used < cols; used++)
            fputc(' ', f);
    }
    buf_free(&clean);
}

const char *
cli_thousands(long long n)
{
    static char out[32];
    char tmp[32];
    int len = snprintf(tmp, sizeof tmp, "%lld", n < 0 ? -n : n);
    int o = 0;
    if (n < 0)
        out[o++] = '-';
    for (int i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = tmp[i];
    }
    out[o] = '\0';
    return out;
}

/* Resolve the single ID|PATH argument of a command. Prints errors. Returns
 * EXIT_FOUND with *id set, or the exit status to return. */
int
cli_resolve_doc(struct store *s, const char *cmd, char **words, int nwords, int64_t *id)
{
    struct ds_error err;
    ds_error_clear(&err);
    if (nwords != 1) {
        fprintf(stderr, "dossier %s: give one article id or path (see dossier %s --help)\n", cmd,
                cmd);
        return EXIT_ERROR;
    }
    int rc = store_doc_resolve(s, words[0], id, &err);
    if (rc < 0) {
        fprintf(stderr, "dossier %s: %s\n", cmd, err.msg);
        return EXIT_ERROR;
    }
    if (rc > 0) {
        fprintf(stderr, "dossier %s: no article '%s' in the index\n", cmd, words[0]);
        return EXIT_NONE;
    }
    return EXIT_FOUND;
}

int
cli_open_doc(const char *cmd, char **words, int nwords, struct store **s, int64_t *id)
{
    if (cli_open_store(NULL, STORE_READONLY, s) != 0) {
        free(words);
        return EXIT_ERROR;
    }
    int status = cli_resolve_doc(*s, cmd, words, nwords, id);
    free(words);
    if (status != EXIT_FOUND)
        store_close(s);
    return status;
}

int
cli_parse_status(int prc)
{
    return prc > 0 ? EXIT_FOUND : EXIT_ERROR;
}

void
cli_json_field(struct buf *b, const char *name, const char *value)
{
    buf_printf(b, ",\"%s\":", name);
    buf_put_json_or_null(b, value);
}

/* cmd_show.c — `dossier show ID|PATH` (one article) and `dossier stats`
 * (corpus totals). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "dossier/article.h"
#include "dossier/corpus.h"
#include "dossier/store_stats.h"

static void
print_meta_line(const char *label, const char *value)
{
    if (!value)
        return;
    printf("%-10s ", label);
    cli_put_text(stdout, value);
    putchar('\n');
}

/* `show --raw`: the file byte for byte when it still holds what was
 * indexed and the output is not a terminal (a terminal never gets control
 * characters); otherwise the text as indexed, decoded to UTF-8. */
static void
show_raw(const struct doc_record *rec)
{
    struct buf bytes = BUF_INIT;
    struct ds_error err;
    if (!isatty(STDOUT_FILENO) && rec->path &&
        ds_read_file(rec->path, (size_t)64 << 20, &bytes, &err) == 0 &&
        ds_hash64(bytes.data ? bytes.data : "", bytes.len) == rec->hash) {
        fwrite(bytes.data ? bytes.data : "", 1, bytes.len, stdout);
        buf_free(&bytes);
        return;
    }
    buf_free(&bytes);
    const char *text = rec->a.raw;
    cli_put_text(stdout, text);
    if (text && *text && text[strlen(text) - 1] != '\n')
        putchar('\n');
}

/* `show --json`: the article and where it came from as one object. */
static void
show_json(const struct doc_record *rec, const struct doc_origin *origin, bool raw, bool removed)
{
    const struct article *a = &rec->a;
    struct buf b = BUF_INIT;
    buf_printf(&b, "{\"id\":%lld", (long long)rec->id);
    cli_json_field(&b, "path", rec->path);
    cli_json_field(&b, "item", origin->item);
    cli_json_field(&b, "url", origin->url);
    cli_json_field(&b, "title", a->title);
    cli_json_field(&b, "subtitle", a->subtitle);
    cli_json_field(&b, "summary", a->summary);
    cli_json_field(&b, "section", a->section);
    cli_json_field(&b, "source", a->source);
    cli_json_field(&b, "published", a->published);
    cli_json_field(&b, "date_found", a->published ? date_source_name(a->date_how) : NULL);
    if (!a->published)
        cli_json_field(&b, "undated", undated_reason_name(a->undated));
    cli_json_field(&b, "day_month", a->day_month);
    cli_json_field(&b, "byline", a->byline);
    cli_json_field(&b, "language", a->lang);
    cli_json_field(&b, "encoding", a->encoding);
    buf_printf(&b, ",\"words\":%d,\"files\":%d", a->words, rec->nfiles);
    if (rec->missing)
        buf_puts(&b, ",\"missing\":true");
    cli_json_field(&b, "lead", rec->lead);
    cli_json_field(&b, "body", a->body);
    if (raw)
        cli_json_field(&b, "raw", a->raw);
    if (removed)
        cli_json_field(&b, "removed", a->removed);
    buf_puts(&b, "}\n");
    fputs(b.data, stdout);
    buf_free(&b);
}

/* `show --removed`: the lines cleaning dropped, "reason  line" each. */
static void
show_removed(const char *removed)
{
    /* "reason\tline" per line */
    const char *p = removed ? removed : "";
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *line = xstrndup(p, n);
        char *tab = strchr(line, '\t');
        if (tab) {
            *tab = '\0';
            printf("%-20s ", line);
            cli_put_text(stdout, tab + 1);
        } else {
            cli_put_text(stdout, line);
        }
        putchar('\n');
        free(line);
        p += n + (nl ? 1 : 0);
    }
}

/* `show`: the metadata lines, then the cleaned body. */
static void
show_text(const struct doc_record *rec, const struct doc_origin *origin)
{
    const struct article *a = &rec->a;
    printf("%-10s %lld\n", "id", (long long)rec->id);
    if (rec->path) {
        printf("%-10s ", "path");
        cli_put_name(stdout, rec->path);
        putchar('\n');
    }
    if (rec->missing)
        printf("%-10s not seen by the last index run (its folder could not be read); "
               "'dossier forget PATH' removes it\n", "missing");
    print_meta_line("item", origin->item);
    print_meta_line("url", origin->url);
    if (rec->nfiles > 1)
        printf("%-10s %d (identical content)\n", "files", rec->nfiles);
    print_meta_line("title", a->title);
    print_meta_line("subtitle", a->subtitle);
    print_meta_line("summary", a->summary);
    print_meta_line("section", a->section);
    print_meta_line("source", a->source);
    if (a->published)
        printf("%-10s %s (%s)\n", "published", a->published, date_source_name(a->date_how));
    else if (a->undated) {
        char dm[24];
        day_month_text(a->day_month, dm);
        printf("%-10s %s%s%s\n", "undated", undated_reason_text(a->undated), dm[0] ? ": " : "",
               dm);
    }
    print_meta_line("byline", a->byline);
    print_meta_line("language", a->lang);
    print_meta_line("encoding", a->encoding);
    printf("%-10s %d\n\n", "words", a->words);
    cli_put_text(stdout, a->body);
    if (a->body && *a->body && a->body[strlen(a->body) - 1] != '\n')
        putchar('\n');
}

int
cmd_show(int argc, char **argv)
{
    bool raw = false, removed = false, json = false;
    const struct cli_option opts[] = {
        {"raw", 0, NULL, &raw},
        {"removed", 0, NULL, &removed},
        {"json", 0, NULL, &json},
        {NULL, 0, NULL, NULL},
    };
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("show"), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    struct store *s;
    int64_t id;
    int status = cli_open_doc("show", words, nwords, &s, &id);
    if (status != EXIT_FOUND)
        return status;
    struct doc_record rec = {0};
    struct doc_origin origin = {0};
    struct ds_error err;
    /* where it came from: the file, the feed item, the URL the file states */
    if (store_doc_get(s, id, &rec, &err) != 0 || store_doc_origin(s, id, &origin, &err) != 0) {
        fprintf(stderr, "dossier show: %s\n", err.msg);
        status = EXIT_ERROR;
    } else if (json) {
        show_json(&rec, &origin, raw, removed);
    } else if (removed) {
        show_removed(rec.a.removed);
    } else if (raw) {
        show_raw(&rec);
    } else {
        show_text(&rec, &origin);
    }
    doc_origin_clear(&origin);
    doc_record_clear(&rec);
    store_close(&s);
    return status;
}

/* One skipped file under the "skipped" total, as the index run reported it. */
static int
print_skip(const char *path, const char *reason, void *ud)
{
    (void)ud;
    fputs("  ", stdout);
    cli_put_name(stdout, path);
    printf(" (%s)\n", reason);
    return 0;
}

/* The undated documents by reason, for `stats`. */
struct undated_counts {
    int64_t total;
    struct buf text, json;
};

static void
undated_row(const char *why, int64_t count, void *ud)
{
    struct undated_counts *u = ud;
    enum undated_reason r = undated_reason_parse(why);
    buf_printf(&u->text, "%s%s %s", u->total ? ", " : "", cli_thousands(count),
               r ? undated_reason_text(r) : "indexed before reasons were kept");
    buf_puts(&u->json, u->total ? "," : "");
    buf_put_json_string(&u->json, r ? undated_reason_name(r) : "unrecorded");
    buf_printf(&u->json, ":%lld", (long long)count);
    u->total += count;
}

int
cmd_stats(int argc, char **argv)
{
    bool json = false;
    const struct cli_option opts[] = {
        {"json", 0, NULL, &json},
        {NULL, 0, NULL, NULL},
    };
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("stats"), argc, argv, opts, &words, &nwords);
    free(prc == 0 ? words : NULL);
    if (prc != 0)
        return cli_parse_status(prc);
    if (nwords) {
        fprintf(stderr, "dossier stats: takes no arguments\n");
        return EXIT_ERROR;
    }
    struct store *s;
    if (cli_open_store(NULL, STORE_READONLY, &s) != 0)
        return EXIT_ERROR;
    struct store_stats st;
    struct ds_error err;
    struct undated_counts und = {0, BUF_INIT, BUF_INIT};
    if (store_stats(s, &st, &err) != 0 || stats_undated(s, 0, undated_row, &und, &err) != 0) {
        fprintf(stderr, "dossier stats: %s\n", err.msg);
        buf_free(&und.text);
        buf_free(&und.json);
        store_close(&s);
        return EXIT_ERROR;
    }
    if (json) {
        struct buf b = BUF_INIT;
        buf_printf(&b,
                   "{\"documents\":%lld,\"files\":%lld,\"duplicates\":%lld,\"words\":%lld,"
                   "\"outlets\":%lld,\"first_date\":",
                   (long long)st.documents, (long long)st.files, (long long)st.duplicates,
                   (long long)st.words, (long long)st.outlets);
        buf_put_json_or_null(&b, st.first_date);
        buf_puts(&b, ",\"last_date\":");
        buf_put_json_or_null(&b, st.last_date);
        buf_printf(&b, ",\"undated\":%lld,\"undated_why\":{%s}", (long long)und.total,
                   buf_str(&und.json));
        buf_printf(&b, ",\"skipped\":%lld,\"missing\":%lld}", (long long)st.skipped,
                   (long long)st.missing);
        puts(buf_str(&b));
        buf_free(&b);
    } else {
        printf("documents  %s\n", cli_thousands(st.documents));
        printf("files      %s", cli_thousands(st.files));
        printf(" (%s with content already indexed)\n", cli_thousands(st.duplicates));
        printf("words      %s\n", cli_thousands(st.words));
        printf("outlets    %s\n", cli_thousands(st.outlets));
        if (st.first_date)
            printf("dates      %s .. %s\n", st.first_date, st.last_date);
        else
            printf("dates      none found\n");
        if (und.total)
            printf("undated    %s (%s)\n", cli_thousands(und.total), buf_str(&und.text));
        if (st.missing)
            printf("missing    %s files not seen by the last index run (kept; 'dossier forget "
                   "PATH' removes them)\n",
                   cli_thousands(st.missing));
        printf("skipped    %s\n", cli_thousands(st.skipped));
        if (store_skip_each(s, print_skip, NULL, &err) != 0)
            fprintf(stderr, "dossier stats: %s\n", err.msg);
    }
    buf_free(&und.text);
    buf_free(&und.json);
    store_stats_clear(&st);
    store_close(&s);
    return EXIT_FOUND;
}

int
cmd_check(int argc, char **argv)
{
    bool repair = false;
    const struct cli_option opts[] = {
        {"repair", 0, NULL, &repair},
        {NULL, 0, NULL, NULL},
    };
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("check"), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    free(words);
    /* Opened for writing: FTS5's integrity check is a write-side command;
     * a file that cannot be written is still checked, without it. */
    struct store *s = NULL;
    struct ds_error err, rerr;
    ds_error_clear(&err);
    bool readonly = false;
    char *path = ds_db_path(cli_global_db);
    if (store_open(path, 0, &s, &err) != 0) {
        readonly = !repair && store_open(path, STORE_READONLY, &s, &rerr) == 0;
        if (!readonly) {
            fprintf(stderr, "dossier: %s\n", err.msg);
            free(path);
            return EXIT_ERROR;
        }
    }
    free(path);
    struct buf report = BUF_INIT;
    int status = EXIT_FOUND;
    if (repair && (store_repair(s, &err) != 0 || corpus_refresh(s, true, &err) != 0)) {
        fprintf(stderr, "dossier check: %s\n", err.msg);
        status = EXIT_ERROR;
    }
    int problems = status == EXIT_FOUND ? store_check(s, &report, &err) : 0;
    if (problems < 0) {
        fprintf(stderr, "dossier check: %s\n", err.msg);
        status = EXIT_ERROR;
    } else if (problems > 0) {
        fputs(buf_str(&report), stdout);
        printf("%d problem%s found", problems, problems == 1 ? "" : "s");
        if (repair)
            printf(" after the repair: index the folders again into a new file (--db NEW)\n");
        else
            printf(": 'dossier check --repair' rebuilds the full-text index and the derived "
                   "tables from the stored documents\n");
        status = EXIT_NONE;
    } else if (status == EXIT_FOUND) {
        puts(repair ? "repaired: ok" : "ok");
    }
    if (readonly && status != EXIT_ERROR)
        puts("(read-only here: the full-text index was not checked)");
    buf_free(&report);
    store_close(&s);
    return status;
}

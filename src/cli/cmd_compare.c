/*
 * cmd_compare.c — `dossier compare A B` (two articles side by side, then a
 * summary of what differs), `dossier compare --left Q --right Q` (what is
 * distinctive of one set of articles against another) and `dossier similar
 * ID` (the nearest articles, near-duplicates marked).
 *
 * For the lead — the entries this file needs elsewhere:
 *   src/cli/commands.h:
 *     int cmd_compare(int argc, char **argv);
 *     int cmd_similar(int argc, char **argv);
 *   src/cli/cli.am:   dossier_SOURCES += src/cli/cmd_compare.c
 *   src/cli/main.c, in cli_commands[]:
 *    {"compare", cmd_compare, "A B | --left QUERY --right QUERY",
 *     "Two articles side by side, or two sets of articles: what differs.",
 *     "  Articles A and B (ids or paths) are aligned by similar sentences, even\n"
 *     "  reordered; then figures (conflicts flagged), entities, distinctive terms\n"
 *     "  and topics of each. With --left/--right: the terms, entities and topics\n"
 *     "  distinctive of each set (log-likelihood G2).\n"
 *     "  --width N        total width (default: the terminal's, else 80)\n"
 *     "  --no-marks       do not mark changed words with [-..-] and {+..+}\n"
 *     "  --left QUERY     the first set of articles\n"
 *     "  --right QUERY    the second set\n"
 *     "  --limit N        at most N articles per set (default 2000)\n"
 *     "  --json           as one JSON object\n"},
 *    {"similar", cmd_similar, "[ID|PATH]",
 *     "Print the articles most similar to one, best first; near-duplicates marked.",
 *     "  --limit N        at most N articles (default 10)\n"
 *     "  --groups         instead, list every group of near-duplicates in the index\n"
 *     "  --json           one JSON object per line\n"},
 *   The indexer (compare.h): neardup_writer_open() once per run, then for each
 *     stored document, inside the run's transactions,
 *     neardup_writer_add(w, doc_id, body, strlen(body), &err); at the end
 *     neardup_writer_free(). (Until then `dossier similar` backfills.)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "dossier/compare.h"
#include "dossier/store_similar.h"
#include "dossier/query.h"
#include "dossier/utf8.h"

int cmd_compare(int argc, char **argv);
int cmd_similar(int argc, char **argv);
/* cmd_show.c */

/* ---- helpers ---------------------------------------------------------------- */

static size_t
terminal_width(const char *opt)
{
    if (opt) {
        long w = strtol(opt, NULL, 10);
        return w >= 20 && w <= 1000 ? (size_t)w : 0;
    }
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
        return ws.ws_col;
    const char *c = getenv("COLUMNS");
    if (c) {
        long w = strtol(c, NULL, 10);
        if (w >= 20 && w <= 1000)
            return (size_t)w;
    }
    return 80;
}

static void
json_str(struct buf *b, const char *name, const char *value)
{
    buf_printf(b, "\"%s\":", name);
    buf_put_json_or_null(b, value);
}

static void
json_span_text(struct buf *b, const char *name, const char *text, struct span s)
{
    char *t = xstrndup(text + s.start, s.end - s.start);
    buf_printf(b, "\"%s\":", name);
    buf_put_json_string(b, t);
    free(t);
}

/* A line of our own text, cut to width columns. */
static void
put_line(const char *s, size_t width)
{
    size_t n = strlen(s);
    fwrite(s, 1, utf8_prefix_for_width(s, n, width, NULL), stdout);
    putchar('\n');
}

/* Article text after a label, wrapped to width with a hanging indent of
 * indent columns (the label's width); control characters never pass. */
static void
put_wrapped(const char *label, size_t indent, const char *text, size_t width)
{
    struct span *lines = NULL;
    size_t cols = width > indent + 10 ? width - indent : 10;
    size_t n = compare_wrap(text, strlen(text), cols, &lines);
    fputs(label, stdout);
    for (size_t w = utf8_width(label, strlen(label)); w < indent; w++)
        putchar(' ');
    for (size_t i = 0; i < n; i++) {
        if (i)
            printf("\n%*s", (int)indent, "");
        char *t = xstrndup(text + lines[i].start, lines[i].end - lines[i].start);
        cli_put_text(stdout, t);
        free(t);
    }
    putchar('\n');
    free(lines);
}

/* One line of an article's identity: id, date, outlet, title. */
static void
print_doc_line(const char *label, const struct doc_record *r, size_t width)
{
    printf("%s %-6lld %-10s ", label, (long long)r->id,
           r->a.published ? r->a.published : "undated");
    cli_put_cell(stdout, r->a.source ? r->a.source : "", 14);
    putchar(' ');
    const char *title = r->a.title ? r->a.title : (r->lead ? r->lead : "");
    size_t used = utf8_width(label, strlen(label)) + 1 + 7 + 11 + 15;
    size_t cols = width > used + 10 ? width - used : 10;
    if (utf8_width(title, strlen(title)) <= cols)
        cli_put_text(stdout, title); /* no padding after the last column */
    else
        cli_put_cell(stdout, title, cols);
    putchar('\n');
}

static void
json_doc(struct buf *b, const char *name, const struct doc_record *r)
{
    buf_printf(b, "\"%s\":{\"id\":%lld,", name, (long long)r->id);
    json_str(b, "path", r->path);
    buf_putc(b, ',');
    json_str(b, "title", r->a.title ? r->a.title : r->lead);
    buf_putc(b, ',');
    json_str(b, "source", r->a.source);
    buf_putc(b, ',');
    json_str(b, "published", r->a.published);
    buf_putc(b, '}');
}

static void
json_figure(struct buf *b, const char *name, const struct figure *f)
{
    buf_printf(b, "\"%s\":", name);
    if (!f) {
        buf_puts(b, "null");
        return;
    }
    buf_putc(b, '{');
    json_str(b, "text", f->text);
    buf_printf(b, ",\"value\":%.17g,", f->value);
    json_str(b, "unit", f->unit);
    buf_putc(b, ',');
    json_str(b, "kind", figure_kind_name(f->kind));
    buf_putc(b, ',');
    json_str(b, "subject", f->subject);
    buf_printf(b, ",\"start\":%u,\"end\":%u}", f->span.start, f->span.end);
}

/* The sentence holding a figure, trimmed to max columns, for context. */
static void
print_figure_context(const char *body, const struct figure *f, size_t max)
{
    if (!f || f->sentence.end <= f->sentence.start)
        return;
    char *s = xstrndup(body + f->sentence.start, f->sentence.end - f->sentence.start);
    printf("      ");
    cli_put_cell(stdout, s, max);
    putchar('\n');
    free(s);
}

/* ---- compare A B ---------------------------------------------------------------- */

static void
print_summary(const struct cmp_result *r, const struct cmp_summary *sm, const char *a,
              const char *b, size_t width)
{
    printf("\nFigures");
    if (!sm->nfigures)
        printf(": none found");
    printf("\n");
    for (size_t i = 0; i < sm->nfigures; i++) {
        const struct cmp_figure_row *f = &sm->figures[i];
        struct buf t = BUF_INIT;
        switch (f->side) {
        case CMP_SIDE_CONFLICT:
            buf_puts(&t, "A ");
            figure_text(&t, f->a, false);
            buf_puts(&t, "  vs  B ");
            figure_text(&t, f->b, false);
            put_wrapped("  ! differ", 12, buf_str(&t), width);
            print_figure_context(a, f->a, width > 10 ? width - 6 : 10);
            print_figure_context(b, f->b, width > 10 ? width - 6 : 10);
            break;
        case CMP_SIDE_BOTH:
            figure_text(&t, f->a, false);
            if (f->b && f->b->text && f->a && f->a->text && strcmp(f->a->text, f->b->text))
                buf_printf(&t, "  (B: %s)", f->b->text);
            put_wrapped("  = both", 12, buf_str(&t), width);
            break;
        case CMP_SIDE_A:
            figure_text(&t, f->a, false);
            put_wrapped("  < only A", 12, buf_str(&t), width);
            break;
        case CMP_SIDE_B:
            figure_text(&t, f->b, false);
            put_wrapped("  > only B", 12, buf_str(&t), width);
            break;
        }
        buf_free(&t);
    }

    static const char *const heads[] = {"in both", "only in A", "only in B"};
    for (int side = 0; side < 3; side++) {
        struct buf line = BUF_INIT;
        size_t n = 0;
        for (size_t i = 0; i < sm->nentities; i++) {
            const struct cmp_entity_row *e = &sm->entities[i];
            if ((int)e->side != side)
                continue;
            const struct entity *x = e->a ? e->a : e->b;
            buf_printf(&line, "%s%s", n++ ? ", " : "", x->name);
        }
        if (side == 0)
            printf("\nEntities\n");
        char label[32];
        snprintf(label, sizeof label, "  %-10s ", heads[side]);
        put_wrapped(label, 13, n ? buf_str(&line) : "-", width);
        buf_free(&line);
    }

    printf("\nDistinctive terms (log-likelihood G2; counts in A:B)\n");
    for (int side = 0; side < 2; side++) {
        struct buf line = BUF_INIT;
        size_t n = 0;
        for (size_t i = 0; i < sm->nterms; i++) {
            const struct cmp_term *t = &sm->terms[i];
            if ((side == 0) != (t->g2 > 0))
                continue;
            buf_printf(&line, "%s%s (%llu:%llu)", n++ ? ", " : "", t->word,
                       (unsigned long long)t->count_a, (unsigned long long)t->count_b);
        }
        put_wrapped(side == 0 ? "  A" : "  B", 5, n ? buf_str(&line) : "-", width);
        buf_free(&line);
    }

    if (sm->ntopics) {
        printf("\nTopics      A      B\n");
        for (size_t i = 0; i < sm->ntopics; i++) {
            printf("  ");
            cli_put_cell(stdout, sm->topics[i].slug, 16);
            printf(" %5.1f  %5.1f\n", sm->topics[i].score_a, sm->topics[i].score_b);
        }
    }
    (void)r;
}

/* The words of ch inside sentence s of text, as a JSON array named name. */
static void
json_changes(struct buf *o, const char *name, const struct span *ch, size_t nch, struct span s,
             const char *text)
{
    buf_printf(o, ",\"%s\":[", name);
    size_t m = 0;
    for (size_t i = 0; i < nch; i++)
        if (ch[i].start >= s.start && ch[i].end <= s.end) {
            if (m++)
                buf_putc(o, ',');
            char *w = xstrndup(text + ch[i].start, ch[i].end - ch[i].start);
            buf_put_json_string(o, w);
            free(w);
        }
    buf_putc(o, ']');
}

/* One row: its mark, score, each side's sentence and changed words; a
 * split part names its counterpart ("with"). */
static void
json_row(struct buf *o, const struct cmp_result *r, const struct cmp_row *row, const char *a,
         const char *b)
{
    buf_printf(o, "{\"mark\":\"%c\",\"score\":%.3f", compare_mark_char(row->mark), row->score);
    if (row->mark == CMP_PART || row->mark == CMP_WEAK)
        buf_printf(o, ",\"with\":%d", (int)row->with);
    if (row->a >= 0) {
        buf_printf(o, ",\"a\":[%u,%u],", r->sent_a[row->a].start, r->sent_a[row->a].end);
        json_span_text(o, "a_text", a, r->sent_a[row->a]);
    }
    if (row->b >= 0) {
        buf_printf(o, ",\"b\":[%u,%u],", r->sent_b[row->b].start, r->sent_b[row->b].end);
        json_span_text(o, "b_text", b, r->sent_b[row->b]);
    }
    if (row->a >= 0 && row->b >= 0) {
        json_changes(o, "deleted", r->deleted, r->ndeleted, r->sent_a[row->a], a);
        json_changes(o, "inserted", r->inserted, r->ninserted, r->sent_b[row->b], b);
    }
    buf_putc(o, '}');
}

static void
json_passages(struct buf *o, const struct cmp_result *r, const char *a, const char *b)
{
    buf_puts(o, ",\"passages\":[");
    for (size_t p = 0; p < r->npassages; p++) {
        const struct cmp_passage *ps = &r->passages[p];
        buf_printf(o, "%s{\"mark\":\"%c\",\"rows\":[", p ? "," : "", compare_mark_char(ps->mark));
        for (size_t k = ps->row; k < ps->row + ps->nrows; k++) {
            if (k > ps->row)
                buf_putc(o, ',');
            json_row(o, r, &r->rows[k], a, b);
        }
        buf_puts(o, "]}");
    }
    buf_putc(o, ']');
}

/* Figures (each with its sentence), entities, terms and topics. */
static void
json_summary(struct buf *o, const struct cmp_summary *sm, const char *a, const char *b)
{
    buf_puts(o, ",\"figures\":[");
    for (size_t i = 0; i < sm->nfigures; i++) {
        const struct cmp_figure_row *f = &sm->figures[i];
        buf_printf(o, "%s{\"side\":\"%s\",", i ? "," : "", compare_side_name(f->side));
        json_figure(o, "a", f->a);
        buf_putc(o, ',');
        json_figure(o, "b", f->b);
        if (f->a && f->a->sentence.end > f->a->sentence.start) {
            buf_putc(o, ',');
            json_span_text(o, "a_sentence", a, f->a->sentence);
        }
        if (f->b && f->b->sentence.end > f->b->sentence.start) {
            buf_putc(o, ',');
            json_span_text(o, "b_sentence", b, f->b->sentence);
        }
        buf_putc(o, '}');
    }
    buf_puts(o, "],\"entities\":[");
    for (size_t i = 0; i < sm->nentities; i++) {
        const struct entity *e = sm->entities[i].a ? sm->entities[i].a : sm->entities[i].b;
        buf_printf(o, "%s{\"side\":\"%s\",\"kind\":\"%s\",", i ? "," : "",
                   compare_side_name(sm->entities[i].side), entity_kind_name(e->kind));
        json_str(o, "name", e->name);
        if (sm->entities[i].a && sm->entities[i].b &&
            strcmp(sm->entities[i].a->name, sm->entities[i].b->name) != 0) {
            buf_putc(o, ',');
            json_str(o, "name_b", sm->entities[i].b->name);
        }
        buf_printf(o, ",\"mentions_a\":%zu,\"mentions_b\":%zu}",
                   sm->entities[i].a ? sm->entities[i].a->nspans : 0,
                   sm->entities[i].b ? sm->entities[i].b->nspans : 0);
    }
    buf_puts(o, "],\"terms\":[");
    for (size_t i = 0; i < sm->nterms; i++) {
        const struct cmp_term *t = &sm->terms[i];
        buf_printf(o, "%s{\"side\":\"%s\",", i ? "," : "", t->g2 > 0 ? "a" : "b");
        json_str(o, "term", t->word);
        buf_printf(o, ",\"count_a\":%llu,\"count_b\":%llu,\"g2\":%.3f}",
                   (unsigned long long)t->count_a, (unsigned long long)t->count_b, t->g2);
    }
    buf_puts(o, "],\"topics\":[");
    for (size_t i = 0; i < sm->ntopics; i++) {
        buf_printf(o, "%s{", i ? "," : "");
        json_str(o, "slug", sm->topics[i].slug);
        buf_printf(o, ",\"a\":%.3f,\"b\":%.3f}", sm->topics[i].score_a, sm->topics[i].score_b);
    }
    buf_putc(o, ']');
}

static void
json_compare(const struct doc_record *ra, const struct doc_record *rb, const struct cmp_result *r,
             const struct cmp_summary *sm)
{
    const char *a = ra->a.body, *b = rb->a.body;
    struct buf o = BUF_INIT;
    buf_putc(&o, '{');
    json_doc(&o, "a", ra);
    buf_putc(&o, ',');
    json_doc(&o, "b", rb);
    buf_printf(&o, ",\"similarity\":%.4f,\"aligned_a\":%.4f,\"aligned_b\":%.4f,"
                   "\"align_threshold\":%.2f,\"weak_match_threshold\":%.3f,"
                   "\"rare_share\":%.3f,\"rare_floor\":%.2f",
               r->similarity, r->aligned_a, r->aligned_b, CMP_ALIGN_THRESHOLD,
               CMP_ALIGN_THRESHOLD * CMP_ALIGN_NEAR, CMP_RARE_SHARE, CMP_RARE_FLOOR);
    json_passages(&o, r, a, b);
    json_summary(&o, sm, a, b);
    buf_puts(&o, "}\n");
    fputs(buf_str(&o), stdout);
    buf_free(&o);
}

static int
compare_two(struct store *s, char **words, int nwords, bool json, size_t width, bool marks)
{
    if (nwords != 2) {
        fprintf(stderr, "dossier compare: give two article ids or paths, or --left and --right "
                        "(see dossier compare --help)\n");
        return EXIT_ERROR;
    }
    int64_t ida, idb;
    int status = cli_resolve_doc(s, "compare", words, 1, &ida);
    if (status == EXIT_FOUND)
        status = cli_resolve_doc(s, "compare", words + 1, 1, &idb);
    if (status != EXIT_FOUND)
        return status;
    struct doc_record ra = {0}, rb = {0};
    struct extraction xa = {0}, xb = {0};
    struct cmp_result r = {0};
    struct cmp_summary sm = {0};
    struct ds_error err;
    ds_error_clear(&err);
    if (store_doc_get(s, ida, &ra, &err) != 0 || store_doc_get(s, idb, &rb, &err) != 0 ||
        store_get_extraction(s, ida, &xa, &err) != 0 ||
        store_get_extraction(s, idb, &xb, &err) != 0) {
        fprintf(stderr, "dossier compare: %s\n", err.msg[0] ? err.msg : "cannot read an article");
        status = EXIT_ERROR;
        goto out;
    }
    struct text_tokenizer tok;
    store_text_tokenizer_compare(s, &tok);
    /* Without the index's word counts every word counts as rare. */
    struct cmp_store_rarity rare;
    bool have_rare = cmp_rarity_open(s, &rare, &err) == 0;
    struct cmp_options opt = {0, &tok, have_rare ? &rare.r : NULL};
    const char *a = ra.a.body ? ra.a.body : "", *b = rb.a.body ? rb.a.body : "";
    int rc = compare_texts(a, strlen(a), b, strlen(b), &opt, &r, &err);
    if (have_rare)
        cmp_rarity_free(&rare);
    if (rc != 0) {
        fprintf(stderr, "dossier compare: %s\n", err.msg);
        status = EXIT_ERROR;
        goto out;
    }
    compare_summarize(&r, &xa, &xb, &sm);
    if (json) {
        json_compare(&ra, &rb, &r, &sm);
        goto out;
    }
    print_doc_line("A", &ra, width);
    print_doc_line("B", &rb, width);
    char line[160];
    snprintf(line, sizeof line, "similarity %.2f   aligned %.0f%% of A, %.0f%% of B", r.similarity,
             r.aligned_a * 100, r.aligned_b * 100);
    put_line(line, width);
    put_line("= same  ~ similar  + part of a split pair  ? weak match  < only A  > only B  | unpaired both",
             width);
    snprintf(line, sizeof line,
             "pairs score >= %.3g (%.3g paraphrase)  ? nearest scores %.3g-%.3g  < > nothing >= %.3g",
             CMP_ALIGN_THRESHOLD, CMP_ALIGN_THRESHOLD * CMP_ALIGN_WEAK,
             CMP_ALIGN_THRESHOLD * CMP_ALIGN_NEAR, CMP_ALIGN_THRESHOLD,
             CMP_ALIGN_THRESHOLD * CMP_ALIGN_NEAR);
    put_line(line, width);
    putchar('\n');
    struct buf out = BUF_INIT;
    compare_render(&r, a, b, width, marks, &out);
    fputs(buf_str(&out), stdout);
    buf_free(&out);
    print_summary(&r, &sm, a, b, width);
out:
    cmp_summary_clear(&sm);
    cmp_result_clear(&r);
    extraction_clear(&xa);
    extraction_clear(&xb);
    doc_record_clear(&ra);
    doc_record_clear(&rb);
    return status;
}

/* ---- compare --left Q --right Q ------------------------------------------------------ */

static void
print_terms(const char *title, const struct cmp_term *t, size_t n, const char *la, const char *lb)
{
    for (int side = 0; side < 2; side++) {
        printf("%s distinctive of %s\n", title, side == 0 ? la : lb);
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            if ((side == 0) != (t[i].g2 > 0))
                continue;
            printf("  ");
            cli_put_cell(stdout, t[i].word, 24);
            printf(" %8.1f  %6llu  %6llu\n", t[i].g2 < 0 ? -t[i].g2 : t[i].g2,
                   (unsigned long long)t[i].count_a, (unsigned long long)t[i].count_b);
            m++;
        }
        if (!m)
            printf("  -\n");
        putchar('\n');
    }
}

static void
json_terms(struct buf *o, const char *name, const struct cmp_term *t, size_t n)
{
    buf_printf(o, ",\"%s\":[", name);
    for (size_t i = 0; i < n; i++) {
        buf_printf(o, "%s{\"side\":\"%s\",", i ? "," : "", t[i].g2 > 0 ? "left" : "right");
        json_str(o, "term", t[i].word);
        buf_printf(o, ",\"left\":%llu,\"right\":%llu,\"g2\":%.3f}",
                   (unsigned long long)t[i].count_a, (unsigned long long)t[i].count_b,
                   t[i].g2 < 0 ? -t[i].g2 : t[i].g2);
    }
    buf_putc(o, ']');
}

/* The set comparison itself is compare_two_sets() (shared with the
 * browser); this prints it. */
static int
compare_sets(struct store *s, const char *left, const char *right, size_t limit, bool json)
{
    struct query *qa = NULL, *qb = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    if (query_parse(left, &qa, &err) != 0) {
        fprintf(stderr, "dossier compare: --left: %s\n", err.msg);
        return EXIT_ERROR;
    }
    if (query_parse(right, &qb, &err) != 0) {
        fprintf(stderr, "dossier compare: --right: %s\n", err.msg);
        query_free(&qa);
        return EXIT_ERROR;
    }
    struct cmp_sets cs;
    memset(&cs, 0, sizeof cs);
    int rc = compare_two_sets(s, qa, qb, limit, &cs, &err);
    query_free(&qa);
    query_free(&qb);
    if (rc != 0) {
        fprintf(stderr, "dossier compare: %s\n", err.msg);
        cmp_sets_clear(&cs);
        return EXIT_ERROR;
    }
    if (cs.docs_a == 0 || cs.docs_b == 0) {
        fprintf(stderr, "dossier compare: no articles match %s\n",
                cs.docs_a == 0 ? "--left" : "--right");
        cmp_sets_clear(&cs);
        return EXIT_NONE;
    }
    if (json) {
        struct buf o = BUF_INIT;
        buf_puts(&o, "{");
        json_str(&o, "left", left);
        buf_putc(&o, ',');
        json_str(&o, "right", right);
        buf_printf(&o, ",\"left_docs\":%zu,\"right_docs\":%zu,\"left_matched\":%zu,"
                       "\"right_matched\":%zu",
                   cs.docs_a, cs.docs_b, cs.matched_a, cs.matched_b);
        json_terms(&o, "terms", cs.terms, cs.nterms);
        json_terms(&o, "entities", cs.entities, cs.nentities);
        json_terms(&o, "topics", cs.topics, cs.ntopics);
        buf_puts(&o, "}\n");
        fputs(buf_str(&o), stdout);
        buf_free(&o);
    } else {
        printf("left   ");
        cli_put_text(stdout, left);
        printf("   %zu articles%s\n", cs.docs_a,
               cs.docs_a < cs.matched_a ? " (first by rank)" : "");
        printf("right  ");
        cli_put_text(stdout, right);
        printf("   %zu articles%s\n\n", cs.docs_b,
               cs.docs_b < cs.matched_b ? " (first by rank)" : "");
        printf("(log-likelihood G2, then counts on the left and on the right)\n\n");
        print_terms("Terms", cs.terms, cs.nterms, "left", "right");
        print_terms("Entities", cs.entities, cs.nentities, "left", "right");
        print_terms("Topics", cs.topics, cs.ntopics, "left", "right");
    }
    cmp_sets_clear(&cs);
    return EXIT_FOUND;
}

int
cmd_compare(int argc, char **argv)
{
    bool json = false, no_marks = false;
    const char *width_opt = NULL, *left = NULL, *right = NULL, *limit_opt = NULL;
    const struct cli_option opts[] = {
        {"json", 0, NULL, &json},
        {"no-marks", 0, NULL, &no_marks},
        {"width", 1, &width_opt, NULL},
        {"left", 1, &left, NULL},
        {"right", 1, &right, NULL},
        {"limit", 1, &limit_opt, NULL},
        {NULL, 0, NULL, NULL},
    };
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("compare"), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    size_t width = terminal_width(width_opt);
    if (width == 0)
        return cli_fail(words, "compare", "--width takes a number from 20 to 1000");
    long limit = cli_long(limit_opt, 2000);
    if (limit <= 0)
        return cli_fail(words, "compare", "--limit takes a positive number");
    if ((left != NULL) != (right != NULL) || (left && nwords))
        return cli_fail(words, "compare", "give two articles, or both --left and --right");
    struct store *s;
    if (cli_open_store(NULL, STORE_READONLY, &s) != 0)
        return cli_fail(words, NULL, NULL);
    int status = left ? compare_sets(s, left, right, (size_t)limit, json)
                      : compare_two(s, words, nwords, json, width, !no_marks);
    free(words);
    store_close(&s);
    return status;
}

/* ---- similar ---------------------------------------------------------------------- */

static int
print_groups(struct store *s, bool json)
{
    int64_t **groups = NULL;
    size_t *sizes = NULL, ng = 0;
    struct ds_error err;
    ds_error_clear(&err);
    if (neardup_groups(s, NEARDUP_MIN_JACCARD, &groups, &sizes, &ng, &err) != 0) {
        fprintf(stderr, "dossier similar: %s\n", err.msg);
        return EXIT_ERROR;
    }
    for (size_t g = 0; g < ng; g++) {
        if (json) {
            printf("{\"group\":%zu,\"ids\":[", g + 1);
            for (size_t i = 0; i < sizes[g]; i++)
                printf("%s%lld", i ? "," : "", (long long)groups[g][i]);
            printf("]}\n");
            continue;
        }
        printf("group %zu (%zu articles)\n", g + 1, sizes[g]);
        for (size_t i = 0; i < sizes[g]; i++) {
            struct doc_record rec = {0};
            if (store_doc_get(s, groups[g][i], &rec, &err) == 0)
                print_doc_line(" ", &rec, terminal_width(NULL));
            doc_record_clear(&rec);
        }
    }
    if (!json && ng == 0)
        printf("no near-duplicates found\n");
    neardup_groups_free(groups, sizes, ng);
    return ng ? EXIT_FOUND : EXIT_NONE;
}

/* Near-duplicate signatures are saved at index time; an index made without
 * them gets them here, once (they are a cache of the stored bodies). When the
 * index cannot be written, similar still works, without near-duplicate marks. */
static void
backfill_signatures(struct store **s)
{
    struct store *rw = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    char *path = ds_db_path(cli_global_db);
    int rc = store_open(path, 0, &rw, &err);
    free(path);
    if (rc != 0)
        return; /* read-only index: no marks, no noise */
    if (isatty(STDERR_FILENO))
        fprintf(stderr, "dossier similar: computing near-duplicate signatures (once)...\n");
    if (neardup_backfill(rw, &err) < 0) {
        fprintf(stderr, "dossier similar: near-duplicates unavailable: %s\n", err.msg);
        store_close(&rw);
        return;
    }
    store_close(s);
    *s = rw;
}

/* One result of similar as a JSON line: the document, its score and the
 * evidence behind it, and the explanation why. */
static void
similar_json(const struct similar_doc *d, const struct doc_record *rec, const char *why)
{
    struct buf o = BUF_INIT;
    buf_printf(&o, "{\"id\":%lld,\"score\":%.4f,", (long long)d->id, d->score);
    buf_printf(&o, "\"same_story\":%s,", d->score >= SIMILAR_SAME_STORY ? "true" : "false");
    if (d->jaccard >= 0)
        buf_printf(&o, "\"jaccard\":%.3f,", d->jaccard);
    else
        buf_puts(&o, "\"jaccard\":null,");
    buf_printf(&o, "\"near_duplicate\":%s,", d->near_dup ? "true" : "false");
    buf_printf(&o, "\"cosine\":%.4f,\"lead_cosine\":%.4f,", d->cosine, d->lead_cosine);
    buf_printf(&o, "\"entities\":%.4f,\"shared_entities\":%d,", d->entities,
               d->shared_entities);
    buf_printf(&o, "\"shared_figures\":%d,", d->shared_figures);
    if (d->dated)
        buf_printf(&o, "\"days\":%d,", d->days);
    else
        buf_puts(&o, "\"days\":null,");
    json_str(&o, "why", why);
    buf_putc(&o, ',');
    json_str(&o, "title", rec->a.title ? rec->a.title : rec->lead);
    buf_putc(&o, ',');
    json_str(&o, "source", rec->a.source);
    buf_putc(&o, ',');
    json_str(&o, "published", rec->a.published);
    buf_putc(&o, ',');
    json_str(&o, "path", rec->path);
    buf_puts(&o, "}\n");
    fputs(buf_str(&o), stdout);
    buf_free(&o);
}

/* Print the results of similar for id: a line per article (score, "dup"
 * for a near-duplicate, the article) and under it why ("same story" first
 * when the score says so), or JSON lines. */
static void
print_similar(struct store *s, int64_t id, const struct similar_doc *v, size_t n, bool json)
{
    size_t width = terminal_width(NULL);
    struct ds_error err;
    ds_error_clear(&err);
    for (size_t i = 0; i < n; i++) {
        struct doc_record rec = {0};
        struct buf why = BUF_INIT;
        if (store_doc_get(s, v[i].id, &rec, &err) != 0 ||
            similar_explain(s, id, &v[i], &why, &err) != 0) {
            doc_record_clear(&rec);
            buf_free(&why);
            continue;
        }
        if (json) {
            similar_json(&v[i], &rec, buf_str(&why));
        } else {
            char label[16];
            snprintf(label, sizeof label, "%.2f %s", v[i].score, v[i].near_dup ? "dup" : "   ");
            print_doc_line(label, &rec, width);
            struct buf line = BUF_INIT;
            buf_printf(&line, "%s%s", v[i].score >= SIMILAR_SAME_STORY ? "same story · " : "",
                       buf_str(&why));
            put_wrapped("", 9, buf_str(&line), width);
            buf_free(&line);
        }
        doc_record_clear(&rec);
        buf_free(&why);
    }
}

/* similar ID: the articles most like one. */
static int
similar_of(struct store *s, char **words, int nwords, size_t limit, bool json)
{
    int64_t id;
    int status = cli_resolve_doc(s, "similar", words, nwords, &id);
    struct similar_doc *v = NULL;
    size_t n = 0;
    struct ds_error err;
    ds_error_clear(&err);
    if (status == EXIT_FOUND && similar_find(s, id, limit, &v, &n, &err) != 0) {
        fprintf(stderr, "dossier similar: %s\n", err.msg);
        status = EXIT_ERROR;
    }
    if (status == EXIT_FOUND && n == 0)
        status = EXIT_NONE;
    if (status == EXIT_FOUND)
        print_similar(s, id, v, n, json);
    free(v);
    return status;
}

int
cmd_similar(int argc, char **argv)
{
    bool json = false, groups = false;
    const char *limit_opt = NULL;
    const struct cli_option opts[] = {
        {"json", 0, NULL, &json},
        {"groups", 0, NULL, &groups},
        {"limit", 1, &limit_opt, NULL},
        {NULL, 0, NULL, NULL},
    };
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("similar"), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    long limit = cli_long(limit_opt, 10);
    if (limit <= 0)
        return cli_fail(words, "similar", "--limit takes a positive number");
    struct store *s;
    if (cli_open_store(NULL, STORE_READONLY, &s) != 0)
        return cli_fail(words, NULL, NULL);
    struct ds_error err;
    ds_error_clear(&err);
    if (store_sig_stale(s, &err) == 1)
        backfill_signatures(&s);
    int status;
    if (groups) {
        status = nwords ? EXIT_ERROR : print_groups(s, json);
        if (nwords)
            fprintf(stderr, "dossier similar: --groups takes no article\n");
    } else {
        status = similar_of(s, words, nwords, (size_t)limit, json);
    }
    free(words);
    store_close(&s);
    return status;
}

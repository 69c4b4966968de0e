/*
 * test_compare_basil.c — comparison statistics on real reporting: every
 * pair of outlets telling the same event in ../shared/corpus/basil-dev
 * (read, never copied), compared as `dossier compare` does (cleaned like
 * the indexer, the index's stemming tokenizer, the stored extractions;
 * but the index here is empty, so no word counts as common and weak pairs
 * are not gated as in an index that holds the articles).
 * Reports how much of each side is aligned, split parts, "only in"
 * sentences, figure disagreements and entities listed as "only in one
 * side", and checks the entity lists against the other article's text.
 * Skips, visibly, without ../shared.
 *
 * ALIGN_DUMP=1 prints the aligned pairs, "only in" sentences and figure
 * disagreements for hand-checking (the fixtures in test_compare_align.c
 * restate, in our own words, the patterns checked that way).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dossier/article.h"
#include "dossier/compare.h"
#include "dossier/extract.h"
#include "dossier/ingest.h"
#include "dossier/store.h"
#include "dossier/store_similar.h"
#include "tap.h"

struct stats {
    size_t pairs, sent_a, sent_b, aligned, parts, only;
    size_t conflicts, ent_only, ent_present;
};

static bool dump;

/* Whether word (whole, case-sensitive) occurs in text. */
static bool
has_word(const char *text, const char *word, size_t wl)
{
    for (const char *p = text; (p = strstr(p, word)) != NULL; p++) {
        bool lb = p == text || !((p[-1] >= 'A' && p[-1] <= 'Z') || (p[-1] >= 'a' && p[-1] <= 'z'));
        char c = p[wl];
        bool rb = !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
        if (lb && rb)
            return true;
    }
    return false;
}

/* Is an entity listed as only in one side named in the other text? Its
 * full name, or for a person the surname. */
static bool
entity_in_text(const struct entity *e, const char *other)
{
    char *name = xstrdup(e->name);
    bool found = has_word(other, name, strlen(name));
    if (!found && e->kind == ENTITY_PERSON) {
        const char *sp = strrchr(name, ' ');
        if (sp)
            found = has_word(other, sp + 1, strlen(sp + 1));
    }
    free(name);
    return found;
}

static void
print_span(const char *tag, const char *text, struct span s)
{
    printf("# %s %.*s\n", tag, (int)(s.end - s.start), text + s.start);
}

static void
dump_result(const struct cmp_result *r, const struct cmp_summary *sm, const char *a, const char *b)
{
    for (size_t k = 0; k < r->nrows; k++) {
        const struct cmp_row *w = &r->rows[k];
        printf("#\n");
        if (w->a >= 0)
            print_span(w->mark == CMP_PART ? "A+" : (w->b >= 0 ? "A=" : "A<"), a, r->sent_a[w->a]);
        if (w->b >= 0)
            print_span(w->mark == CMP_PART ? "B+" : (w->a >= 0 ? "B=" : "B>"), b, r->sent_b[w->b]);
        if (w->a >= 0 && w->b >= 0)
            printf("# score %.3f\n", w->score);
    }
    for (size_t i = 0; i < sm->nfigures; i++)
        if (sm->figures[i].side == CMP_SIDE_CONFLICT) {
            printf("# CONFLICT %s vs %s\n", sm->figures[i].a->text, sm->figures[i].b->text);
            print_span("  A:", a, sm->figures[i].a->sentence);
            print_span("  B:", b, sm->figures[i].b->sentence);
        }
    for (size_t i = 0; i < sm->nentities; i++)
        if (sm->entities[i].side != CMP_SIDE_BOTH) {
            const struct entity *e = sm->entities[i].a ? sm->entities[i].a : sm->entities[i].b;
            const char *other = sm->entities[i].a ? b : a;
            if (entity_in_text(e, other))
                printf("# ENTITY %s only %s but named there\n", e->name,
                       sm->entities[i].a ? "A" : "B");
        }
}

static void
count(struct stats *st, const struct cmp_result *r, const struct cmp_summary *sm, const char *a,
      const char *b)
{
    st->pairs++;
    st->sent_a += r->nsent_a;
    st->sent_b += r->nsent_b;
    for (size_t k = 0; k < r->nrows; k++) {
        const struct cmp_row *w = &r->rows[k];
        st->aligned += w->a >= 0 && w->b >= 0;
        st->parts += w->mark == CMP_PART;
        st->only += w->mark == CMP_ONLY_A || w->mark == CMP_ONLY_B;
    }
    st->conflicts += sm->nconflicts;
    for (size_t i = 0; i < sm->nentities; i++) {
        if (sm->entities[i].side == CMP_SIDE_BOTH)
            continue;
        const struct entity *e = sm->entities[i].a ? sm->entities[i].a : sm->entities[i].b;
        st->ent_only++;
        st->ent_present += entity_in_text(e, sm->entities[i].a ? b : a);
    }
}

struct doc {
    struct article a;
    struct extraction x;
};

static bool
load(const char *path, struct extractor *ex, struct doc *d)
{
    struct buf bytes = BUF_INIT;
    struct ds_error err;
    struct ingest_ctx ctx = {NULL, NULL, 0};
    memset(d, 0, sizeof *d);
    bool ok = ds_read_file(path, 1 << 22, &bytes, &err) == 0 &&
              ingest_article(&ctx, path, buf_str(&bytes), bytes.len, &d->a, &err) == 0;
    buf_free(&bytes);
    if (ok)
        extractor_run(ex, &d->a, &d->x);
    return ok;
}

static void
compare_docs(struct doc *da, struct doc *db, const struct text_tokenizer *tok, struct stats *st)
{
    struct cmp_options opt = {0, tok, NULL};
    struct cmp_result r;
    struct cmp_summary sm;
    struct ds_error err;
    const char *a = da->a.body, *b = db->a.body;
    if (compare_texts(a, strlen(a), b, strlen(b), &opt, &r, &err) != 0)
        return;
    compare_summarize(&r, &da->x, &db->x, &sm);
    count(st, &r, &sm, a, b);
    if (dump) {
        printf("# ==== %s | %s\n", da->a.path, db->a.path);
        dump_result(&r, &sm, a, b);
    }
    cmp_summary_clear(&sm);
    cmp_result_clear(&r);
}

/* Compare the outlets of each event in events.tsv, in file order. */
static void
run_events(const char *dir, FILE *f, struct extractor *ex, const struct text_tokenizer *tok,
           struct stats *st)
{
    char line[4096], event[128] = "";
    char *paths[3];
    size_t n = 0;
    for (bool more = true; more;) {
        more = fgets(line, sizeof line, f) != NULL;
        char *tab = more ? strchr(line, '\t') : NULL;
        char *ev = tab ? tab + 1 : NULL;
        char *ev_end = ev ? strchr(ev, '\t') : NULL;
        if (more && (!tab || !ev_end || strncmp(line, "file\t", 5) == 0))
            continue;
        if (!more || strncmp(event, ev, (size_t)(ev_end - ev)) != 0 ||
            event[ev_end - ev] != '\0') {
            struct doc d[3];
            size_t nd = 0;
            for (size_t i = 0; i < n; i++)
                if (load(paths[i], ex, &d[nd]))
                    nd++;
            for (size_t i = 0; i < nd; i++)
                for (size_t j = i + 1; j < nd; j++)
                    compare_docs(&d[i], &d[j], tok, st);
            for (size_t i = 0; i < nd; i++) {
                article_clear(&d[i].a);
                extraction_clear(&d[i].x);
            }
            for (size_t i = 0; i < n; i++)
                free(paths[i]);
            n = 0;
            if (!more)
                break;
            snprintf(event, sizeof event, "%.*s", (int)(ev_end - ev), ev);
        }
        if (n < 3)
            paths[n++] = xasprintf("%s/%.*s", dir, (int)(tab - line), line);
    }
}

int
main(void)
{
    const char *top = getenv("TOP_SRCDIR");
    char *dir = xasprintf("%s/../shared/corpus/basil-dev", top ? top : ".");
    char *tsv = xasprintf("%s/events.tsv", dir);
    char *assets = xasprintf("%s/assets", DOSSIER_SRCDIR);
    dump = getenv("ALIGN_DUMP") != NULL;
    FILE *f = fopen(tsv, "r");
    if (!f) {
        tap_skip(4, "no ../shared/corpus/basil-dev");
        free(dir);
        free(tsv);
        free(assets);
        return done_testing();
    }
    struct extractor *ex = NULL;
    struct store *s = NULL;
    struct ds_error err;
    char tmp[] = "/tmp/test_compare_basil.XXXXXX";
    char *db = mkdtemp(tmp) ? xasprintf("%s/index.db", tmp) : NULL;
    if (!db || extractor_open(assets, NULL, &ex, &err) != 0 ||
        store_open(db, STORE_CREATE, &s, &err) != 0) {
        ok(0, "set up: %s", err.msg);
        return done_testing();
    }
    struct text_tokenizer tok;
    store_text_tokenizer(s, &tok);
    struct stats st = {0};
    run_events(dir, f, ex, &tok, &st);
    fclose(f);
    double aligned_a = st.sent_a ? (double)(st.aligned + st.parts) / (double)st.sent_a : 0;
    diag("basil-dev: %zu pairs, %zu+%zu sentences, %zu aligned pairs (%.0f%% of A), %zu split "
         "parts, %zu only in one side",
         st.pairs, st.sent_a, st.sent_b, st.aligned, aligned_a * 100, st.parts, st.only);
    diag("basil-dev: %zu figure disagreements (%.2f a pair); %zu entities only in one side, "
         "%zu (%.1f%%) named in the other text",
         st.conflicts, st.pairs ? (double)st.conflicts / (double)st.pairs : 0, st.ent_only,
         st.ent_present, st.ent_only ? 100.0 * (double)st.ent_present / (double)st.ent_only : 0);
    ok(st.pairs >= 100, "compared %zu pairs of outlets", st.pairs);
    ok(aligned_a >= 0.10, "a tenth of sentences at least find a counterpart (%.2f)", aligned_a);
    ok(st.ent_only == 0 || (double)st.ent_present <= 0.05 * (double)st.ent_only,
       "entities only in one side: at most 5%% named in the other text (%zu of %zu)",
       st.ent_present, st.ent_only);
    ok(st.conflicts <= st.pairs, "figure disagreements are rare (%zu over %zu pairs)",
       st.conflicts, st.pairs);
    store_close(&s);
    extractor_free(&ex);
    unlink(db);
    char *wal = xasprintf("%s-wal", db), *shm = xasprintf("%s-shm", db);
    unlink(wal);
    unlink(shm);
    rmdir(tmp);
    free(wal);
    free(shm);
    free(db);
    free(dir);
    free(tsv);
    free(assets);
    return done_testing();
}

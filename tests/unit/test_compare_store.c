/*
 * test_compare_store.c — the store's side of comparison on a real index in a
 * temporary directory: signatures saved by the writer, near-duplicates found
 * (a lightly edited copy is, an unrelated text is not), groups, backfill,
 * deletion, "more like this" ranking, and comparison with the index's
 * stemming tokenizer. Texts are generated pseudo-words.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dossier/compare.h"
#include "dossier/store_similar.h"
#include "dossier/store.h"
#include "tap.h"

static char tmpdir[512];
static uint64_t rng_state = 2024;

static uint32_t
rng(void)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng_state >> 33);
}

static void
gen_word(struct buf *b, uint32_t id)
{
    static const char *const syl[] = {"ka", "lo", "mi", "ten", "ra", "vu", "sho", "ne",
                                      "dar", "pi", "gor", "el", "tu", "bam", "zi", "fen"};
    uint32_t x = id * 2654435761u + 7;
    int n = 2 + (int)(id % 3);
    for (int i = 0; i < n; i++) {
        buf_puts(b, syl[x % 16]);
        x /= 16;
        x += id;
    }
}

/* A text of nsent sentences over words [base, base + vocab). */
static char *
gen_text(int nsent, uint32_t base, uint32_t vocab)
{
    struct buf b = BUF_INIT;
    for (int s = 0; s < nsent; s++) {
        int n = 10 + (int)(rng() % 12);
        for (int i = 0; i < n; i++) {
            if (i)
                buf_putc(&b, ' ');
            size_t at = b.len;
            gen_word(&b, base + rng() % vocab);
            if (i == 0)
                b.data[at] = (char)(b.data[at] - 32);
        }
        buf_puts(&b, s % 5 == 4 ? ".\n\n" : ". ");
    }
    return buf_steal(&b);
}

static int64_t
add_doc(struct store *s, const char *path, const char *body)
{
    struct ds_error err;
    struct article a;
    memset(&a, 0, sizeof a);
    a.body = (char *)(uintptr_t)body;
    a.raw = (char *)(uintptr_t)body;
    a.words = 100;
    int64_t id = 0;
    if (store_doc_insert(s, &a, ds_hash64(body, strlen(body)), &id, &err) != 0) {
        diag("insert failed: %s", err.msg);
        return -1;
    }
    struct file_state st = {100, 1000, id, 0};
    if (store_file_put(s, path, &st, &err) != 0) {
        diag("file_put failed: %s", err.msg);
        return -1;
    }
    return id;
}

/* Copy of text with every 60th word replaced and a new opening sentence. */
static char *
light_edit(const char *text)
{
    struct buf b = BUF_INIT;
    buf_puts(&b, "Updated to add a statement from the ministry. ");
    int words = 0;
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, " ");
        words++;
        if (words % 60 == 0)
            buf_puts(&b, "changed");
        else
            buf_append(&b, p, n);
        p += n;
        if (*p == ' ') {
            buf_putc(&b, ' ');
            p++;
        }
    }
    return buf_steal(&b);
}

/* An article of paras paragraphs of pseudo-words from its own vocabulary. */
static char *
gen_article(uint32_t base, int paras)
{
    struct buf b = BUF_INIT;
    for (int p = 0; p < paras; p++) {
        char *para = gen_text(3, base, 400);
        buf_printf(&b, "%s%s", p ? "\n\n" : "", para);
        free(para);
    }
    return buf_steal(&b);
}

/* The edit of the issue: two paragraphs out (out1 and out2, counted from
 * 0), ten words changed, one new paragraph in (before paragraph 7, or at
 * the end of a shorter text). */
static char *
heavy_edit(const char *text, uint32_t base, int out1, int out2)
{
    struct buf b = BUF_INIT;
    int para = 0, words = 0;
    for (const char *p = text; *p;) {
        if (p[0] == '\n') {
            para++;
            p += strspn(p, "\n");
            if (para == 7) {
                char *fresh = gen_text(3, base + 100000, 400);
                buf_printf(&b, "\n\n%s", fresh);
                free(fresh);
            }
            if (para != out1 && para != out2)
                buf_puts(&b, "\n\n");
            continue;
        }
        size_t n = strcspn(p, " \n");
        if (para != out1 && para != out2) {
            words++;
            if (words % 35 == 0 && words / 35 <= 10)
                buf_puts(&b, "altered");
            else
                buf_append(&b, p, n);
            if (p[n] == ' ')
                buf_putc(&b, ' ');
        }
        p += n + (p[n] == ' ');
    }
    return buf_steal(&b);
}

/* 100 articles and their edited copies, half of them of 15 paragraphs and
 * half of 8 (whose copies keep a Jaccard below 0.5 with them, and are
 * near-duplicates by containment): every copy is grouped with its article,
 * and no pair the estimate marks as near-duplicates is missing from the
 * groups. */
static void
test_groups_complete(const char *dir)
{
    struct store *s = NULL;
    struct ds_error err;
    char *db = xasprintf("%s/groups.db", dir);
    if (!ok(store_open(db, STORE_CREATE, &s, &err) == 0, "open a second store"))
        return;
    store_begin(s, &err);
    struct neardup_writer *w = NULL;
    neardup_writer_open(s, &w, &err);
    enum { N = 100 };
    int64_t *ids = xmalloc(2 * N * sizeof *ids);
    uint32_t(*sigs)[MINHASH_K] = xmalloc(2 * N * sizeof *sigs);
    uint32_t *shingles = xmalloc(2 * N * sizeof *shingles);
    for (int i = 0; i < 2 * N; i++) {
        static char *orig;
        bool short_one = (i / 2) % 2;
        if (i % 2 == 0)
            orig = gen_article(5000 + (uint32_t)(i / 2) * 700, short_one ? 8 : 15);
        char *text = i % 2 ? heavy_edit(orig, 5000 + (uint32_t)i * 700, short_one ? 2 : 3,
                                        short_one ? 5 : 11)
                           : orig;
        char path[64];
        snprintf(path, sizeof path, "/groups/%03d.txt", i);
        ids[i] = add_doc(s, path, text);
        shingles[i] = minhash_signature(text, strlen(text), sigs[i]);
        neardup_writer_put(w, ids[i], sigs[i], shingles[i], &err);
        if (i % 2) {
            free(text);
            free(orig);
        }
    }
    neardup_writer_free(&w);
    store_commit(s, &err);
    int64_t **groups = NULL;
    size_t *sizes = NULL, ng = 0;
    neardup_groups(s, NEARDUP_MIN_JACCARD, &groups, &sizes, &ng, &err);
    int64_t *group_of = xcalloc(2 * N, sizeof *group_of);
    for (size_t g = 0; g < ng; g++)
        for (size_t k = 0; k < sizes[g]; k++)
            for (int i = 0; i < 2 * N; i++)
                if (ids[i] == groups[g][k])
                    group_of[i] = (int64_t)g + 1;
    size_t together = 0, marked = 0, missing = 0, contained = 0;
    for (int i = 0; i < 2 * N; i += 2) {
        bool joined = group_of[i] && group_of[i] == group_of[i + 1];
        together += joined;
        contained += joined && minhash_similarity(sigs[i], sigs[i + 1]) < NEARDUP_MIN_JACCARD;
    }
    for (int i = 0; i < 2 * N; i++)
        for (int j = i + 1; j < 2 * N; j++)
            if (neardup_pair(s, ids[i], ids[j], minhash_similarity(sigs[i], sigs[j]),
                             shingles[i], shingles[j], &err) == 1) {
                marked++;
                missing += !group_of[i] || group_of[i] != group_of[j];
            }
    /* Pairs near the floors are decided on their texts, not the estimate
     * (which spreads by about 0.06 with 64 slots): every copy is grouped. */
    ok(together == N, "every edited copy is grouped with its article (%zu of %d)", together, N);
    ok(contained >= N / 5, "... %zu of them by containment (estimated Jaccard below 0.5)",
       contained);
    ok(missing == 0, "no pair the estimate marks is missing from the groups (%zu of %zu)",
       missing, marked);
    neardup_groups_free(groups, sizes, ng);
    free(group_of);
    free(ids);
    free(sigs);
    free(shingles);
    store_close(&s);
    free(db);
}

/* One paragraph (one line) of nsent sentences over words [base, base + 400). */
static void
put_para(struct buf *b, uint32_t base, int nsent)
{
    for (int left = nsent; left > 0; left -= 4) {
        char *part = gen_text(left < 4 ? left : 4, base, 400);
        buf_puts(b, part);
        free(part);
    }
    buf_puts(b, "\n\n");
}

/* A short article whose edit took out its two long paragraphs (and put a
 * long one of its own in): its word 5-shingles say little (Jaccard and
 * containment under their floors), but five of its six paragraphs are the
 * original's five short ones, a word changed here and there, so it is a
 * near-duplicate. Another telling that quotes two of those paragraphs is
 * not, nor are two short pages that share three headline lines of a site. */
static void
test_paragraphs_kept(const char *dir)
{
    struct store *s = NULL;
    struct ds_error err;
    char *db = xasprintf("%s/paras.db", dir);
    if (!ok(store_open(db, STORE_CREATE, &s, &err) == 0, "open a store for paragraphs"))
        return;
    rng_state = 99017;
    struct buf shorts[5], orig = BUF_INIT, copy = BUF_INIT, quoting = BUF_INIT;
    for (int i = 0; i < 5; i++) {
        shorts[i] = (struct buf)BUF_INIT;
        put_para(&shorts[i], 7000, 1 + i % 2);
    }
    for (int i = 0; i < 5; i++) {
        buf_append(&orig, shorts[i].data, shorts[i].len);
        if (i == 1 || i == 3)
            put_para(&orig, 7000, 12); /* the long paragraphs the edit takes out */
        /* the copy: one word of three paragraphs changed, a long paragraph in */
        const char *sp = i % 2 ? NULL : strchr(shorts[i].data, ' ');
        if (sp) {
            buf_append(&copy, shorts[i].data, (size_t)(sp - shorts[i].data));
            buf_puts(&copy, " altered");
            sp = strchr(sp + 1, ' ');
            buf_puts(&copy, sp ? sp : "");
        } else
            buf_append(&copy, shorts[i].data, shorts[i].len);
        if (i == 2)
            put_para(&copy, 9000, 8);
        /* another telling: its own words, but paragraphs 0 and 4 quoted */
        if (i == 0 || i == 4)
            buf_append(&quoting, shorts[i].data, shorts[i].len);
        else
            put_para(&quoting, 11000, 2 + i);
    }
    double ej, ec;
    minhash_content_overlap(orig.data, orig.len, copy.data, copy.len, &ej, &ec);
    ok(ej < NEARDUP_CONTAINED_MIN_JACCARD || ec < NEARDUP_MIN_CONTAINMENT,
       "the copy's shingles fall under the floors (Jaccard %.2f, containment %.2f)", ej, ec);
    size_t matched = 0;
    double share = minhash_paragraphs_shared(orig.data, orig.len, copy.data, copy.len, &matched);
    ok(share >= 0.7 && matched == 5, "but 5 of its paragraphs are the original's (%zu, %.2f)",
       matched, share);
    share = minhash_paragraphs_shared(orig.data, orig.len, quoting.data, quoting.len, &matched);
    ok(matched == 2 && share < NEARDUP_PARA_MIN_SHARE,
       "another telling quoting two: %zu paragraphs, share %.2f", matched, share);
    /* Two short pages of one site under the same three headlines. */
    const char *heads = "Related: Harbour authority weighs higher fees for late ships\n\n"
                        "Related: Rail freight volumes climb for a third straight month\n\n"
                        "Related: Truckers say the new booking system adds hours to trips\n\n";
    struct buf page_a = BUF_INIT, page_b = BUF_INIT;
    put_para(&page_a, 13000, 3);
    put_para(&page_b, 15000, 3);
    buf_puts(&page_a, heads);
    buf_puts(&page_b, heads);
    share = minhash_paragraphs_shared(page_a.data, page_a.len, page_b.data, page_b.len, &matched);
    is_int((long long)matched, 0, "headline lines are not paragraphs found again");
    /* Two reports of one match under the same three team sheets (lines of
     * sixteen names): names, not prose. */
    buf_reset(&page_a);
    buf_reset(&page_b);
    put_para(&page_a, 17000, 3);
    put_para(&page_b, 19000, 3);
    for (int line = 0; line < 3; line++) {
        struct buf names = BUF_INIT;
        for (int k = 0; k < 16; k++) {
            size_t at = names.len;
            gen_word(&names, 21000 + (uint32_t)(line * 16 + k));
            names.data[at] = (char)(names.data[at] - 32);
            buf_puts(&names, k < 15 ? ", " : ".\n\n");
        }
        buf_append(&page_a, names.data, names.len);
        buf_append(&page_b, names.data, names.len);
        buf_free(&names);
    }
    share = minhash_paragraphs_shared(page_a.data, page_a.len, page_b.data, page_b.len, &matched);
    is_int((long long)matched, 0, "lines of names (team sheets) are not paragraphs found again");

    int64_t id_orig = add_doc(s, "/paras/orig.txt", orig.data);
    int64_t id_copy = add_doc(s, "/paras/copy.txt", copy.data);
    int64_t id_quote = add_doc(s, "/paras/quoting.txt", quoting.data);
    uint32_t so[MINHASH_K], sc[MINHASH_K], sq[MINHASH_K];
    uint32_t no = minhash_content_signature(orig.data, orig.len, so);
    uint32_t nc = minhash_content_signature(copy.data, copy.len, sc);
    uint32_t nq = minhash_content_signature(quoting.data, quoting.len, sq);
    double j = minhash_similarity(so, sc);
    ok(neardup_pair(s, id_orig, id_copy, j, no, nc, &err) == 1,
       "the copy is a near-duplicate (estimated Jaccard %.2f)", j);
    is_int(neardup_pair(s, id_orig, id_quote, minhash_similarity(so, sq), no, nq, &err), 0,
           "the telling that quotes two paragraphs is not");
    for (int i = 0; i < 5; i++)
        buf_free(&shorts[i]);
    struct buf *all[] = {&orig, &copy, &quoting, &page_a, &page_b};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        buf_free(all[i]);
    store_close(&s);
    const char *suffix[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < 3; i++) {
        char *f = xasprintf("%s%s", db, suffix[i]);
        unlink(f);
        free(f);
    }
    free(db);
}

/* add_doc with a title. */
static int64_t
add_titled(struct store *s, const char *path, const char *title, const char *body)
{
    struct ds_error err;
    struct article a;
    memset(&a, 0, sizeof a);
    a.title = (char *)(uintptr_t)title;
    a.body = (char *)(uintptr_t)body;
    a.raw = (char *)(uintptr_t)body;
    a.words = 100;
    int64_t id = 0;
    if (store_doc_insert(s, &a, ds_hash64(body, strlen(body)), &id, &err) != 0) {
        diag("insert failed: %s", err.msg);
        return -1;
    }
    struct file_state st = {100, 1000, id, 0};
    if (store_file_put(s, path, &st, &err) != 0) {
        diag("file_put failed: %s", err.msg);
        return -1;
    }
    return id;
}

/* A line of sixteen capitalised names from word base on, the word at
 * changed (if any) another. */
static void
put_names(struct buf *b, uint32_t base, int changed)
{
    for (int k = 0; k < 16; k++) {
        size_t at = b->len;
        gen_word(b, k == changed ? base + 900 : base + (uint32_t)k);
        b->data[at] = (char)(b->data[at] - 32);
        buf_puts(b, k < 15 ? ", " : ".\n\n");
    }
}

/* A match page made of team sheets (one short paragraph, four lines of
 * names) and a copy of it whose edit took the paragraph out, put another
 * in and changed a name in each sheet: its shingles fall under the floors
 * and its prose is not the original's, but most of its lines of names are
 * the original's under the same title, so it is a near-duplicate. A report
 * of the match under another title, and one under the same title with its
 * own five paragraphs, sharing the four sheets, are not. (A report whose
 * own prose is short enough for the shingle floors is grouped by them, as
 * before this rule.) */
static void
test_team_sheets(const char *dir)
{
    struct store *s = NULL;
    struct ds_error err;
    char *db = xasprintf("%s/sheets.db", dir);
    if (!ok(store_open(db, STORE_CREATE, &s, &err) == 0, "open a store for team sheets"))
        return;
    rng_state = 4242;
    struct buf orig = BUF_INIT, copy = BUF_INIT, report = BUF_INIT, same = BUF_INIT;
    put_para(&orig, 23000, 2);
    put_para(&copy, 25000, 10);
    for (int p = 0; p < 5; p++) { /* enough prose of their own: shingles under the floors */
        put_para(&report, 27000 + 500 * (uint32_t)p, 4);
        put_para(&same, 29000 + 500 * (uint32_t)p, 4);
    }
    for (int line = 0; line < 4; line++) {
        put_names(&orig, 31000 + 40 * (uint32_t)line, -1);
        put_names(&copy, 31000 + 40 * (uint32_t)line, 3 + line);
        put_names(&report, 31000 + 40 * (uint32_t)line, -1);
        put_names(&same, 31000 + 40 * (uint32_t)line, -1);
    }
    const char *title = "Rovers v United (Sat)";
    int64_t io = add_titled(s, "/sheets/orig.txt", title, orig.data);
    int64_t ic = add_titled(s, "/sheets/copy.txt", title, copy.data);
    int64_t ir = add_titled(s, "/sheets/report.txt", "Rovers 2-1 United", report.data);
    int64_t is = add_titled(s, "/sheets/same.txt", title, same.data);
    uint32_t so[MINHASH_K], sc[MINHASH_K], sr[MINHASH_K], ss[MINHASH_K];
    uint32_t no = minhash_content_signature(orig.data, orig.len, so);
    uint32_t nc = minhash_content_signature(copy.data, copy.len, sc);
    uint32_t nr = minhash_content_signature(report.data, report.len, sr);
    uint32_t ns = minhash_content_signature(same.data, same.len, ss);
    double ej, ec;
    minhash_content_overlap(orig.data, orig.len, copy.data, copy.len, &ej, &ec);
    size_t matched = 0;
    double share = minhash_paragraphs_shared(orig.data, orig.len, copy.data, copy.len, &matched);
    ok(ej < NEARDUP_CONTAINED_MIN_JACCARD && share < NEARDUP_PARA_MIN_SHARE,
       "the copy's shingles and prose say little (Jaccard %.2f, paragraphs %.2f)", ej, share);
    share = minhash_name_lines_shared(orig.data, orig.len, copy.data, copy.len, &matched);
    ok(matched == 4 && share >= 0.8, "but its four sheets are the original's (%zu, %.2f)", matched,
       share);
    ok(neardup_pair(s, io, ic, NEARDUP_CHECK_MIN_JACCARD, no, nc, &err) == 1,
       "under one title the copy is a near-duplicate");
    minhash_content_overlap(orig.data, orig.len, same.data, same.len, &ej, &ec);
    share = minhash_name_lines_shared(orig.data, orig.len, same.data, same.len, &matched);
    ok(ej < NEARDUP_CONTAINED_MIN_JACCARD && matched == 4 && share < NEARDUP_PARA_MIN_SHARE,
       "a report with the four sheets: shingles under the floors (Jaccard %.2f), lines %.2f", ej,
       share);
    is_int(neardup_pair(s, io, ir, NEARDUP_CHECK_MIN_JACCARD, no, nr, &err), 0,
           "the report under another title is not");
    is_int(neardup_pair(s, io, is, NEARDUP_CHECK_MIN_JACCARD, no, ns, &err), 0,
           "nor a page of the same title with five paragraphs of its own");
    struct buf *all[] = {&orig, &copy, &report, &same};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        buf_free(all[i]);
    store_close(&s);
    const char *suffix[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < 3; i++) {
        char *f = xasprintf("%s%s", db, suffix[i]);
        unlink(f);
        free(f);
    }
    free(db);
}

static bool
has_id(const struct similar_doc *v, size_t n, int64_t id)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].id == id)
            return true;
    return false;
}

/* A dated document from an outlet, with one entity (when entity is not
 * NULL) and one figure of value usd dollars (when not 0). */
static int64_t
add_dated(struct store *s, const char *path, const char *source, const char *date,
          const char *body, const char *entity, double usd)
{
    struct ds_error err;
    struct article a;
    memset(&a, 0, sizeof a);
    a.body = (char *)(uintptr_t)body;
    a.raw = (char *)(uintptr_t)body;
    a.source = (char *)(uintptr_t)source;
    a.published = (char *)(uintptr_t)date;
    a.words = 100;
    int64_t id = 0;
    if (store_doc_insert(s, &a, ds_hash64(body, strlen(body)), &id, &err) != 0)
        return -1;
    struct file_state st = {100, 1000, id, 0};
    store_file_put(s, path, &st, &err);
    struct span sp = {0, 4};
    struct entity e = {(char *)(uintptr_t)entity, NULL, ENTITY_PLACE, &sp, 1};
    struct figure f;
    memset(&f, 0, sizeof f);
    f.value = f.value_hi = usd;
    f.unit = (char *)(uintptr_t)"USD";
    struct extraction x = {&f, usd != 0, &e, entity ? 1 : 0, NULL, 0};
    if (store_put_extraction(s, id, &x, &err) != 0)
        return -1;
    return id;
}

/* What similar weighs besides the words: the same text told on the same
 * day, with the same place and amount, against one told eleven weeks later
 * without them. */
static void
test_evidence(struct store *s, const char *story_a, const char *story_b)
{
    struct ds_error err;
    ds_error_clear(&err);
    char *later_text = xasprintf("%s Reporters returned to the port.", story_b);
    store_begin(s, &err);
    int64_t q = add_dated(s, "/ev/q.txt", "Outlet A", "2024-03-04", story_a, "Valparaiso", 2e6);
    int64_t same = add_dated(s, "/ev/same.txt", "Outlet B", "2024-03-05", story_b, "Valparaiso",
                             2.004e6);
    int64_t later = add_dated(s, "/ev/later.txt", "Outlet C", "2024-05-20", later_text, NULL, 0);
    store_commit(s, &err);
    free(later_text);
    struct similar_doc *v = NULL;
    size_t n = 0;
    is_int(similar_find(s, q, 0, &v, &n, &err), 0, "similar with dates and entities");
    const struct similar_doc *ds = NULL, *dl = NULL;
    for (size_t i = 0; i < n; i++) {
        if (v[i].id == same)
            ds = &v[i];
        if (v[i].id == later)
            dl = &v[i];
    }
    if (!ok(ds && dl, "both tellings are found")) {
        free(v);
        return;
    }
    ok(ds < dl, "the one of the next day ranks above the one eleven weeks later");
    ok(ds->score >= SIMILAR_SAME_STORY, "and is probably the same story (%.2f)", ds->score);
    ok(dl->score < ds->score && dl->cosine > ds->cosine - 0.1,
       "the later one, as close in words (%.2f against %.2f), scores lower (%.2f)", dl->cosine,
       ds->cosine, dl->score);
    ok(ds->dated && ds->days == 1 && dl->dated && dl->days == 77, "days apart: %d and %d",
       ds->days, dl->days);
    is_int(ds->shared_entities, 1, "one shared entity");
    is_int(ds->shared_figures, 1, "one shared figure (values within half a percent)");
    is_int(dl->shared_entities + dl->shared_figures, 0, "none with the later one");
    struct buf b = BUF_INIT;
    similar_explain(s, q, ds, &b, &err);
    is_str(buf_str(&b), "Valparaiso · 1 figure · 1 day apart", "why, in one line");
    buf_free(&b);
    similar_explain(s, q, dl, &b, &err);
    is_str(buf_str(&b), "no shared entities · 77 days apart", "why not, in one line");
    buf_free(&b);
    free(v);
}

/* The title and lead weigh beyond their share of the words: the telling
 * of the same event, whose lead says what the query's says, ranks above an
 * article on another event of the same day that repeats the first half of
 * the query's background paragraph (closer in all its words). */
static void
test_lead(struct store *s)
{
    static const char background[] =
        "The northern terminal handles most of the region's copper exports and employs "
        "several thousand dockers, hauliers and customs agents. Its owners have spent the "
        "last decade widening the channel, replacing ageing cranes and building a rail spur "
        "to the mines inland.";
    static const char more[] =
        "Unions have pressed for safer night shifts and better pay. Shipping lines call there weekly on their way to the Asian markets, and "
        "local officials describe the terminal as the backbone of the provincial economy, "
        "which depends on its smooth operation through the winter storms.";
    char *query = xasprintf("A gantry crane toppled onto a freighter at Antofagasta harbour "
                            "on Tuesday night, injuring four dockworkers and halting loading "
                            "at the pier. The harbour master said the crane's base gave way "
                            "during a gust, and the injured dockworkers were taken to the "
                            "regional hospital.\n\n%s %s", background, more);
    char *same = xasprintf("Four dockworkers were hurt when a gantry crane collapsed onto a "
                           "freighter at Antofagasta harbour late Tuesday, and loading at the "
                           "pier stopped. According to the harbour master, a gust tore the "
                           "crane's base loose; the regional hospital is treating the injured "
                           "dockworkers.\n\nInvestigators from the labour inspectorate "
                           "arrived on Wednesday morning.");
    char *other = xasprintf("Truck drivers blocked the access road to the terminal on Tuesday "
                            "in a protest over toll increases announced by the province. "
                            "Their union said the blockade would last until the governor "
                            "agreed to meet them, and police kept the lanes to the gates "
                            "open.\n\n%s", background);
    struct ds_error err;
    ds_error_clear(&err);
    store_begin(s, &err);
    int64_t q = add_dated(s, "/lead/q.txt", "Outlet A", "2024-06-04", query, NULL, 0);
    int64_t ds = add_dated(s, "/lead/same.txt", "Outlet B", "2024-06-05", same, NULL, 0);
    int64_t dt = add_dated(s, "/lead/other.txt", "Outlet C", "2024-06-05", other, NULL, 0);
    store_commit(s, &err);
    struct similar_doc *v = NULL;
    size_t n = 0;
    is_int(similar_find(s, q, 0, &v, &n, &err), 0, "similar with a shared background");
    const struct similar_doc *a = NULL, *b = NULL;
    for (size_t i = 0; i < n; i++) {
        a = v[i].id == ds ? &v[i] : a;
        b = v[i].id == dt ? &v[i] : b;
    }
    if (ok(a && b, "both are found")) {
        ok(b->cosine > a->cosine, "the other event is closer in all words (%.2f > %.2f)",
           b->cosine, a->cosine);
        ok(a->lead_cosine > b->lead_cosine, "the same event closer in the lead (%.2f > %.2f)",
           a->lead_cosine, b->lead_cosine);
        ok(a < b, "the same event ranks first (%.2f against %.2f)", a->score, b->score);
    }
    free(v);
    free(query);
    free(same);
    free(other);
}

static int
count_sig(int64_t doc_id, const void *sig, void *ud)
{
    (void)doc_id;
    (void)sig;
    ++*(long *)ud;
    return 0;
}

/* An index whose signatures follow an older rule (the whole body, furniture
 * and all) is stale, and one backfill computes every signature again by
 * today's rule. */
static void
test_sig_rule(struct store *s)
{
    struct ds_error err;
    const char *body = "Sign up for our newsletter to get the top stories in your inbox.\n"
                       "Share this article\n"
                       "The harbour ferry will run every twenty minutes from June, the port "
                       "authority said on Wednesday.\n";
    neardup_backfill(s, &err); /* documents added without one since */
    is_int(store_sig_rule_current(s), 1, "a fresh index's signatures follow today's rule");
    is_int(store_sig_stale(s, &err), 0, "... and are not stale");
    store_begin(s, &err);
    int64_t id = add_doc(s, "/corpus/ferry.txt", body);
    struct neardup_writer *w = NULL;
    uint32_t old[MINHASH_K], now[MINHASH_K], got[MINHASH_K];
    uint32_t old_n = minhash_signature(body, strlen(body), old); /* older rule: the whole body */
    ok(neardup_writer_open(s, &w, &err) == 0 && neardup_writer_put(w, id, old, old_n, &err) == 0,
       "save a signature by the older rule");
    neardup_writer_free(&w);
    store_meta_set(s, "sig_rule", "1", &err);
    store_commit(s, &err);
    is_int(store_sig_rule_current(s), 0, "an older rule is not today's");
    is_int(store_sig_stale(s, &err), 1, "signatures of an older rule are stale");
    long before = 0, after = 0;
    store_sig_each(s, NEARDUP_SIG_BYTES, count_sig, &before, &err);
    long redone = neardup_backfill(s, &err);
    store_sig_each(s, NEARDUP_SIG_BYTES, count_sig, &after, &err);
    ok(redone == after && after == before && before > 1,
       "backfill computes all %ld again (%ld)", before, redone);
    minhash_content_signature(body, strlen(body), now);
    ok(neardup_signature(s, id, got, NULL, &err) == 1 && memcmp(got, now, sizeof now) == 0 &&
       memcmp(old, now, sizeof now) != 0, "the saved signature is today's");
    is_int(store_sig_stale(s, &err), 0, "not stale after the backfill");
    is_int(store_sig_rule_current(s), 1, "... and marked as today's rule");
}

int
main(void)
{
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    snprintf(tmpdir, sizeof tmpdir, "%s/test_compare_store.XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    char *dbpath = xasprintf("%s/index.db", tmpdir);
    if (!ok(store_open(dbpath, STORE_CREATE, &s, &err) == 0, "open a fresh store: %s", err.msg))
        return done_testing();

    /* No tables yet: lookups find nothing, without error. */
    struct similar_doc *v = NULL;
    size_t n = 99;
    is_int(neardup_find(s, 1, 0.5, &v, &n, &err), 0, "near_dups before any signature");
    is_int(n, 0, "... finds none");
    free(v);

    /* A corpus: 8 topics (disjoint vocabularies) x 25 documents. */
    store_begin(s, &err);
    struct neardup_writer *w = NULL;
    ok(neardup_writer_open(s, &w, &err) == 0, "writer opens: %s", err.msg);
    int64_t ids[200];
    char *texts[200];
    for (int i = 0; i < 200; i++) {
        int topic = i % 8;
        texts[i] = gen_text(12, 1000 + (uint32_t)topic * 500, 500);
        char path[64];
        snprintf(path, sizeof path, "/corpus/%03d.txt", i);
        ids[i] = add_doc(s, path, texts[i]);
        if (neardup_writer_add(w, ids[i], texts[i], strlen(texts[i]), &err) != 0)
            diag("add failed: %s", err.msg);
    }
    /* The lightly edited copy of document 0 (topic 0). */
    char *copy = light_edit(texts[0]);
    int64_t copy_id = add_doc(s, "/corpus/copy.txt", copy);
    uint32_t sig[MINHASH_K];
    uint32_t copy_n = minhash_signature(copy, strlen(copy), sig);
    ok(neardup_writer_put(w, copy_id, sig, copy_n, &err) == 0, "put the copy's signature");
    /* Put twice: replaces, no duplicate rows. */
    ok(neardup_writer_put(w, copy_id, sig, copy_n, &err) == 0, "put again replaces");
    neardup_writer_free(&w);
    ok(w == NULL, "writer freed");
    ok(store_commit(s, &err) == 0, "commit");

    /* Near-duplicates of document 0: the copy, nothing else. */
    is_int(neardup_find(s, ids[0], NEARDUP_MIN_JACCARD, &v, &n, &err), 0, "near_dups runs");
    ok(n == 1 && v[0].id == copy_id, "the lightly edited copy is found, alone (%zu)", n);
    ok(n >= 1 && v[0].jaccard >= NEARDUP_MIN_JACCARD && v[0].near_dup,
       "its estimated Jaccard is high (%.2f)", n ? v[0].jaccard : 0.0);
    free(v);
    is_int(neardup_find(s, ids[8], NEARDUP_MIN_JACCARD, &v, &n, &err), 0, "near_dups runs");
    ok(!has_id(v, n, ids[0]) && !has_id(v, n, copy_id),
       "a different text on the same topic is not a near-duplicate");
    free(v);

    /* Groups over the index: {doc 0, copy}. */
    int64_t **groups = NULL;
    size_t *sizes = NULL, ng = 0;
    is_int(neardup_groups(s, NEARDUP_MIN_JACCARD, &groups, &sizes, &ng, &err), 0,
           "groups computed");
    is_int(ng, 1, "one group");
    ok(ng == 1 && sizes[0] == 2 && groups[0][0] == ids[0] && groups[0][1] == copy_id,
       "the group is doc 0 and its copy, sorted");
    neardup_groups_free(groups, sizes, ng);

    /* More like this: the copy first, then documents of the same topic. */
    double t0 = ds_now();
    is_int(similar_find(s, ids[0], 10, &v, &n, &err), 0, "similar runs");
    double dt = ds_now() - t0;
    diag("similar_find over 201 documents: %.1f ms (%s)", dt * 1e3, err.msg);
    is_int(n, 10, "limit respected");
    ok(n > 0 && v[0].id == copy_id && v[0].near_dup, "the near-duplicate ranks first");
    ok(n > 0 && v[0].score > 0.8, "with a high cosine (%.2f)", n ? v[0].score : 0.0);
    size_t same_topic = 0;
    bool sorted = true;
    for (size_t i = 1; i < n; i++) {
        int64_t id = v[i].id;
        for (int k = 0; k < 200; k++)
            if (ids[k] == id && k % 8 == 0)
                same_topic++;
        if (v[i].score > v[i - 1].score)
            sorted = false;
    }
    is_int(same_topic, 9, "the other nine are from the same topic");
    ok(sorted, "best first");
    ok(!has_id(v, n, ids[0]), "the document itself is not listed");
    struct similar_doc *v2 = NULL;
    size_t n2 = 0;
    is_int(similar_find(s, ids[0], 10, &v2, &n2, &err), 0, "similar again on the same handle");
    bool same = n2 == n;
    for (size_t i = 0; same && i < n; i++)
        same = v[i].id == v2[i].id && v[i].score == v2[i].score && v[i].jaccard == v2[i].jaccard;
    ok(same, "gives the same rows");
    free(v2);
    free(v);
    is_int(similar_find(s, 999999, 10, &v, &n, &err), -1, "no such document: an error");
    ok(strstr(err.msg, "999999") != NULL, "which names it: %s", err.msg);

    /* Scores are whole-text cosines, comparable across queries: another
     * outlet's telling of a story outranks an unrelated article that merely
     * shares a handful of the story's most distinctive words, and that
     * article scores low in absolute terms (a cosine over the shared words
     * alone scored such articles near 0.9). */
    static const char story_a[] =
        "Harbour pilots in Valparaiso walked off the job on Monday, halting copper "
        "shipments from the port. The pilots union said talks with the port authority over "
        "night shift pay had collapsed. Copper traders said the strike could delay cargoes "
        "bound for Shanghai and Busan. The port authority called the walkout illegal and said "
        "it would seek an injunction. Shipping agents reported eleven vessels waiting at anchor "
        "off Valparaiso by Monday evening.";
    static const char story_b[] =
        "A strike by harbour pilots at Valparaiso stopped copper exports on Monday. Union "
        "leaders blamed the port authority for the failure of negotiations on pay for night "
        "shifts. Eleven ships were at anchor outside the harbour, according to shipping agents, "
        "and copper buyers in Shanghai warned of late deliveries. The authority said the walkout "
        "was unlawful and that it would go to court.";
    static const char decoy[] =
        "The city orchestra opened its winter season with a programme of Sibelius and "
        "Nielsen. Critics praised the brass section and the young conductor, who replaced an "
        "ailing colleague at short notice. The hall, rebuilt after a fire, sold every seat. "
        "Between the symphonies the mayor thanked harbour pilots, copper traders and shipping "
        "agents from Valparaiso for sponsoring the season. Tickets for the spring concerts go "
        "on sale next week.";
    store_begin(s, &err);
    int64_t id_a = add_doc(s, "/corpus/story-a.txt", story_a);
    int64_t id_b = add_doc(s, "/corpus/story-b.txt", story_b);
    int64_t id_c = add_doc(s, "/corpus/decoy.txt", decoy);
    store_commit(s, &err);
    is_int(similar_find(s, id_a, 0, &v, &n, &err), 0, "similar for a news story");
    double sb = -1, sc = -1;
    for (size_t i = 0; i < n; i++) {
        if (v[i].id == id_b)
            sb = v[i].score;
        if (v[i].id == id_c)
            sc = v[i].score;
    }
    ok(n > 0 && v[0].id == id_b, "the other telling of the story ranks first (%.2f)", sb);
    ok(sb > 0.25, "and scores as the same story (%.2f)", sb);
    ok(sc < 0.2 && sc < sb / 2, "an unrelated article sharing a few names scores low (%.2f)", sc);
    free(v);

    /* Backfill: a document indexed without a signature gets one. */
    store_begin(s, &err);
    int64_t late = add_doc(s, "/corpus/late.txt", "A late document, saved without a signature.");
    store_commit(s, &err);
    is_int(neardup_backfill(s, &err), 4, "backfill signs the four documents saved without one");
    is_int(neardup_backfill(s, &err), 0, "a second backfill has nothing to do");
    test_evidence(s, story_a, story_b);
    test_lead(s);
    (void)late;
    test_sig_rule(s);

    /* Deleting the copy's file removes its document and its bands. */
    store_begin(s, &err);
    ok(store_file_delete(s, "/corpus/copy.txt", &err) == 0, "delete the copy");
    store_commit(s, &err);
    neardup_find(s, ids[0], NEARDUP_MIN_JACCARD, &v, &n, &err);
    is_int(n, 0, "after deletion, no near-duplicate left");
    free(v);

    /* Comparing with the index's tokenizer: stems match across forms. */
    struct text_tokenizer tok;
    store_text_tokenizer(s, &tok);
    struct cmp_options opt = {0, &tok, NULL};
    const char *a = "Beijing imposed tariffs on imported soybeans from the United States.";
    const char *b = "The United States faces a tariff imposed by Beijing on soybean imports.";
    struct cmp_result r;
    is_int(compare_texts(a, strlen(a), b, strlen(b), &opt, &r, &err), 0, "compare with stemmer");
    ok(r.nrows == 1 && r.rows[0].mark == CMP_SIMILAR, "differently inflected sentences pair");
    cmp_result_clear(&r);

    store_close(&s);
    for (int i = 0; i < 200; i++)
        free(texts[i]);
    free(copy);
    const char *suffix[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < 3; i++) {
        char *f = xasprintf("%s%s", dbpath, suffix[i]);
        unlink(f);
        free(f);
    }
    rmdir(tmpdir);
    free(dbpath);
    test_groups_complete(tmpdir);
    test_paragraphs_kept(tmpdir);
    test_team_sheets(tmpdir);
    return done_testing();
}

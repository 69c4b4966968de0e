/*
 * test_themes.c — themes found in the collection (corpus/themes.c,
 * themes_model.c) over small indexes built here from three generated
 * groups of articles (sailing, baking, astronomy words over shared filler):
 * a fit groups each group into one theme and labels it with its words; the
 * same collection indexed in another order gives the same themes; a fit on
 * a sample assigns the rest to the right themes; an update assigns a new
 * article to its group's theme without a refit, refits once the collection
 * has grown by CORPUS_THEMES_REFIT_SHARE, fits nothing below
 * CORPUS_THEMES_MIN_DOCS, and a deleted article drops its assignment.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "dossier/corpus.h"
#include "dossier/store.h"
#include "dossier/utf8.h"
#include "corpus/lib.h"
#include "tap.h"

/* Groups 0-2 in English; 3-5 the same topics in Chinese, written without
 * spaces, with words of three characters or more that bigrams would cut. */
static const char *const group_words[6] = {
    "boat sail harbour mast crew regatta hull anchor tide keel rudder yacht",
    "flour oven bread dough yeast butter loaf bakery crust pastry knead sourdough",
    "telescope galaxy comet orbit planet nebula astronomer eclipse meteor asteroid "
    "observatory quasar",
    "帆船 港口 船员 桅杆 游艇 锚地 潮汐 舵手 码头 航海家",
    "面包 烤箱 酵母 面粉 黄油 面包师 糕点 烘焙 面团 奶油",
    "望远镜 天文台 小行星 银河系 彗星 天文学家 星云 日食 流星 行星",
};
static const char *const filler[2] = {
    "people said monday report town week again local many new after before while about",
    "居民 表示 周一 报告 城市 本周 再次 当地 许多 新的 之后 以前",
};

/* Split words into at most max pointers into a copy (*keep, to free). */
static size_t
split(const char *words, char **out, size_t max, char **keep)
{
    *keep = xstrdup(words);
    size_t n = 0;
    for (char *t = strtok(*keep, " "); t && n < max; t = strtok(NULL, " "))
        out[n++] = t;
    return n;
}

/* Article number i of group g: 60 words, three in five from the group's
 * vocabulary, picked by a linear congruential sequence seeded by (g, i). */
static char *
article_text(int g, int i)
{
    char *gw[16], *fw[16], *k1, *k2;
    bool zh = g >= 3;
    size_t ng = split(group_words[g], gw, 16, &k1), nf = split(filler[zh], fw, 16, &k2);
    uint32_t x = (uint32_t)(g * 7919 + i * 104729 + 1);
    struct buf b = BUF_INIT;
    for (int j = 0; j < 60; j++) {
        x = x * 1103515245u + 12345u;
        uint32_t r = x >> 16;
        buf_printf(&b, "%s%s", j && !zh ? " " : "", j % 5 < 3 ? gw[r % ng] : fw[r % nf]);
    }
    buf_puts(&b, zh ? "。" : ".");
    free(k1);
    free(k2);
    return buf_steal(&b);
}

/* Store article (g, i) at a path of its own; its id. */
static int64_t
add_article(struct store *s, int g, int i)
{
    struct ds_error err;
    ds_error_clear(&err);
    struct article a = {0};
    a.path = xasprintf("/t/g%d-%03d.txt", g, i);
    a.body = article_text(g, i);
    a.raw = xstrdup(a.body);
    a.title = xasprintf("Note %d", i);
    a.words = 60;
    int64_t id = 0;
    uint64_t hash = (uint64_t)(g * 1000 + i) * 0x9E3779B97F4A7C15ull;
    int rc = store_doc_insert(s, &a, hash, &id, &err);
    struct file_state fs = {1, 1, id, 0};
    if (rc == 0)
        rc = store_file_put(s, a.path, &fs, &err);
    if (rc != 0)
        diag("adding %s: %s", a.path, err.msg);
    article_clear(&a);
    return rc == 0 ? id : -1;
}

/* Add articles first..last-1 of each group (in group order, or
 * interleaved backwards); group_of[id] records each one's group. */
static void
add_range(struct store *s, int first, int last, bool backwards, int *group_of, size_t cap)
{
    struct ds_error err;
    ds_error_clear(&err);
    store_begin(s, &err);
    for (int n = 0; n < 3 * (last - first); n++) {
        int g = backwards ? 2 - n % 3 : n / (last - first);
        int i = backwards ? last - 1 - n / 3 : first + n % (last - first);
        int64_t id = add_article(s, g, i);
        if (id > 0 && (size_t)id < cap)
            group_of[id] = g;
    }
    store_commit(s, &err);
}

static struct store *
open_db(const char *path)
{
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    if (store_open(path, STORE_CREATE, &s, &err) != 0)
        diag("opening %s: %s", path, err.msg);
    return s;
}

/* The group of theme t's documents when they are all of one group, else -1. */
static int
theme_group(const struct corpus_theme *t, const int *group_of)
{
    int g = -1;
    for (int64_t j = 0; j < t->size; j++) {
        int gj = group_of[t->docs[j]];
        if (g >= 0 && gj != g)
            return -1;
        g = gj;
    }
    return g;
}

/* Every theme of t holds one group only and each group is a theme. */
static bool
themes_pure(const struct corpus_themes *t, const int *group_of, int *group_theme)
{
    bool seen[3] = {false, false, false};
    for (size_t c = 0; c < t->n; c++) {
        int g = theme_group(&t->v[c], group_of);
        if (g < 0 || seen[g])
            return false;
        seen[g] = true;
        if (group_theme)
            group_theme[g] = t->v[c].id;
    }
    return seen[0] && seen[1] && seen[2];
}

/* The labels of t, one line each, "size label". */
static char *
labels_of(const struct corpus_themes *t)
{
    struct buf b = BUF_INIT;
    for (size_t c = 0; c < t->n; c++)
        buf_printf(&b, "%lld %s\n", (long long)t->v[c].size, t->v[c].label);
    return buf_steal(&b);
}

/* A fit of k = 3 groups every group into one theme labelled with its
 * words; fitting again and fitting the same articles stored in another
 * order give the same themes; a sample of 30 assigns the rest right. */
static void
test_fit(const char *dir)
{
    char *p1 = xasprintf("%s/a.db", dir), *p2 = xasprintf("%s/b.db", dir);
    struct store *s = open_db(p1), *s2 = open_db(p2);
    int group_of[256] = {0}, group_of2[256] = {0};
    struct ds_error err;
    ds_error_clear(&err);
    add_range(s, 0, 40, false, group_of, 256);
    add_range(s2, 0, 40, true, group_of2, 256);
    struct corpus_themes t = {0}, t2 = {0}, t3 = {0};
    int rc = corpus_themes_fit(s, 3, 1, CORPUS_THEMES_SAMPLE, &t, &err);
    ok(rc == 0, "fit k = 3 (%s)", err.msg);
    is_int((int)t.n, 3, "three themes");
    is_int((int)t.fitted, 120, "the fit read all 120 articles");
    ok(themes_pure(&t, group_of, NULL), "each theme is one group");
    for (size_t c = 0; c < t.n; c++) {
        int g = theme_group(&t.v[c], group_of);
        char *w[16], *keep;
        size_t nw = split(group_words[g < 0 ? 0 : g], w, 16, &keep);
        char *lab = xstrdup(t.v[c].label);
        bool all = true;
        for (char *x = strtok(lab, ", "); x; x = strtok(NULL, ", ")) {
            bool found = false;
            for (size_t i = 0; i < nw; i++)
                found |= strcmp(w[i], x) == 0;
            all &= found;
        }
        ok(all, "theme %d is labelled with its group's words (%s)", t.v[c].id, t.v[c].label);
        free(lab);
        free(keep);
    }
    ok(corpus_themes_fit(s, 3, 1, CORPUS_THEMES_SAMPLE, &t2, &err) == 0, "fit again");
    char *l1 = labels_of(&t), *l2 = labels_of(&t2);
    is_str(l2, l1, "the same collection and seed give the same themes");
    free(l2);
    corpus_themes_clear(&t2);
    ok(corpus_themes_fit(s2, 3, 1, CORPUS_THEMES_SAMPLE, &t2, &err) == 0, "fit the other index");
    l2 = labels_of(&t2);
    is_str(l2, l1, "stored in another order, the same themes");
    ok(themes_pure(&t2, group_of2, NULL), "and the same groups");
    free(l2);
    ok(corpus_themes_fit(s, 3, 1, 30, &t3, &err) == 0, "fit on a sample of 30");
    is_int((int)t3.fitted, 30, "the fit read 30 articles");
    int64_t total = 0;
    for (size_t c = 0; c < t3.n; c++)
        total += t3.v[c].size;
    is_int((int)total, 120, "every article is assigned");
    ok(themes_pure(&t3, group_of, NULL), "the other 90 join their group's theme");
    struct corpus_themes r = {0};
    ok(corpus_themes_read(s, &r, &err) == 1, "the fit is stored");
    is_int((int)r.sample, 30, "with its sample bound");
    ok(themes_pure(&r, group_of, NULL), "and the assignments read back");
    corpus_themes_clear(&r);
    free(l1);
    corpus_themes_clear(&t);
    corpus_themes_clear(&t2);
    corpus_themes_clear(&t3);
    store_close(&s);
    store_close(&s2);
    free(p1);
    free(p2);
}

/* Chinese articles are read as words, not the index's bigrams: each group
 * is one theme, and a label names a word of three characters or more (a
 * bigram cannot); the vocabulary holds words, so it is small. */
static void
test_chinese(const char *dir)
{
    char *path = xasprintf("%s/z.db", dir);
    struct store *s = open_db(path);
    int group_of[256] = {0};
    struct ds_error err;
    ds_error_clear(&err);
    store_begin(s, &err);
    for (int g = 3; g < 6; g++)
        for (int i = 0; i < 40; i++) {
            int64_t id = add_article(s, g, i);
            if (id > 0 && id < 256)
                group_of[id] = g - 3;
        }
    store_commit(s, &err);
    struct corpus_themes t = {0};
    ok(corpus_themes_fit(s, 3, 1, CORPUS_THEMES_SAMPLE, &t, &err) == 0, "Chinese: fit k = 3 (%s)",
       err.msg);
    ok(themes_pure(&t, group_of, NULL), "Chinese: each theme is one group");
    size_t long_words = 0;
    for (size_t c = 0; c < t.n; c++) {
        char *lab = xstrdup(t.v[c].label);
        for (char *x = strtok(lab, ", "); x; x = strtok(NULL, ", "))
            long_words += utf8_width(x, strlen(x)) >= 6; /* three wide characters */
        free(lab);
    }
    char *l = labels_of(&t);
    for (char *nl = strchr(l, '\n'); nl; nl = strchr(nl, '\n'))
        *nl = ';';
    ok(long_words > 0, "Chinese labels name whole words, not bigrams (%s)", l);
    free(l);
    corpus_themes_clear(&t);
    ok(corpus_themes_read(s, &t, &err) == 1, "the fit is stored");
    corpus_themes_clear(&t);
    store_close(&s);
    /* an index of schema 20 held a fit of bigrams: opening it drops the fit */
    sqlite3 *db = NULL;
    ok(sqlite3_open(path, &db) == SQLITE_OK &&
           sqlite3_exec(db, "PRAGMA user_version = 20", NULL, NULL, NULL) == SQLITE_OK,
       "mark the index schema 20");
    sqlite3_close(db);
    s = open_db(path);
    is_int(corpus_themes_read(s, &t, &err), 0, "migrated: the old fit is gone, to be fitted again");
    corpus_themes_clear(&t);
    store_close(&s);
    free(path);
}

/* corpus_themes_update, as an index run calls it. */
static void
test_update(const char *dir)
{
    char *path = xasprintf("%s/u.db", dir);
    struct store *s = open_db(path);
    int group_of[512] = {0};
    struct ds_error err;
    ds_error_clear(&err);
    struct corpus_themes_run run;
    struct corpus_themes t = {0};
    int rc;
    add_range(s, 0, 30, false, group_of, 512); /* 90 < CORPUS_THEMES_MIN_DOCS */
    ok(corpus_themes_update(s, &run, &err) == 0 && !run.fitted && run.assigned == 0,
       "90 articles: no themes fitted");
    is_int(corpus_themes_read(s, &t, &err), 0, "none stored");
    add_range(s, 30, 40, false, group_of, 512);
    rc = corpus_themes_update(s, &run, &err);
    ok(rc == 0 && run.fitted, "120 articles: fitted (%s)", err.msg);
    is_int((int)run.assigned, 120, "every article assigned");
    /* with k = 3, so the groups can be checked */
    ok(corpus_themes_fit(s, 3, 1, CORPUS_THEMES_SAMPLE, &t, &err) == 0, "fit k = 3");
    int group_theme[3] = {0};
    ok(themes_pure(&t, group_of, group_theme), "one group a theme");
    corpus_themes_clear(&t);
    ok(corpus_themes_update(s, &run, &err) == 0 && !run.fitted && run.assigned == 0,
       "nothing new: nothing done");
    /* one new baking article */
    int64_t id = add_article(s, 1, 200);
    group_of[id] = 1;
    rc = corpus_themes_update(s, &run, &err);
    ok(rc == 0 && !run.fitted && run.assigned == 1, "a new article: assigned, no refit (%zu)",
       run.assigned);
    corpus_themes_read(s, &t, &err);
    bool found = false;
    for (size_t c = 0; c < t.n; c++)
        for (int64_t j = 0; j < t.v[c].size; j++)
            if (t.v[c].docs[j] == id)
                found = t.v[c].id == group_theme[1];
    ok(found, "the new article joined the baking theme");
    is_int((int)t.k, 3, "the stored fit keeps k = 3");
    corpus_themes_clear(&t);
    /* 121 now; the fit saw 120: a refit at 150 */
    add_range(s, 40, 49, false, group_of, 512); /* 148 */
    rc = corpus_themes_update(s, &run, &err);
    ok(rc == 0 && !run.fitted && run.assigned == 27,
       "grown to 148 (< 150): only the 27 new ones assigned (%zu)", run.assigned);
    add_range(s, 49, 50, false, group_of, 512); /* 151 */
    rc = corpus_themes_update(s, &run, &err);
    ok(rc == 0 && run.fitted && run.assigned == 151,
       "grown to 151 (>= 120 x 1.25): fitted again (%zu)", run.assigned);
    ok(corpus_themes_read(s, &t, &err) == 1 && t.k == 3 && t.fit_docs == 151,
       "same k, the fit counts 151 articles");
    ok(themes_pure(&t, group_of, NULL), "still one group a theme");
    int64_t before = 0;
    for (size_t c = 0; c < t.n; c++)
        before += t.v[c].size;
    corpus_themes_clear(&t);
    /* a deleted article drops its assignment */
    ok(store_file_delete(s, "/t/g0-000.txt", &err) == 0, "delete an article");
    ok(corpus_themes_update(s, &run, &err) == 0 && !run.fitted && run.assigned == 0,
       "after a deletion: nothing assigned");
    corpus_themes_read(s, &t, &err);
    int64_t after = 0;
    for (size_t c = 0; c < t.n; c++)
        after += t.v[c].size;
    is_int((int)after, (int)(before - 1), "the themes hold one article less");
    struct corpus_themes saved = {0};
    corpus_themes_saved(s, &saved, &err);
    int64_t sizes = 0;
    for (size_t c = 0; c < saved.n; c++)
        sizes += saved.v[c].size;
    is_int((int)sizes, (int)after, "and their stored sizes follow");
    is_int((int)t.unassigned, 0, "no article is left without a theme");
    corpus_themes_clear(&saved);
    corpus_themes_clear(&t);
    store_close(&s);
    free(path);
}

/* The sample holds at most its bound whatever the collection: of 100,000
 * keys offered in a scrambled order it keeps the 500 smallest (ties by
 * id), sorted; a bound above the keys offered keeps them all. */
static void
test_sample_bound(void)
{
    enum { N = 100000, MAX = 500 };
    uint64_t *mix = xmalloc(N * sizeof *mix);
    struct th_sample r;
    th_sample_init(&r, MAX);
    uint64_t x = 7;
    for (int64_t i = 0; i < N; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        mix[i] = (x >> 20) % 50000; /* ties among the keys */
        th_sample_offer(&r, mix[i], i);
        if (r.n > MAX)
            break;
    }
    is_int((int)r.n, MAX, "the sample holds its bound, not the 100,000 offered");
    is_int((int)r.offered, N, "and counted every document offered");
    th_sample_sort(&r);
    /* the 500 smallest (mix, id) by counting: none left out is smaller */
    size_t smaller = 0;
    const struct th_key *last = &r.v[MAX - 1];
    for (int64_t i = 0; i < N; i++)
        smaller += mix[i] < last->mix || (mix[i] == last->mix && i <= last->id);
    is_int((int)smaller, MAX, "the ones kept are the smallest keys");
    bool sorted = true;
    for (size_t i = 1; i < r.n; i++)
        sorted &= r.v[i - 1].mix < r.v[i].mix ||
                  (r.v[i - 1].mix == r.v[i].mix && r.v[i - 1].id < r.v[i].id);
    ok(sorted, "in order");
    th_sample_free(&r);
    th_sample_init(&r, MAX);
    for (int64_t i = 0; i < 10; i++)
        th_sample_offer(&r, mix[i], i);
    is_int((int)r.n, 10, "a bound above the documents keeps them all");
    th_sample_free(&r);
    free(mix);
}

/* Groups of 60, 35 and 25 articles fitted on samples of 3 to 12 under
 * several seeds: the sample's counts may number the themes otherwise than
 * the whole collection's, and the stored themes are still numbered biggest
 * first over every article, and each number's stored centroid still
 * holds its articles: with every assignment dropped, an update assigns
 * each article to the theme the fit gave it (the same sizes). */
static void
test_numbering(const char *dir)
{
    char *p = xasprintf("%s/n.db", dir);
    struct store *s = open_db(p);
    static const int size[3] = {60, 35, 25};
    struct ds_error err;
    ds_error_clear(&err);
    store_begin(s, &err);
    for (int g = 0; g < 3; g++)
        for (int i = 0; i < size[g]; i++)
            add_article(s, g, i);
    store_commit(s, &err);
    sqlite3 *db = NULL;
    sqlite3_open(p, &db);
    int bad_order = 0, bad_total = 0, bad_again = 0, fits = 0;
    for (uint64_t seed = 1; seed <= 8; seed++)
        for (size_t sample = 3; sample <= 12; sample += 3) {
            struct corpus_themes t = {0}, again = {0};
            if (corpus_themes_fit(s, 3, seed, sample, &t, &err) != 0)
                continue;
            fits++;
            int64_t total = (int64_t)t.unassigned;
            for (size_t c = 0; c < t.n; c++) {
                total += t.v[c].size;
                bad_order += c && t.v[c].size > t.v[c - 1].size;
            }
            bad_total += total != 120;
            struct corpus_themes_run run;
            sqlite3_exec(db, "DELETE FROM doc_themes", NULL, NULL, NULL);
            if (corpus_themes_update(s, &run, &err) != 0 || run.fitted || run.assigned != 120 ||
                corpus_themes_read(s, &again, &err) != 1 || again.n != t.n)
                bad_again++;
            for (size_t c = 0; c < t.n && c < again.n; c++)
                bad_again += again.v[c].size != t.v[c].size ||
                             strcmp(again.v[c].label, t.v[c].label) != 0;
            corpus_themes_clear(&t);
            corpus_themes_clear(&again);
        }
    is_int(fits, 32, "32 fits on small samples");
    is_int(bad_order, 0, "every one numbered biggest first over all the articles");
    is_int(bad_total, 0, "every article in a theme or counted as in none");
    is_int(bad_again, 0, "the stored centroids give every theme its articles again");
    sqlite3_close(db);
    store_close(&s);
    free(p);
}

int
main(void)
{
    char dir[] = "/tmp/test_themes_XXXXXX";
    if (!mkdtemp(dir)) {
        tap_skip(1, "no temporary directory");
        return done_testing();
    }
    test_fit(dir);
    test_update(dir);
    test_chinese(dir);
    test_sample_bound();
    test_numbering(dir);
    const char *files[] = {"a.db", "b.db", "u.db", "z.db", "n.db"};
    for (size_t i = 0; i < DS_ARRAY_LEN(files); i++)
        for (int x = 0; x < 3; x++) {
            char *p = xasprintf("%s/%s%s", dir, files[i], x == 0 ? "" : x == 1 ? "-wal" : "-shm");
            unlink(p);
            free(p);
        }
    rmdir(dir);
    return done_testing();
}

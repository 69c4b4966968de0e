/*
 * test_corpus.c — corpus statistics: date bucketing (gaps, a single date,
 * no dates, unit choice), keyness against hand-computed values, KWIC lines
 * aligned by display width with CJK and wide characters, subject keys, CSV
 * quoting, and, over a small index built here, timeline, distributions,
 * KWIC with stemming, keyness, figures and export (CSV, valid JSON,
 * Markdown).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "dossier/corpus.h"
#include "dossier/query.h"
#include "dossier/store.h"
#include "dossier/store_stats.h"
#include "dossier/utf8.h"
#include "tap.h"

/* ---- a strict JSON checker (RFC 8259 syntax) ------------------------------------------------- */

static const char *json_value(const char *p, int depth);

static const char *
json_ws(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    return p;
}

static const char *
json_string(const char *p)
{
    if (*p++ != '"')
        return NULL;
    while (*p && *p != '"') {
        if ((unsigned char)*p < 0x20)
            return NULL;
        if (*p == '\\') {
            p++;
            if (*p == 'u') {
                for (int i = 1; i <= 4; i++)
                    if (!strchr("0123456789abcdefABCDEF", p[i]) || !p[i])
                        return NULL;
                p += 5;
                continue;
            }
            if (!*p || !strchr("\"\\/bfnrt", *p))
                return NULL;
        }
        p++;
    }
    return *p == '"' ? p + 1 : NULL;
}

static const char *
json_number(const char *p)
{
    const char *s = p;
    if (*p == '-')
        p++;
    if (*p == '0')
        p++;
    else if (*p >= '1' && *p <= '9')
        while (*p >= '0' && *p <= '9')
            p++;
    else
        return NULL;
    if (*p == '.') {
        p++;
        if (!(*p >= '0' && *p <= '9'))
            return NULL;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            return NULL;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return p > s ? p : NULL;
}

static const char *
json_value(const char *p, int depth)
{
    if (depth > 64)
        return NULL;
    p = json_ws(p);
    if (*p == '{' || *p == '[') {
        char close = *p == '{' ? '}' : ']';
        bool obj = *p == '{';
        p = json_ws(p + 1);
        if (*p == close)
            return p + 1;
        for (;;) {
            if (obj) {
                p = json_string(json_ws(p));
                if (!p)
                    return NULL;
                p = json_ws(p);
                if (*p++ != ':')
                    return NULL;
            }
            p = json_value(p, depth + 1);
            if (!p)
                return NULL;
            p = json_ws(p);
            if (*p == close)
                return p + 1;
            if (*p++ != ',')
                return NULL;
        }
    }
    if (*p == '"')
        return json_string(p);
    if (!strncmp(p, "true", 4))
        return p + 4;
    if (!strncmp(p, "false", 5))
        return p + 5;
    if (!strncmp(p, "null", 4))
        return p + 4;
    return json_number(p);
}

static bool
json_valid(const char *s)
{
    const char *p = json_value(s, 0);
    return p && *json_ws(p) == '\0';
}

/* ---- bucketing ------------------------------------------------------------------------------- */

static void
test_buckets(void)
{
    struct corpus_timeline t = {0};
    struct corpus_datecount gap[] = {
        {"2021-01-15", 2}, {"2021-04-02", 1}, {"2021-01-20", 1}, {"2021-06-30", 3}};
    corpus_timeline_build(gap, 4, CORPUS_UNIT_AUTO, 0, &t);
    is_int(t.unit, CORPUS_UNIT_MONTH, "six months: monthly buckets");
    is_int(t.nbuckets, 6, "Jan..Jun is six buckets, gaps included");
    if (t.nbuckets == 6) {
        is_str(t.buckets[0].key, "2021-01", "first bucket key");
        is_int(t.buckets[0].count, 3, "two January days merged");
        is_int(t.buckets[1].count, 0, "February empty, shown as 0");
        is_int(t.buckets[2].count, 0, "March empty, shown as 0");
        is_int(t.buckets[3].count, 1, "April");
        is_str(t.buckets[5].key, "2021-06", "last bucket key");
    }
    is_int(t.dated, 7, "dated total");
    is_int(t.max, 3, "max for bar scaling");

    struct corpus_datecount series[] = {{"2021-04-10", 2}, {"2019-01-01", 5}, {"2021-02-01", 1}};
    corpus_timeline_add_series(&t, "trade", "Trade", series, 3);
    is_int(t.nseries, 1, "one series");
    is_int(t.series[0].total, 3, "dates outside the range are not counted in a series");
    is_int(t.series[0].counts[1], 1, "series February");
    is_int(t.series[0].counts[3], 2, "series April");
    corpus_timeline_clear(&t);

    struct corpus_datecount single[] = {{"2018-05-15", 4}};
    corpus_timeline_build(single, 1, CORPUS_UNIT_AUTO, 2, &t);
    is_int(t.nbuckets, 1, "single date: one bucket");
    is_str(t.nbuckets ? t.buckets[0].key : NULL, "2018-05", "single date: its month");
    is_int(t.undated, 2, "undated kept apart");
    corpus_timeline_clear(&t);

    struct corpus_datecount none[] = {{"garbage", 3}, {"1066-10-14", 1}};
    corpus_timeline_build(none, 2, CORPUS_UNIT_AUTO, 5, &t);
    is_int(t.nbuckets, 0, "no dated articles: no buckets");
    is_int(t.undated, 9, "unparseable and implausible dates count as undated");
    is_int(t.dated, 0, "nothing dated");
    corpus_timeline_add_series(&t, "x", NULL, none, 2);
    is_int(t.series[0].total, 0, "a series over no buckets is empty");
    corpus_timeline_clear(&t);
    corpus_timeline_build(NULL, 0, CORPUS_UNIT_MONTH, 0, &t);
    is_int(t.nbuckets, 0, "empty input");
    corpus_timeline_clear(&t);

    /* weeks: 2021-03-03 is a Wednesday, its week starts Monday 2021-03-01 */
    struct corpus_datecount weeks[] = {{"2021-03-03", 1}, {"2021-03-22", 2}, {"2021-03-28", 1}};
    corpus_timeline_build(weeks, 3, CORPUS_UNIT_AUTO, 0, &t);
    is_int(t.unit, CORPUS_UNIT_WEEK, "25 days: weekly buckets");
    is_int(t.nbuckets, 4, "weeks of Mar 1, 8, 15, 22");
    if (t.nbuckets == 4) {
        is_str(t.buckets[0].key, "2021-03-01", "week keyed by its Monday");
        is_int(t.buckets[1].count, 0, "empty week");
        is_str(t.buckets[3].key, "2021-03-22", "last week");
        is_int(t.buckets[3].count, 3, "Monday and Sunday in the same week");
    }
    corpus_timeline_clear(&t);

    /* a week across a year end */
    struct corpus_datecount ny[] = {{"2020-12-31", 1}, {"2021-01-03", 1}, {"2021-01-20", 1}};
    corpus_timeline_build(ny, 3, CORPUS_UNIT_WEEK, 0, &t);
    is_str(t.nbuckets ? t.buckets[0].key : NULL, "2020-12-28", "week across the new year");
    is_int(t.nbuckets ? t.buckets[0].count : -1, 2, "Thu and Sun of one week");
    corpus_timeline_clear(&t);

    struct corpus_datecount years[] = {{"1998-02", 1}, {"2021", 1}};
    corpus_timeline_build(years, 2, CORPUS_UNIT_AUTO, 0, &t);
    is_int(t.unit, CORPUS_UNIT_YEAR, "24 years: yearly buckets");
    is_int(t.nbuckets, 24, "1998..2021");
    corpus_timeline_clear(&t);

    is_int(corpus_unit_for_range("2021-01-01", "2021-01-05"), CORPUS_UNIT_MONTH,
           "a few days: one month bucket");
    is_int(corpus_unit_for_range("2021-01-01", "2021-02-20"), CORPUS_UNIT_WEEK, "7 weeks");
    is_int(corpus_unit_for_range("2015-01-01", "2019-12-31"), CORPUS_UNIT_MONTH, "60 months");
    is_int(corpus_unit_for_range("2015-01-01", "2020-01-01"), CORPUS_UNIT_YEAR, "61 months");
}

/* ---- keyness --------------------------------------------------------------------------------- */

static void
test_keyness_math(void)
{
    /* a=10 of c=1000, b=5 of d=2000: E1 = 5, E2 = 10,
     * G2 = 2 (10 ln 2 + 5 ln 0.5) = 10 ln 2 = 6.931472 */
    double g = corpus_g2(10, 5, 1000, 2000);
    ok(fabs(g - 10 * log(2.0)) < 1e-9, "G2 hand value 1 (got %.9f)", g);
    /* a=20 of 100, b=0 of 100: E1 = 10, G2 = 2 * 20 ln 2 = 27.725887 */
    g = corpus_g2(20, 0, 100, 100);
    ok(fabs(g - 27.725887222) < 1e-6, "G2 with a zero reference count (got %.6f)", g);
    /* equal relative frequencies: nothing distinctive */
    ok(fabs(corpus_g2(5, 10, 100, 200)) < 1e-12, "G2 of equal rates is 0");
    /* symmetric in the sense that under-use scores too */
    ok(corpus_g2(1, 30, 1000, 1000) > 10, "G2 of a strongly under-used term is large");
    is_int((long long)(corpus_g2(0, 0, 10, 10) * 1000), 0, "G2 of an unseen term is 0");
    is_int((long long)(corpus_g2(3, 1, 0, 10) * 1000), 0, "G2 with an empty target is 0");
    /* a=100 of 10000, b=50 of 20000: E1 = 50, E2 = 100, G2 = 2 (100 ln 2 - 50 ln 2) */
    g = corpus_g2(100, 50, 10000, 20000);
    double want = 2 * (100 * log(100 / (10000.0 * 150 / 30000)) +
                       50 * log(50 / (20000.0 * 150 / 30000)));
    ok(fabs(g - want) < 1e-9 && fabs(g - 69.3147) < 1e-3, "G2 hand value 3 (got %.4f)", g);
    ok(fabs(corpus_log_ratio(10, 5, 1000, 2000) - 2.0) < 1e-12, "log ratio: 4x more frequent = 2");
    ok(fabs(corpus_log_ratio(4, 0, 100, 100) - 3.0) < 1e-12, "log ratio smooths a zero with 0.5");
}

/* ---- KWIC alignment -------------------------------------------------------------------------- */

/* The display column where the keyword starts in a formatted line. */
static size_t
kw_column(const char *line, const char *kw)
{
    const char *p = strstr(line, kw);
    return p ? utf8_width(line, (size_t)(p - line)) : (size_t)-1;
}

static void
test_kwic_lines(void)
{
    const char *bodies[] = {
        "The new tariffs on steel were announced in Washington.",
        "北京宣布对美国商品加征tariffs，商务部长王文涛表示反对。",
        "x tariffs",
        "Long before the \x1b[31mtariffs\x1b[0m came, traders\tworried\n\nabout prices.",
        "Café déjà vu — tariffs affect ｆｕｌｌｗｉｄｔｈ goods and 한국 exporters alike.",
    };
    const size_t width = 11;
    struct buf line = BUF_INIT;
    for (size_t i = 0; i < DS_ARRAY_LEN(bodies); i++) {
        const char *b = bodies[i];
        const char *hit = strstr(b, "tariffs");
        struct corpus_kwic k = {0};
        corpus_kwic_make(b, strlen(b), (size_t)(hit - b), (size_t)(hit - b) + 7, width, &k);
        buf_reset(&line);
        corpus_kwic_format(&k, width, &line);
        is_int(kw_column(buf_str(&line), "tariffs"), width + 1,
               "keyword starts at column width+1 whatever the script");
        ok(utf8_width(k.left, strlen(k.left)) <= width, "left context fits: '%s'", k.left);
        ok(utf8_width(k.right, strlen(k.right)) <= width, "right context fits: '%s'", k.right);
        bool clean = true;
        for (const char *p = buf_str(&line); *p; p++)
            if ((unsigned char)*p < 0x20 || *p == 0x7f)
                clean = false;
        ok(clean, "no control characters in line %zu", i);
        is_int(k.start, (long long)(hit - b), "line knows its byte offset");
        free(k.left);
        free(k.kw);
        free(k.right);
    }
    /* exact expectations for one CJK line: 11 columns of left context can
     * hold 5 wide characters (10 columns) plus one padding space */
    {
        const char *b = bodies[1];
        const char *hit = strstr(b, "tariffs");
        struct corpus_kwic k = {0};
        corpus_kwic_make(b, strlen(b), (size_t)(hit - b), (size_t)(hit - b) + 7, width, &k);
        is_str(k.left, "国商品加征", "CJK left context cut on a character boundary");
        is_str(k.right, "，商务部长", "CJK right context: 10 of 11 columns");
        buf_reset(&line);
        corpus_kwic_format(&k, width, &line);
        is_str(buf_str(&line), " 国商品加征 tariffs ，商务部长", "CJK line padded to width");
        free(k.left);
        free(k.kw);
        free(k.right);
    }
    {
        const char *b = bodies[3];
        const char *hit = strstr(b, "tariffs");
        struct corpus_kwic k = {0};
        corpus_kwic_make(b, strlen(b), (size_t)(hit - b), (size_t)(hit - b) + 7, 30, &k);
        is_str(k.left, "Long before the [31m", "escape removed, its printable tail harmless");
        is_str(k.right, "[0m came, traders worried abou", "tab and blank line become spaces");
        free(k.left);
        free(k.kw);
        free(k.right);
    }
    buf_free(&line);

    /* sorting by the word to the left and to the right */
    struct corpus_kwic v[3] = {
        {1, 0, 0, xstrdup("zebra apple"), xstrdup("kw"), xstrdup("Mango b")},
        {2, 0, 0, xstrdup("apple zebra"), xstrdup("kw"), xstrdup("apple c")},
        {3, 0, 0, xstrdup("b Banana"), xstrdup("kw"), xstrdup("zulu")},
    };
    corpus_kwic_sort(v, 3, CORPUS_KWIC_BY_LEFT);
    is_int(v[0].doc_id, 1, "left sort: nearest word 'apple' first");
    is_int(v[1].doc_id, 3, "left sort: 'Banana' (case-folded) second");
    is_int(v[2].doc_id, 2, "left sort: 'zebra' last");
    corpus_kwic_sort(v, 3, CORPUS_KWIC_BY_RIGHT);
    is_int(v[0].doc_id, 2, "right sort: 'apple' first");
    is_int(v[2].doc_id, 3, "right sort: 'zulu' last");
    corpus_kwic_sort(v, 3, CORPUS_KWIC_BY_DOC);
    is_int(v[0].doc_id, 1, "doc sort");
    for (int i = 0; i < 3; i++) {
        free(v[i].left);
        free(v[i].kw);
        free(v[i].right);
    }
}

/* ---- subjects and CSV ------------------------------------------------------------------------ */

static void
test_subjects_csv(void)
{
    char *k = corpus_subject_key("China's trade with the US");
    is_str(k, "china trade us", "subject key: lowercase, stopwords dropped, sorted");
    free(k);
    k = corpus_subject_key("US-China trade");
    is_str(k, "china trade us", "same subject written differently: same key");
    k = (free(k), corpus_subject_key("the of and"));
    is_str(k, "", "stopwords only");
    k = (free(k), corpus_subject_key(NULL));
    is_str(k, "", "no subject");
    k = (free(k), corpus_subject_key("Exportations de la Chine, Ämter"));
    is_str(k, "chine de exportations la ämter", "non-English letters kept and folded");
    free(k);

    struct buf b = BUF_INIT;
    corpus_csv_field(&b, "plain");
    is_str(buf_str(&b), "plain", "CSV plain field unquoted");
    buf_reset(&b);
    corpus_csv_field(&b, "a,b");
    is_str(buf_str(&b), "\"a,b\"", "CSV comma quoted");
    buf_reset(&b);
    corpus_csv_field(&b, "say \"hi\"");
    is_str(buf_str(&b), "\"say \"\"hi\"\"\"", "CSV quotes doubled");
    buf_reset(&b);
    corpus_csv_field(&b, "two\nlines");
    is_str(buf_str(&b), "\"two\nlines\"", "CSV newline quoted");
    buf_reset(&b);
    corpus_csv_field(&b, "bell\a esc\x1b");
    is_str(buf_str(&b), "bell  esc ", "CSV control characters become spaces");
    buf_reset(&b);
    corpus_csv_field(&b, NULL);
    is_str(buf_str(&b), "", "CSV NULL is empty");
    buf_free(&b);

    const char *dirty = "  a\t\tb \x1b[2J\r\n c\xff ";
    char *c = corpus_clean_line(dirty, strlen(dirty));
    is_str(c, "a b [2J c\xEF\xBF\xBD", "clean line: controls, runs, invalid bytes");
    free(c);
    is_int(corpus_format_parse("md"), CORPUS_FMT_MARKDOWN, "format md");
    is_int(corpus_format_parse("xml"), -1, "format unknown");
}

/* ---- over a real index ----------------------------------------------------------------------- */

struct fixture_doc {
    const char *title, *source, *date, *body;
    const char *topic;
    const char *entities[3];
    const char *fig_text, *fig_subject;
    double fig_value;
};

static const struct fixture_doc fixture[] = {
    {"Tariffs rise again", "Wire A", "2021-01-10",
     "Officials said new tariffs on steel would rise. The tariff on aluminium stays. "
     "Steel exporters protested the tariffs.",
     "trade", {"Atlantis", "Borduria", NULL}, "25 pct", "tariff on steel", 25},
    {"Farm \"deal\", at last", "Gazette, The", "2021-03-02",
     "Farmers welcomed the deal on soybeans. Soybeans exports rose 12 pct.",
     "farm", {"Atlantis", "Syldavia", NULL}, "12 pct", "soybean exports", 12},
    {NULL, "Wire A", NULL, "An undated note about steel tariffs and quotas.", "trade",
     {"Borduria", "Atlantis", NULL}, "3 mln dlrs", "Steel tariff", 3e6},
    {"関税 report", "東方日報", "2021-03-20", "北京宣布对商品加征关税。关税影响出口。", "trade",
     {"Syldavia", NULL, NULL}, NULL, NULL, 0},
};

static void
fixture_extraction(const struct fixture_doc *d, struct extraction *x)
{
    memset(x, 0, sizeof *x);
    x->entities = xcalloc(3, sizeof *x->entities);
    for (int i = 0; i < 3 && d->entities[i]; i++) {
        struct entity *e = &x->entities[x->nentities++];
        e->name = xstrdup(d->entities[i]);
        e->kind = ENTITY_COUNTRY;
        e->spans = xcalloc(1, sizeof *e->spans);
        e->nspans = 1;
    }
    if (d->fig_text) {
        x->figures = xcalloc(1, sizeof *x->figures);
        x->nfigures = 1;
        struct figure *f = &x->figures[0];
        const char *p = strstr(d->body, d->fig_text);
        f->span.start = p ? (uint32_t)(p - d->body) : 0;
        f->span.end = f->span.start + (uint32_t)strlen(d->fig_text);
        f->text = xstrdup(d->fig_text);
        f->value = d->fig_value;
        f->unit = xstrdup("%");
        f->kind = FIGURE_RATE;
        f->subject = xstrdup(d->fig_subject);
    }
    x->topics = xcalloc(1, sizeof *x->topics);
    x->ntopics = 1;
    x->topics[0].slug = xstrdup(d->topic);
    x->topics[0].score = 1;
}

static char *
read_stream(FILE *f)
{
    fflush(f);
    long n = ftell(f);
    rewind(f);
    char *s = xcalloc((size_t)n + 1, 1);
    if (fread(s, 1, (size_t)n, f) != (size_t)n)
        s[0] = '\0';
    return s;
}


/* ---- the derived tables against the index's own tables --------------------------------- */

/* Rows in one query's result and not in the other's, both ways, for each
 * derived table and what it should hold (computed here from the base
 * tables, on a connection of our own). */
static const char *const derived_checks[][2] = {
    {"SELECT id, day, source FROM corpus_doc",
     "SELECT id, substr(published, 1, 10), source FROM documents"},
    {"SELECT day, n FROM corpus_day",
     "SELECT coalesce(substr(published, 1, 10), ''), count(*) FROM documents GROUP BY 1"},
    {"SELECT t.slug, d.day, d.n FROM corpus_topic_day d JOIN topic_ids t ON t.id = d.topic",
     "SELECT dt.slug, coalesce(substr(d.published, 1, 10), ''), count(*) FROM doc_topics dt"
     " JOIN documents d ON d.id = dt.doc_id GROUP BY 1, 2"},
    {"SELECT entity_id, kind, docs FROM corpus_ent",
     "SELECT m.entity_id, e.kind, count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id"
     " GROUP BY 1, 2"},
    /* the fixture has fewer than 40 entities: every pair is among the top */
    {"SELECT a, b, docs FROM corpus_pair",
     "SELECT m1.entity_id, m2.entity_id, count(*) FROM mentions m1 JOIN mentions m2"
     " ON m2.doc_id = m1.doc_id AND m2.entity_id > m1.entity_id GROUP BY 1, 2"},
    /* every figure keyed (its number in figure_rows since schema 27) */
    {"SELECT doc_id, id FROM figure_rows WHERE key_id > 0", "SELECT doc_id, id FROM figures"},
    /* keys by number (schema 25): every row's number names a key, whose
     * count is its rows' */
    {"SELECT key, n FROM corpus_figkey",
     "SELECT k.key, count(*) FROM figure_rows f JOIN corpus_figkey k ON k.id = f.key_id"
     " GROUP BY f.key_id"},
};

static int
derived_count(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    else
        diag("%s: %s", sql, sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return n;
}

/* Each derived table equals its definition; what says when. */
static void
derived_compare(const char *db_path, const char *what)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        ok(false, "open %s", db_path);
        sqlite3_close(db);
        return;
    }
    for (size_t i = 0; i < DS_ARRAY_LEN(derived_checks); i++) {
        char *sql = xasprintf("SELECT (SELECT count(*) FROM (%s EXCEPT %s)) +"
                              " (SELECT count(*) FROM (%s EXCEPT %s)),"
                              " (SELECT count(*) FROM (%s))",
                              derived_checks[i][0], derived_checks[i][1], derived_checks[i][1],
                              derived_checks[i][0], derived_checks[i][1]);
        sqlite3_stmt *st = NULL;
        int diff = -1, rows = -1;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW) {
            diff = sqlite3_column_int(st, 0);
            rows = sqlite3_column_int(st, 1);
        } else {
            diag("%s", sqlite3_errmsg(db));
        }
        sqlite3_finalize(st);
        ok(diff == 0 && rows > 0, "%s: %.40s... matches the index (%d rows differ of %d)", what,
           derived_checks[i][0], diff, rows);
        free(sql);
    }
    is_int(derived_count(db, "SELECT count(*) FROM corpus_gone") +
               derived_count(db, "SELECT count(*) FROM corpus_gone_ent") +
               derived_count(db, "SELECT count(*) FROM corpus_gone_dt"),
           0, "nothing left to subtract");
    sqlite3_close(db);
}

/* One term of the index's vocabulary checked against the derived one. */
struct vocab_check {
    struct stats_vocab *v;
    size_t terms, wrong;
};

static void
vocab_check_cb(const char *term, int64_t count, void *ud)
{
    struct vocab_check *c = ud;
    double got = -1;
    struct ds_error err;
    ds_error_clear(&err);
    c->terms++;
    if (stats_vocab_count(c->v, term, &got, &err) != 0 || got != (double)count)
        c->wrong++;
}

/* The derived vocabulary keeps only the terms found twice or more (schema
 * 22), and still gives every term's count as the full-text index does. */
static void
derived_vocab_exact(struct store *s, const char *db, const char *what)
{
    struct ds_error err;
    ds_error_clear(&err);
    struct vocab_check c = {0};
    if (stats_vocab_open(s, true, &c.v, &err) == 0)
        stats_vocab_each(s, vocab_check_cb, &c, &err);
    stats_vocab_free(&c.v);
    ok(c.terms > 0 && c.wrong == 0, "%s: every term's count from the derived vocabulary (%zu of %zu wrong)",
       what, c.wrong, c.terms);
    sqlite3 *raw = NULL;
    sqlite3_open_v2(db, &raw, SQLITE_OPEN_READONLY, NULL);
    int once = derived_count(raw, "SELECT count(*) FROM corpus_vocab WHERE cnt <= 1");
    int rows = derived_count(raw, "SELECT count(*) FROM corpus_vocab");
    sqlite3_close(raw);
    ok(once == 0 && rows > 0 && (size_t)rows < c.terms,
       "%s: no row for a term found once (%d rows, %d of them <= 1, %zu terms)", what, rows, once,
       c.terms);
}

/* Keyness of sel against the rest: the same terms and counts from the
 * derived vocabulary as from the full-text index's own. */
static void
derived_keyness_same(struct store *s, struct corpus_sel *sel, const char *what)
{
    struct corpus_keyness a, b;
    struct ds_error err;
    ds_error_clear(&err);
    corpus_use_derived(s, false);
    int ra = corpus_keyness(s, sel, NULL, 0, 1, &a, &err);
    corpus_use_derived(s, true);
    int rb = corpus_keyness(s, sel, NULL, 0, 1, &b, &err);
    bool same = ra == 0 && rb == 0 && a.nterms == b.nterms && a.nterms > 0 &&
                a.ref_tokens == b.ref_tokens;
    for (size_t i = 0; same && i < a.nterms; i++)
        same = !strcmp(a.terms[i].term, b.terms[i].term) && a.terms[i].b == b.terms[i].b;
    ok(same, "%s: keyness the same from the derived vocabulary (%zu terms)", what,
       ra == 0 ? a.nterms : 0);
    if (ra == 0)
        corpus_keyness_clear(&a);
    if (rb == 0)
        corpus_keyness_clear(&b);
    /* and the figures table by subject, limited (the stored subject keys) */
    for (size_t max = 1; max <= 3; max++) {
        struct corpus_figure *fa = NULL, *fb = NULL;
        size_t na = 0, nb = 0;
        corpus_use_derived(s, false);
        ra = corpus_figures(s, sel, CORPUS_FIG_BY_SUBJECT, max, &fa, &na, &err);
        corpus_use_derived(s, true);
        rb = corpus_figures(s, sel, CORPUS_FIG_BY_SUBJECT, max, &fb, &nb, &err);
        same = ra == 0 && rb == 0 && na == nb && na > 0;
        for (size_t i = 0; same && i < na; i++)
            same = fa[i].doc_id == fb[i].doc_id && fa[i].start == fb[i].start &&
                   !strcmp(fa[i].subject_key, fb[i].subject_key);
        ok(same, "%s: the first %zu figures by subject the same (%zu)", what, max, na);
        corpus_figures_free(fa, na);
        corpus_figures_free(fb, nb);
    }
}

/* Append the lines of a rendered table to b. */
static void
snapshot_lines(struct buf *b, char **lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        buf_printf(b, "%s\n", lines[i]);
    corpus_lines_free(lines, n);
}

/* Every statistic of sel as the CLI would print it, appended to b. */
static void
snapshot_sel(struct store *s, struct corpus_sel *sel, struct buf *b)
{
    struct ds_error err;
    ds_error_clear(&err);
    char **lines = NULL;
    size_t nl = 0;
    struct corpus_overview o;
    if (corpus_overview(s, sel, 10, &o, &err) == 0) {
        corpus_render_overview(&o, 80, &lines, &nl);
        snapshot_lines(b, lines, nl);
        corpus_overview_clear(&o);
    }
    for (size_t max = 0; max <= 2; max += 2) {
        struct corpus_figure *f = NULL;
        size_t n = 0;
        if (corpus_figures(s, sel, CORPUS_FIG_BY_SUBJECT, max, &f, &n, &err) == 0) {
            corpus_render_figures(f, n, true, 80, &lines, &nl);
            snapshot_lines(b, lines, nl);
            corpus_figures_free(f, n);
        }
    }
    struct corpus_kwic *k = NULL;
    size_t nk = 0;
    if (corpus_kwic_find(s, sel, "tariff", 20, 0, &k, &nk, NULL, &err) == 0)
        for (size_t i = 0; i < nk; i++) {
            corpus_kwic_format(&k[i], 20, b);
            buf_putc(b, '\n');
        }
    corpus_kwic_free(k, nk);
    struct corpus_keyness ky;
    if (!corpus_sel_is_all(sel) && corpus_keyness(s, sel, NULL, 0, 1, &ky, &err) == 0) {
        corpus_render_keyness(&ky, 80, &lines, &nl);
        snapshot_lines(b, lines, nl);
        corpus_keyness_clear(&ky);
    }
    if (err.msg[0])
        buf_printf(b, "error: %s\n", err.msg);
}

/* The statistics of the whole corpus and of the documents two[0..2) as
 * text. Newly allocated. */
static char *
derived_snapshot(struct store *s, const int64_t *two)
{
    struct ds_error err;
    ds_error_clear(&err);
    struct buf b = BUF_INIT;
    struct corpus_sel *all = NULL, *some = NULL;
    if (corpus_select(s, NULL, &all, &err) == 0 &&
        corpus_select_ids(s, two, 2, &some, &err) == 0) {
        snapshot_sel(s, all, &b);
        snapshot_sel(s, some, &b);
    } else {
        buf_printf(&b, "error: %s\n", err.msg);
    }
    corpus_sel_free(&some);
    corpus_sel_free(&all);
    return buf_steal(&b);
}

/* Store one fixture-like document at path (a file of its own). */
static int64_t
derived_add(struct store *s, const char *path, const struct fixture_doc *d, uint64_t hash)
{
    struct ds_error err;
    ds_error_clear(&err);
    struct article a = {0};
    a.path = xstrdup(path);
    a.raw = xstrdup(d->body);
    a.body = xstrdup(d->body);
    a.title = d->title ? xstrdup(d->title) : NULL;
    a.source = xstrdup(d->source);
    a.published = d->date ? xstrdup(d->date) : NULL;
    a.words = 10;
    int64_t id = 0;
    int rc = store_doc_insert(s, &a, hash, &id, &err);
    struct file_state fs = {1, 1, id, 0};
    if (rc == 0)
        rc = store_file_put(s, a.path, &fs, &err);
    struct extraction x;
    fixture_extraction(d, &x);
    if (rc == 0)
        rc = store_put_extraction(s, id, &x, &err);
    extraction_clear(&x);
    article_clear(&a);
    if (rc != 0)
        diag("adding %s: %s", path, err.msg);
    return rc == 0 ? id : -1;
}

/* Schema 21 kept each document's topics again, with its day, in corpus_dt;
 * migration 22 drops the table and the delete trigger keeps a deleted
 * document's topics in corpus_gone_dt instead. An index of schema 21 with a
 * document deleted and not yet subtracted is made from this one (its
 * corpus_dt filled as schema 21 filled it, the older trigger back); after
 * the upgrade, the deleted document's topics wait in corpus_gone_dt and the
 * refresh subtracts them: every derived table equals its definition; a
 * vocabulary row of a term found once is gone. *sp is
 * closed and opened again. */
static void
test_derived_v21(struct store **sp, const char *db, const char *path)
{
    struct ds_error err;
    ds_error_clear(&err);
    store_begin(*sp, &err);
    ok(store_file_delete(*sp, path, &err) == 0, "v21: a document deleted (%s)", err.msg);
    store_commit(*sp, &err);
    store_close(sp);
    sqlite3 *raw = NULL;
    sqlite3_open(db, &raw);
    int pending = derived_count(raw, "SELECT count(*) FROM corpus_gone_dt");
    ok(pending > 0, "the trigger kept the deleted document's topics (%d)", pending);
    int rc = sqlite3_exec(
               raw,
               "CREATE TABLE corpus_dt(doc_id INTEGER NOT NULL, slug TEXT NOT NULL, day TEXT,"
               " PRIMARY KEY(doc_id, slug)) WITHOUT ROWID;"
               "INSERT INTO corpus_dt SELECT dt.doc_id, dt.slug, cd.day FROM doc_topics dt"
               " JOIN corpus_doc cd ON cd.id = dt.doc_id;"
               "INSERT INTO corpus_dt SELECT g.doc_id, g.slug, cd.day FROM corpus_gone_dt g"
               " JOIN corpus_doc cd ON cd.id = g.doc_id;"
               "INSERT INTO corpus_vocab(term, cnt) VALUES ('onceonly', 1);"
               "DROP TABLE corpus_gone_dt; DROP TRIGGER corpus_documents_bd;"
               "CREATE TRIGGER corpus_documents_bd BEFORE DELETE ON documents"
               " WHEN EXISTS (SELECT 1 FROM corpus_doc WHERE id = old.id)"
               " AND NOT EXISTS (SELECT 1 FROM corpus_gone WHERE id = old.id) BEGIN"
               " INSERT INTO corpus_gone_ent SELECT old.id, entity_id FROM mentions"
               " WHERE doc_id = old.id;"
               " INSERT INTO corpus_gone(id, title, body) VALUES (old.id, old.title, old.body);"
               " END; PRAGMA user_version = 21",
               NULL, NULL, NULL);
    ok(rc == SQLITE_OK, "made an index of schema 21 (%s)", sqlite3_errmsg(raw));
    sqlite3_close(raw);
    ok(store_open(db, 0, sp, &err) == 0, "schema 21 opens (%s)", err.msg);
    raw = NULL;
    sqlite3_open(db, &raw);
    is_int(derived_count(raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'corpus_dt'"), 0,
           "upgraded: corpus_dt is gone");
    is_int(derived_count(raw, "SELECT count(*) FROM corpus_gone_dt"), pending,
           "upgraded: the deleted document's topics moved to corpus_gone_dt");
    is_int(derived_count(raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'corpus_documents_bd'"
                              " AND sql LIKE '%corpus_gone_dt%'"),
           1, "upgraded: the delete trigger keeps topics");
    sqlite3_close(raw);
    ok(corpus_refresh(*sp, false, &err) == 0, "refresh after the upgrade from 21 (%s)", err.msg);
    derived_compare(db, "after the upgrade from schema 21 and a refresh");
    derived_vocab_exact(*sp, db, "after the upgrade from schema 21");
}

/* Incremental refreshes after adding, changing and deleting documents
 * (the way the indexer does: a changed file's old document is deleted and
 * the new one inserted), then a schema-4 index upgraded. */
static void
test_derived(struct store *s, const char *db, const char *dir, const int64_t *ids)
{
    struct ds_error err;
    ds_error_clear(&err);
    ok(corpus_refresh(s, false, &err) == 0, "refresh (%s)", err.msg);
    derived_compare(db, "first refresh");

    /* add two, delete one, change one (the largest id: its id is reused) */
    static const struct fixture_doc extra[] = {
        {"Soybean quotas", "Gazette, The", "2021-02-14",
         "Quotas on soybeans and steel tariffs were discussed again by farmers.", "farm",
         {"Syldavia", "Borduria", "Carpania"}, "soybeans", "Soybean exports", 1},
        {"Steel", "Wire B", "2020-12-30", "Steel tariffs on steel, steel and more steel.",
         "trade", {"Carpania", NULL, NULL}, "more steel", "tariff on steel", 2},
    };
    char *p1 = xasprintf("%s/new 1.txt", dir), *p2 = xasprintf("%s/new 2.txt", dir);
    char *gone = xasprintf("%s/doc 1.txt", dir), *changed = xasprintf("%s/doc 3.txt", dir);
    store_begin(s, &err);
    ok(derived_add(s, p1, &extra[0], 101) > 0 && derived_add(s, p2, &extra[1], 102) > 0,
       "two documents added");
    store_commit(s, &err);
    ok(corpus_refresh(s, false, &err) == 0, "refresh after adding (%s)", err.msg);
    derived_compare(db, "after adding");

    store_begin(s, &err);
    ok(store_file_delete(s, gone, &err) == 0, "a document deleted (%s)", err.msg);
    ok(store_file_delete(s, p2, &err) == 0, "the largest id deleted (%s)", err.msg);
    int64_t again = derived_add(s, p2, &extra[0], 103);
    is_int(again, ids[3] + 2, "its id is given again to the changed document");
    ok(store_file_delete(s, changed, &err) == 0, "a changed document's old row deleted");
    ok(derived_add(s, changed, &fixture[0], 104) > 0, "and its new row added");
    store_commit(s, &err);
    is_int(corpus_derived_current(s, &err), 0, "deleted and changed: stale");
    ok(corpus_refresh(s, false, &err) == 0, "refresh after deleting and changing (%s)", err.msg);
    is_int(corpus_derived_current(s, &err), 1, "current again");
    derived_compare(db, "after deleting and changing");
    derived_vocab_exact(s, db, "after deleting and changing");
    struct corpus_sel *all = NULL, *some = NULL;
    int64_t two[] = {ids[0], ids[2]};
    if (corpus_select(s, NULL, &all, &err) == 0 && corpus_select_ids(s, two, 2, &some, &err) == 0)
        derived_keyness_same(s, some, "after deleting and changing");
    if (all) {
        /* keyness needs a subset: the figures part over everything */
        struct corpus_figure *fa = NULL, *fb = NULL;
        size_t na = 0, nb = 0;
        corpus_use_derived(s, false);
        int ra = corpus_figures(s, all, CORPUS_FIG_BY_SUBJECT, 2, &fa, &na, &err);
        corpus_use_derived(s, true);
        int rb = corpus_figures(s, all, CORPUS_FIG_BY_SUBJECT, 2, &fb, &nb, &err);
        bool same = ra == 0 && rb == 0 && na == nb && na > 0;
        for (size_t i = 0; same && i < na; i++)
            same = fa[i].doc_id == fb[i].doc_id && fa[i].start == fb[i].start;
        ok(same, "all: the first figures by subject the same (%zu)", na);
        corpus_figures_free(fa, na);
        corpus_figures_free(fb, nb);
    }
    corpus_sel_free(&some);
    corpus_sel_free(&all);
    /* a full rebuild gives the same */
    ok(corpus_refresh(s, true, &err) == 0, "full rebuild (%s)", err.msg);
    derived_compare(db, "after a rebuild");
    test_derived_v21(&s, db, p1);
    free(p1);
    free(p2);
    free(gone);
    free(changed);

    /* an index made before the derived tables existed (schema 5: the
     * version before STORE_SCHEMA_CORPUS): the upgrade marks them stale,
     * the statistics read the index's own tables and say the same, and the
     * next refresh (the index run's) fills them */
    int64_t some_ids[] = {ids[0], ids[2]};
    char *before = derived_snapshot(s, some_ids);
    ok(strstr(before, "tariff") && !strstr(before, "error:") && strlen(before) > 1000,
       "every statistic as text (%zu bytes)", strlen(before));
    store_close(&s);
    sqlite3 *raw = NULL;
    sqlite3_open(db, &raw);
    is_int(sqlite3_exec(raw,
                        "DROP TRIGGER corpus_documents_bd; DROP TABLE corpus_doc;"
                        " DROP TABLE corpus_gone_dt; DROP TABLE corpus_day; DROP TABLE corpus_topic_day;"
                        " DROP TABLE corpus_ent; DROP TABLE corpus_pair; DROP TABLE corpus_vocab;"
                        " DROP TABLE corpus_gone; DROP TABLE corpus_gone_ent;"
                        " DROP TRIGGER figure_rows_gone; DROP TABLE corpus_figkey;"
                        " DELETE FROM meta WHERE key LIKE 'corpus_%'; PRAGMA user_version = 5",
                        NULL, NULL, NULL),
           SQLITE_OK, "downgraded to schema 5");
    sqlite3_close(raw);
    if (!ok(store_open(db, STORE_READONLY, &s, &err) == 0, "schema 5 opens (%s)", err.msg)) {
        free(before);
        return;
    }
    is_int(corpus_derived_current(s, &err), 0, "upgraded: the statistics tables are stale");
    char *after = derived_snapshot(s, some_ids);
    is_str(after, before, "upgraded: the same statistics from the index's own tables");
    store_close(&s);
    free(after);
    ds_error_clear(&err);
    ok(store_open(db, 0, &s, &err) == 0 && corpus_refresh(s, false, &err) == 0,
       "the next refresh after the upgrade (%s)", err.msg);
    is_int(corpus_derived_current(s, &err), 1, "refreshed after the upgrade: current");
    after = derived_snapshot(s, some_ids);
    is_str(after, before, "refreshed after the upgrade: the same statistics");
    store_close(&s);
    free(after);
    free(before);
    derived_compare(db, "after the upgrade from schema 5 and a refresh");
}

/* The stepped searches give what the one-call ones give, one document per
 * step. */
static void
test_steps(struct store *s, struct corpus_sel *sel)
{
    struct ds_error err;
    ds_error_clear(&err);
    struct corpus_kwic *v = NULL;
    size_t n = 0;
    ok(corpus_kwic_find(s, sel, "tariff", 20, 0, &v, &n, NULL, &err) == 0 && n > 1,
       "kwic: some lines (%zu)", n);
    struct corpus_kwic_scan *k = NULL;
    size_t steps = 0, done = 0, total = 0;
    if (ok(corpus_kwic_begin(s, sel, "tariff", 20, 0, &k, &err) == 0, "kwic begins")) {
        int more;
        while ((more = corpus_kwic_more(k, 1, &err)) == 1)
            steps++;
        corpus_kwic_progress(k, &done, &total);
        ok(more == 0 && done == total && steps + 1 >= total, "kwic: %zu steps, %zu of %zu read",
           steps, done, total);
        struct corpus_kwic *w = NULL;
        size_t m = 0;
        corpus_kwic_take(k, &w, &m);
        bool same = m == n;
        for (size_t i = 0; same && i < n; i++)
            same = v[i].doc_id == w[i].doc_id && v[i].start == w[i].start &&
                   !strcmp(v[i].left, w[i].left) && !strcmp(v[i].right, w[i].right);
        ok(same, "kwic in steps: the same %zu lines", m);
        corpus_kwic_free(w, m);
        corpus_kwic_end(&k);
    }
    corpus_kwic_free(v, n);

    struct corpus_keyness a, b;
    struct corpus_keyness_scan *ks = NULL;
    ok(corpus_keyness(s, sel, NULL, 0, 1, &a, &err) == 0, "keyness (%s)", err.msg);
    if (ok(corpus_keyness_begin(s, sel, 0, 1, &ks, &err) == 0, "keyness begins")) {
        steps = 0;
        while (corpus_keyness_more(ks, 1, &err) == 1)
            steps++;
        corpus_keyness_progress(ks, &done, &total);
        ok(done == total && total == corpus_sel_count(sel), "keyness: %zu of %zu read", done,
           total);
        ok(corpus_keyness_finish(ks, &b, &err) == 0, "keyness finished");
        bool same = a.nterms == b.nterms && a.nterms > 0 && a.target_tokens == b.target_tokens;
        for (size_t i = 0; same && i < a.nterms; i++)
            same = !strcmp(a.terms[i].term, b.terms[i].term) && a.terms[i].a == b.terms[i].a &&
                   a.terms[i].b == b.terms[i].b;
        ok(same, "keyness in steps: the same %zu terms", b.nterms);
        corpus_keyness_clear(&b);
        corpus_keyness_end(&ks);
    }
    corpus_keyness_clear(&a);
    struct corpus_sel *all = NULL;
    if (corpus_select(s, NULL, &all, &err) == 0)
        ok(corpus_keyness_begin(s, all, 0, 1, &ks, &err) == -1 && !ks,
           "keyness in steps refuses the whole corpus");
    corpus_sel_free(&all);
}

static void
test_store(void)
{
    char dir[] = "/tmp/test_corpus_XXXXXX";
    if (!mkdtemp(dir)) {
        tap_skip(1, "no temporary directory");
        return;
    }
    char *db = xasprintf("%s/index.db", dir);
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    if (!ok(store_open(db, STORE_CREATE, &s, &err) == 0, "store opens (%s)", err.msg)) {
        free(db);
        return;
    }
    const char *slugs[] = {"trade", "farm"}, *names[] = {"Trade", "Farming"};
    store_set_topics(s, slugs, names, 2, &err);
    int64_t ids[DS_ARRAY_LEN(fixture)];
    store_begin(s, &err);
    for (size_t i = 0; i < DS_ARRAY_LEN(fixture); i++) {
        const struct fixture_doc *d = &fixture[i];
        struct article a = {0};
        a.path = xasprintf("%s/doc %zu.txt", dir, i);
        a.raw = xstrdup(d->body);
        a.body = xstrdup(d->body);
        a.title = xstrdup(d->title);
        a.source = xstrdup(d->source);
        a.published = xstrdup(d->date);
        a.words = 10;
        int rc = store_doc_insert(s, &a, (uint64_t)i + 1, &ids[i], &err);
        struct file_state fs = {1, 1, ids[i], 0};
        if (rc == 0)
            rc = store_file_put(s, a.path, &fs, &err);
        struct extraction x;
        fixture_extraction(d, &x);
        if (rc == 0)
            rc = store_put_extraction(s, ids[i], &x, &err);
        extraction_clear(&x);
        article_clear(&a);
        ok(rc == 0, "fixture document %zu stored (%s)", i, err.msg);
    }
    store_commit(s, &err);
    is_int(corpus_derived_current(s, &err), 0, "documents added: the derived tables are stale");
    ok(corpus_refresh(s, false, &err) == 0, "statistics tables refreshed (%s)", err.msg);
    is_int(corpus_derived_current(s, &err), 1, "refreshed: they are current");

    struct corpus_sel *all = NULL, *wire = NULL;
    ok(corpus_select(s, NULL, &all, &err) == 0, "select all (%s)", err.msg);
    is_int(corpus_sel_count(all), 4, "all: four documents");
    ok(corpus_sel_is_all(all), "empty query is the whole corpus");
    struct query *q = NULL;
    if (query_parse("source:\"Wire A\"", &q, &err) == 0) {
        ok(corpus_select(s, q, &wire, &err) == 0, "select by query (%s)", err.msg);
        is_int(corpus_sel_count(wire), 2, "query selects the two wire stories");
    }
    query_free(&q);

    struct corpus_timeline t;
    ok(corpus_timeline(s, all, CORPUS_UNIT_AUTO, 3, &t, &err) == 0, "timeline (%s)", err.msg);
    is_int(t.unit, CORPUS_UNIT_WEEK, "Jan 10..Mar 20: weeks");
    is_int(t.dated, 3, "three dated");
    is_int(t.undated, 1, "one undated");
    is_int(t.nseries, 2, "a series per topic");
    if (t.nseries) {
        is_str(t.series[0].key, "trade", "biggest topic first");
        is_int(t.series[0].total, 2, "dated trade documents");
    }
    corpus_timeline_clear(&t);

    struct corpus_count *c = NULL;
    size_t n = 0;
    ok(corpus_distribution(s, all, CORPUS_DIST_TOPIC, 0, &c, &n, &err) == 0, "topics");
    is_int(n, 2, "two topics");
    if (n == 2) {
        is_str(c[0].key, "trade", "trade first");
        is_int(c[0].count, 3, "trade count");
        ok(fabs(c[0].share - 0.75) < 1e-9, "trade share 0.75");
        is_str(c[1].label, "Farming", "topic label");
    }
    corpus_counts_free(c, n);
    ok(corpus_distribution(s, wire, CORPUS_DIST_SOURCE, 0, &c, &n, &err) == 0, "outlets");
    is_int(n, 1, "selection: one outlet");
    is_int(n ? c[0].count : 0, 2, "two stories from it");
    ok(n && fabs(c[0].share - 1.0) < 1e-9, "share 1.0");
    corpus_counts_free(c, n);
    ok(corpus_entities(s, all, ENTITY_COUNTRY, 2, &c, &n, &err) == 0, "entities");
    is_int(n, 2, "limit respected");
    is_str(n ? c[0].key : NULL, "Atlantis", "most mentioned first");
    is_int(n ? c[0].count : 0, 3, "Atlantis in three documents");
    corpus_counts_free(c, n);
    ok(corpus_entities(s, all, ENTITY_PERSON, 0, &c, &n, &err) == 0 && n == 0,
       "no people in the fixture");
    corpus_counts_free(c, n);

    struct corpus_pair *pairs = NULL;
    ok(corpus_cooccur(s, all, 0, &pairs, &n, &err) == 0, "co-occurrence (%s)", err.msg);
    is_int(n, 2, "two pairs (Syldavia alone in one document)");
    if (n) {
        is_str(pairs[0].a, "Atlantis", "top pair a");
        is_str(pairs[0].b, "Borduria", "top pair b");
        is_int(pairs[0].docs, 2, "top pair in two documents");
    }
    corpus_pairs_free(pairs, n);
    /* counted over two documents at a time (a million documents take a few
     * windows, not a bit per document and entity): the same pairs */
    setenv("DOSSIER_TEST_PAIR_WINDOW", "2", 1);
    ok(corpus_cooccur(s, all, 0, &pairs, &n, &err) == 0 && n == 2 &&
           !strcmp(pairs[0].a, "Atlantis") && !strcmp(pairs[0].b, "Borduria") &&
           pairs[0].docs == 2,
       "co-occurrence two documents at a time: the same pairs");
    unsetenv("DOSSIER_TEST_PAIR_WINDOW");
    corpus_pairs_free(pairs, n);
    ok(corpus_cooccur(s, wire, 0, &pairs, &n, &err) == 0 && n == 1,
       "co-occurrence within a selection");
    corpus_pairs_free(pairs, n);

    struct corpus_figure *figs = NULL;
    ok(corpus_figures(s, all, CORPUS_FIG_BY_SUBJECT, 0, &figs, &n, &err) == 0, "figures");
    is_int(n, 3, "three figures");
    if (n == 3) {
        is_str(figs[0].subject_key, "steel tariff", "biggest group first");
        is_str(figs[1].subject_key, "steel tariff", "same subject grouped across articles");
        is_str(figs[2].subject_key, "exports soybean", "smaller group after");
        is_str(figs[0].date, "2021-01-10", "dated first within a group");
        char **lines;
        size_t nl;
        corpus_render_figures(figs, n, true, 50, &lines, &nl);
        is_int(nl, 6, "figure table: two headers, three rows, a blank line");
        if (nl == 6) {
            is_str(lines[0], "tariff on steel (2)", "group header with its count");
            ok(strstr(lines[1], "2021-01-10") && strstr(lines[1], "25 pct"), "row: date, figure");
            is_str(lines[3], "", "blank line between groups");
        }
        corpus_lines_free(lines, nl);
        const size_t fw[] = {0, 39, 40, 41, 59, 60, 99, 100, 160};
        for (size_t w = 0; w < DS_ARRAY_LEN(fw); w++) {
            for (int grouped = 0; grouped < 2; grouped++) {
                corpus_render_figures(figs, n, grouped, fw[w], &lines, &nl);
                size_t want = fw[w] < 40 ? 40 : fw[w], widest = 0;
                for (size_t i = 0; i < nl; i++)
                    widest = DS_MAX(widest, utf8_width(lines[i], strlen(lines[i])));
                ok(nl >= 3 && widest <= want, "figure lines fit %zu columns (widest %zu)", want,
                   widest);
                corpus_lines_free(lines, nl);
            }
        }
    }
    corpus_figures_free(figs, n);
    /* a limited table by subject (read in two steps) is the full table cut */
    for (size_t lim = 1; lim <= 4; lim++) {
        struct corpus_figure *full = NULL, *cut = NULL;
        size_t nfull = 0, ncut = 0;
        ok(corpus_figures(s, all, CORPUS_FIG_BY_SUBJECT, 0, &full, &nfull, &err) == 0 &&
               corpus_figures(s, all, CORPUS_FIG_BY_SUBJECT, lim, &cut, &ncut, &err) == 0,
           "figures by subject, limit %zu", lim);
        is_int(ncut, DS_MIN(lim, nfull), "limited count");
        bool same = true;
        for (size_t i = 0; i < ncut && i < nfull; i++)
            same = same && full[i].doc_id == cut[i].doc_id && full[i].start == cut[i].start;
        ok(same, "limited table is the first rows of the full one (limit %zu)", lim);
        corpus_figures_free(full, nfull);
        corpus_figures_free(cut, ncut);
    }
    ok(corpus_figures(s, all, CORPUS_FIG_BY_VALUE, 2, &figs, &n, &err) == 0 && n == 2,
       "figures by value, limited");
    ok(n == 2 && figs[0].value == 3e6, "largest first");
    corpus_figures_free(figs, n);

    struct corpus_kwic *k = NULL;
    bool trunc = false;
    ok(corpus_kwic_find(s, all, "tariff", 20, 0, &k, &n, &trunc, &err) == 0, "kwic (%s)",
       err.msg);
    is_int(n, 4, "'tariff' finds tariff and tariffs (stemmed)");
    if (n) {
        const char *body = fixture[0].body;
        is_int(k[0].start, strstr(body, "tariffs") - body, "offset of first occurrence");
        is_str(k[0].kw, "tariffs", "keyword as written");
    }
    corpus_kwic_free(k, n);
    ok(corpus_kwic_find(s, wire, "steel tariffs", 20, 0, &k, &n, &trunc, &err) == 0 && n == 1,
       "phrase, within a selection");
    corpus_kwic_free(k, n);
    ok(corpus_kwic_find(s, all, "tariffs", 20, 2, &k, &n, &trunc, &err) == 0 && n == 2 && trunc,
       "max lines stops the search and says so");
    corpus_kwic_free(k, n);
    ok(corpus_kwic_find(s, all, "关税", 6, 0, &k, &n, &trunc, &err) == 0, "CJK kwic");
    is_int(n, 2, "CJK substring found twice");
    if (n == 2)
        is_str(k[1].left, "关税。", "CJK left context cut to 6 columns");
    corpus_kwic_free(k, n);
    ok(corpus_kwic_find(s, all, "關稅", 6, 0, &k, &n, &trunc, &err) == 0 && n == 2,
       "the Traditional form finds the Simplified text");
    if (n == 2)
        is_str(k[0].kw, "关税", "the line shows the text as written");
    corpus_kwic_free(k, n);
    ok(corpus_kwic_find(s, all, "税", 6, 0, &k, &n, &trunc, &err) == 0 && n == 0,
       "a single CJK character inside a word is not found (%zu)", n);
    corpus_kwic_free(k, n);
    ok(corpus_kwic_find(s, all, "对", 6, 0, &k, &n, &trunc, &err) == 0 && n == 1,
       "a single CJK character is found where it is a word (%zu)", n);
    corpus_kwic_free(k, n);
    ok(corpus_kwic_find(s, all, "!!", 6, 0, &k, &n, &trunc, &err) == -1 && err.msg[0],
       "punctuation-only term is an error with a message");

    struct corpus_keyness ky;
    ok(corpus_keyness(s, wire, NULL, 10, 2, &ky, &err) == 0, "keyness vs corpus (%s)", err.msg);
    bool found_steel = false;
    for (size_t i = 0; i < ky.nterms; i++)
        if (!strcmp(ky.terms[i].term, "steel")) {
            found_steel = true;
            is_int(ky.terms[i].a, 3, "steel three times in the wire stories");
            is_int(ky.terms[i].b, 0, "never elsewhere");
        }
    ok(found_steel, "steel is distinctive of the wire stories");
    ok(ky.target_tokens > 0 && ky.ref_tokens > 0, "token totals");
    for (size_t i = 1; i < ky.nterms; i++)
        ok(ky.terms[i - 1].g2 >= ky.terms[i].g2, "sorted by G2 (%zu)", i);
    for (size_t w = 30; w <= 90; w += 30) {
        char **lines;
        size_t nl;
        corpus_render_keyness(&ky, w, &lines, &nl);
        size_t want = w < 40 ? 40 : w, widest = 0;
        for (size_t i = 0; i < nl; i++)
            widest = DS_MAX(widest, utf8_width(lines[i], strlen(lines[i])));
        ok(nl == ky.nterms + 2 && widest <= want, "keyness table: %zu lines fit %zu columns", nl,
           want);
        ok(nl > 2 && strstr(lines[2], ky.terms[0].term) != NULL, "first row is the top term");
        corpus_lines_free(lines, nl);
    }
    corpus_keyness_clear(&ky);
    ok(corpus_keyness(s, all, NULL, 10, 2, &ky, &err) == -1 && strstr(err.msg, "whole corpus"),
       "keyness of the whole corpus against itself is refused with a reason");
    ok(corpus_keyness(s, wire, all, 10, 1, &ky, &err) == 0, "keyness against another set");
    ok(ky.nterms > 0 && ky.ref_tokens > ky.target_tokens, "reference is the larger set");
    corpus_keyness_clear(&ky);

    /* export */
    for (int fmt = 0; fmt < 3; fmt++) {
        FILE *f = tmpfile();
        long rows = corpus_export(s, all, (enum corpus_format)fmt, "Trade \"brief\"", f, &err);
        is_int(rows, 4, "export writes every document");
        char *out = read_stream(f);
        fclose(f);
        if (fmt == CORPUS_FMT_JSON) {
            ok(json_valid(out), "export JSON is valid");
            ok(strstr(out, "\"title\":\"Farm \\\"deal\\\", at last\"") != NULL,
               "JSON title escaped");
            ok(strstr(out, "\"date\":null") != NULL, "JSON undated is null");
        } else if (fmt == CORPUS_FMT_CSV) {
            ok(strstr(out, ",\"Farm \"\"deal\"\", at last\",") != NULL, "CSV title quoted");
            ok(strstr(out, ",\"Gazette, The\",") != NULL, "CSV outlet with comma quoted");
            int lines = 0;
            for (char *p = out; *p; p++)
                lines += *p == '\n';
            is_int(lines, 5, "CSV header and four rows");
            ok(!strncmp(out, "id,date,source,title,path,topics,nfigures,figures\r\n", 51),
               "CSV header");
        } else {
            ok(strstr(out, "# Trade \"brief\"") != NULL, "Markdown title");
            ok(strstr(out, "- **25 pct** — tariff on steel") != NULL, "Markdown key figure");
            ok(strstr(out, "(<") != NULL && strstr(out, "doc 0.txt>)") != NULL,
               "Markdown link to the path, spaces allowed");
            ok(strstr(out, "2021-01-10") < strstr(out, "2021-03-02"), "oldest first");
        }
        free(out);
    }
    corpus_sel_free(&wire);

    /* the derived tables give the same answers as the index's own tables */
    for (int pass = 0; pass < 2; pass++) {
        struct corpus_sel *sets[2] = {all, NULL};
        int64_t two[] = {ids[0], ids[2]};
        ok(corpus_select_ids(s, two, 2, &sets[1], &err) == 0, "select two ids");
        for (int w = 0; w < 2; w++) {
            struct corpus_overview a, b;
            corpus_use_derived(s, false);
            ok(corpus_overview(s, sets[w], 10, &a, &err) == 0, "overview from the index's tables");
            corpus_use_derived(s, true);
            ok(corpus_overview(s, sets[w], 10, &b, &err) == 0, "overview from derived tables");
            is_int(a.timeline.nbuckets, b.timeline.nbuckets, "same buckets");
            is_int(a.timeline.dated, b.timeline.dated, "same dated");
            is_int(a.timeline.undated, b.timeline.undated, "same undated");
            is_int(a.timeline.nseries, b.timeline.nseries, "same series");
            for (size_t i = 0; i < a.timeline.nseries && i < b.timeline.nseries; i++)
                is_int(a.timeline.series[i].total, b.timeline.series[i].total, "series total");
            is_int(a.ntopics, b.ntopics, "same topics");
            is_int(a.nsources, b.nsources, "same outlets");
            is_int(a.nentities, b.nentities, "same entities");
            for (size_t i = 0; i < a.nentities && i < b.nentities; i++)
                ok(!strcmp(a.entities[i].key, b.entities[i].key) &&
                       a.entities[i].count == b.entities[i].count,
                   "entity %zu the same", i);
            is_int(a.npairs, b.npairs, "same pairs");
            for (size_t i = 0; i < a.npairs && i < b.npairs; i++)
                ok(a.pairs[i].docs == b.pairs[i].docs, "pair %zu the same", i);
            ok(!a.estimated && !b.estimated, "small selections are exact");
            corpus_overview_clear(&a);
            corpus_overview_clear(&b);
        }
        corpus_sel_free(&sets[1]);
    }

    /* a selection of explicit ids, including an unknown one */
    int64_t some[] = {ids[1], 999999};
    struct corpus_sel *few = NULL;
    ok(corpus_select_ids(s, some, 2, &few, &err) == 0, "select ids");
    struct corpus_overview ov;
    ok(corpus_overview(s, few, 10, &ov, &err) == 0, "overview (%s)", err.msg);
    {
        /* every rendered line fits the width asked for, CJK included */
        struct corpus_overview big;
        ok(corpus_overview(s, all, 10, &big, &err) == 0, "overview of all");
        const size_t widths[] = {30, 41, 80, 133};
        for (size_t w = 0; w < DS_ARRAY_LEN(widths); w++) {
            char **lines;
            size_t nl;
            corpus_render_overview(&big, widths[w], &lines, &nl);
            bool fits = nl > 10, cjk = false;
            for (size_t i = 0; i < nl; i++) {
                if (utf8_width(lines[i], strlen(lines[i])) > widths[w]) {
                    fits = false;
                    diag("too wide at %zu: '%s'", widths[w], lines[i]);
                }
                if (strstr(lines[i], "東方日報"))
                    cjk = true;
            }
            ok(fits, "overview lines fit %zu columns", widths[w]);
            ok(cjk, "the CJK outlet is listed at %zu columns", widths[w]);
            corpus_lines_free(lines, nl);
        }
        char **lines;
        size_t nl;
        corpus_render_timeline(&big.timeline, big.documents, 80, &lines, &nl);
        ok(nl >= 2 && strstr(lines[0], "4 articles by week") != NULL, "timeline header: '%s'",
           nl ? lines[0] : "");
        corpus_lines_free(lines, nl);
        corpus_overview_clear(&big);
        struct corpus_timeline empty = {0};
        corpus_render_timeline(&empty, 3, 80, &lines, &nl);
        is_str(nl ? lines[0] : NULL, "3 articles: no dated articles (0 undated)",
               "no dated articles said so");
        corpus_lines_free(lines, nl);
    }
    is_int(ov.timeline.nbuckets, 1, "one dated document: one bucket");
    is_int(ov.nsources, 1, "one outlet");
    corpus_overview_clear(&ov);
    corpus_sel_free(&few);
    corpus_sel_free(&all);
    int64_t three[] = {ids[0], ids[1], ids[2]};
    if (corpus_select_ids(s, three, 3, &few, &err) == 0)
        test_steps(s, few);
    corpus_sel_free(&few);
    test_derived(s, db, dir, ids);
    char *wal = xasprintf("%s-wal", db), *shm = xasprintf("%s-shm", db);
    unlink(db);
    unlink(wal);
    unlink(shm);
    rmdir(dir);
    free(wal);
    free(shm);
    free(db);
}

int
main(void)
{
    test_buckets();
    test_keyness_math();
    test_kwic_lines();
    test_subjects_csv();
    test_store();
    return done_testing();
}

/*
 * test_topics.c — topic rules: parsing and its errors (file:line, PCRE2's
 * message and column), scoring (weights, cap, title, length), all/any
 * conditions, fallback, user overrides, spans, terms (stems, phrases, case,
 * Chinese), evidence, the tree of topics, the shipped taxonomy; and the
 * regex wrapper's limits.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dossier/extract.h"
#include "dossier/regex.h"
#include "tap.h"

static char tmp_assets[64], tmp_config[64];

static int
write_file(const char *dir, const char *name, const char *text)
{
    char *path = xasprintf("%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    free(path);
    if (!f)
        return -1;
    fputs(text, f);
    return fclose(f);
}

static void
remove_file(const char *dir, const char *name)
{
    char *path = xasprintf("%s/%s", dir, name);
    unlink(path);
    free(path);
}

/* Open an extractor over the temp assets with rules (and user rules). */
static struct extractor *
open_rules(const char *rules, const char *user_rules, struct ds_error *err)
{
    write_file(tmp_assets, "topics.conf", rules);
    if (user_rules)
        write_file(tmp_config, "topics.conf", user_rules);
    else
        remove_file(tmp_config, "topics.conf");
    struct extractor *ex = NULL;
    ds_error_clear(err);
    if (extractor_open(tmp_assets, tmp_config, &ex, err) != 0)
        return NULL;
    return ex;
}

static void
bad_rules(const char *rules, const char *want1, const char *want2, const char *name)
{
    struct ds_error err;
    struct extractor *ex = open_rules(rules, NULL, &err);
    ok(ex == NULL, "%s: open fails", name);
    if (!ok(strstr(err.msg, want1) && (!want2 || strstr(err.msg, want2)), "%s: message", name))
        diag("got: %s", err.msg);
    extractor_free(&ex);
}

static const struct topic_score *
topic(const struct extraction *x, const char *slug)
{
    for (size_t i = 0; i < x->ntopics; i++)
        if (strcmp(x->topics[i].slug, slug) == 0)
            return &x->topics[i];
    return NULL;
}

static void
score(struct extractor *ex, const char *title, const char *body, struct extraction *x)
{
    memset(x, 0, sizeof *x);
    extractor_topics(ex, title, body, x);
}

/* The shipped rules give an article in Simplified characters and the same
 * article in Traditional ones the same topics (their Chinese terms are
 * written once). */
static void
same_topics_both_scripts(struct extractor *ex)
{
    struct extraction s, t;
    score(ex, "美国对中国商品加征关税",
          "美国商务部宣布，对价值约三千亿美元的中国进口商品加征百分之二十五的关税。"
          "中国商务部表示将采取反制措施，中美贸易战再度升级，出口企业担心订单减少。", &s);
    score(ex, "美國對中國商品加徵關稅",
          "美國商務部宣布，對價值約三千億美元的中國進口商品加徵百分之二十五的關稅。"
          "中國商務部表示將採取反制措施，中美貿易戰再度升級，出口企業擔心訂單減少。", &t);
    bool same = s.ntopics == t.ntopics && s.ntopics >= 2;
    for (size_t i = 0; same && i < s.ntopics; i++)
        same = strcmp(s.topics[i].slug, t.topics[i].slug) == 0;
    ok(same, "shipped rules: the same topics in Simplified and Traditional");
    for (size_t i = 0; !same && i < s.ntopics + t.ntopics; i++)
        diag("%s %s", i < s.ntopics ? "simplified" : "traditional",
             i < s.ntopics ? s.topics[i].slug : t.topics[i - s.ntopics].slug);
    ok(topic(&s, "economy/trade") != NULL, "... and they are trade");
    extraction_clear(&s);
    extraction_clear(&t);
}

static const char base_rules[] =
    "# test rules\n"
    "[trade]\n"
    "name = Trade\n"
    "threshold = 3\n"
    "cap = 2\n"
    "pattern = 1.5 tariffs?\n"
    "pattern = 1 trade war\n"
    "\n"
    "[farm]\n"
    "name = Farm purchases\n"
    "threshold = 1\n"
    "all = soybeans?\n"
    "any = purchas\\w*|bought\n"
    "pattern = 2 pork|soybeans?\n"
    "\n"
    "[other]\n"
    "name = Other\n"
    "fallback = yes\n";

int
main(void)
{
    snprintf(tmp_assets, sizeof tmp_assets, "/tmp/dossier-test-topics-XXXXXX");
    snprintf(tmp_config, sizeof tmp_config, "/tmp/dossier-test-topicsc-XXXXXX");
    if (!mkdtemp(tmp_assets) || !mkdtemp(tmp_config)) {
        ok(0, "temp dirs");
        return done_testing();
    }
    char *gdir = xasprintf("%s/gazetteer", tmp_assets);
    ds_mkdir_p(gdir, 0700);
    write_file(gdir, "countries.tsv", "China\t\tChinese\n");

    struct ds_error err;
    struct extractor *ex = open_rules(base_rules, NULL, &err);
    if (!ok(ex != NULL, "rules load")) {
        diag("%s", err.msg);
        return done_testing();
    }
    is_int(extractor_topic_count(ex), 3, "three topics");
    const char *slug, *name;
    extractor_topic_at(ex, 1, &slug, &name);
    is_str(slug, "farm", "slug in file order");
    is_str(name, "Farm purchases", "name");

    struct extraction x;
    /* weight x count, capped; short text: no length penalty */
    score(ex, NULL, "New tariffs. More tariffs. Tariff talk, a trade war and tariffs.", &x);
    const struct topic_score *t = topic(&x, "trade");
    ok(t && fabs(t->score - (1.5 * 2 + 1)) < 1e-9, "score = 1.5 x min(4, cap 2) + 1 x 1");
    if (t) {
        is_int(t->nspans, 5, "every match is a span");
        const char *body = "New tariffs. More tariffs. Tariff talk, a trade war and tariffs.";
        ok(strncmp(body + t->spans[0].start, "tariffs", 7) == 0, "span on the matched word");
    }
    ok(topic(&x, "other") == NULL, "no fallback when a topic is assigned");
    extraction_clear(&x);

    score(ex, NULL, "One tariff only.", &x);
    ok(topic(&x, "trade") == NULL, "below threshold: not assigned");
    ok(topic(&x, "other") != NULL, "fallback assigned instead");
    extraction_clear(&x);

    score(ex, "Tariffs", "One tariff only.", &x);
    t = topic(&x, "trade");
    ok(t && fabs(t->score - 3) < 1e-9, "a title match counts twice");
    extraction_clear(&x);

    /* all/any */
    score(ex, NULL, "They bought pork.", &x);
    ok(topic(&x, "farm") == NULL, "'all' pattern missing: not assigned");
    extraction_clear(&x);
    score(ex, NULL, "They grow soybeans.", &x);
    ok(topic(&x, "farm") == NULL, "no 'any' pattern: not assigned");
    extraction_clear(&x);
    score(ex, NULL, "They purchased soybeans and pork.", &x);
    ok(topic(&x, "farm") != NULL, "all and any hold: assigned");
    extraction_clear(&x);

    /* length normalisation: same matches in a long text score less */
    {
        struct buf b = BUF_INIT;
        buf_puts(&b, "tariffs tariffs trade war. ");
        for (int i = 0; i < 1200; i++)
            buf_puts(&b, "word ");
        score(ex, NULL, buf_str(&b), &x);
        ok(topic(&x, "trade") == NULL, "diluted in 1200 words: below threshold");
        extraction_clear(&x);
        buf_free(&b);
    }
    /* words inside other words do not match */
    score(ex, NULL, "Distariffs and pretrade warfare.", &x);
    ok(topic(&x, "trade") == NULL, "patterns start at word starts");
    extraction_clear(&x);

    uint64_t h1 = extractor_rules_hash(ex), hf = 0;
    /* an index run with nothing to extract compares this hash instead */
    ok(extractor_rules_hash_files(tmp_assets, tmp_config, &hf) == 0 && hf == h1,
       "the rules files hash as the loaded rules do");
    extractor_free(&ex);

    /* User override: same slug replaces, new slug adds. */
    ex = open_rules(base_rules, "[trade]\nname = Trade (mine)\npattern = 5 duties\n"
                                "[extra]\nname = Extra\npattern = 5 widgets?\n", &err);
    if (ok(ex != NULL, "user rules load")) {
        is_int(extractor_topic_count(ex), 4, "override keeps the count, new slug adds");
        extractor_topic_at(ex, 0, &slug, &name);
        is_str(name, "Trade (mine)", "same slug replaces the shipped topic");
        score(ex, NULL, "tariffs tariffs tariffs", &x);
        ok(topic(&x, "trade") == NULL, "shipped patterns of a replaced topic are gone");
        extraction_clear(&x);
        score(ex, NULL, "new duties on widgets", &x);
        ok(topic(&x, "trade") && topic(&x, "extra"), "user patterns work");
        extraction_clear(&x);
        ok(extractor_rules_hash(ex) != h1, "rules hash changes with user rules");
        ok(extractor_rules_hash_files(tmp_assets, tmp_config, &hf) == 0 &&
               hf == extractor_rules_hash(ex),
           "and the files' hash follows them");
    }
    extractor_free(&ex);

    /* A pattern with no literal prefix is still found (whole-text scan). */
    ex = open_rules("[x]\nname = X\nthreshold = 1\npattern = 1 [0-9]+ tonnes\n", NULL, &err);
    if (ok(ex != NULL, "class-first pattern loads")) {
        score(ex, NULL, "It weighs 40 tonnes.", &x);
        ok(topic(&x, "x") != NULL, "class-first pattern matches");
        extraction_clear(&x);
    }
    extractor_free(&ex);
    /* Case-sensitive alternative. */
    ex = open_rules("[x]\nname = X\nthreshold = 1\npattern = 1 america|(?-i)US\\b\n", NULL, &err);
    if (ok(ex != NULL, "(?-i) pattern loads")) {
        score(ex, NULL, "let us go", &x);
        ok(topic(&x, "x") == NULL, "(?-i)US does not match 'us'");
        extraction_clear(&x);
        score(ex, NULL, "the US said", &x);
        ok(topic(&x, "x") != NULL, "(?-i)US matches 'US'");
        extraction_clear(&x);
    }
    extractor_free(&ex);

    /* Terms: stems, phrases, case, Chinese. */
    ex = open_rules("[t]\nname = T\nthreshold = 1\n"
                    "terms = 1 tariff, trade war, NHS, 关税, 關稅\n", NULL, &err);
    if (ok(ex != NULL, "terms load")) {
        score(ex, NULL, "Tariffs rose; goods were tariffed.", &x);
        t = topic(&x, "t");
        ok(t && t->nspans == 2, "a term matches its plural and -ed forms");
        extraction_clear(&x);
        score(ex, NULL, "The trade-war widened, then trade wars.", &x);
        t = topic(&x, "t");
        ok(t && t->nspans == 2, "a phrase matches across a hyphen and in the plural");
        extraction_clear(&x);
        score(ex, NULL, "Trade. War.", &x);
        ok(topic(&x, "t") == NULL, "a phrase does not run across a full stop");
        extraction_clear(&x);
        score(ex, NULL, "the nhs and the NHS", &x);
        t = topic(&x, "t");
        ok(t && t->nspans == 1 && t->spans[0].start == 16, "a capitalised term keeps its case");
        extraction_clear(&x);
        const char *zh = "美国宣布加征关税，北京回應關稅問題。";
        score(ex, NULL, zh, &x);
        t = topic(&x, "t");
        ok(t && t->nspans == 2 && strncmp(zh + t->spans[0].start, "关税", 6) == 0,
           "Chinese terms in both scripts match inside a run");
        extraction_clear(&x);
        score(ex, NULL, "Distariffs and pretariff.", &x);
        ok(topic(&x, "t") == NULL, "terms match whole words only");
        extraction_clear(&x);
    }
    extractor_free(&ex);
    /* A Chinese term written once matches both scripts. */
    ex = open_rules("[t]\nname = T\nthreshold = 1\nterms = 1 關稅, 房价\n", NULL, &err);
    if (ok(ex != NULL, "Chinese terms in one script load")) {
        const char *zh = "美国宣布加征关税。";
        score(ex, NULL, zh, &x);
        t = topic(&x, "t");
        ok(t && t->nspans == 1 && strncmp(zh + t->spans[0].start, "关税", 6) == 0,
           "a term written in Traditional matches Simplified text");
        extraction_clear(&x);
        zh = "本港樓市回穩，房價上升。";
        score(ex, NULL, zh, &x);
        t = topic(&x, "t");
        ok(t && t->nspans == 1 && strncmp(zh + t->spans[0].start, "房價", 6) == 0,
           "a term written in Simplified matches Traditional text");
        extraction_clear(&x);
    }
    extractor_free(&ex);
    bad_rules("[a]\nname = A\nterms = 2 tariff, 关税x\n", "topics.conf:3: bad term", NULL,
              "a Chinese term with other letters");
    bad_rules("[a]\nname = A\nterms = x\n", "topics.conf:3: bad weight", NULL, "terms weight");
    bad_rules("[a]\nname = A\nmin-terms = 0\n", "topics.conf:3: bad min-terms", NULL,
              "bad min-terms");

    /* Evidence: min-terms distinct terms, unless one is in the title or lead. */
    {
        struct buf b = BUF_INIT;
        for (int i = 0; i < 80; i++)
            buf_puts(&b, "filler ");
        buf_puts(&b, "tariff tariff tariff.");
        ex = open_rules("[t]\nname = T\nthreshold = 1\nmin-terms = 2\nterms = 2 tariff, quota\n",
                        NULL, &err);
        if (ok(ex != NULL, "min-terms loads")) {
            score(ex, NULL, buf_str(&b), &x);
            ok(topic(&x, "t") == NULL, "one term, repeated, past the lead: not enough evidence");
            extraction_clear(&x);
            buf_puts(&b, " A quota too.");
            score(ex, NULL, buf_str(&b), &x);
            ok(topic(&x, "t") != NULL, "two distinct terms: enough");
            extraction_clear(&x);
            score(ex, "Tariff", "filler filler", &x);
            ok(topic(&x, "t") != NULL, "one term in the title: enough");
            extraction_clear(&x);
            score(ex, NULL, "A tariff.", &x);
            ok(topic(&x, "t") != NULL, "one term in the lead: enough");
            extraction_clear(&x);
        }
        extractor_free(&ex);
        buf_free(&b);
    }

    /* The tree: a child brings its parent; a parent counts its children. */
    ex = open_rules("[econ]\nname = Economy\nthreshold = 5\nterms = 1 economy\n"
                    "[econ/trade]\nname = Trade\nthreshold = 2\nterms = 2 tariff, economy\n"
                    "[sport]\nname = Sport\nthreshold = 1\nterms = 1 football\n", NULL, &err);
    if (ok(ex != NULL, "a tree of topics loads")) {
        score(ex, NULL, "A tariff.", &x);
        ok(topic(&x, "econ/trade") && topic(&x, "econ"), "a child assigned brings its parent");
        ok(x.ntopics == 2 && strcmp(x.topics[0].slug, "econ") == 0,
           "the parent ranks first (it scores at least its child)");
        extraction_clear(&x);
        score(ex, NULL, "tariff economy", &x);
        t = topic(&x, "econ");
        ok(t && fabs(t->score - 4) < 1e-9, "a term in a topic and its child counts once");
        extraction_clear(&x);
        score(ex, NULL, "tariff tariff tariff economy economy economy football", &x);
        ok(topic(&x, "econ") && !topic(&x, "sport"),
           "a topic far below its best sibling is dropped");
        extraction_clear(&x);
    }
    extractor_free(&ex);
    bad_rules("[a/b]\nname = B\n", "topics.conf:1: topic 'a/b' has no parent topic 'a'", NULL,
              "a child without its parent");
    bad_rules("[a//b]\nname = B\n", "bad topic slug", NULL, "empty level in a slug");

    /* Errors: file:line: message. */
    bad_rules("[a]\nname = A\npattern = 1 tariff(s\n", "topics.conf:3:",
              "missing closing parenthesis", "invalid regex");
    bad_rules("[a]\nname = A\npattern = 1 tariff(s\n", ":3:21:", NULL, "regex error column");
    bad_rules("[a]\nname = A\ncolour = red\n", "topics.conf:3: unknown key 'colour'", NULL,
              "unknown key");
    bad_rules("[a]\nthreshold = 2\n[b]\nname = B\n", "topics.conf:1: topic 'a' has no name",
              NULL, "missing name");
    bad_rules("[a]\nname = A\npattern = heavy tariffs\n", "topics.conf:3: bad weight", NULL,
              "bad weight");
    bad_rules("[a]\nname = A\npattern = 500 tariffs\n", "topics.conf:3: bad weight", NULL,
              "weight out of range");
    bad_rules("[a]\nname = A\nthreshold = -1\n", "topics.conf:3: bad threshold", NULL,
              "bad threshold");
    bad_rules("[a]\nname = A\n[a]\nname = B\n", "topics.conf:3: topic 'a' defined twice", NULL,
              "duplicate slug");
    bad_rules("name = A\n", "topics.conf:1: 'name' before any [topic]", NULL, "key before topic");
    bad_rules("[Bad Slug]\nname = A\n", "topics.conf:1: bad topic slug", NULL, "bad slug");

    /* The shipped rules load and place an article of our own. */
    {
        const char *env = getenv("DOSSIER_ASSETS");
        char *assets = env ? xstrdup(env) : xasprintf("%s/assets", DOSSIER_SRCDIR);
        ex = NULL;
        ok(extractor_open(assets, NULL, &ex, &err) == 0, "shipped rules load");
        if (ex) {
            ok(extractor_topic_count(ex) >= 12, "shipped taxonomy has the trade topics");
            score(ex, "Beijing offers to buy more soybeans as US tariff talks resume",
                  "Chinese negotiators will offer to buy more American soybeans, pork and "
                  "liquefied natural gas when trade talks with the United States resume, "
                  "hoping Washington will drop its tariffs on Chinese goods.", &x);
            ok(topic(&x, "economy/trade/us-china") != NULL, "shipped rules: us-china");
            ok(topic(&x, "economy/trade/agriculture-energy") != NULL, "shipped rules: agriculture-energy");
            ok(topic(&x, "sport") == NULL, "shipped rules: not sport");
            ok(x.ntopics && strcmp(x.topics[0].slug, "economy") == 0,
               "shipped rules: economy ranks first");
            extraction_clear(&x);
            same_topics_both_scripts(ex);
        }
        extractor_free(&ex);
        free(assets);
    }

    /* The regex wrapper: errors with columns, limits, iteration. */
    {
        struct ds_regex *re = ds_regex_new("a(b", 0, &err);
        ok(re == NULL && err.pos == 3 && strstr(err.msg, "column 4"), "compile error column");
        re = ds_regex_new("(?:a+)+$", 0, &err);
        ok(re != NULL, "backtracking pattern compiles");
        struct buf b = BUF_INIT;
        for (int i = 0; i < 5000; i++)
            buf_putc(&b, 'a');
        buf_putc(&b, '!');
        double t0 = ds_now();
        int rc = ds_regex_match(re, b.data, b.len, 0);
        ok(rc <= 0 && ds_now() - t0 < 2.0, "catastrophic backtracking is cut short");
        ds_regex_free(&re);
        ok(re == NULL, "ds_regex_free clears the pointer");
        re = ds_regex_new("(?<w>[a-z]+)", 0, &err);
        size_t pos = 0, n = 0, a, e;
        const char *s = "one, two \xff three";
        while (ds_regex_next(re, s, strlen(s), &pos))
            n++;
        is_int(n, 3, "iteration over matches, invalid UTF-8 tolerated");
        ok(ds_regex_group_number(re, "w") == 1, "named group");
        ok(ds_regex_match(re, s, strlen(s), 5) == 1 && ds_regex_group(re, 1, &a, &e) && a == 5 &&
               e == 8, "match from an offset");
        ds_regex_free(&re);
        buf_free(&b);
    }

    remove_file(gdir, "countries.tsv");
    remove_file(tmp_assets, "topics.conf");
    remove_file(tmp_config, "topics.conf");
    rmdir(gdir);
    rmdir(tmp_assets);
    rmdir(tmp_config);
    free(gdir);
    return done_testing();
}

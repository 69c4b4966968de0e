/*
 * test_compare_zh.c — comparing Chinese texts word by word: the tokenizer
 * for comparison (store_text_tokenizer_compare) cuts Chinese into ICU
 * dictionary words, folded to Simplified, so the word diff marks whole
 * words where overlapping bigrams left a shared fragment (中国 inside
 * 发展中国家), one changed character word (涨/跌) is a change, and a
 * sentence written in Traditional and in Simplified characters is the
 * same sentence. Sentences are our own.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dossier/compare.h"
#include "dossier/store.h"
#include "dossier/store_similar.h"
#include "tap.h"

/* The marked spans of one side joined by '|' (caller frees). */
static char *
marked(const char *text, const struct span *v, size_t n)
{
    struct buf b = BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_putc(&b, '|');
        buf_append(&b, text + v[i].start, v[i].end - v[i].start);
    }
    return buf_steal(&b);
}

/* Sentences around the one that changes, the same on both sides: an
 * alignment needs some text to weigh rare words against. */
#define BEFORE "外交部发言人今天举行例行记者会。"
#define AFTER "专家认为明年经济将保持稳定，投资者信心正在恢复。"

/* Compare BEFORE a AFTER with BEFORE b AFTER using tok: the middle
 * sentences pair, and the deleted and inserted words are del and ins
 * ('|' between separate spans), or the texts are the same. */
static void
check_diff(const struct text_tokenizer *tok, const char *a, const char *b, const char *del,
           const char *ins, const char *name)
{
    char *ta = xasprintf(BEFORE "%s" AFTER, a), *tb = xasprintf(BEFORE "%s" AFTER, b);
    struct cmp_options opt = {0, tok, NULL};
    struct cmp_result r;
    struct ds_error err;
    ds_error_clear(&err);
    if (ok(compare_texts(ta, strlen(ta), tb, strlen(tb), &opt, &r, &err) == 0,
           "%s: compared (%s)", name, err.msg)) {
        bool paired = false;
        for (size_t k = 0; k < r.nrows; k++)
            paired = paired || (r.rows[k].a == 1 && r.rows[k].b == 1);
        ok(paired, "%s: the sentences pair", name);
        char *d = marked(ta, r.deleted, r.ndeleted), *i = marked(tb, r.inserted, r.ninserted);
        is_str(d, del, name);
        is_str(i, ins, name);
        if (!*del && !*ins)
            ok(r.nrows == 3 && r.rows[1].mark == CMP_SAME, "%s: the same sentence", name);
        free(d);
        free(i);
        cmp_result_clear(&r);
    }
    free(ta);
    free(tb);
}

/* The terms of A that the comparison counts (its keyness vocabulary). */
static bool
counts_has(const struct cmp_result *r, const char *term)
{
    return cmp_counts_get(r->counts_a, term) > 0;
}

static void
test_words(struct store *s)
{
    struct text_tokenizer tok;
    store_text_tokenizer_compare(s, &tok);
    check_diff(&tok, "许多发展中国家的出口明显增长。", "许多中国的出口明显增长。",
               "发展中国家", "中国", "a word the other side only holds a fragment of is changed whole");
    check_diff(&tok, "代表团明天去北京开会。", "代表团明天在北京开会。", "去", "在",
               "a one-character word is a change of its own");
    check_diff(&tok, "香港上月出口貨值按年下跌，政府表示關稅影響明顯。",
               "香港上月出口货值按年下跌，政府表示关税影响明显。", "", "",
               "Traditional and Simplified: the same sentence");
    check_diff(&tok, "美国对中国商品加征关税，商务部表示将反制。",
               "美国对中国商品取消关税，商务部表示将反制。", "加征", "取消",
               "words in the middle of a sentence");

    const char *a = "外交部表示，发展中国家的关税问题值得关注。", *b = "他说明天开会。";
    struct cmp_options opt = {0, &tok, NULL};
    struct cmp_result r;
    struct ds_error err;
    ds_error_clear(&err);
    if (ok(compare_texts(a, strlen(a), b, strlen(b), &opt, &r, &err) == 0, "keyness terms")) {
        ok(counts_has(&r, "关税") && counts_has(&r, "外交部"), "the comparison counts words");
        ok(!counts_has(&r, "税问") && !counts_has(&r, "中国"), "and no fragment across words");
        ok(!counts_has(&r, "的"), "nor one-character words");
        cmp_result_clear(&r);
    }
}

int
main(void)
{
    char dir[] = "/tmp/test_compare_zh_XXXXXX";
    if (!mkdtemp(dir)) {
        tap_skip(1, "no temporary directory");
        return done_testing();
    }
    char *db = xasprintf("%s/index.db", dir);
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    if (ok(store_open(db, STORE_CREATE, &s, &err) == 0, "store opens (%s)", err.msg))
        test_words(s);
    store_close(&s);
    char *wal = xasprintf("%s-wal", db), *shm = xasprintf("%s-shm", db);
    unlink(db);
    unlink(wal);
    unlink(shm);
    rmdir(dir);
    free(wal);
    free(shm);
    free(db);
    return done_testing();
}

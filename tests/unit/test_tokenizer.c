/*
 * test_tokenizer.c — the 'dossier' FTS5 tokenizer through store_tokenize():
 * porter stems and unicode61 folding for alphabetic text, overlapping
 * bigrams with exact byte offsets for CJK runs, mixed text, bad UTF-8, and
 * the fast path giving the same tokens as the slow one, and the folding of
 * Traditional Han characters to Simplified (same tokens, original offsets).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/store.h"
#include "dossier/utf8.h"
#include "tap.h"

static struct store *st;

struct toks {
    struct buf text;    /* "tok@s-e tok@s-e" */
    int n;
    int bad_offsets;
    const char *src;
    size_t len;
};

static void
collect(const char *token, size_t start, size_t end, void *ud)
{
    struct toks *t = ud;
    if (start > end || end > t->len ||
        (start < t->len && ((unsigned char)t->src[start] & 0xC0) == 0x80) ||
        (end < t->len && ((unsigned char)t->src[end] & 0xC0) == 0x80))
        t->bad_offsets++;
    buf_printf(&t->text, "%s%s@%zu-%zu", t->n ? " " : "", token, start, end);
    t->n++;
}

static char *
tokens(const char *text, size_t len, int *bad)
{
    struct toks t = {BUF_INIT, 0, 0, text, len};
    struct ds_error err;
    if (store_tokenize(st, text, len, collect, &t, &err) != 0)
        buf_printf(&t.text, "ERR %s", err.msg);
    if (bad)
        *bad = t.bad_offsets;
    return buf_steal(&t.text);
}

static void
toks_is(const char *text, const char *want)
{
    int bad = 0;
    char *got = tokens(text, strlen(text), &bad);
    char name[160];
    snprintf(name, sizeof name, "tokens of '%.60s'", text);
    is_str(got, want, name);
    is_int(bad, 0, "  offsets on character boundaries");
    free(got);
}

int
main(void)
{
    struct ds_error err;
    if (store_open(":memory:", STORE_CREATE, &st, &err) != 0) {
        printf("Bail out! %s\n", err.msg);
        return 1;
    }
    toks_is("", "");
    toks_is("Tariffs rose", "tariff@0-7 rose@8-12");
    toks_is("  agreed,  talks.", "agre@2-8 talk@11-16");
    toks_is("Café résumé NAÏVE", "cafe@0-5 resum@6-14 naiv@15-21");
    toks_is("mln dlrs 5.5 pct", "mln@0-3 dlr@4-8 5@9-10 5@11-12 pct@13-16");
    toks_is("王文涛", "王文@0-6 文涛@3-9");
    toks_is("税", "税@0-3");
    toks_is("部长王文涛表示", "部长@0-6 长王@3-9 王文@6-12 文涛@9-15 涛表@12-18 表示@15-21");
    toks_is("关税。减让", "关税@0-6 减让@9-15");
    toks_is("China 关税 talks", "china@0-5 关税@6-12 talk@13-18");
    toks_is("abc王文def", "abc@0-3 王文@3-9 def@9-12");
    toks_is("韩国 한국어 ひらがな", "韩国@0-6 한국@7-13 국어@10-16 ひら@17-23 らが@20-26 がな@23-29");
    toks_is("\xf0\xa0\x80\x80\xf0\xa0\x80\x81", "\xf0\xa0\x80\x80\xf0\xa0\x80\x81@0-8");
    toks_is("「中国」", "中国@3-9");
    toks_is("😀 emoji", "emoji@5-10");
    toks_is("ｆｕｌｌ width", "ｆｕｌｌ@0-12 width@13-18");

    /* one script: Traditional Han characters fold to Simplified, offsets
     * stay those of the text as written (關 is 3 bytes, like 关) */
    toks_is("關稅", "关税@0-6");
    toks_is("美國對華關稅", "美国@0-6 国对@3-9 对华@6-12 华关@9-15 关税@12-18");
    toks_is("台灣 臺灣", "台湾@0-6 台湾@7-13");
    toks_is("髮型 發展", "发型@0-6 发展@7-13");
    toks_is("\xf0\xa0\x80\x80關", "\xf0\xa0\x80\x80关@0-7");
    char *trad = tokens("商務部發言人表示，關稅將上調", 42, NULL);
    char *simp = tokens("商务部发言人表示，关税将上调", 42, NULL);
    is_str(trad, simp, "Traditional and Simplified give the same tokens and offsets");
    free(trad);
    free(simp);
    /* a folded character as the last of a run in a document also folds */
    struct toks one = {BUF_INIT, 0, 0, "說", 3};
    store_tokenize(st, "說", 3, collect, &one, &err);
    is_str(one.text.data, "说@0-3", "a lone Traditional character folds");
    buf_free(&one.text);

    /* the fast path (no CJK lead byte) and the slow path agree */
    char *fast = tokens("Trade talks resumed in Geneva", 29, NULL);
    char *slow = tokens("Trade talks resumed in Geneva 。", 33, NULL);
    is_str(fast, slow, "fast and slow paths give the same tokens");
    free(fast);
    free(slow);

    /* invalid UTF-8 and control bytes: no crash, offsets in range */
    const char junk[] = "\xe3\x80 \xff\xfe abc \xe4\xb8 \x1b[31m \xe4\xb8\xad\xe5";
    int bad = 0;
    char *j = tokens(junk, sizeof junk - 1, &bad);
    ok(strstr(j, "abc@") != NULL, "words survive around invalid UTF-8: %s", j);
    is_int(bad, 0, "offsets stay on boundaries in invalid UTF-8");
    free(j);

    /* a long CJK run (grows the offset array) */
    struct buf b = BUF_INIT;
    for (int i = 0; i < 500; i++)
        buf_puts(&b, i % 2 ? "贸" : "易");
    struct toks t = {BUF_INIT, 0, 0, b.data, b.len};
    store_tokenize(st, b.data, b.len, collect, &t, &err);
    is_int(t.n, 499, "500-character run gives 499 bigrams");
    is_int(t.bad_offsets, 0, "long run offsets");
    buf_free(&t.text);
    buf_free(&b);

    store_close(&st);
    return done_testing();
}

/* Unit tests for util/zh.c and util/segment.c: Chinese name words and the
 * ICU word segmenter. Sentences are our own. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/util.h"
#include "dossier/zh.h"
#include "tap.h"

struct words_ctx {
    struct buf out;
    const char *s;
};

static void
join_cb(size_t start, size_t end, void *ud)
{
    struct words_ctx *c = ud;
    if (c->out.len)
        buf_putc(&c->out, '|');
    buf_append(&c->out, c->s + start, end - start);
}

/* The words of s joined by '|' (caller frees). */
static char *
words(struct segmenter *sg, const char *s)
{
    struct words_ctx c = {BUF_INIT, s};
    seg_words(sg, s, strlen(s), join_cb, &c);
    return buf_steal(&c.out);
}

static void
check_words(struct segmenter *sg, const char *s, const char *want, const char *name)
{
    char *got = words(sg, s);
    is_str(got ? got : "", want, name);
    free(got);
}

static void
test_lexicon(void)
{
    is_int(zh_surname("王先生", strlen("王先生")), 3, "王 is a family name");
    is_int(zh_surname("歐陽娜娜", strlen("歐陽娜娜")), 6, "歐陽 is a double family name");
    is_int(zh_surname("的确", strlen("的确")), 0, "的 is no family name");
    ok(zh_given_ok(0x8FD1) /* 近 */, "近 may be part of a given name");
    ok(!zh_given_ok(0x8BF4) /* 说 */, "说 is no part of a given name");
    const char *t = "国家主席习近平";
    is_int(zh_title_before(t, 0, strlen("国家主席")), 6, "主席 is a title before a name");
    const char *u = "李强表示";
    is_int(zh_said_after(u, 6, strlen(u)), 6, "表示 is a reporting verb after a name");
    is_int(zh_said_after(u, 3, strlen(u)), 0, "强表 starts no reporting verb");
}

static void
test_segment(void)
{
    struct segmenter *sg = seg_new();
    check_words(sg, "发展中国家的贸易", "发展|中|国家|的|贸易",
                "dictionary words, not bigrams: 中国 is not a word of 发展中国家");
    check_words(sg, "美国对中国商品加征关税。", "美国|对|中国|商品|加|征|关税",
                "punctuation is no word");
    check_words(sg, "國家主席習近平表示", "國家|主席|習近平|表示",
                "a family name and a two-character word after a title: one name");
    check_words(sg, "外交部发言人华春莹说", "外交部|发言|人|华春莹|说",
                "a family name and two single given characters: one name");
    check_words(sg, "王说", "王|说", "a function character is no given name");
    check_words(sg, "Trade 关税 2025", "Trade|关税|2025", "Latin words and numbers stay words");
    const uint32_t *br;
    size_t nb = seg_breaks(sg, "关税", strlen("关税"), &br);
    ok(nb == 2 && br[0] == 0 && br[1] == 6, "seg_breaks: the boundaries are byte offsets");
    nb = seg_breaks(sg, "", 0, &br);
    ok(nb == 1 && br[0] == 0, "seg_breaks of nothing: one boundary");
    /* a character outside the BMP (two UTF-16 units) and an invalid byte:
     * every boundary is still a byte offset where a character starts */
    const char *odd = "关税\xF0\xA0\xAE\xB7上调\xFF贸易 ok";
    nb = seg_breaks(sg, odd, strlen(odd), &br);
    bool starts = nb > 2 && br[nb - 1] == strlen(odd);
    for (size_t i = 0; i < nb; i++)
        starts = starts && ((unsigned char)odd[br[i]] & 0xC0) != 0x80;
    ok(starts, "seg_breaks past a supplementary character and an invalid byte: byte offsets");
    char *w = words(sg, "关税\xF0\xA0\xAE\xB7上调");
    ok(w && strncmp(w, "关税|\xF0\xA0\xAE\xB7|", strlen("关税|\xF0\xA0\xAE\xB7|")) == 0,
       "a supplementary ideograph is a word of its own (%s)", w ? w : "");
    free(w);
    seg_free(&sg);
    ok(sg == NULL, "seg_free clears the pointer");
    seg_free(&sg);
}

/* Is the first occurrence of w in s at word boundaries? */
static bool
span_ok(struct segmenter *sg, const char *s, const char *w)
{
    const char *p = strstr(s, w);
    if (!p)
        return false;
    size_t a = (size_t)(p - s);
    return seg_is_word_span(sg, s, strlen(s), a, a + strlen(w));
}

static void
test_word_span(void)
{
    struct segmenter *sg = seg_new();
    ok(!span_ok(sg, "许多发展中国家的出口下降。", "中国"), "中国 is no word of 发展中国家");
    ok(span_ok(sg, "许多发展中国家的出口下降。", "国家"), "国家 is a word there");
    ok(span_ok(sg, "许多发展中国家的出口下降。", "发展中"), "so are words in a row (发展|中)");
    ok(span_ok(sg, "中国对美国加征关税", "中国"), "中国 at the start of the text");
    ok(span_ok(sg, "美方称，中国", "中国"), "中国 at the end, after punctuation");
    ok(!span_ok(sg, "加征关税", "税"), "one character inside a word is not the word");
    ok(span_ok(sg, "国家主席习近平表示", "习近平"), "a name joined from pieces");
    ok(!span_ok(sg, "国家主席习近平表示", "近平"), "no word inside a joined name");
    ok(span_ok(sg, "他说tariff关税", "tariff"), "a Latin word between ideographs");
    ok(!span_ok(sg, "tariffs", "tariff"), "a Latin word inside a longer one is not found");
    ok(span_ok(sg, "日本政府は新しい経済対策を発表した。", "経済対策"), "Japanese: words in a row");
    ok(!span_ok(sg, "日本政府は新しい経済対策を発表した。", "本政"), "Japanese: not across words");
    ok(span_ok(sg, "한국은행이 기준금리를 인상했다.", "한국은행"),
       "Korean: a word with its particle written on (한국은행이)");
    ok(!span_ok(sg, "한국은행이 기준금리를 인상했다.", "은행"), "Korean: not from inside a word");
    ok(!seg_is_word_span(sg, "关税", 6, 3, 3), "an empty span is no word");
    ok(!seg_is_word_span(sg, "关税", 6, 0, 9), "a span past the end is no word");
    seg_free(&sg);
}

/* Does the term w, cut by the segmenter on its own, make a span of s? */
static bool
term_ok(struct segmenter *sg, const char *s, const char *w)
{
    const char *p = strstr(s, w);
    if (!p)
        return false;
    size_t a = (size_t)(p - s), tail = seg_term_tail(sg, w, strlen(w));
    return seg_is_term_span(sg, s, strlen(s), a, a + strlen(w), tail);
}

static void
test_term_span(void)
{
    struct segmenter *sg = seg_new();
    is_int((long)seg_term_tail(sg, "经济部", strlen("经济部")), 3,
           "经济部 alone is cut 经济|部: a last word of one character");
    is_int((long)seg_term_tail(sg, "中国", strlen("中国")), 0, "中国 is one word: no tail");
    ok(!span_ok(sg, "经济部长表示，出口增加。", "经济部"),
       "as a word span, 经济部 is not in 经济|部长");
    ok(term_ok(sg, "经济部长表示，出口增加。", "经济部"),
       "as a term whose last word begins the title, it is");
    ok(term_ok(sg, "经济部公布数据。", "经济部"), "and where it stands alone");
    ok(!term_ok(sg, "许多发展中国家的出口下降。", "中国"), "中国 is still no word of 发展中国家");
    ok(!term_ok(sg, "加征关税", "税"), "nor 税 of 关税");
    ok(!term_ok(sg, "把税率提高", "税"), "a one-character term needs its own word (税率)");
    const char *longer = "这是一个很长的句子，其中没有标点符号的部分一直延续到发展中国家的出口问题才结束。";
    ok(!term_ok(sg, longer, "中国"), "a long clause: only the window around the span is cut");
    seg_free(&sg);
}

/* Lists written once, in Traditional: the Simplified forms are made at
 * first use, so both scripts match; what no list says matches nothing. */
static void
test_lists(void)
{
    static const char *const words[] = {"委員會", "發言人", "局", NULL};
    static struct zh_list l = ZH_LIST(words);
    const struct zh_forms *f = zh_forms(&l);
    size_t entry = 99;
    is_int((long)zh_forms_at(f, "委员会主席", 0, strlen("委员会主席"), &entry), 9,
           "a Simplified word matches the list's Traditional one");
    is_int((long)entry, 0, "... as the entry written");
    is_int((long)zh_forms_at(f, "委員會主席", 0, strlen("委員會主席"), NULL), 9,
           "the word as written matches");
    const char *t = "新闻发言人";
    is_int((long)zh_forms_before(f, t, 0, strlen(t), &entry), 9, "a form ending at a place");
    is_int((long)entry, 1, "... its entry");
    ok(zh_forms_is(f, "发言人", 9) && !zh_forms_is(f, "发言", 6), "a whole word only");
    ok(zh_forms(&l) == f, "the forms are built once");
    static const uint32_t cps[] = {0x5289}; /* 劉 */
    static struct zh_cps c = ZH_CPS(cps);
    ok(zh_cps_has(&c, 0x5218) && zh_cps_has(&c, 0x5289) && !zh_cps_has(&c, 0x5F20),
       "a character set holds each character's fold (刘 of 劉), not others");
    char *fo = zh_fold_copy("發言人 A", strlen("發言人 A"));
    is_str(fo, "发言人 A", "a string folded to Simplified");
    free(fo);
    /* invalid bytes stay as they are: read as U+FFFD, one byte became three
     * and overran the copy (found by fuzz_query, a country: filter) */
    fo = zh_fold_copy("\x83", 1);
    is_str(fo, "\x83", "a byte that is no UTF-8 is kept as it is");
    free(fo);
    fo = zh_fold_copy("\xff\xfe\x83\x80\x80\x80", 6);
    ok(strlen(fo) == 6 && memcmp(fo, "\xff\xfe\x83\x80\x80\x80", 6) == 0,
       "a run of invalid bytes folds to itself, no longer");
    free(fo);
    ok(zh_title_before("新聞发言人", 0, strlen("新聞发言人")) == 9 &&
           zh_said_after("表示", 0, 6) == 6,
       "titles and reporting words match in both scripts");
}

/* The longest form of f at s[p] (before: ending at s[p], from lo) by
 * trying every form: what zh_forms_at and zh_forms_before must give. */
static size_t
forms_scan(const struct zh_forms *f, const char *s, size_t lo, size_t p, size_t hi, bool before)
{
    size_t best = 0;
    for (size_t k = 0; k < f->n; k++) {
        size_t l = f->len[k];
        size_t at = before ? p - l : p;
        if (l > best && (before ? p - lo >= l : hi - p >= l) && memcmp(s + at, f->w[k], l) == 0)
            best = l;
    }
    return best;
}

/* The forms' buckets by first and last character find what a scan of
 * every form finds, at every byte of a text, in both scripts, with forms
 * whose characters share a bucket (U+4E00 and U+4E00 + ZH_FORMS_BUCKETS). */
static void
test_forms_buckets(void)
{
    static const char *const words[] = {"委員會", "發言人", "局", "一", "丁", "\xe4\xb8\x80\xe4\xb8\x81",
                                        "\xe5\x80\x80", "部長", "長", "Ab", "國家主席", NULL};
    static struct zh_list l = ZH_LIST(words);
    const struct zh_forms *f = zh_forms(&l);
    ok(f->by_first && f->by_last, "valid forms are indexed by their first and last characters");
    const char *t = "新闻发言人表示，委员会局长一丁\xe5\x80\x80 Ab國家主席部長長一";
    size_t n = strlen(t), bad = 0, hits = 0;
    for (size_t p = 0; p <= n; p++) {
        size_t a = zh_forms_at(f, t, p, n, NULL), b = zh_forms_before(f, t, 0, p, NULL);
        bad += a != forms_scan(f, t, 0, p, n, false) || b != forms_scan(f, t, 0, p, n, true);
        bad += zh_forms_is(f, t + p, a) != (a > 0);
        hits += a > 0;
    }
    is_int((long)bad, 0, "bucketed lookups equal a scan of every form at every byte");
    ok(hits >= 10, "... and the text holds forms to find");
}

int
main(void)
{
    test_lexicon();
    test_lists();
    test_forms_buckets();
    test_segment();
    test_word_span();
    test_term_span();
    return done_testing();
}

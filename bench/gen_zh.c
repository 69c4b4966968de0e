/* gen_zh.c — the corpus generator's Chinese documents, its site
 * boilerplate and the news length distribution (see gen.h).
 *
 * A Chinese document has the shapes of a Chinese news article: a headline,
 * a date line (2021年3月4日 10:15 or 发布时间：2021-03-04), a byline
 * (记者 王伟涛), paragraphs of sentences with full-width punctuation, words
 * drawn from a Zipf distribution over ~80 real words (trade, places,
 * function words) and ~20,000 synthetic two- and three-character words made
 * of 2,500 characters, figures (12.5亿美元, 3.4%, 1,200万吨), people with
 * titles (商务部部长王伟涛), a little Latin script (GDP, WTO), and a source
 * line (来源：新华社). Like the English text, it is not Chinese: it has the
 * statistics that drive indexing cost (characters per document, vocabulary
 * growth, bigram count) and the shapes the extractors look for.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "dossier/util.h"
#include "gen.h"

#define ZH_CHARS 2500
#define ZH_SYNTHETIC 20000
#define ZH_VOCAB_SEED 0x2c4a9e1f00d5eedULL

/* Real words, most frequent first: the function words take the top ranks. */
static const char *const zh_real[] = {
    "的", "在", "了", "和", "是", "对", "将", "与", "也", "等", "中国", "经济", "发展",
    "合作", "贸易", "市场", "企业", "增长", "政策", "国家", "表示", "进一步", "推动",
    "关税", "出口", "进口", "投资", "协定", "谈判", "区域", "全面", "伙伴", "关系",
    "东盟", "美国", "日本", "韩国", "欧盟", "北京", "上海", "广东", "深圳", "香港",
    "台湾", "越南", "印度尼西亚", "新加坡", "马来西亚", "泰国", "菲律宾", "供应链",
    "半导体", "芯片", "能源", "制造业", "消费", "通胀", "利率", "央行", "人民币",
    "美元", "数据", "统计", "同比", "环比", "季度", "预计", "分析", "认为", "记者",
    "会议", "领导人", "部长", "外交部", "商务部", "一带一路", "基础设施", "疫情",
};
static const char *const zh_family[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄",
                                        "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
static const char *const zh_given[] = {"伟", "芳", "敏", "静", "强", "磊", "军", "勇",
                                       "杰", "涛", "明", "超", "秀", "华", "平", "刚",
                                       "红", "斌", "辉", "宁", "新", "波", "林", "文"};
static const char *const zh_titles[] = {"商务部部长", "外交部发言人", "国家主席", "国务院总理",
                                        "财政部副部长", "央行行长", "首席经济学家", "董事长",
                                        "总经理", "研究员", "教授", "大使"};
static const char *const zh_latin[] = {"GDP", "WTO", "RCEP", "CPTPP", "APEC", "G20", "IMF",
                                       "CPI", "PMI", "AI", "5G", "iPhone"};
static const char *const zh_outlets[] = {"新华社", "人民日报", "经济日报", "财新", "第一财经",
                                         "澎湃新闻", "中国新闻网", "环球时报", "联合早报"};

struct zh_vocab {
    char **words;
    size_t n;
    double *cdf;
};
static struct zh_vocab zv;

/* A character of the synthetic set: CJK Unified Ideographs, the first
 * 8,000 code points (where the common characters are), picked once. */
static void
put_char(struct buf *b, uint32_t cp)
{
    char u[4];
    int n = utf8_encode(cp, u);
    for (int i = 0; i < n; i++)
        buf_putc(b, u[i]);
}

void
gen_zh_init(void)
{
    struct rng r;
    rng_seed(&r, ZH_VOCAB_SEED, 0);
    uint32_t chars[ZH_CHARS];
    for (size_t i = 0; i < ZH_CHARS; i++)
        chars[i] = 0x4e00 + (uint32_t)rng_below(&r, 8000);
    size_t nreal = DS_ARRAY_LEN(zh_real);
    zv.n = nreal + ZH_SYNTHETIC;
    zv.words = xcalloc(zv.n, sizeof *zv.words);
    for (size_t i = 0; i < nreal; i++)
        zv.words[i] = xstrdup(zh_real[i]);
    for (size_t i = nreal; i < zv.n; i++) {
        struct buf b = BUF_INIT;
        size_t len = rng_chance(&r, 0.75) ? 2 : 3;
        for (size_t k = 0; k < len; k++) /* common characters more often */
            put_char(&b, chars[(size_t)(pow(rng_unit(&r), 2.0) * ZH_CHARS)]);
        zv.words[i] = buf_steal(&b);
    }
    zv.cdf = xmalloc(zv.n * sizeof *zv.cdf);
    double acc = 0;
    for (size_t i = 0; i < zv.n; i++) {
        acc += 1.0 / pow((double)i + 2.7, 1.05);
        zv.cdf[i] = acc;
    }
}

void
gen_zh_free(void)
{
    for (size_t i = 0; i < zv.n; i++)
        free(zv.words[i]);
    free(zv.words);
    free(zv.cdf);
    memset(&zv, 0, sizeof zv);
}

static const char *
zh_word(struct rng *r)
{
    double x = rng_unit(r) * zv.cdf[zv.n - 1];
    size_t lo = 0, hi = zv.n - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (zv.cdf[mid] > x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return zv.words[lo];
}

static void
zh_person(struct rng *r, bool title, struct buf *out)
{
    if (title)
        buf_puts(out, PICK(r, zh_titles));
    buf_puts(out, PICK(r, zh_family));
    buf_puts(out, PICK(r, zh_given));
    if (rng_chance(r, 0.6))
        buf_puts(out, PICK(r, zh_given));
}

static void
zh_figure(struct rng *r, struct buf *out)
{
    double x = exp(rng_unit(r) * log(999.0)) + 0.1;
    switch (rng_below(r, 6)) {
    case 0: buf_printf(out, "%.1f亿美元", x); break;
    case 1: buf_printf(out, "%.1f%%", x / 20); break;
    case 2: buf_printf(out, "%.0f万吨", x * 3); break;
    case 3: buf_printf(out, "%.2f万亿元", x / 100); break;
    case 4: buf_printf(out, "增长%.1f个百分点", x / 100); break;
    default: buf_printf(out, "%.0f,%03d", x, (int)rng_below(r, 1000)); break;
    }
}

/* One sentence of n words; returns n. */
static size_t
zh_sentence(struct rng *r, size_t budget, struct buf *out)
{
    size_t n = 8 + rng_below(r, 24);
    if (n > budget)
        n = budget < 4 ? 4 : budget;
    size_t fig_at = rng_chance(r, 0.25) ? rng_below(r, n) : n;
    size_t who_at = rng_chance(r, 0.2) ? rng_below(r, n) : n;
    for (size_t i = 0; i < n; i++) {
        if (i == who_at)
            zh_person(r, rng_chance(r, 0.6), out);
        if (i == fig_at)
            zh_figure(r, out);
        if (rng_chance(r, 0.02))
            buf_puts(out, PICK(r, zh_latin));
        buf_puts(out, zh_word(r));
        if (i + 1 < n && rng_chance(r, 0.12))
            buf_puts(out, rng_chance(r, 0.85) ? "，" : "、");
    }
    buf_puts(out, rng_chance(r, 0.04) ? "？" : "。");
    return n;
}

void
gen_zh_document(struct rng *r, size_t words, const char *outlet, int year, int month, int day,
                struct buf *out)
{
    gen_site_header(r, outlet, true, out);
    size_t h = 6 + rng_below(r, 8);
    for (size_t i = 0; i < h; i++)
        buf_puts(out, zh_word(r));
    buf_putc(out, '\n');
    if (rng_chance(r, 0.6))
        buf_printf(out, "%d年%d月%d日 %02d:%02d\n", year, month, day, (int)rng_below(r, 24),
                   (int)rng_below(r, 60));
    else if (rng_chance(r, 0.8))
        buf_printf(out, "发布时间：%04d-%02d-%02d\n", year, month, day);
    if (rng_chance(r, 0.5)) {
        buf_puts(out, "记者 ");
        zh_person(r, false, out);
        buf_putc(out, '\n');
    }
    buf_putc(out, '\n');
    size_t written = 0;
    while (written < words) {
        size_t sentences = 1 + rng_below(r, 5);
        for (size_t s = 0; s < sentences && written < words; s++)
            written += zh_sentence(r, words - written, out);
        buf_puts(out, "\n\n");
    }
    if (rng_chance(r, 0.85))
        buf_printf(out, "来源：%s\n", PICK(r, zh_outlets));
    gen_site_footer(r, outlet, true, year, out);
}

/* ---- site boilerplate -------------------------------------------------------- */

static const char *const site_nav_en[] = {"Home", "World", "Business", "Markets", "Politics",
                                          "Tech", "Opinion", "Asia", "Economy", "Video"};
static const char *const site_nav_zh[] = {"首页", "国际", "财经", "市场", "时政",
                                          "科技", "评论", "亚洲", "经济", "视频"};
static const char *const site_tail_en[] = {
    "Terms of Use | Privacy Policy | Cookie Settings", "Contact us | Advertise with us",
    "Follow us on Facebook, X and LinkedIn", "Download our app",
    "Sign up for our newsletter to get the day's top stories",
    "Reporting by our correspondents; editing by the desk", "Share this article",
};
static const char *const site_tail_zh[] = {
    "使用条款 | 隐私政策 | 联系我们", "关注我们的微信公众号", "下载客户端",
    "订阅每日新闻简报", "责任编辑：本网编辑部", "分享到：微博 微信 QQ空间",
};

/* Every page of a site carries its navigation bar (built from the outlet's
 * name, so each outlet's differs); 60% also carry a "Menu / Search" line. */
void
gen_site_header(struct rng *r, const char *outlet, bool zh, struct buf *out)
{
    uint64_t h = ds_hash64(outlet, strlen(outlet));
    const char *const *nav = zh ? site_nav_zh : site_nav_en;
    size_t n = 5 + h % 5;
    buf_puts(out, outlet);
    for (size_t i = 0; i < n; i++) {
        buf_puts(out, " | ");
        buf_puts(out, nav[(h >> (4 * i)) % 10]);
    }
    buf_putc(out, '\n');
    if (rng_chance(r, 0.6))
        buf_puts(out, zh ? "菜单 搜索 登录\n" : "Menu Search Sign in\n");
}

/* A copyright line for every page, then two to four of the site's tail
 * lines. */
void
gen_site_footer(struct rng *r, const char *outlet, bool zh, int year, struct buf *out)
{
    const char *const *tail = zh ? site_tail_zh : site_tail_en;
    size_t ntail = zh ? DS_ARRAY_LEN(site_tail_zh) : DS_ARRAY_LEN(site_tail_en);
    size_t k = 2 + rng_below(r, 3);
    for (size_t i = 0; i < k; i++) {
        buf_puts(out, tail[rng_below(r, ntail)]);
        buf_putc(out, '\n');
    }
    if (zh)
        buf_printf(out, "版权所有 © %d %s\n", year, outlet);
    else
        buf_printf(out, "© %d %s. All rights reserved.\n", year, outlet);
}

/* ---- lengths --------------------------------------------------------------- */

size_t
gen_length(struct rng *r, const struct genopts *o)
{
    double w;
    if (!o->news) {
        double mu = log(o->words_mean) - 0.32; /* sigma 0.8: the mean is words_mean */
        w = exp(mu + 0.8 * rng_normal(r));
        return (size_t)DS_MIN(DS_MAX(w, 40.0), 5000.0);
    }
    if (rng_chance(r, 0.05)) /* long reads, reports, transcripts */
        w = 1500.0 / pow(1.0 - rng_unit(r), 1.0 / 1.6);
    else
        w = exp(log(440.0) + 0.75 * rng_normal(r));
    return (size_t)DS_MIN(DS_MAX(w, 60.0), 20000.0);
}

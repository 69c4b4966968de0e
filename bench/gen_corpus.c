/* gen_corpus.c — a deterministic generator of news-like article files for
 * benchmarks: Zipf word frequencies over ~30k pronounceable synthetic words
 * plus English function words and a few hundred trade-policy words,
 * log-normal lengths, headlines, date lines, bylines, people with titles,
 * figures in several styles (including wire copy "mln dlrs" / "pct"), page
 * furniture repeated across documents, HTML leftovers, CJK names, and an
 * outlet trailer.
 *
 * Determinism: document i depends only on (seed, i) and the fixed
 * vocabulary, so the same seed gives byte-identical files, and a smaller
 * --docs is a prefix of a larger one. (Floating point goes through libm;
 * identical on one platform, not promised across libc versions.)
 *
 * Usage:
 *   gen_corpus --seed N --docs N --out DIR [--words-mean N] [--cjk-share F]
 *   gen_corpus --seed N --queries N        (two-word queries, one per line)
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dossier/util.h"
#include "gen.h"

#define GEN_SYNTHETIC_WORDS 30000
#define GEN_DOCS_PER_DIR 1000
#define GEN_MIN_WORDS 40
#define GEN_VOCAB_SEED 0x5eedc0ffee123457ULL


/* ---- word lists ---------------------------------------------------------------- */

/* Function words, most frequent first: they take the top Zipf ranks. */
static const char *const gen_function_words[] = {
    "the", "of", "and", "to", "a", "in", "that", "is", "for", "on", "said", "it", "with", "was",
    "as", "by", "at", "from", "its", "be", "has", "have", "are", "an", "will", "which", "not",
    "but", "this", "were", "would", "had", "their", "they", "also", "or", "more", "than", "been",
    "after", "year", "over", "new", "who", "two", "into", "about", "he", "up", "last", "could",
    "some", "other", "between", "while", "when", "there", "first", "all", "we", "can", "his",
    "out", "us", "such", "most", "since", "under", "against", "still", "only", "one", "three",
    "both", "any", "should", "may", "because", "those", "these", "what", "if", "our", "further",
    "each", "during", "through", "before", "next", "where", "them", "her", "she", "very", "much",
    "well", "including", "according", "however", "further", "already", "even", "recent", "years",
};

/* Domain words: they land at mid-high ranks. Capitalised ones stay so. */
static const char *const gen_domain_words[] = {
    "tariff", "tariffs", "trade", "China", "ASEAN", "billion", "percent", "million", "export",
    "exports", "import", "imports", "deal", "talks", "negotiations", "agreement", "minister",
    "ministry", "government", "economy", "economic", "growth", "market", "markets", "investment",
    "investors", "sanctions", "policy", "officials", "official", "United", "States", "Beijing",
    "Washington", "Japan", "Korea", "Vietnam", "Indonesia", "Malaysia", "Thailand", "Singapore",
    "Philippines", "India", "Australia", "Europe", "European", "Union", "Tokyo", "Seoul",
    "Jakarta", "Hanoi", "Bangkok", "Manila", "Canberra", "Brussels", "RCEP", "CPTPP", "WTO",
    "IMF", "G20", "APEC", "yuan", "dollar", "dollars", "currency", "surplus", "deficit",
    "supply", "chain", "chains", "semiconductor", "semiconductors", "chips", "technology",
    "steel", "aluminium", "soybeans", "agriculture", "farm", "products", "goods", "services",
    "manufacturing", "factory", "factories", "industry", "industrial", "companies", "company",
    "firms", "business", "businesses", "bilateral", "multilateral", "regional", "global",
    "partnership", "cooperation", "dispute", "disputes", "retaliation", "duties", "quota",
    "quotas", "exporters", "importers", "shipments", "shipping", "ports", "freight", "logistics",
    "prices", "inflation", "interest", "rates", "bank", "central", "finance", "financial",
    "quarter", "annual", "forecast", "data", "statistics", "figures", "rose", "fell", "increase",
    "decline", "drop", "rise", "surge", "slowdown", "recovery", "pandemic", "demand", "consumer",
    "consumers", "domestic", "foreign", "overseas", "national", "security", "strategic",
    "summit", "leaders", "president", "premier", "commerce", "negotiator", "delegation",
    "framework", "initiative", "Belt", "Road", "infrastructure", "energy", "oil", "gas", "coal",
    "electric", "vehicles", "batteries", "lithium", "rare", "earths", "minerals", "critical",
    "decoupling", "reshoring", "tensions", "relations", "ties", "diplomatic", "diplomacy",
    "ambassador", "embassy", "parliament", "congress", "senate", "legislation", "law", "rules",
    "regulations", "standards", "compliance", "customs", "border", "zone", "zones", "free",
    "open", "opening", "access", "barriers", "subsidies", "subsidy", "state", "owned",
    "enterprises", "private", "sector", "sectors", "jobs", "workers", "labour", "wages",
    "output", "production", "capacity", "volume", "value", "tonnes", "barrels", "crude",
    "rice", "wheat", "corn", "pork", "beef", "seafood", "textiles", "garments", "electronics",
    "machinery", "automobiles", "pharmaceuticals", "vaccines", "digital", "e-commerce", "data",
    "cross-border", "intellectual", "property", "patents", "investment", "fund", "funds",
    "stocks", "shares", "bonds", "yields", "outlook", "risk", "risks", "uncertainty",
    "Reuters", "analysts", "economists", "spokesman", "spokeswoman", "statement", "announced",
    "report", "reported", "expected", "estimated", "Taiwan", "Hong", "Kong", "Mexico", "Canada",
    "Brazil", "Germany", "France", "Britain", "Russia", "Ukraine", "Cambodia", "Laos", "Myanmar",
    "Brunei", "Zealand", "Pakistan", "Bangladesh", "Africa", "Latin", "America", "Pacific",
    "Indo-Pacific", "Asia", "Asian", "southeast", "Mekong", "Shanghai", "Shenzhen", "Guangdong",
};

static const char *const gen_onsets[] = {
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
    "b", "d", "k", "l", "m", "n", "r", "s", "t", "br", "ch", "dr", "gr", "pr", "sh", "st", "tr",
    "th", "",
};
static const char *const gen_vowels[] = {"a", "e", "i", "o", "u", "a", "e", "o", "i", "a",
                                         "ai", "ea", "ou", "y"};
static const char *const gen_codas[] = {"", "", "", "", "n", "r", "s", "l", "t", "m",
                                        "nd", "st", "rk", "ng", "x"};

static const char *const gen_outlets[] = {
    "Reuters", "Associated Press", "Bloomberg", "Financial Times", "Nikkei Asia",
    "South China Morning Post", "Xinhua", "The Straits Times", "Global Times", "Kyodo News",
    "Yonhap", "The Jakarta Post", "Bangkok Post", "VnExpress", "The Star", "Caixin",
    "Channel NewsAsia", "The Economist", "Wall Street Journal", "The Guardian",
    "Harbour Ledger", "Meridian Wire", "Pacific Dispatch", "Northgate Tribune",
    "Coastline Herald", "Lantern Daily", "Granite Business Review", "Silk Route Monitor",
    "Tidewater Times", "Eastern Observer", "Atlas Trade Journal", "Riverbend Courier",
    "Mainland Economic Daily", "Strait Commerce News", "Kestrel Financial", "Summit Gazette",
    "Delta Markets Weekly", "Orchid Post", "Monsoon Report", "Crossroads Wire",
};

static const char *const gen_furniture[] = {
    "Advertisement", "ADVERTISEMENT", "Share this article", "Subscribe to our newsletter",
    "Read more", "READ MORE:", "Sign up for our daily briefing", "Follow us on Twitter",
    "Click here to read the full story", "Sponsored content", "Most read",
    "This article is for subscribers only", "Continue reading", "Related stories",
    "Photo: handout", "Copyright all rights reserved", "Skip to main content",
    "Listen to this article", "Print this page", "Comments are closed",
    "Get the app", "Log in to continue", "Trending now", "More from this section",
};

static const char *const gen_titles[] = {
    "President", "Prime Minister", "Trade Minister", "Commerce Minister", "Finance Minister",
    "Foreign Minister", "Vice Premier", "Secretary", "Trade Representative", "Governor",
    "Chief Executive", "Ambassador", "Senator", "Deputy Minister", "Chief Economist",
    "Dr.", "Mr.", "Ms.", "Professor", "Chairman",
};

static const char *const gen_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const gen_month_names[] = {"January", "February", "March", "April",
                                              "May", "June", "July", "August", "September",
                                              "October", "November", "December"};
static const char *const gen_cities[] = {"BEIJING", "WASHINGTON", "TOKYO", "SINGAPORE",
                                         "JAKARTA", "HANOI", "SEOUL", "BRUSSELS", "GENEVA",
                                         "KUALA LUMPUR", "BANGKOK", "MANILA", "SYDNEY"};

/* Places and organisations the gazetteer knows (the news profile names one
 * in a third of its sentences). */
static const char *const gen_places[] = {
    "China", "the United States", "Japan", "South Korea", "Vietnam", "Indonesia", "Malaysia",
    "Singapore", "the Philippines", "Thailand", "India", "Australia", "the European Union",
    "Germany", "France", "Britain", "Canada", "Mexico", "Brazil", "Russia", "Beijing",
    "Washington", "Tokyo", "Brussels", "the World Trade Organization", "ASEAN", "the IMF",
    "the World Bank", "the Federal Reserve", "the People's Bank of China", "Shanghai",
};

/* Pinyin syllables with a Han character each: CJK names are built from them. */
static const char *const gen_cjk_family[][2] = {
    {"Wang", "王"}, {"Li", "李"}, {"Zhang", "张"}, {"Liu", "刘"}, {"Chen", "陈"},
    {"Yang", "杨"}, {"Zhao", "赵"}, {"Huang", "黄"}, {"Zhou", "周"}, {"Wu", "吴"},
    {"Xu", "徐"}, {"Sun", "孙"}, {"Ma", "马"}, {"Zhu", "朱"}, {"Hu", "胡"}, {"Guo", "郭"},
};
static const char *const gen_cjk_given[][2] = {
    {"Wei", "伟"}, {"Fang", "芳"}, {"Min", "敏"}, {"Jing", "静"}, {"Qiang", "强"},
    {"Lei", "磊"}, {"Jun", "军"}, {"Yong", "勇"}, {"Jie", "杰"}, {"Tao", "涛"}, {"Ming", "明"},
    {"Chao", "超"}, {"Xiu", "秀"}, {"Hua", "华"}, {"Ping", "平"}, {"Gang", "刚"}, {"Hong", "红"},
    {"Bin", "斌"}, {"Hui", "辉"}, {"Ning", "宁"}, {"Xin", "新"}, {"Bo", "波"}, {"Lin", "林"},
};
static const char *const gen_cjk_text[] = {
    "贸易", "关税", "经济", "合作", "协定", "市场", "出口", "进口", "增长", "政策",
    "谈判", "投资", "企业", "发展", "区域", "全面", "伙伴", "关系", "东盟", "中国",
};

/* ---- the vocabulary ------------------------------------------------------------ */

struct vocab {
    char **words;   /* by Zipf rank, most frequent first */
    size_t n;
    double *cdf;    /* cumulative weights, cdf[n-1] = total */
    size_t n_function;
    char **names;   /* capitalised synthetic words for people */
    size_t n_names;
};

static uint64_t
word_hash(const char *s)
{
    return ds_hash64(s, strlen(s));
}

/* An open-addressing set of word hashes, to keep synthetic words unique. */
struct wordset {
    uint64_t *slots;
    size_t cap;
};

static bool
wordset_add(struct wordset *ws, const char *w)
{
    uint64_t h = word_hash(w) | 1;
    size_t i = (size_t)h & (ws->cap - 1);
    while (ws->slots[i]) {
        if (ws->slots[i] == h)
            return false;
        i = (i + 1) & (ws->cap - 1);
    }
    ws->slots[i] = h;
    return true;
}

static char *
synth_word(struct rng *r, int syllables)
{
    struct buf b = BUF_INIT;
    for (int i = 0; i < syllables; i++) {
        buf_puts(&b, PICK(r, gen_onsets));
        buf_puts(&b, PICK(r, gen_vowels));
        if (i == syllables - 1 || rng_chance(r, 0.15))
            buf_puts(&b, PICK(r, gen_codas));
    }
    return buf_steal(&b);
}

static void
vocab_build(struct vocab *v)
{
    size_t nf = DS_ARRAY_LEN(gen_function_words), nd = DS_ARRAY_LEN(gen_domain_words);
    size_t total = nf + nd + GEN_SYNTHETIC_WORDS;
    struct rng r;
    rng_seed(&r, GEN_VOCAB_SEED, 0);
    struct wordset ws = {xcalloc(1 << 17, sizeof(uint64_t)), 1 << 17};

    v->words = xcalloc(total, sizeof *v->words);
    v->n = total;
    v->n_function = nf;
    for (size_t i = 0; i < nf; i++) {
        if (wordset_add(&ws, gen_function_words[i]))
            v->words[i] = xstrdup(gen_function_words[i]);
        else
            v->words[i] = xstrdup("which"); /* a repeated entry keeps its rank count */
    }
    /* Domain words: log-uniform ranks between nf and nf+3000. */
    for (size_t i = 0; i < nd; i++) {
        if (!wordset_add(&ws, gen_domain_words[i]))
            continue;
        size_t pos = nf + (size_t)exp(rng_unit(&r) * log(3000.0));
        while (pos < total && v->words[pos])
            pos++;
        if (pos < total)
            v->words[pos] = xstrdup(gen_domain_words[i]);
    }
    /* Synthetic words fill the rest: shorter at high ranks; one in ten is a
     * capitalised name (places, companies). */
    for (size_t pos = nf; pos < total; pos++) {
        if (v->words[pos])
            continue;
        for (;;) {
            int syl = pos < 3000 ? 1 + (int)rng_below(&r, 2) : 2 + (int)rng_below(&r, 2);
            char *w = synth_word(&r, syl);
            if (strlen(w) >= 3 && wordset_add(&ws, w)) {
                if (rng_chance(&r, 0.1))
                    w[0] = (char)(w[0] - 'a' + 'A');
                v->words[pos] = w;
                break;
            }
            free(w);
        }
    }
    /* Zipf-Mandelbrot weights. */
    v->cdf = xmalloc(total * sizeof *v->cdf);
    double acc = 0;
    for (size_t i = 0; i < total; i++) {
        acc += 1.0 / pow((double)i + 2.7, 1.07);
        v->cdf[i] = acc;
    }
    /* People's names: separate pool so names do not collide with words. */
    v->n_names = 800;
    v->names = xcalloc(v->n_names, sizeof *v->names);
    for (size_t i = 0; i < v->n_names; i++) {
        for (;;) {
            char *w = synth_word(&r, 2 + (int)rng_below(&r, 2));
            if (strlen(w) >= 4 && wordset_add(&ws, w)) {
                w[0] = (char)(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 'a' + 'A' : w[0]);
                v->names[i] = w;
                break;
            }
            free(w);
        }
    }
    free(ws.slots);
}

static void
vocab_free(struct vocab *v)
{
    for (size_t i = 0; i < v->n; i++)
        free(v->words[i]);
    for (size_t i = 0; i < v->n_names; i++)
        free(v->names[i]);
    free(v->words);
    free(v->names);
    free(v->cdf);
}

static size_t
vocab_sample_rank(const struct vocab *v, struct rng *r)
{
    double x = rng_unit(r) * v->cdf[v->n - 1];
    size_t lo = 0, hi = v->n - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v->cdf[mid] > x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* ---- one document ---------------------------------------------------------------- */

struct docgen {
    const struct vocab *v;
    struct rng r;
    struct buf *out;
    bool wire;      /* wire-copy style figures: "mln dlrs", "pct" */
    bool cjk;       /* this document names CJK people */
    bool html;      /* HTML leftovers sprinkled in */
    bool news;      /* the news profile: denser names, places, figures */
    const char *outlet;
};

static void
put_word(struct docgen *g, const char *w, bool capital)
{
    if (capital && w[0] >= 'a' && w[0] <= 'z') {
        buf_putc(g->out, (char)(w[0] - 'a' + 'A'));
        buf_puts(g->out, w + 1);
    } else {
        buf_puts(g->out, w);
    }
}

static void
put_person(struct docgen *g, bool with_title, bool force_cjk)
{
    struct rng *r = &g->r;
    if (with_title) {
        buf_puts(g->out, PICK(r, gen_titles));
        buf_putc(g->out, ' ');
    }
    if (force_cjk || (g->cjk && rng_chance(r, 0.6))) {
        size_t f = rng_below(r, DS_ARRAY_LEN(gen_cjk_family));
        size_t a = rng_below(r, DS_ARRAY_LEN(gen_cjk_given));
        size_t b = rng_below(r, DS_ARRAY_LEN(gen_cjk_given));
        buf_printf(g->out, "%s %s", gen_cjk_family[f][0], gen_cjk_given[a][0]);
        bool two = rng_chance(r, 0.5);
        if (two) { /* "Weitao": the second syllable is written in lower case */
            buf_putc(g->out, (char)(gen_cjk_given[b][0][0] - 'A' + 'a'));
            buf_puts(g->out, gen_cjk_given[b][0] + 1);
        }
        buf_printf(g->out, " %s%s%s", gen_cjk_family[f][1], gen_cjk_given[a][1],
                   two ? gen_cjk_given[b][1] : "");
        return;
    }
    const struct vocab *v = g->v;
    buf_printf(g->out, "%s %s", v->names[rng_below(r, v->n_names)],
               v->names[rng_below(r, v->n_names)]);
}

static void
put_figure(struct docgen *g)
{
    struct rng *r = &g->r;
    double x = exp(rng_unit(r) * log(999.0)) + 0.1;
    int kind = (int)rng_below(r, 10);
    if (g->wire) {
        switch (kind % 4) {
        case 0: buf_printf(g->out, "%.1f mln dlrs", x); break;
        case 1: buf_printf(g->out, "%.1f billion dlrs", x / 10); break;
        case 2: buf_printf(g->out, "%.1f pct", x / 20); break;
        default: buf_printf(g->out, "%.0f,%03d tonnes", x, (int)rng_below(r, 1000)); break;
        }
        return;
    }
    switch (kind) {
    case 0: buf_printf(g->out, "$%.1f billion", x); break;
    case 1: buf_printf(g->out, "US$%.0f million", x); break;
    case 2: buf_printf(g->out, "%.1f percent", x / 20); break;
    case 3: buf_printf(g->out, "%.1f%%", x / 20); break;
    case 4: buf_printf(g->out, "%.1f million tonnes", x / 50); break;
    case 5: buf_printf(g->out, "%.2f trillion yuan", x / 100); break;
    case 6: buf_printf(g->out, "\xe2\x82\xac%.1f billion", x / 5); break; /* euro sign */
    case 7: buf_printf(g->out, "%.0f,%03d", x, (int)rng_below(r, 1000)); break;
    case 8: buf_printf(g->out, "%.1f per cent", x / 20); break;
    default: buf_printf(g->out, "$%.0f bn", x); break;
    }
}

static size_t
put_sentence(struct docgen *g, size_t budget)
{
    struct rng *r = &g->r;
    const struct vocab *v = g->v;
    size_t n = 8 + rng_below(r, 24);
    if (n > budget)
        n = budget < 4 ? 4 : budget;
    bool quote = rng_chance(r, 0.06);
    bool figure = rng_chance(r, g->news ? 0.25 : 0.18);
    bool person = rng_chance(r, g->news ? 0.22 : 0.10);
    /* news: a place or an organisation in a third of the sentences */
    size_t place_at = g->news && rng_chance(r, 0.33) ? rng_below(r, n) : n;
    size_t fig_at = 2 + rng_below(r, n), person_at = rng_below(r, n);

    if (quote)
        buf_puts(g->out, "\xe2\x80\x9c"); /* left double quote */
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_putc(g->out, ' ');
        if (figure && i == fig_at) {
            put_figure(g);
            buf_putc(g->out, ' ');
        }
        if (person && i == person_at && !quote) {
            put_person(g, rng_chance(r, 0.7), false);
            buf_putc(g->out, ' ');
        }
        if (i == place_at) {
            buf_puts(g->out, PICK(r, gen_places));
            buf_putc(g->out, ' ');
        }
        if (g->html && rng_chance(r, 0.01))
            buf_puts(g->out, rng_chance(r, 0.5) ? "&nbsp; " : "&amp; ");
        put_word(g, v->words[vocab_sample_rank(v, r)], i == 0);
        if (i + 1 < n && rng_chance(r, 0.06))
            buf_putc(g->out, ',');
    }
    if (quote) {
        buf_puts(g->out, ",\xe2\x80\x9d said "); /* right double quote */
        put_person(g, rng_chance(r, 0.5), false);
        buf_putc(g->out, '.');
    } else {
        buf_puts(g->out, rng_chance(r, 0.03) ? "?" : ".");
    }
    return n;
}

static void
put_headline(struct docgen *g)
{
    struct rng *r = &g->r;
    const struct vocab *v = g->v;
    size_t n = 5 + rng_below(r, 7);
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_putc(g->out, ' ');
        /* Headlines lean on domain words: draw from the top 3000 ranks, skipping
         * function words half the time. */
        size_t rank = vocab_sample_rank(v, r);
        if (rank < v->n_function && rng_chance(r, 0.5))
            rank = v->n_function + rng_below(r, 3000);
        put_word(g, v->words[rank], rank >= v->n_function || i == 0);
    }
    if (g->html && rng_chance(r, 0.3))
        buf_puts(g->out, " <br>");
    buf_putc(g->out, '\n');
}

static void
put_dateline(struct docgen *g, int year, int month, int day)
{
    struct rng *r = &g->r;
    int style = (int)rng_below(r, 10);
    int hour = 1 + (int)rng_below(r, 12), minute = (int)rng_below(r, 60);
    if (style < 6)
        buf_printf(g->out, "Published: %s %d, %d %d:%02d %s\n", gen_months[month - 1], day, year,
                   hour, minute, rng_chance(r, 0.5) ? "AM" : "PM");
    else if (style < 8)
        buf_printf(g->out, "%04d-%02d-%02d\n", year, month, day);
    else if (style < 9)
        buf_printf(g->out, "Updated: %d %s %d\n", day, gen_month_names[month - 1], year);
    /* else: no date line */
}

static void
gen_document(const struct vocab *v, uint64_t seed, uint64_t index, const struct genopts *o,
             const char *folder_outlet, struct buf *out)
{
    struct docgen g = {.v = v, .out = out, .news = o->news};
    rng_seed(&g.r, seed, index + 1);
    struct rng *r = &g.r;
    size_t words = gen_length(r, o);
    /* decided on a stream of its own, so --zh-share changes no English text */
    struct rng zr;
    rng_seed(&zr, seed ^ 0x7a68, index + 1);
    if (o->zh_share > 0 && rng_chance(&zr, o->zh_share)) {
        int year = 2015 + (int)rng_below(r, 10), month = 1 + (int)rng_below(r, 12);
        gen_zh_document(r, words, folder_outlet, year, month, 1 + (int)rng_below(r, 28), out);
        return;
    }

    g.wire = rng_chance(r, 0.12);
    g.cjk = rng_chance(r, o->cjk_share);
    g.html = rng_chance(r, 0.03);
    g.outlet = rng_chance(r, 0.9) ? folder_outlet : PICK(r, gen_outlets);
    int year = 2015 + (int)rng_below(r, 10), month = 1 + (int)rng_below(r, 12);
    int day = 1 + (int)rng_below(r, 28);

    if (o->news)
        gen_site_header(r, g.outlet, false, out);
    if (!rng_chance(r, 0.08)) /* a few have no headline line */
        put_headline(&g);
    put_dateline(&g, year, month, day);
    if (rng_chance(r, 0.5)) {
        buf_puts(out, "By ");
        put_person(&g, false, false);
        buf_putc(out, '\n');
    }
    buf_putc(out, '\n');

    size_t furniture = rng_chance(r, 0.3) ? 1 + rng_below(r, 3) : 0;
    size_t written = 0;
    bool first = true, first_para = true;
    while (written < words) {
        if (first && g.wire)
            buf_printf(out, "%s, %s %d (%s) - ", PICK(r, gen_cities), gen_month_names[month - 1],
                       day, g.outlet);
        first = false;
        size_t sentences = 1 + rng_below(r, 5);
        for (size_t s = 0; s < sentences && written < words; s++) {
            if (s)
                buf_putc(out, ' ');
            written += put_sentence(&g, words - written);
        }
        if (g.cjk && first_para) { /* every CJK document names someone in the lead */
            buf_puts(out, " The remarks were echoed by ");
            put_person(&g, true, true);
            buf_putc(out, '.');
        }
        first_para = false;
        if (g.cjk && rng_chance(r, 0.15)) {
            buf_putc(out, ' ');
            size_t k = 4 + rng_below(r, 8);
            for (size_t i = 0; i < k; i++)
                buf_puts(out, PICK(r, gen_cjk_text));
            buf_puts(out, "\xe3\x80\x82"); /* ideographic full stop */
        }
        buf_puts(out, g.html && rng_chance(r, 0.2) ? "</p>\n\n" : "\n\n");
        if (furniture && written < words && rng_chance(r, 0.3)) {
            buf_puts(out, PICK(r, gen_furniture));
            buf_puts(out, "\n\n");
            furniture--;
        }
    }
    if (rng_chance(r, 0.85))
        buf_printf(out, "Source: %s\n", g.outlet);
    if (o->news)
        gen_site_footer(r, g.outlet, false, year, out);
}

/* ---- queries ------------------------------------------------------------------- */

static bool
plain_word(const char *w)
{
    for (; *w; w++)
        if (!((*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z') || (*w >= '0' && *w <= '9')))
            return false;
    return true;
}

/* Two content words per query: ranks log-uniform in [first content rank,
 * first content rank + 20000), so queries range from common to rare words. */
static void
gen_queries(const struct vocab *v, uint64_t seed, size_t n)
{
    struct rng r;
    rng_seed(&r, seed, UINT64_C(0x9e37));
    for (size_t i = 0; i < n;) {
        size_t a = v->n_function + (size_t)exp(rng_unit(&r) * log(20000.0));
        size_t b = v->n_function + (size_t)exp(rng_unit(&r) * log(3000.0));
        a = DS_MIN(a, v->n - 1);
        b = DS_MIN(b, v->n - 1);
        if (a == b || !plain_word(v->words[a]) || !plain_word(v->words[b]))
            continue; /* a query language may read "e-commerce" as e NOT commerce */
        printf("%s %s\n", v->words[a], v->words[b]);
        i++;
    }
}

/* ---- main -------------------------------------------------------------------------- */

static void
slugify(const char *s, char *out, size_t cap)
{
    size_t j = 0;
    for (; *s && j + 1 < cap; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out[j++] = c;
        else if (j && out[j - 1] != '-')
            out[j++] = '-';
    }
    out[j] = '\0';
}

static void
usage(FILE *f)
{
    fprintf(f, "usage: gen_corpus --seed N --docs N --out DIR [--profile classic|news]\n"
               "                  [--words-mean N] [--cjk-share F] [--zh-share F]\n"
               "       gen_corpus --seed N --queries N\n");
}

static int
parse_num(const char *s, double *out)
{
    char *end;
    errno = 0;
    double x = strtod(s, &end);
    if (errno || end == s || *end || x < 0)
        return -1;
    *out = x;
    return 0;
}

int
main(int argc, char **argv)
{
    double seed = 1, docs = -1, words_mean = 450, cjk_share = -1, queries = -1;
    double zh_share = 0;
    const char *outdir = NULL, *profile = "classic";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        double *target = NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        }
        if (i + 1 >= argc) {
            usage(stderr);
            return 2;
        }
        if (strcmp(a, "--out") == 0 || strcmp(a, "--profile") == 0) {
            *(a[2] == 'o' ? &outdir : &profile) = argv[++i];
            continue;
        }
        if (strcmp(a, "--seed") == 0)
            target = &seed;
        else if (strcmp(a, "--docs") == 0)
            target = &docs;
        else if (strcmp(a, "--words-mean") == 0)
            target = &words_mean;
        else if (strcmp(a, "--cjk-share") == 0)
            target = &cjk_share;
        else if (strcmp(a, "--zh-share") == 0)
            target = &zh_share;
        else if (strcmp(a, "--queries") == 0)
            target = &queries;
        if (!target || parse_num(argv[++i], target) < 0) {
            fprintf(stderr, "gen_corpus: bad option or value: %s\n", a);
            usage(stderr);
            return 2;
        }
    }
    bool news = strcmp(profile, "news") == 0;
    if (words_mean < GEN_MIN_WORDS || cjk_share > 1 || zh_share > 1 ||
        (!news && strcmp(profile, "classic") != 0)) {
        fprintf(stderr, "gen_corpus: --words-mean must be >= %d, --cjk-share and --zh-share "
                        "in [0,1], --profile classic or news\n", GEN_MIN_WORDS);
        return 2;
    }
    struct genopts o = {news, words_mean, cjk_share >= 0 ? cjk_share : news ? 0.05 : 0.02,
                         zh_share};
    struct vocab v = {0};
    if (queries >= 0) {
        vocab_build(&v);
        gen_queries(&v, (uint64_t)seed, (size_t)queries);
        vocab_free(&v);
        return 0;
    }
    if (docs < 0 || !outdir) {
        usage(stderr);
        return 2;
    }
    if (ds_mkdir_p(outdir, 0755) < 0) {
        fprintf(stderr, "gen_corpus: %s: %s\n", outdir, strerror(errno));
        return 1;
    }
    vocab_build(&v);
    gen_zh_init();

    struct buf doc = BUF_INIT, path = BUF_INIT;
    char slug[64] = "";
    const char *folder_outlet = gen_outlets[0];
    uint64_t bytes = 0;
    double t0 = ds_now();
    int rc = 0;
    for (uint64_t i = 0; i < (uint64_t)docs; i++) {
        if (i % GEN_DOCS_PER_DIR == 0) {
            uint64_t folder = i / GEN_DOCS_PER_DIR, h = folder * 0x2545f4914f6cdd1dULL;
            folder_outlet = gen_outlets[splitmix64(&h) % DS_ARRAY_LEN(gen_outlets)];
            slugify(folder_outlet, slug, sizeof slug);
            buf_reset(&path);
            buf_printf(&path, "%s/%s-%04llu", outdir, slug, (unsigned long long)folder);
            if (ds_mkdir_p(buf_str(&path), 0755) < 0) {
                fprintf(stderr, "gen_corpus: %s: %s\n", buf_str(&path), strerror(errno));
                rc = 1;
                break;
            }
        }
        buf_reset(&doc);
        gen_document(&v, (uint64_t)seed, i, &o, folder_outlet, &doc);
        buf_reset(&path);
        buf_printf(&path, "%s/%s-%04llu/%07llu.txt", outdir, slug,
                   (unsigned long long)(i / GEN_DOCS_PER_DIR), (unsigned long long)i);
        FILE *f = fopen(buf_str(&path), "wb");
        bool good = f && fwrite(doc.data, 1, doc.len, f) == doc.len;
        if ((f && fclose(f) != 0) || !good) {
            fprintf(stderr, "gen_corpus: %s: %s\n", buf_str(&path), strerror(errno));
            rc = 1;
            break;
        }
        bytes += doc.len;
    }
    double dt = ds_now() - t0;
    if (rc == 0)
        fprintf(stderr, "gen_corpus: %.0f docs, %.1f MB in %.2f s (%.1f MB/s)\n", docs,
                (double)bytes / 1e6, dt, dt > 0 ? (double)bytes / 1e6 / dt : 0.0);
    buf_free(&doc);
    buf_free(&path);
    vocab_free(&v);
    gen_zh_free();
    return rc;
}

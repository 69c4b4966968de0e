/*
 * test_formats.c — the readers of files that state their metadata: Markdown
 * with front matter (YAML, TOML), plain text with a header block, and
 * feeds (RSS 2.0, RSS 1.0, Atom; broken and hostile XML). Fixtures are in
 * tests/fixtures/{markdown,headerblock,feeds}/, written for these tests.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/ingest.h"
#include "dossier/util.h"
#include "tap.h"

static char *
fixture_path(const char *rel)
{
    const char *top = getenv("TOP_SRCDIR");
    return xasprintf("%s/tests/fixtures/%s", top ? top : ".", rel);
}

/* Ingest a fixture file; 0 on success. */
static int
ingest_fixture(const char *rel, struct article *a)
{
    char *path = fixture_path(rel);
    struct buf b = BUF_INIT;
    struct ds_error err;
    int rc = ds_read_file(path, 1 << 20, &b, &err);
    if (rc == 0)
        rc = ingest_article(NULL, path, buf_str(&b), b.len, a, &err);
    else
        memset(a, 0, sizeof *a);
    if (rc != 0)
        diag("%s: %s", rel, err.msg);
    buf_free(&b);
    free(path);
    return rc;
}

static int
ingest_text(const char *path, const char *text, struct article *a)
{
    struct ds_error err;
    return ingest_article(NULL, path, text, strlen(text), a, &err);
}

static bool
has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; p && (p = strstr(p, line)) != NULL; p++)
        if ((p == text || p[-1] == '\n') && (p[n] == '\0' || p[n] == '\n'))
            return true;
    return false;
}

static void
test_front_matter(void)
{
    struct article a;
    is_int(ingest_fixture("markdown/2024-03-05-jekyll-clipping.md", &a), 0, "jekyll: ingests");
    is_str(a.title, "Rice exporters weigh a new freight levy", "jekyll: title from front matter");
    is_str(a.published, "2024-03-07", "jekyll: date from front matter beats the path's");
    is_int(a.date_how, DATE_FRONT_MATTER, "jekyll: date_how front-matter");
    is_str(a.byline, "Lan Pham", "jekyll: author");
    is_str(a.source, "Delta Trade Weekly", "jekyll: source");
    is_str(a.url, "https://delta-trade.example/2024/03/rice-freight-levy", "jekyll: url");
    is_str(a.tags, "rice\nshipping\nfreight levy\ntrade\nasean\n",
           "jekyll: tags and categories (flow and block sequences) as tags");
    ok(a.body && !strstr(a.body, "<figure") && !strstr(a.body, "Silos at the port") &&
           !strstr(a.body, "barge") && !strstr(a.body, "title:"),
       "jekyll: no front matter, figure or image in the body");
    ok(a.body && strstr(a.body, "levy of 2% on outbound freight, which the port authority says"),
       "jekyll: emphasis and link syntax gone, soft breaks joined");
    ok(a.body && has_line(a.body, "  - and have thinner margins"),
       "jekyll: nested list item kept as an indented line");
    ok(a.removed && strstr(a.removed, "front-matter\ttitle: \"Rice exporters"),
       "jekyll: front matter recorded as removed lines");
    article_clear(&a);

    is_int(ingest_fixture("markdown/hugo-note.md", &a), 0, "hugo toml: ingests");
    is_str(a.title, "Fishing quota talks stall over reef survey", "hugo toml: title");
    is_str(a.published, "2023-11-20", "hugo toml: date");
    is_str(a.source, "Coral Coast Courier", "hugo toml: site as source");
    is_str(a.tags, "fisheries\nquotas\n", "hugo toml: tags array");
    article_clear(&a);

    is_int(ingest_fixture("markdown/broken-yaml.md", &a), 0, "broken yaml: ingests");
    is_str(a.title, "Ferry fares rise for the winter timetable",
           "broken yaml: still read line by line");
    ok(a.byline == NULL, "broken yaml: an unclosed list is no author");
    ok(a.body && !strstr(a.body, "---") && !strstr(a.body, "title"),
       "broken yaml: the block is not in the body");
    article_clear(&a);

    /* a .txt that opens with front matter is read as front matter + Markdown */
    is_int(ingest_text("/t/clip.txt",
                       "---\ntitle: \"Canal tolls \\x1b[31mfrozen\"\ndate: 2021-04-02\n---\n"
                       "The canal authority froze tolls for a year, it said on Friday.\n",
                       &a),
           0, "front matter in a .txt: ingests");
    is_str(a.title, "Canal tolls frozen",
           "front matter: a YAML escape cannot put an escape sequence in a title");
    is_str(a.published, "2021-04-02", "front matter in a .txt: date");
    article_clear(&a);

    /* a rule line at the top of plain text is not front matter */
    is_int(ingest_text("/t/rule.txt",
                       "---\nPort news in brief\n\nThe ferry ran late on Monday because of fog.\n",
                       &a),
           0, "unclosed --- : ingests");
    ok(a.body && strstr(a.body, "ferry ran late"), "unclosed --- : the text stays");
    article_clear(&a);
}

static void
test_header_block(void)
{
    struct article a;
    is_int(ingest_fixture("headerblock/scraped.txt", &a), 0, "header: ingests");
    is_str(a.title, "Port of Kestrel posts record quarter", "header: Title field of a | line");
    is_str(a.source, "Harbour Ledger", "header: Source field");
    is_str(a.published, "2024-06-28", "header: Date field");
    is_int(a.date_how, DATE_HEADER, "header: date_how header-block");
    is_str(a.byline, "Nadia Fernandes", "header: Author line");
    is_str(a.url, "https://harbour-ledger.example/kestrel-record-quarter", "header: URL line");
    ok(a.subtitle == NULL, "header: no field becomes a subtitle");
    ok(a.body && strncmp(a.body, "Container volumes", 17) == 0,
       "header: the body starts with text");
    ok(a.removed && strstr(a.removed, "header\tAuthor: Nadia Fernandes\n"),
       "header: lines recorded as removed");
    article_clear(&a);

    is_int(ingest_fixture("headerblock/fields.txt", &a), 0, "header synonyms: ingests");
    is_str(a.title, "Textile mills ask for longer tariff phase-out", "header: Headline");
    is_str(a.source, "Loom Street Journal", "header: Publisher");
    is_str(a.published, "2023-05-12", "header: Published with a month name");
    is_str(a.byline, "Ana Ortiz", "header: By");
    article_clear(&a);

    is_int(ingest_text("/t/note.txt",
                       "Note: figures are provisional\n\nExports rose 4% in May, the "
                       "statistics office said on Tuesday, led by electronics.\n",
                       &a),
           0, "lone Note: line ingests");
    ok(a.removed && !strstr(a.removed, "header\t"),
       "header: a lone line with a key that names no title/source/date/url is no header");
    article_clear(&a);
}

/* Read a feed fixture; 0 on success. */
static int
read_feed(const char *rel, struct feed *f)
{
    char *path = fixture_path(rel);
    struct buf b = BUF_INIT;
    struct ds_error err;
    int rc = ds_read_file(path, 1 << 20, &b, &err);
    if (rc == 0) {
        ok(ingest_format_of(path, buf_str(&b), b.len) == INGEST_FEED, "%s: sniffed as a feed", rel);
        rc = ingest_feed_read(buf_str(&b), b.len, f, &err);
    }
    if (rc != 0) {
        memset(f, 0, sizeof *f);
        diag("%s: %s", rel, err.msg);
    }
    buf_free(&b);
    free(path);
    return rc;
}

static void
test_rss2(void)
{
    struct feed f;
    struct article a;
    struct ds_error err;
    is_int(read_feed("feeds/harbour-wire.rss", &f), 0, "rss2: reads");
    is_int((int)f.n, 3, "rss2: three items");
    is_str(f.title, "Harbour Wire", "rss2: channel title");
    ok(f.error == NULL, "rss2: well-formed");
    if (f.n == 3) {
        is_str(f.items[0].key, "hw-2024-0512", "rss2: guid is the key");
        is_str(f.items[2].key, "https://harbour-wire.example/2024/05/customs-hours",
               "rss2: no guid: the link is the key");
        is_int(ingest_feed_article(NULL, "/f/harbour-wire.rss", &f, 0, &a, &err), 0,
               "rss2: item 0 is an article");
        is_str(a.title, "Dredging contract awarded for the east channel", "rss2: title");
        is_str(a.published, "2024-05-12", "rss2: RFC 822 pubDate");
        is_int(a.date_how, DATE_FEED, "rss2: date_how feed");
        is_str(a.byline, "Oskar Lind", "rss2: dc:creator");
        is_str(a.source, "Harbour Wire", "rss2: the channel as outlet");
        is_str(a.tags, "ports\ninfrastructure\n", "rss2: categories as tags");
        ok(a.body && strstr(a.body, "$48 million contract") && !strstr(a.body, "A short summary") &&
               has_line(a.body, "- Phase one: the outer bar"),
           "rss2: content:encoded over description, list items as lines");
        ok(a.body && has_line(a.body, "Caption: A dredger at work.") && !strstr(a.body, "dredger.jpg"),
           "rss2: item HTML read by the page reader: the figure's caption marked, as on pages");
        article_clear(&a);
        is_int(ingest_feed_article(NULL, "/f/harbour-wire.rss", &f, 1, &a, &err), 0,
               "rss2: item 1");
        is_str(a.byline, "Mei Tan", "rss2: <author> 'mail (Name)' gives the name");
        ok(a.body && strstr(a.body, "84% of members") && !strstr(a.body, "<p>"),
           "rss2: escaped HTML description reduced to text");
        article_clear(&a);
        is_int(ingest_feed_article(NULL, "/f/harbour-wire.rss", &f, 2, &a, &err), 0,
               "rss2: item 2");
        is_str(a.source, "Border Post", "rss2: an item's <source> beats the channel");
        article_clear(&a);
    }
    feed_clear(&f);
}

static void
test_rdf_atom(void)
{
    struct feed f;
    struct article a;
    struct ds_error err;
    is_int(read_feed("feeds/ledger-rdf.rdf", &f), 0, "rss1: reads");
    is_int((int)f.n, 2, "rss1: two items (outside the channel)");
    if (f.n == 2) {
        is_str(f.items[1].key, "https://grain-ledger.example/notes/barley-export",
               "rss1: rdf:about is the key");
        is_int(ingest_feed_article(NULL, "/f/l.rdf", &f, 0, &a, &err), 0, "rss1: article");
        is_str(a.byline, "J\xc3\xbcrgen Maas", "rss1: ISO-8859-1 feed decoded");
        is_str(a.published, "2023-08-14", "rss1: dc:date");
        is_str(a.encoding, "iso-8859-1", "rss1: encoding from the XML declaration");
        article_clear(&a);
    }
    feed_clear(&f);

    is_int(read_feed("feeds/strait-times.atom", &f), 0, "atom: reads");
    is_int((int)f.n, 3, "atom: three entries");
    if (f.n == 3) {
        is_int(ingest_feed_article(NULL, "/f/s.atom", &f, 0, &a, &err), 0, "atom: article");
        is_str(a.title, "Ferry operators & unions agree on safety rules",
               "atom: type=html title unescaped");
        is_str(a.url, "https://strait-observer.example/2025/01/ferry-safety",
               "atom: rel=alternate link, not replies");
        is_str(a.published, "2025-01-18", "atom: published beats updated");
        is_str(a.byline, "Ruth Abara", "atom: author name");
        ok(a.body && !strstr(a.body, "track()"), "atom: script dropped");
        article_clear(&a);
        is_int(ingest_feed_article(NULL, "/f/s.atom", &f, 1, &a, &err), 0, "atom: entry 1");
        is_str(a.published, "2025-01-15", "atom: updated when there is no published");
        article_clear(&a);
        is_int(ingest_feed_article(NULL, "/f/s.atom", &f, 2, &a, &err), 0, "atom: entry 2");
        ok(a.body && has_line(a.body, "Cars will pay 4.20 a crossing."), "atom: xhtml content");
        article_clear(&a);
    }
    feed_clear(&f);
}

static void
test_broken_and_hostile(void)
{
    struct feed f;
    struct ds_error err;
    is_int(read_feed("feeds/broken.rss", &f), 0, "broken: read as far as well-formed");
    is_int((int)f.n, 1, "broken: the item before the error is kept, the rest not");
    ok(f.error && strncmp(f.error, "line 16:", 8) == 0, "broken: error names the line (%s)",
       f.error ? f.error : "none");
    feed_clear(&f);

    const char *notfeed = "<?xml version=\"1.0\"?><html><body>x</body></html>";
    is_int(ingest_feed_read(notfeed, strlen(notfeed), &f, &err), -1, "html root: not a feed");
    ok(strstr(err.msg, "not a feed") != NULL, "html root: says why");

    /* external entities are never fetched or read; internal ones not expanded */
    const char *xxe = "<?xml version=\"1.0\"?>\n"
                      "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">"
                      "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
                      "<rss><channel><title>T</title><item><title>Leak &x; &b;</title>"
                      "<description>Body text of the item.</description></item></channel></rss>";
    is_int(ingest_feed_read(xxe, strlen(xxe), &f, &err), 0, "entities: the feed reads");
    ok(f.n == 1 && f.items[0].title && !strstr(f.items[0].title, "root:") &&
           !strstr(f.items[0].title, "aaaa"),
       "entities: no file read, no expansion (%s)", f.n ? f.items[0].title : "-");
    feed_clear(&f);

    /* a feed with an internal DTD subset is still sniffed as a feed (the
     * indexer's verdict is the sniffer's), and so is one in UTF-16 */
    is_int(ingest_format_of("/t/x.xml", xxe, strlen(xxe)), INGEST_FEED,
           "entities: a feed with a DOCTYPE subset is a feed");
    const char *u16 = "\xFF\xFE<\0r\0s\0s\0>\0<\0c\0h\0a\0n\0n\0e\0l\0>\0";
    is_int(ingest_format_of("/t/x.xml", u16, 30), INGEST_FEED, "a UTF-16 feed (BOM) is a feed");

    /* a page's internal subset is never text, never expanded; a page nested
     * past the parser's depth says its deep text was not read */
    struct article pa;
    const char *laughs =
        "<!DOCTYPE html [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">\n"
        "<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<html><head><title>Wall</title></head>"
        "<body><p>The council met on Monday about the harbour wall &lol2; and the cost of its "
        "repairs &x; after the winter storms.</p></body></html>";
    is_int(ingest_article(NULL, "/t/l.html", laughs, strlen(laughs), &pa, &err), 0,
           "internal subset: the page reads");
    ok(pa.body && strstr(pa.body, "harbour wall") && !strstr(pa.body, "ENTITY") &&
           !strstr(pa.body, "]>") && !strstr(pa.body, "lollol") && !strstr(pa.body, "root:"),
       "internal subset: not in the text, nothing expanded or read (%s)", pa.body ? pa.body : "");
    article_clear(&pa);
    struct buf dp = BUF_INIT;
    buf_puts(&dp, "<html><head><title>Deep</title></head><body><p>A paragraph at the top of "
                  "the page that is long enough to be read as its text.</p>");
    for (int i = 0; i < 400; i++)
        buf_puts(&dp, "<div>");
    buf_puts(&dp, "deep</body></html>");
    is_int(ingest_article(NULL, "/t/d.html", dp.data, dp.len, &pa, &err), 0, "deep page: reads");
    ok(pa.removed && strstr(pa.removed, "too-deep\t"), "deep page: the cut is said among the removed lines");
    article_clear(&pa);
    buf_free(&dp);

    /* a page over INGEST_HTML_MAX is refused with the reason */
    struct buf huge = BUF_INIT;
    buf_puts(&huge, "<!DOCTYPE html><html><body>");
    while (huge.len <= ((size_t)16 << 20))
        buf_puts(&huge, "<p>Quay wall repairs continue through the spring season.</p>\n");
    is_int(ingest_article(NULL, "/t/huge.html", huge.data, huge.len, &pa, &err), -1,
           "page over 16 MiB: not read");
    ok(strstr(err.msg, "page too large") != NULL, "page over 16 MiB: the reason says so (%s)",
       err.msg);
    article_clear(&pa);
    buf_free(&huge);

    /* deep nesting stops at libxml2's depth limit, without a crash */
    struct buf deep = BUF_INIT;
    buf_puts(&deep, "<rss><channel><item><title>Deep</title><description>");
    for (int i = 0; i < 5000; i++)
        buf_puts(&deep, "<d>");
    buf_puts(&deep, "x");
    int rc = ingest_feed_read(deep.data, deep.len, &f, &err);
    ok(rc == 0 && f.n == 0 && f.error, "deep nesting: stops with an error, no item");
    feed_clear(&f);
    buf_free(&deep);

    /* an item with neither title nor text is no article */
    const char *empty = "<rss><channel><item><link>https://x.example/a</link></item>"
                        "<item><title>Only a title</title></item></channel></rss>";
    is_int(ingest_feed_read(empty, strlen(empty), &f, &err), 0, "empty item: reads");
    is_int((int)f.n, 1, "empty item: skipped, the titled one kept");
    feed_clear(&f);

    struct article a;
    const char *rss = "<rss><channel><title>X</title><item><title>T</title></item></channel></rss>";
    is_int(ingest_article(NULL, "/t/x.xml", rss, strlen(rss), &a, &err), -1,
           "ingest_article on a feed fails");
    ok(strstr(err.msg, "feed") != NULL, "... saying it is a feed");
    article_clear(&a);
}

/* Read an in-memory feed of one item; its hash, and its summary into *sum
 * (owned by the caller). */
static uint64_t
one_item(const char *xml, char **sum)
{
    struct feed f;
    struct ds_error err;
    uint64_t h = 0;
    *sum = NULL;
    if (ingest_feed_read(xml, strlen(xml), &f, &err) == 0 && f.n == 1) {
        h = f.items[0].hash;
        struct article a;
        if (ingest_feed_article(NULL, "/f/x.rss", &f, 0, &a, &err) == 0 && a.summary)
            *sum = xstrdup(a.summary);
        article_clear(&a);
    }
    feed_clear(&f);
    return h;
}

/* The description a file states of its article (article.summary), from
 * each format that has one. */
static void
test_summary(void)
{
    struct feed f;
    struct article a;
    struct ds_error err;
    is_int(read_feed("feeds/harbour-wire.rss", &f), 0, "summary: rss2 reads");
    if (f.n == 3) {
        ingest_feed_article(NULL, "/f/harbour-wire.rss", &f, 0, &a, &err);
        is_str(a.summary, "A short summary that the full text replaces.",
               "summary: an item's description beside content:encoded");
        article_clear(&a);
        ingest_feed_article(NULL, "/f/harbour-wire.rss", &f, 1, &a, &err);
        ok(a.summary == NULL, "summary: a description that is the item's text is not also its summary");
        article_clear(&a);
    }
    feed_clear(&f);
    char *s1, *s2;
    uint64_t h1 = one_item("<rss><channel><item><guid>g</guid><title>T</title>"
                           "<description>Tolls &lt;b&gt;frozen&lt;/b&gt; &amp; fares cut</description>"
                           "<content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                           "Full text here.</content:encoded></item></channel></rss>", &s1);
    uint64_t h2 = one_item("<rss><channel><item><guid>g</guid><title>T</title>"
                           "<description>Tolls frozen for a year</description>"
                           "<content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                           "Full text here.</content:encoded></item></channel></rss>", &s2);
    is_str(s1, "Tolls frozen & fares cut", "summary: an item's HTML summary as one line of text");
    ok(h1 != h2, "summary: an item whose summary changed is a changed item");
    free(s1);
    free(s2);
    uint64_t h3 = one_item("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>e</id>"
                           "<title>T</title><summary type=\"text\">Atom summary.</summary>"
                           "<content type=\"html\">&lt;p&gt;Body.&lt;/p&gt;</content></entry></feed>",
                           &s1);
    is_str(s1, "Atom summary.", "summary: an Atom entry's summary beside its content");
    ok(h3 != 0, "summary: the Atom entry was read");
    free(s1);

    is_int(ingest_text("/t/clip.md",
                       "---\ntitle: Canal tolls frozen\ndescription: \"Tolls stay at 2020 levels.\"\n"
                       "---\nThe canal authority froze tolls for a year, it said on Friday.\n", &a),
           0, "summary: front matter ingests");
    is_str(a.summary, "Tolls stay at 2020 levels.", "summary: front matter's description");
    ok(a.body && !strstr(a.body, "2020 levels"), "summary: not in the body");
    article_clear(&a);
    is_int(ingest_text("/t/clip.txt",
                       "Title: Canal tolls frozen\nSummary: Tolls stay where they are.\n\n"
                       "The canal authority froze tolls for a year, it said on Friday.\n", &a),
           0, "summary: header block ingests");
    is_str(a.summary, "Tolls stay where they are.", "summary: a header block's Summary field");
    article_clear(&a);

    const char *page =
        "<!DOCTYPE html><html><head><title>Tolls</title>"
        "<meta property=\"og:description\" content=\"Tolls &amp;quot;frozen&amp;quot;: that&amp;#039;s "
        "a year &amp;#0; without rises\x1b[31m\">"
        "<meta name=\"description\" content=\"Second choice\"></head><body><article>"
        "<h1>Tolls</h1><p>The canal authority froze tolls for a year, it said on Friday, after "
        "barge operators asked for relief from fuel costs that rose all winter.</p></article>"
        "</body></html>";
    is_int(ingest_text("/t/p.html", page, &a), 0, "summary: page ingests");
    is_str(a.summary, "Tolls \"frozen\": that's a year \xEF\xBF\xBD without rises",
           "summary: og:description over description; escaped twice by its CMS, decoded; "
           "&#0; is U+FFFD, no control character");
    article_clear(&a);

    struct buf big = BUF_INIT;
    buf_puts(&big, "<!DOCTYPE html><html><head><title>T</title><meta name=\"description\" content=\"");
    for (int i = 0; i < 600; i++)
        buf_puts(&big, "\xC3\xA9 "); /* é */
    buf_puts(&big, "\"></head><body><p>Some text of the page body, long enough to be read as "
                   "the article by the reader.</p></body></html>");
    is_int(ingest_text("/t/big.html", buf_str(&big), &a), 0, "summary: long description ingests");
    size_t len = a.summary ? strlen(a.summary) : 0;
    ok(len > 900 && len <= INGEST_SUMMARY_MAX && a.summary &&
           strcmp(a.summary + len - 3, "\xE2\x80\xA6") == 0 && a.summary[len - 4] != ' ',
       "summary: a long description is cut at a character boundary and ends in an ellipsis "
       "(%zu bytes)", len);
    article_clear(&a);
    buf_free(&big);
}

static void
test_html_to_text(void)
{
    struct buf b = BUF_INIT;
    const char *html = "<div><h2>Head</h2><p>One &amp; two<br>three</p><style>p{}</style>"
                       "<ul><li>a</li><li>b</li></ul>\x1b[2J<p>x&#27;y</p></div>";
    feed_item_html_to_text(html, strlen(html), &b);
    is_str(buf_str(&b), "Head\n\nOne & two\nthree\n\n- a\n- b\n\n[2J\n\nxy\n",
           "html to text: blocks, br, lists; style, ESC and &#27; dropped");
    buf_free(&b);
}

int
main(void)
{
    test_front_matter();
    test_header_block();
    test_rss2();
    test_rdf_atom();
    test_broken_and_hostile();
    test_summary();
    test_html_to_text();
    return done_testing();
}

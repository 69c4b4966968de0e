/*
 * test_ingest.c — unit tests for ingest: sniffing, decoding and
 * normalisation, line hashes, the markdown reader, cleaning rules, metadata,
 * outlets, and the directory walker. Every input is written here (or in
 * tests/fixtures/ingest/) in our own words.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dossier/article.h"
#include "dossier/ingest.h"
#include "dossier/utf8.h"
#include "dossier/util.h"
#include "tests/unit/tap.h"

static struct outlets *outlets;

/* Decode bytes and return the text (caller frees). */
static char *
decode(const char *bytes, size_t n, const char **enc)
{
    struct buf b = BUF_INIT;
    const char *e = NULL;
    ingest_decode(bytes, n, &b, &e);
    if (enc)
        *enc = e;
    return buf_steal(&b);
}

static int
ingest_ctx(const struct ingest_ctx *ctx, const char *path, const char *text, struct article *a)
{
    struct ds_error err;
    ds_error_clear(&err);
    int rc = ingest_article(ctx, path, text, strlen(text), a, &err);
    if (rc != 0)
        diag("ingest_article: %s", err.msg);
    return rc;
}

static int
ingest(const char *path, const char *text, struct article *a)
{
    struct ingest_ctx ctx = {outlets, NULL, 0};
    return ingest_ctx(&ctx, path, text, a);
}

/* Does text contain line as a whole line? */
static int
has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; p && (p = strstr(p, line)) != NULL; p++)
        if ((p == text || p[-1] == '\n') && (p[n] == '\0' || p[n] == '\n'))
            return 1;
    return 0;
}

static int
count_str(const char *hay, const char *needle)
{
    int c = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        c++;
    return c;
}

/* ---- sniff and decode -------------------------------------------------------------- */

static void
test_sniff(void)
{
    is_str(ingest_sniff("", 0), "empty", "sniff: zero bytes are empty");
    is_str(ingest_sniff(" \n\t\r\n  ", 7), "empty", "sniff: only whitespace is empty");
    is_str(ingest_sniff("abc\0def", 7), "binary", "sniff: a NUL byte means binary");
    char ctl[100];
    for (int i = 0; i < 100; i++)
        ctl[i] = (char)(i % 3 == 0 ? 'a' : 0x01 + i % 5);
    is_str(ingest_sniff(ctl, sizeof ctl), "binary", "sniff: mostly control bytes is binary");
    const char *esc = "\x1b[1mBold\x1b[0m words in an ordinary sentence.\n";
    ok(ingest_sniff(esc, strlen(esc)) == NULL, "sniff: text with a few escapes is text");
    ok(ingest_sniff("Hello.\n", 7) == NULL, "sniff: plain text is text");
    const char u16[] = "\xff\xfeH\0i\0";
    ok(ingest_sniff(u16, sizeof u16 - 1) == NULL, "sniff: UTF-16 with a BOM is text, not binary");
}

static void
test_decode(void)
{
    const char *enc;
    char *s = decode("Caf\xe9 \xa3"
                     "5",
                     7, &enc);
    is_str(s,
           "Caf\xc3\xa9 \xc2\xa3"
           "5",
           "decode: Latin-1 é and £");
    is_str(enc, "windows-1252", "decode: Latin-1 detected as windows-1252");
    free(s);

    const char q[] = "\x93quoted\x94 \x80"
                     "5 \x97 dash \x85";
    s = decode(q, sizeof q - 1, &enc);
    is_str(s,
           "\xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x82\xac"
           "5 \xe2\x80\x94 dash \xe2\x80\xa6",
           "decode: cp1252 0x93/0x94 curly quotes, euro, em dash, ellipsis");
    free(s);

    const char mixed[] = "na\xc3\xafve caf\xc3\xa9 \xff end";
    s = decode(mixed, sizeof mixed - 1, &enc);
    is_str(s, "na\xc3\xafve caf\xc3\xa9 \xef\xbf\xbd end",
           "decode: invalid byte in UTF-8 -> U+FFFD");
    is_str(enc, "utf-8 (repaired)", "decode: mixed text reported as repaired UTF-8");
    free(s);

    s = decode(NULL, 0, &enc);
    is_str(s, "", "decode: NULL bytes give empty text");
    free(s);

    s = decode("\xef\xbb\xbfHello", 8, &enc);
    is_str(s, "Hello", "decode: UTF-8 BOM stripped");
    is_str(enc, "utf-8", "decode: valid UTF-8 reported as utf-8");
    free(s);

    const char *ansi = "\x1b[31mred\x1b[0m alert\x07 \x1b[1;32;40mgreen\x1b[m";
    s = decode(ansi, strlen(ansi), NULL);
    is_str(s, "red alert green", "decode: ANSI SGR sequences and BEL removed");
    free(s);

    const char *osc =
        "\x1b]0;window title\x07Text \x1b]8;;http://x.test/\x1b\\link\x1b]8;;\x1b\\ end";
    s = decode(osc, strlen(osc), NULL);
    is_str(s, "Text link end", "decode: OSC sequences (BEL and ST terminated) removed");
    free(s);

    const char *other = "a\x1b(Bb\x1b"
                        "7c\x1b[2Jd\x7f"
                        "e\x01\x02"
                        "f";
    s = decode(other, strlen(other), NULL);
    is_str(s, "abcdef", "decode: other ESC sequences, DEL and C0 controls removed");
    free(s);

    const char *c1 = "x\xc2\x80y\xc2\x9b"
                     "31mz\xc2\x99w";
    s = decode(c1, strlen(c1), NULL);
    is_str(s, "xyzw", "decode: C1 controls removed (8-bit CSI with its parameters)");
    free(s);

    s = decode("one\r\ntwo\rthree\n", 15, NULL);
    is_str(s, "one\ntwo\nthree\n", "decode: CRLF and CR become LF");
    free(s);

    const char *spaces = "a\xc2\xa0"
                         "b\xe2\x80\x83"
                         "c\xe2\x80\xaf"
                         "d\tz  \nnext \t\n";
    s = decode(spaces, strlen(spaces), NULL);
    is_str(s, "a b c d z\nnext\n",
           "decode: NBSP, em space, NNBSP, tab to space; trailing space trimmed");
    free(s);

    const char *zw = "zero\xe2\x80\x8bwidth\xe2\x80\x8d join\xef\xbb\xbf\xe2\x81\xa0"
                     "s";
    s = decode(zw, strlen(zw), NULL);
    is_str(s, "zerowidth joins", "decode: zero-width characters and inner BOM removed");
    free(s);

    const char *keep = "\xe2\x80\x9c\xe4\xb8\xad\xe6\x96\x87\xe2\x80\x9d \xe2\x80\x94 "
                       "\xe3\x80\x80\xe5\xa5\xbd \xe2\x80\x93 it\xe2\x80\x99s";
    s = decode(keep, strlen(keep), NULL);
    is_str(s, keep, "decode: curly quotes, dashes, CJK and U+3000 kept intact");
    free(s);

    const char u16le[] = "\xff\xfeH\0\xe9\0\r\0\n\0\x2d\x4e";
    s = decode(u16le, sizeof u16le - 1, &enc);
    is_str(s, "H\xc3\xa9\n\xe4\xb8\xad", "decode: UTF-16LE with BOM");
    is_str(enc, "utf-16le", "decode: UTF-16LE reported");
    free(s);
    const char u16be[] = "\xfe\xff\0O\0K";
    s = decode(u16be, sizeof u16be - 1, &enc);
    is_str(s, "OK", "decode: UTF-16BE with BOM");
    free(s);
}

static void
test_latin1_fixture(void)
{
    const char *top = getenv("TOP_SRCDIR");
    char *path = xasprintf("%s/tests/fixtures/ingest/latin1.txt", top ? top : ".");
    struct buf b = BUF_INIT;
    struct ds_error err;
    if (ds_read_file(path, 1 << 20, &b, &err) != 0) {
        ok(0, "fixture latin1.txt readable: %s", err.msg);
        free(path);
        return;
    }
    struct article a;
    int rc = ingest_article(NULL, path, b.data, b.len, &a, &err);
    is_int(rc, 0, "latin1 fixture ingests");
    is_str(a.encoding, "windows-1252", "latin1 fixture: encoding");
    is_str(a.title, "Caf\xc3\xa9 prices rise", "latin1 fixture: title decoded");
    ok(a.body &&
           strstr(a.body, "\xc2\xa3"
                          "3") &&
           strstr(a.body, "\xe2\x80\x9c"
                          "big\xe2\x80\x9d") &&
           strstr(a.body, "\xe2\x80\x93"),
       "latin1 fixture: pound sign, curly quotes, en dash");
    article_clear(&a);
    buf_free(&b);
    free(path);
}

static void
test_bbc_latin1(void)
{
    const char *top = getenv("TOP_SRCDIR");
    char *path = xasprintf("%s/../shared/corpus/bbc/sport/199.txt", top ? top : ".");
    struct buf b = BUF_INIT;
    struct ds_error err;
    if (access(path, R_OK) != 0 || ds_read_file(path, 1 << 20, &b, &err) != 0) {
        tap_skip(2, "no ../shared");
        free(path);
        return;
    }
    const char *enc;
    char *s = decode(b.data, b.len, &enc);
    is_str(enc, "windows-1252", "shared bbc/sport/199.txt detected as Latin-1");
    ok(strstr(s, "\xc2\xa3") && !strstr(s, "\xef\xbf\xbd"),
       "shared Latin-1 file has £ and no U+FFFD");
    free(s);
    buf_free(&b);
    free(path);
}

/* ---- line hashes -------------------------------------------------------------------- */

static void
test_line_hashes(void)
{
    char longline[160];
    memset(longline, 'x', sizeof longline - 1);
    longline[sizeof longline - 1] = '\0';
    char *text = xasprintf("Share\n  share  \nSHARE\n\n%s\nFollow  us\nfollow us\n", longline);
    uint64_t *h = NULL;
    size_t n = ingest_line_hashes(text, strlen(text), &h);
    is_int(n, 2, "line hashes: one per distinct normalised short line, long lines skipped");
    ok(n == 2 && h[0] < h[1], "line hashes: sorted");
    uint64_t want = ds_hash64("follow us", 9); /* the normal form is words, one space apart */
    ok(n == 2 && (h[0] == want || h[1] == want), "line hashes: lower case, spaces collapsed");
    free(h);
    free(text);

    /* markup does not change a line's hash, so furniture counted on raw text
     * is recognised after a reader stripped its syntax */
    uint64_t *h1 = NULL, *h2 = NULL, *h3 = NULL;
    const char *t1 =
        "## Share **this** story\n<p>Advertisement</p>\n[Read more](http://x.test/a)\n";
    const char *t2 = "Share this story\nAdvertisement\nRead more\n";
    size_t n1 = ingest_line_hashes(t1, strlen(t1), &h1);
    size_t n2 = ingest_line_hashes(t2, strlen(t2), &h2);
    ok(n1 == 3 && n2 == 3 && memcmp(h1, h2, 3 * sizeof *h1) == 0,
       "line hashes: markdown and HTML syntax ignored");
    size_t n3 = ingest_line_hashes("Share this story now\n", 21, &h3);
    ok(n3 == 1 && h3[0] != h2[0] && h3[0] != h2[1] && h3[0] != h2[2],
       "line hashes: different words hash differently");
    free(h1);
    free(h2);
    free(h3);
    n = ingest_line_hashes("", 0, &h);
    is_int(n, 0, "line hashes: empty text has none");
    free(h);
}

/* ---- readers ------------------------------------------------------------------------ */

static void
test_readers(void)
{
    const struct reader *r = ingest_reader_for("/x/a.TXT");
    ok(r && strcmp(r->name, "text") == 0, "reader: .TXT is text");
    r = ingest_reader_for("/x/notes.md");
    ok(r && strcmp(r->name, "markdown") == 0, "reader: .md is markdown");
    ok(ingest_reader_for("/x/a.pdf") == NULL, "reader: .pdf has none");
    ok(ingest_reader_for("/x/.txt") == NULL, "reader: a dot file named .txt has none");

    r = ingest_reader_for("a.md");
    struct buf out = BUF_INIT;
    struct ds_error err;
    const char *md = "## Heading here ##\n"
                     "Some **bold** and _em_ and *star* text, a [link](http://x.test/a) and "
                     "![alt text](img.png) image, `co*de*` and snake_case_name.\n"
                     "```\nkeep *this* [as](is)\n```\n"
                     "> quoted line\n"
                     "\n"
                     "- item\n"
                     "  - nested item\n"
                     "\n"
                     "[id]: http://x.test/\n"
                     "<figure><img src=\"a.jpg\"><figcaption>Caption</figcaption></figure>\n"
                     "\n"
                     "---\n"
                     "See [the ref][id] and <https://x.test/b>, &amp; <b>bold</b>.\n";
    r->to_text(md, strlen(md), &out, &err);
    /* CommonMark (cmark): each block a paragraph, list items as "- " lines */
    const char *want = "Heading here\n"
                       "\n"
                       "Some bold and em and star text, a link and  image, co*de* and "
                       "snake_case_name.\n"
                       "\n"
                       "keep *this* [as](is)\n"
                       "\n"
                       "quoted line\n"
                       "\n"
                       "- item\n"
                       "  - nested item\n"
                       "\n"
                       "See the ref and https://x.test/b, & bold.\n";
    is_str(buf_str(&out), want, "markdown: headings, emphasis, links, images, code, fences");
    buf_free(&out);
}

static void
test_markdown_fixture(void)
{
    const char *top = getenv("TOP_SRCDIR");
    char *path = xasprintf("%s/tests/fixtures/ingest/article.md", top ? top : ".");
    struct buf b = BUF_INIT;
    struct ds_error err;
    if (ds_read_file(path, 1 << 20, &b, &err) != 0) {
        ok(0, "fixture article.md readable: %s", err.msg);
        free(path);
        return;
    }
    struct article a;
    struct ingest_ctx ctx = {outlets, NULL, 0};
    is_int(ingest_article(&ctx, path, b.data, b.len, &a, &err), 0, "markdown article ingests");
    is_str(a.title, "Harbour cranes idle as port strike enters second week", "markdown: title");
    is_str(a.byline, "Mira Okafor", "markdown: byline from *By ...*");
    ok(a.body && strstr(a.body, "at the container terminal stayed") && !strstr(a.body, "](") &&
           !strstr(a.body, "crane photo") && strstr(a.body, "resume on Thursday."),
       "markdown: link text kept, URL and image dropped");
    ok(a.body && strstr(a.body, "\n  - perishables first\n"),
       "markdown: nested list indentation kept");
    ok(a.body && strstr(a.body, "TEU 1,200 per day"), "markdown: fenced code kept as text");
    article_clear(&a);
    buf_free(&b);
    free(path);
}

/* ---- cleaning ----------------------------------------------------------------------- */

static void
test_cleaning(void)
{
    struct article a;
    const char *text =
        "Port traffic slows as rains hit the coast\n"
        "\n"
        "Trucks queue at the harbour gate for a third day\n"
        "\n"
        "Trucks queue at the harbour gate for a third day\n"
        "\n"
        "Heavy rain closed two of the four berths on Tuesday, the port authority said, and "
        "officials expect delays to last into the weekend.\n"
        "Share this article\n"
        "Advertisement\n"
        "Related: Storm season starts early\n"
        "Readers who subscribe to the print edition also get the weekly shipping tables, the "
        "publisher said.\n"
        "Subscribers rose last year\n"
        "Facebook and Twitter shares fell on Monday.\n"
        "ShareIcon FacebookIcon TwitterIcon Mail\n"
        "Chevron\n"
        "Hello {{user.firstName}}, welcome back\n"
        "\n"
        "\n"
        "\n"
        "\n"
        "Exporters say the delays cost them money every day the berths stay shut.\n"
        "  \xe2\x80\xa2 grain terminals\n"
        "    \xe2\x80\xa2 north pier\n"
        "  - fuel depots\n"
        "Sponsored Content\n"
        "About Sponsored Content This content was produced by a partner studio.\n"
        "You have 2 free articles left this month\n"
        "Try 2 months for $5\n"
        "Offer ends June 30th\n"
        "See all offers\n"
        "Already a subscriber? Log in\n"
        "Your trial period has expired\n"
        "4 min read\n"
        "3 hours ago\n"
        "Updated 25 minutes ago\n"
        "12 comments\n"
        "40 years ago\n"
        "Forty years ago the port handled a tenth of today's cargo.\n";
    if (ingest("/tmp/no-date/clean.txt", text, &a) != 0) {
        ok(0, "cleaning fixture ingests");
        return;
    }
    const char *b = a.body;
    is_int(count_str(b, "Trucks queue at the harbour gate for a third day"), 1,
           "clean: duplicated caption kept once");
    ok(strstr(a.removed, "duplicate\tTrucks queue") != NULL,
       "clean: duplicate recorded in removed");
    ok(!has_line(b, "Share this article") && !has_line(b, "Advertisement") &&
           !strstr(b, "Related: Storm"),
       "clean: share, advertisement and related labels dropped");
    ok(strstr(b, "Readers who subscribe to the print edition") != NULL,
       "clean: a sentence of prose that mentions subscribing is kept");
    ok(has_line(b, "Subscribers rose last year"),
       "clean: a short line about subscribers (not a prompt) kept");
    ok(has_line(b, "Facebook and Twitter shares fell on Monday."),
       "clean: prose naming social sites kept");
    ok(!strstr(b, "FacebookIcon") && !has_line(b, "Chevron"), "clean: runs of icon names dropped");
    ok(!strstr(b, "{{"), "clean: unrendered template text dropped");
    ok(strstr(a.removed, "template\tHello {{user.firstName}}") != NULL,
       "clean: template reason recorded");
    ok(strstr(b, "\n\n\n") == NULL, "clean: runs of blank lines collapsed");
    ok(strstr(b, "weekend.\n\nExporters") == NULL && strstr(b, "\n\nExporters say") != NULL,
       "clean: paragraph break kept where furniture was removed");
    ok(strstr(b,
              "\n  \xe2\x80\xa2 grain terminals\n    \xe2\x80\xa2 north pier\n  - fuel depots") !=
           NULL,
       "clean: nested bullets keep their indentation");
    ok(!strstr(b, "Sponsored Content") && !strstr(b, "partner studio"),
       "clean: sponsored note and its About blurb dropped");
    ok(!strstr(b, "free articles") && !strstr(b, "Try 2 months") && !strstr(b, "Offer ends") &&
           !strstr(b, "See all offers") && !strstr(b, "Already a subscriber") &&
           !strstr(b, "trial period"),
       "clean: subscription prompts dropped");
    ok(strstr(a.removed, "paywall\tTry 2 months for $5") != NULL, "clean: paywall reason recorded");
    ok(!has_line(b, "4 min read") && !has_line(b, "3 hours ago") &&
           !has_line(b, "Updated 25 minutes ago") && !has_line(b, "12 comments"),
       "clean: reading-time, relative-time and comment counters dropped");
    ok(has_line(b, "Forty years ago the port handled a tenth of today's cargo."),
       "clean: a sentence with 'years ago' kept");
    article_clear(&a);

    /* corpus-wide furniture from the indexer's counts */
    const char *t2 = "Fleet owners brace for a slow season\n\n"
                     "Owners of small fishing boats said fuel costs had doubled since spring.\n"
                     "Harbour Daily crossword and puzzles\n"
                     "Tide tables and weather\n";
    uint64_t *h = NULL;
    size_t nh =
        ingest_line_hashes("harbour  daily CROSSWORD and puzzles\ntide tables and weather\n", 61, &h);
    struct ingest_ctx ctx = {outlets, h, nh};
    if (ingest_ctx(&ctx, "/tmp/f.txt", t2, &a) == 0) {
        ok(!strstr(a.body, "Harbour Daily crossword") && !strstr(a.body, "Tide tables"),
           "clean: lines frequent across the corpus dropped");
        ok(strstr(a.removed, "frequent\tHarbour Daily crossword and puzzles") != NULL,
           "clean: frequent reason recorded");
        ok(strstr(a.body, "fuel costs had doubled") != NULL, "clean: the text around them stays");
        article_clear(&a);
    }
    free(h);

    /* frequent lines that read as sentences: text in the middle, boilerplate
     * at the bottom, and text everywhere in a republished wire story */
    const char *freq_lines = "The vote was 68-28.\n"
                             "Jo Bloggs writes a weekly column on shipping for us.\n"
                             "Officials declined to comment.\n"
                             "Markets were closed on Monday.\n"
                             "The port reopened at noon.\n";
    nh = ingest_line_hashes(freq_lines, strlen(freq_lines), &h);
    ctx.frequent_lines = h;
    ctx.nfrequent_lines = nh;
    const char *t3 = "Canal vote passes\n\n"
                     "Lawmakers approved the canal budget after a long debate that ran past "
                     "midnight on Thursday.\n\nThe vote was 68-28.\n\n"
                     "Opponents said the costs were understated and promised to appeal, and "
                     "several called for an audit of the contracts.\n\n"
                     "Supporters said the canal would pay for itself within a decade.\n\n"
                     "Jo Bloggs writes a weekly column on shipping for us.\n";
    if (ingest_ctx(&ctx, "/tmp/f3.txt", t3, &a) == 0) {
        ok(has_line(a.body, "The vote was 68-28."),
           "frequent: a sentence in the middle of the text stays");
        ok(!strstr(a.body, "Jo Bloggs writes"),
           "frequent: a boilerplate sentence at the bottom goes");
        article_clear(&a);
    }
    const char *t4 = "Officials declined to comment.\n\nMarkets were closed on Monday.\n\n"
                     "The port reopened at noon.\n\nThe vote was 68-28.\n";
    if (ingest_ctx(&ctx, "/tmp/f4.txt", t4, &a) == 0) {
        ok(has_line(a.body, "Officials declined to comment.") &&
               has_line(a.body, "The vote was 68-28."),
           "frequent: a republished copy (mostly frequent lines) keeps its sentences");
        article_clear(&a);
    }
    ctx.frequent_lines = NULL;
    ctx.nfrequent_lines = 0;
    if (ingest_ctx(&ctx, "/tmp/f.txt", t2, &a) == 0) {
        ok(strstr(a.body, "Tide tables and weather") != NULL,
           "clean: without corpus counts the same line stays");
        article_clear(&a);
    }
    free(h);
}

/* ---- metadata ----------------------------------------------------------------------- */

/* Photo captions, credits and video-player text are furniture, recognised by
 * their shape; prose that mentions a photo or an agency is not. */
static void
test_captions(void)
{
    struct article a;
    ingest("/t/cap.txt",
           "Stocks slide as rate fears return\n\n"
           "The Dow fell 238 points on Tuesday, its worst day in a month, as traders weighed "
           "the outlook for rates.\n\n"
           "Traders on the floor of the exchange. (Getty Images)\n\n"
           "A lawmaker at the Capitol.CreditJane Roe/Reuters\n\n"
           "Photo: Andrew Ruiz/AP\n\n"
           "CLOSE Video: what to do if your car is recalled AP, AP\n\n"
           "The senator speaks in Washington. AP Photo/Evan Vucci\n\n"
           "The S&P 500 lost 1.1 percent after the photo agency Getty Images said it would "
           "cut 200 jobs, Reuters reported.\n",
           &a);
    ok(has_line(a.removed, "caption\tTraders on the floor of the exchange. (Getty Images)"),
       "caption: a short line ending in a credit in parentheses");
    ok(has_line(a.removed, "caption\tA lawmaker at the Capitol.CreditJane Roe/Reuters"),
       "caption: a glued CreditName/Agency");
    ok(has_line(a.removed, "caption\tPhoto: Andrew Ruiz/AP"), "caption: Photo: X");
    ok(has_line(a.removed, "video\tCLOSE Video: what to do if your car is recalled AP, AP"),
       "video: a player's text");
    ok(has_line(a.removed, "caption\tThe senator speaks in Washington. AP Photo/Evan Vucci"),
       "caption: a trailing AP Photo/Name");
    ok(strstr(a.body, "Getty Images said it would cut") != NULL,
       "caption: prose naming a photo agency stays");
    ok(!strstr(a.body, "(Getty Images)") && !strstr(a.body, "CLOSE"),
       "caption: none left in the body");
    article_clear(&a);
    /* Newer shapes: "Photo by X", "Image caption:", "Pictured:", a video's
     * credit (and its repeat on the next line), a newsletter prompt of two
     * sentences; prose about newsletters and photographers stays. */
    ingest("/t/cap3.txt",
           "Wildfire forces thousands to flee\n\n"
           "Firefighters battle the blaze near the highway. Video provided by Newsy\n"
           "Newsy\n\n"
           "More than 12,000 residents were told to leave as the fire spread east of the city, "
           "officials said on Saturday.\n\n"
           "Photo by Nathan Dumlao on Unsplash\n\n"
           "Image caption: Crews work through the night\n\n"
           "Pictured: The ridge above the town\n\n"
           "Get the Morning Manifest in your inbox. Sign up for our newsletter.\n\n"
           "Sign up for our free Before the Bell newsletter for the latest market moves.\n\n"
           "The county said photo by photo evidence of the damage would be sent to insurers, "
           "and its newsletter to residents would list shelters.\n",
           &a);
    ok(has_line(a.removed,
                "video\tFirefighters battle the blaze near the highway. Video provided by Newsy"),
       "video: a line ending in the player's credit");
    ok(has_line(a.removed, "video\tNewsy"), "video: the credit repeated on the next line");
    ok(has_line(a.removed, "caption\tPhoto by Nathan Dumlao on Unsplash"),
       "caption: Photo by X");
    ok(has_line(a.removed, "caption\tImage caption: Crews work through the night"),
       "caption: Image caption:");
    ok(has_line(a.removed, "caption\tPictured: The ridge above the town"),
       "caption: Pictured:");
    ok(has_line(a.removed,
                "newsletter\tGet the Morning Manifest in your inbox. Sign up for our newsletter."),
       "newsletter: a prompt of two sentences");
    ok(has_line(a.removed, "newsletter\tSign up for our free Before the Bell newsletter for "
                           "the latest market moves."),
       "newsletter: a prompt naming its newsletter");
    ok(strstr(a.body, "its newsletter to residents") != NULL && a.source == NULL,
       "newsletter: prose stays, and a newsletter's name is no outlet");
    article_clear(&a);
    ingest("/t/cap2.txt",
           "Gales halt ferries\nSource: web | Date: 2019-03-04 | "
           "URL: https://www.example.com/photo/bloomberg/gales\n\n"
           "Ferry crossings to the outer islands were cancelled on Tuesday as gales swept the "
           "coast for a second day running.\n",
           &a);
    ok(!has_line(a.removed, "caption\tSource: web | Date: 2019-03-04 | "
                            "URL: https://www.example.com/photo/bloomberg/gales"),
       "caption: a header line with a URL is no caption");
    article_clear(&a);
}

static void
test_title(void)
{
    struct article a;
    ingest("/t/a.txt",
           "Rail freight volumes climb for third month\n\n"
           "Rail operators moved more containers in March than in any month "
           "since records began, the transport ministry said.\n",
           &a);
    is_str(a.title, "Rail freight volumes climb for third month",
           "meta: headline then blank line is the title");
    ok(a.body && !strstr(a.body, "Rail freight volumes climb"),
       "meta: title is not repeated in the body");
    ok(strstr(a.removed, "title\tRail freight") != NULL, "meta: title recorded in removed");
    article_clear(&a);

    ingest("/t/b.txt",
           "Rail operators moved more containers in March than in any month since "
           "records began, the transport ministry said on Friday.\n\n"
           "The figures surprised analysts.\n",
           &a);
    ok(a.title == NULL, "meta: text starting with prose has no title");
    article_clear(&a);

    ingest("/t/q.txt", "\xe2\x80\x9cWe will keep the canal open for every ship.\xe2\x80\x9d\n\n"
                       "Farmers along the river are running out of time to move grain.\n", &a);
    ok(a.title == NULL, "meta: a quoted sentence ending in a full stop is not a title");
    article_clear(&a);

    ingest("/t/c.txt",
           "Will the canal reopen before the harvest?\n\n"
           "Farmers along the river are running out of time to move grain.\n",
           &a);
    is_str(a.title, "Will the canal reopen before the harvest?", "meta: a question can be a title");
    article_clear(&a);

    ingest("/t/d.txt",
           "Shipping\n\nCanal fees to rise next year\n\n"
           "Operators warn of higher costs for bulk carriers\n\n"
           "The canal authority said on Monday that transit fees would rise by a "
           "tenth from January, citing maintenance costs.\n",
           &a);
    is_str(a.section, "Shipping", "meta: short label above the headline is the section");
    is_str(a.title, "Canal fees to rise next year", "meta: headline under a section label");
    is_str(a.subtitle, "Operators warn of higher costs for bulk carriers", "meta: standfirst");
    ok(a.body && strstr(a.body, "Operators warn") == a.body,
       "meta: standfirst stays at the top of the body");
    article_clear(&a);

    ingest("/t/e.txt",
           "Trade talks\nNegotiators from both blocs met in Geneva on Tuesday to "
           "resume talks on farm tariffs, officials said.\n",
           &a);
    is_str(a.section, "Trade talks", "meta: label directly on top of prose is a section");
    ok(a.title == NULL, "meta: ... and not a title");
    article_clear(&a);

    ingest("/t/f.txt",
           "NEWS / MARKETS\nCopper hits a two-year high\nPublished: Mar 3, 2023 "
           "10:15 AM\n\nCopper prices rose on Friday as warehouse stocks fell to "
           "their lowest level since 2021.\n",
           &a);
    is_str(a.section, "MARKETS", "meta: crumb line gives the section");
    is_str(a.title, "Copper hits a two-year high", "meta: title after a crumb");
    is_str(a.published, "2023-03-03", "meta: Published: line date");
    is_int(a.date_how, DATE_PUBLISHED_LINE, "meta: date_how is published-line");
    ok(!strstr(a.body, "Published") && !strstr(a.body, "NEWS / MARKETS"),
       "meta: Published and crumb lines removed from the body");
    article_clear(&a);

    /* A reading-time line with a date is a publication cue. */
    ingest("/t/f2.txt",
           "Copper hits a two-year high\n4 min read \xc2\xb7 Feb 12, 2025\n\n"
           "Copper prices rose on Friday as warehouse stocks fell to their lowest level since "
           "2021, traders said.\n",
           &a);
    is_str(a.published, "2025-02-12", "meta: '4 min read \xc2\xb7 date' line date");
    is_int(a.date_how, DATE_PUBLISHED_LINE, "meta: ... found as a published line");
    ok(!strstr(a.body, "min read"), "meta: ... and removed from the body");
    article_clear(&a);
}

static void
test_dates(void)
{
    struct article a;
    ingest("/t/a.txt",
           "Steel output falls\n\nUpdated 2021-11-04 09:00 GMT\n\n"
           "Steel output fell for a second month.\n",
           &a);
    is_str(a.published, "2021-11-04", "date: Updated line with ISO date");
    article_clear(&a);

    ingest("/t/b.txt",
           "Steel output falls\n\n17 May 2018\n\nSteel output fell for a second month, "
           "the industry group said.\n",
           &a);
    is_str(a.published, "2018-05-17", "date: a line holding only a date");
    is_int(a.date_how, DATE_ISO_LINE, "date: date_how is date-line");
    article_clear(&a);

    ingest("/t/c.txt",
           "Steel output falls\n\nGENEVA, May 17, 2018 (Reuters) - Steel output fell "
           "for a second month, an industry group said.\n",
           &a);
    is_str(a.published, "2018-05-17", "date: dateline with a year");
    is_int(a.date_how, DATE_DATELINE, "date: date_how is dateline");
    is_str(a.source, "Reuters", "source: agency in a dateline");
    article_clear(&a);

    ingest("/archive/2019-06-02/steel.txt",
           "BEIJING, June 1 (Xinhua) -- Steel output fell for a second month, an industry group "
           "said.\n",
           &a);
    is_str(a.published, "2019-06-01", "date: dateline day with the year from the path");
    is_str(a.source, "Xinhua", "source: Xinhua from a dateline");
    article_clear(&a);

    ingest("/t/d.txt", "WASHINGTON, May 17 (Reuters) - Steel output fell for a second month.\n",
           &a);
    ok(a.published == NULL, "date: dateline without any year gives no date");
    article_clear(&a);

    ingest("/t/jobs.txt",
           "Hiring slows\n\nFebruary 2015: 238,000\nMarch 2015: 119,000\n\n"
           "Employers added fewer jobs than in any month of the year before.\n",
           &a);
    ok(a.published == NULL, "date: a table row (month, year, a count) is no date line");
    article_clear(&a);

    /* ... but the fraction of a second in a page's metadata is no count */
    ingest("/t/page.html",
           "<!DOCTYPE html><html><head><title>Ferry fares rise</title>"
           "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
           "\"datePublished\": \"2017-11-03 03:01:00.000000\"}</script></head>"
           "<body><article><p>Ferry fares will rise by four percent in July, the operator "
           "said on Friday, the first increase in three years.</p></article></body></html>",
           &a);
    is_str(a.published, "2017-11-03", "date: metadata with fractional seconds");
    is_int(a.date_how, DATE_METADATA, "date: from the page's metadata, which wins");
    article_clear(&a);

    /* JSON-LD whose name is the publisher's: the headline is the title */
    ingest("/t/site-name.html",
           "<!DOCTYPE html><html><head><title>Harbour Gazette</title>"
           "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
           "\"name\": \"Harbour Gazette\", \"headline\": \"Ferry fares to rise in July\", "
           "\"publisher\": {\"@type\": \"Organization\", \"name\": \"Harbour Gazette\"}}"
           "</script></head><body><article><p>Ferry fares will rise by four percent in July, "
           "the operator said on Friday, the first increase in three years.</p></article>"
           "</body></html>",
           &a);
    is_str(a.title, "Ferry fares to rise in July", "title: JSON-LD name that is the site's");
    is_str(a.source, "Harbour Gazette", "title: the site's name is the source");
    article_clear(&a);

    ingest("/news/2020/03/09/x.txt", "Steel output fell for a second month.\n", &a);
    is_str(a.published, "2020-03-09", "date: yyyy/mm/dd in the path");
    is_int(a.date_how, DATE_PATH, "date: date_how is path");
    article_clear(&a);

    ingest("/t/e.txt",
           "The two sides signed the agreement on January 15, 2020, and it entered "
           "into force on 1 February 2020, officials said.\n\n"
           "Trade rose by a fifth in the year that followed.\n",
           &a);
    ok(a.published == NULL, "date: dates inside body sentences are never taken");
    article_clear(&a);

    ingest("/t/f.txt",
           "Steel output falls\n\nBy Jane Doe and John Roe in Beijing | May 17, 2018\n\n"
           "Steel output fell for a second month.\n",
           &a);
    is_str(a.byline, "Jane Doe and John Roe", "byline: names without the place");
    is_str(a.published, "2018-05-17", "byline: its date");
    is_int(a.date_how, DATE_BYLINE, "byline: date_how is byline");
    ok(!strstr(a.body, "By Jane"), "byline: removed from the body");
    article_clear(&a);

    ingest("/t/g2.txt",
           "Steel output falls\n\nBy Ana Lima, CNN\n\nSteel output fell, by some "
           "measures, for a second month.\n",
           &a);
    is_str(a.byline, "Ana Lima", "byline: the name without the outlet");
    is_str(a.source, "CNN", "byline: a known outlet after the name is the source");
    article_clear(&a);

    ingest("/t/g.txt",
           "Steel output falls\n\nBy Ana Lima\n\nSteel output fell, by some "
           "measures, for a second month.\n",
           &a);
    is_str(a.byline, "Ana Lima", "byline: simple");
    article_clear(&a);
}

static void
test_sources(void)
{
    struct article a;
    ingest("/t/a.txt",
           "Grain exports recover\n\nGrain exports recovered in April after a weak "
           "winter, traders said.\n\nSource: The Straits Times\n",
           &a);
    is_str(a.source, "The Straits Times", "source: Source: trailer, canonical name");
    ok(!strstr(a.body, "Source:"), "source: trailer removed from the body");
    article_clear(&a);

    ingest("/t/b.txt",
           "Grain exports recover\n\nGrain exports recovered in April after a weak "
           "winter, traders said.\n\nSource: Harbour Weekly\n",
           &a);
    is_str(a.source, "Harbour Weekly", "source: unknown outlet in a Source: line kept as written");
    article_clear(&a);

    ingest("/t/b2.txt", "Grain exports recover\n\nGrain exports recovered in April after a weak "
                        "winter, traders said.\n\nSource: Xinhua | Editor: Li Wei\n", &a);
    is_str(a.source, "Xinhua", "source: first part of a Source: line with an editor credit");
    article_clear(&a);

    ingest("/t/c.txt",
           "Grain exports recovered in April after a weak winter, traders said.\n\n"
           "GLOBAL TIMES\n",
           &a);
    is_str(a.source, "Global Times", "source: outlet name alone on the last line");
    ok(!strstr(a.body, "GLOBAL TIMES"), "source: that line removed");
    article_clear(&a);

    ingest("/t/d.txt",
           "Al Jazeera\n\nGrain exports recover\n\nGrain exports recovered in April "
           "after a weak winter, traders said.\n",
           &a);
    is_str(a.source, "Al Jazeera", "source: outlet name alone on the first line");
    is_str(a.title, "Grain exports recover", "source: ... and the title below it");
    article_clear(&a);

    ingest("/t/e.txt",
           "Grain exports recovered in April after a weak winter, traders said.\n\n"
           "(Reporting by Jane Doe; Editing by John Roe)\n",
           &a);
    ok(a.source == NULL, "source: (Reporting by ...; Editing by ...) is not an outlet");
    ok(strstr(a.body, "(Reporting by Jane Doe") == NULL &&
           strstr(a.removed, "credit\t(Reporting by Jane Doe") != NULL,
       "source: the credit line leaves the body as a credit (show --removed)");
    article_clear(&a);

    ingest("/t/f.txt",
           "Grain exports recovered in April after a weak winter, traders said.\n\n"
           "Your full access to Nikkei Asian Review has expired\n",
           &a);
    is_str(a.source, "Nikkei Asia", "source: outlet named in dropped furniture, through an alias");
    article_clear(&a);

    ingest("/t/g.txt",
           "Grain exports recovered in April after a weak winter, traders told the "
           "Financial Times and Bloomberg.\n",
           &a);
    ok(a.source == NULL, "source: outlets named in body prose are not the source");
    article_clear(&a);
}

/* ---- outlets the list does not know; page structure around the headline ---------- */

/* Ingest with ctx->frequent_lines made from the lines of freq (as the indexer
 * would find them in many documents). */
static int
ingest_freq(const char *path, const char *text, const char *freq, struct article *a)
{
    uint64_t *h = NULL;
    size_t nh = ingest_line_hashes(freq, strlen(freq), &h);
    struct ingest_ctx ctx = {outlets, h, nh};
    int rc = ingest_ctx(&ctx, path, text, a);
    free(h);
    return rc;
}

/* paragraphs longer than 100 bytes, so the text never looks hard-wrapped */
#define PROSE1                                                                                     \
    "Ferry crossings to the outer islands were cancelled on Tuesday as gales swept the coast "    \
    "for a second day running.\n"
#define PROSE2                                                                                     \
    "Harbour officials said services would resume once the wind dropped below forty knots, "      \
    "probably not before Thursday.\n"
/* a headline and two paragraphs; tests append their trailer lines */
#define GALES "Gales halt ferries\n\n" PROSE1 "\n" PROSE2

static void
test_unknown_outlets(void)
{
    struct article a;

    /* The address a page was saved from names its outlet (domains.tsv). */
    ingest("/t/url1.txt",
           "Gales halt ferries\nSource: web | Date: 2019-03-04 | "
           "URL: https://edition.cnn.com/2019/03/04/weather/gales.html\n\n" PROSE1 "\n" PROSE2,
           &a);
    is_str(a.source, "CNN", "outlet: from the URL's domain (a parent domain of its host)");
    is_str(a.published, "2019-03-04", "date: the Date field of a header line");
    article_clear(&a);
    ingest("/t/url4.txt",
           "Gales halt ferries\nSource: web | Date: 2019-03-04 | URL: "
           "http://www.nytimes.com/2019/03/04/world/europe/gales-halt-ferries-to-the-outer-islands-"
           "as-winds-batter-the-coast-for-a-second-day.html?ref=world&utm_source=feed\n\n" PROSE1,
           &a);
    is_str(a.source, "The New York Times", "outlet: a header line with a long URL");
    article_clear(&a);
    /* A header block of one key a line (a read-later tool's) with a URL
     * and no Source key: the URL's domain names the outlet. */
    ingest("/t/url5.txt",
           "Title: Gales halt ferries\nURL: https://apnews.com/article/gales-halt-ferries\n"
           "Date: 2019-03-04\n\n" PROSE1,
           &a);
    is_str(a.source, "Associated Press", "outlet: a header block's URL and no Source key");
    article_clear(&a);
    ingest("/t/url2.txt", GALES "\nhttps://www.theguardian.com/world/2020/jan/01/gales\n", &a);
    is_str(a.source, "The Guardian", "outlet: a URL alone on the last line");
    article_clear(&a);
    ingest("/t/url3.txt", GALES "\nSource: harbour desk\nhttps://www.huffpost.com/entry/gales\n",
           &a);
    is_str(a.source, "HuffPost", "outlet: a known domain wins over an unknown Source: name");
    article_clear(&a);
    /* Lines of results and dividend tables are never outlets, however often
     * they repeat across the corpus. */
    ingest_freq("/t/div.txt", GALES "\nPay April 15\nRecord March 20\n",
                "Pay April 15\nRecord March 20\n", &a);
    ok(a.source == NULL, "outlet: 'Record March 20' is no outlet (%s)",
       a.source ? a.source : "NULL");
    article_clear(&a);
    ingest_freq("/t/year.txt", GALES "\nYear\n", "Year\n", &a);
    ok(a.source == NULL, "outlet: 'Year' is no outlet (%s)", a.source ? a.source : "NULL");
    article_clear(&a);

    ingest("/t/u1.txt", GALES "\nHarbour Lantern Observer\n", &a);
    is_str(a.source, "Harbour Lantern Observer",
           "outlet: an unknown name alone on the last line that looks like an outlet's");
    ok(!strstr(a.body, "Harbour Lantern"), "outlet: ... removed from the body");
    ok(has_line(a.removed, "source\tHarbour Lantern Observer"), "outlet: ... recorded as source");
    article_clear(&a);

    /* "Observer" is an alias of a known outlet: no substring match */
    ingest("/t/u2.txt", PROSE1 "\nSubscribe to the Harbour Lantern Observer\n", &a);
    ok(a.source == NULL || strcmp(a.source, "The Guardian") != 0,
       "outlet: an alias inside a longer capitalised name is not that outlet (%s)",
       a.source ? a.source : "NULL");
    article_clear(&a);
    ingest("/t/u2b.txt", PROSE1 "\nYour free access to The Observer has expired\n", &a);
    is_str(a.source, "The Guardian", "outlet: the alias standing on its own still matches");
    article_clear(&a);

    ingest("/t/u3.txt", GALES "\nMiriam Castell\n", &a);
    ok(a.source == NULL, "outlet: a person's name on the last line is no outlet");
    ok(strstr(a.body, "Miriam Castell") != NULL, "outlet: ... and stays in the body");
    article_clear(&a);

    ingest("/t/u4.txt",
           GALES "\nHarbour Lantern Observer | About | Contact\n",
           &a);
    ok(a.source == NULL, "outlet: an 'X | Y' footer is not a source");
    article_clear(&a);

    ingest("/t/u5b.txt", GALES "\nThe End\n", &a);
    ok(a.source == NULL, "outlet: 'The End' is no outlet");
    article_clear(&a);

    ingest("/t/u5.txt", GALES "\nFerry Timetables\n", &a);
    ok(a.source == NULL, "outlet: two capitalised words without an outlet's look are not one");
    article_clear(&a);

    ingest_freq("/t/u6.txt", GALES "\nMarlinspike\n",
                "Marlinspike\n", &a);
    is_str(a.source, "Marlinspike", "outlet: a one-word name ending many pages of the corpus");
    article_clear(&a);
    ingest("/t/u6b.txt", GALES "\nMarlinspike\n", &a);
    ok(a.source == NULL, "outlet: ... but not without the corpus evidence");
    article_clear(&a);

    ingest("/t/u7.txt", GALES "\n\xe2\x80\x94 The Quarry Review\n",
           &a);
    is_str(a.source, "The Quarry Review", "outlet: '\xe2\x80\x94 Name' trailer");
    ok(!strstr(a.body, "Quarry"), "outlet: ... removed from the body");
    article_clear(&a);
    ingest("/t/u7b.txt", GALES "\n-- Reuters\n", &a);
    is_str(a.source, "Reuters", "outlet: '-- Name' trailer of a known outlet");
    article_clear(&a);

    ingest("/t/u8.txt", GALES "\n\xc2\xa9 2023 Upland Farm Ledger\n",
           &a);
    is_str(a.source, "Upland Farm Ledger", "outlet: '\xc2\xa9 year Name'");
    article_clear(&a);
    ingest("/t/u8b.txt",
           GALES
           "\nCopyright 2019-2021 Northgate Weekly. All rights reserved.\n",
           &a);
    is_str(a.source, "Northgate Weekly", "outlet: 'Copyright years Name. All rights reserved.'");
    article_clear(&a);
    ingest("/t/u8c.txt", GALES "\n(c) Revue du Port\n", &a);
    is_str(a.source, "Revue du Port", "outlet: '(c) Name'");
    article_clear(&a);
    ingest("/t/u8d.txt", GALES "\n\xc2\xa9 Getty Images\n", &a);
    ok(a.source == NULL, "outlet: a photo agency's copyright is not the source");
    article_clear(&a);

    ingest("/t/2019-03-03/u9.txt",
           "Nordic ports merge\n\nOSLO/HELSINKI, Mar 3 (Fjordline) - Two Nordic port operators "
           "agreed to merge on Sunday, creating the largest in the region.\n\n" PROSE2,
           &a);
    is_str(a.source, "Fjordline", "dateline: an unknown agency after PLACE/PLACE");
    is_str(a.published, "2019-03-03", "dateline: PLACE/PLACE, day and month, year from the path");
    is_str(date_source_name(a.date_how), "dateline", "dateline: date_how");
    article_clear(&a);
    ingest("/t/u10.txt",
           "WASHINGTON (AP) \xe2\x80\x94 Lawmakers agreed on Friday to extend the port security "
           "programme for another year.\n\n" PROSE2,
           &a);
    is_str(a.source, "Associated Press",
           "dateline: 'WASHINGTON (AP) \xe2\x80\x94' through an alias");
    article_clear(&a);
    ingest("/t/u12.txt",
           GALES
           "\nSign up for our newsletter\nThe Harbour Lantern Courier's Morning Tide: news every "
           "weekday\n",
           &a);
    is_str(a.source, "The Harbour Lantern Courier",
           "outlet: an unknown outlet's name in its own newsletter prompt (weakest)");
    article_clear(&a);
    ingest("/t/u12b.txt",
           GALES
           "\nSign up for our newsletter\nMorning Tide: news every weekday\n",
           &a);
    ok(a.source == NULL, "outlet: ... but not a newsletter's own name");
    article_clear(&a);

    ingest("/t/u13.txt",
           "UPDATE 3-Nordic port operators agree to merge\n\nOSLO, Mar 3 (Fjordline) - " PROSE1,
           &a);
    is_str(a.title, "Nordic port operators agree to merge",
           "title: a wire version tag ('UPDATE 3-') is not part of the headline");
    article_clear(&a);

    ingest("/t/u10b.txt",
           "Exporte steigen\n\nBerlin (dpa) - Die deutschen Exporte sind im Februar "
           "gestiegen, wie das Statistische Bundesamt am Montag mitteilte.\n",
           &a);
    is_str(a.source, "Deutsche Presse-Agentur",
           "dateline: 'Berlin (dpa) -', a place in title case");
    article_clear(&a);

    ingest("/t/u11.txt",
           "Rates stay on hold\n\nOne member of the Harbour Board's Rates Committee (HBRC) - "
           "Alan Pike - voted for a cut, the minutes showed.\n\n" PROSE2,
           &a);
    ok(a.source == NULL, "dateline: a sentence with a bracketed acronym is no dateline");
    article_clear(&a);
}

static void
test_top_structure(void)
{
    struct article a;

    ingest("/t/s1.txt",
           "Coast\nIsland ferries halted as autumn gales batter the west coast\n"
           "Operators warn that crossings may not resume before the weekend\n\n"
           "By Rosa Lindqvist, Transport Correspondent\n3 March 2021 \xe2\x80\xa2 7:15am\n\n" PROSE1
           "\n" PROSE2,
           &a);
    is_str(a.section, "Coast", "top: section label over the headline");
    is_str(a.title, "Island ferries halted as autumn gales batter the west coast",
           "top: headline with a standfirst directly under it");
    is_str(a.subtitle, "Operators warn that crossings may not resume before the weekend",
           "top: standfirst without a blank line");
    is_str(a.byline, "Rosa Lindqvist", "top: 'By Name, Role'");
    is_str(a.published, "2021-03-03", "top: 'd Month yyyy \xe2\x80\xa2 h:mmpm' date line");
    is_str(date_source_name(a.date_how), "date-line", "top: ... taken as a date line");
    ok(strncmp(a.body, "Operators warn", 14) == 0 && !strstr(a.body, "Lindqvist") &&
           !strstr(a.body, "7:15am") && !has_line(a.body, "Coast"),
       "top: the body starts with the standfirst; section, byline and date removed");
    article_clear(&a);

    ingest("/t/s2.txt",
           "Island ferries halted as gales batter the coast\n"
           "Crossings to the outer islands were called off for a second day.\n\n" PROSE1
           "\n" PROSE2,
           &a);
    is_str(a.title, "Island ferries halted as gales batter the coast", "top: headline");
    is_str(a.subtitle, "Crossings to the outer islands were called off for a second day.",
           "top: a one-sentence standfirst ending in a full stop, no blank line");
    article_clear(&a);

    ingest("/t/s3.txt",
           "Island ferries halted as gales batter the coast\n"
           "Crossings were called off for a second day. Operators blamed the wind. More storms "
           "are due.\n\n" PROSE1,
           &a);
    ok(a.subtitle == NULL,
       "top: a paragraph of several sentences under the headline is no standfirst");
    article_clear(&a);

    ingest("/t/s4.txt",
           "NORTHERN FEEDLOT LETTER \xe2\x80\x94 Weekly Wrap\n"
           "CATTLE FUTURES CLIMB AS EXPORT DEMAND PICKS UP\n"
           "Posted 9:10 AM CST | March 4, 2019\nBy Wes Harlan, Livestock Editor\n\n" PROSE1
           "\n" PROSE2,
           &a);
    is_str(a.title, "CATTLE FUTURES CLIMB AS EXPORT DEMAND PICKS UP",
           "masthead: the headline is the line above the Posted line");
    is_str(a.section, "Weekly Wrap", "masthead: the part after the dash is the section");
    ok(a.source && strcmp(a.source, "NORTHERN FEEDLOT LETTER") == 0,
       "masthead: the part before the dash is the outlet");
    is_str(a.published, "2019-03-04", "masthead: Posted date");
    is_str(a.byline, "Wes Harlan", "masthead: byline");
    ok(!strstr(a.body, "FEEDLOT"), "masthead: not in the body");
    article_clear(&a);

    ingest("/t/s5.txt",
           "Farm incomes fall for a third year\n"
           "Drought and low prices squeeze growers across the plains\n"
           "By Ann Wu\n\n" PROSE1 "\n" PROSE2,
           &a);
    is_str(a.title, "Farm incomes fall for a third year",
           "masthead: a real headline over a standfirst is not a masthead");
    is_str(a.subtitle, "Drought and low prices squeeze growers across the plains",
           "masthead: ... the standfirst stays the standfirst");
    article_clear(&a);

    ingest("/t/s6.txt",
           "\xe5\x8d\x97\xe5\xb2\xb8\xe8\xb4\xa2\xe7\xbb\x8f\n\n" /* 南岸财经 */
           "\xe6\xb8\xaf\xe5\x8f\xa3\xe5\x90\x9e\xe5\x90\x90\xe9\x87\x8f\xe5\x88\x9b\xe4\xb8\x8b"
           "\xe6\x96\xb0\xe9\xab\x98\xe3\x80\x80\xe9\x9b\x86\xe8\xa3\x85\xe7\xae\xb1\xe8\xbf\x90"
           "\xe8\xbe\x93\xe6\x8c\x81\xe7\xbb\xad\xe5\x9b\x9e\xe6\x9a\x96\n\n" /* headline */
           "2023\xe5\xb9\xb4" "05\xe6\x9c\x88" "02\xe6\x97\xa5 10:00\xe3\x80\x80"
           "\xe6\x9d\xa5\xe6\xba\x90"
           "\xef\xbc\x9a\xe5\x8d\x97\xe5\xb2\xb8\xe8\xb4\xa2\xe7\xbb\x8f\xe3\x80\x80\xe8\xae\xb0"
           "\xe8\x80\x85 \xe7\x8e\x8b\xe6\xb5\xb7\n\n" /* date, source, reporter */
           "\xe4\xbb\x8a\xe5\xb9\xb4\xe5\x9b\x9b\xe6\x9c\x88\xef\xbc\x8c\xe6\xb8\xaf\xe5\x8f\xa3"
           "\xe9\x9b\x86\xe8\xa3\x85\xe7\xae\xb1\xe5\x90\x9e\xe5\x90\x90\xe9\x87\x8f\xe5\x90\x8c"
           "\xe6\xaf\x94\xe5\xa2\x9e\xe9\x95\xbf\xe7\x99\xbe\xe5\x88\x86\xe4\xb9\x8b\xe5\x85\xab"
           "\xe3\x80\x82\n",
           &a);
    is_str(a.source, "\xe5\x8d\x97\xe5\xb2\xb8\xe8\xb4\xa2\xe7\xbb\x8f",
           "zh: the outlet's name alone on the first line is the source");
    ok(a.title && strncmp(a.title, "\xe6\xb8\xaf\xe5\x8f\xa3", 6) == 0,
       "zh: the next line is the title");
    is_str(a.published, "2023-05-02", "zh: date line with fields after U+3000");
    is_str(a.byline, "\xe7\x8e\x8b\xe6\xb5\xb7",
           "zh: \xe8\xae\xb0\xe8\x80\x85 field is the byline");
    ok(a.subtitle == NULL, "zh: the date line is not a standfirst");
    article_clear(&a);

    ingest("/t/s6b.txt",
           "Harbour Lantern Observer\n\nIsland ferries halted\n\nBy Rosa Lindqvist\n\n" PROSE1, &a);
    is_str(a.source, "Harbour Lantern Observer",
           "top: an outlet-like name over the headline and its byline");
    is_str(a.title, "Island ferries halted", "top: ... the headline under it");
    article_clear(&a);
    ingest("/t/s6c.txt",
           "Harbour Board Report Delayed\n\nMembers want more time to study the figures\n\n" PROSE1,
           &a);
    ok(a.source == NULL, "top: an outlet-like headline over a standfirst is not a masthead");
    is_str(a.title, "Harbour Board Report Delayed", "top: ... it is the title");
    article_clear(&a);

    ingest("/t/s7.txt",
           "Island ferries halted\n\nBy\nRosa Lindqvist, Transport Correspondent\n\n" PROSE1, &a);
    is_str(a.byline, "Rosa Lindqvist", "byline: 'By' alone, 'Name, role' on the next line");
    ok(!strstr(a.body, "Lindqvist"), "byline: both lines removed from the body");
    article_clear(&a);

    ingest("/t/s8.txt",
           "Island ferries halted\n\nUpdated: 2021-03-03 08:40 | By Rosa Lindqvist in Tromso\n\n"
           PROSE1,
           &a);
    is_str(a.byline, "Rosa Lindqvist", "byline: '| By Name in Place' field of an Updated line");
    is_str(a.published, "2021-03-03", "byline: ... and the Updated date");
    article_clear(&a);

    ingest_freq("/t/s9.txt",
                "Coastal Freight Gazette\nIsland ferries halted\n\n" PROSE1 "\n" PROSE2,
                "Coastal Freight Gazette\n", &a);
    is_str(a.source, "Coastal Freight Gazette", "top: a masthead repeated across the corpus");
    is_str(a.title, "Island ferries halted", "top: ... and the headline under it");
    article_clear(&a);

    ingest_freq("/t/s10.txt", "World\nIsland ferries halted\n\n" PROSE1 "\n" PROSE2, "World\n", &a);
    ok(a.source == NULL, "top: a frequent one-word section label is not an outlet");
    article_clear(&a);
}

static void
test_lang_words(void)
{
    struct article a;
    ingest("/t/zh.txt",
           "\xe4\xb8\xad\xe5\x9b\xbd\xe5\x95\x86\xe5\x8a\xa1\xe9\x83\xa8\xe5\x91\xa8"
           "\xe5\x9b\x9b\xe8\xa1\xa8\xe7\xa4\xba\xef\xbc\x8c\xe8\xb4\xb8\xe6\x98\x93"
           "\xe5\xa2\x9e\xe9\x95\xbf\xe3\x80\x82\n",
           &a);
    is_str(a.lang, "zh", "lang: Han text is zh");
    is_int(a.words, 13, "words: each CJK character counts as one");
    article_clear(&a);
    ingest("/t/ja.txt",
           "\xe6\x97\xa5\xe6\x9c\xac\xe3\x81\xae\xe8\xbc\xb8\xe5\x87\xba\xe3\x81\xaf"
           "\xe5\xa2\x97\xe3\x81\x88\xe3\x81\xbe\xe3\x81\x97\xe3\x81\x9f\xe3\x80\x82\n",
           &a);
    is_str(a.lang, "ja", "lang: kana is ja");
    article_clear(&a);
    ingest("/t/ko.txt",
           "\xed\x95\x9c\xea\xb5\xad \xec\x88\x98\xec\xb6\x9c\xec\x9d\xb4 "
           "\xec\xa6\x9d\xea\xb0\x80\xed\x96\x88\xeb\x8b\xa4.\n",
           &a);
    is_str(a.lang, "ko", "lang: hangul is ko");
    article_clear(&a);
    ingest("/t/fr.txt",
           "Les exportations de la France ont augment\xc3\xa9 en mars, selon les "
           "douanes, et le d\xc3\xa9"
           "ficit est en baisse pour le troisi\xc3\xa8me mois.\n",
           &a);
    is_str(a.lang, "fr", "lang: French stopwords");
    article_clear(&a);
    ingest("/t/de.txt",
           "Die Exporte sind im M\xc3\xa4rz gestiegen, und das Defizit ist nicht mehr "
           "so hoch wie im Vorjahr, sagte der Verband.\n",
           &a);
    is_str(a.lang, "de", "lang: German stopwords");
    article_clear(&a);
    ingest("/t/en.txt",
           "Exports rose in March and the deficit narrowed for the third month, "
           "the customs office said.\n",
           &a);
    is_str(a.lang, "en", "lang: English stopwords");
    is_int(a.words, 16, "words: English words, 'third' and 'month,' counted once");
    article_clear(&a);
    ingest("/t/w.txt",
           "Prices at \xc2\xa3"
           "40m-\xc2\xa3"
           "50m, up 5%, caf\xc3\xa9s said.\n",
           &a);
    is_int(a.words, 7,
           "words: '\xc2\xa3"
           "40m-\xc2\xa3"
           "50m' and 'caf\xc3\xa9s' are one word each");
    article_clear(&a);
}

static void
test_rejects(void)
{
    struct article a;
    struct ds_error err;
    ds_error_clear(&err);
    is_int(ingest_article(NULL, "/t/x.txt", "ab\0cd", 5, &a, &err), -1, "article: binary rejected");
    ok(strstr(err.msg, "binary") != NULL, "article: reason says binary");
    article_clear(&a);
    is_int(ingest_article(NULL, "/t/x.txt", "  \n\n ", 5, &a, &err), -1,
           "article: whitespace rejected");
    ok(strstr(err.msg, "empty") != NULL, "article: reason says empty");
    article_clear(&a);
    is_int(ingest_article(NULL, "/t/x.txt", NULL, 0, &a, &err), -1, "article: no bytes rejected");
    article_clear(&a);
    ok(a.path == NULL && a.body == NULL, "article_clear zeroes the struct");
    is_str(date_source_name(DATE_PUBLISHED_LINE), "published-line", "date_source_name");
    is_str(date_source_name(DATE_NONE), "none", "date_source_name none");

    const char *evil = "Title line here\n\nA \x1b[2J\x1b]52;c;ZXZpbA==\x07 sentence \x9b with "
                       "escapes.\n";
    ingest("/t/e.txt", evil, &a);
    int bad = 0;
    for (const char *p = a.body; p && *p; p++)
        if ((unsigned char)*p < 0x20 && *p != '\n')
            bad++;
    is_int(bad, 0, "article: no control characters reach the body");
    article_clear(&a);
}

static void
test_other_styles(void)
{
    struct article a;
    /* HTML left in a text export */
    ingest("/t/h.txt",
           "<p>Freight rates &amp; fuel costs climb</p>\n\n<p>Rates on the Asia&ndash;Europe "
           "route rose for a fourth week&#8230; still &lt;below&gt; last year&#39;s "
           "peak &#27;[31m.</p><br/><div class=\"ad\">Advertisement</div>\n"
           "Prices fell 2 < 3 and a <b mark stays.\n",
           &a);
    is_str(a.title, "Freight rates & fuel costs climb",
           "html: tags and &amp; removed from the title");
    ok(a.body && strstr(a.body, "Asia\xe2\x80\x93"
                                "Europe route rose for a fourth week\xe2\x80\xa6 still "
                                "<below> last year's peak [31m."),
       "html: entities decoded; a numeric entity for ESC is dropped");
    ok(a.body && !strstr(a.body, "<p>") && !strstr(a.body, "Advertisement") &&
           strstr(a.body, "Prices fell 2 < 3 and a <b mark stays."),
       "html: known tags removed, a lone '<' in prose kept");
    int bad = 0;
    for (const char *p = a.body; p && *p; p++)
        bad += (unsigned char)*p < 0x20 && *p != '\n';
    is_int(bad, 0, "html: no control characters from entities");
    article_clear(&a);

    /* hard-wrapped wire copy: paragraphs rejoined, indented lines start new ones */
    ingest("/t/w.txt",
           "COPPER OUTPUT RISES 4.1 PCT IN MARCH\n\n"
           "    LIMA, April 9 - Peru's copper output rose 4.1 pct in\n"
           "March from a year earlier to 212,000 tonnes, the mines\n"
           "ministry said on Thursday.\n"
           "    Zinc output fell 2.3 pct to 118,000 tonnes, the\n"
           "ministry said.\n"
           " Reuter\n",
           &a);
    is_str(a.title, "COPPER OUTPUT RISES 4.1 PCT IN MARCH", "wire: all-caps headline");
    is_str(a.body,
           "LIMA, April 9 - Peru's copper output rose 4.1 pct in March from a year earlier "
           "to 212,000 tonnes, the mines ministry said on Thursday.\n\nZinc output fell "
           "2.3 pct to 118,000 tonnes, the ministry said.",
           "wire: hard-wrapped lines rejoined into paragraphs");
    is_str(a.source, "Reuters", "wire: 'Reuter' trailer is Reuters");
    article_clear(&a);

    ingest("/t/fr.txt",
           "Les exportations rebondissent\n\nPubli\xc3\xa9 le 3 f\xc3\xa9vrier 2024 "
           "\xc3\xa0 19h06\n\nLes exportations ont rebondi en janvier, selon les douanes.\n",
           &a);
    is_str(a.published, "2024-02-03", "date: French 'Publié le 3 février 2024'");
    article_clear(&a);
    ingest("/t/de.txt",
           "Exporte steigen\n\nVer\xc3\xb6"
           "ffentlicht am 11. M\xc3\xa4rz 2023\n\n"
           "Die Exporte sind im Februar gestiegen.\n",
           &a);
    is_str(a.published, "2023-03-11", "date: German '11. März 2023'");
    article_clear(&a);
    ingest("/t/es.txt",
           "Suben las exportaciones\n\nPublicado el 5 de mayo de 2022\n\n"
           "Las exportaciones subieron en abril.\n",
           &a);
    is_str(a.published, "2022-05-05", "date: Spanish '5 de mayo de 2022'");
    article_clear(&a);

    ingest("/t/ap.txt",
           "Senate passes stopgap bill\n\nBy ANA LIMA and TOM REED Associated Press\n\n"
           "The Senate passed a stopgap spending bill on Thursday.\n",
           &a);
    is_str(a.byline, "ANA LIMA and TOM REED", "byline: trailing outlet name split off");
    is_str(a.source, "Associated Press", "byline: ... and used as the source");
    article_clear(&a);

    ingest("/t/m.md",
           "Mining stocks slide\n\n<p>Par Marie Dupont</p>\n\nLes actions "
           "mini&egrave;res ont chut&eacute; mardi &amp; mercredi, selon les courtiers "
           "de la place.\n",
           &a);
    is_str(a.byline, "Marie Dupont", "markdown: inline HTML removed, French 'Par' byline");
    ok(a.body && strstr(a.body, "mini\xc3\xa8res ont chut\xc3\xa9 mardi & mercredi"),
       "markdown: entities decoded");
    is_str(a.lang, "fr", "lang: a short French paragraph");
    article_clear(&a);
    ingest("/t/wb.txt",
           "Exports jump on strong demand\nWritten by Jane Doe\n17 May 2018\nExports "
           "rose in April from a year earlier, the ministry said.\n",
           &a);
    is_str(a.title, "Exports jump on strong demand", "meta: title directly above metadata lines");
    is_str(a.byline, "Jane Doe", "byline: 'Written by'");
    is_str(a.published, "2018-05-17", "date: date line under the byline");
    is_str(a.body, "Exports rose in April from a year earlier, the ministry said.",
           "meta: body is what is left");
    article_clear(&a);

    ingest("/t/zh2.txt",
           "\xe5\x87\xba\xe5\x8f\xa3\xe5\xa2\x9e\xe9\x95\xbf\n\n"
           "\xe6\x9d\xa5\xe6\xba\x90\xef\xbc\x9a\xe6\x96\xb0\xe5\x8d\x8e\xe7\xa4\xbe\n"
           "2024\xe5\xb9\xb4"
           "9\xe6\x9c\x88"
           "11\xe6\x97\xa5\n\n"
           "\xe5\x87\xba\xe5\x8f\xa3\xe5\xa2\x9e\xe9\x95\xbf\xe4\xba\x86\xe3\x80\x82\n\n"
           "\xe8\xb4\xa3\xe4\xbb\xbb\xe7\xbc\x96\xe8\xbe\x91\xef\xbc\x9a\xe7\x8e\x8b\n",
           &a);
    is_str(a.source, "Xinhua", "zh: 来源： line names the outlet");
    is_str(a.published, "2024-09-11", "zh: 2024年9月11日 date line");
    ok(a.body && !strstr(a.body, "\xe8\xb4\xa3\xe4\xbb\xbb"), "zh: 责任编辑 credit dropped");
    article_clear(&a);
}

/* Is s valid UTF-8 free of C0 (other than those in allow), DEL and C1? */
static int
terminal_safe(const char *s, const char *allow)
{
    if (!s)
        return 1;
    size_t n = strlen(s);
    if (!utf8_valid(s, n))
        return 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        if ((cp < 0x20 && !strchr(allow, (int)cp)) || (cp >= 0x7F && cp <= 0x9F))
            return 0;
    }
    return 1;
}

/* Property: whatever bytes come in, nothing that reaches a field can drive
 * a terminal. Random documents from an alphabet rich in escape material. */
static void
test_random_bytes(void)
{
    ok(!terminal_safe("a\x1b[31mb", "") &&
           !terminal_safe("a\xc2\x9b"
                          "b",
                          "") &&
           terminal_safe("a\nb", "\n"),
       "terminal_safe itself catches ESC and C1 (so the check below can fail)");
    static const char alphabet[] =
        "\x1b\x1b[]\x07\\;0123456789mPX^_{}<>&#x;abcXYZ  \n\n\r\t."
        "\xc2\x9b\x9d\x90\x85\xe2\x80\x8b\xaf\xef\xbb\xbf\xff\xfe\x7f\x01";
    unsigned long long seed = 0x9E3779B97F4A7C15ull;
    int unsafe = 0, failures = 0, rejected = 0;
    for (int doc = 0; doc < 3000; doc++) {
        char bytes[300];
        size_t n = 1 + (size_t)(seed % sizeof bytes);
        for (size_t i = 0; i < n; i++) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            bytes[i] = alphabet[seed % (sizeof alphabet - 1)];
        }
        struct article a;
        struct ds_error err;
        const char *path = doc % 2 ? "/fuzz/doc.md" : "/fuzz/doc.txt";
        if (ingest_article(NULL, path, bytes, n, &a, &err) != 0) {
            rejected++;
            if (!err.msg[0])
                failures++;
        } else {
            const char *fields[] = {a.title,     a.subtitle, a.section, a.source,
                                    a.published, a.byline,   a.lang,    a.encoding};
            for (size_t k = 0; k < DS_ARRAY_LEN(fields); k++)
                unsafe += !terminal_safe(fields[k], "");
            unsafe += !terminal_safe(a.body, "\n") + !terminal_safe(a.raw, "\n") +
                      !terminal_safe(a.removed, "\t\n");
        }
        article_clear(&a);
    }
    is_int(unsafe, 0, "random bytes: every field is valid UTF-8 without controls or escapes");
    is_int(failures, 0, "random bytes: every rejection has a reason");
    diag("random bytes: %d of 3000 documents rejected", rejected);
}

/* Inputs built to be slow for naive scanners: a markdown line of '[' and
 * backticks, unclosed links, endless OSC openers. They must stay linear. No
 * wall-clock limit (machines and valgrind differ): the CPU time for the full
 * input against a quarter of it must grow like 4x, not like 16x (for
 * Markdown, against an eighth: like 8x, not 64x, since cmark's node
 * allocations add a growing heap's page faults to the linear work). */
static double
cpu_seconds_for(const char *path, const char *text, size_t n)
{
    struct article a;
    struct ds_error err;
    clock_t t0 = clock();
    int rc = ingest_article(NULL, path, text, n, &a, &err);
    clock_t t1 = clock();
    article_clear(&a);
    (void)rc;
    return (double)(t1 - t0) / CLOCKS_PER_SEC;
}

/* The least CPU time of three runs: a busy machine only ever adds time, so
 * the minimum is the least disturbed measurement of each size. */
static double
least_cpu_seconds_for(const char *path, const char *text, size_t n)
{
    double best = cpu_seconds_for(path, text, n);
    for (int i = 0; i < 2; i++) {
        double t = cpu_seconds_for(path, text, n);
        if (t < best)
            best = t;
    }
    return best;
}

static void
test_pathological(void)
{
    size_t n = 400000;
    char *big = xmalloc(n + 1);
    for (size_t i = 0; i < n; i++)
        big[i] = i < n / 2 ? '[' : (i % 4 == 0 ? '`' : (i % 4 == 1 ? '(' : 'x'));
    big[n] = '\0';
    struct article a;
    struct ds_error err;
    is_int(ingest_article(NULL, "/t/p.md", big, n, &a, &err), 0,
           "pathological markdown line ingests");
    article_clear(&a);
    /* the quarter keeps the same shape: half '[' then the mixed tail */
    char *quarter = xmalloc(n / 4 + 1);
    for (size_t i = 0; i < n / 4; i++)
        quarter[i] = i < n / 8 ? '[' : (i % 4 == 0 ? '`' : (i % 4 == 1 ? '(' : 'x'));
    quarter[n / 4] = '\0';
    /* the eighth keeps the same shape too */
    for (size_t i = 0; i < n / 8; i++)
        quarter[i] = i < n / 16 ? '[' : (i % 4 == 0 ? '`' : (i % 4 == 1 ? '(' : 'x'));
    double small = least_cpu_seconds_for("/t/p.md", quarter, n / 8);
    double full = least_cpu_seconds_for("/t/p.md", big, n);
    ok(full < 24 * small + 0.05, "pathological markdown grows linearly (%.3f s vs %.3f s for 1/8)",
       full, small);
    for (size_t i = 0; i < n; i++)
        big[i] = "\x1b]<&#["[i % 6];
    memcpy(quarter, big, n / 4);
    small = least_cpu_seconds_for("/t/p.txt", quarter, n / 4);
    full = least_cpu_seconds_for("/t/p.txt", big, n);
    ok(full < 10 * small + 0.05, "pathological escapes and markup grow linearly (%.3f vs %.3f s)",
       full, small);
    free(quarter);
    free(big);
}

/* ---- outlets ------------------------------------------------------------------------ */

static void
write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static char *
make_tmpdir(void)
{
    const char *b = getenv("TOP_BUILDDIR");
    char *base = xasprintf("%s/tests/tmp", b ? b : ".");
    ds_mkdir_p(base, 0755);
    char *tmpl = xasprintf("%s/ingest.XXXXXX", base);
    free(base);
    if (!mkdtemp(tmpl)) {
        free(tmpl);
        return NULL;
    }
    return tmpl;
}

static void
test_outlets(const char *tmp)
{
    static const char *const known[][2] = {
        {"Reuters", "Reuters"}, {"AP", "Associated Press"}, {"AFP", "Agence France-Presse"},
        {"Xinhua News Agency", "Xinhua"}, {"Global Times", "Global Times"},
        {"China Daily", "China Daily"}, {"SCMP", "South China Morning Post"},
        {"Nikkei Asian Review", "Nikkei Asia"}, {"Caixin Global", "Caixin"},
        {"Bloomberg News", "Bloomberg"}, {"FT", "Financial Times"}, {"Economist", "The Economist"},
        {"BBC", "BBC News"}, {"Guardian", "The Guardian"}, {"NYT", "The New York Times"},
        {"WSJ", "The Wall Street Journal"}, {"Washington Post", "The Washington Post"},
        {"Politico", "Politico"}, {"Kyodo", "Kyodo News"}, {"Yonhap News Agency", "Yonhap"},
        {"Straits Times", "The Straits Times"}, {"Bangkok Post", "Bangkok Post"},
        {"Jakarta Post", "The Jakarta Post"}, {"CNA", "Channel NewsAsia"},
        {"Al Jazeera", "Al Jazeera"}, {"DW", "Deutsche Welle"}, {"Le Monde", "Le Monde"},
    };
    int missing = 0;
    for (size_t i = 0; i < DS_ARRAY_LEN(known); i++) {
        const char *got = outlets_match(outlets, known[i][0], strlen(known[i][0]));
        if (!got || strcmp(got, known[i][1]) != 0) {
            diag("outlets.tsv: %s -> %s, want %s", known[i][0], got ? got : "NULL", known[i][1]);
            missing++;
        }
    }
    is_int(missing, 0, "outlets.tsv: the major outlets and their usual aliases");
    is_str(outlets_match(outlets, "THE GUARDIAN.", 13), "The Guardian",
           "outlets: case, The, punctuation");
    is_str(outlets_match(outlets, "Nikkei Asian Review", 19), "Nikkei Asia",
           "outlets: alias to canonical");
    ok(outlets_match(outlets, "Guardian angels", 15) == NULL, "outlets: partial line is no match");

    char *a = xasprintf("%s/assets", tmp), *c = xasprintf("%s/config", tmp);
    mkdir(a, 0755);
    mkdir(c, 0755);
    char *fa = xasprintf("%s/outlets.tsv", a), *fc = xasprintf("%s/outlets.tsv", c);
    write_file(fa, "# test\nHarbour Daily\tHD|The Harbour\nRiver Post\n");
    write_file(fc, "Harbour Times\tThe Harbour\nHarbour Daily\tRP\nRiver Post\tHD\n");
    struct outlets *o = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    is_int(outlets_load(a, c, &o, &err), 0, "outlets: load two files");
    is_str(outlets_match(o, "HD", 2), "River Post", "outlets: the user's file remaps an alias");
    is_str(outlets_match(o, "RP", 2), "Harbour Daily", "outlets: ... even to an earlier outlet");
    is_str(outlets_match(o, "Harbour Daily", 13), "Harbour Daily",
           "outlets: canonical names match");
    is_str(outlets_match(o, "River Post", 10), "River Post", "outlets: name without aliases");
    is_str(outlets_match(o, "The Harbour", 11), "Harbour Times", "outlets: the user's file wins");
    outlets_free(&o);
    ok(o == NULL, "outlets_free clears the pointer");

    write_file(fc, "Good One\tG1\n\tno name here\n");
    is_int(outlets_load(a, c, &o, &err), -1, "outlets: malformed line fails");
    ok(strstr(err.msg, "outlets.tsv:2:") != NULL, "outlets: error names file:line");
    ok(o == NULL, "outlets: nothing returned on failure");
    is_int(outlets_load(NULL, "/nonexistent/dir", &o, &err), 0, "outlets: missing files are fine");
    outlets_free(&o);
    unlink(fa);
    unlink(fc);
    rmdir(a);
    rmdir(c);
    free(a);
    free(c);
    free(fa);
    free(fc);
}

/* ---- walking ------------------------------------------------------------------------ */

struct seen {
    struct buf files;
    struct buf skips;
    int stop_after;
    int nfiles;
};

static int
on_file(const char *path, const struct stat *st, void *ud)
{
    struct seen *s = ud;
    (void)st;
    buf_puts(&s->files, path);
    buf_putc(&s->files, '\n');
    s->nfiles++;
    return s->stop_after && s->nfiles >= s->stop_after ? 7 : 0;
}

static void
on_skip(const char *path, const char *reason, void *ud)
{
    struct seen *s = ud;
    buf_printf(&s->skips, "%s: %s\n", path, reason);
}

static void rm_rf(const char *path);

static void
test_walk(const char *tmp)
{
    char *root = xasprintf("%s/tree", tmp);
    char *p;
#define MK(rel) (p = xasprintf("%s/%s", root, rel), mkdir(p, 0755), free(p))
#define WR(rel) (p = xasprintf("%s/%s", root, rel), write_file(p, "Some text.\n"), free(p))
    mkdir(root, 0755);
    MK("b");
    MK("a");
    MK("a/.hidden");
    MK("a/sub");
    WR("b/z.txt");
    WR("b/a.md");
    WR("b/c.pdf");
    WR("a/.dot.txt");
    WR("a/.hidden/in.txt");
    WR("a/sub/deep.txt");
    WR("top.TXT");
    p = xasprintf("%s/a/sub/loop", root);
    ok(symlink("../..", p) == 0, "walk: made a symlink loop");
    free(p);
    p = xasprintf("%s/b/link.txt", root);
    ok(symlink("z.txt", p) == 0, "walk: made a symlink to a file");
    free(p);

    struct seen s = {BUF_INIT, BUF_INIT, 0, 0};
    const char *roots[1] = {root};
    int rc = ingest_walk(roots, 1, on_file, on_skip, &s);
    is_int(rc, 0, "walk: returns 0");
    char *real = realpath(root, NULL);
    char *want = xasprintf("%s/a/sub/deep.txt\n%s/b/a.md\n%s/b/link.txt\n%s/b/z.txt\n%s/top.TXT\n",
                           real, real, real, real, real);
    is_str(
        buf_str(&s.files), want,
        "walk: sorted, recursive, hidden skipped, no reader ignored, loop ended, links followed");
    free(want);

    /* a folder listed a few names at a time (a folder of a million files
     * holds one batch): the same files in the same order */
    setenv("DOSSIER_TEST_WALK_NAMES", "2", 1);
    buf_reset(&s.files);
    ingest_walk(roots, 1, on_file, on_skip, &s);
    want = xasprintf("%s/a/sub/deep.txt\n%s/b/a.md\n%s/b/link.txt\n%s/b/z.txt\n%s/top.TXT\n",
                     real, real, real, real, real);
    is_str(buf_str(&s.files), want, "walk: two names at a time, the same walk");
    free(want);
    MK("many");
    struct buf many = BUF_INIT;
    for (int i = 29; i >= 0; i--) { /* made in reverse, listed in any order */
        char rel[32];
        snprintf(rel, sizeof rel, "many/f%02d.txt", i);
        WR(rel);
    }
    for (int i = 0; i < 30; i++)
        buf_printf(&many, "%s/many/f%02d.txt\n", real, i);
    const char *many_root[1] = {(p = xasprintf("%s/many", root))};
    buf_reset(&s.files);
    ingest_walk(many_root, 1, on_file, on_skip, &s);
    is_str(buf_str(&s.files), buf_str(&many), "walk: 30 files two at a time, in name order");
    setenv("DOSSIER_TEST_WALK_NAMES", "7", 1);
    buf_reset(&s.files);
    ingest_walk(many_root, 1, on_file, on_skip, &s);
    is_str(buf_str(&s.files), buf_str(&many), "walk: seven at a time, the same");
    unsetenv("DOSSIER_TEST_WALK_NAMES");
    free(p);
    buf_free(&many);
    p = xasprintf("%s/many", root);
    rm_rf(p);
    free(p);

    /* a relative root comes back absolute */
    buf_reset(&s.files);
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd) && chdir(root) == 0) {
        const char *rel[1] = {"b"};
        ingest_walk(rel, 1, on_file, on_skip, &s);
        ok(buf_str(&s.files)[0] == '/', "walk: paths are absolute for a relative root");
        if (chdir(cwd) != 0)
            diag("chdir back failed");
    } else {
        tap_skip(1, "cannot chdir");
    }

    /* stop when on_file says so */
    buf_reset(&s.files);
    s.stop_after = 2;
    s.nfiles = 0;
    is_int(ingest_walk(roots, 1, on_file, on_skip, &s), 7,
           "walk: on_file's non-zero stops the walk");
    is_int(s.nfiles, 2, "walk: ... after that file");
    s.stop_after = 0;

    /* unreadable directory */
    if (geteuid() == 0) {
        tap_skip(2, "running as root: permissions are not enforced");
    } else {
        MK("locked");
        WR("locked/secret.txt");
        p = xasprintf("%s/locked", root);
        chmod(p, 0);
        buf_reset(&s.files);
        buf_reset(&s.skips);
        ingest_walk(roots, 1, on_file, on_skip, &s);
        ok(strstr(buf_str(&s.skips), "locked: unreadable") != NULL,
           "walk: unreadable dir reported");
        ok(!strstr(buf_str(&s.files), "secret.txt"), "walk: ... and not entered");
        chmod(p, 0755);
        free(p);
        WR("locked/secret.txt");
    }

    buf_reset(&s.skips);
    const char *missing[1] = {"/nonexistent/dossier/dir"};
    ingest_walk(missing, 1, on_file, on_skip, &s);
    ok(strstr(buf_str(&s.skips), "/nonexistent/dossier/dir") != NULL,
       "walk: missing root reported");

    buf_free(&s.files);
    buf_free(&s.skips);
    free(real);
    free(root);
#undef MK
#undef WR
}

/* Remove the temporary tree (links are removed, never followed). */
static void
rm_rf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        chmod(path, 0755);
        DIR *d = opendir(path);
        struct dirent *de;
        while (d && (de = readdir(d)) != NULL) {
            if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                continue;
            char *child = xasprintf("%s/%s", path, de->d_name);
            rm_rf(child);
            free(child);
        }
        if (d)
            closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

/* Formats from the bytes, the web page path, ingest_file's one read. */
static void
test_web_formats(void)
{
    struct article a;
    struct ds_error err;
    const char *page = "<!DOCTYPE html><html><head><title>Quarry reopens after a safety survey | "
                       "The Dale Post</title></head><body><article><p>The old quarry above the "
                       "village reopened on Monday after a survey found the rock face stable, "
                       "the parish council said.</p></article></body></html>";
    ok(ingest_article(NULL, "/x/saved.txt", page, strlen(page), &a, &err) == 0,
       "web: an HTML page named .txt is read");
    is_str(a.title, "Quarry reopens after a safety survey", "web: its title is <title> without the site");
    ok(a.body && !strchr(a.body, '<'), "web: no markup left in the body");
    article_clear(&a);

    const char *feed = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>T</title>"
                       "</channel></rss>";
    ok(ingest_article(NULL, "/x/news.txt", feed, strlen(feed), &a, &err) == -1,
       "web: a feed is not read as text");
    ok(strstr(err.msg, "feed") != NULL, "web: ... the reason says feed: %s", err.msg);
    article_clear(&a);
    const char *xml = "<?xml version=\"1.0\"?>\n<config><a>1</a></config>";
    ok(ingest_article(NULL, "/x/c.xml", xml, strlen(xml), &a, &err) == -1 &&
           strstr(err.msg, "neither a page nor a feed"),
       "web: other XML is skipped with a reason: %s", err.msg);
    article_clear(&a);

    /* entities that spell escapes never reach the text or the metadata */
    const char *esc = "<!DOCTYPE html><title>Bells &#7;and &#x1b;[2Jwhistles in the town hall"
                      "</title><p>The town hall bells &#x9b;2Jrang at noon for the first time "
                      "in twenty years, after a long repair.</p>";
    ok(ingest_article(NULL, "/x/e.html", esc, strlen(esc), &a, &err) == 0, "web: escape page read");
    ok(a.title && !strchr(a.title, 0x1b) && !strchr(a.title, 0x07), "web: title holds no control");
    ok(a.body && !strchr(a.body, 0x1b), "web: body holds no escape");
    article_clear(&a);

    /* ingest_file: everything the indexer stores, the raw text recoverable */
    struct ingest_result r;
    const char *txt = "Ferry timetable changes\n\nThe winter timetable starts on Sunday, the "
                      "operator said, with two fewer sailings on weekdays.\n";
    ok(ingest_file(NULL, "/x/t.txt", txt, strlen(txt), &r, &err) == 0, "ingest_file: text read");
    is_str(r.format, "text", "ingest_file: format text");
    ok(r.hash == ds_hash64(txt, strlen(txt)), "ingest_file: hash of the bytes");
    ok(r.nlines >= 2 && r.lines, "ingest_file: line hashes of the text");
    ok(r.a.raw == NULL && r.raw_packed.len > 0, "ingest_file: raw text packed, not kept twice");
    struct buf back = BUF_INIT;
    ok(ingest_raw_unpack(r.raw_packed.data, r.raw_packed.len, r.a.body, strlen(r.a.body),
                         &back) == 0 &&
           strcmp(buf_str(&back), txt) == 0,
       "ingest_file: the packed raw text gives the file back");
    buf_free(&back);
    uint64_t *lines = NULL;
    size_t nl = ingest_file_lines("/x/t.txt", txt, strlen(txt), &lines);
    ok(nl == r.nlines && memcmp(lines, r.lines, nl * sizeof *lines) == 0,
       "ingest_file_lines: the same hashes as ingest_file");
    free(lines);
    ingest_result_clear(&r);

    /* bytes that no charset explains: refused by ingest_file */
    char junk[2000];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof junk; i++) {
        x = x * 1103515245u + 12345u;
        junk[i] = (char)(0x80 | ((x >> 16) & 0x7F));
    }
    ok(ingest_file(NULL, "/x/j.txt", junk, sizeof junk, &r, &err) == -1 &&
           strcmp(err.msg, "unknown encoding") == 0,
       "ingest_file: undetectable bytes are 'unknown encoding': %s", err.msg);
    ingest_result_clear(&r);

    /* UTF-16 without a BOM is text, not binary */
    const char u16[] = "R\0i\0v\0e\0r\0 \0l\0e\0v\0e\0l\0s\0 \0f\0e\0l\0l\0 \0"
                       "a\0g\0a\0i\0n\0.\0\n\0";
    ok(ingest_file(NULL, "/x/u16.txt", u16, sizeof u16 - 1, &r, &err) == 0 && r.a.body &&
           strstr(r.a.body, "River levels fell again.") &&
           strcmp(r.a.encoding, "utf-16le") == 0,
       "ingest_file: UTF-16 without a BOM is read as utf-16le");
    ingest_result_clear(&r);

    /* a GB18030 text file without any declaration: uchardet finds it */
    const char gb[] = "\xc4\xcf\xcd\xe5\xb8\xdb\xbc\xaf\xd7\xb0\xcf\xe4\xcd\xcc\xcd\xc2\xc1\xbf"
                      "\xb4\xb4\xca\xae\xd4\xc2\xd0\xc2\xb8\xdf\xa1\xa3\xb8\xdb\xce\xf1\xbc\xaf"
                      "\xcd\xc5\xb0\xcb\xc8\xd5\xb9\xab\xb2\xbc\xa3\xac\xca\xae\xd4\xc2\xb7\xdd"
                      "\xc8\xab\xb8\xdb\xcd\xea\xb3\xc9\xbc\xaf\xd7\xb0\xcf\xe4\xcd\xcc\xcd\xc2"
                      "\xc1\xbf\xb6\xfe\xb0\xd9\xd2\xbb\xca\xae\xcd\xf2\xb1\xea\xd7\xbc\xcf\xe4"
                      "\xa3\xac\xcd\xac\xb1\xc8\xd4\xf6\xb3\xa4\xb0\xd9\xb7\xd6\xd6\xae\xbe\xc5"
                      "\xa1\xa3\n";
    ok(ingest_file(NULL, "/x/gb.txt", gb, sizeof gb - 1, &r, &err) == 0,
       "ingest_file: undeclared GB18030 text is read");
    ok(r.a.encoding && strcmp(r.a.encoding, "gb18030") == 0, "ingest_file: ... as gb18030 (%s)",
       r.a.encoding ? r.a.encoding : "none");
    ok(r.a.body && strstr(r.a.body, "\xe9\x9b\x86\xe8\xa3\x85\xe7\xae\xb1"),
       "ingest_file: ... and decoded (集装箱 in the body)");
    ingest_result_clear(&r);
}

int
main(void)
{
    char *assets = ds_assets_dir();
    struct ds_error err;
    if (outlets_load(assets, NULL, &outlets, &err) != 0) {
        diag("outlets: %s", err.msg);
        return 1;
    }
    free(assets);

    test_sniff();
    test_decode();
    test_latin1_fixture();
    test_bbc_latin1();
    test_line_hashes();
    test_readers();
    test_markdown_fixture();
    test_cleaning();
    test_captions();
    test_title();
    test_dates();
    test_sources();
    test_unknown_outlets();
    test_top_structure();
    test_lang_words();
    test_rejects();
    test_other_styles();
    test_random_bytes();
    test_pathological();
    test_web_formats();
    char *tmp = make_tmpdir();
    if (tmp) {
        test_outlets(tmp);
        test_walk(tmp);
        rm_rf(tmp);
        free(tmp);
    } else {
        ok(0, "could make a temporary directory: %s", strerror(errno));
    }
    outlets_free(&outlets);
    return done_testing();
}

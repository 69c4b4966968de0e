/*
 * test_rawpack.c — the raw text stored as edits against the cleaned body
 * (ingest/rawpack.c): every raw text comes back byte for byte, whatever
 * cleaning did, and the edits are small when cleaning kept most lines.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/ingest.h"
#include "tap.h"

/* Pack raw against body, unpack, compare. Returns the packed size. */
static size_t
round_trip(const char *raw, size_t raw_len, const char *body, const char *name)
{
    struct buf packed = BUF_INIT, back = BUF_INIT;
    ingest_raw_pack(raw, raw_len, body, strlen(body), &packed);
    int rc = ingest_raw_unpack(packed.data, packed.len, body, strlen(body), &back);
    ok(rc == 0 && back.len == raw_len && memcmp(buf_str(&back), raw, raw_len) == 0,
       "%s: raw text back byte for byte (%zu bytes, packed %zu)", name, raw_len, packed.len);
    ok(back.data && back.data[back.len] == '\0', "%s: unpacked text is a string", name);
    size_t n = packed.len;
    buf_free(&packed);
    buf_free(&back);
    return n;
}

/* Ingest text as a file would be, then round-trip its raw text. */
static size_t
ingest_round_trip(const char *path, const char *bytes, size_t n, const char *name,
                  struct article *a)
{
    struct ds_error err;
    if (ingest_article(NULL, path, bytes, n, a, &err) != 0) {
        ok(0, "%s: ingests: %s", name, err.msg);
        return 0;
    }
    return round_trip(a->raw, strlen(a->raw), a->body, name);
}

static void
test_articles(void)
{
    struct article a;
    /* Nothing removed: plain paragraphs, the text ends without a newline. */
    const char *plain = "Exports of soybeans rose again in March, officials said on Monday.\n"
                        "\n"
                        "Shipments to the region were 4.2 million tonnes, up from 3.9 million a "
                        "year earlier, the ministry said in a statement.\n"
                        "\n"
                        "Traders expect the trend to hold through the harvest.";
    size_t packed = ingest_round_trip("/n/plain.txt", plain, strlen(plain), "nothing removed", &a);
    ok(a.removed && a.removed[0] == '\0', "nothing removed: cleaning dropped no line");
    ok(packed > 0 && packed < 16, "nothing removed: a few bytes (%zu) for %zu bytes of text",
       packed, strlen(a.raw));
    article_clear(&a);

    /* Furniture at the start, in the middle and at the end. */
    const char *furn = "Share this article\n"
                       "Advertisement\n"
                       "Ministers met in Jakarta on Tuesday to discuss the tariff schedule.\n"
                       "\n"
                       "Subscribe to read more\n"
                       "Share this article\n"
                       "The talks will resume next month, a spokesman for the ministry said.\n"
                       "\n"
                       "Sponsored content\n"
                       "Print\n";
    packed = ingest_round_trip("/n/furniture.txt", furn, strlen(furn), "removed start/middle/end",
                               &a);
    ok(a.removed && strncmp(a.removed, "label\tShare this article\n", 25) == 0 &&
           strstr(a.removed, "paywall\tSubscribe") && strstr(a.removed, "\tPrint\n"),
       "removed start/middle/end: cleaning dropped lines there");
    ok(packed < strlen(a.raw) / 2, "removed start/middle/end: packed %zu of %zu bytes", packed,
       strlen(a.raw));
    article_clear(&a);

    /* CRLF line ends and a lone CR. */
    const char *crlf = "Port strike enters second week\r\n\r\nCranes stood idle at the container "
                       "terminal on Monday as talks stalled.\r\n\r\nShare this article\r\n"
                       "Unions said a vote was due\ron Thursday.\r\n";
    ingest_round_trip("/n/crlf.txt", crlf, strlen(crlf), "CRLF input", &a);
    article_clear(&a);

    /* Invalid UTF-8 repaired (and Latin-1 detected): raw is the decoded text. */
    const char bad[] = "Caf\xc3\xa9 owners protest \xff\xfe new levy\n\nThe levy of 3\xe2\x82"
                       " per cup starts in May, the council said after a long debate.\n";
    ingest_round_trip("/n/bad.txt", bad, sizeof bad - 1, "invalid UTF-8", &a);
    ok(a.encoding && strstr(a.encoding, "repaired"), "invalid UTF-8: repaired (%s)",
       a.encoding ? a.encoding : "");
    article_clear(&a);
    const char latin1[] = "Cr\xe8me br\xfbl\xe9\x65 exports rise\n\nProducers in Normandy said "
                          "sales abroad rose by a fifth last year.\n";
    ingest_round_trip("/n/latin1.txt", latin1, sizeof latin1 - 1, "Latin-1 input", &a);
    article_clear(&a);

    /* Markdown: the body is not the raw lines (links, emphasis rewritten). */
    const char *md = "# Harbour cranes idle\n\n*By Mira Okafor*\n\nCranes at the "
                     "[terminal](http://example.com/t) stayed **idle** on Monday.\n\n"
                     "- perishables first\n- then containers\n";
    ingest_round_trip("/n/story.md", md, strlen(md), "markdown", &a);
    article_clear(&a);
}

static void
test_edges(void)
{
    round_trip("", 0, "", "empty raw and body");
    round_trip("", 0, "Some body", "empty raw");
    round_trip("a\n", 2, "", "empty body");
    round_trip("\n\n\n", 3, "\n", "only newlines");
    round_trip("same\ntext", 9, "same\ntext", "raw equals body");
    round_trip("a\nb\n", 4, "b\na", "body lines reordered");
    round_trip("x\nx\nx\n", 6, "x", "a body line repeated in raw");
    round_trip("one\n\n\n\ntwo\n", 11, "one\n\ntwo", "extra blank lines");
    const char nul[] = "before\0after\nend";
    round_trip(nul, sizeof nul - 1, "end", "a NUL byte in raw");

    /* Many lines, some removed, some changed, in a body with extra lines. */
    struct buf raw = BUF_INIT, body = BUF_INIT;
    for (int i = 0; i < 500; i++) {
        buf_printf(&raw, "line %d of the text%s\n", i, i % 7 == 0 ? " (furniture)" : "");
        if (i % 7 != 0)
            buf_printf(&body, "line %d of the text\n%s", i, i % 11 == 0 ? "\n" : "");
        if (i % 13 == 0)
            buf_printf(&body, "an inserted line %d\n", i);
    }
    size_t n = round_trip(raw.data, raw.len, buf_str(&body), "500 lines, edited");
    /* the 72 removed lines are ~2.4 kB of the 11 kB */
    ok(n < raw.len / 3, "500 lines, edited: packed %zu of %zu bytes", n, raw.len);
    buf_free(&raw);
    buf_free(&body);
}

static void
test_damaged(void)
{
    struct buf packed = BUF_INIT, out = BUF_INIT;
    const char *raw = "alpha\nbeta\ngamma\n", *body = "alpha\ngamma";
    ingest_raw_pack(raw, strlen(raw), body, strlen(body), &packed);
    ok(ingest_raw_unpack(packed.data, packed.len, "alpha", 5, &out) == -1,
       "edits that copy more lines than the body has are refused");
    ok(ingest_raw_unpack(packed.data, packed.len - 1, body, strlen(body), &out) == -1 ||
           strcmp(buf_str(&out), raw) != 0,
       "a cut-short pack does not pass for the text");
    ok(ingest_raw_unpack("", 0, body, strlen(body), &out) == -1, "empty pack refused");
    ok(ingest_raw_unpack("\x07", 1, body, strlen(body), &out) == -1, "unknown version refused");
    ok(ingest_raw_unpack("\x01z", 2, body, strlen(body), &out) == -1, "unknown operation refused");
    ok(ingest_raw_unpack("\x01l\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 13, body,
                         strlen(body), &out) == -1,
       "oversized length refused");
    ok(ingest_raw_unpack("\x01" "c\x01\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 12, body,
                         strlen(body), &out) == -1,
       "oversized copy refused");
    buf_free(&packed);
    buf_free(&out);
}

/* A saved web page: its raw text is markup that cleaning removes, so the
 * pack is one long literal, stored deflated (RAWPACK_V2); a short pack is
 * left as it is. A damaged deflated pack is refused like any other. */
static void
test_deflated(void)
{
    struct buf raw = BUF_INIT, packed = BUF_INIT, out = BUF_INIT;
    buf_puts(&raw, "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Port strike</title>\n");
    for (int i = 0; i < 300; i++)
        buf_printf(&raw, "<div class=\"nav-item item-%d\"><a href=\"/section/%d\">Section %d</a>"
                         "</div>\n", i, i % 17, i % 17);
    buf_puts(&raw, "<p>Dockworkers walked out on Monday.</p>\n</body></html>\n");
    const char *body = "Port strike\n\nDockworkers walked out on Monday.";
    size_t n = round_trip(raw.data, raw.len, body, "a web page");
    ingest_raw_pack(raw.data, raw.len, body, strlen(body), &packed);
    ok(packed.len == n && (unsigned char)packed.data[0] == 0x02,
       "a web page: packed deflated (version byte %d)", packed.len ? packed.data[0] : -1);
    ok(n < raw.len / 5, "a web page: packed %zu of %zu bytes", n, raw.len);

    struct buf bad = BUF_INIT;
    buf_append(&bad, packed.data, packed.len);
    bad.data[bad.len / 2] ^= 0x5a;
    ok(ingest_raw_unpack(bad.data, bad.len, body, strlen(body), &out) == -1,
       "a deflated pack with a byte changed is refused");
    ok(ingest_raw_unpack(packed.data, packed.len - 3, body, strlen(body), &out) == -1,
       "a cut-short deflated pack is refused");
    ok(ingest_raw_unpack("\x02\xff\xff\xff\xff\x0f\x78\x01", 8, body, strlen(body), &out) == -1,
       "a deflated pack claiming 4 GB is refused without allocating it");
    buf_reset(&bad);
    buf_putc(&bad, 0x02);
    buf_putc(&bad, 0x05); /* says 5 bytes; the stream holds more */
    size_t stream = 1;
    while (stream < packed.len && (packed.data[stream] & 0x80))
        stream++;
    stream++; /* past the varint's last byte */
    buf_append(&bad, packed.data + stream, packed.len - stream);
    ok(ingest_raw_unpack(bad.data, bad.len, body, strlen(body), &out) == -1,
       "a deflated pack with the wrong length is refused");

    const char *small = "Share this\nPort strike\n\nDockworkers walked out on Monday.";
    ingest_raw_pack(small, strlen(small), body, strlen(body), &packed);
    ok(packed.len > 0 && packed.data[0] == 0x01, "a short pack stays as it is");
    buf_free(&bad);
    buf_free(&raw);
    buf_free(&packed);
    buf_free(&out);
}

int
main(void)
{
    test_articles();
    test_edges();
    test_damaged();
    test_deflated();
    return done_testing();
}

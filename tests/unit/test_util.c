/* Unit tests for util.c and utf8.c. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/containers.h"
#include "dossier/text.h"
#include "dossier/url.h"
#include "dossier/utf8.h"
#include "dossier/util.h"
#include "tap.h"

static void
test_buf(void)
{
    struct buf b = BUF_INIT;
    is_str(buf_str(&b), "", "empty buffer reads as empty string");
    buf_puts(&b, "abc");
    buf_printf(&b, "-%d-", 42);
    buf_putc(&b, 'z');
    is_str(b.data, "abc-42-z", "appends concatenate");
    is_int(b.len, 8, "length excludes NUL");
    for (int i = 0; i < 1000; i++)
        buf_putc(&b, 'x');
    is_int(b.len, 1008, "grows past initial capacity");
    char *s = buf_steal(&b);
    ok(b.data == NULL && b.len == 0, "steal empties the buffer");
    free(s);
    buf_put_json_string(&b, "a\"b\\c\n\x01");
    is_str(b.data, "\"a\\\"b\\\\c\\n\\u0001\"", "JSON escaping");
    buf_free(&b);
    buf_put_json_or_null(&b, NULL);
    buf_putc(&b, ',');
    buf_put_json_or_null(&b, "x\"");
    is_str(b.data, "null,\"x\\\"\"", "JSON string or null");
    buf_free(&b);
}

static void
test_utf8(void)
{
    uint32_t cp;
    is_int(utf8_decode("\xe7\x8e\x8b", 3, &cp), 3, "3-byte sequence length");
    is_int(cp, 0x738B, "decodes 王");
    is_int(utf8_decode("\xc0\xaf", 2, &cp), 1, "overlong is invalid");
    is_int(cp, UTF8_REPLACEMENT, "invalid gives U+FFFD");
    is_int(utf8_decode("\xe7\x8e", 2, &cp), 1, "truncated sequence is invalid");
    is_int(utf8_decode("\xed\xa0\x80", 3, &cp), 1, "surrogate is invalid");
    ok(utf8_valid("héllo 王文涛", strlen("héllo 王文涛")), "valid text");
    ok(!utf8_valid("caf\xe9", 4), "Latin-1 byte is not UTF-8");
    is_int(utf8_width("王文涛", strlen("王文涛")), 6, "CJK is two columns each");
    is_int(utf8_width("e\xcc\x81", 3), 1, "combining acute is zero width");
    is_int(utf8_cp_width(0x1B), -1, "ESC has no width: never drawn");
    size_t cols;
    size_t n = utf8_prefix_for_width("ab王文", strlen("ab王文"), 3, &cols);
    is_int(n, 2, "a wide char that does not fit is left out");
    is_int(cols, 2, "prefix width");
    char out[4];
    is_int(utf8_encode(0x1F600, out), 4, "4-byte encode");
    ok(utf8_is_cjk(0x738B) && utf8_is_cjk(0x30AB) && utf8_is_cjk(0xD55C) && !utf8_is_cjk('a'),
       "CJK classification");
    is_int(utf8_tolower(0xC9), 0xE9, "É lowercases to é");
}

/* The inline fast path of utf8_decode gives what the full decoder gives
 * for every lead byte, every pair of following bytes and every length. */
static void
test_utf8_fast_path(void)
{
    size_t bad = 0;
    for (unsigned a = 0; a < 256; a++)
        for (unsigned b = 0; b < 256; b++)
            for (unsigned c = 0; c < 256; c += (c < 0x70 || c > 0xC8) ? 1 : 7) {
                unsigned char s[3] = {(unsigned char)a, (unsigned char)b, (unsigned char)c};
                for (size_t n = 1; n <= 3; n++) {
                    uint32_t x = 1, y = 2;
                    int lx = utf8_decode((const char *)s, n, &x);
                    int ly = utf8_decode_any((const char *)s, n, &y);
                    bad += lx != ly || x != y;
                }
            }
    is_int((long long)bad, 0, "utf8_decode agrees with utf8_decode_any on all 3-byte inputs");
}

static void
test_misc(void)
{
    ok(ds_hash64("abc", 3) != ds_hash64("abd", 3), "hash differs for different input");
    ok(ds_hash64("abc", 3) == ds_hash64("abc", 3), "hash is stable");
    char s[] = "  padded \n";
    is_str(ds_str_trim(s), "padded", "trim");
    struct ds_error e;
    ds_error_set(&e, 7, "bad %s", "thing");
    is_str(e.msg, "bad thing", "error message");
    is_int(e.pos, 7, "error position");
    setenv("DOSSIER_DB", "/tmp/x.db", 1);
    char *p = ds_db_path(NULL);
    is_str(p, "/tmp/x.db", "DOSSIER_DB wins when no --db");
    free(p);
    p = ds_db_path("/a/b.db");
    is_str(p, "/a/b.db", "--db wins over DOSSIER_DB");
    free(p);
    unsetenv("DOSSIER_DB");
    setenv("XDG_DATA_HOME", "/data", 1);
    p = ds_db_path(NULL);
    is_str(p, "/data/dossier/index.db", "XDG_DATA_HOME default");
    free(p);
}

static void
test_stopwords(void)
{
    ok(text_is_stopword("the", 3), "stop word: the");
    ok(text_is_stopword("The", 3), "stop word in any case: The");
    ok(text_is_stopword("und", 3), "stop word: German und");
    ok(!text_is_stopword("tariff", 6), "content word: tariff");
    ok(!text_is_stopword("US", 2), "US in capitals is the country");
    ok(text_is_stopword("us", 2), "us in lower case is the pronoun");
    ok(text_is_stopword("thesis", 3), "len is honoured: the first 3 bytes of thesis");
    ok(!text_is_stopword("", 0), "empty is no stop word");
    ok(text_is_stopword("Between", 7) && !text_is_stopword("betweens", 8),
       "the longest stop words are found, a longer word is none");
    ok(!text_is_stopword("\xc3\xa9t\xc3\xa9", 5), "non-ASCII words are never stop words");
    /* the list the themes tokenize to know which terms a stop word gives
     * (corpus/themes_model.c): every word of it ASCII lower case, a stop
     * word itself, the list in strcmp order */
    size_t n, bad = 0;
    const char *const *w = text_stopwords(&n);
    for (size_t i = 0; i < n; i++) {
        bad += !text_is_stopword(w[i], strlen(w[i])) || (i && strcmp(w[i - 1], w[i]) >= 0);
        for (const char *c = w[i]; *c; c++)
            bad += (unsigned char)*c >= 0x80 || (*c >= 'A' && *c <= 'Z');
    }
    ok(n > 100 && bad == 0, "text_stopwords: %zu words, ASCII lower case, sorted, each a stop word",
       n);
}

static void
test_strmap(void)
{
    struct strmap m = STRMAP_INIT;
    ok(strmap_find(&m, "x", 1) == NULL, "strmap: empty map finds nothing");
    char key[32];
    bool all_added = true;
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof key, "k%d", i);
        bool added = false;
        strmap_upsert(&m, key, (size_t)n, &added)->value = (uint64_t)i * 3;
        all_added = all_added && added;
    }
    ok(all_added && m.n == 5000, "strmap: 5,000 distinct keys added (%zu)", m.n);
    bool found = true;
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof key, "k%d", i);
        struct strmap_entry *e = strmap_find(&m, key, (size_t)n);
        found = found && e && e->value == (uint64_t)i * 3;
    }
    ok(found, "strmap: every key found with its value after growing");
    bool added = true;
    strmap_upsert(&m, "k42", 3, &added);
    ok(!added && m.n == 5000, "strmap: upsert of a present key adds nothing");
    ok(strmap_find(&m, "k4", 2) && strmap_find(&m, "k4", 2)->value == 12 &&
           !strmap_find(&m, "k5000", 5),
       "strmap: a key's prefix is another key, not a match");
    ok(strcmp(m.e[0].key, "k0") == 0 && strcmp(m.e[4999].key, "k4999") == 0,
       "strmap: entries in insertion order");
    ok(strmap_find(&m, "k12x", 3) && strmap_find(&m, "k12x", 3)->value == 36,
       "strmap: len bounds the key (k12 of k12x)");
    strmap_free(&m);
    ok(m.n == 0 && strmap_find(&m, "k1", 2) == NULL, "strmap: empty after free");
}

static void
test_u64map(void)
{
    struct u64map m = U64MAP_INIT;
    ok(u64map_find(&m, 0) == NULL, "u64map: empty map finds nothing");
    for (uint64_t i = 0; i < 3000; i++)
        *u64map_upsert(&m, i * 0x100000000ULL, NULL) = i + 1;
    bool found = m.n == 3000;
    for (uint64_t i = 0; i < 3000; i++) {
        uint64_t *v = u64map_find(&m, i * 0x100000000ULL);
        found = found && v && *v == i + 1;
    }
    ok(found, "u64map: 3,000 keys (0 among them) found with their values");
    bool added = true;
    *u64map_upsert(&m, 0, &added) += 10;
    ok(!added && *u64map_find(&m, 0) == 11, "u64map: upsert of a present key updates it");
    ok(u64map_find(&m, 1) == NULL, "u64map: an absent key is absent");
    u64map_free(&m);
    ok(m.n == 0 && u64map_find(&m, 0) == NULL, "u64map: empty after free");
}

/* url_normalize: every spelling of one page gives the same form. */
static void
test_url(void)
{
    static const char *const same[][2] = {
        {"HTTP://Example.COM/News/Story.html", "http://example.com/News/Story.html"},
        {"http://example.com:80/a", "http://example.com/a"},
        {"https://example.com:443/a", "https://example.com/a"},
        {"https://example.com:/a", "https://example.com/a"},
        {"http://example.com:8080/a", "http://example.com:8080/a"},
        {"https://example.com:80/a", "https://example.com:80/a"},
        {"http://example.com", "http://example.com/"},
        {"http://example.com/a/b/", "http://example.com/a/b"},
        {"http://example.com/#top", "http://example.com/"},
        {"http://example.com/a#section-2", "http://example.com/a"},
        {"http://example.com/a?utm_source=rss&utm_medium=feed", "http://example.com/a"},
        {"http://example.com/a?id=7&UTM_Campaign=x&fbclid=abc&p=2#c", "http://example.com/a?id=7&p=2"},
        {"http://example.com/a/?gclid=1", "http://example.com/a"},
        {"http://example.com/a?&&id=7&", "http://example.com/a?id=7"},
        {"http://User@Example.com/a", "http://User@example.com/a"},
        {"http://[2001:DB8::1]:80/a", "http://[2001:db8::1]/a"},
        {"http://[2001:db8::1]/a", "http://[2001:db8::1]/a"},
        {"  https://example.com/a  ", "https://example.com/a"},
        {"/relative/path/", "/relative/path/"},
        {"mailto:someone@example.com", "mailto:someone@example.com"},
        {"", ""},
    };
    for (size_t i = 0; i < DS_ARRAY_LEN(same); i++) {
        char *got = url_normalize(same[i][0]);
        is_str(got, same[i][1], same[i][0]);
        char *again = url_normalize(got);
        is_str(again, got, "... and that form is its own form");
        free(again);
        free(got);
    }
    char *n = url_normalize(NULL);
    is_str(n, "", "url_normalize(NULL) is empty");
    free(n);
    char *a = url_normalize("http://example.com/a?utm_term=x&id=1");
    char *b = url_normalize("http://example.com/a?id=2");
    ok(strcmp(a, b) != 0, "a parameter that names the page still tells pages apart");
    free(a);
    free(b);
}

/* span_first_after: the first span ending after a position, by halving. */
static void
test_span_first_after(void)
{
    const struct span v[] = {{0, 10}, {10, 25}, {30, 40}};
    is_int((int)span_first_after(v, 3, 0), 0, "a position in the first span");
    is_int((int)span_first_after(v, 3, 10), 1, "a span's end belongs to the next one");
    is_int((int)span_first_after(v, 3, 27), 2, "a gap: the next span");
    is_int((int)span_first_after(v, 3, 40), 3, "past the last: n");
    is_int((int)span_first_after(v, 0, 5), 0, "no spans: 0");
}

int
main(void)
{
    test_buf();
    test_utf8();
    test_utf8_fast_path();
    test_misc();
    test_stopwords();
    test_strmap();
    test_u64map();
    test_url();
    test_span_first_after();
    return done_testing();
}

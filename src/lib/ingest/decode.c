/*
 * ingest/decode.c — bytes to clean UTF-8: detecting UTF-8 / UTF-16 /
 * Windows-1252, a charset a page declares or uchardet guesses (decoded with
 * iconv),
 * repairing invalid bytes, and
 * normalising line ends, odd spaces, invisible and control characters and
 * terminal escape sequences so article text can never drive a terminal.
 * Also the per-line hashes used to find corpus-wide furniture.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <uchardet.h>

#include "dossier/ingest.h"
#include "dossier/utf8.h"
#include "dossier/util.h"
#include "lib.h"

static bool
has_utf16_bom(const unsigned char *p, size_t n)
{
    return n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF));
}

/* ---- charset conversion -------------------------------------------------------- */

/* Windows-1252 0x80..0x9F; the five undefined bytes map to the C1 controls
 * of the same value, which normalisation then removes. */
static const uint16_t cp1252_hi[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static void
put_cp(struct buf *b, uint32_t cp)
{
    char tmp[4];
    buf_append(b, tmp, (size_t)utf8_encode(cp, tmp));
}

static void
from_cp1252(const unsigned char *p, size_t n, struct buf *out)
{
    buf_reserve(out, n + n / 4);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c < 0x80)
            buf_putc(out, (char)c);
        else if (c < 0xA0)
            put_cp(out, cp1252_hi[c - 0x80]);
        else
            put_cp(out, c);
    }
}

static void
from_utf16(const unsigned char *p, size_t n, bool le, struct buf *out)
{
    buf_reserve(out, n);
    for (size_t i = 2; i + 1 < n; i += 2) {
        uint32_t u = le ? (uint32_t)(p[i] | (p[i + 1] << 8)) : (uint32_t)((p[i] << 8) | p[i + 1]);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
            uint32_t lo = le ? (uint32_t)(p[i + 2] | (p[i + 3] << 8))
                             : (uint32_t)((p[i + 2] << 8) | p[i + 3]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                put_cp(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF)
            u = UTF8_REPLACEMENT;
        put_cp(out, u);
    }
}

/* Repair: valid sequences kept, each invalid byte becomes U+FFFD. */
static void
repair_utf8(const char *s, size_t n, struct buf *out)
{
    buf_reserve(out, n + 16);
    size_t i = 0;
    while (i < n) {
        if ((unsigned char)s[i] < 0x80) {
            buf_putc(out, s[i++]);
            continue;
        }
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (cp == UTF8_REPLACEMENT && k == 1)
            put_cp(out, UTF8_REPLACEMENT);
        else
            buf_append(out, s + i, (size_t)k);
        i += (size_t)k;
    }
}

/* ---- normalisation ------------------------------------------------------------- */

static bool
is_odd_space(uint32_t cp)
{
    return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
           cp == 0x1680;
}

/* Invisible characters removed outright: zero-width, BOM, soft hyphen, and
 * bidi embedding/override/isolate controls (they can reorder what a reader
 * sees on screen without being visible themselves). */
static bool
is_invisible(uint32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           (cp >= 0xFFF9 && cp <= 0xFFFB);
}

/* Skip a terminal escape sequence starting at s[i] == ESC (or at a C1 CSI /
 * OSC code point of byte length k); returns the index after it. Strings
 * (OSC, DCS, SOS, PM, APC) end at BEL or ST; an unterminated one ends at the
 * end of its line so a stray ESC never eats the rest of an article. */
static size_t
skip_escape(const char *s, size_t n, size_t i, int kind)
{
    /* kind: 0 = ESC at i, '[' = C1 CSI already consumed up to i, ']' = C1 string */
    if (kind == 0) {
        i++; /* ESC */
        if (i >= n)
            return i;
        unsigned char c = (unsigned char)s[i];
        if (c == '[') {
            kind = '[';
            i++;
        } else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
            kind = ']';
            i++;
        } else {
            while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] <= 0x2F)
                i++; /* intermediates */
            if (i < n && (unsigned char)s[i] >= 0x30 && (unsigned char)s[i] <= 0x7E)
                i++; /* final */
            return i;
        }
    }
    if (kind == '[') {
        while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] <= 0x3F)
            i++; /* parameters and intermediates */
        if (i < n && (unsigned char)s[i] >= 0x40 && (unsigned char)s[i] <= 0x7E)
            i++; /* final byte */
        return i;
    }
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0x07)
            return i + 1;
        if (c == 0x1B && i + 1 < n && s[i + 1] == '\\')
            return i + 2;
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0x9C)
            return i + 2; /* U+009C ST */
        if (c == '\n' || c == '\r')
            return i;
        i++;
    }
    return i;
}

static void
trim_trailing_spaces(struct buf *out, size_t line_start)
{
    while (out->len > line_start && out->data[out->len - 1] == ' ')
        out->len--;
    if (out->data)
        out->data[out->len] = '\0';
}

/* Normalise valid UTF-8 s into out (appending). */
static void
normalise(const char *s, size_t n, struct buf *out)
{
    buf_reserve(out, n + 1);
    size_t line_start = out->len;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) {
            /* fast path: copy a run of printable ASCII */
            size_t j = i + 1;
            while (j < n && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7F)
                j++;
            buf_append(out, s + i, j - i);
            i = j;
            continue;
        }
        if (c == '\n' || c == '\r') {
            trim_trailing_spaces(out, line_start);
            buf_putc(out, '\n');
            i += (c == '\r' && i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
            line_start = out->len;
            continue;
        }
        if (c == '\t' || c == '\f' || c == '\v') {
            buf_putc(out, c == '\t' ? ' ' : '\n');
            if (c != '\t')
                line_start = out->len;
            i++;
            continue;
        }
        if (c == 0x1B) {
            i = skip_escape(s, n, i, 0);
            continue;
        }
        if (c < 0x80) { /* other C0 controls and DEL */
            i++;
            continue;
        }
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        i += (size_t)k;
        if (cp == 0x9B) {
            i = skip_escape(s, n, i, '[');
        } else if (cp == 0x9D || cp == 0x90 || cp == 0x98 || cp == 0x9E || cp == 0x9F) {
            i = skip_escape(s, n, i, ']');
        } else if (cp >= 0x80 && cp <= 0x9F) {
            /* C1 control: dropped */
        } else if (is_odd_space(cp)) {
            buf_putc(out, ' ');
        } else if (is_invisible(cp)) {
            /* dropped */
        } else if (cp == 0x2028 || cp == 0x2029 || cp == 0x0085) {
            trim_trailing_spaces(out, line_start);
            buf_putc(out, '\n');
            line_start = out->len;
        } else {
            buf_append(out, s + i - (size_t)k, (size_t)k);
        }
    }
    trim_trailing_spaces(out, line_start);
}

/* ---- legacy charsets ------------------------------------------------------------ */

/* Charsets dossier decodes, by the labels pages and uchardet use for them
 * (lower case). name is what `show` prints; iconv_name what glibc's iconv
 * is asked for (a superset where browsers read one: GBK and GB2312 pages
 * as GB18030, Shift_JIS as CP932, EUC-KR as CP949, Latin-1 as
 * Windows-1252, as the WHATWG encoding standard does). */
static const struct charset {
    const char *label, *name, *iconv_name;
} charsets[] = {
    {"utf-8", "utf-8", NULL},
    {"utf8", "utf-8", NULL},
    {"unicode-1-1-utf-8", "utf-8", NULL},
    {"us-ascii", "utf-8", NULL},
    {"ascii", "utf-8", NULL},
    {"windows-1252", "windows-1252", NULL},
    {"iso-8859-1", "windows-1252", NULL},
    {"iso8859-1", "windows-1252", NULL},
    {"latin1", "windows-1252", NULL},
    {"l1", "windows-1252", NULL},
    {"cp1252", "windows-1252", NULL},
    {"x-cp1252", "windows-1252", NULL},
    {"windows-1250", "windows-1250", "WINDOWS-1250"},
    {"windows-1251", "windows-1251", "WINDOWS-1251"},
    {"windows-1253", "windows-1253", "WINDOWS-1253"},
    {"windows-1254", "windows-1254", "WINDOWS-1254"},
    {"windows-1255", "windows-1255", "WINDOWS-1255"},
    {"windows-1256", "windows-1256", "WINDOWS-1256"},
    {"windows-1257", "windows-1257", "WINDOWS-1257"},
    {"windows-1258", "windows-1258", "WINDOWS-1258"},
    {"iso-8859-2", "iso-8859-2", "ISO-8859-2"},
    {"iso-8859-3", "iso-8859-3", "ISO-8859-3"},
    {"iso-8859-4", "iso-8859-4", "ISO-8859-4"},
    {"iso-8859-5", "iso-8859-5", "ISO-8859-5"},
    {"iso-8859-6", "iso-8859-6", "ISO-8859-6"},
    {"iso-8859-7", "iso-8859-7", "ISO-8859-7"},
    {"iso-8859-8", "iso-8859-8", "ISO-8859-8"},
    {"iso-8859-9", "iso-8859-9", "ISO-8859-9"},
    {"iso-8859-10", "iso-8859-10", "ISO-8859-10"},
    {"iso-8859-13", "iso-8859-13", "ISO-8859-13"},
    {"iso-8859-15", "iso-8859-15", "ISO-8859-15"},
    {"iso-8859-16", "iso-8859-16", "ISO-8859-16"},
    {"koi8-r", "koi8-r", "KOI8-R"},
    {"koi8-u", "koi8-u", "KOI8-U"},
    {"ibm866", "ibm866", "CP866"},
    {"windows-874", "windows-874", "CP874"},
    {"tis-620", "windows-874", "CP874"},
    {"gb18030", "gb18030", "GB18030"},
    {"gbk", "gb18030", "GB18030"},
    {"gb2312", "gb18030", "GB18030"},
    {"x-gbk", "gb18030", "GB18030"},
    {"cp936", "gb18030", "GB18030"},
    {"big5", "big5", "BIG5-HKSCS"},
    {"big5-hkscs", "big5", "BIG5-HKSCS"},
    {"x-euc-tw", "euc-tw", "EUC-TW"},
    {"euc-tw", "euc-tw", "EUC-TW"},
    {"shift_jis", "shift_jis", "CP932"},
    {"shift-jis", "shift_jis", "CP932"},
    {"sjis", "shift_jis", "CP932"},
    {"x-sjis", "shift_jis", "CP932"},
    {"windows-31j", "shift_jis", "CP932"},
    {"cp932", "shift_jis", "CP932"},
    {"euc-jp", "euc-jp", "EUC-JP"},
    {"x-euc-jp", "euc-jp", "EUC-JP"},
    {"iso-2022-jp", "iso-2022-jp", "ISO-2022-JP"},
    {"euc-kr", "euc-kr", "CP949"},
    {"ks_c_5601-1987", "euc-kr", "CP949"},
    {"cp949", "euc-kr", "CP949"},
    {"windows-949", "euc-kr", "CP949"},
    {"iso-2022-kr", "iso-2022-kr", "ISO-2022-KR"},
    {"mac-cyrillic", "x-mac-cyrillic", "MAC-CYRILLIC"},
    {"x-mac-cyrillic", "x-mac-cyrillic", "MAC-CYRILLIC"},
    {"utf-16le", "utf-16le", "UTF-16LE"},
    {"utf-16be", "utf-16be", "UTF-16BE"},
};

static const struct charset *
charset_find(const char *label, size_t n)
{
    while (n && (*label == ' ' || *label == '"' || *label == '\'')) {
        label++;
        n--;
    }
    while (n && (label[n - 1] == ' ' || label[n - 1] == '"' || label[n - 1] == '\''))
        n--;
    for (size_t i = 0; i < DS_ARRAY_LEN(charsets); i++)
        if (ing_ieq(label, n, charsets[i].label))
            return &charsets[i];
    return NULL;
}

/* The value after "charset=" or "encoding=" at s (quoted or not). */
static size_t
attr_value(const char *s, size_t n, const char **v)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '='))
        i++;
    char q = i < n && (s[i] == '"' || s[i] == '\'') ? s[i++] : 0;
    *v = s + i;
    size_t j = i;
    while (j < n && j - i < 40 && s[j] != q && s[j] != '>' && s[j] != ';' &&
           (q || (s[j] != ' ' && s[j] != '/' && s[j] != '"' && s[j] != '\'')))
        j++;
    return j - i;
}

/* The charset a page or feed declares in its first 4 KiB: <meta charset>,
 * <meta http-equiv content="...; charset=X">, or the XML declaration's
 * encoding. NULL when it declares none dossier knows. */
static const struct charset *
declared_charset(const char *s, size_t n)
{
    size_t lim = DS_MIN(n, (size_t)4096);
    if (lim > 5 && memcmp(s, "<?xml", 5) == 0) {
        const char *end = memchr(s, '>', lim);
        const char *e = ing_ifind(s, end ? (size_t)(end - s) : lim, "encoding");
        if (e) {
            const char *v;
            size_t vl = attr_value(e + 8, lim - (size_t)(e + 8 - s), &v);
            return charset_find(v, vl);
        }
    }
    for (const char *p = s; (p = ing_ifind(p, lim - (size_t)(p - s), "charset")) != NULL;) {
        p += 7;
        const char *v;
        size_t vl = attr_value(p, lim - (size_t)(p - s), &v);
        const struct charset *cs = charset_find(v, vl);
        if (cs)
            return cs;
    }
    return NULL;
}

/* What uchardet makes of the bytes, or NULL when it does not know (or
 * names a charset dossier does not read). */
static const struct charset *
guessed_charset(const char *s, size_t n)
{
    uchardet_t ud = uchardet_new();
    if (!ud)
        return NULL;
    const struct charset *cs = NULL;
    if (uchardet_handle_data(ud, s, DS_MIN(n, (size_t)1 << 20)) == 0) {
        uchardet_data_end(ud);
        const char *name = uchardet_get_charset(ud);
        if (name && *name)
            cs = charset_find(name, strlen(name));
    }
    uchardet_delete(ud);
    return cs;
}

/* Convert s from cs to UTF-8 with iconv into out; an invalid or
 * incomplete sequence becomes U+FFFD (one byte skipped). Returns the number
 * of such bytes, or (size_t)-1 when iconv does not know the charset. */
static size_t
via_iconv(const struct charset *cs, const char *s, size_t n, struct buf *out)
{
    iconv_t cd = iconv_open("UTF-8", cs->iconv_name);
    if (cd == (iconv_t)-1)
        return (size_t)-1;
    size_t bad = 0;
    char *in = (char *)(uintptr_t)s;
    size_t inleft = n;
    while (inleft) {
        buf_reserve(out, inleft * 2 + 16);
        char *o = out->data + out->len;
        size_t oleft = out->cap - out->len - 1;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        out->len = (size_t)(o - out->data);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG)
            continue;
        /* EILSEQ or EINVAL: one byte is not text in this charset */
        put_cp(out, UTF8_REPLACEMENT);
        bad++;
        in++;
        inleft--;
    }
    out->data[out->len] = '\0';
    iconv_close(cd);
    return bad;
}

/* The share of bytes a legacy decoding may find invalid and still be the
 * right guess (a stray byte in a long page). */
static bool
few_bad(size_t bad, size_t n)
{
    return bad * 100 <= n + 100;
}

/* Decide how to decode bytes that are not valid UTF-8 (no BOM), into tmp.
 * Returns the charset's name, or NULL when it cannot tell (strict) */
static const char *
decode_legacy(const char *src, size_t len, bool markup, bool strict, struct buf *tmp)
{
    const struct charset *cs = markup ? declared_charset(src, len) : NULL;
    if (!cs || strcmp(cs->name, "utf-8") == 0) {
        if (cs) { /* declared UTF-8 but is not: repaired, as a browser shows it */
            repair_utf8(src, len, tmp);
            return "utf-8 (repaired)";
        }
        cs = guessed_charset(src, len);
    }
    if (cs && strcmp(cs->name, "utf-8") != 0) {
        if (!cs->iconv_name) {
            from_cp1252((const unsigned char *)src, len, tmp);
            return cs->name;
        }
        size_t bad = via_iconv(cs, src, len, tmp);
        if (bad != (size_t)-1 && few_bad(bad, len))
            return cs->name;
        buf_reset(tmp);
    }
    /* Count well-formed multibyte sequences against stray high bytes:
     * Latin-1/cp1252 text has (almost) none of the former. */
    size_t multi = 0, bad = 0, high = 0;
    for (size_t i = 0; i < len;) {
        if ((unsigned char)src[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        int k = utf8_decode(src + i, len - i, &cp);
        if (k > 1)
            multi++;
        else
            bad++;
        high += (size_t)k;
        i += (size_t)k;
    }
    if (multi && bad <= multi * 4) {
        repair_utf8(src, len, tmp);
        return "utf-8 (repaired)";
    }
    /* Western text with a few accented letters: Windows-1252. Text that is
     * mostly high bytes nobody recognised would be mojibake. */
    if (strict && high * 5 > len)
        return NULL;
    from_cp1252((const unsigned char *)src, len, tmp);
    return "windows-1252";
}

/* See lib.h. */
int
ing_decode(const char *bytes, size_t n, enum ing_format fmt, bool strict, struct buf *out,
           const char **encoding)
{
    if (!bytes) {
        bytes = "";
        n = 0;
    }
    const unsigned char *p = (const unsigned char *)bytes;
    const char *enc = "utf-8";
    struct buf tmp = BUF_INIT;
    const char *src = bytes;
    size_t len = n;

    if (has_utf16_bom(p, n)) {
        bool le = p[0] == 0xFF;
        from_utf16(p, n, le, &tmp);
        enc = le ? "utf-16le" : "utf-16be";
        src = tmp.data ? tmp.data : "";
        len = tmp.len;
    } else {
        if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
            src += 3;
            len -= 3;
        }
        /* skip the plain-ASCII prefix cheaply; validate from the first high byte */
        size_t ascii = 0;
        while (ascii + 8 <= len) {
            uint64_t v;
            memcpy(&v, src + ascii, 8);
            if (v & 0x8080808080808080ull)
                break;
            ascii += 8;
        }
        if (!utf8_valid(src + ascii, len - ascii)) {
            bool markup = fmt == FMT_HTML || fmt == FMT_FEED || fmt == FMT_XML;
            enc = decode_legacy(src, len, markup, strict, &tmp);
            if (!enc) {
                buf_free(&tmp);
                if (encoding)
                    *encoding = NULL;
                return -1;
            }
            src = tmp.data ? tmp.data : "";
            len = tmp.len;
        }
    }
    normalise(src, len, out);
    if (!out->data)
        buf_append(out, "", 0);
    buf_free(&tmp);
    if (encoding)
        *encoding = enc;
    return 0;
}

/* See ingest.h: never fails (text no charset explains is Windows-1252). */
void
ingest_decode(const char *bytes, size_t n, struct buf *out, const char **encoding)
{
    ing_decode(bytes, n, FMT_TEXT, false, out, encoding);
}

/* ---- line hashes --------------------------------------------------------------- */

/* See ingest/lib.h. Only letters, digits and non-ASCII characters
 * count, lower-cased, with one space between words; markup ("<p>", "**",
 * "## ", "[text](url)") is skipped, so a line hashes the same before and
 * after a reader strips its syntax. */
bool
ing_line_hash(const char *s, size_t n, uint64_t *h)
{
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    if (n == 0 || n > INGEST_FURNITURE_MAX)
        return false;
    char tmp[INGEST_FURNITURE_MAX];
    size_t m = 0;
    bool sep = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '<') {
            const char *gt = memchr(s + i, '>', n - i);
            if (gt) {
                i = (size_t)(gt - s);
                sep = true;
                continue;
            }
        }
        if (c == ']' && i + 1 < n && s[i + 1] == '(') {
            const char *cl = memchr(s + i, ')', n - i);
            if (cl) {
                i = (size_t)(cl - s);
                sep = true;
                continue;
            }
        }
        bool word =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
        if (!word) {
            sep = true;
            continue;
        }
        if (sep && m)
            tmp[m++] = ' ';
        sep = false;
        tmp[m++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
    }
    if (m == 0)
        return false;
    *h = ds_hash64(tmp, m);
    return true;
}

static int
cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* See ingest.h: distinct hashes, sorted ascending; *out is malloc'd (NULL
 * when there are none) and owned by the caller. */
size_t
ingest_line_hashes(const char *text, size_t n, uint64_t **out)
{
    size_t cap = 0, cnt = 0;
    uint64_t *v = NULL;
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        uint64_t h;
        if (ing_line_hash(text + i, e - i, &h)) {
            if (cnt == cap) {
                cap = cap ? cap * 2 : 32;
                v = xrealloc(v, cap * sizeof *v);
            }
            v[cnt++] = h;
        }
        i = e + 1;
    }
    if (cnt > 1) {
        qsort(v, cnt, sizeof *v, cmp_u64);
        size_t w = 1;
        for (size_t k = 1; k < cnt; k++)
            if (v[k] != v[w - 1])
                v[w++] = v[k];
        cnt = w;
    }
    *out = v;
    return cnt;
}

/*
 * ingest/mail.c — an e-mail saved whole by a mail client (.eml: RFC 5322
 * headers, MIME parts). A newsletter kept this way has its headline in the
 * Subject, its date in Date and its outlet in From, but the text sits in a
 * part that is quoted-printable or base64 and often only HTML; read as
 * plain text it would be transfer encoding and markup. Here the headers go
 * to the stated metadata (encoded words decoded), the plain-text part (else
 * the HTML part, through the page reader) becomes the article's text.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/ingest.h"
#include "dossier/util.h"
#include "lib.h"

#define MAIL_DEPTH 4          /* multipart nesting looked into */
#define MAIL_HEADER_MAX 65536 /* bytes of headers: Received chains are long */

/* ---- headers ----------------------------------------------------------------------- */

/* Length of a header field's name at s (printable ASCII but ':' and space,
 * then ':'), or 0. */
static size_t
field_name(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 78 && s[i] > ' ' && s[i] < 0x7F && s[i] != ':')
        i++;
    return i > 0 && i < n && s[i] == ':' ? i : 0;
}

/* The end of the header section at s (the index after its blank line), or 0
 * when s does not open with header fields and their continuation lines. */
static size_t
headers_end(const char *s, size_t n)
{
    size_t i = 0, lines = 0;
    while (i < n && i < MAIL_HEADER_MAX) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n, le = e;
        if (le > i && s[le - 1] == '\r')
            le--;
        if (le == i)
            return lines ? (nl ? e + 1 : n) : 0;
        bool cont = s[i] == ' ' || s[i] == '\t';
        if ((cont && !lines) || (!cont && !field_name(s + i, le - i)))
            return 0;
        lines++;
        i = nl ? e + 1 : n;
    }
    return 0;
}

/* The next field of the header section s[*i, end): its name and its value
 * unfolded into val (cleared first). false at the end. */
static bool
next_field(const char *s, size_t end, size_t *i, const char **name, size_t *nl, struct buf *val)
{
    val->len = 0;
    if (*i >= end)
        return false;
    size_t p = *i, k = field_name(s + p, end - p);
    if (!k)
        return false;
    *name = s + p;
    *nl = k;
    p += k + 1;
    for (bool first = true;; first = false) {
        const char *eol = memchr(s + p, '\n', end - p);
        size_t e = eol ? (size_t)(eol - s) : end, le = e;
        if (le > p && s[le - 1] == '\r')
            le--;
        while (p < le && (s[p] == ' ' || s[p] == '\t'))
            p++;
        if (!first && p < le)
            buf_putc(val, ' ');
        buf_append(val, s + p, le - p);
        p = eol ? e + 1 : end;
        if (p >= end || (s[p] != ' ' && s[p] != '\t'))
            break;
    }
    buf_putc(val, '\0');
    val->len--;
    *i = p;
    return true;
}

/* ---- transfer encodings --------------------------------------------------------------- */

static int
hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)toupper((unsigned char)c);
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Quoted-printable (RFC 2045) into out; in a header's Q encoding ('q')
 * '_' is a space and there are no soft line breaks. */
static void
unquote_printable(const char *s, size_t n, bool q, struct buf *out)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '=') {
            if (i + 1 < n && s[i + 1] == '\n') { /* soft line break */
                i++;
                continue;
            }
            if (i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n') {
                i += 2;
                continue;
            }
            int hi = i + 1 < n ? hexval(s[i + 1]) : -1, lo = i + 2 < n ? hexval(s[i + 2]) : -1;
            if (hi >= 0 && lo >= 0) {
                buf_putc(out, (char)(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        buf_putc(out, q && s[i] == '_' ? ' ' : s[i]);
    }
}

static int
b64val(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* Base64 into out; line breaks and other stray characters are skipped. */
static void
unbase64(const char *s, size_t n, struct buf *out)
{
    unsigned acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n && s[i] != '='; i++) {
        int v = b64val(s[i]);
        if (v < 0)
            continue;
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            buf_putc(out, (char)((acc >> bits) & 0xFF));
        }
    }
}

/* A header value with its RFC 2047 encoded words ("=?UTF-8?Q?...?=",
 * "=?utf-8?B?...?=") decoded, the space between two of them dropped; the
 * result is clean UTF-8. Newly allocated. */
static char *
decode_words(const char *s)
{
    struct buf raw = BUF_INIT, out = BUF_INIT;
    size_t n = strlen(s), i = 0, after_word = (size_t)-1;
    while (i < n) {
        const char *q1 = s[i] == '=' && i + 1 < n && s[i + 1] == '?' ? memchr(s + i + 2, '?', n - i - 2) : NULL;
        const char *q2 = q1 && q1 + 2 < s + n && q1[2] == '?' ? q1 + 2 : NULL;
        const char *end = q2 ? strstr(q2 + 1, "?=") : NULL;
        if (end) {
            char enc = (char)tolower((unsigned char)q1[1]);
            if (after_word != (size_t)-1) /* only spaces since the last word */
                raw.len = after_word;
            if (enc == 'b')
                unbase64(q2 + 1, (size_t)(end - q2 - 1), &raw);
            else
                unquote_printable(q2 + 1, (size_t)(end - q2 - 1), true, &raw);
            after_word = raw.len;
            i = (size_t)(end - s) + 2;
            continue;
        }
        if (s[i] != ' ' && s[i] != '\t')
            after_word = (size_t)-1;
        buf_putc(&raw, s[i++]);
    }
    const char *enc;
    ingest_decode(buf_str(&raw), raw.len, &out, &enc);
    buf_free(&raw);
    return buf_steal(&out);
}

/* ---- parts ------------------------------------------------------------------------------ */

/* What a part's headers say about it. */
struct part_type {
    char media[48];    /* "text/plain", "multipart/alternative", ... */
    char boundary[80]; /* a multipart's boundary */
    char encoding[24]; /* "quoted-printable", "base64", "8bit", ... */
    bool attachment;   /* Content-Disposition: attachment (a file, not the text) */
};

/* Parameter param ("boundary") of a Content-Type value into out. */
static void
type_param(const char *v, const char *param, char *out, size_t cap)
{
    size_t pl = strlen(param);
    for (const char *p = v; (p = strchr(p, ';')) != NULL;) {
        p++;
        while (*p == ' ' || *p == '\t')
            p++;
        if (!ing_istarts(p, strlen(p), param) || p[pl] != '=')
            continue;
        p += pl + 1;
        bool quoted = *p == '"';
        p += quoted;
        size_t w = 0;
        while (*p && w + 1 < cap && (quoted ? *p != '"' : (*p != ';' && *p != ' ')))
            out[w++] = *p++;
        out[w] = '\0';
        return;
    }
}

/* Copy the first word of v (lower case, up to ';' or a space) into out. */
static void
lower_word(const char *v, char *out, size_t cap)
{
    size_t w = 0;
    while (*v == ' ')
        v++;
    while (*v && *v != ';' && *v != ' ' && w + 1 < cap)
        out[w++] = (char)tolower((unsigned char)*v++);
    out[w] = '\0';
}

/* The type of the part whose headers are s[0, end). */
static void
read_part_type(const char *s, size_t end, struct part_type *t)
{
    memset(t, 0, sizeof *t);
    struct buf v = BUF_INIT;
    const char *name;
    size_t nl, i = 0;
    while (next_field(s, end, &i, &name, &nl, &v)) {
        if (ing_ieq(name, nl, "content-type")) {
            lower_word(v.data, t->media, sizeof t->media);
            type_param(v.data, "boundary", t->boundary, sizeof t->boundary);
        } else if (ing_ieq(name, nl, "content-transfer-encoding")) {
            lower_word(v.data, t->encoding, sizeof t->encoding);
        } else if (ing_ieq(name, nl, "content-disposition")) {
            t->attachment = ing_istarts(v.data, v.len, "attachment");
        }
    }
    buf_free(&v);
    if (!t->media[0])
        strcpy(t->media, "text/plain");
}

/* The text part chosen so far: plain text wins over HTML. */
struct chosen {
    const char *body;
    size_t n;
    struct part_type type;
    bool html;
};

static void choose_part(const char *s, size_t n, int depth, struct chosen *c);

/* Each part of a multipart body s[0, n) separated by "--boundary" lines. */
static void
choose_in_multipart(const char *s, size_t n, const char *boundary, int depth, struct chosen *c)
{
    char delim[84];
    int dl = snprintf(delim, sizeof delim, "--%s", boundary);
    if (dl <= 2 || (size_t)dl >= sizeof delim)
        return;
    const char *p = s, *end = s + n, *start = NULL;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *le = eol ? eol : end;
        bool is_delim = (size_t)(le - p) >= (size_t)dl && memcmp(p, delim, (size_t)dl) == 0;
        if (is_delim) {
            if (start)
                choose_part(start, (size_t)(p - start), depth + 1, c);
            if (le - p >= dl + 2 && p[dl] == '-' && p[dl + 1] == '-')
                return; /* the closing delimiter */
            start = eol ? eol + 1 : end;
        }
        p = eol ? eol + 1 : end;
    }
}

/* Look at the part s[0, n) (its headers, a blank line, its body). */
static void
choose_part(const char *s, size_t n, int depth, struct chosen *c)
{
    size_t he = headers_end(s, n);
    struct part_type t;
    read_part_type(s, he, &t);
    const char *body = s + he;
    size_t bn = n - he;
    if (strncmp(t.media, "multipart/", 10) == 0) {
        if (depth < MAIL_DEPTH && t.boundary[0])
            choose_in_multipart(body, bn, t.boundary, depth, c);
        return;
    }
    if (t.attachment)
        return;
    bool plain = strcmp(t.media, "text/plain") == 0, html = strcmp(t.media, "text/html") == 0;
    if ((plain && (!c->body || c->html)) || (html && !c->body)) {
        c->body = body;
        c->n = bn;
        c->type = t;
        c->html = html;
    }
}

/* ---- the message ------------------------------------------------------------------------- */

/* Is the header section s[0, end) a message's: From and Subject or Date,
 * and a field only a mail system writes (a plain "save as text" of From,
 * Date and Subject is the header block's, headerblock.c)? */
static bool
is_message(const char *s, size_t end)
{
    static const char *const mail_only[] = {"received",     "return-path", "mime-version",
                                            "message-id",   "dkim-signature", "delivered-to",
                                            "content-type", "x-mailer"};
    bool from = false, subject = false, system = false;
    struct buf v = BUF_INIT;
    const char *name;
    size_t nl, i = 0;
    while (next_field(s, end, &i, &name, &nl, &v)) {
        from |= ing_ieq(name, nl, "from");
        subject |= ing_ieq(name, nl, "subject") || ing_ieq(name, nl, "date");
        system |= ing_ieq_any(name, nl, mail_only, DS_ARRAY_LEN(mail_only));
    }
    buf_free(&v);
    return from && subject && system;
}

/* From, Date and Subject into the stated metadata (and the removed lines). */
static void
take_headers(const char *s, size_t end, struct ing_page *pg)
{
    struct buf v = BUF_INIT;
    const char *name;
    size_t nl, i = 0;
    while (next_field(s, end, &i, &name, &nl, &v)) {
        if (!ing_ieq(name, nl, "from") && !ing_ieq(name, nl, "date") && !ing_ieq(name, nl, "subject"))
            continue;
        char *val = decode_words(v.data);
        ing_meta_set(&pg->meta, name, nl, val, strlen(val));
        buf_printf(&pg->removed, "header\t%.*s: %s\n", (int)nl, name, val);
        free(val);
    }
    buf_free(&v);
}

/* The chosen part's body, its transfer encoding undone, as clean UTF-8. */
static void
decode_body(const struct chosen *c, struct buf *out)
{
    struct buf raw = BUF_INIT;
    if (strcmp(c->type.encoding, "quoted-printable") == 0)
        unquote_printable(c->body, c->n, false, &raw);
    else if (strcmp(c->type.encoding, "base64") == 0)
        unbase64(c->body, c->n, &raw);
    else
        buf_append(&raw, c->body, c->n);
    const char *enc;
    ingest_decode(buf_str(&raw), raw.len, out, &enc);
    buf_free(&raw);
}

/* See lib.h. */
bool
ing_read_mail(const char *text, size_t n, struct ing_page *pg, int *rc, struct ds_error *err)
{
    size_t he = headers_end(text, n);
    if (!he || !is_message(text, he))
        return false;
    pg->meta.date_how = DATE_HEADER;
    take_headers(text, he, pg);
    struct chosen c = {0};
    choose_part(text, n, 0, &c);
    if (!c.body) {
        ds_error_set(err, -1, "not an article: an e-mail without a text part");
        *rc = -1;
        return true;
    }
    struct buf body = BUF_INIT;
    decode_body(&c, &body);
    if (c.html)
        *rc = ing_read_html(buf_str(&body), body.len, pg, err);
    else
        *rc = ingest_read_text(buf_str(&body), body.len, &pg->text, err);
    buf_free(&body);
    return true;
}

/*
 * ingest/headerblock.c — metadata a file states outright, and the plain
 * text header block.
 *
 * Scrapers and read-later tools export an article as "Key: value" lines on
 * top of its text ("Title: …", "Source: … | Date: …"). Those lines are
 * metadata, not text: they are read into struct ing_meta and taken out of
 * the body (recorded as removed lines with the reason "header"), so none of
 * them can turn up as the headline or a standfirst. The keys and their
 * synonyms are shared with front matter (frontmatter.c) and feeds (feed.c):
 * ing_meta_set() is the one table.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/util.h"
#include "lib.h"

enum meta_field {
    MF_TITLE,
    MF_DATE,
    MF_AUTHOR,
    MF_SOURCE,
    MF_URL,
    MF_SECTION,
    MF_TAGS,
    MF_SUMMARY,
    MF_FROM, /* "From:"/"Saved from:": a URL, or an e-mail's sender */
    MF_SKIP, /* "Saved:"/"Accessed:": the copy's own date, not the article's */
    MF_VIA,  /* "via:": the outlet a clipping came through, when no "source:" says */
};

/* Keys, lower case, with spaces, '-' and '_' removed before comparing. */
static const struct {
    const char *key;
    enum meta_field field;
} meta_keys[] = {
    {"title", MF_TITLE},         {"headline", MF_TITLE},       {"date", MF_DATE},
    {"published", MF_DATE},      {"pubdate", MF_DATE},         {"publishdate", MF_DATE},
    {"publishedat", MF_DATE},    {"datepublished", MF_DATE},   {"publicationdate", MF_DATE},
    {"datecreated", MF_DATE},    {"publisheddate", MF_DATE},   {"pubdatetime", MF_DATE},
    {"author", MF_AUTHOR},       {"authors", MF_AUTHOR},       {"writer", MF_AUTHOR},
    {"writers", MF_AUTHOR},      {"sourcename", MF_SOURCE},    {"publishername", MF_SOURCE},
    {"by", MF_AUTHOR},           {"byline", MF_AUTHOR},        {"creator", MF_AUTHOR},
    {"source", MF_SOURCE},       {"outlet", MF_SOURCE},        {"publisher", MF_SOURCE},
    {"site", MF_SOURCE},         {"sitename", MF_SOURCE},      {"publication", MF_SOURCE},
    {"url", MF_URL},             {"link", MF_URL},             {"canonical", MF_URL},
    {"sourceurl", MF_URL},       {"originalurl", MF_URL},      {"section", MF_SECTION},
    {"tags", MF_TAGS},           {"tag", MF_TAGS},             {"categories", MF_TAGS},
    {"category", MF_TAGS},       {"keywords", MF_TAGS},        {"description", MF_SUMMARY},
    {"summary", MF_SUMMARY},     {"excerpt", MF_SUMMARY},      {"abstract", MF_SUMMARY},
    {"canonicalurl", MF_URL},    {"permalink", MF_URL},        {"from", MF_FROM},
    {"savedfrom", MF_FROM},      {"clippedfrom", MF_FROM},     {"saved", MF_SKIP},
    {"savedon", MF_SKIP},        {"clipped", MF_SKIP},         {"accessed", MF_SKIP},
    {"retrieved", MF_SKIP},      {"page", MF_SKIP},            {"pages", MF_SKIP},
    /* a notes app's or web clipper's "created"/"updated": when the note was
     * made, not when the article was published */
    {"created", MF_SKIP},        {"createdat", MF_SKIP},
    /* a clipping's "via:" (the outlet a link came through) and a
     * read-later export's "Published by:" (the writer) */
    {"via", MF_VIA},             {"publishedby", MF_AUTHOR},   {"domain", MF_SKIP},
    {"readingtime", MF_SKIP},
    /* an e-reader's annotations export: the document sent to the reader
     * is its "Book:", the export's date is the export's */
    {"book", MF_TITLE},          {"exported", MF_SKIP},        {"exportedon", MF_SKIP},
    /* a newsletter saved from a mail client: the subject is the headline */
    {"subject", MF_TITLE},       {"sent", MF_DATE},            {"to", MF_SKIP},
    {"cc", MF_SKIP},             {"replyto", MF_SKIP},         {"mimeversion", MF_SKIP},
    {"contenttype", MF_SKIP},    {"messageid", MF_SKIP},       {"contenttransferencoding", MF_SKIP},
    {"bcc", MF_SKIP},
    /* the same mail headers as other languages' clients write them (Outlook,
     * Gmail, Apple Mail, Thunderbird in German, French, Spanish, Dutch,
     * Italian, Portuguese, Swedish, Danish, Norwegian, Polish): sender,
     * recipients, subject, sent date */
    {"von", MF_FROM},            {"de", MF_FROM},              {"van", MF_FROM},
    {"da", MF_FROM},             {"fr\xc3\xa5n", MF_FROM},     {"fra", MF_FROM},
    {"od", MF_FROM},             {"an", MF_SKIP},              {"\xc3\xa0", MF_SKIP},
    {"\xc3\x80", MF_SKIP},       {"a", MF_SKIP},               {"para", MF_SKIP},
    {"aan", MF_SKIP},            {"till", MF_SKIP},            {"til", MF_SKIP},
    {"do", MF_SKIP},             {"kopie", MF_SKIP},           {"betreff", MF_TITLE},
    {"objet", MF_TITLE},         {"asunto", MF_TITLE},         {"onderwerp", MF_TITLE},
    {"oggetto", MF_TITLE},       {"assunto", MF_TITLE},        {"\xc3\xa4mne", MF_TITLE},
    {"\xc3\x84mne", MF_TITLE},   {"emne", MF_TITLE},           {"temat", MF_TITLE},
    {"gesendet", MF_DATE},       {"enviadoel", MF_DATE},       {"enviado", MF_DATE},
    {"verzonden", MF_DATE},      {"inviato", MF_DATE},         {"enviadaem", MF_DATE},
    {"enviada", MF_DATE},        {"skickat", MF_DATE},         {"sendt", MF_DATE},
    {"datum", MF_DATE},          {"data", MF_DATE},            {"fecha", MF_DATE},
};

/* The field key names, or -1. */
static int
meta_field_of(const char *key, size_t kl)
{
    char norm[32];
    size_t w = 0;
    for (size_t i = 0; i < kl; i++) {
        char c = key[i];
        if (c == ' ' || c == '-' || c == '_')
            continue;
        if (w + 1 >= sizeof norm)
            return -1;
        norm[w++] = (char)tolower((unsigned char)c);
    }
    norm[w] = '\0';
    for (size_t i = 0; i < DS_ARRAY_LEN(meta_keys); i++)
        if (strcmp(norm, meta_keys[i].key) == 0)
            return (int)meta_keys[i].field;
    return -1;
}

/* See lib.h: the one list of a news database's field names (ProQuest,
 * Nexis, Factiva and NewsBank exports), each with the readers that use it. */
const struct ing_record_key ing_record_keys[] = {
    {"subject", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"location", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"publication title", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"publication", ING_RK_BLOCK},
    {"pages", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"page", ING_RK_NEWSBANK | ING_RK_BLOCK},
    {"publication year", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"publication date", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"section", ING_RK_PROQUEST | ING_RK_NEWSBANK | ING_RK_BLOCK},
    {"publisher", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"place of publication", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"country of publication", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"source type", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"language of publication", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"language", ING_RK_BLOCK},
    {"document type", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"document-type", ING_RK_BLOCK},
    {"publication-type", ING_RK_BLOCK},
    {"document url", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"copyright", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"last updated", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"database", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"geographic", ING_RK_BLOCK},
    {"load-date", ING_RK_BLOCK | ING_RK_ALONE},
    {"length", ING_RK_BLOCK},
    {"byline", ING_RK_BLOCK},
    {"graphic", ING_RK_BLOCK},
    {"organization", ING_RK_BLOCK},
    {"company", ING_RK_BLOCK},
    {"industry", ING_RK_BLOCK},
    {"person", ING_RK_BLOCK},
    {"city", ING_RK_BLOCK},
    {"state", ING_RK_BLOCK},
    {"country", ING_RK_BLOCK},
    {"issn", ING_RK_BLOCK},
    {"accession number", ING_RK_BLOCK},
    {"dateline", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"highlight", ING_RK_BLOCK},
    {"journal-code", ING_RK_BLOCK},
    {"ticker", ING_RK_BLOCK},
    {"edition", ING_RK_PROQUEST | ING_RK_NEWSBANK | ING_RK_BLOCK},
    {"word count", ING_RK_BLOCK},
    {"source", ING_RK_BLOCK},
    {"people", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"places", ING_RK_BLOCK},
    {"identifier / keyword", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"keywords", ING_RK_BLOCK},
    {"document id", ING_RK_BLOCK},
    {"notes", ING_RK_BLOCK},
    {"credit", ING_RK_PROQUEST | ING_RK_BLOCK},
    {"correction-date", ING_RK_BLOCK},
    {"column", ING_RK_NEWSBANK | ING_RK_BLOCK},
    {"proquest document id", ING_RK_PROQUEST},
    {"company / organization", ING_RK_PROQUEST},
    {"caption", ING_RK_PROQUEST},
    {"illustration", ING_RK_PROQUEST},
    {"publication info", ING_RK_PROQUEST},
    {"author", ING_RK_PROQUEST},
    {"abstract", ING_RK_PROQUEST},
    {"links", ING_RK_PROQUEST},
    {"readability", ING_RK_NEWSBANK},
};
const size_t ing_record_keys_n = DS_ARRAY_LEN(ing_record_keys);

/* See lib.h. */
bool
ing_is_record_key(const char *key, size_t kl, unsigned use)
{
    for (size_t i = 0; i < ing_record_keys_n; i++)
        if ((ing_record_keys[i].uses & use) && ing_ieq(key, kl, ing_record_keys[i].key))
            return true;
    return false;
}

/* Free every string of m and zero it. */
void
ing_meta_clear(struct ing_meta *m)
{
    free(m->title);
    free(m->date);
    free(m->author);
    free(m->source);
    free(m->url);
    free(m->section);
    free(m->tags);
    free(m->summary);
    free(m->sender);
    free(m->sender_domain);
    memset(m, 0, sizeof *m);
}

/* A notes app's link around a value: "[[Name]]" (a wiki link; "[[page|
 * Name]]" shows Name), "<2024-04-09 Tue>" or "[2024-04-11 Thu 21:40]" (an
 * Org-mode timestamp: its day). */
static void
unwrap_value(const char **s, size_t *n)
{
    if (*n > 4 && memcmp(*s, "[[", 2) == 0 && memcmp(*s + *n - 2, "]]", 2) == 0) {
        *s += 2;
        *n -= 4;
        const char *bar = memchr(*s, '|', *n);
        if (bar) {
            *n -= (size_t)(bar + 1 - *s);
            *s = bar + 1;
        }
        return;
    }
    char close = *n ? ((*s)[0] == '<' ? '>' : (*s)[0] == '[' ? ']' : 0) : 0;
    if (!close || *n < 12 || (*s)[*n - 1] != close || (*s)[5] != '-' || (*s)[8] != '-' ||
        ((*s)[11] != ' ' && (*s)[11] != close))
        return;
    for (size_t i = 1; i <= 10; i++)
        if (i != 5 && i != 8 && !isdigit((unsigned char)(*s)[i]))
            return;
    (*s)++; /* "<2024-04-09 Tue>": the day inside */
    *n = 10;
}

/* s without surrounding spaces and one pair of matching quotes. */
static void
trim_value(const char **s, size_t *n)
{
    while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
        (*s)++;
        (*n)--;
    }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
        (*n)--;
    if (*n >= 2 && ((*s)[0] == '"' || (*s)[0] == '\'') && (*s)[*n - 1] == (*s)[0]) {
        (*s)++;
        *n -= 2;
    }
    unwrap_value(s, n);
}

/* Does s start with http:// or https://? */
static bool
looks_like_url(const char *s, size_t n)
{
    return ing_istarts(s, n, "http://") || ing_istarts(s, n, "https://");
}

/* Append one tag (trimmed, without '#'), unless empty or already there. */
void
ing_meta_add_tag(struct ing_meta *m, const char *s, size_t n)
{
    trim_value(&s, &n);
    while (n && s[0] == '#') {
        s++;
        n--;
    }
    if (!n || n > 100)
        return;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F)
            return;
    size_t have = m->tags ? strlen(m->tags) : 0;
    for (const char *p = m->tags; p && *p;) {
        const char *nl = strchr(p, '\n');
        if ((size_t)(nl - p) == n && memcmp(p, s, n) == 0)
            return;
        p = nl + 1;
    }
    m->tags = xrealloc(m->tags, have + n + 2);
    memcpy(m->tags + have, s, n);
    m->tags[have + n] = '\n';
    m->tags[have + n + 1] = '\0';
}

/* Replace *slot with a copy of s (n bytes). */
static void
set_str(char **slot, const char *s, size_t n)
{
    free(*slot);
    *slot = ing_dupn(s, n);
}

/* An e-mail's sender, '"Display Name" <user@host>', 'Name <user@host>',
 * 'user@host' or a name alone: the name (quotes dropped) and the host. */
static void
set_sender(struct ing_meta *m, const char *v, size_t n)
{
    const char *lt = memchr(v, '<', n);
    const char *at = memchr(v, '@', n);
    size_t name_end = lt ? (size_t)(lt - v) : (at ? 0 : n);
    if (at) {
        const char *h = at + 1, *e = h;
        while (e < v + n && *e != '>' && *e != ' ')
            e++;
        if (e > h)
            set_str(&m->sender_domain, h, (size_t)(e - h));
    }
    const char *nm = v;
    trim_value(&nm, &name_end);
    if (name_end && name_end <= 120)
        set_str(&m->sender, nm, name_end);
}

/* The length of the "Fwd: ", "Fw: ", "Re: " marks a forwarded or answered
 * e-mail's subject opens with (repeated), 0 when none. */
static size_t
reply_prefix(const char *s, size_t n)
{
    static const char *const marks[] = {"fwd: ", "fw: ", "re: "};
    size_t i = 0;
    for (bool more = true; more;) {
        more = false;
        for (size_t k = 0; k < DS_ARRAY_LEN(marks); k++)
            if (ing_istarts(s + i, n - i, marks[k]) && n - i > strlen(marks[k])) {
                i += strlen(marks[k]);
                more = true;
            }
    }
    return i;
}

/* See lib.h. The first value stated for a field wins (a second "Date:"
 * line is usually an update); tags and authors add up. */
bool
ing_meta_set(struct ing_meta *m, const char *key, size_t kl, const char *value, size_t n)
{
    int f = meta_field_of(key, kl);
    if (f < 0)
        return false;
    trim_value(&value, &n);
    if (n == 0 || n > 2000)
        return true;
    switch ((enum meta_field)f) {
    case MF_TITLE:
        if (!m->title) {
            size_t re = reply_prefix(value, n); /* "Fwd: Subject" */
            set_str(&m->title, value + re, n - re);
        }
        break;
    case MF_DATE:
        if (!m->date)
            set_str(&m->date, value, n);
        break;
    case MF_AUTHOR:
        if (!m->author) {
            set_str(&m->author, value, n);
        } else if (strlen(m->author) < 500) {
            char *both = xasprintf("%s, %.*s", m->author, (int)n, value);
            free(m->author);
            m->author = both;
        }
        break;
    case MF_SOURCE:
        if (looks_like_url(value, n)) {
            if (!m->url)
                set_str(&m->url, value, n);
        } else if (!m->source || m->source_via) {
            free(m->source);
            m->source = NULL;
            m->source_via = false;
            set_str(&m->source, value, n);
        }
        break;
    case MF_VIA:
        if (!m->source && !looks_like_url(value, n)) {
            set_str(&m->source, value, n);
            m->source_via = true;
        }
        break;
    case MF_URL:
        if (!m->url)
            set_str(&m->url, value, n);
        break;
    case MF_FROM:
        if (looks_like_url(value, n)) {
            if (!m->url)
                set_str(&m->url, value, n);
        } else if (!m->sender && !m->sender_domain) {
            set_sender(m, value, n);
        }
        break;
    case MF_SKIP:
        break;
    case MF_SECTION:
        if (!m->section)
            set_str(&m->section, value, n);
        break;
    case MF_SUMMARY:
        if (!m->summary)
            set_str(&m->summary, value, n);
        break;
    case MF_TAGS: {
        /* "a, b, c" or a single tag */
        size_t i = 0;
        while (i < n) {
            const char *c = memchr(value + i, ',', n - i);
            size_t e = c ? (size_t)(c - value) : n;
            ing_meta_add_tag(m, value + i, e - i);
            i = e + 1;
        }
        break;
    }
    }
    return true;
}

/* ---- the header block ---------------------------------------------------------- */

#define HEADER_MAX_LINES 20
#define HEADER_MAX_KEY 24

/* One "Key: value" segment at s: the key's end (at the ':') or 0 when the
 * segment is no such pair: a key is 1-3 words of letters that start with a
 * capital or are all lower case, and the colon is followed by a space. */
static size_t
segment_key(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i <= HEADER_MAX_KEY && s[i] != ':') {
        unsigned char c = (unsigned char)s[i];
        if (!(isalpha(c) || c >= 0x80 || c == ' ' || c == '-' || c == '_'))
            return 0; /* bytes of UTF-8 letters too: "Ämne:", "À :" */
        i++;
    }
    if (i == 0 || i > HEADER_MAX_KEY || i >= n || s[i] != ':' ||
        !(isalpha((unsigned char)s[0]) || (unsigned char)s[0] >= 0xC0))
        return 0;
    if (i + 1 < n && s[i + 1] != ' ' && s[i + 1] != '\t')
        return 0;
    return i;
}

/* An Org-mode clipping's keyword line ("#+TITLE: x", "#+date: <...>") or
 * property drawer (":PROPERTIES:", ":URL: x", ":END:"): the mark's length
 * before the "Key: value" (0 for none), *alone when the line is only a
 * drawer's opening or closing mark. */
static size_t
org_mark(const char *s, size_t n, bool *alone)
{
    *alone = (n == 12 && ing_istarts(s, n, ":properties:")) || (n == 5 && ing_istarts(s, n, ":end:"));
    if (n > 3 && s[0] == '#' && s[1] == '+' && isalpha((unsigned char)s[2]))
        return 2;
    return n > 3 && s[0] == ':' && isalpha((unsigned char)s[1]) ? 1 : 0;
}

/* Does the line consist of "Key: value" segments separated by '|', the
 * first with a key we know (any key after an Org mark)? Applies each known
 * pair to m when apply. */
static bool
header_line(const char *s, size_t n, struct ing_meta *m, bool apply)
{
    size_t i = 0;
    bool first = true, alone;
    size_t org = org_mark(s, n, &alone);
    if (alone)
        return true;
    if (org) {
        s += org;
        n -= org;
        first = false; /* Org's own keywords ("#+filetags:") stay in the block */
    }
    while (i <= n) {
        const char *bar = memchr(s + i, '|', n - i);
        size_t e = bar ? (size_t)(bar - s) : n;
        const char *seg = s + i;
        size_t sl = e - i;
        while (sl && (*seg == ' ' || *seg == '\t')) {
            seg++;
            sl--;
        }
        size_t k = segment_key(seg, sl);
        if (!k)
            return false;
        if (first && meta_field_of(seg, k) < 0)
            return false;
        if (apply)
            ing_meta_set(m, seg, k, seg + k + 1, sl - k - 1);
        first = false;
        if (!bar)
            break;
        i = e + 1;
    }
    return true;
}

/* The length of a mail client's line over a forwarded message's headers
 * ("---------- Forwarded message ---------", "-----Original Message-----",
 * "Begin forwarded message:"), or 0. */
static size_t
forward_marker(const char *s, size_t n)
{
    const char *nl = memchr(s, '\n', n);
    size_t e = nl ? (size_t)(nl - s) : n;
    size_t i = 0;
    while (i < e && (s[i] == '-' || s[i] == ' '))
        i++;
    /* and the same lines of other languages' clients (German, Polish,
     * French, Spanish, Dutch, Italian, Portuguese, Swedish, Danish) */
    static const char *const marks[] = {
        "forwarded message", "original message", "begin forwarded message",
        "weitergeleitete nachricht", "anfang der weitergeleiteten nachricht",
        "urspr\xc3\xbcngliche nachricht", "wiadomo\xc5\x9b\xc4\x87 przekazana",
        "message transf\xc3\xa9r\xc3\xa9", "d\xc3\xa9" "but du message r\xc3\xa9" "exp\xc3\xa9" "di\xc3\xa9", "mensaje reenviado", "mensaje original", "doorgestuurd bericht",
        "oorspronkelijk bericht", "messaggio inoltrato", "messaggio originale",
        "mensagem encaminhada", "mensagem original", "vidarebefordrat meddelande",
        "videresendt meddelelse", "videresendt melding"};
    for (size_t k = 0; k < DS_ARRAY_LEN(marks); k++)
        if (ing_istarts(s + i, e - i, marks[k]))
            return e;
    return 0;
}

/* A mail client's line over a quoted message, "On DATE, Name <address>
 * wrote:" as the clients of several languages write it ("Den tir. 5. mar.
 * 2024 kl. 08.10 skrev Name <address>:", "Am DATE schrieb Name <address>:",
 * "Le DATE, Name <address> a \xc3\xa9crit :"): its length (0 when none);
 * the date and the sender (the name between the verb and the address, or
 * after the last comma before it) go to m. */
static size_t
reply_line(const char *s, size_t n, struct ing_meta *m)
{
    static const char *const verbs[] = {" wrote", " skrev ", " schrieb ", " a \xc3\xa9" "crit",
                                        " escribi\xc3\xb3", " schreef ", " ha scritto",
                                        " escreveu", " napisa\xc5\x82", " kirjoitti"};
    const char *nl = memchr(s, '\n', n);
    size_t e = nl ? (size_t)(nl - s) : n, t = e;
    while (t && (s[t - 1] == ' ' || s[t - 1] == '\r'))
        t--;
    const char *lt = memchr(s, '<', t), *gt = lt ? memchr(lt, '>', t - (size_t)(lt - s)) : NULL;
    if (t < 12 || t > 300 || s[t - 1] != ':' || !lt || !gt || !memchr(lt, '@', (size_t)(gt - lt)))
        return 0;
    const char *verb = NULL;
    size_t vl = 0;
    for (size_t k = 0; k < DS_ARRAY_LEN(verbs) && !verb; k++) {
        vl = strlen(verbs[k]);
        for (const char *p = s; p + vl <= s + t && !verb; p++)
            if (ing_istarts(p, (size_t)(s + t - p), verbs[k]))
                verb = p;
    }
    struct ing_date dt;
    size_t at;
    if (!verb || !ing_find_date(s, (size_t)(lt - s), &dt, &at))
        return 0;
    const char *name = verb < lt ? verb + vl : NULL;
    if (!name)
        for (const char *p = lt; p > s && !name; p--)
            if (p[-1] == ',')
                name = p;
    const char *dend = verb < lt ? verb : (name ? name - 1 : lt);
    if (!m->date)
        set_str(&m->date, s, (size_t)(dend - s));
    if (!m->sender && !m->sender_domain)
        set_sender(m, name ? name : lt, (size_t)(gt + 1 - (name ? name : lt)));
    return e;
}

/* A label in capitals over a header block ("PRESS CLIPPING", then a blank
 * line): where the block would start after it, or 0. */
static size_t
caps_label(const char *s, size_t n)
{
    const char *nl = memchr(s, '\n', n);
    size_t e = nl ? (size_t)(nl - s) : n, letters = 0;
    if (!nl || e > 40)
        return 0;
    for (size_t i = 0; i < e; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            return 0;
        letters += s[i] >= 'A' && s[i] <= 'Z';
        if (!(s[i] >= 'A' && s[i] <= 'Z') && s[i] != ' ')
            return 0;
    }
    size_t i = e;
    while (i < n && (s[i] == '\n' || s[i] == ' '))
        i++;
    return letters >= 4 && i > e + 1 ? i : 0;
}

/* An app's short label line right over a header block ("Kobo annotations
 * export"): where the block would start after it, or 0. The caller asks
 * the block to name the title in three lines or more. */
static size_t
plain_label(const char *s, size_t n)
{
    const char *nl = memchr(s, '\n', n);
    size_t e = nl ? (size_t)(nl - s) : n;
    if (!nl || e > 60 || memchr(s, ':', e) || ing_count_words_max(s, e, 7) > 6 ||
        (e && (s[e - 1] == '.' || s[e - 1] == '?' || s[e - 1] == '!')))
        return 0;
    return e + 1;
}

/* The run of header lines at text[i..]: its end in *end and its count
 * (0 when none, or one line naming nothing that says it is a header);
 * *titled (when not NULL): whether the run names the title. */
static size_t
header_run(const char *text, size_t n, size_t i, size_t *end, bool *titled)
{
    size_t lines = 0;
    struct ing_meta probe = {0};
    *end = i;
    while (i < n && lines < HEADER_MAX_LINES) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        if (e == i || !header_line(text + i, e - i, &probe, true))
            break;
        lines++;
        i = *end = nl ? e + 1 : n;
    }
    bool enough = lines >= 2 || probe.title || probe.source || probe.date || probe.url;
    if (titled)
        *titled = probe.title != NULL;
    ing_meta_clear(&probe);
    return enough ? lines : 0;
}

/* See lib.h. The block is the run of header lines from the first line that
 * is not blank; a blank line or any other line ends it. A lone line counts
 * only when it names the title, the source, the date or the URL (a body
 * that opens with "Note: ..." is not a header). */
size_t
ing_header_block(const char *text, size_t n, struct ing_meta *m, struct buf *removed)
{
    size_t i = 0;
    while (i < n && (text[i] == '\n' || text[i] == ' '))
        i++;
    size_t fwd = forward_marker(text + i, n - i);
    if (fwd) {
        buf_puts(removed, "header\t");
        buf_append(removed, text + i, fwd);
        buf_putc(removed, '\n');
        i += fwd;
        while (i < n && (text[i] == '\n' || text[i] == ' '))
            i++; /* Apple Mail leaves a blank line under its mark */
    }
    size_t reply = fwd ? 0 : reply_line(text + i, n - i, m);
    if (reply) {
        buf_puts(removed, "header\t");
        buf_append(removed, text + i, reply);
        buf_putc(removed, '\n');
        i += reply;
        while (i < n && (text[i] == '\n' || text[i] == ' '))
            i++;
    }
    size_t end, lines = header_run(text, n, i, &end, NULL);
    if (!lines && reply)
        return i;
    size_t lab = fwd ? 0 : caps_label(text + i, n - i);
    bool titled = false;
    if (!lines && !lab && !fwd && (lab = plain_label(text + i, n - i)) != 0 &&
        (header_run(text, n, i + lab, &end, &titled) < 3 || !titled))
        lab = 0; /* "Kobo annotations export" over "Book: ...", "Author: ...", ... */
    if (!lines && lab && header_run(text, n, i + lab, &end, NULL) >= 2) {
        buf_puts(removed, "header\t");
        buf_append(removed, text + i, (size_t)((const char *)memchr(text + i, '\n', n - i) - (text + i)));
        buf_putc(removed, '\n');
        i += lab;
        lines = header_run(text, n, i, &end, NULL);
    }
    if (!lines)
        return 0;
    size_t start = i;
    for (size_t p = start; p < end;) {
        const char *nl = memchr(text + p, '\n', end - p);
        size_t e = nl ? (size_t)(nl - text) : end;
        header_line(text + p, e - p, m, true);
        buf_puts(removed, "header\t");
        buf_append(removed, text + p, e - p);
        buf_putc(removed, '\n');
        p = e + 1;
    }
    return end;
}

/* ---- letting stated metadata win -------------------------------------------------- */

/* A stated value as one clean line: decoded as any text (YAML escapes and
 * feed entities can produce control characters), newlines to spaces, runs
 * of spaces collapsed, trimmed. Newly allocated; NULL when nothing is left. */
static char *
clean_value(const char *s)
{
    struct buf b = BUF_INIT, out = BUF_INIT;
    const char *enc;
    ingest_decode(s, strlen(s), &b, &enc);
    bool space = false;
    for (size_t i = 0; i < b.len; i++) {
        char c = b.data[i];
        if (c == ' ' || c == '\n') {
            space = out.len > 0;
            continue;
        }
        if (space)
            buf_putc(&out, ' ');
        space = false;
        buf_putc(&out, c);
    }
    buf_free(&b);
    if (!out.len) {
        buf_free(&out);
        return NULL;
    }
    return buf_steal(&out);
}

/* See lib.h. */
char *
ing_cap_summary(char *s)
{
    if (!s || strlen(s) <= INGEST_SUMMARY_MAX)
        return s;
    static const char ell[] = "\xE2\x80\xA6"; /* U+2026 */
    size_t cut = INGEST_SUMMARY_MAX - (sizeof ell - 1);
    while (cut && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--; /* not inside a character */
    while (cut && s[cut - 1] == ' ')
        cut--;
    memcpy(s + cut, ell, sizeof ell);
    return s;
}

/* Replace *slot with the clean form of value (kept when value is NULL). */
static void
take(char **slot, const char *value)
{
    char *v = value ? clean_value(value) : NULL;
    if (!v)
        return;
    free(*slot);
    *slot = v;
}

/* The stated title wins; a different line cleaning took as the headline
 * returns to the body (and its standfirst guess is dropped). */
static void
apply_title(struct ing_doc *d, const char *title)
{
    char *t = clean_value(title);
    if (!t)
        return;
    struct article *a = d->a;
    if (a->title && ds_strcasecmp_ascii(a->title, t) != 0) {
        /* the line cleaning took for the headline is text after all */
        for (size_t i = 0; i < d->n; i++)
            if (d->lines[i].why && strcmp(d->lines[i].why, "title") == 0)
                d->lines[i].why = NULL;
        free(a->subtitle);
        a->subtitle = NULL;
    }
    free(a->title);
    a->title = t;
}


/* Length of src before a tagline (" - Business", " | Breaking news",
 * " – World News ..."), or its whole length. */
static size_t
before_tagline(const char *src)
{
    static const char *const seps[] = {" - ", " | ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", NULL};
    size_t best = strlen(src);
    for (const char *const *sp = seps; *sp; sp++) {
        const char *p = strstr(src, *sp);
        if (p && (size_t)(p - src) < best && p > src)
            best = (size_t)(p - src);
    }
    return best;
}

/* The outlet a stated source (taken, freed or kept) names: the outlet
 * table's name for it, for its part before a tagline ("The Hindu -
 * Business", a feed's title), or for the URL's domain; else the source
 * less its tagline. */
static char *
stated_source(struct ing_doc *d, char *src, const char *url)
{
    size_t n = strlen(src), head = before_tagline(src);
    const char *canon = outlets_match(d->outlets, src, n);
    if (!canon && head < n)
        canon = outlets_match(d->outlets, src, head);
    if (!canon && head < n && url)
        canon = outlets_for_url(d->outlets, url, strlen(url));
    if (canon) {
        free(src);
        return xstrdup(canon);
    }
    src[head] = '\0';
    return src;
}

/* The ASCII letter a Latin letter with a diacritic (U+00C0-U+00FF: "ä",
 * "å", "é", "ñ") is spelled with in a host name, in lower case; 0 when
 * none (the bytes at s, *len set to the bytes read). */
static char
host_letter(const char *s, size_t n, size_t *len)
{
    static const char c3[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
                             "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
    unsigned char c = (unsigned char)s[0];
    *len = 1;
    if (c < 0x80)
        return (char)tolower(c);
    if (c == 0xC3 && n >= 2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0xBF) {
        *len = 2;
        return c3[(unsigned char)s[1] - 0x80];
    }
    return 0;
}

/* The leading words of a sender's name that its address's domain spells
 * ("Mongabay News" at mongabay.com: "Mongabay"; "Fox News" at foxnews.com:
 * the whole; "Skärgårdsbladet" at skargardsbladet.se), case, spaces and
 * diacritics ignored, and short words the host leaves out passed over
 * (an article first, "Il Notiziario della Valle" at notiziariovalle.it);
 * 0 when no run of words does. */
static size_t
domain_spelled(const char *name, size_t nl, const char *domain)
{
    if (!domain)
        return 0;
    const char *last = strrchr(domain, '.');
    if (!last || last == domain)
        return 0;
    const char *lab = last;
    while (lab > domain && lab[-1] != '.')
        lab--;
    size_t ll = (size_t)(last - lab), k = 0, best = 0, len;
    for (size_t i = 0; i < nl && k < ll; i += len) {
        char c = name[i];
        len = 1;
        if (c == ' ' || c == '-' || c == '.')
            continue;
        char h = host_letter(name + i, nl - i, &len);
        if (h != tolower((unsigned char)lab[k])) {
            size_t we = i;
            while (we < nl && name[we] != ' ')
                we++;
            /* a short word at a word's start, the first or one in lower
             * case, that the host does not spell */
            if ((i == 0 || name[i - 1] == ' ') && we - i <= 5 && we < nl &&
                (i == 0 || islower((unsigned char)c))) {
                len = we - i;
                continue;
            }
            return 0;
        }
        if (++k == ll && (i + len == nl || name[i + len] == ' '))
            best = i + len;
    }
    return k >= 3 ? best : 0;
}

/* The writer's name alone on a line near the top (a newsletter repeats
 * its sender's name over the text): metadata, not text. */
static void
drop_name_line(struct ing_doc *d, const char *name)
{
    size_t nl = strlen(name), seen = 0;
    for (size_t i = 0; i < d->n && seen < TOP_LINES; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (l->blank)
            continue;
        seen++;
        if (!l->why && l->tl == nl && memcmp(l->t, name, nl) == 0) {
            l->why = "byline";
            return;
        }
    }
}

/* A newsletter's outlet from its e-mail sender: the outlet table's name
 * for the address's domain ("email.politico.com"), for the display name or
 * for a known outlet inside it ("The Economist Today"); the publication in
 * "Jane Roe from The Ledger Line" (Jane Roe the byline when none is
 * stated); else a display name shaped as an outlet's ("Mongabay News"),
 * never a person's name. */
static void
sender_outlet(struct ing_doc *d, const struct ing_meta *m)
{
    const char *canon = NULL, *name = m->sender;
    size_t nl = name ? strlen(name) : 0, len = 0;
    if (m->sender_domain)
        canon = outlets_for_url(d->outlets, m->sender_domain, strlen(m->sender_domain));
    if (!canon && name)
        canon = outlets_match(d->outlets, name, nl);
    if (!canon && name)
        canon = outlets_find_in(d->outlets, name, nl, &len);
    if (canon) {
        ing_set_source(d, canon, strlen(canon), RANK_SOURCE_LINE);
        return;
    }
    if (!name)
        return;
    const char *from = strstr(name, " from ");
    if (from && from > name && from + 6 < name + nl) {
        const char *pub = from + 6;
        struct ing_name_shape ns;
        if (!d->a->byline && ing_name_shape(name, (size_t)(from - name), &ns) && ns.person) {
            d->a->byline = ing_dupn(name, (size_t)(from - name));
            drop_name_line(d, d->a->byline);
        }
        ing_set_source(d, pub, strlen(pub), RANK_SOURCE_UNKNOWN);
        return;
    }
    size_t spelled = domain_spelled(name, nl, m->sender_domain);
    if (spelled)
        ing_set_source(d, name, spelled, RANK_SOURCE_UNKNOWN);
    else if (ing_outlet_like(name, nl, false))
        ing_set_source(d, name, nl, RANK_SOURCE_UNKNOWN);
}

/* See lib.h. */
void
ing_apply_meta(struct ing_doc *d, struct ing_meta *m)
{
    struct article *a = d->a;
    if (m->title)
        apply_title(d, m->title);
    struct ing_date dt;
    size_t at;
    /* a stated numeric date: day first with dots ("14.05.2024") or when
     * the first number cannot be a month, month first otherwise */
    if (m->date && (ing_parse_date_whole(m->date, strlen(m->date), &dt) ||
                    ing_find_date(m->date, strlen(m->date), &dt, &at) ||
                    ing_numeric_date(m->date, strlen(m->date), false, &dt))) {
        free(a->published);
        a->published = NULL;
        a->date_how = DATE_NONE;
        ing_set_date(a, &dt, m->date_how);
    }
    take(&a->byline, m->author);
    take(&a->section, m->section);
    take(&a->url, m->url);
    take(&a->summary, m->summary);
    a->summary = ing_cap_summary(a->summary);
    char *src = m->source ? clean_value(m->source) : NULL;
    if (src) {
        free(d->source);
        d->source = stated_source(d, src, a->url);
        d->source_rank = RANK_SOURCE_LINE;
    } else if (a->url) {
        /* no "Source:" key: the URL's domain, when the outlet table knows it */
        const char *canon = outlets_for_url(d->outlets, a->url, strlen(a->url));
        if (canon)
            ing_set_source(d, canon, strlen(canon), RANK_SOURCE_LINE);
    }
    if (!m->source && (m->sender || m->sender_domain))
        sender_outlet(d, m);
    if (m->tags) {
        free(a->tags);
        a->tags = m->tags; /* each tag was checked as it was added */
        m->tags = NULL;
    }
}

/*
 * ingest/outlet_names.c — whether a name alone on a line is an outlet's
 * when outlets.tsv does not know it: the shape of a name (words, capitals,
 * connectors, a CJK outlet suffix), words that say outlet ("Times",
 * "Daily") or page furniture ("Subscribe"), masthead lines seen across a
 * corpus, and the names in copyright lines and "— The X Review" trailers.
 * outlets.c holds the known outlets; lines.c the other line kinds.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "dossier/article.h"
#include "dossier/ingest.h"
#include "dossier/utf8.h"
#include "dossier/util.h"
#include "lib.h"

/* ---- outlet names that outlets.tsv does not know ------------------------------- */

/* Words that outlets put in their names ("Yellow Sea Observer", "Prairie
 * Grain Report") and people almost never have in theirs. */
static bool
is_outlet_word(const char *w, size_t n)
{
    static const char *const words[] = {
        "times", "post", "news", "herald", "observer", "review", "report", "daily", "journal",
        "tribune", "gazette", "wire", "press", "monitor", "chronicle", "telegraph", "standard",
        "express", "mail", "star", "weekly", "magazine", "economist", "insider", "today", "agency",
        "media", "network", "radio", "tv", "television", "broadcasting", "bulletin", "courier",
        "dispatch", "examiner", "globe", "inquirer", "ledger", "mirror", "record", "register",
        "sentinel", "sun", "voice", "digest", "briefing", "online", "newswire", "quarterly",
        "zeitung", "presse", "nouvelles", "markets", "finance", "financial", "economic",
        "economics", "business", "watch", "notes", "letter", "week", "weekend", "nation",
        "informer", "bugle", "clarion", "advertiser", "enquirer", "pioneer", "leader", "citizen",
        "independent", "reporter", "wochenblatt", "diario", "noticias", "giornale", "corriere",
        "gazzetta", "jornal", "dagblad", "krant", "courrier", "quotidien", "hebdo", "observateur",
        "beobachter", "rundschau", "kurier", "anzeiger", "heraldo", "echo", "\xc3\xa9" "cho", "\xc3\x89" "cho",
        "voix", "nachrichten", "tageblatt", "tagblatt", "correo", "cronica", "cr\xc3\xb3nica",
        "periodico", "peri\xc3\xb3" "dico", "depeche", "d\xc3\xa9p\xc3\xaa" "che",
        /* Italian, Portuguese, Dutch, Polish */
        "messenger", "voce", "stampa", "messaggero", "gazzettino", "folha", "correio", "di\xc3\xa1rio",
        "courant", "nieuws", "dziennik", "gazeta", "tygodnik", "wiadomo\xc5\x9b" "ci",
        /* Indonesian and Malay: news, tidings, daily, paper, voice */
        "warta", "berita", "kabar", "harian", "koran", "suara", "pos",
    };
    if (ing_ieq_any(w, n, words, DS_ARRAY_LEN(words)))
        return true;
    /* Dutch compounds on "blad" (paper): "Noorderblad", "Nieuwsblad" */
    if (n > 6 && ing_ieq(w + n - 4, 4, "blad"))
        return true;
    /* the last part of a hyphenated name ("Rhein-Neckar-Kurier"), or the
     * word after an elided article ("L'\xc3\x89" "cho") */
    for (size_t i = n; i-- > 1;)
        if (w[i - 1] == '-' || w[i - 1] == '\'')
            return i < n && ing_ieq_any(w + i, n - i, words, DS_ARRAY_LEN(words));
    return false;
}

static bool
is_article_word(const char *w, size_t n)
{
    static const char *const words[] = {"the", "le",  "la", "les", "der",
                                        "die", "das", "el", "il",  "het"};
    return ing_ieq_any(w, n, words, DS_ARRAY_LEN(words));
}

/* Small words a name may hold in lower case ("Voice of America"). */
static bool
is_name_connector(const char *w, size_t n)
{
    static const char *const words[] = {"of",  "the", "and", "for", "on",  "de", "du", "des",
                                        "del", "di",  "da",  "la",  "le",  "et", "y",  "am",
                                        "im",  "an",  "van", "von", "&",   "e",  "do", "dos"};
    return ing_ieq_any(w, n, words, DS_ARRAY_LEN(words));
}

/* Han/kana/hangul names end in a word that means newspaper, agency, net,
 * observer, weekly... (报 社 网 新闻 观察 周刊 财经 日报 时报 通讯 新聞 時報
 * 通信 신문 뉴스 일보). */
static bool
cjk_outlet_suffix(const char *s, size_t n)
{
    static const char *const ends[] = {
        "\xe6\x8a\xa5", "\xe7\xa4\xbe", "\xe7\xbd\x91", "\xe6\x96\xb0\xe9\x97\xbb",
        "\xe8\xa7\x82\xe5\xaf\x9f", "\xe5\x91\xa8\xe5\x88\x8a", "\xe8\xb4\xa2\xe7\xbb\x8f",
        "\xe9\x80\x9a\xe8\xae\xaf", "\xe6\x96\xb0\xe8\x81\x9e", "\xe5\xa0\xb1",
        "\xe9\x80\x9a\xe4\xbf\xa1", "\xec\x8b\xa0\xeb\xac\xb8", "\xeb\x89\xb4\xec\x8a\xa4",
        "\xec\x9d\xbc\xeb\xb3\xb4"};
    for (size_t i = 0; i < DS_ARRAY_LEN(ends); i++) {
        size_t m = strlen(ends[i]);
        if (n > m && memcmp(s + n - m, ends[i], m) == 0)
            return true;
    }
    return false;
}


/* The next space-separated word of s[0..n) at or after *pos: its start,
 * with *len its length, or NULL past the last. *pos moves to its end. */
static const char *
next_word(const char *s, size_t n, size_t *pos, size_t *len)
{
    size_t i = *pos;
    while (i < n && s[i] == ' ')
        i++;
    size_t j = i;
    while (j < n && s[j] != ' ')
        j++;
    *pos = j;
    *len = j - i;
    return j > i ? s + i : NULL;
}

/* Does s read as a name standing alone: at most five words (twelve CJK
 * characters), each capitalised or a connector, no sentence punctuation,
 * no separators ("X | Y" footers are menus, not names)? Fills *ns. */
bool
ing_name_shape(const char *s, size_t n, struct ing_name_shape *ns)
{
    memset(ns, 0, sizeof *ns);
    if (n == 0 || n > 60 || s[n - 1] == '.')
        return false;
    static const char *const bad_utf8[] = {
        "\xef\xbc\x9a", "\xef\xbc\x8c", "\xe3\x80\x82", "\xef\xbc\x88", "\xef\xbc\x89",
        "\xe3\x80\x81", "\xe3\x80\x8a", "\xe3\x80\x8b", "\xe2\x80\x9c", "\xe2\x80\x9d",
        "\xc2\xa9",     "\xe2\x80\xa2", "\xe3\x80\x80", "\xc2\xb7",     "\xe2\x80\x94",
        "\xe2\x80\x93", "\xef\xbd\x9c", "\xef\xbc\x81", "\xef\xbc\x9f"};
    for (size_t i = 0; i < n; i++) {
        if (s[i] && strchr("!?;:,|\"()[]{}<>=@#/\\*_~+%$", s[i]))
            return false;
        if ((unsigned char)s[i] >= 0x80)
            for (size_t k = 0; k < DS_ARRAY_LEN(bad_utf8); k++)
                if (ing_istarts(s + i, n - i, bad_utf8[k]))
                    return false;
    }
    int caps = 0;
    bool all_upper = true;
    const char *w;
    size_t wl;
    for (size_t i = 0; (w = next_word(s, n, &i, &wl)) != NULL;) {
        if (++ns->words > 5)
            return false;
        unsigned char c = (unsigned char)w[0];
        for (size_t k = 0; k < wl; k++)
            if (w[k] >= 'a' && w[k] <= 'z')
                all_upper = false;
        if (c >= 0x80) {
            uint32_t cp;
            utf8_decode(w, wl, &cp);
            if (utf8_is_cjk(cp) || (cp >= 0xAC00 && cp <= 0xD7AF)) {
                ns->cjk += ing_count_words(w, wl);
                caps++;
                continue;
            }
        }
        ns->latin++;
        if (is_outlet_word(w, wl))
            ns->outlet_word = true;
        else if (!(ns->words == 1 && is_article_word(w, wl)) && !is_name_connector(w, wl))
            ns->other_word = true;
        if (ns->words == 1 && is_article_word(w, wl) && (c >= 'A' && c <= 'Z'))
            ns->article = true;
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80)
            caps++;
        else if (!is_name_connector(w, wl))
            return false;
    }
    if (ns->words == 0 || ns->cjk > 12 || (ns->latin == 0 && ns->cjk < 2))
        return false;
    ns->person = !ns->article && !ns->outlet_word && caps == ns->words && ns->words >= 2 &&
                 ns->words <= 3 && !(all_upper && ns->latin);
    return true;
}


/* Is s a line that never names anything, however often it repeats: one
 * holding a date ("Record March 20") or a month and a number, or led by a
 * label of a results or dividend table ("Year", "Pay April 15", "Net")? */
static bool
not_a_name(const char *s, size_t n)
{
    struct ing_date dt;
    size_t at;
    if (ing_find_date(s, n, &dt, &at))
        return true;
    const char *w;
    size_t wl, i = 0;
    while ((w = next_word(s, n, &i, &wl)) != NULL)
        if (ing_month(w, wl) && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')
            return true; /* "March 20" */
    static const char *const labels[] = {
        "year", "quarter", "qtr", "qtly", "record", "pay", "payable", "net", "shr", "revs",
        "sales", "revenue", "revenues", "loss", "profit", "dividend", "div", "note", "total",
        "avg", "oper", "period", "months", "weeks", "mths", "prior"};
    i = 0;
    w = next_word(s, n, &i, &wl);
    return w && ing_ieq_any(w, wl, labels, DS_ARRAY_LEN(labels));
}

/* Is s (a line alone at the top or bottom) an outlet's name? strong is
 * outside evidence: the line repeats across the corpus, follows a dash or
 * ©, or is named elsewhere as the source. Without it the name itself must
 * look like an outlet's: an outlet word with another word ("Yellow Sea
 * Observer"), a leading article and two more words ("The Kestrel Herald",
 * "The Daily Gazette"; "The End" is no outlet), a CJK outlet suffix. */
bool
ing_outlet_like(const char *s, size_t n, bool strong)
{
    struct ing_name_shape ns;
    const char *in;
    size_t inl;
    if (!ing_name_shape(s, n, &ns) || ns.person || ing_has_ui_word(s, n) || not_a_name(s, n) ||
        ing_cjk_banner(s, n, &in, &inl))
        return false;
    if (strong)
        return true;
    if (ns.cjk && !ns.latin)
        return cjk_outlet_suffix(s, n);
    return (ns.outlet_word && ns.other_word && ns.words >= 2) ||
           (ns.article && ns.words >= 3 && (ns.other_word || ns.outlet_word));
}

/* Words of page furniture that name no outlet ("Latest News", "Top Stories",
 * "Most Read"). */
bool
ing_has_ui_word(const char *s, size_t n)
{
    static const char *const words[] = {"latest", "top",     "more",    "most",   "read",
                                        "related", "stories", "story",   "popular", "breaking",
                                        "trending", "home",   "sections", "topics", "contact",
                                        "about",  "follow",  "share",   "comments", "sign",
                                        "log",    "menu",    "search",  "editor's", "picks",
                                        "recommended", "also", "next",  "previous", "back"};
    const char *w;
    size_t wl;
    for (size_t i = 0; (w = next_word(s, n, &i, &wl)) != NULL;)
        if (ing_ieq_any(w, wl, words, DS_ARRAY_LEN(words)))
            return true;
    return false;
}

/* A line at the very top that the corpus repeats: a masthead naming the
 * outlet when it has an outlet's look or three or more words (section
 * labels like "World" or "Business" repeat too, and are shorter). */
bool
ing_top_outlet_seen(const struct ing_doc_line *l)
{
    struct ing_name_shape ns;
    if (ing_has_ui_word(l->t, l->tl) || !ing_outlet_like(l->t, l->tl, true) ||
        !ing_name_shape(l->t, l->tl, &ns))
        return false;
    return ing_outlet_like(l->t, l->tl, false) || ns.words >= 3;
}

/* "\xc2\xa9 Riproduzione riservata \xe2\x80\x94 La Voce di X": a notice that rights are
 * reserved, in the languages the month names cover, on one side of a
 * dash; narrows s[*i..*e) to the other side. */
static void
rights_phrase_cut(const char *s, size_t *i, size_t *e)
{
    static const char *const phrases[] = {
        "all rights reserved", "riproduzione riservata", "tutti i diritti riservati",
        "tous droits r\xc3\xa9serv\xc3\xa9s", "alle rechte vorbehalten",
        "todos los derechos reservados", "todos os direitos reservados",
        "alle rechten voorbehouden", "wszelkie prawa zastrze\xc5\xbcone"};
    static const char *const dashes[] = {" \xe2\x80\x94 ", " \xe2\x80\x93 ", " - "};
    for (size_t d = 0; d < DS_ARRAY_LEN(dashes); d++) {
        const char *at = ing_ifind(s + *i, *e - *i, dashes[d]);
        if (!at)
            continue;
        size_t mid = (size_t)(at - s), after = mid + strlen(dashes[d]);
        for (size_t k = 0; k < DS_ARRAY_LEN(phrases); k++) {
            if (ing_ifind(s + *i, mid - *i, phrases[k])) {
                *i = after;
                return;
            }
            if (ing_ifind(s + after, *e - after, phrases[k])) {
                *e = mid;
                return;
            }
        }
    }
}

/* "© 2018 Prairie Grain Report", "Copyright 2021 The X. All rights
 * reserved.", "(c) X": the name after the mark and the years, or false. */
bool
ing_copyright_name(const char *s, size_t n, const char **name, size_t *nl)
{
    size_t i = 0;
    for (;;) {
        while (i < n && s[i] == ' ')
            i++;
        if (ing_istarts(s + i, n - i, "\xc2\xa9"))
            i += 2;
        else if (ing_istarts(s + i, n - i, "(c)"))
            i += 3;
        else if (ing_istarts(s + i, n - i, "copyright"))
            i += 9;
        else
            break;
    }
    if (i == 0)
        return false;
    /* years: "2024", "2018-2024", "2018 – 2024," */
    for (;;) {
        while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == '-'))
            i++;
        if (ing_istarts(s + i, n - i, "\xe2\x80\x93") ||
            ing_istarts(s + i, n - i, "\xe2\x80\x94")) {
            i += 3;
            continue;
        }
        if (i < n && s[i] >= '0' && s[i] <= '9') {
            while (i < n && s[i] >= '0' && s[i] <= '9')
                i++;
            continue;
        }
        break;
    }
    if (ing_istarts(s + i, n - i, "by "))
        i += 3;
    size_t e = i;
    while (e < n && !strchr(".,;|(", s[e]))
        e++;
    const char *all = ing_ifind(s + i, e - i, " all rights");
    if (all)
        e = (size_t)(all - s);
    rights_phrase_cut(s, &i, &e);
    /* "Copyright \xc2\xa9 X 2024": the years after the name */
    for (;;) {
        while (e > i && (s[e - 1] == ' ' || s[e - 1] == '-'))
            e--;
        size_t y = e;
        while (y > i && s[y - 1] >= '0' && s[y - 1] <= '9')
            y--;
        if (e - y != 4 || y == i || s[y - 1] != ' ')
            break;
        e = y;
    }
    if (e == i)
        return false;
    /* "Copyright 2024 Nexstar Media Inc.": a company (Inc, LLC, Ltd, Corp,
     * plc) owns the page, it is not the outlet's name */
    if (ing_company_name(s + i, e - i))
        return false;
    *name = s + i;
    *nl = e - i;
    return true;
}

/* See lib.h. */
bool
ing_company_name(const char *s, size_t n)
{
    static const char *const corp[] = {" inc", " llc", " ltd", " corp", " plc", " l.p",
                                       " co", " gmbh", " s.a", " limited", " corporation"};
    for (size_t k = 0; k < DS_ARRAY_LEN(corp); k++) {
        size_t m = strlen(corp[k]);
        if (n > m && ing_ieq(s + n - m, m, corp[k]))
            return true;
    }
    return false;
}

/* A trailer "— The Lodestar Review" / "-- X" / "– X": the name after the
 * dash, or false. */
bool
ing_dash_trailer(const char *s, size_t n, const char **name, size_t *nl)
{
    size_t i;
    if (ing_istarts(s, n, "\xe2\x80\x94") || ing_istarts(s, n, "\xe2\x80\x93"))
        i = 3;
    else if (ing_istarts(s, n, "--"))
        i = 2;
    else if (ing_istarts(s, n, "- "))
        i = 1;
    else
        return false;
    while (i < n && (s[i] == ' ' || s[i] == '-'))
        i++;
    if (i >= n)
        return false;
    *name = s + i;
    *nl = n - i;
    return true;
}

/* ---- an outlet its own address spells --------------------------------------- */

/* The label of host[0..n) that names the site: the one before the public
 * suffix ("www.midlandsexpress.co.uk": "midlandsexpress"), in *lab and
 * *ll; false when the host has no such label or a short one. */
static bool
site_label(const char *host, size_t n, const char **lab, size_t *ll)
{
    static const char *const second[] = {"co", "com", "org", "net", "ac", "gov", "news", NULL};
    size_t end = n;
    while (end && host[end - 1] != '.')
        end--;
    if (!end)
        return false;
    end--; /* at the dot before the top-level domain */
    size_t start = end;
    while (start && host[start - 1] != '.')
        start--;
    for (const char *const *s = second; *s && start; s++)
        if (end - start == strlen(*s) && ing_ieq(host + start, end - start, *s)) {
            end = start - 1;
            start = end;
            while (start && host[start - 1] != '.')
                start--;
            break;
        }
    *lab = host + start;
    *ll = end - start;
    return *ll >= 6;
}

/* See lib.h. */
void
ing_host_outlet(struct ing_doc *d)
{
    const char *url = d->a->url, *host = url ? strstr(url, "://") : NULL;
    if (d->source || !host)
        return;
    host += 3;
    size_t hn = strcspn(host, "/:?#"), ll;
    const char *lab;
    if (!site_label(host, hn, &lab, &ll))
        return;
    for (size_t i = 0; i < ll; i++)
        if (!isalpha((unsigned char)lab[i]))
            return; /* digits or hyphens: no two words to read */
    for (size_t w = ll - 4; w >= 3; w--) { /* the longest outlet word at the end */
        if (!is_outlet_word(lab + ll - w, w))
            continue;
        char name[96];
        int k = snprintf(name, sizeof name, "%c%.*s %c%.*s", toupper((unsigned char)lab[0]),
                         (int)(ll - w - 1), lab + 1, toupper((unsigned char)lab[ll - w]),
                         (int)(w - 1), lab + ll - w + 1);
        if (k > 0 && (size_t)k < sizeof name)
            ing_set_source(d, name, (size_t)k, RANK_SOURCE_UNKNOWN);
        return;
    }
}

/*
 * extract/entities.c — countries, organisations, places, agreements and
 * people.
 *
 * The text is cut once into tokens (words with their case, the separator
 * before them, possessive 's, CJK runs). Then:
 *   A. gazetteer: at each token, the longest alias that starts there, found
 *      by hashing lowercase token sequences (each alias also registers its
 *      prefixes, so the walk stops as soon as no alias can continue);
 *      capitalised runs ending in an organisation word ("... University",
 *      "... Ministry") are organisations; a capital city alias counts as its
 *      country only when it acts like a government (see countries.tsv);
 *   B. people: capitalised runs of 2-3 name-like tokens with evidence (a
 *      title or role before, an appositive role after, a reporting verb, a
 *      CJK rendering right after), then every later full-name mention and
 *      every lone surname that belongs to a person found;
 *   C. mentions are sorted by position and grouped into entities in order
 *      of first mention.
 * Everything is linear in the number of tokens.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "lib.h"
#include "people.h"

/* ---- per-run state ------------------------------------------------------------- */


/* Latin letters U+00C0..U+017F without their marks ('?': no one letter). */
static const char er_latin_base[] =
    "AAAAAA?CEEEEIIIIDNOOOOO?OUUUUY??aaaaaa?ceeeeiiiidnooooo?ouuuuy?y"
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi??JjKk?LlLlLlL"
    "lLlNnNnNn???OoOoOo??RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz?";

/* w (n bytes) with its accented Latin letters as plain ones ("Sebastián",
 * "Tomáš", "Łukasz"), in out (n bytes or fewer); the length, or 0 when w
 * has no such letter or another character that is not ASCII. */
static size_t
er_fold_latin(const char *w, size_t n, char *out)
{
    size_t o = 0;
    bool folded = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c < 0x80) {
            out[o++] = (char)c;
            continue;
        }
        if (i + 1 >= n || c < 0xC3 || c > 0xC5 || ((unsigned char)w[i + 1] & 0xC0) != 0x80)
            return 0;
        unsigned cp = ((c & 0x1Fu) << 6) | ((unsigned char)w[i + 1] & 0x3Fu);
        char base = cp >= 0xC0 && cp < 0x180 ? er_latin_base[cp - 0xC0] : '?';
        if (base == '?')
            return 0;
        out[o++] = base;
        folded = true;
        i++;
    }
    return folded ? o : 0;
}

/* Is the token in word list id, as written (lower = 0) or in lower case
 * (lower = 1)? Answers are cached per token, and the two hashes are
 * computed once per token. */
bool
er_list(const struct ent_run *r, const struct tok *t, enum wl_id id, int lower)
{
    struct tok *mt = &r->t.v[t - r->t.v];
    if (!(mt->flags & TK_WLDONE)) {
        /* tok.wl: low 16 bits lists holding the word as written, high 16
         * bits lists holding it in lower case */
        size_t n = t->end - t->start;
        uint32_t exact = 0, low_bits = 0;
        if (n > 0 && n < 32) {
            const char *w = r->s + t->start;
            char low[32];
            bool has_upper = false;
            for (size_t i = 0; i < n; i++) {
                low[i] = (char)ex_lower((unsigned char)w[i]);
                has_upper |= low[i] != w[i];
            }
            exact = ent_words_bits(r->g->words, w, n);
            low_bits = has_upper ? ent_words_bits(r->g->words, low, n) : exact;
            char plain[32];
            size_t pn = er_fold_latin(w, n, plain);
            if (pn) /* a common given name with its accents: "Sebastián", "Tomáš" */
                exact |= ent_words_bits(r->g->words, plain, pn) & (1u << WL_GIVEN);
        }
        mt->wl = (exact & 0xFFFF) | (low_bits << 16);
        mt->flags |= TK_WLDONE;
    }
    return (mt->wl >> (id + (lower ? 16 : 0))) & 1;
}

/* Is token t in word list id (compared in lower case / exactly)? */
bool
er_in(const struct ent_run *r, const struct tok *t, enum wl_id id)
{
    return er_list(r, t, id, 1);
}

bool
er_is(const struct ent_run *r, const struct tok *t, enum wl_id id)
{
    return er_list(r, t, id, 0);
}

void
er_mention(struct ent_run *r, uint32_t a, uint32_t b, uint32_t ref)
{
    if (r->nm == r->capm) {
        r->capm = r->capm ? r->capm * 2 : 64;
        r->m = xrealloc(r->m, r->capm * sizeof *r->m);
    }
    r->m[r->nm].start = a;
    r->m[r->nm].end = b;
    r->m[r->nm].ref = ref;
    r->nm++;
}

uint32_t
er_dyn(struct ent_run *r, const char *name, enum entity_kind kind)
{
    uint64_t h = ds_hash64(name, strlen(name)) ^ (uint64_t)kind;
    if (!r->dmap || (r->nd + 1) * 2 > r->dmask + 1) {
        /* grow and rehash */
        size_t cap = r->dmap ? (r->dmask + 1) * 2 : 64;
        free(r->dmap);
        r->dmap = xmalloc(cap * sizeof *r->dmap);
        r->dmask = cap - 1;
        for (size_t i = 0; i < cap; i++)
            r->dmap[i] = -1;
        for (size_t i = 0; i < r->nd; i++) {
            uint64_t hi = ds_hash64(r->d[i].name, strlen(r->d[i].name)) ^ (uint64_t)r->d[i].kind;
            size_t j = hi & r->dmask;
            while (r->dmap[j] >= 0)
                j = (j + 1) & r->dmask;
            r->dmap[j] = (int32_t)i;
        }
    }
    size_t j = h & r->dmask;
    for (; r->dmap[j] >= 0; j = (j + 1) & r->dmask) {
        const struct dyn *d = &r->d[r->dmap[j]];
        if (d->kind == kind && strcmp(d->name, name) == 0)
            return (uint32_t)r->dmap[j] + (uint32_t)r->g->nents;
    }
    if (r->nd == r->capd) {
        r->capd = r->capd ? r->capd * 2 : 16;
        r->d = xrealloc(r->d, r->capd * sizeof *r->d);
    }
    struct dyn *d = &r->d[r->nd];
    memset(d, 0, sizeof *d);
    d->name = xstrdup(name);
    d->kind = kind;
    r->dmap[j] = (int32_t)r->nd;
    return (uint32_t)(r->nd++ + r->g->nents);
}

/* See people.h. */
uint32_t
er_org_span(struct ent_run *r, size_t a, size_t b)
{
    char *name = er_text(r, a, b);
    uint32_t ref = er_dyn(r, name, ENTITY_ORG);
    free(name);
    er_mention(r, r->t.v[a].start, r->t.v[b].end, ref);
    for (size_t k = a; k <= b; k++)
        r->covered[k] = 1;
    return ref;
}

/* The dyn entity (name, kind) as a ref, or UINT32_MAX. */
uint32_t
er_find(const struct ent_run *r, const char *name, enum entity_kind kind)
{
    if (!r->dmap)
        return UINT32_MAX;
    uint64_t h = ds_hash64(name, strlen(name)) ^ (uint64_t)kind;
    for (size_t j = h & r->dmask; r->dmap[j] >= 0; j = (j + 1) & r->dmask) {
        const struct dyn *d = &r->d[r->dmap[j]];
        if (d->kind == kind && strcmp(d->name, name) == 0)
            return (uint32_t)r->dmap[j] + (uint32_t)r->g->nents;
    }
    return UINT32_MAX;
}

/* Text of tokens [i, j] joined by single spaces (separators normalised). */
char *
er_text(const struct ent_run *r, size_t i, size_t j)
{
    struct buf b = BUF_INIT;
    for (size_t k = i; k <= j; k++) {
        if (r->t.v[k].flags & TK_NICK)
            continue; /* Jamal "Biggie" Hollins is Jamal Hollins */
        uint32_t gap = k > i ? r->t.v[k].start - r->t.v[k - 1].end : 0;
        if (k > i && gap == 3 && memcmp(r->s + r->t.v[k - 1].end, " & ", 3) == 0)
            buf_append(&b, " & ", 3); /* "Johnson & Johnson", not "Johnson Johnson" */
        else if (k > i)
            buf_putc(&b, r->t.v[k].sep == '-' ? '-' : ' ');
        buf_append(&b, r->s + r->t.v[k].start, r->t.v[k].end - r->t.v[k].start);
        if (k < j && (r->t.v[k].flags & TK_POSS)) {
            size_t e = r->t.v[k + 1].start; /* "'s" kept inside a name: "Addenbrooke's Hospital" */
            while (e > r->t.v[k].end && (r->s[e - 1] == ' ' || r->s[e - 1] == '-'))
                e--;
            buf_append(&b, r->s + r->t.v[k].end, e - r->t.v[k].end);
        }
    }
    return buf_steal(&b);
}

bool
er_joined(const struct tok *t)
{
    return t->sep == ' ' || t->sep == '-';
}

/* Longest gazetteer alias starting at token i: sets *ref and *j (last token);
 * returns the alias or NULL. */
static const struct gz_alias *
er_gaz(const struct ent_run *r, size_t i, size_t *jout)
{
    const struct gazetteer *g = r->g;
    const struct tok *v = r->t.v;
    const struct gz_alias *best = NULL;
    char key[256];
    size_t kl = 0;
    {
        /* most capitalised words start no alias: a two-byte filter first */
        const struct tok *t0 = &v[i];
        unsigned char b0 = ex_lower((unsigned char)r->s[t0->start]);
        unsigned char b1 = t0->end - t0->start > 1 ? ex_lower((unsigned char)r->s[t0->start + 1])
                                                   : 0;
        if (t0->end - t0->start == 1 && i + 1 < r->t.n && er_joined(&v[i + 1]))
            b1 = ' ';
        unsigned bit = ((unsigned)b0 << 8) | b1;
        if (!(g->first2[bit >> 3] & (1u << (bit & 7))))
            return NULL;
    }
    for (size_t j = i; j < r->t.n && j < i + 8; j++) {
        if (j > i) {
            if (!er_joined(&v[j]) || (v[j].flags & TK_CJK))
                break;
            if (v[j - 1].flags & TK_POSS) {
                /* "People's Bank of China": continue only if some alias does */
                if (kl + 3 >= sizeof key)
                    break;
                key[kl++] = '\'';
                key[kl++] = 's';
                const struct gz_slot *ps = gz_find(g, key, kl, ds_hash64(key, kl));
                if (!ps || !ps->prefix)
                    break;
            }
            if (kl + 1 >= sizeof key)
                break;
            key[kl++] = ' ';
        }
        size_t tl = v[j].end - v[j].start;
        if (kl + tl + 1 >= sizeof key)
            break;
        for (size_t p = 0; p < tl; p++)
            key[kl + p] = (char)ex_lower((unsigned char)r->s[v[j].start + p]);
        kl += tl;
        const struct gz_slot *sl = gz_find(g, key, kl, ds_hash64(key, kl));
        if (!sl)
            break;
        for (int32_t a = sl->alias; a >= 0; a = g->aliases[a].next) {
            const struct gz_alias *al = &g->aliases[a];
            if (al->exact) {
                /* byte-exact: compare the raw tokens */
                const char *f = al->form;
                bool okm = true;
                for (size_t t = i; t <= j && okm; t++) {
                    size_t l = v[t].end - v[t].start;
                    if (strncmp(f, r->s + v[t].start, l) != 0)
                        okm = false;
                    f += l;
                    if (t < j) {
                        if (*f != ' ')
                            okm = false;
                        f++;
                    }
                }
                if (!okm || *f)
                    continue;
            } else if (al->upper_first && !(v[i].flags & TK_CAP)) {
                continue;
            }
            best = al;
            *jout = j;
            break;
        }
        if (!sl->prefix)
            break;
    }
    return best;
}

/* Does a capitalised token after a connector end a name rather than go
 * on with it ("Statistics on Friday", "Reuters and The Associated
 * Press")? */
static bool
er_run_stops(const struct ent_run *r, size_t k)
{
    static const char *const words[] = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "The", "A", "An", NULL};
    const struct tok *t = &r->t.v[k];
    size_t n = t->end - t->start;
    for (const char *const *w = words; *w; w++)
        if (strlen(*w) == n && memcmp(*w, r->s + t->start, n) == 0)
            return true;
    return false;
}

static size_t er_org_run(const struct ent_run *r, size_t i);

/* The token a connector at k leads to, when a name goes on over it ("of
 * the World Economy", "of Geography"): k + 1, or k + 2 past a "the";
 * SIZE_MAX when the name ends before k. */
static size_t
er_connector_next(const struct ent_run *r, size_t k)
{
    const struct tok *v = r->t.v;
    size_t n = k + 1;
    if (n + 1 < r->t.n && er_tok_is(r, n, "the") && er_joined(&v[n]) &&
        (er_tok_is(r, k, "of") || er_tok_is(r, k, "for")))
        n++;
    if (n < r->t.n && er_joined(&v[n]) && (v[n].flags & TK_CAP) && !er_run_stops(r, n))
        return n;
    return SIZE_MAX;
}

/* Does token k end a company's name with its legal form ("Ltd", "Plc",
 * "AG"; not "Bank": "Industrial and Commercial Bank")? */
static bool
er_commercial(const struct ent_run *r, size_t k)
{
    static const char *const words[] = {"Ltd", "Plc", "PLC", "plc", "Inc", "Corp", "Co",
                                        "LLC", "AG", "NV", "GmbH", "Tbk", "Bhd", "Berhad",
                                        "Limited", NULL};
    for (const char *const *w = words; *w; w++)
        if (er_tok_is(r, k, *w))
            return true;
    return false;
}

/* Does token k end the name of a body of its own: "College", "Bank",
 * "Post", "Authority" (not "Services", "Affairs": a department's field)? */
static bool
er_body_head(const struct ent_run *r, size_t k)
{
    static const char *const heads[] = {
        "University", "College", "Institute", "Academy", "School", "Bank", "Hospital",
        "Trust", "Foundation", "Agency", "Authority", "Commission", "Council", "Corporation",
        "Company", "Group", "Post", "Association", "Federation", "Society", "Museum",
        "Bureau", "Court", NULL};
    for (const char *const *w = heads; *w; w++)
        if (er_tok_is(r, k, *w))
            return true;
    return false;
}

/* Is token k one word with a capital inside after its first letter, a
 * brand's ("PostNL", "UniCredit")? */
static bool
er_inner_cap(const struct ent_run *r, size_t k)
{
    const struct tok *t = &r->t.v[k];
    if (t->flags & TK_ALLCAPS)
        return false;
    for (uint32_t p = t->start + 1; p < t->end; p++)
        if (r->s[p] >= 'A' && r->s[p] <= 'Z')
            return true;
    return false;
}

/* Is token k, alone, a country or a place of the gazetteer ("Arkansas",
 * "Wales")? */
static bool
er_place_word(const struct ent_run *r, size_t k)
{
    size_t pj = k;
    const struct gz_alias *al = er_gaz(r, k, &pj);
    if (!al || pj != k || al->entity >= r->g->nents)
        return false;
    enum entity_kind kind = r->g->ents[al->entity].kind;
    return kind == ENTITY_COUNTRY || kind == ENTITY_PLACE;
}

/* Does the capitalised run go on after token k (a capitalised word joined
 * to it)? */
static bool
er_cap_after(const struct ent_run *r, size_t k)
{
    return k + 1 < r->t.n && er_joined(&r->t.v[k + 1]) && (r->t.v[k + 1].flags & TK_CAP);
}

/* Does the connector at k end the organisation's name begun at i? "of" or
 * "for" after words none of which is an organisation word ("Sayuri Shirai
 * of Keio University", -> 1: no organisation starts at i), or "and" between
 * a whole name and another organisation ("NEC Corp and Hitachi Ltd",
 * "HSBC and Hang Seng Bank", "University of Cambridge and Boston College",
 * -> 2: the name ends before k). */
static int
er_connector_ends(const struct ent_run *r, size_t i, size_t k, size_t next, bool org_word,
                  bool headed)
{
    const struct tok *v = r->t.v;
    if ((er_tok_is(r, k, "of") || er_tok_is(r, k, "for")) && !org_word)
        return 1;
    if ((er_tok_is(r, k, "of") || er_tok_is(r, k, "for")) &&
        (er_is(r, &v[next], WL_GIVEN) || er_is(r, &v[next], WL_HONORIFIC)) &&
        next + 1 < r->t.n && er_joined(&v[next + 1]) && (v[next + 1].flags & TK_NAMEY))
        return 2; /* "the Awami League of Sheikh Hasina": a person after the body */
    if (er_tok_is(r, k, "and") && headed && (v[next].flags & TK_ALLCAPS))
        return 2; /* "Writers Guild of America and SAG-AFTRA" */
    if (er_tok_is(r, k, "and") && er_event_word(r, k - 1))
        return 2; /* "the Heineken Cup and Celtic League": an event is no body's part */
    if (!er_tok_is(r, k, "and") && !er_tok_is(r, k, "&"))
        return 0;
    size_t gj = i;
    const struct gz_alias *ga = er_tok_is(r, k, "and") ? er_gaz(r, i, &gj) : NULL;
    if (ga && gj == k - 1 && r->g->ents[ga->entity].kind == ENTITY_ORG)
        return 2; /* "Microsoft and Amazon Web Services": a listed body's name is whole */
    if (er_tok_is(r, k, "and") && k == i + 1 && !headed && er_is(r, &v[next], WL_ORG_SUFFIX) &&
        !er_cap_after(r, next))
        return 2; /* "the House and Senate", "Medicare and Treasury": one word and a lone
                     body word are two names (not "Food and Drug Administration": the
                     second has a word before its head) */
    if (er_tok_is(r, k, "and") && headed && !er_cap_after(r, next) && er_place_word(r, next) &&
        !er_place_word(r, k - 1))
        return 2; /* "Chamber of Commerce and Arkansas officials": a place after a
                     body's field ends it (not "Law Commission of England and Wales") */
    bool whole = (k > i + 1 && er_is(r, &v[k - 1], WL_ORG_SUFFIX)) ||
                 (k == i + 1 && (v[i].flags & TK_ALLCAPS));
    size_t last = er_org_run(r, next);
    if (k == i + 1 && er_tok_is(r, k, "and") && last != SIZE_MAX && last > next &&
        er_commercial(r, last))
        return 2; /* "Infosys and Wipro Ltd": one word, then a company's whole name with
                     its legal form (not "&": "Procter & Gamble Co"; not a public body's:
                     "Truth and Reconciliation Commission") */
    size_t pj = k - 1;
    whole |= headed && er_gaz(r, k - 1, &pj) && pj == k - 1; /* "... of Cambridge and" */
    if (er_tok_is(r, k, "and") && last != SIZE_MAX && last > next && er_body_head(r, last) &&
        (headed || (k == i + 1 && er_inner_cap(r, i))))
        return 2; /* "University of Oxford and Imperial College London", "PostNL and
                     Deutsche Post": a whole name, then another of two words or more
                     with its own head (not "Department of Health and Human Services") */
    if (whole && last != SIZE_MAX)
        return 2;
    if (whole && er_tok_is(r, k, "and") && er_place_word(r, next) && er_cap_after(r, next))
        return 2; /* "University of Michigan and Texas Instruments": a body named after a
                     place, then a name that opens with one (not "of England and Wales") */
    return 0;
}

/* The last token of an organisation's name opened by an organisation word
 * of another language at i ("Banco do Brasil", "Universidad Nacional
 * Autónoma de México", "Grupo Security"): capitalised words and the
 * lower-case connectors of those languages between them, up to a title,
 * a weekday or a month; SIZE_MAX when no capitalised word follows. */
static size_t
er_lead_run(const struct ent_run *r, size_t i)
{
    static const char *const of[] = {"de", "del", "do", "da", "dos", "das", "di", "della",
                                     "dei", "degli", "delle", "des", "du", "la", "las", "los",
                                     "y", "e", NULL};
    const struct tok *v = r->t.v;
    size_t last = SIZE_MAX;
    for (size_t j = i + 1; j < r->t.n && j < i + 9; j++) {
        if (!er_joined(&v[j]) || (v[j].flags & TK_CJK) || (v[j - 1].flags & TK_POSS))
            break;
        bool conn = false;
        for (const char *const *w = of; *w && !conn; w++)
            conn = er_tok_is(r, j, *w);
        if (conn)
            continue;
        if ((!(v[j].flags & TK_CAP) && !er_elided(r, j)) || er_run_stops(r, j) ||
            er_in(r, &v[j], WL_TITLES))
            break; /* "Syndicat Autonome de l'Enseignement Supérieur" goes on */
        last = j;
    }
    return last;
}

/* Is the organisation word at j the first word of a job title instead
 * ("White House Press Secretary", "DNC Communications Director"): a field
 * of work before a staff title, not a body's head ("Party Secretary",
 * "Department Spokesman" stay)? */
static bool
er_suffix_starts_title(const struct ent_run *r, size_t j)
{
    static const char *const staff[] = {
        "Secretary", "Director", "Officer", "Chief", "Spokesman", "Spokeswoman",
        "Spokesperson", "Adviser", "Advisor", "Aide", "Correspondent", "Editor",
        "Coordinator", "Strategist", "Assistant", "Staffer", NULL};
    if (!er_cap_after(r, j) || er_is(r, &r->t.v[j], WL_ORG_HEAD))
        return false;
    for (const char *const *w = staff; *w; w++)
        if (er_tok_is(r, j + 1, *w))
            return true;
    return false;
}

/* Is the run [i, last] a party's or a rank's adjective glued to a
 * legislature ("Republican Senate leader", "Top Senate aide", "GOP
 * Congress")? The body is named alone; "Democratic Party" and "Democratic
 * Alliance" are names. */
static bool
er_adjective_body(const struct ent_run *r, size_t i, size_t last)
{
    static const char *const adj[] = {"Republican", "Democratic", "Democrat", "GOP", "Top",
                                      "Senior", "Former", "Conservative", "Tory", "Labour",
                                      "Liberal", "Socialist", "Opposition", "Ruling", NULL};
    static const char *const bodies[] = {"Senate", "Congress", "Parliament", "Assembly",
                                         "Cabinet", NULL};
    if (last != i + 1)
        return false;
    bool a = false, b = false;
    for (const char *const *w = adj; *w && !a; w++)
        a = er_tok_is(r, i, *w);
    for (const char *const *w = bodies; *w && !b; w++)
        b = er_tok_is(r, last, *w);
    return a && b;
}

/* Does an acronym at i stand before a hyphen and another body's name
 * ("NBC-Wall Street Journal poll", "ABC-Washington Post"): two sponsors,
 * not one name? Not a country's code ("US-China Business Council"). */
static bool
er_joint_sponsors(const struct ent_run *r, size_t i)
{
    const struct tok *v = r->t.v;
    return i + 1 < r->t.n && (v[i].flags & TK_ALLCAPS) && v[i + 1].sep == '-' &&
           (v[i + 1].flags & TK_CAP) && !(v[i + 1].flags & TK_ALLCAPS) &&
           !er_place_word(r, i) && er_org_run(r, i + 1) != SIZE_MAX;
}

/* Is "on" at k a body's field after its head ("Committee on Education",
 * "Office on Drugs and Crime", "Conference on Trade and Development"; not
 * "the Commission on Google", a body named after it, nor "on Monday")? */
static bool
er_on_field(const struct ent_run *r, size_t k, size_t next)
{
    static const char *const heads[] = {"Committee", "Commission", "Council", "Office",
                                        "Conference", "Court", "Panel", NULL};
    bool head = false;
    for (const char *const *w = heads; k > 0 && *w && !head; w++)
        head = er_tok_is(r, k - 1, *w);
    size_t pj = next;
    return head && er_tok_is(r, k, "on") && next == k + 1 && (r->t.v[next].flags & TK_NAMEY) &&
           !er_gaz(r, next, &pj) && !er_is(r, &r->t.v[next], WL_GIVEN);
}

/* Capitalised run from i ending in an organisation word: returns the last
 * token index, or SIZE_MAX. After a head word and "of"/"for" ("Reserve
 * Bank of India", "Institute for the World Economy") every capitalised
 * word is the name's, up to a title ("Bank of Italy Governor ..."). */
static size_t
er_org_run(const struct ent_run *r, size_t i)
{
    const struct tok *v = r->t.v;
    if (er_org_lead(r, i))
        return er_lead_run(r, i);
    if (!(v[i].flags & TK_CAP) || er_is(r, &v[i], WL_CONNECTORS))
        return SIZE_MAX;
    size_t last = SIZE_MAX;
    bool headed = false, org_word = false, office = false;
    size_t and_at = SIZE_MAX;
    for (size_t j = i; j < r->t.n && j < i + 9; j++) {
        if (j > i) {
            if (!er_joined(&v[j]) || (v[j].flags & TK_CJK))
                break;
        }
        bool cap = (v[j].flags & TK_CAP) != 0;
        if (!cap && j >= i + 1 && j >= 2 && er_is(r, &v[j - 2], WL_GIVEN) && !er_is(r, &v[j - 2], WL_STOP) &&
            (v[j - 1].flags & TK_NAMEY) && !er_is(r, &v[j - 1], WL_ORG_SUFFIX))
            break; /* "Analyst Elaine Garzarelli of Shearson ...": a person of a firm */
        if (!cap) {
            size_t next = j > i && er_is(r, &v[j], WL_CONNECTORS) ? er_connector_next(r, j)
                                                                  : SIZE_MAX;
            if (next == SIZE_MAX)
                break;
            int ends = er_connector_ends(r, i, j, next, org_word, headed);
            if (ends == 1)
                return SIZE_MAX;
            if (ends == 2)
                break;
            and_at = er_tok_is(r, j, "and") ? j : and_at;
            headed |= er_is(r, &v[j - 1], WL_ORG_HEAD) &&
                      (er_tok_is(r, j, "of") || er_tok_is(r, j, "for") ||
                       er_on_field(r, j, next)) &&
                      (!er_tok_is(r, j - 1, "House") || (next == j + 1 && !er_cap_after(r, next)));
            /* "House of Lords", "House of Fraser"; not the titles "House of the Dead",
               "House of Flying Daggers" */
            j = next - 1;
            continue;
        }
        if (headed && er_in(r, &v[j], WL_TITLES)) {
            if ((v[j - 1].flags & TK_CAP) && !office)
                break; /* "Bank of Italy Governor ..." */
            office = true; /* "Center for Justice", "Office of the Deputy Prime Minister" */
        }
        bool suffix = er_is(r, &v[j], WL_ORG_SUFFIX) && !er_suffix_starts_title(r, j) &&
                      !er_competition(r, j) &&
                      !(er_tok_is(r, j, "International") &&
                        ((j > i && er_place_word(r, j - 1)) || er_cap_after(r, j)));
        /* "Amnesty International"; not "Miami International", "Hamad International
           Airport" */
        org_word |= suffix || er_is(r, &v[j], WL_ORG_HEAD);
        if ((j > i && suffix) || headed ||
            (j > i && last == j - 1 && v[j].sep == '-' && er_is(r, &v[j - 1], WL_ORG_HEAD) &&
             !er_in(r, &v[j], WL_TITLES) && !er_cap_after(r, j)))
            last = j; /* ... "Pakistan Muslim League-Nawaz" */
        if (last == j && er_name_number(r, j))
            return j + 1; /* "K League 1", "Formula 1" */
        if (last == j && er_tok_is(r, j, "School") && er_tok_is(r, j + 1, "District") &&
            er_joined(&v[j + 1]))
            return j + 1; /* "Houston Independent School District" */
        if (v[j].flags & TK_POSS)
            break;
    }
    if (last != SIZE_MAX && (er_adjective_body(r, i, last) || er_joint_sponsors(r, i) ||
                             (er_cap_after(r, last) && er_event_word(r, last + 1))))
        return SIZE_MAX; /* ... "Screen Actors Guild Awards", "Football League Cup": events */
    if (last != SIZE_MAX && and_at < last && er_cap_after(r, last) &&
        !er_in(r, &v[last + 1], WL_TITLES))
        return SIZE_MAX; /* "House Democrats and Senate Republicans", "Red Cross and United
                            Nations": the second name goes on past the run's end */
    return last;
}

static bool
er_capital_is_gov(const struct ent_run *r, size_t i, size_t j)
{
    const struct tok *v = r->t.v;
    if (v[j].flags & TK_POSS)
        return true;
    if (j + 1 < r->t.n && er_joined(&v[j + 1])) {
        if (v[j + 1].flags & TK_CAP)
            return false; /* part of a longer name */
        if (er_in(r, &v[j + 1], WL_GOV_AFTER))
            return true;
    }
    if (i > 0 && er_in(r, &v[i - 1], WL_GOV_BEFORE) && !(v[i].flags & TK_ALLCAPS))
        return true;
    return false;
}

/* See people.h: token k is a name of ref from here on. */
void
er_remember(struct ent_run *r, size_t k, uint32_t ref)
{
    if (r->nacr == r->capacr) {
        r->capacr = r->capacr ? r->capacr * 2 : 8;
        r->acr = xrealloc(r->acr, r->capacr * sizeof *r->acr);
    }
    r->acr[r->nacr].tok = (uint32_t)k;
    r->acr[r->nacr++].ref = ref;
}

/* An acronym defined in parentheses right after the organisation ref
 * that ends at token j ("the Central Bank of Nigeria (CBN)"): a mention of
 * ref, and so is every later token written the same. Returns the token
 * after the acronym, or j + 1 when there is none. */
static size_t
er_acronym_def(struct ent_run *r, size_t j, uint32_t ref)
{
    const struct tok *v = r->t.v;
    size_t k = j + 1, kj = k;
    if (k >= r->t.n || !(v[k].flags & TK_CAP) || (v[k].flags & TK_POSS) ||
        v[k].end - v[k].start < 2 || v[k].end - v[k].start > 10 || v[k].end >= r->n ||
        r->s[v[k].end] != ')')
        return j + 1;
    size_t p = v[j].end;
    while (p < v[k].start && r->s[p] == ' ')
        p++;
    if (p + 1 != v[k].start || r->s[p] != '(')
        return j + 1;
    const struct gz_alias *al = er_gaz(r, k, &kj);
    if (al) { /* "the Social Democratic Party (SPD)": the listed body, named in full */
        if (kj == k && r->g->ents[al->entity].kind == ENTITY_ORG && !al->capital && r->nm &&
            ref >= r->g->nents && r->m[r->nm - 1].ref == ref)
            r->m[r->nm - 1].ref = al->entity;
        return j + 1;
    }
    er_mention(r, v[k].start, v[k].end, ref);
    r->covered[k] = 1;
    er_remember(r, k, ref);
    return k + 1;
}

/* Token i written as an acronym defined before it: a mention of its
 * organisation (true), or false. */
bool
er_acronym_use(struct ent_run *r, size_t i)
{
    const struct tok *v = r->t.v;
    size_t n = v[i].end - v[i].start;
    for (size_t a = 0; a < r->nacr; a++) {
        const struct tok *d = &v[r->acr[a].tok];
        if (d->end - d->start == n && memcmp(r->s + d->start, r->s + v[i].start, n) == 0) {
            er_mention(r, v[i].start, v[i].end, r->acr[a].ref);
            r->covered[i] = 1;
            return true;
        }
    }
    return false;
}

/* The last token of an organisation's name [i, oj] ending in an
 * organisation word, with the country or city of its arm when one follows
 * and ends the run ("Imperial College London", "Fulbright University
 * Vietnam"); else oj. */
static size_t
er_org_arm(const struct ent_run *r, size_t i, size_t oj)
{
    const struct tok *v = r->t.v;
    size_t k = oj + 1, kj = k;
    if (i > 0 && (er_tok_is(r, i - 1, "told") || er_tok_is(r, i - 1, "tells")))
        return oj; /* "told BBC News US policy ...": what was told begins */
    if (k >= r->t.n || v[k].sep != ' ' || (v[oj].flags & TK_POSS) ||
        !er_is(r, &v[oj], WL_ORG_SUFFIX) ||
        (k + 1 < r->t.n && er_joined(&v[k + 1]) && (v[k + 1].flags & TK_CAP)))
        return oj;
    const struct gz_alias *al = er_gaz(r, k, &kj);
    if (!al || kj != k)
        return oj;
    if (al->capital)
        return k; /* a capital city: "Imperial College London" */
    enum entity_kind kind = r->g->ents[al->entity].kind;
    return kind == ENTITY_COUNTRY || kind == ENTITY_PLACE ? k : oj;
}

/* Is token i - 1 the number of the military unit [i, oj] ("3" of "3
 * Commando Brigade", "82nd" of "82nd Airborne Division"): a cardinal of
 * at most three digits or an ordinal, before a unit word at i or oj? */
static bool
er_unit_number(const struct ent_run *r, size_t i, size_t oj)
{
    static const char *const units[] = {"Brigade", "Regiment", "Division", "Battalion", "Corps",
                                        "Squadron", "Fleet", "Command", NULL};
    const struct tok *v = r->t.v;
    if (i == 0 || v[i].sep != ' ' || !(v[i - 1].flags & TK_NUM))
        return false;
    const char *p = r->s + v[i - 1].start;
    size_t n = v[i - 1].end - v[i - 1].start, d = 0;
    while (d < n && ex_is_digit((unsigned char)p[d]))
        d++;
    if (d == 0 || d > 3 || !(d == n || (n - d == 2 && (memcmp(p + d, "st", 2) == 0 ||
                                                        memcmp(p + d, "nd", 2) == 0 ||
                                                        memcmp(p + d, "rd", 2) == 0 ||
                                                        memcmp(p + d, "th", 2) == 0))))
        return false;
    for (const char *const *u = units; *u; u++)
        if (er_tok_is(r, oj, *u) || er_tok_is(r, i, *u))
            return true; /* "2nd Battalion Royal Gurkha Rifles" */
    return false;
}

/* Is the token before i a possessive that opens an institution's name,
 * a title's or a people's ("King's Bench Division", "Queen's University",
 * "People's Party", "Children's Hospital"), not yet claimed? */
static bool
er_poss_lead(const struct ent_run *r, size_t i)
{
    static const char *const plurals[] = {"People", "Children", "Women", "Men", NULL};
    const struct tok *v = r->t.v;
    if (i == 0 || v[i].sep != ' ' || r->covered[i - 1] || !(v[i - 1].flags & TK_POSS) ||
        !(v[i - 1].flags & TK_NAMEY) || v[i].start - v[i - 1].end > 5)
        return false;
    if (er_in(r, &v[i - 1], WL_TITLES) && !er_is(r, &v[i - 1], WL_STOP))
        return true;
    for (const char *const *w = plurals; *w; w++)
        if (er_tok_is(r, i - 1, *w))
            return true;
    return false;
}

/* An organisation's name starting at token i (not "The ..."), when it runs
 * past the gazetteer alias [i, j] (al, or none): recorded and covered, and
 * the token after it returned; 0 when there is none. */
static size_t
er_gaz_org(struct ent_run *r, size_t i, const struct gz_alias *al, size_t j)
{
    const struct tok *v = r->t.v;
    size_t oj = SIZE_MAX;
    if (v[i].flags & TK_CAP) {
        /* a sentence's first word starts a name only if it is an
         * organisation word or one goes on from it ("Central Bank of ...") */
        bool next_org = i + 1 < r->t.n && er_joined(&v[i + 1]) &&
                        er_is(r, &v[i + 1], WL_ORG_SUFFIX) && !er_is(r, &v[i], WL_FUNCTION) &&
                        !er_in(r, &v[i], WL_TITLES);
        bool stop = er_is(r, &v[i], WL_STOP) && !er_is(r, &v[i], WL_ORG_SUFFIX) &&
                    (v[i].flags & TK_SENT) && !next_org;
        if (!stop || al)
            oj = er_org_run(r, i);
        if (oj != SIZE_MAX && (stop || (next_org && oj < i + 2 && er_is(r, &v[i], WL_STOP) &&
                                        (v[i].flags & TK_SENT))))
            oj = SIZE_MAX; /* "Former Treasury ..." */
    }
    if (oj != SIZE_MAX)
        oj = er_org_arm(r, i, oj);
    if (oj == SIZE_MAX || (al && oj <= j))
        return 0;
    size_t a = i;
    /* "The ..." never starts an organisation's name; "All" does inside a
     * sentence, before a place ("the All India Institute", "the All
     * Progressives Congress") */
    while (a < oj && er_is(r, &v[a], WL_FUNCTION) &&
           !(a == i && er_tok_is(r, a, "All") && !(v[a].flags & TK_SENT) && oj >= a + 2))
        a++;
    if (oj <= a)
        return 0;
    if (a == i && er_unit_number(r, i, oj))
        a = i - 1; /* "3 Commando Brigade", "82nd Airborne Division" */
    else if (a == i && er_poss_lead(r, i))
        a = i - 1; /* "King's Bench Division", "People's Party" */
    uint32_t ref = er_org_span(r, a, oj);
    for (size_t k = i; k < a; k++)
        r->covered[k] = 1;
    return er_acronym_def(r, oj, ref);
}

/* The gazetteer alias al over tokens [i, j]: a capital stands for its
 * country only as a government; a listed person joins the people found by
 * pattern (so lone surnames attach); an agreement also mentions its
 * parties ("China-Japan-Korea Free Trade Agreement"). */
static void
er_gaz_alias(struct ent_run *r, size_t i, size_t j, const struct gz_alias *al)
{
    const struct tok *v = r->t.v;
    uint32_t ref = al->entity;
    if (al->capital && !er_capital_is_gov(r, i, j))
        ref = (uint32_t)al->place;
    if (r->g->ents[ref].kind == ENTITY_PERSON) {
        ref = er_dyn(r, r->g->ents[ref].name, ENTITY_PERSON);
        struct dyn *d = &r->d[ref - r->g->nents];
        const char *sp = strrchr(d->name, ' ');
        const char *key = sp ? sp + 1 : d->name;
        if (!d->key[0] && strlen(key) < sizeof d->key)
            memcpy(d->key, key, strlen(key) + 1);
    }
    er_mention(r, v[i].start, v[j].end, ref);
    for (size_t k = i; k <= j; k++)
        r->covered[k] = 1;
    if (!(ref < r->g->nents && r->g->ents[ref].kind == ENTITY_AGREEMENT && j > i))
        return;
    for (size_t k = i; k <= j; k++) {
        size_t kj = k;
        const struct gz_alias *in = er_gaz(r, k, &kj);
        if (!in || kj > j || in->entity == al->entity)
            continue;
        enum entity_kind ik = r->g->ents[in->entity].kind;
        if (ik == ENTITY_COUNTRY || ik == ENTITY_ORG) {
            er_mention(r, v[k].start, v[kj].end, in->entity);
            k = kj;
        }
    }
}

/* Gazetteer names and organisations by shape, left to right; CJK runs go
 * to the Chinese pass. */
static void
er_pass_gazetteer(struct ent_run *r)
{
    const struct tok *v = r->t.v;
    for (size_t i = 0; i < r->t.n;) {
        if (v[i].flags & TK_CJK) {
            zh_pass_run(r, i);
            i++;
            continue;
        }
        if ((v[i].flags & TK_NUM) && er_num_org(r, i)) {
            i++; /* "3M", "23andMe": a listed company's name opening with a digit */
            continue;
        }
        if ((v[i].flags & TK_NUM) ||
            (!(v[i].flags & TK_CAP) &&
             !r->g->lower_ok[ex_lower((unsigned char)r->s[v[i].start])])) {
            i++;
            continue;
        }
        if (r->nacr && (v[i].flags & TK_CAP) && er_acronym_use(r, i)) {
            i++;
            continue;
        }
        size_t j = i;
        const struct gz_alias *al = er_gaz(r, i, &j);
        if (al && v[j].end < r->n && r->s[v[j].end] == '$')
            al = NULL; /* US$, HK$: a currency, not a country */
        if (al && j == i && (r->g->ents[al->entity].kind == ENTITY_COUNTRY ||
                             r->g->ents[al->entity].kind == ENTITY_PLACE ||
                             r->g->ents[al->entity].kind == ENTITY_ORG) &&
            er_given_before_place(r, i))
            al = NULL; /* "Thomas Jordan", "Doug Ford": a surname, left to the people pass */
        size_t next = er_gaz_org(r, i, al, j);
        if (next) {
            i = next;
        } else if (al) {
            er_gaz_alias(r, i, j, al);
            i = j + 1;
            if (r->g->ents[al->entity].kind == ENTITY_ORG && !al->capital)
                i = er_acronym_def(r, j, al->entity);
        } else {
            i++;
        }
    }
}

static int
er_mention_cmp(const void *pa, const void *pb)
{
    const struct mention *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end < b->end ? -1 : a->end > b->end;
}

void
ent_run(const struct gazetteer *g, struct segmenter *seg, const char *body, size_t n,
        struct toks *toks, struct extraction *out)
{
    struct ent_run r;
    memset(&r, 0, sizeof r);
    r.s = body;
    r.n = n;
    r.g = g;
    r.seg = seg;
    r.t = *toks; /* borrowed: the caller frees it */
    r.covered = xcalloc(r.t.n + 1, 1);
    er_pass_gazetteer(&r);
    er_pass_marks(&r);
    er_pass_people(&r);
    er_pass_companies(&r);
    zh_pass_later(&r);
    er_pass_link_orgs(&r);
    if (r.nm > 1)
        qsort(r.m, r.nm, sizeof *r.m, er_mention_cmp);
    er_link_appositions(&r);

    /* Group mentions into entities, in order of first mention. */
    size_t nrefs = g->nents + r.nd;
    int32_t *slot = xmalloc((nrefs + 1) * sizeof *slot);
    for (size_t i = 0; i < nrefs; i++)
        slot[i] = -1;
    size_t cap = out->nentities, first_out = out->nentities;
    for (size_t i = 0; i < r.nm; i++) {
        uint32_t ref = r.m[i].ref;
        if (slot[ref] < 0) {
            if (out->nentities == cap) {
                cap = cap ? cap * 2 : 16;
                out->entities = xrealloc(out->entities, cap * sizeof *out->entities);
            }
            struct entity *e = &out->entities[out->nentities];
            memset(e, 0, sizeof *e);
            if (ref < g->nents) {
                e->name = xstrdup(g->ents[ref].name);
                e->kind = g->ents[ref].kind;
            } else {
                struct dyn *d = &r.d[ref - g->nents];
                e->name = xstrdup(d->name);
                e->alt = xstrdup(d->alt);
                e->kind = d->kind;
            }
            slot[ref] = (int32_t)out->nentities++;
        }
        out->entities[slot[ref]].nspans++; /* counted first, filled below */
    }
    for (size_t k = first_out; k < out->nentities; k++) {
        out->entities[k].spans = xmalloc(out->entities[k].nspans * sizeof(struct span));
        out->entities[k].nspans = 0;
    }
    for (size_t i = 0; i < r.nm; i++) {
        struct entity *e = &out->entities[slot[r.m[i].ref]];
        e->spans[e->nspans].start = r.m[i].start;
        e->spans[e->nspans].end = r.m[i].end;
        e->nspans++;
    }
    free(slot);
    for (size_t i = 0; i < r.nd; i++) {
        free(r.d[i].name);
        free(r.d[i].alt);
    }
    free(r.d);
    free(r.dmap);
    free(r.m);
    free(r.acr);
    free(r.covered);
}

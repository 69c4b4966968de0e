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

/* ---- tokens ----------------------------------------------------------------- */

static bool
tk_cp_letter(uint32_t cp)
{
    if (cp < 0x80)
        return ex_is_alpha((unsigned char)cp) || ex_is_digit((unsigned char)cp);
    if (cp == 0xD7 || cp == 0xF7 || cp < 0xC0)
        return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) /* punctuation, symbols, arrows */
        return false;
    if (cp >= 0x3000 && cp <= 0x303F) /* CJK punctuation */
        return false;
    if (cp >= 0xFF00 && cp <= 0xFF20)
        return false;
    if (cp >= 0xFE00 && cp <= 0xFE6F)
        return false;
    return true;
}

static void
tk_push(struct toks *t, size_t a, size_t b, uint16_t flags, char sep)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        t->v = xrealloc(t->v, t->cap * sizeof *t->v);
    }
    t->v[t->n].start = (uint32_t)a;
    t->v[t->n].end = (uint32_t)b;
    t->v[t->n].flags = flags;
    t->v[t->n].wl = 0;
    t->v[t->n].sep = sep;
    t->n++;
}

/* ASCII word bytes: 1 lower-case letter, 2 upper-case letter, 4 digit. */
static const uint8_t tk_ascii[256] = {
    ['0'] = 4, ['1'] = 4, ['2'] = 4, ['3'] = 4, ['4'] = 4, ['5'] = 4, ['6'] = 4, ['7'] = 4,
    ['8'] = 4, ['9'] = 4, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
    ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1,
    ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1, ['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2,
    ['E'] = 2, ['F'] = 2, ['G'] = 2, ['H'] = 2, ['I'] = 2, ['J'] = 2, ['K'] = 2, ['L'] = 2,
    ['M'] = 2, ['N'] = 2, ['O'] = 2, ['P'] = 2, ['Q'] = 2, ['R'] = 2, ['S'] = 2, ['T'] = 2,
    ['U'] = 2, ['V'] = 2, ['W'] = 2, ['X'] = 2, ['Y'] = 2, ['Z'] = 2,
};

void
ex_tokenize(const char *s, size_t n, struct toks *t)
{
    size_t i = 0;
    char sep = 0;
    bool sent = true;
    t->n = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ') { /* the commonest byte: a plain space */
            if (sep == 0 && t->n)
                sep = ' ';
            i++;
            continue;
        }
        uint32_t cp = c;
        int len = 1;
        if (c >= 0x80)
            len = utf8_decode(s + i, n - i, &cp);
        if (cp < 0x80 && !tk_ascii[c]) {
            /* separator */
            bool amp = c == '&' && i > 0 && s[i - 1] == ' ' && i + 1 < n && s[i + 1] == ' ';
            if (c == ' ' || c == '\t' || c == '[' || c == ']' || amp) {
                if (sep == 0 && t->n)
                    sep = ' ';
            } else if (c == '-') {
                if (sep == 0 || sep == ' ')
                    sep = (sep == ' ') ? ',' : '-'; /* " - " is a dash, "a-b" a hyphen */
                else
                    sep = ',';
            } else {
                sep = (c == '\n' || c == '\r') ? '\n' : (char)c;
                if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' ||
                    c == ';' || c == '(' || c == '*')
                    sent = true;
            }
            i++;
            continue;
        }
        if (cp >= 0x80 && utf8_is_cjk(cp)) {
            size_t a = i;
            while (i < n) {
                uint32_t q;
                int l = utf8_decode(s + i, n - i, &q);
                if (q < 0x80 || !utf8_is_cjk(q))
                    break;
                i += (size_t)l;
            }
            tk_push(t, a, i, TK_CJK, t->n ? (sep ? sep : ' ') : 0);
            sep = 0;
            sent = false;
            continue;
        }
        if (cp >= 0x80 && !tk_cp_letter(cp)) {
            /* Unicode punctuation: dashes join like hyphens when tight,
             * quotes and bullets start a sentence-like context. */
            if (cp == 0x2013 || cp == 0x2014) {
                sep = (sep == 0) ? '-' : ',';
            } else if (cp == 0xA0) {
                if (sep == 0 && t->n)
                    sep = ' ';
            } else {
                sep = ',';
                if (cp == 0x201C || cp == 0x2018 || cp == 0x2022 || cp == 0x3002 ||
                    cp == 0x2026)
                    sent = true;
            }
            i += (size_t)len;
            continue;
        }
        /* a word */
        size_t a = i, seg = i;
        bool dotted = false, has_lower = false, has_upper = false;
        int letters = 0;
        uint16_t flags = 0;
        {
            uint32_t first = cp;
            if (first < 0x80) {
                if (ex_is_upper((unsigned char)first))
                    flags |= TK_CAP;
                else if (ex_is_digit((unsigned char)first))
                    flags |= TK_NUM;
            } else if (utf8_tolower(first) != first) {
                flags |= TK_CAP;
            }
        }
        while (i < n) {
            unsigned char d = (unsigned char)s[i];
            /* fast path: a run of ASCII letters and digits */
            if (tk_ascii[d]) {
                size_t r0 = i;
                uint8_t acc = 0;
                while (i < n && tk_ascii[(unsigned char)s[i]]) {
                    acc |= tk_ascii[(unsigned char)s[i]];
                    i++;
                }
                if (acc & 1)
                    has_lower = true;
                if (acc & 2)
                    has_upper = true;
                if (acc & 3)
                    letters += (int)(i - r0); /* an upper bound is enough: >= 2 */
                continue;
            }
            uint32_t q = d;
            int l = 1;
            if (d >= 0x80)
                l = utf8_decode(s + i, n - i, &q);
            if (q >= 0x80 ? (tk_cp_letter(q) && !utf8_is_cjk(q))
                          : (ex_is_alpha(d) || ex_is_digit(d))) {
                if (q < 0x80) {
                    if (ex_is_lower(d))
                        has_lower = true;
                    else if (ex_is_upper(d))
                        has_upper = true;
                    if (ex_is_alpha(d))
                        letters++;
                } else {
                    if (utf8_tolower(q) != q)
                        has_upper = true;
                    else
                        has_lower = true;
                    letters++;
                }
                i += (size_t)l;
                continue;
            }
            if (d == '.' && i + 1 <= n) {
                bool single = (i - seg) == 1 && ex_is_alpha((unsigned char)s[seg]);
                if (single && i + 1 < n && ex_is_alpha((unsigned char)s[i + 1]) &&
                    (i + 2 >= n || !ex_is_alpha((unsigned char)s[i + 2]) || s[i + 2] == '.')) {
                    dotted = true;
                    i++;
                    seg = i;
                    continue;
                }
                if (single && dotted) {
                    i++; /* the final dot of U.S. */
                }
                break;
            }
            if (d == '&' && i + 1 < n && ex_is_upper((unsigned char)s[i + 1]) && i > a &&
                ex_is_upper((unsigned char)s[i - 1])) {
                i++;
                continue;
            }
            bool apos = d == '\'';
            size_t al = 1;
            if (d == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                (unsigned char)s[i + 2] == 0x99) {
                apos = true;
                al = 3;
            }
            if (apos && i > a && i + al < n && ex_is_alpha((unsigned char)s[i + al])) {
                unsigned char nx = (unsigned char)s[i + al];
                bool poss = (nx == 's' || nx == 'S') &&
                            (i + al + 1 >= n || !ex_is_alpha((unsigned char)s[i + al + 1]));
                if (poss) {
                    flags |= TK_POSS;
                    tk_push(t, a, i, 0, 0);
                    i += al + 1;
                    goto pushed;
                }
                i += al;
                continue;
            }
            break;
        }
        tk_push(t, a, i, 0, 0);
    pushed:
        if (has_upper && !has_lower && letters >= 2)
            flags |= TK_ALLCAPS;
        if ((flags & TK_CAP) && has_lower)
            flags |= TK_NAMEY;
        if (sent)
            flags |= TK_SENT;
        t->v[t->n - 1].flags |= flags;
        t->v[t->n - 1].sep = t->n > 1 ? (sep ? sep : ',') : 0;
        if (t->n > 1 && sep == 0)
            t->v[t->n - 1].sep = ','; /* glued to punctuation we skipped */
        sep = 0;
        sent = false;
    }
}

/* Lowercase key of tokens [i, j] joined by one space into key (cap bytes);
 * returns its length or 0 if it does not fit. */
static size_t
tk_key(const char *s, const struct tok *v, size_t i, size_t j, char *key, size_t cap)
{
    size_t k = 0;
    for (size_t t = i; t <= j; t++) {
        if (t > i) {
            if (k + 1 >= cap)
                return 0;
            key[k++] = ' ';
        }
        for (uint32_t p = v[t].start; p < v[t].end; p++) {
            if (k + 1 >= cap)
                return 0;
            key[k++] = (char)ex_lower((unsigned char)s[p]);
        }
        if ((v[t].flags & TK_POSS) && t < j) {
            if (k + 3 >= cap)
                return 0;
            key[k++] = '\'';
            key[k++] = 's';
        }
    }
    key[k] = '\0';
    return k;
}

/* ---- gazetteer -------------------------------------------------------------- */

static struct ent_words *ent_words_new(void);
static void ent_words_free(struct ent_words *w);

void
gz_init(struct gazetteer *g)
{
    memset(g, 0, sizeof *g);
    g->words = ent_words_new();
}

void
gz_free(struct gazetteer *g)
{
    for (size_t i = 0; i < g->nents; i++)
        free(g->ents[i].name);
    free(g->ents);
    for (size_t i = 0; i < g->naliases; i++)
        free(g->aliases[i].form);
    free(g->aliases);
    for (size_t i = 0; i < g->nslots; i++)
        free(g->slots[i].key);
    free(g->slots);
    ent_words_free(g->words);
    memset(g, 0, sizeof *g);
}

static struct gz_slot *
gz_find(const struct gazetteer *g, const char *key, size_t len, uint64_t h)
{
    if (!g->nslots)
        return NULL;
    size_t mask = g->nslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        struct gz_slot *sl = &g->slots[i];
        if (!sl->key)
            return NULL;
        if (sl->hash == h && strncmp(sl->key, key, len) == 0 && sl->key[len] == '\0')
            return sl;
    }
}

static struct gz_slot *
gz_insert(struct gazetteer *g, const char *key, size_t len)
{
    if ((g->used + 1) * 2 > g->nslots) {
        size_t nn = g->nslots ? g->nslots * 2 : 1024;
        struct gz_slot *old = g->slots;
        size_t on = g->nslots;
        g->slots = xcalloc(nn, sizeof *g->slots);
        g->nslots = nn;
        for (size_t i = 0; i < on; i++) {
            if (!old[i].key)
                continue;
            size_t j = old[i].hash & (nn - 1);
            while (g->slots[j].key)
                j = (j + 1) & (nn - 1);
            g->slots[j] = old[i];
        }
        free(old);
    }
    uint64_t h = ds_hash64(key, len);
    struct gz_slot *sl = gz_find(g, key, len, h);
    if (sl)
        return sl;
    size_t j = h & (g->nslots - 1);
    while (g->slots[j].key)
        j = (j + 1) & (g->nslots - 1);
    sl = &g->slots[j];
    sl->key = xstrndup(key, len);
    sl->hash = h;
    sl->prefix = false;
    sl->alias = -1;
    g->used++;
    return sl;
}

static uint32_t
gz_entity(struct gazetteer *g, const char *name, enum entity_kind kind)
{
    for (size_t i = 0; i < g->nents; i++)
        if (g->ents[i].kind == kind && strcmp(g->ents[i].name, name) == 0)
            return (uint32_t)i;
    if (g->nents == g->capents) {
        g->capents = g->capents ? g->capents * 2 : 256;
        g->ents = xrealloc(g->ents, g->capents * sizeof *g->ents);
    }
    g->ents[g->nents].name = xstrdup(name);
    g->ents[g->nents].kind = kind;
    return (uint32_t)g->nents++;
}

/* Register one alias; returns 0 or -1 (an alias with no word in it). */
static int
gz_add_alias(struct gazetteer *g, const char *alias, uint32_t ent, bool capital, int32_t place)
{
    struct toks t = {0};
    size_t n = strlen(alias);
    ex_tokenize(alias, n, &t);
    if (t.n == 0 || t.n > 8) {
        free(t.v);
        return -1;
    }
    char key[256];
    /* prefixes */
    for (size_t j = 0; j + 1 < t.n; j++) {
        size_t kl = tk_key(alias, t.v, 0, j, key, sizeof key);
        if (!kl) {
            free(t.v);
            return -1;
        }
        gz_insert(g, key, kl)->prefix = true;
        if ((t.v[j].flags & TK_POSS) && kl + 3 < sizeof key) {
            key[kl] = '\'';
            key[kl + 1] = 's';
            gz_insert(g, key, kl + 2)->prefix = true;
        }
    }
    size_t kl = tk_key(alias, t.v, 0, t.n - 1, key, sizeof key);
    if (!kl) {
        free(t.v);
        return -1;
    }
    struct gz_slot *sl = gz_insert(g, key, kl);
    {
        unsigned bit = ((unsigned)(unsigned char)key[0] << 8) | (unsigned char)key[1];
        g->first2[bit >> 3] |= (uint8_t)(1u << (bit & 7));
    }
    bool has_lower = false, has_upper = false;
    for (size_t i = 0; i < n; i++) {
        if (ex_is_lower((unsigned char)alias[i]))
            has_lower = true;
        if (ex_is_upper((unsigned char)alias[i]))
            has_upper = true;
    }
    if (g->naliases == g->capaliases) {
        g->capaliases = g->capaliases ? g->capaliases * 2 : 1024;
        g->aliases = xrealloc(g->aliases, g->capaliases * sizeof *g->aliases);
    }
    struct gz_alias *al = &g->aliases[g->naliases];
    al->entity = ent;
    al->exact = has_upper && !has_lower;
    al->capital = capital;
    al->upper_first = ex_is_upper((unsigned char)alias[t.v[0].start]);
    if (!al->exact && !al->upper_first)
        g->lower_ok[(unsigned char)key[0]] = true;
    al->form = NULL;
    al->place = place;
    if (al->exact) {
        struct buf b = BUF_INIT;
        for (size_t i = 0; i < t.n; i++) {
            if (i)
                buf_putc(&b, ' ');
            buf_append(&b, alias + t.v[i].start, t.v[i].end - t.v[i].start);
        }
        al->form = buf_steal(&b);
    }
    al->next = sl->alias;
    sl->alias = (int32_t)g->naliases;
    g->naliases++;
    free(t.v);
    return 0;
}

static int
gz_kind_parse(const char *s, enum entity_kind *k)
{
    static const struct {
        const char *name;
        enum entity_kind kind;
    } kinds[] = {{"country", ENTITY_COUNTRY},     {"org", ENTITY_ORG},
                 {"organisation", ENTITY_ORG},    {"organization", ENTITY_ORG},
                 {"person", ENTITY_PERSON},       {"place", ENTITY_PLACE},
                 {"agreement", ENTITY_AGREEMENT}, {"policy", ENTITY_AGREEMENT}};
    for (size_t i = 0; i < DS_ARRAY_LEN(kinds); i++)
        if (strcmp(kinds[i].name, s) == 0) {
            *k = kinds[i].kind;
            return 0;
        }
    return -1;
}

int
gz_load(struct gazetteer *g, const char *path, enum entity_kind kind, bool required,
        struct ds_error *err, uint64_t *hash)
{
    struct buf data = BUF_INIT;
    struct ds_error rerr;
    ds_error_clear(&rerr);
    if (ds_read_file(path, 16u << 20, &data, &rerr) != 0) {
        buf_free(&data);
        if (!required)
            return 0;
        ds_error_set(err, -1, "%s: %s", path, rerr.msg);
        return -1;
    }
    *hash = ds_hash64(data.data ? data.data : "", data.len) ^ (*hash * 0x100000001b3ull);
    static char empty[1];
    char *p = data.data ? data.data : empty;
    int lineno = 0, rc = 0;
    char *line;
    while ((line = ex_next_line(&p)) != NULL) {
        lineno++;
        char *q = line;
        while (*q == ' ')
            q++;
        if (*q == '\0' || *q == '#')
            continue;
        char *f[3] = {line, NULL, NULL};
        int nf = 1;
        for (char *c = line; *c && nf < 3; c++)
            if (*c == '\t') {
                *c = '\0';
                f[nf++] = c + 1;
            }
        if (nf == 3 && strchr(f[2], '\t')) {
            ds_error_set(err, -1, "%s:%d: too many tab-separated fields (want canonical, kind, "
                         "aliases)", path, lineno);
            rc = -1;
            break;
        }
        ds_str_trim(f[0]);
        if (!*f[0]) {
            ds_error_set(err, -1, "%s:%d: empty canonical name", path, lineno);
            rc = -1;
            break;
        }
        enum entity_kind k = kind;
        if (f[1]) {
            ds_str_trim(f[1]);
            if (*f[1] && strcmp(f[1], "-") != 0 && gz_kind_parse(f[1], &k) != 0) {
                ds_error_set(err, -1, "%s:%d: unknown kind '%s' (want country, org, person, "
                             "place or agreement)", path, lineno, f[1]);
                rc = -1;
                break;
            }
        }
        uint32_t ent = gz_entity(g, f[0], k);
        if (gz_add_alias(g, f[0], ent, false, -1) != 0) {
            ds_error_set(err, -1, "%s:%d: canonical name has no word in it (or over 8 words)",
                         path, lineno);
            rc = -1;
            break;
        }
        if (f[2]) {
            char *save = NULL;
            for (char *a = strtok_r(f[2], "|", &save); a; a = strtok_r(NULL, "|", &save)) {
                ds_str_trim(a);
                if (!*a)
                    continue;
                bool capital = false;
                int32_t place = -1;
                if (*a == '@') {
                    a++;
                    capital = true;
                    place = (int32_t)gz_entity(g, a, ENTITY_PLACE);
                }
                if (gz_add_alias(g, a, ent, capital, place) != 0) {
                    ds_error_set(err, -1, "%s:%d: alias '%s' has no word in it (or over 8 words)",
                                 path, lineno, a);
                    rc = -1;
                    break;
                }
            }
            if (rc)
                break;
        }
    }
    buf_free(&data);
    return rc;
}

/* ---- word lists --------------------------------------------------------------- */

static const char *const wl_titles[] = {
    "president", "premier", "minister", "secretary", "spokesperson", "spokesman",
    "spokeswoman", "chairman", "chairwoman", "chairperson", "ceo", "cfo", "governor",
    "ambassador", "envoy", "senator", "sen", "rep", "representative", "congressman",
    "congresswoman", "professor", "prof", "dr", "mr", "mrs", "ms", "miss", "sir", "lord", "lady",
    "dame", "king", "queen", "prince", "princess", "chancellor", "commissioner", "director",
    "chief", "adviser", "advisor", "economist", "analyst", "diplomat", "leader", "mayor", "judge",
    "justice", "general", "gen", "admiral", "colonel", "captain", "coach", "manager", "striker",
    "midfielder", "defender", "goalkeeper", "deputy", "vice", "undersecretary", "counsellor",
    "counselor", "councillor", "founder", "co-founder", "cofounder", "executive", "researcher",
    "fellow", "lecturer", "scholar", "editor", "correspondent", "singer", "actor", "actress",
    "producer", "boss", "bishop", "pope", "sheikh", "emir", "attorney", "inspector",
    "superintendent", "detective", "sergeant", "lieutenant", "commander", "assistant", "head",
    "officer", "official", "chairs", "premiere", "mp", "mep", "senior", "associate", "dean",
    "principal", "treasurer", "presenter", "host", "comedian", "novelist", "writer", "musician",
    "drummer", "guitarist", "rapper", "star", "veteran", "counsel", "vice-premier",
    "vice-minister", "vice-president", "vice-chairman", "strategist", "trader", "partner",
    "chairman's", "owner", "investor", "expert", "specialist", "nominee", "candidate",
    "campaigner", "activist", "contact", "contacts", NULL};
static const char *const wl_roles_after[] = {
    "adviser", "advisor", "professor", "head", "assistant", "fellow", "minister", "president",
    "chairman", "chairwoman", "director", "spokesperson", "spokesman", "spokeswoman", "economist",
    "analyst", "secretary", "ceo", "chief", "founder", "governor", "ambassador", "researcher",
    "official", "officer", "leader", "editor", "lecturer", "scholar", "expert", "author", "dean",
    "commissioner", "representative", "manager", "partner", "member", "strategist", "deputy",
    "vice", "executive", "coach", "captain", "mayor", "senator", "lawmaker", "diplomat",
    "researcher", "envoy", "chancellor", "premier", "counsellor", "counselor", "consultant",
    "negotiator", "aide", "correspondent", "reporter", "journalist", "singer", "actor", "actress",
    "who", "whose", NULL};
static const char *const wl_said_after[] = {
    "said", "says", "say", "told", "tells", "noted", "notes", "added", "adds", "stated",
    "explained", "warned", "argued", "stressed", "wrote", "writes", "highlighted", "asked",
    "replied", "urged", "insisted", "announced", "tweeted", "believes", "believed", "thinks",
    "commented", "confirmed", "denied", "claimed", "admitted", "acknowledged", "suggested",
    "predicted", "emphasized", "emphasised", "observed", "remarked", "recalled", "concluded",
    "cautioned", "advocates", "advocated", "argues", "contends", NULL};
static const char *const wl_said_before[] = {"said", "says", "according", "by", NULL};
static const char *const wl_stop[] = {
    "The", "A", "An", "In", "On", "At", "For", "But", "And", "Or", "As", "If", "It", "Its", "He",
    "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "Your", "My", "This", "That",
    "These", "Those", "There", "Here", "Then", "When", "While", "Where", "Why", "How", "What",
    "Who", "Which", "After", "Before", "Since", "Until", "With", "Without", "Despite",
    "According", "From", "To", "By", "Of", "Under", "Over", "Meanwhile", "However", "Moreover",
    "Although", "Though", "Because", "Also", "Some", "Many", "Most", "All", "Both", "Each",
    "Every", "No", "Not", "Yes", "So", "Such", "Other", "Another", "More", "Less", "Last",
    "Next", "First", "Second", "Third", "New", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Today", "Yesterday",
    "Tomorrow", "Now", "Still", "Even", "Just", "Only", "Read", "Photo", "Source", "Published",
    "Updated", "Mr", "Mrs", "Ms", "Dr", "Sir", "Economic", "Experts", "Analysts", "Officials",
    "Please", "Click", "Share", "Get", "See", "Try", "Stay", "Use", "Sponsored", "Content",
    "About", "Prime", "Minister", "President", "Vice", "Premier", "Secretary", "Foreign",
    "Trade", "Commerce", "Treasury", "Finance", "State", "Defense", "Defence", "Affairs",
    "Agriculture", "Industry", "Economy", "Justice", "Energy", "Health", "Education", "Interior",
    "Home", "Labor", "Labour", "Transport", "Culture", "Science", "Technology", "Development",
    "Reform", "National", "International", "Global", "General", "Central", "Federal", "Royal",
    "Senior", "Former", "Deputy", "Acting", "Chief", "Executive", "Associate", "Assistant",
    "Professor", "Director", "Chairman", "Governor", "Ambassador", "Commissioner", "Spokesperson",
    "Spokesman", "Spokeswoman", "Representative", "Senator", "Chancellor", "Mayor", "Judge",
    "Captain", "Coach", "Manager", "Chair", "Chinese", "American", "European", "Japanese",
    "Asian", "African", "Western", "Eastern", "Northern", "Southern", "North", "South", "East",
    "West", "Party", "Government", "Congress", "Parliament", "Council", "Committee",
    "Department", "Ministry", "Bureau", "Office", "House", "Senate", "Court", "Bank", "Group",
    "Company", "University", "Institute", "Academy", "Association", "Times", "Post", "News",
    "Daily", "Review", "Journal", "Press", "Expo", "Summit", "Forum", "Business", "Market",
    "Markets", "Street", "Road", "Avenue", "City", "County", "Province", "Region", "State",
    "Island", "Islands", "River", "Sea", "Ocean", "Lake", "Mount", "Valley", "Square", "Hall",
    "Centre", "Center", "Park", "Airport", "Station", "Port", "Bay", "Gulf", "Coast", "Free",
    "Area", "Zone", "Act", "Bill", "Law", "Plan", "Initiative", "Agreement", "Treaty", "Deal",
    "Partnership", "Economic", "Comprehensive", "Regional", "Cooperation", "Organisation",
    "Organization", "Union", "Nations", "United", "Republic", "Kingdom", "Democratic",
    "People", "Peoples", "Liberal", "Conservative", "Labour", "Social", "Sciences", "Studies",
    "Research", "Security", "Affairs", "Customs", "Commission", "Service", "Services", "Week",
    "Year", "Day", "Cup", "League", "Championship", "Open", "Award", "Awards", "Prize", "Festival",
    "Oscar", "Oscars", "Grammy", "Olympic", "Olympics", "Games", "World", "Premier", "Division",
    "Internet", "Web", "Online", "Digital", "Mobile", "Sketch", "Icon", "Title", "Chevron",
    "Arrow", "Artboard", "Created", "Path", "Layer", "Menu", "Burger", "Positive", "Print",
    "Search", "Site", "Mail", "Twitter", "Facebook", "Linkedin", "Google", "Apple", "AI",
    "Later", "Earlier", "Instead", "Finally", "Separately", "Previously", "Recently", "Currently",
    "Initially", "Eventually", "Speaking", "Asked", "Writing", "Overall", "Indeed", "Perhaps",
    "Similarly", "Likewise", "Thus", "Hence", "Therefore", "Nevertheless", "Nonetheless",
    "Otherwise", "Elsewhere", "Notably", "Importantly", "Ultimately", "Additionally",
    "Furthermore", "Tonight", "Officially", "Yet", "Once", "Twice", "Among", "Amid", "During",
    "Following", "Unlike", "Like", "Given", "Whether", "Either", "Neither", "Several", "Few",
    "Any", "Every", "Much", "Very", "Too", "Well", "Again", "Ahead", "Back", "Sources", "Source",
    "Reporting", "Additional", "Editing", "Copyright", "Related", "Advertisement", NULL};
static const char *const wl_org_suffix[] = {
    "University", "College", "Institute", "Academy", "School", "Ministry", "Department",
    "Bureau", "Agency", "Administration", "Commission", "Committee", "Council", "Office",
    "Authority", "Bank", "Fund", "Exchange", "Corporation", "Corp", "Inc", "Ltd", "Group",
    "Holdings", "Company", "Co", "Association", "Federation", "Union", "Party", "Parliament",
    "Assembly", "Congress", "Senate", "Court", "Police", "Army", "Navy", "Force", "Forces",
    "Times", "Post", "News", "Daily", "Journal", "Review", "Herald", "Telegraph", "Guardian",
    "Tribune", "Gazette", "Press", "Television", "Radio", "Broadcasting", "Airlines", "Airways",
    "Motors", "Systems", "Technologies", "Technology", "Electronics", "Pharmaceuticals",
    "Entertainment", "Records", "Studios", "Pictures", "Club", "FC", "United", "Rovers",
    "Athletic", "Wanderers", "Customs", "Chamber", "Foundation", "Society", "Network",
    "Sciences", "Studies", "Centre", "Center", "Secretariat", "Cabinet", "Reserve", "Treasury",
    "Organisation", "Organization", "Institution", "Board", "Trust", "Partners", "Capital",
    "Securities", "Insurance", "Energy", "Petroleum", "Telecom", "Telecommunications",
    "Communications", "Mobile", "Steel", "Industries", "Industry", "Consortium", "Alliance",
    "Coalition", "Confederation", "Cooperation", "Co-operation", "Prison", "Church",
    "Cathedral", "Hospital", "Stadium", "Trust", "Magazine", NULL};
/* Words that head an organisation's name: "Office for National Statistics". */
static const char *const wl_org_head[] = {
    "Ministry", "Office", "Department", "Bank", "University", "Institute", "Agency", "Bureau",
    "Commission", "Council", "Academy", "Association", "Federation", "Organisation",
    "Organization", "Centre", "Center", "School", "College", "Committee", "Board", "Court",
    "Fund", "Foundation", "Society", "Chamber", "Embassy", "Administration", "Authority",
    "Union", "Confederation", "Secretariat", "Party", NULL};
/* Titles after which a single word is a person's surname. */
static const char *const wl_honorific[] = {
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Dame", "Baroness", "Baron",
    "President", "Premier", "Minister", "Chancellor", "Senator", "Sen", "Rep", "Governor",
    "Mayor", "Judge", "Justice", "Professor", "Prof", "Secretary", "King", "Queen", "Prince",
    "Princess", "Pope", "Ambassador", "General", "Gen", "Admiral", "Colonel", "Captain",
    "Commissioner", "Chairman", "Chairwoman", "Spokesman", "Spokeswoman", "Spokesperson",
    "Sheikh", "Emir", "Mr.", "Mrs.", "Ms.", "Dr.", NULL};

/* Function words that never start a name. */
static const char *const wl_function[] = {
    "The", "A", "An", "In", "On", "At", "For", "And", "But", "Or", "Of", "To", "By", "With",
    "From", "This", "That", "These", "Those", "Its", "His", "Her", "Their", "Our", "As", "If",
    "When", "While", "After", "Before", "Since", "Under", "Over", "Despite", "According",
    "Meanwhile", "However", "Both", "Each", "Every", "Some", "Many", "Most", "All", "Several",
    "Other", "Another", "Also", "Then", "Now", "Later", "Earlier", NULL};
static const char *const wl_connectors[] = {"of", "for", "and", "&", "on", "de", NULL};
static const char *const wl_gov_after[] = {
    "has", "have", "had", "is", "was", "will", "would", "could", "should", "may", "might",
    "must", "wants", "want", "wanted", "needs", "need", "needed", "also", "still", "said",
    "says", "insisted", "insists", "plans", "planned", "hopes", "hoped", "refused", "refuses",
    "demanded", "demands", "imposed", "imposes", "announced", "announces", "urged", "urges",
    "accused", "accuses", "agreed", "agrees", "signed", "responded", "retaliated", "rejected",
    "rejects", "denied", "denies", "warned", "warns", "called", "calls", "sees", "saw", "did",
    "does", "can", "cannot", "remains", "seems", "appears", "took", "takes", "held", "holds",
    "sent", "sought", "seeks", "pushed", "pushes", "pressed", "presses", "threatened",
    "threatens", "vowed", "vows", "pledged", "pledges", "criticised", "criticized", "blamed",
    "blames", "approved", "launched", "decided", "opposed", "opposes", "supports", "supported",
    "welcomed", "welcomes", "is", "are", "were", "argues", "argued", "believes", "claims",
    "claimed", "confirmed", "considers", "expects", "expected", "fears", "feared", "hit", "hits",
    "moved", "moves", "offered", "offers", "promised", "promises", "proposed", "proposes",
    "reacted", "reached", "responded", "slapped", "stepped", "struck", "tried", "tries",
    "upped", "wanted", "worries", "worried", "and", "or", NULL};
static const char *const wl_gov_before[] = {
    "with", "between", "against", "pressure", "pressured", "press", "pressed", "urged", "urge",
    "persuade", "warned", "accused", "criticised", "criticized", "told", "by", "than", "and",
    "for", "on", NULL};
static const char *const wl_cn_surnames[] = {
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
    "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang",
    "Han", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai",
    "Jiang", "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Shi",
    "Shu", "Fu", "Zhong", "Cui", "Tan", "Fan", "Jin", "Wan", "Xi", "Yi", "Qian", "Kong", "Bai",
    "Mao", "Qin", "Qiu", "Hou", "Xue", "Lei", "Hao", "Gong", "Shao", "Meng", "Long", "Wen",
    "Duan", "Lei", "Kang", "Ji", "Niu", "Ouyang", "Yin", "Yan", "Pei", "Bo", "Ge", "Mo", "Rao",
    "Chu", "Gu", "Lai", "Lam", "Leung", "Chan", "Wong", "Ho", "Ng", "Tsang", "Cheung", "Lee",
    NULL};
static const char *const wl_pronouns[] = {"He", "She", "It", "They", "We", "I", "You", "His",
                                          "Her", "Its", NULL};

/* Each list becomes an open-addressing hash set, built once per extractor:
 * these lookups run for every capitalised token. */
enum wl_id {
    WL_TITLES, WL_ROLES_AFTER, WL_SAID_AFTER, WL_SAID_BEFORE, WL_STOP, WL_ORG_SUFFIX,
    WL_CONNECTORS, WL_GOV_AFTER, WL_GOV_BEFORE, WL_CN_SURNAMES, WL_PRONOUNS, WL_ORG_HEAD,
    WL_FUNCTION, WL_HONORIFIC, WL_COUNT
};

static const char *const *const wl_lists[WL_COUNT] = {
    wl_titles, wl_roles_after, wl_said_after, wl_said_before, wl_stop, wl_org_suffix,
    wl_connectors, wl_gov_after, wl_gov_before, wl_cn_surnames, wl_pronouns, wl_org_head,
    wl_function, wl_honorific,
};

_Static_assert(WL_COUNT <= 16, "tok.wl holds 16 lists per case");

struct ent_words {
    /* every word of every list once, with a bit per list it is in: one
     * probe answers all the lists for a token */
    const char **all;
    uint32_t *allbits;
    size_t allmask;
};

static uint32_t
wl_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h ^ (h >> 15);
}

static struct ent_words *
ent_words_new(void)
{
    struct ent_words *ew = xcalloc(1, sizeof *ew);
    size_t total = 0;
    for (int l = 0; l < WL_COUNT; l++)
        for (size_t i = 0; wl_lists[l][i]; i++)
            total++;
    size_t cap = 64;
    while (cap < total * 3)
        cap *= 2;
    ew->all = xcalloc(cap, sizeof *ew->all);
    ew->allbits = xcalloc(cap, sizeof *ew->allbits);
    ew->allmask = cap - 1;
    for (int l = 0; l < WL_COUNT; l++) {
        for (size_t i = 0; wl_lists[l][i]; i++) {
            const char *w = wl_lists[l][i];
            size_t j = wl_hash(w, strlen(w)) & ew->allmask;
            while (ew->all[j] && strcmp(ew->all[j], w) != 0)
                j = (j + 1) & ew->allmask;
            ew->all[j] = w;
            ew->allbits[j] |= 1u << l;
        }
    }
    return ew;
}

/* Bits of the lists holding w[0..n) exactly. */
static uint32_t
ent_words_bits(const struct ent_words *ew, const char *w, size_t n)
{
    for (size_t j = wl_hash(w, n) & ew->allmask; ew->all[j]; j = (j + 1) & ew->allmask)
        if (ew->all[j][0] == w[0] && strncmp(ew->all[j], w, n) == 0 && ew->all[j][n] == '\0')
            return ew->allbits[j];
    return 0;
}

static void
ent_words_free(struct ent_words *ew)
{
    if (!ew)
        return;
    free(ew->all);
    free(ew->allbits);
    free(ew);
}


/* ---- per-run state ------------------------------------------------------------- */

struct mention {
    uint32_t start, end;
    uint32_t ref; /* < nents: gazetteer entity; else dyn index + nents */
};

struct dyn {
    char *name, *alt;
    enum entity_kind kind;
    char key[32]; /* lone-token key for persons: surname ("" if none) */
};

struct ent_run {
    const char *s;
    size_t n;
    const struct gazetteer *g;
    struct toks t;
    uint8_t *covered; /* per token: 1 gazetteer/org, 2 person */
    struct mention *m;
    size_t nm, capm;
    struct dyn *d;
    size_t nd, capd;
    int32_t *dmap;   /* hash of (name, kind) -> dyn index, open addressing */
    size_t dmask;
};

/* Is the token in word list id, as written (lower = 0) or in lower case
 * (lower = 1)? Answers are cached per token, and the two hashes are
 * computed once per token. */
static bool
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
        }
        mt->wl = (exact & 0xFFFF) | (low_bits << 16);
        mt->flags |= TK_WLDONE;
    }
    return (mt->wl >> (id + (lower ? 16 : 0))) & 1;
}

/* Is token t in word list id (compared in lower case / exactly)? */
static bool
er_in(const struct ent_run *r, const struct tok *t, enum wl_id id)
{
    return er_list(r, t, id, 1);
}

static bool
er_is(const struct ent_run *r, const struct tok *t, enum wl_id id)
{
    return er_list(r, t, id, 0);
}

static void
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

static uint32_t
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

/* The dyn entity (name, kind) as a ref, or UINT32_MAX. */
static uint32_t
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
static char *
er_text(const struct ent_run *r, size_t i, size_t j)
{
    struct buf b = BUF_INIT;
    for (size_t k = i; k <= j; k++) {
        if (k > i)
            buf_putc(&b, r->t.v[k].sep == '-' ? '-' : ' ');
        buf_append(&b, r->s + r->t.v[k].start, r->t.v[k].end - r->t.v[k].start);
    }
    return buf_steal(&b);
}

static bool
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

/* Capitalised run from i ending in an organisation word: returns the last
 * token index, or SIZE_MAX. */
static size_t
er_org_run(const struct ent_run *r, size_t i)
{
    const struct tok *v = r->t.v;
    if (!(v[i].flags & TK_CAP) || er_is(r, &v[i], WL_CONNECTORS))
        return SIZE_MAX;
    size_t last = SIZE_MAX;
    bool head = er_is(r, &v[i], WL_ORG_HEAD) && i + 1 < r->t.n && er_joined(&v[i + 1]) &&
                (v[i + 1].flags & TK_CAP) == 0 && er_is(r, &v[i + 1], WL_CONNECTORS);
    for (size_t j = i; j < r->t.n && j < i + 9; j++) {
        if (j > i) {
            if (!er_joined(&v[j]) || (v[j].flags & TK_CJK))
                break;
        }
        bool cap = (v[j].flags & TK_CAP) != 0;
        if (!cap) {
            if (j > i && er_is(r, &v[j], WL_CONNECTORS) && j + 1 < r->t.n &&
                er_joined(&v[j + 1]) && (v[j + 1].flags & TK_CAP))
                continue;
            break;
        }
        if (j > i && er_is(r, &v[j], WL_ORG_SUFFIX))
            last = j;
        else if (j > i + 1 && head)
            last = j; /* "Office for National Statistics": a head, then of/for ... */
        if (v[j].flags & TK_POSS)
            break;
    }
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

/* Gazetteer aliases inside the CJK run of token i (美國, 世界贸易组织):
 * Chinese has no spaces between words, so at each character the longest
 * alias of 2..ER_CJK_MAX characters that starts there is a mention, and the
 * walk goes on after it. A capital ("@北京") is the city, a place. */
#define ER_CJK_MAX 10
static void
er_gaz_cjk(struct ent_run *r, size_t i)
{
    const struct gazetteer *g = r->g;
    size_t a = r->t.v[i].start, end = r->t.v[i].end;
    while (a < end) {
        size_t ends[ER_CJK_MAX + 1], nc = 0, p = a;
        while (p < end && nc <= ER_CJK_MAX) {
            uint32_t cp;
            p += (size_t)utf8_decode(r->s + p, end - p, &cp);
            ends[nc++] = p;
        }
        unsigned bit = ((unsigned)(unsigned char)r->s[a] << 8) | (unsigned char)r->s[a + 1];
        const struct gz_alias *al = NULL;
        size_t b = 0;
        for (size_t k = nc; k-- > 1 && !al && (g->first2[bit >> 3] & (1u << (bit & 7)));) {
            const struct gz_slot *sl = gz_find(g, r->s + a, ends[k] - a,
                                               ds_hash64(r->s + a, ends[k] - a));
            if (sl && sl->alias >= 0) {
                al = &g->aliases[sl->alias];
                b = ends[k];
            }
        }
        if (!al) {
            a = ends[0];
            continue;
        }
        er_mention(r, (uint32_t)a, (uint32_t)b, al->capital ? (uint32_t)al->place : al->entity);
        a = b;
    }
}

static void
er_pass_gazetteer(struct ent_run *r)
{
    const struct tok *v = r->t.v;
    for (size_t i = 0; i < r->t.n;) {
        if (v[i].flags & TK_CJK) {
            er_gaz_cjk(r, i);
            i++;
            continue;
        }
        if ((v[i].flags & TK_NUM) ||
            (!(v[i].flags & TK_CAP) &&
             !r->g->lower_ok[ex_lower((unsigned char)r->s[v[i].start])])) {
            i++;
            continue;
        }
        size_t j = i;
        const struct gz_alias *al = er_gaz(r, i, &j);
        if (al && v[j].end < r->n && r->s[v[j].end] == '$')
            al = NULL; /* US$, HK$: a currency, not a country */
        size_t oj = SIZE_MAX;
        if (v[i].flags & TK_CAP) {
            bool stop = er_is(r, &v[i], WL_STOP) && !er_is(r, &v[i], WL_ORG_SUFFIX)
                        && (v[i].flags & TK_SENT);
            if (!stop || al)
                oj = er_org_run(r, i);
            if (oj != SIZE_MAX && stop)
                oj = SIZE_MAX;
        }
        if (oj != SIZE_MAX && (!al || oj > j)) {
            size_t a = i;
            /* "The ..." never starts an organisation's name. */
            while (a < oj && er_is(r, &v[a], WL_FUNCTION))
                a++;
            if (oj > a) {
                char *name = er_text(r, a, oj);
                uint32_t ref = er_dyn(r, name, ENTITY_ORG);
                free(name);
                er_mention(r, v[a].start, v[oj].end, ref);
                for (size_t k = i; k <= oj; k++)
                    r->covered[k] = 1;
                i = oj + 1;
                continue;
            }
        }
        if (al) {
            uint32_t ref = al->entity;
            if (al->capital && !er_capital_is_gov(r, i, j))
                ref = (uint32_t)al->place;
            if (r->g->ents[ref].kind == ENTITY_PERSON) {
                /* Listed people join the people found by pattern, so their
                 * lone surnames attach too. */
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
            if (ref < r->g->nents && r->g->ents[ref].kind == ENTITY_AGREEMENT && j > i) {
                /* "China-Japan-Korea Free Trade Agreement" also mentions its
                 * parties. */
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
            i = j + 1;
            continue;
        }
        i++;
    }
}

static bool
er_namey(const struct ent_run *r, size_t k)
{
    const struct tok *t = &r->t.v[k];
    if (!(t->flags & TK_NAMEY) || (t->flags & TK_ALLCAPS))
        return false;
    if (t->end - t->start < 2 && !(t->end - t->start == 1))
        return false;
    if (er_is(r, t, WL_STOP) || er_in(r, t, WL_TITLES))
        return false;
    return true;
}

static void
er_set_key(struct ent_run *r, uint32_t ref, size_t a, size_t b)
{
    struct dyn *d = &r->d[ref - r->g->nents];
    if (d->key[0])
        return;
    const struct tok *v = r->t.v;
    const struct tok *k = &v[b];
    if (d->alt || (b > a && er_is(r, &v[a], WL_CN_SURNAMES)))
        k = &v[a];
    size_t n = k->end - k->start;
    if (n >= sizeof d->key || er_is(r, k, WL_PRONOUNS))
        return;
    memcpy(d->key, r->s + k->start, n);
    d->key[n] = '\0';
}

static void er_pass_later(struct ent_run *r);

/* People: capitalised runs of name-like tokens with evidence. */
static void
er_pass_people(struct ent_run *r)
{
    const struct tok *v = r->t.v;
    size_t nt = r->t.n;
    struct single {
        size_t tok;
    } *singles = NULL;
    size_t nsingles = 0;

    for (size_t i = 0; i < nt;) {
        if (r->covered[i] || !(v[i].flags & TK_CAP) || (v[i].flags & TK_CJK)) {
            i++;
            continue;
        }
        /* the capitalised run [i, e] */
        size_t e = i;
        while (e + 1 < nt && !r->covered[e + 1] && (v[e + 1].flags & TK_CAP) &&
               er_joined(&v[e + 1]) && !(v[e].flags & TK_POSS) && e + 1 < i + 8)
            e++;
        /* title evidence: the last title word inside the run, or one before */
        size_t a = i;
        bool titled = false, honorific = false;
        for (size_t k = i; k <= e; k++) {
            if (k > i && k == a + 1 && er_is(r, &v[a], WL_CN_SURNAMES) &&
                !er_in(r, &v[k], WL_TITLES))
                continue; /* "Liu He": a surname then a short given name */
            if (titled && k == a && k < e && er_is(r, &v[k], WL_CN_SURNAMES) &&
                (v[k + 1].flags & TK_NAMEY))
                break; /* "Spokesperson He Yadong": He is a surname here */
            if (er_in(r, &v[k], WL_TITLES) || er_is(r, &v[k], WL_STOP)) {
                if (er_in(r, &v[k], WL_TITLES))
                    titled = true;
                honorific = er_is(r, &v[k], WL_HONORIFIC);
                a = k + 1;
            }
        }
        if (a > e) {
            i = e + 1;
            continue;
        }
        if (!titled && i > 0) {
            const struct tok *p = &v[i - 1];
            if (er_in(r, p, WL_TITLES) && !(p->flags & TK_CAP))
                titled = true;
            /* "top diplomat, Wang Yi" and "Secretary of Commerce Wilbur Ross" */
            if (er_in(r, p, WL_TITLES) && p->flags & TK_CAP)
                titled = true;
            size_t q = i - 1;
            if (q > 0 && v[q].end - v[q].start == 3 && memcmp(r->s + v[q].start, "the", 3) == 0)
                q--;
            if (q > 0 && q < i && er_is(r, &v[q], WL_CONNECTORS) &&
                er_in(r, &v[q - 1], WL_TITLES)) {
                titled = true;
                if (e - a + 1 == 3 && a == i)
                    a++; /* "Chancellor of the Exchequer Nigel Lawson" */
            }
        }
        size_t b = e;
        /* name tokens: a..b must all be name-like; 1..3 of them */
        bool ok = true;
        bool cn = er_is(r, &v[a], WL_CN_SURNAMES);
        for (size_t k = a; k <= b; k++)
            if (!er_namey(r, k) && !(cn && (v[k].flags & TK_NAMEY) && b > a &&
                                     v[k].end - v[k].start <= 3 && !er_in(r, &v[k], WL_TITLES)))
                ok = false;
        size_t len = b - a + 1;
        if (!ok || len > 3) {
            i = e + 1;
            continue;
        }
        /* other evidence */
        bool ev = titled;
        const char *alt_a = NULL;
        size_t alt_n = 0, span_end = v[b].end;
        if (b + 1 < nt && (v[b + 1].flags & TK_CJK) && v[b + 1].sep == ' ') {
            size_t cl = v[b + 1].end - v[b + 1].start;
            if (cl >= 6 && cl <= 12 && len >= 2) {
                alt_a = r->s + v[b + 1].start;
                alt_n = cl;
                span_end = v[b + 1].end;
                ev = true;
            }
        }
        if (!ev && b + 1 < nt && v[b + 1].sep == ' ' && !(v[b].flags & TK_POSS) &&
            er_in(r, &v[b + 1], WL_SAID_AFTER))
            ev = true;
        if (!ev && a > 0 && v[a].sep == ' ' && er_in(r, &v[a - 1], WL_SAID_BEFORE) &&
            !(v[a - 1].flags & TK_CAP))
            ev = true;
        if (!ev && a > 1 && v[a].sep == ' ' && v[a - 1].end - v[a - 1].start == 2 &&
            memcmp(r->s + v[a - 1].start, "to", 2) == 0 && er_in(r, &v[a - 2], WL_SAID_BEFORE))
            ev = true;
        if (!ev && b + 1 < nt && v[b + 1].sep == ',' && r->s[v[b].end] == ',') {
            for (size_t k = b + 1; k < nt && k < b + 8; k++) {
                if (k > b + 1 && !er_joined(&v[k]))
                    break;
                if (er_in(r, &v[k], WL_ROLES_AFTER)) {
                    ev = true;
                    break;
                }
            }
        }
        if (!ev || (len == 1 && !titled)) {
            if (len == 1 && !ev) {
                /* maybe a lone surname: decided after discovery */
            }
            i = e + 1;
            continue;
        }
        if (len == 1) {
            /* One word is a person only after an honorific or an office
             * ("Mr Blair", "President Trump"), never after a job noun
             * ("Tottenham boss"), and never an organisation word. */
            if (!honorific || er_is(r, &v[a], WL_ORG_SUFFIX) || er_is(r, &v[a], WL_ORG_HEAD)) {
                i = e + 1;
                continue;
            }
            if ((nsingles & (nsingles - 1)) == 0) /* grow at powers of two */
                singles = xrealloc(singles, (nsingles ? nsingles * 2 : 4) * sizeof *singles);
            singles[nsingles++].tok = a;
            i = e + 1;
            continue;
        }
        char *name = er_text(r, a, b);
        uint32_t ref = er_dyn(r, name, ENTITY_PERSON);
        free(name);
        struct dyn *d = &r->d[ref - r->g->nents];
        if (alt_a && !d->alt)
            d->alt = xstrndup(alt_a, alt_n);
        er_set_key(r, ref, a, b);
        er_mention(r, v[a].start, (uint32_t)span_end, ref);
        for (size_t k = a; k <= b; k++)
            r->covered[k] = 2;
        if (alt_a)
            r->covered[b + 1] = 2;
        i = e + 1;
    }

    /* Titled lone names ("President Trump", "Mr Blair"): the full name when
     * one was found, else a person of one word. */
    for (size_t s = 0; s < nsingles; s++) {
        size_t k = singles[s].tok;
        if (r->covered[k])
            continue;
        uint32_t ref = UINT32_MAX;
        for (size_t d = 0; d < r->nd; d++) {
            if (r->d[d].kind != ENTITY_PERSON || !r->d[d].key[0])
                continue;
            size_t l = v[k].end - v[k].start;
            if (strlen(r->d[d].key) == l && memcmp(r->d[d].key, r->s + v[k].start, l) == 0)
                ref = (uint32_t)(d + r->g->nents);
        }
        if (ref == UINT32_MAX) {
            char *name = er_text(r, k, k);
            ref = er_dyn(r, name, ENTITY_PERSON);
            free(name);
            struct dyn *d = &r->d[ref - r->g->nents];
            size_t l = v[k].end - v[k].start;
            if (l < sizeof d->key && !d->key[0]) {
                memcpy(d->key, r->s + v[k].start, l);
                d->key[l] = '\0';
            }
        }
        er_mention(r, v[k].start, v[k].end, ref);
        r->covered[k] = 2;
    }
    free(singles);

    /* Later mentions: full names without evidence, and lone surnames. */
    er_pass_later(r);
}

/* A small map from a word (borrowed bytes) to an int32, for the later-mention
 * pass: words that start a person's name or are their key, and for each key
 * the person mentioned last. */
struct smap {
    const char **k;
    uint32_t *kl;
    int32_t *v;
    size_t mask, n;
};

static void
smap_init(struct smap *m, size_t want)
{
    size_t cap = 16;
    while (cap < want * 2 + 2)
        cap *= 2;
    m->k = xcalloc(cap, sizeof *m->k);
    m->kl = xcalloc(cap, sizeof *m->kl);
    m->v = xcalloc(cap, sizeof *m->v);
    m->mask = cap - 1;
    m->n = 0;
}

static void
smap_free(struct smap *m)
{
    free(m->k);
    free(m->kl);
    free(m->v);
}

/* The slot for w (found, or empty where it would go). */
static size_t
smap_slot(const struct smap *m, const char *w, size_t n)
{
    size_t j = ds_hash64(w, n) & m->mask;
    while (m->k[j] && !(m->kl[j] == n && memcmp(m->k[j], w, n) == 0))
        j = (j + 1) & m->mask;
    return j;
}

static void
smap_put(struct smap *m, const char *w, size_t n, int32_t v)
{
    size_t j = smap_slot(m, w, n);
    if (!m->k[j]) {
        m->k[j] = w;
        m->kl[j] = (uint32_t)n;
        m->n++;
    }
    m->v[j] = v;
}

static bool
smap_get(const struct smap *m, const char *w, size_t n, int32_t *v)
{
    size_t j = smap_slot(m, w, n);
    if (!m->k[j])
        return false;
    *v = m->v[j];
    return true;
}

struct pmention {
    uint32_t start;
    uint32_t ref;
};

static int
er_pm_cmp(const void *pa, const void *pb)
{
    const struct pmention *a = pa, *b = pb;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* Is dyn d a person a lone surname can refer to? (A one-word person exists
 * only when no full name has that surname.) */
static bool
er_full_person(const struct dyn *d)
{
    return d->kind == ENTITY_PERSON && d->key[0];
}

static void
er_pass_later(struct ent_run *r)
{
    const struct tok *v = r->t.v;
    size_t nt = r->t.n;
    size_t npeople = 0;
    for (size_t d = 0; d < r->nd; d++)
        if (r->d[d].kind == ENTITY_PERSON)
            npeople++;
    if (!npeople)
        return;
    /* words that may start a mention */
    struct smap cand, latest;
    smap_init(&cand, npeople * 2);
    smap_init(&latest, npeople);
    for (size_t d = 0; d < r->nd; d++) {
        const struct dyn *dy = &r->d[d];
        if (dy->kind != ENTITY_PERSON)
            continue;
        size_t fl = strcspn(dy->name, " -");
        smap_put(&cand, dy->name, fl, 1);
        if (dy->key[0])
            smap_put(&cand, dy->key, strlen(dy->key), 1);
    }
    /* full-name person mentions so far, by position */
    struct pmention *pm = NULL;
    size_t npm = 0;
    for (size_t m = 0; m < r->nm; m++) {
        uint32_t ref = r->m[m].ref;
        if (ref < r->g->nents || !er_full_person(&r->d[ref - r->g->nents]))
            continue;
        if (!pm)
            pm = xmalloc(r->nm * sizeof *pm);
        pm[npm].start = r->m[m].start;
        pm[npm].ref = ref;
        npm++;
    }
    if (npm > 1)
        qsort(pm, npm, sizeof *pm, er_pm_cmp);
    size_t sp = 0;

    for (size_t i = 0; i < nt; i++) {
        /* what was mentioned before this token */
        while (sp < npm && pm[sp].start < v[i].start) {
            const struct dyn *dy = &r->d[pm[sp].ref - r->g->nents];
            smap_put(&latest, dy->key, strlen(dy->key), (int32_t)pm[sp].ref);
            sp++;
        }
        if (r->covered[i] || !(v[i].flags & TK_NAMEY))
            continue;
        size_t tl = v[i].end - v[i].start;
        const char *tw = r->s + v[i].start;
        int32_t dummy;
        if (!smap_get(&cand, tw, tl, &dummy))
            continue;
        /* full name over 2-3 tokens */
        bool done = false;
        for (size_t len = 3; len >= 2 && !done; len--) {
            if (i + len > nt)
                continue;
            bool joined = true;
            for (size_t k = i + 1; k < i + len; k++)
                if (r->covered[k] || v[k].sep != ' ' || (v[k - 1].flags & TK_POSS))
                    joined = false;
            if (!joined)
                continue;
            char *name = er_text(r, i, i + len - 1);
            uint32_t ref = er_find(r, name, ENTITY_PERSON);
            free(name);
            if (ref == UINT32_MAX)
                continue;
            er_mention(r, v[i].start, v[i + len - 1].end, ref);
            for (size_t k = i; k < i + len; k++)
                r->covered[k] = 2;
            const struct dyn *dy = &r->d[ref - r->g->nents];
            if (er_full_person(dy))
                smap_put(&latest, dy->key, strlen(dy->key), (int32_t)ref);
            done = true;
        }
        if (done)
            continue;
        /* a lone surname not followed by another capitalised word */
        if (i + 1 < nt && (v[i + 1].flags & TK_CAP) && er_joined(&v[i + 1]) &&
            !(v[i].flags & TK_POSS))
            continue;
        if (i > 0 && (v[i - 1].flags & TK_CAP) && er_joined(&v[i]) && !r->covered[i - 1] &&
            !er_is(r, &v[i - 1], WL_STOP))
            continue;
        int32_t ref = -1;
        if (!smap_get(&latest, tw, tl, &ref)) {
            /* none before: the first one after (looking a bounded way ahead) */
            for (size_t k = sp; k < npm && k < sp + 64; k++) {
                const struct dyn *dy = &r->d[pm[k].ref - r->g->nents];
                if (strlen(dy->key) == tl && memcmp(dy->key, tw, tl) == 0) {
                    ref = (int32_t)pm[k].ref;
                    break;
                }
            }
        }
        if (ref >= 0) {
            er_mention(r, v[i].start, v[i].end, (uint32_t)ref);
            r->covered[i] = 2;
        }
    }
    free(pm);
    smap_free(&cand);
    smap_free(&latest);
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
ent_run(const struct gazetteer *g, const char *body, size_t n, struct toks *toks,
        struct extraction *out)
{
    struct ent_run r;
    memset(&r, 0, sizeof r);
    r.s = body;
    r.n = n;
    r.g = g;
    r.t = *toks; /* borrowed: the caller frees it */
    r.covered = xcalloc(r.t.n + 1, 1);
    er_pass_gazetteer(&r);
    er_pass_people(&r);
    if (r.nm > 1)
        qsort(r.m, r.nm, sizeof *r.m, er_mention_cmp);

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
    free(r.covered);
}

/*
 * extract/org_shapes.c — organisations no list names and no organisation
 * word ends: a company or body known by its place in the sentence, after
 * the people pass (so that a person's lone surname is never taken).
 *
 *   "Eskom chief executive Dan Marokane", "Westpac chief economist ...":
 *       a capitalised name, then a lower-case title, then a name;
 *   "Petrobras shares fell", "shares of MTN Nigeria rose": next to shares;
 *   "SMRT said", "CEOE said": an acronym before a reporting verb;
 *   "Volkswagen, Stellantis and Renault": a list of three or more, a third
 *       of whose items are organisations found (or after "shares in");
 *   "Aslef said its drivers", "Saab won ... . Micael Johansson, its chief
 *       executive": what "its" refers to; "the Historic Pact said".
 * Each one found is also every later token written the same.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib.h"
#include "people.h"

/* Is token k written with a lower-case first letter and a capital inside
 * it, letters only ("eBay", "easyJet", "iRobot"): a brand's casing? */
static bool
os_camel(const struct ent_run *r, size_t k)
{
    const struct tok *t = &r->t.v[k];
    const char *w = r->s + t->start;
    size_t n = t->end - t->start, caps = 0;
    if (n < 4 || !ex_is_lower((unsigned char)w[0]))
        return false;
    for (size_t p = 1; p < n; p++) {
        if (!ex_is_lower((unsigned char)w[p]) && !ex_is_upper((unsigned char)w[p]))
            return false;
        caps += ex_is_upper((unsigned char)w[p]) != 0;
    }
    return caps > 0;
}

/* Could token k be (part of) a company's name: capitalised, not yet an
 * entity, no function, stop, title or given-name word, no nationality
 * ("German", "Spanish", "Dutch")? */
static bool
os_name_word(const struct ent_run *r, size_t k)
{
    const struct tok *t = &r->t.v[k];
    if (r->covered[k] || !(t->flags & TK_CAP || os_camel(r, k)) || (t->flags & (TK_NUM | TK_CJK)))
        return false;
    size_t n = t->end - t->start;
    bool acronym = (t->flags & TK_ALLCAPS) && n >= 3 && !(k > 0 && (t[-1].flags & TK_ALLCAPS)) &&
                   !(k + 1 < r->t.n && (t[1].flags & TK_ALLCAPS)); /* "the WHO", not a heading */
    bool amp = (k + 1 < r->t.n && t[1].start == t->end + 3 &&
                memcmp(r->s + t->end, " & ", 3) == 0) ||
               (k > 0 && t->start == t[-1].end + 3 && memcmp(r->s + t[-1].end, " & ", 3) == 0);
    amp |= er_al_surname(r, k) && !(k > 0 && er_joined(t) && (t[-1].flags & TK_NAMEY));
    /* ... nor a lone "Al-Nassr" (no name before it: a club's, a channel's) */
    if (er_is(r, t, WL_STOP) || er_in(r, t, WL_TITLES) || er_is(r, t, WL_HONORIFIC) ||
        (er_is(r, t, WL_GIVEN) && !amp) || /* "Ernst & Young": no person's name has "&" */
        (!acronym && (er_is(r, t, WL_FUNCTION) || er_is(r, t, WL_PRONOUNS))))
        return false;
    static const char *const demonym[] = {"ian", "ese", "ish", "ean", "can", "tch", "nch",
                                          NULL};
    if (!(t->flags & TK_ALLCAPS))
        for (const char *const *e = demonym; *e; e++) {
            size_t el = strlen(*e);
            if (n > el + 2 && memcmp(r->s + t->end - el, *e, el) == 0)
                return false;
        }
    return true;
}

/* Is a sentence's first word i a name: written with an inner capital
 * ("UniCredit") or in capitals, or capitalised again inside a sentence? */
static bool
os_proper(const struct ent_run *r, size_t i)
{
    const struct tok *v = r->t.v;
    if (!(v[i].flags & TK_SENT) || (v[i].flags & TK_ALLCAPS))
        return true;
    for (uint32_t p = v[i].start + 1; p < v[i].end; p++)
        if (r->s[p] >= 'A' && r->s[p] <= 'Z')
            return true;
    size_t n = v[i].end - v[i].start;
    for (size_t k = 0; k < r->t.n; k++)
        if (k != i && !(v[k].flags & TK_SENT) && v[k].end - v[k].start == n &&
            memcmp(r->s + v[k].start, r->s + v[i].start, n) == 0)
            return true;
    return false;
}

/* Is token k a lower-case title a company gives ("chief executive",
 * "spokeswoman", "economist"), not one any body or event has
 * ("director", "head")? */
static bool
os_company_title(const struct ent_run *r, size_t k)
{
    static const char *const titles[] = {
        "chief", "ceo", "cfo", "chairman", "chairwoman", "chairperson", "president",
        "spokesman", "spokeswoman", "spokesperson", "economist", "analyst", "strategist",
        "founder", "co-founder", "cofounder", "boss", NULL};
    for (const char *const *t = titles; *t; t++)
        if (er_tok_is(r, k, *t))
            return true;
    return false;
}

/* Is token k a lower-case noun for a company ("the mining group Vale",
 * "Vale, the miner,", "the utility Eskom")? */
static bool
os_company_noun(const struct ent_run *r, size_t k, bool after)
{
    static const char *const nouns[] = {
        "company", "firm", "utility", "lender", "miner", "carmaker", "automaker",
        "conglomerate", "insurer", "retailer", "airline", "giant", "chipmaker", "refiner",
        "fund", "regulator", "watchdog", "charity", NULL};
    /* after a name, in apposition, also words any body may be called
     * ("Vale, the mining group,"; not "local group Victims") */
    static const char *const wider[] = {"group", "operator", "producer", "developer",
                                        "broadcaster", "commission", "agency", "union",
                                        "party", "movement", "network", "rival", "club",
                                        "manufacturer", "maker", "carrier", "bank",
                                        "chain", "studio", "label", "distributor", NULL};
    if (k < r->t.n && (r->t.v[k].flags & TK_POSS))
        return false; /* "Smith, the company's chairman": a person of the company */
    for (const char *const *w = nouns; *w; w++)
        if (er_tok_is(r, k, *w))
            return true;
    for (const char *const *w = wider; after && *w; w++)
        if (er_tok_is(r, k, *w))
            return true;
    return false;
}

/* Is token k a team's staff ("manager", "coach", "captain") after a
 * possessive name that no person took? */
static bool
os_team_staff(const struct ent_run *r, size_t k)
{
    return k < r->t.n && (er_tok_is(r, k, "manager") || er_tok_is(r, k, "coach") ||
                          er_tok_is(r, k, "captain"));
}

/* Are tokens k, k + 1 an office only a body has ("executive director",
 * "director general", "secretary-general"): "Europol's executive
 * director"? */
static bool
os_body_office(const struct ent_run *r, size_t k)
{
    return k + 1 < r->t.n && er_joined(&r->t.v[k + 1]) &&
           ((er_tok_is(r, k, "executive") && er_tok_is(r, k + 1, "director")) ||
            ((er_tok_is(r, k, "director") || er_tok_is(r, k, "secretary")) &&
             er_tok_is(r, k + 1, "general")));
}

/* Is token k (after a possessive, past one capitalised adjective) what
 * only a body has: "Iberdrola's British arm", "Hezbollah's bloc",
 * "Unison's conference", "Codelco's board"? */
static bool
os_owned(const struct ent_run *r, size_t k)
{
    static const char *const owned[] = {
        "board", "shares", "shareholders", "bloc", "arm", "unit", "subsidiary", "conference",
        "headquarters", "profits", "lawmakers", "employees", "workforce", "executives",
        "factories", "brands", NULL};
    if (k + 1 < r->t.n && (r->t.v[k].flags & TK_CAP) && !(r->t.v[k].flags & TK_POSS) &&
        r->t.v[k + 1].sep == ' ')
        k++;
    for (const char *const *w = owned; *w; w++)
        if (er_tok_is(r, k, *w))
            return true;
    return false;
}

/* Is token k the word w in any case? */
static bool
os_word_ci(const struct ent_run *r, size_t k, const char *w)
{
    size_t n = strlen(w);
    return k < r->t.n && r->t.v[k].end - r->t.v[k].start == n &&
           strncasecmp(r->s + r->t.v[k].start, w, n) == 0;
}

/* Is the run at token i where someone works ("an analyst at Nomura",
 * "analysts at PKO BP"), or what someone runs ("who chairs PLDT", "chief
 * executive of NNPC", "head of Pemex")? */
static bool
os_worked_at(const struct ent_run *r, size_t i, size_t j)
{
    static const char *const jobs[] = {"analyst", "analysts", "economist", "economists",
                                       "strategist", "strategists", "trader", "traders",
                                       "banker", "bankers", "engineer", "engineers",
                                       "employee", "employees", "executive", "executives",
                                       "doctors", "researchers", "scientists", "surgeons",
                                       "professor", "academics", NULL};
    static const char *const runs[] = {"chairs", "heads", "runs", "founded", "co-founded",
                                       "owns", NULL};
    static const char *const roles[] = {"executive", "chairman", "chairwoman", "founder",
                                        "head", "boss", "owner", "shareholder", NULL};
    const struct tok *v = r->t.v;
    if (i < 2 || v[i].sep != ' ' || (v[i].flags & TK_POSS))
        return false; /* "head of Surrey's Lionhead Studios" */
    size_t b = i - (i >= 3 && er_tok_is(r, i - 1, "the") && er_tok_is(r, i - 2, "at") &&
                    !(i + 1 < r->t.n && er_joined(&v[i + 1]) &&
                      ((v[i + 1].flags & TK_CAP) || er_is(r, &v[i + 1], WL_CONNECTORS))));
    /* "researchers at the Charité"; not the first word of "the Pontificia Universidad
       Católica del Perú" */
    const char *const *list = er_tok_is(r, b - 1, "at") ? jobs : er_tok_is(r, i - 1, "of") ? roles
                                                                                     : runs;
    size_t at = list == runs ? i - 1 : list == jobs ? b - 2 : i - 2;
    for (const char *const *w = list; *w; w++)
        if (er_tok_is(r, at, *w) ||
            (list == jobs && (v[at].flags & TK_SENT) && os_word_ci(r, at, *w) &&
             !(j + 1 < r->t.n && er_joined(&v[j + 1]) && (v[j + 1].flags & TK_CAP))))
            /* "Analysts at Jefferies"; not "PKO" of "Analysts at PKO BP" */
            return list != runs || er_tok_is(r, at - 1, "who");
    return false;
}

/* Is the run [i, j] a team or a party by the word after it: "the
 * Fenerbahçe coach", "whose Bhumjaithai party"? (Not by a score after it:
 * a tennis player's name is followed by one too.) */
static bool
os_team(const struct ent_run *r, size_t i, size_t j)
{
    static const char *const staff[] = {"coach", "manager", "captain", "goalkeeper", "striker",
                                        "midfielder", "defender", "chairman", "owner",
                                        "president", "party", "union", NULL};
    const struct tok *v = r->t.v;
    size_t k = j + 1;
    if (i == 0 || k >= r->t.n || v[k].sep != ' ' || (v[k].flags & TK_POSS) ||
        !(er_tok_is(r, i - 1, "the") || er_tok_is(r, i - 1, "whose") || er_tok_is(r, i - 1, "The")))
        return false;
    for (const char *const *w = staff; *w; w++)
        if (er_tok_is(r, k, *w))
            return true;
    return false;
}

/* Does a mention of an organisation cover token k? */
static bool
os_org_at(const struct ent_run *r, size_t k)
{
    if (k >= r->t.n || r->covered[k] != 1)
        return false;
    uint32_t at = r->t.v[k].start;
    for (size_t m = r->nm; m > 0; m--) {
        const struct mention *mm = &r->m[m - 1];
        if (mm->start <= at && at < mm->end) {
            enum entity_kind kind = mm->ref < r->g->nents ? r->g->ents[mm->ref].kind
                                                          : r->d[mm->ref - r->g->nents].kind;
            return kind == ENTITY_ORG;
        }
    }
    return false;
}

/* Is the run [i, j] placed as a company by its neighbours: written with a
 * possessive before a company's title ("Codelco's chairman"), after a
 * lower-case noun for a company ("the state utility Eskom") or before one
 * in apposition ("Vale, the mining group,"), or joined by "and" to an
 * organisation ("Infosys and Wipro Ltd", "Equinor and Vattenfall" after
 * "Equinor's chief executive")? */
static bool
os_beside(const struct ent_run *r, size_t i, size_t j)
{
    const struct tok *v = r->t.v;
    size_t k = j + 1;
    if (v[i].sep == '-' || (k < r->t.n && v[k].sep == '-') ||
        (i >= 2 && v[i].sep == ' ' && er_tok_is(r, i - 1, "the") && (v[i - 2].flags & TK_CAP) &&
         v[i - 1].sep == ' ') || /* "Save the Children" */
        (k < r->t.n && er_joined(&v[k]) && (v[k].flags & TK_CAP) && !(v[j].flags & TK_POSS)) ||
        (i > 0 && er_joined(&v[i]) && (v[i - 1].flags & TK_CAP)) ||
        (k + 1 < r->t.n && (er_tok_is(r, k, "of") || er_tok_is(r, k, "for")) &&
         (v[k + 1].flags & TK_CAP)))
        return false; /* part of a longer name: "F-Secure", "Departments of Health", "Saint
                         Bernard Software" */
    if ((v[j].flags & TK_POSS) &&
        (os_company_title(r, k) || os_owned(r, k) || os_body_office(r, k) ||
         (!(v[i].flags & TK_SENT) && os_team_staff(r, k))))
        return true; /* ... "Brentford's manager", "Al-Nassr's captain" */
    if (i > 0 && v[i].sep == ' ' && os_company_noun(r, i - 1, false) &&
        !(i > 1 && er_tok_is(r, i - 2, "to")))
        return true; /* not a verb: "to fund Obamacare" */
    if (k + 1 < r->t.n && v[k].sep == ',' &&
        (er_tok_is(r, k, "the") || er_tok_is(r, k, "a") || er_tok_is(r, k, "its")))
        for (size_t q = k + 1; q < r->t.n && q <= k + 4 && er_joined(&v[q]); q++)
            if (os_company_noun(r, q, true))
                return q + 1 >= r->t.n || !er_joined(&v[q + 1]) || er_tok_is(r, q + 1, "that") ||
                       er_tok_is(r, q + 1, "from") || er_tok_is(r, q + 1, "formed") ||
                       er_tok_is(r, q + 1, "based") || er_tok_is(r, q + 1, "run") ||
                       er_tok_is(r, q + 1, "behind") || er_tok_is(r, q + 1, "controlled") ||
                       er_tok_is(r, q + 1, "owned") || er_tok_is(r, q + 1, "led") ||
                       (er_tok_is(r, q + 1, "of") && q + 2 < r->t.n &&
                        !(v[q + 2].flags & TK_CAP)); /* "Grab, its rival from Singapore,",
                                                        "Trian, the fund run by", "GAFCON, a
                                                        group of conservative churches" */
    if (v[j].flags & TK_POSS)
        return false; /* "Tesco and Sainsbury's rose": whose name ends how is unsaid */
    size_t o = k + 1 + (k + 2 < r->t.n && er_tok_is(r, k + 1, "the")); /* "Unison and the GMB" */
    if (o < r->t.n && er_tok_is(r, k, "and") && v[k + 1].sep == ' ' && v[o].sep == ' ' &&
        os_org_at(r, o))
        return os_proper(r, i) || r->s[v[j].end - 1] != 's'; /* not "Commentators and
                                                                   Yukos" */
    return i >= 2 && er_tok_is(r, i - 1, "and") && v[i].sep == ' ' && os_org_at(r, i - 2);
}

/* Is token k capitalised, joined to nothing before it but a space? */
static bool
os_cap(const struct ent_run *r, size_t k)
{
    return k < r->t.n && (r->t.v[k].flags & TK_CAP) && !(r->t.v[k].flags & TK_NUM);
}

/* The first token of the list item after an item ending at token e (", X"
 * or "and X", ", and X"), or SIZE_MAX. */
static size_t
os_item_after(const struct ent_run *r, size_t e)
{
    const struct tok *v = r->t.v;
    size_t k = e + 1;
    if (k >= r->t.n || (v[e].flags & TK_POSS))
        return SIZE_MAX;
    if (v[k].sep == ',' && os_cap(r, k) && !er_is(r, &v[k], WL_STOP))
        return k;
    if (er_tok_is(r, k, "and") && (v[k].sep == ' ' || v[k].sep == ',') && k + 1 < r->t.n &&
        v[k + 1].sep == ' ' && os_cap(r, k + 1))
        return k + 1;
    return SIZE_MAX;
}

/* The last token of the list item before the item starting at token i, or
 * SIZE_MAX. */
static size_t
os_item_before(const struct ent_run *r, size_t i)
{
    const struct tok *v = r->t.v;
    if (i >= 1 && v[i].sep == ',' && os_cap(r, i - 1) && !(v[i - 1].flags & TK_POSS))
        return i - 1;
    if (i >= 2 && v[i].sep == ' ' && er_tok_is(r, i - 1, "and") &&
        (v[i - 1].sep == ' ' || v[i - 1].sep == ',') && os_cap(r, i - 2) &&
        !(v[i - 2].flags & TK_POSS))
        return i - 2;
    return SIZE_MAX;
}

/* Does an organisation's mention start at token k and hold an "and"
 * ("Pharmacists and Dentists Union")? */
static bool
os_org_has_and(const struct ent_run *r, size_t k)
{
    if (!os_org_at(r, k))
        return false;
    uint32_t at = r->t.v[k].start, end = at;
    for (size_t m = 0; m < r->nm; m++)
        if (r->m[m].start == at && r->m[m].end > end)
            end = r->m[m].end;
    for (size_t q = k + 1; q < r->t.n && r->t.v[q].start < end; q++)
        if (er_tok_is(r, q, "and"))
            return true;
    return false;
}

/* Is the run [i, j] an item of a list of three names or more ("Kering,
 * Hermès and Richemont", "Ecopetrol, Grupo Aval and Bancolombia") another
 * item of which is an organisation found, or which follows "shares in"?
 * (Two items joined by "and" are os_beside's.) */
static bool
os_listed(const struct ent_run *r, size_t i, size_t j)
{
    const struct tok *v = r->t.v;
    if (v[i].sep == '-' || (i > 0 && v[i].sep == ' ' && os_cap(r, i - 1)) ||
        (j + 1 < r->t.n && (v[j + 1].sep == '-' || (v[j + 1].sep == ' ' && os_cap(r, j + 1)))))
        return false; /* part of a longer name: "Credit Suisse First Boston", "X-Friend" */
    size_t first = i, items = 1, orgs = 0;
    bool comma = false;
    for (size_t e = os_item_before(r, i); e != SIZE_MAX && items < 12; items++) {
        comma |= v[first].sep == ',';
        size_t s = e;
        while (s > 0 && v[s].sep == ' ' && os_cap(r, s - 1) && e - s < 3)
            s--;
        if (r->covered[s] == 2)
            return false; /* people listed: "Coldplay, Daniel Bedingfield, Will Young" */
        orgs += os_org_at(r, s) || os_org_at(r, e);
        first = s;
        e = os_item_before(r, s);
    }
    size_t before = first >= 2 && er_tok_is(r, first - 1, "the") ? first - 1 : first;
    if (before >= 2 && v[first].sep == ' ' &&
        (er_tok_is(r, before - 1, "of") || er_tok_is(r, before - 1, "for")) && os_cap(r, before - 2))
        return false; /* a name's parts: "Department for Culture, Media and Sport",
                         "Department of the Environment, Food and Rural Affairs" */
    for (size_t s = os_item_after(r, j); s != SIZE_MAX && items < 12; items++) {
        comma |= v[s].sep == ',';
        if (v[s].sep == ',' && os_org_has_and(r, s))
            return false; /* one name with commas in it: "Kenya Medical Practitioners,
                             Pharmacists and Dentists Union" */
        if (r->covered[s] == 2)
            return false;
        size_t e = s;
        while (e + 1 < r->t.n && v[e + 1].sep == ' ' && os_cap(r, e + 1) &&
               !er_tok_is(r, e + 1, "and") && e - s < 3)
            e++;
        orgs += os_org_at(r, s);
        s = os_item_after(r, e);
    }
    if (items < 3 || !comma)
        return false;
    if (first >= 2 && (er_tok_is(r, first - 1, "in") || er_tok_is(r, first - 1, "of")) &&
        (er_tok_is(r, first - 2, "shares") || er_tok_is(r, first - 2, "Shares")))
        return true;
    return orgs > 0 && orgs * 3 >= items; /* not a team sheet with one "Ford" in it */
}

/* Does "its" refer to the run [i, j]: the run is a sentence's subject, a
 * lower-case verb after it and "its" a few words on ("Aslef said its
 * drivers", "Intel said its new factory"), or the next sentence names a
 * person and then ", its" ("Saab won an order ... . Micael Johansson,
 * its chief executive, said")? A person is "his" or "her". */
static bool
os_its(const struct ent_run *r, size_t i, size_t j)
{
    const struct tok *v = r->t.v;
    size_t n = r->t.n, k = j + 1;
    if (k < n && v[k].sep == ',' && er_tok_is(r, k, "which")) /* "NatWest, which returned to
                                                                private hands, said its" */
        for (size_t q = k + 1; q < n && q < k + 16 && !(v[q].flags & TK_SENT); q++)
            if (v[q].sep == ',') {
                k = q;
                break;
            }
    if (k >= n || v[k].sep != (k == j + 1 ? ' ' : ','))
        return false;
    if ((v[k].flags & (TK_CAP | TK_NUM)) || (v[j].flags & TK_POSS))
        return false;
    for (size_t q = k + 1; q < n && q <= k + 5 && !(v[q].flags & TK_SENT) &&
                           er_in(r, &v[k], WL_SAID_AFTER); q++) { /* "said", not "expects": a
                                                                    country expects its harvest */
        if (r->covered[q] == 2 || v[q].sep == ',')
            break;
        if (er_tok_is(r, q, "its"))
            return true;
    }
    if (!(v[i].flags & TK_SENT))
        return false;
    size_t q = k;
    while (q < n && !(v[q].flags & TK_SENT))
        q++;
    for (size_t p = q + 1; p < n && p < q + 6 && !(v[p].flags & TK_SENT); p++)
        if (er_tok_is(r, p, "its") && v[p].sep == ',' && r->covered[p - 1] == 2 &&
            os_company_title(r, p + 1) && !er_tok_is(r, p + 1, "president"))
            return true; /* a country has "its president" too */
    return false;
}

/* Is token k a football score, "2-0", "3-3": two one-digit numbers joined
 * by a hyphen, no second score after a comma (a tennis match's "6-4,
 * 7-5"), neither six or more (a set's)? */
static bool
os_score(const struct ent_run *r, size_t k)
{
    const struct tok *v = r->t.v;
    if (k + 1 >= r->t.n || !(v[k].flags & TK_NUM) || !(v[k + 1].flags & TK_NUM) ||
        v[k + 1].sep != '-' || v[k].end - v[k].start != 1 || v[k + 1].end - v[k + 1].start != 1 ||
        r->s[v[k].start] >= '6' || r->s[v[k + 1].start] >= '6')
        return false;
    return k + 2 >= r->t.n || !(v[k + 2].flags & TK_NUM) || v[k + 2].sep != ',';
}

/* Is the run [i, j] a team by a score: beaten or drawn with by the score
 * ("beat Wolfsburg 4-0"), or beating another by it ("Borussia Dortmund
 * beat Wolfsburg 4-0")? Not "2-2 at X": a ground as often as a team
 * ("at Anfield"). A run opening with a given name is a player's (a match
 * play's "Tiger Woods beat ... 2-1"). */
static bool
os_scored(const struct ent_run *r, size_t i, size_t j)
{
    static const char *const beat[] = {"beat", "beating", "beats", "defeated", "defeating",
                                       "thrashed", "drew", "draw", "against", "over", NULL};
    const struct tok *v = r->t.v;
    if (er_is(r, &v[i], WL_GIVEN) || er_is(r, &v[i], WL_CN_SURNAMES) || (v[j].flags & TK_POSS) ||
        (j + 1 < r->t.n && er_joined(&v[j + 1]) && (v[j + 1].flags & TK_CAP)) ||
        (i > 0 && er_joined(&v[i]) && (v[i - 1].flags & TK_CAP)))
        return false; /* part of a longer name: "St Mirren" */
    bool verb = false;
    for (const char *const *w = beat; i > 0 && *w && !verb; w++)
        verb = er_tok_is(r, i - 1, *w);
    if (verb && v[i].sep == ' ' && os_score(r, j + 1))
        return true;
    static const char *const result[] = {"win", "victory", "defeat", "loss", "draw", NULL};
    bool res = false;
    for (const char *const *w = result; i >= 4 && *w && !res; w++)
        res = er_tok_is(r, i - 2, *w);
    if (res && v[i].sep == ' ' && os_score(r, i - 4) &&
        (er_tok_is(r, i - 1, "over") || er_tok_is(r, i - 1, "to") ||
         er_tok_is(r, i - 1, "with") || er_tok_is(r, i - 1, "against")))
        return true; /* "a 2-1 win over Everton", "a 0-3 defeat to Ajax" */
    for (const char *const *w = beat; j + 3 < r->t.n && *w; w++)
        if (er_tok_is(r, j + 1, *w) && v[j + 1].sep == ' ' && (v[j + 2].flags & TK_CAP)) {
            size_t e = j + 2;
            while (e + 1 < r->t.n && v[e + 1].sep == ' ' && (v[e + 1].flags & TK_CAP) && e < j + 4)
                e++;
            return os_score(r, e + 1) && !er_is(r, &v[j + 2], WL_GIVEN);
        }
    return false;
}

/* Is the run [i, j] a body by what is said of it: "its" refers to it, or
 * it follows "the" or a person's "of" ("the Historic Pact said", "Chris
 * Weston of Thames Water said") and a verb follows it? */
static bool
os_said_of(const struct ent_run *r, size_t i, size_t j)
{
    const struct tok *v = r->t.v;
    size_t k = j + 1;
    bool the = er_tok_is(r, i - 1, "the") && v[i].sep == ' ' && k < r->t.n && v[k].sep == ' ' &&
               er_in(r, &v[k], WL_SAID_AFTER) && /* not "the Danube has grown" */
               (j > i || (i >= 3 && er_tok_is(r, i - 2, "of") && r->covered[i - 3] == 2));
    /* "the Historic Pact said", "Erik Thedéen of the Riksbank said"; not "the Dutchman
       said" */
    if (!the && !os_its(r, i, j))
        return false;
    bool proper = os_proper(r, i) && !(j == i && er_lower_elsewhere(r, i));
    return proper || (j == i && r->s[v[i].end - 1] != 's' && !er_lower_elsewhere(r, i));
    /* not "Investors said its": a common noun opening a sentence */
}

/* Is the run [i, j] placed as a company: before a lower-case title and a
 * name, next to "shares", or an acronym before a reporting verb? */
static bool
os_placed(const struct ent_run *r, size_t i, size_t j)
{
    const struct tok *v = r->t.v;
    size_t k = j + 1;
    if (os_beside(r, i, j) || os_listed(r, i, j) || os_said_of(r, i, j) || os_scored(r, i, j))
        return true;
    if (er_by_maker(r, i) && !er_is(r, &v[i], WL_GIVEN) && !er_in(r, &v[i], WL_TITLES) &&
        (j > i || os_proper(r, i)))
        return true; /* "made by Novo Nordisk", "attacks by Boko Haram", "controlled by
                        Itochu" */
    if (!(k < r->t.n && (v[k].sep == '-' || v[k].sep == '/' || (er_tok_is(r, k, "and") && k + 1 < r->t.n &&
                                              (v[k + 1].flags & TK_CAP)))) &&
        (os_worked_at(r, i, j) || os_team(r, i, j)))
        return true; /* not part of a longer name: "F-Secure", "Fact and Opinion Economics" */
    if (k < r->t.n && v[k].sep == ' ' && !(v[k].flags & TK_CAP)) {
        if (er_tok_is(r, k, "shares") || er_tok_is(r, k, "stock"))
            return true;
        if (os_company_title(r, k) && k + 1 < r->t.n && er_joined(&v[k + 1]) &&
            ((v[k + 1].flags & TK_CAP) ||
             (er_in(r, &v[k + 1], WL_TITLES) && k + 2 < r->t.n && (v[k + 2].flags & TK_CAP))))
            return j > i || os_proper(r, i);
        if (j == i && (v[i].flags & TK_ALLCAPS) && v[i].end - v[i].start >= 3 &&
            er_in(r, &v[k], WL_SAID_AFTER) && (i == 0 || !(v[i - 1].flags & TK_ALLCAPS)))
            return true;
    }
    return i >= 2 && (er_tok_is(r, i - 1, "of") || er_tok_is(r, i - 1, "in")) &&
           (er_tok_is(r, i - 2, "shares") || er_tok_is(r, i - 2, "Shares"));
}

/* Is name (n bytes) the start of org name full, the rest a legal form
 * after at most one more word ("Mercado Libre" of "Mercado Libre Inc.",
 * "ASML" of "ASML Holding NV")? */
static bool
os_short_of(const char *name, size_t n, const char *full)
{
    static const char *const forms[] = {"Inc", "Inc.", "Ltd", "Ltd.", "Plc", "PLC", "plc",
                                        "AG", "NV", "SA", "Corp", "Corp.", "Co.", "LLC",
                                        "GmbH", "Tbk", "Bhd", "Limited", NULL};
    if (strncmp(full, name, n) != 0 || full[n] != ' ')
        return false;
    const char *last = strrchr(full + n, ' ') + 1;
    if (last - (full + n + 1) > 0 && strchr(full + n + 1, ' ') != last - 1)
        return false; /* two words or more before the form */
    for (const char *const *f = forms; *f; f++)
        if (strcmp(last, *f) == 0)
            return true;
    return false;
}

/* Is name (n bytes, five or more) the last words of org name full, a
 * team's or a firm's short form ("Lakers" of "Los Angeles Lakers")? */
static bool
os_last_words_of(const char *name, size_t n, const char *full)
{
    size_t fn = strlen(full);
    return n >= 5 && fn > n + 1 && full[fn - n - 1] == ' ' && memcmp(full + fn - n, name, n) == 0;
}

/* The organisation found whose name is [i, j] with a legal form after
 * it, or whose last words [i, j] are, or UINT32_MAX. */
static uint32_t
os_long_form(const struct ent_run *r, size_t i, size_t j)
{
    char *name = er_text(r, i, j);
    size_t n = strlen(name);
    uint32_t ref = UINT32_MAX;
    for (size_t d = 0; d < r->nd && ref == UINT32_MAX; d++)
        if (r->d[d].kind == ENTITY_ORG && (os_short_of(name, n, r->d[d].name) ||
                                           os_last_words_of(name, n, r->d[d].name)))
            ref = (uint32_t)(d + r->g->nents);
    for (size_t m = 0; m < r->nm && ref == UINT32_MAX; m++) {
        uint32_t g = r->m[m].ref; /* a listed body named in full before: "Los Angeles Lakers" */
        if (g < r->g->nents && r->g->ents[g].kind == ENTITY_ORG &&
            os_last_words_of(name, n, r->g->ents[g].name))
            ref = g;
    }
    free(name);
    return ref;
}

/* Record the organisation [i, j] (a mention of its longer name with a
 * legal form when one was found); a one-word name is remembered so that
 * later tokens written the same are mentions too. */
static void
os_add(struct ent_run *r, size_t i, size_t j)
{
    uint32_t ref = os_long_form(r, i, j);
    if (ref != UINT32_MAX) {
        er_mention(r, r->t.v[i].start, r->t.v[j].end, ref);
        for (size_t k = i; k <= j; k++)
            r->covered[k] = 1;
    } else {
        ref = er_org_span(r, i, j);
    }
    if (j == i)
        er_remember(r, i, ref);
    else if (j == i + 1 && er_al_surname(r, i))
        er_remember(r, j, ref); /* "Al-Nassr": its other mentions by the name's word */
}

/* Every capitalised run not yet an entity that is placed as a company. */
static void
os_scan(struct ent_run *r)
{
    const struct tok *v = r->t.v;
    for (size_t i = 0; i < r->t.n; i++) {
        if (!os_name_word(r, i)) {
            if ((v[i].flags & TK_NAMEY) && !r->covered[i] && er_which_after(r, i + 1) &&
                v[i + 1].sep == ' ' && er_is(r, &v[i], WL_GIVEN) && os_name_word(r, i + 1) &&
                er_org_cued(r, i, i + 1))
                os_add(r, i, i + 1); /* "Eli Lilly, which sells": no person (people.c) */
            continue;
        }
        size_t j = i + (er_al_surname(r, i) && !r->covered[i + 1]); /* "Al-Nassr" */
        while (j + 1 < r->t.n && j < i + 2 && v[j + 1].sep == ' ' && os_name_word(r, j + 1))
            j++;
        if (os_placed(r, i, j) || er_org_cued(r, i, j)) {
            size_t a = i == j ? er_org_absorb_place(r, i) : i;
            er_org_widen(r, &a, &j);
            os_add(r, a, j);
        }
        i = j;
    }
}

/* Every token not yet an entity written as a one-word company found. */
static void
os_uses(struct ent_run *r)
{
    for (size_t i = 0; i < r->t.n; i++) {
        if (!r->covered[i] && er_al_surname(r, i) && !r->covered[i + 1] &&
            er_acronym_use(r, i + 1)) {
            r->m[r->nm - 1].start = r->t.v[i].start; /* "Al-" and the name remembered */
            r->covered[i++] = 1;
        } else if (!r->covered[i] && ((r->t.v[i].flags & TK_CAP) || os_camel(r, i))) {
            er_acronym_use(r, i);
        }
    }
}

/* See people.h: every capitalised run not yet an entity that is placed as
 * a company, then every later token written as a one-word one; again (at
 * most three scans) while a scan finds a one-word one, for its neighbours
 * said before it ("Unite and Unison said" before "Unison's conference")
 * and the other items of its lists. */
void
er_pass_companies(struct ent_run *r)
{
    for (int pass = 0; pass < 3; pass++) {
        size_t nacr = r->nacr;
        os_scan(r);
        if (r->nacr == nacr)
            break; /* no one-word name found: nothing new to stand beside */
        os_uses(r);
    }
}

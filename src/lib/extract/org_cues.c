/*
 * extract/org_cues.c — more places in a sentence where only a body
 * stands, for org_shapes.c's scan, and the connectors that join the words
 * of a body's name written as a phrase:
 *
 *   "told Reuters", "according to the Detroit Free Press", "in an
 *       interview with Le Monde": a source a person speaks to;
 *   "Greenpeace activists", "Hurricanes fans", "members of the CGT":
 *       what only a body has members of;
 *   "Luisa Neubauer of Fridays for Future", "Marylise Léon of the CFDT":
 *       a person's "of" before a name that is no place (places are found
 *       first);
 *   "the Springboks play", "the Houthis fired", "against the Pumas",
 *       "the Matildas' coach": a plural name after "the" that acts;
 *   "Meals on Wheels", "Doctors Without Borders", "Bread for the World":
 *       a name found is widened over "on", "for", "without" (and "the"
 *       after them) to the capitalised words they join.
 * A name's words are uncovered when these run: people and places are
 * found before, so "told Smith" after "John Smith" is his.
 */
#include "config.h"

#include <string.h>
#include <stdint.h>
#include <strings.h>

#include "lib.h"
#include "people.h"

/* Is token k the word w, in any case? */
static bool
oc_word(const struct ent_run *r, size_t k, const char *w)
{
    if (k >= r->t.n)
        return false;
    const struct tok *t = &r->t.v[k];
    size_t n = t->end - t->start;
    return strlen(w) == n && strncasecmp(r->s + t->start, w, n) == 0;
}

/* Is token k one of the words in list (any case)? */
static bool
oc_any(const struct ent_run *r, size_t k, const char *const *list)
{
    for (; *list; list++)
        if (oc_word(r, k, *list))
            return true;
    return false;
}

/* Is token k lower case and joined to the one before by a space? */
static bool
oc_lower_next(const struct ent_run *r, size_t k)
{
    return k < r->t.n && r->t.v[k].sep == ' ' && !(r->t.v[k].flags & (TK_CAP | TK_NUM));
}

/* Does token k end in suffix? */
static bool
oc_ends(const struct ent_run *r, size_t k, const char *suffix)
{
    const struct tok *t = &r->t.v[k];
    size_t n = t->end - t->start, sn = strlen(suffix);
    return n > sn && memcmp(r->s + t->end - sn, suffix, sn) == 0;
}

/* Is token k capitals and a plural "s" ("MPs", "MSPs"): people, not a
 * body? */
static bool
oc_plural_caps(const struct ent_run *r, size_t k)
{
    const struct tok *t = &r->t.v[k];
    size_t n = t->end - t->start, caps = 0;
    for (size_t p = 0; p + 1 < n; p++)
        caps += r->s[t->start + p] >= 'A' && r->s[t->start + p] <= 'Z';
    return n >= 3 && r->s[t->end - 1] == 's' && caps + 1 == n;
}

/* A people's name in the plural ("Israelis", "Palestinians", "Muslims")
 * or a creed's ("Islamists", "Catholics"): members of no one body. */
static bool
oc_peoples(const struct ent_run *r, size_t k)
{
    static const char *const ends[] = {"is", "ans", "ists", "ics", "ims", "ites", "ese",
                                       "ish", "ist", "ic", "im", "ite", "an", NULL};
    for (const char *const *e = ends; *e; e++)
        if (oc_ends(r, k, *e))
            return true;
    return false;
}

/* Is the run [i, j] (after "the" or not) what a person speaks to or
 * is quoted by: "told (the) X", "according to (the) X", "interview with
 * (the) X", "reported by (the) X"? */
static bool
oc_source(const struct ent_run *r, size_t i, size_t j)
{
    size_t k = i >= 1 && oc_word(r, i - 1, "the") ? i - 1 : i;
    if (k < 2 || r->t.v[k].sep != ' ' || (r->t.v[i].flags & TK_SENT))
        return false;
    static const char *const shows[] = {"programme", "program", "show", "conference",
                                        "committee", "inquiry", "meeting", "audience", NULL};
    if (oc_lower_next(r, j + 1) && oc_any(r, j + 1, shows))
        return false; /* "told the Brighton conference", "told the Today programme" */
    if (er_tok_is(r, k - 1, "told"))
        return true; /* lower case: not a title's "The World According to Bex" */
    return (er_tok_is(r, k - 1, "to") && er_tok_is(r, k - 2, "according")) ||
           (er_tok_is(r, k - 1, "with") && er_tok_is(r, k - 2, "interview")) ||
           (er_tok_is(r, k - 1, "by") && (er_tok_is(r, k - 2, "reported") ||
                                         er_tok_is(r, k - 2, "quoted")));
}

/* Is the run [i, j] what members, activists or fans belong to: "X
 * activists", "members of (the) X"? */
static bool oc_holiday(const struct ent_run *r, size_t k);

static bool
oc_members(const struct ent_run *r, size_t i, size_t j)
{
    static const char *const members[] = {
        "activists", "members", "protesters", "militants", "fighters",
        "negotiators", "delegates", "volunteers", "loyalists", "campaigners", NULL};
    if (oc_lower_next(r, j + 1) && oc_any(r, j + 1, members) && !(r->t.v[j].flags & TK_POSS))
        return !oc_peoples(r, j) && !(i == j && (r->t.v[i].flags & TK_SENT));
    /* not "Opposition members", "Four members": a sentence's first word is
       capitalised whatever it is */
    static const char *const leaders[] = {"president", "leader", "chairman", "chairwoman",
                                          "head", NULL};
    size_t k = i >= 1 && oc_word(r, i - 1, "the") ? i - 1 : i;
    if (k < 2 || r->t.v[k].sep != ' ' || !oc_word(r, k - 1, "of"))
        return false;
    if (oc_word(r, k - 2, "members") || oc_word(r, k - 2, "member"))
        return true;
    /* "the president of the Teamsters", "the national president of Unifor": a
       body's leader (a country's and a place's are the gazetteer's; not "head of
       State") */
    static const char *const after[] = {"and", "who", "in", "since", "until", "said", "says",
                                        "which", "for", "from", NULL};
    size_t e = j + 1;
    bool ends = e >= r->t.n || r->t.v[e].sep != ' ' || oc_any(r, e, after);
    /* the name ends the phrase: not "chairman of the Commons public accounts
       committee", "leader of Devon county Labour group" */
    return oc_any(r, k - 2, leaders) && !(r->t.v[k - 2].flags & TK_CAP) && ends &&
           !(r->t.v[j].flags & TK_POSS) && !er_lower_elsewhere(r, i) && !oc_peoples(r, j) &&
           !oc_holiday(r, i);
}

/* Is the run at token i after a person's "of" ("Luisa Neubauer of
 * Fridays for Future", "Marylise Léon of the CFDT")? */
static bool
oc_person_of(const struct ent_run *r, size_t i)
{
    size_t k = i >= 1 && oc_word(r, i - 1, "the") ? i - 1 : i;
    return k >= 2 && r->t.v[k].sep == ' ' && oc_word(r, k - 1, "of") &&
           r->covered[k - 2] == 2 && r->t.v[k - 1].sep == ' ';
}

/* The first token of a listed place's mention that ends right before
 * token i, joined to it by a space ("the [Los Angeles] Lakers"), or
 * SIZE_MAX. */
static size_t
oc_place_before(const struct ent_run *r, size_t i)
{
    const struct tok *v = r->t.v;
    if (i == 0 || v[i].sep != ' ' || r->covered[i - 1] != 1)
        return SIZE_MAX;
    for (size_t m = 0; m < r->nm; m++) {
        const struct mention *mm = &r->m[m];
        if (mm->end != v[i - 1].end || mm->ref >= r->g->nents ||
            (r->g->ents[mm->ref].kind != ENTITY_PLACE && r->g->ents[mm->ref].kind != ENTITY_COUNTRY))
            continue;
        for (size_t p = i; p > 0; p--)
            if (v[p - 1].start == mm->start)
                return p - 1;
    }
    return SIZE_MAX;
}

/* Is the one-word run i a plural name after "the" that acts ("the
 * Houthis fired", "The Springboks play", "the Matildas' coach"), or is
 * played against or for ("against the Pumas", "playing for the
 * Crusaders")? */
static bool
oc_plural_team(const struct ent_run *r, size_t i)
{
    static const char *const against[] = {"against", "play", "plays", "playing", "played",
                                          "beat", "beating", "face", "faces", "facing", NULL};
    const struct tok *v = r->t.v;
    size_t place = oc_place_before(r, i), t = place == SIZE_MAX ? i : place;
    /* t: the name's first token, a place's before a team's ("the Los Angeles Lakers") */
    if (t == 0 || !oc_word(r, t - 1, "the") || v[t].sep != ' ' || !oc_ends(r, i, "s") ||
        oc_ends(r, i, "ss") || v[i].end - v[i].start < 5 || oc_peoples(r, i) ||
        er_lower_elsewhere(r, i))
        return false;
    if (t >= 2 && (oc_any(r, t - 2, against) ||
                   (oc_word(r, t - 2, "for") && t >= 3 && oc_any(r, t - 3, against))))
        return true;
    if (place != SIZE_MAX && oc_person_of(r, t))
        return true; /* "Victor Wembanyama of the San Antonio Spurs" */
    static const char *const with[] = {"with", "joined", "joining", NULL};
    if (place != SIZE_MAX && t >= 2 && oc_any(r, t - 2, with) && !er_is(r, &v[i], WL_STOP) &&
        !(v[i].flags & TK_POSS) && r->s[v[i].end] != '\'' && !oc_word(r, i + 1, "of"))
        return true; /* "five titles with the Los Angeles Lakers", "joined the Chicago Bulls";
                        not "with the British Chambers of Commerce" */
    size_t k = i + 1;
    static const char *const staff[] = {"coach", "manager", "captain", "players", "squad",
                                        "fans", "owner", "owners", "chairman", NULL};
    if ((v[i].flags & TK_POSS) || r->s[v[i].end] == '\'')
        return k < r->t.n && !(v[k].flags & (TK_CAP | TK_NUM)) &&
               (oc_any(r, k, staff) || (k + 1 < r->t.n && oc_any(r, k + 1, staff)));
    /* "the Matildas' new coach"; not "the Achilles' heel" */
    return oc_lower_next(r, k) && er_in(r, &v[k], WL_SAID_AFTER);
}

static bool oc_connector(const struct ent_run *r, size_t k);

/* Is the run at token i what someone leads ("who leads the CGT", "who
 * heads Oxfam")? */
static bool
oc_led(const struct ent_run *r, size_t i)
{
    static const char *const leads[] = {"leads", "led", "heads", "headed", "runs", "chairs",
                                        NULL};
    size_t k = i >= 1 && oc_word(r, i - 1, "the") ? i - 1 : i;
    return k >= 2 && r->t.v[k].sep == ' ' && oc_any(r, k - 1, leads) &&
           oc_word(r, k - 2, "who");
}

/* Is the one-word run i a sentence's subject that a reporting verb
 * follows and "it" takes up with a modal or a verb of intent ("Hezbollah
 * said separately that it would not disarm", "Stellantis said it would
 * keep talking")? A person is "he" or "she"; places are found before. */
static bool
oc_said_it(const struct ent_run *r, size_t i)
{
    static const char *const modals[] = {"would", "will", "had", "has", "could", "should",
                                         "planned", "plans", "expected", "expects", "intends",
                                         "might", "may", NULL};
    const struct tok *v = r->t.v;
    size_t k = i + 1;
    if (!(v[i].flags & TK_SENT) || (v[i].flags & TK_POSS) || !oc_lower_next(r, k) ||
        !er_in(r, &v[k], WL_SAID_AFTER) || er_lower_elsewhere(r, i) || oc_peoples(r, i) ||
        oc_ends(r, i, "s"))
        return false; /* not "Investors said it would": a plural noun */
    for (size_t q = k + 1; q + 1 < r->t.n && q <= k + 4 && !(v[q].flags & (TK_SENT | TK_CAP));
         q++)
        if (oc_word(r, q, "it") && oc_any(r, q + 1, modals) && v[q + 1].sep == ' ')
            return true;
    return false;
}

/* See people.h. */
bool
er_market_move(const struct ent_run *r, size_t b)
{
    static const char *const moves[] = {"rose", "fell", "gained", "climbed", "slipped",
                                        "jumped", "dropped", "slid", "surged", "tumbled",
                                        "soared", "sank", "lost", "added", "eased", "rallied",
                                        "plunged", "dipped", NULL};
    const struct tok *v = r->t.v;
    size_t k = b + 1;
    if (k + 1 >= r->t.n || !oc_lower_next(r, k) || !oc_any(r, k, moves) ||
        ((v[b].flags & TK_SENT) && er_lower_elsewhere(r, b)) || /* not "Shares fell 1%" */
        !(v[k + 1].flags & TK_NUM) || v[k + 1].sep != ' ' || (v[b].flags & TK_POSS))
        return false;
    uint32_t e = v[k + 1].end;
    return (e < r->n && r->s[e] == '%') ||
           (k + 2 < r->t.n && (oc_word(r, k + 2, "percent") ||
                               (oc_word(r, k + 2, "per") && oc_word(r, k + 3, "cent"))));
}

/* Is the run ending at token j described by what only a body does:
 * ", which runs schools", ", which represents players", ", which owns a
 * power station"? ("Bukavu, which the group seized": no verb after.) */
static bool
oc_which_does(const struct ent_run *r, size_t i, size_t j)
{
    static const char *const does[] = {
        "runs", "represents", "owns", "supplies", "operates", "employs", "speaks",
        "lobbies", "campaigns", "organises", "organizes", "regulates", "oversees",
        "manages", "publishes", "advises", "funds", "sponsors", "governs", "controls",
        "administers", "insures", "lends", "licenses", "acquired", "bought", "sells",
        "makes", "builds", "manufactures", "distributes", "audits", NULL};
    const struct tok *v = r->t.v;
    size_t k = j + 1;
    if (v[i].sep == '-' || (i > 0 && v[i].sep == ' ' && (v[i - 1].flags & TK_CAP)) ||
        (i > 1 && (oc_word(r, i - 1, "of") || oc_word(r, i - 1, "for")) &&
         (v[i - 2].flags & TK_CAP)))
        return false; /* the end of a longer name: "Brown-Forman", "Caledonian MacBrayne",
                         "the Act of Settlement" */
    return k + 1 < r->t.n && v[k].sep == ',' && oc_word(r, k, "which") &&
           oc_lower_next(r, k + 1) && oc_any(r, k + 1, does) && !(v[j].flags & TK_POSS);
}

/* Is token k a day, a month or a holiday ("Hamas on Tuesday", "Christmas
 * shoppers")? */
static bool
oc_holiday(const struct ent_run *r, size_t k)
{
    static const char *const days[] = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December", "Boxing", "Christmas", "Easter",
        "Day", NULL};
    return oc_any(r, k, days);
}

/* Is the run at token i what a company buys ("it bought Terminix",
 * "agreed to acquire Figma")? Places and people are found before. */
static bool
oc_bought(const struct ent_run *r, size_t i, size_t j)
{
    static const char *const buys[] = {"bought", "buy", "buys", "buying", "acquired", "acquire",
                                       "acquires", "acquiring", NULL};
    static const char *const after[] = {"in", "for", "from", "and", "last", "this", "at",
                                        "on", "after", "before", "earlier", "when", NULL};
    const struct tok *v = r->t.v;
    size_t k = j + 1;
    for (size_t q = i; q <= j; q++)
        if (v[q].flags & TK_NUM)
            return false; /* "buy MP3 players" */
    if (oc_lower_next(r, k) && !oc_any(r, k, after))
        return false; /* a name that qualifies a noun ("buy Koram bank"), a title ("bought
                         Flight into Danger") */
    return i > 0 && v[i].sep == ' ' && oc_lower_next(r, i - 1) && oc_any(r, i - 1, buys) &&
           !(v[j].flags & TK_POSS) && !oc_plural_caps(r, j);
}

/* Is token k one of the capitals-only run of a heading or a shouted
 * line: a neighbour in capitals too? */
static bool
oc_caps_line(const struct ent_run *r, size_t k)
{
    const struct tok *v = r->t.v;
    return (k > 0 && (v[k - 1].flags & TK_ALLCAPS)) ||
           (k + 1 < r->t.n && (v[k + 1].flags & TK_ALLCAPS));
}

/* Is the acronym at token i defined in the article after words in lower
 * case, a term's ("the producer price index (PPI)"), not a body's? */
static bool
oc_term_acronym(const struct ent_run *r, size_t i)
{
    const struct tok *t = &r->t.v[i];
    size_t n = t->end - t->start;
    for (const char *p = r->s; (p = memchr(p, '(', (size_t)(r->s + r->n - p))) != NULL; p++) {
        size_t left = (size_t)(r->s + r->n - p);
        if (left > n + 1 && p[n + 1] == ')' && memcmp(p + 1, r->s + t->start, n) == 0 &&
            p - r->s >= 2 && p[-1] == ' ' && ex_is_lower((unsigned char)p[-2]))
            return true;
    }
    return false;
}

/* Is the one-token run i an acronym (three to eight capitals) that acts as
 * only a body does: a body's officer or members after its possessive
 * ("the WFP's executive director", "the CMA's chief executive"), or, after
 * "the" or opening a sentence, an auxiliary and a verb ("WFP has already
 * halved", "the NBA had talked")? A product in capitals is "the PSP's
 * price" or "the DVD has become". */
static bool
oc_acronym_acts(const struct ent_run *r, size_t i)
{
    static const char *const officers[] = {
        "executive", "director", "director-general", "secretary-general", "chief", "head",
        "president", "chairman", "chairwoman", "chair", "spokesman", "spokeswoman",
        "spokesperson", "commissioner", "members", "staff", "board", "boss", NULL};
    static const char *const aux[] = {"has", "have", "had", "will", NULL};
    static const char *const not_verb[] = {"be", "been", "become", "a", "an", "the", "to",
                                           "not", "no", "also", "its", NULL};
    const struct tok *v = r->t.v;
    size_t n = v[i].end - v[i].start, k = i + 1;
    if (!(v[i].flags & TK_ALLCAPS) || n < 3 || n > 8 || oc_caps_line(r, i) ||
        !oc_lower_next(r, k))
        return false;
    for (uint32_t p = v[i].start; p < v[i].end; p++)
        if (r->s[p] < 'A' || r->s[p] > 'Z')
            return false;
    if (oc_term_acronym(r, i))
        return false;
    if (v[i].flags & TK_POSS)
        return oc_any(r, k, officers);
    bool subject = (v[i].flags & TK_SENT) || (i > 0 && oc_word(r, i - 1, "the") &&
                                                  v[i].sep == ' ');
    size_t q = k + (k + 1 < r->t.n && oc_word(r, k + 1, "already"));
    return subject && oc_any(r, k, aux) && oc_lower_next(r, q + 1) && !oc_any(r, q + 1, not_verb) &&
           !(v[q + 1].flags & TK_NUM);
}

/* Is the run [i, j] a company by what it reports or builds ("Toho
 * reported record profits", "Rheinmetall will build a plant", "Unilever
 * posted a loss")? */
static bool
oc_results(const struct ent_run *r, size_t i, size_t j)
{
    static const char *const reports[] = {"reported", "posted", "booked", "recorded",
                                          "announced", "forecast", NULL};
    static const char *const results[] = {"profit", "profits", "loss", "losses", "revenue",
                                          "revenues", "sales", "earnings", "dividend", NULL};
    static const char *const builds[] = {"build", "builds", "open", "opens", "opened", "close",
                                         "closes", "closed", NULL};
    static const char *const plants[] = {"plant", "plants", "factory", "factories", "mine",
                                         "refinery", "stores", "smelter", NULL};
    const struct tok *v = r->t.v;
    size_t k = j + 1;
    if ((v[j].flags & TK_POSS) || !oc_lower_next(r, k))
        return false;
    if (oc_word(r, k, "will") || oc_word(r, k, "would"))
        k++;
    bool rep = oc_any(r, k, reports), bld = !rep && oc_any(r, k, builds);
    if ((!rep && !bld) || (i == j && er_lower_elsewhere(r, i)))
        return false;
    for (size_t q = k + 1; (rep || bld) && q < r->t.n && q <= k + 3 && oc_lower_next(r, q); q++)
        if (oc_any(r, q, rep ? results : plants))
            return true;
    return false;
}

/* Is the one-word run i a club a player moved from ("joined from Ajax",
 * "signed from Benfica", "on loan from Lazio")? */
static bool
oc_transfer(const struct ent_run *r, size_t i)
{
    /* not "moved from Munich", "arrived from Kabul": a place no list holds */
    static const char *const moved[] = {"joined", "signed", "loan", NULL};
    return i >= 2 && r->t.v[i].sep == ' ' && oc_word(r, i - 1, "from") && /* cheap first */
           oc_any(r, i - 2, moved) && !er_lower_elsewhere(r, i);
}

/* See people.h. */
bool
er_org_cued(const struct ent_run *r, size_t i, size_t j)
{
    const struct tok *v = r->t.v;
    size_t k = j + 1;
    for (size_t q = i; q < j; q++)
        if (v[q].flags & TK_POSS)
            return false; /* "Five's Wright Stuff": a show of a channel */
    if ((v[j].flags & TK_POSS) && k < r->t.n && (v[k].flags & TK_CAP))
        return false; /* "the Athletes' Commission" */
    if (v[j].end - v[i].start < 2 || oc_plural_caps(r, j) ||
        (k < r->t.n && (v[k].flags & TK_NUM) && v[k].sep == ' '))
        return false; /* not "told MPs", "told Radio 4's Today" */
    if (i == j && oc_holiday(r, i))
        return false; /* "Christmas shoppers" */
    if (i == j && oc_place_before(r, i) != SIZE_MAX)
        return oc_plural_team(r, i); /* "the Los Angeles Lakers" */
    if ((i > 0 && v[i].sep == ' ' && (v[i - 1].flags & TK_CAP) && !(v[i - 1].flags & TK_SENT) &&
         !(v[i - 1].flags & TK_POSS)) ||
        (k < r->t.n && (v[k].sep == '-' || (v[k].sep == ' ' && (v[k].flags & TK_CAP)))) ||
        (k < r->t.n && oc_word(r, k, "of") && k + 1 < r->t.n && (v[k + 1].flags & TK_CAP)))
        return false; /* part of a longer name: "the Family League of Baltimore", "Johnnie
                         Walker" */
    if (oc_person_of(r, i))
        return (oc_word(r, i - 1, "the") || (v[i].flags & TK_ALLCAPS) || oc_connector(r, k)) &&
               /* not "Amy Klobuchar of Minnesota": a state no list holds */
               (!oc_lower_next(r, k) || er_in(r, &v[k], WL_SAID_AFTER) ||
                oc_connector(r, k) || oc_word(r, k, "and") || oc_word(r, k, "who"));
    /* not "Niamh Ní Bhriain of the Killybegs producers" */
    return oc_source(r, i, j) || oc_members(r, i, j) || oc_led(r, i) || er_market_move(r, j) ||
           oc_which_does(r, i, j) || oc_bought(r, i, j) || oc_results(r, i, j) ||
           (i == j && (oc_plural_team(r, i) || oc_said_it(r, i) || oc_acronym_acts(r, i) ||
                       oc_transfer(r, i)));
}

/* Is token k a connector inside a body's name written as a phrase? */
static bool
oc_connector(const struct ent_run *r, size_t k)
{
    static const char *const joins[] = {"for", "on", "without", NULL};
    return k < r->t.n && r->t.v[k].sep == ' ' && oc_any(r, k, joins);
}

/* Could token k be a word of a body's name: capitalised, no number, not
 * yet an entity, no stop, function, title or pronoun, no day or month
 * ("Hamas on Tuesday")? */
static bool
oc_name_part(const struct ent_run *r, size_t k)
{
    const struct tok *t = &r->t.v[k];
    return !oc_holiday(r, k) && !r->covered[k] && (t->flags & TK_CAP) && !(t->flags & (TK_NUM | TK_CJK)) &&
           !er_is(r, t, WL_STOP) && !er_is(r, t, WL_FUNCTION) && !er_in(r, t, WL_TITLES) &&
           !er_is(r, t, WL_PRONOUNS) && !er_is(r, t, WL_HONORIFIC);
}

/* See people.h. */
size_t
er_org_absorb_place(struct ent_run *r, size_t i)
{
    size_t p = oc_place_before(r, i);
    if (p == SIZE_MAX || p == 0 || !oc_word(r, p - 1, "the") || (r->t.v[i - 1].flags & TK_POSS))
        return i; /* "the Los Angeles Lakers"; not "France's Peugeot" */
    uint32_t start = r->t.v[p].start, end = r->t.v[i - 1].end;
    size_t w = 0;
    for (size_t m = 0; m < r->nm; m++)
        if (!(r->m[m].start == start && r->m[m].end == end))
            r->m[w++] = r->m[m];
    r->nm = w;
    for (size_t k = p; k < i; k++)
        r->covered[k] = 0;
    return p;
}

/* See people.h. */
void
er_org_widen(const struct ent_run *r, size_t *i, size_t *j)
{
    const struct tok *v = r->t.v;
    size_t a = *i, b = *j;
    /* back: "Meals on [Wheels]", "Bread for the [World]" */
    size_t c = a >= 2 && oc_word(r, a - 1, "the") && v[a].sep == ' ' ? a - 1 : a;
    if (c >= 2 && oc_connector(r, c - 1) && v[c].sep == ' ' && oc_name_part(r, c - 2) &&
        !(v[c - 2].flags & TK_POSS) && !(v[a].flags & TK_SENT) && !(v[c].flags & TK_SENT))
        a = c - 2;
    /* on: "[Fridays] for Future", "[Doctors] Without Borders" */
    size_t k = b + 1;
    if (a == *i && !(v[b].flags & TK_POSS) && oc_connector(r, k)) {
        size_t e = k + 1 < r->t.n && oc_word(r, k + 1, "the") && v[k + 1].sep == ' ' ? k + 2
                                                                                      : k + 1;
        if (e < r->t.n && v[e].sep == ' ' && oc_name_part(r, e) && !(v[e].flags & TK_SENT))
            b = e;
    }
    /* a verb's name: "[Save] the Children", "[Stop] the War"; one word, then
     * "the" and one more capitalised word that ends the run */
    k = b + 1;
    if (a == *i && a == b && !(v[b].flags & TK_POSS) && k + 1 < r->t.n && oc_word(r, k, "the") &&
        v[k].sep == ' ' && v[k + 1].sep == ' ' && oc_name_part(r, k + 1) &&
        !(v[k + 1].flags & TK_SENT) &&
        (k + 2 >= r->t.n || !(v[k + 2].flags & TK_CAP) || v[k + 2].sep != ' '))
        b = k + 1;
    *i = a;
    *j = b;
}

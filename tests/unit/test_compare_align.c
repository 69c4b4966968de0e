/*
 * test_compare_align.c — hand-checked fixtures for the comparison, written
 * by us: two outlets' versions of invented events, in the patterns found by
 * hand-checking real pairs (paraphrase around the same names and figures,
 * one sentence told as two, the same person saying something else, a fact
 * only one side reports, rounded figures, several forms of one name).
 * Each fixture states the counterparts a careful reader finds; the test
 * measures the precision of the aligned pairs and of the "only in"
 * sentences against them (target >= 0.9 each), and of the figures that
 * disagree. Nine fixtures: 36 expected pairs (one a sentence told as
 * two), 32 sentences that are only in one side.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "dossier/compare.h"
#include "tap.h"

/* A fixture: two texts, one sentence a line, and the expected counterparts
 * as "a:b" pairs of sentence indexes (parts of a split included). */
struct fixture {
    const char *name;
    const char *a, *b;
    const char *pairs; /* "0:0 1:2 1:3 ..." */
};

static const struct fixture fixtures[] = {
    {"council vote",
     "The city council voted 7 to 2 on Tuesday to close the Riverside bus depot by March.\n"
     "Mayor Alma Ruiz said the depot cost the city $4.2 million a year to run.\n"
     "Drivers at the depot will move to the north garage, according to the transit agency.\n"
     "Council member Tom Bakely, who voted against the plan, called it short-sighted.\n"
     "The depot opened in 1962.\n"
     "Ms. Ruiz also said she would seek a second term next year.\n",
     "Riverside's bus depot will shut by March after a 7-2 council vote on Tuesday.\n"
     "Running the depot costs about $4 million a year, Mayor Ruiz said.\n"
     "Bakely opposed the closure.\n"
     "He said the plan was short-sighted and would strand night-shift riders.\n"
     "The transit agency said depot drivers would be moved to the north garage.\n"
     "Union leaders plan a rally outside City Hall on Friday.\n",
     "0:0 1:1 2:4 3:2 3:3"},
    {"storm",
     "Hurricane Delia made landfall near Port Alder on Sunday with winds of 120 mph.\n"
     "About 80,000 homes lost power across three counties, the utility said.\n"
     "Governor Lena Moss declared a state of emergency and ordered the National Guard to the "
     "coast.\n"
     "Forecasters at the U.S. National Hurricane Center said the storm would weaken over land.\n"
     "Schools in Alder County will stay closed through Wednesday.\n"
     "Moss thanked first responders at an evening news conference.\n",
     "Delia came ashore close to Port Alder on Sunday, packing 120 mph winds.\n"
     "Gov. Moss declared an emergency, and she sent the National Guard to coastal towns.\n"
     "The utility reported that roughly 80,000 homes in three counties were without power.\n"
     "The U.S. National Hurricane Center expects the storm to weaken as it moves inland.\n"
     "Insurance analysts put early losses at $900 million.\n",
     "0:0 1:2 2:1 3:3"},
    {"trade talks",
     "Trade ministers from Canada and Mexico met in Ottawa on Monday to discuss steel tariffs.\n"
     "Canada's minister, Mira Sandhu, said the two countries would coordinate their response "
     "to the 25 percent duty.\n"
     "Exports of Canadian steel to the United States fell 12 percent last year, to $9.1 "
     "billion.\n"
     "The ministers did not set a date for their next meeting.\n"
     "Sandhu later flew to Washington for talks with the U.S. Trade Representative.\n",
     "Canadian and Mexican trade ministers held talks about steel tariffs in Ottawa on Monday.\n"
     "They agreed to coordinate how they answer the 25 percent duty, Sandhu told reporters.\n"
     "Sandhu was a lawyer in Toronto before she entered politics in 2015.\n"
     "Mexico's minister said the tariffs hurt workers in Monterrey.\n"
     "Canadian steel exports to the U.S. dropped by 12 percent in the past year, to about $9 "
     "billion.\n",
     "0:0 1:1 2:4"},
    {"wildfire",
     "A wildfire north of Carver City had burned 12,400 acres by Wednesday night, fire "
     "officials said.\n"
     "More than 3,000 residents were ordered to leave their homes in the Pine Hollow area.\n"
     "The fire was 15 percent contained, according to the state forestry department.\n"
     "Strong winds pushed the flames across Route 9 on Tuesday afternoon.\n"
     "Governor Dana Whitfield asked the federal government for emergency aid.\n"
     "The cause of the fire is under investigation.\n"
     "Smoke from the blaze drifted as far as the coast, where air quality warnings were "
     "issued.\n",
     "Fire crews were battling a blaze that has scorched about 12,000 acres near Carver "
     "City.\n"
     "Officials ordered roughly 3,000 people in Pine Hollow to evacuate.\n"
     "State forestry officials said the fire was 15 percent contained.\n"
     "Whitfield, the governor, has requested federal emergency assistance.\n"
     "Two firefighters were treated for heat exhaustion.\n"
     "A shelter has opened at the Carver City high school gym.\n",
     "0:0 1:1 2:2 4:3"},
    {"rate decision",
     "The central bank raised its main interest rate by a quarter point to 4.5 percent on "
     "Thursday.\n"
     "It was the bank's sixth increase in a row.\n"
     "Governor Ilse Brandt said inflation remained too high and further rises could not be "
     "ruled out.\n"
     "Annual inflation stood at 6.1 percent in February.\n"
     "Mortgage lenders are expected to pass the increase on to borrowers within days.\n"
     "The decision was backed by seven of the nine members of the rate committee.\n",
     "Policymakers lifted the benchmark rate by 25 basis points, to 4.5 percent, the central "
     "bank announced on Thursday.\n"
     "Seven of the committee's nine members voted for the move.\n"
     "Inflation, which ran at 6.1 percent a year in February, is still too high, Brandt told "
     "reporters.\n"
     "Retail sales have fallen for three straight months.\n"
     "The currency rose 0.4 percent against the dollar after the announcement.\n",
     "0:0 5:1 2:2 3:2"},
    {"museum theft",
     "Thieves broke into the Hallam Museum early on Saturday and took six gold coins from its "
     "Roman collection.\n"
     "Police said the coins were worth about $2.3 million.\n"
     "The thieves entered through a skylight and disabled an alarm, according to "
     "investigators.\n"
     "The museum will remain closed until Tuesday.\n"
     "Director Paul Okafor called the theft a loss for the whole city.\n",
     "Six Roman gold coins were stolen from the Hallam Museum in a break-in before dawn on "
     "Saturday.\n"
     "Investigators said the burglars came in through a skylight after cutting power to an "
     "alarm.\n"
     "The coins, found in a farmer's field in 1958, are valued at $2.3 million, police said.\n"
     "Okafor, the museum's director, said the city had lost part of its history.\n"
     "A similar theft at a museum in Leiden last year has not been solved.\n"
     "Police have asked anyone who saw a white van near the building to come forward.\n",
     "0:0 1:2 2:1 4:3"},
    {"mayoral race",
     "Maria Ostrova won the mayoral race in Tern Harbor on Tuesday with 54 percent of the "
     "vote.\n"
     "Her opponent, city council president Glen Hartley, conceded shortly before midnight.\n"
     "Turnout was 38 percent, the highest for a city election since 2005.\n"
     "Ostrova, a former school principal, campaigned on building affordable housing.\n"
     "She will take office on January 1.\n"
     "Hartley said he would remain on the council until his term ends.\n",
     "Former principal Maria Ostrova was elected mayor of Tern Harbor, taking 54 percent of "
     "Tuesday's vote.\n"
     "Glen Hartley, the council president, conceded the race late Tuesday night.\n"
     "Ostrova's platform centred on affordable housing and cheaper buses.\n"
     "About 38 percent of registered voters cast ballots.\n"
     "Outgoing mayor Rick Dalton did not seek a third term.\n"
     "Ostrova's campaign raised $410,000, nearly twice as much as her rival's.\n",
     "0:0 1:1 2:3 3:2"},
    {"truck recall",
     "Norvell Motors is recalling 214,000 pickup trucks because the rear brakes can fail "
     "without warning.\n"
     "The recall covers models built between 2019 and 2021, the company said on Friday.\n"
     "Norvell said it knew of 12 crashes and three injuries linked to the problem.\n"
     "Dealers will replace a brake valve at no charge.\n"
     "Shares of Norvell fell 2 percent in afternoon trading.\n"
     "The company recalled 90,000 vans for a steering fault last year.\n",
     "About 214,000 Norvell pickups are being recalled over rear brakes that may stop "
     "working.\n"
     "Trucks from the 2019 through 2021 model years are affected.\n"
     "The carmaker has received reports of 12 crashes, three of which caused injuries.\n"
     "Owners will be notified by mail starting next month.\n"
     "Dealers will fit a new brake valve for free, the company said.\n"
     "Federal safety regulators opened an inquiry into the brakes in March.\n",
     "0:0 1:1 2:2 3:4"},
    {"water main",
     "A water main burst under Fifth Street on Monday morning, flooding basements and cutting "
     "water to 1,800 homes for most of the day while crews dug through the frozen road.\n"
     "The city's water department blamed the break on a cast-iron pipe laid in 1931.\n"
     "Residents were told to boil tap water until Thursday.\n"
     "Fifth Street will stay closed to traffic through the weekend.\n",
     "A water main burst under Fifth Street on Monday morning.\n"
     "It flooded basements and cut water to 1,800 homes for most of the day as crews dug "
     "through the frozen road.\n"
     "The broken pipe, made of cast iron, dated from 1931, water department officials said.\n"
     "A boil-water notice will stay in force until Thursday.\n"
     "The city replaced 3 miles of old pipe last year and plans 5 more miles in 2025.\n",
     "0:0 0:1 1:2 2:3"},
};

/* The sentences of text are its lines: compare_texts splits at line ends
 * before capitals, so each fixture line is one sentence. */
static bool
expected_pair(const char *pairs, int a, int b)
{
    char key[32];
    snprintf(key, sizeof key, "%d:%d", a, b);
    size_t kl = strlen(key);
    for (const char *p = pairs; (p = strstr(p, key)) != NULL; p += kl)
        if ((p == pairs || p[-1] == ' ') && (p[kl] == ' ' || p[kl] == '\0'))
            return true;
    return false;
}

static bool
expected_side(const char *pairs, int idx, bool side_a)
{
    for (const char *p = pairs; *p;) {
        int x, y, used;
        if (sscanf(p, "%d:%d%n", &x, &y, &used) != 2)
            break;
        if ((side_a ? x : y) == idx)
            return true;
        p += used;
        while (*p == ' ')
            p++;
    }
    return false;
}

struct tally {
    size_t pairs, pairs_right, only, only_right, weak, expected, found;
};

static void
check_fixture(const struct fixture *f, struct tally *t)
{
    struct cmp_result r;
    struct ds_error err;
    if (!ok(compare_texts(f->a, strlen(f->a), f->b, strlen(f->b), NULL, &r, &err) == 0,
            "%s: compared", f->name))
        return;
    for (size_t k = 0; k < r.nrows; k++) {
        const struct cmp_row *w = &r.rows[k];
        int a = w->a, b = w->b;
        if (w->mark == CMP_PART) {
            a = a >= 0 ? a : w->with;
            b = b >= 0 ? b : w->with;
        }
        if (w->mark == CMP_WEAK) {
            t->weak++; /* neither a pair nor "only in": told apart */
        } else if (a >= 0 && b >= 0) {
            bool right = expected_pair(f->pairs, a, b);
            t->pairs++;
            t->pairs_right += right;
            if (!right)
                diag("%s: unexpected pair %d:%d", f->name, a, b);
        } else {
            bool on_a = a >= 0;
            bool right = !expected_side(f->pairs, on_a ? a : b, on_a);
            t->only++;
            t->only_right += right;
            if (!right)
                diag("%s: %d only in %s has a counterpart", f->name, on_a ? a : b,
                     on_a ? "A" : "B");
        }
    }
    cmp_result_clear(&r);
}

static void
test_fixtures(void)
{
    struct tally t = {0};
    for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
        check_fixture(&fixtures[i], &t);
        for (const char *p = fixtures[i].pairs; *p; p++)
            t.expected += *p == ':';
    }
    double pp = t.pairs ? (double)t.pairs_right / (double)t.pairs : 0;
    double po = t.only ? (double)t.only_right / (double)t.only : 0;
    ok(pp >= 0.9, "aligned pairs: precision %.2f (%zu of %zu)", pp, t.pairs_right, t.pairs);
    /* Paraphrases that share few words ("Turnout was 38 percent" / "About
     * 38 percent of registered voters cast ballots") pair as weak pairs
     * (compare/match.c); 0.71 before them. */
    ok(po >= 0.9, "only-in sentences: precision %.2f (%zu of %zu)", po, t.only_right, t.only);
    ok(t.pairs_right * 10 >= t.expected * 8, "aligned pairs: recall %zu of %zu", t.pairs_right,
       t.expected);
}

/* One sentence told as two: the second half becomes a part of the pair. */
static void
test_split(void)
{
    const char *a = "The museum reopened on Saturday after a two-year renovation that cost "
                    "$18 million and added a glass roof over the sculpture court.\n";
    const char *b = "The museum reopened Saturday after a two-year renovation.\n"
                    "The $18 million project added a glass roof over the sculpture court.\n";
    struct cmp_result r;
    struct ds_error err;
    compare_texts(a, strlen(a), b, strlen(b), NULL, &r, &err);
    size_t parts = 0, pairs = 0, only = 0;
    for (size_t k = 0; k < r.nrows; k++) {
        parts += r.rows[k].mark == CMP_PART;
        pairs += r.rows[k].a >= 0 && r.rows[k].b >= 0;
        only += r.rows[k].mark == CMP_ONLY_A || r.rows[k].mark == CMP_ONLY_B;
    }
    ok(pairs == 1 && parts == 1 && only == 0, "a sentence split in two: one pair and one part "
       "(%zu pairs, %zu parts, %zu only)", pairs, parts, only);
    ok(r.aligned_a == 1 && r.aligned_b == 1, "... both sides fully aligned");
    ok(r.npassages == 1, "... in one passage");
    cmp_result_clear(&r);
}

static struct entity
ent(const char *name, enum entity_kind kind)
{
    static struct span one = {0, 1};
    return (struct entity){(char *)(uintptr_t)name, NULL, kind, &one, 1};
}

static enum cmp_side
side_of(const struct cmp_summary *s, const char *name)
{
    for (size_t i = 0; i < s->nentities; i++) {
        const struct cmp_entity_row *e = &s->entities[i];
        if ((e->a && strcmp(e->a->name, name) == 0) || (e->b && strcmp(e->b->name, name) == 0))
            return e->side;
    }
    return (enum cmp_side)-1;
}

/* Forms of one name link within and across the articles; two people who
 * share a surname stay apart; a name the other text holds is in both. */
static void
test_entities(void)
{
    struct entity ea[] = {ent("Joseph R. Biden Jr.", ENTITY_PERSON),
                          ent("U.S. Capitol Police", ENTITY_ORG),
                          ent("Michael R. Bloomberg", ENTITY_PERSON),
                          ent("Hillary Clinton", ENTITY_PERSON),
                          ent("Bill Clinton", ENTITY_PERSON), ent("Denmark", ENTITY_COUNTRY),
                          ent("Mr. Bloomberg", ENTITY_PERSON),
                          ent("Harlow Stores Inc.", ENTITY_ORG),
                          ent("Department of the Treasury", ENTITY_ORG),
                          ent("KTV News", ENTITY_ORG), ent("Sky News", ENTITY_ORG),
                          ent("Northern Water Authority", ENTITY_ORG),
                          ent("Grand Opera Company", ENTITY_ORG),
                          ent("United States", ENTITY_COUNTRY),
                          ent("United States Senate", ENTITY_ORG)};
    struct entity eb[] = {ent("Biden", ENTITY_PERSON), ent("Capitol Police", ENTITY_ORG),
                          ent("Michael Bloomberg", ENTITY_PERSON),
                          ent("Clinton", ENTITY_PERSON), ent("Norway", ENTITY_COUNTRY),
                          ent("Treasury Department", ENTITY_ORG), ent("Senate", ENTITY_ORG)};
    struct extraction xa = {0}, xb = {0};
    xa.entities = ea;
    xa.nentities = DS_ARRAY_LEN(ea);
    xb.entities = eb;
    xb.nentities = DS_ARRAY_LEN(eb);
    const char *a = "Biden spoke. Police guarded the steps. Officials from Oslo came.";
    const char *b = "Mr. Biden and the Capitol Police. Bloomberg paid. Clinton spoke. "
                    "Denmark abstained. Harlow Stores cut prices. He spoke on KTV's morning "
                    "show. The N.W.A. paid. A goc member sang. U.S. officials came. The sky "
                    "cleared by noon.";
    struct cmp_result r;
    struct ds_error err;
    compare_texts(a, strlen(a), b, strlen(b), NULL, &r, &err);
    struct cmp_summary s;
    compare_summarize(&r, &xa, &xb, &s);
    ok(side_of(&s, "Joseph R. Biden Jr.") == CMP_SIDE_BOTH && side_of(&s, "Biden") ==
       CMP_SIDE_BOTH, "Biden in B is Joseph R. Biden Jr. in A");
    ok(side_of(&s, "U.S. Capitol Police") == CMP_SIDE_BOTH,
       "U.S. Capitol Police is the Capitol Police");
    ok(side_of(&s, "Michael R. Bloomberg") == CMP_SIDE_BOTH,
       "Michael R. Bloomberg, Mr. Bloomberg and Michael Bloomberg are one");
    size_t rows_bloomberg = 0;
    for (size_t i = 0; i < s.nentities; i++)
        rows_bloomberg += (s.entities[i].a && strstr(s.entities[i].a->name, "Bloomberg")) ||
                          (s.entities[i].b && strstr(s.entities[i].b->name, "Bloomberg"));
    ok(rows_bloomberg == 1, "... listed once (%zu rows)", rows_bloomberg);
    ok(side_of(&s, "Denmark") == CMP_SIDE_BOTH, "a name B's text holds is in both");
    ok(side_of(&s, "Harlow Stores Inc.") == CMP_SIDE_BOTH,
       "a company named without its Inc. in B is in both");
    ok(side_of(&s, "Department of the Treasury") == CMP_SIDE_BOTH,
       "the Department of the Treasury is the Treasury Department");
    ok(side_of(&s, "KTV News") == CMP_SIDE_BOTH, "KTV News is the KTV that B names");
    ok(side_of(&s, "Sky News") == CMP_SIDE_A,
       "... but Sky News is not named by B's lower-case 'the sky'");
    ok(side_of(&s, "Northern Water Authority") == CMP_SIDE_BOTH,
       "the Northern Water Authority is the N.W.A. B names");
    ok(side_of(&s, "Grand Opera Company") == CMP_SIDE_A,
       "... but initials in lower case ('goc') are a word, not a name");
    ok(side_of(&s, "United States") == CMP_SIDE_BOTH, "the United States is the U.S. B names");
    ok(side_of(&s, "United States Senate") == CMP_SIDE_BOTH,
       "the United States Senate is B's Senate");
    ok(side_of(&s, "Norway") == CMP_SIDE_B, "Norway, named nowhere in A, is only in B");
    ok(side_of(&s, "Hillary Clinton") != side_of(&s, "Bill Clinton") ||
       side_of(&s, "Hillary Clinton") == CMP_SIDE_BOTH,
       "two Clintons are not merged into one entity");
    size_t clinton_rows = 0;
    for (size_t i = 0; i < s.nentities; i++)
        clinton_rows += (s.entities[i].a && strstr(s.entities[i].a->name, "Clinton")) ||
                        (s.entities[i].b && strstr(s.entities[i].b->name, "Clinton"));
    ok(clinton_rows >= 2, "Hillary and Bill Clinton stay two rows (%zu)", clinton_rows);
    cmp_summary_clear(&s);
    cmp_result_clear(&r);
}

/* An organisation's acronym is the organisation it abbreviates, within
 * one article and across the two, and is named by its letters with or
 * without full stops; letters that abbreviate nothing listed stay apart. */
static void
test_entity_acronyms(void)
{
    struct entity ea[] = {ent("ACLU", ENTITY_ORG),
                          ent("American Civil Liberties Union", ENTITY_ORG),
                          ent("RNC", ENTITY_ORG), ent("NRA", ENTITY_ORG), ent("FBI", ENTITY_ORG)};
    struct entity eb[] = {ent("American Civil Liberties Union", ENTITY_ORG),
                          ent("Republican National Committee", ENTITY_ORG),
                          ent("National Rowing Club", ENTITY_ORG), ent("I.R.S.", ENTITY_ORG)};
    struct extraction xa = {0}, xb = {0};
    xa.entities = ea;
    xa.nentities = DS_ARRAY_LEN(ea);
    xb.entities = eb;
    xb.nentities = DS_ARRAY_LEN(eb);
    const char *a = "The group sued the state. The party chairman spoke. The IRS wrote.";
    const char *b = "Lawyers for the group filed suit. The party's chairman answered. The F.B.I. "
                    "said little.";
    struct cmp_result r;
    struct ds_error err;
    compare_texts(a, strlen(a), b, strlen(b), NULL, &r, &err);
    struct cmp_summary s;
    compare_summarize(&r, &xa, &xb, &s);
    enum cmp_side aclu = side_of(&s, "ACLU"); /* -1: shown under its full name */
    ok(aclu == CMP_SIDE_BOTH || aclu == (enum cmp_side)-1,
       "ACLU is the American Civil Liberties Union both articles name (side %d)", (int)aclu);
    size_t rows = 0;
    for (size_t i = 0; i < s.nentities; i++)
        rows += (s.entities[i].a && strstr(s.entities[i].a->name, "Civil")) ||
                (s.entities[i].b && strstr(s.entities[i].b->name, "Civil")) ||
                (s.entities[i].a && strcmp(s.entities[i].a->name, "ACLU") == 0);
    ok(rows == 1 && side_of(&s, "American Civil Liberties Union") == CMP_SIDE_BOTH,
       "... listed once, in both (%zu rows)", rows);
    ok(side_of(&s, "RNC") == CMP_SIDE_BOTH && side_of(&s, "Republican National Committee") ==
       CMP_SIDE_BOTH, "A's RNC is B's Republican National Committee");
    ok(side_of(&s, "NRA") == CMP_SIDE_A && side_of(&s, "National Rowing Club") == CMP_SIDE_B,
       "... but NRA is not the National Rowing Club (NRC)");
    ok(side_of(&s, "FBI") == CMP_SIDE_BOTH && side_of(&s, "I.R.S.") == CMP_SIDE_BOTH,
       "an acronym the other text writes the other way (F.B.I., IRS) is in both");
    cmp_summary_clear(&s);
    cmp_result_clear(&r);
}

/* Slips between outlets' spellings: a hyphen ("Wal-Mart", "Walmart") and
 * two letters of a surname swapped ("Priebus", "Preibus") name one thing;
 * a letter changed ("Kerry", "Berry") names another. */
static void
test_entity_slips(void)
{
    struct entity ea[] = {ent("Reince Priebus", ENTITY_PERSON), ent("Walmart", ENTITY_ORG),
                          ent("John Kerry", ENTITY_PERSON), ent("Anna Lamb", ENTITY_PERSON)};
    struct entity eb[] = {ent("Reince Preibus", ENTITY_PERSON), ent("John Berry", ENTITY_PERSON),
                          ent("Anna Lmab", ENTITY_PERSON)};
    struct extraction xa = {0}, xb = {0};
    xa.entities = ea;
    xa.nentities = DS_ARRAY_LEN(ea);
    xb.entities = eb;
    xb.nentities = DS_ARRAY_LEN(eb);
    const char *a = "The chairman spoke. The retailer objected. The senator left.";
    const char *b = "The chairman answered. Wal-Mart, the retailer, wrote. A lawyer came.";
    struct cmp_result r;
    struct ds_error err;
    compare_texts(a, strlen(a), b, strlen(b), NULL, &r, &err);
    struct cmp_summary s;
    compare_summarize(&r, &xa, &xb, &s);
    ok(side_of(&s, "Reince Priebus") == CMP_SIDE_BOTH, "Priebus in A is B's Preibus");
    ok(side_of(&s, "Walmart") == CMP_SIDE_BOTH, "A's Walmart is the Wal-Mart B's text names");
    ok(side_of(&s, "John Kerry") == CMP_SIDE_A && side_of(&s, "John Berry") == CMP_SIDE_B,
       "... but John Kerry is not John Berry (a letter changed)");
    ok(side_of(&s, "Anna Lamb") == CMP_SIDE_A && side_of(&s, "Anna Lmab") == CMP_SIDE_B,
       "... nor Lamb and Lmab (letters swapped in a surname under five letters: %d)",
       (int)side_of(&s, "Anna Lamb"));
    cmp_summary_clear(&s);
    cmp_result_clear(&r);
}

/* Other forms the other text names a group by: a plural ("Trust Funds"),
 * "the House" for the "House of Representatives", an acronym before a
 * suffix ("RNC Co", from "RNC Co-Chairwoman"), a place's dotted initials
 * ("D-N.Y."), the nickname "GOP", the first of two names under one plural
 * head, a company without "Stores"; and forms that name another thing. */
static void
test_entity_forms(void)
{
    struct entity ea[] = {
        ent("Social Security Trust Fund", ENTITY_ORG),
        ent("House of Representatives", ENTITY_ORG),
        ent("RNC Co", ENTITY_ORG),
        ent("New York", ENTITY_PLACE),
        ent("Michigan Republican Party", ENTITY_ORG),
        ent("Senate Foreign Relations Committee", ENTITY_ORG),
        ent("Wal-Mart Stores Inc", ENTITY_ORG),
        ent("United States Postal Service", ENTITY_ORG),
        /* not named by the other text */
        ent("New Mexico", ENTITY_PLACE),
        ent("Bank of America", ENTITY_ORG),
        ent("House Ethics Committee", ENTITY_ORG),
        ent("Democratic Party", ENTITY_ORG),
        ent("Senate Judiciary Committee", ENTITY_ORG),
        ent("Eurasia Group", ENTITY_ORG),
    };
    struct extraction xa = {0}, xb = {0};
    xa.entities = ea;
    xa.nentities = DS_ARRAY_LEN(ea);
    const char *a = "The trustees met. The vote was close. The chairwoman spoke.";
    const char *b = "The Social Security Trust Funds will run dry. A bill passed the House on "
                    "Friday. The R.N.C. met, said Sen. Chuck Schumer (D-N.Y.) and the Michigan "
                    "GOP. He sits on the Senate Foreign Relations and Senate Intelligence "
                    "committees. Wal-Mart objected. The USPS carried it. A bank in America "
                    "and the house ethics rules; the GOP chairman; Eurasia.";
    struct cmp_result r;
    struct ds_error err;
    compare_texts(a, strlen(a), b, strlen(b), NULL, &r, &err);
    struct cmp_summary s;
    compare_summarize(&r, &xa, &xb, &s);
    ok(side_of(&s, "Social Security Trust Fund") == CMP_SIDE_BOTH,
       "\"Trust Funds\" names the Trust Fund");
    ok(side_of(&s, "House of Representatives") == CMP_SIDE_BOTH,
       "\"the House\" names the House of Representatives");
    ok(side_of(&s, "RNC Co") == CMP_SIDE_BOTH, "\"R.N.C.\" names RNC Co");
    ok(side_of(&s, "New York") == CMP_SIDE_BOTH, "\"D-N.Y.\" names New York");
    ok(side_of(&s, "Michigan Republican Party") == CMP_SIDE_BOTH,
       "\"Michigan GOP\" names the Michigan Republican Party");
    ok(side_of(&s, "Senate Foreign Relations Committee") == CMP_SIDE_BOTH,
       "\"the Senate Foreign Relations and ... committees\" names its committee");
    ok(side_of(&s, "Wal-Mart Stores Inc") == CMP_SIDE_BOTH,
       "\"Wal-Mart\" names Wal-Mart Stores Inc");
    ok(side_of(&s, "United States Postal Service") == CMP_SIDE_BOTH,
       "\"USPS\" names the United States Postal Service (initials of the name as written)");
    ok(side_of(&s, "New Mexico") == CMP_SIDE_A && side_of(&s, "Bank of America") == CMP_SIDE_A &&
           side_of(&s, "House Ethics Committee") == CMP_SIDE_A &&
           side_of(&s, "Democratic Party") == CMP_SIDE_A &&
           side_of(&s, "Senate Judiciary Committee") == CMP_SIDE_A &&
           side_of(&s, "Eurasia Group") == CMP_SIDE_A,
       "... but not New Mexico, Bank of America (\"a bank\"), the House Ethics Committee, "
       "the Democratic Party (by \"GOP\"), the Senate Judiciary Committee, Eurasia Group");
    cmp_summary_clear(&s);
    cmp_result_clear(&r);
}

/* A figure at the first occurrence of text in body, in its sentence. */
static struct figure
fig(const char *body, const struct cmp_result *r, bool side_a, const char *text, double value,
    const char *unit, enum figure_kind kind, const char *subject)
{
    struct figure f = {0};
    const char *at = strstr(body, text);
    f.span = (struct span){(uint32_t)(at - body), (uint32_t)(at - body + strlen(text))};
    const struct span *sents = side_a ? r->sent_a : r->sent_b;
    size_t ns = side_a ? r->nsent_a : r->nsent_b;
    for (size_t i = 0; i < ns; i++)
        if (sents[i].start <= f.span.start && f.span.start < sents[i].end)
            f.sentence = sents[i];
    f.text = (char *)(uintptr_t)text;
    f.value = value;
    f.unit = (char *)(uintptr_t)unit;
    f.kind = kind;
    f.subject = (char *)(uintptr_t)subject;
    return f;
}

/* Figures: a rounded figure agrees with the exact one; income and taxes
 * are not one quantity; the same count told differently disagrees. */
static void
test_figures(void)
{
    const char *a = "The couple reported income of $43,885,310 last year.\n"
                    "They paid $9.4 million in federal taxes.\n"
                    "The storm cut power to 80,000 homes in the county.\n";
    const char *b = "The couple made $43 million in income last year.\n"
                    "Officials said 95,000 homes in the county lost power in the storm.\n"
                    "The couple gave $1 million to charity.\n";
    struct cmp_result r;
    struct ds_error err;
    compare_texts(a, strlen(a), b, strlen(b), NULL, &r, &err);
    struct figure fa[] = {
        fig(a, &r, true, "$43,885,310", 43885310, "USD", FIGURE_AMOUNT, "income"),
        fig(a, &r, true, "$9.4 million", 9.4e6, "USD", FIGURE_AMOUNT, "federal taxes"),
        fig(a, &r, true, "80,000 homes", 80000, "homes", FIGURE_COUNT, NULL),
    };
    struct figure fb[] = {
        fig(b, &r, false, "$43 million", 43e6, "USD", FIGURE_AMOUNT, "income"),
        fig(b, &r, false, "95,000 homes", 95000, "homes", FIGURE_COUNT, NULL),
        fig(b, &r, false, "$1 million", 1e6, "USD", FIGURE_AMOUNT, "charity"),
    };
    struct extraction xa = {0}, xb = {0};
    xa.figures = fa;
    xa.nfigures = DS_ARRAY_LEN(fa);
    xb.figures = fb;
    xb.nfigures = DS_ARRAY_LEN(fb);
    struct cmp_summary s;
    compare_summarize(&r, &xa, &xb, &s);
    size_t right = 0, flagged = 0;
    for (size_t i = 0; i < s.nfigures; i++) {
        const struct cmp_figure_row *f = &s.figures[i];
        if (f->side == CMP_SIDE_BOTH)
            ok(f->a == &fa[0] && f->b == &fb[0], "$43,885,310 and $43 million agree");
        if (f->side != CMP_SIDE_CONFLICT)
            continue;
        flagged++;
        right += f->a == &fa[2] && f->b == &fb[1];
    }
    ok(flagged == 1 && right == 1, "one disagreement, the homes without power (%zu flagged)",
       flagged);
    cmp_summary_clear(&s);
    cmp_result_clear(&r);
}

/* One sentence of B told as two in A, where the longer half says more than
 * B does (so B's sentence does not contain it): it still joins the pair as
 * a part, because B's sentence is its best candidate and it brings words
 * the other half lacks. */
static void
test_split_best(void)
{
    const char *a = "Minister Oda Lind told reporters that housing costs remained far too high "
                    "and that new building rules could not wait.\n"
                    "Average rents rose 8.2 percent in the year to June.\n";
    const char *b = "Rents, up 8.2 percent in the year to June, are far too high, Lind told "
                    "reporters.\n";
    struct cmp_result r;
    struct ds_error err;
    size_t parts = 0, pairs = 0, only = 0;
    if (compare_texts(a, strlen(a), b, strlen(b), NULL, &r, &err) == 0) {
        for (size_t k = 0; k < r.nrows; k++) {
            parts += r.rows[k].mark == CMP_PART;
            pairs += r.rows[k].a >= 0 && r.rows[k].b >= 0;
            only += r.rows[k].mark == CMP_ONLY_A || r.rows[k].mark == CMP_ONLY_B;
        }
        cmp_result_clear(&r);
    }
    ok(pairs == 1 && parts == 1 && only == 0, "a half that says more joins the pair as a part "
       "(%zu pairs, %zu parts, %zu only)", pairs, parts, only);
}

/* A stub cmp_rarity: the words of the NULL-terminated list ctx points to
 * are rare (in 0.1% of the documents), every other word common (in half);
 * a NULL ctx makes every word rare. */
static double
stub_share(void *ctx, const char *term, const char *word)
{
    (void)word;
    const char *const *rare = ctx;
    if (!rare)
        return 0.001;
    for (size_t i = 0; rare[i]; i++)
        if (strcmp(rare[i], term) == 0)
            return 0.001;
    return 0.5;
}

/* Rows of r pairing A's sentence a with B's sentence b. */
static bool
paired(const struct cmp_result *r, int a, int b)
{
    for (size_t k = 0; k < r->nrows; k++)
        if (r->rows[k].a == a && r->rows[k].b == b)
            return true;
    return false;
}

/* A weak pair (a paraphrase under the threshold) stands on a word that is
 * neither a name nor common in the collection: it forms when the
 * collection says its words are rare and not when it says they are in half
 * its documents; the strong pair stays either way. */
static void
test_weak_rarity(void)
{
    const char *a = "The library board approved a budget of $3 million for the Elm Street "
                    "branch on Monday.\n"
                    "Attendance at the public hearing rose 40 percent from last year.\n";
    const char *b = "A $3 million budget for the Elm Street branch won the library board's "
                    "approval on Monday.\n"
                    "About 40 percent more residents came to the hearing than a year ago.\n";
    static const char *const lead_words[] = {"budget", "branch", NULL};
    struct cmp_rarity rr = {stub_share, NULL, 0};
    struct cmp_rarity rc = {stub_share, (void *)(uintptr_t)lead_words, 0};
    struct cmp_options none = {0, NULL, NULL}, with_rare = {0, NULL, &rr},
                       with_common = {0, NULL, &rc};
    const struct cmp_options *opts[3] = {&none, &with_rare, &with_common};
    bool got[3];
    for (int i = 0; i < 3; i++) {
        struct cmp_result r;
        struct ds_error err;
        got[i] = compare_texts(a, strlen(a), b, strlen(b), opts[i], &r, &err) == 0 &&
                 paired(&r, 0, 0) && paired(&r, 1, 1);
        if (i == 2)
            got[i] = paired(&r, 0, 0) && !paired(&r, 1, 1);
        cmp_result_clear(&r);
    }
    ok(got[0], "a paraphrase around a figure pairs as a weak pair");
    ok(got[1], "... and when the collection says its words are rare");
    ok(got[2], "... not when they are common in the collection (the strong pair stays)");
}

/* Two sentences that share only who they speak of (a name and a title)
 * and say different things are no pair; the same statement reworded still
 * pairs, and one sentence naming the same people while stating a date and
 * a figure stays a pair too. */
static void
test_mention_only(void)
{
    const char *a = "Harbour board spokesman Ray Odom said the ferry pier would reopen after "
                    "repairs.\n"
                    "Commissioner Ines Varga voted against the dredging contract.\n"
                    "Odom said 40 workers would finish the pier in May.\n";
    const char *b = "Harbour board spokesman Ray Odom declined to comment on the fishermen's "
                    "lawsuit.\n"
                    "The ferry pier will reopen once repairs are done, the harbour board said.\n"
                    "Commissioner Ines Varga, who chairs the finance panel, attended by phone.\n"
                    "The pier should be finished in May by 40 workers, Odom said.\n";
    struct cmp_result r;
    struct ds_error err;
    bool good = compare_texts(a, strlen(a), b, strlen(b), NULL, &r, &err) == 0;
    ok(good && !paired(&r, 0, 0), "spokesman Ray Odom said one thing, then another: no pair");
    ok(good && !paired(&r, 1, 2), "Commissioner Ines Varga voted / attended: no pair");
    ok(good && paired(&r, 0, 1), "the pier reopening after repairs, reworded: a pair");
    ok(good && paired(&r, 2, 3), "the same name with a figure and a month: a pair");
    if (good)
        cmp_result_clear(&r);
}

/* Score of the row pairing A's sentence a with B's sentence b, or -1. */
static double
pair_score(const struct cmp_result *r, int a, int b)
{
    for (size_t k = 0; k < r->nrows; k++)
        if (r->rows[k].a == a && r->rows[k].b == b)
            return r->rows[k].score;
    return -1;
}

/* Whether the first sentences of a and b pair when every word is common
 * in the collection; *score gets the pair's score. */
static bool
pairs_when_common(const char *a, const char *b, double *score)
{
    static const char *const none_rare[] = {"zzzz", NULL};
    struct cmp_rarity rc = {stub_share, (void *)(uintptr_t)none_rare, 0};
    struct cmp_options opt = {0, NULL, &rc};
    struct cmp_result r;
    struct ds_error err;
    *score = -1;
    if (compare_texts(a, strlen(a), b, strlen(b), &opt, &r, &err) != 0)
        return false;
    *score = pair_score(&r, 0, 0);
    cmp_result_clear(&r);
    return *score > 0;
}

/* A weak pair whose shared words are all common in the collection still
 * forms when they make a phrase of four words or more, in the same order
 * in both sentences (a quotation told by both); the same words in another
 * order do not pair. */
static void
test_weak_phrase(void)
{
    const char *a = "Council member Rosa Avila wrote in a long post on Sunday night that the "
                    "vote was a big mistake and the city would pay for it.\n"
                    "Neighbours of the closed library gathered on the steps to sing.\n";
    const char *b = "Speaking to reporters, Avila said the vote was a big mistake and the city "
                    "would pay for it.\n"
                    "Snow is expected across the valley by the weekend.\n";
    const char *c = "Speaking to reporters, Avila said it was a mistake: for the vote the city "
                    "would pay big.\n"
                    "Snow is expected across the valley by the weekend.\n";
    double s1, s2;
    bool quoted = pairs_when_common(a, b, &s1), shuffled = pairs_when_common(a, c, &s2);
    ok(quoted && s1 < CMP_ALIGN_THRESHOLD, "a quotation of common words told by both pairs "
       "as a weak pair (score %.3f)", s1);
    ok(!shuffled, "... the same words in another order do not (score %.3f)", s2);
}

/* A title of three words before a name ("the county's chief financial
 * officer Lena Park") is still only who is spoken of: two statements of
 * hers about different things are no pair. */
static void
test_mention_title(void)
{
    const char *a = "The county's chief financial officer Lena Park said the audit found no "
                    "missing funds.\n"
                    "Voters approved the school levy by a wide margin.\n";
    const char *b = "Asked about the delay, chief financial officer Lena Park declined to say "
                    "when the budget would be published.\n"
                    "The school levy passed easily.\n";
    struct cmp_result r;
    struct ds_error err;
    bool good = compare_texts(a, strlen(a), b, strlen(b), NULL, &r, &err) == 0;
    ok(good && !paired(&r, 0, 0), "chief financial officer Lena Park said one thing, then "
       "another: no pair");
    if (good)
        cmp_result_clear(&r);
}

/* A sentence told as two halves on the other side pairs with one half and
 * takes the other as a part; a half that shares only who is spoken of (a
 * name with its title) is no half: the treasurer's word on the pension
 * fund is not her word to television about a report. */
static void
test_joint_mention(void)
{
    const char *a = "Council treasurer Mira Olsen said the pension fund is short.\n";
    const char *b = "Council treasurer Mira Olsen said on television that the report was a "
                    "misunderstanding.\n"
                    "A deputy conceded the pension fund was in trouble.\n";
    struct cmp_result r;
    struct ds_error err;
    bool good = compare_texts(a, strlen(a), b, strlen(b), NULL, &r, &err) == 0;
    ok(good && !paired(&r, 0, 0), "treasurer Mira Olsen on the fund and on television about "
       "a report: no pair, not even as a half");
    if (good)
        cmp_result_clear(&r);
}

/* Two sentences that open with the same quotation pair whatever else they
 * say (who said it, where); a phrase in quotation marks inside a
 * paraphrase does not make the sentence that opens with a longer
 * quotation holding it a counterpart. */
static void
test_shared_quote(void)
{
    const char *a = "\u201cWe will not close the plant,\u201d she said after a long meeting with "
                    "union leaders on Monday.\n"
                    "Judge Ana Ortiz called the missing records \u201ca very serious problem\u201d "
                    "for the county clerk.\n";
    const char *b = "Trucks lined the road to the depot before dawn.\n"
                    "\u201cWe will not close the plant,\u201d said Governor Ada Brandt, who flew "
                    "to Dayton to calm the workers.\n"
                    "\u201cA very serious problem is how we pay the nurses,\u201d the union's "
                    "lawyer told the hearing.\n";
    struct cmp_result r;
    struct ds_error err;
    bool good = compare_texts(a, strlen(a), b, strlen(b), NULL, &r, &err) == 0;
    ok(good && paired(&r, 0, 1), "the same quotation opening both sentences: a pair");
    ok(good && !paired(&r, 1, 2), "a quoted phrase inside a paraphrase and a longer quotation "
       "holding it: no pair");
    if (good)
        cmp_result_clear(&r);
    /* A quotation of two sentences in straight quotes: the second opens
     * inside it, and its closing mark is no opening one. */
    const char *c = "\"The budget is a mess. We will not close the plant,\" she said after a long "
                    "meeting with union leaders on Monday.\n";
    good = compare_texts(c, strlen(c), b, strlen(b), NULL, &r, &err) == 0;
    ok(good && paired(&r, 1, 1), "a sentence that opens inside a quotation begun before it "
       "holds it: a pair");
    if (good)
        cmp_result_clear(&r);
}

/* The row holding A's sentence a (side_a) or B's sentence b. */
static const struct cmp_row *
row_of(const struct cmp_result *r, int s, bool side_a)
{
    for (size_t k = 0; k < r->nrows; k++)
        if ((side_a ? r->rows[k].a : r->rows[k].b) == s)
            return &r->rows[k];
    return NULL;
}

/* A sentence with no pair whose nearest sentence on the other side shares
 * a few words (a paraphrase under the pair threshold) is a weak match
 * naming that sentence, not "only in"; a sentence sharing nothing, or only
 * a name, with the other side stays only in its side. */
static void
test_weak_match(void)
{
    const char *a = "The county will spend 4 million dollars to rebuild the flooded ferry dock "
                    "this spring.\n"
                    "Inspectors said the old pilings had rotted through after years of "
                    "neglect.\n"
                    "Mayor Tomas Lund opened the new skating rink on Saturday.\n"
                    "Lund also praised the volunteers.\n";
    const char *b = "Work on the ferry dock should start in spring and cost the county about 4 "
                    "million dollars.\n"
                    "Years of neglect had left the supports under the pier too weak, engineers "
                    "found.\n"
                    "A choir from the high school sang at the harbour festival.\n"
                    "Mayor Tomas Lund did not attend the budget meeting.\n";
    struct cmp_result r;
    struct ds_error err;
    bool good = compare_texts(a, strlen(a), b, strlen(b), NULL, &r, &err) == 0;
    const struct cmp_row *w = good ? row_of(&r, 1, true) : NULL;
    const struct cmp_row *rink = good ? row_of(&r, 2, true) : NULL;
    const struct cmp_row *choir = good ? row_of(&r, 2, false) : NULL;
    ok(good && paired(&r, 0, 0), "the dock's cost, reworded: a pair");
    ok(w && w->mark == CMP_WEAK && w->with == 1 && w->b < 0 &&
           w->score >= CMP_ALIGN_THRESHOLD * CMP_ALIGN_NEAR && w->score < CMP_ALIGN_THRESHOLD,
       "rotted pilings / supports too weak: a weak match naming B's sentence 1 (mark %c, "
       "with %d, score %.3f)", w ? compare_mark_char(w->mark) : ' ', w ? w->with : -9,
       w ? w->score : -1);
    ok(rink && rink->mark == CMP_ONLY_A, "the skating rink, sharing only the mayor's name: "
       "only in A (mark %c)", rink ? compare_mark_char(rink->mark) : ' ');
    ok(choir && choir->mark == CMP_ONLY_B, "the choir, sharing nothing: only in B (mark %c)",
       choir ? compare_mark_char(choir->mark) : ' ');
    if (good)
        cmp_result_clear(&r);
}

/* Two statements about the same two people that share their names and
 * one word of what is said (a meeting about the levee / blame for the
 * levee) are no pair: names weigh little more than other words, so the
 * names alone do not lift the pair over the threshold; the same statement
 * reworded still pairs. Every word is common in the collection (the
 * rarity stub), so no weak pair stands on a rare word either. */
static void
test_names_weigh_less(void)
{
    const char *a = "Senator Dana Whitfield met Governor Marco Ruiz on Tuesday morning to "
                    "discuss emergency repairs and new pumps for the old levee.\n"
                    "The river rose quickly after three days of rain.\n"
                    "Schools in the valley closed early on Friday.\n"
                    "Whitfield asked residents to stay indoors.\n"
                    "Ruiz said the state would pay for the damage to farms.\n";
    const char *b = "Senator Dana Whitfield blamed Governor Marco Ruiz for years of failing to "
                    "inspect the crumbling levee before the spring storm hit farms.\n"
                    "Rain fell for most of the week across the region.\n"
                    "Several roads near the bridge were shut by police.\n"
                    "Ruiz declared an emergency in the county.\n"
                    "The damage to farms will be paid for by the state, Ruiz said.\n";
    static const char *const none_rare[] = {"zzz", NULL};
    struct cmp_rarity rc = {stub_share, (void *)(uintptr_t)none_rare, 0};
    struct cmp_options opt = {0, NULL, &rc};
    struct cmp_result r;
    struct ds_error err;
    bool good = compare_texts(a, strlen(a), b, strlen(b), &opt, &r, &err) == 0;
    const struct cmp_row *row = good ? row_of(&r, 0, true) : NULL;
    ok(good && !paired(&r, 0, 0), "Whitfield and Ruiz met about the levee / blamed for it: no "
       "pair (mark %c, score %.3f)", row ? compare_mark_char(row->mark) : ' ',
       row ? row->score : -1);
    ok(good && paired(&r, 4, 4), "the state paying for the farms, reworded: a pair");
    if (good)
        cmp_result_clear(&r);
}

/* One outlet writes a compound with a hyphen and the other as one word,
 * or a number in words and the other in digits: the two forms are one
 * term, so the reworded sentences pair on what they say. */
static void
test_word_forms(void)
{
    const char *a = "The harbour master will not seek re-election after a decade in the job.\n"
                    "Fifteen crews refused to sail that morning.\n"
                    "The council meets again in June.\n";
    const char *b = "After ten years in the post, the harbour master is not running for "
                    "reelection.\n"
                    "In the morning, 15 ferry crews stayed in port.\n"
                    "Fishing quotas were cut by a fifth.\n";
    struct cmp_result r;
    struct ds_error err;
    bool good = compare_texts(a, strlen(a), b, strlen(b), NULL, &r, &err) == 0;
    const struct cmp_row *e = good ? row_of(&r, 0, true) : NULL;
    const struct cmp_row *c = good ? row_of(&r, 1, true) : NULL;
    ok(good && paired(&r, 0, 0), "seek re-election / running for reelection: a pair (mark %c, "
       "score %.3f)", e ? compare_mark_char(e->mark) : ' ', e ? e->score : -1);
    ok(good && paired(&r, 1, 1), "Fifteen crews / 15 ferry crews: a pair (mark %c, score %.3f)",
       c ? compare_mark_char(c->mark) : ' ', c ? c->score : -1);
    if (good)
        cmp_result_clear(&r);
}

/* A collection where the words of one statement are in a third of the
 * documents ("ministry", "harbour", "plan", "ahead", "vote") and the rest
 * in few:
 * share by the term's first four letters. */
static double
common_by_prefix(void *ctx, const char *term, const char *word)
{
    static const char *const common[] = {"mini", "plan", "ahea", "vote", "offi", "harb"};
    (void)ctx;
    (void)word;
    for (size_t i = 0; i < sizeof common / sizeof *common; i++)
        if (strncmp(term, common[i], 4) == 0)
            return 0.3;
    return 0.0005;
}

/* Words both sentences share weigh less when the collection holds them in
 * many documents (CMP_RARE_SHARE): a pair standing on such words becomes a
 * weak match naming its sentence, while the pair sharing rare words stays;
 * without the collection's size nothing is weighed down. */
static void
test_collection_scale(void)
{
    const char *a = "Officials said on Monday the ministry would go ahead with the harbour plan "
                    "after the vote, despite storm warnings from fishermen.\n"
                    "Divers found a rusted anchor chain wrapped around the pier's third piling.\n";
    const char *b = "The harbour plan will still go ahead after the vote, the ministry said, "
                    "citing officials, engineers and a new budget.\n"
                    "Workers pulled the rusted anchor chain from the third piling of the pier.\n";
    struct cmp_rarity sized = {common_by_prefix, NULL, 10000};
    struct cmp_rarity unsized = {common_by_prefix, NULL, 0};
    const struct cmp_rarity *rarities[2] = {&unsized, &sized};
    for (int k = 0; k < 2; k++) {
        struct cmp_options opt = {0, NULL, rarities[k]};
        struct cmp_result r;
        struct ds_error err;
        bool good = compare_texts(a, strlen(a), b, strlen(b), &opt, &r, &err) == 0;
        const struct cmp_row *plan = good ? row_of(&r, 0, true) : NULL;
        if (k == 0)
            ok(good && paired(&r, 0, 0), "the harbour plan going ahead, no collection size: a "
               "pair (mark %c, score %.3f)", plan ? compare_mark_char(plan->mark) : ' ',
               plan ? plan->score : -1);
        else
            ok(plan && plan->mark == CMP_WEAK && plan->with == 0,
               "... on words in a third of 10,000 documents: a weak match naming B's sentence "
               "0 (mark %c, score %.3f)", plan ? compare_mark_char(plan->mark) : ' ',
               plan ? plan->score : -1);
        ok(good && paired(&r, 1, 1), "the anchor chain on the piling (%s): a pair",
           k == 0 ? "no collection size" : "rare words");
        if (good)
            cmp_result_clear(&r);
    }
}

/* An irregular verb form stands for its base ("fled" / "flees") and a
 * dotted acronym for its letters ("F.B.I." / "FBI"): the pairs reach the
 * threshold on them, and the same sentences with another verb and an
 * acronym the other text does not write stay below it (the forms, not the
 * rest, decide). */
static void
test_irregular_acronym(void)
{
    const char *b = "In Tromso, FBI agents questioned the captain.\n"
                    "On Tuesday the mayor flees the town with her family and staff.\n"
                    "Fishing quotas were cut by a fifth.\n";
    const char *texts[2] = {"The F.B.I. interviewed the ferry captain in Tromso.\n"
                            "The mayor fled on Tuesday, aides said.\n"
                            "The council meets again in June.\n",
                            "The Z.Q.X. interviewed the ferry captain in Tromso.\n"
                            "The mayor went on Tuesday, aides said.\n"
                            "The council meets again in June.\n"};
    for (int k = 0; k < 2; k++) {
        struct cmp_result r;
        struct ds_error err;
        bool good = compare_texts(texts[k], strlen(texts[k]), b, strlen(b), NULL, &r, &err) == 0;
        for (int s = 0; s < 2; s++) {
            const struct cmp_row *row = good ? row_of(&r, s, true) : NULL;
            bool strong = row && paired(&r, s, s) && row->score >= CMP_ALIGN_THRESHOLD;
            ok(good && strong == (k == 0), "%s: %s the threshold (mark %c, score %.3f)",
               s == 0 ? (k == 0 ? "F.B.I. / FBI" : "Z.Q.X. / FBI")
                      : (k == 0 ? "fled / flees" : "went / flees"),
               k == 0 ? "a pair reaching" : "below", row ? compare_mark_char(row->mark) : ' ',
               row ? row->score : -1);
        }
        if (good)
            cmp_result_clear(&r);
    }
}

int
main(void)
{
    test_figures();
    test_entities();
    test_entity_acronyms();
    test_entity_slips();
    test_entity_forms();
    test_fixtures();
    test_split();
    test_split_best();
    test_weak_rarity();
    test_mention_only();
    test_mention_title();
    test_weak_phrase();
    test_joint_mention();
    test_shared_quote();
    test_weak_match();
    test_names_weigh_less();
    test_word_forms();
    test_irregular_acronym();
    test_collection_scale();
    return done_testing();
}

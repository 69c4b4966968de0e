/*
 * test_entities.c — entity extraction: gazetteer aliases and case rules,
 * capitals standing for governments, organisations by pattern, people by
 * title, appositive, reporting verb and CJK rendering, surname mentions,
 * rejections, order, user gazetteers and gazetteer errors.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dossier/extract.h"
#include "tap.h"

static struct extractor *ex;

static void
run(const char *body, struct extraction *x)
{
    struct article a;
    memset(&a, 0, sizeof a);
    a.body = xstrdup(body);
    memset(x, 0, sizeof *x);
    extractor_run(ex, &a, x);
    free(a.body);
}

static const struct entity *
find(const struct extraction *x, const char *name)
{
    for (size_t i = 0; i < x->nentities; i++)
        if (strcmp(x->entities[i].name, name) == 0)
            return &x->entities[i];
    return NULL;
}

static void
dump(const struct extraction *x)
{
    for (size_t i = 0; i < x->nentities; i++)
        diag("  %s (%s) x%zu", x->entities[i].name, entity_kind_name(x->entities[i].kind),
             x->entities[i].nspans);
}

/* body holds entity name of kind with count mentions (count 0: any). */
static void
has(const char *body, const char *name, enum entity_kind kind, size_t count)
{
    struct extraction x;
    run(body, &x);
    const struct entity *e = find(&x, name);
    if (!ok(e && e->kind == kind && (count == 0 || e->nspans == count), "'%s' (%s%s) in '%.50s'",
            name, entity_kind_name(kind), count > 1 ? ", several" : "", body))
        dump(&x);
    extraction_clear(&x);
}

static void
hasnt(const char *body, const char *name)
{
    struct extraction x;
    run(body, &x);
    if (!ok(find(&x, name) == NULL, "no '%s' in '%.50s'", name, body))
        dump(&x);
    extraction_clear(&x);
}

static void
no_person(const char *body)
{
    struct extraction x;
    run(body, &x);
    int n = 0;
    for (size_t i = 0; i < x.nentities; i++)
        if (x.entities[i].kind == ENTITY_PERSON)
            n++;
    if (!ok(n == 0, "no person in '%.60s'", body))
        dump(&x);
    extraction_clear(&x);
}

static int
write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(text, f);
    return fclose(f);
}

int
main(void)
{
    const char *env = getenv("DOSSIER_ASSETS");
    char *assets = env ? xstrdup(env) : xasprintf("%s/assets", DOSSIER_SRCDIR);
    struct ds_error err;
    ds_error_clear(&err);
    if (extractor_open(assets, NULL, &ex, &err) != 0) {
        diag("extractor_open: %s", err.msg);
        ok(0, "extractor opens");
        return done_testing();
    }

    /* Issue 12, fourth pass (held-out set heldout_meta): job nouns opening
     * a sentence, "Jan" as a given name, a given name and two surnames, a
     * double-barrelled surname whose part is a place word, buildings, firms
     * people work at, "Sir Ian" for the Ian named before, a person "of" a
     * firm is no organisation. */
    has("Demographer Liu Wenbo, a researcher, said births fell.", "Liu Wenbo", ENTITY_PERSON, 1);
    hasnt("Demographer Liu Wenbo, a researcher, said births fell.", "Demographer Liu Wenbo");
    has("Analyst Karen Tolliver of Marlow Brothers said buyers returned.", "Karen Tolliver",
        ENTITY_PERSON, 1);
    hasnt("Analyst Karen Tolliver of Marlow Brothers said buyers returned.",
          "Analyst Karen Tolliver of Marlow Brothers");
    has("\"It costs money,\" said Jan Pieter de Boer, an analyst in Rotterdam.",
        "Jan Pieter de Boer", ENTITY_PERSON, 1);
    has("Board member Luis Herrera Ortega voted against the cut.", "Luis Herrera Ortega",
        ENTITY_PERSON, 1);
    has("Council leader Helen Moss-Park said the plan would go ahead.", "Helen Moss-Park",
        ENTITY_PERSON, 1);
    has("The chief negotiator, Vice-Premier Liu He, read out a letter.", "Liu He", ENTITY_PERSON,
        1);
    no_person("He spoke in a televised address from the Elysee Palace on Sunday.");
    no_person("Analysts at Hollis Marsh said the shares were cheap.");
    has("The chain's founder, Sir Ian Brereton, will retire. Sir Ian, 71, built it.",
        "Ian Brereton", ENTITY_PERSON, 2);
    hasnt("The chain's founder, Sir Ian Brereton, will retire. Sir Ian, 71, built it.", "Ian");
    has("The goal came after an own goal by Villa keeper Emil Sorensen.", "Emil Sorensen",
        ENTITY_PERSON, 1);

    /* Countries, demonyms, case rules. */
    has("Chinese officials met their American counterparts.", "China", ENTITY_COUNTRY, 1);
    has("Chinese officials met their American counterparts.", "United States", ENTITY_COUNTRY,
        1);
    has("The U.S. and the US and the United States.", "United States", ENTITY_COUNTRY, 3);
    hasnt("Let us meet in the usual place.", "United States");
    has("Korea and Japan", "South Korea", ENTITY_COUNTRY, 1);
    has("the China-ASEAN Expo", "ASEAN", ENTITY_ORG, 1);
    has("the China-ASEAN Expo", "China", ENTITY_COUNTRY, 1);

    /* Capitals: government or place. */
    has("Beijing said on Monday it would retaliate.", "China", ENTITY_COUNTRY, 1);
    has("The talks were held in Beijing on Monday.", "Beijing", ENTITY_PLACE, 1);
    hasnt("The talks were held in Beijing on Monday.", "China");
    has("Japan wants more talks with Tokyo's partners.", "Japan", ENTITY_COUNTRY, 2);
    has("As Washington and Beijing near a deal", "United States", ENTITY_COUNTRY, 1);
    has("They pressed Brussels on market access.", "European Union", ENTITY_ORG, 1);
    has("WASHINGTON -- Talks resumed.", "Washington", ENTITY_PLACE, 1);

    /* Organisations and agreements, any case where documented. */
    has("MofCOM and MOFCOM and Mofcom", "Ministry of Commerce", ENTITY_ORG, 3);
    has("China's Ministry of Commerce (MOFCOM) said", "Ministry of Commerce", ENTITY_ORG, 2);
    has("the People's Bank of China cut rates", "People's Bank of China", ENTITY_ORG, 1);
    has("The US Department of Treasury added SenseTime to a list.", "US Department of Treasury",
        ENTITY_ORG, 1);
    has("The US Department of Treasury added SenseTime to a list.", "SenseTime", ENTITY_ORG, 1);
    has("the phase one deal and the phase-one trade agreement",
        "Phase one trade agreement", ENTITY_AGREEMENT, 2);
    has("reviewing \"Made in China 2025,\" a policy", "Made in China 2025", ENTITY_AGREEMENT, 1);
    has("promoting BRI and the Belt and Road Initiative", "Belt and Road Initiative",
        ENTITY_AGREEMENT, 2);
    has("joining CPTPP and RCEP", "CPTPP", ENTITY_AGREEMENT, 1);
    has("a professor at Renmin University said", "Renmin University", ENTITY_ORG, 1);
    has("a fellow at the Beijing Academy of Social Sciences", "Beijing Academy of Social Sciences",
        ENTITY_ORG, 1);
    hasnt("a fellow at the Beijing Academy of Social Sciences", "China");

    /* People by pattern. */
    has("On the Chinese side, Vice Premier Liu He arrived.", "Liu He", ENTITY_PERSON, 1);
    has("Japanese Foreign Minister Taro Kono will attend.", "Taro Kono", ENTITY_PERSON, 1);
    has("MOFCOM spokesperson Shu Jueting said on Thursday. Later Shu said more.",
        "Shu Jueting", ENTITY_PERSON, 2);
    has("President Donald Trump has said he wants a deal. Trump is expected to act.",
        "Donald Trump", ENTITY_PERSON, 2);
    has("Treasury Secretary Steven Mnuchin and Secretary of Commerce Wilbur Ross met.",
        "Steven Mnuchin", ENTITY_PERSON, 1);
    has("Treasury Secretary Steven Mnuchin and Secretary of Commerce Wilbur Ross met.",
        "Wilbur Ross", ENTITY_PERSON, 1);
    has("\"It is hard,\" said Shi Yinhong, an adviser to the cabinet.", "Shi Yinhong",
        ENTITY_PERSON, 1);
    has("The team includes Zhong Shan, the commerce minister, and others.", "Zhong Shan",
        ENTITY_PERSON, 1);
    has("Vice Minister of Commerce Li Fei told a press conference. Li said it twice.", "Li Fei",
        ENTITY_PERSON, 2);
    has("Mary Keller told reporters the plan was ready.", "Mary Keller", ENTITY_PERSON, 1);
    {
        struct extraction x;
        run("For 2021 Wang Wentao \xe7\x8e\x8b\xe6\x96\x87\xe6\xb6\x9b MofCOM minister noted "
            "the plan.", &x);
        const struct entity *e = find(&x, "Wang Wentao");
        ok(e && e->kind == ENTITY_PERSON && e->alt &&
               strcmp(e->alt, "\xe7\x8e\x8b\xe6\x96\x87\xe6\xb6\x9b") == 0,
           "romanised name + CJK is one person with alt");
        int extra = 0;
        for (size_t i = 0; i < x.nentities; i++)
            if (x.entities[i].kind == ENTITY_PERSON && e != &x.entities[i])
                extra++;
        is_int(extra, 0, "the CJK form is not a second person");
        extraction_clear(&x);
    }
    /* A surname alone attaches to the last full name that has it. */
    {
        struct extraction x;
        run("Wang Peng, a research fellow, spoke first. Later Wang Yi, the foreign minister, "
            "spoke. Wang said talks would go on.", &x);
        const struct entity *a = find(&x, "Wang Peng"), *b = find(&x, "Wang Yi");
        ok(a && b && a->nspans == 1 && b->nspans == 2, "lone surname goes to the latest Wang");
        extraction_clear(&x);
    }

    /* False people. */
    no_person("The Global Times reported the figures on Monday.");
    no_person("Economic Daily said exports rose.");
    no_person("Sponsored Content appears here. Stay Ahead With Our Exclusives.");
    no_person("In March the talks resumed. Meanwhile Beijing said no.");
    no_person("He said the deal was good. She said it was bad.");
    no_person("Experts noted that Chinese Officials said so.");
    no_person("The rival of club boss Tottenham and the star Bride won.");
    has("Mr Blair said so. Blair later agreed.", "Blair", ENTITY_PERSON, 2);
    /* Middle initials, hyphenated given names, short forms linked. */
    has("Company chairman Robert E. Vance said sales rose. Vance was pleased.",
        "Robert E. Vance", ENTITY_PERSON, 2);
    has("President George W. Bush signed the bill.", "George W. Bush", ENTITY_PERSON, 1);
    has("Janet L. Yellen, the Fed chair, told lawmakers. Ms. Yellen did not say more.",
        "Janet L. Yellen", ENTITY_PERSON, 2);
    has("Gov. Andrew Cuomo signed the budget.", "Andrew Cuomo", ENTITY_PERSON, 1);
    has("Kim Hyun-chong, South Korea's trade minister, said so.", "Kim Hyun-chong",
        ENTITY_PERSON, 1);
    has("Winston Jordan, a spokesman for the company, said work would start.", "Winston Jordan",
        ENTITY_PERSON, 1);
    hasnt("Winston Jordan, a spokesman for the company, said work would start.", "Jordan");
    hasnt("Al Qaeda-linked groups said so.", "Al Qaeda-linked");
    no_person("Helvetia Kreditbank said it would raise capital.");
    no_person("Northern Asset Management said it sold.");
    /* Names across traditions (issue 12): a single-letter surname after a
     * particle, Irish capitalised particles, Malay "binti", run-together
     * initials, four words with a particle; firms opening with an
     * organisation word in another language are never people. */
    has("Rodrigo Salinas de la O said the plan was sound.", "Rodrigo Salinas de la O",
        ENTITY_PERSON, 1);
    has("Ciarán Ó Dálaigh said the plan was sound.", "Ciarán Ó Dálaigh", ENTITY_PERSON, 1);
    has("Róisín Ní Fhlatharta said the plan was sound.", "Róisín Ní Fhlatharta",
        ENTITY_PERSON, 1);
    has("Nur Hidayah binti Yusof said the plan was sound.", "Nur Hidayah binti Yusof",
        ENTITY_PERSON, 1);
    has("S.R. Venkataraman said the plan was sound.", "S.R. Venkataraman", ENTITY_PERSON, 1);
    has("Tiago Duarte Mendes da Costa said the plan was sound.", "Tiago Duarte Mendes da Costa",
        ENTITY_PERSON, 1);
    no_person("Banco Serrano said the plan was sound.");
    no_person("Grupo Oliveira said the plan was sound.");
    no_person("Universiti Hamzah said the plan was sound.");
    /* ... and are organisations, over the connectors of their language */
    has("Analysts at Banco Serrano do Norte said so.", "Banco Serrano do Norte", ENTITY_ORG, 1);
    has("Analysts at Banca Rossi dei Colli said so.", "Banca Rossi dei Colli", ENTITY_ORG, 1);
    has("Economists at Universidad Central de Oriente agreed on Monday.",
        "Universidad Central de Oriente", ENTITY_ORG, 1);
    /* A name shaped as only a person's is evidence by itself: a patronymic,
     * an Irish particle, initials and a surname; a role word opening the
     * sentence is not part of it. */
    has("He met Wan Zulkifli bin Osman at the port.", "Wan Zulkifli bin Osman", ENTITY_PERSON, 1);
    has("He met Dorcha Ó Ceallaigh at the port.", "Dorcha Ó Ceallaigh", ENTITY_PERSON, 1);
    has("He met T.N. Raghunathan at the port.", "T.N. Raghunathan", ENTITY_PERSON, 1);
    no_person("The F.B.I. Nothing more was said.");
    has("Shopkeeper Wan Azlan bin Osman, 40, said he would close.", "Wan Azlan bin Osman",
        ENTITY_PERSON, 1);
    hasnt("Shopkeeper Wan Azlan bin Osman, 40, said he would close.",
          "Shopkeeper Wan Azlan bin Osman");
    /* A dateline run into the first sentence; an office "of" a company. */
    has("LONDON, March 3 (Harbour Wire) - Anna Kowalski, chief executive of Quay Foods, said "
        "sales grew.", "Anna Kowalski", ENTITY_PERSON, 1);
    has("LONDON, March 3 (Harbour Wire) - Anna Kowalski, chief executive of Quay Foods, said "
        "sales grew.", "Quay Foods", ENTITY_ORG, 1); /* the company, not a person */
    has("The nominations included best actor for Lars Brandt.", "Lars Brandt", ENTITY_PERSON, 1);
    has("He wrote to Secretary of State Ella Moss on Friday.", "Ella Moss", ENTITY_PERSON, 1);
    /* A job, a party or a nationality written before a name is not part of
     * it, whether listed ("Referee") or told by its ending ("Novelist"). */
    has("Referee Tom Hale said the goal stood.", "Tom Hale", ENTITY_PERSON, 1);
    hasnt("Referee Tom Hale said the goal stood.", "Referee Tom Hale");
    has("Novelist Ruth Penrose said she would stay.", "Ruth Penrose", ENTITY_PERSON, 1);
    has("Tory Ian Marsh asked the question.", "Ian Marsh", ENTITY_PERSON, 1);
    has("Welshman Huw Rees won the heat, the organisers said.", "Huw Rees", ENTITY_PERSON, 1);
    /* What is not a person: a firm after "&", a film or firm naming the
     * person's work, an organisation or a run of common nouns. */
    hasnt("Ann Colby, an analyst at Brook King & Associates, said prices would rise.",
          "Associates");
    has("The jury is chaired by Silver Harbour director Tom Fenn and others.", "Tom Fenn",
        ENTITY_PERSON, 1);
    hasnt("The jury is chaired by Silver Harbour director Tom Fenn and others.",
          "Silver Harbour");
    no_person("Ocean Rights Watch said the ban was lawful.");
    no_person("Media Labs Europe said the decision was final.");
    no_person("Against Cruel Sports said it would appeal.");
    no_person("Workplace Safety Allegations said little.");
    no_person("It staged La Traviata, followed by Tosca, the director said.");
    has("Simon Le Bon said the tour would go ahead.", "Simon Le Bon", ENTITY_PERSON, 1);
    no_person("Paramount and Harbour Brothers said they would back the format.");
    no_person("The National Association of Probation Officers said it would object.");
    /* A common given name and a surname need no other evidence; a given
     * name before a run of three, or before an organisation word, does not
     * make a person. */
    has("The prize went to Sarah Penrose for her first novel.", "Sarah Penrose",
        ENTITY_PERSON, 1);
    has("It starred Paul Hadley and Virginia Marsh.", "Virginia Marsh", ENTITY_PERSON, 1);
    no_person("Tickets for the Victoria Palace Theatre went on sale.");
    no_person("The bill passed. Photo: Sarah Penrose/AP");
    no_person("The bill passed. Photo: Sarah Penrose");
    no_person("The Adam Smith Lecture was held in Kirkcaldy.");
    /* "Tory and Lib Dem": two groups, not a title and a name. */
    no_person("Tory and Lib Dem leaders said so.");
    /* Given names beyond the first two hundred, and ones that are stop
     * words ("Bill"); a title or stop word as the surname after one. */
    has("The long jump went to Jade Pennant on her last try.", "Jade Pennant", ENTITY_PERSON, 1);
    has("The part went to Romola Pennant after a long search.", "Romola Pennant", ENTITY_PERSON,
        1);
    no_person("Analysts at Merrill Lynch and Warner Bros said so.");
    has("Former President Bill Harlow signed the act.", "Bill Harlow", ENTITY_PERSON, 1);
    has("The governor, Mervyn King, kept rates on hold.", "Mervyn King", ENTITY_PERSON, 1);
    has("The case was argued by Jack Law for the family.", "Jack Law", ENTITY_PERSON, 1);
    has("The vote was won by Theresa May in the end.", "Theresa May", ENTITY_PERSON, 1);
    no_person("The rally filled Victoria Park on Sunday.");
    no_person("Labour is ahead before the next General Election.");
    /* A run too long for a name after a title ends in a given name and a
     * surname. */
    has("Senate President Pro Tem David Long said a fix was near.", "David Long", ENTITY_PERSON,
        1);
    /* Particles and suffixes are part of the name; the short forms after
     * an honorific, and alone, are the same person. */
    has("Rodrigo de la Serna said he enjoyed the part.", "Rodrigo de la Serna", ENTITY_PERSON, 1);
    has("The envoy Omar al-Harbi said talks were over.", "Omar al-Harbi", ENTITY_PERSON, 1);
    has("Joseph R. Biden Jr. spoke first. Mr. Biden said the plan would pass. Later Biden left.",
        "Joseph R. Biden Jr.", ENTITY_PERSON, 3);
    hasnt("Joseph R. Biden Jr. spoke first. Mr. Biden said the plan would pass.", "Biden");
    has("Ken Macdonald QC said the law was clear.", "Ken Macdonald QC", ENTITY_PERSON, 1);
    /* A name without evidence of its own is a person when its surname
     * alone has a reporting verb elsewhere; not a headline's "Vote X". */
    has("The heat went to Odile Varga in record time. Varga said she felt strong.",
        "Odile Varga", ENTITY_PERSON, 2);
    hasnt("Vote Hollis posters went up overnight. Hollis said nothing.", "Vote Hollis");
    hasnt("White House Used Clinton to Ask Hollis to Drop Out of Race\nHollis said he would stay.",
          "Ask Hollis");
    hasnt("Lis Smith called the new Ames-Hollis ad false. Mr. Hollis has said so.", "Ames-Hollis");
    /* An abbreviated honorific with its full stop names a person alone;
     * a sentence ending in a title does not. */
    has("Mr. Hollis said no. Later Mr. Hollis left.", "Hollis", ENTITY_PERSON, 2);
    no_person("It won the prize for A Little Princess. Based on a novel, it sold well.");
    /* A double-barrelled surname alone is the person named in full. */
    has("The envoy Douglas Holtz-Eakin spoke. Holtz-Eakin said more.", "Douglas Holtz-Eakin",
        ENTITY_PERSON, 2);
    has("He met Party Chair Odile Varga in May.", "Odile Varga", ENTITY_PERSON, 1);
    hasnt("Gary Stowell is a spokesman for St Bernard software.", "St Bernard");
    has("Fannie Mae said it would restate its results.", "Fannie Mae", ENTITY_ORG, 1);
    no_person("Accountants Ernst & Young said the audit was clean.");
    /* A name ending in a possessive is no modifier of the role after it. */
    has("It was the birthday of singer Sir Ray Dunn's partner Paul Ives.", "Ray Dunn",
        ENTITY_PERSON, 1);
    /* Names end where the name ends. */
    has("The figures came from the Bureau of Labor Statistics on Friday.",
        "Bureau of Labor Statistics", ENTITY_ORG, 1);
    hasnt("It was reported by Reuters and The Associated Press.",
          "Reuters and The Associated Press");

    /* Order of first mention and spans. */
    {
        struct extraction x;
        const char *t = "Japan and China met. China spoke first, then Japan, then India.";
        run(t, &x);
        int order = x.nentities == 3 && strcmp(x.entities[0].name, "Japan") == 0 &&
                    strcmp(x.entities[1].name, "China") == 0 &&
                    strcmp(x.entities[2].name, "India") == 0;
        ok(order, "entities in order of first mention");
        int spans = 1;
        for (size_t i = 0; i < x.nentities; i++)
            for (size_t k = 0; k < x.entities[i].nspans; k++) {
                struct span s = x.entities[i].spans[k];
                if (s.end > strlen(t) || s.end <= s.start ||
                    (k && s.start < x.entities[i].spans[k - 1].start))
                    spans = 0;
            }
        ok(spans, "spans in range and in order");
        const struct entity *c = find(&x, "China");
        ok(c && c->nspans == 2 && strncmp(t + c->spans[0].start, "China", 5) == 0,
           "China mentioned twice, span on the word");
        extraction_clear(&x);
    }

    /* Chinese: gazetteer names inside runs of characters without spaces, in
     * both scripts, linked to the same entities as the English names. */
    has("美國對華加徵關稅", "United States", ENTITY_COUNTRY, 1);
    has("美国对华加征关税，中国表示反对", "United States", ENTITY_COUNTRY, 1);
    has("美国对华加征关税，中国表示反对", "China", ENTITY_COUNTRY, 1);
    has("香港特區與台灣及臺灣海峽", "Hong Kong", ENTITY_COUNTRY, 1);
    /* a region's own government is a body as written, the region inside
     * it the body's (bench/zh/README.md; heldout6's 澳門特區政府) */
    has("香港特區政府與台灣及臺灣海峽", "香港特區政府", ENTITY_ORG, 1);
    hasnt("香港特區政府與台灣及臺灣海峽", "Hong Kong");
    has("商務部和商务部", "Ministry of Commerce", ENTITY_ORG, 2);
    has("東盟與世界貿易組織", "ASEAN", ENTITY_ORG, 1);
    has("東盟與世界貿易組織", "World Trade Organization", ENTITY_ORG, 1);
    has("印度尼西亚出口增长", "Indonesia", ENTITY_COUNTRY, 1);
    hasnt("印度尼西亚出口增长", "India");
    has("内蒙古的煤炭", "Inner Mongolia", ENTITY_PLACE, 1);
    hasnt("内蒙古的煤炭", "Mongolia");
    has("上海合作组织峰会", "Shanghai Cooperation Organisation", ENTITY_ORG, 1);
    hasnt("上海合作组织峰会", "Shanghai");
    has("US tariffs, 美國關稅", "United States", ENTITY_COUNTRY, 2);
    {
        const char *t = "據悉，美國商務部週二宣布";
        struct extraction x;
        run(t, &x);
        const struct entity *c = find(&x, "US Department of Commerce");
        ok(c && c->nspans == 1 && c->spans[0].end - c->spans[0].start == 15 &&
               strncmp(t + c->spans[0].start, "美國商務部", 15) == 0,
           "the longest name wins, span on the characters as written");
        ok(find(&x, "Ministry of Commerce") == NULL && find(&x, "United States") == NULL,
           "... and its parts are not mentions of their own");
        extraction_clear(&x);
    }
    /* Organisations: "of"/"for" names after a head word, ended by a title
     * or by "and" before another organisation; acronyms defined in
     * parentheses; companies by their place in a sentence. */
    has("Data from the Reserve Bank of Tanzania showed it.", "Reserve Bank of Tanzania",
        ENTITY_ORG, 1);
    has("He spoke at the Halden Institute for the Study of Rivers today.",
        "Halden Institute for the Study of Rivers", ENTITY_ORG, 1);
    has("Central Bank of Lesotho Governor Pule Mokoena said so.", "Central Bank of Lesotho",
        ENTITY_ORG, 1);
    hasnt("Central Bank of Lesotho Governor Pule Mokoena said so.",
          "Central Bank of Lesotho Governor Pule Mokoena");
    has("Officials at Kessel Corp and Marden Ltd agreed.", "Kessel Corp", ENTITY_ORG, 1);
    has("Officials at Kessel Corp and Marden Ltd agreed.", "Marden Ltd", ENTITY_ORG, 1);
    has("Economist Anna Berg of Tallis University said so.", "Tallis University", ENTITY_ORG, 1);
    hasnt("Economist Anna Berg of Tallis University said so.",
          "Anna Berg of Tallis University");
    has("The Grain Marketing Board (GMB) bought maize. The GMB paid late.",
        "Grain Marketing Board", ENTITY_ORG, 3);
    has("Prices rose, and Vantoro chief executive Ilse Brandt said demand held.", "Vantoro",
        ENTITY_ORG, 1);
    has("Vantoro chief executive Ilse Brandt said so. Analysts expect Vantoro to hire.", "Vantoro",
        ENTITY_ORG, 2);
    hasnt("Veteran analyst Ilse Brandt said so.", "Veteran");
    has("Shares of Korvex rose 3% while the market fell.", "Korvex", ENTITY_ORG, 1);
    has("The talks went on. KNTB said it would appeal, and KNTB did.", "KNTB", ENTITY_ORG, 2);
    hasnt("Former Treasury staff said so.", "Former Treasury");
    /* People: four words when the first is a given name; a later name of
     * two words that begins a full one is that person. */
    has("Its governor, José Luis Escrivá Belmonte, told a committee so.",
        "José Luis Escrivá Belmonte", ENTITY_PERSON, 1);
    hasnt("Its governor, José Luis Escrivá Belmonte, told a committee so.",
          "Luis Escrivá Belmonte");
    has("Minister Sri Mulyani Indrawati resigned. Later Sri Mulyani said the deficit was small.",
        "Sri Mulyani Indrawati", ENTITY_PERSON, 2);
    hasnt("Minister Sri Mulyani Indrawati resigned. Later Sri Mulyani said the deficit was small.",
          "Sri Mulyani");
    no_person("Exports fell, and Hyundai Motor said car shipments had dropped.");

    /* Issue 12, held-out set heldout_names2: Germanic particles and
     * initials as a person's shape, a single initial after a lower-case
     * word, Vietnamese names, kin before a name, a short form said before
     * the full name, names joined by "and", legal forms of companies. */
    has("The talks were led by Pieter van den Molen of the port authority.",
        "Pieter van den Molen", ENTITY_PERSON, 1);
    has("The plan came from Hans-Georg zu Wendorf in the end.", "Hans-Georg zu Wendorf",
        ENTITY_PERSON, 1);
    has("Later, P.J. de Vries, a former minister, spoke.", "P.J. de Vries", ENTITY_PERSON, 1);
    has("The group's chairman R. Venkataraman said margins were thin.", "R. Venkataraman",
        ENTITY_PERSON, 1);
    has("Voters backed Tran Van Khoa in the end.", "Tran Van Khoa", ENTITY_PERSON, 1);
    has("Nguyen Thi Bich Lan, a former deputy, attended.", "Nguyen Thi Bich Lan",
        ENTITY_PERSON, 1);
    has("He leaves his wife, Amara Okafor, and a son.", "Amara Okafor", ENTITY_PERSON, 1);
    no_person("The Chemical Brother's Push The Button Down fell to six.");
    has("Obiageli-Nwosu, the head of the agency, spoke first. Chidi Obiageli-Nwosu was born "
        "in Enugu.",
        "Chidi Obiageli-Nwosu", ENTITY_PERSON, 2);
    hasnt("Obiageli-Nwosu, the head of the agency, spoke first. Chidi Obiageli-Nwosu was born "
          "in Enugu.",
          "Obiageli-Nwosu");
    has("Markus van Rijn headed the third goal in the rain. Van Rijn said the side had learned.",
        "Markus van Rijn", ENTITY_PERSON, 2);
    hasnt("Markus van Rijn headed the third goal in the rain. Van Rijn said the side had learned.",
          "Van Rijn");
    has("The relay was fast. Femka Dolstra and John Marsh won it.", "Femka Dolstra",
        ENTITY_PERSON, 1);
    no_person("Earlier, the Silver Lanterns and the crowd had sung.");
    has("Harlow Mining Plc and Benning Energy Ltd said they would drill.", "Harlow Mining Plc",
        ENTITY_ORG, 1);
    has("Harlow Mining Plc and Benning Energy Ltd said they would drill.", "Benning Energy Ltd",
        ENTITY_ORG, 1);
    has("Yesterday Santiago Ferrandi, head of the central bank, said reserves rose.",
        "Santiago Ferrandi", ENTITY_PERSON, 1);
    hasnt("Scotland Yard said the inquiry was closed.", "Scotland Yard");
    has("Ana Sousa d'Almeida, the chief executive, said so.", "Ana Sousa d'Almeida",
        ENTITY_PERSON, 1);
    /* Organisations by their neighbours: a possessive before a company's
     * title, a noun for a company before or in apposition, "and" next to
     * an organisation; not part of a longer name. */
    has("Korlindo's chairman said output would rise.", "Korlindo", ENTITY_ORG, 1);
    has("Prices rose at the state utility Vantrell after the storm.", "Vantrell", ENTITY_ORG, 1);
    has("Output fell at Mardova, the mining group, in May.", "Mardova", ENTITY_ORG, 1);
    has("Talks between Quintaro and Harlow Mining Plc ended.", "Quintaro", ENTITY_ORG, 1);
    has("Brenvik and Harlow Mining Plc said they would drill.", "Harlow Mining Plc", ENTITY_ORG,
        1);
    hasnt("A warning came from security firm Vexo-Guard on Monday.", "Vexo");
    has("He led the Truth and Reconciliation Commission for years.",
        "Truth and Reconciliation Commission", ENTITY_ORG, 1);
    /* A nickname in quotes stays out of the name; "wa" and "arap" are
     * particles; a given name is known with its accents; a longer name
     * ending with a person found is that person. */
    has("The court heard that Dwayne \"Ace\" Tarrant, 31, had fled. Tarrant denied it.",
        "Dwayne Tarrant", ENTITY_PERSON, 2);
    has("Her husband, Kamau wa Njoroge, said the play was banned.", "Kamau wa Njoroge",
        ENTITY_PERSON, 1);
    has("Officials met on Monday. Tomáš Hrubý won the vote.", "Tomáš Hrubý", ENTITY_PERSON, 1);
    has("Salgado Ruiz, who ran the port, left. The board named Víctor Salgado Ruiz as its head.",
        "Víctor Salgado Ruiz", ENTITY_PERSON, 2);
    hasnt("Salgado Ruiz, who ran the port, left. The board named Víctor Salgado Ruiz as its head.",
          "Salgado Ruiz");
    /* A name with an organisation and a verb after it; names of places
     * joined by "and"; a musician's word before a name; a friend. */
    has("Idris Kamaru of the Harbour Workers Union said the port would close.", "Idris Kamaru",
        ENTITY_PERSON, 1);
    has("President Dele Fashola of Ghana and Obiora Nwankwo of Togo attended.", "Obiora Nwankwo",
        ENTITY_PERSON, 1);
    has("She married the violinist Teodor Vasilescu in 1990.", "Teodor Vasilescu", ENTITY_PERSON,
        1);
    has("His friend Ilario Montesanto read the drafts.", "Ilario Montesanto", ENTITY_PERSON, 1);
    /* Organisations by where people work, what they run, what they own,
     * their staff, and a short form of a name with a legal form. */
    has("Yuki Tanabe, an analyst at Kestrelwood, said sales fell.", "Kestrelwood", ENTITY_ORG, 1);
    has("Rana Haddad, who chairs Velmora, said sales fell.", "Velmora", ENTITY_ORG, 1);
    has("The deal lifted Ostrava Power, Brenlix's Czech arm, on Monday.", "Brenlix", ENTITY_ORG,
        1);
    has("Ivo Marek, the Dunavia coach, said his side was tired.", "Dunavia", ENTITY_ORG, 1);
    has("Shares of Corvane Ltd rose. Tom Beck, who founded Corvane, was pleased.", "Corvane Ltd",
        ENTITY_ORG, 2);
    hasnt("Shares of Corvane Ltd rose. Tom Beck, who founded Corvane, was pleased.", "Corvane");
    /* a site's menu parted by middle dots is no list of organisations, though
     * it opens with one: its sections are not bodies */
    hasnt("Irish Times · News · Sport · Business · Opinion\n\nThe union counted beds.", "Sport");
    hasnt("Irish Times · News · Sport · Business · Opinion\n\nThe union counted beds.", "Opinion");
    hasnt("Vale and Rio Tinto fell; the government wants to fund Obamacare next year.",
          "Obamacare");

    /* Issue 12, heldout_names5: a hyphenated word naming a region or
     * qualifying one is no person, whatever verb follows; an initial
     * opening a sentence or a clause, or two of them, before a surname. */
    no_person("The Indo-Pacific said little. Trade in the Indo-Pacific grew.");
    no_person("Asia-Pacific said the rules were fair, and Sino-Indian talks began.");
    no_person("The Anglo-Saxon said nothing; Trans-Pacific said more.");
    has("Gilgeous-Alexander said he was tired. Rhys Gilgeous-Alexander is 24.",
        "Rhys Gilgeous-Alexander", ENTITY_PERSON, 2);
    has("Sales rose. R. Thirumalai, the chairman of the group, said so.", "R. Thirumalai",
        ENTITY_PERSON, 1);
    has("Its leader, V. Narayanasamy, said so.", "V. Narayanasamy", ENTITY_PERSON, 1);
    has("Profit rose. A. K. Ramanathan, the chief executive, said so.", "A. K. Ramanathan",
        ENTITY_PERSON, 1);
    no_person("They won the group. B. Sharp falls are rare.");
    /* An age before the apposition, a calling after "the" or "a"; the
     * Turkish dotted capital I opens a name. */
    has("The patient, Adaeze Okonkwo-Bell, 46, a retired nurse, gave evidence.",
        "Adaeze Okonkwo-Bell", ENTITY_PERSON, 1);
    has("Wojciech Kamiński, the speaker, closed the session.", "Wojciech Kamiński",
        ENTITY_PERSON, 1);
    has("The hearing of Mert İnceoğlu, the suspended mayor, opened.", "Mert İnceoğlu",
        ENTITY_PERSON, 1);
    /* Military units with their number, possessive names of institutions
     * kept whole. */
    has("Soldiers of the 101st Airborne Division landed.", "101st Airborne Division",
        ENTITY_ORG, 1);
    has("Marines of 40 Commando Brigade trained there.", "40 Commando Brigade", ENTITY_ORG, 1);
    /* A corps heads its name over "of", as a ministry does. */
    has("The Army Corps of Engineers will repair the levee.", "Army Corps of Engineers",
        ENTITY_ORG, 1);
    has("The case went to the King's Bench Division in May.", "King's Bench Division",
        ENTITY_ORG, 1);
    has("A spokesman for the Alzheimer's Society said care was poor.", "Alzheimer's Society",
        ENTITY_ORG, 1);
    /* Brands that look like people: after "sales of", or a possessive
     * with nothing of theirs after it. */
    no_person("Sales of Henry Forsyth fell, the distiller said.");
    no_person("The group, which makes Tommy Hartley's, cut its outlook.");
    has("Tommy Hartley's shop closed, his son said.", "Tommy Hartley", ENTITY_PERSON, 1);
    /* "Sir" and "Dame" take the given name: the person named in full. */
    hasnt("Sir Tavish Penhallow, the vice-chancellor, spoke. Sir Tavish said fees would rise.",
          "Tavish");
    has("Sir Tavish Penhallow, the vice-chancellor, spoke. Sir Tavish said fees would rise.",
        "Tavish Penhallow", ENTITY_PERSON, 2);
    /* A brand's casing: a lower-case first letter, a capital inside. */
    has("Shares fell. zipFleet raised its forecast. Ann Lowe, its chief executive, said so.",
        "zipFleet", ENTITY_ORG, 1);
    /* A short form of a body named in full in the same article is a mention
     * of it: without the legal form, its first word, its initials. */
    has("Quorvex AG cut its outlook. Quorvex shares fell.", "Quorvex AG", ENTITY_ORG, 2);
    hasnt("Quorvex AG cut its outlook. Quorvex shares fell.", "Quorvex");
    has("Talmira Motor Corporation raised its forecast. Talmira's chief executive spoke.",
        "Talmira Motor Corporation", ENTITY_ORG, 2);
    has("The Harbour and Ferries Authority fined the operator. The HFA said it was late.",
        "Harbour and Ferries Authority", ENTITY_ORG, 2);
    /* What only a body does, and acronyms acting as bodies. */
    has("Prices rose, said Nellvane, which runs schools in four towns.", "Nellvane",
        ENTITY_ORG, 1);
    hasnt("Prices rose under the Act of Quillary, which governs the trade.", "Quillary");
    has("Rations were cut. Kemi Adeyo, the WRFA's executive director, said so.", "WRFA",
        ENTITY_ORG, 1);
    has("Fans waited. The BLQ will play two games in Lisbon.", "BLQ", ENTITY_ORG, 1);
    has("Profits rose a year after it bought Sarnitex from its founders.", "Sarnitex",
        ENTITY_ORG, 1);
    hasnt("Millions buy MP3 players.", "MP3");
    hasnt("Sales rose as Christmas shoppers arrived.", "Christmas");
    /* Two bodies joined by "and", the second with its own head. */
    has("The University of Tarvel and Brennick College London said so.", "University of Tarvel",
        ENTITY_ORG, 1);
    /* A person's "of the" before a listed place and a plural name: a team. */
    has("Fans cheered. Jalen Orvick of the Los Angeles Starhawks said he would play.",
        "Los Angeles Starhawks", ENTITY_ORG, 1);
    /* Two given names and two surnames; a first surname after a title. */
    has("Rodrigo Manuel Ibarrola Montes broke his silence. Senator Ibarrola spoke again.",
        "Rodrigo Manuel Ibarrola Montes", ENTITY_PERSON, 2);
    /* Fragments the issue-17 audit found in real comparisons: two bodies
     * joined by "and", a party's or a rank's adjective glued to a
     * legislature, a field word that opens a job title, a place after a
     * body's field, a poll's two sponsors. */
    hasnt("The bill passed the House and Senate on Thursday.", "House and Senate");
    hasnt("Officials at Medicare and Treasury said costs would rise.", "Medicare and Treasury");
    hasnt("The Republican Senate leader said the vote would come early.", "Republican Senate");
    hasnt("A Top Senate aide said talks would go on.", "Top Senate");
    hasnt("Top Senate aides said talks would go on.", "Top Senate");
    hasnt("The GOP Senate majority held firm.", "GOP Senate");
    hasnt("The Democratic Senate caucus said it would fight.", "Democratic Senate");
    has("The Democratic Party said it would fight.", "Democratic Party", ENTITY_ORG, 1);
    hasnt("Kay Lorne, the White House Press Secretary, said so.", "White House Press");
    hasnt("Ana Ruiz, the DNC Communications Director, called it a win.", "DNC Communications");
    has("Li Wen, the Communist Party Secretary of the city, spoke.", "Communist Party",
        ENTITY_ORG, 1);
    hasnt("The Chamber of Commerce and Arkansas officials backed the plan.",
          "Chamber of Commerce and Arkansas");
    has("The Chamber of Commerce and Arkansas officials backed the plan.", "Chamber of Commerce",
        ENTITY_ORG, 1);
    hasnt("A new NBC-Wall Street Journal poll found support at 48%.", "NBC-Wall Street Journal");
    has("A new NBC-Wall Street Journal poll found support at 48%.", "Wall Street Journal",
        ENTITY_ORG, 1);
    has("Staff at the University of Michigan and Ohio Tarvel Works agreed.",
        "University of Michigan", ENTITY_ORG, 1);
    /* A title word right after a body's "of"/"for" is the body's field; a
     * verb's name with "the"; a gazetteer body after a given name. */
    has("Lawyers at the Harlen Center for Justice said so.", "Harlen Center for Justice",
        ENTITY_ORG, 1);
    has("MPs pressed the Office of the Deputy Prime Minister on housing.",
        "Office of the Deputy Prime Minister", ENTITY_ORG, 1);
    has("Central Bank of Lesotho Governor Pule Mokoena said so.", "Central Bank of Lesotho",
        ENTITY_ORG, 1);
    has("The Harlow Relief Committee and Save the Children said so.", "Save the Children", ENTITY_ORG,
        1);
    has("The premier, Doug Ford, said Ford should stay.", "Doug Ford", ENTITY_PERSON, 1);
    /* One body under its three spellings in one article. */
    has("The US Department of Tarvel sued. The Department of Tarvel said more. The Tarvel "
        "Department declined.",
        "US Department of Tarvel", ENTITY_ORG, 3);
    hasnt("The US Department of Tarvel sued. The Department of Tarvel said more. The Tarvel "
          "Department declined.",
          "Tarvel Department");
    /* Public services and houses that are bodies, not works' titles. */
    has("The Tarvel Revenue Service audited him.", "Tarvel Revenue Service", ENTITY_ORG, 1);
    has("The bill went to the House of Lords in May.", "House of Lords", ENTITY_ORG, 1);
    hasnt("He starred in House of Flying Daggers last year.", "House of Flying Daggers");
    /* A body's leader: "the president of X" where X ends the phrase. */
    has("Ann Holt, the president of the Quarrymen, said they would strike.", "Quarrymen",
        ENTITY_ORG, 1);
    has("Lana Pike, the national president of Velnor, said so.", "Velnor", ENTITY_ORG, 1);
    hasnt("Tom Hale, leader of Tarvon county council, said so.", "Tarvon");
    /* heldout_names9's shapes (issue 12): heads that take "of" and "on",
     * guilds, tribunals, units, leagues with a number, "All" opening a
     * body, a unit's bare number, "&" before a legal form, a person after
     * a body's "of", an event before "and", a body in apposition. */
    has("Troops of the Armed Forces of Tarvelia landed.", "Armed Forces of Tarvelia", ENTITY_ORG,
        1);
    has("The Joint Chiefs of Staff were not told.", "Joint Chiefs of Staff", ENTITY_ORG, 1);
    has("She spoke to the United Nations Office on Drugs and Crime.",
        "United Nations Office on Drugs and Crime", ENTITY_ORG, 1);
    hasnt("The Tarvel Commission on Monday fined the bank.", "Tarvel Commission on Monday");
    has("The Directors Guild of Tarvelia said a merger would cost jobs.",
        "Directors Guild of Tarvelia", ENTITY_ORG, 1);
    has("She will go to the Employment Appeal Tribunal next.", "Employment Appeal Tribunal",
        ENTITY_ORG, 1);
    has("Jeonju Motors won the K League 1 on Sunday.", "K League 1", ENTITY_ORG, 1);
    hasnt("Arsenal lead the Champions League group.", "Champions League");
    has("Doctors at the All Tarvel Institute of Medical Sciences agreed.",
        "All Tarvel Institute of Medical Sciences", ENTITY_ORG, 1);
    has("The Houston Independent School District hired him.",
        "Houston Independent School District", ENTITY_ORG, 1);
    has("The army will move its 7 Division north.", "7 Division", ENTITY_ORG, 1);
    has("Seven & i Holdings owns the chain.", "Seven & i Holdings", ENTITY_ORG, 1);
    hasnt("Her album Mind, Body & Soul sold well.", "Body & Soul");
    has("Shehzad Tarar of the Pakistan Muslim League-Nawaz spoke.",
        "Pakistan Muslim League-Nawaz", ENTITY_ORG, 1);
    hasnt("Voters backed the Awami League of Sheikh Hasina in 2008.",
        "Awami League of Sheikh Hasina");
    hasnt("Wasps won the Heineken Cup and Celtic League titles.", "Heineken Cup and Celtic League");
    has("Ann Lake, the head of Tarvex, said so. Police worked with Tarvex, the European Border "
        "and Tarvel Guard Agency.",
        "Tarvex", ENTITY_ORG, 3);
    hasnt("Ann Lake, the head of Tarvex, said so. Police worked with Tarvex, the European Border "
          "and Tarvel Guard Agency.",
          "European Border and Tarvel Guard Agency");
    /* "International" ends a body's name (not an airport's), an acronym
     * after "known as", an office only a body has, "&" between a given
     * name and another, a relative "which" after a given name, an award. */
    has("Amnesty Tarvel International said air strikes killed civilians.",
        "Amnesty Tarvel International", ENTITY_ORG, 1);
    hasnt("She landed at Hamad International Airport.", "Hamad International");
    has("The Tarvel Conference on Trade and Development, known as TCTD, said so. TCTD added more.",
        "Tarvel Conference on Trade and Development", ENTITY_ORG, 3);
    has("The agency's committee for medicines, known as the TVMP, agreed.", "TVMP", ENTITY_ORG, 1);
    hasnt("In Britain the radio technology is known as TVB and works well.", "TVB");
    has("Ann Lake, Tarvopol's executive director, said so.", "Tarvopol", ENTITY_ORG, 1);
    has("Ernst & Tarvey, which audits the company, signed off.", "Ernst & Tarvey", ENTITY_ORG, 1);
    has("Eli Tarvy, which sells a rival drug, filed in October.", "Eli Tarvy", ENTITY_ORG, 1);
    hasnt("Foxx won the Screen Actors Guild Awards on Sunday.", "Screen Actors Guild");
    /* Clubs named with "Al-" found by a team's staff and their list; a
     * club's manager; a producer after a comma is a person's role. */
    has("He named Al-Tarvi, Al-Wesk and Al-Nomi as the rivals. Ali Said, Al-Tarvi's captain, "
        "agreed.",
        "Al-Wesk", ENTITY_ORG, 1);
    has("He named Al-Tarvi, Al-Wesk and Al-Nomi as the rivals. Ali Said, Al-Tarvi's captain, "
        "agreed.",
        "Al-Tarvi", ENTITY_ORG, 2);
    has("Keith Lane, Tarvford's manager, said the midfielder had changed the team.", "Tarvford",
        ENTITY_ORG, 1);
    has("Toshio Tarvuki, Ghibli's producer, said the studio had no plans.", "Toshio Tarvuki",
        ENTITY_PERSON, 1);
    /* A company by its results or its plants; a club a player joined from. */
    has("Tarvo reported record profits from its films.", "Tarvo", ENTITY_ORG, 1);
    has("Tarvmetall will build a plant in Lithuania to make shells.", "Tarvmetall", ENTITY_ORG, 1);
    has("Lane, 35, joined from Tarvax in the summer.", "Tarvax", ENTITY_ORG, 1);
    hasnt("The guitarist moved from Tarvich to the city.", "Tarvich");
    /* heldout_names10's shapes (issue 12): kin in lower case before a name
     * and "the son of"; orchestras, opera houses and museums; a listed
     * body's acronym after its full name; a mountain is no person. */
    has("Born in Tarvton, the son of Orwin Tarvelle, a shepherd, he joined the navy.",
        "Orwin Tarvelle", ENTITY_PERSON, 1);
    has("He trained under his father, Takumi Tarvayama, in the village.", "Takumi Tarvayama",
        ENTITY_PERSON, 1);
    hasnt("Father Tarvel Day is a feast.", "Tarvel Day");
    has("They lived with their children. Tarvichie said so. Abdel Tarvichie spoke.",
        "Abdel Tarvichie", ENTITY_PERSON, 2);
    has("The Tarvel Symphony Orchestra will play.", "Tarvel Symphony Orchestra", ENTITY_ORG, 1);
    has("The Tarvel Philharmonic will play.", "Tarvel Philharmonic", ENTITY_ORG, 1);
    has("She gave the bowls to the Tarvel National Museum.", "Tarvel National Museum", ENTITY_ORG,
        1);
    has("The Social Democratic Party (SPD) won. The SPD said so.", "SPD", ENTITY_ORG, 3);
    hasnt("The Social Democratic Party (SPD) won. The SPD said so.", "Social Democratic Party");
    no_person("Many of the call-outs were on Ben Nevis in winter.");
    has("3M said sales rose.", "3M", ENTITY_ORG, 1);
    hasnt("Microsoft and Tarvon Holdings signed a deal.", "Microsoft and Tarvon Holdings");
    has("Microsoft and Tarvon Holdings signed a deal.", "Tarvon Holdings", ENTITY_ORG, 1);
    hasnt("He earned 3m last year.", "3M");
    hasnt("House Tarvists and Senate Republicans agreed on the bill.",
          "House Tarvists and Senate");
    has("House Tarvists and Senate Republicans agreed on the bill.", "Senate", ENTITY_ORG, 1);
    hasnt("The Tarvel Red Cross and United Nations agencies sent aid.",
          "Tarvel Red Cross and United");
    has("Likud and Yesh Atid clashed in the Knesset.", "Knesset", ENTITY_ORG, 1);
    /* People: a Korean family name that is a word, an Arabic surname with a
     * capitalised article, a place that is a first name; no person after
     * "made by", nor one followed by ", which". */
    has("A lawmaker, Park Chan-dae, said so.", "Park Chan-dae", ENTITY_PERSON, 1);
    has("The coach named Yazan Al-Tarvi in the squad.", "Yazan Al-Tarvi", ENTITY_PERSON, 1);
    no_person("The fund sold its stake in Al-Tarvi to a prince.");
    has("Sydney Tarvey flew to Sydney on Monday. Tarvey told reporters she was tired.",
        "Sydney Tarvey", ENTITY_PERSON, 0);
    no_person("The drug made by Novo Tarvisk was approved on Friday.");
    no_person("Eli Tarvy, which sells a rival drug, filed in October.");
    no_person("Attacks by Boko Tarvam rose in the north.");
    /* A name between two people's names in a list is a person's. */
    has("Her rivals, Daniel Whitcombe, Zarqa Venhol, Colin Marsh and Ayesha Farooqui, lost.",
        "Zarqa Venhol", ENTITY_PERSON, 1);
    /* A place and a plural after "with the": a team. */
    has("He won five titles with the Chicago Harriers before he retired.", "Chicago Harriers",
        ENTITY_ORG, 1);
    extractor_free(&ex);

    /* User gazetteer: extends the shipped ones; errors name file and line. */
    char dir[] = "/tmp/dossier-test-entities-XXXXXX";
    if (!mkdtemp(dir)) {
        ok(0, "mkdtemp");
        return done_testing();
    }
    char *gdir = xasprintf("%s/gazetteer", dir);
    char *orgs = xasprintf("%s/orgs.tsv", gdir);
    ds_mkdir_p(gdir, 0700);
    write_file(orgs, "# mine\nAcme Widgets\torg\tAcme|ACW\nGreat Lakes Pact\tagreement\n");
    ok(extractor_open(assets, dir, &ex, &err) == 0, "opens with a user gazetteer");
    if (ex) {
        has("Acme said ACW and Acme Widgets signed the Great Lakes Pact.", "Acme Widgets",
            ENTITY_ORG, 3);
        has("Acme said ACW and Acme Widgets signed the Great Lakes Pact.", "Great Lakes Pact",
            ENTITY_AGREEMENT, 1);
        has("Shipped lists still work: Germany.", "Germany", ENTITY_COUNTRY, 1);
        uint64_t h1 = extractor_rules_hash(ex);
        extractor_free(&ex);
        write_file(orgs, "Acme Widgets\torg\tAcme\n");
        extractor_open(assets, dir, &ex, &err);
        ok(ex && extractor_rules_hash(ex) != h1, "rules hash follows the gazetteers");
        extractor_free(&ex);
    }
    write_file(orgs, "Fine Org\norg line\tplanet\talias\n");
    ds_error_clear(&err);
    ok(extractor_open(assets, dir, &ex, &err) != 0 && ex == NULL, "unknown kind fails");
    ok(strstr(err.msg, "orgs.tsv:2:") && strstr(err.msg, "planet"), "message names file:line");
    diag("%s", err.msg);
    unlink(orgs);
    rmdir(gdir);
    rmdir(dir);
    free(orgs);
    free(gdir);
    free(assets);
    return done_testing();
}

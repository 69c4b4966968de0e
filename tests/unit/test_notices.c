/*
 * test_notices.c — furniture that templates and exports print around any
 * article (clean_notices.c) and the blocks told by their place after the
 * metadata passes (clean_tails.c): image file names, consent banners,
 * affiliate disclosures, reading times, comment residue, share rows,
 * breadcrumbs, copyright notices, a press release's "About X", disclaimer
 * and contact blocks, a database record's fields, a paid post's headline
 * and a writer's bio at the end; and the lines of a story that look like
 * them and must stay. Every text is ours.
 */
#include "config.h"

#include "tests/unit/ingest_fixture.h"

static void
test_page_residue(void)
{
    struct article a;
    if (ingest("/t/page.txt",
               "Home > News > Local\n\n"
               "Ferry fares rise for the first time in a decade\n\n"
               "Reading time 4 minutes\n\n"
               "We and our partners use cookies to store and access information on your device. "
               "Accept or manage your choices.\n\n"
               "Accept all\n\n"
               "The island ferry will charge $9 a crossing from June, up from $7, the operator said "
               "on Monday after a year of rising fuel costs.\n\n"
               "Advertisement revenue fell 8%.\n\n"
               "IMG_2041.jpg\n\n"
               "We may earn a commission when you buy through links on our site.\n\n"
               "The operator earns a commission on every ticket sold through travel agents' links, "
               "its annual report said.\n\n"
               "Residents will meet the operator on Thursday to ask for a discount for islanders.\n\n"
               "Share: 86 \xc2\xb7 Tweet \xc2\xb7 Pin it\n\n"
               "14 Comments\n\n"
               "Log in to comment\n\n"
               "Sort by: Newest\n\n"
               "The company declined to comment.\n\n"
               "Markets / Economy / Central banks\n\n"
               "2019 | 1,200 | 1,350\n\n"
               "The app will show comments from friends first.\n\n"
               "We asked readers to donate old phones for the ferry's crew, and 40 did.\n",
               &a) != 0)
        return;
    ok(!in_body(&a, "Home > News > Local"),
       "breadcrumb: a trail from Home goes (read for the section first)");
    ok(removed_as(&a, "audio", "Reading time 4 minutes"), "reading time goes");
    ok(removed_as(&a, "consent",
                  "We and our partners use cookies to store and access information on your "
                  "device. Accept or manage your choices."),
       "consent: a cookie banner goes");
    ok(removed_as(&a, "label", "Accept all"), "consent: its button goes");
    ok(in_body(&a, "Advertisement revenue fell 8%."),
       "a sentence opening with \"Advertisement\" stays");
    ok(removed_as(&a, "image", "IMG_2041.jpg"), "image: a file name alone goes");
    ok(removed_as(&a, "affiliate",
                  "We may earn a commission when you buy through links on our site."),
       "affiliate: the site's disclosure goes");
    ok(in_body(&a, "The operator earns a commission on every ticket sold"),
       "affiliate: commissions in reported text stay");
    ok(removed_as(&a, "share", "Share: 86 \xc2\xb7 Tweet \xc2\xb7 Pin it"), "share: a row goes");
    ok(removed_as(&a, "comments", "Log in to comment") &&
           removed_as(&a, "comments", "Sort by: Newest"),
       "comments: the section's prompts and sorting go");
    ok(in_body(&a, "The company declined to comment."), "comments: \"declined to comment\" stays");
    ok(removed_as(&a, "breadcrumb", "Markets / Economy / Central banks"),
       "breadcrumb: a trail of three sections goes");
    ok(in_body(&a, "2019 | 1,200 | 1,350"), "share: a table's row of numbers stays");
    ok(in_body(&a, "The app will show comments from friends first."),
       "comments: a sentence about comments stays");
    ok(in_body(&a, "We asked readers to donate old phones"),
       "appeal: a sentence about readers donating stays");
    article_clear(&a);
}

static void
test_release(void)
{
    struct article a;
    if (ingest("/t/release.txt",
               "Harbor Mills to open a bakery plant in Reno\n\n"
               "RENO, Nev., March 12, 2024 /PRNewswire/ -- Harbor Mills, Inc. today announced it "
               "will open a bakery plant in Reno next spring with 250 jobs.\n\n"
               "About 40 percent of the plant's power will come from its own solar roof.\n\n"
               "The company expects the plant to add $90 million to annual revenue.\n\n"
               "About Harbor Mills\n\n"
               "Harbor Mills, Inc. is a baker of bread and rolls for grocers in the western United "
               "States. Founded in 1971, it is based in Fresno.\n\n"
               "Forward-Looking Statements\n\n"
               "This release contains forward-looking statements within the meaning of federal "
               "securities laws. Readers should not place undue reliance on them.\n\n"
               "Media Contact:\nDana Ames\n(559) 555-0142\nmedia@harbormills.example\n\n"
               "###\n\n"
               "Legal Disclaimer:\n\n"
               "The wire provides this news content \"as is\" without warranty of any kind.\n",
               &a) != 0)
        return;
    ok(in_body(&a, "About 40 percent of the plant's power"),
       "release: a paragraph opening \"About 40 percent\" stays");
    ok(in_body(&a, "The company expects the plant to add $90 million"),
       "release: a forecast in the text stays");
    ok(removed_as(&a, "release", "About Harbor Mills"), "release: the About heading goes");
    ok(!in_body(&a, "is a baker of bread and rolls"), "release: the self-description goes");
    ok(removed_as(&a, "disclaimer", "Forward-Looking Statements") &&
           !in_body(&a, "undue reliance"),
       "release: the disclaimer and its heading go");
    ok(!in_body(&a, "Dana Ames") && !in_body(&a, "555-0142"), "release: the contact block goes");
    ok(removed_as(&a, "release", "###"), "release: the end mark goes");
    ok(removed_as(&a, "disclaimer", "Legal Disclaimer:") &&
           !in_body(&a, "without warranty of any kind"),
       "release: a distributor's disclaimer goes");
    article_clear(&a);
}

static void
test_record_and_tail(void)
{
    struct article a;
    if (ingest("/t/record.txt",
               "Court blocks sale of regional airline\n\n"
               "Length: 355 words\n\n"
               "A federal judge on Wednesday blocked the sale of a regional airline, agreeing that "
               "the deal would raise fares on 14 routes.\n\n"
               "Section 8 of the merger agreement lets either side walk away after a ruling.\n\n"
               "Copyright law was not at issue, the judge noted in a footnote.\n\n"
               "Jane Roe is a nurse in Millbrook whose flights to her parents would cost more.\n\n"
               "The owners said they would consider an appeal.\n\n"
               "Jane Roe covers aviation for the Millbrook Courier.\n\n"
               "Subject: ANTITRUST (91%); AIRLINES (90%)\n\n"
               "Language: ENGLISH\n\n"
               "Publication-Type: Newspaper\n\n"
               "Load-Date: November 3, 2023\n\n"
               "End of Document\n\n"
               "Copyright 2023 Millbrook Courier. All rights reserved.\n",
               &a) != 0)
        return;
    ok(removed_as(&a, "record", "Length: 355 words"), "record: a length field goes");
    ok(removed_as(&a, "record", "Language: ENGLISH") &&
           removed_as(&a, "record", "Publication-Type: Newspaper"),
       "record: a block of fields goes");
    ok(removed_as(&a, "record", "End of Document"), "record: the end mark goes");
    ok(in_body(&a, "Section 8 of the merger agreement"), "record: \"Section 8 ...\" text stays");
    ok(in_body(&a, "Copyright law was not at issue"), "copyright: \"Copyright law ...\" stays");
    ok(!in_body(&a, "All rights reserved"), "copyright: the notice goes");
    ok(!in_body(&a, "Jane Roe covers aviation"), "bio: a writer's bio among the last lines goes");
    ok(in_body(&a, "Jane Roe is a nurse in Millbrook"), "bio: a person in the story stays");
    article_clear(&a);
}

static void
test_sponsored_card(void)
{
    struct article a;
    if (ingest("/t/card.txt",
               "Water bills to rise by a fifth\n\n"
               "Household water bills will rise by an average of 21 percent over five years after "
               "the regulator approved plans for more investment.\n\n"
               "Sponsored\n\n"
               "The smarter way to pay off your credit card\n\n"
               "Campaigners said customers were paying for years of underinvestment.\n\n"
               "Advertisement\n\n"
               "The road ahead\n\n"
               "The companies have two months to decide whether to appeal.\n",
               &a) != 0)
        return;
    ok(removed_as(&a, "sponsored", "The smarter way to pay off your credit card"),
       "sponsored: the paid post's headline under its label goes");
    ok(in_body(&a, "The road ahead"), "sponsored: a heading after an ad marker stays");
    article_clear(&a);
}

int
main(void)
{
    if (fixture_open() != 0)
        return 1;
    test_page_residue();
    test_release();
    test_record_and_tail();
    test_sponsored_card();
    fixture_close();
    return done_testing();
}

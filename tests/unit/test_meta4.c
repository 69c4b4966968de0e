/*
 * test_meta4.c — unit tests for the page shapes of issue 12's fourth pass
 * (held-out set tests/extract/heldout_meta): furniture recognised by shape
 * (caption toggles and credits, captions after a sentence, video titles,
 * promos in capitals, desk sign-offs, run-ins without a colon), headlines
 * of several sentences, bylines without "By", and dates and outlets in
 * header lines. Every input is written here, in our own words.
 */
#include "config.h"

#include "tests/unit/ingest_fixture.h"

/* ---- furniture --------------------------------------------------------------------- */

static void
test_furniture(void)
{
    struct article a;
    ingest("/t/f1.txt",
           "Ferry operator cancels winter sailings\n\n"
           "Show Caption\n"
           "Hide Caption\n"
           "Passengers wait at the terminal in Oban in March.\n"
           "Jane Roe, AP\n\n"
           "The ferry operator cancelled all winter sailings to the northern isles on Monday, "
           "blaming a shortage of crews and two broken ships.\n\n"
           "Harbour master Tom Reid said the timetable would be reviewed in spring.\n\n"
           "GET OUR NEWS APP ON THE GO BY CLICKING HERE\n\n"
           "Islanders leave a meeting on Tuesday. Photograph: Ann Lee/PA\n\n"
           "CLOSE\n\n"
           "Storms close roads across the islands. USA TODAY\n\n"
           "Related article Ferries were late all summer. Islanders want answers\n\n"
           "SKIP ADVERTISEMENT\n\n"
           "Image source, Getty Images\n\n"
           "Image caption, The terminal was closed for most of the week\n\n"
           "Media playback is unsupported on your device\n\n"
           "The company said refunds would be paid within 14 days.\n\n"
           "Trending Stories:\n"
           "Council approves new harbour wall\n"
           "School closes after storm damage\n\n"
           "Now Playing\n\n"
           "Islanders protest ferry cuts\n\n"
           "01:42\n\n"
           "Sign up to our free Morning Headlines email for the latest news every day\n\n"
           "--With assistance from Sam Cole.\n\n"
           "burs-jh/sst\n",
           &a);
    ok(has_line(a.removed, "caption\tPassengers wait at the terminal in Oban in March."),
       "furniture: a caption between a caption toggle and its credit");
    ok(has_line(a.removed, "caption\tJane Roe, AP"), "furniture: a credit line Name, AGENCY");
    ok(has_line(a.removed, "promo\tGET OUR NEWS APP ON THE GO BY CLICKING HERE"),
       "furniture: a promo in capitals");
    ok(has_line(a.removed, "caption\tIslanders leave a meeting on Tuesday. Photograph: Ann Lee/PA"),
       "furniture: a caption ending in Photograph: X");
    ok(has_line(a.removed, "video\tStorms close roads across the islands. USA TODAY"),
       "furniture: a line ending in a credit in capitals");
    ok(has_line(a.removed,
                "related\tRelated article Ferries were late all summer. Islanders want answers"),
       "furniture: a related run-in without a colon");
    ok(has_line(a.removed, "caption\tImage source, Getty Images") &&
           has_line(a.removed, "caption\tImage caption, The terminal was closed for most of the week"),
       "furniture: Image source, / Image caption,");
    ok(has_line(a.removed, "related\tCouncil approves new harbour wall") &&
           has_line(a.removed, "related\tSchool closes after storm damage"),
       "furniture: headlines under Trending Stories:");
    ok(has_line(a.removed, "video\tIslanders protest ferry cuts"),
       "furniture: a clip's title under Now Playing, past a blank line");
    ok(has_line(a.removed, "newsletter\tSign up to our free Morning Headlines email for the "
                           "latest news every day"),
       "furniture: a sign-up prompt for an email");
    ok(has_line(a.removed, "credit\t--With assistance from Sam Cole."),
       "furniture: --With assistance from X");
    ok(has_line(a.removed, "signoff\tburs-jh/sst"), "furniture: a wire desk's sign-off");
    ok(!in_body(&a, "SKIP ADVERTISEMENT") && !in_body(&a, "Show Caption") &&
           !in_body(&a, "Media playback"),
       "furniture: SKIP ADVERTISEMENT, caption toggles, media playback labels");
    ok(in_body(&a, "Harbour master Tom Reid said") && in_body(&a, "refunds would be paid"),
       "furniture: the text stays");
    article_clear(&a);

    /* Shapes close to those that are text */
    ingest("/t/f2.txt",
           "BRANDT CHEMICAL RAISES PAYOUT, SPLITS STOCK\n\n"
           "    CLEVELAND, April 8 - Brandt Chemical Co said it raised its quarterly dividend.\n\n"
           "U.S. TRADE GAP WIDENS IN MARCH\n\n"
           "Show Caption\n\n"
           "The company said the split would take effect in May, and the board would meet "
           "again in June to review the payout.\n",
           &a);
    ok(a.title && strcmp(a.title, "BRANDT CHEMICAL RAISES PAYOUT, SPLITS STOCK") == 0,
       "furniture: a wire headline in capitals with a comma is no credit (title %s)",
       a.title ? a.title : "(none)");
    ok(in_body(&a, "U.S. TRADE GAP WIDENS IN MARCH"),
       "furniture: a line in capitals after U.S. is no credit tail");
    ok(in_body(&a, "the split would take effect"),
       "furniture: text after a caption toggle stays when no credit follows");
    article_clear(&a);
}

/* ---- titles, dates, datelines, outlets ------------------------------------------------ */

static void
test_header(void)
{
    struct article a;
    ingest("/t/h1.txt",
           "Ferry firm cancels winter sailings. Islanders say they were not asked.\n"
           "By Jane Roe\n"
           "Dec 3, 2023, 04:15 PM EST | Updated Dec 4, 2023\n\n"
           "The ferry operator cancelled all winter sailings to the northern isles on Monday, "
           "blaming a shortage of crews and two broken ships.\n",
           &a);
    ok(a.title && strcmp(a.title, "Ferry firm cancels winter sailings. Islanders say they were "
                                  "not asked.") == 0,
       "title: a headline of two sentences over a byline stays whole (%s)",
       a.title ? a.title : "(none)");
    ok(a.published && strcmp(a.published, "2023-12-03") == 0,
       "date: 'Dec 3, 2023, 04:15 PM EST | Updated ...' gives the first date (%s)",
       a.published ? a.published : "(none)");
    article_clear(&a);

    ingest("/t/h2.txt",
           "The ferry operator cancelled sailings. It blamed a lack of crews.\n\n"
           "Islanders said they had not been asked, and the council said it would complain to "
           "the operator.\n",
           &a);
    ok(!a.title || strcmp(a.title, "The ferry operator cancelled sailings. It blamed a lack "
                                   "of crews.") != 0,
       "title: two short sentences with no byline or date under them are text");
    article_clear(&a);

    ingest("/t/h3.txt",
           "Retailer's founder steps down\n"
           "Thursday March 14 2024, 12.01am, The Times\n\n"
           "The founder of a homewares chain is to step down as chairman after four decades, "
           "the company said.\n\n"
           "Copyright 2024 Harbour Media Inc. All rights reserved.\n",
           &a);
    ok(a.published && strcmp(a.published, "2024-03-14") == 0,
       "date: a weekday, a time and an outlet after the date (%s)",
       a.published ? a.published : "(none)");
    ok(a.source && strcmp(a.source, "The Times") == 0,
       "outlet: a known outlet ending a date line (%s); a company in a copyright line is none",
       a.source ? a.source : "(none)");
    article_clear(&a);

    ingest("/t/h4.txt",
           "Population falls for second year\n"
           "Source: Xinhua| 2024-01-17 10:35:12|Editor: Li Wei\n\n"
           "BEIJING, Jan. 17 (Xinhua) -- The population fell by 2.08 million in 2023, the "
           "statistics bureau said.\n",
           &a);
    ok(a.published && strcmp(a.published, "2024-01-17") == 0,
       "date: a bare date among a source line's fields (%s)",
       a.published ? a.published : "(none)");
    article_clear(&a);

    ingest("/t/h5.txt",
           "Volcano erupts again\n\n"
           "GRINDAVIK, Iceland (AP) \xe2\x80\x94 A volcano in southwestern Iceland erupted on "
           "Saturday evening, officials said.\n\n"
           "Lava flowed toward a defensive wall built to protect the town.\n",
           &a);
    ok(a.source && strcmp(a.source, "Associated Press") == 0,
       "dateline: a place, a country, then the agency (%s)", a.source ? a.source : "(none)");
    article_clear(&a);

    ingest("/t/h6.txt",
           "HOLLIS MILLS SETS QUARTERLY\n"
           "    GREENVILLE, S.C., Feb 26 -\n"
           "    Qtly div 18 cts vs 18 cts prior\n"
           "    Pay April 1\n"
           "    Record March 13\n"
           " Reuter\n",
           &a);
    ok(a.day_month && strcmp(a.day_month, "02-26") == 0 && !a.published,
       "dateline: a place and a state abbreviation, a day and month without a year (%s)",
       a.day_month ? a.day_month : "(none)");
    article_clear(&a);
}

/* ---- bylines without "By" ------------------------------------------------------------ */

static void
test_bylines(void)
{
    struct article a;
    const char *body = "\nThe ferry operator cancelled all winter sailings to the northern isles "
                       "on Monday, Harbour master Tom Reid said.\n";
    char *t = xasprintf("Ferry firm cancels winter sailings\nJamal Reed\nUSA TODAY\n%s", body);
    ingest("/t/b1.txt", t, &a);
    ok(a.byline && strcmp(a.byline, "Jamal Reed") == 0 && !in_body(&a, "Jamal Reed"),
       "byline: a name alone over the outlet's name (%s)", a.byline ? a.byline : "(none)");
    ok(a.source && strcmp(a.source, "USA Today") == 0,
       "byline: the outlet under a byline is the source (%s)", a.source ? a.source : "(none)");
    article_clear(&a);
    free(t);

    t = xasprintf("Ferry firm cancels winter sailings\nHannah Lowe\nBusiness reporter, BBC "
                  "News\n%s", body);
    ingest("/t/b2.txt", t, &a);
    ok(a.byline && strcmp(a.byline, "Hannah Lowe") == 0 && !in_body(&a, "Business reporter"),
       "byline: a name over 'Role, Outlet' (%s)", a.byline ? a.byline : "(none)");
    ok(a.source && strcmp(a.source, "BBC News") == 0, "byline: the role line names the outlet");
    article_clear(&a);
    free(t);

    t = xasprintf("Ferry firm cancels winter sailings\nAlistair Grey, Retail Correspondent\n%s",
                  body);
    ingest("/t/b3.txt", t, &a);
    ok(a.byline && strcmp(a.byline, "Alistair Grey") == 0,
       "byline: 'Name, Role' (%s)", a.byline ? a.byline : "(none)");
    article_clear(&a);
    free(t);

    t = xasprintf("Ferry firm cancels winter sailings\nHelen Marsh Senior political "
                  "correspondent\n%s", body);
    ingest("/t/b4.txt", t, &a);
    ok(a.byline && strcmp(a.byline, "Helen Marsh") == 0,
       "byline: 'Name Role' without a comma (%s)", a.byline ? a.byline : "(none)");
    article_clear(&a);
    free(t);

    t = xasprintf("Ferry firm cancels winter sailings\nSam Rowlands\nSunday 21 April 2024 "
                  "14:08 BST\n%s", body);
    ingest("/t/b5.txt", t, &a);
    ok(a.byline && strcmp(a.byline, "Sam Rowlands") == 0 && a.published &&
           strcmp(a.published, "2024-04-21") == 0,
       "byline: a name alone over a date line (%s)", a.byline ? a.byline : "(none)");
    article_clear(&a);
    free(t);

    t = xasprintf("Ferry firm cancels winter sailings\nby: Kevin Marsh\n%s", body);
    ingest("/t/b6.txt", t, &a);
    ok(a.byline && strcmp(a.byline, "Kevin Marsh") == 0, "byline: 'by: Name'");
    article_clear(&a);
    free(t);

    t = xasprintf("Ferry firm cancels winter sailings\nAnalysis by Grant Whitfield\n%s", body);
    ingest("/t/b7.txt", t, &a);
    ok(a.byline && strcmp(a.byline, "Grant Whitfield") == 0, "byline: 'Analysis by Name'");
    article_clear(&a);
    free(t);

    t = xasprintf("Ferry firm cancels winter sailings\nBy Owen Pritchard\nBBC Sport at Villa "
                  "Park\n%s", body);
    ingest("/t/b8.txt", t, &a);
    ok(a.source && strcmp(a.source, "BBC News") == 0 && !in_body(&a, "Villa Park"),
       "byline: 'Outlet at Place' under a byline (%s)", a.source ? a.source : "(none)");
    article_clear(&a);
    free(t);

    /* a name alone over prose is text (a one-line quote, a list of names) */
    ingest("/t/b9.txt",
           "Ferry firm cancels winter sailings\n\nTom Reid\n\nThe harbour master said the "
           "timetable would be reviewed in spring, and islanders would be asked.\n",
           &a);
    ok(!a.byline, "byline: a name alone over prose is none");
    article_clear(&a);
}

/* Shapes first seen on the figures' held-out set heldout4 (quote chips,
 * a wire rule and its contributor line, a blog platform's sign-up line, a
 * syndicated copy's "(Agency) -" opening), with prose that must stay. */
static void
test_page_leftovers(void)
{
    struct article a;
    ingest("/t/l1.txt",
           "Chipmaker to build plant in Ohio\n\n"
           "In this article:\n"
           "INTC -1.2%\n\n"
           "(Reuters) - A chipmaker said on Friday it would spend $20 billion on two "
           "factories near Columbus, creating about 3,000 jobs.\n\n"
           "Shares of AAPL +0.8% and MSFT fell, traders said, as the index closed lower.\n\n"
           "___\n\n"
           "Associated Press writer Jane Roe contributed from Austin and Dallas.\n\n"
           "Thanks for reading The Ledger Line! Subscribe for free to receive new posts.\n\n"
           "Readers who subscribe to the paper's print edition were not affected.\n\n"
           "The founder contributed from her own savings to the fund.\n",
           &a);
    ok(!in_body(&a, "In this article") && !in_body(&a, "INTC"),
       "leftovers: a quote chip and its label are furniture");
    ok(in_body(&a, "Shares of AAPL +0.8% and MSFT fell"), "leftovers: a ticker in prose stays");
    ok(!has_line(a.body, "___"), "leftovers: a rule of underscores is furniture");
    ok(!in_body(&a, "contributed from Austin"), "leftovers: 'X contributed from Place.' is a credit");
    ok(in_body(&a, "contributed from her own savings"),
       "leftovers: 'contributed from' in prose stays");
    ok(!in_body(&a, "Thanks for reading"), "leftovers: a later 'Subscribe ...' sentence is a prompt");
    ok(in_body(&a, "Readers who subscribe"), "leftovers: prose about subscribers stays");
    ok(a.source && strcmp(a.source, "Reuters") == 0,
       "leftovers: a paragraph opening '(Reuters) -' names the outlet (%s)",
       a.source ? a.source : "(none)");
    article_clear(&a);

    ingest("/t/l2.txt",
           "Council approves budget\n\n"
           "(Smith) - The council approved its budget on Tuesday after a long debate over "
           "the cost of road repairs and the library.\n",
           &a);
    ok(!a.source, "leftovers: an unknown name in parentheses is no outlet (%s)",
       a.source ? a.source : "(none)");
    article_clear(&a);
}

/* Promos of other shapes: a bulleted list under "Keep reading" with blank
 * lines between items, "Read also |" run-ins, topic lists, blog and
 * messaging sign-ups, "Advertise with". */
static void
test_promos(void)
{
    struct article a;
    ingest("/t/p1.txt",
           "Harbour plan approved after long debate\n\n"
           "The harbour board approved the plan on Tuesday after a long debate about the cost "
           "of dredging the channel.\n\n"
           "Read also | Dredgers booked for the spring as the port grows\n\n"
           "The board said work would start in April and finish before the winter storms.\n\n"
           "Explore more on these topics: Ports · Shipping · Local government\n\n"
           "Join our WhatsApp channel and get the latest news from the coast.\n\n"
           "If you enjoyed this post, subscribe to get new essays by email.\n\n"
           "Advertise with Coastline Media.\n\n"
           "Keep reading\n\n"
           "- Fishermen fear the dredging will harm the bay\n\n"
           "- What the new port means for ferry fares\n",
           &a);
    static const char *const gone[] = {
        "Dredgers booked for the spring", "Explore more on these topics",
        "WhatsApp channel", "If you enjoyed this post", "Advertise with",
        "Fishermen fear the dredging", "What the new port means"};
    for (size_t i = 0; i < DS_ARRAY_LEN(gone); i++)
        ok(!in_body(&a, gone[i]), "promo dropped: %s", gone[i]);
    ok(in_body(&a, "The board said work would start in April"), "... the text stays");
    article_clear(&a);
}

/* A stated source with a tagline, a "From:" address and "Saved:" date on
 * top of a clipping, Dublin Core's "issued" date in a page. */
static void
test_stated_source(void)
{
    struct article a;
    const char *body = "The harbour board approved the plan on Tuesday after a long debate "
                       "about the cost of dredging the channel.\n";
    char *t = xasprintf("Title: Harbour plan approved\nSource: The Guardian - Business\n"
                        "Date: 2024-03-02\n\n%s", body);
    ingest("/t/s1.txt", t, &a);
    ok(a.source && strcmp(a.source, "The Guardian") == 0,
       "source: a known outlet before ' - Section' is the outlet (%s)", a.source ? a.source : "-");
    article_clear(&a);
    free(t);
    t = xasprintf("Title: Harbour plan approved\nSource: Kestrel Ledger - Local news since "
                  "1901\n\n%s", body);
    ingest("/t/s2.txt", t, &a);
    ok(a.source && strcmp(a.source, "Kestrel Ledger") == 0,
       "source: an unknown one loses its tagline (%s)", a.source ? a.source : "-");
    article_clear(&a);
    free(t);
    t = xasprintf("From: https://www.theguardian.com/uk-news/2024/may/01/harbour-plan\n"
                  "Saved: 2024-05-02 08:14\n\nHarbour plan approved after long debate\n"
                  "Published: 1 May 2024\n\n%s", body);
    ingest("/t/s3.txt", t, &a);
    ok(a.source && strcmp(a.source, "The Guardian") == 0,
       "'From: URL' names the outlet by its domain (%s)", a.source ? a.source : "-");
    ok(a.published && strcmp(a.published, "2024-05-01") == 0,
       "... and 'Saved:' is not the publication date (%s)", a.published ? a.published : "-");
    ok(a.title && strcmp(a.title, "Harbour plan approved after long debate") == 0,
       "... nor is 'From:' the title (%s)", a.title ? a.title : "-");
    article_clear(&a);
    free(t);
    t = xasprintf("<html><head><title>Harbour plan approved</title><meta name=\"DCTERMS.issued\" "
                  "content=\"2024-06-03T10:00:00+10:00\"></head><body><h1>Harbour plan "
                  "approved</h1><p>%s</p></body></html>", body);
    ingest("/t/s4.html", t, &a);
    ok(a.published && strcmp(a.published, "2024-06-03") == 0,
       "html: DCTERMS.issued is the publication date (%s)", a.published ? a.published : "-");
    article_clear(&a);
    free(t);
}

int
main(void)
{
    if (fixture_open() != 0)
        return 1;
    test_furniture();
    test_header();
    test_bylines();
    test_page_leftovers();
    test_stated_source();
    test_promos();
    fixture_close();
    return done_testing();
}

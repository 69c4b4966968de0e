/*
 * test_meta5.c — unit tests for the shapes of issue 12's fifth metadata
 * pass (held-out set tests/extract/heldout_meta3): picture credits split by
 * a bar or in capitals and the caption above them, a video player's label,
 * running time and clip title, calls for tips and for support, republishing
 * notes, a postal footer, "==Agency" sign-offs, long copyright notices;
 * dates in a page's address or a theme's "Posted on" element, datelines
 * "PLACE, Month D, Agency -" and "Place, Mon D (AGENCY) Text".
 * Every input is written here, in our own words.
 */
#include "config.h"

#include "tests/unit/ingest_fixture.h"

/* ---- furniture --------------------------------------------------------------------- */

static void
test_credits_and_players(void)
{
    struct article a;
    ingest("/t/c1.txt",
           "Port authority approves second container berth\n"
           "By Lena Ortiz\n"
           "May 6, 2024\n"
           "The port authority on Monday approved a second container berth at the south quay, "
           "a project it says will double capacity by 2028.\n"
           "Cranes unload a ship at the south quay in Savannah, Ga., May 6, 2024.\n"
           "Ravi Menon | Getty Images\n"
           "The board voted 6-1, with one member saying the cost estimate was too low.\n"
           "A ferry worker ties up at the old pier.\n"
           "PORT PHOTO: MARA LINDQVIST\n"
           "Dock workers said they welcomed the jobs but wanted a say on shift patterns.\n"
           "WATCH NOW\n"
           "VIDEO 2:41\n"
           "Why ports are racing to add berths\n"
           "Video Ad Feedback\n"
           "Harbour master explains the new berth\n"
           "01:58 - Source: Port TV\n",
           &a);
    ok(!in_body(&a, "Getty Images"), "a credit split by a bar is dropped");
    ok(!in_body(&a, "Cranes unload"), "the caption directly above a bar credit is dropped");
    ok(!in_body(&a, "MARA LINDQVIST"), "a credit in capitals with PHOTO: is dropped");
    ok(!in_body(&a, "VIDEO 2:41") && !in_body(&a, "Why ports are racing"),
       "WATCH NOW: the running time and the clip's title are dropped");
    ok(!in_body(&a, "Video Ad Feedback") && !in_body(&a, "Harbour master explains") &&
           !in_body(&a, "01:58"),
       "a player's label, clip title and 'mm:ss - Source: X' are dropped");
    ok(in_body(&a, "The board voted 6-1") && in_body(&a, "Dock workers said"),
       "the paragraphs around them stay");
    ok(!a.source, "no outlet from a player's label (%s)", a.source ? a.source : "-");
    article_clear(&a);
}

static void
test_prompts_and_footers(void)
{
    struct article a;
    ingest("/t/p1.txt",
           "County opens three cooling centres as heat wave builds\n"
           "By Omar Haddad\n"
           "July 9, 2024\n"
           "The county opened three cooling centres on Tuesday as forecasters warned that "
           "temperatures could pass 40C by the weekend.\n"
           "Have a story tip? Email reporter Omar Haddad at ohaddad@example.org.\n"
           "Public health officer Grace Mbeki said older residents living alone were most at risk.\n"
           "The Ledger is a nonprofit newsroom. Support local reporting by becoming a member today.\n"
           "Republish this article for free under a Creative Commons license.\n"
           "(This story has not been edited by staff and is auto-generated from a syndicated feed.)\n"
           "Like this: Like Loading...\n"
           "Most Read: Council delays vote on bike lanes again\n"
           "The Valley Ledger\n"
           "118 Canal Street, Riverton, OR 97001\n"
           "Phone: 541-555-0190 | Contact Us | Advertise\n",
           &a);
    ok(!in_body(&a, "story tip"), "a call for tips is dropped");
    ok(!in_body(&a, "becoming a member"), "a call for members is dropped");
    ok(!in_body(&a, "Creative Commons") && !in_body(&a, "syndicated feed"),
       "republishing notes are dropped");
    ok(!in_body(&a, "Like Loading"), "a blog's 'Like this' row is dropped");
    ok(!in_body(&a, "bike lanes"), "a 'Most Read:' run-in is dropped");
    ok(!in_body(&a, "Canal Street") && !in_body(&a, "541-555"), "a postal footer is dropped");
    ok(in_body(&a, "Grace Mbeki said"), "the text stays");
    article_clear(&a);
}

static void
test_wire_trailers(void)
{
    struct article a;
    ingest("/t/w1.txt",
           "Rice exports rise for a third month\n"
           "HANOI, March 3, Kyodo - Vietnam's rice exports rose for a third month in February "
           "as buyers in the Philippines restocked, the trade ministry said Tuesday.\n"
           "Traders expect prices to ease once the spring harvest begins.\n"
           "==Kyodo\n",
           &a);
    ok(!in_body(&a, "==Kyodo"), "an '==Agency' sign-off is dropped");
    article_clear(&a);
    ingest("/t/w2.txt",
           "Senate clears water bill\n"
           "The Senate passed the bill 71-29 on Thursday after a week of debate over "
           "how to share money between states.\n"
           "Copyright 2024 Example Wire Services, Inc. (EWS). Any reproduction, republication, "
           "redistribution and/or modification of any EWS content is expressly prohibited "
           "without EWS's prior written consent.\n",
           &a);
    ok(!in_body(&a, "expressly prohibited"), "a long copyright notice is dropped");
    article_clear(&a);
}

/* ---- dates ------------------------------------------------------------------------ */

static void
test_dates(void)
{
    struct article a;
    ingest("/t/d1.html",
           "<html><head><title>Tram line opens</title>"
           "<link rel=\"canonical\" href=\"https://example.org/city/2024/mar/05/tram-line-opens\">"
           "</head><body><article><h1>Tram line opens</h1>"
           "<p>The new tram line opened on Tuesday with free rides for the first week, the city "
           "said, and drew crowds at every stop.</p><p>It was first proposed in 2011.</p>"
           "</article></body></html>",
           &a);
    ok(a.published && strcmp(a.published, "2024-03-05") == 0,
       "a date in the canonical address (/2024/mar/05/) (%s)", a.published ? a.published : "-");
    article_clear(&a);
    ingest("/t/d2.html",
           "<html><head><title>Library hours cut</title></head><body><article>"
           "<h1>Library hours cut</h1><div class=\"entry-meta\"><span class=\"posted-on\">"
           "Posted on <a href=\"/p\">June 4, 2021</a></span></div>"
           "<p>The county library will close two hours earlier on weekdays from July, its board "
           "decided on Monday after a budget shortfall.</p></article>"
           "<aside><ul><li><span class=\"entry-date\">May 1, 2019</span> Older story</li></ul>"
           "</aside></body></html>",
           &a);
    ok(a.published && strcmp(a.published, "2021-06-04") == 0,
       "a theme's 'Posted on' element dates the page (%s)", a.published ? a.published : "-");
    article_clear(&a);
    ingest("/t/d3.txt",
           "Rice exports rise\n"
           "HANOI, March 3, Kyodo - Vietnam's rice exports rose for a third month in February, "
           "the trade ministry said.\n",
           &a);
    ok(a.day_month && strcmp(a.day_month, "03-03") == 0 && !a.published,
       "'PLACE, Month D, Agency -': day and month kept, no date (%s)",
       a.day_month ? a.day_month : "-");
    ok(a.source && strcmp(a.source, "Kyodo News") == 0, "... and the agency is the outlet (%s)",
       a.source ? a.source : "-");
    article_clear(&a);
    ingest("/t/d4.txt",
           "Port traffic rises\n"
           "Mumbai, Apr 9 (PTI) Container traffic at the city's two ports rose 6 per cent in "
           "March, the port trust said on Tuesday.\n",
           &a);
    ok(a.day_month && strcmp(a.day_month, "04-09") == 0, "'Place, Mon D (AGENCY) Text' is a dateline");
    ok(a.source && strcmp(a.source, "Press Trust of India") == 0, "... its agency the outlet (%s)",
       a.source ? a.source : "-");
    article_clear(&a);
    ingest("/t/d5.txt",
           "Port traffic rises\n"
           "Traffic at the ports rose in March (see chart) The trust said so on Tuesday, "
           "adding that 2023 was a record.\n",
           &a);
    ok(!a.source && !a.day_month, "a bracket in prose is no dateline");
    article_clear(&a);
}

/* ---- outlets and bylines in a clipping's header ------------------------------------ */

static void
test_title_and_site(void)
{
    struct article a;
    ingest("/t/s1.html",
           "<html><head><title>Harbour board delays ferry contract | Transport | Coast Ledger</title>"
           "</head><body><h1>Harbour board delays ferry contract</h1>"
           "<p>The harbour board put off a decision on the new ferry contract for a month on "
           "Tuesday, saying it needed more time to compare the bids.</p></body></html>",
           &a);
    ok(a.title && strcmp(a.title, "Harbour board delays ferry contract") == 0,
       "<title> opening with the h1: the h1, without the section (%s)", a.title ? a.title : "-");
    article_clear(&a);
    ingest("/t/s2.html",
           "<html><head><title>Harbour board delays ferry contract &#8211; Harbour Town Chronicle</title>"
           "</head><body><h1>Harbour board delays ferry contract</h1>"
           "<p>The harbour board put off a decision on the new ferry contract for a month on "
           "Tuesday, saying it needed more time to compare the bids.</p></body></html>",
           &a);
    ok(a.source && strcmp(a.source, "Harbour Town Chronicle") == 0,
       "an outlet-like name after the title's last separator is the site (%s)",
       a.source ? a.source : "-");
    article_clear(&a);
    ingest("/t/s3.html",
           "<html><head><title>Ferry | Harbour board delays ferry contract</title></head><body>"
           "<h1>Ferry</h1><p>The harbour board put off a decision on the new ferry contract for a "
           "month on Tuesday, saying it needed more time to compare the bids.</p></body></html>",
           &a);
    ok(a.title && strcmp(a.title, "Ferry") != 0, "a short h1 over 'X | Headline' is not the title (%s)",
       a.title ? a.title : "-");
    article_clear(&a);
    ingest("/t/s4.html",
           "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
           "\"@graph\":[{\"@type\":\"Article\",\"headline\":\"Ferry contract delayed\","
           "\"publisher\":{\"@id\":\"https://example.org/#org\"}},{\"@type\":\"Organization\","
           "\"@id\":\"https://example.org/#org\",\"name\":\"Coast Ledger\"}]}</script></head>"
           "<body><h1>Ferry contract delayed</h1><p>The harbour board put off a decision on the new "
           "ferry contract for a month on Tuesday.</p></body></html>",
           &a);
    ok(a.source && strcmp(a.source, "Coast Ledger") == 0,
       "a JSON-LD publisher given by @id is read from the @graph (%s)", a.source ? a.source : "-");
    article_clear(&a);
    ingest("/t/s5.html",
           "<html><head><title>Ferry contract delayed</title></head><body><article>"
           "<h1>Ferry contract delayed</h1><p>The harbour board put off a decision on the new "
           "ferry contract for a month on Tuesday, saying it needed more time.</p>"
           "<p>Board members said two bids were close on price and service.</p>"
           "<p class=\"related\">RELATED STORIES</p><ul><li>Harbour fees to rise in spring</li>"
           "<li>Night ferries return after two years</li></ul></article></body></html>",
           &a);
    ok(!in_body(&a, "Harbour fees to rise") && !in_body(&a, "Night ferries return"),
       "the list under a removed 'Related stories' heading goes with it");
    ok(in_body(&a, "two bids were close"), "the text stays");
    article_clear(&a);
    ingest("/t/s6.html",
           "<html><head><title>Ferry contract delayed</title></head><body><article>"
           "<h1>Ferry contract delayed</h1><p class=\"writer\">By Tomas Lindqvist</p>"
           "<p>The harbour board put off a decision on the new ferry contract for a month on "
           "Tuesday, saying it needed more time.</p></article></body></html>",
           &a);
    ok(a.byline && strcmp(a.byline, "Tomas Lindqvist") == 0, "a 'writer' block is the byline (%s)",
       a.byline ? a.byline : "-");
    article_clear(&a);
    ingest("/t/s7.html",
           "<html><head><title>Ferry contract delayed</title></head><body><article>"
           "<h1>Ferry contract delayed</h1><p>Tomas Lindqvist Senior transport correspondent</p>"
           "<p>The harbour board put off a decision on the new ferry contract for a month on "
           "Tuesday, saying it needed more time.</p></article></body></html>",
           &a);
    ok(a.byline && strcmp(a.byline, "Tomas Lindqvist") == 0,
       "a name and role atop a page's text is its byline (%s)", a.byline ? a.byline : "-");
    ok(!in_body(&a, "Senior transport correspondent"), "... and not in its text");
    article_clear(&a);
}

static void
test_header_outlets(void)
{
    struct article a;
    ingest("/t/o1.txt",
           "Orchard growers brace for late frost\n"
           "Dana Whitfield\n"
           "Valley Orchard Tribune\n"
           "Published 6:10 a.m. PT May 2, 2024\n"
           "Growers in the valley lit heaters overnight as forecasters warned of a late frost "
           "that could cut the cherry crop by a third.\n",
           &a);
    ok(a.byline && strcmp(a.byline, "Dana Whitfield") == 0, "a name over an outlet and a date is the byline (%s)",
       a.byline ? a.byline : "-");
    ok(a.source && strcmp(a.source, "Valley Orchard Tribune") == 0,
       "the outlet-like line under it is the outlet (%s)", a.source ? a.source : "-");
    article_clear(&a);
    ingest("/t/o2.txt",
           "Can a bus lane fix the bridge? The city is about to find out\n"
           "Ruth Adeyemi and Colin Marsh\n"
           "Apr 2, 2024\n"
           "The Harbour Sentinel\n"
           "A red bus lane will open on the bridge next month, the city said on Monday.\n",
           &a);
    ok(a.byline && strcmp(a.byline, "Ruth Adeyemi") == 0, "two names joined by 'and': the first is the byline (%s)",
       a.byline ? a.byline : "-");
    ok(a.source && strcmp(a.source, "The Harbour Sentinel") == 0,
       "an outlet-like line under the date is the outlet (%s)", a.source ? a.source : "-");
    ok(!in_body(&a, "Colin Marsh"), "the byline line is not in the text");
    article_clear(&a);
    ingest("/t/o2b.txt",
           "Bridge reopens after repairs\n"
           "Words by Ruth Adeyemi\n"
           "Photographs by Colin Marsh\n"
           "Apr 2, 2024\n"
           "The bridge reopened on Monday after six weeks of repairs, the city said.\n",
           &a);
    ok(!in_body(&a, "Colin Marsh"), "a 'Photographs by X' credit leaves the text");
    article_clear(&a);
    ingest("/t/o3.txt",
           "Bridge reopens after repairs\n"
           "By Ruth Adeyemi\n"
           "Apr 2, 2024\n"
           "Traffic Delays Expected Downtown\n"
           "The bridge reopened on Monday after six weeks of repairs.\n",
           &a);
    ok(!a.source, "a title-cased standfirst under the date is no outlet (%s)",
       a.source ? a.source : "-");
    article_clear(&a);
}

int
main(void)
{
    if (fixture_open() != 0)
        return 1;
    test_credits_and_players();
    test_prompts_and_footers();
    test_wire_trailers();
    test_dates();
    test_header_outlets();
    test_title_and_site();
    fixture_close();
    return done_testing();
}

/*
 * test_meta7.c — unit tests for the shapes of issue 12's seventh metadata
 * pass (held-out set tests/extract/heldout_meta5): press-release
 * datelines, printed copies, a saved copy's address and saving time with
 * a relative date, JSON-LD with unescaped quotes, day-first numeric dates
 * by the page's region, date lines in plain paragraphs, feed items saved
 * alone, note keys of front matter, closing credits, hyphenated outlet
 * names. Every input is written here, in our words.
 */
#include "config.h"

#include "tests/unit/ingest_fixture.h"

static void
test_releases(void)
{
    struct article a;
    ingest("/t/r1.txt",
           "Quarry Foods Opens Second Plant in Ohio\n\n"
           "COLUMBUS, Ohio, June 3, 2025 /PRNewswire/ -- Quarry Foods Inc. said today that its "
           "second bakery plant had started production, adding 220 jobs.\n\n"
           "The plant will supply stores in five states.\n",
           &a);
    is_str(a.published, "2025-06-03", "release: the slash dateline's date");
    is_str(a.source, "PR Newswire", "release: the service between slashes is the outlet");
    is_str(a.title, "Quarry Foods Opens Second Plant in Ohio", "release: the headline stays");
    article_clear(&a);
    ingest("/t/r2.txt",
           "Lumen Robotics Names Chief Financial Officer\n\n"
           "AUSTIN, Texas--(BUSINESS WIRE)--Jun 4, 2025--Lumen Robotics said on Wednesday that "
           "it had hired a new chief financial officer from a chip maker.\n",
           &a);
    is_str(a.published, "2025-06-04", "release: the date after --(SERVICE)--");
    is_str(a.source, "Business Wire", "release: ... and the service");
    article_clear(&a);
    ingest("/t/r3.txt",
           "Ferry fares to rise\n\n"
           "The operator said 3/4 of its routes would cost more / and -- it added -- that "
           "discounts for pensioners would stay.\n",
           &a);
    ok(a.published == NULL, "release: slashes in prose are no dateline");
    article_clear(&a);
}

static void
test_print(void)
{
    struct article a;
    ingest("/t/p1.txt",
           "6/1/25, 10:02 AM\tCouncil closes the lido for the summer | The Valley Courier\n\n"
           "Council closes the lido for the summer\n\n"
           "By Nora Quist\n"
           "May 30, 2025\n\n"
           "The town council voted on Thursday to keep the open-air pool shut this summer "
           "while its leaking tank is repaired.\n\n"
           "https://www.valleycourier.example/news/lido-closed\t1/1\n",
           &a);
    is_str(a.title, "Council closes the lido for the summer", "print: the browser's header is no title");
    is_str(a.published, "2025-05-30", "print: the article's date, not the print date");
    ok(!in_body(&a, "1/1") && !in_body(&a, "10:02 AM"), "print: header and footer dropped");
    article_clear(&a);
    ingest("/t/p2.txt",
           "Article printed from The Valley Courier: https://www.valleycourier.example\n\n"
           "URL to article: https://www.valleycourier.example/2025/06/bridge/\n\n"
           "Old bridge to close for repairs\n\n"
           "Posted By Ivo Marsh On June 2, 2025 @ 9:00 am In News | No Comments\n\n"
           "The county will close the old river bridge for six weeks from July while "
           "engineers replace its deck.\n\n"
           "Printed on 06/20/2025 from https://www.valleycourier.example/2025/06/bridge/\n",
           &a);
    is_str(a.source, "The Valley Courier", "print: 'Article printed from X' names the outlet");
    is_str(a.byline, "Ivo Marsh", "print: 'Posted By X On <date>' is the byline");
    is_str(a.published, "2025-06-02", "print: ... and its date; never the print date");
    ok(!in_body(&a, "URL to article") && !in_body(&a, "Printed on"), "print: print lines dropped");
    article_clear(&a);
    ingest("/t/p3.txt",
           "Canal towpath reopens after repairs\n\n"
           "Printed Jul 9, 2025 \xc2\xb7 Originally published Jul 2, 2025\n\n"
           "The towpath between the two locks reopened on Tuesday after a summer of "
           "repairs to its banks.\n",
           &a);
    is_str(a.published, "2025-07-02", "print: 'Originally published' beats the print date");
    article_clear(&a);
}

static void
test_saved_pages(void)
{
    struct article a;
    ingest("/t/s1.html",
           "<!DOCTYPE html><html lang=\"en\"><!--\n Page saved with SingleFile \n"
           " url: https://www.example-tribune.example/news/harbour-dredging \n"
           " saved date: Wed Jun 11 2025 01:30:00 GMT+0000 (Coordinated Universal Time)\n-->"
           "<head><title>Harbour dredging starts</title></head><body><article>"
           "<h1>Harbour dredging starts</h1><div class=\"byline-meta\"><span class=\"time\">"
           "3 hours ago</span></div><p>Dredgers began deepening the harbour entrance on "
           "Tuesday night, the port authority said, so that larger ferries can dock.</p>"
           "</article></body></html>",
           &a);
    is_str(a.published, "2025-06-10", "saved: '3 hours ago' counted back from the saving time");
    is_str(a.url, "https://www.example-tribune.example/news/harbour-dredging",
           "saved: the saving extension's address");
    article_clear(&a);
    ingest("/t/s2.html",
           "<html><head><base href=\"https://www.irishtimes.com/news/2025/06/01/ferries/\">"
           "<title>Island ferries add a winter sailing</title></head><body>"
           "<h1>Island ferries add a winter sailing</h1><p>The island ferry service will run "
           "a third daily sailing this winter, its operator said on Sunday.</p></body></html>",
           &a);
    is_str(a.source, "Irish Times", "saved: a cache copy's <base href> names the outlet");
    article_clear(&a);
    ingest("/t/s3.html",
           "<html lang=\"en\"><head><title>Tram line gets its first riders</title>"
           "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
           "\"@type\":\"NewsArticle\",\"headline\":\"Tram line gets its first riders\","
           "\"description\":\"The \"blue line\" opened at dawn\",\"datePublished\":"
           "\"2025-05-18T06:00:00+02:00\",\"author\":{\"name\":\"Pia Lund\",},}</script>"
           "</head><body><h1>Tram line gets its first riders</h1><p>The new tram line "
           "carried its first passengers on Sunday morning after four years of work.</p>"
           "</body></html>",
           &a);
    is_str(a.published, "2025-05-18", "json-ld: an unescaped quote in a string is kept");
    is_str(a.byline, "Pia Lund", "json-ld: ... and the author after it is read");
    article_clear(&a);
}

static const char *const day_page =
    "<html lang=\"%s\"><head><title>Choir wins national title</title></head><body>"
    "<h1>Choir wins national title</h1><div class=\"article-meta\"><span class=\"published\">"
    "Published 03/04/2025, 10:00</span></div><p>The town's youth choir won the national "
    "competition at the weekend, its first title in thirty years.</p></body></html>";

static void
test_page_dates(void)
{
    struct article a;
    char page[1024];
    snprintf(page, sizeof page, day_page, "en-GB");
    ingest("/t/d1.html", page, &a);
    is_str(a.published, "2025-04-03", "page: 03/04/2025 on an en-GB page is 3 April");
    article_clear(&a);
    snprintf(page, sizeof page, day_page, "en-US");
    ingest("/t/d2.html", page, &a);
    is_str(a.published, "2025-03-04", "page: ... and 4 March on an en-US page");
    article_clear(&a);
    ingest("/t/d3.html",
           "<html><head><title>Storm drain fails again</title></head><body><article>"
           "<h1>Storm drain fails again</h1><div class=\"article-info\">"
           "<p>Updated: Apr 8, 2025 / 08:10 AM CDT</p><p>Posted: Apr 7, 2025 / 06:45 PM CDT</p>"
           "</div><div class=\"body\"><p>A storm drain under Elm Street failed for the second "
           "time this spring, flooding three basements, the city said.</p></div></article>"
           "</body></html>",
           &a);
    is_str(a.published, "2025-04-07", "page: a 'Posted:' line in a plain <p> beats 'Updated:'");
    ok(!in_body(&a, "Posted:"), "page: ... and leaves the text");
    article_clear(&a);
}

static void
test_feed_item(void)
{
    static const char item[] =
        "<?xml version=\"1.0\"?>\n<item><title>Wheat harvest starts early</title>"
        "<link>https://www.example-farm.example/wheat</link>"
        "<pubDate>Mon, 16 Jun 2025 09:00:00 +0000</pubDate>"
        "<source url=\"https://www.example-farm.example/rss\">Farm Weekly</source>"
        "<description>Farmers in the south began cutting wheat two weeks early after a dry "
        "spring.</description></item>\n";
    struct feed f;
    struct ds_error err;
    ok(ingest_feed_read(item, sizeof item - 1, &f, &err) == 0 && f.n == 1,
       "feed: an <item> saved alone is a feed of one item");
    if (f.n == 1) {
        is_str(f.items[0].title, "Wheat harvest starts early", "feed: ... its title");
        is_str(f.items[0].source, "Farm Weekly", "feed: ... its <source>");
    }
    feed_clear(&f);
}

static void
test_notes_and_credits(void)
{
    struct article a;
    ingest("/t/n1.md",
           "---\ntitle: Glacier lake drains overnight\ncreated: 2025-08-02\n"
           "sourceName: Alpine Report\nwriter: Lea Imhof\n---\n\n"
           "A lake dammed by a glacier above the valley drained overnight, the canton said.\n",
           &a);
    ok(a.published == NULL, "front matter: 'created' is the note's date, not the article's");
    is_str(a.source, "Alpine Report", "front matter: sourceName");
    is_str(a.byline, "Lea Imhof", "front matter: writer");
    article_clear(&a);
    ingest("/t/n2.txt",
           "Port strike ends after nine days\n\n"
           "ROTTERDAM, Friday (Reuters) - Dock workers ended a nine-day strike on Friday "
           "after unions accepted a new pay offer.\n\n"
           "(Reporting by Saskia Veld; Editing by Tom Orr)\n",
           &a);
    is_str(a.byline, "Saskia Veld", "credit: '(Reporting by X; ...)' is the byline");
    ok(a.published == NULL, "credit: a day name alone dates nothing");
    article_clear(&a);
    ingest("/t/n3.txt",
           "Why hedgerows matter again\n\n"
           "Farmers are replanting hedgerows that were torn out in the 1970s, and birds are "
           "coming back to them.\n\n"
           "This article was originally published by ProPublica.\n",
           &a);
    is_str(a.source, "ProPublica", "credit: 'originally published by X' names X");
    article_clear(&a);
    ingest("/t/n5.txt",
           "Library reopens after flood\n\n"
           "THE NORTH SHORE LEDGER \xc2\xb7 Friday, May 2, 2025\n\n"
           "By Anja Holm\n\n"
           "The library reopened on Thursday, eight months after a burst main flooded its "
           "basement. It first opened on March 3, 1961.\n",
           &a);
    is_str(a.published, "2025-05-02", "masthead: 'NAME \xc2\xb7 <date>' dates the issue");
    ok(a.source && ds_strcasecmp_ascii(a.source, "The North Shore Ledger") == 0,
       "masthead: ... and names the outlet");
    article_clear(&a);
    ingest("/t/n6.html",
           "<div class=\"feed-title\">The Fjord Post</div><h1>Salmon farm fined for escapes</h1>"
           "<div class=\"item-meta\">Mats Vik | May 21, 2025, 9:40 AM</div><div class=\"c\">"
           "<p>A salmon farm was fined on Wednesday after thousands of fish escaped from a torn "
           "pen during a storm, the fisheries directorate said.</p></div>",
           &a);
    is_str(a.title, "Salmon farm fined for escapes", "fragment: the <h1> is the title");
    is_str(a.published, "2025-05-21", "fragment: 'Name | date' dates it");
    is_str(a.byline, "Mats Vik", "fragment: ... and names the writer");
    is_str(a.source, "The Fjord Post", "fragment: a feed-title element names the site");
    article_clear(&a);
    ingest("/t/n4.txt",
           "School board adds bus route\n\n"
           "The school board added a bus route for the north end on Monday.\n\n"
           "Copyright 2025 The Times-Reporter. All rights reserved.\n",
           &a);
    ok(!a.source || strcmp(a.source, "The Times") != 0,
       "outlets: 'The Times' is not found inside 'The Times-Reporter'");
    article_clear(&a);
}

int
main(void)
{
    if (fixture_open() != 0)
        return 1;
    test_releases();
    test_print();
    test_saved_pages();
    test_page_dates();
    test_feed_item();
    test_notes_and_credits();
    fixture_close();
    return done_testing();
}

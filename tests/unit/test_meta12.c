/*
 * test_meta12.c — unit tests for the shapes of issue 12's twelfth metadata
 * pass (held-out set tests/extract/heldout_meta10): dates in other
 * scripts and calendars (Arabic-Indic and Devanagari digits, a Japanese
 * era, Korean, Thai Buddhist-era, Greek and Hindi months, a Hijri date
 * beside the Gregorian one), "Source:" lines with an address or a date,
 * a read-later copy's "Original:" line, "Name | Agency" under a
 * headline, a feed reader's "Outlet / by X / date", a CMS's <time> outside
 * any <article>, "Posted by" an author-page link, a post's header row, a
 * Kindle clippings file and a Kobo export, and the lines that only look
 * like them. Every input is written here, in our words.
 */
#include "config.h"

#include "tests/unit/ingest_fixture.h"

static void
test_scripts(void)
{
    struct article a;
    ingest("/t/d1.txt",
           "\xd9\x85\xd9\x88\xd8\xb3\xd9\x85 \xd8\xa7\xd9\x84\xd9\x82\xd9\x85\xd8\xad "
           "\xd9\x8a\xd8\xa8\xd8\xaf\xd8\xa3 \xd9\x81\xd9\x8a "
           "\xd8\xa7\xd9\x84\xd8\xac\xd9\x86\xd9\x88\xd8\xa8\n\n\xd8\xa7\xd9\x84\xd8\xa3\xd8\xad"
           "\xd8\xaf \xd9\xa1\xd9\xa0 \xd8\xa2\xd8\xb0\xd8\xa7\xd8\xb1 "
           "\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa4\n\n\xd8\xa8\xd8\xaf\xd8\xa3 "
           "\xd8\xa7\xd9\x84\xd9\x85\xd8\xb2\xd8\xa7\xd8\xb1\xd8\xb9\xd9\x88\xd9\x86 "
           "\xd8\xad\xd8\xb5\xd8\xa7\xd8\xaf \xd8\xa7\xd9\x84\xd9\x82\xd9\x85\xd8\xad "
           "\xd9\x81\xd9\x8a \xd8\xa7\xd9\x84\xd8\xac\xd9\x86\xd9\x88\xd8\xa8 "
           "\xd9\x82\xd8\xa8\xd9\x84 \xd9\x85\xd9\x88\xd8\xb9\xd8\xaf\xd9\x87 "
           "\xd8\xa8\xd8\xa3\xd8\xb3\xd8\xa8\xd9\x88\xd8\xb9.\n",
           &a);
    is_str(a.published, "2024-03-10", "Arabic-Indic digits and a Levantine month");
    article_clear(&a);
    ingest("/t/d2.txt",
           "\xe0\xa4\xa8\xe0\xa4\x88 \xe0\xa4\xb8\xe0\xa4\xa1\xe0\xa4\xbc\xe0\xa4\x95 "
           "\xe0\xa4\x95\xe0\xa4\xbe \xe0\xa4\x95\xe0\xa4\xbe\xe0\xa4\xae "
           "\xe0\xa4\xb6\xe0\xa5\x81\xe0\xa4\xb0\xe0\xa5\x82\n\n\xe0\xa4\xa6\xe0\xa4\xbf\xe0\xa4"
           "\xa8\xe0\xa4\xbe\xe0\xa4\x82\xe0\xa4\x95: \xe0\xa5\xa7\xe0\xa5\xa8 "
           "\xe0\xa4\xab\xe0\xa4\xbc\xe0\xa4\xb0\xe0\xa4\xb5\xe0\xa4\xb0\xe0\xa5\x80 "
           "\xe0\xa5\xa8\xe0\xa5\xa6\xe0\xa5\xa8\xe0\xa5\xaa\n\n\xe0\xa4\xb6\xe0\xa4\xb9\xe0\xa4"
           "\xb0 \xe0\xa4\xae\xe0\xa5\x87\xe0\xa4\x82 \xe0\xa4\xa8\xe0\xa4\x88 "
           "\xe0\xa4\xb8\xe0\xa4\xa1\xe0\xa4\xbc\xe0\xa4\x95 \xe0\xa4\x95\xe0\xa4\xbe "
           "\xe0\xa4\x95\xe0\xa4\xbe\xe0\xa4\xae "
           "\xe0\xa4\xb8\xe0\xa5\x8b\xe0\xa4\xae\xe0\xa4\xb5\xe0\xa4\xbe\xe0\xa4\xb0 "
           "\xe0\xa4\x95\xe0\xa5\x8b \xe0\xa4\xb6\xe0\xa5\x81\xe0\xa4\xb0\xe0\xa5\x82 "
           "\xe0\xa4\xb9\xe0\xa5\x81\xe0\xa4\x86\xe0\xa5\xa4\n",
           &a);
    is_str(a.published, "2024-02-12", "a Devanagari label and digits, a Hindi month");
    article_clear(&a);
    ingest("/t/d3.txt",
           "\xe5\xb7\x9d\xe3\x81\xae\xe6\xb8\x85\xe6\x8e\x83\xe6\xb4\xbb\xe5\x8b\x95\xe3\x81\xab"
           "\xe4\xb8\x89\xe7\x99\xbe\xe4\xba\xba\n\n\xe4\xbb\xa4\xe5\x92\x8c"
           "5\xe5\xb9\xb4"
           "6\xe6\x9c\x88"
           "4\xe6\x97\xa5\n\n\xe5\xb8\x82\xe6\xb0\x91\xe4\xb8\x89\xe7\x99\xbe\xe4\xba\xba\xe3\x81"
           "\x8c\xe5\xb7\x9d\xe3\x81\xae\xe6\xb8\x85\xe6\x8e\x83\xe6\xb4\xbb\xe5\x8b\x95\xe3\x81"
           "\xab\xe5\x8f\x82\xe5\x8a\xa0\xe3\x81\x97\xe3\x81\x9f\xe3\x80\x82\n",
           &a);
    is_str(a.published, "2023-06-04", "a Reiwa-era year");
    article_clear(&a);
    ingest(
        "/t/d4.txt",
        "\xec\x8b\x9c\xeb\xa6\xbd \xec\x88\x98\xec\x98\x81\xec\x9e\xa5 "
        "\xec\x9e\xac\xea\xb0\x9c\xec\x9e\xa5\n\n2024\xeb\x85\x84 7\xec\x9b\x94 1\xec\x9d\xbc "
        "\xec\x9b\x94\xec\x9a\x94\xec\x9d\xbc\n\n\xec\x8b\x9c\xeb\xa6\xbd "
        "\xec\x88\x98\xec\x98\x81\xec\x9e\xa5\xec\x9d\xb4 \xeb\xb3\xb4\xec\x88\x98 "
        "\xea\xb3\xb5\xec\x82\xac\xeb\xa5\xbc \xeb\xa7\x88\xec\xb9\x98\xea\xb3\xa0 "
        "\xeb\x8b\xa4\xec\x8b\x9c \xeb\xac\xb8\xec\x9d\x84 \xec\x97\xb4\xec\x97\x88\xeb\x8b\xa4.\n",
        &a);
    is_str(a.published, "2024-07-01", "Korean year, month and day marks and a weekday");
    article_clear(&a);
    ingest("/t/d4b.html",
           "<html "
           "lang=\"ko\"><head><title>t</title></head><body><article><h1>\xec\x8b\x9c\xec\x9e\xa5 "
           "\xea\xb0\x9c\xec\x9e\xa5 \xec\x8b\x9c\xea\xb0\x84 \xec\x97\xb0\xec\x9e\xa5</h1>"
           "<div class=\"info\">\xec\x88\x98\xec\xa0\x95 2024.05.21 09:00 \xec\x9e\x85\xeb\xa0\xa5 "
           "2024.05.20 17:30</div><p>\xec\xa0\x84\xed\x86\xb5 \xec\x8b\x9c\xec\x9e\xa5\xec\x9d\xb4 "
           "\xeb\x8b\xa4\xec\x9d\x8c \xeb\x8b\xac\xeb\xb6\x80\xed\x84\xb0 \xeb\xb0\xa4 "
           "9\xec\x8b\x9c\xea\xb9\x8c\xec\xa7\x80 \xeb\xac\xb8\xec\x9d\x84 "
           "\xec\x97\xb0\xeb\x8b\xa4.</p></article></body></html>",
           &a);
    is_str(a.published, "2024-05-20", "a Korean update stamp first: the entry stamp after it wins");
    article_clear(&a);
    ingest("/t/d5.html",
           "<html "
           "lang=\"th\"><head><title>"
           "\xe0\xb8\xaa\xe0\xb8\xb0\xe0\xb8\x9e\xe0\xb8\xb2\xe0\xb8\x99\xe0\xb9\x83\xe0\xb8\xab"
           "\xe0\xb8\xa1\xe0\xb9\x88\xe0\xb9\x80\xe0\xb8\x9b\xe0\xb8\xb4\xe0\xb8\x94\xe0\xb9\x81"
           "\xe0\xb8\xa5\xe0\xb9\x89\xe0\xb8\xa7</title></head><body><article>"
           "<h1>"
           "\xe0\xb8\xaa\xe0\xb8\xb0\xe0\xb8\x9e\xe0\xb8\xb2\xe0\xb8\x99\xe0\xb9\x83\xe0\xb8\xab"
           "\xe0\xb8\xa1\xe0\xb9\x88\xe0\xb9\x80\xe0\xb8\x9b\xe0\xb8\xb4\xe0\xb8\x94\xe0\xb9\x81"
           "\xe0\xb8\xa5\xe0\xb9\x89\xe0\xb8\xa7</h1><div class=\"date\">12 "
           "\xe0\xb8\xa1\xe0\xb8\xb4\xe0\xb8\x96\xe0\xb8\xb8\xe0\xb8\x99\xe0\xb8\xb2\xe0\xb8\xa2"
           "\xe0\xb8\x99 2566 08:30 \xe0\xb8\x99.</div>"
           "<p>"
           "\xe0\xb8\xaa\xe0\xb8\xb0\xe0\xb8\x9e\xe0\xb8\xb2\xe0\xb8\x99\xe0\xb8\x82\xe0\xb9\x89"
           "\xe0\xb8\xb2\xe0\xb8\xa1\xe0\xb9\x81\xe0\xb8\xa1\xe0\xb9\x88\xe0\xb8\x99\xe0\xb9\x89"
           "\xe0\xb8\xb3\xe0\xb9\x81\xe0\xb8\xab\xe0\xb9\x88\xe0\xb8\x87\xe0\xb9\x83\xe0\xb8\xab"
           "\xe0\xb8\xa1\xe0\xb9\x88\xe0\xb9\x80\xe0\xb8\x9b\xe0\xb8\xb4\xe0\xb8\x94\xe0\xb9\x83"
           "\xe0\xb8\xab\xe0\xb9\x89\xe0\xb8\xa3\xe0\xb8\x96\xe0\xb8\xa7\xe0\xb8\xb4\xe0\xb9\x88"
           "\xe0\xb8\x87\xe0\xb9\x81\xe0\xb8\xa5\xe0\xb9\x89\xe0\xb8\xa7\xe0\xb8\xa7\xe0\xb8\xb1"
           "\xe0\xb8\x99\xe0\xb8\x99\xe0\xb8\xb5\xe0\xb9\x89</p></article></body></html>",
           &a);
    is_str(a.published, "2023-06-12", "a Thai month with a Buddhist-era year");
    article_clear(&a);
    ingest(
        "/t/d5b.html",
        "<html "
        "lang=\"th\"><head><title>t</title></"
        "head><body><article><h1>"
        "\xe0\xb8\x95\xe0\xb8\xa5\xe0\xb8\xb2\xe0\xb8\x94\xe0\xb9\x83\xe0\xb8\xab\xe0\xb8\xa1\xe0"
        "\xb9\x88</h1>"
        "<div class=\"date\">4 \xe0\xb8\xa1\xe0\xb8\xb5.\xe0\xb8\x84. 2567 10:15 "
        "\xe0\xb8\x99.</"
        "div><p>"
        "\xe0\xb8\x95\xe0\xb8\xa5\xe0\xb8\xb2\xe0\xb8\x94\xe0\xb9\x83\xe0\xb8\xab\xe0\xb8\xa1\xe0"
        "\xb9\x88\xe0\xb9\x80\xe0\xb8\x9b\xe0\xb8\xb4\xe0\xb8\x94\xe0\xb9\x83\xe0\xb8\xab\xe0\xb9"
        "\x89\xe0\xb8\x9a\xe0\xb8\xa3\xe0\xb8\xb4\xe0\xb8\x81\xe0\xb8\xb2\xe0\xb8\xa3\xe0\xb9\x81"
        "\xe0\xb8\xa5\xe0\xb9\x89\xe0\xb8\xa7\xe0\xb9\x83\xe0\xb8\x99\xe0\xb8\xa7\xe0\xb8\xb1\xe0"
        "\xb8\x99\xe0\xb8\x99\xe0\xb8\xb5\xe0\xb9\x89</p></article></body></html>",
        &a);
    is_str(a.published, "2024-03-04", "a Thai month's abbreviation with a Buddhist-era year");
    article_clear(&a);
    ingest("/t/d5m0.txt",
           "Rail link funded\n\n4 \xd0\xb1\xd0\xb5\xd1\x80\xd0\xb5\xd0\xb7\xd0\xbd\xd1\x8f "
           "2024\n\nThe regional council voted on Tuesday to fund a new rail link.\n",
           &a);
    is_str(a.published, "2024-03-04", "a Ukrainian month");
    article_clear(&a);
    ingest("/t/d5m1.txt",
           "Rail link funded\n\n1. \xc3\xbanora 2024\n\nThe regional council voted on Tuesday to "
           "fund a new rail link.\n",
           &a);
    is_str(a.published, "2024-02-01", "a Czech month opening with an accented letter");
    article_clear(&a);
    ingest("/t/d5m2.txt",
           "Rail link funded\n\n\xe0\xa7\xaa "
           "\xe0\xa6\xae\xe0\xa6\xbe\xe0\xa6\xb0\xe0\xa7\x8d\xe0\xa6\x9a "
           "\xe0\xa7\xa8\xe0\xa7\xa6\xe0\xa7\xa8\xe0\xa7\xaa\n\nThe regional council voted on "
           "Tuesday to fund a new rail link.\n",
           &a);
    is_str(a.published, "2024-03-04", "a Bengali month with Bengali digits");
    article_clear(&a);
    ingest("/t/d5m3.txt",
           "Rail link funded\n\n4 iulie 2024\n\nThe regional council voted on Tuesday to fund a "
           "new rail link.\n",
           &a);
    is_str(a.published, "2024-07-04", "a Romanian month");
    article_clear(&a);
    ingest(
        "/t/d5w1.html",
        "<html><head><title>Rail link funded</title></head><body><div class=\"wrap\"><h1>Rail link "
        "funded</h1><div class=\"dt\">lundi 4 mars 2024</div><p>The regional council voted on "
        "Tuesday to fund a new rail link, officials said after the "
        "meeting.</p></div></body></html>",
        &a);
    is_str(a.published, "2024-03-04", "a French weekday before the date");
    article_clear(&a);
    ingest("/t/d5w2.txt",
           "Rail link funded\n\nmandag 4. mars 2024\n\nThe regional council voted on Tuesday to "
           "fund a "
           "new rail link.\n",
           &a);
    is_str(a.published, "2024-03-04", "a Norwegian weekday before the date");
    article_clear(&a);
    ingest("/t/d5c.txt",
           "\xd8\xa7\xd9\x81\xd8\xaa\xd8\xaa\xd8\xa7\xd8\xad \xd8\xb3\xd9\x88\xd9\x82 "
           "\xd8\xac\xd8\xaf\xd9\x8a\xd8\xaf\n\n\xd8\xa7\xd9\x84\xd8\xa5\xd8\xab\xd9\x86\xd9\x8a"
           "\xd9\x86 4 \xd8\xac\xd9\x88\xd8\xa7\xd9\x86 "
           "2024\n\n\xd8\xa7\xd9\x81\xd8\xaa\xd8\xaa\xd8\xad\xd8\xaa "
           "\xd8\xa7\xd9\x84\xd8\xa8\xd9\x84\xd8\xaf\xd9\x8a\xd8\xa9 "
           "\xd8\xb3\xd9\x88\xd9\x82\xd8\xa7 \xd8\xac\xd8\xaf\xd9\x8a\xd8\xaf\xd8\xa7 "
           "\xd9\x84\xd9\x84\xd8\xae\xd8\xb6\xd8\xb1 \xd9\x81\xd9\x8a \xd9\x88\xd8\xb3\xd8\xb7 "
           "\xd8\xa7\xd9\x84\xd9\x85\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9.\n",
           &a);
    is_str(a.published, "2024-06-04", "a Tunisian month name");
    article_clear(&a);
    ingest(
        "/t/d6.html",
        "<html lang=\"el\"><head><title>\xce\x9d\xce\xad\xce\xbf "
        "\xce\xbb\xce\xb9\xce\xbc\xce\xac\xce\xbd\xce\xb9</title></head><body><article>"
        "<h1>\xce\x9d\xce\xad\xce\xbf \xce\xbb\xce\xb9\xce\xbc\xce\xac\xce\xbd\xce\xb9</h1><div "
        "class=\"date\">"
        "\xce\x94\xce\xb7\xce\xbc\xce\xbf\xcf\x83\xce\xb9\xce\xb5\xcf\x8d\xce\xb8\xce\xb7\xce\xba"
        "\xce\xb5: 9 \xce\x9c\xce\xb1\xce\x90\xce\xbf\xcf\x85 2024, 11:00</div>"
        "<p>\xce\xa4\xce\xbf \xce\xbd\xce\xad\xce\xbf "
        "\xce\xbb\xce\xb9\xce\xbc\xce\xac\xce\xbd\xce\xb9 "
        "\xce\xac\xce\xbd\xce\xbf\xce\xb9\xce\xbe\xce\xb5 \xce\xb3\xce\xb9\xce\xb1 "
        "\xcf\x84\xce\xb1 \xce\xb1\xce\xbb\xce\xb9\xce\xb5\xcf\x85\xcf\x84\xce\xb9\xce\xba\xce\xac "
        "\xcf\x83\xce\xba\xce\xac\xcf\x86\xce\xb7.</p></article></body></html>",
        &a);
    is_str(a.published, "2024-05-09", "a Greek month in the genitive after a label");
    article_clear(&a);
    ingest("/t/d7.html",
           "<html lang=\"en\"><head><title>Port expansion approved</title></head><body><article>"
           "<h1>Port expansion approved</h1><div class=\"article-date\">Thursday, 11 April 2024 | "
           "2 Shawwal 1445 AH</div><p>The port authority approved a third container berth on "
           "Thursday after two years of studies.</p></article></body></html>",
           &a);
    is_str(a.published, "2024-04-11", "a Hijri date after the Gregorian one");
    article_clear(&a);
    ingest(
        "/t/d8.html",
        "<html lang=\"ar\"><head><title>\xd9\x85\xd9\x83\xd8\xaa\xd8\xa8\xd8\xa9 "
        "\xd8\xac\xd8\xaf\xd9\x8a\xd8\xaf\xd8\xa9</title></head><body><article>"
        "<h1>\xd9\x85\xd9\x83\xd8\xaa\xd8\xa8\xd8\xa9 "
        "\xd8\xac\xd8\xaf\xd9\x8a\xd8\xaf\xd8\xa9</h1><div "
        "class=\"article-date\">\xd8\xa7\xd9\x84\xd8\xae\xd9\x85\xd9\x8a\xd8\xb3 \xd9\xa2 "
        "\xd8\xb4\xd9\x88\xd8\xa7\xd9\x84 \xd9\xa1\xd9\xa4\xd9\xa4\xd9\xa5 \xd9\x87\xd9\x80 - "
        "\xd8\xa7\xd9\x84\xd9\x85\xd9\x88\xd8\xa7\xd9\x81\xd9\x82 \xd9\xa1\xd9\xa1 "
        "\xd8\xa3\xd8\xa8\xd8\xb1\xd9\x8a\xd9\x84 \xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa4 \xd9\x85</div>"
        "<p>\xd8\xa7\xd9\x81\xd8\xaa\xd8\xaa\xd8\xad\xd8\xaa "
        "\xd8\xa7\xd9\x84\xd8\xa8\xd9\x84\xd8\xaf\xd9\x8a\xd8\xa9 "
        "\xd9\x85\xd9\x83\xd8\xaa\xd8\xa8\xd8\xa9 \xd8\xb9\xd8\xa7\xd9\x85\xd8\xa9 "
        "\xd8\xac\xd8\xaf\xd9\x8a\xd8\xaf\xd8\xa9 \xd9\x81\xd9\x8a \xd9\x88\xd8\xb3\xd8\xb7 "
        "\xd8\xa7\xd9\x84\xd9\x85\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9.</p></article></body></html>",
        &a);
    is_str(a.published, "2024-04-11", "a Hijri date before the Gregorian one, Arabic-Indic digits");
    article_clear(&a);
    ingest(
        "/t/d9.html",
        "<html lang=\"en\"><head><title>Moon sighting committee meets</title></head><body><article>"
        "<h1>Moon sighting committee meets</h1><div class=\"article-date\">29 Sha'ban 1445</div>"
        "<p>The committee will meet after sunset to look for the new "
        "crescent.</p></article></body></html>",
        &a);
    ok(a.published == NULL, "a Hijri date alone is not read as a Gregorian one");
    article_clear(&a);
}

static void
test_sources(void)
{
    struct article a;
    ingest(
        "/t/s1.txt",
        "Sea wall plan goes to consultation\n\nThe council will ask residents about three designs "
        "for the new sea wall over the summer.\n\nThe cheapest design would cost about \xc2\xa3"
        "9 million.\n\n"
        "Source: https://www.eastbaypost.co.uk/news/2024/05/21/sea-wall-plan\n",
        &a);
    is_str(a.source, "Eastbay Post", "\"Source:\" an address: its host names the outlet");
    is_str(a.published, "2024-05-21", "\"Source:\" an address: its path dates the story");
    article_clear(&a);
    ingest(
        "/t/s2.txt",
        "Bridge tolls to rise in January\n\nTolls on the estuary bridge will rise by 20 pence in "
        "January, the operator said on Monday.\n\nSource: The Estuary Herald, 14 October 2024\n",
        &a);
    is_str(a.source, "The Estuary Herald", "\"Source: Outlet, date\": the outlet");
    is_str(a.published, "2024-10-14", "\"Source: Outlet, date\": the date");
    article_clear(&a);
    ingest(
        "/t/s2b.txt",
        "Bridge tolls to rise in January\n\nTolls on the estuary bridge will rise by 20 pence in "
        "January, the operator said on Monday.\n\nSource: The Estuary Herald "
        "(https://www.estuaryherald.com/news/bridge-tolls)\n",
        &a);
    is_str(a.source, "The Estuary Herald", "\"Source: X (address)\": the name without the address");
    is_str(a.url, "https://www.estuaryherald.com/news/bridge-tolls",
           "\"Source: X (address)\": the address");
    article_clear(&a);
    ingest(
        "/t/s2c.txt",
        "Bridge tolls to rise in January\n\nTolls on the estuary bridge will rise by 20 pence in "
        "January, the operator said on Monday.\n\nOriginally published at "
        "https://www.estuaryherald.com/2024/10/14/bridge-tolls\n",
        &a);
    is_str(a.published, "2024-10-14", "\"Originally published at <address>\": its path's date");
    is_str(a.source, "Estuary Herald", "\"Originally published at <address>\": its host");
    article_clear(&a);
    ingest(
        "/t/s2d.txt",
        "Bridge tolls to rise in January\n\nTolls on the estuary bridge will rise by 20 pence in "
        "January, the operator said on Monday.\n\nThis story was originally published by The "
        "Estuary "
        "Herald on October 14, 2024.\n",
        &a);
    is_str(a.published, "2024-10-14", "\"originally published by X on DATE\": the date");
    is_str(a.source, "The Estuary Herald", "\"originally published by X on DATE\": the outlet");
    article_clear(&a);
    ingest(
        "/t/s3.txt",
        "Night buses extended to suburbs\n\nInstapaper\nOriginal: www.metrocourier.com "
        "\xe2\x80\x94 3 July 2024\n\n"
        "Night buses will run to four more suburbs from September, the transport authority said.\n",
        &a);
    is_str(a.published, "2024-07-03", "an Instapaper \"Original:\" line's date");
    is_str(a.source, "Metro Courier", "an Instapaper \"Original:\" line's host");
    article_clear(&a);
    ingest(
        "/t/s4.txt",
        "Oil output cut extended\n\nBy Tomasz Wrona | Reuters\n\nApril 2, 2024\n\n"
        "Producers agreed on Tuesday to keep their output cuts in place until the end of June.\n",
        &a);
    is_str(a.byline, "Tomasz Wrona", "\"By X | Reuters\" under the headline: the byline");
    is_str(a.source, "Reuters", "\"By X | Reuters\" under the headline: the outlet");
    article_clear(&a);
    ingest(
        "/t/s5.txt",
        "Oil output cut extended\n\nPhoto: Tomasz Wrona | Reuters\n\nApril 2, 2024\n\n"
        "Producers agreed on Tuesday to keep their output cuts in place until the end of June.\n",
        &a);
    ok(a.byline == NULL, "\"Photo: X | Reuters\" stays a photo's credit");
    article_clear(&a);
    ingest("/t/s5b.txt",
           "Harbour dredging to begin\n\nAmos Kettering | Associated Press\n\n"
           "Dredging of the harbour channel will begin next month, the port said on Friday.\n",
           &a);
    is_str(a.byline, "Amos Kettering", "\"X | Associated Press\" under the headline: the byline");
    is_str(a.source, "Associated Press", "\"X | Associated Press\": the outlet");
    article_clear(&a);
    ingest("/t/s5c.txt",
           "Bridge opens\n\nThe mayor cuts the ribbon on the new bridge.\nJohn Smith | Reuters\n\n"
           "The new bridge opened on Monday after three years of building work by the state.\n",
           &a);
    ok(a.byline == NULL, "\"X | Reuters\" under a caption stays the photo's credit");
    article_clear(&a);
    ingest(
        "/t/s5d.txt",
        "Bridge opens\n\nWorld Cup | AFP\n\nThe new bridge opened on Monday after three years of "
        "building work by the state.\n",
        &a);
    ok(a.byline == NULL, "\"Topic | Agency\" under a headline is no byline");
    article_clear(&a);
    ingest("/t/s6.txt",
           "School meals to be free for all pupils\nNorthfield Gazette / by Priya Dhanda / Sep 2, "
           "2024\n\n"
           "Every primary pupil in the county will get a free lunch from next term, the council "
           "said.\n",
           &a);
    is_str(a.source, "Northfield Gazette", "\"Outlet / by X / date\": the outlet");
    is_str(a.byline, "Priya Dhanda", "\"Outlet / by X / date\": the byline");
    is_str(a.published, "2024-09-02", "\"Outlet / by X / date\": the date");
    article_clear(&a);
    ingest("/t/s7.txt",
           "Schronisko otwiera nowy wybieg\n\nGazeta Lubuska, 12.06.2024\n\n"
           "Schronisko dla zwierz\xc4\x85t otworzy\xc5\x82o nowy wybieg dla ps\xc3\xb3w, "
           "powiedzia\xc5\x82"
           "a jego kierowniczka.\n",
           &a);
    is_str(a.source, "Gazeta Lubuska", "\"Paper, dd.mm.yyyy\" under the headline: the paper");
    is_str(a.published, "2024-06-12", "\"Paper, dd.mm.yyyy\": day first");
    article_clear(&a);
}

static void
test_bylines(void)
{
    static const char body[] =
        "The regional council voted on Tuesday to fund a new rail link, officials "
        "said.\n\nThe link will open in 2027, said council leader Maria Gonzalez.\n";
    char text[512];
    struct article a;
    snprintf(text, sizeof text,
             "Rail link funded\n\nPosted on March 4, 2024 by Otto Lindqvist\n\n%s", body);
    ingest("/t/b1.txt", text, &a);
    is_str(a.byline, "Otto Lindqvist", "\"Posted on DATE by X\": the byline");
    is_str(a.published, "2024-03-04", "\"Posted on DATE by X\": the date");
    article_clear(&a);
    snprintf(
        text, sizeof text,
        "Rail link funded\n\nOtto Lindqvist \xe2\x80\x94 Helsinki \xe2\x80\x94 4 March 2024\n\n%s",
        body);
    ingest("/t/b2.txt", text, &a);
    is_str(a.byline, "Otto Lindqvist", "\"X \xe2\x80\x94 place \xe2\x80\x94 date\": the byline");
    is_str(a.title, "Rail link funded",
           "\"X \xe2\x80\x94 place \xe2\x80\x94 date\" is not the title");
    article_clear(&a);
    snprintf(text, sizeof text, "Rail link funded\n\nNew York \xe2\x80\x94 March 4, 2024\n\n%s",
             body);
    ingest("/t/b3.txt", text, &a);
    ok(a.byline == NULL, "\"Place \xe2\x80\x94 date\" names no writer");
    article_clear(&a);
    snprintf(text, sizeof text,
             "Rail link funded\n\n%s\n(Reporting by Otto Lindqvist in Helsinki; Editing by "
             "Tom Ray)\n",
             body);
    ingest("/t/b4.txt", text, &a);
    is_str(a.byline, "Otto Lindqvist",
           "\"(Reporting by X in Place; ...)\": the reporter without the place");
    article_clear(&a);
}

static void
test_pages(void)
{
    struct article a;
    ingest("/t/p1.html",
           "<html lang=\"en-US\"><head><title>Library levy passes</title></head><body><div "
           "class=\"wrap\">"
           "<h1>Library levy passes</h1><ul><li>By Dana Whitcombe</li>"
           "<li><time datetime=\"2024-11-06T07:00:00-05:00\">Nov 6, 2024</time></li>"
           "<li>Updated <time datetime=\"2024-11-08T10:00:00-05:00\">Nov 8, 2024</time></li></ul>"
           "<p>Voters approved the library levy by a wide margin on Tuesday, keeping the branches "
           "open on "
           "Sundays.</p></div></body></html>",
           &a);
    is_str(a.published, "2024-11-06", "a CMS's first <time> under the <h1>, not the update");
    article_clear(&a);
    ingest(
        "/t/p2.html",
        "<html lang=\"en\"><head><title>Our pond after the drought</title></head><body><div "
        "id=\"page\">"
        "<h1 class=\"entry-title\">Our pond after the drought</h1>"
        "<div class=\"entry-meta\">Posted by <a "
        "href=\"https://pondlife.example/author/marisolvega/\">"
        "Marisol Vega</a></div><div class=\"entry-content\"><p>The pond dropped by half a metre in "
        "August, and the newts moved to the deep end.</p></div></div></body></html>",
        &a);
    is_str(a.byline, "Marisol Vega", "\"Posted by\" a link to the writer's author page");
    article_clear(&a);
    ingest("/t/p3.html",
           "<html lang=\"en\"><head><title>Our pond after the drought</title></head><body><div "
           "id=\"page\">"
           "<h1 class=\"entry-title\">Our pond after the drought</h1><div "
           "class=\"entry-content\"><p>The "
           "pond dropped by half a metre in August, and the newts moved to the deep end.</p></div>"
           "<div class=\"more\"><a href=\"https://pondlife.example/author/marisolvega/\">Marisol "
           "Vega</a>"
           "</div></div></body></html>",
           &a);
    ok(a.byline == NULL, "a link to an author page with no \"By\" cue is no byline");
    article_clear(&a);
    ingest(
        "/t/p3b.html",
        "<html lang=\"en\"><head><title>Rail link funded</title></head><body><article>"
        "<h1>Rail link funded</h1><div class=\"author\">Otto Lindqvist<br>Staff Photographer</div>"
        "<div class=\"byline\">By Anna Berg</div><p>The regional council voted on Tuesday to fund "
        "a "
        "new rail link, officials said after the meeting.</p></article></body></html>",
        &a);
    is_str(a.byline, "Anna Berg", "a photographer in an \"author\" block is not the byline");
    article_clear(&a);
    ingest(
        "/t/p3c.html",
        "<html lang=\"en\"><head><title>Rail link funded</title></head><body><h1>Rail link "
        "funded</h1>"
        "<p class=\"byline\">By Otto Lindqvist, Special to the Ledger</p><p>The regional council "
        "voted on Tuesday to fund a new rail link, officials said after the "
        "meeting.</p></body></html>",
        &a);
    is_str(a.byline, "Otto Lindqvist", "\", Special to the X\" leaves the byline");
    article_clear(&a);
    static const char para[] = "<p>The regional council voted on Tuesday to fund a new rail link, "
                               "officials said after the meeting.</p>";
    char page[1024];
    snprintf(page, sizeof page,
             "<html lang=\"en\"><head><title>Rail link funded</title><meta name=\"byl\" "
             "content=\"By Otto Lindqvist and Anna Berg\"></head><body><article><h1>Rail link "
             "funded</h1>%s</article></body></html>",
             para);
    ingest("/t/p3d.html", page, &a);
    is_str(a.byline, "Otto Lindqvist and Anna Berg", "<meta name=byl>, a byline as printed");
    article_clear(&a);
    snprintf(
        page, sizeof page,
        "<html lang=\"en\"><head><title>Rail link funded</title></head><body><article><h1>Rail "
        "link funded</h1><div class=\"author-info\">Otto Lindqvist is a staff writer covering "
        "transport.</div>%s</article></body></html>",
        para);
    ingest("/t/p3e.html", page, &a);
    is_str(a.byline, "Otto Lindqvist", "a bio sentence in an author block: the name");
    article_clear(&a);
    snprintf(
        page, sizeof page,
        "<html lang=\"en\"><head><title>Rail link funded</title></head><body><article><h1>Rail "
        "link funded</h1><div class=\"byline\">Otto Lindqvist for the Valley Ledger</div>%s"
        "</article></body></html>",
        para);
    ingest("/t/p3f.html", page, &a);
    is_str(a.byline, "Otto Lindqvist", "\"X for the Valley Ledger\": the name");
    article_clear(&a);
    snprintf(
        page, sizeof page,
        "<html lang=\"en\"><head><title>Rail link funded</title></head><body><article><h1>Rail "
        "link funded</h1><p>By Otto Lindqvist<br>Associated Press</p>%s</article></body></html>",
        para);
    ingest("/t/p3g.html", page, &a);
    is_str(a.source, "Associated Press", "an agency's name under a page's \"By X\" line");
    ok(!in_body(&a, "Associated Press"), "the agency's line leaves the text");
    article_clear(&a);
    ingest("/t/p4.html",
           "<html lang=\"en\"><head><title>Mapping old hedgerows</title></head><body><article>"
           "<h1>Mapping old hedgerows</h1><div>Published in Field Margins \xc2\xb7 5 min read "
           "\xc2\xb7 Mar 8, 2024</div>"
           "<p>Old maps show where the hedgerows ran a century ago, and most of them are still "
           "there.</p>"
           "</article></body></html>",
           &a);
    ok(!in_body(&a, "5 min read"), "a post's header row of fields leaves the text");
    article_clear(&a);
}

static void
test_readers(void)
{
    struct article a;
    ingest("/t/r1.txt",
           "Seed library opens at the town hall (Oona Farrell)\n"
           "- Your Highlight on Location 4-6 | Added on Monday, May 6, 2024 8:12:40 PM\n\n"
           "The town hall now lends seeds: take a packet in spring, bring back seeds from your "
           "crop in "
           "autumn.\n==========\n",
           &a);
    is_str(a.title, "Seed library opens at the town hall",
           "a Kindle clipping's title without its author");
    is_str(a.byline, "Oona Farrell", "a Kindle clipping's author in brackets");
    ok(a.published == NULL, "a Kindle clipping's \"Added on\" date is the reader's");
    ok(!in_body(&a, "=========="), "a Kindle clipping's rule leaves the text");
    article_clear(&a);
    ingest(
        "/t/r2.txt",
        "Kobo annotations export\nBook: Rooftop beehives multiply\nAuthor: Gideon Marsh\n"
        "Exported: 2024-09-30\n\nThere are now more than two hundred beehives on the city's roofs, "
        "the beekeepers' club says.\n",
        &a);
    is_str(a.title, "Rooftop beehives multiply", "a Kobo export's \"Book:\" is the title");
    ok(a.published == NULL, "a Kobo export's \"Exported:\" date is the export's");
    article_clear(&a);
}

int
main(void)
{
    if (fixture_open() != 0)
        return 1;
    test_scripts();
    test_sources();
    test_bylines();
    test_pages();
    test_readers();
    fixture_close();
    return done_testing();
}

/*
 * test_meta13.c — unit tests for the shapes of issue 12's thirteenth
 * metadata pass (held-out set tests/extract/heldout_meta11): mail headers
 * as other languages' clients write them, their forward marks and reply
 * lines, a sender's name spelled by its host across diacritics and short
 * words, an aggregator's page naming the original outlet, a UTC time on
 * the next day, a running head with a page number, a chart's "Source:"
 * line, "Place — date" under a title; and the lines that only look like
 * them. Every input is written here, in our words.
 */
#include "config.h"

#include "tests/unit/ingest_fixture.h"

static void
test_mail(void)
{
    struct article a;
    ingest("/t/m1.txt",
           "Van: Dijkbode <post@dijkbode.example>\n"
           "Verzonden: dinsdag 5 maart 2024 09:12\n"
           "Aan: lezer@example.nl\n"
           "Onderwerp: Nieuwe sluis gaat open in mei\n\n"
           "Nieuwe sluis gaat open in mei\n\n"
           "De nieuwe sluis in het kanaal gaat in mei open, twee maanden later dan gepland.\n\n"
           "Het waterschap zegt dat de vertraging kwam door de natte winter.\n",
           &a);
    is_str(a.title, "Nieuwe sluis gaat open in mei", "a Dutch Outlook subject is the title");
    is_str(a.published, "2024-03-05", "a Dutch Outlook sent date");
    is_str(a.source, "Dijkbode", "a Dutch Outlook sender spelled by its host");
    ok(!in_body(&a, "Verzonden:"), "the header block leaves the text");
    article_clear(&a);
    ingest("/t/m2.txt",
           "Fr\xc3\xa5n: Fj\xc3\xa4llbladet <brev@fjallbladet.example>\n"
           "Skickat: den 4 mars 2024 08:15\n"
           "\xc3\x84mne: Ny skidlift i byn\n\n"
           "Ny skidlift i byn\n\n"
           "En ny skidlift ska byggas i byn till n\xc3\xa4sta vinter.\n\n"
           "Den kostar tolv miljoner kronor.\n",
           &a);
    is_str(a.title, "Ny skidlift i byn", "a key with a UTF-8 letter (\"\xc3\x84mne:\")");
    is_str(a.source, "Fj\xc3\xa4llbladet", "a host spells a name with diacritics");
    article_clear(&a);
    ingest("/t/m3.txt",
           "Den tir. 5. mar. 2024 kl. 08.10 skrev Kystavisen <brev@kystavisen.example>:\n\n"
           "Ny cykelsti langs stranden\n\n"
           "Kommunen anl\xc3\xa6gger en ny cykelsti langs stranden i l\xc3\xb8" "bet af sommeren.\n\n"
           "Stien bliver fire kilometer lang.\n",
           &a);
    is_str(a.published, "2024-03-05", "a Danish reply line's date");
    is_str(a.source, "Kystavisen", "a Danish reply line's sender");
    ok(!in_body(&a, "skrev"), "the reply line leaves the text");
    article_clear(&a);
    ingest("/t/m4.txt",
           "Anfang der weitergeleiteten Nachricht:\n\n"
           "Von: Il Corriere della Piana <redazione@corrierepiana.example>\n"
           "Betreff: Nuovo ponte sul fiume\n"
           "Datum: 4. M\xc3\xa4rz 2024 um 07:30:12 MEZ\n\n"
           "Nuovo ponte sul fiume\n\n"
           "Il comune costruir\xc3\xa0 un nuovo ponte pedonale sul fiume entro due anni.\n",
           &a);
    is_str(a.title, "Nuovo ponte sul fiume", "Apple Mail's German forward mark, a blank line");
    is_str(a.source, "Il Corriere della Piana", "an article and a short word the host leaves out");
    article_clear(&a);
    ingest("/t/m5.txt",
           "A: Yes, the council said so.\n\n"
           "Q: And the bridge?\n\nIt will open in May, the council said in a statement.\n",
           &a);
    ok(in_body(&a, "Q: And the bridge?"), "an interview's \"A:\" and \"Q:\" lines are no mail header");
    ok(a.published == NULL, "an interview names no sent date");
    article_clear(&a);
}

static void
test_pages(void)
{
    struct article a;
    ingest("/t/p1.html",
           "<html><head><title>Ferry timetable changes</title>"
           "<meta property=\"og:site_name\" content=\"Yahoo News\"></head><body>"
           "<h1>Ferry timetable changes</h1>"
           "<div class=\"caas-logo\"><a href=\"https://www.islandgazette.example\">The Island "
           "Gazette</a></div>"
           "<p>The ferry company will run two extra sailings a day from June, it said on "
           "Tuesday, after complaints that the morning boats were full by seven.</p>"
           "<p>The new timetable starts on the first Monday of the month and runs until the end "
           "of September.</p></body></html>",
           &a);
    is_str(a.source, "The Island Gazette", "an aggregator's page names the original outlet");
    article_clear(&a);
    ingest("/t/p2.html",
           "<html><head><title>Ferry timetable changes</title>"
           "<meta property=\"og:site_name\" content=\"Yahoo News\"></head><body>"
           "<h1>Ferry timetable changes</h1>"
           "<p>The ferry company will run two extra sailings a day from June, it said on "
           "Tuesday, after complaints that the morning boats were full by seven and that "
           "commuters were left standing on the quay in the rain.</p>"
           "<div class=\"ad-logo\"><img alt=\"The Discount Gazette\" src=\"ad.png\"></div>"
           "</body></html>",
           &a);
    ok(a.source == NULL || strcmp(a.source, "The Discount Gazette") != 0,
       "a logo block after the story's text is no provider");
    article_clear(&a);
    ingest("/t/p3.html",
           "<html><head><title>Late vote on the budget</title>"
           "<meta property=\"article:published_time\" content=\"2024-03-05T03:40:00Z\"></head>"
           "<body><article><h1>Late vote on the budget</h1>"
           "<p class=\"dateline\">March 4, 2024 10:40 PM EST</p>"
           "<p>The board voted late on Monday night to send the budget to the voters.</p>"
           "</article></body></html>",
           &a);
    is_str(a.published, "2024-03-04", "a UTC time on the next day: the printed day");
    article_clear(&a);
    ingest("/t/p4.html",
           "<html><head><title>Early vote on the budget</title>"
           "<meta property=\"article:published_time\" content=\"2024-03-05T15:40:00Z\"></head>"
           "<body><article><h1>Early vote on the budget</h1>"
           "<p class=\"dateline\">March 4, 2024</p>"
           "<p>The board voted on Tuesday to send the budget to the voters.</p>"
           "</article></body></html>",
           &a);
    is_str(a.published, "2024-03-05", "a UTC time in the afternoon keeps its day");
    article_clear(&a);
}

static void
test_lines(void)
{
    struct article a;
    ingest("/t/l1.txt",
           "Page 2 \xe2\x80\x94 The Prairie Clarion \xe2\x80\x94 Friday, October 3, 1952\n\n"
           "New Grain Elevator Opens\n\n"
           "The co-operative's new grain elevator took in its first wagon loads yesterday.\n\n"
           "A dance will be held in the machine shed on Saturday.\n",
           &a);
    is_str(a.source, "The Prairie Clarion", "a running head's page number is no part of the name");
    is_str(a.published, "1952-10-03", "a running head's date");
    article_clear(&a);
    ingest("/t/l2.txt",
           "Prices rise fastest in the north\n\n"
           "Prices in the north rose faster than anywhere else last year.\n\n"
           "Chart: annual change in prices by region\nSource: ONS, 12 March 2024\n\n"
           "Shoppers said they were buying less.\n",
           &a);
    ok(a.published == NULL, "a chart's \"Source:\" date is the data's");
    ok(a.source == NULL, "a chart's \"Source:\" names the data's source");
    article_clear(&a);
    ingest("/t/l3.txt",
           "Prices rise fastest in the north\n\n"
           "Prices in the north rose faster than anywhere else last year.\n\n"
           "Source: The Lowland Tribune, 12 March 2024\n",
           &a);
    is_str(a.published, "2024-03-12", "a \"Source:\" line not under a chart keeps its date");
    article_clear(&a);
    ingest("/t/l4.txt",
           "Farmers switch to a new maize\nLusaka \xe2\x80\x94 4 March 2024\n\n"
           "Farmers in the south are switching to a drought-tolerant maize.\n\n"
           "Seed of the new variety has sold out in three districts.\n",
           &a);
    is_str(a.published, "2024-03-04", "\"Place \xe2\x80\x94 date\": the date");
    ok(a.source == NULL, "\"Place \xe2\x80\x94 date\": the place is no outlet");
    article_clear(&a);
}

int
main(void)
{
    if (fixture_open() != 0)
        return 1;
    test_mail();
    test_pages();
    test_lines();
    fixture_close();
    return done_testing();
}

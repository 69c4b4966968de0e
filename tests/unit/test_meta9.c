/*
 * test_meta9.c — unit tests for the shapes of issue 12's ninth metadata
 * pass (held-out set tests/extract/heldout_meta7): Italian, Portuguese,
 * Dutch and Polish dates and bylines, a place-and-date line, copyright
 * feet naming the outlet, word processors' pages, a reader view's link
 * as the address, a press clipping's header under a label, Evernote
 * exports. Every input is written here, in our words.
 */
#include "config.h"

#include "tests/unit/ingest_fixture.h"

static void
test_languages(void)
{
    struct article a;
    ingest("/t/l1.txt",
           "Nieuwe brug over de Maas gaat open\n\n"
           "woensdag 3 juli 2024, 09:10\n\n"
           "Door Anouk Visser en Bram Kok\n\n"
           "De nieuwe fietsbrug over de Maas gaat zaterdag open, een jaar later dan gepland, "
           "meldt de provincie.\n\n"
           "\xc2\xa9 2024 Maasdal Courant\n",
           &a);
    is_str(a.published, "2024-07-03", "nl: a Dutch weekday and month");
    is_str(a.byline, "Anouk Visser en Bram Kok", "nl: 'Door X en Y'");
    is_str(a.source, "Maasdal Courant", "nl: the copyright foot names the paper");
    article_clear(&a);
    ingest("/t/l2.txt",
           "Nowy most na Odrze otwarty\n\n"
           "Wroc\xc5\x82" "aw, 14 pa\xc5\xba" "dziernika 2024 r.\n\n"
           "Tekst: Ewa Zieli\xc5\x84ska / Zdj\xc4\x99" "cia: Jan Mazur\n\n"
           "Nowy most dla pieszych i rowerzyst\xc3\xb3w po\xc5\x82\xc4\x85" "czy\xc5\x82 w sobot\xc4\x99 "
           "dwa brzegi rzeki w centrum miasta.\n\n"
           "Copyright \xc2\xa9 Gazeta Nadodrza\xc5\x84ska 2024\n",
           &a);
    is_str(a.published, "2024-10-14", "pl: 'Place, day month year r.' with a Polish month");
    is_str(a.byline, "Ewa Zieli\xc5\x84ska", "pl: 'Tekst: X / Zdj\xc4\x99" "cia: Y' is X's byline");
    is_str(a.source, "Gazeta Nadodrza\xc5\x84ska", "pl: the year after the name is not the name");
    article_clear(&a);
    ingest("/t/l3.txt",
           "Bologna, nuovo tram in centro\n\n"
           "Aggiornato: 09/07/2024 12:30\n\n"
           "Di Chiara Longo e Luca Pini\n\n"
           "Il tram passer\xc3\xa0 per via Ugo Bassi dal 2026, ha detto il Comune, dopo due anni di lavori.\n\n"
           "\xc2\xa9 Riproduzione riservata \xe2\x80\x94 Il Corriere di Bologna Est\n",
           &a);
    is_str(a.published, "2024-07-09", "it: a numeric date after an Italian cue, day first");
    is_str(a.byline, "Chiara Longo e Luca Pini", "it: 'Di X e Y'");
    is_str(a.source, "Il Corriere di Bologna Est", "it: the name on the other side of the notice");
    article_clear(&a);
}

static void
test_pages(void)
{
    struct article a;
    ingest("/t/p1.html",
           "<html lang=\"pt-BR\"><head><title>Ponte reabre em Recife | Di\xc3\xa1rio do Capibaribe</title></head><body>"
           "<article><h1>Ponte reabre em Recife</h1>"
           "<p>Por Ana Lima</p><p>Publicado em 08/05/2024 - 10h15 \xc2\xb7 Atualizado h\xc3\xa1 3 horas</p>"
           "<p>A ponte da Boa Vista foi reaberta ao tr\xc3\xa2nsito nesta quarta-feira depois de seis meses "
           "de obras de refor\xc3\xa7o na estrutura antiga.</p></article></body></html>",
           &a);
    is_str(a.published, "2024-05-08", "pt: 'Publicado em' day first, a field after it");
    is_str(a.byline, "Ana Lima", "pt: 'Por X'");
    article_clear(&a);
    ingest("/t/p2.html",
           "<html><head><meta name=\"generator\" content=\"LibreOffice 24.2\">"
           "<meta name=\"author\" content=\"mkowal\"><title></title></head><body>"
           "<p><b>Library extends its evening hours</b></p>"
           "<p>By Petra Holm</p>"
           "<p>The central library will stay open until nine on weekdays from September, the "
           "council said, after a survey found students wanted somewhere quiet to work.</p>"
           "<p>\xc2\xa9 2024 The Eastfield Bugle. All rights reserved.</p></body></html>",
           &a);
    is_str(a.title, "Library extends its evening hours", "office: the bold paragraph is the title");
    is_str(a.byline, "Petra Holm", "office: the author tag is the document's, not a byline");
    is_str(a.source, "The Eastfield Bugle", "page: the copyright foot names the outlet");
    article_clear(&a);
    ingest("/t/p3.html",
           "<html><head><meta name=Generator content=\"Microsoft Word 16 (filtered)\">"
           "<title>Microsoft Word - story_final.docx</title></head><body>"
           "<p class=MsoTitle>Ferry timetable changes for winter</p>"
           "<p class=MsoNormal>The island ferry will run four crossings a day instead of six from "
           "November, the operator said, because fewer visitors travel in the cold months.</p>"
           "</body></html>",
           &a);
    is_str(a.title, "Ferry timetable changes for winter", "office: a file's name is no title");
    article_clear(&a);
    ingest("/t/p4.html",
           "<html><head><title>Tram line extended</title></head><body>"
           "<div class=\"top\"><a href=\"https://www.theguardian.com/uk-news/2024/jun/02/tram\">theguardian.com</a></div>"
           "<h1>Tram line extended</h1>"
           "<p>The tram line will be extended by two stops to reach the new hospital, the "
           "transport authority said on Sunday.</p></body></html>",
           &a);
    is_str(a.source, "The Guardian", "reader view: a link whose text is its host gives the address");
    article_clear(&a);
    ingest("/t/p5.html",
           "<html><head><title>Bridge repairs</title></head><body><h1>Bridge repairs</h1>"
           "<p>Council engineers will close the old bridge for repairs in May, and drivers can read "
           "more at <a href=\"https://www.nytimes.com/x\">nytimes.com</a> about similar work elsewhere "
           "in the state, which the council says it studied closely before deciding.</p></body></html>",
           &a);
    ok(a.source == NULL || strcmp(a.source, "The New York Times") != 0,
       "reader view: a link inside the text cites another site, it is no address");
    article_clear(&a);
    ingest("/t/p6.html",
           "<html><head><title>Harbour seals counted</title></head><body><h1>Harbour seals counted</h1>"
           "<figure><img src=\"s.jpg\"><figcaption><span>\xc2\xa9 2024 Coastal Press "
           "Agency</span></figcaption></figure><div class=\"photo-credit\">\xc2\xa9 Tern News Agency 2024</div>"
           "<p>Volunteers counted 412 harbour seals on the sandbanks this spring, the most since the "
           "count began, the wildlife trust said on Friday.</p></body></html>",
           &a);
    ok(a.source == NULL, "page: a picture's copyright credit names no outlet");
    article_clear(&a);
}

static void
test_clippings(void)
{
    struct article a;
    ingest("/t/c1.txt",
           "MEDIA CLIPPING\n\n"
           "Publication: Lakeland Courier\n"
           "Date: 21.03.2024\n"
           "Page: 12\n"
           "Author: Rosa Engel\n\n"
           "School roofs to get solar panels\n\n"
           "Twelve schools will get solar panels on their roofs this summer, the education board "
           "decided, paid for by a regional climate fund.\n",
           &a);
    is_str(a.published, "2024-03-21", "clipping: a dotted date in the header, day first");
    is_str(a.source, "Lakeland Courier", "clipping: the header under a label in capitals");
    is_str(a.byline, "Rosa Engel", "clipping: the header's author");
    article_clear(&a);
    ingest("/t/c2.enex",
           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<!DOCTYPE en-export SYSTEM \"http://xml.evernote.com/pub/evernote-export4.dtd\">\n"
           "<en-export export-date=\"20240601T100000Z\"><note><title>Dam release planned</title>"
           "<created>20240530T080000Z</created><note-attributes><author>me@example.org</author>"
           "<source-url>https://www.npr.org/sections/news/dam-release</source-url></note-attributes>"
           "<content><![CDATA[<en-note><div>The water authority will release water from the dam "
           "next week to make room for the spring melt, officials said on Tuesday.</div>"
           "</en-note>]]></content></note></en-export>\n",
           &a);
    is_str(a.title, "Dam release planned", "enex: the note's title when the page has none");
    is_str(a.source, "NPR", "enex: the source-url names the outlet");
    ok(a.published == NULL, "enex: the note's created date is not the article's");
    ok(in_body(&a, "release water from the dam"), "enex: the note's page is the text");
    article_clear(&a);
}

int
main(void)
{
    if (fixture_open() != 0)
        return 1;
    test_languages();
    test_pages();
    test_clippings();
    fixture_close();
    return done_testing();
}

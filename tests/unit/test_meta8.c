/*
 * test_meta8.c — unit tests for the shapes of issue 12's eighth metadata
 * pass (held-out set tests/extract/heldout_meta6): e-mails saved whole
 * (.eml: MIME parts, quoted-printable, base64, encoded words), news
 * database exports, PDF-to-text running heads, dates and bylines in
 * German, French and Spanish, site names around a <title>. Every input is
 * written here, in our words.
 */
#include "config.h"

#include "tests/unit/ingest_fixture.h"

static void
test_mail(void)
{
    struct article a;
    ingest("/t/m1.eml",
           "Received: from mx.example.net by mx2.example.net; Tue, 2 Jul 2024 08:00:03 +0000\n"
           "MIME-Version: 1.0\n"
           "From: \"Valley Note\" <news@valleynote.example>\n"
           "Subject: =?UTF-8?Q?Ferry_fares_rise_=E2=80=94_again?=\n"
           "Date: Tue, 2 Jul 2024 08:00:00 +0000\n"
           "Content-Type: multipart/alternative;\n"
           "\tboundary=\"xyz1\"\n\n"
           "--xyz1\n"
           "Content-Type: text/plain; charset=utf-8\n"
           "Content-Transfer-Encoding: quoted-printable\n\n"
           "By Ada Lindqvist\n\n"
           "The ferry company raised its fares by a tenth on Monday, the second ri=\n"
           "se this year, and said it would cut two evening crossings.\n\n"
           "--xyz1\n"
           "Content-Type: text/html; charset=utf-8\n\n"
           "<p>HTML copy of the same text</p>\n"
           "--xyz1--\n",
           &a);
    is_str(a.title, "Ferry fares rise \xe2\x80\x94 again", "mail: the encoded subject is the title");
    is_str(a.published, "2024-07-02", "mail: the Date header dates it");
    is_str(a.source, "Valley Note", "mail: the sender's name is the outlet");
    is_str(a.byline, "Ada Lindqvist", "mail: the byline in the text part");
    ok(in_body(&a, "the second rise this year"), "mail: a soft line break joins the word");
    ok(!in_body(&a, "HTML copy") && !in_body(&a, "xyz1") && !in_body(&a, "Content-Type"),
       "mail: the plain part alone, without MIME lines");
    article_clear(&a);
    ingest("/t/m2.eml",
           "Return-Path: <b@x.example>\n"
           "From: Harbour Weekly <w@harbourweekly.example>\n"
           "Subject: =?utf-8?B?VGlkZSBnYXVnZXMgZ28gb25saW5l?=\n"
           "Date: Fri, 5 Jul 2024 15:00:00 +0000\n"
           "Content-Type: text/html; charset=utf-8\n"
           "Content-Transfer-Encoding: base64\n\n"
           "PGh0bWw+PGJvZHk+PHA+VGhlIGhhcmJvdXIgYm9hcmQgcHV0IGl0cyB0aWRlIGdhdWdlcyBvbmxp\n"
           "bmUgb24gVGh1cnNkYXksIHNvIHRoYXQgZmlzaGVybWVuIGNhbiBjaGVjayB0aGUgd2F0ZXIgbGV2\n"
           "ZWwgZnJvbSBob21lLjwvcD48L2JvZHk+PC9odG1sPg==\n",
           &a);
    is_str(a.title, "Tide gauges go online", "mail: a base64 encoded word");
    ok(in_body(&a, "The harbour board put its tide gauges online"), "mail: a base64 HTML part read as a page");
    article_clear(&a);
    ingest("/t/m3.txt",
           "From: Jo Reader\n"
           "Subject: A note to myself\n\n"
           "Remember to call the council about the bins on Monday morning, before the "
           "collection changes take effect next week.\n",
           &a);
    ok(in_body(&a, "Remember to call"), "mail: From and Subject alone are a header block, not a message");
    article_clear(&a);
}

static void
test_exports(void)
{
    struct article a;
    ingest("/t/x1.txt",
           "Bakery chain to close six shops\n\n"
           "The Fenland Post (Cambridgeshire)\n"
           "June 4, 2024 Tuesday\n"
           "First Edition\n\n"
           "Copyright 2024 The Fenland Post All Rights Reserved\n\n"
           "Section: BUSINESS; Pg. 7\n"
           "Length: 240 words\n"
           "Byline: Ruth Eames and Tom Pell\n\n"
           "Body\n\n\n"
           "A family bakery chain will close six of its 20 shops by August, blaming the cost "
           "of flour and energy.\n\n"
           "Load-Date: June 6, 2024\n\n"
           "End of Document\n",
           &a);
    is_str(a.title, "Bakery chain to close six shops", "nexis: the first line is the title");
    is_str(a.published, "2024-06-04", "nexis: the paper's date, not the load date");
    is_str(a.source, "The Fenland Post", "nexis: the paper, less its place");
    ok(a.byline && strstr(a.byline, "Ruth Eames"), "nexis: the Byline field");
    ok(!in_body(&a, "Load-Date") && !in_body(&a, "Length:") && in_body(&a, "family bakery"),
       "nexis: fields out of the text, the text kept");
    article_clear(&a);
    ingest("/t/x2.txt",
           "HD   Rail freight volumes fall for a third month\n"
           "BY   By Ines Carvalho\n"
           "WC   300 words\n"
           "PD   9 July 2024\n"
           "SN   The Freight Review\n"
           "LA   English\n"
           "LP   Rail freight volumes fell for a third month in June, an industry group said.\n\n"
           "TD   Coal shipments led the decline.\n\n"
           "AN   Document FRTREV0020240709ek790000a\n",
           &a);
    is_str(a.title, "Rail freight volumes fall for a third month", "factiva: HD is the title");
    is_str(a.published, "2024-07-09", "factiva: PD dates it");
    is_str(a.source, "The Freight Review", "factiva: SN is the outlet");
    ok(in_body(&a, "Coal shipments") && !in_body(&a, "Document FRTREV"), "factiva: LP and TD are the text");
    article_clear(&a);
    ingest("/t/x3.txt",
           "Library to open on Sundays\n\n"
           "Author: Okafor, Grace\n"
           "Publication info: Lakeland Ledger ; Lakeland, Fla. 02 May 2024: B.2.\n\n"
           "Full text: The county library will open on Sunday afternoons from June.\n\n"
           "Publication title: Lakeland Ledger; Lakeland, Fla.\n"
           "Publication date: May 2, 2024\n"
           "Last updated: 2024-05-04\n",
           &a);
    is_str(a.source, "Lakeland Ledger", "proquest: the publication, less its place");
    is_str(a.published, "2024-05-02", "proquest: the publication date, not the update");
    is_str(a.byline, "Grace Okafor", "proquest: 'Last, First' as a name");
    article_clear(&a);
    ingest("/t/x4.txt",
           "Body\n\nThe museum's new wing shows how the body of a whale is kept for study, and "
           "the curators say it took four years.\n",
           &a);
    ok(in_body(&a, "The museum's new wing"), "nexis: a 'Body' line without Nexis fields is no record");
    article_clear(&a);
    ingest("/t/x5.txt",
           "HD   By the numbers: the harbour's busiest year (so far)\n"
           "BY   By Ines Carvalho\n"
           "PD   9 July 2024\n"
           "SN   The Freight Review\n"
           "LP   The harbour handled more containers last year than in any year before.\n",
           &a);
    is_str(a.title, "By the numbers: the harbour's busiest year (so far)",
           "factiva: a title keeps its 'By' and its parentheses");
    is_str(a.byline, "Ines Carvalho", "factiva: the byline loses its 'By'");
    article_clear(&a);
}

static void
test_languages(void)
{
    struct article a;
    ingest("/t/l1.txt",
           "Fähre fährt wieder nach Helgoland\n\n"
           "Nordsee-Kurier, 4. April 2024\n\n"
           "Von Jonas Albers und Lea Brandt\n\n"
           "Die Fähre nach Helgoland fährt nach der Winterpause wieder täglich, teilte die "
           "Reederei am Donnerstag mit.\n",
           &a);
    is_str(a.source, "Nordsee-Kurier", "languages: 'Paper, date' under the headline names the paper");
    is_str(a.published, "2024-04-04", "languages: ... and dates it");
    is_str(a.byline, "Jonas Albers und Lea Brandt", "languages: 'Von X und Y' is a byline");
    article_clear(&a);
    ingest("/t/l2.txt",
           "Storm closes the harbour\n\n"
           "Washington, March 3, 2024\n\n"
           "The harbour was closed for a day while the storm passed over the coast, the "
           "port authority said on Sunday.\n",
           &a);
    ok(!a.source || strcmp(a.source, "Washington") != 0, "languages: a place before a date is no outlet");
    article_clear(&a);
    ingest("/t/l3.txt",
           "Le marché couvert rouvre ses portes\n\n"
           "L'Écho de la Vallée\n"
           "Mardi 9 avril 2024\n\n"
           "Par Anne Morel et Luc Caron\n\n"
           "Après deux ans de travaux, le marché couvert a rouvert mardi avec quarante "
           "commerçants, a annoncé la mairie.\n",
           &a);
    is_str(a.published, "2024-04-09", "languages: a French weekday before the date");
    is_str(a.source, "L'Écho de la Vallée", "languages: the paper's name between headline and date");
    is_str(a.byline, "Anne Morel et Luc Caron", "languages: 'Par X et Y' is a byline");
    article_clear(&a);
}

static void
test_titles_and_pages(void)
{
    struct article a;
    ingest("/t/w1.html",
           "<html><head><title>Bridge reopens after six months - Lakeside Ledger - Local</title>"
           "<meta name=\"pubdate\" content=\"20240611\"></head><body>"
           "<h1>Bridge reopens after six months</h1>"
           "<p>The bridge over the river reopened to traffic on Tuesday after six months of "
           "repairs to its deck and railings, the county said.</p></body></html>",
           &a);
    is_str(a.source, "Lakeside Ledger", "pages: the site's name in the middle of <title>");
    is_str(a.published, "2024-06-11", "pages: an eight-digit date meta tag");
    article_clear(&a);
    ingest("/t/w2.html",
           "<html><head><title>Hilltop Gazette: Library extends its opening hours</title></head><body>"
           "<h1>Library extends its opening hours</h1>"
           "<div class=\"story-date\">Posted 11/10/2023</div>"
           "<p>The library will stay open until nine on weekdays from January, the trustees "
           "decided at their meeting on Thursday evening.</p></body></html>",
           &a);
    is_str(a.source, "Hilltop Gazette", "pages: 'Site: Headline' names the site");
    is_str(a.published, "2023-11-10", "pages: 'Posted' with a numeric date under the headline");
    article_clear(&a);
    ingest("/t/w3.html",
           "<html lang=\"es\"><head><title>Abre el nuevo mercado</title></head><body>"
           "<h1>Abre el nuevo mercado</h1>"
           "<div class=\"fecha\">Sevilla - 8 de mayo de 2024 - 10:05 CET</div>"
           "<p>El nuevo mercado de abastos abrió este miércoles con sesenta puestos, según "
           "informó el ayuntamiento.</p></body></html>",
           &a);
    is_str(a.published, "2024-05-08", "pages: 'Place - date - time' under the headline");
    article_clear(&a);
}

static void
test_pdf_pages(void)
{
    struct article a;
    ingest("/t/d1.txt",
           "B2 | THE RIVERSIDE COURIER | FRIDAY, APRIL 5, 2024\n\n"
           "Ferry service\n"
           "to resume\n"
           "in the spring\n\n"
           "By Hal Moreno\n\n"
           "The county ferry will run again from May after a winter of repairs to its "
           "landing, the harbour master said on Thursday.\n\n"
           "RIVERSIDE COURIER                                   2\n",
           &a);
    is_str(a.title, "Ferry service to resume in the spring", "pdf: a headline over short lines joined");
    is_str(a.source, "THE RIVERSIDE COURIER", "pdf: the running head names the paper");
    is_str(a.published, "2024-04-05", "pdf: ... and its date");
    ok(!in_body(&a, "RIVERSIDE COURIER") && !in_body(&a, "B2 |"), "pdf: running heads and feet out of the text");
    article_clear(&a);
    ingest("/t/d2.txt",
           "Notes from the allotment\n\n"
           "Jane Hollis | Page 3\n\n"
           "The beans came up late this year, but the courgettes more than made up for "
           "them, and the tomatoes are still going.\n",
           &a);
    ok(!a.source || strcmp(a.source, "Jane Hollis") != 0, "pdf: a person's name by a folio is no paper");
    article_clear(&a);
}

static void
test_numeric_dates(void)
{
    struct article a;
    ingest("/t/n1.txt",
           "Cortes de agua en la comarca\n\n"
           "Diario de la Costa\n"
           "Actualizado: 03/02/2024 09:15\n\n"
           "Los embalses que abastecen a la comarca siguen por debajo de su capacidad, y el "
           "ayuntamiento pide a los vecinos que ahorren agua.\n",
           &a);
    is_str(a.published, "2024-02-03", "numeric: day first after a Spanish cue");
    is_str(a.source, "Diario de la Costa", "numeric: the paper above the cue line");
    article_clear(&a);
    ingest("/t/n2.txt",
           "Pool to open early\n\n"
           "Updated 5/6/2024\n\n"
           "The town pool will open two weeks early this year because of the heat, the parks "
           "department said on Monday.\n",
           &a);
    is_str(a.published, "2024-05-06", "numeric: month first after an English cue");
    article_clear(&a);
    ingest("/t/n3.txt",
           "Zoning board rejects the plan\n\n"
           "The zoning board voted on Tuesday night to reject a plan for a tall building on "
           "the old mill site, after residents objected to its height.\n\n"
           "Copyright (c)2024 The Upland Times, Edition 3/13/2024\n",
           &a);
    is_str(a.published, "2024-03-13", "numeric: an e-edition's copyright foot dates the copy");
    article_clear(&a);
}

int
main(void)
{
    if (fixture_open() != 0)
        return 1;
    test_mail();
    test_exports();
    test_languages();
    test_titles_and_pages();
    test_pdf_pages();
    test_numeric_dates();
    fixture_close();
    return done_testing();
}

/*
 * test_meta6.c — unit tests for the shapes of issue 12's sixth metadata
 * pass (held-out set tests/extract/heldout_meta4): e-mail newsletters saved
 * as text, NITF and NewsML-G2 files, notes of newsletters, wire desks,
 * galleries and updates, dates no tag states (microdata, a Unix time in an
 * attribute, "Submitted by X on", "Last modified"), wire slugs, stamps and
 * "(AGENCY) - PLACE, MON D -" datelines, "first published" credits and
 * read-later "Saved on" lines. Every input is written here, in our words.
 */
#include "config.h"

#include "tests/unit/ingest_fixture.h"

static void
test_mail(void)
{
    struct article a;
    ingest("/t/m1.txt",
           "---------- Forwarded message ---------\n"
           "From: Guardian Today <newsletters@email.theguardian.com>\n"
           "Sent: Thursday, May 9, 2024 6:10 AM\n"
           "Subject: Fwd: Rail fares to rise by less than inflation\n"
           "To: <someone@example.org>\n\n"
           "Having trouble viewing this email? View it in your browser.\n\n"
           "Regulated rail fares in England will rise by 3% next year, the transport department "
           "said on Wednesday, below the rate of inflation for the first time in a decade.\n\n"
           "Passenger groups said the rise would still hurt commuters on long routes.\n\n"
           "You are receiving this email because you signed up for Guardian Today.\n",
           &a);
    is_str(a.title, "Rail fares to rise by less than inflation", "mail: the subject is the title");
    is_str(a.published, "2024-05-09", "mail: Sent is the date");
    is_str(a.source, "The Guardian", "mail: the sender's domain names the outlet");
    ok(!in_body(&a, "viewing this email") && !in_body(&a, "receiving this email"),
       "mail: notes about the e-mail are furniture");
    ok(in_body(&a, "Passenger groups said"), "mail: the text stays");
    article_clear(&a);
    ingest("/t/m2.txt",
           "From: Ada Pryce from The Harbour Note <harbournote@newsletters.example>\n"
           "Date: Mon, 6 May 2024 07:00:00 +0000\n"
           "Subject: The ferry contract nobody read\n\n"
           "The council signed a ten-year ferry contract in March without a public tender, "
           "papers released on Friday show.\n",
           &a);
    is_str(a.source, "The Harbour Note", "mail: 'Name from Publication' gives the outlet");
    is_str(a.byline, "Ada Pryce", "mail: ... and the writer");
    article_clear(&a);
    ingest("/t/m3.txt",
           "From: Tomas Brandt <tomas.brandt@mailbox.example>\n"
           "Date: Mon, 6 May 2024 07:00:00 +0000\n"
           "Subject: Notes from the council meeting\n\n"
           "The council agreed to repair the harbour wall before the winter storms arrive.\n",
           &a);
    ok(a.source == NULL, "mail: a person's name is no outlet (got %s)", a.source ? a.source : "none");
    article_clear(&a);
}

static void
test_news_xml(void)
{
    struct article a;
    ok(ingest("/t/n.xml",
              "<?xml version=\"1.0\"?>\n<nitf><head><docdata><date.issue norm=\"20010914T000000\"/>"
              "<doc.copyright holder=\"The Lakeside Courier\"/></docdata></head><body><body.head>"
              "<hedline><hl1>Ferry service resumes after storm</hl1></hedline>"
              "<byline>By <person>Mara Quist</person></byline></body.head><body.content>"
              "<p>Ferries to the islands ran again on Thursday after three days of gales.</p>"
              "<p>The operator said timetables would return to normal by Saturday.</p>"
              "</body.content></body></nitf>\n",
              &a) == 0,
       "nitf: read");
    is_str(a.title, "Ferry service resumes after storm", "nitf: title from hl1");
    is_str(a.published, "2001-09-14", "nitf: date from date.issue");
    is_str(a.source, "The Lakeside Courier", "nitf: outlet from doc.copyright");
    ok(a.byline && strstr(a.byline, "Mara Quist"), "nitf: byline from person");
    ok(in_body(&a, "timetables would return"), "nitf: paragraphs are the text");
    article_clear(&a);
    ok(ingest("/t/g.xml",
              "<?xml version=\"1.0\"?>\n<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"
              "<itemMeta><provider literal=\"Valley Wire\"/></itemMeta><contentMeta>"
              "<contentCreated>2023-02-01T09:00:00Z</contentCreated><creator literal=\"Ines Roa\"/>"
              "<headline>Snow closes mountain pass</headline></contentMeta><contentSet>"
              "<inlineXML><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>The pass closed "
              "at dawn after heavy snow, police said.</p></body></html></inlineXML></contentSet>"
              "</newsItem>\n",
              &a) == 0,
       "newsml: read");
    is_str(a.title, "Snow closes mountain pass", "newsml: headline");
    is_str(a.published, "2023-02-01", "newsml: contentCreated");
    is_str(a.source, "Valley Wire", "newsml: provider");
    article_clear(&a);
}

static void
test_notes(void)
{
    struct article a;
    ingest("/t/n1.txt",
           "Library to open on Sundays\n\n"
           "This story has been updated to add comments from the mayor.\n\n"
           "The central library will open on Sundays from June, the city said.\n\n"
           "Photo 2 of 6\n\n"
           "Readers queue outside the library on its reopening day.\n\n"
           "(Adds mayor's comments in paragraph 4)\n\n"
           "Eds: Moves on state wires.\n\n"
           "The mayor said the extra hours would cost about $200,000 a year.\n\n"
           "Volunteers shelve returned books on Saturday. CITY PHOTO: RUTH OKONJO\n\n"
           "Library Services, 4 Mill Lane, Norwich NR2 1TL\n",
           &a);
    ok(!in_body(&a, "has been updated"), "notes: an update note is metadata");
    ok(!in_body(&a, "Photo 2 of 6") && !in_body(&a, "Readers queue"),
       "notes: a gallery counter and its caption go");
    ok(!in_body(&a, "(Adds mayor") && !in_body(&a, "Eds:"), "notes: desk notes go");
    ok(in_body(&a, "extra hours would cost"), "notes: the text stays");
    ok(!in_body(&a, "Volunteers shelve"), "notes: a caption ending in a credit in capitals goes");
    ok(!in_body(&a, "Mill Lane"), "notes: an address ending in a postcode goes");
    article_clear(&a);
}

static void
test_wire_dates(void)
{
    struct article a;
    ingest("/t/w1.txt",
           "AP-US-Bridge-Repairs, 2nd Ld-Writethru,0388\n"
           "11-04-23 1402EST\n"
           "State to close river bridge for repairs\n"
           "HARTFORD, Conn. (AP) _ The state will close the river bridge for six weeks of "
           "repairs starting in March, officials said Saturday.\n",
           &a);
    is_str(a.title, "State to close river bridge for repairs", "wire: the slug is no title");
    is_str(a.published, "2023-11-04", "wire: the transmission stamp dates it");
    article_clear(&a);
    ingest("/t/w2.txt",
           "Dairy exports climb\n"
           "(ANSA) - MILAN, APR 2 - Italy's cheese exports rose 9% in the first quarter, the "
           "farmers' association said on Tuesday.\n",
           &a);
    ok(a.published == NULL && a.day_month && strcmp(a.day_month, "04-02") == 0,
       "wire: '(ANSA) - MILAN, APR 2 -' keeps month and day (%s)",
       a.day_month ? a.day_month : "none");
    article_clear(&a);
    ingest("/t/w3.txt",
           "Province to hire 200 paramedics\n"
           "HALIFAX — The province will hire 200 paramedics over two years, the health "
           "minister said Monday, to cut waits at emergency rooms.\n"
           "This report by The Canadian Press was first published Oct. 2, 2023.\n",
           &a);
    is_str(a.published, "2023-10-02", "wire: 'was first published' dates it");
    ok(!in_body(&a, "first published"), "wire: ... and is no text");
    article_clear(&a);
    ingest("/t/r1.txt",
           "Saved from www.theguardian.com\nSaved on 3 Jun 2024\n\n"
           "Councils warn of pothole backlog\n\n"
           "Councils in England say it would take 11 years to clear the backlog of road repairs, "
           "according to a survey published on Tuesday.\n",
           &a);
    is_str(a.title, "Councils warn of pothole backlog", "reader: 'Saved on' is no title");
    ok(a.published == NULL, "reader: the saving's date is not the article's");
    is_str(a.source, "The Guardian", "reader: 'Saved from' names the outlet");
    article_clear(&a);
}

static void
test_page_dates(void)
{
    struct article a;
    ingest("/t/p1.html",
           "<!DOCTYPE html><html><head><title>Dunes fenced off to protect nesting birds</title>"
           "</head><body><h1>Dunes fenced off to protect nesting birds</h1>"
           "<div class=\"ts\"><span data-timestamp=\"1714557600000\"></span></div>"
           "<article><p>Rangers have fenced off part of the dunes at the north beach so that "
           "plovers can nest undisturbed through the summer months, the park service said.</p>"
           "<p>Walkers are asked to keep dogs on a lead along the marked paths.</p></article>"
           "</body></html>",
           &a);
    is_str(a.published, "2024-05-01", "page: a Unix time in data-timestamp");
    article_clear(&a);
    ingest("/t/p2.html",
           "<!DOCTYPE html><html><head><title>Harbour dredging starts</title></head><body>"
           "<div itemscope itemtype=\"https://schema.org/NewsArticle\">"
           "<meta itemprop=\"datePublished\" content=\"2022-08-30\">"
           "<h1 itemprop=\"headline\">Harbour dredging starts</h1><div itemprop=\"articleBody\">"
           "<p>Dredging of the harbour mouth began on Tuesday and will take about a month, the "
           "port company said, deepening the channel for larger ships.</p></div></div>"
           "</body></html>",
           &a);
    is_str(a.published, "2022-08-30", "page: microdata's datePublished");
    article_clear(&a);
    ingest("/t/p3.html",
           "<!DOCTYPE html><html><head><title>Market hall reopens</title></head><body>"
           "<h1>Market hall reopens</h1><div class=\"meta\">Submitted by Ola Berg on "
           "Tue, 04/09/2024 - 09:15</div><div class=\"content\"><p>The market hall reopened "
           "on Monday after a two-year renovation that replaced its roof and floor, and "
           "forty traders moved back in.</p></div></body></html>",
           &a);
    is_str(a.published, "2024-04-09", "page: 'Submitted by X on' a numeric date");
    is_str(a.byline, "Ola Berg", "page: ... and its name");
    article_clear(&a);
}

int
main(void)
{
    if (fixture_open() != 0)
        return 1;
    test_mail();
    test_news_xml();
    test_notes();
    test_wire_dates();
    test_page_dates();
    fixture_close();
    return done_testing();
}

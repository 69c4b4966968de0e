/*
 * test_meta10.c — unit tests for the shapes of issue 12's tenth metadata
 * pass (held-out set tests/extract/heldout_meta8): dates a page's script
 * records (an epoch, an ISO time; none when the scripts give several
 * days), an author page's address, a shortened social headline under a
 * longer <h1>, a name-classed element beside the date, release datelines ("/ SERVICE /", "- (SERVICE) -", a page's
 * "--(SERVICE)--"), a release's "SOURCE: Company Inc." (no outlet), an
 * address in a dateline, Indonesian dates, bylines and outlet words,
 * German and French numeric date lines with "Uhr" and "à 18h42", "Place /
 * date", "Name | Role" in Spanish, RSS 1.0's dc:publisher. Every input is
 * written here, in our words.
 */
#include "config.h"

#include "tests/unit/ingest_fixture.h"

static void
test_scripts(void)
{
    struct article a;
    ingest("/t/s1.html",
           "<html><head><title>Dam repairs finish early</title>"
           "<script>var st = {\"story\":{\"firstPublished\":1717243200,\"modifiedAt\":1717300000}};</script>"
           "</head><body><article><h1>Dam repairs finish early</h1>"
           "<p>Crews finished the spillway repairs two weeks ahead of schedule, the water board said.</p>"
           "<p>The reservoir will be refilled over the summer.</p></article></body></html>",
           &a);
    is_str(a.published, "2024-06-01", "an epoch under a publication key in a script's state");
    article_clear(&a);
    ingest("/t/s2.html",
           "<html><head><title>Orchard frost losses counted</title>"
           "<script>dataLayer.push({'publish_date': '2024-04-09T06:00:00Z', 'site_name': 'Fruit Belt Weekly', "
           "'author_name': 'Lorna Quist'});</script>"
           "</head><body><article><h1>Orchard frost losses counted</h1>"
           "<p>Growers lost about a third of the apricot crop to last week's frost, a survey found.</p>"
           "</article></body></html>",
           &a);
    is_str(a.published, "2024-04-09", "an ISO time in an analytics push");
    is_str(a.source, "Fruit Belt Weekly", "the push's site name");
    is_str(a.byline, "Lorna Quist", "the push's author name when the page shows none");
    article_clear(&a);
    ingest("/t/s3.html",
           "<html><head><title>Opinion front</title>"
           "<script>var s = [{\"firstPublished\":\"2021-03-02T10:00:00Z\"},"
           "{\"firstPublished\":\"2023-11-20T08:00:00Z\"}];</script>"
           "</head><body><main><h1>Opinion front</h1>"
           "<p>Columns and letters from our readers, updated through the day.</p></main></body></html>",
           &a);
    ok(a.published == NULL, "scripts giving several days (a section's front): no date");
    article_clear(&a);
}

static void
test_pages(void)
{
    struct article a;
    ingest("/t/p1.html",
           "<html><head><title>Ferry timetable | Bay Islander</title>"
           "<link rel=\"author\" href=\"https://bay.example/author/marta-lindgren/\">"
           "<meta property=\"og:title\" content=\"Ferries cut back\"></head><body>"
           "<article><h1>Ferries cut back to four crossings a day for the winter</h1>"
           "<p>The island ferry will make four crossings a day from November, down from seven.</p>"
           "</article></body></html>",
           &a);
    is_str(a.byline, "Marta Lindgren", "rel=author's address names the author");
    is_str(a.title, "Ferries cut back to four crossings a day for the winter",
           "the longer <h1> over the shortened og:title");
    article_clear(&a);
    ingest("/t/p2.html",
           "<html><head><title>Ferries cut back</title>"
           "<link rel=\"author\" href=\"https://bay.example/author/1234/\">"
           "<meta property=\"og:title\" content=\"Winter ferry timetable announced\"></head><body>"
           "<article><h1>Timetable</h1><p>The island ferry will make four crossings a day from "
           "November, down from seven.</p></article></body></html>",
           &a);
    ok(a.byline == NULL, "an author address with a number names no one");
    is_str(a.title, "Winter ferry timetable announced", "a shorter <h1> does not replace og:title");
    article_clear(&a);
    ingest("/t/p3.html",
           "<html><head><title>Kestrel Pumps Names New Chief Executive</title></head><body>"
           "<h1>Kestrel Pumps Names New Chief Executive</h1>"
           "<p>TULSA, Okla.--(BUSINESS WIRE)--Kestrel Pumps said on Monday that Irene Vasquez "
           "would become its chief executive in July.</p></body></html>",
           &a);
    is_str(a.source, "Business Wire", "a release page's '--(SERVICE)--' names the outlet");
    article_clear(&a);
    ingest("/t/p4.html",
           "<html><head><title>Night buses return to the river line</title></head><body>"
           "<h1>Night buses return to the river line</h1>"
           "<div class=\"info\"><span class=\"name\">Choi Min-seo</span> "
           "<span class=\"date\">Published 2024.05.20 09:12</span></div>"
           "<p>Night buses will run on the river line again from June, the transit office said.</p>"
           "</body></html>",
           &a);
    is_str(a.published, "2024-05-20", "'Published YYYY.MM.DD HH:MM'");
    is_str(a.byline, "Choi Min-seo", "a name-classed element beside the date is the writer");
    article_clear(&a);
}

static void
test_releases(void)
{
    struct article a;
    ingest("/t/r1.txt",
           "Pinecrest Water Opens Desalination Plant\n\n"
           "SAN DIEGO, CA / ACCESSWIRE / May 6, 2024 / Pinecrest Water Inc. opened its first "
           "desalination plant on Monday, the company said.\n\n"
           "The plant can treat five million gallons a day.\n\n"
           "SOURCE: Pinecrest Water Inc.\n",
           &a);
    is_str(a.published, "2024-05-06", "'PLACE / SERVICE / DATE /' dates the release");
    is_str(a.source, "Accesswire", "and names its service, not the issuing company");
    article_clear(&a);
    ingest("/t/r2.txt",
           "Sorano Motors Shows Hydrogen Truck\n\n"
           "NAGOYA, May 7, 2024 - (Harbour Newswire) - Sorano Motors showed a hydrogen-powered truck "
           "for city deliveries on Tuesday.\n\n"
           "Sales will begin next year.\n",
           &a);
    is_str(a.published, "2024-05-07", "'PLACE, DATE - (SERVICE) -' dates the release");
    is_str(a.source, "Harbour Newswire", "and names its service");
    article_clear(&a);
}

static void
test_languages(void)
{
    struct article a;
    ingest("/t/l1.txt",
           "Jalan tol baru dibuka untuk mudik\n\n"
           "Reporter: Indah Permata | Editor: Joko Susilo\n"
           "Selasa, 2 April 2024 | 08:30 WIB\n\n"
           "SEMARANG, WARTAJATENG.com \xe2\x80\x94 Ruas jalan tol baru sepanjang 24 kilometer dibuka "
           "sementara untuk arus mudik Lebaran mulai Selasa.\n\n"
           "Kendaraan pribadi boleh melintas tanpa biaya selama sepekan.\n",
           &a);
    is_str(a.published, "2024-04-02", "id: an Indonesian weekday and month");
    is_str(a.byline, "Indah Permata", "id: 'Reporter: X | Editor: Y' is X's byline");
    is_str(a.source, "WARTAJATENG.com", "id: 'PLACE, SITE.com \xe2\x80\x94' names the outlet");
    article_clear(&a);
    ingest("/t/l2.txt",
           "Neue Buslinie zum Flughafen\n\n"
           "Stand: 18.06.2024 16:40 Uhr\n\n"
           "Ab Juli f\xc3\xa4hrt eine neue Buslinie alle zwanzig Minuten vom Hauptbahnhof zum Flughafen.\n\n"
           "\xc2\xa9 2024 Harian Rakyat\n",
           &a);
    is_str(a.published, "2024-06-18", "de: 'Stand: date time Uhr'");
    is_str(a.source, "Harian Rakyat", "a name with an Indonesian outlet word");
    article_clear(&a);
    ingest("/t/l3.txt",
           "Le tramway prolong\xc3\xa9 jusqu'\xc3\xa0 la gare\n\n"
           "Le 11/06/2024 \xc3\xa0 07h15\n\n"
           "Les travaux de prolongement du tramway commenceront en septembre, a annonc\xc3\xa9 la "
           "m\xc3\xa9tropole.\n",
           &a);
    is_str(a.published, "2024-06-11", "fr: 'Le DD/MM/YYYY \xc3\xa0 HHhMM', day first");
    article_clear(&a);
    ingest("/t/l4.txt",
           "Abre el nuevo mercado de abastos\n\n"
           "Rosa Medina | Redactora\n"
           "Le\xc3\xb3n / 03.05.2024 10:20\n\n"
           "El nuevo mercado de abastos abri\xc3\xb3 sus puertas este viernes con 120 puestos.\n",
           &a);
    is_str(a.published, "2024-05-03", "es: 'Place / DD.MM.YYYY'");
    is_str(a.byline, "Rosa Medina", "es: 'Name | Role'");
    article_clear(&a);
}

static void
test_feeds(void)
{
    const char *rdf =
        "<?xml version=\"1.0\"?>\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
        "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<item rdf:about=\"https://valley.example/a1\"><title>Snowpack below average</title>"
        "<link>https://valley.example/a1</link>"
        "<description>The spring snowpack measured 70 percent of the long-run average, the survey "
        "office said on Friday.</description>"
        "<dc:date>2024-04-05T12:00:00Z</dc:date><dc:publisher>Valley Snow Report</dc:publisher>"
        "</item></rdf:RDF>\n";
    struct feed f;
    struct ds_error err;
    is_int(ingest_feed_read(rdf, strlen(rdf), &f, &err), 0, "RSS 1.0: the feed reads");
    is_str(f.n ? f.items[0].source : NULL, "Valley Snow Report", "RSS 1.0: dc:publisher is the outlet");
    feed_clear(&f);
}

int
main(void)
{
    if (fixture_open() != 0)
        return 1;
    test_scripts();
    test_pages();
    test_releases();
    test_languages();
    test_feeds();
    fixture_close();
    return done_testing();
}

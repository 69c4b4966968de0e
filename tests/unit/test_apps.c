/*
 * test_apps.c — what apps and live pages add around an article
 * (clean_apps.c) and page furniture in other languages (clean_langs.c):
 * mail and news apps' signatures, a forwarded message's header block, a
 * read-later app's shell, a live page's toggles and its key-events list,
 * an embedded post's bare time, a player's speed row and fallback,
 * translation and AI-summary notes with the box's heading; "Anzeige",
 * "Lesen Sie auch:", "Lire aussi :", "Te puede interesar:"; and the story
 * lines that look like them and must stay; a narrow column under a wider
 * running head rejoined (doc.c). Every text is ours.
 */
#include "config.h"

#include "tests/unit/ingest_fixture.h"

/* Is line gone from the body and listed as removed (for any reason)? */
static int
gone(const struct article *a, const char *line)
{
    return a->removed && strstr(a->removed, line) && !in_body(a, line);
}

static void
test_shared(void)
{
    struct article a;
    if (ingest("/t/shared.txt",
               "Ferry company orders two electric boats\n\n"
               "---------- Forwarded message ---------\n"
               "From: Coast Brief <brief@coast.example>\n"
               "Date: Mon, 3 Mar 2025 at 06:30\n"
               "Subject: Ferry company orders two electric boats\n\n"
               "The island's ferry company has ordered two battery-powered boats for its "
               "shortest crossing, at a cost of 31 million euros.\n\n"
               "Sent from my sister, the ferry's captain said, the first photographs of the "
               "hull drew 4,000 replies.\n\n"
               "Subscribers to the company's season ticket rose to 9,000 last year.\n\n"
               "Shared via Google News\n\n"
               "Sent from my iPhone\n\n"
               "Open in the app for the best experience\n",
               &a) != 0)
        return;
    ok(gone(&a, "---------- Forwarded message ---------"), "a forwarded message's marker goes");
    ok(gone(&a, "From: Coast Brief <brief@coast.example>") &&
           gone(&a, "Date: Mon, 3 Mar 2025 at 06:30"),
       "the header fields under it go");
    ok(gone(&a, "Shared via Google News"), "a news app's share line goes");
    ok(gone(&a, "Sent from my iPhone"), "a mail app's signature goes");
    ok(gone(&a, "Open in the app for the best experience"), "an app's open prompt goes");
    ok(in_body(&a, "Sent from my sister, the ferry's captain said"), "a sentence opening \"Sent from my\" stays");
    ok(in_body(&a, "Subscribers to the company's season ticket rose"), "\"Subscribers to ...\" stays");
    article_clear(&a);
}

static void
test_live(void)
{
    struct article a;
    if (ingest("/t/live.md",
               "# Live: Council sets its budget\n\n"
               "- [18:05 Budget passes by 31 votes to 20](#p2)\n"
               "- [17:10 Leader opens the debate](#p1)\n\n"
               "[Show key events only](#)\n\n"
               "**18:05 GMT**\n\n"
               "### Budget passes by 31 votes to 20\n\n"
               "Councillors passed the budget by 31 votes to 20 after a debate of four hours.\n\n"
               "**17:10 GMT**\n\n"
               "### Leader opens the debate\n\n"
               "Listen, the council's leader told the chamber, to what residents asked for.\n\n"
               "Please turn on JavaScript. Live updates are disabled.\n\n"
               "[Refresh](#) · [Load more](#)\n",
               &a) != 0)
        return;
    ok(gone(&a, "18:05 Budget passes by 31 votes to 20"), "a key event's stamped headline goes");
    ok(in_body(&a, "Budget passes by 31 votes to 20"), "the entry's own headline stays");
    ok(gone(&a, "Show key events only"), "the key-events toggle goes");
    ok(gone(&a, "Please turn on JavaScript. Live updates are disabled."), "the script notice goes");
    ok(gone(&a, "Refresh"), "a row of live controls goes");
    ok(in_body(&a, "Listen, the council's leader told the chamber"), "\"Listen, ...\" stays");
    article_clear(&a);
}

static void
test_notes(void)
{
    struct article a;
    if (ingest("/t/notes.txt",
               "Growers count the cost of a late frost\n\n"
               "This article was translated from Spanish.\n\n"
               "Summary\n\n"
               "Frost took a third of the buds\n\n"
               "AI-generated summary. Check the full article for details.\n\n"
               "A frost in late April destroyed about a third of the buds in the region, "
               "growers said on Tuesday.\n\n"
               "Listen to this article\n\n"
               "0.75x 1x 1.5x\n\n"
               "Your browser does not support the audio element.\n\n"
               "Embedded post\n\n"
               "9:14 AM \xc2\xb7 Mar 12, 2025\n\n"
               "The company's AI summary tool produced errors in March, its chief executive "
               "said on Friday.\n\n"
               "Was this article helpful? Yes No\n",
               &a) != 0)
        return;
    ok(gone(&a, "This article was translated from Spanish."), "a translation note goes");
    ok(gone(&a, "AI-generated summary. Check the full article for details."), "an AI-summary note goes");
    ok(gone(&a, "Summary"), "the box's heading above the note goes");
    ok(gone(&a, "0.75x 1x 1.5x"), "a player's speed row goes");
    ok(gone(&a, "Your browser does not support the audio element."), "a player's fallback goes");
    ok(gone(&a, "9:14 AM"), "an embedded post's bare time and date go");
    ok(gone(&a, "Was this article helpful? Yes No"), "a feedback row goes");
    ok(in_body(&a, "The company's AI summary tool produced errors in March"),
       "a sentence reporting on an AI summary stays");
    article_clear(&a);
}

static void
test_languages(void)
{
    struct article a;
    if (ingest("/t/de.txt",
               "Stadt baut zwei neue Brücken\n\n"
               "Die Stadt baut bis 2028 zwei neue Brücken über den Fluss, hat der Rat am "
               "Dienstag beschlossen.\n\n"
               "Anzeige\n\n"
               "Lesen Sie auch: Neue Buslinie fährt ab März\n\n"
               "Anzeige gegen die Stadt hat ein Anwohner bereits erstattet.\n\n"
               "Lire aussi : Le pont rouvre en juin\n\n"
               "Te puede interesar: El metro abre de noche\n\n"
               "Publicidad engañosa fue el motivo de la multa.\n\n"
               "Compartir en WhatsApp\n\n"
               "Jetzt weiterlesen mit Plus\n",
               &a) != 0)
        return;
    ok(gone(&a, "Lesen Sie auch: Neue Buslinie"), "a German related run-in goes");
    ok(gone(&a, "Lire aussi : Le pont"), "a French related run-in goes");
    ok(gone(&a, "Te puede interesar: El metro"), "a Spanish related run-in goes");
    ok(gone(&a, "Compartir en WhatsApp"), "a Spanish share link goes");
    ok(gone(&a, "Jetzt weiterlesen mit Plus"), "a German paywall line goes");
    ok(in_body(&a, "Anzeige gegen die Stadt"), "a sentence opening \"Anzeige\" stays");
    ok(in_body(&a, "Publicidad engañosa fue"), "a sentence opening \"Publicidad\" stays");
    ok(a.removed && strstr(a.removed, "label\tAnzeige\n"), "\"Anzeige\" alone goes as a label");
    article_clear(&a);
}

/* A narrow column under a wider running head (doc.c): the head's width is
 * not the column's, so the column is still read as hard-wrapped. */
static void
test_narrow_column(void)
{
    struct article a;
    if (ingest("/t/column.txt",
               "Winter 2025 | VALLEY QUARTERLY                                         9\n\n"
               "THE LAST FERRYMAN\n\n"
               "The ferry has crossed the loch by cable\n"
               "since 1921, and its keeper has worked it\n"
               "for the last 30 of those years, in all\n"
               "weathers but the worst winter storms.\n\n"
               "He and his wife, both now in their seven-\n"
               "ties, have had two offers for the croft,\n"
               "both from buyers who want to build holi-\n"
               "day lets on the shore.\n\n"
               "10                                         VALLEY QUARTERLY | Winter 2025\n\n"
               "A trust formed by neighbours hopes to\n"
               "raise enough to keep the crossing open.\n",
               &a) != 0)
        return;
    ok(in_body(&a, "both now in their seventies, have had two offers for the croft, both from "
                   "buyers who want to build holiday lets on the shore."),
       "a narrow column's sentence is whole again under a wider running head");
    article_clear(&a);
}

int
main(void)
{
    if (fixture_open() != 0)
        return 1;
    test_shared();
    test_live();
    test_notes();
    test_languages();
    test_narrow_column();
    fixture_close();
    return done_testing();
}

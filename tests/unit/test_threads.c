/*
 * test_threads.c — furniture of boards, blogs and podcast pages
 * (clean_threads.c), of widgets and page tools (clean_widgets.c), told by
 * its place (clean_zones.c), and in Swedish, Polish, Russian, Japanese
 * and Indonesian (clean_langs.c); and the story lines that look like
 * them and must stay. The place rules are tested with controls no table
 * names. Every text is ours.
 */
#include "config.h"

#include "tests/unit/ingest_fixture.h"

/* Is line gone from the body and listed as removed (for any reason)? */
static int
gone(const struct article *a, const char *line)
{
    return a->removed && strstr(a->removed, line) && !has_line(a->body, line);
}

static void
test_board(void)
{
    struct article a;
    if (ingest("/t/board.txt",
               "Bridge to close for repairs next spring\n"
               "Post Reply\n"
               "5 posts \xe2\x80\xa2 Page 1 of 1\n"
               "Post by millrace \xc2\xbb Mon Dec 07, 2026 9:14 am\n"
               "The Wharf Street bridge will be closed for eleven weeks from 2 March while its "
               "bearings are replaced, the council said on Friday.\n"
               "Posts from the council's own account said buses would divert over the ring road.\n"
               "Top officials met the bus company on Monday.\n"
               "The council leader says:\n"
               "\"We will have the bridge open again by the summer holidays.\"\n"
               "millrace\n"
               "Posts: 312\n"
               "Joined: Tue Mar 14, 2017 6:40 pm\n"
               "Top\n"
               "level 1\n"
               "Roger Pim says:\n"
               "December 7, 2026 at 9:14 pm\n"
               "Eleven weeks means twenty, you watch.\n"
               "Users browsing this forum: No registered users and 3 guests\n",
               &a) != 0)
        return;
    ok(gone(&a, "Post Reply") && gone(&a, "Top") && gone(&a, "level 1"),
       "board: its buttons and a thread's depth go");
    ok(gone(&a, "5 posts \xe2\x80\xa2 Page 1 of 1"), "board: its pager goes");
    ok(gone(&a, "Posts: 312") && gone(&a, "Joined: Tue Mar 14, 2017 6:40 pm"),
       "board: a poster's profile fields go");
    ok(gone(&a, "Post by millrace \xc2\xbb Mon Dec 07, 2026 9:14 am"),
       "board: the poster's line with its time goes");
    ok(gone(&a, "Roger Pim says:") &&
           gone(&a, "Users browsing this forum: No registered users and 3 guests"),
       "board: a commenter's line over the comment's date and who is online go");
    ok(has_line(a.body, "The council leader says:"),
       "board: a story's line before a quotation stays (no date under it)");
    ok(in_body(&a, "Posts from the council's own account said buses would divert"),
       "board: a sentence opening with \"Posts\" stays");
    ok(in_body(&a, "Top officials met the bus company on Monday."),
       "board: a sentence opening with \"Top\" stays");
    article_clear(&a);
}

static void
test_transcript(void)
{
    struct article a;
    if (ingest("/t/episode.txt",
               "Why hospitals run out of beds in January\n\n"
               "This transcript was generated automatically and may contain errors.\n\n"
               "[00:00:09]\n\n"
               "HOST: Every January the same headline: hospitals full, patients in corridors.\n\n"
               "00:01:02\n\n"
               "NURSE: No.\n\n"
               "HOST: The transcript of the board meeting, released automatically on Friday, "
               "shows the cut was 8%, the minister said.\n\n"
               "Play episode\n\n"
               "Rate and review on your podcast app\n\n"
               "(rdi/ang)\n",
               &a) != 0)
        return;
    ok(gone(&a, "This transcript was generated automatically and may contain errors."),
       "transcript: the machine transcript's note goes");
    ok(gone(&a, "[00:00:09]") && gone(&a, "00:01:02"), "transcript: bare time codes go");
    ok(has_line(a.body, "NURSE: No."), "transcript: a speaker's one-word answer stays");
    ok(in_body(&a, "HOST: The transcript of the board meeting, released automatically"),
       "transcript: a sentence about a transcript stays");
    ok(gone(&a, "Play episode") && gone(&a, "Rate and review on your podcast app"),
       "podcast: the player's controls go");
    ok(gone(&a, "(rdi/ang)"), "a desk's initials go");
    article_clear(&a);
}

static void
test_widgets(void)
{
    struct article a;
    if (ingest("/t/widgets.txt",
               "Cheap air fryers use less power than ovens\n\n"
               "Every one of the 14 air fryers we tested used less electricity than a fan oven.\n\n"
               "Our pick\n\n"
               "\xc2\xa3" "49 at Argos\n\n"
               "Check price\n\n"
               "\xc2\xa3" "49 at Argos is the cheapest price we found for the smallest model.\n\n"
               "Quiz: How well do you know your kitchen?\n\n"
               "Question 1 of 10\n\n"
               "Download the full report (PDF, 2.4 MB)\n\n"
               "The full report (PDF) runs to 80 pages and was published on Tuesday.\n\n"
               "Water quality ........................ 8\n\n"
               "Continued overleaf\n\n"
               "Your gift of \xc2\xa3" "10 could help a family get advice on their rights.\n\n"
               "Registered charity number 1123456\n",
               &a) != 0)
        return;
    ok(gone(&a, "Our pick") && gone(&a, "\xc2\xa3" "49 at Argos") && gone(&a, "Check price"),
       "product box: its label and price links go");
    ok(in_body(&a, "\xc2\xa3" "49 at Argos is the cheapest price we found"),
       "product box: a sentence about a price stays");
    ok(gone(&a, "Quiz: How well do you know your kitchen?") && gone(&a, "Question 1 of 10"),
       "quiz: its question and counter go");
    ok(gone(&a, "Download the full report (PDF, 2.4 MB)"), "a file's download link goes");
    ok(in_body(&a, "The full report (PDF) runs to 80 pages"),
       "a sentence naming a PDF stays");
    ok(gone(&a, "Water quality ........................ 8") && gone(&a, "Continued overleaf"),
       "report: a contents line with dot leaders and the turn of page go");
    ok(gone(&a, "Your gift of \xc2\xa3" "10 could help a family get advice on their rights.") &&
           gone(&a, "Registered charity number 1123456"),
       "a gift appeal and a registration line go");
    article_clear(&a);
}

static void
test_zones(void)
{
    struct article a;
    if (ingest("/t/zones.txt",
               "Port strike ends after pay deal\n"
               "Workers at the port accept a rise of 9% over two years\n"
               "Clip this story\n"
               "Save\n"
               "Follow\n"
               "Zoom text\n"
               "Dockers voted to end their three-week strike on Monday after accepting a pay "
               "rise of 9% over two years.\n"
               "The strike held up about 140,000 containers, the port's owner said.\n"
               "Asked if they would strike again, the union's secretary paused.\n"
               "\xe2\x80\x9cNever.\xe2\x80\x9d\n"
               "Rate this story\n"
               "Tell us more\n"
               "Share\n"
               "Back to top\n",
               &a) != 0)
        return;
    ok(gone(&a, "Clip this story") && gone(&a, "Zoom text"),
       "zone: unknown controls among known ones above the first paragraph go");
    ok(in_body(&a, "Workers at the port accept a rise of 9% over two years"),
       "zone: the standfirst above the first paragraph stays");
    ok(gone(&a, "Rate this story") && gone(&a, "Tell us more"),
       "zone: unknown controls among known ones after the text go");
    ok(has_line(a.body, "\xe2\x80\x9cNever.\xe2\x80\x9d"), "zone: a one-word quoted answer stays");
    article_clear(&a);

    if (ingest("/t/cs.txt",
               "Přeskočit na obsah\n"
               "Domů\n"
               "Město zruší dvě autobusové linky\n"
               "Sdílet\n"
               "Facebook\n"
               "Twitter\n"
               "Tisk\n"
               "Město od ledna zruší dvě autobusové linky, které jezdí převážně prázdné, "
               "uvedl dopravní podnik.\n"
               "Úspora má činit 14 milionů korun ročně.\n",
               &a) != 0)
        return;
    ok(gone(&a, "Domů") && gone(&a, "Tisk"),
       "zone: one-word controls in a language no table knows go among known ones");
    ok(has_line(a.body, "Město zruší dvě autobusové linky") ||
           (a.title && strcmp(a.title, "Město zruší dvě autobusové linky") == 0),
       "zone: a headline among them stays (in the body or as the title)");
    article_clear(&a);

    if (ingest("/t/consent.txt",
               "K\xc3\xa4yt\xc3\xa4mme ev\xc3\xa4steit\xc3\xa4 sivuston toiminnan "
               "varmistamiseen.\n"
               "Hyv\xc3\xa4ksy\n"
               "Hylk\xc3\xa4\xc3\xa4\n"
               "Helsinki to ban studded tyres in the centre\n"
               "Helsinki will ban studded winter tyres from a zone in the city centre from 2028.\n",
               &a) != 0)
        return;
    ok(gone(&a, "Hyv\xc3\xa4ksy") && gone(&a, "Hylk\xc3\xa4\xc3\xa4"),
       "consent: a banner's buttons under it go, in any language");
    article_clear(&a);

    if (ingest("/t/report.txt",
               "Annual report 2026 | 3\n\n"
               "The storm overflows discharged for a total of 41,000 hours, a quarter more "
               "than in 2025.\n\n"
               "4 | Annual report 2026\n\n"
               "We carried out 1,260 inspections and opened 14 investigations this year.\n\n"
               "CONFIDENTIAL DRAFT NOT FOR DISTRIBUTION\n\n"
               "Fines came to \xc2\xa3" "18.5 million, the largest total yet.\n\n"
               "CONFIDENTIAL DRAFT NOT FOR DISTRIBUTION\n\n"
               "Results | 2026\n\n"
               "Complaints fell for the second year running, to 21,400.\n",
               &a) != 0)
        return;
    ok(gone(&a, "Annual report 2026 | 3") && gone(&a, "4 | Annual report 2026"),
       "running head: repeated with its folio on either side, every copy goes");
    ok(gone(&a, "CONFIDENTIAL DRAFT NOT FOR DISTRIBUTION"),
       "running head: a line in capitals on every page goes");
    ok(has_line(a.body, "Results | 2026"), "running head: a line seen once stays");
    article_clear(&a);
}

static void
test_languages(void)
{
    struct article a;
    if (ingest("/t/pl.txt",
               "Poci\xc4\x85gi do Zakopanego pojad\xc4\x85 szybciej\n"
               "Od 14 grudnia podr\xc3\xb3\xc5\xbc ma trwa\xc4\x87 2 godziny i 10 minut.\n"
               "Reklama\n"
               "Czytaj tak\xc5\xbc" "e: Nowe autobusy na lotnisko\n"
               "Reklama na przystankach b\xc4\x99" "dzie zakazana, poinformowa\xc5\x82 urz\xc4\x85" "d.\n"
               "Remont linii kosztowa\xc5\x82 ponad 1,2 mld z\xc5\x82.\n"
               "Komentarze (14)\n",
               &a) != 0)
        return;
    ok(gone(&a, "Czytaj tak\xc5\xbc" "e: Nowe autobusy na lotnisko"),
       "Polish: a related run-in goes");
    ok(gone(&a, "Komentarze (14)"), "Polish: a label with its count goes");
    ok(in_body(&a, "Reklama na przystankach b\xc4\x99" "dzie zakazana"),
       "Polish: a sentence opening with \"Reklama\" stays");
    ok(!has_line(a.body, "Reklama"), "Polish: the ad label alone goes");
    article_clear(&a);

    if (ingest("/t/ru.txt",
               "\xd0\x92 \xd0\xb3\xd0\xbe\xd1\x80\xd0\xbe\xd0\xb4\xd0\xb5 "
               "\xd0\xbe\xd1\x82\xd0\xba\xd1\x80\xd0\xbe\xd1\x8e\xd1\x82 "
               "\xd1\x82\xd1\x80\xd0\xb8 \xd0\xbb\xd0\xb8\xd0\xbd\xd0\xb8\xd0\xb8\n"
               "\xd0\x93\xd0\xbe\xd1\x80\xd0\xbe\xd0\xb4 \xd0\xbf\xd0\xbe\xd1\x81\xd1\x82\xd1\x80"
               "\xd0\xbe\xd0\xb8\xd1\x82 \xd1\x82\xd1\x80\xd0\xb8 \xd0\xbb\xd0\xb8\xd0\xbd\xd0\xb8"
               "\xd0\xb8 \xd0\xba 2028 \xd0\xb3\xd0\xbe\xd0\xb4\xd1\x83.\n"
               "\xd0\xa7\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 \xd1\x82\xd0\xb0\xd0\xba"
               "\xd0\xb6\xd0\xb5: \xd0\xa6\xd0\xb5\xd0\xbd\xd1\x8b \xd0\xbd\xd0\xb0 "
               "\xd0\xbf\xd1\x80\xd0\xbe\xd0\xb5\xd0\xb7\xd0\xb4\n"
               "\xd0\x9f\xd0\xbe\xd0\xb4\xd0\xb5\xd0\xbb\xd0\xb8\xd1\x82\xd1\x8c\xd1\x81\xd1\x8f\n",
               &a) != 0)
        return;
    ok(!in_body(&a, "\xd0\xa7\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5") &&
           !in_body(&a, "\xd0\x9f\xd0\xbe\xd0\xb4\xd0\xb5\xd0\xbb\xd0\xb8\xd1\x82\xd1\x8c"),
       "Russian: \"Read also:\" and \"Share\" go");
    ok(in_body(&a, "2028"), "Russian: the text stays");
    article_clear(&a);

    if (ingest("/t/ja.txt",
               "\xe5\xb8\x82\xe5\x96\xb6\xe3\x83\x90\xe3\x82\xb9\xe3\x80\x81"
               "3\xe8\xb7\xaf\xe7\xb7\x9a\xe3\x82\x92\xe5\xbb\x83\xe6\xad\xa2\n"
               "\xe5\xb8\x82\xe4\xba\xa4\xe9\x80\x9a\xe5\xb1\x80\xe3\x81\xaf" "7\xe6\x97\xa5\xe3\x80"
               "\x81\xe5\xb8\x82\xe5\x96\xb6\xe3\x83\x90\xe3\x82\xb9\xe3\x81\xae" "3\xe8\xb7\xaf\xe7"
               "\xb7\x9a\xe3\x82\x92\xe5\xbb\x83\xe6\xad\xa2\xe3\x81\x99\xe3\x82\x8b\xe3\x80\x82\n"
               "\xe5\xba\x83\xe5\x91\x8a\n"
               "\xe3\x80\x8c\xe3\x81\xaf\xe3\x81\x84\xe3\x80\x8d\n"
               "\xe5\xb1\x80\xe9\x95\xb7\xe3\x81\xaf\xe3\x81\x9d\xe3\x81\x86\xe7\xad\x94\xe3\x81"
               "\x88\xe3\x82\x8b\xe3\x81\x97\xe3\x81\x8b\xe3\x81\xaa\xe3\x81\x8b\xe3\x81\xa3\xe3"
               "\x81\x9f\xe3\x80\x82\n"
               "\xe6\xae\x8b\xe3\x82\x8a" "1268" "\xe6\x96\x87\xe5\xad\x97\n",
               &a) != 0)
        return;
    ok(gone(&a, "\xe5\xba\x83\xe5\x91\x8a") &&
           gone(&a, "\xe6\xae\x8b\xe3\x82\x8a" "1268" "\xe6\x96\x87\xe5\xad\x97"),
       "Japanese: the ad label and the paywall's count go");
    ok(has_line(a.body, "\xe3\x80\x8c\xe3\x81\xaf\xe3\x81\x84\xe3\x80\x8d"),
       "Japanese: a one-word answer in quotes stays");
    article_clear(&a);
}

int
main(void)
{
    if (fixture_open() != 0)
        return 1;
    test_board();
    test_transcript();
    test_widgets();
    test_zones();
    test_languages();
    fixture_close();
    return done_testing();
}

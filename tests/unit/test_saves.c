/*
 * test_saves.c — furniture told by shape and place that no word table
 * names (clean_saves.c, clean_zones.c's neighbours of a known control), a
 * short line a tool row repeats, a poll over its results button, pages
 * in Vietnamese, Greek, Korean and Arabic (clean_scripts.c); and the
 * story lines that look like them and must stay. Every text is ours.
 */
#include "config.h"

#include "tests/unit/ingest_fixture.h"

static int
gone(const struct article *a, const char *line)
{
    return a->removed && strstr(a->removed, line) && !has_line(a->body, line);
}

static void
test_saved(void)
{
    struct article a;
    if (ingest("/t/saved.txt",
               "Canal trust repairs lock gates before the frost\n"
               "Waterways Weekly \xc2\xb7 5 min read \xc2\xb7 Nov 30, 2026\n"
               "waterwaysweekly.example.net\n"
               "The canal trust has replaced the gates of four locks on the flight above the "
               "town, two months ahead of plan.\n"
               "Each pair of gates weighs about three tonnes and lasts some twenty-five years.\n"
               "Subscribe to the trust's magazine? Most boaters already do, the trust says.\n"
               "Highlight: Each pair of gates weighs about three tonnes\n"
               "[Archive] [Star] [Remove]\n"
               "Saved with Readwise\n",
               &a) != 0)
        return;
    ok(gone(&a, "Waterways Weekly \xc2\xb7 5 min read \xc2\xb7 Nov 30, 2026") &&
           gone(&a, "waterwaysweekly.example.net"),
       "saved: the source line with its reading time and a bare host go");
    ok(gone(&a, "[Archive] [Star] [Remove]") && gone(&a, "Saved with Readwise"),
       "saved: a row of bracketed buttons and the app's mark go");
    ok(gone(&a, "Highlight: Each pair of gates weighs about three tonnes"),
       "saved: a highlight repeating the text goes");
    ok(in_body(&a, "Subscribe to the trust's magazine? Most boaters already do"),
       "saved: a writer's question opening with \"Subscribe\" stays");
    ok(in_body(&a, "Each pair of gates weighs about three tonnes and lasts"),
       "saved: the text stays");
    article_clear(&a);
}

static void
test_repeats(void)
{
    struct article a;
    if (ingest("/t/repeat.txt",
               "Market hall to reopen after two-year rebuild\n"
               "Cheers 88\n"
               "Echoes 5\n"
               "The Victorian market hall will reopen on Saturday after a rebuild that cost "
               "\xc2\xa3" "14m and replaced its glass roof.\n"
               "Forty traders have signed leases, and twelve stalls are still free.\n"
               "Closing time\n"
               "The hall will shut at 6pm, an hour later than before.\n"
               "Would you shop there?\n"
               "Often\n"
               "Sometimes\n"
               "Never\n"
               "View results\n"
               "Cheers 88\n"
               "Echoes 5\n",
               &a) != 0)
        return;
    ok(gone(&a, "Cheers 88") && gone(&a, "Echoes 5"),
       "repeats: a counter row above and below the story goes, both copies");
    ok(gone(&a, "Would you shop there?") && gone(&a, "Sometimes"),
       "repeats: a poll's question and options over its results button go");
    ok(has_line(a.body, "Closing time"), "repeats: a heading seen once stays");
    article_clear(&a);
}

static void
test_neighbours(void)
{
    struct article a;
    if (ingest("/t/neighbours.txt",
               "Cycle lane on the ring road opens in spring\n"
               "Fold corner\n"
               "Text size\n"
               "A protected cycle lane will open on the eastern ring road in April, the city "
               "said, after two years of work.\n"
               "It runs for four miles between the station and the university.\n"
               "Riders counted on the first test day numbered about 900.\n"
               "Keep reading on the Courier\n"
               "Wave hello\n",
               &a) != 0)
        return;
    ok(gone(&a, "Fold corner"), "neighbours: a control beside a known one above the text goes");
    ok(gone(&a, "Wave hello"), "neighbours: a control after a known one below the text goes");
    ok(in_body(&a, "Riders counted on the first test day"), "neighbours: the text stays");
    article_clear(&a);
}

static void
test_scripts(void)
{
    struct article a;
    if (ingest("/t/vi.txt",
               "\xc4\x90\xc3\xa0 N\xe1\xba\xb5ng m\xe1\xbb\x9f th\xc3\xaam c\xe1\xba\xa7u "
               "qua s\xc3\xb4ng H\xc3\xa0n\n"
               "C\xe1\xba\xa7u m\xe1\xbb\x9bi d\xc3\xa0i 1,2 km s\xe1\xba\xbd th\xc3\xb4ng xe "
               "v\xc3\xa0o th\xc3\xa1ng S\xc3\xa1u n\xc4\x83m sau, theo th\xc3\xa0nh ph\xe1\xbb\x91.\n"
               "Qu\xe1\xba\xa3ng c\xc3\xa1o\n"
               "Chia s\xe1\xba\xbb \xc4\x91i\xe1\xbb\x81u n\xc3\xa0y, \xc3\xb4ng n\xc3\xb3i, "
               "l\xc3\xa0 vi\xe1\xbb\x87""c c\xe1\xbb\xa7""a c\xe1\xba\xa3 th\xc3\xa0nh ph\xe1\xbb\x91.\n"
               "B\xc3\xacnh lu\xe1\xba\xadn (3)\n",
               &a) != 0)
        return;
    ok(gone(&a, "Qu\xe1\xba\xa3ng c\xc3\xa1o") && gone(&a, "B\xc3\xacnh lu\xe1\xba\xadn (3)"),
       "Vietnamese: the ad label and the comments' count go");
    ok(in_body(&a, "Chia s\xe1\xba\xbb \xc4\x91i\xe1\xbb\x81u n\xc3\xa0y"),
       "Vietnamese: a sentence opening with the word for \"share\" stays");
    article_clear(&a);
    if (ingest("/t/ko.txt",
               "\xea\xb4\x91\xec\xa3\xbc\xec\x97\x90 \xec\x83\x88 \xeb\x8f\x84\xec\x84\x9c"
               "\xea\xb4\x80 \xea\xb0\x9c\xea\xb4\x80\n"
               "\xea\xb4\x91\xec\xa3\xbc\xec\x8b\x9c\xeb\x8a\x94 \xeb\x82\xb4\xeb\x85\x84 "
               "5\xec\x9b\x94 \xec\x83\x88 \xeb\x8f\x84\xec\x84\x9c\xea\xb4\x80\xec\x9d\x84 "
               "\xec\x97\xb0\xeb\x8b\xa4\xea\xb3\xa0 \xeb\xb0\x9d\xed\x98\x94\xeb\x8b\xa4.\n"
               "\xea\xb4\x91\xea\xb3\xa0\n"
               "\xea\xb4\x80\xeb\xa0\xa8\xea\xb8\xb0\xec\x82\xac\n",
               &a) != 0)
        return;
    ok(gone(&a, "\xea\xb4\x91\xea\xb3\xa0") && gone(&a, "\xea\xb4\x80\xeb\xa0\xa8\xea\xb8\xb0\xec\x82\xac"),
       "Korean: the ad label and the related head go");
    article_clear(&a);
}

int
main(void)
{
    if (fixture_open() != 0)
        return 1;
    test_saved();
    test_repeats();
    test_neighbours();
    test_scripts();
    fixture_close();
    return done_testing();
}

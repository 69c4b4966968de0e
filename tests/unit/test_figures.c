/*
 * test_figures.c — figure extraction: money in many styles, percentages,
 * rates, quantities, ranges, approximations, context (kind, direction,
 * period, subject) and the numbers that are not figures.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/extract.h"
#include "tap.h"

#include "figure_checks.h"

int
main(void)
{
    const char *assets = getenv("DOSSIER_ASSETS");
    char *fallback = xasprintf("%s/assets", DOSSIER_SRCDIR);
    struct ds_error err;
    ds_error_clear(&err);
    if (extractor_open(assets ? assets : fallback, NULL, &ex, &err) != 0) {
        diag("extractor_open: %s", err.msg);
        ok(0, "extractor opens");
        free(fallback);
        return done_testing();
    }
    free(fallback);

    /* Money, every style. */
    money("Trade hit $682.32 billion last year.", "$682.32 billion", 682.32e9, "USD", "billion",
          FIGURE_AMOUNT);
    money("Japan's US$69 billion trade surplus.", "US$69 billion", 69e9, "USD", "billion",
          FIGURE_AMOUNT);
    money("A HK$3.5 billion deal.", "HK$3.5 billion", 3.5e9, "HKD", "billion", FIGURE_AMOUNT);
    money("It raised S$200 million.", "S$200 million", 200e6, "SGD", "million", FIGURE_AMOUNT);
    money("A fine of \xe2\x82\xac" "5 billion was set.", "\xe2\x82\xac" "5 billion", 5e9, "EUR",
          "billion", FIGURE_AMOUNT);
    money("Profits reached \xc2\xa3" "1.2bn in 2004.", "\xc2\xa3" "1.2bn", 1.2e9, "GBP",
          "billion", FIGURE_AMOUNT);
    money("The club paid \xc2\xa3" "300m for him.", "\xc2\xa3" "300m", 300e6, "GBP", "million",
          FIGURE_AMOUNT);
    money("A \xc2\xa5" "500 million order.", "\xc2\xa5" "500 million", 500e6, "JPY", "million",
          FIGURE_AMOUNT);
    money("Loans of RMB 3 trillion were made.", "RMB 3 trillion", 3e12, "CNY", "trillion",
          FIGURE_AMOUNT);
    money("Spending of 3 trillion yuan is planned.", "3 trillion yuan", 3e12, "CNY", "trillion",
          FIGURE_AMOUNT);
    money("NET PROFIT ROSE TO 24.5 mln dlrs FROM 20.1 mln.", "24.5 mln dlrs", 24.5e6, "USD",
          "million", FIGURE_AMOUNT);
    money("Sales were 1.2 billion dlrs in the quarter.", "1.2 billion dlrs", 1.2e9, "USD",
          "billion", FIGURE_AMOUNT);
    money("The bank added 3 bln stg to the market.", "3 bln stg", 3e9, "GBP", "billion",
          FIGURE_AMOUNT);
    money("A loan of 500 mln yen.", "500 mln yen", 500e6, "JPY", "million", FIGURE_AMOUNT);
    money("It cost 1.5bn euros.", "1.5bn euros", 1.5e9, "EUR", "billion", FIGURE_AMOUNT);
    money("A subscription costs $9.", "$9", 9, "USD", NULL, FIGURE_AMOUNT);

    /* Units and scales carried across a comparison and down a results table. */
    money("Output fell to 3.33 mln bpd from 3.40 mln.", "3.40 mln", 3.4e6, "barrels per day",
          "million", FIGURE_QUANTITY);
    money("NET PROFIT ROSE TO 24.5 mln dlrs FROM 20.1 mln.", "20.1 mln", 20.1e6, "USD",
          "million", FIGURE_AMOUNT);
    money("It will add 7.5 billion marks, less than the 9.2 billion now expiring.", "9.2 billion",
          9.2e9, "DEM", "billion", FIGURE_AMOUNT);
    money("Revenue rose to 1.94 billion rand from 1.71 billion.", "1.71 billion", 1.71e9, "ZAR",
          "billion", FIGURE_AMOUNT);
    {
        const char *table = "X CORP 1ST QTR NET\n    Shr 18 cts vs 15 cts\n"
                            "    Net 1,037,690 vs 1,270,460\n    Revs 10.1 mln vs 9,215,836\n"
                            "    Avg shrs 5,100,000 vs 4,900,000\n";
        money(table, "18 cts", 0.18, "USD", NULL, FIGURE_AMOUNT);
        money(table, "1,270,460", 1270460, "USD", NULL, FIGURE_AMOUNT);
        money(table, "10.1 mln", 10.1e6, "USD", "million", FIGURE_AMOUNT);
        money(table, "9,215,836", 9215836, "USD", NULL, FIGURE_AMOUNT);
        money(table, "4,900,000", 4.9e6, "shares", NULL, FIGURE_COUNT);
        money("    Oper net loss 180,000 vs profit 1,100,000\n    Revs 2.4 mln vs 1.9 mln\n",
              "1,100,000", 1.1e6, "USD", NULL, FIGURE_AMOUNT);
        struct extraction x;
        run(table, &x);
        const struct figure *f = find(&x, "1,037,690");
        is_str(f ? f->subject : NULL, "Net", "a table row's label is its subject");
        extraction_clear(&x);
    }
    /* Numbers in words, fractions, quote pairs. */
    money("The rate stays at five pct.", "five pct", 5, "%", NULL, FIGURE_RATE);
    money("SALES UP FIVE PCT", "FIVE PCT", 5, "%", NULL, FIGURE_CHANGE);
    money("It borrowed two mln stg.", "two mln stg", 2e6, "GBP", "million", FIGURE_AMOUNT);
    money("The coupon is 9-7/8 pct.", "9-7/8 pct", 9.875, "%", NULL, FIGURE_RATE);
    money("It paid 14-1/2 dlrs a share.", "14-1/2 dlrs", 14.5, "USD", NULL, FIGURE_AMOUNT);
    /* "N more" counts what the count before it in the sentence counts. */
    money("Three ships were loading wheat, and two more were due.", "two more", 2, "ships", NULL,
          FIGURE_COUNT);
    money("It opened 98 new shops and plans up to 160 more this year.", "160 more", 160, "shops",
          NULL, FIGURE_COUNT);
    none("Give me two more minutes, he said.");
    absent("It paid $5 for it and asked for two more.", "two more");
    /* Wire stock prices in eighths: a price and its change, no unit written. */
    money("Its stock closed Friday at 24-1/4, up 3/4.", "24-1/4", 24.25, "USD", NULL,
          FIGURE_AMOUNT);
    money("Its stock closed Friday at 24-1/4, up 3/4.", "3/4", 0.75, "USD", NULL, FIGURE_CHANGE);
    money("Acme shares rose 1/2 to 31-3/8.", "1/2", 0.5, "USD", NULL, FIGURE_CHANGE);
    money("Acme shares rose 1/2 to 31-3/8.", "31-3/8", 31.375, "USD", NULL, FIGURE_AMOUNT);
    none("About 3/4 of the members voted on 3/4 at 10-1/2 past.");
    none("The stock split 3/2 in June.");
    {
        struct extraction x;
        run("The dollar closed at 1.8135/45 marks, from 1.8120/30.", &x);
        const struct figure *f = find(&x, "1.8135/45 marks");
        ok(f && near(f->value, 1.8135) && near(f->value_hi, 1.8145) && f->unit &&
               strcmp(f->unit, "DEM") == 0,
           "a quote pair is one figure, low and high");
        f = find(&x, "1.8120/30");
        ok(f && f->unit && strcmp(f->unit, "DEM") == 0, "the quote it is compared with");
        extraction_clear(&x);
    }
    /* Currencies of the world, their codes and wire spellings, any case. */
    money("A rights issue at 450 francs a share.", "450 francs", 450, "CHF", NULL, FIGURE_AMOUNT);
    money("It paid 9.5 billion pesos.", "9.5 billion pesos", 9.5e9, "MXN", "billion",
          FIGURE_AMOUNT);
    money("Fees of 500 CHF apply.", "500 CHF", 500, "CHF", NULL, FIGURE_AMOUNT);
    money("A loan of 5 mln U.S. Dlrs.", "5 mln U.S. Dlrs", 5e6, "USD", "million", FIGURE_AMOUNT);
    money("It will cost $500 Billion.", "$500 Billion", 500e9, "USD", "billion", FIGURE_AMOUNT);
    money("A 3 Billion Dollars fund.", "3 Billion Dollars", 3e9, "USD", "billion",
          FIGURE_AMOUNT);
    money("It sold 2.5 billion rubles of currency.", "2.5 billion rubles", 2.5e9, "RUB",
          "billion", FIGURE_AMOUNT);
    money("He weighed 215 pounds at the time.", "215 pounds", 215, "pounds", NULL,
          FIGURE_QUANTITY);
    money("The fine was 215 pounds.", "215 pounds", 215, "GBP", NULL, FIGURE_AMOUNT);
    /* Cents and pence are hundredths of their currency. */
    money("A dividend of 22 cts a share.", "22 cts", 0.22, "USD", NULL, FIGURE_AMOUNT);
    money("Shares rose 23p to 585p.", "585p", 5.85, "GBP", NULL, FIGURE_AMOUNT);
    money("Profit was A$3.4 billion and the dividend 85 cents a share.", "85 cents", 0.85, "AUD",
          NULL, FIGURE_AMOUNT);
    /* Index points and the level they moved to. */
    money("The Dow fell 238.19 points, or 1.4%, to 16,804.71.", "238.19 points", 238.19,
          "points", NULL, FIGURE_CHANGE);
    money("The Dow fell 238.19 points, or 1.4%, to 16,804.71.", "16,804.71", 16804.71, "points",
          NULL, FIGURE_QUANTITY);
    /* Whole points outside a market are a game's, counted; an index
     * level is read after "at"/"to" or before "mark" in an index's
     * sentence. */
    money("He scored 30 points in the final.", "30 points", 30, "points", NULL, FIGURE_COUNT);
    money("The FTSE 100 closed at 7,512.3 on Tuesday.", "7,512.3", 7512.3, "points", NULL,
          FIGURE_QUANTITY);
    money("The Dow crossed the 40,000 mark.", "40,000", 40000, "points", NULL, FIGURE_QUANTITY);
    none("The plant closed at 1,200 on Tuesday.");
    /* A bare number a subject's plural noun moved to counts that noun;
     * a measure ("prices") counts nothing. */
    money("Mortgage approvals dropped to 43,700, the lowest since 2009.", "43,700", 43700,
          "approvals", NULL, FIGURE_COUNT);
    money("The number of people waiting in England fell to 7.57 million in October.",
          "7.57 million", 7.57e6, "people", "million", FIGURE_COUNT);
    none("Prices rose to 1,200 last month.");
    money("The bank cut its rate by a full percentage point.", "a full percentage point", 1,
          "pp", NULL, FIGURE_CHANGE);
    absent("A rise of 2% left a percentage of voters unmoved.", "a");
    absent("Rates rose 2% and may rise by a quarter of a percentage point.",
           "a percentage point");
    /* an amount that only draws a class's line is no figure */
    absent("Customers with annual revenue above $100,000 rose 12%.", "$100,000");
    absent("- Households with incomes below £20,000 got 5% more", "£20,000");
    money("The firm ended the year with cash above $2 billion.", "$2 billion", 2e9, "USD",
          "billion", FIGURE_AMOUNT);
    /* the noun may open the sentence, capitalised */
    money("Flights rose to 244,000, a record.", "244,000", 244000, "flights", NULL, FIGURE_COUNT);
    money("The Hawks made 15 of 22 shots from the field.", "15", 15, "shots", NULL, FIGURE_COUNT);
    /* Subjects: whole abbreviations, after a dateline, no adverb alone. */
    context("The Soviet Union bought about 1.5 mln tonnes of U.S. corn last week.",
            "1.5 mln tonnes", NULL, "last week", "U.S. corn", "about");
    context("A&E departments saw 2.2m attendances in May.", "2.2m attendances", NULL, "in May",
            "A&E departments", NULL);
    context("NEW YORK — The Dow rose 134.21 points, or 0.3%, to 40,003.59 on Friday.",
            "40,003.59", NULL, NULL, "Dow", NULL);
    context("The market shortage was earlier estimated at around 750 mln stg.", "750 mln stg",
            NULL, NULL, "market shortage", "around");
    /* Units written onto the number, temperatures, rates per 100,000. */
    money("Gusts of 93mph were recorded.", "93mph", 93, "mph", NULL, FIGURE_QUANTITY);
    money("Up to 80mm of rain is expected.", "80mm", 80, "mm", NULL, FIGURE_QUANTITY);
    money("Temperatures will reach 6C today.", "6C", 6, "°C", NULL, FIGURE_QUANTITY);
    money("Phoenix may reach 116 degrees.", "116 degrees", 116, "degrees", NULL,
          FIGURE_QUANTITY);
    money("Deaths stood at 28.4 per 100,000 people.", "28.4 per 100,000", 28.4, "per 100,000",
          NULL, FIGURE_RATE);
    absent("Deaths stood at 28.4 per 100,000 people.", "100,000 people");
    money("Profit 212.4 mln Danish crowns.", "212.4 mln Danish crowns", 212.4e6, "DKK",
          "million", FIGURE_AMOUNT);
    /* A count that draws a class's line is none; a plural ends the noun. */
    none("Starts of buildings with five units or more fell.");
    money("About 10.9 billion shares changed hands.", "10.9 billion shares", 10.9e9, "shares",
          "billion", FIGURE_COUNT);
    money("A warning covers 8 million people across three states.", "three states", 3,
          "states", NULL, FIGURE_COUNT);
    money("Orders rose to 22.4 billion euros, beating the 20.9 billion analysts had expected.",
          "20.9 billion", 20.9e9, "EUR", "billion", FIGURE_AMOUNT);
    /* Counted nouns after a modifier; names and non-plurals are no count. */
    money("Tariffs cover 5,207 U.S. products.", "5,207 U.S. products", 5207, "products", NULL,
          FIGURE_COUNT);
    none("It had a 6.84 billion surplus.");
    none("Sales rose to 80,600 while costs fell.");

    /* Ranges and approximations. */
    {
        struct extraction x;
        run("Estimates range from talk of $30 billion to $50 billion in new orders.", &x);
        const struct figure *f = find(&x, "$30 billion to $50 billion");
        ok(f && near(f->value, 30e9) && near(f->value_hi, 50e9),
           "range $30 billion to $50 billion");
        extraction_clear(&x);
        run("Orders worth $30-50 billion.", &x);
        f = find(&x, "$30-50 billion");
        ok(f && near(f->value, 30e9) && near(f->value_hi, 50e9), "range $30-50 billion");
        extraction_clear(&x);
        run("Prices rose from $30 billion to $50 billion.", &x);
        ok(x.nfigures == 2, "'from X to Y' is two figures, not a range");
        extraction_clear(&x);
        run("Inflation of 2%-3% and growth between 4% and 5%.", &x);
        f = find(&x, "2%-3%");
        ok(x.nfigures == 2 && f && near(f->value, 2) && near(f->value_hi, 3), "range 2%%-3%%");
        f = find(&x, "4% and 5%");
        ok(f && near(f->value, 4) && near(f->value_hi, 5), "range between 4%% and 5%%");
        extraction_clear(&x);
    }
    /* A range whose unit is written once, after its upper end; not a
     * change "from X to Y", not a vote running backwards. */
    {
        struct extraction x;
        run("Sugar ended 0.12 to 0.20 cent lower and cocoa 14 to 23 dlrs a tonne higher.", &x);
        const struct figure *f = find(&x, "0.12 to 0.20 cent");
        ok(x.nfigures == 2 && f && near(f->value, 0.0012) && near(f->value_hi, 0.002) &&
               strcmp(f->unit, "USD") == 0,
           "range 0.12 to 0.20 cent");
        f = find(&x, "14 to 23 dlrs");
        ok(f && near(f->value, 14) && near(f->value_hi, 23), "range 14 to 23 dlrs");
        extraction_clear(&x);
        run("The bank cut its rate from 5 to 4.5 pct.", &x);
        ok(x.nfigures == 1 && near(x.figures[0].value, 4.5), "'from 5 to 4.5 pct' is no range");
        extraction_clear(&x);
    }
    /* The base a rate is quoted per is no figure. */
    absent("The tax rate rises to 71.2 cents per $100 of assessed value.", "$100");
    /* A vote's tally counts votes, in digits or words; an amount after an
     * owner compared with the one before takes its unit. */
    {
        struct extraction x;
        run("Councillors voted 23 to 11 in favour. It passed by seven votes to four.", &x);
        const struct figure *a = find(&x, "23"), *b = find(&x, "11"), *c = find(&x, "four");
        ok(a && b && c && strcmp(a->unit, "votes") == 0 && strcmp(b->unit, "votes") == 0 &&
               strcmp(c->unit, "votes") == 0 && near(c->value, 4),
           "voted 23 to 11; seven votes to four");
        extraction_clear(&x);
        run("The union voted 1,412 to 388 to accept the offer.", &x);
        ok(x.nfigures == 2 && find(&x, "388") && near(find(&x, "388")->value, 388),
           "voted 1,412 to 388 to accept");
        extraction_clear(&x);
    }
    /* A bare number counts what the count before it counted when its
     * clause ends in a participle, names the time it is compared at, or
     * says it was expected. */
    {
        struct extraction x;
        run("Officials say 46 structures have been destroyed and 11 damaged.", &x);
        const struct figure *f = find(&x, "11");
        ok(f && strcmp(f->unit, "structures") == 0, "'and 11 damaged' counts structures");
        extraction_clear(&x);
        run("Crews waited on 3,412 occasions. That was up from 2,760 the winter before.", &x);
        f = find(&x, "2,760");
        ok(f && strcmp(f->unit, "occasions") == 0, "'up from 2,760 the winter before'");
        extraction_clear(&x);
        run("Labor has won 94 of the 150 seats, up from 77 at the last election.", &x);
        f = find(&x, "77");
        ok(f && strcmp(f->unit, "seats") == 0, "'up from 77 at the last election'");
        extraction_clear(&x);
        run("Payrolls grew by 112,000 jobs, short of the 250,000 the market had expected.", &x);
        f = find(&x, "250,000");
        ok(f && strcmp(f->unit, "jobs") == 0, "'the 250,000 the market had expected'");
        extraction_clear(&x);
    }
    /* "May" with its capital is a month in a subject, not the modal; a
     * month opening an adverbial is cut. */
    context("May corn rose 3 cents to $4.41 a bushel.", "$4.41", "up", NULL, "May corn", NULL);
    context("Spot May settled at 6.84 cts a lb.", "6.84 cts", NULL, NULL, "Spot May", NULL);
    context("In September the government spent $4 million.", "$4 million", NULL, "In September",
            "government", NULL);
    /* A level after a move takes the mover as its subject, never the move. */
    {
        struct extraction x;
        run("The Baltic Freight Index fell nine points to 1,012 in quiet trading.", &x);
        const struct figure *f = find(&x, "1,012");
        ok(f && f->subject && strcmp(f->subject, "Baltic Freight Index") == 0,
           "the level's subject is the index, not 'nine points'");
        if (f)
            diag("subject %s", f->subject ? f->subject : "(none)");
        extraction_clear(&x);
    }
    /* "one" and a singular noun counts what a count before it counted in
     * the plural; alone it is no figure. */
    money("The party holds 41 seats. The Greens hold one seat.", "one seat", 1, "seats", NULL,
          FIGURE_COUNT);
    absent("The party holds 41 seats. One of them is vacant, one day.", "one day");
    /* The subject names what a bare number counts: "the number of X",
     * "X numbers", past an auxiliary or a change in per cent. */
    money("The number of measles cases in an outbreak has grown to 146, officials said.", "146",
          146, "cases", NULL, FIGURE_COUNT);
    money("International student numbers fell by 17 per cent to 4,150.", "4,150", 4150,
          "students", NULL, FIGURE_COUNT);
    /* Tallies of games and yards; hyphenated and "likely" modifiers; a
     * measure compound before a small count describes it. */
    money("The Gulls have won six straight games.", "six straight games", 6, "games", NULL,
          FIGURE_COUNT);
    money("Mars threw for 284 yards.", "284 yards", 284, "yards", NULL, FIGURE_COUNT);
    money("They held Ridgeway to 96 rushing yards.", "96 rushing yards", 96, "yards", NULL,
          FIGURE_COUNT);
    money("A survey of 1,204 likely voters.", "1,204 likely voters", 1204, "voters", NULL,
          FIGURE_COUNT);
    money("The Falcons blocked two extra-point attempts.", "two extra-point attempts", 2,
          "attempts", NULL, FIGURE_COUNT);
    money("Output was 171.3 million 60-kg bags.", "171.3 million 60-kg bags", 171.3e6, "bags",
          "million", FIGURE_COUNT);
    none("He shot wide from 25 yards and missed two games.");
    absent("Rates end at 3.9%, implying two quarter-point cuts.", "two quarter-point cuts");
    money("Its debt is 100 billion dlrs, second only to Brazil's 108 billion.", "108 billion",
          108e9, "USD", "billion", FIGURE_AMOUNT);
    /* A local paper's dateline makes a bare "$" and "¢" its own dollar,
     * unless an agency's credit follows it or the text writes "A$". */
    money("PERTH: Carrick lifted its dividend to 38\xc2\xa2 a share, on profit of $412 million.",
          "$412 million", 412e6, "AUD", "million", FIGURE_AMOUNT);
    money("PERTH: Carrick lifted its dividend to 38\xc2\xa2 a share.", "38\xc2\xa2", 0.38, "AUD",
          NULL, FIGURE_AMOUNT);
    money("Markets\nTORONTO \xe2\x80\x94 Shopify fell to $101.33 on Monday.", "$101.33", 101.33,
          "CAD", NULL, FIGURE_AMOUNT);
    money("SYDNEY, Oct 3 (Reuters) - BHP earned $13 billion.", "$13 billion", 13e9, "USD",
          "billion", FIGURE_AMOUNT);
    money("SYDNEY: BHP earned $13 billion, or A$19.8 billion.", "$13 billion", 13e9, "USD",
          "billion", FIGURE_AMOUNT);
    money("Iron ore climbed above $US105 a tonne.", "$US105", 105, "USD", NULL, FIGURE_AMOUNT);
    context("Tariffs on about $50 billion worth of Chinese goods.", "$50 billion", NULL, NULL,
            "Chinese goods", "about");
    context("Exports grew nearly 10 percent.", "10 percent", "up", NULL, "Exports", "nearly");
    context("Both sides traded more than $100 billion in 2023.", "$100 billion", NULL, "in 2023",
            "Both sides", "more than");

    /* Percentages and rates. */
    money("Output rose 30.2 percent.", "30.2 percent", 30.2, "%", NULL, FIGURE_CHANGE);
    money("Its share is 15.8% of the total.", "15.8%", 15.8, "%", NULL, FIGURE_SHARE);
    money("Exports fell 3.5 pct in May.", "3.5 pct", 3.5, "%", NULL, FIGURE_CHANGE);
    money("Inflation is 12 per cent.", "12 per cent", 12, "%", NULL, FIGURE_RATE);
    money("Rates were cut by 2 percentage points.", "2 percentage points", 2, "pp", NULL,
          FIGURE_CHANGE);
    money("Trade has grown at an average annual rate of 7.5 percent.", "7.5 percent", 7.5, "%",
          NULL, FIGURE_RATE);
    money("Washington imposed tariffs of 25% on steel.", "25%", 25, "%", NULL, FIGURE_RATE);
    money("Thailand supplied 929,000 tonnes, accounting for 65.15 percent of imports.",
          "65.15 percent", 65.15, "%", NULL, FIGURE_SHARE);

    /* Quantities and counts. */
    money("China imported 1.426 million tonnes of fresh durian.", "1.426 million tonnes",
          1.426e6, "tonnes", "million", FIGURE_QUANTITY);
    money("Of that, 929,000 tonnes came from Thailand.", "929,000 tonnes", 929000, "tonnes",
          NULL, FIGURE_QUANTITY);
    /* "barrels a day" is a rate of output, as "bpd" is */
    money("Output was 3 million barrels a day.", "3 million barrels a day", 3e6,
          "barrels per day", "million", FIGURE_QUANTITY);
    money("Members pumped 15.8 mln barrels per day.", "15.8 mln barrels per day", 15.8e6,
          "barrels per day", "million", FIGURE_QUANTITY);
    /* A bare number compared with a figure of the same shape takes its
     * unit: the same decimals, or a thousands comma; a year does not. */
    money("The dollar closed at 152.35 yen, down from 153.10 at the opening and 153.40 "
          "yesterday.", "153.10", 153.10, "JPY", NULL, FIGURE_AMOUNT);
    money("The dollar closed at 152.35 yen, down from 153.10 at the opening and 153.40 "
          "yesterday.", "153.40", 153.40, "JPY", NULL, FIGURE_AMOUNT);
    money("The group completed 5,412 homes, down from 7,208 a year earlier.", "7,208", 7208,
          "homes", NULL, FIGURE_COUNT);
    absent("Harbour sold 5,000 cars, up from 2019.", "2019");
    absent("Sales fell by 23% from 36,185 in 2003.", "36,185");
    absent("Cabbies found 5,000 laptops and 5,800 PDAs.", "5,800");
    /* A bare whole number after a count, its noun left out, counts the
     * same thing (the count within 300 bytes before, only percentages
     * between); not after a word of a level, rank, time or age. */
    money("The Greens won the ward with 1,087 votes. The Tory candidate polled 874, and "
          "Reform came third with 530.", "874", 874, "votes", NULL, FIGURE_COUNT);
    money("The Greens won the ward with 1,087 votes. The Tory candidate polled 874, and "
          "Reform came third with 530.", "530", 530, "votes", NULL, FIGURE_COUNT);
    money("The Coalition has 41 seats. The Greens hold one seat and independents 10.", "10", 10,
          "seats", NULL, FIGURE_COUNT);
    money("She won with 20,645 votes, giving her a majority of 5,907.", "5,907", 5907, "votes",
          NULL, FIGURE_COUNT);
    context("The Coalition has 41 seats. The Greens hold one seat and independents 10.", "10",
            NULL, NULL, "independents", NULL);
    absent("The band sold 40,000 records and stayed in the top 10.", "10");
    absent("He has won 12 titles and, now 34, he plays on.", "34");
    absent("There are 11,000 voters over 60 in the town.", "60");
    /* A scaled number after a percentage takes the unit of the amount
     * before that percentage. */
    money("Exports rose 4.7 pct to 18.3 billion dlrs while imports fell 3.2 pct to 32.2 "
          "billion.", "32.2 billion", 32.2e9, "USD", "billion", FIGURE_AMOUNT);
    /* "by X to Y" is a change and a level, not a range. */
    money("The change cuts a typical household's annual bill by £122 to £1,568.", "£1,568",
          1568, "GBP", NULL, FIGURE_AMOUNT);
    money("The change cuts a typical household's annual bill by £122 to £1,568.", "£122", 122,
          "GBP", NULL, FIGURE_AMOUNT);
    money("Buyers took 12 million bushels of soybeans.", "12 million bushels", 12e6, "bushels",
          "million", FIGURE_QUANTITY);
    money("The port handled 2.5 million TEU.", "2.5 million TEU", 2.5e6, "TEU", "million",
          FIGURE_QUANTITY);
    money("Makers sold 500,000 vehicles.", "500,000 vehicles", 500000, "vehicles", NULL,
          FIGURE_QUANTITY);
    money("Pipelines carry 38 billion cubic metres of gas.", "38 billion cubic metres", 38e9,
          "cubic metres", "billion", FIGURE_QUANTITY);
    money("Plants made 40 billion kilowatt-hours.", "40 billion kilowatt-hours", 40e9, "kWh",
          "billion", FIGURE_QUANTITY);
    money("Some 3,000 companies took part.", "3,000 companies", 3000, "companies", NULL,
          FIGURE_COUNT);

    /* Not figures. */
    none("The deal was signed on May 17, 2018 in Beijing.");
    none("Trade will rise in 2021 and 2022.");
    none("Published: Sep 11, 2024 07:06 PM");
    none("It marks the 2nd anniversary of the deal, on the 14th of May.");
    none("The 14th 5-year plan focuses on innovation.");
    none("Version 3.0 of the free trade area is under talks.");
    none("It leads in 5G networks and hosts the G20 summit.");
    none("Call 555-0143 or +1 202-555-0143 for details.");
    none("New Section 301 tariffs were announced.");
    none("The attacks of Sept. 11 changed policy.");
    none("China has been ASEAN's top partner for 15 consecutive years.");
    none("The expo has gone through 20 years of development.");
    none("COVID-19 cases fell. Windows 10 shipped.");
    /* A counted noun phrase is a figure however small its number and
     * however it is written ("10 prefectures", "three people", "Twenty-two
     * Republicans"); a number used as a determiner is none ("the two
     * leaders", "its three plants", "five things", a title-case line). */
    money("Japan lifted a ban on food from 10 prefectures.", "10 prefectures", 10, "prefectures",
          NULL, FIGURE_COUNT);
    money("Three people were killed in the storm.", "Three people", 3, "people", NULL,
          FIGURE_COUNT);
    money("Twenty-two Republicans joined most Democrats.", "Twenty-two Republicans", 22,
          "Republicans", NULL, FIGURE_COUNT);
    money("The district could close four elementary schools.", "four elementary schools", 4,
          "schools", NULL, FIGURE_COUNT);
    money("The plan has room for 5,000 more children.", "5,000 more children", 5000, "children",
          NULL, FIGURE_COUNT);
    money("The deal hires 1,500 new asylum officers.", "1,500 new asylum officers", 1500,
          "officers", NULL, FIGURE_COUNT);
    money("LAGOS, May 12 - Some 38,000 metalworkers struck.", "38,000 metalworkers", 38000,
          "metalworkers", NULL, FIGURE_COUNT);
    money("It holds 9.8 pct of Dexter's 13.3 mln shares.", "13.3 mln shares", 13.3e6, "shares",
          "million", FIGURE_COUNT);
    money("CARVER, Okla. — Three people were killed.", "Three people", 3, "people", NULL,
          FIGURE_COUNT);
    money("The deal needs 60 votes to pass.", "60 votes", 60, "votes", NULL, FIGURE_COUNT);
    money("Winds reached 170 mph.", "170 mph", 170, "mph", NULL, FIGURE_QUANTITY);
    none("The two leaders met on Monday.");
    none("One of the victims was a firefighter.");
    none("Its three plants and all five members stayed; the company's two sites closed.");
    /* "things" and "thirds" count nothing; a fraction of a group is a
     * share in per cent */
    money("Here are five things to know, and two thirds of voters agree.", "two thirds",
          200.0 / 3, "%", NULL, FIGURE_SHARE);
    absent("Here are five things to know, and two thirds of voters agree.", "five things");
    money("About a fifth of households are in fuel poverty.", "a fifth", 20, "%", NULL,
          FIGURE_SHARE);
    money("Nearly half of all buyers had help.", "half", 50, "%", NULL, FIGURE_SHARE);
    money("In nine out of 10 separations no court steps in.", "nine out of 10", 90, "%", NULL,
          FIGURE_SHARE);
    absent("In nine out of 10 separations no court steps in, and 15,000 couples go to court.",
           "10 separations");
    none("Sales rose in the first half of the year.");
    none("It took a quarter of a century.");
    none("Three Things To Know About The Vote");
    none("Nine mths to June were better than six months before.");
    none("Standard & Poor's 1500 hotels were rated.");
    none("He missed two games and the team fell two places.");
    /* a ratio is a share, never a count of "Turks" */
    money("Any one know what happens? One couple broadcasts theirs; one in four Turks agree.",
          "one in four", 25, "%", NULL, FIGURE_SHARE);
    none("It takes 3.2 megapixel images; the original four members and two options remain.");
    none("He played in the opening two Six Nations wins.");
    none("A database of 300m blog entries Bloglines holds.");
    none("The 2010-2015 plans were dropped.");
    none("They won 3-2 after 90 minutes.");
    none("Order 12345678901234567890123456789012345678901234567890 tonnes of paperwork.");

    /* Context: kind, direction, period, subject. */
    context("The total trade value between China and the US hit $682.32 billion from January "
            "to November in 2021, a year-on-year increase of 30.2 percent, data showed.",
            "$682.32 billion", NULL, "from January to November in 2021",
            "total trade value between China and the US", NULL);
    context("The total trade value between China and the US hit $682.32 billion from January "
            "to November in 2021, a year-on-year increase of 30.2 percent, data showed.",
            "30.2 percent", "up", "from January to November in 2021",
            "total trade value between China and the US",
            NULL);
    context("In the first seven months, China's direct investment in ASEAN amounted to $12.96 "
            "billion.", "$12.96 billion", NULL, "In the first seven months",
            "China's direct investment in ASEAN", NULL);
    context("ASEAN's direct investment in China reached $7.3 billion, up 14.1 percent.",
            "14.1 percent", "up", NULL, "ASEAN's direct investment in China", NULL);
    context("Washington's goal is cutting China's trade surplus by $200 billion, from $375 "
            "billion in 2017.", "$375 billion", NULL, "in 2017", "China's trade surplus", NULL);
    context("Exports slumped 4 pct in the first half.", "4 pct", "down", "in the first half",
            "Exports", NULL);
    context("Imports rose 7.7 percent year-on-year.", "7.7 percent", "up", "year-on-year",
            "Imports", NULL);
    context("Revenue fell 2% last year.", "2%", "down", "last year", "Revenue", NULL);
    context("Washington imposed a 25% tariff on steel.", "25%", NULL, NULL, "tariff", NULL);
    context("Profit rose 5% in Q3 2024.", "5%", "up", "Q3 2024", "Profit", NULL);

    /* Run-ins: a dateline or a reporting clause run into the first
     * sentence, a label run into a paragraph. */
    context("PARIS, Jan 5 /Harbour Wire/ - French unemployment fell to 7.1 percent.",
            "7.1 percent", "down", NULL, "French unemployment", NULL);
    context("LONDON -- Shares in Quay Foods rose 4 pct on Monday.", "4 pct", "up", NULL,
            "Shares in Quay Foods", NULL);
    context("Finance minister Ana Berg said on Monday the budget deficit rose 12 percent.",
            "12 percent", "up", NULL, "budget deficit", NULL);
    context("Figures from the statistics office showed exports fell 2.3% in May.", "2.3%",
            "down", "in May", "exports", NULL);
    context("The retailer said it expects sales to grow 5% next year.", "5%", "up",
            "next year", "sales", NULL);
    context("Quay Foods reported its results on Tuesday. Revenue: 4.5 mln dlrs vs 3.2 mln.",
            "4.5 mln dlrs", NULL, NULL, "Revenue", NULL);
    context("Quay Foods reported its results on Tuesday. Revenue: 4.5 mln dlrs vs 3.2 mln.",
            "3.2 mln", NULL, NULL, "Revenue", NULL);
    context("Highlights of the report: Unemployment rate 4.1 pct; Payroll growth 0.2 pct.",
            "0.2 pct", "up", NULL, "Payroll growth", NULL);
    context("Highlights of the report: Unemployment rate 4.1 pct; Payroll growth 0.2 pct.",
            "4.1 pct", NULL, NULL, "Unemployment rate", NULL);
    context("Harbour Motors sold 2,000 cars vs 1,500 cars a year earlier.", "1,500 cars", NULL,
            "a year earlier", "Harbour Motors", NULL);

    /* A count that is its clause's subject is the subject ("and 25 others
     * were injured"), not the words after it; a modal's neighbours are a
     * verb after it and a noun before it; an "-ly" adverb is part of the
     * verb group; a pronoun clause, a day or "well below" is no subject. */
    context("Three people were killed and 25 others were injured.", "25 others", NULL, NULL,
            "others", NULL);
    context("Twenty-two Republicans joined most Democrats.", "Twenty-two Republicans", NULL,
            NULL, "Republicans", NULL);
    context("The vessels will carry a total of 72,000 tonnes.", "72,000 tonnes", NULL, NULL,
            "vessels", NULL);
    context("Ana Berg said costs would rise by about £45m.", "£45m", "up", NULL, "costs",
            "about");
    context("Output rose a seasonally adjusted 1.2 pct.", "1.2 pct", "up", NULL, "Output", NULL);
    context("The plants produce about 2,400 vehicles a day.", "2,400 vehicles", NULL, NULL,
            "plants", "about");
    context("Rates are 82%, well below the 95% needed.", "95%", NULL, NULL, "Rates", NULL);
    context("Only when about 25% of people have one.", "25%", NULL, NULL, NULL, "about");
    context("Unemployment levels are currently stuck at about 10%.", "10%", NULL, NULL,
            "Unemployment levels", "about");
    context("Creditors have each put up $480m.", "$480m", "up", NULL, "Creditors", NULL);
    {
        struct extraction x;
        run("Harbor Foods said Thursday it will close stores as it tries to save $120m.", &x);
        const struct figure *f = find(&x, "$120m");
        ok(f && (!f->subject || (strcmp(f->subject, "Thursday it") != 0 &&
                                 strcmp(f->subject, "it tries") != 0)),
           "a pronoun clause or a day is no subject (got '%s')", f && f->subject ? f->subject
                                                                                : "(none)");
        extraction_clear(&x);
    }

    /* A share's subject is what it is a share of. */
    context("Soon 40% of the region's households will have fast broadband.", "40%", NULL,
            NULL, "region's households", NULL);
    context("Only 18% of all shoppers will compare prices.", "18%", NULL, NULL,
            "all shoppers", NULL);
    context("Harbour Foods accounted for 15% of the market.", "15%", NULL, NULL,
            "Harbour Foods", NULL);

    /* Subjects the figure's own clause does not give. A verb outside the
     * closed list ("took", "grossed") still ends the subject. */
    context("The remake took $41.2m over the holiday weekend.", "$41.2m", NULL, NULL,
            "remake", NULL);
    context("The cartoon grossed $12m in its first week.", "$12m", NULL, NULL, "cartoon",
            NULL);
    /* A figure alone in parentheses: the noun phrase before it, or for a
     * conversion the first figure's subject. */
    context("Younger voters (58%) backed the plan.", "58%", NULL, NULL, "Younger voters", NULL);
    context("The musical took $9.2m (£4.9m) on its opening night.", "£4.9m", NULL, NULL,
            "musical", NULL);
    /* A sentence-opening "Of" names what a share is of. */
    context("Of the shoppers questioned, 41% paid by card.", "41%", NULL, NULL,
            "shoppers questioned", NULL);
    /* The main clause's subject past an apposition, a relative clause or
     * an adverb between commas. */
    context("Harbour Air, which lost $85m last year, cut 400 jobs.", "$85m", "down",
            "last year", "Harbour Air", NULL);
    context("Harbour Air, which lost $85m last year, cut 400 jobs.", "400 jobs", "down",
            "last year", "jobs", NULL);
    context("Quay Foods, meanwhile, had to repay $30m to its lenders.", "$30m", NULL, NULL,
            "Quay Foods", NULL);
    context("The Lantern, a thriller set in Lisbon, took $6.1m.", "$6.1m", NULL, NULL,
            "Lantern", NULL);
    context("Retail sales (excluding fuel) rose by 0.6% in March.", "0.6%", "up", "in March",
            "Retail sales", NULL);
    /* "the total cost of" is a noun phrase, not a verb; a reported clause's
     * subject wins over the sayer, unless it is a pronoun. */
    context("The total cost of the repairs was $2.4m.", "$2.4m", NULL, NULL,
            "total cost of the repairs", NULL);
    context("The agency said its spending on roads in 12 counties was worth $310m.", "$310m",
            NULL, NULL, "spending on roads in 12 counties", NULL);
    context("The company also said it planned to spend 200m euros on new stores.",
            "200m euros", NULL, NULL, "company", NULL);
    /* A label before a colon, after a list's bullet, even in lower case;
     * a long subject ends before a conjunction. */
    context("- exports: 2.1 bln dlrs", "2.1 bln dlrs", NULL, NULL, "exports", NULL);
    context("Trade between Chile and the Association of Southeast Asian Nations (ASEAN) rose "
            "9% in 2022.", "9%", "up", "in 2022", "Trade between Chile", NULL);
    /* A pronoun is no subject. */
    context("It took $3m.", "$3m", NULL, NULL, NULL, NULL);
    /* Subjects are noun phrases: cut at a verb no list knows, at a
     * relative pronoun or an infinitive; no adverb or auxiliary at the
     * end; a number in an index's name is part of it. */
    context("The bill includes about $60 billion for Ukraine.", "$60 billion", NULL, NULL,
            "bill", "about");
    context("BA's shares closed up four pence at 274.5 pence.", "274.5 pence", "up", NULL,
            "BA's shares", NULL);
    context("The yen's strength pushed the Nikkei average down 96.21 points.", "96.21 points",
            "down", NULL, "Nikkei average", NULL);
    context("A pint of lager now costs an average of £4.80 in its pubs.", "£4.80", NULL, NULL,
            "pint of lager", NULL);
    context("Dockers backed a deal that raises wages by 62% over six years.", "62%", NULL,
            NULL, "wages", NULL);
    context("Brazil expects its crop to shrink by 4.4% this season.", "4.4%", "down", NULL,
            "crop", NULL);
    context("Last week, Harbour Telecom agreed to buy its former parent for about $16bn.",
            "$16bn", NULL, "Last week", "Harbour Telecom", "about");
    context("Other analysts say the figure is closer to 15%.", "15%", NULL, NULL,
            "Other analysts", NULL);
    context("Although below last year's peak of $55.67 a barrel, prices rose.", "$55.67", NULL,
            "last year", "last year's peak", NULL);
    context("The latest news sent shares in Quay Foods up 8.5p, or 8.1%.", "8.5p", "up", NULL,
            "latest news", NULL);
    context("The firm collapsed with debts of about 14bn euros ($19bn; £10bn).", "£10bn", NULL,
            NULL, "firm", NULL);
    context("Singapore's own port handled 37.3 million TEU, slightly below the record 37.5 "
            "million TEU a year earlier.", "37.5 million TEU", NULL, "a year earlier",
            "Singapore's own port", NULL);
    context("He said Kuwait itself was pumping 948,000 bpd.", "948,000 bpd", NULL, NULL,
            "Kuwait", NULL);
    context("It now expects to build about 10,000 homes this year.", "10,000 homes", NULL,
            "this year", "homes", "about");
    context("Of the sum, 91m naira of the funding available had been earmarked for roads.",
            "91m naira", NULL, NULL, "funding available", NULL);
    context("The S&P 500 lost 58.94 points, or 1.37%.", "58.94 points", "down", NULL,
            "S&P 500", NULL);
    context("LONDON, Sept 12 - The STOXX 600 index closed down 0.2% at 456.30 points.", "0.2%",
            "down", NULL, "STOXX 600 index", NULL);
    context("KUWAIT, March 3 - OPEC members were producing about 15.8 mln bpd.", "15.8 mln bpd",
            NULL, NULL, "OPEC members", "about");

    /* Escape sequences in the text never reach a figure's strings. */
    {
        struct extraction x;
        run("Sales \x1b[31mhit $5 billion\x1b[0m\tin 2020.", &x);
        int clean = x.nfigures == 1;
        for (size_t i = 0; i < x.nfigures; i++) {
            const struct figure *f = &x.figures[i];
            const char *fields[] = {f->text, f->subject, f->period, f->unit};
            for (size_t k = 0; k < 4; k++)
                if (fields[k] && strpbrk(fields[k], "\x1b\t\n\r"))
                    clean = 0;
        }
        ok(clean, "no control characters in figure strings");
        extraction_clear(&x);
    }
    /* Sentence span holds the figure. */
    {
        struct extraction x;
        run("First sentence here. Then exports rose 5% in May. Last one.", &x);
        const struct figure *f = x.nfigures ? &x.figures[0] : NULL;
        ok(f && f->sentence.start == 21 && f->sentence.end == 49, "sentence span of the figure");
        extraction_clear(&x);
    }
    /* The same fact stated twice is one figure keeping both mentions; the
     * same value of another subject stays apart. */
    {
        struct extraction x;
        const char *body = "Exports of wool rose 12 percent in March, the office said. "
                           "Officials said exports of wool rose 12 percent in March. "
                           "Imports of grain rose 12 percent in March.";
        run(body, &x);
        size_t twelve = 0;
        const struct figure *wool = NULL;
        for (size_t i = 0; i < x.nfigures; i++)
            if (x.figures[i].value == 12) {
                twelve++;
                if (x.figures[i].subject && strstr(x.figures[i].subject, "wool"))
                    wool = &x.figures[i];
            }
        is_int((int)twelve, 2, "same fact twice: one figure (and grain's apart)");
        ok(wool && wool->nalso == 1, "the merged figure keeps the other mention");
        const char *second = strstr(body, "Officials said exports of wool rose 12") +
                             strlen("Officials said exports of wool rose ");
        ok(wool && wool->nalso == 1 && wool->also[0].start == (uint32_t)(second - body) &&
               wool->also[0].end == wool->also[0].start + 10,
           "... its span, in the text");
        extraction_clear(&x);
    }
    /* Units that are shapes of the words around a number (fig_shapes.c). */
    money("A magnitude 6.4 tremor shook the coast.", "magnitude 6.4", 6.4, "magnitude", NULL,
          FIGURE_QUANTITY);
    money("The share sale was oversubscribed 21.3 times on Friday.", "21.3 times", 21.3, "times",
          NULL, FIGURE_QUANTITY);
    absent("He won the title four times as a player, scoring 12 goals.", "four times");
    money("The 10-year Treasury note rose 9/32 in price to yield 4.02%.", "9/32", 0.28125,
          "points", NULL, FIGURE_CHANGE);
    money("Growers harvested 7.4t/ha of barley this year.", "7.4t/ha", 7.4, "tonnes per hectare",
          NULL, FIGURE_QUANTITY);
    money("Farmers expect 51.2 bushels per acre of soybeans.", "51.2 bushels per acre", 51.2,
          "bushels per acre", NULL, FIGURE_QUANTITY);
    money("Profit rose to R1.2bn and the dividend to 140c a share.", "140c", 1.4, "ZAR", NULL,
          FIGURE_AMOUNT);
    absent("It ran on the Psion series 3c and cost $400.", "3c");
    money("The bank raised rates by a quarter of a percentage point on Thursday.",
          "a quarter of a percentage point", 0.25, "pp", NULL, FIGURE_CHANGE);
    money("Ms Vale won with a majority of 2,150 after taking 16,004 votes.", "2,150", 2150,
          "votes", NULL, FIGURE_COUNT);
    money("Mr Lund took 9,870 votes (44.1%) and Ms Roe came second on 8,212 (36.9%).", "8,212",
          8212, "votes", NULL, FIGURE_COUNT);
    money("Her share of the vote fell by 8.5 points.", "8.5 points", 8.5, "pp", NULL,
          FIGURE_CHANGE);
    absent("The study reported a 95% confidence interval for the 30% fall.", "95%");
    money("The storm passed 40 kilometres (25 miles) off the cape.", "25 miles", 25, "miles",
          NULL, FIGURE_QUANTITY);
    money("The firm will buy back up to two mln of its shares this year.", "two mln", 2000000,
          "shares", "million", FIGURE_COUNT);
    /* units of data, frequency, charge, power and area; a rate's base
     * after a counted noun; a range after "pay from"; a variant's label */
    money("The phone has 12GB of memory.", "12GB", 12, "GB", NULL, FIGURE_QUANTITY);
    money("Its chip runs at 3.4GHz.", "3.4GHz", 3.4, "GHz", NULL, FIGURE_QUANTITY);
    money("The battery holds 5,000mAh.", "5,000mAh", 5000, "mAh", NULL, FIGURE_QUANTITY);
    money("The state added 2.3 GW of solar capacity.", "2.3 GW", 2.3, "GW", NULL,
          FIGURE_QUANTITY);
    money("Regulators approved a 400-megawatt solar farm.", "400-megawatt", 400, "MW", NULL,
          FIGURE_QUANTITY);
    money("It adds a 1,200 MWh battery.", "1,200 MWh", 1200, "MWh", NULL, FIGURE_QUANTITY);
    money("CO2 averaged 424.6 parts per million in May.", "424.6 parts per million", 424.6, "ppm",
          NULL, FIGURE_QUANTITY);
    money("A typical home had 1,850 square feet.", "1,850 square feet", 1850, "square feet", NULL,
          FIGURE_QUANTITY);
    money("Sea ice covered 4.28 million square kilometres.", "4.28 million square kilometres",
          4280000, "square kilometres", "million", FIGURE_QUANTITY);
    money("The rate reached 41.6 cases per 100,000 residents.", "41.6 cases per 100,000", 41.6,
          "per 100,000", NULL, FIGURE_RATE);
    absent("The rate reached 41.6 cases per 100,000 residents.", "100,000 residents");
    money("Savings accounts pay from 4% to 4.6% a year.", "4% to 4.6%", 4, "%", NULL,
          FIGURE_SHARE);
    absent("A version with 512GB of storage adds $200.", "512GB");
    context("Toronto - The federal government will spend C$4.1 billion.", "C$4.1 billion", NULL,
            NULL, "federal government", NULL);
    context("The Union Cabinet on Wednesday approved Rs 1.5 lakh crore for roads.",
            "Rs 1.5 lakh crore", NULL, NULL, "Union Cabinet", NULL);
    context("Cement prices in Delhi rose to Rs 380 a bag.", "Rs 380", "up", NULL, "Cement prices",
            NULL);
    money("Mbeki now has 27 goals in 31 games this season.", "31 games", 31, "games", NULL,
          FIGURE_COUNT);
    context("Mbeki now has 27 goals in 31 games this season.", "31 games", NULL, NULL, "Mbeki",
            NULL);
    money("Okoye added 118 yards on 22 carries.", "118 yards", 118, "yards", NULL, FIGURE_COUNT);
    none("He scored from 25 yards in the second half, his 12th goal.");
    context("The average rate on a 30-year fixed mortgage fell to 6.42%.", "6.42%", "down", NULL,
            "average rate", NULL);
    /* a part counted out of a whole, in words too; a fraction as a change */
    money("The slate won nine of the 15 seats on the board.", "nine", 9, "seats", NULL,
          FIGURE_COUNT);
    context("The slate won nine of the 15 seats on the board.", "nine", NULL, NULL, "slate",
            NULL);
    money("The slate won nine of the 15 seats on the board.", "15 seats", 15, "seats", NULL,
          FIGURE_COUNT);
    money("Incumbents lost five of the seven races they ran.", "seven races", 7, "races", NULL,
          FIGURE_COUNT);
    none("Two of the nine members of its committee voted for a cut.");
    none("Three of the five largest defaults were in the city.");
    none("Telecoms is one of two areas the fund targets, and one of the three back-row "
         "positions.");
    money("The crop is expected to fall by a fifth.", "a fifth", 20, "%", NULL, FIGURE_SHARE);
    money("Care takes two in every five pounds it spends.", "two in every five", 40, "%", NULL,
          FIGURE_SHARE);
    absent("Profit rose 5% from a quarter earlier.", "a quarter");
    /* an index's reading below 100; levels compared after "after" and
     * "steady at"; a rate whose base follows what it measures */
    money("The purchasing managers' index for Britain rose to 52.4 in May from 50.9.", "52.4",
          52.4, "points", NULL, FIGURE_QUANTITY);
    money("The purchasing managers' index for Britain rose to 52.4 in May from 50.9.", "50.9",
          50.9, "points", NULL, FIGURE_QUANTITY);
    absent("Inflation rose 0.4% as the price index rose to 3.2 in May.", "3.2");
    money("The dollar was fixed at 1.8815 marks after 1.8650 on Thursday.", "1.8650", 1.865,
          "DEM", NULL, FIGURE_AMOUNT);
    money("Copper stocks rose 1,150 tonnes to 96,400 tonnes, and zinc stocks were steady at "
          "48,225.",
          "48,225", 48225, "tonnes", NULL, FIGURE_QUANTITY);
    money("Yields fell to 17.8 tonnes of fresh fruit bunches per hectare from 19.2 tonnes.",
          "17.8 tonnes", 17.8, "tonnes per hectare", NULL, FIGURE_QUANTITY);
    money("Yields fell to 17.8 tonnes of fresh fruit bunches per hectare from 19.2 tonnes.",
          "19.2 tonnes", 19.2, "tonnes per hectare", NULL, FIGURE_QUANTITY);
    context("Yields fell to 17.8 tonnes of fresh fruit bunches per hectare from 19.2 tonnes.",
            "17.8 tonnes", "down", NULL, "Yields", NULL);
    /* subjects: a noun that is also a verb before a change, a frequency
     * adjective, a number in words, a predicate adjective, a time before
     * "the", "so-called" */
    context("Average hourly earnings rose four cts to 9.91 dlrs.", "9.91 dlrs", "up", NULL,
            "Average hourly earnings", NULL);
    context("Average hourly pay rose 3.9% from a year earlier.", "3.9%", "up", "a year earlier",
            "Average hourly pay", NULL);
    context("Working costs rose to 31.4 mln rand.", "31.4 mln rand", "up", NULL, "Working costs",
            NULL);
    context("Over the whole year the economy created 2.2 million jobs.", "2.2 million jobs", NULL,
            NULL, "economy", NULL);
    context("Copper stocks rose 1,150 tonnes to 96,400 tonnes, and zinc stocks were steady at "
            "48,225.",
            "48,225", NULL, NULL, "zinc stocks", NULL);
    context("Excluding food, the so-called core rate rose 0.3 pct.", "0.3 pct", "up", NULL,
            "core rate", NULL);
    money("Employers added 256,000 jobs, well above the 160,000 economists had expected.",
          "160,000", 160000, "jobs", NULL, FIGURE_COUNT);
    money("A poll of 25 economists had forecast 2.1% growth.", "25 economists", 25, "economists",
          NULL, FIGURE_COUNT);
    /* a bare franc is the dateline's; quintals and gigatonnes are units */
    money("PARIS, Jan 15 - Turnover climbed to 96.4 billion francs from 88.7 billion.",
          "96.4 billion francs", 96.4e9, "FRF", "billion", FIGURE_AMOUNT);
    money("PARIS, Jan 15 - Turnover climbed to 96.4 billion francs from 88.7 billion.",
          "88.7 billion", 88.7e9, "FRF", "billion", FIGURE_AMOUNT);
    money("GENEVA, Jan 15 - Turnover climbed to 9.4 billion francs.", "9.4 billion francs", 9.4e9,
          "CHF", "billion", FIGURE_AMOUNT);
    money("PARIS, Jan 15 - The fund holds 2.1 billion Swiss francs.", "2.1 billion Swiss francs",
          2.1e9, "CHF", "billion", FIGURE_AMOUNT);
    money("Average yield is put at 32.9 quintals per hectare.", "32.9 quintals per hectare", 32.9,
          "quintals per hectare", NULL, FIGURE_QUANTITY);
    money("Emissions rose to a record 37.4 gigatonnes.", "37.4 gigatonnes", 37.4, "gigatonnes",
          NULL, FIGURE_QUANTITY);
    /* a change before a level takes the subject's counted noun too */
    money("The bank said staff numbers fell by 240 to 11,860.", "240", 240, "staff", NULL,
          FIGURE_COUNT);
    money("The bank said staff numbers fell by 240 to 11,860.", "11,860", 11860, "staff", NULL,
          FIGURE_COUNT);
    money("Mortgage approvals dropped 2,400 to 43,700.", "43,700", 43700, "approvals", NULL,
          FIGURE_COUNT);
    absent("Prices fell by 240 to 11,860 dlrs.", "240");
    /* a scaled amount's currency holds for a scaled number alone after it */
    money("It sold 38 pubs for 17.5 mln stg and would spend 60 mln on its estate.", "60 mln",
          60e6, "GBP", "million", FIGURE_AMOUNT);
    absent("Labour gave £3bn in reserves, one million in arrears and three million unemployed.",
           "three million");
    /* a bare count after a count of where counts what the count before it did */
    money("Cholera has infected 4,312 people in three provinces and killed 287, officials said.",
          "287", 287, "people", NULL, FIGURE_COUNT);
    /* a year before an amount's subject dates it ("its 1987 net profit") */
    context("The bank said its 1987 net profit rose to 312.4 billion lire.", "312.4 billion lire",
            "up", NULL, "net profit", NULL);
    /* a gapped clause: "and imports 6.1 pct", its verb left out */
    context("Exports rose 9.4 pct to 8.41 trillion yen and imports 6.1 pct to 8.10 trillion.",
            "6.1 pct", NULL, NULL, "imports", NULL);
    context("The line ran for years and attracted 17 million viewers at its peak.",
            "17 million viewers", NULL, NULL, "line", NULL);
    /* a bare count compared after "from" is the clause's, not its own noun */
    context("The BJP was reduced to 66 seats from 104.", "104", "down", NULL, "BJP", NULL);
    /* what an amount is "in", when its clause names no subject */
    context("The award includes $61 million in compensatory damages.", "$61 million", NULL, NULL,
            "compensatory damages", NULL);
    context("It made $5 million in the first quarter.", "$5 million", NULL, "in the first quarter",
            NULL, NULL);
    extractor_free(&ex);
    ok(ex == NULL, "extractor_free clears the pointer");
    return done_testing();
}

/*
 * extract/fig_measures.c — measures and currencies the older tables lack:
 * speeds written "km per hour", diamonds in carats and a grade in carats
 * per hundred tonnes, livestock counted in head, doses in mg, engine
 * power, miles and inches (read by fig_pattern.h's FIG_MEASURES), and the
 * peso a dateline means.
 */
#include "config.h"

#include <string.h>

#include "lib.h"

static const struct fig_unitmap fig_measures[] = {
    {"square-foot", "square feet", 3},
    {"square-feet", "square feet", 3},
    {"square-metre", "square metres", 3},
    {"square-meter", "square metres", 3},
    {"square-metres", "square metres", 3},
    {"square-meters", "square metres", 3},
    {"km per hour", "km/h", 3},
    {"km an hour", "km/h", 3},
    {"km a hour", "km/h", 3},
    {"carats per hundred tonnes", "carats per hundred tonnes", 3},
    {"carat per hundred tonnes", "carats per hundred tonnes", 3},
    {"cpht", "carats per hundred tonnes", 3},
    {"carats", "carats", 3},
    {"carat", "carats", 3},
    {"head", "head", 3},
    {"milligrams", "mg", 3},
    {"milligram", "mg", 3},
    {"mg", "mg", 3},
    {"horsepower", "horsepower", 3},
    {"hp", "horsepower", 3},
    {"miles", "miles", 3},
    {"inches", "inches", 3},
    {"light years", "light years", 3},
    {"light-years", "light years", 3},
    {"crowns", "crowns", 2},
    {"pips", "pips", 3},
};

/* See lib.h. */
const struct fig_unitmap *
fig_measure_lookup(const char *key)
{
    for (size_t i = 0; i < DS_ARRAY_LEN(fig_measures); i++)
        if (strcmp(fig_measures[i].word, key) == 0)
            return &fig_measures[i];
    return NULL;
}

/* Dateline cities of places whose own peso a bare "pesos" means there
 * ("MANILA, Nov 4 - ... 560 mln pesos"); elsewhere the Mexican peso. */
static const struct fig_city fig_peso_cities[] = {
    {"manila", "PHP"},   {"cebu", "PHP"},     {"davao", "PHP"},    {"makati", "PHP"},
    {"quezon", "PHP"},   {"santiago", "CLP"}, {"valparaiso", "CLP"}, {"bogota", "COP"},
    {"medellin", "COP"}, {"cali", "COP"},     {"montevideo", "UYU"}, {"havana", "CUP"},
    {"cordoba", "ARS"},  {"rosario", "ARS"},
};

/* See lib.h. */
const char *
fig_home_peso(const char *s, size_t n)
{
    return fig_home_currency(s, n, fig_peso_cities, DS_ARRAY_LEN(fig_peso_cities), "MXN");
}

/* Dateline cities of places whose own crown a bare "crowns" means there
 * ("STOCKHOLM, Feb 11 - ... 188 crowns"). */
static const struct fig_city fig_crown_cities[] = {
    {"stockholm", "SEK"}, {"gothenburg", "SEK"}, {"malmo", "SEK"},     {"copenhagen", "DKK"},
    {"aarhus", "DKK"},    {"oslo", "NOK"},       {"bergen", "NOK"},    {"prague", "CZK"},
    {"brno", "CZK"},      {"bratislava", "SKK"}, {"reykjavik", "ISK"}, {"tallinn", "EEK"},
};

/* See lib.h. */
const char *
fig_home_crown(const char *s, size_t n)
{
    return fig_home_currency(s, n, fig_crown_cities, DS_ARRAY_LEN(fig_crown_cities), "crowns");
}

/* See lib.h. */
bool
fig_sprint_spec(const char *s, size_t n, size_t ns, size_t me)
{
    bool from0 = (ns >= 5 && memcmp(s + ns - 5, "0 to ", 5) == 0) ||
                 (ns >= 2 && memcmp(s + ns - 2, "0-", 2) == 0) ||
                 (ns >= 8 && memcmp(s + ns - 8, "zero to ", 8) == 0);
    if (!from0 || (ns >= 6 && ex_is_digit((unsigned char)s[ns - 6]) && s[ns - 5] == '0'))
        return false; /* "from 10 to 60 mph" is a range */
    size_t i = me;
    if (i + 4 > n || memcmp(s + i, " in ", 4) != 0)
        return false;
    i += 4;
    if (i + 6 < n && memcmp(s + i, "under ", 6) == 0)
        i += 6;
    size_t d = i;
    while (i < n && (ex_is_digit((unsigned char)s[i]) || s[i] == '.'))
        i++;
    if (i == d || i >= n)
        return false;
    i += s[i] == ' ';
    return i < n && (s[i] == 's' || memcmp(s + i, "sec", 3) == 0);
}

/* See lib.h. */
bool
fig_in_hundredths(const char *text)
{
    const char *sp = strrchr(text, ' ');
    if (!sp)
        return false;
    const struct fig_unitmap *um = fig_unit_lookup(sp + 1, 0, strlen(sp + 1));
    return um && um->cls == 4;
}

/* See lib.h. */
size_t
fig_of_whole_noun(const char *s, size_t n, size_t i)
{
    static const char *const scales[] = {"crore", "lakh", "million", "billion", "mln", "bn",
                                         "thousand", NULL};
    size_t at = i;
    while (i < n && (ex_is_digit((unsigned char)s[i]) || s[i] == ',' || s[i] == '.'))
        i++;
    if (i >= n || s[i] != ' ')
        return at;
    size_t a = ++i, e = a;
    while (e < n && ex_is_lower((unsigned char)s[e]))
        e++;
    struct fig_word w = {a, e};
    if (fig_word_in(s, &w, scales) && e < n && s[e] == ' ') {
        a = e + 1; /* "the 5.3 crore registered voters" */
        e = a;
        while (e < n && ex_is_lower((unsigned char)s[e]))
            e++;
    }
    /* one modifier before the plural: "registered voters" */
    if (e > a && e + 1 < n && s[e] == ' ' && s[e - 1] != 's' &&
        ex_is_lower((unsigned char)s[e + 1]))
        return e + 1;
    return a;
}

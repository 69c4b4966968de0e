/*
 * extract/fig_pattern.h — pieces of the figure pattern of figures.c: unit
 * words written onto a number, units of data and power, ISO codes, and
 * measures the pattern reads before its older units (speeds in "km per
 * hour", carats, livestock counted in head, doses in mg, engine power,
 * miles and inches).
 */
#ifndef DOSSIER_EXTRACT_FIG_PATTERN_H
#define DOSSIER_EXTRACT_FIG_PATTERN_H

/* Unit words written onto the number ("93mph", "80mm", "6C"). */
#define FIG_ATTACHED                                                                       \
    "(?i:mph|kph|km/h|km|kg|mg|hp|mm|cm|kwh|ppm|t/(?:ha|acre)|g/t)(?![A-Za-z])|(?-i:[CF])(?![A-Za-z])" \
    "|" FIG_TECH
/* Units of data, frequency, charge and power, in the case they are
 * written in ("12GB", "3.4GHz", "5,000mAh", "2.3 GW", "1,200 MWh"): in
 * another case they are words ("gb", "Mw") or other things. */
#define FIG_TECH "(?-i:GB|TB|GHz|MHz|mAh|[MGT]Wh|MW|GW|kW)(?![A-Za-z])"
/* ISO 4217 codes written after a number ("500 CHF"). */
#define FIG_ISO                                                                            \
    "USD|EUR|GBP|JPY|CNY|CHF|CAD|AUD|NZD|HKD|SGD|TWD|INR|KRW|ZAR|BRL|MXN|RUB|SEK|NOK|DKK|" \
    "PLN|CZK|HUF|TRY|ILS|SAR|AED|QAR|KWD|EGP|NGN|KES|IDR|MYR|THB|PHP|VND|PKR|BDT|ARS|CLP|" \
    "COP|PEN|UAH|RON"

/* Measures read before the older units of the pattern: "185 km per hour"
 * (not "185 km"), a diamond grade in carats per hundred tonnes, cattle
 * counted in "head" (only where no noun follows: "9.42 mln head on", "64,000
 * head of cattle", never "12 head coaches"), doses in mg, engine power,
 * distances in miles and depths in inches (plural only: "a two mile
 * record", "15 inch screens" describe a thing), light years, and
 * bare "crowns" (the dateline's: fig_home_crown), a currency's pips. */
#define FIG_MEASURES                                                                       \
    "square-(?:foot|feet)|square-met(?:re|er)s?|km\\h+(?:per|an?)\\h+hour|carats?\\h+per\\h+hundred\\h+tonnes|carats?|cpht"          \
    "|head(?=\\h*[,.;)]|\\h+(?:on|in|at|were|was|from|against|a|an|the|and|last|this|up|down"  \
    "|of\\h+(?:cattle|sheep|livestock|pigs|hogs|goats|camels|buffalo|animals))\\b)"         \
    "|milligrams?|mg|horsepower|hp|miles|inches|light[\\h-]years|crowns|pips"

#endif

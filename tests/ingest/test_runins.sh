#!/bin/sh
# Related-story run-ins and credit lines, recognised by their shape in our
# own articles (tests/fixtures/runins): "Related: <headline>", "READ MORE:
# <headline>", the headlines listed under a "Related coverage" label,
# "(Reporting by ...; Editing by ...)", "Additional reporting by <agency>",
# "<name> contributed to this report." leave the body for `show --removed`
# (also when run into a paragraph: in parentheses or brackets, after its
# last sentence or before its first)
# (reasons "related", "credit"); another agency's credit never makes the
# article that agency's; a list under a line that merely starts with
# "Related" but is a sentence's lead-in stays.
if ! command -v python3 >/dev/null 2>&1; then
    echo "ok 1 # SKIP no python3"
    echo "1..1"
    exit 0
fi
"${TOP_BUILDDIR:-.}/tests/ingest/ingest_dump" "${TOP_SRCDIR:-.}/tests/fixtures/runins" | python3 -c '
import json, os, sys
docs = {os.path.basename(d["path"]): d for d in map(json.loads, sys.stdin)}
checks = []
def check(cond, name):
    checks.append((bool(cond), name))
m = docs.get("mortgage-runins.txt", {})
body, removed = m.get("body", ""), m.get("removed", "")
for line in ("Related: Bank holds rates steady", "READ MORE: Housebuilders cut prices",
             "Rents climb for a sixth month", "Councils struggle to fill empty homes",
             "Why fixed-rate deals are shrinking again", "Reporting by Jane Harrow"):
    check(line not in body, "run-in or credit out of the body: " + line)
check("related\tRelated: Bank holds rates steady as inflation cools" in removed,
      "a Related: run-in is removed as related")
check("related\tREAD MORE: Housebuilders cut prices in the north" in removed,
      "a READ MORE: run-in is removed as related")
check("related\tCouncils struggle to fill empty homes" in removed,
      "headlines under a Related coverage label are removed as related")
check("credit\t(Reporting by Jane Harrow;" in removed, "a (Reporting by ...) line is a credit")
check("Brokers said the move would help buyers" in body, "the text after the run-ins stays")
check(m.get("source") == "Harbour Wire", "the dateline agency is still the outlet")
for name, agency in (("port-strike.txt", "Reuters"), ("grain-credit.txt", "Associated Press")):
    d = docs.get(name, {})
    check("credit\tAdditional reporting by" in d.get("removed", ""),
          name + ": Additional reporting by ... is a credit")
    check(not d.get("source"), name + ": another agency credited is not the outlet")
f = docs.get("ferry-contributed.txt", {})
check("contributed to this report" not in f.get("body", ""), "a contributed-to-this-report line is a credit")
check(not f.get("source"), "... and does not make the article that agency s")
# Run-ins inside a paragraph: the run-in goes, the sentences around it stay.
r = docs.get("inline-runins.txt", {})
body, removed = r.get("body", ""), r.get("removed", "")
for reason, cut, kept in (
        ("related", "RELATED: Mortgage rates fall to a two-year low",
         "kept its main rate at 4.5 percent on Thursday, as most economists had expected."),
        ("related", "(READ MORE: Why savers are moving their money)",
         "would watch wages closely. Markets barely moved after the decision."),
        ("related", "Related: Pound slips against the euro.",
         "The pound fell 0.3 percent against the euro"),
        ("related", "[Read also: Food prices climb for a third month]",
         "from 3.4 percent in February. Fuel prices fell."),
        ("credit", "Tom Reyes in Paris contributed to this report.",
         "Shops reported busier weekends in the spring."),
        ("credit", "(Reporting by Ines Duarte; Editing by Paul Wren)",
         "expect the next move in the autumn.")):
    check(cut not in body, "inline run-in out of the body: " + cut)
    check(reason + "\t" + cut + "\n" in removed, "... kept in removed as " + reason + ": " + cut)
    check(kept in body, "... the text around it stays: " + kept)
check(r.get("title") == "Harbour bank holds its main rate", "the title is not taken from a run-in")
for kept in ("Compiled by the statistics office, the figures showed rents rising",
             "She said more: details will follow next week.",
             "(the record of the vote) in two weeks."):
    check(kept in body, "prose shaped a little like a run-in stays: " + kept)
k = docs.get("list-kept.txt", {})
check("Books can be returned at the sports centre" in k.get("body", ""),
      "a list under a sentence starting with Related stays")
print("1..%d" % len(checks))
for i, (good, name) in enumerate(checks, 1):
    print("%s %d - %s" % ("ok" if good else "not ok", i, name))
sys.exit(0 if all(g for g, _ in checks) else 1)
'

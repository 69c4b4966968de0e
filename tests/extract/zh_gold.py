#!/usr/bin/env python3
"""zh_gold.py — Chinese figures, people and organisations against our gold.

usage: zh_gold.py DUMP ASSETS GOLD_FILE [--floors=FP,FR,PP,PR,OP,OR] [--min=N]

GOLD_FILE is in gold.py's format with one more section, "--- orgs": every
organisation named, one a line, as written. A figure counts as in gold.py;
a person when an extracted person has that name; an organisation when an
extracted organisation (or a body of the gazetteer) has a mention whose
text is the name as written. Prints TAP: the floors below, the measured
numbers as diagnostics, misses and extras listed. --floors and --min
replace the floors and the least number of articles (a held-out set keeps
the floors its runs measured, tests/extract/zh_heldout6.sh).
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval as tapout  # noqa: E402
import gold  # noqa: E402

tap, diag = tapout.tap, tapout.diag

# (figure P, figure R, people P, people R, org P, org R): what we reach.
FLOORS = (0.95, 0.90, 0.95, 0.90, 0.95, 0.95)
MIN_ARTICLES = 30


def section_of(path, name):
    """One extra section's lines per article id ({} when no article has it)."""
    out, cur, section, seen = {}, None, None, False
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("=== "):
            cur, section = line[4:].strip(), None
            out[cur] = set()
        elif line.startswith("--- "):
            section = line[4:].strip()
            seen = seen or section == name
        elif cur and section == name and line.strip():
            out[cur].add(line.strip())
    return out if seen else {}


def orgs_of(path):
    """Gold organisations per article id."""
    return section_of(path, "orgs")


def found_orgs(a, g, kinds=("org",)):
    """The texts of the mentions of every entity of one of KINDS."""
    text = a["text"].encode("utf-8")
    names = set()
    for e in g["entities"]:
        if e["kind"] not in kinds:
            continue
        for s, t in e["spans"]:
            names.add(text[s:t].decode("utf-8", "replace"))
    return names


def score_places_topics(path, arts, got):
    """Diagnostics only, when the gold has them: places (country or place
    mentions as written) and topics (right when a topic given is a gold one
    or below one; "general" or none counted apart)."""
    places, topics = section_of(path, "places"), section_of(path, "topics")
    if places:
        tp = ngot = nwant = 0
        for a, g in zip(arts, got):
            have = found_orgs(a, g, ("country", "place"))
            want = places.get(a["id"], set())
            for o in sorted(have - want):
                diag("%s: extra place %s" % (a["id"], o))
            for o in sorted(want - have):
                diag("%s: missed place %s" % (a["id"], o))
            tp, ngot, nwant = tp + len(have & want), ngot + len(have), nwant + len(want)
        diag("places P %.3f R %.3f (%d/%d/%d)"
             % (gold.ratio(tp, ngot), gold.ratio(tp, nwant), tp, ngot, nwant))
    if topics:
        right = general = 0
        for a, g in zip(arts, got):
            slugs = [t["slug"] for t in g["topics"]]
            want = topics.get(a["id"], set())
            if not slugs or slugs == ["general"]:
                general += 1
            if any(s == w or s.startswith(w + "/") for s in slugs for w in want):
                right += 1
            else:
                diag("%s: topics %s, gold %s" % (a["id"], ",".join(slugs) or "-",
                                                 ",".join(sorted(want))))
        diag("topics right %d/%d; general %d/%d" % (right, len(arts), general, len(arts)))


def options(argv):
    """The three paths, the floors and the least number of articles."""
    floors, least, rest = FLOORS, MIN_ARTICLES, []
    for arg in argv:
        if arg.startswith("--floors="):
            floors = tuple(float(x) for x in arg[len("--floors="):].split(","))
        elif arg.startswith("--min="):
            least = int(arg[len("--min="):])
        else:
            rest.append(arg)
    if len(rest) != 3 or len(floors) != len(FLOORS):
        return None
    return rest, floors, least


def main():
    opts = options(sys.argv[1:])
    if opts is None:
        print(__doc__)
        return 2
    (binary, assets, path), floors, least = opts
    arts = gold.parse(path)
    want_orgs = orgs_of(path)
    with tempfile.TemporaryDirectory() as tmp:
        got = gold.run(binary, assets, arts, tmp)
    t = gold.score("chinese", arts, got)
    otp = ogot = owant = 0
    for a, g in zip(arts, got):
        have, want = found_orgs(a, g), want_orgs.get(a["id"], set())
        for o in sorted(have - want):
            diag("%s: extra org %s" % (a["id"], o))
        for o in sorted(want - have):
            diag("%s: missed org %s" % (a["id"], o))
        otp += len(have & want)
        ogot += len(have)
        owant += len(want)
    r = gold.ratio
    score_places_topics(path, arts, got)
    got_ = (r(t["ftp"], t["fgot"]), r(t["ftp"], t["fwant"]), r(t["ptp"], t["pgot"]),
            r(t["ptp"], t["pwant"]), r(otp, ogot), r(otp, owant))
    diag("chinese (%d articles): figures P %.3f R %.3f (%d/%d/%d); people P %.3f R %.3f "
         "(%d/%d/%d); orgs P %.3f R %.3f (%d/%d/%d)"
         % (len(arts), got_[0], got_[1], t["ftp"], t["fgot"], t["fwant"], got_[2], got_[3],
            t["ptp"], t["pgot"], t["pwant"], got_[4], got_[5], otp, ogot, owant))
    names = ("figure precision", "figure recall", "people precision", "people recall",
             "organisation precision", "organisation recall")
    for name, v, floor in zip(names, got_, floors):
        tap(v >= floor, "chinese: %s %.3f >= %.2f" % (name, v, floor))
    tap(len(arts) >= least, "at least %d gold articles (%d)" % (least, len(arts)))
    print("1..%d" % tapout.n_test)
    return 1 if tapout.failed else 0


if __name__ == "__main__":
    sys.exit(main())

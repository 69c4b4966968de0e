#!/usr/bin/env python3
"""heldout_meta.py — dates, outlets, titles, furniture, authors, people and
organisations of issue 12 on a held-out set read end to end.

usage: heldout_meta.py INGEST_DUMP EXTRACT_DUMP ASSETS DIR [--check] [--verbose]
                       [--floors=people_p:P,people_r:R,furniture:F,orgs_p:P,orgs_r:R,
                                 dates:D,outlets:O,titles:T,dates_wrong:N,outlets_wrong:N]

DIR holds one file per style (web.txt, wire.txt, british.txt, or any
other NAME.txt: heldout_meta2 has markdown, feed and clip), written
before the code was changed for them. Each article goes through ingest
(cleaning, title, date, outlet, byline) and then extraction over the
cleaned body, as in an index run (heldout.py's run). Format of an article:

    === ID [html]          the file's text follows (.txt unless "html")
    --- meta
    title: the headline, whole
    date: YYYY-MM-DD | --MM-DD (a dateline without a year) | none
    outlet: canonical name[~other accepted name] | none
    author: a name the byline must carry (optional)
    --- furniture          lines that must not stay in the body
    --- people             every person the body names (not bylines or
                           credits), canonical[~other accepted form]
    --- organisations      organisations the body names, same form

A person is found when a person entity's name is one of its forms; any
other person entity is a wrong one. Organisations are matched after case,
a leading "The" and surrounding punctuation are dropped (scored, no
floor: issue 12 sets none). With --check, TAP against issue 12's targets.
"""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from heldout import norm, parse, run  # noqa: E402  (read and run as heldout.py does)

STYLES = ("web", "wire", "british")
# issue 12's targets
PEOPLE_P, PEOPLE_R, DATES, OUTLETS, FURNITURE = 0.95, 0.90, 0.95, 0.95, 0.03


def org_norm(s):
    s = norm(s).lower().strip(" .,;:'\"")
    return re.sub(r"^the\s+", "", s)


def match_set(want_lines, got, key):
    """(found, missed gold lines, extra got names): each gold line is forms
    separated by "~"; a got name is used by at most one gold line."""
    got_keys = {key(g): g for g in got}
    used, missed = set(), []
    for w in want_lines:
        forms = [key(f) for f in w.split("~")]
        hit = next((f for f in forms if f in got_keys and f not in used), None)
        if hit is None:
            missed.append(w.split("~")[0])
        else:
            used.add(hit)
    extra = sorted(g for k, g in got_keys.items() if k not in used)
    return len(want_lines) - len(missed), missed, extra


COUNTS = ("n", "date_want", "date_right", "date_wrong", "dm_want", "dm_right", "outlet_want",
          "outlet_right", "outlet_wrong", "title_right", "furn_arts", "furn_lines", "furn_want",
          "author_want", "author_right", "ptp", "pgot", "pwant", "otp", "ogot", "owant")


def score_meta(a, doc, t, say):
    m = a["meta"]
    want_date, got_date = m.get("date", "none"), (doc.get("published") or "")[:10]
    ok = True
    if want_date.startswith("--"):
        t["dm_want"] += 1
        ok = doc.get("day_month") == want_date[2:] and not got_date
        t["dm_right"] += ok
    elif want_date != "none":
        t["date_want"] += 1
        ok = got_date == want_date
        t["date_right"] += ok
    else:
        ok = not got_date
    t["date_wrong"] += bool(got_date) and got_date != want_date
    if not ok:
        say("date %r (%s; day_month %r), want %s" % (doc.get("published"), doc.get("date_how"),
                                                     doc.get("day_month"), want_date))
    want_o, got_o = m.get("outlet", "none"), (doc.get("source") or "")
    forms = [f.lower() for f in want_o.split("~")] if want_o != "none" else []
    if forms:
        t["outlet_want"] += 1
        t["outlet_right"] += got_o.lower() in forms
    if got_o and got_o.lower() not in forms:
        t["outlet_wrong"] += 1
    if (got_o.lower() in forms) != bool(forms) or (got_o and not forms):
        say("outlet %r, want %s" % (got_o, want_o))
    if norm(doc.get("title")).lower() == norm(m.get("title")).lower():
        t["title_right"] += 1
    else:
        say("title %r, want %r" % (doc.get("title"), m.get("title")))
    if "author" in m:
        t["author_want"] += 1
        if m["author"].lower() in norm(doc.get("byline")).lower():
            t["author_right"] += 1
        else:
            say("byline %r, want %s" % (doc.get("byline"), m["author"]))
    nbody = norm(doc.get("body"))
    left = [f for f in a["furniture"] if norm(f) in nbody]
    t["furn_want"] += len(a["furniture"])
    t["furn_lines"] += len(left)
    t["furn_arts"] += bool(left)
    for f in left:
        say("furniture left: %s" % f)


def score(arts, results, verbose):
    t = dict.fromkeys(COUNTS, 0)
    t["n"] = len(arts)
    for a, (doc, x) in zip(arts, results):
        def say(msg, _id=a["id"]):
            if verbose:
                print("  %s: %s" % (_id, msg))
        score_meta(a, doc, t, say)
        persons = [e["name"] for e in x["entities"] if e["kind"] == "person"]
        tp, missed, extra = match_set(a["people"], persons, norm)
        t["ptp"] += tp
        t["pgot"] += tp + len(extra)
        t["pwant"] += len(a["people"])
        for p in missed:
            say("missed person %s" % p)
        for p in extra:
            say("wrong person %s" % p)
        orgs = [e["name"] for e in x["entities"] if e["kind"] == "org"]
        tp, missed, extra = match_set(a["organisations"], orgs, org_norm)
        t["otp"] += tp
        t["ogot"] += tp + len(extra)
        t["owant"] += len(a["organisations"])
        for o in missed:
            say("missed organisation %s" % o)
        for o in extra:
            say("other organisation %s" % o)
    return t


def ratio(a, b):
    return a / b if b else 1.0


def line(style, t):
    return ("%-8s %2d articles: dates %d/%d, day-month %d/%d, wrong or invented %d; "
            "outlets %d/%d, wrong or invented %d; titles %d/%d; authors %d/%d; "
            "furniture left in %d articles (%d of %d lines); people P %.3f R %.3f (%d/%d/%d); "
            "organisations P %.3f R %.3f (%d/%d/%d)"
            % (style, t["n"], t["date_right"], t["date_want"], t["dm_right"], t["dm_want"],
               t["date_wrong"], t["outlet_right"], t["outlet_want"], t["outlet_wrong"],
               t["title_right"], t["n"], t["author_right"], t["author_want"], t["furn_arts"],
               t["furn_lines"], t["furn_want"], ratio(t["ptp"], t["pgot"]),
               ratio(t["ptp"], t["pwant"]), t["ptp"], t["pgot"], t["pwant"],
               ratio(t["otp"], t["ogot"]), ratio(t["otp"], t["owant"]), t["otp"], t["ogot"],
               t["owant"]))


def floors(arg):
    """--floors=people_p:P,people_r:R,furniture:F,orgs_p:P,orgs_r:R,dates:D,
    outlets:O,titles:T,dates_wrong:N,outlets_wrong:N: measured floors (and
    ceilings for the wrong counts) for a set still below issue 12's targets
    (so that it cannot fall back); the issue's targets otherwise,
    organisations unchecked."""
    f = {"people_p": PEOPLE_P, "people_r": PEOPLE_R, "furniture": FURNITURE, "dates": DATES,
         "outlets": OUTLETS, "titles": 1.0, "dates_wrong": 0, "outlets_wrong": 0}
    for item in filter(None, (arg or "").split(",")):
        k, v = item.split(":")
        f[k] = float(v)
    return f


def checks(t, f):
    dated = t["date_want"] + t["dm_want"]
    out = [(ratio(t["ptp"], t["pgot"]) >= f["people_p"], "people precision >= %.2f" % f["people_p"]),
           (ratio(t["ptp"], t["pwant"]) >= f["people_r"], "people recall >= %.2f" % f["people_r"]),
           (ratio(t["date_right"] + t["dm_right"], dated) >= f["dates"],
            "dates right on >= %.1f%% of dated articles" % (f["dates"] * 100)),
           (t["date_wrong"] <= f["dates_wrong"],
            "at most %d dates wrong or invented" % f["dates_wrong"]),
           (ratio(t["outlet_right"], t["outlet_want"]) >= f["outlets"],
            "outlet found on >= %.1f%% of articles naming one" % (f["outlets"] * 100)),
           (t["outlet_wrong"] <= f["outlets_wrong"],
            "at most %d outlets wrong or invented" % f["outlets_wrong"]),
           (ratio(t["title_right"], t["n"]) >= f["titles"],
            "titles whole and right on >= %.1f%% of articles" % (f["titles"] * 100)),
           (ratio(t["furn_arts"], t["n"]) <= f["furniture"],
            "furniture left in <= %.1f%% of articles" % (f["furniture"] * 100))]
    if "orgs_p" in f:
        out.append((ratio(t["otp"], t["ogot"]) >= f["orgs_p"],
                    "organisation precision >= %.2f" % f["orgs_p"]))
    if "orgs_r" in f:
        out.append((ratio(t["otp"], t["owant"]) >= f["orgs_r"],
                    "organisation recall >= %.2f" % f["orgs_r"]))
    return out


def styles(gdir):
    """The style files of DIR: STYLES in that order, then any other .txt."""
    names = sorted(f[:-4] for f in os.listdir(gdir) if f.endswith(".txt"))
    return [s for s in STYLES if s in names] + [s for s in names if s not in STYLES]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check, verbose = "--check" in sys.argv, "--verbose" in sys.argv
    if len(args) != 4:
        print(__doc__)
        return 2
    ingest, extract, assets, gdir = args
    total = None
    with tempfile.TemporaryDirectory() as tmp:
        for style in styles(gdir):
            arts = parse(os.path.join(gdir, style + ".txt"),
                         lists=("furniture", "people", "organisations"))
            if verbose:
                print(style)
            t = score(arts, run(ingest, extract, assets, arts, tmp), verbose)
            print(("# " if check else "") + line(style, t))
            total = t if total is None else {k: total[k] + t[k] for k in t}
    print(("# " if check else "") + line("all", total))
    if not check:
        return 0
    fl = floors(next((a[len("--floors="):] for a in sys.argv if a.startswith("--floors=")), ""))
    failed = False
    for n, (ok, what) in enumerate(checks(total, fl), 1):
        failed |= not ok
        print("%s %d - %s" % ("ok" if ok else "not ok", n, what))
    print("1..%d" % len(checks(total, fl)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""eval.py — precision/recall of the extractor against labelled files.

usage: eval.py DUMP ASSETS [--seeds SEEDS_DIR EXPECTED_JSON] [--fixtures DIR]

DUMP is tests/extract/extract_dump (runs extractor_run on a whole file as
the body and prints JSON). Prints TAP: one check per threshold, with the
measured numbers as diagnostics.

Seeds (the real articles in ../shared, skipped visibly when absent):
  - figure recall >= 95%: an expected figure string is found when an
    extracted figure's text contains it (whitespace normalised);
  - no figure invented from dates, ordinals or names;
  - entity recall >= 85% (canonical names, case-insensitive);
  - each CJK name is the alt of a person;
  - each expected topic label maps (TOPIC_MAP below) to an assigned topic.
Fixtures (tests/fixtures/extract/*.txt with .expected.json, our own text):
  - figures matched by text containment, value (1e-6 relative) and unit:
    precision and recall >= 90%;
  - people: precision and recall >= 90%; organisations and countries:
    recall reported.
"""
import glob
import json
import os
import re
import subprocess
import sys

# Reader's topic labels (seeds.expected.json) -> our topic slugs.
TOPIC_MAP = {
    "China-US trade": "economy/trade/us-china",
    "China-ASEAN trade": "economy/trade/china-asean",
    "China-Japan relations": "politics/international-relations/china-japan",
    "free trade agreements": "economy/trade/free-trade-agreements",
    "technology sanctions": "economy/trade/tech-sanctions",
    "agriculture and energy purchases": "economy/trade/agriculture-energy",
    "market access": "economy/trade/market-access",
    "intellectual property": "economy/trade/market-access",
    "China economic policy": "economy/macroeconomics/china-economy",
    "digital economy": "economy/trade/digital-economy",
    "green economy": "environment/green-economy",
    "tariffs": "economy/trade/tariffs",
    "investment": "economy/trade/investment",
    "supply chains": "economy/trade/supply-chains",
    "EU-China relations": "politics/international-relations/eu-china",
}

n_test = 0
failed = 0


def tap(cond, name):
    global n_test, failed
    n_test += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n_test, name))
    if not cond:
        failed += 1


def skip(name, why):
    global n_test
    n_test += 1
    print("ok %d - %s # SKIP %s" % (n_test, name, why))


def diag(msg):
    print("# " + msg)


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def dump(binary, assets, path):
    out = subprocess.run([binary, "-a", assets, path], check=True, capture_output=True).stdout
    return json.loads(out.decode("utf-8"))


INVENTED = re.compile(
    r"^(?:\d{4}|\d+(?:st|nd|rd|th)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.? \d+"
    r"|\d{1,2}:\d\d|[A-Z][a-z]+)$")


def eval_seeds(binary, assets, seeds_dir, expected_path):
    exp = json.load(open(expected_path, encoding="utf-8"))["files"]
    fig_total = fig_found = 0
    ent_total = ent_found = 0
    cjk_total = cjk_found = 0
    top_total = top_found = 0
    invented = []
    missing = []
    for name, e in sorted(exp.items()):
        got = dump(binary, assets, os.path.join(seeds_dir, name))
        texts = [norm(f["text"]) for f in got["figures"]]
        for f in got["figures"]:
            if INVENTED.match(norm(f["text"])) or not f["unit"]:
                invented.append("%s: %s" % (name, f["text"]))
        for want in e.get("figures") or []:
            fig_total += 1
            if any(norm(want) in t for t in texts):
                fig_found += 1
            else:
                missing.append("%s: figure %s" % (name, want))
        names = {x["name"].lower() for x in got["entities"]}
        for want in e.get("entities") or []:
            ent_total += 1
            if want.lower() in names:
                ent_found += 1
            else:
                missing.append("%s: entity %s" % (name, want))
        alts = {x["alt"] for x in got["entities"] if x["kind"] == "person" and x["alt"]}
        for want in e.get("cjk_names") or []:
            cjk_total += 1
            if want in alts:
                cjk_found += 1
            else:
                missing.append("%s: cjk name %s" % (name, want))
        slugs = {t["slug"] for t in got["topics"]}
        for label in e.get("topics") or []:
            top_total += 1
            slug = TOPIC_MAP.get(label)
            if slug in slugs:
                top_found += 1
            else:
                missing.append("%s: topic %s (%s), got %s" % (name, label, slug, sorted(slugs)))
    for m in missing:
        diag("missed " + m)
    fr = fig_found / fig_total if fig_total else 1
    er = ent_found / ent_total if ent_total else 1
    diag("seeds: figures %d/%d = %.1f%%, entities %d/%d = %.1f%%, cjk %d/%d, topics %d/%d"
         % (fig_found, fig_total, 100 * fr, ent_found, ent_total, 100 * er, cjk_found,
            cjk_total, top_found, top_total))
    tap(fr >= 0.95, "seeds: figure recall %.1f%% >= 95%%" % (100 * fr))
    for i in invented:
        diag("invented: " + i)
    tap(not invented, "seeds: no figure invented from dates, ordinals or names")
    tap(er >= 0.85, "seeds: entity recall %.1f%% >= 85%%" % (100 * er))
    tap(cjk_found == cjk_total, "seeds: every CJK name is a person's alt (%d/%d)"
        % (cjk_found, cjk_total))
    tap(top_found == top_total, "seeds: every expected topic assigned (%d/%d)"
        % (top_found, top_total))


def fig_match(want, f):
    if norm(want["text"]) not in norm(f["text"]):
        return False
    if f["unit"] != want["unit"]:
        return False
    v = want["value"]
    return abs(f["value"] - v) <= abs(v) * 1e-6 + 1e-9


def eval_fixtures(binary, assets, fdir):
    files = sorted(glob.glob(os.path.join(fdir, "*.txt")))
    tot = {"fig_tp": 0, "fig_got": 0, "fig_want": 0, "per_tp": 0, "per_got": 0, "per_want": 0,
           "org_tp": 0, "org_want": 0, "org_got": 0, "cty_tp": 0, "cty_want": 0}
    for path in files:
        exp = json.load(open(path[:-4] + ".expected.json", encoding="utf-8"))
        got = dump(binary, assets, path)
        base = os.path.basename(path)
        used = set()
        tp = 0
        for want in exp["figures"]:
            hit = None
            for i, f in enumerate(got["figures"]):
                if i not in used and fig_match(want, f):
                    hit = i
                    break
            if hit is None:
                diag("%s: missed figure %s (%s %s)" % (base, want["text"], want["value"],
                                                        want["unit"]))
            else:
                used.add(hit)
                tp += 1
        for i, f in enumerate(got["figures"]):
            if i not in used:
                diag("%s: extra figure %s (%s %s)" % (base, f["text"], f["value"], f["unit"]))
        tot["fig_tp"] += tp
        tot["fig_got"] += len(got["figures"])
        tot["fig_want"] += len(exp["figures"])
        people = {e["name"] for e in got["entities"] if e["kind"] == "person"}
        want_p = set(exp.get("people", []))
        for p in sorted(people - want_p):
            diag("%s: extra person %s" % (base, p))
        for p in sorted(want_p - people):
            diag("%s: missed person %s" % (base, p))
        tot["per_tp"] += len(people & want_p)
        tot["per_got"] += len(people)
        tot["per_want"] += len(want_p)
        orgs = {e["name"].lower() for e in got["entities"] if e["kind"] == "org"}
        want_o = {o.lower() for o in exp.get("orgs", [])}
        for o in sorted(want_o - orgs):
            diag("%s: missed org %s" % (base, o))
        tot["org_tp"] += len(orgs & want_o)
        tot["org_want"] += len(want_o)
        tot["org_got"] += len(orgs)
        ctys = {e["name"] for e in got["entities"] if e["kind"] == "country"}
        want_c = set(exp.get("countries", []))
        for c in sorted(want_c - ctys):
            diag("%s: missed country %s" % (base, c))
        tot["cty_tp"] += len(ctys & want_c)
        tot["cty_want"] += len(want_c)
        alts = {e["alt"] for e in got["entities"] if e["kind"] == "person" and e["alt"]}
        for c in exp.get("cjk_names", []):
            tap(c in alts, "%s: CJK name %s linked to a person" % (base, c))

    def ratio(a, b):
        return a / b if b else 1.0
    fp = ratio(tot["fig_tp"], tot["fig_got"])
    fr = ratio(tot["fig_tp"], tot["fig_want"])
    pp = ratio(tot["per_tp"], tot["per_got"])
    pr = ratio(tot["per_tp"], tot["per_want"])
    diag("fixtures (%d files): figures P %.1f%% R %.1f%% (%d/%d/%d); people P %.1f%% R %.1f%%; "
         "orgs R %.1f%% (%d found of %d, %d extracted); countries R %.1f%%"
         % (len(files), 100 * fp, 100 * fr, tot["fig_tp"], tot["fig_got"], tot["fig_want"],
            100 * pp, 100 * pr, 100 * ratio(tot["org_tp"], tot["org_want"]), tot["org_tp"],
            tot["org_want"], tot["org_got"], 100 * ratio(tot["cty_tp"], tot["cty_want"])))
    tap(len(files) >= 4, "fixtures: at least four labelled files (%d)" % len(files))
    tap(fp >= 0.90, "fixtures: figure precision %.1f%% >= 90%%" % (100 * fp))
    tap(fr >= 0.90, "fixtures: figure recall %.1f%% >= 90%%" % (100 * fr))
    tap(pp >= 0.90, "fixtures: people precision %.1f%% >= 90%%" % (100 * pp))
    tap(pr >= 0.90, "fixtures: people recall %.1f%% >= 90%%" % (100 * pr))


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__)
        return 2
    binary, assets = args[0], args[1]
    seeds = fixtures = None
    i = 2
    while i < len(args):
        if args[i] == "--seeds":
            seeds = (args[i + 1], args[i + 2])
            i += 3
        elif args[i] == "--fixtures":
            fixtures = args[i + 1]
            i += 2
        else:
            print("eval.py: unknown argument %s" % args[i])
            return 2
    if seeds:
        if os.path.isdir(seeds[0]) and os.path.isfile(seeds[1]):
            eval_seeds(binary, assets, *seeds)
        else:
            skip("seeds", "no ../shared")
    if fixtures:
        eval_fixtures(binary, assets, fixtures)
    print("1..%d" % n_test)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""score.py — people recall and precision on a hand-listed sample.

usage: score.py GOLD.tsv [--build DIR] [--shared DIR]

GOLD.tsv: file<TAB>name[|other form...], the people an engineer listed
by reading each article (names only, no article text). Runs
tests/extract/extract_dump on each file and prints, per article, the gold
people missed and the persons found that are not a gold name (judge those
by hand: a surname left as its own entity, or a false person). A gold
person is found when a person entity's name is one of its forms.
"""
import json, os, subprocess, sys
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))

def main():
    a = sys.argv[1:]
    gold_path = a[0]
    build = a[a.index("--build") + 1] if "--build" in a else os.path.join(TOP, "build/rel")
    shared = a[a.index("--shared") + 1] if "--shared" in a else "/work/shared/corpus"
    gold = OrderedDict()
    for line in open(gold_path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f, names = line.rstrip("\n").split("\t")
        gold.setdefault(f, []).append(names.split("|"))
    tp = n = found_total = extra_total = 0
    for f, people in gold.items():
        out = subprocess.run([os.path.join(build, "tests/extract/extract_dump"), "-a",
                              os.path.join(TOP, "assets"), os.path.join(shared, f)],
                             stdout=subprocess.PIPE, check=True).stdout
        ents = [e["name"] for e in json.loads(out)["entities"] if e["kind"] == "person"]
        missed = [p[0] for p in people if not any(x in ents for x in p)]
        forms = {x for p in people for x in p}
        extra = [e for e in ents if e not in forms]
        n += len(people)
        tp += len(people) - len(missed)
        found_total += len(ents)
        extra_total += len(extra)
        print(f"{f}: {len(people) - len(missed)}/{len(people)}"
              + (f"  missed: {missed}" if missed else "")
              + (f"  other persons: {extra}" if extra else ""))
    print(f"recall {tp}/{n} = {tp / n:.3f}; person entities {found_total}, "
          f"not a gold name {extra_total}")

main()

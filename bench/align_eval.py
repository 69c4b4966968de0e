#!/usr/bin/env python3
"""align_eval.py — how `dossier compare` aligns real reporting: every pair of
outlets telling one event in ../shared/corpus/basil-dev, compared through an
index that holds them (so the index's word counts gate weak pairs, as for a
user), and random draws of rows to check by hand (issue 17).

  align_eval.py DOSSIER DB BASIL_DIR [--save FILE] [--old FILE]
                [--draw pairs|only|added] [--seed 17] [--n 30]

Prints the counts of rows by mark (= same, ~ similar, + split part, < only
in A, > only in B) and of aligned pairs. --save writes the rows (JSON) for a
later --old, which compares two runs (pairs added and removed). --draw
prints rows to read, never to keep: `pairs`, 30 aligned rows of one random
pair of outlets for each of 40 random events (the protocol of the earlier
hand-checks); `only`, 30 "only in" sentences from the same draw, each with
the three sentences of the other side that share most words (a sentence
whose counterpart is not among them is read in the article); `added`, pairs
of this run that --old lacks. Article text goes to the terminal only.
"""
import collections
import itertools
import json
import math
import os
import random
import re
import subprocess
import sys


def compare_all(dossier, db, root):
    events = collections.defaultdict(list)
    with open(os.path.join(root, "events.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            events[cols[1]].append(cols[0])
    out = {}
    for _, files in sorted(events.items()):
        for a, b in itertools.combinations(sorted(files), 2):
            p = subprocess.run([dossier, "--db", db, "compare", os.path.join(root, a),
                                os.path.join(root, b), "--json"], capture_output=True, text=True)
            j = json.loads(p.stdout)
            out[a + "|" + b] = [r for ps in j["passages"] for r in ps["rows"]]
    return out


def pairs(rows):
    return {(tuple(r["a"]), tuple(r["b"])): r for r in rows if "a" in r and "b" in r}


def counts(res):
    marks = collections.Counter(r["mark"] for rows in res.values() for r in rows)
    npairs = sum(len(pairs(rows)) for rows in res.values())
    print("rows by mark: %s; aligned pairs %d" % (dict(sorted(marks.items())), npairs))


def event_draw(res, seed):
    by_event = collections.defaultdict(list)
    for k in sorted(res):
        by_event[k.split("/")[2]].append(k)
    random.seed(seed)
    return [random.choice(by_event[e]) for e in random.sample(sorted(by_event), 40)]


def words(s):
    return {w.lower() for w in re.findall(r"[A-Za-z0-9]+", s) if len(w) > 3}


def show_pair(i, r):
    print(i, r["mark"], r.get("score"))
    print("  A:", r["a_text"])
    print("  B:", r["b_text"])


def draw(res, old, kind, seed, n):
    if kind == "added":
        rows = [r for k in sorted(res) for p, r in sorted(pairs(res[k]).items())
                if p not in pairs(old.get(k, []))]
        random.seed(seed)
        for i, r in enumerate(random.sample(rows, min(n, len(rows)))):
            show_pair(i, r)
        return
    keys = event_draw(res, seed)
    if kind == "pairs":
        rows = [r for k in keys for r in res[k] if "a" in r and "b" in r]
        random.seed(seed)
        for i, r in enumerate(random.sample(rows, min(n, len(rows)))):
            show_pair(i, r)
        return
    only = []
    for k in keys:
        sa = [r["a_text"] for r in res[k] if "a" in r]
        sb = [r["b_text"] for r in res[k] if "b" in r]
        only += [(r, sb if "a" in r else sa) for r in res[k] if r["mark"] in "<>"]
    random.seed(seed)
    for i, (r, other) in enumerate(random.sample(only, min(n, len(only)))):
        side = "a" if "a" in r else "b"
        w = words(r[side + "_text"])
        near = sorted(other, key=lambda o: -len(w & words(o)) / math.sqrt(len(w) * len(words(o)) + 1))
        print(i, "only in", side.upper() + ":", r[side + "_text"])
        for o in near[:3]:
            print("     ", o)


def main(argv):
    dossier, db, root = argv[1:4]
    opt = lambda name, d: argv[argv.index(name) + 1] if name in argv else d
    res = compare_all(dossier, db, root)
    counts(res)
    old = json.load(open(opt("--old", ""))) if "--old" in argv else {}
    if old:
        added = sum(len(set(pairs(res[k])) - set(pairs(old.get(k, [])))) for k in res)
        removed = sum(len(set(pairs(old[k])) - set(pairs(res.get(k, [])))) for k in old)
        print("against --old: %d pairs added, %d removed" % (added, removed))
    if "--save" in argv:
        with open(opt("--save", ""), "w", encoding="utf-8") as f:
            json.dump(res, f)
    if "--draw" in argv:
        draw(res, old, opt("--draw", "pairs"), int(opt("--seed", "17")), int(opt("--n", "30")))


if __name__ == "__main__":
    main(sys.argv)

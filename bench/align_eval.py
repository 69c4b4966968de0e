#!/usr/bin/env python3
"""align_eval.py — how `dossier compare` aligns real reporting: every pair of
outlets telling one event in ../shared/corpus/basil-dev, compared through an
index that holds them (so the index's word counts gate weak pairs, as for a
user), and random draws of rows to check by hand (issue 17).

  align_eval.py DOSSIER DB BASIL_DIR [--save FILE] [--load FILE] [--old FILE]
                [--draw pairs|only|weak|added|figures|entities] [--fresh]
                [--seed 17] [--n 30] [--judged DIR]

Prints the counts of rows by mark (= same, ~ similar, + split part, ? weak
match, < only in A, > only in B) and of aligned pairs. --save writes the rows (JSON) for a
later --old, which compares two runs (pairs added and removed). --draw
prints rows to read, never to keep: `pairs`, 30 aligned rows of one random
pair of outlets for each of 40 random events (the protocol of the earlier
hand-checks); `only`, 30 "only in" sentences from the same draw, each with
the three sentences of the other side that share most words (a sentence
whose counterpart is not among them is read in the article); `weak`, 30
weak matches the same way, the nearest sentence first; `added`, pairs
of this run that --old lacks; `figures`, every pair of figures marked as
disagreeing, with both sentences; `entities`, --n comparisons' "only in
one side" entity lists, each name with the other text's mentions of its
last word. --fresh draws from the pairs of outlets that the seed-17 draw
did not pick (a sample apart from the earlier hand-checks); --load reads a
run saved by --save instead of comparing again. Article text goes to the
terminal only.
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
            out[a + "|" + b] = {"rows": [r for ps in j["passages"] for r in ps["rows"]],
                                "figures": j.get("figures", []),
                                "entities": j.get("entities", [])}
    return out


def rows_of(v):
    """The rows of one comparison (a saved run of an older version: the list)."""
    return v["rows"] if isinstance(v, dict) else v


def pairs(rows):
    return {(tuple(r["a"]), tuple(r["b"])): r for r in rows if "a" in r and "b" in r}


def counts(res):
    marks = collections.Counter(r["mark"] for rows in res.values() for r in rows)
    npairs = sum(len(pairs(rows)) for rows in res.values())
    print("rows by mark: %s; aligned pairs %d" % (dict(sorted(marks.items())), npairs))


def event_draw(res, seed, fresh=False):
    """One random pair of outlets for each of 40 random events; with fresh,
    the pairs of outlets that the seed-17 draw (the earlier hand-checks) did
    not pick, all of them."""
    by_event = collections.defaultdict(list)
    for k in sorted(res):
        by_event[k.split("/")[2]].append(k)
    if fresh:
        used = set(event_draw(res, 17))
        return [k for k in sorted(res) if k not in used]
    random.seed(seed)
    return [random.choice(by_event[e]) for e in random.sample(sorted(by_event), 40)]


def words(s):
    return {w.lower() for w in re.findall(r"[A-Za-z0-9]+", s) if len(w) > 3}


def show_pair(i, k, r):
    print(i, k.split("/")[2][:8], k.split("/")[3].split(".")[0], k.split("/")[-1].split(".")[0],
          r["mark"], r.get("score"), "A%d B%d" % (r["a"][0], r["b"][0]))
    print("  A:", r["a_text"])
    print("  B:", r["b_text"])


def draw_only(res, keys, seed, n, marks="<>"):
    only = []
    for k in keys:
        rows = res[k]["rows"]
        # Each side's sentences in their order (a weak match's "with" indexes them).
        sa = [r["a_text"] for r in sorted((r for r in rows if "a" in r), key=lambda r: r["a"][0])]
        sb = [r["b_text"] for r in sorted((r for r in rows if "b" in r), key=lambda r: r["b"][0])]
        only += [(k, r, sb if "a" in r else sa) for r in rows if r["mark"] in marks]
    random.seed(seed)
    for i, (k, r, other) in enumerate(random.sample(only, min(n, len(only)))):
        side = "a" if "a" in r else "b"
        w = words(r[side + "_text"])
        near = sorted(other, key=lambda o: -len(w & words(o)) / math.sqrt(len(w) * len(words(o)) + 1))
        print(i, k.split("/")[2][:8], k.split("/")[3].split(".")[0] + "/" + k.split("/")[-1].split(".")[0],
              "only in" if r["mark"] != "?" else "weak match (%.2f, nearest first)" % r["score"],
              side.upper(), r[side][0], ":", r[side + "_text"])
        if r["mark"] == "?":
            near = [other[r["with"]]] + [o for o in near if o != other[r["with"]]]
        for o in near[:3]:
            print("     ", o)


def sentence_of(text, pos):
    lo = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    hi = [x for x in (text.find(". ", pos), text.find("\n", pos), len(text)) if x >= 0]
    return text[lo:min(hi) + 1].strip()


def draw_figures(res, root):
    """Every figure pair marked as disagreeing, with both sentences."""
    i = 0
    for k in sorted(res):
        a, b = k.split("|")
        ta = open(os.path.join(root, a), encoding="utf-8").read()
        tb = open(os.path.join(root, b), encoding="utf-8").read()
        for f in res[k]["figures"]:
            if f.get("side") != "conflict":
                continue
            print(i, k.split("/")[2][:8], json.dumps({x: f[x] for x in f if x not in ("a", "b")}))
            for side, t in (("a", ta), ("b", tb)):
                g = f[side]
                print("  %s: %s" % (side.upper(), {x: g[x] for x in g if x != "span"}))
                print("     ", sentence_of(t, g["span"][0]) if "span" in g else "")
            i += 1


def draw_entities(res, root, keys, seed, n):
    """n random comparisons' "only in one side" entity lists, each entity
    with the other text's lines that name its last word."""
    random.seed(seed)
    for i, k in enumerate(random.sample(keys, min(n, len(keys)))):
        a, b = k.split("|")
        t = {"a": open(os.path.join(root, a), encoding="utf-8").read(),
             "b": open(os.path.join(root, b), encoding="utf-8").read()}
        print("list", i, k)
        for e in res[k]["entities"]:
            if e["side"] == "both":
                continue
            other = "b" if e["side"] == "only-a" else "a"
            last = re.findall(r"[A-Za-z]+", e["name"])
            hits = [m.start() for m in re.finditer(r"\b%s\b" % re.escape(last[-1]), t[other])] if last else []
            print("   %s %s %r" % (e["side"], e["kind"], e["name"]), "| other side has %r x%d" % (last[-1] if last else "", len(hits)))
            for h in hits[:2]:
                print("        ...", t[other][max(0, h - 60):h + 40].replace("\n", " "))


def judged_rows(path):
    """The rows of the hand-judged draw files in path (bench/align_judged)."""
    out = []
    for fn in sorted(os.listdir(path)):
        if not fn.endswith(".txt"):
            continue
        for line in open(os.path.join(path, fn), encoding="utf-8"):
            m = re.match(r"^\s*\d+ ([0-9a-f]{8}) (\w+)/(\w+) (A(\d+) B(\d+)|only-([AB]) (\d+)) ([RW])", line)
            if m:
                out.append((fn, m))
    return out


def judged(res, path):
    """How this run treats every hand-judged row: a judged pair still paired
    or not, a judged "only in" sentence still alone or now paired (with
    whom). Prints the counts and each row that moved."""
    keyof = {}
    for k in res:
        parts = k.split("/")
        keyof[(parts[2][:8], parts[3].split(".")[0], parts[-1].split(".")[0])] = k
    tally = collections.Counter()
    for fn, m in judged_rows(path):
        k = keyof.get((m[1], m[2], m[3]))
        if k is None:
            continue
        rows = res[k]["rows"]
        verdict = m[9]
        if m[5]:
            a, b = int(m[5]), int(m[6])
            kept = any("a" in r and "b" in r and r["a"][0] == a and r["b"][0] == b for r in rows)
            tally[("pair", verdict, "kept" if kept else "gone")] += 1
            if not kept:
                print("  moved: %s %s %s" % (fn, m[0].strip(), "(pair gone)"))
        else:
            side, off = m[7].lower(), int(m[8])
            mine = [r for r in rows if side in r and r[side][0] == off]
            alone = all(r["mark"] in "<>" for r in mine)
            weak = all(r["mark"] == "?" for r in mine)
            tally[("only", verdict, "alone" if alone else "weak match" if weak else "paired")] += 1
            if not alone:
                print("  moved: %s %s -> %s" % (fn, m[0].strip(), [r["mark"] for r in mine]))
    for t in sorted(tally):
        print("judged %s %s: %s %d" % (t + (tally[t],)))


def load_run(path):
    v = json.load(open(path))
    return {k: (x if isinstance(x, dict) else {"rows": x, "figures": [], "entities": []})
            for k, x in v.items()}


def main(argv):
    dossier, db, root = argv[1:4]
    opt = lambda name, d: argv[argv.index(name) + 1] if name in argv else d
    res = load_run(opt("--load", "")) if "--load" in argv else compare_all(dossier, db, root)
    rows = {k: v["rows"] for k, v in res.items()}
    counts(rows)
    nconf = sum(1 for v in res.values() for f in v["figures"] if f.get("side") == "conflict")
    nonly = sum(1 for v in res.values() for e in v["entities"] if e["side"] != "both")
    print("figures that disagree %d; entities only in one side %d" % (nconf, nonly))
    old = {k: v["rows"] for k, v in load_run(opt("--old", "")).items()} if "--old" in argv else {}
    if old:
        added = sum(len(set(pairs(rows[k])) - set(pairs(old.get(k, [])))) for k in rows)
        removed = sum(len(set(pairs(old[k])) - set(pairs(rows.get(k, [])))) for k in old)
        print("against --old: %d pairs added, %d removed" % (added, removed))
    if "--save" in argv:
        with open(opt("--save", ""), "w", encoding="utf-8") as f:
            json.dump(res, f)
    if "--judged" in argv:
        judged(res, opt("--judged", ""))
    if "--draw" not in argv:
        return
    kind, seed, n = opt("--draw", "pairs"), int(opt("--seed", "17")), int(opt("--n", "30"))
    keys = event_draw(res, seed, "--fresh" in argv)
    if kind == "added":
        pool = [(k, r) for k in sorted(rows) for p, r in sorted(pairs(rows[k]).items())
                if p not in pairs(old.get(k, []))]
    elif kind == "pairs":
        pool = [(k, r) for k in keys for r in rows[k] if "a" in r and "b" in r]
    if kind in ("added", "pairs"):
        random.seed(seed)
        for i, (k, r) in enumerate(random.sample(pool, min(n, len(pool)))):
            show_pair(i, k, r)
    elif kind == "only":
        draw_only(res, keys, seed, n)
    elif kind == "weak":
        draw_only(res, keys, seed, n, "?")
    elif kind == "figures":
        draw_figures(res, root)
    elif kind == "entities":
        draw_entities(res, root, keys, seed, n)


if __name__ == "__main__":
    main(sys.argv)

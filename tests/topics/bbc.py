#!/usr/bin/env python3
"""bbc.py — the shipped topic rules against the BBC News dataset's labels.

usage: bbc.py DOSSIER ASSETS BBC_DIR WORK_DIR [--min-agree P] [--max-none P] [--confusion]

Indexes BBC_DIR (five folders named by label) with the shipped rules into
WORK_DIR/bbc.db, exports each article's topics (best first) and compares the
top-level topic ranked first with the label: business -> economy,
entertainment -> arts-culture-entertainment, politics -> politics, sport ->
sport, tech -> science-technology. "No topic" is an article with none but
the fallback. Reports both halves (odd file numbers: the half the weights
were calibrated on; even: held out) and the whole, as TAP; the floors apply
to each half. Then the themes `dossier themes --k 5` finds: their purity
against the labels (share of articles in their theme's commonest label)
must reach 85%, fitted on every article and fitted on a sample of 1,000
with the rest assigned to their nearest theme.
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import topiclib  # noqa: E402
from topiclib import diag, tap, top_topic  # noqa: E402


LABEL_MAP = {
    "business": "economy",
    "entertainment": "arts-culture-entertainment",
    "politics": "politics",
    "sport": "sport",
    "tech": "science-technology",
}

def themes_purity(dossier, assets, bbc, work, rows, sample=None):
    """Themes found at k = 5 (dossier themes) against the five labels:
    purity, the share of articles in their theme's most common label. With
    sample, fitted on that many articles and the rest assigned to the
    nearest theme, as an index run of a large collection does."""
    env = dict(os.environ, DOSSIER_ASSETS=assets, XDG_CONFIG_HOME=os.path.join(work, "config"))
    cmd = [dossier, "--db", os.path.join(work, "bbc.db"), "themes", "--k", "5", "--json"]
    if sample:
        cmd += ["--sample", str(sample)]
    out = subprocess.run(cmd, check=True, env=env, capture_output=True, text=True).stdout
    label = {}
    for row in rows:
        lab = os.path.relpath(row["path"], bbc).split(os.sep)[0]
        if lab in LABEL_MAP:
            label[int(row["id"])] = lab
    major = total = 0
    for theme in json.loads(out)["themes"]:
        counts = {}
        for doc in theme["docs"]:
            counts[label.get(doc)] = counts.get(label.get(doc), 0) + 1
        diag("BBC theme %d (%s): %d articles, %s" % (theme["theme"], theme["label"], theme["size"],
             ", ".join("%s %d" % kv for kv in sorted(counts.items(), key=lambda x: -x[1])[:3])))
        major += max(counts.values()) if counts else 0
        total += theme["size"]
    purity = 100.0 * major / total if total else 0
    what = "fitted on %d, the rest assigned" % sample if sample else "fitted on all"
    tap(purity >= 85, "BBC themes at k = 5 (%s): purity %.1f%% >= 85%%" % (what, purity))


def main():
    args = sys.argv[1:]
    opts = {"--min-agree": 95.0, "--max-none": 3.0}
    confusion = "--confusion" in args
    args = [a for a in args if a != "--confusion"]
    for k in list(opts):
        if k in args:
            i = args.index(k)
            opts[k] = float(args[i + 1])
            del args[i:i + 2]
    dossier, assets, bbc, work = args
    rows = topiclib.index_and_export(dossier, assets, bbc, work, "bbc")
    halves = {"calibration (odd)": [0, 0, 0], "held out (even)": [0, 0, 0]}
    conf = {}
    for row in rows:
        rel = os.path.relpath(row["path"], bbc)
        label = rel.split(os.sep)[0]
        if label not in LABEL_MAP:
            continue
        num = int(os.path.splitext(os.path.basename(rel))[0])
        half = "calibration (odd)" if num % 2 else "held out (even)"
        top = top_topic(row["topics"].split(","))
        h = halves[half]
        h[0] += 1
        h[1] += top == LABEL_MAP[label]
        h[2] += top is None
        conf[(label, top)] = conf.get((label, top), 0) + 1
    tot = [sum(h[i] for h in halves.values()) for i in range(3)]
    # 2,225 files, some of them the same text (indexed once)
    tap(tot[0] >= 2100, "BBC: the articles indexed and exported (%d distinct texts)" % tot[0])
    for name, (n, agree, none) in list(halves.items()) + [("all", tot)]:
        pa = 100.0 * agree / n if n else 0
        pn = 100.0 * none / n if n else 100
        diag("BBC %s: %d articles, top topic agrees %d = %.1f%%, no topic %d = %.1f%%"
             % (name, n, agree, pa, none, pn))
        if name != "all":
            tap(pa >= opts["--min-agree"], "BBC %s: top topic agrees %.1f%% >= %.1f%%"
                % (name, pa, opts["--min-agree"]))
            tap(pn <= opts["--max-none"], "BBC %s: no topic %.1f%% <= %.1f%%"
                % (name, pn, opts["--max-none"]))
    themes_purity(dossier, assets, bbc, work, rows)
    themes_purity(dossier, assets, bbc, work, rows, sample=1000)
    if confusion:
        for (label, top), c in sorted(conf.items(), key=lambda x: (x[0][0], -x[1])):
            diag("%-14s -> %-28s %d" % (label, top, c))
    print("1..%d" % topiclib.n_test)
    return 1 if topiclib.failed else 0


if __name__ == "__main__":
    sys.exit(main())

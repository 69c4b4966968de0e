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
to each half.
"""
import csv
import io
import os
import subprocess
import sys

LABEL_MAP = {
    "business": "economy",
    "entertainment": "arts-culture-entertainment",
    "politics": "politics",
    "sport": "sport",
    "tech": "science-technology",
}

n_test = 0
failed = 0


def tap(cond, name):
    global n_test, failed
    n_test += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n_test, name))
    if not cond:
        failed += 1


def diag(msg):
    for line in msg.splitlines():
        print("# " + line)


def top_topic(slugs):
    for s in slugs:
        if s and "/" not in s and s != "general":
            return s
    return None


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
    env = dict(os.environ, DOSSIER_ASSETS=assets, XDG_CONFIG_HOME=os.path.join(work, "config"))
    db = os.path.join(work, "bbc.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    subprocess.run([dossier, "--db", db, "index", "--quiet", bbc], check=True, env=env)
    out = subprocess.run([dossier, "--db", db, "export", "--format", "csv"], check=True,
                         env=env, capture_output=True, text=True).stdout
    halves = {"calibration (odd)": [0, 0, 0], "held out (even)": [0, 0, 0]}
    conf = {}
    for row in csv.DictReader(io.StringIO(out)):
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
    if confusion:
        for (label, top), c in sorted(conf.items(), key=lambda x: (x[0][0], -x[1])):
            diag("%-14s -> %-28s %d" % (label, top, c))
    print("1..%d" % n_test)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

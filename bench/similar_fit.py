#!/usr/bin/env python3
"""similar_fit.py — fit the weights of similar's calibrated score
(src/lib/compare/evidence.c) on labelled pairs, and check the calibration.

  similar_fit.py DOSSIER DB EVENTS_TSV TXT_ROOT [--limit 40] [--cache FILE] [--era DAYS]

For every basil-dev article (EVENTS_TSV: file, event_id, ...), `dossier
similar --json --limit 40` lists its candidates with their evidence
(cosine, lead_cosine, entities, days; shared figures were tried and
fitted a weight below zero, so they explain but do not score); a pair is
positive when both are
articles of the same event. A logistic regression (Newton's method, an L2
penalty of 0.1 so that no weight runs away on easy negatives) is fitted on
the events of even rank and tested on the others, then on all: it prints
the weights to copy into evidence.c, the log loss and a reliability table (predicted against observed share of positives per
score bin), which is what "calibrated" means here. Pure Python.
"""
import json
import math
import os
import subprocess
import sys

UNDATED_DAYS = 3.0  # as SIM_UNDATED_DAYS in evidence.c
DAYS_CAP = 30  # as SIM_DAYS_CAP: a month apart or a year apart, the same evidence


def features(r, era=None):
    days = min(r["days"], DAYS_CAP) if r["days"] is not None else UNDATED_DAYS
    if era is not None:
        days = era
    return [1.0, r["cosine"], r.get("lead_cosine", 0.0), r["entities"], math.log1p(days)]


def collect(dossier, db, events, root, limit):
    event_of = {}
    with open(events, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            event_of[os.path.realpath(os.path.join(root, cols[0]))] = cols[1]
    order = sorted(set(event_of.values()))
    rows = []  # (event rank, x, y)
    for path, event in sorted(event_of.items()):
        out = subprocess.run([dossier, "--db", db, "similar", path, "--json", "--limit",
                              str(limit)], capture_output=True, text=True)
        for line in out.stdout.splitlines():
            r = json.loads(line)
            y = 1 if event_of.get(os.path.realpath(r["path"])) == event else 0
            r["query"] = path
            rows.append((order.index(event), r, y))
    return rows


def solve(a, b):
    """Gaussian elimination with partial pivoting: a x = b."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c]:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(data, l2=0.1, steps=30):
    k = len(data[0][0])
    w = [0.0] * k
    for _ in range(steps):
        g = [l2 * wi for wi in w]
        h = [[l2 if i == j else 0.0 for j in range(k)] for i in range(k)]
        for x, y in data:
            p = sigmoid(sum(wi * xi for wi, xi in zip(w, x)))
            for i in range(k):
                g[i] += (p - y) * x[i]
                for j in range(k):
                    h[i][j] += p * (1 - p) * x[i] * x[j]
        step = solve(h, g)
        w = [wi - si for wi, si in zip(w, step)]
    return w


def report(name, data, w):
    loss = 0.0
    bins = [[0, 0.0, 0] for _ in range(5)]
    for x, y in data:
        p = sigmoid(sum(wi * xi for wi, xi in zip(w, x)))
        loss -= math.log(max(1e-12, p if y else 1 - p))
        b = bins[min(4, int(p * 5))]
        b[0] += 1
        b[1] += p
        b[2] += y
    print("%s: %d pairs, %d positive, log loss %.4f" % (name, len(data),
          sum(y for _, y in data), loss / len(data)))
    for i, (n, ps, ys) in enumerate(bins):
        if n:
            print("  score %.1f-%.1f: %5d pairs, mean score %.3f, same story %.3f"
                  % (i / 5, (i + 1) / 5, n, ps / n, ys / n))


def main(argv):
    dossier, db, events, root = argv[1:5]
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else 40
    cache = argv[argv.index("--cache") + 1] if "--cache" in argv else None
    if cache and os.path.exists(cache):
        with open(cache, encoding="utf-8") as f:
            rows = json.load(f)
    else:
        rows = collect(dossier, db, events, root, limit)
        if cache:
            with open(cache, "w", encoding="utf-8") as f:
                json.dump(rows, f)
    # Same-era distractors: basil-dev's events are months apart, so a
    # distractor's date alone gives it away, and a fit on it would let the
    # date outweigh the text. With --era N every distractor is given a date
    # within N days instead (spread evenly, deterministically): the dense
    # collection of one period that the score must also hold on.
    era = int(argv[argv.index("--era") + 1]) if "--era" in argv else None
    spread = lambda i: None if era is None else (i * 7919) % (era + 1)
    data = [(e, features(r, None if y else spread(i)), y) for i, (e, r, y) in enumerate(rows)]
    train = [(x, y) for e, x, y in data if e % 2 == 0]
    test = [(x, y) for e, x, y in data if e % 2 == 1]
    w = fit(train)
    names = ["SIM_B", "SIM_W_COS", "SIM_W_LEAD", "SIM_W_ENT", "SIM_W_DAY"]
    print("fitted on even events: " + "  ".join("%s %.2f" % (n, v) for n, v in zip(names, w)))
    report("train (even events)", train, w)
    report("test (odd events)", test, w)
    w_all = fit(train + test)
    print("fitted on all events:  " + "  ".join("%s %.2f" % (n, v) for n, v in zip(names, w_all)))


if __name__ == "__main__":
    main(sys.argv)

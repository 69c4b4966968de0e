#!/usr/bin/env python3
"""similar_eval.py — how often `dossier similar` finds the other outlets'
versions of the same story (bench_similar.sh runs it).

  similar_eval.py DOSSIER DB EVENTS_TSV TXT_ROOT [--limit 10] [--half even|odd]

EVENTS_TSV lists file, event_id, outlet... (the basil-dev layout); each
listed file is a query. For each, `dossier similar PATH --json` gives the
ranked list; a hit is an article of the same event. Prints P@1, top-3,
top-10 (at least one same-event article in the first k), MRR (of the first
same-event article), and the CPU time per call, process start included
(p50, p95): CPU, not wall, so other load on the machine does not count.
With --half, only the events of even (or odd) rank in event-id order are
queries: similar_fit.py fits on the even ones, so the odd ones are held out.
"""
import json
import os
import resource
import subprocess
import sys
import time


def main(argv):
    dossier, db, events, root = argv[1:5]
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else 10
    half = argv[argv.index("--half") + 1] if "--half" in argv else None
    event_of = {}
    with open(events, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            event_of[os.path.realpath(os.path.join(root, cols[0]))] = cols[1]
    order = sorted(set(event_of.values()))
    n = p1 = top3 = top10 = 0
    rr = 0.0
    times = []
    for path, event in sorted(event_of.items()):
        if sum(1 for e in event_of.values() if e == event) < 2:
            continue
        if half and order.index(event) % 2 != (half == "odd"):
            continue
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run([dossier, "--db", db, "similar", path, "--json", "--limit",
                              str(limit)], capture_output=True, text=True)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
        ranks = []
        for i, line in enumerate(out.stdout.splitlines()):
            got = os.path.realpath(json.loads(line)["path"])
            if event_of.get(got) == event:
                ranks.append(i + 1)
        n += 1
        first = ranks[0] if ranks else None
        p1 += first == 1
        top3 += first is not None and first <= 3
        top10 += first is not None and first <= 10
        rr += 1.0 / first if first else 0.0
    times.sort()
    pct = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
    print("queries %d  P@1 %.3f  top3 %.3f  top10 %.3f  MRR %.3f  CPU/call p50 %.0f ms p95 %.0f ms"
          % (n, p1 / n, top3 / n, top10 / n, rr / n, pct(0.5), pct(0.95)))


if __name__ == "__main__":
    main(sys.argv)

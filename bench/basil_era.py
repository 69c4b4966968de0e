#!/usr/bin/env python3
"""basil_era.py — a copy of basil-dev whose 53 events all happen within a
few days of each other: the same-era setting where the other events'
tellings are the hardest distractors (issue 17).

  basil_era.py SRC OUT [--days 14] [--start 2018-03-01]

SRC is basil-dev (events.tsv, txt/). The events are taken in order of
their first date (neighbours in time are often one running story: the
2019 shutdown, the 2015 religious-freedom laws) and event i is moved to
start on day START + (i mod DAYS); each article keeps its offset from its
event's first date. Only the `Date:` of each file's second line and the
date column of events.tsv change, so the texts are what the outlets
wrote and the date alone no longer tells the events apart. The copy goes
to OUT (a benchmark's scratch folder, never the project).
"""
import datetime
import os
import sys


def main(argv):
    src, out = argv[1:3]
    days = int(argv[argv.index("--days") + 1]) if "--days" in argv else 14
    start = argv[argv.index("--start") + 1] if "--start" in argv else "2018-03-01"
    start = datetime.date.fromisoformat(start)
    with open(os.path.join(src, "events.tsv"), encoding="utf-8") as f:
        head = f.readline()
        rows = [line.rstrip("\n").split("\t") for line in f]
    first = {}
    for r in rows:
        d = datetime.date.fromisoformat(r[3])
        first[r[1]] = min(first.get(r[1], d), d)
    order = sorted(first, key=lambda e: (first[e], e))
    base = {e: start + datetime.timedelta(days=i % days) for i, e in enumerate(order)}
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "events.tsv"), "w", encoding="utf-8") as f:
        f.write(head)
        for r in rows:
            old = datetime.date.fromisoformat(r[3])
            new = base[r[1]] + (old - first[r[1]])
            with open(os.path.join(src, r[0]), encoding="utf-8") as g:
                lines = g.read().split("\n")
            assert "Date: " + r[3] in lines[1], r[0]
            lines[1] = lines[1].replace("Date: " + r[3], "Date: " + new.isoformat())
            path = os.path.join(out, r[0])
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as g:
                g.write("\n".join(lines))
            r[3] = new.isoformat()
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main(sys.argv)

#!/usr/bin/env python3
"""story_eval.py — how well the index's stories match basil-dev's events.

  story_eval.py DB EVENTS_TSV TXT_ROOT [--half even|odd]

Reads the index's story_docs and files tables (sqlite3 module) and
EVENTS_TSV (file, event_id, ...). Pair recall: of the pairs of articles of
one event, the share put in one story. Pair precision: of the pairs in one
story that hold at least one basil-dev article, the share that are of one
event (a distractor joined to an event's story counts against it). Also
how many events end up whole (all their articles in one story).
With --half, only the events of even (or odd) rank in event-id order count
(as in similar_eval.py): recall and whole events over those events, and
precision over the pairs in one story with at least one of their articles
(a fit on one half is tested on the other).
"""
import itertools
import os
import sqlite3
import sys


def main(argv):
    db, events, root = argv[1:4]
    half = argv[argv.index("--half") + 1] if "--half" in argv else None
    event_of = {}
    with open(events, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            event_of[os.path.realpath(os.path.join(root, cols[0]))] = cols[1]
    order = sorted(set(event_of.values()))
    counted = {e for e in order if not half or order.index(e) % 2 == (half == "odd")}
    con = sqlite3.connect(db)
    story_of, path_of = {}, {}
    for doc, story in con.execute("SELECT doc_id, story FROM story_docs"):
        story_of[doc] = story
    for path, doc in con.execute("SELECT path, doc_id FROM files WHERE doc_id IS NOT NULL"):
        path_of.setdefault(doc, os.path.realpath(path))
    members = {}
    for doc, story in story_of.items():
        members.setdefault(story, []).append(doc)
    ev = {doc: event_of.get(path_of.get(doc)) for doc in story_of}
    same = together = 0
    for docs in members.values():
        if not any(ev[d] for d in docs):
            continue
        for a, b in itertools.combinations(docs, 2):
            if half and ev[a] not in counted and ev[b] not in counted:
                continue
            together += 1
            same += ev[a] is not None and ev[a] == ev[b]
    by_event = {}
    for doc, e in ev.items():
        if e in counted:
            by_event.setdefault(e, []).append(doc)
    pairs = found = whole = 0
    for docs in by_event.values():
        for a, b in itertools.combinations(docs, 2):
            pairs += 1
            found += story_of[a] == story_of[b]
        whole += len({story_of[d] for d in docs}) == 1
    multi = sum(1 for d in members.values() if len(d) > 1)
    print("stories %d (%d with 2+ articles)  pair precision %.3f (%d/%d)  pair recall %.3f"
          " (%d/%d)  whole events %d/%d" % (len(members), multi, same / max(1, together), same,
                                           together, found / max(1, pairs), found, pairs, whole,
                                           len(by_event)))


if __name__ == "__main__":
    main(sys.argv)

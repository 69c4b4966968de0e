#!/usr/bin/env python3
"""zh_topics.py — topics of Chinese news: the "general" share and agreement
with English counterparts.

usage: zh_topics.py DUMP ASSETS PAIRS GOLD...

PAIRS (bench/zh/topic_pairs.txt): "=== id", "--- en", its text, "--- zh",
its text. A Chinese article agrees when its top-level topics (less
"general") are those of its English counterpart. Each GOLD is a Chinese
gold set (zh_gold.py's format); for each, the share filed under "general"
or no topic. Counts only; prints a Markdown table.
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                "tests", "extract"))
import gold  # noqa: E402


def tops(g):
    """The top-level topics of one extraction, less the fallback."""
    return {t["slug"].split("/")[0] for t in g["topics"]} - {"general"}


def read_pairs(path):
    pairs, cur, side = [], None, None
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("#") and cur is None:
            continue
        if line.startswith("=== "):
            cur = {"id": line[4:].strip(), "en": [], "zh": []}
            pairs.append(cur)
        elif line.startswith("--- "):
            side = line[4:].strip()
        elif cur is not None and side in ("en", "zh"):
            cur[side].append(line)
    return pairs


def agreement(dump, assets, path):
    pairs = read_pairs(path)
    arts = []
    for p in pairs:
        for side in ("en", "zh"):
            arts.append({"id": p["id"] + "-" + side,
                         "text": "\n".join(p[side]).strip("\n") + "\n"})
    with tempfile.TemporaryDirectory() as tmp:
        got = gold.run(dump, assets, arts, tmp)
    same = 0
    for i, p in enumerate(pairs):
        en, zh = tops(got[2 * i]), tops(got[2 * i + 1])
        same += en == zh and bool(en)
        if en != zh or not en:
            print("<!-- %s: en %s, zh %s -->" % (p["id"], ",".join(sorted(en)) or "-",
                                                 ",".join(sorted(zh)) or "-"))
    return same, len(pairs)


def general_share(dump, assets, path):
    arts = gold.parse(path)
    with tempfile.TemporaryDirectory() as tmp:
        got = gold.run(dump, assets, arts, tmp)
    return sum(1 for g in got if not tops(g)), len(arts)


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    dump, assets, pairs = sys.argv[1:4]
    same, n = agreement(dump, assets, pairs)
    print("| set | articles | \"general\" or none | agrees with English |")
    print("|---|---|---|---|")
    print("| %s | %d | | %d/%d |" % (os.path.basename(pairs), n, same, n))
    tg = tn = 0
    for path in sys.argv[4:]:
        g, n = general_share(dump, assets, path)
        tg, tn = tg + g, tn + n
        print("| %s | %d | %d (%.1f%%) | |" % (os.path.basename(path), n, g, 100.0 * g / n))
    if tn:
        print("| all Chinese sets | %d | %d (%.1f%%) | |" % (tn, tg, 100.0 * tg / tn))
    return 0


if __name__ == "__main__":
    sys.exit(main())

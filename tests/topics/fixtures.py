#!/usr/bin/env python3
"""fixtures.py — the shipped topic rules against our own labelled articles.

usage: fixtures.py DOSSIER ASSETS FIXTURES_TSV WORK_DIR [--min-precision P]
                   [--min-coverage C] [--held-out]

FIXTURES_TSV holds short articles we wrote (gold top-level topic, language,
title, body). Each becomes a file (title line, blank line, body) in
WORK_DIR/articles; the folder is indexed with the shipped rules and the
first top-level topic of each article is compared with its gold topic.
Precision = right / articles given a topic; coverage = articles given a
topic / all (at least C, default P). Prints TAP with the numbers, per
language, and every miss.

--held-out: the second field is the kind of text (wire, web) instead of
the language, the numbers are per kind, and the set need not cover every
topic (tests/topics/heldout.tsv).
"""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import topiclib  # noqa: E402
from topiclib import diag, tap, top_topic  # noqa: E402


def main():
    args = sys.argv[1:]
    min_prec = 0.9
    if "--min-precision" in args:
        i = args.index("--min-precision")
        min_prec = float(args[i + 1])
        del args[i:i + 2]
    min_cov = min_prec
    if "--min-coverage" in args:
        i = args.index("--min-coverage")
        min_cov = float(args[i + 1])
        del args[i:i + 2]
    held_out = "--held-out" in args
    if held_out:
        args.remove("--held-out")
    dossier, assets, tsv, work = args
    arts = os.path.join(work, "articles")
    shutil.rmtree(arts, ignore_errors=True)
    os.makedirs(arts)
    gold = {}
    with open(tsv, encoding="utf-8") as f:
        n = 0
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            topic, lang, title, body = line.split("\t")
            n += 1
            name = "%03d-%s.txt" % (n, lang)
            with open(os.path.join(arts, name), "w", encoding="utf-8") as out:
                out.write(title + "\n\n" + body + "\n")
            gold[name] = (topic, lang, title)
    rows = topiclib.index_and_export(dossier, assets, arts, work, "fixtures")
    stats = {}
    seen = 0
    for row in rows:
        name = os.path.basename(row["path"])
        if name not in gold:
            continue
        seen += 1
        want, lang, title = gold[name]
        got = top_topic(row["topics"].split(","))
        for key in (lang, "all"):  # lang: the kind of text with --held-out
            s = stats.setdefault(key, [0, 0, 0])
            s[0] += 1
            s[1] += got is not None
            s[2] += got == want
        if got != want:
            print("# miss (%s) %s: want %s, got %s (%s)" % (lang, title, want, got, row["topics"]))
    tap(seen == len(gold), "fixtures: every article indexed (%d of %d)" % (seen, len(gold)))
    groups = sorted({g[1] for g in gold.values()}) + ["all"]
    if held_out:
        return report(stats, groups, min_prec, min_cov)
    topics = {g[0] for g in gold.values()}
    per = {t: sum(1 for g in gold.values() if g[0] == t and g[1] == "en") for t in topics}
    per_zh = {t: sum(1 for g in gold.values() if g[0] == t and g[1] == "zh") for t in topics}
    tap(len(topics) >= 17 and min(per.values()) >= 5 and min(per_zh.values()) >= 2,
        "fixtures: %d topics, at least 5 English and 2 Chinese articles each" % len(topics))
    return report(stats, ("en", "zh", "all"), min_prec, min_cov)


def report(stats, groups, min_prec, min_cov):
    """Precision and coverage per group as TAP; the exit status."""
    for key in groups:
        n, given, right = stats.get(key, [0, 0, 0])
        prec = right / given if given else 0
        cov = given / n if n else 0
        print("# %s: %d articles, %d given a topic (coverage %.2f), top topic right %d "
              "(precision %.2f)" % (key, n, given, cov, right, prec))
        tap(prec >= min_prec, "fixtures %s: precision of the top topic %.2f >= %.2f"
            % (key, prec, min_prec))
        tap(cov >= min_cov, "fixtures %s: coverage %.2f >= %.2f" % (key, cov, min_cov))
    print("1..%d" % topiclib.n_test)
    return 1 if topiclib.failed else 0


if __name__ == "__main__":
    sys.exit(main())

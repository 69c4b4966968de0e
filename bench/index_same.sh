#!/bin/sh
# index_same.sh — what an index holds, as hashes, to show that a speed
# change left it byte for byte the same (issue 16):
#
#   bench/index_same.sh [--bin DOSSIER] DB > before.txt
#   ... the same with the changed build's index ...
#   diff before.txt after.txt
#
# One line per table (every table but the virtual ones, so the full-text
# index through its shadow tables): its name, rows, and the sha1 of its
# rows, each quoted (Python's repr), sorted, `indexed_at` and `updated_at`
# left out; then the sha1 of `dossier show --removed` of every tenth
# document (the cleaned text with what cleaning removed) and of
# `dossier themes --json`. The database is opened read-only; the two
# commands read it as any reader would.
set -eu

bin=dossier
while [ $# -gt 0 ]; do
    case $1 in
    --bin) bin=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "index_same.sh: unknown option $1" >&2; exit 1 ;;
    *) break ;;
    esac
done
[ $# -eq 1 ] || { echo "usage: index_same.sh [--bin DOSSIER] DB" >&2; exit 1; }
db=$1
[ -f "$db" ] || { echo "index_same.sh: no database $db" >&2; exit 1; }

python3 - "$db" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect('file:%s?mode=ro' % sys.argv[1], uri=True)
tabs = [r[0] for r in db.execute("select name from sqlite_master where type='table' "
                                 "and sql not like 'CREATE VIRTUAL%' order by name")]
for t in tabs:
    cols = [r[1] for r in db.execute('pragma table_info("%s")' % t)
            if r[1] not in ('indexed_at', 'updated_at')]
    if not cols:
        continue
    rows = sorted(repr(r) for r in db.execute(
        'select %s from "%s"' % (','.join('"%s"' % c for c in cols), t)))
    print('table', t, len(rows), hashlib.sha1('\n'.join(rows).encode()).hexdigest())
PY
python3 - "$db" <<'PY' | while read -r id; do "$bin" --db "$db" show --removed "$id"; done | \
    sha1sum | sed 's/ .*//; s/^/show --removed (every tenth document) /'
import sqlite3, sys
db = sqlite3.connect('file:%s?mode=ro' % sys.argv[1], uri=True)
for r in db.execute('select id from documents where id % 10 = 0 order by id'):
    print(r[0])
PY
"$bin" --db "$db" themes --json | sha1sum | sed 's/ .*//; s/^/themes --json /'

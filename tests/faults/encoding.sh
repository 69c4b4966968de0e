#!/bin/sh
# Issue 18, finding 6: text in an encoding dossier cannot tell (Big5 or
# GB18030 without a declaration, UTF-16 without a byte-order mark) is
# skipped with "unknown encoding", never indexed as mojibake; Western
# single-byte text (Latin-1) is still read.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/faults/lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
    skip 6 "python3 not installed (writes the encoded files)"
    done_testing
    exit 0
fi
D="$DOSSIER_BIN"
news="$TEST_TMP/news"
mkdir -p "$news"
python3 - "$news" <<'PY'
import sys, os
d = sys.argv[1]
zh = ("中美贸易谈判在日内瓦恢复，双方讨论关税和出口管制。\n\n"
      "官员表示，谈判将持续三天，重点是农产品和半导体。\n") * 3
open(os.path.join(d, "big5.txt"), "wb").write(zh.encode("big5", "replace"))
open(os.path.join(d, "gb18030.txt"), "wb").write(zh.encode("gb18030"))
en = ("Trade talks resume in Geneva\n\nOfficials said the talks would last three days "
      "and focus on farm goods and chips.\n") * 3
open(os.path.join(d, "utf16.txt"), "wb").write(en.encode("utf-16-le"))
fr = ("Les négociations commerciales reprennent à Genève\n\nLes responsables ont déclaré "
      "que les discussions dureraient trois jours et porteraient sur les céréales.\n")
open(os.path.join(d, "latin1.txt"), "wb").write(fr.encode("latin-1"))
PY
out=$("$D" --db "$TEST_TMP/index.db" index "$news" 2>&1)
like "$out" "big5\.txt \(not an article: unknown encoding" "Big5 is skipped as an unknown encoding"
like "$out" "gb18030\.txt \(not an article: unknown encoding" "so is GB18030"
like "$out" "utf16\.txt \(unknown encoding \(UTF-16 without a byte-order mark" \
    "UTF-16 without a BOM is not called binary"
is "$(docs "$TEST_TMP/index.db")" 1 "only the Latin-1 article is indexed"
is "$(hits "$TEST_TMP/index.db" 'négociations')" 1 "and it is read as Latin-1"
like "$("$D" --db "$TEST_TMP/index.db" stats)" "unknown encoding" "stats lists the skipped files"

done_testing

#!/bin/sh
# Issue 18, finding 6 (with issue 11's detection): legacy Chinese encodings
# without a declaration (Big5, GB18030) and UTF-16 without a byte-order mark
# are detected and read as the text they are, never as mojibake; bytes no
# detector explains are skipped with "unknown encoding"; Western single-byte
# text (Latin-1) is still read.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/faults/lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
    skip 8 "python3 not installed (writes the encoded files)"
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
zht = ("中美貿易談判在日內瓦恢復，雙方討論關稅和出口管制。\n\n"
       "官員表示，談判將持續三天，重點是農產品和半導體。\n") * 3
open(os.path.join(d, "big5.txt"), "wb").write(zht.encode("big5"))
open(os.path.join(d, "gb18030.txt"), "wb").write(zh.encode("gb18030"))
import random
random.seed(7)
open(os.path.join(d, "noise.txt"), "wb").write(bytes(random.randrange(0x80, 0x100) for _ in range(3000)))
en = ("Trade talks resume in Geneva\n\nOfficials said the talks would last three days "
      "and focus on farm goods and chips.\n") * 3
open(os.path.join(d, "utf16.txt"), "wb").write(en.encode("utf-16-le"))
fr = ("Les négociations commerciales reprennent à Genève\n\nLes responsables ont déclaré "
      "que les discussions dureraient trois jours et porteraient sur les céréales.\n")
open(os.path.join(d, "latin1.txt"), "wb").write(fr.encode("latin-1"))
PY
out=$("$D" --db "$TEST_TMP/index.db" index "$news" 2>&1)
like "$out" "noise\.txt \(unknown encoding" "bytes nothing explains are skipped as an unknown encoding"
unlike "$out" "(big5|gb18030|utf16)\.txt \(" "Big5, GB18030 and UTF-16 without a BOM are read"
is "$(docs "$TEST_TMP/index.db")" 4 "four articles indexed, the noise not"
# (search folds the two scripts: either form finds the Big5 article, written
# in Traditional characters, and the GB18030 one, in Simplified)
is "$(hits "$TEST_TMP/index.db" '談判')" 2 "Big5 and GB18030 read as Chinese"
is "$(hits "$TEST_TMP/index.db" '谈判')" 2 "both found by the Simplified form too"
is "$(hits "$TEST_TMP/index.db" 'Geneva')" 1 "UTF-16 without a BOM read as text"
is "$(hits "$TEST_TMP/index.db" 'négociations')" 1 "and Latin-1 read as Latin-1"
like "$("$D" --db "$TEST_TMP/index.db" stats)" "unknown encoding" "stats lists the skipped files"

done_testing

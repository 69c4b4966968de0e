# python_env.sh — sourced by the extraction evaluations' TAP wrappers
# (gold, held-out sets, seeds): where the source and build trees and the
# assets are, and a visible skip where python3 is missing.
: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${TOP_BUILDDIR:=.}"
: "${DOSSIER_ASSETS:=$TOP_SRCDIR/assets}"
if ! command -v python3 >/dev/null 2>&1; then
    echo "1..0 # SKIP no python3"
    exit 0
fi

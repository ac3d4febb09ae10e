#!/usr/bin/env bash
# Render workbooks the way a planner prints them: xlsx -> PDF -> PNG pages.
#
# Usage: benchmarks/render_workbook.sh OUT_DIR [WORKBOOK.xlsx ...]
# Without workbooks it writes the samples (benchmarks/sample_workbooks.py)
# into OUT_DIR first. Needs LibreOffice (soffice) and poppler (pdftoppm):
#   apt-get install -y --no-install-recommends libreoffice-calc \
#       poppler-utils fonts-crosextra-carlito   (Carlito = Calibri metrics)
# Pages come out as OUT_DIR/<name>-<page>.png at 60 dpi; look at them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
out="${1:?usage: $0 OUT_DIR [WORKBOOK.xlsx ...]}"
shift
mkdir -p "$out"
python="${PYTHON:-/work/venv/bin/python}"
if [ "$#" -eq 0 ]; then
    mapfile -t books < <(PYTHONPATH="$repo/src" "$python" \
        "$here/sample_workbooks.py" "$out" ${LANG_OPTION:-})
else
    books=("$@")
fi
# A private profile keeps soffice from clashing with a running instance.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for book in "${books[@]}"; do
    name="$(basename "${book%.xlsx}")"
    soffice -env:UserInstallation="file://$profile" --headless \
        --convert-to pdf --outdir "$out" "$book" >/dev/null
    rm -f "$out/$name"-*.png
    pdftoppm -r "${DPI:-60}" -png "$out/$name.pdf" "$out/$name"
    pages="$(ls "$out/$name"-*.png | wc -l)"
    echo "$out/$name.pdf: $pages page(s)"
done

#!/usr/bin/env bash
# The annual report's DOCX and HTML exports as a reader gets them: the golden tests write the fixed 2024 (2021 form)
# and 2017 (legacy 统计表) reports to DIR; LibreOffice turns each DOCX into a PDF, whose text must hold the title and
# the table headings; Chromium prints each HTML page to a PDF too. Prints each PDF's page count; PNG pages for a look
# go to DIR (PAGES=1-3 by default).
# Usage: bench/report-docx.sh [DIR]   — DIR defaults to a new temporary folder.
# Needs libreoffice, poppler-utils (pdftotext, pdfinfo, pdftoppm) and, for the HTML, chromium.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$(mktemp -d)}
mkdir -p "$dir" && dir=$(cd "$dir" && pwd)
first=${PAGES:-1-3}

GONGKAI_DOCX_OUT="$dir" dotnet test "$repo/tests/Gongkai.Tests" --filter "FullyQualifiedName~ReportExportGoldenTests" -v q -nologo >"$dir/test.log" 2>&1 \
  || { tail -30 "$dir/test.log"; exit 1; }

# Without Windows fonts, LibreOffice shows 宋体 in the first CJK face it finds (a sans one). Its own profile, with a
# replacement table, shows 宋体 as a serif CJK face and 黑体 as a sans one (Noto CJK), as Word shows them.
mkdir -p "$dir/lo-profile/user"
cat >"$dir/lo-profile/user/registrymodifications.xcu" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Font/Substitution"><prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_0" oor:op="replace"><prop oor:name="Always" oor:op="fuse"><value>true</value></prop><prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop><prop oor:name="ReplaceFont" oor:op="fuse"><value>宋体</value></prop><prop oor:name="SubstituteFont" oor:op="fuse"><value>Noto Serif CJK SC</value></prop></node></item>
<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_1" oor:op="replace"><prop oor:name="Always" oor:op="fuse"><value>true</value></prop><prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop><prop oor:name="ReplaceFont" oor:op="fuse"><value>黑体</value></prop><prop oor:name="SubstituteFont" oor:op="fuse"><value>Noto Sans CJK SC</value></prop></node></item>
</oor:items>
XML

status=0
check() {   # check PDF TEXT… — every TEXT must be in the PDF's text
  local pdf=$1; shift
  pdftotext -layout "$pdf" "${pdf%.pdf}.txt"
  for text in "$@"; do
    # pdftotext -layout may split a heading over two lines of a narrow cell: compare without white space.
    if ! tr -d ' \n' <"${pdf%.pdf}.txt" | grep -qF "$(tr -d ' ' <<<"$text")"; then
      echo "MISSING in $(basename "$pdf"): $text"
      status=1
    fi
  done
  echo "$(basename "$pdf"): $(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }') pages"
  pdftoppm -png -r 60 -f "${first%-*}" -l "${first#*-}" "$pdf" "${pdf%.pdf}"
}

for year in 2024 2017; do
  soffice -env:UserInstallation="file://$dir/lo-profile" --headless --convert-to pdf --outdir "$dir" "$dir/report-$year.docx" >/dev/null 2>&1
  texts=("青岚市映月区人民政府${year}年政府信息公开工作年度报告")
  if [ "$year" = 2024 ]; then
    texts+=("申请人情况" "本年新收政府信息公开申请数量" "法人或其他组织" "复议后起诉" "2025年1月20日")
  else
    texts+=("政府信息公开情况统计表" "主动公开政府信息数" "统计指标")
  fi
  check "$dir/report-$year.pdf" "${texts[@]}"
  if command -v chromium >/dev/null; then
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$dir/report-$year-html.pdf" \
      "file://$dir/report-$year.html" >/dev/null 2>&1
    check "$dir/report-$year-html.pdf" "${texts[@]}"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,2000 \
      --screenshot="$dir/report-$year-html.png" "file://$dir/report-$year.html" >/dev/null 2>&1
  fi
done
echo "files in $dir"
exit $status

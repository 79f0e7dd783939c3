#!/usr/bin/env bash
# Makes docs/screenshot.png, the README's picture of the window, from the app as it is now: the bundled sample with
# three segments approved, a translation memory holding a near match for the fourth, pre-translated from the memory,
# and the window rendered offscreen by `tarjama --smoke --screenshot`. Run it after changing what the window shows
# (bash .ci/setup first); it uses throw-away user folders, so your own projects and memories are not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TARJAMA_DATA_DIR="$work/data" TARJAMA_CONFIG_DIR="$work/config" TARJAMA_CACHE_DIR="$work/cache"
export QT_QPA_PLATFORM=offscreen LANGUAGE=en
cli=.venv/bin/tarjama-cli
project="$work/sample.tarjama"
$cli import resources/sample/sample-ar.txt --project "$project" >/dev/null
$cli edit "$project" 1 --target "New public library opens in the city centre" --approve >/dev/null
$cli edit "$project" 2 --approve --target \
  "On Sunday morning the municipality opened a new public library holding more than 25,000 books in Arabic and English." \
  >/dev/null
$cli edit "$project" 3 --target "A large number of students and residents attended the opening." --approve >/dev/null
cat >"$work/agency.tmx" <<'TMX'
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="ar" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="none"
 creationtool="docs/screenshot.sh" creationtoolversion="1"/><body>
<tu><tuv xml:lang="ar"><seg>وقال مدير المكتبة إن «المكتبة مفتوحة للجميع مجاناً».</seg></tuv>
<tuv xml:lang="en"><seg>The library's director said that "the library is open to everyone free of charge".</seg></tuv></tu>
</body></tmx>
TMX
$cli tm import "$work/agency.tmx" >/dev/null
$cli pretranslate "$project" --no-mt --tm-threshold 70 >/dev/null
.venv/bin/tarjama --smoke --screenshot docs/screenshot.png "$project" 2>/dev/null
echo "docs/screenshot.png: $(stat -c %s docs/screenshot.png) bytes"

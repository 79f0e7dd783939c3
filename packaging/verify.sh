#!/usr/bin/env bash
# Checks the Linux installer end to end on this Debian machine, as root (CI runs it after the tests):
#   1. builds the bundle, its .deb, and the offline edition carrying a tiny but real translation package;
#   2. checks that the bundle holds none of Argos Translate's online or sentence-splitting code;
#   3. installs each .deb with apt (which brings in its Depends) and runs the installed commands as a new user, with
#      nothing of the project on PATH: the window's smoke test with a screenshot, and the CLI on the bundled sample;
#   4. starts the offline edition for the first time with no network at all (unshare -n) and checks that it installed
#      its package and translates with it;
#   5. checks that the app left no file of its own in /opt/tarjama, removes each package and checks that none of its
#      files remain.
# Needs the development venv (.venv, from .ci/setup) to make the test package. Exits non-zero on the first failure;
# removes what it installed, whatever happens: the two packages and, by name, the libraries apt brought in for them,
# never a package that anything else installed meanwhile (nor the build tools build.sh installs and keeps).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "verify.sh: run it as root: it installs and removes the .deb" >&2; exit 2; }
for package in tarjama tarjama-offline; do
  if dpkg -s "$package" >/dev/null 2>&1; then
    echo "verify.sh: $package is installed on this machine; remove it first (this check would remove it)" >&2
    exit 2
  fi
done
started=$SECONDS
work=$(mktemp -d)
BROUGHT_IN="$work/brought-in"
: >"$BROUGHT_IN"
# shellcheck source=linux/apt_bookkeeping.sh
. packaging/linux/apt_bookkeeping.sh

cleanup() {
  local status=$?
  for package in tarjama-offline tarjama; do
    if dpkg -s "$package" >/dev/null 2>&1; then dpkg -r "$package" >/dev/null || status=1; fi
  done
  purge_noted || status=1  # the libraries apt brought in (none where .ci/setup installed Qt's already)
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

fail() {
  echo "verify.sh: FAILED: $*" >&2
  exit 1
}

checks_passed=0
ok() {
  echo "ok: $*"
  checks_passed=$((checks_passed + 1))
}

# A translator's session: a fresh home (so fresh XDG folders), only the system's PATH, Qt drawing offscreen.
as_new_user() {
  local home=$1
  shift
  env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}

install_deb() {
  install_deb_noting "$1" >"$work/apt.log" 2>&1 || fail "apt-get install ./$1: $(cat "$work/apt.log")"
}

# Everything in /opt/tarjama must belong to the package: the app may not write there (no __pycache__, no caches).
check_no_stray_files() {
  local package=$1
  dpkg -L "$package" | sort >"$work/listed"
  find /opt/tarjama | sort | comm -23 - "$work/listed" >"$work/stray"
  [ ! -s "$work/stray" ] || fail "files in /opt/tarjama that $package does not own: $(head -5 "$work/stray")"
}

remove_and_check() {
  local package=$1
  dpkg -L "$package" >"$work/owned"
  apt-get remove -y -qq "$package" >/dev/null
  [ ! -e /opt/tarjama ] || fail "/opt/tarjama is still there after removing $package"
  while IFS= read -r path; do
    if [ -e "$path" ] && [ ! -d "$path" ]; then fail "$path is still there after removing $package"; fi
  done <"$work/owned"
  ok "$package removed, none of its $(wc -l <"$work/owned") files left"
}

echo "== a tiny Arabic→English package (tests/tiny_models.py)"
model="$work/translate-ar_en-1_0.argosmodel"
.venv/bin/python - "$model" <<'PYTHON'
import sys
from pathlib import Path

sys.path.insert(0, "tests")
import tiny_models

archive = Path(sys.argv[1])
folder = tiny_models.build_glossary_package(archive.parent / "translate-ar_en-1_0")  # with a stanza/ folder
tiny_models.zip_folder(folder, archive)
PYTHON

echo "== build"
bash packaging/build.sh --model "$model" | tee "$work/build.log"
plain_deb=$(sed -n 's/^package \(.*tarjama_.*\.deb\): .*/\1/p' "$work/build.log")
offline_deb=$(sed -n 's/^package \(.*tarjama-offline_.*\.deb\): .*/\1/p' "$work/build.log")
[ -f "$plain_deb" ] && [ -f "$offline_deb" ] || fail "the build did not make both .deb files"

echo "== what the bundle holds"
for program in tarjama tarjama-cli; do
  packaging/.venv-build/bin/pyi-archive_viewer -r -b "packaging/build/dist/tarjama/$program" >"$work/modules"
  forbidden=$(grep -E "^ *(stanza|minisbd|onnxruntime|torch|pytest|hypothesis|PyInstaller)(\.|$)" "$work/modules" \
    || grep -E "argostranslate\.(translate|sbd|package|networking)" "$work/modules" || true)
  [ -z "$forbidden" ] || fail "$program carries modules it must not: $forbidden"
done
[ -z "$(find packaging/build/dist/tarjama -iname '*onnxruntime*' -o -iname '*stanza*' -o -name '__pycache__')" ] \
  || fail "the bundle carries onnxruntime, stanza or __pycache__ files"
ok "no Stanza, MiniSBD, onnxruntime or Argos download code, no test tools"

echo "== $plain_deb: install, run as a new user, remove"
install_deb "$plain_deb"
home=$(mktemp -d -p "$work")
as_new_user "$home" /usr/bin/tarjama --smoke --screenshot packaging/build/installed-window.png 2>"$work/stderr" \
  || fail "tarjama --smoke: $(cat "$work/stderr")"
[ "$(stat -c %s packaging/build/installed-window.png)" -gt 10000 ] || fail "the smoke test's screenshot is blank"
as_new_user "$home" /usr/bin/tarjama-cli --help >/dev/null
sample=/opt/tarjama/_internal/tarjama/resources/sample/sample-ar.txt
as_new_user "$home" /usr/bin/tarjama-cli import "$sample" --project "$home/sample.tarjama" >/dev/null
as_new_user "$home" /usr/bin/tarjama-cli stats "$home/sample.tarjama" --json >"$work/stats.json"
grep -Eq '"segments": [1-9]' "$work/stats.json" || fail "tarjama-cli stats: $(cat "$work/stats.json")"
[ "$(as_new_user "$home" /usr/bin/tarjama-cli models list --json | tr -d ' \n')" = "[]" ] \
  || fail "the plain edition installed a translation package"
ok "window smoke test with screenshot, tarjama-cli import and stats on the sample"
if compgen -G "translations/*.ts" >/dev/null; then
  as_new_user "$home" LANGUAGE=ar /usr/bin/tarjama --smoke 2>"$work/stderr" \
    || fail "tarjama in Arabic: $(cat "$work/stderr")"
  ! grep -q "stays in English" "$work/stderr" || fail "the Arabic catalogue is not in the bundle: $(cat "$work/stderr")"
  ok "the window starts in Arabic with the bundled catalogue"
fi
check_no_stray_files tarjama
remove_and_check tarjama

echo "== $offline_deb: first start with no network, then translate"
install_deb "$offline_deb"
offline() { unshare --net -- env -i PATH=/usr/bin:/bin HOME="$1" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "${@:2}"; }
# The window's first start installs the package...
window_home=$(mktemp -d -p "$work")
offline "$window_home" /usr/bin/tarjama --smoke 2>"$work/stderr" || fail "offline first start: $(cat "$work/stderr")"
grep -q "installed the bundled translate-ar_en-1_0" "$work/stderr" || fail "the window did not install the package"
offline "$window_home" /usr/bin/tarjama-cli models list --json | grep -q '"name": "translate-ar_en-1_0"' \
  || fail "the package the window installed is not listed"
# ...and so does the command line's, and it translates with it.
home=$(mktemp -d -p "$work")
offline "$home" /usr/bin/tarjama-cli models list --json >"$work/models.json" 2>"$work/stderr"
grep -q '"name": "translate-ar_en-1_0"' "$work/models.json" \
  || fail "models list: $(cat "$work/models.json" "$work/stderr")"
printf 'بيت كبير في مدينة جميل\n\nذهب ولد إلى مدرسة\n' >"$home/article.txt"
offline "$home" /usr/bin/tarjama-cli import "$home/article.txt" --project "$home/article.tarjama" >/dev/null
offline "$home" /usr/bin/tarjama-cli pretranslate "$home/article.tarjama" >/dev/null 2>"$work/stderr" \
  || fail "pretranslate: $(cat "$work/stderr")"
offline "$home" /usr/bin/tarjama-cli segments "$home/article.tarjama" --json >"$work/segments.json"
grep -q '"target": "house big in city beautiful"' "$work/segments.json" \
  && grep -q '"target": "went boy to school"' "$work/segments.json" \
  || fail "pretranslate did not translate with the bundled package: $(cat "$work/segments.json")"
ok "with no network, the first start installed the bundled package and pretranslate used it"
# A TMX file large enough to be read in a second process (tarjama.memory.tmx_loading): the frozen executable is
# started again as that process, which multiprocessing.freeze_support() in its launcher must hand its work.
python3 - "$home/big.tmx" <<'PY'
import sys
units = "".join(f'<tu><tuv xml:lang="ar"><seg>جملة رقم {n} من الأخبار اليوم في المدينة</seg></tuv>'
                f'<tuv xml:lang="en"><seg>Sentence {n} of the news today in the city</seg></tuv></tu>\n'
                for n in range(30000))
open(sys.argv[1], "w", encoding="utf-8").write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="ar" adminlang="en" '
    'segtype="sentence" datatype="plaintext" o-tmf="x" creationtool="x" creationtoolversion="1"/>'
    f"<body>\n{units}</body></tmx>\n")
PY
offline "$home" /usr/bin/tarjama-cli tm import "$home/big.tmx" --tm "$home/big.tarjama-tm" >"$work/tm.txt" \
  2>"$work/stderr" || fail "tm import of a large TMX file: $(cat "$work/stderr")"
grep -q "30000 units added" "$work/tm.txt" || fail "tm import: $(cat "$work/tm.txt" "$work/stderr")"
ok "a large TMX file is imported, read in a second process of the frozen executable"
check_no_stray_files tarjama-offline
remove_and_check tarjama-offline

echo "== figures"
grep -E "^(bundle|package|build time)" "$work/build.log"
echo "verification time: $((SECONDS - started)) s"
echo "packaging: $checks_passed passed, 0 failed"

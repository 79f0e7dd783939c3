#!/usr/bin/env bash
# Builds the Linux installer: a PyInstaller onedir bundle holding `tarjama` and `tarjama-cli`, and a .deb of it.
# With --model FILE.argosmodel it also builds the offline edition (tarjama-offline), which installs that translation
# package into the user's packages on first start. Everything is made in packaging/build/, with a virtual
# environment of its own (packaging/.venv-build) so that the development one stays as it is.
#
# Usage: bash packaging/build.sh [--model FILE.argosmodel] [--no-deb]
# Makes:  packaging/build/dist/tarjama/                  the bundle (and dist/tarjama-offline/ with --model)
#         packaging/build/tarjama_VERSION_ARCH.deb        (and tarjama-offline_VERSION_ARCH.deb with --model)
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: bash packaging/build.sh [--model FILE.argosmodel] [--no-deb]"
model="" make_debs=1
while [ $# -gt 0 ]; do
  case $1 in
    --model) [ $# -ge 2 ] && [ -f "$2" ] || { echo "build.sh: --model needs an .argosmodel file" >&2; exit 2; }
      model=$(realpath "$2"); shift 2 ;;
    --no-deb) make_debs=0; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
started=$SECONDS
out=packaging/build
venv=packaging/.venv-build

# Debian tools the build runs: readelf and strip (binutils), dpkg-shlibdeps (dpkg-dev), and the validators of the
# desktop entry and the AppStream file.
if command -v apt-get >/dev/null; then
  missing=()
  for package in binutils dpkg-dev desktop-file-utils appstream; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

echo "== build environment ($venv)"
[ -x "$venv/bin/python" ] || "${PYTHON:-python3}" -m venv "$venv"
# Tarjama is installed from a copy of the sources (a real install, not an editable one, with its metadata for the
# bundle), so that setuptools leaves no build/ folder in the checkout; PyInstaller and every dependency at the
# versions of the lock, the ones the tests ran with.
source_copy=$(mktemp -d)
trap 'rm -rf "$source_copy"' EXIT
tar --exclude=__pycache__ --exclude='*.egg-info' --exclude='packaging/build' --exclude='packaging/.venv-build' \
  -cf - pyproject.toml README.md desktop resources translations packaging/build_backend.py | tar -xf - -C "$source_copy"
lock=packaging/requirements.lock
"$venv/bin/python" -m pip install -q -c "$lock" pip
"$venv/bin/python" -m pip uninstall -q -y tarjama 2>/dev/null || true
"$venv/bin/python" -m pip install -q -c "$lock" pyinstaller "$source_copy"
version=$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("tarjama"))')

rm -rf "$out/dist" "$out/translations" "$out/icons" "$out"/*.deb
mkdir -p "$out/translations"
shopt -s nullglob
for catalogue in translations/*.ts; do
  "$venv/bin/pyside6-lrelease" -silent "$catalogue" -qm "$out/translations/$(basename "${catalogue%.ts}").qm"
done
shopt -u nullglob
"$venv/bin/python" packaging/render_icons.py "$out/icons"

echo "== PyInstaller bundle (log: $out/pyinstaller.log)"
export TARJAMA_MODEL="$model" TARJAMA_QM_DIR="$PWD/$out/translations"
if ! "$venv/bin/pyinstaller" --noconfirm --log-level WARN --workpath "$out/work" --distpath "$out/dist" \
  packaging/tarjama.spec >"$out/pyinstaller.log" 2>&1; then
  tail -40 "$out/pyinstaller.log" >&2
  exit 1
fi

bundles=(tarjama)
[ -z "$model" ] || bundles+=(tarjama-offline)
for bundle in "${bundles[@]}"; do
  echo "bundle $out/dist/$bundle: $(du -sh "$out/dist/$bundle" | cut -f1)"
  if [ "$make_debs" -eq 1 ]; then
    deb=$(bash packaging/linux/make_deb.sh "$out/dist/$bundle" "$bundle" "$version" "$out/icons" "$out")
    echo "package $deb: $(du -h "$deb" | cut -f1)"
  fi
done
echo "build time: $((SECONDS - started)) s"

#!/usr/bin/env bash
# Makes a .deb from a PyInstaller bundle: the bundle in /opt/tarjama, both commands in /usr/bin, the desktop entry,
# icons and AppStream metadata. Depends: is worked out by dpkg-shlibdeps from what the bundle's ELF files link to
# and the bundle does not carry (tarjama.spec leaves the system libraries out on purpose).
# No maintainer scripts: dpkg's triggers refresh the menu and icon caches, and the user's files are never touched.
#
# Usage: make_deb.sh BUNDLE PACKAGE VERSION ICONS OUT_DIR
#   PACKAGE is tarjama or tarjama-offline (the bundle with a translation package; it replaces tarjama);
#   ICONS is the folder render_icons.py wrote. Prints the path of the .deb.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bundle=$1 package=$2 version=$3 icons=$4 out=$5
app_id=org.tarjama.Tarjama
architecture=$(dpkg --print-architecture)

root=$(mktemp -d)
scratch=$(mktemp -d)
trap 'rm -rf "$root" "$scratch"' EXIT
umask 022

install -d "$root/opt" "$root/usr/bin"
cp -a "$bundle" "$root/opt/tarjama"
# Symlinks: the bundle finds its _internal folder from its own resolved path.
ln -s /opt/tarjama/tarjama "$root/usr/bin/tarjama"
ln -s /opt/tarjama/tarjama-cli "$root/usr/bin/tarjama-cli"
install -D -m 644 "$here/$app_id.desktop" "$root/usr/share/applications/$app_id.desktop"
install -d "$root/usr/share/metainfo"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(date -u +%F)/" "$here/$app_id.metainfo.xml" \
  > "$root/usr/share/metainfo/$app_id.metainfo.xml"
for size in 48 128 256; do
  install -D -m 644 "$icons/hicolor/${size}x${size}/apps/tarjama.png" \
    "$root/usr/share/icons/hicolor/${size}x${size}/apps/tarjama.png"
done
install -D -m 644 "$here/../../resources/icons/tarjama.svg" "$root/usr/share/icons/hicolor/scalable/apps/tarjama.svg"
install -D -m 644 "$here/copyright" "$root/usr/share/doc/$package/copyright"

# The validators are optional here (verify.sh installs them); a file they reject fails the build.
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/usr/share/applications/$app_id.desktop"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/$app_id.metainfo.xml" >/dev/null \
    || appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml"
fi

# dpkg-shlibdeps wants to run in a source tree; the bundle's own folders are searched for its private libraries,
# which belong to no package and so add nothing to Depends.
elf_files=()
while IFS= read -r -d '' file; do
  if [ "$(head -c 4 "$file" | tr -d '\0')" = $'\x7fELF' ]; then elf_files+=("$file"); fi
done < <(find "$root/opt/tarjama" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \) -print0)
mapfile -t library_dirs < <(printf '%s\n' "${elf_files[@]}" | xargs -n 1 dirname | sort -u)
# (DEBIAN/ in the package root lets it resolve $ORIGIN in RPATHs.) Warnings about Python's symbols, which the
# bundled libpython provides at run time, and about needless links in the wheels' libraries are left out.
mkdir "$scratch/debian" "$root/DEBIAN" && touch "$scratch/debian/control"
(cd "$scratch" && dpkg-shlibdeps -O --warnings=0 --ignore-missing-info "${library_dirs[@]/#/-l}" "${elf_files[@]}") \
  > "$scratch/substvars"
depends=$(sed -n 's/^shlibs:Depends=//p' "$scratch/substvars")

relations=""
description="Offline review of Arabic to English machine translation"
if [ "$package" = tarjama-offline ]; then
  relations=$'Provides: tarjama (= '"$version"$')\nConflicts: tarjama\nReplaces: tarjama\n'
  description="$description (offline edition with a translation package)"
fi

# Permissions as Debian wants them, whatever the umask of the build was.
chmod -R u+rwX,go+rX,go-w "$root"
cat > "$root/DEBIAN/control" <<CONTROL
Package: $package
Version: $version
Architecture: $architecture
Maintainer: The Tarjama developers <maintainers@tarjama.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
${relations}Section: text
Priority: optional
Description: $description
 Tarjama splits an Arabic document into sentence segments and shows them
 beside their English translation; the translator corrects and approves each
 one. Machine translation runs on this computer with an Argos Translate
 package, with a translation memory, glossaries and quality checks. Includes
 the tarjama-cli command for the same work without a window.
CONTROL

mkdir -p "$out"
deb="$out/${package}_${version}_${architecture}.deb"
# zstd at level 10: 84 MB in about 20 s here, where xz takes minutes for 62 MB (dpkg reads zstd since Debian 12).
dpkg-deb --build --root-owner-group -Zzstd -z10 "$root" "$deb" >/dev/null
echo "$deb"

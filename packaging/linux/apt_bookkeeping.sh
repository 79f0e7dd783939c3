# Sourced by packaging/verify.sh: which Debian packages the check installed, by name, so that its clean-up removes
# those and nothing else; not a package that another program installed meanwhile, nor the build tools that build.sh
# installs and keeps. Needs BROUGHT_IN: a file that lists the names, one a line.

# Installs a .deb with apt, first noting, by name, what apt's own plan ("Inst NAME ...") adds for its Depends.
install_deb_noting() {
  local deb=$1
  if ! apt-get install -s "./$deb" >/dev/null 2>&1; then
    apt-get update -qq  # the package lists may be missing or old on a new machine
  fi
  apt-get install -s "./$deb" 2>/dev/null | sed -n 's/^Inst \([^ ]*\) .*/\1/p' \
    | grep -vx 'tarjama\|tarjama-offline' >>"$BROUGHT_IN" || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb"
}

# Purges the packages noted that are still installed; returns non-zero if apt fails.
purge_noted() {
  local ours=() name
  while read -r name; do
    if dpkg -s "$name" >/dev/null 2>&1; then ours+=("$name"); fi
  done < <(sort -u "$BROUGHT_IN")
  [ "${#ours[@]}" -eq 0 ] || DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "${ours[@]}" >/dev/null
}

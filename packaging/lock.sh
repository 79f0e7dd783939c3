#!/usr/bin/env bash
# Moves the pinned dependencies forward, on purpose and all at once: resolves packaging/requirements.in afresh in a
# new virtual environment (the newest versions its ranges allow, for this Python), writes that whole environment
# into packaging/requirements.lock and sets the == pins of pyproject.toml from it (packaging/pins.py).
# Then: bash .ci/setup && .venv/bin/python -m pytest, and commit requirements.in, requirements.lock and
# pyproject.toml together, so that CI tests exactly what is pinned. To raise or hold back one package, change its
# range in requirements.in (with the reason) and run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${PYTHON:-python3}" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --upgrade pip
"$work/venv/bin/python" -m pip install -q -r packaging/requirements.in
"$work/venv/bin/python" packaging/pins.py "$work/venv/bin/python"
git --no-pager diff --stat -- packaging/requirements.lock pyproject.toml

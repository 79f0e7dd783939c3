"""Writes the lock and the pins from a freshly resolved environment (run by packaging/lock.sh).

`packaging/requirements.lock` lists every package of that environment at its exact version: a constraints file
(`pip install -c`), used by `.ci/setup` and `packaging/build.sh`, so CI tests what the installer ships. The `==`
pins in `pyproject.toml` (the app's, the tests' and the build backend's) are set from it too, so a plain
`pip install .` gets the same versions of what Tarjama names itself.

Usage: python packaging/pins.py PYTHON_OF_THE_RESOLVED_ENVIRONMENT
"""

from __future__ import annotations

import platform
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LOCK = REPO / "packaging" / "requirements.lock"
PYPROJECT = REPO / "pyproject.toml"
#: A pinned requirement as pyproject.toml writes it: "Name==1.2.3" (an environment marker may follow).
PIN = re.compile(r'"(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^";\s]+)')


def canonical(name: str) -> str:
    """A distribution name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def frozen(python: str) -> dict[str, tuple[str, str]]:
    """Every distribution installed in that environment: canonical name → (name as published, version)."""
    listing = subprocess.run(
        [python, "-m", "pip", "freeze", "--all", "--exclude-editable"], check=True, capture_output=True, text=True
    ).stdout
    found = {}
    for line in listing.splitlines():
        name, _, version = line.partition("==")
        if version:
            found[canonical(name)] = (name, version)
    return found


def write_lock(packages: dict[str, tuple[str, str]]) -> None:
    header = (
        "# Every package Tarjama's app, tests and installer build use, at the versions CI tested: a constraints file\n"
        "# (pip install -c packaging/requirements.lock ...). Made by `bash packaging/lock.sh` from requirements.in\n"
        f"# with Python {platform.python_version()} on {platform.system()} {platform.machine()}; not edited by hand.\n"
    )
    rows = [f"{name}=={version}\n" for _, (name, version) in sorted(packages.items())]
    LOCK.write_text(header + "".join(rows), encoding="utf-8")


def write_pins(packages: dict[str, tuple[str, str]]) -> None:
    text = PYPROJECT.read_text(encoding="utf-8")

    def locked(match: re.Match[str]) -> str:
        key = canonical(match["name"])
        if key not in packages:
            sys.exit(f"pins.py: pyproject.toml pins {match['name']}, which requirements.in does not name")
        return f'"{match["name"]}=={packages[key][1]}'

    PYPROJECT.write_text(PIN.sub(locked, text), encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.exit(__doc__)
    packages = frozen(argv[0])
    write_lock(packages)
    write_pins(packages)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

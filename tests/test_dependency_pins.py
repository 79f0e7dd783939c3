"""What is installed is what was tested: pyproject.toml pins every dependency it names, at the version of
packaging/requirements.lock, inside the range packaging/requirements.in allows; and the environment the tests run
in holds exactly the lock's versions (so a set-up that ignored the lock fails here, not next month)."""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
#: Named by requirements.in for packaging/build.sh only; not part of a development environment.
BUILD_ONLY = {"pyinstaller"}


def requirement_lines(path: Path) -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


@pytest.fixture(scope="module")
def lock() -> dict[str, str]:
    pins = {}
    for line in requirement_lines(PACKAGING / "requirements.lock"):
        name, _, version = line.partition("==")
        assert version, f"requirements.lock: {line!r} is not an exact pin"
        pins[canonicalize_name(name)] = version
    return pins


@pytest.fixture(scope="module")
def pyproject() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    named = project["build-system"]["requires"] + project["project"]["dependencies"]
    named += project["project"]["optional-dependencies"]["test"]
    return [Requirement(text) for text in named]


def test_pyproject_pins_each_dependency_at_the_locked_version(pyproject: list[Requirement], lock: dict[str, str]):
    for requirement in pyproject:
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", f"pyproject.toml: {requirement} is not pinned; run packaging/lock.sh"
        assert lock.get(canonicalize_name(requirement.name)) == specifier.version, requirement


def test_requirements_in_names_what_pyproject_pins_and_the_lock_fits_its_ranges(
    pyproject: list[Requirement], lock: dict[str, str]
) -> None:
    ranges = [Requirement(line) for line in requirement_lines(PACKAGING / "requirements.in")]
    assert {canonicalize_name(r.name) for r in ranges} == {canonicalize_name(r.name) for r in pyproject} | BUILD_ONLY
    for requirement in ranges:
        assert lock[canonicalize_name(requirement.name)] in requirement.specifier, requirement


def test_the_tests_run_on_exactly_the_locked_versions(pyproject: list[Requirement], lock: dict[str, str]) -> None:
    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in importlib.metadata.distributions()}
    for requirement in pyproject:  # everything the app and the tests name is installed here
        assert canonicalize_name(requirement.name) in installed, requirement
    different = {name: (installed[name], version) for name, version in lock.items()
                 if name in installed and Version(installed[name]) != Version(version)}
    assert not different, f"installed, locked: {different}; set up with `pip install -c packaging/requirements.lock`"

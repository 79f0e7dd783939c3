"""Fixtures for the machine-translation tests: tiny real packages built once per session, a loopback HTTP server.

The packages are built from numpy weights and a freshly trained sentencepiece model (see tests/tiny_models.py) in
well under a second, then zipped; tests install copies into the per-test data folder that the top-level conftest
sets up.
"""

from __future__ import annotations

import json
import shutil
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import tiny_models  # noqa: E402

from .mt_helpers import LoopbackServer  # noqa: E402

#: Paths of files under a package's stanza/ folder that Python opened or listed while recording was on.
STANZA_TOUCHES: list[str] = []
_recording = threading.Event()


def _audit(event: str, args: tuple[object, ...]) -> None:
    if not _recording.is_set() or event not in ("open", "os.listdir", "os.scandir", "os.walk"):
        return
    if args and isinstance(args[0], str | bytes | Path):
        path = str(args[0] if not isinstance(args[0], bytes) else args[0].decode(errors="replace"))
        if "/stanza" in path.replace("\\", "/"):
            STANZA_TOUCHES.append(f"{event} {path}")


sys.addaudithook(_audit)


@pytest.fixture
def stanza_watch() -> Iterator[list[str]]:
    """Records every Python-level open/listing of a stanza/ path during the test."""
    STANZA_TOUCHES.clear()
    _recording.set()
    try:
        yield STANZA_TOUCHES
    finally:
        _recording.clear()


@pytest.fixture(scope="session")
def mt_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mt-build")


@pytest.fixture(scope="session")
def glossary_dir(mt_build: Path) -> Path:
    """The glossary package, unpacked (as it would be once installed); tests must not modify it."""
    return tiny_models.build_glossary_package(mt_build / "v1.0" / "translate-ar_en-1_0")


@pytest.fixture(scope="session")
def glossary_archive(glossary_dir: Path, mt_build: Path) -> Path:
    return tiny_models.zip_folder(glossary_dir, mt_build / "translate-ar_en-1_0.argosmodel")


@pytest.fixture(scope="session")
def newer_archive(glossary_dir: Path, mt_build: Path) -> Path:
    """Version 1.1 of the same pair, in a differently named top-level folder, as Argos names them."""
    folder = mt_build / "v1.1" / "translate-ar_en-1_1"
    shutil.copytree(glossary_dir, folder)
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    metadata["package_version"] = "1.1"
    (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    return tiny_models.zip_folder(folder, mt_build / "translate-ar_en-1_1.argosmodel")


@pytest.fixture(scope="session")
def other_pair_archive(glossary_dir: Path, mt_build: Path) -> Path:
    """An English→Arabic package (same files, other metadata): installed alongside, never replaced by ar→en."""
    folder = mt_build / "en_ar" / "translate-en_ar-1_0"
    shutil.copytree(glossary_dir, folder)
    metadata = tiny_models.package_metadata(
        "1.0", from_code="en", from_name="English", to_code="ar", to_name="Arabic", code="translate-en_ar"
    )
    (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    return tiny_models.zip_folder(folder, mt_build / "translate-en_ar-1_0.argosmodel")


@pytest.fixture(scope="session")
def prefix_dir(mt_build: Path) -> Path:
    """A package whose model expects the target prefix ``__en__`` (as multilingual Argos models do)."""
    return tiny_models.build_glossary_package(mt_build / "prefix" / "translate-ar_en-2_0", target_prefix="__en__")


@pytest.fixture(scope="session")
def swapped_dir(mt_build: Path) -> Path:
    """A glossary package whose model swaps neighbouring words (`tiny_models.swapped_neighbours`): its attention
    is known and not the identity, so placing tags by position alone would put them on the wrong words."""
    return tiny_models.build_glossary_package(
        mt_build / "swapped" / "translate-ar_en-1_0", attends_to=tiny_models.swapped_neighbours
    )


@pytest.fixture(scope="session")
def session_translator(glossary_dir: Path):
    """One loaded translator shared by the engine tests that do not change settings."""
    from tarjama.mt.engine import Translator

    return Translator(glossary_dir)


@pytest.fixture
def loopback_server() -> Iterator[LoopbackServer]:
    server = LoopbackServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def closed_port() -> int:
    """A loopback port with nothing listening (connections are refused at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]

"""The package index and downloads, against an HTTP server on 127.0.0.1 (the socket guard blocks anything else)."""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from pathlib import Path

import pytest

from tarjama.mt import (
    AvailablePackage,
    DownloadCancelled,
    DownloadError,
    PackageError,
    available_packages,
    cached_index,
    download_and_install,
    index_url,
    list_packages,
    packages_dir,
    update_index,
)
from tarjama.mt.index import DEFAULT_INDEX_URL
from tarjama.mt.paths import downloads_dir

from .mt_helpers import LoopbackServer, snapshot


def _entry(base: str, code: str, src: str, dst: str, version: str, file: str, **extra: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "package_version": version,
        "argos_version": "1.9.0",
        "from_code": src,
        "from_name": {"ar": "Arabic", "en": "English", "de": "German"}[src],
        "to_code": dst,
        "to_name": {"ar": "Arabic", "en": "English", "de": "German"}[dst],
        "links": ["ipfs://QmNotSupported", f"{base}/{file}"],
        "code": code,
    }
    entry.update(extra)
    return entry


@pytest.fixture
def index(loopback_server: LoopbackServer, glossary_archive: Path, newer_archive: Path) -> LoopbackServer:
    """An index listing ar→en 1.0 and 1.1 plus packages Tarjama does not want, served with the files."""
    base = loopback_server.url
    old, new = glossary_archive.read_bytes(), newer_archive.read_bytes()
    entries = [
        _entry(base, "translate-en_ar", "en", "ar", "1.0", "en_ar.argosmodel"),
        _entry(base, "translate-ar_en", "ar", "en", "1.0", "ar_en-1_0.argosmodel"),
        _entry(
            base, "translate-ar_en", "ar", "en", "1.1", "ar_en-1_1.argosmodel", sha256=hashlib.sha256(new).hexdigest()
        ),
        _entry(base, "translate-de_en", "de", "en", "1.0", "de_en.argosmodel"),
        {"type": "sbd", "from_code": "ar", "to_code": "ar", "links": [f"{base}/sbd.argosmodel"]},
    ]
    loopback_server.routes.files.update(
        {
            "/index.json": json.dumps(entries).encode(),
            "/ar_en-1_0.argosmodel": old,
            "/ar_en-1_1.argosmodel": new,
        }
    )
    return loopback_server


def test_index_url_follows_argos_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGOS_PACKAGE_INDEX", raising=False)
    assert index_url() == DEFAULT_INDEX_URL
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/mirror/")
    assert index_url() == "http://127.0.0.1:9/mirror/index.json"
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/other.json")
    assert index_url() == "http://127.0.0.1:9/other.json"


def test_lists_arabic_english_packages_newest_first(index: LoopbackServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", index.url + "/")
    found = available_packages()
    assert [(p.code, p.version) for p in found] == [("translate-ar_en", "1.1"), ("translate-ar_en", "1.0")]
    assert found[0].languages == "Arabic → English"
    assert found[0].download_links == (f"{index.url}/ar_en-1_1.argosmodel",)
    assert len(update_index()) == 4  # every translation package; the sbd entry is not one
    assert index.routes.requests.count("/index.json") == 2


def test_cached_index_survives_going_offline(index: LoopbackServer) -> None:
    update_index(index.url + "/index.json")
    index.close()
    assert [p.version for p in available_packages(refresh=False)] == ["1.1", "1.0"]
    assert len(cached_index()) == 4


def test_download_verifies_and_installs_with_progress(index: LoopbackServer) -> None:
    newest = available_packages(url=index.url + "/index.json")[0]
    seen: list[tuple[int, int | None]] = []

    installed = download_and_install(newest, progress=lambda done, total: seen.append((done, total)))

    assert (installed.version, installed.is_arabic_english) == ("1.1", True)
    assert [p.name for p in list_packages()] == ["translate-ar_en-1_1"]
    size = len(index.routes.files["/ar_en-1_1.argosmodel"])
    assert seen[0] == (0, size) and seen[-1] == (size, size)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert list(downloads_dir().iterdir()) == []


def test_checksum_mismatch_installs_nothing(index: LoopbackServer) -> None:
    newest = available_packages(url=index.url + "/index.json")[0]
    index.routes.files["/ar_en-1_1.argosmodel"] = index.routes.files["/ar_en-1_0.argosmodel"]
    with pytest.raises(DownloadError, match="does not match the index's checksum"):
        download_and_install(newest)
    assert list_packages() == []
    assert list(downloads_dir().iterdir()) == []


def test_package_for_another_pair_is_refused(index: LoopbackServer, other_pair_archive: Path) -> None:
    listed = available_packages(url=index.url + "/index.json")[1]
    index.routes.files["/ar_en-1_0.argosmodel"] = other_pair_archive.read_bytes()  # the index lies
    with pytest.raises(PackageError, match="translates en→ar, not ar→en"):
        download_and_install(listed)
    assert list_packages() == []


def test_cancel_half_way_leaves_nothing(index: LoopbackServer) -> None:
    index.routes.slow["/ar_en-1_1.argosmodel"] = 0.05
    newest = available_packages(url=index.url + "/index.json")[0]
    cancel = threading.Event()
    before = snapshot(packages_dir())
    seen: list[int] = []

    def on_progress(done: int, total: int | None) -> None:
        seen.append(done)
        if done > 0:
            cancel.set()

    started = time.monotonic()
    with pytest.raises(DownloadCancelled):
        download_and_install(newest, progress=on_progress, cancel=cancel)

    assert time.monotonic() - started < 5
    assert 0 < max(seen) < len(index.routes.files["/ar_en-1_1.argosmodel"])
    assert snapshot(packages_dir()) == before
    assert list(downloads_dir().iterdir()) == []


def test_unreachable_index_fails_fast_with_a_clear_message(closed_port: int) -> None:
    started = time.monotonic()
    with pytest.raises(DownloadError) as caught:
        available_packages(url=f"http://127.0.0.1:{closed_port}/index.json", timeout=3)
    assert time.monotonic() - started < 3
    message = str(caught.value)
    assert f"127.0.0.1:{closed_port}" in message
    assert "connection was refused" in message and "install a package from a .argosmodel file" in message


def test_silent_index_times_out_instead_of_hanging() -> None:
    with socket.socket() as listener:  # accepts connections, never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/index.json"
        started = time.monotonic()
        with pytest.raises(DownloadError, match="no answer within 0.5 seconds"):
            update_index(url, timeout=0.5)
        assert time.monotonic() - started < 3


def test_invalid_index_is_reported(loopback_server: LoopbackServer) -> None:
    loopback_server.routes.files["/index.json"] = b"<html>captive portal</html>"
    with pytest.raises(DownloadError, match="not a package index"):
        update_index(loopback_server.url + "/index.json")


def test_missing_download_is_reported(loopback_server: LoopbackServer) -> None:
    package = AvailablePackage(
        code="translate-ar_en",
        from_code="ar",
        to_code="en",
        from_name="Arabic",
        to_name="English",
        version="1.0",
        links=(loopback_server.url + "/gone.argosmodel",),
    )
    with pytest.raises(DownloadError, match="HTTP 404"):
        download_and_install(package)
    assert list(downloads_dir().iterdir()) == []

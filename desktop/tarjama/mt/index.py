"""The Argos package index: which packages can be downloaded, fetched only when the user asks.

The index is a JSON list of package descriptions (``from_code``, ``to_code``, ``package_version``, ``links``,
``code``...). Its address comes from ``ARGOS_PACKAGE_INDEX`` (a folder URL, as Argos Translate takes it, or the
full URL of a .json file), else the public Argos index. The last index fetched is kept in Tarjama's data folder so
the list stays available offline.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from tarjama.errors import QT_TRANSLATE_NOOP
from tarjama.mt.errors import DownloadError
from tarjama.mt.net import DEFAULT_TIMEOUT, describe_failure, open_url
from tarjama.mt.packages import LanguagePair, version_key
from tarjama.mt.paths import index_cache_path

DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
MAX_INDEX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class AvailablePackage(LanguagePair):
    """A package described by the index, not (necessarily) installed."""

    code: str
    from_code: str
    to_code: str
    from_name: str
    to_name: str
    version: str
    links: tuple[str, ...]
    sha256: str | None = None
    size_bytes: int | None = None

    @property
    def file_name(self) -> str:
        stem = self.code or f"translate-{self.from_code}_{self.to_code}"
        return re.sub(r"[^A-Za-z0-9_.-]", "_", f"{stem}-{self.version}") + ".argosmodel"

    @property
    def download_links(self) -> tuple[str, ...]:
        """The http(s) links; others (ipfs://) need software Tarjama does not have."""
        return tuple(link for link in self.links if link.lower().startswith(("http://", "https://")))


def index_url() -> str:
    """The index address: ARGOS_PACKAGE_INDEX (folder or .json URL) or the public Argos index."""
    configured = os.environ.get("ARGOS_PACKAGE_INDEX", "").strip()
    if not configured:
        return DEFAULT_INDEX_URL
    if configured.lower().endswith(".json"):
        return configured
    return configured.rstrip("/") + "/index.json"


def parse_index(data: bytes, url: str) -> list[AvailablePackage]:
    """Reads an index document; entries that are not translation packages or lack a pair are skipped."""
    try:
        entries = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise DownloadError(url, QT_TRANSLATE_NOOP("Errors", "this is not a package index (invalid JSON: {reason})"),
                            reason=exc) from exc
    if not isinstance(entries, list):
        raise DownloadError(url, QT_TRANSLATE_NOOP("Errors", "this is not a package index (expected a list of "
                                                             "packages)"))
    packages: list[AvailablePackage] = []
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("type", "translate") != "translate":
            continue
        if not entry.get("from_code") or not entry.get("to_code"):
            continue
        links = entry.get("links") or []
        size = entry.get("size") or entry.get("size_bytes")
        packages.append(
            AvailablePackage(
                code=str(entry.get("code") or ""),
                from_code=str(entry["from_code"]),
                to_code=str(entry["to_code"]),
                from_name=str(entry.get("from_name") or ""),
                to_name=str(entry.get("to_name") or ""),
                version=str(entry.get("package_version") or "0"),
                links=tuple(str(link) for link in links if isinstance(link, str)),
                sha256=str(entry.get("sha256") or entry.get("checksum") or "").lower() or None,
                size_bytes=int(size) if isinstance(size, int) else None,
            )
        )
    return packages


def update_index(url: str | None = None, *, timeout: float = DEFAULT_TIMEOUT) -> list[AvailablePackage]:
    """Fetches the index, keeps a copy for offline use, and returns every translation package it lists.

    Raises :class:`DownloadError` within about ``timeout`` seconds when the index cannot be had.
    """
    url = url or index_url()
    deadline = time.monotonic() + 3 * timeout
    chunks: list[bytes] = []
    received = 0
    with open_url(url, timeout) as response:
        try:
            while chunk := response.read(64 * 1024):
                received += len(chunk)
                if received > MAX_INDEX_BYTES:
                    raise DownloadError(url, QT_TRANSLATE_NOOP("Errors", "the package index is implausibly large; "
                                                                         "check ARGOS_PACKAGE_INDEX"))
                if time.monotonic() > deadline:
                    raise DownloadError(url, QT_TRANSLATE_NOOP("Errors", "the index took longer than {seconds:g} "
                                                                         "seconds to arrive"),
                                        seconds=3 * timeout)

                chunks.append(chunk)
        except OSError as exc:
            raise DownloadError(url, describe_failure(exc, timeout)) from exc
    data = b"".join(chunks)
    packages = parse_index(data, url)
    _save_cache(data)
    return packages


def _save_cache(data: bytes) -> None:
    path = index_cache_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".json.part")
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:
        pass  # the cache only spares a later fetch; failing to write it must not fail the update


def cached_index(path: Path | None = None) -> list[AvailablePackage]:
    """The packages of the last index fetched; [] if none was ever fetched or the copy is unreadable."""
    path = path or index_cache_path()
    try:
        return parse_index(path.read_bytes(), str(path))
    except (OSError, DownloadError):
        return []


def arabic_english(packages: list[AvailablePackage]) -> list[AvailablePackage]:
    """The Arabic→English packages among ``packages``, newest version first."""
    found = [p for p in packages if p.is_arabic_english]
    found.sort(key=lambda p: version_key(p.version), reverse=True)
    return found


def available_packages(
    *, refresh: bool = True, url: str | None = None, timeout: float = DEFAULT_TIMEOUT
) -> list[AvailablePackage]:
    """Arabic→English packages from the index: fetched afresh when ``refresh``, else from the cached copy."""
    packages = update_index(url, timeout=timeout) if refresh else cached_index()
    return arabic_english(packages)

"""Downloads a package from the index, verifies it and installs it, with progress and cancellation.

The file is written under a temporary name in Tarjama's downloads folder (never the packages folder), checked
against the size the server announced and the index's sha256 when it gives one, installed with the same
validation as a file the user picked, and deleted afterwards, whatever happened.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable
from pathlib import Path

from tarjama.errors import QT_TRANSLATE_NOOP
from tarjama.mt.archive import DEFAULT_MAX_UNCOMPRESSED_BYTES
from tarjama.mt.cancellation import CancelToken, is_cancelled
from tarjama.mt.errors import DownloadCancelled, DownloadError
from tarjama.mt.index import AvailablePackage
from tarjama.mt.net import DEFAULT_TIMEOUT, content_length, describe_failure, open_url
from tarjama.mt.packages import InstalledPackage, install_package
from tarjama.mt.paths import downloads_dir

#: Called with (bytes received so far, total bytes or None when the server does not say).
DownloadProgress = Callable[[int, int | None], None]
_CHUNK = 256 * 1024
#: A compressed package larger than this is not a translation package (real ones are 50-400 MB).
MAX_DOWNLOAD_BYTES = 4 * 1024**3


def _cancelled(package: AvailablePackage) -> DownloadCancelled:
    return DownloadCancelled(QT_TRANSLATE_NOOP("Errors", "Download of {package} cancelled."), package=package.languages)


def download_package(
    package: AvailablePackage,
    *,
    progress: DownloadProgress | None = None,
    cancel: CancelToken = None,
    timeout: float = DEFAULT_TIMEOUT,
    destination: Path | None = None,
) -> Path:
    """Downloads ``package`` to a file in ``destination`` (default: Tarjama's downloads folder), returns its path.

    Tries each http(s) link in turn. Raises :class:`DownloadCancelled` (partial file deleted) when ``cancel`` is
    set, :class:`DownloadError` when no link works.
    """
    links = package.download_links
    if not links:
        raise DownloadError(package.code or package.languages, QT_TRANSLATE_NOOP("Errors", "the index gives no "
                                                                                           "http(s) link for this "
                                                                                           "package"))
    destination = destination or downloads_dir()
    destination.mkdir(parents=True, exist_ok=True)
    failure: DownloadError | None = None
    for url in links:
        try:
            return _download_one(url, package, destination, progress, cancel, timeout)
        except DownloadError as exc:
            failure = exc
    assert failure is not None
    raise failure


def _download_one(
    url: str,
    package: AvailablePackage,
    destination: Path,
    progress: DownloadProgress | None,
    cancel: CancelToken,
    timeout: float,
) -> Path:
    if is_cancelled(cancel):
        raise _cancelled(package)
    target = destination / package.file_name
    partial = destination / f".{package.file_name}.{uuid.uuid4().hex}.part"
    digest = hashlib.sha256()
    received = 0
    try:
        with open_url(url, timeout) as response, partial.open("wb") as sink:
            total = content_length(response) or package.size_bytes
            if progress:
                progress(0, total)
            try:
                while chunk := response.read1(_CHUNK):  # returns what has arrived: prompt cancel
                    if is_cancelled(cancel):
                        raise _cancelled(package)
                    received += len(chunk)
                    if received > MAX_DOWNLOAD_BYTES or (total is not None and received > total):
                        raise DownloadError(url, QT_TRANSLATE_NOOP("Errors", "the server sent more data than "
                                                                             "announced; download refused"))
                    digest.update(chunk)
                    sink.write(chunk)
                    if progress:
                        progress(received, total)
            except OSError as exc:
                raise DownloadError(url, QT_TRANSLATE_NOOP("Errors", "the download broke off: {reason}"),
                                    reason=describe_failure(exc, timeout)) from exc
        if total is not None and received != total:
            raise DownloadError(url, QT_TRANSLATE_NOOP("Errors", "the download is incomplete ({received:,} of "
                                                                 "{total:,} bytes); try again"),
                                received=received, total=total)
        if package.sha256 and digest.hexdigest() != package.sha256:
            raise DownloadError(url, QT_TRANSLATE_NOOP("Errors", "the downloaded file does not match the index's "
                                                                 "checksum; try again later"))

        os.replace(partial, target)
        return target
    finally:
        partial.unlink(missing_ok=True)


def download_and_install(
    package: AvailablePackage,
    *,
    progress: DownloadProgress | None = None,
    cancel: CancelToken = None,
    timeout: float = DEFAULT_TIMEOUT,
    directory: Path | None = None,
    max_uncompressed_bytes: int = DEFAULT_MAX_UNCOMPRESSED_BYTES,
) -> InstalledPackage:
    """Downloads, verifies and installs ``package``; the downloaded file is deleted in every case."""
    path = download_package(package, progress=progress, cancel=cancel, timeout=timeout)
    try:
        if is_cancelled(cancel):
            raise _cancelled(package)
        return install_package(
            path,
            directory=directory,
            max_uncompressed_bytes=max_uncompressed_bytes,
            expect_pair=(package.from_code, package.to_code),
        )
    finally:
        path.unlink(missing_ok=True)

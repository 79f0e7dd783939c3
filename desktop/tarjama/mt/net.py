"""The only place the MT core touches the network, and only when the user asks for a download.

Every request has a socket timeout, so an unreachable or silent server produces a clear message within seconds
instead of a hang, and every failure becomes a :class:`DownloadError` that says what to do.
"""

from __future__ import annotations

import socket
import ssl
import urllib.error
import urllib.request
from http.client import HTTPException, HTTPResponse

from tarjama.errors import QT_TRANSLATE_NOOP, Message
from tarjama.mt.errors import DownloadError, UnsupportedAddressError

DEFAULT_TIMEOUT = 10.0
USER_AGENT = "Tarjama (offline translation review)"
_OFFLINE_HINT = Message(
    QT_TRANSLATE_NOOP("Errors", "Check the internet connection, or install a package from a .argosmodel file instead.")
)


def describe_failure(exc: BaseException, timeout: float) -> Message:
    """A translator-readable reason for a failed request."""
    if isinstance(exc, urllib.error.HTTPError):
        return Message(QT_TRANSLATE_NOOP("Errors", "the server answered HTTP {code} ({reason})"),
                       {"code": exc.code, "reason": exc.reason})
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, TimeoutError | socket.timeout):
        return Message(QT_TRANSLATE_NOOP("Errors", "no answer within {seconds:g} seconds. {hint}"),
                       {"seconds": timeout, "hint": _OFFLINE_HINT})
    if isinstance(reason, socket.gaierror):
        return Message(QT_TRANSLATE_NOOP("Errors", "the server's name cannot be resolved (no network?). {hint}"),
                       {"hint": _OFFLINE_HINT})
    if isinstance(reason, ConnectionRefusedError):
        return Message(QT_TRANSLATE_NOOP("Errors", "the connection was refused. {hint}"), {"hint": _OFFLINE_HINT})
    if isinstance(reason, ssl.SSLError):
        return Message(QT_TRANSLATE_NOOP("Errors", "the secure connection failed ({reason})"), {"reason": reason})
    return Message(QT_TRANSLATE_NOOP("Errors", "it cannot be reached ({reason}). {hint}"),
                   {"reason": reason, "hint": _OFFLINE_HINT})


def open_url(url: str, timeout: float) -> HTTPResponse:
    """Opens an http(s) URL with a timeout on connecting and on every read."""
    if not url.lower().startswith(("http://", "https://")):
        raise UnsupportedAddressError(
            url, QT_TRANSLATE_NOOP("Errors", "only http and https addresses can be downloaded")
        )

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - scheme checked above
    except (urllib.error.URLError, HTTPException, OSError) as exc:
        raise DownloadError(url, describe_failure(exc, timeout)) from exc


def content_length(response: HTTPResponse) -> int | None:
    value = response.headers.get("Content-Length")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None

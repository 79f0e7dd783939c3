"""Helpers shared by the machine-translation tests (kept out of conftest.py so test modules can import them)."""

from __future__ import annotations

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def snapshot(folder: Path) -> dict[str, str]:
    """Every path under ``folder`` with a hash of its content: equal snapshots mean an unchanged folder."""
    if not folder.exists():
        return {}
    state: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            state[key] = "link:" + str(path.readlink())
        elif path.is_dir():
            state[key] = "dir"
        else:
            state[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


class _Routes:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.slow: dict[str, float] = {}  # path -> seconds to wait between 64 KiB chunks
        self.requests: list[str] = []


class LoopbackServer:
    """A threaded HTTP server on 127.0.0.1 serving in-memory files; stops when the test ends."""

    def __init__(self) -> None:
        self.routes = _Routes()
        routes = self.routes

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence the test output
                return

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                routes.requests.append(self.path)
                body = routes.files.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                delay = routes.slow.get(self.path)
                step = 64 * 1024
                try:
                    for start in range(0, len(body), step):
                        self.wfile.write(body[start : start + step])
                        if delay:
                            self.wfile.flush()
                            threading.Event().wait(delay)
                except (BrokenPipeError, ConnectionResetError):
                    return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

"""Running the installed `tarjama-cli` on a pseudo-terminal, as a person at a terminal would, optionally pressing
Ctrl+C (SIGINT) once something has been drawn."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from test_cli import cli_executable

#: Restores SIGINT's default disposition, then becomes the command. Exec keeps an ignored signal ignored, and a shell
#: that starts a job in the background (`bash -c 'pytest &'`) ignores SIGINT for it: without this, the child would
#: never see the Ctrl+C the test sends. A wrapper rather than `preexec_fn`, which is unsafe once threads run.
_EXEC_WITH_DEFAULT_SIGINT = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])"
)


def with_default_sigint(command: list[str]) -> list[str]:
    """`command` run with the default SIGINT handler, whatever the test runner itself ignores."""
    return [sys.executable, "-c", _EXEC_WITH_DEFAULT_SIGINT, *command]


def run_on_pty(*argv: str | Path, interrupt_when: str | None = None, timeout: float = 120) -> tuple[int, str]:
    """Run tarjama-cli with stdout and stderr on a 120-column pseudo-terminal; returns (exit code, what it drew).

    With `interrupt_when` (a regular expression), SIGINT is sent as soon as the drawn output matches it. (A real
    terminal needs a size: on a 0×0 one tqdm draws nothing.)
    """
    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
    process = subprocess.Popen(
        with_default_sigint([cli_executable(), *map(str, argv)]),
        stdout=secondary,
        stderr=secondary,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    os.close(secondary)
    drawn = b""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if not select.select([primary], [], [], 0.1)[0]:
                continue
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # EIO: every copy of the terminal's other end is closed; the child has exited
                break
            if not chunk:
                break
            drawn += chunk
            if interrupt_when is not None and re.search(interrupt_when, drawn.decode("utf-8", "replace")):
                process.send_signal(signal.SIGINT)
                interrupt_when = None
        else:
            process.kill()
            raise AssertionError(f"tarjama-cli {argv} did not finish in {timeout} s; it drew {drawn[-500:]!r}")
    finally:
        os.close(primary)
    return process.wait(timeout=timeout), drawn.decode("utf-8").replace("\r\n", "\n")

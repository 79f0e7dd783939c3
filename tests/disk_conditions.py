"""Real disk conditions for the store tests: a small tmpfs mount (full, or read-only), a user who may not write,
and checksums that show a store was left byte for byte as it was.

Tests run as root, and root ignores file permissions: a read-only file is only read-only to a child process that
gives up that power (`run_cli(..., unprivileged=True)`); a folder it may not write in is one whose owner may not
(mode 0555), and a file it may not open is another user's (`NOBODY`'s, mode 0600). Mounting needs root with
CAP_SYS_ADMIN; where it is impossible, the tests that need
a mount skip and say why.

The CLI runs in a child process on this checkout's `desktop/`, or on the one the environment variable UNDER_TEST
names: pointed at a copy of the code before a fix, the same tests show what they catch.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

NOBODY = 65534
CLI_CODE = "import sys; from tarjama.cli import main; sys.exit(main(sys.argv[1:]))"
DESKTOP = Path(os.environ.get("UNDER_TEST", Path(__file__).resolve().parents[1] / "desktop"))


def checksums(*paths: Path) -> dict[str, str | None]:
    """Each file's SHA-256 (None for a missing one), to compare before and after a refused change."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None for p in paths}


def cli_env(home: Path) -> dict[str, str]:
    """The environment of a CLI child: Tarjama's user folders under `home` (which the child may write)."""
    return {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",
        "TARJAMA_DATA_DIR": str(home / "data"),
        "TARJAMA_CONFIG_DIR": str(home / "config"),
        "TARJAMA_CACHE_DIR": str(home / "cache"),
    }


#: Root keeps its user id but loses what lets it ignore file modes: the child is refused what the modes refuse
#: their owner, as any user is. A user switch (`nobody`) would also lose access to this checkout and its Python
#: wherever they live in a folder only root may enter (root's pyenv, a CI clone in a private temporary folder).
WITHOUT_ROOTS_OVERRIDE = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner,-linux_immutable",
                          "--"]


def run_cli(argv: Sequence[str | Path], home: Path, *, unprivileged: bool = False) -> subprocess.CompletedProcess[str]:
    """`tarjama-cli ARGV` in a child process on this checkout; `unprivileged`: when we are root, without root's
    power over file modes (otherwise as ourselves, for whom a 0444 file is read-only already)."""
    drop = unprivileged and os.geteuid() == 0
    if drop and shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is missing, so root cannot give up its power over file modes")
    return subprocess.run(
        [*(WITHOUT_ROOTS_OVERRIDE if drop else []), sys.executable, "-c", CLI_CODE, *map(str, argv)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**cli_env(home), "PYTHONPATH": str(DESKTOP)},
        cwd="/",
    )


@contextmanager
def open_folder(prefix: str) -> Iterator[Path]:
    """A folder every user may enter and read (pytest's own tmp_path is root's alone), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True)


@contextmanager
def tmpfs(size: str) -> Iterator[Path]:
    """A fresh tmpfs of `size` ("1m"), unmounted afterwards whatever happened; skips the test where mounting is
    impossible (not root, no CAP_SYS_ADMIN)."""
    with open_folder("tarjama-mnt-") as folder:
        point = folder / "mnt"
        point.mkdir()
        if shutil.which("mount") is None:
            pytest.skip("no mount command here, so no small or read-only disk can be made")
        done = _mount("-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(point))
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip() or done.returncode}); needs root with "
                        "CAP_SYS_ADMIN")
        try:
            yield point
        finally:
            subprocess.run(["umount", "-l", str(point)], capture_output=True)


def remount_read_only(point: Path) -> None:
    done = _mount("-o", "remount,ro", str(point))
    if done.returncode != 0:
        pytest.skip(f"cannot remount {point} read-only ({done.stderr.strip()})")


def fill(point: Path, leave: int) -> Path:
    """Fill the mount with one file until about `leave` bytes are free; returns the file (delete it to free)."""
    filler = point / "filler"
    free = shutil.disk_usage(point).free
    with filler.open("wb", buffering=0) as out:
        chunk = b"\0" * 4096
        written = 0
        try:
            while written < free - leave:
                written += out.write(chunk)
        except OSError:  # full a little early: tmpfs counts its own pages too
            pass
    assert abs(shutil.disk_usage(point).free - leave) <= 8192, shutil.disk_usage(point)
    return filler


def feed_fifo(fifo: Path, chunk: bytes, total: int, written: list[int]) -> None:
    """Write `chunk` after `chunk` into `fifo` until `total` bytes, once a reader opens it (giving up after 20 s),
    counting in `written[0]` what got in: an endless file, as /dev/zero is, whose reader stops when it has enough
    (the writer then sees a broken pipe). Run it in a thread."""
    for _ in range(200):
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError:  # ENXIO: no reader yet
            threading.Event().wait(0.1)
    else:
        return
    os.set_blocking(fd, True)
    try:
        while written[0] < total:
            written[0] += os.write(fd, chunk)
    except BrokenPipeError:
        pass
    finally:
        os.close(fd)

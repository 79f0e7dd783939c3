"""Benchmark: how much free disk an import into a new project really needs, against the estimate messages give.

Run as root with `.venv/bin/python bench/store_room.py` (it mounts small tmpfs file systems; a minute or so). For
documents of several sizes it finds, by bisection over the size of a fresh tmpfs mount, the least free space at
which `import_document` succeeds, and prints that beside `store_failures.build_room` (what a "disk is full" message
says is needed) and their ratio, measured in this one run. A ratio above 1 means the message asks for more than
the least that works (as it should, a little); below 1, too little. It also prints the final project's size per
byte of document text, the figure `BUILD_BYTES_PER_TEXT_BYTE` is taken from.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))

from tarjama.errors import DiskFullError  # noqa: E402
from tarjama.project.files import import_document  # noqa: E402
from tarjama.store_failures import build_room  # noqa: E402

SENTENCE = "أعلنت الحكومة خطة جديدة للنقل العام في المدينة. "
PAGE = 4096


def document(folder: Path, paragraphs: int) -> Path:
    path = folder / f"doc-{paragraphs}.txt"
    path.write_text("".join(f"{SENTENCE * 8}{n}\n\n" for n in range(paragraphs)), encoding="utf-8")
    return path


def imports_in(mount: Path, size: int, doc: Path) -> tuple[bool, int]:
    """Whether the import succeeds on a fresh tmpfs of `size` bytes; and the project's size when it does."""
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], check=True)
    try:
        project = mount / "p.tarjama"
        try:
            import_document(doc, project).close()
        except DiskFullError:
            assert not any(mount.iterdir()), f"left behind: {list(mount.iterdir())}"
            return False, 0
        return True, project.stat().st_size
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def least_room(mount: Path, doc: Path) -> tuple[int, int]:
    low, high = PAGE, 64 * 1024 * 1024
    ok, size = imports_in(mount, high, doc)
    assert ok
    while high - low > PAGE:
        middle = (low + high) // 2 // PAGE * PAGE
        ok, got = imports_in(mount, middle, doc)
        if ok:
            high, size = middle, got
        else:
            low = middle
    return high, size


def main() -> None:
    if os.geteuid() != 0:
        sys.exit("run as root: the benchmark mounts tmpfs file systems")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        os.environ["TARJAMA_DATA_DIR"] = str(folder / "data")  # the default memory the import links, off the mount
        mount = folder / "mnt"
        mount.mkdir()
        print(f"{'text bytes':>10} {'least free':>11} {'estimate':>9} {'estimate/least':>15} {'project/text':>13}")
        for paragraphs in (10, 200, 1000, 4000):
            doc = document(folder, paragraphs)
            text = len(doc.read_text(encoding="utf-8").encode())
            least, project = least_room(mount, doc)
            estimate = build_room(text)
            print(f"{text:>10} {least:>11} {estimate:>9} {estimate / least:>15.2f} {project / text:>13.2f}")


if __name__ == "__main__":
    main()

"""Renders resources/icons/tarjama.svg into the bitmap icons the installers need, with Qt (no other tool needed).

Writes into the output folder: hicolor/<N>x<N>/apps/tarjama.png (Linux desktops), tarjama.ico (Windows) and
tarjama.iconset/ (macOS: `iconutil -c icns` turns it into tarjama.icns).

Usage: python packaging/render_icons.py OUTPUT_FOLDER
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "tarjama.svg"  # also the window's icon
HICOLOR_SIZES = (48, 128, 256)
ICONSET_SIZES = (16, 32, 128, 256, 512)  # each also at twice the size (@2x), as iconutil expects


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def save(image: QImage, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise SystemExit(f"render_icons: could not write {path}")


def main(output: Path) -> None:
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {SVG} is not a valid SVG")
    for size in HICOLOR_SIZES:
        save(render(renderer, size), output / "hicolor" / f"{size}x{size}" / "apps" / "tarjama.png")
    save(render(renderer, 256), output / "tarjama.ico")
    for size in ICONSET_SIZES:
        save(render(renderer, size), output / "tarjama.iconset" / f"icon_{size}x{size}.png")
        save(render(renderer, 2 * size), output / "tarjama.iconset" / f"icon_{size}x{size}@2x.png")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    app = QGuiApplication(["render_icons", "-platform", "offscreen"])  # image plugins (ico) are loaded through it
    main(Path(sys.argv[1]))

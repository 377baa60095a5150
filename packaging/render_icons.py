"""Renders the application icon (wadesk/resources/wadesk.svg) to the PNG sizes desktops look for.

Run from the repository: ``python packaging/render_icons.py`` (Qt's SVG renderer, from
PySide6-Essentials, does the drawing; no other tool is needed). The PNGs are committed,
so installing the desktop files needs no Python; tests/test_desktop_files.py fails when
they no longer match the SVG.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "wadesk" / "resources" / "wadesk.svg"
ICONS = ROOT / "packaging" / "linux" / "icons" / "hicolor"
APP_ID = "io.github.wadesk.wadesk"
#: The fixed sizes of the hicolor icon theme that desktops and software centres use.
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def svg_path() -> Path:
    """Where the scalable icon lives (a copy of the package's SVG)."""
    return ICONS / "scalable" / "apps" / f"{APP_ID}.svg"


def png_path(size: int) -> Path:
    """Where the PNG of ``size`` pixels lives."""
    return ICONS / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(size: int):  # type: ignore[no-untyped-def]
    """The icon drawn at ``size`` x ``size`` pixels, as a QImage."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    """Write every size and the scalable SVG next to them."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg_path().parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, svg_path())
    for size in SIZES:
        target = png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(target), "PNG"):
            raise SystemExit(f"cannot write {target}")
        print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Editor benchmarks (offscreen Qt): opening a large design up to its first paint, and an edit up to its badge."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import three_tier_design  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from wadesk.fileformat import save_design  # noqa: E402
from wadesk.ui.canvas import styles  # noqa: E402
from wadesk.ui.canvas.node_item import NodeItem  # noqa: E402
from wadesk.ui.main_window import MainWindow  # noqa: E402
from wadesk.ui.session import Autosave  # noqa: E402

COMPONENTS = 1_000
OPEN_RUNS = 5
EDIT_RUNS = 21
#: The node whose property is flipped: an RDS database; multi_az adds or removes a finding.
EDITED = "c1-db"


def _window(folder: Path) -> MainWindow:
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, autosave=Autosave(folder / "autosave"))
    window.resize(1400, 900)
    return window


def _dispose(app: QApplication, window: MainWindow) -> None:
    window.document.undo_stack.setClean()  # no "save changes?" on close
    window.close()
    window.deleteLater()
    app.processEvents()


def open_and_paint_ms(app: QApplication, folder: Path, path: Path) -> float:
    """From creating the window and opening ``path`` to the first painted frame of the canvas."""
    start = time.perf_counter()
    window = _window(folder)
    window.show()
    assert window.open_file(path)
    app.processEvents()
    window.view.viewport().grab()  # paints the viewport: every visible item is drawn once
    elapsed = (time.perf_counter() - start) * 1000
    assert len(window.scene.items()) >= len(window.document.arch)
    _dispose(app, window)
    return elapsed


def edit_to_badge_ms(app: QApplication, folder: Path, path: Path, runs: int) -> list[float]:
    """From an undoable property edit through the controller to the new badge count on that node's item."""
    window = _window(folder)
    window.show()
    assert window.open_file(path)
    app.processEvents()
    box = window.scene.box(EDITED)
    assert isinstance(box, NodeItem)
    times = []
    for _ in range(runs):
        before = styles.badge_count(box.findings)
        value = not window.document.arch.props_of(EDITED)["multi_az"]
        start = time.perf_counter()
        window.document.set_property(EDITED, "multi_az", value)
        while styles.badge_count(box.findings) == before:
            app.processEvents()
            if time.perf_counter() - start > 10:
                raise RuntimeError("the badge never changed")
        times.append((time.perf_counter() - start) * 1000)
    steps = window.document.undo_stack.count()
    assert steps == runs, steps  # each edit was one undo step
    _dispose(app, window)
    return times


def main() -> int:
    """Print a table of medians (milliseconds)."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        arch = three_tier_design(COMPONENTS)
        path = folder / "design.wadesk"
        save_design(arch, path)
        opens = [open_and_paint_ms(app, folder, path) for _ in range(OPEN_RUNS)]
        edits = edit_to_badge_ms(app, folder, path, EDIT_RUNS)
    print()
    print(f"Editor benchmarks ({COMPONENTS} components, {len(arch)} nodes, {len(arch.edge_ids())} flows; "
          f"QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}; milliseconds)")
    rows = [
        ("open + first paint", opens),
        ("property edit -> badge", edits),
    ]
    print(f"{'measure':<24} {'runs':>5} {'median':>9} {'min':>9} {'max':>9}")
    for title, values in rows:
        print(f"{title:<24} {len(values):>5} {statistics.median(values):>9.1f} {min(values):>9.1f} "
              f"{max(values):>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

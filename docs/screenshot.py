"""Makes docs/screenshot.png with the editor itself: an example open, a node selected.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshot.py [DESIGN] [NODE] [OUT]

DESIGN may also be a template, plan or Terraform folder: it is imported as File → Import does (the import
report's dialog closed), which is how docs/screenshot-import.png is made:
docs/screenshot.py ../shared/corpus/cfn/act_efs_efs_with_automount_to_ec2.yaml - docs/screenshot-import.png
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from wadesk.ui.app import release_clipboard  # noqa: E402
from wadesk.ui.main_window import MainWindow  # noqa: E402
from wadesk.ui.session import Autosave  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    """Open the design, select the node, grab the window to a PNG."""
    design = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples" / "flawed-startup.wadesk"
    node = sys.argv[2] if len(sys.argv) > 2 else "main-db"
    out = Path(sys.argv[3]) if len(sys.argv) > 3 else ROOT / "docs" / "screenshot.png"
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    window = MainWindow(
        settings=QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat),
        autosave=Autosave(folder / "autosave"),
    )
    window.resize(1600, 1000)
    window.show()
    if design.suffix == ".wadesk":
        window.start(str(design))
    else:
        window.imports.import_template(design)
        if window.imports.report_dialog is not None:
            window.imports.report_dialog.close()
    if node in window.document.arch:
        window.selection.set([node])
        # Its worst finding picked too, so the detail pane shows what, why and how to fix.
        worst = next(iter(window.document.analyzer.findings_for(node)), None)
        if worst is not None:
            window.analysis.select_finding(worst.key)
    window.scene.router.route_now()  # the flows as routed, not the straight lines shown until routing catches up
    # Long enough for the panes' settle timers (the design's responsibility totals wait for edits to settle).
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    window.grab().save(str(out))
    window.document.undo_stack.setClean()
    window.close()
    release_clipboard()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

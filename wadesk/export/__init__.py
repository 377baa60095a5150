"""Exports of a design drawn with the ``diagrams`` package: a Python script and a rendered image.

- :func:`wadesk.export.python_script.python_script` writes a readable ``diagrams`` program;
- :func:`wadesk.export.diagrams_render.render_diagram` draws the same diagram to PNG or SVG.

Both walk the same :class:`wadesk.export.plan.DiagramPlan`, so the script and
the image always agree. Nothing here imports Qt.
"""

from __future__ import annotations

from wadesk.export.errors import ExportError

__all__ = ["ExportError"]

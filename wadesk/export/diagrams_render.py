"""Draws a design to PNG or SVG directly with the ``diagrams`` API (no generated code is run).

diagrams keeps the open Diagram and Cluster in context variables and renders
in ``Diagram.__exit__`` even when the block failed. So the drawing runs in a
copied context (nothing it sets can leak to the caller), the Diagram is
entered and rendered by hand (only after the whole graph was built), and
Graphviz writes into a temporary folder beside the target; the finished image
is then renamed into place, so a failure never leaves a half-written file.
"""

from __future__ import annotations

import contextvars
import importlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from diagrams import Cluster, Diagram, Edge, Node, setcluster, setdiagram

from wadesk.analysis.engine import analyse
from wadesk.export.errors import ExportError
from wadesk.export.plan import EMPTY_CLUSTER_FILLER, DiagramPlan, PlanCluster, PlanNode, build_plan
from wadesk.export.targets import check_export_target
from wadesk.model import Architecture

#: Image formats :func:`render_diagram` writes, by file suffix.
FORMATS: dict[str, str] = {".png": "png", ".svg": "svg"}

DOT_MISSING = (
    "Graphviz's dot program is needed to draw with the diagrams package; install it "
    "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz)"
)

_WARNING_SIGN = "\u26a0"


def render_diagram(arch: Architecture, out: Path, annotate: bool = False) -> None:
    """Draw ``arch`` with the diagrams package into ``out`` (``.png`` or ``.svg``).

    Args:
        arch: the design.
        out: the image to write; replaced only once the new one is complete.
        annotate: add each node's worst unsuppressed finding under its label.

    Raises:
        ExportError: an unsupported suffix, no Graphviz ``dot``, a missing
            folder, or Graphviz failing; the message says what to do.
    """
    out = Path(out)
    outformat = FORMATS.get(out.suffix.lower())
    if outformat is None:
        shown = f"{out.suffix!r}" if out.suffix else "no suffix"
        raise ExportError(
            f"cannot draw {str(out)!r}: the diagrams export writes .png or .svg files, "
            f"and this file name has {shown}; name the file OUT.png or OUT.svg"
        )
    check_export_target(out, tuple(FORMATS), "a diagrams image")
    if shutil.which("dot") is None:
        raise ExportError(DOT_MISSING)
    folder = out.parent
    if not folder.is_dir():
        raise ExportError(f"cannot draw {str(out)!r}: the folder {str(folder)!r} does not exist; create it first")
    if out.is_dir():
        raise ExportError(f"cannot draw {str(out)!r}: it is a folder; give a file name")

    notes = _worst_findings(arch) if annotate else {}
    plan = build_plan(arch, notes)
    classes = _load_classes(plan)
    try:
        with tempfile.TemporaryDirectory(prefix=".wadesk-diagram-", dir=folder) as temp:
            stem = Path(temp) / "diagram"
            # A copied context: whatever diagrams sets in its context variables dies with it.
            contextvars.copy_context().run(_draw, plan, classes, stem, outformat, set(notes))
            image = stem.with_name(f"diagram.{outformat}")
            if not image.is_file() or image.stat().st_size == 0:
                raise ExportError(f"cannot draw {str(out)!r}: Graphviz wrote no image")
            os.replace(image, out)
    except ExportError:
        raise
    except subprocess.CalledProcessError as exc:
        detail = _text(exc.stderr).strip().splitlines()
        reason = detail[-1] if detail else f"exit status {exc.returncode}"
        raise ExportError(f"cannot draw {str(out)!r}: Graphviz's dot failed: {reason}") from None
    except OSError as exc:
        raise ExportError(f"cannot draw {str(out)!r}: {exc.strerror or exc}") from None


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value or "")


def _worst_findings(arch: Architecture) -> dict[str, str]:
    """Node id -> "⚠ HIGH: RULE-ID" for its worst unsuppressed finding."""
    worst: dict[str, str] = {}
    for finding in analyse(arch).findings:  # worst first
        if finding.suppressed or finding.error or finding.node is None or finding.node in worst:
            continue
        worst[finding.node] = f"{_WARNING_SIGN} {finding.severity.upper()}: {finding.rule}"
    return worst


def _load_classes(plan: DiagramPlan) -> dict[str, type]:
    """The diagrams class of every icon, imported by its dotted path from the catalog."""
    classes: dict[str, type] = {}
    for node in plan.nodes():
        path = node.diagrams_class
        if path in classes:
            continue
        module_name, class_name = path.rsplit(".", 1)
        try:
            cls = getattr(importlib.import_module(module_name), class_name)
        except (ImportError, AttributeError):
            raise ExportError(
                f"the installed diagrams package has no {path}; upgrade it (pip install -U diagrams)"
            ) from None
        classes[path] = cls
    return classes


def _draw(plan: DiagramPlan, classes: Mapping[str, type], stem: Path, outformat: str, annotated: set[str]) -> None:
    """Build the whole graph, then render it to ``stem.<outformat>``; run in a copied context."""
    diagram = Diagram(
        plan.title,
        filename=str(stem),
        show=False,
        direction="LR",
        outformat=outformat,
        graph_attr=plan.graph_attr(),
    )
    setdiagram(diagram)
    try:
        drawn: dict[str, Any] = {}
        counter = iter(range(1_000_000_000))

        def add_node(node: PlanNode) -> None:
            cls = classes[node.diagrams_class]
            drawn[node.id] = cls(node.label, nodeid=f"node_{next(counter)}")

        def add_items(items: tuple[PlanNode | PlanCluster, ...]) -> None:
            for item in items:
                if isinstance(item, PlanNode):
                    add_node(item)
                    continue
                with Cluster(item.key, graph_attr=item.graph_attr()):
                    if item.anchor is not None:
                        add_node(item.anchor)
                    add_items(item.children)
                    if item.empty:
                        # Graphviz leaves out a cluster with nothing in it: an empty subnet was missing.
                        Node("", nodeid=f"node_{next(counter)}", **EMPTY_CLUSTER_FILLER)

        add_items(plan.items)
        for edge in plan.edges:
            source, target = drawn[edge.source], drawn[edge.target]
            if edge.label:
                source >> Edge(label=edge.label) >> target
            else:
                source >> target
        diagram.render()
    finally:
        setcluster(None)
        setdiagram(None)

"""Align and distribute: new positions for selected nodes, as a drawing tool's Arrange menu computes them.

Pure geometry over the design; the editor applies the result as one undoable move.
A container moves with everything inside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from wadesk.model import Architecture

#: Geometry of a node: x, y, w, h (w and h None for components).
Geometry = tuple[float, float, float | None, float | None]

ALIGNMENTS = ("left", "centre", "right", "top", "middle", "bottom")
DISTRIBUTIONS = ("horizontally", "vertically")


def _tops(arch: Architecture, ids: Sequence[str]) -> list[str]:
    """The nodes of ``ids`` that no other selected node contains."""
    chosen = [i for i in dict.fromkeys(ids) if arch.has_node(i)]
    picked = set(chosen)
    return [i for i in chosen if not picked.intersection(arch.ancestors(i))]


def _box(arch: Architecture, node_id: str, icon: float) -> tuple[float, float, float, float]:
    node = arch.node(node_id)
    return node.x, node.y, node.w if node.w is not None else icon, node.h if node.h is not None else icon


def _shifted(arch: Architecture, shifts: dict[str, tuple[float, float]]) -> dict[str, Geometry]:
    """Moves for each shifted node and everything inside it (unchanged nodes left out)."""
    moves: dict[str, Geometry] = {}
    for node_id, (dx, dy) in shifts.items():
        if abs(dx) < 1e-9 and abs(dy) < 1e-9:
            continue
        for moved in (node_id, *arch.descendants(node_id)):
            node = arch.node(moved)
            moves[moved] = (node.x + dx, node.y + dy, node.w, node.h)
    return moves


def align(arch: Architecture, ids: Sequence[str], how: str, icon: float = 64.0) -> dict[str, Geometry]:
    """Moves that line the selected nodes up on one edge or centre line of their bounding box.

    Args:
        arch: the design.
        ids: the selected ids (flows and nested picks are ignored).
        how: one of :data:`ALIGNMENTS`.
        icon: the size of a component's box.
    """
    if how not in ALIGNMENTS:
        raise ValueError(f"unknown alignment {how!r}")
    tops = _tops(arch, ids)
    if len(tops) < 2:
        return {}
    boxes = {i: _box(arch, i, icon) for i in tops}
    left = min(x for x, _, _, _ in boxes.values())
    right = max(x + w for x, _, w, _ in boxes.values())
    top = min(y for _, y, _, _ in boxes.values())
    bottom = max(y + h for _, y, _, h in boxes.values())
    shifts: dict[str, tuple[float, float]] = {}
    for node_id, (x, y, w, h) in boxes.items():
        target = {
            "left": (left, y), "right": (right - w, y), "centre": ((left + right) / 2 - w / 2, y),
            "top": (x, top), "bottom": (x, bottom - h), "middle": (x, (top + bottom) / 2 - h / 2),
        }[how]
        shifts[node_id] = (round(target[0] - x, 3), round(target[1] - y, 3))
    return _shifted(arch, shifts)


def distribute(arch: Architecture, ids: Sequence[str], how: str, icon: float = 64.0) -> dict[str, Geometry]:
    """Moves that space the selected nodes' centres evenly between the two outermost ones."""
    if how not in DISTRIBUTIONS:
        raise ValueError(f"unknown distribution {how!r}")
    tops = _tops(arch, ids)
    if len(tops) < 3:
        return {}
    axis = 0 if how == "horizontally" else 1

    def centre(node_id: str) -> float:
        x, y, w, h = _box(arch, node_id, icon)
        return x + w / 2 if axis == 0 else y + h / 2

    ordered = sorted(tops, key=centre)
    first, last = centre(ordered[0]), centre(ordered[-1])
    step = (last - first) / (len(ordered) - 1)
    shifts = {}
    for index, node_id in enumerate(ordered):
        delta = round(first + index * step - centre(node_id), 3)
        shifts[node_id] = (delta, 0.0) if axis == 0 else (0.0, delta)
    return _shifted(arch, shifts)

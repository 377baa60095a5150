"""Corrections made to dot's geometry after it answers: what dot cannot be told, set right on the result.

Pure (no Qt). :func:`wadesk.layout.dot_layout` calls these on dot's geometry; each keeps every node inside
its container and clear of its siblings, or leaves the geometry as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from wadesk.model import Architecture

Geometry = tuple[float, float, float | None, float | None]
Box = tuple[float, float, float, float]


def order_zones(arch: Architecture, geometry: dict[str, Geometry], box: Callable[[Geometry], Box]) -> None:
    """Stack the Availability Zones of each container in the order the design lists them (AZ 1 above AZ 2).

    dot orders the boxes within a column to shorten and uncross flows, which put ``us-east-1b`` above
    ``us-east-1a`` in a third of the corpus's multi-zone networks (a reader takes the first band for the
    first zone). When a container's zones stand one below the other, they are moved, with everything in
    them, into the same slots in the listed order. When a zone would then overlap another child of the
    container and the zones stand exactly upside down, the container's children are turned over instead;
    otherwise they stay as dot placed them. ``geometry`` is changed in place.
    """
    for container in [n for n in arch.node_ids() if arch.is_container(n)]:
        zones = [c for c in arch.children(container) if arch.kind_of(c) == "availability_zone" and c in geometry]
        if len(zones) < 2:
            continue
        stacked = sorted(zones, key=lambda z: box(geometry[z])[1])
        if stacked == zones:
            continue
        boxes = [box(geometry[z]) for z in stacked]
        if any(below[1] < above[1] + above[3] for above, below in zip(boxes, boxes[1:], strict=False)):
            continue  # side by side or overlapping in height: not a stack to reorder
        gaps = [below[1] - (above[1] + above[3]) for above, below in zip(boxes, boxes[1:], strict=False)]
        top = boxes[0][1]
        moves: dict[str, float] = {}
        for index, zone in enumerate(zones):
            x, y, w, h = box(geometry[zone])
            moves[zone] = top - y
            top += h + (gaps[index] if index < len(gaps) else 0.0)
        others = [box(geometry[c]) for c in arch.children(container) if c not in moves and c in geometry]
        moved = [_shifted(box(geometry[z]), moves[z]) for z in zones]
        if any(_overlap(a, b) for a in moved for b in others):
            if stacked != zones[::-1]:
                continue
            # Exactly upside down (two zones, mostly): turn the container's contents over instead. Each child
            # keeps its shape and moves as one block, so they stay apart and inside, whatever their widths.
            children = [c for c in arch.children(container) if c in geometry]
            spans = [box(geometry[c]) for c in children]
            low, high = min(b[1] for b in spans), max(b[1] + b[3] for b in spans)
            moves = {c: low + high - (b[1] + b[3]) - b[1] for c, b in zip(children, spans, strict=True)}
        for child, dy in moves.items():
            for node_id in [child, *arch.descendants(child)]:
                if node_id in geometry:
                    x, y, w, h = geometry[node_id]
                    geometry[node_id] = (x, y + dy, w, h)


def _shifted(box: Box, dy: float) -> Box:
    return (box[0], box[1] + dy, box[2], box[3])


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]

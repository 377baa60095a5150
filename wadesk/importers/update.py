"""Re-importing a changed source into an open design as one undoable edit.

Nodes are matched by id (a logical id or resource address): a node that still exists keeps its position,
size and label and takes the new properties and container; a new node is placed beside what its container
already holds (the container grows to fit); a node that is gone is removed with its flows. Flows are
matched by id too. Pure: the editor pushes the returned edit on its undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wadesk.editing import (
    AddNode,
    Compound,
    Connect,
    Disconnect,
    Edit,
    MoveNodes,
    RemoveNode,
    Reparent,
    SetProperty,
    SetUnknown,
)
from wadesk.model import Architecture, Node

#: Room left between a new node and what its container already holds, and inside a container's border.
GAP = 40.0
TITLE = 36.0
ICON = 64.0
LABEL = 40.0


@dataclass
class UpdatePlan:
    """What an update changes: the edit, and the ids it adds, keeps and removes."""

    edit: Compound
    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for a status bar or a dialog."""
        return f"{len(self.added)} added, {len(self.kept)} kept in place, {len(self.removed)} removed"


def _box(node: Node) -> tuple[float, float, float, float]:
    if node.w is not None and node.h is not None:
        return (node.x, node.y, node.w, node.h)
    return (node.x, node.y, ICON, ICON + LABEL)


def plan_update(current: Architecture, fresh: Architecture, text: str = "Update from template") -> UpdatePlan:
    """The edit that turns ``current`` into ``fresh`` while keeping the geometry of every node both have."""
    fresh_ids = fresh.node_ids()
    fresh_set = set(fresh_ids)
    kept = [n for n in current.node_ids() if n in fresh_set]
    kept_set = set(kept)
    added = [n for n in fresh_ids if n not in kept_set]
    added_set = set(added)
    gone = [n for n in current.node_ids() if n not in fresh_set]
    gone_set = set(gone)
    edits: list[Edit] = []

    # Flows that are gone or changed go first, while both ends still exist.
    fresh_edges = {e.id: e for e in fresh.edges()}
    current_edges = {e.id: e for e in current.edges()}
    for edge_id, edge in current_edges.items():
        new = fresh_edges.get(edge_id)
        if new is None or (new.source, new.target, new.label, dict(new.props)) != (
            edge.source,
            edge.target,
            edge.label,
            dict(edge.props),
        ):
            if not {edge.source, edge.target} & gone_set:
                edits.append(Disconnect(edge_id))

    # New nodes, parents first (fresh's order has parents first), placed beside their container's contents.
    geometry: dict[str, tuple[float, float, float | None, float | None]] = {}
    for node_id in current.node_ids():
        node = current.node(node_id)
        geometry[node_id] = (node.x, node.y, node.w, node.h)
    grown: dict[str, tuple[float, float, float | None, float | None]] = {}
    offsets: dict[str, tuple[float, float]] = {}
    for node_id in added:
        node = fresh.node(node_id)
        if node.parent in added_set:
            dx, dy = offsets[node.parent]
            x, y = node.x + dx, node.y + dy
        else:
            x, y = _free_spot(current, fresh, node, geometry, kept_set, gone_set)
        offsets[node_id] = (x - node.x, y - node.y)
        geometry[node_id] = (x, y, node.w, node.h)
        edits.append(
            AddNode(Node(node.id, node.kind, node.label, node.parent, x, y, node.w, node.h, dict(node.props),
                         dict(node.unknown)))
        )
        _grow(fresh, node.parent, (x, y, node.w, node.h), geometry, grown, kept_set)

    # Kept nodes follow the new containment and properties; their geometry stays.
    for node_id in kept:
        new, old = fresh.node(node_id), current.node(node_id)
        if new.parent != old.parent and (new.parent is None or new.parent in fresh_set):
            edits.append(Reparent(node_id, new.parent))
        if new.kind == old.kind:
            for name, value in new.props.items():
                if old.props.get(name) != value:
                    edits.append(SetProperty(node_id, name, value))
            if new.unknown or old.unknown:  # what the new source leaves unresolved, exactly
                edits.append(SetUnknown(node_id, dict(new.unknown)))

    # Gone nodes: their survivors have moved out above, so removing the topmost gone ones is enough.
    for node_id in gone:
        if not (set(current.ancestors(node_id)) & gone_set):
            edits.append(RemoveNode(node_id))
    if grown:
        edits.append(MoveNodes(dict(grown), "Grow containers"))

    for edge_id, new in fresh_edges.items():
        old = current_edges.get(edge_id)
        if (
            old is None
            or old.source in gone_set
            or old.target in gone_set
            or (
                new.source,
                new.target,
                new.label,
                dict(new.props),
            )
            != (old.source, old.target, old.label, dict(old.props))
        ):
            edits.append(Connect(new))
    return UpdatePlan(Compound(edits, text), added, kept, gone)


def _free_spot(
    current: Architecture,
    fresh: Architecture,
    node: Node,
    geometry: dict[str, tuple[float, float, float | None, float | None]],
    kept: set[str],
    gone: set[str],
) -> tuple[float, float]:
    """Right of everything the node's container already holds (or of the whole design at top level)."""
    parent = node.parent
    siblings = [
        child
        for child in fresh.node_ids()
        if fresh.node(child).parent == parent and child in geometry and child != node.id
    ]
    siblings = [s for s in siblings if s not in gone]
    boxes = [
        _box(Node(s, "", x=geometry[s][0], y=geometry[s][1], w=geometry[s][2], h=geometry[s][3])) for s in siblings
    ]
    if parent is not None and parent in geometry:
        px, py, _, _ = geometry[parent]
        if not boxes:
            return (px + GAP / 2, py + TITLE + GAP / 2)
        right = max(x + w for x, _, w, _ in boxes)
        top = min(y for _, y, _, _ in boxes)
        return (right + GAP, top)
    if not boxes:
        return (0.0, 0.0)
    right = max(x + w for x, _, w, _ in boxes)
    top = min(y for _, y, _, _ in boxes)
    return (right + GAP, top)


def _grow(
    fresh: Architecture,
    parent: str | None,
    box: tuple[float, float, float | None, float | None],
    geometry: dict[str, tuple[float, float, float | None, float | None]],
    grown: dict[str, tuple[float, float, float | None, float | None]],
    kept: set[str],
) -> None:
    """Enlarge kept containers around a new node so it sits inside them."""
    x, y, w, h = box
    x2, y2 = x + (w if w is not None else ICON), y + (h if h is not None else ICON + LABEL)
    while parent is not None and parent in geometry:
        px, py, pw, ph = geometry[parent]
        pw, ph = pw or 0.0, ph or 0.0
        nw, nh = max(pw, x2 - px + GAP / 2), max(ph, y2 - py + GAP / 2)
        if (nw, nh) != (pw, ph):
            geometry[parent] = (px, py, nw, nh)
            if parent in kept:
                grown[parent] = (px, py, nw, nh)
        x2, y2 = px + nw, py + nh
        parent = fresh.node(parent).parent if parent in fresh else None

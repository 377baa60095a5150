"""The document controller: owns the design, its undo stack and its analysis; turns intents into edits."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from wadesk.analysis.engine import Analyzer
from wadesk.catalog import CATALOG, new_architecture
from wadesk.catalog.placeholders import DEFINED_ELSEWHERE
from wadesk.editing import (
    AddNode,
    AddSuppression,
    Compound,
    Connect,
    Disconnect,
    Edit,
    MoveNodes,
    RemoveNode,
    RemoveSuppression,
    Reparent,
    SetDesignMeta,
    SetEdgeLabel,
    SetEdgeProperty,
    SetLabel,
    SetProperty,
    SetScope,
    SetUnknown,
)
from wadesk.editing.naming import copy_labels, describe, id_prefix, readable_ids
from wadesk.fileformat import load_design, save_design
from wadesk.layout import Layout, auto_layout
from wadesk.model import Architecture, Edge, ModelError, ModelEvent, Node, Scope, Suppression, clamp_coordinate
from wadesk.ui._compat import override

#: Size of a component on the canvas (icon) and the default size of a new container.
ICON_SIZE = 64.0
CONTAINER_SIZE = (320.0, 220.0)
#: Mime type of copied nodes on the clipboard.
CLIPBOARD_MIME = "application/x-wadesk-nodes"


def _clamped(geometry: tuple[float, float, float | None, float | None],
             ) -> tuple[float, float, float | None, float | None]:
    x, y, w, h = geometry
    return (clamp_coordinate(x), clamp_coordinate(y), None if w is None else clamp_coordinate(w),
            None if h is None else clamp_coordinate(h))


def new_id() -> str:
    """A fresh opaque id (new nodes and flows get readable ones from :func:`readable_ids`)."""
    return uuid.uuid4().hex


def tops_text(records: list[dict[str, Any]], tops: list[str]) -> str:
    """What an undo text calls pasted nodes: the one top-level node's label, else "3 items"."""
    if len(tops) == 1:
        top = next((r for r in records if not r.get("parent")), None)
        if top is not None and top.get("label"):
            return str(top["label"])
    return f"{len(tops)} items"


class _EditCommand(QUndoCommand):
    """A QUndoCommand wrapping one pure edit; the edit is applied before the push."""

    def __init__(self, controller: DocumentController, edit: Edit) -> None:
        super().__init__(edit.text)
        self._controller = controller
        self._edit = edit
        self._applied = True

    @override
    def redo(self) -> None:
        if self._applied:  # first push: already applied (so errors reached the caller)
            self._applied = False
            return
        self._edit.apply(self._controller.arch)

    @override
    def undo(self) -> None:
        self._edit.revert(self._controller.arch)


class DocumentController(QObject):
    """One open design: the architecture, its undo stack, its analyzer and its file path."""

    #: ModelEvent: every change of the design, in order
    model_changed = Signal(object)
    #: set[str | None]: node ids whose findings changed (None: the design)
    analysis_changed = Signal(object)
    #: no payload: a different design was loaded (scene and panels rebuild)
    document_replaced = Signal()
    #: Path | None: the file the design is saved to changed
    path_changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        self.arch: Architecture = new_architecture()
        self.analyzer = Analyzer(self.arch)
        self.analyzer.update()  # the first full analysis is published as a whole
        self.arch.subscribe(self._on_model_event)
        self.path: Path | None = None

    # ------------------------------------------------------------- documents
    def replace(self, arch: Architecture, path: Path | None) -> None:
        """Show ``arch`` (loaded from ``path``) instead of the current design; history is cleared."""
        self.arch.unsubscribe(self._on_model_event)
        self.analyzer.close()
        self.undo_stack.clear()
        self.arch = arch
        self.analyzer = Analyzer(arch)
        self.analyzer.update()  # the first full analysis is published as a whole
        arch.subscribe(self._on_model_event)
        self.path = path
        self.undo_stack.setClean()
        self.document_replaced.emit()
        self.path_changed.emit(path)
        self.analysis_changed.emit(None)

    def new(self) -> None:
        """Start an empty design."""
        self.replace(new_architecture(), None)

    def open(self, path: str | Path) -> None:
        """Load ``path`` (raises DesignFileError with a message for the user)."""
        self.replace(load_design(path), Path(path))

    def save(self, path: str | Path | None = None) -> None:
        """Save to ``path`` (default: the current file); marks the undo stack clean."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("no file name to save to")
        save_design(self.arch, target)
        self.undo_stack.setClean()
        if target != self.path:
            self.path = target
            self.path_changed.emit(target)

    def is_modified(self) -> bool:
        """Whether the design has changed since it was opened or saved."""
        return not self.undo_stack.isClean()

    # ----------------------------------------------------------------- edits
    def push(self, edit: Edit) -> None:
        """Apply ``edit`` and put it on the undo stack (ModelError: nothing changed, nothing pushed)."""
        edit.apply(self.arch)
        self.undo_stack.push(_EditCommand(self, edit))

    def add_node(self, kind: str, x: float, y: float, parent: str | None = None, label: str = "") -> str:
        """Add a component or container of ``kind`` with its top-left at (x, y); returns its id."""
        info = CATALOG.get(kind)
        (node_id,) = readable_ids(self.arch, [id_prefix(kind)])
        w, h = CONTAINER_SIZE if info.container else (None, None)
        node = Node(node_id, kind, label=label or info.name, parent=parent, x=x, y=y, w=w, h=h,
                    props=CATALOG.defaults(kind))
        self.push(AddNode(node, f"Add {label or info.name}"))
        return node_id

    def add_node_at(self, kind: str, cx: float, cy: float) -> str:
        """Add ``kind`` centred on (cx, cy), inside the innermost container there."""
        info = CATALOG.get(kind)
        w, h = CONTAINER_SIZE if info.container else (ICON_SIZE, ICON_SIZE)
        x, y = round((cx - w / 2) / 10) * 10, round((cy - h / 2) / 10) * 10
        return self.add_node(kind, x, y, parent=self.container_at(cx, cy))

    def connect(self, source: str, target: str, props: Mapping[str, Any] | None = None) -> str | None:
        """Add a flow from ``source`` to ``target`` (default protocol https); returns its id."""
        if source == target:
            return None
        (edge_id,) = readable_ids(self.arch, ["flow"])
        edge = Edge(edge_id, source, target, props=dict(props or {"protocol": "https"}))
        self.push(Connect(edge, f"Connect {self.arch.label_of(source)} to {self.arch.label_of(target)}"))
        return edge_id

    def move_nodes(self, moves: Mapping[str, tuple[float, float, float | None, float | None]],
                   reparent: Mapping[str, str | None] | None = None, text: str | None = None) -> None:
        """Move (and re-parent) nodes as one undo step (``text``: what Undo calls it)."""
        edits: list[Edit] = []
        moves = {i: _clamped(g) for i, g in moves.items()}  # a drag far off stays what the canvas can draw
        real = {i: g for i, g in moves.items() if self._geometry(i) != g}
        resized = any(self._geometry(i)[2:] != g[2:] for i, g in real.items())
        verb = "Resize" if resized and len(real) == 1 else "Move"
        moved = set(moves)
        tops = [i for i in moves if not moved.intersection(self.arch.ancestors(i))]
        if real:
            edits.append(MoveNodes(real, text or f"{verb} {describe(self.arch, tops)}"))
        moved_in = [(n, p) for n, p in (reparent or {}).items() if self.arch.parent_of(n) != p]
        for node_id, parent in moved_in:
            where = f"into {self.arch.label_of(parent)}" if parent is not None else "out of its container"
            edits.append(Reparent(node_id, parent, f"Move {self.arch.label_of(node_id)} {where}"))
        if not edits:
            return
        if len(edits) == 1:
            self.push(edits[0])
        elif len(moved_in) == 1 and text is None:
            self.push(Compound(edits, edits[-1].text))
        else:
            self.push(Compound(edits, text or f"Move {describe(self.arch, tops)}"))

    def rename(self, item_id: str, label: str) -> None:
        """Rename a node or a flow."""
        if self.arch.has_node(item_id):
            if self.arch.node(item_id).label != label:
                self.push(SetLabel(item_id, label, f"Rename {self.arch.label_of(item_id)} to {label!r}"))
        elif self.arch.has_edge(item_id) and self.arch.edge(item_id).label != label:
            self.push(SetEdgeLabel(item_id, label, f"Rename {describe(self.arch, [item_id])} to {label!r}"))

    def set_property(self, item_id: str, name: str, value: Any) -> None:
        """Set a property of a node or flow (raises ModelError with the reason if invalid)."""
        text = f"Change {name.replace('_', ' ')} of {describe(self.arch, [item_id])}"
        if self.arch.has_node(item_id):
            # Stating the value an unknown property already holds makes it known: an edit too.
            unknown = self.arch.unknown_of(item_id)
            if self.arch.props_of(item_id).get(name) == value and name not in unknown:
                return
            edit = SetProperty(item_id, name, value, text)
            kept = {key: source for key, source in unknown.items() if source}
            if name == DEFINED_ELSEWHERE and value is False and len(kept) < len(unknown):
                # Described here from now on: what the placeholder left unknown (no source expression) is what the
                # design now says; what the source leaves unresolved stays unknown. One step with the edit.
                self.push(Compound([edit, SetUnknown(item_id, kept)], text))
            else:
                self.push(edit)
        elif self.arch.edge(item_id).props.get(name) != value:
            self.push(SetEdgeProperty(item_id, name, value, text))

    def set_design_meta(self, name: str | None = None, description: str | None = None) -> None:
        """Change the design's name or description (None: leave it), as one undo step."""
        name = None if name is None or name == self.arch.name else name
        description = None if description is None or description == self.arch.description else description
        if name is None and description is None:
            return
        text = f"Rename design to {name!r}" if description is None else "Change design description"
        self.push(SetDesignMeta(name=name, description=description, text=text))

    def delete(self, ids: Iterable[str]) -> None:
        """Delete nodes (with their contents) and flows as one undo step."""
        wanted = [i for i in dict.fromkeys(ids) if self.arch.has_node(i) or self.arch.has_edge(i)]
        nodes = [i for i in wanted if self.arch.has_node(i)]
        node_set = set(nodes)
        tops = [n for n in nodes if not node_set.intersection(self.arch.ancestors(n))]
        gone = set(tops) | {d for n in tops for d in self.arch.descendants(n)}
        edges = [e for e in wanted if self.arch.has_edge(e)]
        edges = [e for e in edges if not {self.arch.edge(e).source, self.arch.edge(e).target} & gone]
        edits: list[Edit] = [Disconnect(e) for e in edges] + [RemoveNode(n) for n in tops]
        if edits:
            self.push(Compound(edits, f"Delete {describe(self.arch, [*tops, *edges])}"))

    def suppress(self, rule: str, node: str | None, justification: str) -> None:
        """Accept finding ``rule@node`` with a justification."""
        where = f" on {self.arch.label_of(node)}" if node is not None and self.arch.has_node(node) else ""
        self.push(AddSuppression(Suppression(rule, node, justification), f"Suppress {rule}{where}"))

    def set_scope(self, scope: Scope) -> None:
        """Review the design as a workload (the account's baseline assumed) or as a whole account."""
        if scope != self.arch.scope:
            text = "Review as a whole account" if scope == "account" else "Review as a workload"
            self.push(SetScope(scope, text=text))

    def unsuppress(self, rule: str, node: str | None) -> None:
        """Withdraw the acceptance of finding ``rule@node``."""
        if any((s.rule, s.node) == (rule, node) for s in self.arch.suppressions()):
            where = f" on {self.arch.label_of(node)}" if node is not None and self.arch.has_node(node) else ""
            self.push(RemoveSuppression(rule, node, f"Unsuppress {rule}{where}"))

    def auto_layout(self) -> Layout:
        """Lay the design out with Graphviz (a grid when dot is missing or fails) as one undo step.

        Returns:
            The layout applied; its ``problem`` says why the grid was used instead of dot.
        """
        layout = auto_layout(self.arch)
        real = {i: g for i, g in layout.geometry.items() if self._geometry(i) != g}
        if real:
            self.push(MoveNodes(real, "Auto layout"))
        return layout

    # ---------------------------------------------------------- clipboard
    def copy_json(self, ids: Iterable[str]) -> str:
        """The nodes ``ids`` (with their contents and the flows among them) as clipboard JSON."""
        chosen = [i for i in ids if self.arch.has_node(i)]
        picked: dict[str, None] = {}
        for node_id in chosen:
            picked[node_id] = None
            picked.update(dict.fromkeys(self.arch.descendants(node_id)))
        nodes = []
        for node_id in picked:
            node = self.arch.node(node_id)
            nodes.append({"id": node.id, "kind": node.kind, "label": node.label,
                          "parent": node.parent if node.parent in picked else None,
                          "x": node.x, "y": node.y, "w": node.w, "h": node.h, "props": dict(node.props),
                          "unknown": dict(node.unknown)})
        edges = [{"source": e.source, "target": e.target, "label": e.label, "props": dict(e.props)}
                 for e in self.arch.edges() if e.source in picked and e.target in picked]
        return json.dumps({"format": "wadesk-clipboard", "nodes": nodes, "edges": edges})

    def paste_json(self, text: str, offset: float = 20.0, verb: str = "Paste",
                   at: tuple[float, float] | None = None) -> list[str]:
        """Add the clipboard's nodes and the flows among them, offset by ``offset`` px; returns the new top-level ids.

        Copies get readable ids of their own and distinct labels ("App server (2)").
        ``at`` puts the top-left corner of what is pasted there instead (Paste Here).
        """
        try:
            data = json.loads(text)
            if data.get("format") != "wadesk-clipboard":
                return []
            records = list(data["nodes"])
            edges = list(data["edges"])
        except (ValueError, KeyError, TypeError, AttributeError):
            return []
        try:
            dx = dy = offset
            if at is not None and records:
                dx = at[0] - min(float(r["x"]) for r in records)
                dy = at[1] - min(float(r["y"]) for r in records)
            fresh = readable_ids(self.arch, [id_prefix(str(r["kind"])) for r in records] + ["flow"] * len(edges))
            ids = {r["id"]: fresh[i] for i, r in enumerate(records)}
            labels = copy_labels((n.label for n in self.arch.nodes()), [str(r.get("label", "")) for r in records])
            edits: list[Edit] = []
            tops: list[str] = []
            for r, label in zip(records, labels, strict=True):
                parent = ids.get(r["parent"]) if r.get("parent") else None
                if parent is None:
                    tops.append(ids[r["id"]])
                edits.append(AddNode(Node(ids[r["id"]], r["kind"], label=label, parent=parent,
                                          x=float(r["x"]) + dx, y=float(r["y"]) + dy,
                                          w=r.get("w"), h=r.get("h"), props=copy.deepcopy(r.get("props", {})),
                                          unknown=dict(r.get("unknown", {})))))
            for e, edge_id in zip(edges, fresh[len(records):], strict=True):
                edits.append(Connect(Edge(edge_id, ids[e["source"]], ids[e["target"]], label=e.get("label", ""),
                                          props=e.get("props", {}))))
        except (KeyError, TypeError, ValueError, AttributeError):
            return []
        if not edits:
            return []
        try:
            self.push(Compound(edits, f"{verb} {tops_text(records, tops)}"))
        except (ModelError, KeyError):
            return []
        return tops

    def duplicate(self, ids: Iterable[str]) -> list[str]:
        """Copy and paste ``ids`` in one go; returns the new top-level ids."""
        return self.paste_json(self.copy_json(ids), verb="Duplicate")

    # ------------------------------------------------------------ geometry
    def _geometry(self, node_id: str) -> tuple[float, float, float | None, float | None]:
        node = self.arch.node(node_id)
        return (node.x, node.y, node.w, node.h)

    def container_at(self, x: float, y: float, exclude: Iterable[str] = ()) -> str | None:
        """The innermost container whose box holds point (x, y), skipping ``exclude`` and their contents."""
        banned: set[str] = set()
        for node_id in exclude:
            banned.add(node_id)
            if self.arch.has_node(node_id):
                banned.update(self.arch.descendants(node_id))
        best: str | None = None
        best_depth = -1
        for node in self.arch.nodes():
            if node.id in banned or not self.arch.is_container(node.id) or node.w is None or node.h is None:
                continue
            if node.x <= x <= node.x + node.w and node.y <= y <= node.y + node.h:
                depth = len(self.arch.ancestors(node.id))
                if depth > best_depth:
                    best, best_depth = node.id, depth
        return best

    # --------------------------------------------------------------- slots
    def _on_model_event(self, event: ModelEvent) -> None:
        self.model_changed.emit(event)

    def _on_undo_stack_index_changed(self, _index: int) -> None:
        changed = self.analyzer.update()
        if changed:
            self.analysis_changed.emit(changed)

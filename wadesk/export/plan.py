"""The diagram both exports draw: clusters for containers, icon nodes, labelled flows.

A :class:`DiagramPlan` is built once from a design and then either written out
as a ``diagrams`` script or drawn directly with the ``diagrams`` API, so the two
exports cannot drift apart. Every text in a plan is already made safe for
Graphviz (see :func:`dot_text`); it is *not* made safe for Python, which is the
script writer's job.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from wadesk.catalog import CATALOG, Catalog
from wadesk.export.errors import ExportError
from wadesk.model import Architecture

#: Graph attributes that make the drawing read well: the title on top, less padding than
#: diagrams' 2 inches, and splines, since Graphviz places the labels of "ortho" edges
#: far away from their edges.
GRAPH_ATTR: dict[str, str] = {
    "fontsize": "22",
    "labelloc": "t",
    "pad": "0.5",
    "nodesep": "0.8",
    "ranksep": "1.2",
    "splines": "spline",
}

#: Cluster attributes: a label large enough to read next to the 13 pt node labels.
CLUSTER_ATTR: dict[str, str] = {"fontsize": "15", "margin": "18"}
#: Graphviz attributes of the invisible node an empty cluster holds, so the cluster is drawn (Graphviz leaves out a
#: cluster with no nodes, such as a subnet nothing is placed in yet).
EMPTY_CLUSTER_FILLER: dict[str, str] = {"shape": "point", "style": "invis", "width": "0.6", "height": "0.6"}

_ICON_WIDTH_POINTS = 1.4 * 72  # diagrams' fixed node width
_POINTS_PER_CHAR = 8.0  # a 13 pt sans-serif character (capitals are the widest), roughly
_MAX_OVERHANG_POINTS = 96.0  # beyond this a label is too long to make room for


def label_overhang(labels: list[str]) -> float:
    """How far (points) the widest of ``labels`` reaches past each side of its icon.

    diagrams draws icons in fixed-size boxes and Graphviz sizes clusters and the
    page by those boxes, so a long label would spill over a cluster's border or
    be cut at the page's edge unless the margin grows by this much.
    """
    longest = max((len(line) for label in labels for line in label.splitlines()), default=0)
    overhang = max(0.0, longest * _POINTS_PER_CHAR - _ICON_WIDTH_POINTS) / 2
    return min(overhang, _MAX_OVERHANG_POINTS)


#: The longest quoted text Graphviz's reader accepts is 16,384 bytes; keep clear of it
#: (the label's quotes and the annotation line count too).
MAX_DOT_TEXT_BYTES = 16_000

#: The title when a design has no name.
DEFAULT_TITLE = "AWS architecture"

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_HTML_LIKE = re.compile(r"<.*>$", re.DOTALL)


def dot_text(text: str) -> str:
    """``text`` as Graphviz will print it, whatever characters it holds.

    Graphviz reads backslash escapes (``\\n``, ``\\N``, ``\\G``...) in labels and
    takes a label written ``<...>`` for HTML; the graphviz package quotes double
    quotes itself. Doubling backslashes and breaking the HTML pattern keeps a
    label what the user typed; control characters and lone surrogates (which
    Graphviz cannot read) become spaces and ``?``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text.replace("\t", " "))
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = text.replace("\\", "\\\\")
    if _HTML_LIKE.match(text):
        text = " " + text
    return text


@dataclass(frozen=True)
class PlanNode:
    """One icon: ``diagrams_class`` is the dotted path of its diagrams class."""

    id: str
    diagrams_class: str
    label: str


@dataclass(frozen=True)
class PlanCluster:
    """One container drawn as a Cluster.

    ``key`` names the Graphviz subgraph (diagrams derives it from the label, so
    two containers with the same label would merge); it equals ``label`` unless
    that label is taken. ``anchor`` is an icon standing for the container when a
    flow starts or ends at it, since a cluster cannot be an edge's end.
    """

    id: str
    key: str
    label: str
    anchor: PlanNode | None
    children: tuple[PlanNode | PlanCluster, ...]

    @property
    def empty(self) -> bool:
        """Whether nothing is drawn inside (Graphviz would leave the cluster out)."""
        return self.anchor is None and not self.children

    def graph_attr(self) -> dict[str, str]:
        """:data:`CLUSTER_ATTR` with this cluster's label, and a margin wide enough for its icons' labels."""
        icons = [child.label for child in self.children if isinstance(child, PlanNode)]
        if self.anchor is not None:
            icons.append(self.anchor.label)
        margin = round(float(CLUSTER_ATTR["margin"]) + label_overhang(icons))
        return {**CLUSTER_ATTR, "label": self.label, "margin": str(margin)}


@dataclass(frozen=True)
class PlanEdge:
    """One flow from node ``source`` to node ``target`` (ids of PlanNodes)."""

    source: str
    target: str
    label: str


@dataclass(frozen=True)
class DiagramPlan:
    """A whole diagram: title, containment tree (top level first) and flows."""

    title: str
    items: tuple[PlanNode | PlanCluster, ...]
    edges: tuple[PlanEdge, ...]

    def nodes(self) -> list[PlanNode]:
        """Every icon, anchors included, in drawing order."""
        out: list[PlanNode] = []

        def walk(items: tuple[PlanNode | PlanCluster, ...]) -> None:
            for item in items:
                if isinstance(item, PlanNode):
                    out.append(item)
                    continue
                if item.anchor is not None:
                    out.append(item.anchor)
                walk(item.children)

        walk(self.items)
        return out

    def graph_attr(self) -> dict[str, str]:
        """:data:`GRAPH_ATTR`, with a pad wide enough for the labels of top-level icons."""
        icons = [item.label for item in self.items if isinstance(item, PlanNode)]
        pad = max(float(GRAPH_ATTR["pad"]), round(label_overhang(icons) / 72 + 0.1, 1))
        return {**GRAPH_ATTR, "pad": str(pad)}

    def has_clusters(self) -> bool:
        """Whether any container is drawn."""
        return any(isinstance(item, PlanCluster) for item in self.items)

    def has_empty_clusters(self) -> bool:
        """Whether any container, at any depth, has nothing drawn inside."""

        def empty_in(items: tuple[PlanNode | PlanCluster, ...]) -> bool:
            return any(isinstance(item, PlanCluster) and (item.empty or empty_in(item.children)) for item in items)

        return empty_in(self.items)


def build_plan(
    arch: Architecture,
    annotations: Mapping[str, str] | None = None,
    catalog: Catalog = CATALOG,
) -> DiagramPlan:
    """The diagram of ``arch``.

    Args:
        arch: the design.
        annotations: extra text per node id, added on a new line under its label.
        catalog: where kinds are looked up.
    """
    notes = annotations or {}
    flow_ends = {end for edge in arch.edges() for end in (edge.source, edge.target)}
    used_keys: set[str] = set()
    # Labels that several containers share: only those get a key of their own.
    container_labels = [
        dot_text(arch.label_of(node_id)) for node_id in arch.node_ids() if catalog.get(arch.kind_of(node_id)).container
    ]
    shared = {label for label in container_labels if container_labels.count(label) > 1}

    def label_for(node_id: str, base: str) -> str:
        text = dot_text(base)
        note = notes.get(node_id)
        return f"{text}\n{dot_text(note)}" if note else text

    def cluster_key(node_id: str, label: str) -> str:
        key = label if label not in shared and label not in used_keys else f"{label} [{dot_text(node_id)}]"
        number = 2
        candidate = key
        while candidate in used_keys:
            candidate = f"{key} {number}"
            number += 1
        used_keys.add(candidate)
        return candidate

    def item(node_id: str) -> PlanNode | PlanCluster:
        kind = catalog.get(arch.kind_of(node_id))
        if not kind.container:
            return PlanNode(node_id, kind.diagrams_class, label_for(node_id, arch.label_of(node_id)))
        label = dot_text(arch.label_of(node_id))
        anchor = PlanNode(node_id, kind.diagrams_class, dot_text(kind.name)) if node_id in flow_ends else None
        children = tuple(item(child) for child in arch.children(node_id))
        return PlanCluster(
            node_id, cluster_key(node_id, label), label_for(node_id, arch.label_of(node_id)), anchor, children
        )

    _check_lengths(arch)
    items = tuple(item(node_id) for node_id in arch.children(None))
    edges = tuple(PlanEdge(edge.source, edge.target, dot_text(edge.label)) for edge in arch.edges())
    return DiagramPlan(dot_text(arch.name or DEFAULT_TITLE), items, edges)


def _check_lengths(arch: Architecture) -> None:
    """Refuse, naming the node, a text longer than Graphviz reads (it fails with a bare "syntax error")."""
    too_long = []
    if _dot_bytes(arch.name) > MAX_DOT_TEXT_BYTES:
        too_long.append(f"the design's name is {len(arch.name):,} characters long")
    for node in arch.nodes():
        if _dot_bytes(node.label) > MAX_DOT_TEXT_BYTES:
            too_long.append(f"node {node.id!r} has a label {len(node.label):,} characters long")
    for edge in arch.edges():
        if _dot_bytes(edge.label) > MAX_DOT_TEXT_BYTES:
            too_long.append(f"flow {edge.id!r} has a label {len(edge.label):,} characters long")
    if too_long:
        shown = "; ".join(too_long[:3]) + (f"; and {len(too_long) - 3} more" if len(too_long) > 3 else "")
        raise ExportError(
            f"{shown}: Graphviz draws texts of up to {MAX_DOT_TEXT_BYTES:,} bytes; shorten the label to draw the design"
        )


def _dot_bytes(text: str) -> int:
    # Cheap bound first: a short text can never be too long, even at four bytes a character, escapes doubled.
    if len(text) * 8 <= MAX_DOT_TEXT_BYTES:
        return 0
    return len(dot_text(text).encode("utf-8", "replace"))

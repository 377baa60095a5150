"""Automatic layout of a design: Graphviz ``dot`` with nested clusters, or a plain grid when dot is unavailable.

Pure (no Qt): the editor's Auto layout action and tests call it on an
:class:`~wadesk.model.Architecture` and get new geometry for every node.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from wadesk.layout_adjust import order_zones
from wadesk.layout_hints import Beside, beside_containers, grid_hints, zone_rows
from wadesk.model import Architecture

#: Cell of one component in the grid layout: the 64 px icon plus its label below.
CELL_W, CELL_H = 150.0, 120.0
PAD, TITLE = 30.0, 36.0
ICON = 64.0

#: The box dot reserves for one component: the icon with its (up to two-line) label below.
NODE_W, NODE_H = 110.0, 100.0
#: Where the icon sits inside that box (centred horizontally, a little below the top).
ICON_DX, ICON_DY = (NODE_W - ICON) / 2, 4.0
#: Height of a container's title bar on the canvas; clusters keep their contents below it.
TITLE_BAR = 28.0
#: Space between a cluster's border and its contents (points = scene pixels).
CLUSTER_MARGIN = 16.0
#: The size an empty container keeps (an invisible stand-in node of this size fills it).
EMPTY_W, EMPTY_H = 160.0, 60.0
#: Seconds dot may take before the layout falls back to the grid.
DOT_TIMEOUT = 20.0
#: dot works in points; at 72 dpi one point is one scene pixel.
POINTS_PER_INCH = 72.0
#: Longest container title sent to dot; the canvas elides a longer one to the box. dot widens a cluster to its
#: title by spreading the ranks it spans, and ranks are columns across the whole drawing, so one long title
#: (a Terraform address such as ``module.vpcs["spoke-vpc-a"].aws_subnet.private["eu-central-1a"]``) pushed
#: every node in those columns apart: at 80 characters the corpus drawings took 5 % more room.
MAX_TITLE = 40
#: Spaces after a title sent to dot: room for the container's icon and badge beside the title (~45 px at 14 pt).
TITLE_PADDING = " " * 10
#: Past this many nodes, nodes that talk only into a box are left where dot ranks them (see
#: :func:`wadesk.layout_hints.beside_containers`): the invisible edges that put them in a column of their own
#: grow with the box, and dot's time with them (generated three-tier designs: 0.29 s -> 0.44 s at 437 nodes,
#: 0.5 s -> 2.5 s at 1,097). Imported designs are far smaller (the corpus: 41 nodes at most).
MAX_COLUMNS_NODES = 500
#: Who stands outside the cloud: drawn in a column beside the drawing, level with what they talk to.
ACTOR_KINDS = frozenset({"internet", "corporate_network", "external_service"})
#: Space between the actors' column and the drawing, and between two actors in it.
ACTOR_GAP = 40.0

Geometry = tuple[float, float, float | None, float | None]


class LayoutError(Exception):
    """dot could not lay the design out (missing, failed, timed out, or answered nonsense)."""


@dataclass
class Layout:
    """New geometry for every node, and how it was made.

    Attributes:
        geometry: node id -> (x, y, w, h); w and h are None for components.
        engine: ``"dot"`` or ``"grid"``.
        problem: why dot was not used (None when it was), in words for the status bar.
    """

    geometry: dict[str, Geometry] = field(default_factory=dict)
    engine: str = "dot"
    problem: str | None = None


# ----------------------------------------------------------------- grid layout
def flow_order(arch: Architecture, ids: list[str]) -> list[str]:
    """``ids`` ordered so that flows run left to right where possible (insertion order breaks ties)."""
    members = set(ids)
    owner: dict[str, str] = {}
    for top in ids:
        owner[top] = top
        for inner in arch.descendants(top) if arch.is_container(top) else []:
            owner[inner] = top
    graph = nx.DiGraph()
    graph.add_nodes_from(ids)
    for source, target in arch.graph.edges():
        a, b = owner.get(source), owner.get(target)
        if a in members and b in members and a != b:
            graph.add_edge(a, b)
    rank = {node_id: index for index, node_id in enumerate(ids)}
    try:
        return list(nx.lexicographical_topological_sort(graph, key=rank.__getitem__))
    except nx.NetworkXUnfeasible:  # a cycle: keep the drawing order
        return list(ids)


def grid_layout(arch: Architecture) -> dict[str, Geometry]:
    """New geometry for every node: a wrapped grid inside each container, containers sized to fit."""
    sizes: dict[str, tuple[float, float]] = {}
    offsets: dict[str, tuple[float, float]] = {}  # position relative to the parent's top-left

    def arrange(parent: str | None) -> tuple[float, float]:
        children = flow_order(arch, arch.children(parent))
        for child in children:
            if arch.is_container(child):
                sizes[child] = arrange(child)
            else:
                sizes[child] = (CELL_W, CELL_H)
        per_row = max(1, math.ceil(math.sqrt(len(children)))) if children else 1
        if parent is None:
            per_row = max(per_row, 3)
        x = y = 0.0
        row_h = width = 0.0
        top = TITLE if parent is not None else 0.0
        left = PAD if parent is not None else 0.0
        for index, child in enumerate(children):
            if index and index % per_row == 0:
                x, y = 0.0, y + row_h + PAD
                row_h = 0.0
            w, h = sizes[child]
            offsets[child] = (left + x, top + y)
            x += w + PAD
            row_h = max(row_h, h)
            width = max(width, x - PAD)
        height = y + row_h
        if parent is None:
            return width, height
        return max(width + 2 * PAD, 220.0), max(height + TITLE + PAD, 140.0)

    arrange(None)
    out: dict[str, Geometry] = {}

    def place(parent: str | None, px: float, py: float) -> None:
        for child in arch.children(parent):
            dx, dy = offsets[child]
            x, y = px + dx, py + dy
            if arch.is_container(child):
                w, h = sizes[child]
                out[child] = (x, y, w, h)
            else:
                # centre the icon in its cell
                out[child] = (x + (CELL_W - ICON) / 2, y + 8.0, None, None)
            place(child, x, y)

    place(None, 0.0, 0.0)
    return out


# ------------------------------------------------------------------ dot layout
def dot_quote(text: str) -> str:
    """``text`` as a double-quoted dot string that shows as itself when used as a label.

    Backslashes and quotes are escaped; line breaks and other control
    characters become spaces (a title is one line on the canvas).
    """
    clean = "".join(" " if ord(ch) < 32 or ord(ch) == 127 else ch for ch in text)
    return '"' + clean.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass
class DotGraph:
    """The dot source of a design and how its dot names map back to node ids.

    Node names in the source are ``n<index>`` and cluster names
    ``cluster_<index>``: no id ever reaches dot, so no id can break the
    graph or fail to come back (dot keeps ``\\\\`` in a name as two
    characters, so an id ending in a backslash could not round-trip).
    """

    source: str
    components: dict[str, str]  # dot node name -> component id
    clusters: dict[str, str]  # dot cluster name -> container id


def _inches(pixels: float) -> str:
    return f"{pixels / POINTS_PER_INCH:.4f}"


def dot_source(arch: Architecture) -> DotGraph:
    """The dot graph of ``arch``: a cluster per container, a fixed-size box per component, an edge per flow.

    Besides the flows, invisible edges steer the ranks (see :mod:`wadesk.layout_hints`): rows for what no
    flow reaches, and for a node that talks only into a sibling container, an invisible point between the
    container's last (or first) nodes and the node, so the node stands in a column after (before) the box.
    """
    components: dict[str, str] = {}
    clusters: dict[str, str] = {}
    names: dict[str, str] = {}  # node id -> dot name
    first_leaf: dict[str, str] = {}  # container id -> a dot node inside it (edges to a container end there)
    lines = [
        "digraph wadesk {",
        "  graph [rankdir=LR, compound=true, newrank=true, nodesep=0.35, ranksep=0.6, margin=0,"
        " fontsize=14, labelloc=t, labeljust=l];",
        f'  node [shape=box, fixedsize=true, width={_inches(NODE_W)}, height={_inches(NODE_H)}, label=""];',
        "  edge [arrowhead=normal];",
    ]
    aside = set(actors_aside(arch))
    beside = beside_containers(arch, aside) if len(arch) <= MAX_COLUMNS_NODES else []
    # Invisible points that order boxes: every point ranks after the last nodes of its first container and
    # before the first nodes of its second (either may be absent): a column after or before a box, and the
    # subnets of a zone one after the other.
    gates: dict[tuple[str | None, str | None], str] = {}
    for item in beside:
        gates.setdefault((item.container, None) if item.right else (None, item.container), f"p{len(gates)}")
    for pair in zone_rows(arch):
        gates.setdefault(pair, f"p{len(gates)}")
    points_in: dict[str | None, list[str]] = {}
    for (before, after), point in gates.items():
        points_in.setdefault(arch.parent_of(before or after or ""), []).append(point)

    def emit(parent: str | None, indent: str) -> str | None:
        leaf: str | None = None
        for child in arch.children(parent):
            if child in aside:
                continue
            if arch.is_container(child):
                name = f"cluster_{len(clusters)}"
                clusters[name] = child
                names[child] = name
                title = (arch.node(child).label or arch.kind_of(child))[:MAX_TITLE]
                lines.append(f"{indent}subgraph {dot_quote(name)} {{")
                lines.append(f"{indent}  graph [label={dot_quote(title + TITLE_PADDING)}, margin={CLUSTER_MARGIN:g}];")
                inner = emit(child, indent + "  ")
                if inner is None:  # dot drops empty clusters: keep its room with an invisible stand-in
                    inner = f"{name}_empty"
                    lines.append(f"{indent}  {dot_quote(inner)} [style=invis, width={_inches(EMPTY_W)},"
                                 f" height={_inches(EMPTY_H)}];")
                lines.append(f"{indent}}}")
                first_leaf[child] = inner
            else:
                name = f"n{len(components)}"
                components[name] = child
                names[child] = name
                lines.append(f"{indent}{dot_quote(name)};")
                inner = name
            leaf = leaf or inner
        for point in points_in.get(parent, []):
            lines.append(f"{indent}{dot_quote(point)} [style=invis, width=0.01, height=0.01];")
        return leaf

    emit(None, "  ")
    hints = grid_hints(arch, names, first_leaf)
    lines.extend(f"  {dot_quote(a)} -> {dot_quote(b)} [style=invis, weight=0];" for a, b in hints)
    flows: list[tuple[str, str, str, str]] = []  # (source id, target id, tail, head) of every flow dot sees
    for source, target in arch.graph.edges():
        tail, head = first_leaf.get(source, names.get(source)), first_leaf.get(target, names.get(target))
        if tail is None or head is None or tail == head:
            continue
        if source in arch.ancestors(target) or target in arch.ancestors(source):
            continue  # a flow from a container into itself says nothing about the layout
        flows.append((source, target, tail, head))
    inside = _dot_nodes_inside(arch, {c for pair in gates for c in pair if c is not None}, names, first_leaf)
    _gate_edges(gates, inside, [*hints, *((tail, head) for _, _, tail, head in flows)], lines)
    backwards = _column_edges(beside, gates, inside, names, flows, lines)
    for source, target, tail, head in flows:
        attrs = []
        if source in first_leaf:
            attrs.append(f"ltail={dot_quote(names[source])}")
        if target in first_leaf:
            attrs.append(f"lhead={dot_quote(names[target])}")
        if (source, target) in backwards:
            attrs.append("constraint=false")
        suffix = f" [{', '.join(attrs)}]" if attrs else ""
        lines.append(f"  {dot_quote(tail)} -> {dot_quote(head)}{suffix};")
    lines.append("}")
    return DotGraph("\n".join(lines) + "\n", components, clusters)


def _dot_nodes_inside(arch: Architecture, containers: set[str], names: dict[str, str],
                      first_leaf: dict[str, str]) -> dict[str, set[str]]:
    """The dot nodes (components, empty containers' stand-ins) inside each of ``containers``."""
    inside: dict[str, set[str]] = {container: set() for container in containers}
    dot_nodes = [(name, node_id) for node_id, name in names.items() if not arch.is_container(node_id)]
    dot_nodes += [(leaf, node_id) for node_id, leaf in first_leaf.items() if leaf.endswith("_empty")]
    for name, node_id in dot_nodes:
        for around in [node_id, *arch.ancestors(node_id)]:
            if around in inside:
                inside[around].add(name)
    return inside


def _gate_edges(gates: dict[tuple[str | None, str | None], str], inside: dict[str, set[str]],
                edges: list[tuple[str, str]], lines: list[str]) -> None:
    """Write the invisible edges that rank each gate's point after its first container and before its second.

    The point follows every node of the first container that no edge inside it leads on from, and precedes
    every node of the second that no edge inside it leads to: so all of the first ranks before all of the second.
    """
    holders: dict[str, set[str]] = {}  # dot node -> the gated containers that hold it
    for container, members in inside.items():
        for name in members:
            holders.setdefault(name, set()).add(container)
    leads_on: dict[str, set[str]] = {container: set() for container in inside}  # nodes with a successor inside
    led_to: dict[str, set[str]] = {container: set() for container in inside}  # nodes with a predecessor inside
    for tail, head in edges:
        for container in holders.get(tail, set()) & holders.get(head, set()):
            leads_on[container].add(tail)
            led_to[container].add(head)
    for (before, after), point in gates.items():
        if before is not None:
            lines.extend(f"  {dot_quote(name)} -> {dot_quote(point)} [style=invis, weight=0];"
                         for name in sorted(inside[before] - leads_on[before]))
        if after is not None:
            lines.extend(f"  {dot_quote(point)} -> {dot_quote(name)} [style=invis, weight=0];"
                         for name in sorted(inside[after] - led_to[after]))


def _column_edges(beside: list[Beside], gates: dict[tuple[str | None, str | None], str],
                  inside: dict[str, set[str]], names: dict[str, str], flows: list[tuple[str, str, str, str]],
                  lines: list[str]) -> set[tuple[str, str]]:
    """Write the invisible edges that put each node of ``beside`` in a column after (before) its container.

    The node follows (precedes) the point of its container's gate. Returns the flows that run against that
    order (an alarm's notice back into the group it watches): dot draws them but does not rank by them.
    """
    by_end: dict[str, list[tuple[str, str, str, str]]] = {}
    for flow in flows:
        by_end.setdefault(flow[2], []).append(flow)
        by_end.setdefault(flow[3], []).append(flow)
    backwards: set[tuple[str, str]] = set()
    for item in beside:
        node = names[item.node]
        if item.right:
            lines.append(f"  {dot_quote(gates[(item.container, None)])} -> {dot_quote(node)} [style=invis];")
        else:
            lines.append(f"  {dot_quote(node)} -> {dot_quote(gates[(None, item.container)])} [style=invis];")
        members = inside[item.container]
        for source, target, tail, head in by_end.get(node, []):
            if (tail == node and head in members) if item.right else (head == node and tail in members):
                backwards.add((source, target))
    return backwards


def dot_executable() -> str | None:
    """The path of Graphviz's ``dot``, or None when it is not installed."""
    return shutil.which("dot")


def run_dot(source: str, executable: str, timeout: float = DOT_TIMEOUT, options: Sequence[str] = ("-Tjson",),
            tool: str = "dot") -> dict[str, Any]:
    """Lay ``source`` out with ``dot -Tjson`` (input on stdin, no shell) and return the parsed answer.

    ``options`` and ``tool`` run another Graphviz layout the same way (``neato -n2 -Tjson`` for flow routes);
    ``tool`` names it in error messages.
    """
    try:
        done = subprocess.run([executable, *options], input=source.encode("utf-8"), capture_output=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise LayoutError(f"Graphviz {tool} took longer than {timeout:g} s") from None
    except OSError as exc:
        raise LayoutError(f"cannot run Graphviz {tool}: {exc}") from None
    return parse_answer(done.returncode, done.stdout, done.stderr, tool)


def parse_answer(status: int, stdout: bytes, stderr: bytes, tool: str = "dot") -> dict[str, Any]:
    """The JSON graph a Graphviz run printed, or a :class:`LayoutError` saying why there is none."""
    if status != 0:
        reason = stderr.decode("utf-8", "replace").strip().splitlines()
        raise LayoutError(f"Graphviz {tool} failed: {reason[-1] if reason else f'exit status {status}'}")
    try:
        answer = json.loads(stdout.decode("utf-8", "replace"))
    except ValueError as exc:
        raise LayoutError(f"Graphviz {tool} answered something that is not JSON: {exc}") from None
    if not isinstance(answer, dict):
        raise LayoutError(f"Graphviz {tool} answered something that is not a graph")
    return answer


def _numbers(text: Any, count: int) -> list[float]:
    parts = [float(p) for p in str(text).split(",")]
    if len(parts) != count or not all(math.isfinite(p) for p in parts):
        raise ValueError(f"expected {count} numbers, got {text!r}")
    return parts


def geometry_from_dot(answer: dict[str, Any], graph: DotGraph) -> dict[str, Geometry]:
    """Node geometry in scene pixels from dot's JSON: points at 72 dpi, y flipped, top-left at (0, 0)."""
    try:
        left, bottom, _right, top = _numbers(answer["bb"], 4)
        out: dict[str, Geometry] = {}
        for obj in answer.get("objects", []):
            name = obj.get("name")
            if name in graph.clusters:
                llx, lly, urx, ury = _numbers(obj["bb"], 4)
                out[graph.clusters[name]] = (llx - left, top - ury, urx - llx, ury - lly)
            elif name in graph.components:
                cx, cy = _numbers(obj["pos"], 2)
                out[graph.components[name]] = (cx - left - NODE_W / 2 + ICON_DX, top - cy - NODE_H / 2 + ICON_DY,
                                               None, None)
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise LayoutError(f"Graphviz dot answered an unexpected layout: {exc}") from None
    missing = len(graph.components) + len(graph.clusters) - len(out)
    if missing:
        raise LayoutError(f"Graphviz dot left {missing} nodes out of its layout")
    return {node_id: (round(x), round(y), None if w is None else round(w), None if h is None else round(h))
            for node_id, (x, y, w, h) in out.items()}


def dot_layout(arch: Architecture, executable: str = "dot", timeout: float = DOT_TIMEOUT) -> dict[str, Geometry]:
    """New geometry for every node from Graphviz ``dot``: flows left to right, containers as nested clusters.

    Raises:
        LayoutError: dot is missing, failed, timed out or answered something unusable.
    """
    if not len(arch):
        return {}
    graph = dot_source(arch)
    geometry = geometry_from_dot(run_dot(graph.source, executable, timeout), graph)
    order_zones(arch, geometry, component_box)
    return place_actors(arch, geometry)


def place_actors(arch: Architecture, geometry: dict[str, Geometry]) -> dict[str, Geometry]:
    """``geometry`` with the actors outside every container moved beside the drawing, level with their flows.

    dot ranks an actor with the first nodes of the containers it stands beside, and clusters may not
    overlap it, so it tends to land below the region and its flows cut diagonally across every box on
    the way. The actor that starts more flows than it ends (internet users, an office) goes in a column
    left of everything, the others (an external service called from inside) in a column on the right;
    each sits level with the middle of what it talks to, and the drawing is moved back to (0, 0).
    """
    sides: dict[str, list[tuple[float, str]]] = {"left": [], "right": []}
    for node_id in actors_aside(arch):
        outgoing = [t for _, t in arch.graph.out_edges(node_id) if arch.kind_of(t) not in ACTOR_KINDS]
        incoming = [s for s, _ in arch.graph.in_edges(node_id) if arch.kind_of(s) not in ACTOR_KINDS]
        middles = sorted(_middle_y(geometry[e]) for e in outgoing + incoming if e in geometry)
        if middles:
            sides["left" if len(outgoing) >= len(incoming) else "right"].append((middles[len(middles) // 2], node_id))
    moving = {node_id for column in sides.values() for _, node_id in column}
    if not moving:
        return geometry
    rest = [component_box(g) for node_id, g in geometry.items() if node_id not in moving]
    if not rest:
        return geometry
    out = dict(geometry)
    columns = {"left": min(b[0] for b in rest) - ACTOR_GAP - NODE_W,
               "right": max(b[0] + b[2] for b in rest) + ACTOR_GAP}
    for side, column in sides.items():
        below = -math.inf
        for middle, node_id in sorted(column):
            top = max(middle - NODE_H / 2, below)
            out[node_id] = (columns[side] + ICON_DX, top + ICON_DY, None, None)
            below = top + NODE_H + ACTOR_GAP / 2
    placed = [component_box(g) for g in out.values()]
    dx, dy = min(b[0] for b in placed), min(b[1] for b in placed)
    return {node_id: (round(x - dx), round(y - dy), w, h) for node_id, (x, y, w, h) in out.items()}


def actors_aside(arch: Architecture) -> list[str]:
    """The actors :func:`place_actors` draws beside the drawing: outside every container, with a flow into it.

    dot never sees them: ranked by dot, an actor pushes its flows' ends one rank to the right of everything
    that no flow reaches, so its flows would cross those on the way in.
    """
    return [
        node_id
        for node_id in arch.children(None)
        if arch.kind_of(node_id) in ACTOR_KINDS
        and not arch.is_container(node_id)
        and any(arch.kind_of(n) not in ACTOR_KINDS for n in nx.all_neighbors(arch.graph, node_id))
    ]


def _middle_y(geometry: Geometry) -> float:
    x, y, w, h = component_box(geometry)
    return y + h / 2


def auto_layout(arch: Architecture) -> Layout:
    """The dot layout of ``arch``, or the grid layout (with the reason) when dot is missing or fails."""
    executable = dot_executable()
    if executable is None:
        return Layout(grid_layout(arch), "grid", "Graphviz dot is not installed")
    try:
        return Layout(dot_layout(arch, executable), "dot")
    except LayoutError as exc:
        return Layout(grid_layout(arch), "grid", str(exc))


def component_box(geometry: Geometry) -> tuple[float, float, float, float]:
    """The box (x, y, w, h) a layout reserves for a node: the container itself, or a component with its label."""
    x, y, w, h = geometry
    if w is not None and h is not None:
        return (x, y, w, h)
    return (x - ICON_DX, y - ICON_DY, NODE_W, NODE_H)

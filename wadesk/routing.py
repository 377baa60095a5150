"""Flow routes around components: Graphviz ``neato -n2`` routes splines between nodes pinned where they are drawn.

Pure (no Qt). The canvas measures what a flow must keep off (component
icons and their labels, container titles) and hands it over as a
:class:`RoutingProblem`; the answer is one :class:`Route` per flow, a cubic
Bézier path in scene coordinates and the box its label sits in. The editor
runs neato in the background (:func:`plan_routes`, then
:func:`routes_from_answer` on neato's JSON); reports and image exports call
:func:`route_flows`, which does both at once, so they draw the same routes.
"""

from __future__ import annotations

import itertools
import math
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from wadesk.layout import LayoutError, dot_quote, run_dot

Rect = tuple[float, float, float, float]  # x, y, width, height in scene pixels
Point = tuple[float, float]

#: Space a route keeps from the icons it passes (and where it stops short of its own ends), in scene pixels.
CLEARANCE = 4.0
#: Above this many components, containers and flows, flows stay straight: neato's routing grows much faster than
#: linearly (generated three-tier designs on a busy 2-core machine: 109 took 0.4 s, 229 took 3 s, 469 took 23 s).
MAX_SHAPES = 250
#: Seconds neato may take before the flows stay straight.
NEATO_TIMEOUT = 20.0
#: How neato is run: positions in points taken as given, JSON out.
NEATO_OPTIONS = ("-n2", "-Tjson")
#: The points per inch Graphviz converts node sizes with; positions are in points, one point one scene pixel.
_PER_INCH = 72.0
#: Gap between a flow's label and the line it names when it sits beside the line.
_LABEL_GAP = 3.0
#: The box around a route's end that labels keep off (the arrowhead is 9 px long).
_ARROWHEAD = 16.0
#: Grid cell of the index the label pass looks shapes up in.
_CELL = 120.0


@dataclass(frozen=True)
class FlowToRoute:
    """One flow to route: its ends (node ids) and the size of its label box (None: no label)."""

    source: str
    target: str
    label: tuple[float, float] | None = None


@dataclass
class RoutingProblem:
    """Everything the routes depend on, in scene coordinates.

    Attributes:
        ends: node id -> the box a flow ends on (a component's icon, a container's whole box).
        containers: the ends that are containers: flows may cross them and end on their border.
        captions: component id -> the box of its label under the icon.
        obstacles: other boxes routes and labels keep off: containers' titles.
        flows: flow id -> what to route.
    """

    ends: dict[str, Rect] = field(default_factory=dict)
    containers: frozenset[str] = frozenset()
    captions: dict[str, Rect] = field(default_factory=dict)
    obstacles: list[Rect] = field(default_factory=list)
    flows: dict[str, FlowToRoute] = field(default_factory=dict)

    def size(self) -> int:
        """How many components, containers and flows there are to route (what :data:`MAX_SHAPES` limits)."""
        return len(self.ends) + len(self.flows)


@dataclass(frozen=True)
class Route:
    """A flow's path: ``path[0]``, then (control, control, end) triples of cubic Béziers; ``label`` its label box."""

    path: tuple[Point, ...]
    label: Rect | None = None

    @property
    def routed(self) -> bool:
        """Whether the path bends (a straight route is one segment whose controls lie on it)."""
        return len(self.path) > 4


@dataclass
class RoutePlan:
    """The neato source for a problem and how its names map back."""

    source: str
    flows: dict[str, str]  # flow id -> edge name (the edge's ``id`` in the source)
    origin: Point  # scene position of the first node, to undo Graphviz's translation
    origin_name: str


@dataclass
class Routing:
    """Every flow's route, and why flows are straight when they are (None: routed)."""

    routes: dict[str, Route]
    problem: str | None = None


# --------------------------------------------------------------- geometry
def border_point(rect: Rect, towards: Point, margin: float = 3.0) -> Point:
    """Where the line from ``rect``'s centre towards ``towards`` leaves ``rect`` grown by ``margin``."""
    cx, cy = rect[0] + rect[2] / 2, rect[1] + rect[3] / 2
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return (cx, cy)
    half_w, half_h = rect[2] / 2 + margin, rect[3] / 2 + margin
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    return (cx + dx * scale, cy + dy * scale)


def straight_route(source: Rect, target: Rect, label: tuple[float, float] | None = None) -> Route:
    """The straight arrow between two boxes, its label centred on it (while dragging, or when routing is off)."""
    start = border_point(source, _centre(target))
    end = border_point(target, _centre(source))
    mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    return Route((start, start, end, end), _centred(mid, label) if label else None)


def grown(rect: Rect, by: float) -> Rect:
    """``rect`` with ``by`` added on every side."""
    return (rect[0] - by, rect[1] - by, rect[2] + 2 * by, rect[3] + 2 * by)


def intersects(a: Rect, b: Rect) -> bool:
    """Whether two boxes share interior points."""
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def polyline(route: Route, steps: int = 12) -> list[Point]:
    """Points along ``route``'s curves (``steps`` per Bézier segment)."""
    path = route.path
    points = [path[0]]
    for index in range(1, len(path) - 2, 3):
        p0, p1, p2, p3 = path[index - 1], path[index], path[index + 1], path[index + 2]
        for step in range(1, steps + 1):
            t = step / steps
            a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t ** 3
            points.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                           a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return points


def segment_crosses(p: Point, q: Point, rect: Rect) -> bool:
    """Whether the segment ``p``-``q`` passes through the inside of ``rect`` (Liang-Barsky clipping)."""
    x0, y0 = p
    dx, dy = q[0] - x0, q[1] - y0
    low, high = 0.0, 1.0
    for edge_p, edge_q in ((-dx, x0 - rect[0]), (dx, rect[0] + rect[2] - x0),
                           (-dy, y0 - rect[1]), (dy, rect[1] + rect[3] - y0)):
        if edge_p == 0:
            if edge_q <= 0:
                return False
            continue
        t = edge_q / edge_p
        if edge_p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low >= high:
            return False
    return True


def _centre(rect: Rect) -> Point:
    return (rect[0] + rect[2] / 2, rect[1] + rect[3] / 2)


def _centred(point: Point, size: tuple[float, float]) -> Rect:
    return (point[0] - size[0] / 2, point[1] - size[1] / 2, size[0], size[1])


# ---------------------------------------------------------------- neato
def _box_node(name: str, rect: Rect, style: str) -> str:
    cx, cy = _centre(rect)
    return (f'  {dot_quote(name)} [pos="{cx:.2f},{-cy:.2f}!", width={rect[2] / _PER_INCH:.4f},'
            f" height={rect[3] / _PER_INCH:.4f}{style}];")


def footprint(problem: RoutingProblem, node_id: str) -> Rect:
    """What a route keeps off around component ``node_id``: its icon and its caption, with :data:`CLEARANCE`.

    One box, not two (a route could slip through the gap between an icon and
    its caption), centred on the icon, so the route neato starts at the
    box's centre leaves along the line a straight flow from the icon would take.
    """
    icon = grown(problem.ends[node_id], CLEARANCE)
    cx, cy = _centre(icon)
    half_w, half_h = icon[2] / 2, icon[3] / 2
    caption = problem.captions.get(node_id)
    if caption is not None:
        caption = grown(caption, CLEARANCE)
        half_w = max(half_w, cx - caption[0], caption[0] + caption[2] - cx)
        half_h = max(half_h, cy - caption[1], caption[1] + caption[3] - cy)
    return (cx - half_w, cy - half_h, 2 * half_w, 2 * half_h)


def plan_routes(problem: RoutingProblem) -> RoutePlan | None:
    """The neato source that routes ``problem``'s flows, or None when no flow needs routing.

    Every component is a box around its icon and caption (:func:`footprint`);
    a flow that ends on a container ends on a pinned point on its border;
    containers' titles are invisible boxes. neato refuses to route anything
    when two boxes overlap, so a box that overlaps one placed before it (two
    components drawn on top of each other, a title under a component) is
    left out: the flows of a component left out stay straight, and routes may
    cross a title left out.
    """
    shapes: list[tuple[str, Rect, str]] = []
    names: dict[str, str] = {}
    for node_id in sorted(problem.ends):
        if node_id not in problem.containers:
            names[node_id] = f"n{len(shapes)}"
            shapes.append((names[node_id], footprint(problem, node_id), ""))
    edges: list[tuple[str, str, str]] = []
    for flow_id, flow in sorted(problem.flows.items()):
        if not _routable(problem, flow):
            continue
        ends = []
        for end, other in ((flow.source, flow.target), (flow.target, flow.source)):
            if end in problem.containers:
                point = border_point(problem.ends[end], _centre(problem.ends[other]), margin=0.0)
                ends.append(f"p{len(shapes)}")
                shapes.append((ends[-1], (point[0] - 0.5, point[1] - 0.5, 1.0, 1.0), ", shape=point"))
            else:
                ends.append(names[end])
        edges.append((ends[0], ends[1], flow_id))
    if not edges:
        return None
    shapes.extend((f"o{index}", rect, ", style=invis") for index, rect in enumerate(problem.obstacles))
    kept: list[tuple[str, Rect, str]] = []
    index = _ShapeIndex([])
    for name, rect, style in shapes:
        if not index.hits(rect):
            kept.append((name, rect, style))
            index.add(rect)
    kept_names = {name for name, _rect, _style in kept}
    lines = ["digraph routes {",
             "  graph [splines=true, outputorder=edgesfirst, esep=0, sep=0];",
             '  node [shape=box, fixedsize=true, label=""];',
             "  edge [arrowhead=none];"]
    lines.extend(_box_node(name, rect, style) for name, rect, style in kept)
    routed: dict[str, str] = {}
    for tail, head, flow_id in edges:
        if tail in kept_names and head in kept_names:
            edge = f"e{len(routed)}"
            lines.append(f"  {dot_quote(tail)} -> {dot_quote(head)} [id={dot_quote(edge)}];")
            routed[flow_id] = edge
    lines.append("}")
    if not routed:
        return None
    first = kept[0]
    return RoutePlan("\n".join(lines) + "\n", routed, _centre(first[1]), first[0])


def _routable(problem: RoutingProblem, flow: FlowToRoute) -> bool:
    """Whether neato can route ``flow``: both ends drawn, distinct, and at most one of them a container."""
    if flow.source == flow.target or flow.source not in problem.ends or flow.target not in problem.ends:
        return False
    source_box, target_box = problem.ends[flow.source], problem.ends[flow.target]
    # a flow between a container and something inside it, or between two containers, stays straight
    return not (flow.source in problem.containers and flow.target in problem.containers) and not (
        (flow.source in problem.containers and _contains(source_box, target_box))
        or (flow.target in problem.containers and _contains(target_box, source_box)))


def _contains(outer: Rect, inner: Rect) -> bool:
    return (outer[0] <= inner[0] and outer[1] <= inner[1]
            and inner[0] + inner[2] <= outer[0] + outer[2] and inner[1] + inner[3] <= outer[1] + outer[3])


def _numbers(text: str) -> list[float]:
    values = [float(part) for part in text.split(",")]
    if not all(math.isfinite(v) for v in values):
        raise ValueError(f"not a finite point: {text!r}")
    return values


def routes_from_answer(answer: dict[str, Any], plan: RoutePlan) -> dict[str, tuple[Point, ...]]:
    """Each routed flow's Bézier path in scene coordinates, from neato's JSON answer to ``plan``.

    Raises:
        LayoutError: the answer is not a routing of ``plan``.
    """
    try:
        offset: Point | None = None
        for obj in answer.get("objects", []):
            if obj.get("name") == plan.origin_name:
                x, y = _numbers(obj["pos"])
                offset = (x - plan.origin[0], -y - plan.origin[1])
        if offset is None:
            raise LayoutError("Graphviz neato left the flows' ends out of its answer")
        edge_flow = {edge: flow_id for flow_id, edge in plan.flows.items()}
        paths: dict[str, tuple[Point, ...]] = {}
        for edge in answer.get("edges", []):
            flow_id = edge_flow.get(edge.get("id"))
            if flow_id is None or "pos" not in edge:
                continue
            points = []
            for part in str(edge["pos"]).split():
                if part.startswith(("s,", "e,")):
                    continue  # arrowhead ends: we draw no arrowhead through neato
                px, py = _numbers(part)
                points.append((px - offset[0], -py - offset[1]))
            if len(points) >= 4 and (len(points) - 1) % 3 == 0:
                paths[flow_id] = tuple(points)
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise LayoutError(f"Graphviz neato answered unexpected routes: {exc}") from None
    return paths


# ------------------------------------------------------------------ labels
class _ShapeIndex:
    """Boxes bucketed by grid cell, so a label looks only at the shapes near it."""

    def __init__(self, rects: Iterable[Rect]) -> None:
        self._cells: dict[tuple[int, int], list[Rect]] = {}
        for rect in rects:
            self.add(rect)

    def _keys(self, rect: Rect) -> Iterator[tuple[int, int]]:
        for i in range(math.floor(rect[0] / _CELL), math.floor((rect[0] + rect[2]) / _CELL) + 1):
            for j in range(math.floor(rect[1] / _CELL), math.floor((rect[1] + rect[3]) / _CELL) + 1):
                yield (i, j)

    def add(self, rect: Rect) -> None:
        for key in self._keys(rect):
            self._cells.setdefault(key, []).append(rect)

    def hits(self, rect: Rect) -> int:
        """How many boxes ``rect`` overlaps."""
        seen = {other for key in self._keys(rect) for other in self._cells.get(key, ()) if intersects(rect, other)}
        return len(seen)


def _along(points: list[Point], fraction: float) -> tuple[Point, Point]:
    """The point ``fraction`` of the way along ``points`` and the direction (unit vector) there."""
    lengths = [math.dist(a, b) for a, b in zip(points, points[1:], strict=False)]
    goal = sum(lengths) * fraction
    for (a, b), length in zip(zip(points, points[1:], strict=False), lengths, strict=True):
        if goal <= length and length > 0:
            t = goal / length
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), ((b[0] - a[0]) / length,
                                                                         (b[1] - a[1]) / length)
        goal -= length
    return points[-1], (1.0, 0.0)


#: Where along its route a label is tried, the middle first and then outwards.
_FRACTIONS = (0.5, *itertools.chain.from_iterable((0.5 - step / 25, 0.5 + step / 25) for step in range(1, 11)))


def _candidates(route: Route, size: tuple[float, float]) -> list[Rect]:
    """Label boxes to try for ``route``, nearest the middle of the route first.

    Boxes centred on the line along its middle part, and boxes beside the
    line (one to four box-depths across it), ordered by how far they are
    from the route's midpoint: a label that cannot sit in the middle moves
    as little as it must.
    """
    points = polyline(route, steps=8)
    w, h = size
    middle, _direction = _along(points, 0.5)
    found: list[tuple[float, Rect]] = []
    for fraction in _FRACTIONS:
        (x, y), (dx, dy) = _along(points, fraction)
        normal = (-dy, dx)
        # how far across the line a box must go to clear it
        depth = abs(normal[0]) * w / 2 + abs(normal[1]) * h / 2 + _LABEL_GAP
        for across in (0.0, -1.0, 1.0, -2.0, 2.0, -3.0, 3.0, -4.0, 4.0):
            centre = (x + across * normal[0] * depth, y + across * normal[1] * depth)
            found.append((math.dist(centre, middle), _centred(centre, size)))
    found.sort(key=lambda item: item[0])
    return [box for _distance, box in found]


def place_labels(routes: dict[str, Route], problem: RoutingProblem) -> dict[str, Route]:
    """``routes`` with every label moved to a box that covers no component, caption, title, other label or arrowhead.

    Each label takes the first free box of :func:`_candidates`; when none is
    free it takes the one that covers the fewest shapes.
    """
    shapes = _ShapeIndex([grown(rect, 1.0) for end, rect in problem.ends.items() if end not in problem.containers])
    for rect in [*problem.captions.values(), *problem.obstacles]:
        shapes.add(rect)
    for route in routes.values():  # arrowheads: a label beside one would seem to name that flow
        shapes.add(_centred(route.path[-1], (_ARROWHEAD, _ARROWHEAD)))
    placed: dict[str, Route] = {}
    for flow_id in sorted(routes):
        route, flow = routes[flow_id], problem.flows.get(flow_id)
        if flow is None or flow.label is None:
            placed[flow_id] = Route(route.path, None)
            continue
        best: tuple[int, Rect] | None = None
        for box in _candidates(route, flow.label):
            hits = shapes.hits(box)
            if best is None or hits < best[0]:
                best = (hits, box)
            if hits == 0:
                break
        assert best is not None
        shapes.add(best[1])
        placed[flow_id] = Route(route.path, best[1])
    return placed


# ------------------------------------------------------------------ together
def finish_routing(problem: RoutingProblem, paths: dict[str, tuple[Point, ...]], note: str | None = None) -> Routing:
    """Every flow's route: neato's ``paths`` where it gave one, a straight arrow elsewhere, labels placed."""
    routes: dict[str, Route] = {}
    for flow_id, flow in problem.flows.items():
        if flow_id in paths:
            routes[flow_id] = Route(_joined(problem, flow, paths[flow_id]))
        elif flow.source in problem.ends and flow.target in problem.ends:
            routes[flow_id] = straight_route(problem.ends[flow.source], problem.ends[flow.target])
    return Routing(place_labels(routes, problem), note)


def straight_routing(problem: RoutingProblem, note: str | None = None) -> Routing:
    """Every flow straight with its label centred: no neato, no label pass (cheap at any size)."""
    routes = {flow_id: straight_route(problem.ends[flow.source], problem.ends[flow.target], flow.label)
              for flow_id, flow in problem.flows.items() if flow.source in problem.ends and flow.target in problem.ends}
    return Routing(routes, note)


def neato_executable() -> str | None:
    """The path of Graphviz's ``neato``, or None when it is not installed."""
    return shutil.which("neato")


def _joined(problem: RoutingProblem, flow: FlowToRoute, path: tuple[Point, ...]) -> tuple[Point, ...]:
    """``path`` (which neato ends on the components' footprints) carried on to their icons' borders."""

    def link(a: Point, b: Point) -> tuple[Point, ...]:
        return ((a[0] + (b[0] - a[0]) / 3, a[1] + (b[1] - a[1]) / 3),
                (a[0] + (b[0] - a[0]) * 2 / 3, a[1] + (b[1] - a[1]) * 2 / 3), b)

    def onto_icon(node_id: str, point: Point) -> Point | None:
        """Where the link from ``point`` meets the icon; None when it is not worth drawing or would cross
        the component's caption (a route leaving downwards then starts, or ends, just below the caption)."""
        if node_id in problem.containers:
            return None
        meets = border_point(problem.ends[node_id], point)
        caption = problem.captions.get(node_id)
        if math.dist(meets, point) <= 0.5 or (caption is not None and segment_crosses(meets, point, caption)):
            return None
        return meets

    out = list(path)
    start = onto_icon(flow.source, path[0])
    if start is not None:
        out = [start, *link(start, path[0]), *out[1:]]
    end = onto_icon(flow.target, path[-1])
    if end is not None:
        out.extend(link(path[-1], end))
    return tuple(out)


def too_large(size: int) -> str | None:
    """Why a design of ``size`` components, containers and flows is not routed, for the status bar, or None."""
    if size > MAX_SHAPES:
        return (f"Flows are drawn straight: the design has more than {MAX_SHAPES} components, containers and"
                " flows to route")
    return None


def route_flows(problem: RoutingProblem, executable: str | None, timeout: float = NEATO_TIMEOUT) -> Routing:
    """Route every flow of ``problem`` now (reports, image exports, tests); straight ones say why in ``problem``."""
    note = too_large(problem.size())
    if note is None and executable is None:
        note = "Flows are drawn straight: Graphviz neato is not installed"
    if note is not None:
        return straight_routing(problem, note)
    plan = plan_routes(problem)
    if plan is None:
        return finish_routing(problem, {})
    assert executable is not None
    try:
        answer = run_dot(plan.source, executable, timeout, NEATO_OPTIONS, tool="neato")
        return finish_routing(problem, routes_from_answer(answer, plan))
    except LayoutError as exc:
        return finish_routing(problem, {}, f"Flows are drawn straight: {exc}")

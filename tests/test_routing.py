"""Flow routing: neato routes flows around components, and the label pass keeps labels off everything."""

from __future__ import annotations

import itertools
import shutil

import pytest

from wadesk import routing
from wadesk.routing import (
    FlowToRoute,
    Route,
    RoutingProblem,
    footprint,
    intersects,
    place_labels,
    plan_routes,
    polyline,
    route_flows,
    segment_crosses,
    straight_route,
)

needs_neato = pytest.mark.skipif(shutil.which("neato") is None, reason="Graphviz neato is not installed")


def component(problem: RoutingProblem, node_id: str, x: float, y: float, caption_w: float = 90.0) -> None:
    """A component drawn as on the canvas: a 64 px icon with its caption 4 px below."""
    problem.ends[node_id] = (x, y, 64.0, 64.0)
    problem.captions[node_id] = (x + 32 - caption_w / 2, y + 68, caption_w, 16.0)


def crosses(route: Route, rect: routing.Rect) -> bool:
    points = polyline(route, steps=24)
    return any(segment_crosses(a, b, rect) for a, b in itertools.pairwise(points))


def a_b_c_in_a_row() -> RoutingProblem:
    """A -> C whose straight line passes through B, and A -> B beside it."""
    problem = RoutingProblem()
    for node_id, x in (("a", 0.0), ("b", 200.0), ("c", 400.0)):
        component(problem, node_id, x, 0.0)
    problem.flows = {"a-c": FlowToRoute("a", "c", (60.0, 16.0)), "a-b": FlowToRoute("a", "b", (40.0, 16.0))}
    return problem


# --------------------------------------------------------------- pure geometry
def test_a_straight_route_runs_between_the_borders_with_its_label_in_the_middle() -> None:
    route = straight_route((0, 0, 64, 64), (200, 0, 64, 64), (40, 16))
    assert route.path[0] == (67.0, 32.0) and route.path[-1] == (197.0, 32.0)
    assert route.label == (112.0, 24.0, 40, 16)
    assert not route.routed


def test_segment_crossing_tells_through_from_beside() -> None:
    box = (100.0, 0.0, 64.0, 64.0)
    assert segment_crosses((0, 32), (300, 32), box)
    assert not segment_crosses((0, 80), (300, 80), box)
    assert not segment_crosses((0, 32), (90, 32), box)


def test_a_footprint_covers_icon_and_caption_centred_on_the_icon() -> None:
    problem = RoutingProblem()
    component(problem, "a", 0.0, 0.0, caption_w=120.0)
    x, y, w, h = footprint(problem, "a")
    assert (x + w / 2, y + h / 2) == (32.0, 32.0)
    assert x <= -28 and x + w >= 92 and y + h >= 84


def test_overlapping_components_are_left_out_rather_than_breaking_every_route() -> None:
    problem = a_b_c_in_a_row()
    component(problem, "d", 210.0, 10.0)  # drawn on top of b
    plan = plan_routes(problem)
    assert plan is not None
    assert plan.source.count("shape=point") == 0
    assert set(plan.flows) == {"a-c", "a-b"}  # d has no flows; b (placed first) stays an obstacle


def test_no_flows_no_plan() -> None:
    problem = a_b_c_in_a_row()
    problem.flows = {}
    assert plan_routes(problem) is None


def test_labels_are_moved_off_components_captions_and_each_other() -> None:
    problem = RoutingProblem()
    component(problem, "a", 0.0, 0.0)
    component(problem, "b", 300.0, 0.0)
    component(problem, "m", 150.0, 0.0)  # sits where the labels' midpoint would be
    problem.flows = {f"f{i}": FlowToRoute("a", "b", (70.0, 16.0)) for i in range(2)}
    routes = {fid: straight_route(problem.ends["a"], problem.ends["b"]) for fid in problem.flows}
    placed = place_labels(routes, problem)
    boxes = [route.label for route in placed.values()]
    assert all(box is not None for box in boxes)
    shapes = [*problem.ends.values(), *problem.captions.values()]
    for box in boxes:
        assert box is not None
        assert not any(intersects(box, shape) for shape in shapes), box
    for first, second in itertools.combinations(boxes, 2):
        assert first is not None and second is not None
        assert not intersects(first, second)


def test_too_many_shapes_leave_flows_straight_and_say_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routing, "MAX_SHAPES", 3)
    result = route_flows(a_b_c_in_a_row(), "/nonexistent/neato")
    assert result.problem is not None and "straight" in result.problem
    assert not any(route.routed for route in result.routes.values())


def test_a_neato_that_fails_leaves_flows_straight_and_says_why() -> None:
    result = route_flows(a_b_c_in_a_row(), "/nonexistent/neato")
    assert result.problem is not None and "cannot run Graphviz neato" in result.problem
    assert set(result.routes) == {"a-c", "a-b"}


# ------------------------------------------------------------------- neato
@needs_neato
def test_a_flow_whose_straight_line_crosses_a_node_is_routed_around_it() -> None:
    problem = a_b_c_in_a_row()
    assert crosses(straight_route(problem.ends["a"], problem.ends["c"]), problem.ends["b"])
    result = route_flows(problem, shutil.which("neato"))
    assert result.problem is None
    around = result.routes["a-c"]
    assert around.routed
    assert not crosses(around, problem.ends["b"])
    assert not crosses(around, problem.captions["b"])
    # it still starts and ends on the icons' borders
    assert around.path[0][0] == pytest.approx(67.0, abs=0.5)
    assert around.path[-1][0] == pytest.approx(397.0, abs=0.5)


@needs_neato
def test_routed_labels_cover_no_node_caption_title_or_other_label() -> None:
    problem = a_b_c_in_a_row()
    component(problem, "d", 200.0, 200.0)
    problem.flows["a-d"] = FlowToRoute("a", "d", (80.0, 16.0))
    problem.flows["d-c"] = FlowToRoute("d", "c", (80.0, 16.0))
    problem.obstacles.append((-40.0, -60.0, 600.0, 24.0))  # a container's title above the row
    result = route_flows(problem, shutil.which("neato"))
    boxes = [route.label for route in result.routes.values()]
    shapes = [*problem.ends.values(), *problem.captions.values(), *problem.obstacles]
    for box in boxes:
        assert box is not None
        assert not any(intersects(box, shape) for shape in shapes), box
    for first, second in itertools.combinations(boxes, 2):
        assert first is not None and second is not None
        assert not intersects(first, second)


@needs_neato
def test_a_flow_to_a_container_ends_on_its_border() -> None:
    problem = RoutingProblem()
    component(problem, "a", 0.0, 100.0)
    component(problem, "b", 200.0, 100.0)
    problem.ends["group"] = (400.0, 0.0, 300.0, 300.0)
    problem.containers = frozenset({"group"})
    problem.flows = {"f": FlowToRoute("a", "group")}
    route = route_flows(problem, shutil.which("neato")).routes["f"]
    assert route.path[-1][0] == pytest.approx(400.0, abs=1.0)
    assert not crosses(route, problem.ends["b"])

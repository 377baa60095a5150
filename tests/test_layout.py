"""Automatic layout: Graphviz dot with nested clusters reads well on every example, and the grid stands in for it."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest

from wadesk import layout
from wadesk.catalog import new_architecture
from wadesk.fileformat import load_design
from wadesk.layout import (
    TITLE_BAR,
    Geometry,
    LayoutError,
    auto_layout,
    component_box,
    dot_layout,
    dot_quote,
    dot_source,
    grid_layout,
    run_dot,
)
from wadesk.layout_hints import beside_containers
from wadesk.model import Architecture

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.wadesk"))
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")

Box = tuple[float, float, float, float]


def boxes(geometry: dict[str, Geometry]) -> dict[str, Box]:
    return {node_id: component_box(g) for node_id, g in geometry.items()}


def inside(inner: Box, outer: Box, top: float = 0.0) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return ox <= x and oy + top <= y and x + w <= ox + ow and y + h <= oy + oh


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def assert_reads_well(arch: Architecture, geometry: dict[str, Geometry], min_left_to_right: float = 0.8) -> None:
    """Every node placed, children inside their parent below its title, siblings apart, flows left to right."""
    assert set(geometry) == set(arch.node_ids())
    box = boxes(geometry)
    for node_id in arch.node_ids():
        assert (geometry[node_id][2] is None) == (not arch.is_container(node_id))
        parent = arch.parent_of(node_id)
        if parent is not None:
            assert inside(box[node_id], box[parent], top=TITLE_BAR), (node_id, box[node_id], parent, box[parent])
    for parent in [None, *[n for n in arch.node_ids() if arch.is_container(n)]]:
        siblings = arch.children(parent)
        for index, a in enumerate(siblings):
            for b in siblings[index + 1:]:
                assert not overlap(box[a], box[b]), (a, box[a], b, box[b])
    flows = [e for e in arch.edges() if e.source != e.target
             and not arch.is_container(e.source) and not arch.is_container(e.target)]
    if flows:
        forward = sum(box[e.target][0] > box[e.source][0] for e in flows)
        assert forward / len(flows) >= min_left_to_right, f"only {forward} of {len(flows)} flows point right"


def hostile_design() -> Architecture:
    """Ids and labels that would break a naively written dot file."""
    arch = new_architecture('a "hostile" design')
    nasty = ['q"uote', "br{ace}", "new\nline", "a->b", "semi;colon", "back\\", '\\"', "edge [color=red]",
             "<b>html</b>", "ünï 🚀", "nul\x00byte", "}; digraph x {", "subgraph", "cluster_0", "n0"]
    arch.add_node('vpc"1', "vpc", label='VPC "main" {1}\n-> ; \\', w=300, h=200)
    arch.add_node("sub}\\", "subnet", parent='vpc"1', label='}"; node [label="x"]; {', w=300, h=200)
    arch.add_node("empty;", "subnet", parent='vpc"1', label="", w=300, h=200)
    for index, node_id in enumerate(nasty):
        arch.add_node(node_id, "ec2", parent="sub}\\" if index % 3 == 0 else None, label=node_id * 2)
    for a, b in zip(nasty, nasty[1:], strict=False):
        arch.connect(f"{a}->{b}", a, b)
    arch.connect("to-container", nasty[1], "empty;")
    arch.connect("from-container", 'vpc"1', nasty[2])
    arch.connect("into-itself", "sub}\\", nasty[0])
    return arch


# ----------------------------------------------------------------------- dot
@needs_dot
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_dot_layout_of_every_example_reads_well(path: Path) -> None:
    arch = load_design(path)
    geometry = dot_layout(arch)
    assert_reads_well(arch, geometry)
    assert min(g[0] for g in geometry.values()) >= 0 and min(g[1] for g in geometry.values()) >= 0


@needs_dot
def test_dot_layout_survives_hostile_ids_and_labels() -> None:
    arch = hostile_design()
    geometry = dot_layout(arch)
    assert_reads_well(arch, geometry, min_left_to_right=0.7)
    assert geometry["empty;"][2] is not None and geometry["empty;"][2] >= 100  # an empty container keeps room
    graph = dot_source(arch)
    answer = run_dot(graph.source, "dot")
    titles = {o["name"]: o["label"] for o in answer["objects"] if o["name"] in graph.clusters}
    assert len(titles) == 3 and len(answer["edges"]) == len(arch.edge_ids()) - 1  # into-itself is left out
    for name, container in graph.clusters.items():
        shown = titles[name].replace("\\\\", "\\").rstrip(" ")  # dot shows an escaped backslash as one
        assert shown == (arch.node(container).label or arch.kind_of(container)).replace("\n", " ")


def test_dot_quote_escapes_what_dot_would_read() -> None:
    assert dot_quote('a"b') == '"a\\"b"'
    assert dot_quote("back\\") == '"back\\\\"'
    assert dot_quote("one\ntwo\x00") == '"one two "'
    assert dot_quote("{x} -> y;") == '"{x} -> y;"'


def test_dot_source_has_nested_clusters_fixed_boxes_and_flows() -> None:
    arch = new_architecture()
    arch.add_node("vpc", "vpc", label="Main VPC", w=10, h=10)
    arch.add_node("sub", "subnet", parent="vpc", label="App", w=10, h=10)
    arch.add_node("web", "ec2", parent="sub")
    arch.add_node("users", "cloudfront")
    arch.connect("e1", "users", "web")
    graph = dot_source(arch)
    text = graph.source
    assert "rankdir=LR" in text and "fixedsize=true" in text
    assert text.index('subgraph "cluster_0"') < text.index('subgraph "cluster_1"') < text.index('"n0";')
    assert 'label="Main VPC ' in text and 'label="App ' in text
    assert graph.components == {"n0": "web", "n1": "users"}
    assert graph.clusters == {"cluster_0": "vpc", "cluster_1": "sub"}
    assert '"n1" -> "n0";' in text


def region_with_entry(empty_subnets: int) -> Architecture:
    """Internet users in front of a load balancer whose subnet shares its VPC with empty subnets."""
    arch = new_architecture()
    arch.add_node("region", "region", w=10, h=10)
    arch.add_node("vpc", "vpc", parent="region", w=10, h=10)
    for index in range(empty_subnets):
        arch.add_node(f"idle-{index}", "subnet", parent="vpc", w=10, h=10)
    arch.add_node("public", "subnet", parent="vpc", w=10, h=10)
    arch.add_node("lb", "alb", parent="public")
    arch.add_node("app", "ec2", parent="public")
    arch.add_node("bucket", "s3", parent="region")
    arch.add_node("users", "internet")
    arch.add_node("partner", "external_service")
    arch.connect("in", "users", "lb")
    arch.connect("on", "lb", "app")
    arch.connect("out", "app", "partner")
    arch.connect("store", "app", "bucket")
    return arch


@needs_dot
@pytest.mark.parametrize("empty_subnets", [0, 3, 8])
def test_actors_stand_beside_the_drawing_level_with_what_they_talk_to(empty_subnets: int) -> None:
    arch = region_with_entry(empty_subnets)
    geometry = dot_layout(arch)
    assert_reads_well(arch, geometry)
    box = boxes(geometry)
    region, users, partner = box["region"], box["users"], box["partner"]
    # Internet users left of the region, the service the app calls right of it: neither flow crosses
    # the region's top or bottom edge.
    assert users[0] + users[2] <= region[0] and partner[0] >= region[0] + region[2]
    for actor, end in (("users", "lb"), ("partner", "app")):
        middle = box[actor][1] + box[actor][3] / 2
        assert box[end][1] <= middle <= box[end][1] + box[end][3], (actor, box[actor], end, box[end])
    assert min(b[0] for b in box.values()) == 0 and min(b[1] for b in box.values()) == 0


@needs_dot
def test_actors_in_one_column_do_not_overlap() -> None:
    arch = new_architecture()
    arch.add_node("region", "region", w=10, h=10)
    arch.add_node("lb", "alb", parent="region")
    for index in range(4):
        arch.add_node(f"user-{index}", "internet" if index % 2 else "corporate_network")
        arch.connect(f"in-{index}", f"user-{index}", "lb")
    geometry = dot_layout(arch)
    assert_reads_well(arch, geometry)
    box = boxes(geometry)
    actors = [box[f"user-{index}"] for index in range(4)]
    assert len({b[0] for b in actors}) == 1 and actors[0][0] + actors[0][2] <= box["region"][0]
    for index, a in enumerate(actors):
        assert not any(overlap(a, b) for b in actors[index + 1:])


def test_an_actor_with_no_flow_into_the_drawing_is_left_to_dot() -> None:
    arch = new_architecture()
    arch.add_node("users", "internet")
    arch.add_node("office", "corporate_network")
    arch.add_node("web", "ec2")
    arch.connect("e1", "users", "office")
    assert layout.actors_aside(arch) == []
    arch.connect("e2", "users", "web")
    assert layout.actors_aside(arch) == ["users"]
    assert set(dot_source(arch).components.values()) == {"office", "web"}


@needs_dot
def test_subnets_no_flow_reaches_are_laid_out_as_a_block_not_a_column() -> None:
    arch = region_with_entry(8)
    box = boxes(dot_layout(arch))
    idle = [box[f"idle-{index}"] for index in range(8)]
    width = max(b[0] + b[2] for b in idle) - min(b[0] for b in idle)
    height = max(b[1] + b[3] for b in idle) - min(b[1] for b in idle)
    assert width > 2 * idle[0][2] and height < 8 * idle[0][3]


@needs_dot
def test_what_talks_only_into_a_box_stands_in_a_column_beside_it() -> None:
    arch = new_architecture()
    arch.add_node("region", "region", w=10, h=10)
    arch.add_node("vpc", "vpc", parent="region", w=10, h=10)
    arch.add_node("idle", "subnet", parent="vpc", w=10, h=10)
    arch.add_node("app", "subnet", parent="vpc", w=10, h=10)
    arch.add_node("fn", "lambda", parent="app")
    arch.add_node("web", "ec2", parent="app")
    arch.add_node("db", "rds", parent="app")
    for node_id, kind in (("alarm", "cloudwatch_alarm"), ("role", "iam_role"), ("queue", "sqs"), ("logs", "s3")):
        arch.add_node(node_id, kind, parent="region")
    arch.connect("query", "web", "db")
    arch.connect("watch", "web", "alarm")
    arch.connect("scale", "alarm", "web")  # the alarm's notice back: it still stands after the box
    arch.connect("assume", "fn", "role")
    arch.connect("poll", "queue", "fn")
    arch.connect("write", "fn", "logs")
    arch.connect("archive", "logs", "queue")  # a flow between two siblings: dot's own ranking stands
    geometry = dot_layout(arch)
    assert_reads_well(arch, geometry, min_left_to_right=0.6)
    box = boxes(geometry)
    vpc = box["vpc"]
    assert box["alarm"][0] >= vpc[0] + vpc[2] and box["role"][0] >= vpc[0] + vpc[2]
    assert [b.node for b in beside_containers(arch, set())] == ["alarm", "role"]


def _zoned_vpc(with_gateway: bool) -> Architecture:
    arch = new_architecture()
    arch.add_node("vpc", "vpc", w=10, h=10)
    for zone in ("az-1", "az-2"):
        arch.add_node(zone, "availability_zone", parent="vpc", w=10, h=10)
        arch.add_node(f"sub-{zone}", "subnet", parent=zone, w=10, h=10)
    if with_gateway:
        arch.add_node("igw", "internet_gateway", parent="vpc")
    return arch


def test_zones_dot_stacked_upside_down_are_put_back_in_their_order() -> None:
    from wadesk.layout_adjust import order_zones

    arch = _zoned_vpc(with_gateway=False)
    geometry: dict[str, Geometry] = {
        "vpc": (0, 0, 700, 500), "az-2": (20, 40, 300, 150), "sub-az-2": (40, 80, 200, 80),
        "az-1": (20, 220, 600, 250), "sub-az-1": (40, 260, 400, 150),
    }
    order_zones(arch, geometry, component_box)
    assert geometry["az-1"] == (20, 40, 600, 250) and geometry["sub-az-1"] == (40, 80, 400, 150)
    assert geometry["az-2"] == (20, 320, 300, 150) and geometry["sub-az-2"] == (40, 360, 200, 80)
    assert_reads_well(arch, geometry)


def test_zones_upside_down_beside_another_box_turn_the_whole_network_over() -> None:
    from wadesk.layout_adjust import order_zones

    arch = _zoned_vpc(with_gateway=True)
    # The wide first zone cannot take the narrow second one's place at the top: the gateway stands there.
    geometry: dict[str, Geometry] = {
        "vpc": (0, 0, 700, 500), "az-2": (20, 40, 300, 150), "sub-az-2": (40, 80, 200, 80),
        "igw": (400 + 23, 60 + 4, None, None),
        "az-1": (20, 220, 600, 250), "sub-az-1": (40, 260, 400, 150),
    }
    order_zones(arch, geometry, component_box)
    assert_reads_well(arch, geometry)
    assert geometry["az-1"][1] < geometry["az-2"][1] and geometry["az-1"][1] == 40
    assert geometry["igw"][1] > geometry["az-1"][1]


def test_zones_side_by_side_are_left_alone() -> None:
    from wadesk.layout_adjust import order_zones

    arch = _zoned_vpc(with_gateway=False)
    geometry: dict[str, Geometry] = {
        "vpc": (0, 0, 700, 300), "az-2": (20, 40, 300, 150), "sub-az-2": (40, 80, 200, 80),
        "az-1": (340, 60, 300, 150), "sub-az-1": (360, 100, 200, 80),
    }
    before = dict(geometry)
    order_zones(arch, geometry, component_box)
    assert geometry == before


@needs_dot
def test_a_long_container_title_does_not_push_apart_the_columns_of_the_whole_drawing() -> None:
    arch = new_architecture()
    arch.add_node("vpc", "vpc", w=10, h=10)
    address = 'module.vpcs["spoke-vpc-a"].aws_subnet.private["eu-central-1a"]'
    arch.add_node("idle", "subnet", parent="vpc", label=address, w=10, h=10)
    arch.add_node("app", "subnet", parent="vpc", w=10, h=10)
    arch.add_node("web", "ec2", parent="app")
    arch.add_node("db", "rds", parent="app")
    arch.connect("query", "web", "db")
    geometry = dot_layout(arch)
    assert_reads_well(arch, geometry)
    # The next column starts after what the first 40 characters of the title need (the canvas elides the
    # rest), not after all 62 (which put it 358 px on).
    assert geometry["db"][0] - geometry["web"][0] < layout.NODE_W + 200


def test_dot_answer_is_converted_to_scene_pixels_with_y_flipped() -> None:
    arch = new_architecture()
    arch.add_node("vpc", "vpc", w=10, h=10)
    arch.add_node("web", "ec2", parent="vpc")
    graph = dot_source(arch)
    answer = {"bb": "0,0,200,300", "objects": [
        {"name": "cluster_0", "bb": "10,20,190,280"},
        {"name": "n0", "pos": "100,150"},
    ]}
    geometry = layout.geometry_from_dot(answer, graph)
    assert geometry["vpc"] == (10, 20, 180, 260)  # top = 300 - 280
    # the 110 x 100 box is centred on (100, 300 - 150); the icon sits 23 px in and 4 px down
    assert geometry["web"] == (100 - 55 + 23, 150 - 50 + 4, None, None)
    with pytest.raises(LayoutError, match="left 1 nodes out"):
        layout.geometry_from_dot({"bb": "0,0,1,1", "objects": [answer["objects"][0]]}, graph)
    with pytest.raises(LayoutError, match="unexpected"):
        layout.geometry_from_dot({"bb": "0,0,nan", "objects": []}, graph)


@needs_dot
def test_a_thousand_components_lay_out_quickly() -> None:
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from generate import three_tier_design

    arch = three_tier_design(1000)
    assert_reads_well(arch, dot_layout(arch))


# ------------------------------------------------------------------ fallback
def test_without_dot_the_grid_is_used_and_the_reason_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout.shutil, "which", lambda name: None)
    arch = load_design(EXAMPLES[0])
    result = auto_layout(arch)
    assert result.engine == "grid" and result.problem == "Graphviz dot is not installed"
    assert result.geometry == grid_layout(arch)


def _script(folder: Path, body: str) -> str:
    path = folder / "fake-dot"
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


def test_a_failing_dot_falls_back_to_the_grid(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = _script(tmp_path, "cat >/dev/null; echo 'Error: syntax error in line 1' >&2; exit 1")
    monkeypatch.setattr(layout.shutil, "which", lambda name: fake)
    arch = load_design(EXAMPLES[0])
    result = auto_layout(arch)
    assert result.engine == "grid" and "syntax error in line 1" in (result.problem or "")
    assert_reads_well(arch, result.geometry, min_left_to_right=0.0)


def test_dot_that_answers_nonsense_or_hangs_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LayoutError, match="not JSON"):
        run_dot("digraph {}", _script(tmp_path, "cat >/dev/null; echo 'not json'"))
    with pytest.raises(LayoutError, match="longer than 0.3 s"):
        run_dot("digraph {}", _script(tmp_path, "exec sleep 5"), timeout=0.3)
    with pytest.raises(LayoutError, match="cannot run"):
        run_dot("digraph {}", str(tmp_path / "missing"))


@needs_dot
def test_dot_is_given_the_graph_on_stdin_without_a_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}
    real = layout.subprocess.run

    def spy(args: list[str], **kwargs: object) -> object:
        seen.update(args=args, **kwargs)
        return real(args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(layout.subprocess, "run", spy)
    arch = hostile_design()
    dot_layout(arch)
    assert seen["args"] == ["dot", "-Tjson"] and not seen.get("shell")
    assert seen["timeout"] == layout.DOT_TIMEOUT
    assert json.dumps(seen["input"].decode("utf-8")).count("digraph") >= 1  # type: ignore[attr-defined]


def test_empty_design_needs_no_dot() -> None:
    assert dot_layout(new_architecture(), executable="/nonexistent/dot") == {}

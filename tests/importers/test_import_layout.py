"""Every corpus source, imported and laid out, reads as a reader expects: nothing overlaps, containers hold
their contents, flows run left to right, and internet users stand beside the cloud level with their way in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wadesk.layout import ACTOR_KINDS, TITLE_BAR, Geometry, actors_aside, component_box
from wadesk.layout_hints import beside_containers
from wadesk.model import Architecture

_ROOT = Path(__file__).resolve().parents[2]
CORPUS = next(
    (p for p in (_ROOT.parent / "shared/corpus", _ROOT.parent.parent / "shared/corpus") if p.is_dir()),
    _ROOT.parent / "shared/corpus",
)
SOURCES = (
    sorted(p for p in (CORPUS / "cfn").glob("*") if p.suffix in (".yaml", ".yml", ".json", ".template"))
    + sorted((CORPUS / "terraform/plan").glob("*.json"))
    + sorted(p for p in (CORPUS / "terraform/hcl").glob("*") if p.is_dir())
)
pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")

Box = tuple[float, float, float, float]


def _boxes(arch: Architecture) -> dict[str, Box]:
    geometry: dict[str, Geometry] = {n.id: (n.x, n.y, n.w, n.h) for n in arch.nodes()}
    return {node_id: component_box(g) for node_id, g in geometry.items()}


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _inside(inner: Box, outer: Box) -> bool:
    return (outer[0] <= inner[0] and outer[1] + TITLE_BAR <= inner[1]
            and inner[0] + inner[2] <= outer[0] + outer[2] and inner[1] + inner[3] <= outer[1] + outer[3])


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_an_imported_design_is_laid_out_the_way_it_reads(path: Path) -> None:
    from wadesk.importers.api import import_source

    built = import_source(path).built
    arch = built.arch
    assert built.layout_engine == "dot", built.layout_problem
    box = _boxes(arch)
    for node_id in arch.node_ids():
        parent = arch.parent_of(node_id)
        if parent is not None:
            assert _inside(box[node_id], box[parent]), (node_id, box[node_id], parent, box[parent])
    for parent in [None, *(n for n in arch.node_ids() if arch.is_container(n))]:
        siblings = arch.children(parent)
        for index, a in enumerate(siblings):
            for b in siblings[index + 1:]:
                assert not _overlap(box[a], box[b]), (a, box[a], b, box[b])
    flows = [e for e in arch.edges() if not arch.is_container(e.source) and not arch.is_container(e.target)]
    if flows:
        forward = sum(box[e.target][0] > box[e.source][0] for e in flows)
        assert forward / len(flows) >= 0.8, f"only {forward} of {len(flows)} flows point right"
    # Actors with a way in stand beside every container, level with what they reach: their flows cross
    # no container's top or bottom on the way.
    tops = [box[n] for n in arch.children(None) if arch.is_container(n)]
    for actor in arch.children(None):
        if arch.kind_of(actor) not in ACTOR_KINDS or not tops:
            continue
        ends = [t for _, t in arch.graph.out_edges(actor) if arch.kind_of(t) not in ACTOR_KINDS]
        if not ends:
            continue
        a = box[actor]
        assert all(a[0] + a[2] <= t[0] for t in tops), (actor, a, tops)
        middle = a[1] + a[3] / 2
        assert min(box[e][1] for e in ends) <= middle <= max(box[e][1] + box[e][3] for e in ends), (actor, ends)
    # What talks only into a sibling box (an alarm, a role, a bucket beside the VPC) stands in a column after
    # it (or before it, when it mostly sends into it), not above or below it with its flows across the border.
    for item in beside_containers(arch, set(actors_aside(arch))):
        node, box_ = box[item.node], box[item.container]
        if item.right:
            assert node[0] >= box_[0] + box_[2], (item, node, box_)
        else:
            assert node[0] + node[2] <= box_[0], (item, node, box_)
    # Zones standing one below the other read in their order (AZ 1 above AZ 2).
    for container in [n for n in arch.node_ids() if arch.is_container(n)]:
        zones = [box[c] for c in arch.children(container) if arch.kind_of(c) == "availability_zone"]
        stacked = sorted(zones, key=lambda b: b[1])
        if all(b[1] >= a[1] + a[3] for a, b in zip(stacked, stacked[1:], strict=False)):
            assert zones == stacked, (container, zones)

"""The undo units: each edit reverts exactly, and any sequence of edits undoes to the start."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wadesk.catalog import new_architecture
from wadesk.editing import (
    AddNode,
    AddSuppression,
    Compound,
    Connect,
    Disconnect,
    MoveNodes,
    RemoveNode,
    RemoveSuppression,
    Reparent,
    SetDesignMeta,
    SetEdgeLabel,
    SetEdgeProperty,
    SetLabel,
    SetProperty,
)
from wadesk.fileformat import to_document
from wadesk.model import Architecture, Edge, ModelError, Node, Suppression


def normal(arch: Architecture) -> dict[str, Any]:
    """The file document, in the model's order: undo must give back the same file, byte for byte."""
    return to_document(arch)


def sample() -> Architecture:
    arch = new_architecture("sample")
    arch.add_node("vpc", "vpc", label="VPC", x=0, y=0, w=800, h=600)
    arch.add_node("pub", "subnet", label="Public", parent="vpc", x=20, y=40, w=300, h=200, props={"public": True})
    arch.add_node("priv", "subnet", label="Private", parent="vpc", x=400, y=40, w=300, h=200)
    arch.add_node("alb", "alb", label="ALB", parent="pub", x=60, y=80)
    arch.add_node("db", "rds", label="DB", parent="priv", x=450, y=90, props={"multi_az": True})
    arch.add_node("web", "internet", label="Users", x=-200, y=100)
    arch.connect("e1", "web", "alb", label="HTTPS", props={"protocol": "https", "port": 443})
    arch.connect("e2", "alb", "db", props={"protocol": "sql", "encrypted": False})
    arch.add_suppression(Suppression("SEC-X", "db", "accepted"))
    arch.add_suppression(Suppression("SEC-Y", None, "design-wide"))
    return arch


def roundtrip(edit: Any) -> Architecture:
    arch = sample()
    before = normal(arch)
    edit.apply(arch)
    assert normal(arch) != before
    edit.revert(arch)
    assert normal(arch) == before
    # redo then undo again behaves the same
    edit.apply(arch)
    edit.revert(arch)
    assert normal(arch) == before
    return arch


def test_remove_container_removes_contents_edges_and_suppressions_and_undo_restores_them() -> None:
    arch = sample()
    before = normal(arch)
    edit = RemoveNode("vpc")
    edit.apply(arch)
    assert arch.node_ids() == ["web"]
    assert arch.edge_ids() == []
    assert [s.node for s in arch.suppressions()] == [None]
    edit.revert(arch)
    assert normal(arch) == before
    assert arch.parent_of("db") == "priv"
    assert arch.edge("e2").props["encrypted"] is False


@pytest.mark.parametrize(
    "edit",
    [
        AddNode(Node("new", "ec2", label="New", parent="priv", x=500, y=100)),
        RemoveNode("alb"),
        MoveNodes({"alb": (70, 90, None, None), "vpc": (10, 10, 900, 700)}),
        Reparent("alb", "priv"),
        Reparent("alb", None),
        SetLabel("db", "Orders"),
        SetProperty("db", "multi_az", False),
        SetEdgeProperty("e1", "protocol", "http"),
        SetEdgeLabel("e2", "SQL"),
        Connect(Edge("e3", "db", "web", props={"protocol": "tcp"})),
        Disconnect("e1"),
        AddSuppression(Suppression("SEC-X", "db", "a new reason")),
        AddSuppression(Suppression("REL-Z", "alb", "why")),
        RemoveSuppression("SEC-X", "db"),
        Compound([RemoveNode("alb"), SetLabel("db", "x")]),
        SetDesignMeta(name="Shop"),
        SetDesignMeta(description="Orders and payments"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_each_edit_reverts_exactly(edit: Any) -> None:
    roundtrip(edit)


def test_invalid_property_raises_and_changes_nothing() -> None:
    arch = sample()
    before = normal(arch)
    with pytest.raises(ModelError, match="multi_az"):
        SetProperty("db", "multi_az", "yes").apply(arch)
    assert normal(arch) == before


def test_failed_compound_rolls_back_what_it_did() -> None:
    arch = sample()
    before = normal(arch)
    with pytest.raises(ModelError):
        Compound([SetLabel("db", "renamed"), Reparent("vpc", "pub")]).apply(arch)
    assert normal(arch) == before


# ----------------------------------------------------------------- property test
KINDS = ["ec2", "rds", "s3", "subnet", "vpc", "security_group"]


@st.composite
def edit_for(draw: st.DrawFn, arch: Architecture, counter: list[int]) -> Any:
    nodes = arch.node_ids()
    edges = arch.edge_ids()
    containers = [n for n in nodes if arch.is_container(n)]
    choices = ["add"]
    if nodes:
        choices += ["remove", "move", "reparent", "label", "prop", "connect", "suppress"]
    if edges:
        choices += ["disconnect", "edge_prop"]
    if arch.suppressions():
        choices.append("unsuppress")
    choice = draw(st.sampled_from(choices))
    counter[0] += 1
    fresh = f"n{counter[0]}"
    coord = st.integers(-500, 500)
    if choice == "add":
        kind = draw(st.sampled_from(KINDS))
        parent = draw(st.sampled_from([None, *containers]))
        big = arch.schema is not None and arch.schema.is_container(kind)
        return AddNode(
            Node(fresh, kind, label=fresh, parent=parent, x=draw(coord), y=draw(coord),
                 w=300.0 if big else None, h=200.0 if big else None)
        )
    if choice == "remove":
        return RemoveNode(draw(st.sampled_from(nodes)))
    if choice == "move":
        picked = draw(st.lists(st.sampled_from(nodes), min_size=1, max_size=3, unique=True))
        return MoveNodes({n: (draw(coord), draw(coord), None, None) for n in picked})
    if choice == "reparent":
        return Reparent(draw(st.sampled_from(nodes)), draw(st.sampled_from([None, *containers])))
    if choice == "label":
        return SetLabel(draw(st.sampled_from(nodes)), draw(st.text(max_size=8)))
    if choice == "prop":
        node = draw(st.sampled_from(nodes))
        props = dict(arch.props_of(node))
        bools = [k for k, v in props.items() if isinstance(v, bool)]
        if not bools:
            return SetLabel(node, "x")
        name = draw(st.sampled_from(bools))
        return SetProperty(node, name, not props[name])
    if choice == "connect":
        return Connect(Edge(fresh, draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes)),
                            label=draw(st.sampled_from(["", "flow"])),
                            props={"protocol": draw(st.sampled_from(["https", "tcp", "sql"]))}))
    if choice == "suppress":
        return AddSuppression(Suppression(draw(st.sampled_from(["R1", "R2"])), draw(st.sampled_from(nodes)), "ok"))
    if choice == "disconnect":
        return Disconnect(draw(st.sampled_from(edges)))
    if choice == "edge_prop":
        return SetEdgeProperty(draw(st.sampled_from(edges)), "port", draw(st.sampled_from([None, 80, 443])))
    suppression = draw(st.sampled_from(arch.suppressions()))
    return RemoveSuppression(suppression.rule, suppression.node)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), steps=st.integers(1, 25))
def test_random_edits_reverted_in_reverse_order_restore_the_start(data: st.DataObject, steps: int) -> None:
    arch = sample()
    start = normal(arch)
    applied: list[Any] = []
    counter = [0]
    for _ in range(steps):
        edit = data.draw(edit_for(arch, counter))
        snapshot = normal(arch)
        try:
            edit.apply(arch)
        except ModelError:
            assert normal(arch) == snapshot  # a refused edit changes nothing
            continue
        applied.append(edit)
    for edit in reversed(applied):
        edit.revert(arch)
    assert normal(arch) == start


def test_undoing_a_delete_puts_everything_back_in_its_place() -> None:
    arch = sample()
    arch.add_node("late", "subnet", parent="vpc", x=0, y=300, w=200, h=100)
    arch.reparent("alb", "late")  # a child whose index is lower than its new parent's
    arch.connect("e3", "db", "web")
    arch.add_suppression(Suppression("SEC-Z", None, "last"))
    before = to_document(arch)
    for edit in (RemoveNode("late"), RemoveNode("vpc"), Disconnect("e1"), RemoveSuppression("SEC-X", "db"),
                 AddSuppression(Suppression("SEC-Y", None, "replaced")),
                 Compound([Disconnect("e2"), RemoveNode("db"), RemoveNode("web")])):
        edit.apply(arch)
        assert to_document(arch) != before
        edit.revert(arch)
        assert to_document(arch) == before, type(edit).__name__
        assert arch.children("vpc") == ["pub", "priv", "late"]

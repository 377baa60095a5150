"""The architecture model: changes, events, containment and queries."""

from __future__ import annotations

import pytest

from wadesk.catalog import new_architecture
from wadesk.model import Architecture, ModelError, ModelEvent, Suppression
from wadesk.model import queries as q


def _events(arch: Architecture) -> list[ModelEvent]:
    seen: list[ModelEvent] = []
    arch.subscribe(seen.append)
    return seen


def test_every_change_emits_one_event() -> None:
    arch = new_architecture()
    seen = _events(arch)
    arch.add_node("vpc", "vpc", w=400, h=300)
    arch.add_node("web", "ec2", parent="vpc", x=10, y=20)
    arch.add_node("db", "rds")
    arch.move_node("web", 30, 40)
    arch.set_label("web", "Web")
    arch.set_property("db", "multi_az", True)
    arch.connect("e1", "web", "db", props={"protocol": "sql"})
    arch.set_edge_property("e1", "port", 5432)
    arch.reparent("db", "vpc")
    arch.disconnect("e1")
    arch.remove_node("db")
    assert [e.type for e in seen] == [
        "node_added",
        "node_added",
        "node_added",
        "node_moved",
        "node_label_changed",
        "node_props_changed",
        "edge_added",
        "edge_props_changed",
        "node_reparented",
        "edge_removed",
        "node_removed",
    ]


def test_no_event_when_nothing_changes() -> None:
    arch = new_architecture()
    arch.add_node("db", "rds", props={"multi_az": True})
    seen = _events(arch)
    arch.set_property("db", "multi_az", True)
    arch.set_label("db", "")
    arch.move_node("db", 0, 0)
    assert seen == []


def test_properties_take_defaults_and_are_checked() -> None:
    arch = new_architecture()
    arch.add_node("db", "rds")
    assert arch.props_of("db")["multi_az"] is False
    assert arch.props_of("db")["backup_retention_days"] == 1
    with pytest.raises(ModelError, match="node 'db': property 'multi_az': expected true or false"):
        arch.set_property("db", "multi_az", "yes")
    with pytest.raises(ModelError, match="unknown property 'multy_az'"):
        arch.set_property("db", "multy_az", True)
    assert arch.props_of("db")["multi_az"] is False


def test_edge_encryption_follows_protocol_unless_given() -> None:
    arch = new_architecture()
    arch.add_node("a", "alb")
    arch.add_node("b", "ec2")
    arch.connect("e1", "a", "b", props={"protocol": "https"})
    arch.connect("e2", "a", "b", props={"protocol": "http"})
    arch.connect("e3", "a", "b", props={"protocol": "tcp", "encrypted": True})
    assert [arch.edge(e).props["encrypted"] for e in ("e1", "e2", "e3")] == [True, False, True]


def test_bad_structure_is_refused() -> None:
    arch = new_architecture()
    arch.add_node("vpc", "vpc", w=10, h=10)
    arch.add_node("sub", "subnet", parent="vpc", w=10, h=10)
    arch.add_node("web", "ec2")
    with pytest.raises(ModelError, match="duplicate id"):
        arch.add_node("web", "ec2")
    with pytest.raises(ModelError, match="unknown kind"):
        arch.add_node("x", "mainframe")
    with pytest.raises(ModelError, match="cannot hold other nodes"):
        arch.add_node("y", "ec2", parent="web")
    with pytest.raises(ModelError, match="cycle of parents"):
        arch.reparent("vpc", "sub")
    with pytest.raises(ModelError, match="finite"):
        arch.move_node("web", float("nan"), 0)
    with pytest.raises(ModelError, match="greater than 0"):
        arch.move_node("vpc", 0, 0, w=-1)
    with pytest.raises(ModelError, match="not a node"):
        arch.connect("e", "web", "ghost")


def test_removing_a_container_lifts_its_children() -> None:
    arch = new_architecture()
    arch.add_node("vpc", "vpc", w=10, h=10)
    arch.add_node("sub", "subnet", parent="vpc", w=10, h=10)
    arch.add_node("web", "ec2", parent="sub")
    arch.add_suppression(Suppression("R", "sub", "ok"))
    arch.remove_node("sub")
    assert arch.parent_of("web") == "vpc"
    assert arch.suppressions() == []


def test_containment_queries() -> None:
    arch = new_architecture()
    arch.add_node("vpc", "vpc", w=10, h=10)
    arch.add_node("az", "availability_zone", parent="vpc", w=10, h=10, props={"name": "eu-west-1b"})
    arch.add_node("pub", "subnet", parent="az", w=10, h=10, props={"public": True})
    arch.add_node("web", "ec2", parent="pub")
    assert arch.ancestors("web") == ["pub", "az", "vpc"]
    assert arch.descendants("vpc") == ["az", "pub", "web"]
    assert q.subnet_of(arch, "web") == "pub"
    assert q.vpc_of(arch, "web") == "vpc"
    assert q.in_public_subnet(arch, "web")
    assert q.zones_of(arch, "web") == {"eu-west-1b"}
    assert q.nodes_of_kind(arch, "subnet", "vpc") == ["vpc", "pub"]


def test_subnet_zone_wins_over_zone_container_and_groups_span_subnets() -> None:
    arch = new_architecture()
    arch.add_node("vpc", "vpc", w=10, h=10)
    arch.add_node("a", "subnet", parent="vpc", w=10, h=10, props={"availability_zone": "z-a"})
    arch.add_node("b", "subnet", parent="vpc", w=10, h=10, props={"availability_zone": "z-b"})
    arch.add_node("asg", "auto_scaling_group", parent="a", w=10, h=10, props={"subnets": ["a", "b"]})
    arch.add_node("web", "ec2", parent="asg")
    arch.add_node("lone", "ec2", parent="a")
    arch.add_node("free", "ec2")
    assert q.zones_of(arch, "web") == {"z-a", "z-b"}
    assert q.zones_of(arch, "lone") == {"z-a"}
    assert q.zones_of(arch, "free") == frozenset()
    arch.set_property("asg", "subnets", [])
    assert q.zones_of(arch, "web") == {"z-a"}


def test_flow_queries() -> None:
    arch = new_architecture()
    for node_id, kind in [("users", "internet"), ("alb", "alb"), ("web", "ec2"), ("db", "rds")]:
        arch.add_node(node_id, kind)
    arch.connect("e1", "users", "alb")
    arch.connect("e2", "alb", "web")
    arch.connect("e3", "web", "db")
    assert q.successors(arch, "alb") == ["web"]
    assert q.predecessors(arch, "alb") == ["users"]
    assert q.neighbours(arch, "web") == ["db", "alb"]
    assert q.has_path(arch, "users", "db")
    assert q.paths_between(arch, "users", "db") == [["users", "alb", "web", "db"]]
    assert q.reachable_from(arch, ["users"], avoiding=["alb"]) == {"users", "alb"}


def test_copy_is_independent() -> None:
    arch = new_architecture("a")
    arch.add_node("db", "rds")
    other = arch.copy()
    other.set_property("db", "multi_az", True)
    assert arch.props_of("db")["multi_az"] is False


def test_a_copy_keeps_what_the_design_is() -> None:
    arch = new_architecture("a")
    arch.set_scope("account")
    assert arch.copy().scope == "account"


def test_a_node_added_at_a_position_takes_that_place_in_every_order() -> None:
    arch = new_architecture()
    arch.add_node("vpc", "vpc", w=10, h=10)
    for node_id in ("a", "b", "c"):
        arch.add_node(node_id, "ec2", parent="vpc")
    arch.connect("e1", "a", "b")
    arch.connect("e2", "b", "c")
    arch.add_node("m", "s3", parent="vpc", position=2)
    assert arch.node_ids() == ["vpc", "a", "m", "b", "c"]
    assert list(arch.graph.nodes) == list(arch.graph.succ) == list(arch.graph.pred) == arch.node_ids()
    assert arch.children("vpc") == ["a", "m", "b", "c"]  # among its siblings too
    arch.add_node("first", "s3", position=0)
    arch.add_node("last", "s3", position=99)  # past the end: last
    assert arch.node_ids() == ["first", "vpc", "a", "m", "b", "c", "last"]
    assert arch.children(None) == ["first", "vpc", "last"]
    with pytest.raises(ModelError, match="position"):
        arch.add_node("bad", "s3", position=-1)
    assert "bad" not in arch


def test_a_flow_or_suppression_added_at_a_position_takes_that_place() -> None:
    arch = new_architecture()
    for node_id in ("a", "b", "c"):
        arch.add_node(node_id, "ec2")
    arch.connect("e1", "a", "b")
    arch.connect("e2", "b", "c")
    arch.connect("e0", "c", "a", position=0)
    arch.connect("e9", "a", "c", position=1)
    assert arch.edge_ids() == ["e0", "e9", "e1", "e2"]
    assert [e.id for e in arch.edges()] == arch.edge_ids()
    with pytest.raises(ModelError, match="position"):
        arch.connect("ex", "a", "b", position=-2)
    assert not arch.has_edge("ex")
    arch.add_suppression(Suppression("R1", "a", "x"))
    arch.add_suppression(Suppression("R2", None, "y"))
    arch.add_suppression(Suppression("R0", "b", "z"), position=0)
    assert [s.rule for s in arch.suppressions()] == ["R0", "R1", "R2"]


def test_remove_then_add_at_the_old_position_restores_the_order() -> None:
    arch = new_architecture()
    for index in range(6):
        arch.add_node(f"n{index}", "ec2")
    before = arch.node_ids()
    node = arch.node("n3")
    arch.remove_node("n3")
    arch.add_node(node.id, node.kind, position=3)
    assert arch.node_ids() == before
    assert arch.children(None) == before

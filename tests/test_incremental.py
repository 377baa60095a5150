"""Incremental analysis always equals a full analysis, whatever the edit sequence."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fileformat_properties import props_for

from wadesk.analysis.engine import Analyzer, analyse
from wadesk.catalog import CATALOG, new_architecture
from wadesk.model import Architecture, ModelError, Suppression
from wadesk.rules.base import NodeRule, RuleMeta, graph_rule, node_rule

# Kinds that rules talk about most, so random designs hit them often.
HOT = [
    "internet",
    "alb",
    "nlb",
    "waf",
    "cloudfront",
    "api_gateway",
    "ec2",
    "lambda",
    "ecs_service",
    "rds",
    "aurora",
    "dynamodb",
    "elasticache",
    "s3",
    "ebs",
    "efs",
    "nat_gateway",
    "vpc_endpoint",
    "cloudwatch",
    "xray",
    "backup",
    "sqs",
    "sns",
    "cloudtrail",
    "config",
    "guardduty",
    "kms",
    "systems_manager",
    "security_group",
]
CONTAINERS = ["vpc", "availability_zone", "subnet", "auto_scaling_group", "region", "security_group"]
ZONES = ["z-a", "z-b", "z-c", ""]


def _base() -> Architecture:
    arch = new_architecture("random")
    arch.add_node("users", "internet")
    arch.add_node("vpc", "vpc", w=100, h=100)
    for index, zone in enumerate(("z-a", "z-b")):
        arch.add_node(
            f"pub{index}", "subnet", parent="vpc", w=50, h=50, props={"public": True, "availability_zone": zone}
        )
        arch.add_node(f"priv{index}", "subnet", parent="vpc", w=50, h=50, props={"availability_zone": zone})
    return arch


@st.composite
def edit(draw: st.DrawFn, arch: Architecture, counter: list[int]) -> None:
    nodes = arch.node_ids()
    containers = [n for n in nodes if arch.is_container(n)]
    action = draw(
        st.sampled_from(
            [
                "add",
                "add",
                "add",
                "connect",
                "connect",
                "prop",
                "prop",
                "prop",
                "remove",
                "disconnect",
                "reparent",
                "label",
                "suppress",
                "zone",
                "unknown",
                "unknown",
            ]
        )
    )
    counter[0] += 1
    fresh = f"n{counter[0]}"
    if action == "add" or not nodes:
        kind = draw(st.sampled_from(HOT + CONTAINERS))
        container = CATALOG.get(kind).container
        arch.add_node(
            fresh,
            kind,
            parent=draw(st.sampled_from([None, *containers])),
            w=50 if container else None,
            h=50 if container else None,
            props=draw(props_for(kind)),
            unknown=_unknown(draw, kind),
        )
    elif action == "unknown":
        node = draw(st.sampled_from(nodes))
        arch.set_props(node, arch.props_of(node), unknown=_unknown(draw, arch.kind_of(node)))
    elif action == "connect":
        props: dict[str, Any] = {"protocol": draw(st.sampled_from(["https", "http", "sql", "tcp"]))}
        if draw(st.booleans()):
            props["dead_letter"] = True
        arch.connect(
            f"e{counter[0]}",
            draw(st.sampled_from(nodes)),
            draw(st.sampled_from(nodes)),
            props=props,
            label=draw(st.sampled_from(["", "DLQ", "HTTPS"])),
        )
    elif action == "prop":
        node = draw(st.sampled_from(nodes))
        props = draw(props_for(arch.kind_of(node)))
        for name, value in props.items():
            arch.set_property(node, name, value)
    elif action == "zone":
        node = draw(st.sampled_from(nodes))
        kind = arch.kind_of(node)
        if kind == "subnet":
            arch.set_property(node, "availability_zone", draw(st.sampled_from(ZONES)))
            arch.set_property(node, "public", draw(st.booleans()))
        elif kind in ("auto_scaling_group", "alb", "nlb"):
            subnets = [n for n in nodes if arch.kind_of(n) == "subnet"]
            arch.set_property(node, "subnets", draw(st.lists(st.sampled_from(subnets), max_size=3)) if subnets else [])
        elif kind == "availability_zone":
            arch.set_property(node, "name", draw(st.sampled_from(ZONES)))
    elif action == "remove":
        arch.remove_node(draw(st.sampled_from(nodes)))
    elif action == "disconnect":
        edges = arch.edge_ids()
        if edges:
            arch.disconnect(draw(st.sampled_from(edges)))
    elif action == "reparent":
        node = draw(st.sampled_from(nodes))
        try:
            arch.reparent(node, draw(st.sampled_from([None, *containers])))
        except ModelError:
            pass  # a cycle: the model refused, nothing changed
    elif action == "label":
        arch.set_label(draw(st.sampled_from(nodes)), draw(st.sampled_from(["", "Orders DB", "orders-dlq"])))
    elif action == "suppress":
        arch.add_suppression(
            Suppression(draw(st.sampled_from(["REL-DB-SINGLE-AZ", "X"])), draw(st.sampled_from(nodes)), "accepted")
        )


def _unknown(draw: st.DrawFn, kind: str) -> dict[str, str]:
    """Some properties of a kind marked unknown (none, often), as an import of an unresolved source marks them."""
    names = sorted(CATALOG.defaults(kind))
    if not names or draw(st.booleans()):
        return {}
    return {name: f"var.{name}" for name in draw(st.lists(st.sampled_from(names), max_size=3))}


def _set_aside(result: Any) -> list[tuple[Any, ...]]:
    return sorted((u.finding.key, u.finding.message, u.rests_on) for u in result.unjudged)


def _snapshot(findings: Any) -> list[tuple[Any, ...]]:
    return sorted((f.key, f.severity, f.message, f.suppressed, f.justification, f.error) for f in findings)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_incremental_equals_full_after_every_edit(data: st.DataObject) -> None:
    arch = _base()
    analyzer = Analyzer(arch)
    counter = [0]
    for _ in range(data.draw(st.integers(min_value=1, max_value=25))):
        data.draw(edit(arch, counter))
        analyzer.update()
        expected = analyse(arch.copy())
        assert [f.message for f in expected.findings if f.error] == []
        assert _snapshot(analyzer.result().findings) == _snapshot(expected.findings)
        assert _set_aside(analyzer.result()) == _set_aside(expected)
        for node in arch.node_ids()[:5]:
            assert _snapshot(analyzer.findings_for(node)) == _snapshot(expected.for_node(node))


def test_update_reports_the_nodes_whose_findings_changed() -> None:
    arch = _base()
    arch.add_node("db", "rds", parent="priv0")
    analyzer = Analyzer(arch)
    arch.set_property("db", "multi_az", True)
    assert "db" in analyzer.update()
    arch.move_node("db", 10, 10)
    assert analyzer.update() == set()


_META = RuleMeta(
    id="T-BROKEN", title="t", pillar="security", severity="high", wa_bp="SEC01-BP01", rationale="r", remediation="f"
)


def _boom(*_: object) -> Any:
    raise RuntimeError("boom")


def test_a_rule_that_raises_becomes_a_visible_finding() -> None:
    arch = new_architecture()
    arch.add_node("db", "rds")
    rules: list[Any] = [node_rule(_META, ["rds"], _boom), graph_rule(_META.model_copy(update={"id": "T-G"}), _boom)]
    result = analyse(arch, rules)
    failed = {f.key: f for f in result.findings}
    assert failed["T-BROKEN@db"].error and "boom" in failed["T-BROKEN@db"].message
    assert failed["T-G@"].error and failed["T-G@"].node is None
    assert isinstance(rules[0], NodeRule)


def test_drawing_or_renaming_a_flow_reruns_only_the_rules_that_read_flows() -> None:
    runs = {"flows": 0, "no_flows": 0}

    def counting(name: str):  # type: ignore[no-untyped-def]
        def check(ctx):  # type: ignore[no-untyped-def]
            runs[name] += 1
            return iter(())

        return check

    meta = {
        "title": "t",
        "pillar": "security",
        "severity": "low",
        "wa_bp": "SEC01-BP01",
        "rationale": "r",
        "remediation": "f",
    }
    rules = [
        graph_rule(RuleMeta(id="READS-FLOWS", **meta), counting("flows")),
        graph_rule(RuleMeta(id="NO-FLOWS", **meta), counting("no_flows"), flows=False),
    ]
    arch = new_architecture("t")
    arch.add_node("a", "ec2")
    arch.add_node("b", "rds")
    analyzer = Analyzer(arch, rules)
    runs.update(flows=0, no_flows=0)
    arch.connect("e", "a", "b", props={"protocol": "sql"})
    analyzer.update()
    assert runs == {"flows": 1, "no_flows": 0}
    arch.set_edge_label("e", "orders-dlq")
    analyzer.update()
    assert runs == {"flows": 1, "no_flows": 0}
    arch.set_edge_property("e", "port", 3306)
    arch.disconnect("e")
    analyzer.update()
    assert runs == {"flows": 2, "no_flows": 0}
    arch.add_node("c", "s3")
    analyzer.update()
    assert runs == {"flows": 3, "no_flows": 1}

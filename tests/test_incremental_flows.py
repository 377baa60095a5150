"""Drawing or removing a flow re-runs each graph rule only as far as it declares, and still equals a full analysis.

Every rule declares how far a flow change reaches into its findings
(``GraphRule.flows``); these tests check the declarations against the only
thing that matters: after any sequence of flow edits, the incremental result
of every rule equals a full re-analysis of the design.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_incremental import _base, edit

from wadesk.analysis.engine import Analyzer, analyse
from wadesk.fileformat import load_design
from wadesk.model import Architecture
from wadesk.rules.base import FLOW_SCOPES, GraphRule, Hit, RuleMeta, graph_rule
from wadesk.rules.registry import ALL_RULES

ROOT = Path(__file__).resolve().parent.parent
DESIGNS = sorted([*(ROOT / "examples").glob("*.wadesk"), *(ROOT / "tests" / "regression").glob("*.wadesk")])
PROTOCOLS = ["https", "http", "sql", "tcp", "tls", "other"]


def _by_rule(findings: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Findings grouped by rule, so a difference names the rule whose declaration is wrong."""
    grouped: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for f in findings:
        grouped[f.rule].append((f.node, f.severity, f.message, f.suppressed, f.error))
    return {rule: sorted(rows, key=repr) for rule, rows in grouped.items()}


def _assert_equals_full(analyzer: Analyzer, arch: Architecture, what: str) -> None:
    analyzer.update()
    expected = analyse(arch.copy())
    assert [f.message for f in expected.findings if f.error] == [], what
    assert _by_rule(analyzer.result().findings) == _by_rule(expected.findings), what


def _flow_props(rng: random.Random) -> dict[str, Any]:
    props: dict[str, Any] = {"protocol": rng.choice(PROTOCOLS)}
    if rng.random() < 0.2:
        props["port"] = rng.choice([22, 443, 3306, 2049])
    if rng.random() < 0.1:
        props["administrative"] = True
    if rng.random() < 0.1:
        props["dead_letter"] = True
    if rng.random() < 0.1:
        props["service_notifications"] = True
    return props


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.stem)
def test_removing_and_redrawing_every_flow_equals_a_full_analysis(path: Path) -> None:
    arch = load_design(path)
    analyzer = Analyzer(arch)
    for edge in list(arch.edges()):
        position = arch.edge_ids().index(edge.id)
        arch.disconnect(edge.id)
        _assert_equals_full(analyzer, arch, f"after removing {edge.source} -> {edge.target}")
        arch.connect(edge.id, edge.source, edge.target, label=edge.label, props=edge.props, position=position)
        _assert_equals_full(analyzer, arch, f"after drawing {edge.source} -> {edge.target} again")


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.stem)
def test_drawing_random_flows_equals_a_full_analysis(path: Path) -> None:
    arch = load_design(path)
    analyzer = Analyzer(arch)
    rng = random.Random(path.stem)
    nodes = arch.node_ids()
    for index in range(25):
        source, target = rng.choice(nodes), rng.choice(nodes)
        arch.connect(f"random-{index}", source, target, props=_flow_props(rng))
        _assert_equals_full(analyzer, arch, f"after drawing {source} -> {target}")
        if rng.random() < 0.3:
            removed = rng.choice(arch.edge_ids())
            arch.disconnect(removed)
            _assert_equals_full(analyzer, arch, f"after removing {removed}")
        if rng.random() < 0.2:
            edited = rng.choice(arch.edge_ids())
            arch.set_edge_props(edited, _flow_props(rng))
            _assert_equals_full(analyzer, arch, f"after editing {edited}")


def _generated(size: int) -> Architecture:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import three_tier_design
    finally:
        sys.path.remove(str(ROOT / "bench"))
    arch: Architecture = three_tier_design(size)
    return arch


def _mixed() -> Architecture:
    """A small design on which the rules the other designs leave silent report something."""
    arch = _base()
    arch.add_node("cdn", "cloudfront")
    arch.add_node("site", "s3")
    arch.add_node("topic", "sns")
    arch.add_node("fn", "lambda")
    arch.add_node("db", "rds", parent="priv0")
    arch.add_node("lb", "alb", parent="pub0", props={"scheme": "internet-facing"})
    arch.add_node("idle", "alb", parent="pub1")
    arch.add_node("svc", "ecs_service", parent="priv0", props={"desired_count": 1})
    arch.add_node("svc2", "ecs_service", parent="priv1", props={"desired_count": 1})
    arch.add_node("api", "api_gateway")
    arch.add_node("watch", "cloudwatch")
    flows = [
        ("users", "cdn"), ("cdn", "site"), ("topic", "fn"), ("fn", "db"), ("users", "lb"), ("lb", "svc"),
        ("users", "api"), ("api", "fn"), ("svc", "db"), ("svc", "watch"),
    ]
    for index, (source, target) in enumerate(flows):
        arch.connect(f"m{index}", source, target, props={"protocol": "https"})
    return arch


def test_the_mixed_design_makes_the_quiet_rules_report() -> None:
    fired = {f.rule for f in analyse(_mixed()).findings}
    expected = {"OPS-NO-TRACING", "SEC-LAMBDA-NOT-IN-VPC", "SEC-CLOUDFRONT-NO-OAC", "REL-ASYNC-NO-DLQ",
                "REL-ECS-SINGLE-TASK", "COST-IDLE-LOAD-BALANCER"}
    assert expected <= fired, expected - fired


def test_every_flow_of_the_mixed_design_and_random_ones_equal_a_full_analysis() -> None:
    arch = _mixed()
    analyzer = Analyzer(arch)
    for edge in list(arch.edges()):
        arch.disconnect(edge.id)
        _assert_equals_full(analyzer, arch, f"after removing {edge.source} -> {edge.target}")
        arch.connect(edge.id, edge.source, edge.target, label=edge.label, props=edge.props)
        _assert_equals_full(analyzer, arch, f"after drawing {edge.source} -> {edge.target} again")
    rng = random.Random(6)
    nodes = arch.node_ids()
    for index in range(40):
        if rng.random() < 0.6 or not arch.edge_ids():
            arch.connect(f"x{index}", rng.choice(nodes), rng.choice(nodes), props=_flow_props(rng))
        else:
            arch.disconnect(rng.choice(arch.edge_ids()))
        _assert_equals_full(analyzer, arch, f"step {index}")


def test_flows_on_a_generated_design_equal_a_full_analysis() -> None:
    arch = _generated(60)
    analyzer = Analyzer(arch)
    rng = random.Random(11)
    nodes = arch.node_ids()
    for index in range(30):
        if rng.random() < 0.6:
            source, target = rng.choice(nodes), rng.choice(nodes)
            arch.connect(f"g-{index}", source, target, props=_flow_props(rng))
        else:
            arch.disconnect(rng.choice(arch.edge_ids()))
        _assert_equals_full(analyzer, arch, f"step {index}")


@st.composite
def flow_edit(draw: st.DrawFn, arch: Architecture, counter: list[int]) -> None:
    nodes = arch.node_ids()
    edges = arch.edge_ids()
    action = draw(st.sampled_from(["connect", "connect", "disconnect", "props"]))
    counter[0] += 1
    if action == "connect" or not edges:
        props: dict[str, Any] = {"protocol": draw(st.sampled_from(PROTOCOLS))}
        if draw(st.booleans()):
            props["port"] = draw(st.sampled_from([22, 443, 3306]))
        if draw(st.integers(0, 5)) == 0:
            props["administrative"] = True
        if draw(st.integers(0, 5)) == 0:
            props["dead_letter"] = True
        if draw(st.integers(0, 7)) == 0:
            props["service_notifications"] = True
        arch.connect(f"f{counter[0]}", draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes)), props=props)
    elif action == "disconnect":
        arch.disconnect(draw(st.sampled_from(edges)))
    else:
        edge = draw(st.sampled_from(edges))
        arch.set_edge_property(edge, "protocol", draw(st.sampled_from(PROTOCOLS)))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_random_flow_edits_on_random_designs_equal_a_full_analysis(data: st.DataObject) -> None:
    arch = _base()
    counter = [0]
    for _ in range(data.draw(st.integers(min_value=3, max_value=20))):
        data.draw(edit(arch, counter))
    if not arch.node_ids():
        return
    analyzer = Analyzer(arch)
    for step in range(data.draw(st.integers(min_value=1, max_value=12))):
        data.draw(flow_edit(arch, counter))
        if data.draw(st.booleans()):  # several changes before one update, as an undo macro makes
            data.draw(flow_edit(arch, counter))
        _assert_equals_full(analyzer, arch, f"flow edit {step}")


def test_every_rule_declares_a_known_flow_scope() -> None:
    for rule in ALL_RULES:
        if isinstance(rule, GraphRule):
            assert rule.flows in FLOW_SCOPES, rule.id


_META = RuleMeta(
    id="T-SCOPE", title="t", pillar="security", severity="low", wa_bp="SEC01-BP01", rationale="r", remediation="f"
)


def test_a_rule_reporting_outside_its_subjects_fails_visibly() -> None:
    def check(ctx):  # type: ignore[no-untyped-def]
        for node in ctx.nodes("rds"):  # should be ctx.subjects("rds")
            yield Hit(node, "x")

    arch = _base()
    arch.add_node("db", "rds", parent="priv0")
    result = analyse(arch, [graph_rule(_META, check, flows="ends")])
    (finding,) = result.findings
    assert finding.error and "ctx.subjects()" in finding.message


def test_a_flow_rejudges_only_the_nodes_it_can_affect() -> None:
    judged: list[str] = []

    def check(ctx):  # type: ignore[no-untyped-def]
        for node in ctx.subjects("lambda"):
            judged.append(node)
            if not ctx.successors(node):
                yield Hit(node, "sends nowhere")

    arch = _base()
    for name in ("f1", "f2", "f3"):
        arch.add_node(name, "lambda")
    arch.add_node("table", "dynamodb")
    analyzer = Analyzer(arch, [graph_rule(_META, check, flows="ends")])
    assert sorted(judged) == ["f1", "f2", "f3"]
    judged.clear()
    arch.connect("e", "f2", "table", props={"protocol": "https"})
    analyzer.update()
    assert judged == ["f2"]
    assert {f.node for f in analyzer.result().findings} == {"f1", "f3"}
    judged.clear()
    arch.disconnect("e")
    analyzer.update()
    assert judged == ["f2"]
    assert {f.node for f in analyzer.result().findings} == {"f1", "f2", "f3"}


def test_flows_to_kms_cloudwatch_and_backup_rejudge_their_ends() -> None:
    """SEC-SAGEMAKER-NO-KMS, SEC-CLOUDTRAIL-NO-CLOUDWATCH and REL-BACKUP-ONE-REGION read their node's own flows."""
    arch = Architecture()
    for node_id, kind in [
        ("nb", "sagemaker"),
        ("key", "kms"),
        ("trail", "cloudtrail"),
        ("logs", "cloudwatch"),
        ("plan", "backup"),
        ("db", "rds"),
        ("bucket", "s3"),
    ]:
        arch.add_node(node_id, kind, props={"replication": True} if kind == "s3" else {})
    analyzer = Analyzer(arch)
    analyzer.update()
    for index, (source, target) in enumerate([("nb", "key"), ("trail", "logs"), ("plan", "bucket"), ("plan", "db")]):
        arch.connect(f"f{index}", source, target)
        _assert_equals_full(analyzer, arch, f"after drawing {source} -> {target}")
    for index in (0, 1, 3):
        arch.disconnect(f"f{index}")
        _assert_equals_full(analyzer, arch, f"after removing f{index}")

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
from wadesk.rules.context import Context
from wadesk.rules.registry import ALL_RULES
from wadesk.rules.walks import Walk

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
    set_aside = _by_rule(u.finding for u in analyzer.result().unjudged)
    assert set_aside == _by_rule(u.finding for u in expected.unjudged), what


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


def test_flows_and_edits_around_unknown_properties_equal_a_full_analysis() -> None:
    """Unknown settings that node rules and graph rules (reachability, a walk through the load balancer) read."""
    arch = _mixed()
    arch.set_props("lb", arch.props_of("lb"), unknown={"scheme": "var.scheme", "https_only": "var.tls"})
    arch.set_props("db", arch.props_of("db"), unknown={"storage_encrypted": "var.enc", "publicly_accessible": "x"})
    arch.set_props("svc", arch.props_of("svc"), unknown={"desired_count": "var.count"})
    analyzer = Analyzer(arch)
    assert analyzer.result().unjudged
    for edge in list(arch.edges()):
        arch.disconnect(edge.id)
        _assert_equals_full(analyzer, arch, f"after removing {edge.source} -> {edge.target}")
        arch.connect(edge.id, edge.source, edge.target, label=edge.label, props=edge.props)
        _assert_equals_full(analyzer, arch, f"after drawing {edge.source} -> {edge.target} again")
    rng = random.Random(8)
    nodes = arch.node_ids()
    for index in range(30):
        if rng.random() < 0.6 or not arch.edge_ids():
            arch.connect(f"u{index}", rng.choice(nodes), rng.choice(nodes), props=_flow_props(rng))
        else:
            arch.disconnect(rng.choice(arch.edge_ids()))
        _assert_equals_full(analyzer, arch, f"step {index}")
    for node, name in (("lb", "scheme"), ("db", "storage_encrypted"), ("svc", "desired_count"), ("lb", "https_only")):
        arch.set_property(node, name, arch.props_of(node)[name])  # stated: known from now on
        _assert_equals_full(analyzer, arch, f"after stating {name} of {node}")
    assert not arch.unknown_of("lb") and not arch.unknown_of("svc")


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


# ------------------------------------------------------------------ cases aimed at the kept walks and the scopes
def _step(analyzer: Analyzer, arch: Architecture, what: str) -> None:
    """Check the findings, and the walks the analyzer keeps against the ones a fresh analysis runs.

    A walk is repaired when a rule next reads it; one that no rule read since the change is left out,
    except the walk from the internet, which is brought up to date here.
    """
    _assert_equals_full(analyzer, arch, what)
    Context(arch, analyzer._memo).from_internet()
    fresh = Analyzer(arch.copy())
    fresh.close()
    kept, afresh = analyzer._memo.reaches, fresh._memo.reaches
    assert "from_internet" in kept
    for key in kept.keys() & afresh.keys():
        if kept[key].pending:
            continue
        assert (kept[key].dist, kept[key].parents) == (afresh[key].dist, afresh[key].parents), f"{what}: walk {key!r}"


def test_flows_to_a_hub_with_many_senders_equal_a_full_analysis() -> None:
    """A CloudWatch node every web server and database sends to: drawing, removing and cutting its senders."""
    arch = _generated(60)
    analyzer = Analyzer(arch)
    senders = [source for source in arch.graph.predecessors("watch")]
    assert len(senders) >= 10
    for index, cell in enumerate((1, 3)):
        arch.connect(f"hub-{index}", f"c{cell}-worker", "watch", props={"protocol": "https"})
        _step(analyzer, arch, f"after drawing c{cell}-worker -> watch")
    # The first sender is the one every walk reaches the hub from: removing it re-parents the hub.
    for edge in [e for e in arch.edges() if e.target == "watch"][:4]:
        arch.disconnect(edge.id)
        _step(analyzer, arch, f"after removing {edge.source} -> watch")
        arch.connect(edge.id, edge.source, edge.target, props=edge.props)
        _step(analyzer, arch, f"after drawing {edge.source} -> watch again")
    arch.connect("watch-out", "watch", "c2-queue", props={"protocol": "https"})
    _step(analyzer, arch, "after drawing a flow out of the hub")
    for edge in [e for e in arch.edges() if e.target == "watch"]:
        arch.disconnect(edge.id)
    _step(analyzer, arch, "after removing every flow to the hub at once")


def test_internet_flows_onto_nodes_already_reached_equal_a_full_analysis() -> None:
    arch = _generated(60)
    analyzer = Analyzer(arch)
    for index, target in enumerate(["c2-alb", "c2-web", "c2-asg", "c2-db", "c3-queue", "c4-assets", "watch"]):
        arch.connect(f"direct-{index}", "users", target, props={"protocol": "https"})
        _step(analyzer, arch, f"after drawing users -> {target}")
    # The cell's own way in goes; the direct flows still reach it, by other paths.
    for edge in ("c2-f0", "c2-f1", "c2-f2"):
        arch.disconnect(edge)
        _step(analyzer, arch, f"after removing {edge}")
    for index in range(7):
        arch.disconnect(f"direct-{index}")
        _step(analyzer, arch, f"after removing direct-{index}")


def test_removing_links_of_a_chain_cuts_what_lies_past_them() -> None:
    arch = _generated(60)
    analyzer = Analyzer(arch)
    arch.connect("detour", "c1-worker", "c2-table", props={"protocol": "https"})
    _step(analyzer, arch, "after drawing a detour")
    for edge in ("c2-f0", "c2-f1", "c2-f2", "c1-f5", "c1-f6", "detour"):
        arch.disconnect(edge)
        _step(analyzer, arch, f"after removing {edge}")
    arch.connect("back", "users", "c2-alb", props={"protocol": "https"})
    _step(analyzer, arch, "after drawing users -> c2-alb")


@pytest.mark.parametrize(
    "props",
    [
        {"protocol": "tcp", "port": 22},
        {"protocol": "tcp", "port": 3389},
        {"protocol": "https", "administrative": True},
        {"protocol": "https", "service_notifications": True},
    ],
    ids=["ssh", "rdp", "administrative", "notifications"],
)
def test_flows_that_carry_no_request_reach_nothing_behind_their_target(props: dict[str, Any]) -> None:
    arch = _generated(60)
    analyzer = Analyzer(arch)
    before = {f.key for f in analyzer.result().findings if f.rule == "SEC-DATA-EXPOSED"}
    for index, target in enumerate(["c1-web", "c1-asg", "c2-db", "c3-worker"]):
        arch.connect(f"quiet-{index}", "users", target, props=props)
        _step(analyzer, arch, f"after drawing users -> {target} ({props})")
    arch.connect("reqs", "users", "c4-web", props={"protocol": "https"})
    _step(analyzer, arch, "after drawing a request flow beside them")
    exposed = {f.key for f in analyzer.result().findings if f.rule == "SEC-DATA-EXPOSED"}
    # Only the request flow exposes stores (those behind c4-web); the quiet ones expose nothing.
    assert exposed - before == {"SEC-DATA-EXPOSED@c4-db", "SEC-DATA-EXPOSED@c4-cache"}
    arch.set_edge_props("quiet-0", {"protocol": "https"})
    _step(analyzer, arch, "after the first quiet flow became a request flow")
    arch.set_edge_props("reqs", props)
    _step(analyzer, arch, "after the request flow became a quiet one")
    for index in range(4):
        arch.disconnect(f"quiet-{index}")
        _step(analyzer, arch, f"after removing quiet-{index}")


def test_attaching_and_detaching_a_waf_either_way_equals_a_full_analysis() -> None:
    """A WAF drawn beside an entry point covers what lies past it, whichever way the flow between them goes."""
    arch = _generated(60)
    arch.add_node("acl", "waf")
    arch.add_node("lb", "alb", parent="pub-a")
    arch.add_node("api", "api_gateway")
    analyzer = Analyzer(arch)
    for edge, source, target in [("in", "users", "lb"), ("on", "lb", "api"), ("to", "api", "c1-queue")]:
        arch.connect(edge, source, target, props={"protocol": "https"})
        _step(analyzer, arch, f"after drawing {source} -> {target}")
    unguarded = {f.node for f in analyzer.result().findings if f.rule == "SEC-NO-WAF"}
    assert {"lb", "api"} <= unguarded
    for edge, source, target in [("a1", "lb", "acl"), ("a2", "acl", "lb"), ("a3", "c2-alb", "c1-waf")]:
        arch.connect(edge, source, target, props={"protocol": "https"})
        _step(analyzer, arch, f"after drawing {source} -> {target}")
        if edge == "a1":  # the web ACL on lb covers api behind it
            assert not {"lb", "api"} & {f.node for f in analyzer.result().findings if f.rule == "SEC-NO-WAF"}
    for edge in ("a2", "a1", "a3", "in"):
        arch.disconnect(edge)
        _step(analyzer, arch, f"after removing {edge}")


def test_drawing_and_removing_cache_flows_equals_a_full_analysis() -> None:
    arch = _generated(60)
    analyzer = Analyzer(arch)
    for cell in (1, 2):
        arch.disconnect(f"c{cell}-f4")  # web -> cache
        _step(analyzer, arch, f"after removing c{cell}-web -> c{cell}-cache")
    assert any(f.key == "PERF-DB-NO-CACHE@c1-db" for f in analyzer.result().findings)
    drawn = [("k1", "c1-cache", "c1-web"), ("k2", "c2-asg", "c2-cache"), ("k3", "c3-cache", "c1-asg")]
    for edge, source, target in drawn:
        arch.connect(edge, source, target, props={"protocol": "tls"})
        _step(analyzer, arch, f"after drawing {source} -> {target}")
    for edge in ("k1", "k2", "k3"):
        arch.disconnect(edge)
        _step(analyzer, arch, f"after removing {edge}")


def _judged_by(scope: str, source: str, target: str) -> set[str]:
    """The nodes a rule with ``scope`` judges again after ``source -> target`` is drawn on a generated design."""
    judged: set[str] = set()

    def check(ctx):  # type: ignore[no-untyped-def]
        judged.update(ctx.subjects())
        return iter(())

    arch = _generated(200)
    analyzer = Analyzer(arch, [graph_rule(_META, check, flows=scope)])  # type: ignore[arg-type]
    judged.clear()
    arch.connect("new", source, target, props={"protocol": "https"})
    analyzer.update()
    return judged - {n for n in judged if arch.is_container(n)}


def test_a_flow_from_the_internet_rejudges_only_what_its_target_leads_to() -> None:
    judged = _judged_by("downstream", "users", "c3-alb")
    assert {"users", "c3-alb", "c3-web", "c3-db", "watch"} <= judged
    assert not any(n.startswith(("c1-", "c2-", "c4-")) for n in judged), sorted(judged)


def test_a_flow_to_a_hub_rejudges_none_of_its_other_senders() -> None:
    for scope in ("downstream", "paths"):
        judged = _judged_by(scope, "c1-web", "watch")
        assert {"c1-web", "watch"} <= judged
        assert not any(n.startswith(("c2-", "c3-", "c4-")) for n in judged), (scope, sorted(judged))


def _walk_over(edges: list[tuple[str, str]], starts: tuple[str, ...], blocked: set[str]) -> Any:
    """A walk over a plain list of flows, and the functions it reads them with."""

    def successors(node: str) -> list[str]:
        return list(dict.fromkeys(t for s, t in edges if s == node))

    def predecessors(node: str) -> list[str]:
        return list(dict.fromkeys(s for s, t in edges if t == node))

    def through(node: str) -> bool:
        return node not in blocked

    def position(node: str) -> int:
        return int(node[1:])

    def fresh() -> Walk:
        walk = Walk(starts, None)
        walk.run(successors, through, position)
        return walk

    return fresh, lambda walk: walk.repair(successors, predecessors, through, position)


def test_a_node_brought_nearer_becomes_the_parent_of_what_it_now_ties_for() -> None:
    """n5 is two flows from n0 through n4; once n1 is one flow away it offers the same distance, and comes first."""
    edges = [("n0", "n2"), ("n2", "n3"), ("n3", "n1"), ("n0", "n4"), ("n4", "n5"), ("n1", "n5")]
    fresh, repair = _walk_over(edges, ("n0",), set())
    walk = fresh()
    assert walk.parents["n5"] == "n4"
    edges.append(("n0", "n1"))
    walk.pending.add("n1")
    repair(walk)
    assert walk.parents["n5"] == "n1"
    assert (walk.dist, walk.parents) == (fresh().dist, fresh().parents)


def test_a_repaired_walk_equals_a_walk_run_afresh() -> None:
    rng = random.Random(20261201)
    for _ in range(3000):
        size = rng.randint(2, 10)
        names = [f"n{i}" for i in range(size)]
        edges = [(rng.choice(names), rng.choice(names)) for _ in range(rng.randint(0, 3 * size))]
        starts = tuple(rng.sample(names, rng.randint(1, 2)))
        blocked = {n for n in names if rng.random() < 0.2}
        fresh, repair = _walk_over(edges, starts, blocked)
        walk = fresh()
        for _ in range(rng.randint(1, 5)):
            for _ in range(rng.randint(1, 3)):  # several changes before one repair
                if edges and rng.random() < 0.5:
                    _source, target = edges.pop(rng.randrange(len(edges)))
                else:
                    _source, target = rng.choice(names), rng.choice(names)
                    edges.append((_source, target))
                walk.pending.add(target)
            repair(walk)
            expected = fresh()
            assert (walk.dist, walk.parents) == (expected.dist, expected.parents), (edges, starts, blocked)


def _padded(arch: Architecture) -> Architecture:
    """``arch`` with unrelated nodes added, so that a flow's focus is a small part of it and rules re-run in part."""
    for index in range(40):
        arch.add_node(f"pad{index}", "sns")
    return arch


def test_a_flow_to_a_service_changes_the_peers_of_its_siblings() -> None:
    """REL-ECS-SINGLE-TASK: services one upstream node sends to are one service; a flow to one judges the others."""
    arch = _padded(_base())
    arch.add_node("lb", "alb", parent="pub0")
    for name, subnet in (("svc1", "priv0"), ("svc2", "priv1")):
        arch.add_node(name, "ecs_service", parent=subnet, props={"desired_count": 1})
    arch.connect("users-lb", "users", "lb", props={"protocol": "https"})
    arch.connect("lb-1", "lb", "svc1", props={"protocol": "https"})
    analyzer = Analyzer(arch)
    single = {f.node for f in analyzer.result().findings if f.rule == "REL-ECS-SINGLE-TASK"}
    assert single == {"svc1", "svc2"}
    arch.connect("lb-2", "lb", "svc2", props={"protocol": "https"})
    _step(analyzer, arch, "after lb -> svc2")
    assert not any(f.rule == "REL-ECS-SINGLE-TASK" for f in analyzer.result().findings)
    arch.disconnect("lb-2")
    _step(analyzer, arch, "after removing lb -> svc2")


def test_a_backup_plan_drawn_to_an_instance_covers_its_volumes() -> None:
    """REL-NO-BACKUP: AWS Backup copies an instance with its volumes; a flow to the instance judges the volumes."""
    arch = _padded(_base())
    arch.add_node("host", "ec2", parent="priv0")
    arch.add_node("vol", "ebs", parent="priv0")
    arch.add_node("plan", "backup")
    arch.connect("attach", "host", "vol")
    analyzer = Analyzer(arch)
    assert any(f.key == "REL-NO-BACKUP@vol" for f in analyzer.result().findings)
    for edge, source, target in (("b1", "plan", "host"), ("b2", "host", "plan")):
        arch.connect(edge, source, target)
        _step(analyzer, arch, f"after {source} -> {target}")
        assert not any(f.key == "REL-NO-BACKUP@vol" for f in analyzer.result().findings)
        arch.disconnect(edge)
        _step(analyzer, arch, f"after removing {source} -> {target}")


def test_many_random_flows_among_the_kinds_partial_rules_read_equal_a_full_analysis() -> None:
    """Random flows among nodes of every kind a rule with a partial scope reads, drawn and removed."""
    arch = _mixed()
    extra = [
        ("host", "ec2", "priv0"), ("vol", "ebs", "priv0"), ("plan", "backup", None), ("acl", "waf", None),
        ("cache", "elasticache", "priv1"), ("key", "kms", None), ("trace", "xray", None),
        ("svc3", "ecs_service", "priv1"), ("asg", "auto_scaling_group", "priv1"), ("gw", "internet_gateway", "vpc"),
        ("queue", "sqs", None), ("table", "dynamodb", None), ("sg", "security_group", "priv0"),
    ]
    for name, kind, parent in extra:
        arch.add_node(name, kind, parent=parent, props={"desired_count": 1} if kind == "ecs_service" else {})
    arch.add_node("member", "ec2", parent="asg")
    arch.add_node("guarded", "ec2", parent="sg")
    nodes = arch.node_ids()
    analyzer = Analyzer(_padded(arch))
    rng = random.Random(1201)
    for index in range(150):
        if rng.random() < 0.65 or not arch.edge_ids():
            arch.connect(f"r{index}", rng.choice(nodes), rng.choice(nodes), props=_flow_props(rng))
        else:
            arch.disconnect(rng.choice(arch.edge_ids()))
        _assert_equals_full(analyzer, arch, f"step {index}")


def test_edits_of_flows_into_a_node_many_flows_reach_equal_a_full_analysis() -> None:
    """SEC-PLAINTEXT-CROSSING keeps its verdict per flow: editing, relabelling and moving must still show."""
    arch = _generated(60)
    analyzer = Analyzer(arch)
    for cell in range(5):
        arch.connect(f"plain-{cell}", f"c{cell}-web", "c1-table", props={"protocol": "http"})
        _step(analyzer, arch, f"after c{cell}-web -> c1-table over HTTP")
    assert any(f.key == "SEC-PLAINTEXT-CROSSING@c1-table" for f in analyzer.result().findings)
    arch.set_edge_property("plain-0", "encrypted", True)
    _step(analyzer, arch, "after encrypting plain-0")
    arch.set_edge_props("plain-1", {"protocol": "https"})
    _step(analyzer, arch, "after plain-1 became HTTPS")
    arch.set_label("c2-web", "Web two")
    _step(analyzer, arch, "after relabelling c2-web")
    arch.set_property("pub-a", "public", False)
    _step(analyzer, arch, "after a subnet stopped being public")
    arch.reparent("c3-db", "pub-b")
    _step(analyzer, arch, "after moving c3-db")
    arch.connect("plain-db", "c3-web", "c3-db", props={"protocol": "sql"})
    _step(analyzer, arch, "after c3-web -> c3-db across subnets")
    for edge in ("plain-0", "plain-1", "plain-2", "plain-db"):
        arch.disconnect(edge)
        _step(analyzer, arch, f"after removing {edge}")


def test_administrative_flows_from_the_internet_and_a_gateway_equal_a_full_analysis() -> None:
    """SEC-SG-OPEN-ADMIN: an SSH flow from a gateway speaks until something is drawn sending to the gateway."""
    arch = _padded(_base())
    arch.add_node("gw", "internet_gateway", parent="vpc")
    arch.add_node("open", "security_group", parent="priv0", props={
        "ingress": [{"cidr": "0.0.0.0/0", "port_from": 22, "port_to": 22}]
    })
    arch.add_node("inside", "ec2", parent="open")
    for name in ("host", "other"):
        arch.add_node(name, "ec2", parent="priv1")
    analyzer = Analyzer(arch)
    for edge, source, target in [("s1", "gw", "host"), ("s2", "users", "other"), ("s3", "users", "inside")]:
        arch.connect(edge, source, target, props={"protocol": "tcp", "port": 22})
        _step(analyzer, arch, f"after ssh {source} -> {target}")
    admin = {f.node for f in analyzer.result().findings if f.rule == "SEC-SG-OPEN-ADMIN"}
    assert admin == {"host", "other", "open"}
    arch.connect("into-gw", "users", "gw", props={"protocol": "https"})
    _step(analyzer, arch, "after users -> gw")
    assert "host" not in {f.node for f in analyzer.result().findings if f.rule == "SEC-SG-OPEN-ADMIN"}
    for edge in ("into-gw", "s1", "s3"):
        arch.disconnect(edge)
        _step(analyzer, arch, f"after removing {edge}")


def test_an_alarm_routed_anywhere_judges_every_cloudwatch_node_again() -> None:
    """OPS-ALARMS-NOT-ROUTED: one CloudWatch node that routes its alarms covers the others."""
    arch = _padded(_base())
    arch.add_node("logs", "cloudwatch")
    arch.add_node("metrics", "cloudwatch", props={"alarms": True})
    arch.add_node("topic", "sns")
    for name in ("fn1", "fn2"):
        arch.add_node(name, "lambda")
        arch.connect(f"{name}-logs", name, "logs")
        arch.connect(f"{name}-metrics", name, "metrics")
    analyzer = Analyzer(arch)
    assert {"logs", "metrics"} <= {f.node for f in analyzer.result().findings if f.rule == "OPS-ALARMS-NOT-ROUTED"}
    arch.connect("route", "metrics", "topic")
    _step(analyzer, arch, "after metrics -> topic")
    assert not any(f.rule == "OPS-ALARMS-NOT-ROUTED" for f in analyzer.result().findings)
    arch.connect("more", "fn1", "logs", props={"protocol": "https"})
    _step(analyzer, arch, "after another flow to logs")
    for edge in ("route", "more", "fn2-logs"):
        arch.disconnect(edge)
        _step(analyzer, arch, f"after removing {edge}")


def test_a_load_balancer_drawn_to_one_server_of_a_tier_judges_the_others() -> None:
    """PERF-NO-LOAD-BALANCER: servers the internet sends to straight are one tier until a balancer fronts one."""
    arch = _padded(_base())
    arch.add_node("lb", "alb", parent="pub0")
    for name, subnet in (("web1", "priv0"), ("web2", "priv1"), ("web3", "priv1")):
        arch.add_node(name, "ec2", parent=subnet, props={"workload": "web"})
        arch.connect(f"to-{name}", "users", name, props={"protocol": "https"})
    analyzer = Analyzer(arch)
    assert {f.node for f in analyzer.result().findings if f.rule == "PERF-NO-LOAD-BALANCER"} == {"web1", "web2", "web3"}
    for edge, source, target in [("b1", "lb", "web1"), ("b2", "lb", "web2")]:
        arch.connect(edge, source, target, props={"protocol": "https"})
        _step(analyzer, arch, f"after {source} -> {target}")
    assert not any(f.rule == "PERF-NO-LOAD-BALANCER" for f in analyzer.result().findings)
    for edge in ("b1", "to-web3", "b2"):
        arch.disconnect(edge)
        _step(analyzer, arch, f"after removing {edge}")


def test_a_second_link_or_nat_gateway_drawn_judges_the_first_again() -> None:
    """REL-SINGLE-PRIVATE-LINK and REL-SINGLE-NAT read flows of other nodes than their subject's own."""
    arch = _padded(_base())
    arch.add_node("corp", "corporate_network")
    arch.add_node("dx", "direct_connect")
    arch.add_node("vpn", "vpn_gateway", parent="vpc")
    arch.add_node("nat", "nat_gateway", parent="pub0")
    arch.add_node("nat2", "nat_gateway", parent="pub1")
    arch.add_node("a", "ec2", parent="priv0")
    arch.add_node("b", "ec2", parent="priv1")
    for edge, source, target in [("c-dx", "corp", "dx"), ("a-nat", "a", "nat"), ("b-nat", "b", "nat")]:
        arch.connect(edge, source, target, props={"protocol": "https"})
    analyzer = Analyzer(arch)
    single = {f.key for f in analyzer.result().findings}
    assert {"REL-SINGLE-PRIVATE-LINK@dx", "REL-SINGLE-NAT@nat"} <= single
    for edge, source, target in [("c-vpn", "corp", "vpn"), ("b-nat2", "b", "nat2")]:
        arch.connect(edge, source, target, props={"protocol": "https"})
        _step(analyzer, arch, f"after {source} -> {target}")
    assert not {"REL-SINGLE-PRIVATE-LINK@dx", "REL-SINGLE-NAT@nat"} & {f.key for f in analyzer.result().findings}
    for edge in ("c-vpn", "b-nat2", "a-nat"):
        arch.disconnect(edge)
        _step(analyzer, arch, f"after removing {edge}")


def test_administrative_flows_kept_between_passes_keep_the_order_the_design_lists_them() -> None:
    """Several SSH and RDP flows reach one host; its finding reads them in the order of the design's flows."""
    arch = _padded(_base())
    arch.add_node("gw", "internet_gateway", parent="vpc")
    arch.add_node("admins", "internet")
    arch.add_node("host", "ec2", parent="priv1")
    arch.add_node("app", "ec2", parent="priv0")
    analyzer = Analyzer(arch)
    drawn = [("r1", "users", "host", 3389), ("s1", "admins", "host", 22), ("s2", "gw", "host", 22),
             ("a1", "users", "app", 443), ("s3", "users", "host", 22)]
    for edge, source, target, port in drawn:
        props: dict[str, Any] = {"protocol": "tcp", "port": port}
        if port == 443:
            props["administrative"] = True
        arch.connect(edge, source, target, props=props)
        _step(analyzer, arch, f"after {edge}")
    arch.connect("req", "users", "host", props={"protocol": "https"})
    _step(analyzer, arch, "after a request flow beside them")
    arch.set_edge_property("req", "port", 22)
    _step(analyzer, arch, "after the request flow became an SSH session")
    for edge in ("s1", "r1", "req"):
        arch.disconnect(edge)
        _step(analyzer, arch, f"after removing {edge}")
    arch.connect("s1", "admins", "host", props={"protocol": "tcp", "port": 22})
    _step(analyzer, arch, "after drawing s1 again")


def test_an_endpoint_drawn_into_use_judges_every_nat_gateway_again() -> None:
    """COST-NAT-FOR-AWS-SERVICES: an endpoint nothing sends to covers the VPC; once used, it covers its senders."""
    arch = _padded(_base())
    arch.add_node("nat", "nat_gateway", parent="pub0")
    arch.add_node("igw", "internet_gateway", parent="vpc")
    arch.add_node("bucket", "s3")
    arch.add_node("app", "ec2", parent="priv0")
    arch.add_node("job", "ec2", parent="priv1")
    arch.add_node("vpce", "vpc_endpoint", parent="vpc", props={"service": "s3"})
    for edge, source, target in [("a-n", "app", "nat"), ("n-i", "nat", "igw"), ("i-b", "igw", "bucket")]:
        arch.connect(edge, source, target, props={"protocol": "https"})
    analyzer = Analyzer(arch)
    assert not any(f.rule == "COST-NAT-FOR-AWS-SERVICES" for f in analyzer.result().findings)
    arch.connect("j-v", "job", "vpce", props={"protocol": "https"})
    _step(analyzer, arch, "after job -> vpce")
    assert any(f.key == "COST-NAT-FOR-AWS-SERVICES@nat" for f in analyzer.result().findings)
    arch.connect("a-v", "app", "vpce", props={"protocol": "https"})
    _step(analyzer, arch, "after app -> vpce")
    for edge in ("a-v", "j-v", "i-b"):
        arch.disconnect(edge)
        _step(analyzer, arch, f"after removing {edge}")

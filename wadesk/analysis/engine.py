"""Runs the rules over a design, in full or incrementally after each model event."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from wadesk.analysis.defined_elsewhere import DEFINED_ELSEWHERE_KINDS as DEFINED_ELSEWHERE_KINDS
from wadesk.analysis.defined_elsewhere import is_not_judged
from wadesk.analysis.focus import FocusFinder
from wadesk.analysis.unknowns import Unjudged, graph_unknowns, judge_graph, judge_node
from wadesk.model import Architecture, Edge, ModelEvent
from wadesk.rules.base import (
    PILLARS,
    SEVERITIES,
    Assumption,
    Finding,
    GraphRule,
    NodeRule,
    Rule,
    RuleMeta,
    finding_key,
)
from wadesk.rules.by_kind import rules_for_kinds
from wadesk.rules.context import Context, FlowMemo

_SEVERITY_RANK = {severity: index for index, severity in enumerate(SEVERITIES)}
_PILLAR_RANK = {pillar: index for index, pillar in enumerate(PILLARS)}


def _finding(meta: RuleMeta, node: str | None, message: str) -> Finding:
    return Finding(
        rule=meta.id,
        pillar=meta.pillar,
        severity=meta.severity,
        node=node,
        message=message,
        remediation=meta.remediation,
        wa_bp=meta.wa_bp,
    )


def _failure(meta: RuleMeta, node: str | None, exc: BaseException) -> Finding:
    where = f" on {node!r}" if node else ""
    return Finding(
        rule=meta.id,
        pillar=meta.pillar,
        severity=meta.severity,
        node=node,
        message=f"Rule {meta.id} failed{where}: {type(exc).__name__}: {exc}. Its result is unknown.",
        remediation="Report this as a wadesk bug, with the design file attached.",
        wa_bp=meta.wa_bp,
        error=True,
    )


def sort_key(finding: Finding) -> tuple[int, int, str, str]:
    """Order findings worst first, then by pillar, rule and node."""
    return (_SEVERITY_RANK[finding.severity], _PILLAR_RANK[finding.pillar], finding.rule, finding.node or "")


def run_node_rule(rule: NodeRule, ctx: Context, node_id: str) -> Finding | None:
    """One node rule on one node; a failure becomes a finding."""
    try:
        message = rule.check(ctx, node_id)
    except Exception as exc:  # a broken rule must show, never silently pass
        return _failure(rule.meta, node_id, exc)
    return _finding(rule.meta, node_id, message) if message else None


class ScopeBreach(Exception):
    """A rule that declares a flow scope reported on a node it did not take from ``Context.subjects``."""


def run_graph_rule(rule: GraphRule, ctx: Context, focus: set[str] | None = None) -> dict[str, Finding]:
    """One graph rule over the design, keyed by finding identity.

    Args:
        focus: for a rule with a partial flow scope, the only nodes to judge (None: all of them).
    """
    found: dict[str, Finding] = {}
    if rule.partial:
        ctx.focus_on(focus)
    try:
        for node, message in rule.check(ctx):
            if rule.partial and (node is None or node not in ctx.handed_out()):
                raise ScopeBreach(
                    f"it declares flows={rule.flows!r} but reported on {node!r}, "
                    "which it did not take from ctx.subjects()"
                )
            key = finding_key(rule.id, node)
            previous = found.get(key)
            if previous is not None:
                if message in previous.message:
                    continue
                message = f"{previous.message} {message}"
            found[key] = _finding(rule.meta, node, message)
    except Exception as exc:  # a broken rule must show, never silently pass
        return {finding_key(rule.id, None): _failure(rule.meta, None, exc)}
    finally:
        if rule.partial:
            ctx.focus_on(None)
    return found


@dataclass(frozen=True)
class AnalysisResult:
    """The findings of one design, suppressions applied, worst first.

    ``assumptions`` are what a workload design takes the account's baseline
    to provide: account-level rules' design findings, stated once instead.
    ``unjudged`` are the findings set aside because they rest on a value the
    design does not know (see :mod:`wadesk.analysis.unknowns`).
    """

    findings: tuple[Finding, ...]
    assumptions: tuple[Assumption, ...] = ()
    unjudged: tuple[Unjudged, ...] = ()

    def for_node(self, node_id: str | None) -> list[Finding]:
        """Findings attached to one node (None: about the whole design)."""
        return [f for f in self.findings if f.node == node_id]

    def active(self) -> list[Finding]:
        """Findings that are not suppressed."""
        return [f for f in self.findings if not f.suppressed]

    def summary(self) -> dict[str, dict[str, int]]:
        """Unsuppressed findings counted per pillar and severity."""
        counts: dict[str, dict[str, int]] = {pillar: dict.fromkeys(SEVERITIES, 0) for pillar in PILLARS}
        for finding in self.findings:
            if not finding.suppressed:
                counts[finding.pillar][finding.severity] += 1
        return counts


class Analyzer:
    """Keeps a design's findings current as the design changes.

    It subscribes to the model's events, marks what each event can affect,
    and :meth:`update` re-runs only those rules. The result always equals a
    full analysis of the current design.
    """

    def __init__(self, arch: Architecture, rules: Sequence[Rule] | None = None) -> None:
        """Follow ``arch`` with ``rules`` (default: every rule, as a design may gain any kind)."""
        if rules is None:
            from wadesk.rules.registry import ALL_RULES

            rules = ALL_RULES
        self.arch = arch
        self._node_rules: dict[str, list[NodeRule]] = {}
        self._graph_rules: list[GraphRule] = []
        for rule in rules:
            if isinstance(rule, NodeRule):
                for kind in rule.kinds:
                    self._node_rules.setdefault(kind, []).append(rule)
            else:
                self._graph_rules.append(rule)
        self._metas = {rule.id: rule.meta for rule in rules}
        self._node_results: dict[str, dict[str, Finding]] = {}
        self._rules_by_id = {rule.id: rule for rule in rules if isinstance(rule, NodeRule)}
        #: Nodes with unknown properties, and the findings set aside because they rest on one.
        self._with_unknown: set[str] = set()
        self._node_unjudged: dict[str, list[Unjudged]] = {}
        self._graph_unjudged: dict[str, list[Unjudged]] = {}
        self._graph_results: dict[str, dict[str, Finding]] = {}
        self._dirty_nodes: set[str] = set()
        self._dirty_graph: set[str] = set()
        #: Sources and targets of the flows drawn, removed or edited since the last pass (for rules with a
        #: partial scope).
        self._flow_sources: set[str] = set()
        self._flow_targets: set[str] = set()
        self._memo = FlowMemo()
        self._result: AnalysisResult | None = None
        self._graph_index: dict[str | None, list[Finding]] | None = None
        self._changed: set[str | None] = set()
        arch.subscribe(self._on_model_event)
        self.run_full()

    def close(self) -> None:
        """Stop following the design."""
        self.arch.unsubscribe(self._on_model_event)

    # --------------------------------------------------------------- runs
    def run_full(self) -> AnalysisResult:
        """Analyse the whole design from scratch."""
        self._memo.clear()
        ctx = Context(self.arch, self._memo)
        self._node_results = {}
        self._node_unjudged, self._graph_unjudged = {}, {}
        self._with_unknown = {node_id for node_id, data in self.arch.node_attrs.items() if data["unknown"]}
        for node_id, kind in self.arch.graph.nodes(data="kind"):
            self._node_results[node_id] = self._check_node(ctx, node_id, kind)
        self._graph_results = {rule.id: self._run_graph_rule(rule, ctx) for rule in self._graph_rules}
        self._graph_index = None
        self._dirty_nodes.clear()
        self._dirty_graph.clear()
        self._flow_sources.clear()
        self._flow_targets.clear()
        self._result = None
        self._changed = {None, *self.arch.node_ids()}
        return self.result()

    def update(self) -> set[str | None]:
        """Re-run what the events since the last update affect.

        Returns:
            The ids of nodes whose findings may have changed since the last
            call (None: the design).
        """
        self._recompute()
        changed, self._changed = self._changed, set()
        return changed

    def _recompute(self) -> None:
        flows_changed = bool(self._flow_sources)
        if not self._dirty_nodes and not self._dirty_graph and not flows_changed:
            return
        ctx = Context(self.arch, self._memo)
        changed = self._changed
        for node_id in self._dirty_nodes:
            if node_id in self.arch:
                before, set_aside = self._node_results.get(node_id), self._node_unjudged.get(node_id)
                after = self._check_node(ctx, node_id, self.arch.kind_of(node_id))
                if before != after or set_aside != self._node_unjudged.get(node_id):
                    self._node_results[node_id] = after
                    changed.add(node_id)
        arch = self.arch
        scopes = FocusFinder(
            ctx, {n for n in self._flow_sources if n in arch}, {n for n in self._flow_targets if n in arch}
        )
        for rule in self._graph_rules:
            if rule.id in self._dirty_graph:
                self._replace_graph_results(rule, self._run_graph_rule(rule, ctx))
            elif rule.partial and flows_changed:
                if self._unknown_reads(rule):  # judged again whole, with the values they could take
                    self._replace_graph_results(rule, self._run_graph_rule(rule, ctx))
                else:
                    self._rerun_for_flows(rule, ctx, scopes.focus(rule))
        self._dirty_nodes.clear()
        self._dirty_graph.clear()
        self._flow_sources.clear()
        self._flow_targets.clear()
        if changed:
            self._result = None

    def _replace_graph_results(self, rule: GraphRule, after: dict[str, Finding]) -> None:
        before = self._graph_results.get(rule.id, {})
        if before != after:
            for key in before.keys() | after.keys():
                if before.get(key) != after.get(key):
                    finding = after.get(key) or before[key]
                    self._changed.add(finding.node)
            self._graph_results[rule.id] = after
            self._graph_index = None

    def _rerun_for_flows(self, rule: GraphRule, ctx: Context, focus: set[str]) -> None:
        """Bring a rule's findings up to date after flow changes, re-judging only the nodes in ``focus``.

        A failure (now or at the last run) re-runs the whole rule, so that the
        failure reads as a full analysis would report it. (A rule with a
        partial scope reports on nodes only: a finding about the design is a failure.)
        """
        results = self._graph_results.setdefault(rule.id, {})
        failure = finding_key(rule.id, None)
        if failure in results:
            self._replace_graph_results(rule, self._run_graph_rule(rule, ctx))
            return
        if not focus:
            return
        if 2 * len(focus) > len(self.arch):  # most of the design: judging it all is no dearer
            self._replace_graph_results(rule, self._run_graph_rule(rule, ctx))
            return
        found = self._run_graph_rule(rule, ctx, focus)
        if failure in found:
            self._replace_graph_results(rule, self._run_graph_rule(rule, ctx))
            return
        if len(focus) < len(results):
            judged = (finding_key(rule.id, node) for node in focus)
            stale = [key for key in judged if key in results and key not in found]
        else:
            stale = [key for key, f in results.items() if f.node in focus and key not in found]
        for key in stale:
            self._changed.add(results.pop(key).node)
        for key, new in found.items():
            if results.get(key) != new:
                results[key] = new
                self._changed.add(new.node)
        if stale or self._changed:
            self._graph_index = None

    def result(self) -> AnalysisResult:
        """The current findings; reading them never consumes :meth:`update`'s change set."""
        self._recompute()
        if self._result is None:
            unjudged = [*itertools.chain.from_iterable(self._node_unjudged.values()),
                        *itertools.chain.from_iterable(self._graph_unjudged.values())]
            self._result = AnalysisResult(
                tuple(sorted(self._apply_suppressions(self._raw()), key=sort_key)),
                tuple(self.assumptions()),
                tuple(sorted(unjudged, key=lambda item: sort_key(item.finding))),
            )
        return self._result

    def assumptions(self) -> list[Assumption]:
        """For a workload design, what it assumes of the account, one per account-level rule that would report."""
        self._recompute()
        if self.arch.scope != "workload":
            return []
        out = []
        for rule_id, findings in self._graph_results.items():
            meta = self._metas[rule_id]
            if meta.account_level and any(f.node is None and not f.error for f in findings.values()):
                out.append(Assumption(meta.id, meta.pillar, meta.wa_bp, meta.assumption))
        return sorted(out, key=lambda assumption: assumption.rule)

    def _assumed(self, finding: Finding) -> bool:
        """Whether a finding is stated as an assumption instead (account-level, about the design, a workload)."""
        return (
            finding.node is None
            and not finding.error
            and self.arch.scope == "workload"
            and self._metas[finding.rule].account_level
        )

    def active_count(self) -> int:
        """How many findings are not suppressed (cheaper than :meth:`result`: nothing is sorted)."""
        self._recompute()
        accepted = {(s.rule, s.node) for s in self.arch.suppressions()}
        return sum(1 for f in self._raw() if (f.rule, f.node) not in accepted)

    def findings_for(self, node_id: str | None) -> list[Finding]:
        """Current findings of one node, suppressions applied, worst first."""
        self._recompute()
        raw: list[Finding] = []
        if node_id is not None:
            raw.extend(self._node_results.get(node_id, {}).values())
        raw.extend(self._graph_by_node().get(node_id, ()))
        return sorted(self._apply_suppressions(raw), key=sort_key)

    def _graph_by_node(self) -> dict[str | None, list[Finding]]:
        # The editor asks for one node's findings for every node it draws; index graph findings once.
        if self._graph_index is None:
            index: dict[str | None, list[Finding]] = {}
            for findings in self._graph_results.values():
                for finding in findings.values():
                    if not self._assumed(finding):
                        index.setdefault(finding.node, []).append(finding)
            self._graph_index = index
        return self._graph_index

    # ------------------------------------------------------------ helpers
    def _raw(self) -> Iterable[Finding]:
        for findings in self._node_results.values():
            yield from findings.values()
        for graph_findings in self._graph_results.values():
            for finding in graph_findings.values():
                if not self._assumed(finding):
                    yield finding

    def _apply_suppressions(self, findings: Iterable[Finding]) -> list[Finding]:
        accepted = {(s.rule, s.node): s.justification for s in self.arch.suppressions()}
        out = []
        for finding in findings:
            justification = accepted.get((finding.rule, finding.node))
            if justification is not None:
                finding = replace(finding, suppressed=True, justification=justification)
            out.append(finding)
        return out

    def _defined_elsewhere(self, node_id: str | None) -> bool:
        """Whether a node stands for something outside the design (its settings unknown)."""
        return is_not_judged(self.arch, node_id)

    def _run_graph_rule(self, rule: GraphRule, ctx: Context, focus: set[str] | None = None) -> dict[str, Finding]:
        found = self._judged(rule, ctx, focus)
        reads = self._unknown_reads(rule)
        unjudged: list[Unjudged] = []
        if reads and focus is None:
            found, unjudged = judge_graph(self.arch, reads, found, lambda fresh: self._judged(rule, fresh))
        before = self._graph_unjudged.get(rule.id, [])
        if before != unjudged and (focus is None or not reads):
            self._changed.update(item.finding.node for item in [*before, *unjudged])
            self._graph_unjudged[rule.id] = unjudged
            self._result = None
        return found

    def _judged(self, rule: GraphRule, ctx: Context, focus: set[str] | None = None) -> dict[str, Finding]:
        found = run_graph_rule(rule, ctx, focus)
        return {key: f for key, f in found.items() if f.error or not self._defined_elsewhere(f.node)}

    def _unknown_reads(self, rule: GraphRule) -> list[tuple[str, str, str]]:
        """The unknown properties (of nodes judged at all) that a graph rule reads."""
        if not self._with_unknown:
            return []
        nodes = {n: self.arch.unknown_of(n) for n in self._with_unknown if not self._defined_elsewhere(n)}
        return graph_unknowns(rule, self.arch, nodes)

    def _check_node(self, ctx: Context, node_id: str, kind: str) -> dict[str, Finding]:
        found: dict[str, Finding] = {}
        if self._defined_elsewhere(node_id):
            self._node_unjudged.pop(node_id, None)
            return found  # its settings are not in the design, so no rule judges them
        for rule in self._node_rules.get(kind, ()):
            finding = run_node_rule(rule, ctx, node_id)
            if finding is not None:
                found[rule.id] = finding
        if node_id in self._with_unknown:
            found, unjudged = judge_node(self.arch, node_id, self._rules_by_id, found)
            if unjudged:
                self._node_unjudged[node_id] = unjudged
                return found
        self._node_unjudged.pop(node_id, None)
        return found

    def _on_model_event(self, event: ModelEvent) -> None:
        kind = event.type
        target = event.target
        if kind == "node_moved" or kind == "meta_changed":
            return
        if kind == "scope_changed":
            # Account-level findings become assumptions or findings again; nothing needs re-running.
            self._result = None
            self._graph_index = None
            self._changed.add(None)
            return
        if kind == "suppressions_changed":
            self._result = None
            self._changed.add(target)
            return
        if kind == "node_removed":
            self._memo.clear()
            if target is not None:
                removed = self._node_results.pop(target, None)
                self._with_unknown.discard(target)
                if self._node_unjudged.pop(target, None):
                    self._result = None
                self._changed.add(target)
                if removed:
                    self._result = None
            self._dirty_graph.update(rule.id for rule in self._graph_rules)
            return
        if kind == "node_props_changed" and target is not None:
            self._dirty_nodes.add(target)
            self._note_unknown(target)
            node_kind = self.arch.kind_of(target)
            names = set(event.new or {}) | set(event.old or {})
            for rule in self._graph_rules:
                if "defined_elsewhere" in names or any(rule.reads_property(node_kind, name) for name in names):
                    self._dirty_graph.add(rule.id)
                    # A walk's rule may read this property to decide where requests pass.
                    self._memo.forget_derived()
            return
        if kind == "edge_label_changed":
            return  # no rule reads a label for meaning, and no message quotes a flow's label
        if kind in ("edge_added", "edge_removed", "edge_props_changed") and target is not None:
            self._on_flow_changed(kind, target, event)
            return
        self._memo.clear()
        if kind in ("node_added", "node_label_changed") and target is not None:
            self._dirty_nodes.add(target)
            self._note_unknown(target)
        self._dirty_graph.update(rule.id for rule in self._graph_rules)

    def _note_unknown(self, node_id: str) -> None:
        if self.arch.unknown_of(node_id):
            self._with_unknown.add(node_id)
        else:
            self._with_unknown.discard(node_id)

    def _on_flow_changed(self, kind: str, edge_id: str, event: ModelEvent) -> None:
        """A flow changes only what rules that read flows see, and only as far as each rule's scope says."""
        edge = event.old if kind == "edge_removed" else self.arch.edge(edge_id)
        assert isinstance(edge, Edge)
        if kind == "edge_props_changed":
            self._memo.flow_edited(self.arch, edge_id, edge.source, edge.target)
        else:
            drawn = kind == "edge_added"
            self._memo.flow_changed(self.arch, edge_id, edge.source, edge.target, edge.props, drawn)
        self._flow_sources.add(edge.source)
        self._flow_targets.add(edge.target)
        self._dirty_graph.update(rule.id for rule in self._graph_rules if rule.flows == "any")


def analyse(arch: Architecture, rules: Sequence[Rule] | None = None) -> AnalysisResult:
    """A one-off full analysis of ``arch`` with ``rules``: by default every rule that can report on it (the graph
    rules and the node rules of its kinds; the others would find nothing, and are not even imported)."""
    if rules is None:
        rules = rules_for_kinds(kind for _, kind in arch.graph.nodes(data="kind"))
    analyzer = Analyzer(arch, rules)
    try:
        return analyzer.result()
    finally:
        analyzer.close()

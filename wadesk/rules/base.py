"""What a rule is: its metadata as data, and a pure check over a read-only design."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, model_validator

if TYPE_CHECKING:
    from wadesk.rules.context import Context

Pillar = Literal[
    "operational_excellence",
    "security",
    "reliability",
    "performance_efficiency",
    "cost_optimization",
    "sustainability",
]
Severity = Literal["high", "medium", "low"]

PILLARS: tuple[Pillar, ...] = (
    "operational_excellence",
    "security",
    "reliability",
    "performance_efficiency",
    "cost_optimization",
    "sustainability",
)
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "low")
PILLAR_NAMES: dict[str, str] = {
    "operational_excellence": "Operational excellence",
    "security": "Security",
    "reliability": "Reliability",
    "performance_efficiency": "Performance efficiency",
    "cost_optimization": "Cost optimization",
    "sustainability": "Sustainability",
}

#: Every property of every kind: a rule that reads this re-runs on any property edit.
ANY = "*"

#: How far a drawn, removed or edited flow reaches into a graph rule's findings (``GraphRule.flows``):
#:
#: - ``"none"``: the rule reads no flow (placement, properties, containment): a flow change never re-runs it.
#: - ``"ends"``: a node's finding reads only the flows of that node, of the containers around it and
#:   of what is inside it (a flow to an auto scaling group is a flow of its instances). A flow change
#:   re-runs the rule for the flow's two ends, their containers and their contents.
#: - ``"near"``: also the flows of the nodes it has a flow with (two hops). Re-runs for the ends, their
#:   flow neighbours, and the containers and contents of both.
#: - ``"downstream"``: the flows anywhere on a path that leads to the node (reachability from the
#:   internet, walks kept by ``Context.reach``). A changed flow lies on the paths that go on from its
#:   target, so the rule re-runs for the ends and everything the target leads to.
#: - ``"paths"``: the flows anywhere on a path that leads to the node or away from it. Re-runs as for
#:   ``"downstream"``, and for everything with a path to the changed flow's source.
#: - ``"any"`` (the default, always right): every flow change re-runs the whole rule.
#:
#: A rule whose findings read a few flows beyond its scope names, with ``also_affects``, the further nodes
#: a change can reach: a service's finding that reads its siblings' flows (``"ends"``), or a finding that
#: reads a flow of a node on its way (the WAF beside an entry point it passes; ``"downstream"``, where
#: everything below the named nodes is judged again too).
#:
#: Every scope but ``"none"`` and ``"any"`` needs the rule to take the nodes it reports on from
#: :meth:`Context.subjects` (the engine narrows them to the nodes a change can affect) and to report on
#: nothing else; the engine turns a report on any other node into a visible rule failure.
FlowScope = Literal["none", "ends", "near", "downstream", "paths", "any"]
FLOW_SCOPES: tuple[FlowScope, ...] = ("none", "ends", "near", "downstream", "paths", "any")
#: Scopes where a flow change re-runs a rule for some of its subjects only.
PARTIAL_SCOPES: frozenset[str] = frozenset({"ends", "near", "downstream", "paths"})


class RuleMeta(BaseModel):
    """A rule's identity and texts; all of it is data."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(description="Stable id, such as SEC-DB-PUBLIC-SUBNET")
    title: str = Field(description="One line, what is wrong")
    pillar: Pillar
    severity: Severity
    wa_bp: str = Field(description="Well-Architected best-practice id, such as REL10-BP01")
    rationale: str = Field(description="Why it matters")
    remediation: str = Field(description="How to fix it")
    securityhub: tuple[str, ...] = Field((), description="Security Hub control ids")
    checkov: tuple[str, ...] = Field((), description="Checkov check ids")
    partial: tuple[str, ...] = Field(
        (),
        description=(
            "Those of the Security Hub and Checkov ids whose check tests only part of what the rule tests, or "
            "a neighbouring condition (a resource's own setting where the rule reads the drawn path); the "
            "others test the same thing on the resources both cover"
        ),
    )
    assumption: str = Field(
        "",
        description=(
            "Set on rules about the AWS account rather than a workload: what a workload design assumes "
            "the account's baseline provides, stated instead of the rule's design-level finding"
        ),
    )

    @model_validator(mode="after")
    def _partial_ids_are_listed(self) -> RuleMeta:
        unknown = set(self.partial) - set(self.securityhub) - set(self.checkov)
        if unknown:
            raise ValueError(f"{self.id}: partial ids {sorted(unknown)} are not among its securityhub or checkov ids")
        return self

    def crosswalk(self) -> dict[str, Literal["exact", "partial"]]:
        """Every Security Hub control and Checkov id of the rule, with how closely its check matches the rule."""
        return {check: "partial" if check in self.partial else "exact" for check in (*self.securityhub, *self.checkov)}

    @property
    def account_level(self) -> bool:
        """Whether the rule is about the account (its design-level finding is an assumption for a workload)."""
        return bool(self.assumption)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a reviewer would tell you, attached to a node or to the design.

    A plain frozen dataclass rather than a pydantic model: analyses create
    tens of thousands of these, and every field comes from validated rule
    metadata.
    """

    rule: str
    pillar: Pillar
    severity: Severity
    node: str | None
    message: str
    remediation: str
    wa_bp: str
    suppressed: bool = False
    justification: str | None = None
    #: The rule itself failed; the message says how.
    error: bool = False

    @property
    def key(self) -> str:
        """Stable identity ``rule@node`` (``rule@`` for the whole design)."""
        return finding_key(self.rule, self.node)


@dataclass(frozen=True, slots=True)
class Assumption:
    """What a workload design takes the account's baseline to provide, stated once instead of a finding."""

    rule: str
    pillar: Pillar
    wa_bp: str
    text: str


def finding_key(rule: str, node: str | None) -> str:
    """The identity of finding ``rule`` on ``node``."""
    return f"{rule}@{node or ''}"


class Hit(NamedTuple):
    """What a graph rule reports: the node it is about (None: the design) and why."""

    node: str | None
    message: str


NodeCheck = Callable[["Context", str], "str | None"]
GraphCheck = Callable[["Context"], Iterable[Hit]]
AlsoAffects = Callable[["Context", frozenset[str]], Iterable[str]]


@dataclass(frozen=True)
class NodeRule:
    """A rule about one node that reads only that node's own kind and properties.

    ``check`` returns a message when the node has the problem, else None.
    """

    meta: RuleMeta
    kinds: frozenset[str]
    check: NodeCheck

    @property
    def id(self) -> str:
        """The rule id."""
        return self.meta.id


@dataclass(frozen=True)
class GraphRule:
    """A rule that reads flows, placement or several nodes.

    ``reads`` maps a kind to the property names the rule reads on nodes of
    that kind (``ANY`` for all of them, or ``ANY`` as a kind for every kind);
    an edit of any other property does not re-run the rule. ``flows`` says
    which findings a drawn, removed or edited flow can change (see
    :data:`FlowScope`). Other structural edits (nodes, containment, labels)
    always re-run every graph rule.
    """

    meta: RuleMeta
    check: GraphCheck
    reads: Mapping[str, frozenset[str]] = field(default_factory=dict)
    flows: FlowScope = "any"
    #: Given the nodes whose flows changed (the ends, a group end's members), the further nodes whose
    #: findings the change can alter beyond what ``flows`` covers (see :data:`FlowScope`).
    also_affects: AlsoAffects | None = None

    def __post_init__(self) -> None:
        if self.flows not in FLOW_SCOPES:
            raise ValueError(f"{self.meta.id}: flows must be one of {FLOW_SCOPES}, not {self.flows!r}")

    @property
    def id(self) -> str:
        """The rule id."""
        return self.meta.id

    @property
    def partial(self) -> bool:
        """Whether a flow change re-runs the rule for the nodes it can affect only (it reports on subjects)."""
        return self.flows in PARTIAL_SCOPES

    def reads_property(self, kind: str, name: str) -> bool:
        """Whether an edit of property ``name`` on a ``kind`` node may change this rule's result."""
        for key in (kind, ANY):
            names = self.reads.get(key)
            if names is not None and (name in names or ANY in names):
                return True
        return False


Rule = NodeRule | GraphRule


def node_rule(meta: RuleMeta, kinds: Iterable[str], check: NodeCheck) -> NodeRule:
    """Build a :class:`NodeRule` for ``kinds``."""
    return NodeRule(meta, frozenset(kinds), check)


def graph_rule(
    meta: RuleMeta,
    check: GraphCheck,
    reads: Mapping[str, Iterable[str]] | None = None,
    flows: bool | FlowScope = "any",
    also_affects: AlsoAffects | None = None,
) -> GraphRule:
    """Build a :class:`GraphRule` reading the properties in ``reads`` and the flows that ``flows`` says.

    ``flows`` is a :data:`FlowScope`; True means ``"any"`` and False ``"none"``. Declaring nothing is
    always right (every flow change re-runs the rule); a narrower scope makes drawing a flow cheaper.
    """
    scope: FlowScope = "any" if flows is True else "none" if flows is False else flows
    read = {kind: frozenset(names) for kind, names in (reads or {}).items()}
    return GraphRule(meta, check, read, scope, also_affects)

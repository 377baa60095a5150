"""No finding rests on a value the design does not know: findings that would are set aside as "not judged".

A node may list properties its source leaves unresolved (``unknown``: ``storage_encrypted`` from ``var.enc``); the
value it holds there is only the kind's default. A finding is kept only if it holds whatever those properties are:
the rule is judged again with each unknown property set to the other values it could take (a boolean both ways,
an enumeration each choice, a number or a string a few representative values), and a finding that goes away under
any of them depends on the unresolved value. It is not reported; it is listed as not judged, naming the property
and the expression it comes from.

Node rules read only their own node, so each finding of a node with unknown properties is judged again under every
combination of them. A graph rule is judged again, in full, when some node (its own or another on the way, such as
a load balancer whose scheme decides whether requests reach what lies behind it) has an unknown property the rule
declares it reads (``reads=``); the variants set every such property at once (every combination when there are
few, otherwise each choice in turn for all of them together, which covers the common cases but not every mix).
Only designs with unknown properties pay, and only for the rules that read them. Placeholders (``defined_elsewhere``)
are not judged at all and take no part here.
"""

from __future__ import annotations

import itertools
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from wadesk.catalog import CATALOG
from wadesk.model import Architecture
from wadesk.model.what_if import props_swapped
from wadesk.rules.base import Finding, GraphRule, NodeRule
from wadesk.rules.context import Context

#: Above this many combinations of unknown values, the variants set each choice in turn for all of them together.
MAX_COMBINATIONS = 32
#: How many unknown properties are tried one at a time to tell which one a dropped graph finding rests on.
MAX_SINGLES = 6

#: An unknown property: the node holding it, its name, the source expression its value would come from.
Unknown = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Unjudged:
    """A finding set aside because it rests on a value the design does not know.

    Attributes:
        finding: what the rule reports under the value the design holds (a default standing in for the unknown).
        rests_on: the unknown properties it depends on: (node id, property, expression).
    """

    finding: Finding

    rests_on: tuple[Unknown, ...]

    def reason(self, label_of: Callable[[str], str] | None = None) -> str:
        """``depends on unresolved storage_encrypted (var.enc)``, naming another node's label where it is another's."""
        parts = []
        for node, name, expression in self.rests_on:
            where = f" of {label_of(node)}" if label_of is not None and node != self.finding.node else ""
            parts.append(f"{name}{where}" + (f" ({expression})" if expression else ""))
        return "depends on unresolved " + ", ".join(parts)


    def describe(self, arch: Architecture) -> str:
        """``SEC-DB-UNENCRYPTED on Orders DB: not judged: depends on unresolved storage_encrypted (var.enc)``."""
        node = self.finding.node
        where = arch.label_of(node) if node is not None and node in arch else "the design"
        return f"{self.finding.rule} on {where}: not judged: {self.reason(arch.label_of)}"


def alternatives(kind: str, name: str, current: Any) -> list[Any]:
    """The values an unknown property could take, the one the design holds first."""
    field = CATALOG.get(kind).props_schema.model_fields.get(name) if CATALOG.has_kind(kind) else None
    annotation = field.annotation if field is not None else None
    if annotation is bool:
        options: list[Any] = [False, True]
    elif typing.get_origin(annotation) is Literal:
        options = list(typing.get_args(annotation))
    elif annotation is int:
        options = [0, 1, 7, 35]
    elif set(typing.get_args(annotation)) == {int, type(None)}:
        options = [None, 0, 1, 7, 35]
    elif annotation is float:
        options = [0.0, 1.0, 100.0]
    elif annotation is str:
        options = ["", "unknown"]
    elif isinstance(current, list):
        options = [[]]
    else:
        options = []
    return [current, *(option for option in options if option != current or type(option) is not type(current))]


def _variants(choices: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """Assignments of the choices (each list's first item is the design's value), the design's own left out."""
    count = 1
    for options in choices:
        count *= len(options)
    if count <= MAX_COMBINATIONS:
        combos = list(itertools.product(*choices))
    else:
        width = max(len(options) for options in choices)
        combos = [tuple(options[j % len(options)] for options in choices) for j in range(width)]
    own = tuple(options[0] for options in choices)
    return [combo for combo in combos if combo != own]


def unknown_nodes(arch: Architecture, skip: Callable[[str], bool]) -> dict[str, Mapping[str, str]]:
    """Every node with unknown properties (not ``skip``ped: placeholders), by id."""
    out: dict[str, Mapping[str, str]] = {}
    for node_id, data in arch.node_attrs.items():
        unknown = data["unknown"]
        if unknown and not skip(node_id):
            out[node_id] = unknown
    return out


def _holds(rule: NodeRule, arch: Architecture, node_id: str, props: Mapping[str, Any]) -> bool:
    with props_swapped(arch, {node_id: props}):
        try:
            return bool(rule.check(Context(arch), node_id))
        except Exception:  # noqa: BLE001 - a rule that cannot judge a value it could take does not hold there
            return False


def judge_node(
    arch: Architecture, node_id: str, rules: Mapping[str, NodeRule], found: dict[str, Finding]
) -> tuple[dict[str, Finding], list[Unjudged]]:
    """``found`` (a node's findings) less those that do not hold whatever its unknown properties are."""
    unknown = arch.unknown_of(node_id)
    kind, props = arch.kind_of(node_id), dict(arch.props_of(node_id))
    names = list(unknown)
    choices = [alternatives(kind, name, props.get(name)) for name in names]
    variants = _variants(choices)
    kept: dict[str, Finding] = {}
    unjudged: list[Unjudged] = []
    for rule_id, finding in found.items():
        rule = rules.get(rule_id)
        if finding.error or rule is None or all(
            _holds(rule, arch, node_id, {**props, **dict(zip(names, combo, strict=True))}) for combo in variants
        ):
            kept[rule_id] = finding
            continue
        resting = [
            name for name, options in zip(names, choices, strict=True)
            if any(not _holds(rule, arch, node_id, {**props, name: option}) for option in options[1:])
        ] or names
        unjudged.append(Unjudged(finding, tuple((node_id, name, unknown[name]) for name in resting)))
    return kept, unjudged


def graph_unknowns(rule: GraphRule, arch: Architecture, nodes: Mapping[str, Mapping[str, str]]) -> list[Unknown]:
    """The unknown properties a graph rule reads, over the nodes that have some."""
    out: list[Unknown] = []
    for node_id, unknown in nodes.items():
        kind = arch.kind_of(node_id)
        out.extend((node_id, name, text) for name, text in unknown.items() if rule.reads_property(kind, name))
    return out


def judge_graph(
    arch: Architecture,
    reads: Sequence[Unknown],
    found: dict[str, Finding],
    run: Callable[[Context], dict[str, Finding]],
) -> tuple[dict[str, Finding], list[Unjudged]]:
    """A graph rule's findings less those that do not hold whatever the unknown properties it reads are.

    Args:
        reads: the unknown properties the rule reads (see :func:`graph_unknowns`).
        found: its findings under the values the design holds.
        run: judges the whole design once more (with the values swapped in).
    """
    if not found or all(f.error for f in found.values()):
        return found, []
    choices = [alternatives(arch.kind_of(node), name, arch.props_of(node).get(name)) for node, name, _ in reads]

    def judged(assignment: Sequence[tuple[Unknown, Any]]) -> dict[str, Finding]:
        swapped: dict[str, dict[str, Any]] = {}
        for (node, name, _), value in assignment:
            swapped.setdefault(node, dict(arch.props_of(node)))[name] = value
        with props_swapped(arch, swapped):
            return run(Context(arch))

    results = [judged(list(zip(reads, combo, strict=True))) for combo in _variants(choices)]
    kept = {key: f for key, f in found.items() if f.error or all(key in result for result in results)}
    dropped = [f for key, f in found.items() if key not in kept]
    if not dropped:
        return kept, []
    singles: dict[Unknown, list[dict[str, Finding]]] = {}
    if len(reads) > 1:
        for read, options in list(zip(reads, choices, strict=True))[:MAX_SINGLES]:
            singles[read] = [judged([(read, option)]) for option in options[1:]]
    unjudged = []
    for finding in dropped:
        own = [read for read in reads if read[0] == finding.node]
        alone = [read for read, outcomes in singles.items() if any(finding.key not in out for out in outcomes)]
        resting = own or alone or list(reads)
        unjudged.append(Unjudged(finding, tuple(resting[:3])))
    return kept, unjudged

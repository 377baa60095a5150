"""Value types of the model: node, edge and suppression snapshots, and what it needs from a catalog."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

#: What a design stands for: a workload in an account whose security baseline (CloudTrail, Config,
#: GuardDuty) is provided elsewhere, such as by a landing zone; or a whole AWS account.
Scope = Literal["workload", "account"]
SCOPES: tuple[Scope, ...] = ("workload", "account")


class KindSchema(Protocol):
    """What the model needs to know about kinds (the catalog provides it)."""

    def has_kind(self, kind: str) -> bool:
        """Whether ``kind`` is a known kind id."""

    def is_container(self, kind: str) -> bool:
        """Whether nodes of ``kind`` may hold other nodes."""

    def validate_props(self, kind: str, props: Mapping[str, Any], where: str) -> dict[str, Any]:
        """Return ``props`` checked and completed with defaults, or raise ModelError."""

    def validate_edge_props(self, props: Mapping[str, Any], where: str) -> dict[str, Any]:
        """Return edge ``props`` checked and completed with defaults, or raise ModelError."""


@dataclass(frozen=True)
class Node:
    """A snapshot of one node: a component or a container."""

    id: str
    kind: str
    label: str = ""
    parent: str | None = None
    x: float = 0.0
    y: float = 0.0
    w: float | None = None
    h: float | None = None
    props: Mapping[str, Any] = field(default_factory=dict)
    #: The properties the design does not know, each with the source expression it would come from
    #: (``{"storage_encrypted": "var.enc"}``): their values are only the kind's defaults, and no finding
    #: may rest on them.
    unknown: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Edge:
    """A snapshot of one directed flow from ``source`` to ``target``."""

    id: str
    source: str
    target: str
    label: str = ""
    props: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Suppression:
    """An accepted finding: rule ``rule`` on node ``node`` (None: the design)."""

    rule: str
    node: str | None
    justification: str

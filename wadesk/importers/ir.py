"""The neutral intermediate form every importer front end produces and the design builder reads.

A front end (CloudFormation, Terraform) turns its source into :class:`ImportedDesign`: nodes keyed by the
source's own name for a resource (a logical id, a resource address), each with a catalog kind, properties and
hints about where it sits (VPC, subnets, zone, security groups, an enclosing group), the flows between them,
and an :class:`ImportReport` of what it did. :mod:`wadesk.importers.build` turns that into a laid-out
:class:`~wadesk.model.Architecture`; it knows nothing of either source language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

#: Why a flow exists: a request or data path, or administrative access (SSH, RDP) that rules do not follow.
Purpose = Literal["request", "admin", "notification"]


@dataclass(frozen=True)
class SourceLocation:
    """Where a node was declared: a file and a 1-based line (None when the source does not say)."""

    file: str
    line: int | None = None


@dataclass
class ImportedNode:
    """One node of the imported design.

    Attributes:
        key: the source's name for it (logical id, resource address); it becomes the node id.
        kind: a catalog kind id (``ec2``, ``subnet``...).
        label: what the drawing shows (defaults to the key).
        props: the kind's properties, as far as the source says; the rest take catalog defaults.
        source_type: the source's type name (``AWS::EC2::Instance``, ``aws_instance``).
        location: where it was declared.
        vpc: key of the VPC (or placeholder VPC) it sits in.
        subnets: keys of the subnets it is attached to, in source order. One subnet: drawn inside it.
            Several: a spanning kind (auto scaling group, load balancer, Lambda function, MSK cluster) records
            them all in its ``subnets`` property; other kinds are drawn in the first one.
        zone: for a subnet, its Availability Zone name (a placeholder such as ``"AZ 1"`` is fine).
        public: for a subnet, whether its route table sends 0.0.0.0/0 to an internet gateway.
        security_groups: keys of the security groups that protect it, in source order.
        inside: key of an explicit enclosing node (a group's instances inside their auto scaling group);
            overrides the placement from ``vpc`` and ``subnets``.
        placeholder: a container that stands for something defined elsewhere (another stack, a module).
        unknown: properties whose value the source leaves unresolved, each with the expression it would come
            from; their value in ``props`` (if any) is only what the mapping fell back to.
    """

    key: str
    kind: str
    label: str = ""
    props: dict[str, Any] = field(default_factory=dict)
    source_type: str = ""
    location: SourceLocation | None = None
    vpc: str | None = None
    subnets: list[str] = field(default_factory=list)
    zone: str | None = None
    public: bool | None = None
    security_groups: list[str] = field(default_factory=list)
    inside: str | None = None
    placeholder: bool = False
    unknown: dict[str, str] = field(default_factory=dict)


@dataclass
class ImportedFlow:
    """A directed flow from ``source`` to ``target`` (node keys).

    Attributes:
        protocol: ``https``, ``http``, ``tcp``, ``tls``, ``sql`` or ``other`` (the edge schema's values).
        port: destination port, if known.
        label: what the drawing shows on the arrow.
        purpose: ``"request"``, ``"admin"`` (SSH, RDP: drawn, but not a path requests take) or
            ``"notification"`` (what an AWS service reports about the source, such as an auto scaling
            group's lifecycle notifications: no request of the source's code).
        reason: why the importer drew it, in words (for tests and the report's detail).
        dead_letter: the target is the source's dead-letter queue or topic.
    """

    source: str
    target: str
    protocol: str = "other"
    port: int | None = None
    label: str = ""
    purpose: Purpose = "request"
    reason: str = ""
    dead_letter: bool = False


@dataclass(frozen=True)
class ReportEntry:
    """One resource in the import report: its key, its source type and a detail (the kind, or where it went)."""

    key: str
    source_type: str
    detail: str = ""


@dataclass(frozen=True)
class UnresolvedEntry:
    """A value that could not be resolved: which resource, where inside it, and why."""

    key: str
    path: str
    expression: str
    reason: str


@dataclass
class ImportReport:
    """What an import did, for the terminal and the editor's dialog.

    Attributes:
        source: the file or folder imported.
        mapped: resources drawn as a node of a specific kind (detail: the kind).
        folded: resources that configure another node and were folded into it (detail: that node's key).
        generic: resources of types the importer does not know, drawn as a generic AWS resource.
        omitted: resources deliberately not drawn, with the reason (detail).
        skipped: resources not created under the parameters used (detail: the condition's name).
        unresolved: every value that could not be resolved.
        assumptions: what the importer assumed where the source was silent, in words.
    """

    source: str = ""
    mapped: list[ReportEntry] = field(default_factory=list)
    folded: list[ReportEntry] = field(default_factory=list)
    generic: list[ReportEntry] = field(default_factory=list)
    omitted: list[ReportEntry] = field(default_factory=list)
    skipped: list[ReportEntry] = field(default_factory=list)
    unresolved: list[UnresolvedEntry] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)

    def assume(self, text: str) -> None:
        """Record an assumption once."""
        if text not in self.assumptions:
            self.assumptions.append(text)

    def summary(self) -> str:
        """One line of counts."""
        parts = [
            f"{len(self.mapped)} mapped",
            f"{len(self.folded)} folded",
            f"{len(self.generic)} generic",
            f"{len(self.skipped)} skipped by condition",
            f"{len(self.unresolved)} unresolved values",
        ]
        if self.omitted:
            parts.insert(3, f"{len(self.omitted)} not drawn")
        return ", ".join(parts)

    def render_text(self, limit: int = 200) -> str:
        """The report as plain text for a terminal or a dialog; each section lists at most ``limit`` lines."""
        lines = [f"Imported {self.source}: {self.summary()}"]

        def section(title: str, rows: list[str]) -> None:
            if not rows:
                return
            lines.append("")
            lines.append(f"{title} ({len(rows)}):")
            lines.extend(f"  {row}" for row in rows[:limit])
            if len(rows) > limit:
                lines.append(f"  ... and {len(rows) - limit} more")

        section("Mapped", [f"{e.key} ({e.source_type}) -> {e.detail}" for e in self.mapped])
        section(
            "Folded into the node they configure", [f"{e.key} ({e.source_type}) -> {e.detail}" for e in self.folded]
        )
        section(
            "Drawn as a generic AWS resource (type not known)", [f"{e.key} ({e.source_type})" for e in self.generic]
        )
        section("Not drawn", [f"{e.key} ({e.source_type}): {e.detail}" for e in self.omitted])
        section("Skipped (condition false)", [f"{e.key}: {e.detail}" for e in self.skipped])
        section(
            "Unresolved values",
            [f"{u.key} {u.path}: {u.expression}: {u.reason}".replace("  ", " ") for u in self.unresolved],
        )
        section("Assumptions", list(self.assumptions))
        return "\n".join(lines) + "\n"


@dataclass
class ImportedDesign:
    """A front end's whole answer: nodes by key (in source order), flows, and the report.

    Attributes:
        name: the design's name (a template's file stem, a folder's name).
        description: the source's description, if any.
        region: the region the design is drawn in (``us-east-1`` unless the source says).
        nodes: every node by key.
        flows: every flow, in the order found (duplicates are merged by the builder).
        report: what the import did.
    """

    name: str
    description: str = ""
    region: str = "us-east-1"
    nodes: dict[str, ImportedNode] = field(default_factory=dict)
    flows: list[ImportedFlow] = field(default_factory=list)
    report: ImportReport = field(default_factory=ImportReport)

    def add(self, node: ImportedNode) -> ImportedNode:
        """Add ``node`` (replacing one of the same key) and return it."""
        self.nodes[node.key] = node
        return node

    def flow(
        self,
        source: str,
        target: str,
        protocol: str = "other",
        port: int | None = None,
        label: str = "",
        purpose: Purpose = "request",
        reason: str = "",
        dead_letter: bool = False,
    ) -> None:
        """Add a flow between two node keys (ignored when it loops on one node)."""
        if source != target:
            self.flows.append(ImportedFlow(source, target, protocol, port, label, purpose, reason, dead_letter))

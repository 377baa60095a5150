"""Turns an :class:`~wadesk.importers.ir.ImportedDesign` into a laid-out Architecture through the catalog.

Containment is derived here, the same way for every front end: region -> VPC -> one Availability Zone
container per zone -> subnets -> security groups -> components. A security group is a container in the
model, so each group is drawn inside every subnet (or VPC, or group) where one of its members sits (each box
after the first is ``KEY@PARENT`` with ``copy_of`` naming the first); a member protected by several groups sits
in nested group boxes. Resources that span subnets carry a ``subnets``
property when their kind has one and are drawn in the first of their subnets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wadesk.catalog import CATALOG, Catalog
from wadesk.catalog.placeholders import placeholder_unknowns
from wadesk.importers.ir import ImportedDesign, ImportedNode, SourceLocation
from wadesk.model import Architecture
from wadesk.model.errors import ModelError

#: Ids of the nodes the builder adds itself. Neither a CloudFormation logical id (letters and digits only)
#: nor a Terraform address (always dotted) has this form, so they never collide with an imported key.
REGION_ID = "aws-region"
#: Server compute that a zone rule reads: spread over subnets of several zones, it is drawn in the VPC (its
#: zones unknown to the drawing) rather than in the first subnet (which would look like a single-zone tier).
_ZONE_READ = frozenset({"ecs_service", "fargate_task", "eks_cluster", "elastic_beanstalk", "batch"})
_OUTSIDE_REGION = frozenset({"internet", "corporate_network", "external_service"})
#: Properties the builder sets from placement, whatever a value the mapping marked unknown.
_BUILT = frozenset({"subnets", "availability_zone", "public", "copy_of", "defined_elsewhere"})


@dataclass
class BuiltDesign:
    """The result of building: the architecture, where each node came from, and how it was laid out.

    Attributes:
        arch: the design.
        origins: node id -> key of the imported node it draws (a group drawn in several places has one id per
            place, all with the same key).
        locations: node id -> where its resource was declared (for SARIF results and the report).
        layout_engine: ``"dot"`` or ``"grid"``.
        layout_problem: why dot was not used, if it was not.
    """

    arch: Architecture
    origins: dict[str, str] = field(default_factory=dict)
    locations: dict[str, SourceLocation] = field(default_factory=dict)
    layout_engine: str = "dot"
    layout_problem: str | None = None


def build_architecture(design: ImportedDesign, catalog: Catalog = CATALOG, *, layout: bool = True) -> BuiltDesign:
    """Build and (unless ``layout`` is false) lay out the design ``design`` describes.

    Properties the catalog refuses are dropped one by one with an assumption in the report, so a
    front end's mistake costs a property, never the import.
    """
    builder = _Builder(design, catalog)
    built = builder.build()
    if layout:
        from wadesk.layout import auto_layout  # not loaded by `wadesk check`, which lays nothing out

        result = auto_layout(built.arch)
        for node_id, (x, y, w, h) in result.geometry.items():
            if node_id in built.arch:
                built.arch.move_node(node_id, x, y, w, h)
        built.layout_engine, built.layout_problem = result.engine, result.problem
    return built


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that orders the numbers in ``text`` by value ("AZ 2" before "AZ 10")."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text) if part)


class _Builder:
    def __init__(self, design: ImportedDesign, catalog: Catalog) -> None:
        self.design = design
        self.catalog = catalog
        self.arch = Architecture(catalog, name=design.name, description=design.description)
        self.built = BuiltDesign(self.arch)
        self.nodes = design.nodes
        # (vpc key, zone name) -> availability_zone container id
        self._zones: dict[tuple[str, str], str] = {}
        # (parent id, security group key) -> container id of that group drawn there
        self._group_boxes: dict[tuple[str | None, str], str] = {}
        self._done: set[str] = set()

    # ------------------------------------------------------------ entry
    def build(self) -> BuiltDesign:
        self._add(REGION_ID, "region", design_label(self.design.region), None, {"name": self.design.region}, None)
        vpcs = [n for n in self.nodes.values() if n.kind == "vpc"]
        subnets = [n for n in self.nodes.values() if n.kind == "subnet"]
        for vpc in vpcs:
            self._place_vpc(vpc)
        # Zones are drawn in the order of their names (AZ 1 before AZ 2, us-east-1a before us-east-1b),
        # whatever order the source declares its subnets in; subnets keep the source's order within a zone.
        for subnet in sorted(subnets, key=lambda s: _natural(s.zone or "")):
            self._place_subnet(subnet)
        # Containers that hold others explicitly (auto scaling groups) come before what they hold.
        pending = [n for n in self.nodes.values() if n.kind not in ("vpc", "subnet", "security_group")]
        pending.sort(key=lambda n: 0 if self._is_container(n.kind) else 1)
        for node in pending:
            self._place_component(node)
        drawn = set(self.built.origins.values())
        for group in (n for n in self.nodes.values() if n.kind == "security_group"):
            if group.key not in drawn:
                parent = group.vpc if group.vpc in self.arch else REGION_ID
                self._add_group_box(group, parent)
        self._add_flows()
        return self.built

    # ------------------------------------------------------------ containers
    def _place_vpc(self, vpc: ImportedNode) -> None:
        self._add_imported(vpc, REGION_ID)

    def _place_subnet(self, subnet: ImportedNode) -> None:
        vpc = subnet.vpc if subnet.vpc in self.arch else None
        if vpc is None:
            vpc = self._orphan_vpc()
        parent = vpc
        if subnet.zone:
            parent = self._zone_box(vpc, subnet.zone)
        props = dict(subnet.props)
        if subnet.zone:
            props["availability_zone"] = subnet.zone
        if subnet.public is not None:
            props["public"] = subnet.public
        self._add_imported(subnet, parent, props=props)

    def _orphan_vpc(self) -> str:
        node_id = "vpc-unknown"
        if node_id not in self.arch:
            # Subnets and instances whose VPC the source does not name: its settings are not in the design.
            self._add(node_id, "vpc", "VPC (not in the source)", REGION_ID, {"defined_elsewhere": True}, None)
        return node_id

    def _zone_box(self, vpc: str, zone: str) -> str:
        key = (vpc, zone)
        if key not in self._zones:
            count = sum(1 for v, _ in self._zones if v == vpc) + 1
            node_id = f"az-{count}-{vpc}" if vpc != "vpc-unknown" else f"az-{count}"
            self._add(node_id, "availability_zone", zone, vpc, {"name": zone}, None)
            self._zones[key] = node_id
        return self._zones[key]

    # ------------------------------------------------------------ components
    def _is_container(self, kind: str) -> bool:
        return self.catalog.has_kind(kind) and self.catalog.is_container(kind)

    def _spans(self, kind: str) -> bool:
        return self.catalog.has_kind(kind) and "subnets" in self.catalog.defaults(kind)

    def _placement(self, node: ImportedNode) -> str:
        if node.kind in _OUTSIDE_REGION:
            return ""
        if node.inside and node.inside in self.arch:
            return node.inside
        subnets = [s for s in node.subnets if s in self.arch and self.arch.kind_of(s) == "subnet"]
        if subnets:
            zones = {self.arch.props_of(s).get("availability_zone") or s for s in subnets}
            if node.kind in _ZONE_READ and len(zones) > 1 and not self._spans(node.kind):
                vpc = self.arch.parent_of(subnets[0])
                while vpc is not None and self.arch.kind_of(vpc) != "vpc":
                    vpc = self.arch.parent_of(vpc)
                return vpc or REGION_ID
            return subnets[0]
        if node.vpc and node.vpc in self.arch:
            return node.vpc
        for group in node.security_groups:  # a security group belongs to one VPC, and so do its members
            vpc = self.nodes[group].vpc if group in self.nodes else None
            if vpc and vpc in self.arch:
                return vpc
        return REGION_ID

    def _place_component(self, node: ImportedNode) -> None:
        where = self._placement(node)
        parent: str | None = where or None
        props = dict(node.props)
        if self._spans(node.kind):
            listed = [s for s in node.subnets if s in self.arch and self.arch.kind_of(s) == "subnet"]
            if listed:
                props["subnets"] = listed
        groups = [g for g in node.security_groups if g in self.nodes and self.nodes[g].kind == "security_group"]
        if parent is not None and groups and not (node.inside and node.inside in self.arch):
            for group in groups:
                parent = self._add_group_box(self.nodes[group], parent)
        self._add_imported(node, parent, props=props)

    def _add_group_box(self, group: ImportedNode, parent: str) -> str:
        key = (parent, group.key)
        if key in self._group_boxes:
            return self._group_boxes[key]
        node_id = group.key
        props = None
        if node_id in self.arch:
            # The same group drawn again: the copy says so, so that rules about the group report it once.
            props = {**group.props, "copy_of": group.key}
            node_id = f"{group.key}@{parent}"
            suffix = 2
            while node_id in self.arch:
                node_id = f"{group.key}@{parent}.{suffix}"
                suffix += 1
        self._add_imported(group, parent, node_id=node_id, props=props)
        self._group_boxes[key] = node_id
        return node_id

    # ------------------------------------------------------------ flows
    def _add_flows(self) -> None:
        seen: set[tuple[str, str, str, int | None, str]] = set()
        targets = self._drawn_as()
        for flow in self.design.flows:
            source, target = targets.get(flow.source), targets.get(flow.target)
            if source is None or target is None or source == target:
                continue
            identity = (source, target, flow.protocol, flow.port, flow.purpose)
            if identity in seen:
                continue
            seen.add(identity)
            edge_id = f"{source}->{target}"
            suffix = 2
            while edge_id in self.arch or self.arch.has_edge(edge_id):
                edge_id = f"{source}->{target}#{suffix}"
                suffix += 1
            props: dict[str, Any] = {"protocol": flow.protocol, "port": flow.port}
            if flow.purpose == "admin":
                props["administrative"] = True
            if flow.purpose == "notification":
                props["service_notifications"] = True
            if flow.dead_letter:
                props["dead_letter"] = True
            try:
                self.arch.connect(edge_id, source, target, label=flow.label, props=props)
            except ModelError as exc:
                self.design.report.assume(f"flow {flow.source} -> {flow.target} drawn without its properties: {exc}")
                self.arch.connect(edge_id, source, target, label=flow.label)

    def _drawn_as(self) -> dict[str, str]:
        """Imported key -> the node id that stands for it in flows (a group's first box)."""
        out: dict[str, str] = {}
        for node_id, key in self.built.origins.items():
            out.setdefault(key, node_id)
        return out

    # ------------------------------------------------------------ adding
    def _add_imported(
        self,
        node: ImportedNode,
        parent: str | None,
        *,
        label: str | None = None,
        props: Mapping[str, Any] | None = None,
        node_id: str | None = None,
    ) -> None:
        node_id = node_id or node.key
        kind = node.kind if self.catalog.has_kind(node.kind) else "aws_resource"
        props = dict(node.props if props is None else props)
        defaults = self.catalog.defaults(kind)
        unknown = {name: text for name, text in node.unknown.items() if name in defaults and name not in _BUILT}
        if node.placeholder and "defined_elsewhere" in defaults:
            props["defined_elsewhere"] = True
            # Everything the source does not state about it is unknown, said explicitly so that a stated value
            # equal to the default reads as stated.
            unknown = dict.fromkeys(placeholder_unknowns(kind, defaults, props), "")
        self._add(node_id, kind, label if label is not None else (node.label or node.key), parent, props, node,
                  unknown)
        self.built.origins[node_id] = node.key
        if node.location is not None:
            self.built.locations[node_id] = node.location

    def _add(
        self,
        node_id: str,
        kind: str,
        label: str,
        parent: str | None,
        props: Mapping[str, Any],
        node: ImportedNode | None,
        unknown: Mapping[str, str] | None = None,
    ) -> None:
        clean = dict(props)
        while True:
            try:
                self.arch.add_node(node_id, kind, label=label, parent=parent, props=clean, unknown=unknown)
                return
            except ModelError as exc:
                bad = _first_bad_property(str(exc), clean)
                if bad is None:
                    raise
                what = node.key if node is not None else node_id
                self.design.report.assume(f"{what}: property {bad!r} left at its default ({exc})")
                clean.pop(bad)


def _first_bad_property(message: str, props: Mapping[str, Any]) -> str | None:
    for name in props:
        if f"property {name!r}" in message or f"property '{name}" in message:
            return name
    return None


def design_label(region: str) -> str:
    """The region container's label."""
    return region or "Region"

"""Maps an evaluated CloudFormation template onto the import layer's intermediate form.

Each service family has its own module with a table of handlers (``HANDLERS``: resource type -> phase and
function). Phase 0 creates nodes, phase 1 folds the resources that configure a node into it, phase 2 adds
flows that need every node in place. A type without a handler becomes a generic AWS resource, listed in the
report; nothing is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from wadesk.importers.cfn.values import External, Interpolated, Resource, ResourceRef, Template, Unresolved, refs_in
from wadesk.importers.ir import ImportedDesign, ImportedNode, ReportEntry, SourceLocation, UnresolvedEntry

Handler = Callable[["CfnMapper", Resource], None]
#: resource type -> (phase, handler)
HandlerTable = dict[str, tuple[int, Handler]]

#: Kinds that run code a role's permissions and environment variables speak for.
COMPUTE_KINDS = frozenset(
    {
        "ec2",
        "lambda",
        "ecs_service",
        "fargate_task",
        "eks_cluster",
        "batch",
        "elastic_beanstalk",
        "step_functions",
        "auto_scaling_group",
        "glue",
        "emr",
        "sagemaker",
        "firehose",
        "dms",
        "eventbridge",
        "api_gateway",
        "app_runner",
        "codebuild",
    }
)
#: Kinds a permission or environment variable that names them turns into a flow to them.
DATA_KINDS = frozenset(
    {
        "s3",
        "dynamodb",
        "sqs",
        "sns",
        "kinesis",
        "firehose",
        "rds",
        "aurora",
        "elasticache",
        "secrets_manager",
        "step_functions",
        "lambda",
        "eventbridge",
        "opensearch",
        "efs",
        "kms",
        "neptune",
        "documentdb",
        "redshift",
        "glacier",
        "msk",
        "mq",
        "dsql",
    }
)


def flag(value: Any, default: bool) -> bool:
    """A CloudFormation boolean (``true``, ``"true"``, ``"True"``); ``default`` when absent or not a boolean."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return default


def number(value: Any, default: int | None) -> int | None:
    """A CloudFormation integer (``5``, ``"5"``); ``default`` when absent or not a number."""
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return default
    return default


def text(value: Any, default: str = "") -> str:
    """A plain string value; ``default`` when absent or not a plain string."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return default


def as_list(value: Any) -> list[Any]:
    """A list value, a single value as a list of one, nothing as an empty list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def ref(value: Any) -> str | None:
    """The logical id a value names (``Ref``, ``GetAtt``, or a string built around one reference)."""
    if isinstance(value, ResourceRef):
        return value.logical_id
    if isinstance(value, Interpolated):
        found = refs_in(value)
        return found[0].logical_id if len(found) == 1 else None
    return None


def refs(value: Any) -> list[str]:
    """Every logical id named anywhere inside a value, in order."""
    return [item.logical_id for item in refs_in(value)]


def fold_to(prop: str) -> Handler:
    """A handler that folds a resource into the node its property ``prop`` names."""

    def handler(m: CfnMapper, r: Resource) -> None:
        m.fold(r, ref(r.properties.get(prop)))

    return handler


def fold_into_user(m: CfnMapper, r: Resource) -> None:
    """Fold a resource into the first drawn node that references it (a layer into a function using it)."""
    users = [key for key in m.referrers(r.logical_id) if m.get(key) is not None]
    m.fold(r, users[0] if users else None, "used by nothing drawn")


def dig(props: Any, *path: str) -> Any:
    """``props[path[0]][path[1]]...``, or None where a step is missing or not a mapping."""
    current = props
    for step in path:
        if not isinstance(current, dict):
            return None
        current = current.get(step)
    return current


class CfnMapper:
    """One mapping of a template: builds the design, remembers folds and roles, writes the report."""

    def __init__(
        self,
        template: Template,
        tables: Iterable[HandlerTable],
        finishers: Iterable[Callable[[CfnMapper], None]] = (),
    ) -> None:
        self.template = template
        self.finishers = list(finishers)
        self.resources = template.resources
        self.file = str(template.path)
        self.handlers: HandlerTable = {}
        for table in tables:
            self.handlers.update(table)
        region = "us-east-1"
        for assumption in template.assumptions:
            if assumption.startswith("AWS::Region is taken as "):
                region = assumption.removeprefix("AWS::Region is taken as ").strip() or region
        self.design = ImportedDesign(
            name=Path(template.path).stem, description=template.description or "", region=region
        )
        self.report = self.design.report
        self.report.source = self.file
        #: logical id of a folded resource -> the key of the node it was folded into
        self.folded: dict[str, str] = {}
        #: role logical id -> keys of the nodes that run with it
        self.role_users: dict[str, list[str]] = {}
        #: placeholder keys already made, by the External they stand for
        self._placeholders: dict[External, str] = {}
        #: subnet key -> route table id, route table id -> whether it routes 0.0.0.0/0 to an internet gateway
        self.subnet_routes: dict[str, str] = {}
        self.public_tables: set[str] = set()
        #: extra state handlers share (target groups, listeners, launch templates...), by topic
        self.state: dict[str, dict[str, Any]] = {}
        self._referrers: dict[str, list[str]] | None = None

    # ---------------------------------------------------------------- running
    def run(self) -> ImportedDesign:
        """Map every resource, then infer flows and finish the report."""
        for phase in (0, 1, 2):
            for resource in self.resources.values():
                entry = self.handlers.get(resource.type) if isinstance(resource.type, str) else None
                if entry is None:
                    if phase == 0:
                        self._generic(resource)
                    continue
                if entry[0] != phase:
                    continue
                try:
                    entry[1](self, resource)
                except (AttributeError, TypeError, ValueError, KeyError, IndexError) as exc:
                    # A property of an unexpected shape costs that resource's details, never the import.
                    self.report.assume(f"{resource.logical_id} ({resource.type}): not fully mapped ({exc})")
                    if resource.logical_id not in self.design.nodes and resource.logical_id not in self.folded:
                        self._generic(resource)
        for step in self.finishers:
            step(self)
        self._finish_report()
        return self.design

    def _generic(self, resource: Resource) -> None:
        if not isinstance(resource.type, str):
            resource.type = str(resource.type)
        if resource.type.startswith("Custom::") or resource.type == "AWS::CloudFormation::CustomResource":
            detail = "custom resource"
        else:
            detail = "type not known to the importer"
        self.node(resource, "aws_resource", {"resource_type": resource.type}, report=False)
        self.report.generic.append(ReportEntry(resource.logical_id, resource.type, detail))

    def _finish_report(self) -> None:
        for logical_id, condition in self.template.skipped.items():
            self.report.skipped.append(ReportEntry(logical_id, "", f"condition {condition} is false"))
        for item in self.template.unresolved:
            self.report.unresolved.append(UnresolvedEntry(item.logical_id, item.path, item.expression, item.reason))
        for assumption in self.template.assumptions:
            self.report.assume(assumption)

    # ---------------------------------------------------------------- nodes
    def node(
        self,
        resource: Resource,
        kind: str,
        props: dict[str, Any] | None = None,
        *,
        label: str | None = None,
        key: str | None = None,
        report: bool = True,
    ) -> ImportedNode:
        """Add the node that draws ``resource`` (key: its logical id unless ``key`` is given)."""
        props = {name: value for name, value in (props or {}).items() if value is not None}
        node = ImportedNode(
            key=key or resource.logical_id,
            kind=kind,
            label=label or resource.logical_id,
            props=props,
            source_type=resource.type,
            location=SourceLocation(self.file, resource.line),
        )
        self.design.add(node)
        if report:
            self.report.mapped.append(ReportEntry(node.key, resource.type, kind))
        return node

    def get(self, key: str | None) -> ImportedNode | None:
        """The node of ``key`` (a folded resource answers with the node it was folded into)."""
        if key is None:
            return None
        seen = 0
        while key in self.folded and key not in self.design.nodes and seen < 16:
            key = self.folded[key]
            seen += 1
        return self.design.nodes.get(key)

    def fold(self, resource: Resource, into: str | None, note: str = "") -> None:
        """Record that ``resource`` configures node ``into`` and is drawn as part of it."""
        target = self.get(into)
        if target is None:
            self.report.folded.append(ReportEntry(resource.logical_id, resource.type, note or "nothing drawn"))
            return
        self.folded[resource.logical_id] = target.key
        self.report.folded.append(ReportEntry(resource.logical_id, resource.type, target.key))

    def resource(self, key: str | None) -> Resource | None:
        """The template resource of a logical id."""
        return self.resources.get(key) if key else None

    def type_of(self, key: str | None) -> str:
        """The resource type of a logical id ('' when it is not a resource of the template)."""
        found = self.resource(key)
        return found.type if found else ""

    def prop(self, key: str | None, name: str) -> Any:
        """A property of the resource ``key`` (None when absent)."""
        found = self.resource(key)
        return found.properties.get(name) if found else None

    # ---------------------------------------------------------------- networks
    def vpc_key(self, value: Any) -> str | None:
        """The VPC node a ``VpcId`` value names: a VPC of the template or a placeholder."""
        key = ref(value)
        if key is not None and self.type_of(key) == "AWS::EC2::VPC":
            return key
        for external in _externals(value):
            return self.placeholder(external, "vpc")
        if isinstance(value, str) and _EXISTING_VPC.match(value.strip()):
            return self.placeholder(External(value.strip(), "literal"), "vpc")
        if self._nested_output(value):
            return self.placeholder(External(f"{value.logical_id}.{value.attribute}", "nested"), "vpc")
        if isinstance(value, Unresolved):
            return self.placeholder(External(value.expression, "unresolved"), "vpc")
        return None

    def subnet_keys(self, value: Any) -> list[str]:
        """The subnet nodes a ``SubnetIds``-like value names: subnets of the template or placeholders."""
        keys: list[str] = []
        for item in as_list(value):
            key = ref(item)
            if key is not None and self.type_of(key) == "AWS::EC2::Subnet":
                keys.append(key)
                continue
            for external in _externals(item):
                keys.append(self.placeholder(external, "subnet"))
            if isinstance(item, str) and _EXISTING_SUBNET.match(item.strip()):
                keys.append(self.placeholder(External(item.strip(), "literal"), "subnet"))
            if self._nested_output(item):
                keys.append(self.placeholder(External(f"{item.logical_id}.{item.attribute}", "nested"), "subnet"))
            if isinstance(item, Unresolved):
                keys.append(self.placeholder(External(item.expression, "unresolved"), "subnet"))
        return list(dict.fromkeys(keys))

    def _nested_output(self, value: Any) -> bool:
        """Whether ``value`` is an output of a nested stack of the template (``!GetAtt Network.Outputs.VpcId``)."""
        return (
            isinstance(value, ResourceRef)
            and self.type_of(value.logical_id) == "AWS::CloudFormation::Stack"
            and str(value.attribute or "").startswith("Outputs.")
        )

    def placeholder(self, external: External, kind: str) -> str:
        """A node that stands for a VPC, subnet or ECS cluster defined in another stack, named after its source."""
        if external in self._placeholders:
            return self._placeholders[external]
        name = external.name if external.index is None else f"{external.name}[{external.index}]"
        parameter = _unset_parameter(external, self.template.parameters)
        key = {"parameter": name, "import": f"import:{name}", "literal": name, "nested": name}.get(
            external.source, f"unresolved:{name}"
        )
        while key in self.resources or (key in self.design.nodes and self.design.nodes[key].kind != kind):
            key = f"{key}'"
        if key not in self.design.nodes:
            origin = {
                "parameter": "from parameter",
                "import": "imported from another stack",
                "literal": "existing, named by its id",
                "nested": "output of a nested stack",
            }.get(external.source, "value not resolved")
            if parameter:
                origin = "parameter without a value"
            node = ImportedNode(
                key=key,
                kind=kind,
                label=f"{parameter or name} ({origin})",
                placeholder=True,
                source_type=external.aws_type or "",
            )
            self.design.add(node)
            what = {"vpc": "VPC", "ecs_cluster": "ECS cluster"}.get(kind, "subnet")
            self.report.assume(f"The {what} {name} is defined outside the template ({origin}): drawn as a placeholder")
        self._placeholders[external] = key
        return key

    def security_group_keys(self, value: Any) -> list[str]:
        """The security groups a ``SecurityGroupIds``-like value names (groups of the template only)."""
        return [key for key in refs(value) if self.type_of(key) == "AWS::EC2::SecurityGroup"]

    # ---------------------------------------------------------------- roles
    def uses_role(self, user: str, role_value: Any) -> None:
        """Record that node ``user`` runs with the role (or instance profile) ``role_value`` names."""
        for key in refs(role_value):
            kind = self.type_of(key)
            if kind == "AWS::IAM::InstanceProfile":
                for role in refs(self.prop(key, "Roles")):
                    self.role_users.setdefault(role, []).append(user)
            elif kind == "AWS::IAM::Role":
                self.role_users.setdefault(key, []).append(user)

    def referrers(self, key: str, resource_type: str | None = None) -> list[str]:
        """Logical ids of the resources whose properties reference ``key`` (of ``resource_type`` if given).

        The index is built once, on first use, in one pass over the template.
        """
        if self._referrers is None:
            index: dict[str, list[str]] = {}
            for other in self.resources.values():
                for target in dict.fromkeys(refs(other.properties)):
                    index.setdefault(target, []).append(other.logical_id)
            self._referrers = index
        found = [k for k in self._referrers.get(key, []) if k != key]
        if resource_type is not None:
            found = [k for k in found if self.type_of(k) == resource_type]
        return found

    def topic(self, name: str) -> dict[str, Any]:
        """Shared state of one topic (created empty on first use)."""
        return self.state.setdefault(name, {})


#: The id of an existing VPC or subnet written in a template or given as a parameter value.
_EXISTING_VPC = re.compile(r"^vpc-[0-9a-f]{8,17}$")
_EXISTING_SUBNET = re.compile(r"^subnet-[0-9a-f]{8,17}$")


def externals(value: Any) -> list[External]:
    """The values from outside the template that ``value`` holds (an import, a parameter naming a resource)."""
    return _externals(value)


def _externals(value: Any) -> list[External]:
    if isinstance(value, External):
        return [value]
    if isinstance(value, Interpolated):
        return [part for part in value.parts if isinstance(part, External)]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, External)]
    return []


def unresolved(value: Any) -> bool:
    """Whether a value could not be evaluated."""
    return isinstance(value, Unresolved)


def _unset_parameter(external: External, parameters: Any) -> str:
    """The parameter an unresolved value is a plain ``Ref`` of ('' for any other expression)."""
    if external.source != "unresolved" or external.index is not None or not external.name.startswith("Ref "):
        return ""
    name = external.name[4:]
    return name if name in parameters else ""

"""Gives Terraform resources the CloudFormation shape the shared mapping reads, so both front ends map alike.

Each known ``aws_*`` type has a translator (``translate_types.py``) that names its CloudFormation type and turns
its snake_case attributes and nested blocks into that type's properties; the CloudFormation mapping then applies
the same kinds, folding rules, containment and flows to both sources. Markers translate one to one: a
:class:`~.values.TfRef` becomes a ``Ref``/``GetAtt``, a placeholder module's output becomes an external value
(a placeholder container), an unknown or unresolved value stays unresolved. Resources that configure another
one through a separate Terraform resource (the bucket settings of provider v4 and later, policy attachments,
target-group attachments, event targets) are folded into that resource's properties here, and listed as folded.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from wadesk.importers.cfn import values as cfn
from wadesk.importers.terraform.modules import module_kind
from wadesk.importers.terraform.values import (
    Interpolated,
    ModuleOutput,
    ModulePlaceholder,
    TfRef,
    TfResource,
    TfSource,
    Unknown,
    Unresolved,
    classify_output,
)


@dataclass
class Translation:
    """What a translator gives for one resource: its CloudFormation type and properties, and any extra resources
    it implies (an inline route of a route table, the attachment of an internet gateway)."""

    type: str
    properties: dict[str, Any] = field(default_factory=dict)
    extra: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)


@dataclass
class Fold:
    """A resource that only configures another (or several: ``target`` may be a list): ``apply`` changes each
    target's CloudFormation properties."""

    target: Any
    apply: Callable[[dict[str, Any]], None]


Translator = Callable[["Context", TfResource], "Translation | Fold | None"]


class Context:
    """State shared while translating one source: converted values and the placeholder modules."""

    def __init__(self, source: TfSource) -> None:
        self.source = source

    def value(self, value: Any) -> Any:
        """A front-end value in the CloudFormation reader's value types."""
        if isinstance(value, TfRef):
            return cfn.ResourceRef(value.address, _attribute(value.attribute))
        if isinstance(value, ModuleOutput):
            return self.external(value)
        if isinstance(value, Unknown):
            return cfn.Unresolved("(known after apply)", value.reason, value.provider_default)
        if isinstance(value, Unresolved):
            return cfn.Unresolved(value.expression, value.reason)
        if isinstance(value, Interpolated):
            return cfn.Interpolated(tuple(part if isinstance(part, str) else self.value(part) for part in value.parts))
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {key: self.value(item) for key, item in value.items()}
        return value

    def naming(self, value: Any) -> Any:
        """Like :meth:`value`, for settings whose point is the resources they name (environment variables): a
        value computed from another resource's attribute that cannot be evaluated (``split(":", aws_db_instance.x
        .endpoint)``) keeps the resources it names, as an interpolation of the unresolved value and references
        to them, so the flow to them is still drawn."""
        if isinstance(value, Unresolved) and value.refs:
            named = tuple(self.value(ref) for ref in value.refs)
            return cfn.Interpolated((cfn.Unresolved(value.expression, value.reason), *named))
        if isinstance(value, Interpolated):
            return cfn.Interpolated(tuple(part if isinstance(part, str) else self.naming(part) for part in value.parts))
        if isinstance(value, list):
            return [self.naming(item) for item in value]
        if isinstance(value, dict):
            return {key: self.naming(item) for key, item in value.items()}
        return self.value(value)

    def external(self, output: ModuleOutput) -> cfn.External:
        placeholder = self.source.placeholders.get(output.module)
        role = (placeholder.outputs.get(output.output) if placeholder else None) or classify_output(output.output)
        aws_type = {
            "vpc": "AWS::EC2::VPC::Id",
            "subnets": "List<AWS::EC2::Subnet::Id>",
            "security_groups": "AWS::EC2::SecurityGroup::Id",
        }.get(role.role)
        return cfn.External(f"{output.module}.{output.output}", "parameter", aws_type)

    def get(self, resource: TfResource, name: str, default: Any = None) -> Any:
        """An attribute, converted."""
        return self.value(resource.values.get(name, default))

    def block(self, resource: TfResource, name: str) -> dict[str, Any]:
        """The first nested block ``name`` (converted), or an empty dict."""
        blocks = resource.values.get(name)
        if isinstance(blocks, list) and blocks and isinstance(blocks[0], dict):
            return self.value(blocks[0])  # type: ignore[no-any-return]
        if isinstance(blocks, dict):
            return self.value(blocks)  # type: ignore[no-any-return]
        return {}

    def blocks(self, resource: TfResource, name: str) -> list[dict[str, Any]]:
        """Every nested block ``name`` (converted)."""
        blocks = resource.values.get(name)
        if isinstance(blocks, list):
            return [self.value(item) for item in blocks if isinstance(item, dict)]
        return []


def _attribute(attribute: str | None) -> str | None:
    if attribute in (None, "id"):
        return None
    return pascal(attribute.split(".")[0])


def pascal(name: str) -> str:
    """``vpc_security_group_ids`` → ``VpcSecurityGroupIds``."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def pascal_keys(value: Any) -> Any:
    """A converted value with every dict key in PascalCase, single-block lists unwrapped into dicts."""
    if isinstance(value, dict):
        return {pascal(key): pascal_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [pascal_keys(item) for item in value]
    return value


def placeholder_summary(placeholder: ModulePlaceholder, nodes: Collection[str] | None = None) -> str:
    """The report's sentence about a module whose code is not on disk.

    Args:
        placeholder: the module.
        nodes: the keys of the design's nodes, when known: an output that names a VPC or subnets is said to be
            drawn only when its placeholder container is (not when only another placeholder module uses it).
    """
    drawn = [name for name, output in placeholder.outputs.items() if output.role in {"vpc", "subnets"}
             and (nodes is None or f"{placeholder.address}.{name}" in nodes)]
    where = f" ({placeholder.file.name}:{placeholder.line})" if placeholder.file and placeholder.line else ""
    text = f"{placeholder.address} (source {placeholder.source}){where} is not on disk ({placeholder.reason})"
    parts = []
    made = module_kind(placeholder)
    if made is not None:
        parts.append(f"its {made.resource_type} is drawn as a placeholder (from the inputs that name its settings; "
                     "the settings the module decides are not judged)")
    if drawn:
        parts.append(f"its outputs {', '.join(drawn)} are drawn as placeholder containers" if len(drawn) > 1
                     else f"its output {drawn[0]} is drawn as a placeholder container")
    if parts:
        return f"{text}: {'; '.join(parts)}"
    return f"{text}: the resources it creates are not drawn"

"""The helpers every translator of ``aws_*`` types uses: renamed attributes, JSON documents, folds."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from wadesk.importers.cfn import values as cfn
from wadesk.importers.terraform.translate import Context, Translation, Translator
from wadesk.importers.terraform.values import TfRef, TfResource, Unknown


def cfn_props(c: Context, r: TfResource, names: dict[str, str]) -> dict[str, Any]:
    """``{CloudFormation name: converted attribute}`` for the attributes present."""
    return {cfn_name: c.get(r, tf_name) for cfn_name, tf_name in names.items() if r.values.get(tf_name) is not None}


def simple(cfn_type: str, **names: str) -> Translator:
    """A translator that renames attributes (``CloudFormationName="terraform_name"``)."""

    def translate(c: Context, r: TfResource) -> Translation:
        return Translation(cfn_type, cfn_props(c, r, names))

    return translate


def decode_json(value: Any) -> Any:
    """A JSON document given as a string (a policy, a container definition): parsed, with the references of an
    interpolated string kept as markers inside the parsed strings."""
    if isinstance(value, dict | list):
        return value
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    if not isinstance(value, cfn.Interpolated):
        return value
    markers: list[Any] = []
    text = ""
    for part in value.parts:
        if isinstance(part, str):
            text += part
        else:
            markers.append(part)
            text += f"\ue000{len(markers) - 1}\ue001"
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        return value
    return _restore(document, markers)


def _restore(value: Any, markers: list[Any]) -> Any:
    if isinstance(value, dict):
        return {key: _restore(item, markers) for key, item in value.items()}
    if isinstance(value, list):
        return [_restore(item, markers) for item in value]
    if isinstance(value, str) and "\ue000" in value:
        pieces = re.split("\ue000(\\d+)\ue001", value)
        parts = tuple(markers[int(p)] if i % 2 else p for i, p in enumerate(pieces) if i % 2 or p)
        return parts[0] if len(parts) == 1 else cfn.Interpolated(parts)
    return value


def ref(address: str) -> cfn.ResourceRef:
    """A reference to the resource at ``address`` (as CloudFormation's ``Ref``)."""
    return cfn.ResourceRef(address)


def as_list(value: Any) -> list[Any]:
    """A value that may be one item, a list or nothing, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def append_to(key: str, item: Any) -> Callable[[dict[str, Any]], None]:
    """A fold that appends ``item`` to the list property ``key``."""
    def apply(props: dict[str, Any]) -> None:
        existing = props.get(key)
        props[key] = [*(existing if isinstance(existing, list) else []), item]

    return apply


def merge_into(values: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    """A fold that sets the properties of ``values`` that are not None."""
    def apply(props: dict[str, Any]) -> None:
        props.update({key: value for key, value in values.items() if value is not None})

    return apply


def nested_blocks(block: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The blocks ``name`` nested in an already converted block (a list in plans and configurations)."""
    found = block.get(name) if isinstance(block, dict) else None
    if isinstance(found, dict):
        return [found]
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []


def first_block(block: dict[str, Any], *path: str) -> dict[str, Any]:
    """The block at ``path`` of nested blocks in an already converted block, each the first of its name (an
    empty dict when one is absent)."""
    for name in path:
        block = next(iter(nested_blocks(block, name)), {})
    return block


def ref_to(resource: TfResource) -> Any:
    """A Terraform reference to ``resource`` (its ``id``), to be converted with the context."""
    return TfRef(resource.address, "id")


def chosen_by_aws(r: TfResource, name: str) -> bool:
    """Whether a plan gives attribute ``name`` as known after apply while the configuration does not set it:
    AWS picks it (an instance's subnet from its network interface or the default VPC, a load balancer's subnets
    from its subnet mappings or zones), which is not a value of unknown whereabouts."""
    value = r.values.get(name)
    return isinstance(value, Unknown) and value.provider_default

"""Turns a plan's ``configuration`` references into :class:`~.values.TfRef` values on its resources.

A plan gives each attribute's expression as ``{"references": ["aws_vpc.main.id", "aws_vpc.main"]}``. Where the
planned value is unknown until apply, or is a known id that equals the referenced resource's, the value becomes a
reference to that resource. ``var.x`` inside a module follows the module call's argument out to the caller, and
``module.m.out`` follows the output's expression into the module, so references cross module boundaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from wadesk.importers.terraform.values import TfRef, TfResource, TfSource, Unknown, Unresolved

_STEP = re.compile(r'\.?([A-Za-z_][\w-]*)|\[(?:"((?:[^"\\]|\\.)*)"|(\d+)|(\*))\]')
_MODULE_SEGMENT = re.compile(r'module\.([\w-]+)(\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?')
_AWS_ID = re.compile(r"^(arn:aws[\w-]*:.+|[a-z]+(-[a-z]+)*-[0-9a-f]{8,})$")
_MAX_DEPTH = 32


def parse_traversal(text: str) -> list[str | int]:
    """``'aws_subnet.private[0].id'`` → ``['aws_subnet', 'private', 0, 'id']``; ``[*]`` gives ``'*'``."""
    steps: list[str | int] = []
    position = 0
    while position < len(text):
        match = _STEP.match(text, position)
        if match is None:
            break
        name, key, number, star = match.groups()
        if name is not None:
            steps.append(name)
        elif number is not None:
            steps.append(int(number))
        elif star is not None:
            steps.append("*")
        else:
            steps.append(key.replace('\\"', '"'))
        position = match.end()
    return steps


def module_config_path(module_address: str) -> tuple[str, ...]:
    """``'module.a[0].module.b'`` → ``('a', 'b')``: the module calls, without instance keys."""
    return tuple(match.group(1) for match in _MODULE_SEGMENT.finditer(module_address))


def split_module_address(module_address: str) -> tuple[str, str]:
    """``'module.a[0].module.b'`` → ``('module.a[0]', 'b')``: the parent module instance and the call's name."""
    segments = list(_MODULE_SEGMENT.finditer(module_address))
    if not segments:
        return "", ""
    last = segments[-1]
    return module_address[: last.start()].rstrip("."), last.group(1)


def is_plural(attribute: str) -> bool:
    """Whether an attribute's name says it holds a list (``subnet_ids``, ``security_groups``)."""
    return attribute.endswith("s") and not attribute.endswith(("ss", "us", "is"))


def attribute_for(name: str) -> str | None:
    """The attribute a reference without one most likely takes, from the name of the attribute it is given to."""
    if name == "id" or name.endswith(("_id", "_ids", "_identifier", "security_groups", "subnets", "instances")):
        return "id"
    if name.endswith(("_arn", "_arns")):
        return "arn"
    if name == "bucket":
        return "id"
    if name.endswith(("_name", "_names")) or name == "role":
        return "name"
    return None


@dataclass
class _ConfigModule:
    resources: dict[str, dict[str, Any]] = field(default_factory=dict)
    calls: dict[str, tuple[dict[str, Any], _ConfigModule]] = field(default_factory=dict)
    outputs: dict[str, Any] = field(default_factory=dict)


def _config_module(raw: Any, depth: int = 0) -> _ConfigModule:
    module = _ConfigModule()
    if not isinstance(raw, dict) or depth > 64:
        return module
    for entry in raw.get("resources") or []:
        if isinstance(entry, dict) and isinstance(entry.get("address"), str):
            module.resources[entry["address"]] = entry
    for name, call in (raw.get("module_calls") or {}).items():
        if isinstance(call, dict):
            expressions = call.get("expressions") if isinstance(call.get("expressions"), dict) else {}
            module.calls[str(name)] = (expressions, _config_module(call.get("module"), depth + 1))
    for name, output in (raw.get("outputs") or {}).items():
        if isinstance(output, dict):
            module.outputs[str(name)] = output.get("expression")
    return module


class PlanReferences:
    """Applies a plan configuration's references to the resources of a source (see the module docstring)."""

    def __init__(self, configuration: dict[str, Any], source: TfSource) -> None:
        self._root = _config_module(configuration.get("root_module"))
        self._source = source
        self._instances: dict[tuple[str, str], list[TfResource]] = {}
        self._children: dict[tuple[str, str], list[str]] = {}
        for resource in [*source.resources.values(), *source.data_sources.values()]:
            relative = f"data.{resource.type}.{resource.name}" if resource.mode == "data" else (
                f"{resource.type}.{resource.name}"
            )
            self._instances.setdefault((resource.module, relative), []).append(resource)
            self._add_module_instance(resource.module)
        self._ids: dict[str, TfRef | None] = {}
        for resource in source.resources.values():
            for attribute in ("id", "arn"):
                value = resource.values.get(attribute)
                if isinstance(value, str) and _AWS_ID.match(value):
                    ref = TfRef(resource.address, attribute)
                    self._ids[value] = None if value in self._ids and self._ids[value] != ref else ref

    def _add_module_instance(self, module_address: str) -> None:
        while module_address:
            parent, name = split_module_address(module_address)
            children = self._children.setdefault((parent, name), [])
            if module_address not in children:
                children.append(module_address)
            module_address = parent

    def _config_at(self, module_address: str) -> _ConfigModule | None:
        module = self._root
        for name in module_config_path(module_address):
            call = module.calls.get(name)
            if call is None:
                return None
            module = call[1]
        return module

    def apply(self) -> None:
        """Rewrite each resource's values with the references its configuration gives."""
        for resource in self._source.resources.values():
            module = self._config_at(resource.module)
            entry = module.resources.get(f"{resource.type}.{resource.name}") if module else None
            expressions = entry.get("expressions") if isinstance(entry, dict) else None
            if isinstance(expressions, dict):
                for name, expression in expressions.items():
                    if name in resource.values or isinstance(resource.values.get(name), Unknown):
                        resource.values[name] = self._link(resource, name, resource.values.get(name), expression)
                for name, value in resource.values.items():
                    if isinstance(value, Unknown) and name not in expressions:
                        resource.values[name] = Unknown(value.reason, provider_default=True)
            for name, value in resource.values.items():
                resource.values[name] = self._match_ids(resource, value)

    def _link(self, resource: TfResource, name: str, value: Any, expression: Any) -> Any:
        if isinstance(expression, list):
            if isinstance(value, list) and len(value) == len(expression):
                return [self._link(resource, name, item, sub) for item, sub in zip(value, expression, strict=True)]
            return value
        if not isinstance(expression, dict):
            return value
        if "references" not in expression and "constant_value" not in expression:
            if isinstance(value, dict):
                # A block's attribute its configuration leaves out and the plan knows only after apply is AWS's
                # choice, as for a resource's own attributes (see ``apply``).
                return {
                    key: self._link(resource, key, item, expression[key]) if key in expression
                    else Unknown(item.reason, provider_default=True) if isinstance(item, Unknown) else item
                    for key, item in value.items()
                }
            return value
        texts = expression.get("references")
        if not isinstance(texts, list) or not texts:
            return value
        refs = self._refs_for(texts, resource.module, name)
        if not refs and isinstance(value, Unknown) and any(str(text).startswith("local.") for text in texts):
            refs = self._only_of_type(resource, name)
        if not refs:
            return value
        return self._choose(resource, name, value, refs)

    def _only_of_type(self, resource: TfResource, name: str) -> list[TfRef]:
        """For ``vpc_id = local.vpc_id`` (a plan does not show locals): the one ``aws_vpc`` of the same module."""
        if not name.endswith("_id"):
            return []
        wanted = f"aws_{name[:-3]}"
        candidates = [
            other
            for other in self._source.resources.values()
            if other.type == wanted and other.module == resource.module
        ]
        if len(candidates) != 1:
            return []
        note = (
            f"{name} of the resources in {resource.module or 'the root module'} comes through a local value, "
            f"which a plan does not show: taken as the module's only {wanted}"
        )
        if note not in self._source.assumptions:
            self._source.assumptions.append(note)
        return [TfRef(candidates[0].address, "id")]

    def _refs_for(self, texts: list[Any], module_address: str, name: str) -> list[TfRef]:
        found: dict[TfRef, None] = {}
        for text in _longest(texts):
            if isinstance(text, str):
                for ref in self._resolve(parse_traversal(text), module_address, 0):
                    found.setdefault(ref, None)
        with_attribute = {ref.address for ref in found if ref.attribute is not None}
        guessed = attribute_for(name)
        refs = []
        for ref in found:
            if ref.attribute is None:
                if ref.address in with_attribute or (guessed is None and _is_address_like(name)):
                    continue
                ref = TfRef(ref.address, guessed)
            if ref not in refs:
                refs.append(ref)
        return refs

    def _resolve(self, steps: list[str | int], module_address: str, depth: int) -> list[TfRef]:
        if depth > _MAX_DEPTH or len(steps) < 2 or not isinstance(steps[0], str):
            return []
        head = steps[0]
        if head == "var":
            if not module_address:
                return []
            parent, call_name = split_module_address(module_address)
            parent_config = self._config_at(parent)
            call = parent_config.calls.get(call_name) if parent_config else None
            expression = call[0].get(str(steps[1])) if call else None
            return self._resolve_expression(expression, parent, depth)
        if head == "module":
            children = self._children.get((module_address, str(steps[1])), [])
            rest = steps[2:]
            if rest and isinstance(rest[0], int) or (rest and rest[0] != "*" and _is_key(rest, children)):
                children = [child for child in children if child.endswith(f"[{_key_text(rest[0])}]")]
                rest = rest[1:]
            if not rest or not isinstance(rest[0], str):
                return []
            refs: list[TfRef] = []
            for child in children:
                config = self._config_at(child)
                expression = config.outputs.get(rest[0]) if config else None
                refs.extend(self._resolve_expression(expression, child, depth))
            return refs
        if head in {"count", "each", "path", "self", "terraform", "local"}:
            return []
        if head == "data":
            if len(steps) < 3:
                return []
            relative, rest = f"data.{steps[1]}.{steps[2]}", steps[3:]
        else:
            relative, rest = f"{head}.{steps[1]}", steps[2:]
        instances = self._instances.get((module_address, relative), [])
        if rest and (isinstance(rest[0], int) or rest[0] == "*" or any(rest[0] == i.index for i in instances)):
            if rest[0] != "*":
                instances = [instance for instance in instances if instance.index == rest[0]]
            rest = rest[1:]
        attribute = rest[0] if rest and isinstance(rest[0], str) else None
        return [TfRef(instance.address, attribute) for instance in instances]

    def _resolve_expression(self, expression: Any, module_address: str, depth: int) -> list[TfRef]:
        if not isinstance(expression, dict) or not isinstance(expression.get("references"), list):
            return []
        refs: list[TfRef] = []
        for text in _longest(expression["references"]):
            if isinstance(text, str):
                refs.extend(self._resolve(parse_traversal(text), module_address, depth + 1))
        return refs

    def _choose(self, resource: TfResource, name: str, value: Any, refs: list[TfRef]) -> Any:
        if isinstance(value, Unknown):
            if is_plural(name):
                return list(refs)
            if len(refs) == 1:
                return refs[0]
            same_index = [ref for ref in refs if resource.index is not None and self._index_of(ref) == resource.index]
            if len(same_index) == 1:
                return same_index[0]
            return Unresolved(name, "the value is known only after apply and refers to several resources", tuple(refs))
        if isinstance(value, list):
            unknown_slots = [index for index, item in enumerate(value) if isinstance(item, Unknown)]
            linked = list(value)
            if unknown_slots and len(unknown_slots) == len(refs):
                for index, ref in zip(unknown_slots, refs, strict=True):
                    linked[index] = ref
            return [self._known_match(item, refs) for item in linked]
        return self._known_match(value, refs)

    def _known_match(self, value: Any, refs: list[TfRef]) -> Any:
        if not isinstance(value, str) or not value:
            return value
        for ref in refs:
            target = self._source.resolve(ref)
            if target is not None and ref.attribute and target.values.get(ref.attribute) == value:
                return ref
        return value

    def _index_of(self, ref: TfRef) -> Any:
        target = self._source.resolve(ref)
        return target.index if target else None

    def _match_ids(self, resource: TfResource, value: Any) -> Any:
        """Known values that equal another resource's AWS id or ARN become references to it."""
        if isinstance(value, str):
            ref = self._ids.get(value)
            return ref if ref is not None and ref.address != resource.address else value
        if isinstance(value, list):
            return [self._match_ids(resource, item) for item in value]
        if isinstance(value, dict):
            return {key: self._match_ids(resource, item) for key, item in value.items()}
        return value


def _is_key(rest: list[str | int], children: list[str]) -> bool:
    return any(child.endswith(f"[{_key_text(rest[0])}]") for child in children)


def _key_text(key: str | int) -> str:
    return str(key) if isinstance(key, int) else '"' + str(key).replace('"', '\\"') + '"'


def _is_address_like(name: str) -> bool:
    """Attributes that hold an address range or IP computed from a resource, not the resource itself."""
    return "cidr" in name or "ipv6" in name or name.endswith(("_ip", "_ips", "address", "addresses"))


def _longest(texts: list[Any]) -> list[str]:
    """Terraform lists a traversal and its prefixes (``a.b[0].id``, ``a.b[0]``, ``a.b``): keep the longest."""
    strings = [text for text in texts if isinstance(text, str)]
    return [text for text in strings if not any(other.startswith((f"{text}.", f"{text}[")) for other in strings)]

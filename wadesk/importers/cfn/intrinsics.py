"""The evaluator of CloudFormation intrinsic functions and conditions, under one set of parameter values.

What each function gives (see ``values.py`` for the marker types):

- ``Ref``: a parameter's value, a pseudo parameter's assumed value, ``ResourceRef(id)`` for a resource.
  ``AWS::NoValue`` removes the property or list item that holds it.
- ``Fn::GetAtt``: ``ResourceRef(id, attribute)``.
- ``Fn::Sub``, ``Fn::Join``: a plain string when every part is plain, else ``Interpolated``.
- ``Fn::Select``, ``Fn::Split``, ``Fn::FindInMap`` (with ``DefaultValue``), ``Fn::Base64`` (the text itself),
  ``Fn::Length``, ``Fn::ToJsonString``, ``Fn::If``: computed.
- ``Fn::GetAZs``: the zone placeholders ``["AZ 1", "AZ 2", "AZ 3"]``: they are not real zone names, only distinct,
  so ``!Select [0, !GetAZs '']`` and ``!Select [1, ...]`` land in different zones.
- ``Fn::Cidr``: the real subnet blocks; a VPC's ``CidrBlock`` attribute is read from the VPC's own property.
- ``Fn::ImportValue``: ``External(export name, "import")``; split (``!Split [",", !ImportValue Subnets]``), it
  gives two placeholder items ``External(name, "import", index=0)`` and ``index=1``, and ``Fn::Select`` of a
  further index gives the item of that index.
- ``Fn::Transform`` (``AWS::Include``, macros) and anything else that cannot be computed: ``Unresolved``, also
  recorded with the resource's logical id and the property path for the import report.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from wadesk.importers.cfn.evaluation import NO_VALUE, ValueWalker
from wadesk.importers.cfn.expressions import cidr_blocks, describe, is_placeholder_list, lookup
from wadesk.importers.cfn.parameters import ZONE_PLACEHOLDERS
from wadesk.importers.cfn.values import External, Interpolated, ResourceRef, Unresolved, Value, walk
from wadesk.importers.errors import printable

__all__ = ["NO_VALUE", "Evaluator"]

_SUB_VARIABLE = re.compile(r"\$\{([^}]*)\}")


#: Attributes that return a list property of the resource as the template writes it, by resource type.
_LIST_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "AWS::ElasticLoadBalancingV2::LoadBalancer": ("SecurityGroups",),
}


class Evaluator(ValueWalker):
    """Evaluates template values with every intrinsic function; records what it cannot compute and what it
    assumes (see ``ValueWalker`` for the arguments)."""

    def _value_functions(self) -> dict[str, Callable[[Any, str], Value]]:
        return {
            "Fn::Sub": self._sub,
            "Fn::Join": self._join,
            "Fn::Select": self._select,
            "Fn::Split": self._split,
            "Fn::FindInMap": self._find_in_map,
            "Fn::ImportValue": self._import_value,
            "Fn::Base64": lambda argument, path: self.evaluate(argument, path),
            "Fn::GetAZs": self._get_azs,
            "Fn::Cidr": self._cidr,
            "Fn::Length": self._length,
            "Fn::ToJsonString": self._to_json_string,
        }

    # ----------------------------------------------------------------------------------------- strings, lists

    def _sub(self, argument: Any, path: str) -> Value:
        variables: dict[str, Value] = {}
        if isinstance(argument, list) and len(argument) == 2 and isinstance(argument[1], dict):
            text = argument[0]
            variables = {str(key): self.evaluate(value, path) for key, value in argument[1].items()}
        else:
            text = argument
        if not isinstance(text, str):
            return self._bad_shape("Fn::Sub", argument, "a string, or [string, {variable: value}]", path)
        parts: list[Value] = []
        position = 0
        for match in _SUB_VARIABLE.finditer(text):
            parts.append(text[position : match.start()])
            position = match.end()
            name = match.group(1).strip()
            if name.startswith("!"):
                parts.append("${" + match.group(1)[1:] + "}")
            elif name in variables:
                parts.append(variables[name])
            elif name in self.parameters or name in self.resources or name.startswith("AWS::") or "." not in name:
                parts.append(self._named(name, None, path, f"${{{name}}}"))
            else:
                resource, attribute = name.split(".", 1)
                parts.append(self._named(resource, attribute, path, f"${{{name}}}"))
        parts.append(text[position:])
        return self._concat(parts, path, "Fn::Sub")

    def _concat(self, parts: list[Value], path: str, function: str) -> Value:
        pieces: list[str | ResourceRef | External | Unresolved] = []
        for part in parts:
            if part is NO_VALUE:
                continue
            if isinstance(part, bool):
                part = "true" if part else "false"
            if isinstance(part, int | float):
                part = str(part)
            if isinstance(part, Interpolated):
                candidates: Iterable[Any] = part.parts
            elif isinstance(part, str | ResourceRef | External | Unresolved):
                candidates = (part,)
            else:
                reason = "a list or mapping inside a string"
                candidates = (self.unresolved_value(f"{function} part {describe(part)}", reason, path),)
            for piece in candidates:
                if isinstance(piece, str) and pieces and isinstance(pieces[-1], str):
                    pieces[-1] += piece
                elif piece != "":
                    pieces.append(piece)
        if all(isinstance(piece, str) for piece in pieces):
            return "".join(pieces)  # type: ignore[arg-type]
        return Interpolated(tuple(pieces))

    def _join(self, argument: Any, path: str) -> Value:
        if not (isinstance(argument, list) and len(argument) == 2 and isinstance(argument[0], str)):
            return self._bad_shape("Fn::Join", argument, "[delimiter, [values]]", path)
        delimiter = argument[0]
        items = self.evaluate(argument[1], path)
        if isinstance(items, Unresolved):
            return items
        if not isinstance(items, list):
            return self._bad_shape("Fn::Join", argument, "a list of values to join", path)
        parts: list[Value] = []
        for index, item in enumerate(items):
            if index:
                parts.append(delimiter)
            parts.append(item)
        return self._concat(parts, path, "Fn::Join")

    def _select(self, argument: Any, path: str) -> Value:
        if not (isinstance(argument, list) and len(argument) == 2):
            return self._bad_shape("Fn::Select", argument, "[index, list]", path)
        index = self.evaluate(argument[0], path)
        items = self.evaluate(argument[1], path)
        if isinstance(items, ResourceRef) and items.attribute in _LIST_ATTRIBUTES.get(self._type_of(items), ()):
            items = self._listed_attribute(items, path)
        if isinstance(items, Unresolved):
            return items
        try:
            position = int(index)
        except (TypeError, ValueError):
            return self._bad_shape("Fn::Select", argument, "a number as its index", path)
        if not isinstance(items, list):
            return self.unresolved_value(
                describe({"Fn::Select": argument}), "the list to select from cannot be computed", path
            )
        if position >= len(items) > 0 and is_placeholder_list(items):
            first = items[0]
            return External(first.name, first.source, first.aws_type, position)
        if not 0 <= position < len(items):
            return self.unresolved_value(
                describe({"Fn::Select": argument}), f"index {position} is outside a list of {len(items)}", path
            )
        return items[position]

    def _split(self, argument: Any, path: str) -> Value:
        if not (isinstance(argument, list) and len(argument) == 2 and isinstance(argument[0], str) and argument[0]):
            return self._bad_shape("Fn::Split", argument, "[delimiter, string]", path)
        delimiter = argument[0]
        text = self.evaluate(argument[1], path)
        if isinstance(text, str):
            return text.split(delimiter)
        if isinstance(text, Interpolated):
            pieces: list[list[Value]] = [[]]
            for part in text.parts:
                if isinstance(part, str):
                    first, *rest = part.split(delimiter)
                    pieces[-1].append(first)
                    pieces.extend([piece] for piece in rest)
                else:
                    pieces[-1].append(part)
            return [self._concat(piece, path, "Fn::Split") for piece in pieces]
        if isinstance(text, Unresolved):
            return text
        if isinstance(text, External) and text.index is None:
            # A list exported as one string (subnet ids joined by commas...): placeholder items, as for a list
            # parameter given no value; Fn::Select reaches further items on demand.
            return [External(text.name, text.source, text.aws_type, index) for index in range(2)]
        return self.unresolved_value(
            describe({"Fn::Split": argument}), "the text to split is not known before deployment", path
        )

    def _length(self, argument: Any, path: str) -> Value:
        items = self.evaluate(argument, path)
        if isinstance(items, list):
            return len(items)
        return self.unresolved_value(describe({"Fn::Length": argument}), "the list cannot be computed", path)

    def _to_json_string(self, argument: Any, path: str) -> Value:
        value = self.evaluate(argument, path)
        if any(isinstance(item, ResourceRef | External | Unresolved | Interpolated) for item in walk(value)):
            return self.unresolved_value(
                describe({"Fn::ToJsonString": argument}), "the value holds parts known only at deployment", path
            )
        return json.dumps(value, separators=(",", ":"))

    # ----------------------------------------------------------------------------------------------- mappings

    def _find_in_map(self, argument: Any, path: str) -> Value:
        if not (isinstance(argument, list) and len(argument) in (3, 4)):
            return self._bad_shape("Fn::FindInMap", argument, "[map, top-level key, second-level key]", path)
        keys = [self.evaluate(item, path) for item in argument[:3]]
        default = argument[3].get("DefaultValue") if len(argument) == 4 and isinstance(argument[3], dict) else None
        has_default = len(argument) == 4 and isinstance(argument[3], dict) and "DefaultValue" in argument[3]
        expression = describe({"Fn::FindInMap": argument})
        for key in keys:
            if isinstance(key, Unresolved):
                return key
            if not isinstance(key, str | int | float) or isinstance(key, bool):
                return self.unresolved_value(expression, f"the key {printable(str(key), 60)} is not known", path)
        map_name, top, second = (str(key) for key in keys)
        table = self.mappings.get(map_name)
        if not isinstance(table, dict):
            return self.unresolved_value(expression, f"no mapping named {map_name}", path)
        row = lookup(table, top)
        found = lookup(row, second) if isinstance(row, dict) else None
        if found is None:
            if has_default:
                return self.evaluate(default, path)
            return self.unresolved_value(expression, f"mapping {map_name} has no entry {top}/{second}", path)
        return self.evaluate(found, path)

    # ------------------------------------------------------------------------------- outside the template

    def _import_value(self, argument: Any, path: str) -> Value:
        name = self.evaluate(argument, path)
        if isinstance(name, list | dict):
            return self._bad_shape("Fn::ImportValue", argument, "an export name", path)
        return External(str(name), "import")

    def _get_azs(self, argument: Any, path: str) -> Value:
        self.evaluate(argument, path)
        self.assume(
            "Fn::GetAZs gives the zone placeholders " + ", ".join(ZONE_PLACEHOLDERS)
            + " (distinct zones, not real zone names)"
        )
        return list(ZONE_PLACEHOLDERS)

    def _cidr(self, argument: Any, path: str) -> Value:
        expression = describe({"Fn::Cidr": argument})
        if not (isinstance(argument, list) and len(argument) == 3):
            return self._bad_shape("Fn::Cidr", argument, "[ip block, count, bits]", path)
        block, count, bits = (self.evaluate(item, path) for item in argument)
        if isinstance(block, ResourceRef) and block.attribute == "CidrBlock":
            block = self._vpc_cidr(block.logical_id, path)
        if isinstance(block, Unresolved):
            return block
        if not isinstance(block, str):
            return self.unresolved_value(expression, "the address block is not known before deployment", path)
        try:
            return cidr_blocks(block, count, bits)
        except (TypeError, ValueError) as error:
            return self.unresolved_value(expression, printable(str(error), 200), path)

    def _type_of(self, reference: ResourceRef) -> str:
        raw = self.raw_resources.get(reference.logical_id)
        kind = raw.get("Type") if isinstance(raw, dict) else None
        return kind if isinstance(kind, str) else ""

    def _listed_attribute(self, reference: ResourceRef, path: str) -> Value:
        """An attribute that gives back a list property of the resource as written (a load balancer's
        ``SecurityGroups``), so that ``!Select [0, !GetAtt Alb.SecurityGroups]`` names the group."""
        raw = self.raw_resources.get(reference.logical_id)
        properties = raw.get("Properties") if isinstance(raw, dict) else None
        name = str(reference.attribute)
        if reference.logical_id in self._cidr_lookups or not isinstance(properties, dict) or name not in properties:
            return reference
        self._cidr_lookups.add(reference.logical_id)
        try:
            return self.evaluate(properties[name], path)
        finally:
            self._cidr_lookups.discard(reference.logical_id)

    def _vpc_cidr(self, logical_id: str, path: str) -> Value:
        raw = self.raw_resources.get(logical_id)
        properties = raw.get("Properties") if isinstance(raw, dict) else None
        if logical_id in self._cidr_lookups or not isinstance(properties, dict) or "CidrBlock" not in properties:
            return ResourceRef(logical_id, "CidrBlock")
        self._cidr_lookups.add(logical_id)
        try:
            return self.evaluate(properties["CidrBlock"], path)
        finally:
            self._cidr_lookups.discard(logical_id)

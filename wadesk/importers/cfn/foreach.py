"""``Fn::ForEach`` of the ``AWS::LanguageExtensions`` transform, expanded before anything else reads the template.

A loop is an entry ``Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]`` of any mapping
(``Resources``, ``Outputs``, ``Conditions``, a resource's ``Properties``). For each item of the collection the
fragment is copied with ``${Identifier}`` (the item) and ``&{Identifier}`` (the item with its non-alphanumeric
characters removed) replaced in its keys and in the text of ``Fn::Sub``, and ``{"Ref": Identifier}`` replaced by
the item; the copies are merged into the mapping that held the loop. Loops nest (CloudFormation allows five
levels); an inner loop's collection may name an outer identifier.

The collection is a literal list, a ``Ref`` to a list parameter (or a comma-separated text one), or an
``Fn::FindInMap`` over literal or parameter keys. Any other collection is left in place, unexpanded, for the
template reader to report; so is a loop whose expansion would exceed ``MAX_GENERATED`` entries.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

#: The prefix of a loop's key.
PREFIX = "Fn::ForEach::"
#: CloudFormation allows loops five deep.
MAX_NESTING = 5
#: At most this many entries are made by all the loops of one template together.
MAX_GENERATED = 5000


class _Budget:
    def __init__(self) -> None:
        self.left = MAX_GENERATED
        #: loop key -> why it was left unexpanded (the last reason met wins)
        self.problems: dict[str, str] = {}


def expand_foreach(
    data: dict[str, Any], parameters: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, str], dict[str, str]]:
    """The template with every loop that can be expanded expanded.

    Args:
        data: the template as read (not changed).
        parameters: parameter values by name (lists for list parameters).

    Returns:
        The expanded template; for each resource a loop made, the key of its outermost loop under
        ``Resources`` (so a report can point at the loop's line); and for each loop left unexpanded, or whose
        entries were not all taken, why.
    """
    mappings = data.get("Mappings") if isinstance(data.get("Mappings"), dict) else {}
    budget = _Budget()
    expanded = dict(data)
    origins: dict[str, str] = {}
    for section in ("Resources", "Outputs", "Conditions"):
        entries = data.get(section)
        if not isinstance(entries, dict) or not _has_loop(entries, 0):
            continue
        result: dict[str, Any] = {}
        for key, value in entries.items():
            if isinstance(key, str) and key.startswith(PREFIX):
                made = _expand_loop(key, value, parameters, mappings, budget, 1)
                if made is None:
                    result[key] = value
                    continue
                for made_key, made_value in made.items():
                    if made_key in entries or made_key in result:  # CloudFormation refuses a logical id twice
                        budget.problems[key] = f"it makes {made_key}, which the template already declares"
                        continue
                    result[made_key] = made_value
                    if section == "Resources":
                        origins[made_key] = key
            else:
                result[key] = _expand_within(value, parameters, mappings, budget, 0)
        expanded[section] = result
    return expanded, origins, budget.problems


def _has_loop(value: Any, depth: int) -> bool:
    if depth > 60:
        return False
    if isinstance(value, dict):
        return any(
            (isinstance(key, str) and key.startswith(PREFIX)) or _has_loop(item, depth + 1)
            for key, item in value.items()
        )
    if isinstance(value, list):
        return any(_has_loop(item, depth + 1) for item in value)
    return False


def _expand_within(
    value: Any, parameters: Mapping[str, Any], mappings: Mapping[str, Any], budget: _Budget, level: int
) -> Any:
    """``value`` with the loops inside its mappings expanded (loops in property mappings included)."""
    if isinstance(value, list):
        return [_expand_within(item, parameters, mappings, budget, level) for item in value]
    if not isinstance(value, dict) or not _has_loop(value, 0):
        return value
    result: dict[str, Any] = {}
    for key, item in value.items():
        if isinstance(key, str) and key.startswith(PREFIX):
            made = _expand_loop(key, item, parameters, mappings, budget, level + 1)
            if made is None:
                result[key] = item
            else:
                result.update(made)
        else:
            result[key] = _expand_within(item, parameters, mappings, budget, level)
    return result


def _expand_loop(
    key: str, spec: Any, parameters: Mapping[str, Any], mappings: Mapping[str, Any], budget: _Budget, level: int
) -> dict[str, Any] | None:
    """The entries one loop makes, or None when it cannot be expanded (the reason kept in the budget)."""
    if level > MAX_NESTING:
        budget.problems[key] = f"loops nest more than {MAX_NESTING} deep, which CloudFormation refuses"
        return None
    if not (isinstance(spec, list) and len(spec) == 3):
        budget.problems[key] = "it is not [identifier, collection, template fragment]"
        return None
    identifier, collection, fragment = spec
    if not isinstance(identifier, str) or not identifier or not isinstance(fragment, dict):
        budget.problems[key] = "its identifier is not a name or its fragment not a mapping"
        return None
    items = _collection(collection, parameters, mappings)
    if items is None:
        budget.problems[key] = (
            "its collection is not a list of strings, a list parameter or a mapping entry known before deployment"
        )
        return None
    made: dict[str, Any] = {}
    for item in items:
        copied = _substitute(copy.deepcopy(fragment), identifier, item)
        expanded = _expand_within(copied, parameters, mappings, budget, level)
        for made_key, made_value in expanded.items():
            if budget.left <= 0:
                budget.problems[key] = f"the loops would make more than {MAX_GENERATED} entries"
                return None
            budget.left -= 1
            made[made_key] = made_value
    return made


def _collection(value: Any, parameters: Mapping[str, Any], mappings: Mapping[str, Any]) -> list[str] | None:
    if isinstance(value, dict) and len(value) == 1:
        name, argument = next(iter(value.items()))
        if name == "Ref" and isinstance(argument, str) and argument in parameters:
            value = parameters[argument]
        elif name == "Fn::FindInMap" and isinstance(argument, list) and len(argument) >= 3:
            keys = [_key(part, parameters) for part in argument[:3]]
            if any(part is None for part in keys):
                return None
            table = mappings.get(keys[0]) if isinstance(mappings, Mapping) else None
            row = table.get(keys[1]) if isinstance(table, dict) else None
            value = row.get(keys[2]) if isinstance(row, dict) else None
        else:
            return None
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",")] if value else []
    if not isinstance(value, list):
        return None
    items: list[str] = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            return None
        items.append(str(item))
    return items


def _key(value: Any, parameters: Mapping[str, Any]) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and set(value) == {"Ref"}:
        found = parameters.get(value["Ref"]) if isinstance(value["Ref"], str) else None
        return found if isinstance(found, str) else None
    return None


def _substitute(value: Any, identifier: str, item: str) -> Any:
    """``value`` with the loop's identifier replaced by ``item`` where CloudFormation replaces it."""
    plain = "${" + identifier + "}"
    stripped = "&{" + identifier + "}"
    compact = re.sub(r"[^A-Za-z0-9]", "", item)
    if isinstance(value, list):
        return [_substitute(entry, identifier, item) for entry in value]
    if not isinstance(value, dict):
        return value
    if set(value) == {"Ref"} and value["Ref"] == identifier:
        return item
    result: dict[Any, Any] = {}
    for key, entry in value.items():
        if isinstance(key, str) and not key.startswith(PREFIX):
            key = key.replace(plain, item).replace(stripped, compact)
        if key == "Fn::Sub":
            entry = _substitute_sub(entry, identifier, item, plain)
        result[key] = _substitute(entry, identifier, item)
    return result


def _substitute_sub(argument: Any, identifier: str, item: str, plain: str) -> Any:
    if isinstance(argument, str):
        return argument.replace(plain, item)
    if isinstance(argument, list) and argument and isinstance(argument[0], str):
        variables = argument[1] if len(argument) > 1 else None
        if isinstance(variables, dict) and identifier in variables:
            return argument  # the Sub defines its own variable of that name
        return [argument[0].replace(plain, item), *argument[1:]]
    return argument

"""The defaults a variable's type constraint gives: ``optional(TYPE, DEFAULT)`` attributes of object types.

Since Terraform 1.3 an object attribute declared ``optional(bool, true)`` takes its default when the value given
(the variable's default, a ``.tfvars`` value or a module argument) leaves it out or sets it to null, and an
attribute declared ``optional(TYPE)`` without a default is null. Without this, ``var.settings.encrypted`` of a
variable whose default is ``{}`` would be "no attribute", and whatever depends on it would go unresolved. Types
nest (``map(object({...}))``, ``list(object({...}))``), and a default is itself completed by its own type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wadesk.importers.terraform import syntax_tree as ast

#: Evaluates a default written in a type constraint (a literal expression in the module).
Evaluate = Callable[[ast.Node], Any]


def with_type_defaults(type_node: ast.Node, value: Any, evaluate: Evaluate) -> Any:
    """``value`` with the attributes its declared type makes optional filled in (see the module docstring).

    A value of another shape than the type expects (a marker, an unresolved value, a string for an object) is
    returned as it is: converting or rejecting values is not this function's work.
    """
    if not isinstance(type_node, ast.Call):
        return value
    args = type_node.args
    if type_node.name == "object" and len(args) == 1 and isinstance(args[0], ast.ObjectNode):
        return _object(args[0], value, evaluate) if isinstance(value, dict) else value
    if type_node.name == "map" and len(args) == 1 and isinstance(value, dict):
        return {key: with_type_defaults(args[0], item, evaluate) for key, item in value.items()}
    if type_node.name in ("list", "set") and len(args) == 1 and isinstance(value, list):
        return [with_type_defaults(args[0], item, evaluate) for item in value]
    if type_node.name == "tuple" and len(args) == 1 and isinstance(args[0], ast.TupleNode) and isinstance(value, list):
        types = args[0].items
        return [
            with_type_defaults(types[index], item, evaluate) if index < len(types) else item
            for index, item in enumerate(value)
        ]
    return value


def _object(declared: ast.ObjectNode, value: dict[str, Any], evaluate: Evaluate) -> dict[str, Any]:
    result = dict(value)
    for key_node, attribute_type in declared.items:
        name = _key(key_node)
        if name is None:
            continue
        if isinstance(attribute_type, ast.Call) and attribute_type.name == "optional" and attribute_type.args:
            inner = attribute_type.args[0]
            if result.get(name) is None:
                default = evaluate(attribute_type.args[1]) if len(attribute_type.args) > 1 else None
                result[name] = with_type_defaults(inner, default, evaluate)
            else:
                result[name] = with_type_defaults(inner, result[name], evaluate)
        elif name in result:
            result[name] = with_type_defaults(attribute_type, result[name], evaluate)
    return result


def _key(node: ast.Node) -> str | None:
    """The attribute name an object type's key node writes (``name = ...`` or ``"name" = ...``)."""
    if isinstance(node, ast.Variable):
        return node.name
    if isinstance(node, ast.Literal) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Template) and len(node.parts) == 1 and isinstance(node.parts[0], str):
        return node.parts[0]
    if isinstance(node, ast.Template) and not node.parts:
        return ""
    return None

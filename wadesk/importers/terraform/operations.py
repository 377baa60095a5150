"""Terraform's operations on evaluated values: conversions, attribute access, indexing and operators.

Also the evaluation-time objects the evaluator hands around (namespaces such as ``var`` or a resource type, and
one resource instance) and the helpers that build an :class:`~.values.Unresolved` from the values it depends on.
"""

from __future__ import annotations

from typing import Any

from wadesk.importers.terraform.values import (
    Interpolated,
    ModuleOutput,
    TfRef,
    Unknown,
    Unresolved,
    module_outputs_in,
    refs_in,
)

#: The largest collection a ``for`` expression, ``range`` or ``count`` may produce.
MAX_ITEMS = 10_000


class EvalError(Exception):
    """An expression Terraform itself would reject: the message says why."""


class Namespace:
    """An object whose attributes are looked up when named: ``var``, ``local``, ``module``, a resource type..."""

    #: True for a resource whose number of instances is not known (its splats and iterations are unresolved).
    unknown_count = False

    def get_attr(self, name: str) -> Any:
        raise EvalError(f"has no attribute {name!r}")

    def get_index(self, key: Any) -> Any:
        """``self[key]``: by default the same as an attribute (``module.x["a"]`` on a map of instances)."""
        return self.get_attr(to_string(key))

    def as_value(self) -> Any:
        """What it is when it ends up as a value (a resource instance becomes a reference to it)."""
        return Unresolved(str(self), "this object cannot be used as a value here")


class ResourceInstance(Namespace):
    """One instance of a resource or data source: its attributes are references to it."""

    def __init__(self, address: str, known: dict[str, Any] | None = None) -> None:
        self.address = address
        self.known = known or {}

    def get_attr(self, name: str) -> Any:
        if name in self.known:
            return self.known[name]
        return TfRef(self.address, name)

    def as_value(self) -> Any:
        return TfRef(self.address, None)

    def __repr__(self) -> str:
        return f"ResourceInstance({self.address!r})"

MARKERS = (TfRef, ModuleOutput, Unknown, Unresolved, Interpolated)


def is_marker(value: Any) -> bool:
    """Whether a value is one of the markers (a value not known here)."""
    return isinstance(value, MARKERS)


def unresolved_from(node_text: str, reason: str, *values: Any) -> Unresolved:
    """An :class:`Unresolved` for an expression, keeping the innermost reason and every reference inside ``values``."""
    refs: dict[TfRef | ModuleOutput, None] = {}
    inner: Unresolved | None = None
    for value in values:
        for ref in [*refs_in(value), *module_outputs_in(value)]:
            refs.setdefault(ref, None)
        if inner is None:
            inner = _first_unresolved(value)
    if inner is not None:
        return Unresolved(inner.expression, inner.reason, tuple(refs))
    return Unresolved(node_text, reason, tuple(refs))


def _first_unresolved(value: Any) -> Unresolved | None:
    if isinstance(value, Unresolved):
        return value
    if isinstance(value, Interpolated):
        return next((part for part in value.parts if isinstance(part, Unresolved)), None)
    return None


def finish(value: Any) -> Any:
    """Turn evaluation-time objects into plain values: resource instances into references, tuples into lists."""
    if isinstance(value, Namespace):
        return value.as_value()
    if isinstance(value, list | tuple):
        return [finish(item) for item in value]
    if isinstance(value, dict):
        return {key: finish(item) for key, item in value.items()}
    return value


def normalize_number(value: float | int) -> float | int:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def to_number(value: Any) -> float | int:
    if isinstance(value, bool) or value is None:
        raise EvalError(f"a number is required, not {type_name(value)}")
    if isinstance(value, int | float):
        return value
    if isinstance(value, str):
        try:
            return normalize_number(float(value)) if any(c in value for c in ".eE") else int(value)
        except ValueError:
            raise EvalError(f"{value!r} is not a number") from None
    raise EvalError(f"a number is required, not {type_name(value)}")


def to_string(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        value = normalize_number(value)
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, str):
        return value
    raise EvalError(f"a string is required, not {type_name(value)}")


def to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    raise EvalError(f"a bool is required, not {type_name(value)}")


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "list"
    if isinstance(value, dict):
        return "object"
    return "object"


def holds_marker(value: Any) -> bool:
    if isinstance(value, list):
        return any(is_marker(item) or holds_marker(item) for item in value)
    if isinstance(value, dict):
        return any(is_marker(item) or holds_marker(item) for item in value.values())
    return False


def iteration_pairs(collection: Any) -> list[tuple[Any, Any]]:
    if isinstance(collection, dict):
        return [(key, collection[key]) for key in sorted(collection)]
    if isinstance(collection, list | tuple):
        return list(enumerate(collection))
    if collection is None:
        raise EvalError("cannot iterate over null")
    raise EvalError(f"cannot iterate over a {type_name(collection)}")


def get_attr(target: Any, name: str, text: str) -> Any:
    """``target.name``, on data, namespaces and markers."""
    if isinstance(target, Namespace):
        return target.get_attr(name)
    if isinstance(target, dict):
        if name in target:
            return target[name]
        raise EvalError(f"the object has no attribute {name!r}")
    if isinstance(target, TfRef):
        return TfRef(target.address, f"{target.attribute}.{name}" if target.attribute else name)
    if isinstance(target, ModuleOutput):
        key = name if target.key is None else f"{target.key}.{name}"
        return ModuleOutput(target.module, target.output, key)
    if isinstance(target, Unknown | Unresolved):
        return target
    if target is None:
        raise EvalError(f"cannot take {name!r} of null")
    if isinstance(target, list):
        raise EvalError(f"a list has no attribute {name!r} (index it, or use [*].{name})")
    raise EvalError(f"a {type_name(target)} has no attribute {name!r}")


def index(target: Any, key: Any, text: str) -> Any:
    """``target[key]``, on data, namespaces and markers."""
    if is_marker(key):
        return unresolved_from(text, "the index is known only after apply", key, target)
    if isinstance(target, list | tuple):
        try:
            position = int(to_number(key))
        except EvalError:
            raise EvalError(f"a list index must be a number, not {key!r}") from None
        if not 0 <= position < len(target):
            raise EvalError(f"the index {position} is out of range (the list has {len(target)} items)")
        return target[position]
    if isinstance(target, dict):
        text_key = to_string(key)
        if text_key not in target:
            raise EvalError(f"the key {text_key!r} does not exist")
        return target[text_key]
    if isinstance(target, Namespace):
        return target.get_index(key)
    if isinstance(target, TfRef):
        step = to_string(key)
        return TfRef(target.address, f"{target.attribute}.{step}" if target.attribute else step)
    if isinstance(target, ModuleOutput):
        if target.key is None:
            return ModuleOutput(target.module, target.output, key if isinstance(key, int | str) else to_string(key))
        return ModuleOutput(target.module, target.output, f"{target.key}.{to_string(key)}")
    if isinstance(target, Unknown | Unresolved):
        return target
    if target is None:
        raise EvalError("cannot index null")
    raise EvalError(f"a {type_name(target)} cannot be indexed")


def binary(operator: str, left: Any, right: Any) -> Any:
    """Apply a binary operator to two known values."""
    if operator == "==":
        return _equal(left, right)
    if operator == "!=":
        return not _equal(left, right)
    if operator in {"&&", "||"}:
        return to_bool(left) and to_bool(right) if operator == "&&" else to_bool(left) or to_bool(right)
    a, b = to_number(left), to_number(right)
    if operator == "+":
        return normalize_number(a + b)
    if operator == "-":
        return normalize_number(a - b)
    if operator == "*":
        return normalize_number(a * b)
    if operator in {"/", "%"}:
        if b == 0:
            raise EvalError("division by zero")
        return normalize_number(a / b) if operator == "/" else normalize_number(a - b * int(a / b))
    comparisons = {">": a > b, ">=": a >= b, "<": a < b, "<=": a <= b}
    return comparisons[operator]


def _equal(left: Any, right: Any) -> bool:
    if isinstance(left, bool) != isinstance(right, bool):
        return False
    if isinstance(left, int | float) and isinstance(right, int | float):
        return float(left) == float(right)
    if type_name(left) != type_name(right):
        return False
    return bool(left == right)

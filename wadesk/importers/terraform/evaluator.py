"""Evaluates parsed HCL expressions to values, keeping references as markers and never guessing.

A value the evaluator cannot compute without providers becomes a marker of ``values.py``: a reference to another
resource stays a :class:`~.values.TfRef`, a string built around one becomes an :class:`~.values.Interpolated`,
and anything else that cannot be known (an operator or function applied to such a value, a variable without a
value, a function this evaluator lacks) becomes an :class:`~.values.Unresolved` with the reason and the
references it mentions. What Terraform itself would reject (an index out of range, an attribute a known object
does not have) raises :class:`EvalError`, which ``try`` and ``can`` catch as Terraform's do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wadesk.importers.terraform import expressions as ast
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


class Evaluator:
    """Evaluates expression nodes in a scope.

    Args:
        resolve_root: gives the value of a root name (``var``, ``local``, ``aws_vpc``, ``count``...); raises
            :class:`EvalError` for a name that does not exist.
        call_function: applies a Terraform function to evaluated arguments (see ``functions.py``).
    """

    def __init__(
        self,
        resolve_root: Callable[[str], Any],
        call_function: Callable[[Evaluator, str, list[Any], ast.Call], Any],
    ) -> None:
        self._resolve_root = resolve_root
        self._call_function = call_function
        self._frames: list[dict[str, Any]] = []

    def evaluate(self, node: ast.Node) -> Any:
        """Evaluate a node; the result may hold namespaces (call :func:`finish` on what is kept)."""
        method = getattr(self, f"_eval_{type(node).__name__}", None)
        if method is None:
            return Unresolved(node.text, f"the expression kind {type(node).__name__} is not supported")
        return method(node)

    def with_names(self, names: dict[str, Any], node: ast.Node) -> Any:
        """Evaluate ``node`` with extra names in scope (a ``for`` variable, ``count``, ``each``, an iterator)."""
        self._frames.append(names)
        try:
            return self.evaluate(node)
        finally:
            self._frames.pop()

    # --- leaves -----------------------------------------------------------------------------------------------

    def _eval_Literal(self, node: ast.Literal) -> Any:
        return node.value

    def _eval_Variable(self, node: ast.Variable) -> Any:
        for frame in reversed(self._frames):
            if node.name in frame:
                return frame[node.name]
        return self._resolve_root(node.name)

    def _eval_TupleNode(self, node: ast.TupleNode) -> Any:
        return [self.evaluate(item) for item in node.items]

    def _eval_ObjectNode(self, node: ast.ObjectNode) -> Any:
        result: dict[str, Any] = {}
        for key_node, value_node in node.items:
            if isinstance(key_node, ast.Variable):
                key: Any = key_node.name
            else:
                key = self.evaluate(key_node)
            if is_marker(key):
                return unresolved_from(node.text, "an object key is known only after apply", key)
            result[to_string(key)] = self.evaluate(value_node)
        return result

    # --- templates --------------------------------------------------------------------------------------------

    def _eval_Template(self, node: ast.Template) -> Any:
        if len(node.parts) == 1 and isinstance(node.parts[0], ast.Node) and not isinstance(
            node.parts[0], ast.TemplateIf | ast.TemplateFor
        ):
            return self.evaluate(node.parts[0])
        pieces: list[Any] = []
        for part in node.parts:
            value = part if isinstance(part, str) else finish(self.evaluate(part))
            if isinstance(value, Interpolated):
                pieces.extend(value.parts)
            elif is_marker(value):
                pieces.append(value)
            elif value is None:
                raise EvalError(f"a null value in the string {node.text!r}")
            elif isinstance(value, list | dict):
                raise EvalError(f"a {type_name(value)} cannot be put in the string {node.text!r}")
            else:
                pieces.append(to_string(value))
        merged: list[Any] = []
        for piece in pieces:
            if isinstance(piece, str) and merged and isinstance(merged[-1], str):
                merged[-1] += piece
            elif piece != "":
                merged.append(piece)
        if all(isinstance(piece, str) for piece in merged):
            return "".join(merged)
        return Interpolated(tuple(merged))

    def _eval_TemplateIf(self, node: ast.TemplateIf) -> Any:
        condition = finish(self.evaluate(node.condition))
        if is_marker(condition):
            return unresolved_from(node.text, "the condition is known only after apply", condition)
        if to_bool(condition):
            return self.evaluate(node.then)
        return self.evaluate(node.otherwise) if node.otherwise is not None else ""

    def _eval_TemplateFor(self, node: ast.TemplateFor) -> Any:
        collection = self.evaluate(node.collection)
        if is_marker(collection):
            return unresolved_from(node.text, "the collection is known only after apply", collection)
        pieces: list[Any] = []
        for key, value in _pairs(collection):
            names = {node.value_name: value}
            if node.key_name:
                names[node.key_name] = key
            pieces.append(self.with_names(names, node.body))
        if all(isinstance(piece, str) for piece in pieces):
            return "".join(pieces)
        return unresolved_from(node.text, "a part of the template is known only after apply", *pieces)

    # --- traversals -------------------------------------------------------------------------------------------

    def _eval_GetAttr(self, node: ast.GetAttr) -> Any:
        return get_attr(self.evaluate(node.target), node.name, node.text)

    def _eval_Index(self, node: ast.Index) -> Any:
        key = finish(self.evaluate(node.key))
        return index(self.evaluate(node.target), key, node.text)

    def _eval_Splat(self, node: ast.Splat) -> Any:
        target = self.evaluate(node.target)
        if target is None:
            return []
        if isinstance(target, Namespace) and target.unknown_count:
            one = self._splat_steps(target.get_index(0), node)
            return unresolved_from(node.text, "the number of instances is known only after apply", one)
        if is_marker(target):
            return self._splat_steps(target, node)
        items = target if isinstance(target, list) else [target]
        return [self._splat_steps(item, node) for item in items]

    def _splat_steps(self, value: Any, node: ast.Splat) -> Any:
        for kind, step in node.steps:
            if kind == "attr":
                value = get_attr(value, step, node.text)
            else:
                value = index(value, finish(self.evaluate(step)), node.text)
        return value

    # --- operators --------------------------------------------------------------------------------------------

    def _eval_Unary(self, node: ast.Unary) -> Any:
        operand = finish(self.evaluate(node.operand))
        if is_marker(operand):
            return unresolved_from(node.text, "uses a value known only after apply", operand)
        if node.operator == "!":
            return not to_bool(operand)
        return normalize_number(-to_number(operand))

    def _eval_Binary(self, node: ast.Binary) -> Any:
        left = finish(self.evaluate(node.left))
        if node.operator in {"&&", "||"} and not is_marker(left):
            if to_bool(left) == (node.operator == "||"):
                return node.operator == "||"
        right = finish(self.evaluate(node.right))
        if is_marker(left) or is_marker(right) or _holds_marker(left) or _holds_marker(right):
            if node.operator in {"&&", "||"} and not is_marker(right):
                if to_bool(right) == (node.operator == "||"):
                    return node.operator == "||"
            return unresolved_from(node.text, "uses a value known only after apply", left, right)
        return binary(node.operator, left, right)

    def _eval_Conditional(self, node: ast.Conditional) -> Any:
        condition = finish(self.evaluate(node.condition))
        if is_marker(condition):
            then, otherwise = finish(self.evaluate(node.then)), finish(self.evaluate(node.otherwise))
            if then == otherwise:
                return then
            return unresolved_from(
                node.text, "the condition is known only after apply", condition, then, otherwise
            )
        return self.evaluate(node.then if to_bool(condition) else node.otherwise)

    # --- for expressions and calls ----------------------------------------------------------------------------

    def _eval_ForExpr(self, node: ast.ForExpr) -> Any:
        collection = self.evaluate(node.collection)
        if isinstance(collection, Namespace) and collection.unknown_count:
            collection = collection.as_value()
        if is_marker(collection):
            return unresolved_from(node.text, "iterates over a value known only after apply", collection)
        pairs = _pairs(collection)
        if len(pairs) > MAX_ITEMS:
            raise EvalError(f"the for expression makes more than {MAX_ITEMS} items")
        items: list[Any] = []
        grouped: dict[str, Any] = {}
        for key, value in pairs:
            names = {node.value_name: value}
            if node.key_name:
                names[node.key_name] = key
            if node.condition is not None:
                keep = finish(self.with_names(names, node.condition))
                if is_marker(keep):
                    return unresolved_from(node.text, "the filter is known only after apply", keep)
                if not to_bool(keep):
                    continue
            if node.key_expr is None:
                items.append(self.with_names(names, node.value_expr))
                continue
            item_key = finish(self.with_names(names, node.key_expr))
            if is_marker(item_key):
                return unresolved_from(node.text, "a key is known only after apply", item_key)
            item_key = to_string(item_key)
            item_value = self.with_names(names, node.value_expr)
            if node.grouping:
                grouped.setdefault(item_key, []).append(item_value)
            elif item_key in grouped:
                raise EvalError(f"the key {item_key!r} appears twice (use ... to group)")
            else:
                grouped[item_key] = item_value
        return items if node.key_expr is None else grouped

    def _eval_Call(self, node: ast.Call) -> Any:
        if node.name in {"try", "can"}:
            return self._try_or_can(node)
        args = [self.evaluate(arg) for arg in node.args]
        if node.expand_last and args:
            last = finish(args.pop())
            if is_marker(last):
                return unresolved_from(node.text, "expands a value known only after apply", last)
            if not isinstance(last, list | dict):
                raise EvalError("only a list can be expanded with ...")
            args.extend(last if isinstance(last, list) else list(last.values()))
        return self._call_function(self, node.name, args, node)

    def _try_or_can(self, node: ast.Call) -> Any:
        if node.name == "can":
            if len(node.args) != 1:
                raise EvalError("can takes one argument")
            try:
                value = finish(self.evaluate(node.args[0]))
            except EvalError:
                return False
            if isinstance(value, Unresolved):
                return unresolved_from(node.text, "cannot tell whether it would fail", value)
            return True
        for arg in node.args:
            try:
                value = finish(self.evaluate(arg))
            except EvalError:
                continue
            return value
        raise EvalError("no argument of try could be evaluated")


def _holds_marker(value: Any) -> bool:
    if isinstance(value, list):
        return any(is_marker(item) or _holds_marker(item) for item in value)
    if isinstance(value, dict):
        return any(is_marker(item) or _holds_marker(item) for item in value.values())
    return False


def _pairs(collection: Any) -> list[tuple[Any, Any]]:
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

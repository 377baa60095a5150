"""Evaluates parsed HCL expressions to values, keeping references as markers and never guessing.

A value the evaluator cannot compute without providers becomes a marker of ``values.py``: a reference to another
resource stays a :class:`~.values.TfRef`, a string built around one becomes an :class:`~.values.Interpolated`,
and anything else that cannot be known (an operator or function applied to such a value, a variable without a
value, a function this evaluator lacks) becomes an :class:`~.values.Unresolved` with the reason and the
references it mentions. What Terraform itself would reject (an index out of range, an attribute a known object
does not have) raises :class:`EvalError`, which ``try`` and ``can`` catch as Terraform's do. The operations on
values themselves (conversions, indexing, operators) are in ``operations.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wadesk.importers.terraform import syntax_tree as ast
from wadesk.importers.terraform.operations import (
    MAX_ITEMS,
    EvalError,
    Namespace,
    binary,
    finish,
    get_attr,
    holds_marker,
    index,
    is_marker,
    iteration_pairs,
    normalize_number,
    to_bool,
    to_number,
    to_string,
    type_name,
    unresolved_from,
)
from wadesk.importers.terraform.values import Interpolated, Unresolved


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
        for key, value in iteration_pairs(collection):
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
        if is_marker(left) or is_marker(right) or holds_marker(left) or holds_marker(right):
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
        pairs = iteration_pairs(collection)
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

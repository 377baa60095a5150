"""The syntax tree of HCL expressions: what ``expressions.py`` parses and ``evaluator.py`` evaluates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Node:
    """An expression node; ``text`` is its source, for the import report."""

    text: str = field(default="", compare=False, kw_only=True)


@dataclass(frozen=True)
class Literal(Node):
    value: Any


@dataclass(frozen=True)
class Template(Node):
    """A string template: literal text and interpolated expressions (and ``%{if}``/``%{for}`` directives)."""

    parts: tuple[str | Node, ...]


@dataclass(frozen=True)
class TemplateIf(Node):
    condition: Node
    then: Template
    otherwise: Template | None


@dataclass(frozen=True)
class TemplateFor(Node):
    key_name: str | None
    value_name: str
    collection: Node
    body: Template


@dataclass(frozen=True)
class TupleNode(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True)
class ObjectNode(Node):
    items: tuple[tuple[Node, Node], ...]


@dataclass(frozen=True)
class Variable(Node):
    name: str


@dataclass(frozen=True)
class GetAttr(Node):
    target: Node
    name: str


@dataclass(frozen=True)
class Index(Node):
    target: Node
    key: Node


@dataclass(frozen=True)
class Splat(Node):
    """``target[*].a.b`` or ``target.*.a``: ``steps`` apply to each element (("attr", name) or ("index", Node))."""

    target: Node
    steps: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Call(Node):
    name: str
    args: tuple[Node, ...]
    expand_last: bool = False


@dataclass(frozen=True)
class Unary(Node):
    operator: str
    operand: Node


@dataclass(frozen=True)
class Binary(Node):
    operator: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Conditional(Node):
    condition: Node
    then: Node
    otherwise: Node


@dataclass(frozen=True)
class ForExpr(Node):
    """``[for k, v in coll : value if cond]`` (key_expr None) or ``{for k, v in coll : key => value... if cond}``."""

    key_name: str | None
    value_name: str
    collection: Node
    key_expr: Node | None
    value_expr: Node
    condition: Node | None
    grouping: bool = False

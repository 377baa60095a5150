"""A parser for HCL expressions: the text of one attribute's value becomes a small syntax tree, never Python code.

python-hcl2 gives the structure of a file (blocks, attributes, positions); the text of each expression is parsed
here by recursive descent over a character scanner, so string templates (``"x-${var.n}"``), heredocs, ``for``
expressions, splats, function calls, conditionals and operators all come out as the nodes of ``syntax_tree.py``
for the evaluator. Nothing is ever handed to Python's ``eval``.
"""

from __future__ import annotations

import re
from typing import Any

from wadesk.importers.terraform.syntax_tree import (
    Binary,
    Call,
    Conditional,
    ForExpr,
    GetAttr,
    Index,
    Literal,
    Node,
    ObjectNode,
    Splat,
    Template,
    TemplateFor,
    TemplateIf,
    TupleNode,
    Unary,
    Variable,
)


class ExpressionSyntaxError(Exception):
    """An expression the parser does not understand (the message says where)."""


_BINARY_LEVELS: tuple[tuple[str, ...], ...] = (
    ("||",),
    ("&&",),
    ("==", "!="),
    (">=", "<=", ">", "<"),
    ("+", "-"),
    ("*", "/", "%"),
)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*(::[A-Za-z_][A-Za-z0-9_-]*)*")
_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_HEREDOC = re.compile(r"<<(-?)([A-Za-z_][A-Za-z0-9_-]*)\r?\n")
_MAX_DEPTH = 60
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}


def parse_expression(text: str) -> Node:
    """Parse one HCL expression (an attribute's value)."""
    parser = _Parser(text)
    try:
        node = parser.expression()
    except RecursionError:
        raise ExpressionSyntaxError("the expression is nested too deeply") from None
    parser.skip_space()
    if parser.position != len(text):
        raise ExpressionSyntaxError(f"unexpected {text[parser.position:parser.position + 20]!r}")
    return node


def parse_template(text: str) -> Template:
    """Parse a bare template (the contents of a ``templatefile`` file): text with ``${...}`` and ``%{...}``."""
    parser = _Parser(text)
    try:
        return parser.template_until(None)
    except RecursionError:
        raise ExpressionSyntaxError("the template is nested too deeply") from None


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.depth = 0

    # --- scanning -------------------------------------------------------------------------------------------

    def skip_space(self) -> None:
        text = self.text
        while self.position < len(text):
            char = text[self.position]
            if char in " \t\r\n":
                self.position += 1
            elif char == "#" or text.startswith("//", self.position):
                end = text.find("\n", self.position)
                self.position = len(text) if end < 0 else end + 1
            elif text.startswith("/*", self.position):
                end = text.find("*/", self.position + 2)
                self.position = len(text) if end < 0 else end + 2
            else:
                return

    def peek(self, token: str) -> bool:
        self.skip_space()
        return self.text.startswith(token, self.position)

    def accept(self, token: str) -> bool:
        if self.peek(token):
            if token.isidentifier() and self._name_continues(self.position + len(token)):
                return False
            self.position += len(token)
            return True
        return False

    def expect(self, token: str) -> None:
        if not self.accept(token):
            found = self.text[self.position:self.position + 20] or "the end"
            raise ExpressionSyntaxError(f"expected {token!r} at {found!r}")

    def _name_continues(self, position: int) -> bool:
        return position < len(self.text) and (self.text[position].isalnum() or self.text[position] in "_-")

    def name(self) -> str:
        self.skip_space()
        match = _NAME.match(self.text, self.position)
        if match is None:
            found = self.text[self.position:self.position + 20] or "the end"
            raise ExpressionSyntaxError(f"expected a name at {found!r}")
        self.position = match.end()
        return match.group(0)

    def _enter(self) -> None:
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise ExpressionSyntaxError("the expression is nested too deeply")

    # --- expressions ----------------------------------------------------------------------------------------

    def expression(self) -> Node:
        self._enter()
        start = self._start()
        condition = self.binary(0)
        if self.accept("?"):
            then = self.expression()
            self.expect(":")
            otherwise = self.expression()
            condition = Conditional(condition, then, otherwise, text=self._span(start))
        self.depth -= 1
        return condition

    def _start(self) -> int:
        self.skip_space()
        return self.position

    def _span(self, start: int) -> str:
        return self.text[start:self.position].strip()

    def binary(self, level: int) -> Node:
        if level == len(_BINARY_LEVELS):
            return self.unary()
        start = self._start()
        left = self.binary(level + 1)
        while True:
            operator = self._operator(_BINARY_LEVELS[level])
            if operator is None:
                return left
            right = self.binary(level + 1)
            left = Binary(operator, left, right, text=self._span(start))

    def _operator(self, operators: tuple[str, ...]) -> str | None:
        self.skip_space()
        for operator in operators:
            if self.text.startswith(operator, self.position):
                following = self.text[self.position + len(operator):self.position + len(operator) + 1]
                if operator in {">", "<", "!", "="} and following == "=":
                    continue
                if operator == "=" or (operator in {">", "<"} and following == ">"):
                    continue
                self.position += len(operator)
                return operator
        return None

    def unary(self) -> Node:
        start = self._start()
        if self.text.startswith("!", self.position) and not self.text.startswith("!=", self.position):
            self.position += 1
            return Unary("!", self.unary(), text=self._span(start))
        if self.text.startswith("-", self.position):
            self.position += 1
            return Unary("-", self.unary(), text=self._span(start))
        return self.postfix()

    def postfix(self) -> Node:
        start = self._start()
        node = self.primary()
        while True:
            self.skip_space()
            if self.text.startswith(".*", self.position) or self.text.startswith("[*]", self.position):
                self.position += 2 if self.text.startswith(".*", self.position) else 3
                node = Splat(node, self._splat_steps(), text=self._span(start))
            elif self.text.startswith(".", self.position) and not self.text.startswith("...", self.position):
                self.position += 1
                self.skip_space()
                number = _NUMBER.match(self.text, self.position)
                if number is not None and self.text[self.position].isdigit():
                    self.position = number.end()
                    node = Index(node, Literal(int(float(number.group(0)))), text=self._span(start))
                else:
                    node = GetAttr(node, self.name(), text=self._span(start))
            elif self.text.startswith("[", self.position):
                self.position += 1
                key = self.expression()
                self.expect("]")
                node = Index(node, key, text=self._span(start))
            else:
                return node

    def _splat_steps(self) -> tuple[tuple[str, Any], ...]:
        steps: list[tuple[str, Any]] = []
        while True:
            self.skip_space()
            if self.text.startswith(".", self.position) and not self.text.startswith(".*", self.position):
                self.position += 1
                steps.append(("attr", self.name()))
            elif self.text.startswith("[", self.position) and not self.text.startswith("[*]", self.position):
                self.position += 1
                steps.append(("index", self.expression()))
                self.expect("]")
            else:
                return tuple(steps)

    def primary(self) -> Node:
        start = self._start()
        text = self.text
        if self.position >= len(text):
            raise ExpressionSyntaxError("the expression ends too early")
        char = text[self.position]
        if char == '"':
            self.position += 1
            template = self.template_until('"')
            return Template(template.parts, text=self._span(start))
        if text.startswith("<<", self.position):
            return self.heredoc()
        if char.isdigit():
            match = _NUMBER.match(text, self.position)
            assert match is not None
            self.position = match.end()
            number = float(match.group(0))
            value: Any = int(match.group(0)) if match.group(0).isdigit() else number
            return Literal(value, text=match.group(0))
        if char == "(":
            self.position += 1
            node = self.expression()
            self.expect(")")
            return node
        if char == "[":
            return self.tuple_or_for(start)
        if char == "{":
            return self.object_or_for(start)
        name = self.name()
        if name in {"true", "false", "null"} and not self.peek("("):
            return Literal({"true": True, "false": False, "null": None}[name], text=name)
        if self.accept("("):
            return self.call(name, start)
        return Variable(name, text=name)

    def call(self, name: str, start: int) -> Node:
        args: list[Node] = []
        expand = False
        while not self.accept(")"):
            args.append(self.expression())
            if self.accept("..."):
                expand = True
            if not self.accept(","):
                self.expect(")")
                break
        return Call(name, tuple(args), expand, text=self._span(start))

    def tuple_or_for(self, start: int) -> Node:
        self.position += 1
        if self.accept("for"):
            return self.for_rest(start, "]", is_object=False)
        items: list[Node] = []
        while not self.accept("]"):
            items.append(self.expression())
            if not self.accept(","):
                self.expect("]")
                break
        return TupleNode(tuple(items), text=self._span(start))

    def object_or_for(self, start: int) -> Node:
        self.position += 1
        if self.accept("for"):
            return self.for_rest(start, "}", is_object=True)
        items: list[tuple[Node, Node]] = []
        while not self.accept("}"):
            key = self.expression()
            if not (self.accept("=") or self.accept(":")):
                raise ExpressionSyntaxError(f"expected '=' after an object key in {self._span(start)!r}")
            value = self.expression()
            items.append((key, value))
            self.accept(",")
        return ObjectNode(tuple(items), text=self._span(start))

    def for_rest(self, start: int, closing: str, *, is_object: bool) -> Node:
        first = self.name()
        second = None
        if self.accept(","):
            second = self.name()
        self.expect("in")
        collection = self.expression()
        self.expect(":")
        key_expr = None
        if is_object:
            key_expr = self.expression()
            self.expect("=>")
        value_expr = self.expression()
        grouping = is_object and self.accept("...")
        condition = self.expression() if self.accept("if") else None
        self.expect(closing)
        key_name, value_name = (first, second) if second is not None else (None, first)
        return ForExpr(key_name, value_name, collection, key_expr, value_expr, condition, grouping,
                       text=self._span(start))

    # --- templates ------------------------------------------------------------------------------------------

    def heredoc(self) -> Node:
        start = self.position
        match = _HEREDOC.match(self.text, self.position)
        if match is None:
            raise ExpressionSyntaxError("a heredoc needs a marker and a new line after <<")
        marker = match.group(2)
        closing = re.compile(rf"^[ \t]*{re.escape(marker)}[ \t]*$", re.M)
        end = closing.search(self.text, match.end())
        if end is None:
            raise ExpressionSyntaxError(f"the heredoc {marker} is not closed")
        body = self.text[match.end():end.start()]
        self.position = end.end()
        if match.group(1):
            lines = body.split("\n")
            indents = [len(line) - len(line.lstrip(" \t")) for line in lines if line.strip()]
            cut = min(indents) if indents else 0
            body = "\n".join(line[cut:] for line in lines)
        template = _Parser(body).template_until(None)
        return Template(template.parts, text=self.text[start:self.position].strip())

    def template_until(self, closing: str | None) -> Template:
        """Read template text up to ``closing`` (a quote) or the end; ``%{else}``/``%{endif}``/``%{endfor}`` stop."""
        parts: list[str | Node] = []
        buffer: list[str] = []
        text = self.text
        while True:
            if self.position >= len(text):
                if closing is not None:
                    raise ExpressionSyntaxError("a string is not closed")
                break
            char = text[self.position]
            if closing is not None and char == closing:
                self.position += 1
                break
            if closing is not None and char == "\\":
                following = text[self.position + 1:self.position + 2]
                if following in _ESCAPES:
                    buffer.append(_ESCAPES[following])
                    self.position += 2
                elif following in {"u", "U"}:
                    width = 4 if following == "u" else 8
                    digits = text[self.position + 2:self.position + 2 + width]
                    try:
                        buffer.append(chr(int(digits, 16)))
                    except ValueError:
                        buffer.append("\\" + following)
                        self.position -= width
                    self.position += 2 + width
                else:
                    buffer.append(char)
                    self.position += 1
                continue
            if text.startswith("$${", self.position) or text.startswith("%%{", self.position):
                buffer.append(text[self.position + 1:self.position + 3])
                self.position += 3
                continue
            if text.startswith("${", self.position):
                self._flush(buffer, parts)
                self.position += 2
                self.accept("~")
                parts.append(self.expression())
                self.accept("~")
                self.expect("}")
                continue
            if text.startswith("%{", self.position):
                directive_start = self.position
                self.position += 2
                self.accept("~")
                if self.accept("if"):
                    self._flush(buffer, parts)
                    parts.append(self._template_if(directive_start, closing))
                    continue
                if self.accept("for"):
                    self._flush(buffer, parts)
                    parts.append(self._template_for(directive_start, closing))
                    continue
                self.position = directive_start
                break
            buffer.append(char)
            self.position += 1
        self._flush(buffer, parts)
        return Template(tuple(parts))

    def _flush(self, buffer: list[str], parts: list[str | Node]) -> None:
        if buffer:
            parts.append("".join(buffer))
            buffer.clear()

    def _close_directive(self) -> None:
        self.accept("~")
        self.expect("}")

    def _directive(self, word: str) -> bool:
        saved = self.position
        if self.text.startswith("%{", self.position):
            self.position += 2
            self.accept("~")
            if self.accept(word):
                self._close_directive()
                return True
        self.position = saved
        return False

    def _template_if(self, start: int, closing: str | None) -> Node:
        condition = self.expression()
        self._close_directive()
        then = self.template_until(closing)
        otherwise = None
        if self._directive("else"):
            otherwise = self.template_until(closing)
        if not self._directive("endif"):
            raise ExpressionSyntaxError("%{if} without %{endif}")
        return TemplateIf(condition, then, otherwise, text=self.text[start:self.position])

    def _template_for(self, start: int, closing: str | None) -> Node:
        first = self.name()
        second = None
        if self.accept(","):
            second = self.name()
        self.expect("in")
        collection = self.expression()
        self._close_directive()
        body = self.template_until(closing)
        if not self._directive("endfor"):
            raise ExpressionSyntaxError("%{for} without %{endfor}")
        key_name, value_name = (first, second) if second is not None else (None, first)
        return TemplateFor(key_name, value_name, collection, body, text=self.text[start:self.position])

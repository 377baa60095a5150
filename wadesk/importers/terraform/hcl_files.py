"""Reads ``.tf`` and ``.tfvars`` files into blocks and attributes with their lines, through python-hcl2's parser.

Only python-hcl2's parse tree is used (blocks, attributes, labels, positions): each attribute keeps the source
text of its expression, which ``expressions.py`` parses. Its dictionary output is not used: python-hcl2 8.1.4
fails to serialize an object ``for`` expression whose value is a number (``{for k in x : k => 1}``), and its
``with_meta`` option is declared but gives no lines. python-hcl2 (and Lark) are imported on the first read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wadesk.importers.errors import ImportSourceError

#: The largest ``.tf`` or ``.tfvars`` file read.
MAX_HCL_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Attribute:
    """``name = expression``: the expression's source text and where it is."""

    name: str
    text: str
    file: Path
    line: int


@dataclass
class Block:
    """``type "label" "label" { ... }`` with its attributes and nested blocks, in file order."""

    type: str
    labels: tuple[str, ...]
    file: Path
    line: int
    attributes: dict[str, Attribute] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Body:
    """The top level of a file: its attributes (a ``.tfvars`` file) and its blocks (a ``.tf`` file)."""

    attributes: dict[str, Attribute] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)


def read_hcl(path: Path) -> Body:
    """Parse one HCL file.

    Raises:
        ImportSourceError: the file cannot be read, is too large, or has a syntax error (with its line).
    """
    return parse_hcl(_read_text(path), path)


def read_configuration_file(path: Path) -> Body:
    """A ``.tf`` file, or a ``.tf.json`` file in Terraform's JSON syntax (see :func:`parse_tf_json`)."""
    if not path.name.endswith(".tf.json"):
        return read_hcl(path)
    return parse_tf_json(_read_text(path), path)


#: The labels each top-level block type has in the JSON syntax (``{"resource": {TYPE: {NAME: {...}}}}``).
_JSON_LABELS = {"resource": 2, "data": 2, "variable": 1, "output": 1, "module": 1, "provider": 1, "locals": 0,
                "terraform": 0, "moved": 0, "import": 0, "removed": 0, "check": 1}
#: Object-valued arguments of resources that are maps, not nested blocks (the JSON syntax cannot tell them apart).
_JSON_MAPS = frozenset({"tags", "tags_all", "variables", "triggers", "request_parameters", "request_templates",
                        "response_parameters", "response_templates", "dimensions", "labels", "stage_variables",
                        "parameters", "environment_variables", "default_tags_map", "context"})


def parse_tf_json(text: str, path: Path) -> Body:
    """A ``.tf.json`` file (Terraform's JSON syntax, as CDK for Terraform writes it) as blocks and attributes.

    Each argument's value becomes the text of the expression it stands for: a JSON string is a template
    (``"${aws_vpc.main.id}"``), numbers, booleans, lists and objects are literals. An object (or a list of
    objects) in a resource, data source or provider is a nested block, except the few arguments that are maps
    (``tags``...); ``dynamic`` blocks keep their shape. Lines are those of each block's name in the file.
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportSourceError(path, f"JSON syntax error: {error.msg}", line=error.lineno) from None
    if not isinstance(document, dict):
        raise ImportSourceError(path, "a .tf.json file must hold an object")
    body = Body()
    for block_type, content in document.items():
        depth = _JSON_LABELS.get(block_type)
        if depth is None or block_type.startswith("//"):
            continue
        for labels, inner in _json_labelled(content, depth):
            for item in inner if isinstance(inner, list) else [inner]:
                if isinstance(item, dict):
                    line = _json_line(text, labels[-1] if labels else block_type)
                    body.blocks.append(_json_block(block_type, tuple(labels), item, path, line, nested=False))
    return body


def _json_labelled(content: Any, depth: int) -> list[tuple[list[str], Any]]:
    if depth == 0:
        return [([], content)]
    if not isinstance(content, dict):
        return []
    return [([str(key), *labels], inner) for key, value in content.items() if not str(key).startswith("//")
            for labels, inner in _json_labelled(value, depth - 1)]


def _json_block(kind: str, labels: tuple[str, ...], content: dict[str, Any], path: Path, line: int, *,
                nested: bool) -> Block:
    block = Block(kind, labels, path, line)
    with_blocks = nested or kind in {"resource", "data", "provider", "terraform"}
    for key, value in content.items():
        if key.startswith("//"):
            continue
        if key == "dynamic" and isinstance(value, dict):
            for name, spec in value.items():
                if isinstance(spec, dict):
                    block.blocks.append(_json_dynamic(name, spec, path, line))
            continue
        items = value if isinstance(value, list) else [value]
        if with_blocks and key not in _JSON_MAPS and items and all(isinstance(item, dict) for item in items):
            block.blocks.extend(_json_block(key, (), item, path, line, nested=True) for item in items)
            continue
        block.attributes[key] = Attribute(key, _json_expression(kind, key, value), path, line)
    return block


def _json_dynamic(name: str, spec: dict[str, Any], path: Path, line: int) -> Block:
    dynamic = Block("dynamic", (name,), path, line)
    for key, value in spec.items():
        if key == "content" and isinstance(value, dict):
            dynamic.blocks.append(_json_block("content", (), value, path, line, nested=True))
        elif not key.startswith("//"):
            dynamic.attributes[key] = Attribute(key, _json_expression("dynamic", key, value), path, line)
    return dynamic


def _json_expression(kind: str, key: str, value: Any) -> str:
    """The expression text a JSON value stands for."""
    if key == "depends_on" and isinstance(value, list):
        return "[" + ", ".join(str(item) for item in value) + "]"  # references written as bare strings
    if isinstance(value, str) and (key == "provider" or (kind == "variable" and key == "type")):
        return value
    return json.dumps(value, ensure_ascii=False)


def _json_line(text: str, name: str) -> int:
    position = text.find(json.dumps(name))
    return text.count("\n", 0, position) + 1 if position >= 0 else 1


def parse_hcl(text: str, path: Path) -> Body:
    """Parse HCL text that came from ``path`` (see :func:`read_hcl`)."""
    from hcl2.api import parses_to_tree  # python-hcl2: imported only when a configuration is read
    from lark.exceptions import LarkError, UnexpectedInput

    text = _closing_markers_trimmed(text)
    try:
        tree = parses_to_tree(text)
    except UnexpectedInput as error:
        raise ImportSourceError(path, f"HCL syntax error: {_describe(error)}", line=error.line) from None
    except (LarkError, RecursionError, RuntimeError, ValueError) as error:
        raise ImportSourceError(path, f"HCL syntax error: {str(error).splitlines()[0]}") from None
    body = Body()
    start = tree.children[0] if tree.children else None
    if start is not None and getattr(start, "data", None) == "body":
        _read_body(start, text, path, body.attributes, body.blocks)
    return body


#: A heredoc's opening: ``<<MARKER`` or ``<<-MARKER`` at the end of its line.
_HEREDOC_OPENER = re.compile(r"<<-?([A-Za-z_][A-Za-z0-9_-]*)\r?$")


def _closing_markers_trimmed(text: str) -> str:
    """``text`` with the spaces and tabs after each heredoc's closing marker removed.

    Terraform ends a heredoc at a line holding its marker followed only by whitespace; python-hcl2 wants the line
    break right after the marker, and otherwise reads the rest of the file as the heredoc's body and fails far
    below. Only those trailing characters go: every line keeps its number, so positions stay true.
    """
    if "<<" not in text:
        return text
    lines = text.split("\n")
    marker: str | None = None
    for index, line in enumerate(lines):
        if marker is None:
            found = _HEREDOC_OPENER.search(line)
            marker = found.group(1) if found else None
        elif line.strip() == marker:
            ending = "\r" if line.endswith("\r") else ""
            lines[index] = line.rstrip(" \t\r") + ending
            marker = None
    return "\n".join(lines)


def _describe(error: Any) -> str:
    token = getattr(error, "token", None)
    if token is not None and str(token).strip():
        return f"unexpected {str(token).strip()[:30]!r} at column {error.column}"
    if getattr(error, "char", None):
        return f"unexpected {error.char!r} at column {error.column}"
    return f"unexpected end of input at column {getattr(error, 'column', '?')}"


def _read_body(node: Any, text: str, path: Path, attributes: dict[str, Attribute], blocks: list[Block]) -> None:
    for child in node.children:
        kind = getattr(child, "data", None)
        if kind == "attribute":
            name = _identifier(child.children[0])
            expression = child.children[-1]
            source = text[expression.meta.start_pos:expression.meta.end_pos]
            attributes[name] = Attribute(name, source, path, expression.meta.line)
        elif kind == "block":
            blocks.append(_read_block(child, text, path))


def _read_block(node: Any, text: str, path: Path) -> Block:
    parts = [child for child in node.children if getattr(child, "data", None) in {"identifier", "string", "body"}]
    block_type = _identifier(parts[0])
    labels = []
    body_node = None
    for part in parts[1:]:
        if part.data == "body":
            body_node = part
        elif part.data == "identifier":
            labels.append(_identifier(part))
        else:
            labels.append(_string_label(text[part.meta.start_pos:part.meta.end_pos]))
    block = Block(block_type, tuple(labels), path, node.meta.line)
    if body_node is not None:
        _read_body(body_node, text, path, block.attributes, block.blocks)
    return block


def _identifier(node: Any) -> str:
    return "".join(str(token) for token in node.children)


def _string_label(source: str) -> str:
    try:
        value = json.loads(source)
    except json.JSONDecodeError:
        return source.strip('"')
    return value if isinstance(value, str) else source.strip('"')


def _read_text(path: Path) -> str:
    """The text of a configuration file, refused (with why) when it is too large, unreadable or not UTF-8."""
    try:
        size = path.stat().st_size
        if size > MAX_HCL_BYTES:
            raise ImportSourceError(path, f"the file is {size / 1e6:.1f} MB, more than the 5 MB wadesk reads")
        return path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ImportSourceError(path, f"cannot read the file: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ImportSourceError(path, "the file is not UTF-8 text") from None

"""Reading a template file (JSON or YAML) into plain data with the line of each entry, refusing hostile input.

YAML goes through PyYAML's C safe loader (the pure-Python safe loader when libyaml is missing) with a constructor
for every short-form intrinsic function, so ``!GetAtt Db.Endpoint.Address`` arrives as
``{"Fn::GetAtt": ["Db", "Endpoint.Address"]}`` exactly as the JSON form would. Nothing here evaluates anything.

Limits, each refused with an ``ImportSourceError`` naming the file, the line when known and the reason:
files over ``MAX_BYTES``, binary or non-UTF-8 bytes, syntax errors, duplicate keys, nesting deeper than
``MAX_DEPTH`` (the evaluator enforces it for every value, since checking every file here would cost as much as
parsing it), YAML aliases that expand to many more values than the file holds (the "billion laughs"), aliases
that contain themselves, and a top level that is not a mapping.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from wadesk.importers.errors import ImportSourceError, printable

#: The largest file read: four times what CloudFormation itself accepts (1 MB, from S3). YAML reads at about
#: 1 MB a second, so a file at the limit still imports in seconds; a larger one is refused at once.
MAX_BYTES = 4 * 1024 * 1024
#: The deepest nesting of mappings and lists accepted; real templates (Step Functions definitions included)
#: stay under 30.
MAX_DEPTH = 100
#: YAML aliases may repeat values, but the expanded document may hold at most this many values, or
#: ``ALIAS_FACTOR`` times the values the file spells out, whichever is larger.
MAX_EXPANDED_VALUES = 1_000_000
ALIAS_FACTOR = 10

#: Intrinsic functions that have a YAML short form, by tag.
SHORT_FORMS: dict[str, str] = {
    "!Ref": "Ref",
    "!Condition": "Condition",
    **{
        f"!{name}": f"Fn::{name}"
        for name in (
            "GetAtt", "Sub", "Join", "Select", "Split", "If", "Equals", "And", "Or", "Not", "FindInMap",
            "ImportValue", "Base64", "Cidr", "GetAZs", "Transform", "Length", "ToJsonString", "ForEach",
            "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll", "Implies",
        )
    },
}


@dataclass(frozen=True)
class UnknownTag:
    """A YAML tag that is not an intrinsic function, such as rain's ``!Rain::Embed file.py``; kept so the
    evaluator can report it instead of failing.

    Attributes:
        tag: the tag without its ``!``.
        value: the tagged value, constructed as plain data.
    """

    tag: str
    value: Any

    def __str__(self) -> str:
        return f"!{self.tag} {self.value}"


@dataclass
class Document:
    """A template file read into plain data.

    Attributes:
        path: the file.
        data: the top-level mapping, with short-form intrinsics in their long form.
        lines: 1-based lines of keys: ``lines[""]`` for the top-level sections, ``lines["Resources"]["Bucket"]``
            for an entry of a section.
        syntax: ``"json"`` or ``"yaml"``.
    """

    path: Path
    data: dict[str, Any]
    lines: dict[str, dict[str, int]] = field(default_factory=dict)
    syntax: str = "yaml"

    def line_of(self, section: str, key: str | None = None) -> int | None:
        """The line of a top-level section (``key`` None) or of an entry of one, when known."""
        if key is None:
            return self.lines.get("", {}).get(section)
        return self.lines.get(section, {}).get(key)


def read_document(path: str | Path) -> Document:
    """Read and parse a template file; raise ``ImportSourceError`` for anything that is not a usable template text."""
    path = Path(path)
    text = decode_source(path, read_bytes_capped(path, MAX_BYTES))
    if not text.strip():
        raise ImportSourceError(path, "the file is empty")
    if text.lstrip().startswith("{"):
        try:
            return _parse_json(path, text)
        except ImportSourceError:
            if path.suffix.lower() == ".json":
                raise
            try:  # a YAML flow mapping also starts with "{"
                return _parse_yaml(path, text)
            except ImportSourceError:
                pass
            raise
    return _parse_yaml(path, text)


def read_bytes_capped(path: Path, limit: int) -> bytes:
    """The file's bytes, refusing files over ``limit`` bytes (the size is checked before reading)."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ImportSourceError(
                path, f"the file is {size / 1048576:.1f} MB; templates over {limit // 1048576} MB are not read "
                "(CloudFormation itself accepts at most 1 MB)"
            )
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise ImportSourceError(path, f"cannot read the file: {error.strerror or error}") from None
    if len(data) > limit:
        raise ImportSourceError(path, f"the file is over {limit // 1048576} MB; larger templates are not read")
    return data


def decode_source(path: Path, data: bytes) -> str:
    """UTF-8 text (a byte-order mark is allowed), refusing binary files and other encodings with the line."""
    if b"\x00" in data[:8192] or (data.startswith((b"\xff\xfe", b"\xfe\xff"))):
        reason = "UTF-16 text; save the template as UTF-8" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else None
        raise ImportSourceError(path, reason or "a binary file (it contains NUL bytes), not a template")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start : error.start + 1].hex()
        raise ImportSourceError(path, f"not UTF-8 text: byte 0x{byte} at line {line}, column {column}", line) from None


# ---------------------------------------------------------------------------------------------------------- JSON


def _parse_json(path: Path, text: str) -> Document:
    def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise _DuplicateKey(key)
            result[key] = value
        return result

    try:
        data = json.loads(text, object_pairs_hook=unique_keys)
    except json.JSONDecodeError as error:
        reason = f"invalid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        raise ImportSourceError(path, reason, error.lineno) from None
    except _DuplicateKey as duplicate:
        line = _json_duplicate_line(text, duplicate.key)
        raise ImportSourceError(path, f"duplicate key {printable(duplicate.key, 80)!r}", line) from None
    except RecursionError:
        raise ImportSourceError(path, "the JSON nests too deeply to be read") from None
    if not isinstance(data, dict):
        raise ImportSourceError(path, f"the top level is {_kind(data)}, not a mapping of template sections", 1)
    return Document(path, data, _json_lines(text), "json")


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _json_duplicate_line(text: str, key: str) -> int | None:
    pattern = re.compile(re.escape(json.dumps(key)) + r"\s*:")
    matches = list(pattern.finditer(text))
    return text.count("\n", 0, matches[1].start()) + 1 if len(matches) > 1 else None


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"(\s*:)?|[{}\[\]]')


def _json_lines(text: str) -> dict[str, dict[str, int]]:
    """Lines of the top-level keys and of the keys one level inside each section, by a scan of the tokens."""
    lines: dict[str, dict[str, int]] = {"": {}}
    stack: list[str | None] = []  # for each open container, the key it is the value of
    pending: str | None = None
    line, position = 1, 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "{[":
            stack.append(pending)
            pending = None
        elif token in "}]":
            if stack:
                stack.pop()
            pending = None
        elif match.group(1):
            key = json.loads(token[: token.rindex('"') + 1])
            line += text.count("\n", position, match.start())
            position = match.start()
            if len(stack) == 1:
                lines[""][key] = line
            elif len(stack) == 2 and isinstance(stack[1], str):
                lines.setdefault(stack[1], {})[key] = line
            pending = key
        else:
            pending = None
    return lines


# ---------------------------------------------------------------------------------------------------------- YAML

_Base: Any = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


class TemplateLoader(_Base):  # type: ignore[misc]
    """A safe YAML loader that knows the CloudFormation short forms, keeps dates as text and refuses duplicate
    keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                if key_node.value in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {printable(key_node.value, 80)!r}", key_node.start_mark
                    )
                seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


def _short_form(function: str) -> Callable[[Any, yaml.Node], Iterator[dict[str, Any]]]:
    def construct(loader: Any, node: yaml.Node) -> Iterator[dict[str, Any]]:
        result: dict[str, Any] = {}
        yield result  # filled after, so nested values are built without recursion
        if isinstance(node, yaml.ScalarNode):
            value: Any = loader.construct_scalar(node)
            if function == "Fn::GetAtt":
                value = value.split(".", 1)
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node)
        else:
            value = loader.construct_mapping(node)
        result[function] = value

    return construct


def _unknown_tag(loader: Any, suffix: str, node: yaml.Node) -> UnknownTag:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return UnknownTag(suffix, value)


for _tag, _function in SHORT_FORMS.items():
    TemplateLoader.add_constructor(_tag, _short_form(_function))
TemplateLoader.add_multi_constructor("!", _unknown_tag)
# CloudFormation reads 2010-09-09 as text, not as a date.
TemplateLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _parse_yaml(path: Path, text: str) -> Document:
    loader = TemplateLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ImportSourceError(path, "the file holds no YAML document")
        if "&" in text:  # anchors (and so aliases) are possible
            _check_node_graph(path, node)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        raise ImportSourceError(path, _yaml_reason(error), _yaml_line(error)) from None
    except yaml.YAMLError as error:
        raise ImportSourceError(path, f"invalid YAML: {error}") from None
    except RecursionError:
        raise ImportSourceError(path, "the YAML nests too deeply to be read") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise ImportSourceError(path, f"the top level is {_kind(data)}, not a mapping of template sections", 1)
    return Document(path, data, _yaml_lines(node), "yaml")


def _yaml_line(error: yaml.MarkedYAMLError) -> int | None:
    mark = error.problem_mark or error.context_mark
    return mark.line + 1 if mark is not None else None


def _yaml_reason(error: yaml.MarkedYAMLError) -> str:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or error.context or "invalid YAML"
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    context = f" ({error.context})" if error.context and error.problem else ""
    return f"invalid YAML: {problem}{where}{context}"


def _yaml_lines(root: yaml.Node) -> dict[str, dict[str, int]]:
    lines: dict[str, dict[str, int]] = {"": {}}
    if not isinstance(root, yaml.MappingNode):
        return lines
    for key_node, value_node in root.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        lines[""][key_node.value] = key_node.start_mark.line + 1
        if isinstance(value_node, yaml.MappingNode):
            section = lines.setdefault(key_node.value, {})
            for entry_key, _ in value_node.value:
                if isinstance(entry_key, yaml.ScalarNode):
                    section.setdefault(entry_key.value, entry_key.start_mark.line + 1)
    return lines


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_node_graph(path: Path, root: yaml.Node) -> None:
    """Refuse alias bombs, self-containing aliases and deep nesting before anything is constructed.

    Aliases share one node, so the graph is small even when its expansion is astronomical; sizes and depths are
    computed once per distinct node, without recursion.
    """
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            children = _children(node)
            size[key] = 1 + sum(size[id(child)] for child in children)
            depth[key] = 1 + max((depth[id(child)] for child in children), default=0)
            open_nodes.discard(key)
            if depth[key] > MAX_DEPTH:
                raise ImportSourceError(
                    path, f"values nest deeper than {MAX_DEPTH} levels", node.start_mark.line + 1
                )
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise ImportSourceError(path, "a YAML alias refers to a value that contains it", node.start_mark.line + 1)
        open_nodes.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) in open_nodes:
                raise ImportSourceError(
                    path, "a YAML alias refers to a value that contains it", child.start_mark.line + 1
                )
            if id(child) not in size:
                stack.append((child, False))
    limit = max(MAX_EXPANDED_VALUES, ALIAS_FACTOR * len(size))
    if size[id(root)] > limit:
        raise ImportSourceError(
            path,
            f"YAML aliases expand the template to {size[id(root)]:,} values (more than {limit:,}); "
            "refusing what looks like an alias bomb",
        )


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "empty"
    return f"a {type(value).__name__}"

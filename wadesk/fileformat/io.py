"""Load and save ``.wadesk`` design files: strict checks, migrations and atomic writes."""

from __future__ import annotations

import json
import math
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from wadesk.catalog import CATALOG, Catalog
from wadesk.catalog.properties import default_encrypted
from wadesk.fileformat.atomic import write_atomic
from wadesk.fileformat.errors import DesignFileError
from wadesk.fileformat.migrations import migrate
from wadesk.fileformat.schema import CURRENT_VERSION, DesignRecord, NodeRecord
from wadesk.model import MAX_COORDINATE, Architecture, ModelError, Suppression

#: Files larger than this are refused before they are read (a design of
#: 50,000 components is about 15 MB).
MAX_FILE_BYTES = 64 * 1024 * 1024

#: How deep containers may nest (real designs use under ten levels; the limit keeps
#: placement queries, which walk up the containment chain, fast on hostile files).
MAX_NESTING = 64

#: Problems reported per file before the rest are summarised.
MAX_PROBLEMS = 20

#: What a design may hold. Real designs have hundreds of nodes; these limits keep a
#: hostile file from costing minutes and gigabytes (two million nodes took 11 GB).
MAX_NODES = 50_000
MAX_EDGES = 100_000
MAX_SUPPRESSIONS = 50_000
#: JSON objects a file may hold in all (nodes, edges, their properties, ingress rules...);
#: counted while the file is parsed, so an oversized one is refused before it is all in memory.
MAX_JSON_OBJECTS = 500_000
#: The largest whole number a file may hold: beyond 2^53, JavaScript and many JSON
#: tools silently round, so such a number would not survive a round trip through them.
MAX_SAFE_INTEGER = 2**53


def load_design(path: str | os.PathLike[str], catalog: Catalog = CATALOG) -> Architecture:
    """Read a design file.

    Raises:
        DesignFileError: the file is missing, unreadable or not a valid design;
            each problem names the node or edge, the property and what was expected.
    """
    source = str(path)
    file = Path(path)
    try:
        if file.is_dir():
            raise DesignFileError(source, ["is a directory, not a design file"])
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):
            # A device or a pipe could be read forever.
            raise DesignFileError(source, ["is not a regular file"])
        size = info.st_size
        if size > MAX_FILE_BYTES:
            raise DesignFileError(source, [f"is {size // (1024 * 1024)} MB; design files are limited to 64 MB"])
        data = file.read_bytes()
    except FileNotFoundError:
        raise DesignFileError(source, ["no such file"]) from None
    except PermissionError:
        raise DesignFileError(source, ["permission denied"]) from None
    except OSError as exc:
        raise DesignFileError(source, [f"cannot be read: {exc.strerror or exc}"]) from None
    return loads_design(data, source, catalog)


def loads_design(data: bytes | str, source: str = "<design>", catalog: Catalog = CATALOG) -> Architecture:
    """Parse the text of a design file (see :func:`load_design`)."""
    document = _parse_json(data, source)
    if not isinstance(document, dict):
        raise DesignFileError(source, [f"the top level must be a JSON object, got {_json_type(document)}"])
    if document.get("format") != "wadesk":
        raise DesignFileError(
            source, [f"not a wadesk design: 'format' must be \"wadesk\", got {document.get('format')!r}"]
        )
    _check_unknown_needs_v3(document, source)
    document = migrate(document, source)
    _check_counts(document, source)
    try:
        record = DesignRecord.model_validate(document)
    except ValidationError as exc:
        raise DesignFileError(source, _structure_problems(exc, document)) from None
    return _build(record, source, catalog)


def _check_unknown_needs_v3(document: Mapping[str, Any], source: str) -> None:
    """Refuse ``unknown`` properties in a file that says it is older than version 3, which has none."""
    version, nodes = document.get("version"), document.get("nodes")
    if isinstance(version, int) and version < 3 and isinstance(nodes, list):
        for node in nodes:
            if isinstance(node, dict) and "unknown" in node:
                raise DesignFileError(
                    source, [f"node {node.get('id')!r}: 'unknown' needs file format version 3, the file says {version}"]
                )


def _check_counts(document: Mapping[str, Any], source: str) -> None:
    """Refuse a design holding more nodes, flows or suppressions than any real one, before validating it."""
    problems = []
    for section, limit, noun in (
        ("nodes", MAX_NODES, "nodes"),
        ("edges", MAX_EDGES, "flows"),
        ("suppressions", MAX_SUPPRESSIONS, "suppressions"),
    ):
        items = document.get(section)
        if isinstance(items, list) and len(items) > limit:
            problems.append(f"too large: {len(items):,} {noun}; a design holds at most {limit:,}")
    if problems:
        raise DesignFileError(source, problems)


def _parse_json(data: bytes | str, source: str) -> Any:
    if isinstance(data, bytes):
        if not data.strip():
            raise DesignFileError(source, ["the file is empty"])
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DesignFileError(
                source, [f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be decoded"]
            ) from None
    else:
        text = data
    if not text.strip():
        raise DesignFileError(source, ["the file is empty"])
    objects = 0

    def build_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal objects
        objects += 1
        if objects > MAX_JSON_OBJECTS:
            raise _TooBig(
                f"too large: more than {MAX_JSON_OBJECTS:,} JSON objects; a design holds at most "
                f"{MAX_NODES:,} nodes and {MAX_EDGES:,} flows"
            )
        return _no_duplicate_keys(pairs)

    try:
        return json.loads(text, object_pairs_hook=build_object, parse_constant=_no_constants, parse_int=_safe_int)
    except _TooBig as exc:
        raise DesignFileError(source, [str(exc)]) from None
    except json.JSONDecodeError as exc:
        raise DesignFileError(source, [f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"]) from None
    except RecursionError:
        raise DesignFileError(source, ["not a design: the JSON is nested too deeply"]) from None
    except ValueError as exc:
        raise DesignFileError(source, [f"not valid JSON: {exc}"]) from None


class _TooBig(ValueError):
    """A file holding more than a design may."""


def _safe_int(text: str) -> int:
    value = int(text)
    if abs(value) > MAX_SAFE_INTEGER:
        shown = text if len(text) <= 30 else text[:27] + "..."
        raise ValueError(
            f"the whole number {shown} is beyond ±2^53 ({MAX_SAFE_INTEGER}), which JSON tools cannot keep exactly"
        )
    return value


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "null"
    return type(value).__name__


def _where(document: Mapping[str, Any], loc: tuple[Any, ...]) -> tuple[str, list[str]]:
    """Turn a pydantic location into 'node "db"' plus the remaining path."""
    parts = list(loc)
    if len(parts) >= 2 and parts[0] in ("nodes", "edges", "suppressions") and isinstance(parts[1], int):
        section, index = parts[0], parts[1]
        items = document.get(section)
        item = items[index] if isinstance(items, list) and index < len(items) else None
        ident = item.get("id") if isinstance(item, dict) else None
        noun = {"nodes": "node", "edges": "edge", "suppressions": "suppression"}[section]
        if isinstance(ident, str) and ident:
            return f"{noun} {ident!r}", [str(p) for p in parts[2:]]
        return f"{section}[{index}]", [str(p) for p in parts[2:]]
    return "design", [str(p) for p in parts]


def _structure_problems(exc: ValidationError, document: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    for error in exc.errors():
        where, rest = _where(document, tuple(error.get("loc", ())))
        rest = [part for part in rest if part not in ("str", "float", "int", "none", "function-after")]
        field = ".".join(rest) if rest else ""
        kind = error.get("type")
        value = error.get("input")
        if kind == "missing":
            problems.append(f"{where}: missing {field!r}")
        elif kind == "extra_forbidden":
            problems.append(f"{where}: unknown field {field!r}")
        elif kind in ("finite_number",):
            problems.append(f"{where}: {field!r} must be a finite number, got {_short(value)}")
        elif kind == "greater_than":
            problems.append(f"{where}: {field!r} must be greater than 0, got {_short(value)}")
        elif kind == "string_too_short":
            problems.append(f"{where}: {field!r} must not be empty")
        elif kind == "string_too_long":
            limit = (error.get("ctx") or {}).get("max_length")
            length = len(value) if isinstance(value, str) else 0
            problems.append(f"{where}: {field!r} is {length:,} characters long; the limit is {limit:,}")
        else:
            label = f"{field!r}" if field else "value"
            problems.append(f"{where}: {label}: {_expected(error)}, got {_short(value)}")
    return _cap(list(dict.fromkeys(problems)))


def _expected(error: Mapping[str, Any]) -> str:
    kind = str(error.get("type", ""))
    return {
        "string_type": "expected a string",
        "float_type": "expected a number",
        "int_type": "expected a whole number",
        "bool_type": "expected true or false",
        "list_type": "expected a list",
        "dict_type": "expected an object",
        "model_type": "expected an object",
        "literal_error": 'expected "wadesk"',
        "greater_than_equal": "expected 1 or more",
    }.get(kind, str(error.get("msg", "invalid")).lower())


def _short(value: Any) -> str:
    text = json.dumps(value, default=str) if not isinstance(value, float) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _cap(problems: list[str]) -> list[str]:
    if len(problems) > MAX_PROBLEMS:
        extra = len(problems) - MAX_PROBLEMS
        return [*problems[:MAX_PROBLEMS], f"... and {extra} more problems"]
    return problems


def _build(record: DesignRecord, source: str, catalog: Catalog) -> Architecture:
    problems: list[str] = []
    nodes: dict[str, NodeRecord] = {}
    for node in record.nodes:
        if node.id in nodes:
            problems.append(f"node {node.id!r}: duplicate id")
            continue
        nodes[node.id] = node
        problems.extend(_geometry_problems(node))
        if not catalog.has_kind(node.kind):
            problems.append(f"node {node.id!r}: unknown kind {node.kind!r} (see `wadesk kinds`)")
    edge_ids: set[str] = set()
    for edge in record.edges:
        if edge.id in nodes or edge.id in edge_ids:
            problems.append(f"edge {edge.id!r}: duplicate id")
        edge_ids.add(edge.id)
        for end, value in (("source", edge.source), ("target", edge.target)):
            if value not in nodes:
                problems.append(f"edge {edge.id!r}: {end} {value!r} is not a node of the design")
    for node in nodes.values():
        if node.parent is None:
            continue
        parent = nodes.get(node.parent)
        if parent is None:
            problems.append(f"node {node.id!r}: parent {node.parent!r} is not a node of the design")
        elif catalog.has_kind(parent.kind) and not catalog.is_container(parent.kind):
            problems.append(
                f"node {node.id!r}: parent {node.parent!r} is a {parent.kind}, which cannot hold other nodes"
            )
    problems.extend(_parent_cycles(nodes))
    if not problems:
        problems.extend(_too_deep(nodes))
    accepted: dict[tuple[str, str | None], str] = {}
    for suppression in record.suppressions:
        if suppression.node is not None and suppression.node not in nodes:
            problems.append(
                f"suppression of {suppression.rule!r}: node {suppression.node!r} is not a node of the design"
            )
        key = (suppression.rule, suppression.node)
        if key in accepted:
            target = f"node {suppression.node!r}" if suppression.node is not None else "the design"
            problems.append(
                f"suppression of {suppression.rule!r} on {target} appears twice "
                f"(justifications {_short(accepted[key])} and {_short(suppression.justification)}); keep one"
            )
        else:
            accepted[key] = suppression.justification
    if problems:
        raise DesignFileError(source, _cap(problems))

    arch = Architecture(catalog, name=record.name, description=record.description, scope=record.scope)
    for node in _parents_first(nodes):
        try:
            arch.add_node(
                node.id,
                node.kind,
                label=node.label,
                parent=node.parent,
                x=node.x,
                y=node.y,
                w=node.w,
                h=node.h,
                props=node.props,
                unknown=node.unknown,
            )
        except ModelError as exc:
            problems.extend(str(exc).splitlines())
    if not problems:
        for edge in record.edges:
            try:
                arch.connect(edge.id, edge.source, edge.target, label=edge.label, props=edge.props)
            except ModelError as exc:
                problems.extend(str(exc).splitlines())
    if problems:
        raise DesignFileError(source, _cap(problems))
    for suppression in record.suppressions:
        arch.add_suppression(Suppression(suppression.rule, suppression.node, suppression.justification))
    return arch


def _geometry_problems(node: NodeRecord) -> list[str]:
    """Coordinates and sizes beyond what the canvas, the report and the image exports can draw."""
    problems = []
    for name in ("x", "y", "w", "h"):
        value = getattr(node, name)
        if value is not None and abs(value) > MAX_COORDINATE:
            bounds = f"at most {MAX_COORDINATE:,.0f}" if name in ("w", "h") else (
                f"between -{MAX_COORDINATE:,.0f} and {MAX_COORDINATE:,.0f}")
            problems.append(f"node {node.id!r}: {name!r} must be {bounds} (what the canvas can draw), got {value!r}")
    return problems


def _parent_cycles(nodes: Mapping[str, NodeRecord]) -> list[str]:
    problems: list[str] = []
    state: dict[str, int] = {}  # 1: on the current chain, 2: known to reach the top
    for start in nodes:
        chain: list[str] = []
        current: str | None = start
        while current is not None and current in nodes and state.get(current) != 2:
            if state.get(current) == 1:
                cycle = chain[chain.index(current) :]
                problems.append(f"node {current!r}: a cycle of parents ({' -> '.join([*cycle, current])})")
                break
            state[current] = 1
            chain.append(current)
            current = nodes[current].parent
        for member in chain:
            state[member] = 2
    return problems


def _too_deep(nodes: Mapping[str, NodeRecord]) -> list[str]:
    depth: dict[str, int] = {}
    for node in _parents_first(nodes):
        depth[node.id] = depth[node.parent] + 1 if node.parent is not None else 0
        if depth[node.id] > MAX_NESTING:
            return [f"node {node.id!r}: containers nest more than {MAX_NESTING} levels deep"]
    return []


def _parents_first(nodes: Mapping[str, NodeRecord]) -> list[NodeRecord]:
    ordered: list[NodeRecord] = []
    placed: set[str] = set()
    for start in nodes:
        chain: list[str] = []
        current: str | None = start
        while current is not None and current not in placed:
            chain.append(current)
            current = nodes[current].parent
        for node_id in reversed(chain):
            placed.add(node_id)
            ordered.append(nodes[node_id])
    return ordered


# ------------------------------------------------------------------ saving
def to_document(arch: Architecture, catalog: Catalog = CATALOG) -> dict[str, Any]:
    """The design as the JSON document of the current file version.

    Properties equal to their default are left out, so files stay short and
    diffs show what a designer chose.
    """
    nodes = []
    for node in arch.nodes():
        item: dict[str, Any] = {"id": node.id, "kind": node.kind}
        if node.parent is not None:
            item["parent"] = node.parent
        item["label"] = node.label
        item["x"] = _number(node.x)
        item["y"] = _number(node.y)
        if node.w is not None:
            item["w"] = _number(node.w)
        if node.h is not None:
            item["h"] = _number(node.h)
        defaults = catalog.defaults(node.kind) if catalog.has_kind(node.kind) else {}
        props = {key: value for key, value in node.props.items() if key not in defaults or defaults[key] != value}
        if props:
            item["props"] = props
        if node.unknown:
            item["unknown"] = dict(node.unknown)
        nodes.append(item)
    edges = []
    for edge in arch.edges():
        entry: dict[str, Any] = {"id": edge.id, "source": edge.source, "target": edge.target}
        if edge.label:
            entry["label"] = edge.label
        props = dict(edge.props)
        protocol = str(props.get("protocol", "other"))
        trimmed = {
            key: value
            for key, value in props.items()
            if not (
                (key == "protocol" and value == "other")
                or (key == "port" and value is None)
                or (key in ("dead_letter", "administrative", "upload", "service_notifications") and value is False)
                or (key == "encrypted" and value == default_encrypted(protocol))
            )
        }
        if trimmed:
            entry["props"] = trimmed
        edges.append(entry)
    return {
        "format": "wadesk",
        "version": CURRENT_VERSION,
        "name": arch.name,
        "description": arch.description,
        "scope": arch.scope,
        "nodes": nodes,
        "edges": edges,
        "suppressions": [
            {"rule": s.rule, "node": s.node, "justification": s.justification} for s in arch.suppressions()
        ],
    }


def dumps_design(arch: Architecture, catalog: Catalog = CATALOG) -> str:
    """The text of the design file for ``arch``."""
    return json.dumps(to_document(arch, catalog), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def save_design(arch: Architecture, path: str | os.PathLike[str], catalog: Catalog = CATALOG) -> None:
    """Write ``arch`` to ``path`` atomically: a crash mid-save leaves the old file whole.

    Raises:
        DesignFileError: the file cannot be written.
    """
    target = Path(path)
    text = dumps_design(arch, catalog).encode("utf-8")
    write_atomic(target, text)


def _number(value: float) -> float | int:
    if math.isfinite(value) and value == int(value) and abs(value) < 2**53:
        return int(value)
    return value

"""Upgrades of older file format versions to the current one, keyed by version."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from wadesk.fileformat.errors import DesignFileError
from wadesk.fileformat.schema import CURRENT_VERSION

Document = dict[str, Any]
Migration = Callable[[Document], Document]

#: Version 1 conventions, read once here so that no rule reads meaning from a label: a flow, queue or
#: topic named as a dead-letter queue or an on-failure destination, a bucket named as a log bucket,
#: and a flow from users named as an upload.
_V1_DEAD_LETTER = re.compile(
    r"on[\s_-]*failure|failure[\s_-]*destination|dead[\s_-]*letter|\bdlq\b|_dlq|-dlq|dlq$", re.IGNORECASE
)
_V1_LOG_BUCKET = re.compile(r"\blogs?\b|logging|access[-_ ]?logs?", re.IGNORECASE)
_V1_UPLOAD = re.compile(r"upload|\bput\b|presign", re.IGNORECASE)
_V1_FAILURE_TARGETS = frozenset({"sqs", "sns", "eventbridge", "lambda", "s3"})


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _v1_to_v2(document: Document) -> Document:
    """Version 2 adds ``scope`` (default ``workload``) and says with properties what version 1 read from names.

    Flows to a queue, topic, bus, function or bucket that a label or id names
    as a dead-letter queue or on-failure destination get ``dead_letter``;
    buckets named as log buckets get ``log_bucket``; flows from the internet
    to a bucket labelled as uploads get ``upload``. Anything malformed is
    left for the strict loader to report.
    """
    nodes = document.get("nodes")
    edges = document.get("edges")
    if not isinstance(nodes, list) or not isinstance(edges, list):
        return document
    kinds: dict[str, str] = {}
    names: dict[str, str] = {}
    new_nodes = []
    for node in nodes:
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            kinds[node["id"]] = _text(node.get("kind"))
            names[node["id"]] = f"{_text(node.get('label'))} {node['id']}"
            props = node.get("props", {})
            if node.get("kind") == "s3" and isinstance(props, dict) and "log_bucket" not in props:
                if _V1_LOG_BUCKET.search(_text(node.get("label"))):
                    node = {**node, "props": {**props, "log_bucket": True}}
        new_nodes.append(node)
    new_edges = []
    for edge in edges:
        if isinstance(edge, dict) and isinstance(edge.get("props", {}), dict):
            props = dict(edge.get("props", {}))
            target = edge.get("target")
            source = edge.get("source")
            label = _text(edge.get("label"))
            target_kind = kinds.get(target, "") if isinstance(target, str) else ""
            if target_kind in _V1_FAILURE_TARGETS and "dead_letter" not in props:
                if _V1_DEAD_LETTER.search(label) or _V1_DEAD_LETTER.search(names.get(str(target), "")):
                    props["dead_letter"] = True
            source_kind = kinds.get(source, "") if isinstance(source, str) else ""
            if target_kind == "s3" and source_kind == "internet" and _V1_UPLOAD.search(label):
                props.setdefault("upload", True)
            if props != edge.get("props", {}):
                edge = {**edge, "props": props}
        new_edges.append(edge)
    return {**document, "nodes": new_nodes, "edges": new_edges}


def _v2_to_v3(document: Document) -> Document:
    """Version 3 adds a node's ``unknown`` properties; a version 2 file knows every property it holds."""
    return document


#: ``MIGRATIONS[n]`` turns a version-``n`` document into a version ``n + 1`` one.
MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2, 2: _v2_to_v3}


def migrate(
    document: Document,
    source: str,
    migrations: Mapping[int, Migration] = MIGRATIONS,
    current: int = CURRENT_VERSION,
) -> Document:
    """Bring ``document`` up to version ``current`` one step at a time.

    Raises:
        DesignFileError: the version is missing, newer than ``current``, or has no upgrade path.
    """
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise DesignFileError(source, [f"'version' must be a whole number, got {version!r}"])
    if version > current:
        raise DesignFileError(
            source,
            [f"file format version {version} is newer than this wadesk understands ({current}); update wadesk"],
        )
    if version < 1:
        raise DesignFileError(source, [f"'version' must be 1 or more, got {version}"])
    while version < current:
        step = migrations.get(version)
        if step is None:
            raise DesignFileError(source, [f"no upgrade from file format version {version}"])
        document = step(dict(document))
        version += 1
        document["version"] = version
    return document

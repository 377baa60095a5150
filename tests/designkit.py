"""Small builders for tests: a design from a few tuples, and the findings of one rule."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from wadesk.analysis.engine import analyse
from wadesk.catalog import new_architecture
from wadesk.model import Architecture
from wadesk.rules.base import Rule

NodeSpec = tuple[Any, ...]  # (id, kind) or (id, kind, parent) or (id, kind, parent, props)
EdgeSpec = tuple[Any, ...]  # (source, target) or (source, target, props) or (source, target, props, label)


def design(nodes: Iterable[NodeSpec] = (), edges: Iterable[EdgeSpec] = ()) -> Architecture:
    """A design checked against the real catalog; parents must come before children."""
    arch = new_architecture("test")
    for spec in nodes:
        node_id, kind = spec[0], spec[1]
        parent = spec[2] if len(spec) > 2 else None
        props: Mapping[str, Any] = spec[3] if len(spec) > 3 else {}
        container = arch.schema is not None and arch.schema.is_container(kind)
        arch.add_node(
            node_id,
            kind,
            label=node_id,
            parent=parent,
            w=200.0 if container else None,
            h=150.0 if container else None,
            props=props,
        )
    for index, spec in enumerate(edges):
        source, target = spec[0], spec[1]
        props = spec[2] if len(spec) > 2 else {}
        label = spec[3] if len(spec) > 3 else ""
        arch.connect(f"e{index}", source, target, props=props, label=label)
    return arch


def hits(rule: Rule, arch: Architecture) -> set[str]:
    """Keys (``rule@node``) of the findings ``rule`` reports on ``arch``; fails on a rule error."""
    result = analyse(arch, [rule])
    errors = [f.message for f in result.findings if f.error]
    assert not errors, errors
    return {f.key for f in result.findings}


def key(rule: Rule, node: str | None) -> str:
    """The key of ``rule``'s finding on ``node``."""
    return f"{rule.id}@{node or ''}"

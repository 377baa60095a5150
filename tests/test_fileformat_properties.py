"""Property-based tests: random designs round-trip; random corruptions fail with our error only."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wadesk.catalog import CATALOG, new_architecture
from wadesk.fileformat import DesignFileError, dumps_design, loads_design, to_document
from wadesk.model import Architecture, ModelError

CONTAINERS = [k.id for k in CATALOG if k.container]
COMPONENTS = [k.id for k in CATALOG if not k.container]
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
COORD = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
SIZE = st.floats(min_value=1, max_value=1e5, allow_nan=False)


def _value_for(annotation: Any) -> st.SearchStrategy[Any]:
    text = repr(annotation)
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.integers(min_value=0, max_value=35)
    if annotation is str:
        return TEXT
    if "Literal" in text:
        return st.sampled_from(list(annotation.__args__))
    if text == "int | None":
        return st.none() | st.integers(min_value=0, max_value=100)
    return st.nothing()


@st.composite
def props_for(draw: st.DrawFn, kind: str) -> dict[str, Any]:
    schema = CATALOG.get(kind).props_schema
    out: dict[str, Any] = {}
    for name, field in schema.model_fields.items():
        strategy = _value_for(field.annotation)
        if strategy.is_empty or not draw(st.booleans()):
            continue
        value = draw(strategy)
        try:
            CATALOG.validate_props(kind, {name: value}, "x")
        except ModelError:
            continue
        out[name] = value
    return out


@st.composite
def designs(draw: st.DrawFn) -> Architecture:
    arch = new_architecture(draw(TEXT), draw(TEXT))
    containers: list[str] = []
    count = draw(st.integers(min_value=0, max_value=12))
    for index in range(count):
        is_container = draw(st.booleans())
        kind = draw(st.sampled_from(CONTAINERS if is_container else COMPONENTS))
        parent = draw(st.sampled_from([None, *containers]))
        node_id = draw(st.sampled_from([f"n{index}", f"node {index} ✓", f'q"{index}']))
        arch.add_node(
            node_id,
            kind,
            label=draw(TEXT),
            parent=parent,
            x=draw(COORD),
            y=draw(COORD),
            w=draw(SIZE) if is_container else None,
            h=draw(SIZE) if is_container else None,
            props=draw(props_for(kind)),
        )
        if is_container:
            containers.append(node_id)
    nodes = arch.node_ids()
    if nodes:
        for index in range(draw(st.integers(min_value=0, max_value=10))):
            protocol = draw(st.sampled_from(["https", "http", "tcp", "tls", "sql", "other"]))
            props: dict[str, Any] = {"protocol": protocol}
            if draw(st.booleans()):
                props["encrypted"] = draw(st.booleans())
            if draw(st.booleans()):
                props["port"] = draw(st.integers(min_value=0, max_value=65535))
            arch.connect(
                f"e{index}", draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes)), label=draw(TEXT), props=props
            )
    return arch


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(designs())
def test_random_designs_survive_save_and_load(arch: Architecture) -> None:
    again = loads_design(dumps_design(arch))
    assert to_document(again) == to_document(arch)
    assert [n for n in again.nodes()] == [n for n in arch.nodes()]
    assert [e for e in again.edges()] == [e for e in arch.edges()]


def _mutations() -> st.SearchStrategy[Any]:
    junk = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        TEXT,
        st.lists(st.integers(), max_size=2),
        st.dictionaries(TEXT, st.integers(), max_size=2),
    )
    return junk


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out.extend(_paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out.extend(_paths(item, (*prefix, index)))
    return out


def _set(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return document


SAMPLE = {
    "format": "wadesk",
    "version": 1,
    "name": "sample",
    "nodes": [
        {"id": "vpc", "kind": "vpc", "x": 0, "y": 0, "w": 300, "h": 200},
        {"id": "sub", "kind": "subnet", "parent": "vpc", "x": 5, "y": 5, "w": 100, "h": 100, "props": {"public": True}},
        {
            "id": "sg",
            "kind": "security_group",
            "parent": "sub",
            "x": 6,
            "y": 6,
            "w": 90,
            "h": 90,
            "props": {"ingress": [{"cidr": "0.0.0.0/0", "port_from": 22, "port_to": 22, "protocol": "tcp"}]},
        },
        {"id": "web", "kind": "ec2", "parent": "sg", "x": 10, "y": 10, "props": {"public_ip": True}},
        {"id": "db", "kind": "rds", "x": 200, "y": 10, "props": {"multi_az": True}},
    ],
    "edges": [{"id": "e1", "source": "web", "target": "db", "props": {"protocol": "sql", "port": 5432}}],
    "suppressions": [{"rule": "X", "node": "web", "justification": "j"}],
}


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_random_structural_corruptions_fail_cleanly(data: st.DataObject) -> None:
    document = json.loads(json.dumps(SAMPLE))
    path = data.draw(st.sampled_from(_paths(document)))
    document = _set(document, path, data.draw(_mutations()))
    try:
        loads_design(json.dumps(document), "corrupt.wadesk")
    except DesignFileError as exc:
        assert str(exc).startswith("corrupt.wadesk: ")


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_random_byte_corruptions_fail_cleanly(data: st.DataObject) -> None:
    raw = bytearray(json.dumps(SAMPLE).encode())
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        action = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        position = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
        if action == "flip":
            raw[position] = data.draw(st.integers(min_value=0, max_value=255))
        elif action == "cut":
            del raw[position:]
            if not raw:
                raw = bytearray(b" ")
        else:
            raw[position:position] = data.draw(st.binary(min_size=1, max_size=4))
    try:
        loads_design(bytes(raw), "corrupt.wadesk")
    except DesignFileError as exc:
        assert str(exc).startswith("corrupt.wadesk: ")

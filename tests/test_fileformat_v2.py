"""File format version 2: the design's scope, and version 1's naming conventions turned into properties."""

from __future__ import annotations

import json
from typing import Any

import pytest

from wadesk.fileformat import DesignFileError, dumps_design, loads_design
from wadesk.fileformat.schema import CURRENT_VERSION


def _v1(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    return json.dumps({"format": "wadesk", "version": 1, "name": "old", "nodes": nodes, "edges": edges})


def test_a_version_1_file_loads_as_a_workload_and_saves_as_the_current_version() -> None:
    arch = loads_design(_v1([{"id": "web", "kind": "ec2"}], []))
    assert arch.scope == "workload"
    saved = json.loads(dumps_design(arch))
    assert saved["version"] == CURRENT_VERSION and saved["scope"] == "workload"


def test_the_scope_round_trips_and_an_unknown_one_is_refused() -> None:
    text = json.dumps({"format": "wadesk", "version": 2, "scope": "account", "nodes": [], "edges": []})
    arch = loads_design(text)
    assert arch.scope == "account"
    assert json.loads(dumps_design(arch))["scope"] == "account"
    with pytest.raises(DesignFileError, match="scope"):
        loads_design(text.replace('"account"', '"team"'))


def test_version_1_names_become_properties_once_on_load() -> None:
    nodes = [
        {"id": "users", "kind": "internet"},
        {"id": "fn", "kind": "lambda"},
        {"id": "orders-dlq", "kind": "sqs"},
        {"id": "q", "kind": "sqs", "label": "Work"},
        {"id": "alerts", "kind": "sns"},
        {"id": "logs", "kind": "s3", "label": "Access logs"},
        {"id": "assets", "kind": "s3", "label": "Assets"},
    ]
    edges = [
        {"id": "e1", "source": "fn", "target": "orders-dlq"},
        {"id": "e2", "source": "fn", "target": "q", "label": "jobs"},
        {"id": "e3", "source": "fn", "target": "alerts", "label": "on failure"},
        {"id": "e4", "source": "users", "target": "assets", "label": "presigned upload"},
        {"id": "e5", "source": "users", "target": "logs", "label": "download"},
    ]
    arch = loads_design(_v1(nodes, edges))
    assert [arch.edge(e).props["dead_letter"] for e in ("e1", "e2", "e3")] == [True, False, True]
    assert arch.edge("e4").props["upload"] is True and arch.edge("e5").props["upload"] is False
    assert arch.props_of("logs")["log_bucket"] is True and arch.props_of("assets")["log_bucket"] is False
    # Version 2 files say it with properties: the same names mean nothing there.
    saved = json.loads(dumps_design(arch))
    again = loads_design(json.dumps({**saved, "edges": [{**e, "props": {}} for e in saved["edges"]]}))
    assert not any(again.edge(e).props["dead_letter"] for e in ("e1", "e3"))

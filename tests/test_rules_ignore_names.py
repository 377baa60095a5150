"""No rule reads meaning from a name: renaming every node and flow changes no finding."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wadesk.analysis.engine import analyse
from wadesk.fileformat import load_design, loads_design, to_document

ROOT = Path(__file__).resolve().parents[1]
DESIGNS = sorted((ROOT / "examples").glob("*.wadesk")) + sorted((ROOT / "tests" / "regression").glob("*.wadesk"))

#: Names that would mean something if a rule read them.
LOADED = ["logs", "orders-dlq", "dead letter", "upload", "on failure", "bastion", "flow logs"]


def _renamed(document: dict[str, Any], name: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The document with every label set to ``name`` and every id made from it, and the map back to old ids."""
    new_id = {node["id"]: f"{name}-{index}" for index, node in enumerate(document["nodes"])}

    def rename(value: Any) -> Any:
        if isinstance(value, str) and value in new_id:
            return new_id[value]
        if isinstance(value, list):
            return [rename(v) for v in value]
        return value

    nodes = []
    for node in document["nodes"]:
        props = {key: rename(value) for key, value in node.get("props", {}).items()}
        nodes.append(
            {**node, "id": new_id[node["id"]], "label": name, "props": props}
            | ({"parent": new_id[node["parent"]]} if "parent" in node else {})
        )
    edges = [
        {**edge, "id": f"e{index}", "source": new_id[edge["source"]], "target": new_id[edge["target"]], "label": name}
        for index, edge in enumerate(document["edges"])
    ]
    suppressions = [{**s, "node": new_id.get(s["node"], s["node"])} for s in document["suppressions"]]
    back = {new: old for old, new in new_id.items()}
    return {**document, "nodes": nodes, "edges": edges, "suppressions": suppressions}, back


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: p.stem)
@pytest.mark.parametrize("name", [*LOADED, "x"])
def test_renaming_every_node_and_flow_changes_no_finding(path: Path, name: str) -> None:
    arch = load_design(path)
    expected = sorted(f.key for f in analyse(arch).findings)
    document, back = _renamed(to_document(arch), name)
    renamed = analyse(loads_design(json.dumps(document)))
    found = sorted(f"{f.rule}@{back.get(f.node, '') if f.node else ''}" for f in renamed.findings)
    assert found == expected

"""Issue 12 in the file format: extreme values, bounded cost, small losses (items 4, 5 and 7)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from wadesk.analysis.consistency import design_warnings
from wadesk.app import main
from wadesk.catalog import new_architecture
from wadesk.export.errors import ExportError
from wadesk.export.plan import build_plan
from wadesk.fileformat import DesignFileError, dumps_design, loads_design
from wadesk.fileformat.io import MAX_JSON_OBJECTS, MAX_NODES
from wadesk.model import MAX_COORDINATE, MAX_LABEL_CHARS, ModelError, clamp_coordinate


def _doc(nodes: list[dict[str, object]], **extra: object) -> dict[str, object]:
    return {"format": "wadesk", "version": 1, "name": "d", "nodes": nodes, "edges": [], **extra}


def _load(doc: object) -> object:
    return loads_design(json.dumps(doc), "d.wadesk")


def _refused(doc: object) -> str:
    with pytest.raises(DesignFileError) as caught:
        _load(doc)
    return str(caught.value)


# ------------------------------------------------------------------ item 4: extreme values
@pytest.mark.parametrize("field", ["x", "y", "w", "h"])
def test_a_coordinate_beyond_what_qt_draws_is_refused_naming_node_and_field(field: str) -> None:
    node = {"id": "vpc", "kind": "vpc", "x": 0, "y": 0, "w": 400, "h": 300, field: 3e9}
    text = _refused(_doc([node, {"id": "web", "kind": "ec2", "parent": "vpc"}]))
    assert text.splitlines() == [f"d.wadesk: node 'vpc': '{field}' must be "
                                 + ("at most 1,000,000" if field in "wh" else "between -1,000,000 and 1,000,000")
                                 + " (what the canvas can draw), got 3000000000.0"]


def test_the_largest_coordinates_load_and_the_model_refuses_beyond() -> None:
    arch = _load(_doc([{"id": "vpc", "kind": "vpc", "x": -MAX_COORDINATE, "y": MAX_COORDINATE,
                        "w": MAX_COORDINATE, "h": 1}]))
    with pytest.raises(ModelError, match="between"):
        arch.move_node("vpc", MAX_COORDINATE * 2, 0)  # type: ignore[attr-defined]
    assert clamp_coordinate(5e12) == MAX_COORDINATE and clamp_coordinate(-5e12) == -MAX_COORDINATE


def test_check_of_a_3e9_container_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.wadesk"
    path.write_text(json.dumps(_doc([{"id": "vpc", "kind": "vpc", "w": 3e9, "h": 400}])), encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert main(["export", str(path), "--report", str(tmp_path / "r.png")]) == 2
    err = capsys.readouterr().err
    assert err.count("'w' must be at most") == 2 and err.count("\n") == 2
    assert not (tmp_path / "r.png").exists()


# ------------------------------------------------------------------ item 5: bounded cost
def test_more_nodes_than_a_design_holds_are_refused() -> None:
    nodes = [{"id": f"n{i}", "kind": "s3"} for i in range(MAX_NODES + 1)]
    text = _refused(_doc(nodes))
    assert f"{MAX_NODES + 1:,} nodes; a design holds at most {MAX_NODES:,}" in text


def test_a_file_of_millions_of_objects_stops_early_and_fast() -> None:
    count = MAX_JSON_OBJECTS * 3
    data = '{"format":"wadesk","version":1,"nodes":[' + ",".join(['{"id":"n","kind":"s3"}'] * count) + "]}"
    started = time.perf_counter()
    with pytest.raises(DesignFileError, match="more than 500,000 JSON objects"):
        loads_design(data, "d.wadesk")
    assert time.perf_counter() - started < 10


def test_labels_and_ids_are_capped() -> None:
    text = _refused(_doc([{"id": "a", "kind": "s3", "label": "x" * (MAX_LABEL_CHARS + 1)}]))
    assert "'label' is 100,001 characters long; the limit is 100,000" in text
    text = _refused(_doc([{"id": "a" * 10_001, "kind": "s3"}]))
    assert "'id' is 10,001 characters long; the limit is 10,000" in text
    arch = new_architecture("x")
    arch.add_node("a", "s3")
    with pytest.raises(ModelError, match="labels are limited"):
        arch.set_label("a", "y" * (MAX_LABEL_CHARS + 1))


def test_memory_error_exits_2_with_a_message(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import wadesk.fileformat as fileformat

    def exhausted(_path: object) -> None:
        raise MemoryError

    monkeypatch.setattr(fileformat, "load_design", exhausted)  # where check finds the reader
    path = tmp_path / "d.wadesk"
    path.write_text(json.dumps(_doc([])), encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("wadesk: out of memory") and "Traceback" not in err


def test_a_50000_character_label_gives_diagram_a_message_naming_the_node(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.wadesk"
    path.write_text(json.dumps(_doc([{"id": "web", "kind": "ec2", "label": "x" * 50_000}])), encoding="utf-8")
    assert main(["export", str(path), "--diagram", str(tmp_path / "d.svg")]) == 2
    err = capsys.readouterr().err
    assert "node 'web' has a label 50,000 characters long" in err and "syntax error" not in err
    assert main(["export", str(path), "--python", str(tmp_path / "d.py")]) == 2


def test_a_long_label_within_graphviz_limits_still_plans() -> None:
    arch = new_architecture("x")
    arch.add_node("web", "ec2", label="x" * 1_500)
    assert build_plan(arch).nodes()[0].label == "x" * 1_500
    arch.set_label("web", "\\" * 9_000)  # doubled for Graphviz: 18,000 bytes
    with pytest.raises(ExportError, match="node 'web'"):
        build_plan(arch)


# ------------------------------------------------------------------ item 7: small losses
def test_two_suppressions_of_one_finding_are_refused_naming_both() -> None:
    doc = _doc([{"id": "db", "kind": "rds"}], suppressions=[
        {"rule": "REL-DB-SINGLE-AZ", "node": "db", "justification": "first reason"},
        {"rule": "REL-DB-SINGLE-AZ", "node": "db", "justification": "second reason"},
    ])
    text = _refused(doc)
    assert "appears twice" in text and "first reason" in text and "second reason" in text


def test_suppressions_of_unknown_rules_and_bad_subnets_are_warned(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    doc = _doc(
        [
            {"id": "vpc", "kind": "vpc", "w": 800, "h": 600},
            {"id": "sub", "kind": "subnet", "parent": "vpc", "w": 300, "h": 200},
            {"id": "asg", "kind": "auto_scaling_group", "parent": "vpc", "w": 300, "h": 200,
             "props": {"subnets": ["sub", "gone", "vpc"]}},
        ],
        suppressions=[{"rule": "NO-SUCH-RULE", "node": "asg", "justification": "old"}],
    )
    arch = _load(doc)
    warnings = design_warnings(arch)  # type: ignore[arg-type]
    assert any("'NO-SUCH-RULE'" in w and "no rule has this id" in w for w in warnings)
    assert any("'gone', which is not a node" in w for w in warnings)
    assert any("'vpc', a vpc, not a subnet" in w for w in warnings)
    path = tmp_path / "d.wadesk"
    path.write_text(json.dumps(doc), encoding="utf-8")
    main(["check", str(path), "--fail-on", "never"])
    err = capsys.readouterr().err
    assert err.count(": warning: ") == 3
    main(["check", str(path), "--format", "json", "--fail-on", "never"])
    assert len(json.loads(capsys.readouterr().out)["designs"][0]["warnings"]) == 3


def test_a_suppression_of_an_unknown_node_is_an_error() -> None:
    doc = _doc([{"id": "db", "kind": "rds"}], suppressions=[{"rule": "REL-DB-SINGLE-AZ", "node": "gone"}])
    assert "node 'gone' is not a node of the design" in _refused(doc)


def test_integers_up_to_2_53_round_trip_exactly_and_beyond_are_refused() -> None:
    big = 2**53
    arch = _load(_doc([{"id": "c", "kind": "elasticache", "props": {"replicas": big}}]))
    saved = json.loads(dumps_design(arch))  # type: ignore[arg-type]
    assert saved["nodes"][0]["props"]["replicas"] == big
    text = _refused(_doc([{"id": "c", "kind": "elasticache", "props": {"replicas": big + 1}}]))
    assert "9007199254740993 is beyond ±2^53" in text

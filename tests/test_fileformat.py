"""Design files: strict loading with clear messages, migrations, atomic saves, round trips."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from wadesk.catalog import new_architecture
from wadesk.fileformat import DesignFileError, dumps_design, load_design, loads_design, save_design, to_document
from wadesk.fileformat.migrations import migrate

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.wadesk"))


def _doc(**extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": "wadesk",
        "version": 1,
        "name": "t",
        "nodes": [
            {"id": "vpc", "kind": "vpc", "x": 0, "y": 0, "w": 500, "h": 400},
            {
                "id": "sub",
                "kind": "subnet",
                "parent": "vpc",
                "x": 10,
                "y": 10,
                "w": 200,
                "h": 200,
                "props": {"public": True, "availability_zone": "eu-west-1a"},
            },
            {
                "id": "db",
                "kind": "rds",
                "parent": "sub",
                "label": "Orders DB",
                "x": 20,
                "y": 30,
                "props": {"multi_az": True},
            },
            {"id": "web", "kind": "ec2", "parent": "sub", "x": 120, "y": 30},
        ],
        "edges": [{"id": "e1", "source": "web", "target": "db", "label": "SQL", "props": {"protocol": "sql"}}],
        "suppressions": [{"rule": "R-1", "node": "db", "justification": "accepted"}],
    }
    doc.update(extra)
    return doc


def _load(doc: Any) -> Any:
    return loads_design(json.dumps(doc), "d.wadesk")


def _problem(doc: Any) -> str:
    with pytest.raises(DesignFileError) as info:
        _load(doc)
    return str(info.value)


def test_a_valid_file_loads_with_defaults() -> None:
    arch = _load(_doc())
    assert arch.name == "t"
    assert arch.parent_of("db") == "sub"
    assert arch.props_of("db")["multi_az"] is True
    assert arch.props_of("db")["storage_encrypted"] is False
    assert arch.edge("e1").props["encrypted"] is False
    assert arch.suppressions()[0].justification == "accepted"


def test_save_then_load_is_identical(tmp_path: Path) -> None:
    arch = _load(_doc())
    path = tmp_path / "d.wadesk"
    save_design(arch, path)
    again = load_design(path)
    assert to_document(again) == to_document(arch)
    assert "storage_encrypted" not in path.read_text()  # defaults are not written


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["nodes"][2]["props"].update(multi_az="yes"),
            "node 'db': property 'multi_az': expected true or false",
        ),
        (lambda d: d["nodes"][2]["props"].update(multy=1), "node 'db': unknown property 'multy'"),
        (lambda d: d["nodes"][2].update(kind="mainframe"), "node 'db': unknown kind 'mainframe'"),
        (lambda d: d["nodes"][2].update(parent="ghost"), "node 'db': parent 'ghost' is not a node"),
        (lambda d: d["nodes"][2].update(parent="web"), "parent 'web' is a ec2, which cannot hold"),
        (lambda d: d["nodes"][0].update(parent="sub"), "cycle of parents"),
        (lambda d: d["nodes"][3].update(id="db"), "node 'db': duplicate id"),
        (lambda d: d["edges"][0].update(target="ghost"), "edge 'e1': target 'ghost' is not a node"),
        (lambda d: d["edges"][0].update(id="db"), "edge 'db': duplicate id"),
        (lambda d: d["nodes"][0].update(w=-5), "node 'vpc': 'w' must be greater than 0"),
        (lambda d: d["nodes"][3].update(x="10"), "node 'web': 'x': expected a number"),
        (lambda d: d["nodes"][3].update(colour="red"), "node 'web': unknown field 'colour'"),
        (lambda d: d["nodes"][3].pop("kind"), "node 'web': missing 'kind'"),
        (lambda d: d.update(version=99), "version 99 is newer than this wadesk understands"),
        (lambda d: d.update(version="1"), "'version' must be a whole number"),
        (lambda d: d.update(format="drawio"), "not a wadesk design"),
        (lambda d: d["edges"][0]["props"].update(protocol="smtp"), "edge 'e1': property 'protocol': expected one of"),
        (lambda d: d["suppressions"][0].update(node="ghost"), "node 'ghost' is not a node"),
        (lambda d: d.update(nodes={}), "'nodes': expected a list"),
    ],
)
def test_invalid_content_names_what_and_where(change: Any, expected: str) -> None:
    doc = _doc()
    change(doc)
    assert expected in _problem(doc)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8 text"),
        (b"[1, 2]", "top level must be a JSON object"),
        (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
        (b'{"format": "wadesk", "version": 1, "nodes": [{"id": "a", "kind": "ec2", "x": NaN}]}', "NaN"),
        (b'{"format": "wadesk", "version": 1, "nodes": [{"id": "a", "kind": "ec2", "x": 1e999}]}', "finite"),
        (b'{"format": "wadesk", "format": "wadesk"}', "appears twice"),
        (
            b'{"format": "wadesk", "version": 1, "nodes": [{"id": "a", "kind": "ec2", "x": 1' + b"0" * 5000 + b"}]}",
            "not valid JSON",
        ),
    ],
)
def test_broken_bytes_give_our_error(data: bytes, expected: str) -> None:
    with pytest.raises(DesignFileError) as info:
        loads_design(data, "d.wadesk")
    assert expected in str(info.value)
    assert str(info.value).startswith("d.wadesk: ")


def test_absurdly_deep_nesting_is_refused() -> None:
    nodes = [
        {"id": f"c{i}", "kind": "vpc", "w": 1, "h": 1, **({"parent": f"c{i - 1}"} if i else {})} for i in range(200)
    ]
    assert "nest more than 64 levels" in _problem({"format": "wadesk", "version": 1, "nodes": nodes})


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(DesignFileError, match="no such file"):
        load_design(tmp_path / "nope.wadesk")
    with pytest.raises(DesignFileError, match="is a directory"):
        load_design(tmp_path)
    with pytest.raises(DesignFileError, match="not a regular file"):
        load_design("/dev/zero")


def test_many_problems_are_listed_one_per_line() -> None:
    doc = _doc()
    doc["nodes"][2]["props"]["multi_az"] = "yes"
    doc["nodes"][3]["props"] = {"public_ip": 3}
    message = _problem(doc)
    assert len(message.splitlines()) == 2


def test_migrations_run_step_by_step_and_refuse_the_future() -> None:
    steps = {1: lambda d: {**d, "nodes": d["old_nodes"]}, 2: lambda d: {**d, "name": d["name"].upper()}}
    out = migrate({"version": 1, "old_nodes": [], "name": "x"}, "f", steps, current=3)
    assert out["version"] == 3 and out["name"] == "X" and out["nodes"] == []
    with pytest.raises(DesignFileError, match="newer"):
        migrate({"version": 4}, "f", steps, current=3)
    with pytest.raises(DesignFileError, match="no upgrade"):
        migrate({"version": 1}, "f", {}, current=2)


def test_save_is_atomic_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "d.wadesk"
    arch = _load(_doc())
    save_design(arch, path)
    before = path.read_bytes()
    arch.set_label("db", "changed")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(DesignFileError, match="No space left"):
        save_design(arch, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["d.wadesk"]


def test_dumps_is_stable_json() -> None:
    arch = new_architecture("x")
    arch.add_node("a", "ec2", x=1.5, y=2)
    text = dumps_design(arch)
    assert json.loads(text)["nodes"][0] == {"id": "a", "kind": "ec2", "label": "", "x": 1.5, "y": 2}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_load_and_round_trip(path: Path, tmp_path: Path) -> None:
    arch = load_design(path)
    out = tmp_path / path.name
    save_design(arch, out)
    assert to_document(load_design(out)) == to_document(arch)


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    path = tmp_path / "new.wadesk"
    save_design(new_architecture("x"), path)
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask

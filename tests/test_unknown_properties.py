"""A node's unknown properties: the model, its edits and undo, the file format (version 3) and old files."""

from __future__ import annotations

import json
from typing import Any

import pytest

from wadesk.catalog import CATALOG
from wadesk.editing import SetProperty, SetUnknown
from wadesk.fileformat import DesignFileError, dumps_design, loads_design
from wadesk.model import Architecture, ModelError


def _db() -> Architecture:
    arch = Architecture(CATALOG)
    arch.add_node("db", "rds", props={"multi_az": True}, unknown={"storage_encrypted": "var.enc"})
    return arch


def test_stating_an_unknown_property_makes_it_known_even_at_the_same_value() -> None:
    arch = _db()
    events: list[Any] = []
    arch.subscribe(events.append)
    arch.set_property("db", "storage_encrypted", False)  # the default it already held
    assert not arch.unknown_of("db")
    assert [e.type for e in events] == ["node_props_changed"]
    assert events[0].new == {"storage_encrypted": False}


def test_setting_another_property_keeps_the_unknown_one() -> None:
    arch = _db()
    arch.set_property("db", "multi_az", False)
    assert dict(arch.unknown_of("db")) == {"storage_encrypted": "var.enc"}


def test_undo_of_the_edit_makes_it_unknown_again() -> None:
    arch = _db()
    edit = SetProperty("db", "storage_encrypted", True)
    edit.apply(arch)
    assert not arch.unknown_of("db") and arch.props_of("db")["storage_encrypted"] is True
    edit.revert(arch)
    assert dict(arch.unknown_of("db")) == {"storage_encrypted": "var.enc"}
    assert arch.props_of("db")["storage_encrypted"] is False
    edit.apply(arch)  # redo
    assert not arch.unknown_of("db")


def test_set_unknown_is_an_edit_with_undo() -> None:
    arch = _db()
    edit = SetUnknown("db", {"multi_az": "Ref MultiAz"})
    edit.apply(arch)
    assert dict(arch.unknown_of("db")) == {"multi_az": "Ref MultiAz"}
    edit.revert(arch)
    assert dict(arch.unknown_of("db")) == {"storage_encrypted": "var.enc"}


def test_an_unknown_name_must_be_a_property_of_the_kind() -> None:
    arch = Architecture(CATALOG)
    with pytest.raises(ModelError, match="'unknown' names 'colour', which is not a property of a rds"):
        arch.add_node("db", "rds", unknown={"colour": "x"})
    assert "db" not in arch


def _document(**node: Any) -> dict[str, Any]:
    return {"format": "wadesk", "version": 3, "nodes": [{"id": "db", "kind": "rds", **node}], "edges": []}


def test_the_file_round_trips_unknown_properties() -> None:
    arch = loads_design(json.dumps(_document(unknown={"storage_encrypted": "var.enc"})))
    saved = json.loads(dumps_design(arch))
    assert saved["version"] == 3
    assert saved["nodes"][0]["unknown"] == {"storage_encrypted": "var.enc"}
    again = loads_design(dumps_design(arch))
    assert dict(again.unknown_of("db")) == {"storage_encrypted": "var.enc"}
    known = loads_design(json.dumps(_document()))
    assert "unknown" not in json.loads(dumps_design(known))["nodes"][0]  # files list only what is unknown


@pytest.mark.parametrize(
    ("unknown", "message"),
    [
        ({"colour": "x"}, "'unknown' names 'colour', which is not a property of a rds"),
        ({"storage_encrypted": 3}, "unknown.storage_encrypted"),
        (["storage_encrypted"], "'unknown': expected an object"),
    ],
)
def test_a_bad_unknown_field_is_refused_naming_the_node(unknown: Any, message: str) -> None:
    with pytest.raises(DesignFileError, match=message) as info:
        loads_design(json.dumps(_document(unknown=unknown)))
    assert "node 'db'" in str(info.value)


def test_old_files_load_and_cannot_hold_unknown_properties() -> None:
    for version in (1, 2):
        arch = loads_design(json.dumps({**_document(props={"multi_az": True}), "version": version}))
        assert not arch.unknown_of("db")
        with pytest.raises(DesignFileError, match="needs file format version 3"):
            loads_design(json.dumps({**_document(unknown={"multi_az": "x"}), "version": version}))

"""Free-text values: a CIDR must be a network (refused on load otherwise); unknown engines and types only warn."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wadesk.catalog import CATALOG
from wadesk.catalog.known_values import property_warnings
from wadesk.fileformat import DesignFileError, load_design
from wadesk.model import ModelError


def _design(tmp_path: Path, node: dict[str, object]) -> Path:
    path = tmp_path / "d.wadesk"
    path.write_text(json.dumps({"format": "wadesk", "version": 1, "name": "d", "nodes": [node], "edges": []}),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize(("kind", "props", "expected"), [
    ("vpc", {"cidr": "10.0.1.0/99"}, "expected an IPv4 CIDR block such as 10.0.1.0/24, got '10.0.1.0/99'"),
    ("vpc", {"cidr": "10.0.1.5/16"}, "with the host bits zero"),
    ("subnet", {"cidr": "10.0.1.0"}, "(address/prefix length)"),
    ("subnet", {"cidr": "2001:db8::/64"}, "expected an IPv4 CIDR block"),
    ("security_group", {"ingress": [{"cidr": "0.0.0.0/33"}]}, "property 'ingress[0].cidr'"),
    ("security_group", {"ingress": [{"port_from": 70000}]}, "expected a number <= 65535"),
])
def test_a_file_with_an_invalid_value_fails_to_load_with_one_line(tmp_path: Path, kind: str, props: dict[str, object],
                                                                  expected: str) -> None:
    node = {"id": "n-1", "kind": kind, "x": 0, "y": 0, "w": 200, "h": 100, "props": props}
    with pytest.raises(DesignFileError) as info:
        load_design(_design(tmp_path, node))
    message = str(info.value)
    assert expected in message and "n-1" in message and len(message.splitlines()) == 1


@pytest.mark.parametrize(("kind", "props"), [
    ("vpc", {"cidr": "172.16.0.0/12"}),
    ("subnet", {"cidr": ""}),
    ("security_group", {"ingress": [{"cidr": "::/0", "port_from": 443, "port_to": 443}]}),
])
def test_networks_load(kind: str, props: dict[str, object]) -> None:
    CATALOG.validate_props(kind, props, "node 'n'")


def test_an_edited_cidr_is_checked_too() -> None:
    from wadesk.catalog import new_architecture

    arch = new_architecture()
    arch.add_node("v", "vpc", w=100, h=100)
    with pytest.raises(ModelError, match="IPv4 CIDR block"):
        arch.set_property("v", "cidr", "10.0.0.0/99")
    assert arch.props_of("v")["cidr"] == "10.0.0.0/16"


def test_unknown_engines_and_types_load_with_a_warning(tmp_path: Path) -> None:
    node = {"id": "db-1", "kind": "rds", "x": 0, "y": 0, "props": {"engine": "postgresql-next",
                                                                    "instance_class": "db.z99.huge"}}
    arch = load_design(_design(tmp_path, node))  # new AWS names must not stop a design from loading
    warnings = property_warnings("rds", arch.props_of("db-1"))
    assert set(warnings) == {"engine", "instance_class"} and "postgresql-next" in warnings["engine"]


@pytest.mark.parametrize(("kind", "props"), [
    ("ec2", {"instance_type": "m7g.large"}), ("ec2", {"instance_type": "c7i-flex.2xlarge"}),
    ("ec2", {"instance_type": "u-6tb1.metal"}), ("rds", {"engine": "mysql", "instance_class": "db.r6g.xlarge"}),
    ("aurora", {"engine": "aurora-mysql", "instance_class": "db.serverless"}),
    ("redshift", {"node_type": "ra3.xlplus"}),
])
def test_known_values_raise_no_warning(kind: str, props: dict[str, object]) -> None:
    assert property_warnings(kind, props) == {}


def test_every_default_and_example_value_is_known() -> None:
    for kind in CATALOG:
        assert property_warnings(kind.id, kind.defaults()) == {}, kind.id
    for path in sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.wadesk")):
        arch = load_design(path)
        for node in arch.nodes():
            assert property_warnings(node.kind, node.props) == {}, (path.name, node.id)


def test_check_warns_about_unknown_values_and_still_reviews(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from wadesk.app import main

    node = {"id": "web-1", "kind": "ec2", "x": 0, "y": 0, "props": {"instance_type": "zz9.plural"}}
    assert main(["check", str(_design(tmp_path, node)), "--fail-on", "never"]) == 0
    err = capsys.readouterr().err
    assert "warning: node 'web-1': property 'instance_type': 'zz9.plural' is not an EC2 instance type" in err

"""A security group drawn in several subnets (``copy_of``) is reported once; copies that differ still show."""

from __future__ import annotations

from typing import Any

from designkit import design, key

from tests.importers.cfnkit import R, network, template
from wadesk.analysis.engine import Analyzer, analyse
from wadesk.importers.build import build_architecture
from wadesk.importers.cfn.importer import map_template
from wadesk.rules.security import default_sg_in_use, sg_open_admin, sg_open_ports, sg_rule_no_description

RULES = [sg_rule_no_description.RULE, sg_open_ports.RULE, sg_open_admin.RULE, default_sg_in_use.RULE]
OPEN = [
    {"cidr": "0.0.0.0/0", "port_from": 22, "port_to": 22, "protocol": "tcp"},
    {"cidr": "0.0.0.0/0", "port_from": 6379, "port_to": 6379, "protocol": "tcp"},
]
BY_GROUP = [{"direction": "ingress", "peer": "sg", "port_from": 8080, "port_to": 8080, "protocol": "tcp"}]


def _two_boxes(copy: dict[str, Any] | None = None, first: str = "ec2", second: str = "ec2") -> Any:
    props = {"ingress": OPEN, "group_rules": BY_GROUP}
    return design([
        ("vpc", "vpc"),
        ("a", "subnet", "vpc", {"availability_zone": "z-a"}),
        ("b", "subnet", "vpc", {"availability_zone": "z-b"}),
        ("sg", "security_group", "a", props),
        ("sg@b", "security_group", "b", {**props, "copy_of": "sg"} if copy is None else copy),
        ("one", first, "sg"),
        ("two", second, "sg@b"),
    ])


def _keys(arch: Any) -> set[str]:
    result = analyse(arch, RULES)
    assert not [f for f in result.findings if f.error]
    return {f.key for f in result.findings}


def test_a_copy_is_reported_once_on_the_group_itself() -> None:
    assert _keys(_two_boxes()) == {
        key(sg_rule_no_description.RULE, "sg"), key(sg_open_ports.RULE, "sg"), key(sg_open_admin.RULE, "sg")}


def test_without_copy_of_two_boxes_are_two_groups() -> None:
    props = {"ingress": OPEN, "group_rules": BY_GROUP}
    assert _keys(_two_boxes(props)) == {
        key(rule, node) for rule in RULES[:3] for node in ("sg", "sg@b")}


def test_a_copy_whose_rules_were_edited_apart_is_reported_too() -> None:
    edited = {"ingress": OPEN[:1], "group_rules": BY_GROUP, "copy_of": "sg"}
    arch = _two_boxes(edited)
    found = {f.key: f.message for f in analyse(arch, RULES).findings}
    # the same description finding is said once; the ports differ, so the copy's own finding stays
    assert key(sg_rule_no_description.RULE, "sg@b") in found
    assert key(sg_open_ports.RULE, "sg@b") not in found and key(sg_open_ports.RULE, "sg") in found
    assert key(sg_open_admin.RULE, "sg@b") not in found


def test_copy_of_naming_nothing_leaves_the_box_a_group_of_its_own() -> None:
    props = {"ingress": OPEN, "copy_of": "gone"}
    assert key(sg_open_ports.RULE, "sg@b") in _keys(_two_boxes(props))


def test_a_peer_group_drawn_again_is_still_the_group_s_own_members() -> None:
    arch = _two_boxes()
    (finding,) = [f for f in analyse(arch, RULES).findings if f.rule == sg_rule_no_description.RULE.id]
    assert "ingress tcp 8080 from the group's own members" in finding.message


def test_members_of_every_box_count_for_the_load_balancer_exemption() -> None:
    # The group's own box holds only a load balancer; its copy holds an instance: SSH reaches the instance.
    found = {f.key: f.message for f in analyse(_two_boxes(first="alb"), [sg_open_admin.RULE]).findings}
    assert found == {key(sg_open_admin.RULE, "sg"): (
        "sg admits any address (0.0.0.0/0 or ::/0) to port 22; no member sits in a public subnet today, so it is "
        "open to whatever can route to it."
    )}
    assert analyse(_two_boxes(first="alb", second="alb"), [sg_open_admin.RULE]).findings == ()


def test_a_default_group_drawn_twice_counts_all_its_members_once() -> None:
    props = {"is_default": True}
    arch = _two_boxes({**props, "copy_of": "sg"})
    arch.set_props("sg", props)
    (finding,) = analyse(arch, [default_sg_in_use.RULE]).findings
    assert finding.key == key(default_sg_in_use.RULE, "sg")
    assert finding.message.endswith("yet has 2 resources inside it.")


def test_incremental_analysis_follows_a_copy_being_edited_apart_and_back() -> None:
    arch = _two_boxes()
    analyzer = Analyzer(arch, RULES)
    try:
        arch.set_props("sg@b", {"ingress": OPEN[:1], "group_rules": BY_GROUP, "copy_of": "sg"})
        assert {f.key for f in analyzer.result().findings} == _keys(arch)
        assert key(sg_rule_no_description.RULE, "sg@b") in _keys(arch)
        arch.set_props("sg", {"ingress": OPEN[:1], "group_rules": BY_GROUP})
        assert {f.key for f in analyzer.result().findings} == _keys(arch)
        assert not any(node.endswith("@b") for node in (f.node or "" for f in analyzer.result().findings))
    finally:
        analyzer.close()


def test_the_importer_marks_each_box_after_the_first_as_a_copy() -> None:
    resources = network()
    resources["Sg"] = ("AWS::EC2::SecurityGroup", {"GroupDescription": "web", "VpcId": R("Vpc"),
                                                    "SecurityGroupIngress": [
                                                        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
                                                         "CidrIp": "0.0.0.0/0"}]})
    for name, subnet in (("WebA", "SubnetA"), ("WebB", "SubnetB")):
        resources[name] = ("AWS::EC2::Instance", {"SubnetId": R(subnet), "SecurityGroupIds": [R("Sg")]})
    arch = build_architecture(map_template(template(resources)), layout=False).arch
    boxes = [n for n in arch.node_ids() if arch.kind_of(n) == "security_group"]
    assert sorted(boxes) == ["Sg", "Sg@SubnetB"]
    assert arch.props_of("Sg").get("copy_of", "") == ""
    assert arch.props_of("Sg@SubnetB")["copy_of"] == "Sg"
    findings = [f for f in analyse(arch).findings if f.node in boxes]
    assert {f.node for f in findings} == {"Sg"}
    assert {f.rule for f in findings} >= {"SEC-SG-OPEN-ADMIN", "SEC-SG-RULE-NO-DESCRIPTION"}

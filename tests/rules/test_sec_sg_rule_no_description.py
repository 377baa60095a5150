"""SEC-SG-RULE-NO-DESCRIPTION: security-group ingress rules that say nothing about what they are for."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.analysis.engine import analyse
from wadesk.rules.security.sg_rule_no_description import RULE

SSH = {"cidr": "10.0.0.0/8", "port_from": 22, "port_to": 22, "protocol": "tcp"}
WEB = {"cidr": "0.0.0.0/0", "port_from": 443, "port_to": 443, "protocol": "tcp", "description": "HTTPS from users"}


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_a_group_without_rules_passes() -> None:
    assert hits(RULE, design([("sg", "security_group")])) == set()


def test_every_rule_described_passes() -> None:
    assert hits(RULE, design([("sg", "security_group", None, {"ingress": [WEB]})])) == set()


def test_the_finding_names_the_rules_without_description() -> None:
    everything = {"cidr": "::/0", "protocol": "-1"}
    arch = design([("sg", "security_group", None, {"ingress": [WEB, SSH, everything]})])
    (finding,) = analyse(arch, [RULE]).findings
    assert finding.key == key(RULE, "sg")
    assert "ingress tcp 22 from 10.0.0.0/8" in finding.message and "ingress all traffic from ::/0" in finding.message
    assert "443" not in finding.message
    assert finding.severity == "low"


def test_a_blank_description_is_no_description() -> None:
    props = {"ingress": [{**SSH, "description": "   "}]}
    assert hits(RULE, design([("sg", "security_group", None, props)])) == {key(RULE, "sg")}


def test_a_group_from_another_stack_is_not_judged() -> None:
    props = {"ingress": [SSH], "defined_elsewhere": True}
    assert hits(RULE, design([("sg", "security_group", None, props)])) == set()


def test_egress_rules_without_description_are_named_too() -> None:
    out = {"cidr": "0.0.0.0/0", "protocol": "-1"}
    described = {**out, "description": "updates and AWS APIs"}
    arch = design([("sg", "security_group", None, {"ingress": [WEB], "egress": [out]})])
    (finding,) = analyse(arch, [RULE]).findings
    assert "egress all traffic to 0.0.0.0/0" in finding.message
    assert hits(RULE, design([("sg", "security_group", None, {"ingress": [WEB], "egress": [described]})])) == set()


def test_rules_whose_peer_is_a_group_are_judged_too() -> None:
    from_web = {"direction": "ingress", "peer": "web", "port_from": 5432, "port_to": 5432, "protocol": "tcp"}
    to_web = {"direction": "egress", "peer": "web", "port_from": 443, "port_to": 443, "protocol": "tcp"}
    own = {"direction": "ingress", "peer": "db", "protocol": "-1"}
    outside = {"direction": "ingress", "peer": "sg-0abc", "port_from": 22, "port_to": 22, "protocol": "tcp"}
    arch = design([
        ("web", "security_group"),
        ("db", "security_group", None, {"group_rules": [from_web, to_web, own, outside]}),
    ])
    (finding,) = analyse(arch, [RULE]).findings
    assert finding.key == key(RULE, "db")
    assert finding.message.startswith("db has 4 rules with no description: ")
    for part in ("ingress tcp 5432 from security group web", "egress tcp 443 to security group web",
                 "ingress all traffic from the group's own members", "ingress tcp 22 from security group sg-0abc"):
        assert part in finding.message


def test_described_group_rules_pass_and_a_cidr_rule_still_counts() -> None:
    described = {"direction": "ingress", "peer": "web", "port_from": 5432, "port_to": 5432,
                 "description": "orders service"}
    assert hits(RULE, design([("db", "security_group", None, {"group_rules": [described]})])) == set()
    arch = design([("db", "security_group", None, {"group_rules": [described], "ingress": [SSH]})])
    (finding,) = analyse(arch, [RULE]).findings
    assert "a rule with no description: ingress tcp 22 from 10.0.0.0/8." in finding.message

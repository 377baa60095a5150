"""SEC-SG-OPEN-PORTS: security group opens non-web ports to the internet."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.analysis.engine import analyse
from wadesk.rules.security.sg_open_ports import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_world_open_other_ports_are_reported() -> None:
    arch = design(
        [
            ("db", "security_group", None, {"ingress": [{"cidr": "0.0.0.0/0", "port_from": 5432, "port_to": 5432}]}),
            ("any", "security_group", None, {"ingress": [{}]}),
            ("alt", "security_group", None, {"ingress": [{"cidr": "::/0", "port_from": 8080, "port_to": 8080}]}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "db"), key(RULE, "any"), key(RULE, "alt")}


def test_web_ports_and_restricted_sources_pass() -> None:
    web = [
        {"cidr": "0.0.0.0/0", "port_from": 80, "port_to": 80},
        {"cidr": "::/0", "port_from": 443, "port_to": 443},
        {"cidr": "10.0.0.0/16", "port_from": 5432, "port_to": 5432},
    ]
    arch = design([("web", "security_group", None, {"ingress": web}), ("empty", "security_group")])
    assert hits(RULE, arch) == set()


def test_ssh_alone_is_left_to_the_admin_rule() -> None:
    ssh = [{"cidr": "0.0.0.0/0", "port_from": 22, "port_to": 22}]
    assert hits(RULE, design([("ssh", "security_group", None, {"ingress": ssh})])) == set()


def test_a_group_whose_members_are_all_load_balancers_says_only_listeners_answer() -> None:
    # A load balancer answers only on its listeners' ports: the finding stays (the rule is over-broad) but
    # does not claim every port is reachable. Near miss: the same group also holding an instance.
    everything = {"ingress": [{"cidr": "0.0.0.0/0", "port_from": 0, "port_to": 65535, "protocol": "-1"}]}
    only_balancers = design(
        [("lb-group", "security_group", None, everything), ("alb", "alb", "lb-group"), ("nlb", "nlb", "lb-group")]
    )
    found = [f for f in analyse(only_balancers).findings if f.rule == RULE.id]
    assert [f.node for f in found] == ["lb-group"]
    assert "answer only on their listeners' ports" in found[0].message
    assert "admits any address (0.0.0.0/0 or ::/0) to port 0-65535" in found[0].message
    mixed = design(
        [("lb-group", "security_group", None, everything), ("alb", "alb", "lb-group"), ("web", "ec2", "lb-group")]
    )
    found = [f for f in analyse(mixed).findings if f.rule == RULE.id]
    assert [f.message for f in found] == [
        "lb-group admits any address (0.0.0.0/0 or ::/0) to port 0-65535; no member sits in a public subnet today, "
        "so it is open to whatever can route to it."
    ]


def test_the_message_says_the_internet_reaches_the_group_only_when_a_member_sits_in_a_public_subnet() -> None:
    # The rule is reported either way (it admits the world); the message claims internet reach only when a
    # member sits in a public subnet, and names that member.
    open_db = {"ingress": [{"cidr": "0.0.0.0/0", "port_from": 5432, "port_to": 5432}]}
    for public in (True, False):
        arch = design(
            [
                ("vpc", "vpc"),
                ("sub", "subnet", "vpc", {"public": public}),
                ("db-sg", "security_group", "sub", open_db),
                ("db", "rds", "db-sg"),
            ]
        )
        (finding,) = [f for f in analyse(arch).findings if f.rule == RULE.id]
        if public:
            assert finding.message.endswith("db sits in a public subnet, so anyone on the internet can reach it.")
        else:
            assert "anyone on the internet" not in finding.message
            assert "no member sits in a public subnet today" in finding.message

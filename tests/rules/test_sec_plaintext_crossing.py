"""SEC-PLAINTEXT-CROSSING: an unencrypted flow crosses a network boundary."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.plaintext_crossing import RULE

HTTP = {"protocol": "http", "port": 80}
SQL = {"protocol": "sql", "port": 5432}
TLS = {"protocol": "https", "port": 443}

NET = [
    ("vpc", "vpc"),
    ("pub", "subnet", "vpc", {"public": True, "availability_zone": "eu-west-1a"}),
    ("priv", "subnet", "vpc", {"availability_zone": "eu-west-1a"}),
]


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_plaintext_across_boundaries_is_reported_on_the_target() -> None:
    arch = design(
        [*NET, ("users", "internet"), ("lb", "alb", "pub"), ("web", "ec2", "priv"), ("db", "rds", "priv")],
        [("users", "lb", HTTP), ("lb", "web", HTTP), ("web", "db", SQL)],
    )
    assert hits(RULE, arch) == {key(RULE, "lb"), key(RULE, "web")}


def test_between_vpcs_and_out_of_a_vpc() -> None:
    arch = design(
        [*NET, ("other", "vpc"), ("peer", "ec2", "other"), ("web", "ec2", "priv"), ("q", "sqs")],
        [("web", "peer", {"protocol": "tcp", "port": 8080}), ("web", "q", HTTP)],
    )
    assert hits(RULE, arch) == {key(RULE, "peer"), key(RULE, "q")}


def test_encrypted_or_unknown_flows_pass() -> None:
    arch = design(
        [*NET, ("users", "internet"), ("lb", "alb", "pub"), ("web", "ec2", "priv"), ("db", "rds", "priv")],
        [("users", "lb", TLS), ("lb", "web", {}), ("web", "db", {**SQL, "encrypted": True})],
    )
    assert hits(RULE, arch) == set()


def test_same_subnet_observers_and_unplaced_ends_pass() -> None:
    arch = design(
        [*NET, ("web", "ec2", "priv"), ("db", "rds", "priv"), ("cw", "cloudwatch"), ("loose", "rds")],
        [("web", "db", SQL), ("web", "cw", HTTP), ("web", "loose", SQL)],
    )
    assert hits(RULE, arch) == set()


def test_group_spanning_two_subnets_crosses() -> None:
    arch = design(
        [
            *NET,
            ("priv2", "subnet", "vpc", {"availability_zone": "eu-west-1b"}),
            ("asg", "auto_scaling_group", "vpc", {"subnets": ["priv", "priv2"]}),
            ("web", "ec2", "asg"),
            ("db", "rds", "priv"),
        ],
        [("web", "db", SQL)],
    )
    assert hits(RULE, arch) == {key(RULE, "db")}


def test_plain_http_from_the_internet_to_an_unplaced_server_is_reported() -> None:
    arch = design([("users", "internet"), ("web", "ec2")], [("users", "web", {"protocol": "http"})])
    assert hits(RULE, arch) == {key(RULE, "web")}


def test_plain_http_leaving_through_nat_and_internet_gateway_is_reported() -> None:
    arch = design(
        [
            ("vpc", "vpc"),
            ("priv", "subnet", "vpc"),
            ("pub", "subnet", "vpc", {"public": True}),
            ("wk", "ec2", "priv"),
            ("nat", "nat_gateway", "pub"),
            ("igw", "internet_gateway", "vpc"),
            ("partner", "external_service"),
        ],
        [
            ("wk", "nat", {"protocol": "http"}),
            ("nat", "igw", {"protocol": "http"}),
            ("igw", "partner", {"protocol": "http"}),
        ],
    )
    assert hits(RULE, arch) == {key(RULE, "partner")}


def test_https_leaving_through_the_gateways_is_fine() -> None:
    arch = design(
        [
            ("vpc", "vpc"),
            ("priv", "subnet", "vpc"),
            ("wk", "ec2", "priv"),
            ("igw", "internet_gateway", "vpc"),
            ("partner", "external_service"),
        ],
        [("wk", "igw", {"protocol": "https"}), ("igw", "partner", {"protocol": "https"})],
    )
    assert hits(RULE, arch) == set()


def test_plain_http_drawn_to_an_auto_scaling_group_is_judged_like_its_instances() -> None:
    nodes = [
        ("vpc", "vpc"),
        ("pub", "subnet", "vpc", {"public": True}),
        ("priv", "subnet", "vpc"),
        ("alb", "alb", "pub"),
        ("asg", "auto_scaling_group", "priv"),
        ("web", "ec2", "asg"),
    ]
    to_group = design(nodes, [("alb", "asg", {"protocol": "http"})])
    to_member = design(nodes, [("alb", "web", {"protocol": "http"})])
    assert hits(RULE, to_group) == {key(RULE, "asg")} and hits(RULE, to_member) == {key(RULE, "web")}


def test_ssh_and_rdp_sessions_are_encrypted_by_their_protocols_but_telnet_is_not() -> None:
    arch = design(
        [("admins", "internet"), ("a", "ec2"), ("b", "ec2"), ("c", "ec2")],
        [
            ("admins", "a", {"protocol": "tcp", "port": 22}),
            ("admins", "b", {"protocol": "tcp", "port": 3389}),
            ("admins", "c", {"protocol": "tcp", "port": 23}),
        ],
    )
    assert hits(RULE, arch) == {key(RULE, "c")}


def test_nfs_to_efs_is_left_to_the_efs_rule() -> None:
    arch = design(
        [*NET, ("web", "ec2", "pub"), ("files", "efs", "priv")],
        [("web", "files", {"protocol": "tcp", "port": 2049})],
    )
    assert hits(RULE, arch) == set()

"""REL-SPOF: a single instance on every path from the internet to a data store."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.single_point_of_failure import RULE

NET = [
    ("vpc", "vpc"),
    ("pub-a", "subnet", "vpc", {"public": True, "availability_zone": "eu-west-1a"}),
    ("priv-a", "subnet", "vpc", {"availability_zone": "eu-west-1a"}),
    ("priv-b", "subnet", "vpc", {"availability_zone": "eu-west-1b"}),
]


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_single_web_server_between_users_and_database_is_reported() -> None:
    arch = design(
        [
            *NET,
            ("users", "internet"),
            ("alb", "alb", "pub-a"),
            ("web", "ec2", "priv-a"),
            ("db", "rds", "priv-a"),
            ("cw", "cloudwatch"),
        ],
        [("users", "alb"), ("alb", "web"), ("web", "db"), ("alb", "cw"), ("web", "cw"), ("db", "cw")],
    )
    assert hits(RULE, arch) == {key(RULE, "web")}


def test_single_broker_on_the_path_is_reported_and_multi_az_broker_passes() -> None:
    nodes = [
        *NET,
        ("users", "internet"),
        ("alb", "alb", "pub-a"),
        ("asg", "auto_scaling_group", "priv-a", {"subnets": ["priv-a", "priv-b"]}),
        ("app", "ec2", "asg"),
        ("broker", "mq", "priv-a"),
        ("fn", "lambda"),
        ("table", "dynamodb"),
    ]
    edges = [("users", "alb"), ("alb", "app"), ("app", "broker"), ("broker", "fn"), ("fn", "table")]
    assert hits(RULE, design(nodes, edges)) == {key(RULE, "broker")}
    nodes[[n[0] for n in nodes].index("broker")] = (
        "broker",
        "mq",
        "priv-a",
        {"deployment_mode": "ACTIVE_STANDBY_MULTI_AZ"},
    )
    assert hits(RULE, design(nodes, edges)) == set()


def test_cycles_do_not_hide_the_single_point() -> None:
    arch = design(
        [*NET, ("users", "internet"), ("alb", "alb", "pub-a"), ("web", "ecs_service", "priv-a"), ("db", "aurora")],
        [("users", "alb"), ("alb", "web"), ("web", "alb"), ("web", "db"), ("db", "web")],
    )
    assert hits(RULE, arch) == {key(RULE, "web")}


def test_two_servers_in_two_zones_pass() -> None:
    arch = design(
        [
            *NET,
            ("users", "internet"),
            ("alb", "alb", "pub-a"),
            ("web1", "ec2", "priv-a"),
            ("web2", "ec2", "priv-b"),
            ("db", "rds", "priv-a"),
        ],
        [("users", "alb"), ("alb", "web1"), ("alb", "web2"), ("web1", "db"), ("web2", "db")],
    )
    assert hits(RULE, arch) == set()


def test_server_in_group_spanning_two_zones_passes() -> None:
    arch = design(
        [
            *NET,
            ("users", "internet"),
            ("alb", "alb", "pub-a"),
            ("asg", "auto_scaling_group", "priv-a", {"subnets": ["priv-a", "priv-b"]}),
            ("web", "ec2", "asg"),
            ("db", "rds", "priv-a"),
        ],
        [("users", "alb"), ("alb", "web"), ("web", "db")],
    )
    assert hits(RULE, arch) == set()


def test_managed_regional_services_are_not_single_points() -> None:
    arch = design(
        [
            ("users", "internet"),
            ("cdn", "cloudfront"),
            ("waf", "waf"),
            ("api", "api_gateway"),
            ("fn", "lambda"),
            ("queue", "sqs"),
            ("worker", "lambda"),
            ("table", "dynamodb"),
            ("bucket", "s3"),
        ],
        [
            ("users", "cdn"),
            ("cdn", "waf"),
            ("waf", "api"),
            ("api", "fn"),
            ("fn", "queue"),
            ("queue", "worker"),
            ("worker", "table"),
            ("cdn", "bucket"),
        ],
    )
    assert hits(RULE, arch) == set()


def test_second_path_around_the_server_passes() -> None:
    arch = design(
        [
            *NET,
            ("users", "internet"),
            ("office", "internet"),
            ("alb", "alb", "pub-a"),
            ("web", "ec2", "priv-a"),
            ("api", "api_gateway"),
            ("fn", "lambda"),
            ("db", "rds", "priv-a"),
        ],
        [("users", "alb"), ("alb", "web"), ("web", "db"), ("office", "api"), ("api", "fn"), ("fn", "db")],
    )
    assert hits(RULE, arch) == set()


def test_no_internet_node_and_unknown_zone_are_silent() -> None:
    no_internet = design([*NET, ("web", "ec2", "priv-a"), ("db", "rds")], [("web", "db")])
    assert hits(RULE, no_internet) == set()
    unknown = design([("users", "internet"), ("web", "ec2"), ("db", "rds")], [("users", "web"), ("web", "db")])
    assert hits(RULE, unknown) == set()


def test_a_nat_gateway_or_a_bastion_is_not_the_users_single_point() -> None:
    arch = design(
        [
            ("users", "internet"),
            ("admins", "internet"),
            ("vpc", "vpc"),
            ("pub", "subnet", "vpc", {"public": True, "availability_zone": "a"}),
            ("bastion", "ec2", "pub", {"workload": "bastion"}),
            ("nat", "nat_gateway", "pub"),
            ("docs", "s3"),
            ("db", "rds", "pub"),
        ],
        [("admins", "bastion"), ("bastion", "db"), ("users", "nat"), ("nat", "docs")],
    )
    assert hits(RULE, arch) == set()

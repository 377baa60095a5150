"""SEC-DATA-EXPOSED: a data store reachable from the internet without a front door."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.data_exposed import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_store_behind_a_public_instance_is_reported() -> None:
    arch = design(
        [("users", "internet"), ("web", "ec2"), ("db", "rds"), ("cache", "elasticache"), ("bucket", "s3")],
        [("users", "web"), ("web", "db"), ("web", "cache"), ("web", "bucket")],
    )
    assert hits(RULE, arch) == {key(RULE, "db"), key(RULE, "cache")}


def test_direct_edge_and_internet_gateway_count() -> None:
    arch = design(
        [("users", "internet"), ("igw", "internet_gateway"), ("table", "dynamodb"), ("app", "ec2"), ("db", "aurora")],
        [("users", "table"), ("users", "igw"), ("igw", "app"), ("app", "db")],
    )
    assert hits(RULE, arch) == {key(RULE, "table"), key(RULE, "db")}


def test_store_behind_a_front_door_passes() -> None:
    arch = design(
        [
            ("users", "internet"),
            ("lb", "alb"),
            ("web", "ec2"),
            ("db", "rds"),
            ("api", "api_gateway"),
            ("t", "dynamodb"),
        ],
        [("users", "lb"), ("lb", "web"), ("web", "db"), ("users", "api"), ("api", "t"), ("web", "users")],
    )
    assert hits(RULE, arch) == set()


def test_one_bypass_is_enough() -> None:
    arch = design(
        [("users", "internet"), ("cdn", "cloudfront"), ("web", "ec2"), ("db", "rds")],
        [("users", "cdn"), ("cdn", "web"), ("users", "web"), ("web", "db")],
    )
    assert hits(RULE, arch) == {key(RULE, "db")}


def test_no_internet_node_and_outbound_only_paths_pass() -> None:
    arch = design(
        [("users", "internet"), ("app", "ec2"), ("nat", "nat_gateway"), ("db", "rds"), ("logs", "cloudwatch")],
        [("app", "nat"), ("nat", "users"), ("users", "nat"), ("app", "db"), ("app", "logs")],
    )
    assert hits(RULE, arch) == set()
    assert hits(RULE, design([("app", "ec2"), ("db", "rds")], [("app", "db")])) == set()


def test_flow_into_a_group_reaches_its_members() -> None:
    arch = design(
        [("users", "internet"), ("asg", "auto_scaling_group"), ("web", "ec2", "asg"), ("db", "rds")],
        [("users", "asg"), ("web", "db")],
    )
    assert hits(RULE, arch) == {key(RULE, "db")}


def test_cycles_terminate() -> None:
    arch = design(
        [("users", "internet"), ("a", "ec2"), ("b", "ec2"), ("db", "rds")],
        [("users", "a"), ("a", "b"), ("b", "a"), ("b", "db"), ("db", "a")],
    )
    assert hits(RULE, arch) == {key(RULE, "db")}


def test_a_store_straight_behind_an_internet_facing_load_balancer_is_exposed() -> None:
    arch = design(
        [("users", "internet"), ("nlb", "nlb"), ("db", "rds")],
        [("users", "nlb", {"protocol": "tls", "port": 5432}), ("nlb", "db")],
    )
    assert hits(RULE, arch) == {key(RULE, "db")}


def test_an_internal_load_balancer_in_front_of_a_store_is_fine() -> None:
    arch = design(
        [("app", "ec2"), ("nlb", "nlb", None, {"scheme": "internal"}), ("db", "rds")], [("app", "nlb"), ("nlb", "db")]
    )
    assert hits(RULE, arch) == set()


def test_managed_services_and_event_triggers_do_not_carry_requests_to_a_store() -> None:
    arch = design(
        [
            ("users", "internet"),
            ("uploads", "s3"),
            ("thumb", "lambda"),
            ("meta", "dynamodb"),
            ("analysts", "internet"),
            ("bi", "quicksight"),
            ("dw", "redshift"),
            ("admins", "internet"),
            ("bastion", "ec2", None, {"workload": "bastion"}),
            ("db", "rds"),
        ],
        [
            ("users", "uploads"),
            ("uploads", "thumb"),
            ("thumb", "meta"),
            ("analysts", "bi"),
            ("bi", "dw"),
            ("admins", "bastion"),
            ("bastion", "db"),
        ],
    )
    assert hits(RULE, arch) == set()


def test_a_web_server_between_the_internet_and_the_database_is_no_front_door() -> None:
    arch = design(
        [("users", "internet"), ("igw", "internet_gateway"), ("web", "ec2"), ("db", "rds"), ("files", "efs")],
        [("users", "igw"), ("igw", "web"), ("web", "db"), ("web", "files")],
    )
    assert hits(RULE, arch) == {key(RULE, "db"), key(RULE, "files")}


def test_an_ssh_session_does_not_carry_requests_past_the_host() -> None:
    # The example: only the SSH flow reaches the web tier without the load balancer.
    arch = design(
        [
            ("users", "internet"),
            ("ssh-clients", "internet"),
            ("alb", "alb"),
            ("asg", "auto_scaling_group"),
            ("web", "ec2", "asg"),
            ("db", "aurora"),
            ("files", "efs"),
        ],
        [
            ("users", "alb", {"protocol": "https", "port": 443}),
            ("alb", "asg", {"protocol": "http", "port": 80}),
            ("asg", "db", {"protocol": "sql", "port": 3306}),
            ("web", "files", {"protocol": "tcp", "port": 2049}),
            ("ssh-clients", "asg", {"protocol": "tcp", "port": 22}),
        ],
    )
    assert hits(RULE, arch) == set()


def test_a_flow_marked_administrative_carries_no_requests_but_a_request_flow_still_does() -> None:
    nodes = [("users", "internet"), ("app", "ec2"), ("db", "rds")]
    admin = design(nodes, [("users", "app", {"protocol": "https", "administrative": True}), ("app", "db")])
    assert hits(RULE, admin) == set()
    both = design(
        nodes,
        [("users", "app", {"protocol": "tcp", "port": 3389}), ("users", "app", {"protocol": "http"}), ("app", "db")],
    )
    assert hits(RULE, both) == {key(RULE, "db")}

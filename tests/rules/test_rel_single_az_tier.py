"""REL-SINGLE-AZ-TIER: a compute tier whose members all run in one AZ."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.single_az_tier import RULE

NET = [
    ("vpc", "vpc"),
    ("pub-a", "subnet", "vpc", {"public": True, "availability_zone": "eu-west-1a"}),
    ("priv-a", "subnet", "vpc", {"availability_zone": "eu-west-1a"}),
    ("priv-b", "subnet", "vpc", {"availability_zone": "eu-west-1b"}),
]


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_all_targets_of_a_load_balancer_in_one_zone_are_reported() -> None:
    arch = design(
        [*NET, ("alb", "alb", "pub-a"), ("web1", "ec2", "priv-a"), ("web2", "ec2", "priv-a"), ("db", "rds", "priv-a")],
        [("alb", "web1"), ("alb", "web2"), ("web1", "db"), ("web2", "db")],
    )
    assert hits(RULE, arch) == {key(RULE, "web1"), key(RULE, "web2")}


def test_lone_instance_in_one_zone_is_a_tier_of_one() -> None:
    arch = design([*NET, ("worker", "ec2", "priv-b")])
    assert hits(RULE, arch) == {key(RULE, "worker")}


def test_managing_flows_do_not_make_a_tier() -> None:
    arch = design(
        [*NET, ("plan", "backup"), ("ssm", "systems_manager"), ("a", "ec2", "priv-a"), ("b", "ec2", "priv-b")],
        [("plan", "a"), ("plan", "b"), ("ssm", "a"), ("ssm", "b")],
    )
    assert hits(RULE, arch) == {key(RULE, "a"), key(RULE, "b")}


def test_targets_in_two_zones_pass() -> None:
    arch = design(
        [*NET, ("alb", "alb", "pub-a"), ("web1", "ec2", "priv-a"), ("web2", "ec2", "priv-b")],
        [("alb", "web1"), ("alb", "web2")],
    )
    assert hits(RULE, arch) == set()


def test_instance_in_group_spanning_two_zones_passes() -> None:
    arch = design(
        [
            *NET,
            ("alb", "alb", "pub-a"),
            ("asg", "auto_scaling_group", "priv-a", {"subnets": ["priv-a", "priv-b"]}),
            ("web", "ec2", "asg"),
        ],
        [("alb", "web")],
    )
    assert hits(RULE, arch) == set()


def test_group_in_one_subnet_targeted_as_a_whole_is_reported_on_members() -> None:
    arch = design(
        [*NET, ("alb", "alb", "pub-a"), ("asg", "auto_scaling_group", "priv-a"), ("web", "ec2", "asg")],
        [("alb", "asg")],
    )
    assert hits(RULE, arch) == {key(RULE, "web")}


def test_unknown_placement_is_silent() -> None:
    arch = design(
        [*NET, ("alb", "alb", "pub-a"), ("web1", "ec2", "priv-a"), ("web2", "ec2", "vpc"), ("lone", "ecs_service")],
        [("alb", "web1"), ("alb", "web2")],
    )
    assert hits(RULE, arch) == set()


def test_group_spanning_a_subnet_of_unknown_zone_is_silent() -> None:
    arch = design(
        [
            *NET,
            ("priv-x", "subnet", "vpc"),
            ("asg", "auto_scaling_group", "priv-a", {"subnets": ["priv-a", "priv-x"]}),
            ("web", "ec2", "asg"),
        ]
    )
    assert hits(RULE, arch) == set()


def test_zones_from_availability_zone_containers() -> None:
    arch = design(
        [
            ("vpc", "vpc"),
            ("az-a", "availability_zone", "vpc", {"name": "eu-west-1a"}),
            ("az-b", "availability_zone", "vpc", {"name": "eu-west-1b"}),
            ("sa", "subnet", "az-a"),
            ("sb", "subnet", "az-b"),
            ("alb", "alb", "vpc"),
            ("svc-a", "ecs_service", "sa"),
            ("svc-b", "ecs_service", "sb"),
            ("api-a", "ecs_service", "sa"),
            ("nlb", "nlb", "vpc"),
        ],
        [("alb", "svc-a"), ("alb", "svc-b"), ("nlb", "api-a")],
    )
    assert hits(RULE, arch) == {key(RULE, "api-a")}


def test_bastion_host_is_not_a_serving_tier() -> None:
    arch = design([*NET, ("jump", "ec2", "pub-a", {"workload": "bastion"})])
    assert hits(RULE, arch) == set()


def test_tiers_drawn_as_one_column_per_zone_pass() -> None:
    arch = design(
        [
            *NET,
            ("alb", "alb", "pub-a"),
            ("web-a", "ec2", "priv-a"),
            ("web-b", "ec2", "priv-b"),
            ("app-a", "ecs_service", "priv-a"),
            ("app-b", "ecs_service", "priv-b"),
        ],
        [("alb", "web-a"), ("alb", "web-b"), ("web-a", "app-a"), ("web-b", "app-b")],
    )
    assert hits(RULE, arch) == set()


def test_one_column_confined_to_a_zone_is_still_reported() -> None:
    arch = design(
        [
            *NET,
            ("alb", "alb", "pub-a"),
            ("web-a", "ec2", "priv-a"),
            ("web-b", "ec2", "priv-b"),
            ("app-a", "ecs_service", "priv-a"),
            ("app-b", "ecs_service", "priv-a"),
        ],
        [("alb", "web-a"), ("alb", "web-b"), ("web-a", "app-a"), ("web-b", "app-b")],
    )
    assert hits(RULE, arch) == {key(RULE, "app-a"), key(RULE, "app-b")}


def test_workers_polling_one_queue_from_two_zones_pass() -> None:
    arch = design(
        [*NET, ("jobs", "sqs"), ("wk-a", "ec2", "priv-a"), ("wk-b", "ec2", "priv-b")],
        [("wk-a", "jobs"), ("wk-b", "jobs")],
    )
    assert hits(RULE, arch) == set()


def test_self_started_workers_whose_work_meets_pass() -> None:
    arch = design(
        [
            *NET,
            ("nat-a", "nat_gateway", "pub-a"),
            ("nat-b", "nat_gateway", "priv-b"),
            ("igw", "internet_gateway"),
            ("wk-a", "ec2", "priv-a"),
            ("wk-b", "ec2", "priv-b"),
        ],
        [("wk-a", "nat-a"), ("wk-b", "nat-b"), ("nat-a", "igw"), ("nat-b", "igw")],
    )
    assert hits(RULE, arch) == set()


def test_a_service_of_many_tasks_in_one_subnet_says_so() -> None:
    from wadesk.analysis.engine import analyse

    arch = design([*NET, ("svc", "ecs_service", "priv-a", {"desired_count": 3})])
    (finding,) = analyse(arch, [RULE]).findings
    assert finding.node == "svc" and "All 3 tasks" in finding.message

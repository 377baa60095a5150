"""COST-NAT-FOR-AWS-SERVICES: S3 or DynamoDB traffic through a NAT gateway instead of a VPC endpoint."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.cost_optimization.nat_for_aws_services import RULE

_VPC = [
    ("vpc", "vpc"),
    ("pub", "subnet", "vpc", {"public": True}),
    ("priv", "subnet", "vpc"),
    ("nat", "nat_gateway", "pub"),
    ("igw", "internet_gateway", "vpc"),
    ("app", "ec2", "priv"),
    ("bucket", "s3"),
    ("table", "dynamodb"),
]


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_s3_through_nat_and_internet_gateway_is_reported_on_the_nat() -> None:
    arch = design(_VPC, [("app", "nat"), ("nat", "igw"), ("igw", "bucket")])
    assert hits(RULE, arch) == {key(RULE, "nat")}


def test_dynamodb_directly_after_nat_is_reported() -> None:
    arch = design(_VPC, [("app", "nat"), ("nat", "table")])
    assert hits(RULE, arch) == {key(RULE, "nat")}


def test_traffic_from_another_vpc_through_a_transit_gateway_is_reported() -> None:
    nodes = [*_VPC, ("vpc2", "vpc"), ("spoke", "lambda", "vpc2"), ("tgw", "transit_gateway")]
    arch = design(nodes, [("spoke", "tgw"), ("tgw", "nat"), ("nat", "igw"), ("igw", "bucket")])
    assert hits(RULE, arch) == {key(RULE, "nat")}


def test_gateway_endpoint_in_the_same_vpc_passes() -> None:
    nodes = [*_VPC, ("vpce", "vpc_endpoint", "priv", {"service": "com.amazonaws.eu-west-1.s3"})]
    arch = design(nodes, [("app", "nat"), ("nat", "igw"), ("igw", "bucket")])
    assert hits(RULE, arch) == set()


def test_workload_sending_through_an_endpoint_passes() -> None:
    nodes = [*_VPC, ("vpce", "vpc_endpoint", None, {"service": "dynamodb"})]
    arch = design(nodes, [("app", "vpce"), ("vpce", "table"), ("app", "nat"), ("nat", "table")])
    assert hits(RULE, arch) == set()


def test_endpoint_for_another_service_or_vpc_does_not_count() -> None:
    nodes = [
        *_VPC,
        ("other", "vpc"),
        ("vpce-s3-elsewhere", "vpc_endpoint", "other", {"service": "s3"}),
        ("vpce-ddb", "vpc_endpoint", "priv", {"service": "dynamodb"}),
    ]
    arch = design(nodes, [("app", "nat"), ("nat", "igw"), ("igw", "bucket")])
    assert hits(RULE, arch) == {key(RULE, "nat")}


def test_nat_used_only_for_internet_egress_passes() -> None:
    nodes = [*_VPC, ("net", "internet"), ("api", "external_service")]
    edges = [("app", "nat"), ("nat", "igw"), ("igw", "net"), ("net", "bucket"), ("app", "bucket"), ("igw", "api")]
    assert hits(RULE, design(nodes, edges)) == set()


def test_store_reached_by_another_path_than_the_nat_passes() -> None:
    nodes = [*_VPC, ("fn", "lambda")]
    edges = [("app", "nat"), ("nat", "igw"), ("nat", "fn"), ("fn", "bucket")]
    assert hits(RULE, design(nodes, edges)) == set()


def test_nat_with_no_sender_passes() -> None:
    arch = design(_VPC, [("nat", "igw"), ("igw", "bucket"), ("igw", "nat")])
    assert hits(RULE, arch) == set()


def test_cycle_of_gateways_terminates() -> None:
    arch = design(_VPC, [("app", "nat"), ("nat", "igw"), ("igw", "nat"), ("igw", "bucket")])
    assert hits(RULE, arch) == {key(RULE, "nat")}


def test_internet_gateway_shared_with_a_public_sender_is_ambiguous_and_passes() -> None:
    nodes = [*_VPC, ("bastion", "ec2", "pub")]
    edges = [("app", "nat"), ("nat", "igw"), ("bastion", "igw"), ("igw", "bucket")]
    assert hits(RULE, design(nodes, edges)) == set()


def test_a_workload_drawn_through_the_nat_is_not_covered_by_an_endpoint_others_use() -> None:
    nodes = [*_VPC, ("vpce", "vpc_endpoint", "priv", {"service": "s3"}), ("other", "ec2", "priv")]
    arch = design(nodes, [("other", "vpce"), ("vpce", "bucket"), ("app", "nat"), ("nat", "igw"), ("igw", "bucket")])
    assert hits(RULE, arch) == {key(RULE, "nat")}

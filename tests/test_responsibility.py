"""Tests of the shared-responsibility table and of ownership adjusted by properties."""

from __future__ import annotations

import copy
import pickle

import pytest

from wadesk.analysis.ownership import design_ownership_totals, node_ownership, ownership_for
from wadesk.catalog.kinds import ROWS
from wadesk.catalog.responsibility import (
    LAYER_NAMES,
    LAYERS,
    MODELS,
    OWNERS,
    RESPONSIBILITIES,
    Responsibility,
    base_responsibility,
)
from wadesk.model import Architecture

KIND_IDS = [row.id for row in ROWS]
ACTORS = {row.id for row in ROWS if row.category == "actors"}
FOUNDATION = ("physical", "network_infrastructure", "virtualization", "host_os")


def test_layer_ids_and_names() -> None:
    assert len(LAYERS) == 12
    assert set(LAYER_NAMES) == set(LAYERS)
    assert LAYER_NAMES["guest_os"] == "Guest OS & patching"
    assert all(name.strip() for name in LAYER_NAMES.values())


def test_table_covers_exactly_the_kinds() -> None:
    assert len(KIND_IDS) == len(set(KIND_IDS))
    assert set(RESPONSIBILITIES) == set(KIND_IDS)


@pytest.mark.parametrize("kind", KIND_IDS)
def test_every_kind_is_complete(kind: str) -> None:
    resp = base_responsibility(kind)
    assert resp.model in MODELS
    assert tuple(resp.layers) == LAYERS
    assert all(owner in OWNERS for owner in resp.layers.values())
    assert resp.note.strip()


@pytest.mark.parametrize("kind", [k for k in KIND_IDS if k not in ACTORS and k != "direct_connect"])
def test_aws_owns_the_foundation_of_every_aws_service(kind: str) -> None:
    resp = base_responsibility(kind)
    assert resp.model != "external"
    assert [resp.layers[layer] for layer in FOUNDATION] == ["aws"] * 4


def test_direct_connect_shares_the_physical_layer() -> None:
    resp = base_responsibility("direct_connect")
    assert resp.layers["physical"] == "shared"
    assert [resp.layers[layer] for layer in FOUNDATION[1:]] == ["aws"] * 3


def test_actors() -> None:
    for kind in ("internet", "external_service"):
        resp = base_responsibility(kind)
        assert resp.model == "external"
        assert set(resp.layers.values()) == {"n/a"}
    corporate = base_responsibility("corporate_network")
    assert corporate.model == "external"
    assert set(corporate.layers.values()) == {"customer"}
    assert corporate.customer_layers() == 12


@pytest.mark.parametrize(("kind", "owner"), [("s3", "n/a"), ("ec2", "customer"), ("rds", "aws")])
def test_guest_os_owner(kind: str, owner: str) -> None:
    assert base_responsibility(kind).layers["guest_os"] == owner


def test_s3_has_no_guest_os_or_application() -> None:
    resp = base_responsibility("s3")
    assert resp.layers["guest_os"] == "n/a"
    assert resp.layers["application"] == "n/a"
    assert resp.layers["platform_runtime"] == "aws"


@pytest.mark.parametrize(
    ("kind", "model"),
    [
        ("ec2", "infrastructure"),
        ("ebs", "infrastructure"),
        ("vpc", "infrastructure"),
        ("rds", "container"),
        ("ecs_service", "container"),
        ("s3", "abstracted"),
        ("lambda", "abstracted"),
        ("alb", "abstracted"),
        ("batch", "infrastructure"),
        ("aws_cloud", "infrastructure"),
    ],
)
def test_models(kind: str, model: str) -> None:
    assert base_responsibility(kind).model == model


def test_containers() -> None:
    cloud = base_responsibility("aws_cloud")
    assert {layer for layer, owner in cloud.layers.items() if owner != "n/a"} == set(FOUNDATION) | {"identity_access"}
    assert cloud.layers["identity_access"] == "customer"
    for kind in ("region", "availability_zone"):
        resp = base_responsibility(kind)
        assert resp.layers["resilience_config"] == "customer"
        assert resp.customer_layers() == 1
    for kind in ("subnet", "security_group"):
        assert base_responsibility(kind).layers["network_config"] == "customer"
    asg = base_responsibility("auto_scaling_group")
    assert asg.layers["guest_os"] == "n/a"
    for layer in ("network_config", "identity_access", "resilience_config"):
        assert asg.layers[layer] == "customer"


def test_customer_layers_counts_only_customer() -> None:
    assert base_responsibility("ec2").customer_layers() == 8
    # RDS: network, application, identity, data, encryption; runtime and backups are shared.
    assert base_responsibility("rds").customer_layers() == 5
    assert base_responsibility("internet").customer_layers() == 0
    assert base_responsibility("s3").customer_layers() == 2


def test_unknown_kind_raises_value_error_naming_it() -> None:
    with pytest.raises(ValueError, match="no_such_kind"):
        base_responsibility("no_such_kind")
    with pytest.raises(ValueError, match="no_such_kind"):
        ownership_for("no_such_kind", {})


def test_responsibility_is_immutable_and_validated() -> None:
    resp = base_responsibility("s3")
    with pytest.raises(TypeError):
        resp.layers["data"] = "aws"  # type: ignore[index]
    with pytest.raises(AttributeError):
        resp.note = "x"  # type: ignore[misc]
    with pytest.raises(ValueError, match="guest_os"):
        Responsibility("abstracted", {layer: "aws" for layer in LAYERS if layer != "guest_os"}, "n")
    with pytest.raises(ValueError, match="bogus"):
        Responsibility("bogus", {layer: "aws" for layer in LAYERS}, "n")
    with pytest.raises(ValueError, match="nobody"):
        Responsibility("abstracted", {layer: "nobody" for layer in LAYERS}, "n")
    # Hashable, picklable and deep-copyable despite the read-only mapping.
    assert hash(resp) == hash(Responsibility(resp.model, dict(resp.layers), resp.note))
    assert pickle.loads(pickle.dumps(resp)) == resp
    assert copy.deepcopy(resp) == resp


def test_with_layers() -> None:
    base = base_responsibility("s3")
    changed = base.with_layers(guest_os="customer")
    assert changed.layers["guest_os"] == "customer"
    assert base.layers["guest_os"] == "n/a"
    assert changed.note == base.note
    assert changed.model == base.model
    assert base.with_layers(note="other").note == "other"
    assert base.with_layers() == base
    with pytest.raises(ValueError, match="nonsense"):
        base.with_layers(nonsense="aws")
    with pytest.raises(ValueError):
        base.with_layers(data="everyone")


# ------------------------------------------------------------ property moves
def test_plain_kinds_are_unchanged() -> None:
    assert ownership_for("s3", {"versioning": True}) == base_responsibility("s3")
    assert ownership_for("ec2", {}) == base_responsibility("ec2")


def test_ecs_service_launch_type() -> None:
    fargate = ownership_for("ecs_service", {"launch_type": "FARGATE"})
    assert fargate == base_responsibility("ecs_service") == ownership_for("ecs_service", {})
    assert fargate.layers == base_responsibility("fargate_task").layers
    assert fargate.layers["guest_os"] == "aws"
    on_ec2 = ownership_for("ecs_service", {"launch_type": "EC2"})
    assert on_ec2.model == "infrastructure"
    assert on_ec2.layers["guest_os"] == "customer"
    assert on_ec2.layers["platform_runtime"] == "shared"
    assert on_ec2.layers["encryption"] == "customer"
    assert on_ec2.layers["resilience_config"] == "customer"
    assert on_ec2.customer_layers() > fargate.customer_layers()
    assert on_ec2.note != fargate.note


def test_ecs_cluster_capacity_moves_the_hosts() -> None:
    on_ec2 = ownership_for("ecs_cluster", {"capacity": "EC2"})
    assert on_ec2.model == "infrastructure"
    assert on_ec2.layers["guest_os"] == on_ec2.layers["resilience_config"] == "customer"
    on_fargate = ownership_for("ecs_cluster", {"capacity": "FARGATE"})
    assert ownership_for("ecs_cluster", {}) == on_fargate
    assert on_fargate.model == "container"
    assert on_fargate.layers["guest_os"] == "aws"
    mixed = ownership_for("ecs_cluster", {"capacity": "mixed"})
    assert mixed == base_responsibility("ecs_cluster")
    assert mixed.layers["guest_os"] == "shared"
    assert on_ec2.customer_layers() > mixed.customer_layers()
    assert "patches" in on_ec2.note and "Fargate" in on_fargate.note


@pytest.mark.parametrize(
    ("node_type", "guest_os", "runtime"),
    [
        ("self-managed", "customer", "customer"),
        ("managed", "shared", "shared"),
        ("fargate", "aws", "shared"),
        ("auto-mode", "aws", "shared"),
    ],
)
def test_eks_node_type(node_type: str, guest_os: str, runtime: str) -> None:
    resp = ownership_for("eks_cluster", {"node_type": node_type})
    assert resp.layers["guest_os"] == guest_os
    assert resp.layers["platform_runtime"] == runtime
    assert resp.model == "container"


def test_eks_default_is_managed() -> None:
    assert ownership_for("eks_cluster", {}) == ownership_for("eks_cluster", {"node_type": "managed"})


def test_lambda_image_package() -> None:
    zipped = ownership_for("lambda", {"package_type": "zip"})
    assert zipped.layers["platform_runtime"] == "shared"
    assert ownership_for("lambda", {}) == zipped
    image = ownership_for("lambda", {"package_type": "image"})
    assert image.layers["platform_runtime"] == "customer"
    assert image.layers["guest_os"] == "aws"
    assert "image" in image.note


@pytest.mark.parametrize(
    ("workload", "service"),
    [("database", "RDS"), ("cache", "ElastiCache"), ("message_broker", "SQS")],
)
def test_ec2_running_a_managed_engine(workload: str, service: str) -> None:
    base = base_responsibility("ec2")
    resp = ownership_for("ec2", {"workload": workload})
    assert resp.layers == base.layers
    assert resp.note != base.note
    assert service in resp.note
    assert "patch" in resp.note


def test_ec2_plain_workload_keeps_note() -> None:
    assert ownership_for("ec2", {"workload": "web"}).note == base_responsibility("ec2").note


@pytest.mark.parametrize("compute_type", ["FARGATE", "FARGATE_SPOT"])
def test_batch_on_fargate(compute_type: str) -> None:
    resp = ownership_for("batch", {"compute_type": compute_type})
    assert resp.layers == base_responsibility("fargate_task").layers
    assert resp.model == "container"


@pytest.mark.parametrize("props", [{}, {"compute_type": "EC2"}, {"compute_type": "SPOT"}])
def test_batch_on_instances(props: dict[str, str]) -> None:
    resp = ownership_for("batch", props)
    assert resp == base_responsibility("batch")
    assert resp.layers["guest_os"] == "customer"
    assert resp.layers == ownership_for("ecs_service", {"launch_type": "EC2"}).layers


# ------------------------------------------------------------ designs
def test_node_ownership_and_totals() -> None:
    arch = Architecture()
    arch.add_node("db", "ec2", props={"workload": "database"})
    arch.add_node("bucket", "s3")
    arch.add_node("users", "internet")
    arch.add_node("svc", "ecs_service", props={"launch_type": "EC2"})

    assert "RDS" in node_ownership(arch, "db").note
    assert node_ownership(arch, "svc").layers["guest_os"] == "customer"

    totals = design_ownership_totals(arch)
    assert list(totals) == list(OWNERS)
    assert sum(totals.values()) == 4 * len(LAYERS)
    # ec2 8 + s3 2 + internet 0 + ECS on EC2 7
    assert totals["customer"] == 8 + 2 + 0 + 7
    # ec2 0 + s3 3 (network, encryption, backups) + ECS on EC2 1 (runtime)
    assert totals["shared"] == 0 + 3 + 0 + 1
    # ec2 4 + s3 5 + ECS on EC2 4
    assert totals["aws"] == 4 + 5 + 4
    # s3 2 (guest OS, application) + internet 12
    assert totals["n/a"] == 2 + 12


def test_totals_of_an_empty_design() -> None:
    assert design_ownership_totals(Architecture()) == {"aws": 0, "customer": 0, "shared": 0, "n/a": 0}

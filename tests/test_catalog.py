"""The catalog: every SPEC kind, its icon, its diagrams class, its matrix and its schema."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from wadesk.catalog import CATALOG
from wadesk.catalog.responsibility import LAYERS, MODELS, OWNERS

SPEC = Path(__file__).resolve().parents[2] / "shared" / "SPEC.md"

SPEC_KINDS = """aws_cloud region vpc availability_zone subnet security_group auto_scaling_group internet
corporate_network external_service ec2 lambda ecs_service fargate_task eks_cluster elastic_beanstalk batch s3 ebs
efs fsx glacier backup rds aurora dynamodb elasticache redshift documentdb neptune opensearch alb nlb cloudfront
api_gateway route53 internet_gateway nat_gateway vpc_endpoint transit_gateway direct_connect vpn_gateway
global_accelerator waf shield iam_role kms secrets_manager cognito guardduty security_hub acm macie inspector
cloudtrail cloudwatch config systems_manager xray cloudformation trusted_advisor sqs sns eventbridge step_functions
kinesis msk mq athena glue emr sagemaker quicksight""".split()


def test_every_spec_kind_is_in_the_catalog() -> None:
    assert len(CATALOG) >= 70
    assert sorted(set(SPEC_KINDS) - {k.id for k in CATALOG}) == []


@pytest.mark.skipif(not SPEC.exists(), reason="shared/SPEC.md is beside the project only in the workplace")
def test_spec_kind_list_in_this_test_matches_the_spec() -> None:
    text = SPEC.read_text(encoding="utf-8").split("## 2. Kinds")[1].split("## 3.")[0]
    listed = set(re.findall(r"`([a-z0-9_]+)`", text)) - {"diagrams"}
    assert listed == set(SPEC_KINDS)


@pytest.mark.parametrize("kind", list(CATALOG), ids=lambda k: k.id)
def test_icon_exists_and_is_a_png(kind) -> None:  # type: ignore[no-untyped-def]
    data = kind.icon_path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", kind.icon_path


@pytest.mark.parametrize("kind", list(CATALOG), ids=lambda k: k.id)
def test_diagrams_class_imports(kind) -> None:  # type: ignore[no-untyped-def]
    module, name = kind.diagrams_class.rsplit(".", 1)
    cls = getattr(importlib.import_module(module), name)
    assert isinstance(cls, type)


@pytest.mark.parametrize("kind", list(CATALOG), ids=lambda k: k.id)
def test_full_matrix_and_schema(kind) -> None:  # type: ignore[no-untyped-def]
    assert kind.responsibility.model in MODELS
    assert set(kind.responsibility.layers) == set(LAYERS)
    assert set(kind.responsibility.layers.values()) <= set(OWNERS)
    assert isinstance(kind.defaults(), dict)
    assert kind.category in CATALOG.by_category()


def test_spec_property_defaults() -> None:
    assert CATALOG.defaults("s3")["block_public_access"] is True
    assert CATALOG.defaults("s3")["encryption"] == "SSE-S3"
    assert CATALOG.defaults("sqs")["encryption"] is True
    assert CATALOG.defaults("sns")["encryption"] is False
    assert CATALOG.defaults("lambda")["reserved_concurrency"] is None
    assert CATALOG.defaults("alb")["scheme"] == "internet-facing"
    assert CATALOG.defaults("cloudfront")["viewer_protocol"] == "allow-all"
    assert CATALOG.defaults("ec2")["instance_type"] == "t3.micro"
    assert CATALOG.defaults("auto_scaling_group")["subnets"] == []


def test_icon_is_read_from_class_attributes_not_an_instance() -> None:
    assert CATALOG.get("ec2").icon_file == "aws/compute/ec2.png"

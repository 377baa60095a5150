"""Every real plan and configuration of the shared corpus reads without error and keeps its AWS resources."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wadesk.importers.terraform.config import read_configuration
from wadesk.importers.terraform.plan import looks_like_plan, read_plan
from wadesk.importers.terraform.values import refs_in

ROOT = Path(__file__).resolve().parents[2]


def _corpus() -> Path | None:
    for candidate in (ROOT.parent / "shared", ROOT.parent.parent / "shared", Path("/work/shared")):
        if (candidate / "corpus" / "terraform").is_dir():
            return candidate / "corpus" / "terraform"
    return None


CORPUS = _corpus()
PLANS = sorted((CORPUS / "plan").glob("*.json")) if CORPUS else []
FOLDERS = sorted(path for path in (CORPUS / "hcl").iterdir() if path.is_dir()) if CORPUS else []


def test_the_corpus_is_there() -> None:
    if CORPUS is None and not os.environ.get("CI"):
        pytest.skip("the shared corpus is not beside this checkout")
    assert CORPUS is not None, "../shared/corpus/terraform is missing"
    assert len(PLANS) >= 10 and len(FOLDERS) >= 10


@pytest.mark.parametrize("path", PLANS, ids=lambda path: path.stem)
def test_every_corpus_plan_reads_with_aws_resources(path: Path) -> None:
    assert looks_like_plan(path)
    source = read_plan(path)
    assert source.resources, "no AWS resource"
    assert all(resource.type.startswith("aws_") for resource in source.resources.values())
    for ref in (ref for resource in source.resources.values() for ref in refs_in(resource.values)):
        assert source.resolve(ref) is not None, f"{ref} names nothing in the plan"


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda path: path.name)
def test_every_corpus_configuration_reads_with_aws_resources(folder: Path) -> None:
    source = read_configuration(folder)
    # A root module made only of registry modules (learn-terraform's EKS example) has its AWS infrastructure in
    # the placeholders; every other one has resources of its own.
    assert source.resources or source.placeholders
    for resource in source.resources.values():
        assert resource.file is not None and resource.line is not None
        for ref in refs_in(resource.values):
            assert source.resolve(ref) is not None or ref.address.split("[")[0].split(".")[0] in {
                "random_id", "random_string", "random_password", "null_resource", "tls_private_key", "local_file",
                "archive_file", "time_sleep", "random_pet", "random_integer", "random_uuid",
            }, f"{resource.address}: {ref} names nothing in the configuration"


#: Types that always draw as a node of their own (a well-known AWS resource is never lost in the import).
DRAWN = {
    "aws_instance", "aws_s3_bucket", "aws_db_instance", "aws_lambda_function", "aws_vpc", "aws_subnet", "aws_lb",
    "aws_elb", "aws_security_group", "aws_dynamodb_table", "aws_sqs_queue", "aws_sns_topic", "aws_ecs_service",
    "aws_autoscaling_group", "aws_nat_gateway", "aws_internet_gateway", "aws_cloudfront_distribution",
    "aws_api_gateway_rest_api", "aws_eks_cluster", "aws_efs_file_system", "aws_rds_cluster", "aws_kms_key",
}


@pytest.mark.parametrize("path", PLANS + FOLDERS, ids=lambda path: path.stem)
def test_every_corpus_source_imports_and_checks(path: Path) -> None:
    from wadesk.analysis.engine import analyse
    from wadesk.importers.api import import_source
    from wadesk.importers.terraform.importer import read_source

    result = import_source(path, layout=False)
    analyse(result.built.arch)
    source = read_source(path)
    expected = {address for address, resource in source.resources.items() if resource.type in DRAWN}
    assert expected <= set(result.design.nodes), sorted(expected - set(result.design.nodes))
    assert result.design.nodes or source.placeholders

"""The Terraform front end's value contract: markers are found wherever they sit and print in ${...} form."""

from __future__ import annotations

from pathlib import Path

from wadesk.importers.terraform.values import (
    Interpolated,
    ModuleOutput,
    ModulePlaceholder,
    TfRef,
    TfResource,
    TfSource,
    Unknown,
    Unresolved,
    classify_output,
    is_aws_type,
    is_known,
    module_outputs_in,
    refs_in,
)


def test_refs_are_found_in_lists_dicts_strings_and_unresolved_expressions() -> None:
    bucket, vpc = TfRef("aws_s3_bucket.b", "arn"), TfRef("aws_vpc.main", "id")
    subnets = ModuleOutput("module.vpc", "private_subnets")
    value = {
        "policy": Interpolated(('{"Resource":"', bucket, '/*"}')),
        "ids": [vpc, Unresolved("concat(...)", "unknown list", (subnets, bucket))],
    }
    assert refs_in(value) == [bucket, vpc]
    assert module_outputs_in(value) == [subnets]
    assert not is_known(value)
    assert is_known({"a": [1, "x", None]})


def test_markers_print_as_placeholders() -> None:
    text = Interpolated(("arn:", TfRef("aws_sqs_queue.q", "arn"), ":", ModuleOutput("module.vpc", "vpc_id", 0)))
    assert str(text) == "arn:${aws_sqs_queue.q.arn}:${module.vpc.vpc_id[0]}"
    assert str(Unknown()) == "<known after apply>"
    assert str(TfRef("aws_vpc.main")) == "${aws_vpc.main}"


def test_resource_addresses_and_source_lookup() -> None:
    subnet = TfResource("module.net.aws_subnet.a[0]", "aws_subnet", "a", module="module.net", index=0)
    ami = TfResource("data.aws_ami.x", "aws_ami", "x", mode="data")
    source = TfSource(Path("plan.json"), "plan", resources={subnet.address: subnet}, data_sources={ami.address: ami})
    assert subnet.base_address == "module.net.aws_subnet.a"
    assert ami.base_address == "data.aws_ami.x"
    assert source.resolve(TfRef("data.aws_ami.x", "id")) is ami
    assert source.resolve(TfRef("aws_vpc.gone", "id")) is None


def test_aws_types_and_registry_names() -> None:
    assert is_aws_type("aws_instance") and not is_aws_type("awscc_s3_bucket") and not is_aws_type("random_id")
    assert ModulePlaceholder("module.eks", "terraform-aws-modules/eks/aws").registry_name == "eks"
    assert ModulePlaceholder("module.r", "terraform-aws-modules/iam/aws//modules/role").registry_name == "iam"
    assert ModulePlaceholder("module.l", "../../").registry_name is None
    assert ModulePlaceholder("module.g", "git::https://example.com/x.git").registry_name is None


def test_output_names_are_classified() -> None:
    assert classify_output("vpc_id").role == "vpc"
    assert (classify_output("intra_subnets").role, classify_output("intra_subnets").tier) == ("subnets", "intra")
    assert classify_output("subnet_ids").role == "subnets"
    assert classify_output("node_security_group_id").role == "security_groups"
    assert classify_output("private_subnets_cidr_blocks").role == "other"
    assert classify_output("database_subnet_group").role == "other"
    assert classify_output("vpc_endpoint_id").role == "other"

"""Reading ``terraform show -json`` plans: modules, instances, unknown values, references, versions, bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wadesk.importers.errors import ImportSourceError
from wadesk.importers.terraform.plan import looks_like_plan, read_plan
from wadesk.importers.terraform.values import TfRef, Unknown, Unresolved

AWS = "registry.terraform.io/hashicorp/aws"


def resource(address: str, values: dict[str, Any], mode: str = "managed", index: Any = None) -> dict[str, Any]:
    base = address.split("[")[0]
    parts = base.split(".")
    if parts[-3] == "data" if len(parts) >= 3 else False:
        mode = "data"
    entry = {
        "address": address,
        "mode": mode,
        "type": parts[-2],
        "name": parts[-1],
        "provider_name": AWS if parts[-2].startswith("aws_") else "registry.terraform.io/hashicorp/random",
        "values": values,
    }
    if index is not None:
        entry["index"] = index
    return entry


def change(address: str, after_unknown: dict[str, Any]) -> dict[str, Any]:
    return {"address": address, "change": {"actions": ["create"], "after_unknown": after_unknown}}


def write_plan(tmp_path: Path, document: dict[str, Any], name: str = "plan.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document))
    return path


def vpc_plan() -> dict[str, Any]:
    """A root VPC, a module "net" with two subnets (count) given the VPC id as a variable, an instance in the
    module's first subnet through a module output, buckets with for_each, a data source and a random_id."""
    return {
        "format_version": "1.2",
        "terraform_version": "1.9.0",
        "planned_values": {
            "root_module": {
                "resources": [
                    resource("aws_vpc.main", {"cidr_block": "10.0.0.0/16"}),
                    resource("aws_instance.web", {"instance_type": "t3.micro"}),
                    resource('aws_s3_bucket.logs["a"]', {"bucket": "logs-a"}, index="a"),
                    resource('aws_s3_bucket.logs["b"]', {"bucket": "logs-b"}, index="b"),
                    resource("random_id.suffix", {"byte_length": 4}),
                ],
                "child_modules": [
                    {
                        "address": "module.net",
                        "resources": [
                            resource("module.net.aws_subnet.private[0]", {"cidr_block": "10.0.0.0/24"}, index=0),
                            resource("module.net.aws_subnet.private[1]", {"cidr_block": "10.0.1.0/24"}, index=1),
                        ],
                    }
                ],
            },
            "outputs": {"vpc": {"sensitive": False}},
        },
        "resource_changes": [
            change("aws_vpc.main", {"id": True, "arn": True}),
            change("aws_instance.web", {"id": True, "subnet_id": True, "vpc_security_group_ids": True}),
            change("module.net.aws_subnet.private[0]", {"id": True, "vpc_id": True}),
            change("module.net.aws_subnet.private[1]", {"id": True, "vpc_id": True}),
        ],
        "prior_state": {
            "format_version": "1.0",
            "values": {
                "root_module": {
                    "resources": [resource("data.aws_ami.ubuntu", {"id": "ami-123"}, mode="data")],
                }
            },
        },
        "configuration": {
            "root_module": {
                "resources": [
                    {"address": "aws_vpc.main", "mode": "managed", "type": "aws_vpc", "name": "main",
                     "expressions": {"cidr_block": {"constant_value": "10.0.0.0/16"}}},
                    {"address": "aws_instance.web", "mode": "managed", "type": "aws_instance", "name": "web",
                     "expressions": {
                         "subnet_id": {"references": ["module.net.first_subnet", "module.net"]},
                         "ami": {"references": ["data.aws_ami.ubuntu.id", "data.aws_ami.ubuntu"]},
                     }},
                ],
                "module_calls": {
                    "net": {
                        "source": "./net",
                        "expressions": {"vpc_id": {"references": ["aws_vpc.main.id", "aws_vpc.main"]}},
                        "module": {
                            "resources": [
                                {"address": "aws_subnet.private", "mode": "managed", "type": "aws_subnet",
                                 "name": "private",
                                 "expressions": {"vpc_id": {"references": ["var.vpc_id"]}},
                                 "count_expression": {"constant_value": 2}},
                            ],
                            "outputs": {
                                "first_subnet": {"expression": {
                                    "references": ["aws_subnet.private[0].id", "aws_subnet.private[0]",
                                                   "aws_subnet.private"]}},
                            },
                            "variables": {"vpc_id": {}},
                        },
                    }
                },
            }
        },
    }


def test_resources_of_root_and_child_modules_with_instances_by_address(tmp_path: Path) -> None:
    source = read_plan(write_plan(tmp_path, vpc_plan()))
    assert list(source.resources) == [
        "aws_vpc.main",
        "aws_instance.web",
        'aws_s3_bucket.logs["a"]',
        'aws_s3_bucket.logs["b"]',
        "module.net.aws_subnet.private[0]",
        "module.net.aws_subnet.private[1]",
    ]
    subnet = source.resources["module.net.aws_subnet.private[1]"]
    assert (subnet.type, subnet.name, subnet.module, subnet.index) == ("aws_subnet", "private", "module.net", 1)
    assert subnet.base_address == "module.net.aws_subnet.private"
    assert source.resources['aws_s3_bucket.logs["b"]'].index == "b"
    assert source.terraform_version == "1.9.0"


def test_unknown_values_that_refer_to_a_resource_become_references(tmp_path: Path) -> None:
    source = read_plan(write_plan(tmp_path, vpc_plan()))
    # var.vpc_id inside the module follows the module call out to aws_vpc.main
    for index in (0, 1):
        assert source.resources[f"module.net.aws_subnet.private[{index}]"].values["vpc_id"] == TfRef(
            "aws_vpc.main", "id"
        )
    web = source.resources["aws_instance.web"]
    # module.net.first_subnet follows the output's expression into the module
    assert web.values["subnet_id"] == TfRef("module.net.aws_subnet.private[0]", "id")
    assert isinstance(web.values["vpc_security_group_ids"], Unknown)
    assert isinstance(source.resources["aws_vpc.main"].values["arn"], Unknown)


def test_data_sources_are_kept_apart_and_other_providers_are_skipped(tmp_path: Path) -> None:
    source = read_plan(write_plan(tmp_path, vpc_plan()))
    assert list(source.data_sources) == ["data.aws_ami.ubuntu"]
    assert source.data_sources["data.aws_ami.ubuntu"].mode == "data"
    assert [(item.address, item.type) for item in source.skipped] == [("random_id.suffix", "random_id")]
    assert "not AWS" in source.skipped[0].reason


def test_known_ids_that_match_another_resource_become_references(tmp_path: Path) -> None:
    plan = {
        "format_version": "1.0",
        "planned_values": {"root_module": {"resources": [
            resource("aws_vpc.main", {"id": "vpc-0a1b2c3d4e5f60718"}),
            resource("aws_subnet.a", {"id": "subnet-0aa11bb22cc33dd44", "vpc_id": "vpc-0a1b2c3d4e5f60718"}),
            resource("aws_instance.x", {"subnet_id": "subnet-0aa11bb22cc33dd44", "tags": {"Name": "x"}}),
        ]}},
    }
    source = read_plan(write_plan(tmp_path, plan))
    assert source.resources["aws_subnet.a"].values["vpc_id"] == TfRef("aws_vpc.main", "id")
    assert source.resources["aws_instance.x"].values["subnet_id"] == TfRef("aws_subnet.a", "id")
    assert source.resources["aws_vpc.main"].values["id"] == "vpc-0a1b2c3d4e5f60718"


def test_a_list_attribute_unknown_until_apply_refers_to_every_instance(tmp_path: Path) -> None:
    plan = {
        "format_version": "1.1",
        "planned_values": {"root_module": {"resources": [
            resource("aws_subnet.a[0]", {}, index=0),
            resource("aws_subnet.a[1]", {}, index=1),
            resource("aws_lb.front", {"internal": False}),
            resource("aws_route_table_association.a[1]", {}, index=1),
        ]}},
        "resource_changes": [
            change("aws_lb.front", {"subnets": True}),
            change("aws_route_table_association.a[1]", {"subnet_id": True}),
        ],
        "configuration": {"root_module": {"resources": [
            {"address": "aws_lb.front", "expressions": {"subnets": {"references": ["aws_subnet.a"]}}},
            {"address": "aws_route_table_association.a",
             "expressions": {"subnet_id": {"references": ["aws_subnet.a", "count.index"]}}},
        ]}},
    }
    source = read_plan(write_plan(tmp_path, plan))
    assert source.resources["aws_lb.front"].values["subnets"] == [
        TfRef("aws_subnet.a[0]", "id"),
        TfRef("aws_subnet.a[1]", "id"),
    ]
    # element(aws_subnet.a[*].id, count.index): the instance with the same index
    assert source.resources["aws_route_table_association.a[1]"].values["subnet_id"] == TfRef("aws_subnet.a[1]", "id")


def test_an_ambiguous_single_reference_is_unresolved_not_guessed(tmp_path: Path) -> None:
    plan = {
        "format_version": "1.1",
        "planned_values": {"root_module": {"resources": [
            resource("aws_subnet.a[0]", {}, index=0),
            resource("aws_subnet.a[1]", {}, index=1),
            resource("aws_instance.x", {}),
        ]}},
        "resource_changes": [change("aws_instance.x", {"subnet_id": True})],
        "configuration": {"root_module": {"resources": [
            {"address": "aws_instance.x", "expressions": {"subnet_id": {"references": ["aws_subnet.a"]}}},
        ]}},
    }
    value = read_plan(write_plan(tmp_path, plan)).resources["aws_instance.x"].values["subnet_id"]
    assert isinstance(value, Unresolved)
    assert set(value.refs) == {TfRef("aws_subnet.a[0]", "id"), TfRef("aws_subnet.a[1]", "id")}


def test_newer_minor_versions_with_unknown_keys_and_old_0x_plans_are_read(tmp_path: Path) -> None:
    newer = vpc_plan() | {"format_version": "1.99", "some_future_section": {"x": 1}}
    assert len(read_plan(write_plan(tmp_path, newer)).resources) == 6
    older = vpc_plan() | {"format_version": "0.1"}
    assert len(read_plan(write_plan(tmp_path, older, "old.json")).resources) == 6


def test_another_major_version_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = write_plan(tmp_path, vpc_plan() | {"format_version": "2.0"})
    with pytest.raises(ImportSourceError) as caught:
        read_plan(path)
    assert "format version 2.0 is not supported" in str(caught.value)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"format_version": "1.0", "planned_values": ', "not JSON"),
        ("[1, 2, 3]", "not a Terraform plan"),
        ('{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}', "CloudFormation template"),
        ('{"hello": "world"}', "no 'format_version'"),
        ('{"format_version": "1.0"}', "no 'planned_values'"),
        ('{"format_version": "one"}', "is not a version"),
        ("[" * 100000 + "]" * 100000, "not a Terraform plan"),
    ],
)
def test_what_is_not_a_plan_is_refused_with_the_file_and_reason(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "input.json"
    path.write_text(content)
    with pytest.raises(ImportSourceError) as caught:
        read_plan(path)
    assert reason in caught.value.reason
    assert caught.value.source == str(path)


def test_not_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format_version": "1.0",\n  oops\n}')
    with pytest.raises(ImportSourceError) as caught:
        read_plan(path)
    assert caught.value.line == 3


def test_a_plan_over_the_size_cap_is_refused_with_the_cap(tmp_path: Path) -> None:
    path = write_plan(tmp_path, vpc_plan())
    with pytest.raises(ImportSourceError) as caught:
        read_plan(path, max_bytes=1000)
    assert "more than the" in caught.value.reason


def test_a_50_mb_plan_is_read(tmp_path: Path) -> None:
    padding = "x" * 2000
    resources = [
        resource(f"aws_instance.web[{index}]", {"user_data": padding, "subnet_id": f"subnet-{index:017x}"}, index=index)
        for index in range(25_000)
    ]
    plan = {"format_version": "1.2", "planned_values": {"root_module": {"resources": resources}}}
    path = write_plan(tmp_path, plan)
    assert path.stat().st_size > 50_000_000
    source = read_plan(path)
    assert len(source.resources) == 25_000


def test_looks_like_plan_sniffs_the_content(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, vpc_plan(), "anything.txt")
    template = tmp_path / "template.json"
    template.write_text('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}')
    assert looks_like_plan(plan)
    assert not looks_like_plan(template)
    assert not looks_like_plan(tmp_path / "missing.json")

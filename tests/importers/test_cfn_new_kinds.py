"""App Runner, Aurora DSQL, Directory Service, CodeBuild, CodePipeline and CodeDeploy resources become their own kinds
with properties read from the template (AWS's defaults where it is silent), placed and connected as they run."""

from __future__ import annotations

from typing import Any

from tests.importers.cfnkit import R, network, template
from wadesk.catalog import CATALOG
from wadesk.importers.build import build_architecture
from wadesk.importers.cfn.importer import known_types, map_template
from wadesk.model import Architecture
from wadesk.model import queries as q

NEW_TYPES = (
    "AWS::AppRunner::Service",
    "AWS::AppRunner::VpcConnector",
    "AWS::DSQL::Cluster",
    "AWS::DirectoryService::MicrosoftAD",
    "AWS::DirectoryService::SimpleAD",
    "AWS::CodeBuild::Project",
    "AWS::CodePipeline::Pipeline",
    "AWS::CodeDeploy::Application",
    "AWS::CodeDeploy::DeploymentGroup",
)


def _arch(resources: dict[str, tuple[str, dict[str, Any]]]) -> Architecture:
    return build_architecture(map_template(template(resources)), layout=False).arch


def _props(resources: dict[str, tuple[str, dict[str, Any]]], key: str) -> dict[str, Any]:
    return dict(_arch(resources).props_of(key))


def _edges(arch: Architecture) -> dict[tuple[str, str], dict[str, Any]]:
    return {(edge.source, edge.target): dict(edge.props) for edge in arch.edges()}


def test_every_new_type_is_known_and_none_is_drawn_as_a_generic_resource() -> None:
    assert set(NEW_TYPES) <= set(known_types())
    for kind in ("app_runner", "dsql", "directory_service", "codebuild", "codepipeline", "codedeploy"):
        assert CATALOG.has_kind(kind)


# ------------------------------------------------------------------ App Runner
SERVICE = {
    "Web": (
        "AWS::AppRunner::Service",
        {"SourceConfiguration": {"ImageRepository": {"ImageIdentifier": "nginx", "ImageRepositoryType": "ECR_PUBLIC"}}},
    )
}


def test_an_app_runner_service_is_public_with_aws_defaults() -> None:
    arch = _arch(SERVICE)
    props = dict(arch.props_of("Web"))
    assert arch.kind_of("Web") == "app_runner"
    assert props == {"publicly_accessible": True, "subnets": [], "tracing": False, "kms_encryption": False}
    assert any(target == "Web" and arch.kind_of(source) == "internet" for source, target in _edges(arch))


def test_a_private_app_runner_service_with_a_vpc_connector_spans_its_subnets_and_has_no_internet_entry() -> None:
    resources = network(public=False) | {
        "Connector": ("AWS::EC2::SecurityGroup", {"GroupDescription": "c", "VpcId": R("Vpc")}),
        "Link": (
            "AWS::AppRunner::VpcConnector",
            {"Subnets": [R("SubnetA"), R("SubnetB")], "SecurityGroups": [R("Connector")]},
        ),
        "Limits": ("AWS::AppRunner::AutoScalingConfiguration", {"MinSize": 2, "MaxSize": 8}),
        "Web": (
            "AWS::AppRunner::Service",
            {
                "AutoScalingConfigurationArn": R("Limits"),
                "ObservabilityConfiguration": {"ObservabilityEnabled": True},
                "EncryptionConfiguration": {"KmsKey": "arn:aws:kms:us-east-1:111122223333:key/1"},
                "NetworkConfiguration": {
                    "IngressConfiguration": {"IsPubliclyAccessible": False},
                    "EgressConfiguration": {"EgressType": "VPC", "VpcConnectorArn": R("Link", "VpcConnectorArn")},
                },
            },
        ),
    }
    arch = _arch(resources)
    props = dict(arch.props_of("Web"))
    assert props == {
        "publicly_accessible": False,
        "subnets": ["SubnetA", "SubnetB"],
        "tracing": True,
        "kms_encryption": True,
    }
    assert q.zones_of(arch, "Web") == {"az 1", "az 2"}
    assert not any(arch.kind_of(n.id) == "internet" for n in arch.nodes())
    assert "Link" not in arch and "Limits" not in arch  # folded into the service


# ------------------------------------------------------------------ Aurora DSQL
def test_a_dsql_cluster_is_protected_from_deletion_and_uses_an_aws_owned_key_unless_told_otherwise() -> None:
    assert _props({"Db": ("AWS::DSQL::Cluster", {})}, "Db") == {
        "deletion_protection": True,
        "kms_encryption": False,
    }
    owned = _props({"Db": ("AWS::DSQL::Cluster", {"KmsEncryptionKey": "AWS_OWNED_KMS_KEY"})}, "Db")
    assert owned["kms_encryption"] is False


def test_a_dsql_cluster_with_its_own_key_reads_so() -> None:
    resources = {
        "Key": ("AWS::KMS::Key", {}),
        "Db": (
            "AWS::DSQL::Cluster",
            {
                "DeletionProtectionEnabled": "false",
                "KmsEncryptionKey": R("Key", "Arn"),
                "MultiRegionProperties": {"WitnessRegion": "us-west-2"},
            },
        ),
    }
    assert _props(resources, "Db") == {"deletion_protection": False, "kms_encryption": True}


def test_a_function_whose_role_may_connect_to_a_dsql_cluster_is_drawn_sending_to_it() -> None:
    statement = {"Effect": "Allow", "Action": "dsql:DbConnect", "Resource": R("Db", "ResourceArn")}
    resources = {
        "Db": ("AWS::DSQL::Cluster", {}),
        "Role": ("AWS::IAM::Role", {"Policies": [{"PolicyDocument": {"Statement": [statement]}}]}),
        "Fn": ("AWS::Lambda::Function", {"Role": R("Role", "Arn"), "Runtime": "python3.12"}),
    }
    assert ("Fn", "Db") in _edges(_arch(resources))


# ------------------------------------------------------------------ Directory Service
def test_a_microsoft_ad_directory_spans_its_two_subnets() -> None:
    settings = {"VpcId": R("Vpc"), "SubnetIds": [R("SubnetA"), R("SubnetB")]}
    arch = _arch(network(public=False) | {"Ad": ("AWS::DirectoryService::MicrosoftAD", {"VpcSettings": settings})})
    props = dict(arch.props_of("Ad"))
    assert (props["directory_type"], props["edition"]) == ("microsoft_ad", "Enterprise")
    assert props["subnets"] == ["SubnetA", "SubnetB"]
    assert q.zones_of(arch, "Ad") == {"az 1", "az 2"}


def test_a_simple_ad_reads_its_size() -> None:
    props = _props({"Ad": ("AWS::DirectoryService::SimpleAD", {"Size": "Large"})}, "Ad")
    assert (props["directory_type"], props["edition"]) == ("simple_ad", "Large")


# ------------------------------------------------------------------ CodeBuild, CodePipeline, CodeDeploy
def test_a_codebuild_project_takes_aws_defaults_and_reads_privileged_mode_and_its_key() -> None:
    assert _props({"Build": ("AWS::CodeBuild::Project", {})}, "Build") == {
        "privileged_mode": False,
        "kms_encryption": False,
        "subnets": [],
    }
    props = _props(
        {
            "Build": (
                "AWS::CodeBuild::Project",
                {
                    "Environment": {"PrivilegedMode": "true"},
                    "EncryptionKey": "arn:aws:kms:us-east-1:111122223333:key/1",
                },
            )
        },
        "Build",
    )
    assert props["privileged_mode"] and props["kms_encryption"]
    managed = _props({"Build": ("AWS::CodeBuild::Project", {"EncryptionKey": "alias/aws/s3"})}, "Build")
    assert managed["kms_encryption"] is False


def _action(category: str, configuration: dict[str, Any]) -> dict[str, Any]:
    return {"ActionTypeId": {"Category": category}, "Configuration": configuration}


def _delivery(groups: int = 1) -> dict[str, tuple[str, dict[str, Any]]]:
    resources: dict[str, tuple[str, dict[str, Any]]] = {
        "Artifacts": ("AWS::S3::Bucket", {}),
        "Build": ("AWS::CodeBuild::Project", {}),
        "App": ("AWS::CodeDeploy::Application", {}),
        "Servers": ("AWS::AutoScaling::AutoScalingGroup", {"MinSize": "2", "MaxSize": "2"}),
        "Pipeline": (
            "AWS::CodePipeline::Pipeline",
            {
                "ArtifactStore": {"Type": "S3", "Location": R("Artifacts")},
                "Stages": [
                    {"Actions": [_action("Build", {"ProjectName": R("Build")})]},
                    {"Actions": [_action("Deploy", {"ApplicationName": R("App")})]},
                ],
            },
        ),
    }
    for index in range(groups):
        resources[f"Group{index}"] = (
            "AWS::CodeDeploy::DeploymentGroup",
            {"ApplicationName": R("App"), "AutoScalingGroups": [R("Servers")]},
        )
    return resources


def test_a_pipeline_drives_its_build_and_deployment_without_sending_them_requests() -> None:
    arch = _arch(_delivery())
    edges = _edges(arch)
    assert edges[("Pipeline", "Build")]["service_notifications"] is True
    assert edges[("Pipeline", "App")]["service_notifications"] is True
    assert edges[("App", "Servers")]["service_notifications"] is True
    assert edges[("Pipeline", "Artifacts")]["service_notifications"] is False  # it reads and writes the artifacts
    assert dict(arch.props_of("Pipeline")) == {"artifact_kms": False}
    assert dict(arch.props_of("App")) == {"compute_platform": "Server"}
    assert "Group0" not in arch  # folded into its application


def test_a_pipeline_encrypts_artifacts_with_its_own_key_only_when_it_names_one() -> None:
    def pipeline(key: str) -> dict[str, tuple[str, dict[str, Any]]]:
        store = {"Type": "S3", "Location": "bucket", "EncryptionKey": {"Id": key, "Type": "KMS"}}
        return {"Pipeline": ("AWS::CodePipeline::Pipeline", {"ArtifactStore": store})}

    assert _props(pipeline("arn:aws:kms:us-east-1:111122223333:alias/aws/s3"), "Pipeline")["artifact_kms"] is False
    assert _props(pipeline("arn:aws:kms:us-east-1:111122223333:key/1"), "Pipeline") == {"artifact_kms": True}

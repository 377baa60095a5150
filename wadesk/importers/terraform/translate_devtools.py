"""Terraform's delivery types onto CloudFormation's: CodeBuild projects, CodePipeline pipelines and CodeDeploy
applications and deployment groups (mapped by ``importers/cfn/mapping_devtools.py``)."""

from __future__ import annotations

from typing import Any

from wadesk.importers.terraform.translate import Context, Fold, Translation, Translator
from wadesk.importers.terraform.translate_common import cfn_props, first_block, merge_into, nested_blocks, simple
from wadesk.importers.terraform.values import TfResource


def _codebuild_project(c: Context, r: TfResource) -> Translation:
    props = cfn_props(c, r, {"Name": "name", "ServiceRole": "service_role", "EncryptionKey": "encryption_key"})
    environment = c.block(r, "environment")
    if environment:
        props["Environment"] = {
            "PrivilegedMode": environment.get("privileged_mode"),
            "EnvironmentVariables": [
                {"Name": item.get("name"), "Value": c.naming(item.get("value"))}
                for item in nested_blocks(environment, "environment_variable")
            ],
        }
    vpc = c.block(r, "vpc_config")
    if vpc:
        props["VpcConfig"] = {
            "VpcId": vpc.get("vpc_id"),
            "Subnets": vpc.get("subnets"),
            "SecurityGroupIds": vpc.get("security_group_ids"),
        }
    return Translation("AWS::CodeBuild::Project", props)


def _artifact_store(block: dict[str, Any]) -> dict[str, Any]:
    key = first_block(block, "encryption_key")
    store: dict[str, Any] = {"Location": block.get("location"), "Type": block.get("type")}
    if key:
        store["EncryptionKey"] = {"Id": key.get("id"), "Type": key.get("type")}
    return store


def _codepipeline(c: Context, r: TfResource) -> Translation:
    props = cfn_props(c, r, {"Name": "name", "RoleArn": "role_arn"})
    stores = [_artifact_store(block) for block in c.blocks(r, "artifact_store")]
    if len(stores) == 1:
        props["ArtifactStore"] = stores[0]
    elif stores:
        props["ArtifactStores"] = [{"ArtifactStore": store} for store in stores]
    props["Stages"] = [
        {
            "Name": stage.get("name"),
            "Actions": [
                {"ActionTypeId": {"Category": action.get("category")}, "Configuration": action.get("configuration")}
                for action in nested_blocks(stage, "action")
            ],
        }
        for stage in c.blocks(r, "stage")
    ]
    return Translation("AWS::CodePipeline::Pipeline", props)


def _deployment_group(c: Context, r: TfResource) -> Translation:
    props = cfn_props(c, r, {"ApplicationName": "app_name", "AutoScalingGroups": "autoscaling_groups"})
    services = c.blocks(r, "ecs_service")
    if services:
        props["ECSServices"] = [
            {"ServiceName": item.get("service_name"), "ClusterName": item.get("cluster_name")} for item in services
        ]
    return Translation("AWS::CodeDeploy::DeploymentGroup", props)


DEVTOOLS: dict[str, Translator] = {
    "aws_codebuild_project": _codebuild_project,
    "aws_codepipeline": _codepipeline,
    "aws_codepipeline_webhook": lambda c, r: Fold(c.get(r, "target_pipeline"), merge_into({})),
    "aws_codedeploy_app": simple("AWS::CodeDeploy::Application", ComputePlatform="compute_platform"),
    "aws_codedeploy_deployment_group": _deployment_group,
    "aws_codedeploy_deployment_config": simple("AWS::CodeDeploy::DeploymentConfig"),
}

"""CloudFormation delivery types: CodePipeline pipelines, CodeBuild projects and CodeDeploy applications.

A pipeline's actions and a deployment group's targets manage what they deploy rather than send it requests:
their flows are drawn as notifications (they carry no request), so no rule reads a pipeline as the upstream of a
service's traffic.
"""

from __future__ import annotations

from typing import Any

from wadesk.importers.cfn.mapping import (
    CfnMapper,
    HandlerTable,
    as_list,
    dig,
    flag,
    fold_into_user,
    fold_to,
    ref,
    refs,
    text,
)
from wadesk.importers.cfn.values import Resource

#: Kinds a pipeline action or deployment group is drawn acting on (not roles, groups or network boxes).
_NOT_ACTED_ON = ("iam_role", "security_group", "vpc", "subnet")


def _customer_key(value: Any) -> bool:
    """Whether a key setting names a customer managed KMS key (not absent, not the AWS managed ``aws/s3`` key)."""
    if value is None or value == "":
        return False
    return not (isinstance(value, str) and value.rstrip().endswith("alias/aws/s3"))


def _acts_on(m: CfnMapper, source: str, target: str, label: str) -> None:
    m.topic("service_notices").setdefault("items", []).append((source, target, label))


# ------------------------------------------------------------------ CodeBuild
def _project(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    environment = p.get("Environment")
    subnets = m.subnet_keys(dig(p, "VpcConfig", "Subnets"))
    node = m.node(
        r,
        "codebuild",
        {
            "privileged_mode": flag(dig(environment, "PrivilegedMode"), False),
            "kms_encryption": _customer_key(p.get("EncryptionKey")),
        },
    )
    node.subnets = subnets
    node.security_groups = m.security_group_keys(dig(p, "VpcConfig", "SecurityGroupIds"))
    m.uses_role(node.key, p.get("ServiceRole"))
    m.topic("env_refs")[node.key] = refs(dig(environment, "EnvironmentVariables"))


# ------------------------------------------------------------------ CodePipeline
def _pipeline(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    stores = [p.get("ArtifactStore"), *(dig(item, "ArtifactStore") for item in as_list(p.get("ArtifactStores")))]
    stores = [store for store in stores if isinstance(store, dict)]
    node = m.node(
        r,
        "codepipeline",
        {
            "artifact_kms": bool(stores) and all(_customer_key(dig(store, "EncryptionKey", "Id")) for store in stores),
        },
    )
    m.uses_role(node.key, p.get("RoleArn"))
    for store in stores:
        for bucket in refs(store.get("Location")):
            m.topic("later_flows").setdefault("items", []).append((node.key, bucket, "Artifacts"))
    m.topic("pipeline_actions")[node.key] = [
        (target, text(dig(action, "ActionTypeId", "Category"), "Action"))
        for stage in as_list(p.get("Stages"))
        for action in as_list(dig(stage, "Actions"))
        for target in dict.fromkeys(refs(dig(action, "Configuration")))
    ]


def finish_pipelines(m: CfnMapper) -> None:
    """Once every node is drawn: a pipeline acts on what its actions name (a build project, an application); it
    reads and writes the buckets they name."""
    for pipeline, actions in m.topic("pipeline_actions").items():
        for target, category in actions:
            node = m.get(target)
            if node is None or node.kind in _NOT_ACTED_ON:
                continue
            if node.kind == "s3":
                m.topic("later_flows").setdefault("items", []).append((pipeline, target, category))
            else:
                _acts_on(m, pipeline, target, category)


# ------------------------------------------------------------------ CodeDeploy
def _application(m: CfnMapper, r: Resource) -> None:
    platform = text(r.properties.get("ComputePlatform"), "Server")
    m.node(r, "codedeploy", {"compute_platform": platform if platform in ("Server", "Lambda", "ECS") else "Server"})


def _deployment_group(m: CfnMapper, r: Resource) -> None:
    """A deployment group: the auto scaling groups and ECS services its application deploys to."""
    p = r.properties
    application = m.get(ref(p.get("ApplicationName")))
    if application is None or application.kind != "codedeploy":
        m.fold(r, None, "deploys for no application drawn")
        return
    targets = refs(p.get("AutoScalingGroups")) + [
        key for service in as_list(p.get("ECSServices")) for key in refs(dig(service, "ServiceName"))
    ]
    for target in dict.fromkeys(targets):
        _acts_on(m, application.key, target, "Deploys")
    m.fold(r, application.key)


HANDLERS: HandlerTable = {
    "AWS::CodeBuild::Project": (0, _project),
    "AWS::CodePipeline::Pipeline": (0, _pipeline),
    "AWS::CodePipeline::Webhook": (1, fold_to("TargetPipeline")),
    "AWS::CodeDeploy::Application": (0, _application),
    "AWS::CodeDeploy::DeploymentGroup": (1, _deployment_group),
    "AWS::CodeDeploy::DeploymentConfig": (2, fold_into_user),
    "AWS::CodeStarConnections::Connection": (2, fold_into_user),
}

"""CloudFormation container and batch types: ECS clusters, services and tasks, EKS, AWS Batch, and the
Application Auto Scaling that scales them."""

from __future__ import annotations

from typing import Any

from wadesk.importers.cfn.mapping import (
    CfnMapper,
    HandlerTable,
    as_list,
    dig,
    externals,
    flag,
    fold_to,
    number,
    ref,
    refs,
    text,
)
from wadesk.importers.cfn.mapping_compute import instance_groups, instance_props, launch_data
from wadesk.importers.cfn.values import External, Resource, Unresolved
from wadesk.importers.ir import ImportedNode


# ------------------------------------------------------------------ ECS
def _ecs_cluster(m: CfnMapper, r: Resource) -> None:
    settings = as_list(r.properties.get("ClusterSettings"))
    insights = any(
        isinstance(s, dict) and s.get("Name") == "containerInsights" and text(s.get("Value")) in ("enabled", "enhanced")
        for s in settings
    )
    providers = [text(p) for p in as_list(r.properties.get("CapacityProviders"))]
    capacity = (
        "FARGATE"
        if providers and all(p.startswith("FARGATE") for p in providers)
        else ("mixed" if any(p.startswith("FARGATE") for p in providers) else "EC2")
    )
    m.node(r, "ecs_cluster", {"container_insights": insights, "capacity": capacity})


def _task_settings(m: CfnMapper, task: str | None) -> tuple[dict[str, Any], list[str]]:
    p = m.resource(task).properties if m.resource(task) else {}
    env: list[str] = []
    for container in as_list(p.get("ContainerDefinitions")):
        if isinstance(container, dict):
            env += refs(container.get("Environment")) + refs(container.get("Secrets"))
    return p, env


def _outside_cluster(m: CfnMapper, value: Any) -> ImportedNode | None:
    """A placeholder for the cluster a service runs in when the template does not create it.

    Its settings (Container Insights...) are the other stack's, so no rule judges them. A service that names no
    cluster runs in the account's cluster named ``default``.
    """
    if value is None:
        outside = External("default", "literal")
    else:
        found = externals(value)
        if found:
            outside = found[0]
        elif isinstance(value, str) and value.strip():
            outside = External(value.strip().rsplit("/", 1)[-1], "literal")
        elif isinstance(value, Unresolved):
            outside = External(value.expression, "unresolved")
        else:
            return None
    return m.get(m.placeholder(outside, "ecs_cluster"))


def _log_groups(m: CfnMapper, task: dict[str, Any]) -> list[str]:
    """The log groups of the template that a task's containers send their output to (the awslogs driver).

    The driver's ``awslogs-group`` names the group: by reference, or by the name the group is created with.
    """
    names: dict[str, str] = {}
    for key, resource in m.template.resources.items():
        if resource.type == "AWS::Logs::LogGroup" and text(resource.properties.get("LogGroupName")):
            names.setdefault(text(resource.properties.get("LogGroupName")), key)
    found: list[str] = []
    for container in as_list(task.get("ContainerDefinitions")):
        config = dig(container, "LogConfiguration") if isinstance(container, dict) else None
        if not isinstance(config, dict) or text(config.get("LogDriver")).lower() != "awslogs":
            continue
        options = config.get("Options")
        # (a Terraform task definition's JSON comes through with its option names capitalised)
        group = (
            next((v for k, v in options.items() if str(k).lower() == "awslogs-group"), None)
            if isinstance(options, dict)
            else None
        )
        key = ref(group)
        if key is None or m.type_of(key) != "AWS::Logs::LogGroup":
            key = names.get(text(group)) if isinstance(group, str) else None
        if key is not None and key not in found:
            found.append(key)
    return found


def _ecs_service(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    network = dig(p, "NetworkConfiguration", "AwsvpcConfiguration") or {}
    strategy = [text(dig(s, "CapacityProvider")) for s in as_list(p.get("CapacityProviderStrategy"))]
    launch = text(p.get("LaunchType"))
    if not launch:
        launch = "FARGATE" if any(s.startswith("FARGATE") for s in strategy) else "EC2"
        if not strategy:
            m.report.assume("An ECS service without LaunchType or capacity providers runs on EC2 (ECS's default)")
    cluster = m.get(ref(p.get("Cluster")))
    if cluster is None or cluster.kind != "ecs_cluster":
        cluster = _outside_cluster(m, p.get("Cluster"))
    task, env = _task_settings(m, ref(p.get("TaskDefinition")))
    architecture = text(dig(task, "RuntimePlatform", "CpuArchitecture")).lower()
    node = m.node(
        r,
        "ecs_service",
        {
            "launch_type": "FARGATE" if launch == "FARGATE" else "EC2",
            "desired_count": number(p.get("DesiredCount"), 1),
            "assign_public_ip": text(network.get("AssignPublicIp")) == "ENABLED"
            if isinstance(network, dict)
            else False,
            "container_insights": bool(cluster and cluster.props.get("container_insights")),
            "architecture": "arm64" if architecture == "arm64" else "x86_64",
        },
    )
    if isinstance(network, dict):
        node.subnets = m.subnet_keys(network.get("Subnets"))
        node.security_groups = m.security_group_keys(network.get("SecurityGroups"))
    for balancer in as_list(p.get("LoadBalancers")):
        for group in refs(dig(balancer, "TargetGroupArn")):
            m.topic("tg_targets").setdefault(group, []).append(node.key)
            port = number(dig(balancer, "ContainerPort"), None)
            if port is not None:  # the group forwards to the container's port, whatever port the group names
                m.topic("target_ports")[(group, node.key)] = port
        for classic in refs(dig(balancer, "LoadBalancerName")):
            m.topic("elb_targets").setdefault(classic, []).append(node.key)
    m.uses_role(node.key, task.get("TaskRoleArn"))
    m.topic("env_refs")[node.key] = env
    for group in _log_groups(m, task):
        m.topic("later_flows").setdefault("items", []).append((node.key, group, "Logs"))
    for volume in as_list(task.get("Volumes")):
        config = dig(volume, "EFSVolumeConfiguration")
        tls = text(dig(config, "TransitEncryption")).upper() == "ENABLED"
        for system in refs(dig(config, "FilesystemId")):
            # The task mounts the file system itself: this flow says how, and stands for what the groups allow.
            label = "NFS (TLS)" if tls else "NFS"
            m.design.flow(node.key, system, "tls" if tls else "tcp", 2049, label, reason="task volume")
    m.topic("task_users").setdefault(ref(p.get("TaskDefinition")) or "", []).append(node.key)


def _task_definition(m: CfnMapper, r: Resource) -> None:
    users = m.topic("task_users").get(r.logical_id)
    if users:
        m.fold(r, users[0])
        return
    p = r.properties
    node = m.node(
        r,
        "fargate_task",
        {
            "architecture": "arm64"
            if text(dig(p, "RuntimePlatform", "CpuArchitecture")).lower() == "arm64"
            else "x86_64"
        },
    )
    _, env = _task_settings(m, r.logical_id)
    m.topic("env_refs")[node.key] = env
    m.uses_role(node.key, p.get("TaskRoleArn"))
    for group in _log_groups(m, p):
        m.topic("later_flows").setdefault("items", []).append((node.key, group, "Logs"))


def _capacity_provider(m: CfnMapper, r: Resource) -> None:
    """An ECS capacity provider: with managed scaling, ECS attaches a target-tracking policy to its group."""
    provider = dig(r.properties, "AutoScalingGroupProvider")
    group = m.get(ref(dig(provider, "AutoScalingGroupArn")))
    if group is None or group.kind != "auto_scaling_group":
        m.fold(r, None, "scales nothing drawn")
        return
    if text(dig(provider, "ManagedScaling", "Status")).upper() == "ENABLED":
        group.props["scaling_policy"] = True
    m.fold(r, group.key)


def _scalable_target(m: CfnMapper, r: Resource) -> None:
    for key in refs(r.properties.get("ResourceId")):
        node = m.get(key)
        if node is not None and node.kind in ("ecs_service", "dynamodb"):
            node.props["autoscaling"] = True
            m.topic("scalable_targets")[r.logical_id] = node.key
            m.fold(r, node.key)
            return
    m.fold(r, None, "scales nothing drawn")


def _app_scaling_policy(m: CfnMapper, r: Resource) -> None:
    m.fold(r, m.topic("scalable_targets").get(ref(r.properties.get("ScalingTargetId")) or ""), "scales nothing drawn")


# ------------------------------------------------------------------ EKS, Batch
def _eks_cluster(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    config = p.get("ResourcesVpcConfig") or {}
    logging = dig(p, "Logging", "ClusterLogging", "EnabledTypes")
    node = m.node(
        r,
        "eks_cluster",
        {
            "version": text(p.get("Version")) or None,
            "endpoint_public_access": flag(dig(config, "EndpointPublicAccess"), True),
            "secrets_encryption": bool(p.get("EncryptionConfig")),
            "control_plane_logging": bool(as_list(logging)),
        },
    )
    node.subnets = m.subnet_keys(dig(config, "SubnetIds"))
    node.security_groups = m.security_group_keys(dig(config, "SecurityGroupIds"))
    m.uses_role(node.key, p.get("RoleArn"))


def _eks_nodegroup(m: CfnMapper, r: Resource) -> None:
    """A managed node group is an auto scaling group of EC2 worker nodes, drawn as one, its nodes inside."""
    p = r.properties
    scaling = p.get("ScalingConfig") or {}
    low = number(dig(scaling, "MinSize"), 1)
    high = number(dig(scaling, "MaxSize"), low)
    desired = number(dig(scaling, "DesiredSize"), low)
    cluster = m.get(ref(p.get("ClusterName")))
    if cluster is not None:
        if desired is not None:
            cluster.props["node_count"] = desired
        m.uses_role(cluster.key, p.get("NodeRole"))
    group = m.node(r, "auto_scaling_group", {"min_size": low, "max_size": high, "desired_capacity": desired})
    group.subnets = m.subnet_keys(p.get("Subnets"))
    template = ref(dig(p, "LaunchTemplate", "Id")) or ref(dig(p, "LaunchTemplate", "Name"))
    data = launch_data(m, template)
    types = [text(t) for t in as_list(p.get("InstanceTypes")) if text(t)]
    data.setdefault("InstanceType", types[0] if types else "t3.medium")  # EKS's default node type
    source = m.resource(template) if template and template not in m.design.nodes else None
    key = source.logical_id if source is not None else f"{r.logical_id}.nodes"
    nodes = m.node(
        source or r, "ec2", instance_props(m, data), key=key, label=f"{r.logical_id} nodes", report=source is not None
    )
    nodes.inside = group.key
    nodes.security_groups = instance_groups(m, data)
    group.security_groups = list(nodes.security_groups)
    m.uses_role(nodes.key, p.get("NodeRole"))


def _eks_fargate(m: CfnMapper, r: Resource) -> None:
    cluster = m.get(ref(r.properties.get("ClusterName")))
    if cluster is not None:
        cluster.props["node_type"] = "fargate"
    m.fold(r, cluster.key if cluster else None)


def _batch_environment(m: CfnMapper, r: Resource) -> None:
    resources = r.properties.get("ComputeResources") or {}
    kind = text(dig(resources, "Type"), "EC2").upper()
    node = m.node(r, "batch", {"compute_type": kind if kind in ("FARGATE", "FARGATE_SPOT", "EC2", "SPOT") else "EC2"})
    node.subnets = m.subnet_keys(dig(resources, "Subnets"))
    node.security_groups = m.security_group_keys(dig(resources, "SecurityGroupIds"))


def _batch_queue(m: CfnMapper, r: Resource) -> None:
    order = as_list(r.properties.get("ComputeEnvironmentOrder"))
    m.fold(r, ref(dig(order[0], "ComputeEnvironment")) if order else None)


HANDLERS: HandlerTable = {
    "AWS::ECS::Cluster": (0, _ecs_cluster),
    "AWS::ECS::Service": (0, _ecs_service),
    "AWS::ECS::TaskDefinition": (1, _task_definition),
    "AWS::ECS::ClusterCapacityProviderAssociations": (1, fold_to("Cluster")),
    "AWS::ECS::CapacityProvider": (1, _capacity_provider),
    "AWS::ApplicationAutoScaling::ScalableTarget": (1, _scalable_target),
    "AWS::ApplicationAutoScaling::ScalingPolicy": (2, _app_scaling_policy),
    "AWS::EKS::Cluster": (0, _eks_cluster),
    "AWS::EKS::Nodegroup": (1, _eks_nodegroup),
    "AWS::EKS::FargateProfile": (1, _eks_fargate),
    "AWS::EKS::Addon": (1, fold_to("ClusterName")),
    "AWS::Batch::ComputeEnvironment": (0, _batch_environment),
    "AWS::Batch::JobQueue": (1, _batch_queue),
}

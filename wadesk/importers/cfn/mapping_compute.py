"""CloudFormation compute types: EC2, Auto Scaling, Lambda, ECS, EKS, Batch, Elastic Beanstalk, IAM roles."""

from __future__ import annotations

from fnmatch import fnmatchcase
from typing import Any

from wadesk.importers.cfn.iam_grants import allows_everything, is_service_role, summarise
from wadesk.importers.cfn.mapping import (
    CfnMapper,
    HandlerTable,
    as_list,
    dig,
    externals,
    flag,
    number,
    ref,
    refs,
    text,
)
from wadesk.importers.cfn.values import External, Resource, Unresolved
from wadesk.importers.ir import ImportedNode

_LAUNCH_TYPES = ("AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration")


# ------------------------------------------------------------------ EC2
def _launch_data(m: CfnMapper, key: str | None) -> dict[str, Any]:
    """The instance settings of a launch template or configuration, in the Instance resource's property names."""
    resource = m.resource(key)
    if resource is None:
        return {}
    if resource.type == "AWS::EC2::LaunchTemplate":
        data = resource.properties.get("LaunchTemplateData")
        return dict(data) if isinstance(data, dict) else {}
    p = dict(resource.properties)
    # A launch configuration's InstanceMonitoring defaults to true (detailed monitoring), unlike an instance's.
    p["Monitoring"] = p.get("InstanceMonitoring", True)
    if "AssociatePublicIpAddress" in p:
        p["NetworkInterfaces"] = [{"AssociatePublicIpAddress": p["AssociatePublicIpAddress"], "DeviceIndex": 0}]
    return p


def _instance_props(m: CfnMapper, p: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = {}
    instance_type = text(p.get("InstanceType"))
    if instance_type:
        props["instance_type"] = instance_type
    elif p.get("InstanceType") is not None:
        # Given but not resolved (a parameter or variable with no value): the type is not known, not m1.small.
        props["instance_type"] = ""
    else:
        props["instance_type"] = "m1.small"
        m.report.assume("An EC2 instance without InstanceType launches as m1.small (the EC2 API's default)")
    tokens = text(dig(p, "MetadataOptions", "HttpTokens"))
    props["imdsv2_required"] = tokens.lower() == "required"
    devices = [
        d for d in as_list(p.get("BlockDeviceMappings")) if isinstance(d, dict) and isinstance(d.get("Ebs"), dict)
    ]
    props["ebs_encrypted"] = bool(devices) and all(flag(d["Ebs"].get("Encrypted"), False) for d in devices)
    monitoring = p.get("Monitoring")
    if isinstance(monitoring, dict):
        monitoring = monitoring.get("Enabled")
    props["detailed_monitoring"] = flag(monitoring, False)
    interfaces = [i for i in as_list(p.get("NetworkInterfaces")) if isinstance(i, dict)]
    if any(flag(i.get("AssociatePublicIpAddress"), False) for i in interfaces):
        props["public_ip"] = True
    return props


def _instance_groups(m: CfnMapper, p: dict[str, Any]) -> list[str]:
    groups = m.security_group_keys(p.get("SecurityGroupIds")) + m.security_group_keys(p.get("SecurityGroups"))
    for interface in as_list(p.get("NetworkInterfaces")):
        if isinstance(interface, dict):
            groups += m.security_group_keys(interface.get("GroupSet"))
            groups += m.security_group_keys(interface.get("Groups"))
    return list(dict.fromkeys(groups))


def _instance(m: CfnMapper, r: Resource) -> None:
    p = dict(r.properties)
    template = ref(dig(p, "LaunchTemplate", "LaunchTemplateId")) or ref(dig(p, "LaunchTemplate", "LaunchTemplateName"))
    merged = {**_launch_data(m, template), **p}
    node = m.node(r, "ec2", _instance_props(m, merged))
    subnets = m.subnet_keys(p.get("SubnetId"))
    for interface in as_list(p.get("NetworkInterfaces")):
        if isinstance(interface, dict):
            subnets += m.subnet_keys(interface.get("SubnetId"))
    node.subnets = list(dict.fromkeys(subnets))
    node.security_groups = _instance_groups(m, merged)
    if template:
        m.topic("instance_templates")[template] = r.logical_id
    m.uses_role(node.key, merged.get("IamInstanceProfile"))
    if not node.subnets and "SubnetId" not in p and not p.get("NetworkInterfaces"):
        m.topic("default_vpc")[node.key] = True


def _volume(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    m.node(r, "ebs", {"encrypted": flag(p.get("Encrypted"), False), "volume_type": text(p.get("VolumeType"), "gp2")})


def _volume_attachment(m: CfnMapper, r: Resource) -> None:
    volume, instance = m.get(ref(r.properties.get("VolumeId"))), m.get(ref(r.properties.get("InstanceId")))
    if volume is not None and instance is not None:
        volume.subnets = list(instance.subnets)
        m.topic("later_flows").setdefault("items", []).append((instance.key, volume.key, "Block storage"))
    m.fold(r, volume.key if volume else None)


def _launch_template(m: CfnMapper, r: Resource) -> None:
    if r.logical_id in m.design.nodes:
        return  # drawn as the instances of an auto scaling group
    m.fold(r, m.topic("instance_templates").get(r.logical_id), "used by nothing drawn")


# ------------------------------------------------------------------ Auto Scaling
def _auto_scaling_group(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    low, high = number(p.get("MinSize"), 1), number(p.get("MaxSize"), 1)
    desired = number(p.get("DesiredCapacity"), low)
    node = m.node(
        r,
        "auto_scaling_group",
        {
            "min_size": low,
            "max_size": high,
            "desired_capacity": desired,
            "health_check_type": "ELB" if text(p.get("HealthCheckType")).upper() == "ELB" else "EC2",
        },
    )
    node.subnets = m.subnet_keys(p.get("VPCZoneIdentifier"))
    if "VPCZoneIdentifier" not in p:
        m.topic("default_vpc")[node.key] = True
    for group in refs(p.get("TargetGroupARNs")):
        m.topic("tg_targets").setdefault(group, []).append(node.key)
    for balancer in refs(p.get("LoadBalancerNames")):
        m.topic("elb_targets").setdefault(balancer, []).append(node.key)
    notices = m.topic("service_notices").setdefault("items", [])
    for notification in as_list(p.get("NotificationConfigurations")) + as_list(p.get("NotificationConfiguration")):
        for topic in refs(dig(notification, "TopicARN")):
            notices.append((node.key, topic, "Notifications"))
    for hook in as_list(p.get("LifecycleHookSpecificationList")):
        for target in refs(dig(hook, "NotificationTargetARN")):
            notices.append((node.key, target, "Lifecycle hook"))
    spec = p.get("LaunchTemplate") or dig(p, "MixedInstancesPolicy", "LaunchTemplate", "LaunchTemplateSpecification")
    template = ref(dig(spec, "LaunchTemplateId")) or ref(dig(spec, "LaunchTemplateName"))
    template = template or ref(p.get("LaunchConfigurationName"))
    source = m.resource(template)
    if source is None:
        return
    data = _launch_data(m, template)
    key = template if template not in m.design.nodes else f"{template}@{r.logical_id}"
    instances = m.node(source, "ec2", _instance_props(m, data), key=key, label=f"{r.logical_id} instances")
    instances.inside = node.key
    instances.security_groups = _instance_groups(m, data)
    node.security_groups = list(instances.security_groups)
    m.uses_role(instances.key, data.get("IamInstanceProfile"))
    m.uses_role(node.key, data.get("IamInstanceProfile"))


def _scales_in(p: dict[str, Any]) -> bool:
    """Whether an Auto Scaling policy can lower its group's desired capacity.

    Target tracking scales in unless ``DisableScaleIn`` says otherwise; simple and step policies scale in only
    with a negative adjustment or an exact capacity; predictive scaling follows its forecast down. A value the
    reader could not compute may be negative, so it counts as scaling in.
    """
    kind = text(p.get("PolicyType"), "SimpleScaling")
    if kind == "TargetTrackingScaling":
        return flag(dig(p, "TargetTrackingConfiguration", "DisableScaleIn"), False) is not True
    if kind not in ("SimpleScaling", "StepScaling"):
        return True
    if text(p.get("AdjustmentType")) == "ExactCapacity":
        return True
    steps = [dig(step, "ScalingAdjustment") for step in as_list(p.get("StepAdjustments"))]
    adjustments = steps if kind == "StepScaling" else [p.get("ScalingAdjustment")]
    return not adjustments or any(_maybe_negative(value) for value in adjustments)


def _maybe_negative(value: Any) -> bool:
    """Whether an adjustment is negative, or could be (a value the reader could not compute)."""
    found = number(value, None)
    return found is None or found < 0


def _scaling_policy(m: CfnMapper, r: Resource) -> None:
    group = m.get(ref(r.properties.get("AutoScalingGroupName")))
    if group is not None and group.kind == "auto_scaling_group":
        # The group scales in when any of its policies does.
        first = not group.props.get("scaling_policy")
        scales_in = _scales_in(r.properties)
        group.props["scaling_policy"] = True
        group.props["scales_in"] = scales_in if first else bool(group.props.get("scales_in", True)) or scales_in
    m.fold(r, group.key if group else None)


def _lifecycle_hook(m: CfnMapper, r: Resource) -> None:
    group = ref(r.properties.get("AutoScalingGroupName"))
    for target in refs(r.properties.get("NotificationTargetARN")):
        m.topic("service_notices").setdefault("items", []).append((group, target, "Lifecycle hook"))
    m.fold(r, group)


def _scheduled_action(m: CfnMapper, r: Resource) -> None:
    group = m.get(ref(r.properties.get("AutoScalingGroupName")))
    if group is not None and group.kind == "auto_scaling_group":
        group.props["scheduled_scaling"] = True
    m.fold(r, group.key if group else None)


def _fold_to(prop: str) -> Any:
    def handler(m: CfnMapper, r: Resource) -> None:
        m.fold(r, ref(r.properties.get(prop)))

    return handler


def _fold_into_user(m: CfnMapper, r: Resource) -> None:
    """Fold a resource into the first drawn node that references it (a layer into a function using it)."""
    users = [key for key in m.referrers(r.logical_id) if m.get(key) is not None]
    m.fold(r, users[0] if users else None, "used by nothing drawn")


# ------------------------------------------------------------------ Lambda
def _function(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    vpc_subnets = m.subnet_keys(dig(p, "VpcConfig", "SubnetIds"))
    props: dict[str, Any] = {
        "reserved_concurrency": number(p.get("ReservedConcurrentExecutions"), None),
        "dead_letter_queue": bool(dig(p, "DeadLetterConfig", "TargetArn")),
        "tracing": text(dig(p, "TracingConfig", "Mode")) == "Active",
        "in_vpc": bool(vpc_subnets),
        "package_type": "image" if text(p.get("PackageType")) == "Image" else "zip",
        "architecture": "arm64" if "arm64" in as_list(p.get("Architectures")) else "x86_64",
        "memory_mb": number(p.get("MemorySize"), 128),
        "timeout_s": number(p.get("Timeout"), 3),
    }
    runtime = text(p.get("Runtime"))
    if runtime:
        props["runtime"] = runtime
    node = m.node(r, "lambda", props)
    node.subnets = vpc_subnets
    node.security_groups = m.security_group_keys(dig(p, "VpcConfig", "SecurityGroupIds"))
    m.uses_role(node.key, p.get("Role"))
    for target in refs(dig(p, "DeadLetterConfig", "TargetArn")):
        m.topic("dead_letters").setdefault(node.key, []).append(target)
    m.topic("env_refs")[node.key] = refs(dig(p, "Environment", "Variables"))


def _event_source_mapping(m: CfnMapper, r: Resource) -> None:
    function = ref(r.properties.get("FunctionName"))
    for source in refs(r.properties.get("EventSourceArn")):
        m.topic("later_flows").setdefault("items", []).append((source, function, "Event source"))
    m.fold(r, function)


def _permission(m: CfnMapper, r: Resource) -> None:
    function = ref(r.properties.get("FunctionName"))
    for caller in refs(r.properties.get("SourceArn")):
        m.topic("invokers").setdefault(function or "", []).append(caller)
    m.fold(r, function)


def _function_url(m: CfnMapper, r: Resource) -> None:
    function = ref(r.properties.get("TargetFunctionArn"))
    if text(r.properties.get("AuthType")) == "NONE" and function:
        m.topic("internet_entries")[function] = "Function URL"
    m.fold(r, function)


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


# ------------------------------------------------------------------ EKS, Batch, Beanstalk
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
    data = _launch_data(m, template)
    types = [text(t) for t in as_list(p.get("InstanceTypes")) if text(t)]
    data.setdefault("InstanceType", types[0] if types else "t3.medium")  # EKS's default node type
    source = m.resource(template) if template and template not in m.design.nodes else None
    key = source.logical_id if source is not None else f"{r.logical_id}.nodes"
    nodes = m.node(
        source or r, "ec2", _instance_props(m, data), key=key, label=f"{r.logical_id} nodes", report=source is not None
    )
    nodes.inside = group.key
    nodes.security_groups = _instance_groups(m, data)
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


def _beanstalk_environment(m: CfnMapper, r: Resource) -> None:
    settings = {
        (text(s.get("Namespace")), text(s.get("OptionName"))): s.get("Value")
        for s in as_list(r.properties.get("OptionSettings"))
        if isinstance(s, dict)
    }
    kind = text(settings.get(("aws:elasticbeanstalk:environment", "EnvironmentType")), "LoadBalanced")
    m.node(
        r,
        "elastic_beanstalk",
        {
            "environment_type": "single-instance" if kind == "SingleInstance" else "load-balanced",
            "managed_updates": flag(
                settings.get(("aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled")), False
            ),
            "enhanced_health": text(settings.get(("aws:elasticbeanstalk:healthreporting:system", "SystemType")))
            == "enhanced",
        },
    )
    m.topic("beanstalk_apps").setdefault(ref(r.properties.get("ApplicationName")) or "", []).append(r.logical_id)


def _beanstalk_part(m: CfnMapper, r: Resource) -> None:
    application = ref(r.properties.get("ApplicationName")) or r.logical_id
    environments = m.topic("beanstalk_apps").get(application) or []
    m.fold(r, environments[0] if environments else None, "no environment drawn")


# ------------------------------------------------------------------ IAM
def _documents(value: Any) -> list[Any]:
    return [item for item in as_list(value) if item is not None]


def _wildcard(document: Any) -> bool:
    return allows_everything(document)


def _role(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    documents = [dig(policy, "PolicyDocument") for policy in as_list(p.get("Policies")) if isinstance(policy, dict)]
    node = m.node(r, "iam_role", {"wildcard_permissions": any(_wildcard(d) for d in documents)})
    m.topic("role_documents")[node.key] = documents
    m.topic("role_managed_arns")[node.key] = [text(arn) for arn in as_list(p.get("ManagedPolicyArns"))]
    for arn in as_list(p.get("ManagedPolicyArns")):
        if text(arn).endswith(":policy/AdministratorAccess"):
            node.props["wildcard_permissions"] = True
        for managed in refs(arn):
            m.topic("managed_roles").setdefault(managed, []).append(node.key)


def _policy(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    roles = [key for key in refs(p.get("Roles")) + refs(p.get("RoleName")) if m.type_of(key) == "AWS::IAM::Role"]
    roles += m.topic("managed_roles").get(r.logical_id, [])
    document = p.get("PolicyDocument")
    for role in roles:
        node = m.get(role)
        if node is not None:
            m.topic("role_documents").setdefault(node.key, []).append(document)
            if _wildcard(document):
                node.props["wildcard_permissions"] = True
    m.fold(r, roles[0] if roles else None, "attached to no role of the template")


def _instance_profile(m: CfnMapper, r: Resource) -> None:
    roles = refs(r.properties.get("Roles"))
    m.fold(r, roles[0] if roles else None)


def finish_roles(m: CfnMapper) -> None:
    """Sum up what each role's policies allow on every resource (see ``iam_grants.py``) into its properties."""
    documents: dict[str, list[Any]] = m.topic("role_documents")
    managed: dict[str, list[str]] = m.topic("role_managed_arns")
    for key in dict.fromkeys([*documents, *managed]):
        node = m.design.nodes.get(key)
        if node is None or node.kind != "iam_role":
            continue
        names = [arn.rsplit("/", 1)[-1] for arn in managed.get(key, []) if ":iam::aws:policy/" in arn]
        service_role = is_service_role(m.prop(key, "AssumeRolePolicyDocument"))
        node.props.update(summarise(documents.get(key, []), names, service_role).as_props())


def policy_targets(m: CfnMapper, role: str) -> list[tuple[str, str]]:
    """(resource logical id, first action) for every template resource a role's policies grant access to."""
    found: dict[str, str] = {}
    for document in m.topic("role_documents").get(role, []):
        for statement in as_list(dig(document, "Statement")):
            if not isinstance(statement, dict) or text(statement.get("Effect"), "Allow") != "Allow":
                continue
            actions = [text(a) for a in as_list(statement.get("Action"))]
            for key in refs(statement.get("Resource")):
                found.setdefault(key, actions[0] if actions else "")
    return list(found.items())


#: What lets Systems Manager manage an instance (its agent registers and opens sessions).
_SSM_ACTIONS = ("ssm:updateinstanceinformation", "ssm:*", "ssmmessages:", "ec2messages:")
_SSM_POLICIES = ("AmazonSSMManagedInstanceCore", "AmazonEC2RoleforSSM", "AmazonSSMFullAccess")
#: What lets an instance register with an ECS cluster as a container instance.
_ECS_HOST_ACTIONS = ("ecs:registercontainerinstance", "ecs:*")
_ECS_HOST_POLICIES = ("AmazonEC2ContainerServiceforEC2Role",)


def role_powers(m: CfnMapper, role: str) -> set[str]:
    """What an instance role lets its instances be: ``ssm_agent`` (managed by Systems Manager), ``container_host``.

    A statement's ``Condition`` is not weighed: ``ssm_agent`` only keeps a finding away, and a condition on
    the agent's own calls (its region, its instance's tags) normally holds for them, so a conditional grant
    counts. ``Action: "*"``, AdministratorAccess and a ``NotAction`` that leaves ``ssm:*`` in grant the agent's
    calls too; only ``ecs:*`` or the ECS agent's own actions make a container host (being allowed everything
    does not say that an instance runs containers).
    """
    actions: list[str] = []
    for document in m.topic("role_documents").get(role, []):
        for statement in as_list(dig(document, "Statement")):
            if not isinstance(statement, dict) or text(statement.get("Effect"), "Allow") != "Allow":
                continue
            actions += [text(a).lower() for a in as_list(statement.get("Action"))]
            if "NotAction" in statement and "Action" not in statement:
                left_out = [text(a).lower() for a in as_list(statement.get("NotAction"))]
                if not any(fnmatchcase("ssm:updateinstanceinformation", out) for out in left_out):
                    actions.append("ssm:*")
    managed = m.topic("role_managed_arns").get(role, [])
    powers = set()
    ssm = "*" in actions or any(a.startswith(_SSM_ACTIONS) for a in actions)
    if ssm or any(arn.endswith((*_SSM_POLICIES, ":policy/AdministratorAccess")) for arn in managed):
        powers.add("ssm_agent")
    if any(a in _ECS_HOST_ACTIONS for a in actions) or any(arn.endswith(_ECS_HOST_POLICIES) for arn in managed):
        powers.add("container_host")
    return powers


HANDLERS: HandlerTable = {
    "AWS::EC2::Instance": (0, _instance),
    "AWS::EC2::Volume": (0, _volume),
    "AWS::EC2::VolumeAttachment": (1, _volume_attachment),
    "AWS::EC2::LaunchTemplate": (2, _launch_template),
    "AWS::AutoScaling::LaunchConfiguration": (2, _launch_template),
    "AWS::AutoScaling::AutoScalingGroup": (0, _auto_scaling_group),
    "AWS::AutoScaling::ScalingPolicy": (1, _scaling_policy),
    "AWS::AutoScaling::ScheduledAction": (1, _scheduled_action),
    "AWS::AutoScaling::LifecycleHook": (1, _lifecycle_hook),
    "AWS::AutoScaling::WarmPool": (1, _fold_to("AutoScalingGroupName")),
    "AWS::Lambda::Function": (0, _function),
    "AWS::Lambda::EventSourceMapping": (1, _event_source_mapping),
    "AWS::Lambda::Permission": (1, _permission),
    "AWS::Lambda::Version": (1, _fold_to("FunctionName")),
    "AWS::Lambda::Alias": (1, _fold_to("FunctionName")),
    "AWS::Lambda::Url": (1, _function_url),
    "AWS::Lambda::EventInvokeConfig": (1, _fold_to("FunctionName")),
    "AWS::Lambda::LayerVersion": (2, _fold_into_user),
    "AWS::Lambda::LayerVersionPermission": (2, _fold_to("LayerVersionArn")),
    "AWS::ECS::Cluster": (0, _ecs_cluster),
    "AWS::ECS::Service": (0, _ecs_service),
    "AWS::ECS::TaskDefinition": (1, _task_definition),
    "AWS::ECS::ClusterCapacityProviderAssociations": (1, _fold_to("Cluster")),
    "AWS::ECS::CapacityProvider": (1, _capacity_provider),
    "AWS::ApplicationAutoScaling::ScalableTarget": (1, _scalable_target),
    "AWS::ApplicationAutoScaling::ScalingPolicy": (2, _app_scaling_policy),
    "AWS::EKS::Cluster": (0, _eks_cluster),
    "AWS::EKS::Nodegroup": (1, _eks_nodegroup),
    "AWS::EKS::FargateProfile": (1, _eks_fargate),
    "AWS::EKS::Addon": (1, _fold_to("ClusterName")),
    "AWS::Batch::ComputeEnvironment": (0, _batch_environment),
    "AWS::Batch::JobQueue": (1, _batch_queue),
    "AWS::ElasticBeanstalk::Environment": (0, _beanstalk_environment),
    "AWS::ElasticBeanstalk::Application": (1, _beanstalk_part),
    "AWS::ElasticBeanstalk::ApplicationVersion": (1, _beanstalk_part),
    "AWS::ElasticBeanstalk::ConfigurationTemplate": (1, _beanstalk_part),
    "AWS::IAM::Role": (0, _role),
    "AWS::IAM::Policy": (1, _policy),
    "AWS::IAM::ManagedPolicy": (1, _policy),
    "AWS::IAM::RolePolicy": (1, _policy),
    "AWS::IAM::InstanceProfile": (1, _instance_profile),
}

"""CloudFormation compute types: EC2 instances and volumes, Auto Scaling, Lambda, App Runner, Elastic Beanstalk."""

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
    number,
    ref,
    refs,
    text,
)
from wadesk.importers.cfn.mapping_iam import resources_named
from wadesk.importers.cfn.values import Resource

_LAUNCH_TYPES = ("AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration")


# ------------------------------------------------------------------ EC2
def launch_data(m: CfnMapper, key: str | None) -> dict[str, Any]:
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


def instance_props(m: CfnMapper, p: dict[str, Any]) -> dict[str, Any]:
    """The ``ec2`` properties of an instance's settings (an Instance resource's or a launch template's)."""
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


def instance_groups(m: CfnMapper, p: dict[str, Any]) -> list[str]:
    """The security groups of an instance's settings, its network interfaces' included."""
    groups = m.security_group_keys(p.get("SecurityGroupIds")) + m.security_group_keys(p.get("SecurityGroups"))
    for interface in as_list(p.get("NetworkInterfaces")):
        if isinstance(interface, dict):
            groups += m.security_group_keys(interface.get("GroupSet"))
            groups += m.security_group_keys(interface.get("Groups"))
    return list(dict.fromkeys(groups))


def _instance(m: CfnMapper, r: Resource) -> None:
    p = dict(r.properties)
    template = ref(dig(p, "LaunchTemplate", "LaunchTemplateId")) or ref(dig(p, "LaunchTemplate", "LaunchTemplateName"))
    merged = {**launch_data(m, template), **p}
    node = m.node(r, "ec2", instance_props(m, merged))
    subnets = m.subnet_keys(p.get("SubnetId"))
    for interface in as_list(p.get("NetworkInterfaces")):
        if isinstance(interface, dict):
            subnets += m.subnet_keys(interface.get("SubnetId"))
    node.subnets = list(dict.fromkeys(subnets))
    node.security_groups = instance_groups(m, merged)
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
    data = launch_data(m, template)
    key = template if template not in m.design.nodes else f"{template}@{r.logical_id}"
    instances = m.node(source, "ec2", instance_props(m, data), key=key, label=f"{r.logical_id} instances")
    instances.inside = node.key
    instances.security_groups = instance_groups(m, data)
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
    variables = dig(p, "Environment", "Variables")
    values = variables.values() if isinstance(variables, dict) else []
    named = [key for value in values for key in resources_named(m, value)]
    m.topic("env_refs")[node.key] = list(dict.fromkeys(refs(variables) + named))


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


# ------------------------------------------------------------------ App Runner
def _app_runner(m: CfnMapper, r: Resource) -> None:
    """An App Runner service: public unless its ingress says otherwise, in the subnets of its VPC connector."""
    p = r.properties
    network = p.get("NetworkConfiguration")
    vpc_egress = text(dig(network, "EgressConfiguration", "EgressType")).upper() == "VPC"
    connector = m.resource(ref(dig(network, "EgressConfiguration", "VpcConnectorArn")))
    observability = p.get("ObservabilityConfiguration")
    traced = m.resource(ref(dig(observability, "ObservabilityConfigurationArn")))
    vendor = text(dig(traced.properties, "TraceConfiguration", "Vendor")) if traced is not None else "AWSXRAY"
    public = flag(dig(network, "IngressConfiguration", "IsPubliclyAccessible"), True)
    node = m.node(
        r,
        "app_runner",
        {
            "publicly_accessible": public,
            # The default observability configuration traces with X-Ray.
            "tracing": flag(dig(observability, "ObservabilityEnabled"), False) and vendor == "AWSXRAY",
            "kms_encryption": dig(p, "EncryptionConfiguration", "KmsKey") is not None,
        },
    )
    if vpc_egress and connector is not None:
        node.subnets = m.subnet_keys(connector.properties.get("Subnets"))
        node.security_groups = m.security_group_keys(connector.properties.get("SecurityGroups"))
    m.uses_role(node.key, dig(p, "InstanceConfiguration", "InstanceRoleArn"))
    source = p.get("SourceConfiguration")
    settings = [
        dig(source, "ImageRepository", "ImageConfiguration"),
        dig(source, "CodeRepository", "CodeConfiguration", "CodeConfigurationValues"),
    ]
    m.topic("env_refs")[node.key] = [
        key
        for setting in settings
        for key in refs(dig(setting, "RuntimeEnvironmentVariables")) + refs(dig(setting, "RuntimeEnvironmentSecrets"))
    ]
    if public:
        m.topic("internet_entries")[node.key] = "HTTPS"


# ------------------------------------------------------------------ Elastic Beanstalk
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
    "AWS::AutoScaling::WarmPool": (1, fold_to("AutoScalingGroupName")),
    "AWS::Lambda::Function": (0, _function),
    "AWS::Lambda::EventSourceMapping": (1, _event_source_mapping),
    "AWS::Lambda::Permission": (1, _permission),
    "AWS::Lambda::Version": (1, fold_to("FunctionName")),
    "AWS::Lambda::Alias": (1, fold_to("FunctionName")),
    "AWS::Lambda::Url": (1, _function_url),
    "AWS::Lambda::EventInvokeConfig": (1, fold_to("FunctionName")),
    "AWS::Lambda::LayerVersion": (2, fold_into_user),
    "AWS::Lambda::LayerVersionPermission": (2, fold_to("LayerVersionArn")),
    "AWS::AppRunner::Service": (0, _app_runner),
    "AWS::AppRunner::VpcConnector": (2, fold_into_user),
    "AWS::AppRunner::AutoScalingConfiguration": (2, fold_into_user),
    "AWS::AppRunner::ObservabilityConfiguration": (2, fold_into_user),
    "AWS::AppRunner::VpcIngressConnection": (1, fold_to("ServiceArn")),
    "AWS::ElasticBeanstalk::Environment": (0, _beanstalk_environment),
    "AWS::ElasticBeanstalk::Application": (1, _beanstalk_part),
    "AWS::ElasticBeanstalk::ApplicationVersion": (1, _beanstalk_part),
    "AWS::ElasticBeanstalk::ConfigurationTemplate": (1, _beanstalk_part),
}

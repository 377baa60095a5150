"""The translators of ``aws_*`` types onto CloudFormation types and properties (see ``translate.py``).

``TYPES`` maps each Terraform type to a function of the translation context and the resource: it returns a
:class:`~.translate.Translation` (a CloudFormation type and properties, and extra resources it implies) or a
:class:`~.translate.Fold` (the resource only configures another). Property names follow the CloudFormation
resource reference; only what the mapping reads is translated, the rest keeps its Terraform name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from wadesk.importers.cfn import values as cfn
from wadesk.importers.terraform.translate import Context, Fold, Translation, Translator, pascal, pascal_keys
from wadesk.importers.terraform.values import TfResource, Unknown


def _props(c: Context, r: TfResource, names: dict[str, str]) -> dict[str, Any]:
    """``{CloudFormation name: converted attribute}`` for the attributes present."""
    return {cfn_name: c.get(r, tf_name) for cfn_name, tf_name in names.items() if r.values.get(tf_name) is not None}


def simple(cfn_type: str, **names: str) -> Translator:
    """A translator that renames attributes (``CloudFormationName="terraform_name"``)."""

    def translate(c: Context, r: TfResource) -> Translation:
        return Translation(cfn_type, _props(c, r, names))

    return translate


def decode_json(value: Any) -> Any:
    """A JSON document given as a string (a policy, a container definition): parsed, with the references of an
    interpolated string kept as markers inside the parsed strings."""
    if isinstance(value, dict | list):
        return value
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    if not isinstance(value, cfn.Interpolated):
        return value
    markers: list[Any] = []
    text = ""
    for part in value.parts:
        if isinstance(part, str):
            text += part
        else:
            markers.append(part)
            text += f"\ue000{len(markers) - 1}\ue001"
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        return value
    return _restore(document, markers)


def _restore(value: Any, markers: list[Any]) -> Any:
    if isinstance(value, dict):
        return {key: _restore(item, markers) for key, item in value.items()}
    if isinstance(value, list):
        return [_restore(item, markers) for item in value]
    if isinstance(value, str) and "\ue000" in value:
        pieces = re.split("\ue000(\\d+)\ue001", value)
        parts = tuple(markers[int(p)] if i % 2 else p for i, p in enumerate(pieces) if i % 2 or p)
        return parts[0] if len(parts) == 1 else cfn.Interpolated(parts)
    return value


def _ref(address: str) -> cfn.ResourceRef:
    return cfn.ResourceRef(address)


def _flag_block(c: Context, r: TfResource, block: str, key: str = "enabled") -> Any:
    return c.block(r, block).get(key)


# ------------------------------------------------------------------ network
def _internet_gateway(c: Context, r: TfResource) -> Translation:
    t = Translation("AWS::EC2::InternetGateway")
    if r.values.get("vpc_id") is not None:
        t.extra.append(("attachment", "AWS::EC2::VPCGatewayAttachment",
                        {"VpcId": c.get(r, "vpc_id"), "InternetGatewayId": _ref(r.address)}))
    return t


def _vpn_gateway(c: Context, r: TfResource) -> Translation:
    t = Translation("AWS::EC2::VPNGateway", {"Type": "ipsec.1"})
    if r.values.get("vpc_id") is not None:
        t.extra.append(("attachment", "AWS::EC2::VPCGatewayAttachment",
                        {"VpcId": c.get(r, "vpc_id"), "VpnGatewayId": _ref(r.address)}))
    return t


_ROUTE = {
    "DestinationCidrBlock": "cidr_block",
    "DestinationIpv6CidrBlock": "ipv6_cidr_block",
    "GatewayId": "gateway_id",
    "NatGatewayId": "nat_gateway_id",
    "TransitGatewayId": "transit_gateway_id",
    "InstanceId": "instance_id",
    "VpcPeeringConnectionId": "vpc_peering_connection_id",
    "VpcEndpointId": "vpc_endpoint_id",
}


def _route_table(c: Context, r: TfResource) -> Translation:
    t = Translation("AWS::EC2::RouteTable", {"VpcId": c.get(r, "vpc_id")})
    for index, route in enumerate(c.blocks(r, "route")):
        props = {name: route.get(key) for name, key in _ROUTE.items() if route.get(key) not in (None, "")}
        props["RouteTableId"] = _ref(r.address)
        t.extra.append((f"route[{index}]", "AWS::EC2::Route", props))
    return t


def _default_route_table(c: Context, r: TfResource) -> Translation:
    # The VPC's main route table, adopted by Terraform: default_route_table_id names the VPC
    # (aws_vpc.x.default_route_table_id), which stands for its main table in the mapping.
    table = c.get(r, "default_route_table_id")
    t = Translation("AWS::EC2::RouteTable", {"VpcId": table})
    for index, route in enumerate(c.blocks(r, "route")):
        props = {name: route.get(key) for name, key in _ROUTE.items() if route.get(key) not in (None, "")}
        props["RouteTableId"] = table
        t.extra.append((f"route[{index}]", "AWS::EC2::Route", props))
    return t


def _route(c: Context, r: TfResource) -> Translation:
    names = {name: key.replace("cidr_block", "destination_cidr_block") for name, key in _ROUTE.items()}
    return Translation("AWS::EC2::Route", {"RouteTableId": c.get(r, "route_table_id"), **_props(c, r, names)})


def _rules(c: Context, r: TfResource, blocks: list[dict[str, Any]], peer: str) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    for block in blocks:
        base = {"IpProtocol": block.get("protocol", "-1"), "FromPort": block.get("from_port"),
                "ToPort": block.get("to_port"), "Description": block.get("description")}
        for cidr in _as_list(block.get("cidr_blocks")):
            rules.append({**base, "CidrIp": cidr})
        for cidr in _as_list(block.get("ipv6_cidr_blocks")):
            rules.append({**base, "CidrIpv6": cidr})
        for group in _as_list(block.get("security_groups")):
            rules.append({**base, peer: group})
        if block.get("self") is True:
            rules.append({**base, peer: _ref(r.address)})
        for prefix in _as_list(block.get("prefix_list_ids")):
            rules.append({**base, "SourcePrefixListId": prefix})
    return rules


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _security_group(c: Context, r: TfResource) -> Translation:
    return Translation("AWS::EC2::SecurityGroup", {
        "GroupDescription": c.get(r, "description"),
        "GroupName": c.get(r, "name"),
        "VpcId": c.get(r, "vpc_id"),
        "SecurityGroupIngress": _rules(c, r, c.blocks(r, "ingress"), "SourceSecurityGroupId"),
        "SecurityGroupEgress": _rules(c, r, c.blocks(r, "egress"), "DestinationSecurityGroupId"),
    })


def _default_security_group(c: Context, r: TfResource) -> Translation:
    # Terraform adopts the VPC's default group: named "default" whatever the plan says, and with no ingress or
    # egress blocks it removes every rule AWS created the group with.
    t = _security_group(c, r)
    t.properties["GroupName"] = "default"
    return t


def _security_group_rule(c: Context, r: TfResource) -> Translation:
    egress = r.values.get("type") == "egress"
    peer = "DestinationSecurityGroupId" if egress else "SourceSecurityGroupId"
    block = {key: r.values.get(key) for key in ("protocol", "from_port", "to_port", "description", "cidr_blocks",
                                                  "ipv6_cidr_blocks", "prefix_list_ids")}
    block = c.value(block)
    source = r.values.get("source_security_group_id")
    # The provider fills source_security_group_id in when the configuration leaves it out: no peer group then.
    if source is not None and not (isinstance(source, Unknown) and source.provider_default):
        block["security_groups"] = [c.get(r, "source_security_group_id")]
    if r.values.get("self") is True:
        block["security_groups"] = [c.get(r, "security_group_id")]
    rules = _rules(c, r, [block], peer)
    kind = "AWS::EC2::SecurityGroupEgress" if egress else "AWS::EC2::SecurityGroupIngress"
    group = c.get(r, "security_group_id")
    if not rules:
        return Translation(kind, {"GroupId": group, "IpProtocol": block.get("protocol", "-1")})
    t = Translation(kind, {"GroupId": group, **rules[0]})
    for index, rule in enumerate(rules[1:], start=1):
        t.extra.append((f"rule[{index}]", kind, {"GroupId": group, **rule}))
    return t


def _vpc_rule(egress: bool) -> Translator:
    def translate(c: Context, r: TfResource) -> Translation:
        peer = "DestinationSecurityGroupId" if egress else "SourceSecurityGroupId"
        kind = "AWS::EC2::SecurityGroupEgress" if egress else "AWS::EC2::SecurityGroupIngress"
        props = _props(c, r, {"GroupId": "security_group_id", "IpProtocol": "ip_protocol", "FromPort": "from_port",
                              "ToPort": "to_port", "CidrIp": "cidr_ipv4", "CidrIpv6": "cidr_ipv6",
                              peer: "referenced_security_group_id", "Description": "description"})
        return Translation(kind, props)

    return translate


def _flow_log(c: Context, r: TfResource) -> Translation:
    target = next((key for key in ("vpc_id", "subnet_id", "eni_id") if r.values.get(key) is not None), "vpc_id")
    kind = {"vpc_id": "VPC", "subnet_id": "Subnet", "eni_id": "NetworkInterface"}[target]
    props = _props(c, r, {"LogDestination": "log_destination", "LogGroupName": "log_group_name",
                          "TrafficType": "traffic_type"})
    return Translation("AWS::EC2::FlowLog", {"ResourceId": c.get(r, target), "ResourceType": kind, **props})


def _record(c: Context, r: TfResource) -> Translation:
    props = _props(c, r, {"HostedZoneId": "zone_id", "Name": "name", "Type": "type", "ResourceRecords": "records",
                          "SetIdentifier": "set_identifier", "HealthCheckId": "health_check_id"})
    alias = c.block(r, "alias")
    if alias:
        props["AliasTarget"] = {"DNSName": alias.get("name"), "HostedZoneId": alias.get("zone_id"),
                                "EvaluateTargetHealth": alias.get("evaluate_target_health")}
    failover = c.block(r, "failover_routing_policy")
    if failover:
        props["Failover"] = failover.get("type")
    return Translation("AWS::Route53::RecordSet", props)


# ------------------------------------------------------------------ compute
def _instance(c: Context, r: TfResource) -> Translation:
    props = _props(c, r, {"ImageId": "ami", "InstanceType": "instance_type", "SubnetId": "subnet_id",
                          "SecurityGroupIds": "vpc_security_group_ids", "SecurityGroups": "security_groups",
                          "IamInstanceProfile": "iam_instance_profile", "Monitoring": "monitoring",
                          "KeyName": "key_name", "AvailabilityZone": "availability_zone"})
    tokens = c.block(r, "metadata_options").get("http_tokens")
    if tokens is not None:
        props["MetadataOptions"] = {"HttpTokens": tokens}
    devices = [{"Ebs": {"Encrypted": d.get("encrypted"), "VolumeType": d.get("volume_type")}}
               for d in c.blocks(r, "root_block_device") + c.blocks(r, "ebs_block_device")]
    if devices:
        props["BlockDeviceMappings"] = devices
    if r.values.get("associate_public_ip_address") is True:
        props["NetworkInterfaces"] = [{"AssociatePublicIpAddress": True, "DeviceIndex": "0",
                                       "SubnetId": props.pop("SubnetId", None),
                                       "GroupSet": props.pop("SecurityGroupIds", None)}]
    template = c.block(r, "launch_template")
    if template:
        props["LaunchTemplate"] = {"LaunchTemplateId": template.get("id"), "LaunchTemplateName": template.get("name")}
    return Translation("AWS::EC2::Instance", props)


def _launch_template(c: Context, r: TfResource) -> Translation:
    data = _props(c, r, {"ImageId": "image_id", "InstanceType": "instance_type",
                         "SecurityGroupIds": "vpc_security_group_ids", "UserData": "user_data"})
    tokens = c.block(r, "metadata_options").get("http_tokens")
    if tokens is not None:
        data["MetadataOptions"] = {"HttpTokens": tokens}
    profile = c.block(r, "iam_instance_profile")
    if profile:
        data["IamInstanceProfile"] = {"Arn": profile.get("arn"), "Name": profile.get("name")}
    devices = [{"Ebs": {"Encrypted": (d.get("ebs") or [{}])[0].get("encrypted")}}
               for d in c.blocks(r, "block_device_mappings") if isinstance(d.get("ebs"), list) and d["ebs"]]
    if devices:
        data["BlockDeviceMappings"] = devices
    interfaces = [{"AssociatePublicIpAddress": i.get("associate_public_ip_address"), "Groups": i.get("security_groups"),
                   "SubnetId": i.get("subnet_id")} for i in c.blocks(r, "network_interfaces")]
    if interfaces:
        data["NetworkInterfaces"] = interfaces
    return Translation("AWS::EC2::LaunchTemplate", {"LaunchTemplateName": c.get(r, "name"), "LaunchTemplateData": data})


def _autoscaling_group(c: Context, r: TfResource) -> Translation:
    props = _props(c, r, {"VPCZoneIdentifier": "vpc_zone_identifier", "AvailabilityZones": "availability_zones",
                          "MinSize": "min_size", "MaxSize": "max_size", "DesiredCapacity": "desired_capacity",
                          "TargetGroupARNs": "target_group_arns", "LoadBalancerNames": "load_balancers",
                          "LaunchConfigurationName": "launch_configuration", "HealthCheckType": "health_check_type"})
    template = c.block(r, "launch_template")
    if template:
        props["LaunchTemplate"] = {"LaunchTemplateId": template.get("id"), "LaunchTemplateName": template.get("name"),
                                   "Version": template.get("version")}
    mixed = c.block(r, "mixed_instances_policy")
    spec = ((mixed.get("launch_template") or [{}])[0].get("launch_template_specification") or [{}])[0] if mixed else {}
    if spec:
        specification = {"LaunchTemplateId": spec.get("launch_template_id"),
                         "LaunchTemplateName": spec.get("launch_template_name")}
        props["MixedInstancesPolicy"] = {"LaunchTemplate": {"LaunchTemplateSpecification": specification}}
    hooks = [hook.get("notification_target_arn") for hook in c.blocks(r, "initial_lifecycle_hook")]
    if any(hooks):
        props["LifecycleHookSpecificationList"] = [{"NotificationTargetARN": target} for target in hooks if target]
    return Translation("AWS::AutoScaling::AutoScalingGroup", props)


def _lambda_function(c: Context, r: TfResource) -> Translation:
    props = _props(c, r, {"FunctionName": "function_name", "Runtime": "runtime", "Role": "role",
                          "MemorySize": "memory_size", "Timeout": "timeout", "Handler": "handler",
                          "PackageType": "package_type", "Architectures": "architectures",
                          "ReservedConcurrentExecutions": "reserved_concurrent_executions"})
    if props.get("ReservedConcurrentExecutions") == -1:
        del props["ReservedConcurrentExecutions"]  # Terraform's -1: no concurrency reserved
    vpc = c.block(r, "vpc_config")
    if vpc:
        props["VpcConfig"] = {"SubnetIds": vpc.get("subnet_ids"), "SecurityGroupIds": vpc.get("security_group_ids")}
    environment = c.block(r, "environment")
    if environment:
        props["Environment"] = {"Variables": environment.get("variables")}
    dead_letter = c.block(r, "dead_letter_config")
    if dead_letter:
        props["DeadLetterConfig"] = {"TargetArn": dead_letter.get("target_arn")}
    tracing = c.block(r, "tracing_config")
    if tracing:
        props["TracingConfig"] = {"Mode": tracing.get("mode")}
    return Translation("AWS::Lambda::Function", props)


def _ecs_service(c: Context, r: TfResource) -> Translation:
    props = _props(c, r, {"Cluster": "cluster", "TaskDefinition": "task_definition", "DesiredCount": "desired_count",
                          "LaunchType": "launch_type", "ServiceName": "name"})
    props["LoadBalancers"] = [{"TargetGroupArn": b.get("target_group_arn"), "LoadBalancerName": b.get("elb_name"),
                               "ContainerName": b.get("container_name"), "ContainerPort": b.get("container_port")}
                              for b in c.blocks(r, "load_balancer")]
    network = c.block(r, "network_configuration")
    if network:
        props["NetworkConfiguration"] = {"AwsvpcConfiguration": {
            "Subnets": network.get("subnets"), "SecurityGroups": network.get("security_groups"),
            "AssignPublicIp": "ENABLED" if network.get("assign_public_ip") is True else "DISABLED"}}
    strategies = [{"CapacityProvider": s.get("capacity_provider"), "Weight": s.get("weight")}
                  for s in c.blocks(r, "capacity_provider_strategy")]
    if strategies:
        props["CapacityProviderStrategy"] = strategies
    return Translation("AWS::ECS::Service", props)


def _camel_to_pascal(value: Any) -> Any:
    if isinstance(value, dict):
        return {key[:1].upper() + key[1:]: _camel_to_pascal(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_camel_to_pascal(item) for item in value]
    return value


def _autoscaling_policy(c: Context, r: TfResource) -> Translation:
    """An Auto Scaling policy, with what says whether it can scale in (its adjustments, DisableScaleIn)."""
    props = _props(c, r, {"AutoScalingGroupName": "autoscaling_group_name", "PolicyType": "policy_type",
                          "AdjustmentType": "adjustment_type", "ScalingAdjustment": "scaling_adjustment"})
    steps = c.blocks(r, "step_adjustment")
    if steps:
        props["StepAdjustments"] = [{"ScalingAdjustment": step.get("scaling_adjustment")} for step in steps]
    tracking = c.block(r, "target_tracking_configuration")
    if tracking:
        props["TargetTrackingConfiguration"] = {"DisableScaleIn": tracking.get("disable_scale_in")}
    return Translation("AWS::AutoScaling::ScalingPolicy", props)


def _task_definition(c: Context, r: TfResource) -> Translation:
    props = _props(c, r, {"RequiresCompatibilities": "requires_compatibilities", "TaskRoleArn": "task_role_arn",
                          "ExecutionRoleArn": "execution_role_arn", "NetworkMode": "network_mode", "Cpu": "cpu",
                          "Memory": "memory", "Family": "family"})
    containers = decode_json(c.get(r, "container_definitions"))
    if isinstance(containers, list):
        props["ContainerDefinitions"] = _camel_to_pascal(containers)
    platform = c.block(r, "runtime_platform")
    if platform:
        props["RuntimePlatform"] = {"CpuArchitecture": platform.get("cpu_architecture")}
    volumes = []
    for volume in c.blocks(r, "volume"):
        config = volume.get("efs_volume_configuration")
        config = config[0] if isinstance(config, list) and config else config
        if isinstance(config, dict):
            volumes.append({"Name": volume.get("name"), "EFSVolumeConfiguration": {
                "FilesystemId": config.get("file_system_id"), "TransitEncryption": config.get("transit_encryption")}})
    if volumes:
        props["Volumes"] = volumes
    return Translation("AWS::ECS::TaskDefinition", props)


def _capacity_provider(c: Context, r: TfResource) -> Translation:
    provider = c.block(r, "auto_scaling_group_provider")
    scaling = provider.get("managed_scaling")
    scaling = scaling[0] if isinstance(scaling, list) and scaling else scaling
    return Translation("AWS::ECS::CapacityProvider", {"AutoScalingGroupProvider": {
        "AutoScalingGroupArn": provider.get("auto_scaling_group_arn"),
        "ManagedScaling": {"Status": scaling.get("status") if isinstance(scaling, dict) else None},
    }})


def _eks_cluster(c: Context, r: TfResource) -> Translation:
    props = _props(c, r, {"RoleArn": "role_arn", "Version": "version", "Name": "name"})
    vpc = c.block(r, "vpc_config")
    props["ResourcesVpcConfig"] = {"SubnetIds": vpc.get("subnet_ids"),
                                   "SecurityGroupIds": vpc.get("security_group_ids"),
                                   "EndpointPublicAccess": vpc.get("endpoint_public_access")}
    if r.values.get("enabled_cluster_log_types"):
        types = c.get(r, "enabled_cluster_log_types")
        props["Logging"] = {"ClusterLogging": {"EnabledTypes": [{"Type": t} for t in _as_list(types)]}}
    if c.blocks(r, "encryption_config"):
        props["EncryptionConfig"] = c.blocks(r, "encryption_config")
    return Translation("AWS::EKS::Cluster", props)


def _node_group(c: Context, r: TfResource) -> Translation:
    props = _props(c, r, {"ClusterName": "cluster_name", "NodeRole": "node_role_arn", "Subnets": "subnet_ids",
                          "InstanceTypes": "instance_types"})
    scaling = c.block(r, "scaling_config")
    if scaling:
        props["ScalingConfig"] = {"DesiredSize": scaling.get("desired_size"), "MinSize": scaling.get("min_size"),
                                  "MaxSize": scaling.get("max_size")}
    return Translation("AWS::EKS::Nodegroup", props)


def _iam_role(c: Context, r: TfResource) -> Translation:
    props = _props(c, r, {"RoleName": "name", "ManagedPolicyArns": "managed_policy_arns"})
    props["AssumeRolePolicyDocument"] = decode_json(c.get(r, "assume_role_policy"))
    inline = [{"PolicyName": p.get("name"), "PolicyDocument": decode_json(p.get("policy"))}
              for p in c.blocks(r, "inline_policy") if p.get("policy") is not None]
    if inline:
        props["Policies"] = inline
    return Translation("AWS::IAM::Role", props)


def _role_policy(c: Context, r: TfResource) -> Translation:
    return Translation("AWS::IAM::Policy", {"PolicyName": c.get(r, "name"), "Roles": [c.get(r, "role")],
                                            "PolicyDocument": decode_json(c.get(r, "policy"))})


def _managed_policy(c: Context, r: TfResource) -> Translation:
    return Translation("AWS::IAM::ManagedPolicy", {"ManagedPolicyName": c.get(r, "name"),
                                                   "PolicyDocument": decode_json(c.get(r, "policy"))})


def _append(key: str, item: Any) -> Callable[[dict[str, Any]], None]:
    def apply(props: dict[str, Any]) -> None:
        existing = props.get(key)
        props[key] = [*(existing if isinstance(existing, list) else []), item]

    return apply


def _merge(values: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    def apply(props: dict[str, Any]) -> None:
        props.update({key: value for key, value in values.items() if value is not None})

    return apply


def _role_attachment(c: Context, r: TfResource) -> Fold:
    return Fold(c.get(r, "role"), _append("ManagedPolicyArns", c.get(r, "policy_arn")))


def _instance_profile(c: Context, r: TfResource) -> Translation:
    return Translation("AWS::IAM::InstanceProfile", {"Roles": [c.get(r, "role")] if r.values.get("role") else []})


# ------------------------------------------------------------------ tables by family, joined in translate_more
COMPUTE_AND_NETWORK: dict[str, Translator] = {
    "aws_vpc": simple("AWS::EC2::VPC", CidrBlock="cidr_block"),
    "aws_default_vpc": simple("AWS::EC2::VPC", CidrBlock="cidr_block"),
    "aws_subnet": simple("AWS::EC2::Subnet", VpcId="vpc_id", CidrBlock="cidr_block",
                         AvailabilityZone="availability_zone", AvailabilityZoneId="availability_zone_id",
                         MapPublicIpOnLaunch="map_public_ip_on_launch"),
    "aws_internet_gateway": _internet_gateway,
    "aws_internet_gateway_attachment": simple("AWS::EC2::VPCGatewayAttachment", VpcId="vpc_id",
                                              InternetGatewayId="internet_gateway_id"),
    "aws_egress_only_internet_gateway": simple("AWS::EC2::EgressOnlyInternetGateway", VpcId="vpc_id"),
    "aws_route_table": _route_table,
    "aws_route": _route,
    "aws_route_table_association": simple("AWS::EC2::SubnetRouteTableAssociation", SubnetId="subnet_id",
                                          RouteTableId="route_table_id"),
    "aws_default_route_table": _default_route_table,
    "aws_main_route_table_association": lambda c, r: Fold(c.get(r, "vpc_id"), _merge(
        {"MainRouteTable": c.get(r, "route_table_id")})),
    "aws_nat_gateway": simple("AWS::EC2::NatGateway", SubnetId="subnet_id", AllocationId="allocation_id"),
    "aws_eip": simple("AWS::EC2::EIP", InstanceId="instance"),
    "aws_eip_association": simple("AWS::EC2::EIPAssociation", InstanceId="instance_id", AllocationId="allocation_id"),
    "aws_security_group": _security_group,
    "aws_default_security_group": _default_security_group,
    "aws_security_group_rule": _security_group_rule,
    "aws_vpc_security_group_ingress_rule": _vpc_rule(egress=False),
    "aws_vpc_security_group_egress_rule": _vpc_rule(egress=True),
    "aws_vpc_endpoint": simple("AWS::EC2::VPCEndpoint", VpcId="vpc_id", ServiceName="service_name",
                               VpcEndpointType="vpc_endpoint_type", SubnetIds="subnet_ids",
                               SecurityGroupIds="security_group_ids", RouteTableIds="route_table_ids"),
    "aws_flow_log": _flow_log,
    "aws_network_acl": simple("AWS::EC2::NetworkAcl", VpcId="vpc_id"),
    "aws_network_acl_association": simple("AWS::EC2::SubnetNetworkAclAssociation", SubnetId="subnet_id",
                                          NetworkAclId="network_acl_id"),
    "aws_vpc_ipv4_cidr_block_association": simple("AWS::EC2::VPCCidrBlock", VpcId="vpc_id",
                                                  CidrBlock="cidr_block"),
    "aws_vpc_dhcp_options_association": simple("AWS::EC2::VPCDHCPOptionsAssociation", VpcId="vpc_id"),
    "aws_dx_connection": simple("AWS::DirectConnect::Connection", ConnectionName="name"),
    "aws_network_acl_rule": simple("AWS::EC2::NetworkAclEntry", NetworkAclId="network_acl_id",
                                   RuleNumber="rule_number", Egress="egress", Protocol="protocol",
                                   RuleAction="rule_action", CidrBlock="cidr_block"),
    "aws_vpn_gateway": _vpn_gateway,
    "aws_customer_gateway": simple("AWS::EC2::CustomerGateway", BgpAsn="bgp_asn", IpAddress="ip_address",
                                   Type="type"),
    "aws_vpn_connection": simple("AWS::EC2::VPNConnection", VpnGatewayId="vpn_gateway_id",
                                 CustomerGatewayId="customer_gateway_id", TransitGatewayId="transit_gateway_id",
                                 Type="type"),
    "aws_ec2_transit_gateway": simple("AWS::EC2::TransitGateway", Description="description"),
    "aws_ec2_transit_gateway_vpc_attachment": simple("AWS::EC2::TransitGatewayVpcAttachment",
                                                     TransitGatewayId="transit_gateway_id", VpcId="vpc_id",
                                                     SubnetIds="subnet_ids"),
    "aws_route53_zone": simple("AWS::Route53::HostedZone", Name="name"),
    "aws_route53_query_log": lambda c, r: Fold(c.get(r, "zone_id"), _merge(
        {"QueryLoggingConfig": {"CloudWatchLogsLogGroupArn": c.get(r, "cloudwatch_log_group_arn")}})),
    "aws_route53_record": _record,
    "aws_instance": _instance,
    "aws_ebs_volume": simple("AWS::EC2::Volume", Encrypted="encrypted", VolumeType="type", Size="size",
                             AvailabilityZone="availability_zone"),
    "aws_volume_attachment": simple("AWS::EC2::VolumeAttachment", VolumeId="volume_id", InstanceId="instance_id"),
    "aws_launch_template": _launch_template,
    "aws_launch_configuration": simple("AWS::AutoScaling::LaunchConfiguration", ImageId="image_id",
                                       InstanceType="instance_type", SecurityGroups="security_groups",
                                       IamInstanceProfile="iam_instance_profile",
                                       AssociatePublicIpAddress="associate_public_ip_address"),
    "aws_autoscaling_group": _autoscaling_group,
    "aws_autoscaling_attachment": lambda c, r: Fold(
        c.get(r, "autoscaling_group_name"),
        _append("TargetGroupARNs", c.get(r, "lb_target_group_arn")) if r.values.get("lb_target_group_arn")
        else _append("LoadBalancerNames", c.get(r, "elb")),
    ),
    "aws_autoscaling_policy": _autoscaling_policy,
    "aws_autoscaling_schedule": simple("AWS::AutoScaling::ScheduledAction",
                                       AutoScalingGroupName="autoscaling_group_name"),
    "aws_autoscaling_lifecycle_hook": simple("AWS::AutoScaling::LifecycleHook",
                                             AutoScalingGroupName="autoscaling_group_name",
                                             NotificationTargetARN="notification_target_arn"),
    "aws_autoscaling_notification": lambda c, r: Fold(
        c.get(r, "group_names"), _append("NotificationConfigurations", {"TopicARN": c.get(r, "topic_arn")})
    ),
    "aws_lambda_function": _lambda_function,
    "aws_lambda_permission": simple("AWS::Lambda::Permission", FunctionName="function_name", Principal="principal",
                                    SourceArn="source_arn", Action="action"),
    "aws_lambda_event_source_mapping": simple("AWS::Lambda::EventSourceMapping", EventSourceArn="event_source_arn",
                                              FunctionName="function_name"),
    "aws_lambda_alias": simple("AWS::Lambda::Alias", FunctionName="function_name", Name="name"),
    "aws_lambda_function_event_invoke_config": lambda c, r: Translation("AWS::Lambda::EventInvokeConfig", {
        "FunctionName": c.get(r, "function_name"),
        "DestinationConfig": {"OnFailure": {"Destination": (c.block(r, "destination_config").get("on_failure") or [
            {}])[0].get("destination")}} if c.blocks(r, "destination_config") else None}),
    "aws_lambda_provisioned_concurrency_config": lambda c, r: Fold(c.get(r, "function_name"), _merge({})),
    "aws_lambda_function_url": simple("AWS::Lambda::Url", TargetFunctionArn="function_name",
                                      AuthType="authorization_type"),
    "aws_ecs_cluster": lambda c, r: Translation("AWS::ECS::Cluster", {
        "ClusterName": c.get(r, "name"),
        "ClusterSettings": [{"Name": s.get("name"), "Value": s.get("value")} for s in c.blocks(r, "setting")],
    }),
    "aws_ecs_service": _ecs_service,
    "aws_ecs_task_definition": _task_definition,
    "aws_ecs_capacity_provider": _capacity_provider,
    "aws_ecs_cluster_capacity_providers": simple("AWS::ECS::ClusterCapacityProviderAssociations",
                                                 Cluster="cluster_name", CapacityProviders="capacity_providers"),
    "aws_appautoscaling_target": simple("AWS::ApplicationAutoScaling::ScalableTarget", ResourceId="resource_id"),
    "aws_appautoscaling_policy": simple("AWS::ApplicationAutoScaling::ScalingPolicy", ResourceId="resource_id"),
    "aws_eks_cluster": _eks_cluster,
    "aws_eks_node_group": _node_group,
    "aws_eks_fargate_profile": simple("AWS::EKS::FargateProfile", ClusterName="cluster_name", Subnets="subnet_ids"),
    "aws_eks_addon": simple("AWS::EKS::Addon", ClusterName="cluster_name", AddonName="addon_name"),
    "aws_batch_compute_environment": lambda c, r: Translation("AWS::Batch::ComputeEnvironment", {
        "ComputeResources": pascal_keys(c.block(r, "compute_resources")) | {
            "Subnets": c.block(r, "compute_resources").get("subnets"),
            "SecurityGroupIds": c.block(r, "compute_resources").get("security_group_ids"),
        },
        "ServiceRole": c.get(r, "service_role"),
    }),
    "aws_batch_job_queue": simple("AWS::Batch::JobQueue", ComputeEnvironmentOrder="compute_environments"),
    "aws_elastic_beanstalk_application": simple("AWS::ElasticBeanstalk::Application", ApplicationName="name"),
    "aws_elastic_beanstalk_environment": simple("AWS::ElasticBeanstalk::Environment",
                                                ApplicationName="application"),
    "aws_iam_role": _iam_role,
    "aws_iam_role_policy": _role_policy,
    "aws_iam_policy": _managed_policy,
    "aws_iam_role_policy_attachment": _role_attachment,
    "aws_iam_policy_attachment": lambda c, r: Fold(
        c.get(r, "roles") if isinstance(c.get(r, "roles"), list) else [],
        _append("ManagedPolicyArns", c.get(r, "policy_arn")),
    ),
    "aws_iam_instance_profile": _instance_profile,
    # Provider 5.7x's exclusive attachments: the complete list of a role's managed policies.
    "aws_iam_role_policy_attachments_exclusive": lambda c, r: Fold(c.get(r, "role_name"), _merge(
        {"ManagedPolicyArns": c.get(r, "policy_arns")})),
    "aws_iam_role_policies_exclusive": lambda c, r: Fold(c.get(r, "role_name"), _merge({})),
    "aws_key_pair": simple("AWS::EC2::KeyPair"),
}

__all__ = ["COMPUTE_AND_NETWORK", "Context", "Fold", "Translation", "decode_json", "pascal", "simple"]

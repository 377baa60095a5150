"""Translators of compute ``aws_*`` types: instances, launch templates, scaling groups, Lambda, ECS, EKS, IAM."""

from __future__ import annotations

from typing import Any

from wadesk.importers.cfn import values as cfn
from wadesk.importers.terraform.translate import Context, Fold, Translation, Translator, pascal_keys
from wadesk.importers.terraform.translate_common import (
    append_to,
    as_list,
    cfn_props,
    chosen_by_aws,
    decode_json,
    merge_into,
    nested_blocks,
    ref_to,
    simple,
)
from wadesk.importers.terraform.values import TfResource


def _instance(c: Context, r: TfResource) -> Translation:
    props = cfn_props(c, r, {"ImageId": "ami", "InstanceType": "instance_type", "SubnetId": "subnet_id",
                          "SecurityGroupIds": "vpc_security_group_ids", "SecurityGroups": "security_groups",
                          "IamInstanceProfile": "iam_instance_profile", "Monitoring": "monitoring",
                          "KeyName": "key_name", "AvailabilityZone": "availability_zone"})
    if chosen_by_aws(r, "subnet_id"):
        # AWS takes it from the instance's network interface, or the default VPC's subnet in its zone.
        props.pop("SubnetId", None)
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
    # Interfaces the configuration names; a plan also lists the primary interface the instance will get (its id
    # known after apply), which says nothing about where the instance is.
    interfaces = [{"NetworkInterfaceId": b.get("network_interface_id"), "DeviceIndex": b.get("device_index", 0)}
                  for b in c.blocks(r, "primary_network_interface") + c.blocks(r, "network_interface")
                  if isinstance(b.get("network_interface_id"), cfn.ResourceRef | str)]
    if interfaces and "NetworkInterfaces" not in props:
        props["NetworkInterfaces"] = interfaces
    template = c.block(r, "launch_template")
    if template:
        props["LaunchTemplate"] = {"LaunchTemplateId": template.get("id"), "LaunchTemplateName": template.get("name")}
    return Translation("AWS::EC2::Instance", props)


def _launch_template(c: Context, r: TfResource) -> Translation:
    data = cfn_props(c, r, {"ImageId": "image_id", "InstanceType": "instance_type",
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


def _classic_balancer(c: Context, name: Any) -> Any:
    """A Classic Load Balancer named by its name (a plan knows the name an ``aws_elb`` is given): a reference to it
    when the source creates it, so the balancer's flow reaches the group."""
    if isinstance(name, str):
        for other in c.source.resources.values():
            if other.type == "aws_elb" and other.values.get("name") == name:
                return c.value(ref_to(other))
    return name


def _autoscaling_group(c: Context, r: TfResource) -> Translation:
    props = cfn_props(c, r, {"VPCZoneIdentifier": "vpc_zone_identifier", "AvailabilityZones": "availability_zones",
                          "MinSize": "min_size", "MaxSize": "max_size", "DesiredCapacity": "desired_capacity",
                          "TargetGroupARNs": "target_group_arns", "LoadBalancerNames": "load_balancers",
                          "LaunchConfigurationName": "launch_configuration", "HealthCheckType": "health_check_type"})
    if chosen_by_aws(r, "vpc_zone_identifier"):
        props.pop("VPCZoneIdentifier", None)  # the default VPC's subnets in the zones it names
    if isinstance(props.get("LoadBalancerNames"), list):
        props["LoadBalancerNames"] = [_classic_balancer(c, name) for name in props["LoadBalancerNames"]]
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
    props = cfn_props(c, r, {"FunctionName": "function_name", "Runtime": "runtime", "Role": "role",
                          "MemorySize": "memory_size", "Timeout": "timeout", "Handler": "handler",
                          "PackageType": "package_type", "Architectures": "architectures",
                          "ReservedConcurrentExecutions": "reserved_concurrent_executions"})
    if props.get("ReservedConcurrentExecutions") == -1:
        del props["ReservedConcurrentExecutions"]  # Terraform's -1: no concurrency reserved
    vpc = c.block(r, "vpc_config")
    if vpc:
        props["VpcConfig"] = {"SubnetIds": vpc.get("subnet_ids"), "SecurityGroupIds": vpc.get("security_group_ids")}
    environment = r.values.get("environment")
    block = environment[0] if isinstance(environment, list) and environment else environment
    if isinstance(block, dict) and block:
        props["Environment"] = {"Variables": c.naming(block.get("variables"))}
    dead_letter = c.block(r, "dead_letter_config")
    if dead_letter:
        props["DeadLetterConfig"] = {"TargetArn": dead_letter.get("target_arn")}
    tracing = c.block(r, "tracing_config")
    if tracing:
        props["TracingConfig"] = {"Mode": tracing.get("mode")}
    return Translation("AWS::Lambda::Function", props)


def _ecs_service(c: Context, r: TfResource) -> Translation:
    props = cfn_props(c, r, {"Cluster": "cluster", "TaskDefinition": "task_definition", "DesiredCount": "desired_count",
                          "LaunchType": "launch_type", "ServiceName": "name"})
    props["LoadBalancers"] = [{"TargetGroupArn": b.get("target_group_arn"), "LoadBalancerName": b.get("elb_name"),
                               "ContainerName": b.get("container_name"), "ContainerPort": b.get("container_port")}
                              for b in c.blocks(r, "load_balancer")]
    network = c.block(r, "network_configuration")
    if network:
        props["NetworkConfiguration"] = {"AwsvpcConfiguration": {
            "Subnets": network.get("subnets"), "SecurityGroups": network.get("security_groups"),
            "AssignPublicIp": "ENABLED" if network.get("assign_public_ip") is True else "DISABLED"}}
    if r.values.get("desired_count") is None and r.values.get("scheduling_strategy") != "DAEMON":
        # The provider's default, unlike CloudFormation's (one task): a service that does not say runs none
        # until something (service auto scaling) sets its count.
        props["DesiredCount"] = 0
    registries = [{"RegistryArn": b.get("registry_arn")} for b in c.blocks(r, "service_registries")]
    if registries:
        props["ServiceRegistries"] = registries
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
    props = cfn_props(c, r, {"AutoScalingGroupName": "autoscaling_group_name", "PolicyType": "policy_type",
                          "AdjustmentType": "adjustment_type", "ScalingAdjustment": "scaling_adjustment"})
    steps = c.blocks(r, "step_adjustment")
    if steps:
        props["StepAdjustments"] = [{"ScalingAdjustment": step.get("scaling_adjustment")} for step in steps]
    tracking = c.block(r, "target_tracking_configuration")
    if tracking:
        props["TargetTrackingConfiguration"] = {"DisableScaleIn": tracking.get("disable_scale_in")}
    return Translation("AWS::AutoScaling::ScalingPolicy", props)


def _task_definition(c: Context, r: TfResource) -> Translation:
    props = cfn_props(c, r, {"RequiresCompatibilities": "requires_compatibilities", "TaskRoleArn": "task_role_arn",
                          "ExecutionRoleArn": "execution_role_arn", "NetworkMode": "network_mode", "Cpu": "cpu",
                          "Memory": "memory", "Family": "family"})
    containers = decode_json(c.naming(r.values.get("container_definitions")))
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
    props = cfn_props(c, r, {"RoleArn": "role_arn", "Version": "version", "Name": "name"})
    vpc = c.block(r, "vpc_config")
    props["ResourcesVpcConfig"] = {"SubnetIds": vpc.get("subnet_ids"),
                                   "SecurityGroupIds": vpc.get("security_group_ids"),
                                   "EndpointPublicAccess": vpc.get("endpoint_public_access")}
    if r.values.get("enabled_cluster_log_types"):
        types = c.get(r, "enabled_cluster_log_types")
        props["Logging"] = {"ClusterLogging": {"EnabledTypes": [{"Type": t} for t in as_list(types)]}}
    if c.blocks(r, "encryption_config"):
        props["EncryptionConfig"] = c.blocks(r, "encryption_config")
    return Translation("AWS::EKS::Cluster", props)


def _node_group(c: Context, r: TfResource) -> Translation:
    props = cfn_props(c, r, {"ClusterName": "cluster_name", "NodeRole": "node_role_arn", "Subnets": "subnet_ids",
                          "InstanceTypes": "instance_types"})
    scaling = c.block(r, "scaling_config")
    if scaling:
        props["ScalingConfig"] = {"DesiredSize": scaling.get("desired_size"), "MinSize": scaling.get("min_size"),
                                  "MaxSize": scaling.get("max_size")}
    return Translation("AWS::EKS::Nodegroup", props)


def _iam_role(c: Context, r: TfResource) -> Translation:
    props = cfn_props(c, r, {"RoleName": "name", "ManagedPolicyArns": "managed_policy_arns"})
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


def _role_attachment(c: Context, r: TfResource) -> Fold:
    return Fold(c.get(r, "role"), append_to("ManagedPolicyArns", c.get(r, "policy_arn")))


def _instance_profile(c: Context, r: TfResource) -> Translation:
    return Translation("AWS::IAM::InstanceProfile", {"Roles": [c.get(r, "role")] if r.values.get("role") else []})


#: The compute and IAM types.
def _ecr_repository(c: Context, r: TfResource) -> Translation:
    props = cfn_props(c, r, {"RepositoryName": "name", "ImageTagMutability": "image_tag_mutability"})
    if c.blocks(r, "image_scanning_configuration"):
        props["ImageScanningConfiguration"] = {
            "ScanOnPush": c.block(r, "image_scanning_configuration").get("scan_on_push")}
    if c.blocks(r, "encryption_configuration"):
        block = c.block(r, "encryption_configuration")
        props["EncryptionConfiguration"] = {"EncryptionType": block.get("encryption_type"),
                                            "KmsKey": block.get("kms_key")}
    return Translation("AWS::ECR::Repository", props)


def _ecr_registry_scanning(c: Context, r: TfResource) -> Translation:
    return Translation("AWS::ECR::RegistryScanningConfiguration", {
        "ScanType": c.get(r, "scan_type"),
        "Rules": [{"ScanFrequency": rule.get("scan_frequency"),
                   "RepositoryFilters": [{"Filter": item.get("filter"), "FilterType": item.get("filter_type")}
                                         for item in nested_blocks(rule, "repository_filter")]}
                  for rule in c.blocks(r, "rule")],
    })


COMPUTE: dict[str, Translator] = {
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
        append_to("TargetGroupARNs", c.get(r, "lb_target_group_arn")) if r.values.get("lb_target_group_arn")
        else append_to("LoadBalancerNames", _classic_balancer(c, c.get(r, "elb"))),
    ),
    "aws_autoscaling_policy": _autoscaling_policy,
    "aws_autoscaling_schedule": simple("AWS::AutoScaling::ScheduledAction",
                                       AutoScalingGroupName="autoscaling_group_name"),
    "aws_autoscaling_lifecycle_hook": simple("AWS::AutoScaling::LifecycleHook",
                                             AutoScalingGroupName="autoscaling_group_name",
                                             NotificationTargetARN="notification_target_arn"),
    "aws_autoscaling_notification": lambda c, r: Fold(
        c.get(r, "group_names"), append_to("NotificationConfigurations", {"TopicARN": c.get(r, "topic_arn")})
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
    "aws_lambda_provisioned_concurrency_config": lambda c, r: Fold(c.get(r, "function_name"), merge_into({})),
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
        append_to("ManagedPolicyArns", c.get(r, "policy_arn")),
    ),
    "aws_iam_instance_profile": _instance_profile,
    # Provider 5.7x's exclusive attachments: the complete list of a role's managed policies.
    "aws_iam_role_policy_attachments_exclusive": lambda c, r: Fold(c.get(r, "role_name"), merge_into(
        {"ManagedPolicyArns": c.get(r, "policy_arns")})),
    "aws_iam_role_policies_exclusive": lambda c, r: Fold(c.get(r, "role_name"), merge_into({})),
    "aws_key_pair": simple("AWS::EC2::KeyPair"),
    "aws_ecr_repository": _ecr_repository,
    "aws_service_discovery_service": simple("AWS::ServiceDiscovery::Service", Name="name"),
    "aws_service_discovery_instance": simple("AWS::ServiceDiscovery::Instance", ServiceId="service_id"),
    "aws_service_discovery_private_dns_namespace": simple("AWS::ServiceDiscovery::PrivateDnsNamespace",
                                                          Name="name", Vpc="vpc"),
    "aws_service_discovery_public_dns_namespace": simple("AWS::ServiceDiscovery::PublicDnsNamespace", Name="name"),
    "aws_service_discovery_http_namespace": simple("AWS::ServiceDiscovery::HttpNamespace", Name="name"),
    "aws_ecr_lifecycle_policy": lambda c, r: Fold(c.get(r, "repository"), merge_into(
        {"LifecyclePolicy": {"LifecyclePolicyText": c.get(r, "policy")}})),
    "aws_ecr_repository_policy": lambda c, r: Fold(c.get(r, "repository"), merge_into(
        {"RepositoryPolicyText": decode_json(c.get(r, "policy"))})),
    "aws_ecr_registry_scanning_configuration": _ecr_registry_scanning,
    "aws_ecr_replication_configuration": simple("AWS::ECR::ReplicationConfiguration"),
    "aws_ecr_registry_policy": simple("AWS::ECR::RegistryPolicy"),
    "aws_ecr_pull_through_cache_rule": simple("AWS::ECR::PullThroughCacheRule"),
    "aws_ecr_repository_creation_template": simple("AWS::ECR::RepositoryCreationTemplate"),
}

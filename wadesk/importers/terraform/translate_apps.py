"""Terraform's App Runner, Aurora DSQL and Directory Service types onto CloudFormation's (mapped by
``importers/cfn/mapping_compute.py``, ``mapping_data.py`` and ``mapping_services.py``)."""

from __future__ import annotations

from typing import Any

from wadesk.importers.terraform.translate import Context, Translation, Translator
from wadesk.importers.terraform.translate_common import cfn_props, first_block
from wadesk.importers.terraform.values import TfResource


def _variables(c: Context, block: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """A map of environment variables (or secrets) as CloudFormation's list of Name/Value pairs."""
    found = block.get(name)
    if not isinstance(found, dict):
        return []
    return [{"Name": key, "Value": c.naming(value)} for key, value in found.items()]


def _app_runner_service(c: Context, r: TfResource) -> Translation:
    props = cfn_props(c, r, {"ServiceName": "service_name"})
    source = c.block(r, "source_configuration")
    image = first_block(source, "image_repository", "image_configuration")
    code = first_block(source, "code_repository", "code_configuration", "code_configuration_values")
    props["SourceConfiguration"] = {
        "ImageRepository": {"ImageConfiguration": {
            "RuntimeEnvironmentVariables": _variables(c, image, "runtime_environment_variables"),
            "RuntimeEnvironmentSecrets": _variables(c, image, "runtime_environment_secrets"),
        }},
        "CodeRepository": {"CodeConfiguration": {"CodeConfigurationValues": {
            "RuntimeEnvironmentVariables": _variables(c, code, "runtime_environment_variables"),
            "RuntimeEnvironmentSecrets": _variables(c, code, "runtime_environment_secrets"),
        }}},
    }
    instance = c.block(r, "instance_configuration")
    if instance:
        props["InstanceConfiguration"] = {"InstanceRoleArn": instance.get("instance_role_arn")}
    network = c.block(r, "network_configuration")
    if network:
        ingress = first_block(network, "ingress_configuration")
        egress = first_block(network, "egress_configuration")
        props["NetworkConfiguration"] = {
            "IngressConfiguration": {"IsPubliclyAccessible": ingress.get("is_publicly_accessible")},
            "EgressConfiguration": {
                "EgressType": egress.get("egress_type"),
                "VpcConnectorArn": egress.get("vpc_connector_arn"),
            },
        }
    observability = c.block(r, "observability_configuration")
    if observability:
        props["ObservabilityConfiguration"] = {
            "ObservabilityEnabled": observability.get("observability_enabled"),
            "ObservabilityConfigurationArn": observability.get("observability_configuration_arn"),
        }
    encryption = c.block(r, "encryption_configuration")
    if encryption:
        props["EncryptionConfiguration"] = {"KmsKey": encryption.get("kms_key")}
    return Translation("AWS::AppRunner::Service", props)


def _observability(c: Context, r: TfResource) -> Translation:
    trace = c.block(r, "trace_configuration")
    return Translation(
        "AWS::AppRunner::ObservabilityConfiguration",
        {"TraceConfiguration": {"Vendor": trace.get("vendor")}} if trace else {},
    )


def _directory(c: Context, r: TfResource) -> Translation:
    """Terraform's one directory type: Simple AD unless ``type`` says Microsoft AD (an AD Connector has no
    CloudFormation type, so it stays a generic resource)."""
    kind = c.get(r, "type") if r.values.get("type") is not None else "SimpleAD"
    settings = c.block(r, "vpc_settings")
    props: dict[str, Any] = {"VpcSettings": {"VpcId": settings.get("vpc_id"), "SubnetIds": settings.get("subnet_ids")}}
    if kind == "MicrosoftAD":
        props.update(cfn_props(c, r, {"Edition": "edition"}))
        return Translation("AWS::DirectoryService::MicrosoftAD", props)
    if kind == "SimpleAD":
        props.update(cfn_props(c, r, {"Size": "size"}))
        return Translation("AWS::DirectoryService::SimpleAD", props)
    return Translation("AWS::DirectoryService::ADConnector", props)


APPS: dict[str, Translator] = {
    "aws_apprunner_service": _app_runner_service,
    "aws_apprunner_vpc_connector": lambda c, r: Translation(
        "AWS::AppRunner::VpcConnector", cfn_props(c, r, {"Subnets": "subnets", "SecurityGroups": "security_groups"})
    ),
    "aws_apprunner_observability_configuration": _observability,
    "aws_apprunner_auto_scaling_configuration_version": lambda c, r: Translation(
        "AWS::AppRunner::AutoScalingConfiguration", {}
    ),
    "aws_dsql_cluster": lambda c, r: Translation(
        "AWS::DSQL::Cluster",
        cfn_props(c, r, {"DeletionProtectionEnabled": "deletion_protection_enabled",
                         "KmsEncryptionKey": "kms_encryption_key"}),
    ),
    "aws_directory_service_directory": _directory,
}

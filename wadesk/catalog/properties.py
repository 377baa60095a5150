"""Typed property schemas of every kind (SPEC section 3), as strict pydantic models.

Defaults follow what AWS does for a resource created by CloudFormation
today unless the SPEC says otherwise. Property names are part of the file
format: never rename one.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Props(BaseModel):
    """Base of every property schema: strict types, no unknown names."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class NoProps(Props):
    """A kind without properties of its own."""


# ------------------------------------------------------------------ containers
class AwsCloudProps(Props):
    account: str = Field("", description="AWS account id or name")


class RegionProps(Props):
    name: str = Field("", description="Region code, such as eu-west-1")


class AvailabilityZoneProps(Props):
    name: str = Field("", description="Availability Zone name, such as eu-west-1a")


class VpcProps(Props):
    cidr: str = Field("10.0.0.0/16", description="IPv4 CIDR block")
    flow_logs: bool = Field(False, description="VPC flow logs are delivered somewhere")


class SubnetProps(Props):
    public: bool = Field(False, description="Routes 0.0.0.0/0 to an internet gateway")
    availability_zone: str = Field("", description="Availability Zone of the subnet")
    cidr: str = Field("", description="IPv4 CIDR block")
    map_public_ip_on_launch: bool = Field(False, description="Instances launched here get a public IPv4")


class IngressRule(Props):
    cidr: str = Field("0.0.0.0/0", description="Source CIDR (IPv4 or IPv6)")
    port_from: int = Field(0, ge=0, le=65535, description="First port of the range")
    port_to: int = Field(65535, ge=0, le=65535, description="Last port of the range")
    protocol: str = Field("tcp", description="tcp, udp, icmp or -1 for all")


class SecurityGroupProps(Props):
    ingress: list[IngressRule] = Field(default_factory=list, description="Inbound rules")
    is_default: bool = Field(False, description="The VPC's default security group")


class AutoScalingGroupProps(Props):
    min_size: int = Field(1, ge=0)
    max_size: int = Field(1, ge=0)
    desired_capacity: int = Field(1, ge=0)
    subnets: list[str] = Field(default_factory=list, description="Ids of the subnet nodes the group spans")
    health_check_type: Literal["EC2", "ELB"] = Field("EC2", description="How unhealthy instances are detected")
    scaling_policy: bool = Field(False, description="A target-tracking or step scaling policy is attached")


# --------------------------------------------------------------------- actors
class ActorProps(Props):
    description: str = Field("", description="Who or what this is")


# -------------------------------------------------------------------- compute
PurchaseOption = Literal["on-demand", "reserved", "savings-plan", "spot"]
Workload = Literal["application", "web", "database", "cache", "message_broker", "bastion", "batch", "other"]


class Ec2Props(Props):
    instance_type: str = Field("t3.micro")
    public_ip: bool = Field(False, description="Has a public IPv4 address")
    imdsv2_required: bool = Field(False, description="Instance metadata requires session tokens (IMDSv2)")
    ebs_encrypted: bool = Field(False, description="Root and data volumes are encrypted")
    detailed_monitoring: bool = Field(False, description="One-minute CloudWatch metrics")
    patch_managed: bool = Field(False, description="Patched by Systems Manager Patch Manager")
    workload: Workload = Field("application", description="What the instance runs")
    purchase_option: PurchaseOption = Field("on-demand", description="How its capacity is paid for")


class LambdaProps(Props):
    runtime: str = Field("python3.12")
    reserved_concurrency: int | None = Field(None, ge=0)
    dead_letter_queue: bool = Field(False)
    tracing: bool = Field(False, description="X-Ray active tracing")
    in_vpc: bool = Field(False, description="Attached to VPC subnets")
    package_type: Literal["zip", "image"] = Field("zip", description="Deployed as a zip archive or a container image")
    architecture: Literal["x86_64", "arm64"] = Field("x86_64")
    memory_mb: int = Field(128, ge=128, le=10240)
    timeout_s: int = Field(3, ge=1, le=900)


class EcsServiceProps(Props):
    launch_type: Literal["FARGATE", "EC2"] = Field("FARGATE")
    desired_count: int = Field(1, ge=0)
    assign_public_ip: bool = Field(False)
    container_insights: bool = Field(False)
    autoscaling: bool = Field(False, description="Service auto scaling is configured")
    architecture: Literal["x86_64", "arm64"] = Field("x86_64")


class FargateTaskProps(Props):
    count: int = Field(1, ge=0)
    assign_public_ip: bool = Field(False)
    architecture: Literal["x86_64", "arm64"] = Field("x86_64")


class EksClusterProps(Props):
    version: str = Field("1.31")
    node_type: Literal["managed", "self-managed", "fargate", "auto-mode"] = Field("managed")
    endpoint_public_access: bool = Field(True)
    secrets_encryption: bool = Field(False, description="Kubernetes secrets envelope-encrypted with KMS")
    control_plane_logging: bool = Field(False)
    node_count: int = Field(2, ge=0)


class ElasticBeanstalkProps(Props):
    environment_type: Literal["load-balanced", "single-instance"] = Field("load-balanced")
    managed_updates: bool = Field(False)
    enhanced_health: bool = Field(False)


class BatchProps(Props):
    compute_type: Literal["FARGATE", "FARGATE_SPOT", "EC2", "SPOT"] = Field("EC2")


# -------------------------------------------------------------------- storage
class S3Props(Props):
    block_public_access: bool = Field(True)
    encryption: Literal["SSE-S3", "SSE-KMS", "none"] = Field("SSE-S3")
    versioning: bool = Field(False)
    access_logging: bool = Field(False)
    lifecycle_rules: bool = Field(False)
    website_hosting: bool = Field(False)
    replication: bool = Field(False, description="Cross-Region or same-Region replication")


class EbsProps(Props):
    encrypted: bool = Field(False)
    volume_type: Literal["gp3", "gp2", "io1", "io2", "st1", "sc1", "standard"] = Field("gp2")


class EfsProps(Props):
    encrypted: bool = Field(False)
    backup: bool = Field(False, description="Automatic backups through AWS Backup")
    one_zone: bool = Field(False, description="One Zone storage class")
    lifecycle_policy: bool = Field(False, description="Moves cold files to Infrequent Access")


class FsxProps(Props):
    deployment: Literal["single-az", "multi-az"] = Field("single-az")
    backup_retention_days: int = Field(7, ge=0)


class GlacierProps(Props):
    vault_lock: bool = Field(False)


class BackupProps(Props):
    vault_kms: bool = Field(False, description="Vault encrypted with a customer-managed key")
    cross_region_copy: bool = Field(False)


# ------------------------------------------------------------------- database
class RdsProps(Props):
    engine: str = Field("postgres")
    instance_class: str = Field("db.t3.micro")
    multi_az: bool = Field(False)
    storage_encrypted: bool = Field(False)
    publicly_accessible: bool = Field(False)
    backup_retention_days: int = Field(1, ge=0, le=35)
    deletion_protection: bool = Field(False)
    iam_auth: bool = Field(False)
    auto_minor_version_upgrade: bool = Field(True)
    performance_insights: bool = Field(False)
    log_exports: bool = Field(False, description="Database logs exported to CloudWatch Logs")
    purchase_option: PurchaseOption = Field("on-demand")


class AuroraProps(RdsProps):
    engine: str = Field("aurora-postgresql")
    instance_class: str = Field("db.r6g.large")


class DynamoDbProps(Props):
    point_in_time_recovery: bool = Field(False)
    kms_encryption: bool = Field(False)
    billing_mode: Literal["PROVISIONED", "PAY_PER_REQUEST"] = Field("PROVISIONED")
    autoscaling: bool = Field(False)
    deletion_protection: bool = Field(False)
    global_table: bool = Field(False)


class ElastiCacheProps(Props):
    engine: Literal["redis", "valkey", "memcached"] = Field("redis")
    replicas: int = Field(0, ge=0)
    encryption_at_rest: bool = Field(False)
    encryption_in_transit: bool = Field(False)
    automatic_failover: bool = Field(False)
    snapshot_retention_days: int = Field(0, ge=0)
    auto_minor_version_upgrade: bool = Field(True)


class RedshiftProps(Props):
    node_type: str = Field("ra3.xlplus")
    node_count: int = Field(1, ge=1)
    encrypted: bool = Field(True)
    publicly_accessible: bool = Field(False)
    require_ssl: bool = Field(False)
    audit_logging: bool = Field(False)
    snapshot_retention_days: int = Field(1, ge=0)


class DocumentDbProps(Props):
    instances: int = Field(1, ge=1)
    storage_encrypted: bool = Field(False)
    backup_retention_days: int = Field(1, ge=1)
    deletion_protection: bool = Field(False)
    audit_logs: bool = Field(False)


class NeptuneProps(Props):
    instances: int = Field(1, ge=1)
    storage_encrypted: bool = Field(False)
    backup_retention_days: int = Field(1, ge=1)
    iam_auth: bool = Field(False)
    deletion_protection: bool = Field(False)


class OpenSearchProps(Props):
    instance_count: int = Field(1, ge=1)
    zone_awareness: bool = Field(False)
    dedicated_masters: bool = Field(False)
    encryption_at_rest: bool = Field(False)
    node_to_node_encryption: bool = Field(False)
    enforce_https: bool = Field(False)
    fine_grained_access: bool = Field(False)
    audit_logs: bool = Field(False)


# ----------------------------------------------------------------- networking
class LoadBalancerProps(Props):
    scheme: Literal["internet-facing", "internal"] = Field("internet-facing")
    https_only: bool = Field(False)
    access_logs: bool = Field(False)
    deletion_protection: bool = Field(False)
    subnets: list[str] = Field(default_factory=list, description="Ids of the subnet nodes it is attached to")


class CloudFrontProps(Props):
    viewer_protocol: Literal["allow-all", "redirect-to-https", "https-only"] = Field("allow-all")
    origin_access_control: bool = Field(False)
    access_logs: bool = Field(False)
    origin_failover: bool = Field(False, description="An origin group fails over to a second origin")


class ApiGatewayProps(Props):
    authorization: Literal["none", "iam", "cognito", "lambda"] = Field("none")
    throttling: bool = Field(False)
    access_logs: bool = Field(False)
    tracing: bool = Field(False, description="X-Ray tracing on the stage")
    caching: bool = Field(False, description="Stage cache enabled")
    endpoint_type: Literal["EDGE", "REGIONAL", "PRIVATE"] = Field("EDGE")


class Route53Props(Props):
    routing_policy: Literal["simple", "failover", "latency", "weighted", "geolocation"] = Field("simple")
    health_checks: bool = Field(False)
    query_logging: bool = Field(False)


class VpcEndpointProps(Props):
    service: str = Field("s3", description="The AWS service it reaches, such as s3 or dynamodb")
    endpoint_type: Literal["gateway", "interface"] = Field("gateway")


class DirectConnectProps(Props):
    connections: int = Field(1, ge=1, description="Dedicated connections at separate locations")


class VpnGatewayProps(Props):
    tunnels: int = Field(2, ge=1, le=2)


# ------------------------------------------------------------------- security
class WafProps(Props):
    logging: bool = Field(False)
    managed_rules: bool = Field(True, description="AWS managed rule groups are in the web ACL")


class ShieldProps(Props):
    advanced: bool = Field(False)


class IamRoleProps(Props):
    wildcard_permissions: bool = Field(False, description='A policy allows Action "*" on Resource "*"')


class KmsProps(Props):
    rotation: bool = Field(False, description="Automatic yearly key rotation")


class SecretsManagerProps(Props):
    rotation: bool = Field(False, description="Automatic secret rotation")


class CognitoProps(Props):
    mfa: Literal["off", "optional", "on"] = Field("off")
    advanced_security: bool = Field(False)


class DetectorProps(Props):
    enabled: bool = Field(True)


# ----------------------------------------------------------------- management
class CloudTrailProps(Props):
    multi_region: bool = Field(False)
    log_file_validation: bool = Field(False)
    kms_encryption: bool = Field(False)
    cloudwatch_logs: bool = Field(False)


class CloudWatchProps(Props):
    log_retention_days: int = Field(0, ge=0, description="0 keeps logs forever")
    alarms: bool = Field(True, description="Alarms are defined on the metrics it receives")


class ConfigProps(Props):
    all_resources: bool = Field(True, description="The recorder records every resource type")


# ---------------------------------------------------------------- integration
class SqsProps(Props):
    encryption: bool = Field(True, description="Server-side encryption (SSE-SQS or SSE-KMS)")
    dead_letter_queue: bool = Field(False)
    fifo: bool = Field(False)


class SnsProps(Props):
    encryption: bool = Field(False)
    fifo: bool = Field(False)


class EventBridgeProps(Props):
    dead_letter_queue: bool = Field(False)
    archive: bool = Field(False)


class StepFunctionsProps(Props):
    workflow_type: Literal["STANDARD", "EXPRESS"] = Field("STANDARD")
    logging: bool = Field(False)
    tracing: bool = Field(False)


class KinesisProps(Props):
    encryption: bool = Field(False)
    capacity_mode: Literal["PROVISIONED", "ON_DEMAND"] = Field("PROVISIONED")
    retention_hours: int = Field(24, ge=24, le=8760)


class MskProps(Props):
    broker_count: int = Field(3, ge=1)
    encryption_in_transit: Literal["TLS", "TLS_PLAINTEXT", "PLAINTEXT"] = Field("TLS")
    public_access: bool = Field(False)


class MqProps(Props):
    deployment_mode: Literal["SINGLE_INSTANCE", "ACTIVE_STANDBY_MULTI_AZ", "CLUSTER_MULTI_AZ"] = Field(
        "SINGLE_INSTANCE"
    )
    publicly_accessible: bool = Field(False)
    auto_minor_version_upgrade: bool = Field(True)


# ------------------------------------------------------------------ analytics
class AthenaProps(Props):
    results_encrypted: bool = Field(False)


class GlueProps(Props):
    encryption: bool = Field(False, description="A security configuration encrypts outputs and logs")


class EmrProps(Props):
    instance_count: int = Field(3, ge=1)
    encryption: bool = Field(False, description="A security configuration encrypts at rest and in transit")
    public_master: bool = Field(False)


class SageMakerProps(Props):
    direct_internet_access: bool = Field(True)
    root_access: bool = Field(True)
    kms_encryption: bool = Field(False)


# ---------------------------------------------------------------------- edges
Protocol = Literal["https", "http", "tcp", "tls", "sql", "other"]


class EdgeProps(Props):
    """Properties of every flow. ``encrypted`` defaults to true for https and tls."""

    protocol: Protocol = Field("other")
    port: int | None = Field(None, ge=0, le=65535)
    encrypted: bool = Field(False)
    dead_letter: bool = Field(False, description="The target is the source's dead-letter queue")


def default_encrypted(protocol: str) -> bool:
    """Whether a flow of ``protocol`` is encrypted unless said otherwise."""
    return protocol in ("https", "tls")

"""Typed property schemas of every kind (SPEC section 3), as strict pydantic models.

Defaults follow what AWS does for a resource created by CloudFormation
today unless the SPEC says otherwise. Property names are part of the file
format: never rename one. The storage, database, integration and analytics kinds' schemas are in
:mod:`wadesk.catalog.properties_data`. Each schema is written as a pydantic model is, and becomes one
on first use (:func:`wadesk.catalog.schema.model_of`; ``Kind.props_schema`` gives a kind's).
"""

from __future__ import annotations

from typing import Literal

from wadesk.catalog.known_values import IpCidr, Ipv4Cidr, Ipv4CidrOrEmpty
from wadesk.catalog.schema import Field, Props


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
    cidr: Ipv4Cidr = Field("10.0.0.0/16", description="IPv4 CIDR block")
    flow_logs: bool = Field(False, description="VPC flow logs are delivered somewhere")
    default_sg_restricted: bool = Field(
        False,
        description="The VPC's default security group has had every rule removed: it lets no traffic in or out",
    )
    defined_elsewhere: bool = Field(
        False,
        description="Stands for a VPC from another stack or module: its settings are not in the design",
    )


class SubnetProps(Props):
    public: bool = Field(False, description="Routes 0.0.0.0/0 to an internet gateway")
    availability_zone: str = Field("", description="Availability Zone of the subnet")
    cidr: Ipv4CidrOrEmpty = Field("", description="IPv4 CIDR block")
    map_public_ip_on_launch: bool = Field(False, description="Instances launched here get a public IPv4")
    defined_elsewhere: bool = Field(
        False,
        description="Stands for a subnet from another stack or module: its settings are not in the design",
    )


class IngressRule(Props):
    cidr: IpCidr = Field("0.0.0.0/0", description="Source CIDR (IPv4 or IPv6)")
    port_from: int = Field(0, ge=0, le=65535, description="First port of the range")
    port_to: int = Field(65535, ge=0, le=65535, description="Last port of the range")
    protocol: str = Field("tcp", description="tcp, udp, icmp or -1 for all")
    description: str = Field("", description="What the rule is for (AWS stores none unless one is given)")


class EgressRule(Props):
    cidr: IpCidr = Field("0.0.0.0/0", description="Destination CIDR (IPv4 or IPv6)")
    port_from: int = Field(0, ge=0, le=65535, description="First port of the range")
    port_to: int = Field(65535, ge=0, le=65535, description="Last port of the range")
    protocol: str = Field("tcp", description="tcp, udp, icmp or -1 for all")
    description: str = Field("", description="What the rule is for (AWS stores none unless one is given)")


class GroupRule(Props):
    direction: Literal["ingress", "egress"] = Field(
        "ingress", description="Inbound (the peer group's members may connect) or outbound (to the peer's members)"
    )
    peer: str = Field(
        "", description="The other security group: its node id when it is drawn, else its id as the source gives it"
    )
    port_from: int = Field(0, ge=0, le=65535, description="First port of the range")
    port_to: int = Field(65535, ge=0, le=65535, description="Last port of the range")
    protocol: str = Field("tcp", description="tcp, udp, icmp or -1 for all")
    description: str = Field("", description="What the rule is for (AWS stores none unless one is given)")


class SecurityGroupProps(Props):
    ingress: list[IngressRule] = Field(default_factory=list, description="Inbound rules")
    egress: list[EgressRule] = Field(
        default_factory=list,
        description="Outbound rules it declares (one that declares none keeps AWS's allow-all rule, not listed)",
    )
    group_rules: list[GroupRule] = Field(
        default_factory=list,
        description="Rules whose peer is a security group, not an address range (drawn as flows between members)",
    )
    is_default: bool = Field(False, description="The VPC's default security group")
    attached_elsewhere: bool = Field(
        False,
        description="Attached to network interfaces the design draws no node for (a VPC link's, or an interface "
        "attached to no instance): the group is in use though no node sits in it",
    )
    defined_elsewhere: bool = Field(
        False,
        description="Stands for a security group from another stack or module: its settings are not in the design",
    )
    copy_of: str = Field(
        "",
        description="Id of the security-group node this box draws again (a group drawn in each subnet holding its "
        "members): findings about the group's own rules are reported once",
    )


class AutoScalingGroupProps(Props):
    min_size: int = Field(1, ge=0, description="Fewest instances the group keeps running")
    max_size: int = Field(1, ge=0, description="Most instances the group may scale out to")
    desired_capacity: int = Field(1, ge=0, description="Number of instances the group tries to keep running")
    subnets: list[str] = Field(default_factory=list, description="Ids of the subnet nodes the group spans")
    health_check_type: Literal["EC2", "ELB"] = Field("EC2", description="How unhealthy instances are detected")
    scaling_policy: bool = Field(False, description="A target-tracking or step scaling policy is attached")
    scheduled_scaling: bool = Field(
        False, description="Scheduled actions change the group's size at set times (scheduled scaling)"
    )
    scales_in: bool = Field(
        True,
        description=(
            "Its scaling policies can lower the desired capacity; false when each one only adds instances "
            "(positive simple or step adjustments, target tracking with scale-in disabled)"
        ),
    )


class ModuleResourceProps(Props):
    """Base of the kinds a registry module that is not on disk can stand for (terraform-aws-modules/eks/aws)."""

    defined_elsewhere: bool = Field(
        False,
        description="Stands for what a module not on disk creates: its settings are not in the design",
    )


# --------------------------------------------------------------------- actors
class ActorProps(Props):
    description: str = Field("", description="Who or what this is")


# -------------------------------------------------------------------- compute
PurchaseOption = Literal["on-demand", "reserved", "savings-plan", "spot"]
Workload = Literal[
    "application", "web", "database", "cache", "message_broker", "bastion", "batch", "container_host", "other"
]


class Ec2Props(ModuleResourceProps):
    instance_type: str = Field("t3.micro", description="EC2 instance type, such as t3.micro or m7g.large")
    public_ip: bool = Field(False, description="Has a public IPv4 address")
    imdsv2_required: bool = Field(False, description="Instance metadata requires session tokens (IMDSv2)")
    ebs_encrypted: bool = Field(False, description="Root and data volumes are encrypted")
    detailed_monitoring: bool = Field(False, description="One-minute CloudWatch metrics")
    patch_managed: bool = Field(
        False, description="A Systems Manager Patch Manager baseline and maintenance window patch it"
    )
    ssm_agent: bool = Field(
        False, description="The SSM agent runs with an instance profile that lets Systems Manager manage it"
    )
    workload: Workload = Field("application", description="What the instance runs")
    purchase_option: PurchaseOption = Field("on-demand", description="How its capacity is paid for")


class LambdaProps(ModuleResourceProps):
    runtime: str = Field("python3.12", description="Lambda runtime identifier, such as python3.12 or nodejs20.x")
    reserved_concurrency: int | None = Field(
        None, ge=0, description="Concurrent executions reserved for the function; none means unreserved"
    )
    dead_letter_queue: bool = Field(
        False, description="Failed asynchronous invocations go to an SQS queue or SNS topic"
    )
    tracing: bool = Field(False, description="X-Ray active tracing")
    in_vpc: bool = Field(False, description="Attached to VPC subnets")
    subnets: list[str] = Field(
        default_factory=list, description="Ids of the subnet nodes it is attached to (it runs in each one's AZ)"
    )
    package_type: Literal["zip", "image"] = Field("zip", description="Deployed as a zip archive or a container image")
    architecture: Literal["x86_64", "arm64"] = Field(
        "x86_64", description="Instruction set the function runs on (arm64 is Graviton)"
    )
    memory_mb: int = Field(128, ge=128, le=10240, description="Memory allocated in MB; CPU is allocated in proportion")
    timeout_s: int = Field(3, ge=1, le=900, description="Longest an invocation may run, in seconds")


class EcsServiceProps(Props):
    launch_type: Literal["FARGATE", "EC2"] = Field(
        "FARGATE", description="Tasks run on Fargate or on EC2 container instances"
    )
    desired_count: int = Field(1, ge=0, description="Number of tasks the service keeps running")
    assign_public_ip: bool = Field(False, description="Tasks get a public IPv4 address")
    container_insights: bool = Field(False, description="CloudWatch Container Insights collects metrics")
    autoscaling: bool = Field(False, description="Service auto scaling is configured")
    architecture: Literal["x86_64", "arm64"] = Field(
        "x86_64", description="CPU architecture of the tasks (arm64 is Graviton)"
    )


class FargateTaskProps(Props):
    count: int = Field(1, ge=0, description="Number of tasks run")
    assign_public_ip: bool = Field(False, description="Tasks get a public IPv4 address")
    architecture: Literal["x86_64", "arm64"] = Field(
        "x86_64", description="CPU architecture of the task (arm64 is Graviton)"
    )


class EksClusterProps(ModuleResourceProps):
    version: str = Field("1.31", description="Kubernetes version of the control plane, such as 1.31")
    node_type: Literal["managed", "self-managed", "fargate", "auto-mode"] = Field(
        "managed", description="How worker nodes are run: managed, self-managed, Fargate or Auto Mode"
    )
    endpoint_public_access: bool = Field(
        True, description="The Kubernetes API server endpoint is reachable from the internet"
    )
    secrets_encryption: bool = Field(False, description="Kubernetes secrets envelope-encrypted with KMS")
    control_plane_logging: bool = Field(
        False, description="Control plane logs (API, audit, authenticator) go to CloudWatch Logs"
    )
    node_count: int = Field(2, ge=0, description="Number of worker nodes")


class ElasticBeanstalkProps(Props):
    environment_type: Literal["load-balanced", "single-instance"] = Field(
        "load-balanced", description="Load-balanced, auto-scaled environment or a single instance"
    )
    managed_updates: bool = Field(False, description="Managed platform updates are applied in a maintenance window")
    enhanced_health: bool = Field(False, description="Enhanced health reporting is on")


class BatchProps(Props):
    compute_type: Literal["FARGATE", "FARGATE_SPOT", "EC2", "SPOT"] = Field(
        "EC2", description="Compute environment type: Fargate or EC2, on demand or Spot"
    )


class EcsClusterProps(ModuleResourceProps):
    container_insights: bool = Field(False, description="CloudWatch Container Insights collects cluster metrics")
    capacity: Literal["FARGATE", "EC2", "mixed"] = Field(
        "FARGATE", description="Where its tasks run: Fargate, EC2 container instances, or both"
    )



class EcrProps(Props):
    scan_on_push: bool = Field(
        False, description="Each image pushed is scanned for known vulnerabilities (by the repository or the registry)"
    )
    tag_immutability: bool = Field(False, description="A tag, once pushed, cannot be moved to another image")
    encryption: Literal["AES256", "KMS"] = Field(
        "AES256", description="Images at rest: encrypted with AES-256 keys ECR manages, or with a KMS key"
    )
    lifecycle_policy: bool = Field(False, description="A lifecycle policy expires old or untagged images")


# ----------------------------------------------------------------- networking
class LoadBalancerProps(ModuleResourceProps):
    scheme: Literal["internet-facing", "internal"] = Field(
        "internet-facing", description="Internet-facing (public IPs) or internal (private IPs only)"
    )
    https_only: bool = Field(False, description="Listeners accept only HTTPS or TLS; plain HTTP at most redirects")
    access_logs: bool = Field(False, description="Access logs are delivered to S3")
    deletion_protection: bool = Field(False, description="The load balancer cannot be deleted until protection is off")
    subnets: list[str] = Field(default_factory=list, description="Ids of the subnet nodes it is attached to")
    targets_elsewhere: bool = Field(
        False,
        description="Its targets are registered outside the design (another stack adds the listener rules or target "
        "groups): a design that draws none of its targets does not say it forwards nothing",
    )
    tls_policy: str = Field(
        "",
        description=(
            "Security policy of its HTTPS, TLS or SSL listeners (the weakest, when they differ), such as "
            "ELBSecurityPolicy-TLS13-1-2-2021-06; empty when it has none or the design does not say. A listener "
            "created by CloudFormation, the CLI or the CDK without one gets ELBSecurityPolicy-2016-08"
        ),
    )


class AlbProps(LoadBalancerProps):
    drop_invalid_header_fields: bool = Field(
        False, description="Requests with header fields that are not valid HTTP are dropped before routing"
    )


class CloudFrontProps(Props):
    viewer_protocol: Literal["allow-all", "redirect-to-https", "https-only"] = Field(
        "allow-all", description="Viewer protocol policy: allow HTTP, redirect it to HTTPS, or HTTPS only"
    )
    origin_access_control: bool = Field(
        False, description="An origin access control restricts the S3 origin to CloudFront"
    )
    access_logs: bool = Field(False, description="Standard access logs are delivered")
    origin_failover: bool = Field(False, description="An origin group fails over to a second origin")
    custom_certificate: bool = Field(
        False, description="Serves an ACM or IAM certificate for its own domain names, not the *.cloudfront.net one"
    )
    minimum_protocol_version: str = Field(
        "TLSv1",
        description=(
            "Viewer security policy with a custom certificate, such as TLSv1.2_2021 (with the default "
            "certificate CloudFront always uses TLSv1)"
        ),
    )


class ApiGatewayProps(Props):
    authorization: Literal["none", "iam", "cognito", "lambda"] = Field(
        "none", description="How callers are authorized: none, IAM, Cognito or a Lambda authorizer"
    )
    throttling: bool = Field(False, description="Stage or usage-plan throttling limits are set")
    access_logs: bool = Field(False, description="Stage access logs are sent to CloudWatch Logs")
    tracing: bool = Field(False, description="X-Ray tracing on the stage")
    caching: bool = Field(False, description="Stage cache enabled")
    endpoint_type: Literal["EDGE", "REGIONAL", "PRIVATE"] = Field(
        "EDGE", description="Edge-optimized, Regional or private (VPC-only) endpoint"
    )
    open_routes: list[str] = Field(
        default_factory=list,
        description=(
            "Routes (method and path, such as GET /health) that authorize no caller; CORS preflight OPTIONS "
            "methods are not routes. authorization is that of the other routes unless every route is open"
        ),
    )


class Route53Props(Props):
    routing_policy: Literal["simple", "failover", "latency", "weighted", "geolocation"] = Field(
        "simple", description="Record routing policy, such as failover or latency"
    )
    health_checks: bool = Field(False, description="Health checks decide which records are answered")
    query_logging: bool = Field(False, description="DNS query logging is enabled")
    defined_elsewhere: bool = Field(
        False,
        description="Stands for a hosted zone from another stack or account: only its records are in the design",
    )


class VpcEndpointProps(Props):
    service: str = Field("s3", description="The AWS service it reaches, such as s3 or dynamodb")
    endpoint_type: Literal["gateway", "interface"] = Field(
        "gateway", description="Gateway endpoint (route table entry) or interface endpoint (ENI)"
    )


class DirectConnectProps(Props):
    connections: int = Field(1, ge=1, description="Dedicated connections at separate locations")


class VpnGatewayProps(Props):
    tunnels: int = Field(2, ge=1, le=2, description="IPsec tunnels in use of the Site-to-Site VPN connection")


# ------------------------------------------------------------------- security
class WafProps(Props):
    logging: bool = Field(False, description="Web ACL traffic logging is enabled")
    managed_rules: bool = Field(True, description="AWS managed rule groups are in the web ACL")


class ShieldProps(Props):
    advanced: bool = Field(False, description="Shield Advanced protection (Shield Standard is always on)")


class IamRoleProps(Props):
    wildcard_permissions: bool = Field(
        False,
        description='A policy allows Action "*" on Resource "*" (or NotResource), under no condition that narrows it',
    )
    service_wildcards: list[str] = Field(
        default_factory=list,
        description='Whole action sets of a service (s3:*, or "* except ..." of a NotAction) allowed on Resource "*"',
    )
    permissions_on_all: list[str] = Field(
        default_factory=list,
        description='Actions that grant, change or take on permissions (iam:PassRole, sts:AssumeRole...) on "*"',
    )
    credentials_on_all: list[str] = Field(
        default_factory=list, description='Actions that return credentials (iam:CreateAccessKey...) on Resource "*"'
    )
    data_reads_on_all: list[str] = Field(
        default_factory=list,
        description='Reads of data or secrets (s3:GetObject, secretsmanager:GetSecretValue...) on Resource "*"',
    )
    writes_on_all: list[str] = Field(
        default_factory=list, description='Other write actions (dynamodb:PutItem, sqs:SendMessage...) on Resource "*"'
    )


class KmsProps(Props):
    rotation: bool = Field(False, description="Automatic yearly key rotation")


class SecretsManagerProps(Props):
    rotation: bool = Field(False, description="Automatic secret rotation")


class CognitoProps(Props):
    mfa: Literal["off", "optional", "on"] = Field(
        "off", description="Multi-factor authentication: off, optional or required"
    )
    advanced_security: bool = Field(False, description="Advanced security features (threat protection) are enabled")


class DetectorProps(Props):
    enabled: bool = Field(True, description="The service is enabled in the account and Region")


# ----------------------------------------------------------------- management
class CloudTrailProps(Props):
    multi_region: bool = Field(False, description="The trail records events from every Region")
    log_file_validation: bool = Field(False, description="Log file integrity validation (digest files) is on")
    kms_encryption: bool = Field(False, description="Log files are encrypted with a KMS key (SSE-KMS)")
    cloudwatch_logs: bool = Field(False, description="Events are also delivered to CloudWatch Logs")


class CloudWatchProps(Props):
    holds_logs: bool = Field(
        True, description="Holds log groups (logs sent to it); false when it holds only metrics and alarms"
    )
    log_retention_days: int = Field(0, ge=0, description="0 keeps logs forever")
    kms_key: bool = Field(
        False, description="Its log groups are encrypted with a KMS key; false: with CloudWatch Logs' own encryption"
    )
    alarms: bool = Field(True, description="Alarms are defined on the metrics it receives")


class AlarmProps(Props):
    actions: bool = Field(False, description="The alarm notifies or acts (an SNS topic, Auto Scaling, EC2 action)")


class ConfigProps(Props):
    all_resources: bool = Field(True, description="The recorder records every resource type")


# ---------------------------------------------------------------------- other
class GenericResourceProps(Props):
    resource_type: str = Field("", description="The resource's type in its source, such as AWS::Foo::Bar")


# ---------------------------------------------------------------------- edges
Protocol = Literal["https", "http", "tcp", "tls", "sql", "other"]


class EdgeProps(Props):
    """Properties of every flow. ``encrypted`` defaults to true for https and tls."""

    protocol: Protocol = Field("other", description="Protocol of the flow: https, http, tcp, tls, sql or other")
    port: int | None = Field(None, ge=0, le=65535, description="Destination port of the flow; none when unspecified")
    encrypted: bool = Field(False, description="Traffic is encrypted in transit (default for https and tls)")
    dead_letter: bool = Field(
        False, description="The target is the source's dead-letter queue or on-failure destination"
    )
    upload: bool = Field(
        False, description="The source only writes objects to the target (uploads, presigned PUTs), reads none"
    )
    administrative: bool = Field(
        False,
        description="Administrative access (SSH, RDP, a management session), not a path for users' requests",
    )
    service_notifications: bool = Field(
        False,
        description=(
            "The target receives only what an AWS service reports about the source (Auto Scaling lifecycle and "
            "scaling notifications), not requests or data from the source's code"
        ),
    )


def default_encrypted(protocol: str) -> bool:
    """Whether a flow of ``protocol`` is encrypted unless said otherwise."""
    return protocol in ("https", "tls")

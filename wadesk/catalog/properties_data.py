"""Property schemas of the storage, database, integration and analytics kinds (SPEC section 3).

Split from :mod:`wadesk.catalog.properties` (which holds the base schema and the other kinds) only
to keep each module readable; the same rules apply: defaults follow what AWS does for a resource created
by CloudFormation today, and property names are part of the file format.
"""

from __future__ import annotations

from typing import Literal

from wadesk.catalog.properties import ModuleResourceProps, Props, PurchaseOption
from wadesk.catalog.schema import Field

#: Where a database's master password comes from (see MASTER_PASSWORD_DESCRIPTION).
MasterPassword = Literal[
    "not_stated", "managed", "secret_store", "generated", "deploy_input", "visible_input", "default", "literal"
]
MASTER_PASSWORD_DESCRIPTION = (
    "Where the master password comes from: not_stated, managed (the service keeps it in Secrets Manager), "
    "secret_store (read from Secrets Manager or Parameter Store), generated (a random password resource), "
    "deploy_input (a NoEcho parameter or variable with no default, given at deploy), visible_input (a "
    "parameter given at deploy that is not NoEcho), default (a parameter or variable default in the code) "
    "or literal (written in the code)"
)


# -------------------------------------------------------------------- storage
class S3Props(ModuleResourceProps):
    block_public_access: bool = Field(True, description="S3 Block Public Access is on for the bucket")
    encryption: Literal["SSE-S3", "SSE-KMS", "none"] = Field(
        "SSE-S3", description="Default server-side encryption of new objects"
    )
    versioning: bool = Field(False, description="Object versioning is enabled")
    access_logging: bool = Field(False, description="Server access logs are delivered to another bucket")
    lifecycle_rules: bool = Field(False, description="Lifecycle rules transition or expire objects")
    website_hosting: bool = Field(False, description="Static website hosting is enabled")
    log_bucket: bool = Field(
        False, description="Receives other resources' logs (access logs, flow logs, trails); its own would be circular"
    )
    replication: bool = Field(False, description="Cross-Region or same-Region replication")


class EbsProps(Props):
    encrypted: bool = Field(False, description="The volume and its snapshots are encrypted with KMS")
    volume_type: Literal["gp3", "gp2", "io1", "io2", "st1", "sc1", "standard"] = Field(
        "gp2", description="EBS volume type, such as gp3 (general purpose SSD)"
    )


class EfsProps(ModuleResourceProps):
    encrypted: bool = Field(False, description="File system data at rest is encrypted with KMS")
    backup: bool = Field(False, description="Automatic backups through AWS Backup")
    one_zone: bool = Field(False, description="One Zone storage class")
    lifecycle_policy: bool = Field(False, description="Moves cold files to Infrequent Access")
    require_tls: bool = Field(
        False,
        description=(
            "The file system policy denies clients that do not connect with TLS (aws:SecureTransport false), "
            "so every mount is encrypted in transit"
        ),
    )


class FsxProps(Props):
    deployment: Literal["single-az", "multi-az"] = Field(
        "single-az", description="Single-AZ or Multi-AZ file system deployment"
    )
    file_system_type: Literal["WINDOWS", "ONTAP", "OPENZFS", "LUSTRE"] = Field(
        "WINDOWS", description="FSx for Windows File Server, NetApp ONTAP, OpenZFS or Lustre"
    )
    backup_retention_days: int = Field(7, ge=0, description="Days automatic daily backups are kept; 0 disables them")


class GlacierProps(Props):
    vault_lock: bool = Field(False, description="A locked Vault Lock policy enforces retention controls")


class BackupProps(Props):
    vault_kms: bool = Field(False, description="Vault encrypted with a customer-managed key")
    cross_region_copy: bool = Field(False, description="Recovery points are copied to a vault in another Region")


# ------------------------------------------------------------------- database
class RdsProps(ModuleResourceProps):
    engine: str = Field("postgres", description="Database engine, such as postgres or mysql")
    instance_class: str = Field("db.t3.micro", description="DB instance class, such as db.t3.micro")
    multi_az: bool = Field(False, description="A standby or replica in another AZ takes over on failure")
    storage_encrypted: bool = Field(False, description="Storage, backups and snapshots are encrypted with KMS")
    publicly_accessible: bool = Field(False, description="The endpoint resolves to a public IP address")
    backup_retention_days: int = Field(1, ge=0, le=35, description="Days automated backups are kept; 0 disables them")
    deletion_protection: bool = Field(
        False, description="The database cannot be deleted until protection is turned off"
    )
    iam_auth: bool = Field(False, description="IAM database authentication is enabled")
    auto_minor_version_upgrade: bool = Field(
        True, description="Minor engine versions are applied in the maintenance window"
    )
    performance_insights: bool = Field(False, description="Performance Insights is enabled")
    monitoring_interval: int = Field(
        0, ge=0, le=60, description="Seconds between Enhanced Monitoring samples of its instances; 0: off"
    )
    log_exports: bool = Field(False, description="Database logs exported to CloudWatch Logs")
    purchase_option: PurchaseOption = Field("on-demand", description="How its capacity is paid for")
    master_password: MasterPassword = Field("not_stated", description=MASTER_PASSWORD_DESCRIPTION)


class AuroraProps(RdsProps):
    engine: str = Field("aurora-postgresql", description="Aurora engine, such as aurora-postgresql or aurora-mysql")
    instance_class: str = Field(
        "db.r6g.large", description="DB instance class of the cluster's instances, such as db.r6g.large"
    )
    engine_mode: Literal["provisioned", "serverless"] = Field(
        "provisioned",
        description=(
            "provisioned (instances, Serverless v2 included) or serverless (Aurora Serverless v1: no instances, "
            "no Performance Insights or Enhanced Monitoring, capacity recreated in another zone on failure)"
        ),
    )


class DynamoDbProps(ModuleResourceProps):
    point_in_time_recovery: bool = Field(
        False, description="Continuous backups allow restores to any second in the window"
    )
    kms_encryption: bool = Field(False, description="Encrypted with a KMS key instead of the AWS owned key")
    billing_mode: Literal["PROVISIONED", "PAY_PER_REQUEST"] = Field(
        "PROVISIONED", description="Provisioned capacity or on-demand (pay per request)"
    )
    autoscaling: bool = Field(False, description="Provisioned capacity scales with traffic")
    deletion_protection: bool = Field(False, description="The table cannot be deleted until protection is turned off")
    global_table: bool = Field(False, description="Replicated to other Regions as a global table")


class ElastiCacheProps(Props):
    engine: Literal["redis", "valkey", "memcached"] = Field(
        "redis", description="Cache engine: Redis OSS, Valkey or Memcached"
    )
    replicas: int = Field(0, ge=0, description="Read replicas per shard (Redis OSS or Valkey)")
    encryption_at_rest: bool = Field(False, description="Data on disk and in backups is encrypted")
    encryption_in_transit: bool = Field(False, description="Connections to the cache use TLS")
    automatic_failover: bool = Field(False, description="A replica is promoted automatically when the primary fails")
    snapshot_retention_days: int = Field(0, ge=0, description="Days automatic snapshots are kept; 0 disables them")
    auto_minor_version_upgrade: bool = Field(True, description="Minor engine versions are applied automatically")


class RedshiftProps(Props):
    node_type: str = Field("ra3.xlplus", description="Node type, such as ra3.xlplus")
    node_count: int = Field(1, ge=1, description="Number of compute nodes in the cluster")
    encrypted: bool = Field(True, description="Data at rest is encrypted")
    publicly_accessible: bool = Field(
        False, description="The cluster has a public IP and is reachable from outside the VPC"
    )
    require_ssl: bool = Field(False, description="The require_ssl parameter rejects unencrypted connections")
    audit_logging: bool = Field(False, description="Connection and user activity audit logs are exported")
    snapshot_retention_days: int = Field(1, ge=0, description="Days automated snapshots are kept; 0 disables them")
    master_password: MasterPassword = Field("not_stated", description=MASTER_PASSWORD_DESCRIPTION)


class DocumentDbProps(Props):
    instances: int = Field(1, ge=1, description="Number of instances: one primary plus read replicas")
    storage_encrypted: bool = Field(False, description="Storage is encrypted at rest with KMS")
    backup_retention_days: int = Field(1, ge=1, description="Days automated backups are kept")
    deletion_protection: bool = Field(False, description="The cluster cannot be deleted until protection is turned off")
    audit_logs: bool = Field(False, description="Audit logs are exported to CloudWatch Logs")
    master_password: MasterPassword = Field("not_stated", description=MASTER_PASSWORD_DESCRIPTION)


class NeptuneProps(Props):
    instances: int = Field(1, ge=1, description="Number of instances: one primary plus read replicas")
    storage_encrypted: bool = Field(False, description="Storage is encrypted at rest with KMS")
    backup_retention_days: int = Field(1, ge=1, description="Days automated backups are kept")
    iam_auth: bool = Field(False, description="IAM database authentication is enabled")
    deletion_protection: bool = Field(False, description="The cluster cannot be deleted until protection is turned off")


class OpenSearchProps(Props):
    instance_count: int = Field(1, ge=1, description="Number of data nodes")
    zone_awareness: bool = Field(False, description="Data nodes and replica shards are spread across AZs")
    dedicated_masters: bool = Field(False, description="Dedicated master nodes manage the cluster")
    encryption_at_rest: bool = Field(False, description="Domain data at rest is encrypted with KMS")
    node_to_node_encryption: bool = Field(False, description="Traffic between nodes uses TLS")
    enforce_https: bool = Field(False, description="The domain endpoint accepts HTTPS only")
    fine_grained_access: bool = Field(
        False, description="Fine-grained access control (users, roles, index permissions)"
    )
    audit_logs: bool = Field(False, description="Audit logs are published to CloudWatch Logs")
    master_password: MasterPassword = Field(
        "not_stated", description=MASTER_PASSWORD_DESCRIPTION + " (the master user of the internal user database)"
    )


# ---------------------------------------------------------------- integration
class SqsProps(ModuleResourceProps):
    encryption: bool = Field(True, description="Server-side encryption (SSE-SQS or SSE-KMS)")
    dead_letter_queue: bool = Field(False, description="A redrive policy moves repeatedly failed messages to a DLQ")
    fifo: bool = Field(False, description="FIFO queue: strict ordering and exactly-once processing")


class SnsProps(ModuleResourceProps):
    encryption: bool = Field(False, description="Server-side encryption with a KMS key")
    fifo: bool = Field(False, description="FIFO topic: strict ordering and deduplication")


class EventBridgeProps(Props):
    dead_letter_queue: bool = Field(
        False, description="Rule targets send undeliverable events to an SQS dead-letter queue"
    )
    archive: bool = Field(False, description="Events are archived so they can be replayed")


class StepFunctionsProps(Props):
    workflow_type: Literal["STANDARD", "EXPRESS"] = Field(
        "STANDARD", description="Standard (long-running, exactly-once) or Express (high-volume)"
    )
    logging: bool = Field(False, description="Execution history is logged to CloudWatch Logs")
    tracing: bool = Field(False, description="X-Ray tracing is enabled")


class FirehoseProps(Props):
    encryption: bool = Field(False, description="Server-side encryption of the records it buffers")
    destination: str = Field("s3", description="Where it delivers: s3, redshift, opensearch, http, splunk...")


class DmsProps(Props):
    multi_az: bool = Field(False, description="A standby replication instance in another AZ takes over on failure")
    publicly_accessible: bool = Field(True, description="The replication instance has a public IP address")
    storage_encrypted: bool = Field(True, description="Storage is encrypted with KMS (always on for new instances)")
    auto_minor_version_upgrade: bool = Field(
        True, description="Minor engine versions are applied in the maintenance window"
    )


class KinesisProps(Props):
    encryption: bool = Field(False, description="Server-side encryption with a KMS key")
    capacity_mode: Literal["PROVISIONED", "ON_DEMAND"] = Field(
        "PROVISIONED", description="Provisioned shards or on-demand capacity"
    )
    retention_hours: int = Field(24, ge=24, le=8760, description="Hours records stay in the stream (24 to 8760)")


class MskProps(Props):
    broker_count: int = Field(3, ge=1, description="Number of broker nodes across the cluster's AZs")
    encryption_in_transit: Literal["TLS", "TLS_PLAINTEXT", "PLAINTEXT"] = Field(
        "TLS", description="Client-broker traffic: TLS only, TLS and plaintext, or plaintext"
    )
    public_access: bool = Field(False, description="Brokers are reachable from the internet")
    subnets: list[str] = Field(
        default_factory=list, description="Ids of the subnet nodes its brokers are spread over (one per AZ)"
    )


class MqProps(Props):
    deployment_mode: Literal["SINGLE_INSTANCE", "ACTIVE_STANDBY_MULTI_AZ", "CLUSTER_MULTI_AZ"] = Field(
        "SINGLE_INSTANCE", description="Single broker, active/standby pair across AZs, or a Multi-AZ cluster"
    )
    publicly_accessible: bool = Field(False, description="The broker is reachable from the internet")
    auto_minor_version_upgrade: bool = Field(
        True, description="Minor engine versions are applied in the maintenance window"
    )


# ------------------------------------------------------------------ analytics
class AthenaProps(Props):
    results_encrypted: bool = Field(False, description="Query results written to S3 are encrypted")


class GlueProps(Props):
    encryption: bool = Field(False, description="A security configuration encrypts outputs and logs")


class EmrProps(Props):
    instance_count: int = Field(3, ge=1, description="Number of EC2 instances in the cluster")
    encryption: bool = Field(False, description="A security configuration encrypts at rest and in transit")
    public_master: bool = Field(False, description="The primary (master) node has a public IP address")


class SageMakerProps(Props):
    direct_internet_access: bool = Field(
        True, description="The notebook instance reaches the internet directly, not via the VPC"
    )
    root_access: bool = Field(True, description="Users get root access on the notebook instance")
    kms_encryption: bool = Field(False, description="The notebook's storage volume is encrypted with a KMS key")

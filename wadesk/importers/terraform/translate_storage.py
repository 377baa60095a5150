"""Translators of storage and database ``aws_*`` types, and the folds of a bucket's separate settings.

Since version 4 of the AWS provider a bucket's settings live in separate resources
(``aws_s3_bucket_versioning``, ``_server_side_encryption_configuration``, ``_public_access_block``, ``_logging``,
``_lifecycle_configuration``, ``_website_configuration``...): each one folds into its bucket's properties, so a
bucket is not drawn unencrypted or unlogged because its settings are written apart.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wadesk.importers.terraform.translate import Context, Fold, Translation, Translator
from wadesk.importers.terraform.translate_common import (
    as_list,
    cfn_props,
    decode_json,
    merge_into,
    nested_blocks,
    ref_to,
    simple,
)
from wadesk.importers.terraform.values import TfResource, Unknown


def _bucket(c: Context, r: TfResource) -> Translation:
    props = cfn_props(c, r, {"BucketName": "bucket"})
    props.update(_versioning_v3(c, r))
    rules = c.blocks(r, "server_side_encryption_configuration")
    if rules:
        props.update(_encryption({"rule": (rules[0].get("rule") or [{}])}))
    logging = c.block(r, "logging")
    if logging:
        props["LoggingConfiguration"] = {"DestinationBucketName": logging.get("target_bucket")}
    lifecycle = c.blocks(r, "lifecycle_rule")
    if lifecycle:
        props["LifecycleConfiguration"] = {
            "Rules": [{"Status": "Enabled" if rule.get("enabled") is not False else "Disabled"} for rule in lifecycle]
        }
    if c.blocks(r, "website"):
        props["WebsiteConfiguration"] = {"IndexDocument": c.block(r, "website").get("index_document")}
    if c.blocks(r, "replication_configuration"):
        props["ReplicationConfiguration"] = {"Role": c.block(r, "replication_configuration").get("role")}
    acl = _canned_acl(c.get(r, "acl"))
    if acl:
        props["AccessControl"] = acl
    t = Translation("AWS::S3::Bucket", props)
    if r.values.get("policy"):
        # Provider v3's inline bucket policy reads as the aws_s3_bucket_policy that replaced it.
        t.extra.append(("policy", "AWS::S3::BucketPolicy", {
            "Bucket": c.value(ref_to(r)), "PolicyDocument": decode_json(c.get(r, "policy"))}))
    return t


def _versioning_v3(c: Context, r: TfResource) -> dict[str, Any]:
    versioning = c.block(r, "versioning")
    if "enabled" not in versioning or not isinstance(versioning.get("enabled"), bool):
        return {}
    return {"VersioningConfiguration": {"Status": "Enabled" if versioning["enabled"] else "Suspended"}}


def _canned_acl(acl: Any) -> str | None:
    return {"public-read": "PublicRead", "public-read-write": "PublicReadWrite", "private": "Private"}.get(
        acl if isinstance(acl, str) else ""
    )


def _encryption(block: dict[str, Any]) -> dict[str, Any]:
    rules = []
    for rule in as_list(block.get("rule")):
        if not isinstance(rule, dict):
            continue
        default = (rule.get("apply_server_side_encryption_by_default") or [{}])[0]
        rules.append({"ServerSideEncryptionByDefault": {
            "SSEAlgorithm": default.get("sse_algorithm"), "KMSMasterKeyID": default.get("kms_master_key_id")}})
    return {"BucketEncryption": {"ServerSideEncryptionConfiguration": rules}}


def _bucket_fold(settings: Callable[[Context, TfResource], dict[str, Any]]) -> Translator:
    def translate(c: Context, r: TfResource) -> Fold:
        return Fold(c.get(r, "bucket"), merge_into(settings(c, r)))

    return translate


def _versioning(c: Context, r: TfResource) -> dict[str, Any]:
    status = c.block(r, "versioning_configuration").get("status")
    return {"VersioningConfiguration": {"Status": status}} if status is not None else {}


def _public_access_block(c: Context, r: TfResource) -> dict[str, Any]:
    names = ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")
    block = {"".join(p.capitalize() for p in name.split("_")): c.get(r, name, False) for name in names}
    return {"PublicAccessBlockConfiguration": block}


def _lifecycle(c: Context, r: TfResource) -> dict[str, Any]:
    return {"LifecycleConfiguration": {"Rules": [{"Status": rule.get("status")} for rule in c.blocks(r, "rule")]}}


def _notification(c: Context, r: TfResource) -> dict[str, Any]:
    return {"NotificationConfiguration": {
        "LambdaConfigurations": [{"Function": b.get("lambda_function_arn")} for b in c.blocks(r, "lambda_function")],
        "QueueConfigurations": [{"Queue": b.get("queue_arn")} for b in c.blocks(r, "queue")],
        "TopicConfigurations": [{"Topic": b.get("topic_arn")} for b in c.blocks(r, "topic")],
    }}


def _nothing(c: Context, r: TfResource) -> dict[str, Any]:
    return {}


BUCKET_SETTINGS: dict[str, Translator] = {
    "aws_s3_bucket_versioning": _bucket_fold(_versioning),
    "aws_s3_bucket_server_side_encryption_configuration": _bucket_fold(lambda c, r: _encryption(
        {"rule": c.blocks(r, "rule")})),
    "aws_s3_bucket_public_access_block": _bucket_fold(_public_access_block),
    "aws_s3_bucket_logging": _bucket_fold(lambda c, r: {"LoggingConfiguration": {
        "DestinationBucketName": c.get(r, "target_bucket"), "LogFilePrefix": c.get(r, "target_prefix")}}),
    "aws_s3_bucket_lifecycle_configuration": _bucket_fold(_lifecycle),
    "aws_s3_bucket_website_configuration": _bucket_fold(lambda c, r: {"WebsiteConfiguration": {
        "IndexDocument": c.block(r, "index_document").get("suffix")}}),
    "aws_s3_bucket_acl": _bucket_fold(lambda c, r: {"AccessControl": _canned_acl(c.get(r, "acl"))}),
    "aws_s3_bucket_replication_configuration": _bucket_fold(lambda c, r: {"ReplicationConfiguration": {
        "Role": c.get(r, "role")}}),
    "aws_s3_bucket_notification": _bucket_fold(_notification),
    "aws_s3_bucket_ownership_controls": _bucket_fold(_nothing),
    "aws_s3_bucket_cors_configuration": _bucket_fold(_nothing),
    "aws_s3_bucket_object_lock_configuration": _bucket_fold(_nothing),
    "aws_s3_bucket_request_payment_configuration": _bucket_fold(_nothing),
    "aws_s3_bucket_accelerate_configuration": _bucket_fold(_nothing),
    "aws_s3_bucket_intelligent_tiering_configuration": _bucket_fold(_nothing),
    "aws_s3_object": _bucket_fold(_nothing),
    "aws_s3_bucket_object": _bucket_fold(_nothing),
}


def _backup_vault(c: Context, r: TfResource) -> Translation:
    # A plan gives kms_key_arn as unknown when the configuration leaves it out: AWS then picks its managed key
    # (aws/backup). A key the configuration names stays a reference, or an unknown it could not follow.
    value = r.values.get("kms_key_arn")
    key = None if isinstance(value, Unknown) and value.provider_default else c.get(r, "kms_key_arn")
    return Translation("AWS::Backup::BackupVault", {"EncryptionKeyArn": key})


# ------------------------------------------------------------------ databases and storage
def _db_instance(c: Context, r: TfResource) -> Translation:
    return Translation("AWS::RDS::DBInstance", _private_by_default(r, cfn_props(c, r, {
        "Engine": "engine", "DBInstanceClass": "instance_class", "MultiAZ": "multi_az",
        "StorageEncrypted": "storage_encrypted", "PubliclyAccessible": "publicly_accessible",
        "BackupRetentionPeriod": "backup_retention_period", "DeletionProtection": "deletion_protection",
        "DBSubnetGroupName": "db_subnet_group_name", "VPCSecurityGroups": "vpc_security_group_ids",
        "EnablePerformanceInsights": "performance_insights_enabled",
        "EnableCloudwatchLogsExports": "enabled_cloudwatch_logs_exports",
        "EnableIAMDatabaseAuthentication": "iam_database_authentication_enabled",
        "AutoMinorVersionUpgrade": "auto_minor_version_upgrade", "DBClusterIdentifier": "cluster_identifier",
        "SourceDBInstanceIdentifier": "replicate_source_db", "AvailabilityZone": "availability_zone",
        "StorageType": "storage_type", "EngineVersion": "engine_version",
        "MonitoringInterval": "monitoring_interval",
        "ManageMasterUserPassword": "manage_master_user_password",
        "DBParameterGroupName": "parameter_group_name", "OptionGroupName": "option_group_name",
    })))


_CLUSTER_INSTANCE = simple("AWS::RDS::DBInstance", DBClusterIdentifier="cluster_identifier",
                           DBParameterGroupName="db_parameter_group_name",
                           DBInstanceClass="instance_class", Engine="engine",
                           PubliclyAccessible="publicly_accessible",
                           DBSubnetGroupName="db_subnet_group_name",
                           AvailabilityZone="availability_zone",
                           EnablePerformanceInsights="performance_insights_enabled",
                           MonitoringInterval="monitoring_interval")


def _private_by_default(r: TfResource, props: dict[str, Any]) -> dict[str, Any]:
    """The provider sends ``publicly_accessible = false`` when the configuration leaves it out, where
    CloudFormation leaves RDS to decide (public in a default VPC): a Terraform instance is private unless it says
    otherwise."""
    if r.values.get("publicly_accessible") is None:
        props["PubliclyAccessible"] = False
    return props


def _fsx(file_system_type: str, configuration: str) -> Translator:
    """An FSx file system of one type, with its deployment type and backup retention in that type's block."""

    def translate(c: Context, r: TfResource) -> Translation:
        return Translation("AWS::FSx::FileSystem", {
            "FileSystemType": file_system_type,
            **cfn_props(c, r, {"SubnetIds": "subnet_ids", "SecurityGroupIds": "security_group_ids"}),
            configuration: cfn_props(c, r, {"DeploymentType": "deployment_type",
                                         "AutomaticBackupRetentionDays": "automatic_backup_retention_days"}),
        })

    return translate


def _opensearch(cfn_type: str) -> Translator:
    def translate(c: Context, r: TfResource) -> Translation:
        cluster = c.block(r, "cluster_config")
        vpc = c.block(r, "vpc_options")
        props: dict[str, Any] = {
            "ClusterConfig": {"InstanceCount": cluster.get("instance_count"),
                              "ZoneAwarenessEnabled": cluster.get("zone_awareness_enabled"),
                              "DedicatedMasterEnabled": cluster.get("dedicated_master_enabled")},
            "EncryptionAtRestOptions": {"Enabled": c.block(r, "encrypt_at_rest").get("enabled")},
            "NodeToNodeEncryptionOptions": {"Enabled": c.block(r, "node_to_node_encryption").get("enabled")},
            "DomainEndpointOptions": {"EnforceHTTPS": c.block(r, "domain_endpoint_options").get("enforce_https")},
            "AdvancedSecurityOptions": {"Enabled": c.block(r, "advanced_security_options").get("enabled")},
        }
        if vpc:
            props["VPCOptions"] = {"SubnetIds": vpc.get("subnet_ids"),
                                   "SecurityGroupIds": vpc.get("security_group_ids")}
        if c.blocks(r, "log_publishing_options"):
            props["LogPublishingOptions"] = {str(b.get("log_type")): {"Enabled": b.get("enabled", True)}
                                             for b in c.blocks(r, "log_publishing_options")}
        if cfn_type == "AWS::Elasticsearch::Domain":
            props["ElasticsearchClusterConfig"] = props.pop("ClusterConfig")
        return Translation(cfn_type, props)

    return translate


def _domain_named(c: Context, r: TfResource) -> Any:
    """The domain a domain policy names: by reference (``aws_opensearch_domain.x.domain_name``), or by the name
    a domain of the source is given."""
    name = c.get(r, "domain_name")
    if not isinstance(name, str):
        return name
    for other in c.source.resources.values():
        if other.type in ("aws_opensearch_domain", "aws_elasticsearch_domain") and other.values.get(
                "domain_name") == name:
            return c.value(ref_to(other))
    return name


DATA: dict[str, Translator] = {
    "aws_s3_bucket": _bucket,
    "aws_s3_bucket_policy": lambda c, r: Translation("AWS::S3::BucketPolicy", {
        "Bucket": c.get(r, "bucket"), "PolicyDocument": decode_json(c.get(r, "policy"))}),
    "aws_db_instance": _db_instance,
    "aws_rds_cluster": simple("AWS::RDS::DBCluster", Engine="engine", EngineMode="engine_mode",
                              StorageEncrypted="storage_encrypted", BackupRetentionPeriod="backup_retention_period",
                              DeletionProtection="deletion_protection", DBSubnetGroupName="db_subnet_group_name",
                              VpcSecurityGroupIds="vpc_security_group_ids",
                              EnableIAMDatabaseAuthentication="iam_database_authentication_enabled",
                              EnableCloudwatchLogsExports="enabled_cloudwatch_logs_exports",
                              DBClusterInstanceClass="db_cluster_instance_class",
                              MonitoringInterval="monitoring_interval",
                              ManageMasterUserPassword="manage_master_user_password",
                              DBClusterIdentifier="cluster_identifier",
                              DBClusterParameterGroupName="db_cluster_parameter_group_name",
                              DBInstanceParameterGroupName="db_instance_parameter_group_name"),
    "aws_rds_cluster_instance": lambda c, r: Translation("AWS::RDS::DBInstance", _private_by_default(
        r, _CLUSTER_INSTANCE(c, r).properties)),
    "aws_db_subnet_group": simple("AWS::RDS::DBSubnetGroup", SubnetIds="subnet_ids"),
    "aws_db_proxy": simple("AWS::RDS::DBProxy", VpcSubnetIds="vpc_subnet_ids",
                           VpcSecurityGroupIds="vpc_security_group_ids", EngineFamily="engine_family",
                           RequireTLS="require_tls", DBProxyName="name"),
    "aws_db_proxy_target": lambda c, r: Translation("AWS::RDS::DBProxyTargetGroup", {
        "DBProxyName": c.get(r, "db_proxy_name"),
        "DBClusterIdentifiers": [c.get(r, "db_cluster_identifier")] if r.values.get("db_cluster_identifier") else [],
        "DBInstanceIdentifiers": [c.get(r, "db_instance_identifier")]
        if r.values.get("db_instance_identifier") else []}),
    "aws_db_proxy_default_target_group": lambda c, r: Fold(c.get(r, "db_proxy_name"), merge_into({})),
    "aws_db_proxy_endpoint": lambda c, r: Fold(c.get(r, "db_proxy_name"), merge_into({})),
    "aws_db_parameter_group": simple("AWS::RDS::DBParameterGroup", Family="family"),
    "aws_rds_cluster_parameter_group": simple("AWS::RDS::DBClusterParameterGroup", Family="family"),
    "aws_db_option_group": simple("AWS::RDS::OptionGroup", EngineName="engine_name"),
    "aws_neptune_subnet_group": simple("AWS::Neptune::DBSubnetGroup", SubnetIds="subnet_ids"),
    "aws_neptune_parameter_group": simple("AWS::Neptune::DBParameterGroup", Family="family"),
    "aws_neptune_cluster_parameter_group": simple("AWS::Neptune::DBClusterParameterGroup", Family="family"),
    "aws_docdb_subnet_group": simple("AWS::DocDB::DBSubnetGroup", SubnetIds="subnet_ids"),
    "aws_docdb_cluster_parameter_group": simple("AWS::DocDB::DBClusterParameterGroup", Family="family"),
    "aws_elasticache_parameter_group": simple("AWS::ElastiCache::ParameterGroup", CacheParameterGroupFamily="family"),
    "aws_redshift_parameter_group": simple("AWS::Redshift::ClusterParameterGroup", ParameterGroupFamily="family"),
    "aws_dynamodb_global_table": simple("AWS::DynamoDB::GlobalTable", TableName="name"),
    "aws_neptune_cluster": simple("AWS::Neptune::DBCluster", StorageEncrypted="storage_encrypted",
                                  BackupRetentionPeriod="backup_retention_period",
                                  VpcSecurityGroupIds="vpc_security_group_ids",
                                  DBSubnetGroupName="neptune_subnet_group_name",
                                  IamAuthEnabled="iam_database_authentication_enabled",
                                  DeletionProtection="deletion_protection",
                                  DBClusterIdentifier="cluster_identifier",
                                  DBClusterParameterGroupName="neptune_cluster_parameter_group_name"),
    "aws_neptune_cluster_instance": simple("AWS::Neptune::DBInstance", DBClusterIdentifier="cluster_identifier",
                                           DBInstanceClass="instance_class"),
    "aws_docdb_cluster": simple("AWS::DocDB::DBCluster", StorageEncrypted="storage_encrypted",
                                BackupRetentionPeriod="backup_retention_period",
                                VpcSecurityGroupIds="vpc_security_group_ids", DBSubnetGroupName="db_subnet_group_name",
                                DeletionProtection="deletion_protection",
                                EnableCloudwatchLogsExports="enabled_cloudwatch_logs_exports",
                                ManageMasterUserPassword="manage_master_user_password",
                                DBClusterIdentifier="cluster_identifier",
                                DBClusterParameterGroupName="db_cluster_parameter_group_name"),
    "aws_docdb_cluster_instance": simple("AWS::DocDB::DBInstance", DBClusterIdentifier="cluster_identifier",
                                         DBInstanceClass="instance_class"),
    "aws_dynamodb_table": lambda c, r: Translation("AWS::DynamoDB::Table", {
        **cfn_props(c, r, {"BillingMode": "billing_mode", "DeletionProtectionEnabled": "deletion_protection_enabled",
                        "TableName": "name"}),
        "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": c.block(r, "point_in_time_recovery").get(
            "enabled")},
        "SSESpecification": {"SSEEnabled": c.block(r, "server_side_encryption").get("enabled")},
    }),
    "aws_elasticache_cluster": simple("AWS::ElastiCache::CacheCluster", Engine="engine", CacheNodeType="node_type",
                                      NumCacheNodes="num_cache_nodes", CacheSubnetGroupName="subnet_group_name",
                                      VpcSecurityGroupIds="security_group_ids",
                                      SnapshotRetentionLimit="snapshot_retention_limit",
                                      ReplicationGroupId="replication_group_id"),
    "aws_elasticache_replication_group": simple("AWS::ElastiCache::ReplicationGroup", Engine="engine",
                                                CacheNodeType="node_type",
                                                AutomaticFailoverEnabled="automatic_failover_enabled",
                                                MultiAZEnabled="multi_az_enabled",
                                                NumCacheClusters="num_cache_clusters",
                                                AtRestEncryptionEnabled="at_rest_encryption_enabled",
                                                TransitEncryptionEnabled="transit_encryption_enabled",
                                                CacheSubnetGroupName="subnet_group_name",
                                                SecurityGroupIds="security_group_ids",
                                                SnapshotRetentionLimit="snapshot_retention_limit"),
    "aws_elasticache_subnet_group": simple("AWS::ElastiCache::SubnetGroup", SubnetIds="subnet_ids"),
    "aws_efs_file_system": lambda c, r: Translation("AWS::EFS::FileSystem", {
        **cfn_props(c, r, {"Encrypted": "encrypted"}),
        "LifecyclePolicies": [{"TransitionToIA": b.get("transition_to_ia")} for b in c.blocks(r, "lifecycle_policy")],
    }),
    "aws_efs_mount_target": simple("AWS::EFS::MountTarget", FileSystemId="file_system_id", SubnetId="subnet_id",
                                   SecurityGroups="security_groups"),
    "aws_efs_access_point": simple("AWS::EFS::AccessPoint", FileSystemId="file_system_id"),
    "aws_efs_file_system_policy": lambda c, r: Fold(c.get(r, "file_system_id"), merge_into(
        {"FileSystemPolicy": decode_json(c.get(r, "policy"))})),
    "aws_efs_backup_policy": lambda c, r: Fold(c.get(r, "file_system_id"), merge_into(
        {"BackupPolicy": {"Status": c.block(r, "backup_policy").get("status")}})),
    "aws_redshift_cluster": simple("AWS::Redshift::Cluster", NodeType="node_type", NumberOfNodes="number_of_nodes",
                                   Encrypted="encrypted", PubliclyAccessible="publicly_accessible",
                                   ClusterSubnetGroupName="cluster_subnet_group_name",
                                   VpcSecurityGroupIds="vpc_security_group_ids",
                                   AutomatedSnapshotRetentionPeriod="automated_snapshot_retention_period",
                                   ManageMasterPassword="manage_master_password"),
    "aws_redshift_subnet_group": simple("AWS::Redshift::ClusterSubnetGroup", SubnetIds="subnet_ids"),
    "aws_opensearch_domain": _opensearch("AWS::OpenSearchService::Domain"),
    "aws_elasticsearch_domain": _opensearch("AWS::Elasticsearch::Domain"),
    "aws_opensearch_domain_policy": lambda c, r: Fold(_domain_named(c, r), merge_into(
        {"AccessPolicies": decode_json(c.get(r, "access_policies"))})),
    "aws_elasticsearch_domain_policy": lambda c, r: Fold(_domain_named(c, r), merge_into(
        {"AccessPolicies": decode_json(c.get(r, "access_policies"))})),
    "aws_dms_replication_instance": simple("AWS::DMS::ReplicationInstance",
                                           ReplicationSubnetGroupIdentifier="replication_subnet_group_id",
                                           PubliclyAccessible="publicly_accessible", MultiAZ="multi_az",
                                           VpcSecurityGroupIds="vpc_security_group_ids",
                                           AutoMinorVersionUpgrade="auto_minor_version_upgrade"),
    "aws_dms_replication_subnet_group": simple("AWS::DMS::ReplicationSubnetGroup", SubnetIds="subnet_ids"),
    "aws_dms_replication_task": simple("AWS::DMS::ReplicationTask",
                                       ReplicationInstanceArn="replication_instance_arn",
                                       SourceEndpointArn="source_endpoint_arn",
                                       TargetEndpointArn="target_endpoint_arn"),
    "aws_dms_endpoint": lambda c, r: Translation("AWS::DMS::Endpoint", {
        **cfn_props(c, r, {"EndpointType": "endpoint_type", "EngineName": "engine_name", "ServerName": "server_name"}),
        **({"S3Settings": {"BucketName": c.block(r, "s3_settings").get("bucket_name")}}
           if c.blocks(r, "s3_settings") else {})}),
    "aws_backup_vault": _backup_vault,
    "aws_backup_plan": lambda c, r: Translation("AWS::Backup::BackupPlan", {"BackupPlan": {"BackupPlanRule": [
        {"CopyActions": [{"DestinationBackupVaultArn": action.get("destination_vault_arn")}
                         for action in nested_blocks(rule, "copy_action")]}
        for rule in c.blocks(r, "rule")]}}),
    "aws_backup_selection": lambda c, r: Translation("AWS::Backup::BackupSelection", {
        "BackupPlanId": c.get(r, "plan_id"), "BackupSelection": {"Resources": c.get(r, "resources")}}),
    "aws_glacier_vault": simple("AWS::Glacier::Vault"),
    "aws_fsx_windows_file_system": _fsx("WINDOWS", "WindowsConfiguration"),
    "aws_fsx_ontap_file_system": _fsx("ONTAP", "OntapConfiguration"),
    "aws_fsx_openzfs_file_system": _fsx("OPENZFS", "OpenZFSConfiguration"),
    "aws_fsx_lustre_file_system": _fsx("LUSTRE", "LustreConfiguration"),
}

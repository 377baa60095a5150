"""Translators of storage, edge and service ``aws_*`` types, the bucket-settings folds, and the whole table.

Since version 4 of the AWS provider a bucket's settings live in separate resources
(``aws_s3_bucket_versioning``, ``_server_side_encryption_configuration``, ``_public_access_block``, ``_logging``,
``_lifecycle_configuration``, ``_website_configuration``...): each one folds into its bucket's properties, so a
bucket is not drawn unencrypted or unlogged because its settings are written apart.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wadesk.importers.terraform.translate import Context, Fold, Translation, Translator
from wadesk.importers.terraform.translate_types import (
    COMPUTE_AND_NETWORK,
    _append,
    _as_list,
    _merge,
    _props,
    decode_json,
    simple,
)
from wadesk.importers.terraform.values import TfResource, Unknown


# ------------------------------------------------------------------ S3 and its settings
def _bucket(c: Context, r: TfResource) -> Translation:
    props = _props(c, r, {"BucketName": "bucket"})
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
            "Bucket": c.value(_ref_to(r)), "PolicyDocument": decode_json(c.get(r, "policy"))}))
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
    for rule in _as_list(block.get("rule")):
        if not isinstance(rule, dict):
            continue
        default = (rule.get("apply_server_side_encryption_by_default") or [{}])[0]
        rules.append({"ServerSideEncryptionByDefault": {
            "SSEAlgorithm": default.get("sse_algorithm"), "KMSMasterKeyID": default.get("kms_master_key_id")}})
    return {"BucketEncryption": {"ServerSideEncryptionConfiguration": rules}}


def _bucket_fold(settings: Callable[[Context, TfResource], dict[str, Any]]) -> Translator:
    def translate(c: Context, r: TfResource) -> Fold:
        return Fold(c.get(r, "bucket"), _merge(settings(c, r)))

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
    return Translation("AWS::RDS::DBInstance", _private_by_default(r, _props(c, r, {
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
            **_props(c, r, {"SubnetIds": "subnet_ids", "SecurityGroupIds": "security_group_ids"}),
            configuration: _props(c, r, {"DeploymentType": "deployment_type",
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
            return c.value(_ref_to(other))
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
    "aws_db_proxy_default_target_group": lambda c, r: Fold(c.get(r, "db_proxy_name"), _merge({})),
    "aws_db_proxy_endpoint": lambda c, r: Fold(c.get(r, "db_proxy_name"), _merge({})),
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
        **_props(c, r, {"BillingMode": "billing_mode", "DeletionProtectionEnabled": "deletion_protection_enabled",
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
        **_props(c, r, {"Encrypted": "encrypted"}),
        "LifecyclePolicies": [{"TransitionToIA": b.get("transition_to_ia")} for b in c.blocks(r, "lifecycle_policy")],
    }),
    "aws_efs_mount_target": simple("AWS::EFS::MountTarget", FileSystemId="file_system_id", SubnetId="subnet_id",
                                   SecurityGroups="security_groups"),
    "aws_efs_access_point": simple("AWS::EFS::AccessPoint", FileSystemId="file_system_id"),
    "aws_efs_file_system_policy": lambda c, r: Fold(c.get(r, "file_system_id"), _merge(
        {"FileSystemPolicy": decode_json(c.get(r, "policy"))})),
    "aws_efs_backup_policy": lambda c, r: Fold(c.get(r, "file_system_id"), _merge(
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
    "aws_opensearch_domain_policy": lambda c, r: Fold(_domain_named(c, r), _merge(
        {"AccessPolicies": decode_json(c.get(r, "access_policies"))})),
    "aws_elasticsearch_domain_policy": lambda c, r: Fold(_domain_named(c, r), _merge(
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
        **_props(c, r, {"EndpointType": "endpoint_type", "EngineName": "engine_name", "ServerName": "server_name"}),
        **({"S3Settings": {"BucketName": c.block(r, "s3_settings").get("bucket_name")}}
           if c.blocks(r, "s3_settings") else {})}),
    "aws_backup_vault": _backup_vault,
    "aws_backup_plan": lambda c, r: Translation("AWS::Backup::BackupPlan", {"BackupPlan": {"BackupPlanRule": [
        {"CopyActions": [{"DestinationBackupVaultArn": action.get("destination_vault_arn")}
                         for action in _nested(rule, "copy_action")]}
        for rule in c.blocks(r, "rule")]}}),
    "aws_backup_selection": lambda c, r: Translation("AWS::Backup::BackupSelection", {
        "BackupPlanId": c.get(r, "plan_id"), "BackupSelection": {"Resources": c.get(r, "resources")}}),
    "aws_glacier_vault": simple("AWS::Glacier::Vault"),
    "aws_fsx_windows_file_system": _fsx("WINDOWS", "WindowsConfiguration"),
    "aws_fsx_ontap_file_system": _fsx("ONTAP", "OntapConfiguration"),
    "aws_fsx_openzfs_file_system": _fsx("OPENZFS", "OpenZFSConfiguration"),
    "aws_fsx_lustre_file_system": _fsx("LUSTRE", "LustreConfiguration"),
}


# ------------------------------------------------------------------ load balancers, CDN, APIs, WAF
def _nested(block: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The blocks ``name`` nested in an already converted block (a list in plans and configurations)."""
    found = block.get(name) if isinstance(block, dict) else None
    if isinstance(found, dict):
        return [found]
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []


def _emr_instances(c: Context, r: TfResource) -> dict[str, Any]:
    """The primary and core groups with their counts (one instance unless said), and any fleets."""
    groups: dict[str, Any] = {}
    for block, name in (("master_instance_group", "MasterInstanceGroup"), ("core_instance_group", "CoreInstanceGroup")):
        if c.blocks(r, block):
            groups[name] = {"InstanceCount": c.block(r, block).get("instance_count") or 1}
    for block, name in (("master_instance_fleet", "MasterInstanceFleet"), ("core_instance_fleet", "CoreInstanceFleet")):
        if c.blocks(r, block):
            groups[name] = {}
    return groups


def _load_balancer(c: Context, r: TfResource) -> Translation:
    props = _props(c, r, {"Subnets": "subnets", "SecurityGroups": "security_groups", "Name": "name"})
    props["Type"] = c.get(r, "load_balancer_type", "application")
    props["Scheme"] = "internal" if r.values.get("internal") is True else "internet-facing"
    mappings = [{"SubnetId": m.get("subnet_id"), "AllocationId": m.get("allocation_id")}
                for m in c.blocks(r, "subnet_mapping")]
    if mappings:
        props["SubnetMappings"] = mappings
    attributes = []
    logs = c.block(r, "access_logs")
    if logs:
        attributes.append({"Key": "access_logs.s3.enabled", "Value": str(logs.get("enabled", False)).lower()})
        attributes.append({"Key": "access_logs.s3.bucket", "Value": logs.get("bucket")})
    for key, name in (("deletion_protection.enabled", "enable_deletion_protection"),
                      ("routing.http.drop_invalid_header_fields.enabled", "drop_invalid_header_fields")):
        if isinstance(r.values.get(name), bool):
            attributes.append({"Key": key, "Value": str(r.values[name]).lower()})
    props["LoadBalancerAttributes"] = attributes
    return Translation("AWS::ElasticLoadBalancingV2::LoadBalancer", props)


def _actions(c: Context, blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    actions = []
    for block in blocks:
        action: dict[str, Any] = {"Type": block.get("type"), "TargetGroupArn": block.get("target_group_arn")}
        redirect = (block.get("redirect") or [{}])[0]
        if redirect:
            action["RedirectConfig"] = {"Protocol": redirect.get("protocol")}
        forward = (block.get("forward") or [{}])[0]
        if forward:
            action["ForwardConfig"] = {"TargetGroups": [{"TargetGroupArn": g.get("arn")}
                                                        for g in _as_list(forward.get("target_group"))]}
        actions.append(action)
    return actions


def _elb(c: Context, r: TfResource) -> Translation:
    props = _props(c, r, {"Subnets": "subnets", "SecurityGroups": "security_groups", "Instances": "instances",
                          "AvailabilityZones": "availability_zones"})
    props["Scheme"] = "internal" if r.values.get("internal") is True else "internet-facing"
    props["Listeners"] = [{"LoadBalancerPort": b.get("lb_port"), "InstancePort": b.get("instance_port"),
                           "Protocol": b.get("lb_protocol"), "InstanceProtocol": b.get("instance_protocol")}
                          for b in c.blocks(r, "listener")]
    logs = c.block(r, "access_logs")
    if logs:
        props["AccessLoggingPolicy"] = {"Enabled": logs.get("enabled", True), "S3BucketName": logs.get("bucket")}
    return Translation("AWS::ElasticLoadBalancing::LoadBalancer", props)


def _classic_listener_policy(c: Context, r: TfResource) -> Fold:
    """An ``aws_load_balancer_listener_policy`` is the ``Policies`` entry of its Classic Load Balancer's port.

    Each policy it names is looked up among the source's ``aws_load_balancer_policy`` resources (by reference
    in a configuration, by name in a plan); one that is not found is kept as custom, so it is not judged.
    """
    from wadesk.importers.terraform.values import TfRef

    policies = {other.address: other for other in c.source.resources.values()
                if other.type == "aws_load_balancer_policy"}
    by_name = {other.values.get("policy_name"): other for other in policies.values()}
    entries = []
    for name in _as_list(r.values.get("policy_names")):
        found = policies.get(name.address) if isinstance(name, TfRef) else by_name.get(name)
        if found is None:
            entries.append({"PolicyName": str(name), "PolicyType": "SSLNegotiationPolicyType"})
            continue
        attributes = [{"Name": a.get("name"), "Value": a.get("value")}
                      for a in _as_list(found.values.get("policy_attribute")) if isinstance(a, dict)]
        entries.append({"PolicyName": found.values.get("policy_name"),
                        "PolicyType": found.values.get("policy_type_name"), "Attributes": c.value(attributes)})

    def apply(props: dict[str, Any]) -> None:
        port = r.values.get("load_balancer_port")
        existing = props.get("Policies")
        props["Policies"] = [*(existing if isinstance(existing, list) else []),
                             *({**entry, "LoadBalancerPorts": [port]} for entry in entries)]

    return Fold(c.get(r, "load_balancer_name"), apply)


def _distribution(c: Context, r: TfResource) -> Translation:
    origins = [{"Id": o.get("origin_id"), "DomainName": o.get("domain_name"),
                "OriginAccessControlId": o.get("origin_access_control_id"),
                "S3OriginConfig": (o.get("s3_origin_config") or [None])[0],
                "CustomOriginConfig": (o.get("custom_origin_config") or [None])[0]} for o in c.blocks(r, "origin")]
    default = c.block(r, "default_cache_behavior")

    def behaviour(block: dict[str, Any]) -> dict[str, Any]:
        return {"ViewerProtocolPolicy": block.get("viewer_protocol_policy"),
                "TargetOriginId": block.get("target_origin_id"),
                "CachePolicyId": block.get("cache_policy_id"),
                "OriginRequestPolicyId": block.get("origin_request_policy_id"),
                "ResponseHeadersPolicyId": block.get("response_headers_policy_id"),
                "LambdaFunctionAssociations": [{"LambdaFunctionARN": a.get("lambda_arn")}
                                               for a in _as_list(block.get("lambda_function_association"))
                                               if isinstance(a, dict)]}

    config: dict[str, Any] = {
        "Origins": origins,
        "DefaultCacheBehavior": behaviour(default),
        "CacheBehaviors": [behaviour(b) for b in c.blocks(r, "ordered_cache_behavior")],
        "WebACLId": c.get(r, "web_acl_id"),
        "Enabled": c.get(r, "enabled", True),
    }
    logging = c.block(r, "logging_config")
    if logging:
        config["Logging"] = {"Bucket": logging.get("bucket")}
    certificate = c.block(r, "viewer_certificate")
    if certificate:
        config["ViewerCertificate"] = {
            "MinimumProtocolVersion": certificate.get("minimum_protocol_version"),
            "AcmCertificateArn": certificate.get("acm_certificate_arn") or None,  # a plan writes "" for none
            "IamCertificateId": certificate.get("iam_certificate_id") or None,
            "CloudFrontDefaultCertificate": certificate.get("cloudfront_default_certificate"),
        }
    return Translation("AWS::CloudFront::Distribution", {"DistributionConfig": config})


def _integration(c: Context, r: TfResource) -> Fold:
    """An ``aws_api_gateway_integration`` is part of its method in CloudFormation: fold it into that method."""
    target = None
    for other in c.source.resources.values():
        if other.type == "aws_api_gateway_method" and all(
            other.values.get(key) == r.values.get(key) for key in ("rest_api_id", "resource_id", "http_method")
        ):
            target = c.value(_ref_to(other))
            break
    integration = {"Integration": {"Uri": c.get(r, "uri"), "Type": c.get(r, "type"),
                                   "IntegrationHttpMethod": c.get(r, "integration_http_method")}}
    return Fold(target, _merge(integration))


def _method_settings(c: Context, r: TfResource) -> Fold:
    """A REST API stage's method settings, folded into the stage as CloudFormation's ``MethodSettings``.

    The provider writes -1 for a throttling limit that is not set (the account's limits apply): not a limit.
    """
    settings = c.block(r, "settings")
    rate = settings.get("throttling_rate_limit")
    entry = {"CachingEnabled": settings.get("caching_enabled"),
             "ThrottlingRateLimit": rate if not isinstance(rate, int | float) or rate >= 0 else None,
             "MetricsEnabled": settings.get("metrics_enabled"), "LoggingLevel": settings.get("logging_level")}
    stage = c.get(r, "stage_name")
    if isinstance(stage, str):
        # A stage named by its name: the stage of the source with that name on the same API.
        api = r.values.get("rest_api_id")
        for other in c.source.resources.values():
            if other.type == "aws_api_gateway_stage" and other.values.get("stage_name") == stage and (
                    other.values.get("rest_api_id") == api):
                stage = c.value(_ref_to(other))
    return Fold(stage, _append("MethodSettings", {key: value for key, value in entry.items() if value is not None}))


def _ref_to(resource: TfResource) -> Any:
    from wadesk.importers.terraform.values import TfRef

    return TfRef(resource.address, "id")


EDGE: dict[str, Translator] = {
    "aws_lb": _load_balancer,
    "aws_alb": _load_balancer,
    "aws_lb_listener": lambda c, r: Translation("AWS::ElasticLoadBalancingV2::Listener", {
        **_props(c, r, {"LoadBalancerArn": "load_balancer_arn", "Port": "port", "Protocol": "protocol",
                        "SslPolicy": "ssl_policy", "CertificateArn": "certificate_arn"}),
        "DefaultActions": _actions(c, c.blocks(r, "default_action")),
    }),
    "aws_lb_listener_rule": lambda c, r: Translation("AWS::ElasticLoadBalancingV2::ListenerRule", {
        "ListenerArn": c.get(r, "listener_arn"), "Actions": _actions(c, c.blocks(r, "action"))}),
    "aws_lb_listener_certificate": simple("AWS::ElasticLoadBalancingV2::ListenerCertificate",
                                          ListenerArn="listener_arn"),
    "aws_lb_target_group": simple("AWS::ElasticLoadBalancingV2::TargetGroup", Port="port", Protocol="protocol",
                                  TargetType="target_type", VpcId="vpc_id"),
    "aws_lb_target_group_attachment": lambda c, r: Fold(c.get(r, "target_group_arn"), _append(
        "Targets", {"Id": c.get(r, "target_id"), "Port": c.get(r, "port")})),
    "aws_elb": _elb,
    "aws_elb_attachment": lambda c, r: Fold(c.get(r, "elb"), _append("Instances", c.get(r, "instance"))),
    "aws_load_balancer_listener_policy": _classic_listener_policy,
    "aws_load_balancer_policy": lambda c, r: Fold(c.get(r, "load_balancer_name"), lambda props: None),
    "aws_cloudfront_distribution": _distribution,
    "aws_cloudfront_origin_access_control": simple("AWS::CloudFront::OriginAccessControl"),
    "aws_cloudfront_origin_access_identity": simple("AWS::CloudFront::CloudFrontOriginAccessIdentity"),
    "aws_cloudfront_cache_policy": simple("AWS::CloudFront::CachePolicy"),
    "aws_cloudfront_origin_request_policy": simple("AWS::CloudFront::OriginRequestPolicy"),
    "aws_cloudfront_response_headers_policy": simple("AWS::CloudFront::ResponseHeadersPolicy"),
    "aws_cloudfront_function": simple("AWS::CloudFront::Function"),
    "aws_api_gateway_rest_api": lambda c, r: Translation("AWS::ApiGateway::RestApi", {
        "Name": c.get(r, "name"), "Body": decode_json(c.get(r, "body")),
        "EndpointConfiguration": {"Types": c.block(r, "endpoint_configuration").get("types")}}),
    "aws_api_gateway_resource": simple("AWS::ApiGateway::Resource", RestApiId="rest_api_id", ParentId="parent_id",
                                       PathPart="path_part"),
    "aws_api_gateway_method": simple("AWS::ApiGateway::Method", RestApiId="rest_api_id", HttpMethod="http_method",
                                     AuthorizationType="authorization", ResourceId="resource_id"),
    "aws_api_gateway_integration": _integration,
    "aws_api_gateway_deployment": simple("AWS::ApiGateway::Deployment", RestApiId="rest_api_id"),
    "aws_api_gateway_stage": lambda c, r: Translation("AWS::ApiGateway::Stage", {
        **_props(c, r, {"RestApiId": "rest_api_id", "TracingEnabled": "xray_tracing_enabled",
                        "CacheClusterEnabled": "cache_cluster_enabled", "StageName": "stage_name"}),
        **({"AccessLogSetting": {"DestinationArn": c.block(r, "access_log_settings").get("destination_arn")}}
           if c.blocks(r, "access_log_settings") else {}),
    }),
    "aws_api_gateway_authorizer": simple("AWS::ApiGateway::Authorizer", RestApiId="rest_api_id"),
    "aws_api_gateway_model": simple("AWS::ApiGateway::Model", RestApiId="rest_api_id"),
    "aws_api_gateway_request_validator": simple("AWS::ApiGateway::RequestValidator", RestApiId="rest_api_id"),
    "aws_api_gateway_gateway_response": simple("AWS::ApiGateway::GatewayResponse", RestApiId="rest_api_id"),
    "aws_api_gateway_method_response": lambda c, r: Fold(c.get(r, "rest_api_id"), _merge({})),
    "aws_api_gateway_integration_response": lambda c, r: Fold(c.get(r, "rest_api_id"), _merge({})),
    "aws_api_gateway_method_settings": _method_settings,
    "aws_api_gateway_account": simple("AWS::ApiGateway::Account"),
    "aws_api_gateway_usage_plan": simple("AWS::ApiGateway::UsagePlan"),
    "aws_apigatewayv2_api": lambda c, r: Translation("AWS::ApiGatewayV2::Api", {
        "ProtocolType": c.get(r, "protocol_type"), "Name": c.get(r, "name"), "Body": decode_json(c.get(r, "body"))}),
    "aws_apigatewayv2_integration": simple("AWS::ApiGatewayV2::Integration", ApiId="api_id",
                                           IntegrationUri="integration_uri", IntegrationType="integration_type"),
    "aws_apigatewayv2_route": simple("AWS::ApiGatewayV2::Route", ApiId="api_id", Target="target",
                                     RouteKey="route_key", AuthorizationType="authorization_type"),
    "aws_apigatewayv2_stage": lambda c, r: Translation("AWS::ApiGatewayV2::Stage", {
        "ApiId": c.get(r, "api_id"),
        **({"AccessLogSettings": {"DestinationArn": c.block(r, "access_log_settings").get("destination_arn")}}
           if c.blocks(r, "access_log_settings") else {}),
        **({"DefaultRouteSettings": {"ThrottlingRateLimit": c.block(r, "default_route_settings").get(
            "throttling_rate_limit")}} if c.blocks(r, "default_route_settings") else {}),
    }),
    "aws_apigatewayv2_deployment": simple("AWS::ApiGatewayV2::Deployment", ApiId="api_id"),
    "aws_apigatewayv2_authorizer": simple("AWS::ApiGatewayV2::Authorizer", ApiId="api_id"),
    "aws_wafv2_web_acl": lambda c, r: Translation("AWS::WAFv2::WebACL", {
        **_props(c, r, {"Scope": "scope", "Name": "name"}),
        "Rules": [{"Statement": {"ManagedRuleGroupStatement": statement}}
                  if (statement := next(iter(_nested(next(iter(_nested(rule, "statement")), {}),
                                                     "managed_rule_group_statement")), None)) is not None
                  else {"Statement": {}} for rule in c.blocks(r, "rule")]}),
    "aws_waf_web_acl": simple("AWS::WAF::WebACL", Name="name"),
    "aws_wafregional_web_acl": simple("AWS::WAFRegional::WebACL", Name="name"),
    "aws_wafregional_web_acl_association": simple("AWS::WAFRegional::WebACLAssociation", ResourceArn="resource_arn",
                                                  WebACLId="web_acl_id"),
    "aws_wafv2_web_acl_association": simple("AWS::WAFv2::WebACLAssociation", ResourceArn="resource_arn",
                                            WebACLArn="web_acl_arn"),
    "aws_wafv2_web_acl_logging_configuration": simple("AWS::WAFv2::LoggingConfiguration",
                                                      ResourceArn="resource_arn"),
    "aws_shield_protection": simple("AWS::Shield::Protection", ResourceArn="resource_arn"),
    "aws_acm_certificate": simple("AWS::CertificateManager::Certificate", DomainName="domain_name"),
    "aws_acm_certificate_validation": lambda c, r: Fold(c.get(r, "certificate_arn"), _merge({})),
    "aws_globalaccelerator_accelerator": simple("AWS::GlobalAccelerator::Accelerator", Name="name"),
}


# ------------------------------------------------------------------ messaging, observability, security, analytics
SERVICES: dict[str, Translator] = {
    "aws_sqs_queue": lambda c, r: Translation("AWS::SQS::Queue", {
        **_props(c, r, {"FifoQueue": "fifo_queue", "KmsMasterKeyId": "kms_master_key_id",
                        "SqsManagedSseEnabled": "sqs_managed_sse_enabled", "QueueName": "name"}),
        **({"RedrivePolicy": decode_json(c.get(r, "redrive_policy"))} if r.values.get("redrive_policy") else {}),
    }),
    "aws_sqs_queue_policy": lambda c, r: Translation("AWS::SQS::QueuePolicy", {
        "Queues": [c.get(r, "queue_url")], "PolicyDocument": decode_json(c.get(r, "policy"))}),
    "aws_sqs_queue_redrive_policy": lambda c, r: Fold(c.get(r, "queue_url"), _merge(
        {"RedrivePolicy": decode_json(c.get(r, "redrive_policy"))})),
    "aws_sns_topic": simple("AWS::SNS::Topic", KmsMasterKeyId="kms_master_key_id", FifoTopic="fifo_topic",
                            TopicName="name"),
    "aws_sns_topic_subscription": simple("AWS::SNS::Subscription", TopicArn="topic_arn", Protocol="protocol",
                                         Endpoint="endpoint"),
    "aws_sns_topic_policy": lambda c, r: Translation("AWS::SNS::TopicPolicy", {
        "Topics": [c.get(r, "arn")], "PolicyDocument": decode_json(c.get(r, "policy"))}),
    "aws_cloudwatch_event_rule": lambda c, r: Translation("AWS::Events::Rule", {
        **_props(c, r, {"ScheduleExpression": "schedule_expression", "EventBusName": "event_bus_name",
                        "Name": "name"}),
        **({"EventPattern": decode_json(c.get(r, "event_pattern"))} if r.values.get("event_pattern") else {}),
    }),
    "aws_cloudwatch_event_target": lambda c, r: Fold(c.get(r, "rule"), _append("Targets", {
        "Arn": c.get(r, "arn"), "Id": c.get(r, "target_id"), "RoleArn": c.get(r, "role_arn"),
        "DeadLetterConfig": {"Arn": c.block(r, "dead_letter_config").get("arn")} if c.blocks(
            r, "dead_letter_config") else None,
        "EcsParameters": {"TaskDefinitionArn": c.block(r, "ecs_target").get("task_definition_arn")} if c.blocks(
            r, "ecs_target") else None,
    })),
    "aws_cloudwatch_event_bus": simple("AWS::Events::EventBus", Name="name"),
    "aws_cloudwatch_event_archive": simple("AWS::Events::Archive", SourceArn="event_source_arn"),
    "aws_kinesis_stream": lambda c, r: Translation("AWS::Kinesis::Stream", {
        **_props(c, r, {"RetentionPeriodHours": "retention_period", "Name": "name"}),
        **({"StreamEncryption": {"EncryptionType": "KMS"}} if r.values.get("encryption_type") == "KMS" else {}),
        "StreamModeDetails": {"StreamMode": c.block(r, "stream_mode_details").get("stream_mode")},
    }),
    "aws_kinesis_firehose_delivery_stream": lambda c, r: Translation("AWS::KinesisFirehose::DeliveryStream", {
        **({"KinesisStreamSourceConfiguration": {"KinesisStreamARN": c.block(
            r, "kinesis_source_configuration").get("kinesis_stream_arn")}}
           if c.blocks(r, "kinesis_source_configuration") else {}),
        **({"DeliveryStreamEncryptionConfigurationInput": {"KeyType": c.block(
            r, "server_side_encryption").get("key_type")}} if c.block(r, "server_side_encryption").get("enabled")
           else {}),
    }),
    "aws_sfn_state_machine": lambda c, r: Translation("AWS::StepFunctions::StateMachine", {
        **_props(c, r, {"DefinitionString": "definition", "RoleArn": "role_arn", "StateMachineType": "type"}),
        **({"TracingConfiguration": {"Enabled": c.block(r, "tracing_configuration").get("enabled")}}
           if c.blocks(r, "tracing_configuration") else {}),
        **({"LoggingConfiguration": {"Destinations": [c.block(r, "logging_configuration")]}}
           if c.blocks(r, "logging_configuration") else {}),
    }),
    "aws_msk_cluster": lambda c, r: Translation("AWS::MSK::Cluster", {
        "NumberOfBrokerNodes": c.get(r, "number_of_broker_nodes"),
        "BrokerNodeGroupInfo": {"ClientSubnets": c.block(r, "broker_node_group_info").get("client_subnets"),
                                "SecurityGroups": c.block(r, "broker_node_group_info").get("security_groups")},
        "EncryptionInfo": {"EncryptionInTransit": {"ClientBroker": (
            c.block(r, "encryption_info").get("encryption_in_transit") or [{}])[0].get("client_broker")}},
    }),
    "aws_mq_broker": simple("AWS::AmazonMQ::Broker", DeploymentMode="deployment_mode",
                            PubliclyAccessible="publicly_accessible", SubnetIds="subnet_ids",
                            SecurityGroups="security_groups", AutoMinorVersionUpgrade="auto_minor_version_upgrade"),
    "aws_cloudwatch_log_group": simple("AWS::Logs::LogGroup", LogGroupName="name",
                                       RetentionInDays="retention_in_days", KmsKeyId="kms_key_id"),
    "aws_cloudwatch_log_stream": simple("AWS::Logs::LogStream", LogGroupName="log_group_name"),
    "aws_cloudwatch_log_resource_policy": simple("AWS::Logs::ResourcePolicy"),
    "aws_cloudwatch_log_metric_filter": simple("AWS::Logs::MetricFilter", LogGroupName="log_group_name"),
    "aws_cloudwatch_log_subscription_filter": simple("AWS::Logs::SubscriptionFilter", LogGroupName="log_group_name",
                                                     DestinationArn="destination_arn"),
    "aws_cloudwatch_metric_alarm": lambda c, r: Translation("AWS::CloudWatch::Alarm", {
        **_props(c, r, {"AlarmActions": "alarm_actions", "OKActions": "ok_actions",
                        "InsufficientDataActions": "insufficient_data_actions", "MetricName": "metric_name",
                        "Namespace": "namespace"}),
        "Dimensions": [{"Name": key, "Value": value} for key, value in (c.get(r, "dimensions") or {}).items()]
        if isinstance(c.get(r, "dimensions"), dict) else [],
    }),
    "aws_cloudwatch_dashboard": simple("AWS::CloudWatch::Dashboard"),
    # A composite alarm is an alarm: its actions are routed as a metric alarm's are.
    "aws_cloudwatch_composite_alarm": simple("AWS::CloudWatch::Alarm", AlarmActions="alarm_actions",
                                             OKActions="ok_actions",
                                             InsufficientDataActions="insufficient_data_actions"),
    "aws_cloudtrail": simple("AWS::CloudTrail::Trail", IsMultiRegionTrail="is_multi_region_trail",
                             EnableLogFileValidation="enable_log_file_validation", KMSKeyId="kms_key_id",
                             CloudWatchLogsLogGroupArn="cloud_watch_logs_group_arn", S3BucketName="s3_bucket_name"),
    "aws_config_configuration_recorder": lambda c, r: Translation("AWS::Config::ConfigurationRecorder", {
        "RoleARN": c.get(r, "role_arn"),
        "RecordingGroup": {"AllSupported": c.block(r, "recording_group").get("all_supported")}}),
    "aws_config_delivery_channel": simple("AWS::Config::DeliveryChannel", S3BucketName="s3_bucket_name"),
    "aws_config_config_rule": simple("AWS::Config::ConfigRule", ConfigRuleName="name"),
    "aws_guardduty_detector": simple("AWS::GuardDuty::Detector", Enable="enable"),
    "aws_securityhub_account": simple("AWS::SecurityHub::Hub"),
    "aws_macie2_account": simple("AWS::Macie::Session", Status="status"),
    # Activates Amazon Inspector scanning (EC2, ECR, Lambda) for accounts: an account-level service, drawn as an
    # enabled inspector node the way a GuardDuty detector is drawn. CloudFormation has no resource for it; the
    # InspectorV2 type the mapping knows draws the same node.
    "aws_inspector2_enabler": lambda c, r: Translation("AWS::InspectorV2::Filter", {}),
    "aws_kms_key": simple("AWS::KMS::Key", EnableKeyRotation="enable_key_rotation"),
    "aws_kms_alias": simple("AWS::KMS::Alias", TargetKeyId="target_key_id", AliasName="name"),
    "aws_secretsmanager_secret": simple("AWS::SecretsManager::Secret", KmsKeyId="kms_key_id", Name="name"),
    "aws_secretsmanager_secret_version": lambda c, r: Fold(c.get(r, "secret_id"), _merge({})),
    "aws_secretsmanager_secret_rotation": simple("AWS::SecretsManager::RotationSchedule", SecretId="secret_id"),
    "aws_cognito_user_pool": lambda c, r: Translation("AWS::Cognito::UserPool", {
        **_props(c, r, {"MfaConfiguration": "mfa_configuration", "UserPoolName": "name"}),
        **({"UserPoolAddOns": {"AdvancedSecurityMode": c.block(r, "user_pool_add_ons").get(
            "advanced_security_mode")}} if c.blocks(r, "user_pool_add_ons") else {}),
    }),
    "aws_cognito_user_pool_client": simple("AWS::Cognito::UserPoolClient", UserPoolId="user_pool_id"),
    "aws_cognito_user_pool_domain": simple("AWS::Cognito::UserPoolDomain", UserPoolId="user_pool_id"),
    "aws_glue_job": simple("AWS::Glue::Job", Role="role_arn", SecurityConfiguration="security_configuration"),
    "aws_glue_crawler": simple("AWS::Glue::Crawler", Role="role",
                               CrawlerSecurityConfiguration="security_configuration"),
    "aws_athena_workgroup": simple("AWS::Athena::WorkGroup", Name="name"),
    "aws_emr_cluster": lambda c, r: Translation("AWS::EMR::Cluster", {
        **_props(c, r, {"ServiceRole": "service_role"}), "Instances": _emr_instances(c, r)}),
    "aws_sagemaker_notebook_instance": simple("AWS::SageMaker::NotebookInstance",
                                              DirectInternetAccess="direct_internet_access",
                                              RootAccess="root_access", SubnetId="subnet_id",
                                              SecurityGroupIds="security_groups", KmsKeyId="kms_key_id"),
    "aws_ssm_parameter": simple("AWS::SSM::Parameter", Type="type", Name="name"),
}

# The provider's older names of the load-balancer types (still accepted, and common in configurations written
# before 2018) translate as the new ones.
EDGE.update({f"aws_alb_{suffix}": EDGE[f"aws_lb_{suffix}"] for suffix in (
    "listener", "listener_rule", "listener_certificate", "target_group", "target_group_attachment")})

#: Every ``aws_*`` type with a translation.
TYPES: dict[str, Translator] = {**COMPUTE_AND_NETWORK, **BUCKET_SETTINGS, **DATA, **EDGE, **SERVICES}

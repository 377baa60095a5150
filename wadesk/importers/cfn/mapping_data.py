"""CloudFormation database types: RDS and Aurora, Neptune, DocumentDB, DynamoDB, ElastiCache, MemoryDB,
Redshift, OpenSearch and DMS."""

from __future__ import annotations

from typing import Any

from wadesk.importers.cfn.mapping import CfnMapper, HandlerTable, as_list, dig, flag, number, ref, refs, text
from wadesk.importers.cfn.values import Resource

#: The property that names a subnet group, by its type (a resource may name a group by that name, not by Ref).
_GROUP_NAMES = {
    "AWS::RDS::DBSubnetGroup": "DBSubnetGroupName",
    "AWS::DocDB::DBSubnetGroup": "DBSubnetGroupName",
    "AWS::Neptune::DBSubnetGroup": "DBSubnetGroupName",
    "AWS::ElastiCache::SubnetGroup": "CacheSubnetGroupName",
    "AWS::MemoryDB::SubnetGroup": "SubnetGroupName",
    "AWS::Redshift::ClusterSubnetGroup": "ClusterSubnetGroupName",
    "AWS::DMS::ReplicationSubnetGroup": "ReplicationSubnetGroupIdentifier",
}


def _subnets_of_group(m: CfnMapper, group_value: Any, prop: str = "SubnetIds") -> list[str]:
    group = ref(group_value)
    if group is None and isinstance(group_value, str) and group_value:
        # the group named by its name (often the same parameter feeds both), as CloudFormation resolves it;
        # subnet group names are lower-cased by AWS, so the match ignores case
        named = [
            res.logical_id for res in m.resources.values()
            if res.type in _GROUP_NAMES
            and str(res.properties.get(_GROUP_NAMES[res.type], "")).lower() == group_value.lower()
        ]
        group = named[0] if len(named) == 1 else None
    if group is None:
        return []
    return m.subnet_keys(m.prop(group, prop))


# ------------------------------------------------------------------ RDS and clusters
_CLUSTER_KINDS = {"AWS::Neptune::DBCluster": "neptune", "AWS::DocDB::DBCluster": "documentdb"}


def _db_props(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "storage_encrypted": flag(p.get("StorageEncrypted"), False),
        "backup_retention_days": min(35, max(0, number(p.get("BackupRetentionPeriod"), 1) or 0)),
        "deletion_protection": flag(p.get("DeletionProtection"), False),
        "iam_auth": flag(p.get("EnableIAMDatabaseAuthentication"), False),
        "log_exports": bool(as_list(p.get("EnableCloudwatchLogsExports"))),
    }


def _master_password(r: Resource, managed: str = "ManageMasterUserPassword") -> str | None:
    """Where a database's master password comes from (see ``secrets.py``); None when the template does not say."""
    if flag(r.properties.get(managed), False):
        return "managed"
    return r.secret_origins.get("MasterUserPassword")


#: The cluster types an instance joins by naming the cluster in DBClusterIdentifier.
_CLUSTER_TYPES = frozenset({"AWS::RDS::DBCluster", "AWS::Neptune::DBCluster", "AWS::DocDB::DBCluster"})


def _cluster_named(m: CfnMapper, name: str) -> str | None:
    """The cluster of the source whose identifier is ``name`` (written as text, not as a reference); RDS stores
    identifiers in lower case, so they match whatever their case."""
    if not name:
        return None
    found = [
        key
        for key, other in m.resources.items()
        if other.type in _CLUSTER_TYPES and text(other.properties.get("DBClusterIdentifier")).lower() == name.lower()
    ]
    return found[0] if len(found) == 1 else None


def _db_instance(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    cluster = ref(p.get("DBClusterIdentifier")) or _cluster_named(m, text(p.get("DBClusterIdentifier")))
    if cluster and m.get(cluster) is not None:
        node = m.get(cluster)
        assert node is not None
        count = m.topic("cluster_instances").get(node.key, 0) + 1
        m.topic("cluster_instances")[node.key] = count
        if node.kind in ("neptune", "documentdb"):
            node.props["instances"] = count
        elif count > 1:
            node.props["multi_az"] = True
        if text(p.get("DBInstanceClass")) and node.kind in ("aurora", "rds"):
            node.props["instance_class"] = text(p.get("DBInstanceClass"))
        if flag(p.get("EnablePerformanceInsights"), False) and node.kind in ("aurora", "rds"):
            node.props["performance_insights"] = True
        if flag(p.get("PubliclyAccessible"), False) and node.kind in ("aurora", "rds"):
            node.props["publicly_accessible"] = True
        if node.kind in ("aurora", "rds"):
            _cluster_instance_monitoring(m, node.key, node.props, p)
        m.fold(r, node.key)
        return
    engine = text(p.get("Engine"), "mysql").lower()
    if "PubliclyAccessible" in p:
        public = flag(p.get("PubliclyAccessible"), False)
    else:
        public = not p.get("DBSubnetGroupName")
        if public:
            m.report.assume(
                "An RDS instance without DBSubnetGroupName or PubliclyAccessible sits in the default VPC "
                "and is publicly accessible (RDS's default there)"
            )
    props = _db_props(p) | {
        "engine": engine,
        "instance_class": text(p.get("DBInstanceClass")) or None,
        "multi_az": flag(p.get("MultiAZ"), False),
        "publicly_accessible": public,
        "auto_minor_version_upgrade": flag(p.get("AutoMinorVersionUpgrade"), True),
        "performance_insights": flag(p.get("EnablePerformanceInsights"), False),
        "monitoring_interval": _monitoring_interval(p.get("MonitoringInterval"), 0),
        "master_password": _master_password(r),
    }
    if text(p.get("SourceDBInstanceIdentifier")) or ref(p.get("SourceDBInstanceIdentifier")):
        props["backup_retention_days"] = number(p.get("BackupRetentionPeriod"), 0)
    node = m.node(r, "aurora" if engine.startswith("aurora") else "rds", props)
    node.subnets = _subnets_of_group(m, p.get("DBSubnetGroupName"))
    node.security_groups = m.security_group_keys(p.get("VPCSecurityGroups"))
    source = ref(p.get("SourceDBInstanceIdentifier"))
    if source:
        m.topic("later_flows").setdefault("items", []).append((source, node.key, "Replication"))
    if "DBSubnetGroupName" not in p:
        m.topic("default_vpc")[node.key] = True


#: The sampling intervals RDS accepts for Enhanced Monitoring (0 turns it off).
_MONITORING_INTERVALS = frozenset({0, 1, 5, 10, 15, 30, 60})


def _monitoring_interval(value: Any, default: int) -> int:
    """``MonitoringInterval`` in seconds; ``default`` when absent or not one RDS accepts."""
    interval = number(value, default)
    return interval if interval in _MONITORING_INTERVALS else default


def _cluster_instance_monitoring(m: CfnMapper, cluster: str, props: dict[str, Any], p: dict[str, Any]) -> None:
    """A cluster is monitored as closely as its least monitored instance (one with no interval: off).

    An instance that names no interval takes the cluster's, if the cluster sets one.
    """
    own = m.topic("cluster_monitoring").setdefault(cluster, [])
    if not own:
        own.append(props.get("monitoring_interval", 0))
    interval = _monitoring_interval(p.get("MonitoringInterval"), own[0])
    seen = m.topic("cluster_instance_intervals").setdefault(cluster, [])
    seen.append(interval)
    off = [value for value in seen if value == 0]
    props["monitoring_interval"] = 0 if off else max(seen)


def _db_cluster(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    engine = text(p.get("Engine"), "aurora-mysql").lower()
    kind = _CLUSTER_KINDS.get(r.type) or ("aurora" if engine.startswith("aurora") else "rds")
    props = _db_props(p)
    if kind != "neptune":
        props["master_password"] = _master_password(r)
    if kind in ("aurora", "rds"):
        props |= {"engine": engine, "multi_az": kind == "rds" and bool(p.get("DBClusterInstanceClass"))}
        if text(p.get("DBClusterInstanceClass")):
            props["instance_class"] = text(p.get("DBClusterInstanceClass"))
        if text(p.get("EngineMode")) == "serverless":
            props["storage_encrypted"] = True
            if kind == "aurora":
                props["engine_mode"] = "serverless"
        props["publicly_accessible"] = flag(p.get("PubliclyAccessible"), False)
        props["monitoring_interval"] = _monitoring_interval(p.get("MonitoringInterval"), 0)
    else:
        props.pop("log_exports")
        if kind == "neptune":
            props["iam_auth"] = flag(p.get("IamAuthEnabled"), False)
        if kind == "documentdb":
            props.pop("iam_auth")
            props["audit_logs"] = "audit" in as_list(p.get("EnableCloudwatchLogsExports"))
        props["backup_retention_days"] = max(1, props["backup_retention_days"])
    node = m.node(r, kind, props)
    group = p.get("DBSubnetGroupName")
    node.subnets = _subnets_of_group(m, group)
    node.security_groups = m.security_group_keys(p.get("VpcSecurityGroupIds"))


def _db_proxy(m: CfnMapper, r: Resource) -> None:
    """An RDS Proxy: no kind of its own in the catalog, so drawn as a generic resource, but inside the subnets
    and security groups it is placed in."""
    p = r.properties
    node = m.node(r, "aws_resource", {"resource_type": r.type})
    node.subnets = m.subnet_keys(p.get("VpcSubnetIds"))
    node.security_groups = m.security_group_keys(p.get("VpcSecurityGroupIds"))




def _fold_subnet_group(m: CfnMapper, r: Resource) -> None:
    users = m.referrers(r.logical_id)
    drawn = [key for key in users if m.get(key) is not None]
    name = r.properties.get(_GROUP_NAMES.get(r.type, ""))
    if not drawn and isinstance(name, str) and name:  # used by its name rather than by Ref
        drawn = [
            other.logical_id for other in m.resources.values()
            if m.get(other.logical_id) is not None
            and any(isinstance(v, str) and v.lower() == name.lower() for v in other.properties.values())
        ]
    m.fold(r, drawn[0] if drawn else None, "used by nothing drawn")


# ------------------------------------------------------------------ DynamoDB, ElastiCache
def _table(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    m.node(
        r,
        "dynamodb",
        {
            "point_in_time_recovery": flag(
                dig(p, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"), False
            ),
            "kms_encryption": flag(dig(p, "SSESpecification", "SSEEnabled"), False),
            "billing_mode": "PAY_PER_REQUEST" if text(p.get("BillingMode")) == "PAY_PER_REQUEST" else "PROVISIONED",
            "deletion_protection": flag(p.get("DeletionProtectionEnabled"), False),
            "global_table": r.type == "AWS::DynamoDB::GlobalTable",
        },
    )
    if r.type == "AWS::DynamoDB::GlobalTable":
        m.design.nodes[r.logical_id].props["point_in_time_recovery"] = any(
            flag(dig(replica, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"), False)
            for replica in as_list(p.get("Replicas"))
        )
        m.design.nodes[r.logical_id].props["kms_encryption"] = flag(dig(p, "SSESpecification", "SSEEnabled"), False)
    # A table streaming its item changes to a Kinesis data stream sends to it.
    specifications = [p.get("KinesisStreamSpecification")]
    specifications += [dig(replica, "KinesisStreamSpecification") for replica in as_list(p.get("Replicas"))]
    for stream in dict.fromkeys(key for spec in specifications for key in refs(dig(spec, "StreamArn"))):
        if m.type_of(stream) == "AWS::Kinesis::Stream":
            m.topic("later_flows").setdefault("items", []).append((r.logical_id, stream, "Item changes"))


def _cache_engine(value: Any) -> str:
    engine = text(value, "redis").lower()
    return engine if engine in ("redis", "valkey", "memcached") else "redis"


def _replication_group(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    replicas = number(p.get("ReplicasPerNodeGroup"), None)
    if replicas is None:
        replicas = max(0, (number(p.get("NumCacheClusters"), 1) or 1) - 1)
    node = m.node(
        r,
        "elasticache",
        {
            "engine": _cache_engine(p.get("Engine")),
            "replicas": replicas,
            "encryption_at_rest": flag(p.get("AtRestEncryptionEnabled"), False),
            "encryption_in_transit": flag(p.get("TransitEncryptionEnabled"), False),
            "automatic_failover": flag(p.get("AutomaticFailoverEnabled"), False),
            "snapshot_retention_days": number(p.get("SnapshotRetentionLimit"), 0),
            "auto_minor_version_upgrade": flag(p.get("AutoMinorVersionUpgrade"), True),
        },
    )
    node.subnets = _subnets_of_group(m, p.get("CacheSubnetGroupName"))
    node.security_groups = m.security_group_keys(p.get("SecurityGroupIds"))


def _cache_cluster(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    group = ref(p.get("ReplicationGroupId"))
    if group and m.get(group) is not None:
        m.fold(r, group)
        return
    node = m.node(
        r,
        "elasticache",
        {
            "engine": _cache_engine(p.get("Engine")),
            "encryption_in_transit": flag(p.get("TransitEncryptionEnabled"), False),
            "snapshot_retention_days": number(p.get("SnapshotRetentionLimit"), 0),
            "auto_minor_version_upgrade": flag(p.get("AutoMinorVersionUpgrade"), True),
        },
    )
    node.subnets = _subnets_of_group(m, p.get("CacheSubnetGroupName"))
    node.security_groups = m.security_group_keys(p.get("VpcSecurityGroupIds"))


def _memorydb(m: CfnMapper, r: Resource) -> None:
    """A MemoryDB cluster is drawn as the Redis OSS or Valkey cache it speaks for: always encrypted at rest, with
    TLS and a replica per shard unless told otherwise, failing over to a replica by itself."""
    p = r.properties
    replicas = number(p.get("NumReplicasPerShard"), 1) or 0
    node = m.node(
        r,
        "elasticache",
        {
            "engine": "valkey" if text(p.get("Engine")).lower() == "valkey" else "redis",
            "replicas": replicas,
            "encryption_at_rest": True,
            "encryption_in_transit": flag(p.get("TLSEnabled"), True),
            "automatic_failover": replicas > 0,
            # taken as on when unset (the documented default is not 0), so no finding claims more than the text
            "snapshot_retention_days": number(p.get("SnapshotRetentionLimit"), 1),
            "auto_minor_version_upgrade": flag(p.get("AutoMinorVersionUpgrade"), True),
        },
    )
    node.subnets = _subnets_of_group(m, p.get("SubnetGroupName"))
    node.security_groups = m.security_group_keys(p.get("SecurityGroupIds"))


def _serverless_cache(m: CfnMapper, r: Resource) -> None:
    """ElastiCache Serverless encrypts at rest and in transit always and replicates across zones by itself."""
    p = r.properties
    node = m.node(
        r,
        "elasticache",
        {
            "engine": _cache_engine(p.get("Engine")),
            "replicas": 1,
            "encryption_at_rest": True,
            "encryption_in_transit": True,
            "automatic_failover": True,
            "snapshot_retention_days": number(p.get("SnapshotRetentionLimit"), 1),
            "auto_minor_version_upgrade": True,
        },
    )
    node.subnets = m.subnet_keys(p.get("SubnetIds"))
    node.security_groups = m.security_group_keys(p.get("SecurityGroupIds"))


# ------------------------------------------------------------------ Redshift, OpenSearch, DMS
def _redshift(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    node = m.node(
        r,
        "redshift",
        {
            "node_type": text(p.get("NodeType")) or None,
            "node_count": max(1, number(p.get("NumberOfNodes"), 1) or 1),
            "encrypted": flag(p.get("Encrypted"), True),
            "publicly_accessible": flag(p.get("PubliclyAccessible"), False),
            "audit_logging": bool(p.get("LoggingProperties")),
            "snapshot_retention_days": number(p.get("AutomatedSnapshotRetentionPeriod"), 1),
            "master_password": _master_password(r, "ManageMasterPassword"),
        },
    )
    node.subnets = _subnets_of_group(m, p.get("ClusterSubnetGroupName"))
    node.security_groups = m.security_group_keys(p.get("VpcSecurityGroupIds"))


def _opensearch(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    cluster = p.get("ClusterConfig") or p.get("ElasticsearchClusterConfig") or {}
    node = m.node(
        r,
        "opensearch",
        {
            "instance_count": max(1, number(dig(cluster, "InstanceCount"), 1) or 1),
            "zone_awareness": flag(dig(cluster, "ZoneAwarenessEnabled"), False),
            "dedicated_masters": flag(dig(cluster, "DedicatedMasterEnabled"), False),
            "encryption_at_rest": flag(dig(p, "EncryptionAtRestOptions", "Enabled"), False),
            "node_to_node_encryption": flag(dig(p, "NodeToNodeEncryptionOptions", "Enabled"), False),
            "enforce_https": flag(dig(p, "DomainEndpointOptions", "EnforceHTTPS"), False),
            "fine_grained_access": flag(dig(p, "AdvancedSecurityOptions", "Enabled"), False),
            "audit_logs": "AUDIT_LOGS" in (p.get("LogPublishingOptions") or {}),
            "master_password": r.secret_origins.get("AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword"),
        },
    )
    node.subnets = m.subnet_keys(dig(p, "VPCOptions", "SubnetIds"))
    node.security_groups = m.security_group_keys(dig(p, "VPCOptions", "SecurityGroupIds"))


def _dms_instance(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    node = m.node(
        r,
        "dms",
        {
            "multi_az": flag(p.get("MultiAZ"), False),
            "publicly_accessible": flag(p.get("PubliclyAccessible"), True),
            "auto_minor_version_upgrade": flag(p.get("AutoMinorVersionUpgrade"), True),
        },
    )
    node.subnets = _subnets_of_group(m, p.get("ReplicationSubnetGroupIdentifier"))
    node.security_groups = m.security_group_keys(p.get("VpcSecurityGroupIds"))


def _dms_task(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    instance = ref(p.get("ReplicationInstanceArn"))
    flows = m.topic("later_flows").setdefault("items", [])
    for endpoint, outgoing in ((ref(p.get("SourceEndpointArn")), False), (ref(p.get("TargetEndpointArn")), True)):
        store = m.resource(endpoint)
        if store is None or instance is None:
            continue
        for target in refs(store.properties):
            flows.append((instance, target, "Replication") if outgoing else (target, instance, "Replication"))
        m.topic("dms_endpoints")[store.logical_id] = instance
    m.fold(r, instance)


def _dms_endpoint(m: CfnMapper, r: Resource) -> None:
    owner = m.topic("dms_endpoints").get(r.logical_id)
    if owner is None:
        for task in m.referrers(r.logical_id, "AWS::DMS::ReplicationTask"):
            owner = ref(m.prop(task, "ReplicationInstanceArn"))
    m.fold(r, owner, "used by no replication task")


# ------------------------------------------------------------------ Aurora DSQL
def _dsql(m: CfnMapper, r: Resource) -> None:
    """An Aurora DSQL cluster: serverless, in no subnet, active-active across zones (and Regions when peered)."""
    p = r.properties
    key = p.get("KmsEncryptionKey")
    m.node(
        r,
        "dsql",
        {
            "deletion_protection": flag(p.get("DeletionProtectionEnabled"), True),
            "kms_encryption": key is not None and text(key, "customer key") != "AWS_OWNED_KMS_KEY",
        },
    )


HANDLERS: HandlerTable = {
    "AWS::RDS::DBInstance": (1, _db_instance),
    "AWS::RDS::DBCluster": (0, _db_cluster),
    "AWS::Neptune::DBCluster": (0, _db_cluster),
    "AWS::Neptune::DBInstance": (1, _db_instance),
    "AWS::DocDB::DBCluster": (0, _db_cluster),
    "AWS::DocDB::DBInstance": (1, _db_instance),
    "AWS::RDS::DBProxy": (0, _db_proxy),
    # The databases a proxy forwards to: no flow is drawn, since whether the proxy reaches them over TLS is not
    # a setting of the template (RequireTLS is about the clients' connections to the proxy).
    "AWS::RDS::DBProxyTargetGroup": (1, lambda m, r: m.fold(r, ref(r.properties.get("DBProxyName")))),
    "AWS::RDS::DBProxyEndpoint": (1, lambda m, r: m.fold(r, ref(r.properties.get("DBProxyName")))),
    "AWS::RDS::DBSubnetGroup": (2, _fold_subnet_group),
    "AWS::RDS::DBParameterGroup": (2, _fold_subnet_group),
    "AWS::RDS::DBClusterParameterGroup": (2, _fold_subnet_group),
    "AWS::RDS::OptionGroup": (2, _fold_subnet_group),
    "AWS::Neptune::DBSubnetGroup": (2, _fold_subnet_group),
    "AWS::Neptune::DBParameterGroup": (2, _fold_subnet_group),
    "AWS::Neptune::DBClusterParameterGroup": (2, _fold_subnet_group),
    "AWS::DocDB::DBSubnetGroup": (2, _fold_subnet_group),
    "AWS::DocDB::DBClusterParameterGroup": (2, _fold_subnet_group),
    "AWS::ElastiCache::SubnetGroup": (2, _fold_subnet_group),
    "AWS::ElastiCache::ParameterGroup": (2, _fold_subnet_group),
    "AWS::Redshift::ClusterSubnetGroup": (2, _fold_subnet_group),
    "AWS::Redshift::ClusterParameterGroup": (2, _fold_subnet_group),
    "AWS::DMS::ReplicationSubnetGroup": (2, _fold_subnet_group),
    "AWS::DynamoDB::Table": (0, _table),
    "AWS::DynamoDB::GlobalTable": (0, _table),
    "AWS::ElastiCache::ReplicationGroup": (0, _replication_group),
    "AWS::ElastiCache::CacheCluster": (1, _cache_cluster),
    "AWS::ElastiCache::ServerlessCache": (0, _serverless_cache),
    "AWS::MemoryDB::Cluster": (0, _memorydb),
    "AWS::MemoryDB::SubnetGroup": (2, _fold_subnet_group),
    "AWS::MemoryDB::ParameterGroup": (2, _fold_subnet_group),
    "AWS::MemoryDB::ACL": (2, _fold_subnet_group),
    "AWS::MemoryDB::User": (2, _fold_subnet_group),
    "AWS::Redshift::Cluster": (0, _redshift),
    "AWS::OpenSearchService::Domain": (0, _opensearch),
    "AWS::Elasticsearch::Domain": (0, _opensearch),
    "AWS::DMS::ReplicationInstance": (0, _dms_instance),
    "AWS::DMS::ReplicationTask": (1, _dms_task),
    "AWS::DMS::Endpoint": (2, _dms_endpoint),
    "AWS::DSQL::Cluster": (0, _dsql),
}

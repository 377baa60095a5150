"""CloudFormation storage types: S3 buckets, EFS and FSx file systems, AWS Backup and Glacier vaults."""

from __future__ import annotations

from typing import Any

from wadesk.importers.cfn.mapping import CfnMapper, HandlerTable, as_list, dig, flag, number, ref, refs, text
from wadesk.importers.cfn.values import Resource


# ------------------------------------------------------------------ S3
def _bucket(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    block = p.get("PublicAccessBlockConfiguration")
    if isinstance(block, dict):
        names = ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")
        blocked = all(flag(block.get(name), False) for name in names)
    else:
        blocked = True
        m.report.assume(
            "An S3 bucket without PublicAccessBlockConfiguration blocks public access (AWS default since April 2023)"
        )
    if text(p.get("AccessControl")) in ("PublicRead", "PublicReadWrite"):
        blocked = False
    encryption = "SSE-S3"
    for rule in as_list(dig(p, "BucketEncryption", "ServerSideEncryptionConfiguration")):
        algorithm = text(dig(rule, "ServerSideEncryptionByDefault", "SSEAlgorithm"))
        if algorithm.startswith("aws:kms"):
            encryption = "SSE-KMS"
    if not p.get("BucketEncryption"):
        m.report.assume(
            "An S3 bucket without BucketEncryption is encrypted with SSE-S3 (AWS default since January 2023)"
        )
    rules = as_list(dig(p, "LifecycleConfiguration", "Rules"))
    node = m.node(
        r,
        "s3",
        {
            "block_public_access": blocked,
            "encryption": encryption,
            "versioning": text(dig(p, "VersioningConfiguration", "Status")) == "Enabled",
            "access_logging": p.get("LoggingConfiguration") is not None,
            "lifecycle_rules": any(
                isinstance(x, dict) and text(x.get("Status"), "Enabled") == "Enabled" for x in rules
            ),
            "website_hosting": p.get("WebsiteConfiguration") is not None,
            "replication": p.get("ReplicationConfiguration") is not None,
        },
    )
    notifications = p.get("NotificationConfiguration") or {}
    for section, field in (
        ("LambdaConfigurations", "Function"),
        ("QueueConfigurations", "Queue"),
        ("TopicConfigurations", "Topic"),
    ):
        for item in as_list(dig(notifications, section)):
            for target in refs(dig(item, field)):
                m.topic("later_flows").setdefault("items", []).append((node.key, target, "Notification"))
    for target in refs(dig(p, "LoggingConfiguration", "DestinationBucketName")):
        m.topic("later_flows").setdefault("items", []).append((node.key, target, "Access logs"))
        m.topic("log_buckets")[target] = True
    replication = p.get("ReplicationConfiguration") or {}
    for rule in as_list(dig(replication, "Rules")):
        for target in refs(dig(rule, "Destination", "Bucket")):
            m.topic("later_flows").setdefault("items", []).append((node.key, target, "Replication"))
    m.uses_role(node.key, dig(replication, "Role"))


def _bucket_policy(m: CfnMapper, r: Resource) -> None:
    bucket = ref(r.properties.get("Bucket"))
    for statement in as_list(dig(r.properties, "PolicyDocument", "Statement")):
        if not isinstance(statement, dict) or text(statement.get("Effect")) != "Allow" or statement.get("Condition"):
            continue
        principal = statement.get("Principal")
        everyone = principal == "*" or (isinstance(principal, dict) and "*" in as_list(principal.get("AWS")))
        actions = [text(a) for a in as_list(statement.get("Action"))]
        if everyone and any(a in ("s3:GetObject", "s3:*", "*") for a in actions) and bucket:
            m.topic("public_buckets")[bucket] = True
        if isinstance(principal, dict):
            for distribution in refs(principal) + refs(statement.get("Condition")):
                m.topic("oac_buckets")[bucket or ""] = distribution
    m.fold(r, bucket)


# ------------------------------------------------------------------ EFS, FSx
def _denies_plaintext(policy: Any) -> bool:
    """Whether a resource policy denies requests made without TLS (``aws:SecureTransport`` false)."""
    for statement in as_list(dig(policy, "Statement")):
        if text(dig(statement, "Effect")) != "Deny":
            continue
        value = dig(statement, "Condition", "Bool", "aws:SecureTransport")
        if any(str(item).lower() == "false" for item in as_list(value)):
            return True
    return False


def _file_system(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    m.node(
        r,
        "efs",
        {
            "encrypted": flag(p.get("Encrypted"), False),
            "backup": text(dig(p, "BackupPolicy", "Status")) == "ENABLED",
            "one_zone": bool(text(p.get("AvailabilityZoneName"))),
            "lifecycle_policy": bool(as_list(p.get("LifecyclePolicies"))),
            "require_tls": _denies_plaintext(p.get("FileSystemPolicy")),
        },
    )


def _mount_target(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    system = m.get(ref(p.get("FileSystemId")))
    if system is not None:
        system.subnets = list(dict.fromkeys(system.subnets + m.subnet_keys(p.get("SubnetId"))))
        system.security_groups = list(
            dict.fromkeys(system.security_groups + m.security_group_keys(p.get("SecurityGroups")))
        )
    m.fold(r, system.key if system else None)


def _fsx(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    kind = text(p.get("FileSystemType")).upper()
    if kind == "LUSTRE":
        config = p.get("LustreConfiguration") if isinstance(p.get("LustreConfiguration"), dict) else {}
        # FSx for Lustre deploys SCRATCH_1 when not told otherwise; scratch file systems take no automatic
        # backups at all, persistent ones keep them 30 days unless told otherwise
        lustre_type = text(config.get("DeploymentType"), "SCRATCH_1").upper()
        default_days = 0 if lustre_type.startswith("SCRATCH") else 30
        retention = 0 if default_days == 0 else number(config.get("AutomaticBackupRetentionDays"), default_days)
        deployment = "single-az"  # Lustre has no Multi-AZ deployment
    else:
        config = p.get("WindowsConfiguration") or p.get("OntapConfiguration") or p.get("OpenZFSConfiguration") or {}
        deployment = "multi-az" if text(dig(config, "DeploymentType")).upper().startswith("MULTI_AZ") else "single-az"
        retention = number(dig(config, "AutomaticBackupRetentionDays"), 7)
    node = m.node(
        r,
        "fsx",
        {
            "deployment": deployment,
            "file_system_type": kind if kind in ("WINDOWS", "ONTAP", "OPENZFS", "LUSTRE") else "WINDOWS",
            "backup_retention_days": retention,
        },
    )
    node.subnets = m.subnet_keys(p.get("SubnetIds"))
    node.security_groups = m.security_group_keys(p.get("SecurityGroupIds"))


# ------------------------------------------------------------------ Backup, Glacier
def _backup_plan(m: CfnMapper, r: Resource) -> None:
    rules = as_list(dig(r.properties, "BackupPlan", "BackupPlanRule"))
    m.node(r, "backup", {"cross_region_copy": any(isinstance(x, dict) and x.get("CopyActions") for x in rules)})
    for rule in rules:
        for vault in refs(dig(rule, "TargetBackupVault")):
            if m.prop(vault, "EncryptionKeyArn"):
                m.design.nodes[r.logical_id].props["vault_kms"] = True


def _backup_selection(m: CfnMapper, r: Resource) -> None:
    plan = ref(r.properties.get("BackupPlanId"))
    for target in refs(dig(r.properties, "BackupSelection", "Resources")):
        if plan:
            m.topic("later_flows").setdefault("items", []).append((plan, target, "Backup"))
    m.fold(r, plan)


def _backup_vault(m: CfnMapper, r: Resource) -> None:
    plans = m.referrers(r.logical_id, "AWS::Backup::BackupPlan")
    if plans:
        m.fold(r, plans[0])
        return
    # A vault no plan of the template writes to still holds recovery points (on-demand backups, copies from
    # other plans or accounts): drawn on its own, so its key is judged like a plan's vault.
    m.node(r, "backup", {"vault_kms": bool(r.properties.get("EncryptionKeyArn"))})


def _glacier(m: CfnMapper, r: Resource) -> None:
    m.node(r, "glacier")


HANDLERS: HandlerTable = {
    "AWS::S3::Bucket": (0, _bucket),
    "AWS::S3::BucketPolicy": (1, _bucket_policy),
    "AWS::EFS::FileSystem": (0, _file_system),
    "AWS::EFS::MountTarget": (1, _mount_target),
    "AWS::EFS::AccessPoint": (1, lambda m, r: m.fold(r, ref(r.properties.get("FileSystemId")))),
    "AWS::FSx::FileSystem": (0, _fsx),
    "AWS::Backup::BackupPlan": (0, _backup_plan),
    "AWS::Backup::BackupSelection": (1, _backup_selection),
    "AWS::Backup::BackupVault": (1, _backup_vault),
    "AWS::Glacier::Vault": (0, _glacier),
}

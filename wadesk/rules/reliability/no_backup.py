"""A data store with neither an AWS Backup plan nor automated backups of its own."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import BACKUP_TARGETS

META = RuleMeta(
    id="REL-NO-BACKUP",
    title="Data store is not backed up",
    pillar="reliability",
    severity="medium",
    wa_bp="REL09-BP01",
    rationale=(
        "Without a backup, a deleted table, a corrupting deployment, ransomware or an operator mistake "
        "destroys the data for good: there is no earlier copy to restore from."
    ),
    remediation=(
        "Add an AWS Backup plan (a backup node with a flow to the store), or turn on the store's own automated "
        "backups: backup_retention_days of 1 or more for RDS, Aurora and FSx, point_in_time_recovery for "
        "DynamoDB, backup for EFS, snapshot_retention_days for Redshift."
    ),
    securityhub=("RDS.26", "DynamoDB.4", "EFS.2", "EC2.28"),
    checkov=("CKV2_AWS_8", "CKV2_AWS_9", "CKV2_AWS_18"),
    partial=("RDS.26", "DynamoDB.4", "EFS.2", "EC2.28", "CKV2_AWS_8", "CKV2_AWS_9", "CKV2_AWS_18"),
)

_READS: dict[str, set[str]] = {
    "rds": {"backup_retention_days"},
    "aurora": {"backup_retention_days"},
    "fsx": {"backup_retention_days"},
    "documentdb": {"backup_retention_days"},
    "neptune": {"backup_retention_days"},
    "redshift": {"snapshot_retention_days"},
    "dynamodb": {"point_in_time_recovery"},
    "efs": {"backup"},
}


def _own_backups(ctx: Context, node_id: str) -> str | None:
    """None when the store backs itself up; else what the drawing says is missing."""
    kind = ctx.kind(node_id)
    if kind in ("rds", "aurora", "fsx", "documentdb", "neptune"):
        return None if int(ctx.prop(node_id, "backup_retention_days", 1) or 0) > 0 else "backup_retention_days is 0"
    if kind == "redshift":
        return None if int(ctx.prop(node_id, "snapshot_retention_days", 1) or 0) > 0 else "snapshot_retention_days is 0"
    if kind == "dynamodb":
        return None if ctx.prop(node_id, "point_in_time_recovery") else "point_in_time_recovery is off"
    if kind == "efs":
        return None if ctx.prop(node_id, "backup") else "automatic backups are off"
    return "EBS volumes have no automatic backups of their own"


def _covered(ctx: Context, node_id: str) -> bool:
    """Whether a backup node is joined to the store (SPEC 3b: backup -> X; the reverse arrow is accepted too).

    An EBS volume is also covered when an EC2 instance it is joined to is
    covered, since AWS Backup copies an instance with all its volumes.
    """
    if any(ctx.kind(n) == "backup" for n in ctx.neighbours(node_id)):
        return True
    if ctx.kind(node_id) == "ebs":
        for instance in ctx.neighbours(node_id):
            if ctx.kind(instance) == "ec2" and any(ctx.kind(n) == "backup" for n in ctx.neighbours(instance)):
                return True
    return False


def check(ctx: Context) -> Iterator[Hit]:
    """Report every backup-worthy store that no backup plan covers and that keeps no backups itself."""
    for node_id in ctx.subjects(*BACKUP_TARGETS):
        missing = _own_backups(ctx, node_id)
        if missing is None or _covered(ctx, node_id):
            continue
        yield Hit(
            node_id,
            f"{ctx.label(node_id)} has no AWS Backup plan drawn to it and {missing}, so nothing could restore "
            "its data after a deletion or corruption.",
        )


def _volumes_beside_a_changed_instance(ctx: Context, altered: frozenset[str]) -> list[str]:
    """A flow between an instance and a backup plan covers or uncovers the volumes joined to the instance."""
    if not any(ctx.kind(node) == "backup" for node in altered):
        return []
    return [
        volume
        for node in altered
        if ctx.kind(node) == "ec2"
        for volume in ctx.neighbours(node)
        if ctx.kind(volume) == "ebs"
    ]


RULE = graph_rule(META, check, reads=_READS, flows="ends", also_affects=_volumes_beside_a_changed_instance)

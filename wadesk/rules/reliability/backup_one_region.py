"""An AWS Backup plan whose recovery points all stay in the Region of the data they protect."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import DATA_STORES

META = RuleMeta(
    id="REL-BACKUP-ONE-REGION",
    title="Backups stay in the Region of the data",
    pillar="reliability",
    severity="low",
    wa_bp="REL13-BP02",
    rationale=(
        "Recovery points kept only in the source Region share its fate: a Regional outage, or an attacker who "
        "reaches the account and its vaults, takes the data and its backups at once, and nothing is left to "
        "restore elsewhere."
    ),
    remediation=(
        "Add a copy action to the backup plan's rules that copies recovery points to a vault in another Region "
        "(ideally in a separate backup account), and set cross_region_copy to true. Stores that already keep "
        "their own replica (S3 replication, DynamoDB global tables) do not need it for that purpose."
    ),
    securityhub=(),
    checkov=(),
)

#: The property that says a store keeps its own replica outside the source, and so has a copy elsewhere.
OWN_REPLICA = {"s3": "replication", "dynamodb": "global_table"}


def _has_own_replica(ctx: Context, node_id: str) -> bool:
    name = OWN_REPLICA.get(ctx.kind(node_id))
    return name is not None and bool(ctx.prop(node_id, name))


def check(ctx: Context) -> Iterator[Hit]:
    """Report a plan with cross_region_copy false that covers a store with no replica of its own.

    A plan covers the data stores joined to it (SPEC 3b: backup -> X; the reverse arrow is accepted too); a
    plan drawn covering nothing is left to REL-NO-BACKUP's reading of the stores.
    """
    for plan in ctx.subjects("backup"):
        if ctx.prop(plan, "cross_region_copy"):
            continue
        covered = [n for n in ctx.neighbours(plan) if ctx.kind(n) in DATA_STORES]
        alone = [n for n in covered if not _has_own_replica(ctx, n)]
        if not alone:
            continue
        names = ", ".join(ctx.label(n) for n in alone[:3]) + (f" and {len(alone) - 3} more" if len(alone) > 3 else "")
        yield Hit(
            plan,
            f"{ctx.label(plan)} copies no recovery point to another Region (cross_region_copy is false), and "
            f"{names} keep{'s' if len(alone) == 1 else ''} no replica of {'its' if len(alone) == 1 else 'their'} own.",
        )


RULE = graph_rule(
    META,
    check,
    reads={"backup": {"cross_region_copy"}, "s3": {"replication"}, "dynamodb": {"global_table"}},
    flows="ends",
)

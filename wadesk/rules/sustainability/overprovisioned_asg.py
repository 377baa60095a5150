"""An auto scaling group pinned to a fixed size, so capacity never follows demand."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SUS-OVERPROVISIONED-ASG",
    title="Auto Scaling group has a fixed size",
    pillar="sustainability",
    severity="low",
    wa_bp="SUS02-BP01",
    rationale=(
        "A group whose minimum equals its maximum runs the same number of instances at the quietest hour as "
        "at the peak, so most of the time hardware is powered for load that is not there."
    ),
    remediation=(
        "Lower min_size to what the quietest period needs, keep max_size at the peak, and attach a "
        "target-tracking scaling policy (scaling_policy true) on CPU or request count per target."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a group with min_size == max_size >= 2, no scaling policy and no scheduled action.

    Scheduled actions resize a group at set times (each sets its own minimum and maximum), so a
    group that has them follows a known daily or weekly demand even when min_size equals max_size.
    """
    minimum = int(ctx.prop(node_id, "min_size", 1) or 0)
    maximum = int(ctx.prop(node_id, "max_size", 1) or 0)
    if minimum < 2 or minimum != maximum:
        return None
    if ctx.prop(node_id, "scaling_policy") or ctx.prop(node_id, "scheduled_scaling"):
        return None
    return (
        f"{ctx.label(node_id)} always runs exactly {minimum} instances (min_size equals max_size, with no "
        "scaling policy and no scheduled action), whatever the demand."
    )


RULE = node_rule(META, ("auto_scaling_group",), check)

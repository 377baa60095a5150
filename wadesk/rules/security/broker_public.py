"""An Amazon MQ broker or MSK cluster reachable from the internet."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

#: The property that makes each kind of broker public.
PUBLIC_PROPERTY = {"mq": "publicly_accessible", "msk": "public_access"}

META = RuleMeta(
    id="SEC-BROKER-PUBLIC",
    title="Message broker is publicly accessible",
    pillar="security",
    severity="high",
    wa_bp="SEC05-BP02",
    rationale=(
        "A public broker endpoint lets anyone on the internet attempt to connect, guess credentials and "
        "exploit protocol flaws, although producers and consumers almost always run inside AWS or reach the "
        "broker over private connectivity."
    ),
    remediation=(
        "Set publicly_accessible (mq) or public_access (msk) to false, place the broker in private subnets "
        "and let clients reach it from the VPC, a peered VPC, a VPN or PrivateLink."
    ),
    securityhub=("MSK.4",),
    checkov=("CKV_AWS_69", "CKV_AWS_291"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a broker whose public property (publicly_accessible or public_access) is on."""
    name = PUBLIC_PROPERTY.get(ctx.kind(node_id))
    if name is None or not ctx.prop(node_id, name):
        return None
    return f"{ctx.label(node_id)} accepts connections from the internet ({name} is true)."


RULE = node_rule(META, tuple(PUBLIC_PROPERTY), check)

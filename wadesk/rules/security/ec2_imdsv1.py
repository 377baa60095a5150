"""An EC2 instance that does not require IMDSv2 session tokens."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-EC2-IMDSV1",
    title="EC2 instance allows IMDSv1",
    pillar="security",
    severity="high",
    wa_bp="SEC06-BP05",
    rationale=(
        "Instance metadata version 1 answers plain GET requests, so a server-side request forgery or an "
        "open proxy in the application is enough to steal the instance role's temporary credentials."
    ),
    remediation=(
        "Set imdsv2_required to true (metadata http_tokens = required) so metadata requests need a session token."
    ),
    securityhub=("EC2.8",),
    checkov=("CKV_AWS_79",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an instance whose imdsv2_required property is false."""
    if ctx.prop(node_id, "imdsv2_required"):
        return None
    return f"{ctx.label(node_id)} still answers IMDSv1 metadata requests (imdsv2_required is false)."


RULE = node_rule(META, ("ec2",), check)

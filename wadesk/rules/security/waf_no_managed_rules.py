"""A web ACL with no AWS managed rule group."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-WAF-NO-MANAGED-RULES",
    title="Web ACL has no AWS managed rule groups",
    pillar="security",
    severity="low",
    wa_bp="SEC05-BP03",
    rationale=(
        "AWS managed rule groups (the core rule set, known bad inputs, SQL injection, IP reputation) block the "
        "common web exploits and are updated as new ones appear. A web ACL without them stops only what its own "
        "rules describe, which is often a rate limit or a few addresses."
    ),
    remediation=(
        "Add AWS managed rule groups to the web ACL (managed_rules true), starting with "
        "AWSManagedRulesCommonRuleSet and AWSManagedRulesKnownBadInputsRuleSet in count mode, then block."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a web ACL whose managed_rules is false."""
    if ctx.prop(node_id, "managed_rules", True):
        return None
    return (
        f"{ctx.label(node_id)} inspects requests with its own rules only, no AWS managed rule group "
        "(managed_rules is false)."
    )


RULE = node_rule(META, ("waf",), check)

"""AWS Security Hub drawn disabled."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import ACTORS, CONTAINERS
from wadesk.rules.security._detectors import disabled_services

META = RuleMeta(
    id="SEC-SECURITY-HUB-DISABLED",
    title="AWS Security Hub is disabled",
    pillar="security",
    severity="medium",
    wa_bp="SEC04-BP03",
    rationale=(
        "Security Hub gathers the findings of GuardDuty, Inspector, Macie and its own configuration checks in "
        "one place and prioritises them. Switched off, each service's findings stay in its own console and the "
        "configuration checks do not run, so related alerts are never seen together."
    ),
    remediation=(
        "Set enabled to true on the security_hub node (enable Security Hub with a standard such as AWS "
        "Foundational Security Best Practices, or through the organization's delegated administrator) and send "
        "its findings to whoever responds."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report security_hub nodes drawn with enabled false, none enabled, in a design with AWS resources."""
    resources = frozenset(kind for kind in {ctx.kind(n) for n in ctx.nodes()} if kind not in CONTAINERS | ACTORS)
    yield from disabled_services(
        ctx,
        "security_hub",
        resources - {"security_hub"},
        "is disabled (enabled is false): security findings and configuration checks are not gathered anywhere.",
    )


RULE = graph_rule(META, check, reads={"security_hub": {"enabled"}}, flows=False)

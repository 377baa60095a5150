"""An Elastic Beanstalk environment whose platform is not updated automatically."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="OPS-BEANSTALK-MANAGED-UPDATES",
    title="Elastic Beanstalk managed platform updates are off",
    pillar="operational_excellence",
    severity="high",
    wa_bp="OPS05-BP05",
    rationale=(
        "The platform version bundles the operating system, runtime and web server. Without managed "
        "updates, security patches and fixes wait until someone remembers to upgrade by hand."
    ),
    remediation=(
        "Set managed_updates to true and pick a weekly maintenance window, with minor and patch level "
        "updates applied automatically."
    ),
    securityhub=("ElasticBeanstalk.2",),
    checkov=("CKV_AWS_340",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an environment whose managed_updates property is off."""
    if ctx.prop(node_id, "managed_updates"):
        return None
    return f"{ctx.label(node_id)} is not kept on a patched platform version (managed_updates is false)."


RULE = node_rule(META, ("elastic_beanstalk",), check)

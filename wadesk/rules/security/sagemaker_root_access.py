"""A SageMaker notebook instance whose users have root access."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-SAGEMAKER-ROOT-ACCESS",
    title="SageMaker notebook users have root access",
    pillar="security",
    severity="medium",
    wa_bp="SEC03-BP02",
    rationale=(
        "Root on the notebook instance lets every user change system software, switch off agents and read "
        "all files and credentials on it, so one compromised notebook session controls the whole instance "
        "and its execution role."
    ),
    remediation=(
        "Set root_access to false and install the packages users need through a lifecycle configuration "
        "(which still runs as root) or into user-level environments."
    ),
    securityhub=("SageMaker.3",),
    checkov=("CKV_AWS_307",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a SageMaker node whose root_access property is on."""
    if not ctx.prop(node_id, "root_access"):
        return None
    return f"{ctx.label(node_id)} gives its users root on the notebook instance (root_access is true)."


RULE = node_rule(META, ("sagemaker",), check)

"""An EKS cluster running a Kubernetes version that Amazon EKS no longer supports."""

from __future__ import annotations

import re

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

#: Oldest Kubernetes minor version (1.NN) that Amazon EKS still supports.
#: EKS retires a version about 26 months after its release (14 months of standard support followed by
#: 12 months of extended support); raise this constant each time a version reaches its end of support.
OLDEST_SUPPORTED_MINOR = 31

_VERSION = re.compile(r"^v?1\.(\d+)(?:\.\d+)?$")

META = RuleMeta(
    id="SEC-EKS-UNSUPPORTED-VERSION",
    title="EKS cluster runs an unsupported Kubernetes version",
    pillar="security",
    severity="high",
    wa_bp="SEC06-BP01",
    rationale=(
        "Once a Kubernetes version leaves EKS support, the control plane and its add-ons stop receiving "
        "security patches, so known vulnerabilities stay open, and AWS eventually upgrades the cluster on its "
        "own schedule rather than yours."
    ),
    remediation=(
        f"Upgrade the cluster one minor version at a time to 1.{OLDEST_SUPPORTED_MINOR} or later and set "
        "version accordingly; check deprecated APIs and add-on compatibility first, and upgrade the node "
        "groups after the control plane."
    ),
    securityhub=("EKS.2",),
    checkov=("CKV_AWS_339",),
)


def minor_version(version: object) -> int | None:
    """The minor number of a "1.NN" Kubernetes version, or None when the text is not such a version."""
    match = _VERSION.match(str(version or "").strip().lower())
    return int(match.group(1)) if match else None


def check(ctx: Context, node_id: str) -> str | None:
    """Report a cluster whose version is a 1.NN release older than the oldest supported one."""
    version = ctx.prop(node_id, "version")
    minor = minor_version(version)
    if minor is None or minor >= OLDEST_SUPPORTED_MINOR:
        return None
    return (
        f"{ctx.label(node_id)} runs Kubernetes {str(version).strip()}, which is past the end of EKS support "
        f"(the oldest supported version is 1.{OLDEST_SUPPORTED_MINOR})."
    )


RULE = node_rule(META, ("eks_cluster",), check)

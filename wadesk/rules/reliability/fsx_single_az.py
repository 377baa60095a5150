"""An FSx file system deployed in a single Availability Zone."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-FSX-SINGLE-AZ",
    title="FSx file system runs in one Availability Zone",
    pillar="reliability",
    severity="medium",
    wa_bp="REL10-BP01",
    rationale=(
        "A Single-AZ file system has its file server and storage in one zone: a zone outage, or the replacement "
        "of its file server, leaves every client without its files until the zone or the server is back."
    ),
    remediation=(
        "Create the file system with a Multi-AZ deployment type (deployment multi-az: a standby file server in "
        "a second zone takes over automatically), or restore it from a backup into a Multi-AZ file system."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a Windows, ONTAP or OpenZFS file system whose deployment is single-az.

    FSx for Lustre has no Multi-AZ deployment to ask for: it is a scratch or persistent file system in one
    zone by design, recovered from its backups or its linked S3 bucket.
    """
    if ctx.prop(node_id, "file_system_type", "WINDOWS") == "LUSTRE":
        return None
    if ctx.prop(node_id, "deployment", "single-az") != "single-az":
        return None
    return f"{ctx.label(node_id)} is a Single-AZ file system, with no standby file server in another zone."


RULE = node_rule(META, ("fsx",), check)

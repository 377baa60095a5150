"""An EC2 instance that Systems Manager does not patch."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.operational_excellence._common import linked_to_kind

META = RuleMeta(
    id="OPS-EC2-NOT-MANAGED",
    title="EC2 instance is not patched by Systems Manager",
    pillar="operational_excellence",
    severity="medium",
    wa_bp="OPS05-BP05",
    rationale=(
        "An instance outside Systems Manager is patched by hand, if at all: operating system fixes arrive "
        "late and unevenly, and there is no record of which instances are compliant."
    ),
    remediation=(
        "Install the SSM agent with an instance profile that allows it (ssm_agent), add the instance to a "
        "Patch Manager baseline and maintenance window, then set patch_managed to true."
    ),
    securityhub=("SSM.1", "SSM.2"),
    checkov=(),
    partial=("SSM.1", "SSM.2"),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report every EC2 instance that no Patch Manager baseline patches (patch_managed is false).

    The message says what the drawing shows: an instance Systems Manager
    manages (ssm_agent, or a flow to or from Systems Manager) still has no
    patch baseline; others are not managed at all.
    """
    for node_id in ctx.subjects("ec2"):
        if ctx.prop(node_id, "patch_managed"):
            continue
        if ctx.prop(node_id, "ssm_agent") or linked_to_kind(ctx, node_id, "systems_manager"):
            yield Hit(
                node_id,
                f"{ctx.label(node_id)} runs the Systems Manager agent but no patch baseline covers it "
                "(patch_managed is false), so its operating system patches are applied by hand, if at all.",
            )
            continue
        yield Hit(
            node_id,
            f"{ctx.label(node_id)} is not managed by Systems Manager (patch_managed is false and no flow "
            "connects it to Systems Manager), so its patching is manual.",
        )


RULE = graph_rule(META, check, reads={"ec2": {"patch_managed", "ssm_agent"}}, flows="ends")

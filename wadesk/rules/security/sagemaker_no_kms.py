"""A SageMaker notebook instance whose storage is encrypted with the AWS managed key."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-SAGEMAKER-NO-KMS",
    title="SageMaker notebook storage uses the AWS managed key",
    pillar="security",
    severity="low",
    wa_bp="SEC08-BP01",
    rationale=(
        "A notebook's volume holds the datasets, credentials and code its users work with. Encrypted with the "
        "AWS managed key, who may decrypt it cannot be limited by a key policy, its use is not separately "
        "audited per key, and the key cannot be disabled to cut off access."
    ),
    remediation=(
        "Create the notebook instance with a customer managed KMS key (kms_encryption true, and a flow from the "
        "notebook to a kms node) whose key policy names the roles that may use it."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report every notebook with kms_encryption false and no flow to a kms node (SPEC 3b: X -> kms)."""
    for notebook in ctx.subjects("sagemaker"):
        if ctx.prop(notebook, "kms_encryption") or ctx.sends_to(notebook, "kms"):
            continue
        yield Hit(
            notebook,
            f"{ctx.label(notebook)} encrypts its storage volume with the AWS managed key (kms_encryption is false).",
        )


RULE = graph_rule(META, check, reads={"sagemaker": {"kms_encryption"}}, flows="ends")

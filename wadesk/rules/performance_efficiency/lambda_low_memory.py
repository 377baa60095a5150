"""A long-running Lambda function left at the smallest memory size."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="PERF-LAMBDA-LOW-MEMORY",
    title="Long-running Lambda function has minimum memory",
    pillar="performance_efficiency",
    severity="low",
    wa_bp="PERF02-BP04",
    rationale=(
        "Lambda allocates CPU in proportion to memory, so a function at 128 MB gets a small fraction of a "
        "vCPU. A function that needs a long timeout at that size is usually starved of CPU, and more "
        "memory often makes it both faster and no dearer."
    ),
    remediation=(
        "Measure the function at several memory sizes (for example with AWS Lambda Power Tuning or "
        "Compute Optimizer) and raise memory_mb to the size that gives the best duration for the cost."
    ),
)

#: A timeout this long, in seconds, says the function does substantial work.
LONG_TIMEOUT_S = 30
MINIMUM_MEMORY_MB = 128


def check(ctx: Context, node_id: str) -> str | None:
    """Report a function with the minimum memory and a timeout of 30 seconds or more."""
    memory = ctx.prop(node_id, "memory_mb", MINIMUM_MEMORY_MB)
    timeout = ctx.prop(node_id, "timeout_s", 3)
    if memory is None or timeout is None or memory > MINIMUM_MEMORY_MB or timeout < LONG_TIMEOUT_S:
        return None
    return (
        f"{ctx.label(node_id)} may run for up to {timeout} s with only {memory} MB of memory, and so a small "
        "share of CPU."
    )


RULE = node_rule(META, ("lambda",), check)

"""An asynchronously invoked Lambda function with nowhere to send failed events."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.reliability._common import has_failure_destination

META = RuleMeta(
    id="REL-ASYNC-NO-DLQ",
    title="Asynchronous Lambda function has no dead-letter queue",
    pillar="reliability",
    severity="low",
    wa_bp="REL05-BP04",
    rationale=(
        "Events delivered asynchronously are retried a couple of times and then dropped. Without a "
        "dead-letter queue or on-failure destination, those events vanish silently and cannot be replayed."
    ),
    remediation=(
        "Set dead_letter_queue on the function, or draw a flow from it to an SQS queue or SNS topic marked "
        "dead_letter (an on-failure destination), and alarm on that queue's depth."
    ),
    checkov=("CKV_AWS_116",),
    partial=("CKV_AWS_116",),
    securityhub=(),
)

#: Sources that invoke a function asynchronously. An SQS event source mapping is synchronous polling:
#: its failed messages go back to the queue, whose own redrive policy is REL-QUEUE-NO-DLQ's business.
ASYNC_SOURCES = ("sns", "eventbridge", "s3")


def check(ctx: Context) -> Iterator[Hit]:
    """Report Lambda functions invoked by SNS, EventBridge or S3 events without a DLQ or failure destination."""
    for function in ctx.subjects("lambda"):
        sources = [s for s in ctx.predecessors(function) if ctx.kind(s) in ASYNC_SOURCES]
        if not sources or ctx.prop(function, "dead_letter_queue") or has_failure_destination(ctx, function):
            continue
        yield Hit(
            function,
            f"{ctx.label(function)} is invoked asynchronously by {ctx.label(sources[0])} but has no dead-letter "
            "queue or on-failure destination, so events that keep failing are lost.",
        )


RULE = graph_rule(META, check, reads={"lambda": {"dead_letter_queue"}}, flows="ends")

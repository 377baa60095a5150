"""A consumed SQS queue with no dead-letter queue for messages that keep failing."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.reliability._common import flow_successors, is_dead_letter_queue

META = RuleMeta(
    id="REL-QUEUE-NO-DLQ",
    title="SQS queue has no dead-letter queue",
    pillar="reliability",
    severity="low",
    wa_bp="REL05-BP04",
    rationale=(
        "A message its consumer can never process returns to the queue again and again, using consumer "
        "capacity and delaying good messages, until its retention period deletes it unseen."
    ),
    remediation=(
        "Set dead_letter_queue on the queue (a redrive policy with a sensible maxReceiveCount), or draw a flow "
        "from it to a second SQS queue marked dead_letter, and alarm when that queue is not empty."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report queues that feed a consumer, have no redrive to a DLQ, and are not themselves a DLQ."""
    for queue in ctx.subjects("sqs"):
        if ctx.prop(queue, "dead_letter_queue") or ctx.has_dead_letter_queue(queue):
            continue
        consumers = [c for c in flow_successors(ctx, queue) if c != queue]
        if not consumers or is_dead_letter_queue(ctx, queue):
            continue
        yield Hit(
            queue,
            f"{ctx.label(queue)} feeds {ctx.label(consumers[0])} but has no dead-letter queue: a message that "
            "always fails is retried until it expires.",
        )


RULE = graph_rule(META, check, reads={"sqs": {"dead_letter_queue"}}, flows="ends")

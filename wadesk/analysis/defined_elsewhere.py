"""Nodes that stand for something defined outside the design: the analysis judges none of their settings."""

from __future__ import annotations

from wadesk.model import Architecture

#: Kinds that can stand for something defined outside the design (``defined_elsewhere``): an imported
#: template's VPC from another stack, a registry module's subnets, the EKS cluster or database a registry module
#: makes. Rules judge no setting of theirs. (A hosted zone defined elsewhere is not here: its records are drawn and
#: judged; only its query logging is not.)
DEFINED_ELSEWHERE_KINDS = frozenset(
    {"vpc", "subnet", "security_group", "ec2", "lambda", "eks_cluster", "ecs_cluster", "s3", "efs", "rds", "aurora",
     "dynamodb", "alb", "nlb", "elb", "sqs", "sns"}
)


def is_not_judged(arch: Architecture, node_id: str | None) -> bool:
    """Whether ``node_id`` stands for something outside the design, so no rule judges its settings."""
    return (
        node_id is not None
        and node_id in arch
        and arch.kind_of(node_id) in DEFINED_ELSEWHERE_KINDS
        and bool(arch.props_of(node_id).get("defined_elsewhere"))
    )


def not_judged(arch: Architecture) -> list[str]:
    """The ids of every node no rule judges because it is defined elsewhere, in the design's order.

    A review that lists no finding says nothing about these: the report and the analysis pane name them.
    """
    return [node_id for node_id in arch.node_ids() if is_not_judged(arch, node_id)]

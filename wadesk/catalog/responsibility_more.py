"""Shared-responsibility rows of the kinds that importers brought in (same codes as ``responsibility.py``)."""

from __future__ import annotations

# fmt: off
# Column groups:  physical..host_os | guest_os runtime net_config application | identity data encryption resilience
MORE: dict[str, tuple[str, str, str]] = {
    "ecs_cluster": (
        "container", "AAAA SSC- C--S",
        "The customer chooses the capacity (Fargate or its own EC2 container instances, which it patches), turns "
        "on Container Insights and decides who may run tasks. Classified as ECS (on EC2 or Fargate).",
    ),
    "ecr": (
        "abstracted", "AAAA AA-C CCAS",
        "The customer builds and patches the images it pushes, turns on scanning, decides who may push and pull "
        "(repository and registry policies), keeps tags immutable and expires old images. AWS stores the images "
        "encrypted and replicated within the Region. Classified by analogy with S3.",
    ),
    "elb": (
        "abstracted", "AAAA AAC- CC-S",
        "The customer sets listeners and the TLS policy, security groups, subnets in two or more zones and "
        "access logs. AWS scales and replaces the load balancer nodes. Classified as ALB/NLB.",
    ),
    "cloudwatch_alarm": (
        "abstracted", "AAAA AA-C C--S",
        "The customer picks the metric, threshold and periods and routes the alarm to someone who acts on it. "
        "Classified as CloudWatch.",
    ),
    "aws_resource": (
        "abstracted", "AAAA SSSS CSSS",
        "A resource type the importer does not know: what the customer owns depends on the service. The split "
        "shown is the cautious middle of the managed services.",
    ),
    "firehose": (
        "abstracted", "AAAA AASC CCCS",
        "The customer writes the delivery configuration and transformations, grants access to the destination "
        "and turns on encryption. Classified by analogy with Kinesis Data Streams.",
    ),
    "dms": (
        "abstracted", "AAAA AACC CCCC",
        "The customer sizes the replication instance, keeps it private and Multi-AZ, writes the tasks and "
        "endpoints (with TLS to each database) and secures the credentials. Classified by analogy with RDS.",
    ),
}
# fmt: on

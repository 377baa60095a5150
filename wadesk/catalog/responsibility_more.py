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
    "app_runner": (
        "abstracted", "AAAA ASSC CCAS",
        "The customer supplies the image or source code, gives the instance role least privilege, sets the "
        "scaling limits and decides on public or private ingress and a VPC connector. AWS runs, patches and "
        "spreads the instances over zones. Classified by analogy with Lambda and ECS on Fargate.",
    ),
    "dsql": (
        "abstracted", "AAAA AAS- CCAS",
        "The customer grants database access through IAM (authentication tokens) and database roles, picks the "
        "KMS key and peers clusters in other Regions. AWS runs it active-active across zones. Classified by "
        "analogy with DynamoDB.",
    ),
    "directory_service": (
        "abstracted", "AAAA AASC CCAS",
        "The customer manages the directory's users, groups, policies and trusts, the admin password and who may "
        "reach the domain controllers. AWS patches and monitors two domain controllers in two zones and takes "
        "daily snapshots. Classified by analogy with the managed services of the security whitepaper.",
    ),
    "codepipeline": (
        "abstracted", "AAAA AA-C CCAS",
        "The customer defines the stages and actions, gives the pipeline a least-privilege role, protects the "
        "artifact bucket and picks its key. Classified by analogy with Step Functions.",
    ),
    "codebuild": (
        "abstracted", "AAAA ASSC CCAA",
        "The customer writes the build specification, picks or builds the image, avoids privileged mode, gives "
        "builds a least-privilege role, keeps secrets out of plain environment variables and picks the key. AWS "
        "runs and patches the build fleet. Classified by analogy with Lambda.",
    ),
    "codedeploy": (
        "abstracted", "AAAA AA-C CC-S",
        "The customer writes the application specification, picks the deployment configuration and turns on "
        "automatic rollback and alarms. Classified by analogy with Step Functions.",
    ),
}
# fmt: on

"""Groups of kinds that rules reason about (what is a data store, an entry point, ...)."""

from __future__ import annotations

#: Relational and NoSQL databases, caches, warehouses and search clusters.
DATABASES = frozenset(
    {"rds", "aurora", "dynamodb", "elasticache", "redshift", "documentdb", "neptune", "opensearch"}
)
#: Databases that live in a VPC (they have subnets and security groups).
VPC_DATABASES = frozenset({"rds", "aurora", "elasticache", "redshift", "documentdb", "neptune", "opensearch"})
#: Relational and document databases read by an application tier (caching candidates).
READ_DATABASES = frozenset({"rds", "aurora", "documentdb", "neptune", "dynamodb"})
#: Everything that holds data a business would miss.
DATA_STORES = DATABASES | frozenset({"s3", "ebs", "efs", "fsx", "glacier"})
#: Data stores whose loss is permanent unless someone backs them up.
BACKUP_TARGETS = frozenset({"rds", "aurora", "dynamodb", "ebs", "efs", "fsx", "documentdb", "neptune", "redshift"})
CACHES = frozenset({"elasticache"})

#: Things that run the customer's code.
COMPUTE = frozenset({"ec2", "lambda", "ecs_service", "fargate_task", "eks_cluster", "elastic_beanstalk", "batch"})
#: Compute that runs long-lived servers (as opposed to functions).
SERVER_COMPUTE = frozenset({"ec2", "ecs_service", "fargate_task", "eks_cluster", "elastic_beanstalk"})

#: Managed front doors that terminate requests before they reach the workload.
FRONT_DOORS = frozenset({"alb", "nlb", "elb", "api_gateway", "cloudfront", "global_accelerator"})
#: Application, Network and Classic Load Balancers.
LOAD_BALANCERS = frozenset({"alb", "nlb", "elb"})
#: Entry points a web ACL can protect.
WAF_PROTECTABLE = frozenset({"alb", "api_gateway", "cloudfront"})

#: Containers (never the subject of flows).
CONTAINERS = frozenset(
    {"aws_cloud", "region", "vpc", "availability_zone", "subnet", "security_group", "auto_scaling_group"}
)
#: Actors outside AWS.
ACTORS = frozenset({"internet", "corporate_network", "external_service"})
#: Account-wide detective services: one anywhere covers the whole design (SPEC 3b).
ACCOUNT_WIDE = frozenset({"cloudtrail", "config", "guardduty", "security_hub"})
#: Services a flow goes to without it being part of the request path.
OBSERVERS = frozenset(
    {"cloudwatch", "cloudwatch_alarm", "xray", "kms", "cloudtrail", "config", "guardduty", "security_hub", "iam_role"}
)
#: Queues, topics and streams that decouple producers from consumers.
MESSAGING = frozenset({"sqs", "sns", "eventbridge", "kinesis", "msk", "mq", "step_functions"})
DEAD_LETTER_TARGETS = frozenset({"sqs", "sns"})

#: Container properties that decide where a node runs (SPEC 3b): a graph rule
#: that looks at zones or public subnets reads these.
PLACEMENT_READS: dict[str, frozenset[str]] = {
    "subnet": frozenset({"public", "availability_zone"}),
    "availability_zone": frozenset({"name"}),
    "auto_scaling_group": frozenset({"subnets"}),
    "alb": frozenset({"subnets"}),
    "nlb": frozenset({"subnets"}),
    "elb": frozenset({"subnets"}),
    "lambda": frozenset({"subnets"}),
    "msk": frozenset({"subnets"}),
    "app_runner": frozenset({"subnets"}),
    "codebuild": frozenset({"subnets"}),
    "directory_service": frozenset({"subnets"}),
}

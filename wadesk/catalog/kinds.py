"""The table of every kind: id, display name, category, diagrams class and property schema."""

from __future__ import annotations

from dataclasses import dataclass

from wadesk.catalog import properties as p
from wadesk.catalog import properties_data as pd
from wadesk.catalog import properties_services as ps

#: Palette categories, in the order the palette shows them.
CATEGORIES: tuple[str, ...] = (
    "containers",
    "actors",
    "compute",
    "storage",
    "database",
    "networking",
    "security",
    "management",
    "integration",
    "analytics",
)


@dataclass(frozen=True)
class KindRow:
    """One row of the kind table before icons and responsibility are attached."""

    id: str
    name: str
    category: str
    diagrams_class: str
    props: type[p.Props]
    container: bool = False


def _row(
    kind_id: str,
    name: str,
    category: str,
    diagrams_class: str,
    props: type[p.Props] = p.NoProps,
    container: bool = False,
) -> KindRow:
    return KindRow(kind_id, name, category, "diagrams." + diagrams_class, props, container)


_C = "containers"

# fmt: off
ROWS: tuple[KindRow, ...] = (
    # containers
    _row("aws_cloud", "AWS Cloud", "containers", "aws.general.General", p.AwsCloudProps, True),
    _row("region", "Region", "containers", "aws.network.Route53HostedZone", p.RegionProps, True),
    _row("vpc", "VPC", "containers", "aws.network.VPC", p.VpcProps, True),
    _row("availability_zone", "Availability Zone", _C, "aws.compute.LocalZones", p.AvailabilityZoneProps, True),
    _row("subnet", "Subnet", "containers", "aws.network.PrivateSubnet", p.SubnetProps, True),
    _row("security_group", "Security group", "containers", "aws.general.GenericFirewall", p.SecurityGroupProps, True),
    _row("auto_scaling_group", "Auto Scaling group", _C, "aws.compute.EC2AutoScaling", p.AutoScalingGroupProps, True),
    # actors outside AWS
    _row("internet", "Internet users", "actors", "aws.general.Users", p.ActorProps),
    _row("corporate_network", "Corporate network", "actors", "aws.general.OfficeBuilding", p.ActorProps),
    _row("external_service", "External service", "actors", "aws.general.InternetAlt1", p.ActorProps),
    # compute
    _row("ec2", "EC2 instance", "compute", "aws.compute.EC2", p.Ec2Props),
    _row("lambda", "Lambda function", "compute", "aws.compute.Lambda", p.LambdaProps),
    _row("ecs_service", "ECS service", "compute", "aws.compute.ElasticContainerServiceService", p.EcsServiceProps),
    _row("fargate_task", "Fargate task", "compute", "aws.compute.Fargate", p.FargateTaskProps),
    _row("eks_cluster", "EKS cluster", "compute", "aws.compute.EKS", p.EksClusterProps),
    _row("elastic_beanstalk", "Elastic Beanstalk", "compute", "aws.compute.ElasticBeanstalk", p.ElasticBeanstalkProps),
    _row("batch", "AWS Batch", "compute", "aws.compute.Batch", p.BatchProps),
    _row("ecs_cluster", "ECS cluster", "compute", "aws.compute.ElasticContainerService", p.EcsClusterProps),
    _row("ecr", "ECR repository", "compute", "aws.compute.ECR", p.EcrProps),
    _row("app_runner", "App Runner service", "compute", "aws.compute.AppRunner", ps.AppRunnerProps),
    # storage
    _row("s3", "S3 bucket", "storage", "aws.storage.S3", pd.S3Props),
    _row("ebs", "EBS volume", "storage", "aws.storage.EBS", pd.EbsProps),
    _row("efs", "EFS file system", "storage", "aws.storage.EFS", pd.EfsProps),
    _row("fsx", "FSx file system", "storage", "aws.storage.FSx", pd.FsxProps),
    _row("glacier", "S3 Glacier vault", "storage", "aws.storage.S3Glacier", pd.GlacierProps),
    _row("backup", "AWS Backup plan", "storage", "aws.storage.Backup", pd.BackupProps),
    # database
    _row("rds", "RDS database", "database", "aws.database.RDS", pd.RdsProps),
    _row("aurora", "Aurora cluster", "database", "aws.database.Aurora", pd.AuroraProps),
    _row("dynamodb", "DynamoDB table", "database", "aws.database.Dynamodb", pd.DynamoDbProps),
    _row("elasticache", "ElastiCache", "database", "aws.database.ElastiCache", pd.ElastiCacheProps),
    _row("redshift", "Redshift cluster", "database", "aws.database.Redshift", pd.RedshiftProps),
    _row("documentdb", "DocumentDB cluster", "database", "aws.database.DocumentDB", pd.DocumentDbProps),
    _row("neptune", "Neptune cluster", "database", "aws.database.Neptune", pd.NeptuneProps),
    _row("opensearch", "OpenSearch domain", "database", "aws.analytics.AmazonOpensearchService", pd.OpenSearchProps),
    _row("dsql", "Aurora DSQL cluster", "database", "aws.database.Aurora", ps.DsqlProps),
    # networking
    _row("alb", "Application Load Balancer", "networking", "aws.network.ALB", p.AlbProps),
    _row("nlb", "Network Load Balancer", "networking", "aws.network.NLB", p.LoadBalancerProps),
    _row("elb", "Classic Load Balancer", "networking", "aws.network.ElbClassicLoadBalancer", p.LoadBalancerProps),
    _row("cloudfront", "CloudFront distribution", "networking", "aws.network.CloudFront", p.CloudFrontProps),
    _row("api_gateway", "API Gateway", "networking", "aws.network.APIGateway", p.ApiGatewayProps),
    _row("route53", "Route 53", "networking", "aws.network.Route53", p.Route53Props),
    _row("internet_gateway", "Internet gateway", "networking", "aws.network.InternetGateway"),
    _row("nat_gateway", "NAT gateway", "networking", "aws.network.NATGateway"),
    _row("vpc_endpoint", "VPC endpoint", "networking", "aws.network.Endpoint", p.VpcEndpointProps),
    _row("transit_gateway", "Transit gateway", "networking", "aws.network.TransitGateway"),
    _row("direct_connect", "Direct Connect", "networking", "aws.network.DirectConnect", p.DirectConnectProps),
    _row("vpn_gateway", "VPN gateway", "networking", "aws.network.VpnGateway", p.VpnGatewayProps),
    _row("global_accelerator", "Global Accelerator", "networking", "aws.network.GlobalAccelerator"),
    # security
    _row("waf", "AWS WAF web ACL", "security", "aws.security.WAF", p.WafProps),
    _row("shield", "AWS Shield", "security", "aws.security.Shield", p.ShieldProps),
    _row("iam_role", "IAM role", "security", "aws.security.IAMRole", p.IamRoleProps),
    _row("kms", "KMS key", "security", "aws.security.KMS", p.KmsProps),
    _row("secrets_manager", "Secrets Manager", "security", "aws.security.SecretsManager", p.SecretsManagerProps),
    _row("cognito", "Cognito user pool", "security", "aws.security.Cognito", p.CognitoProps),
    _row("guardduty", "GuardDuty", "security", "aws.security.Guardduty", p.DetectorProps),
    _row("security_hub", "Security Hub", "security", "aws.security.SecurityHub", p.DetectorProps),
    _row("acm", "Certificate Manager", "security", "aws.security.CertificateManager"),
    _row("macie", "Macie", "security", "aws.security.Macie", p.DetectorProps),
    _row("inspector", "Inspector", "security", "aws.security.Inspector", p.DetectorProps),
    _row("directory_service", "Directory Service", "security", "aws.security.DirectoryService", ps.DirectoryProps),
    # management
    _row("cloudtrail", "CloudTrail", "management", "aws.management.Cloudtrail", p.CloudTrailProps),
    _row("cloudwatch", "CloudWatch", "management", "aws.management.Cloudwatch", p.CloudWatchProps),
    _row("config", "AWS Config", "management", "aws.management.Config", p.ConfigProps),
    _row("systems_manager", "Systems Manager", "management", "aws.management.SystemsManager"),
    _row("xray", "X-Ray", "management", "aws.devtools.XRay"),
    _row("cloudformation", "CloudFormation", "management", "aws.management.Cloudformation"),
    _row("trusted_advisor", "Trusted Advisor", "management", "aws.management.TrustedAdvisor"),
    _row("cloudwatch_alarm", "CloudWatch alarm", "management", "aws.management.CloudwatchAlarm", p.AlarmProps),
    _row("codepipeline", "CodePipeline pipeline", "management", "aws.devtools.Codepipeline", ps.CodePipelineProps),
    _row("codebuild", "CodeBuild project", "management", "aws.devtools.Codebuild", ps.CodeBuildProps),
    _row("codedeploy", "CodeDeploy application", "management", "aws.devtools.Codedeploy", ps.CodeDeployProps),
    _row("aws_resource", "AWS resource (other)", "management", "aws.general.Marketplace", p.GenericResourceProps),
    # integration
    _row("sqs", "SQS queue", "integration", "aws.integration.SQS", pd.SqsProps),
    _row("sns", "SNS topic", "integration", "aws.integration.SNS", pd.SnsProps),
    _row("eventbridge", "EventBridge bus", "integration", "aws.integration.Eventbridge", pd.EventBridgeProps),
    _row("step_functions", "Step Functions", "integration", "aws.integration.StepFunctions", pd.StepFunctionsProps),
    _row("kinesis", "Kinesis data stream", "integration", "aws.analytics.KinesisDataStreams", pd.KinesisProps),
    _row("msk", "MSK (Kafka) cluster", "integration", "aws.analytics.ManagedStreamingForKafka", pd.MskProps),
    _row("mq", "Amazon MQ broker", "integration", "aws.integration.MQ", pd.MqProps),
    _row("firehose", "Data Firehose stream", "integration", "aws.analytics.KinesisDataFirehose", pd.FirehoseProps),
    _row("dms", "DMS replication instance", "integration", "aws.migration.DatabaseMigrationService", pd.DmsProps),
    # analytics / ML
    _row("athena", "Athena", "analytics", "aws.analytics.Athena", pd.AthenaProps),
    _row("glue", "Glue", "analytics", "aws.analytics.Glue", pd.GlueProps),
    _row("emr", "EMR cluster", "analytics", "aws.analytics.EMR", pd.EmrProps),
    _row("sagemaker", "SageMaker", "analytics", "aws.ml.Sagemaker", pd.SageMakerProps),
    _row("quicksight", "QuickSight", "analytics", "aws.analytics.Quicksight"),
)
# fmt: on

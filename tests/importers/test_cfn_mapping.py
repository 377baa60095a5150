"""Each mapped CloudFormation type becomes the right kind with its properties read from the template."""

from __future__ import annotations

from typing import Any

import pytest

from tests.importers.cfnkit import R, template
from wadesk.catalog import CATALOG
from wadesk.importers.cfn.importer import known_types, map_template
from wadesk.importers.cfn.values import Unresolved

# (type, properties, expected kind, expected properties)
CASES: list[tuple[str, dict[str, Any], str, dict[str, Any]]] = [
    ("AWS::EC2::VPC", {"CidrBlock": "10.1.0.0/16"}, "vpc", {"cidr": "10.1.0.0/16"}),
    (
        "AWS::EC2::Instance",
        {
            "InstanceType": "m5.large",
            "Monitoring": True,
            "MetadataOptions": {"HttpTokens": "required"},
            "BlockDeviceMappings": [{"Ebs": {"Encrypted": "true"}}],
        },
        "ec2",
        {"instance_type": "m5.large", "detailed_monitoring": True, "imdsv2_required": True, "ebs_encrypted": True},
    ),
    ("AWS::EC2::Instance", {}, "ec2", {"instance_type": "m1.small", "imdsv2_required": False, "public_ip": True}),
    ("AWS::EC2::Volume", {"Encrypted": True, "VolumeType": "gp3"}, "ebs", {"encrypted": True, "volume_type": "gp3"}),
    ("AWS::S3::Bucket", {}, "s3", {"block_public_access": True, "encryption": "SSE-S3", "versioning": False}),
    (
        "AWS::S3::Bucket",
        {
            "PublicAccessBlockConfiguration": {"BlockPublicAcls": False},
            "BucketEncryption": {
                "ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]
            },
            "VersioningConfiguration": {"Status": "Enabled"},
            "LoggingConfiguration": {"DestinationBucketName": "logs"},
            "LifecycleConfiguration": {"Rules": [{"Status": "Enabled"}]},
            "WebsiteConfiguration": {"IndexDocument": "index.html"},
        },
        "s3",
        {
            "block_public_access": False,
            "encryption": "SSE-KMS",
            "versioning": True,
            "access_logging": True,
            "lifecycle_rules": True,
            "website_hosting": True,
        },
    ),
    (
        "AWS::RDS::DBInstance",
        {
            "Engine": "postgres",
            "DBInstanceClass": "db.m5.large",
            "MultiAZ": "true",
            "StorageEncrypted": True,
            "PubliclyAccessible": False,
            "BackupRetentionPeriod": 7,
            "DeletionProtection": True,
            "EnableIAMDatabaseAuthentication": True,
        },
        "rds",
        {
            "engine": "postgres",
            "instance_class": "db.m5.large",
            "multi_az": True,
            "storage_encrypted": True,
            "publicly_accessible": False,
            "backup_retention_days": 7,
            "deletion_protection": True,
            "iam_auth": True,
        },
    ),
    ("AWS::RDS::DBInstance", {"Engine": "mysql"}, "rds", {"publicly_accessible": True, "backup_retention_days": 1}),
    (
        "AWS::RDS::DBCluster",
        {"Engine": "aurora-postgresql", "StorageEncrypted": True},
        "aurora",
        {"engine": "aurora-postgresql", "storage_encrypted": True},
    ),
    (
        "AWS::DynamoDB::Table",
        {
            "BillingMode": "PAY_PER_REQUEST",
            "SSESpecification": {"SSEEnabled": True},
            "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True},
        },
        "dynamodb",
        {"billing_mode": "PAY_PER_REQUEST", "kms_encryption": True, "point_in_time_recovery": True},
    ),
    (
        "AWS::ElastiCache::ReplicationGroup",
        {
            "NumCacheClusters": 3,
            "AtRestEncryptionEnabled": True,
            "TransitEncryptionEnabled": True,
            "AutomaticFailoverEnabled": True,
        },
        "elasticache",
        {"replicas": 2, "encryption_at_rest": True, "encryption_in_transit": True, "automatic_failover": True},
    ),
    (
        "AWS::EFS::FileSystem",
        {"Encrypted": True, "BackupPolicy": {"Status": "ENABLED"}},
        "efs",
        {"encrypted": True, "backup": True},
    ),
    (
        "AWS::Lambda::Function",
        {
            "Runtime": "nodejs20.x",
            "MemorySize": 512,
            "Timeout": 30,
            "TracingConfig": {"Mode": "Active"},
            "ReservedConcurrentExecutions": 5,
        },
        "lambda",
        {
            "runtime": "nodejs20.x",
            "memory_mb": 512,
            "timeout_s": 30,
            "tracing": True,
            "reserved_concurrency": 5,
            "in_vpc": False,
        },
    ),
    (
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        {
            "Scheme": "internal",
            "LoadBalancerAttributes": [
                {"Key": "access_logs.s3.enabled", "Value": "true"},
                {"Key": "deletion_protection.enabled", "Value": "true"},
            ],
        },
        "alb",
        {"scheme": "internal", "access_logs": True, "deletion_protection": True},
    ),
    ("AWS::ElasticLoadBalancingV2::LoadBalancer", {"Type": "network"}, "nlb", {"scheme": "internet-facing"}),
    (
        "AWS::ElasticLoadBalancing::LoadBalancer",
        {"Listeners": [{"Protocol": "HTTPS", "InstancePort": 80}], "AccessLoggingPolicy": {"Enabled": True}},
        "elb",
        {"https_only": True, "access_logs": True},
    ),
    (
        "AWS::CloudFront::Distribution",
        {
            "DistributionConfig": {
                "DefaultCacheBehavior": {"ViewerProtocolPolicy": "redirect-to-https"},
                "Logging": {"Bucket": "b"},
                "Origins": [{"DomainName": "x", "OriginAccessControlId": "oac"}],
            }
        },
        "cloudfront",
        {"viewer_protocol": "redirect-to-https", "access_logs": True, "origin_access_control": True},
    ),
    (
        "AWS::ApiGateway::RestApi",
        {"EndpointConfiguration": {"Types": ["REGIONAL"]}},
        "api_gateway",
        {"endpoint_type": "REGIONAL"},
    ),
    ("AWS::SQS::Queue", {"SqsManagedSseEnabled": False}, "sqs", {"encryption": False}),
    ("AWS::SQS::Queue", {"FifoQueue": True}, "sqs", {"encryption": True, "fifo": True}),
    ("AWS::SNS::Topic", {"KmsMasterKeyId": "alias/aws/sns"}, "sns", {"encryption": True}),
    ("AWS::Kinesis::Stream", {"StreamEncryption": {"EncryptionType": "KMS"}}, "kinesis", {"encryption": True}),
    ("AWS::KinesisFirehose::DeliveryStream", {}, "firehose", {"destination": "s3"}),
    (
        "AWS::StepFunctions::StateMachine",
        {"StateMachineType": "EXPRESS"},
        "step_functions",
        {"workflow_type": "EXPRESS"},
    ),
    (
        "AWS::ECS::Cluster",
        {"ClusterSettings": [{"Name": "containerInsights", "Value": "enabled"}]},
        "ecs_cluster",
        {"container_insights": True},
    ),
    (
        "AWS::ECS::Service",
        {"LaunchType": "FARGATE", "DesiredCount": 3},
        "ecs_service",
        {"launch_type": "FARGATE", "desired_count": 3},
    ),
    ("AWS::ECS::Service", {}, "ecs_service", {"launch_type": "EC2"}),
    (
        "AWS::EKS::Cluster",
        {"Version": "1.29", "ResourcesVpcConfig": {"EndpointPublicAccess": False}},
        "eks_cluster",
        {"version": "1.29", "endpoint_public_access": False},
    ),
    (
        "AWS::AutoScaling::AutoScalingGroup",
        {"MinSize": "2", "MaxSize": "4", "HealthCheckType": "ELB"},
        "auto_scaling_group",
        {"min_size": 2, "max_size": 4, "desired_capacity": 2, "health_check_type": "ELB"},
    ),
    (
        "AWS::EC2::SecurityGroup",
        {"SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}]},
        "security_group",
        {"ingress": [{"cidr": "0.0.0.0/0", "port_from": 22, "port_to": 22, "protocol": "tcp"}]},
    ),
    (
        "AWS::EC2::SecurityGroup",
        {"SecurityGroupIngress": [{"IpProtocol": "-1", "CidrIpv6": "::/0"}]},
        "security_group",
        {"ingress": [{"cidr": "::/0", "port_from": 0, "port_to": 65535, "protocol": "-1"}]},
    ),
    ("AWS::KMS::Key", {"EnableKeyRotation": True}, "kms", {"rotation": True}),
    ("AWS::SecretsManager::Secret", {}, "secrets_manager", {"rotation": False}),
    ("AWS::Cognito::UserPool", {"MfaConfiguration": "ON"}, "cognito", {"mfa": "on"}),
    (
        "AWS::CloudTrail::Trail",
        {"IsMultiRegionTrail": True, "EnableLogFileValidation": True, "KMSKeyId": "k"},
        "cloudtrail",
        {"multi_region": True, "log_file_validation": True, "kms_encryption": True},
    ),
    (
        "AWS::Config::ConfigurationRecorder",
        {"RecordingGroup": {"AllSupported": False}},
        "config",
        {"all_resources": False},
    ),
    ("AWS::GuardDuty::Detector", {"Enable": True}, "guardduty", {"enabled": True}),
    ("AWS::Logs::LogGroup", {"RetentionInDays": 30}, "cloudwatch", {"log_retention_days": 30}),
    ("AWS::Logs::LogGroup", {}, "cloudwatch", {"log_retention_days": 0}),
    ("AWS::CloudWatch::Alarm", {"AlarmActions": ["arn:aws:sns:us-east-1:1:x"]}, "cloudwatch_alarm", {"actions": True}),
    (
        "AWS::CloudWatch::Alarm",
        {"AlarmActions": [Unresolved("Ref TopicArn", "parameter TopicArn has no value")]},
        "cloudwatch_alarm",
        {"actions": True},
    ),
    ("AWS::CloudWatch::Alarm", {"OKActions": ["arn:aws:sns:us-east-1:1:x"]}, "cloudwatch_alarm", {"actions": False}),
    ("AWS::CloudWatch::Alarm", {"AlarmActions": []}, "cloudwatch_alarm", {"actions": False}),
    (
        "AWS::WAFv2::WebACL",
        {"Rules": [{"Statement": {"ManagedRuleGroupStatement": {}}}]},
        "waf",
        {"managed_rules": True},
    ),
    (
        "AWS::Redshift::Cluster",
        {"NumberOfNodes": 2, "PubliclyAccessible": True},
        "redshift",
        {"node_count": 2, "publicly_accessible": True, "encrypted": True},
    ),
    (
        "AWS::OpenSearchService::Domain",
        {"EncryptionAtRestOptions": {"Enabled": True}},
        "opensearch",
        {"encryption_at_rest": True},
    ),
    ("AWS::Neptune::DBCluster", {"StorageEncrypted": True}, "neptune", {"storage_encrypted": True}),
    ("AWS::DocDB::DBCluster", {"DeletionProtection": True}, "documentdb", {"deletion_protection": True}),
    (
        "AWS::DMS::ReplicationInstance",
        {"PubliclyAccessible": False, "MultiAZ": True},
        "dms",
        {"publicly_accessible": False, "multi_az": True},
    ),
    ("AWS::DMS::ReplicationInstance", {}, "dms", {"publicly_accessible": True}),
    ("AWS::MSK::Cluster", {"NumberOfBrokerNodes": 2}, "msk", {"broker_count": 2}),
    (
        "AWS::AmazonMQ::Broker",
        {"DeploymentMode": "ACTIVE_STANDBY_MULTI_AZ"},
        "mq",
        {"deployment_mode": "ACTIVE_STANDBY_MULTI_AZ"},
    ),
    ("AWS::EC2::NatGateway", {}, "nat_gateway", {}),
    ("AWS::EC2::InternetGateway", {}, "internet_gateway", {}),
    (
        "AWS::EC2::VPCEndpoint",
        {"ServiceName": "com.amazonaws.us-east-1.dynamodb"},
        "vpc_endpoint",
        {"service": "dynamodb", "endpoint_type": "gateway"},
    ),
    ("AWS::EC2::TransitGateway", {}, "transit_gateway", {}),
    ("AWS::EC2::VPNGateway", {}, "vpn_gateway", {}),
    ("AWS::Route53::HostedZone", {"Name": "example.com."}, "route53", {}),
    (
        "AWS::IAM::Role",
        {"Policies": [{"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}]},
        "iam_role",
        {"wildcard_permissions": True},
    ),
    (
        "AWS::Backup::BackupPlan",
        {"BackupPlan": {"BackupPlanRule": [{"CopyActions": [{}]}]}},
        "backup",
        {"cross_region_copy": True},
    ),
    # A vault no plan of the template uses still holds recovery points: drawn, its key judged.
    ("AWS::Backup::BackupVault", {}, "backup", {"vault_kms": False}),
    ("AWS::Backup::BackupVault", {"EncryptionKeyArn": "arn:aws:kms:eu-west-1:1:key/k"}, "backup", {"vault_kms": True}),
    ("AWS::Glue::Job", {}, "glue", {}),
    ("AWS::Athena::WorkGroup", {}, "athena", {"results_encrypted": False}),
    ("AWS::EMR::Cluster", {}, "emr", {}),
    (
        "AWS::SageMaker::NotebookInstance",
        {"DirectInternetAccess": "Disabled"},
        "sagemaker",
        {"direct_internet_access": False},
    ),
    ("AWS::Batch::ComputeEnvironment", {"ComputeResources": {"Type": "FARGATE"}}, "batch", {"compute_type": "FARGATE"}),
    ("AWS::ElasticBeanstalk::Environment", {}, "elastic_beanstalk", {}),
    (
        "AWS::FSx::FileSystem",
        {"WindowsConfiguration": {"DeploymentType": "MULTI_AZ_1"}},
        "fsx",
        {"deployment": "multi-az"},
    ),
    ("AWS::Events::EventBus", {}, "eventbridge", {}),
    ("AWS::Shield::Protection", {}, "shield", {"advanced": True}),
    ("AWS::CertificateManager::Certificate", {}, "acm", {}),
    ("AWS::Glacier::Vault", {}, "glacier", {}),
    (
        "AWS::EC2::Subnet",
        {"CidrBlock": "10.0.0.0/24", "MapPublicIpOnLaunch": True},
        "subnet",
        {"cidr": "10.0.0.0/24", "map_public_ip_on_launch": True},
    ),
    ("AWS::ApiGatewayV2::Api", {"ProtocolType": "HTTP"}, "api_gateway", {"endpoint_type": "REGIONAL"}),
    (
        "AWS::Elasticsearch::Domain",
        {"NodeToNodeEncryptionOptions": {"Enabled": True}},
        "opensearch",
        {"node_to_node_encryption": True},
    ),
    ("AWS::DynamoDB::GlobalTable", {}, "dynamodb", {"global_table": True}),
    ("AWS::SecurityHub::Hub", {}, "security_hub", {"enabled": True}),
    ("AWS::Macie::Session", {}, "macie", {"enabled": True}),
    ("AWS::EC2::CustomerGateway", {"IpAddress": "1.2.3.4"}, "corporate_network", {}),
    (
        "AWS::Events::Rule",
        {"Targets": [{"Arn": "x", "DeadLetterConfig": {"Arn": "y"}}]},
        "eventbridge",
        {"dead_letter_queue": True},
    ),
    ("AWS::Glue::Crawler", {}, "glue", {"encryption": False}),
    ("AWS::GlobalAccelerator::Accelerator", {}, "global_accelerator", {}),
]


@pytest.mark.parametrize(
    ("kind_name", "props", "kind", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_each_type_maps_to_its_kind_with_its_properties(
    kind_name: str, props: dict[str, Any], kind: str, expected: dict[str, Any]
) -> None:
    design = map_template(template({"Thing": (kind_name, props)}))
    node = design.nodes["Thing"]
    assert node.kind == kind and CATALOG.has_kind(kind)
    for name, value in expected.items():
        assert node.props.get(name, CATALOG.defaults(kind).get(name)) == value, name
    assert node.location is not None and node.location.line == 2
    assert design.report.mapped[0].key == "Thing"


def test_a_vault_a_plan_writes_to_folds_into_the_plan_and_gives_it_its_key() -> None:
    rule = {"RuleName": "daily", "TargetBackupVault": R("Vault")}
    design = map_template(
        template(
            {
                "Vault": ("AWS::Backup::BackupVault", {"EncryptionKeyArn": "arn:aws:kms:eu-west-1:1:key/k"}),
                "Plan": ("AWS::Backup::BackupPlan", {"BackupPlan": {"BackupPlanRule": [rule]}}),
            }
        )
    )
    assert "Vault" not in design.nodes and design.nodes["Plan"].props["vault_kms"] is True
    assert [(e.key, e.detail) for e in design.report.folded] == [("Vault", "Plan")]


def test_the_importer_knows_at_least_sixty_types_onto_catalog_kinds() -> None:
    drawn = {case[0] for case in CASES}
    assert len(drawn) >= 60
    assert len(known_types()) >= 120


def test_an_unknown_type_is_drawn_as_a_generic_resource_and_listed() -> None:
    design = map_template(template({"Thing": ("AWS::Foo::Bar", {}), "Hook": ("Custom::Seed", {})}))
    assert design.nodes["Thing"].kind == "aws_resource"
    assert design.nodes["Thing"].props["resource_type"] == "AWS::Foo::Bar"
    assert [e.key for e in design.report.generic] == ["Thing", "Hook"]
    assert "AWS::Foo::Bar" in design.report.render_text()


def test_configuring_resources_fold_into_the_node_they_configure() -> None:
    design = map_template(
        template(
            {
                "Bucket": ("AWS::S3::Bucket", {}),
                "Policy": ("AWS::S3::BucketPolicy", {"Bucket": R("Bucket"), "PolicyDocument": {}}),
                "Fn": ("AWS::Lambda::Function", {"Runtime": "python3.12"}),
                "Perm": ("AWS::Lambda::Permission", {"FunctionName": R("Fn"), "SourceArn": R("Bucket", "Arn")}),
                "Lb": ("AWS::ElasticLoadBalancingV2::LoadBalancer", {}),
                "Listener": (
                    "AWS::ElasticLoadBalancingV2::Listener",
                    {"LoadBalancerArn": R("Lb"), "Protocol": "HTTPS", "DefaultActions": [{"TargetGroupArn": R("Tg")}]},
                ),
                "Tg": (
                    "AWS::ElasticLoadBalancingV2::TargetGroup",
                    {"Targets": [{"Id": R("Fn")}], "TargetType": "lambda"},
                ),
            }
        )
    )
    folded = {e.key: e.detail for e in design.report.folded}
    assert folded == {"Policy": "Bucket", "Perm": "Fn", "Listener": "Lb", "Tg": "Lb"}
    assert set(design.nodes) == {"Bucket", "Fn", "Lb", "internet-users"}
    assert design.nodes["Lb"].props["https_only"] is True
    assert ("Lb", "Fn") in {(f.source, f.target) for f in design.flows}


def test_skipped_and_unresolved_values_reach_the_report() -> None:
    from wadesk.importers.cfn.values import UnresolvedValue

    design = map_template(
        template(
            {"Bucket": ("AWS::S3::Bucket", {})},
            skipped={"Replica": "IsProd"},
            unresolved=[UnresolvedValue("Bucket", "Properties.BucketName", "Fn::Sub", "no such parameter")],
        )
    )
    text = design.report.render_text()
    assert "Replica" in text and "IsProd" in text and "Properties.BucketName" in text
    assert "1 skipped by condition, 1 unresolved values" in design.report.summary()


def test_a_resource_of_an_unexpected_shape_is_listed_never_fatal() -> None:
    design = map_template(
        template(
            {"Lb": ("AWS::ElasticLoadBalancingV2::LoadBalancer", {"Subnets": "oops", "LoadBalancerAttributes": 5})}
        )
    )
    assert "Lb" in design.nodes

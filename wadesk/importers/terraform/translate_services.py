"""Translators of service ``aws_*`` types: messaging, observability, security, secrets, identity and analytics."""

from __future__ import annotations

from typing import Any

from wadesk.importers.terraform.translate import Context, Fold, Translation, Translator
from wadesk.importers.terraform.translate_common import (
    append_to,
    cfn_props,
    decode_json,
    merge_into,
    nested_blocks,
    ref_to,
    simple,
)
from wadesk.importers.terraform.values import TfResource, refs_in


def _emr_instances(c: Context, r: TfResource) -> dict[str, Any]:
    """The primary and core groups with their counts (one instance unless said), and any fleets."""
    groups: dict[str, Any] = {}
    for block, name in (("master_instance_group", "MasterInstanceGroup"), ("core_instance_group", "CoreInstanceGroup")):
        if c.blocks(r, block):
            groups[name] = {"InstanceCount": c.block(r, block).get("instance_count") or 1}
    for block, name in (("master_instance_fleet", "MasterInstanceFleet"), ("core_instance_fleet", "CoreInstanceFleet")):
        if c.blocks(r, block):
            groups[name] = {}
    return groups


def _schedule(c: Context, r: TfResource) -> Translation:
    targets = []
    for target in c.blocks(r, "target"):
        entry: dict[str, Any] = {"Arn": target.get("arn"), "RoleArn": target.get("role_arn")}
        for block in nested_blocks(target, "dead_letter_config")[:1]:
            entry["DeadLetterConfig"] = {"Arn": block.get("arn")}
        for block in nested_blocks(target, "ecs_parameters")[:1]:
            entry["EcsParameters"] = {"TaskDefinitionArn": block.get("task_definition_arn")}
        targets.append(entry)
    return Translation("AWS::Events::Rule", {
        "ScheduleExpression": c.get(r, "schedule_expression"), "Name": c.get(r, "name"), "Targets": targets})


SERVICES: dict[str, Translator] = {
    "aws_sqs_queue": lambda c, r: Translation("AWS::SQS::Queue", {
        **cfn_props(c, r, {"FifoQueue": "fifo_queue", "KmsMasterKeyId": "kms_master_key_id",
                        "SqsManagedSseEnabled": "sqs_managed_sse_enabled", "QueueName": "name"}),
        **({"RedrivePolicy": decode_json(c.get(r, "redrive_policy"))} if r.values.get("redrive_policy") else {}),
    }),
    "aws_sqs_queue_policy": lambda c, r: Translation("AWS::SQS::QueuePolicy", {
        "Queues": [c.get(r, "queue_url")], "PolicyDocument": decode_json(c.get(r, "policy"))}),
    "aws_sqs_queue_redrive_policy": lambda c, r: Fold(c.get(r, "queue_url"), merge_into(
        {"RedrivePolicy": decode_json(c.get(r, "redrive_policy"))})),
    "aws_sns_topic": simple("AWS::SNS::Topic", KmsMasterKeyId="kms_master_key_id", FifoTopic="fifo_topic",
                            TopicName="name"),
    "aws_sns_topic_subscription": simple("AWS::SNS::Subscription", TopicArn="topic_arn", Protocol="protocol",
                                         Endpoint="endpoint"),
    "aws_sns_topic_policy": lambda c, r: Translation("AWS::SNS::TopicPolicy", {
        "Topics": [c.get(r, "arn")], "PolicyDocument": decode_json(c.get(r, "policy"))}),
    "aws_cloudwatch_event_rule": lambda c, r: Translation("AWS::Events::Rule", {
        **cfn_props(c, r, {"ScheduleExpression": "schedule_expression", "EventBusName": "event_bus_name",
                        "Name": "name"}),
        **({"EventPattern": decode_json(c.get(r, "event_pattern"))} if r.values.get("event_pattern") else {}),
    }),
    "aws_cloudwatch_event_target": lambda c, r: Fold(c.get(r, "rule"), append_to("Targets", {
        "Arn": c.get(r, "arn"), "Id": c.get(r, "target_id"), "RoleArn": c.get(r, "role_arn"),
        "DeadLetterConfig": {"Arn": c.block(r, "dead_letter_config").get("arn")} if c.blocks(
            r, "dead_letter_config") else None,
        "EcsParameters": {"TaskDefinitionArn": c.block(r, "ecs_target").get("task_definition_arn")} if c.blocks(
            r, "ecs_target") else None,
    })),
    "aws_cloudwatch_event_bus": simple("AWS::Events::EventBus", Name="name"),
    "aws_cloudwatch_event_archive": simple("AWS::Events::Archive", SourceArn="event_source_arn"),
    "aws_kinesis_stream": lambda c, r: Translation("AWS::Kinesis::Stream", {
        **cfn_props(c, r, {"RetentionPeriodHours": "retention_period", "Name": "name"}),
        **({"StreamEncryption": {"EncryptionType": "KMS"}} if r.values.get("encryption_type") == "KMS" else {}),
        "StreamModeDetails": {"StreamMode": c.block(r, "stream_mode_details").get("stream_mode")},
    }),
    "aws_kinesis_firehose_delivery_stream": lambda c, r: Translation("AWS::KinesisFirehose::DeliveryStream", {
        **({"KinesisStreamSourceConfiguration": {"KinesisStreamARN": c.block(
            r, "kinesis_source_configuration").get("kinesis_stream_arn")}}
           if c.blocks(r, "kinesis_source_configuration") else {}),
        **({"DeliveryStreamEncryptionConfigurationInput": {"KeyType": c.block(
            r, "server_side_encryption").get("key_type")}} if c.block(r, "server_side_encryption").get("enabled")
           else {}),
    }),
    "aws_sfn_state_machine": lambda c, r: Translation("AWS::StepFunctions::StateMachine", {
        **cfn_props(c, r, {"DefinitionString": "definition", "RoleArn": "role_arn", "StateMachineType": "type"}),
        **({"TracingConfiguration": {"Enabled": c.block(r, "tracing_configuration").get("enabled")}}
           if c.blocks(r, "tracing_configuration") else {}),
        **({"LoggingConfiguration": {"Destinations": [c.block(r, "logging_configuration")]}}
           if c.blocks(r, "logging_configuration") else {}),
    }),
    "aws_msk_cluster": lambda c, r: Translation("AWS::MSK::Cluster", {
        "NumberOfBrokerNodes": c.get(r, "number_of_broker_nodes"),
        "BrokerNodeGroupInfo": {"ClientSubnets": c.block(r, "broker_node_group_info").get("client_subnets"),
                                "SecurityGroups": c.block(r, "broker_node_group_info").get("security_groups")},
        "EncryptionInfo": {"EncryptionInTransit": {"ClientBroker": (
            c.block(r, "encryption_info").get("encryption_in_transit") or [{}])[0].get("client_broker")}},
    }),
    "aws_mq_broker": simple("AWS::AmazonMQ::Broker", DeploymentMode="deployment_mode",
                            PubliclyAccessible="publicly_accessible", SubnetIds="subnet_ids",
                            SecurityGroups="security_groups", AutoMinorVersionUpgrade="auto_minor_version_upgrade"),
    "aws_cloudwatch_log_group": simple("AWS::Logs::LogGroup", LogGroupName="name",
                                       RetentionInDays="retention_in_days", KmsKeyId="kms_key_id"),
    "aws_cloudwatch_log_stream": simple("AWS::Logs::LogStream", LogGroupName="log_group_name"),
    "aws_cloudwatch_log_resource_policy": simple("AWS::Logs::ResourcePolicy"),
    "aws_cloudwatch_log_metric_filter": simple("AWS::Logs::MetricFilter", LogGroupName="log_group_name"),
    "aws_cloudwatch_log_subscription_filter": simple("AWS::Logs::SubscriptionFilter", LogGroupName="log_group_name",
                                                     DestinationArn="destination_arn"),
    "aws_cloudwatch_metric_alarm": lambda c, r: Translation("AWS::CloudWatch::Alarm", {
        **cfn_props(c, r, {"AlarmActions": "alarm_actions", "OKActions": "ok_actions",
                        "InsufficientDataActions": "insufficient_data_actions", "MetricName": "metric_name",
                        "Namespace": "namespace"}),
        "Dimensions": [{"Name": key, "Value": value} for key, value in (c.get(r, "dimensions") or {}).items()]
        if isinstance(c.get(r, "dimensions"), dict) else [],
    }),
    "aws_cloudwatch_dashboard": simple("AWS::CloudWatch::Dashboard"),
    # A composite alarm is an alarm: its actions are routed as a metric alarm's are.
    "aws_cloudwatch_composite_alarm": simple("AWS::CloudWatch::Alarm", AlarmActions="alarm_actions",
                                             OKActions="ok_actions",
                                             InsufficientDataActions="insufficient_data_actions"),
    "aws_cloudtrail": simple("AWS::CloudTrail::Trail", IsMultiRegionTrail="is_multi_region_trail",
                             EnableLogFileValidation="enable_log_file_validation", KMSKeyId="kms_key_id",
                             CloudWatchLogsLogGroupArn="cloud_watch_logs_group_arn", S3BucketName="s3_bucket_name"),
    "aws_config_configuration_recorder": lambda c, r: Translation("AWS::Config::ConfigurationRecorder", {
        "RoleARN": c.get(r, "role_arn"),
        "RecordingGroup": {"AllSupported": c.block(r, "recording_group").get("all_supported")}}),
    "aws_config_delivery_channel": simple("AWS::Config::DeliveryChannel", S3BucketName="s3_bucket_name"),
    "aws_config_config_rule": simple("AWS::Config::ConfigRule", ConfigRuleName="name"),
    "aws_guardduty_detector": simple("AWS::GuardDuty::Detector", Enable="enable"),
    "aws_securityhub_account": simple("AWS::SecurityHub::Hub"),
    "aws_macie2_account": simple("AWS::Macie::Session", Status="status"),
    # Activates Amazon Inspector scanning (EC2, ECR, Lambda) for accounts: an account-level service, drawn as an
    # enabled inspector node the way a GuardDuty detector is drawn. CloudFormation has no resource for it; the
    # InspectorV2 type the mapping knows draws the same node.
    "aws_inspector2_enabler": lambda c, r: Translation("AWS::InspectorV2::Filter", {}),
    "aws_kms_key": simple("AWS::KMS::Key", EnableKeyRotation="enable_key_rotation"),
    "aws_kms_alias": simple("AWS::KMS::Alias", TargetKeyId="target_key_id", AliasName="name"),
    "aws_secretsmanager_secret": simple("AWS::SecretsManager::Secret", KmsKeyId="kms_key_id", Name="name"),
    "aws_secretsmanager_secret_version": lambda c, r: Fold(c.get(r, "secret_id"), merge_into({})),
    "aws_secretsmanager_secret_rotation": simple("AWS::SecretsManager::RotationSchedule", SecretId="secret_id"),
    "aws_cognito_user_pool": lambda c, r: Translation("AWS::Cognito::UserPool", {
        **cfn_props(c, r, {"MfaConfiguration": "mfa_configuration", "UserPoolName": "name"}),
        **({"UserPoolAddOns": {"AdvancedSecurityMode": c.block(r, "user_pool_add_ons").get(
            "advanced_security_mode")}} if c.blocks(r, "user_pool_add_ons") else {}),
    }),
    "aws_cognito_user_pool_client": simple("AWS::Cognito::UserPoolClient", UserPoolId="user_pool_id"),
    "aws_cognito_user_pool_domain": simple("AWS::Cognito::UserPoolDomain", UserPoolId="user_pool_id"),
    "aws_glue_job": simple("AWS::Glue::Job", Role="role_arn", SecurityConfiguration="security_configuration"),
    "aws_glue_crawler": simple("AWS::Glue::Crawler", Role="role",
                               CrawlerSecurityConfiguration="security_configuration"),
    "aws_athena_workgroup": simple("AWS::Athena::WorkGroup", Name="name"),
    "aws_emr_cluster": lambda c, r: Translation("AWS::EMR::Cluster", {
        **cfn_props(c, r, {"ServiceRole": "service_role"}), "Instances": _emr_instances(c, r)}),
    "aws_sagemaker_notebook_instance": simple("AWS::SageMaker::NotebookInstance",
                                              DirectInternetAccess="direct_internet_access",
                                              RootAccess="root_access", SubnetId="subnet_id",
                                              SecurityGroupIds="security_groups", KmsKeyId="kms_key_id"),
    "aws_ssm_parameter": simple("AWS::SSM::Parameter", Type="type", Name="name"),
    # EventBridge Scheduler: a schedule invokes its target as a scheduled rule does.
    "aws_scheduler_schedule": _schedule,
}

def _layer(c: Context, r: TfResource) -> Fold:
    """A Lambda layer is part of the functions that use it."""
    users = [c.value(ref_to(other)) for other in c.source.resources.values()
             if other.type == "aws_lambda_function" and any(
                 found.address == r.address for found in refs_in(other.values.get("layers")))]
    return Fold(users, merge_into({}))


#: Policies and settings written as resources of their own, folded into the resource they configure.
SETTINGS: dict[str, Translator] = {
    "aws_api_gateway_rest_api_policy": lambda c, r: Fold(c.get(r, "rest_api_id"), merge_into(
        {"Policy": decode_json(c.get(r, "policy"))})),
    "aws_api_gateway_documentation_part": lambda c, r: Fold(c.get(r, "rest_api_id"), merge_into({})),
    "aws_api_gateway_documentation_version": lambda c, r: Fold(c.get(r, "rest_api_id"), merge_into({})),
    "aws_dynamodb_resource_policy": lambda c, r: Fold(c.get(r, "resource_arn"), merge_into(
        {"ResourcePolicy": {"PolicyDocument": decode_json(c.get(r, "policy"))}})),
    "aws_kinesis_resource_policy": lambda c, r: Fold(c.get(r, "resource_arn"), merge_into({})),
    "aws_kinesis_stream_consumer": lambda c, r: Fold(c.get(r, "stream_arn"), merge_into({})),
    "aws_backup_vault_policy": lambda c, r: Fold(c.get(r, "backup_vault_name"), merge_into(
        {"AccessPolicy": decode_json(c.get(r, "policy"))})),
    "aws_ebs_snapshot": lambda c, r: Fold(c.get(r, "volume_id"), merge_into({})),
    "aws_kms_grant": lambda c, r: Fold(c.get(r, "key_id"), merge_into({})),
    "aws_route53_zone_association": lambda c, r: Fold(c.get(r, "zone_id"), merge_into({})),
    "aws_eks_access_entry": lambda c, r: Fold(c.get(r, "cluster_name"), merge_into({})),
    "aws_eks_access_policy_association": lambda c, r: Fold(c.get(r, "cluster_name"), merge_into({})),
    "aws_eks_pod_identity_association": lambda c, r: Fold(c.get(r, "cluster_name"), merge_into({})),
    # The OIDC provider of an EKS cluster (IAM roles for service accounts) names the cluster's issuer URL.
    "aws_iam_openid_connect_provider": lambda c, r: Fold(c.get(r, "url"), merge_into({})),
    "aws_lambda_layer_version": _layer,
}

"""CloudFormation integration, monitoring, security and analytics types: queues, topics, events, streams,
logs and alarms, keys and secrets, account-wide detectors, Glue, Athena, EMR and SageMaker."""

from __future__ import annotations

from typing import Any

from wadesk.importers.cfn.mapping import CfnMapper, HandlerTable, as_list, dig, flag, number, ref, refs, text
from wadesk.importers.cfn.values import Resource


def _later(m: CfnMapper, source: str | None, target: str | None, label: str) -> None:
    if source and target:
        m.topic("later_flows").setdefault("items", []).append((source, target, label))


def _queue(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    sse = p.get("SqsManagedSseEnabled")
    encrypted = bool(p.get("KmsMasterKeyId")) or flag(sse, True)
    if sse is None and not p.get("KmsMasterKeyId"):
        m.report.assume("An SQS queue without encryption settings is encrypted with SSE-SQS (AWS default since 2022)")
    redrive = p.get("RedrivePolicy") or {}
    node = m.node(
        r,
        "sqs",
        {
            "encryption": encrypted,
            "dead_letter_queue": bool(dig(redrive, "deadLetterTargetArn")),
            "fifo": flag(p.get("FifoQueue"), False),
        },
    )
    for target in refs(dig(redrive, "deadLetterTargetArn")):
        m.topic("dead_letters").setdefault(node.key, []).append(target)


def _topic(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    node = m.node(r, "sns", {"encryption": bool(p.get("KmsMasterKeyId")), "fifo": flag(p.get("FifoTopic"), False)})
    for subscription in as_list(p.get("Subscription")):
        for target in refs(dig(subscription, "Endpoint")):
            _later(m, node.key, target, "Subscription")


def _subscription(m: CfnMapper, r: Resource) -> None:
    topic = ref(r.properties.get("TopicArn"))
    for target in refs(r.properties.get("Endpoint")):
        _later(m, topic, target, "Subscription")
    m.fold(r, topic)


def _fold_many(prop: str) -> Any:
    def handler(m: CfnMapper, r: Resource) -> None:
        found = refs(r.properties.get(prop))
        m.fold(r, found[0] if found else None, "nothing drawn")

    return handler


def _event_rule(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    bus = ref(p.get("EventBusName"))
    if bus and m.get(bus) is not None:
        node = m.get(bus)
        m.fold(r, bus)
    else:
        node = m.node(r, "eventbridge", label=r.logical_id)
        if text(p.get("EventBusName"), "default") == "default" and not _aws_events_only(p.get("EventPattern")):
            # A rule of the default bus that matches events an application sends (not only AWS services' own):
            # what a grant to put events on the default bus reaches.
            m.topic("default_bus_rules")[node.key] = True
    assert node is not None
    for target in as_list(p.get("Targets")):
        if not isinstance(target, dict):
            continue
        for key in refs(target.get("Arn")):
            _later(m, node.key, key, "Event")
        if dig(target, "DeadLetterConfig", "Arn"):
            node.props["dead_letter_queue"] = True
        for task in refs(dig(target, "EcsParameters", "TaskDefinitionArn")):
            _later(m, node.key, task, "Run task")
    for source in refs(p.get("EventPattern")):
        _later(m, source, node.key, "Event")


def _aws_events_only(pattern: Any) -> bool:
    """Whether an event pattern matches only events of AWS services (every ``source`` it names is ``aws.*``), which
    no application can put on a bus; a schedule (no pattern) counts as such too."""
    if not isinstance(pattern, dict):
        return True
    sources = [text(source) for source in as_list(pattern.get("source"))]
    return bool(sources) and all(source.startswith("aws.") for source in sources)


def _event_bus(m: CfnMapper, r: Resource) -> None:
    m.node(r, "eventbridge")


def _archive(m: CfnMapper, r: Resource) -> None:
    bus = m.get(ref(r.properties.get("SourceArn")))
    if bus is not None:
        bus.props["archive"] = True
    m.fold(r, bus.key if bus else None)


def _stream(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    m.node(
        r,
        "kinesis",
        {
            "encryption": bool(p.get("StreamEncryption")),
            "capacity_mode": "ON_DEMAND"
            if text(dig(p, "StreamModeDetails", "StreamMode")) == "ON_DEMAND"
            else "PROVISIONED",
            "retention_hours": min(8760, max(24, number(p.get("RetentionPeriodHours"), 24) or 24)),
        },
    )


def _firehose(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    destination = "s3"
    for name, short in (
        ("RedshiftDestinationConfiguration", "redshift"),
        ("SplunkDestinationConfiguration", "splunk"),
        ("HttpEndpointDestinationConfiguration", "http"),
        ("AmazonopensearchserviceDestinationConfiguration", "opensearch"),
        ("ElasticsearchDestinationConfiguration", "opensearch"),
    ):
        if p.get(name):
            destination = short
    node = m.node(
        r,
        "firehose",
        {
            "encryption": bool(p.get("DeliveryStreamEncryptionConfigurationInput"))
            or bool(dig(p, "KinesisStreamSourceConfiguration")),
            "destination": destination,
        },
    )
    for source in refs(dig(p, "KinesisStreamSourceConfiguration", "KinesisStreamARN")):
        _later(m, source, node.key, "Records")
    for key, value in p.items():
        if key.endswith("DestinationConfiguration"):
            for target in refs(value):
                if m.type_of(target) not in ("AWS::IAM::Role", "AWS::Logs::LogGroup", "AWS::Logs::LogStream"):
                    _later(m, node.key, target, "Delivery")
    for key, value in p.items():
        if key.endswith("DestinationConfiguration"):
            m.uses_role(node.key, dig(value, "RoleARN"))


def _state_machine(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    node = m.node(
        r,
        "step_functions",
        {
            "workflow_type": "EXPRESS" if text(p.get("StateMachineType")) == "EXPRESS" else "STANDARD",
            "logging": bool(dig(p, "LoggingConfiguration", "Destinations")),
            "tracing": flag(dig(p, "TracingConfiguration", "Enabled"), False),
        },
    )
    m.uses_role(node.key, p.get("RoleArn"))
    for target in refs(p.get("DefinitionSubstitutions")) + refs(p.get("DefinitionString")) + refs(p.get("Definition")):
        _later(m, node.key, target, "Task")
    for destination in as_list(dig(p, "LoggingConfiguration", "Destinations")):
        for group in refs(dig(destination, "CloudWatchLogsLogGroup", "LogGroupArn")):
            _later(m, node.key, group, "Logs")


def _msk(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    node = m.node(
        r,
        "msk",
        {
            "broker_count": max(1, number(p.get("NumberOfBrokerNodes"), 3) or 3),
            "encryption_in_transit": text(dig(p, "EncryptionInfo", "EncryptionInTransit", "ClientBroker"), "TLS"),
            "public_access": text(dig(p, "BrokerNodeGroupInfo", "ConnectivityInfo", "PublicAccess", "Type"))
            == "SERVICE_PROVIDED_EIPS",
        },
    )
    node.subnets = m.subnet_keys(dig(p, "BrokerNodeGroupInfo", "ClientSubnets"))
    node.security_groups = m.security_group_keys(dig(p, "BrokerNodeGroupInfo", "SecurityGroups"))


def _broker(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    mode = text(p.get("DeploymentMode"), "SINGLE_INSTANCE")
    node = m.node(
        r,
        "mq",
        {
            "deployment_mode": mode
            if mode in ("SINGLE_INSTANCE", "ACTIVE_STANDBY_MULTI_AZ", "CLUSTER_MULTI_AZ")
            else "SINGLE_INSTANCE",
            "publicly_accessible": flag(p.get("PubliclyAccessible"), False),
            "auto_minor_version_upgrade": flag(p.get("AutoMinorVersionUpgrade"), True),
        },
    )
    node.subnets = m.subnet_keys(p.get("SubnetIds"))
    node.security_groups = m.security_group_keys(p.get("SecurityGroups"))


# ------------------------------------------------------------------ monitoring
def _log_group(m: CfnMapper, r: Resource) -> None:
    m.node(
        r,
        "cloudwatch",
        {
            "log_retention_days": number(r.properties.get("RetentionInDays"), 0),
            "alarms": False,
            "kms_key": bool(r.properties.get("KmsKeyId")),
        },
        label=text(r.properties.get("LogGroupName")) or r.logical_id,
    )


#: What CloudWatch Application Insights watches in a stack (compute and databases), by resource type.
_INSIGHTS_WATCHES = frozenset(
    {
        "AWS::Lambda::Function",
        "AWS::EC2::Instance",
        "AWS::AutoScaling::AutoScalingGroup",
        "AWS::ECS::Service",
        "AWS::RDS::DBInstance",
        "AWS::RDS::DBCluster",
    }
)


def _application_insights(m: CfnMapper, r: Resource) -> None:
    """CloudWatch Application Insights over a resource group: it sets up metrics, logs and alarms for what the
    group holds. A group defined by the stack itself (``CLOUDFORMATION_STACK_1_0``) holds the template's
    resources, so each compute or database resource is watched by it."""
    node = m.node(
        r, "cloudwatch", {"holds_logs": False, "alarms": True}, label=f"{r.logical_id} (Application Insights)"
    )
    group = m.resource(ref(r.properties.get("ResourceGroupName")))
    if group is None or text(dig(group.properties, "ResourceQuery", "Type")) != "CLOUDFORMATION_STACK_1_0":
        return
    for key, found in m.resources.items():
        if found.type in _INSIGHTS_WATCHES:
            _later(m, key, node.key, "Metrics")


def _resource_group(m: CfnMapper, r: Resource) -> None:
    users = m.referrers(r.logical_id, "AWS::ApplicationInsights::Application")
    m.fold(r, users[0] if users else None, "a resource group no service of the template reads")


def _alarm(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    actions = refs(p.get("AlarmActions")) + refs(p.get("OKActions")) + refs(p.get("InsufficientDataActions"))
    # Any entry of AlarmActions is an action for the ALARM state: a resource of the template, an ARN, or a value
    # the reader could not compute (a parameter with no value still names a topic or policy).
    named = [a for a in as_list(p.get("AlarmActions")) if a is not None and not (isinstance(a, str) and not a.strip())]
    node = m.node(r, "cloudwatch_alarm", {"actions": bool(named)})
    for target in dict.fromkeys(actions):
        _later(m, node.key, target, "Alarm")
    for watched in refs(p.get("Dimensions")) + refs(p.get("Metrics")):
        _later(m, watched, node.key, "Metrics")


def _fold_log(m: CfnMapper, r: Resource) -> None:
    group = ref(r.properties.get("LogGroupName"))
    m.fold(r, group if m.get(group) is not None else None, "log group not in the template")


def _trail(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    node = m.node(
        r,
        "cloudtrail",
        {
            "multi_region": flag(p.get("IsMultiRegionTrail"), False),
            "log_file_validation": flag(p.get("EnableLogFileValidation"), False),
            "kms_encryption": bool(p.get("KMSKeyId")),
            "cloudwatch_logs": bool(p.get("CloudWatchLogsLogGroupArn")),
        },
    )
    for target in refs(p.get("S3BucketName")) + refs(p.get("CloudWatchLogsLogGroupArn")):
        _later(m, node.key, target, "Trail")


def _recorder(m: CfnMapper, r: Resource) -> None:
    group = r.properties.get("RecordingGroup")
    m.node(r, "config", {"all_resources": flag(dig(group, "AllSupported"), True) if group else True})


def _fold_config(m: CfnMapper, r: Resource) -> None:
    recorders = [key for key, other in m.resources.items() if other.type == "AWS::Config::ConfigurationRecorder"]
    m.fold(r, recorders[0] if recorders else None, "no configuration recorder in the template")


def _detector(kind: str, prop: str | None = None) -> Any:
    def handler(m: CfnMapper, r: Resource) -> None:
        enabled = flag(r.properties.get(prop), True) if prop else True
        if kind == "macie":
            enabled = text(r.properties.get("Status"), "ENABLED").upper() != "PAUSED"
        m.node(r, kind, {"enabled": enabled})

    return handler


# ------------------------------------------------------------------ security
def _key(m: CfnMapper, r: Resource) -> None:
    m.node(r, "kms", {"rotation": flag(r.properties.get("EnableKeyRotation"), False)})


def _secret(m: CfnMapper, r: Resource) -> None:
    m.node(r, "secrets_manager")


def _rotation(m: CfnMapper, r: Resource) -> None:
    secret = m.get(ref(r.properties.get("SecretId")))
    if secret is not None:
        secret.props["rotation"] = True
    m.fold(r, secret.key if secret else None)


def _user_pool(m: CfnMapper, r: Resource) -> None:
    p = r.properties
    mfa = text(p.get("MfaConfiguration"), "OFF").upper()
    m.node(
        r,
        "cognito",
        {
            "mfa": {"ON": "on", "OPTIONAL": "optional"}.get(mfa, "off"),
            "advanced_security": text(dig(p, "UserPoolAddOns", "AdvancedSecurityMode")) in ("ENFORCED", "AUDIT"),
        },
    )


#: A directory's editions or sizes, by type; the first is what the importer assumes when the template does not say.
_DIRECTORY_SIZES = {"microsoft_ad": ("Enterprise", "Standard"), "simple_ad": ("Small", "Large")}


def _directory(m: CfnMapper, r: Resource) -> None:
    """A Microsoft AD or Simple AD directory: a domain controller in each of its two subnets (two zones)."""
    p = r.properties
    kind = "simple_ad" if r.type == "AWS::DirectoryService::SimpleAD" else "microsoft_ad"
    # Microsoft AD is the Enterprise edition unless told otherwise; Simple AD's Size is required (read as Small
    # when it cannot be resolved).
    given = text(p.get("Size") if kind == "simple_ad" else p.get("Edition"))
    node = m.node(
        r,
        "directory_service",
        {
            "directory_type": kind,
            "edition": given if given in _DIRECTORY_SIZES[kind] else _DIRECTORY_SIZES[kind][0],
        },
    )
    node.subnets = m.subnet_keys(dig(p, "VpcSettings", "SubnetIds"))
    if not node.subnets:
        node.vpc = m.vpc_key(dig(p, "VpcSettings", "VpcId"))


# ------------------------------------------------------------------ analytics / ML
def _simple(kind: str, props: Any = None) -> Any:
    def handler(m: CfnMapper, r: Resource) -> None:
        node = m.node(r, kind, props(r.properties) if props else None)
        if kind in ("glue", "emr", "sagemaker"):
            role = r.properties.get("Role") or r.properties.get("RoleArn") or r.properties.get("JobFlowRole")
            m.uses_role(node.key, role)
        if kind == "emr":  # the cluster's instances run in its subnet (or subnets, for instance fleets)
            instances = r.properties.get("Instances") or {}
            node.subnets = m.subnet_keys([instances.get("Ec2SubnetId"), *as_list(instances.get("Ec2SubnetIds"))])
            node.security_groups = m.security_group_keys(
                [instances.get(name) for name in ("EmrManagedMasterSecurityGroup", "EmrManagedSlaveSecurityGroup")]
                + as_list(instances.get("AdditionalMasterSecurityGroups"))
            )
        if kind == "sagemaker":
            node.subnets = m.subnet_keys(r.properties.get("SubnetId"))
            node.security_groups = m.security_group_keys(r.properties.get("SecurityGroupIds"))

    return handler


def _nested_stack(m: CfnMapper, r: Resource) -> None:
    """A nested stack is drawn as one CloudFormation node: its resources live in its own template."""
    url = r.properties.get("TemplateURL")
    where = url if isinstance(url, str) else "a template URL computed at deployment"
    m.node(r, "cloudformation", label=f"{r.logical_id} (nested stack)")
    m.report.assume(
        f"The nested stack {r.logical_id} ({where}) is drawn as one node; its resources are in its own template, "
        "which can be imported on its own"
    )


def _emr(p: dict[str, Any]) -> dict[str, Any]:
    instances = p.get("Instances") or {}
    count = sum(
        number(dig(instances, group, "InstanceCount"), 0) or 0 for group in ("MasterInstanceGroup", "CoreInstanceGroup")
    )
    # Instance fleets name capacities, not counts: a cluster with a core fleet has more than its primary node.
    if isinstance(instances, dict) and "CoreInstanceFleet" in instances:
        count = max(count, 2)
    return {"instance_count": max(1, count or 1), "encryption": bool(p.get("SecurityConfiguration"))}


def _notebook(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "direct_internet_access": text(p.get("DirectInternetAccess"), "Enabled") == "Enabled",
        "root_access": text(p.get("RootAccess"), "Enabled") == "Enabled",
        "kms_encryption": bool(p.get("KmsKeyId")),
    }


def _not_drawn(reason: str) -> Any:
    def handler(m: CfnMapper, r: Resource) -> None:
        from wadesk.importers.ir import ReportEntry

        m.report.omitted.append(ReportEntry(r.logical_id, r.type, reason))

    return handler


HANDLERS: HandlerTable = {
    "AWS::SQS::Queue": (0, _queue),
    "AWS::SQS::QueuePolicy": (1, _fold_many("Queues")),
    "AWS::SNS::Topic": (0, _topic),
    "AWS::SNS::Subscription": (1, _subscription),
    "AWS::SNS::TopicPolicy": (1, _fold_many("Topics")),
    "AWS::Events::Rule": (1, _event_rule),
    "AWS::Events::EventBus": (0, _event_bus),
    "AWS::Events::Archive": (1, _archive),
    "AWS::Kinesis::Stream": (0, _stream),
    "AWS::KinesisFirehose::DeliveryStream": (0, _firehose),
    "AWS::StepFunctions::StateMachine": (0, _state_machine),
    "AWS::MSK::Cluster": (0, _msk),
    "AWS::DirectoryService::MicrosoftAD": (0, _directory),
    "AWS::DirectoryService::SimpleAD": (0, _directory),
    "AWS::AmazonMQ::Broker": (0, _broker),
    "AWS::Logs::LogGroup": (0, _log_group),
    "AWS::Logs::LogStream": (1, _fold_log),
    "AWS::Logs::MetricFilter": (1, _fold_log),
    "AWS::Logs::SubscriptionFilter": (1, _fold_log),
    "AWS::CloudWatch::Alarm": (1, _alarm),
    "AWS::ApplicationInsights::Application": (0, _application_insights),
    "AWS::ResourceGroups::Group": (1, _resource_group),
    "AWS::CloudWatch::Dashboard": (0, _not_drawn("a dashboard draws nothing of the architecture")),
    "AWS::EC2::KeyPair": (0, _not_drawn("an SSH key pair: a credential for instances, not a resource of its own")),
    "AWS::Logs::ResourcePolicy": (0, _not_drawn("an account-level policy letting services write to log groups")),
    "AWS::ApiGateway::Account": (0, _not_drawn("an account-level setting: the role API Gateway writes its logs with")),
    "AWS::CloudTrail::Trail": (0, _trail),
    "AWS::Config::ConfigurationRecorder": (0, _recorder),
    "AWS::Config::DeliveryChannel": (1, _fold_config),
    "AWS::Config::ConfigRule": (1, _fold_config),
    "AWS::GuardDuty::Detector": (0, _detector("guardduty", "Enable")),
    "AWS::SecurityHub::Hub": (0, _detector("security_hub")),
    "AWS::Macie::Session": (0, _detector("macie")),
    "AWS::InspectorV2::Filter": (0, _detector("inspector")),
    "AWS::KMS::Key": (0, _key),
    "AWS::KMS::Alias": (1, lambda m, r: m.fold(r, ref(r.properties.get("TargetKeyId")))),
    "AWS::SecretsManager::Secret": (0, _secret),
    "AWS::SecretsManager::RotationSchedule": (1, _rotation),
    "AWS::SecretsManager::SecretTargetAttachment": (1, lambda m, r: m.fold(r, ref(r.properties.get("SecretId")))),
    "AWS::Cognito::UserPool": (0, _user_pool),
    "AWS::Cognito::UserPoolClient": (1, lambda m, r: m.fold(r, ref(r.properties.get("UserPoolId")))),
    "AWS::Cognito::UserPoolDomain": (1, lambda m, r: m.fold(r, ref(r.properties.get("UserPoolId")))),
    "AWS::Glue::Job": (0, _simple("glue", lambda p: {"encryption": bool(p.get("SecurityConfiguration"))})),
    "AWS::Glue::Crawler": (0, _simple("glue", lambda p: {"encryption": bool(p.get("CrawlerSecurityConfiguration"))})),
    "AWS::Athena::WorkGroup": (
        0,
        _simple(
            "athena",
            lambda p: {
                "results_encrypted": bool(
                    dig(p, "WorkGroupConfiguration", "ResultConfiguration", "EncryptionConfiguration")
                )
            },
        ),
    ),
    "AWS::EMR::Cluster": (0, _simple("emr", _emr)),
    "AWS::SageMaker::NotebookInstance": (0, _simple("sagemaker", _notebook)),
    "AWS::SSM::Parameter": (0, _not_drawn("a configuration value, not a running resource")),
    "AWS::CloudFormation::Stack": (0, _nested_stack),
    "AWS::CloudFormation::WaitConditionHandle": (0, _not_drawn("a deployment-time signal, not a running resource")),
    "AWS::CloudFormation::WaitCondition": (0, _not_drawn("a deployment-time signal, not a running resource")),
}

"""Shapes met in a second round of public templates outside the corpus (widdix, aws-samples serverless patterns,
aws-cloudformation-templates, Well-Architected labs): network interfaces, grants written as ARNs, log groups
named by a policy, tables streaming to Kinesis, event sources and their polling grants.

Every template here is written for the test; each reproduces one shape that imported wrongly, with its near miss.
"""

from __future__ import annotations

import textwrap

from tests.importers.cfnkit import R, network, template
from wadesk.analysis.engine import analyse
from wadesk.importers.build import build_architecture
from wadesk.importers.cfn.importer import map_template
from wadesk.importers.ir import ImportedDesign


def flows(design: ImportedDesign) -> set[tuple[str, str, str]]:
    return {(f.source, f.target, f.label) for f in design.flows}


def pairs(design: ImportedDesign) -> set[tuple[str, str]]:
    return {(f.source, f.target) for f in design.flows}


def findings(design: ImportedDesign) -> list[tuple[str, str, str]]:
    arch = build_architecture(design, layout=False).arch
    return [(f.rule, f.node or "", f.message) for f in analyse(arch).findings]


def rule_ids(design: ImportedDesign, node: str) -> set[str]:
    return {rule for rule, at, _ in findings(design) if at == node}


# ------------------------------------------------------------------ network interfaces
def _instance_on_interface(**instance: object) -> dict:
    return network() | {
        "Ssh": ("AWS::EC2::SecurityGroup", {"VpcId": R("Vpc"), "SecurityGroupIngress": [
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "10.0.0.0/8"}]}),
        "Eth0": ("AWS::EC2::NetworkInterface", {"SubnetId": R("SubnetB"), "GroupSet": [R("Ssh")]}),
        "Web": ("AWS::EC2::Instance", {"InstanceType": "t3.micro", **instance}),
    }


def test_an_instance_on_a_network_interface_of_the_template_sits_in_its_subnet_and_groups() -> None:
    design = map_template(template(_instance_on_interface(
        NetworkInterfaces=[{"NetworkInterfaceId": R("Eth0"), "DeviceIndex": "0"}])))
    web = design.nodes["Web"]
    assert web.subnets == ["SubnetB"] and web.security_groups == ["Ssh"]
    assert "Eth0" not in design.nodes and ("Eth0", "Web") in {(e.key, e.detail) for e in design.report.folded}
    assert "COST-UNUSED-SECURITY-GROUP" not in rule_ids(design, "Ssh")


def test_an_interface_no_instance_uses_keeps_its_group_from_being_called_unused() -> None:
    design = map_template(template(_instance_on_interface(SubnetId=R("SubnetA"))))
    assert design.nodes["Web"].subnets == ["SubnetA"] and design.nodes["Web"].security_groups == []
    assert "COST-UNUSED-SECURITY-GROUP" not in rule_ids(design, "Ssh")  # the interface is in it


def test_an_elastic_ip_associated_with_an_instance_s_interface_gives_it_a_public_address() -> None:
    resources = _instance_on_interface(NetworkInterfaces=[{"NetworkInterfaceId": R("Eth0"), "DeviceIndex": "0"}])
    resources |= {
        "Address": ("AWS::EC2::EIP", {"Domain": "vpc"}),
        "Association": ("AWS::EC2::EIPAssociation", {
            "NetworkInterfaceId": R("Eth0"), "AllocationId": R("Address", "AllocationId")}),
    }
    design = map_template(template(resources))
    assert design.nodes["Web"].props["public_ip"] is True
    assert {("Association", "Web"), ("Address", "Web")} <= {(e.key, e.detail) for e in design.report.folded}
    # near miss: the same interface with no address association keeps the instance private
    design = map_template(template(_instance_on_interface(
        NetworkInterfaces=[{"NetworkInterfaceId": R("Eth0"), "DeviceIndex": "0"}])))
    assert not design.nodes["Web"].props.get("public_ip")


def test_an_attached_interface_brings_its_groups_to_the_instance() -> None:
    resources = _instance_on_interface(SubnetId=R("SubnetB"))
    resources["Attach"] = ("AWS::EC2::NetworkInterfaceAttachment", {
        "InstanceId": R("Web"), "NetworkInterfaceId": R("Eth0"), "DeviceIndex": "1"})
    design = map_template(template(resources))
    assert design.nodes["Web"].security_groups == ["Ssh"] and "Eth0" not in design.nodes


# ------------------------------------------------------------------ world-open groups: what the drawing shows
def _open_ssh(subnet: object, public_ip: bool) -> dict:
    return {
        "Vpc": ("AWS::EC2::VPC", {"CidrBlock": "10.0.0.0/16"}),
        "Ssh": ("AWS::EC2::SecurityGroup", {"VpcId": R("Vpc"), "SecurityGroupIngress": [
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}]}),
        "Box": ("AWS::EC2::Instance", {"InstanceType": "t3.micro", "SecurityGroupIds": [R("Ssh")], "NetworkInterfaces":
                [{"DeviceIndex": 0, "SubnetId": subnet, "AssociatePublicIpAddress": public_ip}]}),
    }


def test_an_open_group_does_not_say_its_member_is_off_the_internet_when_it_has_a_public_address() -> None:
    subnet = ("AWS::EC2::Subnet", {"VpcId": R("Vpc"), "CidrBlock": "10.0.0.0/24"})
    design = map_template(template(_open_ssh(R("Subnet"), True) | {"Subnet": subnet}))
    [message] = [text for rule, node, text in findings(design) if rule == "SEC-SG-OPEN-ADMIN"]
    assert "Box has a public IPv4 address" in message and "no member sits in a public subnet" not in message
    # near miss: no public address in a private subnet of the design: nothing reaches it from the internet today
    design = map_template(template(_open_ssh(R("Subnet"), False) | {"Subnet": subnet}))
    [message] = [text for rule, node, text in findings(design) if rule == "SEC-SG-OPEN-ADMIN"]
    assert "no member sits in a public subnet today" in message


def test_an_open_group_says_reach_is_unknown_for_a_member_in_another_stack_s_subnet() -> None:
    from wadesk.importers.cfn.values import External

    design = map_template(template(_open_ssh(External("Network-SubnetA", "import"), False)))
    [message] = [text for rule, node, text in findings(design) if rule == "SEC-SG-OPEN-ADMIN"]
    assert "defined outside this design" in message and "no member sits" not in message


def _open_group_for(kind: str) -> dict:
    members = {
        "lambda": ("AWS::Lambda::Function", {"Runtime": "python3.12", "VpcConfig": {
            "SubnetIds": [R("SubnetB")], "SecurityGroupIds": [R("Open")]}}),
        "efs": ("AWS::EFS::MountTarget", {"FileSystemId": R("Files"), "SubnetId": R("SubnetB"),
                                         "SecurityGroups": [R("Open")]}),
        "ec2": ("AWS::EC2::Instance", {"InstanceType": "t3.micro", "SubnetId": R("SubnetB"),
                                       "SecurityGroupIds": [R("Open")]}),
    }
    return network(public=False) | {
        "Open": ("AWS::EC2::SecurityGroup", {"VpcId": R("Vpc"), "SecurityGroupIngress": [
            {"IpProtocol": "tcp", "FromPort": 0, "ToPort": 65535, "CidrIp": "0.0.0.0/0"}]}),
        "Files": ("AWS::EFS::FileSystem", {"Encrypted": True}),
        "Member": members[kind],
    }


def test_ssh_and_rdp_are_not_reported_open_on_a_group_of_functions_and_file_systems() -> None:
    for kind in ("lambda", "efs"):
        design = map_template(template(_open_group_for(kind)))
        assert "SEC-SG-OPEN-ADMIN" not in rule_ids(design, "Open"), kind
        assert "SEC-SG-OPEN-PORTS" in rule_ids(design, "Open"), kind  # the range is still world-open
    # near miss: an instance in the group may run sshd
    design = map_template(template(_open_group_for("ec2")))
    assert {"SEC-SG-OPEN-ADMIN", "SEC-SG-OPEN-PORTS"} <= rule_ids(design, "Open")


# ------------------------------------------------------------------ grants
def _role(statements: list[dict], **extra: object) -> tuple[str, dict]:
    return ("AWS::IAM::Role", {
        "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                    "Principal": {"Service": "ec2.amazonaws.com"}}]},
        "Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": statements}}], **extra})


def test_agent_channel_actions_on_every_resource_are_not_over_broad_writes() -> None:
    design = map_template(template({"Role": _role([
        {"Effect": "Allow", "Action": ["ec2messages:SendReply", "ssmmessages:OpenDataChannel"], "Resource": "*"}])}))
    assert not design.nodes["Role"].props.get("writes_on_all")
    # near miss: a write that can be given a resource, on every resource
    design = map_template(template({"Role": _role([
        {"Effect": "Allow", "Action": ["ec2messages:SendReply", "ec2:CreateRoute"], "Resource": "*"}])}))
    assert design.nodes["Role"].props["writes_on_all"] == ["ec2:CreateRoute"]


def _function_with(statements: list[dict], **more: tuple[str, dict]) -> dict:
    return {
        "Table": ("AWS::DynamoDB::Table", {"TableName": "serviceCallMocks", "BillingMode": "PAY_PER_REQUEST"}),
        "Other": ("AWS::DynamoDB::Table", {"TableName": "audit", "BillingMode": "PAY_PER_REQUEST"}),
        "Role": _role(statements),
        "Fn": ("AWS::Lambda::Function", {"Runtime": "python3.12", "Role": R("Role", "Arn")}),
        **more,
    }


def test_a_grant_on_an_arn_written_with_a_table_s_name_is_a_flow_to_that_table() -> None:
    design = map_template(template(_function_with([{
        "Effect": "Allow", "Action": "dynamodb:*", "Resource": "arn:aws:dynamodb:*:*:table/serviceCallMocks"}])))
    assert ("Fn", "Table", "dynamodb:*") in flows(design) and ("Fn", "Other") not in pairs(design)
    # near miss: a grant on every table names none of them in particular
    design = map_template(template(_function_with([{
        "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:*:*:table/*"}])))
    assert not {("Fn", "Table"), ("Fn", "Other")} & pairs(design)


def test_a_grant_on_a_bucket_s_objects_written_with_its_name_and_a_prefix_pattern_match() -> None:
    design = map_template(template(_function_with(
        [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site-assets/*"},
         {"Effect": "Allow", "Action": "dynamodb:Query", "Resource": "arn:aws:dynamodb:us-east-1:1:table/service*"}],
        Bucket=("AWS::S3::Bucket", {"BucketName": "site-assets"}))))
    assert {("Fn", "Bucket"), ("Fn", "Table")} <= pairs(design) and ("Fn", "Other") not in pairs(design)


def test_a_grant_to_write_to_a_log_group_of_the_template_is_a_flow_that_monitors_the_user() -> None:
    logs = ("AWS::Logs::LogGroup", {"RetentionInDays": 14})
    group = [{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": R("Logs", "Arn")}]
    design = map_template(template(_function_with(group, Logs=logs)))
    assert ("Fn", "Logs") in pairs(design) and "OPS-NOT-MONITORED" not in rule_ids(design, "Fn")
    # near miss: the same grant on every log group says nothing about where the logs go
    anywhere = [{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "*"}]
    design = map_template(template(_function_with(anywhere, Logs=logs)))
    assert ("Fn", "Logs") not in pairs(design) and "OPS-NOT-MONITORED" in rule_ids(design, "Fn")


def test_the_instances_of_a_group_draw_the_grant_once_not_with_the_group_too() -> None:
    design = map_template(template(network() | {
        "Logs": ("AWS::Logs::LogGroup", {}),
        "Role": _role([{"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": R("Logs", "Arn")}]),
        "Profile": ("AWS::IAM::InstanceProfile", {"Roles": [R("Role")]}),
        "Launch": ("AWS::AutoScaling::LaunchConfiguration", {
            "InstanceType": "t3.micro", "ImageId": "ami-1", "IamInstanceProfile": R("Profile")}),
        "Group": ("AWS::AutoScaling::AutoScalingGroup", {
            "MinSize": 1, "MaxSize": 2, "VPCZoneIdentifier": [R("SubnetA")], "LaunchConfigurationName": R("Launch")}),
    }))
    callers = {source for source, target in pairs(design) if target == "Logs"}
    assert callers == {"Launch"}


# ------------------------------------------------------------------ event sources and streams
def _consumer(actions: list[str]) -> dict:
    return {
        "Queue": ("AWS::SQS::Queue", {}),
        "Role": _role([{"Effect": "Allow", "Action": actions, "Resource": R("Queue", "Arn")}]),
        "Fn": ("AWS::Lambda::Function", {"Runtime": "python3.12", "Role": R("Role", "Arn")}),
        "Poll": ("AWS::Lambda::EventSourceMapping", {"FunctionName": R("Fn"), "EventSourceArn": R("Queue", "Arn")}),
    }


def test_a_function_s_grant_to_poll_its_event_source_draws_no_second_flow_back_to_it() -> None:
    design = map_template(template(_consumer(
        ["sqs:ChangeMessageVisibility", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"])))
    assert ("Queue", "Fn", "Event source") in flows(design) and ("Fn", "Queue") not in pairs(design)
    # near miss: a function that also sends to the queue it reads keeps the flow that says so
    design = map_template(template(_consumer(["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:SendMessage"])))
    assert ("Fn", "Queue") in pairs(design)


def test_a_table_streaming_its_changes_to_kinesis_sends_to_the_stream() -> None:
    design = map_template(template({
        "Stream": ("AWS::Kinesis::Stream", {"ShardCount": 1}),
        "Table": ("AWS::DynamoDB::Table", {"BillingMode": "PAY_PER_REQUEST",
                                           "KinesisStreamSpecification": {"StreamArn": R("Stream", "Arn")}}),
        "Plain": ("AWS::DynamoDB::Table", {"BillingMode": "PAY_PER_REQUEST"}),
    }))
    assert ("Table", "Stream", "Item changes") in flows(design)
    assert not any(source == "Plain" for source, _ in pairs(design))


# ------------------------------------------------------------------ the same network interfaces in Terraform
def test_terraform_instances_on_network_interfaces_join_their_subnet_and_group(tmp_path) -> None:
    from wadesk.importers.terraform.importer import import_terraform

    base = """\
    resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
    resource "aws_subnet" "a" {
      vpc_id     = aws_vpc.main.id
      cidr_block = "10.0.1.0/24"
    }
    resource "aws_security_group" "ssh" { vpc_id = aws_vpc.main.id }
    resource "aws_network_interface" "eth0" {
      subnet_id       = aws_subnet.a.id
      security_groups = [aws_security_group.ssh.id]
    }
    resource "aws_instance" "web" {
      ami           = "ami-123"
      instance_type = "t3.micro"
      network_interface {
        network_interface_id = aws_network_interface.eth0.id
        device_index         = 0
      }
    }
    """
    (tmp_path / "main.tf").write_text(textwrap.dedent(base), encoding="utf-8")
    design = import_terraform(tmp_path)
    web = design.nodes["aws_instance.web"]
    assert web.subnets == ["aws_subnet.a"] and web.security_groups == ["aws_security_group.ssh"]
    assert not web.props.get("public_ip")  # not the default VPC's public subnets
    address = """\
    resource "aws_eip" "ip" { domain = "vpc" }
    resource "aws_eip_association" "a" {
      network_interface_id = aws_network_interface.eth0.id
      allocation_id        = aws_eip.ip.id
    }
    """
    (tmp_path / "eip.tf").write_text(textwrap.dedent(address), encoding="utf-8")
    assert import_terraform(tmp_path).nodes["aws_instance.web"].props["public_ip"] is True


# ------------------------------------------------------------------ logs and events
def test_a_state_machine_logging_to_a_log_group_sends_to_it() -> None:
    machine = {"RoleArn": "arn:aws:iam::1:role/x", "DefinitionString": "{}"}
    logging = {"Level": "ERROR", "Destinations": [{"CloudWatchLogsLogGroup": {"LogGroupArn": R("Logs", "Arn")}}]}
    design = map_template(template({
        "Logs": ("AWS::Logs::LogGroup", {}),
        "Machine": ("AWS::StepFunctions::StateMachine", {**machine, "LoggingConfiguration": logging}),
        "Quiet": ("AWS::StepFunctions::StateMachine", machine),
    }))
    assert ("Machine", "Logs", "Logs") in flows(design) and ("Quiet", "Logs") not in pairs(design)


def _producer(resource: object, **rules: tuple[str, dict]) -> dict:
    return {
        "Role": ("AWS::IAM::Role", {"Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": [
            {"Effect": "Allow", "Action": ["events:PutEvents"], "Resource": resource}]}}]}),
        "Producer": ("AWS::Lambda::Function", {"Runtime": "python3.12", "Role": R("Role", "Arn")}),
        "Consumer": ("AWS::Lambda::Function", {"Runtime": "python3.12"}),
        **rules,
    }


def _rule(source: str, **more: object) -> tuple[str, dict]:
    return ("AWS::Events::Rule", {"EventPattern": {"source": [source]}, **more,
                                  "Targets": [{"Id": "t", "Arn": R("Consumer", "Arn")}]})


def test_a_function_allowed_to_put_events_on_the_default_bus_sends_to_its_rules() -> None:
    design = map_template(template(_producer("*", Orders=_rule("custom.orders"), Ec2=_rule("aws.ec2"))))
    assert ("Producer", "Orders", "events:PutEvents") in flows(design)
    assert ("Producer", "Ec2") not in pairs(design)  # no application can send aws.* events
    # near misses: a grant on another bus's ARN, and a rule on a bus of its own
    other_bus = "arn:aws:events:us-east-1:123456789012:event-bus/partners"
    design = map_template(template(_producer(other_bus, Orders=_rule("custom.orders"))))
    assert ("Producer", "Orders") not in pairs(design)
    design = map_template(template(_producer("*", Orders=_rule("custom.orders", EventBusName="partners"))))
    assert ("Producer", "Orders") not in pairs(design)


# ------------------------------------------------------------------ environment variables and delivery streams
def test_an_environment_variable_given_the_parameter_that_names_a_table_is_a_flow_to_the_table(tmp_path) -> None:
    from wadesk.importers.cfn.importer import import_template

    text = """\
    Parameters:
      TableName: {Type: String, Default: MyCustomTable}
    Resources:
      Table:
        Type: AWS::DynamoDB::Table
        Properties: {TableName: !Ref TableName, BillingMode: PAY_PER_REQUEST}
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          Runtime: python3.12
          Role: arn:aws:iam::123456789012:role/r
          Code: {ZipFile: x}
          Handler: index.handler
          Environment: {Variables: {TABLE_NAME: %s}}
    """
    (tmp_path / "a.yaml").write_text(textwrap.dedent(text % "!Ref TableName"), encoding="utf-8")
    assert ("Fn", "Table") in pairs(import_template(tmp_path / "a.yaml"))
    # near misses: another name; and a literal equal to a name the template writes as a literal, not a parameter
    (tmp_path / "b.yaml").write_text(textwrap.dedent(text % "MyCustomTable-archive"), encoding="utf-8")
    assert ("Fn", "Table") not in pairs(import_template(tmp_path / "b.yaml"))
    literal = (text % "MyCustomTable").replace("TableName: !Ref TableName", "TableName: MyCustomTable")
    literal = literal.replace("Default: MyCustomTable", "Default: unused")
    (tmp_path / "c.yaml").write_text(textwrap.dedent(literal), encoding="utf-8")
    assert ("Fn", "Table") not in pairs(import_template(tmp_path / "c.yaml"))


def test_the_queue_a_function_reads_named_in_its_environment_draws_no_flow_back() -> None:
    resources = _consumer(["sqs:ReceiveMessage", "sqs:DeleteMessage"])
    resources["Fn"][1]["Environment"] = {"Variables": {"QUEUE_URL": R("Queue")}}
    design = map_template(template(resources))
    assert ("Queue", "Fn") in pairs(design) and ("Fn", "Queue") not in pairs(design)
    # near miss: a function allowed to send to that queue may use the variable to send
    resources = _consumer(["sqs:ReceiveMessage", "sqs:SendMessage"])
    resources["Fn"][1]["Environment"] = {"Variables": {"QUEUE_URL": R("Queue")}}
    assert [t for s, t in pairs(map_template(template(resources))) if s == "Fn"].count("Queue") == 1


def test_a_delivery_stream_writes_to_the_bucket_its_role_may_write_to_once() -> None:
    role = ("AWS::IAM::Role", {"Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": [
        {"Effect": "Allow", "Action": ["s3:AbortMultipartUpload", "s3:PutObject"], "Resource": R("Bucket", "Arn")}]}}]})

    def stream(**destination: object) -> ImportedDesign:
        return map_template(template({
            "Bucket": ("AWS::S3::Bucket", {}), "Role": role,
            "Stream": ("AWS::KinesisFirehose::DeliveryStream", {"ExtendedS3DestinationConfiguration": {
                "RoleARN": R("Role", "Arn"), **destination}}),
        }))

    assert ("Stream", "Bucket", "s3:PutObject") in flows(stream())
    to_bucket = [f for f in stream(BucketARN=R("Bucket", "Arn")).flows if (f.source, f.target) == ("Stream", "Bucket")]
    assert [f.label for f in to_bucket] == ["Delivery"]


# ------------------------------------------------------------------ custom domain names of APIs
def test_a_custom_domain_and_its_mapping_fold_into_the_api_they_name() -> None:
    design = map_template(template({
        "Api": ("AWS::ApiGateway::RestApi", {"EndpointConfiguration": {"Types": ["REGIONAL"]}}),
        "Domain": ("AWS::ApiGateway::DomainName", {"DomainName": "api.example.com", "SecurityPolicy": "TLS_1_2"}),
        "Mapping": ("AWS::ApiGateway::BasePathMapping", {"DomainName": R("Domain"), "RestApiId": R("Api")}),
        "Http": ("AWS::ApiGatewayV2::Api", {"ProtocolType": "HTTP"}),
        "HttpDomain": ("AWS::ApiGatewayV2::DomainName", {"DomainName": "h.example.com"}),
        "HttpMapping": ("AWS::ApiGatewayV2::ApiMapping", {"DomainName": R("HttpDomain"), "ApiId": R("Http"),
                                                          "Stage": "$default"}),
        "Unused": ("AWS::ApiGateway::DomainName", {"DomainName": "spare.example.com"}),
    }))
    folded = {(e.key, e.detail) for e in design.report.folded}
    assert {("Domain", "Api"), ("Mapping", "Api"), ("HttpDomain", "Http"), ("HttpMapping", "Http")} <= folded
    assert not design.report.generic
    # near miss: a domain mapped to no API is listed, not drawn as a generic box
    assert ("Unused", "mapped to no API drawn") in folded and "Unused" not in design.nodes


def test_a_network_imported_by_a_parameter_with_no_value_is_named_as_the_template_writes_it(tmp_path) -> None:
    from wadesk.importers.cfn.importer import import_template

    text = """\
    Parameters:
      ParentVPCStack: {Type: String}
    Resources:
      Group:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: db
          VpcId: {'Fn::ImportValue': !Sub '${ParentVPCStack}-VPC'}
    """
    (tmp_path / "t.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    [vpc] = [n for n in import_template(tmp_path / "t.yaml").nodes.values() if n.kind == "vpc"]
    assert vpc.label.startswith("${ParentVPCStack}-VPC") and "<" not in vpc.label


def test_application_insights_over_the_stack_watches_its_functions() -> None:
    def stack(query: str) -> ImportedDesign:
        return map_template(template({
            "Fn": ("AWS::Lambda::Function", {"Runtime": "python3.12"}),
            "Group": ("AWS::ResourceGroups::Group", {"Name": "g", "ResourceQuery": {"Type": query}}),
            "Insights": ("AWS::ApplicationInsights::Application", {
                "ResourceGroupName": R("Group"), "AutoConfigurationEnabled": True}),
        }))

    design = stack("CLOUDFORMATION_STACK_1_0")
    assert design.nodes["Insights"].kind == "cloudwatch" and ("Fn", "Insights") in pairs(design)
    assert "OPS-NOT-MONITORED" not in rule_ids(design, "Fn") and "Group" not in design.nodes
    # near miss: a group chosen by tags may not hold the function
    design = stack("TAG_FILTERS_1_0")
    assert ("Fn", "Insights") not in pairs(design) and "OPS-NOT-MONITORED" in rule_ids(design, "Fn")

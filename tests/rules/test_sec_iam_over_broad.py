"""IAM roles that allow too much on every resource, short of "*" on "*".

SEC-IAM-SERVICE-WILDCARD, SEC-IAM-PERMISSIONS-ON-ALL, SEC-IAM-CREDENTIALS-ON-ALL, SEC-IAM-DATA-READS-ON-ALL and
SEC-IAM-WRITES-ON-ALL, the summary both importers make of a role's policies, and the near misses.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from designkit import design, hits, key

from wadesk.analysis.engine import analyse
from wadesk.importers.cfn.iam_grants import is_service_role, summarise
from wadesk.importers.cfn.importer import import_template
from wadesk.importers.terraform.importer import import_terraform
from wadesk.rules.security import (
    iam_credentials_on_all,
    iam_data_reads_on_all,
    iam_permissions_on_all,
    iam_service_wildcard,
    iam_writes_on_all,
)

RULES = {
    "service_wildcards": iam_service_wildcard.RULE,
    "permissions_on_all": iam_permissions_on_all.RULE,
    "credentials_on_all": iam_credentials_on_all.RULE,
    "data_reads_on_all": iam_data_reads_on_all.RULE,
    "writes_on_all": iam_writes_on_all.RULE,
}


def _doc(*statements: dict[str, object]) -> dict[str, object]:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def _allow(action: object, resource: object = "*", **extra: object) -> dict[str, object]:
    return {"Effect": "Allow", "Action": action, "Resource": resource, **extra}


# ------------------------------------------------------------------ the rules on drawn roles
@pytest.mark.parametrize("prop", sorted(RULES))
def test_empty_design_and_a_role_that_says_nothing_have_no_finding(prop: str) -> None:
    assert hits(RULES[prop], design()) == set()
    assert hits(RULES[prop], design([("role", "iam_role")])) == set()


@pytest.mark.parametrize("prop", sorted(RULES))
def test_each_rule_reports_its_own_list_and_names_the_actions(prop: str) -> None:
    arch = design([("role", "iam_role", None, {prop: ["svc:Action1", "svc:Action2"]}), ("other", "iam_role")])
    result = analyse(arch, [RULES[prop]])
    assert {f.key for f in result.findings} == {key(RULES[prop], "role")}
    assert "svc:Action1 and svc:Action2" in result.findings[0].message
    others = [rule for name, rule in RULES.items() if name != prop]
    assert all(hits(rule, arch) == set() for rule in others)


def test_a_long_list_is_cut_short() -> None:
    arch = design([("role", "iam_role", None, {"writes_on_all": [f"sqs:Action{i}" for i in range(9)]})])
    message = analyse(arch, [iam_writes_on_all.RULE]).findings[0].message
    assert "and 3 more" in message


# ------------------------------------------------------------------ what a policy allows on every resource
def test_a_service_wildcard_on_every_resource_is_one_and_iam_star_is_permission_management() -> None:
    grants = summarise([_doc(_allow(["s3:*", "dynamodb:*", "iam:*"]))])
    assert grants.service_wildcards == ["s3:*", "dynamodb:*"]
    assert grants.permissions_on_all == ["iam:*"]
    assert not grants.writes_on_all and not grants.data_reads_on_all


def test_each_concern_gets_its_own_actions_once() -> None:
    grants = summarise(
        [
            _doc(
                _allow(["iam:PassRole", "sts:AssumeRole", "iam:Put*Policy", "s3:PutBucketPolicy"]),
                _allow(["iam:CreateAccessKey", "rds-db:connect"]),
                _allow(["s3:GetObject", "secretsmanager:GetSecretValue", "ssm:GetParameter*"]),
                _allow(["dynamodb:PutItem", "sqs:SendMessage", "sns:Publish", "s3:GetObject"]),
            )
        ]
    )
    assert grants.permissions_on_all == ["iam:PassRole", "sts:AssumeRole", "iam:Put*Policy", "s3:PutBucketPolicy"]
    assert grants.credentials_on_all == ["iam:CreateAccessKey", "rds-db:connect"]
    assert grants.data_reads_on_all == ["s3:GetObject", "secretsmanager:GetSecretValue", "ssm:GetParameter*"]
    assert grants.writes_on_all == ["dynamodb:PutItem", "sqs:SendMessage", "sns:Publish"]


def test_near_misses_scoped_conditioned_denied_read_only_and_routine_telemetry_pass() -> None:
    grants = summarise(
        [
            _doc(
                _allow(["s3:*", "dynamodb:PutItem"], "arn:aws:s3:::orders/*"),
                _allow(
                    "iam:PassRole", "*", Condition={"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}
                ),
                {"Effect": "Deny", "Action": "s3:*", "Resource": "*"},
                _allow(["ec2:Describe*", "cloudwatch:GetMetricData", "kms:Decrypt"]),
                _allow(
                    ["logs:CreateLogStream", "logs:PutLogEvents", "cloudwatch:PutMetricData", "xray:PutTraceSegments"]
                ),
                _allow(["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface"]),
                _allow(["ssm:UpdateInstanceInformation", "ssmmessages:*", "ec2messages:*", "config:PutEvaluations"]),
                _allow(["ecs:RegisterContainerInstance", "ecs:Submit*", "ecs:StartTelemetrySession"]),
                _allow("*"),
            )
        ]
    )
    assert grants.as_props() == {}


def test_a_deny_on_every_resource_removes_what_it_covers_only() -> None:
    grants = summarise(
        [_doc(_allow(["s3:Put*", "sqs:SendMessage"]), {"Effect": "Deny", "Action": "s3:*", "Resource": "*"})]
    )
    assert grants.as_props() == {"writes_on_all": ["sqs:SendMessage"]}


def test_not_action_on_every_resource_allows_all_but_the_listed_actions() -> None:
    grants = summarise([_doc({"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"})])
    assert grants.service_wildcards == ["* except iam:*, organizations:*"]


def test_a_service_role_keeps_permissions_credentials_and_data_reads_only() -> None:
    ecs = {
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs.amazonaws.com"}, "Action": "sts:AssumeRole"}]
    }
    code = {
        "Statement": [
            {"Effect": "Allow", "Principal": {"Service": ["lambda.amazonaws.com"]}, "Action": "sts:AssumeRole"}
        ]
    }
    assert is_service_role(ecs) and not is_service_role(code)
    assert not is_service_role({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}}]})
    document = _doc(_allow(["application-autoscaling:*", "ecs:UpdateService", "iam:PassRole", "s3:GetObject"]))
    assert summarise([document], service_role=True).as_props() == {
        "permissions_on_all": ["iam:PassRole"],
        "data_reads_on_all": ["s3:GetObject"],
    }


def test_aws_managed_full_access_policies_are_known_by_name() -> None:
    grants = summarise([], ["AmazonS3FullAccess", "IAMFullAccess", "AmazonSSMManagedInstanceCore"])
    assert grants.service_wildcards == ["s3:* (AmazonS3FullAccess)"]
    assert grants.permissions_on_all == ["iam:* (IAMFullAccess)"]


# ------------------------------------------------------------------ both importers
TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Broad:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
      ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess]
      Policies:
        - PolicyName: inline
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: [s3:*], Resource: "*"}
  Extra:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: extra
      Roles: [!Ref Broad]
      PolicyDocument:
        Statement:
          - {Effect: Allow, Action: [iam:PassRole, sqs:SendMessage], Resource: "*"}
  Scoped:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]
      Policies:
        - PolicyName: inline
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: [sqs:SendMessage], Resource: !GetAtt Queue.Arn}
  Queue:
    Type: AWS::SQS::Queue
"""


def test_cloudformation_roles_sum_up_inline_attached_and_managed_policies(tmp_path: Path) -> None:
    path = tmp_path / "stack.yaml"
    path.write_text(TEMPLATE)
    nodes = import_template(path).nodes
    assert nodes["Broad"].props["service_wildcards"] == ["dynamodb:* (AmazonDynamoDBFullAccess)", "s3:*"]
    assert nodes["Broad"].props["permissions_on_all"] == ["iam:PassRole"]
    assert nodes["Broad"].props["writes_on_all"] == ["sqs:SendMessage"]
    assert not any(name in nodes["Scoped"].props for name in RULES)


SAM = """\
AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Table:
    Type: AWS::Serverless::SimpleTable
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Policies:
        - DynamoDBCrudPolicy: {TableName: !Ref Table}
        - AmazonSQSFullAccess
"""


def test_sam_policy_templates_are_scoped_and_managed_names_are_read(tmp_path: Path) -> None:
    path = tmp_path / "sam.yaml"
    path.write_text(SAM)
    roles = [node for node in import_template(path).nodes.values() if node.kind == "iam_role"]
    assert len(roles) == 1
    assert roles[0].props.get("service_wildcards") == ["sqs:* (AmazonSQSFullAccess)"]
    assert "writes_on_all" not in roles[0].props


CONFIGURATION = """\
data "aws_iam_policy_document" "broad" {
  statement {
    actions   = ["secretsmanager:GetSecretValue", "ecs:RunTask"]
    resources = ["*"]
  }
  statement {
    actions   = ["iam:PassRole"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}
resource "aws_iam_role" "task" {
  name               = "task"
  assume_role_policy = jsonencode({Statement = [{Effect = "Allow", Action = "sts:AssumeRole",
                                   Principal = {Service = "ecs-tasks.amazonaws.com"}}]})
}
resource "aws_iam_policy" "broad" {
  name   = "broad"
  policy = data.aws_iam_policy_document.broad.json
}
resource "aws_iam_role_policy_attachment" "broad" {
  role       = aws_iam_role.task.name
  policy_arn = aws_iam_policy.broad.arn
}
resource "aws_iam_role_policy_attachment" "s3" {
  role       = aws_iam_role.task.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
}
resource "aws_iam_role_policy" "inline" {
  role   = aws_iam_role.task.id
  policy = jsonencode({Statement = [{Effect = "Allow", Action = ["sts:AssumeRole"], Resource = "*"}]})
}
"""


def test_terraform_roles_sum_up_policy_documents_attachments_and_inline_policies(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(textwrap.dedent(CONFIGURATION))
    role = import_terraform(tmp_path).nodes["aws_iam_role.task"]
    assert role.props["service_wildcards"] == ["s3:* (AmazonS3FullAccess)"]
    assert role.props["data_reads_on_all"] == ["secretsmanager:GetSecretValue"]
    assert role.props["writes_on_all"] == ["ecs:RunTask"]
    assert role.props["permissions_on_all"] == ["sts:AssumeRole"]


def test_terraform_plan_roles_are_summed_up_too(tmp_path: Path) -> None:
    def resource(address: str, values: dict[str, object]) -> dict[str, object]:
        kind, name = address.split(".")
        return {
            "address": address,
            "mode": "managed",
            "type": kind,
            "name": name,
            "values": values,
            "provider_name": "registry.terraform.io/hashicorp/aws",
        }

    policy = json.dumps(_doc(_allow(["kinesis:*"])))
    plan = {
        "format_version": "1.2",
        "planned_values": {
            "root_module": {
                "resources": [
                    resource(
                        "aws_iam_role.r",
                        {"name": "r", "assume_role_policy": "{}", "inline_policy": [{"name": "p", "policy": policy}]},
                    ),
                ]
            }
        },
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    assert import_terraform(path).nodes["aws_iam_role.r"].props["service_wildcards"] == ["kinesis:*"]

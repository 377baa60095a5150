"""How a statement's Condition, NotAction and NotResource bound the IAM grants the SEC-IAM-* rules read.

A condition that narrows where a grant applies (to a service, tagged resources, an account) takes the statement off
"every resource" (``"*"`` stays a service wildcard, noted); one on the region alone leaves every resource of the
region, noted; one that limits no resource (TLS, MFA, source address, ``...IfExists``, negated tests) leaves it
reported, and the message says so.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.importers.cfnkit import R, template
from wadesk.analysis.engine import analyse
from wadesk.importers.build import build_architecture
from wadesk.importers.cfn.iam_grants import allows_everything, condition_reach, summarise
from wadesk.importers.cfn.importer import import_template, map_template
from wadesk.importers.terraform.importer import import_terraform
from wadesk.rules.security import iam_permissions_on_all, iam_service_wildcard, iam_wildcard, iam_writes_on_all


def _doc(*statements: dict[str, Any]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def _allow(action: Any, resource: Any = "*", **extra: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": action, "Resource": resource, **extra}


@pytest.mark.parametrize(
    ("condition", "kind"),
    [
        ({"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}, "narrows"),
        ({"StringEquals": {"aws:ResourceTag/team": "orders"}}, "narrows"),
        ({"StringEquals": {"ec2:ResourceTag/env": "prod"}}, "narrows"),
        ({"StringEquals": {"aws:RequestedRegion": ["eu-west-1"]}}, "region"),
        ({"StringEquals": {"aws:RequestedRegion": "eu-west-1", "aws:ResourceTag/team": "a"}}, "narrows"),
        ({"ArnLike": {"aws:SourceArn": "arn:aws:s3:::uploads"}, "StringEquals": {"aws:SourceAccount": "1"}}, "narrows"),
        ({"StringEquals": {"aws:ResourceAccount": "123456789012"}}, "narrows"),
        ({"StringLike": {"s3:prefix": "home/${aws:username}/*"}}, "narrows"),
        ({"StringEquals": {"someservice:SomeKey": "x"}}, "narrows"),  # unknown: the benefit of the doubt
        ({"Null": {"aws:ResourceTag/team": "false"}}, "narrows"),
        ({"Bool": {"aws:SecureTransport": "true"}}, "loose"),
        ({"Bool": {"aws:MultiFactorAuthPresent": "true"}}, "loose"),
        ({"NumericLessThan": {"aws:MultiFactorAuthAge": 3600}}, "loose"),
        ({"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}, "loose"),
        ({"StringEquals": {"aws:SourceVpc": "vpc-1", "aws:PrincipalTag/team": "x"}}, "loose"),
        ({"StringEqualsIfExists": {"aws:ResourceTag/team": "orders"}}, "loose"),
        ({"StringNotEquals": {"aws:ResourceTag/env": "prod"}}, "loose"),
        ({"ForAllValues:StringEquals": {"aws:RequestTag/team": ["orders"]}}, "loose"),
        ({"StringLike": {"aws:ResourceTag/team": "*"}}, "loose"),
        ({"Null": {"aws:ResourceTag/team": "true"}}, "loose"),
    ],
)
def test_what_a_condition_does_to_a_grant(condition: dict[str, Any], kind: str) -> None:
    assert condition_reach(_allow("s3:*", Condition=condition)).kind == kind


def test_no_condition_and_an_unreadable_one() -> None:
    assert condition_reach(_allow("s3:*")).kind == "none"
    assert condition_reach(_allow("s3:*", Condition="${Unresolved}")).kind == "narrows"


def test_narrowed_grants_are_not_on_every_resource_and_star_stays_a_noted_service_wildcard() -> None:
    tagged = {"StringEquals": {"aws:ResourceTag/team": "orders"}}
    grants = summarise([_doc(
        _allow("iam:PassRole", Condition={"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}),
        _allow(["s3:*", "dynamodb:PutItem"], Condition=tagged),
        _allow("*", Condition=tagged),
        {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*", "Condition": tagged},
    )])
    assert grants.as_props() == {"service_wildcards": [
        "* (only where its condition on aws:ResourceTag/team holds)",
        "* except iam:* (only where its condition on aws:ResourceTag/team holds)",
    ]}


def test_a_region_condition_leaves_every_resource_of_the_region_and_says_so() -> None:
    region = {"StringEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}}
    grants = summarise([_doc(_allow(["s3:*", "iam:PassRole", "*"], Condition=region))])
    note = " (in the regions its condition on aws:RequestedRegion allows)"
    assert grants.as_props() == {
        "service_wildcards": ["s3:*" + note, "*" + note],
        "permissions_on_all": ["iam:PassRole" + note],
    }


def test_conditions_that_limit_no_resource_leave_the_grant_reported_and_noted() -> None:
    tls = {"Bool": {"aws:SecureTransport": "true"}}
    grants = summarise([_doc(
        _allow(["s3:*", "iam:PassRole"], Condition=tls),
        _allow("sqs:SendMessage", Condition={"StringEqualsIfExists": {"aws:ResourceTag/team": "orders"}}),
        _allow("s3:*"),  # the same pattern unconditionally: listed once, as first seen
    )])
    assert grants.as_props() == {
        "service_wildcards": ["s3:* (condition on aws:SecureTransport, which limits no resource)"],
        "permissions_on_all": ["iam:PassRole (condition on aws:SecureTransport, which limits no resource)"],
        "writes_on_all": ["sqs:SendMessage (condition on aws:ResourceTag/team, which limits no resource)"],
    }


def test_not_resource_is_every_resource_but_the_listed_ones() -> None:
    grants = summarise([_doc({"Effect": "Allow", "Action": "sqs:*", "NotResource": "arn:aws:sqs:*:*:audit"})])
    assert grants.service_wildcards == ["sqs:*"]
    assert allows_everything(_doc({"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::audit"}))


def test_star_on_star_is_everything_unless_a_condition_narrows_where() -> None:
    assert allows_everything(_doc(_allow("*")))
    assert allows_everything(_doc(_allow("*", Condition={"Bool": {"aws:MultiFactorAuthPresent": "true"}})))
    assert not allows_everything(_doc(_allow("*", Condition={"StringEquals": {"aws:RequestedRegion": "eu-west-1"}})))
    assert not allows_everything(_doc(_allow("*", Condition={"StringEquals": {"aws:ResourceTag/a": "b"}})))
    assert not allows_everything(_doc(_allow("*", "arn:aws:s3:::orders/*")))
    assert not allows_everything(_doc({"Effect": "Deny", "Action": "*", "Resource": "*"}))


TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Regional:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}
      Policies:
        - PolicyName: all
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: "*"
                Resource: "*"
                Condition: {StringEquals: {aws:RequestedRegion: eu-west-1}}
  Tls:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}
      Policies:
        - PolicyName: all
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: "*"
                Resource: "*"
                Condition: {Bool: {aws:SecureTransport: "true"}}
              - Effect: Allow
                Action: [iam:PassRole, dynamodb:PutItem]
                Resource: "*"
                Condition: {Bool: {aws:SecureTransport: "true"}}
  Passer:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: sts:AssumeRole}
      Policies:
        - PolicyName: pass
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: iam:PassRole
                Resource: "*"
                Condition: {StringEquals: {iam:PassedToService: ecs-tasks.amazonaws.com}}
"""
RULES = [iam_wildcard.RULE, iam_service_wildcard.RULE, iam_permissions_on_all.RULE, iam_writes_on_all.RULE]


def _findings(design: Any) -> dict[str, str]:
    arch = build_architecture(design, layout=False).arch
    return {f.key: f.message for f in analyse(arch, RULES).findings}


def test_cloudformation_messages_say_what_each_condition_does(tmp_path: Path) -> None:
    path = tmp_path / "stack.yaml"
    path.write_text(TEMPLATE)
    found = _findings(import_template(path))
    assert set(found) == {
        "SEC-IAM-SERVICE-WILDCARD@Regional", "SEC-IAM-WILDCARD@Tls", "SEC-IAM-PERMISSIONS-ON-ALL@Tls",
        "SEC-IAM-WRITES-ON-ALL@Tls",
    }
    assert found["SEC-IAM-SERVICE-WILDCARD@Regional"].endswith(
        "* (in the regions its condition on aws:RequestedRegion allows).")
    assert "no condition unless noted" in found["SEC-IAM-PERMISSIONS-ON-ALL@Tls"]
    assert "iam:PassRole (condition on aws:SecureTransport, which limits no resource)" in found[
        "SEC-IAM-PERMISSIONS-ON-ALL@Tls"]


CONFIGURATION = """\
data "aws_iam_policy_document" "regional" {
  statement {
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-1"]
    }
  }
}
data "aws_iam_policy_document" "pass" {
  statement {
    actions   = ["iam:PassRole"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
  statement {
    not_actions = ["iam:*"]
    resources   = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}
resource "aws_iam_role" "regional" {
  assume_role_policy = jsonencode({Statement = [{Effect = "Allow", Action = "sts:AssumeRole",
                                                 Principal = {Service = "lambda.amazonaws.com"}}]})
}
resource "aws_iam_role_policy" "regional" {
  role   = aws_iam_role.regional.id
  policy = data.aws_iam_policy_document.regional.json
}
resource "aws_iam_role" "pass" {
  assume_role_policy = jsonencode({Statement = [{Effect = "Allow", Action = "sts:AssumeRole",
                                                 Principal = {Service = "lambda.amazonaws.com"}}]})
}
resource "aws_iam_role_policy" "pass" {
  role   = aws_iam_role.pass.id
  policy = data.aws_iam_policy_document.pass.json
}
resource "aws_iam_role" "tls" {
  assume_role_policy = jsonencode({Statement = [{Effect = "Allow", Action = "sts:AssumeRole",
                                                 Principal = {Service = "lambda.amazonaws.com"}}]})
  inline_policy {
    name   = "all"
    policy = jsonencode({Statement = [{Effect = "Allow", Action = "*", Resource = "*",
                                       Condition = {Bool = {"aws:SecureTransport" = "true"}}}]})
  }
}
"""


def test_terraform_policy_documents_and_json_policies_are_read_the_same_way(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(textwrap.dedent(CONFIGURATION))
    design = import_terraform(tmp_path)
    regional, passer, tls = (design.nodes[f"aws_iam_role.{name}"].props for name in ("regional", "pass", "tls"))
    assert regional["wildcard_permissions"] is False
    assert regional["service_wildcards"] == ["* (in the regions its condition on aws:RequestedRegion allows)"]
    assert "permissions_on_all" not in passer
    assert passer["service_wildcards"] == [
        "* except iam:* (condition on aws:MultiFactorAuthPresent, which limits no resource)"]
    assert tls["wildcard_permissions"] is True
    found = _findings(design)
    assert "SEC-IAM-WILDCARD@aws_iam_role.tls" in found and "SEC-IAM-WILDCARD@aws_iam_role.regional" not in found


def _instance_with_role(statement: dict[str, Any]) -> dict[str, Any]:
    design = map_template(template({
        "Role": ("AWS::IAM::Role", {"Policies": [{"PolicyName": "p", "PolicyDocument": _doc(statement)}]}),
        "Profile": ("AWS::IAM::InstanceProfile", {"Roles": [R("Role")]}),
        "Web": ("AWS::EC2::Instance", {"IamInstanceProfile": R("Profile")}),
    }))
    return design.nodes["Web"].props


@pytest.mark.parametrize(
    ("statement", "managed"),
    [
        (_allow("*"), True),
        ({"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}, True),
        ({"Effect": "Allow", "NotAction": ["ssm:*"], "Resource": "*"}, False),
        (_allow("ssm:UpdateInstanceInformation", Condition={"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}),
         True),
        (_allow("s3:GetObject"), False),
    ],
)
def test_an_instance_role_that_allows_the_agent_s_calls_makes_the_instance_managed(
    statement: dict[str, Any], managed: bool
) -> None:
    props = _instance_with_role(statement)
    assert bool(props.get("ssm_agent")) is managed
    assert props.get("workload") != "container_host"

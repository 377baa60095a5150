"""Each intrinsic function, in its YAML short form and its JSON long form, evaluates to what the mapper needs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wadesk.importers.cfn.document import read_document
from wadesk.importers.cfn.template import load_template
from wadesk.importers.cfn.values import External, Interpolated, ResourceRef, Unresolved

CONTEXT = """\
AWSTemplateFormatVersion: 2010-09-09
Parameters:
  Env: {Type: String, Default: prod, AllowedValues: [prod, dev]}
  Count: {Type: Number, Default: 3}
  Names: {Type: CommaDelimitedList, Default: "a,b,c"}
  Vpc: {Type: AWS::EC2::VPC::Id}
  Subnets: {Type: List<AWS::EC2::Subnet::Id>}
Mappings:
  Sizes:
    prod: {Instance: m5.large, Nodes: 3}
    dev: {Instance: t3.micro}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals [!Ref Count, 3]]
  Either: !Or [!Condition IsDev, !Equals [a, b]]
Resources:
  Net:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Thing:
    Type: AWS::SSM::Parameter
    Properties:
      Value: VALUE
"""

# (short form in YAML, long form in JSON, value expected)
CASES: list[tuple[str, str, Any]] = [
    ("!Ref Env", '{"Ref": "Env"}', "prod"),
    ("!Ref Count", '{"Ref": "Count"}', 3),
    ("!Ref Names", '{"Ref": "Names"}', ["a", "b", "c"]),
    ("!Ref Net", '{"Ref": "Net"}', ResourceRef("Net")),
    ("!GetAtt Net.CidrBlock", '{"Fn::GetAtt": ["Net", "CidrBlock"]}', ResourceRef("Net", "CidrBlock")),
    ("!GetAtt [Net, DefaultSecurityGroup]", '{"Fn::GetAtt": ["Net", "DefaultSecurityGroup"]}',
     ResourceRef("Net", "DefaultSecurityGroup")),
    ("!GetAtt Net.Endpoint.Address", '{"Fn::GetAtt": ["Net", "Endpoint.Address"]}',
     ResourceRef("Net", "Endpoint.Address")),
    ("!Sub '${Env}-${AWS::Region}'", '{"Fn::Sub": "${Env}-${AWS::Region}"}', "prod-us-east-1"),
    ("!Sub 'arn:${Net}/${Net.VpcId}/${!Literal}'", '{"Fn::Sub": "arn:${Net}/${Net.VpcId}/${!Literal}"}',
     Interpolated(("arn:", ResourceRef("Net"), "/", ResourceRef("Net", "VpcId"), "/${Literal}"))),
    ("!Sub ['${A}-x-${Count}', {A: !Ref Env}]", '{"Fn::Sub": ["${A}-x-${Count}", {"A": {"Ref": "Env"}}]}', "prod-x-3"),
    ("!Join ['-', [a, !Ref Env]]", '{"Fn::Join": ["-", ["a", {"Ref": "Env"}]]}', "a-prod"),
    ("!Join [',', !Ref Names]", '{"Fn::Join": [",", {"Ref": "Names"}]}', "a,b,c"),
    ("!Join ['', ['arn:', !GetAtt Net.Arn]]", '{"Fn::Join": ["", ["arn:", {"Fn::GetAtt": ["Net", "Arn"]}]]}',
     Interpolated(("arn:", ResourceRef("Net", "Arn")))),
    ("!Select [1, !Ref Names]", '{"Fn::Select": [1, {"Ref": "Names"}]}', "b"),
    ("!Select ['2', [x, y, z]]", '{"Fn::Select": ["2", ["x", "y", "z"]]}', "z"),
    ("!Split [',', 'x,y']", '{"Fn::Split": [",", "x,y"]}', ["x", "y"]),
    ("!Select [1, !Split ['/', !Sub '${Net}/b']]", '{"Fn::Select": [1, {"Fn::Split": ["/", {"Fn::Sub": "${Net}/b"}]}]}',
     "b"),
    ("!If [IsProd, big, small]", '{"Fn::If": ["IsProd", "big", "small"]}', "big"),
    ("!If [IsDev, big, small]", '{"Fn::If": ["IsDev", "big", "small"]}', "small"),
    ("!If [Both, on1, off1]", '{"Fn::If": ["Both", "on1", "off1"]}', "on1"),
    ("!If [Either, on1, off1]", '{"Fn::If": ["Either", "on1", "off1"]}', "off1"),
    ("!Equals [!Ref Env, prod]", '{"Fn::Equals": [{"Ref": "Env"}, "prod"]}', True),
    ("!Not [!Equals [1, 1]]", '{"Fn::Not": [{"Fn::Equals": [1, 1]}]}', False),
    ("!And [!Equals [1, 1], !Condition IsDev]", '{"Fn::And": [{"Fn::Equals": [1, 1]}, {"Condition": "IsDev"}]}', False),
    ("!Or [!Equals [1, 2], !Condition IsProd]", '{"Fn::Or": [{"Fn::Equals": [1, 2]}, {"Condition": "IsProd"}]}', True),
    ("!FindInMap [Sizes, !Ref Env, Instance]", '{"Fn::FindInMap": ["Sizes", {"Ref": "Env"}, "Instance"]}', "m5.large"),
    ("!FindInMap [Sizes, dev, Nodes, {DefaultValue: 1}]",
     '{"Fn::FindInMap": ["Sizes", "dev", "Nodes", {"DefaultValue": 1}]}', 1),
    ("!ImportValue shared-vpc", '{"Fn::ImportValue": "shared-vpc"}', External("shared-vpc", "import")),
    ("!ImportValue {'Fn::Sub': '${Env}-VpcId'}", '{"Fn::ImportValue": {"Fn::Sub": "${Env}-VpcId"}}',
     External("prod-VpcId", "import")),
    ("!Base64 hello", '{"Fn::Base64": "hello"}', "hello"),
    ('!Base64 {"Fn::Sub": "#!/bin/sh\\necho ${Env}"}', '{"Fn::Base64": {"Fn::Sub": "#!/bin/sh\\necho ${Env}"}}',
     "#!/bin/sh\necho prod"),
    ("!Cidr [10.0.0.0/16, 2, 8]", '{"Fn::Cidr": ["10.0.0.0/16", 2, 8]}', ["10.0.0.0/24", "10.0.1.0/24"]),
    ("!Cidr [!GetAtt Net.CidrBlock, 3, 12]", '{"Fn::Cidr": [{"Fn::GetAtt": ["Net", "CidrBlock"]}, 3, 12]}',
     ["10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/20"]),
    ("!Select [0, !Cidr [10.1.0.0/16, 4, 8]]", '{"Fn::Select": [0, {"Fn::Cidr": ["10.1.0.0/16", 4, 8]}]}',
     "10.1.0.0/24"),
    ("!GetAZs ''", '{"Fn::GetAZs": ""}', ["AZ 1", "AZ 2", "AZ 3"]),
    ("!GetAZs {Ref: AWS::Region}", '{"Fn::GetAZs": {"Ref": "AWS::Region"}}', ["AZ 1", "AZ 2", "AZ 3"]),
    ("!Length [a, b]", '{"Fn::Length": ["a", "b"]}', 2),
    ("!ToJsonString {a: 1}", '{"Fn::ToJsonString": {"a": 1}}', '{"a":1}'),
    ("!Ref Vpc", '{"Ref": "Vpc"}', External("Vpc", "parameter", "AWS::EC2::VPC::Id")),
    ("!Select [1, !Ref Subnets]", '{"Fn::Select": [1, {"Ref": "Subnets"}]}',
     External("Subnets", "parameter", "List<AWS::EC2::Subnet::Id>", index=1)),
    ("!Select [2, !Ref Subnets]", '{"Fn::Select": [2, {"Ref": "Subnets"}]}',
     External("Subnets", "parameter", "List<AWS::EC2::Subnet::Id>", index=2)),
    ("!Split [',', !ImportValue net-Subnets]", '{"Fn::Split": [",", {"Fn::ImportValue": "net-Subnets"}]}',
     [External("net-Subnets", "import", None, 0), External("net-Subnets", "import", None, 1)]),
    ("!Select [1, !Split [',', !ImportValue net-Subnets]]",
     '{"Fn::Select": [1, {"Fn::Split": [",", {"Fn::ImportValue": "net-Subnets"}]}]}',
     External("net-Subnets", "import", None, 1)),
    ("!Ref AWS::AccountId", '{"Ref": "AWS::AccountId"}', "123456789012"),
    ("!Ref AWS::StackName", '{"Ref": "AWS::StackName"}', "stack"),
    ("!Ref AWS::Partition", '{"Ref": "AWS::Partition"}', "aws"),
    ("!Ref AWS::URLSuffix", '{"Ref": "AWS::URLSuffix"}', "amazonaws.com"),
    ("!Ref AWS::NotificationARNs", '{"Ref": "AWS::NotificationARNs"}', []),
]


def _value_from_yaml(tmp_path: Path, short: str) -> Any:
    path = tmp_path / "stack.yaml"
    path.write_text(CONTEXT.replace("VALUE", short), encoding="utf-8")
    template = load_template(path)
    return template.resources["Thing"].properties["Value"]


def _value_from_json(tmp_path: Path, long: str) -> Any:
    context = tmp_path / "context.yaml"
    context.write_text(CONTEXT, encoding="utf-8")
    data = read_document(context).data
    data["Resources"]["Thing"]["Properties"]["Value"] = json.loads(long)
    path = tmp_path / "stack.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return load_template(path).resources["Thing"].properties["Value"]


@pytest.mark.parametrize(("short", "long", "expected"), CASES, ids=[case[0] for case in CASES])
def test_short_form_in_yaml(tmp_path: Path, short: str, long: str, expected: Any) -> None:
    assert _value_from_yaml(tmp_path, short) == expected


@pytest.mark.parametrize(("short", "long", "expected"), CASES, ids=[case[1] for case in CASES])
def test_long_form_in_json(tmp_path: Path, short: str, long: str, expected: Any) -> None:
    assert _value_from_json(tmp_path, long) == expected


def test_short_forms_read_as_their_long_forms(tmp_path: Path) -> None:
    path = tmp_path / "forms.yaml"
    path.write_text(
        "Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n"
        + "".join(f"      P{index}: {short}\n" for index, (short, _, _) in enumerate(CASES)),
        encoding="utf-8",
    )
    properties = read_document(path).data["Resources"]["R"]["Properties"]
    for index, (short, long, _) in enumerate(CASES):
        assert properties[f"P{index}"] == json.loads(long), short


def test_getazs_with_select_gives_distinct_zones(tmp_path: Path) -> None:
    path = tmp_path / "zones.yaml"
    path.write_text(
        """\
Resources:
  A:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
  B:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: vpc-1, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [1, !GetAZs {Ref: AWS::Region}]}
""",
        encoding="utf-8",
    )
    template = load_template(path)
    zones = [template.resources[name].properties["AvailabilityZone"] for name in "AB"]
    assert zones == ["AZ 1", "AZ 2"]
    assert any("GetAZs" in sentence for sentence in template.assumptions)


def test_no_value_removes_the_property_and_the_list_item(tmp_path: Path) -> None:
    path = tmp_path / "novalue.yaml"
    path.write_text(
        """\
Parameters:
  Key: {Type: String, Default: ""}
Conditions:
  HasKey: !Not [!Equals [!Ref Key, ""]]
Resources:
  Server:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-1
      KeyName: !If [HasKey, !Ref Key, !Ref AWS::NoValue]
      SecurityGroups: [a, !If [HasKey, b, !Ref "AWS::NoValue"], c]
""",
        encoding="utf-8",
    )
    properties = load_template(path).resources["Server"].properties
    assert "KeyName" not in properties
    assert properties["SecurityGroups"] == ["a", "c"]
    overridden = load_template(path, {"Key": "ops"}).resources["Server"].properties
    assert overridden["KeyName"] == "ops"
    assert overridden["SecurityGroups"] == ["a", "b", "c"]


def test_pseudo_parameters_used_are_recorded_as_assumptions(tmp_path: Path) -> None:
    path = tmp_path / "pseudo.yaml"
    path.write_text(
        "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n"
        "      TopicName: !Sub '${AWS::StackName}-${AWS::Region}-${AWS::AccountId}'\n",
        encoding="utf-8",
    )
    template = load_template(path, region="eu-west-1")
    assert template.resources["T"].properties["TopicName"] == "pseudo-eu-west-1-123456789012"
    assert "AWS::Region is taken as eu-west-1" in template.assumptions
    assert any(sentence.startswith("AWS::AccountId") for sentence in template.assumptions)
    assert any(sentence.startswith("AWS::StackName") for sentence in template.assumptions)
    assert not any(sentence.startswith("AWS::Partition") for sentence in template.assumptions)


def test_include_transform_is_unresolved_with_its_location(tmp_path: Path) -> None:
    path = tmp_path / "include.yaml"
    path.write_text(
        """\
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        Fn::Transform:
          Name: AWS::Include
          Parameters: {Location: s3://bucket/swagger.yaml}
      Name: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/name.yaml}}
""",
        encoding="utf-8",
    )
    template = load_template(path)
    properties = template.resources["Api"].properties
    assert isinstance(properties["Body"], Unresolved)
    assert "s3://bucket/swagger.yaml" in properties["Body"].reason
    assert isinstance(properties["Name"], Unresolved)
    assert {(entry.logical_id, entry.path) for entry in template.unresolved} == {
        ("Api", "Properties.Body"),
        ("Api", "Properties.Name"),
    }

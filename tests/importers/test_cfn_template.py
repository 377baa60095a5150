"""A template evaluated under parameter values: conditions, parameters, unresolved values, dependencies, lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wadesk.importers.cfn.template import load_template, looks_like_template, read_parameter_file
from wadesk.importers.cfn.values import External, Interpolated, ResourceRef, Unresolved
from wadesk.importers.errors import ImportSourceError

REPO = Path(__file__).resolve().parents[2]


def _write(tmp_path: Path, text: str, name: str = "stack.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


CONDITIONAL = """\
Parameters:
  EnableBackups: {Type: String, Default: "false", AllowedValues: ["true", "false"]}
  Size: {Type: Number, Default: 1}
Conditions:
  Backups: !Equals [!Ref EnableBackups, "true"]
  Large: !Not [!Equals [!Ref Size, 1]]
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !If [Large, big-table, small-table]
  BackupVault:
    Type: AWS::Backup::BackupVault
    Condition: Backups
    Properties: {BackupVaultName: vault}
Outputs:
  Vault:
    Condition: Backups
    Value: !Ref BackupVault
  TableName:
    Value: !Ref Table
"""


def test_a_resource_the_default_parameters_do_not_create_is_skipped(tmp_path: Path) -> None:
    template = load_template(_write(tmp_path, CONDITIONAL))
    assert list(template.resources) == ["Table"]
    assert template.skipped == {"BackupVault": "Backups"}
    assert template.outputs == {"TableName": ResourceRef("Table")}
    assert template.resources["Table"].properties["TableName"] == "small-table"


def test_overriding_a_parameter_creates_the_conditional_resource(tmp_path: Path) -> None:
    template = load_template(_write(tmp_path, CONDITIONAL), {"EnableBackups": "true", "Size": "5"})
    assert list(template.resources) == ["Table", "BackupVault"]
    assert template.skipped == {}
    assert template.outputs["Vault"] == ResourceRef("BackupVault")
    assert template.resources["Table"].properties["TableName"] == "big-table"
    assert template.parameters == {"EnableBackups": "true", "Size": 5}


def test_a_reference_to_a_skipped_resource_is_unresolved_with_the_reason(tmp_path: Path) -> None:
    text = CONDITIONAL + "  Extra:\n    Value: !Ref BackupVault\n"
    template = load_template(_write(tmp_path, text))
    assert isinstance(template.outputs["Extra"], Unresolved)
    assert "condition Backups is false" in template.outputs["Extra"].reason


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"Nope": "1"}, "no parameter named 'Nope'"),
        ({"EnableBackups": "maybe"}, "parameter EnableBackups: 'maybe' is not one of its AllowedValues"),
        ({"Size": "large"}, "parameter Size: 'large' is not a number"),
    ],
)
def test_bad_parameter_values_are_refused_naming_the_parameter(
    tmp_path: Path, parameters: dict[str, str], message: str
) -> None:
    with pytest.raises(ImportSourceError, match=message) as caught:
        load_template(_write(tmp_path, CONDITIONAL), parameters)
    if "Nope" not in parameters:
        assert caught.value.line == 2 or caught.value.line == 3


def test_circular_conditions_are_refused(tmp_path: Path) -> None:
    text = """\
Conditions:
  A: !Condition B
  B: !Not [!Condition A]
Resources:
  T:
    Type: AWS::SNS::Topic
    Condition: A
"""
    with pytest.raises(ImportSourceError, match="circular condition: A -> B -> A") as caught:
        load_template(_write(tmp_path, text))
    assert caught.value.line == 2


def test_a_resource_condition_that_names_no_condition_is_refused_with_the_line(tmp_path: Path) -> None:
    text = "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Condition: Missing\n"
    with pytest.raises(ImportSourceError, match="no condition named 'Missing'") as caught:
        load_template(_write(tmp_path, text))
    assert caught.value.line == 2


def test_parameter_types_and_placeholders(tmp_path: Path) -> None:
    text = """\
Parameters:
  Vpc: {Type: "AWS::EC2::VPC::Id"}
  Subnets: {Type: "List<AWS::EC2::Subnet::Id>"}
  Zones: {Type: "List<AWS::EC2::AvailabilityZone::Name>"}
  Ami: {Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /aws/service/ami}
  Ports: {Type: "List<Number>", Default: "80, 443"}
  Names: {Type: CommaDelimitedList, Default: "a, b"}
  KeyName: {Type: String}
Resources:
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      VPCZoneIdentifier: !Ref Subnets
      AvailabilityZones: !Ref Zones
      Tags: [{Key: k, Value: !Ref KeyName}]
"""
    template = load_template(_write(tmp_path, text))
    parameters = template.parameters
    subnets_type = "List<AWS::EC2::Subnet::Id>"
    assert parameters["Vpc"] == External("Vpc", "parameter", "AWS::EC2::VPC::Id")
    assert parameters["Subnets"] == [External("Subnets", "parameter", subnets_type, 0),
                                     External("Subnets", "parameter", subnets_type, 1)]
    assert parameters["Zones"] == ["AZ 1", "AZ 2"]
    assert parameters["Ami"] == External("Ami", "parameter", "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>")
    assert parameters["Ports"] == [80, 443]
    assert parameters["Names"] == ["a", "b"]
    assert isinstance(parameters["KeyName"], Unresolved)
    properties = template.resources["Group"].properties
    assert properties["VPCZoneIdentifier"] == parameters["Subnets"]
    assert isinstance(properties["Tags"][0]["Value"], Unresolved)
    places = {(entry.logical_id, entry.path) for entry in template.unresolved}
    assert places == {("Parameters", "KeyName"), ("Group", "Properties.Tags[0].Value")}
    assert any("SSM parameter '/aws/service/ami'" in sentence for sentence in template.assumptions)


def test_unresolvable_values_are_reported_with_their_resource_and_path(tmp_path: Path) -> None:
    text = """\
Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: !Ref Nowhere}
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, SourceSecurityGroupId: !GetAtt Ghost.GroupId}
      Tags: [{Key: a, Value: !Sub "x-${Ghost.Name}"}]
      VpcId: !FindInMap [Missing, a, b]
"""
    template = load_template(_write(tmp_path, text))
    rules = template.resources["Group"].properties["SecurityGroupIngress"]
    assert isinstance(rules[0]["CidrIp"], Unresolved)
    assert isinstance(template.resources["Group"].properties["Tags"][0]["Value"], Interpolated)
    entries = {(entry.logical_id, entry.path, entry.expression) for entry in template.unresolved}
    assert entries == {
        ("Group", "Properties.SecurityGroupIngress[0].CidrIp", "Ref Nowhere"),
        ("Group", "Properties.SecurityGroupIngress[1].SourceSecurityGroupId", "Fn::GetAtt Ghost.GroupId"),
        ("Group", "Properties.Tags[0].Value", "${Ghost.Name}"),
        ("Group", "Properties.VpcId", '{"Fn::FindInMap": ["Missing", "a", "b"]}'),
    }


def test_depends_on_is_a_tuple_and_unknown_targets_are_reported(tmp_path: Path) -> None:
    text = """\
Resources:
  A: {Type: AWS::SNS::Topic}
  B: {Type: AWS::SNS::Topic, DependsOn: A}
  C: {Type: AWS::SNS::Topic, DependsOn: [A, B, Ghost]}
"""
    template = load_template(_write(tmp_path, text))
    assert template.resources["B"].depends_on == ("A",)
    assert template.resources["C"].depends_on == ("A", "B")
    assert [(entry.logical_id, entry.path) for entry in template.unresolved] == [("C", "DependsOn")]


@pytest.mark.parametrize(
    ("text", "cycle"),
    [
        ("  A: {Type: AWS::SNS::Topic, DependsOn: B}\n  B: {Type: AWS::SNS::Topic, DependsOn: [A]}\n", "A -> B -> A"),
        (
            "  A: {Type: AWS::SQS::Queue, Properties: {QueueName: !GetAtt C.Arn}}\n"
            "  B: {Type: AWS::SQS::Queue, Properties: {QueueName: !Ref A}}\n"
            "  C: {Type: AWS::SQS::Queue, DependsOn: B}\n",
            "A -> C -> B -> A",
        ),
    ],
    ids=["depends-on", "references"],
)
def test_a_circular_dependency_is_refused_naming_the_cycle(tmp_path: Path, text: str, cycle: str) -> None:
    with pytest.raises(ImportSourceError, match=f"circular dependency between resources: {cycle}") as caught:
        load_template(_write(tmp_path, "Resources:\n" + text))
    assert caught.value.line == 2


def test_resource_lines_in_yaml_and_json(tmp_path: Path) -> None:
    yaml_text = "# a comment\nResources:\n\n  Queue:\n    Type: AWS::SQS::Queue\n  Topic:\n    Type: AWS::SNS::Topic\n"
    template = load_template(_write(tmp_path, yaml_text))
    assert {name: resource.line for name, resource in template.resources.items()} == {"Queue": 4, "Topic": 6}
    data = {
        "Description": "x",
        "Parameters": {"Queue": {"Type": "String", "Default": "Resources"}},
        "Resources": {
            "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"Tags": [{"Key": "Topic", "Value": "{"}]}},
            "Topic": {"Type": "AWS::SNS::Topic"},
        },
    }
    template = load_template(_write(tmp_path, json.dumps(data, indent=2), "stack.json"))
    text = json.dumps(data, indent=2).splitlines()
    assert template.resources["Queue"].line == text.index('    "Queue": {', text.index('  "Resources": {')) + 1
    assert template.resources["Topic"].line == text.index('    "Topic": {') + 1


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("Description: nothing\n", "no Resources section", None),
        ("Resources: [a, b]\n", "Resources must be a mapping", 1),
        ("Resources:\n  A: 3\n", "resource A is not a mapping", 2),
        ("Resources:\n  A:\n    Properties: {}\n", "resource A has no Type", 2),
        ("Resources:\n  A:\n    Type: [AWS::SNS::Topic]\n", "resource A has no Type", 2),
    ],
)
def test_malformed_resources_are_refused_with_the_line(
    tmp_path: Path, text: str, message: str, line: int | None
) -> None:
    with pytest.raises(ImportSourceError, match=message) as caught:
        load_template(_write(tmp_path, text))
    assert caught.value.line == line


def test_rain_directives_are_reported_not_fatal(tmp_path: Path) -> None:
    text = """\
Resources:
  Network:
    Type: !Rain::Module ./vpc.yml
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Code: {ZipFile: !Rain::Embed handler.py}
      VpcConfig: {SubnetIds: [!GetAtt Network.Subnet1]}
"""
    template = load_template(_write(tmp_path, text))
    assert list(template.resources) == ["Fn"]
    properties = template.resources["Fn"].properties
    assert isinstance(properties["Code"]["ZipFile"], Unresolved)
    assert "preprocessor module" in properties["VpcConfig"]["SubnetIds"][0].reason
    assert [entry.logical_id for entry in template.unresolved] == ["Network", "Fn", "Fn"]


PARAMETER_FILES = [
    ('[{"ParameterKey": "Env", "ParameterValue": "dev"}, {"ParameterKey": "Size", "ParameterValue": 2}]',),
    ('{"Parameters": {"Env": "dev", "Size": "2"}, "Tags": {"team": "a"}}',),
    ('{"Env": "dev", "Size": 2}',),
]


@pytest.mark.parametrize("text", [entry[0] for entry in PARAMETER_FILES], ids=["aws-cli", "codepipeline", "plain"])
def test_parameter_files_in_each_form(tmp_path: Path, text: str) -> None:
    assert read_parameter_file(_write(tmp_path, text, "params.json")) == {"Env": "dev", "Size": "2"}


@pytest.mark.parametrize(
    ("text", "message"),
    [('{"Env": ', "invalid JSON"), ('[{"ParameterValue": "x"}]', "no ParameterKey"), ('{"Env": {"a": 1}}', "not text")],
)
def test_bad_parameter_files_are_refused(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ImportSourceError, match=message):
        read_parameter_file(_write(tmp_path, text, "params.json"))


def test_templates_are_recognised_by_content(tmp_path: Path) -> None:
    assert looks_like_template(_write(tmp_path, "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", "a.txt"))
    assert looks_like_template(_write(tmp_path, "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n", "b.yml"))
    assert looks_like_template(_write(tmp_path, "Resources:\n  Q: {Properties: {}, Type: AWS::SQS::Queue}\n", "f.yml"))
    assert looks_like_template(_write(tmp_path, '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}', "c.json"))
    assert looks_like_template(_write(tmp_path, '{"Resources": {"Q": {"Type": "Custom::Thing"}}}', "d.template"))
    assert not looks_like_template(REPO / "examples" / "three-tier-web.wadesk")
    assert not looks_like_template(_write(tmp_path, "on: push\njobs:\n  build:\n    runs-on: ubuntu\n", "ci.yaml"))
    assert not looks_like_template(_write(tmp_path, '{"resource_changes": [{"type": "aws_s3_bucket"}]}', "plan.json"))
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01AWSTemplateFormatVersion")
    assert not looks_like_template(binary)
    assert not looks_like_template(tmp_path / "missing.yaml")


def test_a_condition_on_a_value_known_only_at_deployment_is_decided_and_the_assumption_recorded(
    tmp_path: Path,
) -> None:
    text = """\
Parameters:
  KeyName: {Type: String}
Conditions:
  HasKey: !Not [!Equals [!Ref KeyName, ""]]
  SharedVpc: !Equals [!ImportValue net-VpcId, vpc-1]
Resources:
  Server:
    Type: AWS::EC2::Instance
    Condition: HasKey
    DeletionPolicy: !If [SharedVpc, Delete, Snapshot]
    UpdateReplacePolicy: Retain
    Properties: {ImageId: ami-1}
"""
    template = load_template(_write(tmp_path, text))
    assert template.conditions == {"HasKey": True, "SharedVpc": False}
    server = template.resources["Server"]
    assert (server.condition, server.deletion_policy, server.update_replace_policy) == ("HasKey", "Snapshot", "Retain")
    assert sum("taken as different" in sentence for sentence in template.assumptions) == 2
    assert template.lines["Conditions"] == {"HasKey": 4, "SharedVpc": 5}


def test_an_empty_resources_section_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportSourceError, match="the Resources section is empty") as caught:
        load_template(_write(tmp_path, "Description: x\nResources: {}\n"))
    assert caught.value.line == 2


def test_a_network_from_a_parameter_without_a_value_is_named_after_the_parameter(tmp_path: Path) -> None:
    from wadesk.importers.cfn.importer import map_template

    text = """\
Parameters:
  AppSubnets: {Type: CommaDelimitedList}
Resources:
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: {VPCZoneIdentifier: !Ref AppSubnets, MinSize: "1", MaxSize: "2"}
"""
    path = _write(tmp_path, text)
    design = map_template(load_template(path))
    assert [node.label for node in design.nodes.values() if node.kind == "subnet"] == [
        "AppSubnets (parameter without a value)"
    ]
    # Given a value, the subnets are named by their ids.
    given = map_template(load_template(path, {"AppSubnets": "subnet-0a1b2c3d4e5f60718,subnet-0b2c3d4e5f6071829"}))
    assert sorted(node.label for node in given.nodes.values() if node.kind == "subnet") == [
        "subnet-0a1b2c3d4e5f60718 (existing, named by its id)",
        "subnet-0b2c3d4e5f6071829 (existing, named by its id)",
    ]

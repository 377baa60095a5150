"""Nested stacks whose template is a file beside the parent are expanded: the child's resources are drawn under the
stack's logical id, fed the parent's parameters, and the parent reads the child's outputs. A stack that cannot be
expanded (a URL, a missing file, a cycle, too deep, a child that cannot be imported) stays one CloudFormation node,
with the reason in the report."""

from __future__ import annotations

from pathlib import Path

from wadesk.importers.api import import_source
from wadesk.importers.cfn.nested import MAX_NESTED_TEMPLATES, MAX_NESTING
from wadesk.model import queries as q

PARENT = """\
Parameters:
  Env: {Type: String, Default: prod}
Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: network.yaml
      Parameters: {Cidr: 10.1.0.0/16, Env: !Ref Env}
  App:
    Type: AWS::CloudFormation::Stack
    DependsOn: Network
    Properties:
      TemplateURL: ./app/app.yaml
      Parameters:
        VpcId: !GetAtt Network.Outputs.VpcId
        Subnets: !GetAtt Network.Outputs.PrivateSubnets
        Alerts: !Ref Topic
  Topic:
    Type: AWS::SNS::Topic
  Bastion:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: t3.micro
      SubnetId: !Select [1, !Split [",", !GetAtt Network.Outputs.PrivateSubnets]]
"""

NETWORK = """\
Parameters:
  Cidr: {Type: String}
  Env: {Type: String, AllowedValues: [prod, test]}
Conditions:
  IsTest: !Equals [!Ref Env, test]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: !Ref Cidr}
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.1.1.0/24, AvailabilityZone: eu-west-1a}
  SubnetB:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.1.2.0/24, AvailabilityZone: eu-west-1b}
  TestOnly:
    Type: AWS::SQS::Queue
    Condition: IsTest
Outputs:
  VpcId: {Value: !Ref Vpc}
  PrivateSubnets: {Value: !Join [",", [!Ref SubnetA, !Ref SubnetB]]}
"""

APP = """\
Parameters:
  VpcId: {Type: "AWS::EC2::VPC::Id"}
  Subnets: {Type: "List<AWS::EC2::Subnet::Id>"}
  Alerts: {Type: String}
Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: app, VpcId: !Ref VpcId}
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Role: arn:aws:iam::123456789012:role/fn
      VpcConfig: {SubnetIds: !Ref Subnets, SecurityGroupIds: [!Ref Group]}
      Environment: {Variables: {TOPIC: !Ref Alerts}}
"""


def _write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder / next(iter(files))


def _stack(url: str) -> str:
    return f"Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties: {{TemplateURL: {url}}}\n"


def test_the_childs_resources_are_drawn_in_the_parents_network_and_read_its_outputs(tmp_path: Path) -> None:
    result = import_source(_write(tmp_path, {"parent.yaml": PARENT, "network.yaml": NETWORK, "app/app.yaml": APP}))
    arch = result.built.arch
    kinds = {node.id: arch.kind_of(node.id) for node in arch.nodes()}
    assert kinds["Network.Vpc"] == "vpc" and kinds["App.Fn"] == "lambda"
    assert "Network" not in kinds and "App" not in kinds  # the stacks are expanded, not drawn as nodes
    assert dict(arch.props_of("Network.Vpc"))["cidr"] == "10.1.0.0/16"  # a parameter fed from the parent
    # The function gets its subnets from the network stack's output, through the parent.
    assert dict(arch.props_of("App.Fn"))["subnets"] == ["Network.SubnetA", "Network.SubnetB"]
    assert q.zones_of(arch, "App.Fn") == {"eu-west-1a", "eu-west-1b"}
    assert arch.parent_of("Bastion") == "Network.SubnetB"  # !Split of an output, in the parent
    assert any(edge.source == "App.Fn" and edge.target == "Topic" for edge in arch.edges())
    report = result.design.report
    assert "Network.TestOnly" in {entry.key for entry in report.skipped}  # the child's condition, evaluated
    assert any("The nested stack App is read from ./app/app.yaml" in line for line in report.assumptions)
    assert result.built.locations["App.Fn"].line == 9  # where the App stack is declared in the parent


def test_a_remote_or_missing_template_keeps_the_stack_node_and_says_why(tmp_path: Path) -> None:
    for url, reason in (
        ("https://s3.amazonaws.com/bucket/child.yaml", "never fetched"),
        ("s3://bucket/child.yaml", "never fetched"),
        ("missing.yaml", "no file missing.yaml"),
    ):
        result = import_source(_write(tmp_path, {"parent.yaml": _stack(url)}), layout=False)
        assert result.built.arch.kind_of("Child") == "cloudformation"
        reasons = [entry.reason for entry in result.design.report.unresolved if entry.key == "Child"]
        assert reasons and reason in reasons[0]


def test_templates_that_include_each_other_are_read_once(tmp_path: Path) -> None:
    files = {"a.yaml": _stack("b.yaml"), "b.yaml": _stack("a.yaml")}
    result = import_source(_write(tmp_path, files), layout=False)
    arch = result.built.arch
    assert arch.kind_of("Child.Child") == "cloudformation"
    reasons = [entry.reason for entry in result.design.report.unresolved]
    assert any("include each other (a.yaml -> b.yaml -> a.yaml)" in reason for reason in reasons)


def test_nesting_stops_at_the_depth_limit(tmp_path: Path) -> None:
    files = {f"level{index}.yaml": _stack(f"level{index + 1}.yaml") for index in range(MAX_NESTING + 2)}
    files[f"level{MAX_NESTING + 2}.yaml"] = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"
    result = import_source(_write(tmp_path, files), layout=False)
    deepest = ".".join(["Child"] * (MAX_NESTING + 1))
    assert result.built.arch.kind_of(deepest) == "cloudformation"
    assert any(f"more than {MAX_NESTING} levels" in entry.reason for entry in result.design.report.unresolved)


def test_a_child_that_cannot_be_imported_leaves_the_parent_imported(tmp_path: Path) -> None:
    files = {"parent.yaml": _stack("child.yaml"), "child.yaml": "Resources: [not, a, mapping]\n"}
    result = import_source(_write(tmp_path, files), layout=False)
    assert result.built.arch.kind_of("Child") == "cloudformation"
    assert any("cannot be imported" in entry.reason for entry in result.design.report.unresolved)


def test_a_sam_application_with_a_local_location_is_expanded(tmp_path: Path) -> None:
    parent = (
        "Transform: AWS::Serverless-2016-10-31\nResources:\n  Shared:\n    Type: AWS::Serverless::Application\n"
        "    Properties: {Location: ./shared.yaml}\n"
    )
    files = {"parent.yaml": parent, "shared.yaml": "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"}
    arch = import_source(_write(tmp_path, files), layout=False).built.arch
    assert arch.kind_of("Shared.Queue") == "sqs"


def test_stacks_that_fan_out_read_a_bounded_number_of_templates(tmp_path: Path) -> None:
    # Each template nests ten stacks of the next one.
    wide = "Resources:\n" + "".join(
        f"  Child{index}:\n    Type: AWS::CloudFormation::Stack\n    Properties: {{TemplateURL: wide0.yaml}}\n"
        for index in range(10)
    )
    files = {"parent.yaml": wide.replace("wide0", "wide1")}
    for level in range(1, MAX_NESTING + 1):
        files[f"wide{level}.yaml"] = wide.replace("wide0", f"wide{level + 1}")
    files[f"wide{MAX_NESTING + 1}.yaml"] = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"
    result = import_source(_write(tmp_path, files), layout=False)  # 10 ** 6 stacks if nothing stopped it
    reasons = [entry.reason for entry in result.design.report.unresolved]
    assert any(f"at most {MAX_NESTED_TEMPLATES} nested templates" in reason for reason in reasons)
    assert sum(1 for _ in result.built.arch.nodes()) < 10 * MAX_NESTED_TEMPLATES


def test_a_password_written_in_the_parent_is_in_the_code_and_one_given_at_deploy_is_not(tmp_path: Path) -> None:
    parent = """\
Parameters:
  DbPassword: {Type: String, NoEcho: true}
Resources:
  Db:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: db.yaml
      Parameters: {Given: !Ref DbPassword, Written: hunter2hunter2}
"""
    child = """\
Parameters:
  Given: {Type: String, NoEcho: true}
  Written: {Type: String, NoEcho: true}
Resources:
  A:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, MasterUsername: admin, MasterUserPassword: !Ref Given}
  B:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, MasterUsername: admin, MasterUserPassword: !Ref Written}
"""
    arch = import_source(_write(tmp_path, {"parent.yaml": parent, "db.yaml": child}), layout=False).built.arch
    assert dict(arch.props_of("Db.A"))["master_password"] == "deploy_input"
    assert dict(arch.props_of("Db.B"))["master_password"] == "literal"

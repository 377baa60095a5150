"""How a template says that NFS to EFS is encrypted: a file system policy that requires TLS, and ECS task
volumes with transit encryption; both importers, as SEC-EFS-PLAINTEXT-NFS sees them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from wadesk.analysis.engine import analyse
from wadesk.importers.api import import_source
from wadesk.rules.security.efs_plaintext_nfs import RULE

CFN = """\
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a}
  SubnetB:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1b}
  TaskGroup:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: tasks, VpcId: !Ref Vpc}
  FilesGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: nfs
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 2049, ToPort: 2049, SourceSecurityGroupId: !Ref TaskGroup}
  Files:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
POLICY
  TargetA:
    Type: AWS::EFS::MountTarget
    Properties: {FileSystemId: !Ref Files, SubnetId: !Ref SubnetA, SecurityGroups: [!Ref FilesGroup]}
  TargetB:
    Type: AWS::EFS::MountTarget
    Properties: {FileSystemId: !Ref Files, SubnetId: !Ref SubnetB, SecurityGroups: [!Ref FilesGroup]}
  Cluster:
    Type: AWS::ECS::Cluster
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      ContainerDefinitions: [{Name: app, Image: nginx}]
      Volumes:
        - Name: shared
          EFSVolumeConfiguration:
            FilesystemId: !Ref Files
TRANSIT
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      LaunchType: FARGATE
      DesiredCount: 2
      TaskDefinition: !Ref Task
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: [!Ref SubnetA, !Ref SubnetB]
          SecurityGroups: [!Ref TaskGroup]
"""
CFN_POLICY = """\
      FileSystemPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            Principal: {AWS: "*"}
            Action: "*"
            Condition: {Bool: {"aws:SecureTransport": "false"}}
"""
CFN_TRANSIT = "            TransitEncryption: ENABLED\n"

TF = """\
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.0.0/24"
  availability_zone = "us-east-1a"
}
resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1b"
}
resource "aws_security_group" "tasks" { vpc_id = aws_vpc.main.id }
resource "aws_security_group" "files" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port       = 2049
    to_port         = 2049
    protocol        = "tcp"
    security_groups = [aws_security_group.tasks.id]
  }
}
resource "aws_efs_file_system" "files" { encrypted = true }
resource "aws_efs_mount_target" "a" {
  file_system_id  = aws_efs_file_system.files.id
  subnet_id       = aws_subnet.a.id
  security_groups = [aws_security_group.files.id]
}
resource "aws_efs_mount_target" "b" {
  file_system_id  = aws_efs_file_system.files.id
  subnet_id       = aws_subnet.b.id
  security_groups = [aws_security_group.files.id]
}
resource "aws_ecs_cluster" "main" { name = "main" }
resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "app", image = "nginx" }])
  volume {
    name = "shared"
    efs_volume_configuration {
      file_system_id = aws_efs_file_system.files.id
TRANSIT
    }
  }
}
resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  desired_count   = 2
  network_configuration {
    subnets         = [aws_subnet.a.id, aws_subnet.b.id]
    security_groups = [aws_security_group.tasks.id]
  }
}
"""
TF_TRANSIT = '      transit_encryption = "ENABLED"\n'
TF_POLICY = """\
resource "aws_efs_file_system_policy" "tls" {
  file_system_id = aws_efs_file_system.files.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = { AWS = "*" }
      Action    = "*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
"""


Writer = Callable[[Path, bool, bool], Path]


def _efs_findings(path: Path) -> set[str]:
    arch = import_source(path, layout=False).built.arch
    return {f.rule for f in analyse(arch).findings if f.node and arch.node(f.node).kind == "efs"} & {
        RULE.id,
        "SEC-PLAINTEXT-CROSSING",
    }


def _cfn(tmp_path: Path, policy: bool, transit: bool) -> Path:
    text = CFN.replace("POLICY\n", CFN_POLICY if policy else "").replace("TRANSIT\n", CFN_TRANSIT if transit else "")
    path = tmp_path / "stack.yaml"
    path.write_text(text)
    return path


def _tf(tmp_path: Path, policy: bool, transit: bool) -> Path:
    text = TF.replace("TRANSIT\n", TF_TRANSIT if transit else "") + (TF_POLICY if policy else "")
    (tmp_path / "main.tf").write_text(text)
    return tmp_path


@pytest.mark.parametrize("write", [_cfn, _tf], ids=["cloudformation", "terraform"])
def test_a_plaintext_task_mount_of_a_file_system_at_vpc_level_is_reported_once(tmp_path: Path, write: Writer) -> None:
    assert _efs_findings(write(tmp_path, policy=False, transit=False)) == {RULE.id}


@pytest.mark.parametrize("write", [_cfn, _tf], ids=["cloudformation", "terraform"])
def test_transit_encryption_on_the_task_volume_passes(tmp_path: Path, write: Writer) -> None:
    assert _efs_findings(write(tmp_path, policy=False, transit=True)) == set()


@pytest.mark.parametrize("write", [_cfn, _tf], ids=["cloudformation", "terraform"])
def test_a_file_system_policy_that_requires_tls_passes(tmp_path: Path, write: Writer) -> None:
    assert _efs_findings(write(tmp_path, policy=True, transit=False)) == set()

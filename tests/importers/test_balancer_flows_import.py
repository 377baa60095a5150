"""A load balancer opens connections only to its registered targets: a security group rule that admits the
balancer's group draws no flow from the balancer to a member that is not its target, once the design draws where
it forwards. Both importers; the near miss is a balancer whose targets the source does not show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from wadesk.analysis.engine import analyse
from wadesk.importers.api import import_source

# The balancer and the web servers share one group; the app tier admits that group, the web group admits
# itself (so the balancer too), and only the web group is registered with the balancer.
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
  WebGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0}
  WebFromBalancer:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      {GroupId: !Ref WebGroup, IpProtocol: tcp, FromPort: 80, ToPort: 80, SourceSecurityGroupId: !Ref WebGroup}
  AppGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: !Ref WebGroup}
  WebTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: {ImageId: ami-12345678, InstanceType: t3.micro, SecurityGroupIds: [!Ref WebGroup]}
  AppTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: {ImageId: ami-12345678, InstanceType: t3.micro, SecurityGroupIds: [!Ref AppGroup]}
  Balancer:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internal
      Subnets: [!Ref SubnetA, !Ref SubnetB]
      SecurityGroups: [!Ref WebGroup]
  WebTargets:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {VpcId: !Ref Vpc, Port: 80, Protocol: HTTP}
LISTENER
  Web:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]
      LaunchTemplate: {LaunchTemplateId: !Ref WebTemplate, Version: "1"}
      MinSize: "2"
      MaxSize: "4"
TARGETS
  App:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]
      LaunchTemplate: {LaunchTemplateId: !Ref AppTemplate, Version: "1"}
      MinSize: "2"
      MaxSize: "4"
"""
CFN_LISTENER = """\
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Balancer
      Port: 80
      Protocol: HTTP
      DefaultActions: [{Type: forward, TargetGroupArn: !Ref WebTargets}]
"""
CFN_TARGETS = "      TargetGroupARNs: [!Ref WebTargets]\n"

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
resource "aws_security_group" "web" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_security_group_rule" "web_from_balancer" {
  type                     = "ingress"
  security_group_id        = aws_security_group.web.id
  source_security_group_id = aws_security_group.web.id
  from_port                = 80
  to_port                  = 80
  protocol                 = "tcp"
}
resource "aws_security_group" "app" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port       = 8080
    to_port         = 8080
    protocol        = "tcp"
    security_groups = [aws_security_group.web.id]
  }
}
resource "aws_launch_template" "web" {
  image_id               = "ami-12345678"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.web.id]
}
resource "aws_launch_template" "app" {
  image_id               = "ami-12345678"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.app.id]
}
resource "aws_lb" "main" {
  internal        = true
  subnets         = [aws_subnet.a.id, aws_subnet.b.id]
  security_groups = [aws_security_group.web.id]
}
resource "aws_lb_target_group" "web" {
  vpc_id   = aws_vpc.main.id
  port     = 80
  protocol = "HTTP"
}
LISTENER
resource "aws_autoscaling_group" "web" {
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]
  min_size            = 2
  max_size            = 4
TARGETS
  launch_template {
    id      = aws_launch_template.web.id
    version = "1"
  }
}
resource "aws_autoscaling_group" "app" {
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]
  min_size            = 2
  max_size            = 4
  launch_template {
    id      = aws_launch_template.app.id
    version = "1"
  }
}
"""
TF_LISTENER = """\
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.main.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}
"""
TF_TARGETS = "  target_group_arns   = [aws_lb_target_group.web.arn]\n"

Writer = Callable[[Path, bool], Path]


def _cfn(tmp_path: Path, registered: bool) -> Path:
    text = CFN.replace("LISTENER\n", CFN_LISTENER if registered else "")
    text = text.replace("TARGETS\n", CFN_TARGETS if registered else "")
    path = tmp_path / "stack.yaml"
    path.write_text(text)
    return path


def _tf(tmp_path: Path, registered: bool) -> Path:
    text = TF.replace("LISTENER\n", TF_LISTENER if registered else "")
    text = text.replace("TARGETS\n", TF_TARGETS if registered else "")
    (tmp_path / "main.tf").write_text(text)
    return tmp_path


def _balancer_sends_to(path: Path) -> list[str]:
    """What the balancer sends to, one entry per flow: each target's own id, or its group's for instances."""
    arch = import_source(path, layout=False).built.arch
    balancer = next(n.id for n in arch.nodes() if arch.kind_of(n.id) == "alb")
    ends = []
    for flow in arch.edges():
        if flow.source == balancer:
            parent = arch.parent_of(flow.target)
            ends.append(parent if arch.kind_of(flow.target) == "ec2" and parent else flow.target)
    return ends


def _app_group(path: Path) -> tuple[str, set[str]]:
    arch = import_source(path, layout=False).built.arch
    groups = [n.id for n in arch.nodes() if arch.kind_of(n.id) == "auto_scaling_group"]
    app = next(g for g in groups if g.lower().endswith("app") or g.endswith(".app"))
    return app, {f.rule for f in analyse(arch).findings if f.node == app}


@pytest.mark.parametrize("write", [_cfn, _tf], ids=["cloudformation", "terraform"])
def test_a_balancer_with_registered_targets_sends_to_them_only(tmp_path: Path, write: Writer) -> None:
    ends = _balancer_sends_to(write(tmp_path, True))
    assert len(ends) == 1  # one flow, to the web group: none to its instances again, none to the app tier
    assert all("app" not in end.lower() for end in ends)
    app, rules = _app_group(tmp_path / "stack.yaml" if write is _cfn else tmp_path)
    assert "REL-ASG-EC2-HEALTH-CHECK" not in rules  # nothing balances traffic to the app tier


@pytest.mark.parametrize("write", [_cfn, _tf], ids=["cloudformation", "terraform"])
def test_a_balancer_whose_targets_are_not_shown_keeps_what_its_group_allows(tmp_path: Path, write: Writer) -> None:
    ends = _balancer_sends_to(write(tmp_path, False))
    assert any("app" in end.lower() for end in ends)


# Container hosts and their load balancer share one group that admits itself on the hosts' dynamic ports (as
# ECS samples write it): the balancer answers only on its listener's port, so the hosts send nothing to it.
SHARED = """\
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
  Shared:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: shared, VpcId: !Ref Vpc}
  SelfRule:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      {GroupId: !Ref Shared, IpProtocol: tcp, FromPort: FROM, ToPort: TO, SourceSecurityGroupId: !Ref Shared}
  Host:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-12345678, SubnetId: !Ref SubnetA, SecurityGroupIds: [!Ref Shared]}
  Balancer:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: {Scheme: internal, Subnets: [!Ref SubnetA, !Ref SubnetB], SecurityGroups: [!Ref Shared]}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Balancer
      Port: 80
      Protocol: HTTP
      DefaultActions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: "200"}}]
"""


@pytest.mark.parametrize(
    ("ports", "drawn"), [(("31000", "61000"), False), (("80", "80"), True), (("0", "65535"), True)]
)
def test_a_group_rule_reaches_a_balancer_only_on_its_listener_ports(
    tmp_path: Path, ports: tuple[str, str], drawn: bool
) -> None:
    path = tmp_path / "stack.yaml"
    path.write_text(SHARED.replace("FROM", ports[0]).replace("TO", ports[1]))
    arch = import_source(path, layout=False).built.arch
    assert any(f.source == "Host" and f.target == "Balancer" for f in arch.edges()) is drawn

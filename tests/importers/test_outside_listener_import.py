"""A target group that no listener of the source forwards to is registered with a load balancer defined elsewhere
(a shared load balancer's listener in another stack): that load balancer is drawn as a placeholder that forwards to
the group's targets, judged by no rule and reached from the internet by no flow the source does not show. The near
misses: a target group with no targets stays folded into nothing, and one a listener of the source forwards to is
folded into that load balancer whatever order the template lists them in."""

from __future__ import annotations

from pathlib import Path

from wadesk.analysis.defined_elsewhere import not_judged
from wadesk.analysis.engine import analyse
from wadesk.importers.api import import_source

SERVICE = """\
Parameters:
  VpcId: {Type: "AWS::EC2::VPC::Id"}
  Subnets: {Type: "List<AWS::EC2::Subnet::Id>"}
Resources:
  TargetGroup:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {VpcId: !Ref VpcId, Port: 8080, Protocol: HTTP, TargetType: ip}
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      ContainerDefinitions: [{Name: app, Image: nginx, PortMappings: [{ContainerPort: 8080}]}]
  Service:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      DesiredCount: 2
      TaskDefinition: !Ref TaskDef
      LoadBalancers: [{ContainerName: app, ContainerPort: 8080, TargetGroupArn: !Ref TargetGroup}]
      NetworkConfiguration: {AwsvpcConfiguration: {Subnets: !Ref Subnets}}
  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !ImportValue shared-alb-https-listener
      Priority: 10
      Conditions: [{Field: path-pattern, Values: ["/api/*"]}]
      Actions: [{Type: forward, TargetGroupArn: !Ref TargetGroup}]
"""

GROUP = """\
Parameters:
  VpcId: {Type: "AWS::EC2::VPC::Id"}
  SubnetA: {Type: "AWS::EC2::Subnet::Id"}
  SubnetB: {Type: "AWS::EC2::Subnet::Id"}
Resources:
  TargetGroup:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {VpcId: !Ref VpcId, Port: 443, Protocol: PROTOCOL}
  Servers:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: {InstanceType: t3.micro, ImageId: ami-12345678}
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "2"
      MaxSize: "4"
      VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]
      TARGETS
      LaunchTemplate: {LaunchTemplateId: !Ref Servers, Version: "1"}
"""

# The listener rule is listed after the target group it forwards to.
OWN_LISTENER = """\
  Balancer:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: {Scheme: internal, Subnets: [!Ref SubnetA, !Ref SubnetB]}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Balancer
      Port: 80
      Protocol: HTTP
      DefaultActions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: "404"}}]
  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref Listener
      Priority: 1
      Conditions: [{Field: path-pattern, Values: ["/*"]}]
      Actions: [{Type: forward, TargetGroupArn: !Ref TargetGroup}]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "stack.yaml"
    path.write_text(text)
    return path


def _group(tmp_path: Path, protocol: str = "HTTPS", targets: bool = True, listener: bool = False) -> Path:
    text = GROUP.replace("PROTOCOL", protocol)
    text = text.replace("TARGETS", "TargetGroupARNs: [!Ref TargetGroup]" if targets else "HealthCheckType: EC2")
    return _write(tmp_path, text + (OWN_LISTENER if listener else ""))


def test_a_service_behind_a_listener_rule_of_another_stack_receives_from_a_placeholder_balancer(
    tmp_path: Path,
) -> None:
    result = import_source(_write(tmp_path, SERVICE), layout=False)
    arch = result.built.arch
    balancers = [n.id for n in arch.nodes() if arch.kind_of(n.id) == "alb"]
    assert len(balancers) == 1
    balancer = balancers[0]
    assert "shared-alb-https-listener" in arch.label_of(balancer)
    assert balancer in not_judged(arch)
    assert [edge.target for edge in arch.edges() if edge.source == balancer] == ["Service"]
    assert not any(edge.target == balancer for edge in arch.edges())  # no internet flow is invented
    folded = {entry.key: entry.detail for entry in result.design.report.folded}
    assert folded["TargetGroup"] == balancer
    findings = analyse(arch).findings
    assert not any(f.rule == "COST-IDLE-LOAD-BALANCER" for f in findings)
    # Its tasks are load balanced: the fixed task count is judged as a load-balanced service's.
    assert any(f.rule == "PERF-NO-AUTOSCALING" and f.node == "Service" for f in findings)


def test_a_group_registered_with_no_listener_of_the_template_receives_from_one_placeholder(tmp_path: Path) -> None:
    result = import_source(_group(tmp_path), layout=False)
    arch = result.built.arch
    balancers = [n.id for n in arch.nodes() if arch.kind_of(n.id) in ("alb", "nlb")]
    assert len(balancers) == 1 and arch.kind_of(balancers[0]) == "alb"
    assert "TargetGroup" in arch.label_of(balancers[0])
    assert [edge.target for edge in arch.edges() if edge.source == balancers[0]] == ["Group"]
    assert any("a load balancer defined elsewhere" in line for line in result.design.report.assumptions)


def test_a_tcp_target_group_gets_a_network_load_balancer(tmp_path: Path) -> None:
    arch = import_source(_group(tmp_path, protocol="TCP"), layout=False).built.arch
    assert [arch.kind_of(n.id) for n in arch.nodes() if arch.kind_of(n.id) in ("alb", "nlb")] == ["nlb"]


def test_a_target_group_with_no_targets_and_no_listener_draws_no_balancer(tmp_path: Path) -> None:
    result = import_source(_group(tmp_path, targets=False), layout=False)
    arch = result.built.arch
    assert not [n.id for n in arch.nodes() if arch.kind_of(n.id) in ("alb", "nlb")]
    folded = {entry.key: entry.detail for entry in result.design.report.folded}
    assert folded["TargetGroup"] == "no load balancer forwards to it"


def test_a_target_group_forwarded_by_a_later_listener_rule_folds_into_that_balancer(tmp_path: Path) -> None:
    result = import_source(_group(tmp_path, listener=True), layout=False)
    arch = result.built.arch
    assert [n.id for n in arch.nodes() if arch.kind_of(n.id) in ("alb", "nlb")] == ["Balancer"]
    folded = {entry.key: entry.detail for entry in result.design.report.folded}
    assert folded["TargetGroup"] == "Balancer"
    assert [edge.target for edge in arch.edges() if edge.source == "Balancer"] == ["Group"]


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
  Balancer:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: {Scheme: internal, Subnets: [!Ref SubnetA, !Ref SubnetB]}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Balancer
      Port: 80
      Protocol: HTTP
      DefaultActions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: "404"}}]
"""
SHARED_OUTPUT = """\
Outputs:
  ListenerArn: {Value: !Ref Listener, Export: {Name: shared-listener}}
"""


def test_a_shared_balancer_whose_listener_is_exported_is_not_idle(tmp_path: Path) -> None:
    result = import_source(_write(tmp_path, SHARED + SHARED_OUTPUT), layout=False)
    arch = result.built.arch
    assert dict(arch.props_of("Balancer"))["targets_elsewhere"] is True
    assert not any(f.rule == "COST-IDLE-LOAD-BALANCER" for f in analyse(arch).findings)


def test_a_balancer_that_forwards_nothing_and_hands_nothing_on_is_idle(tmp_path: Path) -> None:
    arch = import_source(_write(tmp_path, SHARED), layout=False).built.arch
    assert dict(arch.props_of("Balancer"))["targets_elsewhere"] is False
    assert [f.node for f in analyse(arch).findings if f.rule == "COST-IDLE-LOAD-BALANCER"] == ["Balancer"]


def test_a_balancer_whose_dns_name_only_is_output_is_still_idle(tmp_path: Path) -> None:
    output = "Outputs:\n  Url: {Value: !GetAtt Balancer.DNSName}\n"
    arch = import_source(_write(tmp_path, SHARED + output), layout=False).built.arch
    assert [f.node for f in analyse(arch).findings if f.rule == "COST-IDLE-LOAD-BALANCER"] == ["Balancer"]

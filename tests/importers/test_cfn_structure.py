"""Containment and flows of small imported templates, built into designs the rules read correctly."""

from __future__ import annotations

from tests.importers.cfnkit import R, imported_vpc, network, template
from wadesk.importers.build import REGION_ID, build_architecture
from wadesk.importers.cfn.importer import map_template
from wadesk.importers.cfn.values import External
from wadesk.model import queries as q


def _build(resources):  # type: ignore[no-untyped-def]
    design = map_template(template(resources))
    return design, build_architecture(design, layout=False).arch


def test_subnets_sit_in_zone_containers_and_public_ones_route_to_the_internet_gateway() -> None:
    _, arch = _build(network(public=True))
    assert arch.parent_of("Vpc") == REGION_ID
    zone_a, zone_b = arch.parent_of("SubnetA"), arch.parent_of("SubnetB")
    assert zone_a != zone_b and arch.kind_of(zone_a) == "availability_zone"  # type: ignore[arg-type]
    assert arch.props_of(zone_a)["name"] == "AZ 1" and arch.parent_of(zone_a) == "Vpc"  # type: ignore[arg-type]
    assert q.is_public_subnet(arch, "SubnetA") and q.is_public_subnet(arch, "SubnetB")
    _, private = _build(network(public=False))
    assert not q.is_public_subnet(private, "SubnetA")


def test_an_auto_scaling_group_spans_its_subnets_and_holds_its_instances() -> None:
    resources = network() | {
        "Lt": (
            "AWS::EC2::LaunchTemplate",
            {"LaunchTemplateData": {"InstanceType": "t3.small", "SecurityGroupIds": [R("WebSg")]}},
        ),
        "WebSg": ("AWS::EC2::SecurityGroup", {"VpcId": R("Vpc")}),
        "Asg": (
            "AWS::AutoScaling::AutoScalingGroup",
            {
                "MinSize": 2,
                "MaxSize": 4,
                "VPCZoneIdentifier": [R("SubnetA"), R("SubnetB")],
                "LaunchTemplate": {"LaunchTemplateId": R("Lt")},
            },
        ),
    }
    design, arch = _build(resources)
    assert arch.kind_of("Lt") == "ec2" and arch.parent_of("Lt") == "Asg"
    assert arch.props_of("Asg")["subnets"] == ["SubnetA", "SubnetB"]
    assert q.zones_of(arch, "Lt") == frozenset({"az 1", "az 2"})
    assert arch.props_of("Lt")["instance_type"] == "t3.small"


def test_a_security_group_is_drawn_around_its_members_in_each_subnet() -> None:
    resources = network() | {
        "Sg": (
            "AWS::EC2::SecurityGroup",
            {
                "VpcId": R("Vpc"),
                "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}],
            },
        ),
        "A": ("AWS::EC2::Instance", {"SubnetId": R("SubnetA"), "SecurityGroupIds": [R("Sg")]}),
        "B": ("AWS::EC2::Instance", {"SubnetId": R("SubnetB"), "SecurityGroupIds": [R("Sg", "GroupId")]}),
    }
    design, arch = _build(resources)
    assert arch.parent_of("A") == "Sg" and arch.parent_of("Sg") == "SubnetA"
    copy = arch.parent_of("B")
    assert copy == "Sg@SubnetB" and arch.parent_of(copy) == "SubnetB"
    assert arch.props_of(copy)["ingress"] == arch.props_of("Sg")["ingress"]
    # A has a public IP (its subnet maps one and routes to the internet): SSH from the internet is admin access.
    admin = [e for e in arch.edges() if e.source == "internet-users" and e.target == "A"]
    assert admin and admin[0].props["administrative"] is True and admin[0].label == "SSH"
    assert not [e for e in arch.edges() if e.target == "B"]


def test_ingress_naming_a_group_becomes_a_flow_between_members_with_its_port() -> None:
    resources = network() | {
        "AppSg": ("AWS::EC2::SecurityGroup", {"VpcId": R("Vpc")}),
        "DbSg": (
            "AWS::EC2::SecurityGroup",
            {
                "VpcId": R("Vpc"),
                "SecurityGroupIngress": [
                    {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "SourceSecurityGroupId": R("AppSg")}
                ],
            },
        ),
        "Bastion": ("AWS::EC2::SecurityGroup", {"VpcId": R("Vpc")}),
        "SshIn": (
            "AWS::EC2::SecurityGroupIngress",
            {
                "GroupId": R("AppSg"),
                "IpProtocol": "tcp",
                "FromPort": 22,
                "ToPort": 22,
                "SourceSecurityGroupId": R("Bastion"),
            },
        ),
        "Jump": ("AWS::EC2::Instance", {"SubnetId": R("SubnetA"), "SecurityGroupIds": [R("Bastion")]}),
        "App": ("AWS::EC2::Instance", {"SubnetId": R("SubnetB"), "SecurityGroupIds": [R("AppSg")]}),
        "Group": ("AWS::RDS::DBSubnetGroup", {"SubnetIds": [R("SubnetA"), R("SubnetB")]}),
        "Db": (
            "AWS::RDS::DBInstance",
            {"Engine": "postgres", "DBSubnetGroupName": R("Group"), "VPCSecurityGroups": [R("DbSg")]},
        ),
    }
    design, arch = _build(resources)
    sql = [e for e in arch.edges() if (e.source, e.target) == ("App", "Db")]
    assert sql and sql[0].props["protocol"] == "sql" and sql[0].props["port"] == 5432
    ssh = [e for e in arch.edges() if (e.source, e.target) == ("Jump", "App")]
    assert ssh and ssh[0].props["administrative"] is True
    assert q.subnet_of(arch, "Db") == "SubnetA" and {e.key: e.detail for e in design.report.folded}["Group"] == "Db"


def test_a_load_balancer_forwards_through_its_target_group_to_the_group_and_the_internet_reaches_it() -> None:
    resources = network() | {
        "Lb": ("AWS::ElasticLoadBalancingV2::LoadBalancer", {"Subnets": [R("SubnetA"), R("SubnetB")]}),
        "Http": (
            "AWS::ElasticLoadBalancingV2::Listener",
            {
                "LoadBalancerArn": R("Lb"),
                "Protocol": "HTTP",
                "DefaultActions": [{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS"}}],
            },
        ),
        "Https": (
            "AWS::ElasticLoadBalancingV2::Listener",
            {"LoadBalancerArn": R("Lb"), "Protocol": "HTTPS", "DefaultActions": [{"TargetGroupArn": R("Tg")}]},
        ),
        "Tg": ("AWS::ElasticLoadBalancingV2::TargetGroup", {"Port": 8080, "Protocol": "HTTP"}),
        "Asg": (
            "AWS::AutoScaling::AutoScalingGroup",
            {"VPCZoneIdentifier": [R("SubnetA"), R("SubnetB")], "TargetGroupARNs": [R("Tg")]},
        ),
        "Acl": ("AWS::WAFv2::WebACL", {}),
        "Assoc": ("AWS::WAFv2::WebACLAssociation", {"ResourceArn": R("Lb"), "WebACLArn": R("Acl", "Arn")}),
    }
    design, arch = _build(resources)
    assert arch.props_of("Lb")["https_only"] is True and arch.props_of("Lb")["subnets"] == ["SubnetA", "SubnetB"]
    pairs = {(e.source, e.target): e for e in arch.edges()}
    assert pairs[("Lb", "Asg")].props["port"] == 8080
    assert ("internet-users", "Acl") in pairs and ("Acl", "Lb") in pairs and ("internet-users", "Lb") not in pairs


def test_a_vpc_and_subnets_from_another_stack_become_placeholders() -> None:
    subnets = External("PrivateSubnets", "parameter", "List<AWS::EC2::Subnet::Id>")
    design, arch = _build(
        {
            "Sg": ("AWS::EC2::SecurityGroup", {"VpcId": imported_vpc("Network-VpcId")}),
            "Fn": ("AWS::Lambda::Function", {"VpcConfig": {"SubnetIds": subnets, "SecurityGroupIds": [R("Sg")]}}),
        }
    )
    assert arch.kind_of("import:Network-VpcId") == "vpc" and "Network-VpcId" in arch.label_of("import:Network-VpcId")
    assert arch.kind_of("PrivateSubnets") == "subnet" and q.vpc_of(arch, "PrivateSubnets") == "import:Network-VpcId"
    assert q.subnet_of(arch, "Fn") == "PrivateSubnets" and arch.props_of("Fn")["in_vpc"] is True


def test_roles_environment_events_and_dead_letters_become_flows() -> None:
    design, arch = _build(
        {
            "Table": ("AWS::DynamoDB::Table", {}),
            "Queue": ("AWS::SQS::Queue", {"RedrivePolicy": {"deadLetterTargetArn": R("Dlq", "Arn")}}),
            "Dlq": ("AWS::SQS::Queue", {}),
            "Topic": ("AWS::SNS::Topic", {}),
            "Sub": (
                "AWS::SNS::Subscription",
                {"TopicArn": R("Topic"), "Endpoint": R("Queue", "Arn"), "Protocol": "sqs"},
            ),
            "Role": (
                "AWS::IAM::Role",
                {
                    "Policies": [
                        {
                            "PolicyDocument": {
                                "Statement": [
                                    {"Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": R("Table", "Arn")}
                                ]
                            }
                        }
                    ]
                },
            ),
            "Fn": (
                "AWS::Lambda::Function",
                {"Role": R("Role", "Arn"), "Environment": {"Variables": {"TOPIC": R("Topic")}}},
            ),
            "Trigger": (
                "AWS::Lambda::EventSourceMapping",
                {"FunctionName": R("Fn"), "EventSourceArn": R("Queue", "Arn")},
            ),
        }
    )
    pairs = {(e.source, e.target): e for e in arch.edges()}
    assert pairs[("Fn", "Table")].label == "dynamodb:PutItem"
    assert ("Fn", "Topic") in pairs and ("Topic", "Queue") in pairs and ("Queue", "Fn") in pairs
    assert pairs[("Queue", "Dlq")].props["dead_letter"] is True
    assert ("Fn", "Role") in pairs


def test_an_instance_without_a_subnet_lands_in_the_public_default_vpc() -> None:
    design, arch = _build({"Web": ("AWS::EC2::Instance", {"InstanceType": "t3.micro"})})
    assert q.in_public_subnet(arch, "Web") and arch.props_of("Web")["public_ip"] is True
    assert any("default VPC" in text for text in design.report.assumptions)


def test_the_built_design_is_laid_out_without_overlaps() -> None:
    resources = network() | {
        f"Box{i}": ("AWS::EC2::Instance", {"SubnetId": R("SubnetA" if i % 2 else "SubnetB")}) for i in range(6)
    }
    built = build_architecture(map_template(template(resources)))
    arch = built.arch
    boxes = [(n.x, n.y) for n in arch.nodes() if n.kind == "ec2"]
    assert len(set(boxes)) == len(boxes)
    for node in arch.nodes():
        if node.parent is not None and node.kind == "ec2":
            parent = arch.node(node.parent)
            assert parent.x <= node.x and node.x + 64 <= parent.x + (parent.w or 0)
            assert parent.y <= node.y and node.y + 64 <= parent.y + (parent.h or 0)


def test_an_eks_node_group_is_a_scaling_group_of_nodes_set_by_its_launch_template() -> None:
    resources = network() | {
        "Cluster": ("AWS::EKS::Cluster", {"ResourcesVpcConfig": {"SubnetIds": [R("SubnetA"), R("SubnetB")]}}),
        "Lt": ("AWS::EC2::LaunchTemplate", {"LaunchTemplateData": {"MetadataOptions": {"HttpTokens": "optional"}}}),
        "Nodes": (
            "AWS::EKS::Nodegroup",
            {
                "ClusterName": R("Cluster"),
                "Subnets": [R("SubnetA"), R("SubnetB")],
                "ScalingConfig": {"MinSize": 2, "MaxSize": 5, "DesiredSize": 3},
                "InstanceTypes": ["m6g.large"],
                "LaunchTemplate": {"Id": R("Lt")},
            },
        ),
    }
    design, arch = _build(resources)
    assert arch.kind_of("Nodes") == "auto_scaling_group" and arch.parent_of("Lt") == "Nodes"
    assert (
        arch.props_of("Nodes")["subnets"] == ["SubnetA", "SubnetB"] and arch.props_of("Nodes")["desired_capacity"] == 3
    )
    assert arch.props_of("Lt")["instance_type"] == "m6g.large" and arch.props_of("Lt")["imdsv2_required"] is False
    assert arch.props_of("Cluster")["node_count"] == 3


def test_replication_is_a_flow_and_a_front_doors_log_bucket_is_not_a_request_path() -> None:
    design, arch = _build(
        {
            "Logs": ("AWS::S3::Bucket", {}),
            "Replica": ("AWS::S3::Bucket", {}),
            "Site": (
                "AWS::S3::Bucket",
                {"ReplicationConfiguration": {"Rules": [{"Destination": {"Bucket": R("Replica", "Arn")}}]}},
            ),
            "Cdn": (
                "AWS::CloudFront::Distribution",
                {
                    "DistributionConfig": {
                        "Logging": {"Bucket": R("Logs", "DomainName")},
                        "Origins": [{"DomainName": R("Site", "RegionalDomainName")}],
                    }
                },
            ),
        }
    )
    pairs = {(e.source, e.target): e.label for e in arch.edges()}
    # Rules read a flow from CloudFront to a bucket as the bucket being served: its log bucket gets none.
    assert pairs[("Site", "Replica")] == "Replication" and ("Cdn", "Logs") not in pairs
    assert pairs[("Cdn", "Site")] == "Origin" and ("internet-users", "Cdn") in pairs


def test_zones_are_drawn_in_the_order_of_their_names_whatever_order_the_subnets_come_in() -> None:
    zones = ("us-east-1c", "AZ 10", "us-east-1a", "AZ 2", "us-east-1b")
    resources: dict = {"Vpc": ("AWS::EC2::VPC", {"CidrBlock": "10.0.0.0/16"})}
    for index, zone in enumerate(zones):
        resources[f"Subnet{index}"] = (
            "AWS::EC2::Subnet", {"VpcId": R("Vpc"), "AvailabilityZone": zone, "CidrBlock": f"10.0.{index}.0/24"}
        )
    design = map_template(template(resources))
    arch = build_architecture(design, layout=True).arch
    boxes = [child for child in arch.children("Vpc") if arch.kind_of(child) == "availability_zone"]
    names = [arch.props_of(box)["name"] for box in boxes]
    assert names == ["AZ 2", "AZ 10", "us-east-1a", "us-east-1b", "us-east-1c"]
    # Laid out with nothing flowing between them, the zones read top to bottom in that order.
    tops = [arch.node(box).y for box in boxes]
    assert tops == sorted(tops)

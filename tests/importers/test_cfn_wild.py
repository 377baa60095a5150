"""Shapes met in public templates outside the corpus: loops, included API documents, SAM API integrations,
origin access identities, MemoryDB, Lambda layers, VPC links, VPCs named by id, Amazon MQ's TLS endpoints.

Every template here is written for the test; each reproduces one shape that imported wrongly or not at all.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.importers.cfnkit import R, network, template
from wadesk.analysis.engine import analyse
from wadesk.importers.build import build_architecture
from wadesk.importers.cfn.importer import import_template, map_template
from wadesk.importers.cfn.template import load_template
from wadesk.importers.cfn.values import ResourceRef
from wadesk.importers.ir import ImportedDesign


def write(folder: Path, text: str, name: str = "stack.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def flows(design: ImportedDesign) -> set[tuple[str, str, str]]:
    return {(f.source, f.target, f.label) for f in design.flows}


def rule_ids(design: ImportedDesign, node: str) -> set[str]:
    arch = build_architecture(design, layout=False).arch
    return {f.rule for f in analyse(arch).findings if f.node == node}


# ------------------------------------------------------------------ Fn::ForEach
LOOPS = """\
AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::LanguageExtensions
Parameters:
  Queues:
    Type: CommaDelimitedList
    Default: "orders,order-events"
Mappings:
  Sizes:
    Tables:
      Names: [Users, Carts]
Resources:
  Fn::ForEach::Tables:
    - Name
    - !FindInMap [Sizes, Tables, Names]
    - Table${Name}:
        Type: AWS::DynamoDB::Table
        Properties:
          TableName: !Ref Name
          BillingMode: PAY_PER_REQUEST
          KeySchema: [{AttributeName: id, KeyType: HASH}]
          AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
  Fn::ForEach::Queues:
    - Queue
    - !Ref Queues
    - Queue&{Queue}:
        Type: AWS::SQS::Queue
        Properties:
          QueueName: !Sub "${Queue}-${AWS::StackName}"
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::123456789012:role/worker
      Code: {ZipFile: "def handler(e, c): pass"}
      Environment:
        Variables:
          Fn::ForEach::Names:
            - Name
            - [Users, Carts]
            - TABLE_&{Name}: !Ref
                Fn::Sub: Table${Name}
Outputs:
  Fn::ForEach::Arns:
    - Name
    - [Users, Carts]
    - Fn::ForEach::Attributes:
        - Attribute
        - [Arn]
        - Table${Name}${Attribute}:
            Value: !GetAtt [!Sub "Table${Name}", !Ref Attribute]
"""


def test_loops_make_resources_from_literal_mapping_and_parameter_collections(tmp_path: Path) -> None:
    loaded = load_template(write(tmp_path, LOOPS))
    types = {key: resource.type for key, resource in loaded.resources.items()}
    assert types == {
        "TableUsers": "AWS::DynamoDB::Table",
        "TableCarts": "AWS::DynamoDB::Table",
        "Queueorders": "AWS::SQS::Queue",
        "Queueorderevents": "AWS::SQS::Queue",  # &{} drops the characters a logical id may not hold
        "Worker": "AWS::Lambda::Function",
    }
    assert loaded.resources["TableUsers"].properties["TableName"] == "Users"
    assert loaded.resources["Queueorderevents"].properties["QueueName"] == "order-events-stack"
    assert loaded.resources["Worker"].properties["Environment"]["Variables"] == {
        "TABLE_Users": ResourceRef("TableUsers"),
        "TABLE_Carts": ResourceRef("TableCarts"),
    }
    assert loaded.outputs["TableCartsArn"] == ResourceRef("TableCarts", "Arn")
    assert not loaded.unresolved
    # a resource a loop made points at the loop's line (for SARIF and the report)
    assert loaded.resources["TableCarts"].line == LOOPS.splitlines().index("  Fn::ForEach::Tables:") + 1


def test_a_looped_table_named_in_an_environment_variable_gets_a_flow(tmp_path: Path) -> None:
    design = import_template(write(tmp_path, LOOPS))
    assert ("Worker", "TableUsers", "API") in flows(design)


def test_a_loop_over_a_collection_that_cannot_be_computed_is_reported_not_dropped(tmp_path: Path) -> None:
    text = """\
    Transform: AWS::LanguageExtensions
    Resources:
      Fn::ForEach::Buckets:
        - Name
        - !Split [",", !ImportValue bucket-names]
        - Bucket${Name}:
            Type: AWS::S3::Bucket
      Kept:
        Type: AWS::S3::Bucket
    """
    loaded = load_template(write(tmp_path, text))
    assert list(loaded.resources) == ["Kept"]
    assert [entry.logical_id for entry in loaded.unresolved] == ["Fn::ForEach::Buckets"]
    assert "not expanded" in loaded.unresolved[0].reason


def test_loops_inside_a_sam_template_are_expanded_before_sam(tmp_path: Path) -> None:
    text = """\
    Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
    Resources:
      Fn::ForEach::Functions:
        - Name
        - [Reader, Writer]
        - ${Name}Function:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              InlineCode: "def handler(e, c): pass"
    """
    loaded = load_template(write(tmp_path, text))
    assert loaded.resources["ReaderFunction"].type == "AWS::Lambda::Function"
    assert loaded.resources["WriterFunctionRole"].type == "AWS::IAM::Role"
    assert loaded.resources["WriterFunctionRole"].line == 3  # the loop's line


# ------------------------------------------------------------------ SAM APIs
SAM_API = """\
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionBody:
        Fn::Transform:
          Name: AWS::Include
          Parameters:
            Location: api.yaml
      Auth:
        DefaultAuthorizer: Checker
        Authorizers:
          Checker:
            FunctionArn: !GetAtt CheckerFunction.Arn
  CheckerFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: checker/
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: orders/
      Events:
        List:
          Type: Api
          Properties: {RestApiId: !Ref Api, Path: /orders, Method: get}
  HttpFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: http/
      Events:
        Root:
          Type: HttpApi
"""


def test_an_api_whose_definition_is_included_from_a_missing_file_still_imports(tmp_path: Path) -> None:
    design = import_template(write(tmp_path, SAM_API))
    assert design.nodes["Api"].kind == "api_gateway"
    assert any("AWS::Include of api.yaml, which is not read" in text for text in design.report.assumptions)
    # SAM writes the event into no included document: the permission it grants the API says who calls whom
    assert ("Api", "OrdersFunction", "Invokes") in flows(design)
    assert ("Api", "CheckerFunction", "Authorizer") in flows(design)
    assert ("ServerlessHttpApi", "HttpFunction", "Integration") in flows(design)


def test_an_api_definition_included_from_a_file_beside_the_template_is_read(tmp_path: Path) -> None:
    write(
        tmp_path,
        """\
        swagger: "2.0"
        info: {title: orders, version: "1"}
        paths:
          /health:
            get:
              x-amazon-apigateway-integration:
                type: aws_proxy
                httpMethod: POST
                uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/\
                  ${HttpFunction.Arn}/invocations"
        """,
        "api.yaml",
    )
    design = import_template(write(tmp_path, SAM_API))
    assert any("read from api.yaml" in text for text in design.report.assumptions)
    assert ("Api", "HttpFunction", "Integration") in flows(design)


# ------------------------------------------------------------------ CloudFront
def test_an_origin_access_identity_written_with_sub_restricts_the_bucket_and_an_empty_certificate_is_custom() -> None:
    design = map_template(template({
        "Site": ("AWS::S3::Bucket", {}),
        "Oai": ("AWS::CloudFront::CloudFrontOriginAccessIdentity", {}),
        "Cdn": ("AWS::CloudFront::Distribution", {"DistributionConfig": {
            "Origins": [{"Id": "s3", "DomainName": R("Site", "DomainName"), "S3OriginConfig": {
                "OriginAccessIdentity": "origin-access-identity/cloudfront/" + "E123"}}],
            "DefaultCacheBehavior": {"ViewerProtocolPolicy": "redirect-to-https", "TargetOriginId": "s3"},
            "ViewerCertificate": {"IamCertificateId": "", "MinimumProtocolVersion": "TLSv1.2_2021"},
        }}),
    }))
    props = design.nodes["Cdn"].props
    assert props["origin_access_control"] is True
    assert props["custom_certificate"] is True and props["minimum_protocol_version"] == "TLSv1.2_2021"


def test_an_origin_access_identity_built_from_the_template_counts(tmp_path: Path) -> None:
    text = """\
    Resources:
      Site: {Type: AWS::S3::Bucket}
      Oai:
        Type: AWS::CloudFront::CloudFrontOriginAccessIdentity
        Properties: {CloudFrontOriginAccessIdentityConfig: {Comment: site}}
      Cdn:
        Type: AWS::CloudFront::Distribution
        Properties:
          DistributionConfig:
            Enabled: true
            Origins:
              - Id: s3
                DomainName: !GetAtt Site.RegionalDomainName
                S3OriginConfig:
                  OriginAccessIdentity: !Sub origin-access-identity/cloudfront/${Oai}
            DefaultCacheBehavior: {TargetOriginId: s3, ViewerProtocolPolicy: https-only}
    """
    design = import_template(write(tmp_path, text))
    assert design.nodes["Cdn"].props["origin_access_control"] is True
    assert design.nodes["Cdn"].props["custom_certificate"] is False
    assert "SEC-CLOUDFRONT-NO-OAC" not in rule_ids(design, "Cdn")


# ------------------------------------------------------------------ MemoryDB, layers, VPC links
def test_a_memorydb_cluster_is_a_cache_in_its_subnets_and_uses_its_security_group() -> None:
    design = map_template(template(network(public=False) | {
        "CacheSg": ("AWS::EC2::SecurityGroup", {"VpcId": R("Vpc")}),
        "AppSg": ("AWS::EC2::SecurityGroup", {"VpcId": R("Vpc")}),
        "Ingress": ("AWS::EC2::SecurityGroupIngress", {
            "GroupId": R("CacheSg", "GroupId"), "IpProtocol": "tcp", "FromPort": 6379, "ToPort": 6379,
            "SourceSecurityGroupId": R("AppSg")}),
        "Subnets": ("AWS::MemoryDB::SubnetGroup", {"SubnetIds": [R("SubnetA"), R("SubnetB")]}),
        "Cache": ("AWS::MemoryDB::Cluster", {
            "ACLName": "open-access", "NodeType": "db.t4g.small", "NumReplicasPerShard": 0, "TLSEnabled": False,
            "SubnetGroupName": R("Subnets"), "SecurityGroupIds": [R("CacheSg")]}),
        "App": ("AWS::Lambda::Function", {"Runtime": "python3.12", "VpcConfig": {
            "SubnetIds": [R("SubnetA")], "SecurityGroupIds": [R("AppSg")]},
            "Environment": {"Variables": {"CACHE": R("Cache", "ClusterEndpoint.Address")}}}),
    }))
    cache = design.nodes["Cache"]
    assert cache.kind == "elasticache" and cache.subnets == ["SubnetA", "SubnetB"]
    assert cache.props["encryption_at_rest"] is True and cache.props["encryption_in_transit"] is False
    assert cache.props["replicas"] == 0 and cache.props["automatic_failover"] is False
    assert any(entry.key == "Subnets" for entry in design.report.folded)
    assert "COST-UNUSED-SECURITY-GROUP" not in rule_ids(design, "CacheSg")
    # the group rule draws the connection once, with its port, though an environment variable names it too
    connections = [(f.label, f.port) for f in design.flows if (f.source, f.target) == ("App", "Cache")]
    assert connections == [("TCP :6379", 6379)]


def test_a_layer_folds_into_the_function_that_uses_it() -> None:
    design = map_template(template({
        "Layer": ("AWS::Lambda::LayerVersion", {"Content": {"S3Bucket": "b", "S3Key": "k"}}),
        "Fn": ("AWS::Lambda::Function", {"Runtime": "python3.12", "Layers": [R("Layer")]}),
    }))
    assert "Layer" not in design.nodes and not design.report.generic
    assert [(e.key, e.detail) for e in design.report.folded] == [("Layer", "Fn")]


def test_a_private_integration_goes_through_its_vpc_link_to_the_network_load_balancer() -> None:
    design = map_template(template(network(public=False) | {
        "Web": ("AWS::EC2::Instance", {"SubnetId": R("SubnetA"), "InstanceType": "t3.micro"}),
        "Nlb": ("AWS::ElasticLoadBalancingV2::LoadBalancer", {
            "Type": "network", "Scheme": "internal", "Subnets": [R("SubnetA"), R("SubnetB")]}),
        "Link": ("AWS::ApiGateway::VpcLink", {"TargetArns": [R("Nlb")]}),
        "Api": ("AWS::ApiGateway::RestApi", {"EndpointConfiguration": {"Types": ["REGIONAL"]}}),
        "Get": ("AWS::ApiGateway::Method", {
            "RestApiId": R("Api"), "HttpMethod": "GET", "AuthorizationType": "NONE",
            "ResourceId": R("Api", "RootResourceId"),
            "Integration": {"Type": "HTTP_PROXY", "ConnectionType": "VPC_LINK",
                            "ConnectionId": "${stageVariables.link}", "Uri": R("Web", "PrivateIp")}}),
    }))
    assert ("Api", "Nlb", "Integration") in flows(design)
    assert ("Api", "Web", "Integration") not in flows(design)
    assert ("Link", "Nlb") in {(e.key, e.detail) for e in design.report.folded}


# ------------------------------------------------------------------ existing networks named by id
def test_a_vpc_and_subnet_named_by_id_become_placeholders(tmp_path: Path) -> None:
    text = """\
    Parameters:
      VpcId: {Type: "AWS::EC2::VPC::Id"}
      SubnetId: {Type: String, Default: subnet-08220300a8cdd8635}
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties: {GroupDescription: app, VpcId: !Ref VpcId}
      Web:
        Type: AWS::EC2::Instance
        Properties: {SubnetId: !Ref SubnetId, SecurityGroupIds: [!Ref Sg], InstanceType: t3.micro}
    """
    design = import_template(write(tmp_path, text), {"VpcId": "vpc-0d465ccd5c4b66bba"})
    vpc, subnet = design.nodes["vpc-0d465ccd5c4b66bba"], design.nodes["subnet-08220300a8cdd8635"]
    assert vpc.kind == "vpc" and vpc.placeholder and "existing, named by its id" in vpc.label
    assert subnet.kind == "subnet" and subnet.placeholder
    assert design.nodes["Web"].subnets == ["subnet-08220300a8cdd8635"]
    assert design.nodes["Sg"].vpc == "vpc-0d465ccd5c4b66bba"


# ------------------------------------------------------------------ Amazon MQ
def test_flows_to_an_amazon_mq_broker_are_tls_whatever_port_they_use() -> None:
    design = map_template(template({
        "Sg": ("AWS::EC2::SecurityGroup", {"SecurityGroupIngress": [
            {"IpProtocol": "tcp", "FromPort": 61617, "ToPort": 61617, "CidrIp": "0.0.0.0/0"}]}),
        "Broker": ("AWS::AmazonMQ::Broker", {
            "EngineType": "ACTIVEMQ", "DeploymentMode": "SINGLE_INSTANCE", "PubliclyAccessible": True,
            "SecurityGroups": [R("Sg")]}),
    }))
    into = [f for f in design.flows if f.target == "Broker"]
    assert into and all(f.protocol == "tls" for f in into)
    assert "SEC-PLAINTEXT-CROSSING" not in rule_ids(design, "Broker")


# ------------------------------------------------------------------ policies written as JSON text
def test_a_policy_written_as_a_json_string_is_read_like_one_written_in_yaml(tmp_path: Path) -> None:
    text = """\
    Resources:
      Data: {Type: AWS::S3::Bucket}
      Role:
        Type: AWS::IAM::Role
        Properties:
          AssumeRolePolicyDocument: |
            {"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                            "Action": "sts:AssumeRole"}]}
          Policies:
            - PolicyName: read
              PolicyDocument: |
                {"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}]}
      Fn:
        Type: AWS::Lambda::Function
        Properties: {Runtime: python3.12, Handler: a.b, Role: !GetAtt Role.Arn, Code: {ZipFile: x}}
    """
    loaded = load_template(write(tmp_path, text))
    document = loaded.resources["Role"].properties["Policies"][0]["PolicyDocument"]
    assert document["Statement"][0]["Action"] == ["s3:GetObject"]
    design = map_template(loaded)
    assert "SEC-IAM-DATA-READS-ON-ALL" in rule_ids(design, "Role")


# ------------------------------------------------------------------ nested stacks
def test_a_nested_stack_is_one_cloudformation_node_and_its_outputs_are_placeholder_networks(tmp_path: Path) -> None:
    text = """\
    Resources:
      Network:
        Type: AWS::CloudFormation::Stack
        Properties: {TemplateURL: https://s3.amazonaws.com/bucket/vpc.yaml}
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties: {GroupDescription: app, VpcId: !GetAtt Network.Outputs.VpcId}
      Web:
        Type: AWS::EC2::Instance
        Properties:
          InstanceType: t3.micro
          SubnetId: !GetAtt Network.Outputs.PrivateSubnet1
          SecurityGroupIds: [!Ref Sg]
    """
    design = import_template(write(tmp_path, text))
    assert design.nodes["Network"].kind == "cloudformation" and not design.report.generic
    assert design.nodes["Network.Outputs.VpcId"].kind == "vpc" and design.nodes["Network.Outputs.VpcId"].placeholder
    assert design.nodes["Sg"].vpc == "Network.Outputs.VpcId"
    assert design.nodes["Web"].subnets == ["Network.Outputs.PrivateSubnet1"]
    assert any("nested stack Network" in text for text in design.report.assumptions)


# ------------------------------------------------------------------ AppSync and API Gateway service integrations
def test_an_appsync_api_is_an_api_endpoint_that_reaches_its_data_sources() -> None:
    design = map_template(template({
        "Table": ("AWS::DynamoDB::Table", {}),
        "Role": ("AWS::IAM::Role", {"AssumeRolePolicyDocument": {"Statement": [
            {"Effect": "Allow", "Principal": {"Service": "appsync.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}),
        "Api": ("AWS::AppSync::GraphQLApi", {"AuthenticationType": "AMAZON_COGNITO_USER_POOLS",
                                              "AdditionalAuthenticationProviders": [{"AuthenticationType": "AWS_IAM"}],
                                              "XrayEnabled": True}),
        "Key": ("AWS::AppSync::ApiKey", {"ApiId": R("Api", "ApiId")}),
        "Source": ("AWS::AppSync::DataSource", {"ApiId": R("Api", "ApiId"), "Type": "AMAZON_DYNAMODB",
                                                "ServiceRoleArn": R("Role", "Arn"),
                                                "DynamoDBConfig": {"TableName": R("Table")}}),
        "Resolver": ("AWS::AppSync::Resolver", {"ApiId": R("Api", "ApiId"), "DataSourceName": R("Source", "Name")}),
    }))
    api = design.nodes["Api"]
    assert api.kind == "api_gateway" and api.props["authorization"] == "cognito" and api.props["tracing"] is True
    assert ("Api", "Table", "Data source") in flows(design)
    assert ("internet-users", "Api", "HTTPS") in flows(design)
    assert not design.report.generic
    keyed = map_template(template({"Api": ("AWS::AppSync::GraphQLApi", {
        "AuthenticationType": "AWS_IAM", "AdditionalAuthenticationProviders": [{"AuthenticationType": "API_KEY"}]})}))
    assert keyed.nodes["Api"].props["authorization"] == "none"  # a caller may use the key instead


def test_a_service_integration_calls_its_target_with_the_role_it_names() -> None:
    design = map_template(template({
        "Queue": ("AWS::SQS::Queue", {}),
        "Role": ("AWS::IAM::Role", {"Policies": [{"PolicyDocument": {"Statement": [
            {"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": R("Queue", "Arn")}]}}]}),
        "Api": ("AWS::ApiGateway::RestApi", {}),
        "Post": ("AWS::ApiGateway::Method", {"RestApiId": R("Api"), "HttpMethod": "POST", "AuthorizationType": "NONE",
                                             "ResourceId": R("Api", "RootResourceId"),
                                             "Integration": {"Type": "AWS", "Credentials": R("Role", "Arn")}}),
    }))
    assert ("Api", "Queue", "sqs:SendMessage") in flows(design)


def test_an_api_gateway_role_belongs_to_the_only_api_when_its_integrations_are_elsewhere(tmp_path: Path) -> None:
    text = """\
    Transform: AWS::Serverless-2016-10-31
    Resources:
      Table: {Type: AWS::DynamoDB::Table}
      Api:
        Type: AWS::Serverless::Api
        Properties:
          StageName: v1
          DefinitionBody:
            Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://bucket/api.yaml}}
          Auth:
            DefaultAuthorizer: Users
            Authorizers:
              Users: {UserPoolArn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc}
      ApiRole:
        Type: AWS::IAM::Role
        Properties:
          AssumeRolePolicyDocument:
            Statement:
              - {Effect: Allow, Principal: {Service: apigateway.amazonaws.com}, Action: sts:AssumeRole}
          Policies:
            - PolicyName: table
              PolicyDocument:
                Statement:
                  - {Effect: Allow, Action: dynamodb:PutItem, Resource: !GetAtt Table.Arn}
    """
    design = import_template(write(tmp_path, text))
    assert ("Api", "Table", "dynamodb:PutItem") in flows(design)
    # the default authorizer SAM writes into the definition is the authorization of the routes it cannot see
    assert design.nodes["Api"].props["authorization"] == "cognito"


def test_an_emr_cluster_runs_in_its_subnet() -> None:
    design = map_template(template(network(public=False) | {
        "Emr": ("AWS::EMR::Cluster", {"Instances": {"Ec2SubnetId": R("SubnetB")}}),
    }))
    assert design.nodes["Emr"].subnets == ["SubnetB"]


# ------------------------------------------------------------------ FSx for Lustre
def test_lustre_backups_follow_its_deployment_type() -> None:
    design = map_template(template({
        "Scratch": ("AWS::FSx::FileSystem", {"FileSystemType": "LUSTRE", "StorageCapacity": 1200}),
        "Persistent": ("AWS::FSx::FileSystem", {"FileSystemType": "LUSTRE", "LustreConfiguration": {
            "DeploymentType": "PERSISTENT_2", "PerUnitStorageThroughput": 125}}),
        "Kept": ("AWS::FSx::FileSystem", {"FileSystemType": "LUSTRE", "LustreConfiguration": {
            "DeploymentType": "PERSISTENT_1", "AutomaticBackupRetentionDays": 5}}),
        "Off": ("AWS::FSx::FileSystem", {"FileSystemType": "LUSTRE", "LustreConfiguration": {
            "DeploymentType": "PERSISTENT_2", "AutomaticBackupRetentionDays": 0}}),
    }))
    days = {key: design.nodes[key].props["backup_retention_days"] for key in ("Scratch", "Persistent", "Kept", "Off")}
    assert days == {"Scratch": 0, "Persistent": 30, "Kept": 5, "Off": 0}  # scratch takes no automatic backups
    assert all(design.nodes[key].props["deployment"] == "single-az" for key in days)
    assert "REL-NO-BACKUP" in rule_ids(design, "Scratch")
    assert "REL-NO-BACKUP" not in rule_ids(design, "Persistent")


def test_terraform_lustre_file_systems_read_the_same_way(tmp_path: Path) -> None:
    from wadesk.importers.terraform.importer import import_terraform

    (tmp_path / "main.tf").write_text(textwrap.dedent("""\
        resource "aws_fsx_lustre_file_system" "scratch" {
          storage_capacity = 1200
          subnet_ids       = ["subnet-0123456789abcdef0"]
          deployment_type  = "SCRATCH_2"
        }
        resource "aws_fsx_lustre_file_system" "persistent" {
          storage_capacity                = 1200
          subnet_ids                      = ["subnet-0123456789abcdef0"]
          deployment_type                 = "PERSISTENT_2"
          per_unit_storage_throughput     = 125
          automatic_backup_retention_days = 7
        }
    """))
    nodes = import_terraform(tmp_path).nodes
    assert nodes["aws_fsx_lustre_file_system.scratch"].props["backup_retention_days"] == 0
    assert nodes["aws_fsx_lustre_file_system.persistent"].props["backup_retention_days"] == 7


# ------------------------------------------------------------------ Aurora Serverless v1, subnet groups by name
def test_a_serverless_v1_cluster_says_so_and_finds_its_subnet_group_by_name(tmp_path: Path) -> None:
    text = """\
    Parameters:
      GroupName: {Type: String, Default: Private-DB-Subnets}
      VpcId: {Type: "AWS::EC2::VPC::Id"}
      SubnetA: {Type: "AWS::EC2::Subnet::Id"}
      SubnetB: {Type: "AWS::EC2::Subnet::Id"}
    Resources:
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties: {GroupDescription: db, VpcId: !Ref VpcId}
      Subnets:
        Type: AWS::RDS::DBSubnetGroup
        Properties:
          DBSubnetGroupDescription: db
          DBSubnetGroupName: !Ref GroupName
          SubnetIds: [!Ref SubnetA, !Ref SubnetB]
      Cluster:
        Type: AWS::RDS::DBCluster
        Properties:
          Engine: aurora-postgresql
          EngineMode: serverless
          DBSubnetGroupName: private-db-subnets
          VpcSecurityGroupIds: [!GetAtt Sg.GroupId]
    """
    design = import_template(write(tmp_path, text))
    cluster = design.nodes["Cluster"]
    assert cluster.props["engine_mode"] == "serverless" and cluster.subnets == ["SubnetA", "SubnetB"]
    assert ("Subnets", "Cluster") in {(e.key, e.detail) for e in design.report.folded}
    found = rule_ids(design, "Cluster")
    assert not found & {"PERF-DB-PERFORMANCE-INSIGHTS", "PERF-DB-ENHANCED-MONITORING", "REL-DB-SINGLE-AZ"}


def test_a_member_of_a_security_group_is_drawn_in_the_group_s_vpc_when_it_names_no_subnet() -> None:
    from tests.importers.cfnkit import imported_vpc

    design = map_template(template({
        "Sg": ("AWS::EC2::SecurityGroup", {"VpcId": imported_vpc()}),
        "Db": ("AWS::RDS::DBCluster", {"Engine": "aurora-mysql", "VpcSecurityGroupIds": [R("Sg", "GroupId")]}),
    }))
    arch = build_architecture(design, layout=False).arch
    vpc = design.nodes["Sg"].vpc
    assert arch.parent_of("Sg") == vpc and arch.parent_of("Db") == "Sg"


# ------------------------------------------------------------------ ECS target ports, files that are no template
def test_a_load_balancer_forwards_to_the_container_port_of_an_ecs_service() -> None:
    design = map_template(template(network() | {
        "Lb": ("AWS::ElasticLoadBalancingV2::LoadBalancer", {"Subnets": [R("SubnetA"), R("SubnetB")]}),
        "Tg": ("AWS::ElasticLoadBalancingV2::TargetGroup", {"Port": 80, "Protocol": "HTTP", "TargetType": "ip"}),
        "Listener": ("AWS::ElasticLoadBalancingV2::Listener", {
            "LoadBalancerArn": R("Lb"), "Port": 80, "Protocol": "HTTP",
            "DefaultActions": [{"Type": "forward", "TargetGroupArn": R("Tg")}]}),
        "Service": ("AWS::ECS::Service", {"LaunchType": "FARGATE", "LoadBalancers": [
            {"ContainerName": "app", "ContainerPort": 8081, "TargetGroupArn": R("Tg")}]}),
    }))
    assert [(f.port, f.label) for f in design.flows if (f.source, f.target) == ("Lb", "Service")] == [
        (8081, "HTTP :8081")
    ]


def test_checking_a_yaml_file_that_is_no_template_says_what_was_looked_for(tmp_path: Path) -> None:
    import io

    from wadesk.cli.check import run_check

    path = write(tmp_path, "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: demo}\n", "eks.yaml")
    out = io.StringIO()
    import contextlib

    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        code = run_check([str(path)], "text", "high", out=out)
    assert code == 2
    assert "not a wadesk design, a CloudFormation template" in errors.getvalue() + out.getvalue()
    assert "not valid JSON" not in errors.getvalue() + out.getvalue()


def test_a_template_of_local_modules_is_recognised_and_its_modules_reported_not_drawn(tmp_path: Path) -> None:
    from wadesk.importers.sniff import looks_like_template

    text = """\
    Parameters:
      AppName: {Type: String, Default: shop}
    Resources:
      Site:
        Type: LocalModule
        Source: modules/static-site.yaml
        Properties: {AppName: !Ref AppName}
      Logs:
        Type: AWS::S3::Bucket
    Outputs:
      Url:
        Value: !Sub "https://${SiteDistribution.DomainName}"
    """
    path = write(tmp_path, text)
    assert looks_like_template(path)
    design = import_template(path)
    assert set(design.nodes) == {"Logs"} and not design.report.generic
    assert any(entry.key == "Site" and "local module" in entry.reason for entry in design.report.unresolved)
    only_modules = write(tmp_path, "Resources:\n  Site:\n    Type: LocalModule\n    Source: m.yaml\n", "m.yaml")
    assert looks_like_template(only_modules)


def test_a_group_rule_whose_peer_is_imported_names_the_export() -> None:
    from wadesk.importers.cfn.values import External

    design = map_template(template({"Sg": ("AWS::EC2::SecurityGroup", {"SecurityGroupIngress": [
        {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
         "SourceSecurityGroupId": External("clients-ClientSecurityGroup", "import")}]})}))
    [rule] = design.nodes["Sg"].props["group_rules"]
    assert rule["peer"] == "clients-ClientSecurityGroup (imported from another stack)"


def test_loops_that_cannot_be_expanded_say_why_and_never_replace_a_declared_resource(tmp_path: Path) -> None:
    import json

    many = [str(n) for n in range(100)]
    data = {
        "Transform": "AWS::LanguageExtensions",
        "Resources": {
            "Ta": {"Type": "AWS::SQS::Queue"},
            "Fn::ForEach::Clash": ["X", ["a", "b"], {"T${X}": {"Type": "AWS::SNS::Topic"}}],
            "Fn::ForEach::Shape": "not a loop",
            "Fn::ForEach::Huge": ["X", many, {"Fn::ForEach::Inner": ["Y", many, {"H${X}x${Y}": {
                "Type": "AWS::SNS::Topic"}}]}],
        },
    }
    path = tmp_path / "loops.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_template(path)
    assert loaded.resources["Ta"].type == "AWS::SQS::Queue" and loaded.resources["Tb"].type == "AWS::SNS::Topic"
    reasons = {entry.path or entry.logical_id: entry.reason for entry in loaded.unresolved}
    assert "already declares" in reasons["Fn::ForEach::Clash"]
    assert "not [identifier, collection, template fragment]" in reasons["Fn::ForEach::Shape"]
    assert "more than 5000 entries" in reasons["Fn::ForEach::Huge"]
    assert not any(key.startswith("H") for key in loaded.resources)

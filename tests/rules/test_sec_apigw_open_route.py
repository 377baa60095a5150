"""SEC-APIGW-OPEN-ROUTE: an open route in an otherwise authorized API; both importers list the open routes."""

from __future__ import annotations

import textwrap
from pathlib import Path

from designkit import design, hits, key

from wadesk.analysis.engine import analyse
from wadesk.importers.cfn.importer import import_template
from wadesk.importers.terraform.importer import import_terraform
from wadesk.rules.security.apigw_no_auth import RULE as NO_AUTH
from wadesk.rules.security.apigw_open_route import RULE


def test_empty_design_and_a_drawn_api_that_says_nothing_have_no_finding() -> None:
    assert hits(RULE, design()) == set()
    assert hits(RULE, design([("api", "api_gateway", None, {"authorization": "cognito"})])) == set()


def test_an_open_route_in_an_authorized_api_is_reported_by_name() -> None:
    arch = design([("api", "api_gateway", None, {"authorization": "cognito", "open_routes": ["GET /health"]})])
    result = analyse(arch, [RULE])
    assert {f.key for f in result.findings} == {key(RULE, "api")}
    assert "GET /health" in result.findings[0].message and "cognito" in result.findings[0].message


def test_an_api_open_everywhere_is_reported_once_by_the_api_rule() -> None:
    arch = design([("api", "api_gateway", None, {"authorization": "none", "open_routes": ["GET /", "POST /"]})])
    assert hits(RULE, arch) == set()
    assert hits(NO_AUTH, arch) == {key(NO_AUTH, "api")}


def test_a_private_api_passes() -> None:
    props = {"authorization": "iam", "open_routes": ["GET /"], "endpoint_type": "PRIVATE"}
    assert hits(RULE, design([("api", "api_gateway", None, props)])) == set()


TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: {Name: orders}
  Pool:
    Type: AWS::Cognito::UserPool
  Auth:
    Type: AWS::ApiGateway::Authorizer
    Properties: {RestApiId: !Ref Api, Type: COGNITO_USER_POOLS, ProviderARNs: [!GetAtt Pool.Arn], Name: a,
                 IdentitySource: method.request.header.Authorization}
  Orders:
    Type: AWS::ApiGateway::Resource
    Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: orders}
  Item:
    Type: AWS::ApiGateway::Resource
    Properties: {RestApiId: !Ref Api, ParentId: !Ref Orders, PathPart: "{id}"}
  List:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !Ref Api, ResourceId: !Ref Orders, HttpMethod: GET, AuthorizationType: COGNITO_USER_POOLS,
                 AuthorizerId: !Ref Auth, Integration: {Type: MOCK}}
  Delete:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !Ref Api, ResourceId: !Ref Item, HttpMethod: DELETE, AuthorizationType: NONE,
                 Integration: {Type: MOCK}}
  Preflight:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !Ref Api, ResourceId: !Ref Item, HttpMethod: OPTIONS, AuthorizationType: NONE,
                 Integration: {Type: MOCK}}
  Health:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !Ref Api, ResourceId: !GetAtt Api.RootResourceId, HttpMethod: GET,
                 AuthorizationType: NONE, Integration: {Type: MOCK}}
  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties: {Name: http, ProtocolType: HTTP}
  Open:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref Http, RouteKey: "GET /items"}
  Closed:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref Http, RouteKey: "POST /items", AuthorizationType: AWS_IAM}
"""


def test_cloudformation_methods_and_routes_give_the_open_routes(tmp_path: Path) -> None:
    path = tmp_path / "api.yaml"
    path.write_text(TEMPLATE)
    nodes = import_template(path).nodes
    assert nodes["Api"].props["authorization"] == "cognito"
    assert nodes["Api"].props["open_routes"] == ["DELETE /orders/{id}", "GET /"]
    assert nodes["Http"].props["authorization"] == "iam"
    assert nodes["Http"].props["open_routes"] == ["GET /items"]


SAM = """\
AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Cors: "'*'"
      Auth:
        DefaultAuthorizer: Users
        Authorizers:
          Users: {UserPoolArn: !GetAtt Pool.Arn}
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Events:
        List: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /orders, Method: get}}
        Health: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /health, Method: get, Auth: {Authorizer: NONE}}}
"""


def test_sam_events_without_auth_are_open_routes(tmp_path: Path) -> None:
    path = tmp_path / "sam.yaml"
    path.write_text(SAM)
    api = import_template(path).nodes["Api"]
    assert api.props["authorization"] == "cognito"
    assert api.props["open_routes"] == ["GET /health"]


CONFIGURATION = """\
resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}
resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "orders"
}
resource "aws_api_gateway_method" "list" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}
resource "aws_api_gateway_method" "create" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "POST"
  authorization = "NONE"
}
resource "aws_api_gateway_method" "cors" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}
"""


def test_terraform_methods_give_the_open_routes(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(textwrap.dedent(CONFIGURATION))
    api = import_terraform(tmp_path).nodes["aws_api_gateway_rest_api.api"]
    assert api.props["authorization"] == "iam"
    assert api.props["open_routes"] == ["POST /orders"]

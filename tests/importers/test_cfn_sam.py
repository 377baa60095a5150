"""SAM templates are expanded offline by aws-sam-translator, which only SAM templates load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wadesk.importers.cfn.template import load_template
from wadesk.importers.cfn.values import ResourceRef
from wadesk.importers.errors import ImportSourceError

SAM = """\
AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Globals:
  Function: {Timeout: 10}
Resources:
  HelloFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      InlineCode: "def handler(event, context): return {}"
      Policies:
        - AWSLambdaBasicExecutionRole
        - DynamoDBReadPolicy: {TableName: !Ref Table}
      Environment:
        Variables: {TABLE: !Ref Table}
      Events:
        Hello:
          Type: Api
          Properties: {Path: /hello, Method: get}
  Table:
    Type: AWS::Serverless::SimpleTable
  Bucket:
    Type: AWS::S3::Bucket
"""


def test_a_function_with_an_api_event_expands_to_cloudformation(tmp_path: Path) -> None:
    path = tmp_path / "app.yaml"
    path.write_text(SAM, encoding="utf-8")
    template = load_template(path)
    types = {resource.logical_id: resource.type for resource in template.resources.values()}
    assert types["HelloFunction"] == "AWS::Lambda::Function"
    assert types["HelloFunctionRole"] == "AWS::IAM::Role"
    assert types["ServerlessRestApi"] == "AWS::ApiGateway::RestApi"
    assert types["Table"] == "AWS::DynamoDB::Table"
    assert not any(kind.startswith("AWS::Serverless::") for kind in types.values())
    function = template.resources["HelloFunction"]
    assert function.properties["Timeout"] == 10
    assert function.properties["Environment"]["Variables"]["TABLE"] == ResourceRef("Table")
    assert function.properties["Role"] == ResourceRef("HelloFunctionRole", "Arn")
    assert (function.generated_from, function.line) == ("HelloFunction", 6)
    assert (template.resources["HelloFunctionRole"].generated_from, template.resources["HelloFunctionRole"].line) == (
        "HelloFunction",
        6,
    )
    assert template.resources["ServerlessRestApi"].generated_from == "HelloFunction"
    assert (template.resources["Table"].generated_from, template.resources["Table"].line) == ("Table", 21)
    assert (template.resources["Bucket"].generated_from, template.resources["Bucket"].line) == (None, 23)
    role = template.resources["HelloFunctionRole"].properties
    assert "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" in role["ManagedPolicyArns"]
    assert template.transforms == ("AWS::Serverless-2016-10-31",)
    assert template.unresolved == []


def test_an_invalid_sam_template_is_refused_with_the_translator_message(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
        "    Properties: {Handler: a.b, Runtime: python3.12, CodeUri: 42, Events: {E: {Type: Nope}}}\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportSourceError, match="invalid SAM template: .*Fn"):
        load_template(path)


def test_the_translator_is_not_loaded_for_a_plain_template(tmp_path: Path) -> None:
    path = tmp_path / "plain.yaml"
    path.write_text("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n", encoding="utf-8")
    code = (
        "import sys\nfrom wadesk.importers.cfn.template import load_template\n"
        f"load_template({str(path)!r})\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('samtranslator', 'boto3', 'botocore')))"
    )
    root = Path(__file__).resolve().parents[2]
    environment = {"PYTHONPATH": str(root)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, env=environment)
    assert result.stdout.strip() == "[]", result.stderr


UNPACKAGED = """\
Transform: AWS::Serverless-2016-10-31
Globals:
  Function: {Runtime: python3.12, CodeUri: src/}
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Layers: [!Ref Deps]
      Events:
        Jobs: {Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn}}
        Http: {Type: HttpApi, Properties: {Path: /jobs, Method: post}}
  Deps:
    Type: AWS::Serverless::LayerVersion
    Properties: {ContentUri: ./layers/deps}
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties: {DefinitionUri: statemachine/flow.asl.json}
  Auth:
    Type: AWS::Serverless::Application
    Properties:
      Location:
        ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/auth
        SemanticVersion: 1.0.0
  Jobs:
    Type: AWS::SQS::Queue
"""


def test_a_template_before_sam_package_expands_offline(tmp_path: Path) -> None:
    path = tmp_path / "unpackaged.yaml"
    path.write_text(UNPACKAGED, encoding="utf-8")
    template = load_template(path)
    types = {resource.logical_id: resource.type for resource in template.resources.values()}
    assert types["Worker"] == "AWS::Lambda::Function"
    assert types["WorkerJobs"] == "AWS::Lambda::EventSourceMapping"
    assert types["ServerlessHttpApi"] == "AWS::ApiGatewayV2::Api"
    assert types["Flow"] == "AWS::StepFunctions::StateMachine"
    assert types["Auth"] == "AWS::CloudFormation::Stack"
    assert template.resources["ServerlessHttpApi"].generated_from == "Worker"
    assert template.resources["WorkerJobs"].properties["EventSourceArn"] == ResourceRef("Jobs", "Arn")
    assert template.resources["Worker"].properties["Code"] == {"S3Bucket": "local-artifacts", "S3Key": "src"}
    layer = next(resource for resource in template.resources.values() if resource.generated_from == "Deps")
    assert layer.type == "AWS::Lambda::LayerVersion"
    assert any("as sam package does" in sentence for sentence in template.assumptions)
    assert any("nested application Auth" in sentence for sentence in template.assumptions)


def test_a_container_image_function_without_its_image_gets_a_placeholder(tmp_path: Path) -> None:
    path = tmp_path / "image.yaml"
    path.write_text(
        "Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Function\n"
        "    Properties: {PackageType: Image}\n    Metadata: {DockerContext: ./api, Dockerfile: Dockerfile}\n",
        encoding="utf-8",
    )
    template = load_template(path)
    function = template.resources["Api"]
    assert function.type == "AWS::Lambda::Function"
    assert function.properties["PackageType"] == "Image"
    assert function.properties["Code"]["ImageUri"].endswith("/api:latest")


def test_without_the_translator_a_sam_template_is_refused_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in [name for name in sys.modules if name.startswith("samtranslator")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "samtranslator", None)
    path = tmp_path / "app.yaml"
    path.write_text(SAM, encoding="utf-8")
    with pytest.raises(ImportSourceError, match="need the aws-sam-translator package"):
        load_template(path)

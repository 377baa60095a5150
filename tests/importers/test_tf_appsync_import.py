"""AppSync GraphQL APIs from Terraform: the API is an entry point, its data sources are where its flows go."""

from __future__ import annotations

import textwrap
from pathlib import Path

from wadesk.importers.terraform.importer import import_terraform

API = """\
resource "aws_dynamodb_table" "notes" {
  name     = "notes"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
}
resource "aws_lambda_function" "search" {
  function_name = "search"
  role          = "arn:aws:iam::123456789012:role/search"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
}
resource "aws_appsync_graphql_api" "notes" {
  name                = "notes"
  authentication_type = "%s"
  xray_enabled        = true
}
resource "aws_appsync_datasource" "table" {
  api_id           = aws_appsync_graphql_api.notes.id
  name             = "table"
  type             = "AMAZON_DYNAMODB"
  service_role_arn = "arn:aws:iam::123456789012:role/appsync"
  dynamodb_config { table_name = aws_dynamodb_table.notes.name }
}
resource "aws_appsync_datasource" "search" {
  api_id = aws_appsync_graphql_api.notes.id
  name   = "search"
  type   = "AWS_LAMBDA"
  lambda_config { function_arn = aws_lambda_function.search.arn }
}
resource "aws_appsync_datasource" "local" {
  api_id = aws_appsync_graphql_api.notes.id
  name   = "local"
  type   = "NONE"
}
resource "aws_appsync_resolver" "get" {
  api_id      = aws_appsync_graphql_api.notes.id
  type        = "Query"
  field       = "getNote"
  data_source = aws_appsync_datasource.table.name
}
"""


def imported(folder: Path, auth: str):  # type: ignore[no-untyped-def]
    (folder / "main.tf").write_text(textwrap.dedent(API % auth))
    return import_terraform(folder)


def test_an_appsync_api_reaches_its_data_sources(tmp_path: Path) -> None:
    design = imported(tmp_path, "AMAZON_COGNITO_USER_POOLS")
    api = design.nodes["aws_appsync_graphql_api.notes"]
    assert api.kind == "api_gateway" and api.props["tracing"] is True
    assert api.props["authorization"] == "cognito"
    flows = {(flow.source, flow.target) for flow in design.flows}
    assert {("aws_appsync_graphql_api.notes", "aws_dynamodb_table.notes"),
            ("aws_appsync_graphql_api.notes", "aws_lambda_function.search"),
            ("internet-users", "aws_appsync_graphql_api.notes")} <= flows
    # A NONE data source (local resolvers) reaches nothing; resolvers and data sources are parts of the API.
    assert not [flow for flow in design.flows if flow.source == "aws_appsync_graphql_api.notes"
                and flow.target not in ("aws_dynamodb_table.notes", "aws_lambda_function.search")]
    assert not design.report.generic


def test_an_api_key_authorizes_no_one(tmp_path: Path) -> None:
    assert imported(tmp_path, "API_KEY").nodes["aws_appsync_graphql_api.notes"].props["authorization"] == "none"

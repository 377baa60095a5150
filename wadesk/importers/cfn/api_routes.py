"""The routes of an API Gateway API and how each one authorizes its callers, for the per-route findings.

Routes come from ``AWS::ApiGateway::Method`` and ``AWS::ApiGatewayV2::Route`` resources (Terraform's
``aws_api_gateway_method`` and ``aws_apigatewayv2_route`` translate to them), and from an API's OpenAPI
``Body``, which is how SAM writes the API of a function's ``Api`` and ``HttpApi`` events. ``OPTIONS`` methods
answer CORS preflight requests, which browsers send without credentials: they are never routes to judge.
"""

from __future__ import annotations

from typing import Any

from wadesk.importers.cfn.values import refs_in

#: An authorization type as CloudFormation writes it -> the catalog's ``authorization`` value.
AUTH_TYPES = {"NONE": "none", "AWS_IAM": "iam", "COGNITO_USER_POOLS": "cognito", "CUSTOM": "lambda", "JWT": "cognito"}
_METHODS = ("get", "put", "post", "delete", "patch", "head", "x-amazon-apigateway-any-method")


def route_name(method: str, path: str) -> str:
    """``GET /orders``; API Gateway's any-method is ``ANY``."""
    verb = "ANY" if method.lower() == "x-amazon-apigateway-any-method" else method.upper()
    return f"{verb} {path or '/'}"


def _scheme_kind(scheme: Any) -> str:
    """What an OpenAPI security scheme of API Gateway checks: ``iam``, ``cognito``, ``lambda`` or ``none``."""
    if not isinstance(scheme, dict):
        return "none"
    authtype = str(scheme.get("x-amazon-apigateway-authtype", "")).lower()
    authorizer = scheme.get("x-amazon-apigateway-authorizer")
    kind = str(authorizer.get("type", "")).lower() if isinstance(authorizer, dict) else ""
    if authtype == "cognito_user_pools" or kind in ("cognito_user_pools", "jwt"):
        return "cognito"
    if authtype == "awssigv4":
        return "iam"
    if kind in ("token", "request") or authtype == "custom":
        return "lambda"
    if str(scheme.get("type", "")).lower() == "oauth2" or "openIdConnectUrl" in scheme:
        return "cognito"
    return "none"  # an API key ("x-api-key") identifies a caller, it does not authorize one


def openapi_routes(body: Any) -> list[tuple[str, str]]:
    """``(route, authorization)`` of every route an OpenAPI or Swagger document defines (OPTIONS left out)."""
    if not isinstance(body, dict) or not isinstance(body.get("paths"), dict):
        return []
    schemes: dict[str, Any] = {}
    if isinstance(body.get("securityDefinitions"), dict):
        schemes.update(body["securityDefinitions"])
    components = body.get("components")
    if isinstance(components, dict) and isinstance(components.get("securitySchemes"), dict):
        schemes.update(components["securitySchemes"])
    default = body.get("security")
    routes: list[tuple[str, str]] = []
    for path, item in body["paths"].items():
        if not isinstance(item, dict):
            continue
        for method, operation in item.items():
            if str(method).lower() not in _METHODS or not isinstance(operation, dict):
                continue
            requirements = operation.get("security", default)
            kinds = [
                _scheme_kind(schemes.get(name))
                for requirement in (requirements if isinstance(requirements, list) else [])
                if isinstance(requirement, dict)
                for name in requirement
            ]
            protected = [kind for kind in kinds if kind != "none"]
            # An operation is open when one of its alternatives (or its only requirement) checks nothing.
            kind = protected[0] if protected and len(protected) == len(kinds) else "none"
            routes.append((route_name(str(method), str(path)), kind))
    return routes


def openapi_targets(body: Any) -> list[tuple[str, str]]:
    """``(logical id, label)`` of what an OpenAPI document's operations call: the resources named in each
    ``x-amazon-apigateway-integration`` (``Integration``) and in each Lambda authorizer (``Authorizer``); SAM
    writes a function's ``Api`` and ``HttpApi`` events this way."""
    if not isinstance(body, dict):
        return []
    found: list[tuple[str, str]] = []
    paths = body.get("paths")
    for item in paths.values() if isinstance(paths, dict) else ():
        for method, operation in item.items() if isinstance(item, dict) else ():
            if str(method).lower() not in _METHODS or not isinstance(operation, dict):
                continue
            integration = operation.get("x-amazon-apigateway-integration")
            if isinstance(integration, dict):
                found.extend((ref.logical_id, "Integration") for ref in refs_in(integration.get("uri")))
    schemes: list[Any] = []
    for holder in (body.get("securityDefinitions"), (body.get("components") or {}).get("securitySchemes")
                   if isinstance(body.get("components"), dict) else None):
        if isinstance(holder, dict):
            schemes.extend(holder.values())
    for scheme in schemes:
        authorizer = scheme.get("x-amazon-apigateway-authorizer") if isinstance(scheme, dict) else None
        if isinstance(authorizer, dict):
            found.extend((ref.logical_id, "Authorizer") for ref in refs_in(authorizer.get("authorizerUri")))
    return list(dict.fromkeys(found))


def openapi_default_auth(body: Any) -> list[str]:
    """The authorization the document's default security requirement applies (``security`` at its top, or
    SAM's ``DefaultAuthorizer`` written into a definition without paths): one kind, or none when it says nothing."""
    if not isinstance(body, dict):
        return []
    schemes: dict[str, Any] = {}
    for holder in (body.get("securityDefinitions"), (body.get("components") or {}).get("securitySchemes")
                   if isinstance(body.get("components"), dict) else None):
        if isinstance(holder, dict):
            schemes.update(holder)
    requirements = body.get("security")
    names = [
        name for requirement in (requirements if isinstance(requirements, list) else [])
        if isinstance(requirement, dict) for name in requirement
    ]
    if not names:  # SAM writes the default authorizer as the only scheme it adds
        names = [name for name, scheme in schemes.items() if isinstance(scheme, dict)
                 and scheme.get("x-amazon-apigateway-authorizer")]
    kinds = [_scheme_kind(schemes.get(name)) for name in names]
    protected = [kind for kind in kinds if kind != "none"]
    return protected[:1] if protected and len(protected) == len(kinds) else []

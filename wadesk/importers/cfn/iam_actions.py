"""The IAM actions the grant summary sorts by concern (permissions, credentials, data reads, writes), and the
sorting itself; see ``iam_grants.py`` for what each concern means."""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatchcase

#: Actions that grant, change or assume permissions (identity and resource policies), lower case.
PERMISSION_ACTIONS = frozenset(
    {
        "iam:passrole",
        "iam:attachrolepolicy",
        "iam:attachuserpolicy",
        "iam:attachgrouppolicy",
        "iam:putrolepolicy",
        "iam:putuserpolicy",
        "iam:putgrouppolicy",
        "iam:createpolicy",
        "iam:createpolicyversion",
        "iam:setdefaultpolicyversion",
        "iam:updateassumerolepolicy",
        "iam:createrole",
        "iam:createuser",
        "iam:addusertogroup",
        "iam:putrolepermissionsboundary",
        "iam:deleterolepermissionsboundary",
        "iam:putuserpermissionsboundary",
        "iam:deleteuserpermissionsboundary",
        "sts:assumerole",
        "s3:putbucketpolicy",
        "s3:putbucketacl",
        "s3:putobjectacl",
        "s3:putaccesspointpolicy",
        "s3:putbucketpublicaccessblock",
        "kms:putkeypolicy",
        "kms:creategrant",
        "lambda:addpermission",
        "lambda:addlayerversionpermission",
        "sqs:addpermission",
        "sns:addpermission",
        "secretsmanager:putresourcepolicy",
        "ecr:setrepositorypolicy",
        "logs:putresourcepolicy",
        "glue:putresourcepolicy",
        "events:putpermission",
        "ram:createresourceshare",
    }
)
#: Services whose actions name no resource (the Systems Manager agent's message channels, X-Ray): "svc:*" on
#: every resource grants nothing a list of their actions would not.
UNSCOPED_SERVICES = frozenset({"ec2messages", "ssmmessages", "xray"})
#: The Systems Manager agent's message channels: none of their actions (``ec2messages:SendReply``,
#: ``ssmmessages:OpenDataChannel``...) can be given a resource, so granting them on "*" is never over-broad.
AGENT_CHANNELS = frozenset({"ec2messages", "ssmmessages"})
#: Services whose whole action set is permission management.
PERMISSION_SERVICES = frozenset({"iam", "sts", "organizations"})
#: Actions whose response carries credentials (Checkov CKV_AWS_107's concern), lower case.
CREDENTIAL_ACTIONS = frozenset(
    {
        "iam:createaccesskey",
        "iam:updateaccesskey",
        "iam:createloginprofile",
        "iam:updateloginprofile",
        "iam:createservicespecificcredential",
        "iam:resetservicespecificcredential",
        "sts:getfederationtoken",
        "sts:assumerolewithsaml",
        "sts:assumerolewithwebidentity",
        "sso:getrolecredentials",
        "rds-db:connect",
        "redshift:getclustercredentials",
        "redshift:getclustercredentialswithiam",
        "redshift-serverless:getcredentials",
        "ec2:getpassworddata",
        "cognito-identity:getcredentialsforidentity",
        "cognito-identity:getopenidtoken",
        "cognito-identity:getopenidtokenfordeveloperidentity",
        "codeartifact:getauthorizationtoken",
        "lightsail:getinstanceaccessdetails",
        "lightsail:getrelationaldatabasemasteruserpassword",
        "lightsail:downloaddefaultkeypair",
        "appsync:createapikey",
        "chime:createapikey",
        "grafana:createworkspaceapikey",
        "connect:getfederationtoken",
        "gamelift:requestuploadcredentials",
        "gamelift:getinstanceaccess",
        "mediapackage:rotatechannelcredentials",
        "mediapackage:rotateingestendpointcredentials",
        "airflow:createclitoken",
        "airflow:createweblogintoken",
        "cloud9:createenvironmenttoken",
        "codepipeline:pollforjobs",
    }
)
#: Reads of stored data and secrets (Checkov CKV_AWS_108's concern), lower case.
DATA_READ_ACTIONS = frozenset(
    {
        "s3:getobject",
        "s3:getobjectversion",
        "ssm:getparameter",
        "ssm:getparameters",
        "ssm:getparametersbypath",
        "secretsmanager:getsecretvalue",
    }
)
#: Verbs that start the name of a write action.
_WRITE_VERBS = (
    "put",
    "create",
    "delete",
    "update",
    "modify",
    "attach",
    "detach",
    "associate",
    "disassociate",
    "add",
    "remove",
    "set",
    "reset",
    "start",
    "stop",
    "terminate",
    "run",
    "send",
    "publish",
    "invoke",
    "write",
    "upload",
    "import",
    "restore",
    "reboot",
    "register",
    "deregister",
    "enable",
    "disable",
    "copy",
    "replace",
    "batchwrite",
    "batchdelete",
    "batchput",
    "change",
    "purge",
    "execute",
    "restart",
    "rotate",
    "tag",
    "untag",
    "cancel",
    "complete",
    "abort",
    "revoke",
    "authorize",
    "transact",
)
#: Writes every workload is granted on every resource: its own telemetry, a VPC-attached function's ENIs, the
#: calls of the Systems Manager and ECS agents about their own instance (AWS's managed policies for them grant
#: these on "*"), and writes IAM cannot scope to a resource (config:PutEvaluations, ecs:RegisterTaskDefinition).
ROUTINE_WRITES = frozenset(
    {
        "config:putevaluations",
        "ecs:registertaskdefinition",
        "ssm:updateinstanceinformation",
        "ssm:updateinstanceassociationstatus",
        "ssm:putinventory",
        "ssm:putcompliancestatus",
        "ssm:putconfigurepackageresult",
        "ecs:createcluster",
        "ecs:registercontainerinstance",
        "ecs:deregistercontainerinstance",
        "ecs:starttelemetrysession",
        "ecs:submitcontainerstatechange",
        "ecs:submittaskstatechange",
        "ecs:submitattachmentstatechanges",
        "cloudwatch:putmetricdata",
        "logs:createloggroup",
        "logs:createlogstream",
        "logs:putlogevents",
        "xray:puttracesegments",
        "xray:puttelemetryrecords",
        "ec2:createnetworkinterface",
        "ec2:deletenetworkinterface",
        "ec2:assignprivateipaddresses",
        "ec2:unassignprivateipaddresses",
    }
)
#: AWS managed policies (by name) and what they allow on every resource, in the summary's terms.
MANAGED_GRANTS: dict[str, tuple[str, ...]] = {
    "AmazonS3FullAccess": ("s3:*",),
    "AmazonDynamoDBFullAccess": ("dynamodb:*",),
    "AmazonSQSFullAccess": ("sqs:*",),
    "AmazonSNSFullAccess": ("sns:*",),
    "AmazonKinesisFullAccess": ("kinesis:*",),
    "AmazonKinesisFirehoseFullAccess": ("firehose:*",),
    "AmazonEC2FullAccess": ("ec2:*",),
    "AmazonRDSFullAccess": ("rds:*",),
    "AWSLambda_FullAccess": ("lambda:*",),
    "AWSLambdaFullAccess": ("lambda:*",),
    "AmazonECS_FullAccess": ("ecs:*",),
    "AmazonEC2ContainerRegistryFullAccess": ("ecr:*",),
    "SecretsManagerReadWrite": ("secretsmanager:*",),
    "CloudWatchLogsFullAccess": ("logs:*",),
    "AmazonAPIGatewayAdministrator": ("apigateway:*",),
    "AWSStepFunctionsFullAccess": ("states:*",),
    "AmazonElastiCacheFullAccess": ("elasticache:*",),
    "AmazonSESFullAccess": ("ses:*",),
    "IAMFullAccess": ("iam:*",),
    "PowerUserAccess": ("* except iam:*, organizations:*, account:*",),
}


def _matches(pattern: str, actions: Iterable[str]) -> bool:
    low = pattern.lower()
    return any(fnmatchcase(action, low) for action in actions)


def _is_write(pattern: str) -> bool:
    service, _, name = pattern.lower().partition(":")
    if not name:
        return False
    if "*" in name or "?" in name:
        prefix = name.split("*", 1)[0].split("?", 1)[0]
        return bool(prefix) and any(prefix.startswith(verb) or verb.startswith(prefix) for verb in _WRITE_VERBS)
    if f"{service}:{name}" in ROUTINE_WRITES:
        return False
    return name.startswith(_WRITE_VERBS)


def _routine_only(pattern: str) -> bool:
    """Whether a wildcard pattern covers only routine telemetry writes (``logs:Put*`` is not: it names more)."""
    return pattern.lower() in ROUTINE_WRITES


def concern_of(pattern: str) -> str | None:
    """Which list an action pattern allowed on every resource belongs in, or None when it is not reported."""
    low = pattern.lower()
    if low == "*" or ":" not in low:
        return None
    service, _, name = low.partition(":")
    if service in AGENT_CHANNELS:
        return None  # its actions name no resource: "*" is the only Resource they can be given
    if name == "*":
        if service in UNSCOPED_SERVICES:
            return None
        return "permissions_on_all" if service in PERMISSION_SERVICES else "service_wildcards"
    if _matches(pattern, PERMISSION_ACTIONS):
        return "permissions_on_all"
    if _matches(pattern, CREDENTIAL_ACTIONS):
        return "credentials_on_all"
    if _matches(pattern, DATA_READ_ACTIONS):
        return "data_reads_on_all"
    if _is_write(pattern) and not _routine_only(pattern):
        return "writes_on_all"
    return None

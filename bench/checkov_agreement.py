"""Agreement with Checkov on the corpus, for both front ends: CloudFormation templates and Terraform plans.

For every Checkov failure on a check that some wadesk rule's crosswalk lists (``RuleMeta.checkov``), is that
rule reported by wadesk on the same resource? Two numbers are given, and named:

- *plain*: every such failure, whether the rule lists the check as ``exact`` or ``partial``;
- *exact only*: the failures of checks that a rule lists as ``exact``, agreed only when such a rule fired.

Every miss is printed with its explanation from :data:`EXPLAINED` (a true disagreement, with the fact that makes
wadesk right) or as UNEXPLAINED, so a refresh shows a new gap instead of hiding it.

Usage::

    python bench/checkov_agreement.py [cfn|terraform|both] [--cache DIR] [--markdown FILE]

``--cache DIR`` keeps Checkov's JSON per corpus file (``<front end>/<file>.json``; made when absent) so a re-run
after a wadesk change takes seconds; ``--markdown FILE`` writes both tables as a page (docs/checkov-agreement.md).
Checkov is found as in ``checkov_bench.py`` ($CHECKOV, PATH, /tmp/checkov-venv).
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from checkov_bench import find_checkov  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT.parent / "shared", ROOT.parent.parent / "shared")


@dataclass(frozen=True)
class FrontEnd:
    """One importer's corpus and how Checkov reads it."""

    name: str
    title: str
    corpus: str
    pattern: str
    framework: str

    def files(self) -> list[Path]:
        """The corpus files (none when the corpus is not beside the project)."""
        folder = next((base / self.corpus for base in SHARED if (base / self.corpus).is_dir()), None)
        return sorted(p for p in folder.glob(self.pattern) if p.is_file()) if folder else []

    def resource(self, failure: dict[str, object]) -> str:
        """The key wadesk's importer gives the resource Checkov names (logical id, or Terraform address)."""
        name = str(failure.get("resource", ""))
        return name.split(".", 1)[-1] if self.name == "cfn" else name


FRONT_ENDS = {
    "cfn": FrontEnd("cfn", "CloudFormation templates", "corpus/cfn", "*", "cloudformation"),
    "terraform": FrontEnd("terraform", "Terraform plans", "corpus/terraform/plan", "*.json", "terraform_plan"),
}

#: Misses that are true disagreements: (Checkov id, ``file: resource`` pattern, why wadesk is right).
#: Patterns name the corpus file and resource unless the reason holds for every miss of the check by the way
#: the rule is written (a ``partial`` crosswalk entry whose rule asks a narrower question).
EXPLAINED: list[tuple[str, str, str]] = [
    # ---- partial crosswalk entries: the rule asks a narrower question, and reports on the function itself
    (
        "CKV_AWS_115",
        "*",
        "Checkov asks every function for reserved concurrency; wadesk asks it only of a function that sends "
        "straight to a database with a connection limit (RDS, Aurora, DocumentDB, Neptune, Redshift), and this "
        "one sends to none; reserving concurrency everywhere only carves up the account's shared pool.",
    ),
    (
        "CKV_AWS_116",
        "iampolicyvalidator_resource_policies.json: aws_lambda_function.func",
        "The SNS subscription names the function by a literal ARN ending in `function:func`, which is not this "
        "function (`lambda_called_from_sns`); nothing drawn invokes it asynchronously, and wadesk does not guess.",
    ),
    (
        "CKV_AWS_116",
        "*",
        "Checkov asks every function for a dead-letter queue; only asynchronous invocations (SNS, EventBridge, "
        "S3 events) are retried and then dropped, and nothing in the design invokes this function that way.",
    ),
    (
        "CKV_AWS_117",
        "*",
        "Checkov asks every function to run in a VPC; wadesk asks it only of a function that sends to a "
        "resource reachable only inside a VPC (a database, cache, instance, file system), and this one sends "
        "to none: attached to a VPC it would need a NAT gateway or endpoints for the AWS APIs it calls.",
    ),
    *(
        (
            "CKV_AWS_50",
            f"{name}: *",
            "wadesk asks for X-Ray tracing on request paths of three or more services from the internet (and "
            "reports it on the path's entry point); this function is on no such path in the design, and the rule "
            "fires nowhere in it.",
        )
        for name in (
            "iampolicyvalidator_resource_policies.json",
            "tfcompliance_apigw_lambda_ec2.json",
            "tfcompliance_lambda_eventbridge.json",
            "tfcompliance_lambdas_logs.json",
        )
    ),
    # ---- settings the template leaves out, which AWS fills in today
    *(
        (
            check,
            "act_elasticloadbalancing_elb_access_logs_and_connection_draining.yaml: LogsBucket",
            "The template sets no PublicAccessBlockConfiguration: Checkov reads the missing property as off, but "
            "S3 has turned Block Public Access on for every new bucket since April 2023, so the bucket blocks it.",
        )
        for check in ("CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56")
    ),
    *(
        (
            "CKV2_AWS_6",
            where,
            "No aws_s3_bucket_public_access_block is declared: Checkov wants the resource, but S3 has turned "
            "Block Public Access on for every new bucket since April 2023, so the bucket blocks public access"
            + (
                " (and the plan's bucket policy granting Principal `*` would be refused at apply by BlockPublicPolicy)."
                if where.endswith("aws_s3_bucket.example")
                else "."
            ),
        )
        for where in (
            "atlantisworkshop_vpc_ec2_s3.json: aws_s3_bucket.policy_test_unencrypted",
            "atlantisworkshop_vpc_ec2_s3.json: aws_s3_bucket.workshop",
            "iampolicyvalidator_resource_policies.json: aws_s3_bucket.example",
            "iampolicyvalidator_resource_policies.json: aws_s3_bucket.private_bucket",
            "regula_cloudfront_s3.json: aws_s3_bucket.bucket",
            "tfcompliance_ec2_ecr_modules.json: aws_s3_bucket.nonmodulebucket",
        )
    ),
    (
        "CKV_AWS_19",
        "act_solutions_vpcflowlogs_templates_vpcflowlogss3.yaml: VPCFlowLogsBucket",
        "The template sets no BucketEncryption: S3 has encrypted every new object with SSE-S3 by default since "
        "January 2023, so the flow logs are encrypted at rest.",
    ),
    (
        "CKV_AWS_27",
        "act_sqs_sqsfifoqueue.yaml: SQSQueue",
        "The template sets neither KmsMasterKeyId nor SqsManagedSseEnabled: new queues have been encrypted with "
        "SSE-SQS by default since 2022, so the messages are encrypted at rest.",
    ),
    # ---- what the design draws
    (
        "CKV_AWS_26",
        "act_neptunedb_neptune.yaml: NeptuneAlarmTopic",
        "The topic exists only when NeptuneSNSTopicArn is empty; the parameter has no default, wadesk takes a "
        "value given at deployment as a topic ARN (said in the import report) and does not draw the topic. "
        "Imported with `--param NeptuneSNSTopicArn=`, the topic is drawn and SEC-MESSAGING-UNENCRYPTED reports it.",
    ),
    (
        "CKV_AWS_18",
        "act_solutions_cloudfrontcustomoriginlambda_edge_cloudfront.yaml: LoggingBucket",
        "The bucket is the access-log destination of the distribution and the load balancer: its own access logs "
        "would need yet another bucket, so wadesk exempts log buckets (the template's cfn-guard metadata "
        "suppresses S3_BUCKET_LOGGING_ENABLED for the same reason).",
    ),
    (
        "CKV_AWS_18",
        "act_elasticloadbalancing_elb_access_logs_and_connection_draining.yaml: LogsBucket",
        "The bucket is the access-log destination of the Classic Load Balancer (AccessLoggingPolicy, Enabled): its "
        "own access logs would need yet another bucket, so wadesk exempts log buckets.",
    ),
    *(
        (
            check,
            "act_ecs_fargatelaunchtype_clusters_private_vpc.yaml: PrivateLoadBalancerListener",
            "The listener belongs to a load balancer with Scheme internal in private subnets: its HTTP never "
            "crosses the internet, and SEC-ALB-HTTP asks for HTTPS on internet-facing listeners (a partial match).",
        )
        for check in ("CKV_AWS_2", "CKV_AWS_103")
    ),
    (
        "CKV_AWS_23",
        "act_rds_rds_mysql_with_read_replica.yaml: DBEC2SecurityGroup",
        "The group exists only when IsEC2VPC holds (the region is eu-central-1 or cn-north-1); wadesk imports for "
        "us-east-1 unless told otherwise (said in the import report), where the group is not created. Imported "
        "for eu-central-1 the group is drawn and SEC-SG-RULE-NO-DESCRIPTION reports its rule from the group "
        "named by EC2SecurityGroup.",
    ),
    # ---- IAM grants on Resource "*" (SEC-IAM-* rules; their reading is iam_grants.py)
    *(
        (
            check,
            f"{name}: {role}",
            f"A service role: only {service} may assume it, a service that runs none of the customer's code, "
            "so its grants on \"*\" are what the service does on the customer's behalf (as AWS's own service-role "
            "policies grant them); wadesk asks service roles only about permissions management, credentials and "
            "data reads, and this one has none of those on every resource.",
        )
        for check, name, role, service in (
            ("CKV_AWS_109", "act_ecs_ec2launchtype_clusters_public_vpc.yaml", "ECSRole", "ecs.amazonaws.com"),
            ("CKV_AWS_109", "act_ecs_fargatelaunchtype_clusters_private_vpc.yaml", "ECSRole", "ecs.amazonaws.com"),
            ("CKV_AWS_111", "act_config_config.yaml", "ConfigRole", "config.amazonaws.com"),
            ("CKV_AWS_111", "act_ecs_ec2launchtype_clusters_public_vpc.yaml", "AutoscalingRole",
             "application-autoscaling.amazonaws.com"),
            ("CKV_AWS_111", "act_ecs_ec2launchtype_clusters_public_vpc.yaml", "ECSRole", "ecs.amazonaws.com"),
            ("CKV_AWS_111", "act_ecs_ecs_schedule_example.yaml", "ECSEventRole", "events.amazonaws.com"),
            ("CKV_AWS_111", "act_ecs_ecs_schedule_example.yaml", "ECSServiceRole", "ecs.amazonaws.com"),
            ("CKV_AWS_111", "act_ecs_ecs_schedule_example.yaml", "AutoscalingRole",
             "application-autoscaling.amazonaws.com"),
            ("CKV_AWS_111", "act_ecs_fargatelaunchtype_clusters_private_vpc.yaml", "ECSRole", "ecs.amazonaws.com"),
        )
    ),
    *(
        (
            "CKV_AWS_111",
            f"{name}: EC2Role",
            "The ECS container instances' role: its writes on \"*\" are the ECS agent's calls about its own instance "
            "(ecs:RegisterContainerInstance, ecs:Submit*...) and log writes (logs:CreateLogStream, logs:PutLogEvents), "
            "which AWS's managed policy for this role grants on \"*\" too; wadesk leaves agent and telemetry writes "
            "out of SEC-IAM-WRITES-ON-ALL.",
        )
        for name in ("act_ecs_ec2launchtype_clusters_public_vpc.yaml", "act_ecs_ecs_schedule_example.yaml")
    ),
    (
        "CKV_AWS_111",
        "act_ecs_fargatelaunchtype_clusters_private_vpc.yaml: ECSTaskExecutionRole",
        "The task execution role's writes on \"*\" are logs:CreateLogStream and logs:PutLogEvents (the tasks' "
        "own logs) beside ECR image pulls, as AWS's AmazonECSTaskExecutionRolePolicy grants them; wadesk leaves "
        "telemetry writes out of SEC-IAM-WRITES-ON-ALL.",
    ),
    *(
        (
            "CKV_AWS_158",
            f"s2svpn_tgw_vpn_endpoints.json: module.vpcs[\"spoke-vpc-{spoke}\"].module.flow_logs[0]"
            ".module.cloudwatch_log_group[0].aws_cloudwatch_log_group.main",
            "kms_key_id is set: the root module passes module.iam_kms.kms_arn (the ARN of "
            "module.iam_kms.aws_kms_key.log_key) in vpc_flow_logs, which reaches the log group through the "
            "modules' flow-log settings; Checkov reads the value, known only after apply, as no key.",
        )
        for spoke in ("a", "b")
    ),
    (
        "CKV2_AWS_20",
        "tfcompliance_vpc_alb.json: aws_lb.nlb-noncompliant",
        "A Network Load Balancer with TCP and UDP listeners: it cannot terminate HTTP nor redirect it to HTTPS "
        "(redirects are an Application Load Balancer action); Checkov applies its ALB check to every aws_lb.",
    ),
    *(
        (
            "CKV_AWS_277",
            f"s2svpn_tgw_vpn_endpoints.json: module.compute[\"spoke-vpc-{spoke}\"].aws_security_group.spoke_vpc_sg",
            "The rule open to 0.0.0.0/0 on port -1 is ICMP (all types; its other world-open rule is TCP 80): ICMP "
            "opens no TCP or UDP port, Checkov reads ICMP's type -1 as port -1.",
        )
        for spoke in ("a", "b")
    ),
]


@dataclass
class Row:
    """One Checkov id: its covering rules and what happened to its failures."""

    rules: list[tuple[str, str]]
    failures: int = 0
    agreed: int = 0
    exact_failures: int = 0
    exact_agreed: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        """Whether some rule lists the check as an exact match."""
        return any(match == "exact" for _, match in self.rules)


def crosswalk() -> dict[str, list[tuple[str, str]]]:
    """Checkov id -> the wadesk rules that list it, with ``exact`` or ``partial``."""
    from wadesk.rules.registry import ALL_RULES

    covering: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for rule in ALL_RULES:
        matches = rule.meta.crosswalk()
        for check in rule.meta.checkov:
            covering[check].append((rule.meta.id, matches[check]))
    return covering


def checkov_failures(front: FrontEnd, path: Path, folder: Path, checkov: str | None) -> list[dict[str, object]]:
    """Checkov's failed checks on one corpus file (run now unless its JSON is in ``folder``)."""
    saved = folder / f"{path.name}.json"
    if not saved.exists() or not saved.stat().st_size:
        if checkov is None:
            return []
        command = [checkov, "--quiet", "--skip-download", "--framework", front.framework, "-o", "json", "-f", str(path)]
        saved.write_text(subprocess.run(command, capture_output=True, text=True, check=False).stdout)
    try:
        data = json.loads(saved.read_text() or "{}")
    except ValueError:
        return []
    reports = data if isinstance(data, list) else [data]
    return [check for report in reports for check in report.get("results", {}).get("failed_checks", [])]


def explanation(check: str, where: str) -> str | None:
    """Why wadesk is right on this miss, if the disagreement has been looked into."""
    return next((why for c, pattern, why in EXPLAINED if c == check and _matches(where, pattern)), None)


def _matches(where: str, pattern: str) -> bool:
    """Whether ``where`` matches ``pattern``, in which only ``*`` is a wildcard (addresses hold brackets)."""
    return re.fullmatch(".*".join(map(re.escape, pattern.split("*"))), where) is not None


def measure(front: FrontEnd, folder: Path, checkov: str | None) -> dict[str, Row]:
    """The agreement rows of one front end, by Checkov id."""
    from wadesk.analysis.engine import analyse
    from wadesk.importers.api import import_source

    covering = crosswalk()
    rows: dict[str, Row] = {}
    for path in front.files():
        failures = [f for f in checkov_failures(front, path, folder, checkov) if f.get("check_id") in covering]
        if not failures:
            continue
        result = import_source(path, layout=False)
        folded = {entry.key: entry.detail for entry in result.design.report.folded}
        origins = result.built.origins
        reported: dict[str, set[str]] = defaultdict(set)
        for finding in analyse(result.built.arch).findings:
            reported[finding.rule].add(origins.get(finding.node or "", finding.node or ""))
        for failure in failures:
            check = str(failure["check_id"])
            row = rows.setdefault(check, Row(covering[check]))
            resource = front.resource(failure)
            targets = {resource, folded.get(resource, resource)}
            fired = {rule for rule, _ in row.rules if targets & reported[rule]}
            row.failures += 1
            row.agreed += bool(fired)
            if row.exact:
                row.exact_failures += 1
                row.exact_agreed += any(rule in fired for rule, match in row.rules if match == "exact")
            if not fired:
                row.misses.append((path.name, resource))
    return rows


def totals(rows: dict[str, Row]) -> tuple[int, int, int, int]:
    """Plain failures and agreed, then exact-only failures and agreed."""
    return (
        sum(r.failures for r in rows.values()),
        sum(r.agreed for r in rows.values()),
        sum(r.exact_failures for r in rows.values()),
        sum(r.exact_agreed for r in rows.values()),
    )


def share(part: int, whole: int) -> str:
    """``part of whole (percent)``."""
    return f"{part} of {whole} ({part / whole:.0%})" if whole else "none"


def rules_text(row: Row) -> str:
    """The covering rules, each with its match."""
    return ", ".join(f"{rule} ({match})" for rule, match in row.rules)


def text_report(front: FrontEnd, rows: dict[str, Row]) -> str:
    """The table, totals and every miss, for a terminal."""
    lines = [f"\nAgreement with Checkov on the {front.title} ({len(front.files())} files)"]
    lines.append(f"{'Checkov id':14} {'wadesk rule(s)':58} {'failures':>8} {'agreed':>6}")
    for check in sorted(rows):
        row = rows[check]
        lines.append(f"{check:14} {rules_text(row)[:58]:58} {row.failures:>8} {row.agreed:>6}")
    plain, agreed, exact, exact_agreed = totals(rows)
    lines.append(f"Plain (every overlapping failure, exact or partial): {share(agreed, plain)}")
    lines.append(f"Exact crosswalk entries only: {share(exact_agreed, exact)}")
    for check in sorted(rows):
        for name, resource in rows[check].misses:
            why = explanation(check, f"{name}: {resource}")
            lines.append(f"  missed {check} on {name}: {resource}: {why or 'UNEXPLAINED'}")
    return "\n".join(lines)


def markdown_section(front: FrontEnd, rows: dict[str, Row]) -> list[str]:
    """One front end's table and its misses as Markdown."""
    plain, agreed, exact, exact_agreed = totals(rows)
    lines = [
        f"## {front.title}",
        "",
        f"{len(front.files())} files in `shared/{front.corpus}`, each checked by `checkov -f FILE` "
        f"(framework `{front.framework}`) and by wadesk.",
        "",
        f"- **Plain** (every Checkov failure on a check a wadesk rule's crosswalk lists, exact or partial): "
        f"**{share(agreed, plain)}** reported by wadesk on the same resource.",
        f"- **Exact crosswalk entries only** (checks a rule lists as `exact`, agreed when such a rule fired): "
        f"**{share(exact_agreed, exact)}**.",
        "",
        "| Checkov id | wadesk rule(s) | failures | agreed | misses |",
        "|---|---|---:|---:|---|",
    ]
    for check in sorted(rows):
        row = rows[check]
        missed = "; ".join(f"`{resource}` ({name})" for name, resource in row.misses) or "-"
        lines.append(f"| {check} | {rules_text(row)} | {row.failures} | {row.agreed} | {missed} |")
    explained: dict[str, list[str]] = defaultdict(list)
    for check in sorted(rows):
        for name, resource in rows[check].misses:
            why = explanation(check, f"{name}: {resource}") or "UNEXPLAINED: not looked into yet"
            explained[f"{check}: {why}"].append(f"`{resource}` ({name})")
    if explained:
        lines += ["", "Why each miss is not reported by wadesk:", ""]
        for why, where in explained.items():
            check, reason = why.split(": ", 1)
            lines.append(f"- **{check}** on {', '.join(where)}: {reason}")
    return [*lines, ""]


def markdown(sections: list[tuple[FrontEnd, dict[str, Row]]], checkov: str | None) -> str:
    """The whole page."""
    version = ""
    if checkov:
        done = subprocess.run([checkov, "--version"], capture_output=True, text=True, check=False)
        version = done.stdout.strip()
    lines = [
        "# Agreement with Checkov",
        "",
        "<!-- Generated by `python bench/checkov_agreement.py both --markdown docs/checkov-agreement.md`; "
        "do not edit by hand. -->",
        "",
        "For every Checkov failure whose concern a wadesk rule covers (the rule lists the Checkov id in its "
        "crosswalk, `wadesk rules --format json`), does wadesk report that rule on the same resource? "
        "A rule lists a check as `exact` when both test the same thing on the resources both cover, and as "
        "`partial` when the check tests part of it or a neighbouring condition (Checkov asks every Lambda "
        "function for a dead-letter queue; wadesk asks only functions invoked asynchronously). Checks of "
        "another property are not listed, so they are not counted here.",
        "",
        "Every miss is explained: each is a true disagreement, with the fact that makes wadesk's answer the "
        "right one for the design it draws. A miss nobody has looked into would show as UNEXPLAINED.",
        "",
        f"Measured {datetime.date.today().isoformat()} with Checkov {version or '(version unknown)'}.",
        "",
    ]
    for front, rows in sections:
        lines += markdown_section(front, rows)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the agreement tables (and write the page); 0 even when checkov or the corpus is missing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("front_end", nargs="?", default="both", choices=["cfn", "terraform", "both"])
    parser.add_argument("--cache", type=Path, help="folder for Checkov's JSON per corpus file")
    parser.add_argument("--markdown", type=Path, help="write the tables as Markdown to this file")
    args = parser.parse_args(argv)
    checkov = find_checkov()
    cache = args.cache or Path(tempfile.mkdtemp(prefix="checkov-agreement-"))
    chosen = list(FRONT_ENDS.values()) if args.front_end == "both" else [FRONT_ENDS[args.front_end]]
    sections = []
    for front in chosen:
        folder = cache / front.name
        folder.mkdir(parents=True, exist_ok=True)
        if not front.files():
            print(f"{front.title}: no corpus beside the project")
            continue
        if checkov is None and not any(folder.iterdir()):
            print(f"{front.title}: agreement skipped, checkov not found (see bench/checkov_bench.py)")
            continue
        rows = measure(front, folder, checkov)
        print(text_report(front, rows))
        sections.append((front, rows))
    if args.markdown and sections:
        args.markdown.write_text(markdown(sections, checkov))
        print(f"Wrote {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

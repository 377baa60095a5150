"""The headless command line: exit codes, formats and messages of SPEC section 6."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wadesk.app import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.wadesk"))

GOOD = {
    "format": "wadesk",
    "version": 1,
    "name": "tiny",
    "nodes": [
        {"id": "db", "kind": "rds", "label": "Orders DB", "props": {"multi_az": False}},
        {"id": "ok", "kind": "rds", "props": {"multi_az": True}},
    ],
    "edges": [],
}


def _write(tmp_path: Path, doc: object, name: str = "d.wadesk") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("wadesk ")


def test_kinds_json_lists_the_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kinds", "--format", "json"]) == 0
    kinds = json.loads(capsys.readouterr().out)["kinds"]
    ec2 = next(k for k in kinds if k["id"] == "ec2")
    assert ec2["icon"] == "aws/compute/ec2.png" and ec2["diagrams_class"] == "diagrams.aws.compute.EC2"
    assert ec2["responsibility_model"] == "infrastructure" and len(kinds) >= 70


def test_rules_json_lists_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)["rules"]
    assert {"id", "title", "pillar", "severity", "wa_bp", "securityhub", "checkov"} <= set(rules[0])


def test_check_json_follows_the_spec(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, GOOD)
    assert main(["check", str(path), "--format", "json", "--fail-on", "never"]) == 0
    design = json.loads(capsys.readouterr().out)["designs"][0]
    assert design["file"] == str(path) and design["name"] == "tiny"
    node = design["nodes"][0]
    assert node["ownership"]["model"] == "container" and len(node["ownership"]["layers"]) == 12
    finding = next(f for f in design["findings"] if f["rule"] == "REL-DB-SINGLE-AZ")
    assert finding["node"] == "db"
    assert set(finding) == {
        "rule",
        "pillar",
        "severity",
        "node",
        "message",
        "remediation",
        "wa_bp",
        "suppressed",
        "justification",
    }
    assert design["ownership_totals"]["customer"] == 10 and sum(design["ownership_totals"].values()) == 24
    assert set(design["summary"]) == {
        "operational_excellence",
        "security",
        "reliability",
        "performance_efficiency",
        "cost_optimization",
        "sustainability",
    }


def test_fail_on_sets_the_exit_code(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    assert main(["check", str(path)]) == 0  # a workload: only medium and low findings
    assert main(["check", str(path), "--fail-on", "medium"]) == 1
    assert main(["check", str(path), "--fail-on", "never"]) == 0
    account = _write(tmp_path, {**GOOD, "version": 2, "scope": "account"}, "account.wadesk")
    assert main(["check", str(account)]) == 1  # a whole account without CloudTrail, Config, GuardDuty


def test_check_states_a_workload_s_account_assumptions_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, GOOD)
    assert main(["check", str(path), "--format", "json", "--fail-on", "never"]) == 0
    design = json.loads(capsys.readouterr().out)["designs"][0]
    assert design["scope"] == "workload"
    assert [a["rule"] for a in design["assumptions"]] == ["SEC-NO-CLOUDTRAIL", "SEC-NO-CONFIG", "SEC-NO-GUARDDUTY"]
    assert not [f for f in design["findings"] if f["rule"].startswith("SEC-NO-")]
    assert main(["check", str(path), "--fail-on", "never"]) == 0
    text = capsys.readouterr().out
    assert text.count("Assumed of the account") == 1 and "SEC-NO-GUARDDUTY" in text
    assert main(["check", str(path), "--format", "sarif", "--fail-on", "never"]) == 0
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    stated = [r for r in results if r.get("kind") == "informational"]
    assert [r["ruleId"] for r in stated] == ["SEC-NO-CLOUDTRAIL", "SEC-NO-CONFIG", "SEC-NO-GUARDDUTY"]
    assert all(r["level"] == "none" for r in stated)


def test_check_names_what_it_did_not_judge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = {"id": "shared", "kind": "vpc", "label": "Shared VPC", "props": {"defined_elsewhere": True}}
    doc = {**GOOD, "nodes": [*GOOD["nodes"], shared]}  # type: ignore[list-item]
    assert main(["check", str(_write(tmp_path, doc)), "--fail-on", "never"]) == 0
    text = capsys.readouterr().out
    assert "Not judged (defined elsewhere" in text and "Shared VPC" in text
    assert main(["check", str(_write(tmp_path, GOOD, "plain.wadesk")), "--fail-on", "never"]) == 0
    assert "Not judged" not in capsys.readouterr().out


def test_suppressed_findings_do_not_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = {
        **GOOD,
        "nodes": [GOOD["nodes"][0]],
        "suppressions": [{"rule": "REL-DB-SINGLE-AZ", "node": "db", "justification": "dev database"}],
    }
    path = _write(tmp_path, doc)
    code = main(["check", str(path), "--fail-on", "high", "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["designs"][0]["findings"]
    suppressed = next(f for f in findings if f["rule"] == "REL-DB-SINGLE-AZ")
    assert suppressed["suppressed"] is True and suppressed["justification"] == "dev database"
    assert code == (1 if any(f["severity"] == "high" and not f["suppressed"] for f in findings) else 0)


def test_text_output_groups_by_node(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, GOOD)
    main(["check", str(path), "--fail-on", "never"])
    out = capsys.readouterr().out
    assert "Orders DB (db, rds)" in out and "REL-DB-SINGLE-AZ" in out and "Fix:" in out
    assert "you own 10 of 24 layers across the design" in out
    assert "\033[" not in out  # no colour when not a terminal


def test_sarif_is_2_1_0_with_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, GOOD)
    main(["check", str(path), "--format", "sarif", "--fail-on", "never"])
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    result = next(r for r in run["results"] if r["ruleId"] == "REL-DB-SINGLE-AZ")
    assert ids[result["ruleIndex"]] == "REL-DB-SINGLE-AZ"
    assert result["level"] == "warning"  # medium
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_sarif_links_the_tool_and_each_rule_to_its_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(_write(tmp_path, GOOD)), "--format", "sarif", "--fail-on", "never"])
    driver = json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    rule = next(r for r in driver["rules"] if r["id"] == "REL-DB-SINGLE-AZ")
    assert rule["helpUri"] == (
        "https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_fault_isolation_multiaz_region_system.html")
    assert all(r["helpUri"].startswith("https://docs.aws.amazon.com/wellarchitected/") for r in driver["rules"])


def test_kinds_text_starts_with_a_header_row(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kinds"]) == 0
    header, first = capsys.readouterr().out.splitlines()[:2]
    assert header.split()[:2] == ["KIND", "(id"] and "DIAGRAMS CLASS" in header
    assert first.split()[0] == "aws_cloud"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"\xff\xfe",
        b'{"format": "wadesk", "version": 7}',
        b'{"format": "wadesk", "version": 1, "nodes": [{"id": "a", "kind": "nope"}]}',
    ],
)
def test_unusable_files_exit_2_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    path = tmp_path / "bad.wadesk"
    path.write_bytes(content)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(str(path)) and "Traceback" not in err


def test_missing_path_and_directory_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "missing.wadesk")]) == 2
    assert main(["check", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    # A folder is read as a Terraform configuration: an empty one has no .tf files.
    assert "no such file" in err and "no .tf or .tf.json files in this folder" in err


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["check", "x.wadesk", "--fail-on", "sometimes"])
    assert info.value.code == 2


def test_check_does_not_import_qt(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    code = (
        "import sys; from wadesk.app import main; rc = main(['check', sys.argv[1], '--fail-on', 'never']); "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'diagrams'))]; "
        "print('LOADED', bad); sys.exit(rc)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "LOADED []" in out.stdout


def test_module_entry_point_runs() -> None:
    out = subprocess.run([sys.executable, "-m", "wadesk", "--version"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.startswith("wadesk")


def test_a_check_run_as_the_process_writes_everything_and_exits_with_its_code(tmp_path: Path) -> None:
    """Run as the process (``python -m wadesk``), a check ends without Python's shutdown: its output must still
    be complete (more than a pipe holds at once) and its exit code the check's."""
    path = _write(tmp_path, GOOD)
    files = [str(path)] * 40 + [str(p) for p in EXAMPLES]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = [sys.executable, "-m", "wadesk", "check", "--format", "json", *files]
    out = subprocess.run(code, capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
    assert out.returncode == 1, out.stderr
    assert len(out.stdout) > 65536 and len(json.loads(out.stdout)["designs"]) == len(files)
    quiet = subprocess.run([*code, "--fail-on", "never"], capture_output=True, timeout=300, env=env, cwd=tmp_path)
    assert quiet.returncode == 0 and quiet.stdout == out.stdout.encode()
    missing = subprocess.run([*code[:4], str(tmp_path / "none.wadesk")], capture_output=True, text=True, env=env)
    assert missing.returncode == 2 and "none.wadesk" in missing.stderr


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_checks(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(path), "--fail-on", "never"]) == 0


def test_text_wraps_to_a_terminal_width(tmp_path: Path) -> None:
    from wadesk.cli.check import check_files, text_report

    (item,), _ = check_files([str(_write(tmp_path, GOOD))])
    lines = text_report(item, use_color=False, width=60).splitlines()
    finding_lines = [line for line in lines if line.startswith("         ")]
    assert finding_lines and all(len(line) <= 60 for line in finding_lines)


@pytest.mark.parametrize("args", [[], ["design.wadesk"], ["--example", "design.wadesk"]],
                         ids=["bare", "file", "example"])
def test_editor_without_a_display_exits_2_with_one_line(tmp_path: Path, args: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    _write(tmp_path, GOOD, "design.wadesk")
    out = subprocess.run([sys.executable, "-m", "wadesk", *args], capture_output=True, text=True, timeout=120,
                         env=env, cwd=tmp_path)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "xvfb-run" in lines[0]


def test_a_display_or_a_chosen_qt_platform_lets_the_editor_start() -> None:
    from wadesk.app import no_display_reason

    assert no_display_reason({}, "linux") is not None
    assert no_display_reason({"DISPLAY": ":1"}, "linux") is None
    assert no_display_reason({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert no_display_reason({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert no_display_reason({}, "darwin") is None

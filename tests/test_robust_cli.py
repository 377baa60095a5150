"""Issue 12 on the command line: exports never destroy a design, hostile text never reaches a terminal raw."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wadesk.app import main
from wadesk.cli.terminal import error_lines, printable
from wadesk.export.errors import ExportError
from wadesk.export.targets import check_export_target
from wadesk.fileformat import DesignFileError

DESIGN = {
    "format": "wadesk",
    "version": 1,
    "name": "tiny",
    "nodes": [{"id": "db", "kind": "rds", "label": "Orders DB"}],
    "edges": [],
}


def _write(path: Path, doc: object) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


# ------------------------------------------------------------------ item 3: exports
@pytest.mark.parametrize("flag", ["--python", "--diagram", "--report"])
def test_an_export_never_writes_over_its_own_design(tmp_path: Path, flag: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    design = _write(tmp_path / "d.wadesk", DESIGN)
    before = design.read_bytes()
    assert main(["export", str(design), flag, str(design)]) == 2
    assert design.read_bytes() == before
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "refusing" in err and "design" in err


@pytest.mark.parametrize("flag", ["--python", "--diagram", "--report"])
def test_an_export_never_writes_over_another_design_file(tmp_path: Path, flag: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    design = _write(tmp_path / "d.wadesk", DESIGN)
    other = _write(tmp_path / "other.WADESK", DESIGN)
    before = other.read_bytes()
    assert main(["export", str(design), flag, str(other)]) == 2
    assert other.read_bytes() == before
    assert ".wadesk" in capsys.readouterr().err


def test_an_export_through_a_link_to_its_design_is_refused(tmp_path: Path) -> None:
    design = _write(tmp_path / "d.wadesk", DESIGN)
    link = tmp_path / "d.py"
    link.symlink_to(design)
    before = design.read_bytes()
    assert main(["export", str(design), "--python", str(link)]) == 2
    assert design.read_bytes() == before and link.is_symlink()


def test_a_python_export_needs_the_py_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    design = _write(tmp_path / "d.wadesk", DESIGN)
    assert main(["export", str(design), "--python", str(tmp_path / "script.txt")]) == 2
    assert "'.txt'" in capsys.readouterr().err
    assert not (tmp_path / "script.txt").exists()
    assert main(["export", str(design), "--python", str(tmp_path / "script.py")]) == 0
    assert (tmp_path / "script.py").read_text(encoding="utf-8").startswith('"""')


def test_check_export_target_accepts_a_fresh_name(tmp_path: Path) -> None:
    check_export_target(tmp_path / "out.png", (".png",), "an image", [tmp_path / "d.wadesk"])
    with pytest.raises(ExportError, match="over the design"):
        check_export_target(tmp_path / "sub" / ".." / "d.png", (".png",), "an image", [tmp_path / "d.png"])


# ------------------------------------------------------------------ item 6: hostile text
HOSTILE = "Orders\x1b]0;pwned\x07\n[ok] forged line\x1b[2J\u202e\x9b"


def test_printable_escapes_control_characters_only() -> None:
    assert printable("plain text, ümlauts and 日本") == "plain text, ümlauts and 日本"
    assert printable("a\x1b[31mb\nc\td\x7f") == "a\\x1b[31mb\\x0ac\\x09d\\x7f"
    assert printable("\u202eevil") == "\\u202eevil"


def test_check_text_output_shows_control_characters_escaped(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    doc = {
        **DESIGN,
        "name": HOSTILE,
        "nodes": [{"id": "db" + HOSTILE, "kind": "rds", "label": HOSTILE}],
        "suppressions": [{"rule": "REL-DB-SINGLE-AZ", "node": "db" + HOSTILE, "justification": HOSTILE}],
    }
    design = _write(tmp_path / "d.wadesk", doc)
    main(["check", str(design), "--color", "never"])
    out = capsys.readouterr().out
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in out
    assert "\\x1b]0;pwned\\x07" in out
    assert "[ok] forged line" not in out.splitlines()  # never at the start of a line of its own
    assert not any(line.startswith("[ok] forged") for line in out.splitlines())


def test_check_colours_are_still_sent_but_design_text_is_escaped(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    design = _write(tmp_path / "d.wadesk", {**DESIGN, "nodes": [{"id": "db", "kind": "rds", "label": HOSTILE}]})
    main(["check", str(design), "--color", "always"])
    out = capsys.readouterr().out
    assert "\x1b[1m" in out  # our own colour codes
    assert "\x1b]0;" not in out and "\x1b[2J" not in out


def test_error_lines_on_stderr_are_escaped_one_per_problem(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    name = tmp_path / "evil\x1b[2J\nforged.wadesk"
    _write(name, {**DESIGN, "nodes": [{"id": "db", "kind": "no-such\x1b[2J"}]})
    assert main(["check", str(name)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert err.count("\n") == 1 and "\\x1b[2J\\x0aforged.wadesk" in err
    text = error_lines(DesignFileError("a\nb", ["one\x1b", "two"]))
    assert text == "a\\x0ab: one\\x1b\na\\x0ab: two\n"


def test_import_onto_a_read_only_design_exits_2_with_the_reason(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "stack.json"
    template.write_text(json.dumps({"AWSTemplateFormatVersion": "2010-09-09",
                                    "Resources": {"Bucket": {"Type": "AWS::S3::Bucket"}}}), encoding="utf-8")
    out = _write(tmp_path / "out.wadesk", DESIGN)
    out.chmod(0o444)
    before = out.read_bytes()
    assert main(["import", str(template), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "read-only (mode 0444)" in err and "Traceback" not in err
    assert out.read_bytes() == before

"""Hostile or broken templates end in an ImportSourceError naming the file, the line where known and the reason:
never a hang, a memory blow-up or a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from wadesk.importers.cfn.document import MAX_BYTES
from wadesk.importers.cfn.template import load_template
from wadesk.importers.errors import ImportSourceError


def _refused(path: Path) -> ImportSourceError:
    with pytest.raises(ImportSourceError) as caught:
        load_template(path)
    assert str(caught.value).startswith(str(path))
    return caught.value


def _write(tmp_path: Path, text: str, name: str = "bad.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_malformed_yaml_names_line_column_and_reason(tmp_path: Path) -> None:
    error = _refused(_write(tmp_path, "Resources:\n  A:\n    Type: AWS::SNS::Topic\n   Properties: [\n"))
    assert error.line == 4
    assert "invalid YAML" in error.reason and "line 4, column" in error.reason


def test_malformed_json_names_line_column_and_reason(tmp_path: Path) -> None:
    error = _refused(_write(tmp_path, '{\n  "Resources": {\n    "A": {"Type": "AWS::SNS::Topic",}\n  }\n}', "bad.json"))
    assert error.line == 3
    assert "invalid JSON" in error.reason and "line 3, column" in error.reason


@pytest.mark.parametrize(
    ("text", "name", "line"),
    [
        ("Resources:\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SQS::Queue\n", "dup.yaml", 4),
        ('{"Resources": {\n"A": {"Type": "AWS::SNS::Topic"},\n"A": {"Type": "AWS::SQS::Queue"}}}', "dup.json", 3),
    ],
)
def test_duplicate_keys_are_refused_with_the_line(tmp_path: Path, text: str, name: str, line: int) -> None:
    error = _refused(_write(tmp_path, text, name))
    assert "duplicate key 'A'" in error.reason
    assert error.line == line


def test_an_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]" for level in range(1, 10)]
    text = "\n".join(lines) + "\nResources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: {Tags: *a9}\n"
    error = _refused(_write(tmp_path, text))  # refused before the aliases are expanded
    assert "alias bomb" in error.reason


def test_a_merge_key_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}"]
    lines += [f"m{level}: &m{level}\n  <<: [{', '.join([f'*m{level - 1}'] * 10)}]" for level in range(1, 9)]
    error = _refused(_write(tmp_path, "\n".join(lines) + "\nResources:\n  T: {Type: AWS::SNS::Topic}\n"))
    assert "alias bomb" in error.reason


def test_a_moderate_alias_fan_out_is_still_imported(tmp_path: Path) -> None:
    text = (
        "Tags: &tags [{Key: team, Value: web}, {Key: env, Value: prod}]\n"
        "Resources:\n  A: {Type: AWS::SNS::Topic, Properties: {Tags: *tags}}\n"
        "  B: {Type: AWS::SQS::Queue, Properties: {Tags: *tags}}\n"
    )
    template = load_template(_write(tmp_path, text))
    assert template.resources["B"].properties["Tags"][1] == {"Key": "env", "Value": "prod"}


def test_an_alias_inside_its_own_anchor_is_refused(tmp_path: Path) -> None:
    error = _refused(_write(tmp_path, "Loop: &loop [a, *loop]\nResources:\n  T: {Type: AWS::SNS::Topic}\n"))
    assert "contains it" in error.reason or "alias" in error.reason


@pytest.mark.parametrize("style", ["yaml-flow", "yaml-block", "json"])
def test_deep_nesting_is_refused_with_a_clear_reason(tmp_path: Path, style: str) -> None:
    depth = 5000 if style != "yaml-block" else 300
    if style == "yaml-flow":
        tags = "[" * depth + "]" * depth
        path = _write(tmp_path, "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: {Tags: " + tags + "}\n")
    elif style == "yaml-block":
        body = "".join("  " * (level + 3) + f"k{level}:\n" for level in range(depth))
        text = "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n" + body + "  " * (depth + 3) + "v: 1\n"
        path = _write(tmp_path, text)
    else:
        text = '{"Resources": {"T": {"Type": "AWS::SNS::Topic", "Properties": {"Tags": ' + "[" * depth
        path = _write(tmp_path, text + "]" * depth + "}}}}", "deep.json")
    error = _refused(path)
    assert "nest" in error.reason


def test_a_moderately_deep_template_still_imports(tmp_path: Path) -> None:
    text = "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: {Tags: " + "[" * 50 + "]" * 50 + "}\n"
    assert load_template(_write(tmp_path, text)).resources["T"].properties["Tags"]


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.write(b"Resources:\n  T:\n    Type: AWS::SNS::Topic\n")
        stream.seek(10 * 1024 * 1024)
        stream.write(b"\n")
    error = _refused(path)
    assert f"over {MAX_BYTES // 1048576} MB" in error.reason and "10.0 MB" in error.reason


def test_a_large_template_under_the_limit_imports(tmp_path: Path) -> None:
    entry = "  Topic{0}:\n    Type: AWS::SNS::Topic\n    Properties: {{TopicName: !Sub '${{AWS::StackName}}-{0}'}}\n"
    text = "Resources:\n" + "".join(entry.format(index) for index in range(8000))
    template = load_template(_write(tmp_path, text))
    assert len(template.resources) == 8000


def test_non_utf8_bytes_are_refused_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("Description: caf\u00e9\nResources: {}\n".encode("utf-8") + b"  # \xe9t\xe9\n")
    error = _refused(path)
    assert "not UTF-8" in error.reason and "0xe9" in error.reason
    assert error.line == 3


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in _refused(path).reason


@pytest.mark.parametrize(
    ("text", "what"),
    [("- a\n- b\n", "a list"), ("just text\n", "a string"), ("[1, 2]", "a list"), ("", "empty"), ("# only\n", "")],
)
def test_a_top_level_that_is_not_a_mapping_is_refused(tmp_path: Path, text: str, what: str) -> None:
    error = _refused(_write(tmp_path, text, "top.json" if text.startswith("[") else "top.yaml"))
    assert "not a mapping" in error.reason or "empty" in error.reason or "no YAML document" in error.reason
    assert what in error.reason


def test_control_characters_from_the_file_are_escaped_in_messages(tmp_path: Path) -> None:
    error = _refused(_write(tmp_path, 'Resources:\n  "Evil\\e[31m":\n    Properties: {}\n'))
    assert "\x1b" not in str(error)
    assert "Evil\\x1b[31m" in str(error)


def test_a_logical_id_with_control_characters_is_refused(tmp_path: Path) -> None:
    error = _refused(_write(tmp_path, 'Resources:\n  "Bad\\x07Id":\n    Type: AWS::SNS::Topic\n'))
    assert "control characters" in error.reason and "Bad\\x07Id" in error.reason
    assert error.line == 2
    error = _refused(_write(tmp_path, 'Resources:\n  Id:\n    Type: "AWS::SNS::Topic\\e[31m"\n'))
    assert "Type AWS::SNS::Topic\\x1b[31m contains control characters" in error.reason


def test_an_evaluation_that_explodes_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wadesk.importers.cfn import evaluation

    monkeypatch.setattr(evaluation, "MAX_EVALUATED_VALUES", 1000)
    text = "Resources:\n" + "".join(f"  T{index}: {{Type: AWS::SNS::Topic, Properties: {{A: [1, 2, 3]}}}}\n"
                                    for index in range(400))
    assert "expands to more than 1,000 values" in _refused(_write(tmp_path, text)).reason

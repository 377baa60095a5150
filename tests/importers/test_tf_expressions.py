"""HCL expressions: each construct the Terraform front end evaluates, and what it refuses to guess."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wadesk.importers.terraform.evaluator import Evaluator
from wadesk.importers.terraform.expressions import ExpressionSyntaxError, parse_expression
from wadesk.importers.terraform.functions import FunctionContext, call_function
from wadesk.importers.terraform.operations import EvalError, ResourceInstance, finish
from wadesk.importers.terraform.values import Interpolated, ModuleOutput, TfRef, Unresolved, refs_in


def evaluate(text: str, names: dict[str, Any] | None = None, root: Path | None = None) -> Any:
    from wadesk.importers.terraform.operations import Namespace

    class Lookup(Namespace):
        def __init__(self, table: dict[str, Any]) -> None:
            self.table = table

        def get_attr(self, name: str) -> Any:
            if name not in self.table:
                raise EvalError(f"no {name}")
            return self.table[name]

    class Placeholder(Namespace):
        def get_attr(self, name: str) -> Any:
            return ModuleOutput("module.vpc", name)

    roots: dict[str, Any] = {
        "var": Lookup({"n": 2, "name": "web", "azs": ["a", "b", "c"], "tags": {"Env": "dev"}, "on": True}),
        "local": Lookup({"cidr": "10.0.0.0/16"}),
        "aws_vpc": Lookup({"main": ResourceInstance("aws_vpc.main")}),
        "aws_subnet": Lookup(
            {"private": [ResourceInstance("aws_subnet.private[0]"), ResourceInstance("aws_subnet.private[1]")]}
        ),
        "module": Lookup({"vpc": Placeholder()}),
    }
    roots.update(names or {})

    def resolve(name: str) -> Any:
        if name not in roots:
            raise EvalError(f"unknown {name}")
        return roots[name]

    folder = root or Path.cwd()
    context = FunctionContext(folder, folder)
    evaluator = Evaluator(resolve, lambda ev, name, args, node: call_function(context, ev, name, args, node))
    return finish(evaluator.evaluate(parse_expression(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", 1),
        ("1.5", 1.5),
        ("-3", -3),
        ("true", True),
        ("null", None),
        ('"a\\"b\\n"', 'a"b\n'),
        ('"$${literal}"', "${literal}"),
        ("[1, 2, 3,]", [1, 2, 3]),
        ('{ a = 1, "b" = 2, c: 3 }', {"a": 1, "b": 2, "c": 3}),
        ('"web-${var.n}"', "web-2"),
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("7 % 3", 1),
        ("10 / 4", 2.5),
        ("var.n > 1 && !false", True),
        ('var.n == 2 ? "big" : "small"', "big"),
        ('var.name != "web" || var.on', True),
        ("var.azs[1]", "b"),
        ("var.azs.0", "a"),
        ('var.tags["Env"]', "dev"),
        ("[for s in var.azs : upper(s)]", ["A", "B", "C"]),
        ('[for i, s in var.azs : "${i}${s}" if s != "b"]', ["0a", "2c"]),
        ("{for s in var.azs : s => length(s)}", {"a": 1, "b": 1, "c": 1}),
        ('{for s in ["x", "y", "x"] : s => 1...}', {"x": [1, 1], "y": [1]}),
        ("<<EOT\nline ${var.n}\nEOT\n", "line 2\n"),
        ("<<-EOT\n    indented\n      more\n    EOT\n", "indented\n  more\n"),
        ('"%{ if var.on }yes%{ else }no%{ endif }"', "yes"),
        ('"%{ for a in var.azs }${a},%{ endfor }"', "a,b,c,"),
    ],
)
def test_constructs_evaluate(text: str, expected: Any) -> None:
    assert evaluate(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("length(var.azs)", 3),
        ('concat(["a"], ["b", "c"])', ["a", "b", "c"]),
        ("merge({a = 1}, {b = 2}, {a = 3})", {"a": 3, "b": 2}),
        ('lookup({a = 1}, "b", 9)', 9),
        ("element(var.azs, 4)", "b"),
        ("cidrsubnet(local.cidr, 8, 2)", "10.0.2.0/24"),
        ('cidrsubnet("10.0.0.0/16", 4, 15)', "10.0.240.0/20"),
        ('cidrhost("10.0.1.0/24", 5)', "10.0.1.5"),
        ('format("%s-%03d", "web", 7)', "web-007"),
        ('join(",", var.azs)', "a,b,c"),
        ('split(",", "a,b")', ["a", "b"]),
        ('tolist(toset(["b", "a", "b"]))', ["a", "b"]),
        ("keys({b = 1, a = 2})", ["a", "b"]),
        ("values({b = 1, a = 2})", [2, 1]),
        ('try(var.tags["Missing"], "fallback")', "fallback"),
        ("can(var.azs[7])", False),
        ("can(var.azs[0])", True),
        ('coalesce("", null, "x")', "x"),
        ('jsonencode({a = [1, "b"]})', '{"a":[1,"b"]}'),
        ('jsondecode("{\\"a\\": 1}")', {"a": 1}),
        ("slice(var.azs, 0, 2)", ["a", "b"]),
        ("flatten([[1], [2, [3]]])", [1, 2, 3]),
        ('replace("a-b-c", "-", "_")', "a_b_c"),
        ('replace("abc1", "/[0-9]/", "")', "abc"),
        ("range(3)", [0, 1, 2]),
        ('zipmap(["a", "b"], [1, 2])', {"a": 1, "b": 2}),
        ("max(1, 5, 2)", 5),
        ('distinct(["a", "a", "b"])', ["a", "b"]),
        ('compact(["a", "", null])', ["a"]),
        ('contains(["a"], "a")', True),
        ('basename("/x/y/z")', "z"),
        ('regex("^(\\\\w+)-", "ab-cd")', ["ab"]),
    ],
)
def test_functions(text: str, expected: Any) -> None:
    assert evaluate(text) == expected


def test_a_reference_to_a_resource_is_a_tfref() -> None:
    assert evaluate("aws_vpc.main.id") == TfRef("aws_vpc.main", "id")
    assert evaluate("aws_vpc.main") == TfRef("aws_vpc.main")


def test_count_instances_index_and_splat_into_references() -> None:
    assert evaluate("aws_subnet.private[1].id") == TfRef("aws_subnet.private[1]", "id")
    assert evaluate("aws_subnet.private[*].id") == [
        TfRef("aws_subnet.private[0]", "id"),
        TfRef("aws_subnet.private[1]", "id"),
    ]
    assert evaluate("aws_subnet.private.*.arn")[1] == TfRef("aws_subnet.private[1]", "arn")
    assert evaluate("element(aws_subnet.private[*].id, 3)") == TfRef("aws_subnet.private[1]", "id")
    assert evaluate("length(aws_subnet.private)") == 2
    assert evaluate("[for s in aws_subnet.private : s.id]")[0] == TfRef("aws_subnet.private[0]", "id")


def test_a_string_around_a_reference_is_interpolated() -> None:
    value = evaluate('"${aws_vpc.main.arn}/*"')
    assert isinstance(value, Interpolated)
    assert value.parts == (TfRef("aws_vpc.main", "arn"), "/*")
    assert str(value) == "${aws_vpc.main.arn}/*"


def test_jsonencode_keeps_references_in_a_policy() -> None:
    value = evaluate('jsonencode({Statement = [{Resource = "${aws_vpc.main.arn}/*", Action = "s3:*"}]})')
    assert isinstance(value, Interpolated)
    assert refs_in(value) == [TfRef("aws_vpc.main", "arn")]
    assert str(value) == '{"Statement":[{"Resource":"${aws_vpc.main.arn}/*","Action":"s3:*"}]}'


def test_placeholder_module_outputs_stay_markers_through_element_and_index() -> None:
    assert evaluate("module.vpc.private_subnets") == ModuleOutput("module.vpc", "private_subnets")
    assert evaluate("module.vpc.private_subnets[0]") == ModuleOutput("module.vpc", "private_subnets", 0)
    assert evaluate("element(module.vpc.public_subnets, 1)") == ModuleOutput("module.vpc", "public_subnets", 1)
    assert evaluate("tolist(module.vpc.public_subnets)") == ModuleOutput("module.vpc", "public_subnets")


def test_what_depends_on_unknown_values_is_unresolved_with_its_references() -> None:
    value = evaluate("cidrsubnet(aws_vpc.main.cidr_block, 4, 1)")
    assert isinstance(value, Unresolved)
    assert value.refs == (TfRef("aws_vpc.main", "cidr_block"),)
    mixed = evaluate("concat(module.vpc.private_subnets, [aws_vpc.main.id])")
    assert isinstance(mixed, Unresolved)
    assert set(mixed.refs) == {ModuleOutput("module.vpc", "private_subnets"), TfRef("aws_vpc.main", "id")}
    assert isinstance(evaluate("aws_vpc.main.id == null ? 1 : 2"), Unresolved)


def test_a_function_wadesk_lacks_is_unresolved_not_guessed() -> None:
    value = evaluate('formatdate("YYYY", "2020-01-01T00:00:00Z")')
    assert isinstance(value, Unresolved)
    assert "formatdate" in value.reason


def test_terraform_errors_raise_and_try_falls_through_them() -> None:
    with pytest.raises(EvalError):
        evaluate("var.azs[5]")
    with pytest.raises(EvalError):
        evaluate("var.missing")
    assert evaluate("try(aws_subnet.private[5].id, aws_vpc.main.id)") == TfRef("aws_vpc.main", "id")


def test_file_functions_read_only_inside_the_folder(tmp_path: Path) -> None:
    (tmp_path / "policy.json").write_text('{"Version": "2012-10-17"}')
    (tmp_path / "user.tpl").write_text("hello ${name}%{ if admin } (admin)%{ endif }")
    assert evaluate('jsondecode(file("policy.json"))', root=tmp_path) == {"Version": "2012-10-17"}
    assert evaluate('templatefile("user.tpl", {name = "ana", admin = true})', root=tmp_path) == "hello ana (admin)"
    assert evaluate('fileexists("policy.json")', root=tmp_path) is True
    outside = evaluate('file("/etc/hostname")', root=tmp_path)
    assert isinstance(outside, Unresolved)
    assert isinstance(evaluate('file("../x")', root=tmp_path), Unresolved)


@pytest.mark.parametrize("text", ["[1, 2", '"open', "a ? b", "{a = }", "1 +", "f(,)"])
def test_malformed_expressions_are_refused(text: str) -> None:
    with pytest.raises(ExpressionSyntaxError):
        parse_expression(text)


def test_deep_nesting_is_refused_not_a_crash() -> None:
    with pytest.raises(ExpressionSyntaxError):
        parse_expression("(" * 500 + "1" + ")" * 500)


def test_huge_ranges_are_refused() -> None:
    with pytest.raises(EvalError):
        evaluate("range(100000000)")
    with pytest.raises(EvalError):
        evaluate("[for i in range(20000) : i]")

"""Where a Terraform resource's secret attribute (a database's master password) comes from, read from the code.

Evaluation replaces a variable by its value, so whether a password was a literal, a variable's default or a
value given at apply is told here, from the attribute's expression (a ``.tf`` file's text, or a plan's
``configuration`` section). The answers are the values of the catalog's ``master_password`` property:

- ``generated``: the expression names a ``random_password`` (or ``random_string``) resource;
- ``secret_store``: it names a Secrets Manager secret or an SSM parameter (resource or data source);
- ``default``: it names a root variable whose default is used (the password is in the code and the state);
- ``deploy_input``: it names a variable given a value outside the code's defaults (``-var``, a ``.tfvars``
  file) or one with no default;
- ``literal``: it names nothing and evaluates to a string (a literal in the code).

A password built from locals, or passed into a module as an argument, is not followed: it answers ``""`` (not
stated), never a guess.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wadesk.importers.terraform import syntax_tree as ast

#: Resource type -> its secret attributes (dotted through nested blocks) and the CloudFormation property path
#: the translated resource gives them.
SECRET_ATTRIBUTES: dict[str, dict[str, str]] = {
    "aws_db_instance": {"password": "MasterUserPassword"},
    "aws_rds_cluster": {"master_password": "MasterUserPassword"},
    "aws_docdb_cluster": {"master_password": "MasterUserPassword"},
    "aws_redshift_cluster": {"master_password": "MasterUserPassword"},
    "aws_opensearch_domain": {
        "advanced_security_options.master_user_options.master_user_password": (
            "AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword"
        )
    },
    "aws_elasticsearch_domain": {
        "advanced_security_options.master_user_options.master_user_password": (
            "AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword"
        )
    },
}
_GENERATED = ("random_password.", "random_string.")
_STORES = ("aws_secretsmanager_", "aws_ssm_parameter")


def classify(references: Iterable[str], literal: bool, variable_origin: Callable[[str], str]) -> str:
    """The origin of a secret from the references its expression makes (``var.x``, ``random_password.y.result``).

    Args:
        references: the traversals the expression names, as dotted text.
        literal: whether the expression names nothing and evaluates to a string.
        variable_origin: ``"default"``, ``"deploy_input"`` or ``""`` for a variable's name.
    """
    names = list(references)
    if any(name.startswith(_GENERATED) for name in names):
        return "generated"
    if any(store in name for name in names for store in _STORES):
        return "secret_store"
    origins = [variable_origin(name[4:].split(".", 1)[0]) for name in names if name.startswith("var.")]
    for origin in ("default", "deploy_input"):
        if origin in origins:
            return origin
    return "literal" if literal and not names else ""


def references_in(node: ast.Node) -> list[str]:
    """The traversals an HCL expression names, as dotted text up to three steps (``data.aws_x.y``)."""
    # Imported here: a plan never parses HCL, and the expression tree's classes cost a check of one
    # about a twentieth of its time to create.
    from wadesk.importers.terraform import syntax_tree as ast

    found: list[str] = []

    def visit(item: Any) -> None:
        if isinstance(item, ast.GetAttr | ast.Variable):
            steps: list[str] = []
            current: Any = item
            while isinstance(current, ast.GetAttr):
                steps.append(current.name)
                current = current.target
            if isinstance(current, ast.Variable):
                found.append(".".join([current.name, *reversed(steps)][:3]))
                return
        if isinstance(item, ast.Node):
            for field in dataclasses.fields(item):
                visit(getattr(item, field.name))
        elif isinstance(item, tuple | list):
            for part in item:
                visit(part)

    visit(node)
    return [name for name in found if name.split(".", 1)[0] not in ("each", "count", "path", "self", "terraform")]


def nested_attribute(body: Any, path: str, blocks: Callable[[Any, str], list[Any]], attrs: Callable[[Any], Any]) -> Any:
    """An attribute under nested blocks (``a.b.c``: attribute ``c`` of the first block ``b`` of block ``a``)."""
    steps = path.split(".")
    current = body
    for step in steps[:-1]:
        found = blocks(current, step)
        if not found:
            return None
        current = found[0]
    return attrs(current).get(steps[-1])

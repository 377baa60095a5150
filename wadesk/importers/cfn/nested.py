"""Nested stacks whose template is a file beside the parent: their resources are imported with the parent's.

A ``AWS::CloudFormation::Stack`` (or the stack a SAM ``AWS::Serverless::Application`` becomes) whose
``TemplateURL`` is a relative path, as ``aws cloudformation package`` and ``sam build`` take it before uploading,
is read from that file when it exists:

- its ``Parameters`` are fed from the stack resource's ``Parameters``: plain values as if given on the command
  line, references to the parent's resources (or to imports, or to another nested stack's outputs) as they are, so
  the child's resources sit in the parent's VPC and subnets;
- its resources are drawn with the stack's logical id as prefix (``Network.PublicSubnet``), located at the stack
  resource's line in the parent (the file the report and SARIF speak of);
- the parent's ``!GetAtt Stack.Outputs.Name`` is the child's output value, resolved while the parent is evaluated
  (so ``!Split [",", !GetAtt Network.Outputs.Subnets]`` gives the subnets);
- nested stacks of the child are expanded the same way, at most ``MAX_NESTING`` levels deep and
  ``MAX_NESTED_TEMPLATES`` templates in all; a template that includes itself (directly or not) is not read again.

A stack that cannot be expanded (a URL, which is never fetched; a missing file; too deep; a cycle; a child that
cannot be imported) keeps the current drawing, one CloudFormation node, and the reason is listed with the values
not resolved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wadesk.importers.cfn.values import Interpolated, ResourceRef, Template, UnresolvedValue, Value
from wadesk.importers.errors import ImportSourceError, printable

if TYPE_CHECKING:
    from wadesk.importers.cfn.intrinsics import Evaluator

#: Templates nested deeper than this (the parent is level 0) are not read.
MAX_NESTING = 5
#: The most nested templates one import reads (stacks that each nest the same wide template multiply).
MAX_NESTED_TEMPLATES = 50
#: Marks, during a child's evaluation, a reference to one of the parent's resources (told apart from the child's).
_PARENT = "\x00parent\x00"


@dataclass(frozen=True)
class Nesting:
    """Where a template sits among the templates one import reads.

    Attributes:
        chain: the templates being read, outermost first, this one last (resolved paths).
        reads: how many nested templates the import has read so far (one counter, shared by all).
    """

    chain: tuple[Path, ...]
    reads: list[int] = field(default_factory=lambda: [0])

    def deeper(self, path: Path) -> Nesting:
        """The place of ``path``, nested in this template."""
        return Nesting((*self.chain, path), self.reads)


class NestedStacks:
    """The nested stacks of one template: expanded on demand (an output asked for) or at the end (``merge``).

    Args:
        parent: the parent template's file.
        region: the region ``AWS::Region`` stands for.
        nesting: where the parent sits among the templates being read.
        evaluator: the parent's evaluator, which evaluates each stack resource's properties.
        stacks: the stack resources the parent creates, by logical id (unevaluated bodies).
    """

    def __init__(
        self,
        parent: Path,
        region: str,
        nesting: Nesting,
        evaluator: Evaluator,
        stacks: Mapping[str, dict[str, Any]],
    ) -> None:
        self.parent = parent
        self.region = region
        self.nesting = nesting
        self.chain = nesting.chain
        self.evaluator = evaluator
        self.stacks = dict(stacks)
        #: stack logical id -> its child template, renamed into the parent's logical ids
        self.expanded: dict[str, Template] = {}
        #: stack logical id -> (its TemplateURL as written, why it was not expanded)
        self.failed: dict[str, tuple[str, str]] = {}
        self._busy: set[str] = set()
        #: where a value written in the parent comes from (see ``secrets.py``): ``(raw, evaluated) -> origin``
        self.origin_of: Callable[[Any, Value], str] = lambda raw, value: ""

    # ------------------------------------------------------------------ evaluation hook
    def output(self, stack: str, name: str) -> Value | None:
        """The value of output ``name`` of nested stack ``stack``; None when it is not expanded or has none."""
        child = self.expand(stack)
        if child is None or name not in child.outputs:
            return None
        return child.outputs[name]

    def expand(self, stack: str) -> Template | None:
        """The child template of ``stack`` (read once), or None when it cannot be expanded (see ``failed``)."""
        if stack in self.expanded:
            return self.expanded[stack]
        if stack in self.failed or stack not in self.stacks:
            return None
        if stack in self._busy:
            self.failed[stack] = ("", "its parameters depend on its own outputs")
            return None
        self._busy.add(stack)
        recorded = len(self.evaluator.unresolved)
        try:
            properties = self.evaluator.value(self.stacks[stack].get("Properties", {}), stack, "Properties")
        finally:
            self._busy.discard(stack)
            # The stack resource itself is evaluated again with the others: its unresolved values are listed then.
            del self.evaluator.unresolved[recorded:]
        properties = properties if isinstance(properties, dict) else {}
        url = properties.get("TemplateURL")
        child_path, why = self._child_path(url)
        if child_path is None:
            self.failed[stack] = (printable(str(url), 120), why)
            return None
        if self.nesting.reads[0] >= MAX_NESTED_TEMPLATES:
            limit = f"one import reads at most {MAX_NESTED_TEMPLATES} nested templates"
            self.failed[stack] = (printable(str(url), 120), limit)
            return None
        self.nesting.reads[0] += 1
        given, overrides = _parameters(properties.get("Parameters"))
        raw = _dig_mapping(self.stacks[stack], "Properties", "Parameters")
        passed = properties.get("Parameters") if isinstance(properties.get("Parameters"), dict) else {}
        origins = {str(name): self.origin_of(raw[name], value) for name, value in passed.items() if name in raw}
        from wadesk.importers.cfn.template import load_nested

        try:
            nesting = self.nesting.deeper(child_path)
            child = load_nested(
                child_path, given, overrides, region=self.region, nesting=nesting, origins=origins
            )
        except ImportSourceError as error:
            self.failed[stack] = (printable(str(url), 120), f"the child template cannot be imported: {error}")
            return None
        self.expanded[stack] = _renamed_template(child, stack)
        return self.expanded[stack]

    def _child_path(self, url: Any) -> tuple[Path | None, str]:
        if not isinstance(url, str) or not url.strip():
            return None, "the template URL is not known before deployment"
        text = url.strip()
        if "://" in text or text.startswith(("serverlessrepo:", "arn:")):
            return None, "a remote template (it is never fetched): import the packaged or the child template itself"
        if Path(text).is_absolute():
            return None, "an absolute path (a nested template is read only beside its parent)"
        path = (self.parent.parent / text).resolve()
        if path in self.chain:
            names = " -> ".join(p.name for p in (*self.chain[self.chain.index(path) :], path))
            return None, f"the templates include each other ({names})"
        if len(self.chain) > MAX_NESTING:
            return None, f"nested more than {MAX_NESTING} levels deep"
        if not path.is_file():
            return None, f"no file {printable(text, 120)} beside the parent template"
        return path, ""

    # ------------------------------------------------------------------ merging
    def merge(self, template: Template) -> None:
        """Replace each expandable stack resource of ``template`` by its child's resources; list the others."""
        merged: dict[str, Any] = {}
        for key, resource in template.resources.items():
            child = self.expand(key) if key in self.stacks else None
            if child is None:
                merged[key] = resource
                continue
            for child_key, child_resource in child.resources.items():
                merged[child_key] = replace(child_resource, line=resource.line)
            template.skipped.update(child.skipped)
            template.unresolved.extend(child.unresolved)
            template.assumptions.extend(child.assumptions)
            template.assumptions.append(
                f"The nested stack {key} is read from {printable(str(resource.properties.get('TemplateURL')), 120)}: "
                f"its resources are drawn as {key}.<logical id>"
            )
        for resource in merged.values():
            resource.depends_on = tuple(d for d in resource.depends_on if d not in self.expanded)
        template.resources = merged
        for key, (url, why) in self.failed.items():
            if key in template.resources:
                template.unresolved.append(UnresolvedValue(key, "Properties.TemplateURL", url, f"not expanded: {why}"))


def _dig_mapping(body: Any, *path: str) -> dict[Any, Any]:
    """``body[path[0]][path[1]]...`` when each step is a mapping, else an empty mapping."""
    for step in path:
        body = body.get(step) if isinstance(body, dict) else None
    return body if isinstance(body, dict) else {}


def _parameters(raw: Any) -> tuple[dict[str, str], dict[str, Value]]:
    """A stack resource's ``Parameters`` as the child reads them: plain text, and references kept as they are."""
    given: dict[str, str] = {}
    overrides: dict[str, Value] = {}
    if not isinstance(raw, dict):
        return given, overrides
    for name, value in raw.items():
        text = _plain(value)
        if text is not None:
            given[str(name)] = text
        else:
            overrides[str(name)] = _marked(value)
    return given, overrides


def _plain(value: Value) -> str | None:
    """The text CloudFormation passes for a plain value (a list joined by commas), or None when it is not plain."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    if isinstance(value, list) and all(_plain(item) is not None and not isinstance(item, list) for item in value):
        return ",".join(_plain(item) or "" for item in value)
    return None


def _marked(value: Value) -> Value:
    """``value`` with each reference to a parent resource marked (so renaming the child leaves it alone)."""
    return _mapped(value, lambda ref: ResourceRef(_PARENT + ref.logical_id, ref.attribute))


def _renamed_template(child: Template, stack: str) -> Template:
    """The child's resources, outputs and report entries under the parent's ids: ``stack.<logical id>``."""
    names = set(child.resources) | set(child.skipped)

    def rename(ref: ResourceRef) -> ResourceRef:
        if ref.logical_id.startswith(_PARENT):
            return ResourceRef(ref.logical_id.removeprefix(_PARENT), ref.attribute)
        if ref.logical_id in names:
            return ResourceRef(f"{stack}.{ref.logical_id}", ref.attribute)
        return ref

    renamed = Template(path=child.path, description=child.description)
    for key, resource in child.resources.items():
        renamed.resources[f"{stack}.{key}"] = replace(
            resource,
            logical_id=f"{stack}.{key}",
            properties=_mapped(resource.properties, rename),
            metadata=_mapped(resource.metadata, rename),
            depends_on=tuple(f"{stack}.{name}" for name in resource.depends_on),
        )
    renamed.outputs = {name: _mapped(value, rename) for name, value in child.outputs.items()}
    renamed.skipped = {f"{stack}.{key}": condition for key, condition in child.skipped.items()}
    renamed.unresolved = [replace(item, logical_id=f"{stack}.{item.logical_id}") for item in child.unresolved]
    renamed.assumptions = [f"Nested stack {stack}: {sentence}" for sentence in child.assumptions]
    return renamed


def _mapped(value: Value, change: Any, depth: int = 0) -> Value:
    """``value`` with ``change`` applied to every ``ResourceRef`` inside it (lists, mappings, interpolations)."""
    if depth > 64:
        return value
    if isinstance(value, ResourceRef):
        return change(value)
    if isinstance(value, Interpolated):
        return Interpolated(tuple(change(part) if isinstance(part, ResourceRef) else part for part in value.parts))
    if isinstance(value, list):
        return [_mapped(item, change, depth + 1) for item in value]
    if isinstance(value, dict):
        return {key: _mapped(item, change, depth + 1) for key, item in value.items()}
    return value


def as_list_value(value: Value) -> Value:
    """A reference passed to a list parameter as the child reads it: text joined by commas (``!Join [",", ...]``
    of subnet references) split into its items, a single value as a list of one."""
    if isinstance(value, list):
        return value
    if not isinstance(value, Interpolated):
        return [value]
    items: list[list[Any]] = [[]]
    for part in value.parts:
        if isinstance(part, str):
            first, *rest = part.split(",")
            items[-1].append(first)
            items.extend([piece] for piece in rest)
        else:
            items[-1].append(part)
    found: list[Value] = []
    for item in items:
        parts = [part for part in item if part != ""]
        if not parts:
            continue
        if len(parts) == 1:
            found.append(parts[0])
        elif all(isinstance(part, str) for part in parts):
            found.append("".join(parts))
        else:
            found.append(Interpolated(tuple(parts)))
    return found

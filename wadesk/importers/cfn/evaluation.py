"""Walking a template's values under one set of parameter values: ``Ref`` and ``Fn::GetAtt``, conditions and
``Fn::If``, and the record of what could not be computed or was assumed (``intrinsics.py`` adds the functions
that compute values).

Conditions compare values as CloudFormation does, as text. A comparison involving a value not known before
deployment (an import, a resource attribute, a parameter without a value) is decided as "not equal", and that
assumption is recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from wadesk.importers.cfn.document import MAX_DEPTH, UnknownTag
from wadesk.importers.cfn.expressions import as_compared, describe
from wadesk.importers.cfn.values import (
    External,
    Interpolated,
    ResourceRef,
    Unresolved,
    UnresolvedValue,
    Value,
    walk,
)
from wadesk.importers.errors import ImportSourceError, printable

#: The most values one template may evaluate to (a guard against expansion bombs of any kind).
MAX_EVALUATED_VALUES = 2_000_000

#: Marks an ``AWS::NoValue``: the holder drops the property or item.
NO_VALUE: Any = type("NoValue", (), {"__repr__": lambda self: "AWS::NoValue"})()

_CONDITION_FUNCTIONS = ("Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition")


class ValueWalker:
    """Walks template values with references and conditions; records what it cannot compute and what it assumes.

    Args:
        source: the template file, for errors.
        parameters: each parameter's value (see ``parameters.py``).
        pseudo: the pseudo parameters' values (``AWS::Region``...), with the sentence each use assumes.
        mappings: the ``Mappings`` section.
        conditions: the ``Conditions`` section, unevaluated.
        resources: the logical ids of the resources created.
        not_created: logical ids of resources not imported, with why (a false condition, a rain module...).
        raw_resources: the ``Resources`` section, unevaluated (``Fn::Cidr`` reads a VPC's ``CidrBlock``).
    """

    def __init__(
        self,
        *,
        source: Any,
        parameters: dict[str, Value],
        pseudo: dict[str, tuple[Value, str]],
        mappings: Any,
        conditions: Any,
        resources: Iterable[str],
        not_created: dict[str, str],
        raw_resources: dict[str, Any],
    ) -> None:
        self.source = source
        self.parameters = parameters
        self.pseudo = pseudo
        self.mappings = mappings if isinstance(mappings, dict) else {}
        self.raw_conditions = conditions if isinstance(conditions, dict) else {}
        self.resources = set(resources)
        self.not_created = not_created
        self.raw_resources = raw_resources
        #: logical ids of preprocessor modules (rain's ``!Rain::Module``), whose resources take their id as prefix
        self.modules: set[str] = set()
        self.unresolved: list[UnresolvedValue] = []
        self.assumptions: list[str] = []
        self._assumed: set[str] = set()
        self._budget = MAX_EVALUATED_VALUES
        self._owner = ""
        self._conditions: dict[str, bool | None] = {}  # None while being evaluated
        self._condition_chain: list[str] = []
        self._cidr_lookups: set[str] = set()
        self._depth = 0
        #: ``(stack, output name) -> value`` of a nested stack the reader expanded, or None (see ``nested.py``)
        self.nested_outputs: Callable[[str, str], Value | None] | None = None
        self._functions: dict[str, Callable[[Any, str], Value]] = {
            "Ref": self._ref,
            "Fn::GetAtt": self._get_att,
            "Fn::If": self._if,
            "Fn::Transform": self._transform,
            **{name: self._condition_function(name) for name in _CONDITION_FUNCTIONS if name != "Condition"},
            **self._value_functions(),
        }

    def _value_functions(self) -> dict[str, Callable[[Any, str], Value]]:
        """The functions that compute values, by name (a subclass adds them; see ``intrinsics.py``)."""
        return {}

    # -------------------------------------------------------------------------------------------- entry points

    def value(self, raw: Any, owner: str, path: str) -> Value:
        """``raw`` evaluated; what cannot be computed is reported under ``owner`` (a logical id) and ``path``."""
        before, self._owner = self._owner, owner
        try:
            return self.evaluate(raw, path)
        finally:
            # A value evaluated while another is (a nested stack's parameters, asked for by an output) leaves the
            # outer owner in place.
            self._owner = before

    def condition(self, name: str) -> bool:
        """The value of the named condition (evaluated once, with cycle detection)."""
        if name in self._conditions:
            known = self._conditions[name]
            if known is None:
                chain = self._condition_chain[self._condition_chain.index(name) :] + [name]
                raise ImportSourceError(self.source, f"circular condition: {' -> '.join(chain)}")
            return known
        if name not in self.raw_conditions:
            raise ImportSourceError(self.source, f"no condition named {printable(name, 80)!r} in Conditions")
        self._conditions[name] = None
        self._condition_chain.append(name)
        owner = self._owner
        self._owner = "Conditions"
        try:
            result = self._truth(self.raw_conditions[name], name)
        finally:
            self._owner = owner
            self._condition_chain.pop()
        self._conditions[name] = result
        return result

    def report(self, owner: str, path: str, expression: str, reason: str) -> None:
        """Record a value that could not be resolved, outside any evaluation."""
        self.unresolved.append(UnresolvedValue(owner, path, printable(expression, 120), printable(reason, 300)))

    def assume(self, sentence: str) -> None:
        """Record an assumption once."""
        if sentence not in self._assumed:
            self._assumed.add(sentence)
            self.assumptions.append(sentence)

    # ------------------------------------------------------------------------------------------------ walking

    def evaluate(self, raw: Any, path: str) -> Value:
        self._budget -= 1
        if self._budget < 0:
            raise ImportSourceError(
                self.source, f"the template expands to more than {MAX_EVALUATED_VALUES:,} values; not evaluated"
            )
        if isinstance(raw, dict | list):
            self._depth += 1
            try:
                if self._depth > MAX_DEPTH:
                    where = printable(path, 60)
                    raise ImportSourceError(
                        self.source, f"{self._owner}: values nest deeper than {MAX_DEPTH} levels (at {where})"
                    )
                return self._evaluate_container(raw, path)
            finally:
                self._depth -= 1
        if isinstance(raw, UnknownTag):
            return self.unresolved_value(
                str(raw),
                f"!{raw.tag} is not a CloudFormation function (a preprocessor directive such as rain's); "
                "its value is not read",
                path,
            )
        return raw

    def _evaluate_container(self, raw: dict[Any, Any] | list[Any], path: str) -> Value:
        if isinstance(raw, dict):
            if len(raw) == 1:
                (key,) = raw
                if key == "Ref" or (isinstance(key, str) and key.startswith("Fn::")):
                    return self._call(key, raw[key], path)
            result: dict[str, Value] = {}
            for key, item in raw.items():
                if key == "Fn::Transform":
                    self._transform(item, path)
                    continue
                value = self.evaluate(item, f"{path}.{key}" if path else str(key))
                if value is not NO_VALUE:
                    result[str(key)] = value
            return result
        items = (self.evaluate(item, f"{path}[{index}]") for index, item in enumerate(raw))
        return [item for item in items if item is not NO_VALUE]

    def unresolved_value(self, expression: str, reason: str, path: str) -> Unresolved:
        """An ``Unresolved``, recorded for the report under the current owner and ``path``."""
        expression, reason = printable(expression, 120), printable(reason, 300)
        self.unresolved.append(UnresolvedValue(self._owner, path, expression, reason))
        return Unresolved(expression, reason)

    def _call(self, function: str, argument: Any, path: str) -> Value:
        if isinstance(argument, UnknownTag):
            return self.evaluate(argument, path)
        handler = self._functions.get(function)
        if handler is None:
            return self.unresolved_value(
                describe({function: argument}), f"{function} is not a function this reader evaluates", path
            )
        return handler(argument, path)

    def _bad_shape(self, function: str, argument: Any, expected: str, path: str) -> Unresolved:
        return self.unresolved_value(describe({function: argument}), f"{function} expects {expected}", path)

    # ----------------------------------------------------------------------------------------- Ref and GetAtt

    def _ref(self, argument: Any, path: str) -> Value:
        if isinstance(argument, dict):
            # AWS::LanguageExtensions allows a computed name (``!Ref {Fn::Sub: Table${Name}}`` in a loop)
            computed = self.evaluate(argument, path)
            argument = computed if isinstance(computed, str) else argument
        if not isinstance(argument, str):
            return self._bad_shape("Ref", argument, "the name of a parameter or resource", path)
        return self._named(argument, None, path, f"Ref {argument}")

    def _named(self, name: str, attribute: str | None, path: str, expression: str) -> Value:
        if attribute is None and name in self.parameters:
            value = self.parameters[name]
            if isinstance(value, Unresolved):
                return self.unresolved_value(value.expression, value.reason, path)
            return list(value) if isinstance(value, list) else value
        if attribute is None and name.startswith("AWS::"):
            return self._pseudo(name, path)
        if name in self.resources:
            if attribute and attribute.startswith("Outputs.") and self.nested_outputs is not None:
                found = self.nested_outputs(name, attribute.removeprefix("Outputs."))
                if found is not None:
                    return found
            return ResourceRef(name, attribute)
        if name in self.not_created:
            return self.unresolved_value(expression, self.not_created[name], path)
        module = next((module for module in self.modules if name.startswith(module)), None)
        if module is not None:
            reason = f"{name} is probably made by the module {module}, which is not expanded"
        elif attribute is None:
            reason = f"{name} is neither a parameter nor a resource of the template"
        else:
            reason = f"{name} is not a resource of the template"
        return self.unresolved_value(expression, reason, path)

    def _pseudo(self, name: str, path: str) -> Value:
        if name == "AWS::NoValue":
            return NO_VALUE
        if name not in self.pseudo:
            return self.unresolved_value(f"Ref {name}", f"{name} is not a pseudo parameter", path)
        value, assumption = self.pseudo[name]
        self.assume(assumption)
        return list(value) if isinstance(value, list) else value

    def _get_att(self, argument: Any, path: str) -> Value:
        if isinstance(argument, str) and "." in argument:
            argument = argument.split(".", 1)
        if isinstance(argument, list) and len(argument) == 2 and isinstance(argument[0], dict):
            # AWS::LanguageExtensions allows the logical id to be computed (``!Sub Bucket${Name}`` in a loop)
            computed = self.evaluate(argument[0], path)
            if isinstance(computed, str):
                argument = [computed, argument[1]]
        if not (isinstance(argument, list) and len(argument) == 2 and isinstance(argument[0], str)):
            return self._bad_shape("Fn::GetAtt", argument, "[resource, attribute]", path)
        name, attribute = argument
        if not isinstance(attribute, str):
            attribute = self.evaluate(attribute, path)
            if not isinstance(attribute, str):
                return self.unresolved_value(
                    describe({"Fn::GetAtt": argument}), "the attribute name cannot be computed", path
                )
        return self._named(name, attribute, path, f"Fn::GetAtt {name}.{attribute}")

    # ------------------------------------------------------------------------------------------- conditions

    def _if(self, argument: Any, path: str) -> Value:
        if not (isinstance(argument, list) and len(argument) == 3 and isinstance(argument[0], str)):
            return self._bad_shape("Fn::If", argument, "[condition, value if true, value if false]", path)
        chosen = argument[1] if self.condition(argument[0]) else argument[2]
        return self.evaluate(chosen, path)

    def _condition_function(self, function: str) -> Callable[[Any, str], Value]:
        def handler(argument: Any, path: str) -> Value:
            return self._truth({function: argument}, self._condition_chain[-1] if self._condition_chain else path)

        return handler

    def _truth(self, raw: Any, name: str) -> bool:
        """A condition expression's truth value; ``name`` is the condition being evaluated, for messages."""
        self._budget -= 1
        if isinstance(raw, bool):
            return raw
        if not (isinstance(raw, dict) and len(raw) == 1):
            raise ImportSourceError(self.source, f"condition {name} is not a condition function: {describe(raw)}")
        ((function, argument),) = raw.items()
        if function == "Condition":
            if not isinstance(argument, str):
                raise ImportSourceError(self.source, f"condition {name}: Condition expects a condition name")
            return self.condition(argument)
        if function == "Fn::Not":
            operands = argument if isinstance(argument, list) else [argument]
            if len(operands) != 1:
                raise ImportSourceError(self.source, f"condition {name}: Fn::Not expects one condition")
            return not self._truth(operands[0], name)
        if function in ("Fn::And", "Fn::Or"):
            if not isinstance(argument, list) or not argument:
                raise ImportSourceError(self.source, f"condition {name}: {function} expects a list of conditions")
            truths = [self._truth(item, name) for item in argument]
            return all(truths) if function == "Fn::And" else any(truths)
        if function == "Fn::Equals":
            if not (isinstance(argument, list) and len(argument) == 2):
                raise ImportSourceError(self.source, f"condition {name}: Fn::Equals expects two values")
            left, right = (self.evaluate(item, f"{name}") for item in argument)
            return self._equal(left, right, name)
        if function in ("Ref", "Fn::FindInMap", "Fn::If", "Fn::Select"):
            value = self.evaluate(raw, name)
            if isinstance(value, bool) or value in ("true", "false"):
                return value is True or value == "true"
        raise ImportSourceError(self.source, f"condition {name}: {function} is not a condition function")

    def _equal(self, left: Value, right: Value, name: str) -> bool:
        known = [not any(isinstance(item, ResourceRef | External | Unresolved | Interpolated) for item in walk(side))
                 for side in (left, right)]
        if all(known):
            return bool(as_compared(left) == as_compared(right))
        if left == right:
            return True
        self.assume(
            f"Condition {name} compares a value known only at deployment ({printable(str(left), 60)} with "
            f"{printable(str(right), 60)}); they are taken as different"
        )
        return False

    # ------------------------------------------------------------------------------- outside the template

    def _transform(self, argument: Any, path: str) -> Value:
        name = argument.get("Name") if isinstance(argument, dict) else None
        parameters = argument.get("Parameters") if isinstance(argument, dict) else None
        location = parameters.get("Location") if isinstance(parameters, dict) else None
        if name == "AWS::Include":
            reason = f"AWS::Include of {printable(str(location), 120)} is not read"
        else:
            reason = f"the macro {printable(str(name), 80)} is not run"
        return self.unresolved_value(describe({"Fn::Transform": argument}), reason, path)

"""SAM expansion: a template with ``Transform: AWS::Serverless-2016-10-31`` becomes plain CloudFormation.

The expansion is aws-sam-translator's, run offline: AWS managed policy names resolve through the map bundled
with the translator (never IAM), and the region is the one the import assumes (never a boto3 session's). The
translator is imported inside ``expand_sam`` only, so templates without the transform never pay for it.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from wadesk.importers.cfn.document import Document, read_document
from wadesk.importers.cfn.parameters import ACCOUNT_ID
from wadesk.importers.errors import ImportSourceError, printable

_SAM_PREFIX = "AWS::Serverless::"
_IMPLICIT_APIS = {"ServerlessRestApi": ("Api",), "ServerlessHttpApi": ("HttpApi",)}


def expand_sam(
    document: Document, given: Mapping[str, str], *, region: str
) -> tuple[dict[str, Any], dict[str, str], list[str]]:
    """The template with its SAM resources translated, for each generated resource the SAM resource it came
    from, and what was assumed to translate it offline.

    Templates are usually read before ``sam build``/``sam package``: local artifact paths (``CodeUri:
    hello_world/``) are taken as uploaded to S3, as ``sam package`` would do, and a container-image function
    without ``ImageUri`` gets a placeholder image. Nested applications (``AWS::Serverless::Application``) become
    the ``AWS::CloudFormation::Stack`` SAM would make, without asking the Serverless Application Repository.

    Args:
        document: the template as read.
        given: parameter values given for the import (the translator resolves a few references with them).
        region: the region assumed.

    Returns:
        The translated template, ``{generated logical id: SAM logical id}`` (resources the template spelled
        out itself are not in it) and the assumptions made, in words.

    Raises:
        ImportSourceError: the translator refuses the template (its message is kept).
    """
    import logging

    try:
        from samtranslator.model.exceptions import InvalidDocumentException, InvalidTemplateException
        from samtranslator.parser.parser import Parser
        from samtranslator.plugins.application.serverless_app_plugin import ServerlessAppPlugin
        from samtranslator.translator.translator import Translator
    except (ImportError, OSError) as error:  # not installed, or a bundle without its data files
        reason = f"SAM templates need the aws-sam-translator package, which cannot be loaded ({error})"
        raise ImportSourceError(document.path, printable(reason, 300)) from None

    original = document.data.get("Resources")
    if not isinstance(original, dict):
        return document.data, {}, []
    prepared, assumptions = _prepared_offline(document.data, region, document.path.parent)
    parameter_values: dict[str, Any] = {
        "AWS::Region": region,
        "AWS::Partition": "aws-cn" if region.startswith("cn-") else "aws",
        "AWS::AccountId": ACCOUNT_ID,
        "AWS::StackName": document.path.stem,
        **given,
    }

    def no_repository() -> Any:
        raise RuntimeError("the Serverless Application Repository is not queried during an import")

    session: Any = SimpleNamespace(region_name=region)  # all the translator reads of a boto3 session
    plugins: Any = [ServerlessAppPlugin(parameters=parameter_values, sar_client_creator=no_repository)]
    translator = Translator({}, Parser(), plugins=plugins, boto_session=session)
    logger = logging.getLogger("samtranslator")
    level = logger.level
    logger.setLevel(logging.ERROR)  # its feature-toggle notices would reach the terminal
    try:
        translated = translator.translate(prepared, parameter_values=parameter_values, get_managed_policy_map=dict)
    except InvalidDocumentException as error:
        causes = "; ".join(cause.message for cause in getattr(error, "causes", [])) or error.message
        raise ImportSourceError(document.path, f"invalid SAM template: {printable(causes, 1000)}") from None
    except InvalidTemplateException as error:
        raise ImportSourceError(document.path, f"invalid SAM template: {printable(error.message, 1000)}") from None
    except Exception as error:  # the translator's internals raise anything on odd input  # noqa: BLE001
        message = printable(f"{type(error).__name__}: {error}", 500)
        raise ImportSourceError(document.path, f"the SAM transform failed: {message}") from None
    finally:
        logger.setLevel(level)
        translator.metrics.publish()  # to its dummy publisher; otherwise it warns on stderr at exit
    resources = translated.get("Resources")
    if not isinstance(resources, dict):
        raise ImportSourceError(document.path, "the SAM transform produced no Resources")
    return translated, _origins(original, resources), assumptions


#: Properties that name a local artifact before ``sam package``, by SAM resource type.
_ARTIFACTS = {
    "AWS::Serverless::Function": ("CodeUri",),
    "AWS::Serverless::LayerVersion": ("ContentUri",),
    "AWS::Serverless::StateMachine": ("DefinitionUri",),
    "AWS::Serverless::Api": ("DefinitionUri",),
    "AWS::Serverless::HttpApi": ("DefinitionUri",),
}


def _prepared_offline(data: dict[str, Any], region: str, folder: Path) -> tuple[dict[str, Any], list[str]]:
    """A copy of the template the translator can expand without AWS and without packaged artifacts."""
    prepared = copy.deepcopy(data)
    assumptions: list[str] = []
    packaged: list[str] = []
    holders: list[tuple[str, dict[str, Any]]] = []
    globals_section = prepared.get("Globals")
    if isinstance(globals_section, dict):
        for section, serverless_type in (("Function", "AWS::Serverless::Function"), ("Api", "AWS::Serverless::Api"),
                                         ("HttpApi", "AWS::Serverless::HttpApi")):
            if isinstance(globals_section.get(section), dict):
                holders.append((serverless_type, globals_section[section]))
    for logical_id, body in prepared["Resources"].items():
        if not isinstance(body, dict) or not isinstance(body.get("Properties", {}), dict):
            continue
        properties = body.setdefault("Properties", {})
        kind = body.get("Type")
        if kind == "AWS::Serverless::Application":
            body["Type"] = "AWS::CloudFormation::Stack"
            location = properties.pop("Location", None)
            if isinstance(location, dict):
                location = f"serverlessrepo:{location.get('ApplicationId')}@{location.get('SemanticVersion')}"
            properties["TemplateURL"] = location
            properties.pop("Tags", None)  # a map in SAM, a list on a stack; not needed for the drawing
            assumptions.append(f"The nested application {logical_id} is taken as a nested stack of {location}")
            continue
        holders.append((str(kind), properties))
        for name, stub in _INLINE_DEFINITIONS.get(str(kind), ()):
            if _is_transform(properties.get(name)):
                properties[name], sentence = _included(properties[name], folder, stub, f"{logical_id} {name}")
                assumptions.append(sentence)
        function_image = kind == "AWS::Serverless::Function" and properties.get("PackageType") == "Image"
        if function_image and "ImageUri" not in properties:
            properties["ImageUri"] = f"{ACCOUNT_ID}.dkr.ecr.{region}.amazonaws.com/{str(logical_id).lower()}:latest"
            assumptions.append(f"The function {logical_id} is taken to run a container image built by sam build")
    for kind, properties in holders:
        for name in _ARTIFACTS.get(kind, ()):
            value = properties.get(name)
            if isinstance(value, str) and not value.startswith("s3://"):
                properties[name] = f"s3://local-artifacts/{value.strip('./') or 'template-folder'}"
                packaged.append(f"{name} {value}")
    if packaged:
        assumptions.append(
            "Local artifacts (" + ", ".join(sorted(set(packaged))[:5]) + (", ..." if len(set(packaged)) > 5 else "")
            + ") are taken as uploaded to S3, as sam package does"
        )
    return prepared, [printable(sentence, 400) for sentence in assumptions]


#: Definitions SAM needs as a document, which templates often include (``Fn::Transform: AWS::Include``), with
#: the empty document that stands for one that cannot be read.
_INLINE_DEFINITIONS: dict[str, tuple[tuple[str, dict[str, Any]], ...]] = {
    "AWS::Serverless::Api": (("DefinitionBody", {"swagger": "2.0", "info": {"title": "included", "version": "1"},
                                                 "paths": {}}),),
    "AWS::Serverless::HttpApi": (("DefinitionBody", {"openapi": "3.0.1", "info": {"title": "included",
                                                                                   "version": "1"}, "paths": {}}),),
    "AWS::Serverless::StateMachine": (("Definition", {"StartAt": "Included", "States": {"Included": {
        "Type": "Pass", "End": True}}}),),
}


def _is_transform(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and "Fn::Transform" in value


def _included(value: dict[str, Any], folder: Path, stub: dict[str, Any], where: str) -> tuple[dict[str, Any], str]:
    """The document an ``AWS::Include`` names when it is a local file beside the template (as before ``sam
    package``), else an empty document of the same kind; and what was assumed, in words."""
    argument = value.get("Fn::Transform")
    name = argument.get("Name") if isinstance(argument, dict) else None
    parameters = argument.get("Parameters") if isinstance(argument, dict) else None
    location = parameters.get("Location") if isinstance(parameters, dict) else None
    if name == "AWS::Include" and isinstance(location, str) and location and "://" not in location:
        candidate = folder / location
        if candidate.is_file():
            try:
                included = read_document(candidate).data
            except ImportSourceError as error:
                return copy.deepcopy(stub), printable(
                    f"{where} includes {location}, which cannot be read ({error.reason}); it is taken as empty", 400
                )
            return included, printable(f"{where} is read from {location} (AWS::Include)", 400)
    what = f"AWS::Include of {location}" if name == "AWS::Include" else f"the macro {name}"
    return copy.deepcopy(stub), printable(f"{where} comes from {what}, which is not read: it is taken as empty", 400)


def _origins(original: dict[str, Any], translated: dict[str, Any]) -> dict[str, str]:
    """Which SAM resource each generated resource comes from: the same id, else the longest SAM id it starts with;
    the implicit APIs (``ServerlessRestApi``...) come from the first function with an event of that kind."""
    sam_ids = [
        str(logical_id)
        for logical_id, body in original.items()
        if isinstance(body, dict) and str(body.get("Type", "")).startswith(_SAM_PREFIX)
    ]
    by_length = sorted(sam_ids, key=len, reverse=True)
    origins: dict[str, str] = {}
    for logical_id in translated:
        if logical_id in original and logical_id not in sam_ids:
            continue
        if logical_id in sam_ids:
            origins[logical_id] = logical_id
            continue
        source = next((sam_id for sam_id in by_length if logical_id.startswith(sam_id)), None)
        if source is None:
            for prefix, event_types in _IMPLICIT_APIS.items():
                if logical_id.startswith(prefix):
                    source = _first_with_event(original, sam_ids, event_types)
        if source is not None:
            origins[logical_id] = source
    return origins


def _first_with_event(original: dict[str, Any], sam_ids: list[str], event_types: tuple[str, ...]) -> str | None:
    for logical_id in sam_ids:
        properties = original[logical_id].get("Properties")
        events = properties.get("Events") if isinstance(properties, dict) else None
        if isinstance(events, dict) and any(
            isinstance(event, dict) and event.get("Type") in event_types for event in events.values()
        ):
            return logical_id
    return None

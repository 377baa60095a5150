"""SAM expansion: a template with ``Transform: AWS::Serverless-2016-10-31`` becomes plain CloudFormation.

The expansion is aws-sam-translator's, run offline: AWS managed policy names resolve through the map bundled
with the translator (never IAM), and the region is the one the import assumes (never a boto3 session's). The
translator is imported inside ``expand_sam`` only, so templates without the transform never pay for it.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

from wadesk.importers.cfn.document import Document
from wadesk.importers.cfn.parameters import ACCOUNT_ID
from wadesk.importers.errors import ImportSourceError, printable

_SAM_PREFIX = "AWS::Serverless::"
_IMPLICIT_APIS = {"ServerlessRestApi": ("Api",), "ServerlessHttpApi": ("HttpApi",)}


def expand_sam(document: Document, given: Mapping[str, str], *, region: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The template with its SAM resources translated, and for each generated resource the SAM resource it
    came from.

    Args:
        document: the template as read.
        given: parameter values given for the import (the translator resolves a few references with them).
        region: the region assumed.

    Returns:
        The translated template and ``{generated logical id: SAM logical id}``; resources the template spelled
        out itself are not in the map.

    Raises:
        ImportSourceError: the translator refuses the template (its message is kept).
    """
    from samtranslator.model.exceptions import InvalidDocumentException, InvalidTemplateException
    from samtranslator.parser.parser import Parser
    from samtranslator.translator.translator import Translator

    original = document.data.get("Resources")
    if not isinstance(original, dict):
        return document.data, {}
    parameter_values: dict[str, Any] = {
        "AWS::Region": region,
        "AWS::Partition": "aws-cn" if region.startswith("cn-") else "aws",
        "AWS::AccountId": ACCOUNT_ID,
        "AWS::StackName": document.path.stem,
        **given,
    }
    translator = Translator({}, Parser(), boto_session=SimpleNamespace(region_name=region))  # type: ignore[arg-type]
    try:
        translated = translator.translate(
            copy.deepcopy(document.data),
            parameter_values=parameter_values,
            get_managed_policy_map=dict,
        )
    except InvalidDocumentException as error:
        causes = "; ".join(cause.message for cause in getattr(error, "causes", [])) or error.message
        raise ImportSourceError(document.path, f"invalid SAM template: {printable(causes, 1000)}") from None
    except InvalidTemplateException as error:
        raise ImportSourceError(document.path, f"invalid SAM template: {printable(error.message, 1000)}") from None
    except Exception as error:  # the translator's internals raise anything on odd input  # noqa: BLE001
        message = printable(f"{type(error).__name__}: {error}", 500)
        raise ImportSourceError(document.path, f"the SAM transform failed: {message}") from None
    finally:
        translator.metrics.publish()  # to its dummy publisher; otherwise it warns on stderr at exit
    resources = translated.get("Resources")
    if not isinstance(resources, dict):
        raise ImportSourceError(document.path, "the SAM transform produced no Resources")
    return translated, _origins(original, resources)


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

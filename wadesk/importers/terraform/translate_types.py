"""The translators of ``aws_*`` types onto CloudFormation types and properties (see ``translate.py``).

``TYPES`` maps each Terraform type to a function of the translation context and the resource: it returns a
:class:`~.translate.Translation` (a CloudFormation type and properties, and extra resources it implies) or a
:class:`~.translate.Fold` (the resource only configures another). Property names follow the CloudFormation
resource reference; only what the mapping reads is translated, the rest keeps its Terraform name. The
translators live by family in ``translate_network.py``, ``translate_compute.py``, ``translate_storage.py``,
``translate_edge.py``, ``translate_services.py``, ``translate_devtools.py`` and ``translate_apps.py``;
their shared helpers in ``translate_common.py``.
"""

from __future__ import annotations

from wadesk.importers.terraform.translate import Translator
from wadesk.importers.terraform.translate_apps import APPS
from wadesk.importers.terraform.translate_compute import COMPUTE
from wadesk.importers.terraform.translate_devtools import DEVTOOLS
from wadesk.importers.terraform.translate_edge import EDGE
from wadesk.importers.terraform.translate_network import NETWORK
from wadesk.importers.terraform.translate_services import SERVICES, SETTINGS
from wadesk.importers.terraform.translate_storage import BUCKET_SETTINGS, DATA

#: Every ``aws_*`` type with a translation.
TYPES: dict[str, Translator] = {
    **NETWORK, **COMPUTE, **BUCKET_SETTINGS, **DATA, **EDGE, **SERVICES, **SETTINGS, **DEVTOOLS, **APPS
}

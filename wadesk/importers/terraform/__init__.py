"""The Terraform front end: plans (``terraform show -json``) and configurations (``.tf`` folders) become sources.

``read_plan`` and ``read_configuration`` give a :class:`~.values.TfSource`: the managed AWS resources with their
resolved values and references, the data sources, what is skipped, the registry-module placeholders and what could
not be evaluated. python-hcl2 is imported only when a configuration is read.
"""

"""The CloudFormation front end: templates (JSON, YAML, SAM) become designs."""

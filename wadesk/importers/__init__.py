"""Importers: infrastructure code (CloudFormation templates, Terraform plans and configurations) becomes a design."""

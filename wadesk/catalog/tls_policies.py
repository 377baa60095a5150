"""The oldest protocol each Elastic Load Balancing and CloudFront security policy lets a client negotiate.

Facts, as AWS documents them (read in 2026):

- An HTTPS or TLS listener of an Application or Network Load Balancer created without ``SslPolicy`` by
  CloudFormation, the CLI or the CDK gets ``ELBSecurityPolicy-2016-08`` (the console picks a TLS 1.2 and
  1.3 policy instead): "Security policies for your Application Load Balancer" and "... for your Network
  Load Balancer", docs.aws.amazon.com/elasticloadbalancing/latest/{application,network}/describe-ssl-policies.html.
  A Classic Load Balancer's HTTPS or SSL listener with no policy gets the same one:
  docs.aws.amazon.com/elasticloadbalancing/latest/classic/ssl-config-update.html.
- ``ELBSecurityPolicy-2016-08`` accepts TLS 1.0, 1.1 and 1.2. The policy names say their oldest version:
  ``...-TLS13-1-0-...`` from TLS 1.0, ``...-FS-1-1-...`` and ``...-TLS-1-1-...`` from 1.1, ``...-1-2-...`` from
  1.2, ``...-TLS13-1-3-...`` TLS 1.3 only; the dated policies before 2017 (``2016-08``, ``2015-05``,
  ``TLS-1-0-2015-04``, ``FS-2018-06`` and the older Classic ones) all accept TLS 1.0.
- A CloudFront distribution served with the default ``*.cloudfront.net`` certificate always uses the security
  policy ``TLSv1`` whatever ``MinimumProtocolVersion`` says (CloudFront API reference, ViewerCertificate);
  with its own certificate, ``TLSv1`` and ``TLSv1_2016`` accept TLS 1.0, ``TLSv1.1_2016`` TLS 1.1 and
  ``TLSv1.2_*`` / ``TLSv1.3_*`` only TLS 1.2 and newer.
"""

from __future__ import annotations

import re

#: What ELB applies to an HTTPS, TLS or SSL listener created without a policy by CloudFormation or the API.
ELB_DEFAULT_POLICY = "ELBSecurityPolicy-2016-08"
#: What CloudFront applies with its default certificate.
CLOUDFRONT_DEFAULT_CERTIFICATE_POLICY = "TLSv1"

#: Protocol versions, oldest first.
VERSIONS = ("SSL 3.0", "TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3")

_ELB_VERSIONED = re.compile(r"^ELBSecurityPolicy-(?:TLS13-|FS-|TLS-)1-([0-3])-", re.IGNORECASE)
_ELB_DATED_TLS10 = frozenset(
    name.lower()
    for name in (
        "ELBSecurityPolicy-2016-08",
        "ELBSecurityPolicy-2015-05",
        "ELBSecurityPolicy-2015-03",
        "ELBSecurityPolicy-2015-02",
        "ELBSecurityPolicy-2014-10",
        "ELBSecurityPolicy-2014-01",
        "ELBSecurityPolicy-2011-08",
        "ELBSecurityPolicy-FS-2018-06",
    )
)
_CLOUDFRONT = {
    "sslv3": "SSL 3.0",
    "tlsv1": "TLS 1.0",
    "tlsv1_2016": "TLS 1.0",
    "tlsv1.1_2016": "TLS 1.1",
}
_CLOUDFRONT_MODERN = re.compile(r"^tlsv1\.([23])_\d{4}$")


def elb_policy_minimum(policy: str) -> str | None:
    """The oldest protocol an ELB security policy accepts ("TLS 1.0"...); None for a name it does not know.

    An empty name is the policy ELB applies when none is named (:data:`ELB_DEFAULT_POLICY`).
    """
    name = policy.strip() or ELB_DEFAULT_POLICY
    match = _ELB_VERSIONED.match(name)
    if match:
        return f"TLS 1.{match.group(1)}"
    if name.lower() in _ELB_DATED_TLS10:
        return "TLS 1.0"
    return None


def cloudfront_policy_minimum(policy: str) -> str | None:
    """The oldest protocol a CloudFront viewer security policy accepts; None for a value it does not know."""
    name = policy.strip().lower() or CLOUDFRONT_DEFAULT_CERTIFICATE_POLICY.lower()
    if name in _CLOUDFRONT:
        return _CLOUDFRONT[name]
    match = _CLOUDFRONT_MODERN.match(name)
    return f"TLS 1.{match.group(1)}" if match else None


def older_than_tls12(version: str | None) -> bool:
    """Whether a protocol version (from the functions above) is older than TLS 1.2; False when unknown."""
    return version is not None and VERSIONS.index(version) < VERSIONS.index("TLS 1.2")


def weakest_elb_policy(policies: list[str]) -> str:
    """Of several listeners' policies, the one accepting the oldest protocol (unknown names rank last)."""

    def rank(policy: str) -> int:
        version = elb_policy_minimum(policy)
        return VERSIONS.index(version) if version is not None else len(VERSIONS)

    return min(policies, key=rank) if policies else ""

"""The content security policy is enforced (not report-only) and nothing in a template
needs an exception: no inline script, no on…= handler, no javascript: address, no style=""
attribute. The browser side is tests/browser/test_content_security_policy.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

import placezero

SOURCE = Path(placezero.__file__).parent
# Templates a browser receives; the PDFs' print templates go to WeasyPrint only
# (web.pdf.pdf_response), never to a browser.
PRINT_ONLY = {
    "pathways/templates/pathways/plan/print.html",
    "governance/templates/governance/round_print.html",
    "tracker/templates/tracker/report_print.html",
}
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")
HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def _templates() -> list[Path]:
    return [
        p
        for p in SOURCE.glob("*/templates/**/*.html")
        if str(p.relative_to(SOURCE)) not in PRINT_ONLY
    ]


def test_there_are_templates_to_check() -> None:
    assert len(_templates()) > 100


@pytest.mark.parametrize(
    ("pattern", "what"),
    [
        (INLINE_SCRIPT, "an inline <script>"),
        (HANDLER, "an inline event handler"),
        (
            re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.I),
            "a javascript: address",
        ),
        (re.compile(r"\sstyle\s*=", re.IGNORECASE), "a style attribute"),
        (re.compile(r"<style", re.IGNORECASE), "a <style> element"),
    ],
)
def test_no_template_needs_an_exception_to_the_policy(pattern: re.Pattern, what: str) -> None:
    found = [
        f"{path.relative_to(SOURCE)}:{number}"
        for path in _templates()
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert not found, f"{what} in: " + ", ".join(found)


def test_the_checks_find_what_they_look_for() -> None:
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert not INLINE_SCRIPT.search('<script src="/static/x.js"></script>')
    assert not INLINE_SCRIPT.search('<script type="application/json" id="d">')
    assert HANDLER.search('<a onclick="x()">') and not HANDLER.search('<a class="one">')


def test_the_policy_allows_nothing_inline() -> None:
    policy = settings.SECURE_CSP
    for directive in ("script-src", "style-src", "default-src"):
        assert policy[directive] == ["'self'"], directive
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert not getattr(settings, "SECURE_CSP_REPORT_ONLY", None)


@pytest.mark.django_db
def test_every_page_carries_the_enforced_policy(client) -> None:
    response = client.get("/privacy/")
    header = response["Content-Security-Policy"]
    assert "script-src 'self'" in header and "style-src 'self'" in header
    assert "Content-Security-Policy-Report-Only" not in response
    api = client.get("/api/docs")
    assert api["Content-Security-Policy"] == header

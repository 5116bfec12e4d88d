"""Resource bodies: Markdown rendered to HTML, then sanitised by nh3 (the Rust `ammonia`
library) to an allow-list of tags and attributes, so a `<script>`, an `onclick` or a
`javascript:` link written into a body never reaches a page."""

from __future__ import annotations

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "h2", "h3", "h4",
    "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
_CLASSES = {
    "p": "govuk-body", "ul": "govuk-list govuk-list--bullet", "ol": "govuk-list govuk-list--number",
    "h2": "govuk-heading-m", "h3": "govuk-heading-s", "h4": "govuk-heading-s",
    "a": "govuk-link", "table": "govuk-table",
}  # fmt: skip


def render_markdown(text: str) -> SafeString:
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        set_tag_attribute_values={tag: {"class": css} for tag, css in _CLASSES.items()},
    )
    return mark_safe(clean)

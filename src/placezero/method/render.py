"""The method documentation (`docs/method/*.md`) as safe HTML for the site's pages.

Markdown (`markdown`, with tables, fenced code and heading anchors from `toc`) is turned
into HTML and then cleaned by `nh3` to a fixed list of tags and attributes, so nothing in a
page can run script or style the site; GOV.UK classes are set on the elements by nh3 too.
Links between the pages (`equations.md#e1`) become site links (`/method/equations/#e1`);
links into the source tree have no page on the site and are kept as their text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import markdown
import nh3
from django.urls import reverse

TAGS = {
    "h1", "h2", "h3", "h4", "p", "a", "ul", "ol", "li", "strong", "em", "code", "pre",
    "blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "sup", "sub",
}  # fmt: skip
ATTRIBUTES = {"a": {"href"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "th": {"scope"}}
CLASSES = {
    "h1": "govuk-heading-xl",
    "h2": "govuk-heading-l",
    "h3": "govuk-heading-m",
    "h4": "govuk-heading-s",
    "p": "govuk-body",
    "a": "govuk-link",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "table": "govuk-table",
    "thead": "govuk-table__head",
    "tbody": "govuk-table__body",
    "tr": "govuk-table__row",
    "th": "govuk-table__header",
    "td": "govuk-table__cell",
    "hr": "govuk-section-break govuk-section-break--l govuk-section-break--visible",
    "blockquote": "govuk-inset-text",
}
PAGE_LINK = re.compile(r'<a href="(?:\./)?([a-z0-9-]+)\.md(#[^"]*)?"([^>]*)>(.*?)</a>', re.S)
OTHER_RELATIVE_LINK = re.compile(r'<a href="(?!https?://|mailto:|/|#)[^"]*"[^>]*>(.*?)</a>', re.S)
TITLE = re.compile(r"^# (.+)$", re.M)


@dataclass(frozen=True)
class MethodPage:
    slug: str
    title: str
    html: str
    sections: tuple[tuple[str, str], ...]  # (anchor, heading) of each h2


def _site_links(html: str, titles: dict[str, str]) -> str:
    """A link to another page of the method goes to its site page, named by its title when
    the text was the file's name; other relative links (into the source) keep their text."""

    def to_page(match: re.Match[str]) -> str:
        slug, anchor, attributes, text = match.groups()
        url = reverse("method:page", kwargs={"page": slug})
        if text.strip() == f"{slug}.md":
            text = titles.get(slug, slug.replace("-", " ").capitalize())
        return f'<a href="{url}{anchor or ""}"{attributes}>{text}</a>'

    html = PAGE_LINK.sub(to_page, html)
    return OTHER_RELATIVE_LINK.sub(r"<code>\1</code>", html)


def _wrap_tables(html: str) -> str:
    """Wide tables and code blocks scroll in their own box that the keyboard can reach."""
    html = html.replace(
        '<table class="govuk-table">',
        '<div class="pz-table-wrapper" role="region" tabindex="0" aria-label="Table, '
        'scrolls sideways on a narrow screen"><table class="govuk-table">',
    )
    html = html.replace("</table>", "</table></div>")
    return html.replace("<pre>", '<pre tabindex="0">')


def to_html(
    text: str, titles: dict[str, str] | None = None
) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """(title, safe HTML without the title, h2 sections) of one Markdown page."""
    converter = markdown.Markdown(extensions=["tables", "fenced_code", "toc", "sane_lists"])
    raw = converter.convert(text)
    sections = tuple(
        (item["id"], item["name"])
        for top in converter.toc_tokens
        for item in top.get("children", [])
    )
    title = converter.toc_tokens[0]["name"] if converter.toc_tokens else ""
    raw = re.sub(r"<h1[^>]*>.*?</h1>", "", raw, count=1, flags=re.S)
    clean = nh3.clean(
        raw,
        tags=TAGS,
        attributes=ATTRIBUTES,
        set_tag_attribute_values={tag: {"class": value} for tag, value in CLASSES.items()},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return title, _wrap_tables(_site_links(clean, titles or {})), sections


def titles(folder: Path) -> dict[str, str]:
    """Each page's title (its first `# ` heading), by file stem."""
    found = {}
    for path in sorted(folder.glob("*.md")):
        heading = TITLE.search(path.read_text(encoding="utf-8"))
        found[path.stem] = heading.group(1).strip() if heading else path.stem
    return found


@lru_cache(maxsize=32)
def _page(path: Path, mtime: float) -> MethodPage:
    title, html, sections = to_html(path.read_text(encoding="utf-8"), titles(path.parent))
    return MethodPage(path.stem, title or path.stem, html, sections)


def page(folder: Path, slug: str) -> MethodPage | None:
    """The page `slug` of the method folder, rendered (cached until the file changes)."""
    path = folder / f"{slug}.md"
    if not re.fullmatch(r"[a-z0-9-]+", slug) or not path.is_file():
        return None
    return _page(path, path.stat().st_mtime)

"""`{% term "headroom" %}` links a term of art to its glossary entry, at its first use on a
page: `{% term "headroom" %}` shows the term's own words, `{% term "headroom" "spare
capacity" %}` other words. The link says where it goes to a screen reader too ("headroom,
in the glossary"). An unknown key is a TemplateSyntaxError when the template is compiled."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html

from .. import glossary

register = template.Library()


class TermNode(template.Node):
    def __init__(self, key: str, words: str | None) -> None:
        self.key = key
        self.words = words

    def render(self, context: template.Context) -> str:
        entry = glossary.BY_KEY[self.key]
        words = self.words or entry.name
        return format_html(
            '<a class="govuk-link pz-term" href="{}#{}">{}<span class="govuk-visually-hidden">'
            ", in the glossary</span></a>",
            reverse("web:glossary"),
            entry.key,
            words,
        )


@register.tag
def term(parser: template.base.Parser, token: template.base.Token) -> TermNode:
    bits = token.split_contents()
    if len(bits) not in (2, 3) or any(b[0] not in "\"'" or b[-1] != b[0] for b in bits[1:]):
        raise template.TemplateSyntaxError(
            "{% term %} takes a quoted glossary key and, if wanted, quoted words: "
            '{% term "headroom" %} or {% term "headroom" "spare capacity" %}'
        )
    key = bits[1][1:-1]
    if key not in glossary.BY_KEY:
        raise template.TemplateSyntaxError(
            f"{{% term %}}: no glossary term {key!r}; known: {', '.join(sorted(glossary.BY_KEY))}"
        )
    return TermNode(key, bits[2][1:-1] if len(bits) == 3 else None)

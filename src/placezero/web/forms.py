"""GOV.UK form helpers every module uses: the error summary of one or more forms.

The summary lists every error in the order of the fields, each linking to its field
(https://design-system.service.gov.uk/components/error-summary/). Errors about the whole
form, and errors of hidden fields (which are about the whole form too), link to the first
visible field, where a person would start to put things right. Draw it with
`{% include "web/govuk/error_summary.html" %}` (context `errors`) or, for one form,
`{% load govuk_forms %}{% govuk_error_summary form %}`.
"""

from __future__ import annotations

from typing import TypedDict

from django import forms
from django.core.exceptions import ValidationError


class ErrorItem(TypedDict):
    href: str
    message: str


def error_summary_items(*bound_forms: forms.BaseForm) -> list[ErrorItem]:
    items: list[ErrorItem] = []
    for form in bound_forms:
        first = next((f.auto_id for f in form.visible_fields()), "")
        for message in form.non_field_errors():
            items.append({"href": f"#{first}", "message": message})
        for field in form.hidden_fields():
            items += [{"href": f"#{first}", "message": m} for m in field.errors]
        for field in form.visible_fields():
            items += [{"href": f"#{field.auto_id}", "message": m} for m in field.errors]
    return items


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's `ValidationError` on the form that asked for it: each message on its
    field when the service named one the form has, otherwise on the form as a whole (a
    plain `ValidationError("…")` names no field)."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for name, messages in error.message_dict.items():
        target = name if name in form.fields else None
        for message in messages:
            form.add_error(target, message)

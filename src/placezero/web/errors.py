"""The 400 page: a request the site cannot answer as sent, with what was wrong.

Views raise `django.core.exceptions.BadRequest("what is wrong; what to send instead")` for a
query parameter outside what the page offers (`?measure=bogus`); the page shows that reason.
Other 400s (Django's SuspiciousOperation: a forged host, a broken session cookie) keep a
generic message: their text is not meant for visitors.
"""

from __future__ import annotations

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    reason = str(exception) if type(exception) is BadRequest else ""
    return render(request, "400.html", {"reason": reason}, status=400)

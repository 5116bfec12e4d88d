"""Signing in and out, resetting a forgotten password, and "Your account"."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.views.generic import TemplateView

from .decorators import requires
from .forms import NewPasswordForm, ResetRequestForm, SignInForm
from .permissions import has, places_of, registered
from .session_expiry import limits


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # Sent here by session_expiry: say why, with the limit that applied.
        idle, absolute = limits()
        context["expired"] = {
            "idle": f"You were signed out after {idle // 60} minutes without activity.",
            "absolute": (
                f"You were signed out because you had been signed in for {absolute // 3600} hours."
            ),
        }.get(self.request.GET.get("expired", ""))
        return context


class SignOutView(auth_views.LogoutView):
    """POST only (Django refuses GET with 405), so a link or prefetch cannot sign you out.
    Goes to LOGOUT_REDIRECT_URL (the home page) afterwards."""


class ResetRequestView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    form_class = ResetRequestForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class ResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # The token generator's own lifetime, so the page never promises more than it gives.
        context["timeout_days"] = settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)
        return context


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")


class ResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@requires("accounts.view_own_account")
class ProfileView(TemplateView):
    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["memberships"] = user.memberships.select_related("organisation__place")
        described = {name: p for name, p in registered().items() if p.description}
        context["allowed"] = [p for name, p in described.items() if has(user, name)]
        # What the role allows only where the person belongs (accounts.standing).
        context["allowed_in_places"] = [
            (place, extra)
            for place in places_of(user)
            if (
                extra := [
                    p
                    for name, p in described.items()
                    if not has(user, name) and has(user, name, place)
                ]
            )
        ]
        return context

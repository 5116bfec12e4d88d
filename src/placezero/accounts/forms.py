"""Sign-in and password forms with GOV.UK error messages (say what is wrong and how to fix
it: https://design-system.service.gov.uk/components/error-message/)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError

from . import lockout


def _require(field: forms.Field, message: str) -> None:
    field.error_messages["required"] = message


class SignInForm(auth_forms.AuthenticationForm):
    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": (
            "The username or password is not right. Check both (they are case-sensitive) "
            "and try again, or reset your password."
        ),
        "inactive": "This account has been closed. Ask an administrator to reopen it.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _require(self.fields["username"], "Enter your username")
        _require(self.fields["password"], "Enter your password")
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "spellcheck": "false", "autocapitalize": "none"}
        )
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"

    def clean(self) -> dict[str, Any]:
        # Said before the password is checked, so a paused username hears why it is refused.
        if lockout.is_locked(self.data.get("username")):
            raise ValidationError(lockout.message(), code="locked")
        try:
            return super().clean()
        except ValidationError:
            if lockout.is_locked(self.data.get("username")):  # this failure was the limit'th
                raise ValidationError(lockout.message(), code="locked") from None
            raise


class ResetRequestForm(auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


class NewPasswordForm(auth_forms.SetPasswordForm):
    error_messages = {
        "password_mismatch": "The two passwords do not match. Enter the same password twice.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "New password"
        self.fields["new_password2"].label = "Confirm new password"
        _require(self.fields["new_password1"], "Enter a new password")
        _require(self.fields["new_password2"], "Enter the new password again")
        for name in ("new_password1", "new_password2"):
            self.fields[name].widget.attrs["autocomplete"] = "new-password"

from __future__ import annotations

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class AccountsConfig(AppConfig):
    name = "placezero.accounts"
    label = "accounts"
    verbose_name = "Accounts, organisations and roles"

    def ready(self) -> None:
        # Each app declares its rules in its own permissions.py; import them all once so the
        # registry is complete before the first request (accounts.permissions).
        autodiscover_modules("permissions")
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from . import lockout

        user_login_failed.connect(lockout.on_login_failed, dispatch_uid="accounts.lockout")
        user_logged_in.connect(lockout.on_logged_in, dispatch_uid="accounts.lockout")

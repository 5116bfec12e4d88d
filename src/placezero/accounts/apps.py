from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "placezero.accounts"
    label = "accounts"
    verbose_name = "Accounts, organisations and roles"

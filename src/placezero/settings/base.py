"""Settings shared by every environment; dev, test and production add to these."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# The checkout root in development; var/ holds the SQLite database and other local state.
BASE_DIR = Path(os.environ.get("PLACEZERO_HOME", PACKAGE_DIR.parent.parent))
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)

SECRET_KEY = os.environ.get("PLACEZERO_SECRET_KEY", "insecure-development-key-change-me")
DEBUG = False
ALLOWED_HOSTS = os.environ.get("PLACEZERO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    # django-ninja's own templates and static Swagger UI: /api/docs loads nothing from a CDN.
    "ninja",
    # The shared history of every model whose changes matter (placezero.activity).
    "simple_history",
    "placezero.accounts",
    "placezero.places",
    "placezero.web",
    "placezero.tables",
    "placezero.api",
    "placezero.jobs",
    "placezero.activity",
    "placezero.publishing",
    "placezero.pathways",
    "placezero.community",
    "placezero.governance",
    "placezero.tracker",
    "placezero.advisory",
    "placezero.landscape",
    "placezero.method",
    "placezero.feedback",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The content security policy below, enforced in every environment (SECURE_CSP).
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff sessions end after PLACEZERO_STAFF_SESSION's idle and absolute times.
    "placezero.accounts.session_expiry.StaffSessionExpiryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Who made a change: the signed-in person of the request, kept in each history row.
    "simple_history.middleware.HistoryRequestMiddleware",
    # JOBS_WORKER = "thread": the first request starts this process's worker thread.
    "placezero.jobs.middleware.ThreadWorkerMiddleware",
]

# Content security policy (Django's own, decision 0017): scripts, styles, fonts and data from
# this site only, nothing inline. No template has an inline <script>, an on…= handler, a
# javascript: link or a style="" attribute (a colour or a width is an SVG attribute, which
# style-src does not govern), so there is no nonce to hand out and the policy is the same on
# every page, cacheable with it. json_script blocks (type application/json) are data, not
# scripts: the browser never runs them, so script-src does not apply. Map tiles are not
# fetched (Leaflet draws boundaries only); data: images are GOV.UK Frontend's and Swagger
# UI's CSS icons.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

ROOT_URLCONF = "placezero.urls"
WSGI_APPLICATION = "placezero.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "placezero.web.context_processors.site",
                "placezero.activity.context_processors.inbox",
            ],
        },
    },
]

# SQLite is the embedded default; set DATABASE_URL (postgres://…) for PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'placezero.sqlite3'}",
        conn_max_age=int(os.environ.get("PLACEZERO_DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# Roles answer `user.has_perm("placezero:…")` and give officers read-only admin (accounts.backends).
AUTHENTICATION_BACKENDS = [
    # First: a username locked after too many wrong passwords is refused before any check.
    "placezero.accounts.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
    "placezero.accounts.backends.RolePermissionBackend",
]
# Ten wrong passwords in a row pause signing in with that username (accounts.lockout).
PLACEZERO_SIGN_IN_LOCKOUT = {"failures": 10, "minutes": 15}
# Partner editors, officers and administrators are signed out after this long without a
# request, and after the absolute time however busy (accounts.session_expiry); residents
# and members keep Django's default session age.
PLACEZERO_STAFF_SESSION = {
    "idle_minutes": int(os.environ.get("PLACEZERO_STAFF_IDLE_MINUTES", "30")),
    "absolute_hours": int(os.environ.get("PLACEZERO_STAFF_ABSOLUTE_HOURS", "8")),
}
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Uploaded files (advisory documents); served through views that check permissions, never
# straight from MEDIA_URL. `placezero backup` keeps them with the database.
MEDIA_ROOT = Path(os.environ.get("PLACEZERO_MEDIA_ROOT", VAR_DIR / "media"))

# Django 6.1 configures email through MAILERS; the console backend prints mail (password
# reset links) to the terminal in development. `make demo` loads its demo content with the
# dummy backend (PLACEZERO_MAIL_BACKEND), so the notifications the demo's own steps cause
# reach the inboxes without printing dozens of emails over the demo accounts.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "PLACEZERO_MAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
        )
    }
}
DEFAULT_FROM_EMAIL = os.environ.get(
    "PLACEZERO_DEFAULT_FROM_EMAIL", "placezero <no-reply@placezero.invalid>"
)
# The site's own address, for links in emails (notifications, unsubscribe links).
PLACEZERO_SITE_URL = os.environ.get("PLACEZERO_SITE_URL", "http://127.0.0.1:8000")

# The method documentation the site shows as "How the figures are made" (placezero.method).
PLACEZERO_METHOD_DIR = Path(os.environ.get("PLACEZERO_METHOD_DIR", BASE_DIR / "docs" / "method"))
# The place shown when a page does not name one.
PLACEZERO_DEFAULT_PLACE = os.environ.get("PLACEZERO_DEFAULT_PLACE", "leicestershire")
# Where the raw national files live (../shared/data in development); `--data-dir` overrides.
PLACEZERO_DATA_DIR = Path(os.environ.get("PLACEZERO_DATA_DIR", BASE_DIR.parent / "shared" / "data"))
# Background jobs of every app (placezero/jobs/workers.py): "thread" runs them in the web
# process (no extra service), "external" leaves them to `placezero worker` processes. The
# old variable PLACEZERO_PATHWAY_JOBS_WORKER is still read, with a warning (jobs.W001).
JOBS_WORKER = (
    os.environ.get("PLACEZERO_JOBS_WORKER")
    or os.environ.get("PLACEZERO_PATHWAY_JOBS_WORKER")
    or "thread"
)
# Every worker beats this often, a job or not; one silent for the timeout is taken for dead
# and its running jobs are marked failed (the timeout is at least three beats: jobs.E003).
JOBS_HEARTBEAT_S = float(os.environ.get("PLACEZERO_JOBS_HEARTBEAT_S", "5"))
JOBS_WORKER_TIMEOUT_S = float(os.environ.get("PLACEZERO_JOBS_WORKER_TIMEOUT_S", "60"))
JOBS_POLL_S = 2.0  # seconds between looks at an empty queue
JOBS_PROGRESS_INTERVAL_S = 0.2  # at most one progress write per run this often

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"placezero": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

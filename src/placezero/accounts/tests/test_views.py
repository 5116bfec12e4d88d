"""HTTP behaviour per role: public pages, Your account, Django admin, and the 403 page."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.generic import View

from placezero.accounts.decorators import requires
from placezero.accounts.models import User
from placezero.accounts.options import Role
from placezero.accounts.permissions import UnknownPermission
from placezero.api.tests.factories import PlaceFactory

from .factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

SIGNED_IN_ROLES = Role.values
ADMIN_ROLES = {Role.OFFICER, Role.ADMINISTRATOR}


def client_for(role: str | None) -> Client:
    client = Client()
    if role is not None:
        client.force_login(UserFactory(role=role))
    return client


@pytest.mark.parametrize("role", [None, *SIGNED_IN_ROLES])
def test_home_page_is_open_to_everyone(role: str | None) -> None:
    assert client_for(role).get("/").status_code == 200


def test_your_account_sends_the_public_to_sign_in() -> None:
    response = Client().get("/accounts/profile/")
    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next=/accounts/profile/"


@pytest.mark.parametrize("role", SIGNED_IN_ROLES)
def test_your_account_shows_name_and_role(role: str) -> None:
    user = UserFactory(role=role, first_name="Pat", last_name="Example")
    client = Client()
    client.force_login(user)
    page = client.get("/accounts/profile/").content.decode()
    assert "Pat Example" in page and Role(role).label in page


def test_your_account_lists_organisations() -> None:
    membership = MembershipFactory(organisation__name="Green Fox Community Energy")
    client = Client()
    client.force_login(membership.user)
    assert "Green Fox Community Energy" in client.get("/accounts/profile/").content.decode()


def test_your_account_says_what_the_role_allows_in_each_place_of_its_organisations() -> None:
    place = PlaceFactory(name="Rutland")
    officer = UserFactory(role=Role.OFFICER, place=place)
    client = Client()
    client.force_login(officer)
    page = client.get("/accounts/profile/").content.decode()
    in_place = page.split('data-place="' + place.slug + '"', 1)[1].split("</ul>", 1)[0]
    assert "In Rutland, where your organisation works" in page
    assert "Mark the preferred pathway of a place&#x27;s plan" in in_place
    assert "Open Django admin" not in in_place  # allowed everywhere, listed once above


@pytest.mark.parametrize("role", [None, *SIGNED_IN_ROLES])
def test_django_admin_is_for_officers_and_administrators(role: str | None) -> None:
    response = client_for(role).get("/admin/")
    if role in ADMIN_ROLES:
        assert response.status_code == 200
    else:
        assert response.status_code == 302 and "/admin/login/" in response.url


def test_officers_see_organisations_in_admin() -> None:
    organisation = OrganisationFactory()
    url = reverse("admin:accounts_organisation_change", args=[organisation.pk])
    assert client_for(Role.OFFICER).get(url).status_code == 200


def test_officers_cannot_change_organisations_in_admin() -> None:
    organisation = OrganisationFactory(name="Before")
    url = reverse("admin:accounts_organisation_change", args=[organisation.pk])
    response = client_for(Role.OFFICER).post(url, {"name": "After", "kind": organisation.kind})
    organisation.refresh_from_db()
    assert response.status_code == 403 and organisation.name == "Before"


def test_officers_cannot_see_peoples_accounts_in_admin() -> None:
    other = UserFactory(role=Role.RESIDENT)
    url = reverse("admin:accounts_user_change", args=[other.pk])
    assert client_for(Role.OFFICER).get(url).status_code in (302, 403)


def test_administrators_change_roles_in_admin() -> None:
    client = client_for(Role.ADMINISTRATOR)
    other = UserFactory(role=Role.RESIDENT)
    page = client.get(reverse("admin:accounts_user_change", args=[other.pk])).content.decode()
    assert 'name="role"' in page


# The decorator ----------------------------------------------------------------------------


@requires("admin.access")
def edit_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse("edited")


@requires("admin.access")
class EditView(View):
    def get(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse("edited")


def _request(user: object) -> HttpRequest:
    request = RequestFactory().get("/edit/")
    request.user = user
    return request


def test_requires_runs_the_view_when_allowed() -> None:
    response = edit_view(_request(UserFactory(role=Role.OFFICER)))
    assert response.content == b"edited"


def test_requires_refuses_with_a_403_page_giving_the_reason() -> None:
    response = edit_view(_request(UserFactory(role=Role.MEMBER)))
    assert response.status_code == 403
    assert "Only officers and administrators may do this" in response.content.decode()


def test_requires_sends_the_public_to_sign_in() -> None:
    response = edit_view(_request(AnonymousUser()))
    assert response.status_code == 302 and "next=/edit/" in response.url


def test_requires_guards_class_based_views() -> None:
    response = EditView.as_view()(_request(UserFactory(role=Role.RESIDENT)))
    assert response.status_code == 403


def test_requires_passes_the_object_to_the_rule() -> None:
    seen: list[object] = []

    def fetch(request: HttpRequest, pk: int) -> object:
        seen.append(pk)
        return None

    guarded = requires("places.view_statistics", get_object=fetch)(lambda r, pk: HttpResponse())
    guarded(_request(AnonymousUser()), pk=7)
    assert seen == [7]


def test_requires_an_unknown_permission_raises_when_decorating() -> None:
    with pytest.raises(UnknownPermission):
        requires("places.edit_tragets")


def test_administrators_add_an_officer_in_admin_and_the_flags_follow() -> None:
    client = client_for(Role.ADMINISTRATOR)
    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "newofficer",
            "email": "new@example.invalid",
            "role": Role.OFFICER,
            "usable_password": "true",
            "password1": "a-long-pass-phrase-1",
            "password2": "a-long-pass-phrase-1",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(username="newofficer")
    assert (user.role, user.is_staff, user.is_superuser) == (Role.OFFICER, True, False)

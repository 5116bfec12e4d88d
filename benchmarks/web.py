"""Web benchmarks of the pathway tool: server time from a lever change to the rendered
fragment, and the weight of the public view.

Both run the real Django stack in this process (test settings, a throwaway SQLite database in
a temporary directory, the committed Leicestershire pack loaded once), through Django's test
client: the time is the server's (URL routing, permission check, form, engine run, template),
not the network's.
"""

from __future__ import annotations

import functools
import gzip
import os
import re
import tempfile
import time
from pathlib import Path

from benchmarks.cases import COUNTY, Prepared

LEVER = "domestic_heat_pumps"  # the lever the benchmark moves; every value a new definition
LEVEL_STEPS = 300  # distinct levels cycled through, more than the results cache holds


@functools.cache
def django_site() -> Path:
    """Set up Django on a fresh SQLite file with the county loaded; returns the temp dir."""
    directory = Path(tempfile.mkdtemp(prefix="placezero-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "placezero.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{directory / 'bench.sqlite3'}"
    import django

    django.setup()
    from django.core.management import call_command

    from placezero.datapack.reader import read_pack
    from placezero.places.loader import load_pack

    call_command("migrate", verbosity=0, interactive=False)
    load_pack(read_pack(COUNTY))
    return directory


def _levels():
    """1.0 → 4.0 in LEVEL_STEPS steps, forever: each request a definition not yet cached."""
    step = 3.0 / LEVEL_STEPS
    i = 0
    while True:
        yield round(1.0 + (i % (LEVEL_STEPS + 1)) * step, 4)
        i += 1


def prepare_lever_fragment(quick: bool) -> Prepared:
    django_site()
    from django.test import Client
    from django.urls import reverse

    from placezero.pathways import forms

    client = Client(SERVER_NAME="localhost")
    url = reverse("pathways:scenario_preview", kwargs={"place_slug": COUNTY})
    levels = _levels()
    base = forms.preview_post_data()

    def one_change() -> None:
        data = {**base, **forms.lever_field(LEVER, next(levels))}
        response = client.post(url, data, headers={"HX-Request": "true"})
        if response.status_code != 200:
            raise RuntimeError(f"preview answered {response.status_code}")

    def engine_only() -> float:
        """The engine's share: one uncached simulate of the same county."""
        from placezero.engine.simulate import simulate
        from placezero.pathways import services
        from placezero.places.services import get_place

        place = get_place(COUNTY)
        scenario = services.engine_scenario(place, {"levers": {LEVER: 2.345}})
        start = time.perf_counter()
        simulate(services.place_inputs(place), scenario, services.assumptions())
        return time.perf_counter() - start

    one_change()  # the first request builds the cached engine inputs
    fragment = client.post(
        url, {**base, **forms.lever_field(LEVER, 2.5)}, headers={"HX-Request": "true"}
    ).content
    return Prepared(
        run=one_change,
        python_loop_s=None,
        arrays=lambda: [],
        notes={
            "request": f"POST {url} (htmx), {LEVER} moved to a new level each time",
            "fragment": f"{len(fragment) / 1000:.1f} kB",
            "engine simulate alone": f"{engine_only() * 1000:.1f} ms",
        },
    )


ASSET = re.compile(r'<(?:script[^>]+src|link[^>]+href)="(/static/[^"]+)"')


def _asset_bytes(url: str) -> bytes:
    from django.contrib.staticfiles import finders

    path = finders.find(url.removeprefix("/static/").split("?")[0])
    if path is None:
        raise RuntimeError(f"static file not found: {url}")
    return Path(path).read_bytes()


def prepare_public_view(quick: bool) -> Prepared:
    django_site()
    from django.test import Client
    from django.urls import reverse

    client = Client(SERVER_NAME="localhost")
    url = reverse("pathways:public", kwargs={"place_slug": COUNTY})

    def get() -> bytes:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"public view answered {response.status_code}")
        return response.content

    html = get()
    assets = {u: _asset_bytes(u) for u in dict.fromkeys(ASSET.findall(html.decode()))}
    css = sum(len(b) for u, b in assets.items() if u.endswith(".css"))
    js = sum(len(b) for u, b in assets.items() if u.endswith(".js"))
    raw = len(html) + css + js
    compressed = len(gzip.compress(html)) + sum(len(gzip.compress(b)) for b in assets.values())
    return Prepared(
        run=get,
        python_loop_s=None,
        arrays=lambda: [],
        notes={
            "page": url,
            "HTML": f"{len(html) / 1000:.0f} kB",
            "CSS": f"{css / 1000:.0f} kB",
            "JavaScript": f"{js / 1000:.0f} kB",
            "page weight": f"{raw / 1000:.0f} kB ({compressed / 1000:.0f} kB gzipped)",
            "files": 1 + len(assets),
            "fonts and images": "not counted (loaded on demand)",
        },
    )

"""One model of a place: its areas (GSS-coded authorities), zones (2011 MSOAs), the official
statistics about them, and the net zero targets set for them (with their history)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .options import AreaKind, AreaRole, DatePrecision, TargetScope


class Place(models.Model):
    """The area a partnership plans for, e.g. Leicestershire with its seven districts."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    pack_digest = models.CharField(
        max_length=64, blank=True, help_text="sha256 of the place pack last loaded"
    )
    loaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Area(models.Model):
    """A local authority area identified by its ONS GSS code."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="areas")
    code = models.CharField(max_length=9, help_text="ONS GSS code, e.g. E07000134")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=AreaKind.choices)
    role = models.CharField(max_length=20, choices=AreaRole.choices, default=AreaRole.MEMBER)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    geometry = models.JSONField(null=True, blank=True, help_text="GeoJSON geometry, WGS84")

    class Meta:
        ordering = ["place", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["place", "code"], name="area_code_unique_in_place")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Zone(models.Model):
    """The modelling zone: a 2011 Middle Layer Super Output Area (MSOA)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="zones")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="zones")
    code = models.CharField(max_length=9, help_text="MSOA 2011 code, e.g. E02005347")
    name = models.CharField(max_length=200, help_text="ONS name, e.g. Charnwood 001")
    local_name = models.CharField(
        max_length=200, blank=True, help_text="House of Commons Library name"
    )
    geometry = models.JSONField(null=True, blank=True, help_text="GeoJSON geometry, WGS84")

    class Meta:
        ordering = ["place", "code"]
        constraints = [
            models.UniqueConstraint(fields=["place", "code"], name="zone_code_unique_in_place")
        ]

    def __str__(self) -> str:
        return f"{self.local_name or self.name} ({self.code})"


class Dataset(models.Model):
    """One published source, with what the licence asks us to say when we use it."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="datasets")
    key = models.SlugField(max_length=60)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200)
    source_url = models.URLField(max_length=500, blank=True)
    licence = models.CharField(max_length=100)
    attribution = models.TextField()
    coverage = models.CharField(max_length=300, blank=True)
    method = models.TextField(blank=True, help_text="how the pack's figures were derived")
    raw_files = models.JSONField(default=list)

    class Meta:
        ordering = ["place", "title"]
        constraints = [
            models.UniqueConstraint(fields=["place", "key"], name="dataset_key_unique_in_place")
        ]

    def __str__(self) -> str:
        return self.title


class StatisticBase(models.Model):
    """A long-table figure: one variable, one year, one value with its unit."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE)
    variable = models.CharField(max_length=100)
    scenario = models.CharField(
        max_length=10, blank=True, help_text="empty for observed figures; FES code otherwise"
    )
    year = models.PositiveSmallIntegerField()
    value = models.FloatField()
    unit = models.CharField(max_length=40)

    class Meta:
        abstract = True


class AreaStatistic(StatisticBase):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="statistics")

    class Meta:
        indexes = [models.Index(fields=["area", "variable", "year"])]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "dataset", "variable", "scenario", "year"],
                name="area_statistic_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.variable} {self.scenario or ''} {self.year}: {self.value:g} {self.unit}"


class ZoneStatistic(StatisticBase):
    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="statistics")

    class Meta:
        indexes = [models.Index(fields=["zone", "variable", "year"])]
        constraints = [
            models.UniqueConstraint(
                fields=["zone", "dataset", "variable", "scenario", "year"],
                name="zone_statistic_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.variable} {self.scenario or ''} {self.year}: {self.value:g} {self.unit}"


class RenewableSite(models.Model):
    """A site from the Renewable Energy Planning Database (REPD)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="renewable_sites")
    area = models.ForeignKey(Area, null=True, on_delete=models.SET_NULL)
    ref_id = models.CharField(max_length=20)
    name = models.CharField(max_length=300)
    technology = models.CharField(max_length=100)
    capacity_mw = models.FloatField(null=True)
    status = models.CharField(max_length=100)
    planning_authority = models.CharField(max_length=200)
    lat = models.FloatField(null=True)
    lon = models.FloatField(null=True)

    class Meta:
        ordering = ["place", "name"]
        constraints = [
            models.UniqueConstraint(fields=["place", "ref_id"], name="repd_ref_unique_in_place")
        ]

    def __str__(self) -> str:
        return f"{self.name} (REPD {self.ref_id})"


class NetZeroTarget(models.Model):
    """A net zero commitment for an area. Its year lives in versions: targets change with
    politics and budgets (Leicestershire moved 2045 → 2050 in 2024), and the history matters."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="targets")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="targets")
    scope = models.CharField(max_length=20, choices=TargetScope.choices)

    # The shared history (placezero.activity); the year's own history is its versions.
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "scope"], name="one_target_per_area_scope")
        ]

    def __str__(self) -> str:
        current = self.current_version()
        year = current.net_zero_year if current else "?"
        return f"{self.area.name}: net zero by {year} ({self.get_scope_display()})"

    def current_version(self) -> TargetVersion | None:
        return self.versions.order_by("-valid_from", "-id").first()


class TargetVersion(models.Model):
    """One setting of a target: the year, from when, and the decision that set it."""

    target = models.ForeignKey(NetZeroTarget, on_delete=models.CASCADE, related_name="versions")
    net_zero_year = models.PositiveSmallIntegerField()
    valid_from = models.DateField()
    decision = models.TextField(help_text="the decision that set or changed the target")
    source = models.CharField(max_length=500, blank=True)
    date_precision = models.CharField(
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="how precisely the source dates valid_from",
    )
    assumption = models.TextField(
        blank=True, help_text="what was assumed where the source is silent, and why"
    )
    from_pack = models.BooleanField(
        default=False,
        help_text="came from the place pack; otherwise recorded by a person in the app",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    # A version corrected in admin keeps what it said before (placezero.activity).
    history = HistoricalRecords()

    class Meta:
        ordering = ["target", "valid_from"]

    def __str__(self) -> str:
        return f"net zero by {self.net_zero_year} from {self.valid_from}"


class PlaceLoad(models.Model):
    """One load of a place pack into the database: who, when, which pack, how many rows.
    Kept so an auditor can tell which published figures the site showed at any time."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="loads")
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    loaded_at = models.DateTimeField(auto_now_add=True)
    pack_digest = models.CharField(max_length=64, help_text="sha256 of the pack's manifest")
    pack_source = models.CharField(max_length=500, help_text="folder the pack was read from")
    row_counts = models.JSONField(default=dict, help_text="rows written, by table")
    duration_s = models.FloatField(help_text="wall-clock seconds the load took")

    class Meta:
        ordering = ["-loaded_at", "-id"]
        get_latest_by = "loaded_at"

    def __str__(self) -> str:
        return f"{self.place} loaded {self.loaded_at:%Y-%m-%d %H:%M} ({self.pack_digest[:12]})"

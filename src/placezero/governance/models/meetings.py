"""A body's meetings: agenda, papers, who attended, and the minutes."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords


class Meeting(models.Model):
    body = models.ForeignKey("governance.Body", on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField()
    agenda = models.TextField(help_text="one item a line")
    papers = models.TextField(
        blank=True, help_text="one paper a line: its title, then a space and its web address"
    )
    minutes = models.TextField(blank=True)
    attendees = models.ManyToManyField(
        "governance.BodyMember", blank=True, related_name="meetings_attended"
    )
    is_demo = models.BooleanField(default=False, help_text="made up for the demonstration")
    history = HistoricalRecords(m2m_fields=[attendees])

    class Meta:
        ordering = ["body", "-held_on"]

    def __str__(self) -> str:
        return f"{self.body}, {self.held_on:%-d %B %Y}"

    @property
    def place(self) -> object:
        return self.body.place

    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]

    def paper_links(self) -> list[tuple[str, str]]:
        """(title, address) of each paper line; a line without an address is a title."""
        links = []
        for line in self.papers.splitlines():
            title, _, address = line.strip().rpartition(" ")
            if address.startswith(("https://", "http://")):
                links.append((title.strip() or address, address))
            elif line.strip():
                links.append((line.strip(), ""))
        return links

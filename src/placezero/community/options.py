"""Choices of the community app."""

from __future__ import annotations

from django.db import models


class LegalForm(models.TextChoices):
    COMMUNITY_BENEFIT_SOCIETY = "cbs", "Community benefit society"
    COOPERATIVE = "coop", "Co-operative society"
    COMMUNITY_INTEREST_COMPANY = "cic", "Community interest company"
    CHARITY = "charity", "Charity or charitable incorporated organisation"
    COMPANY_BY_GUARANTEE = "clg", "Company limited by guarantee"
    UNINCORPORATED = "unincorporated", "Not yet incorporated (emerging group)"


class StepStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Waiting for sign-off"
    RETURNED = "returned", "Returned for more evidence"
    SIGNED_OFF = "signed_off", "Signed off"


class Skill(models.TextChoices):
    GOVERNANCE = "governance", "Governance and legal structures"
    ENGAGEMENT = "engagement", "Community engagement"
    FINANCE = "finance", "Finance and share offers"
    TECHNICAL_SOLAR = "solar", "Solar projects"
    TECHNICAL_WIND = "wind", "Wind projects"
    STORAGE = "storage", "Batteries and flexibility"
    GRID = "grid", "Grid connections"
    PLANNING = "planning", "Planning permission"
    FUNDRAISING = "fundraising", "Grant applications"


class ProjectStatus(models.TextChoices):
    DEVELOPING = "developing", "In development"
    OPERATING = "operating", "Operating"


class Stage(models.TextChoices):
    FEASIBILITY = "feasibility", "Feasibility"
    DEVELOPMENT = "development", "Development"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    MORE_INFORMATION = "more_information", "More information requested"
    APPROVED = "approved", "Approved"
    APPROVED_WITH_CONDITIONS = "approved_with_conditions", "Approved with conditions"
    DECLINED = "declined", "Declined"


DETERMINED = (
    ApplicationStatus.APPROVED,
    ApplicationStatus.APPROVED_WITH_CONDITIONS,
    ApplicationStatus.DECLINED,
)
APPROVED = (ApplicationStatus.APPROVED, ApplicationStatus.APPROVED_WITH_CONDITIONS)


class TeamRole(models.TextChoices):
    REVIEWER = "reviewer", "Reviewer"
    FINANCE = "finance", "Finance approver"


class MilestoneStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    APPROVED = "approved", "Approved"


class ReportStatus(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for the officer's sign-off"
    RETURNED = "returned", "Returned for changes"
    SIGNED_OFF = "signed_off", "Signed off"


class ClaimStatus(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for the officer"
    OFFICER_APPROVED = "officer_approved", "Waiting for finance"
    FINANCE_APPROVED = "finance_approved", "Approved for payment"
    PAID = "paid", "Paid"
    REJECTED = "rejected", "Rejected"


OPEN_CLAIMS = (
    ClaimStatus.SUBMITTED,
    ClaimStatus.OFFICER_APPROVED,
    ClaimStatus.FINANCE_APPROVED,
    ClaimStatus.PAID,
)

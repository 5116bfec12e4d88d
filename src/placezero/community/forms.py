"""Forms of the community pages: they check the shape of input at the edge; the rules
(deadlines, maximum awards, conflicts, claims) are the services' and come back as errors on
the form."""

from __future__ import annotations

from django import forms

from .models import BusinessCaseRecord
from .options import ApplicationStatus, LegalForm, Skill, Stage


class GroupForm(forms.Form):
    name = forms.CharField(label="Name of the group", max_length=200)
    area_code = forms.ChoiceField(label="District")
    legal_form = forms.ChoiceField(label="Legal form", choices=LegalForm.choices)
    registration_number = forms.CharField(
        label="Registration number (if registered)", max_length=40, required=False
    )
    description = forms.CharField(
        label="What the group wants to do",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    members = forms.IntegerField(label="Members", min_value=0, initial=0)
    volunteers = forms.IntegerField(label="Volunteers", min_value=0, initial=0)
    staff = forms.IntegerField(label="Paid staff", min_value=0, initial=0)
    contact_email = forms.EmailField(
        label="The group's email address",
        required=False,
        help_text="A shared address of the group (not a person's), shown on its profile.",
    )
    website = forms.URLField(label="Website", required=False, assume_scheme="https")
    needs = forms.MultipleChoiceField(
        label="Help the group wants",
        choices=Skill.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, districts=(), editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area_code"].choices = [("", "Choose a district")] + [
            (a.code, a.name) for a in districts
        ]
        if editing:
            del self.fields["name"]
            del self.fields["area_code"]


class StepForm(forms.Form):
    checklist_done = forms.MultipleChoiceField(
        label="Checklist", widget=forms.CheckboxSelectMultiple, required=False
    )
    evidence = forms.CharField(label="Evidence", widget=forms.Textarea(attrs={"rows": 4}))
    evidence_url = forms.URLField(
        label="Link to the evidence (optional)", required=False, assume_scheme="https"
    )

    def __init__(self, *args, step, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["checklist_done"].choices = [(item, item) for item in step.checklist]
        self.fields["evidence"].help_text = step.evidence


class DecideStepForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("approve", "Sign off the step"), ("return", "Return it for more evidence")],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Note to the group", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class MentorForm(forms.Form):
    display_name = forms.CharField(label="Name", max_length=120)
    area_code = forms.ChoiceField(label="District")
    skills = forms.MultipleChoiceField(
        label="Skills", choices=Skill.choices, widget=forms.CheckboxSelectMultiple
    )
    hours_per_month = forms.IntegerField(label="Hours a month", min_value=1, max_value=160)
    bio = forms.CharField(label="About", widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, districts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area_code"].choices = [("", "Choose a district")] + [
            (a.code, a.name) for a in districts
        ]


class SessionForm(forms.Form):
    mentor = forms.ChoiceField(label="Mentor")
    held_on = forms.DateField(label="Date (YYYY-MM-DD)")
    hours = forms.DecimalField(label="Hours", min_value=0.25, max_digits=5, decimal_places=2)
    outcome = forms.CharField(label="Outcome", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, mentors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].choices = [("", "Choose a mentor")] + [
            (str(m.pk), m.display_name) for m in mentors
        ]


class BusinessCaseForm(forms.ModelForm):
    class Meta:
        model = BusinessCaseRecord
        fields = (
            "capex_gbp",
            "grant_gbp",
            "share_capital_gbp",
            "loan_gbp",
            "annual_output_mwh",
            "export_price_gbp_per_mwh",
            "onsite_share",
            "onsite_price_gbp_per_mwh",
            "opex_gbp_per_year",
            "degradation_per_year",
            "discount_rate",
            "lifetime_years",
            "community_benefit_share",
            "loan_rate",
            "loan_term_years",
            "share_interest_rate",
            "share_repayment_years",
        )
        labels = {
            "capex_gbp": "Capital cost (£)",
            "grant_gbp": "Grants (£)",
            "share_capital_gbp": "Community shares (£)",
            "loan_gbp": "Loans (£)",
            "annual_output_mwh": "Output in the first year (MWh)",
            "export_price_gbp_per_mwh": "Export price (£ per MWh)",
            "onsite_share": "Share sold on site (0 to 1)",
            "onsite_price_gbp_per_mwh": "On-site price (£ per MWh)",
            "opex_gbp_per_year": "Operating cost (£ a year)",
            "degradation_per_year": "Yearly loss of output (0 to 1, e.g. 0.005)",
            "discount_rate": "Discount rate (e.g. 0.035)",
            "lifetime_years": "Asset life (years)",
            "community_benefit_share": "Community benefit share of surplus (0 to 1)",
            "loan_rate": "Loan interest rate a year (0 to 1, e.g. 0.06)",
            "loan_term_years": "Loan term (years)",
            "share_interest_rate": "Share interest rate a year (0 to 1, e.g. 0.04)",
            "share_repayment_years": "Years over which share capital is repaid (0: not repaid)",
        }


class RoundForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    stage = forms.ChoiceField(label="Stage", choices=Stage.choices)
    budget_gbp = forms.DecimalField(label="Budget (£)", min_value=1, decimal_places=2)
    max_award_gbp = forms.DecimalField(label="Maximum award (£)", min_value=1, decimal_places=2)
    opens_at = forms.DateTimeField(label="Opens (YYYY-MM-DD HH:MM)")
    deadline = forms.DateTimeField(label="Deadline (YYYY-MM-DD HH:MM)")
    min_step = forms.IntegerField(label="Groups apply from step", min_value=1, max_value=6)
    eligibility = forms.CharField(label="Eligibility", widget=forms.Textarea(attrs={"rows": 3}))
    criteria = forms.CharField(
        label="Criteria, one a line as “title | weight”",
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_criteria(self):
        found = []
        for line in self.cleaned_data["criteria"].splitlines():
            if not line.strip():
                continue
            title, _, weight = line.partition("|")
            try:
                found.append((title.strip(), int(weight.strip() or "1")))
            except ValueError:
                raise forms.ValidationError(
                    f"“{line.strip()}”: write the weight as a whole number after a |."
                ) from None
        if not found:
            raise forms.ValidationError("Give at least one criterion.")
        return found


class TeamForm(forms.Form):
    username = forms.CharField(label="Username", max_length=150)
    role = forms.ChoiceField(
        label="Role", choices=[("reviewer", "Reviewer"), ("finance", "Finance approver")]
    )


class ApplicationForm(forms.Form):
    title = forms.CharField(label="Title of the work", max_length=200)
    summary = forms.CharField(
        label="What the money is for", widget=forms.Textarea(attrs={"rows": 4})
    )
    amount_requested_gbp = forms.DecimalField(
        label="Amount requested (£)", min_value=0, decimal_places=2
    )
    project = forms.ChoiceField(label="Project", required=False)
    contact_name = forms.CharField(
        label="Contact name",
        max_length=120,
        help_text="Only the fund's officers see it; you can erase it at any time.",
    )
    contact_email = forms.EmailField(label="Contact email")

    def __init__(self, *args, projects=(), editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].choices = [("", "No project yet")] + [
            (str(p.pk), p.name) for p in projects
        ]
        if editing:
            for name in ("project", "contact_name", "contact_email"):
                del self.fields[name]


class DeclareForm(forms.Form):
    has_conflict = forms.ChoiceField(
        label="Do you have a conflict of interest with this application?",
        choices=[("no", "No"), ("yes", "Yes")],
        widget=forms.RadioSelect,
    )
    details = forms.CharField(
        label="If yes, what is it?", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


SCORE_CHOICES = [("", "Choose"), ("na", "Not applicable")] + [(str(i), str(i)) for i in range(6)]


class ScoreForm(forms.Form):
    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.ChoiceField(
                label=f"{criterion.title} (weight {criterion.weight})", choices=SCORE_CHOICES
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=f"Comment on {criterion.title.lower()}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.criteria = list(criteria)

    def values(self):
        return {
            c.pk: None
            if self.cleaned_data[f"score_{c.pk}"] == "na"
            else int(self.cleaned_data[f"score_{c.pk}"])
            for c in self.criteria
        }

    def comments(self):
        return {c.pk: self.cleaned_data[f"comment_{c.pk}"] for c in self.criteria}


class DetermineForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Decision",
        choices=[
            (ApplicationStatus.APPROVED, "Approve"),
            (ApplicationStatus.APPROVED_WITH_CONDITIONS, "Approve with conditions"),
            (ApplicationStatus.DECLINED, "Decline"),
            (ApplicationStatus.MORE_INFORMATION, "Ask for more information"),
        ],
        widget=forms.RadioSelect,
    )
    amount_gbp = forms.DecimalField(
        label="Amount awarded (£, if approved)", required=False, min_value=0, decimal_places=2
    )
    conditions = forms.CharField(
        label="Conditions", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    message = forms.CharField(
        label="Message to the group", widget=forms.Textarea(attrs={"rows": 3})
    )


class MilestoneForm(forms.Form):
    title = forms.CharField(label="Milestone", max_length=200)
    amount_gbp = forms.DecimalField(label="Amount (£)", min_value=0, decimal_places=2)
    due_on = forms.DateField(label="Due (YYYY-MM-DD)")


class ClaimForm(forms.Form):
    milestone = forms.ChoiceField(label="Milestone")
    amount_gbp = forms.DecimalField(label="Amount claimed (£)", min_value=0, decimal_places=2)
    evidence = forms.CharField(
        label="Evidence the milestone is met", widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, milestones=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["milestone"].choices = [("", "Choose a milestone")] + [
            (str(m.pk), f"{m.title} (£{m.amount_gbp:,.0f}, {m.get_status_display().lower()})")
            for m in milestones
        ]


class ClaimDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", "Approve"), ("reject", "Reject")],
        widget=forms.RadioSelect,
        label="Decision",
    )
    note = forms.CharField(label="Note", required=False)


class PaymentForm(forms.Form):
    reference = forms.CharField(label="Payment reference", max_length=60)


class AgreementForm(forms.Form):
    terms = forms.CharField(
        label="Terms of the grant agreement",
        help_text="The panel's conditions and the milestones above are part of it.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class AcceptAgreementForm(forms.Form):
    signatory_role = forms.CharField(
        label="Your office in the group (for example Chair or Secretary)", max_length=80
    )
    confirmed = forms.MultipleChoiceField(
        label="Acceptance",
        choices=[("yes", "I accept the terms, conditions and milestones for the group")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ReportForm(forms.Form):
    outputs = forms.CharField(
        label="Outputs: what the grant paid for and produced",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    spend_gbp = forms.DecimalField(label="Grant spent (£)", min_value=0, decimal_places=2)
    lessons = forms.CharField(
        label="Lessons for other groups", widget=forms.Textarea(attrs={"rows": 3})
    )
    installed_mw = forms.FloatField(
        label="Installed capacity now operating (MW, 0 if none yet)", min_value=0
    )
    generation_mwh_per_year = forms.FloatField(
        label="Generation expected a year (MWh, 0 if none yet)", min_value=0
    )
    members = forms.IntegerField(label="Members now", min_value=0)
    volunteers = forms.IntegerField(label="Volunteers now", min_value=0)
    staff = forms.IntegerField(label="Staff now", min_value=0)


class ReportDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("sign_off", "Sign off the report"), ("return", "Return it for changes")],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Note to the group (needed when returning it)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

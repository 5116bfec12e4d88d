from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Application,
    Award,
    Claim,
    CommunityGroup,
    FundRound,
    Mentor,
    Milestone,
    Project,
    StepProgress,
)

for model in (Application, Award, Claim, CommunityGroup, FundRound, Milestone, Project):
    admin.site.register(model, SimpleHistoryAdmin)
admin.site.register(StepProgress, SimpleHistoryAdmin)
admin.site.register(Mentor)

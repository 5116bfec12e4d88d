"""The action and impact tracker: a place's action plan (themes, actions owned by partner
organisations, milestones, dependencies), the pathway levers each action moves with its
expected impact from the engine, progress updates with delivered outputs that drive an
actual trajectory, a dashboard, and a spreadsheet round trip.

Other apps use `services`. See docs/decisions/0014-tracker.md.
"""

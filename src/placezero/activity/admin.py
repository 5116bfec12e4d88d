"""Nothing of the activity app is in Django admin, on purpose: a person's notifications
and choices are theirs alone (`activity.read_notification` refuses administrators too),
and admin would show them to every administrator. History is read on each record's page
(activity/_history.html)."""

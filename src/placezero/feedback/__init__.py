"""Feedback on the site: the phase banner's form, stored without personal data (an email
address only if the person wants a reply, and deletable), moderated by officers and
administrators, kept for a year (decision in the privacy notice and `services.RETENTION`)."""

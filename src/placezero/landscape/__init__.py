"""Citizen landscaping: residents say on a map (or without one) what they would welcome
where, officers of the place moderate it, and acceptance per zone and technology is
published and can constrain the pathway's least-cost optimisation."""

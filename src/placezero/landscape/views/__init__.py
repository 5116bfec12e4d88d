"""Pages of citizen landscaping: having your say (with and without a map), moderation,
results, a contributor's own data and what acceptance does to the pathway."""

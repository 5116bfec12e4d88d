"""One router per family of endpoints; api.py mounts them all under /api/."""

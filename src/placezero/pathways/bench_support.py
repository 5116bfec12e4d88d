"""What the web benchmark (benchmarks/web.py) posts to the lever preview: the lever form as a
browser sends it. Kept beside the form so a renamed field breaks here, not in the benchmark."""

from .forms import lever_field, preview_post_data

__all__ = ["lever_field", "preview_post_data"]

"""placezero: plan, decide and deliver net zero together."""

__version__ = "0.1.0"

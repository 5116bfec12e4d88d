"""placezero benchmarks: `make bench` runs `python -m benchmarks.run`; results in results/."""

"""Stand-in for the absl package (only `absl.logging`, which kipack uses for info messages)."""

"""redraft: version, diff, merge and measure the drafts of UN resolutions."""

__version__ = "0.1.0"

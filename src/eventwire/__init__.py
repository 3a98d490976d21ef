"""eventwire: messy news articles in, a clean geocoded database of events out."""

__version__ = "0.1.0"

"""touyan (投研): verifiable, fact-based investment research."""

__version__ = "0.1.0"

"""archiver: an archival crawler for the Central Media Office site of Hizb ut Tahrir."""

from archiver.extraction import extract

__version__ = "0.1.0"
__all__ = ["__version__", "extract"]

"""archiver: an archival crawler for the Central Media Office site of Hizb ut Tahrir."""

__version__ = "0.1.0"

"""Item pipelines: normalise (dates, counts) → parquet (deduplicate, write, manifest)."""

"""The archive on disk: schema, atomic files, the Parquet writer, manifests, verification."""

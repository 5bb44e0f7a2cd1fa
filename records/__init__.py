"""The pakru records: YAML data only, one record per file (this file marks the package)."""

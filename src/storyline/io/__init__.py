"""Input readers: files, folders, JSON records and manifests, turned into Documents."""

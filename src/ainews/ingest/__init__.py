"""Ingestion: read whatever articles are in a folder into one clean, typed table."""

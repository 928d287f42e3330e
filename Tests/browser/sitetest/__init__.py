"""Helpers for Trillium's browser and output tests: build, serve, parse, drive."""

"""Helpers for Trillium's deployment tests: build the site, serve it with a real nginx, crawl it."""

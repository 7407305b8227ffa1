"""Fuzzers of the library's boundaries (see conftest.py for the convention)."""

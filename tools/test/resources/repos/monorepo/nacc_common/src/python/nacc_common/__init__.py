"""NACC common code."""

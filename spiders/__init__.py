"""Spiders: they decide what to fetch and route responses to page objects; nothing else."""

"""Scrapy downloader middlewares of the project."""

"""Scrapy commands of the project (``COMMANDS_MODULE``): ``crawl`` with the archiver's checks."""

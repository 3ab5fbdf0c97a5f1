"""One module per ``archiver`` subcommand: ``register(subparsers)`` adds it, ``args.run`` runs it.

Modules import their heavy dependencies (Scrapy, pyarrow) inside ``run`` so that ``archiver
--help`` and light commands start fast.
"""

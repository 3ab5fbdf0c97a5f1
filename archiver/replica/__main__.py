"""``python -m archiver.replica``: the ``archiver replica`` command without the CLI router."""

from __future__ import annotations

import argparse
import sys

from archiver.commands.replica import add_arguments, run

parser = argparse.ArgumentParser(prog="python -m archiver.replica")
add_arguments(parser)
sys.exit(run(parser.parse_args()))

"""Options shared by every command (sqlite-utils style), declared once so flags read the same everywhere.

typer copies an ``Option`` default per command, so one object may back several parameters.
"""
from __future__ import annotations

import typer

ConfigOpt = typer.Option(None, "--config", "-c", help="YAML config file (overrides NEWSPARSE_CONFIG and the user config).", metavar="FILE")
SetOpt = typer.Option(None, "--set", "-s", help="Set a stage parameter: STAGE.PARAM=VALUE (repeatable).", metavar="STAGE.PARAM=VALUE")
SkipOpt = typer.Option(None, "--skip", help="Disable a stage by name (repeatable).", metavar="STAGE")
QuietOpt = typer.Option(False, "--quiet", "-q", help="No warnings or progress on stderr.")
NoColorOpt = typer.Option(False, "--no-color", help="No colour (also honoured: NO_COLOR).")
DebugOpt = typer.Option(False, "--debug", help="Show tracebacks for errors.")

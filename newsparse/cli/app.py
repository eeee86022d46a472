"""The typer application. Commands stay thin: flags -> library call -> renderer."""
from __future__ import annotations

import enum
import json
import os
import sys
from typing import List, Optional

import typer

from newsparse import __version__, limits
from newsparse.cli.env import Environment
from newsparse.cli.options import ConfigOpt, DebugOpt, NoColorOpt, QuietOpt, SetOpt, SkipOpt
from newsparse.errors import ExitStatus

EXIT_CODES_HELP = (
    "Exit codes: 0 all inputs analyzed; 1 some inputs failed; 2 usage or configuration error; "
    "3 all inputs failed; 130 interrupted."
)

app = typer.Typer(
    name="newsparse",
    help="Clean text, quotations with their speakers, and counted entities from news articles.\n\n" + EXIT_CODES_HELP,
    epilog=EXIT_CODES_HELP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
config_app = typer.Typer(help="Inspect the effective configuration.", no_args_is_help=True)
app.add_typer(config_app, name="config")

# Tests replace this factory to inject a fake terminal (see tests/conftest.py).
environment_factory = Environment


class Format(str, enum.Enum):
    auto = "auto"
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class CsvOf(str, enum.Enum):
    quotes = "quotes"
    entities = "entities"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsparse {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """newsparse: news articles in, quotes and entities out."""


def make_env(quiet: bool = False, no_color: bool = False, debug: bool = False) -> Environment:
    env = environment_factory()
    env.quiet = quiet
    env.no_color = env.no_color or no_color
    env.debug = debug
    return env


def fail(env: Environment, exc: BaseException, status: ExitStatus = ExitStatus.USAGE) -> "typer.Exit":
    """Report a user error as one line (a traceback only with --debug) and return the Exit to raise."""
    if env.debug:
        import traceback

        traceback.print_exception(exc, file=env.stderr)
    env.error(str(exc))
    return typer.Exit(int(status))


def load_config(env: Environment, config: Optional[str], sets: Optional[List[str]], skip: Optional[List[str]]):  # noqa: ANN201
    from newsparse.config import build_config
    from newsparse.errors import ConfigError

    try:
        return build_config(config_file=config, sets=sets, skip=skip, env=env.environ)
    except ConfigError as exc:
        raise fail(env, exc) from None


# Shared options (sqlite-utils style): every command that prints data takes the same ones.
FormatOpt = typer.Option(Format.auto, "--format", "-f", help="Output format; auto = tables on a terminal, JSON when piped.")


class InputFormat(str, enum.Enum):
    auto = "auto"
    article = "article"
    jsonl = "jsonl"
    warc = "warc"


@app.command()
def analyze(
    inputs: Optional[List[str]] = typer.Argument(None, help="Files, folders, JSON Lines, WARC archives, http(s) URLs, or - for stdin.", metavar="INPUT..."),
    format: Format = FormatOpt,
    csv_of: CsvOf = typer.Option(CsvOf.quotes, "--csv-of", help="With --format csv: one row per quote or per entity."),
    config: Optional[str] = ConfigOpt,
    set_: Optional[List[str]] = SetOpt,
    skip: Optional[List[str]] = SkipOpt,
    explain: bool = typer.Option(False, "--explain", help="Show removed lines and the rule behind each quote."),
    max_bytes: int = typer.Option(limits.MAX_INPUT_BYTES, "--max-bytes", help="Refuse inputs larger than this many bytes.", metavar="N"),
    timeout: float = typer.Option(limits.FETCH_TIMEOUT, "--timeout", help="Seconds to wait on a URL before giving up.", metavar="SECONDS"),
    time_limit: float = typer.Option(limits.ARTICLE_TIME_LIMIT, "--time-limit", min=0, help="Seconds one article may take to analyze before it becomes an error record (0 = no limit).", metavar="SECONDS"),
    input_file: Optional[str] = typer.Option(None, "--input-file", help="Read inputs (paths or URLs) from FILE, one a line; - for stdin.", metavar="FILE"),
    glob: Optional[List[str]] = typer.Option(None, "--glob", help="Which files to take from folders (repeatable), e.g. '*.html' or '*.warc.gz'; default .html .htm .xhtml .txt, also gzipped (.html.gz …).", metavar="PATTERN"),
    input_format: InputFormat = typer.Option(InputFormat.auto, "--input-format", help="How to read each input file; auto = by name (.jsonl[.gz], .warc[.gz], else an article)."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes (default: the number of cores).", metavar="N"),
    executor: str = typer.Option("local", "--executor", help="local (a process pool) or dask://HOST:PORT (needs newsparse[dask]).", metavar="local|dask://HOST:PORT"),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write JSON Lines to FILE instead of stdout (whole lines, safe to --resume).", metavar="FILE"),
    resume: bool = typer.Option(False, "--resume", help="With --output: skip inputs already in FILE and append the rest."),
    shard: Optional[str] = typer.Option(None, "--shard", help="Process only shard I of N (1-based, by input index), e.g. 2/8.", metavar="I/N"),
    fail_fast: bool = typer.Option(False, "--fail-fast", help="Stop at the first input that fails."),
    max_tasks_per_child: int = typer.Option(200, "--max-tasks-per-child", help="Replace a worker process after N articles, which keeps memory flat (0 = never).", metavar="N"),
    quiet: bool = QuietOpt,
    no_color: bool = NoColorOpt,
    debug: bool = DebugOpt,
) -> None:
    """Analyze articles: clean text and metadata, quotes with speakers, entities with counts.

    Several inputs (a folder, a list, JSON Lines, a WARC) give JSON Lines in completion
    order, one record per input, each with "input" and "index"; an input that fails
    gives a record with "error" and a line on stderr, and the others still run.
    """
    from newsparse.batch.executors import parse_executor
    from newsparse.batch.progress import Reporter, count_in_background
    from newsparse.batch.resume import DoneSet, LineSink, load_done
    from newsparse.batch.run import BatchOptions, run_batch
    from newsparse.batch.shard import parse_shard
    from newsparse.batch.worker import WorkerSpec
    from newsparse.errors import ConfigError, NewsparseError
    from newsparse.inputs.expand import container_kind, count_inputs, expand_inputs, read_input_list
    from newsparse.inputs.fetch import FetchLimits

    env = make_env(quiet, no_color, debug)
    specs = list(inputs or [])
    if not specs and input_file is None:
        raise fail(env, ConfigError("no inputs: give INPUT... or --input-file FILE"))
    cfg = load_config(env, config, set_, skip)
    try:
        from newsparse.pipeline import Pipeline

        Pipeline.from_config(cfg)  # a broken plugin is a config error, reported before any work
        shard_ = parse_shard(shard) if shard else None
        parse_executor(executor)
        if resume and not output:
            raise ConfigError("--resume needs --output FILE")
        if output and format in (Format.table, Format.csv):
            raise ConfigError("--output writes JSON Lines; use --format jsonl (or leave --format out)")
        if jobs < 0:
            raise ConfigError("--jobs must be 1 or more (leave it out for one per core)")
    except Exception as exc:  # noqa: BLE001
        raise fail(env, exc) from None
    fmt = format
    if fmt == Format.auto:
        fmt = Format.table if env.stdout_isatty and not output else Format.json
    single = (input_file is None and len(specs) == 1 and not output and shard_ is None
              and (specs[0] == "-" and input_format in (InputFormat.auto, InputFormat.article)
                   or specs[0] != "-" and not os.path.isdir(specs[0])
                   and container_kind(specs[0], input_format.value) == "article"))
    mode = "dict" if fmt in (Format.table, Format.csv) else ("json" if fmt == Format.json and single else "jsonl")
    spec = WorkerSpec(cfg, explain=explain, mode=mode, debug=debug, time_limit=time_limit or None)
    fetch_limits = FetchLimits(timeout=timeout, max_bytes=max_bytes)
    globs = list(glob or []) or None

    def all_specs():  # noqa: ANN202 - lazily: a list file may be huge
        yield from specs
        if input_file is not None:
            yield from read_input_list(input_file)

    try:
        items = expand_inputs(all_specs(), max_bytes=max_bytes, fetch_limits=fetch_limits, globs=globs,
                              input_format=input_format.value)
        done = load_done(output) if output and resume else DoneSet()
    except Exception as exc:  # noqa: BLE001
        raise fail(env, exc) from None
    if done.torn_bytes:
        env.info(f"{output}: removed an incomplete last line ({done.torn_bytes} bytes) left by an interrupted run")
    try:
        sink = LineSink(output, append=resume) if output else None
    except OSError as exc:
        raise fail(env, ConfigError(f"{output}: cannot write ({exc.strerror or exc})")) from None
    writer = None if sink else RecordWriter(env, fmt, csv_of, single, explain)
    write = (lambda out: sink.write_line(out.line)) if sink else writer.write_outcome  # type: ignore[union-attr]
    options = BatchOptions(jobs=jobs, executor=executor, shard=shard_, fail_fast=fail_fast,
                           max_tasks_per_child=max_tasks_per_child)
    try:
        with Reporter(env, show_bar=None if not single else False) as reporter:
            if reporter.show_bar and (input_file != "-" and "-" not in specs):
                def set_total(total: Optional[int]) -> None:
                    if total is not None:
                        mine = shard_.share(total) if shard_ else total
                        reporter.set_total(max(0, mine - done.records))

                count_in_background(lambda: count_inputs(all_specs(), globs=globs, input_format=input_format.value), set_total)
            summary = run_batch(items, spec, write, reporter, options, done)
    except NewsparseError as exc:
        raise fail(env, exc) from None
    except KeyboardInterrupt:  # the workers are stopped and every written line is whole
        _write_stderr("newsparse: interrupted")
        raise typer.Exit(int(ExitStatus.INTERRUPTED)) from None
    finally:
        if sink is not None:
            sink.close()
        if writer is not None:
            writer.close()
    if summary.skipped:
        env.info(f"skipped {summary.skipped} input(s) already in {output}")
    if summary.stopped:
        env.error("stopped at the first failed input (--fail-fast)")
    if summary.ok == 0 and summary.failed == 0:
        if summary.skipped:
            raise typer.Exit(int(ExitStatus.OK))
        env.error("no inputs found (folders are searched for .html, .htm, .xhtml, .txt files, also gzipped; see --glob)")
        raise typer.Exit(int(ExitStatus.ALL_FAILED))
    raise typer.Exit(int(summary.exit_status()))


def exit_status(ok: int, failed: int) -> ExitStatus:
    if failed == 0:
        return ExitStatus.OK
    return ExitStatus.ALL_FAILED if ok == 0 else ExitStatus.SOME_FAILED


class OutputClosed(Exception):
    """The reader of stdout went away (``| head``): stop quietly, exit 0."""


class RecordWriter:
    """Streams records to stdout in the chosen format as they are produced."""

    def __init__(self, env: Environment, fmt: Format, csv_of: CsvOf, single: bool, explain: bool) -> None:
        self.env, self.fmt, self.single, self.explain = env, fmt, single, explain
        self.csv = None
        self.console = None
        if fmt == Format.csv:
            from newsparse.output.csv_out import CsvWriter

            self.csv = CsvWriter(env.stdout, csv_of.value)
        elif fmt == Format.table:
            self.console = env.console("stdout")

    def write_outcome(self, outcome) -> None:  # noqa: ANN001 - newsparse.runner.Outcome, imported lazily
        """Write a batch outcome: its line as serialized by the worker, else its record."""
        if outcome.line is not None:
            try:
                self.env.stdout.write(outcome.line + "\n")
                self.env.stdout.flush()
            except BrokenPipeError:
                raise OutputClosed() from None
        else:
            self.write(outcome.record)

    def write(self, record: dict) -> None:
        try:
            self._write(record)
        except BrokenPipeError:
            raise OutputClosed() from None

    def _write(self, record: dict) -> None:
        out = self.env.stdout
        if self.fmt == Format.json and self.single:
            out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        elif self.fmt in (Format.json, Format.jsonl):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.csv is not None:
            self.csv.write(record)
        else:
            from newsparse.output.table import render_tables

            render_tables(record, self.console, explain=self.explain)
        out.flush()

    def close(self) -> None:
        self.env.stdout.flush()


@app.command()
def stages(
    format: Format = FormatOpt,
    config: Optional[str] = ConfigOpt,
    set_: Optional[List[str]] = SetOpt,
) -> None:
    """List every available stage, its parameters and their defaults."""
    from newsparse.errors import ConfigError
    from newsparse.registry import describe

    env = make_env()
    cfg = load_config(env, config, set_, None)
    try:
        rows = describe(cfg)
    except ConfigError as exc:  # a broken third-party stage
        raise fail(env, exc) from None
    fmt = format if format != Format.auto else (Format.table if env.stdout_isatty else Format.json)
    if fmt in (Format.json, Format.jsonl, Format.csv):
        env.stdout.write(json.dumps(rows, indent=2, default=str) + "\n")
        return
    from rich.table import Table

    table = Table(title="Stages (pipeline order: " + " → ".join(cfg.active_stages()) + ")")
    table.add_column("Stage", style="bold")
    table.add_column("Parameter")
    table.add_column("Type", style="dim")
    table.add_column("Default")
    table.add_column("Value", style="cyan")
    for row in rows:
        label = row["name"] + ("" if row["enabled"] else " (off)")
        table.add_row(label, row["description"], "", "", "")
        for p in row["params"]:
            table.add_row("", p["name"], p["type"], repr(p["default"]), repr(p["value"]))
    env.console("stdout").print(table)


@config_app.command("show")
def config_show(
    format: Format = FormatOpt,
    config: Optional[str] = ConfigOpt,
    set_: Optional[List[str]] = SetOpt,
    skip: Optional[List[str]] = SkipOpt,
) -> None:
    """Print the merged configuration and where each value came from."""
    env = make_env()
    cfg = load_config(env, config, set_, skip)
    import dataclasses

    from newsparse.registry import get_stage_class

    entries = [
        {"key": "pipeline", "value": cfg.pipeline, "source": str(cfg.origins.get(("pipeline",), "default"))},
        {"key": "skip", "value": cfg.skip, "source": str(cfg.origins.get(("skip",), "default"))},
    ]
    for name in cfg.pipeline:
        cls = get_stage_class(name)
        defaults = cls.Params()
        for f in dataclasses.fields(cls.Params):
            key = ("stages", name, f.name)
            set_here = f.name in cfg.stages.get(name, {})
            entries.append({
                "key": f"stages.{name}.{f.name}",
                "value": cfg.stages[name][f.name] if set_here else getattr(defaults, f.name),
                "source": str(cfg.origins[key]) if set_here and key in cfg.origins else "stage default",
            })
    fmt = format if format != Format.auto else (Format.table if env.stdout_isatty else Format.json)
    if fmt != Format.table:
        env.stdout.write(json.dumps({"config": cfg.to_dict(), "sources": entries}, indent=2, default=str) + "\n")
        return
    from rich.table import Table

    table = Table(title="Effective configuration")
    table.add_column("Key", style="bold")
    table.add_column("Value")
    table.add_column("From", style="dim")
    for e in entries:
        table.add_row(e["key"], json.dumps(e["value"], default=str), e["source"])
    env.console("stdout").print(table)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output records (schema_version 1)."""
    from newsparse.output.record import load_schema

    make_env().stdout.write(json.dumps(load_schema(), indent=2) + "\n")


def main() -> None:
    """Console-script entry point: exit codes, Ctrl-C and closed pipes handled once, here."""
    import click

    try:
        result = app(prog_name="newsparse", standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except (KeyboardInterrupt, click.exceptions.Abort):
        _write_stderr("newsparse: interrupted")
        code = int(ExitStatus.INTERRUPTED)
    except click.exceptions.ClickException as exc:  # usage errors: exit 2 with click's message
        exc.show()
        code = exc.exit_code
    except (BrokenPipeError, OutputClosed):
        _silence_stdout()
        code = int(ExitStatus.OK)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    sys.exit(code)


def _write_stderr(line: str) -> None:
    try:
        sys.stderr.write(line + "\n")
    except Exception:  # noqa: BLE001
        pass


def _silence_stdout() -> None:
    """After the reader went away (``| head``), point stdout at /dev/null so exit flushes quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# `newsparse eval` lives in its own module (newsparse/cli/eval_cmd.py).
from newsparse.cli import eval_cmd as _eval_cmd  # noqa: E402

_eval_cmd.register(app)

from newsparse.cli.summarize_cmd import summarize as _summarize  # noqa: E402 - registered last (issue 7)

app.command(name="summarize")(_summarize)

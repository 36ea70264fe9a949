"""What every command shares: the store and format options, error handling, table output."""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
import pandas as pd

from claims.cli._table import fit_table, json_records, plain_times
from claims.csvsafe import to_csv
from claims.errors import ClaimsError
from claims.store import Store, open_store

F = TypeVar("F", bound=Callable[..., Any])
# Non-UTF-8 bytes in an argument reach Python as lone surrogates ('\udcff'): never stored.
_SURROGATE = re.compile("[\ud800-\udfff]")

store_option = click.option("--store", "store_spec", envvar="CLAIMS_STORE", default=None,
                            help="Store: a directory (embedded Oxigraph, default kb/store), "
                                 "'memory:', or a SPARQL endpoint URL.  [env: CLAIMS_STORE]")
_OUTPUT = "claims.output"


def _remember_output(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        ctx.meta[_OUTPUT] = value
        ctx.call_on_close(lambda: _wrote(ctx, value))


def _wrote(ctx: click.Context, path: Path) -> None:
    if ctx.meta.get(_OUTPUT + ".started"):
        click.echo(f"wrote {path} ({path.stat().st_size:,} bytes)", err=True)


_format = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]),
                       default="table", show_default=True, help="Output format.")
output_option = click.option(
    "--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None, expose_value=False, callback=_remember_output,
    help="Write to FILE instead of standard output (tables then keep every value whole).")


def format_option(func: F) -> F:
    """``--format table|csv|json`` and ``--output/-o FILE``, as every command that prints rows
    takes them."""
    return _format(output_option(func))
reviewer_option = click.option("--reviewer", "-r", envvar="CLAIMS_REVIEWER", required=True,
                               help="Your name, kept with the event.  [env: CLAIMS_REVIEWER]")
note_option = click.option("--note", "-n", default=None, help="Why; kept with the decision.")


def coded_errors(func: F) -> F:
    """Turn a ClaimsError into a one-line message and exit code 1: the only place it happens."""
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        for name, value in kwargs.items():
            for item in value if isinstance(value, tuple | list) else (value,):
                if isinstance(item, str) and _SURROGATE.search(item):
                    raise click.BadParameter("not valid UTF-8 (a byte or character that cannot "
                                             "be text)", param_hint=f"'{name}'")
        try:
            return func(*args, **kwargs)
        except ClaimsError as exc:
            raise click.ClickException(exc.message) from exc
    return wrapper  # type: ignore[return-value]


def output_path() -> Path | None:
    """The ``--output`` file of the running command, if it was given one."""
    ctx = click.get_current_context(silent=True)
    found = ctx.find_root().meta.get(_OUTPUT) if ctx is not None else None
    return found if isinstance(found, Path) else None


def emit(text: str, *, nl: bool = True) -> None:
    """Print ``text`` to standard output, or to the ``--output`` file (written afresh by the
    command's first output, appended to by the rest)."""
    path = output_path()
    if path is None:
        click.echo(text, nl=nl)
        return
    meta = click.get_current_context().find_root().meta
    with path.open("a" if meta.get(_OUTPUT + ".started") else "w", encoding="utf-8") as out:
        out.write(text + ("\n" if nl else ""))
    meta[_OUTPUT + ".started"] = True


def echo_frame(frame: pd.DataFrame, fmt: str) -> None:
    if fmt == "csv":
        emit(to_csv(plain_times(frame)), nl=False)
    elif fmt == "json":
        emit(json_records(frame))
    elif frame.empty:
        emit("(no rows)")
    else:
        emit(fit_table(frame, terminal_width()))


def terminal_width() -> int | None:
    """The width to fit tables to: ``COLUMNS`` if set, else the terminal's; None (no cut)
    when the output goes to a file (``--output``) or a pipe."""
    if output_path() is not None:
        return None
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size((100, 24)).columns


def params(pairs: tuple[str, ...]) -> dict[str, str]:
    """``key=value`` pairs of ``--param`` as a dict."""
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint="--param")
        out[key.strip()] = value
    return out


def open_shared(spec: str | None) -> Store:
    """Review and index commands open an on-disk store per operation under a lock
    (shared=True), so several editors can record at the same time."""
    return open_store(spec, shared=True)


class FullHelpGroup(click.Group):
    """A group whose command list gives each command's first sentence whole (click cuts it
    at 45 characters with "..."), wrapped to the terminal."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            rows.append((name, command.get_short_help_str(limit=10_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

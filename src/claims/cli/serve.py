"""``claims serve``: the embedded store as a SPARQL endpoint."""

from __future__ import annotations

import sys

import click

from claims.cli._common import coded_errors, store_option


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; loopback unless you mean to share it on a network.")
@click.option("--port", default=7878, show_default=True, type=int)
@click.option("--writable", is_flag=True, help="Accept SPARQL Update (default: read-only).")
@store_option
@coded_errors
def serve(host: str, port: int, writable: bool, store_spec: str | None) -> None:
    """Serve the embedded store as a SPARQL endpoint (Oxigraph's server)."""
    from claims.store.serve import serve as run_server
    from claims.store.serve import serve_command

    command = serve_command(store_spec, host=host, port=port, writable=writable)
    click.echo(f"SPARQL endpoint: {command.query_url}"
               + (f"  update: {command.update_url}" if command.update_url else "  (read-only)"),
               err=True)
    click.echo(f"point the project at it: CLAIMS_STORE={command.query_url}", err=True)
    sys.exit(run_server(store_spec, host=host, port=port, writable=writable))


COMMANDS = (serve,)

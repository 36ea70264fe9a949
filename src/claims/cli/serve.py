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
@click.option("--allow-network-writes", is_flag=True,
              help="Let --writable listen on a non-loopback address: anyone who reaches it can "
                   "change the knowledge base, without authentication.")
@store_option
@coded_errors
def serve(host: str, port: int, writable: bool, allow_network_writes: bool,
          store_spec: str | None) -> None:
    """Serve the embedded store as a SPARQL endpoint (Oxigraph's server behind a gate that
    refuses SERVICE calls outside CLAIMS_SERVICE_ALLOW)."""
    from claims.store.serve import is_loopback, serve_command
    from claims.store.serve import serve as run_server

    command = serve_command(store_spec, host=host, port=port, writable=writable,
                            allow_network_writes=allow_network_writes)
    if writable and not is_loopback(host):
        click.echo(f"WARNING: {host}:{port} accepts SPARQL Update from the network without "
                   "authentication; anyone who reaches it can change or delete the knowledge base.",
                   err=True)
    click.echo(f"SPARQL endpoint: {command.query_url}"
               + (f"  update: {command.update_url}" if command.update_url else "  (read-only)"),
               err=True)
    click.echo(f"point the project at it: CLAIMS_STORE={command.query_url}", err=True)
    sys.exit(run_server(store_spec, host=host, port=port, writable=writable,
                        allow_network_writes=allow_network_writes))


COMMANDS = (serve,)

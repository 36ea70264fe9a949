"""Commands that ask the knowledge base: named queries and free SPARQL."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from claims import query
from claims.cli._common import (
    coded_errors,
    echo_frame,
    emit,
    format_option,
    params,
    store_option,
)
from claims.errors import QueryError
from claims.model.terms import unknown_terms
from claims.sparql_text import explain_error, readable, with_prefixes
from claims.speaker_names import canonical_speaker, known_speakers
from claims.store import open_store
from claims.store.base import Table


@click.command("query")
@click.argument("name", required=False)
@click.option("--param", "-p", "pairs", multiple=True,
              help="key=value, bound to the parameter as the type the query declares for it "
                   "(--list shows them): text, an IRI (kb:statement/… or <…>), a number, a "
                   "date (YYYY-MM-DD).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries.")
@store_option
@format_option
@coded_errors
def query_cmd(name: str | None, pairs: tuple[str, ...], list_queries: bool,
              store_spec: str | None, fmt: str) -> None:
    """Run a named query (see --list) with parameters."""
    if list_queries or not name:
        rows = [{"name": q.name, "parameters": ", ".join(f"{p.name} ({p.type})" for p in q.params),
                 "purpose": q.purpose} for q in query.named_queries().values()]
        echo_frame(pd.DataFrame(rows), fmt)
        return
    named = query.get_query(name)
    given = params(pairs)
    with open_store(store_spec) as store:
        if given.get("speaker") and any(p.name == "speaker" for p in named.params):
            given["speaker"] = canonical_speaker(given["speaker"], known_speakers(store))
        echo_frame(query.select(store, name, **given), fmt)


@click.command()
@click.argument("text")
@click.option("--param", "-p", "pairs", multiple=True,
              help="key=value, bound to ?key as text, or as an IRI when written <…> "
                   "(<kb:statement/…> or a full IRI); never pasted into the query.")
@click.option("--union/--strict", "union", default=None,
              help="What a query without GRAPH sees: the union of every named graph "
                   "(default), or the store's own default graph (empty here), as the SPARQL "
                   "specification has it.  [env: CLAIMS_DATASET=union|strict]")
@store_option
@format_option
@coded_errors
def sparql(text: str, pairs: tuple[str, ...], union: bool | None, store_spec: str | None,
           fmt: str) -> None:
    """Run SPARQL given as text or as a file (SELECT, ASK, CONSTRUCT, DESCRIBE); the
    prefixes of the workbench are declared for you."""
    path = Path(text)
    sparql_text = path.read_text("utf-8") if len(text) < 500 and path.is_file() else text
    named, _ = query.resolve(sparql_text) if query.is_name(sparql_text) else (None, sparql_text)
    if named is None:
        found = explain_error(sparql_text)
        if found is not None:
            raise QueryError(found)
    full, added = (sparql_text, 0) if named else with_prefixes(sparql_text)
    for name, near in ([] if named else unknown_terms(sparql_text)):
        click.echo(f"note: {name} is not a term of the model"
                   + (f" — did you mean {near}?" if near else ""), err=True)
    with open_store(store_spec, union=union) as store:
        try:
            result = query.run(store, full, **params(pairs))
        except QueryError as exc:
            raise readable(exc, sparql_text, added) from exc
    if isinstance(result, Table):
        echo_frame(query.to_frame(result), fmt)
    elif isinstance(result, bool):
        emit("true" if result else "false")
    else:
        emit(result.serialize(format="turtle"))


COMMANDS = (query_cmd, sparql)

"""Track claims across sources: the same quotation in every outlet as one claim node.

- :func:`compare`: how one quotation relates to another (same utterance, misquote, or a
  different one), with the word-level changes as data — the one matcher ingestion, the
  layer and ``claims track compare`` use;
- :func:`label_pairs` / :func:`read_pairs`: pairs of quotations labelled (JSON Lines).

>>> compare("I am not a natural politician, in case you haven't noticed",
...         "I am a natural politician, in case you haven't noticed").label
'misquote'
"""

from claims.track.compare import Change, Comparison, compare
from claims.track.pairs import Pair, Side, label_pairs, read_pairs
from claims.track.wording import fold, tokens

__all__ = ["Change", "Comparison", "Pair", "Side", "compare", "fold", "label_pairs",
           "read_pairs", "tokens"]

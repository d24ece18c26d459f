"""How ROUGE-1.5.5 reads a summary when tilse runs it (``-m -s``), so that our ROUGE counts match tilse's.

tilse (``tilse.evaluation.rouge``, as news-tls calls it) writes each day's sentences into one
ROUGE input file and runs ROUGE-1.5.5 with ``-n 2 -m -s -f A -t 2``. ROUGE then, per summary:
  1. joins the day's sentences with spaces (so n-grams run across sentence boundaries), each
     sentence cut at its first ``<`` (the input is HTML) and with ``^`` written as ``&circ;``;
  2. lower-cases A-Z, splits hyphens off, and turns every character other than a-z, 0-9 and ``-``
     into a space;
  3. drops the words of its stop list (``-s``; SMART's list plus news words such as "reuters",
     "jan" and "new") and every token that does not start with a letter or digit (a lone ``-``);
  4. stems each word longer than 3 characters (``-m``) with its own Porter variant
     (``storyline.eval.porter``).
ROUGE's stemming also looks words up in WordNet 2.0's table of irregular forms ("found" ->
"find") before Porter; we have no copy of that table, so irregular forms are Porter-stemmed here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from storyline.eval.porter import stem

# The entries of ROUGE-1.5.5's ``data/smart_common_words.txt`` that can match one of its tokens
# (letters and digits only; entries such as "don't" or "e.g." never can).
_SMART_COMMON_WORDS = """
    a able about above according accordingly across actually after afterwards again against ai
    all allow allows almost alone along already also although always am amid among amongst an
    and another any anybody anyhow anyone anything anyway anyways anywhere ap apart appear
    appreciate appropriate apr are around as aside ask asking associated at aug available away
    awfully b be became because become becomes becoming been before beforehand behind being
    believe below beside besides best better between beyond both brief but by c ca came can
    cannot cant cause causes certain certainly changes clearly co com come comes concerning
    consequently consider considering contain containing contains corresponding could course
    currently d dec definitely described despite did different do does doing done down downwards
    during e each edu eg eight either else elsewhere enough entirely especially et etc even ever
    every everybody everyone everything everywhere ex exactly example except f far feb few fifth
    five followed following follows for former formerly forth four fri from further furthermore
    g get gets getting given gives go goes going gone got gotten greetings h had happens hardly
    has have having he hello help hence her here hereafter hereby herein hereupon hers herself
    hi him himself his hither hopefully how howbeit however i ie if ignored immediate in
    inasmuch inc indeed index indicate indicated indicates inner insofar instead into inward is
    it its itself j jan jul jun just k keep keeps kept know known knows l lately later latter
    latterly least less lest let like liked likely little look looking looks ltd m mainly many
    mar may maybe me mean meanwhile merely might mon more moreover most mostly much must my
    myself n namely nd near nearly necessary need needs neither never nevertheless new news next
    nine no nobody non none noone nor normally not nothing nov novel now nowhere o obviously oct
    of off often oh ok okay old on once one ones only onto or other others otherwise ought our
    ours ourselves out outside over overall own p particular particularly per perhaps placed
    please plus possible presumably probably provides q que quite qv r rather rd re really
    reasonably regarding regardless regards relatively respectively reuters right s said same
    sat saw say saying says second secondly see seeing seem seemed seeming seems seen self
    selves sensible sent sep serious seriously seven several shall she should since six so some
    somebody somehow someone something sometime sometimes somewhat somewhere soon sorry
    specified specify specifying still sub such sup sure t take taken tech tell tends th than
    thank thanks thanx that thats the their theirs them themselves then thence there thereafter
    thereby therefore therein theres thereupon these they think third this thorough thoroughly
    those though three through throughout thru thu thus to together too took toward towards
    tried tries truly try trying tue twice two u un under unfortunately unless unlikely until
    unto up upon us use used useful uses using usually uucp v value various very via viz vs w
    want wants was way we wed welcome well went were what whatever when whence whenever where
    whereafter whereas whereby wherein whereupon wherever whether which while whither who
    whoever whole whom whose why will willing wish with within without wo wonder would x y yes
    yet you your yours yourself yourselves z zero
"""
STOP_WORDS = frozenset(_SMART_COMMON_WORDS.split())

_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")  # A-Z only, as Perl's tr
_HYPHEN = re.compile(r"-")
_NOT_WORD = re.compile(r"[^a-z0-9\-]+")


def rouge_text(sentences: Sequence[str]) -> str:
    """Steps 1-2: a day's sentences as the one lower-case, space-separated line that ROUGE tokenizes."""
    parts = [s.replace("^", "&circ;").split("<", 1)[0] for s in sentences]
    text = " ".join(p for p in parts if p)
    text = text.translate(_LOWER)
    return " ".join(_NOT_WORD.sub(" ", _HYPHEN.sub(" - ", text)).split())


def rouge_tokens(sentences: Sequence[str]) -> list[str]:
    """Steps 1-4: the words ROUGE counts n-grams over, for a day's sentences taken together."""
    return [_word(t) for t in rouge_text(sentences).split() if t not in STOP_WORDS and t[0] != "-"]


@lru_cache(maxsize=200_000)
def _word(token: str) -> str:
    return stem(token) if len(token) > 3 else token

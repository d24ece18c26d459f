"""Build storyline's one C extension, the source tagger's CRF (``storyline.doc._crf``); everything
else is in pyproject.toml. ``pip install -e .`` compiles it; without a compiler storyline still
runs, tagging with python-crfsuite (``storyline.doc.attribution_crf`` warns once)."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "storyline.doc._crf",
            sources=["src/storyline/doc/_crf.c"],
            # no fused multiply-add: the sums must round as crfsuite's do, for bit-identical marginals
            extra_compile_args=["-ffp-contract=off"],
            optional=True,  # a failed build leaves storyline installed, tagging with python-crfsuite
        )
    ]
)

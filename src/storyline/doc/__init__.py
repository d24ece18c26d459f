"""Per-document stages (Document -> Document): clean, metadata, nlp, time, quantities, attribution."""

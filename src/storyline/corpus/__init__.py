"""Cross-document stages (Story -> Story): derivation, events, figures, contradictions, timeline."""

"""Renderers: result objects to terminal text (rich), JSON, Markdown, HTML, Word."""

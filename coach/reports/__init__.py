"""Renderers for the progress report: Markdown for notes, one self-contained HTML page with inline SVG."""
from __future__ import annotations

from coach.reports.render_html import render_html
from coach.reports.render_md import render_md

RENDERERS = {"md": render_md, "html": render_html}

__all__ = ["RENDERERS", "render_html", "render_md"]

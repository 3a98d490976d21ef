"""Cleaning of scraped text (stub)."""

from __future__ import annotations

from ..model import Article


def clean_article(article: Article) -> Article:
    return article

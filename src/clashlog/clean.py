"""PLACEHOLDER until the cleaning stage lands."""

from .model import Article, RawArticle, stable_id


def clean_article(raw: RawArticle, *, published: str | None = None, outlet: str | None = None) -> Article:
    text = raw.text.strip()
    return Article(article_id=raw.id or stable_id(text), text=text, title=raw.title,
                   outlet=outlet or raw.outlet, published=published or raw.published, url=raw.url)

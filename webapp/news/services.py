"""News rules: write, publish, list what a person may read."""
from __future__ import annotations

import datetime as dt

from webapp.db import database
from webapp.models import NewsItem, RoadmapItem


def visible(organisation, user):
    query = NewsItem.select().where(NewsItem.organisation == organisation)
    if not user.is_staff:
        query = query.where(NewsItem.published == True)  # noqa: E712
    return query.order_by(NewsItem.created_at.desc(),
                          NewsItem.id.desc())


def published(organisation, limit: int = 30):
    return (NewsItem.select().where((NewsItem.organisation == organisation) & (NewsItem.published == True))  # noqa: E712
            .order_by(NewsItem.published_at.desc(), NewsItem.id.desc()).limit(limit))


def save(organisation, data: dict, actor, item: NewsItem | None = None) -> NewsItem:
    """Create or update; the first publication stamps ``published_at``."""
    with database.atomic():
        item = item or NewsItem(organisation=organisation, author=actor)
        roadmap_id = data.pop("roadmap_item_id", None)
        item.roadmap_item = (RoadmapItem.get_or_none((RoadmapItem.id == roadmap_id)
                                                     & (RoadmapItem.organisation == organisation))
                             if roadmap_id else None)
        for key, value in data.items():
            setattr(item, key, value)
        now = dt.datetime.now()
        if item.published and item.published_at is None:
            item.published_at = now
        item.updated_at = now
        item.save()
    return item

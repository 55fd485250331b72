"""The school's public Atom feed (RFC 4287), built with xml.etree so every text is escaped."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.astimezone()  # naive times are the server's local time
    return moment.isoformat(timespec="seconds")


def _clean(text: str) -> str:
    """Drop characters XML 1.0 forbids (control characters other than tab and newlines)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


def feed(organisation, items, *, feed_url: str, site_url: str, item_url, feed_id: str | None = None) -> bytes:
    """``feed_id``: the feed's permanent IRI (defaults to ``feed_url`` when that is absolute)."""
    feed_id = feed_id or feed_url
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    items = list(items)

    def sub(parent, tag, text=None, **attrs):
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = _clean(text)
        return element

    sub(root, "id", f"{feed_id}")
    sub(root, "title", f"Наставничество — {organisation.short_name}")
    sub(root, "subtitle", "Новости о мероприятиях дорожной карты Целевой модели наставничества")
    updated = max((i.updated_at for i in items), default=organisation.created_at)
    sub(root, "updated", _stamp(updated))
    sub(root, "link", href=feed_url, rel="self", type="application/atom+xml")
    sub(root, "link", href=site_url, rel="alternate", type="text/html")
    author = sub(root, "author")
    sub(author, "name", organisation.name)
    for item in items:
        entry = sub(root, "entry")
        sub(entry, "id", f"{feed_id}#news-{item.id}")
        sub(entry, "title", item.title, type="text")
        sub(entry, "published", _stamp(item.published_at or item.created_at))
        sub(entry, "updated", _stamp(item.updated_at))
        sub(entry, "link", href=item_url(item), rel="alternate", type="text/html")
        sub(entry, "content", item.body, type="text")
        if item.roadmap_item_id and item.roadmap_item is not None:
            sub(entry, "category", term=f"roadmap-{item.roadmap_item.step}", label=f"Этап {item.roadmap_item.step} дорожной карты")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)

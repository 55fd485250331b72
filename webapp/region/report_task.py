"""The regional report as a background task: the builder the task queue's ``regional_report`` kind runs
(``app.extensions["regional_report_builder"]``), from the same kept table and exports as the page."""
from __future__ import annotations

from webapp.models import Region
from webapp.region import export
from webapp.region.cache import region_table
from webapp.tasks import lifecycle

FORMATS = {"xlsx": export.report_xlsx, "docx": export.report_docx}


def build(params: dict, progress) -> tuple[bytes, str]:
    region_id, year, fmt = params.get("region"), params.get("year"), params.get("format")
    region = Region.get_or_none(Region.id == region_id) if isinstance(region_id, int) else None
    if region is None or not isinstance(year, int) or fmt not in FORMATS:
        raise lifecycle.TaskFailed(lifecycle.stored_error("not_available"))
    progress(10, "loading")
    table = region_table(region, year)
    progress(70, "building")
    return FORMATS[fmt](region, table), f"region-{year}.{fmt}"


def init_app(state) -> None:
    state.app.extensions["regional_report_builder"] = build

"""The archive's figures as one self-contained HTML page: Vega-Lite charts made with Altair, the
Vega JavaScript inlined (``vl_convert`` ships the bundle), tables for failures and size.

Nothing on the page is fetched: the charts carry their data, the script is in the file, and a
Content-Security-Policy forbids every request, so the page opens offline and cannot leak.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import altair as alt
import jinja2
import vl_convert
from markupsafe import Markup

from archiver import __version__
from archiver.report.figures import archive_figures
from archiver.store.atomic import write_atomically

REPORT_NAME = "report.html"

WIDTH = 720
CRAWL_AXIS = alt.Axis(labelAngle=-20)
# Vega compiles its expressions with Function(), hence 'unsafe-eval'; nothing may be loaded.
POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'unsafe-inline'; img-src data:"
)


def _data(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Rows carried inside the chart's spec (never a URL to fetch)."""
    return {"values": rows}


def _lang_stack(rows: list[dict[str, Any]], field: str, title: str) -> alt.Chart:
    """Items per language, stacked by the values of one column (a kind, a date status…)."""
    chart: alt.Chart = (
        alt.Chart(_data(rows), title=title)
        .mark_bar()
        .encode(
            x=alt.X("items:Q", title="items", stack="zero"),
            y=alt.Y("lang:N", title="language"),
            color=alt.Color(f"{field}:N", title=field),
            tooltip=["lang:N", f"{field}:N", "items:Q"],
        )
        .properties(width=WIDTH)
    )
    return chart


def _heat_map(coverage: list[dict[str, Any]]) -> alt.LayerChart:
    """Language · kind against field, coloured by coverage and labelled with the percentage;
    a blank cell is a field that kind of item is not due."""
    base = alt.Chart(
        _data(coverage),
        title="Field coverage: share of the items due a field that have it",
    ).encode(
        x=alt.X("field:N", title="field", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("row:N", title="language · kind"),
        tooltip=["lang:N", "kind:N", "field:N", "due:Q", "filled:Q", "share:Q"],
    )
    cells = base.mark_rect().encode(
        color=alt.Color("share:Q", title="share", scale=alt.Scale(domain=[0, 1], scheme="blues"))
    )
    labels = base.mark_text(fontSize=10).encode(
        text=alt.Text("share:Q", format=".0%"),
        color=alt.condition("datum.share > 0.5", alt.value("white"), alt.value("black")),
    )
    layered: alt.LayerChart = (cells + labels).properties(width=WIDTH)
    return layered


def charts(figures: dict[str, Any]) -> dict[str, alt.TopLevelMixin]:
    """Each chart of the report by its id, drawn from the figures alone."""
    dated = [r for r in figures["items_per_month"] if r["month"] != "unknown"]
    coverage = [{**r, "row": f"{r['lang']} · {r['kind']}"} for r in figures["coverage"]]
    crawl_counts = [
        {"crawl_id": c["crawl_id"], "started_at": c["started_at"], "measure": name, "n": c[name]}
        for c in figures["crawls"]
        for name in ("rows", "revisions", "failures")
    ]
    undated = figures["period"]["undated"]
    return {
        "items_per_month": alt.Chart(
            _data(dated),
            title=f"Items per month of publication ({undated} undated items not shown)",
        )
        .mark_bar()
        .encode(
            x=alt.X("month:T", timeUnit="yearmonth", title="month"),
            y=alt.Y("items:Q", title="items", stack="zero"),
            color=alt.Color("lang:N", title="language"),
            tooltip=["lang:N", "month:N", "items:Q"],
        )
        .properties(width=WIDTH, height=240),
        "kinds": _lang_stack(figures["kinds"], "kind", "Kinds of item per language"),
        "coverage": _heat_map(coverage),
        "date_status": _lang_stack(figures["date_status"], "date_status", "Date statuses"),
        "date_source": _lang_stack(figures["date_source"], "date_source", "Date sources"),
        "date_conflict": _lang_stack(figures["date_conflict"], "date_conflict", "Date conflicts"),
        "crawl_counts": alt.Chart(
            _data(crawl_counts), title="Crawls: rows added, revisions, failures"
        )
        .mark_line(point=True)
        .encode(
            x=alt.X("crawl_id:O", title="crawl (in order of start)", sort=None, axis=CRAWL_AXIS),
            y=alt.Y("n:Q", title="count"),
            color=alt.Color("measure:N", title=""),
            tooltip=["crawl_id:N", "measure:N", "n:Q"],
        )
        .properties(width=WIDTH, height=200),
        "crawl_duration": alt.Chart(_data(figures["crawls"]), title="Crawls: duration (seconds)")
        .mark_bar()
        .encode(
            x=alt.X("crawl_id:O", title="crawl (in order of start)", sort=None, axis=CRAWL_AXIS),
            y=alt.Y("duration_seconds:Q", title="seconds"),
            tooltip=["crawl_id:N", "finish_reason:N", "duration_seconds:Q"],
        )
        .properties(width=WIDTH, height=160),
    }


PAGE = jinja2.Template(
    """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ policy }}">
<title>Archive report: {{ title }}</title>
<style>
body { font-family: sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.chart { margin: 1.5em 0; }
.url { word-break: break-all; }
</style>
<script>{{ bundle }}</script>
</head>
<body>
<h1>Archive report</h1>
<p>{{ title }} · made by archiver {{ version }}; every figure is what
<code>archiver stats DIR --json</code> gives.</p>
<h2>Size</h2>
<table id="size">
{% for name, value in size.items() %}<tr><th>{{ name }}</th>
<td class="n" data-figure="size.{{ name }}">{{ value }}</td></tr>
{% endfor %}<tr><th>period</th><td data-figure="period.first">{{ period.first or "none" }}</td>
<td data-figure="period.last">{{ period.last or "none" }}</td></tr>
<tr><th>undated items</th><td class="n" data-figure="period.undated">{{ period.undated }}</td></tr>
</table>
{% for id in chart_ids %}<div class="chart" id="chart-{{ id }}"></div>
{% endfor %}
<h2>Latest failures</h2>
<p><span data-figure="failures_total">{{ failures_total }}</span> failures in all crawls;
the newest {{ failures|length }} listed.</p>
<table id="failures">
<tr><th>crawl</th><th>status</th><th>reason</th><th>url</th></tr>
{% for f in failures %}<tr><td>{{ f.crawl_id }}</td><td class="n">{{ f.status or "" }}</td>
<td>{{ f.reason }}</td><td class="url">{{ f.url }}</td></tr>
{% endfor %}</table>
<script type="application/json" id="figures">{{ figures_json }}</script>
<script>
const specs = {{ specs_json }};
window.chartsDrawn = Promise.all(Object.entries(specs).map(
  ([id, spec]) => vegaEmbed("#chart-" + id, spec, {renderer: "svg", actions: false})
));
</script>
</body>
</html>
""",
    autoescape=True,
)


def _script_json(data: Any) -> str:
    """JSON safe inside a <script> element (no "</" can close it early)."""
    return json.dumps(data, ensure_ascii=False, default=str).replace("</", "<\\/")


def render(figures: dict[str, Any], title: str) -> str:
    """The report page for ``figures`` (``archive_figures``), titled with the archive's name."""
    specs = {name: chart.to_dict() for name, chart in charts(figures).items()}
    page: str = PAGE.render(
        policy=POLICY,
        title=title,
        version=__version__,
        bundle=Markup(vl_convert.javascript_bundle(None)),  # type: ignore[arg-type]
        size=figures["size"],
        period=figures["period"],
        chart_ids=list(specs),
        failures_total=figures["failures_total"],
        failures=figures["failures_latest"],
        figures_json=Markup(_script_json(figures)),
        specs_json=Markup(_script_json(specs)),
    )
    return page


def write_report(root: Path, out: Path | None = None, title: str | None = None) -> Path:
    """Write the archive's report (by default ``DIR/report.html``) and return its path;
    ``title`` defaults to the directory's name."""
    path = out if out is not None else root / REPORT_NAME
    page = render(archive_figures(root), title=title or root.resolve().name)

    def write(tmp: Path) -> None:
        tmp.write_text(page, encoding="utf-8")

    write_atomically(path, write, durable=False)
    return path

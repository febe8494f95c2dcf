"""Tables for readers: no index, words for column names, formatted numbers, titles that link to
the article explorer, and search and sort (offline) when a table is long.

One helper, :func:`reader_table`, serves every chapter so notebooks stay thin. Short tables are
static HTML; long ones become interactive DataTables through ``itables`` in offline mode (its
JavaScript bundle is embedded by :func:`init_tables`, never fetched from a CDN).
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd

from .safety import safe_text

__all__ = ["ReaderTable", "format_value", "init_tables", "reader_table", "INTERACTIVE_ROWS"]

#: Tables with more rows than this are searchable and sortable; shorter ones are static.
INTERACTIVE_ROWS = 20
EXPLORER_PAGE = "90_explorer.html"


def _missing(v) -> bool:
    if v is None or v is pd.NaT:
        return True
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _usd(v: float) -> str:
    a = abs(v)
    for div, unit in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if a >= div:
            x = v / div
            return f"US$ {x:,.1f} {unit}" if abs(x) < 100 else f"US$ {x:,.0f} {unit}"
    return f"US$ {v:,.0f}"


def format_value(v, kind: str | None) -> str:
    """A cell as a reader sees it: ``""`` when missing; ``usd`` (US$ 2.9 bn), ``int`` (1,234),
    ``pct`` (4.7%), ``float`` (12.3), ``float2``/``float3`` (0.05, 0.045), ``date`` (2025-12-26), ``share`` (0.47 -> 47%), else text."""
    if _missing(v):
        return ""
    if kind == "usd":
        return _usd(float(v))
    if kind == "int":
        return f"{int(round(float(v))):,}"
    if kind == "pct":
        return f"{float(v):.1f}%"
    if kind == "share":
        return f"{100 * float(v):.0f}%"
    if kind == "float":
        return f"{float(v):,.1f}"
    if kind in ("float2", "float3"):
        return f"{float(v):,.{kind[-1]}f}"
    if kind == "date":
        return pd.Timestamp(v).strftime("%Y-%m-%d")
    if isinstance(v, float):
        return f"{v:,.0f}" if v.is_integer() and abs(v) < 1e15 else f"{v:,.2f}"
    if isinstance(v, (list, tuple, set)):
        return ", ".join(str(x) for x in v)
    return str(v)


def _guess(s: pd.Series) -> str | None:
    if pd.api.types.is_datetime64_any_dtype(s):
        return "date"
    if pd.api.types.is_integer_dtype(s):
        return "int"
    if pd.api.types.is_float_dtype(s):
        vals = s.dropna()
        if len(vals) and (vals.abs() >= 1e6).any():
            return "int"
        if len(vals) and (vals == vals.round()).all():
            return "int"
        return "float"
    return None


class ReaderTable:
    """A formatted table ready to show (``_repr_html_``) or to glue; ``.data`` keeps the values."""

    def __init__(self, data: pd.DataFrame, cells: list[list[str]], caption: str | None, interactive: bool):
        self.data = data
        self._cells = cells
        self.caption = caption
        self.interactive = interactive

    def _static(self) -> str:
        head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in self.data.columns)
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in self._cells)
        cap = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        return (f'<div class="ainews-scroll"><table class="ainews-reader-table">{cap}'
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")

    def _repr_html_(self) -> str:
        if not self.interactive:
            return self._static()
        from itables import to_html_datatable

        shown = pd.DataFrame(self._cells, columns=list(self.data.columns))
        return to_html_datatable(shown, caption=self.caption, connected=False, display_logo_when_loading=False,
                                 allow_html=True, showIndex=False, pageLength=10, classes="display compact",
                                 lengthMenu=[10, 25, 100], autoWidth=False)

    def __len__(self) -> int:
        return len(self.data)


def reader_table(df: pd.DataFrame, columns: Mapping[str, str] | None = None, *,
                 formats: Mapping[str, str] | None = None, caption: str | None = None,
                 link_titles: bool = True, interactive: bool | None = None,
                 html_columns: tuple[str, ...] = ()) -> ReaderTable:
    """A table for readers of the report.

    Args:
        df: the data.
        columns: ``{column: heading}`` choosing and ordering what is shown (default all columns
            but ``doc_id``, headings with underscores as spaces).
        formats: ``{column: kind}`` for :func:`format_value` (default guessed from the dtype).
        caption: shown under the table.
        link_titles: a ``title`` column links to the article's entry in the explorer when
            ``doc_id`` is in ``df``; ``doc_id`` itself is never shown.
        interactive: search and sort (offline DataTables); default when the table has more than
            ``INTERACTIVE_ROWS`` rows.
        html_columns: columns holding HTML built by ainews (e.g. links from
            :func:`ainews.report.explorer_href`), shown as is; never article text.

    Returns:
        A :class:`ReaderTable`; text is contact-masked and escaped.
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"reader_table expects a DataFrame, got {type(df).__name__}")
    if columns is None:
        columns = {c: str(c).replace("_", " ") for c in df.columns if c != "doc_id"}
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"columns {missing} are not in the table; it has {list(df.columns)}")
    formats = dict(formats or {})
    kinds = {c: formats.get(c, _guess(df[c])) for c in columns}
    docs = df["doc_id"].astype(str).tolist() if "doc_id" in df.columns else None
    cells = []
    for i, rec in enumerate(df[list(columns)].itertuples(index=False, name=None)):
        row = []
        for c, v in zip(columns, rec):
            text = str(v) if c in html_columns and not _missing(v) else safe_text(format_value(v, kinds[c]))
            if c == "title" and link_titles and docs is not None:
                text = text or "(untitled article)"  # never the bare doc_id
                text = f'<a href="{EXPLORER_PAGE}#doc-{html.escape(docs[i], quote=True)}">{text}</a>'
            row.append(text)
        cells.append(row)
    data = df[list(columns)].rename(columns=dict(columns)).reset_index(drop=True)
    inter = len(df) > INTERACTIVE_ROWS if interactive is None else interactive
    return ReaderTable(data, cells, caption, inter)


def init_tables():
    """Embed the offline DataTables bundle once per page (call in a notebook's first cell)."""
    from itables import init_notebook_mode

    init_notebook_mode(all_interactive=False, connected=False)

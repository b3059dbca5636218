"""HTML pages: metadata from the page's own markup, main text from its article container.

Title, date, outlet and canonical URL come from Open Graph / article meta tags, JSON-LD and
<time> elements, in that order; the text is taken from the <article> (or itemprop=articleBody,
<main>, <body>) with scripts, navigation, figures and widgets removed, one line per block, and
then goes through the same head/body/tail reading as a text page (page.parse_stretch), so
inline furniture is dropped by the same rules. A page with several top-level <article>
elements, each with its own heading, gives one article each.
"""
from __future__ import annotations

import json
import re

import lxml.etree
import lxml.html

from sitrep.ingest.dates import parse_date
from sitrep.ingest.page import Draft, parse_stretch, text_lines

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "figure",
              "figcaption", "iframe", "svg", "button", "select", "template", "object", "embed")
# class/id words of widgets that sit inside article containers
_WIDGET = re.compile(r"(^|[\s_-])(share|social|related|comments?|newsletter|promo|advert|ads?|"
                     r"breadcrumbs?|subscribe|tags|caption|author-box|recommended)([\s_-]|$)", re.I)
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td",
           "div", "section", "article", "main", "br", "tr", "ul", "ol", "table", "time"}


def parse_html_doc(text: str):
    """The lxml tree of a page, or None when nothing parses."""
    try:
        return lxml.html.document_fromstring(text.encode("utf-8"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.ParserError, ValueError):
        return None


def _meta(root, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            vals = root.xpath(f"//meta[@{attr}=$n]/@content", n=name)
            if vals and vals[0].strip():
                return vals[0].strip()
    return None


def _json_ld(root) -> list[dict]:
    out = []
    for node in root.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(node)
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        out += [i for i in items if isinstance(i, dict)]
    return out


def _ld_field(items: list[dict], key: str):
    for item in items:
        if str(item.get("@type", "")).endswith(("Article", "NewsArticle", "ReportageNewsArticle", "BlogPosting")) \
                or key in item:
            val = item.get(key)
            if isinstance(val, dict):
                val = val.get("name")
            if val:
                return val
    return None


def block_lines(node) -> list[str]:
    """Text of `node`, one line per block element (inline markup joined into its block)."""
    parts: list[str] = []

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _BLOCKS:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCKS:
            parts.append("\n")
    walk(node)
    return [line for line in text_lines("".join(parts))]


def _strip(node) -> None:
    for el in node.xpath(" | ".join(f".//{t}" for t in _DROP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in node.xpath(".//*[@class or @id]"):
        marker = f"{el.get('class', '')} {el.get('id', '')}"
        # a widget rarely holds a headline or three paragraphs; an article body that merely
        # has such a class word ("ad-free", "has-share-bar") does
        if _WIDGET.search(marker) and el.getparent() is not None and not el.xpath(".//h1") \
                and len(el.xpath(".//p")) < 3:
            el.drop_tree()


def _clean_title(title: str | None, outlet: str | None) -> str | None:
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip()
    # "<headline> | Site" / "<headline> - Site": drop the site part when it names the outlet
    # or is short (2-4 words after the last separator).
    m = re.match(r"^(.*\S)\s+[|–—-]\s+([^|–—-]{2,40})$", title)
    if m and (outlet and m.group(2).strip().lower() == outlet.lower() or len(m.group(2).split()) <= 4
              and len(m.group(1).split()) >= 4):
        title = m.group(1)
    return title or None


def _heading(node) -> str | None:
    for h in node.xpath(".//h1 | .//h2"):
        text = re.sub(r"\s+", " ", h.text_content()).strip()
        if text:
            return text
    return None


def page_lines(text: str) -> list[str]:
    """Every block line of a page's <body>, furniture included (for repeats.site_furniture)."""
    root = parse_html_doc(text)
    if root is None:
        return []
    for el in root.xpath("//script | //style | //noscript"):
        el.drop_tree()
    body = (root.xpath("//body") or [root])[0]
    return block_lines(body)


def parse_html(text: str, furniture: frozenset[str] = frozenset()) -> list[Draft]:
    root = parse_html_doc(text)
    if root is None:
        return []
    ld = _json_ld(root)
    outlet = _meta(root, "og:site_name", "application-name", "publisher") or _ld_field(ld, "publisher")
    url = (root.xpath("//link[@rel='canonical']/@href") or [None])[0] or _meta(root, "og:url")
    published_raw = (_meta(root, "article:published_time", "og:published_time", "datePublished",
                           "pubdate", "publishdate", "date", "DC.date.issued", "dcterms.created",
                           "sailthru.date", "parsely-pub-date")
                     or _ld_field(ld, "datePublished")
                     or (root.xpath("//time[@datetime]/@datetime") or [None])[0])
    meta_title = (_meta(root, "og:title", "twitter:title", "headline") or _ld_field(ld, "headline"))
    page_title = _clean_title(meta_title or (root.findtext(".//title") or None), outlet)

    containers = root.xpath("//article[not(ancestor::article)]")
    multi = len(containers) >= 2 and all(_heading(c) for c in containers)
    if not multi:
        containers = (containers[:1] or root.xpath("//*[@itemprop='articleBody']")[:1]
                      or root.xpath("//main")[:1] or root.xpath("//body")[:1] or [root])
    drafts = []
    for node in containers:
        heading = _heading(node)
        own_time = (node.xpath(".//time[@datetime]/@datetime") or [None])[0]
        _strip(node)
        lines = block_lines(node)
        title = heading if multi else (page_title or heading)
        draft = parse_stretch(lines, title_hint=title, repeated=furniture)
        draft.title = title or draft.title
        date = parse_date(own_time if multi else published_raw) or (parse_date(own_time) if own_time else None)
        if date:
            draft.published, draft.published_how, draft.inferred = date, "meta", False
        draft.outlet = outlet or draft.outlet
        draft.url = url if not multi else None
        drafts.append(draft)
    return drafts


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed item bodies), one line per block."""
    if "<" not in fragment:
        return fragment
    try:
        node = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment)
    _strip(node)
    return "\n".join(block_lines(node))

"""The viewer in a real browser: Debian's chromium driven by playwright, page opened from disk.

Skipped only when /usr/bin/chromium is missing (`apt-get install chromium`; .ci/run does).
Every request other than the page's own file is routed, recorded and aborted: the page
must make none.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kgraph.render import ViewerOptions, write_viewer
from tests.test_render import XSS_IMG, XSS_LABEL, sample_graph, xss_graph

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).parent / "artifacts"
PASHINYAN = "https://w3id.org/kgraph/data/person/nikol-pashinyan"
TEXT_SPY = """window.__drawnText = [];
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
        window.__drawnText.push(String(text)); return fillText.call(this, text, ...rest); };"""

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


class Page:
    """A playwright page that records console errors and every network request it attempts."""

    def __init__(self, browser) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", self._request)
        self.context.route("**/*", self._refuse)

    def _refuse(self, route) -> None:
        """Let the page's own file through; record and abort anything else (http, https, ws...)."""
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
            return
        self.requests.append(route.request.url)
        route.abort()

    def _request(self, request) -> None:
        if not request.url.startswith(("file:", "data:")):
            self.requests.append(request.url)

    def open(self, path: Path) -> None:
        self.page.goto(path.as_uri())
        self.page.wait_for_function("() => window.kgraphReady === true", timeout=60_000)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def click_node(self, node_id: str) -> None:
        x, y = self.js("""id => {
            const net = window.kgraph.network, d = net.canvasToDOM(net.getPosition(id));
            const r = document.querySelector('#graph canvas').getBoundingClientRect();
            return [r.left + d.x, r.top + d.y]; }""", node_id)
        self.page.mouse.click(x, y)

    def click_edge(self, edge_id: str) -> None:
        x, y = self.js("""id => {
            const net = window.kgraph.network, e = window.kgraph.edges.get(id);
            const a = net.getPosition(e.from), b = net.getPosition(e.to);
            const d = net.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
            const r = document.querySelector('#graph canvas').getBoundingClientRect();
            return [r.left + d.x, r.top + d.y]; }""", edge_id)
        self.page.mouse.click(x, y)

    def panel(self) -> dict:
        return self.js("""() => ({
            hidden: document.getElementById('panel').hidden,
            title: document.querySelector('#panel-body h3')?.textContent,
            sentences: [...document.querySelectorAll('#panel .ev-sentence')].map(q => q.textContent),
            marks: [...document.querySelectorAll('#panel mark')].map(m => m.textContent),
            heads: [...document.querySelectorAll('#panel .ev-head strong')].map(s => s.textContent) })""")


@pytest.fixture(scope="module")
def browser() -> Iterator:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def tab(browser) -> Iterator[Page]:
    page = Page(browser)
    yield page
    page.context.close()


def test_sample_page_counts_panel_filters_offline(tab: Page, tmp_path: Path) -> None:
    html = tmp_path / "sample.html"
    write_viewer(sample_graph(), str(html), ViewerOptions(lang="en", physics=False))
    tab.open(html)
    assert tab.js("window.kgraph.nodes.length") == 6 and tab.js("window.kgraph.edges.length") == 3
    assert tab.js("window.kgraph.visibleCounts()") == {"nodes": 6, "edges": 3}

    tab.click_node(PASHINYAN)
    panel = tab.panel()
    assert not panel["hidden"] and panel["title"] == "Nikol Pashinyan"
    assert "Nikol Pashinyan mengkritik CSTO karena diam." in panel["sentences"]
    assert panel["marks"] == ["menelepon", "mengkritik"]  # by date: 12 then 13 September
    assert panel["heads"] == ["Armenia minta bantuan Rusia."] * 2

    assert tab.js("Object.keys(window.kgraph.nodes.get()[0]).sort()") == [
        "color", "id", "label", "shape", "size", "title", "x", "y"]  # vis gets what it draws, no more
    edge = tab.js("window.kgraph.data.edges.find(e => e.root === '11').id")
    tab.click_edge(edge)
    panel = tab.panel()
    assert panel["title"] == "Nikol Pashinyan → Collective Security Treaty Organization"
    assert panel["marks"] == ["mengkritik"]

    tab.page.select_option("#f-root", "11")
    assert tab.js("window.kgraph.visibleCounts()") == {"nodes": 2, "edges": 1}
    tab.page.click("#f-reset")
    tab.page.uncheck("input[data-type=Person]")
    assert tab.js("window.kgraph.visibleCounts()") == {"nodes": 3, "edges": 0}
    tab.page.click("#f-reset")
    tab.page.fill("#f-from", "2023-01-01")
    tab.page.dispatch_event("#f-from", "change")
    assert tab.js("window.kgraph.visibleCounts()") == {"nodes": 2, "edges": 1}  # Shoigu → Putin only
    tab.page.click("#f-reset")
    tab.page.select_option("#f-article", label="2023-03-01 · Shoigu bertemu Putin.")
    assert tab.js("window.kgraph.visibleCounts()") == {"nodes": 2, "edges": 1}
    tab.page.click("#f-reset")
    assert tab.js("window.kgraph.visibleCounts()") == {"nodes": 6, "edges": 3}

    tab.page.fill("#search", "csto")
    tab.page.press("#search", "Enter")
    assert tab.panel()["title"] == "Collective Security Treaty Organization"

    ARTIFACTS.mkdir(exist_ok=True)
    tab.page.screenshot(path=str(ARTIFACTS / "viewer.png"))
    assert tab.errors == [] and tab.requests == []


def test_physics_page_in_indonesian_loads_cleanly(tab: Page, tmp_path: Path) -> None:
    html = tmp_path / "physics.html"
    write_viewer(sample_graph(), str(html), ViewerOptions(lang="id", physics=True))
    tab.open(html)
    assert tab.js("window.kgraph.visibleCounts()") == {"nodes": 6, "edges": 3}
    assert tab.js("document.querySelector('#legend-types').textContent").startswith("Orang")
    assert tab.errors == [] and tab.requests == []


def test_big_graph_mode_draws_edge_labels_of_the_selected_node_only(tab: Page, tmp_path: Path) -> None:
    """Above the layout threshold edges carry no label (cheaper frames); the selected node's are drawn
    over the graph, and arrowheads come and go with the zoom."""
    html = tmp_path / "big.html"
    write_viewer(sample_graph(), str(html), ViewerOptions(lang="en", layout_threshold=3))
    tab.page.add_init_script(TEXT_SPY)
    tab.open(html)
    assert tab.js("window.kgraph.visibleCounts()") == {"nodes": 6, "edges": 3}
    assert tab.js("window.kgraph.edges.get({filter: e => e.label !== undefined}).length") == 0
    tab.js("() => window.kgraph.network.redraw()")
    assert "DISAPPROVE" not in tab.js("window.__drawnText")
    tab.click_node(PASHINYAN)
    assert tab.panel()["marks"] == ["menelepon", "mengkritik"]  # evidence read on the first click
    tab.page.wait_for_function("() => window.__drawnText.includes('DISAPPROVE')", timeout=5_000)
    assert "CONSULT" in tab.js("window.__drawnText")  # Putin → Pashinyan, the selected node's other edge
    tab.page.wait_for_function("() => window.kgraph.arrows() === true")  # six nodes fit at scale 1
    r = tab.js("() => document.querySelector('#graph canvas').getBoundingClientRect().toJSON()")
    tab.page.mouse.move(r["x"] + r["width"] / 2, r["y"] + r["height"] / 2)
    for _ in range(60):  # zoom out with the wheel until arrowheads would be under ~2 px
        tab.page.mouse.wheel(0, 300)
        if tab.js("window.kgraph.network.getScale()") < 0.2:
            break
    tab.page.wait_for_function("() => window.kgraph.arrows() === false", timeout=5_000)
    tab.page.select_option("#f-root", "04")
    assert tab.js("window.kgraph.visibleCounts()") == {"nodes": 3, "edges": 2}  # Putin, Pashinyan, Shoigu
    assert tab.errors == [] and tab.requests == []


def test_hostile_labels_show_as_text_and_never_run(tab: Page, tmp_path: Path) -> None:
    html = tmp_path / "xss.html"
    write_viewer(xss_graph(), str(html), ViewerOptions(lang="en", physics=False))
    tab.open(html)
    person = "https://w3id.org/kgraph/data/person/x"
    tab.page.mouse.move(10, 10)
    tab.click_node(person)
    panel = tab.panel()
    assert panel["title"] == f"Tokoh {XSS_LABEL}"
    assert panel["heads"] == [f"Judul {XSS_IMG}."]
    assert any('"</script><script>window.__xss=1</script>"' in s for s in panel["sentences"])
    pos = tab.js("""id => { const net = window.kgraph.network, d = net.canvasToDOM(net.getPosition(id));
        const r = document.querySelector('#graph canvas').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y]; }""", "https://w3id.org/kgraph/data/country/XX")
    tab.page.mouse.move(*pos)  # the vis-network tooltip shows the title
    tab.page.wait_for_timeout(600)
    tab.page.fill("#search", "negara")
    tab.page.press("#search", "Enter")
    assert tab.panel()["title"] == f"Negara {XSS_IMG}"
    assert tab.js("document.querySelectorAll('body img').length") == 0
    assert tab.js("document.querySelectorAll('script').length") == 4
    assert tab.js("window.__xss") is None
    assert tab.errors == [] and tab.requests == []

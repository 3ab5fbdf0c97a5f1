"""``archiver extract``: a saved file or a 127.0.0.1 URL, printed as the item's JSON."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from archiver.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "en_k2_site_news_comment_seed"
URL = "https://www.hizb-ut-tahrir.info/en/index.php/2017-01-28-14-59-33/news-comment/29123.html"
PATH = "/en/index.php/2017-01-28-14-59-33/news-comment/29123.html"


def test_extract_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "extract",
            str(FIXTURE / "page.html"),
            "--url",
            URL,
            "--listing-date",
            "2022-10-20T09:00:00+03:00",
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (out["key"], out["title"], out["author"]) == (
        "en/29123",
        "Lavrov Scares Central Asia Countries",
        "Muhammad Mansour",
    )
    assert out["published_date"] == "2022-10-20"
    assert out["date_source"] == "listing"


def test_extract_a_missing_file_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "missing.html")]) == 1
    assert "cannot read" in capsys.readouterr().err


@pytest.fixture
def local_site() -> Iterator[str]:
    page = (FIXTURE / "page.html").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = self.path == PATH
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page if found else b"")

        def log_message(self, *args: object) -> None:  # keep the test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_extract_a_local_url(local_site: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", local_site + PATH, "--url", URL]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["url"], out["fetched_url"], out["kind"]) == (URL, URL, "news_comment")


def test_extract_a_local_url_that_fails(
    local_site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", local_site + "/en/index.php/x/1.html"]) == 1
    assert "404" in capsys.readouterr().err

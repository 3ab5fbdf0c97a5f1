"""An operator's mistakes end a crawl before it starts, in one line, the same way whichever of
``archiver crawl`` and ``scrapy crawl`` started it; and both end with the same exit codes, the
health verdict and the finish reason in the manifest, and a user agent naming the operator.

Every crawl here talks to 127.0.0.1 only: a crawl of the real site's hosts is refused before
any request (that refusal is what is tested), so nothing leaves the machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scrapy.settings import Settings
from warcio.archiveiterator import ArchiveIterator

from archiver import __version__, preflight
from archiver.commands.stats import crawl_line
from archiver.contact import needs_contact, user_agent
from archiver.replica import ReplicaHandle
from archiver.store import lock

ROOT = Path(__file__).resolve().parent.parent
QUICK = [
    "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=0",
    "-s", "LOG_LEVEL=WARNING",
]  # fmt: skip
CONTACT = "mailto:ops@example.org"


def run(command: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "ARCHIVER_CONTACT"}
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
        env={**environment, **(env or {})},
    )  # fmt: skip


def archiver_crawl(*args: str | Path, env: dict[str, str] | None = None) -> Any:
    return run([sys.executable, "-m", "archiver.cli", "crawl", *QUICK, *map(str, args)], env)


def scrapy_crawl(spider: str, *args: str, env: dict[str, str] | None = None) -> Any:
    return run([sys.executable, "-m", "scrapy", "crawl", spider, *QUICK, *args], env)


def manifests(out: Path) -> list[dict[str, Any]]:
    paths = sorted((out / "crawls").glob("*.json"))
    return [json.loads(path.read_text(encoding="utf-8")) for path in paths]


def refused(done: Any, prefix: str) -> str:
    """The one line a refused crawl prints (exit 2, nothing else on stderr)."""
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(prefix), done.stderr
    return str(lines[0][len(prefix) :])


# --- mistakes before the start: exit 2, one line, nothing written --------------------------

# -s NAME=VALUE, and what the refusal asks for instead.
BAD_SETTINGS = [
    ("DOWNLOAD_TIMEOUT", "abc", "a number of seconds above 0"),
    ("ARCHIVER_BATCH_ROWS", "0", "a whole number of 1 or more"),
    ("RETRY_TIMES", "-1", "a whole number of 0 or more"),
    ("ROBOTSTXT_OBEY", "maybe", "True or False"),
    ("ARCHIVER_HEALTH_MAX_DROP", "20", "a share from 0 to 1, e.g. 0.2"),
    ("ARCHIVER_PROGRESS", "sometimes", "auto, on or off"),
    ("ARCHIVER_MAX_LISTING_PAGES", "abc", "a whole number of 1 or more"),
]
NOT_ISO = "is not a date in ISO form; give YYYY-MM-DD, e.g. 2024-11-26"
BAD_DATES = [
    (
        ("--since", "2024-03-01", "--until", "2024-01-31"),
        "since 2024-03-01 is after until 2024-01-31; give since on or before until",
    ),
    (("--since", "26/11/2024"), f"since '26/11/2024' {NOT_ISO}"),
    (("--until", "2024-13-01"), f"until '2024-13-01' {NOT_ISO}"),
]


@pytest.mark.parametrize(("name", "value", "wanted"), BAD_SETTINGS)
def test_a_setting_of_the_wrong_kind_is_refused_by_both_commands(
    name: str, value: str, wanted: str, tmp_path: Path
) -> None:
    setting, message = f"{name}={value}", f"setting {name}={value!r} is not valid: give {wanted}"
    out = tmp_path / "archive"
    done = archiver_crawl("--base-url", "http://127.0.0.1:9", "--out", out, "-s", setting)
    assert refused(done, "archiver crawl: ") == message
    done = scrapy_crawl(
        "mediaoffice", "-a", "base_url=http://127.0.0.1:9", "-s", f"ARCHIVER_OUT={out}",
        "-s", setting,
    )  # fmt: skip
    assert refused(done, "scrapy crawl: ") == message
    assert not out.exists()


@pytest.mark.parametrize(("args", "message"), BAD_DATES)
def test_dates_out_of_order_or_not_iso_are_refused_by_both_commands(
    args: tuple[str, ...], message: str, tmp_path: Path
) -> None:
    out = tmp_path / "archive"
    done = archiver_crawl("--base-url", "http://127.0.0.1:9", "--out", out, *args)
    assert refused(done, "archiver crawl: ") == message
    assert not out.exists()
    pairs = zip(args[::2], args[1::2], strict=True)
    spider_args = [f"{name.lstrip('-')}={value}" for name, value in pairs]
    done = scrapy_crawl(
        "mediaoffice", "-a", "base_url=http://127.0.0.1:9", "-s", f"ARCHIVER_OUT={out}",
        *(arg for pair in spider_args for arg in ("-a", pair)),
    )  # fmt: skip
    assert refused(done, "scrapy crawl: ") == message
    assert "Traceback" not in done.stdout and not (out / "crawls").exists()


def test_an_out_that_cannot_hold_an_archive_is_refused(tmp_path: Path) -> None:
    occupied = tmp_path / "file"
    occupied.write_text("not an archive", encoding="utf-8")
    for out, message in (
        (occupied, f"{occupied} exists and is not a directory"),
        (occupied / "below", f"cannot write to {occupied / 'below'}: Not a directory"),
        (Path("/proc/archive"), "/proc/archive is under /proc, a kernel file system"),
    ):
        message += "; choose another --out"
        done = archiver_crawl("--base-url", "http://127.0.0.1:9", "--out", out)
        assert refused(done, "archiver crawl: ") == message
        done = scrapy_crawl(
            "mediaoffice", "-a", "base_url=http://127.0.0.1:9", "-s", f"ARCHIVER_OUT={out}"
        )
        assert refused(done, "scrapy crawl: ") == message
    assert occupied.read_text(encoding="utf-8") == "not an archive"


def test_an_out_without_write_permission_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tests may run as root, whom permissions do not stop: the refusal is what is tested.
    def denied(**kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("archiver.preflight.tempfile.TemporaryFile", denied)
    with pytest.raises(preflight.Refused) as error:
        preflight.output_dir(tmp_path)
    assert (
        str(error.value) == f"cannot write to {tmp_path}: Permission denied; choose another --out"
    )


def test_settings_are_read_in_the_forms_scrapy_accepts() -> None:
    good = Settings({"DOWNLOAD_TIMEOUT": "2.5", "ROBOTSTXT_OBEY": "false", "RETRY_TIMES": "0"})
    preflight.check_settings(good)
    assert good.getfloat("DOWNLOAD_TIMEOUT") == 2.5


@given(st.text().filter(lambda text: not _is_whole(text)))
def test_a_whole_number_setting_refuses_everything_else(text: str) -> None:
    with pytest.raises(preflight.Refused, match=r"^setting ARCHIVER_BATCH_ROWS="):
        preflight.check_settings(Settings({"ARCHIVER_BATCH_ROWS": text}))


def _is_whole(text: str) -> bool:
    try:
        return int(text) >= 1
    except ValueError:
        return False


# --- the operator's contact ----------------------------------------------------------------


def test_the_user_agent_names_the_project_its_version_and_the_contact() -> None:
    about = "research archive of the Central Media Office site"
    assert user_agent(CONTACT) == f"archiver/{__version__} ({about}; +{CONTACT})"
    assert user_agent("") == f"archiver/{__version__} ({about})"


def test_only_the_real_sites_hosts_need_a_contact() -> None:
    assert needs_contact(["https://www.hizb-ut-tahrir.info"])
    assert needs_contact(["http://127.0.0.1:8000", "https://muslimworld.today"])
    assert needs_contact(["https://hizb-uttahrir.info/en/index.php/x/5.html"])
    assert not needs_contact(["http://127.0.0.1:8000", "http://localhost:8000"])
    assert not needs_contact(["https://mirror.example.org"])


def test_a_crawl_of_the_real_site_without_a_contact_refuses_to_start(tmp_path: Path) -> None:
    out = tmp_path / "archive"
    expected = (
        "crawling the real site needs your contact in the user agent: set -s "
        "ARCHIVER_CONTACT=mailto:you@example.org (or the ARCHIVER_CONTACT environment variable)"
    )
    for args in (
        [],
        ["--base-url", "https://hizbuttahrir.today"],
        ["--base-url", "http://127.0.0.1:9", "--mirrors", "https://muslimworld.today"],
    ):
        assert refused(archiver_crawl("--out", out, *args), "archiver crawl: ") == expected
    item = "https://www.hizb-ut-tahrir.info/en/index.php/press-releases/5.html"
    done = scrapy_crawl("article", "-a", f"url={item}", "-s", f"ARCHIVER_OUT={out}")
    assert refused(done, "scrapy crawl: ") == expected
    done = scrapy_crawl("mediaoffice", "-s", f"ARCHIVER_OUT={out}")
    assert refused(done, "scrapy crawl: ") == expected
    done = archiver_crawl("--out", out, "-s", "ARCHIVER_CONTACT=ops at example")
    assert refused(done, "archiver crawl: ") == (
        "ARCHIVER_CONTACT='ops at example' is neither a web address nor an e-mail address; "
        "give e.g. mailto:you@example.org or https://example.org/contact"
    )
    assert not out.exists()


def test_a_contact_given_lets_the_real_site_pass_the_check() -> None:
    # Checked in process: a subprocess with the contact set would really crawl the site.
    for contact in (CONTACT, "ops@example.org", "https://example.org/archive-contact"):
        settings = Settings({"ARCHIVER_CONTACT": contact})
        preflight.check_contact(settings, {"base_url": "https://www.hizb-ut-tahrir.info"})


def warc_user_agents(out: Path) -> set[str]:
    agents = set()
    for path in (out / "warc").glob("*.warc.gz"):
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type == "request":
                    agents.add(record.http_headers.get_header("User-Agent"))
    return agents


def test_the_contact_reaches_the_user_agent_from_a_setting_or_the_environment(
    replica: ReplicaHandle, tmp_path: Path
) -> None:
    bounded = ["--lang", "en", "--max-items", "2", "--base-url", replica.base_url]
    by_setting, by_env, explicit = tmp_path / "s", tmp_path / "e", tmp_path / "x"
    done = archiver_crawl("--out", by_setting, *bounded, "-s", f"ARCHIVER_CONTACT={CONTACT}")
    assert done.returncode in (0, 3), done.stdout + done.stderr
    done = archiver_crawl("--out", by_env, *bounded, env={"ARCHIVER_CONTACT": CONTACT})
    assert done.returncode in (0, 3), done.stdout + done.stderr
    done = archiver_crawl("--out", explicit, *bounded, "-s", "USER_AGENT=my-own-agent/1")
    assert done.returncode in (0, 3), done.stdout + done.stderr
    for out, agent in ((by_setting, user_agent(CONTACT)), (by_env, user_agent(CONTACT)),
                       (explicit, "my-own-agent/1")):  # fmt: skip
        assert manifests(out)[0]["options"]["USER_AGENT"] == agent
        assert warc_user_agents(out) == {agent}


@pytest.fixture
def agent_server() -> Iterator[tuple[str, list[str]]]:
    """A page on 127.0.0.1 that records the User-Agent of each request."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.headers.get("User-Agent", ""))
            body = b"<html><body><h2>A title</h2></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


def test_extract_fetches_with_the_crawls_user_agent(agent_server: tuple[str, list[str]]) -> None:
    base, seen = agent_server
    done = run(
        [sys.executable, "-m", "archiver.cli", "extract", f"{base}/en/index.php/x/5.html"],
        env={"ARCHIVER_CONTACT": CONTACT},
    )
    assert done.returncode == 0, done.stderr
    assert seen == [user_agent(CONTACT)]


def test_extract_builds_its_user_agent_from_a_contact_setting(
    agent_server: tuple[str, list[str]],
) -> None:
    """-s ARCHIVER_CONTACT=… rebuilds the agent as it does for a crawl; -s USER_AGENT wins."""
    base, seen = agent_server
    url = f"{base}/en/index.php/x/5.html"
    for setting in (["-s", f"ARCHIVER_CONTACT={CONTACT}"], ["-s", "USER_AGENT=my-own-agent/1"]):
        done = run([sys.executable, "-m", "archiver.cli", "extract", url, *setting])
        assert done.returncode == 0, done.stderr
    assert seen == [user_agent(CONTACT), "my-own-agent/1"]


# --- how a run ended, the same for both commands --------------------------------------------


def test_scrapy_crawl_runs_the_health_check_and_exits_as_archiver_crawl_does(
    replica: ReplicaHandle, tmp_path: Path, closed_port: int
) -> None:
    healthy, broken, by_cli = tmp_path / "healthy", tmp_path / "broken", tmp_path / "cli"
    done = scrapy_crawl(
        "mediaoffice", "-a", f"base_url={replica.base_url}", "-a", "lang=en",
        "-s", f"ARCHIVER_OUT={healthy}",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (passed,) = manifests(healthy)
    assert passed["finish_reason"] == "finished"
    assert passed["health"] == {"verdict": "passed", "problems": []}
    assert passed["stats"]["health/verdict"] == "passed"

    unreachable = f"http://127.0.0.1:{closed_port}"
    listing_problem = {
        "lang": "all", "what": "listings",
        "message": "1 listing page(s) could not be read, so the walk is incomplete; "
        "see the failures in the crawl manifest",
    }  # fmt: skip
    done = scrapy_crawl(
        "mediaoffice", "-a", f"base_url={unreachable}", "-s", f"ARCHIVER_OUT={broken}"
    )
    assert done.returncode == 3, done.stderr
    assert f"HEALTH: {listing_problem['message']}" in done.stderr
    done = archiver_crawl("--base-url", unreachable, "--out", by_cli)
    assert done.returncode == 3, done.stderr
    assert f"HEALTH: {listing_problem['message']}" in done.stdout
    for out in (broken, by_cli):
        (run_,) = manifests(out)
        assert run_["finish_reason"] == "finished"
        assert run_["health"] == {"verdict": "failed", "problems": [listing_problem]}

    done = run([sys.executable, "-m", "archiver.cli", "stats", str(healthy)])
    assert done.returncode == 0, done.stderr
    (line,) = [line for line in done.stdout.splitlines() if passed["crawl_id"] in line]
    assert "  ended: finished  health: passed  " in line


def test_the_article_spider_is_not_judged_by_the_listing_health_check(
    replica: ReplicaHandle, tmp_path: Path
) -> None:
    done = scrapy_crawl(
        "article", "-a", f"url={replica.base_url}/en/index.php/nowhere/1.html",
        "-s", f"ARCHIVER_OUT={tmp_path}",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (run_,) = manifests(tmp_path)
    assert (run_["finish_reason"], run_["health"]) == ("finished", None)


def test_the_stats_listing_names_how_each_crawl_ended_and_its_health() -> None:
    base = {"crawl_id": "c1", "started_at": "s", "finished_at": "f", "rows": 3, "files": [{}]}
    base["failures"] = []
    failed = {
        "verdict": "failed",
        "problems": [
            {"lang": "en", "what": "author", "message": "…"},
            {"lang": "all", "what": "listings", "message": "…"},
        ],
    }
    assert crawl_line({**base, "finish_reason": "shutdown", "health": failed}) == (
        "  c1  started s  finished f  ended: shutdown  health: failed (en author, all listings)  "
        "3 rows in 1 files, 0 failures"
    )
    assert crawl_line({**base, "finish_reason": "finished"}) == (
        "  c1  started s  finished f  ended: finished  health: not checked  "
        "3 rows in 1 files, 0 failures"
    )


# --- the lock ---------------------------------------------------------------------------------


def test_a_locked_archive_names_the_way_out_for_both_commands_without_a_traceback(
    tmp_path: Path,
) -> None:
    lock.acquire(tmp_path)
    try:
        by_cli = archiver_crawl("--base-url", "http://127.0.0.1:9", "--out", tmp_path)
        by_scrapy = scrapy_crawl(
            "mediaoffice", "-a", "base_url=http://127.0.0.1:9", "-s", f"ARCHIVER_OUT={tmp_path}",
            "-s", "LOG_LEVEL=INFO",
        )  # fmt: skip
    finally:
        lock.release(tmp_path)
    message = (
        f"{tmp_path} is being written by another crawl (process {os.getpid()}); wait for it "
        "to finish, or crawl into another archive: archiver crawl --out DIR, "
        "or scrapy crawl … -s ARCHIVER_OUT=DIR"
    )
    assert (by_cli.returncode, by_cli.stderr) == (1, f"archiver crawl: {message}\n")
    assert by_scrapy.returncode == 1
    assert f"scrapy crawl: {message}\n" in by_scrapy.stderr
    assert "Traceback" not in by_scrapy.stderr
    assert "Task exception was never retrieved" not in by_scrapy.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [".lock"]

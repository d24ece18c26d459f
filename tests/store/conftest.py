"""Store URLs for the tests: a fresh SQLite file, or a fresh database in a throwaway PostgreSQL.

The PostgreSQL server comes from Debian's packages (``apt-get update && apt-get install -y
postgresql`` puts ``initdb`` and ``pg_ctl`` in ``/usr/lib/postgresql/<version>/bin``). One server is
started per test session, in a temporary folder, listening only on a unix socket there:

    initdb -D DIR/data -U storyline --auth=trust -E UTF8 --locale=C.UTF-8
    pg_ctl -D DIR/data -l DIR/log -w -o "-p PORT -k DIR -c listen_addresses= -c fsync=off" start
    ...  postgresql://storyline@/DB?host=DIR&port=PORT
    pg_ctl -D DIR/data -m immediate -w stop

PostgreSQL refuses to run as root, so as root both commands run through ``runuser -u postgres --``
(the package creates that user) and DIR is made and owned by it. Each test gets its own database.
Without the binaries the PostgreSQL tests skip, unless ``STORYLINE_REQUIRE_POSTGRES=1`` (set in
CI), when they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from glob import glob
from pathlib import Path
from typing import NoReturn

import pytest
from sqlalchemy import create_engine, text

BACKENDS = ["sqlite", "postgresql"]
StoreUrl = Callable[[], str]


def postgres_bin() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: on PATH, or the newest Debian install."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(candidates[-1]).parent if candidates else None


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _missing(reason: str) -> NoReturn:
    if os.environ.get("STORYLINE_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"{reason}, and STORYLINE_REQUIRE_POSTGRES=1 requires it", pytrace=False)
    pytest.skip(f"{reason}; install it with `apt-get install -y postgresql` to run the PostgreSQL tests")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The base URL (no database) of a throwaway PostgreSQL server for this session."""
    bindir = postgres_bin()
    if bindir is None:
        _missing("PostgreSQL's initdb was not found on PATH or in /usr/lib/postgresql/*/bin")
    folder = Path(tempfile.mkdtemp(prefix="storyline-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = _free_port()
    options = f"-p {port} -k {folder} -c listen_addresses= -c fsync=off -c full_page_writes=off"
    data = str(folder / "data")
    steps = [
        [str(bindir / "initdb"), "-D", data, "-U", "storyline", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
        [str(bindir / "pg_ctl"), "-D", data, "-l", str(folder / "log"), "-w", "-o", options, "start"],
    ]
    for step in steps:
        done = subprocess.run(_as_postgres(step), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            shutil.rmtree(folder, ignore_errors=True)
            pytest.fail(f"{Path(step[0]).name} failed: {done.stderr or done.stdout}", pytrace=False)
    try:
        yield f"postgresql://storyline@/{{database}}?host={folder}&port={port}"
    finally:
        stop = [str(bindir / "pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "-w", "stop"]
        subprocess.run(_as_postgres(stop), capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def new_postgres_database(server: str) -> str:
    """Create an empty database on the server and return its URL."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(server.format(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return server.format(database=name)


@pytest.fixture(params=BACKENDS)
def new_store_url(request: pytest.FixtureRequest, tmp_path: Path) -> StoreUrl:
    """Call it for the URL of a new, empty store on the backend of this parameter."""
    if request.param == "sqlite":
        return lambda: f"sqlite:///{tmp_path / uuid.uuid4().hex}.db"
    server: str = request.getfixturevalue("postgres_server")
    return lambda: new_postgres_database(server)


@pytest.fixture
def store_url(new_store_url: StoreUrl) -> str:
    """The URL of a new, empty store, on SQLite and on PostgreSQL."""
    return new_store_url()

"""A PostgreSQL server for the tests: SOVANG_TEST_PG_URL when set, else a throwaway one started here.

The throwaway server is `initdb` into a temporary directory and `postgres` on 127.0.0.1 with a free port
and its socket in that directory, fsync off, started once per test session and stopped at its end.
PostgreSQL refuses to run as root, so as root it runs as an unprivileged account (`nobody`, or a system
account `sovang-test` made with useradd when there is no `nobody`). A small watcher process stops the
server and removes its folder if the session is killed before it could. Each test gets its own
database, copied from a migrated template (CREATE DATABASE … TEMPLATE), and dropped afterwards.

When no server can be had, PgUnavailable says exactly what is missing (the tests skip with it).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

TEST_URL_ENV = "SOVANG_TEST_PG_URL"
SUPERUSER = "sovang"
TEST_ACCOUNT = "sovang-test"
START_TIMEOUT_S = 60


class PgUnavailable(RuntimeError):
    """No PostgreSQL server for the tests; the message names what is missing."""


@dataclass
class PgServer:
    """A reachable server: where to connect, and the process when this session started it."""

    base_url: str  # postgresql+psycopg://user[:password]@host:port/postgres
    process: subprocess.Popen | None = None
    workdir: Path | None = None
    template: str = ""  # a migrated database the tests' databases are copied from (tests/conftest.py)
    commune_template: str = ""  # the same with the commune set up
    _names: itertools.count = field(default_factory=lambda: itertools.count(1))

    def url(self, database: str) -> str:
        return make_url(self.base_url).set(database=database).render_as_string(hide_password=False)

    def admin(self) -> psycopg.Connection:
        """An autocommit connection to the maintenance database (CREATE/DROP DATABASE)."""
        conninfo = make_url(self.base_url).set(drivername="postgresql")
        return psycopg.connect(conninfo.render_as_string(hide_password=False), autocommit=True)

    def new_name(self, prefix: str) -> str:
        return f"{prefix}_{os.getpid()}_{next(self._names)}"

    def create_database(self, name: str, template: str | None = None) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if template is None:
                conn.execute(f'CREATE DATABASE "{name}"')
            else:  # FILE_COPY (PostgreSQL 15+) is the quicker copy of a small database
                strategy = " STRATEGY FILE_COPY" if conn.info.server_version >= 150000 else ""
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"{strategy}')

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # "fast" shutdown
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)


def get_server() -> PgServer:
    """The server named by SOVANG_TEST_PG_URL, or a new throwaway one; PgUnavailable when neither."""
    given = os.environ.get(TEST_URL_ENV)
    if given:
        url = make_url(given)
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        server = PgServer(url.render_as_string(hide_password=False))
        try:
            server.admin().close()
        except psycopg.Error as exc:
            raise PgUnavailable(f"không kết nối được máy chủ PostgreSQL trong {TEST_URL_ENV}: {exc}") from exc
        return server
    return start_server(find_bindir())


def find_bindir() -> Path:
    """The directory of initdb and postgres: pg_config --bindir, then /usr/lib/postgresql/*/bin."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        if found.returncode == 0:
            candidates.append(Path(found.stdout.strip()))
    newest_first = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_major_version, reverse=True)
    candidates += [Path(p) for p in newest_first]
    for bindir in candidates:
        if (bindir / "initdb").exists() and (bindir / "postgres").exists():
            return bindir
    raise PgUnavailable("PostgreSQL không có trên máy này: không tìm thấy initdb và postgres "
                        "(pg_config --bindir, /usr/lib/postgresql/*/bin)")


def _major_version(path: str) -> int:
    name = Path(path).parent.name
    return int(name) if name.isdigit() else 0


def start_server(bindir: Path) -> PgServer:
    account = _server_account()
    workdir = Path(tempfile.mkdtemp(prefix="sovang-pg-"))
    try:
        if account is not None:
            os.chown(workdir, account.pw_uid, account.pw_gid)
        _initdb(bindir, workdir, account)
        port = _free_port()
        process = _run_postgres(bindir, workdir, port, account)
        _watch_over(process, workdir)
        server = PgServer(f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/postgres", process, workdir)
        _wait_until_ready(server, workdir)
        return server
    except BaseException:
        _stop_quietly(locals().get("process"))
        shutil.rmtree(workdir, ignore_errors=True)
        raise


def _server_account() -> pwd.struct_passwd | None:
    """None when not root; else the unprivileged account PostgreSQL runs as."""
    if os.geteuid() != 0:
        return None
    for name in ("nobody", TEST_ACCOUNT):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    useradd = shutil.which("useradd")
    if useradd is None:
        raise PgUnavailable("PostgreSQL không chạy dưới quyền root, mà máy này không có tài khoản "
                            "nobody và không có useradd để tạo tài khoản thường")
    subprocess.run([useradd, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", TEST_ACCOUNT],
                   check=True, capture_output=True)
    return pwd.getpwnam(TEST_ACCOUNT)


def _run_as(account: pwd.struct_passwd | None, workdir: Path) -> dict:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8",
           "HOME": str(workdir), "TZ": "UTC"}
    if account is None:
        return {"env": env}
    return {"env": env, "user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}


def _initdb(bindir: Path, workdir: Path, account: pwd.struct_passwd | None) -> None:
    command = [str(bindir / "initdb"), "-D", str(workdir / "data"), "-U", SUPERUSER, "--auth=trust",
               "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=workdir, **_run_as(account, workdir))
    if done.returncode != 0:
        raise PgUnavailable(f"initdb không chạy được ({' '.join(command)}): {done.stderr.strip()[-500:]}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run_postgres(bindir: Path, workdir: Path, port: int,
                  account: pwd.struct_passwd | None) -> subprocess.Popen:
    settings = {
        "listen_addresses": "127.0.0.1", "port": str(port), "unix_socket_directories": str(workdir),
        "fsync": "off", "synchronous_commit": "off", "full_page_writes": "off", "max_connections": "200",
        "logging_collector": "off",
        "timezone": "Asia/Ho_Chi_Minh",  # as a server in Vietnam would be: the app must not depend on it
    }
    command = [str(bindir / "postgres"), "-D", str(workdir / "data")]
    command += [part for key, value in settings.items() for part in ("-c", f"{key}={value}")]
    log = open(workdir / "server.log", "wb")  # noqa: SIM115 - the server writes to it until it stops
    with log:
        return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=workdir,
                                start_new_session=True, **_run_as(account, workdir))


# Stops the server and removes its folder when the test session ends without doing so (killed).
_REAPER = """
import os, shutil, signal, sys, time
session, server, workdir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True
while alive(session) and alive(server):
    time.sleep(1)
if alive(server):
    os.kill(server, signal.SIGINT)
    for _ in range(120):
        if not alive(server):
            break
        time.sleep(0.5)
shutil.rmtree(workdir, ignore_errors=True)
"""


def _watch_over(process: subprocess.Popen, workdir: Path) -> None:
    subprocess.Popen([sys.executable, "-c", _REAPER, str(os.getpid()), str(process.pid), str(workdir)],
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)


def _wait_until_ready(server: PgServer, workdir: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        if server.process is not None and server.process.poll() is not None:
            raise PgUnavailable(f"postgres dừng ngay khi khởi động: {_log_tail(workdir)}")
        try:
            server.admin().close()
            return
        except psycopg.OperationalError as exc:
            if time.monotonic() > deadline:
                raise PgUnavailable(f"postgres không sẵn sàng sau {START_TIMEOUT_S} giây: {exc}") from exc
            time.sleep(0.05)


def _log_tail(workdir: Path) -> str:
    try:
        return (workdir / "server.log").read_text(errors="replace").strip()[-500:]
    except OSError:
        return "(không đọc được nhật ký)"


def _stop_quietly(process: subprocess.Popen | None) -> None:
    if process is not None and process.poll() is None:
        process.kill()
        process.wait()

"""Find the system libraries Qt needs on Linux and install them (root with apt) or say how.

Usage: python scripts/system_deps.py [--gui | --dist]
  without a flag: what Qt needs offscreen (the tests); --gui: also the X11 plugin (make run);
  --dist: what Qt needs offscreen and what PyInstaller needs to build the frozen app on Linux (objdump,
  from Debian's binutils; make dist, make check-dist).
Exit 0 when everything is there (or was installed), 1 when something is missing.

Without a flag it also looks for a PostgreSQL server, which the tests start for themselves
(tests/pg_server.py): as root with apt it installs Debian's `postgresql` when the server binaries are
missing, else it says how. That part never changes the exit status: without a server, the PostgreSQL
variants of the tests are skipped with the reason.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

DEBIAN_PACKAGES = {
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0", "libOpenGL.so.0": "libopengl0", "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1", "libxcb.so.1": "libxcb1", "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0", "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-shm.so.0": "libxcb-shm0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1", "libSM.so.6": "libsm6", "libICE.so.6": "libice6",
    "libpng16.so.16": "libpng16-16", "libz.so.1": "zlib1g",
}


def qt_binaries(gui: bool) -> list[Path]:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    names = ["lib/libQt6Core.so.6", "lib/libQt6Gui.so.6", "lib/libQt6Widgets.so.6",
             "plugins/platforms/libqoffscreen.so"]
    if gui:
        names += ["lib/libQt6XcbQpa.so.6", "plugins/platforms/libqxcb.so"]
    return [qt / n for n in names if (qt / n).exists()]


def missing_libraries(binaries: list[Path]) -> set[str]:
    missing: set[str] = set()
    for binary in binaries:
        output = subprocess.run(["ldd", str(binary)], capture_output=True, text=True).stdout
        missing.update(line.split()[0] for line in output.splitlines() if "not found" in line)
    return missing


def postgres_server_found() -> bool:
    """initdb and postgres where tests/pg_server.py looks for them (or a server named for the tests)."""
    if os.environ.get("SOVANG_TEST_PG_URL"):
        return True
    bindirs = glob.glob("/usr/lib/postgresql/*/bin")
    pg_config = shutil.which("pg_config")
    if pg_config:
        found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        bindirs.append(found.stdout.strip())
    return any(Path(d, "initdb").exists() and Path(d, "postgres").exists() for d in bindirs if d)


def ensure_postgres() -> None:
    if postgres_server_found():
        return
    command = "apt-get update && apt-get install -y --no-install-recommends postgresql"
    print("Chưa có máy chủ PostgreSQL (initdb, postgres) để chạy các bài kiểm tra trên PostgreSQL.")
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Đang cài: {command}")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        if subprocess.run(["sh", "-c", command], env=env).returncode == 0 and postgres_server_found():
            return
        print("Không cài được PostgreSQL: các bài kiểm tra trên PostgreSQL sẽ được bỏ qua.")
        return
    print("Các bài kiểm tra trên PostgreSQL sẽ được bỏ qua. Để chạy chúng, hãy cài máy chủ "
          f"(quyền quản trị):\n  sudo sh -c '{command}'\nhoặc đặt SOVANG_TEST_PG_URL tới một máy chủ có sẵn.")


def ensure_build_tools() -> int:
    """PyInstaller reads the libraries it bundles with objdump (binutils) on Linux."""
    if shutil.which("objdump"):
        return 0
    return install("binutils", "PyInstaller cần chương trình objdump (gói binutils) để đóng gói ứng dụng.")


def install(packages: str, why: str) -> int:
    """Install Debian packages as root with apt, else say how; 0 when they are there afterwards."""
    command = f"apt-get update && apt-get install -y --no-install-recommends {packages}"
    print(why)
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Đang cài: {command}")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        return 0 if subprocess.run(["sh", "-c", command], env=env).returncode == 0 else 1
    print(f"Hãy chạy lệnh sau (quyền quản trị) rồi thử lại:\n  sudo sh -c '{command}'")
    return 1


def main() -> int:
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return 0
    status = qt_libraries()
    if "--dist" in sys.argv:
        return status or ensure_build_tools()
    if "--gui" not in sys.argv:
        try:
            ensure_postgres()  # after Qt's part, whose result alone is the exit status
        except OSError as exc:
            print(f"Không tìm hay cài được PostgreSQL ({exc}): "
                  "các bài kiểm tra trên PostgreSQL sẽ được bỏ qua.")
    return status


def qt_libraries() -> int:
    missing = missing_libraries(qt_binaries("--gui" in sys.argv))
    if not missing:
        return 0
    packages = " ".join(sorted({DEBIAN_PACKAGES.get(lib, lib) for lib in missing}))
    status = install(packages, f"Qt cần các thư viện hệ thống còn thiếu: {', '.join(sorted(missing))}")
    return 0 if status == 0 and not missing_libraries(qt_binaries("--gui" in sys.argv)) else 1


if __name__ == "__main__":
    raise SystemExit(main())

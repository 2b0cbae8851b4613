"""A warning for a data directory on a network share or in a cloud-synced folder.

SQLite's locking is unreliable over SMB/NFS, and sync clients (OneDrive, Dropbox, Google Drive,
iCloud) copy the database and its -wal separately while the app writes: both damage databases. The
app still opens the folder; the GUI and the CLI show the warning.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath

CLOUD_FOLDERS = {
    "onedrive": "OneDrive", "dropbox": "Dropbox",
    "google drive": "Google Drive", "googledrive": "Google Drive", "my drive": "Google Drive",
    "icloud drive": "iCloud", "iclouddrive": "iCloud", "mobile documents": "iCloud",
}
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "afs", "ncpfs", "9p", "ceph", "glusterfs",
                       "davfs", "sshfs"}
DRIVE_REMOTE = 4  # GetDriveTypeW


def cloud_folder(path: PurePath) -> str | None:
    """The sync service whose folder holds `path` ("OneDrive - Company" counts as OneDrive)."""
    for part in path.parts:
        lowered = part.lower()
        for marker, service in CLOUD_FOLDERS.items():
            if lowered == marker or (marker == "onedrive" and lowered.startswith("onedrive")):
                return service
    return None


def is_unc(path: str) -> bool:
    """`\\\\server\\share\\…` or `\\\\?\\UNC\\server\\…`, but not `\\\\?\\C:\\…`."""
    if path.upper().startswith("\\\\?\\UNC\\"):
        return True
    return path.startswith("\\\\") and not path.startswith(("\\\\?\\", "\\\\.\\"))


def _unescape(field: str) -> str:
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\")


def network_filesystem(path: str, mounts: str) -> str | None:
    """The type of the network filesystem (per /proc/mounts) that `path` lies on, if any."""
    best, best_type = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, fs_type = _unescape(fields[1]), fields[2]
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fs_type
    if best_type in NETWORK_FILESYSTEMS or best_type.startswith("fuse."):
        return best_type
    return None


def _existing(path: Path) -> Path:
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def _network_place(data_dir: Path) -> str | None:
    text = str(data_dir)
    if is_unc(text):
        return "trên một thư mục chia sẻ qua mạng"
    if sys.platform == "win32":
        import ctypes

        drive = data_dir.drive + "\\"
        if drive != "\\" and ctypes.windll.kernel32.GetDriveTypeW(drive) == DRIVE_REMOTE:
            return f"trên ổ mạng {data_dir.drive}"
        return None
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as stream:
            mounts = stream.read()
    except OSError:
        return None  # not Linux: macOS network volumes are not detected
    fs_type = network_filesystem(os.path.realpath(_existing(data_dir)), mounts)
    return f"trên ổ mạng ({fs_type})" if fs_type else None


def data_dir_warning(data_dir: Path) -> str | None:
    """A Vietnamese warning when the data directory is on a network share or in a synced folder."""
    service = cloud_folder(data_dir)
    where = f"trong thư mục đồng bộ đám mây {service}" if service else _network_place(data_dir)
    if where is None:
        return None
    return (f"Cảnh báo: thư mục dữ liệu “{data_dir}” nằm {where}. Đồng bộ hoặc mất kết nối khi đang ghi "
            "có thể làm hỏng cơ sở dữ liệu. Hãy chuyển thư mục dữ liệu về ổ đĩa của máy này và dùng "
            "“sao lưu tới thư mục thứ hai” để gửi bản sao lên đó.")

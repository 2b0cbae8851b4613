"""The warning for a data directory on a network share or in a cloud-synced folder."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath

from app.storage.location import cloud_folder, data_dir_warning, is_unc, network_filesystem

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
//server/vanphong /mnt/van\\040phong cifs rw,vers=3.0 0 0
nas:/export /srv/nas nfs4 rw 0 0
sshfs#lan@may /home/lan/may fuse.sshfs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


def test_cloud_folders_by_name() -> None:
    assert cloud_folder(PureWindowsPath(r"C:\Users\lan\OneDrive - UBND xa\SoVang")) == "OneDrive"
    assert cloud_folder(PureWindowsPath(r"G:\My Drive\SoVang")) == "Google Drive"
    assert cloud_folder(PurePosixPath("/home/lan/Dropbox/SoVang")) == "Dropbox"
    assert cloud_folder(PurePosixPath("/Users/lan/Library/Mobile Documents/com~apple~CloudDocs")) == "iCloud"
    assert cloud_folder(PurePosixPath("/home/lan/.local/share/SoVang")) is None


def test_unc_paths() -> None:
    assert is_unc(r"\\may-chu\chia-se\SoVang")
    assert is_unc(r"\\?\UNC\may-chu\chia-se")
    assert not is_unc(r"\\?\C:\SoVang")
    assert not is_unc(r"C:\SoVang")


def test_network_mounts_from_proc_mounts() -> None:
    assert network_filesystem("/mnt/van phong/SoVang", MOUNTS) == "cifs"
    assert network_filesystem("/srv/nas", MOUNTS) == "nfs4"
    assert network_filesystem("/home/lan/may/SoVang", MOUNTS) == "fuse.sshfs"
    assert network_filesystem("/srv/nas2/SoVang", MOUNTS) is None  # a prefix of the name is not a parent
    assert network_filesystem("/tmp/SoVang", MOUNTS) is None


def test_warning_text(tmp_path) -> None:
    warning = data_dir_warning(tmp_path / "Dropbox" / "SoVang")
    assert warning.startswith("Cảnh báo: thư mục dữ liệu") and "đồng bộ đám mây Dropbox" in warning
    assert data_dir_warning(tmp_path / "SoVang") is None

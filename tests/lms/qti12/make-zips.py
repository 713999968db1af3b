"""Builds the zip fixtures from the hand-written folders beside this script (deterministic:
fixed timestamps, sorted entries). Run: python3 tests/lms/qti12/make-zips.py"""
import pathlib
import zipfile

HERE = pathlib.Path(__file__).parent
for name in ("package", "no-manifest", "missing-resource"):
    src = HERE / name
    with zipfile.ZipFile(HERE / f"{name}.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(p for p in src.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(src).as_posix(), (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, path.read_bytes())

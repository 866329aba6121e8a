"""Render resources/icons/quotelab.svg to the ICO (Windows) and ICNS (macOS) icons
that build.spec gives PyInstaller, and a PNG. `make package` runs it:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icons.py build/icons
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "quotelab.svg"


def png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file holding PNG images (Windows Vista and later read these)."""
    sizes = sorted(images)
    out = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    for s in sizes:
        out += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(images[s]), offset)
        offset += len(images[s])
    return out + b"".join(images[s] for s in sizes)


def icns(images: dict[int, bytes]) -> bytes:
    """An ICNS file holding PNG images (ic07 128 px ... ic10 1024 px)."""
    kinds = {128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}
    body = b"".join(
        kinds[s] + struct.pack(">I", 8 + len(images[s])) + images[s]
        for s in sorted(kinds)
        if s in images
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "build/icons")
    out.mkdir(parents=True, exist_ok=True)
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    images = {s: png(renderer, s) for s in (16, 32, 48, 64, 128, 256, 512, 1024)}
    (out / "quotelab.png").write_bytes(images[256])
    (out / "quotelab.ico").write_bytes(ico({s: images[s] for s in (16, 32, 48, 64, 128, 256)}))
    (out / "quotelab.icns").write_bytes(icns(images))


if __name__ == "__main__":
    main()

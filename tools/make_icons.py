"""Render resources/icons/quotelab.svg to the PNG, ICO (Windows) and ICNS (macOS) icons
that build.spec and the .desktop file use. Run after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icons.py
"""

from __future__ import annotations

import struct
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


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
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(ICONS / "quotelab.svg"))
    images = {s: png(renderer, s) for s in (16, 32, 48, 64, 128, 256, 512, 1024)}
    (ICONS / "quotelab.png").write_bytes(images[256])
    (ICONS / "quotelab-512.png").write_bytes(images[512])
    (ICONS / "quotelab.ico").write_bytes(ico({s: images[s] for s in (16, 32, 48, 64, 128, 256)}))
    (ICONS / "quotelab.icns").write_bytes(icns(images))


if __name__ == "__main__":
    main()

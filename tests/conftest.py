
"""Shared fixtures: small articles written for the tests, file writers, the CLI.

The article texts here are invented for the tests (no sentence is taken from a
real news page); they only copy the *layout* of Indonesian portals.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

# The console script installed beside the interpreter running the tests.
KGRAPH_EXE = str(Path(sys.executable).parent / "kgraph")

# A Kompas-style page: furniture, headline, stamp, author, dateline, body, sidebar.
GOOD_ARTICLE = """\
Baca berita tanpa iklan. Gabung Kompas.com+

Menlu Retno Bertemu Menlu Armenia Bahas Perdamaian Kaukasus

Kompas.com - 14/03/2023, 09:15 WIB
Sari Wulandari

Penulis

Sumber Reuters

JAKARTA, KOMPAS.com - Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Armenia Ararat Mirzoyan di Jakarta pada Senin (13/3/2023).

Keduanya membahas upaya perdamaian di kawasan Kaukasus Selatan dan kerja sama perdagangan kedua negara.

Baca juga: Indonesia Kirim Bantuan Kemanusiaan ke Wilayah Terdampak Gempa

"Indonesia mendukung penyelesaian damai melalui dialog," kata Retno kepada wartawan seusai pertemuan.

Mirzoyan mengatakan Armenia ingin memperluas hubungan ekonomi dengan negara-negara Asia Tenggara.

Terkini Lainnya

Harga Cabai Naik Menjelang Ramadhan di Pasar Tradisional

Timnas Sepak Bola Menang Tipis di Laga Persahabatan
"""

# A second, different article so folder builds hold more than one graph.
SECOND_ARTICLE = """\
Presiden Jokowi Terima Kunjungan PM Malaysia di Istana Bogor

Kompas.com - 09/01/2023, 16:40 WIB
Dimas Pratama

Penulis

BOGOR, KOMPAS.com - Presiden Joko Widodo menerima kunjungan Perdana Menteri Malaysia Anwar Ibrahim di Istana Bogor pada Senin (9/1/2023).

Kedua pemimpin membahas perbatasan darat, perlindungan pekerja migran dan perdagangan minyak sawit.

"Kami sepakat mempercepat perundingan batas laut," kata Jokowi dalam keterangan pers bersama.
"""

PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    b"\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
)


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """write("a/b.txt", data) creates tmp_path/a/b.txt (text is UTF-8 encoded)."""

    def _write(name: str, data: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return _write


@pytest.fixture
def good_article(write) -> Path:
    return write("good.txt", GOOD_ARTICLE)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0

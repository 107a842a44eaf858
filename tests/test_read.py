"""Stage 1, read: encodings, folders, stdin and every kind of bad input."""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kgraph import read
from kgraph.errors import (
    InputBinary,
    InputEmpty,
    InputMissing,
    InputTooLarge,
    InputUndecodable,
    KgraphError,
)
from kgraph.read import decode, document_from_bytes, expand_paths, read_document, read_documents

from .conftest import GOOD_ARTICLE, PNG_BYTES

# Indonesian text with characters outside ASCII that every tested encoding can hold.
TEXT = "Menteri Luar Negeri menerima tamu dari Zürich di Gedung Pancasila — kata René.\n"


@pytest.mark.parametrize(
    ("encoded", "label"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8 with BOM"),
        (TEXT.encode("utf-16"), "utf-16 with BOM"),
        (TEXT.encode("utf-16-le").join([b"\xff\xfe", b""]), "utf-16-le with BOM"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be with BOM"),
        ((TEXT * 5).encode("cp1252"), "cp1252"),
        (TEXT.encode("cp1252"), "cp1252 short"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_decodes_text_in_each_encoding(write, encoded, label):
    doc = read_document(str(write("a.txt", encoded)))
    assert doc.text.startswith(TEXT)
    assert "\ufeff" not in doc.text
    assert doc.media_type == "text/plain"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Pertemuan di Genève dan São Paulo berjalan lancar, ujar señor Peña.\n" * 4, "latin-1"),
        ("Warung “Kopi Café” – tempat naïve para résumé ditulis.\n", "cp1252"),
        ("Delegasi tiba di Malmö pada pukul 10.00, kata Björn.\n", "latin-1"),
    ],
)
def test_single_byte_latin_text_is_read_as_windows_1252(write, text, encoding):
    doc = read_document(str(write("a.txt", text.encode(encoding))))
    assert doc.text == text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_newlines_are_normalised(write, newline):
    doc = read_document(str(write("a.txt", f"satu{newline}dua{newline}")))
    assert doc.text == "satu\ndua\n"


def test_document_records_source_and_digest_of_raw_bytes(write):
    import hashlib

    raw = b"\xef\xbb\xbf" + GOOD_ARTICLE.encode()
    path = str(write("a.txt", raw))
    doc = read_document(path)
    assert doc.source == path
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize(
    ("name", "content", "media_type"),
    [
        ("a.html", "<p>Teks artikel.</p>", "text/html"),
        ("a.HTM", "<p>Teks artikel.</p>", "text/html"),
        ("a.txt", "<!DOCTYPE html><html><body><p>Teks</p></body></html>", "text/html"),
        ("a.txt", "Harga naik 5 < 7 dan 8 > 3 menurut data.", "text/plain"),
    ],
)
def test_media_type(write, name, content, media_type):
    assert read_document(str(write(name, content))).media_type == media_type


def test_folder_is_searched_recursively_in_sorted_order(write, tmp_path):
    for name in ["b.txt", "a.html", "sub/c.htm", "sub/deeper/d.TXT", "sub/0.txt"]:
        write(f"corpus/{name}", "Isi artikel.")
    for name in ["notes.md", "image.png", "sub/data.json", "sub/noext"]:
        write(f"corpus/{name}", "bukan artikel")
    found = expand_paths([str(tmp_path / "corpus")])
    rel = [os.path.relpath(p, tmp_path / "corpus") for p in found]
    assert rel == ["a.html", "b.txt", "sub/0.txt", "sub/c.htm", "sub/deeper/d.TXT"]


def test_several_paths_keep_their_order(write, tmp_path):
    a, b = write("a.txt", "satu"), write("b.txt", "dua")
    write("dir/c.txt", "tiga")
    expected = [str(b), str(tmp_path / "dir/c.txt"), str(a)]
    assert expand_paths([str(b), str(tmp_path / "dir"), str(a)]) == expected
    assert [d.text for d in read_documents([str(b), str(a)])] == ["dua", "satu"]


def test_folder_without_articles_is_missing_input(write, tmp_path):
    write("empty/readme.md", "x")
    with pytest.raises(InputMissing, match=r"no \.txt or \.html"):
        expand_paths([str(tmp_path / "empty")])


@pytest.mark.parametrize("name", ["nope.txt", "no/such/folder", ""])
def test_missing_path(tmp_path, name):
    with pytest.raises(InputMissing):
        expand_paths([str(tmp_path / name) if name else ""])


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_device_is_not_an_article():
    with pytest.raises(InputMissing, match="not a regular file"):
        expand_paths(["/dev/zero"])


def test_symlink_loop_in_folder_terminates(write, tmp_path):
    write("loop/a/x.txt", "Isi artikel.")
    (tmp_path / "loop" / "a" / "up").symlink_to("..")
    assert expand_paths([str(tmp_path / "loop")]) == [str(tmp_path / "loop/a/x.txt")]


def test_missing_file_at_read_time(tmp_path):
    with pytest.raises(InputMissing, match="no such file"):
        read_document(str(tmp_path / "gone.txt"))


def test_directory_given_to_read_document(tmp_path):
    with pytest.raises(InputMissing):
        read_document(str(tmp_path))


def test_stdin_dash(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD_ARTICLE.encode("utf-16"))))
    assert expand_paths(["-"]) == ["-"]
    doc = read_document("-")
    assert doc.source == "-"
    assert doc.text == GOOD_ARTICLE


def test_stdin_dash_in_a_real_process():
    code = "from kgraph.read import read_document; print(read_document('-').text, end='')"
    out = subprocess.run(
        [sys.executable, "-c", code], input=GOOD_ARTICLE.encode(), capture_output=True, check=True
    )
    assert out.stdout.decode() == GOOD_ARTICLE


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", InputEmpty),
        (b"   \n\t\r\n  ", InputEmpty),
        (b"\xef\xbb\xbf", InputEmpty),
        (b"\xef\xbb\xbf  \n", InputEmpty),
        ("\u00a0\u2003\n".encode(), InputEmpty),
        ("  \n".encode("utf-16"), InputEmpty),
        (PNG_BYTES, InputBinary),
        (PNG_BYTES + bytes(range(256)) * 4, InputBinary),
        (b"Teks biasa\x00\x00\x00\x00 dengan NUL di tengah" * 3, InputBinary),
        (b"\x00" * 64, InputBinary),
        (b"Teks artikel yang cukup panjang. " * 20 + b"\x00", InputBinary),
        (bytes([0x80, 0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 50, InputUndecodable),
        (bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFF]) * 40, InputUndecodable),
        ("Привет, это не индонезийский текст. ".encode("cp1251") * 5, InputUndecodable),
        (b"\xff\xfeA", InputUndecodable),
        (b"\xfe\xff\x00A\x00", InputUndecodable),
        (b"\xff\xfe\x00\xd8", InputUndecodable),
    ],
    ids=[
        "empty", "whitespace", "bom-only", "bom-whitespace", "unicode-spaces", "utf16-whitespace",
        "png", "png-and-all-bytes", "text-with-nuls", "all-nuls", "one-nul-in-long-text", "undecodable",
        "undecodable-cyrillic-lookalike", "cp1251-not-indonesian",
        "utf16le-bom-odd-length", "utf16be-bom-odd-length", "utf16-lone-surrogate",
    ],
)
def test_bad_content(write, content, error):
    with pytest.raises(error) as info:
        read_document(str(write("bad.txt", content)))
    assert "bad.txt" in info.value.message
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_with_nuls_are_binary(write, seed):
    rng = random.Random(seed)
    raw = bytes(rng.randrange(256) for _ in range(4096)) + b"\x00"
    with pytest.raises((InputBinary, InputUndecodable)):
        read_document(str(write("noise.bin.txt", raw)))


def test_file_over_the_size_limit(write, monkeypatch):
    monkeypatch.setattr(read, "MAX_BYTES", 100)
    path = write("big.txt", "kata " * 30)
    with pytest.raises(InputTooLarge, match="limit"):
        read_document(str(path))
    with pytest.raises(InputTooLarge):
        document_from_bytes(b"x" * 101, "-")
    assert read_document(str(write("small.txt", "kata " * 20))).text == "kata " * 20


def test_stdin_over_the_size_limit(monkeypatch):
    monkeypatch.setattr(read, "MAX_BYTES", 100)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"kata " * 1000)))
    with pytest.raises(InputTooLarge):
        read_document("-")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(write):
    path = write("secret.txt", "rahasia")
    path.chmod(0)
    try:
        with pytest.raises(InputMissing, match="cannot read"):
            read_document(str(path))
    finally:
        path.chmod(0o644)


def test_decode_rejects_control_characters():
    with pytest.raises(InputBinary):
        decode(b"\x01\x02\x03\x04\x05 teks" * 10, "x")


# Byte strings that reach every branch of `decode`: BOMs, UTF-8, NULs, noise.
_PREFIXES = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<html>", b"Teks "])
_ARBITRARY = st.builds(
    lambda prefix, body: prefix + body,
    _PREFIXES,
    st.one_of(
        st.binary(max_size=2048),
        st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
    ),
)


@settings(max_examples=400, deadline=None)
@given(_ARBITRARY)
def test_document_from_arbitrary_bytes(raw):
    try:
        doc = document_from_bytes(raw, "fuzz.txt")
    except KgraphError:
        return
    assert "\x00" not in doc.text
    assert doc.text.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=500), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_text_round_trips_through_its_encoding(text, encoding):
    assume(not text.startswith("\ufeff"))  # a leading BOM is dropped, by design
    raw = text.encode(encoding, errors="surrogatepass")
    try:
        doc = document_from_bytes(raw, "fuzz.txt")
    except KgraphError:
        return
    assert doc.text == text.replace("\r\n", "\n").replace("\r", "\n")

"""Reading inputs: each kind of file, directories, stdin, and every kind of bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clashlog.model import RawArticle, ReadError
from clashlog.read import read_inputs, sniff_kind
from clashlog.read.decode import decode_bytes, looks_like_text
from clashlog.read.outlets import default_outlets, outlet_parts, source_scale
from clashlog.read.timestamps import normalize_published

LIMIT = 1_000_000
STORY = "Armenian forces shelled Azerbaijani positions in the Kalbajar direction on Monday.\n"


def read(paths, *, stdin: bytes | None = None, max_bytes: int = LIMIT):
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_inputs([str(p) for p in paths], max_bytes=max_bytes, stdin=stream))


def articles(items):
    return [i for i in items if isinstance(i, RawArticle)]


def errors(items):
    return [i for i in items if isinstance(i, ReadError)]


# ------------------------------------------------------------------ good input


def test_txt_file_is_read_as_one_article(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    items = read([path])
    assert len(items) == 1
    assert items[0].text == STORY
    assert items[0].source == str(path)
    assert items[0].html is False


def test_txt_with_utf8_bom_is_read_without_the_bom(tmp_path: Path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + STORY.encode())
    assert read([path])[0].text == STORY


def test_utf16_with_bom_is_decoded(tmp_path: Path):
    path = tmp_path / "u16.txt"
    path.write_bytes(STORY.encode("utf-16"))
    assert read([path])[0].text == STORY


def test_html_main_text_and_metadata_are_extracted(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(
        """<html lang="en"><head><title>Drone strike on Odesa | Example Post</title>
        <meta property="og:site_name" content="Example Post">
        <meta name="author" content="Jane Roe">
        <meta property="article:published_time" content="2023-07-24T11:30:00+03:00">
        <link rel="canonical" href="https://example.org/a/1"></head>
        <body><nav>Home | World | Sport</nav>
        <article><h1>Drone strike on Odesa</h1>
        <p>Russian forces launched a drone strike on the port of Odesa on Monday, injuring three workers.</p>
        <p>The air force said it shot down 13 of 16 drones launched overnight from the south.</p></article>
        <footer>Copyright 2021 Example Post, updated 3 January 2021</footer></body></html>""",
        encoding="utf-8",
    )
    [raw] = read([path])
    assert raw.html is True
    assert raw.title == "Drone strike on Odesa"
    assert raw.outlet == "Example Post"
    assert raw.byline == "Jane Roe"
    assert raw.url == "https://example.org/a/1"
    assert raw.published == "2023-07-24T11:30:00+03:00"  # time and offset kept, footer date ignored
    assert raw.language == "en"
    assert "drone strike on the port of Odesa" in raw.text
    assert "Home | World" not in raw.text
    assert "\n\n" in raw.text  # paragraphs separated by blank lines, as in .txt


def test_html_without_date_metadata_has_no_date_from_the_footer(tmp_path: Path):
    path = tmp_path / "nodate.htm"
    path.write_text(
        "<html><body><article><p>Police dispersed a protest in Yerevan on Monday and detained dozens"
        " of people, the interior ministry said in a statement.</p><p>The opposition called it"
        " excessive force and promised new rallies this week.</p></article>"
        "<footer>© 2019 Example, 12 March 2019</footer></body></html>",
        encoding="utf-8",
    )
    [raw] = read([path])
    assert raw.published is None


def test_tiny_html_page_still_gives_its_text(tmp_path: Path):
    path = tmp_path / "tiny.html"
    path.write_text("<html><body><p>Shelling reported near Bakhmut.</p></body></html>", encoding="utf-8")
    [raw] = read([path])
    assert "Shelling reported near Bakhmut." in raw.text


def test_html_declared_legacy_charset_is_honoured(tmp_path: Path):
    path = tmp_path / "cp.html"
    html = '<html><head><meta charset="windows-1251"></head><body><p>Обстрел Бахмута продолжается, сообщили военные в понедельник.</p></body></html>'
    path.write_bytes(html.encode("cp1251"))
    items = read([path])
    assert not errors(items)
    assert "Обстрел" in articles(items)[0].text


def test_json_single_record(tmp_path: Path):
    path = tmp_path / "one.json"
    path.write_text(
        json.dumps({"id": 42, "text": STORY, "title": "T", "outlet": "APA", "published": "2022-09-13"})
    )
    [raw] = read([path])
    assert (raw.id, raw.title, raw.outlet, raw.published) == ("42", "T", "APA", "2022-09-13")


def test_json_list_and_articles_wrapper(tmp_path: Path):
    lst = tmp_path / "list.json"
    lst.write_text(json.dumps([{"text": "one"}, {"text": "two", "url": "https://x"}]))
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"articles": [{"article_id": "a1", "text": "three"}]}))
    items = read([lst, wrapped])
    assert [a.text for a in items] == ["one", "two", "three"]
    assert items[0].source == f"{lst}[0]"
    assert items[2].id == "a1"  # clashlog's own output can be read back


def test_jsonl_records_one_per_line_blank_lines_skipped(tmp_path: Path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "one"}\n\n{"id": "b", "text": "two"}\n', encoding="utf-8")
    items = read([path])
    assert [(a.source, a.text) for a in items] == [(f"{path}:1", "one"), (f"{path}:3", "two")]


def test_directory_is_read_recursively_sorted_known_extensions_only(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("second")
    (tmp_path / "a.txt").write_text("first")
    (tmp_path / "c.jsonl").write_text('{"text": "third"}\n')
    (tmp_path / "notes.md").write_text("# not an article")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    assert [a.text for a in read([tmp_path])] == ["first", "second", "third"]


def test_stdin_kinds_are_sniffed():
    assert read(["-"], stdin=STORY.encode())[0].text == STORY
    assert read(["-"], stdin=b'{"text": "from json"}')[0].text == "from json"
    jsonl = read(["-"], stdin=b'{"text": "l1"}\n{"text": "l2"}\n')
    assert [(a.source, a.text) for a in jsonl] == [("<stdin>:1", "l1"), ("<stdin>:2", "l2")]
    html = read(
        ["-"], stdin=b"<!DOCTYPE html><html><body><p>Shelling near Bakhmut on Monday.</p></body></html>"
    )
    assert html[0].html and "Shelling near Bakhmut" in html[0].text


def test_sniff_kind():
    assert sniff_kind("  [1, 2]") == "json"
    assert sniff_kind('{"a": 1}\n{"a": 2}') == "jsonl"
    assert sniff_kind("<html><body>x</body></html>") == "html"
    assert sniff_kind("Plain <b>text</b> with a tag") == "text"


def test_txt_file_holding_html_is_read_as_html(tmp_path: Path):
    path = tmp_path / "saved.txt"
    path.write_text("<!DOCTYPE html><html><body><p>Protest in Yerevan dispersed by police.</p></body></html>")
    assert read([path])[0].html


# ------------------------------------------------------------------- bad input


def test_nonexistent_path_is_a_named_error(tmp_path: Path):
    [err] = read([tmp_path / "missing.txt"])
    assert isinstance(err, ReadError)
    assert err.source.endswith("missing.txt")
    assert "no such file" in err.message


def test_empty_and_whitespace_files_are_errors(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n")
    errs = read([tmp_path / "empty.txt", tmp_path / "blank.txt"])
    assert [e.message for e in errs] == ["empty file", "empty (only whitespace)"]


def test_binary_file_is_an_error(tmp_path: Path):
    (tmp_path / "nul.txt").write_bytes(b"abc\x00\x01\x02" * 100)
    (tmp_path / "doc.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary")
    errs = read([tmp_path / "nul.txt", tmp_path / "doc.txt"])
    assert all(isinstance(e, ReadError) for e in errs)
    assert "binary" in errs[0].message and "PDF" in errs[1].message


def test_invalid_utf8_noise_is_an_error(tmp_path: Path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 20)
    [err] = read([path])
    assert isinstance(err, ReadError)
    assert "not valid UTF-8" in err.message and "0x80" in err.message


def test_invalid_utf8_legacy_text_is_read_and_reported(tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Police détained protesters near the café on Monday.".encode("cp1252"))
    items = read([path])
    assert articles(items)[0].text.startswith("Police détained")
    [err] = errors(items)
    assert "not valid UTF-8" in err.message and "cp1252" in err.message


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 400)
    [err] = read([path], max_bytes=1000)
    assert err.message.startswith("too large (2000 bytes > limit of 1000 bytes")


def test_stdin_over_the_size_limit_is_refused():
    [err] = read(["-"], stdin=b"x" * 5000, max_bytes=1000)
    assert err.source == "<stdin>" and "too large" in err.message


def test_malformed_json_names_the_file(tmp_path: Path):
    path = tmp_path / "bad.json"
    path.write_text('{"text": "unterminated')
    [err] = read([path])
    assert err.source == str(path)
    assert "malformed JSON" in err.message


def test_json_records_without_text_are_errors_the_others_read(tmp_path: Path):
    path = tmp_path / "mixed.json"
    path.write_text(
        json.dumps([{"text": "ok"}, {"title": "no text"}, {"text": 5}, "string", {"text": " "}, []])
    )
    items = read([path])
    assert [a.text for a in articles(items)] == ["ok"]
    assert [e.source for e in errors(items)] == [f"{path}[{i}]" for i in range(1, 6)]
    assert "no 'text' field" in errors(items)[0].message


def test_empty_json_list_is_an_error(tmp_path: Path):
    path = tmp_path / "none.json"
    path.write_text("[]")
    [err] = read([path])
    assert "no records" in err.message


def test_malformed_jsonl_line_names_path_and_line_and_others_still_read(tmp_path: Path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"text": "one"}\n{bad json\n{"text": "three"}\n{"text": "\xff\xfe"}\n')
    items = read([path])
    assert [a.text for a in articles(items)] == ["one", "three"]
    errs = errors(items)
    assert [e.source for e in errs] == [f"{path}:2", f"{path}:4"]
    assert "malformed JSON line" in errs[0].message
    assert "not valid UTF-8" in errs[1].message


def test_jsonl_line_over_the_limit_is_skipped_without_stopping(tmp_path: Path):
    path = tmp_path / "long.jsonl"
    path.write_text('{"text": "' + "x" * 3000 + '"}\n{"text": "short"}\n')
    items = read([path], max_bytes=1000)
    assert "line too large" in errors(items)[0].message
    assert errors(items)[0].source == f"{path}:1"
    assert [a.text for a in articles(items)] == ["short"]


def test_binary_jsonl_and_empty_directory_are_errors(tmp_path: Path):
    (tmp_path / "bin.jsonl").write_bytes(b"\x00\x01" * 50)
    (tmp_path / "empty").mkdir()
    errs = read([tmp_path / "bin.jsonl", tmp_path / "empty"])
    assert "binary" in errs[0].message
    assert "holds no" in errs[1].message


def test_bad_inputs_do_not_stop_the_good_ones(tmp_path: Path):
    (tmp_path / "1.txt").write_bytes(b"")
    (tmp_path / "2.txt").write_text(STORY)
    (tmp_path / "3.json").write_text("{nope")
    (tmp_path / "4.txt").write_bytes(b"\x00" * 10)
    items = read([tmp_path, tmp_path / "missing.txt", "-"], stdin=b"From stdin.")
    assert [a.text for a in articles(items)] == [STORY, "From stdin."]
    assert len(errors(items)) == 4


# ----------------------------------------------------------------- helpers


def test_decode_cascade_and_text_likeness():
    assert decode_bytes("naïve".encode()).encoding == "utf-8"
    assert decode_bytes("naïve".encode("cp1252")).warning
    assert looks_like_text("An ordinary sentence, with punctuation.")
    assert not looks_like_text("\x01\x02\x03abc")


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("13 September 2022 10:40 (UTC+04:00)", "2022-09-13T10:40:00+04:00"),
        ("Tuesday, 13 Sep 2022, 10:40 GMT", "2022-09-13T10:40:00+00:00"),
        ("September 13, 2022 1:05 pm EDT", "2022-09-13T13:05:00-04:00"),
        ("13.09.2022 10:40", "2022-09-13"),  # no zone: the date alone
        ("13.09.2022 10:40 AZT", "2022-09-13T10:40:00+04:00"),
        ("2022-09-13T10:40:00+04:00", "2022-09-13T10:40:00+04:00"),
        ("2022-09-13", "2022-09-13"),
        ("3 JAN 90", "1990-01-03"),
        ("not a date", None),
    ],
)
def test_publication_timestamps_are_normalized(written: str, iso: str | None):
    assert normalize_published(written) == iso


def test_outlet_aliases_resolve_to_canonical_names_and_scales():
    outlets = default_outlets()
    assert outlets.canonical("Azeri-Press News Agency") == "APA"
    assert outlets.canonical("news.am") == outlets.canonical("NEWS.am") == "News Am"
    assert outlets.canonical("The Associated Press") == "Associated Press"
    assert outlets.canonical("Some Local Paper") == "Some Local Paper"
    assert outlets.lookup("Mizzima").scale == "National"
    assert source_scale(["Armenpress", "BBC"]) == "National-International"
    assert source_scale(["Unknown Outlet"]) is None


def test_national_outlets_of_many_countries_have_a_home_country_and_ambiguous_names_none():
    outlets = default_outlets()
    assert outlets.lookup("Radio Tamazuj").iso3 == "SSD"
    assert outlets.lookup("The Herald (Zimbabwe)").iso3 == "ZWE"
    # a bare name shared by papers of several countries is no outlet (no home country can be read off it)
    for ambiguous in ("The Herald", "The Citizen", "The Nation", "The Standard", "The Star"):
        found = outlets.lookup(ambiguous)
        assert found is None or found.iso3 is None, ambiguous
    # an outlet's alias is never a place the gazetteer knows in a conflict region ("ANI" is Ani, Armenia)
    assert outlets.lookup("ANI") is None


def test_a_source_field_splits_into_outlets_without_their_language_editions():
    assert outlet_parts("Xinhua News Agency - French; Sidwaya; Agence France Presse") == [
        "Xinhua News Agency", "Sidwaya", "Agence France Presse"]
    assert outlet_parts("Le Monde (English)") == ["Le Monde"]
    assert outlet_parts("Radio Free Europe") == ["Radio Free Europe"]
    assert outlet_parts(None) == outlet_parts(" ; ") == []


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_on_stdin_give_articles_or_named_errors_never_exceptions(data: bytes):
    for item in read(["-"], stdin=data):
        assert isinstance(item, (RawArticle, ReadError))
        assert item.source.startswith("<stdin>")
        if isinstance(item, ReadError):
            assert item.message

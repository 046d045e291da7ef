"""Make the localization-file samples in this folder with each format's own library:
translate-toolkit (XLIFF 1.2, XLIFF 2.0, TMX, PO; inline tags set through lxml on the toolkit's
elements), srt, webvtt-py and python-docx. Run from the repository root:

    python tests/data/files/make_samples.py

The files are committed; this script says how they were made and remakes them."""
from __future__ import annotations

import datetime
from pathlib import Path

import docx
import srt
import webvtt
from lxml import etree
from translate.storage import pypo, tmx, xliff, xliff2

HERE = Path(__file__).resolve().parent
MARKUP = "<r>{}</r>"   # mixed content is written as markup and parsed by lxml into the element

# (id, English, Arabic): inline tags in XLIFF 1.2 markup; each unit shows one thing
UNITS = [
    ("save", 'Click <g id="1">Save</g> to keep your {0} files.', 'انقر <g id="1">حفظ</g> للاحتفاظ بملفاتك.'),
    ("bugs", 'The update fixes <x id="1"/>three bugs.', "يصلح التحديث ثلاثة أخطاء."),
    ("soldiers", "Five soldiers were wounded in the attack.", "أصيب ستة جنود في الهجوم."),
    ("welcome", "Welcome to the settings page.", "مرحبًا بك في صفحة الإعدادات."),
    ("ok", 'Press <g id="1">OK</g> to continue.', 'اضغط <g id="1">موافق</g> للمتابعة.'),
    ("bold", 'Read the <bpt id="1">&lt;b&gt;</bpt>terms<ept id="1">&lt;/b&gt;</ept> first.',
     'اقرأ <bpt id="1">&lt;b&gt;</bpt>الشروط<ept id="1">&lt;/b&gt;</ept> أولًا.'),
]


def set_mixed(element, markup: str, namespace: str = "") -> None:
    """Put mixed content (text and inline elements) into an element, in its namespace."""
    parsed = etree.fromstring(MARKUP.format(markup))
    element.text = parsed.text
    for child in parsed:
        if namespace:
            for node in child.iter():
                node.tag = f"{{{namespace}}}{node.tag}"
        element.append(child)


XLIFF_12 = b"""<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file original="ui.properties" source-language="en" target-language="ar" datatype="plaintext">
    <body/>
  </file>
</xliff>
"""


def xliff12() -> None:
    # the toolkit's new files are XLIFF 1.1: start from an empty 1.2 file, add units through it
    store = xliff.xlifffile.parsestring(XLIFF_12)
    for uid, en, ar in UNITS:
        unit = store.UnitClass("x")
        unit.setid(uid)
        store.addunit(unit)
        unit.target = "x"
        source, target = unit.getlanguageNodes()
        ns = "urn:oasis:names:tc:xliff:document:1.2"
        set_mixed(source, en, ns)
        set_mixed(target, ar, ns)
        target.set("state", "translated")
    etree.cleanup_namespaces(store.document)    # the toolkit leaves an unused 1.1 namespace on units
    (HERE / "ui.en-ar.xlf").write_bytes(bytes(store))


def xliff20() -> None:
    store = xliff2.Xliff2File(sourcelanguage="en", targetlanguage="ar")
    ns = "urn:oasis:names:tc:xliff:document:2.0"
    units = [("save", 'Click <pc id="1">Save</pc> to keep your {0} files.', 'انقر <pc id="1">حفظ</pc> للاحتفاظ بملفاتك.'),
             ("bugs", 'The update fixes <ph id="1"/>three bugs.', "يصلح التحديث ثلاثة أخطاء."),
             ("soldiers", "Five soldiers were wounded in the attack.", "أصيب ستة جنود في الهجوم."),
             ("welcome", "Welcome to the settings page.", "مرحبًا بك في صفحة الإعدادات.")]
    for uid, en, ar in units:
        unit = store.UnitClass("x")
        unit.setid(uid)
        store.addunit(unit)
        unit.target = "x"
        source, target = unit.getlanguageNodes()
        set_mixed(source, en, ns)
        set_mixed(target, ar, ns)
        unit.xmlelement.set("state", "final")
    (HERE / "ui.en-ar.xlf2").write_bytes(bytes(store))


def po() -> None:
    store = pypo.pofile()
    store.updateheader(add=True, Language="ar", Content_Type="text/plain; charset=UTF-8",
                       POT_Creation_Date="2026-01-01 00:00+0000", Project_Id_Version="mtkit samples")
    entries = [("menu", "Open %s file", "افتح ملف %s", ["c-format"]),
               (None, "Hello {name}, you have new mail.", "مرحبًا، لديك بريد جديد.", ["python-format"]),
               (None, "Five soldiers were wounded in the attack.", "أصيب ستة جنود في الهجوم.", []),
               ("title", "Settings", "الإعدادات", [])]
    for context, en, ar, flags in entries:
        unit = store.addsourceunit(en)
        unit.target = ar
        if context:
            unit.setcontext(context)
        for flag in flags:
            unit.settypecomment(flag)
    (HERE / "app.ar.po").write_bytes(bytes(store))


def tmx_file() -> None:
    store = tmx.tmxfile(sourcelanguage="en", targetlanguage="ar")
    rows = [("tu-1", 'Press <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept> now.', "اضغط موافق الآن."),
            ("tu-2", "Five soldiers were wounded in the attack.", "أصيب ستة جنود في الهجوم."),
            ("tu-3", "Welcome to the settings page.", "مرحبًا بك في صفحة الإعدادات.")]
    for tuid, en, ar in rows:
        store.addtranslation("x", "en", "x", "ar")
        unit = store.units[-1]
        unit.xmlelement.set("tuid", tuid)
        src, tgt = unit.getlanguageNodes()
        seg_src, seg_tgt = src.find("seg"), tgt.find("seg")
        seg_src.text = seg_tgt.text = None
        set_mixed(seg_src, en)
        set_mixed(seg_tgt, ar)
    (HERE / "memory.en-ar.tmx").write_bytes(bytes(store))


CUES = [  # (start s, end s, English, Arabic)
    (1.0, 3.0, "Good evening.", "مساء الخير."),
    (3.5, 6.0, "<i>Five</i> soldiers were wounded in the attack.", "<i>أصيب ستة جنود</i> في الهجوم."),
    (6.5, 9.0, "The minister will speak tomorrow.", "سيتحدث الوزير غدًا."),
    (9.5, 12.0, "Thank you for watching.", "شكرًا للمتابعة."),
]
SHIFT = 0.1   # the Arabic file is retimed by 100 ms: the same cues


def subtitles() -> None:
    for lang, column, shift in (("en", 2, 0.0), ("ar", 3, SHIFT)):
        subs = [srt.Subtitle(k, datetime.timedelta(seconds=c[0] + shift), datetime.timedelta(seconds=c[1] + shift),
                             c[column]) for k, c in enumerate(CUES, start=1)]
        (HERE / f"talk.{lang}.srt").write_text(srt.compose(subs), encoding="utf-8")
        vtt = webvtt.WebVTT()
        for c in CUES:
            start, end = c[0] + shift, c[1] + shift
            vtt.captions.append(webvtt.Caption(_stamp(start), _stamp(end), c[column]))
        vtt.save(str(HERE / f"talk.{lang}.vtt"))


def _stamp(seconds: float) -> str:
    ms = round(seconds * 1000)
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


PARAGRAPHS = [("Annual report", "التقرير السنوي"),
              ("Five soldiers were wounded in the attack.", "أصيب ستة جنود في الهجوم."),
              ("The company hired twelve engineers this year.", "عينت الشركة اثني عشر مهندسًا هذا العام.")]


def docx_files() -> None:
    for lang, column in (("en", 0), ("ar", 1)):
        document = docx.Document()
        for k, row in enumerate(PARAGRAPHS):
            (document.add_heading if k == 0 else document.add_paragraph)(row[column])
        document.add_paragraph("")     # an empty paragraph is no unit
        document.core_properties.created = datetime.datetime(2026, 1, 1)
        document.save(str(HERE / f"report.{lang}.docx"))


if __name__ == "__main__":
    xliff12()
    xliff20()
    po()
    tmx_file()
    subtitles()
    docx_files()

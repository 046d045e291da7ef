"""Names read with the whole document: capitals seen elsewhere in the article, one spelling per
name (entity.inconsistent), a one-word name with no counterpart (entity.dropped), the
transliteration matcher's foreign readings, documents kept whole across workers."""
from __future__ import annotations

import json

from mtkit.audit import audit_segments
from mtkit.checks.document import MAX_DOCUMENT, analyze, document_chunks
from mtkit.checks.entity import renderings
from mtkit.io import read_pairs
from mtkit.model import Segment
from mtkit.text.translit import en_skeletons, names_match

from documents import analyze_document, check_flags


def test_a_capital_at_a_sentence_start_is_a_name_when_the_article_says_so():
    pairs = [("Wuhan closed its markets.", "أغلقت روجرز أسواقها."),
             ("The outbreak began in Wuhan in December.", "بدأ التفشي في ووهان في ديسمبر.")]
    alone = analyze([Segment("1", *pairs[0], doc="a")])[0]
    assert check_flags(alone, "entity.dropped") == []              # weak evidence: a sentence start
    first = analyze_document(pairs)[0]
    flags = check_flags(first, "entity.dropped")
    assert [f.src_text for f in flags] == ["Wuhan"] and first.document.is_name(first, first.src_words[0])


def test_a_word_also_written_in_lower_case_is_no_name():
    pairs = [("Health workers were tested.", "خضع العاملون الصحيون للفحص."),
             ("They care for public health.", "إنهم يهتمون بالصحة العامة."),
             ("Officials of Health met.", "اجتمع المسؤولون.")]
    segs = analyze_document(pairs)
    assert not segs[0].document.is_name(segs[2], segs[2].src_words[2])


def test_a_one_word_name_replaced_by_another_surname_is_dropped_and_variants_are_not():
    seg = analyze_document([("The report was written by Kowalski and his team.", "كتب التقرير ميتشل وفريقه.")])[0]
    assert [f.src_text for f in check_flags(seg, "entity.dropped")] == ["Kowalski"]
    for en, ar in (("The striker Sergio scored twice.", "سجل المهاجم سيرخيو مرتين."),
                   ("The singer Bjorn arrived late.", "وصل المغني بيورن متأخرًا."),
                   ("The expert Rahman said so.", "قال الخبير رحمن ذلك."),
                   ("The lab in Guangzhou confirmed it.", "أكد المختبر في غوانزو ذلك."),
                   ("The team of Koch confirmed it.", "أكد فريق كوخ ذلك.")):
        assert check_flags(analyze_document([(en, ar)])[0], "entity.dropped") == [], en


def test_the_matcher_reads_foreign_spellings_but_not_other_surnames():
    assert names_match(en_skeletons("Sergio"), "سيرخيو") and names_match(en_skeletons("Bjorn"), "بيورن")
    assert names_match(en_skeletons("Zhou"), "تشو") and names_match(en_skeletons("Mayo"), "مايو")
    for en, other in (("Wuhan", "كولينز"), ("Carter", "ميتشل"), ("Parker", "روبرتس"), ("Hubei", "روجرز")):
        assert not names_match(en_skeletons(en), other), en


def test_one_name_spelled_two_ways_in_a_document(test_data):
    segments = list(read_pairs(str(test_data / "checks" / "names" / "article.jsonl")))
    assert {s.doc for s in segments} == {"musk", "wuhan"}
    results = list(audit_segments(segments, only=["entity.inconsistent"]))
    flagged = [(r.segment.id, f.tgt_text, f.suggestion) for r in results for f in r.flags]
    assert flagged == [("3", "مسك", "ماسك")]
    # the same pairs, each its own document: no other spelling to compare with
    alone = [Segment(s.id, s.src, s.tgt, doc=s.id) for s in segments]
    assert not any(r.flags for r in audit_segments(alone, only=["entity.inconsistent"]))


def test_renderings_ignore_common_arabic_words():
    seg = analyze_document([("The chain Coles said prices would fall for all shoppers.",
                 "قالت سلسلة كولز إن الأسعار ستنخفض لكل المتسوقين.")])[0]
    assert {form for _, forms in renderings(seg) for form in forms} == {"كولز"}


def test_documents_are_never_cut_between_chunks():
    segs = [Segment(str(k), "a", "b", doc=f"d{k // 100}") for k in range(1000)]
    chunks = list(document_chunks(segs, 256))
    assert [s.id for c in chunks for s in c] == [s.id for s in segs]
    for chunk in chunks:
        docs = [s.doc for s in chunk]
        assert all(docs.count(d) == 100 for d in set(docs))       # whole documents only
    big = [Segment(str(k), "a", "b", doc="") for k in range(MAX_DOCUMENT + 10)]
    assert [len(c) for c in document_chunks(big, 256)] == [MAX_DOCUMENT, 10]
    alone = [Segment(str(k), "a", "b") for k in range(600)]         # no doc: each pair alone
    assert [len(c) for c in document_chunks(alone, 256)] == [256, 256, 88]


def test_any_jobs_gives_the_same_document_flags(test_data, tmp_path, run_mtkit):
    source = (test_data / "checks" / "names" / "article.jsonl").read_text(encoding="utf-8").splitlines()
    lines = []
    for copy in range(120):             # several chunks, so workers really share the work
        for line in source:
            row = json.loads(line)
            lines.append(json.dumps({**row, "id": f"{copy}-{row['id']}", "doc": f"{copy}-{row['doc']}"},
                                    ensure_ascii=False))
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outs = [run_mtkit("audit", "--pairs", pairs, "--checks", "entity.inconsistent", "-f", "jsonl", "-j", jobs)
            for jobs in (1, 2)]
    assert all(o.returncode == 0 for o in outs), outs[0].stderr
    assert outs[0].stdout == outs[1].stdout and outs[0].stdout.count('"check": "entity.inconsistent"') == 120

"""Clauses with no counterpart on the other side, by bilingual lexical evidence (FreeDict).

Length alone cannot tell an added clause from explicitation, nor a dropped clause from concision
(its precision on real translations was nil: docs/calibration.md). Here every content word is
*found* when something on the other side renders it: a word link (mtkit.align.words), a
FreeDict rendering in either direction through lemmas and light stems, the English gloss of an
Arabic word's morphological analysis (BAMA, mtkit.text.bama: inflected verbs, broken plurals), a
transliteration, its number, its Latin spelling, or the Arabic name of a letter of an English
acronym. A clause is a
run of words between punctuation (or opened by a conjunction or relative word) none of whose
content words is found; it counts as evidence only through the words the dictionary *knows*
(a word FreeDict has never heard of, a technical term or a transliteration, says nothing).

An added clause is such an Arabic run with several known words, in a pair whose Arabic is
longer than expected (by the language pair's usual ratio or by its document's own, whichever expects
less: a concise translator's pair holds a clause in fewer extra characters) and would have a normal
length without the run; an omitted clause is the
mirror on the English side (or, where the Arabic is far too short, any such English run).
Short explicitation (السيدة, عامًا, a repeated subject) never makes a run of that many known
words. A short run counts only where the dictionaries explain the rest of the pair well
(:data:`COVERAGE_WEIGHT`): in a technical text full of their gaps, only a long one does.

Evidence found by chance (a broad BAMA gloss, a homonym) used to hide planted clauses, so the
words are also *linked*, as a word aligner would (:func:`evidence`): strongest evidence first, a
word taking a second partner only beside its first, so a word a stronger rendering claims cannot
explain another far away. A run of words no link reaches is evidence with fewer known words where
the other side has no *room* for it (:func:`excess`): the words on either side of its place are
rendered side by side there, with too little unexplained between them to be its paraphrase or an
acronym written out. Every run needs that: where the dictionaries miss a paraphrase (care providers
→ مقدمو الرعاية, biohazard bag → كيس الوقاية من المخاطر البيولوجية), the words it renders sit
unexplained in its place on the other side, and the flag used to be a false alarm (all nine clause
flags on TICO-19 in the fifth round). Without the dictionaries both checks stay silent.

Length is a prior, not a proof: a whole clause of several known words that nothing renders (for a dropped
clause: that no link reaches), with words over at its place, is flagged whatever the rest of the pair's length
says where the other side is rendered in full (:class:`Strong`). Where the dictionaries miss a rendering, the
input itself may show it: an English and an Arabic word that the document's other pairs hold together link
weakly (:func:`associated`). An Arabic word that renders an English grammar word (بسبب "because") is no room
for a dropped clause (:func:`renders_grammar`). An added clause set off by punctuation as a whole (after the
sentence's first stretch) with as many known words as strong evidence asks, in a pair long against the usual
ratio whose English is mostly rendered, needs no words over at its place: at a sentence's end or in a reordered
sentence its place reaches English words rendered elsewhere (``added._set_off``).

The modules, each using only those before it: :mod:`.words` (what the dictionaries say of one word),
:mod:`.evidence` (which words of a pair have a counterpart: links, association, what renders grammar),
:mod:`.runs` (runs of unexplained words), :mod:`.rules` (how much evidence a flag needs, and room),
:mod:`.added` and :mod:`.dropped` (the two checks, imported here so that the registry finds them).
"""
from mtkit.checks.clauses import added, dropped  # noqa: F401  (registers addition.clause, omission.clause_words)

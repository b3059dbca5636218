from sitrep.extract.candidates import candidate_chunks, is_candidate


def test_candidate_words_found_by_prefix():
    assert is_candidate("Three people were killed near the market.")
    assert is_candidate("The foreign ministry summoned the envoy.")
    assert not is_candidate("The weather was sunny and the harvest good.")


def test_lead_kept_and_quiet_paragraphs_skipped():
    text = "LAHORE: A quiet morning.\nMarkets were calm as usual.\nGunmen attacked a checkpoint at noon."
    chunks = candidate_chunks("a:0", text)
    assert [c.lead for c in chunks] == [True, False]
    assert chunks[1].text.startswith("Gunmen") and text[chunks[1].start:].startswith("Gunmen")


def test_long_paragraph_is_cut_at_sentence_ends():
    para = " ".join(["Troops clashed with rebels near the town."] * 200)
    chunks = candidate_chunks("a:0", para)
    assert len(chunks) > 1
    assert all(para[c.start:c.start + len(c.text)] == c.text for c in chunks)

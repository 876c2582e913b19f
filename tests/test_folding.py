from chronique.folding import fold


def test_fold_drops_case_accents_and_extra_spaces() -> None:
    assert fold(" Économie  Générale ") == "economie generale"
    assert fold("ŒUVRES\u00a0complètes") == "œuvres completes"


def test_fold_splits_where_a_decomposition_holds_a_space() -> None:
    assert fold("e\u00a8a") == "e a"  # '¨' decomposes to a space and a combining diaeresis
    assert fold("ﬁn de l’été") == "fin de l’ete"


def test_fold_drops_a_word_of_combining_marks_alone() -> None:
    assert fold("a \u0301\u0300 b") == "a b"
    assert fold("\u0301") == ""

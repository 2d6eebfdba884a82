from solution import reverse_words


def test_reverses_words_not_letters():
    assert reverse_words("the quick brown fox") == "fox brown quick the"

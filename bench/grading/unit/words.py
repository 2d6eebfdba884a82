import unittest

from solution import word_count


class WordCountTest(unittest.TestCase):
    def test_counts_ignore_case(self):
        self.assertEqual(word_count("To be or not to be"), {"to": 2, "be": 2, "or": 1, "not": 1})

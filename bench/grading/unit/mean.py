import unittest

from solution import mean


class MeanTest(unittest.TestCase):
    def test_mean(self):
        self.assertAlmostEqual(mean([1, 2, 3, 4]), 2.5)

    def test_mean_of_nothing_is_an_error(self):
        with self.assertRaises(ValueError):
            mean([])

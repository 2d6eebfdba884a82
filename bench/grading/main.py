import sys

numbers = [float(word) for word in sys.stdin.read().split()]
print("count", len(numbers))
print("sum", sum(numbers))
print("smallest", min(numbers) if numbers else 0)
print("largest", max(numbers) if numbers else 0)
print("mean", sum(numbers) / len(numbers) if numbers else 0)

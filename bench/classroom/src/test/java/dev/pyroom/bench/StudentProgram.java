package dev.pyroom.bench;

/** A beginner's program as it grows: each version differs in one line, and it has a slip for lint to find. */
final class StudentProgram {

    private static final String TEMPLATE = """
            import random


            def roll(sides):
                return random.randint(1, sides)


            def average(values):
                total = 0
                for value in values:
                    total += value
                return total / len(values)


            def main():
                rolls = [roll(6) for _ in range(%d)]
                print("rolls:", rolls)
                print("average:", average(rolls))
                unused = 3
                if average(rolls) > 3.5:
                    print("lucky")
                else:
                    print("unluky", missing_name)


            main()
            """;

    private StudentProgram() {}

    static String version(int version) {
        return TEMPLATE.formatted(10 + version % 50);
    }
}

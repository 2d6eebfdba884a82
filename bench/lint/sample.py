import random
import math
import os

# Grade book: week 6 homework, with the mistakes such homework has.
students = []
grades = {}


def add_student(name, age, classes=[]):
    student = {"name": name, "age": age, "classes": classes}
    students.append(student)
    grades[name] = []
    return student


def add_grade(name, grade):
    if name not in grades:
        print("No such student: " + name)
        return
    grades[name].append(grade)


def average(name):
    total = 0
    count = 0
    for g in grades[name]:
        total = total + g
        count += 1
    if count == 0:
        return None
    else:
        return total / count


def letter(score):
    if score == None:
        return "-"
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    return "F"


def best_student():
    best = None
    best_score = 0
    for student in students:
        score = average(student["name"])
        if score != None and score > best_score:
            best = student
            best_score = score
    return best


def read_grades(path):
    file = open(path)
    for line in file:
        parts = line.strip().split(",")
        try:
            add_grade(parts[0], int(parts[1]))
        except:
            print("Bad line: " + line)
    file.close()


def report():
    print(f"Grade report")
    for student in students:
        name = student["name"]
        score = average(name)
        if score is None:
            print(name, "has no grades yet")
            continue
        print(name, round(score, 1), letter(score))
    print("Best student:", best_student()["name"])


def random_quiz(questions):
    right = 0
    for asked in range(questions):
        a = random.randint(1, 10)
        b = random.randint(1, 10)
        if input(str(a) + " x " + str(b) + " = ") == str(a * b):
            right += 1
    print("You got", right, "out of", questions)
    return right / questions


for name in ["Ada", "Grace", "Linus"]:
    add_student(name, 14)
add_grade("Ada", 95)
add_grade("Linus", 72)
report()
print("Square root of the best average:", math.sqrt(average("Ada")))

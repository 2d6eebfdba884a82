package dev.pyroom.grading.boundary;

import dev.pyroom.grading.control.StudentGrades;
import dev.pyroom.grading.entity.StudentGrade;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** A student's own grades. Callers pass the id of the user the container authenticated: a student sees only theirs. */
@Stateless
@PermitAll
public class MyGrades {

    @Inject
    StudentGrades grades;

    public List<StudentGrade> of(long studentId) {
        return grades.of(studentId);
    }
}

package th.phatthana.schema;

import java.util.List;

/** The result of a change: the changed thing, or the problems that refused it (nothing was written). */
public record Outcome<T>(T value, List<Problem> problems) {

    public Outcome {
        problems = List.copyOf(problems);
    }

    public static <T> Outcome<T> done(T value) {
        return new Outcome<>(value, List.of());
    }

    public static <T> Outcome<T> refused(List<Problem> problems) {
        return new Outcome<>(null, problems);
    }

    public static <T> Outcome<T> refused(Problem problem) {
        return new Outcome<>(null, List.of(problem));
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}

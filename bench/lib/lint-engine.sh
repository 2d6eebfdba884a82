# The lint engine's class path for the benchmarks that drive it through its Java API (bench/lint.sh,
# bench/complete.sh). Needs bin/lib/common.sh.

# lint_engine_classpath WORK_DIR: compiles the ejb module and prints its classes and test-scope dependencies as a
# class path; prints Maven's log and fails when the build fails.
lint_engine_classpath() {
    local work=$1
    echo "building the lint engine..." >&2
    if ! (cd "$ROOT" && mvn -q -B -pl ejb -am compile dependency:build-classpath \
        -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=test >"$work/build.log" 2>&1); then
        cat "$work/build.log" >&2
        return 1
    fi
    echo "$ROOT/ejb/target/classes:$(cat "$work/classpath")"
}

# Sourced by the bench scripts once they stand in the repository root.

# Compiles the tests and sets CP to what a bench class runs on: test classes, main classes, every
# dependency. The dependencies go through a file: on stdout Maven puts a colour code before them.
bench_classpath() {
  mkdir -p bench/out
  mvn -B -o -q test-compile
  mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=bench/out/classpath.txt
  CP="target/test-classes:target/classes:$(cat bench/out/classpath.txt)"
}

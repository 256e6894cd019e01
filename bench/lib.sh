# Shared helpers for Kontor's benchmark scripts (source it).

# A JDK 21+ java: JAVA_HOME if new enough, else the newest under /usr/lib/jvm (like ./mvnw does).
kontor_java() {
  local candidate major best="" best_major=0
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$candidate/release" 2>/dev/null | head -n 1)
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$candidate best_major=$major; fi
  done
  if [ -z "$best" ]; then
    if command -v java >/dev/null && java -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then echo java; return; fi
    echo "Kontor needs Java 21 or newer" >&2; return 1
  fi
  echo "$best/bin/java"
}

# Builds target/kontor.jar (production bundle) unless it exists.
kontor_jar() {
  local root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  if [ ! -f "$root/target/kontor.jar" ]; then
    (cd "$root" && ./mvnw -B -q -Pproduction package -DskipTests) >&2
  fi
  echo "$root/target/kontor.jar"
}

# Milliseconds since the epoch.
now_ms() { date +%s%3N; }

# Whether something already listens on this local port (then a bench would measure it, not Kontor).
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Compiles a benchmark folder's Java sources (only the JDK; several files share code, which single-file
# `java Foo.java` cannot do before JDK 22) into <folder>/.classes and prints that folder for -cp.
bench_classes() {
  local folder=$1 java
  java=$(kontor_java)
  rm -rf "$folder/.classes"
  "${java%java}javac" -nowarn -d "$folder/.classes" "$folder"/*.java >&2
  echo "$folder/.classes"
}

# Sourced by ./radioclr and ./run-tests: sets JAVA_HOME to a JDK 21 or newer, or stops with one
# clear message. Looks at JAVA_HOME, then the java on PATH, then the usual install folders.

radioclr_jdk_major() {
  # Prints the major version of the JDK at $1, or nothing if it is not a JDK (no javac).
  local home=$1 version=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  version=${version#1.}
  printf '%s\n' "${version%%[.+-]*}"
}

radioclr_find_jdk() {
  local candidates=() cand major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for cand in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$cand" ] && candidates+=("$cand")
  done
  for cand in "${candidates[@]}"; do
    major=$(radioclr_jdk_major "$cand")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      JAVA_HOME=$cand
      export JAVA_HOME
      if [ "$major" -ge 24 ]; then
        # Maven's own libraries call sun.misc.Unsafe; JDK 24+ warns about it on every build.
        case "${MAVEN_OPTS:-}" in
          *sun-misc-unsafe*) ;;
          *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
        esac
      fi
      return 0
    fi
  done
  echo "radioclr: no JDK 21 or newer found (looked at JAVA_HOME, the java on PATH and /usr/lib/jvm)." >&2
  echo "radioclr: install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
  return 1
}

radioclr_find_jdk || exit 1

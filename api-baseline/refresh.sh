#!/usr/bin/env bash
# Refresh the API baseline: build the bundles that export API packages from a git revision and
# store their API (the bundle without its embedded jars) in api-baseline/repository as version
# <name>. Then point <api.baseline.version> in the root pom.xml at <name> and commit both.
#
#   api-baseline/refresh.sh <name> [<git-rev>]      e.g.  api-baseline/refresh.sh api-2 main
#
# Which modules: those whose pom.xml sets <api.baseline.skip>false</api.baseline.skip>.
# A name is never reused: Maven caches what it resolved in ~/.m2 by version.
set -euo pipefail
name=${1:?usage: api-baseline/refresh.sh <name> [<git-rev>]}
rev=${2:-HEAD}
root=$(cd "$(dirname "$0")/.." && pwd)
repo=$root/api-baseline/repository
[[ $name =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || { echo "bad name: $name" >&2; exit 2; }
if [ -n "$(find "$repo" -type d -name "$name" 2>/dev/null)" ]; then
  echo "baseline $name exists already: choose a new name" >&2; exit 2
fi

commit=$(git -C "$root" rev-parse --verify "$rev^{commit}")
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach "$work/src" "$commit" >/dev/null

# the modules that are baselined, as the current tree says (the revision may predate the property)
mapfile -t modules < <(cd "$root" && grep -l '<api.baseline.skip>false</api.baseline.skip>' --include=pom.xml -r . \
  | grep -v '/target/' | sed 's|^\./||; s|/pom.xml$||' | sort)
[ ${#modules[@]} -gt 0 ] || { echo "no module sets api.baseline.skip=false" >&2; exit 2; }
list=$(IFS=,; echo "${modules[*]}")
echo "building $list at $commit"
( cd "$work/src" && ${MVN:-./mvnw} -B -q ${MVN_ARGS:-} package -DskipTests -Dapi.baseline.skip=true -pl "$list" -am )

for m in "${modules[@]}"; do
  pom=$work/src/$m/pom.xml
  artifact=$(cd "$work/src/$m" && sed -n '/<parent>/,/<\/parent>/d; s|^  <artifactId>\(.*\)</artifactId>.*|\1|p' pom.xml | head -1)
  jar=$(ls "$work/src/$m"/target/"$artifact"-*.jar | grep -v -e '-sources' -e '-tests' -e '-javadoc' | head -1)
  dir=$repo/org/gongzhi/$artifact/$name
  mkdir -p "$dir"
  # the manifest and our classes only: embedded libraries (lib/*.jar), fonts and templates are no API
  rm -rf "$work/x" && mkdir -p "$work/x" && unzip -q "$jar" 'META-INF/MANIFEST.MF' 'org/gongzhi/*.class' -d "$work/x"
  (cd "$work/x" && rm -f "$dir/$artifact-$name.jar" && zip -q -X -r "$dir/$artifact-$name.jar" META-INF org)
  cat > "$dir/$artifact-$name.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.gongzhi</groupId>
  <artifactId>$artifact</artifactId>
  <version>$name</version>
  <description>API baseline of $m, built from commit $commit</description>
</project>
POM
  for f in "$dir/$artifact-$name.jar" "$dir/$artifact-$name.pom"; do sha1sum "$f" | cut -d' ' -f1 > "$f.sha1"; done
  echo "  $m -> org.gongzhi:$artifact:$name ($(du -k "$dir/$artifact-$name.jar" | cut -f1) kB)"
done
echo "now set <api.baseline.version>$name</api.baseline.version> in pom.xml and commit api-baseline/ with it"

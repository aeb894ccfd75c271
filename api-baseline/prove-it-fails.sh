#!/usr/bin/env bash
# Shows that the API baseline check bites: in a throw-away copy of the committed tree,
#  1. an incompatible change (a method added to the @ConsumerType DispatchListener, which other
#     bundles implement) with the package version left as it is  -> `verify` must FAIL;
#  2. a compatible change (a method added to the @ProviderType TenantDirectory, which only the
#     platform implements) with the package raised to the next minor version -> `verify` must PASS.
# Exit 0 when both hold. Builds gongzhi-domain only, tests skipped (about a minute).
#
#   api-baseline/prove-it-fails.sh            (MVN="flock /work/.build.lock ./mvnw" to share a lock)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach "$work/src" HEAD >/dev/null
src=$work/src
svc=$src/platform-core/domain/src/main/java/org/gongzhi/core/service
# the copy resolves the baseline from its own api-baseline/repository (the committed one)
build() { (cd "$src" && ${MVN:-./mvnw} -B -q ${MVN_ARGS:--o} verify -pl platform-core/domain -Dmaven.test.skip=true) \
  >"$work/build.log" 2>&1; }

# 1. incompatible
sed -i 's|^public interface DispatchListener {|public interface DispatchListener {\n\n    void alsoThis();|' "$svc/dispatch/DispatchListener.java"
if build; then
  echo "FAIL: an incompatible change to org.gongzhi.core.service.dispatch passed the baseline check" >&2; exit 1
fi
if ! grep -q '^\* org.gongzhi.core.service.dispatch .*MAJOR' "$src/platform-core/domain/target/baseline/"*.txt; then
  echo "FAIL: the build failed, but not on the baseline of org.gongzhi.core.service.dispatch:" >&2; tail -40 "$work/build.log" >&2; exit 1
fi
echo "ok: incompatible change without a major version -> build failed:"
grep '^\* ' "$src/platform-core/domain/target/baseline/"*.txt
git -C "$src" checkout -q -- .

# 2. compatible, version raised
sed -i 's|^public interface TenantDirectory {|public interface TenantDirectory {\n\n    default int count() { return tenants().size(); }\n\n    boolean knows(String tenantId);|' "$svc/tenants/TenantDirectory.java"
current=$(sed -n 's/.*Version("\([0-9]*\)\.\([0-9]*\)\.[0-9]*").*/\1 \2/p' "$svc/tenants/package-info.java")
read -r major minor <<<"$current"
sed -i "s/Version(\"[0-9.]*\")/Version(\"$major.$((minor + 1)).0\")/" "$svc/tenants/package-info.java"
if ! build; then
  echo "FAIL: a compatible change with a minor version step was refused:" >&2; tail -40 "$work/build.log" >&2; exit 1
fi
echo "ok: compatible change to a provider type with version $major.$((minor + 1)).0 -> build passed"

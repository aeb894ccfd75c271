#!/usr/bin/env bash
# 部门系统示例客户端 / Example department client (docs/integration-guide.md): takes a token with the
# department's service account (client credentials) and reports one update on a dispatch.
#
#   docs/integration/example-client.sh <dispatchId> <status> [note]
#
# Environment (defaults fit `./gongzhi run` and the demo district jizhou, department CG):
#   GONGZHI_URL      http://127.0.0.1:8181       KEYCLOAK_URL  http://127.0.0.1:8180
#   TENANT jizhou    DEPARTMENT CG               CLIENT_SECRET demo-<tenant>-<department lower case>-secret
#   SEQUENCE         the department's counter for this dispatch (default: none)
set -euo pipefail
dispatch=${1:?usage: example-client.sh <dispatchId> <accepted|in-progress|resolved|returned> [note]}
status=${2:?status}
note=${3:-}
gongzhi=${GONGZHI_URL:-http://127.0.0.1:8181}
keycloak=${KEYCLOAK_URL:-http://127.0.0.1:8180}
tenant=${TENANT:-jizhou}
dept=${DEPARTMENT:-CG}
lower=$(tr '[:upper:]' '[:lower:]' <<<"$dept")
secret=${CLIENT_SECRET:-demo-$tenant-$lower-secret}

# 1. a token of client dept-<code> in the district's realm (client-credentials grant)
token=$(curl -sf -X POST "$keycloak/realms/$tenant/protocol/openid-connect/token" \
  -d grant_type=client_credentials -d "client_id=dept-$lower" --data-urlencode "client_secret=$secret" \
  | jq -r .access_token) || { echo "no token for dept-$lower from $keycloak (realm $tenant)" >&2; exit 1; }

# 2. the update; updateId is ours and stays the same when we retry this very update
update_id="$dept-$dispatch-$status"
body=$(jq -n --arg u "$update_id" --arg d "$dispatch" --arg s "$status" --arg n "$note" --arg seq "${SEQUENCE:-}" \
  '{updateId: $u, dispatchId: $d, status: $s}
   + (if $n == "" then {} else {note: $n} end)
   + (if $seq == "" then {} else {sequence: ($seq | tonumber)} end)')

# 3. post; retry on 429/5xx/network with back-off, never on other 4xx (those are answers)
answer=$(mktemp)
trap 'rm -f "$answer"' EXIT
for attempt in 1 2 3 4 5; do
  code=$(curl -s -o "$answer" -w '%{http_code}' -X POST \
    "$gongzhi/api/v1/tenants/$tenant/departments/$dept/updates" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body") || true # 000: no answer
  case $code in
    2??) jq . "$answer"; exit 0 ;;
    429|5??|000) sleep $((attempt * attempt)) ;;
    *) echo "refused: HTTP $code" >&2; cat "$answer" >&2; exit 1 ;;
  esac
done
echo "gave up after 5 tries (the same updateId may be sent again later)" >&2
exit 1

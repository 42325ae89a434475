#!/usr/bin/env bash
# Starts or stops a single-node Elasticsearch for tests and benchmarks, bound to 127.0.0.1 with security off.
#
#   test-node.sh start <elasticsearch-*.zip> <http-port>   prints the base URL once the node is ready
#   test-node.sh stop <http-port>
#
# The zip is Maven Central's org.elasticsearch.distribution.integ-test-zip:elasticsearch (no analysis plugins:
# the function analyzes Chinese itself). Elasticsearch refuses to run as root, so when this script runs as root
# it runs the node as the unprivileged user "bianmin-es", creating it if needed. The node lives in a folder under
# the temp directory that the user can reach whatever the checkout's path (a clone under /root is not readable).
set -euo pipefail

action=${1:?usage: test-node.sh start <zip> <port> | stop <port>}
es_user=bianmin-es
tmp_root=${TMPDIR:-/tmp}

node_dir() { echo "$tmp_root/bianmin-es-node-$1"; }

run_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$es_user" -- "$@"
  else
    "$@"
  fi
}

java_home() {
  if [ -n "${ES_JAVA_HOME:-}" ]; then echo "$ES_JAVA_HOME"; return; fi
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME"; return; fi
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

start() {
  local zip=${1:?zip} port=${2:?port}
  local dir; dir=$(node_dir "$port")
  local transport=$((port + 100))
  stop "$port" >/dev/null 2>&1 || true
  rm -rf "$dir"
  mkdir -p "$dir"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$zip" -d "$dir"
  else
    (cd "$dir" && jar xf "$zip")
    chmod +x "$dir"/elasticsearch-*/bin/*
  fi
  local home; home=$(find "$dir" -maxdepth 1 -type d -name 'elasticsearch-*' | head -n 1)
  ln -s "$home" "$dir/home"
  mkdir -p "$dir/data" "$dir/logs"
  cat > "$home/config/elasticsearch.yml" <<YML
cluster.name: bianmin-test
node.name: bianmin-test-node
network.host: 127.0.0.1
http.port: $port
transport.port: $transport
discovery.type: single-node
path.data: $dir/data
path.logs: $dir/logs
xpack.security.enabled: false
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
YML
  if [ "$(id -u)" = 0 ]; then
    id "$es_user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$es_user"
    chown -R "$es_user" "$dir"
    chmod 755 "$dir"
  fi
  local jh; jh=$(java_home)
  run_as_owner env ES_JAVA_HOME="$jh" ES_JAVA_OPTS="${ES_JAVA_OPTS:--Xms512m -Xmx512m}" \
    "$home/bin/elasticsearch" -d -p "$dir/es.pid" >"$dir/start.out" 2>&1 || {
      echo "Elasticsearch failed to start; output:" >&2; cat "$dir/start.out" >&2
      tail -n 50 "$dir/logs/bianmin-test.log" >&2 2>/dev/null || true
      exit 1
    }
  # Wait for the HTTP port (bash's /dev/tcp: no curl needed); callers then wait for cluster health.
  for _ in $(seq 1 180); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "http://127.0.0.1:$port"
      return 0
    fi
    sleep 1
  done
  echo "Elasticsearch did not become ready on port $port; log tail:" >&2
  tail -n 50 "$dir/logs/bianmin-test.log" >&2 2>/dev/null || true
  exit 1
}

stop() {
  local port=${1:?port}
  local dir; dir=$(node_dir "$port")
  if [ -f "$dir/es.pid" ]; then
    local pid; pid=$(cat "$dir/es.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}

case "$action" in
  start) start "${2:-}" "${3:-}" ;;
  stop) stop "${2:-}" ;;
  *) echo "unknown action $action" >&2; exit 2 ;;
esac

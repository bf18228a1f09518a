#!/bin/sh
# install-multinet.sh: installs multinet on a node and keeps its credentials current.
#
# Runs as the container of the multinet DaemonSet (deploy/05-daemonset.yaml), with the
# host's /etc/cni/net.d, /opt/cni/bin, /opt/multinet/bin and /var/lib/multinet mounted at
# the same paths, so every path it writes into a file is also the path on the host.
#
#  1. Copies the self-contained binaries (they need nothing on the host but glibc) from the
#     image to the host, each with a temp file + rename (0755), so a running copy is never
#     rewritten in place: multinet into the CNI bin dir, multinet-inspect into
#     /opt/multinet/bin (writable also where /usr is read-only), where an operator who
#     ssh-es to the node finds it. (The coming multinet-agent will be installed the same way.)
#  2. Copies the service-account token and the cluster CA into a 0700 directory and writes
#     a JSON kubeconfig (0600) naming them: `tokenFile`, `certificate-authority`.
#  3. Waits until the default network's config exists (a .conflist, .conf or .json file in
#     the conf dir besides multinet's own), then writes 00-multinet.conflist (temp file +
#     rename). Until then the runtime finds no usable network and the node stays NotReady,
#     instead of starting pods through a multinet that has no default network.
#  4. Loops: the token is projected with an expiry and the kubelet rotates it, so the host
#     copy follows every change; the kubeconfig is rewritten when the CA or the apiserver
#     address changes; the conflist is restored if deleted, and removed again if the
#     default network's config disappears.
#
# It never prints the token. Every path and the timing can be overridden (see below);
# MULTINET_ITERATIONS and MULTINET_STOP_FILE let tests bound the loop.
set -eu
umask 077

BINARY_SOURCE=${MULTINET_BINARY_SOURCE:-/usr/local/bin/multinet}
INSPECT_SOURCE=${MULTINET_INSPECT_SOURCE:-/usr/local/bin/multinet-inspect}
BIN_DIR=${MULTINET_CNI_BIN_DIR:-/opt/cni/bin}
HOST_BIN_DIR=${MULTINET_HOST_BIN_DIR:-/opt/multinet/bin}
CONF_DIR=${MULTINET_CNI_CONF_DIR:-/etc/cni/net.d}
CONFLIST_NAME=${MULTINET_CONFLIST_NAME:-00-multinet.conflist}
STATE_DIR=${MULTINET_STATE_DIR:-/var/lib/multinet}
KUBE_DIR=${MULTINET_KUBECONFIG_DIR:-$CONF_DIR/multinet.d}
SERVICEACCOUNT_DIR=${MULTINET_SERVICEACCOUNT_DIR:-/var/run/secrets/multinet}
LOG_FILE=${MULTINET_LOG_FILE:-/var/log/multinet.log}
LOG_LEVEL=${MULTINET_LOG_LEVEL:-info}
DEFAULT_NETWORK=${MULTINET_DEFAULT_NETWORK:-}
EXTRA_CONFIG=${MULTINET_EXTRA_CONFIG:-}
INTERVAL=${MULTINET_INTERVAL:-10}
ITERATIONS=${MULTINET_ITERATIONS:-0}
STOP_FILE=${MULTINET_STOP_FILE:-}

TOKEN_SOURCE=$SERVICEACCOUNT_DIR/token
CA_SOURCE=$SERVICEACCOUNT_DIR/ca.crt
TOKEN_COPY=$KUBE_DIR/token
CA_COPY=$KUBE_DIR/ca.crt
KUBECONFIG_PATH=$KUBE_DIR/multinet.kubeconfig
CONFLIST_PATH=$CONF_DIR/$CONFLIST_NAME

log() {
    printf '%s install-multinet: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"
}

die() {
    log "error: $*" >&2
    exit 1
}

# Values go into JSON documents as they are: refuse what would need escaping.
require_json_safe() {
    case $2 in
        *'"'* | *'\'* | *'
'*) die "$1 must not contain a double quote, a backslash or a newline: $2" ;;
    esac
}

# The temp file beside DEST, so the final rename stays on one file system and is atomic.
temp_path() {
    printf '%s/.%s.tmp' "$(dirname "$1")" "$(basename "$1")"
}

# install_copy SOURCE DEST MODE: replaces DEST by a copy of SOURCE unless identical.
# Returns 1 when nothing changed. The copy is written under umask 077 before its mode is
# set, so a token is never readable by others, not even for an instant.
install_copy() {
    if [ -f "$2" ] && cmp -s "$1" "$2"; then
        return 1
    fi
    tmp=$(temp_path "$2")
    cp "$1" "$tmp"
    chmod "$3" "$tmp"
    mv -f "$tmp" "$2"
}

# install_binary SOURCE DEST: installs an executable (0755) and says whether it changed.
install_binary() {
    if install_copy "$1" "$2" 0755; then
        log "installed $2"
    else
        log "$2 is up to date"
    fi
}

# install_text DEST MODE < CONTENT: replaces DEST by CONTENT unless identical.
# Returns 1 when nothing changed.
install_text() {
    tmp=$(temp_path "$1")
    cat >"$tmp"
    chmod "$2" "$tmp"
    if [ -f "$1" ] && cmp -s "$tmp" "$1"; then
        rm -f "$tmp"
        return 1
    fi
    mv -f "$tmp" "$1"
}

# The apiserver URL: MULTINET_KUBE_SERVER, else the in-cluster service address.
server_url() {
    if [ -n "${MULTINET_KUBE_SERVER:-}" ]; then
        printf '%s' "$MULTINET_KUBE_SERVER"
        return 0
    fi
    host=${KUBERNETES_SERVICE_HOST:-}
    [ -n "$host" ] || return 1
    case $host in *:*) host="[$host]" ;; esac
    printf 'https://%s:%s' "$host" "${KUBERNETES_SERVICE_PORT:-443}"
}

kubeconfig_json() {
    cat <<EOF
{
  "apiVersion": "v1",
  "kind": "Config",
  "clusters": [
    { "name": "multinet", "cluster": { "server": "$1", "certificate-authority": "$CA_COPY" } }
  ],
  "users": [
    { "name": "multinet", "user": { "tokenFile": "$TOKEN_COPY" } }
  ],
  "contexts": [
    { "name": "multinet", "context": { "cluster": "multinet", "user": "multinet" } }
  ],
  "current-context": "multinet"
}
EOF
}

conflist_json() {
    extra=
    [ -z "$DEFAULT_NETWORK" ] || extra="$extra
      \"defaultNetwork\": \"$DEFAULT_NETWORK\","
    [ -z "$EXTRA_CONFIG" ] || extra="$extra
      $EXTRA_CONFIG,"
    cat <<EOF
{
  "cniVersion": "1.0.0",
  "name": "multinet",
  "plugins": [
    {
      "type": "multinet",
      "kubeconfig": "$KUBECONFIG_PATH",
      "confDir": "$CONF_DIR",
      "binDir": "$BIN_DIR",
      "stateDir": "$STATE_DIR",
      "logFile": "$LOG_FILE",
      "logLevel": "$LOG_LEVEL",$extra
      "capabilities": { "portMappings": true, "bandwidth": true, "io.kubernetes.cri.pod-annotations": true }
    }
  ]
}
EOF
}

# Copies the token and the CA when they changed, rewrites the kubeconfig when its content
# (the apiserver address, the paths) changed. The kubeconfig only names files, so a new
# token needs no new kubeconfig: the plugin reads tokenFile on every request.
sync_credentials() {
    [ -s "$TOKEN_SOURCE" ] || die "no service-account token at $TOKEN_SOURCE"
    [ -s "$CA_SOURCE" ] || die "no cluster CA at $CA_SOURCE"
    if install_copy "$TOKEN_SOURCE" "$TOKEN_COPY" 0600; then
        log "service-account token copied to $TOKEN_COPY"
    fi
    if install_copy "$CA_SOURCE" "$CA_COPY" 0600; then
        log "cluster CA copied to $CA_COPY"
    fi
    server=$(server_url) || die "no apiserver address: set MULTINET_KUBE_SERVER or KUBERNETES_SERVICE_HOST"
    require_json_safe "the apiserver address" "$server"
    if kubeconfig_json "$server" | install_text "$KUBECONFIG_PATH" 0600; then
        log "kubeconfig for $server written to $KUBECONFIG_PATH"
    fi
}

# The default network's config file, if there is one: the file whose "name" is
# MULTINET_DEFAULT_NETWORK, or else any network config besides multinet's own.
default_network_file() {
    for file in "$CONF_DIR"/*.conflist "$CONF_DIR"/*.conf "$CONF_DIR"/*.json; do
        [ -f "$file" ] || continue
        [ "$(basename "$file")" != "$CONFLIST_NAME" ] || continue
        if [ -n "$DEFAULT_NETWORK" ] &&
            ! grep -q "\"name\"[[:space:]]*:[[:space:]]*\"$DEFAULT_NETWORK\"" "$file"; then
            continue
        fi
        printf '%s' "$file"
        return 0
    done
    return 1
}

# Writes the conflist when it is missing or differs, and then warns when another file
# sorts before it (the runtime uses the first file in byte order, as libcni sorts).
write_conflist() {
    conflist_json | install_text "$CONFLIST_PATH" 0644 || return 0
    log "wrote $CONFLIST_PATH (default network config: $1)"
    first=$(ls -1 "$CONF_DIR" | grep -E '^[^.].*[.](conflist|conf|json)$' | LC_ALL=C sort | head -n 1)
    if [ "$first" != "$CONFLIST_NAME" ]; then
        log "warning: $first sorts before $CONFLIST_NAME: the runtime will use it instead of multinet"
    fi
}

# Sleeps one interval; returns 1 when the loop must end (iteration bound or stop file).
passes=0
tick() {
    passes=$((passes + 1))
    if [ "$ITERATIONS" -gt 0 ] && [ "$passes" -gt "$ITERATIONS" ]; then
        log "stopping after $ITERATIONS iterations"
        return 1
    fi
    if [ -n "$STOP_FILE" ] && [ -e "$STOP_FILE" ]; then
        log "stopping: $STOP_FILE exists"
        return 1
    fi
    # In the background, so a TERM ends the wait at once.
    sleep "$INTERVAL" &
    wait $! || true
}

main() {
    for pair in "confDir=$CONF_DIR" "binDir=$BIN_DIR" "stateDir=$STATE_DIR" "kubeconfig dir=$KUBE_DIR" \
        "logFile=$LOG_FILE" "logLevel=$LOG_LEVEL" "defaultNetwork=$DEFAULT_NETWORK"; do
        require_json_safe "${pair%%=*}" "${pair#*=}"
    done
    [ -f "$BINARY_SOURCE" ] || die "no multinet binary at $BINARY_SOURCE"
    [ -f "$INSPECT_SOURCE" ] || die "no multinet-inspect binary at $INSPECT_SOURCE"

    (umask 022 && mkdir -p "$BIN_DIR" "$CONF_DIR" "$HOST_BIN_DIR")
    mkdir -p "$STATE_DIR" "$KUBE_DIR"
    chmod 0700 "$STATE_DIR" "$KUBE_DIR"

    install_binary "$BINARY_SOURCE" "$BIN_DIR/multinet"
    install_binary "$INSPECT_SOURCE" "$HOST_BIN_DIR/multinet-inspect"
    sync_credentials

    waiting=
    until file=$(default_network_file); do
        if [ -z "$waiting" ]; then
            log "waiting for the default network's config in $CONF_DIR before writing $CONFLIST_NAME"
            waiting=yes
        fi
        tick || return 0
        sync_credentials
    done
    write_conflist "$file"

    while tick; do
        sync_credentials
        if file=$(default_network_file); then
            write_conflist "$file"
        elif [ -f "$CONFLIST_PATH" ]; then
            rm -f "$CONFLIST_PATH"
            log "removed $CONFLIST_PATH: the default network's config is gone"
        fi
    done
}

trap 'log "terminated"; exit 0' TERM INT
main "$@"

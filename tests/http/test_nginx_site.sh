#!/usr/bin/env bash
# The nginx site shipped in installer/nginx, run for real in front of a real motcua-server:
#
#   test_nginx_site.sh NGINX_SITE MOTCUA_SERVER
#
# The site is used as shipped except for what an administrator edits anyway (certificate paths)
# and what a test must change (loopback ports, log and temp folders, no OCSP stapling for a
# self-signed certificate). Checks TLS, HEAD, OPTIONS, refused methods, the body limit, the
# redirect to HTTPS, the security headers, a login and a chunked blob upload through the proxy, and nginx's own JSON answer
# when the server is down.
set -euo pipefail

site="$1"
server_bin="$2"
host=motcua.example.gov.vn
work="$(mktemp -d "${TMPDIR:-/tmp}/motcua-nginx.XXXXXX")"
server_pid=""
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

failures=0
check() { # check NAME EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then
    echo "ok   $1"
  else
    echo "FAIL $1: expected '$2', got '$3'"
    failures=$((failures + 1))
  fi
}
contains() { # contains NAME NEEDLE HAYSTACK
  if grep -qF -- "$2" <<<"$3"; then
    echo "ok   $1"
  else
    echo "FAIL $1: '$2' not in: $3"
    failures=$((failures + 1))
  fi
}

# A port nothing listens on, below the kernel's ephemeral range: a port inside it can be the local
# end of another test's connection, which a connect() probe does not see and bind() then refuses
# (CI failed once on "bind() to 127.0.0.1:41504 failed (98: Address already in use)").
free_port() {
  local port low
  low="$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)"
  [ "$low" -gt 12000 ] 2>/dev/null || low=32768
  for port in $(shuf -i 10000-$((low - 1)) -n 100); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free port" >&2
  exit 1
}

# ---- the server, on a fresh SQLite database with the demo province, on a port it picks ----------
export MOTCUA_DEMO_PASSWORD="Nginx-test-$RANDOM$RANDOM"
mkfifo "$work/server.out"
"$server_bin" --db "sqlite:$work/server.db" --listen 127.0.0.1:0 --demo >"$work/server.out" \
  2>"$work/server.err" &
server_pid=$!
exec 3<"$work/server.out"
server_port=""
while IFS= read -r -t 60 -u 3 line; do
  if [[ "$line" =~ ^listening\ on\ 127\.0\.0\.1:([0-9]+) ]]; then
    server_port="${BASH_REMATCH[1]}"
    break
  fi
done
if [ -z "$server_port" ]; then
  echo "motcua-server did not start:"
  cat "$work/server.err"
  exit 1
fi
cat <&3 >/dev/null & # keep draining the server's stdout

# ---- a self-signed certificate for the site's name -------------------------------------------------
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$host" \
  -addext "subjectAltName=DNS:$host" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

# ---- the site as shipped, with the administrator's and the test's edits ------------------------------
http_port="$(free_port)"
https_port="$(free_port)"
sed -e "/^\s*ssl_certificate/ { s#@CERTIFICATE@#$work/cert.pem#; s#@CERTIFICATE_KEY@#$work/key.pem#; }" \
  -e "s#^\(\s*\)listen 80;#\1listen 127.0.0.1:$http_port;#" \
  -e "s#^\(\s*\)listen 443 ssl http2;#\1listen 127.0.0.1:$https_port ssl http2;#" \
  -e "/listen \[::\]/d" \
  -e "s#server 127.0.0.1:8080#server 127.0.0.1:$server_port#" \
  -e "s#/var/log/nginx/#$work/#" \
  -e "s#ssl_stapling\(_verify\)\? on;#ssl_stapling\1 off;#" \
  "$site" >"$work/site.conf"
# The test changed only what it meant to: everything else is the shipped file.
check "site edits are the expected ones" 9 "$(diff "$site" "$work/site.conf" | grep -c '^>' || true)"

user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user root;"
cat >"$work/nginx.conf" <<EOF
$user_line
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 256; }
http {
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    access_log $work/access.log;
    include $work/site.conf;
}
EOF

nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
if ! "$nginx_bin" -t -q -p "$work" -c "$work/nginx.conf" 2>"$work/nginx-t.log"; then
  echo "FAIL nginx -t refuses the site:"
  cat "$work/nginx-t.log"
  exit 1
fi
echo "ok   nginx -t accepts the site"
# Daemon mode: nginx returns once its sockets listen.
"$nginx_bin" -p "$work" -c "$work/nginx.conf"

curl_tls=(curl -sS --max-time 30 --cacert "$work/cert.pem" --resolve "$host:$https_port:127.0.0.1")
base="https://$host:$https_port"

# ---- checks ----------------------------------------------------------------------------------------
health="$("${curl_tls[@]}" -w '\n%{http_code}' "$base/api/v1/health")"
check "GET /health over TLS" 200 "$(tail -1 <<<"$health")"
contains "health answers JSON" '"status"' "$(head -1 <<<"$health")"

headers="$("${curl_tls[@]}" -I "$base/api/v1/health")"
contains "HEAD answers 200" "HTTP/2 200" "$headers"
contains "HSTS header" "strict-transport-security: max-age=63072000" "${headers,,}"
contains "no sniffing" "x-content-type-options: nosniff" "${headers,,}"
check "HEAD has no body" 0 "$("${curl_tls[@]}" -I -o /dev/null -w '%{size_download}' "$base/api/v1/health")"

options="$("${curl_tls[@]}" -X OPTIONS -D - -o /dev/null "$base/api/v1/sync/push")"
contains "OPTIONS answers 204" "HTTP/2 204" "$options"
contains "OPTIONS lists the methods" "allow: get, head, post, put, options" "${options,,}"

deleted="$("${curl_tls[@]}" -X DELETE -w '\n%{http_code}' "$base/api/v1/health")"
check "DELETE refused" 405 "$(tail -1 <<<"$deleted")"
contains "405 is JSON" '"code":"http.method_not_allowed"' "$(head -1 <<<"$deleted")"

head -c $((17 * 1024 * 1024)) /dev/zero >"$work/big.bin"
big="$("${curl_tls[@]}" -X POST --data-binary "@$work/big.bin" -H 'Content-Type: application/json' \
  -w '\n%{http_code}' "$base/api/v1/sync/push")"
check "17 MiB body refused" 413 "$(tail -1 <<<"$big")"
contains "413 is JSON" '"code":"http.body_too_large"' "$(head -1 <<<"$big")"

redirect="$(curl -sS --max-time 30 -o /dev/null -w '%{http_code} %{redirect_url}' \
  --resolve "$host:$http_port:127.0.0.1" "http://$host:$http_port/api/v1/health")"
check "HTTP redirects to HTTPS" "301 https://$host/api/v1/health" "$redirect"

login="$("${curl_tls[@]}" -X POST -H 'Content-Type: application/json' -w '\n%{http_code}' \
  --data "{\"username\":\"counter1\",\"password\":\"$MOTCUA_DEMO_PASSWORD\"}" \
  "$base/api/v1/auth/login")"
check "login through the proxy" 200 "$(tail -1 <<<"$login")"
contains "login answers a token" '"accessToken"' "$(head -1 <<<"$login")"

# A blob in two chunks of a resumable upload through the proxy, then HEAD and GET.
token="$(sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' <<<"$(head -1 <<<"$login")")"
head -c 3000000 /dev/urandom >"$work/blob.bin"
sha="$(sha256sum "$work/blob.bin" | cut -d' ' -f1)"
head -c 2000000 "$work/blob.bin" >"$work/part1.bin"
tail -c 1000000 "$work/blob.bin" >"$work/part2.bin"
auth=(-H "Authorization: Bearer $token")
check "first chunk accepted" 202 "$("${curl_tls[@]}" "${auth[@]}" -o /dev/null -w '%{http_code}' \
  -X PUT -H 'Content-Range: bytes 0-1999999/3000000' --data-binary "@$work/part1.bin" \
  "$base/api/v1/blobs/$sha")"
check "last chunk completes the blob" 201 "$("${curl_tls[@]}" "${auth[@]}" -o /dev/null \
  -w '%{http_code}' -X PUT -H 'Content-Range: bytes 2000000-2999999/3000000' \
  --data-binary "@$work/part2.bin" "$base/api/v1/blobs/$sha")"
blob_head="$("${curl_tls[@]}" "${auth[@]}" -I "$base/api/v1/blobs/$sha")"
contains "HEAD on the blob" "HTTP/2 200" "$blob_head"
contains "HEAD tells the size" "upload-offset: 3000000" "${blob_head,,}"
check "GET returns the same bytes" "$sha" \
  "$("${curl_tls[@]}" "${auth[@]}" "$base/api/v1/blobs/$sha" | sha256sum | cut -d' ' -f1)"

# The sync feed passes through as the server compressed it (nginx neither inflates nor
# compresses it again), and a client that does not accept gzip gets it plain.
feed_gzip="$("${curl_tls[@]}" "${auth[@]}" -D - -o "$work/feed.gz" -H 'Accept-Encoding: gzip' \
  "$base/api/v1/sync/changes?after=0")"
contains "the feed arrives gzip-compressed" "content-encoding: gzip" "${feed_gzip,,}"
"${curl_tls[@]}" "${auth[@]}" -o "$work/feed.json" "$base/api/v1/sync/changes?after=0"
check "the compressed feed inflates to the plain one" "$(sha256sum <"$work/feed.json")" \
  "$(gzip -dc "$work/feed.gz" | sha256sum)"

kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""
down="$("${curl_tls[@]}" -w '\n%{http_code}' "$base/api/v1/health")"
check "server down: 503" 503 "$(tail -1 <<<"$down")"
contains "503 is JSON" '"code":"server.unavailable"' "$(head -1 <<<"$down")"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed; nginx error log:"
  cat "$work/error.log" 2>/dev/null || true
  exit 1
fi
echo "all nginx site checks passed"

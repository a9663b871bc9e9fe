#!/usr/bin/env bash
# Makes the self-signed overlay's certificates in certs/ (next to this script): a private CA and a
# serving certificate for the webhook Service, signed by it. Then: kubectl apply -k <this directory>.
#   usage: generate-certificate.sh [--namespace NS] [--service NAME] [--days N]
set -euo pipefail

namespace=workload-webhook-system
service=workload-webhook
days=365
while [ $# -gt 0 ]; do
  case "$1" in
    --namespace) namespace="$2"; shift 2 ;;
    --service) service="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    *) echo "generate-certificate.sh: unknown argument $1 (usage: [--namespace NS] [--service NAME] [--days N])" >&2; exit 2 ;;
  esac
done
command -v openssl >/dev/null || { echo "generate-certificate.sh: openssl is required" >&2; exit 2; }

dir="$(cd "$(dirname "$0")" && pwd)/certs"
mkdir -p "$dir"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
host="$service.$namespace.svc"

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days "$days" \
  -subj "/CN=workload-webhook-ca" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout "$work/ca.key" -out "$dir/ca.crt" 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -subj "/CN=$host" \
  -keyout "$dir/tls.key" -out "$work/tls.csr" 2>/dev/null
printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:%s,DNS:%s.cluster.local\n' "$host" "$host" > "$work/ext.cnf"
openssl x509 -req -in "$work/tls.csr" -CA "$dir/ca.crt" -CAkey "$work/ca.key" -CAcreateserial -sha256 -days "$days" \
  -extfile "$work/ext.cnf" -out "$dir/tls.crt" 2>/dev/null
chmod 600 "$dir/tls.key"
echo "wrote $dir/ca.crt, tls.crt, tls.key for $host (valid $days days); the CA key was discarded"

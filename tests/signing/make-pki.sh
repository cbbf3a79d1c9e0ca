#!/usr/bin/env bash
# Makes a test PKI and SoftHSM2 tokens in DIR (created; nothing outside it is touched):
#   root CA -> intermediate CA -> signers: rsa (id 01), ec P-256 (id 02), revoked (id 03),
#   expired (id 04); a CRL of the intermediate revoking "revoked"; OCSP responder cert; an RFC 3161
#   time-stamping authority (tsa.pem, critical EKU timeStamping) with tsa.cnf for `openssl ts -reply`.
#   Token "MotCua Test" (user PIN 123456) holds all four signers; token "Other Token" holds
#   nothing of them. SOFTHSM2_CONF is DIR/softhsm2.conf.
# Usage: make-pki.sh DIR OCSP_PORT
set -euo pipefail
DIR="$1"
PORT="$2"
MODULE="${SOFTHSM2_MODULE:-/usr/lib/softhsm/libsofthsm2.so}"
[ -f "$MODULE" ] || MODULE=/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so
mkdir -p "$DIR/tokens" "$DIR/ca"
cd "$DIR"
export SOFTHSM2_CONF="$DIR/softhsm2.conf"
printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$DIR" >"$SOFTHSM2_CONF"

# One `openssl ca` database per CA.
make_ca_dir() {
  mkdir -p "ca/$1/new"
  : >"ca/$1/index.txt"
  echo 1000 >"ca/$1/serial"
  echo 1000 >"ca/$1/crlnumber"
  cat >"ca/$1/ca.cnf" <<CNF
[ca]
default_ca = this
[this]
dir = $DIR/ca/$1
database = \$dir/index.txt
new_certs_dir = \$dir/new
serial = \$dir/serial
crlnumber = \$dir/crlnumber
certificate = $DIR/$1.pem
private_key = $DIR/$1.key
default_md = sha256
default_days = 365
default_crl_days = 30
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
organizationName = optional
countryName = optional
[v3_intermediate]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[v3_signer]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection, codeSigning
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:http://127.0.0.1:$PORT/intermediate.crl
authorityInfoAccess = OCSP;URI:http://127.0.0.1:$PORT
[v3_tsa]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[v3_ocsp]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, OCSPSigning
CNF
}

openssl req -x509 -newkey rsa:2048 -nodes -keyout root.key -out root.pem -days 3650 -sha256 \
  -subj "/C=VN/O=MotCua Test/CN=MotCua Test Root CA" \
  -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
make_ca_dir root
make_ca_dir intermediate
openssl req -new -newkey rsa:2048 -nodes -keyout intermediate.key -out intermediate.csr \
  -subj "/C=VN/O=MotCua Test/CN=MotCua Test Intermediate CA" 2>/dev/null
openssl ca -batch -config ca/root/ca.cnf -extensions v3_intermediate -days 3000 \
  -in intermediate.csr -out intermediate.pem 2>/dev/null

# signer NAME KEYSPEC [extra openssl ca args]
signer() {
  local name="$1" spec="$2"
  shift 2
  openssl genpkey $spec -out "$name.key" 2>/dev/null
  openssl req -new -key "$name.key" -out "$name.csr" -utf8 \
    -subj "/C=VN/O=UBND tỉnh Thử Nghiệm/CN=Nguyễn Văn $name" 2>/dev/null
  openssl ca -batch -utf8 -config ca/intermediate/ca.cnf -extensions v3_signer \
    -in "$name.csr" -out "$name.pem" "$@" 2>/dev/null
  openssl x509 -in "$name.pem" -outform DER -out "$name.der"
}
signer rsa "-algorithm RSA -pkeyopt rsa_keygen_bits:2048"
signer ec "-algorithm EC -pkeyopt ec_paramgen_curve:P-256"
signer revoked "-algorithm RSA -pkeyopt rsa_keygen_bits:2048"
signer expired "-algorithm RSA -pkeyopt rsa_keygen_bits:2048" \
  -startdate 20200101000000Z -enddate 20210101000000Z
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ocsp.key 2>/dev/null
openssl req -new -key ocsp.key -out ocsp.csr -subj "/C=VN/CN=MotCua Test OCSP" 2>/dev/null
openssl ca -batch -config ca/intermediate/ca.cnf -extensions v3_ocsp -in ocsp.csr -out ocsp.pem 2>/dev/null

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out tsa.key 2>/dev/null
openssl req -new -key tsa.key -out tsa.csr -subj "/C=VN/O=MotCua Test/CN=MotCua Test TSA" 2>/dev/null
openssl ca -batch -config ca/intermediate/ca.cnf -extensions v3_tsa -in tsa.csr -out tsa.pem 2>/dev/null
echo 01 >tsaserial
cat >tsa.cnf <<CNF
[tsa]
default_tsa = this
[this]
serial = $DIR/tsaserial
crypto_device = builtin
signer_cert = $DIR/tsa.pem
certs = $DIR/intermediate.pem
signer_key = $DIR/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
CNF

openssl ca -config ca/intermediate/ca.cnf -revoke revoked.pem -crl_reason keyCompromise 2>/dev/null
openssl ca -config ca/intermediate/ca.cnf -gencrl -out intermediate.crl.pem 2>/dev/null
openssl crl -in intermediate.crl.pem -outform DER -out intermediate.crl
cat intermediate.pem root.pem >chain.pem
mkdir -p trust && cp root.pem trust/

softhsm2-util --init-token --free --label "MotCua Test" --so-pin 87654321 --pin 123456 >/dev/null
softhsm2-util --init-token --free --label "Other Token" --so-pin 87654321 --pin 123456 >/dev/null
id=1
for name in rsa ec revoked expired; do
  hex=$(printf '%02x' $id)
  openssl pkcs8 -topk8 -nocrypt -in "$name.key" -out "$name.p8"
  softhsm2-util --import "$name.p8" --token "MotCua Test" --label "$name" --id "$hex" \
    --pin 123456 >/dev/null
  pkcs11-tool --module "$MODULE" --token-label "MotCua Test" --login --pin 123456 \
    --write-object "$name.der" --type cert --id "$hex" --label "$name" >/dev/null 2>&1
  rm -f "$name.p8"
  id=$((id + 1))
done
echo "$MODULE" >module.txt

#!/usr/bin/env bash
# Makes the test PKI used by the probe tests. Run once; the outputs are committed, so tests
# never spend time on key generation. Needs openssl 3 and a JDK's keytool.
#   ca.pem / ca.key        a test root CA (20 years), trusted through the profile's network.trust-store
#   server.p12             the stubs' TLS certificate, signed by the CA, for the real service host
#                          names (reached through the test CONNECT proxy), password "changeit"
#   untrusted.p12          a self-signed certificate for the same names, signed by no trusted CA
#   app-2048.pfx           the app's certificate, RSA 2048, password "test-password"
#   app-2048.pem           the same certificate and its key (PKCS#8) in one PEM file
#   app-1024.pfx           RSA 1024, password "test-password"
#   app-expired.pfx        RSA 2048, expired long ago, password "test-password"
#   app-cert-only.pfx      a certificate with no private key, password "test-password"
#   app-cert-only.pem      the 2048-bit certificate alone, in PEM
#   other-2048.key         a 2048-bit PKCS#8 key that does not belong to app-2048's certificate
#   app-2048-pkcs1.key     app-2048's key as PKCS#1 ("RSA PRIVATE KEY", openssl rsa -traditional)
#   app-2048-encrypted.key app-2048's key as encrypted PKCS#8 (PBES2, AES-256-CBC), password "test-password"
#   app-ec.pem             an EC P-256 certificate and its PKCS#8 key in one PEM file
set -euo pipefail
cd "$(dirname "$0")"
SAN="DNS:*.sharepoint.com,DNS:*.sharepoint.us,DNS:login.microsoftonline.com,DNS:login.microsoftonline.us,DNS:login.chinacloudapi.cn,DNS:graph.microsoft.com,DNS:graph.microsoft.us,DNS:*.corp.example,DNS:localhost,IP:127.0.0.1"
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 7300 -subj "/CN=spdoctor test CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=spdoctor test stub"
printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\n' "$SAN" > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 7300 -extfile server.ext
openssl pkcs12 -export -in server.pem -inkey server.key -certfile ca.pem -name stub -out server.p12 -passout pass:changeit
openssl req -x509 -newkey rsa:2048 -nodes -keyout untrusted.key -out untrusted.pem -days 7300 -subj "/CN=untrusted stub" -addext "subjectAltName=$SAN"
openssl pkcs12 -export -in untrusted.pem -inkey untrusted.key -name stub -out untrusted.p12 -passout pass:changeit
app() { # name bits days
  openssl req -x509 -newkey "rsa:$2" -nodes -keyout "$1.key" -out "$1.crt" -days "$3" -subj "/CN=spdoctor-$1"
}
app app-2048 2048 7300
app app-1024 1024 7300
openssl pkcs12 -export -in app-2048.crt -inkey app-2048.key -out app-2048.pfx -passout pass:test-password
openssl pkcs12 -export -in app-1024.crt -inkey app-1024.key -out app-1024.pfx -passout pass:test-password
cat app-2048.crt app-2048.key > app-2048.pem
cp app-2048.crt app-cert-only.pem
openssl pkcs12 -export -nokeys -in app-2048.crt -out app-cert-only.pfx -passout pass:test-password
rm -f app-expired.jks app-expired.pfx
keytool -genkeypair -keystore app-expired.pfx -storetype PKCS12 -storepass test-password -alias app \
  -keyalg RSA -keysize 2048 -dname "CN=spdoctor-app-expired" -startdate -800d -validity 365
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out other-2048.key
openssl rsa -in app-2048.key -traditional -out app-2048-pkcs1.key
openssl pkcs8 -topk8 -v2 aes-256-cbc -in app-2048.key -out app-2048-encrypted.key -passout pass:test-password
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout app-ec.key -out app-ec.crt -days 7300 \
  -subj "/CN=spdoctor-app-ec"
cat app-ec.crt app-ec.key > app-ec.pem
rm -f server.csr server.ext server.key untrusted.key untrusted.pem ca.srl app-2048.key app-1024.key app-1024.crt app-ec.key app-ec.crt

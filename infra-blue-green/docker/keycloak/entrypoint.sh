#!/bin/bash
# Starts Keycloak in production mode, importing the production realm (no demo users; the clients' secrets and
# the public URL come from the environment) on the first start. Refuses well-known or missing secrets.
set -euo pipefail

# shellcheck source=../secrets-check.sh
source /opt/keycloak/lib/pyroom/secrets-check.sh

require_secret KC_DB_PASSWORD KC_BOOTSTRAP_ADMIN_PASSWORD PYROOM_OIDC_CLIENT_SECRET PYROOM_DIRECTORY_CLIENT_SECRET
case "${PYROOM_PUBLIC_URL:-}" in
    http://* | https://*) ;;
    *) refuse "PYROOM_PUBLIC_URL must be Pyroom's public URL (http:// or https://), the realm's only redirect URI" ;;
esac
exec /opt/keycloak/bin/kc.sh start --optimized --import-realm "$@"

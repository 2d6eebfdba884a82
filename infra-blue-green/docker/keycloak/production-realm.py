#!/usr/bin/env python3
"""Derives the production realm from the development realm (keycloak/pyroom-realm.json).

Keeps the roles and clients, drops every user but the directory client's service account (the demo users and
their well-known passwords stay in development), and leaves placeholders without defaults that Keycloak fills from
its environment at import: the clients' secrets, and the public URL as the only redirect URI and web origin.

Usage: production-realm.py DEVELOPMENT_REALM PRODUCTION_REALM
"""
import json
import sys

PUBLIC_URL = "${PYROOM_PUBLIC_URL}"
SECRETS = {
    "pyroom-web": "${PYROOM_OIDC_CLIENT_SECRET}",
    "pyroom-directory": "${PYROOM_DIRECTORY_CLIENT_SECRET}",
}


def production(realm):
    for client in realm["clients"]:
        client_id = client["clientId"]
        if client_id not in SECRETS:
            raise SystemExit(f"production-realm.py: no secret placeholder for client {client_id}")
        client["secret"] = SECRETS[client_id]
        if client.get("standardFlowEnabled"):
            client["rootUrl"] = PUBLIC_URL
            client["redirectUris"] = [PUBLIC_URL + "/*"]
            client["webOrigins"] = [PUBLIC_URL]
    realm["users"] = [user for user in realm.get("users", []) if "serviceAccountClientId" in user]
    return realm


def main(source, target):
    with open(source, encoding="utf-8") as development:
        realm = production(json.load(development))
    with open(target, "w", encoding="utf-8") as out:
        json.dump(realm, out, indent=2)
        out.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/env python3
"""Seeds the tally bench through Kontor's admin REST API: <persons> persons, each with a deposit large
enough for the whole run and one NFC token, plus an API user with a "book" key. Prints the key on the
first line, then one base64 token per line.
   seed.py <base-url> <admin-bearer-token> [persons]"""
import base64, json, sys, urllib.request
from concurrent.futures import ThreadPoolExecutor

base, token = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
admin = {"Authorization": "Bearer " + token}

def call(method, path, body):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", **admin})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())

api_user = call("POST", "/api/admin/tally/api-users", {"name": "Bench terminal"})
key = call("POST", f"/api/admin/tally/api-users/{api_user['id']}/keys", {"scope": "book"})["value"]

def person(i):
    p = call("POST", "/api/admin/tally/persons", {"code": f"{7000000000 + i}", "firstName": "Bench",
                                                  "lastName": f"Person {i:04d}"})
    call("POST", f"/api/admin/tally/persons/{p['id']}/bookings", {"amount": 100000, "description": "Bench deposit"})
    raw = bytes([0x04, 0xB0, (i >> 8) & 0xFF, i & 0xFF])
    call("POST", f"/api/admin/tally/persons/{p['id']}/tokens", {"name": "Bench", "token": raw.hex()})
    return base64.b64encode(raw).decode()

with ThreadPoolExecutor(8) as pool:
    tokens = list(pool.map(person, range(count)))
print(key)
for t in tokens:
    print(t)

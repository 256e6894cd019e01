#!/usr/bin/env python3
"""Seeds the license bench through Kontor's own APIs: a customer, a product with a client key,
10,000 licenses (10 batches of 1,000) and one activation per license. Prints the client key on the
first line, then one line per license: key mac cpuId systemUuid activationId.
   seed.py <base-url> <admin-bearer-token> [licenses]"""
import json, sys, urllib.request
from concurrent.futures import ThreadPoolExecutor

base, token = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 10000

def call(method, path, body, headers):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", **headers})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())

admin = {"Authorization": "Bearer " + token}
customer = call("POST", "/api/customers", {"name": "Bench GmbH"}, admin)
product = call("POST", "/api/admin/products", {"code": "BENCH", "name": "Bench Desktop", "heartbeatMinutes": 15}, admin)
client_key = call("POST", f"/api/admin/products/{product['id']}/client-keys", {"name": "bench"}, admin)["value"]
keys = []
while len(keys) < count:
    batch = min(1000, count - len(keys))
    created = call("POST", "/api/admin/licenses", {"productId": product["id"], "customerId": customer["id"],
                   "type": "PERPETUAL", "maxActivations": 3, "features": ["export"], "limits": {"seats": 10},
                   "count": batch}, admin)
    keys += [l["key"] for l in created]

def activate(i):
    fp = {"mac": "02:00:%02x:%02x:%02x:%02x" % (i >> 24 & 255, i >> 16 & 255, i >> 8 & 255, i & 255),
          "cpuId": "BFEBFBFF%08X" % i, "systemUuid": "4c4c4544-0000-1000-8000-%012x" % i, "hostname": "pc-%d" % i}
    answer = call("POST", "/api/license/activate", {"licenseKey": keys[i], "fingerprint": fp, "appVersion": "2.0.0"},
                  {"X-API-Key": client_key})
    return "%s %s %s %s %d" % (keys[i], fp["mac"], fp["cpuId"], fp["systemUuid"], answer["activationId"])

with ThreadPoolExecutor(8) as pool:
    lines = list(pool.map(activate, range(count)))
print(client_key)
print("\n".join(lines))

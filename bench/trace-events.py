#!/usr/bin/env python3
"""Writes the events of the ingest benchmark (bench/ingest.sh) twice: as API requests of 10,000
events, and as the same rows for a raw sqlite3 insert into a copy of the trace_events table.

usage: trace-events.py OUT_DIR BATCHES_JSON BUSINESSES_JSON HOPS USER_ID
BATCHES_JSON is [{"id", "traceCode", "importer"}], BUSINESSES_JSON a list of business ids."""
import json
import sys
import uuid
from datetime import datetime, timezone

out, batches, businesses, hops, user = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3])), int(sys.argv[4]), sys.argv[5]
events, rows = [], []
now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
for b, batch in enumerate(batches):
    holder = batch["importer"]
    sequence = 1  # the intake the registration recorded
    for h in range(hops):
        nxt = businesses[(b * 7 + h * 13 + 1) % len(businesses)]
        if nxt == holder:
            nxt = businesses[(b * 7 + h * 13 + 2) % len(businesses)]
        for kind, business, other in (("ship", holder, nxt), ("receive", nxt, holder)):
            events.append({"traceCode": batch["traceCode"], "type": kind, "businessId": business, "quantity": 100, "counterpartyBusinessId": other})
            sequence += 1
            rows.append((str(uuid.uuid4()).upper(), batch["id"], kind, business, other, "100", now, "222499101001001", user, sequence))
        holder = nxt
for n, start in enumerate(range(0, len(events), 10_000)):
    with open(f"{out}/request-{n:03d}.json", "w") as f:
        json.dump({"events": events[start:start + 10_000]}, f, ensure_ascii=False)
with open(f"{out}/raw.sql", "w") as f:
    f.write("BEGIN;\n")
    for row in rows:
        f.write("INSERT INTO trace_events (id, batch_id, type, business_id, counterparty_id, quantity, occurred_at, region_code, recorded_by, sequence) "
                "VALUES ('%s', '%s', '%s', '%s', '%s', '%s', '%s', '%s', '%s', %d);\n" % row)
    f.write("COMMIT;\n")
print(len(events))

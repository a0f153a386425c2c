-- Bulk records of traceability for the PostgreSQL benchmark (bench/trace.sh): :batches imported
-- batches with their three certificates, each passed down a chain of fourteen events (first-stop
-- intake, then six hops of ship/receive through six more businesses, a sale), and :certificates produce
-- certificates. Foreign-key triggers off and secondary indexes built after the load.
\set ON_ERROR_STOP on
SET session_replication_role = replica;
SET synchronous_commit = off;

CREATE TEMP TABLE bench_businesses AS
    SELECT row_number() OVER (ORDER BY id) AS n, id, region_code FROM businesses WHERE status = 'active';
CREATE UNIQUE INDEX ON bench_businesses (n);
SELECT count(*) AS business_count FROM bench_businesses \gset
SELECT id AS user_id FROM users WHERE username = 'admin' \gset

DROP INDEX IF EXISTS cold_chain_batches_region, trace_events_business, produce_certificates_business;

-- ISO/IEC 7064 MOD 37,36, as ShianCore's CheckCharacterMod37_36: the codes must be valid ones.
CREATE FUNCTION pg_temp.check37(body text) RETURNS text AS $$
DECLARE p int := 36; s int; alphabet text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
BEGIN
    FOR k IN 1..length(body) LOOP
        s := (p + strpos(alphabet, substr(body, k, 1)) - 1) % 36;
        IF s = 0 THEN s := 36; END IF;
        p := (2 * s) % 37;
    END LOOP;
    RETURN substr(alphabet, ((37 - p) % 36) + 1, 1);
END $$ LANGUAGE plpgsql IMMUTABLE;

\echo batches
INSERT INTO cold_chain_batches (id, trace_code, product, specification, batch_number, quantity, unit, origin_country,
                                importer_id, region_code, registered_at, registered_by)
SELECT gen_random_uuid(), body || pg_temp.check37(body), '冷冻牛肉', '20kg/箱', 'B' || i, '100', 'CT',
       (ARRAY['巴西','阿根廷','澳大利亚','新西兰','乌拉圭'])[1 + i % 5], b.id, b.region_code, day, :'user_id'
FROM generate_series(1::bigint, :batches) AS i
JOIN bench_businesses b ON b.n = 1 + (i * 7919) % :business_count
-- (day, serial) is unique per i: a million serials a day, going back a day per million.
CROSS JOIN LATERAL (SELECT date_trunc('day', now()) - make_interval(days => (i / 1000000)::int) + interval '8 hours') AS d(day)
CROSS JOIN LATERAL (SELECT 'CL' || substr(b.region_code, 1, 6) || to_char(d.day, 'YYYYMMDD') || lpad((i % 1000000)::text, 6, '0')) AS c(body);

\echo documents
INSERT INTO import_documents (id, batch_id, kind, number, issuer, issued_on)
SELECT gen_random_uuid(), c.id, k.kind, k.kind || '-' || c.batch_number, '海关', c.registered_at
FROM cold_chain_batches c CROSS JOIN (VALUES ('inspectionQuarantine'), ('nucleicAcidTest'), ('disinfection')) AS k(kind)
WHERE c.batch_number LIKE 'B%';

\echo events
-- Hop h (1..6) moves the batch from holder h-1 to holder h: a ship by the one, a receive by the other.
CREATE TEMP TABLE bench_chain AS
    SELECT c.id AS batch_id, c.registered_at AS at, h AS hop,
           (SELECT id FROM bench_businesses WHERE n = 1 + ((c.batch_number_n + h * 104729) % :business_count)) AS holder
    FROM (SELECT id, registered_at, substr(batch_number, 2)::bigint AS batch_number_n FROM cold_chain_batches WHERE batch_number LIKE 'B%') c
    CROSS JOIN generate_series(0, 6) AS h;
CREATE INDEX ON bench_chain (batch_id, hop);
INSERT INTO trace_events (id, batch_id, type, business_id, counterparty_id, quantity, occurred_at, region_code, recorded_by, sequence)
SELECT gen_random_uuid(), a.batch_id, e.type, CASE WHEN e.type = 'ship' THEN a.holder ELSE b.holder END,
       CASE WHEN e.type = 'ship' THEN b.holder ELSE a.holder END, '100', a.at + make_interval(hours => a.hop * 2 + e.k),
       '229001001001001', :'user_id', 2 + a.hop * 2 + e.k
FROM bench_chain a JOIN bench_chain b ON b.batch_id = a.batch_id AND b.hop = a.hop + 1
CROSS JOIN (VALUES ('ship', 0), ('receive', 1)) AS e(type, k);
INSERT INTO trace_events (id, batch_id, type, business_id, counterparty_id, quantity, occurred_at, region_code, recorded_by, sequence)
SELECT gen_random_uuid(), batch_id, 'receive', holder, NULL, '100', at, '229001001001001', :'user_id', 1 FROM bench_chain WHERE hop = 0;
INSERT INTO trace_events (id, batch_id, type, business_id, counterparty_id, quantity, occurred_at, region_code, recorded_by, sequence)
SELECT gen_random_uuid(), batch_id, 'sell', holder, NULL, '40', at + interval '16 hours', '229001001001001', :'user_id', 14 FROM bench_chain WHERE hop = 6;

\echo certificates
INSERT INTO produce_certificates (id, code, style, product_name, quantity, unit, issuer_name, contact, origin, issued_on, bases,
                                  business_id, region_code, issued_by)
SELECT gen_random_uuid(), body || pg_temp.check37(body), 'producer', '黄瓜', '200', '公斤', '压测合作社', '13900000000', '压测村',
       day, 'ownTest', b.id, b.region_code, :'user_id'
FROM generate_series(1::bigint, :certificates) AS i
JOIN bench_businesses b ON b.n = 1 + (i * 104729) % :business_count
CROSS JOIN LATERAL (SELECT date_trunc('day', now()) - make_interval(days => (i / 1000000)::int) + interval '8 hours') AS d(day)
CROSS JOIN LATERAL (SELECT 'HGZ' || substr(b.region_code, 1, 6) || to_char(d.day, 'YYYYMMDD') || lpad((i % 1000000)::text, 6, '0')) AS c(body);

\echo indexes
CREATE INDEX cold_chain_batches_region ON cold_chain_batches (region_code, registered_at);
CREATE INDEX trace_events_business ON trace_events (business_id, occurred_at);
CREATE INDEX produce_certificates_business ON produce_certificates (business_id, issued_on);
SET session_replication_role = origin;
VACUUM ANALYZE cold_chain_batches;
VACUUM ANALYZE import_documents;
VACUUM ANALYZE trace_events;
VACUUM ANALYZE produce_certificates;
SELECT (SELECT count(*) FROM cold_chain_batches) AS batches, (SELECT count(*) FROM trace_events) AS events,
       (SELECT count(*) FROM produce_certificates) AS certificates;

-- Bulk records of the closed loop for the PostgreSQL benchmark (bench/inspections.sh): :inspections
-- inspections over three years spread over every active business, three findings each, an order
-- for three inspections in ten (most closed; 2% still open, half of those past their deadline).
-- Written straight into the tables, with foreign-key triggers off and the secondary indexes built
-- after the load, as a migration tool would; the running counts are recounted afterwards by
-- `shian jobs recount`.
\set ON_ERROR_STOP on
SET session_replication_role = replica;
SET synchronous_commit = off;

CREATE TEMP TABLE bench_businesses AS
    SELECT row_number() OVER (ORDER BY id) AS n, id, region_code FROM businesses WHERE status = 'active';
CREATE UNIQUE INDEX ON bench_businesses (n);
SELECT count(*) AS business_count FROM bench_businesses \gset
SELECT id AS template_id FROM checklist_templates WHERE code = 'catering' AND active ORDER BY version DESC LIMIT 1 \gset
SELECT id AS inspector_id FROM users WHERE role = 'inspector' ORDER BY username LIMIT 1 \gset
CREATE TEMP TABLE bench_items AS
    SELECT row_number() OVER (ORDER BY number) - 1 AS n, id, severity, text FROM checklist_items WHERE template_id = :'template_id';
SELECT count(*) AS item_count FROM bench_items \gset

DROP INDEX IF EXISTS inspections_business_at, inspections_region_at, findings_business_at, findings_region_at,
    rectification_orders_status_region_deadline, rectification_orders_business, rectification_orders_unclosed;

\echo inspections
INSERT INTO inspections (id, business_id, region_code, template_id, kind, inspected_at, score, result, inspector_id, signed_at,
                         acknowledged_by, acknowledged_at, created_at)
SELECT gen_random_uuid(), b.id, b.region_code, :'template_id', 'planned', at, 60 + (i * 7) % 41,
       CASE WHEN i % 10 < 7 THEN 'pass' WHEN i % 10 < 9 THEN 'passWithConditions' ELSE 'fail' END,
       :'inspector_id', at, '负责人', at, at
FROM generate_series(1::bigint, :inspections) AS i
JOIN bench_businesses b ON b.n = 1 + (i * 7919) % :business_count
CROSS JOIN LATERAL (SELECT now() - make_interval(days => ((i * 31) % 1095)::int, hours => (i % 9)::int)) AS t(at);

\echo orders
INSERT INTO rectification_orders (id, number, business_id, region_code, inspection_id, severity, issued_at, deadline, status,
                                  answer, answered_at, rejections, closed_at, escalated_at, issued_by, created_at, updated_at)
SELECT gen_random_uuid(), '整改〔压测〕' || row_number() OVER () || '号', business_id, region_code, id,
       CASE WHEN score % 3 = 0 THEN 'critical' ELSE 'major' END, inspected_at, inspected_at + interval '10 days',
       CASE WHEN (abs(hashtext(id::text)) % 100) < 2 AND inspected_at > now() - interval '20 days' THEN 'open'
            WHEN (abs(hashtext(id::text)) % 100) < 2 THEN 'answered' ELSE 'closed' END,
       '已整改', inspected_at + interval '5 days', (abs(hashtext(id::text)) % 7 = 0)::int, inspected_at + interval '6 days', NULL,
       :'inspector_id', inspected_at, inspected_at
FROM inspections WHERE result <> 'pass';
-- Orders of the last 20 days are open (half within, half past the deadline); older unclosed ones
-- were answered and wait for verification: 2% of all orders are not closed.
UPDATE rectification_orders SET closed_at = NULL WHERE status <> 'closed';

\echo findings
INSERT INTO findings (id, at, inspection_id, business_id, region_code, item_id, severity, description, corrected_on_site, repeat, order_id)
SELECT gen_random_uuid(), i.inspected_at, i.id, i.business_id, i.region_code, it.id, it.severity, it.text, k = 0, false, o.id
FROM inspections i
CROSS JOIN generate_series(0, 2) AS k
JOIN bench_items it ON it.n = (abs(hashtext(i.id::text)) + k) % :item_count
LEFT JOIN rectification_orders o ON o.inspection_id = i.id;

\echo indexes
CREATE INDEX inspections_business_at ON inspections (business_id, inspected_at);
CREATE INDEX inspections_region_at ON inspections (region_code, inspected_at);
CREATE INDEX findings_business_at ON findings (business_id, at);
CREATE INDEX findings_region_at ON findings (region_code, at);
CREATE INDEX rectification_orders_status_region_deadline ON rectification_orders (status, region_code, deadline);
CREATE INDEX rectification_orders_business ON rectification_orders (business_id);
CREATE INDEX rectification_orders_unclosed ON rectification_orders (deadline, region_code) WHERE status <> 'closed';

\echo standings
-- Grades and due dates as the loop would leave them: a spread of A–D, a tenth overdue for inspection.
UPDATE businesses SET risk_grade = (ARRAY['A','B','B','C','C','D'])[1 + abs(hashtext(id::text)) % 6],
    credit_score = 40 + abs(hashtext(id::text)) % 61, credit_rating = 'B',
    last_inspected_at = now() - interval '30 days',
    next_inspection_due = now() + make_interval(days => (abs(hashtext(id::text)) % 200) - 20)
WHERE status = 'active';

SET session_replication_role = origin;
VACUUM ANALYZE inspections;
VACUUM ANALYZE findings;
VACUUM ANALYZE rectification_orders;
VACUUM ANALYZE businesses;
SELECT (SELECT count(*) FROM inspections) AS inspections, (SELECT count(*) FROM findings) AS findings,
       (SELECT count(*) FROM rectification_orders) AS orders,
       (SELECT count(*) FROM rectification_orders WHERE status <> 'closed') AS unclosed;

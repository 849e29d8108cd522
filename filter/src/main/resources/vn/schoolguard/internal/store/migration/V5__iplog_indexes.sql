-- Searches by address or block within a time window read only this index: it also holds seq and id, so counting
-- the matches and picking the newest page need no table rows; the page's rows are then fetched by primary key.
-- Measured with 1 million entries at the density of 10 million over 24 months: see docs/performance.md.
CREATE INDEX sg_iplog_client_seq ON sg_iplog (site_key, client_ip_hex, logged_at, seq, id);
DROP INDEX sg_iplog_client;

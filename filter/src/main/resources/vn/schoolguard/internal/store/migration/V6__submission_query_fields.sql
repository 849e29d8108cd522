-- Query-string fields of a submission are part of what is moderated and replayed: approved values
-- (sanitized, possibly edited) and the values as posted, plus the names of fields a route drops.
-- NULL marks a row stored before this; such rows replay no query string.
ALTER TABLE sg_submissions ADD COLUMN query_fields_json VARCHAR(1000000);
ALTER TABLE sg_submissions ADD COLUMN raw_query_json VARCHAR(1000000);
ALTER TABLE sg_submissions ADD COLUMN dropped_json VARCHAR(100000);
-- The query string as posted (evidence) can be as long as a request line allows.
ALTER TABLE sg_submissions ALTER COLUMN query_string SET DATA TYPE VARCHAR(16000);

-- The chain head remembers the time of the last entry, so a new entry is never stamped before it even when the
-- clock steps back (retention anchors on time: an entry stamped in the past would be purged with older ones).
ALTER TABLE sg_iplog_head ADD COLUMN last_at TIMESTAMP WITH TIME ZONE;

UPDATE sg_iplog_head SET last_at = (SELECT MAX(l.logged_at) FROM sg_iplog l WHERE l.site_key = sg_iplog_head.site_key);

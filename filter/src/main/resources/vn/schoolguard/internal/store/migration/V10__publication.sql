-- "Approved" is not "published": when the application accepted a replay (sent_at), and where and when the
-- approved text was first seen in a page the site served (seen_path, seen_at). Rows approved before this
-- count as sent at their decision time, so that the page watch still looks for them for a while.
ALTER TABLE sg_submissions ADD COLUMN sent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sg_submissions ADD COLUMN seen_path VARCHAR(2000);
ALTER TABLE sg_submissions ADD COLUMN seen_at TIMESTAMP WITH TIME ZONE;
UPDATE sg_submissions SET sent_at = decided_at WHERE status = 'approved';
CREATE INDEX sg_submissions_unseen ON sg_submissions (site_key, status, sent_at);

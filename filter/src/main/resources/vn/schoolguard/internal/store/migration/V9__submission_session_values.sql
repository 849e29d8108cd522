-- Session attributes of the poster kept for replay (route.<name>.session-attributes): a JSON object of
-- name -> {type, text}. Moderators are shown the names only. NULL when the route keeps none.
ALTER TABLE sg_submissions ADD COLUMN session_json VARCHAR(100000);

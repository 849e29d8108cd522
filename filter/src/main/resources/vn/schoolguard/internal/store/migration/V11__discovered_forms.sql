-- Route discovery: forms the application took at paths no route guards, by method and path pattern, with the
-- field names seen there (JSON lists, never values) and counts, so that the console still shows them after a
-- restart. The filter keeps at most discovery.max-patterns rows per site, the most recently seen.
CREATE TABLE sg_discovered_forms (
    site_key     VARCHAR(100)  NOT NULL,
    method       VARCHAR(10)   NOT NULL,
    pattern      VARCHAR(1000) NOT NULL,
    fields_json  VARCHAR(8000) NOT NULL,
    text_json    VARCHAR(8000) NOT NULL,
    hits         BIGINT        NOT NULL,
    first_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status  INTEGER       NOT NULL,
    PRIMARY KEY (site_key, method, pattern)
);

CREATE INDEX sg_discovered_forms_recent ON sg_discovered_forms (site_key, last_seen);

-- Per-site learning from moderators' decisions: the weight deltas a site's decisions added to the global spam
-- model, and each decision's own step (so that it can be taken back when a moderator overrules it).

CREATE TABLE sg_spam_site_deltas (
    site_key  VARCHAR(100) NOT NULL,
    feature   INTEGER      NOT NULL,
    delta     REAL         NOT NULL,
    PRIMARY KEY (site_key, feature)
);

CREATE TABLE sg_spam_site_decisions (
    site_key       VARCHAR(100)     NOT NULL,
    submission_id  BIGINT           NOT NULL,
    spam           BOOLEAN          NOT NULL,
    step           VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (site_key, submission_id)
);

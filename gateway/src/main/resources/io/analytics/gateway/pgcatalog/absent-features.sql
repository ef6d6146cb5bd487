-- Catalogs of features the lake does not have: present and empty, so clients' queries run.
CREATE OR REPLACE TEMP VIEW pg_inherits AS
    SELECT CAST(NULL AS BIGINT) AS inhrelid, CAST(NULL AS BIGINT) AS inhparent, CAST(NULL AS INTEGER) AS inhseqno,
    false AS inhdetachpending
    WHERE false;

CREATE OR REPLACE TEMP VIEW pg_policy AS SELECT CAST(NULL AS BIGINT) AS oid, CAST(NULL AS VARCHAR) AS polname,
    CAST(NULL AS BIGINT) AS polrelid, CAST(NULL AS VARCHAR) AS polcmd, true AS polpermissive,
    CAST(NULL AS BIGINT[]) AS polroles, CAST(NULL AS VARCHAR) AS polqual, CAST(NULL AS VARCHAR) AS polwithcheck
    WHERE false;

CREATE OR REPLACE TEMP VIEW pg_publication AS
    SELECT CAST(NULL AS BIGINT) AS oid, CAST(NULL AS VARCHAR) AS pubname, false AS puballtables,
    false AS pubinsert, false AS pubupdate, false AS pubdelete, false AS pubtruncate, false AS pubviaroot
    WHERE false;

CREATE OR REPLACE TEMP VIEW pg_publication_rel AS
    SELECT CAST(NULL AS BIGINT) AS oid, CAST(NULL AS BIGINT) AS prpubid, CAST(NULL AS BIGINT) AS prrelid,
    CAST(NULL AS VARCHAR) AS prqual, CAST(NULL AS INTEGER[]) AS prattrs
    WHERE false;

CREATE OR REPLACE TEMP VIEW pg_publication_namespace AS
    SELECT CAST(NULL AS BIGINT) AS oid, CAST(NULL AS BIGINT) AS pnpubid, CAST(NULL AS BIGINT) AS pnnspid
    WHERE false;

CREATE OR REPLACE TEMP VIEW pg_statistic_ext AS
    SELECT CAST(NULL AS BIGINT) AS oid, CAST(NULL AS BIGINT) AS stxrelid, CAST(NULL AS VARCHAR) AS stxname,
    CAST(NULL AS BIGINT) AS stxnamespace, CAST(NULL AS INTEGER[]) AS stxkeys, CAST(NULL AS INTEGER) AS stxstattarget,
    CAST(NULL AS VARCHAR[]) AS stxkind, CAST(NULL AS VARCHAR) AS stxexprs
    WHERE false;

CREATE OR REPLACE TEMP VIEW pg_rewrite AS
    SELECT CAST(NULL AS BIGINT) AS oid, CAST(NULL AS VARCHAR) AS rulename, CAST(NULL AS BIGINT) AS ev_class,
    CAST(NULL AS VARCHAR) AS ev_type, CAST(NULL AS VARCHAR) AS ev_enabled, false AS is_instead
    WHERE false;

CREATE OR REPLACE TEMP VIEW pg_partitioned_table AS
    SELECT CAST(NULL AS BIGINT) AS partrelid, CAST(NULL AS VARCHAR) AS partstrat, CAST(NULL AS SMALLINT) AS partnatts
    WHERE false;

CREATE OR REPLACE TEMP VIEW pg_foreign_table AS
    SELECT CAST(NULL AS BIGINT) AS ftrelid, CAST(NULL AS BIGINT) AS ftserver, CAST(NULL AS VARCHAR[]) AS ftoptions
    WHERE false;

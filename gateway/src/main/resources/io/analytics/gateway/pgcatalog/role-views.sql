-- Logins and role membership over pg_roles (the platform's roles and configured users).
CREATE OR REPLACE TEMP VIEW pg_user AS SELECT rolname AS usename, oid AS usesysid, rolcreatedb AS usecreatedb,
    rolsuper AS usesuper, false AS userepl, false AS usebypassrls, '********' AS passwd, CAST(NULL AS TIMESTAMPTZ) AS valuntil,
    CAST(NULL AS VARCHAR[]) AS useconfig
    FROM pg_roles WHERE rolcanlogin;

CREATE OR REPLACE TEMP VIEW pg_auth_members AS
    SELECT CAST(r.oid AS BIGINT) AS roleid, CAST(u.oid AS BIGINT) AS member, CAST(10 AS BIGINT) AS grantor,
    false AS admin_option
    FROM pg_roles u JOIN pg_roles r ON r.rolname = u.role_name
    WHERE u.rolcanlogin AND NOT r.rolcanlogin;

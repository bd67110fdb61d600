-- electronic-payments, schema version 2: the agency's roles, their permissions, and the staff who hold them
-- (JdbcRoleStore, behind the SDK's RoleDirectory).
--
-- Plain SQL that runs unchanged on PostgreSQL (11 and later) and H2 2.x, like version 1. Table names start
-- with agency_ so that they stay apart from a host's own roles and staff tables in the same schema.
--
-- Every edit of a role first increments its version (agency_roles), and every edit of a staff member's
-- roles increments the staff member's version (agency_staff): the row lock that takes makes edits of the
-- same role, or of the same staff member, run one after the other, so none is lost. Permission names are
-- the SDK's Permission constants; a name this version of the SDK does not know is ignored when read.

CREATE TABLE agency_roles (
  agency_id            VARCHAR(64)  NOT NULL,
  name                 VARCHAR(64)  NOT NULL,
  version              BIGINT       NOT NULL,
  CONSTRAINT pk_agency_roles PRIMARY KEY (agency_id, name),
  CONSTRAINT ck_agency_roles_version CHECK (version >= 1)
);

CREATE TABLE agency_role_permissions (
  agency_id            VARCHAR(64)  NOT NULL,
  role_name            VARCHAR(64)  NOT NULL,
  permission           VARCHAR(64)  NOT NULL,
  CONSTRAINT pk_agency_role_permissions PRIMARY KEY (agency_id, role_name, permission),
  CONSTRAINT fk_agency_role_permissions_role FOREIGN KEY (agency_id, role_name)
      REFERENCES agency_roles (agency_id, name) ON DELETE CASCADE
);

CREATE TABLE agency_staff (
  agency_id            VARCHAR(64)  NOT NULL,
  staff_id             VARCHAR(64)  NOT NULL,
  version              BIGINT       NOT NULL,
  CONSTRAINT pk_agency_staff PRIMARY KEY (agency_id, staff_id),
  CONSTRAINT ck_agency_staff_version CHECK (version >= 1)
);

CREATE TABLE agency_staff_roles (
  agency_id            VARCHAR(64)  NOT NULL,
  staff_id             VARCHAR(64)  NOT NULL,
  role_name            VARCHAR(64)  NOT NULL,
  CONSTRAINT pk_agency_staff_roles PRIMARY KEY (agency_id, staff_id, role_name),
  CONSTRAINT fk_agency_staff_roles_staff FOREIGN KEY (agency_id, staff_id)
      REFERENCES agency_staff (agency_id, staff_id) ON DELETE CASCADE,
  CONSTRAINT fk_agency_staff_roles_role FOREIGN KEY (agency_id, role_name)
      REFERENCES agency_roles (agency_id, name) ON DELETE CASCADE
);

-- "Does anyone hold this permission" and "who holds this role" read by role.
CREATE INDEX ix_agency_staff_roles_role ON agency_staff_roles (agency_id, role_name);

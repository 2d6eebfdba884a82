-- Every running Pyroom node says it is alive here; a node not seen for a while is dead.
CREATE TABLE node (
    id         text PRIMARY KEY,
    colour     text        NOT NULL,
    started_at timestamptz NOT NULL,
    seen_at    timestamptz NOT NULL
);

-- Cluster-wide jobs run on the one node holding their lease until it expires.
CREATE TABLE job_lease (
    name       text PRIMARY KEY,
    holder     text        NOT NULL,
    expires_at timestamptz NOT NULL
);

-- Which node holds the sandbox of which workspace. The row is that node's claim: a node acts only on the
-- sandboxes whose rows name it, and a node that takes a workspace over rewrites the row.
CREATE TABLE sandbox (
    workspace_id     bigint PRIMARY KEY REFERENCES workspace (id) ON DELETE CASCADE,
    owner_id         bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    node_id          text        NOT NULL,
    backend          text        NOT NULL,
    state            text        NOT NULL CHECK (state IN ('IDLE', 'RUNNING')),
    created_at       timestamptz NOT NULL,
    last_activity_at timestamptz NOT NULL
);
CREATE INDEX sandbox_node_idx ON sandbox (node_id);

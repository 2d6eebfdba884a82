-- Server-wide run limits an admin sets, the same for every node and both colours. One row; a null column keeps the
-- configured value, which is also the hard bound no stored value may exceed (checked by the application).
CREATE TABLE server_run_limits (
    id                   smallint PRIMARY KEY CHECK (id = 1),
    default_wall_seconds integer CHECK (default_wall_seconds > 0),
    default_cpu_seconds  integer CHECK (default_cpu_seconds > 0),
    default_memory_mib   integer CHECK (default_memory_mib > 0),
    default_processes    integer CHECK (default_processes > 0),
    default_output_kib   integer CHECK (default_output_kib > 0),
    max_wall_seconds     integer CHECK (max_wall_seconds > 0),
    max_cpu_seconds      integer CHECK (max_cpu_seconds > 0),
    max_memory_mib       integer CHECK (max_memory_mib > 0),
    max_processes        integer CHECK (max_processes > 0),
    max_output_kib       integer CHECK (max_output_kib > 0),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

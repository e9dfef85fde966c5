"""The council overview's facts as rows of tables (one per assessment, at its current
revision), kept by the store's own writes and counted with GROUP BY: in PostgreSQL beside the
assessments (migration 0006), locally in an SQLite file beside the data folder's documents
(local.py). The facts themselves are computed above the store (app/services/dashboard_facts)
and handed in through scorer.py."""

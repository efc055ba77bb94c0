using System.Collections.Generic;

namespace CrmSdkGen.Sync.PostgreSql;

/// <summary>
/// The migrations, in order; "{s}" stands for the schema. A released migration is never edited: a change to the layout
/// is a new migration at the end.
/// </summary>
internal static class PostgreSqlMigrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        // 1: records with their bases and outbox entries, checkpoints, and the fleet's accounts, jobs and rate grants.
        """
        CREATE SEQUENCE {s}.sync_pending_order;
        CREATE TABLE {s}.sync_records (
            account text NOT NULL, resource text NOT NULL, key text NOT NULL,
            local text, base text, pending smallint NOT NULL, pending_order bigint, seen text,
            PRIMARY KEY (account, resource, key));
        CREATE INDEX sync_records_outbox ON {s}.sync_records (account, resource, pending_order) WHERE pending <> 0;
        CREATE TABLE {s}.sync_checkpoints (
            account text NOT NULL, resource text NOT NULL, name text NOT NULL, value text NOT NULL,
            PRIMARY KEY (account, resource, name));
        CREATE TABLE {s}.fleet_accounts (
            account text PRIMARY KEY, rate_limit integer, rate_window_ms integer,
            lease_owner text, lease_expires timestamptz, fence bigint NOT NULL DEFAULT 0,
            auth_failures integer NOT NULL DEFAULT 0, paused_reason text, paused_at timestamptz);
        CREATE TABLE {s}.fleet_jobs (
            account text NOT NULL REFERENCES {s}.fleet_accounts ON DELETE CASCADE, resource text NOT NULL,
            interval_ms bigint NOT NULL, jitter_ms bigint NOT NULL, next_run timestamptz NOT NULL,
            failures integer NOT NULL DEFAULT 0, last_error text, failed_reason text,
            last_started timestamptz, last_success timestamptz, runs bigint NOT NULL DEFAULT 0,
            PRIMARY KEY (account, resource));
        CREATE INDEX fleet_jobs_due ON {s}.fleet_jobs (next_run) WHERE failed_reason IS NULL;
        CREATE TABLE {s}.fleet_rate_grants (account text NOT NULL, granted_at timestamptz NOT NULL);
        CREATE INDEX fleet_rate_grants_account ON {s}.fleet_rate_grants (account, granted_at);

        -- One request's grant from the account's budget, for the worker holding its lease: 0 when granted, the
        -- milliseconds to wait when the budget is spent, -1 when the lease is no longer the caller's. The budget is a
        -- sliding log: at most rate_limit grants in any rate_window_ms (+ margin), whichever worker asks.
        CREATE FUNCTION {s}.fleet_take_grant(p_account text, p_owner text, p_fence bigint, p_margin_ms integer) RETURNS bigint
        LANGUAGE plpgsql AS $$
        DECLARE
            v_limit integer; v_window interval; v_held boolean; v_count integer; v_oldest timestamptz; v_now timestamptz;
        BEGIN
            SELECT rate_limit, (coalesce(rate_window_ms, 0) + p_margin_ms) * interval '1 millisecond',
                   lease_owner = p_owner AND fence = p_fence AND lease_expires > clock_timestamp()
              INTO v_limit, v_window, v_held
              FROM {s}.fleet_accounts WHERE account = p_account FOR UPDATE;
            IF v_held IS NOT TRUE THEN RETURN -1; END IF;
            IF v_limit IS NULL THEN RETURN 0; END IF;
            v_now := clock_timestamp();
            DELETE FROM {s}.fleet_rate_grants WHERE account = p_account AND granted_at <= v_now - v_window;
            SELECT count(*), min(granted_at) INTO v_count, v_oldest FROM {s}.fleet_rate_grants WHERE account = p_account;
            IF v_count < v_limit THEN
                INSERT INTO {s}.fleet_rate_grants (account, granted_at) VALUES (p_account, v_now);
                RETURN 0;
            END IF;
            RETURN greatest(1, ceil(extract(epoch FROM (v_oldest + v_window - v_now)) * 1000))::bigint;
        END $$;
        """,

        // 2: the webhook inbox; "due" is also how long a dispatcher's claim on a pending event lasts.
        """
        CREATE TABLE {s}.webhook_inbox (
            source text NOT NULL, id text NOT NULL, payload bytea NOT NULL, received timestamptz NOT NULL,
            state smallint NOT NULL DEFAULT 0, attempts integer NOT NULL DEFAULT 0, last_error text, due timestamptz NOT NULL,
            PRIMARY KEY (source, id));
        CREATE INDEX webhook_inbox_due ON {s}.webhook_inbox (due) WHERE state = 0;
        """,
    ];
}

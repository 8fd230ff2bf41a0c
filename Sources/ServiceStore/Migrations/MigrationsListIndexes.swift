import GRDB

extension Schema {
    /// Migrations added while measuring the panels (advisor-bench), registered after the trust ones in
    /// `Schema.migrator`. Append only: never edit one that has shipped.
    static func registerPanelMigrations(_ migrator: inout DatabaseMigrator) {
        // The reports count the orders opened in the period; with no index on `opened_at` alone that
        // scanned every order ever opened (40 ms warm, 320 ms cold at 300,000 orders).
        migrator.registerMigration("panels-1-repair-order-opened-index") { db in
            try db.execute(sql: "CREATE INDEX repair_order_opened ON repair_order(opened_at)")
        }
        // The follow-up panel lists callbacks closed as unreachable in the last two weeks on every load.
        // On `callback(status)` alone that read every unreachable callback of every year (some 21,000 at
        // 300,000 orders, 10–16 ms, on every start and refresh); with the closing time in the index it
        // reads only the recent ones. The new index serves every `status = ?` lookup, so the old one goes.
        migrator.registerMigration("panels-2-callback-status-completed-index") { db in
            try db.execute(sql: """
                CREATE INDEX callback_status_completed ON callback(status, completed_at);
                DROP INDEX callback_status;
                """)
        }
    }
}

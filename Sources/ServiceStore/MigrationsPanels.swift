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
    }
}

import GRDB

extension Schema {
    /// Migrations added by the shop-hours work (issue 13, branch desk-times), registered after the follow-up
    /// ones in `Schema.migrator`. Append only: never edit one that has shipped.
    static func registerDeskTimesMigrations(_ migrator: inout DatabaseMigrator) {
        // The customer's calling window picked from a small set (`CallWindow` raw values; '' = never picked,
        // when the free-text preferred call time is read instead). The free text stays as it was.
        migrator.registerMigration("desk-times-1-customer-call-window") { db in
            try db.execute(sql: "ALTER TABLE customer ADD COLUMN call_window TEXT NOT NULL DEFAULT ''")
        }
        // What an appointment was before it was marked a no-show, so undoing the mark restores it.
        migrator.registerMigration("desk-times-2-appointment-status-before-no-show") { db in
            try db.execute(sql: "ALTER TABLE appointment ADD COLUMN status_before_no_show TEXT NOT NULL DEFAULT ''")
        }
    }
}

import GRDB

extension Schema {
    /// Migrations added by later follow-up work, registered after the panels' in `Schema.migrator`.
    /// Append only: never edit one that has shipped.
    static func registerFollowUpMigrations(_ migrator: inout DatabaseMigrator) {
        // An unreachable customer is owed a text message or letter; the advisor records it as sent.
        migrator.registerMigration("followup-1-message-sent") { db in
            try db.execute(sql: """
                ALTER TABLE callback ADD COLUMN message_sent_at TEXT;
                ALTER TABLE callback ADD COLUMN message_sent_by INTEGER REFERENCES staff(id);
                """)
        }
    }
}

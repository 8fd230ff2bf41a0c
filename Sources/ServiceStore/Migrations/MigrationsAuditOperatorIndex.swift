import GRDB

extension Schema {
    /// Migrations added by the trust feature, registered after v1 in `Schema.migrator`.
    /// Append only: never edit one that has shipped.
    static func registerTrustMigrations(_ migrator: inout DatabaseMigrator) {
        // The audit panel's "person" filter looks rows up by who made them; without this index
        // each page would scan the whole trail.
        migrator.registerMigration("trust-1-audit-operator-index") { db in
            try db.execute(sql: "CREATE INDEX audit_log_operator ON audit_log(operator_id, id)")
        }
    }
}

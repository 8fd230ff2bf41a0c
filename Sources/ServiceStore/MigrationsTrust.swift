import GRDB

extension Schema {
    /// Migrations added by the trust feature, registered after v1 in `Schema.migrator`.
    /// Append only: never edit one that has shipped.
    static func registerTrustMigrations(_ migrator: inout DatabaseMigrator) {
    }
}

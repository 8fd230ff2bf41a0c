import GRDB

extension Schema {
    /// Migrations added by the reception feature, registered after v1 in `Schema.migrator`.
    /// Append only: never edit one that has shipped.
    static func registerReceptionMigrations(_ migrator: inout DatabaseMigrator) {
    }
}
